//! Constructors that build expressions already in a tidy form.
//!
//! Derivatives and simplified expressions are built through these methods,
//! never through raw `Graph::intern`, so the arithmetic every constructor does
//! is exact and visible: sums and products are flattened, numbers are folded,
//! 0 and 1 are dropped where they are identities, signs are pulled to the
//! front. The parser keeps the user's expression as typed and uses only the
//! sign normalisation (`negate_literal`) so that printing and parsing again
//! give back the same node.
//!
//! Invariant: every constructor returns a node whose value equals the value
//! of the operation it stands for wherever that operation is defined.

use super::exact;
use super::graph::{Constant, Func, Graph, Id, Node, Operands};

/// True when a folded number reads well: a short decimal such as 0.25 or 8,
/// not 0.333333333333 or 1.4142135623730951.
pub fn is_short_decimal(x: f64) -> bool {
    if !x.is_finite() {
        return false;
    }
    if x == x.trunc() {
        return x.abs() < 1e15;
    }
    let text = format!("{}", x.abs());
    let digits = text.chars().filter(|c| c.is_ascii_digit()).count();
    let leading_zeros = text
        .trim_start_matches("0.")
        .chars()
        .take_while(|&c| c == '0')
        .count();
    digits - leading_zeros.min(digits) <= 8 && text.len() <= 14
}

impl Graph {
    /// `−a`, with the sign folded into numbers and numeric coefficients and
    /// double negation removed.
    pub fn negate(&mut self, a: Id) -> Id {
        if let Node::Neg(inner) = self.node(a) {
            return *inner;
        }
        self.negate_literal(a)
    }

    /// `−a` as the parser builds it: the sign is folded into a number or a
    /// leading numeric coefficient, and nothing else changes (so `-(-x)`
    /// stays as typed).
    pub fn negate_literal(&mut self, a: Id) -> Id {
        match self.node(a) {
            Node::Num(n) => {
                let minus = -n.value();
                self.num(minus)
            }
            Node::Mul(factors) => match self.as_number(factors[0]) {
                Some(c) => {
                    let mut factors = factors.to_vec();
                    factors[0] = self.num(-c);
                    self.intern_operands(Operands::Product, &factors)
                }
                None => self.intern(Node::Neg(a)),
            },
            _ => self.intern(Node::Neg(a)),
        }
    }

    /// `a + b + …`: nested sums flattened, numbers added into one trailing
    /// constant, zeros dropped.
    pub fn sum(&mut self, terms: impl IntoIterator<Item = Id>) -> Id {
        let mut flat = Vec::new();
        let mut numbers = Vec::new();
        // The folded constant stands where the first number stood, so
        // 1 − σ(u) keeps its shape.
        let mut constant_at = None;
        for term in terms {
            let inner = match self.node(term) {
                Node::Add(inner) => &inner[..],
                _ => std::slice::from_ref(&term),
            };
            for &t in inner {
                match self.as_number(t) {
                    Some(c) => {
                        constant_at.get_or_insert(flat.len());
                        numbers.push(c);
                    }
                    None => flat.push(t),
                }
            }
        }
        let at = constant_at.unwrap_or(flat.len());
        match exact::sum(numbers.iter().copied()) {
            Some(0.0) => {}
            Some(constant) => {
                let c = self.num(constant); // invariant: exact sums are finite
                flat.insert(at, c);
            }
            // Overflow, underflow or more digits than an f64 holds: keep
            // the numbers as they are rather than store ∞ or a rounded value.
            None => {
                for (offset, &c) in numbers.iter().enumerate() {
                    let number = self.num(c); // invariant: c came from a Num node
                    flat.insert((at + offset).min(flat.len()), number);
                }
            }
        }
        match flat.len() {
            0 => self.num(0.0),
            1 => flat[0],
            _ => self.intern_operands(Operands::Sum, &flat),
        }
    }

    /// `a − b`.
    pub fn difference(&mut self, a: Id, b: Id) -> Id {
        let minus_b = self.negate(b);
        self.sum([a, minus_b])
    }

    /// `a · b · …`: nested products flattened, numbers multiplied into one
    /// leading coefficient, ones dropped, a zero factor giving 0, negations
    /// pulled out in front.
    pub fn product(&mut self, factors: impl IntoIterator<Item = Id>) -> Id {
        let mut flat = Vec::new();
        let mut coefficient = 1.0;
        let original: Vec<Id> = factors.into_iter().collect();
        let mut pending: Vec<Id> = Vec::with_capacity(original.len() + 4);
        pending.extend(original.iter().rev());
        let mut zero_factor = false;
        let mut numbers = Vec::new();
        while let Some(f) = pending.pop() {
            match self.node(f) {
                Node::Mul(inner) => pending.extend(inner.iter().rev()),
                Node::Num(n) => {
                    zero_factor |= n.value() == 0.0;
                    numbers.push(n.value());
                }
                Node::Neg(inner) => {
                    coefficient = -coefficient;
                    pending.push(*inner);
                }
                _ => flat.push(f),
            }
        }
        if zero_factor {
            return self.num(0.0);
        }
        match exact::product(numbers) {
            Some(c) => coefficient *= c,
            // Overflow, underflow or more digits than an f64 holds: keep
            // the factors as they were rather than store a rounded value.
            None => {
                return match original.len() {
                    1 => original[0],
                    _ => self.intern_operands(Operands::Product, &original),
                }
            }
        }
        if flat.is_empty() {
            return self.num(coefficient);
        }
        let body = if flat.len() == 1 {
            flat[0]
        } else {
            self.intern_operands(Operands::Product, &flat)
        };
        if coefficient == 1.0 {
            body
        } else if coefficient == -1.0 {
            self.intern(Node::Neg(body))
        } else {
            flat.insert(0, self.num(coefficient));
            self.intern_operands(Operands::Product, &flat)
        }
    }

    /// `a / b`, with division by 1 dropped, 0/b = 0, and numbers folded
    /// when the quotient is a short decimal.
    pub fn quotient(&mut self, a: Id, b: Id) -> Id {
        match (self.as_number(a), self.as_number(b)) {
            (_, Some(1.0)) => return a,
            (_, Some(-1.0)) => return self.negate(a),
            (Some(0.0), Some(d)) if d != 0.0 => return a,
            (Some(0.0), None) => return a,
            (Some(n), Some(d)) => {
                if let Some(q) = exact::div(n, d).filter(|&q| is_short_decimal(q)) {
                    return self.num(q); // invariant: short decimals are finite
                }
            }
            _ => {}
        }
        self.intern(Node::Div([a, b]))
    }

    /// `a ^ b`, with x^1 = x, x^0 = 1, 1^x = 1, and numbers folded when the
    /// power is a short decimal.
    pub fn power(&mut self, base: Id, exponent: Id) -> Id {
        match (self.as_number(base), self.as_number(exponent)) {
            (_, Some(1.0)) => return base,
            (_, Some(0.0)) => return self.num(1.0),
            (Some(1.0), _) => return base,
            (Some(b), Some(e)) => {
                if let Some(p) = exact::powi(b, e).filter(|&p| is_short_decimal(p)) {
                    return self.num(p); // invariant: short decimals are finite
                }
            }
            _ => {}
        }
        self.intern(Node::Pow([base, exponent]))
    }

    /// `f(a)`, folded when `a` is a number and the value is a short decimal
    /// (sin(0) = 0, exp(0) = 1, sqrt(4) = 2, σ(0) = 0.5) and for ln(e) = 1.
    pub fn apply(&mut self, f: Func, a: Id) -> Id {
        if let Some(x) = self.as_number(a) {
            let defined = match f {
                Func::Ln => x > 0.0,
                Func::Sqrt => x >= 0.0,
                _ => true,
            };
            let y = f.apply(x);
            if defined && is_short_decimal(y) {
                return self.num(y);
            }
        }
        if f == Func::Ln && self.node(a) == &Node::Const(Constant::E) {
            return self.num(1.0);
        }
        if f == Func::Exp {
            if let Some(0.0) = self.as_number(a) {
                return self.num(1.0);
            }
        }
        self.intern(Node::Call(f, a))
    }
}

impl Graph {
    /// ln(e^x₁ + … + e^xₙ); a single argument is returned as it is.
    pub fn log_sum_exp(&mut self, args: Vec<Id>) -> Id {
        if args.len() == 1 {
            return args[0];
        }
        self.intern(Node::LogSumExp(args.into()))
    }

    /// Rebuilds `root` with each variable named in `bindings` replaced by
    /// the given expression, through the constructors above (so the result
    /// is as tidy as if it had been built directly).
    pub fn substitute(&mut self, root: Id, bindings: &[(&str, Id)]) -> Id {
        let mut map: rustc_hash::FxHashMap<Id, Id> = rustc_hash::FxHashMap::default();
        for id in self.reachable(&[root]) {
            let new = match self.node(id).clone() {
                Node::Var(name) => bindings
                    .iter()
                    .find(|(n, _)| *n == &*name)
                    .map_or(id, |&(_, replacement)| replacement),
                Node::Num(_) | Node::Const(_) => id,
                Node::Neg(a) => self.negate(map[&a]),
                Node::Call(f, a) => self.apply(f, map[&a]),
                Node::Div([a, b]) => self.quotient(map[&a], map[&b]),
                Node::Pow([a, b]) => self.power(map[&a], map[&b]),
                Node::Add(xs) => {
                    let xs: Vec<Id> = xs.iter().map(|x| map[x]).collect();
                    self.sum(xs)
                }
                Node::Mul(xs) => {
                    let xs: Vec<Id> = xs.iter().map(|x| map[x]).collect();
                    self.product(xs)
                }
                Node::LogSumExp(xs) => {
                    let xs: Vec<Id> = xs.iter().map(|x| map[x]).collect();
                    self.log_sum_exp(xs)
                }
            };
            map.insert(id, new);
        }
        map[&root]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_decimals() {
        for x in [0.0, 1.0, -8.0, 0.25, 1.5, 0.001, 123456.5] {
            assert!(is_short_decimal(x), "{x}");
        }
        for x in [1.0 / 3.0, 2f64.sqrt(), std::f64::consts::E, f64::NAN] {
            assert!(!is_short_decimal(x), "{x}");
        }
    }

    #[test]
    fn products_gather_numbers_and_signs() {
        let mut g = Graph::new();
        let x = g.var("x");
        let two = g.num(2.0);
        let three = g.num(3.0);
        let minus_x = g.negate(x);
        let p = g.product([two, minus_x, three]);
        let six = g.num(-6.0);
        let expected = g.intern(Node::Mul([six, x].into()));
        assert_eq!(p, expected);
        let one = g.num(1.0);
        assert_eq!(g.product([one, x]), x);
    }

    #[test]
    fn sums_drop_zeros_and_fold_numbers() {
        let mut g = Graph::new();
        let x = g.var("x");
        let zero = g.num(0.0);
        let one = g.num(1.0);
        let two = g.num(2.0);
        let s = g.sum([x, one, zero, two]);
        let three = g.num(3.0);
        let expected = g.intern(Node::Add([x, three].into()));
        let minus_x = g.negate(x);
        let one_minus_x = g.sum([one, minus_x]);
        assert!(matches!(g.node(one_minus_x), Node::Add(xs) if xs[0] == one));
        assert_eq!(s, expected);
    }

    #[test]
    fn quotient_and_power_identities() {
        let mut g = Graph::new();
        let x = g.var("x");
        let one = g.num(1.0);
        let zero = g.num(0.0);
        assert_eq!(g.quotient(x, one), x);
        assert_eq!(g.power(x, one), x);
        assert_eq!(g.power(x, zero), one);
        let (a, b) = (g.num(1.0), g.num(3.0));
        let third = g.quotient(a, b);
        assert!(matches!(g.node(third), Node::Div(_)));
    }
}
