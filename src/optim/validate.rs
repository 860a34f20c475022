//! Checking an optimizer's hyperparameters: each in its range, and none
//! given that the method does not use (momentum for Adam, a learning rate
//! for Newton's method), with the setting named as the user wrote it — an
//! option or a spec key.
//!
//! Invariant: a configuration that passes `check` can run: every rate is
//! positive and finite, every decay factor lies in its interval.

use super::{ConfigError, Hyperparameters, Naming, OptimizerConfig};
use crate::i18n::Text;
use crate::text;

/// The error for `key`.
fn refuse(key: &'static str, message: Text, hint: Text) -> Result<(), ConfigError> {
    Err(ConfigError {
        key: Some(key),
        message,
        hint,
    })
}

/// A positive, finite rate.
fn positive(naming: Naming, key: &'static str, v: f64) -> Result<(), ConfigError> {
    if v > 0.0 && v.is_finite() {
        return Ok(());
    }
    let what = if key == "lr" {
        text!("optim-the-learning-rate")
    } else {
        Text::Verbatim(key.to_string())
    };
    let example = if key == "eps" { "1e-8" } else { "0.1" };
    refuse(
        key,
        text!(
            "optim-must-be-positive",
            setting = naming.setting(key, v),
            what = what
        ),
        text!("optim-for-example", setting = naming.setting(key, example)),
    )
}

/// A decay factor in [0, 1).
fn unit(naming: Naming, key: &'static str, v: f64) -> Result<(), ConfigError> {
    if (0.0..1.0).contains(&v) {
        return Ok(());
    }
    refuse(
        key,
        text!("optim-must-lie-below-one", setting = naming.setting(key, v)),
        text!("optim-typical-decays"),
    )
}

impl OptimizerConfig {
    /// Refuses hyperparameters out of range or meaningless for the method.
    pub(super) fn check(
        &self,
        name: &str,
        h: &Hyperparameters,
        naming: Naming,
    ) -> Result<(), ConfigError> {
        self.check_ranges(name, h, naming)?;
        if h.weight_decay.is_some_and(|w| w < 0.0 || !w.is_finite()) {
            return refuse(
                "weight_decay",
                text!("optim-not-negative", name = naming.name("weight_decay")),
                text!(
                    "optim-for-example",
                    setting = naming.setting("weight_decay", 0.01)
                ),
            );
        }
        match self.unused_settings(h).first() {
            Some(&first) => refuse(
                first,
                text!(
                    "optim-does-not-apply",
                    name = naming.name(first),
                    optimizer = name
                ),
                match naming {
                    Naming::Options => text!("optim-see-docs"),
                    Naming::SpecKeys => {
                        text!("optim-remove-or-choose", remove = naming.remove(first))
                    }
                },
            ),
            None => Ok(()),
        }
    }

    /// Each setting the method uses within its range.
    fn check_ranges(
        &self,
        name: &str,
        h: &Hyperparameters,
        naming: Naming,
    ) -> Result<(), ConfigError> {
        match *self {
            OptimizerConfig::Sgd(c) => {
                positive(naming, "lr", c.lr)?;
                if !(0.0..=1.0).contains(&c.momentum) {
                    return refuse(
                        "momentum",
                        text!(
                            "optim-must-lie-in-unit",
                            setting = naming.setting("momentum", c.momentum)
                        ),
                        text!("optim-typical-momentum"),
                    );
                }
                if c.nesterov && (c.momentum <= 0.0 || c.dampening != 0.0) {
                    return refuse(
                        if c.momentum <= 0.0 {
                            "momentum"
                        } else {
                            "dampening"
                        },
                        text!("optim-nesterov-needs"),
                        text!(
                            "optim-nesterov-hint",
                            setting = naming.setting("momentum", 0.9),
                            name = naming.name("dampening")
                        ),
                    );
                }
                Ok(())
            }
            OptimizerConfig::Adagrad(c) => {
                positive(naming, "lr", c.lr)?;
                positive(naming, "eps", c.eps)
            }
            OptimizerConfig::RmsProp(c) => {
                positive(naming, "lr", c.lr)?;
                positive(naming, "eps", c.eps)?;
                unit(naming, "alpha", c.alpha)
            }
            OptimizerConfig::Adam(c) => {
                positive(naming, "lr", c.lr)?;
                positive(naming, "eps", c.eps)?;
                unit(naming, "beta1", c.beta1)?;
                unit(naming, "beta2", c.beta2)
            }
            OptimizerConfig::Newton(_) | OptimizerConfig::Bfgs(_) if h.lr.is_some() => refuse(
                "lr",
                text!("optim-no-lr", optimizer = name),
                naming.remove("lr"),
            ),
            OptimizerConfig::Newton(_) | OptimizerConfig::Bfgs(_) => Ok(()),
        }
    }

    /// The settings given that this method does not use, in a fixed order.
    fn unused_settings(&self, h: &Hyperparameters) -> Vec<&'static str> {
        use OptimizerConfig::*;
        let sgd = matches!(self, Sgd(_));
        let rmsprop = matches!(self, RmsProp(_));
        let second_order = matches!(self, Newton(_) | Bfgs(_));
        [
            ("momentum", h.momentum.is_some() && !(sgd || rmsprop)),
            ("nesterov", h.nesterov && !sgd),
            ("dampening", h.dampening.is_some() && !sgd),
            ("alpha", h.alpha.is_some() && !rmsprop),
            ("centered", h.centered && !rmsprop),
            ("beta1", h.beta1.is_some() && !matches!(self, Adam(_))),
            ("beta2", h.beta2.is_some() && !matches!(self, Adam(_))),
            (
                "lr_decay",
                h.lr_decay.is_some() && !matches!(self, Adagrad(_)),
            ),
            ("line_search", h.line_search && !matches!(self, Newton(_))),
            ("scale_initial", h.scale_initial && !matches!(self, Bfgs(_))),
            ("eps", h.eps.is_some() && (sgd || second_order)),
            ("weight_decay", h.weight_decay.is_some() && second_order),
        ]
        .iter()
        .filter(|(_, unused)| *unused)
        .map(|(name, _)| *name)
        .collect()
    }
}
