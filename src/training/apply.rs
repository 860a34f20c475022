//! A saved model applied to samples, layer by layer: the features
//! standardised as in training, each layer's nets W·x + b and its
//! activation (softmax over the whole layer, shifted by its largest net),
//! the outputs taken back to the targets' units when targets were scaled;
//! then each sample's class and the probabilities of the classes for a
//! classifier, and the metrics when the samples come with their targets.
//!
//! This forward pass reads only the model file's numbers, so what
//! `predict` prints is what the file says, whichever engine trained it.
//!
//! Invariant: a prediction has one value per output; a classifier's
//! probabilities sum to 1 over its classes and its class is the most
//! probable (the first of equals).

use super::metrics::{classification, regression, Metrics};
use super::model_file::ModelFile;
use crate::network::{Activation, BiasMode, Loss};

/// What a model's outputs are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Classes: softmax outputs, or one sigmoid output for two classes.
    Classification,
    /// Values in the targets' units.
    Regression,
}

/// One sample's outputs.
#[derive(Clone, Debug, PartialEq)]
pub struct Prediction {
    /// The network's outputs (for regression, in the targets' units).
    pub values: Vec<f64>,
    /// For a classifier: the class chosen and the probability of each class.
    pub class: Option<usize>,
    pub probabilities: Option<Vec<f64>>,
}

/// Samples to apply a model to: inputs (and targets) as the data gives
/// them, or already standardised as the model's training set was.
pub struct Samples<'a> {
    pub inputs: &'a [Vec<f64>],
    pub targets: Option<&'a [Vec<f64>]>,
    pub standardized: bool,
}

/// The predictions for samples, and the metrics when they had targets.
#[derive(Clone, Debug, PartialEq)]
pub struct Applied {
    pub predictions: Vec<Prediction>,
    pub metrics: Option<Metrics>,
}

fn activate(activation: Activation, nets: &mut [f64]) {
    match activation.function() {
        Some(f) => nets.iter_mut().for_each(|z| *z = f.apply(*z)),
        None if activation == Activation::Softmax => {
            let top = nets.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            nets.iter_mut().for_each(|z| *z = (*z - top).exp());
            let sum: f64 = nets.iter().sum();
            nets.iter_mut().for_each(|z| *z /= sum);
        }
        None => {}
    }
}

/// Rows of a layer's weights summed side by side.
const LANES: usize = 8;

/// A layer's weights laid out for `weighted_sums`: the rows in blocks of
/// `LANES`, each block stored input by input (the `LANES` weights of one
/// input together), so that one sample's sums over a block's rows run side
/// by side; the rows after the last whole block (or every row, when the
/// rows differ in length) as they are.
struct Interleaved<'w> {
    width: usize,
    blocks: Vec<f64>,
    tail: &'w [Vec<f64>],
}

impl<'w> Interleaved<'w> {
    fn new(weights: &'w [Vec<f64>]) -> Interleaved<'w> {
        let width = weights.first().map_or(0, Vec::len);
        if width == 0 || weights.iter().any(|r| r.len() != width) {
            return Interleaved {
                width,
                blocks: Vec::new(),
                tail: weights,
            };
        }
        let whole = weights.len() - weights.len() % LANES;
        let mut blocks = Vec::with_capacity(whole * width);
        for rows in weights[..whole].chunks_exact(LANES) {
            for i in 0..width {
                blocks.extend(rows.iter().map(|r| r[i]));
            }
        }
        Interleaved {
            width,
            blocks,
            tail: &weights[whole..],
        }
    }
}

/// Σᵢ wᵢ·vᵢ of each row, each row's terms added in order from −0.0 (as
/// `Iterator::sum` adds them).
fn weighted_sums(layout: &Interleaved, values: &[f64]) -> Vec<f64> {
    let row_sum = |row: &Vec<f64>| row.iter().zip(values).map(|(w, v)| w * v).sum::<f64>();
    let width = layout.width.min(values.len());
    let mut sums =
        Vec::with_capacity(layout.blocks.len() / layout.width.max(1) + layout.tail.len());
    if layout.width > 0 {
        for block in layout.blocks.chunks_exact(layout.width * LANES) {
            let mut acc = [-0.0f64; LANES];
            for (column, v) in block.chunks_exact(LANES).zip(&values[..width]) {
                for (a, w) in acc.iter_mut().zip(column) {
                    *a += w * v;
                }
            }
            sums.extend(acc);
        }
    }
    sums.extend(layout.tail.iter().map(row_sum));
    sums
}

impl ModelFile {
    /// What the outputs are.
    pub fn kind(&self) -> Kind {
        let outputs = self.layers[self.layers.len() - 1];
        let classifier = self.loss == Loss::CrossEntropy
            || (self.loss == Loss::Bce && outputs == 1)
            || self.classes.is_some();
        match classifier {
            true => Kind::Classification,
            false => Kind::Regression,
        }
    }

    /// The classes of a classifier, in the order of its outputs (0 and 1
    /// for one sigmoid output whose file names no classes).
    pub fn class_names(&self) -> Vec<String> {
        match (&self.classes, self.targets.len()) {
            (Some(classes), _) => classes.clone(),
            (None, 1) => vec!["0".into(), "1".into()],
            (None, _) => self.targets.clone(),
        }
    }

    /// The network's outputs for standardised inputs `x`, in the network's
    /// own units.
    pub fn forward(&self, x: &[f64]) -> Vec<f64> {
        self.forward_laid(&self.layouts(), x)
    }

    /// Each layer's weights laid out for `weighted_sums`.
    fn layouts(&self) -> Vec<Interleaved<'_>> {
        let weights = self.parameters.weights.iter();
        weights.map(|w| Interleaved::new(w)).collect()
    }

    /// `forward` with the weights laid out once for many samples.
    fn forward_laid(&self, layouts: &[Interleaved], x: &[f64]) -> Vec<f64> {
        let mut values = x.to_vec();
        for (l, layout) in layouts.iter().enumerate() {
            let biases = &self.parameters.biases[l];
            let mut nets = weighted_sums(layout, &values);
            for (k, net) in nets.iter_mut().enumerate() {
                *net += match self.bias {
                    BiasMode::PerNeuron => biases[k],
                    BiasMode::PerLayer => biases[0],
                    BiasMode::None => 0.0,
                };
            }
            activate(self.activations[l], &mut nets);
            values = nets;
        }
        values
    }

    /// The inputs of a sample standardised as in training.
    pub fn scaled_inputs(&self, raw: &[f64]) -> Vec<f64> {
        match &self.feature_scaling {
            Some(scaling) => raw.iter().zip(scaling).map(|(&x, s)| s.apply(x)).collect(),
            None => raw.to_vec(),
        }
    }

    /// Values in the network's units taken to the targets' units.
    fn unscaled_targets(&self, values: &[f64]) -> Vec<f64> {
        match &self.target_scaling {
            Some(scaling) => values
                .iter()
                .zip(scaling)
                .map(|(&z, s)| s.undo(z))
                .collect(),
            None => values.to_vec(),
        }
    }

    /// One sample's prediction from its inputs (standardised or not).
    pub fn predict(&self, inputs: &[f64], standardized: bool) -> Prediction {
        self.predict_laid(&self.layouts(), inputs, standardized)
    }

    fn predict_laid(
        &self,
        layouts: &[Interleaved],
        inputs: &[f64],
        standardized: bool,
    ) -> Prediction {
        let outputs = match standardized {
            true => self.forward_laid(layouts, inputs),
            false => self.forward_laid(layouts, &self.scaled_inputs(inputs)),
        };
        match self.kind() {
            Kind::Regression => Prediction {
                values: self.unscaled_targets(&outputs),
                class: None,
                probabilities: None,
            },
            Kind::Classification => {
                let probabilities = match outputs.len() {
                    1 => vec![1.0 - outputs[0], outputs[0]],
                    _ => outputs.clone(),
                };
                Prediction {
                    class: Some(most_probable(&probabilities)),
                    probabilities: Some(probabilities),
                    values: outputs,
                }
            }
        }
    }

    /// The model applied to `samples`, with the metrics when they have
    /// targets.
    pub fn apply(&self, samples: &Samples) -> Applied {
        let layouts = self.layouts();
        let predictions: Vec<Prediction> = samples
            .inputs
            .iter()
            .map(|x| self.predict_laid(&layouts, x, samples.standardized))
            .collect();
        let metrics = samples.targets.map(|targets| match self.kind() {
            Kind::Classification => {
                let truth: Vec<usize> = targets.iter().map(|t| true_class(t)).collect();
                let chosen: Vec<usize> = predictions.iter().filter_map(|p| p.class).collect();
                Metrics::Classes(classification(self.class_names(), &truth, &chosen))
            }
            Kind::Regression => {
                let truth: Vec<Vec<f64>> = match samples.standardized {
                    true => targets.iter().map(|t| self.unscaled_targets(t)).collect(),
                    false => targets.to_vec(),
                };
                let values: Vec<Vec<f64>> = predictions.iter().map(|p| p.values.clone()).collect();
                Metrics::Values(regression(&self.targets, &truth, &values))
            }
        });
        Applied {
            predictions,
            metrics,
        }
    }
}

/// The index of the largest probability (the first of equals).
fn most_probable(probabilities: &[f64]) -> usize {
    let mut best = 0;
    for (k, &p) in probabilities.iter().enumerate() {
        if p > probabilities[best] {
            best = k;
        }
    }
    best
}

/// The class a target row stands for: the hot one of a one-hot row, or
/// for a single 0/1 target its side of 0.5.
pub fn true_class(target: &[f64]) -> usize {
    match target.len() {
        1 => usize::from(target[0] >= 0.5),
        _ => most_probable(target),
    }
}

/// The samples of a data set (a built-in one) in a model's columns: its
/// features by name, and its targets when it has the model's — classes
/// by name in the model's order, else the numeric targets by name.
pub fn samples_for_model(
    model: &ModelFile,
    data: &crate::data::Dataset,
    source: &str,
) -> Result<crate::data::Table, crate::Error> {
    use crate::diagnostic::name_list_text;
    use crate::text;
    let position = |names: &[String], name: &str| names.iter().position(|n| n == name);
    let mut features = Vec::new();
    for name in &model.features {
        match position(&data.feature_names, name) {
            Some(i) => features.push(i),
            None => {
                return Err(crate::Error::told(
                    text!(
                        "predict-builtin-missing-feature",
                        source = source,
                        name = name.as_str(),
                        features = name_list_text(&model.features)
                    ),
                    text!(
                        "predict-builtin-columns",
                        columns = name_list_text(&data.feature_names)
                    ),
                ))
            }
        }
    }
    let inputs = data
        .inputs
        .iter()
        .map(|row| features.iter().map(|&i| row[i]).collect())
        .collect();
    let targets = match (&model.classes, &data.class_names) {
        (Some(classes), Some(theirs)) => {
            let mut order = Vec::new();
            for class in theirs {
                match position(classes, class) {
                    Some(k) => order.push(k),
                    None => {
                        return Err(crate::Error::told(
                            text!(
                                "predict-builtin-unknown-class",
                                source = source,
                                class = class.as_str()
                            ),
                            text!("predict-known-classes", classes = name_list_text(classes)),
                        ))
                    }
                }
            }
            let one_hot = |row: &Vec<f64>| {
                let mut t = vec![0.0; classes.len()];
                t[order[true_class(row)]] = 1.0;
                t
            };
            Some(data.targets.iter().map(one_hot).collect())
        }
        _ => {
            let columns: Option<Vec<usize>> = model
                .targets
                .iter()
                .map(|t| position(&data.target_names, t))
                .collect();
            columns.map(|columns| {
                data.targets
                    .iter()
                    .map(|row| columns.iter().map(|&i| row[i]).collect())
                    .collect()
            })
        }
    };
    Ok(crate::data::Table { inputs, targets })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::network::Parameters;

    /// One input, two softmax outputs with nets (x, −x): p₁ = 1/(1+e^(−2x)).
    fn two_classes() -> ModelFile {
        ModelFile {
            layers: vec![1, 2],
            activations: vec![Activation::Softmax],
            bias: BiasMode::None,
            loss: Loss::CrossEntropy,
            parameters: Parameters {
                weights: vec![vec![vec![1.0], vec![-1.0]]],
                biases: vec![vec![]],
            },
            features: vec!["x".into()],
            targets: vec!["a".into(), "b".into()],
            label: Some("kind".into()),
            classes: Some(vec!["a".into(), "b".into()]),
            feature_scaling: None,
            target_scaling: None,
        }
    }

    #[test]
    fn softmax_outputs_by_hand() {
        let m = two_classes();
        let p = m.predict(&[0.5], false);
        let first = 1.0 / (1.0 + (-1.0f64).exp());
        let probabilities = p.probabilities.unwrap();
        assert!((probabilities[0] - first).abs() < 1e-15);
        assert!((probabilities[1] - (1.0 - first)).abs() < 1e-15);
        assert_eq!(p.class, Some(0));
        assert_eq!(m.predict(&[-2.0], false).class, Some(1));
        // Nets of 1000 and −1000 stay finite.
        assert_eq!(
            m.predict(&[1000.0], false).probabilities,
            Some(vec![1.0, 0.0])
        );
    }

    #[test]
    fn regression_outputs_return_to_the_targets_units() {
        use super::super::model_file::Scaling;
        let m = ModelFile {
            layers: vec![1, 1],
            activations: vec![Activation::Identity],
            bias: BiasMode::PerNeuron,
            loss: Loss::Mse,
            parameters: Parameters {
                weights: vec![vec![vec![2.0]]],
                biases: vec![vec![1.0]],
            },
            features: vec!["x".into()],
            targets: vec!["y".into()],
            label: None,
            classes: None,
            feature_scaling: Some(vec![Scaling { mean: 3.0, sd: 2.0 }]),
            target_scaling: Some(vec![Scaling {
                mean: 10.0,
                sd: 5.0,
            }]),
        };
        // x = 7 → (7 − 3)/2 = 2 → 2·2 + 1 = 5 → 5·5 + 10 = 35.
        assert_eq!(m.predict(&[7.0], false).values, vec![35.0]);
        assert_eq!(m.kind(), Kind::Regression);
    }
}
