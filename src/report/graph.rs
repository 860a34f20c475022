//! The report of `stepgrad graph`: a computation graph with each node's
//! operation, forward value and gradient ∂output/∂node, drawn as a tree in
//! the terminal, or written for Graphviz (dot) or as JSON.

use super::{text_table, tree_prefixes, Format, Style};
use serde_json::json;

/// One node of the drawing.
#[derive(Clone, Debug)]
pub struct GraphNode {
    /// What the node computes, as the reader sees it: `apple·count`, a name
    /// such as `out_h1`, or a number.
    pub label: String,
    /// The label as LaTeX math (never shortened).
    pub label_latex: String,
    /// The operation: ×, +, σ, input, …
    pub op: String,
    /// The operation as LaTeX math.
    pub op_latex: String,
    pub value: Option<f64>,
    /// ∂output/∂node, where it is defined.
    pub gradient: Option<f64>,
    /// Operands, as indices into `nodes`.
    pub inputs: Vec<usize>,
}

#[derive(Clone, Debug)]
pub struct GraphReport {
    pub title: String,
    /// For an expression, "f = …" as LaTeX math, for the title of notes.
    pub title_math: Option<String>,
    /// The output's name for the gradient column header: f or E_total.
    pub output_name: String,
    pub nodes: Vec<GraphNode>,
    pub output: usize,
}

pub fn render(report: &GraphReport, format: Format, style: &Style) -> String {
    match format {
        Format::Dot => dot(report, style),
        Format::Markdown => notes(report, style, true),
        Format::Latex => notes(report, style, false),
        Format::Json => {
            let mut t = serde_json::to_string_pretty(&json_value(report)).unwrap_or_default();
            t.push('\n');
            t
        }
        _ => text(report, style),
    }
}

fn number(x: Option<f64>, style: &Style) -> String {
    x.map_or("—".to_string(), |v| style.num(v))
}

/// The nodes in drawing order from the output, each with its depth; a node
/// met a second time is listed once more, marked, without its inputs.
fn tree_order(report: &GraphReport) -> Vec<(usize, usize, bool)> {
    let mut out = Vec::new();
    let mut seen = vec![false; report.nodes.len()];
    let mut stack = vec![(report.output, 0)];
    while let Some((n, depth)) = stack.pop() {
        let repeated = seen[n];
        seen[n] = true;
        out.push((n, depth, repeated));
        if !repeated {
            for &c in report.nodes[n].inputs.iter().rev() {
                stack.push((c, depth + 1));
            }
        }
    }
    out
}

fn text(report: &GraphReport, style: &Style) -> String {
    let order = tree_order(report);
    let depths: Vec<usize> = order.iter().map(|&(_, d, _)| d).collect();
    let prefixes = tree_prefixes(&depths);
    let rows: Vec<Vec<String>> = order
        .iter()
        .zip(prefixes)
        .map(|(&(n, _, repeated), (prefix, _))| {
            let node = &report.nodes[n];
            // The whole expression is in the title; a shortened copy is not
            // worth a row's width.
            let name = if n == report.output && node.label.ends_with('…') {
                &report.output_name
            } else {
                &node.label
            };
            let label = if repeated {
                format!("{prefix}{name} (see above)")
            } else {
                format!("{prefix}{name}")
            };
            vec![
                label,
                node.op.clone(),
                number(node.value, style),
                number(node.gradient, style),
            ]
        })
        .collect();
    let gradient_header = format!("∂{}/∂node", report.output_name);
    let mut out = format!("{}\n\n", style.heading(&report.title));
    out.push_str(&text_table(
        style.lang,
        &["node", "operation", "value", &gradient_header],
        &rows,
    ));
    out.push('\n');
    out.push_str(&super::doc::wrap(&note(report, &order), 78));
    out.push('\n');
    out
}

/// The closing explanation of the drawing.
fn note(report: &GraphReport, order: &[(usize, usize, bool)]) -> String {
    let mut note = format!(
        "Forward: values flow up from the inputs to {0}. Backward: ∂{0}/∂node flows down, each node multiplying what it receives by its local derivative and adding up what reaches it along several paths.",
        report.output_name
    );
    if order.iter().any(|&(_, _, repeated)| repeated) {
        note.push_str(&format!(
            " A node used in several places is listed again, marked (see above); its ∂{}/∂node is the sum over all its uses.",
            report.output_name
        ));
    }
    note
}

/// The drawing for notes: a table whose first column is indented by
/// depth, labels and operations as math; Markdown or LaTeX.
fn notes(report: &GraphReport, style: &Style, markdown: bool) -> String {
    let order = tree_order(report);
    let output = crate::expr::latex_name(&report.output_name);
    let title_math = report.title_math.clone();
    let mut out = match (markdown, &title_math) {
        (true, Some(m)) => format!("## Computation graph of ${m}$\n\n"),
        (true, None) => format!("## {}\n\n", super::markdown_text(&report.title)),
        (false, Some(m)) => format!("\\subsection*{{Computation graph of ${m}$}}\n"),
        (false, None) => format!("\\subsection*{{{}}}\n", super::latex_text(&report.title)),
    };
    let rows: Vec<Vec<String>> = order
        .iter()
        .map(|&(n, depth, repeated)| {
            let node = &report.nodes[n];
            let again = if repeated { " (see above)" } else { "" };
            let label = if markdown {
                format!("{}${}${again}", "&emsp;".repeat(depth), node.label_latex)
            } else {
                format!("\\hspace*{{{depth}em}}${}${again}", node.label_latex)
            };
            vec![
                label,
                format!("${}$", node.op_latex),
                number(node.value, style),
                number(node.gradient, style),
            ]
        })
        .collect();
    let gradient_header = format!("$\\partial {output} / \\partial \\mathrm{{node}}$");
    let header = ["node", "operation", "value", gradient_header.as_str()];
    if markdown {
        out.push_str(&super::markdown_table(style.lang, &header, &rows));
        out.push_str(&format!(
            "\n{}\n",
            super::markdown_text(&note(report, &order))
        ));
    } else {
        out.push_str(&super::latex_table(style.lang, &header, &rows));
        out.push_str(&format!("\n{}\n", super::latex_text(&note(report, &order))));
    }
    out
}

fn dot_escape(s: &str) -> String {
    s.replace('\\', "\\\\").replace('"', "\\\"")
}

fn dot(report: &GraphReport, style: &Style) -> String {
    let mut out = String::from(
        "digraph computation {\n  rankdir=LR;\n  node [shape=box, fontname=\"Helvetica\"];\n",
    );
    for (i, node) in report.nodes.iter().enumerate() {
        let label = format!(
            "{}\\n{}\\nvalue {}\\n∂{}/∂node {}",
            dot_escape(&node.label),
            dot_escape(&node.op),
            number(node.value, style),
            dot_escape(&report.output_name),
            number(node.gradient, style)
        );
        let shape = if node.inputs.is_empty() {
            ", shape=ellipse"
        } else {
            ""
        };
        out.push_str(&format!("  n{i} [label=\"{label}\"{shape}];\n"));
    }
    for (i, node) in report.nodes.iter().enumerate() {
        for &c in &node.inputs {
            out.push_str(&format!("  n{c} -> n{i};\n"));
        }
    }
    out.push_str("}\n");
    out
}

pub fn json_value(report: &GraphReport) -> serde_json::Value {
    let nodes: Vec<_> = report
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| json!({"id": i, "label": n.label, "latex": n.label_latex, "op": n.op, "op_latex": n.op_latex, "value": n.value, "gradient": n.gradient, "inputs": n.inputs}))
        .collect();
    json!({"title": report.title, "output": report.output, "output_name": report.output_name, "nodes": nodes})
}
