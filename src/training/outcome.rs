//! What a finished run leaves: the model file of its parameters (what
//! `--save` writes), the metrics of its training and validation parts as
//! `predict` computes them from that file, and its best epoch.
//!
//! The metrics are the saved model applied to the parts as they were
//! trained on (standardised when asked), so `predict` on the same samples
//! gives the same numbers.
//!
//! Invariant: the model file describes the plan's network, data columns
//! and standardisation, with the parameters handed in.

use super::apply::Samples;
use super::early_stopping::{BestEpoch, Monitor};
use super::metrics::Metrics;
use super::model_file::{ModelFile, Scaling};
use super::plan::TrainPlan;
use super::trainer::Training;
use crate::data::Dataset;
use crate::network::Parameters;

/// The metrics of a run's parts (none for a part the run did not have, or
/// after a divergence: parameters that are not finite predict nothing).
#[derive(Clone, Debug, PartialEq)]
pub struct PartMetrics {
    pub training: Option<Metrics>,
    pub validation: Option<Metrics>,
}

/// The label column of a built-in set (for the model file): the column
/// the set's classes come from, as data/iris.csv names it.
pub fn label_column(source: &str, label: Option<&str>) -> Option<String> {
    match source {
        "builtin:iris" => Some("species".into()),
        "builtin:digits" => Some("digit".into()),
        _ => label.map(str::to_string),
    }
}

impl TrainPlan {
    /// The model file of the plan's network with `parameters`.
    pub fn model_file(&self, parameters: Parameters) -> ModelFile {
        let spec = &self.spec;
        ModelFile {
            layers: spec.layers.clone(),
            activations: spec.activations.clone(),
            bias: spec.bias,
            loss: spec.loss,
            parameters,
            features: self.data.feature_names.clone(),
            targets: self.data.target_names.clone(),
            label: self
                .data
                .class_names
                .as_ref()
                .and(self.label_column.clone()),
            classes: self.classes(),
            feature_scaling: self.statistics.as_deref().map(Scaling::of),
            target_scaling: self.target_scale.statistics().map(Scaling::of),
        }
    }

    /// The classes of the outputs, when the data are classes: a label's
    /// names, 0 and 1 for one 0/1 target, else the target columns.
    fn classes(&self) -> Option<Vec<String>> {
        let data = &self.data;
        match (
            &data.class_names,
            data.is_classification(),
            data.target_names.len(),
        ) {
            (Some(names), _, _) => Some(names.clone()),
            (None, true, 1) => Some(vec!["0".into(), "1".into()]),
            (None, true, _) => Some(data.target_names.clone()),
            (None, false, _) => None,
        }
    }

    /// The metrics of the training and validation parts under `model`.
    pub fn part_metrics(&self, model: &ModelFile) -> PartMetrics {
        let p = &model.parameters;
        let finite = p
            .weights
            .iter()
            .flatten()
            .flatten()
            .chain(p.biases.iter().flatten())
            .all(|v| v.is_finite());
        let of = |part: &Dataset| {
            let samples = Samples {
                inputs: &part.inputs,
                targets: Some(&part.targets),
                standardized: true,
            };
            model.apply(&samples).metrics
        };
        PartMetrics {
            training: finite.then(|| of(&self.data)).flatten(),
            validation: self.validation.as_ref().filter(|_| finite).and_then(of),
        }
    }
}

/// The run's best epoch: the first with the smallest validation loss, or
/// training loss without a validation part (epoch 0 counts).
pub fn best_epoch(t: &Training) -> Option<BestEpoch> {
    let mut best: Option<BestEpoch> = None;
    for e in &t.epochs {
        let (monitor, loss) = match e.val_loss {
            Some(v) => (Monitor::Validation, v),
            None => (Monitor::Training, e.loss),
        };
        if loss.is_finite() && best.is_none_or(|b| loss < b.loss) {
            best = Some(BestEpoch {
                monitor,
                epoch: e.epoch,
                loss,
            });
        }
    }
    best
}
