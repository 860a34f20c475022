//! The one optimisation driver: every update of `minimize`, `net` and
//! `train` is made by a [`Descent`], and the full-batch runs of `minimize`
//! and `net` are one loop, [`drive`].
//!
//! A [`Descent`] is an optimizer with the divergence rule
//! (`divergence::Watch`) and the cancellation token: at each checkpoint it
//! judges the objective's value and gradient, and each update is the
//! optimizer's step followed by the rule on the new point. `drive`
//! evaluates, checks, keeps and steps: it stops when the gradient's ∞-norm
//! falls below the tolerance, after the maximum number of steps, at Ctrl-C,
//! or on divergence. `train` walks its epochs and batches itself
//! (`training`), with the same `Descent` for every batch's update and every
//! epoch's end.
//!
//! A start where f or ∇f (or, for Newton's method, ∇²f) has no finite
//! value is not a divergence: no step was taken, so the fault is the
//! start's, and `drive` returns [`UndefinedStart`] instead of a run.
//!
//! What a run keeps of the points it reaches is its [`Problem`]'s affair:
//! `minimize` keeps the first and the last of its points
//! (`history::Kept`, within `limits::MAX_LISTED_RECORDS` points and
//! `limits::MAX_KEPT_VALUES` numbers), the count of those left out between
//! them, and for a function of one or two variables a thinned path over
//! the whole run for pictures; `net` keeps its step records.
//!
//! Invariant: a returned run has reached its start; each point handed to
//! the problem is the point after `step` steps with f and ∇f there (all
//! finite, but at a divergence); every step reported was taken from the
//! last point handed over, and points come in step order.

use super::divergence::{Divergence, FunctionWords, Watch, Words};
use super::history::{Gap, Kept, Thinned};
use super::{
    Counted, Evaluations, Matrix, Moved, Objective, Optimizer, OptimizerConfig, StepReport,
};
use crate::i18n::Text;
use crate::interrupt::Cancel;
use crate::limits::{MAX_KEPT_VALUES, MAX_LISTED_RECORDS, MAX_PLOT_POINTS};

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

impl Iterate {
    /// ‖∇f‖∞ here: the gradient's largest component in size.
    pub fn gradient_norm(&self) -> f64 {
        super::linalg::max_abs(&self.gradient)
    }
}

/// Why a run stopped.
#[derive(Clone, Debug, PartialEq)]
pub enum Stop {
    /// The gradient's ∞-norm fell below the tolerance.
    Tolerance,
    /// The maximum number of steps was taken.
    MaxSteps,
    /// A value was not finite or f grew too large, at `step`.
    Diverged { step: usize, reason: Text },
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

/// When a run stops, besides a divergence and Ctrl-C.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Stopping {
    pub max_steps: usize,
    /// Stop once every component of the gradient is below this (0: never).
    pub tolerance: f64,
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
    pub reason: Text,
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

/// An optimizer under the divergence rule and the cancellation token: the
/// one way every run updates its point.
pub struct Descent<'a> {
    optimizer: Optimizer,
    watch: Watch,
    cancel: &'a Cancel,
}

/// Why an update was not made.
#[derive(Clone, Debug, PartialEq)]
pub enum Halt {
    Diverged(Divergence),
    /// Ctrl-C came while the optimizer evaluated the objective.
    Interrupted,
}

impl<'a> Descent<'a> {
    pub fn new(config: OptimizerConfig, dimension: usize, cancel: &'a Cancel) -> Descent<'a> {
        Descent {
            optimizer: Optimizer::new(config, dimension),
            watch: Watch::new(),
            cancel,
        }
    }

    pub fn config(&self) -> OptimizerConfig {
        self.optimizer.config
    }

    /// Sets the learning rate of the steps to come (a schedule's), keeping
    /// the optimizer's state.
    pub fn set_lr(&mut self, lr: f64) {
        self.optimizer.config = self.optimizer.config.with_lr(lr);
    }

    /// The objective's value and gradient at a checkpoint (the start
    /// first), under the divergence rule.
    pub fn checkpoint(&mut self, f: f64, gradient: &[f64]) -> Result<(), Divergence> {
        self.watch.checkpoint(f, gradient)
    }

    /// Whether Ctrl-C asked the run to stop.
    pub fn cancelled(&self) -> bool {
        self.cancel.is_requested()
    }

    /// Why a step that failed for `reason` ends the run: Ctrl-C, when it
    /// was pressed meanwhile, else the optimizer's failure.
    fn halt(&self, reason: Text) -> Halt {
        match self.cancel.is_requested() {
            true => Halt::Interrupted,
            false => Halt::Diverged(Divergence::Failed(reason)),
        }
    }

    /// Moves `x` by one step of the optimizer, from f(x) and ∇f(x) (already
    /// judged finite); the new point is judged by [`Descent::moved`].
    pub fn update(
        &mut self,
        objective: &mut dyn Objective,
        x: &mut [f64],
        f: f64,
        gradient: &[f64],
    ) -> Result<StepReport, Halt> {
        self.optimizer
            .step(objective, x, f, gradient)
            .map_err(|reason| self.halt(reason))
    }

    /// `update` without the step's report (what training keeps), which
    /// plain SGD makes without allocating, judging the new point as it
    /// moves.
    pub fn advance(
        &mut self,
        objective: &mut dyn Objective,
        x: &mut [f64],
        f: f64,
        gradient: &[f64],
    ) -> Result<Moved, Halt> {
        self.optimizer
            .advance(objective, x, f, gradient)
            .map_err(|reason| self.halt(reason))
    }

    /// The point after an update, under the divergence rule.
    pub fn moved(&self, x: &[f64]) -> Result<(), Divergence> {
        Watch::point(x)
    }
}

/// What the driver solves: an objective, and what is kept of the points
/// reached and the steps taken from them.
pub trait Problem {
    fn objective(&mut self) -> &mut dyn Objective;
    /// A point reached: f and ∇f there.
    fn reached(&mut self, iterate: Iterate);
    /// The step taken from the last point reached.
    fn stepped(&mut self, report: StepReport);
}

/// How a run the driver made ended.
#[derive(Clone, Debug)]
pub struct Ended {
    pub stop: Stop,
    pub evaluations: Evaluations,
    /// The point the run stopped at (after its last update).
    pub point: Vec<f64>,
}

/// Minimises `problem` from `start` with the optimizer `config` until
/// `stopping`, Ctrl-C or a divergence (said in the run's `words`); a start
/// without finite values to step from is refused.
pub fn drive(
    problem: &mut dyn Problem,
    start: Vec<f64>,
    config: OptimizerConfig,
    stopping: Stopping,
    words: &dyn Words,
    cancel: &Cancel,
) -> Result<Ended, UndefinedStart> {
    let _listening = cancel.listen();
    let mut descent = Descent::new(config, start.len(), cancel);
    let mut evaluations = Evaluations::default();
    let mut x = start;
    let mut step = 0;
    // A line search may already have evaluated the point stepped to.
    let mut cached: Option<(Vec<f64>, f64, Vec<f64>)> = None;
    let stop = loop {
        let evaluated = match cached.take() {
            Some((point, f, g)) if point == x => Ok((f, g)),
            _ => counted(problem.objective(), &mut evaluations).value_and_gradient(&x),
        };
        let (f, gradient) = match evaluated {
            Ok(evaluated) => evaluated,
            Err(reason) if step == 0 => {
                return Err(UndefinedStart {
                    reason,
                    hessian: false,
                })
            }
            Err(reason) => break Stop::Diverged { step, reason },
        };
        let verdict = descent.checkpoint(f, &gradient);
        if let (0, Err(d)) = (step, &verdict) {
            return Err(undefined(d, words));
        }
        problem.reached(Iterate {
            step,
            point: x.clone(),
            f,
            gradient: gradient.clone(),
            report: None,
        });
        if let Err(d) = verdict {
            break diverged(step, &d, words);
        }
        if super::linalg::max_abs(&gradient) < stopping.tolerance {
            break Stop::Tolerance;
        }
        if step >= stopping.max_steps {
            break Stop::MaxSteps;
        }
        if descent.cancelled() {
            break Stop::Interrupted { step };
        }
        let hessian = match step == 0 && matches!(config, OptimizerConfig::Newton(_)) {
            true => Some((x.clone(), start_hessian(problem.objective(), &x)?)),
            false => None,
        };
        evaluations.hessian += usize::from(hessian.is_some());
        let mut remembering = Remember {
            inner: counted(problem.objective(), &mut evaluations),
            last: None,
            hessian,
        };
        let report = descent.update(&mut remembering, &mut x, f, &gradient);
        cached = remembering.last.take();
        match report {
            Ok(report) => problem.stepped(report),
            Err(Halt::Interrupted) => break Stop::Interrupted { step },
            Err(Halt::Diverged(d)) => break diverged(step, &d, words),
        }
        step += 1;
        if let Err(d) = descent.moved(&x) {
            break diverged(step, &d, words);
        }
    };
    Ok(Ended {
        stop,
        evaluations,
        point: x,
    })
}

fn counted<'a>(objective: &'a mut dyn Objective, count: &'a mut Evaluations) -> Counted<'a> {
    Counted {
        inner: objective,
        count,
    }
}

fn undefined(d: &Divergence, words: &dyn Words) -> UndefinedStart {
    UndefinedStart {
        reason: d.describe(words),
        hessian: false,
    }
}

fn diverged(step: usize, d: &Divergence, words: &dyn Words) -> Stop {
    Stop::Diverged {
        step,
        reason: d.describe(words),
    }
}

/// Minimises `objective`, a function of `variables`, from `start` with the
/// optimizer `config`; a start without finite values to step from is
/// refused.
pub fn minimize(
    objective: &mut dyn Objective,
    start: Vec<f64>,
    config: OptimizerConfig,
    stopping: Stopping,
    cancel: &Cancel,
) -> Result<Trajectory, UndefinedStart> {
    let dimension = start.len();
    let mut kept = KeptPoints {
        objective,
        dimension,
        iterates: Kept::new(kept_points(config, dimension)),
        path: Thinned::new(MAX_PLOT_POINTS),
        notes_left_out: 0,
    };
    let words = FunctionWords { variables: &[] };
    let ended = drive(&mut kept, start, config, stopping, &words, cancel)?;
    let path_stride = kept.path.stride();
    let (iterates, gap) = kept.iterates.into_parts();
    Ok(Trajectory {
        config,
        iterates,
        gap,
        notes_left_out: kept.notes_left_out,
        path: kept.path.into_vec().into_iter().map(|(_, it)| it).collect(),
        path_stride,
        stop: ended.stop,
        evaluations: ended.evaluations,
    })
}

/// What `minimize` keeps of a run: the first and the last points, the
/// notes of those left out, and a path for pictures.
struct KeptPoints<'a> {
    objective: &'a mut dyn Objective,
    dimension: usize,
    iterates: Kept<Iterate>,
    path: Thinned<Iterate>,
    notes_left_out: usize,
}

impl Problem for KeptPoints<'_> {
    fn objective(&mut self) -> &mut dyn Objective {
        self.objective
    }

    fn reached(&mut self, iterate: Iterate) {
        if self.dimension <= 2 {
            self.path.push(iterate.step, iterate.clone());
        }
        if let Some(left_out) = self.iterates.push(iterate) {
            let noted = left_out.report.is_some_and(|r| r.note.is_some());
            self.notes_left_out += usize::from(noted);
        }
    }

    fn stepped(&mut self, report: StepReport) {
        if let Some(last) = self.iterates.last_mut() {
            last.report = Some(report);
        }
    }
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

/// The Hessian at the start, which Newton's method steps with: refused when
/// it has no finite value there.
fn start_hessian(objective: &mut dyn Objective, x: &[f64]) -> Result<Matrix, UndefinedStart> {
    let refused = |reason: Text| UndefinedStart {
        reason,
        hessian: true,
    };
    let h = objective.hessian(x).map_err(refused)?;
    for (i, row) in h.iter().enumerate() {
        if let Some(j) = row.iter().position(|v| !v.is_finite()) {
            return Err(refused(crate::text!(
                "optim-hessian-entry",
                row = (i + 1).to_string(),
                column = (j + 1).to_string(),
                value = row[j].to_string()
            )));
        }
    }
    Ok(h)
}

/// Remembers the last point where f and ∇f were evaluated, so the loop need
/// not evaluate the accepted point of a line search twice; and hands over
/// the Hessian already evaluated at the start, so it is not evaluated again.
struct Remember<'a> {
    inner: Counted<'a>,
    last: Option<(Vec<f64>, f64, Vec<f64>)>,
    hessian: Option<(Vec<f64>, Matrix)>,
}

impl Objective for Remember<'_> {
    fn dimension(&self) -> usize {
        self.inner.dimension()
    }
    fn value_and_gradient(&mut self, x: &[f64]) -> Result<(f64, Vec<f64>), Text> {
        let (f, g) = self.inner.value_and_gradient(x)?;
        self.last = Some((x.to_vec(), f, g.clone()));
        Ok((f, g))
    }
    fn value(&mut self, x: &[f64]) -> Result<f64, Text> {
        self.inner.value(x)
    }
    fn hessian(&mut self, x: &[f64]) -> Result<Matrix, Text> {
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
