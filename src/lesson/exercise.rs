//! Judging a student's answer to an exercise: a derivative with the logic
//! of `stepgrad check` (and its diagnosis of the likely mistake, without
//! giving the derivative away), a number within the exercise's tolerance
//! or rounded to its significant digits (saying when it is twice, half or
//! the negative of the answer), a prediction by the choice picked.
//!
//! Invariant: "right" means exactly what `check` or the tolerance says; an
//! answer that cannot be read is neither right nor wrong.

use super::document::{Exercise, ExerciseKind, Prediction};
use super::rounding::{rounds_alike, written_digits};
use crate::calculus::{check_derivative, derivative};
use crate::diagnostic::{render, Palette};
use crate::expr::{evaluate, parse, unicode, Graph, Id, ParseError, Point};
use crate::i18n::Lang;
use crate::msg;
use crate::number::format_significant;
use crate::report::check::{diagnosis_text_in, distinct_values};

/// What a student's answer is.
#[derive(Clone, Debug, PartialEq)]
pub enum Verdict {
    Right,
    /// Wrong, with what to tell the student (never the answer itself).
    Wrong(String),
    /// Not an answer that can be judged (a typo in a formula); the message
    /// says why, and the attempt does not count.
    Unreadable(String),
    /// The right number given to fewer digits than asked: the message asks
    /// for them, and the attempt does not count.
    Close(String),
}

/// Judges `input` as an answer to `exercise`. A prediction is judged by
/// the choice picked (its number or its text).
pub fn judge(exercise: &Exercise, input: &str, lang: Lang) -> Verdict {
    match &exercise.kind {
        ExerciseKind::Number { answer, tolerance } => {
            let value = match number_in(input, lang) {
                Ok(value) => value,
                Err(unreadable) => return unreadable,
            };
            let within = |target: f64| {
                if target == 0.0 {
                    value.abs() <= *tolerance
                } else {
                    (value - target).abs() <= tolerance * target.abs()
                }
            };
            if within(*answer) {
                Verdict::Right
            } else {
                Verdict::Wrong(wrong_number(value, *answer, within, lang))
            }
        }
        ExerciseKind::Digits { answer, digits } => judge_digits(input, *answer, *digits, lang),
        ExerciseKind::Predict(prediction) => match choice_in(prediction, input, lang) {
            Ok(choice) if choice == prediction.answer => Verdict::Right,
            Ok(_) => Verdict::Wrong(msg!(
                lang,
                "lesson-prediction-wrong",
                number = prediction.answer + 1,
                choice = &prediction.choices[prediction.answer]
            )),
            Err(message) => Verdict::Unreadable(message),
        },
        ExerciseKind::Derivative { expr, wrt } => {
            let mut graph = Graph::new();
            let Ok(expr_id) = parse(&mut graph, expr) else {
                // The lesson's own expression was checked when it was read.
                return Verdict::Unreadable(msg!(
                    lang,
                    "lesson-expression-unreadable",
                    expr = expr
                ));
            };
            let answer = match parse(&mut graph, input) {
                Ok(id) => id,
                Err(e) => return unreadable(input, e, lang),
            };
            match check_derivative(&mut graph, expr_id, answer, wrt) {
                Ok(outcome) if outcome.correct => Verdict::Right,
                Ok(outcome) => {
                    let mut message = msg!(lang, "lesson-not-yet");
                    if let Some(c) = &outcome.counterexample {
                        let point = c
                            .point
                            .values
                            .iter()
                            .map(|(n, v)| format!("{n} = {}", format_significant(*v, 6)))
                            .collect::<Vec<_>>()
                            .join(", ");
                        message.push(' ');
                        let (expected, answer) = match c.answer {
                            Some(answer) => distinct_values(c.expected, answer, 6),
                            None => (
                                format_significant(c.expected, 6),
                                msg!(lang, "lesson-undefined"),
                            ),
                        };
                        message.push_str(&msg!(
                            lang,
                            "lesson-at-point",
                            point = point,
                            expected = expected,
                            answer = answer
                        ));
                    }
                    if let Some(d) = &outcome.diagnosis {
                        let mistake = diagnosis_text_in(
                            lang,
                            d,
                            &outcome,
                            &graph,
                            crate::expr::Notation::Unicode,
                        );
                        message.push(' ');
                        message.push_str(&msg!(lang, "lesson-likely-mistake", mistake = mistake));
                    }
                    Verdict::Wrong(message)
                }
                Err(e) => {
                    Verdict::Unreadable(msg!(lang, "lesson-undecided", reason = e.to_string()))
                }
            }
        }
    }
}

/// The value of a numeric answer (a number or arithmetic without
/// variables), or the verdict that it cannot be judged.
fn number_in(input: &str, lang: Lang) -> Result<f64, Verdict> {
    let needs_number = || Verdict::Unreadable(msg!(lang, "lesson-needs-number"));
    let mut graph = Graph::new();
    let value = match parse(&mut graph, input) {
        Ok(root) if graph.variables(root).is_empty() => {
            evaluate(&graph, root, &Point::default()).ok()
        }
        Ok(_) => return Err(needs_number()),
        Err(e) => return Err(unreadable(input, e, lang)),
    };
    value.filter(|v| v.is_finite()).ok_or_else(needs_number)
}

/// A number asked to `digits` significant digits: right when it rounds
/// to the answer's rounding; close (not a wrong attempt) when it is the
/// answer rounded to fewer digits than asked.
fn judge_digits(input: &str, answer: f64, digits: u32, lang: Lang) -> Verdict {
    let value = match number_in(input, lang) {
        Ok(value) => value,
        Err(unreadable) => return unreadable,
    };
    if rounds_alike(value, answer, digits) {
        return Verdict::Right;
    }
    let written = written_digits(input).unwrap_or(digits).min(digits);
    if written < digits && rounds_alike(value, answer, written) {
        return Verdict::Close(msg!(lang, "lesson-close-digits", digits = digits as usize));
    }
    let alike = |target: f64| rounds_alike(value, target, written);
    Verdict::Wrong(wrong_number(value, answer, alike, lang))
}

/// What to tell a student whose number is wrong: its value, and how it
/// relates to the answer — twice it (a ½ forgotten), half of it, its
/// negative — when `matches` says so, else whether it is too large or too
/// small.
fn wrong_number(value: f64, answer: f64, matches: impl Fn(f64) -> bool, lang: Lang) -> String {
    let relation = if answer != 0.0 && matches(2.0 * answer) {
        msg!(lang, "lesson-twice-the-answer")
    } else if answer != 0.0 && matches(answer / 2.0) {
        msg!(lang, "lesson-half-the-answer")
    } else if answer != 0.0 && matches(-answer) {
        msg!(lang, "lesson-sign-flipped")
    } else if value > answer {
        msg!(lang, "lesson-too-large")
    } else {
        msg!(lang, "lesson-too-small")
    };
    format!(
        "{} {} {relation}",
        msg!(lang, "lesson-not-yet"),
        msg!(
            lang,
            "lesson-your-value",
            value = format_significant(value, 6)
        )
    )
}

/// The choice `input` picks: its number (1-based) or its text, in any
/// case; else a message saying how to answer.
pub fn choice_in(prediction: &Prediction, input: &str, lang: Lang) -> Result<usize, String> {
    let input = input.trim();
    let count = prediction.choices.len();
    if let Ok(number) = input.parse::<usize>() {
        if (1..=count).contains(&number) {
            return Ok(number - 1);
        }
    }
    let plain = |t: &str| t.trim().trim_end_matches('.').to_lowercase();
    prediction
        .choices
        .iter()
        .position(|c| plain(c) == plain(input))
        .ok_or_else(|| msg!(lang, "lesson-choose", count = count))
}

/// The question as asked, with the digits wanted when it asks for them.
pub fn question_text(exercise: &Exercise, lang: Lang) -> String {
    match &exercise.kind {
        ExerciseKind::Digits { digits, .. } => format!(
            "{} {}",
            exercise.question,
            msg!(lang, "lesson-digits-wanted", digits = *digits as usize)
        ),
        _ => exercise.question.clone(),
    }
}

/// An answer with a typo: the parse error, with a caret under it and the
/// parser's hint, as every parse error is shown, saying it is in the
/// answer.
fn unreadable(input: &str, error: ParseError, lang: Lang) -> Verdict {
    let message = msg!(
        lang,
        "lesson-answer-unreadable",
        problem = error.message(lang)
    );
    let palette = Palette::in_language(false, lang);
    let hint = error.hint(lang);
    Verdict::Unreadable(render(
        &message,
        Some((input, &error.span)),
        hint.as_deref(),
        palette,
    ))
}

/// The solution to show: for a derivative, stepgrad's own result, then the
/// lesson's solution text (without its first sentence when that sentence
/// only states the same result, so the result is shown once); for a
/// prediction, the right choice and the explanation (the command that
/// shows it is run beside it).
pub fn solution(exercise: &Exercise, lang: Lang) -> String {
    let mut parts = Vec::new();
    let mut text = exercise.solution.clone();
    match &exercise.kind {
        ExerciseKind::Derivative { expr, wrt } => {
            let mut graph = Graph::new();
            if let Ok(root) = parse(&mut graph, expr) {
                let result = derivative(&mut graph, root, wrt);
                let operator = if graph.variables(root).len() > 1 {
                    format!("∂/∂{wrt}")
                } else {
                    format!("d/d{wrt}")
                };
                parts.push(format!(
                    "{}: {operator} [{}] = {}",
                    msg!(lang, "lesson-derivative-is"),
                    unicode(&graph, root),
                    unicode(&graph, result)
                ));
                text = text.map(|t| without_stated_result(&t, &mut graph, root, wrt));
            }
        }
        ExerciseKind::Predict(p) => {
            parts.push(format!("{}. {}", p.answer + 1, p.choices[p.answer]));
            parts.push(p.explanation.clone());
        }
        ExerciseKind::Number { answer, .. } if text.is_none() => {
            parts.push(format_significant(*answer, 9));
        }
        ExerciseKind::Digits { answer, digits } if text.is_none() => {
            parts.push(format_significant(*answer, *digits as usize));
        }
        ExerciseKind::Number { .. } | ExerciseKind::Digits { .. } => {}
    }
    parts.extend(text.filter(|t| !t.is_empty()));
    parts.join("\n")
}

/// A derivative's solution text without its first sentence when that
/// sentence is the derivative itself ("12·x² − 4·x." or
/// "12·x² − 4·x입니다."), which the line above it already shows.
fn without_stated_result(text: &str, graph: &mut Graph, expr: Id, wrt: &str) -> String {
    let (first, rest) = match text.split_once(". ") {
        Some((first, rest)) => (first, rest),
        None => (text.trim_end_matches('.'), ""),
    };
    let stated = first.strip_suffix("입니다").unwrap_or(first);
    let Ok(answer) = parse(graph, stated) else {
        return text.to_string();
    };
    match check_derivative(graph, expr, answer, wrt) {
        Ok(outcome) if outcome.correct => rest.trim().to_string(),
        _ => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn derivative_exercise(expr: &str, wrt: &str) -> Exercise {
        Exercise {
            line: 1,
            question: "?".into(),
            kind: ExerciseKind::Derivative {
                expr: expr.into(),
                wrt: wrt.into(),
            },
            hints: vec![],
            solution: None,
        }
    }

    #[test]
    fn derivatives_are_judged_like_check() {
        let e = derivative_exercise("sin(3*x)", "x");
        assert_eq!(judge(&e, "3*cos(3*x)", Lang::En), Verdict::Right);
        assert_eq!(judge(&e, "cos(3*x)*3", Lang::En), Verdict::Right);
        let Verdict::Wrong(message) = judge(&e, "cos(3*x)", Lang::En) else {
            panic!()
        };
        assert!(message.contains("inner factor is missing"), "{message}");
        assert!(
            !message.contains("3·cos"),
            "gives the answer away: {message}"
        );
        let Verdict::Wrong(message) = judge(&e, "cos(3*x)", Lang::Ko) else {
            panic!()
        };
        assert!(message.contains("연쇄 법칙"), "{message}");
        assert!(matches!(
            judge(&e, "3*cos(3*", Lang::En),
            Verdict::Unreadable(_)
        ));
    }

    #[test]
    fn numbers_within_the_tolerance() {
        let e = Exercise {
            line: 1,
            question: "?".into(),
            kind: ExerciseKind::Number {
                answer: 1.6,
                tolerance: 1e-3,
            },
            hints: vec![],
            solution: None,
        };
        assert_eq!(judge(&e, "1.6", Lang::En), Verdict::Right);
        assert_eq!(judge(&e, "2 - 0.1*4", Lang::En), Verdict::Right);
        assert_eq!(judge(&e, "1.6012", Lang::En), Verdict::Right);
        let Verdict::Wrong(message) = judge(&e, "1.7", Lang::En) else {
            panic!()
        };
        assert!(message.contains("too large"), "{message}");
        assert!(matches!(judge(&e, "w", Lang::En), Verdict::Unreadable(_)));
        assert!(matches!(judge(&e, "1/0", Lang::En), Verdict::Unreadable(_)));
    }

    fn digits_exercise(answer: f64, digits: u32) -> Exercise {
        Exercise {
            line: 1,
            question: "?".into(),
            kind: ExerciseKind::Digits { answer, digits },
            hints: vec![],
            solution: None,
        }
    }

    fn wrong_message(verdict: Verdict) -> String {
        match verdict {
            Verdict::Wrong(message) => message,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn numbers_to_their_digits() {
        let e = digits_exercise(0.35891648, 4);
        assert_eq!(question_text(&e, Lang::En), "? (4 significant digits)");
        assert_eq!(question_text(&e, Lang::Ko), "? (유효숫자 4자리)");
        for right in ["0.3589", "0.35891", "0.358916480", "0.4 - 0.5*0.0821670406"] {
            assert_eq!(judge(&e, right, Lang::En), Verdict::Right, "{right}");
        }
        // Rounded right, but to fewer digits than asked: close, not wrong.
        for close in ["0.359", "0.36", "0.4"] {
            let Verdict::Close(message) = judge(&e, close, Lang::En) else {
                panic!("{close}")
            };
            assert_eq!(message, "Close — give 4 significant digits.");
        }
        assert!(
            matches!(judge(&e, "0.359", Lang::Ko), Verdict::Close(m) if m.contains("유효숫자 4자리"))
        );
        for wrong in ["0.3588", "0.3590", "0.358", "0.35"] {
            assert!(
                matches!(judge(&e, wrong, Lang::En), Verdict::Wrong(_)),
                "{wrong}"
            );
        }
    }

    #[test]
    fn twice_half_and_the_sign_flipped_are_named() {
        let e = digits_exercise(29.5, 3);
        assert!(wrong_message(judge(&e, "59", Lang::En)).contains("twice the right value"));
        assert!(wrong_message(judge(&e, "14.75", Lang::En)).contains("half the right value"));
        assert!(wrong_message(judge(&e, "-29.5", Lang::En)).contains("sign is not"));
        assert!(wrong_message(judge(&e, "59", Lang::Ko)).contains("두 배"));
        assert!(wrong_message(judge(&e, "60", Lang::En)).contains("too large"));
        let e = Exercise {
            kind: ExerciseKind::Number {
                answer: 28.0,
                tolerance: 1e-6,
            },
            ..digits_exercise(0.0, 1)
        };
        let message = wrong_message(judge(&e, "-28", Lang::En));
        assert!(
            message.contains("Your answer gives -28. Its size is right, but its sign is not."),
            "{message}"
        );
        assert!(wrong_message(judge(&e, "56", Lang::En)).contains("twice"));
        assert!(wrong_message(judge(&e, "14", Lang::En)).contains("half"));
        assert!(wrong_message(judge(&e, "27", Lang::En)).contains("too small"));
    }

    /// Rounds the decimal digits `mantissa` (an integer of up to ten
    /// digits, the decimal point after the first) to `keep` digits, half up,
    /// by decimal arithmetic on the text: the reference for the verdict.
    fn rounded_text(mantissa: u64, exponent: i32, keep: u32) -> (u64, i32) {
        let digits = mantissa.to_string().len() as u32;
        if keep >= digits {
            return (mantissa, exponent);
        }
        let scale = 10u64.pow(digits - keep);
        let mut kept = (mantissa + scale / 2) / scale;
        let mut exponent = exponent;
        if kept.to_string().len() as u32 > keep {
            kept /= 10;
            exponent += 1;
        }
        (kept, exponent)
    }

    fn text_of(mantissa: u64, exponent: i32) -> String {
        let digits = mantissa.to_string();
        format!("{}.{}e{exponent}", &digits[..1], &digits[1..])
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(400))]
        /// The verdict at N digits against decimal rounding of the text:
        /// an answer that rounds right is never refused, one that rounds
        /// otherwise is never accepted (answers that fall on a tie of the
        /// decimal text are left out: both roundings are fair there).
        #[test]
        fn the_digits_verdict_is_never_wrong(
            answer in 1_000_000_000u64..10_000_000_000,
            exponent in -6i32..7,
            digits in 1u32..8,
            student in 1_000_000_000u64..10_000_000_000,
            near in proptest::bool::ANY,
        ) {
            let answer_text = text_of(answer, exponent);
            let e = digits_exercise(answer_text.parse().unwrap(), digits);
            // A student answer near the answer half the time, so both
            // verdicts are exercised.
            let student = if near {
                (answer as i64 + (student as i64 % 2_000_000) - 1_000_000).clamp(1_000_000_000, 9_999_999_999) as u64
            } else {
                student
            };
            let tie = |m: u64| {
                let rest = m % 10u64.pow(10 - digits);
                rest * 2 == 10u64.pow(10 - digits)
            };
            proptest::prop_assume!(!tie(answer) && !tie(student));
            let input = text_of(student, exponent);
            let right = rounded_text(student, exponent, digits) == rounded_text(answer, exponent, digits);
            let verdict = judge(&e, &input, Lang::En);
            proptest::prop_assert_eq!(verdict == Verdict::Right, right, "{} for {} at {}: {:?}", input, answer_text, digits, verdict);
            // The answer rounded to the digits, as a student writes it, is right.
            let (kept, at) = rounded_text(answer, exponent, digits);
            let written = format!("{kept}e{}", at - digits as i32 + 1);
            proptest::prop_assert_eq!(judge(&e, &written, Lang::En), Verdict::Right, "{}", written);
        }
    }

    #[test]
    fn the_solution_shows_the_derivative() {
        let mut e = derivative_exercise("x^3", "x");
        e.solution = Some("Power rule.".into());
        assert_eq!(
            solution(&e, Lang::En),
            "stepgrad's derivative: d/dx [x³] = 3·x²\nPower rule."
        );
        // The result stated again by the lesson is shown once.
        e.solution = Some("3·x². The power rule.".into());
        assert_eq!(
            solution(&e, Lang::En),
            "stepgrad's derivative: d/dx [x³] = 3·x²\nThe power rule."
        );
        e.solution = Some("3·x²입니다. 거듭제곱 법칙입니다.".into());
        assert_eq!(
            solution(&e, Lang::Ko),
            "stepgrad가 구한 도함수: d/dx [x³] = 3·x²\n거듭제곱 법칙입니다."
        );
        // A first sentence that is not the result stays.
        e.solution = Some("x². Wrong on purpose.".into());
        assert!(solution(&e, Lang::En).ends_with("x². Wrong on purpose."));
    }
}
