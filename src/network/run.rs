//! Running gradient-descent steps on a network's formulas: the batch loss
//! is the objective of the one driver (`optim::drive`), under its one
//! divergence rule.
//!
//! Each step evaluates the formulas for every sample (forward values,
//! loss, δs, chain-rule factors, gradients) with the graph evaluator,
//! adds the per-sample gradients into the batch gradient (their sum for
//! half_sse, their mean otherwise: `optim::SampleObjective`), and only then
//! lets the optimizer update the parameters: every gradient of a step uses
//! the parameters from before the step.
//!
//! A long run keeps every step's loss, and the full records (parameters
//! and gradients) of its first and last steps within the limits of
//! `history::Kept`; the per-sample values of the steps asked for, and of
//! the last step done. A run that diverges or is interrupted keeps the
//! steps it did, with why it stopped.
//!
//! Invariant: `StepRecord::params_after` differs from `params_before` only
//! in the trainable parameters, by the optimizer's reported update.

use super::formula::{NetworkFormula, ParamKind};
use super::params::{initial_values_of, to_shapes_of, trainable_of};
use super::spec::Spec;
use super::start::{describe_failure, named_values, summed_fault, StartFault};
use crate::expr::{Evaluator, Failure, Id, Point};
use crate::interrupt::Cancel;
use crate::limits::{MAX_KEPT_VALUES, MAX_LISTED_RECORDS};
use crate::optim::{
    drive, Gap, Kept, LossWords, Objective, OptimizerConfig, Problem, SampleObjective, SampleSums,
    StepReport, Stop, Stopping,
};
use crate::Error;
use rustc_hash::FxHashMap;

/// Every value of the formulas for one sample.
#[derive(Clone, Debug)]
pub struct SampleValues {
    values: Vec<f64>,
}

impl SampleValues {
    /// The value of a node of the plan.
    pub fn get(&self, plan_slot: usize) -> f64 {
        self.values[plan_slot]
    }
}

/// The evaluation plan: which nodes to compute, and where their values go.
struct Plan {
    roots: Vec<Id>,
    slot: FxHashMap<Id, usize>,
}

/// One update.
#[derive(Clone, Debug)]
pub struct StepRecord {
    /// 1 for the first update.
    pub step: usize,
    /// The batch loss before the update.
    pub loss: f64,
    pub params_before: Vec<f64>,
    /// The batch gradient.
    pub gradients: Vec<f64>,
    pub params_after: Vec<f64>,
    /// Per-sample values, kept for the steps shown in full.
    pub samples: Option<Vec<SampleValues>>,
    /// What the optimizer did, for the steps shown in full; its
    /// per-variable state lists the trainable parameters (`Run::trainable`).
    pub optimizer: Option<StepReport>,
}

/// The result of running steps.
pub struct Run {
    /// The steps kept: every one while they fit in
    /// `limits::MAX_LISTED_RECORDS` steps and `limits::MAX_KEPT_VALUES`
    /// numbers, else the first and the last, with `gap` between them.
    pub steps: Vec<StepRecord>,
    pub gap: Option<Gap>,
    /// The batch loss before every step taken (step k at k − 1).
    pub losses: Vec<f64>,
    /// The batch loss at the point the run reached, and the per-sample
    /// values there (NaN and none when a divergence left no values there).
    pub final_loss: f64,
    pub final_samples: Vec<SampleValues>,
    /// Indices of the parameters the optimizer moved.
    pub trainable: Vec<usize>,
    /// Why the run stopped: its steps done, Ctrl-C, or a divergence.
    pub stop: Stop,
    slots: FxHashMap<Id, usize>,
}

impl Run {
    /// The value of `node` in `sample` (from a step's or the final values).
    pub fn value(&self, values: &SampleValues, node: Id) -> f64 {
        // invariant: the plan holds every node a report of the run names —
        // the named nodes, δs, gradients, chain factors and path sums.
        values.get(self.slots[&node])
    }
}

fn plan(formula: &NetworkFormula) -> Plan {
    let mut roots = vec![formula.loss];
    roots.extend(&formula.error_terms);
    for n in &formula.neurons {
        roots.push(n.net);
        roots.push(n.out);
    }
    roots.extend(&formula.deltas);
    roots.extend(&formula.gradients);
    for chain in &formula.chains {
        roots.extend(chain.factors.iter().map(|f| f.formula));
    }
    for sum in formula.path_sums.iter().flatten() {
        for &(_, delta, weight, contribution) in &sum.terms {
            roots.extend([delta, weight, contribution]);
        }
    }
    roots.extend(formula.names.keys().copied());
    if let Some(hessian) = &formula.hessian {
        roots.extend(hessian);
    }
    let mut unique = Vec::new();
    let mut slot = FxHashMap::default();
    for id in roots {
        if let std::collections::hash_map::Entry::Vacant(e) = slot.entry(id) {
            e.insert(unique.len());
            unique.push(id);
        }
    }
    Plan {
        roots: unique,
        slot,
    }
}

/// The parameters of a spec in the order of `formula.params`.
pub fn initial_values(formula: &NetworkFormula, spec: &Spec) -> Vec<f64> {
    initial_values_of(&kinds(formula), spec)
}

/// Parameter values in the spec's shapes: W[layer][out][in], b[layer][…].
pub fn to_shapes(
    formula: &NetworkFormula,
    spec: &Spec,
    values: &[f64],
) -> (Vec<Vec<Vec<f64>>>, Vec<Vec<f64>>) {
    to_shapes_of(&kinds(formula), spec, values)
}

fn kinds(formula: &NetworkFormula) -> Vec<ParamKind> {
    formula.params.iter().map(|p| p.kind).collect()
}

fn point(formula: &NetworkFormula, spec: &Spec, params: &[f64], sample: usize) -> Point {
    sample_point(formula, params, &spec.inputs[sample], &spec.targets[sample])
}

/// The values of the formula's variables for one sample: the parameters,
/// the sample's inputs and its targets.
pub fn sample_point(
    formula: &NetworkFormula,
    params: &[f64],
    inputs: &[f64],
    targets: &[f64],
) -> Point {
    let mut values: Vec<(String, f64)> = formula
        .params
        .iter()
        .zip(params)
        .map(|(p, &v)| (p.name.clone(), v))
        .collect();
    let name = |id: Id| formula.graph.as_var(id).unwrap_or("").to_string();
    values.extend(
        formula
            .inputs
            .iter()
            .map(|&id| name(id))
            .zip(inputs.iter().copied()),
    );
    values.extend(
        formula
            .targets
            .iter()
            .map(|&id| name(id))
            .zip(targets.iter().copied()),
    );
    Point::new(values)
}

/// Options of a run.
pub struct RunOptions<'a> {
    pub optimizer: OptimizerConfig,
    pub steps: usize,
    pub update_biases: bool,
    /// Which steps keep their per-sample values (1-based).
    pub keep: &'a dyn Fn(usize) -> bool,
    /// Ctrl-C: the run stops at its next step.
    pub cancel: &'a Cancel,
}

/// Every sample evaluated at one set of parameters: the per-sample values,
/// and the sums over the samples of the loss and of its gradient.
struct Batch {
    params: Vec<f64>,
    samples: Vec<SampleValues>,
    loss: f64,
    gradients: Vec<f64>,
}

/// The sums over a spec's samples, by the graph evaluator: every value of
/// every sample, the last batch kept for the step records.
struct EvaluatedSums<'a> {
    formula: &'a NetworkFormula,
    spec: &'a Spec,
    evaluator: Evaluator<'a>,
    plan: &'a Plan,
    last: Option<Batch>,
}

impl EvaluatedSums<'_> {
    /// Every sample at `params` (kept as the last batch) — or the first
    /// sample (0-based) without values, and why.
    fn batch(&mut self, params: &[f64]) -> Result<&Batch, (usize, Failure)> {
        let batch = match self.last.take() {
            Some(batch) if batch.params == params => batch,
            _ => self.evaluate(params)?,
        };
        Ok(self.last.insert(batch))
    }

    /// The batch at `params`, taken out of the keeping (evaluated again
    /// when the last one was elsewhere); `None` when it has no values.
    fn take_batch(&mut self, params: &[f64]) -> Option<Batch> {
        match self.last.take() {
            Some(batch) if batch.params == params => Some(batch),
            _ => self.evaluate(params).ok(),
        }
    }

    fn evaluate(&self, params: &[f64]) -> Result<Batch, (usize, Failure)> {
        let (formula, plan) = (self.formula, self.plan);
        let mut samples = Vec::with_capacity(self.spec.inputs.len());
        let mut loss = 0.0;
        let mut gradients = vec![0.0; params.len()];
        for s in 0..self.spec.inputs.len() {
            let values = self
                .evaluator
                .evaluate_or_fail(&point(formula, self.spec, params, s))
                .map_err(|failure| (s, failure))?;
            loss += values[plan.slot[&formula.loss]];
            for (g, id) in gradients.iter_mut().zip(&formula.gradients) {
                *g += values[plan.slot[id]];
            }
            samples.push(SampleValues { values });
        }
        Ok(Batch {
            params: params.to_vec(),
            samples,
            loss,
            gradients,
        })
    }
}

impl SampleSums for EvaluatedSums<'_> {
    fn samples(&self) -> usize {
        self.spec.inputs.len()
    }

    fn averages(&self) -> bool {
        self.spec.loss.averages_samples()
    }

    fn loss_and_gradient(&mut self, params: &[f64]) -> Result<(f64, Vec<f64>), String> {
        let batch = self
            .batch(params)
            .map_err(|(_, failure)| failure.error.to_string())?;
        Ok((batch.loss, batch.gradients.clone()))
    }

    fn hessian(&mut self, params: &[f64]) -> Result<Vec<f64>, String> {
        let Some(hessian) = &self.formula.hessian else {
            return Err("the network's Hessian was not built".into()); // not prose: an invariant (Newton builds it)
        };
        let mut total = vec![0.0; hessian.len()];
        for s in 0..self.spec.inputs.len() {
            let values = self
                .evaluator
                .evaluate(&point(self.formula, self.spec, params, s))
                .map_err(|e| e.to_string())?;
            for (t, id) in total.iter_mut().zip(hessian) {
                *t += values[self.plan.slot[id]];
            }
        }
        Ok(total)
    }
}

/// Why sample `sample` (0-based) has no values with the starting
/// parameters `params`.
fn start_fault(
    formula: &NetworkFormula,
    spec: &Spec,
    params: &[f64],
    sample: usize,
    failure: &Failure,
) -> StartFault {
    describe_failure(
        &formula.graph,
        &formula.names,
        &named_values(formula),
        failure,
        &point(formula, spec, params, sample),
        Some(format!("sample {}", sample + 1)),
    )
}

/// The parameters an optimizer moves: all, or the weights alone when
/// biases are frozen.
pub fn trainable(formula: &NetworkFormula, update_biases: bool) -> Vec<usize> {
    trainable_of(&kinds(formula), update_biases)
}

/// A point the run reached, with its values; the step taken from it is
/// recorded once the run has moved on.
struct Reached {
    params: Vec<f64>,
    loss: f64,
    gradients: Vec<f64>,
    samples: Vec<SampleValues>,
    report: Option<StepReport>,
}

/// What `net` keeps of its steps: every loss, the records within their
/// limit, and the per-sample values of the steps shown in full.
struct NetSteps<'a> {
    objective: SampleObjective<'a, EvaluatedSums<'a>>,
    keep: &'a dyn Fn(usize) -> bool,
    steps: Kept<StepRecord>,
    losses: Vec<f64>,
    current: Option<Reached>,
}

impl NetSteps<'_> {
    /// The step taken from `from`, which led to `params_after`. The step
    /// before it keeps its per-sample values only if they were asked for
    /// (the latest keeps them, for a run that stops early).
    fn record(&mut self, from: Reached, params_after: Vec<f64>) {
        let keep = self.keep;
        if let Some(previous) = self.steps.last_mut().filter(|s| !keep(s.step)) {
            previous.samples = None;
            previous.optimizer = None;
        }
        self.losses.push(from.loss);
        self.steps.push(StepRecord {
            step: self.losses.len(),
            loss: from.loss,
            params_before: from.params,
            gradients: from.gradients,
            params_after,
            samples: Some(from.samples),
            optimizer: from.report,
        });
    }
}

impl Problem for NetSteps<'_> {
    fn objective(&mut self) -> &mut dyn Objective {
        &mut self.objective
    }

    fn reached(&mut self, iterate: crate::optim::Iterate) {
        let params = self.objective.full(&iterate.point);
        // The driver has just evaluated this point: its batch is kept.
        let (samples, gradients) = match self.objective.sums.take_batch(&params) {
            Some(batch) => (batch.samples, batch.gradients),
            None => (Vec::new(), vec![f64::NAN; params.len()]),
        };
        let gradients = gradients
            .iter()
            .map(|&g| self.objective.per_batch(g))
            .collect();
        if let Some(previous) = self.current.take() {
            self.record(previous, params.clone());
        }
        self.current = Some(Reached {
            params,
            loss: iterate.f,
            gradients,
            samples,
            report: None,
        });
    }

    fn stepped(&mut self, report: StepReport) {
        if let Some(current) = &mut self.current {
            current.report = Some(report);
        }
    }
}

/// Runs `options.steps` full-batch updates with the chosen optimizer; a
/// start without finite values is an input error at the spec, a
/// divergence the run's stop.
pub fn run_steps(
    formula: &NetworkFormula,
    spec: &Spec,
    options: &RunOptions,
) -> Result<Run, Error> {
    let plan = plan(formula);
    let trainable = trainable(formula, options.update_biases);
    let params = initial_values(formula, spec);
    let sums = EvaluatedSums {
        formula,
        spec,
        evaluator: Evaluator::new(&formula.graph, &plan.roots),
        plan: &plan,
        last: None,
    };
    let mut objective = SampleObjective::new(sums, params.clone(), &trainable);
    check_start(&mut objective, formula, spec, &params)?;
    // Each step holds the parameters before and after, and the gradient.
    let per_step = params.len().saturating_mul(3).max(1);
    let mut run = NetSteps {
        objective,
        keep: options.keep,
        steps: Kept::new((MAX_KEPT_VALUES / per_step).clamp(2, MAX_LISTED_RECORDS)),
        losses: Vec::new(),
        current: None,
    };
    let start = run.objective.trainable_values();
    let stopping = Stopping {
        max_steps: options.steps,
        tolerance: 0.0,
    };
    let words = LossWords {
        names: trainable
            .iter()
            .map(|&i| formula.params[i].name.as_str())
            .collect(),
    };
    let ended = drive(
        &mut run,
        start,
        options.optimizer,
        stopping,
        &words,
        options.cancel,
    )
    .map_err(|refused| {
        Error::told(
            crate::text!(
                "net-cannot-start",
                optimizer =
                    crate::i18n::Text::in_each_language(|lang| options.optimizer.title_in(lang)),
                reason = refused.reason
            ),
            crate::text!("net-cannot-start-hint"),
        )
    })?;
    let (final_loss, final_samples) = match run.current.take() {
        // A step was taken from the last point evaluated: the run
        // diverged at the point it led to.
        Some(last) if last.report.is_some() => {
            run.record(last, run.objective.full(&ended.point));
            (f64::NAN, Vec::new())
        }
        Some(last) => (last.loss, last.samples),
        None => (f64::NAN, Vec::new()),
    };
    let (steps, gap) = run.steps.into_parts();
    Ok(Run {
        steps,
        gap,
        losses: run.losses,
        final_loss,
        final_samples,
        trainable,
        stop: ended.stop,
        slots: plan.slot,
    })
}

/// Refuses a start where a sample, or the sums over the samples, has no
/// finite value: the fault is the spec's, named as the report names it.
fn check_start(
    objective: &mut SampleObjective<EvaluatedSums>,
    formula: &NetworkFormula,
    spec: &Spec,
    params: &[f64],
) -> Result<(), Error> {
    let (loss, gradients) = match objective.sums.batch(params) {
        Ok(batch) => (batch.loss, batch.gradients.clone()),
        Err((sample, failure)) => {
            return Err(start_fault(formula, spec, params, sample, &failure).into_error(spec))
        }
    };
    let loss = objective.per_batch(loss);
    let gradients: Vec<f64> = gradients.iter().map(|&g| objective.per_batch(g)).collect();
    match summed_fault(formula, loss, &gradients) {
        Some(fault) => Err(fault.into_error(spec)),
        None => Ok(()),
    }
}
