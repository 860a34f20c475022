//! What `diff` computes for one expression: a derivation by each variable
//! asked for, the Hessian over them when asked (within
//! `limits::MAX_HESSIAN_SIZE`, estimated before it is built), and the
//! values of all of them at a point.
//!
//! Invariant: the derivatives are those of `differentiate`, the Hessian's
//! entries the derivatives of those derivatives, and the values at a point
//! are all finite or none is returned.

use super::{check_hessian_estimate, differentiate, hessian_within, Derivation, HessianTooLarge};
use crate::expr::{EvalError, Evaluator, Graph, Id, Point};
use crate::limits::MAX_HESSIAN_SIZE;

/// The derivatives of an expression by some of its variables.
pub struct Derivatives {
    /// One derivation per variable, in the order asked.
    pub derivations: Vec<Derivation>,
    /// ∂²f/∂xᵢ∂xⱼ over the same variables, when asked for.
    pub hessian: Option<Vec<Vec<Id>>>,
}

/// The values of an expression and its derivatives at a point.
pub struct PointValues {
    pub value: f64,
    /// In the order of the derivations.
    pub derivatives: Vec<f64>,
    /// Row by row, when the Hessian was asked for.
    pub hessian: Option<Vec<Vec<f64>>>,
}

/// Differentiates `expr` by each of `variables`, and with `hessian` a
/// second time, within the Hessian's limit.
pub fn derivatives(
    graph: &mut Graph,
    expr: Id,
    variables: &[String],
    hessian: bool,
) -> Result<Derivatives, HessianTooLarge> {
    if hessian {
        check_hessian_estimate(graph, expr, variables.len(), MAX_HESSIAN_SIZE)?;
    }
    let derivations: Vec<Derivation> = variables
        .iter()
        .map(|v| differentiate(graph, expr, v))
        .collect();
    let hessian = match hessian {
        true => {
            let gradient: Vec<Id> = derivations.iter().map(|d| d.result).collect();
            Some(hessian_within(
                graph,
                expr,
                &gradient,
                variables,
                MAX_HESSIAN_SIZE,
            )?)
        }
        false => None,
    };
    Ok(Derivatives {
        derivations,
        hessian,
    })
}

impl Derivatives {
    /// The values of `expr` and of these derivatives at `point`.
    pub fn at(&self, graph: &Graph, expr: Id, point: &Point) -> Result<PointValues, EvalError> {
        let mut roots = vec![expr];
        roots.extend(self.derivations.iter().map(|d| d.result));
        if let Some(h) = &self.hessian {
            roots.extend(h.iter().flatten().copied());
        }
        let values = Evaluator::new(graph, &roots).evaluate(point)?;
        let n = self.derivations.len();
        Ok(PointValues {
            value: values[0],
            derivatives: values[1..=n].to_vec(),
            hessian: self.hessian.as_ref().map(|h| {
                values[1 + n..]
                    .chunks(h.len().max(1))
                    .map(<[f64]>::to_vec)
                    .collect()
            }),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_of_the_derivatives_of_a_product() {
        // f = x²·y: ∂f/∂x = 2xy, ∂f/∂y = x², ∂²f/∂x² = 2y, ∂²f/∂x∂y = 2x.
        let mut graph = Graph::new();
        let expr = crate::expr::parse(&mut graph, "x^2*y").unwrap();
        let names = ["x".to_string(), "y".to_string()];
        let d = derivatives(&mut graph, expr, &names, true).unwrap();
        let point = Point::new(vec![("x".into(), 3.0), ("y".into(), 2.0)]);
        let v = d.at(&graph, expr, &point).unwrap();
        assert_eq!(v.value, 18.0);
        assert_eq!(v.derivatives, vec![12.0, 9.0]);
        assert_eq!(v.hessian, Some(vec![vec![4.0, 6.0], vec![6.0, 0.0]]));
    }
}
