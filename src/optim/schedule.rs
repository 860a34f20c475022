//! Learning-rate schedules for training, changed once per epoch as
//! PyTorch's schedulers are when `scheduler.step()` is called after each
//! epoch. Epoch e (counted from 1) trains with the rate at t = e − 1:
//!
//! - `step:EVERY:GAMMA` — StepLR: lr·γ^⌊t/EVERY⌋;
//! - `exponential:GAMMA` — ExponentialLR: lr·γ^t;
//! - `cosine[:MIN_LR]` — CosineAnnealingLR with T_max the epochs after the
//!   warm-up: η_min + (lr − η_min)·(1 + cos(π·t/T_max))/2 (its closed form;
//!   PyTorch's recursive form gives the same numbers up to rounding).
//!
//! `--warmup W` comes first, as SequentialLR of LinearLR(start_factor =
//! 1/(W+1), total_iters = W) and the schedule with milestone W: epoch t < W
//! trains with lr·(t+1)/(W+1), and the schedule then starts at its own t = 0.
//!
//! Invariant: every rate a schedule gives is finite and positive when the
//! base rate is (its parameters are checked by `parse`).

use super::OptimizerConfig;
use crate::{text, Error};

/// How the rate decays after the warm-up.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Decay {
    Step { every: usize, gamma: f64 },
    Exponential { gamma: f64 },
    Cosine { min_lr: f64 },
}

/// A schedule: an optional decay after `warmup` epochs of linear warm-up.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Schedule {
    pub decay: Option<Decay>,
    pub warmup: usize,
}

impl Schedule {
    /// Whether the rate never changes.
    pub fn is_constant(&self) -> bool {
        self.decay.is_none() && self.warmup == 0
    }

    /// The rate of epoch `epoch` (from 1) of a run of `epochs`, from the
    /// base rate `base`.
    pub fn lr(&self, base: f64, epoch: usize, epochs: usize) -> f64 {
        let t = epoch.saturating_sub(1);
        if t < self.warmup {
            return base * (t + 1) as f64 / (self.warmup + 1) as f64;
        }
        let t = t - self.warmup;
        match self.decay {
            None => base,
            Some(Decay::Step { every, gamma }) => base * gamma.powf((t / every) as f64),
            Some(Decay::Exponential { gamma }) => base * gamma.powf(t as f64),
            Some(Decay::Cosine { min_lr }) => {
                let t_max = epochs.saturating_sub(self.warmup).max(1) as f64;
                let cosine = (std::f64::consts::PI * t as f64 / t_max).cos();
                min_lr + (base - min_lr) * (1.0 + cosine) / 2.0
            }
        }
    }

    /// The schedule as written: "step every 10 epochs ×0.5, after 3 epochs
    /// of warm-up" is for the report; this is the option's own form.
    pub fn written(&self) -> String {
        let decay = match self.decay {
            None => String::new(),
            Some(Decay::Step { every, gamma }) => format!("step:{every}:{gamma}"),
            Some(Decay::Exponential { gamma }) => format!("exponential:{gamma}"),
            Some(Decay::Cosine { min_lr }) => format!("cosine:{min_lr}"),
        };
        match (decay.is_empty(), self.warmup) {
            (_, 0) => decay,
            (true, w) => format!("warmup {w}"),
            (false, w) => format!("{decay}, warmup {w}"),
        }
    }
}

/// The error for a `--schedule` that cannot be read: what is wrong with
/// which part.
fn bad(given: &str, problem: crate::i18n::Text) -> Error {
    Error::told(
        text!("schedule-bad", given = given, problem = problem),
        text!("schedule-bad-hint"),
    )
}

/// A number of `--schedule`, or the error naming it.
fn number(given: &str, name: &str, part: &str) -> Result<f64, Error> {
    match part.trim().parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(v),
        _ => Err(bad(
            given,
            text!("schedule-not-a-number", name = name, value = part),
        )),
    }
}

/// Reads `--schedule`'s text.
pub fn parse(given: &str) -> Result<Decay, Error> {
    let parts: Vec<&str> = given.split(':').collect();
    let gamma = |part: &str| -> Result<f64, Error> {
        let g = number(given, "GAMMA", part)?;
        match g > 0.0 && g <= 1.0 {
            true => Ok(g),
            false => Err(bad(
                given,
                text!("schedule-gamma-range", value = part.trim()),
            )),
        }
    };
    match parts.as_slice() {
        ["step", every, g] => {
            let every = match every.trim().parse::<usize>() {
                Ok(n) if n >= 1 => n,
                _ => return Err(bad(given, text!("schedule-every", value = every.trim()))),
            };
            Ok(Decay::Step {
                every,
                gamma: gamma(g)?,
            })
        }
        ["exponential", g] => Ok(Decay::Exponential { gamma: gamma(g)? }),
        ["cosine"] => Ok(Decay::Cosine { min_lr: 0.0 }),
        ["cosine", min] => {
            let min_lr = number(given, "MIN_LR", min)?;
            match min_lr >= 0.0 {
                true => Ok(Decay::Cosine { min_lr }),
                false => Err(bad(given, text!("schedule-min-lr", value = min.trim()))),
            }
        }
        [name, ..] if ["step", "exponential", "cosine"].contains(name) => {
            Err(bad(given, text!("schedule-parts", name = *name)))
        }
        _ => Err(bad(given, text!("schedule-unknown"))),
    }
}

/// Checks a schedule against the optimizer and the run: only a method with
/// a learning rate has one to schedule, and cosine's minimum must lie
/// below the base rate.
pub fn check(schedule: &Schedule, optimizer: &OptimizerConfig) -> Result<(), Error> {
    if schedule.is_constant() {
        return Ok(());
    }
    let Some(lr) = optimizer.lr() else {
        return Err(Error::told(
            text!("schedule-no-lr", optimizer = optimizer.title()),
            text!("schedule-no-lr-hint"),
        ));
    };
    if let Some(Decay::Cosine { min_lr }) = schedule.decay {
        if min_lr >= lr {
            return Err(Error::told(
                text!(
                    "schedule-min-above-lr",
                    min = crate::number::format_significant(min_lr, 6),
                    lr = crate::number::format_significant(lr, 6)
                ),
                text!("schedule-bad-hint"),
            ));
        }
    }
    Ok(())
}

impl OptimizerConfig {
    /// The same optimizer with the learning rate `lr` (unchanged for the
    /// methods without one).
    pub fn with_lr(self, lr: f64) -> OptimizerConfig {
        let mut config = self;
        match &mut config {
            OptimizerConfig::Sgd(c) => c.lr = lr,
            OptimizerConfig::Adagrad(c) => c.lr = lr,
            OptimizerConfig::RmsProp(c) => c.lr = lr,
            OptimizerConfig::Adam(c) => c.lr = lr,
            OptimizerConfig::Newton(_) | OptimizerConfig::Bfgs(_) => {}
        }
        config
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_schedules_are_read() {
        assert_eq!(
            parse("step:10:0.5").unwrap(),
            Decay::Step {
                every: 10,
                gamma: 0.5
            }
        );
        assert_eq!(parse("cosine").unwrap(), Decay::Cosine { min_lr: 0.0 });
        for (bad, says) in [
            ("step:0:0.5", "EVERY"),
            ("step:x:0.5", "EVERY"),
            ("step:10", "step"),
            ("exponential:1.5", "GAMMA"),
            ("exponential:abc", "GAMMA"),
            ("cosine:-1", "MIN_LR"),
            ("linear:3", "step:EVERY:GAMMA"),
        ] {
            let error = parse(bad).unwrap_err().to_string();
            assert!(error.contains(says), "{bad}: {error}");
            assert!(error.contains(bad), "{bad}: {error}");
        }
    }
}
