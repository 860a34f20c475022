//! The words of `check`'s report, one place for each: verdicts, the
//! method, counterexamples and diagnoses (the lessons explain mistakes with
//! them too) — the messages `check-…` of the catalogue, in the report's
//! language.

use crate::expr::Func;
use crate::i18n::Lang;
use crate::msg;
use crate::msg_spans;
use crate::report::doc::{Math, Span};

pub fn correct(lang: Lang) -> String {
    msg!(lang, "check-correct-verdict")
}

pub fn not_correct(lang: Lang) -> String {
    msg!(lang, "check-not-correct-verdict")
}

pub fn value(lang: Lang) -> String {
    msg!(lang, "header-value")
}

pub fn derivative(lang: Lang) -> String {
    msg!(lang, "header-derivative")
}

pub fn your_answer(lang: Lang) -> String {
    msg!(lang, "check-your-answer")
}

pub fn undefined(lang: Lang) -> String {
    msg!(lang, "check-undefined")
}

pub fn checking(lang: Lang, equation: Math) -> Vec<Span> {
    msg_spans!(lang, "check-checking", equation = equation)
}

/// ✓ Correct: 3·cos(3·x) is d/dx [sin(3·x)].
pub fn correct_line(lang: Lang, answer: Math, derivative_of: Math) -> Vec<Span> {
    let mut spans = vec![
        Span::Strong(msg!(lang, "check-correct-label")),
        Span::Text(" ".into()),
    ];
    spans.extend(msg_spans!(
        lang,
        "check-correct",
        answer = answer,
        derivative = derivative_of
    ));
    spans
}

/// ✗ Not correct: cos(3·x) is not d/dx [sin(3·x)].
pub fn not_correct_line(lang: Lang, answer: Math, derivative_of: Math) -> Vec<Span> {
    let mut spans = vec![
        Span::Alert(msg!(lang, "check-not-correct-label")),
        Span::Text(" ".into()),
    ];
    spans.extend(msg_spans!(
        lang,
        "check-not-correct",
        answer = answer,
        derivative = derivative_of
    ));
    spans
}

/// "At x = 1:" over the counterexample's table in Markdown.
pub fn at_point(lang: Lang, point: Vec<Span>) -> Vec<Span> {
    msg_spans!(lang, "check-at-point", point = point)
}

pub fn differs_at(lang: Lang, point: Math, expected: &str, answer: &str) -> Vec<Span> {
    msg_spans!(
        lang,
        "check-differs-at",
        point = point,
        expected = expected,
        answer = answer
    )
}

pub fn undefined_at(lang: Lang, point: Math, expected: &str) -> Vec<Span> {
    msg_spans!(
        lang,
        "check-undefined-at",
        point = point,
        expected = expected
    )
}

pub fn differs_at_in_notes(lang: Lang, point: Math, expected: &str, answer: &str) -> Vec<Span> {
    msg_spans!(
        lang,
        "check-differs-at-notes",
        point = point,
        expected = Math::new(expected, expected),
        answer = Math::new(answer, answer)
    )
}

pub fn undefined_at_in_notes(lang: Lang, point: Math, expected: &str) -> Vec<Span> {
    msg_spans!(
        lang,
        "check-undefined-at-notes",
        point = point,
        expected = Math::new(expected, expected)
    )
}

pub fn likely_mistake(lang: Lang, mistake: Vec<Span>) -> Vec<Span> {
    msg_spans!(lang, "check-likely-mistake", mistake = mistake)
}

/// "The derivative is" and the derivative written inline, as a sentence.
pub fn the_derivative_is(lang: Lang, derivative: Math) -> Vec<Span> {
    msg_spans!(lang, "check-derivative-is", derivative = derivative)
}

/// "The derivative is" and the derivative displayed after it.
pub fn the_derivative_is_displayed(lang: Lang, derivative: Math) -> Vec<Span> {
    msg_spans!(
        lang,
        "check-derivative-is-displayed",
        derivative = vec![Span::Display(derivative)]
    )
}

pub fn symbolic(lang: Lang, points: usize, place: &str) -> String {
    msg!(
        lang,
        "check-decided-symbolically",
        points = points.to_string(),
        place = place
    )
}

pub fn numeric_agreement(lang: Lang, points: usize, place: &str) -> String {
    msg!(
        lang,
        "check-decided-numerically",
        points = points.to_string(),
        place = place
    )
}

pub fn numeric_undefined(lang: Lang) -> String {
    msg!(lang, "check-decided-numerically-undefined")
}

pub fn numeric_difference(lang: Lang) -> String {
    msg!(lang, "check-decided-numerically-difference")
}

pub fn by_variables(lang: Lang) -> String {
    msg!(lang, "check-decided-by-variables")
}

pub fn random_points(lang: Lang) -> String {
    msg!(lang, "check-place-random")
}

pub fn one_piece(lang: Lang) -> String {
    msg!(lang, "check-place-one-piece")
}

pub fn in_pieces(lang: Lang, pieces: &str) -> String {
    msg!(lang, "check-place-pieces", pieces = pieces)
}

pub fn every(lang: Lang, var: &str) -> String {
    msg!(lang, "check-every", var = var)
}

/// a, b and c
pub fn listed(lang: Lang, items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => msg!(lang, "check-list", init = init.join(", "), last = last),
    }
}

pub fn agrees_only(lang: Lang, pieces: &str) -> String {
    msg!(lang, "check-agrees-only", pieces = pieces)
}

pub fn undefined_only(lang: Lang, pieces: &str) -> String {
    msg!(lang, "check-undefined-only", pieces = pieces)
}

pub fn missing_inner_factor(lang: Lang, equation: Math) -> Vec<Span> {
    msg_spans!(lang, "check-missing-inner-factor", equation = equation)
}

pub fn missing_product_term(lang: Lang, factor: Math) -> Vec<Span> {
    msg_spans!(lang, "check-missing-product-term", factor = factor)
}

pub fn reversed_quotient(lang: Lang) -> String {
    msg!(lang, "check-reversed-quotient")
}

pub fn function_sign(lang: Lang, function: Func) -> String {
    let rule = match function {
        Func::Cos => msg!(lang, "check-sign-cos"),
        Func::Sin => msg!(lang, "check-sign-sin"),
        Func::Tanh => msg!(lang, "check-sign-tanh"),
        _ => msg!(lang, "check-sign-ln"),
    };
    msg!(lang, "check-function-sign", rule = rule)
}

pub fn reciprocal_sign(lang: Lang) -> String {
    msg!(lang, "check-reciprocal-sign")
}

pub fn product_of_derivatives(lang: Lang) -> String {
    msg!(lang, "check-product-of-derivatives")
}

pub fn kept_constant_term(lang: Lang) -> String {
    msg!(lang, "check-kept-constant-term")
}

pub fn dropped_constant_factor(lang: Lang, factor: Math) -> Vec<Span> {
    msg_spans!(lang, "check-dropped-constant-factor", factor = factor)
}

pub fn power_coefficient_missing(lang: Lang) -> String {
    msg!(lang, "check-power-coefficient-missing")
}

pub fn power_exponent_not_lowered(lang: Lang) -> String {
    msg!(lang, "check-power-exponent-not-lowered")
}

pub fn power_rule_on_exponential(lang: Lang) -> String {
    msg!(lang, "check-power-rule-on-exponential")
}

pub fn sign_error(lang: Lang) -> String {
    msg!(lang, "check-sign-error")
}

pub fn constant_factor(lang: Lang, factor: &str) -> String {
    msg!(lang, "check-constant-factor", factor = factor)
}

pub fn not_differentiated(lang: Lang) -> String {
    msg!(lang, "check-not-differentiated")
}

pub fn wrong_variable(lang: Lang, other: &str, var: &str) -> String {
    msg!(lang, "check-wrong-variable", other = other, var = var)
}

pub fn rounded(lang: Lang, relative: &str) -> String {
    msg!(lang, "check-rounded", relative = relative)
}

pub fn unknown_variables(lang: Lang, names: &str) -> String {
    msg!(lang, "check-unknown-variables", names = names)
}

/// The names of variables as a list: all of them, or the first ten, the
/// last and how many.
pub fn names(lang: Lang, names: &[String]) -> String {
    use crate::diagnostic::MAX_LISTED_NAMES;
    if names.len() <= MAX_LISTED_NAMES {
        return names.join(", ");
    }
    msg!(
        lang,
        "check-names-many",
        first = names[..10].join(", "),
        last = &names[names.len() - 1],
        count = names.len().to_string()
    )
}
