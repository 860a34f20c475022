//! A lesson's front matter: TOML between two `+++` lines at the top of the
//! file (as Zola and Hugo write TOML front matter) giving the lesson's
//! `number`, `title` and `objectives`. Unknown keys, repeated keys, values
//! of the wrong type and missing keys are errors at their line and column.
//!
//! Invariant: a `FrontMatter` has a number of 1 or more, a title of one
//! non-empty line and at least one objective, none empty.

use super::source::Source;
use super::toml_block::{Key, Schema, TomlBlock};
use crate::{text, Error};
use serde::Deserialize;
use toml::Spanned;

/// What the front matter says about the lesson.
pub(super) struct FrontMatter {
    pub(super) number: u32,
    pub(super) title: String,
    pub(super) objectives: Vec<String>,
}

/// The front matter as written, every value with its place.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFrontMatter {
    number: Option<Spanned<i64>>,
    title: Option<Spanned<String>>,
    objectives: Option<Spanned<Vec<Spanned<String>>>>,
}

const SCHEMA: Schema = Schema {
    block: "front-matter",
    keys: &[
        Key {
            name: "number",
            holds: "lesson-holds-number",
            example: "lesson-example-number",
        },
        Key {
            name: "title",
            holds: "lesson-holds-title",
            example: "lesson-example-title",
        },
        Key {
            name: "objectives",
            holds: "lesson-holds-texts",
            example: "lesson-example-objectives",
        },
    ],
    syntax: "lesson-syntax-front-matter",
};

/// The line that opens and closes the front matter.
const FENCE: &str = "+++";

/// Reads the front matter; returns it and the index (0-based) of the first
/// line after it.
pub(super) fn read(source: &Source) -> Result<(FrontMatter, usize), Error> {
    let first = source.lines.first().map_or("", |line| line.1.trim_end());
    if first != FENCE {
        // How a lesson file begins.
        let opening = text!("lesson-opening");
        let hint = if first == "---" {
            text!("lesson-front-matter-not-dashes", opening = opening)
        } else {
            opening
        };
        return Err(source.error_at(1, None, text!("lesson-no-front-matter"), hint));
    }
    let closing = source
        .lines
        .iter()
        .skip(1)
        .position(|line| line.1.trim_end() == FENCE)
        .map(|i| i + 1)
        .ok_or_else(|| {
            source.error_at(
                1,
                None,
                text!("lesson-front-matter-open"),
                text!("lesson-front-matter-open-hint"),
            )
        })?;
    let range = source.line_start(1)..source.line_start(closing);
    let block = TomlBlock::new(source, range, &SCHEMA);
    let raw: RawFrontMatter = block.read()?;
    let missing = |key: &str, example: &str| {
        source.error_at(
            closing + 1,
            None,
            text!("lesson-front-matter-missing", key = key),
            text!("lesson-add-line", line = example),
        )
    };
    let number = raw.number.ok_or_else(|| missing("number", "number = 1"))?;
    let title = raw.title.ok_or_else(|| missing("title", "title = \"…\""))?;
    let objectives = raw
        .objectives
        .ok_or_else(|| missing("objectives", "objectives = [\"…\"]"))?;
    let front = FrontMatter {
        number: lesson_number(&block, &number)?,
        title: one_line_title(&block, &title)?,
        objectives: read_objectives(&block, &objectives)?,
    };
    Ok((front, closing + 1))
}

fn lesson_number(block: &TomlBlock, number: &Spanned<i64>) -> Result<u32, Error> {
    u32::try_from(*number.get_ref())
        .ok()
        .filter(|&n| n >= 1)
        .ok_or_else(|| {
            block.error_at(
                number,
                text!(
                    "lesson-number-range",
                    number = number.get_ref().to_string(),
                    max = u32::MAX.to_string()
                ),
                block.schema().example("number"),
            )
        })
}

fn one_line_title(block: &TomlBlock, title: &Spanned<String>) -> Result<String, Error> {
    let text = title.get_ref().trim();
    if text.contains('\n') {
        return Err(block.error_at(
            title,
            text!("lesson-title-one-line"),
            block.schema().example("title"),
        ));
    }
    block.prose(title, "title", text!("lesson-part-title"))
}

fn read_objectives(
    block: &TomlBlock,
    objectives: &Spanned<Vec<Spanned<String>>>,
) -> Result<Vec<String>, Error> {
    if objectives.get_ref().is_empty() {
        return Err(block.error_at(
            objectives,
            text!("lesson-no-objectives"),
            text!("lesson-no-objectives-hint"),
        ));
    }
    objectives
        .get_ref()
        .iter()
        .enumerate()
        .map(|(k, objective)| {
            let what = text!("lesson-part-objective", number = k + 1);
            block.prose(objective, "objectives", what)
        })
        .collect()
}
