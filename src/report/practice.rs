//! The report of `stepgrad practice`: a worksheet — each exercise's
//! question, the data it gives and what to find — and under all of them
//! the answer key, so a handout never shows an answer beside its
//! question; JSON gives graders each exercise's topic, level, data,
//! question and answers (numbers, and formulas in ASCII, Unicode and
//! LaTeX).

use super::doc::{
    self, math_cell, message_spans, plain, strong, text, Block, Chain, Math, Part, Span,
};
use super::{Format, Style};
use crate::i18n::{header, Lang};
use crate::msg;
use crate::practice::{Exercise, Formula, Named, Sheet, Topic, Value};
use serde_json::{json, Map};

/// The sheet in `format`.
pub fn render_sheet(sheet: &Sheet, format: Format, style: &Style) -> String {
    if format == Format::Json {
        return super::json::document(&sheet_json(sheet, style.lang));
    }
    let lang = style.lang;
    let mut blocks = vec![
        Block::Heading {
            level: 1,
            text: vec![text(msg!(lang, "practice-heading"))],
        },
        Block::Paragraph(vec![text(msg!(
            lang,
            "practice-intro",
            level = sheet.level.to_string(),
            seed = sheet.seed.to_string(),
            count = sheet.exercises.len()
        ))]),
    ];
    for (k, exercise) in sheet.exercises.iter().enumerate() {
        blocks.extend(exercise_blocks(k + 1, exercise, lang));
    }
    blocks.push(Block::Heading {
        level: 2,
        text: vec![text(msg!(lang, "practice-answers"))],
    });
    for (k, exercise) in sheet.exercises.iter().enumerate() {
        blocks.extend(answer_blocks(k + 1, exercise, style));
    }
    doc::render(&blocks, format, style)
}

/// One exercise, its question and what to find, as the terminal shows it
/// (for a sheet worked through at the prompt).
pub fn render_exercise(number: usize, exercise: &Exercise, style: &Style) -> String {
    doc::render(
        &exercise_blocks(number, exercise, style.lang),
        Format::Text,
        style,
    )
}

/// An answer as the key writes it: `f′(x) = 20·x³`, `x₁ = 0.64`.
pub fn answer_text(answer: &Named, style: &Style) -> String {
    let name = match answer.header {
        Some(english) => header(style.lang, english).to_string(),
        None => answer.name.unicode.clone(),
    };
    let value = match &answer.value {
        Value::Number(v) => style.num(*v),
        Value::Count(n) => crate::number::format_thousands(*n as u128),
        Value::Formula { formula, .. } => formula.unicode.clone(),
        Value::Word(word) => word.clone(),
    };
    format!("{name} = {value}")
}

/// The name of a topic in `lang`.
pub fn topic_name(topic: Topic, lang: Lang) -> String {
    match topic {
        Topic::Derivative => msg!(lang, "practice-topic-derivative"),
        Topic::Gradient => msg!(lang, "practice-topic-gradient"),
        Topic::Descent => msg!(lang, "practice-topic-descent"),
        Topic::Epochs => msg!(lang, "practice-topic-epochs"),
        Topic::Backprop => msg!(lang, "practice-topic-backprop"),
        Topic::Optimizer => msg!(lang, "practice-topic-optimizer"),
    }
}

fn math(formula: &Formula) -> Math {
    Math::new(formula.unicode.clone(), formula.latex.clone())
}

/// The exercise's question as spans.
pub fn question_spans(exercise: &Exercise, lang: Lang) -> Vec<Span> {
    let parts: Vec<(&str, Part)> = exercise
        .question
        .args
        .iter()
        .map(|(name, formula)| (*name, Part::Math(math(formula))))
        .collect();
    message_spans(lang, exercise.question.id, &parts)
}

/// A datum as the sheet gives it: x₀ = 0.5.
fn datum_math(datum: &Named) -> Math {
    let value = match &datum.value {
        Value::Number(v) => Math::number(crate::number::format_significant(*v, 6)),
        Value::Count(n) => Math::number(n.to_string()),
        Value::Formula { formula, .. } => math(formula),
        Value::Word(word) => Math::new(word.clone(), word.clone()),
    };
    Math::new(
        format!("{} = {}", datum.name.unicode, value.unicode),
        format!("{} = {}", datum.name.latex, value.latex),
    )
}

/// An answer's name: math, or words (a header's English, translated).
pub fn answer_name(answer: &Named, lang: Lang) -> Span {
    match answer.header {
        Some(english) => text(header(lang, english)),
        None => Span::Math(math(&answer.name)),
    }
}

/// Spans joined with a comma between them.
fn listed(items: Vec<Span>) -> Vec<Span> {
    let mut out = Vec::new();
    for (k, item) in items.into_iter().enumerate() {
        if k > 0 {
            out.push(text(", "));
        }
        out.push(item);
    }
    out
}

fn exercise_title(number: usize, exercise: &Exercise, lang: Lang) -> String {
    msg!(
        lang,
        "practice-exercise",
        number = number,
        topic = topic_name(exercise.topic, lang)
    )
}

fn exercise_blocks(number: usize, exercise: &Exercise, lang: Lang) -> Vec<Block> {
    let mut blocks = vec![
        Block::Heading {
            level: 2,
            text: vec![text(exercise_title(number, exercise, lang))],
        },
        Block::Paragraph(question_spans(exercise, lang)),
    ];
    let given: Vec<Span> = exercise.data[..exercise.shown]
        .iter()
        .map(|d| Span::Math(datum_math(d)))
        .collect();
    if !given.is_empty() {
        blocks.push(Block::Paragraph(message_spans(
            lang,
            "practice-given",
            &[("values", Part::Spans(listed(given)))],
        )));
    }
    let names = exercise
        .answers
        .iter()
        .map(|a| answer_name(a, lang))
        .collect();
    blocks.push(Block::Paragraph(message_spans(
        lang,
        "practice-find",
        &[("names", Part::Spans(listed(names)))],
    )));
    blocks
}

fn answer_blocks(number: usize, exercise: &Exercise, style: &Style) -> Vec<Block> {
    let lang = style.lang;
    let mut blocks = vec![Block::Paragraph(vec![strong(exercise_title(
        number, exercise, lang,
    ))])];
    let formulas: Vec<Chain> = exercise
        .answers
        .iter()
        .filter_map(|a| match &a.value {
            Value::Formula { formula, .. } => Some(Chain {
                lhs: math(&a.name),
                rhs: vec![math(formula)],
                note: None,
            }),
            _ => None,
        })
        .collect();
    if !formulas.is_empty() {
        blocks.push(Block::Equations(formulas));
    }
    let rows: Vec<[Vec<Span>; 2]> = exercise
        .answers
        .iter()
        .filter_map(|a| {
            let value = match &a.value {
                Value::Number(v) => math_cell(Math::number(style.num(*v))),
                Value::Count(n) => doc::cell(crate::number::format_thousands(*n as u128)),
                _ => return None,
            };
            Some([vec![answer_name(a, lang)], value])
        })
        .collect();
    if !rows.is_empty() {
        blocks.push(Block::Values {
            header: [
                header(lang, "quantity").to_string(),
                header(lang, "value").to_string(),
            ],
            rows,
        });
    }
    blocks
}

fn formula_json(formula: &Formula) -> serde_json::Value {
    json!({"ascii": formula.ascii, "unicode": formula.unicode, "latex": formula.latex})
}

fn value_json(value: &Value) -> serde_json::Value {
    match value {
        Value::Number(v) => json!(v),
        Value::Count(n) => json!(n),
        Value::Formula { formula, .. } => formula_json(formula),
        Value::Word(word) => json!(word),
    }
}

fn exercise_json(number: usize, exercise: &Exercise, lang: Lang) -> serde_json::Value {
    let mut data = Map::new();
    for datum in &exercise.data {
        data.insert(datum.key.clone(), value_json(&datum.value));
    }
    let answers: Vec<serde_json::Value> = exercise
        .answers
        .iter()
        .map(|a| {
            let mut entry = json!({"name": a.key, "value": value_json(&a.value)});
            if let Value::Formula {
                derivative_of: Some((of, wrt)),
                ..
            } = &a.value
            {
                entry["derivative_of"] = json!(of);
                entry["wrt"] = json!(wrt);
            }
            entry
        })
        .collect();
    json!({
        "number": number,
        "topic": exercise.topic.name(),
        "level": exercise.level,
        "kind": exercise.kind,
        "data": data,
        "question": plain(&question_spans(exercise, lang)),
        "answers": answers,
    })
}

fn sheet_json(sheet: &Sheet, lang: Lang) -> serde_json::Value {
    json!({
        "topic": sheet.topic.map(Topic::name),
        "level": sheet.level,
        "seed": sheet.seed,
        "relative_precision": crate::practice::RELATIVE_PRECISION,
        "exercises": sheet
            .exercises
            .iter()
            .enumerate()
            .map(|(k, e)| exercise_json(k + 1, e, lang))
            .collect::<Vec<_>>(),
    })
}
