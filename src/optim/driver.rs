//! The minimisation loop: evaluate, check the stopping criteria, step.
//!
//! It stops when the gradient's ∞-norm falls below the tolerance, after the
//! maximum number of steps, or on divergence: a value that is not finite, or
//! |f| grown beyond 1e12 times its size at the start (or 1e12, when the
//! start's |f| is below 1).
//!
//! A start where f or ∇f (or, for Newton's method, ∇²f) has no finite
//! value is not a divergence: no step was taken, so the fault is the
//! start's, and `minimize` returns [`UndefinedStart`] instead of a run.
//!
//! A long run keeps the first and the last of its points (`history::Kept`,
//! within `limits::MAX_LISTED_RECORDS` points and `limits::MAX_KEPT_VALUES`
//! numbers), the count of those left out between them, and for a function
//! of one or two variables a thinned path over the whole run for pictures.
//!
//! Invariant: a returned run has at least one iterate; each kept iterate is
//! the point after `step` steps with f and ∇f there (all finite at the
//! start); every iterate but the last carries the report of the step taken
//! from it; kept iterates are in step order, and the last is the point the
//! run reached.

use super::{Counted, Evaluations, Matrix, Objective, Optimizer, OptimizerConfig, StepReport};
use crate::history::{Gap, Kept, Thinned};
use crate::limits::{MAX_KEPT_VALUES, MAX_LISTED_RECORDS, MAX_PLOT_POINTS};

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
    /// The points kept: every one while they fit, else the first and the
    /// last, with `gap` between them.
    pub iterates: Vec<Iterate>,
    /// The points left out between the kept ones.
    pub gap: Option<Gap>,
    /// Notes (τ added, an update skipped, …) of the steps left out.
    pub notes_left_out: usize,
    /// For a function of one or two variables, the points of the whole run
    /// for a picture (without step reports): every one, or every
    /// `path_stride`-th and the last.
    pub path: Vec<Iterate>,
    pub path_stride: usize,
    pub stop: Stop,
    pub evaluations: Evaluations,
}

/// Why a run could not start: at the start point f, ∇f or (for Newton's
/// method) ∇²f has no finite value. No step was taken.
#[derive(Clone, Debug, PartialEq)]
pub struct UndefinedStart {
    /// Which value has none and why, in the objective's words (for an
    /// expression: "∂f/∂x is undefined: 1/(2·√x) is undefined here: …").
    pub reason: String,
    /// Whether the value is the Hessian, which only Newton's method needs.
    pub hessian: bool,
}

impl Trajectory {
    /// The last point reached.
    pub fn last(&self) -> &Iterate {
        // invariant: `minimize` returns a run only once the start is an
        // iterate (an undefined start is an `UndefinedStart` instead).
        &self.iterates[self.iterates.len() - 1]
    }

    /// Steps taken.
    pub fn steps(&self) -> usize {
        self.last().step
    }
}

/// Minimises `objective` from `start` with the optimizer `config`; a start
/// without finite values to step from is refused.
pub fn minimize(
    objective: &mut dyn Objective,
    start: Vec<f64>,
    config: OptimizerConfig,
    max_steps: usize,
    tolerance: f64,
) -> Result<Trajectory, UndefinedStart> {
    let mut counted = Counted {
        inner: objective,
        count: Evaluations::default(),
    };
    let _section = crate::interrupt::Interruptible::begin();
    let dimension = start.len();
    let mut optimizer = Optimizer::new(config, dimension);
    let mut x = start;
    let mut iterates: Kept<Iterate> = Kept::new(kept_points(config, dimension));
    let mut path: Thinned<Iterate> = Thinned::new(MAX_PLOT_POINTS);
    let mut notes_left_out = 0;
    let mut start_f = None;
    let mut cached: Option<(Vec<f64>, f64, Vec<f64>)> = None;
    // Each point, as it is reached: kept or not, and drawn.
    let mut reached = |iterates: &mut Kept<Iterate>, iterate: Iterate| {
        if dimension <= 2 {
            path.push(iterate.step, iterate.clone());
        }
        if let Some(left_out) = iterates.push(iterate) {
            notes_left_out += usize::from(left_out.report.is_some_and(|r| r.note.is_some()));
        }
    };
    let stop = loop {
        let step = iterates.total();
        // A line search may already have evaluated this point.
        let evaluated = match cached.take() {
            Some((point, f, g)) if point == x => Ok((f, g)),
            _ => counted.value_and_gradient(&x),
        };
        let (f, gradient) = match evaluated {
            Ok(v) => v,
            Err(reason) if step == 0 => {
                return Err(UndefinedStart {
                    reason,
                    hessian: false,
                })
            }
            Err(reason) => break Stop::Diverged { step, reason },
        };
        if let Some(reason) = non_finite_value(f, &gradient) {
            if step == 0 {
                return Err(UndefinedStart {
                    reason,
                    hessian: false,
                });
            }
            let iterate = Iterate {
                step,
                point: x.clone(),
                f,
                gradient,
                report: None,
            };
            reached(&mut iterates, iterate);
            break Stop::Diverged { step, reason };
        }
        let start_f = *start_f.get_or_insert(f);
        let iterate = Iterate {
            step,
            point: x.clone(),
            f,
            gradient: gradient.clone(),
            report: None,
        };
        reached(&mut iterates, iterate);
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
        let start_hessian = if step == 0 && matches!(config, OptimizerConfig::Newton(_)) {
            Some((x.clone(), start_hessian(&mut counted, &x)?))
        } else {
            None
        };
        let mut remembering = Remember {
            inner: &mut counted,
            last: None,
            hessian: start_hessian,
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
    let path_stride = path.stride();
    let (iterates, gap) = iterates.into_parts();
    Ok(Trajectory {
        config,
        iterates,
        gap,
        notes_left_out,
        path: path.into_vec().into_iter().map(|(_, it)| it).collect(),
        path_stride,
        stop,
        evaluations: counted.count,
    })
}

/// How many points a run keeps: `MAX_LISTED_RECORDS`, or fewer when each
/// holds many numbers (a point, its gradient and update, the optimizer's
/// vectors, and for Newton's method and BFGS an n×n matrix), so that they
/// hold at most `MAX_KEPT_VALUES`.
fn kept_points(config: OptimizerConfig, dimension: usize) -> usize {
    let matrix = if config.is_second_order() {
        dimension.saturating_mul(dimension)
    } else {
        0
    };
    let per_point = dimension.saturating_mul(8).saturating_add(matrix).max(1);
    (MAX_KEPT_VALUES / per_point).clamp(2, MAX_LISTED_RECORDS)
}

/// What is not finite among f and ∇f, if anything.
fn non_finite_value(f: f64, gradient: &[f64]) -> Option<String> {
    if !f.is_finite() {
        return Some(format!("f = {f} is not a finite number"));
    }
    let k = gradient.iter().position(|g| !g.is_finite())?;
    Some(format!(
        "component {} of the gradient is {}, not a finite number",
        k + 1,
        gradient[k]
    ))
}

/// The Hessian at the start, which Newton's method steps with: refused when
/// it has no finite value there.
fn start_hessian(objective: &mut dyn Objective, x: &[f64]) -> Result<Matrix, UndefinedStart> {
    let refused = |reason: String| UndefinedStart {
        reason,
        hessian: true,
    };
    let h = objective.hessian(x).map_err(refused)?;
    for (i, row) in h.iter().enumerate() {
        if let Some(j) = row.iter().position(|v| !v.is_finite()) {
            return Err(refused(format!(
                "entry ({}, {}) of the Hessian is {}, not a finite number",
                i + 1,
                j + 1,
                row[j]
            )));
        }
    }
    Ok(h)
}

/// Remembers the last point where f and ∇f were evaluated, so the loop need
/// not evaluate the accepted point of a line search twice; and hands over
/// the Hessian already evaluated at the start, so it is not evaluated again.
struct Remember<'a, 'b> {
    inner: &'a mut Counted<'b>,
    last: Option<(Vec<f64>, f64, Vec<f64>)>,
    hessian: Option<(Vec<f64>, Matrix)>,
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
    fn hessian(&mut self, x: &[f64]) -> Result<Matrix, String> {
        match self.hessian.take() {
            Some((point, h)) if point == x => Ok(h),
            _ => self.inner.hessian(x),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::optim::{BfgsConfig, Hyperparameters};

    #[test]
    fn points_holding_many_numbers_are_kept_fewer() {
        let sgd = OptimizerConfig::from_name("sgd", &Hyperparameters::default()).unwrap();
        assert_eq!(kept_points(sgd, 1), MAX_LISTED_RECORDS);
        // 8 numbers per variable: 1,000,000 / 3,200 = 312 points.
        assert_eq!(kept_points(sgd, 400), 312);
        let bfgs = OptimizerConfig::Bfgs(BfgsConfig {
            scale_initial: false,
            c1: 1e-4,
            c2: 0.9,
        });
        // And an n×n matrix: 1,000,000 / (3,200 + 160,000) = 6.
        assert_eq!(kept_points(bfgs, 400), 6);
        // Never fewer than the first and the last.
        assert_eq!(kept_points(bfgs, 2000), 2);
    }
}
