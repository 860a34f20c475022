//! Where an expression is defined.
//!
//! A handful of operations are partial: division (the denominator must not
//! be 0), ln (a positive argument), sqrt (a non-negative one), tan (its
//! cosine must not be 0), and powers whose exponent is negative (a nonzero
//! base), fractional (a non-negative base) or not a number at all (a
//! positive base). Each such operation contributes a [`Restriction`]; an
//! expression is defined exactly where all the restrictions of the nodes it
//! reaches hold. The simplifier uses these to say what a rewrite assumed
//! when it removed a part (x²/x = x for x ≠ 0), and [`nowhere_defined`]
//! finds a part that no value of the variables can make valid — a
//! denominator that simplifies to 0, the logarithm of a number that is not
//! positive — so such an expression is refused as input.
//!
//! Invariant: an expression whose reachable nodes give no restriction is
//! defined at every point where its values are finite ([`Totality`]).

use super::graph::{Func, Graph, Id, Node};
use super::simplify::Simplifications;

/// One condition a partial operation needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Restriction {
    /// The expression must not be 0 (a denominator, a base under a
    /// negative power, cos u under tan u).
    NonZero(Id),
    /// The expression must be positive (ln, a base under a power that is
    /// not a number).
    Positive(Id),
    /// The expression must not be negative (sqrt, a base under a fractional
    /// power).
    NonNegative(Id),
}

impl Restriction {
    /// The expression the condition is about.
    pub fn subject(self) -> Id {
        match self {
            Restriction::NonZero(id) | Restriction::Positive(id) | Restriction::NonNegative(id) => {
                id
            }
        }
    }

    /// True when `self` holding implies `other` holds.
    pub fn implies(self, other: Restriction) -> bool {
        use Restriction::*;
        self == other
            || matches!((self, other), (Positive(a), NonZero(b)) | (Positive(a), NonNegative(b)) if a == b)
    }
}

/// The restrictions a single node adds (not those of its operands).
pub fn own_restrictions(graph: &mut Graph, id: Id) -> Vec<Restriction> {
    match *graph.node(id) {
        Node::Div([_, b]) => nonzero_factors(graph, b),
        Node::Call(Func::Ln | Func::Log10 | Func::Log2 | Func::Sqrt, a)
            if known_positive(graph, a) =>
        {
            vec![]
        }
        Node::Call(Func::Ln | Func::Log10 | Func::Log2, a) => vec![Restriction::Positive(a)],
        Node::Call(Func::Sqrt, a) => vec![Restriction::NonNegative(a)],
        Node::Call(Func::Tan, a) => {
            let cosine = graph.apply(Func::Cos, a);
            vec![Restriction::NonZero(cosine)]
        }
        Node::Pow([base, exponent]) => match graph.as_number(exponent) {
            Some(e) if e.fract() == 0.0 && e >= 0.0 => vec![],
            Some(_) if known_positive(graph, base) => vec![],
            Some(e) if e.fract() == 0.0 => nonzero_factors(graph, base),
            Some(e) if e > 0.0 => vec![Restriction::NonNegative(base)],
            Some(_) => vec![Restriction::Positive(base)],
            // A numeric base needs nothing structural: 2^x is defined
            // everywhere, (−2)^n at whole n, which evaluation checks.
            None if graph.as_number(base).is_some() => vec![],
            None if matches!(graph.node(base), Node::Const(_)) => vec![],
            None => vec![Restriction::Positive(base)],
        },
        _ => vec![],
    }
}

/// True for the values that are positive whatever their arguments: a
/// positive number, e and π, e^u, σ(u), softplus(u) and erfc(u).
fn known_positive(graph: &Graph, id: Id) -> bool {
    match graph.node(id) {
        Node::Num(n) => n.value() > 0.0,
        Node::Const(_) => true,
        Node::Call(Func::Exp | Func::Sigmoid | Func::Softplus | Func::Erfc, _) => true,
        _ => false,
    }
}

/// `NonZero` for each factor of a product (a product is 0 exactly where
/// one of its factors is), and for the base of a positive power.
fn nonzero_factors(graph: &Graph, id: Id) -> Vec<Restriction> {
    let mut out = Vec::new();
    let mut pending = vec![id];
    while let Some(f) = pending.pop() {
        match graph.node(f) {
            Node::Mul(xs) => pending.extend(xs.iter().rev()),
            Node::Neg(a) => pending.push(*a),
            Node::Pow([b, e]) if graph.as_number(*e).is_some_and(|e| e > 0.0) => pending.push(*b),
            Node::Num(n) if n.value() != 0.0 => {}
            _ if known_positive(graph, f) => {}
            _ => out.push(Restriction::NonZero(f)),
        }
    }
    out
}

/// Every restriction of the nodes reachable from `roots`, without repeats,
/// in increasing order of the nodes that impose them.
pub fn restrictions(graph: &mut Graph, roots: &[Id]) -> Vec<Restriction> {
    let mut out: Vec<Restriction> = Vec::new();
    for id in graph.reachable(roots) {
        for r in own_restrictions(graph, id) {
            if !out.contains(&r) {
                out.push(r);
            }
        }
    }
    out
}

/// Remembers which nodes are total (reach no partial operation), so the
/// simplifier can ask about each part it drops at the cost of one visit per
/// node.
#[derive(Default)]
pub struct Totality {
    known: Vec<Option<bool>>,
}

impl Totality {
    /// True when `id` reaches no partial operation: it is defined wherever
    /// its variables have values.
    pub fn is_total(&mut self, graph: &mut Graph, id: Id) -> bool {
        if let Some(Some(known)) = self.known.get(id.index()) {
            return *known;
        }
        let order = graph.reachable(&[id]);
        if self.known.len() < graph.len() {
            self.known.resize(graph.len(), None);
        }
        for node in order {
            if self.known[node.index()].is_some() {
                continue;
            }
            let children_total = graph
                .node(node)
                .children()
                .iter()
                .all(|c| self.known[c.index()] == Some(true));
            let total = children_total && own_restrictions(graph, node).is_empty();
            if self.known.len() < graph.len() {
                self.known.resize(graph.len(), None);
            }
            self.known[node.index()] = Some(total);
        }
        self.known[id.index()] == Some(true)
    }
}

/// A part of an expression that is undefined for every value of its
/// variables.
#[derive(Clone, Debug, PartialEq)]
pub struct NowhereDefined {
    /// The operation that can never be done (a division, ln, …).
    pub operation: Id,
    /// The operand whose condition fails everywhere (the denominator, ln's
    /// argument, …).
    pub part: Id,
    /// The condition that can never hold.
    pub restriction: Restriction,
}

/// The first part of `root` (children first) whose restriction fails for
/// every value of the variables, judged by simplifying the part: a
/// denominator that simplifies to 0, ln of a constant that is not positive,
/// sqrt of a negative constant.
pub fn nowhere_defined(graph: &mut Graph, root: Id) -> Option<NowhereDefined> {
    let operations = graph.reachable(&[root]);
    // The subjects nest (1/(1 + 1/(1 + e^x))): simplified with shared work.
    let mut simplifications = Simplifications::new(graph);
    for operation in operations {
        for restriction in own_restrictions(simplifications.graph(), operation) {
            let subject = restriction.subject();
            let simplified = simplifications.of(subject);
            let Some(value) = simplifications.graph().as_number(simplified) else {
                continue;
            };
            let fails = match restriction {
                Restriction::NonZero(_) => value == 0.0,
                Restriction::Positive(_) => value <= 0.0,
                Restriction::NonNegative(_) => value < 0.0,
            };
            if fails {
                return Some(NowhereDefined {
                    operation,
                    part: subject,
                    restriction,
                });
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::expr::{parse, unicode};

    /// The part the parser names when it refuses `input` as undefined
    /// everywhere (the parser runs `nowhere_defined` on what it reads).
    fn nowhere(input: &str) -> Option<String> {
        let mut g = Graph::new();
        match parse(&mut g, input) {
            Ok(e) => nowhere_defined(&mut g, e).map(|n| unicode(&g, n.part)),
            Err(e) => match e.kind {
                crate::expr::ParseErrorKind::UndefinedEverywhere { part, .. } => Some(part),
                other => panic!("{input}: {other:?}"),
            },
        }
    }

    #[test]
    fn parts_that_are_zero_everywhere() {
        assert_eq!(nowhere("x/(x-x)").as_deref(), Some("x − x"));
        assert_eq!(nowhere("ln(x-x)").as_deref(), Some("x − x"));
        assert_eq!(nowhere("1/(2*x-x-x)").as_deref(), Some("2·x − x − x"));
        assert_eq!(nowhere("x*0/0").as_deref(), Some("0"));
        assert_eq!(nowhere("sqrt(-4) + x").as_deref(), Some("−4"));
        assert_eq!(nowhere("(x-x)^(-1)").as_deref(), Some("x − x"));
    }

    #[test]
    fn expressions_defined_somewhere() {
        for input in [
            "x/(x-1)",
            "ln(x)",
            "sqrt(x-20)",
            "1/x",
            "x^0.5",
            "tan(x)",
            "2^x",
            "(-2)^x",
        ] {
            assert_eq!(nowhere(input), None, "{input}");
        }
    }

    #[test]
    fn totality() {
        let mut g = Graph::new();
        let mut t = Totality::default();
        for (input, total) in [
            ("x^2 + sin(x)*exp(x)", true),
            ("sigmoid(w*x + b)", true),
            ("1/x", false),
            ("ln(x)", false),
            ("x^0.5", false),
            ("2^x", true),
        ] {
            let e = parse(&mut g, input).unwrap();
            assert_eq!(t.is_total(&mut g, e), total, "{input}");
        }
    }
}
