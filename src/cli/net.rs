//! `stepgrad net`: a worked example on a network, step by step.

use super::optimizer_args::OptimizerArgs;
use super::{Context, Written};
use crate::calculus::differentiate;
use crate::network::{load_spec, run_steps, trainable, NetworkFormula, RunOptions};
use crate::optim::OptimizerConfig;
use crate::report::net::{render, NetReport, Show};
use crate::report::Format;
use crate::Error;
use clap::Args;

#[derive(Args, Debug, Clone)]
pub struct NetArgs {
    /// A spec file (.toml) or a built-in example: mazur, xor, softmax3
    #[arg(default_value = "mazur")]
    pub spec: String,
    /// Gradient-descent steps to run (default: the spec's [train] steps, else 1)
    #[arg(long, value_name = "N")]
    pub steps: Option<usize>,
    /// Also print one parameter's full derivation by the rules of differentiation
    #[arg(long, value_name = "NAME")]
    pub param: Option<String>,
    /// What to show each step: formula, forward, backward, update (comma-separated)
    #[arg(long, value_delimiter = ',', value_name = "PARTS")]
    pub show: Vec<String>,
    /// The sample whose chain-rule factors are shown (1-based)
    #[arg(long, value_name = "K", default_value_t = 1)]
    pub sample: usize,
    #[command(flatten)]
    pub optimizer: OptimizerArgs,
}

const FORMATS: [Format; 5] = [
    Format::Text,
    Format::Markdown,
    Format::Latex,
    Format::Json,
    Format::Csv,
];
/// The largest network Newton's method is offered for.
const MAX_NEWTON_PARAMETERS: usize = 60;
/// Steps shown in full at the start and at the end of a long run.
const FULL_STEPS: usize = 1;

pub fn run(args: &NetArgs, context: &Context) -> Result<Written, Error> {
    context.require_format("net", &FORMATS)?;
    let spec = load_spec(&args.spec)?;
    if spec.inputs.is_empty() {
        return Err(Error::usage(
            format!("the spec {} has no data", args.spec),
            "add inputs = [[…]] and targets = [[…]], or a [data] table with a CSV file",
        ));
    }
    let steps = args.steps.unwrap_or(spec.train.steps);
    if steps == 0 || steps > 1_000_000 {
        return Err(Error::usage(
            format!("--steps {steps} is outside 1 to 1,000,000"),
            "run at least one step; for long training use stepgrad train",
        ));
    }
    let optimizer = args
        .optimizer
        .config(&spec.train.optimizer, &spec.train.hyperparameters)?;
    if args.sample == 0 || args.sample > spec.inputs.len() {
        return Err(Error::usage(
            format!(
                "--sample {}: the data has samples 1 to {}",
                args.sample,
                spec.inputs.len()
            ),
            "choose which sample's chain-rule factors to show",
        ));
    }
    let show = parse_show(&args.show)?;
    let mut formula = NetworkFormula::build(&spec);
    if matches!(optimizer, OptimizerConfig::Newton(_)) {
        let trainable = trainable(&formula, spec.train.update_biases);
        if trainable.len() > MAX_NEWTON_PARAMETERS {
            return Err(Error::usage(
                format!("Newton's method needs the {0}×{0} Hessian of this network's {0} trainable parameters", trainable.len()),
                format!("use it on networks of at most {MAX_NEWTON_PARAMETERS} parameters, or choose bfgs or adam"),
            ));
        }
        formula.build_hessian(&trainable);
    }
    let derivation = match &args.param {
        Some(name) => {
            let Some(index) = formula.params.iter().position(|p| &p.name == name) else {
                let names: Vec<&str> = formula.params.iter().map(|p| p.name.as_str()).collect();
                return Err(Error::usage(
                    format!("--param {name}: the network has no parameter {name}"),
                    format!("its parameters are {}", names.join(", ")),
                ));
            };
            let loss = formula.loss;
            Some((index, differentiate(&mut formula.graph, loss, name)))
        }
        None => None,
    };
    let keep = move |step: usize| step <= FULL_STEPS || step + FULL_STEPS > steps;
    let run = run_steps(
        &formula,
        &spec,
        &RunOptions {
            optimizer,
            steps,
            update_biases: spec.train.update_biases,
            keep: &keep,
        },
    )?;
    let mut style = context.style;
    if context.digits.is_none() {
        style.digits = 9;
    }
    let report = NetReport {
        spec: &spec,
        formula: &formula,
        run: &run,
        show,
        sample: args.sample - 1,
        optimizer,
        update_biases: spec.train.update_biases,
        derivation,
    };
    Ok(Written::ok(render(&report, context.format, &style)))
}

fn parse_show(parts: &[String]) -> Result<Show, Error> {
    if parts.is_empty() {
        return Ok(Show {
            formula: false,
            forward: true,
            backward: true,
            update: true,
        });
    }
    let mut show = Show {
        formula: false,
        forward: false,
        backward: false,
        update: false,
    };
    for part in parts {
        match part.trim() {
            "formula" => show.formula = true,
            "forward" => show.forward = true,
            "backward" => show.backward = true,
            "update" => show.update = true,
            "all" => {
                show = Show {
                    formula: true,
                    forward: true,
                    backward: true,
                    update: true,
                }
            }
            other => {
                return Err(Error::usage(
                    format!("--show {other}: not a part of the report"),
                    "the parts are formula, forward, backward, update (or all)",
                ))
            }
        }
    }
    Ok(show)
}
