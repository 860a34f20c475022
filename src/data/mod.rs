//! Training data: samples of input features and targets, read from CSV
//! files or given inline in a network spec.
//!
//! Invariant: every sample of a `Dataset` has as many inputs as
//! `feature_names` and as many targets as `target_names`, all finite.

mod builtin;
mod by_name;
mod csv_file;
mod delimiter;
pub mod digits;
mod plain_rows;

pub use builtin::{builtin, default_samples, Generation, NAMES as BUILTIN_NAMES};
pub use by_name::{read_for_model, Table, Wanted};
pub use csv_file::{check_input_columns, load_csv, TargetColumns};
pub use delimiter::Delimiter;
use rand::seq::SliceRandom;
use rand::SeedableRng;

/// Samples with their inputs and targets.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Dataset {
    pub feature_names: Vec<String>,
    pub target_names: Vec<String>,
    /// For a class label turned into one-hot targets: the class names, in
    /// the order of the target columns.
    pub class_names: Option<Vec<String>>,
    /// For a CSV file: what separated its fields.
    pub separator: Option<Delimiter>,
    pub inputs: Vec<Vec<f64>>,
    pub targets: Vec<Vec<f64>>,
}

impl Dataset {
    pub fn len(&self) -> usize {
        self.inputs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.inputs.is_empty()
    }

    /// The samples at `indices`, in that order.
    pub fn subset(&self, indices: &[usize]) -> Dataset {
        Dataset {
            feature_names: self.feature_names.clone(),
            target_names: self.target_names.clone(),
            class_names: self.class_names.clone(),
            separator: self.separator,
            inputs: indices.iter().map(|&i| self.inputs[i].clone()).collect(),
            targets: indices.iter().map(|&i| self.targets[i].clone()).collect(),
        }
    }

    /// Splits off a validation set of about `fraction` of the samples,
    /// chosen by a seeded shuffle: (training, validation).
    pub fn split(&self, fraction: f64, seed: u64) -> (Dataset, Dataset) {
        let (train, val) = self.split_indices(fraction, seed);
        (self.subset(&train), self.subset(&val))
    }

    /// The sample indices of [`Dataset::split`]'s parts, each in
    /// increasing order: (training, validation).
    pub fn split_indices(&self, fraction: f64, seed: u64) -> (Vec<usize>, Vec<usize>) {
        let mut indices: Vec<usize> = (0..self.len()).collect();
        indices.shuffle(&mut rand_chacha::ChaCha8Rng::seed_from_u64(seed ^ 0x5A11));
        let held = ((self.len() as f64 * fraction).round() as usize)
            .clamp(1, self.len().saturating_sub(1));
        let (val, train) = indices.split_at(held);
        let (mut train, mut val) = (train.to_vec(), val.to_vec());
        train.sort_unstable();
        val.sort_unstable();
        (train, val)
    }

    /// Each feature's mean and standard deviation over the samples.
    pub fn feature_statistics(&self) -> Vec<(f64, f64)> {
        let n = self.len().max(1) as f64;
        (0..self.feature_names.len())
            .map(|k| {
                let mean = self.inputs.iter().map(|r| r[k]).sum::<f64>() / n;
                let variance = self
                    .inputs
                    .iter()
                    .map(|r| (r[k] - mean).powi(2))
                    .sum::<f64>()
                    / n;
                (mean, variance.sqrt())
            })
            .collect()
    }

    /// Rescales each feature to (x − mean)/sd with the given statistics (a
    /// constant feature is only centred).
    pub fn standardize(&mut self, statistics: &[(f64, f64)]) {
        for row in &mut self.inputs {
            for (x, &(mean, sd)) in row.iter_mut().zip(statistics) {
                *x = if sd > 0.0 {
                    (*x - mean) / sd
                } else {
                    *x - mean
                };
            }
        }
    }

    /// Whether the targets are classes: one-hot rows, or single 0/1 values.
    pub fn is_classification(&self) -> bool {
        let binary = |t: f64| t == 0.0 || t == 1.0;
        self.targets
            .iter()
            .all(|r| r.iter().all(|&t| binary(t)) && (r.len() == 1 || r.iter().sum::<f64>() == 1.0))
    }
}
