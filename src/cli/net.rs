//! `stepgrad net`: a worked example on a network, step by step, and with
//! `--plot` a picture of the network as the first step finds it.
//!
//! The command line loads the spec, hands the library a `NetRequest` to
//! plan (`network::NetPlan`), runs it with the binary's Ctrl-C token,
//! renders the report and draws the picture; a run that diverged prints
//! its report of the steps done and exits 1. With `--check` it judges a
//! sheet of hand-worked values for the first step instead
//! (`network::answers`), exit 1 when an entry is wrong.

use super::inputs::{check_output_file, check_sample, parse_count};
use super::optimizer_args::OptimizerArgs;
use super::{write_file_atomically, Context, Written};
use crate::network::answers::{answer_names, judge, read_sheet, CheckNetwork};
use crate::network::{
    check_gradients, load_spec, trainable, NetPlan, NetRequest, NetworkFormula, Spec,
};
use crate::optim::OptimizerConfig;
use crate::report::gradcheck::{appended, Checked};
use crate::report::net::{csv_note, divergence, json_value, render, NetReport, Show};
use crate::report::net_check::{render as render_check, CheckReport};
use crate::report::net_diagram::{picture, DiagramOf};
use crate::report::Format;
use crate::Error;
use clap::Args;
use std::path::{Path, PathBuf};

#[derive(Args, Debug, Clone)]
pub struct NetArgs {
    /// A spec file (.toml) or a built-in example: mazur, xor, xor-equal, softmax3
    #[arg(default_value = "mazur")]
    pub spec: String,
    /// Gradient-descent steps to run (default: the spec's [train] steps, else 1)
    #[arg(long, value_name = "N", value_parser = parse_count, allow_negative_numbers = true)]
    pub steps: Option<usize>,
    /// Also print one parameter's derivation by the rules of differentiation (its shared form when written out it would exceed 256 products)
    #[arg(long, value_name = "NAME")]
    pub param: Option<String>,
    /// What to show each step: formula, forward, backward, update (comma-separated)
    #[arg(long, value_delimiter = ',', value_name = "PARTS")]
    pub show: Vec<String>,
    /// The sample whose chain-rule factors are shown (1-based)
    #[arg(long, value_name = "K", default_value_t = 1, value_parser = parse_count, allow_negative_numbers = true)]
    pub sample: usize,
    #[command(flatten)]
    pub optimizer: OptimizerArgs,
    /// Draw the network as an SVG file: neurons, weights (thickness by magnitude), values
    #[arg(long, value_name = "FILE.svg")]
    pub plot: Option<PathBuf>,
    /// With --plot: also label each weight with ∂E/∂w and each neuron with δ
    #[arg(long, requires = "plot")]
    pub plot_gradients: bool,
    /// Show each gradient of the first step beside its central-difference estimate and their relative difference
    #[arg(long)]
    pub gradcheck: bool,
    /// Judge hand-worked values of the first step (name = number, names as net prints them; docs/net-check.md): right at the digits written, or wrong with the likely mistake; exit 1 when one is wrong
    #[arg(long, value_name = "ANSWERS.toml", conflicts_with_all = ["plot", "gradcheck", "param"])]
    pub check: Option<PathBuf>,
    /// Leave out the network's heading, setup and notes (a lesson shows them once)
    #[arg(long)]
    pub no_header: bool,
}

const FORMATS: [Format; 5] = Format::ALL_BUT_DOT;

pub fn run(args: &NetArgs, context: &Context) -> Result<Written, Error> {
    context.require_format("net", &FORMATS)?;
    let spec = load_spec(&args.spec)?;
    super::files::refuse_overwriting_spec_data(context.outputs, &spec)?;
    let plan = NetPlan::new(&request(args), &spec, &args.spec)?;
    if let Some(sheet) = &args.check {
        return check_sheet(args, sheet, &spec, &plan, context);
    }
    check_sample(
        args.sample,
        spec.inputs.len(),
        crate::text!("inputs-sample-net-hint"),
    )?;
    let show = parse_show(&args.show)?;
    if let Some(path) = &args.plot {
        check_output_file("--plot", path, "svg")?;
    }
    let formulas = plan.formula(args.param.as_deref())?;
    let run = plan.run(&formulas.formula, context.control.cancel)?;
    if let Some(path) = &args.plot {
        let of = DiagramOf {
            spec: &spec,
            formula: &formulas.formula,
            run: &run,
            sample: args.sample - 1,
            gradients: args.plot_gradients,
            lang: context.style.lang,
        };
        draw(&of, path)?;
    }
    let mut style = context.style;
    if context.digits.is_none() {
        style.digits = 9;
    }
    let report = NetReport {
        spec: &spec,
        formula: &formulas.formula,
        run: &run,
        show,
        sample: args.sample - 1,
        optimizer: plan.optimizer,
        update_biases: spec.train.update_biases,
        derivation: formulas.derivation,
        plot: args.plot.as_ref().map(|p| p.display().to_string()),
        header: !args.no_header,
    };
    let note = match context.format {
        Format::Csv => csv_note(&report, style.lang).unwrap_or_default(),
        _ => String::new(),
    };
    let stdout = render(&report, context.format, &style);
    let stdout = with_gradcheck(stdout, &report, args.gradcheck, context.format, &style)?;
    Ok(Written::with_verdict(
        stdout,
        note,
        divergence(&report, style.lang),
        context,
    ))
}

/// The report with the gradient check of its first step after it, when
/// asked for (CSV stays the table it is).
fn with_gradcheck(
    stdout: String,
    report: &NetReport,
    gradcheck: bool,
    format: Format,
    style: &crate::report::Style,
) -> Result<String, Error> {
    let Some(first) = report.run.steps.first() else {
        return Ok(stdout);
    };
    if !gradcheck || format == Format::Csv {
        return Ok(stdout);
    }
    let rows = check_gradients(
        report.formula,
        report.spec,
        &first.params_before,
        &first.gradients,
        &report.run.trainable,
    )?;
    let value = || json_value(report, style.lang);
    Ok(appended(
        stdout,
        value,
        &rows,
        Checked::NetworkLoss,
        format,
        style,
    ))
}

fn request(args: &NetArgs) -> NetRequest {
    NetRequest {
        steps: args.steps,
        optimizer: args.optimizer.choice(),
    }
}

/// `--check`: the sheet read against the network's names, judged, and
/// reported; exit 1 when an entry is wrong.
fn check_sheet(
    args: &NetArgs,
    sheet: &Path,
    spec: &Spec,
    plan: &NetPlan,
    context: &Context,
) -> Result<Written, Error> {
    if context.format == Format::Csv {
        return Err(Error::told(
            crate::text!("net-check-format", format = context.format.name()),
            crate::text!("net-check-format-hint"),
        ));
    }
    check_sample(
        args.sample,
        spec.inputs.len(),
        crate::text!("inputs-sample-net-hint"),
    )?;
    let text = super::inputs::read_named_file("--check", sheet)?;
    let formula = NetworkFormula::build(spec);
    let network = CheckNetwork {
        spec,
        formula: &formula,
        sample: args.sample - 1,
        lr: plain_step(&plan.optimizer),
        trainable: trainable_mask(&formula, spec.train.update_biases),
    };
    let names = answer_names(&network)?;
    let known: Vec<&str> = names.iter().map(String::as_str).collect();
    let path = sheet.display().to_string();
    let answers = read_sheet(&text, &path, &known)?;
    let judged = judge(&network, &answers)?;
    let report = CheckReport {
        network: &spec.name,
        sheet: &path,
        sample: args.sample,
        judged: &judged,
        digits: context.digits,
    };
    let stdout = render_check(&report, context.format, &context.style);
    let all_right = judged.iter().all(|j| j.right());
    Ok(Written {
        stdout,
        stderr: String::new(),
        code: if all_right { 0 } else { 1 },
    })
}

/// The learning rate of a plain gradient-descent step, the only update
/// `--check` judges.
fn plain_step(optimizer: &OptimizerConfig) -> Option<f64> {
    match optimizer {
        OptimizerConfig::Sgd(sgd) if sgd.momentum == 0.0 && sgd.weight_decay == 0.0 => Some(sgd.lr),
        _ => None,
    }
}

fn trainable_mask(formula: &NetworkFormula, update_biases: bool) -> Vec<bool> {
    let trainable = trainable(formula, update_biases);
    (0..formula.params.len())
        .map(|p| trainable.contains(&p))
        .collect()
}

/// Writes the picture of the network to `path`.
fn draw(of: &DiagramOf, path: &std::path::Path) -> Result<(), Error> {
    let svg = picture(of).map_err(|message| Error::Io {
        path: path.display().to_string(),
        message,
    })?;
    write_file_atomically(path, svg.as_bytes())
}

fn parse_show(parts: &[String]) -> Result<Show, Error> {
    if parts.is_empty() {
        return Ok(Show {
            network: true,
            formula: false,
            forward: true,
            backward: true,
            update: true,
        });
    }
    let mut show = Show {
        network: false,
        formula: false,
        forward: false,
        backward: false,
        update: false,
    };
    for part in parts {
        match part.trim() {
            "formula" => show.formula = true,
            "network" => show.network = true,
            "forward" => {
                show.network = true;
                show.forward = true;
            }
            "backward" => show.backward = true,
            "update" => show.update = true,
            "all" => {
                show = Show {
                    network: true,
                    formula: true,
                    forward: true,
                    backward: true,
                    update: true,
                }
            }
            other => {
                return Err(Error::told(
                    crate::text!("net-show-unknown", part = other),
                    crate::text!("net-show-unknown-hint"),
                ))
            }
        }
    }
    Ok(show)
}
