//! Algebraic simplification.
//!
//! One bottom-up pass over the reachable nodes, children first, rebuilds
//! every node from its already simplified children with the rules below; the
//! pass is repeated (at most three times) while it still changes something.
//! Rules: constant folding, the identities of 0 and 1, x^1 and x^0, double
//! negation, numeric factors gathered into one coefficient, like terms
//! combined (a·x + b·x = (a+b)·x, so x − x = 0), equal factors combined
//! into powers (x·x² = x³), fractions merged and common factors cancelled,
//! (x^a)^n = x^(a·n) for whole n, ln(e^u) = u, e^(ln u) = u, √(u²) = |u|.
//!
//! Numbers fold in decimal (`exact`), so 0.3·3 is 0.9 as a student reads
//! it; a fold that would overflow or underflow keeps its numbers unfolded.
//!
//! Some rewrites remove a point where the input is undefined: x²/x = x
//! loses x = 0, e^(ln u) = u loses u ≤ 0, 0·ln(x) = 0 loses x ≤ 0. Each
//! such rewrite records the [`Restriction`]s of what it removed, so
//! [`simplify_with_conditions`] returns, beside the result, the conditions
//! under which result and input agree; derivations print them ("for
//! x ≠ 0").
//!
//! Invariant: wherever the input is defined, the result is defined and has
//! the same value, and every point where the input is undefined either
//! leaves the result undefined or fails one of the returned conditions.
//! Each pass costs time roughly linear in the size of the expression, so
//! simplification always terminates quickly.

use super::build::is_short_decimal;
use super::domain::{own_restrictions, restrictions, Restriction, Totality};
use super::exact::{self, Decimal};
use super::graph::{Func, Graph, Id, Node, Operands};
use rustc_hash::FxHashMap;

/// A simplified expression and the conditions its rewrites assumed.
#[derive(Clone, Debug, PartialEq)]
pub struct Simplified {
    pub result: Id,
    /// Where the input is undefined but the result would not be: the
    /// restrictions of the parts the rewrites removed, without repeats.
    pub conditions: Vec<Restriction>,
}

/// The simplified form of `root`.
pub fn simplify(graph: &mut Graph, root: Id) -> Id {
    simplify_with_conditions(graph, root).result
}

/// The simplified form of `root` with the conditions the rewrites assumed.
pub fn simplify_with_conditions(graph: &mut Graph, root: Id) -> Simplified {
    let mut simplifier = Simplifier::new(graph);
    let result = simplifier.simplified(root);
    Simplified {
        result,
        conditions: simplifier.conditions,
    }
}

/// Simplifies one expression after another in the same graph, each as
/// [`simplify`] would, sharing the work on their common parts.
pub struct Simplifications<'g> {
    simplifier: Simplifier<'g>,
}

impl<'g> Simplifications<'g> {
    pub fn new(graph: &'g mut Graph) -> Simplifications<'g> {
        Simplifications {
            simplifier: Simplifier::new(graph),
        }
    }

    /// `simplify(graph, root)`.
    pub fn of(&mut self, root: Id) -> Id {
        self.simplifier.simplified(root)
    }

    /// The graph the expressions live in.
    pub fn graph(&mut self) -> &mut Graph {
        self.simplifier.graph
    }
}

/// One simplification: the graph it rewrites in and what it assumed.
struct Simplifier<'g> {
    graph: &'g mut Graph,
    conditions: Vec<Restriction>,
    totality: Totality,
    /// What one pass makes of each node visited so far. A pass rebuilds a
    /// node from its children's results alone, so the result is the node's
    /// wherever it stands, in every pass and every expression. Indexed by
    /// node id (`None`: not visited).
    passed: Vec<Option<Id>>,
}

impl<'g> Simplifier<'g> {
    fn new(graph: &'g mut Graph) -> Simplifier<'g> {
        Simplifier {
            graph,
            conditions: Vec::new(),
            totality: Totality::default(),
            passed: Vec::new(),
        }
    }

    /// The pass repeated (at most three times) while it changes `root`.
    fn simplified(&mut self, root: Id) -> Id {
        let mut current = root;
        for _ in 0..3 {
            let next = self.pass(current);
            if next == current {
                break;
            }
            current = next;
        }
        current
    }
}

impl Simplifier<'_> {
    /// The nodes under `root` (itself included) no pass has visited yet,
    /// children first.
    fn unvisited(&self, root: Id) -> Vec<Id> {
        let mut seen = vec![false; root.index() + 1];
        let mut stack = vec![root];
        let mut out = Vec::new();
        while let Some(id) = stack.pop() {
            if self.passed_of(id).is_some() || std::mem::replace(&mut seen[id.index()], true) {
                continue;
            }
            out.push(id);
            stack.extend(self.graph.node(id).children());
        }
        out.sort_unstable();
        out
    }

    fn passed_of(&self, id: Id) -> Option<Id> {
        self.passed.get(id.index()).copied().flatten()
    }

    fn pass(&mut self, root: Id) -> Id {
        for id in self.unvisited(root) {
            let passed = &self.passed;
            // invariant: children come first (lower ids), so each is passed.
            let map = |c: &Id| passed[c.index()].expect("a child passed before its parent");
            let new = match self.graph.node(id) {
                Node::Num(_) | Node::Const(_) | Node::Var(_) => id,
                &Node::Neg(a) => {
                    let a = map(&a);
                    self.graph.negate(a)
                }
                Node::Add(terms) => {
                    let terms: Vec<Id> = terms.iter().map(map).collect();
                    self.sum(&terms)
                }
                Node::Mul(factors) => {
                    let factors: Vec<Id> = factors.iter().map(map).collect();
                    self.product(&factors)
                }
                &Node::Div([a, b]) => {
                    let (a, b) = (map(&a), map(&b));
                    self.quotient(a, b)
                }
                &Node::Pow([a, b]) => {
                    let (a, b) = (map(&a), map(&b));
                    self.power(a, b)
                }
                &Node::Call(f, a) => {
                    let a = map(&a);
                    self.call(f, a)
                }
                Node::LogSumExp(xs) => {
                    let xs: Vec<Id> = xs.iter().map(map).collect();
                    self.graph.log_sum_exp(xs)
                }
            };
            if self.passed.len() <= id.index() {
                self.passed.resize(id.index() + 1, None);
            }
            self.passed[id.index()] = Some(new);
        }
        // invariant: `root` is passed now, in this pass or an earlier one.
        self.passed_of(root).expect("the root passed")
    }

    /// Records that a rewrite removed `part`: its restrictions, if it has
    /// any, become conditions.
    fn removed(&mut self, part: Id) {
        if self.totality.is_total(self.graph, part) {
            return;
        }
        for r in restrictions(self.graph, &[part]) {
            self.assume(r);
        }
    }

    /// Records that a rewrite removed the condition `r` itself (a factor
    /// cancelled from a denominator).
    fn assume(&mut self, r: Restriction) {
        if self.graph.as_number(r.subject()).is_some_and(|v| v > 0.0) {
            return;
        }
        if !self.conditions.contains(&r) {
            self.conditions.push(r);
        }
    }
}

/// Splits a term into a numeric coefficient and the rest: 3·x·y → (3, x·y),
/// −x → (−1, x), (2·x)/y → (2, x/y), 5 → (5, 1).
fn coefficient_and_rest(graph: &mut Graph, term: Id) -> (f64, Option<Id>) {
    match *graph.node(term) {
        Node::Num(n) => (n.value(), None),
        Node::Neg(a) => {
            let (c, rest) = coefficient_and_rest(graph, a);
            (-c, rest)
        }
        Node::Mul(ref factors) => match graph.as_number(factors[0]) {
            Some(c) => {
                let rest = factors[1..].to_vec();
                let rest = graph.product(rest);
                (c, Some(rest))
            }
            None => (1.0, Some(term)),
        },
        Node::Div([n, d]) => {
            let (c, rest) = coefficient_and_rest(graph, n);
            if c == 1.0 {
                return (1.0, Some(term));
            }
            let one = graph.num(1.0);
            let numerator = rest.unwrap_or(one);
            (c, Some(graph.quotient(numerator, d)))
        }
        _ => (1.0, Some(term)),
    }
}

/// Terms of a sum that differ only in their numeric coefficient.
struct LikeTerms {
    /// What the members share: the rest of each, its factors in any order.
    key: Option<Id>,
    /// The exact sum of the coefficients, while it fits.
    total: Option<Decimal>,
    /// The rest of the first member, as the group is written.
    first: Option<Id>,
}

/// `c · rest`, written as a fraction `c·n/d` when `rest` is one.
fn scaled(graph: &mut Graph, c: f64, rest: Id) -> Id {
    if c == 1.0 {
        return rest;
    }
    let coefficient = graph.num(c); // invariant: coefficients are finite
    match *graph.node(rest) {
        Node::Div([n, d]) => {
            let numerator = graph.product([coefficient, n]);
            graph.quotient(numerator, d)
        }
        _ => graph.product([coefficient, rest]),
    }
}

/// The same node for products of the same factors in any order.
fn like_key(graph: &mut Graph, term: Id) -> Id {
    match graph.node(term) {
        Node::Mul(factors) => {
            if factors.is_sorted() {
                return term;
            }
            let mut sorted = factors.to_vec();
            sorted.sort_unstable();
            graph.intern_operands(Operands::Product, &sorted)
        }
        _ => term,
    }
}

/// A factor as base and numeric exponent: x³ → (x, 3), y → (y, 1).
fn base_and_exponent(graph: &Graph, factor: Id) -> (Id, f64) {
    if let Node::Pow([b, e]) = graph.node(factor) {
        if let Some(e) = graph.as_number(*e) {
            return (*b, e);
        }
    }
    (factor, 1.0)
}

/// Sort key that puts numbers, then constants, then variables and their
/// powers (alphabetically), then everything else in its original order.
fn factor_rank(graph: &Graph, factor: Id) -> (u8, &str) {
    let (base, _) = base_and_exponent(graph, factor);
    match graph.node(base) {
        Node::Num(_) => (0, ""),
        Node::Const(c) => (1, c.name()),
        Node::Var(name) => (2, name),
        _ => (3, ""),
    }
}

/// A product as its numeric coefficient and its other factors as
/// (base, exponent) pairs.
fn factor_list(graph: &mut Graph, id: Id) -> (f64, Vec<(Id, f64)>) {
    let (c, rest) = coefficient_and_rest(graph, id);
    let mut pairs = Vec::new();
    if let Some(rest) = rest {
        let items = match graph.node(rest) {
            Node::Mul(xs) => &xs[..],
            _ => std::slice::from_ref(&rest),
        };
        for &item in items {
            pairs.push(base_and_exponent(graph, item));
        }
    }
    (c, pairs)
}

impl Simplifier<'_> {
    fn sum(&mut self, terms: &[Id]) -> Id {
        // Expand nested sums, including numeric multiples of sums: 2·(x+1) + 3
        // becomes 2·x + 2 + 3 so its parts can combine with their neighbours
        // (unless a coefficient would need more digits than an f64 holds).
        let mut expanded: Vec<(f64, Option<Id>)> = Vec::new();
        let mut pending: Vec<(f64, Id)> = terms.iter().rev().map(|&t| (1.0, t)).collect();
        while let Some((scale, term)) = pending.pop() {
            let (c, rest) = coefficient_and_rest(self.graph, term);
            let Some(c) = exact::mul(scale, c) else {
                expanded.push((scale, Some(term)));
                continue;
            };
            match rest.map(|r| self.graph.node(r)) {
                Some(Node::Add(inner)) => {
                    pending.extend(inner.iter().rev().map(|&t| (c, t)));
                }
                _ => expanded.push((c, rest)),
            }
        }
        // Like terms are found by a key that ignores the order of factors; each
        // group is written as its first member was, with its coefficients
        // added exactly.
        // A few groups are found by searching their list, more by a map.
        let searched = expanded.len() <= 16;
        let mut groups: Vec<LikeTerms> = Vec::new();
        let mut index: FxHashMap<Option<Id>, usize> = FxHashMap::default();
        let mut keys: Vec<Option<Id>> = Vec::with_capacity(expanded.len());
        for &(c, rest) in &expanded {
            let key = rest.map(|r| like_key(self.graph, r));
            keys.push(key);
            let found = match searched {
                true => groups.iter().position(|g| g.key == key),
                false => index.get(&key).copied(),
            };
            let at = found.unwrap_or_else(|| {
                if !searched {
                    index.insert(key, groups.len());
                }
                groups.push(LikeTerms {
                    key,
                    total: Some(Decimal::ZERO),
                    first: rest,
                });
                groups.len() - 1
            });
            let group = &mut groups[at];
            group.total = group.total.and_then(|t| t.checked_add(Decimal::of(c)?));
        }
        let mut out = Vec::new();
        for group in &groups {
            let rest = group.first;
            if group.total.is_some_and(Decimal::is_zero) {
                // The terms cancelled: x − x = 0 wherever x is defined.
                if let Some(rest) = rest {
                    self.removed(rest);
                }
                continue;
            }
            match group.total.and_then(Decimal::to_f64) {
                Some(c) => out.push(self.term(c, rest)),
                // The total needs more digits than an f64 holds: keep the
                // terms apart, each exact.
                None => {
                    for (&(c, rest), &key) in expanded.iter().zip(&keys) {
                        if key == group.key {
                            out.push(self.term(c, rest));
                        }
                    }
                }
            }
        }
        self.graph.sum(out)
    }

    /// The term `c · rest` (or the number `c`).
    fn term(&mut self, c: f64, rest: Option<Id>) -> Id {
        match rest {
            None => self.graph.num(c), // invariant: c is an exact, finite coefficient
            Some(r) => scaled(self.graph, c, r),
        }
    }

    fn product(&mut self, factors: &[Id]) -> Id {
        if let Some(zero) = factors
            .iter()
            .position(|&f| self.graph.as_number(f) == Some(0.0))
        {
            // 0·u = 0 wherever u is defined.
            for (i, &f) in factors.iter().enumerate() {
                if i != zero {
                    self.removed(f);
                }
            }
            return self.graph.num(0.0);
        }
        let flat = self.graph.product(factors.iter().copied());
        let (sign, body) = match *self.graph.node(flat) {
            Node::Neg(inner) => (-1.0, inner),
            _ => (1.0, flat),
        };
        let items: &[Id] = match self.graph.node(body) {
            Node::Mul(xs) => xs,
            _ => return flat,
        };
        let mut numbers = vec![sign];
        let mut numerators = Vec::new();
        let mut denominators = Vec::new();
        for &item in items {
            match *self.graph.node(item) {
                Node::Num(n) => numbers.push(n.value()),
                Node::Div([n, d]) => {
                    numerators.push(n);
                    denominators.push(d);
                }
                _ => numerators.push(item),
            }
        }
        let Some(c) = exact::product(numbers)
            .filter(|&c| c != 0.0)
            .and_then(|c| self.graph.try_num(c))
        else {
            // The numbers overflow, underflow or need more digits than an
            // f64 holds: leave them be.
            return flat;
        };
        if !denominators.is_empty() {
            numerators.insert(0, c);
            let n = self.graph.product(numerators);
            let d = self.graph.product(denominators);
            return self.quotient(n, d);
        }
        let combined = self.combine_powers(&numerators);
        let mut all = vec![c];
        all.extend(combined);
        self.graph.product(all)
    }

    /// Merges equal bases (x·x² = x³) and orders the factors canonically.
    fn combine_powers(&mut self, factors: &[Id]) -> Vec<Id> {
        // Each base in order of first appearance, with the exact sum of its
        // exponents and the number of factors it has (a few factors: a
        // list searched beats a map).
        struct Base {
            base: Id,
            exponent: Option<f64>,
            factors: usize,
        }
        let mut bases: Vec<Base> = Vec::with_capacity(factors.len());
        let mut of_factor: Vec<usize> = Vec::with_capacity(factors.len());
        for &f in factors {
            let (base, e) = base_and_exponent(self.graph, f);
            let at = match bases.iter().position(|b| b.base == base) {
                Some(at) => at,
                None => {
                    bases.push(Base {
                        base,
                        exponent: Some(0.0),
                        factors: 0,
                    });
                    bases.len() - 1
                }
            };
            let entry = &mut bases[at];
            entry.exponent = entry.exponent.and_then(|t| exact::add(t, e));
            entry.factors += 1;
            of_factor.push(at);
        }
        if bases.iter().any(|b| b.exponent.is_none()) {
            // Exponents that cannot be added exactly: keep the factors.
            return factors.to_vec();
        }
        // A factor merged into its neighbours may take its restrictions
        // with it (x·x⁻¹ = 1 loses x = 0, √x·√x = x loses x < 0).
        for (&f, &at) in factors.iter().zip(&of_factor) {
            if bases[at].factors > 1 {
                for r in own_restrictions(self.graph, f) {
                    self.assume(r);
                }
            }
        }
        let mut out: Vec<Id> = bases
            .into_iter()
            .filter_map(|Base { base, exponent, .. }| {
                let e = exponent?;
                if e == 0.0 {
                    self.removed(base);
                    return None;
                }
                let exponent = self.graph.num(e); // invariant: e is finite (checked above)
                Some(self.graph.power(base, exponent))
            })
            .collect();
        let graph: &Graph = self.graph;
        out.sort_by_cached_key(|&f| factor_rank(graph, f));
        out
    }

    fn quotient(&mut self, a: Id, b: Id) -> Id {
        match (self.graph.node(a), self.graph.node(b)) {
            (&Node::Div([p, q]), _) => {
                let d = self.graph.product([q, b]);
                return self.quotient(p, d);
            }
            (_, &Node::Div([p, q])) => {
                // a/(p/q) = a·q/p also needs q ≠ 0, which the result no
                // longer says.
                for r in own_restrictions(self.graph, b) {
                    self.assume(r);
                }
                let n = self.graph.product([a, q]);
                return self.quotient(n, p);
            }
            _ => {}
        }
        if let (Some(x), Some(y)) = (self.graph.as_number(a), self.graph.as_number(b)) {
            if let Some(q) = exact::div(x, y).filter(|&q| is_short_decimal(q)) {
                return self.graph.num(q); // invariant: exact::div returns finite values
            }
        }
        let (ca, mut top) = factor_list(self.graph, a);
        let (cb, mut bottom) = factor_list(self.graph, b);
        if ca == 0.0 {
            // 0/b = 0 wherever b ≠ 0.
            let quotient = self.graph.intern(Node::Div([a, b]));
            for r in own_restrictions(self.graph, quotient) {
                self.assume(r);
            }
            self.removed(b);
            return self.graph.num(0.0);
        }
        // Cancel common bases; each cancelled base had to be nonzero.
        for pair in top.iter_mut() {
            if let Some(other) = bottom.iter_mut().find(|o| o.0 == pair.0 && o.1 != 0.0) {
                let common = pair.1.min(other.1);
                let remaining = (exact::add(pair.1, -common), exact::add(other.1, -common));
                if let (true, (Some(top_left), Some(bottom_left))) = (common > 0.0, remaining) {
                    pair.1 = top_left;
                    other.1 = bottom_left;
                    let base = pair.0;
                    let cancelled = self.graph.intern(Node::Div([base, base]));
                    for r in own_restrictions(self.graph, cancelled) {
                        self.assume(r);
                    }
                    self.removed(base);
                }
            }
        }
        // Reduce the coefficients to one, on the side where it reads best.
        let (mut top_c, mut bottom_c) = (ca, cb);
        if cb != 0.0 {
            // A whole ratio, or a short decimal when the coefficient was not
            // whole to begin with (1.77e-11·x/2 = 8.85e-12·x, but 3·x/2 stays).
            let folds = |r: &f64| {
                r.fract() == 0.0
                    || (ca.fract() != 0.0
                        && exact::significant_digits(*r) <= exact::significant_digits(ca).max(3))
            };
            if let Some(ratio) = exact::div(ca, cb).filter(folds) {
                (top_c, bottom_c) = (ratio, 1.0);
            } else if let Some(ratio) = exact::div(cb, ca).filter(|r| r.fract() == 0.0) {
                (top_c, bottom_c) = (1.0, ratio);
            }
        }
        if bottom_c < 0.0 {
            top_c = -top_c;
            bottom_c = -bottom_c;
        }
        let rebuild = |graph: &mut Graph, c: f64, pairs: &[(Id, f64)]| {
            let mut items = vec![graph.num(c)]; // invariant: c is a finite coefficient or ratio
            for &(base, e) in pairs {
                if e != 0.0 {
                    let exponent = graph.num(e); // invariant: exponents come from Num nodes
                    items.push(graph.power(base, exponent));
                }
            }
            graph.product(items)
        };
        let numerator = rebuild(self.graph, top_c, &top);
        let denominator = rebuild(self.graph, bottom_c, &bottom);
        match *self.graph.node(numerator) {
            // Keep the sign in front: −(x/y) combines with other terms.
            Node::Neg(inner) => {
                let q = self.graph.quotient(inner, denominator);
                self.graph.negate(q)
            }
            _ => self.graph.quotient(numerator, denominator),
        }
    }

    fn power(&mut self, base: Id, exponent: Id) -> Id {
        if let (&Node::Pow([b, p]), Some(q)) =
            (self.graph.node(base), self.graph.as_number(exponent))
        {
            if let Some(p) = self.graph.as_number(p) {
                if q.fract() == 0.0 {
                    if let Some(e) = exact::mul(p, q).and_then(|e| self.graph.try_num(e)) {
                        // (x^a)^n = x^(a·n) where x^a is defined.
                        self.removed(base);
                        return self.power(b, e);
                    }
                }
            }
        }
        if let (&Node::Call(Func::Sqrt, inner), Some(2.0)) =
            (self.graph.node(base), self.graph.as_number(exponent))
        {
            // (√u)² = u for u ≥ 0.
            self.removed(base);
            return inner;
        }
        match (self.graph.as_number(base), self.graph.as_number(exponent)) {
            // u⁰ = 1 and 1^v = 1 where u and v are defined.
            (_, Some(0.0)) => self.removed(base),
            (Some(1.0), _) => self.removed(exponent),
            (Some(b), Some(e)) => {
                if let Some(p) = exact::powi(b, e).filter(|&p| is_short_decimal(p)) {
                    return self.graph.num(p); // invariant: short decimals are finite
                }
            }
            _ => {}
        }
        self.graph.power(base, exponent)
    }

    fn call(&mut self, f: Func, a: Id) -> Id {
        match (f, self.graph.node(a)) {
            (Func::Ln, &Node::Call(Func::Exp, inner)) => inner,
            (Func::Exp, &Node::Call(Func::Ln, inner)) => {
                // e^(ln u) = u for u > 0.
                self.removed(a);
                inner
            }
            (Func::Abs, Node::Call(Func::Abs, _)) => a,
            (Func::Sqrt, &Node::Pow([b, e])) if self.graph.as_number(e) == Some(2.0) => {
                self.graph.apply(Func::Abs, b)
            }
            _ => self.graph.apply(f, a),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::expr::parse::parse;
    use crate::expr::print::unicode;

    fn simplified(input: &str) -> String {
        let mut g = Graph::new();
        let e = parse(&mut g, input).unwrap();
        let s = simplify(&mut g, e);
        unicode(&g, s)
    }

    #[test]
    fn table() {
        let cases = [
            ("x - x", "0"),
            ("x*1 + 0", "x"),
            ("2*x*3", "6·x"),
            ("2*x + 3*x", "5·x"),
            ("-(-x)", "x"),
            ("x^1", "x"),
            ("x^0", "1"),
            ("x*x^2", "x³"),
            ("x^2/x", "x"),
            ("(6*x)/(3*y)", "2·x/y"),
            ("(2*x)/(4*y)", "x/(2·y)"),
            ("a*b - b*a", "0"),
            ("2*(x + 1) - 2*x", "2"),
            ("ln(exp(x))", "x"),
            ("(x^2)^3", "x⁶"),
            ("sqrt(x)^2", "x"),
            ("1/x*x", "1"),
            ("3*cos(3*x) - 3*cos(3*x)", "0"),
            ("0*sin(x) + 1*cos(x)", "cos(x)"),
            ("x/2 + x/2", "x"),
            ("sin(x)*cos(x) + cos(x)*sin(x)", "2·sin(x)·cos(x)"),
            ("x^1e308*x^1e308", "x^1e+308·x^1e+308"),
            ("(x^1e200)^1e200", "(x^1e+200)^1e+200"),
        ];
        for (input, expected) in cases {
            assert_eq!(simplified(input), expected, "{input}");
        }
    }
}
