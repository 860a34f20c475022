//! Early stopping as Keras's `EarlyStopping(patience=P, min_delta=0)`:
//! the monitored loss — the validation loss when part of the data is held
//! out, else the training loss — is watched epoch by epoch; an epoch
//! improves when its loss is strictly below the best so far, and training
//! stops when `patience` epochs in a row have not improved, that is
//! exactly `patience` epochs after the best one.
//!
//! stepgrad evaluates the network before training (epoch 0), so epoch 0 is
//! the first loss watched: a run that never gets better than its start
//! stops at epoch `patience`, with epoch 0 as the best.
//!
//! Invariant: `best` is the first epoch with the smallest monitored loss
//! seen so far, and `observe` asks to stop exactly when the epoch observed
//! is `best.epoch + patience`.

/// Which loss early stopping watches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Monitor {
    Validation,
    Training,
}

impl Monitor {
    /// The loss's name in JSON: the field of `epochs[]` it is read from.
    pub fn field(self) -> &'static str {
        match self {
            Monitor::Validation => "val_loss",
            Monitor::Training => "loss",
        }
    }

    /// "validation" or "training", as in "the validation loss".
    pub fn adjective(self) -> &'static str {
        match self {
            Monitor::Validation => "validation",
            Monitor::Training => "training",
        }
    }
}

/// The best epoch so far and its monitored loss.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BestEpoch {
    pub monitor: Monitor,
    pub epoch: usize,
    pub loss: f64,
}

/// The state of early stopping during a run.
#[derive(Clone, Debug)]
pub struct EarlyStopping {
    patience: usize,
    best: Option<BestEpoch>,
}

impl EarlyStopping {
    pub fn new(patience: usize) -> EarlyStopping {
        EarlyStopping {
            patience,
            best: None,
        }
    }

    /// Takes in the monitored loss of `epoch` (epochs in increasing order,
    /// from 0); `true` when training should stop after it. A loss that is
    /// not a number is worse than any other.
    pub fn observe(&mut self, monitor: Monitor, epoch: usize, loss: f64) -> bool {
        let improves = match self.best {
            None => true,
            Some(best) => !loss.is_nan() && (best.loss.is_nan() || loss < best.loss),
        };
        if improves {
            self.best = Some(BestEpoch {
                monitor,
                epoch,
                loss,
            });
        }
        self.best
            .is_some_and(|best| epoch.saturating_sub(best.epoch) >= self.patience)
    }

    pub fn patience(&self) -> usize {
        self.patience
    }

    pub fn best(&self) -> Option<BestEpoch> {
        self.best
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The epoch at which a run with these monitored losses (epoch 0
    /// first) stops, and the best epoch then.
    fn run(losses: &[f64], patience: usize) -> (Option<usize>, Option<usize>) {
        let mut stopping = EarlyStopping::new(patience);
        for (epoch, &loss) in losses.iter().enumerate() {
            if stopping.observe(Monitor::Training, epoch, loss) {
                return (Some(epoch), stopping.best().map(|b| b.epoch));
            }
        }
        (None, stopping.best().map(|b| b.epoch))
    }

    #[test]
    fn stops_patience_epochs_after_the_best() {
        // Worked by hand: the best is epoch 2 (0.5); epochs 3, 4, 5 do not
        // beat it (an equal loss is no improvement), so patience 3 stops
        // at epoch 5.
        assert_eq!(
            run(&[1.0, 0.8, 0.5, 0.6, 0.5, 0.7, 0.1], 3),
            (Some(5), Some(2))
        );
        // A loss that falls every epoch never stops.
        assert_eq!(run(&[5.0, 4.0, 3.0, 2.0, 1.0], 1), (None, Some(4)));
        // Never better than the start: stops at epoch P with epoch 0 best.
        assert_eq!(run(&[1.0, 2.0, 2.0, 1.0], 3), (Some(3), Some(0)));
        // A late improvement restarts the count.
        assert_eq!(run(&[3.0, 4.0, 2.0, 5.0, 5.0], 2), (Some(4), Some(2)));
    }

    #[test]
    fn a_loss_that_is_not_a_number_never_improves() {
        assert_eq!(run(&[1.0, f64::NAN, f64::NAN], 2), (Some(2), Some(0)));
        assert_eq!(run(&[f64::NAN, 1.0, 2.0], 1), (Some(2), Some(1)));
    }
}
