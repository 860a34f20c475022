//! The computation graph as `stepgrad graph` shows it: the nodes reachable
//! from an output, each with its forward value at a point and its gradient
//! ∂output/∂node from one backward pass, linked to the nodes it is
//! computed from. A network's view is collapsed to its named nodes (net_h1,
//! out_h1, E_o1, …) and its variables, each linked to the named nodes and
//! variables it is computed from through the unnamed ones between.
//!
//! Invariant: a view's values and gradients are the evaluator's values of
//! the nodes and of their adjoints; nodes come children first, and
//! `inputs` point to earlier nodes only.

use super::backpropagate;
use crate::expr::{Evaluator, Failure, Graph, Id, Names, Node, Point};
use rustc_hash::{FxHashMap, FxHashSet};

/// What a node of the view is, for the reader.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NodeRole {
    /// An operation of the expression (or a variable of it), shown by its
    /// kind: ×, +, σ, input.
    Operation,
    /// A named node of a network, shown by its definition.
    Definition,
    Parameter,
    Input,
    Target,
}

/// One node of the view.
#[derive(Clone, Debug, PartialEq)]
pub struct ViewNode {
    pub id: Id,
    pub role: NodeRole,
    pub value: Option<f64>,
    /// ∂output/∂node, where the output depends on the node.
    pub gradient: Option<f64>,
    /// The nodes it is computed from, as indices into the view's nodes.
    pub inputs: Vec<usize>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct GraphView {
    pub nodes: Vec<ViewNode>,
    /// The output's index in `nodes`.
    pub output: usize,
}

/// Which nodes a view shows.
#[derive(Clone, Copy, Debug)]
pub enum Collapse<'a> {
    /// Every node, as its operation.
    Nothing,
    /// Only the named nodes and the variables, these in the roles given
    /// (inputs when not given).
    ToNames {
        names: &'a Names,
        roles: &'a FxHashMap<Id, NodeRole>,
    },
}

/// The view of `output` at `point`, with gradients with respect to every
/// node computed from the variables `wrt`; the node without a value when
/// one fails.
pub fn graph_view(
    graph: &mut Graph,
    output: Id,
    point: &Point,
    wrt: &[Id],
    collapse: Collapse,
) -> Result<GraphView, Failure> {
    let (values, gradients) = values_and_gradients(graph, output, point, wrt)?;
    Ok(collapsed(graph, output, &values, &gradients, collapse))
}

/// A number for each node.
type NodeValues = FxHashMap<Id, f64>;

/// Values of every node, and ∂output/∂node by one backward pass.
fn values_and_gradients(
    graph: &mut Graph,
    output: Id,
    point: &Point,
    wrt: &[Id],
) -> Result<(NodeValues, NodeValues), Failure> {
    let order = graph.reachable(&[output]);
    let one = graph.num(1.0);
    let adjoints = backpropagate(graph, &[(output, one)], wrt);
    let adjoint_ids: Vec<(Id, Id)> = order
        .iter()
        .filter_map(|&id| adjoints.get(id).map(|a| (id, a)))
        .collect();
    let mut roots = order.clone();
    roots.extend(adjoint_ids.iter().map(|&(_, a)| a));
    let evaluated = Evaluator::new(graph, &roots).evaluate_or_fail(point)?;
    let values: NodeValues = order
        .iter()
        .copied()
        .zip(evaluated.iter().copied())
        .collect();
    let gradients: NodeValues = adjoint_ids
        .iter()
        .zip(&evaluated[order.len()..])
        .map(|(&(id, _), &g)| (id, g))
        .collect();
    Ok((values, gradients))
}

/// The nodes reachable from `output` that `collapse` shows, children
/// first, each linked to the shown nodes it is computed from.
fn collapsed(
    graph: &Graph,
    output: Id,
    values: &NodeValues,
    gradients: &NodeValues,
    collapse: Collapse,
) -> GraphView {
    let shown = |id: Id| match collapse {
        Collapse::Nothing => true,
        Collapse::ToNames { names, .. } => {
            names.contains_key(&id) || matches!(graph.node(id), Node::Var(_))
        }
    };
    let role = |id: Id| match collapse {
        Collapse::Nothing => NodeRole::Operation,
        Collapse::ToNames { names, .. } if names.contains_key(&id) => NodeRole::Definition,
        Collapse::ToNames { roles, .. } => roles.get(&id).copied().unwrap_or(NodeRole::Input),
    };
    let mut index: FxHashMap<Id, usize> = FxHashMap::default();
    let mut nodes = Vec::new();
    for id in graph.reachable(&[output]) {
        if !shown(id) {
            continue;
        }
        let inputs = shown_inputs(graph, id, &shown, &index);
        index.insert(id, nodes.len());
        nodes.push(ViewNode {
            id,
            role: role(id),
            value: values.get(&id).copied(),
            gradient: gradients.get(&id).copied(),
            inputs,
        });
    }
    // invariant: `output` is reachable from itself and shown (a named node
    // or, uncollapsed, any node), so it has an index.
    let output = index[&output];
    GraphView { nodes, output }
}

/// The shown nodes `id` is computed from, looking through the nodes not
/// shown, in the order of its operands.
fn shown_inputs(
    graph: &Graph,
    id: Id,
    shown: &impl Fn(Id) -> bool,
    index: &FxHashMap<Id, usize>,
) -> Vec<usize> {
    let mut inputs = Vec::new();
    let mut stack: Vec<Id> = graph.node(id).children().iter().rev().copied().collect();
    let mut visited = FxHashSet::default();
    while let Some(c) = stack.pop() {
        if !visited.insert(c) {
            continue;
        }
        if shown(c) {
            if let Some(&i) = index.get(&c) {
                if !inputs.contains(&i) {
                    inputs.push(i);
                }
            }
        } else {
            stack.extend(graph.node(c).children().iter().rev().copied());
        }
    }
    inputs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::expr::parse;

    /// f = (a·b)·a at a = 2, b = 3: ∂f/∂a = 2·a·b = 12, ∂f/∂b = a² = 4,
    /// worked by hand.
    #[test]
    fn values_and_gradients_of_every_node() {
        let mut graph = Graph::new();
        let f = parse(&mut graph, "(a*b)*a").unwrap();
        let (a, b) = (graph.var("a"), graph.var("b"));
        let point = Point::new(vec![("a".into(), 2.0), ("b".into(), 3.0)]);
        let view = graph_view(&mut graph, f, &point, &[a, b], Collapse::Nothing).unwrap();
        let output = &view.nodes[view.output];
        assert_eq!((output.value, output.gradient), (Some(12.0), Some(1.0)));
        let node = |id: Id| view.nodes.iter().find(|n| n.id == id).unwrap();
        assert_eq!((node(a).value, node(a).gradient), (Some(2.0), Some(12.0)));
        assert_eq!((node(b).value, node(b).gradient), (Some(3.0), Some(4.0)));
        for (k, n) in view.nodes.iter().enumerate() {
            assert!(n.inputs.iter().all(|&i| i < k));
            assert_eq!(n.role, NodeRole::Operation);
        }
    }

    /// Collapsed to the names, a node links to the named nodes through the
    /// unnamed ones: out = σ(net), net = w·x + 1 shows x, w, net, out.
    #[test]
    fn collapsing_links_through_unnamed_nodes() {
        let mut graph = Graph::new();
        let net = parse(&mut graph, "w*x + 1").unwrap();
        let out = parse(&mut graph, "sigmoid(w*x + 1)").unwrap();
        let (w, x) = (graph.var("w"), graph.var("x"));
        let names: Names = [(net, "net".to_string()), (out, "out".to_string())]
            .into_iter()
            .collect();
        let roles: FxHashMap<Id, NodeRole> = [(w, NodeRole::Parameter)].into_iter().collect();
        let point = Point::new(vec![("w".into(), 0.5), ("x".into(), 2.0)]);
        let collapse = Collapse::ToNames {
            names: &names,
            roles: &roles,
        };
        let view = graph_view(&mut graph, out, &point, &[w], collapse).unwrap();
        let ids: Vec<Id> = view.nodes.iter().map(|n| n.id).collect();
        assert_eq!(ids.len(), 4);
        let at = |id: Id| ids.iter().position(|&i| i == id).unwrap();
        assert_eq!(view.nodes[at(net)].inputs.len(), 2);
        assert_eq!(view.nodes[at(out)].inputs, vec![at(net)]);
        assert_eq!(view.nodes[at(w)].role, NodeRole::Parameter);
        assert_eq!(view.nodes[at(x)].role, NodeRole::Input);
        assert_eq!(view.nodes[at(net)].role, NodeRole::Definition);
        // σ(2)·(1 − σ(2))·x at w·x + 1 = 2: ∂out/∂w.
        let s = 1.0 / (1.0 + (-2.0f64).exp());
        let gradient = view.nodes[at(w)].gradient.unwrap();
        assert!((gradient - s * (1.0 - s) * 2.0).abs() < 1e-15);
    }
}
