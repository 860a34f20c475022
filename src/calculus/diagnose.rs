//! Recognising the likely mistake behind a wrong answer: the answer is
//! compared with the derivatives a student gets by making each typical
//! mistake (an inner factor, a product-rule term left out, the product
//! rule written u′·v′, the quotient rule's numerator reversed, the minus
//! sign of (1/v)′ left out, a wrong sign, a constant term kept or a
//! constant factor dropped, the power rule's exponent not brought down or
//! not lowered, the power rule used on aˣ), and with simple distortions
//! of the derivative (negated, scaled, rounded, not differentiated, by the
//! wrong variable).
//!
//! Invariant: a diagnosis is named only when the mistaken derivative
//! matches the answer at every sample point where both are defined.

use super::check::REQUIRED_POINTS;
use super::derive::{derivative, derivative_with_mistake, mistake_sites, Mistake};
use crate::expr::{Evaluator, Func, Graph, Id, Node, Point};
use crate::limits::MAX_MISTAKE_SITES;

/// The likely mistake behind a wrong answer.
#[derive(Clone, Debug, PartialEq)]
pub enum Diagnosis {
    /// The chain rule's inner derivative is missing: d/dx(inner) = derivative.
    MissingInnerFactor { inner: Id, inner_derivative: Id },
    /// The product rule's term in which `factor` is differentiated is missing.
    MissingProductTerm { factor: Id },
    /// The quotient rule's numerator was written u·v′ − u′·v.
    ReversedQuotientNumerator,
    /// (c/v)′ with its minus sign left out: c·v′/v² (1/x answered 1/x²).
    ReciprocalSign,
    /// The product rule was written u′·v′.
    ProductOfDerivatives,
    /// The constant terms of a sum were kept: (f + c)′ answered f′ + c.
    KeptConstantTerm,
    /// A constant factor was left out: (c·f)′ answered f′; `factor` is c.
    DroppedConstantFactor { factor: Id },
    /// The power rule gave u^(n−1): the coefficient n was not brought down.
    PowerCoefficientMissing,
    /// The power rule gave n·u^n: the exponent was not lowered.
    PowerExponentNotLowered,
    /// The power rule was used on an exponential: (aˣ)′ answered x·a^(x−1).
    PowerRuleOnExponential,
    /// The local derivative of `function` has the wrong sign.
    FunctionSign { function: Func },
    /// The answer is the negative of the derivative.
    SignError,
    /// The answer is the derivative times a constant.
    ConstantFactor { factor: f64 },
    /// The answer is the expression itself, not its derivative.
    NotDifferentiated,
    /// The answer is the derivative with respect to another variable.
    WrongVariable { other: String },
    /// The answer uses variables the expression does not contain.
    UnknownVariables { names: Vec<String> },
    /// The answer is within `relative` of the derivative everywhere: a
    /// constant written rounded.
    Rounded { relative: f64 },
}

/// Whether two values agree to 1e-9 of the larger, or both vanish: for
/// recognising a mistake, not for the verdict.
pub fn values_agree(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()) || (a == 0.0 && b == 0.0)
}

pub(super) struct Sample {
    pub(super) point: Point,
    /// Values of the expression, the derivative and the answer.
    pub(super) values: Vec<f64>,
}

/// Values of `id` at the sample points, or `None` where it is undefined.
fn values_at(graph: &Graph, id: Id, samples: &[Sample]) -> Vec<Option<f64>> {
    let evaluator = Evaluator::new(graph, &[id]);
    samples
        .iter()
        .map(|s| evaluator.evaluate(&s.point).ok().map(|v| v[0]))
        .collect()
}

/// True when `candidate` matches the answer at every sample where both are
/// defined, and at most a few samples are undefined.
fn matches_answer(candidate: &[Option<f64>], samples: &[Sample]) -> bool {
    let defined = candidate.iter().filter(|c| c.is_some()).count();
    defined * 2 > samples.len()
        && candidate
            .iter()
            .zip(samples)
            .all(|(c, s)| c.is_none_or(|c| values_agree(c, s.values[2])))
}

pub(super) fn diagnose(
    graph: &mut Graph,
    expr: Id,
    var: &str,
    samples: &[Sample],
    names: &[String],
) -> Option<Diagnosis> {
    for mistake in mistake_sites(graph, expr, var)
        .into_iter()
        .take(MAX_MISTAKE_SITES)
    {
        let variant = derivative_with_mistake(graph, expr, var, mistake);
        if !matches_answer(&values_at(graph, variant, samples), samples) {
            continue;
        }
        return Some(match mistake {
            Mistake::DropInnerFactor(node) => {
                let inner = chain_inner(graph, node, var);
                let inner_derivative = derivative(graph, inner, var);
                Diagnosis::MissingInnerFactor {
                    inner,
                    inner_derivative,
                }
            }
            Mistake::DropProductTerm(node, i) => match graph.node(node) {
                Node::Mul(factors) => Diagnosis::MissingProductTerm { factor: factors[i] },
                _ => continue,
            },
            Mistake::ReverseQuotientNumerator(node) => match graph.node(node) {
                // With a constant numerator the reversed numerator is the
                // derivative negated: the minus sign of (1/v)′ is missing.
                Node::Div([u, _]) if !graph.dependence(*u, var)[u.index()] => {
                    Diagnosis::ReciprocalSign
                }
                _ => Diagnosis::ReversedQuotientNumerator,
            },
            Mistake::MultiplyDerivatives(_) => Diagnosis::ProductOfDerivatives,
            Mistake::KeepConstantTerms(_) => Diagnosis::KeptConstantTerm,
            Mistake::DropConstantFactor(node) => match constant_factor(graph, node, var) {
                Some(factor) => Diagnosis::DroppedConstantFactor { factor },
                None => continue,
            },
            Mistake::DropPowerCoefficient(_) => Diagnosis::PowerCoefficientMissing,
            Mistake::KeepPowerExponent(_) => Diagnosis::PowerExponentNotLowered,
            Mistake::PowerRuleOnExponential(_) => Diagnosis::PowerRuleOnExponential,
            Mistake::FlipLocalSign(node) => match graph.node(node) {
                Node::Call(f, _) => Diagnosis::FunctionSign { function: *f },
                _ => continue,
            },
        });
    }
    let expected: Vec<f64> = samples.iter().map(|s| s.values[1]).collect();
    let given: Vec<f64> = samples.iter().map(|s| s.values[2]).collect();
    if expected
        .iter()
        .zip(&given)
        .all(|(e, g)| values_agree(-e, *g))
    {
        return Some(Diagnosis::SignError);
    }
    if let Some(factor) = constant_ratio(&expected, &given) {
        return Some(match rounding_gap(&expected, &given) {
            Some(relative) => Diagnosis::Rounded { relative },
            None => Diagnosis::ConstantFactor { factor },
        });
    }
    if samples
        .iter()
        .all(|s| values_agree(s.values[0], s.values[2]))
    {
        return Some(Diagnosis::NotDifferentiated);
    }
    for other in names.iter().filter(|n| n.as_str() != var) {
        let d = derivative(graph, expr, other);
        if matches_answer(&values_at(graph, d, samples), samples) {
            return Some(Diagnosis::WrongVariable {
                other: other.clone(),
            });
        }
    }
    None
}

/// The constant factor of the product (or the divisor) at `node`: the
/// factors that do not depend on `var`, as one expression.
fn constant_factor(graph: &mut Graph, node: Id, var: &str) -> Option<Id> {
    match graph.node(node).clone() {
        Node::Mul(factors) => {
            let constants: Vec<Id> = factors
                .iter()
                .filter(|f| !graph.dependence(**f, var)[f.index()])
                .copied()
                .collect();
            (!constants.is_empty()).then(|| graph.product(constants))
        }
        Node::Div([_, v]) => {
            let one = graph.num(1.0);
            Some(graph.quotient(one, v))
        }
        _ => None,
    }
}

/// The inner expression of the chain rule applied at `node`.
fn chain_inner(graph: &Graph, node: Id, var: &str) -> Id {
    match graph.node(node) {
        Node::Call(_, u) => *u,
        Node::Pow([u, n]) => {
            if graph.dependence(*u, var)[u.index()] {
                *u
            } else {
                *n
            }
        }
        _ => node,
    }
}

/// The largest relative difference between answer and derivative, when it
/// is below 1e-4 at every point: the answer is the derivative with a
/// constant rounded (0.333 for 1/3).
fn rounding_gap(expected: &[f64], given: &[f64]) -> Option<f64> {
    let gap = expected
        .iter()
        .zip(given)
        .map(|(e, g)| (e - g).abs() / e.abs().max(g.abs()).max(f64::MIN_POSITIVE))
        .fold(0.0, f64::max);
    (gap > 1e-13 && gap < 1e-4 && !expected.is_empty()).then_some(gap)
}

/// The common ratio given/expected when it is the same at every point with
/// a clearly nonzero expected value (relative to the largest one).
fn constant_ratio(expected: &[f64], given: &[f64]) -> Option<f64> {
    let largest = expected.iter().map(|e| e.abs()).fold(0.0, f64::max);
    let ratios: Vec<f64> = expected
        .iter()
        .zip(given)
        .filter(|(e, _)| e.abs() > 1e-6 * largest && **e != 0.0)
        .map(|(e, g)| g / e)
        .collect();
    let first = *ratios.first()?;
    let consistent =
        ratios.len() >= REQUIRED_POINTS / 2 && ratios.iter().all(|r| values_agree(*r, first));
    (consistent && !values_agree(first, 1.0) && first != 0.0).then_some(first)
}
