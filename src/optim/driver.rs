//! The minimisation loop: evaluate, check the stopping criteria, step.
//!
//! It stops when the gradient's ∞-norm falls below the tolerance, after the
//! maximum number of steps, or on divergence: a value that is not finite, or
//! |f| grown beyond 1e12 times its size at the start (or 1e12, when the
//! start's |f| is below 1).
//!
//! Invariant: `iterates[k]` is the point after k steps with f and ∇f there;
//! every iterate but the last carries the report of the step taken from it.

use super::{Counted, Evaluations, Objective, Optimizer, OptimizerConfig, StepReport};

/// Growth of |f| beyond which a run counts as diverged.
pub const DIVERGENCE_FACTOR: f64 = 1e12;

/// One point of a run.
#[derive(Clone, Debug)]
pub struct Iterate {
    /// Steps taken to reach this point (0 at the start).
    pub step: usize,
    pub point: Vec<f64>,
    pub f: f64,
    pub gradient: Vec<f64>,
    /// The step taken from here, if one was.
    pub report: Option<StepReport>,
}

/// Why a run stopped.
#[derive(Clone, Debug, PartialEq)]
pub enum Stop {
    /// The gradient's ∞-norm fell below the tolerance.
    Tolerance,
    /// The maximum number of steps was taken.
    MaxSteps,
    /// A value was not finite or f grew too large, at `step`.
    Diverged { step: usize, reason: String },
    /// Ctrl-C, after `step` steps.
    Interrupted { step: usize },
}

impl Stop {
    pub fn name(&self) -> &'static str {
        match self {
            Stop::Tolerance => "tolerance",
            Stop::Interrupted { .. } => "interrupted",
            Stop::MaxSteps => "max_steps",
            Stop::Diverged { .. } => "diverged",
        }
    }
}

#[derive(Clone, Debug)]
pub struct Trajectory {
    pub config: OptimizerConfig,
    pub iterates: Vec<Iterate>,
    pub stop: Stop,
    pub evaluations: Evaluations,
}

impl Trajectory {
    /// The last point reached.
    pub fn last(&self) -> &Iterate {
        &self.iterates[self.iterates.len() - 1]
    }

    /// Steps taken.
    pub fn steps(&self) -> usize {
        self.last().step
    }
}

/// Minimises `objective` from `start` with the optimizer `config`.
pub fn minimize(
    objective: &mut dyn Objective,
    start: Vec<f64>,
    config: OptimizerConfig,
    max_steps: usize,
    tolerance: f64,
) -> Trajectory {
    let mut counted = Counted {
        inner: objective,
        count: Evaluations::default(),
    };
    let _section = crate::interrupt::Interruptible::begin();
    let mut optimizer = Optimizer::new(config, start.len());
    let mut x = start;
    let mut iterates: Vec<Iterate> = Vec::new();
    let mut cached: Option<(Vec<f64>, f64, Vec<f64>)> = None;
    let stop = loop {
        let step = iterates.len();
        // A line search may already have evaluated this point.
        let evaluated = match cached.take() {
            Some((point, f, g)) if point == x => Ok((f, g)),
            _ => counted.value_and_gradient(&x),
        };
        let (f, gradient) = match evaluated {
            Ok(v) => v,
            Err(reason) => break Stop::Diverged { step, reason },
        };
        let start_f = iterates.first().map_or(f, |i| i.f);
        let non_finite = !f.is_finite() || gradient.iter().any(|g| !g.is_finite());
        iterates.push(Iterate {
            step,
            point: x.clone(),
            f,
            gradient: gradient.clone(),
            report: None,
        });
        if non_finite {
            let reason = match gradient.iter().position(|g| !g.is_finite()) {
                Some(k) if f.is_finite() => format!(
                    "component {} of the gradient is {}, not a finite number",
                    k + 1,
                    gradient[k]
                ),
                _ => format!("f = {f} is not a finite number"),
            };
            break Stop::Diverged { step, reason };
        }
        if step > 0 && f.abs() > DIVERGENCE_FACTOR * start_f.abs().max(1.0) {
            let size = crate::number::format_significant(f, 6);
            break Stop::Diverged {
                step,
                reason: if start_f.abs() >= 1.0 {
                    format!(
                        "f = {size} has grown beyond 10¹² times its start ({})",
                        crate::number::format_significant(start_f, 6)
                    )
                } else {
                    format!("|f| = {size} has grown beyond 10¹²")
                },
            };
        }
        if super::linalg::max_abs(&gradient) < tolerance {
            break Stop::Tolerance;
        }
        if step >= max_steps {
            break Stop::MaxSteps;
        }
        if crate::interrupt::requested() {
            break Stop::Interrupted { step };
        }
        let mut remembering = Remember {
            inner: &mut counted,
            last: None,
        };
        let report = optimizer.step(&mut remembering, &mut x, f, &gradient);
        cached = remembering.last.take();
        match report {
            Ok(report) => {
                if let Some(last) = iterates.last_mut() {
                    last.report = Some(report);
                }
            }
            Err(reason) => break Stop::Diverged { step, reason },
        }
    };
    Trajectory {
        config,
        iterates,
        stop,
        evaluations: counted.count,
    }
}

/// Remembers the last point where f and ∇f were evaluated, so the loop need
/// not evaluate the accepted point of a line search twice.
struct Remember<'a, 'b> {
    inner: &'a mut Counted<'b>,
    last: Option<(Vec<f64>, f64, Vec<f64>)>,
}

impl Objective for Remember<'_, '_> {
    fn dimension(&self) -> usize {
        self.inner.dimension()
    }
    fn value_and_gradient(&mut self, x: &[f64]) -> Result<(f64, Vec<f64>), String> {
        let (f, g) = self.inner.value_and_gradient(x)?;
        self.last = Some((x.to_vec(), f, g.clone()));
        Ok((f, g))
    }
    fn value(&mut self, x: &[f64]) -> Result<f64, String> {
        self.inner.value(x)
    }
    fn hessian(&mut self, x: &[f64]) -> Result<super::Matrix, String> {
        self.inner.hessian(x)
    }
}
