//! The report of `stepgrad check`: the verdict, how it was reached, a point
//! where a wrong answer differs, and the likely mistake.

use super::{markdown_table, Format, Style};
use crate::calculus::{
    CheckOutcome, Counterexample, Decision, Diagnosis, Interval, Piece, PieceVerdict,
    REQUIRED_POINTS,
};
use crate::expr::{ascii, latex, latex_name, unicode, Func, Graph, Notation};
use crate::i18n::Lang;
use crate::number::format_significant;
use serde_json::json;
use std::collections::BTreeMap;

pub fn render(outcome: &CheckOutcome, graph: &Graph, format: Format, style: &Style) -> String {
    match format {
        Format::Json => {
            let mut text =
                serde_json::to_string_pretty(&json_value(outcome, graph)).unwrap_or_default();
            text.push('\n');
            text
        }
        Format::Markdown => markdown(outcome, graph, style),
        Format::Latex => latex_report(outcome, graph, style),
        _ => text(outcome, graph, style),
    }
}

fn operator(outcome: &CheckOutcome, graph: &Graph, notation: Notation) -> String {
    let several = graph.variables(outcome.expr).len() > 1;
    match (notation, several) {
        (Notation::Latex, false) => format!("\\frac{{d}}{{d{}}}", latex_name(&outcome.var)),
        (Notation::Latex, true) => format!(
            "\\frac{{\\partial}}{{\\partial {}}}",
            latex_name(&outcome.var)
        ),
        (_, false) => format!("d/d{}", outcome.var),
        (_, true) => format!("∂/∂{}", outcome.var),
    }
}

/// Where the points were drawn, for the method line: "near 0 and far out
/// on both sides", "in x < −3 and x > −3, near the ends and far out".
fn where_compared(outcome: &CheckOutcome, style: &Style) -> String {
    let in_domain: Vec<String> = outcome
        .pieces
        .iter()
        .filter(|p| p.verdict != PieceVerdict::OutsideDomain)
        .map(|p| interval_text(p.interval, &outcome.var, style))
        .collect();
    match outcome.pieces.len() {
        0 => "at random points and along lines through them".to_string(),
        1 => "near 0 and far out on both sides".to_string(),
        _ => format!("in {}, near the ends and far out", joined(&in_domain)),
    }
}

/// How the verdict was reached, in a sentence.
fn method_text(outcome: &CheckOutcome, style: &Style) -> String {
    let place = where_compared(outcome, style);
    match outcome.decision {
        Decision::Symbolic { points, .. } => format!(
            "Decided symbolically: answer − derivative simplifies to 0, and the answer is defined wherever the derivative is (checked at {points} points, {place})."
        ),
        Decision::Numeric { points, .. } if outcome.correct => format!(
            "Decided numerically: the two agree within the rounding error of computing them at {points} points ({place}); their difference did not simplify to 0."
        ),
        Decision::Numeric { .. } => match &outcome.counterexample {
            Some(Counterexample { answer: None, .. }) => {
                "Decided numerically: at the point above the derivative is defined and the answer is not.".to_string()
            }
            _ => "Decided numerically: at the point above the two differ by more than the rounding error of computing them.".to_string(),
        },
        Decision::Variables => "Decided from the variables: the answer uses a variable the expression does not have.".to_string(),
    }
}

/// The two values of a counterexample with as many digits as it takes to
/// tell them apart (at least `digits`).
pub fn distinct_values(expected: f64, answer: f64, digits: usize) -> (String, String) {
    let mut n = digits;
    while n < 17 && format_significant(expected, n) == format_significant(answer, n) {
        n += 1;
    }
    (
        format_significant(expected, n),
        format_significant(answer, n),
    )
}

/// One piece of the line as a condition on `var`: "x < 8", "−3 < x < 8".
fn interval_text(interval: Interval, var: &str, style: &Style) -> String {
    match (interval.from.is_finite(), interval.to.is_finite()) {
        (false, false) => format!("every {var}"),
        (false, true) => format!("{var} < {}", style.num(interval.to)),
        (true, false) => format!("{var} > {}", style.num(interval.from)),
        (true, true) => format!(
            "{} < {var} < {}",
            style.num(interval.from),
            style.num(interval.to)
        ),
    }
}

/// The pieces with `verdict`, neighbours merged, as conditions.
fn pieces_where(pieces: &[Piece], verdict: PieceVerdict, var: &str, style: &Style) -> Vec<String> {
    let mut merged: Vec<Interval> = Vec::new();
    let mut previous: Option<PieceVerdict> = None;
    for piece in pieces {
        if piece.verdict == verdict {
            match merged.last_mut() {
                Some(last) if previous == Some(verdict) => last.to = piece.interval.to,
                _ => merged.push(piece.interval),
            }
        }
        previous = Some(piece.verdict);
    }
    merged
        .into_iter()
        .map(|i| interval_text(i, var, style))
        .collect()
}

fn joined(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// Where a wrong answer agrees and where it is undefined, for one
/// variable: "It agrees with the derivative only for x > −3."
pub fn agreement_text(outcome: &CheckOutcome, style: &Style) -> Option<String> {
    if outcome.correct || outcome.pieces.is_empty() {
        return None;
    }
    let var = &outcome.var;
    let agrees = pieces_where(&outcome.pieces, PieceVerdict::Agrees, var, style);
    let undefined = pieces_where(&outcome.pieces, PieceVerdict::AnswerUndefined, var, style);
    let mut sentences = Vec::new();
    if !agrees.is_empty() {
        sentences.push(format!(
            "Your answer agrees with the derivative only for {}.",
            joined(&agrees)
        ));
    }
    if !undefined.is_empty() {
        sentences.push(format!(
            "For {} your answer is undefined, while the derivative is defined there.",
            joined(&undefined)
        ));
    }
    (!sentences.is_empty()).then(|| sentences.join(" "))
}

/// The counterexample's two values as written in a report.
fn counterexample_values(c: &Counterexample, style: &Style) -> (String, String) {
    match c.answer {
        Some(answer) => distinct_values(c.expected, answer, style.digits),
        None => (style.num(c.expected), "undefined".to_string()),
    }
}

/// The likely mistake, in a sentence, with expressions in `notation`.
pub fn diagnosis_text(
    diagnosis: &Diagnosis,
    outcome: &CheckOutcome,
    graph: &Graph,
    notation: Notation,
) -> String {
    diagnosis_text_in(Lang::En, diagnosis, outcome, graph, notation)
}

/// [`diagnosis_text`] in `lang` (lessons explain mistakes in Korean too).
pub fn diagnosis_text_in(
    lang: Lang,
    diagnosis: &Diagnosis,
    outcome: &CheckOutcome,
    graph: &Graph,
    notation: Notation,
) -> String {
    let show = |id| match notation {
        Notation::Latex => format!("${}$", latex(graph, id)),
        Notation::Ascii => ascii(graph, id),
        Notation::Unicode => unicode(graph, id),
    };
    let op = operator(outcome, graph, notation);
    match diagnosis {
        Diagnosis::MissingInnerFactor { inner, inner_derivative } => {
            let equation = match notation {
                Notation::Latex => format!(
                    "${op}\\left({}\\right) = {}$",
                    latex(graph, *inner),
                    latex(graph, *inner_derivative)
                ),
                Notation::Ascii => format!("{op}({}) = {}", ascii(graph, *inner), ascii(graph, *inner_derivative)),
                Notation::Unicode => format!("{op}({}) = {}", unicode(graph, *inner), unicode(graph, *inner_derivative)),
            };
            match lang {
                Lang::En => format!("the chain rule's inner factor is missing: {equation} is missing"),
                Lang::Ko => format!("연쇄 법칙의 속미분이 빠졌습니다: {equation} 이(가) 곱해져야 합니다"),
            }
        }
        Diagnosis::MissingProductTerm { factor } => match lang {
            Lang::En => format!(
                "a product-rule term is missing: the term with the derivative of {} (the product rule gives one term per factor)",
                show(*factor)
            ),
            Lang::Ko => format!(
                "곱의 법칙의 항 하나가 빠졌습니다: {}을(를) 미분한 항이 없습니다 (곱의 법칙은 인수마다 항을 하나씩 만듭니다)",
                show(*factor)
            ),
        },
        Diagnosis::ReversedQuotientNumerator => match lang {
            Lang::En => "the quotient rule's numerator is reversed: it is u′·v − u·v′ (derivative of the numerator first)".to_string(),
            Lang::Ko => "몫의 법칙의 분자 순서가 바뀌었습니다: u′·v − u·v′ 입니다 (분자의 도함수가 먼저)".to_string(),
        },
        Diagnosis::FunctionSign { function } => {
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
        Diagnosis::SignError => match lang {
            Lang::En => "a sign error: the answer is the negative of the derivative".to_string(),
            Lang::Ko => "부호 오류입니다: 답이 도함수에 −1을 곱한 것입니다".to_string(),
        },
        Diagnosis::ConstantFactor { factor } => {
            let factor = crate::number::format_significant(*factor, 6);
            match lang {
                Lang::En => format!("off by a constant factor: the answer is {factor} times the derivative"),
                Lang::Ko => format!("상수배만큼 다릅니다: 답이 도함수의 {factor}배입니다"),
            }
        }
        Diagnosis::NotDifferentiated => match lang {
            Lang::En => "the answer is the expression itself, not its derivative".to_string(),
            Lang::Ko => "답이 도함수가 아니라 원래 식 그대로입니다".to_string(),
        },
        Diagnosis::WrongVariable { other } => match lang {
            Lang::En => format!(
                "this is the derivative with respect to {other}, not {}",
                outcome.var
            ),
            Lang::Ko => format!(
                "{}가 아니라 {other}에 대한 편미분입니다",
                outcome.var
            ),
        },
        Diagnosis::Rounded { relative } => {
            let relative = format_significant(*relative, 2);
            match lang {
                Lang::En => format!("the answer is within a relative {relative} of the derivative: a constant written rounded (use the exact value, e.g. 1/3 rather than 0.333)"),
                Lang::Ko => format!("답이 도함수와 상대적으로 {relative} 이내로만 다릅니다: 상수를 반올림해서 썼습니다 (0.333 대신 1/3처럼 정확한 값을 쓰세요)"),
            }
        }
        Diagnosis::UnknownVariables { names } => match lang {
            Lang::En => format!(
                "the answer uses {}, which the expression does not contain",
                crate::diagnostic::name_list(names)
            ),
            Lang::Ko => format!(
                "식에 없는 변수 {}이(가) 답에 들어 있습니다",
                crate::diagnostic::name_list(names)
            ),
        },
    }
}

fn point_text(point: &crate::expr::Point, style: &Style) -> String {
    point
        .values
        .iter()
        .map(|(n, v)| format!("{n} = {}", style.num(*v)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The derivative of `expr` written out: d/dx [e] (or (e)′ in prime
/// notation, for one variable), in Unicode or LaTeX.
fn applied(outcome: &CheckOutcome, graph: &Graph, notation: Notation, style: &Style) -> String {
    let prime = style.prime && graph.variables(outcome.expr).len() <= 1;
    match (notation, prime) {
        (Notation::Latex, true) => format!("\\left({}\\right)'", latex(graph, outcome.expr)),
        (Notation::Latex, false) => format!(
            "{}\\left[{}\\right]",
            operator(outcome, graph, notation),
            latex(graph, outcome.expr)
        ),
        (_, true) => format!("({})′", unicode(graph, outcome.expr)),
        (_, false) => format!(
            "{} [{}]",
            operator(outcome, graph, notation),
            unicode(graph, outcome.expr)
        ),
    }
}

fn text(outcome: &CheckOutcome, graph: &Graph, style: &Style) -> String {
    let derivative_of = applied(outcome, graph, Notation::Unicode, style);
    let answer = unicode(graph, outcome.answer);
    let mut out = String::new();
    if outcome.correct {
        out.push_str(&format!(
            "{} {answer} is {derivative_of}.\n",
            style.result("✓ Correct:")
        ));
        out.push_str(&format!("  {}\n", method_text(outcome, style)));
        return out;
    }
    out.push_str(&format!(
        "{} {answer} is not {derivative_of}.\n",
        style.bad("✗ Not correct:")
    ));
    if let Some(c) = &outcome.counterexample {
        let (expected, answer) = counterexample_values(c, style);
        match c.answer {
            Some(_) => out.push_str(&format!(
                "  At {}: the derivative is {expected}, your answer gives {answer}.\n",
                point_text(&c.point, style),
            )),
            None => out.push_str(&format!(
                "  At {}: the derivative is {expected}, and your answer is undefined there.\n",
                point_text(&c.point, style),
            )),
        }
    }
    if let Some(agreement) = agreement_text(outcome, style) {
        out.push_str(&format!("  {agreement}\n"));
    }
    if let Some(d) = &outcome.diagnosis {
        out.push_str(&format!(
            "  Likely mistake: {}.\n",
            diagnosis_text(d, outcome, graph, Notation::Unicode)
        ));
    }
    out.push_str(&format!(
        "  The derivative is {}.\n",
        unicode(graph, outcome.derivative)
    ));
    out.push_str(&format!("  {}\n", method_text(outcome, style)));
    out
}

fn markdown(outcome: &CheckOutcome, graph: &Graph, style: &Style) -> String {
    let mut out = format!(
        "## Checking ${} = {}$\n\n",
        applied(outcome, graph, Notation::Latex, style),
        latex(graph, outcome.answer)
    );
    if outcome.correct {
        out.push_str("**Correct.** ");
        out.push_str(&super::markdown_text(&method_text(outcome, style)));
        out.push('\n');
        return out;
    }
    out.push_str("**Not correct.**\n\n");
    if let Some(c) = &outcome.counterexample {
        let at: Vec<String> = c
            .point
            .values
            .iter()
            .map(|(n, v)| format!("${} = {}$", latex_name(n), style.num(*v)))
            .collect();
        out.push_str(&format!("At {}:\n\n", at.join(", ")));
        let (expected, answer) = counterexample_values(c, style);
        out.push_str(&markdown_table(
            style.lang,
            &["", "value"],
            &[
                vec!["derivative".into(), expected],
                vec!["your answer".into(), answer],
            ],
        ));
        out.push('\n');
    }
    if let Some(agreement) = agreement_text(outcome, style) {
        out.push_str(&super::markdown_text(&agreement));
        out.push_str("\n\n");
    }
    if let Some(d) = &outcome.diagnosis {
        out.push_str(&format!(
            "Likely mistake: {}.\n\n",
            diagnosis_text(d, outcome, graph, Notation::Latex)
        ));
    }
    out.push_str(&format!(
        "The derivative is $${} = {}$$\n",
        applied(outcome, graph, Notation::Latex, style),
        latex(graph, outcome.derivative)
    ));
    out
}

fn latex_report(outcome: &CheckOutcome, graph: &Graph, style: &Style) -> String {
    let mut out = format!(
        "\\paragraph{{Checking ${} = {}$.}}\n",
        applied(outcome, graph, Notation::Latex, style),
        latex(graph, outcome.answer)
    );
    if outcome.correct {
        out.push_str(&format!(
            "Correct. {}\n",
            super::latex_text(&method_text(outcome, style))
        ));
        return out;
    }
    out.push_str("Not correct.");
    if let Some(c) = &outcome.counterexample {
        let at: Vec<String> = c
            .point
            .values
            .iter()
            .map(|(n, v)| format!("{} = {}", latex_name(n), style.num(*v)))
            .collect();
        let (expected, answer) = counterexample_values(c, style);
        match c.answer {
            Some(_) => out.push_str(&format!(
                " At ${}$ the derivative is ${expected}$ and the answer gives ${answer}$.",
                at.join(",\\ "),
            )),
            None => out.push_str(&format!(
                " At ${}$ the derivative is ${expected}$ and the answer is undefined.",
                at.join(",\\ "),
            )),
        }
    }
    if let Some(agreement) = agreement_text(outcome, style) {
        out.push(' ');
        out.push_str(&super::latex_text(&agreement));
    }
    if let Some(d) = &outcome.diagnosis {
        let sentence = diagnosis_text(d, outcome, graph, Notation::Latex);
        out.push_str(&format!(
            " Likely mistake: {}.",
            escape_outside_math(&sentence)
        ));
    }
    out.push_str(&format!(
        "\n\\[ {} = {} \\]\n",
        applied(outcome, graph, Notation::Latex, style),
        latex(graph, outcome.derivative)
    ));
    out
}

/// Escapes the text parts of a sentence that contains `$…$` math.
fn escape_outside_math(sentence: &str) -> String {
    sentence
        .split('$')
        .enumerate()
        .map(|(i, part)| {
            if i % 2 == 0 {
                super::latex_text(part)
            } else {
                format!("${part}$")
            }
        })
        .collect()
}

pub fn json_value(outcome: &CheckOutcome, graph: &Graph) -> serde_json::Value {
    let method = match outcome.decision {
        Decision::Numeric { .. } => "numeric",
        Decision::Symbolic { .. } | Decision::Variables => "symbolic",
    };
    let (points, piece_count) = match outcome.decision {
        Decision::Numeric { points, pieces } | Decision::Symbolic { points, pieces } => {
            (points, pieces)
        }
        Decision::Variables => (0, 0),
    };
    let bound = |x: f64| x.is_finite().then_some(x);
    let pieces: Vec<serde_json::Value> = outcome
        .pieces
        .iter()
        .map(|p| {
            json!({
                "from": bound(p.interval.from),
                "to": bound(p.interval.to),
                "verdict": match p.verdict {
                    PieceVerdict::OutsideDomain => "outside_domain",
                    PieceVerdict::Agrees => "agrees",
                    PieceVerdict::Differs => "differs",
                    PieceVerdict::AnswerUndefined => "answer_undefined",
                    PieceVerdict::Undetermined => "undetermined",
                },
            })
        })
        .collect();
    let counterexample = outcome.counterexample.as_ref().map(|c| {
        let point: BTreeMap<&str, f64> = c
            .point
            .values
            .iter()
            .map(|(n, v)| (n.as_str(), *v))
            .collect();
        json!({"point": point, "expected": c.expected, "answer": c.answer})
    });
    json!({
        "expr": ascii(graph, outcome.expr),
        "answer": ascii(graph, outcome.answer),
        "wrt": outcome.var,
        "derivative": ascii(graph, outcome.derivative),
        "correct": outcome.correct,
        "method": method,
        "points_compared": points,
        "pieces_compared": piece_count,
        "required_points": REQUIRED_POINTS,
        "pieces": pieces,
        "counterexample": counterexample,
        "diagnosis": outcome.diagnosis.as_ref().map(|d| diagnosis_text(d, outcome, graph, Notation::Ascii)),
    })
}
