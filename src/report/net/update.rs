//! The update of `net`'s report: the optimizer's rule, and per parameter
//! its value before, its gradient, the optimizer's state and its value
//! after; the step's scalar quantities and, for a few parameters, its
//! matrices.

use super::{settings_text, NetReport};
use crate::msg;
use crate::network::StepRecord;
use crate::optim::{StateValue, StepReport};
use crate::report::doc::{cell, math, math_cell, strong, text, Block, Math};
use crate::report::Style;

pub(super) fn update_blocks(r: &NetReport, step: &StepRecord, style: &Style) -> Vec<Block> {
    let f = r.formula;
    let lang = style.lang;
    let (rule_unicode, rule_latex) = r.optimizer.rule_in(lang);
    let mut blocks = vec![
        Block::Heading {
            level: 3,
            text: vec![text(msg!(lang, "net-update-heading"))],
        },
        Block::Paragraph(vec![
            text(format!(
                "{} ",
                msg!(
                    lang,
                    "net-update-rule",
                    optimizer = r.optimizer.title_in(lang),
                    settings = settings_text(r)
                )
            )),
            math(rule_unicode, rule_latex),
            text("."),
        ]),
    ];
    let report = step.optimizer.as_ref();
    // Per-variable state columns, indexed by trainable position.
    let columns: Vec<(&str, &Vec<f64>)> = report
        .map(|rep| {
            rep.state
                .iter()
                .filter_map(|e| match &e.value {
                    StateValue::PerVariable(v) => Some((e.symbol, v)),
                    _ => None,
                })
                .collect()
        })
        .unwrap_or_default();
    let position: Vec<Option<usize>> = (0..f.params.len())
        .map(|i| r.run.trainable.iter().position(|&t| t == i))
        .collect();
    let mut header = vec![
        cell("parameter"),
        cell("before"),
        math_cell(Math::new(
            "g = ∂E/∂θ",
            "g = \\partial E / \\partial \\theta",
        )),
    ];
    header.extend(columns.iter().map(|(symbol, _)| cell(symbol.to_string())));
    header.push(cell("after"));
    let rows = f
        .params
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let mut row = vec![
                math_cell(NetReport::name(&p.name)),
                cell(style.num(step.params_before[i])),
                cell(style.num(step.gradients[i])),
            ];
            for (_, values) in &columns {
                row.push(cell(
                    position[i].map_or("—".to_string(), |k| style.num(values[k])),
                ));
            }
            row.push(match position[i] {
                None => vec![text(msg!(
                    lang,
                    "net-not-updated",
                    value = style.num(step.params_after[i])
                ))],
                Some(_) => vec![strong(style.num(step.params_after[i]))],
            });
            row
        })
        .collect();
    blocks.push(Block::Table { header, rows });
    if let Some(rep) = report {
        blocks.extend(state_blocks(r, rep, style));
    }
    blocks
}

/// The step's scalar quantities, its matrices over a few trainable
/// parameters, and its note.
fn state_blocks(r: &NetReport, rep: &StepReport, style: &Style) -> Vec<Block> {
    let f = r.formula;
    let mut blocks = Vec::new();
    let scalars: Vec<String> = rep
        .state
        .iter()
        .filter_map(|e| match e.value {
            StateValue::Scalar(v) => Some(format!("{} = {}", e.symbol, style.num(v))),
            _ => None,
        })
        .collect();
    if !scalars.is_empty() {
        blocks.push(Block::Paragraph(vec![text(msg!(
            style.lang,
            "net-step-quantities",
            quantities = scalars.join(", ")
        ))]));
    }
    for entry in &rep.state {
        let StateValue::Matrix(m) = &entry.value else {
            continue;
        };
        if m.len() > MATRIX_LIMIT {
            continue;
        }
        blocks.push(Block::Paragraph(vec![text(msg!(
            style.lang,
            "net-matrix-over",
            symbol = entry.symbol
        ))]));
        let names: Vec<&str> = r
            .run
            .trainable
            .iter()
            .map(|&t| f.params[t].name.as_str())
            .collect();
        let mut header = vec![cell("")];
        header.extend(names.iter().map(|n| math_cell(NetReport::name(n))));
        let rows = m
            .iter()
            .zip(&names)
            .map(|(row, n)| {
                let mut cells = vec![math_cell(NetReport::name(n))];
                cells.extend(row.iter().map(|v| cell(style.num(*v))));
                cells
            })
            .collect();
        blocks.push(Block::Table { header, rows });
    }
    if let Some(note) = &rep.note {
        blocks.push(Block::Paragraph(vec![text(msg!(
            style.lang,
            "net-step-note",
            note = note.render(style.lang)
        ))]));
    }
    blocks
}

/// Matrices of state are printed for at most this many parameters.
const MATRIX_LIMIT: usize = 12;
