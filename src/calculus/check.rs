//! Is a hand-computed derivative right?
//!
//! First the difference between the answer and the derivative is simplified;
//! if it is 0 the answer is right by algebra alone. Otherwise both are
//! compared at random points (a seeded generator, so every run agrees) where
//! the expression, its derivative and the answer are all defined. When they
//! differ, the answer is compared with the derivatives a student gets by
//! making each typical mistake — the chain rule's inner factor left out, a
//! product-rule term left out, the quotient rule's numerator reversed, a
//! wrong sign — to say what probably went wrong.
//!
//! Invariant: an answer is called wrong only with a counterexample point at
//! which both values were computed and differ by more than the tolerance.

use super::derive::{derivative, derivative_with_mistake, mistake_sites, Mistake};
use crate::expr::{simplify, Evaluator, Func, Graph, Id, Node, Point};
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// Points at which the answer must agree with the derivative.
pub const REQUIRED_POINTS: usize = 24;
/// Relative tolerance of the numeric comparison (absolute near 0).
pub const TOLERANCE: f64 = 1e-9;
const MAX_ATTEMPTS: usize = 4000;
const MAX_MISTAKE_SITES: usize = 60;

/// How the verdict was reached.
#[derive(Clone, Debug, PartialEq)]
pub enum Decision {
    /// answer − derivative simplifies to 0.
    Symbolic,
    /// Compared at `points` random points.
    Numeric { points: usize },
    /// The answer uses a variable the expression does not have.
    Variables,
}

/// A point where the answer and the derivative differ.
#[derive(Clone, Debug, PartialEq)]
pub struct Counterexample {
    pub point: Point,
    pub expected: f64,
    pub answer: f64,
}

/// The likely mistake behind a wrong answer.
#[derive(Clone, Debug, PartialEq)]
pub enum Diagnosis {
    /// The chain rule's inner derivative is missing: d/dx(inner) = derivative.
    MissingInnerFactor { inner: Id, inner_derivative: Id },
    /// The product rule's term in which `factor` is differentiated is missing.
    MissingProductTerm { factor: Id },
    /// The quotient rule's numerator was written u·v′ − u′·v.
    ReversedQuotientNumerator,
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
}

/// The verdict on one answer.
#[derive(Clone, Debug)]
pub struct CheckOutcome {
    pub expr: Id,
    pub var: String,
    pub answer: Id,
    /// The correct derivative, simplified.
    pub derivative: Id,
    pub correct: bool,
    pub decision: Decision,
    pub counterexample: Option<Counterexample>,
    pub diagnosis: Option<Diagnosis>,
}

/// Why no verdict could be reached.
#[derive(Clone, Debug, PartialEq)]
pub enum CheckError {
    /// Too few random points where everything is defined.
    NoCommonDomain { found: usize },
}

impl std::fmt::Display for CheckError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CheckError::NoCommonDomain { found } => write!(
                f,
                "found only {found} of {REQUIRED_POINTS} random points where the expression, its derivative and the answer are all defined"
            ),
        }
    }
}

/// Whether two computed values agree within [`TOLERANCE`].
pub fn values_agree(a: f64, b: f64) -> bool {
    (a - b).abs() <= TOLERANCE * a.abs().max(b.abs()).max(1.0)
}

/// Checks `answer` as the derivative of `expr` with respect to `var`.
pub fn check_derivative(
    graph: &mut Graph,
    expr: Id,
    answer: Id,
    var: &str,
) -> Result<CheckOutcome, CheckError> {
    let correct_derivative = derivative(graph, expr, var);
    let mut outcome = CheckOutcome {
        expr,
        var: var.to_string(),
        answer,
        derivative: correct_derivative,
        correct: false,
        decision: Decision::Symbolic,
        counterexample: None,
        diagnosis: None,
    };

    let expr_vars = graph.variables(expr);
    let unknown: Vec<String> = graph
        .variables(answer)
        .into_iter()
        .filter(|v| v != var && !expr_vars.contains(v))
        .collect();
    if !unknown.is_empty() {
        outcome.decision = Decision::Variables;
        outcome.diagnosis = Some(Diagnosis::UnknownVariables { names: unknown });
        return Ok(outcome);
    }

    let difference = graph.difference(answer, correct_derivative);
    let simplified = simplify(graph, difference);
    if graph.as_number(simplified) == Some(0.0) {
        outcome.correct = true;
        return Ok(outcome);
    }

    let mut names = expr_vars;
    if !names.iter().any(|n| n == var) {
        names.push(var.to_string());
    }
    let samples = sample_points(graph, &[expr, correct_derivative, answer], &names)?;
    outcome.decision = Decision::Numeric {
        points: samples.len(),
    };
    let expected: Vec<f64> = samples.iter().map(|s| s.values[1]).collect();
    let given: Vec<f64> = samples.iter().map(|s| s.values[2]).collect();
    if let Some(k) = (0..samples.len()).find(|&k| !values_agree(expected[k], given[k])) {
        outcome.counterexample = Some(Counterexample {
            point: samples[k].point.clone(),
            expected: expected[k],
            answer: given[k],
        });
        outcome.diagnosis = diagnose(graph, expr, var, &samples, &names);
    } else {
        outcome.correct = true;
    }
    Ok(outcome)
}

struct Sample {
    point: Point,
    /// Values of the expression, the derivative and the answer.
    values: Vec<f64>,
}

/// Random points where every root is defined, from a fixed seed.
fn sample_points(graph: &Graph, roots: &[Id], names: &[String]) -> Result<Vec<Sample>, CheckError> {
    let evaluator = Evaluator::new(graph, roots);
    let mut rng = ChaCha8Rng::seed_from_u64(0x5EED_5EED);
    let scales = [2.0, 1.0, 5.0, 0.5, 20.0];
    let mut samples = Vec::new();
    for attempt in 0..MAX_ATTEMPTS {
        let scale = scales[attempt % scales.len()];
        let positive = attempt % 3 == 1;
        let mut point = Point::default();
        for name in names {
            let mut x: f64 = rng.random_range(-scale..scale);
            if positive {
                x = x.abs();
            }
            if x.abs() < 1e-3 {
                x += 0.1;
            }
            point.set(name, x);
        }
        if let Ok(values) = evaluator.evaluate(&point) {
            samples.push(Sample { point, values });
            if samples.len() == REQUIRED_POINTS {
                return Ok(samples);
            }
        }
    }
    Err(CheckError::NoCommonDomain {
        found: samples.len(),
    })
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

fn diagnose(
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
            Mistake::ReverseQuotientNumerator(_) => Diagnosis::ReversedQuotientNumerator,
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
        return Some(Diagnosis::ConstantFactor { factor });
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

/// The common ratio given/expected when it is the same at every point with
/// a clearly nonzero expected value.
fn constant_ratio(expected: &[f64], given: &[f64]) -> Option<f64> {
    let ratios: Vec<f64> = expected
        .iter()
        .zip(given)
        .filter(|(e, _)| e.abs() > 1e-6)
        .map(|(e, g)| g / e)
        .collect();
    let first = *ratios.first()?;
    let consistent =
        ratios.len() >= REQUIRED_POINTS / 2 && ratios.iter().all(|r| values_agree(*r, first));
    (consistent && !values_agree(first, 1.0) && first != 0.0).then_some(first)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::expr::{parse, unicode};

    fn run(expr: &str, answer: &str, var: &str) -> (CheckOutcome, Graph) {
        let mut g = Graph::new();
        let e = parse(&mut g, expr).unwrap();
        let a = parse(&mut g, answer).unwrap();
        let outcome = check_derivative(&mut g, e, a, var).unwrap();
        (outcome, g)
    }

    #[test]
    fn inner_factor_missing() {
        let (o, g) = run("sin(3*x)", "cos(3*x)", "x");
        assert!(!o.correct);
        match o.diagnosis {
            Some(Diagnosis::MissingInnerFactor {
                inner,
                inner_derivative,
            }) => {
                assert_eq!(unicode(&g, inner), "3·x");
                assert_eq!(unicode(&g, inner_derivative), "3");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn correct_answers() {
        assert!(run("sin(3*x)", "3*cos(3*x)", "x").0.correct);
        assert_eq!(
            run("sin(3*x)", "3*cos(3*x)", "x").0.decision,
            Decision::Symbolic
        );
        let (o, _) = run("x^2*sin(x)", "x*(2*sin(x) + x*cos(x))", "x");
        assert!(o.correct);
    }

    #[test]
    fn typical_mistakes() {
        let (o, _) = run("x^2*sin(x)", "2*x*sin(x)", "x");
        assert!(matches!(
            o.diagnosis,
            Some(Diagnosis::MissingProductTerm { .. })
        ));
        let (o, _) = run("x/(x+1)", "(x - (x+1))/(x+1)^2", "x");
        assert_eq!(o.diagnosis, Some(Diagnosis::ReversedQuotientNumerator));
        let (o, _) = run("cos(x)", "sin(x)", "x");
        assert_eq!(
            o.diagnosis,
            Some(Diagnosis::FunctionSign {
                function: Func::Cos
            })
        );
        let (o, _) = run("x^3", "x^2", "x");
        assert!(
            matches!(o.diagnosis, Some(Diagnosis::ConstantFactor { factor }) if (factor - 1.0 / 3.0).abs() < 1e-9)
        );
    }
}
