//! The lesson file format: every built-in lesson reads into the same
//! lesson as recorded (front matter, outline, commands and exercises, in
//! the snapshot `lesson_format__builtin_lessons_as_read.snap`).

use stepgrad::i18n::Lang;
use stepgrad::lesson::{builtin, parse_lesson, ExerciseKind, Item, Lesson};

/// What a lesson is made of, without the line numbers where its parts sit
/// in the file: the front matter, each section's outline, every command's
/// arguments and every exercise in full.
fn digest(path: &str, lesson: &Lesson) -> String {
    let mut out = format!(
        "== {path}\nnumber: {}\ntitle: {}\n",
        lesson.number, lesson.title
    );
    for objective in &lesson.objectives {
        out.push_str(&format!("objective: {objective}\n"));
    }
    out.push_str("-- intro\n");
    for item in &lesson.intro {
        out.push_str(&item_digest(item));
    }
    for section in &lesson.sections {
        out.push_str(&format!("-- section: {}\n", section.title));
        for item in &section.items {
            out.push_str(&item_digest(item));
        }
    }
    out
}

fn item_digest(item: &Item) -> String {
    match item {
        Item::Heading(text) => format!("heading: {text}\n"),
        Item::Paragraph(text) => format!("paragraph: {} characters\n", text.chars().count()),
        Item::List { ordered, items } => {
            format!("list (ordered: {ordered}): {} items\n", items.len())
        }
        Item::Quote(text) => format!("quote: {} characters\n", text.chars().count()),
        Item::Verbatim(text) => format!("verbatim: {} lines\n", text.lines().count()),
        Item::Commands(block) => {
            let mut out = format!("commands (expect error: {}):\n", block.expect_error);
            for command in &block.commands {
                out.push_str(&format!("  {:?}\n", command.args));
            }
            out
        }
        Item::Exercise(exercise) => {
            let kind = match &exercise.kind {
                ExerciseKind::Derivative { expr, wrt } => format!("derivative of {expr} by {wrt}"),
                ExerciseKind::Number { answer, tolerance } => {
                    format!("number {answer:?} within {tolerance:?}")
                }
            };
            let mut out = format!("exercise: {kind}\n  question: {}\n", exercise.question);
            for hint in &exercise.hints {
                out.push_str(&format!("  hint: {hint}\n"));
            }
            if let Some(solution) = &exercise.solution {
                out.push_str(&format!("  solution: {solution}\n"));
            }
            out
        }
    }
}

#[test]
fn every_builtin_lesson_reads_as_recorded() {
    let mut all = String::new();
    for lang in [Lang::En, Lang::Ko] {
        for (path, text) in builtin(lang) {
            let lesson = parse_lesson(&path, text).unwrap_or_else(|e| panic!("{path}: {e}"));
            all.push_str(&digest(&path, &lesson));
        }
    }
    insta::assert_snapshot!("builtin_lessons_as_read", all);
}
