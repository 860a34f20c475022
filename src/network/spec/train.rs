//! The `[train]` table of a spec: the optimizer, its hyperparameters, and
//! the steps, epochs and batch size.
//!
//! Invariant: the settings returned configure an optimizer (checked by
//! `OptimizerConfig::configure`), and every count is at least 1.

use super::validate::{Checker, RawTrain};
use super::TrainSettings;
use crate::optim::{Hyperparameters, Naming, OptimizerConfig};
use crate::{text, Error};
use toml::Spanned;

pub(super) fn train_settings(
    check: &Checker,
    raw: Option<&Spanned<RawTrain>>,
) -> Result<TrainSettings, Error> {
    let mut settings = TrainSettings {
        optimizer: "sgd".to_string(),
        hyperparameters: Hyperparameters::default(),
        update_biases: true,
        steps: 1,
        epochs: None,
        batch_size: None,
    };
    let Some(spanned) = raw else {
        return Ok(settings);
    };
    let raw = spanned.get_ref();
    if let Some(lr) = &raw.lr {
        let v = *lr.get_ref();
        if !(v > 0.0 && v.is_finite()) {
            return Err(check.error(
                lr.span(),
                text!("spec-learning-rate", value = v.to_string()),
                text!("spec-learning-rate-hint"),
            ));
        }
        settings.hyperparameters.lr = Some(v);
    }
    let number = |v: &Option<Spanned<f64>>| v.as_ref().map(|s| *s.get_ref());
    let flag = |v: &Option<Spanned<bool>>| v.as_ref().is_some_and(|s| *s.get_ref());
    let h = &mut settings.hyperparameters;
    h.momentum = number(&raw.momentum);
    h.dampening = number(&raw.dampening);
    h.nesterov = flag(&raw.nesterov);
    h.weight_decay = number(&raw.weight_decay);
    h.lr_decay = number(&raw.lr_decay);
    h.eps = number(&raw.eps);
    h.alpha = number(&raw.alpha);
    h.centered = flag(&raw.centered);
    h.beta1 = number(&raw.beta1);
    h.beta2 = number(&raw.beta2);
    let optimizer_span = raw.optimizer.as_ref().map_or(spanned.span(), |o| o.span());
    if let Some(o) = &raw.optimizer {
        settings.optimizer = o.get_ref().clone();
    }
    if let Err(e) = OptimizerConfig::configure(
        &settings.optimizer,
        &settings.hyperparameters,
        Naming::SpecKeys,
    ) {
        // Point at the setting refused, else at the optimizer's name.
        let span = e
            .key
            .and_then(|key| raw.span_of(key))
            .unwrap_or(optimizer_span);
        // The optimizer's words, as it gives them.
        return Err(check.error(span, e.message, e.hint));
    }
    if let Some(u) = raw.update_biases {
        settings.update_biases = u;
    }
    if let Some(s) = &raw.steps {
        let v = *s.get_ref();
        if v < 1 {
            return Err(check.error(
                s.span(),
                text!("spec-at-least-one", key = "steps", value = v.to_string()),
                text!("spec-steps-hint"),
            ));
        }
        settings.steps = v as usize;
    }
    for (field, target, what) in [
        (&raw.epochs, &mut settings.epochs, "epochs"),
        (&raw.batch_size, &mut settings.batch_size, "batch_size"),
    ] {
        if let Some(s) = field {
            let v = *s.get_ref();
            if v < 1 {
                return Err(check.error(
                    s.span(),
                    text!("spec-at-least-one", key = what, value = v.to_string()),
                    text!("spec-a-count", key = what),
                ));
            }
            *target = Some(v as usize);
        }
    }
    Ok(settings)
}
