//! LaTeX for pdflatex with amsmath: starred sections, `tabular`s with
//! rules, `align*` for chains of equations and derivations. Text outside
//! math is escaped, and symbols the text fonts lack are set as math.

use super::notes::{shared_body, NotesFormat};
use super::{
    translated, visible, Block, Chain, Definition, DerivationStep, LatexHeading, Medium, Span,
};
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
            aligned_lines(chains)
        ),
        Block::Display(m) => format!("\\[ {} \\]\n", m.latex),
        Block::Derivation(steps) => {
            let lines: Vec<String> = steps.iter().map(derivation_line).collect();
            format!(
                "\\begin{{align*}}\n{}\n\\end{{align*}}\n",
                lines.join(" \\\\\n")
            )
        }
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

/// `\quad lhs &= rhs && \text{Rule},\ u = g(x)`: a `\quad` a level.
fn derivation_line(step: &DerivationStep) -> String {
    let mut note = format!("\\text{{{}}}", latex_text(&step.rule));
    if let Some(inner) = &step.inner {
        note.push_str(&format!(
            ",\\ {} = {}",
            inner.name.latex, inner.function.latex
        ));
    }
    format!(
        "{}{} &= {} && {note}",
        "\\quad ".repeat(step.depth),
        step.lhs.latex,
        step.rhs.latex
    )
}

fn definition_item(definition: &Definition) -> String {
    format!(
        "\\item[{}] {}\n",
        latex_text(&definition.term),
        spans_latex(&definition.meaning)
    )
}

/// The lines of an `aligned`/`align*` environment for chains of equations.
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
fn latex_table(lang: Lang, header: &[&str], rows: &[Vec<String>]) -> String {
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

/// Escapes text for LaTeX's text mode. Symbols that pdflatex's text fonts
/// lack (→, ×, ‖, Greek letters, …) become math, one `$…$` for a run of
/// them.
pub(super) fn latex_text(text: &str) -> String {
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
