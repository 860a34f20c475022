//! What a `minimize` run will do, checked before any work: [`MinimizePlan`],
//! made from a parsed function, a start and the plain options of a
//! [`MinimizeRequest`]; and the runs it makes, one per optimizer (a race
//! with `--compare`).
//!
//! Invariant: a plan's start gives every variable of the function a
//! value, its steps are within `limits::MAX_STEPS`, every optimizer takes
//! the function's variables, and Newton's Hessian was built within
//! `limits::MAX_HESSIAN_SIZE` before any step is shown.

use super::choice::in_compare;
use super::{
    check_dimension, minimize, ExpressionObjective, Hyperparameters, OptimizerChoice,
    OptimizerConfig, Stopping, Trajectory, UndefinedStart,
};
use crate::expr::{Graph, Id, Point};
use crate::i18n::Text;
use crate::interrupt::Cancel;
use crate::limits::MAX_STEPS;
use crate::number::format_thousands;
use crate::text;
use crate::Error;

/// The method of a run that names none.
const DEFAULT_OPTIMIZER: &str = "sgd";

/// What `minimize` was asked to do, as given: the function parsed, and its
/// start.
pub struct MinimizeRequest<'a> {
    pub graph: Graph,
    pub expr: Id,
    pub start: &'a Point,
    pub optimizer: OptimizerChoice,
    /// `--compare`: the optimizers to race, by name.
    pub compare: &'a [String],
    pub stopping: Stopping,
    /// Whether a picture is asked for (of one or two variables only).
    pub plot: bool,
}

/// A `minimize` run, checked.
pub struct MinimizePlan {
    pub objective: ExpressionObjective,
    /// The start, in the order of the function's variables.
    pub start: Vec<f64>,
    pub configs: Vec<OptimizerConfig>,
    pub stopping: Stopping,
    /// Whether the optimizers race (`--compare`).
    pub race: bool,
}

/// Checks the steps and the tolerance of a run.
pub fn checked_stopping(max_steps: usize, tolerance: f64) -> Result<Stopping, Error> {
    if max_steps == 0 || max_steps > MAX_STEPS {
        return Err(Error::told(
            text!(
                "min-steps-range",
                steps = max_steps.to_string(),
                max = format_thousands(MAX_STEPS as u64)
            ),
            text!("min-steps-hint"),
        ));
    }
    if !(tolerance >= 0.0 && tolerance.is_finite()) {
        return Err(Error::told(
            text!("min-tol", tol = tolerance.to_string()),
            text!("min-tol-hint"),
        ));
    }
    Ok(Stopping {
        max_steps,
        tolerance,
    })
}

impl MinimizePlan {
    pub fn new(request: MinimizeRequest) -> Result<MinimizePlan, Error> {
        let variables = request.graph.variables(request.expr);
        if variables.is_empty() {
            return Err(Error::told(
                text!("min-no-variables"),
                text!("min-no-variables-hint"),
            ));
        }
        let start = start_values(request.start, &variables)?;
        let race = !request.compare.is_empty();
        let configs = configs(&request.optimizer, request.compare)?;
        if request.plot && variables.len() > 2 {
            return Err(Error::told(
                text!("min-plot-variables", count = variables.len().to_string()),
                text!("min-plot-hint"),
            ));
        }
        for config in &configs {
            let what = text!("optim-what-variables", count = variables.len());
            check_dimension(config, variables.len(), what).map_err(|error| {
                if race {
                    in_compare(error)
                } else {
                    error
                }
            })?;
        }
        let mut objective = ExpressionObjective::new(request.graph, request.expr, variables);
        if configs
            .iter()
            .any(|c| matches!(c, OptimizerConfig::Newton(_)))
        {
            // Built before the first step, so a Hessian beyond the limit is
            // refused before any work is shown.
            objective.hessian_expressions().map_err(|refused| {
                Error::told(
                    text!("min-newton-hessian-refused", detail = refused.text()),
                    text!("min-newton-hessian-refused-hint"),
                )
            })?;
        }
        Ok(MinimizePlan {
            objective,
            start,
            configs,
            stopping: request.stopping,
            race,
        })
    }

    /// One run per optimizer from the same start; Ctrl-C stops the run
    /// under way. A start where a value the method needs has none is an
    /// input error.
    pub fn run(&mut self, cancel: &Cancel) -> Result<Vec<Trajectory>, Error> {
        let start = start_text(&self.objective.variables, &self.start);
        let mut runs = Vec::with_capacity(self.configs.len());
        for &config in &self.configs {
            let run = minimize(
                &mut self.objective,
                self.start.clone(),
                config,
                self.stopping,
                cancel,
            );
            runs.push(run.map_err(|refused| undefined_start(&refused, config, &start))?);
        }
        Ok(runs)
    }
}

/// The start's value of each variable, which it must give, and no others.
fn start_values(start: &Point, variables: &[String]) -> Result<Vec<f64>, Error> {
    if let Some(extra) = start.names().find(|n| !variables.iter().any(|v| v == n)) {
        return Err(Error::told(
            text!("min-start-extra", extra = extra),
            text!(
                "min-start-extra-hint",
                names = crate::diagnostic::name_list_text(variables)
            ),
        ));
    }
    variables
        .iter()
        .map(|v| {
            start.get(v).ok_or_else(|| {
                let all: Vec<String> = variables.iter().map(|v| format!("{v}=…")).collect();
                Error::told(
                    text!("min-start-missing", name = v),
                    text!("min-start-missing-hint", all = all.join(",")),
                )
            })
        })
        .collect()
}

/// The optimizers of the run: the one chosen, or those of `--compare`,
/// each with the hyperparameters given that it takes.
fn configs(choice: &OptimizerChoice, compare: &[String]) -> Result<Vec<OptimizerConfig>, Error> {
    let defaults = Hyperparameters::default();
    if compare.is_empty() {
        return Ok(vec![choice.config(DEFAULT_OPTIMIZER, &defaults)?]);
    }
    choice.compared(compare, DEFAULT_OPTIMIZER, &defaults)
}

/// The start as the message names it: "x = 0, y = 1".
fn start_text(variables: &[String], x0: &[f64]) -> String {
    variables
        .iter()
        .zip(x0)
        .map(|(v, x)| format!("{v} = {}", crate::expr::format_exact(*x)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The input error for a start where f, ∇f or the Hessian Newton's method
/// needs has no finite value: the start must change, not the learning rate.
fn undefined_start(refused: &UndefinedStart, config: OptimizerConfig, start: &str) -> Error {
    let (who, hint) = if refused.hessian {
        (
            Text::in_each_language(|lang| config.title_in(lang)),
            text!("min-start-finite-hessian-hint"),
        )
    } else {
        (
            Text::Verbatim("minimize".into()),
            text!("min-start-finite-hint"),
        )
    };
    Error::told(
        text!(
            "min-cannot-start",
            who = who,
            start = start,
            reason = refused.reason.clone()
        ),
        hint,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request<'a>(text: &str, start: &'a Point, compare: &'a [String]) -> MinimizeRequest<'a> {
        let mut graph = Graph::new();
        let expr = crate::expr::parse(&mut graph, text).unwrap();
        MinimizeRequest {
            graph,
            expr,
            start,
            optimizer: OptimizerChoice::default(),
            compare,
            stopping: Stopping {
                max_steps: 10,
                tolerance: 0.0,
            },
            plot: false,
        }
    }

    #[test]
    fn a_plan_orders_its_start_by_the_variables() {
        let start = Point::new(vec![("y".into(), 2.0), ("x".into(), 1.0)]);
        let plan = MinimizePlan::new(request("x^2 + y^2", &start, &[])).unwrap();
        assert_eq!(plan.start, vec![1.0, 2.0]);
        assert_eq!(plan.configs.len(), 1);
        let race = ["sgd".to_string(), "adam".to_string()];
        let plan = MinimizePlan::new(request("x^2 + y^2", &start, &race)).unwrap();
        assert!(plan.race && plan.configs.len() == 2);
    }

    #[test]
    fn a_plan_that_cannot_run_says_why() {
        let x = Point::new(vec![("x".into(), 1.0)]);
        let cases: [(&str, &Point, &[String], &str); 4] = [
            ("3", &x, &[], "the function has no variables to move"),
            ("x + y", &x, &[], "--start gives no value for y"),
            (
                "y^2",
                &x,
                &[],
                "--start gives x, which the function does not contain",
            ),
            (
                "x^2",
                &x,
                &[String::new()],
                "--compare is given an empty name",
            ),
        ];
        for (text, start, compare, message) in cases {
            let error = MinimizePlan::new(request(text, start, compare))
                .err()
                .unwrap();
            assert!(error.to_string().contains(message), "{text}: {error}");
        }
        for (steps, tolerance) in [(0, 0.0), (MAX_STEPS + 1, 0.0), (10, -1.0), (10, f64::NAN)] {
            assert!(checked_stopping(steps, tolerance).is_err());
        }
    }
}
