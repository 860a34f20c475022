//! Rendering results for people and programs: terminal text, Markdown,
//! LaTeX and JSON.
//!
//! Each command has a report struct (built by the command line from library
//! results) and one render function per format in a submodule named after
//! the command. This module holds what they share: the formats, styling,
//! number formatting, escaping and table builders.
//!
//! Invariant: nothing here computes mathematics; it only writes down values
//! and expressions it is given.

pub mod check;
pub mod diff;
pub mod doc;
pub mod graph;
pub mod minimize;
pub mod net;
pub mod train;

use crate::history::Gap;
use crate::i18n::Lang;
use crate::number::format_significant;
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
}

impl Style {
    pub fn plain(digits: usize) -> Style {
        Style {
            color: false,
            digits,
            lang: Lang::En,
            prime: false,
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

/// Escapes text for LaTeX's text mode. Symbols that pdflatex's text fonts
/// lack (→, ×, ‖, Greek letters, …) become math, one `$…$` for a run of
/// them.
pub fn latex_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut math_run = false;
    for c in text.chars() {
        if let Some(command) = latex_symbol(c) {
            if math_run {
                out.pop();
            } else {
                out.push('$');
            }
            out.push_str(command);
            out.push('$');
            math_run = true;
            continue;
        }
        math_run = false;
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '&' | '%' | '$' | '#' | '_' | '{' | '}' => {
                out.push('\\');
                out.push(c);
            }
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            '<' => out.push_str("\\textless{}"),
            '>' => out.push_str("\\textgreater{}"),
            '—' => out.push_str("---"),
            '–' | '−' => out.push_str("--"),
            '…' => out.push_str("\\ldots{}"),
            '\u{a0}' => out.push('~'),
            _ => out.push(c),
        }
    }
    out
}

/// The math-mode command for a symbol that pdflatex's text fonts lack.
fn latex_symbol(c: char) -> Option<&'static str> {
    Some(match c {
        '→' => "\\to",
        '←' => "\\leftarrow",
        '×' => "\\times",
        '÷' => "\\div",
        '±' => "\\pm",
        '·' => "\\cdot",
        '≤' => "\\le",
        '≥' => "\\ge",
        '≠' => "\\ne",
        '≈' => "\\approx",
        '∞' => "\\infty",
        '‖' => "\\Vert",
        '∇' => "\\nabla",
        '∂' => "\\partial",
        '√' => "\\surd",
        'Σ' => "\\Sigma",
        'Π' => "\\Pi",
        'Δ' => "\\Delta",
        'α' => "\\alpha",
        'β' => "\\beta",
        'γ' => "\\gamma",
        'δ' => "\\delta",
        'ε' => "\\varepsilon",
        'η' => "\\eta",
        'θ' => "\\theta",
        'λ' => "\\lambda",
        'μ' => "\\mu",
        'ρ' => "\\rho",
        'σ' => "\\sigma",
        'τ' => "\\tau",
        '½' => "\\tfrac{1}{2}",
        '²' => "^2",
        '³' => "^3",
        '¹' => "^1",
        '⁰' => "^0",
        '⁻' => "^-",
        'ᵀ' => "^T",
        '₀' => "_0",
        '₁' => "_1",
        '₂' => "_2",
        '₃' => "_3",
        'ₖ' => "_k",
        'ᵢ' => "_i",
        '⁺' => "^+",
        _ => return None,
    })
}

/// Escapes text for a Markdown table cell or paragraph (outside math).
pub fn markdown_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '|' | '*' | '_' | '`' | '\\' | '$' | '<' | '>' | '[' | ']'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The headers in `lang`.
fn translated<'a>(lang: Lang, header: &[&'a str]) -> Vec<&'a str> {
    header
        .iter()
        .map(|h| crate::i18n::header(lang, h))
        .collect()
}

/// A GitHub-flavoured Markdown table (headers in `lang`).
pub fn markdown_table(lang: Lang, header: &[&str], rows: &[Vec<String>]) -> String {
    let header = translated(lang, header);
    let mut out = format!("| {} |\n", header.join(" | "));
    out.push_str(&format!(
        "|{}\n",
        header.iter().map(|_| "---|").collect::<String>()
    ));
    for row in rows {
        out.push_str(&format!("| {} |\n", row.join(" | ")));
    }
    out
}

/// A LaTeX `tabular` with a rule under the header (headers in `lang`).
pub fn latex_table(lang: Lang, header: &[&str], rows: &[Vec<String>]) -> String {
    let header = translated(lang, header);
    let columns = "l".repeat(header.len());
    let mut out = format!(
        "\\begin{{tabular}}{{{columns}}}\n\\hline\n{} \\\\\n\\hline\n",
        header.join(" & ")
    );
    for row in rows {
        out.push_str(&format!("{} \\\\\n", row.join(" & ")));
    }
    out.push_str("\\hline\n\\end{tabular}\n");
    out
}

/// A terminal table with box-drawing borders (headers in `lang`).
pub fn text_table(lang: Lang, header: &[&str], rows: &[Vec<String>]) -> String {
    use comfy_table::{presets::UTF8_FULL_CONDENSED, ContentArrangement, Table};
    let mut table = Table::new();
    table
        .load_style(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Disabled)
        .set_header(translated(lang, header));
    for row in rows {
        table.add_row(row.clone());
    }
    format!("{table}\n")
}

/// Tree prefixes for items at the given depths, read in order: `├─ `,
/// `└─ ` and `│  ` as in a file tree. Returns, for each item, the prefix of
/// its first line and the prefix for continuation lines.
pub fn tree_prefixes(depths: &[usize]) -> Vec<(String, String)> {
    let n = depths.len();
    // is_last[i]: no later sibling at the same depth before the parent ends.
    let mut is_last = vec![true; n];
    for i in 0..n {
        for &d in &depths[i + 1..] {
            if d < depths[i] {
                break;
            }
            if d == depths[i] {
                is_last[i] = false;
                break;
            }
        }
    }
    let mut open: Vec<bool> = Vec::new();
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let d = depths[i];
        open.truncate(d);
        let mut first = String::new();
        let mut rest = String::new();
        for (level, &continues) in open.iter().enumerate().skip(1) {
            let _ = level;
            let piece = if continues { "│  " } else { "   " };
            first.push_str(piece);
            rest.push_str(piece);
        }
        if d > 0 {
            first.push_str(if is_last[i] { "└─ " } else { "├─ " });
            rest.push_str(if is_last[i] { "   " } else { "│  " });
        }
        let has_children = depths.get(i + 1).is_some_and(|&next| next > d);
        rest.push_str(if has_children { "│  " } else { "   " });
        while open.len() < d {
            open.push(false);
        }
        open.push(!is_last[i]);
        out.push((first, rest));
    }
    out
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes() {
        assert_eq!(latex_text("net_h1 50% & more"), "net\\_h1 50\\% \\& more");
        assert_eq!(markdown_text("a|b_c"), "a\\|b\\_c");
    }

    #[test]
    fn tree() {
        let p = tree_prefixes(&[0, 1, 2, 2, 1]);
        let firsts: Vec<&str> = p.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(firsts, vec!["", "├─ ", "│  ├─ ", "│  └─ ", "└─ "]);
    }
}
