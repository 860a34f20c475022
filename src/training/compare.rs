//! `train --compare`: several optimizers trained from the same start with
//! the same batches, and the options that cannot go with it.
//!
//! Each optimizer is configured as `train --optimizer NAME` with the same
//! options would configure it (the spec's settings its method takes, then
//! the options given that it takes), and checked as that run would be;
//! the runs share the plan's initial parameters and its seed, so their
//! shuffles are the same batch for batch.
//!
//! Invariant: each run of a comparison is, number for number, the run of
//! `train --optimizer NAME` with the same options and seed, and no two
//! runs have the same optimizer and settings (so there are at most as
//! many runs as optimizers).

use super::plan::TrainRequest;
use crate::network::Spec;
use crate::optim::{in_compare, OptimizerConfig};
use crate::text;
use crate::Error;

/// The optimizers of `--compare`, by the name given, checked against the
/// batch size and the schedule.
pub(super) fn compared_optimizers(
    request: &TrainRequest,
    spec: &Spec,
    check: impl Fn(&OptimizerConfig) -> Result<(), Error>,
) -> Result<Vec<(String, OptimizerConfig)>, Error> {
    if request.compare_optimizers.is_empty() {
        return Ok(Vec::new());
    }
    refuse_companions(request)?;
    let configs = request.optimizer.compared(
        &request.compare_optimizers,
        &spec.train.optimizer,
        &spec.train.hyperparameters,
    )?;
    let names = request
        .compare_optimizers
        .iter()
        .map(|n| n.trim().to_string());
    let compared: Vec<(String, OptimizerConfig)> = names.zip(configs).collect();
    refuse_repeats(&compared)?;
    for (_, config) in &compared {
        check(config).map_err(in_compare)?;
    }
    Ok(compared)
}

/// Refuses an optimizer named twice (or under two names, as `sgd` and
/// `gd`): its second run would repeat the first number for number. So a
/// comparison runs each of the optimizers at most once.
fn refuse_repeats(compared: &[(String, OptimizerConfig)]) -> Result<(), Error> {
    for (k, (name, config)) in compared.iter().enumerate() {
        if let Some((first, _)) = compared[..k].iter().find(|(_, c)| c == config) {
            return Err(Error::told(
                text!(
                    "train-compare-twice",
                    first = first.as_str(),
                    second = name.as_str()
                ),
                text!("train-compare-twice-hint"),
            ));
        }
    }
    Ok(())
}

/// Refuses the options that keep or compare one run, which a comparison
/// of several runs cannot give a meaning.
fn refuse_companions(request: &TrainRequest) -> Result<(), Error> {
    let refused = [
        (
            !request.compare_batch.is_empty(),
            "--compare-batch",
            text!("train-compare-with-batch"),
        ),
        (request.save, "--save", text!("train-compare-with-save")),
        (
            request.restore_best,
            "--restore-best",
            text!("train-compare-with-restore"),
        ),
    ];
    match refused.into_iter().find(|(given, _, _)| *given) {
        None => Ok(()),
        Some((_, option, reason)) => Err(Error::told(
            text!("train-compare-with", option = option, reason = reason),
            text!("train-compare-with-hint", option = option),
        )),
    }
}
