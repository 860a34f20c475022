//! `stepgrad net`: a worked example on a network, step by step, and with
//! `--plot` a picture of the network as the first step finds it.

use super::inputs::{check_output_file, check_sample, parse_count};
use super::optimizer_args::{check_dimension, OptimizerArgs};
use super::{write_file_atomically, Context, Written};
use crate::calculus::{chain_terms, differentiate};
use crate::network::{
    load_spec, run_steps, trainable, NetworkFormula, ParamKind, Run, RunOptions, Spec,
};
use crate::optim::OptimizerConfig;
use crate::plot::{
    network_diagram, DiagramBias, DiagramNeuron, DiagramParam, DiagramWeight, NetworkDiagram,
};
use crate::report::net::{csv_note, render, NetReport, ParamDerivation, Show};
use crate::report::Format;
use crate::Error;
use clap::Args;
use std::path::PathBuf;

#[derive(Args, Debug, Clone)]
pub struct NetArgs {
    /// A spec file (.toml) or a built-in example: mazur, xor, softmax3
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
}

const FORMATS: [Format; 5] = [
    Format::Text,
    Format::Markdown,
    Format::Latex,
    Format::Json,
    Format::Csv,
];
/// Steps shown in full at the start and at the end of a long run.
const FULL_STEPS: usize = 1;

pub fn run(args: &NetArgs, context: &Context) -> Result<Written, Error> {
    context.require_format("net", &FORMATS)?;
    let spec = load_spec(&args.spec)?;
    super::files::refuse_overwriting_spec_data(context.outputs, &spec)?;
    super::inputs::check_symbolic_size(&spec, "net")?;
    if spec.inputs.is_empty() {
        return Err(Error::usage(
            format!("the spec {} has no data", args.spec),
            "add inputs = [[…]] and targets = [[…]], or a [data] table with a CSV file",
        ));
    }
    check_samples(&spec)?;
    let steps = args.steps.unwrap_or(spec.train.steps);
    if steps == 0 || steps > crate::limits::MAX_STEPS {
        let given = if args.steps.is_some() {
            format!("--steps {steps}")
        } else {
            format!("the spec's steps = {steps}")
        };
        return Err(Error::usage(
            format!("{given} is outside 1 to 1,000,000 steps"),
            "run at least one step; for long training use stepgrad train",
        ));
    }
    let optimizer = args
        .optimizer
        .config(&spec.train.optimizer, &spec.train.hyperparameters)?;
    check_sample(
        args.sample,
        spec.inputs.len(),
        "choose which sample's chain-rule factors to show",
    )?;
    let show = parse_show(&args.show)?;
    if let Some(path) = &args.plot {
        check_output_file("--plot", path, "svg")?;
    }
    let mut formula = NetworkFormula::build(&spec);
    let trainable = trainable(&formula, spec.train.update_biases);
    check_dimension(
        &optimizer,
        trainable.len(),
        &format!(
            "this network's {} trainable parameters",
            crate::number::format_thousands(trainable.len() as u64)
        ),
    )?;
    if matches!(optimizer, OptimizerConfig::Newton(_)) {
        formula.build_hessian(&trainable);
    }
    let derivation = match &args.param {
        Some(name) => {
            let Some(index) = formula.params.iter().position(|p| &p.name == name) else {
                let names: Vec<&str> = formula.params.iter().map(|p| p.name.as_str()).collect();
                return Err(Error::usage(
                    format!("--param {name}: the network has no parameter {name}"),
                    format!(
                        "its parameters are {}",
                        crate::diagnostic::name_list(&names)
                    ),
                ));
            };
            let loss = formula.loss;
            // Counted before anything is built: written out, the derivation
            // prints every path from the parameter to the loss.
            let terms = chain_terms(&formula.graph, loss, name);
            if terms > crate::limits::MAX_EXPANDED_TERMS {
                Some(ParamDerivation::Shared {
                    param: index,
                    terms,
                })
            } else {
                Some(ParamDerivation::Expanded(
                    index,
                    differentiate(&mut formula.graph, loss, name),
                ))
            }
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
    if let Some(path) = &args.plot {
        let picture = diagram(&spec, &formula, &run, args.sample - 1, args.plot_gradients);
        let svg = network_diagram(&picture).map_err(|message| Error::Io {
            path: path.display().to_string(),
            message,
        })?;
        write_file_atomically(path, svg.as_bytes())?;
    }
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
        plot: args.plot.as_ref().map(|p| p.display().to_string()),
    };
    let stderr = match context.format {
        Format::Csv => csv_note(&report).unwrap_or_default(),
        _ => String::new(),
    };
    Ok(Written {
        stdout: render(&report, context.format, &style),
        stderr,
        code: 0,
    })
}

/// Refuses more samples than `net` works through (docs/limits.md): it
/// evaluates every formula for every sample at each step, shows each
/// sample's forward pass, and keeps the values of the steps shown in full.
fn check_samples(spec: &Spec) -> Result<(), Error> {
    let samples = spec.inputs.len();
    let parameters = spec.parameter_count();
    let count = |n: usize| crate::number::format_thousands(n as u64);
    let hint = format!(
        "train on them with stepgrad train {}, or give net a sample of the rows",
        spec.name
    );
    if samples > crate::limits::MAX_NET_SAMPLES {
        return Err(Error::usage(
            format!(
                "{} has {} samples; net works through each sample's forward and backward pass, for at most {}",
                spec.name,
                count(samples),
                count(crate::limits::MAX_NET_SAMPLES)
            ),
            hint,
        ));
    }
    let values = samples.saturating_mul(parameters);
    if values > crate::limits::MAX_KEPT_VALUES {
        return Err(Error::usage(
            format!(
                "{}: {} samples × {} weights and biases is {} values for each step shown in full; net keeps at most {}",
                spec.name,
                count(samples),
                count(parameters),
                count(values),
                count(crate::limits::MAX_KEPT_VALUES)
            ),
            hint,
        ));
    }
    Ok(())
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

/// The picture of the network as it stands before the first step: the
/// forward values of `sample`, and with `gradients` its δs and the batch
/// gradient the first step uses.
fn diagram(
    spec: &Spec,
    formula: &NetworkFormula,
    run: &Run,
    sample: usize,
    gradients: bool,
) -> NetworkDiagram {
    let first = &run.steps[0];
    let values = first.samples.as_ref().map(|s| &s[sample]);
    let param = |p: usize| DiagramParam {
        name: formula.params[p].name.clone(),
        value: first.params_before[p],
        gradient: gradients.then(|| first.gradients[p]),
    };
    let mut columns = vec![spec.inputs[sample]
        .iter()
        .enumerate()
        .map(|(k, &value)| DiagramNeuron {
            name: format!("i{}", k + 1),
            value,
            delta: None,
        })
        .collect::<Vec<_>>()];
    for layer in &formula.layers {
        columns.push(
            layer
                .iter()
                .map(|&n| {
                    let neuron = &formula.neurons[n];
                    let value_of = |id| values.map_or(f64::NAN, |v| run.value(v, id));
                    DiagramNeuron {
                        name: neuron.name.clone(),
                        value: value_of(neuron.out),
                        delta: gradients.then(|| value_of(formula.deltas[n])),
                    }
                })
                .collect(),
        );
    }
    let mut weights = Vec::new();
    let mut biases = Vec::new();
    let mut per_neuron: Vec<Vec<DiagramParam>> = vec![Vec::new(); formula.layers.len()];
    for (p, parameter) in formula.params.iter().enumerate() {
        match parameter.kind {
            ParamKind::Weight { layer, to, from } => weights.push(DiagramWeight {
                layer: layer + 1,
                from,
                to,
                param: param(p),
            }),
            ParamKind::Bias { layer, to: None } => biases.push(DiagramBias::Shared {
                layer: layer + 1,
                param: param(p),
            }),
            // Listed neuron by neuron, so in the layer's order.
            ParamKind::Bias { layer, to: Some(_) } => per_neuron[layer].push(param(p)),
        }
    }
    for (layer, params) in per_neuron.into_iter().enumerate() {
        if !params.is_empty() {
            biases.push(DiagramBias::PerNeuron {
                layer: layer + 1,
                params,
            });
        }
    }
    let samples = spec.inputs.len();
    let which = if samples == 1 {
        "the forward pass before step 1".to_string()
    } else {
        format!(
            "the forward pass of sample {} of {samples}, before step 1",
            sample + 1
        )
    };
    let mut caption = format!("Under each neuron: its value (input, or out) in {which}.");
    if gradients {
        caption.push_str(if samples == 1 {
            " In purple: each neuron's δ = ∂E/∂net, and each parameter's ∂E/∂w (the gradient step 1 uses)."
        } else {
            " In purple: each neuron's δ = ∂E/∂net for that sample, and each parameter's ∂E/∂w over the whole batch (the gradient step 1 uses)."
        });
    }
    NetworkDiagram {
        title: format!("{} ({})", spec.name, spec.shape()),
        columns,
        weights,
        biases,
        caption,
    }
}
