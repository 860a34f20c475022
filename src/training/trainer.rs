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
use super::columns::Columns;
use super::early_stopping::{BestEpoch, EarlyStopping, Monitor};
use super::start::Start;
use super::tapes::{
    batch, evaluate_in, whole_set_batch, Evaluating, Evaluation, TapeSums, Tapes, Work,
};
use crate::data::Dataset;
use crate::interrupt::{Cancel, Control};
use crate::limits::{MAX_KEPT_VALUES, MAX_LISTED_RECORDS, MAX_PLOT_POINTS};
use crate::network::{Loss, ParamList};
use crate::optim::{
    all_finite_while, Descent, Divergence, Gap, Halt, Kept, LossWords, Moved, OptimizerConfig,
    SampleObjective, Schedule, Thinned, Watch,
};
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
    /// Keep the parameters of the best epoch and end with them
    /// (`--restore-best`): the first with the smallest validation loss, or
    /// training loss without a validation part; epoch 0 counts.
    pub keep_best: bool,
    /// The learning rate epoch by epoch (`--schedule`, `--warmup`).
    pub schedule: Schedule,
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
    /// The learning rate the epoch's updates used, when a schedule changes
    /// it (none before training).
    pub lr: Option<f64>,
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
    /// With `keep_best`: the epoch whose parameters `params` are.
    pub restored: Option<usize>,
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

/// What is trained: a network's parameters, its compiled tapes and its
/// loss.
#[derive(Clone, Copy)]
pub struct Model<'a> {
    pub params: &'a ParamList,
    pub tapes: &'a Tapes,
    pub loss: Loss,
}

impl<'a> Model<'a> {
    /// The loss and gradient over `columns`' samples, as the optimizer's
    /// objective reads them.
    fn sums<'s>(&self, columns: &'s Columns, cancel: &'s Cancel) -> TapeSums<'s>
    where
        'a: 's,
    {
        TapeSums {
            tapes: self.tapes,
            loss: self.loss,
            columns,
            cancel,
        }
    }
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
    let start = Start::new(model, data, validation);
    train_from(model, &start, initial, options, control)
}

/// `train` on sets laid out already (`start`), whose evaluation, when it
/// was made with the parameters `initial`, is epoch 0's record.
pub fn train_from(
    model: Model<'_>,
    start: &Start,
    initial: Vec<f64>,
    options: &TrainOptions,
    control: Control<'_>,
) -> Training {
    let started = Instant::now();
    let _listening = control.cancel.listen();
    control.progress.begin("epoch", options.epochs as u64);
    let mut run = Trainer::new(model, start, initial, options, control);
    let stop = run.epochs();
    control.progress.end();
    let curve_stride = run.curve.stride();
    let restored = run.best.take().map(|(epoch, _, params)| {
        run.params = params;
        epoch
    });
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
        restored,
        elapsed: started.elapsed(),
    }
}

/// A training run under way.
struct Trainer<'a> {
    model: Model<'a>,
    options: &'a TrainOptions,
    control: Control<'a>,
    columns: &'a Columns,
    val_columns: Option<&'a Columns>,
    /// Epoch 0's record of the training and validation sets, made before
    /// the run.
    evaluated: Option<&'a (Evaluation, Option<Evaluation>)>,
    classification: bool,
    trainable: Vec<usize>,
    arithmetic: EpochArithmetic,
    descent: Descent<'a>,
    rng: ChaCha8Rng,
    order: Vec<usize>,
    params: Vec<f64>,
    /// The tapes' buffers for batches, and for the evaluations at the end
    /// of each epoch.
    work: Work,
    evaluation: Work,
    /// The trainable parameters' gradient and values, reused step by step.
    step_gradient: Vec<f64>,
    step_values: Vec<f64>,
    /// The last epoch's batch records, whose buffers the next one reuses.
    spare: Option<EpochBatches>,
    /// When every epoch is one batch of the whole set in order: the loss
    /// of that batch at the current parameters, its gradient waiting in
    /// `work.gradient` — computed by the epoch's record, from the same
    /// pass as the set's loss, for the next epoch's batch to use.
    ahead: Option<f64>,
    iteration: u64,
    iterations: Kept<IterationRecord>,
    curve: Thinned<f64>,
    records: Vec<EpochRecord>,
    early_stopping: Option<EarlyStopping>,
    monitor: Monitor,
    /// With `keep_best`: the best epoch so far, its monitored loss and its
    /// parameters.
    best: Option<(usize, f64, Vec<f64>)>,
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
        start: &'a Start,
        initial: Vec<f64>,
        options: &'a TrainOptions,
        control: Control<'a>,
    ) -> Trainer<'a> {
        let trainable = model.params.trainable(options.update_biases);
        // A record of wide parameters counts as many values.
        let per_iteration = if options.record_parameters {
            initial.len().max(1)
        } else {
            1
        };
        let samples = start.columns.len();
        Trainer {
            model,
            options,
            control,
            columns: &start.columns,
            monitor: match start.val_columns {
                Some(_) => Monitor::Validation,
                None => Monitor::Training,
            },
            val_columns: start.val_columns.as_ref(),
            evaluated: start.evaluated.as_ref(),
            classification: start.classification,
            descent: Descent::new(options.optimizer, trainable.len(), control.cancel),
            trainable,
            arithmetic: EpochArithmetic {
                samples,
                batch_size: options.batch_size,
                epochs: options.epochs,
                drop_last: options.drop_last,
            },
            rng: ChaCha8Rng::seed_from_u64(options.seed),
            order: (0..samples).collect(),
            params: initial,
            work: Work::default(),
            evaluation: Work::default(),
            step_gradient: Vec::new(),
            step_values: Vec::new(),
            spare: None,
            ahead: None,
            iteration: 0,
            iterations: Kept::new((MAX_KEPT_VALUES / per_iteration).min(MAX_LISTED_RECORDS)),
            curve: Thinned::new(MAX_PLOT_POINTS),
            // Reserved, not touched: the pages a run never reaches cost nothing,
            // and the records are never copied as they grow.
            records: Vec::with_capacity(options.epochs.saturating_add(1)),
            early_stopping: options.patience.map(EarlyStopping::new),
            best: None,
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
            self.scheduled_lr(epoch);
            let batches = match self.batches(epoch) {
                Ok(batches) => batches,
                Err(stop) => return stop,
            };
            let ended = self.end_epoch(epoch, Some(&batches));
            // The buffers serve the next epoch.
            self.spare = Some(batches);
            if let Err(stop) = ended {
                return stop;
            }
        }
        TrainStop::Epochs
    }

    /// The learning rate of `epoch` set as the schedule says.
    fn scheduled_lr(&mut self, epoch: usize) {
        let schedule = self.options.schedule;
        if let (false, Some(base)) = (schedule.is_constant(), self.options.optimizer.lr()) {
            self.descent
                .set_lr(schedule.lr(base, epoch, self.options.epochs));
        }
    }

    /// Keeps the parameters of an epoch better than every one before.
    fn keep_if_best(&mut self, epoch: usize, watched: f64) {
        let better = self
            .best
            .as_ref()
            .is_none_or(|(_, best, _)| watched < *best);
        if self.options.keep_best && better && watched.is_finite() {
            self.best = Some((epoch, watched, self.params.clone()));
        }
    }

    /// One epoch's batches, each an update of the parameters.
    fn batches(&mut self, epoch: usize) -> Result<EpochBatches, TrainStop> {
        let used = self.arithmetic.samples_per_epoch();
        let order = std::mem::take(&mut self.order);
        let mut batches = self.spare.take().unwrap_or_else(|| EpochBatches {
            losses: Vec::with_capacity(self.arithmetic.iterations_per_epoch()),
            mean_gradient: Vec::new(),
        });
        batches.losses.clear();
        batches.mean_gradient.clear();
        batches.mean_gradient.resize(self.params.len(), 0.0);
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
        let computed = match self.ahead.take() {
            Some(ahead) => Ok(ahead),
            None => batch(
                tapes,
                loss,
                self.columns,
                indices,
                params,
                &mut self.work,
                cancel,
            ),
        };
        let batch_loss = computed.map_err(|done| {
            let of = indices.len();
            interrupted(self.iteration, Interruption::InBatch { done, of })
        })?;
        self.iteration += 1;
        let gradient = std::mem::take(&mut self.work.gradient);
        let weight = indices.len() as f64 / self.arithmetic.samples_per_epoch() as f64;
        let finite = all_finite_while(&mut batches.mean_gradient, &gradient, |m, g| {
            *m += weight * g;
            g
        });
        let stepped = self.step(epoch, (batch_loss, finite), &gradient);
        self.work.gradient = gradient;
        stepped?;
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

    /// The step from a batch's loss and gradient (of every parameter,
    /// `all_finite` when every component is known finite), judged finite
    /// first: in place when every parameter is trained by a first-order
    /// method, else through the trainable ones' values.
    fn step(
        &mut self,
        epoch: usize,
        (batch_loss, all_finite): (f64, bool),
        gradient: &[f64],
    ) -> Result<(), TrainStop> {
        let in_place =
            self.trainable.len() == self.params.len() && !self.options.optimizer.is_second_order();
        if in_place {
            if !all_finite || !batch_loss.is_finite() {
                Watch::estimate(batch_loss, gradient).map_err(|d| self.diverged(epoch, &d))?;
            }
            return self.update_in_place(epoch, batch_loss, gradient);
        }
        let mut g = std::mem::take(&mut self.step_gradient);
        g.clear();
        g.extend(self.trainable.iter().map(|&i| gradient[i]));
        let stepped = Watch::estimate(batch_loss, &g)
            .map_err(|d| self.diverged(epoch, &d))
            .and_then(|()| self.update(epoch, batch_loss, &g));
        self.step_gradient = g;
        stepped
    }

    /// The update when every parameter is trained by a first-order method,
    /// which reads nothing but the gradient: the parameters move in place.
    fn update_in_place(
        &mut self,
        epoch: usize,
        batch_loss: f64,
        g: &[f64],
    ) -> Result<(), TrainStop> {
        let sums = self.model.sums(self.columns, self.control.cancel);
        let mut objective = SampleObjective::new(sums, Vec::new(), &self.trainable);
        let mut x = std::mem::take(&mut self.params);
        let updated = self.descent.advance(&mut objective, &mut x, batch_loss, g);
        self.params = x;
        self.finish_update(epoch, updated, None)
    }

    /// The driver's update of the trainable parameters from a batch's loss
    /// and gradient `g`.
    fn update(&mut self, epoch: usize, batch_loss: f64, g: &[f64]) -> Result<(), TrainStop> {
        let sums = self.model.sums(self.columns, self.control.cancel);
        // Only Newton's method and BFGS look at the objective itself, and
        // at every parameter's value.
        let params = match self.options.optimizer.is_second_order() {
            true => self.params.clone(),
            false => Vec::new(),
        };
        let mut objective = SampleObjective::new(sums, params, &self.trainable);
        let mut x = std::mem::take(&mut self.step_values);
        x.clear();
        x.extend(self.trainable.iter().map(|&i| self.params[i]));
        let updated = self.descent.advance(&mut objective, &mut x, batch_loss, g);
        let moved = self.finish_update(epoch, updated, Some(&x));
        self.step_values = x;
        moved
    }

    /// The parameters moved to the trainable values `x` (`None`: moved in
    /// place already) after the driver's update, or why the run stops
    /// there.
    fn finish_update(
        &mut self,
        epoch: usize,
        updated: Result<Moved, Halt>,
        x: Option<&[f64]>,
    ) -> Result<(), TrainStop> {
        let judged = match updated {
            Ok(moved) => moved,
            Err(Halt::Interrupted) => {
                return Err(TrainStop::Interrupted {
                    epoch,
                    iteration: self.iteration - 1,
                    point: Interruption::InStep,
                })
            }
            Err(Halt::Diverged(d)) => return Err(self.diverged(epoch, &d)),
        };
        let x = match x {
            Some(x) => {
                for (&i, &v) in self.trainable.iter().zip(x) {
                    self.params[i] = v;
                }
                x
            }
            None => &self.params,
        };
        match judged {
            Moved::Finite => Ok(()),
            Moved::Unjudged => self.descent.moved(x).map_err(|d| self.diverged(epoch, &d)),
        }
    }

    /// The stop for divergence `d`, which names the parameters the
    /// optimizer moves (named only now: a run that does not diverge never
    /// needs their names).
    fn diverged(&self, epoch: usize, d: &Divergence) -> TrainStop {
        let params = self.model.params;
        let names: Vec<String> = self.trainable.iter().map(|&i| params.name(i)).collect();
        let words = LossWords {
            names: names.iter().map(String::as_str).collect(),
        };
        TrainStop::Diverged {
            epoch,
            iteration: self.iteration,
            reason: d.describe(&words),
        }
    }

    /// The end of an epoch (epoch 0: the start): the whole set evaluated
    /// and recorded, the progress told, and every rule that may stop the
    /// run applied.
    fn end_epoch(&mut self, epoch: usize, batches: Option<&EpochBatches>) -> Result<(), TrainStop> {
        let (spread, grad_norm) = match batches {
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
        self.keep_if_best(epoch, watched);
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

    /// When the next epoch is one batch of the whole set in order, that
    /// batch computed now (kept in `ahead`), and the set's evaluation
    /// from the same pass; `None` otherwise.
    fn whole_set_ahead(&mut self, whole: Evaluating) -> Option<Evaluation> {
        // Without shuffling the order stays 0, 1, …, n − 1.
        let one_batch = !self.options.shuffle
            && self.options.batch_size >= self.columns.len()
            && self.arithmetic.samples_per_epoch() == self.columns.len();
        if !one_batch {
            return None;
        }
        let Model { tapes, loss, .. } = self.model;
        let (batch_loss, evaluation) = whole_set_batch(
            tapes,
            loss,
            self.columns,
            &self.params,
            &mut self.work,
            whole,
        )?;
        self.ahead = Some(batch_loss);
        Some(evaluation)
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
        let samples = self.columns.len() + self.val_columns.map_or(0, Columns::len);
        let stopped = |done| Interruption::Evaluating { done, of: samples };
        let ahead = self.whole_set_ahead(whole);
        let (e, v) = match (ahead, epoch, self.evaluated) {
            (None, 0, Some((e, v))) => (e.clone(), v.clone()),
            (ahead, _, _) => {
                let e = match ahead {
                    Some(e) => e,
                    None => evaluate_in(
                        &mut self.evaluation,
                        tapes,
                        loss,
                        self.columns,
                        &self.params,
                        whole,
                    )
                    .map_err(stopped)?,
                };
                let workspace = &mut self.evaluation;
                let v = match self.val_columns {
                    Some(c) => Some(
                        evaluate_in(workspace, tapes, loss, c, &self.params, whole)
                            .map_err(|done| stopped(self.columns.len() + done))?,
                    ),
                    None => None,
                };
                (e, v)
            }
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
            lr: match (epoch, self.options.schedule.is_constant()) {
                (0, _) | (_, true) => None,
                _ => self.descent.config().lr(),
            },
        })
    }
}
