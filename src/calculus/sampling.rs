//! Where to compare two formulas: points on every piece of their domain.
//!
//! Two formulas can agree on one stretch of the real line and differ on
//! another: |x + 3| has derivative 1 only for x > −3, √x/√x is 1 only for
//! x > 0. Such changes happen only where some part of a formula crosses 0:
//! the argument of |·|, relu, sign or step, a denominator, the argument of
//! ln or √, the base of a fractional power. The arguments of σ, tanh and
//! e^u count too: far from where they cross 0 their values round to 0, 1
//! or overflow, and only points near it show what the formula does. The sampler finds those places
//! along each variable — it scans a grid from 10⁻⁹ to 10¹⁵ on both sides of
//! 0, notes where the pattern of signs (and of definedness) of the critical
//! parts changes, and bisects each change to the last bit — and then draws
//! points inside every piece between two such places, near both ends and
//! in the middle, and far out on both sides.
//!
//! Invariant: every piece between consecutive boundaries found gets points,
//! and no point is drawn on a boundary itself.

use crate::expr::{domain, EvalError, Evaluator, Func, Graph, Id, Node, Point};
use crate::limits::{MAX_BOUNDARIES, MAX_CHECK_POINTS as MAX_POINTS, MAX_CRITICAL_PARTS};
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// Base points for the lines of an expression of several variables.
const BASE_POINTS: usize = 6;

/// One stretch of a line between two boundaries (either may be infinite).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Interval {
    pub from: f64,
    pub to: f64,
}

impl Interval {
    fn contains(self, x: f64) -> bool {
        self.from < x && x < self.to
    }
}

/// A point to compare at, and the piece of the scanned line it lies in
/// (for an expression of one variable).
#[derive(Clone, Debug)]
pub struct SamplePoint {
    pub point: Point,
    pub piece: Option<usize>,
}

/// The points of a comparison and, for one variable, the pieces of the
/// real line they were drawn from.
#[derive(Clone, Debug, Default)]
pub struct SamplePlan {
    pub points: Vec<SamplePoint>,
    pub pieces: Vec<Interval>,
}

/// The parts of `roots` whose sign decides which formula applies or
/// whether the expression is defined.
pub fn critical_parts(graph: &mut Graph, roots: &[Id]) -> Vec<Id> {
    let mut parts = Vec::new();
    for id in graph.reachable(roots) {
        // Kinks and jumps, and the centres of σ, tanh and e^u, around
        // which their values are neither 0 nor 1 nor beyond the floats.
        if let Node::Call(
            Func::Abs
            | Func::Relu
            | Func::Sign
            | Func::Step
            | Func::Sigmoid
            | Func::Tanh
            | Func::Exp
            | Func::Softplus
            | Func::Silu
            | Func::LeakyRelu
            | Func::Elu
            | Func::Gelu
            | Func::Erf
            | Func::Erfc,
            u,
        ) = graph.node(id)
        {
            parts.push(*u);
        }
    }
    for r in domain::restrictions(graph, roots) {
        parts.push(r.subject());
    }
    parts.sort_unstable();
    parts.dedup();
    parts.retain(|&p| graph.as_number(p).is_none());
    parts.truncate(MAX_CRITICAL_PARTS);
    parts
}

/// Plans the points for comparing formulas in the variables `names`, whose
/// critical parts are `parts`; `seed` fixes the random choices.
pub fn plan(graph: &Graph, parts: &[Id], names: &[String], seed: u64) -> SamplePlan {
    let signs = Signatures::new(graph, parts);
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut plan = SamplePlan::default();
    if names.len() == 1 {
        let base = Point::default();
        let boundaries = signs.boundaries(&base, &names[0]);
        plan.pieces = pieces(&boundaries);
        for (k, piece) in plan.pieces.iter().enumerate() {
            for x in points_in(*piece, &mut rng) {
                let mut point = base.clone();
                point.set(&names[0], x);
                plan.points.push(SamplePoint {
                    point,
                    piece: Some(k),
                });
            }
        }
        return plan;
    }
    // Several variables: random points, and lines through random base
    // points along each variable.
    for _ in 0..24 {
        let point = random_point(names, &mut rng);
        plan.points.push(SamplePoint { point, piece: None });
    }
    let per_line = (MAX_POINTS / (BASE_POINTS * names.len()).max(1)).max(4);
    for _ in 0..BASE_POINTS {
        let base = random_point(names, &mut rng);
        for name in names {
            let boundaries = signs.boundaries(&base, name);
            let mut line = Vec::new();
            for piece in pieces(&boundaries) {
                for x in points_in(piece, &mut rng) {
                    let mut point = base.clone();
                    point.set(name, x);
                    line.push(SamplePoint { point, piece: None });
                }
            }
            thin(&mut line, per_line);
            plan.points.extend(line);
        }
    }
    thin(&mut plan.points, MAX_POINTS);
    plan
}

/// Keeps at most `limit` items, evenly spread.
fn thin<T>(items: &mut Vec<T>, limit: usize) {
    if items.len() <= limit {
        return;
    }
    let n = items.len();
    let mut k = 0;
    items.retain(|_| {
        let keep = (k * limit) / n != ((k + 1) * limit) / n;
        k += 1;
        keep
    });
}

fn random_point(names: &[String], rng: &mut ChaCha8Rng) -> Point {
    let mut point = Point::default();
    for name in names {
        let scale = [0.5, 2.0, 5.0, 1.0, 20.0][rng.random_range(0..5usize)];
        let mut x: f64 = rng.random_range(-scale..scale);
        if x.abs() < 1e-3 {
            x += 0.1;
        }
        point.set(name, x);
    }
    point
}

/// The pieces between sorted boundaries.
fn pieces(boundaries: &[f64]) -> Vec<Interval> {
    let mut ends = vec![f64::NEG_INFINITY];
    ends.extend_from_slice(boundaries);
    ends.push(f64::INFINITY);
    ends.windows(2)
        .map(|w| Interval {
            from: w[0],
            to: w[1],
        })
        .filter(|i| i.from < i.to)
        .collect()
}

/// Points inside a piece: near both ends, in between, and far out when an
/// end is infinite. Jittered so no point falls on a round number by
/// design.
fn points_in(piece: Interval, rng: &mut ChaCha8Rng) -> Vec<f64> {
    let mut jitter = || 1.0 + rng.random_range(-0.05..0.05);
    let mut out = Vec::new();
    match (piece.from.is_finite(), piece.to.is_finite()) {
        (false, false) => {
            for s in [0.3, 0.8, 1.7, 4.2, 11.0, 130.0, 1e4] {
                out.push(s * jitter());
                out.push(-s * jitter());
            }
        }
        (true, false) | (false, true) => {
            let (end, direction) = if piece.from.is_finite() {
                (piece.from, 1.0)
            } else {
                (piece.to, -1.0)
            };
            let scale = end.abs().max(1.0);
            for s in [1e-3, 0.05, 0.5, 3.0, 100.0, 1e4] {
                out.push(end + direction * s * scale * jitter());
            }
        }
        (true, true) => {
            let width = piece.to - piece.from;
            for t in [0.01, 0.2, 0.5, 0.8, 0.99] {
                let t: f64 = (t * jitter()).clamp(0.001, 0.999);
                out.push(piece.from + t * width);
            }
        }
    }
    out.retain(|&x| piece.contains(x) && x.is_finite());
    out
}

/// The signs of the critical parts at a point: −1, 0, 1, or 2 where a part
/// is undefined.
struct Signatures<'g> {
    evaluators: Vec<Evaluator<'g>>,
}

impl<'g> Signatures<'g> {
    fn new(graph: &'g Graph, parts: &[Id]) -> Signatures<'g> {
        Signatures {
            evaluators: parts.iter().map(|&p| Evaluator::new(graph, &[p])).collect(),
        }
    }

    /// The signs at `point`, or `None` where a part overflows (its sign
    /// is then unknown, and the point says nothing about boundaries).
    fn at(&self, point: &Point) -> Option<Vec<i8>> {
        self.evaluators
            .iter()
            .map(|e| match e.evaluate(point) {
                Ok(v) if v[0] > 0.0 => Some(1),
                Ok(v) if v[0] < 0.0 => Some(-1),
                Ok(_) => Some(0),
                Err(EvalError::Overflow { .. }) => None,
                Err(_) => Some(2),
            })
            .collect()
    }

    fn along(&self, base: &Point, name: &str, x: f64) -> Option<Vec<i8>> {
        let mut point = base.clone();
        point.set(name, x);
        self.at(&point)
    }

    /// The places along `name` (others fixed at `base`) where the pattern
    /// of signs changes, sorted.
    fn boundaries(&self, base: &Point, name: &str) -> Vec<f64> {
        if self.evaluators.is_empty() {
            return Vec::new();
        }
        // The grid points where every part has a sign, with those signs.
        let grid: Vec<(f64, Vec<i8>)> = scan_grid()
            .into_iter()
            .filter_map(|x| Some((x, self.along(base, name, x)?)))
            .collect();
        let mut found = Vec::new();
        for pair in grid.windows(2) {
            let ((a, sa), (b, sb)) = (&pair[0], &pair[1]);
            if sa != sb {
                self.bisect(base, name, (*a, sa), (*b, sb), &mut found, 8);
            }
            if found.len() >= MAX_BOUNDARIES {
                break;
            }
        }
        found.sort_by(f64::total_cmp);
        // Boundaries within rounding of each other are one boundary seen
        // through two formulas (x + y + 4.1 and y + x + 4.1): no piece is
        // drawn between them.
        let mut merged: Vec<f64> = Vec::new();
        for b in found {
            match merged.last() {
                Some(&last) if b - last <= 1e-9 * last.abs().max(1.0) => {}
                _ => merged.push(b),
            }
        }
        merged
    }

    /// Finds the changes of signature between `lo` and `hi` (which differ),
    /// splitting where a third signature appears.
    fn bisect(
        &self,
        base: &Point,
        name: &str,
        lo: (f64, &[i8]),
        hi: (f64, &[i8]),
        found: &mut Vec<f64>,
        depth: usize,
    ) {
        let (mut a, mut b) = (lo.0, hi.0);
        for _ in 0..200 {
            let mid = a + (b - a) / 2.0;
            if mid <= a || mid >= b {
                break;
            }
            let Some(s) = self.along(base, name, mid) else {
                // A part overflows in between: no boundary can be placed.
                return;
            };
            if s == lo.1 {
                a = mid;
            } else if s == hi.1 {
                b = mid;
            } else {
                // A third pattern: two changes at least; find each.
                if depth > 0 && found.len() < MAX_BOUNDARIES {
                    self.bisect(base, name, lo, (mid, &s), found, depth - 1);
                    self.bisect(base, name, (mid, &s), hi, found, depth - 1);
                }
                return;
            }
        }
        if found.len() < MAX_BOUNDARIES {
            found.push(snap(a + (b - a) / 2.0, a, b));
        }
    }
}

/// A boundary located in [a, b], written as the shortest decimal inside
/// (8 rather than 7.999999999999999).
fn snap(x: f64, a: f64, b: f64) -> f64 {
    if a <= 0.0 && 0.0 <= b {
        return 0.0;
    }
    for digits in 0..17 {
        if let Ok(y) = format!("{x:.digits$e}").parse::<f64>() {
            if a <= y && y <= b {
                return y;
            }
        }
    }
    x
}

/// 0 and ±10^(k/4) for k from −36 to 60: 10⁻⁹ to 10¹⁵, four points a decade.
fn scan_grid() -> Vec<f64> {
    let positive: Vec<f64> = (-36..=60).map(|k| 10f64.powf(k as f64 / 4.0)).collect();
    let mut grid: Vec<f64> = positive.iter().rev().map(|x| -x).collect();
    grid.push(0.0);
    grid.extend(positive);
    grid
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::expr::parse;

    fn boundaries_of(input: &str) -> Vec<f64> {
        let mut g = Graph::new();
        let e = parse(&mut g, input).unwrap();
        let parts = critical_parts(&mut g, &[e]);
        let signs = Signatures::new(&g, &parts);
        signs.boundaries(&Point::default(), "x")
    }

    #[test]
    fn kinks_and_domain_edges_far_from_zero() {
        assert_eq!(boundaries_of("abs(x+3)"), vec![-3.0]);
        assert_eq!(boundaries_of("relu(x-8)"), vec![8.0]);
        assert_eq!(boundaries_of("sqrt(x-20)"), vec![20.0]);
        assert_eq!(boundaries_of("ln(x-100)"), vec![100.0]);
        assert_eq!(
            boundaries_of("abs(x-1000)*sign(x+1000)"),
            vec![-1000.0, 1000.0]
        );
        assert_eq!(boundaries_of("1/(x-0.001)"), vec![0.001]);
        assert_eq!(boundaries_of("x^2 + sin(x)"), Vec::<f64>::new());
    }

    #[test]
    fn every_piece_gets_points_off_its_ends() {
        let mut rng = ChaCha8Rng::seed_from_u64(1);
        for piece in pieces(&[-3.0, 8.0]) {
            let xs = points_in(piece, &mut rng);
            assert!(xs.len() >= 4, "{piece:?}");
            assert!(xs.iter().all(|&x| piece.contains(x)));
        }
    }
}
