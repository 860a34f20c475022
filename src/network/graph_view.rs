//! A network's computation graph for one sample, as `stepgrad graph`
//! shows it: the loss formula collapsed to its named nodes and variables,
//! with the values of the sample and the starting parameters, and every
//! gradient ∂E_total/∂node.
//!
//! Invariant: a value that has no finite value is an input error naming
//! it, as the report of `net` would name it, never a view.

use super::{describe_failure, initial_values, named_values, sample_point, NetworkFormula, Spec};
use crate::calculus::{graph_view, Collapse, GraphView, NodeRole};
use crate::expr::{Graph, Id};
use crate::Error;
use rustc_hash::FxHashMap;

/// A network's formula and its view for one sample.
pub struct NetworkView {
    pub formula: NetworkFormula,
    pub view: GraphView,
}

/// The view of `spec`'s loss for its sample `sample` (0-based, within the
/// spec's samples), gradients with respect to the parameters and inputs.
pub fn sample_view(spec: &Spec, sample: usize) -> Result<NetworkView, Error> {
    let mut formula = NetworkFormula::build(spec);
    let params = initial_values(&formula, spec);
    let point = sample_point(
        &formula,
        &params,
        &spec.inputs[sample],
        &spec.targets[sample],
    );
    let mut wrt: Vec<Id> = formula.params.iter().map(|p| p.var).collect();
    wrt.extend(&formula.inputs);
    let mut roles: FxHashMap<Id, NodeRole> = FxHashMap::default();
    roles.extend(formula.params.iter().map(|p| (p.var, NodeRole::Parameter)));
    roles.extend(formula.inputs.iter().map(|&i| (i, NodeRole::Input)));
    roles.extend(formula.targets.iter().map(|&t| (t, NodeRole::Target)));
    let names = formula.names.clone();
    let collapse = Collapse::ToNames {
        names: &names,
        roles: &roles,
    };
    let loss = formula.loss;
    let viewed = graph_view(&mut formula.graph, loss, &point, &wrt, collapse);
    match viewed {
        Ok(view) => Ok(NetworkView { formula, view }),
        Err(failure) => {
            let graph: &Graph = &formula.graph;
            let named = named_values(&formula);
            let sample = Some(super::sample_name(sample + 1));
            Err(describe_failure(graph, &names, &named, &failure, &point, sample).into_error(spec))
        }
    }
}
