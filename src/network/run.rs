//! Running gradient-descent steps on a network's formulas.
//!
//! Each step evaluates the formulas for every sample (forward values,
//! loss, δs, chain-rule factors, gradients), adds the per-sample gradients
//! into the batch gradient (their sum for half_sse, their mean otherwise),
//! and only then lets the optimizer update the parameters: every gradient
//! of a step uses the parameters from before the step.
//!
//! A long run keeps every step's loss, and the full records (parameters
//! and gradients) of its first and last steps within the limits of
//! `history::Kept`.
//!
//! Invariant: `StepRecord::params_after` differs from `params_before` only
//! in the trainable parameters, by the optimizer's reported update.

use super::formula::{NetworkFormula, ParamKind};
use super::spec::Spec;
use super::start::{describe_failure, named_values, summed_fault, StartFault};
use crate::expr::{Evaluator, Failure, Id, Point};
use crate::history::{Gap, Kept};
use crate::limits::{MAX_KEPT_VALUES, MAX_LISTED_RECORDS};
use crate::optim::{Matrix, Objective, Optimizer, OptimizerConfig, StepReport};
use crate::Error;
use rustc_hash::FxHashMap;

/// Every value of the formulas for one sample.
#[derive(Clone, Debug)]
pub struct SampleValues {
    values: Vec<f64>,
}

/// The evaluation plan: which nodes to compute, and where their values go.
struct Plan {
    roots: Vec<Id>,
    slot: FxHashMap<Id, usize>,
}

impl SampleValues {
    /// The value of a node of the plan.
    pub fn get(&self, plan_slot: usize) -> f64 {
        self.values[plan_slot]
    }
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
    /// The batch loss after the last update, and the per-sample values
    /// then.
    pub final_loss: f64,
    pub final_samples: Vec<SampleValues>,
    /// Indices of the parameters the optimizer moved.
    pub trainable: Vec<usize>,
    /// Steps completed when Ctrl-C stopped the run early.
    pub interrupted: Option<usize>,
    slots: FxHashMap<Id, usize>,
}

impl Run {
    /// The value of `node` in `sample` (from a step's or the final values).
    pub fn value(&self, values: &SampleValues, node: Id) -> f64 {
        self.slots.get(&node).map_or(f64::NAN, |&s| values.get(s))
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
        roots.extend(hessian.iter().flatten());
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
    formula
        .params
        .iter()
        .map(|p| match p.kind {
            ParamKind::Weight { layer, to, from } => spec.parameters.weights[layer][to][from],
            ParamKind::Bias { layer, to } => spec.parameters.biases[layer][to.unwrap_or(0)],
        })
        .collect()
}

/// Parameter values in the spec's shapes: W[layer][out][in], b[layer][…].
pub fn to_shapes(
    formula: &NetworkFormula,
    spec: &Spec,
    values: &[f64],
) -> (Vec<Vec<Vec<f64>>>, Vec<Vec<f64>>) {
    let mut weights = spec.parameters.weights.clone();
    let mut biases = spec.parameters.biases.clone();
    for (p, &v) in formula.params.iter().zip(values) {
        match p.kind {
            ParamKind::Weight { layer, to, from } => weights[layer][to][from] = v,
            ParamKind::Bias { layer, to } => biases[layer][to.unwrap_or(0)] = v,
        }
    }
    (weights, biases)
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
}

/// Everything one evaluation of the whole batch gives.
struct BatchValues {
    samples: Vec<SampleValues>,
    loss: f64,
    gradients: Vec<f64>,
}

/// The batch loss as an objective of the trainable parameters, for the
/// optimizers (line searches and Hessians included).
struct NetworkObjective<'a> {
    formula: &'a NetworkFormula,
    spec: &'a Spec,
    evaluator: &'a Evaluator<'a>,
    plan: &'a Plan,
    /// All parameters; the trainable ones are overwritten at each call.
    params: Vec<f64>,
    trainable: &'a [usize],
}

impl NetworkObjective<'_> {
    fn full(&self, x: &[f64]) -> Vec<f64> {
        let mut params = self.params.clone();
        for (&i, &v) in self.trainable.iter().zip(x) {
            params[i] = v;
        }
        params
    }

    fn batch(&self, params: &[f64]) -> Result<BatchValues, crate::expr::EvalError> {
        evaluate_all(self.formula, self.spec, self.evaluator, self.plan, params)
            .map_err(|(_, failure)| failure.error)
    }
}

impl Objective for NetworkObjective<'_> {
    fn dimension(&self) -> usize {
        self.trainable.len()
    }

    fn value_and_gradient(&mut self, x: &[f64]) -> Result<(f64, Vec<f64>), String> {
        let batch = self.batch(&self.full(x)).map_err(|e| e.to_string())?;
        Ok((
            batch.loss,
            self.trainable.iter().map(|&i| batch.gradients[i]).collect(),
        ))
    }

    fn hessian(&mut self, x: &[f64]) -> Result<Matrix, String> {
        let Some(hessian) = &self.formula.hessian else {
            return Err("the network's Hessian was not built".into());
        };
        let params = self.full(x);
        let n = self.trainable.len();
        let mut total = vec![vec![0.0; n]; n];
        for s in 0..self.spec.inputs.len() {
            let values = self
                .evaluator
                .evaluate(&point(self.formula, self.spec, &params, s))
                .map_err(|e| e.to_string())?;
            for (i, row) in hessian.iter().enumerate() {
                for (j, id) in row.iter().enumerate() {
                    total[i][j] += values[self.plan.slot[id]];
                }
            }
        }
        if self.spec.loss.averages_samples() {
            let count = self.spec.inputs.len() as f64;
            total.iter_mut().flatten().for_each(|v| *v /= count);
        }
        Ok(total)
    }
}

/// Evaluates every sample at `params`: per-sample values, batch loss and
/// batch gradient — or the first sample (0-based) without them, and why.
fn evaluate_all(
    formula: &NetworkFormula,
    spec: &Spec,
    evaluator: &Evaluator,
    plan: &Plan,
    params: &[f64],
) -> Result<BatchValues, (usize, Failure)> {
    let mut samples = Vec::with_capacity(spec.inputs.len());
    let mut loss = 0.0;
    let mut gradients = vec![0.0; params.len()];
    for s in 0..spec.inputs.len() {
        let values = evaluator
            .evaluate_or_fail(&point(formula, spec, params, s))
            .map_err(|failure| (s, failure))?;
        loss += values[plan.slot[&formula.loss]];
        for (g, id) in gradients.iter_mut().zip(&formula.gradients) {
            *g += values[plan.slot[id]];
        }
        samples.push(SampleValues { values });
    }
    if spec.loss.averages_samples() {
        let n = spec.inputs.len() as f64;
        loss /= n;
        gradients.iter_mut().for_each(|g| *g /= n);
    }
    Ok(BatchValues {
        samples,
        loss,
        gradients,
    })
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
    formula
        .params
        .iter()
        .enumerate()
        .filter(|(_, p)| update_biases || !matches!(p.kind, ParamKind::Bias { .. }))
        .map(|(i, _)| i)
        .collect()
}

/// Runs `options.steps` full-batch updates with the chosen optimizer.
pub fn run_steps(
    formula: &NetworkFormula,
    spec: &Spec,
    options: &RunOptions,
) -> Result<Run, Error> {
    let plan = plan(formula);
    let evaluator = Evaluator::new(&formula.graph, &plan.roots);
    let trainable = trainable(formula, options.update_biases);
    let mut params = initial_values(formula, spec);
    let mut optimizer = Optimizer::new(options.optimizer, trainable.len());
    // Each step holds the parameters before and after, and the gradient.
    let per_step = params.len().saturating_mul(3).max(1);
    let mut steps: Kept<StepRecord> =
        Kept::new((MAX_KEPT_VALUES / per_step).clamp(2, MAX_LISTED_RECORDS));
    let mut losses = Vec::new();
    let suggestion = match options.optimizer.lr() {
        Some(lr) => format!("the learning rate {} is too large for this network; try {}", crate::number::format_significant(lr, 6), crate::number::format_significant(lr / 10.0, 6)),
        None => "the method took a step too far for this network; try a first-order optimizer or fewer steps".to_string(),
    };
    let diverged = |step: usize, what: String| Error::Diverged {
        message: format!("training diverged at step {step}: {what}"),
        hint: suggestion.clone(),
    };
    let _section = crate::interrupt::Interruptible::begin();
    let mut interrupted = None;
    for step in 1..=options.steps {
        if crate::interrupt::requested() {
            interrupted = Some(step - 1);
            break;
        }
        let batch = match evaluate_all(formula, spec, &evaluator, &plan, &params) {
            Ok(batch) => batch,
            Err((sample, failure)) if step == 1 => {
                return Err(start_fault(formula, spec, &params, sample, &failure).into_error(spec))
            }
            Err((_, failure)) => return Err(diverged(step, failure.error.to_string())),
        };
        if step == 1 {
            if let Some(fault) = summed_fault(formula, batch.loss, &batch.gradients) {
                return Err(fault.into_error(spec));
            }
        }
        if !batch.loss.is_finite() {
            return Err(diverged(step, format!("the loss is {}", batch.loss)));
        }
        let mut objective = NetworkObjective {
            formula,
            spec,
            evaluator: &evaluator,
            plan: &plan,
            params: params.clone(),
            trainable: &trainable,
        };
        let mut x: Vec<f64> = trainable.iter().map(|&i| params[i]).collect();
        let g: Vec<f64> = trainable.iter().map(|&i| batch.gradients[i]).collect();
        let report = optimizer
            .step(&mut objective, &mut x, batch.loss, &g)
            .map_err(|e| diverged(step, e))?;
        let mut after = params.clone();
        for (&i, &v) in trainable.iter().zip(&x) {
            after[i] = v;
        }
        if let Some((p, v)) = formula
            .params
            .iter()
            .zip(&after)
            .find(|(_, v)| !v.is_finite())
        {
            return Err(diverged(step, format!("{} became {v}", p.name)));
        }
        let keep = (options.keep)(step);
        losses.push(batch.loss);
        steps.push(StepRecord {
            step,
            loss: batch.loss,
            params_before: params,
            gradients: batch.gradients,
            params_after: after.clone(),
            samples: keep.then_some(batch.samples),
            optimizer: keep.then_some(report),
        });
        params = after;
    }
    let last = evaluate_all(formula, spec, &evaluator, &plan, &params)
        .map_err(|(_, failure)| diverged(options.steps + 1, failure.error.to_string()))?;
    let (steps, gap) = steps.into_parts();
    Ok(Run {
        steps,
        gap,
        losses,
        final_loss: last.loss,
        final_samples: last.samples,
        trainable,
        interrupted,
        slots: plan.slot,
    })
}
