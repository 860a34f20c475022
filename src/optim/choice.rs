//! The optimizer a run was asked for: a name and the hyperparameters given
//! on the command line, over a spec's own choice; and whether the chosen
//! method takes as many variables as the problem has.
//!
//! `--compare` (of `minimize` and `train`) is a list of such choices, each
//! with the hyperparameters given that its method takes
//! ([`OptimizerChoice::compared`]), its errors prefixed by the option.
//!
//! Invariant: a configuration from [`OptimizerChoice::config`] passed the
//! checks of `validate`, and [`check_dimension`] refuses Newton's method and
//! BFGS beyond `limits::MAX_NEWTON_VARIABLES` and
//! `limits::MAX_BFGS_VARIABLES` before any work.

use super::{Hyperparameters, OptimizerConfig};
use crate::i18n::Text;
use crate::{text, Error};

/// An optimizer asked for: its name (when one was given) and the
/// hyperparameters given with it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct OptimizerChoice {
    pub name: Option<String>,
    pub given: Hyperparameters,
}

impl Hyperparameters {
    /// These hyperparameters where given, else those of `base` (a spec's).
    pub fn over(&self, base: &Hyperparameters) -> Hyperparameters {
        Hyperparameters {
            lr: self.lr.or(base.lr),
            momentum: self.momentum.or(base.momentum),
            dampening: self.dampening.or(base.dampening),
            nesterov: self.nesterov || base.nesterov,
            weight_decay: self.weight_decay.or(base.weight_decay),
            lr_decay: self.lr_decay.or(base.lr_decay),
            eps: self.eps.or(base.eps),
            alpha: self.alpha.or(base.alpha),
            centered: self.centered || base.centered,
            beta1: self.beta1.or(base.beta1),
            beta2: self.beta2.or(base.beta2),
            line_search: self.line_search || base.line_search,
            scale_initial: self.scale_initial || base.scale_initial,
        }
    }
}

impl OptimizerChoice {
    /// The optimizer chosen (or `default_name`) with its hyperparameters.
    /// The `base` hyperparameters belong to `default_name` (a spec's
    /// optimizer): when another optimizer is chosen, only those it takes
    /// carry over, so a spec's lr does not make Newton's method refuse a
    /// learning rate the user never gave.
    pub fn config(
        &self,
        default_name: &str,
        base: &Hyperparameters,
    ) -> Result<OptimizerConfig, Error> {
        let name = self.name.as_deref().unwrap_or(default_name);
        let base = if name == default_name {
            *base
        } else {
            base.for_method(name)
        };
        OptimizerConfig::from_name(name, &self.given.over(&base))
    }

    /// The optimizers of `--compare`, by name, each as `--optimizer NAME`
    /// with these hyperparameters would choose it, but given only those of
    /// the hyperparameters its method takes (`--lr` applies to all that
    /// have one, `--momentum` only to those with a momentum). The `base`
    /// hyperparameters belong to `default_name`, as in [`Self::config`].
    pub fn compared(
        &self,
        names: &[String],
        default_name: &str,
        base: &Hyperparameters,
    ) -> Result<Vec<OptimizerConfig>, Error> {
        names
            .iter()
            .map(|name| {
                let name = name.trim();
                if name.is_empty() {
                    return Err(Error::told(
                        text!("min-compare-empty"),
                        text!("min-compare-empty-hint"),
                    ));
                }
                let choice = OptimizerChoice {
                    name: Some(name.to_string()),
                    given: self.given.for_method(name),
                };
                choice.config(default_name, base).map_err(in_compare)
            })
            .collect()
    }
}

/// An error about one optimizer of `--compare`, saying it came from there.
pub fn in_compare(error: Error) -> Error {
    match error {
        Error::Told {
            message,
            hint,
            location,
            code,
        } => Error::Told {
            message: Text::in_each_language(|lang| format!("--compare: {}", message.render(lang))),
            hint,
            location,
            code,
        },
        other => other,
    }
}

/// Refuses Newton's method or BFGS on more variables than it takes
/// (`OptimizerConfig::max_variables`): `what` names them, as in "the
/// function's 400 variables" or "this network's 2,500 trainable
/// parameters" (`optim-what-variables`, `optim-what-parameters`).
pub fn check_dimension(config: &OptimizerConfig, n: usize, what: Text) -> Result<(), Error> {
    let Some(limit) = config.max_variables() else {
        return Ok(());
    };
    if n <= limit {
        return Ok(());
    }
    let (needs, instead) = match config {
        OptimizerConfig::Newton(_) => (
            text!("optim-newton-needs", count = n, what = what),
            text!("optim-newton-instead"),
        ),
        _ => (
            text!("optim-bfgs-needs", count = n, what = what),
            text!("optim-bfgs-instead"),
        ),
    };
    Err(Error::told(
        text!("optim-beyond-variables", needs = needs, limit = limit),
        text!("optim-beyond-variables-hint", instead = instead),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_choice_keeps_the_spec_settings_its_method_takes() {
        let spec = Hyperparameters {
            lr: Some(0.5),
            momentum: Some(0.9),
            ..Hyperparameters::default()
        };
        let given = |name: Option<&str>, lr: Option<f64>| OptimizerChoice {
            name: name.map(str::to_string),
            given: Hyperparameters {
                lr,
                ..Hyperparameters::default()
            },
        };
        // The spec's own method: its settings, the given lr over its lr.
        let own = given(None, Some(0.1)).config("sgd", &spec).unwrap();
        assert_eq!(own.lr(), Some(0.1));
        assert!(matches!(own, OptimizerConfig::Sgd(c) if c.momentum == 0.9));
        // Another method: only what it takes; Newton's takes no lr.
        let newton = given(Some("newton"), None).config("sgd", &spec).unwrap();
        assert_eq!(newton.lr(), None);
        assert!(given(Some("newton"), Some(0.1))
            .config("sgd", &spec)
            .is_err());
    }

    #[test]
    fn second_order_methods_are_refused_beyond_their_variables() {
        let newton = OptimizerChoice {
            name: Some("newton".into()),
            ..OptimizerChoice::default()
        }
        .config("sgd", &Hyperparameters::default())
        .unwrap();
        let limit = crate::limits::MAX_NEWTON_VARIABLES;
        let what = || text!("optim-what-variables", count = 61usize);
        assert!(check_dimension(&newton, limit, what()).is_ok());
        let refused = check_dimension(&newton, limit + 1, what()).unwrap_err();
        let english = refused.render_in(false, crate::i18n::Lang::En);
        assert!(english.contains("at most 60"), "{english}");
        let korean = refused.render_in(false, crate::i18n::Lang::Ko);
        assert!(korean.contains("60"), "{korean}");
    }
}
