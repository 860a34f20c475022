//! Stable evaluation of four shapes that rounding would otherwise ruin:
//! 1 − σ(u), 1 − tanh²(u), ln σ(u) and 1 + erf(u). The graph keeps the textbook form
//! (the derivative of σ is σ·(1 − σ), of tanh is 1 − tanh²), so
//! derivations read as in a book; only the numbers are computed another
//! way, from u itself:
//!
//! - 1 − σ(u) = σ(−u): at u = 40, σ(u) rounds to 1 and 1 − σ(u) to 0,
//!   while σ(−40) = 4.2e-18 is exact;
//! - 1 − tanh²(u) = 4e^(−2|u|)/(1 + e^(−2|u|))²;
//! - ln σ(u) = −ln(1 + e^(−u)), without ever forming σ(u) ≈ 0;
//! - 1 + erf(u) = erfc(−u) (in gelu′): at u = −10, erf(u) rounds to −1
//!   while erfc(10) = 2.1e-45.
//!
//! Invariant: each stable value equals the plain formula's value in exact
//! arithmetic, and is finite for every finite u.

use super::graph::{sigmoid, Func, Graph, Id, Node};

/// A shape evaluated from its inner argument u.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StableForm {
    /// 1 − σ(u)
    OneMinusSigmoid,
    /// 1 − tanh²(u)
    OneMinusTanhSquared,
    /// ln σ(u)
    LogSigmoid,
    /// 1 + erf(u)
    OnePlusErf,
}

impl StableForm {
    /// The value at the inner argument `u`.
    pub fn apply(self, u: f64) -> f64 {
        match self {
            StableForm::OneMinusSigmoid => sigmoid(-u),
            StableForm::OneMinusTanhSquared => {
                let e = (-2.0 * u.abs()).exp();
                4.0 * e / ((1.0 + e) * (1.0 + e))
            }
            StableForm::LogSigmoid => log_sigmoid(u),
            StableForm::OnePlusErf => libm::erfc(-u),
        }
    }
}

/// ln σ(u) = −ln(1 + e^(−u)), finite for every finite u.
pub fn log_sigmoid(u: f64) -> f64 {
    if u >= 0.0 {
        -(-u).exp().ln_1p()
    } else {
        u - u.exp().ln_1p()
    }
}

/// The stable form `id` has, with the id of its inner argument u.
pub fn stable_form(graph: &Graph, id: Id) -> Option<(StableForm, Id)> {
    match graph.node(id) {
        Node::Call(Func::Ln, a) => match graph.node(*a) {
            Node::Call(Func::Sigmoid, u) => Some((StableForm::LogSigmoid, *u)),
            _ => None,
        },
        Node::Add(terms) if terms.len() == 2 => {
            let (one, other) = if graph.as_number(terms[0]) == Some(1.0) {
                (terms[0], terms[1])
            } else if graph.as_number(terms[1]) == Some(1.0) {
                (terms[1], terms[0])
            } else {
                return None;
            };
            debug_assert_eq!(graph.as_number(one), Some(1.0));
            let inner = match graph.node(other) {
                Node::Neg(inner) => inner,
                Node::Call(Func::Erf, u) => return Some((StableForm::OnePlusErf, *u)),
                _ => return None,
            };
            match graph.node(*inner) {
                Node::Call(Func::Sigmoid, u) => Some((StableForm::OneMinusSigmoid, *u)),
                Node::Pow([base, exponent]) if graph.as_number(*exponent) == Some(2.0) => {
                    match graph.node(*base) {
                        Node::Call(Func::Tanh, u) => Some((StableForm::OneMinusTanhSquared, *u)),
                        _ => None,
                    }
                }
                _ => None,
            }
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::expr::parse;

    #[test]
    fn shapes_are_recognised() {
        let mut g = Graph::new();
        for (text, form) in [
            ("1 - sigmoid(w*x)", StableForm::OneMinusSigmoid),
            ("-sigmoid(z) + 1", StableForm::OneMinusSigmoid),
            ("1 - tanh(z)^2", StableForm::OneMinusTanhSquared),
            ("ln(sigmoid(z))", StableForm::LogSigmoid),
            ("1 + erf(z/2)", StableForm::OnePlusErf),
        ] {
            let id = parse(&mut g, text).unwrap();
            assert_eq!(stable_form(&g, id).map(|f| f.0), Some(form), "{text}");
        }
        for text in [
            "2 - sigmoid(z)",
            "1 - tanh(z)^3",
            "ln(tanh(z))",
            "1 + sigmoid(z)",
            "1 - erf(z)",
        ] {
            let id = parse(&mut g, text).unwrap();
            assert_eq!(stable_form(&g, id), None, "{text}");
        }
    }

    #[test]
    fn values_agree_with_the_plain_formulas_where_those_are_accurate() {
        for u in [-3.0, -0.5, 0.0, 0.25, 2.0] {
            let s = sigmoid(u);
            assert!((StableForm::OneMinusSigmoid.apply(u) - (1.0 - s)).abs() < 1e-15);
            assert!((StableForm::LogSigmoid.apply(u) - s.ln()).abs() < 1e-15);
            let t = f64::tanh(u);
            assert!((StableForm::OneMinusTanhSquared.apply(u) - (1.0 - t * t)).abs() < 1e-15);
            assert!((StableForm::OnePlusErf.apply(u) - (1.0 + libm::erf(u))).abs() < 1e-15);
        }
        // erfc(10) = 2.0884875837625447570e-45 (DLMF 7.2, by mpmath).
        assert!((StableForm::OnePlusErf.apply(-10.0) / 2.088487583762545e-45 - 1.0).abs() < 1e-13);
        // Where they are not: exact values far out.
        assert_eq!(StableForm::LogSigmoid.apply(-1000.0), -1000.0);
        assert!(
            (StableForm::OneMinusSigmoid.apply(40.0) / 4.248354255291589e-18 - 1.0).abs() < 1e-14
        );
    }
}
