//! The values a quantity takes under each typical mistake, recomputed in a
//! world (the reference's or the student's): the mistakes made at the
//! quantity itself, and those made at an earlier quantity the student did
//! not write down, carried through this one's formula.
//!
//! Invariant: every variant is the quantity's formula with exactly one
//! documented mistake in it (docs/net-check.md); nothing is guessed.

use super::quantities::{Batch, Kind, Quantities};
use super::Mistake;
use crate::network::spec::{Activation, Loss};
use crate::network::ParamKind;

/// At most this many variants are kept per quantity (deep networks lift
/// many through their sums).
const KEPT: usize = 64;

/// The variants of every quantity of `qs` in `world`, in order; the
/// student's own values (`given`) are not lifted through, since the
/// student wrote them.
pub(super) fn all_variants(
    qs: &Quantities,
    world: &[f64],
    given: &[bool],
    batch: &Batch,
) -> Vec<Vec<(Mistake, f64)>> {
    let mut variants: Vec<Vec<(Mistake, f64)>> = Vec::with_capacity(qs.list.len());
    let mut scratch = world.to_vec();
    for q in 0..qs.list.len() {
        let mut found = own_variants(qs, q, world, batch);
        found.extend(lifted(qs, q, &mut scratch, given, &variants, batch));
        variants.push(kept(found));
    }
    variants
}

/// The variants of `q`'s inputs the student did not write, carried
/// through `q`'s formula (`world` is changed at one input at a time and
/// put back).
pub(super) fn lifted(
    qs: &Quantities,
    q: usize,
    world: &mut [f64],
    given: &[bool],
    variants: &[Vec<(Mistake, f64)>],
    batch: &Batch,
) -> Vec<(Mistake, f64)> {
    let mut found = Vec::new();
    for &input in qs.used(q) {
        if given[input] {
            continue;
        }
        let saved = world[input];
        for (mistake, value) in &variants[input] {
            world[input] = *value;
            found.push((mistake.clone(), qs.eval(q, world, batch)));
        }
        world[input] = saved;
    }
    found
}

/// The finite variants, at most `KEPT`.
pub(super) fn kept(mut found: Vec<(Mistake, f64)>) -> Vec<(Mistake, f64)> {
    found.retain(|(_, v)| v.is_finite());
    found.dedup();
    found.truncate(KEPT);
    found
}

/// The mistakes that can be made at quantity `q` itself.
pub(super) fn own_variants(
    qs: &Quantities,
    q: usize,
    world: &[f64],
    batch: &Batch,
) -> Vec<(Mistake, f64)> {
    let quantity = &qs.list[q];
    let input = |i: usize| world[quantity.inputs[i]];
    let sample = batch.sample;
    match quantity.kind {
        Kind::Net(n) if qs.formula.neurons[n].layer > 1 => {
            let prev = &qs.formula.layers[qs.formula.neurons[n].layer - 2];
            let nets: Vec<f64> = prev.iter().map(|&s| world[qs.find_net(s)]).collect();
            vec![(Mistake::NetForOut, qs.net_from(n, sample, |k| nets[k]))]
        }
        Kind::Term(k) => term_variants(qs, k, input(0), input(1), sample),
        Kind::Total if qs.spec.loss == Loss::HalfSse => {
            let total = qs.eval(q, world, batch);
            vec![
                (Mistake::HalfForgotten, 2.0 * total),
                (Mistake::HalfDoubled, 0.5 * total),
            ]
        }
        Kind::DOut(n) if qs.is_output(n) => {
            output_slope_variants(qs, n, input(0), input(1), sample)
        }
        Kind::DOut(n) => hidden_sum_variants(qs, n, world, batch),
        Kind::DAct(n) => net_slope(qs, n, input(1))
            .map(|s| vec![(Mistake::SigmaPrimeOfNet, s)])
            .unwrap_or_default(),
        Kind::Delta(n) if qs.is_output(n) && !qs.chain_rule_output() => {
            let t = qs.target(n, sample);
            let right = qs.combined_delta(n, input(0), sample);
            let scale = right / (input(0) - t);
            vec![
                (Mistake::SignTargetMinusOut, -right),
                (Mistake::NetForOut, (input(1) - t) * scale),
            ]
        }
        Kind::Delta(n) => delta_variants(qs, n, input(0), world),
        Kind::DNet { .. } if quantity.inputs.len() == 2 => vec![(Mistake::NetForOut, input(1))],
        Kind::Grad(p) => gradient_variants(qs, p, q, world),
        Kind::Loss => sample_sum_variants(qs, quantity.inputs[0], world, batch)
            .into_iter()
            .collect(),
        Kind::New(p) => update_variants(qs, p, quantity.inputs[0], world, batch),
        _ => Vec::new(),
    }
}

fn term_variants(
    qs: &Quantities,
    k: usize,
    out: f64,
    net: f64,
    sample: usize,
) -> Vec<(Mistake, f64)> {
    let t = qs.spec.targets[sample][k];
    match qs.spec.loss {
        Loss::HalfSse => vec![
            (Mistake::HalfForgotten, (t - out).powi(2)),
            (Mistake::HalfDoubled, 0.25 * (t - out).powi(2)),
            (Mistake::NetForOut, 0.5 * (t - net).powi(2)),
        ],
        Loss::Mse => vec![(Mistake::NetForOut, qs.loss_term(k, net, sample))],
        _ => Vec::new(),
    }
}

fn output_slope_variants(
    qs: &Quantities,
    n: usize,
    out: f64,
    net: f64,
    sample: usize,
) -> Vec<(Mistake, f64)> {
    let right = qs.output_slope(n, out, sample);
    let mut found = vec![
        (Mistake::SignTargetMinusOut, -right),
        (Mistake::NetForOut, qs.output_slope(n, net, sample)),
    ];
    if qs.spec.loss == Loss::HalfSse {
        found.push((Mistake::HalfForgotten, 2.0 * right));
        found.push((Mistake::HalfDoubled, 0.5 * right));
    }
    found
}

/// ∂E/∂out of a hidden neuron with one path left out, or with the weights
/// after the update.
fn hidden_sum_variants(
    qs: &Quantities,
    n: usize,
    world: &[f64],
    batch: &Batch,
) -> Vec<(Mistake, f64)> {
    let terms = qs.path_terms(n, world, None);
    let total: f64 = terms.iter().map(|t| t.1).sum();
    let mut found = Vec::new();
    if terms.len() > 1 {
        for (name, value) in &terms {
            found.push((Mistake::MissingPath(name.clone()), total - value));
        }
    }
    if let Some(lr) = qs.lr {
        let updated = |p: usize| {
            let step = if qs.trainable[p] {
                lr * qs.reference_gradient(p, batch)
            } else {
                0.0
            };
            qs.param_value(p) - step
        };
        let with_new: f64 = qs
            .path_terms(n, world, Some(&updated))
            .iter()
            .map(|t| t.1)
            .sum();
        found.push((Mistake::UpdatedWeight, with_new));
    }
    found
}

/// σ′ written with net where the textbook form has out: net·(1 − net) for
/// sigmoid, 1 − net² for tanh.
fn net_slope(qs: &Quantities, n: usize, net: f64) -> Option<f64> {
    match qs.activation(n) {
        Activation::Sigmoid => Some(net * (1.0 - net)),
        Activation::Tanh => Some(1.0 - net * net),
        _ => None,
    }
}

/// Whether forgetting σ′ changes anything (identity has none).
fn has_slope(qs: &Quantities, n: usize) -> bool {
    !matches!(qs.activation(n), Activation::Identity | Activation::Softmax)
}

fn delta_variants(qs: &Quantities, n: usize, d_out: f64, world: &[f64]) -> Vec<(Mistake, f64)> {
    let mut found = Vec::new();
    if has_slope(qs, n) {
        found.push((Mistake::SigmaPrimeForgotten, d_out));
    }
    let net = world[qs.find_net(n)];
    if let Some(slope) = net_slope(qs, n, net) {
        found.push((Mistake::SigmaPrimeOfNet, d_out * slope));
    }
    found
}

/// A gradient with σ′ left out (∂E/∂out · input), or with the source's net
/// for its out.
fn gradient_variants(qs: &Quantities, p: usize, q: usize, world: &[f64]) -> Vec<(Mistake, f64)> {
    let quantity = &qs.list[q];
    if let ParamKind::Bias { to: None, .. } = qs.formula.params[p].kind {
        return Vec::new();
    }
    let delta = world[quantity.inputs[0]];
    let d_net_q = quantity.inputs[1];
    let d_net = world[d_net_q];
    let n = qs.formula.target_neuron(p);
    let mut found = Vec::new();
    if has_slope(qs, n) && (!qs.is_output(n) || qs.chain_rule_output()) {
        let name = format!("dE_total/dout_{}", qs.formula.neurons[n].name);
        if let Some(d_out) = qs.find(&name) {
            found.push((Mistake::SigmaPrimeForgotten, world[d_out] * d_net));
        }
    }
    if qs.list[d_net_q].inputs.len() == 2 {
        let source_net = world[qs.list[d_net_q].inputs[1]];
        found.push((Mistake::NetForOut, delta * source_net));
    }
    found
}

/// A batch quantity summed where the mean belongs, or averaged where the
/// sum belongs (only with more than one sample).
fn sample_sum_variants(
    qs: &Quantities,
    per_sample: usize,
    world: &[f64],
    batch: &Batch,
) -> Option<(Mistake, f64)> {
    let samples = batch.per_sample.len();
    if samples < 2 {
        return None;
    }
    let sum = qs.summed(per_sample, world, batch);
    Some(if qs.spec.loss.averages_samples() {
        (Mistake::SumForMean, sum)
    } else {
        (Mistake::MeanForSum, sum / samples as f64)
    })
}

fn update_variants(
    qs: &Quantities,
    p: usize,
    gradient_q: usize,
    world: &[f64],
    batch: &Batch,
) -> Vec<(Mistake, f64)> {
    let Some(lr) = qs.lr else {
        return Vec::new();
    };
    let before = qs.param_value(p);
    let sum = qs.summed(gradient_q, world, batch);
    let gradient = qs.aggregate(sum, batch.per_sample.len());
    let mut found = vec![
        (Mistake::LrForgotten, before - gradient),
        (Mistake::LrSign, before + lr * gradient),
    ];
    if let Some((mistake, wrong)) = sample_sum_variants(qs, gradient_q, world, batch) {
        found.push((mistake, before - lr * wrong));
    }
    found
}
