//! The training loop: epochs of shuffled batches, one optimizer step per
//! batch, on the network's compiled tape.
//!
//! Each epoch shuffles the sample order with the seeded generator (unless
//! asked not to), cuts it into batches — the last one smaller, or dropped —
//! and for each batch evaluates the loss and gradient on the tape and lets
//! the optimizer update the parameters. After each epoch the whole training
//! set (and the validation set) is evaluated: loss, accuracy for
//! classification, and the gradient's norm. Training stops after the
//! maximum number of epochs, at a target loss, `patience` epochs after
//! the best monitored loss (`early_stopping`), or on divergence: a value that stops
//! being finite, or the loss grown beyond 10¹² times its start (the rule
//! `minimize` uses).
//!
//! Invariant: the same data, initial parameters, options and seed give the
//! same run, number for number.

use super::arithmetic::EpochArithmetic;
use super::early_stopping::{BestEpoch, EarlyStopping, Monitor};
use crate::data::Dataset;
use crate::history::{Gap, Kept, Thinned};
use crate::limits::{MAX_KEPT_VALUES, MAX_LISTED_RECORDS, MAX_PLOT_POINTS};
use crate::network::{trainable, Loss, NetworkFormula};
use crate::number::format_significant;
use crate::optim::{Matrix, Objective, Optimizer, OptimizerConfig, DIVERGENCE_FACTOR};
use crate::tape::{Tape, TapeSpec, Workspace};
use rand::seq::SliceRandom;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use std::time::{Duration, Instant};

/// Samples evaluated at once when a whole data set is evaluated.
const CHUNK: usize = 128;
/// Samples of a batch computed at once: a larger batch is computed in
/// parts of this many, summed, so the tape's registers hold at most this
/// many samples each and Ctrl-C is heard between parts.
const BATCH_CHUNK: usize = 1024;

/// The network's formulas compiled for batches.
pub struct Tapes {
    /// Loss and gradients.
    training: Tape,
    /// Per-sample outputs and the loss (no gradients).
    evaluation: Tape,
    /// Second derivatives, for Newton's method.
    hessian: Option<Tape>,
    parameters: usize,
    outputs: usize,
}

impl Tapes {
    pub fn compile(formula: &NetworkFormula) -> Tapes {
        let parameters: Vec<_> = formula.params.iter().map(|p| p.var).collect();
        let mut data = formula.inputs.clone();
        data.extend(&formula.targets);
        let outputs: Vec<_> = formula.layers[formula.layers.len() - 1]
            .iter()
            .map(|&n| formula.neurons[n].out)
            .collect();
        let mut sums = vec![formula.loss];
        sums.extend(&formula.gradients);
        let training = Tape::compile(
            &formula.graph,
            &TapeSpec {
                parameters: &parameters,
                data: &data,
                column_outputs: &[],
                sum_outputs: &sums,
            },
        );
        let evaluation = Tape::compile(
            &formula.graph,
            &TapeSpec {
                parameters: &parameters,
                data: &data,
                column_outputs: &outputs,
                sum_outputs: &[formula.loss],
            },
        );
        let hessian = formula.hessian.as_ref().map(|h| {
            let flat: Vec<_> = h.iter().flatten().copied().collect();
            Tape::compile(
                &formula.graph,
                &TapeSpec {
                    parameters: &parameters,
                    data: &data,
                    column_outputs: &[],
                    sum_outputs: &flat,
                },
            )
        });
        Tapes {
            training,
            evaluation,
            hessian,
            parameters: parameters.len(),
            outputs: outputs.len(),
        }
    }

    /// Instructions of the loss-and-gradient tape.
    pub fn len(&self) -> usize {
        self.training.len()
    }

    pub fn is_empty(&self) -> bool {
        self.training.is_empty()
    }

    /// The sizes of the compiled tapes, for benchmarks and curious readers.
    pub fn describe(&self) -> String {
        format!(
            "training tape: {} instructions, {} registers; evaluation tape: {} instructions, {} registers",
            self.training.len(),
            self.training.registers(),
            self.evaluation.len(),
            self.evaluation.registers()
        )
    }
}

/// A data set as columns: one per input, then one per target.
pub struct Columns {
    columns: Vec<Vec<f64>>,
    targets: Vec<Vec<f64>>,
}

impl Columns {
    pub fn new(data: &Dataset) -> Columns {
        let width = data.feature_names.len();
        let mut columns: Vec<Vec<f64>> = (0..width)
            .map(|k| data.inputs.iter().map(|r| r[k]).collect())
            .collect();
        let outputs = data.targets.first().map_or(0, Vec::len);
        columns.extend((0..outputs).map(|k| data.targets.iter().map(|r| r[k]).collect()));
        Columns {
            columns,
            targets: data.targets.clone(),
        }
    }

    pub fn len(&self) -> usize {
        self.targets.len()
    }

    pub fn is_empty(&self) -> bool {
        self.targets.is_empty()
    }

    /// The columns of the samples at `indices`, into `buffers`.
    fn gather(&self, indices: &[usize], buffers: &mut Vec<Vec<f64>>) {
        buffers.resize(self.columns.len(), Vec::new());
        for (buffer, column) in buffers.iter_mut().zip(&self.columns) {
            buffer.clear();
            buffer.extend(indices.iter().map(|&i| column[i]));
        }
    }
}

/// A loss (and its gradient, when asked for) evaluated over several
/// samples.
#[derive(Clone, Debug)]
pub struct Evaluation {
    pub loss: f64,
    /// Empty unless the gradient was asked for.
    pub gradient: Vec<f64>,
    /// The fraction classified correctly, for classification data.
    pub accuracy: Option<f64>,
}

/// Evaluates `tapes` on the samples at `indices`: the batch loss and
/// gradient (summed for half_sse, averaged otherwise), in parts of
/// `BATCH_CHUNK` samples; `Err` with the samples done when Ctrl-C came
/// between two parts.
fn batch(
    tapes: &Tapes,
    loss: Loss,
    columns: &Columns,
    indices: &[usize],
    params: &[f64],
    workspace: &mut Workspace,
    buffers: &mut Vec<Vec<f64>>,
) -> Result<(f64, Vec<f64>), usize> {
    let mut total: Option<(f64, Vec<f64>)> = None;
    for (k, part) in indices.chunks(BATCH_CHUNK).enumerate() {
        if k > 0 && crate::interrupt::requested() {
            return Err(k * BATCH_CHUNK);
        }
        columns.gather(part, buffers);
        let views: Vec<&[f64]> = buffers.iter().map(Vec::as_slice).collect();
        let sums = tapes.training.run(workspace, params, &views);
        match &mut total {
            // The first part is taken as it is, so that a batch of one part
            // gives exactly the tape's sums.
            None => total = Some((sums[0], sums[1..].to_vec())),
            Some((loss, gradient)) => {
                *loss += sums[0];
                for (g, s) in gradient.iter_mut().zip(&sums[1..]) {
                    *g += s;
                }
            }
        }
    }
    let (sum, gradient) = total.unwrap_or_else(|| (0.0, vec![0.0; tapes.parameters]));
    let scale = if loss.averages_samples() {
        1.0 / indices.len() as f64
    } else {
        1.0
    };
    Ok((sum * scale, gradient.iter().map(|g| g * scale).collect()))
}

/// Loss and accuracy over a whole data set, in chunks — and the
/// gradient, with `with_gradient`.
pub fn evaluate(
    tapes: &Tapes,
    loss: Loss,
    columns: &Columns,
    params: &[f64],
    classification: bool,
    with_gradient: bool,
) -> Evaluation {
    let mut workspace = Workspace::default();
    let whole = Evaluating {
        classification,
        with_gradient,
        interruptible: false,
    };
    // invariant: an evaluation that is not interruptible always finishes.
    evaluate_in(&mut workspace, tapes, loss, columns, params, whole).unwrap_or(Evaluation {
        loss: f64::NAN,
        gradient: Vec::new(),
        accuracy: None,
    })
}

/// What an evaluation of a whole set computes, and whether Ctrl-C stops it.
#[derive(Clone, Copy)]
struct Evaluating {
    classification: bool,
    with_gradient: bool,
    interruptible: bool,
}

/// `evaluate` with the caller's workspace, reused from epoch to epoch;
/// `Err` with the samples done when it is interruptible and Ctrl-C came
/// between two chunks.
fn evaluate_in(
    workspace: &mut Workspace,
    tapes: &Tapes,
    loss: Loss,
    columns: &Columns,
    params: &[f64],
    what: Evaluating,
) -> Result<Evaluation, usize> {
    let Evaluating {
        classification,
        with_gradient,
        interruptible,
    } = what;
    let n = columns.len();
    let mut buffers = Vec::new();
    let (mut total, mut correct) = (0.0, 0usize);
    let mut gradient = if with_gradient {
        vec![0.0; tapes.parameters]
    } else {
        Vec::new()
    };
    let indices: Vec<usize> = (0..n).collect();
    for (k, chunk) in indices.chunks(CHUNK).enumerate() {
        if interruptible && k > 0 && crate::interrupt::requested() {
            return Err(k * CHUNK);
        }
        columns.gather(chunk, &mut buffers);
        let views: Vec<&[f64]> = buffers.iter().map(Vec::as_slice).collect();
        if with_gradient {
            let sums = tapes.training.run(workspace, params, &views);
            for (g, s) in gradient.iter_mut().zip(&sums[1..]) {
                *g += s;
            }
        }
        let sums = tapes.evaluation.run(workspace, params, &views);
        total += sums[0];
        if classification {
            let outs: Vec<std::borrow::Cow<[f64]>> = (0..tapes.outputs)
                .map(|k| tapes.evaluation.column(workspace, k, params))
                .collect();
            for (j, &i) in chunk.iter().enumerate() {
                correct += usize::from(is_correct(|k| outs[k][j], outs.len(), &columns.targets[i]));
            }
        }
    }
    let scale = if loss.averages_samples() {
        1.0 / n.max(1) as f64
    } else {
        1.0
    };
    Ok(Evaluation {
        loss: total * scale,
        gradient: gradient.iter().map(|g| g * scale).collect(),
        accuracy: classification.then(|| correct as f64 / n.max(1) as f64),
    })
}

/// A prediction is right when its largest output is the target class (or,
/// for one output, when it falls on the target's side of 0.5).
fn is_correct(predicted: impl Fn(usize) -> f64, outputs: usize, target: &[f64]) -> bool {
    if outputs == 1 {
        (predicted(0) >= 0.5) == (target[0] >= 0.5)
    } else {
        let argmax = |v: &dyn Fn(usize) -> f64| {
            (0..outputs)
                .fold((0, f64::NEG_INFINITY), |best, i| {
                    if v(i) > best.1 {
                        (i, v(i))
                    } else {
                        best
                    }
                })
                .0
        };
        argmax(&predicted) == argmax(&|k| target[k])
    }
}

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
        reason: String,
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

/// What `DataObjective` answers when Ctrl-C stopped one of its
/// evaluations (the training loop then reports the interruption).
const INTERRUPTED: &str = "interrupted (Ctrl-C)";

/// The loss over a data set as an objective, for Newton's method and BFGS
/// (full batch only); Ctrl-C stops its evaluations between chunks.
struct DataObjective<'a> {
    tapes: &'a Tapes,
    loss: Loss,
    columns: &'a Columns,
    params: Vec<f64>,
    trainable: &'a [usize],
}

impl DataObjective<'_> {
    fn full(&self, x: &[f64]) -> Vec<f64> {
        let mut p = self.params.clone();
        for (&i, &v) in self.trainable.iter().zip(x) {
            p[i] = v;
        }
        p
    }
}

impl Objective for DataObjective<'_> {
    fn dimension(&self) -> usize {
        self.trainable.len()
    }

    fn value_and_gradient(&mut self, x: &[f64]) -> Result<(f64, Vec<f64>), String> {
        let mut workspace = Workspace::default();
        let what = Evaluating {
            classification: false,
            with_gradient: true,
            interruptible: true,
        };
        let e = evaluate_in(
            &mut workspace,
            self.tapes,
            self.loss,
            self.columns,
            &self.full(x),
            what,
        )
        .map_err(|_| INTERRUPTED.to_string())?;
        Ok((
            e.loss,
            self.trainable.iter().map(|&i| e.gradient[i]).collect(),
        ))
    }

    fn hessian(&mut self, x: &[f64]) -> Result<Matrix, String> {
        let Some(tape) = &self.tapes.hessian else {
            return Err("the Hessian was not compiled".into());
        };
        let params = self.full(x);
        let n = self.trainable.len();
        let mut total = vec![0.0; n * n];
        let mut workspace = Workspace::default();
        let mut buffers = Vec::new();
        let indices: Vec<usize> = (0..self.columns.len()).collect();
        for (k, chunk) in indices.chunks(CHUNK).enumerate() {
            if k > 0 && crate::interrupt::requested() {
                return Err(INTERRUPTED.to_string());
            }
            self.columns.gather(chunk, &mut buffers);
            let views: Vec<&[f64]> = buffers.iter().map(Vec::as_slice).collect();
            for (t, s) in total
                .iter_mut()
                .zip(tape.run(&mut workspace, &params, &views))
            {
                *t += s;
            }
        }
        let scale = if self.loss.averages_samples() {
            1.0 / self.columns.len() as f64
        } else {
            1.0
        };
        Ok((0..n)
            .map(|i| {
                total[i * n..(i + 1) * n]
                    .iter()
                    .map(|v| v * scale)
                    .collect()
            })
            .collect())
    }
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

/// Trains from `initial` parameters; `on_epoch` hears of every epoch as it
/// ends (for a progress bar).
pub fn train(
    model: Model<'_>,
    data: &Dataset,
    validation: Option<&Dataset>,
    initial: Vec<f64>,
    options: &TrainOptions,
    on_epoch: &mut dyn FnMut(&EpochRecord),
) -> Training {
    let Model {
        formula,
        tapes,
        loss,
    } = model;
    let started = Instant::now();
    let _section = crate::interrupt::Interruptible::begin();
    let columns = Columns::new(data);
    let val_columns = validation.map(Columns::new);
    let classification = data.is_classification() || matches!(loss, Loss::CrossEntropy | Loss::Bce);
    let trainable = trainable(formula, options.update_biases);
    let arithmetic = EpochArithmetic {
        samples: data.len(),
        batch_size: options.batch_size,
        epochs: options.epochs,
        drop_last: options.drop_last,
    };
    let mut optimizer = Optimizer::new(options.optimizer, trainable.len());
    let mut rng = ChaCha8Rng::seed_from_u64(options.seed);
    let mut params = initial;
    let mut workspace = Workspace::default();
    let mut buffers = Vec::new();
    // A record of wide parameters counts as many values.
    let per_iteration = if options.record_parameters {
        params.len().max(1)
    } else {
        1
    };
    let mut iterations: Kept<IterationRecord> =
        Kept::new((MAX_KEPT_VALUES / per_iteration).min(MAX_LISTED_RECORDS));
    let mut curve: Thinned<f64> = Thinned::new(MAX_PLOT_POINTS);
    let mut iteration: u64 = 0;
    let mut evaluation_workspace = Workspace::default();
    let whole = Evaluating {
        classification,
        with_gradient: false,
        interruptible: true,
    };
    let samples = columns.len() + val_columns.as_ref().map_or(0, Columns::len);
    let mut record = |epoch: usize,
                      iteration: u64,
                      params: &[f64],
                      spread: f64,
                      grad_norm: Option<f64>|
     -> Result<EpochRecord, Interruption> {
        let workspace = &mut evaluation_workspace;
        let stopped = |done| Interruption::Evaluating { done, of: samples };
        let e = evaluate_in(workspace, tapes, loss, &columns, params, whole).map_err(stopped)?;
        let v = match &val_columns {
            Some(c) => Some(
                evaluate_in(workspace, tapes, loss, c, params, whole)
                    .map_err(|done| stopped(columns.len() + done))?,
            ),
            None => None,
        };
        Ok(EpochRecord {
            epoch,
            iterations: iteration,
            loss: e.loss,
            val_loss: v.as_ref().map(|v| v.loss),
            accuracy: e.accuracy,
            val_accuracy: v.and_then(|v| v.accuracy),
            grad_norm,
            spread,
        })
    };
    let monitor = if val_columns.is_some() {
        Monitor::Validation
    } else {
        Monitor::Training
    };
    let mut early_stopping = options.patience.map(EarlyStopping::new);
    let mut epochs: Vec<EpochRecord> = Vec::new();
    let mut initial_loss = f64::NAN;
    let mut order: Vec<usize> = (0..data.len()).collect();
    let stop = 'training: loop {
        let epoch = epochs.len();
        if epoch == 0 {
            let first = match record(0, 0, &params, 0.0, None) {
                Ok(first) => first,
                Err(point) => {
                    break TrainStop::Interrupted {
                        epoch,
                        iteration,
                        point,
                    }
                }
            };
            initial_loss = first.loss;
            on_epoch(&first);
            if let Some(stopping) = &mut early_stopping {
                stopping.observe(monitor, 0, first.val_loss.unwrap_or(first.loss));
            }
            epochs.push(first);
            continue;
        }
        if epoch > options.epochs {
            break TrainStop::Epochs;
        }
        if options.shuffle {
            order.shuffle(&mut rng);
        }
        let used = &order[..arithmetic.samples_per_epoch()];
        let mut batch_losses = Vec::with_capacity(arithmetic.iterations_per_epoch());
        let mut mean_gradient = vec![0.0; params.len()];
        for indices in used.chunks(options.batch_size) {
            if crate::interrupt::requested() {
                break 'training TrainStop::Interrupted {
                    epoch,
                    iteration,
                    point: Interruption::BetweenBatches,
                };
            }
            let computed = batch(
                tapes,
                loss,
                &columns,
                indices,
                &params,
                &mut workspace,
                &mut buffers,
            );
            let (batch_loss, gradient) = match computed {
                Ok(computed) => computed,
                Err(done) => {
                    break 'training TrainStop::Interrupted {
                        epoch,
                        iteration,
                        point: Interruption::InBatch {
                            done,
                            of: indices.len(),
                        },
                    }
                }
            };
            iteration += 1;
            if !batch_loss.is_finite() {
                break 'training TrainStop::Diverged {
                    epoch,
                    iteration,
                    reason: format!("the batch loss is {batch_loss}"),
                };
            }
            if let Some((k, g)) = gradient.iter().enumerate().find(|(_, g)| !g.is_finite()) {
                break 'training TrainStop::Diverged {
                    epoch,
                    iteration,
                    reason: format!("the gradient ∂E/∂{} is {g}", formula.params[k].name),
                };
            }
            let weight = indices.len() as f64 / arithmetic.samples_per_epoch() as f64;
            for (m, g) in mean_gradient.iter_mut().zip(&gradient) {
                *m += weight * g;
            }
            // Only Newton's method and BFGS look at the objective itself.
            let mut objective = DataObjective {
                tapes,
                loss,
                columns: &columns,
                params: if options.optimizer.is_second_order() {
                    params.clone()
                } else {
                    Vec::new()
                },
                trainable: &trainable,
            };
            let mut x: Vec<f64> = trainable.iter().map(|&i| params[i]).collect();
            let g: Vec<f64> = trainable.iter().map(|&i| gradient[i]).collect();
            if let Err(reason) = optimizer.step(&mut objective, &mut x, batch_loss, &g) {
                if crate::interrupt::requested() {
                    break 'training TrainStop::Interrupted {
                        epoch,
                        iteration: iteration - 1,
                        point: Interruption::InStep,
                    };
                }
                break 'training TrainStop::Diverged {
                    epoch,
                    iteration,
                    reason,
                };
            }
            for (&i, &v) in trainable.iter().zip(&x) {
                params[i] = v;
            }
            if let Some((k, v)) = params.iter().enumerate().find(|(_, v)| !v.is_finite()) {
                break 'training TrainStop::Diverged {
                    epoch,
                    iteration,
                    reason: format!("{} became {v}", formula.params[k].name),
                };
            }
            batch_losses.push(batch_loss);
            if options.record_iterations {
                iterations.push(IterationRecord {
                    iteration,
                    epoch,
                    batch_loss,
                    params: options.record_parameters.then(|| params.clone()),
                });
                curve.push(iteration as usize - 1, batch_loss);
            }
        }
        let summary = match record(
            epoch,
            iteration,
            &params,
            standard_deviation(&batch_losses),
            Some(norm(&mean_gradient)),
        ) {
            Ok(summary) => summary,
            Err(point) => {
                break TrainStop::Interrupted {
                    epoch,
                    iteration,
                    point,
                }
            }
        };
        on_epoch(&summary);
        let loss_now = summary.loss;
        let watched = summary.val_loss.unwrap_or(loss_now);
        epochs.push(summary);
        if !loss_now.is_finite() {
            break TrainStop::Diverged {
                epoch,
                iteration,
                reason: format!("the loss is {loss_now}"),
            };
        }
        if loss_now > DIVERGENCE_FACTOR * initial_loss.max(1.0) {
            break TrainStop::Diverged {
                epoch,
                iteration,
                reason: format!(
                    "the loss {} has grown beyond 10¹² times its start ({})",
                    format_significant(loss_now, 6),
                    format_significant(initial_loss, 6)
                ),
            };
        }
        if options.target_loss.is_some_and(|t| loss_now <= t) {
            break TrainStop::TargetLoss;
        }
        if let Some(stopping) = &mut early_stopping {
            if stopping.observe(monitor, epoch, watched) {
                break TrainStop::Patience {
                    epochs: stopping.patience(),
                };
            }
        }
    };
    let curve_stride = curve.stride();
    let (iterations, iterations_gap) = iterations.into_parts();
    Training {
        arithmetic,
        epochs,
        iterations,
        iterations_gap,
        iteration_curve: curve
            .into_vec()
            .into_iter()
            .map(|(k, loss)| (k as u64 + 1, loss))
            .collect(),
        curve_stride,
        stop,
        best: early_stopping.and_then(|s| s.best()),
        params,
        elapsed: started.elapsed(),
    }
}
