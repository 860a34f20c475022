//! A saved model applied to samples, layer by layer: the features
//! standardised as in training, each layer's nets W·x + b and its
//! activation (softmax over the whole layer, shifted by its largest net),
//! the outputs taken back to the targets' units when targets were scaled;
//! then each sample's class and the probabilities of the classes for a
//! classifier, and the metrics when the samples come with their targets.
//!
//! This forward pass reads only the model file's numbers, so what
//! `predict` prints is what the file says, whichever engine trained it.
//! Samples go through it 256 at a time, each layer's nets for all of them
//! as one product in register tiles; every net still adds its terms as
//! one sample's sum would (in order, a product then a sum each), so a
//! sample's outputs are the same bits whichever samples share its block.
//!
//! Invariant: a prediction has one value per output; a classifier's
//! probabilities sum to 1 over its classes and its class is the most
//! probable (the first of equals).

use super::metrics::{classification, regression, Metrics};
use super::model_file::ModelFile;
use crate::network::{Activation, BiasMode, Loss};
use crate::tape::add_product_in_order;

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

/// A layer's activation on its nets, a row per neuron of `n` samples: one
/// value at a time, or each sample's column for the softmax.
fn activate_columns(activation: Activation, nets: &mut [f64], n: usize) {
    if activation != Activation::Softmax {
        return activate(activation, nets);
    }
    let rows = nets.len() / n.max(1);
    let mut column = vec![0.0; rows];
    for s in 0..n {
        for (k, c) in column.iter_mut().enumerate() {
            *c = nets[k * n + s];
        }
        activate(activation, &mut column);
        for (k, c) in column.iter().enumerate() {
            nets[k * n + s] = *c;
        }
    }
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

/// Samples taken through the network together.
const BLOCK: usize = 256;

/// A layer's weights as one matrix, row after row: a row per neuron, a
/// column per input.
struct Weights {
    values: Vec<f64>,
    rows: usize,
    cols: usize,
}

impl Weights {
    /// The rows of a model's layer. Its shapes were checked when the model
    /// was read or made, so every row has the first one's length; a row
    /// that did not would be cut or padded with zeros to it.
    fn of(rows: &[Vec<f64>]) -> Weights {
        let cols = rows.first().map_or(0, Vec::len);
        let mut values = Vec::with_capacity(rows.len() * cols);
        for row in rows {
            let kept = &row[..row.len().min(cols)];
            values.extend_from_slice(kept);
            values.resize(values.len() + cols - kept.len(), 0.0);
        }
        Weights {
            values,
            rows: rows.len(),
            cols,
        }
    }
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
        let mut outputs = self.forward_block(&self.weights(), &[x], &mut Vec::new());
        outputs.pop().unwrap_or_default()
    }

    fn weights(&self) -> Vec<Weights> {
        self.parameters
            .weights
            .iter()
            .map(|w| Weights::of(w))
            .collect()
    }

    /// The outputs of a block of samples (standardised inputs), each
    /// layer's nets for all of them at once: a row per neuron, a column
    /// per sample. Each net adds its terms as one sample's sum would, in
    /// order from −0.0 with a product then a sum each, then the bias.
    fn forward_block(
        &self,
        layers: &[Weights],
        inputs: &[&[f64]],
        scratch: &mut Vec<f64>,
    ) -> Vec<Vec<f64>> {
        let n = inputs.len();
        let width = layers.first().map_or(0, |w| w.cols);
        let mut values = vec![0.0; width * n];
        for (s, x) in inputs.iter().enumerate() {
            for (i, &v) in x.iter().take(width).enumerate() {
                values[i * n + s] = v;
            }
        }
        for (l, w) in layers.iter().enumerate() {
            let mut nets = vec![-0.0; w.rows * n];
            add_product_in_order(&w.values, &values, &mut nets, (w.rows, w.cols, n), scratch);
            let biases = &self.parameters.biases[l];
            for (k, row) in nets.chunks_exact_mut(n.max(1)).enumerate() {
                let bias = match self.bias {
                    BiasMode::PerNeuron => biases[k],
                    BiasMode::PerLayer => biases[0],
                    BiasMode::None => 0.0,
                };
                row.iter_mut().for_each(|z| *z += bias);
            }
            activate_columns(self.activations[l], &mut nets, n);
            values = nets;
        }
        let outputs = layers.last().map_or(width, |w| w.rows);
        (0..n)
            .map(|s| (0..outputs).map(|k| values[k * n + s]).collect())
            .collect()
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
        let samples = Samples {
            inputs: &[inputs.to_vec()],
            targets: None,
            standardized,
        };
        let mut predictions = self.predictions(&samples);
        // invariant: one sample gives one prediction.
        predictions.pop().expect("a prediction for the sample")
    }

    /// Each sample's prediction, a block of samples at a time.
    fn predictions(&self, samples: &Samples) -> Vec<Prediction> {
        let layers = self.weights();
        let mut scratch = Vec::new();
        let mut predictions = Vec::with_capacity(samples.inputs.len());
        for block in samples.inputs.chunks(BLOCK) {
            let scaled: Vec<Vec<f64>> = match samples.standardized {
                true => Vec::new(),
                false => block.iter().map(|x| self.scaled_inputs(x)).collect(),
            };
            let inputs: Vec<&[f64]> = match samples.standardized {
                true => block.iter().map(Vec::as_slice).collect(),
                false => scaled.iter().map(Vec::as_slice).collect(),
            };
            let outputs = self.forward_block(&layers, &inputs, &mut scratch);
            predictions.extend(outputs.into_iter().map(|o| self.prediction(o)));
        }
        predictions
    }

    /// The prediction the network's outputs make.
    fn prediction(&self, outputs: Vec<f64>) -> Prediction {
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
        let predictions = self.predictions(samples);
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

    /// One sample through the network by the definition: each net the sum
    /// of its terms in order (as `Iterator::sum` adds them, from −0.0),
    /// then its bias, then the activation.
    fn one_by_one(m: &ModelFile, x: &[f64]) -> Vec<f64> {
        let mut values = x.to_vec();
        for (l, rows) in m.parameters.weights.iter().enumerate() {
            let mut nets: Vec<f64> = rows
                .iter()
                .enumerate()
                .map(|(k, row)| {
                    let sum: f64 = row.iter().zip(&values).map(|(w, v)| w * v).sum();
                    sum + match m.bias {
                        BiasMode::PerNeuron => m.parameters.biases[l][k],
                        BiasMode::PerLayer => m.parameters.biases[l][0],
                        BiasMode::None => 0.0,
                    }
                })
                .collect();
            activate(m.activations[l], &mut nets);
            values = nets;
        }
        values
    }

    #[test]
    fn samples_taken_together_give_each_sample_s_own_outputs_bit_for_bit() {
        use rand::{RngExt, SeedableRng};
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(5);
        let activations = super::super::model_file::ACTIVATIONS;
        for case in 0..60 {
            let depth = rng.random_range(1..4);
            let layers: Vec<usize> = (0..=depth).map(|_| rng.random_range(1..40)).collect();
            let bias = [BiasMode::PerNeuron, BiasMode::PerLayer, BiasMode::None][case % 3];
            let mut value = || rng.random_range(-2.0..2.0);
            let weights: Vec<Vec<Vec<f64>>> = layers
                .windows(2)
                .map(|p| {
                    (0..p[1])
                        .map(|_| (0..p[0]).map(|_| value()).collect())
                        .collect()
                })
                .collect();
            let biases: Vec<Vec<f64>> = layers[1..]
                .iter()
                .map(|&n| match bias {
                    BiasMode::PerNeuron => (0..n).map(|_| value()).collect(),
                    BiasMode::PerLayer => vec![value()],
                    BiasMode::None => Vec::new(),
                })
                .collect();
            let samples = rng.random_range(1..2 * BLOCK);
            let inputs: Vec<Vec<f64>> = (0..samples)
                .map(|_| {
                    (0..layers[0])
                        .map(|_| rng.random_range(-3.0..3.0))
                        .collect()
                })
                .collect();
            let m = ModelFile {
                activations: (0..depth)
                    .map(|_| activations[rng.random_range(0..activations.len())])
                    .collect(),
                layers,
                bias,
                loss: Loss::Mse,
                parameters: Parameters { weights, biases },
                features: Vec::new(),
                targets: Vec::new(),
                label: None,
                classes: None,
                feature_scaling: None,
                target_scaling: None,
            };
            let together = m.predictions(&Samples {
                inputs: &inputs,
                targets: None,
                standardized: true,
            });
            for (x, p) in inputs.iter().zip(&together) {
                let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
                assert_eq!(bits(&p.values), bits(&one_by_one(&m, x)), "case {case}");
            }
        }
    }
}
