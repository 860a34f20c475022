//! `stepgrad minimize`: an optimizer on a plain function, step by step, or
//! several racing on the same function.

use super::inputs::{check_output_file, parse_count, parse_expr, parse_point};
use super::optimizer_args::{check_dimension, OptimizerArgs};
use super::{write_file_atomically, Context, Written};
use crate::expr::{Evaluator, Graph, Point};
use crate::optim::{
    minimize, ExpressionObjective, Hyperparameters, OptimizerConfig, Stop, Trajectory,
    UndefinedStart,
};
use crate::plot::{contours_with_paths, function_with_iterates, Iterates1, Path2};
use crate::report::minimize::{csv_note, render, MinimizeReport};
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
    /// Race several optimizers on the same function, e.g. --compare sgd,momentum,adam,bfgs
    #[arg(
        long,
        value_delimiter = ',',
        value_name = "NAMES",
        conflicts_with = "optimizer"
    )]
    pub compare: Vec<String>,
    /// Draw the function and the iterates as an SVG file
    #[arg(long, value_name = "FILE.svg")]
    pub plot: Option<PathBuf>,
}

const FORMATS: [Format; 5] = [
    Format::Text,
    Format::Markdown,
    Format::Latex,
    Format::Json,
    Format::Csv,
];
/// The most steps a run may take.
pub const MAX_STEPS: usize = crate::limits::MAX_STEPS;

pub fn run(args: &MinimizeArgs, context: &Context) -> Result<Written, Error> {
    context.require_format("minimize", &FORMATS)?;
    if args.steps == 0 || args.steps > MAX_STEPS {
        return Err(Error::usage(
            format!(
                "--steps {}: the number of steps must be between 1 and 1,000,000",
                args.steps
            ),
            "--steps counts the updates to make, e.g. --steps 100",
        ));
    }
    if !(args.tol >= 0.0 && args.tol.is_finite()) {
        return Err(Error::usage(
            format!(
                "--tol {}: the tolerance must be 0 or a positive number",
                args.tol
            ),
            "for example --tol 1e-8",
        ));
    }
    let mut graph = Graph::new();
    let expr = parse_expr(&mut graph, &args.expr, "the expression")?;
    let variables = graph.variables(expr);
    if variables.is_empty() {
        return Err(Error::usage(
            "the function has no variables to move",
            "minimize a function of variables, e.g. \"x^2 + 1\"",
        ));
    }
    let start = parse_point(&args.start, "--start")?;
    if let Some(extra) = start.names().find(|n| !variables.iter().any(|v| v == n)) {
        return Err(Error::usage(
            format!("--start gives {extra}, which the function does not contain"),
            format!(
                "its variables are {}",
                crate::diagnostic::name_list(&variables)
            ),
        ));
    }
    let x0: Vec<f64> = variables
        .iter()
        .map(|v| {
            start.get(v).ok_or_else(|| {
                Error::usage(
                    format!("--start gives no value for {v}"),
                    format!(
                        "start every variable: --start {}",
                        variables
                            .iter()
                            .map(|v| format!("{v}=…"))
                            .collect::<Vec<_>>()
                            .join(",")
                    ),
                )
            })
        })
        .collect::<Result<_, _>>()?;
    let configs: Vec<OptimizerConfig> = if args.compare.is_empty() {
        vec![args.optimizer.config("sgd", &Default::default())?]
    } else {
        let hyper = args.optimizer.hyperparameters(&Default::default());
        args.compare
            .iter()
            .map(|name| compared(name.trim(), &hyper))
            .collect::<Result<_, _>>()?
    };
    if let Some(path) = &args.plot {
        if variables.len() > 2 {
            return Err(Error::usage(
                format!(
                    "--plot draws functions of one or two variables; this one has {}",
                    variables.len()
                ),
                "drop --plot, or minimise a function of one or two variables",
            ));
        }
        check_output_file("--plot", path, "svg")?;
    }
    for config in &configs {
        let what = format!(
            "the function's {} variables",
            crate::number::format_thousands(variables.len() as u64)
        );
        check_dimension(config, variables.len(), &what).map_err(|error| {
            if args.compare.is_empty() {
                error
            } else {
                in_compare(error)
            }
        })?;
    }
    let mut objective = ExpressionObjective::new(graph, expr, variables.clone());
    if configs
        .iter()
        .any(|c| matches!(c, OptimizerConfig::Newton(_)))
    {
        // Built before the first step, so a Hessian beyond the limit is
        // refused before any work is shown.
        objective.hessian_expressions().map_err(|refused| {
            Error::usage(
                format!("Newton's method: {}", refused.message()),
                "choose bfgs, which needs no symbolic Hessian, or a first-order optimizer such as adam (docs/limits.md states the limit)",
            )
        })?;
    }
    let runs: Vec<Trajectory> = configs
        .iter()
        .map(|&c| {
            minimize(&mut objective, x0.clone(), c, args.steps, args.tol)
                .map_err(|refused| undefined_start(&refused, c, &start_text(&variables, &x0)))
        })
        .collect::<Result<_, _>>()?;
    if let Some(path) = &args.plot {
        let svg = plot(&objective, &runs)?;
        write_file_atomically(path, svg.as_bytes())?;
    }
    let report = MinimizeReport {
        graph: &objective.graph,
        expr,
        variables: &variables,
        runs: &runs,
        tolerance: args.tol,
        max_steps: args.steps,
        plot: args.plot.as_ref().map(|p| p.display().to_string()),
    };
    let stdout = render(&report, context.format, &context.style);
    let note = match context.format {
        Format::Csv => csv_note(&report).unwrap_or_default(),
        _ => String::new(),
    };
    let diverged: Vec<(String, String)> = runs
        .iter()
        .filter_map(|run| match &run.stop {
            Stop::Diverged { step, reason } => Some(divergence_message(run, *step, reason)),
            _ => None,
        })
        .collect();
    if diverged.is_empty() || !args.compare.is_empty() {
        return Ok(Written {
            stdout,
            stderr: note,
            code: 0,
        });
    }
    let error = Error::Diverged {
        message: diverged[0].0.clone(),
        hint: diverged[0].1.clone(),
    };
    Ok(Written {
        stdout,
        stderr: note + &error.render(context.error_color),
        code: error.exit_code(),
    })
}

/// One optimizer of `--compare`, its errors saying they came from there.
fn compared(name: &str, hyper: &Hyperparameters) -> Result<OptimizerConfig, Error> {
    if name.is_empty() {
        return Err(Error::usage(
            "--compare is given an empty name",
            "separate the optimizers with single commas, e.g. --compare sgd,momentum,adam",
        ));
    }
    OptimizerConfig::from_name_lenient(name, hyper).map_err(in_compare)
}

/// An error about one optimizer of `--compare`, saying it came from there.
fn in_compare(error: Error) -> Error {
    match error {
        Error::Usage { message, hint } => Error::Usage {
            message: format!("--compare: {message}"),
            hint,
        },
        other => other,
    }
}

/// The start as the message names it: "x = 0, y = 1".
fn start_text(variables: &[String], x0: &[f64]) -> String {
    variables
        .iter()
        .zip(x0)
        .map(|(v, x)| format!("{v} = {}", crate::expr::format_exact(*x)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The input error for a start where f, ∇f or the Hessian Newton's method
/// needs has no finite value: the start must change, not the learning rate.
fn undefined_start(refused: &UndefinedStart, config: OptimizerConfig, start: &str) -> Error {
    let (who, needs) = if refused.hessian {
        (config.title(), "f, its gradient and its Hessian")
    } else {
        ("minimize".to_string(), "f and its gradient")
    };
    Error::usage(
        format!("{who} cannot start at {start}: {}", refused.reason),
        format!("start where {needs} have finite values: choose another --start"),
    )
}

/// The message and hint for a diverged run.
fn divergence_message(run: &Trajectory, step: usize, reason: &str) -> (String, String) {
    let message = format!("{} diverged at step {step}: {reason}", run.config.title());
    let number = |x: f64| crate::number::format_significant(x, 3);
    let hint = match (run.config.lr(), curvature(run)) {
        (Some(lr), Some((ratio, curvature))) => format!(
            "the learning rate {} is too large for this function: each step multiplied the gradient by {}, so the curvature is about {} and gradient descent converges only for rates below 2/{} = {}; try {}",
            number(lr),
            number(ratio),
            number(curvature),
            number(curvature),
            number(2.0 / curvature),
            number(round_down(1.0 / curvature))
        ),
        (Some(lr), None) => format!(
            "the learning rate {} is too large for this function: try {}",
            number(lr),
            number(round_down(lr / 10.0))
        ),
        (None, _) if matches!(run.config, OptimizerConfig::Newton(c) if !c.line_search) => {
            "a full Newton step overshot here: add --line-search, or start closer to the minimum".to_string()
        }
        (None, _) => "start closer to the minimum, or choose a first-order optimizer with a small learning rate".to_string(),
    };
    (message, hint)
}

/// For plain gradient descent whose steps overshoot: the factor g_k / g_(k−1)
/// of the last finite steps (negative: the gradient flips) and the
/// curvature λ it implies, from g_k = (1 − lr·λ)·g_(k−1) on a quadratic.
fn curvature(run: &Trajectory) -> Option<(f64, f64)> {
    let OptimizerConfig::Sgd(c) = run.config else {
        return None;
    };
    if c.momentum != 0.0 || c.weight_decay != 0.0 {
        return None;
    }
    let finite: Vec<&[f64]> = run
        .iterates
        .iter()
        .map(|i| i.gradient.as_slice())
        .filter(|g| g.iter().all(|v| v.is_finite()))
        .collect();
    let [.., before, last] = finite.as_slice() else {
        return None;
    };
    let dot: f64 = before.iter().zip(*last).map(|(a, b)| a * b).sum();
    let norm = |g: &[f64]| g.iter().map(|v| v * v).sum::<f64>().sqrt();
    if dot >= 0.0 || norm(before) == 0.0 {
        return None;
    }
    let ratio = -norm(last) / norm(before);
    let curvature = (1.0 - ratio) / c.lr;
    (ratio < -1.0 && curvature.is_finite()).then_some((ratio, curvature))
}

/// `x` rounded down to 1, 2 or 5 times a power of ten.
fn round_down(x: f64) -> f64 {
    let power = 10f64.powf(x.log10().floor());
    [5.0, 2.0, 1.0]
        .iter()
        .map(|m| m * power)
        .find(|&v| v <= x * (1.0 + 1e-12))
        .unwrap_or(power)
}

/// The picture of the runs: the curve with iterates and tangents for one
/// variable, contours and paths for two.
fn plot(objective: &ExpressionObjective, runs: &[Trajectory]) -> Result<String, Error> {
    let graph = &objective.graph;
    let evaluator = Evaluator::new(graph, &[objective.expr]);
    let variables = &objective.variables;
    let title = format!("f = {}", crate::expr::unicode(graph, objective.expr));
    let failed = |message: String| Error::Io {
        path: "the plot".into(),
        message,
    };
    if variables.len() == 1 {
        let f = |x: f64| {
            evaluator
                .evaluate(&Point::new(vec![(variables[0].clone(), x)]))
                .ok()
                .map(|v| v[0])
        };
        let series: Vec<Iterates1> = runs
            .iter()
            .map(|run| Iterates1 {
                label: run.config.title(),
                points: run
                    .path
                    .iter()
                    .map(|i| (i.point[0], i.f, i.gradient[0]))
                    .collect(),
            })
            .collect();
        function_with_iterates(&title, &variables[0], &f, &series).map_err(failed)
    } else {
        let f = |x: f64, y: f64| {
            evaluator
                .evaluate(&Point::new(vec![
                    (variables[0].clone(), x),
                    (variables[1].clone(), y),
                ]))
                .ok()
                .map(|v| v[0])
        };
        let paths: Vec<Path2> = runs
            .iter()
            .map(|run| Path2 {
                label: run.config.title(),
                points: run
                    .path
                    .iter()
                    .map(|i| (i.point[0], i.point[1]))
                    .filter(|p| p.0.is_finite() && p.1.is_finite())
                    .collect(),
            })
            .collect();
        contours_with_paths(&title, (&variables[0], &variables[1]), &f, &paths).map_err(failed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_are_rounded_down() {
        assert_eq!(round_down(1.0), 1.0);
        assert_eq!(round_down(0.3), 0.2);
        assert_eq!(round_down(1.0 / 14.0), 0.05);
        assert_eq!(round_down(0.0099), 0.005);
    }
}
