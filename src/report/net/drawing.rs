//! The network drawn in characters for the terminal: a column per layer
//! with its neurons' names, every neuron of a layer joined to every neuron
//! of the next through one line (┬ ┴ ├ ▶), and under the drawing each
//! weight listed with its edge (i1→h1 w1 = 0.15) and each bias with the
//! neurons it feeds, the values those the run started from.
//!
//! Only a network small enough to read is drawn — at most
//! `DRAWN_LAYERS` columns of at most `DRAWN_NEURONS` neurons, within the
//! width (and 80 columns); a larger one is left to the setup paragraph,
//! which names its layers.

use super::NetReport;
use crate::network::ParamKind;
use crate::report::doc::{text, Block, Shown};
use crate::report::Style;

/// The most columns (the input layer included) a drawing has.
const DRAWN_LAYERS: usize = 4;
/// The most neurons of one layer a drawing has.
const DRAWN_NEURONS: usize = 4;
/// The widest a drawing is, whatever the terminal.
const DRAWN_COLUMNS: usize = 80;

/// The drawing and its one-line legend, in the terminal and in Markdown;
/// nothing for a network too large to draw legibly in the width.
pub(super) fn drawing_blocks(r: &NetReport, style: &Style) -> Vec<Block> {
    let width = style.width.unwrap_or(DRAWN_COLUMNS).min(DRAWN_COLUMNS);
    let Some(picture) = drawing(r, width) else {
        return Vec::new();
    };
    let blocks = vec![
        Block::Paragraph(vec![text(crate::msg!(style.lang, "net-drawing-legend"))]),
        Block::Preformatted(picture),
    ];
    vec![
        Block::Only(Shown::Terminal, blocks.clone()),
        Block::Only(Shown::Markdown, blocks),
    ]
}

/// The names of each column: the inputs, then each layer's neurons.
fn columns(r: &NetReport) -> Vec<Vec<String>> {
    let f = r.formula;
    let mut columns = vec![(1..=f.inputs.len()).map(|k| format!("i{k}")).collect()];
    columns.extend(
        f.layers
            .iter()
            .map(|layer| layer.iter().map(|&n| f.neurons[n].name.clone()).collect()),
    );
    columns
}

/// The drawing and the edge list, or `None` when it would not be legible
/// in `width` columns.
fn drawing(r: &NetReport, width: usize) -> Option<String> {
    let columns = columns(r);
    let tallest = columns.iter().map(Vec::len).max().unwrap_or(0);
    if columns.len() > DRAWN_LAYERS || tallest > DRAWN_NEURONS {
        return None;
    }
    let lines = mesh(&columns, tallest);
    if lines.iter().any(|l| crate::wrap::columns(l) > width) {
        return None;
    }
    let mut out: String = lines
        .iter()
        .map(|l| format!("{}\n", l.trim_end()))
        .collect();
    out.push('\n');
    for line in edge_lines(r, &columns, width) {
        out.push_str(&line);
        out.push('\n');
    }
    Some(out)
}

/// The row of neuron `k` of a column of `n`, the columns centred on one
/// another with a blank row between neurons.
fn row_of(k: usize, n: usize, tallest: usize) -> usize {
    tallest - n + 2 * k
}

/// The columns of names joined layer to layer, one string per row.
fn mesh(columns: &[Vec<String>], tallest: usize) -> Vec<String> {
    let rows = 2 * tallest - 1;
    let mut lines = vec![String::from("  "); rows];
    for (c, column) in columns.iter().enumerate() {
        let name_width = column.iter().map(|n| n.chars().count()).max().unwrap_or(0);
        let here: Vec<Option<&String>> = (0..rows)
            .map(|row| {
                (0..column.len())
                    .find(|&k| row_of(k, column.len(), tallest) == row)
                    .map(|k| &column[k])
            })
            .collect();
        let Some(next) = columns.get(c + 1) else {
            for (line, name) in lines.iter_mut().zip(&here) {
                line.push_str(name.map_or("", |n| n.as_str()));
            }
            break;
        };
        let occupied = |row: usize, column: &[String]| {
            (0..column.len()).any(|k| row_of(k, column.len(), tallest) == row)
        };
        let touched: Vec<usize> = (0..rows)
            .filter(|&row| occupied(row, column) || occupied(row, next))
            .collect();
        let (top, bottom) = (touched[0], touched[touched.len() - 1]);
        for (row, line) in lines.iter_mut().enumerate() {
            let left = occupied(row, column);
            let right = occupied(row, next);
            match here[row] {
                Some(name) => {
                    line.push_str(name);
                    line.push(' ');
                    line.push_str(&"─".repeat(name_width - name.chars().count() + 2));
                }
                None => line.push_str(&" ".repeat(name_width + 3)),
            }
            line.push(junction(
                row > top,
                row < bottom,
                left,
                right,
                (top..=bottom).contains(&row),
            ));
            line.push_str(if right { "──▶ " } else { "    " });
        }
    }
    lines
}

/// The box-drawing character where a column's lines meet the next's.
fn junction(up: bool, down: bool, left: bool, right: bool, inside: bool) -> char {
    if !inside {
        return ' ';
    }
    match (up, down, left, right) {
        (false, true, true, true) => '┬',
        (false, true, true, false) => '┐',
        (false, true, false, true) => '┌',
        (true, false, true, true) => '┴',
        (true, false, true, false) => '┘',
        (true, false, false, true) => '└',
        (true, true, true, true) => '┼',
        (true, true, true, false) => '┤',
        (true, true, false, true) => '├',
        (true, true, false, false) => '│',
        _ => '─',
    }
}

/// A line (or more, wrapped to `width`) per neuron: the weights into it
/// with their edges, then its own bias; a layer's shared bias on a line
/// after the layer, with the neurons it feeds.
fn edge_lines(r: &NetReport, columns: &[Vec<String>], width: usize) -> Vec<String> {
    let f = r.formula;
    let start = r.run.steps.first().map(|s| &s.params_before);
    let value = |p: usize| {
        start.map_or(String::new(), |values| {
            format!(" = {}", crate::number::format_significant(values[p], 6))
        })
    };
    let mut lines = Vec::new();
    for layer in 0..f.layers.len() {
        for neuron in 0..f.layers[layer].len() {
            let items: Vec<String> = f
                .params
                .iter()
                .enumerate()
                .filter_map(|(p, param)| match param.kind {
                    ParamKind::Weight { layer: l, to, from } if l == layer && to == neuron => {
                        Some(format!(
                            "{}→{} {}{}",
                            columns[layer][from],
                            columns[layer + 1][to],
                            param.name,
                            value(p)
                        ))
                    }
                    ParamKind::Bias {
                        layer: l,
                        to: Some(to),
                    } if l == layer && to == neuron => Some(format!("{}{}", param.name, value(p))),
                    _ => None,
                })
                .collect();
            lines.extend(wrap_items(&items, width));
        }
        let shared = f.params.iter().enumerate().find(
            |(_, param)| matches!(param.kind, ParamKind::Bias { layer: l, to: None } if l == layer),
        );
        if let Some((p, param)) = shared {
            let fed = columns[layer + 1].join(", ");
            lines.extend(wrap_items(
                &[format!("{}{} → {fed}", param.name, value(p))],
                width,
            ));
        }
    }
    lines
}

/// Items three spaces apart, as many on a line as `width` holds.
fn wrap_items(items: &[String], width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::from("  ");
    for item in items {
        let start = line.trim().is_empty();
        let extra = if start { 0 } else { 3 };
        if !start && crate::wrap::columns(&line) + extra + crate::wrap::columns(item) > width {
            lines.push(std::mem::replace(&mut line, String::from("  ")));
            line.push_str(item);
        } else {
            if !start {
                line.push_str("   ");
            }
            line.push_str(item);
        }
    }
    if !line.trim().is_empty() {
        lines.push(line);
    }
    lines
}
