//! `--param`'s part of `net`'s report: one parameter's derivative by the
//! rules of differentiation, written out step by step — or, beyond
//! `limits::MAX_EXPANDED_TERMS` products, why not, and the same derivative
//! in the shared form backpropagation computes.

use super::backward::chain_equation;
use super::NetReport;
use crate::calculus::{Derivation, Rule};
use crate::expr::{latex_name, unicode_name};
use crate::msg;
use crate::report::doc::{text, Block, Chain as Equation, Math};
use crate::report::Style;

pub(super) fn derivation_blocks(
    r: &NetReport,
    param: usize,
    derivation: &Derivation,
    style: &Style,
) -> Vec<Block> {
    let f = r.formula;
    let name = &f.params[param].name;
    let values = r.shown_sample_values();
    let mut equations = Vec::new();
    for step in &derivation.steps {
        let indent = "  ".repeat(step.depth);
        let var = f.graph.as_var(step.wrt).unwrap_or(name);
        let (op_u, op_l) = (
            format!("∂/∂{}", unicode_name(var)),
            format!("\\frac{{\\partial}}{{\\partial {}}}", latex_name(var)),
        );
        let lhs = if step.rule == Rule::Simplify {
            Math::new(
                format!("{indent}{}", r.unicode(step.expr)),
                r.latex(step.expr),
            )
        } else {
            Math::new(
                format!("{indent}{op_u} [{}]", r.unicode(step.expr)),
                format!(
                    "\\quad{} {op_l}\\left[{}\\right]",
                    "\\quad".repeat(step.depth),
                    r.latex(step.expr)
                ),
            )
        };
        equations.push(Equation {
            lhs,
            rhs: vec![r.expr(step.result)],
            note: Some(step.rule.name_in(style.lang)),
        });
    }
    let mut blocks = vec![
        derivation_heading(name, style),
        Block::Paragraph(vec![text(msg!(
            style.lang,
            "net-derivation-by-rules",
            name = name
        ))]),
        Block::Equations(equations),
    ];
    if let Some(values) = values {
        let backprop = r.run.value(values, f.gradients[param]);
        blocks.push(Block::Paragraph(vec![text(msg!(
            style.lang,
            "net-derivation-value",
            sample = (r.sample + 1).to_string(),
            value = style.num(backprop)
        ))]));
    }
    blocks
}

/// `--param` for a parameter whose expanded derivation is beyond the
/// limit: why it is not written out, and the same derivative in the
/// shared form backpropagation computes.
pub(super) fn shared_derivation_blocks(
    r: &NetReport,
    param: usize,
    terms: u64,
    style: &Style,
) -> Vec<Block> {
    let f = r.formula;
    let name = &f.params[param].name;
    let count = if terms == u64::MAX {
        msg!(style.lang, "net-derivation-too-many")
    } else {
        crate::number::format_thousands(terms)
    };
    let mut blocks = vec![
        derivation_heading(name, style),
        Block::Paragraph(vec![text(msg!(
            style.lang,
            "net-derivation-shared",
            name = name,
            count = count,
            limit = crate::number::format_thousands(crate::limits::MAX_EXPANDED_TERMS)
        ))]),
    ];
    let values = r.shown_sample_values();
    if let (Some(chain), Some(values)) = (f.chains.iter().find(|c| c.param == param), values) {
        blocks.push(Block::Equations(vec![chain_equation(
            r, chain, values, style,
        )]));
        blocks.push(Block::Paragraph(vec![text(msg!(
            style.lang,
            "net-derivation-values-of",
            sample = (r.sample + 1).to_string()
        ))]));
    }
    blocks
}

/// "The derivation of ∂E_total/∂w" as a level-2 heading.
fn derivation_heading(name: &str, style: &Style) -> Block {
    Block::Heading {
        level: 2,
        text: vec![text(msg!(
            style.lang,
            "net-derivation-heading",
            name = name
        ))],
    }
}
