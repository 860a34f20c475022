//! Is a hand-computed derivative right?
//!
//! The answer must equal the derivative everywhere the derivative is
//! defined, and be defined there too. stepgrad decides this at points on
//! every piece of the domain (see `sampling`: pieces split where an
//! argument of |·|, relu or sign, a denominator, or the argument of ln or √
//! changes sign, and points far out on both sides), so a kink at x = 1000 or
//! an answer valid only for x > 0 cannot hide between random points.
//!
//! At each point the difference answer − derivative, simplified first (so
//! that equal terms cancel exactly and 1e12 + 2x − 1e12 leaves 2x), is
//! computed together with a bound on its rounding error. A difference
//! larger than its bound is a real difference, whatever the scale of the
//! numbers (1e-9 against 2e-9 is as wrong as 1 against 2); one within its
//! bound is agreement, counted only where the bound is small against the
//! values compared — elsewhere the point cannot tell, and when too few
//! points can, stepgrad says it cannot decide instead of guessing. When the
//! simplified difference is 0 the verdict is symbolic, and the points still
//! check that the answer is defined wherever the derivative is.
//!
//! A wrong answer is then compared with the derivatives a student gets by
//! making each typical mistake — the chain rule's inner factor left out, a
//! product-rule term left out, the quotient rule's numerator reversed, a
//! wrong sign — to say what probably went wrong.
//!
//! Invariant: an answer is called wrong only with a counterexample point at
//! which the derivative is defined and the answer is either undefined or
//! differs from it by more than the rounding error of computing both; it is
//! called right only when no point differs and enough points agree.

use super::derive::{derivative, derivative_with_mistake, mistake_sites, Mistake};
use super::sampling::{critical_parts, plan, Interval, SamplePlan};
use crate::expr::{simplify, EvalError, Evaluator, Func, Graph, Id, Node, Point};
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// Points at which the answer must agree with the derivative, with a
/// rounding error small enough to tell, before it is called right.
pub const REQUIRED_POINTS: usize = 12;
/// A difference counts as real when it exceeds this many times its
/// rounding-error bound.
pub const SAFETY_FACTOR: f64 = 8.0;
/// Agreement at a point counts only when the rounding error is below this
/// fraction of the values compared.
pub const RESOLUTION: f64 = 1e-7;
/// A rounding bound this small settles agreement even where both values
/// are 0 (step(x − 8) = 0 for x < 8).
pub const NEGLIGIBLE: f64 = 1e-290;
const MAX_MISTAKE_SITES: usize = 60;
const SEED: u64 = 0x5EED_5EED;

/// How the verdict was reached.
#[derive(Clone, Debug, PartialEq)]
pub enum Decision {
    /// answer − derivative simplifies to 0; the answer was defined at the
    /// `points` in the derivative's domain, on `pieces` pieces.
    Symbolic { points: usize, pieces: usize },
    /// Compared at `points` points in the derivative's domain, on `pieces`
    /// pieces (0 for several variables).
    Numeric { points: usize, pieces: usize },
    /// The answer uses a variable the expression does not have.
    Variables,
}

/// A point where the answer and the derivative differ.
#[derive(Clone, Debug, PartialEq)]
pub struct Counterexample {
    pub point: Point,
    pub expected: f64,
    /// The answer's value, or `None` where the answer is undefined.
    pub answer: Option<f64>,
}

/// How the answer fares on one piece of the real line (one variable).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PieceVerdict {
    /// The derivative is not defined here: nothing to compare.
    OutsideDomain,
    Agrees,
    Differs,
    /// The derivative is defined here and the answer is not.
    AnswerUndefined,
    /// No point here could tell (the values round to 0 or overflow).
    Undetermined,
}

/// One piece of the real line and the verdict on it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Piece {
    pub interval: Interval,
    pub verdict: PieceVerdict,
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
    /// The answer is within `relative` of the derivative everywhere: a
    /// constant written rounded.
    Rounded { relative: f64 },
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
    /// For an expression of one variable: the pieces of the real line and
    /// the verdict on each, in order.
    pub pieces: Vec<Piece>,
}

/// Why no verdict could be reached.
#[derive(Clone, Debug, PartialEq)]
pub enum CheckError {
    /// No point was found where the expression and its derivative are
    /// defined (`found` of the points tried).
    NoCommonDomain { found: usize },
    /// The values could not be computed precisely enough to tell: only
    /// `conclusive` of `compared` points could.
    Undecidable { conclusive: usize, compared: usize },
}

impl std::fmt::Display for CheckError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CheckError::NoCommonDomain { .. } => write!(
                f,
                "cannot decide: no point was found where the expression and its derivative are both defined"
            ),
            CheckError::Undecidable { conclusive, compared } => write!(
                f,
                "cannot decide: at {} of {compared} points the rounding error of computing the two is too large to tell them apart (only {conclusive} could tell; {REQUIRED_POINTS} are needed)",
                compared - conclusive
            ),
        }
    }
}

/// Whether two values agree to 1e-9 of the larger, or both vanish: for
/// recognising a mistake, not for the verdict.
pub fn values_agree(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()) || (a == 0.0 && b == 0.0)
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
        decision: Decision::Variables,
        counterexample: None,
        diagnosis: None,
        pieces: Vec::new(),
    };

    let expr_vars = graph.variables(expr);
    let unknown: Vec<String> = graph
        .variables(answer)
        .into_iter()
        .filter(|v| v != var && !expr_vars.contains(v))
        .collect();
    if !unknown.is_empty() {
        outcome.diagnosis = Some(Diagnosis::UnknownVariables { names: unknown });
        return Ok(outcome);
    }

    let raw_difference = graph.difference(answer, correct_derivative);
    let difference = simplify(graph, raw_difference);
    let symbolic_zero = graph.as_number(difference) == Some(0.0);

    let mut names = expr_vars;
    if !names.iter().any(|n| n == var) {
        names.push(var.to_string());
    }
    let parts = critical_parts(graph, &[expr, correct_derivative, answer]);
    let plan = plan(graph, &parts, &names, SEED);
    let comparison = compare(graph, &plan, [expr, correct_derivative, answer, difference]);
    outcome.pieces = comparison.pieces(&plan);
    let pieces = outcome.pieces.len();

    if let Some(k) = comparison.best_counterexample() {
        let at = &comparison.points[k];
        outcome.counterexample = Some(Counterexample {
            point: at.point.clone(),
            expected: at.derivative,
            answer: at.answer,
        });
        outcome.decision = Decision::Numeric {
            points: comparison.in_domain(),
            pieces,
        };
        // A mistake in the values is recognised from the values; an answer
        // wrong only by being undefined somewhere is described by its pieces.
        if comparison.values_differ() {
            let samples = comparison.samples();
            outcome.diagnosis = diagnose(graph, expr, var, &samples, &names);
        }
        return Ok(outcome);
    }
    let compared = comparison.in_domain();
    if compared == 0 {
        return Err(CheckError::NoCommonDomain {
            found: plan.points.len(),
        });
    }
    let conclusive = comparison.conclusive();
    // Every piece of the domain must have a point that can tell: agreement
    // on x > 0 says nothing about x < 0.
    let unjudged_piece = !symbolic_zero
        && (0..plan.pieces.len()).any(|k| comparison.piece_in_domain_without_verdict(k));
    if !symbolic_zero && (conclusive < REQUIRED_POINTS || unjudged_piece) {
        return Err(CheckError::Undecidable {
            conclusive,
            compared,
        });
    }
    outcome.correct = true;
    outcome.decision = if symbolic_zero {
        Decision::Symbolic {
            points: compared,
            pieces,
        }
    } else {
        Decision::Numeric {
            points: compared,
            pieces,
        }
    };
    Ok(outcome)
}

/// What one point showed.
#[derive(Clone, Copy, Debug, PartialEq)]
enum PointVerdict {
    OutsideDomain,
    /// A value overflowed: this point cannot be judged in 64-bit floats.
    Overflow,
    AnswerUndefined,
    Differs,
    Agrees {
        conclusive: bool,
    },
}

/// The values at one point of the plan.
#[derive(Clone, Debug)]
struct Compared {
    point: Point,
    piece: Option<usize>,
    verdict: PointVerdict,
    expression: f64,
    derivative: f64,
    answer: Option<f64>,
}

/// Every point of a plan, compared.
struct Comparison {
    points: Vec<Compared>,
    /// The counterexample chosen for being easy to read, if any.
    preferred: Option<usize>,
}

/// The evaluators that compare the answer with the derivative at a point.
struct Comparer<'g> {
    in_domain: Evaluator<'g>,
    answer: Evaluator<'g>,
    difference: Evaluator<'g>,
    both: Evaluator<'g>,
    symbolic_zero: bool,
}

impl<'g> Comparer<'g> {
    /// `roots` are the expression, the derivative, the answer and their
    /// simplified difference.
    fn new(graph: &'g Graph, roots: [Id; 4]) -> Comparer<'g> {
        let [expr, derivative, answer, difference] = roots;
        Comparer {
            in_domain: Evaluator::new(graph, &[expr, derivative]),
            answer: Evaluator::new(graph, &[answer]),
            difference: Evaluator::new(graph, &[difference]),
            both: Evaluator::new(graph, &[answer, derivative]),
            symbolic_zero: graph.as_number(difference) == Some(0.0),
        }
    }

    fn at(&self, point: &Point, piece: Option<usize>) -> Compared {
        let mut compared = Compared {
            point: point.clone(),
            piece,
            verdict: PointVerdict::OutsideDomain,
            expression: f64::NAN,
            derivative: f64::NAN,
            answer: None,
        };
        let values = match self.in_domain.evaluate(point) {
            Ok(values) => values,
            Err(EvalError::Overflow { .. }) => {
                compared.verdict = PointVerdict::Overflow;
                return compared;
            }
            Err(_) => return compared,
        };
        (compared.expression, compared.derivative) = (values[0], values[1]);
        let answer = match self.answer.evaluate(point) {
            Ok(answer) => answer,
            Err(EvalError::Overflow { .. }) => {
                compared.verdict = PointVerdict::Overflow;
                return compared;
            }
            Err(_) => {
                compared.verdict = PointVerdict::AnswerUndefined;
                return compared;
            }
        };
        compared.answer = Some(answer[0]);
        let scale = answer[0].abs().max(values[1].abs());
        // The simplified difference, within its rounding error; where it
        // cannot be computed, the two sides' own errors.
        let (gap, bound) = match self.difference.evaluate_with_bounds(point) {
            Ok(d) => d[0],
            Err(_) => match self.both.evaluate_with_bounds(point) {
                Ok(v) => (v[0].0 - v[1].0, v[0].1 + v[1].1),
                Err(_) => (f64::NAN, f64::INFINITY),
            },
        };
        compared.verdict = if gap.abs() > SAFETY_FACTOR * bound {
            PointVerdict::Differs
        } else {
            PointVerdict::Agrees {
                conclusive: self.symbolic_zero
                    || SAFETY_FACTOR * bound <= (RESOLUTION * scale).max(NEGLIGIBLE),
            }
        };
        compared
    }
}

/// Compares the answer with the derivative at every point of `plan`, and
/// at more points near those in the domain while too few can tell.
fn compare(graph: &Graph, plan: &SamplePlan, roots: [Id; 4]) -> Comparison {
    let comparer = Comparer::new(graph, roots);
    let mut comparison = Comparison {
        preferred: None,
        points: plan
            .points
            .iter()
            .map(|sample| comparer.at(&sample.point, sample.piece))
            .collect(),
    };
    let mut rng = ChaCha8Rng::seed_from_u64(SEED);
    let mut attempts = 0;
    while comparison.conclusive() < REQUIRED_POINTS
        && comparison.in_domain() > 0
        && attempts < 4 * REQUIRED_POINTS
        && !comparison.any_differs()
    {
        attempts += 1;
        let seeds: Vec<&Compared> = comparison
            .points
            .iter()
            .filter(|p| {
                !matches!(
                    p.verdict,
                    PointVerdict::OutsideDomain | PointVerdict::Overflow
                )
            })
            .collect();
        let from = seeds[rng.random_range(0..seeds.len())];
        let mut point = from.point.clone();
        for (_, x) in point.values.iter_mut() {
            *x *= 1.0 + rng.random_range(-0.1..0.1);
        }
        let inside = from.piece.is_none_or(|k| {
            point
                .values
                .first()
                .is_some_and(|(_, x)| plan.pieces[k].from < *x && *x < plan.pieces[k].to)
        });
        if inside {
            let extra = comparer.at(&point, from.piece);
            comparison.points.push(extra);
        }
    }
    comparison.nicer_counterexample(&comparer, plan);
    comparison
}

impl Comparison {
    fn in_domain(&self) -> usize {
        self.points
            .iter()
            .filter(|p| {
                !matches!(
                    p.verdict,
                    PointVerdict::OutsideDomain | PointVerdict::Overflow
                )
            })
            .count()
    }

    fn values_differ(&self) -> bool {
        self.points
            .iter()
            .any(|p| p.verdict == PointVerdict::Differs)
    }

    fn any_differs(&self) -> bool {
        self.points.iter().any(|p| {
            matches!(
                p.verdict,
                PointVerdict::Differs | PointVerdict::AnswerUndefined
            )
        })
    }

    /// Adds, for a wrong answer, a counterexample that is easy to read: a
    /// whole number inside a piece where the answer is wrong, or a
    /// differing point rounded to one to three significant digits.
    fn nicer_counterexample(&mut self, comparer: &Comparer, plan: &SamplePlan) {
        let Some(k) = self.best_counterexample() else {
            return;
        };
        let found = self.points[k].clone();
        let mut candidates: Vec<(Point, Option<usize>)> = Vec::new();
        if let (Some(piece), Some((name, _))) = (found.piece, found.point.values.first()) {
            let interval = plan.pieces[piece];
            let mut xs = whole_numbers_inside(interval);
            if interval.from.is_finite() && interval.to.is_finite() {
                let middle = interval.from + (interval.to - interval.from) / 2.0;
                xs.extend((1..=6).filter_map(|digits| {
                    crate::number::format_significant(middle, digits)
                        .parse::<f64>()
                        .ok()
                }));
            }
            for x in xs {
                candidates.push((Point::new(vec![(name.clone(), x)]), Some(piece)));
            }
        }
        for digits in 1..=3 {
            let mut point = found.point.clone();
            for (_, x) in point.values.iter_mut() {
                *x = crate::number::format_significant(*x, digits)
                    .parse()
                    .unwrap_or(*x);
            }
            candidates.push((point, found.piece));
        }
        for (point, piece) in candidates {
            if let (Some(k), Some((_, x))) = (piece, point.values.first()) {
                if !(plan.pieces[k].from < *x && *x < plan.pieces[k].to) {
                    continue;
                }
            }
            let compared = comparer.at(&point, piece);
            if compared.verdict == found.verdict {
                self.points.insert(0, compared);
                self.preferred = Some(0);
                return;
            }
        }
    }

    /// True when piece `k` has points in the domain but none that can
    /// tell whether the answer agrees there.
    fn piece_in_domain_without_verdict(&self, k: usize) -> bool {
        let mut in_domain = false;
        for p in self.points.iter().filter(|p| p.piece == Some(k)) {
            match p.verdict {
                PointVerdict::Agrees { conclusive: true } => return false,
                PointVerdict::Agrees { conclusive: false } | PointVerdict::Overflow => {
                    in_domain = true
                }
                _ => {}
            }
        }
        in_domain
    }

    fn conclusive(&self) -> usize {
        self.points
            .iter()
            .filter(|p| p.verdict == PointVerdict::Agrees { conclusive: true })
            .count()
    }

    /// The differing point that is easiest to read: coordinates closest to
    /// 1 in size.
    fn best_counterexample(&self) -> Option<usize> {
        if self.preferred.is_some() {
            return self.preferred;
        }
        let score = |p: &Compared| {
            p.point
                .values
                .iter()
                .map(|(_, x)| x.abs().max(1e-300).log10().abs())
                .fold(0.0, f64::max)
        };
        (0..self.points.len())
            .filter(|&k| {
                matches!(
                    self.points[k].verdict,
                    PointVerdict::Differs | PointVerdict::AnswerUndefined
                )
            })
            .min_by(|&a, &b| score(&self.points[a]).total_cmp(&score(&self.points[b])))
    }

    /// The verdict on each piece of the line (one variable only).
    fn pieces(&self, plan: &SamplePlan) -> Vec<Piece> {
        plan.pieces
            .iter()
            .enumerate()
            .map(|(k, &interval)| {
                let verdicts = self
                    .points
                    .iter()
                    .filter(|p| p.piece == Some(k))
                    .map(|p| p.verdict);
                let mut verdict = PieceVerdict::OutsideDomain;
                for v in verdicts {
                    verdict = match (verdict, v) {
                        (_, PointVerdict::AnswerUndefined) | (PieceVerdict::AnswerUndefined, _) => {
                            PieceVerdict::AnswerUndefined
                        }
                        (_, PointVerdict::Differs) | (PieceVerdict::Differs, _) => {
                            PieceVerdict::Differs
                        }
                        (_, PointVerdict::Agrees { conclusive: true }) => PieceVerdict::Agrees,
                        (PieceVerdict::Agrees, _) => PieceVerdict::Agrees,
                        (
                            _,
                            PointVerdict::Agrees { conclusive: false } | PointVerdict::Overflow,
                        ) => PieceVerdict::Undetermined,
                        (current, PointVerdict::OutsideDomain) => current,
                    };
                }
                Piece { interval, verdict }
            })
            .collect()
    }

    /// The points where the expression, the derivative and the answer all
    /// have values, for the diagnosis.
    fn samples(&self) -> Vec<Sample> {
        self.points
            .iter()
            .filter_map(|p| {
                Some(Sample {
                    point: p.point.clone(),
                    values: vec![p.expression, p.derivative, p.answer?],
                })
            })
            .collect()
    }
}

/// Whole numbers well inside an interval, the ones nearest 0 first.
fn whole_numbers_inside(interval: Interval) -> Vec<f64> {
    let (from, to) = (interval.from, interval.to);
    let mut out = Vec::new();
    if from < 0.0 && 0.0 < to {
        out.extend([1.0, -1.0, 2.0, -2.0]);
    }
    if to <= 0.0 {
        let start = if to.is_finite() {
            (to - 1.0).ceil().min(-1.0)
        } else {
            -1.0
        };
        out.extend([start, start - 1.0, start * 2.0]);
    }
    if from >= 0.0 {
        let start = if from.is_finite() {
            (from + 1.0).floor().max(1.0)
        } else {
            1.0
        };
        out.extend([start, start + 1.0, start * 2.0]);
    }
    if from.is_finite() && to.is_finite() {
        out.push(((from + to) / 2.0).round());
    }
    out.retain(|&x| from < x && x < to);
    out
}

struct Sample {
    point: Point,
    /// Values of the expression, the derivative and the answer.
    values: Vec<f64>,
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
        assert!(matches!(
            run("sin(3*x)", "3*cos(3*x)", "x").0.decision,
            Decision::Symbolic { .. }
        ));
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
