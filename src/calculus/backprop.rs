//! Backpropagation: reverse-mode accumulation of derivatives over the graph.
//!
//! Starting from seeds (usually the loss with adjoint 1), the nodes are
//! visited parents before children — decreasing ids — and each node passes
//! its adjoint ∂E/∂node to its operands, multiplied by the local partial
//! derivative of the node with respect to each operand. An operand used by
//! several parents adds up their contributions. Every adjoint is built once
//! as an expression in the graph and reused by all the operands below it,
//! which is why the whole gradient costs a small constant times the loss
//! (the cheap-gradient principle): one product node per edge of the graph.
//!
//! Invariant: `adjoint(n)` is ∂(seeded output)/∂n holding the other leaves
//! fixed, for every node on a path from a seed to a `wrt` leaf.

use super::operators::local_partial;
use crate::expr::{Graph, Id, Node};
use rustc_hash::{FxHashMap, FxHashSet};

/// The adjoints found by one backward pass.
#[derive(Clone, Debug, Default)]
pub struct Adjoints {
    map: FxHashMap<Id, Id>,
    /// The contributions to each node's adjoint: (parent, adjoint(parent) ·
    /// ∂parent/∂node), in increasing parent order.
    contributions: FxHashMap<Id, Vec<(Id, Id)>>,
    /// Multiplications by a local partial the pass performed (products with
    /// a partial of 1 cost nothing and are not counted).
    pub multiplications: usize,
}

impl Adjoints {
    /// ∂E/∂node, if the node lies between a seed and a `wrt` leaf.
    pub fn get(&self, node: Id) -> Option<Id> {
        self.map.get(&node).copied()
    }

    /// How the adjoint of `node` was summed from its parents.
    pub fn contributions(&self, node: Id) -> &[(Id, Id)] {
        self.contributions.get(&node).map_or(&[], Vec::as_slice)
    }
}

/// ∂node/∂operand for the operands of `node` that `wanted` accepts: the
/// local partials, as `operators` defines them.
pub fn local_partials(graph: &mut Graph, node: Id, wanted: impl Fn(Id) -> bool) -> Vec<(Id, Id)> {
    let operands = graph.node(node).children().to_vec();
    let mut partials = Vec::new();
    for (i, &child) in operands.iter().enumerate() {
        if !wanted(child) {
            continue;
        }
        if let Some(partial) = local_partial(graph, node, i) {
            partials.push((child, partial));
        }
    }
    partials
}

/// adjoint · partial, keeping both as whole subexpressions (so a named
/// adjoint such as δ_o1 stays visible inside δ_o1·w5); products with a
/// number are folded as usual.
fn times(graph: &mut Graph, adjoint: Id, partial: Id) -> Id {
    if graph.as_number(adjoint).is_some() || graph.as_number(partial).is_some() {
        graph.product([adjoint, partial])
    } else {
        graph.intern(Node::Mul([adjoint, partial].into()))
    }
}

/// Runs the backward pass from `seeds` (node, its adjoint) down to the
/// leaves in `wrt`.
pub fn backpropagate(graph: &mut Graph, seeds: &[(Id, Id)], wrt: &[Id]) -> Adjoints {
    let roots: Vec<Id> = seeds.iter().map(|&(n, _)| n).collect();
    let order = graph.reachable(&roots);
    let wanted: FxHashSet<Id> = wrt.iter().copied().collect();
    // Which nodes lie above a `wrt` leaf (only they need adjoints).
    let mut relevant: FxHashSet<Id> = FxHashSet::default();
    for &id in &order {
        if wanted.contains(&id)
            || graph
                .node(id)
                .children()
                .iter()
                .any(|c| relevant.contains(c))
        {
            relevant.insert(id);
        }
    }
    let mut adjoints = Adjoints::default();
    let mut pending: FxHashMap<Id, Vec<(Id, Id)>> = FxHashMap::default();
    for &(node, seed) in seeds {
        pending.entry(node).or_default().push((node, seed));
    }
    for &id in order.iter().rev() {
        let Some(mut parts) = pending.remove(&id) else {
            continue;
        };
        if !relevant.contains(&id) {
            continue;
        }
        parts.sort_by_key(|&(parent, _)| parent);
        let adjoint = graph.sum(parts.iter().map(|&(_, c)| c));
        adjoints.map.insert(id, adjoint);
        adjoints.contributions.insert(id, parts);
        for (child, partial) in local_partials(graph, id, |c| relevant.contains(&c)) {
            let contribution = if graph.as_number(partial) == Some(1.0) {
                adjoint
            } else {
                adjoints.multiplications += 1;
                times(graph, adjoint, partial)
            };
            pending.entry(child).or_default().push((id, contribution));
        }
    }
    adjoints
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::expr::{evaluate, parse, Point};

    fn gradient_at(input: &str, vars: &[&str], point: &[(&str, f64)]) -> Vec<f64> {
        let mut g = Graph::new();
        let e = parse(&mut g, input).unwrap();
        let one = g.num(1.0);
        let wrt: Vec<Id> = vars.iter().map(|v| g.var(v)).collect();
        let adjoints = backpropagate(&mut g, &[(e, one)], &wrt);
        let point = Point::new(point.iter().map(|&(n, v)| (n.to_string(), v)).collect());
        wrt.iter()
            .map(|&w| {
                adjoints
                    .get(w)
                    .map_or(0.0, |a| evaluate(&g, a, &point).unwrap())
            })
            .collect()
    }

    #[test]
    fn apples() {
        // Saito, Deep Learning from Scratch, ch. 5: 100 × 2 × 1.1.
        let grads = gradient_at(
            "apple*count*tax",
            &["apple", "count", "tax"],
            &[("apple", 100.0), ("count", 2.0), ("tax", 1.1)],
        );
        assert!((grads[0] - 2.2).abs() < 1e-12);
        assert!((grads[1] - 110.0).abs() < 1e-12);
        assert!((grads[2] - 200.0).abs() < 1e-12);
    }

    #[test]
    fn shared_subexpressions_add_up() {
        // d/dx of x·x + sin(x) = 2x + cos(x)
        let g = gradient_at("x*x + sin(x)", &["x"], &[("x", 0.3)]);
        assert!((g[0] - (0.6 + 0.3f64.cos())).abs() < 1e-12);
        let g = gradient_at("x^y", &["x", "y"], &[("x", 2.0), ("y", 3.0)]);
        assert!((g[0] - 12.0).abs() < 1e-12 && (g[1] - 8.0 * 2f64.ln()).abs() < 1e-12);
        let g = gradient_at("logsumexp(x, 2*x)/x", &["x"], &[("x", 0.5)]);
        let f = |x: f64| ((x.exp() + (2.0 * x).exp()).ln()) / x;
        let fd = (f(0.5 + 1e-6) - f(0.5 - 1e-6)) / 2e-6;
        assert!((g[0] - fd).abs() < 1e-8);
    }
}
