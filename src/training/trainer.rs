//! The training loop: epochs of shuffled batches, one optimizer step per
//! batch, on the network's compiled tapes (`tapes`).
//!
//! Each epoch shuffles the sample order with the seeded generator (unless
//! asked not to), cuts it into batches — the last one smaller, or dropped —
//! and for each batch evaluates the loss and gradient on the tape and lets
//! the one driver (`optim::Descent`) update the parameters. After each
//! epoch the whole training set (and the validation set) is evaluated:
//! loss, accuracy for classification, and the gradient's norm. Training
//! stops after the maximum number of epochs, at a target loss, `patience`
//! epochs after the best monitored loss (`early_stopping`), at Ctrl-C, or
//! on divergence, by the rule every run follows (`optim::divergence`): a
//! batch's loss, gradient or the parameters stop being finite, or an
//! epoch's loss is not finite or has grown beyond 10¹² times its start.
//!
//! Invariant: the same data, initial parameters, options and seed give the
//! same run, number for number.

use super::arithmetic::EpochArithmetic;
use super::early_stopping::{BestEpoch, EarlyStopping, Monitor};
use super::tapes::{batch, evaluate_in, Columns, Evaluating, TapeSums, Tapes};
use crate::data::Dataset;
use crate::interrupt::Control;
use crate::limits::{MAX_KEPT_VALUES, MAX_LISTED_RECORDS, MAX_PLOT_POINTS};
use crate::network::{trainable, Loss, NetworkFormula};
use crate::optim::{
    Descent, Divergence, Gap, Halt, Kept, LossWords, OptimizerConfig, SampleObjective, Thinned,
    Watch,
};
use crate::tape::Workspace;
use rand::seq::SliceRandom;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use std::time::{Duration, Instant};

/// Options of a training run.
#[derive(Clone, Copy, Debug)]
pub struct TrainOptions {
    pub optimizer: OptimizerConfig,
    pub epochs: usize,
    pub batch_size: usize,
    pub shuffle: bool,
    pub drop_last: bool,
    pub seed: u64,
    pub target_loss: Option<f64>,
    pub patience: Option<usize>,
    pub update_biases: bool,
    /// Keep every iteration's batch loss (and, for tests, the parameters
    /// after it).
    pub record_iterations: bool,
    pub record_parameters: bool,
}

/// The state after one epoch (epoch 0: before training).
#[derive(Clone, Debug, PartialEq)]
pub struct EpochRecord {
    pub epoch: usize,
    /// Iterations so far.
    pub iterations: u64,
    pub loss: f64,
    pub val_loss: Option<f64>,
    pub accuracy: Option<f64>,
    pub val_accuracy: Option<f64>,
    /// The norm of the average of the gradients the epoch's batches
    /// followed (for batch gradient descent, ‖∇E‖ where the epoch's step
    /// started); none before training.
    pub grad_norm: Option<f64>,
    /// The standard deviation of the batch losses of the epoch: how much
    /// the loss jumps from one update to the next.
    pub spread: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct IterationRecord {
    pub iteration: u64,
    pub epoch: usize,
    pub batch_loss: f64,
    pub params: Option<Vec<f64>>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum TrainStop {
    /// The maximum number of epochs ran.
    Epochs,
    /// The loss reached the target.
    TargetLoss,
    /// The loss did not improve for this many epochs (the patience).
    Patience { epochs: usize },
    /// Ctrl-C, during `epoch` after `iteration` iterations, at `point`.
    Interrupted {
        epoch: usize,
        iteration: u64,
        point: Interruption,
    },
    /// A value stopped being finite.
    Diverged {
        epoch: usize,
        iteration: u64,
        reason: crate::i18n::Text,
    },
}

/// Where in an epoch Ctrl-C stopped training.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Interruption {
    /// Between two batches.
    BetweenBatches,
    /// Inside the next batch, after `done` of its `of` samples (its update
    /// was not made).
    InBatch { done: usize, of: usize },
    /// Inside the optimizer's step for the next batch (a line search, or
    /// the Hessian, evaluated on the whole set); its update was not made.
    InStep,
    /// While the whole training set (and the validation set) were
    /// evaluated at the end of the epoch (before training, for epoch 0),
    /// after `done` of `of` samples; that epoch has no record.
    Evaluating { done: usize, of: usize },
}

impl TrainStop {
    pub fn name(&self) -> &'static str {
        match self {
            TrainStop::Epochs => "epochs",
            TrainStop::TargetLoss => "target_loss",
            TrainStop::Patience { .. } => "patience",
            TrainStop::Diverged { .. } => "diverged",
            TrainStop::Interrupted { .. } => "interrupted",
        }
    }
}

#[derive(Clone, Debug)]
pub struct Training {
    pub arithmetic: EpochArithmetic,
    /// Every epoch's record, epoch 0 (before training) first; empty when
    /// Ctrl-C came before epoch 0 was evaluated.
    pub epochs: Vec<EpochRecord>,
    /// With `record_iterations`: the iterations kept (every one while
    /// they fit in `limits::MAX_LISTED_RECORDS`, else the first and the
    /// last), and those left out between them.
    pub iterations: Vec<IterationRecord>,
    pub iterations_gap: Option<Gap>,
    /// With `record_iterations`: (iteration, batch loss) over the whole
    /// run for a picture, every one or every `curve_stride`-th and the
    /// last.
    pub iteration_curve: Vec<(u64, f64)>,
    pub curve_stride: usize,
    pub stop: TrainStop,
    /// With `--patience`: the epoch early stopping found best, and its
    /// monitored loss.
    pub best: Option<BestEpoch>,
    pub params: Vec<f64>,
    pub elapsed: Duration,
}

fn norm(v: &[f64]) -> f64 {
    v.iter().map(|x| x * x).sum::<f64>().sqrt()
}

fn standard_deviation(values: &[f64]) -> f64 {
    if values.len() < 2 {
        return 0.0;
    }
    let mean = values.iter().sum::<f64>() / values.len() as f64;
    (values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / values.len() as f64).sqrt()
}

/// What is trained: a network's formula, its compiled tapes and its loss.
#[derive(Clone, Copy)]
pub struct Model<'a> {
    pub formula: &'a NetworkFormula,
    pub tapes: &'a Tapes,
    pub loss: Loss,
}

/// Trains from `initial` parameters; Ctrl-C (`control.cancel`) stops the
/// run where it is, and `control.progress` hears of every epoch as it ends.
pub fn train(
    model: Model<'_>,
    data: &Dataset,
    validation: Option<&Dataset>,
    initial: Vec<f64>,
    options: &TrainOptions,
    control: Control<'_>,
) -> Training {
    let started = Instant::now();
    let _listening = control.cancel.listen();
    control.progress.begin("epoch", options.epochs as u64);
    let mut run = Trainer::new(model, data, validation, initial, options, control);
    let stop = run.epochs();
    control.progress.end();
    let curve_stride = run.curve.stride();
    let (iterations, iterations_gap) = run.iterations.into_parts();
    Training {
        arithmetic: run.arithmetic,
        epochs: run.records,
        iterations,
        iterations_gap,
        iteration_curve: run
            .curve
            .into_vec()
            .into_iter()
            .map(|(k, loss)| (k as u64 + 1, loss))
            .collect(),
        curve_stride,
        stop,
        best: run.early_stopping.and_then(|s| s.best()),
        params: run.params,
        elapsed: started.elapsed(),
    }
}

/// A training run under way.
struct Trainer<'a> {
    model: Model<'a>,
    options: &'a TrainOptions,
    control: Control<'a>,
    columns: Columns,
    val_columns: Option<Columns>,
    classification: bool,
    trainable: Vec<usize>,
    words: LossWords<'a>,
    arithmetic: EpochArithmetic,
    descent: Descent<'a>,
    rng: ChaCha8Rng,
    order: Vec<usize>,
    params: Vec<f64>,
    /// The tape's workspace and the gathered columns of a batch, and the
    /// workspace of the evaluations at the end of each epoch.
    work: (Workspace, Vec<Vec<f64>>),
    evaluation: Workspace,
    iteration: u64,
    iterations: Kept<IterationRecord>,
    curve: Thinned<f64>,
    records: Vec<EpochRecord>,
    early_stopping: Option<EarlyStopping>,
    monitor: Monitor,
}

/// The batches of one epoch: their losses, and the average of the
/// gradients they followed.
struct EpochBatches {
    losses: Vec<f64>,
    mean_gradient: Vec<f64>,
}

impl<'a> Trainer<'a> {
    fn new(
        model: Model<'a>,
        data: &Dataset,
        validation: Option<&Dataset>,
        initial: Vec<f64>,
        options: &'a TrainOptions,
        control: Control<'a>,
    ) -> Trainer<'a> {
        let formula = model.formula;
        let trainable = trainable(formula, options.update_biases);
        let words = LossWords {
            names: trainable
                .iter()
                .map(|&i| formula.params[i].name.as_str())
                .collect(),
        };
        // A record of wide parameters counts as many values.
        let per_iteration = if options.record_parameters {
            initial.len().max(1)
        } else {
            1
        };
        let val_columns = validation.map(Columns::new);
        Trainer {
            model,
            options,
            control,
            columns: Columns::new(data),
            monitor: match val_columns {
                Some(_) => Monitor::Validation,
                None => Monitor::Training,
            },
            val_columns,
            classification: data.is_classification()
                || matches!(model.loss, Loss::CrossEntropy | Loss::Bce),
            descent: Descent::new(options.optimizer, trainable.len(), control.cancel),
            trainable,
            words,
            arithmetic: EpochArithmetic {
                samples: data.len(),
                batch_size: options.batch_size,
                epochs: options.epochs,
                drop_last: options.drop_last,
            },
            rng: ChaCha8Rng::seed_from_u64(options.seed),
            order: (0..data.len()).collect(),
            params: initial,
            work: (Workspace::default(), Vec::new()),
            evaluation: Workspace::default(),
            iteration: 0,
            iterations: Kept::new((MAX_KEPT_VALUES / per_iteration).min(MAX_LISTED_RECORDS)),
            curve: Thinned::new(MAX_PLOT_POINTS),
            records: Vec::new(),
            early_stopping: options.patience.map(EarlyStopping::new),
        }
    }

    /// Epoch after epoch, epoch 0 (the start) first, until one stops the
    /// run.
    fn epochs(&mut self) -> TrainStop {
        if let Err(stop) = self.end_epoch(0, None) {
            return stop;
        }
        for epoch in 1..=self.options.epochs {
            if self.options.shuffle {
                self.order.shuffle(&mut self.rng);
            }
            let batches = match self.batches(epoch) {
                Ok(batches) => batches,
                Err(stop) => return stop,
            };
            if let Err(stop) = self.end_epoch(epoch, Some(batches)) {
                return stop;
            }
        }
        TrainStop::Epochs
    }

    /// One epoch's batches, each an update of the parameters.
    fn batches(&mut self, epoch: usize) -> Result<EpochBatches, TrainStop> {
        let used = self.arithmetic.samples_per_epoch();
        let order = std::mem::take(&mut self.order);
        let mut batches = EpochBatches {
            losses: Vec::with_capacity(self.arithmetic.iterations_per_epoch()),
            mean_gradient: vec![0.0; self.params.len()],
        };
        let mut result = Ok(());
        for indices in order[..used].chunks(self.options.batch_size) {
            result = self.one_batch(epoch, indices, &mut batches);
            if result.is_err() {
                break;
            }
        }
        self.order = order;
        result.map(|()| batches)
    }

    /// The batch of the samples at `indices`: its loss and gradient on the
    /// tape, and the driver's update from them.
    fn one_batch(
        &mut self,
        epoch: usize,
        indices: &[usize],
        batches: &mut EpochBatches,
    ) -> Result<(), TrainStop> {
        let interrupted = |iteration, point| TrainStop::Interrupted {
            epoch,
            iteration,
            point,
        };
        if self.descent.cancelled() {
            return Err(interrupted(self.iteration, Interruption::BetweenBatches));
        }
        let Model { tapes, loss, .. } = self.model;
        let (cancel, params) = (self.control.cancel, &self.params);
        let computed = batch(
            tapes,
            loss,
            &self.columns,
            indices,
            params,
            &mut self.work,
            cancel,
        );
        let (batch_loss, gradient) = computed.map_err(|done| {
            let of = indices.len();
            interrupted(self.iteration, Interruption::InBatch { done, of })
        })?;
        self.iteration += 1;
        let g: Vec<f64> = self.trainable.iter().map(|&i| gradient[i]).collect();
        Watch::estimate(batch_loss, &g).map_err(|d| self.diverged(epoch, &d))?;
        let weight = indices.len() as f64 / self.arithmetic.samples_per_epoch() as f64;
        for (m, g) in batches.mean_gradient.iter_mut().zip(&gradient) {
            *m += weight * g;
        }
        self.update(epoch, batch_loss, &g)?;
        batches.losses.push(batch_loss);
        if self.options.record_iterations {
            self.iterations.push(IterationRecord {
                iteration: self.iteration,
                epoch,
                batch_loss,
                params: self.options.record_parameters.then(|| self.params.clone()),
            });
            self.curve.push(self.iteration as usize - 1, batch_loss);
        }
        Ok(())
    }

    /// The driver's update of the trainable parameters from a batch's loss
    /// and gradient `g`.
    fn update(&mut self, epoch: usize, batch_loss: f64, g: &[f64]) -> Result<(), TrainStop> {
        let Model { tapes, loss, .. } = self.model;
        let sums = TapeSums {
            tapes,
            loss,
            columns: &self.columns,
            cancel: self.control.cancel,
        };
        // Only Newton's method and BFGS look at the objective itself, and
        // at every parameter's value.
        let params = match self.options.optimizer.is_second_order() {
            true => self.params.clone(),
            false => Vec::new(),
        };
        let mut objective = SampleObjective::new(sums, params, &self.trainable);
        let mut x: Vec<f64> = self.trainable.iter().map(|&i| self.params[i]).collect();
        match self.descent.update(&mut objective, &mut x, batch_loss, g) {
            Ok(_) => {}
            Err(Halt::Interrupted) => {
                return Err(TrainStop::Interrupted {
                    epoch,
                    iteration: self.iteration - 1,
                    point: Interruption::InStep,
                })
            }
            Err(Halt::Diverged(d)) => return Err(self.diverged(epoch, &d)),
        }
        for (&i, &v) in self.trainable.iter().zip(&x) {
            self.params[i] = v;
        }
        self.descent.moved(&x).map_err(|d| self.diverged(epoch, &d))
    }

    fn diverged(&self, epoch: usize, d: &Divergence) -> TrainStop {
        TrainStop::Diverged {
            epoch,
            iteration: self.iteration,
            reason: d.describe(&self.words),
        }
    }

    /// The end of an epoch (epoch 0: the start): the whole set evaluated
    /// and recorded, the progress told, and every rule that may stop the
    /// run applied.
    fn end_epoch(&mut self, epoch: usize, batches: Option<EpochBatches>) -> Result<(), TrainStop> {
        let (spread, grad_norm) = match &batches {
            Some(b) => (standard_deviation(&b.losses), Some(norm(&b.mean_gradient))),
            None => (0.0, None),
        };
        let summary =
            self.record(epoch, spread, grad_norm)
                .map_err(|point| TrainStop::Interrupted {
                    epoch,
                    iteration: self.iteration,
                    point,
                })?;
        self.control.progress.advanced(epoch as u64, summary.loss);
        let loss_now = summary.loss;
        let watched = summary.val_loss.unwrap_or(loss_now);
        self.records.push(summary);
        self.descent
            .checkpoint(loss_now, &[])
            .map_err(|d| self.diverged(epoch, &d))?;
        if epoch > 0 && self.options.target_loss.is_some_and(|t| loss_now <= t) {
            return Err(TrainStop::TargetLoss);
        }
        if let Some(stopping) = &mut self.early_stopping {
            if stopping.observe(self.monitor, epoch, watched) {
                return Err(TrainStop::Patience {
                    epochs: stopping.patience(),
                });
            }
        }
        Ok(())
    }

    /// The record of the epoch just ended: the whole training set (and
    /// the validation set) evaluated — or where in them Ctrl-C came.
    fn record(
        &mut self,
        epoch: usize,
        spread: f64,
        grad_norm: Option<f64>,
    ) -> Result<EpochRecord, Interruption> {
        let Model { tapes, loss, .. } = self.model;
        let whole = Evaluating {
            classification: self.classification,
            with_gradient: false,
            cancel: Some(self.control.cancel),
        };
        let samples = self.columns.len() + self.val_columns.as_ref().map_or(0, Columns::len);
        let stopped = |done| Interruption::Evaluating { done, of: samples };
        let workspace = &mut self.evaluation;
        let e = evaluate_in(workspace, tapes, loss, &self.columns, &self.params, whole)
            .map_err(stopped)?;
        let v = match &self.val_columns {
            Some(c) => Some(
                evaluate_in(workspace, tapes, loss, c, &self.params, whole)
                    .map_err(|done| stopped(self.columns.len() + done))?,
            ),
            None => None,
        };
        Ok(EpochRecord {
            epoch,
            iterations: self.iteration,
            loss: e.loss,
            val_loss: v.as_ref().map(|v| v.loss),
            accuracy: e.accuracy,
            val_accuracy: v.and_then(|v| v.accuracy),
            grad_norm,
            spread,
        })
    }
}
