//! The start of a training run: with the starting parameters, the loss and
//! gradient over the training set (and the validation loss) must be finite
//! before the first update, or the fault is the input's, not a divergence.
//!
//! The data are laid out for the tapes once (`Start`), for every run of a
//! plan. The whole set is evaluated on the tape once, without the
//! network's formulas (`Start::evaluated`): what it finds is epoch 0's
//! record, which the runs then do not compute again. Whether the gradient
//! is finite is told there from a bound on its entries, without forming
//! it (`tapes::evaluate_judging_gradient`). Only when something
//! is not finite are the formulas built and the first sample at fault
//! looked for (chunk by chunk, then sample by sample) and its value named
//! by evaluating the network's formulas for that sample
//! (`network::describe_failure`).
//!
//! Invariant: `start_fault` returns a fault exactly when a loss or gradient
//! the first epoch starts from is not finite, and `Start::evaluated` is
//! then `None`.

use super::columns::Columns;
use super::tapes::{evaluate, evaluate_judging_gradient, Evaluation};
use super::trainer::Model;
use crate::data::Dataset;
use crate::expr::Evaluator;
use crate::i18n::Text;
use crate::network::{
    describe_failure, named_values, sample_name, sample_point, summed_fault,
    validation_sample_name, Failing, NetworkFormula, StartFault,
};
use crate::text;

/// Samples evaluated together while the sample at fault is looked for.
const CHUNK: usize = 128;

/// What the runs of a plan start from: the training (and validation) set
/// laid out for the tapes, whether the outputs are classes, and the
/// evaluation of the starting parameters on the sets when it was made.
pub struct Start {
    pub columns: Columns,
    pub val_columns: Option<Columns>,
    pub classification: bool,
    /// The starting parameters' loss (and accuracy) on the training set
    /// and the validation set: epoch 0's record.
    pub evaluated: Option<(Evaluation, Option<Evaluation>)>,
}

impl Start {
    /// The sets of `model` laid out, not yet evaluated.
    pub fn new(model: Model<'_>, data: &Dataset, validation: Option<&Dataset>) -> Start {
        Start {
            columns: Columns::new(data),
            val_columns: validation.map(Columns::new),
            classification: data.is_classification() || model.loss.is_classification(),
            evaluated: None,
        }
    }

    /// The sets laid out and evaluated with the parameters `params`;
    /// `evaluated` stays `None` when the training loss or gradient, or
    /// the validation loss, is not finite there.
    pub fn evaluated(
        model: Model<'_>,
        data: &Dataset,
        validation: Option<&Dataset>,
        params: &[f64],
    ) -> Start {
        let mut start = Start::new(model, data, validation);
        let classification = start.classification;
        let (tapes, loss) = (model.tapes, model.loss);
        let (training, gradient_finite) =
            evaluate_judging_gradient(tapes, loss, &start.columns, params, classification);
        let held_out = (start.val_columns.as_ref())
            .map(|c| evaluate(tapes, loss, c, params, classification, false));
        let finite = training.loss.is_finite()
            && gradient_finite
            && held_out.as_ref().is_none_or(|v| v.loss.is_finite());
        start.evaluated = finite.then_some((training, held_out));
        start
    }
}

/// The loss (and, with `with_gradient`, the gradient) over all of `data`.
fn whole_set(model: Model<'_>, data: &Dataset, params: &[f64], with_gradient: bool) -> Evaluation {
    let columns = Columns::new(data);
    evaluate(
        model.tapes,
        model.loss,
        &columns,
        params,
        false,
        with_gradient,
    )
}

/// What has no finite value with the parameters `params` before the first
/// update, if anything: the training loss or gradient, or the validation
/// loss — named from `formula`, the network's formulas with the backward
/// pass.
pub fn start_fault(
    model: Model<'_>,
    formula: &NetworkFormula,
    data: &Dataset,
    validation: Option<&Dataset>,
    params: &[f64],
) -> Option<StartFault> {
    let whole = whole_set(model, data, params, true);
    if !finite(whole.loss, &whole.gradient) {
        return Some(
            sample_fault(model, formula, data, params, true, sample_name)
                .unwrap_or_else(|| fallback(formula, whole.loss, &whole.gradient)),
        );
    }
    let validation = validation?;
    let held_out = whole_set(model, validation, params, false);
    if held_out.loss.is_finite() {
        return None;
    }
    Some(
        sample_fault(
            model,
            formula,
            validation,
            params,
            false,
            validation_sample_name,
        )
        .unwrap_or_else(|| fallback(formula, held_out.loss, &[])),
    )
}

fn finite(loss: f64, gradient: &[f64]) -> bool {
    loss.is_finite() && gradient.iter().all(|g| g.is_finite())
}

/// The fault when no single sample has one: the sums over the samples
/// overflow.
fn fallback(formula: &NetworkFormula, loss: f64, gradient: &[f64]) -> StartFault {
    summed_fault(formula, loss, gradient).unwrap_or_else(|| StartFault {
        value: Text::Verbatim("E_total".into()),
        fails: Failing::Overflows,
        cause: text!("start-total-is", total = loss.to_string()),
        sample: None,
    })
}

/// The first sample of `data` whose loss (or, with `with_gradient`, its
/// gradient) is not finite, named by `name`: "sample 3" or "validation
/// sample 3".
fn sample_fault(
    model: Model<'_>,
    formula: &NetworkFormula,
    data: &Dataset,
    params: &[f64],
    with_gradient: bool,
    name: fn(usize) -> Text,
) -> Option<StartFault> {
    let fails = |indices: &[usize]| {
        let e = whole_set(model, &data.subset(indices), params, with_gradient);
        !finite(e.loss, &e.gradient)
    };
    let all: Vec<usize> = (0..data.len()).collect();
    let chunk = all.chunks(CHUNK).find(|c| fails(c))?;
    let &sample = chunk.iter().find(|&&i| fails(&[i]))?;
    let mut roots = vec![formula.loss];
    if with_gradient {
        roots.extend(&formula.gradients);
    }
    let point = sample_point(formula, params, &data.inputs[sample], &data.targets[sample]);
    let name = name(sample + 1);
    match Evaluator::new(&formula.graph, &roots).evaluate_or_fail(&point) {
        Err(failure) => Some(describe_failure(
            &formula.graph,
            &formula.names,
            &named_values(formula),
            &failure,
            &point,
            Some(name),
        )),
        Ok(_) => Some(StartFault {
            value: Text::Verbatim("E_total".into()),
            fails: Failing::Overflows,
            cause: text!("start-not-finite-on-sample"),
            sample: Some(name),
        }),
    }
}
