//! The gradient check of `diff --gradcheck` and `net --gradcheck`: a table
//! of each derivative beside its central-difference estimate, their
//! relative difference and the step, with the note on how the step was
//! chosen; in JSON, the rows under `"gradcheck"` of the command's own
//! document.
//!
//! Invariant: the numbers are the library's `GradientCheck`s, written as
//! they are.

use super::doc::{self, math_cell, text, Block, Cell, Math, Span};
use super::{json as document, Format, Style};
use crate::calculus::GradientCheck;
use crate::expr::latex_name;
use crate::i18n::message;
use crate::msg;
use serde_json::{json, Value};

/// What was checked: a function's derivatives by its variables (`diff`),
/// or a network's loss by its parameters (`net`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Checked {
    Function { partial: bool },
    NetworkLoss,
}

/// The command's report with the gradient check after it: in JSON the
/// document `value` gains a `"gradcheck"` array, in the other formats the
/// check's section follows `rendered`.
pub fn appended(
    rendered: String,
    value: impl FnOnce() -> Value,
    rows: &[GradientCheck],
    checked: Checked,
    format: Format,
    style: &Style,
) -> String {
    if format == Format::Json {
        let mut value = value();
        if let Value::Object(map) = &mut value {
            map.insert("gradcheck".into(), json_rows(rows));
        }
        return document::document(&value);
    }
    let section = doc::render(&blocks(rows, checked, style), format, style);
    format!("{}\n{}", rendered.trim_end_matches('\n'), section)
}

/// The rows as JSON: `{"name", "derivative", "estimate", "step",
/// "relative_difference"}`, null where there is no estimate.
pub fn json_rows(rows: &[GradientCheck]) -> Value {
    rows.iter()
        .map(|r| {
            json!({
                "name": r.name,
                "derivative": r.derivative,
                "estimate": r.estimate,
                "step": r.step,
                "relative_difference": r.relative,
            })
        })
        .collect()
}

fn blocks(rows: &[GradientCheck], checked: Checked, style: &Style) -> Vec<Block> {
    let lang = style.lang;
    let (intro, what, by) = match checked {
        Checked::Function { .. } => (
            "gradcheck-intro-diff",
            "gradcheck-variable",
            "gradcheck-symbolic",
        ),
        Checked::NetworkLoss => (
            "gradcheck-intro-net",
            "gradcheck-parameter",
            "gradcheck-backprop",
        ),
    };
    let header: Vec<Cell> = [
        what,
        by,
        "gradcheck-estimate",
        "gradcheck-relative",
        "gradcheck-step",
    ]
    .iter()
    .map(|id| vec![text(message(lang, id, &[]))])
    .collect();
    let table = rows.iter().map(|r| row(r, checked, style)).collect();
    let mut out = vec![
        Block::Heading {
            level: 2,
            text: vec![text(msg!(lang, "gradcheck-heading"))],
        },
        Block::Paragraph(vec![text(message(lang, intro, &[]))]),
        Block::Table {
            header,
            rows: table,
        },
    ];
    if let Some(largest) = rows.iter().filter_map(|r| r.relative).reduce(f64::max) {
        out.push(Block::Paragraph(vec![text(msg!(
            lang,
            "gradcheck-largest",
            relative = short(largest)
        ))]));
    }
    out.push(Block::Paragraph(vec![text(msg!(
        lang,
        "gradcheck-step-note"
    ))]));
    out
}

fn row(r: &GradientCheck, checked: Checked, style: &Style) -> Vec<Cell> {
    let lang = style.lang;
    // Enough digits to see where the two agree and where they part.
    let digits = style.digits.max(12);
    let number = |x: f64| math_cell(Math::number(crate::number::format_significant(x, digits)));
    let (estimate, relative) = match (r.estimate, r.relative) {
        (Some(e), Some(d)) => (number(e), math_cell(Math::number(short(d)))),
        _ => (
            vec![text(msg!(lang, "gradcheck-undefined"))],
            vec![Span::NoValue],
        ),
    };
    vec![
        math_cell(derivative_name(&r.name, checked)),
        number(r.derivative),
        estimate,
        relative,
        math_cell(Math::number(short(r.step))),
    ]
}

/// ∂f/∂x (df/dx for one variable), ∂E/∂w5.
fn derivative_name(name: &str, checked: Checked) -> Math {
    let v = latex_name(name);
    match checked {
        Checked::Function { partial: false } => {
            Math::new(format!("df/d{name}"), format!("\\frac{{df}}{{d{v}}}"))
        }
        Checked::Function { partial: true } => Math::new(
            format!("∂f/∂{name}"),
            format!("\\frac{{\\partial f}}{{\\partial {v}}}"),
        ),
        Checked::NetworkLoss => Math::new(
            format!("∂E/∂{name}"),
            format!("\\frac{{\\partial E}}{{\\partial {v}}}"),
        ),
    }
}

/// A small positive number in two significant digits: 3.1e-11.
fn short(x: f64) -> String {
    crate::number::format_significant(x, 2)
}
