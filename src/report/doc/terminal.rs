//! Terminal text: headings in bold (underlined at level 1, ruled at level
//! 2), paragraphs wrapped to the width, tables with box-drawing borders,
//! trees drawn with ├─ └─, colour from the `Style`. When the style gives
//! the terminal's width, everything fits it: tables wrap their cells,
//! long equations break before an operator with an indent, lines and
//! definitions wrap with a hanging indent.

use super::{translated, visible, Block, Chain, Definition, DerivationStep, Medium, Span, TreeRow};
use crate::i18n::Lang;
use crate::report::Style;

/// The width paragraphs are wrapped to, in columns (less when the
/// terminal is narrower).
const WIDTH: usize = 78;

pub(super) fn document(blocks: &[Block], style: &Style) -> String {
    let writer = Writer {
        style,
        width: style
            .width
            .map_or(WIDTH, |w| w.saturating_sub(1).clamp(20, WIDTH)),
        fit: style.width,
    };
    let mut out = String::new();
    for (i, block) in visible(blocks, Medium::Terminal).into_iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(&writer.block(block));
    }
    out
}

/// Writes blocks with one style at one width.
struct Writer<'a> {
    style: &'a Style,
    width: usize,
    /// The width every line must fit, when known.
    fit: Option<usize>,
}

impl Writer<'_> {
    /// The style without colour, for text whose colour comes from its
    /// place (a heading, a table).
    fn plain(&self) -> Style {
        Style {
            color: false,
            ..*self.style
        }
    }

    fn block(&self, block: &Block) -> String {
        match block {
            Block::Heading { level, text } => self.heading(*level, text),
            Block::ReportHeading { text, .. } => self.heading(3, text),
            Block::Paragraph(spans) => self.paragraph(spans),
            Block::Lines { indent, lines } => lines
                .iter()
                .map(|line| {
                    let first = " ".repeat(*indent);
                    self.fitted(&spans_text(line, self.style), &first, &format!("{first}  "))
                })
                .collect(),
            Block::Table { header, rows } => {
                let rows: Vec<Vec<String>> = rows.iter().map(|r| self.cells(r)).collect();
                self.table(header, &rows)
            }
            Block::TreeTable { header, rows } => self.tree_table(header, rows),
            Block::Values { rows, .. } => self.values(rows),
            Block::Equations(chains) => self.equations(chains),
            Block::Display(m) => self.formula("  ", &m.unicode, "      "),
            Block::Derivation(steps) => self.derivation(steps),
            Block::Definitions(definitions) => self.definitions(definitions),
            Block::Preformatted(t) => {
                let mut out = t.clone();
                if !t.ends_with('\n') {
                    out.push('\n');
                }
                out
            }
            Block::Group(blocks) | Block::Only(_, blocks) => visible(blocks, Medium::Terminal)
                .into_iter()
                .map(|b| self.block(b))
                .collect(),
        }
    }

    fn heading(&self, level: u8, text: &[Span]) -> String {
        let t = spans_text(text, &self.plain());
        let columns = crate::wrap::columns(&t);
        let line = match level {
            1 => format!("{t}\n{}", "═".repeat(columns.min(self.width))),
            2 => format!(
                "━━ {t} {}",
                "━".repeat((self.width - 6).saturating_sub(columns))
            ),
            _ => t,
        };
        format!("{}\n", self.style.heading(&line))
    }

    fn paragraph(&self, spans: &[Span]) -> String {
        // Math is kept on one line: its spaces do not break.
        // Math wider than the terminal breaks at its spaces.
        let unbreakable = |m: &str| self.fit.is_none_or(|w| crate::wrap::columns(m) * 2 < w);
        let joined: String = spans
            .iter()
            .map(|s| match s {
                Span::Math(m) if unbreakable(&m.unicode) => m.unicode.replace(' ', "\u{a0}"),
                Span::Math(m) => m.unicode.clone(),
                other => spans_text(std::slice::from_ref(other), self.style),
            })
            .collect();
        format!("{}\n", wrap(&joined, self.width).replace('\u{a0}', " "))
    }

    fn cells(&self, row: &[Vec<Span>]) -> Vec<String> {
        row.iter().map(|c| spans_text(c, &self.plain())).collect()
    }

    fn table(&self, header: &[Vec<Span>], rows: &[Vec<String>]) -> String {
        let header = self.cells(header);
        let refs: Vec<&str> = header.iter().map(String::as_str).collect();
        text_table(self.style.lang, &refs, rows, self.fit)
    }

    /// A line fitted to the width: as it is, or wrapped at spaces after
    /// `first`, its other lines after `rest`.
    fn fitted(&self, line: &str, first: &str, rest: &str) -> String {
        match self.fit {
            Some(width) if crate::wrap::visible_columns(line) + first.len() > width => {
                crate::wrap::wrap_columns(line, width, first, rest, crate::wrap::visible_columns)
            }
            _ => format!("{first}{line}\n"),
        }
    }

    /// `prefix` and a formula, broken before its operators to fit the
    /// width, the lines after the first after `indent`.
    fn formula(&self, prefix: &str, formula: &str, indent: &str) -> String {
        self.painted_formula(prefix, formula, indent, |line| line.to_string())
    }

    /// `formula`, each of its lines painted.
    fn painted_formula(
        &self,
        prefix: &str,
        formula: &str,
        indent: &str,
        paint: impl Fn(&str) -> String,
    ) -> String {
        let Some(width) = self.fit else {
            return format!("{prefix}{}\n", paint(formula));
        };
        let first = width
            .saturating_sub(crate::wrap::visible_columns(prefix))
            .max(10);
        let rest = width
            .saturating_sub(crate::wrap::visible_columns(indent))
            .max(10);
        crate::wrap::formula_lines(formula, first, rest)
            .iter()
            .enumerate()
            .map(|(k, line)| {
                let lead = if k == 0 { prefix } else { indent };
                format!("{lead}{}\n", paint(line))
            })
            .collect()
    }

    fn tree_table(&self, header: &[Vec<Span>], rows: &[TreeRow]) -> String {
        let depths: Vec<usize> = rows.iter().map(|r| r.depth).collect();
        let rows: Vec<Vec<String>> = rows
            .iter()
            .zip(tree_prefixes(&depths))
            .map(|(row, (prefix, _))| {
                let mut cells = self.cells(&row.cells);
                if let Some(first) = cells.first_mut() {
                    first.insert_str(0, &prefix);
                }
                cells
            })
            .collect();
        self.table(header, &rows)
    }

    fn values(&self, rows: &[[Vec<Span>; 2]]) -> String {
        let plain = self.plain();
        let rows: Vec<(String, String)> = rows
            .iter()
            .map(|[label, value]| (spans_text(label, &plain), spans_text(value, &plain)))
            .collect();
        let width = rows
            .iter()
            .map(|(l, _)| l.chars().count())
            .max()
            .unwrap_or(0);
        rows.iter()
            .map(|(label, value)| {
                let pad = " ".repeat(width - label.chars().count());
                let prefix = format!("  {label}{pad} = ");
                let indent = " ".repeat(prefix.chars().count() + 2);
                self.painted_formula(&prefix, value, &indent, |v| self.style.result(v))
            })
            .collect()
    }

    fn equations(&self, chains: &[Chain]) -> String {
        let mut out = String::new();
        for chain in chains {
            let mut lhs = format!("  {}", chain.lhs.unicode);
            let mut indent = " ".repeat(lhs.chars().count());
            let wide = self.fit.filter(|&w| crate::wrap::columns(&lhs) * 5 > w * 2);
            if wide.is_some() {
                // A left side too wide to align under: on its own lines,
                // each right side below it a few columns in.
                out.push_str(&self.formula("  ", &chain.lhs.unicode, "      "));
                lhs = "   ".to_string();
                indent = "   ".to_string();
            }
            let mut lines = String::new();
            for (k, r) in chain.rhs.iter().enumerate() {
                let prefix = if k == 0 {
                    format!("{lhs} = ")
                } else {
                    format!("{indent} = ")
                };
                lines.push_str(&self.formula(&prefix, &r.unicode, &format!("{indent}     ")));
            }
            if chain.rhs.is_empty() {
                lines.push_str(&format!("{lhs}\n"));
            }
            if let Some(note) = &chain.note {
                let note = format!("({note})");
                let last = lines
                    .trim_end_matches('\n')
                    .rsplit('\n')
                    .next()
                    .unwrap_or("");
                let fits = self.fit.is_none_or(|w| {
                    crate::wrap::visible_columns(last) + 3 + crate::wrap::columns(&note) <= w
                });
                lines.pop();
                if fits {
                    lines.push_str(&format!("   {}\n", self.style.dim(&note)));
                } else {
                    lines.push('\n');
                    lines.push_str(&self.fitted(
                        &self.style.dim(&note),
                        &format!("{indent}   "),
                        &format!("{indent}   "),
                    ));
                }
            }
            out.push_str(&lines);
        }
        out
    }

    fn derivation(&self, steps: &[DerivationStep]) -> String {
        let depths: Vec<usize> = steps.iter().map(|s| s.depth).collect();
        let mut out = String::new();
        for (step, (first, rest)) in steps.iter().zip(tree_prefixes(&depths)) {
            let remark = step
                .remark
                .as_ref()
                .map(|r| format!("  ({r})"))
                .unwrap_or_default();
            let prefix = format!("{first}{}: ", self.style.rule(&step.rule));
            let formula = format!("{} = {}{remark}", step.lhs.unicode, step.rhs.unicode);
            out.push_str(&self.formula(&prefix, &formula, &format!("{rest}    ")));
            if let Some(inner) = &step.inner {
                let with = crate::msg!(
                    self.style.lang,
                    "doc-inner-function",
                    name = &inner.name.unicode,
                    function = &inner.function.unicode,
                    derivative_name = &inner.derivative_name.unicode,
                    derivative = &inner.derivative.unicode,
                );
                out.push_str(&self.fitted(&self.style.dim(&with), &rest, &format!("{rest}  ")));
            }
        }
        out
    }

    fn definitions(&self, definitions: &[Definition]) -> String {
        // Aligned by display width: a Korean term is twice as wide as its
        // characters are many.
        let width = definitions
            .iter()
            .map(|d| crate::wrap::columns(&d.term))
            .max()
            .unwrap_or(0);
        definitions
            .iter()
            .map(|d| {
                let pad = " ".repeat(width - crate::wrap::columns(&d.term));
                let first = format!("  {}{pad}  ", d.term);
                let rest = " ".repeat(width + 4);
                self.fitted(&spans_text(&d.meaning, self.style), &first, &rest)
            })
            .collect()
    }
}

/// Spans as terminal text: math in Unicode, stress in colour.
fn spans_text(spans: &[Span], style: &Style) -> String {
    spans
        .iter()
        .map(|s| match s {
            Span::Text(t) => t.clone(),
            Span::Math(m) | Span::Display(m) => m.unicode.clone(),
            Span::Strong(t) => style.result(t),
            Span::Alert(t) => style.bad(t),
            Span::NoValue => super::NO_VALUE.to_string(),
        })
        .collect()
}

/// Wraps `text` at spaces to lines of at most `width` columns; each line
/// of the input is wrapped on its own.
fn wrap(text: &str, width: usize) -> String {
    text.split('\n')
        .map(|line| crate::wrap::wrap_columns(line, width, "", "", crate::wrap::columns))
        .collect::<String>()
        .trim_end_matches('\n')
        .to_string()
}

/// A terminal table with box-drawing borders (headers in `lang`); given a
/// width it is too wide for, the rows are stacked instead (`stacked`), so
/// that no number is ever cut in two.
fn text_table(lang: Lang, header: &[&str], rows: &[Vec<String>], width: Option<usize>) -> String {
    use comfy_table::{presets::UTF8_FULL_CONDENSED, ContentArrangement, Table};
    let header = translated(lang, header);
    let mut table = Table::new();
    table
        .load_style(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Disabled)
        .set_header(header.clone());
    for row in rows {
        table.add_row(row.clone());
    }
    let drawn = format!("{table}\n");
    match width {
        Some(width)
            if drawn
                .lines()
                .any(|l| crate::wrap::visible_columns(l) > width) =>
        {
            stacked(&header, rows, width)
        }
        _ => drawn,
    }
}

/// Rows one after another, each a line with its first cell under the
/// first header, then a line per other cell, `header  value`, the headers
/// aligned and a value too long wrapped at its spaces under itself.
fn stacked(header: &[&str], rows: &[Vec<String>], width: usize) -> String {
    let label_width = header
        .iter()
        .skip(1)
        .map(|h| crate::wrap::columns(h))
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for (k, row) in rows.iter().enumerate() {
        if k > 0 {
            out.push('\n');
        }
        let first = row.first().map_or("", String::as_str);
        let title = match header.first() {
            Some(h) if !h.is_empty() => format!("{h} {first}"),
            _ => first.to_string(),
        };
        out.push_str(&crate::wrap::wrap_columns(
            &title,
            width,
            "",
            "  ",
            crate::wrap::visible_columns,
        ));
        for (h, cell) in header.iter().zip(row).skip(1) {
            let pad = " ".repeat(label_width - crate::wrap::columns(h));
            let first = format!("  {h}{pad}  ");
            let rest = " ".repeat(label_width + 4);
            out.push_str(&crate::wrap::wrap_columns(
                cell,
                width,
                &first,
                &rest,
                crate::wrap::visible_columns,
            ));
        }
    }
    out
}

/// Tree prefixes for items at the given depths, read in order: `├─ `,
/// `└─ ` and `│  ` as in a file tree. Returns, for each item, the prefix of
/// its first line and the prefix for continuation lines.
pub(super) fn tree_prefixes(depths: &[usize]) -> Vec<(String, String)> {
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
        for &continues in open.iter().skip(1) {
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
