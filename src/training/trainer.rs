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
/// gradient (summed for half_sse, averaged otherwise).
fn batch(
    tapes: &Tapes,
    loss: Loss,
    columns: &Columns,
    indices: &[usize],
    params: &[f64],
    workspace: &mut Workspace,
    buffers: &mut Vec<Vec<f64>>,
) -> (f64, Vec<f64>) {
    columns.gather(indices, buffers);
    let views: Vec<&[f64]> = buffers.iter().map(Vec::as_slice).collect();
    let sums = tapes.training.run(workspace, params, &views);
    let scale = if loss.averages_samples() {
        1.0 / indices.len() as f64
    } else {
        1.0
    };
    (
        sums[0] * scale,
        sums[1..].iter().map(|g| g * scale).collect(),
    )
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
    evaluate_in(
        &mut workspace,
        tapes,
        loss,
        columns,
        params,
        classification,
        with_gradient,
    )
}

/// `evaluate` with the caller's workspace, reused from epoch to epoch.
fn evaluate_in(
    workspace: &mut Workspace,
    tapes: &Tapes,
    loss: Loss,
    columns: &Columns,
    params: &[f64],
    classification: bool,
    with_gradient: bool,
) -> Evaluation {
    let n = columns.len();
    let mut buffers = Vec::new();
    let (mut total, mut correct) = (0.0, 0usize);
    let mut gradient = if with_gradient {
        vec![0.0; tapes.parameters]
    } else {
        Vec::new()
    };
    let indices: Vec<usize> = (0..n).collect();
    for chunk in indices.chunks(CHUNK) {
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
    Evaluation {
        loss: total * scale,
        gradient: gradient.iter().map(|g| g * scale).collect(),
        accuracy: classification.then(|| correct as f64 / n.max(1) as f64),
    }
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
    /// Ctrl-C, during `epoch` after `iteration` iterations.
    Interrupted { epoch: usize, iteration: u64 },
    /// A value stopped being finite.
    Diverged {
        epoch: usize,
        iteration: u64,
        reason: String,
    },
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
    pub epochs: Vec<EpochRecord>,
    pub iterations: Vec<IterationRecord>,
    pub stop: TrainStop,
    /// With `--patience`: the epoch early stopping found best, and its
    /// monitored loss.
    pub best: Option<BestEpoch>,
    pub params: Vec<f64>,
    pub elapsed: Duration,
}

/// The loss over a data set as an objective, for Newton's method and BFGS
/// (full batch only).
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
        let e = evaluate(
            self.tapes,
            self.loss,
            self.columns,
            &self.full(x),
            false,
            true,
        );
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
        for chunk in indices.chunks(CHUNK) {
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
    let mut iterations = Vec::new();
    let mut iteration: u64 = 0;
    let mut evaluation_workspace = Workspace::default();
    let mut record = |epoch: usize,
                      iteration: u64,
                      params: &[f64],
                      spread: f64,
                      grad_norm: Option<f64>|
     -> EpochRecord {
        let workspace = &mut evaluation_workspace;
        let e = evaluate_in(
            workspace,
            tapes,
            loss,
            &columns,
            params,
            classification,
            false,
        );
        let v = val_columns
            .as_ref()
            .map(|c| evaluate_in(workspace, tapes, loss, c, params, classification, false));
        EpochRecord {
            epoch,
            iterations: iteration,
            loss: e.loss,
            val_loss: v.as_ref().map(|v| v.loss),
            accuracy: e.accuracy,
            val_accuracy: v.and_then(|v| v.accuracy),
            grad_norm,
            spread,
        }
    };
    let first = record(0, 0, &params, 0.0, None);
    let initial_loss = first.loss;
    on_epoch(&first);
    let monitor = if val_columns.is_some() {
        Monitor::Validation
    } else {
        Monitor::Training
    };
    let mut early_stopping = options.patience.map(EarlyStopping::new);
    if let Some(stopping) = &mut early_stopping {
        stopping.observe(monitor, 0, first.val_loss.unwrap_or(first.loss));
    }
    let mut epochs = vec![first];
    let mut order: Vec<usize> = (0..data.len()).collect();
    let stop = 'training: loop {
        let epoch = epochs.len();
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
                break 'training TrainStop::Interrupted { epoch, iteration };
            }
            iteration += 1;
            let (batch_loss, gradient) = batch(
                tapes,
                loss,
                &columns,
                indices,
                &params,
                &mut workspace,
                &mut buffers,
            );
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
            }
        }
        let summary = record(
            epoch,
            iteration,
            &params,
            standard_deviation(&batch_losses),
            Some(norm(&mean_gradient)),
        );
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
    Training {
        arithmetic,
        epochs,
        iterations,
        stop,
        best: early_stopping.and_then(|s| s.best()),
        params,
        elapsed: started.elapsed(),
    }
}
