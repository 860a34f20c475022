//! `--param`'s part of `net`'s report: one parameter's derivative by the
//! rules of differentiation, written out step by step — or, beyond
//! `limits::MAX_EXPANDED_TERMS` products, why not, and the same derivative
//! in the shared form backpropagation computes.

use super::backward::chain_equation;
use super::NetReport;
use crate::calculus::{Derivation, Rule};
use crate::expr::{latex_name, unicode_name};
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
            note: Some(step.rule.name().to_string()),
        });
    }
    let mut blocks = vec![
        Block::Heading {
            level: 2,
            text: vec![text(format!("The derivation of ∂E_total/∂{name}"))],
        },
        Block::Paragraph(vec![text(format!(
            "The same derivative by the rules of differentiation, applied to E_total as a formula of {name} (each named quantity is treated as the formula it names)."
        ))]),
        Block::Equations(equations),
    ];
    if let Some(values) = values {
        let backprop = r.run.value(values, f.gradients[param]);
        blocks.push(Block::Paragraph(vec![text(format!(
            "Its value for sample {} at the first step is the backpropagation value: {}.",
            r.sample + 1,
            style.num(backprop)
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
        "more than 18 quintillion".to_string()
    } else {
        crate::number::format_thousands(terms)
    };
    let mut blocks = vec![
        Block::Heading {
            level: 2,
            text: vec![text(format!("The derivation of ∂E_total/∂{name}"))],
        },
        Block::Paragraph(vec![text(format!(
            "Written out by the rules of differentiation with the chain rule fully expanded, ∂E_total/∂{name} is a sum of {count} products, one for each path from {name} to E_total through the neurons after it; their number multiplies with every layer the paths cross. stepgrad writes out derivations of at most {} such products (docs/limits.md), so here is the shared form instead, the one backpropagation computes: each δ is computed once from the δs of the layer after it (the backward pass), and every path through a neuron shares its δ.",
            crate::number::format_thousands(crate::limits::MAX_EXPANDED_TERMS),
        ))]),
    ];
    let values = r.shown_sample_values();
    if let (Some(chain), Some(values)) = (f.chains.iter().find(|c| c.param == param), values) {
        blocks.push(Block::Equations(vec![chain_equation(
            r, chain, values, style,
        )]));
        blocks.push(Block::Paragraph(vec![text(format!(
            "The values are those of sample {} at the first step.",
            r.sample + 1
        ))]));
    }
    blocks
}
