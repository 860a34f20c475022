//! How well a model's predictions match the targets: for classes the
//! accuracy, the confusion matrix (rows the true class, columns the
//! predicted one, in the model's class order) and each class's precision,
//! recall and F1; for values each target's RMSE, MAE and R².
//!
//! The definitions are scikit-learn's: precision = TP/(TP + FP), recall =
//! TP/(TP + FN), F1 = 2·P·R/(P + R), R² = 1 − Σ(y − ŷ)²/Σ(y − ȳ)². Where
//! a denominator is 0 (no sample predicted as the class, none of it in the
//! data, targets that do not vary) the value is undefined and left out
//! (`None`), rather than given as 0 as scikit-learn does with a warning.
//!
//! Invariant: the confusion matrix counts every sample once, and the
//! accuracy is its diagonal over its total.

/// One class's scores, and how many samples of it the data has.
#[derive(Clone, Debug, PartialEq)]
pub struct ClassScores {
    pub precision: Option<f64>,
    pub recall: Option<f64>,
    pub f1: Option<f64>,
    pub support: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ClassMetrics {
    pub classes: Vec<String>,
    /// `confusion[true][predicted]`.
    pub confusion: Vec<Vec<usize>>,
    pub accuracy: f64,
    pub scores: Vec<ClassScores>,
}

/// One target's errors, in its own units.
#[derive(Clone, Debug, PartialEq)]
pub struct TargetFit {
    pub name: String,
    pub rmse: f64,
    pub mae: f64,
    pub r2: Option<f64>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Metrics {
    Classes(ClassMetrics),
    Values(Vec<TargetFit>),
}

fn ratio(numerator: usize, denominator: usize) -> Option<f64> {
    (denominator > 0).then(|| numerator as f64 / denominator as f64)
}

/// The metrics of predicted classes against the true ones (indices into
/// `classes`).
pub fn classification(classes: Vec<String>, truth: &[usize], predicted: &[usize]) -> ClassMetrics {
    let n = classes.len();
    let mut confusion = vec![vec![0usize; n]; n];
    for (&t, &p) in truth.iter().zip(predicted) {
        confusion[t][p] += 1;
    }
    let total: usize = confusion.iter().flatten().sum();
    let right: usize = (0..n).map(|k| confusion[k][k]).sum();
    let scores = (0..n)
        .map(|k| {
            let tp = confusion[k][k];
            let predicted_k: usize = (0..n).map(|t| confusion[t][k]).sum();
            let support: usize = confusion[k].iter().sum();
            let precision = ratio(tp, predicted_k);
            let recall = ratio(tp, support);
            let f1 = match (precision, recall) {
                (Some(p), Some(r)) if p + r > 0.0 => Some(2.0 * p * r / (p + r)),
                (Some(_), Some(_)) => Some(0.0),
                _ => None,
            };
            ClassScores {
                precision,
                recall,
                f1,
                support,
            }
        })
        .collect();
    ClassMetrics {
        classes,
        confusion,
        accuracy: ratio(right, total).unwrap_or(0.0),
        scores,
    }
}

/// Each target's RMSE, MAE and R² (`names[k]` for column k).
pub fn regression(names: &[String], truth: &[Vec<f64>], predicted: &[Vec<f64>]) -> Vec<TargetFit> {
    let n = truth.len().max(1) as f64;
    names
        .iter()
        .enumerate()
        .map(|(k, name)| {
            let pairs = || truth.iter().zip(predicted).map(move |(t, p)| (t[k], p[k]));
            let squares: f64 = pairs().map(|(t, p)| (t - p).powi(2)).sum();
            let absolute: f64 = pairs().map(|(t, p)| (t - p).abs()).sum();
            let mean = pairs().map(|(t, _)| t).sum::<f64>() / n;
            let spread: f64 = pairs().map(|(t, _)| (t - mean).powi(2)).sum();
            TargetFit {
                name: name.clone(),
                rmse: (squares / n).sqrt(),
                mae: absolute / n,
                r2: (spread > 0.0).then(|| 1.0 - squares / spread),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_worked_by_hand() {
        // True a a a b b c; predicted a a b b c c.
        let m = classification(
            vec!["a".into(), "b".into(), "c".into()],
            &[0, 0, 0, 1, 1, 2],
            &[0, 0, 1, 1, 2, 2],
        );
        assert_eq!(
            m.confusion,
            vec![vec![2, 1, 0], vec![0, 1, 1], vec![0, 0, 1]]
        );
        assert_eq!(m.accuracy, 4.0 / 6.0);
        assert_eq!(m.scores[0].precision, Some(1.0));
        assert_eq!(m.scores[0].recall, Some(2.0 / 3.0));
        assert_eq!(m.scores[1].precision, Some(0.5));
        assert_eq!(m.scores[1].f1, Some(0.5));
        assert_eq!(m.scores[2].recall, Some(1.0));
        assert_eq!(m.scores[2].support, 1);
        // A class never predicted has no precision.
        let m = classification(vec!["a".into(), "b".into()], &[0, 1], &[0, 0]);
        assert_eq!(m.scores[1].precision, None);
        assert_eq!(m.scores[1].recall, Some(0.0));
        assert_eq!(m.scores[1].f1, None);
    }

    #[test]
    fn values_worked_by_hand() {
        // y = 1, 2, 3; ŷ = 1, 2, 5: errors 0, 0, 2.
        let fit = regression(
            &["y".into()],
            &[vec![1.0], vec![2.0], vec![3.0]],
            &[vec![1.0], vec![2.0], vec![5.0]],
        );
        assert!((fit[0].rmse - (4.0f64 / 3.0).sqrt()).abs() < 1e-15);
        assert!((fit[0].mae - 2.0 / 3.0).abs() < 1e-15);
        // Σ(y − ȳ)² = 2, so R² = 1 − 4/2 = −1.
        assert_eq!(fit[0].r2, Some(-1.0));
        let flat = regression(
            &["y".into()],
            &[vec![1.0], vec![1.0]],
            &[vec![1.0], vec![2.0]],
        );
        assert_eq!(flat[0].r2, None);
    }
}
