//! Gradient checking, as Deep Learning from Scratch does it (4.3, 5.7.3):
//! each derivative stepgrad computed — symbolically, or by
//! backpropagation — beside a central-difference estimate of the same
//! function, and their relative difference.
//!
//! The step is h = ε^(1/3)·max(1, |x|) ≈ 6.1·10⁻⁶·max(1, |x|), with ε the
//! spacing of doubles at 1: a central difference is wrong by about
//! f‴·h²/6 from truncation and by about ε·|f|/h from rounding, and this h
//! balances the two (the book's fixed h = 10⁻⁴ does the same for values
//! near 1). The estimate is then good to about ε^(2/3) ≈ 10⁻¹⁰ relative
//! where f is smooth; a larger difference means a wrong derivative, or a
//! kink or a steep stretch within h of the point.
//!
//! Invariant: the estimate is (f(x + h) − f(x − h))/(2h) for the h stated,
//! computed from values of the function alone, never from a derivative.

use crate::expr::{evaluate, Graph, Id, Point};

/// One derivative beside its estimate.
#[derive(Clone, Debug, PartialEq)]
pub struct GradientCheck {
    /// What the derivative is of: a variable (`x`) or a parameter (`w5`).
    pub name: String,
    /// The derivative as stepgrad computed it.
    pub derivative: f64,
    /// The central difference, `None` where f has no finite value at
    /// x ± h.
    pub estimate: Option<f64>,
    /// The step h used.
    pub step: f64,
    /// |derivative − estimate| / max(|derivative|, |estimate|), 0 when
    /// both are 0.
    pub relative: Option<f64>,
}

/// The step for a central difference at `x`: ε^(1/3)·max(1, |x|).
pub fn central_step(x: f64) -> f64 {
    f64::EPSILON.cbrt() * x.abs().max(1.0)
}

/// (f(x + h) − f(x − h))/(2h) with the step of [`central_step`], and the
/// step; the estimate is `None` where `f` has no finite value at x ± h.
pub fn central_difference(mut f: impl FnMut(f64) -> Option<f64>, x: f64) -> (Option<f64>, f64) {
    let h = central_step(x);
    // The step as the floats hold it: (x + h) − (x − h) exactly.
    let (above, below) = (x + h, x - h);
    let estimate = match (f(above), f(below)) {
        (Some(a), Some(b)) if a.is_finite() && b.is_finite() => {
            let value = (a - b) / (above - below);
            value.is_finite().then_some(value)
        }
        _ => None,
    };
    (estimate, h)
}

/// |a − b| / max(|a|, |b|), and 0 when both are 0.
pub fn relative_difference(a: f64, b: f64) -> f64 {
    let scale = a.abs().max(b.abs());
    if scale == 0.0 {
        0.0
    } else {
        (a - b).abs() / scale
    }
}

/// The check of `derivative`, the derivative by `name` of `f` at `x`.
pub fn check_one(
    name: &str,
    derivative: f64,
    f: impl FnMut(f64) -> Option<f64>,
    x: f64,
) -> GradientCheck {
    let (estimate, step) = central_difference(f, x);
    GradientCheck {
        name: name.to_string(),
        derivative,
        estimate,
        step,
        relative: estimate.map(|e| relative_difference(derivative, e)),
    }
}

/// The check of each derivative of `expr` at `point`: `derivatives` holds
/// each variable with the derivative's value there.
pub fn check_expression(
    graph: &Graph,
    expr: Id,
    point: &Point,
    derivatives: &[(String, f64)],
) -> Vec<GradientCheck> {
    derivatives
        .iter()
        .map(|(name, derivative)| {
            let x = point.get(name).unwrap_or(0.0);
            let f = |value: f64| {
                let mut moved = point.clone();
                moved.set(name, value);
                evaluate(graph, expr, &moved).ok()
            };
            check_one(name, *derivative, f, x)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_estimate_of_a_cubic_is_good_to_the_truncation_term() {
        // (x+h)³ − (x−h)³ = 6x²h + 2h³: the estimate is 3x² + h².
        let (estimate, h) = central_difference(|x| Some(x * x * x), 2.0);
        let estimate = estimate.unwrap();
        assert!((estimate - (12.0 + h * h)).abs() < 1e-8, "{estimate}");
        assert_eq!(h, f64::EPSILON.cbrt() * 2.0);
    }

    #[test]
    fn undefined_neighbours_give_no_estimate() {
        let (estimate, _) = central_difference(|x| (x > 0.0).then(|| x.ln()), 0.0);
        assert_eq!(estimate, None);
    }

    #[test]
    fn relative_differences() {
        assert_eq!(relative_difference(0.0, 0.0), 0.0);
        assert_eq!(relative_difference(1.0, 0.5), 0.5);
        assert_eq!(relative_difference(-2.0, 2.0), 2.0);
    }
}
