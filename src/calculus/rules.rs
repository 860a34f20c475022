//! The differentiation rules as a student reads them: their names and their
//! formulas in Unicode and LaTeX. What each rule computes is in
//! `operators`; this module only presents it.
//!
//! Invariant: every kind of node and every function has a rule here, and
//! the formula shown is the one `operators` computes.

use crate::expr::Func;
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
