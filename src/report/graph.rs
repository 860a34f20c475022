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
use crate::i18n::Lang;
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
    match format {
        Format::Dot => dot(report, &labelled(report, style.lang), style),
        Format::Json => {
            // The operations are a JSON interface: in English.
            let nodes = labelled(report, Lang::En);
            let mut t = serde_json::to_string_pretty(&json_value(report, &nodes, style.lang))
                .unwrap_or_default();
            t.push('\n');
            t
        }
        _ => {
            let nodes = labelled(report, style.lang);
            doc::render(&document(report, &nodes, style), format, style)
        }
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

/// Labels and operations for every node of the view, operations that are
/// words in `lang`.
fn labelled(report: &GraphReport, lang: Lang) -> Vec<Labelled> {
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
                    (operation(graph, id, lang), operation_latex(graph, id, lang))
                }
                (role, _) => {
                    let kind = words::variable_kind(lang, role);
                    let kind_latex = format!("\\text{{{kind}}}");
                    (kind, kind_latex)
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
fn operation(graph: &Graph, id: Id, lang: Lang) -> String {
    match graph.node(id) {
        Node::Num(_) => words::number(lang),
        Node::Const(_) => words::constant(lang),
        Node::Var(_) => words::input(lang),
        Node::Neg(_) => words::negate(lang),
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
fn operation_latex(graph: &Graph, id: Id, lang: Lang) -> String {
    let in_words = |w: String| format!("\\text{{{w}}}");
    match graph.node(id) {
        Node::Num(_) => in_words(words::number(lang)),
        Node::Const(_) => in_words(words::constant(lang)),
        Node::Var(_) => in_words(words::input(lang)),
        Node::Neg(_) => in_words(words::negate(lang)),
        Node::Add(_) => "+".into(),
        Node::Mul(_) => "\\times".into(),
        Node::Div(_) => "\\div".into(),
        Node::Pow(_) => in_words(words::power(lang)),
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
fn title(report: &GraphReport, lang: Lang) -> Vec<Span> {
    match &report.subject {
        Subject::Expression(expr) => words::graph_of(
            lang,
            Math::new(
                format!("f = {}", unicode(report.graph, *expr)),
                format!("f = {}", latex(report.graph, *expr)),
            ),
        ),
        Subject::Network {
            name,
            shape,
            sample,
        } => vec![text(words::network_graph(lang, name, shape, *sample))],
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
    let lang = style.lang;
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
                label.push(text(format!(" ({})", words::see_above(lang))));
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
            doc::cell(words::node(lang)),
            doc::cell(words::operation(lang)),
            doc::cell(words::value(lang)),
            math_cell(gradient),
        ],
        rows,
    };
    let repeats = order.iter().any(|&(_, _, repeated)| repeated);
    let note = Block::Paragraph(vec![text(words::note(lang, output, repeats))]);
    vec![
        Block::ReportHeading {
            level: 1,
            latex: LatexHeading::Subsection,
            text: title(report, lang),
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
            words::value(style.lang),
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

fn json_value(report: &GraphReport, nodes: &[Labelled], lang: Lang) -> serde_json::Value {
    let json_nodes: Vec<_> = nodes
        .iter()
        .zip(&report.view.nodes)
        .enumerate()
        .map(|(i, (n, view))| json!({"id": i, "label": n.label, "latex": n.label_latex, "op": n.op, "op_latex": n.op_latex, "value": view.value, "gradient": view.gradient, "inputs": view.inputs}))
        .collect();
    let title: String = title(report, lang)
        .into_iter()
        .map(|span| match span {
            Span::Math(m) => m.unicode,
            Span::Text(t) => t,
            _ => String::new(),
        })
        .collect();
    json!({"title": title, "output": report.view.output, "output_name": output_name(report), "nodes": json_nodes})
}

/// The words of the report, one place for each (the messages `graph-…`
/// of the catalogue).
mod words {
    use super::{Math, NodeRole, Span};
    use crate::i18n::Lang;
    use crate::{msg, msg_spans};

    pub fn node(lang: Lang) -> String {
        msg!(lang, "header-node")
    }

    pub fn operation(lang: Lang) -> String {
        msg!(lang, "header-operation")
    }

    pub fn value(lang: Lang) -> String {
        msg!(lang, "header-value")
    }

    /// After a node met again: "(see above)".
    pub fn see_above(lang: Lang) -> String {
        msg!(lang, "graph-see-above")
    }

    pub fn number(lang: Lang) -> String {
        msg!(lang, "graph-number")
    }

    pub fn constant(lang: Lang) -> String {
        msg!(lang, "graph-constant")
    }

    pub fn input(lang: Lang) -> String {
        msg!(lang, "graph-input")
    }

    pub fn negate(lang: Lang) -> String {
        msg!(lang, "graph-negate")
    }

    pub fn power(lang: Lang) -> String {
        msg!(lang, "graph-power")
    }

    /// What a network's variable is.
    pub fn variable_kind(lang: Lang, role: NodeRole) -> String {
        match role {
            NodeRole::Parameter => msg!(lang, "graph-parameter"),
            NodeRole::Target => msg!(lang, "graph-target"),
            _ => input(lang),
        }
    }

    pub fn graph_of(lang: Lang, function: Math) -> Vec<Span> {
        msg_spans!(lang, "graph-of", function = function)
    }

    pub fn network_graph(lang: Lang, name: &str, shape: &str, sample: usize) -> String {
        msg!(
            lang,
            "graph-of-network",
            name = name,
            shape = shape,
            sample = sample.to_string()
        )
    }

    /// The closing explanation of the drawing.
    pub fn note(lang: Lang, output: &str, repeats: bool) -> String {
        let gradient = format!("∂{output}/∂node");
        let mut note = msg!(lang, "graph-note", output = output, gradient = &gradient);
        if repeats {
            note.push(' ');
            note.push_str(&msg!(
                lang,
                "graph-note-repeats",
                gradient = &gradient,
                see_above = see_above(lang)
            ));
        }
        note
    }
}
