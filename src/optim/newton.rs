//! Newton's method: x ← x − H⁻¹∇f with the exact Hessian.
//!
//! Where H is not positive definite, the Newton direction need not descend;
//! stepgrad then adds τI, τ growing from a stated start, until a Cholesky
//! factorisation succeeds (Nocedal & Wright, Algorithm 3.3, "Cholesky with
//! added multiple of the identity") and says so on that step. A backtracking
//! line search is optional and off by default, so the pure method is seen.
//!
//! Invariant: the direction taken is −(H + τI)⁻¹∇f for the τ reported.

use super::linalg::{cholesky, cholesky_solve, dot};
use super::{NewtonConfig, Objective, StateEntry, StateValue, StepReport};
use crate::i18n::Text;
use crate::limits::MAX_HALVINGS;

#[derive(Clone, Debug, Default)]
pub struct Newton;

impl Newton {
    pub fn step(
        &mut self,
        c: &NewtonConfig,
        objective: &mut dyn Objective,
        x: &mut [f64],
        f: f64,
        g: &[f64],
    ) -> Result<StepReport, Text> {
        let h = objective.hessian(x)?;
        let n = x.len();
        let min_diagonal = (0..n).map(|i| h[i][i]).fold(f64::INFINITY, f64::min);
        let mut tau = if min_diagonal > 0.0 {
            0.0
        } else {
            -min_diagonal + c.tau_start
        };
        let mut attempts = 0;
        let factor = loop {
            let shifted: Vec<Vec<f64>> = (0..n)
                .map(|i| {
                    (0..n)
                        .map(|j| h[i][j] + if i == j { tau } else { 0.0 })
                        .collect()
                })
                .collect();
            if let Some(l) = cholesky(&shifted) {
                break l;
            }
            attempts += 1;
            if attempts > 200 || !tau.is_finite() {
                return Err(crate::text!("optim-not-made-definite"));
            }
            tau = (2.0 * tau).max(c.tau_start);
        };
        let minus_g: Vec<f64> = g.iter().map(|v| -v).collect();
        let direction = cholesky_solve(&factor, &minus_g);
        let mut alpha = 1.0;
        let mut notes = Vec::new();
        if tau > 0.0 {
            notes.push(crate::text!(
                "optim-note-not-positive-definite",
                tau = crate::number::format_significant(tau, 6)
            ));
        }
        if c.line_search {
            let slope = dot(g, &direction);
            let mut halvings = 0;
            loop {
                let trial: Vec<f64> = x
                    .iter()
                    .zip(&direction)
                    .map(|(a, d)| a + alpha * d)
                    .collect();
                let ft = objective.value(&trial)?;
                if ft <= f + 1e-4 * alpha * slope || halvings >= MAX_HALVINGS {
                    break;
                }
                alpha *= 0.5;
                halvings += 1;
            }
            if alpha < 1.0 {
                notes.push(crate::text!(
                    "optim-note-shortened",
                    alpha = crate::number::format_significant(alpha, 6)
                ));
            }
        }
        let update: Vec<f64> = direction.iter().map(|d| alpha * d).collect();
        for (xi, u) in x.iter_mut().zip(&update) {
            *xi += u;
        }
        Ok(StepReport {
            update,
            state: vec![
                StateEntry::new("hessian", "H", StateValue::Matrix(h)),
                StateEntry::new("tau", "τ", StateValue::Scalar(tau)),
                StateEntry::new("direction", "p", StateValue::PerVariable(direction)),
                StateEntry::new("step_length", "α", StateValue::Scalar(alpha)),
            ],
            note: super::OptimizerConfig::joined_notes(&notes),
        })
    }
}
