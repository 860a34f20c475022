//! A function of two variables drawn in the terminal (`minimize
//! --picture`): its level sets as contour lines of dots, one character a
//! cell, and each optimizer's path on top — the start `S`, the first nine
//! steps by their numbers and the later ones `o` for one run; for a race a
//! mark per optimizer and its number where it ends — with the axes' ranges
//! and a legend in the session's language.
//!
//! The region is the SVG picture's (`plot::region_of_interest`). Only ASCII
//! is drawn, so the picture keeps its shape in a terminal that gives
//! ambiguous-width characters two columns, as Korean ones may.
//!
//! Invariant: every line is at most the width asked for (and 80), the
//! picture with its legend at most `PICTURE_ROWS` lines whenever the legend
//! leaves room for `FEWEST_CELL_ROWS` rows of cells, and each mark stands
//! in the cell holding the iterate it marks.

use crate::i18n::Lang;
use crate::msg;
use crate::number::format_significant;
use crate::wrap::columns;

/// The most lines a picture takes, its legend included.
pub const PICTURE_ROWS: usize = 24;
/// The most rows of cells; fewer when the legend needs the lines.
const CELL_ROWS: usize = 15;
/// The fewest rows of cells a legend may leave.
const FEWEST_CELL_ROWS: usize = 8;
/// The widest a picture is, whatever the terminal.
const PICTURE_COLUMNS: usize = 80;
/// Contour levels drawn.
const LEVELS: usize = 7;
/// The marks of the optimizers of a race, in order.
const MARKS: [char; 9] = ['o', 'x', '+', '*', '#', '@', '%', '&', '='];

/// One optimizer's path: its name and its iterates (step, x, y).
pub struct PicturedRun {
    pub label: String,
    pub points: Vec<(usize, f64, f64)>,
}

/// The box shown and the grid of cells over it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frame {
    pub x: (f64, f64),
    pub y: (f64, f64),
    pub columns: usize,
    pub rows: usize,
}

impl Frame {
    /// The cell (column, row from the top) holding the point, if it lies
    /// in the box; the right and top edges belong to the last cells.
    pub fn cell(&self, x: f64, y: f64) -> Option<(usize, usize)> {
        let u = (x - self.x.0) / (self.x.1 - self.x.0);
        let v = (self.y.1 - y) / (self.y.1 - self.y.0);
        if !(0.0..=1.0).contains(&u) || !(0.0..=1.0).contains(&v) {
            return None;
        }
        let column = ((u * self.columns as f64) as usize).min(self.columns - 1);
        let row = ((v * self.rows as f64) as usize).min(self.rows - 1);
        Some((column, row))
    }

    /// The point at the centre of a cell.
    fn centre(&self, column: usize, row: usize) -> (f64, f64) {
        let u = (column as f64 + 0.5) / self.columns as f64;
        let v = (row as f64 + 0.5) / self.rows as f64;
        (
            self.x.0 + u * (self.x.1 - self.x.0),
            self.y.1 - v * (self.y.1 - self.y.0),
        )
    }
}

/// The picture of `f` with the runs' paths, at most `width` columns wide
/// (and 80), its words in `lang`.
pub fn picture(
    f: &dyn Fn(f64, f64) -> Option<f64>,
    variables: (&str, &str),
    runs: &[PicturedRun],
    width: Option<usize>,
    lang: Lang,
) -> String {
    let paths: Vec<crate::plot::Path2> = runs
        .iter()
        .map(|r| crate::plot::Path2 {
            label: r.label.clone(),
            points: r.points.iter().map(|&(_, x, y)| (x, y)).collect(),
        })
        .collect();
    let (x, y, _) = crate::plot::region_of_interest(&paths, f);
    let width = width.unwrap_or(PICTURE_COLUMNS).min(PICTURE_COLUMNS);
    let labels = AxisLabels::new(x, y);
    let legend = legend(
        runs,
        &Frame {
            x,
            y,
            columns: 1,
            rows: 1,
        },
        width,
        lang,
    );
    let rows = CELL_ROWS.min(PICTURE_ROWS.saturating_sub(2 + legend.len()));
    let frame = Frame {
        x,
        y,
        columns: width.saturating_sub(labels.width + 2).max(10),
        rows: rows.max(FEWEST_CELL_ROWS),
    };
    let cells = marked_cells(f, &frame, runs);
    let mut out = labels.framed(&cells, variables);
    for line in legend {
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// The cells: contour dots, then the paths' marks over them.
pub fn marked_cells(
    f: &dyn Fn(f64, f64) -> Option<f64>,
    frame: &Frame,
    runs: &[PicturedRun],
) -> Vec<Vec<char>> {
    let mut cells = contour_cells(f, frame);
    let race = runs.len() > 1;
    // Longer paths first, so that a shorter one is not hidden under them.
    let mut order: Vec<usize> = (0..runs.len()).collect();
    order.sort_by_key(|&k| std::cmp::Reverse(runs[k].points.len()));
    let mut put = |x: f64, y: f64, mark: char| {
        if let Some((c, r)) = frame.cell(x, y) {
            cells[r][c] = mark;
        }
    };
    for &k in &order {
        let run = &runs[k];
        for &(step, x, y) in run.points.iter().rev() {
            let mark = match (race, step) {
                (true, _) => MARKS[k % MARKS.len()],
                (false, 1..=9) => char::from(b'0' + step as u8),
                (false, _) => 'o',
            };
            put(x, y, mark);
        }
    }
    for (k, run) in runs.iter().enumerate() {
        if let Some(&(_, x, y)) = run.points.last() {
            put(x, y, end_mark(race, k));
        }
    }
    if let Some(&(_, x, y)) = runs.iter().find_map(|r| r.points.first()) {
        put(x, y, 'S');
    }
    cells
}

/// Where a run ends: `E` alone, its number in a race.
fn end_mark(race: bool, k: usize) -> char {
    match (race, k) {
        (false, _) => 'E',
        (true, 0..=8) => char::from(b'1' + k as u8),
        (true, _) => MARKS[k % MARKS.len()],
    }
}

/// A dot in each cell where f crosses a contour level between it and the
/// cell to its right or below; blank elsewhere and where f has no value.
fn contour_cells(f: &dyn Fn(f64, f64) -> Option<f64>, frame: &Frame) -> Vec<Vec<char>> {
    let values: Vec<Vec<Option<f64>>> = (0..frame.rows)
        .map(|r| {
            (0..frame.columns)
                .map(|c| {
                    let (x, y) = frame.centre(c, r);
                    f(x, y).filter(|v| v.is_finite())
                })
                .collect()
        })
        .collect();
    let levels = levels(values.iter().flatten().flatten().copied());
    let band = |v: Option<f64>| v.map(|v| levels.iter().filter(|&&l| l < v).count());
    let mut cells = vec![vec![' '; frame.columns]; frame.rows];
    for r in 0..frame.rows {
        for c in 0..frame.columns {
            let here = band(values[r][c]);
            let right = (c + 1 < frame.columns).then(|| band(values[r][c + 1]));
            let below = (r + 1 < frame.rows).then(|| band(values[r + 1][c]));
            let crosses = |other: Option<Option<usize>>| matches!((here, other), (Some(a), Some(Some(b))) if a != b);
            if crosses(right) || crosses(below) {
                cells[r][c] = '.';
            }
        }
    }
    cells
}

/// `LEVELS` levels over the values, spaced by the square of their rank
/// above the minimum: a quadratic bowl's rings come out evenly spaced, and
/// a valley's floor gets rings of its own.
fn levels(values: impl Iterator<Item = f64>) -> Vec<f64> {
    let (lo, hi) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
        (a.min(v), b.max(v))
    });
    if !lo.is_finite() || hi <= lo {
        return Vec::new();
    }
    let step = 1.0 / (LEVELS + 1) as f64;
    (1..=LEVELS)
        .map(|k| lo + (hi - lo) * (k as f64 * step).powi(2))
        .collect()
}

/// The axes' end values, and the columns the y labels take.
struct AxisLabels {
    x: (String, String),
    y: (String, String),
    width: usize,
}

impl AxisLabels {
    fn new(x: (f64, f64), y: (f64, f64)) -> AxisLabels {
        let n = |v: f64| format_significant(v, 3);
        let y = (n(y.0), n(y.1));
        let width = columns(&y.0).max(columns(&y.1)).max(1);
        AxisLabels {
            x: (n(x.0), n(x.1)),
            y,
            width,
        }
    }

    /// The cells in a frame: y's range on the left, the top and bottom
    /// rows' values, y's name half-way; x's range and name under it.
    fn framed(&self, cells: &[Vec<char>], variables: (&str, &str)) -> String {
        let rows = cells.len();
        let columns_used = cells.first().map_or(0, Vec::len);
        let mut out = String::new();
        for (r, row) in cells.iter().enumerate() {
            let label = match r {
                0 => self.y.1.clone(),
                _ if r == rows - 1 => self.y.0.clone(),
                _ if r == rows / 2 => variables.1.to_string(),
                _ => String::new(),
            };
            let pad = self.width.saturating_sub(columns(&label));
            let line: String = row.iter().collect();
            out.push_str(&format!("{}{label} |{}", " ".repeat(pad), line.trim_end()));
            out.push('\n');
        }
        out.push_str(&format!(
            "{} +{}\n",
            " ".repeat(self.width),
            "-".repeat(columns_used)
        ));
        let left = &self.x.0;
        let right = &self.x.1;
        let name = variables.0;
        let inner = columns_used + 1;
        let middle = inner.saturating_sub(columns(left) + columns(right));
        let before = middle.saturating_sub(columns(name)) / 2;
        let after = middle.saturating_sub(columns(name) + before);
        out.push_str(&format!(
            "{}{left}{}{name}{}{right}\n",
            " ".repeat(self.width + 1),
            " ".repeat(before),
            " ".repeat(after)
        ));
        out
    }
}

/// The legend: what S, the numbers, o and E mark (or each optimizer's mark
/// and number in a race), how many points lie outside, what the dots are;
/// wrapped to `width`.
fn legend(runs: &[PicturedRun], frame: &Frame, width: usize, lang: Lang) -> Vec<String> {
    let point = |&(_, x, y): &(usize, f64, f64)| {
        format!("{}, {}", format_significant(x, 4), format_significant(y, 4))
    };
    let mut sentences = Vec::new();
    if let Some(start) = runs.iter().find_map(|r| r.points.first()) {
        sentences.push(msg!(lang, "min-picture-start", point = point(start)));
    }
    if runs.len() == 1 {
        if let Some(end) = runs[0].points.last() {
            sentences.push(msg!(lang, "min-picture-steps"));
            sentences.push(msg!(
                lang,
                "min-picture-end",
                steps = end.0.to_string(),
                count = end.0,
                point = point(end)
            ));
        }
    } else {
        for (k, run) in runs.iter().enumerate() {
            let Some(end) = run.points.last() else {
                continue;
            };
            sentences.push(msg!(
                lang,
                "min-picture-run",
                mark = MARKS[k % MARKS.len()].to_string(),
                optimizer = run.label.clone(),
                end = end_mark(true, k).to_string(),
                point = point(end)
            ));
        }
    }
    let outside = runs
        .iter()
        .flat_map(|r| &r.points)
        .filter(|&&(_, x, y)| frame.cell(x, y).is_none())
        .count();
    if outside > 0 {
        sentences.push(msg!(lang, "min-picture-outside", count = outside));
    }
    sentences.push(msg!(lang, "min-picture-dots"));
    sentences
        .iter()
        .flat_map(|s| {
            crate::wrap::wrap_columns(s, width, "  ", "    ", columns)
                .lines()
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bowl(x: f64, y: f64) -> Option<f64> {
        Some(x * x + 10.0 * y * y)
    }

    #[test]
    fn each_mark_stands_in_the_cell_of_its_iterate() {
        let frame = Frame {
            x: (-4.0, 4.0),
            y: (-2.0, 2.0),
            columns: 40,
            rows: 10,
        };
        let points = vec![
            (0, -3.9, 1.9),
            (1, -2.0, -1.0),
            (2, 0.5, 0.25),
            (3, 3.99, -1.99),
        ];
        let run = PicturedRun {
            label: "sgd".into(),
            points: points.clone(),
        };
        let cells = marked_cells(&bowl, &frame, &[run]);
        // Cells worked by hand: column = ⌊(x + 4)/8 · 40⌋, row = ⌊(2 − y)/4 · 10⌋.
        let expected = [
            ((0, 0), 'S'),
            ((10, 7), '1'),
            ((22, 4), '2'),
            ((39, 9), 'E'),
        ];
        for ((column, row), mark) in expected {
            assert_eq!(cells[row][column], mark, "cell ({column}, {row})");
        }
        assert_eq!(frame.cell(5.0, 0.0), None);
    }

    #[test]
    fn a_race_marks_each_optimizer_and_its_end() {
        let frame = Frame {
            x: (0.0, 10.0),
            y: (0.0, 10.0),
            columns: 10,
            rows: 10,
        };
        let runs = [
            PicturedRun {
                label: "a".into(),
                points: vec![(0, 0.5, 9.5), (1, 2.5, 9.5), (2, 4.5, 9.5)],
            },
            PicturedRun {
                label: "b".into(),
                points: vec![(0, 0.5, 9.5), (1, 0.5, 7.5), (2, 0.5, 5.5)],
            },
        ];
        let cells = marked_cells(&bowl, &frame, &runs);
        assert_eq!(cells[0][0], 'S');
        assert_eq!(cells[0][2], 'o');
        assert_eq!(cells[0][4], '1');
        assert_eq!(cells[2][0], 'x');
        assert_eq!(cells[4][0], '2');
    }

    #[test]
    fn contour_dots_cross_where_the_level_changes() {
        let frame = Frame {
            x: (-1.0, 1.0),
            y: (-1.0, 1.0),
            columns: 21,
            rows: 11,
        };
        // f = x²: its level sets are vertical lines, so every row is the
        // same, and each level is crossed once on each side of x = 0 — as
        // many dots left of the middle as right of it, give or take the
        // one-cell shift of comparing a cell with its right neighbour.
        let cells = contour_cells(&|x, _| Some(x * x), &frame);
        let middle = &cells[5];
        assert!(cells.iter().all(|row| row == middle));
        let text: String = middle.iter().collect();
        let left = middle[..10].iter().filter(|&&c| c == '.').count();
        let right = middle[11..].iter().filter(|&&c| c == '.').count();
        assert!(left >= 3 && left.abs_diff(right) <= 1, "{text:?}");
        assert_eq!(
            middle[10], ' ',
            "{text:?}: the minimum lies inside every level"
        );
    }
}
