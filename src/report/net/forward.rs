//! The forward half of `net`'s report: the loss as a formula (named and,
//! when small enough, written out), each step's forward table and loss,
//! and the loss of a long run every few steps.

use super::NetReport;
use crate::i18n::Lang;
use crate::msg;
use crate::network::{SampleValues, StepRecord};
use crate::report::doc::{cell, math, math_cell, text, Block, Chain as Equation, Math};
use crate::report::Style;

/// Nodes the fully expanded loss may have to be printed.
const EXPANDED_NODES: u64 = 400;

pub(super) fn formula_blocks(r: &NetReport, lang: Lang) -> Vec<Block> {
    let f = r.formula;
    let mut equations = Vec::new();
    for n in &f.neurons {
        equations.push(Equation {
            lhs: NetReport::name(&format!("net_{}", n.name)),
            rhs: vec![r.definition(n.net)],
            note: None,
        });
        if n.out != n.net {
            equations.push(Equation {
                lhs: NetReport::name(&format!("out_{}", n.name)),
                rhs: vec![r.definition(n.out)],
                note: None,
            });
        }
    }
    if let Some((&lse, _)) = f.names.iter().find(|(_, n)| n.as_str() == "lse") {
        equations.push(Equation {
            lhs: NetReport::name("lse"),
            rhs: vec![r.definition(lse)],
            note: Some(msg!(lang, "net-lse-note")),
        });
    }
    for &e in &f.error_terms {
        if f.error_terms.len() > 1 {
            equations.push(Equation {
                lhs: NetReport::name(&f.names[&e]),
                rhs: vec![r.definition(e)],
                note: None,
            });
        }
    }
    equations.push(Equation {
        lhs: NetReport::name("E_total"),
        rhs: vec![r.definition(f.loss)],
        note: None,
    });
    let mut blocks = vec![
        Block::Heading {
            level: 2,
            text: vec![text(msg!(lang, "net-formula-heading"))],
        },
        Block::Paragraph(vec![text(msg!(lang, "net-formula-serves"))]),
        Block::Equations(equations),
    ];
    let size = f.graph.tree_size(f.loss);
    if size <= EXPANDED_NODES {
        let g = &f.graph;
        blocks.push(Block::Paragraph(vec![text(msg!(
            lang,
            "net-fully-expanded"
        ))]));
        blocks.push(Block::Equations(vec![Equation {
            lhs: NetReport::name("E_total"),
            rhs: vec![Math::new(
                crate::expr::unicode(g, f.loss),
                crate::expr::latex(g, f.loss),
            )],
            note: None,
        }]));
    } else {
        blocks.push(Block::Paragraph(vec![text(msg!(
            lang,
            "net-too-large-to-expand",
            size = size.to_string()
        ))]));
    }
    blocks
}

pub(super) fn loss_blocks(
    r: &NetReport,
    step: &StepRecord,
    samples: &[SampleValues],
    style: &Style,
) -> Vec<Block> {
    let f = r.formula;
    let mut blocks = vec![Block::Heading {
        level: 3,
        text: vec![text(msg!(style.lang, "net-loss-heading"))],
    }];
    if samples.len() == 1 {
        let values = &samples[0];
        let mut equations = Vec::new();
        if f.error_terms.len() > 1 {
            for &e in &f.error_terms {
                equations.push(Equation {
                    lhs: NetReport::name(&f.names[&e]),
                    rhs: vec![r.definition(e), r.value(values, e, style)],
                    note: None,
                });
            }
        }
        equations.push(Equation {
            lhs: NetReport::name("E_total"),
            rhs: vec![r.definition(f.loss), Math::number(style.num(step.loss))],
            note: None,
        });
        blocks.push(Block::Equations(equations));
    } else {
        let mut header = vec![cell("sample")];
        if f.error_terms.len() > 1 {
            header.extend(
                f.error_terms
                    .iter()
                    .map(|e| math_cell(NetReport::name(&f.names[e]))),
            );
        }
        header.push(math_cell(NetReport::name("E_total")));
        let rows = samples
            .iter()
            .enumerate()
            .map(|(s, values)| {
                let mut row = vec![cell((s + 1).to_string())];
                if f.error_terms.len() > 1 {
                    row.extend(
                        f.error_terms
                            .iter()
                            .map(|&e| cell(style.num(r.run.value(values, e)))),
                    );
                }
                row.push(cell(style.num(r.run.value(values, f.loss))));
                row
            })
            .collect();
        blocks.push(Block::Table { header, rows });
        let how = if r.spec.loss.averages_samples() {
            msg!(style.lang, "net-batch-loss-mean")
        } else {
            msg!(style.lang, "net-batch-loss-sum")
        };
        blocks.push(Block::Paragraph(vec![
            text(format!("{how} ")),
            math(
                format!("E = {}", style.num(step.loss)),
                format!("E = {}", Math::number(style.num(step.loss)).latex),
            ),
            text("."),
        ]));
    }
    blocks
}

pub(super) fn loss_history(r: &NetReport, style: &Style) -> Vec<Block> {
    let every = interval(r.run.losses.len());
    let rows = (1..=r.run.losses.len())
        .filter(|&step| step == 1 || step % every == 0)
        .map(|step| {
            vec![
                cell(step.to_string()),
                cell(style.num(r.run.losses[step - 1])),
            ]
        })
        .collect();
    vec![
        Block::Heading {
            level: 2,
            text: vec![text(msg!(
                style.lang,
                "net-loss-every",
                every = every.to_string()
            ))],
        },
        Block::Table {
            header: vec![
                cell("step"),
                math_cell({
                    let before = msg!(style.lang, "net-loss-before-step");
                    let latex = format!("E \\text{{{}}}", before.trim_start_matches('E'));
                    Math::new(before, latex)
                }),
            ],
            rows,
        },
    ]
}

/// A round interval giving about ten rows for `steps` steps.
fn interval(steps: usize) -> usize {
    let target = (steps / 10).max(1);
    let mut unit = 1;
    loop {
        for m in [1, 2, 5] {
            if unit * m >= target {
                return unit * m;
            }
        }
        unit *= 10;
    }
}
