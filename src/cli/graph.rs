//! `stepgrad graph`: the computation graph of an expression or a network,
//! with forward values and backward gradients at every node.

use super::inputs::{check_sample, parse_count, parse_point};
use super::{Context, Written};
use crate::calculus::backpropagate;
use crate::expr::{
    parse_binary, print_named, Evaluator, Failure, Graph, Id, Names, Node, Notation, Point,
};
use crate::network::{
    describe_failure, example, load_spec, named_values, sample_point, NetworkFormula,
};
use crate::report::graph::{render, GraphNode, GraphReport};
use crate::report::Format;
use crate::Error;
use clap::Args;
use rustc_hash::FxHashMap;

#[derive(Args, Debug, Clone)]
pub struct GraphArgs {
    /// An expression such as "apple*count*tax", or a network spec (file or example name)
    #[arg(allow_hyphen_values = true)]
    pub target: String,
    /// Values of the expression's variables, e.g. --at apple=100,count=2,tax=1.1
    #[arg(long, value_delimiter = ',', value_name = "V=x")]
    pub at: Vec<String>,
    /// For a network: the sample whose values are shown (1-based)
    #[arg(long, value_name = "K", default_value_t = 1, value_parser = parse_count, allow_negative_numbers = true)]
    pub sample: usize,
}

const FORMATS: [Format; 5] = [
    Format::Text,
    Format::Markdown,
    Format::Latex,
    Format::Dot,
    Format::Json,
];

pub fn run(args: &GraphArgs, context: &Context) -> Result<Written, Error> {
    context.require_format("graph", &FORMATS)?;
    let is_spec = args.target.ends_with(".toml") || example(&args.target).is_some();
    let report = if is_spec {
        if !args.at.is_empty() {
            return Err(Error::usage(
                format!(
                    "--at gives values to an expression's variables, but {} is a network",
                    args.target
                ),
                "a network's graph takes its values from the spec: choose the sample with --sample K",
            ));
        }
        network_graph(args, context)?
    } else {
        expression_graph(args)?
    };
    Ok(Written::ok(render(&report, context.format, &context.style)))
}

/// The operation a node performs, for the drawing.
fn operation(graph: &Graph, id: Id) -> String {
    match graph.node(id) {
        Node::Num(_) => "number".into(),
        Node::Const(_) => "constant".into(),
        Node::Var(_) => "input".into(),
        Node::Neg(_) => "negate".into(),
        Node::Add(_) => "+".into(),
        Node::Mul(_) => "×".into(),
        Node::Div(_) => "÷".into(),
        Node::Pow(_) => "^".into(),
        Node::Call(f, _) => match f {
            crate::expr::Func::Sigmoid => "σ".into(),
            other => other.name().into(),
        },
        Node::LogSumExp(_) => "logsumexp".into(),
    }
}

/// The operation a node performs, as LaTeX math.
fn operation_latex(graph: &Graph, id: Id) -> String {
    match graph.node(id) {
        Node::Num(_) => "\\text{number}".into(),
        Node::Const(_) => "\\text{constant}".into(),
        Node::Var(_) => "\\text{input}".into(),
        Node::Neg(_) => "\\text{negate}".into(),
        Node::Add(_) => "+".into(),
        Node::Mul(_) => "\\times".into(),
        Node::Div(_) => "\\div".into(),
        Node::Pow(_) => "\\text{power}".into(),
        Node::Call(f, _) => match f {
            crate::expr::Func::Sigmoid => "\\sigma".into(),
            other => format!("\\operatorname{{{}}}", other.name()),
        },
        Node::LogSumExp(_) => "\\operatorname{logsumexp}".into(),
    }
}

/// A network's drawing: its named nodes, and what each variable is.
struct Network<'a> {
    names: &'a Names,
    kinds: FxHashMap<Id, &'static str>,
}

/// Builds the drawing of the nodes reachable from `output`; for a network,
/// only named nodes and variables are drawn, each linked to the named nodes
/// and variables it is computed from, with its definition as operation.
fn drawing(
    graph: &Graph,
    output: Id,
    values: &FxHashMap<Id, f64>,
    gradients: &FxHashMap<Id, f64>,
    network: Option<&Network>,
) -> (Vec<GraphNode>, usize) {
    let order = graph.reachable(&[output]);
    let names = network.map(|n| n.names);
    let shown = |id: Id| {
        names.is_none_or(|n| n.contains_key(&id) || matches!(graph.node(id), Node::Var(_)))
    };
    let mut index: FxHashMap<Id, usize> = FxHashMap::default();
    let mut nodes = Vec::new();
    for &id in &order {
        if !shown(id) {
            continue;
        }
        // The drawn nodes this one is computed from, looking through
        // unnamed intermediate nodes.
        let mut inputs = Vec::new();
        let mut stack: Vec<Id> = graph.node(id).children().iter().rev().copied().collect();
        let mut visited = rustc_hash::FxHashSet::default();
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
        let label = match names {
            Some(n) => print_named(graph, id, Notation::Unicode, n),
            None => crate::expr::unicode(graph, id),
        };
        let label_latex = match names {
            Some(n) => print_named(graph, id, Notation::Latex, n),
            None => crate::expr::latex(graph, id),
        };
        let op_latex = match network {
            Some(n) if n.names.contains_key(&id) => {
                crate::expr::print_definition(graph, id, Notation::Latex, n.names)
            }
            Some(n) => format!("\\text{{{}}}", n.kinds.get(&id).copied().unwrap_or("input")),
            None => operation_latex(graph, id),
        };
        let op = match network {
            Some(n) if n.names.contains_key(&id) => shorten(&crate::expr::print_definition(
                graph,
                id,
                Notation::Unicode,
                n.names,
            )),
            Some(n) => n.kinds.get(&id).copied().unwrap_or("input").to_string(),
            None => operation(graph, id),
        };
        index.insert(id, nodes.len());
        nodes.push(GraphNode {
            label: shorten(&label),
            label_latex,
            op,
            op_latex,
            value: values.get(&id).copied(),
            gradient: gradients.get(&id).copied(),
            inputs,
        });
    }
    let output_index = index[&output];
    (nodes, output_index)
}

fn shorten(label: &str) -> String {
    if label.chars().count() <= 40 {
        label.to_string()
    } else {
        format!("{}…", label.chars().take(39).collect::<String>())
    }
}

/// A number for each node.
type NodeValues = FxHashMap<Id, f64>;

/// Values of every node, and ∂output/∂node by one backward pass; a node
/// without a value is reported by `failed`.
fn values_and_gradients(
    graph: &mut Graph,
    output: Id,
    point: &Point,
    wrt: &[Id],
    failed: impl FnOnce(&Graph, Failure) -> Error,
) -> Result<(NodeValues, NodeValues), Error> {
    let order = graph.reachable(&[output]);
    let one = graph.num(1.0);
    let adjoints = backpropagate(graph, &[(output, one)], wrt);
    let adjoint_ids: Vec<(Id, Id)> = order
        .iter()
        .filter_map(|&id| adjoints.get(id).map(|a| (id, a)))
        .collect();
    let mut roots = order.clone();
    roots.extend(adjoint_ids.iter().map(|&(_, a)| a));
    let evaluated = match Evaluator::new(graph, &roots).evaluate_or_fail(point) {
        Ok(values) => values,
        Err(failure) => return Err(failed(graph, failure)),
    };
    let values: FxHashMap<Id, f64> = order
        .iter()
        .copied()
        .zip(evaluated.iter().copied())
        .collect();
    let gradients: FxHashMap<Id, f64> = adjoint_ids
        .iter()
        .zip(&evaluated[order.len()..])
        .map(|(&(id, _), &g)| (id, g))
        .collect();
    Ok((values, gradients))
}

fn expression_graph(args: &GraphArgs) -> Result<GraphReport, Error> {
    let mut graph = Graph::new();
    let expr = parse_binary(&mut graph, &args.target)
        .map_err(|e| Error::parse(&args.target, e, "the expression"))?;
    let variables = graph.variables(expr);
    let point = parse_point(&args.at, "--at")?;
    if let Some(extra) = point.names().find(|n| !variables.iter().any(|v| v == n)) {
        return Err(Error::usage(
            format!("--at gives {extra}, which the expression does not contain"),
            format!(
                "its variables are {}",
                crate::diagnostic::name_list(&variables)
            ),
        ));
    }
    if let Some(missing) = variables.iter().find(|v| point.get(v).is_none()) {
        return Err(Error::usage(
            format!("no value was given for {missing} in --at"),
            format!(
                "give every variable a value: --at {}",
                variables
                    .iter()
                    .map(|v| format!("{v}=…"))
                    .collect::<Vec<_>>()
                    .join(",")
            ),
        ));
    }
    let wrt: Vec<Id> = variables.iter().map(|v| graph.var(v)).collect();
    let (values, gradients) =
        values_and_gradients(&mut graph, expr, &point, &wrt, |_, failure| Error::Eval {
            error: failure.error,
            context: "cannot evaluate the graph".into(),
        })?;
    let (nodes, output) = drawing(&graph, expr, &values, &gradients, None);
    Ok(GraphReport {
        title: format!(
            "Computation graph of f = {}",
            crate::expr::unicode(&graph, expr)
        ),
        title_math: Some(format!("f = {}", crate::expr::latex(&graph, expr))),
        output_name: "f".into(),
        nodes,
        output,
    })
}

fn network_graph(args: &GraphArgs, context: &Context) -> Result<GraphReport, Error> {
    let spec = load_spec(&args.target)?;
    super::files::refuse_overwriting_spec_data(context.outputs, &spec)?;
    super::inputs::check_symbolic_size(&spec, "graph")?;
    if spec.inputs.is_empty() {
        return Err(Error::usage(
            format!("the spec {} has no data", args.target),
            "add inputs and targets to draw the graph with values",
        ));
    }
    check_sample(
        args.sample,
        spec.inputs.len(),
        "choose the sample whose values to show",
    )?;
    let mut formula = NetworkFormula::build(&spec);
    let s = args.sample - 1;
    let params = crate::network::initial_values(&formula, &spec);
    let point = sample_point(&formula, &params, &spec.inputs[s], &spec.targets[s]);
    let mut wrt: Vec<Id> = formula.params.iter().map(|p| p.var).collect();
    wrt.extend(&formula.inputs);
    let loss = formula.loss;
    let named = named_values(&formula);
    let names = formula.names.clone();
    let failed = |graph: &Graph, failure: Failure| {
        let sample = Some(format!("sample {}", args.sample));
        describe_failure(graph, &names, &named, &failure, &point, sample).into_error(&spec)
    };
    let (values, gradients) = values_and_gradients(&mut formula.graph, loss, &point, &wrt, failed)?;
    let mut kinds: FxHashMap<Id, &'static str> = FxHashMap::default();
    kinds.extend(formula.params.iter().map(|p| (p.var, "parameter")));
    kinds.extend(formula.inputs.iter().map(|&i| (i, "input")));
    kinds.extend(formula.targets.iter().map(|&t| (t, "target")));
    let network = Network {
        names: &formula.names,
        kinds,
    };
    let (nodes, output) = drawing(&formula.graph, loss, &values, &gradients, Some(&network));
    Ok(GraphReport {
        title: format!(
            "Computation graph of network {} ({}), sample {}, parameters as given",
            spec.name,
            spec.shape(),
            args.sample
        ),
        title_math: None,
        output_name: "E_total".into(),
        nodes,
        output,
    })
}
