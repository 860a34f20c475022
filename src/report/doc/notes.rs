//! What Markdown and LaTeX write alike: paragraphs, lines and tables
//! differ between them only in how spans are written, how a table is set
//! and how a tree table's first column is indented.

use super::{Block, Span, TreeRow};

/// The parts of a notes format the shared blocks are written with.
pub(super) trait NotesFormat {
    /// Spans, text escaped and math delimited.
    fn spans(&self, spans: &[Span]) -> String;
    /// A table of written cells under a header of written cells.
    fn table(&self, header: &[&str], rows: &[Vec<String>]) -> String;
    /// What goes before a tree table's first cell at `depth`.
    fn indent(&self, depth: usize) -> String;
}

/// The block written in `format`, if it is one the notes formats share.
pub(super) fn shared_body(format: &impl NotesFormat, block: &Block) -> Option<String> {
    Some(match block {
        Block::Paragraph(spans) => format!("{}\n", format.spans(spans)),
        Block::Lines { lines, .. } => {
            let paragraphs: Vec<String> = lines.iter().map(|l| format.spans(l)).collect();
            format!("{}\n", paragraphs.join("\n\n"))
        }
        Block::Table { header, rows } => {
            let rows: Vec<Vec<String>> = rows.iter().map(|r| cells(format, r)).collect();
            table(format, header, &rows)
        }
        Block::TreeTable { header, rows } => tree_table(format, header, rows),
        Block::Values { header, rows } => {
            let rows: Vec<Vec<String>> = rows.iter().map(|r| cells(format, r)).collect();
            format.table(&[&header[0], &header[1]], &rows)
        }
        _ => return None,
    })
}

fn cells(format: &impl NotesFormat, row: &[Vec<Span>]) -> Vec<String> {
    row.iter().map(|c| format.spans(c)).collect()
}

fn table(format: &impl NotesFormat, header: &[Vec<Span>], rows: &[Vec<String>]) -> String {
    let header = cells(format, header);
    let refs: Vec<&str> = header.iter().map(String::as_str).collect();
    format.table(&refs, rows)
}

/// The first column indented by depth.
fn tree_table(format: &impl NotesFormat, header: &[Vec<Span>], rows: &[TreeRow]) -> String {
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|row| {
            let mut cells = cells(format, &row.cells);
            if let Some(first) = cells.first_mut() {
                first.insert_str(0, &format.indent(row.depth));
            }
            cells
        })
        .collect();
    table(format, header, &rows)
}
