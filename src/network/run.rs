//! Running gradient-descent steps on a network's formulas.
//!
//! Each step evaluates the formulas for every sample (forward values,
//! loss, δs, chain-rule factors, gradients), adds the per-sample gradients
//! into the batch gradient (their sum for half_sse, their mean otherwise),
//! and only then updates the parameters: every gradient of a step uses the
//! parameters from before the step.
//!
//! Invariant: `StepRecord::params_after = params_before − lr·gradients`
//! for every updated parameter, and unchanged for the others.

use super::formula::{NetworkFormula, ParamKind};
use super::spec::Spec;
use crate::expr::{Evaluator, Id, Point};
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
}

/// The result of running steps.
pub struct Run {
    pub steps: Vec<StepRecord>,
    /// The batch loss after the last update, and the per-sample values
    /// then.
    pub final_loss: f64,
    pub final_samples: Vec<SampleValues>,
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
    let mut values: Vec<(String, f64)> = formula
        .params
        .iter()
        .zip(params)
        .map(|(p, &v)| (p.name.clone(), v))
        .collect();
    for (k, &id) in formula.inputs.iter().enumerate() {
        values.push((
            formula.graph.as_var(id).unwrap_or("").to_string(),
            spec.inputs[sample][k],
        ));
    }
    for (k, &id) in formula.targets.iter().enumerate() {
        values.push((
            formula.graph.as_var(id).unwrap_or("").to_string(),
            spec.targets[sample][k],
        ));
    }
    Point::new(values)
}

/// Options of a run.
pub struct RunOptions<'a> {
    pub lr: f64,
    pub steps: usize,
    pub update_biases: bool,
    /// Which steps keep their per-sample values (1-based).
    pub keep: &'a dyn Fn(usize) -> bool,
}

/// Evaluates every sample at `params`: per-sample values, batch loss and
/// batch gradient.
fn evaluate_all(
    formula: &NetworkFormula,
    spec: &Spec,
    evaluator: &Evaluator,
    plan: &Plan,
    params: &[f64],
) -> Result<(Vec<SampleValues>, f64, Vec<f64>), crate::expr::EvalError> {
    let mut samples = Vec::with_capacity(spec.inputs.len());
    let mut loss = 0.0;
    let mut gradients = vec![0.0; params.len()];
    for s in 0..spec.inputs.len() {
        let values = evaluator.evaluate(&point(formula, spec, params, s))?;
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
    Ok((samples, loss, gradients))
}

/// Runs `options.steps` updates of full-batch gradient descent.
pub fn run_steps(
    formula: &NetworkFormula,
    spec: &Spec,
    options: &RunOptions,
) -> Result<Run, Error> {
    let plan = plan(formula);
    let evaluator = Evaluator::new(&formula.graph, &plan.roots);
    let mut params = initial_values(formula, spec);
    let mut steps = Vec::new();
    let diverged = |step: usize, what: String| Error::Diverged {
        message: format!("training diverged at step {step}: {what}"),
        hint: format!(
            "the learning rate {} is too large for this network; try {}",
            options.lr,
            options.lr / 10.0
        ),
    };
    for step in 1..=options.steps {
        let (samples, loss, gradients) = evaluate_all(formula, spec, &evaluator, &plan, &params)
            .map_err(|e| diverged(step, e.to_string()))?;
        if !loss.is_finite() {
            return Err(diverged(step, format!("the loss is {loss}")));
        }
        let mut after = params.clone();
        for ((value, g), p) in after.iter_mut().zip(&gradients).zip(&formula.params) {
            let is_bias = matches!(p.kind, ParamKind::Bias { .. });
            if options.update_biases || !is_bias {
                *value -= options.lr * g;
            }
        }
        if let Some((p, v)) = formula
            .params
            .iter()
            .zip(&after)
            .find(|(_, v)| !v.is_finite())
        {
            return Err(diverged(step, format!("{} became {v}", p.name)));
        }
        steps.push(StepRecord {
            step,
            loss,
            params_before: params,
            gradients,
            params_after: after.clone(),
            samples: (options.keep)(step).then_some(samples),
        });
        params = after;
    }
    let (final_samples, final_loss, _) = evaluate_all(formula, spec, &evaluator, &plan, &params)
        .map_err(|e| diverged(options.steps + 1, e.to_string()))?;
    Ok(Run {
        steps,
        final_loss,
        final_samples,
        slots: plan.slot,
    })
}
