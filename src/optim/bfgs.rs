//! BFGS: a quasi-Newton method that learns an approximation H of the
//! inverse Hessian from the gradients it sees (Nocedal & Wright,
//! Algorithm 6.1).
//!
//! Each step searches along p = −H∇f for a step length α satisfying the
//! strong Wolfe conditions (Algorithms 3.5 and 3.6, c1 = 1e-4, c2 = 0.9),
//! then updates H ← (I − ρsyᵀ)H(I − ρysᵀ) + ρssᵀ with s = x⁺ − x,
//! y = ∇f⁺ − ∇f, ρ = 1/(yᵀs) (eq. 6.17). H starts as I, optionally scaled
//! by yᵀs/yᵀy before the first update (eq. 6.20). When yᵀs ≤ 0 the update
//! is skipped, and the step says so.
//!
//! Invariant: H stays symmetric positive definite (updates need yᵀs > 0).

use super::linalg::{dot, identity, mat_vec, Matrix};
use super::{BfgsConfig, Objective, StateEntry, StateValue, StepReport};
use crate::i18n::Text;
use crate::limits::MAX_LINE_SEARCH;

#[derive(Clone, Debug)]
pub struct Bfgs {
    h: Matrix,
    updates: usize,
}

impl Bfgs {
    pub fn new(n: usize) -> Bfgs {
        Bfgs {
            h: identity(n),
            updates: 0,
        }
    }

    pub fn step(
        &mut self,
        c: &BfgsConfig,
        objective: &mut dyn Objective,
        x: &mut [f64],
        f: f64,
        g: &[f64],
    ) -> Result<StepReport, Text> {
        let mut notes = Vec::new();
        let mut direction: Vec<f64> = mat_vec(&self.h, g).iter().map(|v| -v).collect();
        if dot(g, &direction) >= 0.0 {
            self.h = identity(x.len());
            direction = g.iter().map(|v| -v).collect();
            notes.push(crate::text!("optim-note-reset"));
        }
        let search = strong_wolfe(objective, x, f, g, &direction, c)?;
        let s: Vec<f64> = direction.iter().map(|d| search.alpha * d).collect();
        let y: Vec<f64> = search.gradient.iter().zip(g).map(|(a, b)| a - b).collect();
        let ys = dot(&y, &s);
        if ys > 0.0 {
            if self.updates == 0 && c.scale_initial {
                let scale = ys / dot(&y, &y);
                self.h = identity(x.len())
                    .into_iter()
                    .map(|row| row.into_iter().map(|v| v * scale).collect())
                    .collect();
                notes.push(crate::text!(
                    "optim-note-scaled",
                    value = crate::number::format_significant(scale, 6)
                ));
            }
            self.update(&s, &y, ys);
            self.updates += 1;
        } else {
            notes.push(crate::text!(
                "optim-note-kept",
                value = crate::number::format_significant(ys, 6)
            ));
        }
        if !search.wolfe {
            notes.push(crate::text!("optim-note-not-wolfe"));
        }
        for (xi, si) in x.iter_mut().zip(&s) {
            *xi += si;
        }
        Ok(StepReport {
            update: s,
            state: vec![
                StateEntry::new("direction", "p", StateValue::PerVariable(direction)),
                StateEntry::new("step_length", "α", StateValue::Scalar(search.alpha)),
                StateEntry::new("y_dot_s", "yᵀs", StateValue::Scalar(ys)),
                StateEntry::new(
                    "inverse_hessian",
                    "H⁻¹≈",
                    StateValue::Matrix(self.h.clone()),
                ),
            ],
            note: super::OptimizerConfig::joined_notes(&notes),
        })
    }

    /// H ← (I − ρsyᵀ)H(I − ρysᵀ) + ρssᵀ, expanded as
    /// H − ρ(s(Hy)ᵀ + (Hy)sᵀ) + (ρ²·yᵀHy + ρ)ssᵀ (H symmetric).
    fn update(&mut self, s: &[f64], y: &[f64], ys: f64) {
        let rho = 1.0 / ys;
        let hy = mat_vec(&self.h, y);
        let yhy = dot(y, &hy);
        let n = s.len();
        for i in 0..n {
            for j in 0..n {
                self.h[i][j] +=
                    -rho * (s[i] * hy[j] + hy[i] * s[j]) + (rho * rho * yhy + rho) * s[i] * s[j];
            }
        }
    }
}

/// The result of a line search: the step length, and f and ∇f there.
struct Search {
    alpha: f64,
    gradient: Vec<f64>,
    wolfe: bool,
}

/// Finds α with f(x + αp) ≤ f + c1·α·∇fᵀp and |∇f(x + αp)ᵀp| ≤ c2·|∇fᵀp|
/// (Nocedal & Wright, Algorithm 3.5, with zoom, Algorithm 3.6).
fn strong_wolfe(
    objective: &mut dyn Objective,
    x: &[f64],
    f0: f64,
    g0: &[f64],
    p: &[f64],
    c: &BfgsConfig,
) -> Result<Search, Text> {
    let slope0 = dot(g0, p);
    let mut phi = |alpha: f64| -> Result<(f64, f64, Vec<f64>), Text> {
        let trial: Vec<f64> = x.iter().zip(p).map(|(a, d)| a + alpha * d).collect();
        let (f, g) = objective.value_and_gradient(&trial)?;
        Ok((f, dot(&g, p), g))
    };
    let sufficient = |alpha: f64, f: f64| f <= f0 + c.c1 * alpha * slope0;
    let curvature = |slope: f64| slope.abs() <= -c.c2 * slope0;
    let (mut prev_alpha, mut prev_f, mut prev_slope) = (0.0, f0, slope0);
    let mut alpha = 1.0;
    let mut evaluations = 0;
    let mut best: Option<Search> = None;
    loop {
        let (f, slope, g) = phi(alpha)?;
        evaluations += 1;
        if !f.is_finite() {
            // Overshot into a region where f blows up: come back.
            alpha = 0.5 * (prev_alpha + alpha);
            if evaluations > MAX_LINE_SEARCH {
                break;
            }
            continue;
        }
        if !sufficient(alpha, f) || (evaluations > 1 && f >= prev_f) {
            return zoom(
                &mut phi,
                (prev_alpha, prev_f, prev_slope),
                (alpha, f, slope),
                f0,
                slope0,
                c,
                evaluations,
            );
        }
        if sufficient(alpha, f) {
            best = Some(Search {
                alpha,
                gradient: g.clone(),
                wolfe: false,
            });
        }
        if curvature(slope) {
            return Ok(Search {
                alpha,
                gradient: g,
                wolfe: true,
            });
        }
        if slope >= 0.0 {
            return zoom(
                &mut phi,
                (alpha, f, slope),
                (prev_alpha, prev_f, prev_slope),
                f0,
                slope0,
                c,
                evaluations,
            );
        }
        (prev_alpha, prev_f, prev_slope) = (alpha, f, slope);
        alpha *= 2.0;
        if evaluations > MAX_LINE_SEARCH || alpha > 1e10 {
            break;
        }
    }
    best.ok_or_else(|| crate::text!("optim-no-lower-step"))
}

/// Zooms into [lo, hi] (lo satisfies sufficient decrease with the lower f)
/// by cubic interpolation, safeguarded by bisection.
#[allow(clippy::too_many_arguments)]
fn zoom(
    phi: &mut dyn FnMut(f64) -> Result<(f64, f64, Vec<f64>), Text>,
    mut lo: (f64, f64, f64),
    mut hi: (f64, f64, f64),
    f0: f64,
    slope0: f64,
    c: &BfgsConfig,
    mut evaluations: usize,
) -> Result<Search, Text> {
    let mut best: Option<Search> = None;
    loop {
        let alpha = interpolate(lo, hi);
        let (f, slope, g) = phi(alpha)?;
        evaluations += 1;
        if !f.is_finite() || f > f0 + c.c1 * alpha * slope0 || f >= lo.1 {
            hi = (alpha, f, slope);
        } else {
            if slope.abs() <= -c.c2 * slope0 {
                return Ok(Search {
                    alpha,
                    gradient: g,
                    wolfe: true,
                });
            }
            best = Some(Search {
                alpha,
                gradient: g.clone(),
                wolfe: false,
            });
            if slope * (hi.0 - lo.0) >= 0.0 {
                hi = lo;
            }
            lo = (alpha, f, slope);
        }
        if evaluations > MAX_LINE_SEARCH || (hi.0 - lo.0).abs() < 1e-16 * lo.0.abs().max(1e-16) {
            break;
        }
    }
    match best {
        Some(b) => Ok(b),
        None if lo.0 > 0.0 => {
            let (_, _, g) = phi(lo.0)?;
            Ok(Search {
                alpha: lo.0,
                gradient: g,
                wolfe: false,
            })
        }
        None => Err(crate::text!("optim-no-lower-step")),
    }
}

/// The minimiser of the cubic through (α, φ, φ′) at both ends, kept well
/// inside the interval; bisection when the cubic gives nothing usable.
fn interpolate(lo: (f64, f64, f64), hi: (f64, f64, f64)) -> f64 {
    let (a, fa, da) = lo;
    let (b, fb, db) = hi;
    let d1 = da + db - 3.0 * (fa - fb) / (a - b);
    let radicand = d1 * d1 - da * db;
    let mid = 0.5 * (a + b);
    if radicand < 0.0 || !radicand.is_finite() {
        return mid;
    }
    let d2 = radicand.sqrt() * (b - a).signum();
    let t = b - (b - a) * (db + d2 - d1) / (db - da + 2.0 * d2);
    let (low, high) = (a.min(b), a.max(b));
    let margin = 0.1 * (high - low);
    if t.is_finite() && t > low + margin && t < high - margin {
        t
    } else {
        mid
    }
}
