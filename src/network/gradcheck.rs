//! `net --gradcheck`: each gradient of the batch loss that backpropagation
//! gave at the start, beside a central difference of the batch loss in
//! that parameter alone (`calculus::gradcheck` chooses the step), computed
//! by the evaluator from the loss formula's values.
//!
//! Invariant: the estimates come from values of the loss alone; every
//! trainable parameter gets a row, in the order of `formula.params`.

use super::formula::NetworkFormula;
use super::run::sample_point;
use super::spec::Spec;
use crate::calculus::{check_one, GradientCheck};
use crate::expr::Evaluator;
use crate::limits::MAX_GRADCHECK_EVALUATIONS;
use crate::Error;

/// The gradient check of `gradients` (of the batch loss, one per
/// parameter) at `params`, for the parameters `trainable`.
pub fn check_gradients(
    formula: &NetworkFormula,
    spec: &Spec,
    params: &[f64],
    gradients: &[f64],
    trainable: &[usize],
) -> Result<Vec<GradientCheck>, Error> {
    refuse_beyond_limit(formula, spec, trainable.len())?;
    let evaluator = Evaluator::new(&formula.graph, &[formula.loss]);
    let batch_loss = |values: &[f64]| -> Option<f64> {
        let mut total = 0.0;
        for (inputs, targets) in spec.inputs.iter().zip(&spec.targets) {
            let point = sample_point(formula, values, inputs, targets);
            total += evaluator.evaluate(&point).ok()?.first().copied()?;
        }
        Some(if spec.loss.averages_samples() {
            total / spec.inputs.len().max(1) as f64
        } else {
            total
        })
    };
    let rows = trainable
        .iter()
        .map(|&i| {
            let shifted = |x: f64| {
                let mut values = params.to_vec();
                values[i] = x;
                batch_loss(&values)
            };
            check_one(&formula.params[i].name, gradients[i], shifted, params[i])
        })
        .collect();
    Ok(rows)
}

/// Two evaluations of the loss per parameter and sample, each of the whole
/// loss graph: refused up front beyond `MAX_GRADCHECK_EVALUATIONS` nodes.
fn refuse_beyond_limit(formula: &NetworkFormula, spec: &Spec, params: usize) -> Result<(), Error> {
    let (nodes, _) = formula.sizes();
    let work = 2u128 * params as u128 * spec.inputs.len() as u128 * nodes as u128;
    if work <= MAX_GRADCHECK_EVALUATIONS as u128 {
        return Ok(());
    }
    Err(Error::told(
        crate::text!(
            "gradcheck-too-large",
            work = u64::try_from(work).unwrap_or(u64::MAX),
            limit = MAX_GRADCHECK_EVALUATIONS
        ),
        crate::text!("gradcheck-too-large-hint"),
    ))
}
