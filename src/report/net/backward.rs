//! The backward pass of `net`'s report: each neuron's δ from the output
//! back, factorised once — its chain-rule factors' names, formulas and
//! values, with the sums over the paths through the next layer — and then
//! each parameter's gradient as the δ already computed times the input the
//! parameter multiplies, so the reuse is on the screen.

use super::NetReport;
use crate::msg;
use crate::network::{OutputRule, ParamKind, SampleValues};
use crate::report::doc::{text, Block, Chain as Equation, Math};
use crate::report::Style;

fn delta_name(neuron: &str) -> Math {
    NetReport::name(&format!("delta_{neuron}"))
}

pub(super) fn backward_blocks(
    r: &NetReport,
    values: &SampleValues,
    style: &Style,
    many: bool,
) -> Vec<Block> {
    let f = r.formula;
    let lang = style.lang;
    let mut blocks = vec![Block::Heading {
        level: 3,
        text: vec![text(msg!(lang, "net-backward-heading"))],
    }];
    let sample_text = if many {
        let how = if r.spec.loss.averages_samples() {
            msg!(lang, "net-how-mean")
        } else {
            msg!(lang, "net-how-sum")
        };
        let sample = (r.sample + 1).to_string();
        format!(
            "{} ",
            msg!(lang, "net-backward-sample", sample = sample, how = how)
        )
    } else {
        String::new()
    };
    blocks.push(Block::Paragraph(vec![text(format!(
        "{sample_text}{}",
        msg!(lang, "net-backward-explained")
    ))]));

    // The δs, output layer first.
    let mut equations = Vec::new();
    for layer in f.layers.iter().rev() {
        for &n in layer {
            let neuron = &f.neurons[n];
            let delta = f.deltas[n];
            let lhs = delta_name(&neuron.name);
            let d_net = NetReport::partial("E_total", &format!("net_{}", neuron.name));
            let is_output = neuron.layer == f.layers.len();
            let chain = f
                .chains
                .iter()
                .find(|c| f.target_neuron(c.param) == n && c.factors.len() == 3);
            let mut rhs = vec![d_net];
            let mut note = None;
            match (is_output, f.output_rule, chain) {
                (true, OutputRule::SoftmaxCrossEntropy, _)
                | (true, OutputRule::SigmoidBinaryCrossEntropy, _) => {
                    rhs.push(r.definition(delta));
                    note = Some(if f.output_rule == OutputRule::SoftmaxCrossEntropy {
                        msg!(lang, "net-softmax-note")
                    } else {
                        msg!(lang, "net-sigmoid-note")
                    });
                }
                (_, _, Some(chain)) => {
                    let (a, b) = (&chain.factors[0], &chain.factors[1]);
                    let names = [
                        NetReport::partial(&a.of, &a.by),
                        NetReport::partial(&b.of, &b.by),
                    ];
                    let numbers = [
                        r.value(values, a.formula, style),
                        r.value(values, b.formula, style),
                    ];
                    let formulas = [r.factor(a.formula), r.factor(b.formula)];
                    rhs.push(Math::join(&names, " · ", " \\cdot "));
                    rhs.push(Math::join(&formulas, " · ", " \\cdot "));
                    rhs.push(Math::join(&numbers, " · ", " \\cdot "));
                    if let Some(sum) = chain.path_sum.and_then(|n| f.path_sums[n].as_ref()) {
                        equations.push(path_sum_equation(r, sum, values, style));
                    }
                }
                _ => rhs.push(r.definition(delta)),
            }
            rhs.push(r.value(values, delta, style));
            equations.push(Equation { lhs, rhs, note });
        }
    }
    blocks.push(Block::Equations(equations));

    // Every parameter's gradient from the δs above, output layer first.
    blocks.push(Block::Paragraph(vec![text(msg!(
        lang,
        "net-backward-reuse"
    ))]));
    let mut order: Vec<usize> = (0..f.params.len()).collect();
    order.sort_by_key(|&p| std::cmp::Reverse(f.neurons[f.target_neuron(p)].layer));
    let equations = order
        .into_iter()
        .map(|p| gradient_equation(r, p, values, style))
        .collect();
    blocks.push(Block::Equations(equations));
    let weights = f
        .params
        .iter()
        .filter(|p| matches!(p.kind, ParamKind::Weight { .. }))
        .count();
    blocks.push(Block::Paragraph(vec![text(msg!(
        lang,
        "net-multiplications",
        backprop = f.backprop_multiplications.to_string(),
        weights = weights.to_string(),
        separate = f.separate_multiplications.to_string()
    ))]));
    blocks
}

/// ∂E/∂out_h = Σ_k δ_k·w, with the numbers.
fn path_sum_equation(
    r: &NetReport,
    sum: &crate::network::PathSum,
    values: &SampleValues,
    style: &Style,
) -> Equation {
    let f = r.formula;
    let neuron = &f.neurons[sum.neuron].name;
    let terms: Vec<Math> = sum
        .terms
        .iter()
        .map(|&(next, _, w, _)| {
            let d = delta_name(&f.neurons[next].name);
            let w = r.expr(w);
            Math::new(
                format!("{}·{}", d.unicode, w.unicode),
                format!("{} {}", d.latex, w.latex),
            )
        })
        .collect();
    let numbers: Vec<Math> = sum
        .terms
        .iter()
        .enumerate()
        .map(|(k, &(_, _, _, c))| signed_term(r, values, c, k, style))
        .collect();
    let join = |items: &[Math]| Math::join(items, " + ", " + ");
    let total = f
        .adjoints
        .get(f.neurons[sum.neuron].out)
        .map_or(Math::number("0"), |id| r.value(values, id, style));
    let mut rhs = vec![join(&terms)];
    if sum.terms.len() > 1 {
        rhs.push(join(&numbers));
    }
    rhs.push(total);
    Equation {
        lhs: NetReport::partial("E_total", &format!("out_{neuron}")),
        rhs,
        note: Some(msg!(style.lang, "net-path-sum-note")),
    }
}

/// ∂E_total/∂p from the δs the backward pass computed: δ · input for a
/// weight, δ for a neuron's own bias, the sum of the layer's δs for a
/// shared bias — the names, their values, and the gradient node's value.
fn gradient_equation(
    r: &NetReport,
    param: usize,
    values: &SampleValues,
    style: &Style,
) -> Equation {
    let f = r.formula;
    let p = &f.params[param];
    let lhs = NetReport::partial("E_total", &p.name);
    let gradient = r.value(values, f.gradients[param], style);
    let neuron = f.target_neuron(param);
    let delta = f.deltas[neuron];
    let rhs = match p.kind {
        ParamKind::Weight { layer, from, .. } => {
            let input = f.weight_input(layer, from);
            let names = [delta_name(&f.neurons[neuron].name), r.expr(input)];
            let numbers = [r.value(values, delta, style), r.value(values, input, style)];
            vec![
                Math::join(&names, " · ", " \\cdot "),
                Math::join(&numbers, " · ", " \\cdot "),
                gradient,
            ]
        }
        ParamKind::Bias { to: Some(_), .. } => vec![delta_name(&f.neurons[neuron].name), gradient],
        ParamKind::Bias { layer, to: None } => {
            let names: Vec<Math> = f.layers[layer]
                .iter()
                .map(|&n| delta_name(&f.neurons[n].name))
                .collect();
            let numbers: Vec<Math> = f.layers[layer]
                .iter()
                .enumerate()
                .map(|(k, &n)| signed_term(r, values, f.deltas[n], k, style))
                .collect();
            let mut rhs = vec![Math::join(&names, " + ", " + ")];
            if names.len() > 1 {
                rhs.push(Math::join(&numbers, " + ", " + "));
            }
            rhs.push(gradient);
            rhs
        }
    };
    Equation {
        lhs,
        rhs: vec![Math::join(&rhs, " = ", " = ")],
        note: None,
    }
}

/// A term's value in a sum: negative ones after the first in parentheses.
fn signed_term(
    r: &NetReport,
    values: &SampleValues,
    id: crate::expr::Id,
    k: usize,
    style: &Style,
) -> Math {
    let v = r.value(values, id, style);
    if k > 0 && r.run.value(values, id) < 0.0 {
        Math::new(
            format!("({})", v.unicode),
            format!("\\left({}\\right)", v.latex),
        )
    } else {
        v
    }
}

/// ∂E_total/∂p as the product of its chain-rule factors: their names,
/// formulas and values for one sample, and the gradient.
pub(super) fn chain_equation(
    r: &NetReport,
    chain: &crate::network::Chain,
    values: &SampleValues,
    style: &Style,
) -> Equation {
    let p = &r.formula.params[chain.param];
    let lhs = NetReport::partial("E_total", &p.name);
    let names: Vec<Math> = chain
        .factors
        .iter()
        .map(|x| NetReport::partial(&x.of, &x.by))
        .collect();
    let formulas: Vec<Math> = chain.factors.iter().map(|x| r.factor(x.formula)).collect();
    let numbers: Vec<Math> = chain
        .factors
        .iter()
        .map(|x| r.value(values, x.formula, style))
        .collect();
    let join = |items: &[Math]| Math::join(items, " · ", " \\cdot ");
    let mut rhs = Vec::new();
    if chain.factors.len() > 1 {
        rhs.push(join(&names));
        rhs.push(join(&formulas));
        rhs.push(join(&numbers));
    } else {
        rhs.push(r.expr(chain.factors[0].formula));
    }
    rhs.push(r.value(values, chain.gradient, style));
    Equation {
        lhs,
        rhs,
        note: None,
    }
}
