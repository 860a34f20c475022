//! The report of `stepgrad diff`: derivations, results, values at a point,
//! gradient and Hessian, built once as a document (`doc`) and written in
//! every format; JSON from the report's data.
//!
//! The terminal shows the derivations, then the results together, the
//! Hessian as a table and the rules used; notes follow each derivation
//! with its result and set matrices as matrices.

use super::doc::{
    self, math_cell, strong, text, Block, Cell, Definition, DerivationStep, InnerFunction,
    LatexHeading, Math, Shown, Span,
};
use super::{Format, Style};
use crate::calculus::{Derivation, Rule, Step};
use crate::expr::domain::Restriction;
use crate::expr::{ascii, latex, latex_name, unicode, Graph, Id, Point};
use crate::i18n::Lang;
use serde::Serialize;
use std::collections::BTreeMap;

/// Everything `diff` found for one expression.
#[derive(Clone, Debug)]
pub struct DiffReport {
    pub input: String,
    pub expr: Id,
    /// The input was written in textbook notation (see `expr::Parsed`).
    pub textbook: bool,
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
}

/// Second derivatives ∂²f/∂xᵢ∂xⱼ.
#[derive(Clone, Debug)]
pub struct Hessian {
    pub variables: Vec<String>,
    pub entries: Vec<Vec<Id>>,
    pub values: Option<Vec<Vec<f64>>>,
}

pub fn render(report: &DiffReport, graph: &Graph, format: Format, style: &Style) -> String {
    match format {
        Format::Json => json(report, graph),
        _ => doc::render(&document(report, graph, style), format, style),
    }
}

/// The report as a document.
fn document(report: &DiffReport, graph: &Graph, style: &Style) -> Vec<Block> {
    let builder = Builder {
        report,
        graph,
        style,
        // Prime notation is for functions of one variable; partial
        // derivatives keep ∂.
        prime: style.prime && report.variables.len() <= 1,
    };
    let mut blocks = builder.statement();
    if report.show_steps {
        blocks.extend(
            report
                .derivations
                .iter()
                .map(|d| builder.terminal_derivation(d)),
        );
    }
    blocks.extend(
        report
            .derivations
            .iter()
            .map(|d| builder.notes_derivation(d)),
    );
    blocks.push(builder.terminal_results());
    if let Some(hessian) = &report.hessian {
        blocks.extend(builder.hessian(hessian));
    }
    if let (Some(point), Some(value)) = (&report.point, report.value) {
        blocks.extend(builder.values(point, value));
    }
    if report.show_steps {
        blocks.push(builder.rules_used());
    }
    blocks
}

/// What the document is built from.
struct Builder<'a> {
    report: &'a DiffReport,
    graph: &'a Graph,
    style: &'a Style,
    /// Derivatives written f′ and (u·v)′ rather than df/dx.
    prime: bool,
}

impl Builder<'_> {
    /// The language of the report's words.
    fn lang(&self) -> Lang {
        self.style.lang
    }

    /// An expression of the graph in both notations.
    fn expr(&self, id: Id) -> Math {
        Math::new(unicode(self.graph, id), latex(self.graph, id))
    }

    /// f(x, y): the function with its variables.
    fn function_label(&self) -> Math {
        let variables = &self.report.variables;
        if variables.is_empty() {
            return Math::new("f", "f");
        }
        let names: Vec<String> = variables.iter().map(|v| latex_name(v)).collect();
        Math::new(
            format!("f({})", variables.join(", ")),
            format!("f({})", names.join(", ")),
        )
    }

    /// Whether derivatives are partial (the expression has several
    /// variables).
    fn partial(&self) -> bool {
        self.report.variables.len() > 1
    }

    /// The operator by `var`: d/dx, ∂/∂x (nothing in prime notation).
    fn operator(&self, var: &str) -> Math {
        let v = latex_name(var);
        if self.prime {
            Math::new("", "")
        } else if self.partial() {
            Math::new(
                format!("∂/∂{var}"),
                format!("\\frac{{\\partial}}{{\\partial {v}}}"),
            )
        } else {
            Math::new(format!("d/d{var}"), format!("\\frac{{d}}{{d{v}}}"))
        }
    }

    /// The derivative's name: df/dx, ∂f/∂x or f′(x).
    fn derivative_name(&self, var: &str) -> Math {
        let v = latex_name(var);
        if self.prime {
            Math::new(format!("f′({var})"), format!("f'({v})"))
        } else if self.partial() {
            Math::new(
                format!("∂f/∂{var}"),
                format!("\\frac{{\\partial f}}{{\\partial {v}}}"),
            )
        } else {
            Math::new(format!("df/d{var}"), format!("\\frac{{df}}{{d{v}}}"))
        }
    }

    /// `op` applied to an expression: d/dx [e], or (e)′ in prime notation.
    fn applied(&self, op: &Math, expr: Id) -> Math {
        let e = self.expr(expr);
        if self.prime {
            Math::new(
                format!("({})′", e.unicode),
                format!("\\left({}\\right)'", e.latex),
            )
        } else {
            Math::new(
                format!("{} [{}]", op.unicode, e.unicode),
                format!("{}\\left[{}\\right]", op.latex, e.latex),
            )
        }
    }

    /// f(x) = x²·sin(x): a line in the terminal, the title of notes.
    fn statement(&self) -> Vec<Block> {
        let statement = Math::join(
            &[self.function_label(), self.expr(self.report.expr)],
            " = ",
            " = ",
        );
        vec![
            Block::Only(
                Shown::Terminal,
                vec![Block::Lines {
                    indent: 0,
                    lines: vec![vec![Span::Math(statement.clone())]],
                }],
            ),
            Block::Only(
                Shown::Notes,
                vec![Block::ReportHeading {
                    level: 1,
                    latex: LatexHeading::Subsection,
                    text: words::derivative_of(self.lang(), statement),
                }],
            ),
        ]
    }

    /// The derivation by one variable under its heading, for the terminal.
    fn terminal_derivation(&self, derivation: &Derivation) -> Block {
        let applied = self.applied(&self.operator(&derivation.var), self.report.expr);
        Block::Only(
            Shown::Terminal,
            vec![Block::Group(vec![
                Block::Heading {
                    level: 3,
                    text: words::derivation_of(self.lang(), applied),
                },
                self.steps(derivation),
            ])],
        )
    }

    /// The derivation by one variable (when steps are shown) and its
    /// result, for notes.
    fn notes_derivation(&self, derivation: &Derivation) -> Block {
        let mut blocks = Vec::new();
        if self.report.show_steps {
            let var = Math::new(derivation.var.clone(), latex_name(&derivation.var));
            blocks.push(Block::ReportHeading {
                level: 2,
                latex: LatexHeading::RunIn,
                text: words::derivation_by(self.lang(), var),
            });
            blocks.push(self.steps(derivation));
        }
        let name = self.derivative_name(&derivation.var);
        let result = self.expr(derivation.result);
        blocks.push(Block::Display(Math::join(&[name, result], " = ", " = ")));
        Block::Only(Shown::Notes, blocks)
    }

    fn steps(&self, derivation: &Derivation) -> Block {
        Block::Derivation(
            derivation
                .steps
                .iter()
                .map(|step| self.step(derivation, step))
                .collect(),
        )
    }

    /// The operator of a step: by the variable, or by the placeholder u of
    /// a chain rule.
    fn step_operator(&self, step: &Step) -> Math {
        let var = self.graph.as_var(step.wrt).unwrap_or("x");
        if self.report.variables.iter().any(|v| v == var) {
            self.operator(var)
        } else {
            Math::new(
                format!("d/d{var}"),
                format!("\\frac{{d}}{{d{}}}", latex_name(var)),
            )
        }
    }

    fn step(&self, derivation: &Derivation, step: &Step) -> DerivationStep {
        let (lhs, rhs) = if step.rule == Rule::Simplify {
            let result = self.expr(step.result);
            let (when, when_latex) = self.conditions(&derivation.conditions);
            (
                self.expr(step.expr),
                Math::new(result.unicode + &when, result.latex + &when_latex),
            )
        } else {
            (
                self.applied(&self.step_operator(step), step.expr),
                self.expr(step.result),
            )
        };
        DerivationStep {
            depth: step.depth,
            rule: step.rule.name_in(self.lang()),
            formula: Math::new(
                step.rule.formula_in(self.lang()),
                step.rule.formula_latex_in(self.lang()),
            ),
            lhs,
            rhs,
            inner: step.inner.map(|inner| InnerFunction {
                name: Math::new(
                    self.graph.as_var(inner.placeholder).unwrap_or("u"),
                    latex(self.graph, inner.placeholder),
                ),
                function: self.expr(inner.expr),
                derivative_name: self.inner_derivative_name(&derivation.var, inner.placeholder),
                derivative: self.expr(inner.derivative),
            }),
            remark: (step.rule == Rule::Repeated).then(|| words::derived_above(self.lang())),
        }
    }

    /// du/dx, ∂u/∂x or u′ for the inner function u of a chain rule.
    fn inner_derivative_name(&self, var: &str, placeholder: Id) -> Math {
        let u = self.graph.as_var(placeholder).unwrap_or("u");
        let u_latex = latex(self.graph, placeholder);
        let v = latex_name(var);
        if self.prime {
            Math::new(format!("{u}′"), format!("{u_latex}'"))
        } else if self.partial() {
            Math::new(
                format!("∂{u}/∂{var}"),
                format!("\\frac{{\\partial {u_latex}}}{{\\partial {v}}}"),
            )
        } else {
            Math::new(
                format!("d{u}/d{var}"),
                format!("\\frac{{d{u_latex}}}{{d{v}}}"),
            )
        }
    }

    /// The conditions a simplification assumed, after its result: "  (for
    /// x ≠ 0 and x > 0)" and its LaTeX.
    fn conditions(&self, conditions: &[Restriction]) -> (String, String) {
        if conditions.is_empty() {
            return (String::new(), String::new());
        }
        let (unicode_parts, latex_parts): (Vec<String>, Vec<String>) = conditions
            .iter()
            .map(|r| {
                let (u, relation, relation_latex) = match r {
                    Restriction::NonZero(u) => (*u, "≠", "\\neq"),
                    Restriction::Positive(u) => (*u, ">", ">"),
                    Restriction::NonNegative(u) => (*u, "≥", "\\geq"),
                };
                let u = self.expr(u);
                (
                    format!("{} {relation} 0", u.unicode),
                    format!("{} {relation_latex} 0", u.latex),
                )
            })
            .unzip();
        words::assuming(self.lang(), &unicode_parts, &latex_parts)
    }

    /// The results together under one heading, for the terminal: each
    /// derivative, and the gradient when there are several.
    fn terminal_results(&self) -> Block {
        let derivations = &self.report.derivations;
        let mut lines: Vec<Vec<Span>> = derivations
            .iter()
            .map(|d| {
                vec![
                    Span::Math(self.derivative_name(&d.var)),
                    text(" = "),
                    strong(unicode(self.graph, d.result)),
                ]
            })
            .collect();
        if derivations.len() > 1 {
            let parts: Vec<String> = derivations
                .iter()
                .map(|d| unicode(self.graph, d.result))
                .collect();
            lines.push(vec![text(format!("∇f = ({})", parts.join(", ")))]);
        }
        terminal_section(
            words::result(self.lang()),
            vec![Block::Lines { indent: 2, lines }],
        )
    }

    /// The second derivatives: a table in the terminal, a matrix in notes.
    fn hessian(&self, hessian: &Hessian) -> Vec<Block> {
        let table = matrix_table(&hessian.variables, "", &hessian.entries, |&e| {
            unicode(self.graph, e)
        });
        let matrix = Block::Display(hessian_matrix(&hessian.entries, |&e| self.expr(e)));
        vec![
            terminal_section(words::hessian(self.lang()), vec![table]),
            Block::Only(
                Shown::Markdown,
                vec![Block::ReportHeading {
                    level: 2,
                    latex: LatexHeading::RunIn,
                    text: words::hessian(self.lang()),
                }],
            ),
            Block::Only(Shown::Notes, vec![matrix]),
        ]
    }

    /// The values at the point: the function, each derivative (and the
    /// gradient in the terminal), and the Hessian's values.
    fn values(&self, point: &Point, value: f64) -> Vec<Block> {
        let style = self.style;
        let mut rows = vec![[
            math_cell(self.function_label()),
            doc::cell(style.num(value)),
        ]];
        let derivatives = self.report.derivations.iter();
        for (d, v) in derivatives.zip(&self.report.derivative_values) {
            rows.push([
                math_cell(self.derivative_name(&d.var)),
                doc::cell(style.num(*v)),
            ]);
        }
        let mut terminal_rows = rows.clone();
        if self.report.derivations.len() > 1 {
            let parts: Vec<String> = self
                .report
                .derivative_values
                .iter()
                .map(|v| style.num(*v))
                .collect();
            terminal_rows.push([
                math_cell(Math::new("∇f", "\\nabla f")),
                doc::cell(format!("({})", parts.join(", "))),
            ]);
        }
        let header = words::values_header(self.lang());
        let mut terminal = vec![Block::Values {
            header: header.clone(),
            rows: terminal_rows,
        }];
        let mut notes = vec![Block::Values { header, rows }];
        if let Some(Hessian {
            variables,
            values: Some(values),
            ..
        }) = &self.report.hessian
        {
            terminal.push(matrix_table(variables, "H", values, |x| style.num(*x)));
            notes.push(Block::Display(hessian_matrix(values, |x| {
                Math::new(style.num(*x), style.num(*x))
            })));
        }
        let at = super::point(point, style);
        vec![
            terminal_section(words::at(self.lang(), at.clone()), terminal),
            Block::Only(
                Shown::Notes,
                vec![
                    Block::ReportHeading {
                        level: 2,
                        latex: LatexHeading::RunIn,
                        text: words::values_at(self.lang(), at),
                    },
                    // The values end the notes without a blank line.
                    Block::Group(notes),
                ],
            ),
        ]
    }

    /// The distinct rules of the derivations, in order of first use, with
    /// their formulas (terminal only).
    fn rules_used(&self) -> Block {
        let mut rules = Vec::new();
        for step in self.report.derivations.iter().flat_map(|d| &d.steps) {
            if !rules.contains(&step.rule) && step.rule != Rule::Repeated {
                rules.push(step.rule);
            }
        }
        let definitions = rules
            .into_iter()
            .map(|rule| Definition {
                term: rule.name_in(self.lang()),
                meaning: vec![doc::math(
                    rule.formula_in(self.lang()),
                    rule.formula_latex_in(self.lang()),
                )],
            })
            .collect();
        terminal_section(
            words::rules_used(self.lang()),
            vec![Block::Definitions(definitions)],
        )
    }
}

/// A heading and what it heads, as one unit of the terminal's report.
fn terminal_section(heading: Vec<Span>, body: Vec<Block>) -> Block {
    let mut blocks = vec![Block::Heading {
        level: 3,
        text: heading,
    }];
    blocks.extend(body);
    Block::Only(Shown::Terminal, vec![Block::Group(blocks)])
}

/// A square matrix as a table with the variables along both sides and
/// `corner` at the top left.
fn matrix_table<T>(
    variables: &[String],
    corner: &str,
    rows: &[Vec<T>],
    cell: impl Fn(&T) -> String,
) -> Block {
    let mut header = vec![doc::cell(corner)];
    header.extend(variables.iter().map(doc::cell));
    let rows = variables
        .iter()
        .zip(rows)
        .map(|(v, row)| {
            let mut cells: Vec<Cell> = vec![doc::cell(v)];
            cells.extend(row.iter().map(|x| doc::cell(cell(x))));
            cells
        })
        .collect();
    Block::Table { header, rows }
}

/// H = (…) as a matrix: `\begin{pmatrix} … \end{pmatrix}` in LaTeX.
fn hessian_matrix<T>(rows: &[Vec<T>], entry: impl Fn(&T) -> Math) -> Math {
    let entries: Vec<Vec<Math>> = rows
        .iter()
        .map(|r| r.iter().map(&entry).collect())
        .collect();
    let unicode_rows: Vec<String> = entries
        .iter()
        .map(|r| format!("({})", Math::join(r, ", ", "").unicode))
        .collect();
    let latex_rows: Vec<String> = entries
        .iter()
        .map(|r| Math::join(r, "", " & ").latex)
        .collect();
    Math::new(
        format!("H = ({})", unicode_rows.join(", ")),
        format!(
            "H = \\begin{{pmatrix}} {} \\end{{pmatrix}}",
            latex_rows.join(" \\\\ ")
        ),
    )
}

/// The words of the report, one place for each (the messages `diff-…`
/// of the catalogue).
mod words {
    use super::{Math, Span};
    use crate::i18n::Lang;
    use crate::msg_spans;

    pub fn derived_above(lang: Lang) -> String {
        crate::msg!(lang, "diff-derived-above")
    }

    pub fn derivative_of(lang: Lang, statement: Math) -> Vec<Span> {
        msg_spans!(lang, "diff-derivative-of", statement = statement)
    }

    pub fn derivation_of(lang: Lang, applied: Math) -> Vec<Span> {
        msg_spans!(lang, "diff-derivation-of", derivative = applied)
    }

    pub fn derivation_by(lang: Lang, var: Math) -> Vec<Span> {
        msg_spans!(lang, "diff-derivation-by", var = var)
    }

    pub fn result(lang: Lang) -> Vec<Span> {
        msg_spans!(lang, "diff-result")
    }

    pub fn hessian(lang: Lang) -> Vec<Span> {
        msg_spans!(lang, "diff-hessian")
    }

    pub fn at(lang: Lang, point: Math) -> Vec<Span> {
        msg_spans!(lang, "diff-at", point = point)
    }

    pub fn values_at(lang: Lang, point: Math) -> Vec<Span> {
        msg_spans!(lang, "diff-values-at", point = point)
    }

    pub fn values_header(lang: Lang) -> [String; 2] {
        [
            crate::msg!(lang, "header-quantity"),
            crate::msg!(lang, "header-value"),
        ]
    }

    pub fn rules_used(lang: Lang) -> Vec<Span> {
        msg_spans!(lang, "diff-rules-used")
    }

    /// After a simplification's result, the conditions it assumed: "  (for
    /// x ≠ 0 and x > 0)", and in LaTeX "\\quad\\text{for } x \\neq 0,\\ x > 0".
    pub fn assuming(
        lang: Lang,
        conditions: &[String],
        conditions_latex: &[String],
    ) -> (String, String) {
        let mut joined = conditions.first().cloned().unwrap_or_default();
        for next in conditions.iter().skip(1) {
            joined = crate::msg!(lang, "diff-conditions", first = joined, next = next);
        }
        let all = Math::new(joined, conditions_latex.join(",\\ "));
        let spans = msg_spans!(lang, "diff-assuming", conditions = all);
        let unicode: String = super::doc::plain(&spans);
        // Words set as \text, math as it is; math after \quad or after
        // words is spaced from them.
        let mut latex = String::from("\\quad");
        for span in &spans {
            match span {
                Span::Math(m) => {
                    latex.push(' ');
                    latex.push_str(&m.latex);
                }
                other => {
                    let words = super::doc::plain(std::slice::from_ref(other));
                    latex.push_str(&format!("\\text{{{words}}}"));
                }
            }
        }
        (format!("  ({unicode})"), latex)
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn conditions_in_both_languages() {
            let conditions = ["x ≠ 0".to_string(), "x + 1 ≠ 0".to_string()];
            let latex = ["x \\neq 0".to_string(), "x + 1 \\neq 0".to_string()];
            assert_eq!(
                assuming(Lang::En, &conditions, &latex),
                (
                    "  (for x ≠ 0 and x + 1 ≠ 0)".to_string(),
                    "\\quad\\text{for } x \\neq 0,\\ x + 1 \\neq 0".to_string()
                )
            );
            assert_eq!(
                assuming(Lang::Ko, &conditions[..1], &latex[..1]),
                (
                    "  (x ≠ 0일 때)".to_string(),
                    "\\quad x \\neq 0\\text{일 때}".to_string()
                )
            );
        }
    }
}

// ---- JSON -------------------------------------------------------------------

#[derive(Serialize)]
pub struct JsonStep {
    /// The rule's name in English: JSON is read by programs.
    pub rule: String,
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
