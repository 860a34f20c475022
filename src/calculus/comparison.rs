//! Comparing an answer with the derivative at the planned points: each
//! point judged within the rounding error of the simplified difference,
//! pieces summarised, and a counterexample chosen that is easy to read.
//!
//! Invariant: a point is `Differs` only where both values were computed
//! and their difference exceeds its rounding bound by the safety factor.

use super::check::{
    Piece, PieceVerdict, NEGLIGIBLE, REQUIRED_POINTS, RESOLUTION, SAFETY_FACTOR, SEED,
};
use super::diagnose::Sample;
use super::sampling::{Interval, SamplePlan};
use crate::expr::{EvalError, Evaluator, Graph, Id, Point};
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// What one point showed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum PointVerdict {
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
pub(super) struct Compared {
    pub(super) point: Point,
    pub(super) piece: Option<usize>,
    pub(super) verdict: PointVerdict,
    pub(super) expression: f64,
    pub(super) derivative: f64,
    pub(super) answer: Option<f64>,
}

/// Every point of a plan, compared.
pub(super) struct Comparison {
    pub(super) points: Vec<Compared>,
    /// The counterexample chosen for being easy to read, if any.
    pub(super) preferred: Option<usize>,
}

/// The evaluators that compare the answer with the derivative at a point.
struct Comparer<'g> {
    in_domain: Evaluator<'g>,
    pub(super) answer: Evaluator<'g>,
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
pub(super) fn compare(graph: &Graph, plan: &SamplePlan, roots: [Id; 4]) -> Comparison {
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
    pub(super) fn in_domain(&self) -> usize {
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

    pub(super) fn values_differ(&self) -> bool {
        self.points
            .iter()
            .any(|p| p.verdict == PointVerdict::Differs)
    }

    pub(super) fn any_differs(&self) -> bool {
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
    pub(super) fn piece_in_domain_without_verdict(&self, k: usize) -> bool {
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

    pub(super) fn conclusive(&self) -> usize {
        self.points
            .iter()
            .filter(|p| p.verdict == PointVerdict::Agrees { conclusive: true })
            .count()
    }

    /// The differing point that is easiest to read: coordinates closest to
    /// 1 in size.
    pub(super) fn best_counterexample(&self) -> Option<usize> {
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
    pub(super) fn pieces(&self, plan: &SamplePlan) -> Vec<Piece> {
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
    pub(super) fn samples(&self) -> Vec<Sample> {
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
