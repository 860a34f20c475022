//! The symbolic Hessian within a size limit.
//!
//! A Hessian of n variables has n(n+1)/2 distinct second derivatives, and
//! each can be as large as the expression, so its size grows with n² times
//! the expression's — the cube of a product's length for a product of n
//! variables. And a single second derivative can grow faster than its
//! expression: the product rule turns a product of k factors into k
//! products of k factors, and doing it twice gives k³. So the limit is
//! applied twice: an estimate, entries × the expression's size, is refused
//! before any work; and while the entries are built, the graph's growth is
//! counted and the building stops as soon as it passes the limit.
//!
//! Invariant: a Hessian returned is complete and symmetric (the lower
//! triangle mirrors the upper, by Schwarz's theorem where the second
//! derivatives are continuous); no call grows the graph by much more than
//! the limit.

use super::derive::derivative_within;
use crate::expr::{Graph, Id};
use crate::i18n::Text;

/// Why a Hessian was not built.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HessianTooLarge {
    /// Refused before any work: `entries` second derivatives of an
    /// expression of `size` (nodes plus operands) is an estimated
    /// `estimate`.
    Estimated {
        variables: usize,
        entries: u64,
        size: usize,
        estimate: u64,
        limit: usize,
    },
    /// Stopped while building: the graph grew past the limit after
    /// `entries_built` of the `entries` second derivatives.
    Grew {
        variables: usize,
        entries: u64,
        entries_built: u64,
        limit: usize,
    },
}

impl HessianTooLarge {
    /// The message, without a hint (which depends on the command).
    pub fn text(&self) -> Text {
        match self {
            HessianTooLarge::Estimated {
                variables,
                entries,
                size,
                estimate,
                limit,
            } => crate::text!(
                "hessian-estimated-too-large",
                variables = *variables,
                entries = *entries,
                size = *size,
                estimate = *estimate,
                limit = *limit
            ),
            HessianTooLarge::Grew {
                variables,
                entries,
                entries_built,
                limit,
            } => crate::text!(
                "hessian-grew-too-large",
                variables = *variables,
                entries = *entries,
                built = *entries_built,
                limit = *limit
            ),
        }
    }
}

/// The number of distinct entries of a Hessian of `n` variables.
fn entries(n: usize) -> u64 {
    let n = n as u64;
    n.saturating_mul(n.saturating_add(1)) / 2
}

/// Refuses, before any work, a Hessian of `variables` variables of `expr`
/// whose estimated size (entries × the expression's size) exceeds `limit`.
pub fn check_hessian_estimate(
    graph: &Graph,
    expr: Id,
    variables: usize,
    limit: usize,
) -> Result<(), HessianTooLarge> {
    let size = graph.reachable_size(&[expr]);
    let estimate = entries(variables).saturating_mul(size as u64);
    if estimate > limit as u64 {
        return Err(HessianTooLarge::Estimated {
            variables,
            entries: entries(variables),
            size,
            estimate,
            limit,
        });
    }
    Ok(())
}

/// The Hessian of `expr` by `variables`, from its `gradient` (one
/// simplified first derivative per variable, in the same order): checks
/// the estimate, then builds the upper triangle and mirrors it, stopping
/// once the graph has grown by more than `limit`.
pub fn hessian_within(
    graph: &mut Graph,
    expr: Id,
    gradient: &[Id],
    variables: &[String],
    limit: usize,
) -> Result<Vec<Vec<Id>>, HessianTooLarge> {
    let n = variables.len();
    check_hessian_estimate(graph, expr, n, limit)?;
    let max_size = graph.size().saturating_add(limit);
    let mut h = vec![vec![expr; n]; n];
    let mut built = 0;
    for (i, &g) in gradient.iter().enumerate() {
        for (j, var) in variables.iter().enumerate().skip(i) {
            let Some(second) = derivative_within(graph, g, var, max_size) else {
                return Err(HessianTooLarge::Grew {
                    variables: n,
                    entries: entries(n),
                    entries_built: built,
                    limit,
                });
            };
            h[i][j] = second;
            h[j][i] = second;
            built += 1;
        }
    }
    Ok(h)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calculus::derivative;
    use crate::expr::{parse, Evaluator, Point};

    fn gradient(g: &mut Graph, e: Id, vars: &[String]) -> Vec<Id> {
        vars.iter().map(|v| derivative(g, e, v)).collect()
    }

    #[test]
    fn a_small_hessian_is_built_and_symmetric() {
        let mut g = Graph::new();
        let e = parse(&mut g, "x^2*y + y^3").unwrap();
        let vars = vec!["x".to_string(), "y".to_string()];
        let grad = gradient(&mut g, e, &vars);
        let h = hessian_within(&mut g, e, &grad, &vars, 10_000).unwrap();
        assert_eq!(h[0][1], h[1][0]);
        // By hand at (x, y) = (2, 3): [[2y, 2x], [2x, 6y]] = [[6, 4], [4, 18]].
        let flat: Vec<Id> = h.iter().flatten().copied().collect();
        let values = Evaluator::new(&g, &flat)
            .evaluate(&Point::new(vec![("x".into(), 2.0), ("y".into(), 3.0)]))
            .unwrap();
        assert_eq!(values, vec![6.0, 4.0, 4.0, 18.0]);
    }

    #[test]
    fn many_variables_are_refused_before_any_work() {
        let mut g = Graph::new();
        let text: Vec<String> = (1..=100).map(|i| format!("x{i}")).collect();
        let e = parse(&mut g, &text.join("*")).unwrap();
        let before = g.size();
        let refused = check_hessian_estimate(&g, e, 100, 100_000).unwrap_err();
        // 5,050 entries × (100 variables + one product node of 100 operands).
        let HessianTooLarge::Estimated { entries, size, .. } = refused else {
            panic!("{refused:?}");
        };
        assert_eq!((entries, size), (5050, 201));
        assert_eq!(g.size(), before);
    }

    #[test]
    fn a_second_derivative_that_grows_too_fast_stops_at_the_limit() {
        // One variable, so the estimate passes, but the second derivative of
        // a product of 60 factors in x has 60 terms of 60 products each.
        let mut g = Graph::new();
        let text: Vec<String> = (1..=60).map(|i| format!("sin(x+{i})")).collect();
        let e = parse(&mut g, &text.join("*")).unwrap();
        let vars = vec!["x".to_string()];
        let grad = gradient(&mut g, e, &vars);
        let limit = 20_000;
        let before = g.size();
        let refused = hessian_within(&mut g, e, &grad, &vars, limit).unwrap_err();
        assert!(matches!(
            refused,
            HessianTooLarge::Grew {
                entries_built: 0,
                ..
            }
        ));
        // The building stopped soon after the limit: one product rule of
        // 60 factors adds at most 60·61 to it.
        assert!(
            g.size() - before < limit + 60 * 61 * 4,
            "{}",
            g.size() - before
        );
    }
}
