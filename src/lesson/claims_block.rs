//! A ```` ```claims ```` block: TOML listing what the prose around it
//! quotes from a command's output (`contains`, checked against the
//! stepgrad block before it or against `command`) and the numbers the
//! prose works out by hand (`hand`, each with its arithmetic). The block
//! is never shown; the presenter checks it on every run (`claims`).
//!
//! Invariant: a returned `Claims` claims something; its texts are not
//! empty; its command is split into words; each hand-worked number is a
//! decimal number and its arithmetic, of numbers only, has a finite value.

use super::document::{Claims, CommandLine, HandClaim, Quoted};
use super::source::Source;
use super::toml_block::{Key, Schema, TomlBlock};
use super::words::{command_words, NotACommand};
use crate::expr::{evaluate, parse, Graph, Point};
use crate::i18n::{message, Text};
use crate::{text, Error};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::ops::Range;
use toml::Spanned;

/// The block as written, every value with its place.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawClaims {
    contains: Option<Spanned<Vec<Spanned<String>>>>,
    command: Option<Spanned<String>>,
    hand: Option<Spanned<BTreeMap<Spanned<String>, Spanned<String>>>>,
}

const SCHEMA: Schema = Schema {
    block: "claims",
    keys: &[
        Key {
            name: "contains",
            holds: "lesson-holds-texts",
            example: "lesson-example-contains",
        },
        Key {
            name: "command",
            holds: "lesson-holds-text",
            example: "lesson-example-command",
        },
        Key {
            name: "hand",
            holds: "lesson-holds-hand",
            example: "lesson-example-hand",
        },
    ],
    syntax: "lesson-syntax-claims",
};

/// Reads the claims block whose fence is on line `fence` (1-based) and
/// whose TOML is the byte range `content` of the file; `after_commands`
/// tells whether a stepgrad block comes before it in its section.
pub(super) fn read(
    source: &Source,
    fence: usize,
    content: Range<usize>,
    after_commands: bool,
) -> Result<Claims, Error> {
    let block = TomlBlock::new(source, content, &SCHEMA);
    let raw: RawClaims = block.read()?;
    let contains = contains(&block, raw.contains.as_ref())?;
    let command = raw
        .command
        .as_ref()
        .map(|c| command(&block, c))
        .transpose()?;
    let hand = hand(&block, raw.hand.as_ref())?;
    if contains.is_empty() && hand.is_empty() {
        return Err(source.error_at(
            fence,
            None,
            text!("lesson-claims-nothing"),
            text!("lesson-claims-nothing-hint"),
        ));
    }
    if let (Some(written), true) = (&raw.command, contains.is_empty()) {
        return Err(block.error_at(
            written,
            text!("lesson-claims-command-unused"),
            text!("lesson-claims-command-unused-hint"),
        ));
    }
    if !contains.is_empty() && command.is_none() && !after_commands {
        return Err(source.error_at(
            fence,
            None,
            text!("lesson-claims-no-command"),
            text!("lesson-claims-no-command-hint"),
        ));
    }
    Ok(Claims {
        line: fence,
        contains,
        command,
        hand,
    })
}

/// The texts the output must contain, none empty.
fn contains(
    block: &TomlBlock,
    written: Option<&Spanned<Vec<Spanned<String>>>>,
) -> Result<Vec<Quoted>, Error> {
    let Some(written) = written else {
        return Ok(Vec::new());
    };
    written
        .get_ref()
        .iter()
        .enumerate()
        .map(|(k, text)| {
            let what = text!("lesson-part-claim", number = k + 1);
            Ok(Quoted {
                line: block.line_of(text.span().start),
                text: block.prose(text, "contains", what)?,
            })
        })
        .collect()
}

/// The command run for the check only, split into words as a stepgrad
/// block's lines are (`stepgrad` first is optional).
fn command(block: &TomlBlock, written: &Spanned<String>) -> Result<CommandLine, Error> {
    let raw = written.get_ref();
    let (text, args) = command_words(raw).map_err(|trouble| match trouble {
        NotACommand::UnclosedQuote(at) => {
            let at = at + (raw.len() - raw.trim_start().len());
            block.error(
                block.span_inside(written, &(at..at + 1)),
                text!("lesson-quote-open"),
                text!("lesson-quote-open-hint"),
            )
        }
        NotACommand::Empty => block.error_at(
            written,
            text!("lesson-no-command"),
            text!("lesson-no-command-hint"),
        ),
    })?;
    Ok(CommandLine {
        line: block.line_of(written.span().start),
        text,
        args,
    })
}

/// The numbers worked out by hand, each a decimal number with arithmetic
/// of numbers only that has a value.
fn hand(
    block: &TomlBlock,
    written: Option<&Spanned<BTreeMap<Spanned<String>, Spanned<String>>>>,
) -> Result<Vec<HandClaim>, Error> {
    let Some(written) = written else {
        return Ok(Vec::new());
    };
    let mut claims = Vec::new();
    for (number, arithmetic) in written.get_ref() {
        let quoted = number.get_ref().trim();
        if super::claims::significant_digits(quoted).is_none() {
            return Err(block.error_at(
                number,
                text!("lesson-hand-not-a-number", number = quoted),
                text!("lesson-for-example", example = text!("lesson-example-hand")),
            ));
        }
        let expression = arithmetic.get_ref().trim();
        claims.push(HandClaim {
            line: block.line_of(number.span().start),
            number: quoted.to_string(),
            arithmetic: expression.to_string(),
            value: worked_out(block, arithmetic)?,
        });
    }
    claims.sort_by_key(|claim| claim.line);
    Ok(claims)
}

/// The value of the arithmetic written in `arithmetic`.
fn worked_out(block: &TomlBlock, arithmetic: &Spanned<String>) -> Result<f64, Error> {
    let expression = arithmetic.get_ref().trim();
    let mut graph = Graph::new();
    let root = parse(&mut graph, expression).map_err(|e| {
        block.error(
            block.span_inside(arithmetic, &e.span),
            text!(
                "lesson-hand-unreadable",
                problem = Text::in_each_language(|lang| e.message(lang))
            ),
            Text::in_each_language(|lang| {
                e.hint(lang)
                    .unwrap_or_else(|| message(lang, "lesson-hand-unreadable-hint", &[]))
            }),
        )
    })?;
    if let Some(variable) = graph.variables(root).first() {
        return Err(block.error_at(
            arithmetic,
            text!(
                "lesson-hand-variable",
                arithmetic = expression,
                variable = variable.as_str()
            ),
            text!("lesson-hand-unreadable-hint"),
        ));
    }
    evaluate(&graph, root, &Point::default()).map_err(|e| {
        block.error_at(
            arithmetic,
            text!(
                "lesson-hand-no-value",
                arithmetic = expression,
                reason = e.text()
            ),
            text!("lesson-hand-unreadable-hint"),
        )
    })
}
