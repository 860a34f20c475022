//! A typed function as something to minimise: its value, its symbolic
//! gradient and (when Newton's method asks) its symbolic Hessian.
//!
//! Where a value has none (outside the domain, or an overflow), the error
//! names which one — f, ∂f/∂x or ∂²f/∂x∂y — and the subexpression at fault.
//!
//! Invariant: the gradient and Hessian are the exact symbolic derivatives
//! of the expression, evaluated at the point asked for; the Hessian is
//! built within `limits::MAX_HESSIAN_SIZE` or not at all.

use super::{Matrix, Objective};
use crate::calculus::{derivative, hessian_within, HessianTooLarge};
use crate::expr::{EvalError, Evaluator, Graph, Id, Point};
use crate::i18n::Text;

pub struct ExpressionObjective {
    pub graph: Graph,
    pub expr: Id,
    pub variables: Vec<String>,
    pub gradient: Vec<Id>,
    hessian: Option<Result<Vec<Vec<Id>>, HessianTooLarge>>,
}

impl ExpressionObjective {
    /// The objective `expr` of `variables` (in the order points list them).
    pub fn new(mut graph: Graph, expr: Id, variables: Vec<String>) -> ExpressionObjective {
        let gradient = variables
            .iter()
            .map(|v| derivative(&mut graph, expr, v))
            .collect();
        ExpressionObjective {
            graph,
            expr,
            variables,
            gradient,
            hessian: None,
        }
    }

    pub fn point(&self, x: &[f64]) -> Point {
        Point::new(
            self.variables
                .iter()
                .cloned()
                .zip(x.iter().copied())
                .collect(),
        )
    }

    /// f itself as a function of a point (`None` where it has no value),
    /// for the pictures of a run.
    pub fn function(&self) -> impl Fn(&[f64]) -> Option<f64> + '_ {
        let evaluator = Evaluator::new(&self.graph, &[self.expr]);
        move |x: &[f64]| evaluator.evaluate(&self.point(x)).ok().map(|v| v[0])
    }

    /// The symbolic Hessian, built on first use within
    /// `limits::MAX_HESSIAN_SIZE` (a Hessian that would pass it is refused
    /// at once, and again at every later call).
    pub fn hessian_expressions(&mut self) -> Result<&[Vec<Id>], HessianTooLarge> {
        let built = self.hessian.get_or_insert_with(|| {
            hessian_within(
                &mut self.graph,
                self.expr,
                &self.gradient,
                &self.variables,
                crate::limits::MAX_HESSIAN_SIZE,
            )
        });
        match built {
            Ok(h) => Ok(h),
            Err(refused) => Err(refused.clone()),
        }
    }

    /// The values of `roots` at `x`; `label(k)` names root k ("f",
    /// "∂f/∂x", …) for the error, which names the first root without a value.
    fn evaluate(
        &self,
        roots: &[Id],
        x: &[f64],
        label: impl Fn(usize) -> String,
    ) -> Result<Vec<f64>, Text> {
        let point = self.point(x);
        Evaluator::new(&self.graph, roots)
            .evaluate(&point)
            .map_err(|error| {
                let k = self.first_failing_root(roots, &point);
                let own = Evaluator::new(&self.graph, &roots[k..=k]).evaluate(&point);
                match own {
                    Err(e) => without_value(&label(k), &e),
                    Ok(_) => error.text(),
                }
            })
    }

    /// The first of `roots` without a value at `point`, when together they
    /// have none. Evaluated together, roots fail at the first bad node of
    /// any of them, so the failing prefix is found by bisection: a prefix
    /// fails exactly when one of its roots does.
    fn first_failing_root(&self, roots: &[Id], point: &Point) -> usize {
        let fails = |len: usize| {
            Evaluator::new(&self.graph, &roots[..len])
                .evaluate(point)
                .is_err()
        };
        // The shortest failing prefix lies in (lo, hi]. invariant: the
        // whole of `roots` fails, so hi ≥ 1 throughout.
        let (mut lo, mut hi) = (0, roots.len());
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2;
            if fails(mid) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        hi - 1
    }

    /// "∂f/∂x", the name of the gradient's component `k`.
    fn gradient_label(&self, k: usize) -> String {
        format!("∂f/∂{}", self.variables[k])
    }

    /// "∂²f/∂x²" or "∂²f/∂x∂y", the name of the Hessian's entry (i, j).
    fn hessian_label(&self, i: usize, j: usize) -> String {
        if i == j {
            format!("∂²f/∂{}²", self.variables[i])
        } else {
            format!("∂²f/∂{}∂{}", self.variables[i], self.variables[j])
        }
    }
}

/// "f is undefined: …" or "f overflows: …": a value without one, and why.
fn without_value(label: &str, error: &EvalError) -> Text {
    match error {
        EvalError::Overflow { .. } => {
            crate::text!("optim-overflows", label = label, error = error.text())
        }
        _ => crate::text!("optim-undefined", label = label, error = error.text()),
    }
}

impl Objective for ExpressionObjective {
    fn dimension(&self) -> usize {
        self.variables.len()
    }

    fn value_and_gradient(&mut self, x: &[f64]) -> Result<(f64, Vec<f64>), Text> {
        let mut roots = vec![self.expr];
        roots.extend(&self.gradient);
        let label = |k: usize| match k {
            0 => "f".to_string(),
            k => self.gradient_label(k - 1),
        };
        let values = self.evaluate(&roots, x, label)?;
        Ok((values[0], values[1..].to_vec()))
    }

    fn value(&mut self, x: &[f64]) -> Result<f64, Text> {
        Ok(self.evaluate(&[self.expr], x, |_| "f".to_string())?[0])
    }

    fn hessian(&mut self, x: &[f64]) -> Result<Matrix, Text> {
        let h = self
            .hessian_expressions()
            .map_err(|refused| refused.text())?
            .to_vec();
        let n = h.len();
        let flat: Vec<Id> = h.iter().flatten().copied().collect();
        let values = self.evaluate(&flat, x, |k| self.hessian_label(k / n, k % n))?;
        Ok((0..n)
            .map(|i| values[i * n..(i + 1) * n].to_vec())
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::expr::parse;
    use crate::optim::{minimize, OptimizerConfig, SgdConfig, Stop};

    fn objective(text: &str) -> ExpressionObjective {
        let mut g = Graph::new();
        let e = parse(&mut g, text).unwrap();
        let vars = g.variables(e);
        ExpressionObjective::new(g, e, vars)
    }

    fn sgd(lr: f64) -> OptimizerConfig {
        OptimizerConfig::Sgd(SgdConfig {
            lr,
            momentum: 0.0,
            dampening: 0.0,
            nesterov: false,
            weight_decay: 0.0,
        })
    }

    /// Saito, Deep Learning from Scratch, ch. 4: x ← x − lr·∇f on
    /// f = x0² + x1² from (−3, 4), 100 steps.
    #[test]
    fn gradient_descent_on_a_bowl() {
        let mut f = objective("x0^2 + x1^2");
        let cancel = crate::interrupt::Cancel::new();
        let hundred = crate::optim::Stopping {
            max_steps: 100,
            tolerance: 0.0,
        };
        let run = minimize(&mut f, vec![-3.0, 4.0], sgd(0.1), hundred, &cancel).unwrap();
        let x = &run.last().point;
        assert!(
            (x[0] / (-3.0 * 0.8f64.powi(100)) - 1.0).abs() < 1e-12,
            "{x:?}"
        );
        assert!((x[1] / (4.0 * 0.8f64.powi(100)) - 1.0).abs() < 1e-12);
        assert_eq!(run.stop, Stop::MaxSteps);
        let run = minimize(&mut f, vec![-3.0, 4.0], sgd(10.0), hundred, &cancel).unwrap();
        assert!(matches!(run.stop, Stop::Diverged { .. }), "{:?}", run.stop);
    }
}
