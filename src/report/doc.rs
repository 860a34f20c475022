//! A small document model for reports: headings, paragraphs mixing text
//! and math, tables, and aligned chains of equations. A report is built
//! once as `Block`s and written as terminal text, Markdown or LaTeX by the
//! three renderers here, so the formats cannot drift apart.
//!
//! Invariant: math is carried in two forms (Unicode for the terminal, LaTeX
//! for notes) and text is escaped by the renderer, never by the builder.

use super::{latex_table, latex_text, markdown_table, markdown_text, text_table, Style};
use crate::i18n::Lang;

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
    /// Text to stress (a result, a verdict).
    Strong(String),
}

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

#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    Heading {
        level: u8,
        text: Vec<Span>,
    },
    Paragraph(Vec<Span>),
    Table {
        header: Vec<Cell>,
        rows: Vec<Vec<Cell>>,
    },
    /// Equations aligned at their first `=`, with continuation lines.
    Equations(Vec<Chain>),
    /// Text drawn character by character (a terminal plot); written as a
    /// code block in Markdown and left out of LaTeX.
    Preformatted(String),
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
        super::Format::Markdown => markdown(blocks, style.lang),
        super::Format::Latex => latex(blocks, style.lang),
        _ => terminal(blocks, style),
    }
}

fn spans_text(spans: &[Span], style: &Style) -> String {
    spans
        .iter()
        .map(|s| match s {
            Span::Text(t) => t.clone(),
            Span::Math(m) => m.unicode.clone(),
            Span::Strong(t) => style.result(t),
        })
        .collect()
}

fn terminal(blocks: &[Block], style: &Style) -> String {
    let mut out = String::new();
    for (i, block) in blocks.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        match block {
            Block::Heading { level, text } => {
                let t = spans_text(
                    text,
                    &Style {
                        color: false,
                        ..*style
                    },
                );
                let line = match level {
                    1 => format!("{t}\n{}", "═".repeat(t.chars().count().min(78))),
                    2 => format!(
                        "━━ {t} {}",
                        "━".repeat(72usize.saturating_sub(t.chars().count()))
                    ),
                    _ => t,
                };
                out.push_str(&style.heading(&line));
                out.push('\n');
            }
            Block::Paragraph(spans) => {
                // Math is kept on one line: its spaces do not break.
                let joined: String = spans
                    .iter()
                    .map(|s| match s {
                        Span::Math(m) => m.unicode.replace(' ', "\u{a0}"),
                        other => spans_text(std::slice::from_ref(other), style),
                    })
                    .collect();
                out.push_str(&wrap(&joined, 78).replace('\u{a0}', " "));
                out.push('\n');
            }
            Block::Table { header, rows } => {
                let plain = Style {
                    color: false,
                    ..*style
                };
                let header: Vec<String> = header.iter().map(|c| spans_text(c, &plain)).collect();
                let refs: Vec<&str> = header.iter().map(String::as_str).collect();
                let rows: Vec<Vec<String>> = rows
                    .iter()
                    .map(|r| r.iter().map(|c| spans_text(c, &plain)).collect())
                    .collect();
                out.push_str(&text_table(style.lang, &refs, &rows));
            }
            Block::Preformatted(t) => {
                out.push_str(t);
                if !t.ends_with('\n') {
                    out.push('\n');
                }
            }
            Block::Equations(chains) => {
                for chain in chains {
                    let lhs = format!("  {}", chain.lhs.unicode);
                    let indent = " ".repeat(lhs.chars().count());
                    for (k, r) in chain.rhs.iter().enumerate() {
                        if k == 0 {
                            out.push_str(&format!("{lhs} = {}", r.unicode));
                        } else {
                            out.push_str(&format!("\n{indent} = {}", r.unicode));
                        }
                    }
                    if chain.rhs.is_empty() {
                        out.push_str(&lhs);
                    }
                    if let Some(note) = &chain.note {
                        out.push_str(&format!("   {}", style.dim(&format!("({note})"))));
                    }
                    out.push('\n');
                }
            }
        }
    }
    out
}

/// Wraps `text` at spaces to lines of at most `width` columns; each line
/// of the input is wrapped on its own.
pub(crate) fn wrap(text: &str, width: usize) -> String {
    text.split('\n')
        .map(|line| crate::wrap::wrap_columns(line, width, "", "", crate::wrap::columns))
        .collect::<String>()
        .trim_end_matches('\n')
        .to_string()
}

fn spans_markdown(spans: &[Span]) -> String {
    spans
        .iter()
        .map(|s| match s {
            Span::Text(t) => markdown_text(t),
            Span::Math(m) => format!("${}$", m.latex),
            Span::Strong(t) => format!("**{}**", markdown_text(t)),
        })
        .collect()
}

fn markdown(blocks: &[Block], lang: Lang) -> String {
    let mut out = String::new();
    for block in blocks {
        match block {
            Block::Heading { level, text } => {
                out.push_str(&format!(
                    "{} {}\n\n",
                    "#".repeat(usize::from(*level) + 1),
                    spans_markdown(text)
                ));
            }
            Block::Paragraph(spans) => out.push_str(&format!("{}\n\n", spans_markdown(spans))),
            Block::Table { header, rows } => {
                let header: Vec<String> = header.iter().map(|c| spans_markdown(c)).collect();
                let refs: Vec<&str> = header.iter().map(String::as_str).collect();
                let rows: Vec<Vec<String>> = rows
                    .iter()
                    .map(|r| r.iter().map(|c| spans_markdown(c)).collect())
                    .collect();
                out.push_str(&markdown_table(lang, &refs, &rows));
                out.push('\n');
            }
            Block::Preformatted(t) => out.push_str(&format!("```text\n{}\n```\n\n", t.trim_end())),
            Block::Equations(chains) => {
                out.push_str("$$\n\\begin{aligned}\n");
                out.push_str(&aligned_lines(chains));
                out.push_str("\n\\end{aligned}\n$$\n\n");
            }
        }
    }
    out
}

/// The lines of an `aligned`/`align*` environment for chains of equations.
fn aligned_lines(chains: &[Chain]) -> String {
    let mut lines = Vec::new();
    for chain in chains {
        for (k, r) in chain.rhs.iter().enumerate() {
            let lhs = if k == 0 { chain.lhs.latex.as_str() } else { "" };
            let mut line = format!("{lhs} &= {}", r.latex);
            if k + 1 == chain.rhs.len() {
                if let Some(note) = &chain.note {
                    line.push_str(&format!(" && \\text{{{}}}", latex_text(note)));
                }
            }
            lines.push(line);
        }
    }
    lines.join(" \\\\\n")
}

fn spans_latex(spans: &[Span]) -> String {
    spans
        .iter()
        .map(|s| match s {
            Span::Text(t) => latex_text(t),
            Span::Math(m) => format!("${}$", m.latex),
            Span::Strong(t) => format!("\\textbf{{{}}}", latex_text(t)),
        })
        .collect()
}

fn latex(blocks: &[Block], lang: Lang) -> String {
    let mut out = String::new();
    for block in blocks {
        match block {
            Block::Heading { level, text } => {
                let command = match level {
                    1 => "section*",
                    2 => "subsection*",
                    _ => "subsubsection*",
                };
                out.push_str(&format!("\\{command}{{{}}}\n", spans_latex(text)));
            }
            Block::Paragraph(spans) => out.push_str(&format!("{}\n\n", spans_latex(spans))),
            Block::Table { header, rows } => {
                let header: Vec<String> = header.iter().map(|c| spans_latex(c)).collect();
                let refs: Vec<&str> = header.iter().map(String::as_str).collect();
                let rows: Vec<Vec<String>> = rows
                    .iter()
                    .map(|r| r.iter().map(|c| spans_latex(c)).collect())
                    .collect();
                out.push_str(&latex_table(lang, &refs, &rows));
                out.push('\n');
            }
            Block::Preformatted(_) => {}
            Block::Equations(chains) => {
                out.push_str("\\begin{align*}\n");
                out.push_str(&aligned_lines(chains));
                out.push_str("\n\\end{align*}\n");
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Format;

    fn sample() -> Vec<Block> {
        vec![
            Block::Heading {
                level: 2,
                text: vec![text("Step 1")],
            },
            Block::Paragraph(vec![
                text("Loss "),
                math("E = ½", "E = \\frac{1}{2}"),
                text(" & 50%"),
            ]),
            Block::Equations(vec![Chain {
                lhs: Math::new("∂E/∂w", "\\frac{\\partial E}{\\partial w}"),
                rhs: vec![Math::new("a·b", "a b"), Math::number("0.5")],
                note: Some("Chain rule".into()),
            }]),
        ]
    }

    #[test]
    fn three_renderings() {
        let style = Style::plain(6);
        let t = render(&sample(), Format::Text, &style);
        assert!(
            t.contains("  ∂E/∂w = a·b\n        = 0.5   (Chain rule)"),
            "{t}"
        );
        let m = render(&sample(), Format::Markdown, &style);
        assert!(
            m.contains("### Step 1") && m.contains("$E = \\frac{1}{2}$ & 50%"),
            "{m}"
        );
        assert!(
            m.contains(
                "\\frac{\\partial E}{\\partial w} &= a b \\\\\n &= 0.5 && \\text{Chain rule}"
            ),
            "{m}"
        );
        let l = render(&sample(), Format::Latex, &style);
        assert!(
            l.contains("\\subsection*{Step 1}") && l.contains("\\& 50\\%"),
            "{l}"
        );
    }
}
