//! Regression targets on the network's scale: with `--standardize-targets`
//! each target column is rescaled to (y − mean)/sd with the training
//! part's mean and standard deviation (the validation part with the same
//! numbers), so the losses of the run are in those units and the model
//! file records the statistics to take outputs back to the targets' own
//! units. Without it, targets far from unit scale are pointed out: a
//! network whose outputs start near 0 then spends its first epochs only
//! on reaching them, and the loss is in the targets' squared units.
//!
//! Invariant: targets are scaled only for regression (classes are 0/1 or
//! one-hot rows, refused), and the statistics are the training part's
//! alone.

use crate::data::Dataset;
use crate::{text, Error};

/// A mean or standard deviation beyond this (in absolute value) is far
/// from unit scale.
const FAR_FROM_UNIT: f64 = 10.0;

/// How the run's targets stand.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum TargetScale {
    /// As given, near unit scale (or classes).
    #[default]
    AsGiven,
    /// Standardised with the training part's mean and standard deviation,
    /// per target column.
    Standardized(Vec<(f64, f64)>),
    /// As given, and this target is far from unit scale.
    FarFromUnit { target: String, mean: f64, sd: f64 },
}

impl TargetScale {
    /// The statistics when targets were standardised.
    pub fn statistics(&self) -> Option<&[(f64, f64)]> {
        match self {
            TargetScale::Standardized(s) => Some(s),
            _ => None,
        }
    }
}

/// Each target column's mean and (population) standard deviation.
fn target_statistics(data: &Dataset) -> Vec<(f64, f64)> {
    let n = data.len().max(1) as f64;
    (0..data.target_names.len())
        .map(|k| {
            let mean = data.targets.iter().map(|t| t[k]).sum::<f64>() / n;
            let variance = data
                .targets
                .iter()
                .map(|t| (t[k] - mean).powi(2))
                .sum::<f64>()
                / n;
            (mean, variance.sqrt())
        })
        .collect()
}

fn standardize_targets(data: &mut Dataset, statistics: &[(f64, f64)]) {
    for row in &mut data.targets {
        for (y, &(mean, sd)) in row.iter_mut().zip(statistics) {
            *y = if sd > 0.0 {
                (*y - mean) / sd
            } else {
                *y - mean
            };
        }
    }
}

/// Scales the targets of `training` and `validation` when `asked` (and
/// refuses it for classes), else says whether they are far from unit
/// scale.
pub fn scale_targets(
    training: &mut Dataset,
    validation: Option<&mut Dataset>,
    asked: bool,
) -> Result<TargetScale, Error> {
    let classes = training.class_names.is_some() || training.is_classification();
    if classes {
        return match asked {
            true => Err(Error::told(
                text!("fit-standardize-targets-classes"),
                text!("fit-standardize-targets-classes-hint"),
            )),
            false => Ok(TargetScale::AsGiven),
        };
    }
    let statistics = target_statistics(training);
    if asked {
        standardize_targets(training, &statistics);
        if let Some(v) = validation {
            standardize_targets(v, &statistics);
        }
        return Ok(TargetScale::Standardized(statistics));
    }
    let far = statistics
        .iter()
        .zip(&training.target_names)
        .find(|((mean, sd), _)| mean.abs() > FAR_FROM_UNIT || *sd > FAR_FROM_UNIT);
    Ok(match far {
        Some((&(mean, sd), target)) => TargetScale::FarFromUnit {
            target: target.clone(),
            mean,
            sd,
        },
        None => TargetScale::AsGiven,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn regression(ys: &[f64]) -> Dataset {
        Dataset {
            feature_names: vec!["x".into()],
            target_names: vec!["y".into()],
            inputs: ys.iter().map(|_| vec![0.5]).collect(),
            targets: ys.iter().map(|&y| vec![y]).collect(),
            ..Dataset::default()
        }
    }

    #[test]
    fn the_training_part_sets_the_scale() {
        // Mean 200, population sd 100, worked by hand.
        let mut training = regression(&[100.0, 300.0, 100.0, 300.0]);
        let mut validation = regression(&[400.0]);
        let scale = scale_targets(&mut training, Some(&mut validation), true).unwrap();
        assert_eq!(scale, TargetScale::Standardized(vec![(200.0, 100.0)]));
        assert_eq!(
            training.targets,
            vec![vec![-1.0], vec![1.0], vec![-1.0], vec![1.0]]
        );
        assert_eq!(validation.targets, vec![vec![2.0]]);
        // Without the option: a warning for house prices, none near 1.
        let mut prices = regression(&[150_000.0, 250_000.0]);
        let scale = scale_targets(&mut prices, None, false).unwrap();
        assert!(
            matches!(scale, TargetScale::FarFromUnit { .. }),
            "{scale:?}"
        );
        let mut small = regression(&[0.5, -1.5, 2.0]);
        assert_eq!(
            scale_targets(&mut small, None, false).unwrap(),
            TargetScale::AsGiven
        );
        // Classes are refused.
        let mut classes = regression(&[0.0, 1.0]);
        assert!(scale_targets(&mut classes, None, true).is_err());
    }
}
