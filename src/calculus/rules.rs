//! The differentiation rules: their names and formulas, and the one local
//! derivative of each function and power.
//!
//! This table is the only place that knows what the derivative of sin or σ
//! is. Forward derivations (`derive`) and, later, backpropagation through a
//! network both take their local derivatives from here, so the rules a
//! student reads are the rules the program used.
//!
//! Invariant: each local derivative returned here equals the true derivative
//! wherever the function is differentiable.

use crate::expr::{Constant, Func, Graph, Id, Node};
use serde::Serialize;

/// A rule of differentiation, as named in a derivation.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Serialize)]
pub enum Rule {
    Constant,
    Variable,
    ConstantMultiple,
    Sum,
    Difference,
    Power,
    Product,
    Quotient,
    Chain,
    Exponential,
    Logarithm,
    Sine,
    Cosine,
    Tangent,
    SquareRoot,
    Tanh,
    Sigmoid,
    Relu,
    AbsoluteValue,
    StepFunction,
    GeneralPower,
    LogSumExp,
    /// A subexpression met again: its derivative was computed once, above.
    Repeated,
    Simplify,
}

impl Rule {
    /// The name a textbook gives the rule.
    pub fn name(self) -> &'static str {
        match self {
            Rule::Constant => "Constant rule",
            Rule::Variable => "Variable rule",
            Rule::ConstantMultiple => "Constant multiple rule",
            Rule::Sum => "Sum rule",
            Rule::Difference => "Difference rule",
            Rule::Power => "Power rule",
            Rule::Product => "Product rule",
            Rule::Quotient => "Quotient rule",
            Rule::Chain => "Chain rule",
            Rule::Exponential => "Exponential rule",
            Rule::Logarithm => "Logarithm rule",
            Rule::Sine => "Sine rule",
            Rule::Cosine => "Cosine rule",
            Rule::Tangent => "Tangent rule",
            Rule::SquareRoot => "Square root rule",
            Rule::Tanh => "tanh rule",
            Rule::Sigmoid => "Sigmoid rule",
            Rule::Relu => "ReLU rule",
            Rule::AbsoluteValue => "Absolute value rule",
            Rule::StepFunction => "Step function rule",
            Rule::GeneralPower => "General power rule",
            Rule::LogSumExp => "Log-sum-exp rule",
            Rule::Repeated => "Repeated subexpression",
            Rule::Simplify => "Simplify",
        }
    }

    /// The rule as a formula, in Unicode.
    pub fn formula(self) -> &'static str {
        match self {
            Rule::Constant => "(c)′ = 0",
            Rule::Variable => "(x)′ = 1",
            Rule::ConstantMultiple => "(c·u)′ = c·u′",
            Rule::Sum => "(u + v)′ = u′ + v′",
            Rule::Difference => "(u − v)′ = u′ − v′",
            Rule::Power => "(uⁿ)′ = n·uⁿ⁻¹",
            Rule::Product => "(u·v)′ = u′·v + u·v′",
            Rule::Quotient => "(u/v)′ = (u′·v − u·v′)/v²",
            Rule::Chain => "(f(u))′ = f′(u)·u′",
            Rule::Exponential => "(aᵘ)′ = aᵘ·ln(a),  (eᵘ)′ = eᵘ",
            Rule::Logarithm => "(ln u)′ = 1/u",
            Rule::Sine => "(sin u)′ = cos u",
            Rule::Cosine => "(cos u)′ = −sin u",
            Rule::Tangent => "(tan u)′ = 1/cos²u",
            Rule::SquareRoot => "(√u)′ = 1/(2·√u)",
            Rule::Tanh => "(tanh u)′ = 1 − tanh²u",
            Rule::Sigmoid => "σ′(u) = σ(u)·(1 − σ(u))",
            Rule::Relu => {
                "relu′(u) = step(u): 1 for u > 0, 0 for u < 0; at the kink u = 0 stepgrad uses 0"
            }
            Rule::AbsoluteValue => "|u|′ = sign(u), undefined at u = 0 (stepgrad uses 0)",
            Rule::StepFunction => "step′(u) = sign′(u) = 0 for u ≠ 0",
            Rule::GeneralPower => "(uᵛ)′ = uᵛ·(v′·ln(u) + v·u′/u), from uᵛ = e^(v·ln u)",
            Rule::LogSumExp => "∂/∂uₖ logsumexp(u) = e^(uₖ − logsumexp(u)) = softmaxₖ(u)",
            Rule::Repeated => "already derived above",
            Rule::Simplify => "collect terms, cancel, fold numbers",
        }
    }

    /// The rule as a LaTeX formula.
    pub fn formula_latex(self) -> &'static str {
        match self {
            Rule::Constant => "(c)' = 0",
            Rule::Variable => "(x)' = 1",
            Rule::ConstantMultiple => "(c\\,u)' = c\\,u'",
            Rule::Sum => "(u + v)' = u' + v'",
            Rule::Difference => "(u - v)' = u' - v'",
            Rule::Power => "(u^{n})' = n\\,u^{n-1}",
            Rule::Product => "(u\\,v)' = u'\\,v + u\\,v'",
            Rule::Quotient => "\\left(\\frac{u}{v}\\right)' = \\frac{u'\\,v - u\\,v'}{v^{2}}",
            Rule::Chain => "\\bigl(f(u)\\bigr)' = f'(u)\\,u'",
            Rule::Exponential => "(a^{u})' = a^{u}\\ln a",
            Rule::Logarithm => "(\\ln u)' = \\frac{1}{u}",
            Rule::Sine => "(\\sin u)' = \\cos u",
            Rule::Cosine => "(\\cos u)' = -\\sin u",
            Rule::Tangent => "(\\tan u)' = \\frac{1}{\\cos^{2} u}",
            Rule::SquareRoot => "(\\sqrt{u})' = \\frac{1}{2\\sqrt{u}}",
            Rule::Tanh => "(\\tanh u)' = 1 - \\tanh^{2} u",
            Rule::Sigmoid => "\\sigma'(u) = \\sigma(u)\\,\\bigl(1 - \\sigma(u)\\bigr)",
            Rule::Relu => "\\operatorname{ReLU}'(u) = \\operatorname{step}(u)",
            Rule::AbsoluteValue => "\\lvert u\\rvert' = \\operatorname{sign}(u)",
            Rule::StepFunction => "\\operatorname{step}'(u) = 0",
            Rule::GeneralPower => "(u^{v})' = u^{v}\\left(v' \\ln u + \\frac{v\\,u'}{u}\\right)",
            Rule::LogSumExp => "\\frac{\\partial}{\\partial u_k} \\operatorname{logsumexp}(u) = e^{u_k - \\operatorname{logsumexp}(u)}",
            Rule::Repeated => "\\text{already derived above}",
            Rule::Simplify => "\\text{collect terms, cancel, fold numbers}",
        }
    }

    /// The rule that differentiates `f`.
    pub fn for_function(f: Func) -> Rule {
        match f {
            Func::Sin => Rule::Sine,
            Func::Cos => Rule::Cosine,
            Func::Tan => Rule::Tangent,
            Func::Exp => Rule::Exponential,
            Func::Ln => Rule::Logarithm,
            Func::Sqrt => Rule::SquareRoot,
            Func::Abs => Rule::AbsoluteValue,
            Func::Tanh => Rule::Tanh,
            Func::Sigmoid => Rule::Sigmoid,
            Func::Relu => Rule::Relu,
            Func::Step | Func::Sign => Rule::StepFunction,
        }
    }
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
    }
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
