//! The document model every report is built in: headings, paragraphs
//! mixing text and math, tables, aligned chains of equations, derivation
//! trees, definition lists and labelled values. A report is built once as
//! `Block`s and written as terminal text, Markdown or LaTeX by the three
//! renderers of this module (`terminal`, `markdown`, `latex`), so the
//! formats cannot drift apart; where a format tells something its own way
//! (the terminal gathers the results under one heading, notes show each
//! after its derivation), the report marks the blocks with `Block::Only`.
//!
//! Invariant: math is carried in two forms (Unicode for the terminal, LaTeX
//! for notes) and text is escaped by the renderer, never by the builder.

mod latex;
mod latex_align;
mod latex_math;
mod latex_text;
mod markdown;
mod message;
mod notes;
mod terminal;
#[cfg(test)]
mod tests;

use super::Style;
pub use latex_text::latex_text;
pub use message::{message_spans, message_text, plain, Part};

/// A piece of math in both notations.
#[derive(Clone, Debug, PartialEq)]
pub struct Math {
    pub unicode: String,
    pub latex: String,
}

impl Math {
    pub fn new(unicode: impl Into<String>, latex: impl Into<String>) -> Math {
        Math {
            unicode: unicode.into(),
            latex: latex.into(),
        }
    }

    /// The pieces written one after another with a separator in each
    /// notation: a product `a · b`, a sum `a + b`.
    pub fn join(items: &[Math], unicode: &str, latex: &str) -> Math {
        Math {
            unicode: items
                .iter()
                .map(|m| m.unicode.as_str())
                .collect::<Vec<_>>()
                .join(unicode),
            latex: items
                .iter()
                .map(|m| m.latex.as_str())
                .collect::<Vec<_>>()
                .join(latex),
        }
    }

    /// A number, written the same in both.
    pub fn number(text: impl Into<String>) -> Math {
        let text = text.into();
        let latex = match text.split_once('e') {
            Some((m, e)) => format!(
                "{m} \\times 10^{{{}}}",
                e.trim_start_matches('+').parse::<i32>().unwrap_or(0)
            ),
            None => text.clone(),
        };
        Math {
            unicode: text,
            latex,
        }
    }
}

/// Inline content: text or math.
#[derive(Clone, Debug, PartialEq)]
pub enum Span {
    Text(String),
    Math(Math),
    /// Text to stress (a result, a verdict that something is right).
    Strong(String),
    /// Text that warns (a verdict that something is wrong): red in the
    /// terminal, bold in notes.
    Alert(String),
    /// Math set on a line of its own inside a paragraph (`$$…$$`, `\[…\]`).
    Display(Math),
    /// The place of a value there is none of: a dash, in every format.
    NoValue,
}

/// How `Span::NoValue` is written.
pub const NO_VALUE: &str = "—";

/// A table cell.
pub type Cell = Vec<Span>;

/// One line of an aligned chain `lhs = r₁ = r₂ = …`.
#[derive(Clone, Debug, PartialEq)]
pub struct Chain {
    pub lhs: Math,
    pub rhs: Vec<Math>,
    /// A short note after the chain (a rule's name).
    pub note: Option<String>,
}

/// One step of a derivation: a rule applied, `lhs = rhs`, at a depth in
/// the tree of steps (its parts' steps follow it one level deeper).
#[derive(Clone, Debug, PartialEq)]
pub struct DerivationStep {
    pub depth: usize,
    /// The rule's name: "Product rule".
    pub rule: String,
    /// The rule's formula, shown beside its name in Markdown.
    pub formula: Math,
    pub lhs: Math,
    pub rhs: Math,
    /// For a chain rule: the inner function and its derivative.
    pub inner: Option<InnerFunction>,
    /// A remark after the equation ("derived above"); LaTeX's column of
    /// rule names leaves it out.
    pub remark: Option<String>,
}

/// The inner function u = g(x) of a chain rule and its derivative.
#[derive(Clone, Debug, PartialEq)]
pub struct InnerFunction {
    /// u
    pub name: Math,
    /// g(x)
    pub function: Math,
    /// du/dx
    pub derivative_name: Math,
    /// g′(x)
    pub derivative: Math,
}

/// A term and what it means (a rule and its formula).
#[derive(Clone, Debug, PartialEq)]
pub struct Definition {
    pub term: String,
    pub meaning: Vec<Span>,
}

/// A row of a tree table: its first cell is indented by `depth`.
#[derive(Clone, Debug, PartialEq)]
pub struct TreeRow {
    pub depth: usize,
    pub cells: Vec<Cell>,
}

/// How LaTeX sets a `Block::ReportHeading`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum LatexHeading {
    /// `\subsection*{…}`
    Subsection,
    /// A run-in `\paragraph{….}`: the text goes on after it.
    RunIn,
}

/// Which renderings show a `Block::Only`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Shown {
    Terminal,
    /// Markdown and LaTeX.
    Notes,
    Markdown,
    Latex,
}

/// A rendering.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Medium {
    Terminal,
    Markdown,
    Latex,
}

impl Shown {
    fn includes(self, medium: Medium) -> bool {
        matches!(
            (self, medium),
            (Shown::Terminal, Medium::Terminal)
                | (Shown::Notes, Medium::Markdown | Medium::Latex)
                | (Shown::Markdown, Medium::Markdown)
                | (Shown::Latex, Medium::Latex)
        )
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    Heading {
        level: u8,
        text: Vec<Span>,
    },
    /// A heading in the report of one problem (`diff`, `check`, `graph`),
    /// which is one part of a larger set of notes: Markdown gives it
    /// `level` as `Heading` does, LaTeX sets it as `latex` says, and the
    /// terminal writes it as a plain line in bold.
    ReportHeading {
        level: u8,
        latex: LatexHeading,
        text: Vec<Span>,
    },
    /// Text wrapped to the width in the terminal.
    Paragraph(Vec<Span>),
    /// Lines kept as they are: in the terminal one a line after `indent`
    /// spaces, never wrapped; in notes each line is a paragraph.
    Lines {
        indent: usize,
        lines: Vec<Vec<Span>>,
    },
    Table {
        header: Vec<Cell>,
        rows: Vec<Vec<Cell>>,
    },
    /// A table whose first column is a tree: the terminal draws the tree's
    /// branches (├─ └─) before each first cell, notes indent it by depth.
    TreeTable {
        header: Vec<Cell>,
        rows: Vec<TreeRow>,
    },
    /// Labelled values (f(x) = 2.24, ∂f/∂x = 3.15): aligned at `=` with the
    /// values stressed in the terminal, a two-column table under `header`
    /// in notes.
    Values {
        header: [String; 2],
        rows: Vec<[Cell; 2]>,
    },
    /// Equations aligned at their first `=`, with continuation lines.
    Equations(Vec<Chain>),
    /// One displayed formula.
    Display(Math),
    /// The steps of a derivation: a tree (├─ └─) in the terminal, a nested
    /// numbered list in Markdown, an `align*` indented by depth in LaTeX.
    Derivation(Vec<DerivationStep>),
    /// Terms and their meanings, the terms aligned in the terminal.
    Definitions(Vec<Definition>),
    /// Text drawn character by character (a terminal plot); written as a
    /// code block in Markdown and left out of LaTeX.
    Preformatted(String),
    /// Blocks read as one unit: in the terminal without blank lines
    /// between them; in notes separated as their kinds need (in LaTeX a
    /// display goes on the paragraph before it), and, when the group ends
    /// the document, without the blank line that would follow its last.
    Group(Vec<Block>),
    /// Blocks that only some renderings show.
    Only(Shown, Vec<Block>),
}

/// Builders for spans.
pub fn text(s: impl Into<String>) -> Span {
    Span::Text(s.into())
}

pub fn math(unicode: impl Into<String>, latex: impl Into<String>) -> Span {
    Span::Math(Math::new(unicode, latex))
}

pub fn strong(s: impl Into<String>) -> Span {
    Span::Strong(s.into())
}

/// A cell holding plain text.
pub fn cell(s: impl Into<String>) -> Cell {
    vec![text(s)]
}

/// A cell holding math.
pub fn math_cell(m: Math) -> Cell {
    vec![Span::Math(m)]
}

/// Writes `blocks` in the given format.
pub fn render(blocks: &[Block], format: super::Format, style: &Style) -> String {
    match format {
        super::Format::Markdown => markdown::document(blocks, style.lang),
        super::Format::Latex => latex::document(blocks, style.lang),
        _ => terminal::document(blocks, style),
    }
}

/// The blocks `medium` shows, in order: `Only` blocks opened or left out,
/// groups with nothing to show left out.
fn visible(blocks: &[Block], medium: Medium) -> Vec<&Block> {
    let mut out = Vec::new();
    for block in blocks {
        match block {
            Block::Only(shown, inner) => {
                if shown.includes(medium) {
                    out.extend(visible(inner, medium));
                }
            }
            Block::Group(inner) if visible(inner, medium).is_empty() => {}
            other => out.push(other),
        }
    }
    out
}

/// The headers in `lang`.
fn translated<'a>(lang: crate::i18n::Lang, header: &[&'a str]) -> Vec<&'a str> {
    header
        .iter()
        .map(|h| crate::i18n::header(lang, h))
        .collect()
}
