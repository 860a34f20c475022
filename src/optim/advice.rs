//! What a run that did not end well suggests: why a run that used up its
//! steps has not settled, and what to change after a divergence — read off
//! the run's own numbers, for the report to put into words.
//!
//! Invariant: advice names only quantities the run computed (its points,
//! values, gradients and settings); it never evaluates the objective.

use super::{OptimizerConfig, Trajectory};

/// Why a run that took its maximum of steps is still far from a minimum.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Unsettled {
    /// f grew from the start to the end: the steps overshoot the minimum.
    Grew { from: f64, to: f64 },
    /// Plain gradient descent whose f still goes up on some recent steps.
    StillRising,
    /// Still far, going down: more steps, or for plain gradient descent a
    /// larger learning rate, would go further.
    Far { plain: bool },
}

/// Why the run, stopped after its maximum of steps, is not near a minimum
/// for a method with a learning rate (`None`: its gradient is small, or the
/// method has no rate to blame).
pub fn unsettled(run: &Trajectory, tolerance: f64) -> Option<Unsettled> {
    let last = run.last();
    let norm = super::linalg::max_abs(&last.gradient);
    if norm <= (1e3 * tolerance).max(1e-6) || run.config.lr().is_none() {
        return None;
    }
    let first = &run.iterates[0];
    let recent = &run.iterates[run.iterates.len().saturating_sub(10)..];
    let rose = recent.windows(2).any(|w| w[1].f > w[0].f);
    // Plain gradient descent: no momentum or adaptive scaling, whose steps
    // may rise on the way down.
    let plain = matches!(run.config, OptimizerConfig::Sgd(c) if c.momentum == 0.0);
    Some(if last.f > first.f {
        Unsettled::Grew {
            from: first.f,
            to: last.f,
        }
    } else if rose && plain {
        Unsettled::StillRising
    } else {
        Unsettled::Far { plain }
    })
}

/// What to change after a divergence.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Remedy {
    /// Plain gradient descent whose steps multiplied the gradient by
    /// `ratio` (< −1): on a quadratic of curvature λ = (1 − ratio)/lr it
    /// converges only for rates below `bound` = 2/λ; `try_lr` is 1/λ
    /// rounded down.
    Curvature {
        lr: f64,
        ratio: f64,
        curvature: f64,
        bound: f64,
        try_lr: f64,
    },
    /// The learning rate is too large: try a tenth of it, rounded down.
    SmallerRate { lr: f64, try_lr: f64 },
    /// A full Newton step overshot: a line search, or a closer start.
    NewtonLineSearch,
    /// Start closer, or take small first-order steps.
    StartCloser,
}

/// What a diverged run suggests changing.
pub fn remedy(run: &Trajectory) -> Remedy {
    match (run.config.lr(), curvature(run)) {
        (Some(lr), Some((ratio, curvature))) => Remedy::Curvature {
            lr,
            ratio,
            curvature,
            bound: 2.0 / curvature,
            try_lr: round_down(1.0 / curvature),
        },
        (Some(lr), None) => Remedy::SmallerRate {
            lr,
            try_lr: round_down(lr / 10.0),
        },
        (None, _) if matches!(run.config, OptimizerConfig::Newton(c) if !c.line_search) => {
            Remedy::NewtonLineSearch
        }
        (None, _) => Remedy::StartCloser,
    }
}

/// For plain gradient descent whose steps overshoot: the factor g_k / g_(k−1)
/// of the last finite steps (negative: the gradient flips) and the
/// curvature λ it implies, from g_k = (1 − lr·λ)·g_(k−1) on a quadratic.
fn curvature(run: &Trajectory) -> Option<(f64, f64)> {
    let OptimizerConfig::Sgd(c) = run.config else {
        return None;
    };
    if c.momentum != 0.0 || c.weight_decay != 0.0 {
        return None;
    }
    let finite: Vec<&[f64]> = run
        .iterates
        .iter()
        .map(|i| i.gradient.as_slice())
        .filter(|g| g.iter().all(|v| v.is_finite()))
        .collect();
    let [.., before, last] = finite.as_slice() else {
        return None;
    };
    let dot: f64 = before.iter().zip(*last).map(|(a, b)| a * b).sum();
    let norm = |g: &[f64]| g.iter().map(|v| v * v).sum::<f64>().sqrt();
    if dot >= 0.0 || norm(before) == 0.0 {
        return None;
    }
    let ratio = -norm(last) / norm(before);
    let curvature = (1.0 - ratio) / c.lr;
    (ratio < -1.0 && curvature.is_finite()).then_some((ratio, curvature))
}

/// `x` rounded down to 1, 2 or 5 times a power of ten.
fn round_down(x: f64) -> f64 {
    let power = 10f64.powf(x.log10().floor());
    [5.0, 2.0, 1.0]
        .iter()
        .map(|m| m * power)
        .find(|&v| v <= x * (1.0 + 1e-12))
        .unwrap_or(power)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_are_rounded_down() {
        assert_eq!(round_down(1.0), 1.0);
        assert_eq!(round_down(0.3), 0.2);
        assert_eq!(round_down(1.0 / 14.0), 0.05);
        assert_eq!(round_down(0.0099), 0.005);
    }
}
