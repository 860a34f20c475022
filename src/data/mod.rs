//! Training data: samples of input features and targets, read from CSV
//! files or given inline in a network spec.
//!
//! Invariant: every sample of a `Dataset` has as many inputs as
//! `feature_names` and as many targets as `target_names`, all finite.

mod csv_file;

pub use csv_file::{load_csv, TargetColumns};

/// Samples with their inputs and targets.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Dataset {
    pub feature_names: Vec<String>,
    pub target_names: Vec<String>,
    /// For a class label turned into one-hot targets: the class names, in
    /// the order of the target columns.
    pub class_names: Option<Vec<String>>,
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
}
