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
use crate::diagnostic::name_list;
use crate::expr::{parse, Graph};
use crate::Error;
use serde::Deserialize;
use std::ops::Range;
use toml::Spanned;

/// Most hints an exercise gives, one after each of the first two wrong
/// answers (the third shows the solution): a rule of the lesson format
/// (docs/lessons.md), not a limit on work.
const MAX_HINTS: usize = 2;

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
    what: "exercise",
    keys: &[
        Key {
            name: "question",
            holds: "text in quotes",
            example: "question = \"What is the new weight?\"",
        },
        Key {
            name: "derivative",
            holds: "an expression in quotes",
            example: "derivative = \"x^2*exp(x)\"",
        },
        Key {
            name: "wrt",
            holds: "a variable's name in quotes",
            example: "wrt = \"x\"",
        },
        Key {
            name: "answer",
            holds: "a number",
            example: "answer = 1.6",
        },
        Key {
            name: "tolerance",
            holds: "a number between 0 and 1",
            example: "tolerance = 1e-3",
        },
        Key {
            name: "hints",
            holds: "a list of texts in quotes",
            example: "hints = [\"The update is w − α·dE/dw.\", \"2 − 0.1·4\"]",
        },
        Key {
            name: "solution",
            holds: "text in quotes",
            example: "solution = \"w ← 2 − 0.1·4 = 1.6\"",
        },
    ],
    syntax: "write one key = value a line, text in quotes: question = \"…\", answer = 1.6, hints = [\"…\"]",
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
            "this exercise has no question",
            "add a line question = \"…\"",
        )
    })?;
    let question = block.prose(question, "question", "the question")?;
    let kind = match (&raw.derivative, &raw.answer) {
        (Some(_), Some(answer)) => {
            return Err(block.error_at(
                answer,
                "an exercise asks for a derivative or for a number, not both",
                "keep either derivative or answer",
            ))
        }
        (None, None) => {
            return Err(source.error_at(
                fence,
                None,
                "this exercise says neither what to differentiate nor the answer",
                "add derivative = \"EXPR\" (and wrt = \"V\"), or answer = NUMBER",
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
            .map(|s| block.prose(s, "solution", "the solution"))
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
            "tolerance belongs to numeric answers",
            "derivatives are checked exactly; remove the tolerance",
        ));
    }
    let expr = written.get_ref().trim().to_string();
    let mut graph = Graph::new();
    let root = parse(&mut graph, &expr).map_err(|e| {
        block.error(
            block.span_inside(written, &e.span),
            format!("derivative: {}", e.message(crate::i18n::Lang::En)),
            e.hint(crate::i18n::Lang::En)
                .unwrap_or_else(|| "write the expression as for stepgrad diff".to_string()),
        )
    })?;
    let variables = graph.variables(root);
    let wrt = match &raw.wrt {
        Some(named) => {
            let v = named.get_ref().trim();
            if !variables.iter().any(|known| known == v) {
                let hint = if variables.is_empty() {
                    format!(
                        "{expr} has no variable; ask for the derivative of an expression in one"
                    )
                } else {
                    format!("the variables are {}", name_list(&variables))
                };
                return Err(block.error_at(
                    named,
                    format!("wrt: '{v}' does not occur in {expr}"),
                    hint,
                ));
            }
            v.to_string()
        }
        None => match variables.as_slice() {
            [only] => only.clone(),
            [] => return Err(block.error_at(
                written,
                format!("{expr} has no variable to differentiate by"),
                "ask for the derivative of an expression in a variable, e.g. derivative = \"x^3\"",
            )),
            several => {
                return Err(block.error_at(
                    written,
                    format!("{expr} has {} variables, so say which one", several.len()),
                    format!(
                        "add a line wrt = \"{}\" (one of {})",
                        several[0],
                        name_list(several)
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
            "wrt belongs to derivative exercises",
            "remove it, or ask for a derivative",
        ));
    }
    let value = *answer.get_ref();
    if !value.is_finite() {
        return Err(block.error_at(
            answer,
            format!("answer = {value} is not a finite number"),
            "write the number, e.g. answer = 1.6",
        ));
    }
    let tolerance = match &raw.tolerance {
        None => DEFAULT_TOLERANCE,
        Some(t) if *t.get_ref() > 0.0 && *t.get_ref() < 1.0 => *t.get_ref(),
        Some(t) => {
            return Err(block.error_at(
                t,
                format!("tolerance = {} is not between 0 and 1", t.get_ref()),
                "for example tolerance = 1e-3 (relative to the answer)",
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
    if let Some(extra) = hints.get_ref().get(MAX_HINTS) {
        return Err(block.error_at(
            extra,
            "an exercise has at most two hints",
            "fold the rest into the solution",
        ));
    }
    hints
        .get_ref()
        .iter()
        .enumerate()
        .map(|(k, hint)| block.prose(hint, "hints", &format!("hint {}", k + 1)))
        .collect()
}
