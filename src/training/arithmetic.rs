//! Epochs, iterations and batches: the arithmetic of a training run.
//!
//! One epoch is one pass over the whole training set; one iteration is one
//! batch, one update. With N samples and batch size B there are ⌈N/B⌉
//! iterations per epoch, the last one smaller when B does not divide N —
//! or ⌊N/B⌋ with the remainder dropped.
//!
//! The totals are products of counts, so they are computed in 128 bits:
//! exact for any counts a `usize` holds, never wrapped around. (The
//! commands also refuse counts beyond `limits::MAX_SAMPLES` and
//! `limits::MAX_EPOCHS` up front.)
//!
//! Invariant: `samples_seen = epochs × samples used per epoch`, and the
//! batches of an epoch cover those samples exactly once.

use crate::i18n::Lang;
use crate::limits::{MAX_EPOCHS, MAX_SAMPLES};
use crate::number::format_thousands;
use crate::Error;
use crate::{msg, text};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EpochArithmetic {
    pub samples: usize,
    pub batch_size: usize,
    pub epochs: usize,
    pub drop_last: bool,
}

impl EpochArithmetic {
    /// The arithmetic `epochs` explains, its counts checked: each at least
    /// 1, within train's limits, and a batch no larger than the samples.
    pub fn checked(
        samples: usize,
        batch_size: usize,
        epochs: usize,
        drop_last: bool,
    ) -> Result<EpochArithmetic, Error> {
        for (option, value, counts) in [
            ("--samples", samples, text!("epochs-counts-samples")),
            ("--batch-size", batch_size, text!("epochs-counts-batch")),
            ("--epochs", epochs, text!("epochs-counts-epochs")),
        ] {
            if value == 0 {
                return Err(Error::told(
                    text!("epochs-zero", option = option, counts = counts),
                    text!("epochs-zero-hint"),
                ));
            }
        }
        for (option, value, limit, what) in [
            ("--samples", samples, MAX_SAMPLES, "epochs-what-samples"),
            ("--epochs", epochs, MAX_EPOCHS, "epochs-what-epochs"),
        ] {
            if value > limit {
                let at_most = match what {
                    "epochs-what-samples" => text!("epochs-what-samples", limit = limit),
                    _ => text!("epochs-what-epochs", limit = limit),
                };
                return Err(Error::told(
                    text!(
                        "epochs-beyond-limit",
                        option = option,
                        value = value.to_string(),
                        what = at_most
                    ),
                    text!(
                        "epochs-beyond-limit-hint",
                        option = option,
                        limit = limit.to_string()
                    ),
                ));
            }
        }
        if batch_size > samples {
            return Err(Error::told(
                text!(
                    "epochs-batch-too-large",
                    batch = batch_size.to_string(),
                    samples = samples.to_string()
                ),
                text!("epochs-batch-too-large-hint", samples = samples.to_string()),
            ));
        }
        Ok(EpochArithmetic {
            samples,
            batch_size,
            epochs,
            drop_last,
        })
    }

    /// Full batches in one epoch.
    pub fn full_batches(&self) -> usize {
        self.samples / self.batch_size
    }

    /// Samples left over after the full batches.
    pub fn remainder(&self) -> usize {
        self.samples % self.batch_size
    }

    pub fn iterations_per_epoch(&self) -> usize {
        self.full_batches() + usize::from(self.remainder() > 0 && !self.drop_last)
    }

    /// The size of the last batch of an epoch.
    pub fn last_batch(&self) -> usize {
        if self.remainder() > 0 && !self.drop_last {
            self.remainder()
        } else {
            self.batch_size
        }
    }

    /// Iterations of the whole run: exact, as a product of two counts
    /// below 2⁶⁴ is below 2¹²⁸.
    pub fn total_iterations(&self) -> u128 {
        self.iterations_per_epoch() as u128 * self.epochs as u128
    }

    /// Samples one epoch uses.
    pub fn samples_per_epoch(&self) -> usize {
        if self.drop_last {
            self.full_batches() * self.batch_size
        } else {
            self.samples
        }
    }

    /// Samples the whole run uses, counted with repeats: exact, as
    /// `total_iterations`.
    pub fn samples_seen(&self) -> u128 {
        self.samples_per_epoch() as u128 * self.epochs as u128
    }

    /// What kind of gradient descent this batch size makes.
    pub fn kind(&self) -> String {
        self.kind_in(Lang::En)
    }

    /// The kind of gradient descent the batch size makes, in `lang`.
    pub fn kind_in(&self, lang: Lang) -> String {
        if self.batch_size >= self.samples {
            msg!(lang, "train-kind-batch")
        } else if self.batch_size == 1 {
            msg!(lang, "train-kind-stochastic")
        } else {
            msg!(lang, "train-kind-mini-batch")
        }
    }

    /// The one-line summary a training run starts with: "150 samples, batch
    /// size 16 → 10 iterations per epoch (last batch 6); 100 epochs →
    /// 1,000 iterations, 15,000 samples seen".
    pub fn summary(&self) -> String {
        self.summary_in(Lang::En)
    }

    /// The one-line summary in `lang`.
    pub fn summary_in(&self, lang: Lang) -> String {
        let per_epoch = self.iterations_per_epoch();
        let last = if self.remainder() == 0 {
            String::new()
        } else if self.drop_last {
            msg!(
                lang,
                "train-last-dropped",
                count = self.remainder().to_string()
            )
        } else {
            msg!(
                lang,
                "train-last-batch",
                size = self.last_batch().to_string()
            )
        };
        let big = |n: u128| u64::try_from(n).unwrap_or(u64::MAX);
        msg!(
            lang,
            "train-arithmetic",
            samples = self.samples,
            batch = self.batch_size,
            per_epoch = per_epoch,
            last = last,
            epochs = self.epochs,
            iterations = format_thousands(self.total_iterations()),
            iterations_count = big(self.total_iterations()),
            seen = format_thousands(self.samples_seen()),
            seen_count = big(self.samples_seen())
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_course_example() {
        let a = EpochArithmetic {
            samples: 1000,
            batch_size: 25,
            epochs: 100,
            drop_last: false,
        };
        assert_eq!(
            (
                a.iterations_per_epoch(),
                a.total_iterations(),
                a.samples_seen()
            ),
            (40, 4000, 100_000)
        );
        assert_eq!(a.summary(), "1,000 samples, batch size 25 → 40 iterations per epoch; 100 epochs → 4,000 iterations, 100,000 samples seen");
    }

    /// 10¹² samples one at a time for 10¹² epochs: 10²⁴ iterations, not
    /// 10²⁴ mod 2⁶⁴; and the largest counts a usize holds, multiplied
    /// exactly.
    #[test]
    fn totals_do_not_wrap_around() {
        let a = EpochArithmetic {
            samples: 1_000_000_000_000,
            batch_size: 1,
            epochs: 1_000_000_000_000,
            drop_last: false,
        };
        assert_eq!(a.total_iterations(), 10u128.pow(24));
        assert_eq!(a.samples_seen(), 10u128.pow(24));
        assert!(a
            .summary()
            .ends_with("1,000,000,000,000,000,000,000,000 iterations, 1,000,000,000,000,000,000,000,000 samples seen"));
        let most = EpochArithmetic {
            samples: usize::MAX,
            batch_size: 1,
            epochs: usize::MAX,
            drop_last: true,
        };
        let max = usize::MAX as u128;
        assert_eq!(most.total_iterations(), max * max);
        assert_eq!(most.samples_seen(), max * max);
    }

    #[test]
    fn remainders() {
        let a = EpochArithmetic {
            samples: 1000,
            batch_size: 32,
            epochs: 10,
            drop_last: false,
        };
        assert_eq!((a.iterations_per_epoch(), a.last_batch()), (32, 8));
        let d = EpochArithmetic {
            drop_last: true,
            ..a
        };
        assert_eq!((d.iterations_per_epoch(), d.samples_seen()), (31, 9920));
        assert!(d.summary().contains("the last 8 samples are dropped"));
    }
}
