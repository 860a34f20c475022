//! A typed function as something to minimise: its value, its symbolic
//! gradient and (when Newton's method asks) its symbolic Hessian.
//!
//! Invariant: the gradient and Hessian are the exact symbolic derivatives
//! of the expression, evaluated at the point asked for.

use super::{Matrix, Objective};
use crate::calculus::derivative;
use crate::expr::{Evaluator, Graph, Id, Point};

pub struct ExpressionObjective {
    pub graph: Graph,
    pub expr: Id,
    pub variables: Vec<String>,
    pub gradient: Vec<Id>,
    hessian: Option<Vec<Vec<Id>>>,
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

    /// The symbolic Hessian, built on first use.
    pub fn hessian_expressions(&mut self) -> &Vec<Vec<Id>> {
        if self.hessian.is_none() {
            let n = self.variables.len();
            let mut h = vec![vec![self.expr; n]; n];
            for (i, &g) in self.gradient.iter().enumerate() {
                for (j, var) in self.variables.iter().enumerate().skip(i) {
                    let second = derivative(&mut self.graph, g, var);
                    h[i][j] = second;
                    h[j][i] = second;
                }
            }
            self.hessian = Some(h);
        }
        self.hessian.get_or_insert_with(Vec::new)
    }

    fn evaluate(&self, roots: &[Id], x: &[f64]) -> Result<Vec<f64>, String> {
        Evaluator::new(&self.graph, roots)
            .evaluate(&self.point(x))
            .map_err(|e| e.to_string())
    }
}

impl Objective for ExpressionObjective {
    fn dimension(&self) -> usize {
        self.variables.len()
    }

    fn value_and_gradient(&mut self, x: &[f64]) -> Result<(f64, Vec<f64>), String> {
        let mut roots = vec![self.expr];
        roots.extend(&self.gradient);
        let values = self.evaluate(&roots, x)?;
        Ok((values[0], values[1..].to_vec()))
    }

    fn value(&mut self, x: &[f64]) -> Result<f64, String> {
        Ok(self.evaluate(&[self.expr], x)?[0])
    }

    fn hessian(&mut self, x: &[f64]) -> Result<Matrix, String> {
        let h = self.hessian_expressions().clone();
        let n = h.len();
        let flat: Vec<Id> = h.iter().flatten().copied().collect();
        let values = self.evaluate(&flat, x)?;
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
        let run = minimize(&mut f, vec![-3.0, 4.0], sgd(0.1), 100, 0.0);
        let x = &run.last().point;
        assert!(
            (x[0] / (-3.0 * 0.8f64.powi(100)) - 1.0).abs() < 1e-12,
            "{x:?}"
        );
        assert!((x[1] / (4.0 * 0.8f64.powi(100)) - 1.0).abs() < 1e-12);
        assert_eq!(run.stop, Stop::MaxSteps);
        let run = minimize(&mut f, vec![-3.0, 4.0], sgd(10.0), 100, 0.0);
        assert!(matches!(run.stop, Stop::Diverged { .. }), "{:?}", run.stop);
    }
}
