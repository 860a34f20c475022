//! The words of `check`'s report, one place for each: verdicts, the
//! method, counterexamples and diagnoses (in Korean too, for lessons).

use crate::expr::Func;
use crate::i18n::Lang;
use crate::report::doc::{text, Math, Span};

pub const CORRECT: &str = "Correct.";
pub const NOT_CORRECT: &str = "Not correct.";
pub const AT: &str = "At ";
pub const VALUE: &str = "value";
pub const DERIVATIVE: &str = "derivative";
pub const YOUR_ANSWER: &str = "your answer";
pub const UNDEFINED: &str = "undefined";

pub fn checking(equation: Math) -> Vec<Span> {
    vec![text("Checking "), Span::Math(equation)]
}

/// ✓ Correct: 3·cos(3·x) is d/dx [sin(3·x)].
pub fn correct_line(answer: Math, derivative_of: Math) -> Vec<Span> {
    vec![
        Span::Strong("✓ Correct:".into()),
        text(" "),
        Span::Math(answer),
        text(" is "),
        Span::Math(derivative_of),
        text("."),
    ]
}

/// ✗ Not correct: cos(3·x) is not d/dx [sin(3·x)].
pub fn not_correct_line(answer: Math, derivative_of: Math) -> Vec<Span> {
    vec![
        Span::Alert("✗ Not correct:".into()),
        text(" "),
        Span::Math(answer),
        text(" is not "),
        Span::Math(derivative_of),
        text("."),
    ]
}

pub fn differs_at(point: Math, expected: &str, answer: &str) -> Vec<Span> {
    vec![
        text(AT),
        Span::Math(point),
        text(format!(
            ": the derivative is {expected}, your answer gives {answer}."
        )),
    ]
}

pub fn undefined_at(point: Math, expected: &str) -> Vec<Span> {
    vec![
        text(AT),
        Span::Math(point),
        text(format!(
            ": the derivative is {expected}, and your answer is undefined there."
        )),
    ]
}

pub fn differs_at_in_notes(point: Math, expected: &str, answer: &str) -> Vec<Span> {
    vec![
        text(AT),
        Span::Math(point),
        text(" the derivative is "),
        Span::Math(Math::new(expected, expected)),
        text(" and the answer gives "),
        Span::Math(Math::new(answer, answer)),
        text("."),
    ]
}

pub fn undefined_at_in_notes(point: Math, expected: &str) -> Vec<Span> {
    vec![
        text(AT),
        Span::Math(point),
        text(" the derivative is "),
        Span::Math(Math::new(expected, expected)),
        text(" and the answer is undefined."),
    ]
}

pub fn likely_mistake(mistake: Vec<Span>) -> Vec<Span> {
    let mut spans = vec![text("Likely mistake: ")];
    spans.extend(mistake);
    spans.push(text("."));
    spans
}

/// "The derivative is" and the derivative, then `end`.
pub fn the_derivative_is(derivative: Span, end: &str) -> Vec<Span> {
    let mut spans = vec![text("The derivative is "), derivative];
    if !end.is_empty() {
        spans.push(text(end));
    }
    spans
}

pub fn symbolic(points: usize, place: &str) -> String {
    format!(
        "Decided symbolically: answer − derivative simplifies to 0, and the answer is defined wherever the derivative is (checked at {points} points, {place})."
    )
}

pub fn numeric_agreement(points: usize, place: &str) -> String {
    format!(
        "Decided numerically: the two agree within the rounding error of computing them at {points} points ({place}); their difference did not simplify to 0."
    )
}

pub const NUMERIC_UNDEFINED: &str =
    "Decided numerically: at the point above the derivative is defined and the answer is not.";
pub const NUMERIC_DIFFERENCE: &str = "Decided numerically: at the point above the two differ by more than the rounding error of computing them.";
pub const BY_VARIABLES: &str =
    "Decided from the variables: the answer uses a variable the expression does not have.";

pub const RANDOM_POINTS: &str = "at random points and along lines through them";
pub const ONE_PIECE: &str = "near 0 and far out on both sides";

pub fn in_pieces(pieces: &str) -> String {
    format!("in {pieces}, near the ends and far out")
}

pub fn every(var: &str) -> String {
    format!("every {var}")
}

/// a, b and c
pub fn listed(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

pub fn agrees_only(pieces: &str) -> String {
    format!("Your answer agrees with the derivative only for {pieces}.")
}

pub fn undefined_only(pieces: &str) -> String {
    format!("For {pieces} your answer is undefined, while the derivative is defined there.")
}

pub fn missing_inner_factor(lang: Lang, equation: Math) -> Vec<Span> {
    let (before, after) = match lang {
        Lang::En => ("the chain rule's inner factor is missing: ", " is missing"),
        Lang::Ko => (
            "연쇄 법칙의 속미분이 빠졌습니다: ",
            " 이(가) 곱해져야 합니다",
        ),
    };
    vec![text(before), Span::Math(equation), text(after)]
}

pub fn missing_product_term(lang: Lang, factor: Math) -> Vec<Span> {
    let (before, after) = match lang {
        Lang::En => (
            "a product-rule term is missing: the term with the derivative of ",
            " (the product rule gives one term per factor)",
        ),
        Lang::Ko => (
            "곱의 법칙의 항 하나가 빠졌습니다: ",
            "을(를) 미분한 항이 없습니다 (곱의 법칙은 인수마다 항을 하나씩 만듭니다)",
        ),
    };
    vec![text(before), Span::Math(factor), text(after)]
}

pub fn reversed_quotient(lang: Lang) -> String {
    match lang {
        Lang::En => "the quotient rule's numerator is reversed: it is u′·v − u·v′ (derivative of the numerator first)",
        Lang::Ko => "몫의 법칙의 분자 순서가 바뀌었습니다: u′·v − u·v′ 입니다 (분자의 도함수가 먼저)",
    }
    .to_string()
}

pub fn function_sign(lang: Lang, function: Func) -> String {
    let (rule, rule_ko) = match function {
        Func::Cos => ("the derivative of cos is −sin", "cos의 도함수는 −sin입니다"),
        Func::Sin => ("the derivative of sin is +cos", "sin의 도함수는 +cos입니다"),
        Func::Tanh => (
            "the derivative of tanh is 1 − tanh², which is positive",
            "tanh의 도함수는 1 − tanh²로, 양수입니다",
        ),
        _ => ("the derivative of ln is +1/u", "ln의 도함수는 +1/u입니다"),
    };
    match lang {
        Lang::En => format!("a sign error: {rule}"),
        Lang::Ko => format!("부호 오류입니다: {rule_ko}"),
    }
}

pub fn sign_error(lang: Lang) -> String {
    match lang {
        Lang::En => "a sign error: the answer is the negative of the derivative",
        Lang::Ko => "부호 오류입니다: 답이 도함수에 −1을 곱한 것입니다",
    }
    .to_string()
}

pub fn constant_factor(lang: Lang, factor: &str) -> String {
    match lang {
        Lang::En => {
            format!("off by a constant factor: the answer is {factor} times the derivative")
        }
        Lang::Ko => format!("상수배만큼 다릅니다: 답이 도함수의 {factor}배입니다"),
    }
}

pub fn not_differentiated(lang: Lang) -> String {
    match lang {
        Lang::En => "the answer is the expression itself, not its derivative",
        Lang::Ko => "답이 도함수가 아니라 원래 식 그대로입니다",
    }
    .to_string()
}

pub fn wrong_variable(lang: Lang, other: &str, var: &str) -> String {
    match lang {
        Lang::En => format!("this is the derivative with respect to {other}, not {var}"),
        Lang::Ko => format!("{var}가 아니라 {other}에 대한 편미분입니다"),
    }
}

pub fn rounded(lang: Lang, relative: &str) -> String {
    match lang {
        Lang::En => format!("the answer is within a relative {relative} of the derivative: a constant written rounded (use the exact value, e.g. 1/3 rather than 0.333)"),
        Lang::Ko => format!("답이 도함수와 상대적으로 {relative} 이내로만 다릅니다: 상수를 반올림해서 썼습니다 (0.333 대신 1/3처럼 정확한 값을 쓰세요)"),
    }
}

pub fn unknown_variables(lang: Lang, names: &str) -> String {
    match lang {
        Lang::En => format!("the answer uses {names}, which the expression does not contain"),
        Lang::Ko => format!("식에 없는 변수 {names}이(가) 답에 들어 있습니다"),
    }
}
