//! A network's formulas compiled for batches, and what they compute over a
//! data set: a batch's loss and gradient, a whole set's loss, accuracy and
//! gradient, and the sums the second-order methods' objective needs.
//!
//! A data set is held by columns (`columns.rs`: one per input, then one
//! per target) in blocks of 1,024 samples, laid out as the layer tape
//! reads a batch: a whole set is evaluated block by block, each read where it lies, and a
//! batch is gathered from the blocks (on the scalar tape a whole set is
//! evaluated 128 samples at a time). Memory does not grow with the set
//! beyond the data itself, and Ctrl-C is heard between blocks.
//!
//! Invariant: the tapes compute the values the evaluator computes for the
//! same nodes (tests compare them on random networks).

use super::columns::Columns;
use crate::expr::Id;
use crate::interrupt::Cancel;
use crate::network::Spec;
use crate::network::{Loss, NetworkFormula};
use crate::optim::SampleSums;
use crate::tape::{Batch, Kernel, LayerTape, LayerWork, Tape, TapeSpec, Workspace};
use std::borrow::Cow;

/// Samples evaluated at once when a whole data set is evaluated on the
/// scalar tape, and when the Hessian is summed.
const CHUNK: usize = 128;
/// Samples of a batch computed at once: a larger batch is computed in
/// parts of this many, summed, so the tape's registers hold at most this
/// many samples each and Ctrl-C is heard between parts.
pub(super) const BATCH_CHUNK: usize = 1024;

/// The network compiled for batches: its dense layers as matrix
/// operations, or (for benchmarks and comparisons) its formulas on the
/// scalar tape; and the Hessian for Newton's method, always scalar.
pub struct Tapes {
    engine: Engine,
    /// Second derivatives, for Newton's method.
    hessian: Option<Tape>,
    parameters: usize,
    outputs: usize,
}

/// What computes the loss and gradient of a batch.
enum Engine {
    /// The layer tape, built from the network's structure.
    Layers(LayerTape),
    /// The formulas' nodes: loss and gradients; per-sample outputs and
    /// the loss (no gradients).
    Scalar { training: Tape, evaluation: Tape },
}

/// The variables of a formula the scalar tape reads: parameters, then the
/// data (inputs, then targets).
fn variables(formula: &NetworkFormula) -> (Vec<Id>, Vec<Id>) {
    let parameters: Vec<Id> = formula.params.iter().map(|p| p.var).collect();
    let mut data = formula.inputs.clone();
    data.extend(&formula.targets);
    (parameters, data)
}

fn scalar_tape(formula: &NetworkFormula, column_outputs: &[Id], sum_outputs: &[Id]) -> Tape {
    let (parameters, data) = variables(formula);
    Tape::compile(
        &formula.graph,
        &TapeSpec {
            parameters: &parameters,
            data: &data,
            column_outputs,
            sum_outputs,
        },
    )
}

impl Tapes {
    /// The formulas on the scalar tape (the formula needs its backward
    /// pass).
    pub fn compile(formula: &NetworkFormula) -> Tapes {
        let outputs: Vec<_> = formula.layers[formula.layers.len() - 1]
            .iter()
            .map(|&n| formula.neurons[n].out)
            .collect();
        let mut sums = vec![formula.loss];
        sums.extend(&formula.gradients);
        Tapes {
            engine: Engine::Scalar {
                training: scalar_tape(formula, &[], &sums),
                evaluation: scalar_tape(formula, &outputs, &[formula.loss]),
            },
            hessian: formula
                .hessian
                .as_ref()
                .map(|h| scalar_tape(formula, &[], h)),
            parameters: formula.params.len(),
            outputs: outputs.len(),
        }
    }

    /// The spec's dense layers on the layer tape, and the Hessian on the
    /// scalar tape when `hessian` is a formula with one built.
    pub fn layered(spec: &Spec, hessian: Option<&NetworkFormula>) -> Tapes {
        let layers = LayerTape::for_spec(spec);
        Tapes {
            parameters: layers.parameters(),
            outputs: layers.outputs(),
            engine: Engine::Layers(layers),
            hessian: hessian.and_then(|formula| {
                let h = formula.hessian.as_ref()?;
                Some(scalar_tape(formula, &[], h))
            }),
        }
    }

    /// The same tapes with the layer tape's matrices multiplied by
    /// `kernel` (no change on the scalar tape).
    pub fn with_kernel(self, kernel: Kernel) -> Tapes {
        let engine = match self.engine {
            Engine::Layers(layers) => Engine::Layers(layers.with_kernel(kernel)),
            scalar => scalar,
        };
        Tapes { engine, ..self }
    }

    /// Instructions of the loss-and-gradient tape (layers of the layer
    /// tape).
    pub fn len(&self) -> usize {
        match &self.engine {
            Engine::Layers(layers) => layers.depth(),
            Engine::Scalar { training, .. } => training.len(),
        }
    }

    /// Samples evaluated at once over a whole set: on the layer tape the
    /// parts of a batch, so that a set evaluated and the same set taken as
    /// one batch add the same sums, bit for bit.
    fn evaluation_chunk(&self) -> usize {
        match self.engine {
            Engine::Layers(_) => BATCH_CHUNK,
            Engine::Scalar { .. } => CHUNK,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The loss summed over the samples at `indices` and, with
    /// `with_gradient`, the gradient summed into `work.part`; after a run
    /// without the gradient the outputs are read with `output`.
    fn run(
        &self,
        columns: &Columns,
        indices: &[usize],
        params: &[f64],
        work: &mut Work,
        with_gradient: bool,
    ) -> f64 {
        match &self.engine {
            Engine::Layers(layers) => {
                let batch = layer_batch(layers, columns, indices, &mut work.block);
                if with_gradient {
                    let loss = layers.gradient(&mut work.layers, params, batch);
                    work.layers.take_gradient(&mut work.part);
                    loss
                } else {
                    layers.loss(&mut work.layers, params, batch)
                }
            }
            Engine::Scalar {
                training,
                evaluation,
            } => {
                columns.gather(indices, &mut work.buffers);
                let views: Vec<&[f64]> = work.buffers.iter().map(Vec::as_slice).collect();
                if with_gradient {
                    let sums = training.run(&mut work.scalar, params, &views);
                    work.part.clear();
                    work.part.extend(&sums[1..]);
                    sums[0]
                } else {
                    evaluation.run(&mut work.scalar, params, &views)[0]
                }
            }
        }
    }

    /// The loss summed over the samples at `indices`, as `run` sums it
    /// without the gradient, and a bound on the entries of their summed
    /// gradient (`LayerTape::gradient_bound`).
    fn run_bounded(
        layers: &LayerTape,
        columns: &Columns,
        indices: &[usize],
        params: &[f64],
        work: &mut Work,
    ) -> (f64, Option<f64>) {
        let batch = layer_batch(layers, columns, indices, &mut work.block);
        layers.gradient_bound(&mut work.layers, params, batch)
    }

    /// Output `k` for each sample of the last `run`.
    fn output<'w>(&self, work: &'w Work, k: usize, params: &[f64]) -> Cow<'w, [f64]> {
        match &self.engine {
            Engine::Layers(layers) => Cow::Borrowed(layers.output(&work.layers, k)),
            Engine::Scalar { evaluation, .. } => evaluation.column(&work.scalar, k, params),
        }
    }
}

/// The samples at `indices` as the layer tape reads a batch: where they
/// lie in `columns` when they are one block in order, else gathered into
/// `block`.
fn layer_batch<'w>(
    layers: &LayerTape,
    columns: &'w Columns,
    indices: &[usize],
    block: &'w mut Vec<f64>,
) -> Batch<'w> {
    let n = indices.len();
    let block = match columns.whole_block(indices) {
        Some(block) => block,
        None => {
            columns.gather_block(indices, block);
            block
        }
    };
    let (inputs, targets) = block.split_at(layers.inputs() * n);
    Batch {
        inputs,
        targets,
        size: n,
    }
}

/// The reusable buffers of the tapes: the engines' own, the gathered
/// samples, and the gradient of a part and of the whole batch.
#[derive(Default)]
pub struct Work {
    scalar: Workspace,
    layers: LayerWork,
    buffers: Vec<Vec<f64>>,
    block: Vec<f64>,
    /// The samples of the chunk being evaluated.
    indices: Vec<usize>,
    part: Vec<f64>,
    /// The batch's gradient after `batch`.
    pub gradient: Vec<f64>,
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

/// The factor that makes a sum over `samples` samples the batch's value:
/// 1/n for the losses that average.
fn scale(loss: Loss, samples: usize) -> f64 {
    if loss.averages_samples() {
        1.0 / samples.max(1) as f64
    } else {
        1.0
    }
}

/// Evaluates `tapes` on the samples at `indices`: the batch loss, and its
/// gradient into `work.gradient` (summed for half_sse, averaged
/// otherwise), in parts of `BATCH_CHUNK` samples; `Err` with the samples
/// done when Ctrl-C came between two parts.
pub(super) fn batch(
    tapes: &Tapes,
    loss: Loss,
    columns: &Columns,
    indices: &[usize],
    params: &[f64],
    work: &mut Work,
    cancel: &Cancel,
) -> Result<f64, usize> {
    let mut total = 0.0;
    if indices.is_empty() {
        // Otherwise the first part's gradient is swapped in whole.
        work.gradient.clear();
        work.gradient.resize(tapes.parameters, 0.0);
    }
    for (k, part) in indices.chunks(BATCH_CHUNK).enumerate() {
        if k > 0 && cancel.is_requested() {
            return Err(k * BATCH_CHUNK);
        }
        let sum = tapes.run(columns, part, params, work, true);
        if k == 0 {
            // The first part is taken as it is, so that a batch of one
            // part gives exactly the tape's sums.
            total = sum;
            std::mem::swap(&mut work.gradient, &mut work.part);
        } else {
            total += sum;
            for (g, s) in work.gradient.iter_mut().zip(&work.part) {
                *g += s;
            }
        }
    }
    let scale = scale(loss, indices.len());
    if scale != 1.0 {
        work.gradient.iter_mut().for_each(|g| *g *= scale);
    }
    Ok(total * scale)
}

/// The whole training set taken as one batch, in order (sample 0, 1, …):
/// its loss and gradient as `batch` computes them (the gradient into
/// `work.gradient`), and from the same pass the set's evaluation, equal
/// bit for bit to what `evaluate_in` computes without the gradient.
/// `None` when that would not hold: the scalar tape, or a set of more
/// than one part.
pub(super) fn whole_set_batch(
    tapes: &Tapes,
    loss: Loss,
    columns: &Columns,
    params: &[f64],
    work: &mut Work,
    what: Evaluating,
) -> Option<(f64, Evaluation)> {
    let layered = matches!(tapes.engine, Engine::Layers(_));
    let n = columns.len();
    if !layered || n == 0 || n > BATCH_CHUNK {
        return None;
    }
    let mut all = std::mem::take(&mut work.indices);
    all.clear();
    all.extend(0..n);
    // One part: Ctrl-C is heard only between parts, so the run finishes.
    let cancel = what.cancel.cloned().unwrap_or_default();
    let computed = batch(tapes, loss, columns, &all, params, work, &cancel);
    let mut correct = 0;
    if computed.is_ok() && what.classification {
        count_correct(tapes, work, params, columns, &all, &mut correct);
    }
    work.indices = all;
    let batch_loss = computed.ok()?;
    let evaluation = Evaluation {
        loss: batch_loss,
        gradient: Vec::new(),
        accuracy: what.classification.then(|| correct as f64 / n as f64),
    };
    Some((batch_loss, evaluation))
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
    let mut work = Work::default();
    let whole = Evaluating {
        classification,
        with_gradient,
        cancel: None,
    };
    match evaluate_in(&mut work, tapes, loss, columns, params, whole) {
        Ok(evaluation) => evaluation,
        // invariant: an evaluation without a cancellation token finishes.
        Err(_) => unreachable!("an evaluation that cannot be cancelled finishes"),
    }
}

/// The largest bound on the gradient's entries that tells they are
/// finite: the sums a gradient entry is computed by then stay far below
/// the largest double, whatever their order and rounding.
const FINITE_GRADIENT_BOUND: f64 = 1e300;

/// Loss and accuracy over a whole data set, as `evaluate` computes them
/// without the gradient, and whether the gradient there is finite. The
/// layer tape tells that from a bound on the gradient's entries summed
/// over the chunks (`LayerTape::gradient_bound`), at the cost of the
/// forward pass and the δs; only a bound too large to tell, or the
/// scalar tape, has the gradient computed.
pub fn evaluate_judging_gradient(
    tapes: &Tapes,
    loss: Loss,
    columns: &Columns,
    params: &[f64],
    classification: bool,
) -> (Evaluation, bool) {
    let Engine::Layers(layers) = &tapes.engine else {
        let mut evaluation = evaluate(tapes, loss, columns, params, classification, true);
        let finite = evaluation.gradient.iter().all(|g| g.is_finite());
        evaluation.gradient = Vec::new();
        return (evaluation, finite);
    };
    let mut work = Work::default();
    let mut chunk = Vec::new();
    let (mut total, mut bound, mut correct) = (0.0, Some(0.0), 0);
    let size = tapes.evaluation_chunk();
    for start in (0..columns.len()).step_by(size) {
        chunk.clear();
        chunk.extend(start..(start + size).min(columns.len()));
        let (sum, chunk_bound) = Tapes::run_bounded(layers, columns, &chunk, params, &mut work);
        total += sum;
        bound = bound.zip(chunk_bound).map(|(a, b): (f64, f64)| a + b);
        if classification {
            count_correct(tapes, &work, params, columns, &chunk, &mut correct);
        }
    }
    let n = columns.len();
    let evaluation = Evaluation {
        loss: total * scale(loss, n),
        gradient: Vec::new(),
        accuracy: classification.then(|| correct as f64 / n.max(1) as f64),
    };
    let finite = match bound {
        Some(bound) if bound <= FINITE_GRADIENT_BOUND => true,
        Some(_) => {
            let computed = evaluate(tapes, loss, columns, params, false, true);
            computed.gradient.iter().all(|g| g.is_finite())
        }
        None => false,
    };
    (evaluation, finite)
}

/// What an evaluation of a whole set computes, and what stops it.
#[derive(Clone, Copy)]
pub(super) struct Evaluating<'a> {
    pub classification: bool,
    pub with_gradient: bool,
    /// Ctrl-C, heard between chunks; `None`: the evaluation finishes.
    pub cancel: Option<&'a Cancel>,
}

/// Sums over a whole set: of the loss, of the gradient (when asked for),
/// and the samples classified correctly (for classification).
struct Sums {
    loss: f64,
    gradient: Vec<f64>,
    correct: usize,
}

/// `evaluate` with the caller's workspace, reused from epoch to epoch;
/// `Err` with the samples done when Ctrl-C came between two chunks.
pub(super) fn evaluate_in(
    work: &mut Work,
    tapes: &Tapes,
    loss: Loss,
    columns: &Columns,
    params: &[f64],
    what: Evaluating,
) -> Result<Evaluation, usize> {
    let sums = sums_in(work, tapes, columns, params, what)?;
    let n = columns.len();
    let scale = scale(loss, n);
    Ok(Evaluation {
        loss: sums.loss * scale,
        gradient: sums.gradient.iter().map(|g| g * scale).collect(),
        accuracy: what
            .classification
            .then(|| sums.correct as f64 / n.max(1) as f64),
    })
}

fn sums_in(
    work: &mut Work,
    tapes: &Tapes,
    columns: &Columns,
    params: &[f64],
    what: Evaluating,
) -> Result<Sums, usize> {
    let mut sums = Sums {
        loss: 0.0,
        gradient: vec![
            0.0;
            if what.with_gradient {
                tapes.parameters
            } else {
                0
            }
        ],
        correct: 0,
    };
    let mut chunk = std::mem::take(&mut work.indices);
    let summed = sum_chunks(work, tapes, columns, params, what, &mut chunk, &mut sums);
    work.indices = chunk;
    summed.map(|()| sums)
}

/// The chunks of a whole set, each summed into `sums`; `chunk` holds the
/// indices of one chunk at a time.
fn sum_chunks(
    work: &mut Work,
    tapes: &Tapes,
    columns: &Columns,
    params: &[f64],
    what: Evaluating,
    chunk: &mut Vec<usize>,
    sums: &mut Sums,
) -> Result<(), usize> {
    let size = tapes.evaluation_chunk();
    for (k, start) in (0..columns.len()).step_by(size).enumerate() {
        if k > 0 && what.cancel.is_some_and(Cancel::is_requested) {
            return Err(k * size);
        }
        chunk.clear();
        chunk.extend(start..(start + size).min(columns.len()));
        sums.loss += tapes.run(columns, chunk, params, work, what.with_gradient);
        if what.with_gradient {
            for (g, s) in sums.gradient.iter_mut().zip(&work.part) {
                *g += s;
            }
        }
        if what.classification {
            if what.with_gradient && matches!(tapes.engine, Engine::Scalar { .. }) {
                // The scalar tape's outputs come from its evaluation tape.
                tapes.run(columns, chunk, params, work, false);
            }
            count_correct(tapes, work, params, columns, chunk, &mut sums.correct);
        }
    }
    Ok(())
}

/// Adds the samples of `chunk` classified correctly (after `run`) to
/// `correct`.
fn count_correct(
    tapes: &Tapes,
    work: &Work,
    params: &[f64],
    columns: &Columns,
    chunk: &[usize],
    correct: &mut usize,
) {
    // Each output's values for the whole chunk, read once.
    let outputs: Vec<Cow<[f64]>> = (0..tapes.outputs)
        .map(|k| tapes.output(work, k, params))
        .collect();
    for (j, &i) in chunk.iter().enumerate() {
        let predicted = |k: usize| outputs[k][j];
        let right = is_correct(predicted, tapes.outputs, &columns.targets[i]);
        *correct += usize::from(right);
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

/// What the tape sums answer when Ctrl-C stopped one of their evaluations
/// (the training loop then reports the interruption).
const INTERRUPTED: &str = "interrupted (Ctrl-C)";

/// The sums over a data set by the compiled tapes, for Newton's method and
/// BFGS (full batch only); Ctrl-C stops them between chunks.
pub(super) struct TapeSums<'a> {
    pub tapes: &'a Tapes,
    pub loss: Loss,
    pub columns: &'a Columns,
    pub cancel: &'a Cancel,
}

impl SampleSums for TapeSums<'_> {
    fn samples(&self) -> usize {
        self.columns.len()
    }

    fn averages(&self) -> bool {
        self.loss.averages_samples()
    }

    fn loss_and_gradient(&mut self, params: &[f64]) -> Result<(f64, Vec<f64>), String> {
        let what = Evaluating {
            classification: false,
            with_gradient: true,
            cancel: Some(self.cancel),
        };
        let mut work = Work::default();
        let sums = sums_in(&mut work, self.tapes, self.columns, params, what)
            .map_err(|_| INTERRUPTED.to_string())?;
        Ok((sums.loss, sums.gradient))
    }

    fn hessian(&mut self, params: &[f64]) -> Result<Vec<f64>, String> {
        let Some(tape) = &self.tapes.hessian else {
            return Err("the Hessian was not compiled".into()); // not prose: an invariant (Newton compiles it)
        };
        let mut total: Vec<f64> = Vec::new();
        let mut workspace = Workspace::default();
        let mut buffers = Vec::new();
        let indices: Vec<usize> = (0..self.columns.len()).collect();
        for (k, chunk) in indices.chunks(CHUNK).enumerate() {
            if k > 0 && self.cancel.is_requested() {
                return Err(INTERRUPTED.to_string());
            }
            self.columns.gather(chunk, &mut buffers);
            let views: Vec<&[f64]> = buffers.iter().map(Vec::as_slice).collect();
            let sums = tape.run(&mut workspace, params, &views);
            total.resize(sums.len(), 0.0);
            for (t, s) in total.iter_mut().zip(sums) {
                *t += s;
            }
        }
        Ok(total)
    }
}
