//! `stepgrad minimize`: an optimizer on a plain function, step by step, or
//! several racing on the same function.
//!
//! The command line parses the function and the start, hands the library
//! a `MinimizeRequest` to plan (`optim::MinimizePlan`), runs it with the
//! binary's Ctrl-C token, and renders the report and the picture; a run
//! that diverged prints its report and exits 1.

use super::inputs::{check_output_file, parse_count, parse_expr, parse_point};
use super::optimizer_args::{CompareArgs, OptimizerArgs};
use super::{write_file_atomically, Context, Written};
use crate::expr::Graph;
use crate::optim::{checked_stopping, MinimizePlan, MinimizeRequest};
use crate::report::minimize::{csv_note, divergence, plot, render, MinimizeReport};
use crate::report::Format;
use crate::Error;
use clap::Args;
use std::path::PathBuf;

#[derive(Args, Debug, Clone)]
pub struct MinimizeArgs {
    /// The function to minimise, e.g. "x0^2 + x1^2" or "(1 - x)^2 + 100*(y - x^2)^2"
    #[arg(allow_hyphen_values = true)]
    pub expr: String,
    /// Where to start, e.g. --start x0=-3,x1=4
    #[arg(long, value_delimiter = ',', value_name = "V=x", required = true)]
    pub start: Vec<String>,
    #[command(flatten)]
    pub optimizer: OptimizerArgs,
    /// The most steps to take
    #[arg(long, value_name = "N", default_value_t = 100, value_parser = parse_count, allow_negative_numbers = true)]
    pub steps: usize,
    /// Stop once every component of the gradient is smaller than this
    #[arg(
        long,
        value_name = "X",
        default_value_t = 1e-8,
        allow_hyphen_values = true
    )]
    pub tol: f64,
    #[command(flatten)]
    pub compared: CompareArgs,
    /// Draw the function and the iterates as an SVG file
    #[arg(long, value_name = "FILE.svg")]
    pub plot: Option<PathBuf>,
    /// Draw the level sets of a function of two variables and the path in the terminal
    #[arg(long)]
    pub picture: bool,
}

const FORMATS: [Format; 5] = Format::ALL_BUT_DOT;

pub fn run(args: &MinimizeArgs, context: &Context) -> Result<Written, Error> {
    context.require_format("minimize", &FORMATS)?;
    let stopping = checked_stopping(args.steps, args.tol)?;
    let mut graph = Graph::new();
    let expr = parse_expr(
        &mut graph,
        &args.expr,
        crate::text!("error-origin-expression"),
    )?;
    let read = [crate::expr::reading(&graph, &args.expr, expr)];
    let start = parse_point(&args.start, "--start")?;
    let request = MinimizeRequest {
        graph,
        expr,
        start: &start,
        optimizer: args.optimizer.choice(),
        compare: &args.compared.compare,
        stopping,
        plot: args.plot.is_some(),
    };
    let mut plan = MinimizePlan::new(request)?;
    check_picture(args.picture, plan.objective.variables.len())?;
    if let Some(path) = &args.plot {
        check_output_file("--plot", path, "svg")?;
    }
    let runs = plan.run(context.control.cancel)?;
    let objective = &plan.objective;
    let f = objective.function();
    let report = MinimizeReport {
        graph: &objective.graph,
        expr,
        variables: &objective.variables,
        f: &f,
        runs: &runs,
        race: plan.race,
        tolerance: args.tol,
        max_steps: args.steps,
        plot: args.plot.as_ref().map(|p| p.display().to_string()),
        picture: args.picture,
    };
    if let Some(path) = &args.plot {
        let svg = plot(&report, context.style.lang).map_err(|message| Error::Io {
            path: path.display().to_string(),
            message,
        })?;
        write_file_atomically(path, svg.as_bytes())?;
    }
    let stdout = render(&report, context.format, &context.style);
    let stdout = crate::report::reading::echoed(stdout, &read, context.format, &context.style);
    let note = match context.format {
        Format::Csv => csv_note(&report, context.style.lang).unwrap_or_default(),
        _ => String::new(),
    };
    Ok(Written::with_verdict(
        stdout,
        note,
        divergence(&report, context.style.lang),
        context,
    ))
}

/// `--picture` draws a function of two variables only.
fn check_picture(picture: bool, variables: usize) -> Result<(), Error> {
    if picture && variables != 2 {
        return Err(Error::told(
            crate::text!("min-picture-variables", count = variables.to_string()),
            crate::text!("min-picture-variables-hint"),
        ));
    }
    Ok(())
}
