//! LaTeX for pdflatex with amsmath: starred sections, `tabular`s with
//! rules, `align*` for chains of equations and derivations. Text outside
//! math is escaped, and symbols the text fonts lack are set as math.

use super::latex_align::{derivation_rows, equation_rows};
use super::latex_math::{width, LINE};
pub(super) use super::latex_text::latex_text;
use super::notes::{shared_body, NotesFormat};
use super::{translated, visible, Block, Chain, Definition, LatexHeading, Medium, Span};
use crate::i18n::Lang;

pub(super) fn document(blocks: &[Block], lang: Lang) -> String {
    let blocks = visible(blocks, Medium::Latex);
    let mut out = String::new();
    for (i, block) in blocks.iter().enumerate() {
        out.push_str(&body(block, lang));
        if ends_paragraph(block) && !(matches!(block, Block::Group(_)) && i + 1 == blocks.len()) {
            out.push('\n');
        }
    }
    out
}

/// Whether a blank line follows a block: after a paragraph, or a group
/// that ends with one.
fn ends_paragraph(block: &Block) -> bool {
    match block {
        Block::Group(blocks) => visible(blocks, Medium::Latex)
            .last()
            .is_some_and(|last| ends_paragraph(last)),
        other => starts_paragraph(other),
    }
}

/// Whether a block is set as a paragraph of its own, with a blank line
/// before it; headings and displays are not (a display goes on the
/// paragraph before it).
fn starts_paragraph(block: &Block) -> bool {
    matches!(
        block,
        Block::Paragraph(_)
            | Block::Lines { .. }
            | Block::Table { .. }
            | Block::TreeTable { .. }
            | Block::Values { .. }
            | Block::Definitions(_)
    )
}

/// A block's LaTeX, ending with one newline (nothing for what LaTeX
/// leaves out).
fn body(block: &Block, lang: Lang) -> String {
    if let Some(shared) = shared_body(&Latex { lang }, block) {
        return shared;
    }
    match block {
        Block::Heading { level, text } => {
            let command = match level {
                1 => "section*",
                2 => "subsection*",
                _ => "subsubsection*",
            };
            format!("\\{command}{{{}}}\n", spans_latex(text))
        }
        Block::ReportHeading { latex, text, .. } => match latex {
            LatexHeading::Subsection => format!("\\subsection*{{{}}}\n", spans_latex(text)),
            LatexHeading::RunIn => format!("\\paragraph{{{}.}}\n", spans_latex(text)),
        },
        Block::Equations(chains) => format!(
            "\\begin{{align*}}\n{}\n\\end{{align*}}\n",
            equation_rows(chains)
        ),
        Block::Display(m) => format!("\\[ {} \\]\n", m.latex),
        Block::Derivation(steps) => format!(
            "\\begin{{align*}}\n{}\n\\end{{align*}}\n",
            derivation_rows(steps)
        ),
        Block::Definitions(definitions) => {
            let items: String = definitions.iter().map(definition_item).collect();
            format!("\\begin{{description}}\n{items}\\end{{description}}\n")
        }
        // Written by `shared_body`; a terminal's drawing is left out.
        Block::Paragraph(_)
        | Block::Lines { .. }
        | Block::Table { .. }
        | Block::TreeTable { .. }
        | Block::Values { .. }
        | Block::Preformatted(_) => String::new(),
        Block::Group(blocks) | Block::Only(_, blocks) => group(blocks, lang),
    }
}

/// A group's blocks, a blank line before each that starts a paragraph
/// (but the first, and one after a heading).
fn group(blocks: &[Block], lang: Lang) -> String {
    let mut out = String::new();
    let mut previous: Option<&Block> = None;
    for block in visible(blocks, Medium::Latex) {
        let after_text = previous
            .is_some_and(|p| !matches!(p, Block::Heading { .. } | Block::ReportHeading { .. }));
        if after_text && starts_paragraph(block) {
            out.push('\n');
        }
        out.push_str(&body(block, lang));
        previous = Some(block);
    }
    out
}

/// LaTeX's spans, tables and indents.
struct Latex {
    lang: Lang,
}

impl NotesFormat for Latex {
    fn spans(&self, spans: &[Span]) -> String {
        spans_latex(spans)
    }

    fn table(&self, header: &[&str], rows: &[Vec<String>]) -> String {
        latex_table(self.lang, header, rows)
    }

    /// An em a level.
    fn indent(&self, depth: usize) -> String {
        format!("\\hspace*{{{depth}em}}")
    }
}

fn definition_item(definition: &Definition) -> String {
    format!(
        "\\item[{}] {}\n",
        latex_text(&definition.term),
        spans_latex(&definition.meaning)
    )
}

/// The lines of an `aligned` environment for chains of equations (in
/// Markdown, for KaTeX).
pub(super) fn aligned_lines(chains: &[Chain]) -> String {
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
            Span::Display(m) => format!("\\[ {} \\]", m.latex),
            Span::Strong(t) | Span::Alert(t) => format!("\\textbf{{{}}}", latex_text(t)),
            // Set as the character: inputenc makes it an em dash.
            Span::NoValue => super::NO_VALUE.to_string(),
        })
        .collect()
}

/// A LaTeX `tabular` with a rule under the header (headers in `lang`).
/// A table wider than the text is split into tables of fewer columns,
/// each repeating the first, set small, and any still too wide is scaled
/// down to the text width.
fn latex_table(lang: Lang, header: &[&str], rows: &[Vec<String>]) -> String {
    let header = translated(lang, header);
    let widths: Vec<f64> = (0..header.len())
        .map(|k| {
            rows.iter()
                .filter_map(|r| r.get(k))
                .map(String::as_str)
                .chain(std::iter::once(header[k]))
                .map(text_width)
                .fold(0.0, f64::max)
                + COLUMN_SEPARATION
        })
        .collect();
    let total: f64 = widths.iter().sum();
    if total <= SURE * LINE {
        return tabular(&header, rows, &(0..header.len()).collect::<Vec<_>>());
    }
    let mut out = String::new();
    for columns in column_groups(&widths, SMALL * LINE) {
        out.push_str("{\\small\\setlength{\\tabcolsep}{4pt}\\noindent\n");
        out.push_str("\\resizebox{\\ifdim\\width>\\linewidth\\linewidth\\else\\width\\fi}{!}{%\n");
        out.push_str(&tabular(&header, rows, &columns));
        out.push_str("}}\n\\par\\medskip\n");
    }
    out
}

/// The share of the line a table estimated to fit may take unscaled (the
/// estimate is rough).
const SURE: f64 = 0.75;
/// How wide a text letter is against a math one.
const TEXT_LETTERS: f64 = 0.85;
/// Space a column takes besides its text (`\tabcolsep` on each side).
const COLUMN_SEPARATION: f64 = 12.0;
/// How much wider a line of `\small` holds than of normal text.
const SMALL: f64 = 1.1;

/// The estimated width of a cell's LaTeX (text and `$…$` math), in points.
fn text_width(cell: &str) -> f64 {
    // Text letters are about as wide as math ones; words in math do not
    // get spaces, so they are counted apart.
    let spaces = cell.matches(' ').count() as f64 * 3.3;
    // A Hangul syllable is about twice as wide as a Latin letter.
    let wide = cell
        .chars()
        .filter(|c| crate::wrap::columns(&c.to_string()) == 2)
        .count() as f64
        * 4.5;
    TEXT_LETTERS * width(&cell.replace('$', "")) + spaces + wide
}

/// Columns in groups that each fit `room`, every group after the first
/// beginning with the first column again.
fn column_groups(widths: &[f64], room: f64) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = vec![vec![0]];
    let mut used = widths.first().copied().unwrap_or(0.0);
    for (k, &w) in widths.iter().enumerate().skip(1) {
        let current = groups.len() - 1;
        if used + w > room && groups[current].len() > 1 {
            groups.push(vec![0]);
            used = widths[0];
        }
        let current = groups.len() - 1;
        groups[current].push(k);
        used += w;
    }
    groups
}

/// A `tabular` of the given columns.
fn tabular(header: &[&str], rows: &[Vec<String>], columns: &[usize]) -> String {
    let pick = |cells: &[&str]| -> String {
        columns
            .iter()
            .map(|&k| cells.get(k).copied().unwrap_or(""))
            .collect::<Vec<_>>()
            .join(" & ")
    };
    let mut out = format!(
        "\\begin{{tabular}}{{{}}}\n\\hline\n{} \\\\\n\\hline\n",
        "l".repeat(columns.len()),
        pick(header)
    );
    for row in rows {
        let cells: Vec<&str> = row.iter().map(String::as_str).collect();
        out.push_str(&format!("{} \\\\\n", pick(&cells)));
    }
    out.push_str("\\hline\n\\end{tabular}\n");
    out
}
