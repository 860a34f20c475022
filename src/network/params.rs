//! A network's parameters without its formulas: each one's name and place,
//! in the order the formulas list them (per neuron its weights, then its
//! own bias; a shared bias after its layer's weights).
//!
//! Training on the layer tape needs only this much — which parameter is a
//! weight or a bias, what it is called, where its value sits in the spec —
//! so `train` does not build the network's formulas at all unless a
//! derivation is shown, Newton's method needs the Hessian, or a value at
//! the start must be named. The names are made by the same functions the
//! formulas' builder calls, and for a spec's network only when one is
//! asked for (`ParamList::name`).
//!
//! Invariant: `ParamList::of_spec(spec)` lists the parameters of
//! `NetworkFormula::forward(spec)` by the same names, kinds and order
//! (tested on random specs).

use super::formula::{textbook_names, NetworkFormula, ParamKind};
use super::spec::{BiasMode, Spec};

/// The parameters of a network in the formulas' order.
#[derive(Clone, Debug)]
pub struct ParamList {
    pub kinds: Vec<ParamKind>,
    naming: Naming,
}

/// Where a parameter's name comes from: the formulas' list, or — for a
/// spec's network, whose tens of thousands of names a run needs only to
/// report a divergence — made from its kind when it is asked for.
#[derive(Clone, Debug)]
enum Naming {
    Listed(Vec<String>),
    OfSpec { textbook: bool, depth: usize },
}

/// The name of the weight into neuron `k` (0-based) of layer `l` (1-based)
/// from neuron `from` of the layer before; `number` counts the weights so
/// far, from 1 (textbook naming: w1, w2, …).
pub(super) fn weight_name(
    textbook: bool,
    number: usize,
    l: usize,
    k: usize,
    from: usize,
) -> String {
    if textbook {
        format!("w{number}")
    } else {
        joined("w", &[l, k + 1, from + 1])
    }
}

/// `prefix` and the numbers joined by `_` ("w2_3_17"): a network of
/// thousands of weights names each without the formatting machinery.
fn joined(prefix: &str, numbers: &[usize]) -> String {
    let mut name = String::with_capacity(prefix.len() + 6 * numbers.len());
    name.push_str(prefix);
    let mut digits = itoa::Buffer::new();
    for (k, &n) in numbers.iter().enumerate() {
        if k > 0 {
            name.push('_');
        }
        name.push_str(digits.format(n));
    }
    name
}

/// The name of neuron `k`'s own bias in layer `l` (`neuron` its name).
pub(super) fn neuron_bias_name(textbook: bool, neuron: &str, l: usize, k: usize) -> String {
    if textbook {
        format!("b_{neuron}")
    } else {
        joined("b", &[l, k + 1])
    }
}

/// The name of layer `l`'s shared bias.
pub(super) fn shared_bias_name(l: usize) -> String {
    format!("b{l}")
}

impl ParamList {
    /// The parameters of a spec's network, without building its formulas.
    pub fn of_spec(spec: &Spec) -> ParamList {
        let depth = spec.layers.len() - 1;
        let mut kinds = Vec::with_capacity(spec.parameter_count());
        for l in 1..=depth {
            let layer = l - 1;
            for k in 0..spec.layers[l] {
                kinds.extend((0..spec.layers[l - 1]).map(|from| ParamKind::Weight {
                    layer,
                    to: k,
                    from,
                }));
                if spec.bias == BiasMode::PerNeuron {
                    kinds.push(ParamKind::Bias { layer, to: Some(k) });
                }
            }
            if spec.bias == BiasMode::PerLayer {
                kinds.push(ParamKind::Bias { layer, to: None });
            }
        }
        ParamList {
            kinds,
            naming: Naming::OfSpec {
                textbook: textbook_names(spec),
                depth,
            },
        }
    }

    /// The parameters a network's formulas hold.
    pub fn of_formula(formula: &NetworkFormula) -> ParamList {
        ParamList {
            kinds: formula.params.iter().map(|p| p.kind).collect(),
            naming: Naming::Listed(formula.params.iter().map(|p| p.name.clone()).collect()),
        }
    }

    /// The name of parameter `i` (as the formulas call it).
    pub fn name(&self, i: usize) -> String {
        match &self.naming {
            Naming::Listed(names) => names[i].clone(),
            Naming::OfSpec { textbook, depth } => match self.kinds[i] {
                ParamKind::Weight { layer, to, from } => {
                    // Only the textbook's names (of 60 parameters at most)
                    // count the weights before this one.
                    let number = match textbook {
                        true => {
                            1 + (self.kinds[..i].iter())
                                .filter(|k| matches!(k, ParamKind::Weight { .. }))
                                .count()
                        }
                        false => 0,
                    };
                    weight_name(*textbook, number, layer + 1, to, from)
                }
                ParamKind::Bias { layer, to: Some(k) } => {
                    let neuron = super::formula::neuron_name(layer + 1, *depth, k);
                    neuron_bias_name(*textbook, &neuron, layer + 1, k)
                }
                ParamKind::Bias { layer, to: None } => shared_bias_name(layer + 1),
            },
        }
    }

    pub fn len(&self) -> usize {
        self.kinds.len()
    }

    pub fn is_empty(&self) -> bool {
        self.kinds.is_empty()
    }

    /// The indices of the parameters training updates: all, or the
    /// weights alone without `update_biases`.
    pub fn trainable(&self, update_biases: bool) -> Vec<usize> {
        trainable_of(&self.kinds, update_biases)
    }

    /// The spec's starting values of the parameters, in this order.
    pub fn initial_values(&self, spec: &Spec) -> Vec<f64> {
        initial_values_of(&self.kinds, spec)
    }

    /// Parameter values in the spec's shapes: W[layer][out][in], b[layer][…].
    pub fn to_shapes(&self, spec: &Spec, values: &[f64]) -> (Vec<Vec<Vec<f64>>>, Vec<Vec<f64>>) {
        to_shapes_of(&self.kinds, spec, values)
    }
}

/// The indices of the parameters of `kinds` training updates.
pub(super) fn trainable_of(kinds: &[ParamKind], update_biases: bool) -> Vec<usize> {
    kinds
        .iter()
        .enumerate()
        .filter(|(_, kind)| update_biases || !matches!(kind, ParamKind::Bias { .. }))
        .map(|(i, _)| i)
        .collect()
}

/// The spec's values of the parameters of `kinds`.
pub(super) fn initial_values_of(kinds: &[ParamKind], spec: &Spec) -> Vec<f64> {
    kinds
        .iter()
        .map(|kind| match *kind {
            ParamKind::Weight { layer, to, from } => spec.parameters.weights[layer][to][from],
            ParamKind::Bias { layer, to } => spec.parameters.biases[layer][to.unwrap_or(0)],
        })
        .collect()
}

/// `values` of the parameters of `kinds` in the spec's shapes.
pub(super) fn to_shapes_of(
    kinds: &[ParamKind],
    spec: &Spec,
    values: &[f64],
) -> (Vec<Vec<Vec<f64>>>, Vec<Vec<f64>>) {
    let mut weights = spec.parameters.weights.clone();
    let mut biases = spec.parameters.biases.clone();
    for (kind, &v) in kinds.iter().zip(values) {
        match *kind {
            ParamKind::Weight { layer, to, from } => weights[layer][to][from] = v,
            ParamKind::Bias { layer, to } => biases[layer][to.unwrap_or(0)] = v,
        }
    }
    (weights, biases)
}

#[cfg(test)]
mod tests {
    use super::joined;

    #[test]
    fn names_join_their_numbers() {
        assert_eq!(joined("w", &[2, 3, 17]), "w2_3_17");
        assert_eq!(joined("b", &[1, 10]), "b1_10");
        assert_eq!(joined("w", &[1234567, 0, 9]), "w1234567_0_9");
    }
}
