//! A lesson's body: the `## ` sections and, in each, the prose
//! (paragraphs, lists, quotations, `### ` headings, plain fenced text), the
//! ```` ```stepgrad ```` command blocks, the ```` ```exercise ```` blocks
//! and the ```` ```claims ```` blocks.
//!
//! A fenced block's kind is the first word after its fence; `fenced` hands
//! each kind to its reader, so a new kind of block is one more arm there.
//!
//! Invariant: every command of a block is split into words, and every
//! mistake is reported at its line.

use super::document::{CommandBlock, CommandLine, Item, Section};
use super::source::Source;
use super::words::{command_words, NotACommand};
use super::{claims_block, exercise_block};
use crate::{text, Error};

/// The reader of a lesson's body, collecting items into sections.
pub(super) struct Body<'s, 'a> {
    source: &'s Source<'a>,
    pub(super) intro: Vec<Item>,
    pub(super) sections: Vec<Section>,
    /// Prose being gathered: (kind, lines).
    paragraph: Vec<String>,
    list: Option<(bool, Vec<String>)>,
    quote: Vec<String>,
}

impl<'s, 'a> Body<'s, 'a> {
    pub(super) fn new(source: &'s Source<'a>) -> Body<'s, 'a> {
        Body {
            source,
            intro: Vec::new(),
            sections: Vec::new(),
            paragraph: Vec::new(),
            list: None,
            quote: Vec::new(),
        }
    }

    fn push(&mut self, item: Item) {
        match self.sections.last_mut() {
            Some(section) => section.items.push(item),
            None => self.intro.push(item),
        }
    }

    /// The items of the section being read (of the introduction before the
    /// first section).
    fn current_items(&self) -> &[Item] {
        self.sections
            .last()
            .map_or(self.intro.as_slice(), |section| section.items.as_slice())
    }

    /// Ends the paragraph, list or quotation being gathered.
    fn flush(&mut self) {
        if !self.paragraph.is_empty() {
            let text = std::mem::take(&mut self.paragraph).join(" ");
            self.push(Item::Paragraph(text));
        }
        if let Some((ordered, items)) = self.list.take() {
            self.push(Item::List { ordered, items });
        }
        if !self.quote.is_empty() {
            let text = std::mem::take(&mut self.quote).join(" ");
            self.push(Item::Quote(text));
        }
    }

    /// Reads the lines from index `start` (0-based) to the end.
    pub(super) fn read(&mut self, start: usize) -> Result<(), Error> {
        let mut index = start;
        while index < self.source.lines.len() {
            let line = self.source.lines[index].1;
            index = match line.trim_end().strip_prefix("```") {
                Some(info) => self.fence(index, info)?,
                None => {
                    self.prose_line(index + 1, line)?;
                    index + 1
                }
            };
        }
        self.flush();
        Ok(())
    }

    /// Reads the fenced block opening at line index `index`; returns the
    /// index of the line after its closing fence.
    fn fence(&mut self, index: usize, info: &str) -> Result<usize, Error> {
        let source = self.source;
        self.flush();
        let closing = source.lines[index + 1..]
            .iter()
            .position(|l| l.1.trim() == "```")
            .map(|i| index + 1 + i)
            .ok_or_else(|| {
                source.error_at(
                    index + 1,
                    None,
                    text!("lesson-block-open"),
                    text!("lesson-block-open-hint"),
                )
            })?;
        let block = Fenced {
            line: index + 1,
            lines: (index + 1..closing)
                .map(|i| (i + 1, source.lines[i].1))
                .collect(),
            range: source.line_start(index + 1)..source.line_start(closing),
        };
        let item = self.fenced(info.trim(), &block)?;
        self.push(item);
        Ok(closing + 1)
    }

    /// Reads line `line_number` (1-based) outside fenced blocks: a heading,
    /// a blank line, or a line of prose.
    fn prose_line(&mut self, line_number: usize, line: &str) -> Result<(), Error> {
        let source = self.source;
        let trimmed = line.trim_end();
        if let Some(title) = trimmed.strip_prefix("## ") {
            self.flush();
            self.sections.push(Section {
                title: title.trim().to_string(),
                items: Vec::new(),
            });
        } else if let Some(title) = trimmed.strip_prefix("### ") {
            self.flush();
            self.push(Item::Heading(title.trim().to_string()));
        } else if trimmed.starts_with('#') && trimmed.trim_start_matches('#').starts_with(' ') {
            return Err(source.error_at(
                line_number,
                None,
                text!("lesson-heading-level"),
                text!("lesson-heading-level-hint"),
            ));
        } else if trimmed.trim().is_empty() {
            self.flush();
        } else if let Some(item) = list_item(trimmed) {
            if !self.paragraph.is_empty() || !self.quote.is_empty() {
                self.flush();
            }
            let (ordered, text) = item;
            match &mut self.list {
                Some((kind, items)) if *kind == ordered => items.push(text.to_string()),
                _ => {
                    self.flush();
                    self.list = Some((ordered, vec![text.to_string()]));
                }
            }
        } else if let Some(text) = trimmed.strip_prefix('>') {
            if !self.paragraph.is_empty() || self.list.is_some() {
                self.flush();
            }
            self.quote.push(text.trim().to_string());
        } else if self.list.is_some() && line.starts_with("  ") {
            // A list item continued on an indented line.
            if let Some((_, items)) = &mut self.list {
                if let Some(last) = items.last_mut() {
                    last.push(' ');
                    last.push_str(trimmed.trim());
                }
            }
        } else {
            if self.list.is_some() || !self.quote.is_empty() {
                self.flush();
            }
            self.paragraph.push(trimmed.trim().to_string());
        }
        Ok(())
    }

    /// The item a fenced block stands for, by the block's kind.
    fn fenced(&self, info: &str, block: &Fenced) -> Result<Item, Error> {
        let source = self.source;
        let mut words = info.split_whitespace();
        let kind = words.next().unwrap_or("");
        let options: Vec<&str> = words.collect();
        match kind {
            "stepgrad" => command_block(source, block, &options).map(Item::Commands),
            "exercise" => {
                if let Some(option) = options.first() {
                    return Err(source.error_at(
                        block.line,
                        None,
                        text!("lesson-exercise-option", option = *option),
                        text!("lesson-exercise-option-hint"),
                    ));
                }
                exercise_block::read(source, block.line, block.range.clone()).map(Item::Exercise)
            }
            "claims" => {
                if let Some(option) = options.first() {
                    return Err(source.error_at(
                        block.line,
                        None,
                        text!("lesson-claims-option", option = *option),
                        text!("lesson-claims-option-hint"),
                    ));
                }
                let after_commands = self
                    .current_items()
                    .iter()
                    .any(|item| matches!(item, Item::Commands(_)));
                claims_block::read(source, block.line, block.range.clone(), after_commands)
                    .map(Item::Claims)
            }
            _ => Ok(Item::Verbatim(
                block
                    .lines
                    .iter()
                    .map(|(_, l)| *l)
                    .collect::<Vec<_>>()
                    .join("\n"),
            )),
        }
    }
}

/// A fenced block: the line of its opening fence (1-based), its lines
/// with their numbers, and the byte range of its text in the file.
struct Fenced<'a> {
    line: usize,
    lines: Vec<(usize, &'a str)>,
    range: std::ops::Range<usize>,
}

/// A ```` ```stepgrad ```` block: one command a line, `#` lines are
/// comments, and the one option `expect-error`.
fn command_block(source: &Source, block: &Fenced, options: &[&str]) -> Result<CommandBlock, Error> {
    let mut expect_error = false;
    for &option in options {
        if option == "expect-error" {
            expect_error = true;
        } else {
            return Err(source.error_at(
                block.line,
                None,
                text!("lesson-command-option", option = option),
                text!("lesson-command-option-hint"),
            ));
        }
    }
    let mut commands = Vec::new();
    for &(number, text) in &block.lines {
        let trimmed = text.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let (shown, args) = command_words(text).map_err(|trouble| match trouble {
            NotACommand::UnclosedQuote(open) => {
                let at = text.len() - text.trim_start().len() + open;
                source.error_at(
                    number,
                    Some(at..at + 1),
                    text!("lesson-quote-open"),
                    text!("lesson-quote-open-hint"),
                )
            }
            NotACommand::Empty => source.error_at(
                number,
                None,
                text!("lesson-no-command"),
                text!("lesson-no-command-hint"),
            ),
        })?;
        commands.push(CommandLine {
            line: number,
            text: shown,
            args,
        });
    }
    if commands.is_empty() {
        return Err(source.error_at(
            block.line,
            None,
            text!("lesson-empty-block"),
            text!("lesson-empty-block-hint"),
        ));
    }
    Ok(CommandBlock {
        commands,
        expect_error,
    })
}

/// A list item's kind (ordered?) and text.
fn list_item(line: &str) -> Option<(bool, &str)> {
    if let Some(text) = line.strip_prefix("- ").or_else(|| line.strip_prefix("* ")) {
        return Some((false, text.trim()));
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 {
        if let Some(text) = line[digits..].strip_prefix(". ") {
            return Some((true, text.trim()));
        }
    }
    None
}
