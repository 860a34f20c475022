//! The differentiation rules as a student reads them: their names and their
//! formulas in Unicode and LaTeX, in the reader's language (the names and
//! the words of some formulas are in the message catalogue, `rule-…`).
//! What each rule computes is in `operators`; this module only presents
//! it.
//!
//! Invariant: every kind of node and every function has a rule here, and
//! the formula shown is the one `operators` computes.

use crate::expr::Func;
use crate::i18n::{message, Lang};
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
    Softplus,
    Silu,
    LeakyRelu,
    Elu,
    Gelu,
    ErrorFunction,
    /// log₁₀ and log₂: (log_a u)′ = 1/(u·ln a).
    BaseLogarithm,
    /// A subexpression met again: its derivative was computed once, above.
    Repeated,
    Simplify,
}

impl Rule {
    /// The rule's id in the message catalogue (its name; `…-formula` its
    /// formula, for the formulas that hold words).
    fn id(self) -> &'static str {
        match self {
            Rule::Constant => "rule-constant",
            Rule::Variable => "rule-variable",
            Rule::ConstantMultiple => "rule-constant-multiple",
            Rule::Sum => "rule-sum",
            Rule::Difference => "rule-difference",
            Rule::Power => "rule-power",
            Rule::Product => "rule-product",
            Rule::Quotient => "rule-quotient",
            Rule::Chain => "rule-chain",
            Rule::Exponential => "rule-exponential",
            Rule::Logarithm => "rule-logarithm",
            Rule::Sine => "rule-sine",
            Rule::Cosine => "rule-cosine",
            Rule::Tangent => "rule-tangent",
            Rule::SquareRoot => "rule-square-root",
            Rule::Tanh => "rule-tanh",
            Rule::Sigmoid => "rule-sigmoid",
            Rule::Relu => "rule-relu",
            Rule::AbsoluteValue => "rule-absolute-value",
            Rule::StepFunction => "rule-step-function",
            Rule::GeneralPower => "rule-general-power",
            Rule::LogSumExp => "rule-log-sum-exp",
            Rule::Softplus => "rule-softplus",
            Rule::Silu => "rule-silu",
            Rule::LeakyRelu => "rule-leaky-relu",
            Rule::Elu => "rule-elu",
            Rule::Gelu => "rule-gelu",
            Rule::ErrorFunction => "rule-error-function",
            Rule::BaseLogarithm => "rule-base-logarithm",
            Rule::Repeated => "rule-repeated",
            Rule::Simplify => "rule-simplify",
        }
    }

    /// The name a textbook gives the rule, in `lang`: "Product rule", "곱의
    /// 법칙".
    pub fn name_in(self, lang: Lang) -> String {
        message(lang, self.id(), &[])
    }

    /// The rule's name in English (JSON, and the reports that are not yet
    /// told their language).
    pub fn name(self) -> String {
        self.name_in(Lang::En)
    }

    /// The rule as a formula, in Unicode, its words in `lang`.
    pub fn formula_in(self, lang: Lang) -> String {
        self.unicode_formula()
            .written(lang, |words| words.to_string())
    }

    /// The rule as a LaTeX formula, its words in `lang` (set as text).
    pub fn formula_latex_in(self, lang: Lang) -> String {
        self.latex_formula()
            .written(lang, |words| format!("\\text{{{words}}}"))
    }

    fn unicode_formula(self) -> Formula {
        use Formula::{Math, Words};
        match self {
            Rule::Constant => Math("(c)′ = 0"),
            Rule::Variable => Math("(x)′ = 1"),
            Rule::ConstantMultiple => Math("(c·u)′ = c·u′"),
            Rule::Sum => Math("(u + v)′ = u′ + v′"),
            Rule::Difference => Math("(u − v)′ = u′ − v′"),
            Rule::Power => Math("(uⁿ)′ = n·uⁿ⁻¹"),
            Rule::Product => Math("(u·v)′ = u′·v + u·v′"),
            Rule::Quotient => Math("(u/v)′ = (u′·v − u·v′)/v²"),
            Rule::Chain => Math("(f(u))′ = f′(u)·u′"),
            Rule::Exponential => Math("(aᵘ)′ = aᵘ·ln(a),  (eᵘ)′ = eᵘ"),
            Rule::Logarithm => Math("(ln u)′ = 1/u"),
            Rule::Sine => Math("(sin u)′ = cos u"),
            Rule::Cosine => Math("(cos u)′ = −sin u"),
            Rule::Tangent => Math("(tan u)′ = 1/cos²u"),
            Rule::SquareRoot => Math("(√u)′ = 1/(2·√u)"),
            Rule::Tanh => Math("(tanh u)′ = 1 − tanh²u"),
            Rule::Sigmoid => Math("σ′(u) = σ(u)·(1 − σ(u))"),
            Rule::Relu => Words("rule-relu-formula"),
            Rule::AbsoluteValue => Words("rule-absolute-value-formula"),
            Rule::StepFunction => Words("rule-step-function-formula"),
            Rule::GeneralPower => Words("rule-general-power-formula"),
            Rule::LogSumExp => Math("∂/∂uₖ logsumexp(u) = e^(uₖ − logsumexp(u)) = softmaxₖ(u)"),
            Rule::Softplus => Math("softplus′(u) = σ(u)"),
            Rule::Silu => Math("silu′(u) = σ(u)·(1 + u·(1 − σ(u)))"),
            Rule::LeakyRelu => Words("rule-leaky-relu-formula"),
            Rule::Elu => Words("rule-elu-formula"),
            Rule::Gelu => Math("gelu′(u) = Φ(u) + u·φ(u) = ½·erfc(−u/√2) + u·e^(−u²/2)/√(2π)"),
            Rule::ErrorFunction => Math("erf′(u) = 2·e^(−u²)/√π,  erfc′(u) = −2·e^(−u²)/√π"),
            Rule::BaseLogarithm => Math("(logₐ u)′ = 1/(u·ln a)"),
            Rule::Repeated => Words("rule-repeated-formula"),
            Rule::Simplify => Words("rule-simplify-formula"),
        }
    }

    fn latex_formula(self) -> Formula {
        use Formula::{Math, Words};
        match self {
            Rule::Constant => Math("(c)' = 0"),
            Rule::Variable => Math("(x)' = 1"),
            Rule::ConstantMultiple => Math("(c\\,u)' = c\\,u'"),
            Rule::Sum => Math("(u + v)' = u' + v'"),
            Rule::Difference => Math("(u - v)' = u' - v'"),
            Rule::Power => Math("(u^{n})' = n\\,u^{n-1}"),
            Rule::Product => Math("(u\\,v)' = u'\\,v + u\\,v'"),
            Rule::Quotient => {
                Math("\\left(\\frac{u}{v}\\right)' = \\frac{u'\\,v - u\\,v'}{v^{2}}")
            }
            Rule::Chain => Math("\\bigl(f(u)\\bigr)' = f'(u)\\,u'"),
            Rule::Exponential => Math("(a^{u})' = a^{u}\\ln a"),
            Rule::Logarithm => Math("(\\ln u)' = \\frac{1}{u}"),
            Rule::Sine => Math("(\\sin u)' = \\cos u"),
            Rule::Cosine => Math("(\\cos u)' = -\\sin u"),
            Rule::Tangent => Math("(\\tan u)' = \\frac{1}{\\cos^{2} u}"),
            Rule::SquareRoot => Math("(\\sqrt{u})' = \\frac{1}{2\\sqrt{u}}"),
            Rule::Tanh => Math("(\\tanh u)' = 1 - \\tanh^{2} u"),
            Rule::Sigmoid => Math("\\sigma'(u) = \\sigma(u)\\,\\bigl(1 - \\sigma(u)\\bigr)"),
            Rule::Relu => Math("\\operatorname{ReLU}'(u) = \\operatorname{step}(u)"),
            Rule::AbsoluteValue => Math("\\lvert u\\rvert' = \\operatorname{sign}(u)"),
            Rule::StepFunction => Math("\\operatorname{step}'(u) = 0"),
            Rule::GeneralPower => {
                Math("(u^{v})' = u^{v}\\left(v' \\ln u + \\frac{v\\,u'}{u}\\right)")
            }
            Rule::LogSumExp => Math("\\frac{\\partial}{\\partial u_k} \\operatorname{logsumexp}(u) = e^{u_k - \\operatorname{logsumexp}(u)}"),
            Rule::Softplus => Math("\\operatorname{softplus}'(u) = \\sigma(u)"),
            Rule::Silu => Math("\\operatorname{SiLU}'(u) = \\sigma(u)\\,\\bigl(1 + u\\,(1 - \\sigma(u))\\bigr)"),
            Rule::LeakyRelu => Math("\\operatorname{LeakyReLU}'(u) = 0.01 + 0.99\\,\\operatorname{step}(u)"),
            Rule::Elu => Math("\\operatorname{ELU}'(u) = e^{\\min(u,\\,0)}"),
            Rule::Gelu => Math("\\operatorname{GELU}'(u) = \\Phi(u) + u\\,\\varphi(u) = \\tfrac{1}{2}\\operatorname{erfc}\\left(-\\frac{u}{\\sqrt{2}}\\right) + \\frac{u\\,e^{-u^{2}/2}}{\\sqrt{2\\pi}}"),
            Rule::ErrorFunction => Math("\\operatorname{erf}'(u) = \\frac{2\\,e^{-u^{2}}}{\\sqrt{\\pi}},\\quad \\operatorname{erfc}'(u) = -\\frac{2\\,e^{-u^{2}}}{\\sqrt{\\pi}}"),
            Rule::BaseLogarithm => Math("(\\log_{a} u)' = \\frac{1}{u \\ln a}"),
            Rule::Repeated => Words("rule-repeated-formula"),
            Rule::Simplify => Words("rule-simplify-formula"),
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
            Func::Softplus => Rule::Softplus,
            Func::Silu => Rule::Silu,
            Func::LeakyRelu => Rule::LeakyRelu,
            Func::Elu => Rule::Elu,
            Func::Gelu => Rule::Gelu,
            Func::Erf | Func::Erfc => Rule::ErrorFunction,
            Func::Log10 | Func::Log2 => Rule::BaseLogarithm,
        }
    }
}

/// A rule's formula: math alone, written the same in every language, or
/// a message of the catalogue (by its id) that holds words.
enum Formula {
    Math(&'static str),
    Words(&'static str),
}

impl Formula {
    /// The formula, its words in `lang` set by `words`.
    fn written(self, lang: Lang, words: impl Fn(&str) -> String) -> String {
        match self {
            Formula::Math(math) => math.to_string(),
            Formula::Words(id) => words(&message(lang, id, &[])),
        }
    }
}
