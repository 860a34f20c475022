//! Rendering results for people and programs: terminal text, Markdown,
//! LaTeX and JSON.
//!
//! Each command has a report struct (built by the command line from library
//! results) and a submodule named after the command that builds its
//! document in the model of `doc` (which writes text, Markdown and LaTeX)
//! and its JSON from the report's data. This module holds what they share:
//! the formats and styling (colour, significant digits, notation).
//!
//! Invariant: nothing here computes mathematics; it only writes down values
//! and expressions it is given.

pub mod check;
pub mod diff;
pub mod doc;
pub mod epochs;
pub mod gradcheck;
pub mod graph;
pub mod json;
pub mod metrics;
pub mod minimize;
pub mod net;
pub mod net_check;
pub mod net_diagram;
pub mod practice;
pub mod predict;
pub mod reading;
mod terminal_chart;
pub mod terminal_contour;
pub mod train;
pub mod train_compare;
mod train_plot;

use crate::i18n::Lang;
use crate::number::format_significant;
use crate::optim::Gap;
use serde::Serialize;
use serde_json::{json, Value};

/// An output format.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Text,
    Markdown,
    Latex,
    Json,
    Csv,
    Dot,
}

impl Format {
    /// Every format, in the order the help lists them.
    pub const ALL: [Format; 6] = [
        Format::Text,
        Format::Markdown,
        Format::Latex,
        Format::Json,
        Format::Csv,
        Format::Dot,
    ];

    /// The formats of the commands that write tables and derivations:
    /// every one but the graph's `dot`.
    pub const ALL_BUT_DOT: [Format; 5] = [
        Format::Text,
        Format::Markdown,
        Format::Latex,
        Format::Json,
        Format::Csv,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Latex => "latex",
            Format::Json => "json",
            Format::Csv => "csv",
            Format::Dot => "dot",
        }
    }
}

/// How to write: colour on or off, and how many significant digits.
#[derive(Clone, Copy, Debug)]
pub struct Style {
    pub color: bool,
    pub digits: usize,
    /// The language of table headers.
    pub lang: Lang,
    /// Derivatives of one variable in prime notation, f′ and (u·v)′,
    /// rather than Leibniz's d/dx.
    pub prime: bool,
    /// The width text output must fit, in terminal columns, when the
    /// command line knows it (the terminal's, or `COLUMNS`); `None` keeps
    /// the natural width.
    pub width: Option<usize>,
}

/// The width of a braille plot in dots (two a column): `natural`, or less
/// so that the plot and its axis labels (up to 14 columns) fit `width`.
pub(crate) fn plot_dots(width: Option<usize>, natural: u32) -> u32 {
    width.map_or(natural, |w| {
        let columns = u32::try_from(w.saturating_sub(14)).unwrap_or(u32::MAX);
        (2 * columns).clamp(32, natural)
    })
}

impl Style {
    pub fn plain(digits: usize) -> Style {
        Style {
            color: false,
            digits,
            lang: Lang::En,
            prime: false,
            width: None,
        }
    }

    /// A number with the configured significant digits (Unicode minus in
    /// terminal text is left to the caller).
    pub fn num(&self, x: f64) -> String {
        format_significant(x, self.digits)
    }

    fn paint(&self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }

    /// A heading line.
    pub fn heading(&self, text: &str) -> String {
        self.paint("1", text)
    }

    /// The name of a rule.
    pub fn rule(&self, text: &str) -> String {
        self.paint("36", text)
    }

    /// A final result.
    pub fn result(&self, text: &str) -> String {
        self.paint("1;32", text)
    }

    /// A verdict that something is wrong.
    pub fn bad(&self, text: &str) -> String {
        self.paint("1;31", text)
    }

    /// Secondary text.
    pub fn dim(&self, text: &str) -> String {
        self.paint("2", text)
    }
}

/// A point as math: `x = 1.5, y = 2`, in LaTeX `x = 1.5,\ y = 2`.
fn point(point: &crate::expr::Point, style: &Style) -> doc::Math {
    let (unicode, latex): (Vec<String>, Vec<String>) = point
        .values
        .iter()
        .map(|(n, v)| {
            let v = style.num(*v);
            (
                format!("{n} = {v}"),
                format!("{} = {v}", crate::expr::latex_name(n)),
            )
        })
        .unzip();
    doc::Math::new(unicode.join(", "), latex.join(",\\ "))
}

/// The first half and the last half of `items` when there are more than
/// `limit`, with the gap between them.
pub fn first_and_last<T: Copy>(items: &[T], limit: usize) -> (Vec<T>, Option<Gap>) {
    if items.len() <= limit {
        return (items.to_vec(), None);
    }
    let head = limit.div_ceil(2);
    let tail = limit - head;
    let mut kept = items[..head].to_vec();
    kept.extend_from_slice(&items[items.len() - tail..]);
    (
        kept,
        Some(Gap {
            at: head,
            count: items.len() - limit,
        }),
    )
}

/// `{"from", "to", "count"}`: the records numbered `from` to `to` that a
/// long run did not keep (docs/json.md).
pub fn left_out_json<T>(kept: &[T], gap: Gap, number: impl Fn(&T) -> usize) -> Value {
    let from = number(&kept[gap.at - 1]) + 1;
    json!({"from": from, "to": from + gap.count - 1, "count": gap.count})
}
