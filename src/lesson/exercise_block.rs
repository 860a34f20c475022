//! An ```` ```exercise ```` block: TOML giving the question, what is asked
//! — a derivative (`derivative`, and `wrt` when it has several variables)
//! or a number (`answer`, optionally `tolerance`) — up to two `hints` and a
//! `solution`. Every rule of a well-formed exercise is checked here, each
//! mistake at its line and column.
//!
//! Invariant: a returned `Exercise` has a question; a derivative exercise
//! has an expression that parses and a `wrt` that occurs in it; a numeric
//! one has a finite answer and a tolerance in (0, 1); at most two hints.

use super::document::{Exercise, ExerciseKind, DEFAULT_TOLERANCE};
use super::source::Source;
use super::toml_block::{Key, Schema, TomlBlock};
use crate::diagnostic::name_list_text;
use crate::expr::{parse, Graph};
use crate::i18n::{message, Text};
use crate::{text, Error};
use serde::Deserialize;
use std::ops::Range;
use toml::Spanned;

/// Most hints an exercise gives, one after each of the first two wrong
/// answers (the third shows the solution): a rule of the lesson format
/// (docs/lessons.md), not a limit on work.
const HINTS_PER_EXERCISE: usize = 2;

/// The exercise as written, every value with its place.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawExercise {
    question: Option<Spanned<String>>,
    derivative: Option<Spanned<String>>,
    wrt: Option<Spanned<String>>,
    answer: Option<Spanned<f64>>,
    tolerance: Option<Spanned<f64>>,
    hints: Option<Spanned<Vec<Spanned<String>>>>,
    solution: Option<Spanned<String>>,
}

const SCHEMA: Schema = Schema {
    block: "exercise",
    keys: &[
        Key {
            name: "question",
            holds: "lesson-holds-text",
            example: "lesson-example-question",
        },
        Key {
            name: "derivative",
            holds: "lesson-holds-expression",
            example: "lesson-example-derivative",
        },
        Key {
            name: "wrt",
            holds: "lesson-holds-variable",
            example: "lesson-example-wrt",
        },
        Key {
            name: "answer",
            holds: "lesson-holds-a-number",
            example: "lesson-example-answer",
        },
        Key {
            name: "tolerance",
            holds: "lesson-holds-tolerance",
            example: "lesson-example-tolerance",
        },
        Key {
            name: "hints",
            holds: "lesson-holds-texts",
            example: "lesson-example-hints",
        },
        Key {
            name: "solution",
            holds: "lesson-holds-text",
            example: "lesson-example-solution",
        },
    ],
    syntax: "lesson-syntax-exercise",
};

/// Reads the exercise whose fence is on line `fence` (1-based) and whose
/// TOML is the byte range `content` of the file.
pub(super) fn read(
    source: &Source,
    fence: usize,
    content: Range<usize>,
) -> Result<Exercise, Error> {
    let block = TomlBlock::new(source, content, &SCHEMA);
    let raw: RawExercise = block.read()?;
    let question = raw.question.as_ref().ok_or_else(|| {
        source.error_at(
            fence,
            None,
            text!("lesson-no-question"),
            text!("lesson-add-line", line = "question = \"…\""),
        )
    })?;
    let question = block.prose(question, "question", text!("lesson-part-question"))?;
    let kind = match (&raw.derivative, &raw.answer) {
        (Some(_), Some(answer)) => {
            return Err(block.error_at(
                answer,
                text!("lesson-derivative-and-answer"),
                text!("lesson-derivative-and-answer-hint"),
            ))
        }
        (None, None) => {
            return Err(source.error_at(
                fence,
                None,
                text!("lesson-nothing-asked"),
                text!("lesson-nothing-asked-hint"),
            ))
        }
        (Some(expr), None) => derivative(&block, &raw, expr)?,
        (None, Some(answer)) => number(&block, &raw, answer)?,
    };
    Ok(Exercise {
        line: fence,
        question,
        kind,
        hints: hints(&block, raw.hints.as_ref())?,
        solution: raw
            .solution
            .as_ref()
            .map(|s| block.prose(s, "solution", text!("lesson-part-solution")))
            .transpose()?,
    })
}

/// A derivative exercise: the expression parses, and the variable is named
/// (or the only one) and occurs in it.
fn derivative(
    block: &TomlBlock,
    raw: &RawExercise,
    written: &Spanned<String>,
) -> Result<ExerciseKind, Error> {
    if let Some(tolerance) = &raw.tolerance {
        return Err(block.error_at(
            tolerance,
            text!("lesson-tolerance-of-derivative"),
            text!("lesson-tolerance-of-derivative-hint"),
        ));
    }
    let expr = written.get_ref().trim().to_string();
    let mut graph = Graph::new();
    let root = parse(&mut graph, &expr).map_err(|e| {
        block.error(
            block.span_inside(written, &e.span),
            text!(
                "lesson-derivative-unreadable",
                problem = Text::in_each_language(|lang| e.message(lang))
            ),
            Text::in_each_language(|lang| {
                e.hint(lang)
                    .unwrap_or_else(|| message(lang, "lesson-derivative-unreadable-hint", &[]))
            }),
        )
    })?;
    let variables = graph.variables(root);
    let wrt = match &raw.wrt {
        Some(named) => {
            let v = named.get_ref().trim();
            if !variables.iter().any(|known| known == v) {
                let hint = if variables.is_empty() {
                    text!("lesson-no-variable-hint", expr = &expr)
                } else {
                    text!(
                        "lesson-the-variables-are",
                        variables = name_list_text(&variables)
                    )
                };
                return Err(block.error_at(
                    named,
                    text!("lesson-wrt-absent", wrt = v, expr = &expr),
                    hint,
                ));
            }
            v.to_string()
        }
        None => match variables.as_slice() {
            [only] => only.clone(),
            [] => {
                return Err(block.error_at(
                    written,
                    text!("lesson-no-variable", expr = &expr),
                    text!("lesson-no-variable-to-differentiate-hint"),
                ))
            }
            several => {
                return Err(block.error_at(
                    written,
                    text!(
                        "lesson-several-variables",
                        expr = &expr,
                        count = several.len()
                    ),
                    text!(
                        "lesson-several-variables-hint",
                        first = &several[0],
                        variables = name_list_text(several)
                    ),
                ))
            }
        },
    };
    Ok(ExerciseKind::Derivative { expr, wrt })
}

/// A numeric exercise: a finite answer, and a tolerance between 0 and 1.
fn number(
    block: &TomlBlock,
    raw: &RawExercise,
    answer: &Spanned<f64>,
) -> Result<ExerciseKind, Error> {
    if let Some(wrt) = &raw.wrt {
        return Err(block.error_at(
            wrt,
            text!("lesson-wrt-of-number"),
            text!("lesson-wrt-of-number-hint"),
        ));
    }
    let value = *answer.get_ref();
    if !value.is_finite() {
        return Err(block.error_at(
            answer,
            text!("lesson-answer-not-finite", value = value.to_string()),
            text!("lesson-answer-not-finite-hint"),
        ));
    }
    let tolerance = match &raw.tolerance {
        None => DEFAULT_TOLERANCE,
        Some(t) if *t.get_ref() > 0.0 && *t.get_ref() < 1.0 => *t.get_ref(),
        Some(t) => {
            return Err(block.error_at(
                t,
                text!("lesson-tolerance-range", value = t.get_ref().to_string()),
                text!("lesson-tolerance-range-hint"),
            ))
        }
    };
    Ok(ExerciseKind::Number {
        answer: value,
        tolerance,
    })
}

/// The hints, at most two, none empty.
fn hints(
    block: &TomlBlock,
    hints: Option<&Spanned<Vec<Spanned<String>>>>,
) -> Result<Vec<String>, Error> {
    let Some(hints) = hints else {
        return Ok(Vec::new());
    };
    if let Some(extra) = hints.get_ref().get(HINTS_PER_EXERCISE) {
        return Err(block.error_at(
            extra,
            text!("lesson-too-many-hints"),
            text!("lesson-too-many-hints-hint"),
        ));
    }
    hints
        .get_ref()
        .iter()
        .enumerate()
        .map(|(k, hint)| block.prose(hint, "hints", text!("lesson-part-hint", number = k + 1)))
        .collect()
}
