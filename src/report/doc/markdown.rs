//! Markdown (GitHub-flavoured, math for KaTeX between `$…$` and `$$…$$`):
//! every block followed by a blank line, tables as pipe tables, a
//! derivation as a nested numbered list.

use super::notes::{shared_body, NotesFormat};
use super::{
    latex::aligned_lines, translated, visible, Block, Definition, DerivationStep, Medium, Span,
};
use crate::i18n::Lang;

pub(super) fn document(blocks: &[Block], lang: Lang) -> String {
    let blocks = visible(blocks, Medium::Markdown);
    let mut out = String::new();
    for (i, block) in blocks.iter().enumerate() {
        out.push_str(&body(block, lang));
        let ends_group = matches!(block, Block::Group(_)) && i + 1 == blocks.len();
        if !ends_group {
            out.push('\n');
        }
    }
    out
}

/// A block's Markdown, ending with one newline.
fn body(block: &Block, lang: Lang) -> String {
    if let Some(shared) = shared_body(&Markdown { lang }, block) {
        return shared;
    }
    match block {
        Block::Heading { level, text } | Block::ReportHeading { level, text, .. } => format!(
            "{} {}\n",
            "#".repeat(usize::from(*level) + 1),
            spans_markdown(text)
        ),
        Block::Equations(chains) => format!(
            "$$\n\\begin{{aligned}}\n{}\n\\end{{aligned}}\n$$\n",
            aligned_lines(chains)
        ),
        Block::Display(m) => format!("$${}$$\n", m.latex),
        Block::Derivation(steps) => steps.iter().map(|s| derivation_item(s, lang)).collect(),
        Block::Definitions(definitions) => definitions.iter().map(definition_item).collect(),
        Block::Preformatted(t) => format!("```text\n{}\n```\n", t.trim_end()),
        // Written by `shared_body`.
        Block::Paragraph(_)
        | Block::Lines { .. }
        | Block::Table { .. }
        | Block::TreeTable { .. }
        | Block::Values { .. } => String::new(),
        Block::Group(blocks) | Block::Only(_, blocks) => visible(blocks, Medium::Markdown)
            .into_iter()
            .map(|b| body(b, lang))
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

/// Markdown's spans, tables and indents.
struct Markdown {
    lang: Lang,
}

impl NotesFormat for Markdown {
    fn spans(&self, spans: &[Span]) -> String {
        spans_markdown(spans)
    }

    fn table(&self, header: &[&str], rows: &[Vec<String>]) -> String {
        markdown_table(self.lang, header, rows)
    }

    /// Em spaces, one a level.
    fn indent(&self, depth: usize) -> String {
        "&emsp;".repeat(depth)
    }
}

/// `1. **Rule** $\;formula$: $lhs = rhs$`, indented three spaces a level.
fn derivation_item(step: &DerivationStep, lang: Lang) -> String {
    let mut line = format!(
        "{}1. **{}** $\\;{}$: ${} = {}$",
        "   ".repeat(step.depth),
        markdown_text(&step.rule),
        step.formula.latex,
        step.lhs.latex,
        step.rhs.latex
    );
    if let Some(inner) = &step.inner {
        let with = crate::msg!(
            lang,
            "doc-inner-function-notes",
            function = format!("${} = {}$", inner.name.latex, inner.function.latex),
            derivative = format!(
                "${} = {}$",
                inner.derivative_name.latex, inner.derivative.latex
            ),
        );
        line.push_str(&format!(", {with}"));
    }
    if let Some(remark) = &step.remark {
        line.push_str(&format!(" ({})", markdown_text(remark)));
    }
    line.push('\n');
    line
}

fn definition_item(definition: &Definition) -> String {
    format!(
        "- **{}**: {}\n",
        markdown_text(&definition.term),
        spans_markdown(&definition.meaning)
    )
}

fn spans_markdown(spans: &[Span]) -> String {
    spans
        .iter()
        .map(|s| match s {
            Span::Text(t) => markdown_text(t),
            Span::Math(m) => format!("${}$", m.latex),
            Span::Display(m) => format!("$${}$$", m.latex),
            Span::Strong(t) | Span::Alert(t) => format!("**{}**", markdown_text(t)),
            Span::NoValue => super::NO_VALUE.to_string(),
        })
        .collect()
}

/// Escapes text for a Markdown table cell or paragraph (outside math).
pub(super) fn markdown_text(text: &str) -> String {
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

/// A GitHub-flavoured Markdown table (headers in `lang`).
fn markdown_table(lang: Lang, header: &[&str], rows: &[Vec<String>]) -> String {
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
