//! The report of `stepgrad diff`: derivations, results, values at a point,
//! gradient and Hessian, in every format.

use super::{latex_table, markdown_table, text_table, tree_prefixes, Format, Style};
use crate::calculus::{Derivation, Rule, Step};
use crate::expr::domain::Restriction;
use crate::expr::{ascii, latex, latex_name, unicode, Graph, Id, Point};
use serde::Serialize;
use std::collections::BTreeMap;

/// Everything `diff` found for one expression.
#[derive(Clone, Debug)]
pub struct DiffReport {
    pub input: String,
    pub expr: Id,
    /// The expression's variables, in order of appearance.
    pub variables: Vec<String>,
    /// One derivation per variable differentiated by.
    pub derivations: Vec<Derivation>,
    pub show_steps: bool,
    pub point: Option<Point>,
    /// The expression's value at `point`.
    pub value: Option<f64>,
    /// Each derivative's value at `point`, in the order of `derivations`.
    pub derivative_values: Vec<f64>,
    pub hessian: Option<Hessian>,
    /// Derivatives in prime notation, (u·v)′ and f′ (only for expressions
    /// of one variable; partial derivatives keep ∂).
    pub prime: bool,
}

/// Second derivatives ∂²f/∂xᵢ∂xⱼ.
#[derive(Clone, Debug)]
pub struct Hessian {
    pub variables: Vec<String>,
    pub entries: Vec<Vec<Id>>,
    pub values: Option<Vec<Vec<f64>>>,
}

pub fn render(report: &DiffReport, graph: &Graph, format: Format, style: &Style) -> String {
    let prime = style.prime && report.variables.len() <= 1;
    let with_notation;
    let report = if prime != report.prime {
        with_notation = DiffReport {
            prime,
            ..report.clone()
        };
        &with_notation
    } else {
        report
    };
    match format {
        Format::Markdown => markdown(report, graph, style),
        Format::Latex => latex_fragment(report, graph, style),
        Format::Json => json(report, graph),
        _ => text(report, graph, style),
    }
}

/// Names of the derivative operators for one variable: (operator, result
/// name), e.g. ("d/dx", "df/dx") or ("∂/∂w", "∂f/∂w").
fn operators(report: &DiffReport, var: &str) -> (String, String) {
    if report.prime {
        (String::new(), format!("f′({var})"))
    } else if report.variables.len() <= 1 {
        (format!("d/d{var}"), format!("df/d{var}"))
    } else {
        (format!("∂/∂{var}"), format!("∂f/∂{var}"))
    }
}

fn function_label(report: &DiffReport) -> String {
    if report.variables.is_empty() {
        "f".to_string()
    } else {
        format!("f({})", report.variables.join(", "))
    }
}

fn point_text(point: &Point, style: &Style) -> String {
    point
        .values
        .iter()
        .map(|(n, v)| format!("{n} = {}", style.num(*v)))
        .collect::<Vec<_>>()
        .join(", ")
}

// ---- text -------------------------------------------------------------------

fn text(report: &DiffReport, graph: &Graph, style: &Style) -> String {
    let mut out = format!(
        "{} = {}\n",
        function_label(report),
        unicode(graph, report.expr)
    );
    if report.show_steps {
        for derivation in &report.derivations {
            let (op, _) = operators(report, &derivation.var);
            out.push('\n');
            out.push_str(&style.heading(&format!(
                "Derivation of {}",
                applied(report, &op, &unicode(graph, report.expr))
            )));
            out.push('\n');
            out.push_str(&text_steps(report, graph, derivation, style));
        }
    }
    out.push('\n');
    out.push_str(&style.heading("Result"));
    out.push('\n');
    for derivation in &report.derivations {
        let (_, name) = operators(report, &derivation.var);
        out.push_str(&format!(
            "  {name} = {}\n",
            style.result(&unicode(graph, derivation.result))
        ));
    }
    if report.derivations.len() > 1 {
        let parts: Vec<String> = report
            .derivations
            .iter()
            .map(|d| unicode(graph, d.result))
            .collect();
        out.push_str(&format!("  ∇f = ({})\n", parts.join(", ")));
    }
    if let Some(hessian) = &report.hessian {
        out.push('\n');
        out.push_str(&style.heading("Hessian"));
        out.push('\n');
        let mut header = vec![String::new()];
        header.extend(hessian.variables.iter().cloned());
        let rows: Vec<Vec<String>> = hessian
            .variables
            .iter()
            .zip(&hessian.entries)
            .map(|(v, row)| {
                let mut cells = vec![v.clone()];
                cells.extend(row.iter().map(|&e| unicode(graph, e)));
                cells
            })
            .collect();
        let header_refs: Vec<&str> = header.iter().map(String::as_str).collect();
        out.push_str(&text_table(style.lang, &header_refs, &rows));
    }
    if let (Some(point), Some(value)) = (&report.point, report.value) {
        out.push('\n');
        out.push_str(&style.heading(&format!("At {}", point_text(point, style))));
        out.push('\n');
        let mut lines = vec![(function_label(report), style.num(value))];
        for (derivation, v) in report.derivations.iter().zip(&report.derivative_values) {
            lines.push((operators(report, &derivation.var).1, style.num(*v)));
        }
        if report.derivations.len() > 1 {
            let parts: Vec<String> = report
                .derivative_values
                .iter()
                .map(|v| style.num(*v))
                .collect();
            lines.push(("∇f".to_string(), format!("({})", parts.join(", "))));
        }
        let width = lines
            .iter()
            .map(|(l, _)| l.chars().count())
            .max()
            .unwrap_or(0);
        for (label, value) in lines {
            let pad = width - label.chars().count();
            out.push_str(&format!(
                "  {label}{} = {}\n",
                " ".repeat(pad),
                style.result(&value)
            ));
        }
        if let Some(values) = report.hessian.as_ref().and_then(|h| h.values.as_ref()) {
            let hessian = report
                .hessian
                .as_ref()
                .map_or(&[][..], |h| &h.variables[..]);
            let mut header = vec![String::from("H")];
            header.extend(hessian.iter().cloned());
            let rows: Vec<Vec<String>> = hessian
                .iter()
                .zip(values)
                .map(|(v, row)| {
                    let mut cells = vec![v.clone()];
                    cells.extend(row.iter().map(|x| style.num(*x)));
                    cells
                })
                .collect();
            let header_refs: Vec<&str> = header.iter().map(String::as_str).collect();
            out.push_str(&text_table(style.lang, &header_refs, &rows));
        }
    }
    if report.show_steps {
        out.push('\n');
        out.push_str(&style.heading("Rules used"));
        out.push('\n');
        let rules = rules_used(&report.derivations);
        let width = rules.iter().map(|r| r.name().len()).max().unwrap_or(0);
        for rule in rules {
            out.push_str(&format!("  {:width$}  {}\n", rule.name(), rule.formula()));
        }
    }
    out
}

/// The distinct rules of the derivations, in order of first use.
fn rules_used(derivations: &[Derivation]) -> Vec<Rule> {
    let mut rules = Vec::new();
    for step in derivations.iter().flat_map(|d| &d.steps) {
        if !rules.contains(&step.rule) && step.rule != Rule::Repeated {
            rules.push(step.rule);
        }
    }
    rules
}

/// `op` applied to an expression: d/dx [e], or (e)′ in prime notation.
fn applied(report: &DiffReport, op: &str, expr: &str) -> String {
    if report.prime {
        format!("({expr})′")
    } else {
        format!("{op} [{expr}]")
    }
}

/// The operator for a step: by the variable, or by the placeholder u.
fn step_operator(report: &DiffReport, graph: &Graph, step: &Step) -> String {
    let var = graph.as_var(step.wrt).unwrap_or("x");
    if report.variables.iter().any(|v| v == var) && report.variables.len() > 1 {
        format!("∂/∂{var}")
    } else {
        format!("d/d{var}")
    }
}

fn text_steps(
    report: &DiffReport,
    graph: &Graph,
    derivation: &Derivation,
    style: &Style,
) -> String {
    let depths: Vec<usize> = derivation.steps.iter().map(|s| s.depth).collect();
    let prefixes = tree_prefixes(&depths);
    let mut out = String::new();
    for (step, (first, rest)) in derivation.steps.iter().zip(prefixes) {
        let op = step_operator(report, graph, step);
        let equation = match step.rule {
            Rule::Simplify => format!(
                "{} = {}{}",
                unicode(graph, step.expr),
                unicode(graph, step.result),
                conditions_text(graph, &derivation.conditions)
            ),
            Rule::Repeated => format!(
                "{} = {}  (derived above)",
                applied(report, &op, &unicode(graph, step.expr)),
                unicode(graph, step.result)
            ),
            _ => format!(
                "{} = {}",
                applied(report, &op, &unicode(graph, step.expr)),
                unicode(graph, step.result)
            ),
        };
        out.push_str(&format!(
            "{first}{}: {equation}\n",
            style.rule(step.rule.name())
        ));
        if let Some(inner) = step.inner {
            let u = graph.as_var(inner.placeholder).unwrap_or("u");
            let (_, dname) = operators(report, &derivation.var);
            let du = if report.prime {
                format!("{u}′")
            } else {
                dname.replacen('f', u, 1)
            };
            out.push_str(&format!(
                "{rest}{}\n",
                style.dim(&format!(
                    "with {u} = {}, {du} = {}",
                    unicode(graph, inner.expr),
                    unicode(graph, inner.derivative)
                ))
            ));
        }
    }
    out
}

// ---- Markdown ---------------------------------------------------------------

fn latex_operator(report: &DiffReport, var: &str) -> (String, String) {
    let v = latex_name(var);
    if report.prime {
        (String::new(), format!("f'({v})"))
    } else if report.variables.len() <= 1 {
        (
            format!("\\frac{{d}}{{d{v}}}"),
            format!("\\frac{{df}}{{d{v}}}"),
        )
    } else {
        (
            format!("\\frac{{\\partial}}{{\\partial {v}}}"),
            format!("\\frac{{\\partial f}}{{\\partial {v}}}"),
        )
    }
}

fn latex_step_operator(report: &DiffReport, graph: &Graph, step: &Step) -> String {
    let var = graph.as_var(step.wrt).unwrap_or("x");
    if report.variables.iter().any(|v| v == var) {
        latex_operator(report, var).0
    } else {
        format!("\\frac{{d}}{{d{}}}", latex_name(var))
    }
}

/// One step as a LaTeX equation (without delimiters).
fn latex_step(
    report: &DiffReport,
    graph: &Graph,
    step: &Step,
    conditions: &[Restriction],
) -> (String, String) {
    let op = latex_step_operator(report, graph, step);
    let lhs = match step.rule {
        Rule::Simplify => latex(graph, step.expr),
        _ if report.prime => format!("\\left({}\\right)'", latex(graph, step.expr)),
        _ => format!("{op}\\left[{}\\right]", latex(graph, step.expr)),
    };
    let mut rhs = latex(graph, step.result);
    if step.rule == Rule::Simplify {
        rhs.push_str(&conditions_latex(graph, conditions));
    }
    (lhs, rhs)
}

/// ", for x ≠ 0 and x > 0" after a simplification that assumed it.
fn conditions_text(graph: &Graph, conditions: &[Restriction]) -> String {
    if conditions.is_empty() {
        return String::new();
    }
    let parts: Vec<String> = conditions
        .iter()
        .map(|r| match r {
            Restriction::NonZero(u) => format!("{} ≠ 0", unicode(graph, *u)),
            Restriction::Positive(u) => format!("{} > 0", unicode(graph, *u)),
            Restriction::NonNegative(u) => format!("{} ≥ 0", unicode(graph, *u)),
        })
        .collect();
    format!("  (for {})", parts.join(" and "))
}

fn conditions_latex(graph: &Graph, conditions: &[Restriction]) -> String {
    if conditions.is_empty() {
        return String::new();
    }
    let parts: Vec<String> = conditions
        .iter()
        .map(|r| match r {
            Restriction::NonZero(u) => format!("{} \\neq 0", latex(graph, *u)),
            Restriction::Positive(u) => format!("{} > 0", latex(graph, *u)),
            Restriction::NonNegative(u) => format!("{} \\geq 0", latex(graph, *u)),
        })
        .collect();
    format!("\\quad\\text{{for }} {}", parts.join(",\\ "))
}

fn latex_function_label(report: &DiffReport) -> String {
    if report.variables.is_empty() {
        "f".to_string()
    } else {
        let vars: Vec<String> = report.variables.iter().map(|v| latex_name(v)).collect();
        format!("f({})", vars.join(", "))
    }
}

fn markdown(report: &DiffReport, graph: &Graph, style: &Style) -> String {
    let mut out = format!(
        "## Derivative of ${} = {}$\n\n",
        latex_function_label(report),
        latex(graph, report.expr)
    );
    for derivation in &report.derivations {
        let (_, name) = latex_operator(report, &derivation.var);
        if report.show_steps {
            out.push_str(&format!(
                "### Derivation with respect to ${}$\n\n",
                latex_name(&derivation.var)
            ));
            for step in &derivation.steps {
                let (lhs, rhs) = latex_step(report, graph, step, &derivation.conditions);
                out.push_str(&format!(
                    "{}1. **{}** $\\;{}$: ${lhs} = {rhs}$",
                    "   ".repeat(step.depth),
                    step.rule.name(),
                    step.rule.formula_latex()
                ));
                if let Some(inner) = step.inner {
                    let u = latex(graph, inner.placeholder);
                    out.push_str(&format!(
                        ", with ${u} = {}$ and ${}$",
                        latex(graph, inner.expr),
                        inner_derivative_latex(
                            report,
                            graph,
                            &derivation.var,
                            inner.placeholder,
                            inner.derivative
                        )
                    ));
                }
                if step.rule == Rule::Repeated {
                    out.push_str(" (derived above)");
                }
                out.push('\n');
            }
            out.push('\n');
        }
        out.push_str(&format!(
            "$${name} = {}$$\n\n",
            latex(graph, derivation.result)
        ));
    }
    if let Some(hessian) = &report.hessian {
        out.push_str("### Hessian\n\n");
        out.push_str(&format!(
            "$$H = {}$$\n\n",
            latex_matrix(&hessian.entries, |&e| latex(graph, e))
        ));
    }
    if let (Some(point), Some(value)) = (&report.point, report.value) {
        out.push_str(&format!(
            "### Values at ${}$\n\n",
            latex_point(point, style)
        ));
        let rows = latex_value_rows(report, value, style);
        out.push_str(&markdown_table(style.lang, &["quantity", "value"], &rows));
        if let Some(values) = report.hessian.as_ref().and_then(|h| h.values.as_ref()) {
            out.push_str(&format!(
                "\n$$H = {}$$\n",
                latex_matrix(values, |x| style.num(*x))
            ));
        }
    }
    out
}

/// The point as LaTeX: `x = 1.5,\ y = 2`.
fn latex_point(point: &Point, style: &Style) -> String {
    let at: Vec<String> = point
        .values
        .iter()
        .map(|(n, v)| format!("{} = {}", latex_name(n), style.num(*v)))
        .collect();
    at.join(",\\ ")
}

/// The rows of the values table in LaTeX notation: the function, then each
/// derivative.
fn latex_value_rows(report: &DiffReport, value: f64, style: &Style) -> Vec<Vec<String>> {
    let mut rows = vec![vec![
        format!("${}$", latex_function_label(report)),
        style.num(value),
    ]];
    for (derivation, v) in report.derivations.iter().zip(&report.derivative_values) {
        rows.push(vec![
            format!("${}$", latex_operator(report, &derivation.var).1),
            style.num(*v),
        ]);
    }
    rows
}

fn inner_derivative_latex(
    report: &DiffReport,
    graph: &Graph,
    var: &str,
    placeholder: Id,
    derivative: Id,
) -> String {
    let u = latex(graph, placeholder);
    let v = latex_name(var);
    let op = if report.prime {
        format!("{u}'")
    } else if report.variables.len() <= 1 {
        format!("\\frac{{d{u}}}{{d{v}}}")
    } else {
        format!("\\frac{{\\partial {u}}}{{\\partial {v}}}")
    };
    format!("{op} = {}", latex(graph, derivative))
}

fn latex_matrix<T>(rows: &[Vec<T>], cell: impl Fn(&T) -> String) -> String {
    let body: Vec<String> = rows
        .iter()
        .map(|row| row.iter().map(&cell).collect::<Vec<_>>().join(" & "))
        .collect();
    format!(
        "\\begin{{pmatrix}} {} \\end{{pmatrix}}",
        body.join(" \\\\ ")
    )
}

// ---- LaTeX ------------------------------------------------------------------

fn latex_fragment(report: &DiffReport, graph: &Graph, style: &Style) -> String {
    let mut out = format!(
        "\\subsection*{{Derivative of ${} = {}$}}\n",
        latex_function_label(report),
        latex(graph, report.expr)
    );
    for derivation in &report.derivations {
        let (_, name) = latex_operator(report, &derivation.var);
        if report.show_steps {
            out.push_str(&format!(
                "\\paragraph{{Derivation with respect to ${}$.}}\n\\begin{{align*}}\n",
                latex_name(&derivation.var)
            ));
            let lines: Vec<String> = derivation
                .steps
                .iter()
                .map(|step| {
                    let (lhs, rhs) = latex_step(report, graph, step, &derivation.conditions);
                    let indent = "\\quad ".repeat(step.depth);
                    let mut note = format!("\\text{{{}}}", super::latex_text(step.rule.name()));
                    if let Some(inner) = step.inner {
                        note.push_str(&format!(
                            ",\\ {} = {}",
                            latex(graph, inner.placeholder),
                            latex(graph, inner.expr)
                        ));
                    }
                    format!("{indent}{lhs} &= {rhs} && {note}")
                })
                .collect();
            out.push_str(&lines.join(" \\\\\n"));
            out.push_str("\n\\end{align*}\n");
        }
        out.push_str(&format!(
            "\\[ {name} = {} \\]\n",
            latex(graph, derivation.result)
        ));
    }
    if let Some(hessian) = &report.hessian {
        out.push_str(&format!(
            "\\[ H = {} \\]\n",
            latex_matrix(&hessian.entries, |&e| latex(graph, e))
        ));
    }
    if let (Some(point), Some(value)) = (&report.point, report.value) {
        out.push_str(&format!(
            "\\paragraph{{Values at ${}$.}}\n",
            latex_point(point, style)
        ));
        let rows = latex_value_rows(report, value, style);
        out.push_str(&latex_table(style.lang, &["quantity", "value"], &rows));
        if let Some(values) = report.hessian.as_ref().and_then(|h| h.values.as_ref()) {
            out.push_str(&format!(
                "\\[ H = {} \\]\n",
                latex_matrix(values, |x| style.num(*x))
            ));
        }
    }
    out
}

// ---- JSON -------------------------------------------------------------------

#[derive(Serialize)]
pub struct JsonStep {
    pub rule: &'static str,
    pub before: String,
    pub after: String,
    pub depth: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wrt: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inner: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inner_derivative: Option<String>,
}

#[derive(Serialize)]
struct JsonDerivative {
    derivative: String,
    latex: String,
    steps: Vec<JsonStep>,
    derivative_value: Option<f64>,
}

#[derive(Serialize)]
struct JsonHessian {
    variables: Vec<String>,
    matrix: Vec<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    values: Option<Vec<Vec<f64>>>,
}

pub fn json_steps(graph: &Graph, derivation: &Derivation) -> Vec<JsonStep> {
    derivation
        .steps
        .iter()
        .map(|s| JsonStep {
            rule: s.rule.name(),
            before: ascii(graph, s.expr),
            after: ascii(graph, s.result),
            depth: s.depth,
            wrt: (s.rule != Rule::Simplify).then(|| graph.as_var(s.wrt).unwrap_or("").to_string()),
            inner: s.inner.map(|i| ascii(graph, i.expr)),
            inner_derivative: s.inner.map(|i| ascii(graph, i.derivative)),
        })
        .collect()
}

/// The JSON value of a report (one object; `--file` wraps these in an
/// array).
pub fn json_value(report: &DiffReport, graph: &Graph) -> serde_json::Value {
    use serde_json::{json, Map, Value};
    let mut object = Map::new();
    object.insert("expr".into(), json!(ascii(graph, report.expr)));
    let at: Option<BTreeMap<String, f64>> = report
        .point
        .as_ref()
        .map(|p| p.values.iter().cloned().collect());
    let derivative_json = |i: usize, d: &Derivation| JsonDerivative {
        derivative: ascii(graph, d.result),
        latex: latex(graph, d.result),
        steps: if report.show_steps {
            json_steps(graph, d)
        } else {
            Vec::new()
        },
        derivative_value: report.derivative_values.get(i).copied(),
    };
    if let [single] = report.derivations.as_slice() {
        object.insert("wrt".into(), json!(single.var));
        if let Ok(Value::Object(fields)) = serde_json::to_value(derivative_json(0, single)) {
            object.extend(fields);
        }
    } else {
        let vars: Vec<&str> = report.derivations.iter().map(|d| d.var.as_str()).collect();
        object.insert("wrt".into(), json!(vars));
        let mut gradient = Map::new();
        for (i, d) in report.derivations.iter().enumerate() {
            gradient.insert(
                d.var.clone(),
                serde_json::to_value(derivative_json(i, d)).unwrap_or(Value::Null),
            );
        }
        object.insert("gradient".into(), Value::Object(gradient));
    }
    if let Some(h) = &report.hessian {
        let hessian = JsonHessian {
            variables: h.variables.clone(),
            matrix: h
                .entries
                .iter()
                .map(|row| row.iter().map(|&e| ascii(graph, e)).collect())
                .collect(),
            values: h.values.clone(),
        };
        object.insert(
            "hessian".into(),
            serde_json::to_value(hessian).unwrap_or(Value::Null),
        );
    }
    object.insert("at".into(), json!(at));
    object.insert("value".into(), json!(report.value));
    Value::Object(object)
}

fn json(report: &DiffReport, graph: &Graph) -> String {
    let mut text = serde_json::to_string_pretty(&json_value(report, graph)).unwrap_or_default();
    text.push('\n');
    text
}
