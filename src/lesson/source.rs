//! A lesson file as lines with their byte offsets, and errors located in
//! it: at a whole line, at some columns of a line, or at a byte range of
//! the file, each rendered as every stepgrad error is (`path:line:column`,
//! the line with a caret under the bad part, a hint).
//!
//! The errors are told in the session's language: their message and hint
//! are texts of the catalogue, rendered when the command line writes them.
//!
//! Invariant: every error made here points inside the file's text (a
//! line past the end points at the end), so rendering it never fails.

use crate::diagnostic::Location;
use crate::i18n::Text;
use crate::Error;
use std::ops::Range;

/// The text of a lesson file, split into lines for the readers.
pub(super) struct Source<'a> {
    pub(super) path: &'a str,
    pub(super) text: &'a str,
    /// (byte offset, text) of each line, without its line break.
    pub(super) lines: Vec<(usize, &'a str)>,
}

impl<'a> Source<'a> {
    pub(super) fn new(path: &'a str, text: &'a str) -> Source<'a> {
        let mut lines = Vec::new();
        let mut start = 0;
        for line in text.split_inclusive('\n') {
            let content = line.trim_end_matches('\n').trim_end_matches('\r');
            lines.push((start, content));
            start += line.len();
        }
        Source { path, text, lines }
    }

    /// The byte offset where line `index` (0-based) starts; the end of the
    /// text for an index past the last line.
    pub(super) fn line_start(&self, index: usize) -> usize {
        self.lines
            .get(index)
            .map_or(self.text.len(), |&(start, _)| start)
    }

    /// An error at line `number` (1-based), underlining `columns` bytes of
    /// it (the whole line when `None`).
    pub(super) fn error_at(
        &self,
        number: usize,
        columns: Option<Range<usize>>,
        message: Text,
        hint: Text,
    ) -> Error {
        let (start, line) = self
            .lines
            .get(number.saturating_sub(1))
            .copied()
            .unwrap_or((self.text.len(), ""));
        let range = columns.unwrap_or(0..line.len().max(1));
        let span = start + range.start..start + range.end.max(range.start + 1);
        self.error_in(span, message, hint)
    }

    /// An error underlining the byte range `span` of the file.
    pub(super) fn error_in(&self, span: Range<usize>, message: Text, hint: Text) -> Error {
        Error::told_at(
            Location::of_span(self.path, self.text, &span),
            message,
            hint,
        )
    }
}
