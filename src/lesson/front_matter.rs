//! A lesson's front matter: TOML between two `+++` lines at the top of the
//! file (as Zola and Hugo write TOML front matter) giving the lesson's
//! `number`, `title` and `objectives`. Unknown keys, repeated keys, values
//! of the wrong type and missing keys are errors at their line and column.
//!
//! Invariant: a `FrontMatter` has a number of 1 or more, a title of one
//! non-empty line and at least one objective, none empty.

use super::source::Source;
use super::toml_block::{Key, Schema, TomlBlock};
use crate::Error;
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
    what: "front matter",
    keys: &[
        Key {
            name: "number",
            holds: "a whole number of 1 or more",
            example: "number = 3",
        },
        Key {
            name: "title",
            holds: "one line of text in quotes",
            example: "title = \"Gradient descent on one weight\"",
        },
        Key {
            name: "objectives",
            holds: "a list of texts in quotes",
            example: "objectives = [\"Apply the update rule by hand\"]",
        },
    ],
    syntax: "write one key = value a line, text in quotes: number = 3, title = \"…\", objectives = [\"…\", \"…\"]",
};

/// The line that opens and closes the front matter.
const FENCE: &str = "+++";

/// How a lesson file begins, for the hint when it does not.
const OPENING: &str = "start the file with\n+++\nnumber = 1\ntitle = \"How a network learns\"\nobjectives = [\"…\"]\n+++";

/// Reads the front matter; returns it and the index (0-based) of the first
/// line after it.
pub(super) fn read(source: &Source) -> Result<(FrontMatter, usize), Error> {
    let first = source.lines.first().map_or("", |line| line.1.trim_end());
    if first != FENCE {
        let hint = if first == "---" {
            format!("the front matter is TOML between '+++' lines, not '---': {OPENING}")
        } else {
            OPENING.to_string()
        };
        return Err(source.error_at(
            1,
            None,
            "a lesson begins with its front matter between two '+++' lines",
            hint,
        ));
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
                "the front matter is not closed",
                "end it with a line holding only '+++'",
            )
        })?;
    let range = source.line_start(1)..source.line_start(closing);
    let block = TomlBlock::new(source, range, &SCHEMA);
    let raw: RawFrontMatter = block.read()?;
    let missing = |key: &str, example: &str| {
        source.error_at(
            closing + 1,
            None,
            format!("the front matter has no {key}"),
            format!("add a line {example}"),
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
                format!(
                    "number = {}: a lesson's number is from 1 to {}",
                    number.get_ref(),
                    u32::MAX
                ),
                "for example number = 3",
            )
        })
}

fn one_line_title(block: &TomlBlock, title: &Spanned<String>) -> Result<String, Error> {
    let text = title.get_ref().trim();
    if text.contains('\n') {
        return Err(block.error_at(
            title,
            "the title is one line",
            block.schema().example("title"),
        ));
    }
    block.prose(title, "title", "the title")
}

fn read_objectives(
    block: &TomlBlock,
    objectives: &Spanned<Vec<Spanned<String>>>,
) -> Result<Vec<String>, Error> {
    if objectives.get_ref().is_empty() {
        return Err(block.error_at(
            objectives,
            "the list of objectives is empty",
            "give at least one: what the student will be able to do",
        ));
    }
    objectives
        .get_ref()
        .iter()
        .enumerate()
        .map(|(k, objective)| block.prose(objective, "objectives", &format!("objective {}", k + 1)))
        .collect()
}
