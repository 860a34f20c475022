//! Judging a student's answer to an exercise: a derivative with the logic
//! of `stepgrad check` (and its diagnosis of the likely mistake, without
//! giving the derivative away), a number within the exercise's tolerance.
//!
//! Invariant: "right" means exactly what `check` or the tolerance says; an
//! answer that cannot be read is neither right nor wrong.

use super::document::{Exercise, ExerciseKind};
use crate::calculus::{check_derivative, derivative};
use crate::diagnostic::{render, Palette};
use crate::expr::{evaluate, parse, unicode, Graph, ParseError, Point};
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
}

/// Judges `input` as an answer to `exercise`.
pub fn judge(exercise: &Exercise, input: &str, lang: Lang) -> Verdict {
    let needs_number = || Verdict::Unreadable(msg!(lang, "lesson-needs-number"));
    match &exercise.kind {
        ExerciseKind::Number { answer, tolerance } => {
            let mut graph = Graph::new();
            let value = match parse(&mut graph, input) {
                Ok(root) if graph.variables(root).is_empty() => {
                    evaluate(&graph, root, &Point::default()).ok()
                }
                Ok(_) => return needs_number(),
                Err(e) => return unreadable(input, e, lang),
            };
            let Some(value) = value else {
                return needs_number();
            };
            let close = if *answer == 0.0 {
                value.abs() <= *tolerance
            } else {
                (value - answer).abs() <= tolerance * answer.abs()
            };
            if close {
                Verdict::Right
            } else {
                let direction = if value > *answer {
                    msg!(lang, "lesson-too-large")
                } else {
                    msg!(lang, "lesson-too-small")
                };
                Verdict::Wrong(format!(
                    "{} {} {direction}",
                    msg!(lang, "lesson-not-yet"),
                    msg!(
                        lang,
                        "lesson-your-value",
                        value = format_significant(value, 6)
                    )
                ))
            }
        }
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
/// lesson's solution text.
pub fn solution(exercise: &Exercise, lang: Lang) -> String {
    let mut parts = Vec::new();
    if let ExerciseKind::Derivative { expr, wrt } = &exercise.kind {
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
        }
    }
    if let Some(text) = &exercise.solution {
        parts.push(text.clone());
    }
    if let (ExerciseKind::Number { answer, .. }, None) = (&exercise.kind, &exercise.solution) {
        parts.push(format_significant(*answer, 9));
    }
    parts.join("\n")
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

    #[test]
    fn the_solution_shows_the_derivative() {
        let mut e = derivative_exercise("x^3", "x");
        e.solution = Some("Power rule.".into());
        assert_eq!(
            solution(&e, Lang::En),
            "stepgrad's derivative: d/dx [x³] = 3·x²\nPower rule."
        );
    }
}
