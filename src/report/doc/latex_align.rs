//! Chains of equations and derivations as LaTeX `align*` rows that fit
//! the text width: long sides are broken at their operators
//! (`latex_math`), continuation rows indented by a `\quad`; a left side too
//! wide to share the alignment column stands on a row of its own; notes
//! (a rule's name) are `\tag*`s, which amsmath moves under the row when
//! the row leaves them no room. A derivation is a tree: each step's row
//! starts at the alignment point, indented an em a level.
//!
//! Invariant: the rows hold the chains' and steps' formulas in order,
//! each written whole (broken only between its terms).

use super::latex_math::{broken, width, LINE};
use super::latex_text::latex_text;
use super::{Chain, DerivationStep};

/// The width of ` = ` between two sides, in points.
const EQUALS: f64 = 13.0;
/// The indent of a continuation row, in points (`\quad`).
const QUAD: f64 = 10.0;
/// A left side wider than this share of the line stands on its own row.
const WIDE_SIDE: f64 = 0.4;

/// The rows of an `align*` for chains of equations, aligned at `=`.
pub(super) fn equation_rows(chains: &[Chain]) -> String {
    let column = chains
        .iter()
        .map(|c| width(&c.lhs.latex))
        .filter(|&w| w <= WIDE_SIDE * LINE)
        .fold(0.0, f64::max);
    let mut rows: Vec<String> = Vec::new();
    for chain in chains {
        let room = LINE - column;
        let wide = width(&chain.lhs.latex) > WIDE_SIDE * LINE;
        let mut chain_rows = Vec::new();
        if wide {
            chain_rows.extend(side_rows("", &chain.lhs.latex, room, ""));
        }
        for (k, r) in chain.rhs.iter().enumerate() {
            let lhs = if k == 0 && !wide {
                chain.lhs.latex.as_str()
            } else {
                ""
            };
            chain_rows.extend(side_rows(lhs, &r.latex, room - EQUALS, "="));
        }
        if chain.rhs.is_empty() && !wide {
            chain_rows.push(format!("{} &", chain.lhs.latex));
        }
        if let (Some(note), Some(last)) = (&chain.note, chain_rows.last_mut()) {
            last.push_str(&format!(" \\tag*{{{}}}", latex_text(note)));
        }
        rows.extend(chain_rows);
    }
    rows.join(" \\\\\n")
}

/// The rows of one side of an equation: `lhs &= first` then `&\quad {} +
/// rest…`, broken to `room` points after the alignment point.
fn side_rows(lhs: &str, latex: &str, room: f64, relation: &str) -> Vec<String> {
    let lines = broken(latex, room, room - QUAD);
    lines
        .iter()
        .enumerate()
        .map(|(k, line)| {
            if k == 0 {
                let space = if relation.is_empty() { "" } else { " " };
                format!("{lhs} &{relation}{space}{line}")
            } else {
                format!(" &\\quad {{}} {line}")
            }
        })
        .collect()
}

/// The rows of a derivation: each step `&\hspace{d em} lhs = rhs
/// \tag*{Rule}`, left-aligned and indented by depth.
pub(super) fn derivation_rows(steps: &[DerivationStep]) -> String {
    let rows: Vec<String> = steps.iter().flat_map(step_rows).collect();
    rows.join(" \\\\\n")
}

fn step_rows(step: &DerivationStep) -> Vec<String> {
    let indent_pt = 10.0 * step.depth as f64;
    let indent = if step.depth == 0 {
        String::new()
    } else {
        format!("\\hspace{{{}em}}", step.depth)
    };
    let room = LINE - indent_pt;
    let lhs_width = width(&step.lhs.latex);
    let mut rows = Vec::new();
    if lhs_width > WIDE_SIDE * room {
        // The left side on its own rows, then `= rhs` a quad in.
        for (k, line) in broken(&step.lhs.latex, room, room - QUAD)
            .iter()
            .enumerate()
        {
            rows.push(continued(&indent, k, line));
        }
        let inner = room - QUAD - EQUALS;
        for (k, line) in broken(&step.rhs.latex, inner, inner - QUAD)
            .iter()
            .enumerate()
        {
            let line = if k == 0 {
                format!("= {line}")
            } else {
                format!("\\quad {{}} {line}")
            };
            rows.push(format!("&{indent}\\quad {line}"));
        }
    } else {
        let first = room - lhs_width - EQUALS;
        let joined = broken(&step.rhs.latex, first, room - 2.0 * QUAD);
        for (k, line) in joined.iter().enumerate() {
            if k == 0 {
                rows.push(format!("&{indent}{} = {line}", step.lhs.latex));
            } else {
                rows.push(format!("&{indent}\\qquad {{}} {line}"));
            }
        }
    }
    if let Some(last) = rows.last_mut() {
        last.push_str(&format!(" \\tag*{{{}}}", step_note(step)));
    }
    rows
}

/// A row of a broken left side: the first at the indent, the others a
/// quad further.
fn continued(indent: &str, k: usize, line: &str) -> String {
    if k == 0 {
        format!("&{indent}{line}")
    } else {
        format!("&{indent}\\quad {{}} {line}")
    }
}

/// A step's note: its rule, and for a chain rule its inner function.
fn step_note(step: &DerivationStep) -> String {
    let mut note = latex_text(&step.rule);
    if let Some(inner) = &step.inner {
        note.push_str(&format!(
            ", ${} = {}$",
            inner.name.latex, inner.function.latex
        ));
    }
    note
}
