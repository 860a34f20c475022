//! Node kinds and their calculus, in one place: for every kind of node the
//! local partial derivative with respect to each operand, and the one
//! derivative of each function and power.
//!
//! Backpropagation (and through it the compiled tape) multiplies adjoints
//! by [`local_partial`]; the step-by-step derivation (`derive`) applies the
//! same partials in the arrangement a textbook writes — the product rule as
//! the sum of ∂(u·v)/∂u·u′ and ∂(u·v)/∂v·v′ with each derivative in its
//! factor's place, the quotient rule as 1/v·u′ + (−u/v²)·v′ over the
//! common denominator v², the chain rule as f′(u)·u′. So adding an operator
//! is one entry here (its partials, and a rule in `rules` to name them)
//! plus its printers.
//!
//! Invariant: each partial returned here equals the true partial
//! derivative wherever the operation is differentiable, and each textbook
//! arrangement equals the sum of partial × operand derivative.

use crate::expr::{Constant, Func, Graph, Id, Node, LEAKY_RELU_SLOPE};

/// ∂node/∂(operand `i`), or `None` for a leaf.
pub fn local_partial(graph: &mut Graph, node: Id, i: usize) -> Option<Id> {
    let one = graph.num(1.0);
    Some(match graph.node(node).clone() {
        Node::Num(_) | Node::Const(_) | Node::Var(_) => return None,
        Node::Neg(_) => graph.num(-1.0),
        Node::Add(_) => one,
        Node::Mul(factors) => {
            let others: Vec<Id> = factors
                .iter()
                .enumerate()
                .filter(|&(j, _)| j != i)
                .map(|(_, &f)| f)
                .collect();
            graph.product(others)
        }
        Node::Div([_, v]) if i == 0 => graph.quotient(one, v),
        Node::Div([u, v]) => {
            let two = graph.num(2.0);
            let v2 = graph.power(v, two);
            let u_over_v2 = graph.quotient(u, v2);
            graph.negate(u_over_v2)
        }
        Node::Pow([u, n]) if i == 0 => power_derivative(graph, u, n),
        Node::Pow([u, n]) => exponential_derivative(graph, u, n),
        Node::Call(f, u) => function_derivative(graph, f, u),
        Node::LogSumExp(args) => log_sum_exp_partial(graph, node, args[i]),
    })
}

/// The product rule's term for factor `i`: the product with that factor
/// replaced by its derivative — ∂(∏f)/∂fᵢ · fᵢ′ written in the factor's
/// place, as u′·v and u·v′ are.
pub fn product_rule_term(graph: &mut Graph, factors: &[Id], i: usize, derivative: Id) -> Id {
    let mut term: Vec<Id> = factors.to_vec();
    term[i] = derivative;
    graph.product(term)
}

/// The quotient rule (u′·v − u·v′)/v²: the partials 1/v and −u/v² times
/// u′ and v′, over their common denominator v². With `reversed`, the
/// typical mistake (u·v′ − u′·v)/v².
pub fn quotient_rule(graph: &mut Graph, u: Id, v: Id, du: Id, dv: Id, reversed: bool) -> Id {
    let du_v = graph.product([du, v]);
    let u_dv = graph.product([u, dv]);
    let numerator = if reversed {
        graph.difference(u_dv, du_v)
    } else {
        graph.difference(du_v, u_dv)
    };
    let two = graph.num(2.0);
    let v_squared = graph.power(v, two);
    graph.quotient(numerator, v_squared)
}

/// The general power rule u^v·(v′·ln u + v·u′/u): the partials v·u^(v−1)
/// and u^v·ln u times u′ and v′, with u^v taken out.
pub fn general_power_rule(graph: &mut Graph, u: Id, v: Id, du: Id, dv: Id) -> Id {
    let ln_u = graph.apply(Func::Ln, u);
    let first = graph.product([dv, ln_u]);
    let v_du = graph.product([v, du]);
    let second = graph.quotient(v_du, u);
    let bracket = graph.sum([first, second]);
    let power = graph.power(u, v);
    graph.product([power, bracket])
}

/// f′(u) for a function of one argument, as an expression in `u`.
pub fn function_derivative(graph: &mut Graph, f: Func, u: Id) -> Id {
    match f {
        Func::Sin => graph.apply(Func::Cos, u),
        Func::Cos => {
            let s = graph.apply(Func::Sin, u);
            graph.negate(s)
        }
        Func::Tan => {
            let c = graph.apply(Func::Cos, u);
            let two = graph.num(2.0);
            let c2 = graph.power(c, two);
            let one = graph.num(1.0);
            graph.quotient(one, c2)
        }
        Func::Exp => graph.apply(Func::Exp, u),
        Func::Ln => {
            let one = graph.num(1.0);
            graph.quotient(one, u)
        }
        Func::Sqrt => {
            let root = graph.apply(Func::Sqrt, u);
            let two = graph.num(2.0);
            let denominator = graph.product([two, root]);
            let one = graph.num(1.0);
            graph.quotient(one, denominator)
        }
        Func::Abs => graph.apply(Func::Sign, u),
        Func::Tanh => {
            let t = graph.apply(Func::Tanh, u);
            let two = graph.num(2.0);
            let t2 = graph.power(t, two);
            let one = graph.num(1.0);
            graph.difference(one, t2)
        }
        Func::Sigmoid => {
            let s = graph.apply(Func::Sigmoid, u);
            let one = graph.num(1.0);
            let complement = graph.difference(one, s);
            graph.product([s, complement])
        }
        Func::Relu => graph.apply(Func::Step, u),
        Func::Step | Func::Sign => graph.num(0.0),
        Func::Softplus => graph.apply(Func::Sigmoid, u),
        Func::Silu => silu_derivative(graph, u),
        Func::LeakyRelu => {
            let slope = graph.num(LEAKY_RELU_SLOPE);
            let rest = graph.num(0.99); // 1 − the slope
            let step = graph.apply(Func::Step, u);
            let above = graph.product([rest, step]);
            graph.sum([slope, above])
        }
        Func::Elu => {
            // e^min(u, 0): 1 for u > 0, e^u below, and no e^u to overflow.
            let minus_u = graph.negate(u);
            let below = graph.apply(Func::Relu, minus_u);
            let exponent = graph.negate(below);
            graph.apply(Func::Exp, exponent)
        }
        Func::Gelu => gelu_derivative(graph, u),
        Func::Erf | Func::Erfc => {
            let two = graph.num(if f == Func::Erf { 2.0 } else { -2.0 });
            let gaussian = gaussian(graph, u, 1.0);
            let numerator = graph.product([two, gaussian]);
            let pi = graph.constant(Constant::Pi);
            let root_pi = graph.apply(Func::Sqrt, pi);
            graph.quotient(numerator, root_pi)
        }
        Func::Log10 | Func::Log2 => {
            let base = graph.num(if f == Func::Log10 { 10.0 } else { 2.0 });
            let ln_base = graph.apply(Func::Ln, base);
            let denominator = graph.product([u, ln_base]);
            let one = graph.num(1.0);
            graph.quotient(one, denominator)
        }
    }
}

/// silu′(u) = σ(u)·(1 + u·(1 − σ(u))).
fn silu_derivative(graph: &mut Graph, u: Id) -> Id {
    let s = graph.apply(Func::Sigmoid, u);
    let one = graph.num(1.0);
    let complement = graph.difference(one, s);
    let u_complement = graph.product([u, complement]);
    let bracket = graph.sum([one, u_complement]);
    graph.product([s, bracket])
}

/// gelu′(u) = Φ(u) + u·φ(u) = ½·erfc(−u/√2) + u·e^(−u²/2)/√(2π), with Φ
/// as ½·erfc(−u/√2) rather than ½·(1 + erf(u/√2)): equal, and accurate
/// where Φ is tiny (simplification would spread ½ over 1 + erf and lose
/// the shape its stable evaluation needs).
fn gelu_derivative(graph: &mut Graph, u: Id) -> Id {
    let two = graph.num(2.0);
    let root_two = graph.apply(Func::Sqrt, two);
    let scaled = graph.quotient(u, root_two);
    let minus_scaled = graph.negate(scaled);
    let erfc = graph.apply(Func::Erfc, minus_scaled);
    let half = graph.num(0.5);
    let cdf = graph.product([half, erfc]);
    let gaussian = gaussian(graph, u, 2.0);
    let u_gaussian = graph.product([u, gaussian]);
    let pi = graph.constant(Constant::Pi);
    let two_pi = graph.product([two, pi]);
    let root_two_pi = graph.apply(Func::Sqrt, two_pi);
    let density = graph.quotient(u_gaussian, root_two_pi);
    graph.sum([cdf, density])
}

/// e^(−u²/divisor) (divisor 1 is written without a quotient).
fn gaussian(graph: &mut Graph, u: Id, divisor: f64) -> Id {
    let two = graph.num(2.0);
    let square = graph.power(u, two);
    let scaled = if divisor == 1.0 {
        square
    } else {
        let d = graph.num(divisor);
        graph.quotient(square, d)
    };
    let exponent = graph.negate(scaled);
    graph.apply(Func::Exp, exponent)
}

/// ∂ logsumexp(u)/∂uₖ = e^(uₖ − logsumexp(u)), the k-th softmax output,
/// for the log-sum-exp node `lse` and its argument `u_k`.
pub fn log_sum_exp_partial(graph: &mut Graph, lse: Id, u_k: Id) -> Id {
    let shifted = graph.difference(u_k, lse);
    graph.apply(Func::Exp, shifted)
}

/// n·u^(n−1), the power rule for a constant exponent `n`.
pub fn power_derivative(graph: &mut Graph, u: Id, n: Id) -> Id {
    let one = graph.num(1.0);
    let n_minus_one = graph.difference(n, one);
    let power = graph.power(u, n_minus_one);
    graph.product([n, power])
}

/// a^v·ln(a), the exponential rule for a constant base `a` (just e^v when
/// a is e).
pub fn exponential_derivative(graph: &mut Graph, a: Id, v: Id) -> Id {
    let power = graph.power(a, v);
    if graph.node(a) == &Node::Const(Constant::E) {
        return power;
    }
    let ln_a = graph.apply(Func::Ln, a);
    graph.product([power, ln_a])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::expr::{evaluate, parse, Point};

    /// Σ ∂node/∂uᵢ·uᵢ′ with u′ = 1 for x and 0.5 for y, at a point.
    fn partials_dot(input: &str) -> f64 {
        let mut g = Graph::new();
        let node = parse(&mut g, input).unwrap();
        let operands = g.node(node).children().to_vec();
        let point = Point::new(vec![("x".into(), 1.3), ("y".into(), 0.4)]);
        let mut total = 0.0;
        for (i, &operand) in operands.iter().enumerate() {
            let partial = local_partial(&mut g, node, i).unwrap();
            let d = match g.as_var(operand) {
                Some("x") => 1.0,
                Some("y") => 0.5,
                _ => 0.0,
            };
            total += evaluate(&g, partial, &point).unwrap() * d;
        }
        total
    }

    #[test]
    fn textbook_arrangements_equal_the_partials() {
        let point = Point::new(vec![("x".into(), 1.3), ("y".into(), 0.4)]);
        let mut g = Graph::new();
        let (x, y) = (g.var("x"), g.var("y"));
        let (one, half) = (g.num(1.0), g.num(0.5));
        let quotient = quotient_rule(&mut g, x, y, one, half, false);
        let general = general_power_rule(&mut g, x, y, one, half);
        let product = {
            let a = product_rule_term(&mut g, &[x, y], 0, one);
            let b = product_rule_term(&mut g, &[x, y], 1, half);
            g.sum([a, b])
        };
        for (arranged, input) in [(quotient, "x/y"), (general, "x^y"), (product, "x*y")] {
            let value = evaluate(&g, arranged, &point).unwrap();
            assert!((value - partials_dot(input)).abs() < 1e-12, "{input}");
        }
    }
}
