//! TOML inside a lesson file — the front matter and each exercise block —
//! read with serde into structs of `toml::Spanned` values, so that every
//! mistake is reported at its line and column in the file: TOML syntax, an
//! unknown or repeated key, a value of the wrong type, and whatever the
//! block's own reader checks afterwards.
//!
//! Each kind of block describes its keys once, in a `Schema` (what each key
//! holds, with an example); the messages and hints are made from it, in the
//! words of the catalogue (the toml crate's own words through `toml_text`). A new
//! key is a field of the block's raw struct and a row of its schema; a new
//! kind of block is a raw struct, a schema and a reader using `TomlBlock`.
//! The toml crate's errors are told apart by their opening words; one not
//! recognised is reported in its own words, still at its place.
//!
//! Invariant: the spans of the values a `TomlBlock` reads are offsets into
//! the block's text, and the block knows where that text starts in the
//! file, so every error it makes points into the file at the value meant.

use super::source::Source;
use crate::expr::closest_name;
use crate::i18n::Text;
use crate::{text, Error};
use serde::de::DeserializeOwned;
use std::ops::Range;
use toml::Spanned;

/// One key a block may have.
pub(super) struct Key {
    pub(super) name: &'static str,
    /// The message saying what the value is: "a whole number of 1 or
    /// more" (`lesson-holds-number`).
    pub(super) holds: &'static str,
    /// The message giving a line that sets it: `number = 3`
    /// (`lesson-example-number`).
    pub(super) example: &'static str,
}

/// The keys of one kind of block.
pub(super) struct Schema {
    /// The block's kind, as the messages choose their words by it:
    /// "front-matter", "exercise" or "claims".
    pub(super) block: &'static str,
    pub(super) keys: &'static [Key],
    /// The message saying how the block is written, for the hint to a
    /// syntax error.
    pub(super) syntax: &'static str,
}

impl Key {
    fn example_line(&self) -> Text {
        Text::message(self.example, Vec::new())
    }
}

impl Schema {
    fn key(&self, name: &str) -> Option<&Key> {
        self.keys.iter().find(|key| key.name == name)
    }

    fn names(&self) -> Vec<&'static str> {
        self.keys.iter().map(|key| key.name).collect()
    }

    /// "for example number = 3", for the hint about `name`.
    pub(super) fn example(&self, name: &str) -> Text {
        self.key(name).map_or_else(
            || Text::Verbatim(String::new()),
            |key| text!("lesson-for-example", example = key.example_line()),
        )
    }

    fn syntax(&self) -> Text {
        Text::message(self.syntax, Vec::new())
    }
}

/// A block of TOML at a place in a lesson file.
pub(super) struct TomlBlock<'s, 'a> {
    source: &'s Source<'a>,
    /// The block's text, and where it starts in the file.
    text: &'a str,
    offset: usize,
    schema: &'static Schema,
}

impl<'s, 'a> TomlBlock<'s, 'a> {
    /// The block over the byte range `range` of the file.
    pub(super) fn new(
        source: &'s Source<'a>,
        range: Range<usize>,
        schema: &'static Schema,
    ) -> TomlBlock<'s, 'a> {
        TomlBlock {
            source,
            text: &source.text[range.clone()],
            offset: range.start,
            schema,
        }
    }

    pub(super) fn schema(&self) -> &'static Schema {
        self.schema
    }

    /// The block read into its raw struct `T` (whose fields are optional
    /// `Spanned` values and which denies unknown fields).
    pub(super) fn read<T: DeserializeOwned>(&self) -> Result<T, Error> {
        toml::from_str(self.text).map_err(|e| self.toml_error(&e))
    }

    /// The 1-based line of the file that byte `at` of the block's text is on.
    pub(super) fn line_of(&self, at: usize) -> usize {
        let end = (self.offset + at).min(self.source.text.len());
        self.source.text.as_bytes()[..end]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1
    }

    /// An error at `span`, a byte range of the block's text.
    pub(super) fn error(&self, span: Range<usize>, message: Text, hint: Text) -> Error {
        let file = self.offset + span.start..self.offset + span.end;
        self.source.error_in(file, message, hint)
    }

    /// An error at a value of the block.
    pub(super) fn error_at<T>(&self, value: &Spanned<T>, message: Text, hint: Text) -> Error {
        self.error(value.span(), message, hint)
    }

    /// Prose (a question, a hint, an objective): each line trimmed, and
    /// the lines joined by one space, as the lines of a paragraph are; an
    /// error naming `what` ("the title", "hint 2") when nothing is left.
    pub(super) fn prose(
        &self,
        value: &Spanned<String>,
        key: &str,
        what: Text,
    ) -> Result<String, Error> {
        let text = value
            .get_ref()
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        if text.is_empty() {
            return Err(self.error_at(
                value,
                text!("lesson-empty", what = what),
                self.schema.example(key),
            ));
        }
        Ok(text)
    }

    /// Where `inner`, a byte range of the trimmed text of the string
    /// `value`, lies in the block: exactly, when the string is written
    /// between quotes without escapes; else the whole string.
    pub(super) fn span_inside(
        &self,
        value: &Spanned<String>,
        inner: &Range<usize>,
    ) -> Range<usize> {
        let span = value.span();
        let text = value.get_ref();
        let written = self.text.get(span.clone()).unwrap_or("");
        let plain = ["\"", "'"].into_iter().any(|quote| {
            written.len() == text.len() + 2
                && written.starts_with(quote)
                && written.ends_with(quote)
                && &written[1..written.len() - 1] == text
        });
        if !plain {
            return span;
        }
        let leading = text.len() - text.trim_start().len();
        let start = span.start + 1 + leading;
        start + inner.start..start + inner.end
    }

    /// A TOML error as a located lesson error: an unknown key with the key
    /// meant, a repeated key, a value of the wrong type with what the key
    /// holds, or a syntax error with how the block is written.
    fn toml_error(&self, e: &toml::de::Error) -> Error {
        let span = e.span().unwrap_or(0..0);
        let message = e.message().trim();
        let block = self.schema.block;
        if let Some(unknown) = message
            .strip_prefix("unknown field `")
            .and_then(|rest| rest.split('`').next())
        {
            let keys = self.schema.names().join(", ");
            let hint = match closest_name(unknown, self.schema.names().iter().copied()) {
                Some(meant) => text!("lesson-did-you-mean-key", meant = meant, keys = keys),
                None => text!("lesson-the-keys-are", keys = keys),
            };
            let message = text!("lesson-unknown-key", block = block, key = unknown);
            return self.error(span, message, hint);
        }
        if message.starts_with("duplicate key") {
            let key = self.text.get(span.clone()).unwrap_or("").trim();
            return self.error(
                span.clone(),
                text!("lesson-key-twice", key = key),
                text!("lesson-key-twice-hint", block = block),
            );
        }
        if message.starts_with("invalid type") || message.starts_with("invalid value") {
            if let Some(key) = self.key_holding(&span) {
                return self.error(
                    span,
                    text!(
                        "lesson-wrong-type",
                        key = key.name,
                        holds = Text::message(key.holds, Vec::new())
                    ),
                    text!("lesson-for-example", example = key.example_line()),
                );
            }
        }
        let problem = crate::toml_text::explain(&message.replace('\n', " "));
        let message = text!("lesson-not-toml", block = block, problem = problem);
        // `key: value`, as YAML writes it: point at the colon.
        let before = self
            .text
            .get(..span.start)
            .unwrap_or("")
            .trim_end_matches(' ');
        if before.ends_with(':') {
            let colon = before.len() - 1;
            let hint = text!("lesson-colon-not-equals", syntax = self.schema.syntax());
            return self.error(colon..colon + 1, message, hint);
        }
        self.error(span, message, self.schema.syntax())
    }

    /// The key whose value covers `span` (a value of the wrong type, or a
    /// wrong element of a list).
    fn key_holding(&self, span: &Range<usize>) -> Option<&'static Key> {
        let table = toml::de::DeTable::parse(self.text).ok()?;
        let (name, _) = table.get_ref().iter().find(|(_, value)| {
            let at = value.span();
            at.start <= span.start && span.end <= at.end
        })?;
        self.schema.key(name.get_ref())
    }
}
