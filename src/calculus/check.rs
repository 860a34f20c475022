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

use super::comparison::compare;
use super::derive::derivative;
use super::diagnose::diagnose;
use super::sampling::{critical_parts, plan, Interval};
use crate::expr::{simplify, Graph, Id, Point};
use crate::i18n::{Lang, Text};

pub use super::diagnose::{values_agree, Diagnosis};

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
pub(super) const SEED: u64 = 0x5EED_5EED;

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

impl CheckError {
    /// Why no verdict was reached, as a message of the catalogue.
    pub fn text(&self) -> Text {
        match self {
            CheckError::NoCommonDomain { .. } => crate::text!("check-no-common-domain"),
            CheckError::Undecidable {
                conclusive,
                compared,
            } => crate::text!(
                "check-undecidable",
                unclear = (compared - conclusive).to_string(),
                compared = compared.to_string(),
                conclusive = conclusive.to_string(),
                required = REQUIRED_POINTS.to_string(),
            ),
        }
    }

    /// Why no verdict was reached, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        self.text().render(lang)
    }

    /// What to do about it.
    pub fn hint(&self) -> Text {
        match self {
            CheckError::NoCommonDomain { .. } => crate::text!("check-no-common-domain-hint"),
            CheckError::Undecidable { .. } => crate::text!("check-undecidable-hint"),
        }
    }
}

/// The message in English.
impl std::fmt::Display for CheckError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::expr::{parse, unicode, Func};

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
        assert_eq!(o.diagnosis, Some(Diagnosis::PowerCoefficientMissing));
        let (o, _) = run("sin(x)", "3*cos(x)", "x");
        assert!(
            matches!(o.diagnosis, Some(Diagnosis::ConstantFactor { factor }) if (factor - 3.0).abs() < 1e-9)
        );
        let (o, _) = run("1/x", "1/x^2", "x");
        assert_eq!(o.diagnosis, Some(Diagnosis::ReciprocalSign));
    }
}
