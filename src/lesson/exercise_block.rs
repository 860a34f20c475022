//! An ```` ```exercise ```` block: TOML giving the question, what is asked
//! — a derivative (`derivative`, and `wrt` when it has several variables),
//! a number (`answer`, optionally `tolerance` or the significant `digits`
//! wanted) or, with `kind = "predict"`, a prediction (`choices`, the
//! right one's number as `answer`, the command to `run`, what it `shows`
//! and an `explanation`) — up to two `hints` and a `solution`. Every rule
//! of a well-formed exercise is checked here, each mistake at its line
//! and column.
//!
//! Invariant: a returned `Exercise` has a question; a derivative exercise
//! has an expression that parses and a `wrt` that occurs in it; a numeric
//! one has a finite answer and either a tolerance in (0, 1) or 1 to 15
//! digits; a prediction has two or more choices, an answer among them, a
//! command, at least one string it shows and an explanation; at most two
//! hints.

use super::document::{CommandLine, Exercise, ExerciseKind, Prediction, DEFAULT_TOLERANCE};
use super::source::Source;
use super::toml_block::{Key, Schema, TomlBlock};
use super::words::{command_words, NotACommand};
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

/// Most significant digits an answer can ask for: what a 64-bit float
/// holds.
pub const DIGITS_A_FLOAT_HOLDS: i64 = 15;

/// The keys only a prediction has.
const PREDICTION_KEYS: [&str; 4] = ["choices", "run", "shows", "explanation"];

/// The exercise as written, every value with its place.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawExercise {
    question: Option<Spanned<String>>,
    derivative: Option<Spanned<String>>,
    wrt: Option<Spanned<String>>,
    answer: Option<Spanned<f64>>,
    tolerance: Option<Spanned<f64>>,
    digits: Option<Spanned<i64>>,
    kind: Option<Spanned<String>>,
    choices: Option<Spanned<Vec<Spanned<String>>>>,
    run: Option<Spanned<String>>,
    shows: Option<Spanned<Vec<Spanned<String>>>>,
    explanation: Option<Spanned<String>>,
    hints: Option<Spanned<Vec<Spanned<String>>>>,
    solution: Option<Spanned<String>>,
}

impl RawExercise {
    /// The prediction's keys that are present, by name.
    fn prediction_keys(&self) -> Vec<(&'static str, std::ops::Range<usize>)> {
        let spans = [
            self.choices.as_ref().map(Spanned::span),
            self.run.as_ref().map(Spanned::span),
            self.shows.as_ref().map(Spanned::span),
            self.explanation.as_ref().map(Spanned::span),
        ];
        PREDICTION_KEYS
            .into_iter()
            .zip(spans)
            .filter_map(|(name, span)| span.map(|s| (name, s)))
            .collect()
    }
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
            name: "digits",
            holds: "lesson-holds-digits",
            example: "lesson-example-digits",
        },
        Key {
            name: "kind",
            holds: "lesson-holds-text",
            example: "lesson-example-kind",
        },
        Key {
            name: "choices",
            holds: "lesson-holds-texts",
            example: "lesson-example-choices",
        },
        Key {
            name: "run",
            holds: "lesson-holds-command",
            example: "lesson-example-run",
        },
        Key {
            name: "shows",
            holds: "lesson-holds-texts",
            example: "lesson-example-shows",
        },
        Key {
            name: "explanation",
            holds: "lesson-holds-text",
            example: "lesson-example-explanation",
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
    let predicts = match &raw.kind {
        None => false,
        Some(kind) if kind.get_ref().trim() == "predict" => true,
        Some(kind) => {
            return Err(block.error_at(
                kind,
                text!("lesson-unknown-kind", kind = kind.get_ref().trim()),
                text!("lesson-unknown-kind-hint"),
            ))
        }
    };
    if !predicts {
        if let Some((key, span)) = raw.prediction_keys().into_iter().next() {
            return Err(block.error(
                span,
                text!("lesson-prediction-key", key = key),
                text!("lesson-prediction-key-hint"),
            ));
        }
    }
    let kind = match (&raw.derivative, &raw.answer) {
        _ if predicts => prediction(source, fence, &block, &raw)?,
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
    if let Some(digits) = &raw.digits {
        return Err(block.error_at(
            digits,
            text!("lesson-digits-of-derivative"),
            text!("lesson-tolerance-of-derivative-hint"),
        ));
    }
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
    if let Some(digits) = &raw.digits {
        if let Some(tolerance) = &raw.tolerance {
            return Err(block.error_at(
                tolerance,
                text!("lesson-digits-and-tolerance"),
                text!("lesson-digits-and-tolerance-hint"),
            ));
        }
        let wanted = *digits.get_ref();
        if !(1..=DIGITS_A_FLOAT_HOLDS).contains(&wanted) {
            return Err(block.error_at(
                digits,
                text!("lesson-digits-range", value = wanted.to_string()),
                text!(
                    "lesson-digits-range-hint",
                    most = DIGITS_A_FLOAT_HOLDS.to_string()
                ),
            ));
        }
        return Ok(ExerciseKind::Digits {
            answer: value,
            // invariant: 1 ≤ wanted ≤ 15, checked above.
            digits: wanted as u32,
        });
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

/// A prediction: two or more choices, the right one's number, the command
/// to run and what its output shows, and the explanation; none of the keys
/// of the other kinds.
fn prediction(
    source: &Source,
    fence: usize,
    block: &TomlBlock,
    raw: &RawExercise,
) -> Result<ExerciseKind, Error> {
    let foreign = [
        ("derivative", raw.derivative.as_ref().map(Spanned::span)),
        ("wrt", raw.wrt.as_ref().map(Spanned::span)),
        ("tolerance", raw.tolerance.as_ref().map(Spanned::span)),
        ("digits", raw.digits.as_ref().map(Spanned::span)),
    ];
    if let Some((key, Some(span))) = foreign.into_iter().find(|(_, s)| s.is_some()) {
        return Err(block.error(
            span,
            text!("lesson-not-of-prediction", key = key),
            text!("lesson-not-of-prediction-hint"),
        ));
    }
    let missing = |key: &str| {
        source.error_at(
            fence,
            None,
            text!("lesson-prediction-needs", key = key),
            block.schema().example(key),
        )
    };
    let choices_written = raw.choices.as_ref().ok_or_else(|| missing("choices"))?;
    let choices = choices_written
        .get_ref()
        .iter()
        .enumerate()
        .map(|(k, c)| block.prose(c, "choices", text!("lesson-part-choice", number = k + 1)))
        .collect::<Result<Vec<_>, _>>()?;
    if choices.len() < 2 {
        return Err(block.error_at(
            choices_written,
            text!("lesson-too-few-choices"),
            block.schema().example("choices"),
        ));
    }
    let answer = raw.answer.as_ref().ok_or_else(|| missing("answer"))?;
    let number = *answer.get_ref();
    if number.fract() != 0.0 || number < 1.0 || number > choices.len() as f64 {
        return Err(block.error_at(
            answer,
            text!(
                "lesson-answer-not-a-choice",
                value = number.to_string(),
                count = choices.len()
            ),
            text!("lesson-answer-not-a-choice-hint"),
        ));
    }
    let run = command(
        fence,
        block,
        raw.run.as_ref().ok_or_else(|| missing("run"))?,
    )?;
    let shows_written = raw.shows.as_ref().ok_or_else(|| missing("shows"))?;
    let shows: Vec<String> = shows_written
        .get_ref()
        .iter()
        .map(|s| s.get_ref().trim().to_string())
        .collect();
    if shows.is_empty() || shows.iter().any(String::is_empty) {
        return Err(block.error_at(
            shows_written,
            text!("lesson-shows-empty"),
            block.schema().example("shows"),
        ));
    }
    let explanation = raw
        .explanation
        .as_ref()
        .ok_or_else(|| missing("explanation"))?;
    let explanation = block.prose(explanation, "explanation", text!("lesson-part-explanation"))?;
    Ok(ExerciseKind::Predict(Prediction {
        choices,
        // invariant: a whole number from 1 to the number of choices, checked above.
        answer: number as usize - 1,
        run,
        shows,
        explanation,
    }))
}

/// The prediction's command, split into words as a ```stepgrad line is,
/// without the word `stepgrad`; its line is the line of `run`.
fn command(
    fence: usize,
    block: &TomlBlock,
    written: &Spanned<String>,
) -> Result<CommandLine, Error> {
    let (text, args) = command_words(written.get_ref()).map_err(|trouble| match trouble {
        NotACommand::UnclosedQuote(_) => block.error_at(
            written,
            text!("lesson-quote-open"),
            text!("lesson-quote-open-hint"),
        ),
        NotACommand::Empty => block.error_at(
            written,
            text!("lesson-no-command"),
            text!("lesson-no-command-hint"),
        ),
    })?;
    let before = block.text_before(written.span().start);
    Ok(CommandLine {
        line: fence + 1 + before.matches('\n').count(),
        text,
        args,
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
