//! The report of `stepgrad graph`: a computation graph with each node's
//! operation, forward value and gradient ∂output/∂node, drawn as a tree
//! table (a document, `doc`), or written for Graphviz (dot) or as JSON.
//! The view itself — which nodes, their values and gradients — comes
//! computed (`calculus::graph_view`); this module only names the nodes
//! and their operations.

use super::doc::{self, math_cell, text, Block, Cell, LatexHeading, Math, Shown, Span, TreeRow};
use super::{Format, Style};
use crate::calculus::{GraphView, NodeRole};
use crate::expr::{
    latex, latex_name, print_definition, print_named, unicode, Func, Graph, Id, Names, Node,
    Notation,
};
use serde_json::json;

/// What the graph is of.
#[derive(Clone, Debug)]
pub enum Subject {
    /// An expression, the output f.
    Expression(Id),
    /// A network's loss E_total for one sample, with the parameters the
    /// spec gives.
    Network {
        name: String,
        shape: String,
        /// 1-based.
        sample: usize,
    },
}

/// A computed view and what its nodes are called.
pub struct GraphReport<'a> {
    pub graph: &'a Graph,
    /// A network's named nodes (its view shows only these and the
    /// variables); none for an expression.
    pub names: Option<&'a Names>,
    pub view: &'a GraphView,
    pub subject: Subject,
}

pub fn render(report: &GraphReport, format: Format, style: &Style) -> String {
    let nodes = labelled(report);
    match format {
        Format::Dot => dot(report, &nodes, style),
        Format::Json => {
            let mut t =
                serde_json::to_string_pretty(&json_value(report, &nodes)).unwrap_or_default();
            t.push('\n');
            t
        }
        _ => doc::render(&document(report, &nodes, style), format, style),
    }
}

/// A node as the reader sees it.
struct Labelled {
    /// What the node computes: `apple·count`, a name such as `out_h1`, or
    /// a number (shortened to 40 characters).
    label: String,
    /// The label as LaTeX math (never shortened).
    label_latex: String,
    /// The operation: ×, +, σ, input, or a named node's definition.
    op: String,
    op_latex: String,
}

/// Labels and operations for every node of the view.
fn labelled(report: &GraphReport) -> Vec<Labelled> {
    let graph = report.graph;
    report
        .view
        .nodes
        .iter()
        .map(|node| {
            let id = node.id;
            let (label, label_latex) = match report.names {
                Some(names) => (
                    print_named(graph, id, Notation::Unicode, names),
                    print_named(graph, id, Notation::Latex, names),
                ),
                None => (unicode(graph, id), latex(graph, id)),
            };
            let (op, op_latex) = match (node.role, report.names) {
                (NodeRole::Definition, Some(names)) => (
                    shorten(&print_definition(graph, id, Notation::Unicode, names)),
                    print_definition(graph, id, Notation::Latex, names),
                ),
                (NodeRole::Operation | NodeRole::Definition, _) => {
                    (operation(graph, id), operation_latex(graph, id))
                }
                (role, _) => {
                    let kind = words::variable_kind(role);
                    (kind.to_string(), format!("\\text{{{kind}}}"))
                }
            };
            Labelled {
                label: shorten(&label),
                label_latex,
                op,
                op_latex,
            }
        })
        .collect()
}

/// The operation a node performs, for the drawing.
fn operation(graph: &Graph, id: Id) -> String {
    match graph.node(id) {
        Node::Num(_) => words::NUMBER.into(),
        Node::Const(_) => words::CONSTANT.into(),
        Node::Var(_) => words::INPUT.into(),
        Node::Neg(_) => words::NEGATE.into(),
        Node::Add(_) => "+".into(),
        Node::Mul(_) => "×".into(),
        Node::Div(_) => "÷".into(),
        Node::Pow(_) => "^".into(),
        Node::Call(Func::Sigmoid, _) => "σ".into(),
        Node::Call(other, _) => other.name().into(),
        Node::LogSumExp(_) => "logsumexp".into(),
    }
}

/// The operation a node performs, as LaTeX math.
fn operation_latex(graph: &Graph, id: Id) -> String {
    let in_words = |w: &str| format!("\\text{{{w}}}");
    match graph.node(id) {
        Node::Num(_) => in_words(words::NUMBER),
        Node::Const(_) => in_words(words::CONSTANT),
        Node::Var(_) => in_words(words::INPUT),
        Node::Neg(_) => in_words(words::NEGATE),
        Node::Add(_) => "+".into(),
        Node::Mul(_) => "\\times".into(),
        Node::Div(_) => "\\div".into(),
        Node::Pow(_) => in_words(words::POWER),
        Node::Call(Func::Sigmoid, _) => "\\sigma".into(),
        Node::Call(other, _) => format!("\\operatorname{{{}}}", other.name()),
        Node::LogSumExp(_) => "\\operatorname{logsumexp}".into(),
    }
}

fn shorten(label: &str) -> String {
    if label.chars().count() <= 40 {
        label.to_string()
    } else {
        format!("{}…", label.chars().take(39).collect::<String>())
    }
}

/// The output's name: f, or E_total for a network.
fn output_name(report: &GraphReport) -> &'static str {
    match report.subject {
        Subject::Expression(_) => "f",
        Subject::Network { .. } => "E_total",
    }
}

/// The title, with the expression as math.
fn title(report: &GraphReport) -> Vec<Span> {
    match &report.subject {
        Subject::Expression(expr) => words::graph_of(Math::new(
            format!("f = {}", unicode(report.graph, *expr)),
            format!("f = {}", latex(report.graph, *expr)),
        )),
        Subject::Network {
            name,
            shape,
            sample,
        } => vec![text(words::network_graph(name, shape, *sample))],
    }
}

/// The nodes in drawing order from the output, each with its depth; a node
/// met a second time is listed once more, marked, without its inputs.
fn tree_order(view: &GraphView) -> Vec<(usize, usize, bool)> {
    let mut out = Vec::new();
    let mut seen = vec![false; view.nodes.len()];
    let mut stack = vec![(view.output, 0)];
    while let Some((n, depth)) = stack.pop() {
        let repeated = seen[n];
        seen[n] = true;
        out.push((n, depth, repeated));
        if !repeated {
            for &c in view.nodes[n].inputs.iter().rev() {
                stack.push((c, depth + 1));
            }
        }
    }
    out
}

/// The report as a document: the title, the tree table and the note.
fn document(report: &GraphReport, nodes: &[Labelled], style: &Style) -> Vec<Block> {
    let order = tree_order(report.view);
    let output = output_name(report);
    let rows = order
        .iter()
        .map(|&(n, depth, repeated)| {
            let node = &nodes[n];
            let view = &report.view.nodes[n];
            // The whole expression is in the title; a shortened copy is not
            // worth a row's width in the terminal.
            let name = if n == report.view.output && node.label.ends_with('…') {
                output
            } else {
                &node.label
            };
            let mut label = math_cell(Math::new(name, node.label_latex.clone()));
            if repeated {
                label.push(text(words::SEE_ABOVE));
            }
            TreeRow {
                depth,
                cells: vec![
                    label,
                    math_cell(Math::new(node.op.clone(), node.op_latex.clone())),
                    number(view.value, style),
                    number(view.gradient, style),
                ],
            }
        })
        .collect();
    let gradient = Math::new(
        format!("∂{output}/∂node"),
        format!(
            "\\partial {} / \\partial \\mathrm{{node}}",
            latex_name(output)
        ),
    );
    let table = Block::TreeTable {
        header: vec![
            doc::cell(words::NODE),
            doc::cell(words::OPERATION),
            doc::cell(words::VALUE),
            math_cell(gradient),
        ],
        rows,
    };
    let repeats = order.iter().any(|&(_, _, repeated)| repeated);
    let note = Block::Paragraph(vec![text(words::note(output, repeats))]);
    vec![
        Block::ReportHeading {
            level: 1,
            latex: LatexHeading::Subsection,
            text: title(report),
        },
        Block::Only(Shown::Terminal, vec![table.clone(), note.clone()]),
        Block::Only(Shown::Notes, vec![Block::Group(vec![table, note])]),
    ]
}

/// A value, or a dash for none.
fn number(x: Option<f64>, style: &Style) -> Cell {
    match x {
        Some(v) => doc::cell(style.num(v)),
        None => vec![Span::NoValue],
    }
}

fn number_text(x: Option<f64>, style: &Style) -> String {
    x.map_or(doc::NO_VALUE.to_string(), |v| style.num(v))
}

fn dot_escape(s: &str) -> String {
    s.replace('\\', "\\\\").replace('"', "\\\"")
}

fn dot(report: &GraphReport, nodes: &[Labelled], style: &Style) -> String {
    let mut out = String::from(
        "digraph computation {\n  rankdir=LR;\n  node [shape=box, fontname=\"Helvetica\"];\n",
    );
    let output = output_name(report);
    for (i, (node, view)) in nodes.iter().zip(&report.view.nodes).enumerate() {
        let label = format!(
            "{}\\n{}\\n{} {}\\n∂{}/∂node {}",
            dot_escape(&node.label),
            dot_escape(&node.op),
            words::VALUE,
            number_text(view.value, style),
            dot_escape(output),
            number_text(view.gradient, style)
        );
        let shape = if view.inputs.is_empty() {
            ", shape=ellipse"
        } else {
            ""
        };
        out.push_str(&format!("  n{i} [label=\"{label}\"{shape}];\n"));
    }
    for (i, view) in report.view.nodes.iter().enumerate() {
        for &c in &view.inputs {
            out.push_str(&format!("  n{c} -> n{i};\n"));
        }
    }
    out.push_str("}\n");
    out
}

fn json_value(report: &GraphReport, nodes: &[Labelled]) -> serde_json::Value {
    let json_nodes: Vec<_> = nodes
        .iter()
        .zip(&report.view.nodes)
        .enumerate()
        .map(|(i, (n, view))| json!({"id": i, "label": n.label, "latex": n.label_latex, "op": n.op, "op_latex": n.op_latex, "value": view.value, "gradient": view.gradient, "inputs": view.inputs}))
        .collect();
    let title: String = title(report)
        .into_iter()
        .map(|span| match span {
            Span::Math(m) => m.unicode,
            Span::Text(t) => t,
            _ => String::new(),
        })
        .collect();
    json!({"title": title, "output": report.view.output, "output_name": output_name(report), "nodes": json_nodes})
}

/// The words of the report, one place for each.
mod words {
    use super::{text, Math, NodeRole, Span};

    pub const NODE: &str = "node";
    pub const OPERATION: &str = "operation";
    pub const VALUE: &str = "value";
    pub const SEE_ABOVE: &str = " (see above)";
    pub const NUMBER: &str = "number";
    pub const CONSTANT: &str = "constant";
    pub const INPUT: &str = "input";
    pub const NEGATE: &str = "negate";
    pub const POWER: &str = "power";

    /// What a network's variable is.
    pub fn variable_kind(role: NodeRole) -> &'static str {
        match role {
            NodeRole::Parameter => "parameter",
            NodeRole::Target => "target",
            _ => INPUT,
        }
    }

    pub fn graph_of(function: Math) -> Vec<Span> {
        vec![text("Computation graph of "), Span::Math(function)]
    }

    pub fn network_graph(name: &str, shape: &str, sample: usize) -> String {
        format!(
            "Computation graph of network {name} ({shape}), sample {sample}, parameters as given"
        )
    }

    /// The closing explanation of the drawing.
    pub fn note(output: &str, repeats: bool) -> String {
        let mut note = format!(
            "Forward: values flow up from the inputs to {output}. Backward: ∂{output}/∂node flows down, each node multiplying what it receives by its local derivative and adding up what reaches it along several paths."
        );
        if repeats {
            note.push_str(&format!(
                " A node used in several places is listed again, marked (see above); its ∂{output}/∂node is the sum over all its uses."
            ));
        }
        note
    }
}
