//! Prose tied to output: the checks of a lesson's ```` ```claims ````
//! blocks, and the family rule that every number a lesson's prose quotes
//! is claimed.
//!
//! A `contains` text holds when it occurs in the command's plain output,
//! both compared with colour removed, the table borders `│ ┆ ║` read as
//! spaces and every run of white space as one space. A hand-worked number
//! holds when its arithmetic, rounded to the number's significant digits,
//! is the number.
//!
//! `unclaimed_numbers` finds the decimal numbers of 3 or more significant
//! digits in a lesson's prose (its paragraphs, lists, quotations and
//! headings, outside `` `code` ``) that no claims block of the same section
//! covers: a number is covered when a claimed text or hand-worked number
//! holds it, or holds a number with more digits that rounds to it.

use super::document::{Claims, CommandBlock, CommandLine, HandClaim, Item, Lesson};
use super::present::Presenter;
use super::source::Source;
use crate::{text, Error};

/// A number a lesson's prose quotes without a claim covering it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unclaimed {
    /// The section (1-based), 0 for the text before the first section.
    pub section: usize,
    pub title: String,
    /// The number as the prose writes it, without its sign.
    pub number: String,
}

impl Presenter<'_> {
    /// Checks a claims block: its hand-worked numbers, and its texts
    /// against the output of its command or of the stepgrad block
    /// `preceding` it (with that output as plain text, when the page has
    /// it so). A claim that fails is an error at its line.
    pub(super) fn check_claims(
        &self,
        claims: &Claims,
        preceding: Option<&(&CommandBlock, Option<String>)>,
    ) -> Result<(), Error> {
        let source = Source::new(self.path, self.source);
        for claim in &claims.hand {
            if !hand_holds(claim) {
                return Err(source.error_at(
                    claim.line,
                    None,
                    text!(
                        "lesson-hand-wrong",
                        number = claim.number.as_str(),
                        arithmetic = claim.arithmetic.as_str(),
                        value = crate::number::format_significant(claim.value, 10)
                    ),
                    text!("lesson-hand-wrong-hint"),
                ));
            }
        }
        if claims.contains.is_empty() {
            return Ok(());
        }
        let (commands, output): (Vec<&CommandLine>, String) = match (&claims.command, preceding) {
            (Some(command), _) => (vec![command], self.plain_output(command, false)?),
            (None, Some((block, Some(plain)))) => (block.commands.iter().collect(), plain.clone()),
            (None, Some((block, None))) => {
                let mut plain = String::new();
                for command in &block.commands {
                    plain.push_str(&self.plain_output(command, block.expect_error)?);
                }
                (block.commands.iter().collect(), plain)
            }
            // invariant: the reader refuses `contains` with neither a
            // command nor a stepgrad block before it.
            (None, None) => return Ok(()),
        };
        let Some(missing) = first_missing(claims, &output) else {
            return Ok(());
        };
        let line = claims
            .contains
            .iter()
            .find(|quoted| quoted.text == missing)
            .map_or(claims.line, |quoted| quoted.line);
        let command = commands
            .iter()
            .map(|c| format!("stepgrad {}", c.text))
            .collect::<Vec<_>>()
            .join("; ");
        Err(source.error_at(
            line,
            None,
            text!("lesson-claim-missing", text = missing, command = command),
            text!("lesson-claim-missing-hint"),
        ))
    }

    /// What `command` prints as plain text in the lesson's language
    /// (stdout, then stderr); a usage error unless `expect_error`.
    fn plain_output(&self, command: &CommandLine, expect_error: bool) -> Result<String, Error> {
        let mut args = command.args.clone();
        args.extend(["--lang", self.lang.code(), "--color", "never"].map(String::from));
        let output = (self.run)(&args);
        if output.code == 2 && !expect_error {
            return Err(self.command_failed(command.line, &output.stderr));
        }
        Ok(format!("{}\n{}", output.stdout, output.stderr))
    }
}

/// Text as a claim compares it: no colour, table borders as spaces, each
/// run of white space one space, trimmed.
pub(super) fn normalized(text: &str) -> String {
    let plain = without_colour(text);
    let spaced: String = plain
        .chars()
        .map(|c| {
            if matches!(c, '│' | '┆' | '║') {
                ' '
            } else {
                c
            }
        })
        .collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `text` without its ANSI escape sequences (`ESC [ … letter`).
fn without_colour(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' && chars.peek() == Some(&'[') {
            chars.next();
            for d in chars.by_ref() {
                if d.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The first `contains` text of `claims` missing from `output`.
pub(super) fn first_missing<'c>(claims: &'c Claims, output: &str) -> Option<&'c str> {
    let output = normalized(output);
    claims
        .contains
        .iter()
        .find(|quoted| !output.contains(&normalized(&quoted.text)))
        .map(|quoted| quoted.text.as_str())
}

/// Whether the arithmetic of `claim` gives its number at the number's
/// significant digits.
pub(super) fn hand_holds(claim: &HandClaim) -> bool {
    let quoted: f64 = match plain_number(&claim.number).and_then(|n| n.parse().ok()) {
        Some(q) => q,
        None => return false,
    };
    match significant_digits(&claim.number) {
        Some(0) => {
            // Zero written with `decimals` places: the value rounds to it.
            let decimals = claim.number.split('.').nth(1).map_or(0, str::len);
            let half = 0.5 * 10f64.powi(-i32::try_from(decimals).unwrap_or(i32::MAX));
            claim.value.abs() < half
        }
        Some(digits) => rounded(claim.value, digits) == rounded(quoted, digits),
        None => false,
    }
}

/// `value` in scientific notation with `digits` significant digits.
fn rounded(value: f64, digits: usize) -> String {
    format!("{:.*e}", digits.saturating_sub(1), value)
}

/// The number written as Rust reads it: the Unicode minus as `-`, without
/// a leading `+`.
fn plain_number(written: &str) -> Option<String> {
    let written = written.trim();
    let (sign, digits) = match written.chars().next()? {
        '-' | '−' => ("-", written.trim_start_matches(['-', '−'])),
        '+' => ("", &written[1..]),
        _ => ("", written),
    };
    Some(format!("{sign}{digits}"))
}

/// The significant digits of a number written with digits and at most one
/// decimal point, with an optional sign (`-0.0370` has 3); `None` when it
/// is not written so.
pub(super) fn significant_digits(written: &str) -> Option<usize> {
    let unsigned = written.trim().trim_start_matches(['-', '−', '+']);
    let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let digits_only = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if !digits_only(whole) || !digits_only(fraction) || whole.len() + fraction.len() == 0 {
        return None;
    }
    let all: String = format!("{whole}{fraction}");
    Some(all.trim_start_matches('0').len())
}

/// The decimal numbers (with a decimal point) written in `text`, without
/// their signs; a number glued to a name (`w5`, `h1.2`) or part of a
/// dotted section number (`5.7.3`) is not one.
fn decimal_numbers(text: &str) -> Vec<&str> {
    let bytes = text.as_bytes();
    let mut numbers = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        if !bytes[at].is_ascii_digit() {
            at += 1;
            continue;
        }
        let start = at;
        let digits_from = |mut k: usize| {
            while k < bytes.len() && bytes[k].is_ascii_digit() {
                k += 1;
            }
            k
        };
        at = digits_from(at);
        let mut decimal = false;
        if at + 1 < bytes.len() && bytes[at] == b'.' && bytes[at + 1].is_ascii_digit() {
            at = digits_from(at + 1);
            decimal = true;
        }
        let dotted = at + 1 < bytes.len() && bytes[at] == b'.' && bytes[at + 1].is_ascii_digit();
        if dotted {
            // A section number such as 5.7.3: skip it whole.
            while at < bytes.len() && (bytes[at].is_ascii_digit() || bytes[at] == b'.') {
                at += 1;
            }
            continue;
        }
        let glued =
            start > 0 && (bytes[start - 1].is_ascii_alphabetic() || bytes[start - 1] == b'_');
        if decimal && !glued {
            numbers.push(&text[start..at]);
        }
    }
    numbers
}

/// `text` without its `` `code` `` spans.
fn outside_code(text: &str) -> String {
    text.split('`').step_by(2).collect::<Vec<_>>().join(" ")
}

/// The prose of an item, outside code; nothing for blocks.
fn prose(item: &Item) -> Vec<String> {
    match item {
        Item::Heading(t) | Item::Paragraph(t) | Item::Quote(t) => vec![outside_code(t)],
        Item::List { items, .. } => items.iter().map(|i| outside_code(i)).collect(),
        Item::Verbatim(_) | Item::Commands(_) | Item::Exercise(_) | Item::Claims(_) => Vec::new(),
    }
}

/// The numbers the claims among `items` cover: those in their texts and
/// their hand-worked numbers.
fn claimed_numbers(items: &[Item]) -> Vec<String> {
    let mut numbers = Vec::new();
    for item in items {
        if let Item::Claims(claims) = item {
            for quoted in &claims.contains {
                numbers.extend(decimal_numbers(&quoted.text).into_iter().map(String::from));
            }
            for claim in &claims.hand {
                let unsigned = claim.number.trim_start_matches(['-', '−', '+']);
                numbers.push(unsigned.to_string());
            }
        }
    }
    numbers
}

/// Whether `claimed` is `number`, or has more digits and rounds to it.
fn covers(claimed: &str, number: &str) -> bool {
    if claimed == number {
        return true;
    }
    let (Some(digits), Some(more)) = (significant_digits(number), significant_digits(claimed))
    else {
        return false;
    };
    let (Ok(claimed), Ok(number)) = (claimed.parse::<f64>(), number.parse::<f64>()) else {
        return false;
    };
    more > digits && rounded(claimed, digits) == rounded(number, digits)
}

/// The numbers of 3 or more significant digits the lesson's prose quotes
/// that no claims block of their section covers, in the order they stand.
pub fn unclaimed_numbers(lesson: &Lesson) -> Vec<Unclaimed> {
    let parts = std::iter::once((0, "", lesson.intro.as_slice())).chain(
        lesson
            .sections
            .iter()
            .enumerate()
            .map(|(k, s)| (k + 1, s.title.as_str(), s.items.as_slice())),
    );
    let mut unclaimed = Vec::new();
    for (section, title, items) in parts {
        let claimed = claimed_numbers(items);
        for text in items.iter().flat_map(prose) {
            for number in decimal_numbers(&text) {
                let judged = significant_digits(number).is_some_and(|d| d >= 3);
                if judged && !claimed.iter().any(|c| covers(c, number)) {
                    unclaimed.push(Unclaimed {
                        section,
                        title: title.to_string(),
                        number: number.to_string(),
                    });
                }
            }
        }
    }
    unclaimed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_prose() {
        assert_eq!(
            decimal_numbers("f rises 15.21 → 25.99, w5 = 0.4, h1.5, see 5.7.3 and 4.3; 16 steps"),
            ["15.21", "25.99", "0.4", "4.3"]
        );
        assert_eq!(decimal_numbers("−0.1와 0.949로"), ["0.1", "0.949"]);
        assert_eq!(outside_code("a `0.123` b 0.456"), "a   b 0.456");
    }

    #[test]
    fn significant_digits_of_written_numbers() {
        for (written, digits) in [
            ("0.3775", Some(4)),
            ("-0.0370", Some(3)),
            ("−28.6", Some(3)),
            ("100", Some(3)),
            ("0.000", Some(0)),
            ("1e-3", None),
            ("0.1.2", None),
            ("", None),
        ] {
            assert_eq!(significant_digits(written), digits, "{written}");
        }
    }

    #[test]
    fn claims_compare_plain_text() {
        assert_eq!(
            normalized("\x1b[1m│ epoch ┆  0.25 ║\x1b[0m\n  next"),
            "epoch 0.25 next"
        );
    }

    #[test]
    fn hand_worked_numbers_round_to_their_digits() {
        let claim = |number: &str, value: f64| HandClaim {
            line: 1,
            number: number.into(),
            arithmetic: String::new(),
            value,
        };
        // 0.15·0.05 + 0.20·0.10 + 0.35, worked out by hand.
        assert!(hand_holds(&claim("0.3775", 0.3775)));
        assert!(hand_holds(&claim("0.378", 0.3775)));
        assert!(!hand_holds(&claim("0.377", 0.3775)));
        assert!(hand_holds(&claim("−0.1", -0.1)));
        assert!(!hand_holds(&claim("0.1", -0.1)));
        assert!(hand_holds(&claim("0.00", 0.004)));
        assert!(!hand_holds(&claim("0.00", 0.006)));
    }

    #[test]
    fn a_claim_covers_the_numbers_it_rounds_to() {
        assert!(covers("0.298371109", "0.2984"));
        assert!(covers("0.298371109", "0.298371109"));
        assert!(!covers("0.298371109", "0.2983"));
        assert!(!covers("0.2984", "0.298371109"));
    }
}
