//! A network's formulas compiled for batches, and what they compute over a
//! data set: a batch's loss and gradient, a whole set's loss, accuracy and
//! gradient, and the sums the second-order methods' objective needs.
//!
//! A data set is held by columns (one per input, then one per target) and
//! gathered chunk by chunk into the tapes' registers: 128 samples at a time
//! for a whole set, 1,024 for a batch, so memory does not grow with the
//! set and Ctrl-C is heard between chunks.
//!
//! Invariant: the tapes compute the values the evaluator computes for the
//! same nodes (tests compare them on random networks).

use crate::data::Dataset;
use crate::interrupt::Cancel;
use crate::network::{Loss, NetworkFormula};
use crate::optim::SampleSums;
use crate::tape::{Tape, TapeSpec, Workspace};

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
        let compile = |column_outputs: &[_], sum_outputs: &[_]| {
            Tape::compile(
                &formula.graph,
                &TapeSpec {
                    parameters: &parameters,
                    data: &data,
                    column_outputs,
                    sum_outputs,
                },
            )
        };
        Tapes {
            training: compile(&[], &sums),
            evaluation: compile(&outputs, &[formula.loss]),
            hessian: formula.hessian.as_ref().map(|h| compile(&[], h)),
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

/// The factor that makes a sum over `samples` samples the batch's value:
/// 1/n for the losses that average.
fn scale(loss: Loss, samples: usize) -> f64 {
    if loss.averages_samples() {
        1.0 / samples.max(1) as f64
    } else {
        1.0
    }
}

/// Evaluates `tapes` on the samples at `indices`: the batch loss and
/// gradient (summed for half_sse, averaged otherwise), in parts of
/// `BATCH_CHUNK` samples; `Err` with the samples done when Ctrl-C came
/// between two parts.
pub(super) fn batch(
    tapes: &Tapes,
    loss: Loss,
    columns: &Columns,
    indices: &[usize],
    params: &[f64],
    work: &mut (Workspace, Vec<Vec<f64>>),
    cancel: &Cancel,
) -> Result<(f64, Vec<f64>), usize> {
    let (workspace, buffers) = work;
    let mut total: Option<(f64, Vec<f64>)> = None;
    for (k, part) in indices.chunks(BATCH_CHUNK).enumerate() {
        if k > 0 && cancel.is_requested() {
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
    let scale = scale(loss, indices.len());
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
        cancel: None,
    };
    match evaluate_in(&mut workspace, tapes, loss, columns, params, whole) {
        Ok(evaluation) => evaluation,
        // invariant: an evaluation without a cancellation token finishes.
        Err(_) => unreachable!("an evaluation that cannot be cancelled finishes"),
    }
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
    workspace: &mut Workspace,
    tapes: &Tapes,
    loss: Loss,
    columns: &Columns,
    params: &[f64],
    what: Evaluating,
) -> Result<Evaluation, usize> {
    let sums = sums_in(workspace, tapes, columns, params, what)?;
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
    workspace: &mut Workspace,
    tapes: &Tapes,
    columns: &Columns,
    params: &[f64],
    what: Evaluating,
) -> Result<Sums, usize> {
    let mut buffers = Vec::new();
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
    let indices: Vec<usize> = (0..columns.len()).collect();
    for (k, chunk) in indices.chunks(CHUNK).enumerate() {
        if k > 0 && what.cancel.is_some_and(Cancel::is_requested) {
            return Err(k * CHUNK);
        }
        columns.gather(chunk, &mut buffers);
        let views: Vec<&[f64]> = buffers.iter().map(Vec::as_slice).collect();
        if what.with_gradient {
            let run = tapes.training.run(workspace, params, &views);
            for (g, s) in sums.gradient.iter_mut().zip(&run[1..]) {
                *g += s;
            }
        }
        sums.loss += tapes.evaluation.run(workspace, params, &views)[0];
        if what.classification {
            let outs: Vec<std::borrow::Cow<[f64]>> = (0..tapes.outputs)
                .map(|k| tapes.evaluation.column(workspace, k, params))
                .collect();
            for (j, &i) in chunk.iter().enumerate() {
                let right = is_correct(|k| outs[k][j], outs.len(), &columns.targets[i]);
                sums.correct += usize::from(right);
            }
        }
    }
    Ok(sums)
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
        let mut workspace = Workspace::default();
        let sums = sums_in(&mut workspace, self.tapes, self.columns, params, what)
            .map_err(|_| INTERRUPTED.to_string())?;
        Ok((sums.loss, sums.gradient))
    }

    fn hessian(&mut self, params: &[f64]) -> Result<Vec<f64>, String> {
        let Some(tape) = &self.tapes.hessian else {
            return Err("the Hessian was not compiled".into());
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
