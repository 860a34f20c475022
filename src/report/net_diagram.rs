//! The picture of `net --plot`: the network as its first step finds it,
//! assembled from the run for the plotting layer's network diagram — each
//! neuron with its value for one sample (and its δ), each weight and bias
//! with its value (and the batch gradient the first step uses), and the
//! caption that says which.
//!
//! Invariant: every number drawn is one the run computed before its first
//! update; nothing is evaluated here.

use crate::i18n::Lang;
use crate::msg;
use crate::network::{initial_values, NetworkFormula, ParamKind, Run, SampleValues, Spec};
use crate::plot::{
    network_diagram_in, DiagramBias, DiagramNeuron, DiagramParam, DiagramWeight, NetworkDiagram,
};

/// What the picture shows: the network, the run, the sample whose forward
/// pass it shows (0-based), and whether to add the δs and gradients.
pub struct DiagramOf<'a> {
    pub spec: &'a Spec,
    pub formula: &'a NetworkFormula,
    pub run: &'a Run,
    pub sample: usize,
    pub gradients: bool,
    /// The language of the caption and the legend.
    pub lang: Lang,
}

/// The SVG of the picture.
pub fn picture(of: &DiagramOf) -> Result<String, String> {
    network_diagram_in(&diagram(of), of.lang)
}

/// The state before the first update: the parameters, the batch gradient
/// and the sample's values (from the run's first step, or, for a run that
/// stopped before it, from the start it evaluated).
struct Before<'a> {
    params: std::borrow::Cow<'a, [f64]>,
    gradient: Option<&'a [f64]>,
    values: Option<&'a SampleValues>,
}

fn before<'a>(of: &DiagramOf<'a>) -> Before<'a> {
    match of.run.steps.first() {
        Some(first) => Before {
            params: first.params_before.as_slice().into(),
            gradient: Some(&first.gradients),
            values: first.samples.as_ref().and_then(|s| s.get(of.sample)),
        },
        None => Before {
            params: initial_values(of.formula, of.spec).into(),
            gradient: None,
            values: of.run.final_samples.get(of.sample),
        },
    }
}

/// The diagram's data.
pub fn diagram(of: &DiagramOf) -> NetworkDiagram {
    let (spec, formula, run) = (of.spec, of.formula, of.run);
    let state = before(of);
    let param = |p: usize| DiagramParam {
        name: formula.params[p].name.clone(),
        value: state.params[p],
        gradient: state.gradient.filter(|_| of.gradients).map(|g| g[p]),
    };
    let value_of = |id| state.values.map_or(f64::NAN, |v| run.value(v, id));
    let mut columns = vec![spec.inputs[of.sample]
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
                .map(|&n| DiagramNeuron {
                    name: formula.neurons[n].name.clone(),
                    value: value_of(formula.neurons[n].out),
                    delta: of.gradients.then(|| value_of(formula.deltas[n])),
                })
                .collect(),
        );
    }
    let (weights, biases) = lines(formula, &param);
    NetworkDiagram {
        title: format!("{} ({})", spec.name, spec.shape()),
        columns,
        weights,
        biases,
        caption: caption(spec.inputs.len(), of.sample, of.gradients, of.lang),
    }
}

/// The weights, and the biases layer by layer (shared, or neuron by
/// neuron in the layer's order).
fn lines(
    formula: &NetworkFormula,
    param: &dyn Fn(usize) -> DiagramParam,
) -> (Vec<DiagramWeight>, Vec<DiagramBias>) {
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
    (weights, biases)
}

/// What the numbers under the neurons (and in purple) are.
fn caption(samples: usize, sample: usize, gradients: bool, lang: Lang) -> String {
    let mut caption = if samples == 1 {
        msg!(lang, "net-caption-one")
    } else {
        msg!(
            lang,
            "net-caption-of-sample",
            sample = (sample + 1).to_string(),
            samples = samples.to_string()
        )
    };
    if gradients {
        caption.push(' ');
        caption.push_str(&if samples == 1 {
            msg!(lang, "net-caption-gradients-one")
        } else {
            msg!(lang, "net-caption-gradients-batch")
        });
    }
    caption
}
