//! What a `net` run will do, checked before any work: [`NetPlan`], made
//! from a spec and the plain options of a [`NetRequest`].
//!
//! `net` derives every parameter symbolically and evaluates every formula
//! for every sample at each step, so the plan refuses a network beyond
//! `limits::MAX_NET_PARAMETERS`, more samples than `limits::MAX_NET_SAMPLES`
//! (or samples × parameters beyond `limits::MAX_KEPT_VALUES`), and steps
//! beyond `limits::MAX_STEPS`. [`NetPlan::formula`] then builds the
//! network's formulas (with the Hessian for Newton's method, within its
//! variables) and `--param`'s derivation — written out, or beyond
//! `limits::MAX_EXPANDED_TERMS` products the shared form, counted before
//! anything is built — and [`NetPlan::run`] runs the steps.
//!
//! Invariant: a plan's network has data, its steps and sizes are within
//! their limits, and its optimizer can run on its trainable parameters.

use super::formula::NetworkFormula;
use super::run::{run_steps, trainable, Run, RunOptions};
use super::spec::Spec;
use crate::calculus::{chain_terms, differentiate, Derivation};
use crate::interrupt::Cancel;
use crate::limits::{
    MAX_EXPANDED_TERMS, MAX_KEPT_VALUES, MAX_NET_PARAMETERS, MAX_NET_SAMPLES, MAX_STEPS,
};
use crate::number::format_thousands;
use crate::optim::{check_dimension, OptimizerChoice, OptimizerConfig};
use crate::text;
use crate::Error;

/// Steps shown in full at the start and at the end of a long run.
const FULL_STEPS: usize = 1;

/// What `net` was asked to do, as given.
#[derive(Clone, Debug, Default)]
pub struct NetRequest {
    /// Steps to run (else the spec's `[train]` steps).
    pub steps: Option<usize>,
    pub optimizer: OptimizerChoice,
}

/// What `--param` shows for one parameter (its index in the formula's
/// parameters).
pub enum ParamDerivation {
    /// The derivation by the rules of differentiation, written out.
    Expanded(usize, Derivation),
    /// Its chain rule, fully expanded, would be a sum of `terms` products
    /// (beyond `limits::MAX_EXPANDED_TERMS`): the shared form instead.
    Shared { param: usize, terms: u64 },
}

/// A `net` run, checked.
pub struct NetPlan<'a> {
    pub spec: &'a Spec,
    pub steps: usize,
    pub optimizer: OptimizerConfig,
}

/// A network's formulas as a plan builds them, with `--param`'s
/// derivation.
pub struct Formulas {
    pub formula: NetworkFormula,
    pub derivation: Option<ParamDerivation>,
}

/// Refuses a network too large for the commands that derive and print
/// every parameter symbolically (`command`: `net`, `graph`;
/// docs/limits.md).
pub fn check_symbolic_size(spec: &Spec, command: &str) -> Result<(), Error> {
    let count = spec.parameter_count();
    if count > MAX_NET_PARAMETERS {
        return Err(Error::told(
            text!(
                "net-too-many-parameters",
                shape = spec.shape(),
                count = count,
                command = command,
                limit = MAX_NET_PARAMETERS
            ),
            text!("net-too-many-parameters-hint", name = spec.name.as_str()),
        ));
    }
    Ok(())
}

impl<'a> NetPlan<'a> {
    /// The plan for `request` on `spec` (named `given` in messages, as the
    /// user gave it).
    pub fn new(request: &NetRequest, spec: &'a Spec, given: &str) -> Result<NetPlan<'a>, Error> {
        check_symbolic_size(spec, "net")?;
        if spec.inputs.is_empty() {
            return Err(Error::told(
                text!("net-no-data", spec = given),
                text!("net-no-data-hint"),
            ));
        }
        check_samples(spec)?;
        let steps = request.steps.unwrap_or(spec.train.steps);
        if steps == 0 || steps > MAX_STEPS {
            let given = match request.steps {
                Some(_) => text!("net-given-steps-option", steps = steps.to_string()),
                None => text!("net-given-steps-spec", steps = steps.to_string()),
            };
            return Err(Error::told(
                text!(
                    "net-steps-range",
                    given = given,
                    max = format_thousands(MAX_STEPS as u64)
                ),
                text!("net-steps-hint"),
            ));
        }
        let optimizer = request
            .optimizer
            .config(&spec.train.optimizer, &spec.train.hyperparameters)?;
        Ok(NetPlan {
            spec,
            steps,
            optimizer,
        })
    }

    /// The network's formulas, with the Hessian Newton's method needs
    /// (refused beyond its variables) and the derivation of `param`.
    pub fn formula(&self, param: Option<&str>) -> Result<Formulas, Error> {
        let mut formula = NetworkFormula::build(self.spec);
        let trainable = trainable(&formula, self.spec.train.update_biases);
        let what = crate::text!("optim-what-parameters", count = trainable.len());
        check_dimension(&self.optimizer, trainable.len(), what)?;
        if matches!(self.optimizer, OptimizerConfig::Newton(_)) {
            formula.build_hessian(&trainable);
        }
        let derivation = match param {
            Some(name) => Some(derivation(&mut formula, name)?),
            None => None,
        };
        Ok(Formulas {
            formula,
            derivation,
        })
    }

    /// Whether step `step` (1-based) is shown in full: the first and the
    /// last.
    pub fn shown_in_full(&self, step: usize) -> bool {
        step <= FULL_STEPS || step + FULL_STEPS > self.steps
    }

    /// Runs the plan's steps on `formula`; Ctrl-C stops them.
    pub fn run(&self, formula: &NetworkFormula, cancel: &Cancel) -> Result<Run, Error> {
        let keep = |step: usize| self.shown_in_full(step);
        run_steps(
            formula,
            self.spec,
            &RunOptions {
                optimizer: self.optimizer,
                steps: self.steps,
                update_biases: self.spec.train.update_biases,
                keep: &keep,
                cancel,
            },
        )
    }
}

/// `--param NAME`: the derivation of ∂E_total/∂NAME, written out, or its
/// shared form when written out it would print more than
/// `limits::MAX_EXPANDED_TERMS` products (one per path from the parameter
/// to the loss, counted before anything is built).
fn derivation(formula: &mut NetworkFormula, name: &str) -> Result<ParamDerivation, Error> {
    let Some(index) = formula.params.iter().position(|p| p.name == name) else {
        let names: Vec<&str> = formula.params.iter().map(|p| p.name.as_str()).collect();
        return Err(Error::told(
            text!("net-no-such-param", name = name),
            text!(
                "net-its-params",
                names = crate::diagnostic::name_list_text(&names)
            ),
        ));
    };
    let loss = formula.loss;
    let terms = chain_terms(&formula.graph, loss, name);
    Ok(if terms > MAX_EXPANDED_TERMS {
        ParamDerivation::Shared {
            param: index,
            terms,
        }
    } else {
        ParamDerivation::Expanded(index, differentiate(&mut formula.graph, loss, name))
    })
}

/// Refuses more samples than `net` works through (docs/limits.md): it
/// evaluates every formula for every sample at each step, shows each
/// sample's forward pass, and keeps the values of the steps shown in full.
fn check_samples(spec: &Spec) -> Result<(), Error> {
    let samples = spec.inputs.len();
    let parameters = spec.parameter_count();
    let hint = || text!("net-too-many-samples-hint", name = spec.name.as_str());
    if samples > MAX_NET_SAMPLES {
        return Err(Error::told(
            text!(
                "net-too-many-samples",
                name = spec.name.as_str(),
                count = samples,
                limit = MAX_NET_SAMPLES
            ),
            hint(),
        ));
    }
    let values = samples.saturating_mul(parameters);
    if values > MAX_KEPT_VALUES {
        return Err(Error::told(
            text!(
                "net-too-many-values",
                name = spec.name.as_str(),
                samples = samples,
                parameters = parameters,
                values = values,
                limit = MAX_KEPT_VALUES
            ),
            hint(),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plan_takes_its_steps_from_the_options_or_the_spec() {
        let spec = super::super::load_spec("mazur").unwrap();
        let plan = NetPlan::new(&NetRequest::default(), &spec, "mazur").unwrap();
        assert_eq!(plan.steps, spec.train.steps);
        let request = NetRequest {
            steps: Some(10),
            ..NetRequest::default()
        };
        let plan = NetPlan::new(&request, &spec, "mazur").unwrap();
        assert_eq!(plan.steps, 10);
        assert!(plan.shown_in_full(1) && plan.shown_in_full(10) && !plan.shown_in_full(5));
    }

    #[test]
    fn steps_and_parameters_beyond_their_limits_are_refused() {
        let spec = super::super::load_spec("mazur").unwrap();
        for (steps, message) in [
            (0, "--steps 0 is outside 1 to 1,000,000 steps"),
            (MAX_STEPS + 1, "is outside 1 to 1,000,000 steps"),
        ] {
            let request = NetRequest {
                steps: Some(steps),
                ..NetRequest::default()
            };
            let refused = NetPlan::new(&request, &spec, "mazur").err().unwrap();
            assert!(refused.to_string().contains(message), "{refused}");
        }
        let plan = NetPlan::new(&NetRequest::default(), &spec, "mazur").unwrap();
        let unknown = plan.formula(Some("w99")).err().unwrap();
        assert!(unknown
            .to_string()
            .contains("the network has no parameter w99"));
        assert!(matches!(
            plan.formula(Some("w1")).unwrap().derivation,
            Some(ParamDerivation::Expanded(0, _))
        ));
    }
}
