//! Evaluating expressions at a point, with domain problems reported.
//!
//! The evaluator visits each node reachable from the roots once, in
//! increasing id order (children first), so shared subexpressions are
//! computed once and no recursion is needed. Where an operation is undefined
//! — a division by zero, ln or sqrt of a negative number, a fractional power
//! of a negative base — it stops and names the subexpression, instead of
//! letting a NaN travel silently into the answer.
//!
//! Invariant: every value the evaluator returns is finite.

use super::graph::{Func, Graph, Id, Node};
use super::print::unicode;
use super::stable::stable_form;
use crate::i18n::{Lang, Text};
use rustc_hash::FxHashMap;
use std::fmt;

/// Values for variables, in the order they were given.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Point {
    pub values: Vec<(String, f64)>,
}

impl Point {
    pub fn new(values: Vec<(String, f64)>) -> Point {
        Point { values }
    }

    pub fn get(&self, name: &str) -> Option<f64> {
        self.values.iter().find(|(n, _)| n == name).map(|&(_, v)| v)
    }

    /// Sets a value, replacing an earlier one for the same name.
    pub fn set(&mut self, name: &str, value: f64) {
        match self.values.iter_mut().find(|(n, _)| n == name) {
            Some(slot) => slot.1 = value,
            None => self.values.push((name.to_string(), value)),
        }
    }

    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.values.iter().map(|(n, _)| n.as_str())
    }
}

/// Why an expression has no value at a point.
#[derive(Clone, Debug, PartialEq)]
pub enum EvalError {
    /// A variable was given no value.
    Unbound { name: String },
    /// An operation outside its domain; `expression` is the subexpression
    /// (as printed for the terminal) and `detail` says which operand is bad
    /// (boxed: errors travel inside `Result`s, and should stay small).
    Domain {
        expression: String,
        detail: Box<DomainDetail>,
    },
    /// A value too large for a 64-bit float.
    Overflow { expression: String },
}

/// Which operand puts an operation outside its domain, the operands and
/// their values as printed for the terminal.
#[derive(Clone, Debug, PartialEq)]
pub enum DomainDetail {
    ZeroDenominator {
        denominator: String,
    },
    ZeroToNegativePower,
    /// A negative base raised to an exponent that is not a whole number.
    NegativeBase {
        base: String,
        value: String,
        exponent: String,
    },
    /// A logarithm (ln, log10, log2: `function`) of 0 (`value` none) or
    /// of a negative number.
    LnNotPositive {
        function: &'static str,
        argument: String,
        value: Option<String>,
    },
    SqrtNegative {
        argument: String,
        value: String,
    },
}

impl DomainDetail {
    /// The detail as a message of the catalogue (`eval-…`).
    pub fn text(&self) -> Text {
        match self {
            DomainDetail::ZeroDenominator { denominator } => {
                crate::text!("eval-zero-denominator", denominator = denominator)
            }
            DomainDetail::ZeroToNegativePower => crate::text!("eval-zero-to-negative-power"),
            DomainDetail::NegativeBase {
                base,
                value,
                exponent,
            } => crate::text!(
                "eval-negative-base",
                base = base,
                value = value,
                exponent = exponent
            ),
            DomainDetail::LnNotPositive {
                function: "ln",
                argument,
                value: None,
            } => crate::text!("eval-ln-zero", argument = argument),
            DomainDetail::LnNotPositive {
                function: "ln",
                argument,
                value: Some(value),
            } => crate::text!("eval-ln-negative", argument = argument, value = value),
            DomainDetail::LnNotPositive {
                function,
                argument,
                value: None,
            } => crate::text!("eval-log-zero", function = *function, argument = argument),
            DomainDetail::LnNotPositive {
                function,
                argument,
                value: Some(value),
            } => crate::text!(
                "eval-log-negative",
                function = *function,
                argument = argument,
                value = value
            ),
            DomainDetail::SqrtNegative { argument, value } => {
                crate::text!("eval-sqrt-negative", argument = argument, value = value)
            }
        }
    }

    /// The detail in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        self.text().render(lang)
    }
}

/// The detail in English.
impl fmt::Display for DomainDetail {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl EvalError {
    /// The error as a message of the catalogue (`eval-…`).
    pub fn text(&self) -> Text {
        match self {
            EvalError::Unbound { name } => crate::text!("eval-unbound", name = name),
            EvalError::Domain { expression, detail } => crate::text!(
                "eval-domain",
                expression = expression,
                detail = detail.text()
            ),
            EvalError::Overflow { expression } => {
                crate::text!("eval-overflow", expression = expression)
            }
        }
    }

    /// The error in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        self.text().render(lang)
    }
}

/// The error in English.
impl fmt::Display for EvalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for EvalError {}

/// Where an evaluation stopped: the first node without a value, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct Failure {
    pub node: Id,
    pub error: EvalError,
}

/// Evaluates one expression at a point.
pub fn evaluate(graph: &Graph, root: Id, point: &Point) -> Result<f64, EvalError> {
    Evaluator::new(graph, &[root]).evaluate(point).map(|v| v[0])
}

/// An evaluation plan for fixed roots, reusable across many points.
pub struct Evaluator<'g> {
    graph: &'g Graph,
    roots: Vec<Id>,
    order: Vec<Id>,
    slot: FxHashMap<Id, usize>,
}

impl<'g> Evaluator<'g> {
    pub fn new(graph: &'g Graph, roots: &[Id]) -> Evaluator<'g> {
        let order = graph.reachable(roots);
        let slot = order.iter().enumerate().map(|(i, &id)| (id, i)).collect();
        Evaluator {
            graph,
            roots: roots.to_vec(),
            order,
            slot,
        }
    }

    /// The value of each root at `point`.
    pub fn evaluate(&self, point: &Point) -> Result<Vec<f64>, EvalError> {
        self.evaluate_or_fail(point)
            .map_err(|failure| failure.error)
    }

    /// The value of each root at `point`, or the first node (in id order)
    /// without a value there and why.
    pub fn evaluate_or_fail(&self, point: &Point) -> Result<Vec<f64>, Failure> {
        let lookup = point_lookup(point);
        let mut values = vec![0.0; self.order.len()];
        for (i, &id) in self.order.iter().enumerate() {
            values[i] = self
                .node_value(id, &values, &lookup)
                .map_err(|error| Failure { node: id, error })?;
        }
        Ok(self.roots.iter().map(|r| values[self.slot[r]]).collect())
    }

    /// The value of each root at `point` with a bound on its rounding
    /// error: `(value, bound)`, where the exact value of the expression at
    /// the point lies within `bound` of `value` (to first order, with every
    /// operation's rounding and the rounding of non-dyadic numbers counted
    /// at twice the unit roundoff). A discontinuity within reach of the
    /// error (sign(u) with |u| below u's own bound) gives the size of its
    /// jump as the bound.
    pub fn evaluate_with_bounds(&self, point: &Point) -> Result<Vec<(f64, f64)>, EvalError> {
        let lookup = point_lookup(point);
        let mut values = vec![0.0; self.order.len()];
        let mut bounds = vec![0.0; self.order.len()];
        for (i, &id) in self.order.iter().enumerate() {
            values[i] = self.node_value(id, &values, &lookup)?;
            bounds[i] = self.node_bound(id, &values, &bounds);
        }
        Ok(self
            .roots
            .iter()
            .map(|r| (values[self.slot[r]], bounds[self.slot[r]]))
            .collect())
    }

    /// The value of one node from its children's values.
    fn node_value(
        &self,
        id: Id,
        values: &[f64],
        lookup: &FxHashMap<&str, f64>,
    ) -> Result<f64, EvalError> {
        let at = |c: &Id| values[self.slot[c]];
        let stable = stable_form(self.graph, id).map(|(form, u)| form.apply(at(&u)));
        let value = if let Some(v) = stable {
            v
        } else {
            match self.graph.node(id) {
                Node::Num(n) => n.value(),
                Node::Const(c) => c.value(),
                Node::Var(name) => *lookup.get(&**name).ok_or_else(|| EvalError::Unbound {
                    name: name.to_string(),
                })?,
                Node::Neg(a) => -at(a),
                Node::Add(xs) => xs.iter().map(at).sum(),
                Node::Mul(xs) => xs.iter().map(at).product(),
                Node::Div([a, b]) => {
                    let d = at(b);
                    if d == 0.0 {
                        return Err(self.domain(
                            id,
                            DomainDetail::ZeroDenominator {
                                denominator: self.show(*b),
                            },
                        ));
                    }
                    at(a) / d
                }
                Node::Pow([a, b]) => {
                    let (base, exponent) = (at(a), at(b));
                    if base == 0.0 && exponent < 0.0 {
                        return Err(self.domain(id, DomainDetail::ZeroToNegativePower));
                    }
                    if base < 0.0 && exponent.fract() != 0.0 {
                        return Err(self.domain(
                            id,
                            DomainDetail::NegativeBase {
                                base: self.show(*a),
                                value: short(base),
                                exponent: short(exponent),
                            },
                        ));
                    }
                    base.powf(exponent)
                }
                Node::LogSumExp(xs) => log_sum_exp(xs.iter().map(at)),
                Node::Call(f, a) => {
                    let x = at(a);
                    match f {
                        Func::Ln | Func::Log10 | Func::Log2 if x <= 0.0 => {
                            return Err(self.domain(
                                id,
                                DomainDetail::LnNotPositive {
                                    function: f.name(),
                                    argument: self.show(*a),
                                    value: (x != 0.0).then(|| short(x)),
                                },
                            ));
                        }
                        Func::Sqrt if x < 0.0 => {
                            return Err(self.domain(
                                id,
                                DomainDetail::SqrtNegative {
                                    argument: self.show(*a),
                                    value: short(x),
                                },
                            ));
                        }
                        _ => f.apply(x),
                    }
                }
            }
        };
        if !value.is_finite() {
            return Err(EvalError::Overflow {
                expression: self.show(id),
            });
        }
        Ok(value)
    }

    /// The rounding-error bound of one node, from its value and its
    /// children's values and bounds (see [`Evaluator::evaluate_with_bounds`]).
    fn node_bound(&self, id: Id, values: &[f64], bounds: &[f64]) -> f64 {
        const U: f64 = f64::EPSILON;
        // Below f64::MIN_POSITIVE results lose relative precision: each
        // operation may then be off by up to this much in absolute terms.
        const ETA: f64 = f64::MIN_POSITIVE * f64::EPSILON;
        let at = |c: &Id| values[self.slot[c]];
        let err = |c: &Id| bounds[self.slot[c]];
        let v = values[self.slot[&id]];
        if let Some((form, u)) = stable_form(self.graph, id) {
            return perturbed(|x| Some(form.apply(x)), at(&u), err(&u), v);
        }
        match self.graph.node(id) {
            Node::Num(n) => {
                let c = n.value();
                // Whole numbers and short binary fractions are stored exactly.
                if (c * 1024.0).fract() == 0.0 {
                    0.0
                } else {
                    0.5 * U * c.abs()
                }
            }
            Node::Const(c) => U * c.value().abs(),
            Node::Var(_) => 0.0,
            Node::Neg(a) => err(a),
            Node::Add(xs) => {
                let magnitude: f64 = xs.iter().map(|x| at(x).abs()).sum();
                xs.iter().map(err).sum::<f64>() + U * xs.len() as f64 * magnitude + ETA
            }
            Node::Mul(xs) => {
                // Σ eᵢ·Π_{j≠i}|xⱼ|, from prefix and suffix products.
                let n = xs.len();
                let mut prefix = vec![1.0; n + 1];
                for (i, x) in xs.iter().enumerate() {
                    prefix[i + 1] = prefix[i] * at(x).abs();
                }
                let mut suffix = 1.0;
                let mut total = 0.0;
                for i in (0..n).rev() {
                    total += err(&xs[i]) * prefix[i] * suffix;
                    suffix *= at(&xs[i]).abs();
                }
                total + U * n as f64 * v.abs() + ETA * n as f64
            }
            Node::Div([a, b]) => {
                let d = at(b).abs();
                if err(b) >= d {
                    return f64::INFINITY;
                }
                (err(a) + v.abs() * err(b)) / (d - err(b)) + U * v.abs() + ETA
            }
            Node::Pow([a, b]) => {
                let (base, exponent) = (at(a), at(b));
                let mut total = 2.0 * U * v.abs() + ETA;
                if err(a) > 0.0 {
                    total += perturbed(|x| finite(x.powf(exponent)), base, err(a), v);
                }
                if err(b) > 0.0 {
                    total += perturbed(|y| finite(base.powf(y)), exponent, err(b), v);
                }
                total
            }
            Node::LogSumExp(xs) => {
                let largest = xs.iter().map(|x| at(x).abs()).fold(0.0, f64::max);
                xs.iter().map(err).fold(0.0, f64::max) + 4.0 * U * (v.abs() + largest)
            }
            Node::Call(f, a) => {
                let f = *f;
                perturbed(
                    |x| {
                        let defined = match f {
                            Func::Ln | Func::Log10 | Func::Log2 => x > 0.0,
                            Func::Sqrt => x >= 0.0,
                            _ => true,
                        };
                        defined.then(|| f.apply(x)).and_then(finite)
                    },
                    at(a),
                    err(a),
                    v,
                )
            }
        }
    }

    fn show(&self, id: Id) -> String {
        unicode(self.graph, id)
    }

    fn domain(&self, id: Id, detail: DomainDetail) -> EvalError {
        EvalError::Domain {
            expression: self.show(id),
            detail: Box::new(detail),
        }
    }
}

/// The names of a point, for looking values up.
fn point_lookup(point: &Point) -> FxHashMap<&str, f64> {
    point.values.iter().map(|(n, v)| (n.as_str(), *v)).collect()
}

fn finite(x: f64) -> Option<f64> {
    x.is_finite().then_some(x)
}

/// The error of g(x) when x is known within `error`: how far g moves over
/// [x − error, x + error] (sampled at the ends and the middle of each
/// half), plus g's own rounding; infinite when g is undefined in reach.
fn perturbed(g: impl Fn(f64) -> Option<f64>, x: f64, error: f64, value: f64) -> f64 {
    let own = 2.0 * f64::EPSILON * value.abs() + 4.0 * f64::MIN_POSITIVE * f64::EPSILON;
    if error == 0.0 {
        return own;
    }
    let mut spread: f64 = 0.0;
    for t in [-1.0, -0.5, 0.5, 1.0] {
        match g(x + t * error) {
            Some(y) => spread = spread.max((y - value).abs()),
            None => return f64::INFINITY,
        }
    }
    spread + own
}

/// ln Σ e^xᵢ with the largest term factored out, so no exponential
/// overflows: m + ln Σ e^(xᵢ − m).
pub fn log_sum_exp(values: impl Iterator<Item = f64> + Clone) -> f64 {
    let m = values.clone().fold(f64::NEG_INFINITY, f64::max);
    if !m.is_finite() {
        return m;
    }
    m + values.map(|x| (x - m).exp()).sum::<f64>().ln()
}

fn short(x: f64) -> String {
    crate::number::format_significant(x, 6)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::expr::parse;

    #[test]
    fn log_sum_exp_is_finite_at_extremes() {
        let mut g = Graph::new();
        let e = parse(&mut g, "logsumexp(1000, 0, -1000)").unwrap();
        assert_eq!(evaluate(&g, e, &Point::default()).unwrap(), 1000.0);
        let e = parse(&mut g, "logsumexp(0, 0)").unwrap();
        assert!((evaluate(&g, e, &Point::default()).unwrap() - 2f64.ln()).abs() < 1e-15);
    }

    #[test]
    fn domain_errors_name_the_subexpression() {
        let mut g = Graph::new();
        let e = parse(&mut g, "1 + ln(x - 1)").unwrap();
        let err = evaluate(&g, e, &Point::new(vec![("x".into(), 0.5)])).unwrap_err();
        assert_eq!(err.to_string(), "ln(x − 1) is undefined here: ln needs a positive argument, and x − 1 is negative (-0.5)");
        let e = parse(&mut g, "1/(x - 2)").unwrap();
        let err = evaluate(&g, e, &Point::new(vec![("x".into(), 2.0)])).unwrap_err();
        assert!(
            err.to_string().contains("the denominator x − 2 is 0"),
            "{err}"
        );
    }
}
