//! Curves drawn in the terminal with braille dots: several series over
//! one x axis that spans the whole width, each series numbered where it
//! ends and at two places along the way, in its colour when the terminal
//! has colours (the SVG palette's order: blue, red, green, purple, orange,
//! cyan), and a legend of the numbers under the axis.
//!
//! The y axis is logarithmic when every value is positive and the largest
//! is ten times the smallest or more, so that a loss falling fast in the
//! first epochs does not flatten everything after them into one line; its
//! labels are the values themselves.
//!
//! Invariant: every line is at most the width asked for, and every dot is
//! a point of a series (or on the straight line between two of them).

use crate::wrap::{columns, visible_columns};

/// One curve: its name in the legend and its points (x, y).
pub struct Series {
    pub label: String,
    pub points: Vec<(f64, f64)>,
}

/// Braille cells of the plot area, in rows of text.
const ROWS: usize = 10;
/// The columns left of the plot: a y label of up to 9 and " ┤".
const LABEL_COLUMNS: usize = 11;
/// ANSI colours of the series, in the SVG palette's order.
const COLOURS: [&str; 6] = ["34", "31", "32", "35", "33", "36"];

/// Whether the y axis is logarithmic, and its range (of log₁₀ values when
/// it is).
struct Axis {
    logarithmic: bool,
    low: f64,
    high: f64,
}

impl Axis {
    fn of(series: &[Series]) -> Option<Axis> {
        let values = series
            .iter()
            .flat_map(|s| s.points.iter().map(|p| p.1))
            .filter(|y| y.is_finite());
        let (low, high) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), y| {
            (lo.min(y), hi.max(y))
        });
        if !low.is_finite() {
            return None;
        }
        let logarithmic = low > 0.0 && high / low >= 10.0;
        let (low, high) = match logarithmic {
            true => (low.log10(), high.log10()),
            false => (low, high),
        };
        Some(Axis {
            logarithmic,
            low,
            high,
        })
    }

    /// `y` as a fraction of the axis, from 0 at the bottom to 1 at the top.
    fn fraction(&self, y: f64) -> f64 {
        let y = if self.logarithmic { y.log10() } else { y };
        match self.high > self.low {
            true => (y - self.low) / (self.high - self.low),
            false => 0.5,
        }
    }

    /// The value at the top (`true`) or the bottom of the axis.
    fn label(&self, top: bool) -> String {
        let v = if top { self.high } else { self.low };
        let v = if self.logarithmic { 10f64.powf(v) } else { v };
        crate::number::format_significant(v, 4)
    }
}

/// A chart drawn: its text, and whether its y axis is logarithmic (for
/// the title above it).
pub struct Drawn {
    pub text: String,
    pub logarithmic: bool,
}

/// The chart of `series`, at most `width` columns wide (the natural width
/// without one), or nothing when no series has a finite point.
pub fn chart(series: &[Series], width: Option<usize>, color: bool) -> Option<Drawn> {
    let axis = Axis::of(series)?;
    let cells = (super::plot_dots(width, 120) / 2) as usize;
    let (x0, x1) = x_range(series);
    let mut grid = Grid::new(cells);
    for (k, s) in series.iter().enumerate() {
        let dots: Vec<(usize, usize)> = (s.points.iter())
            .filter(|p| p.1.is_finite())
            .map(|&(x, y)| grid.dot(fraction(x, x0, x1), axis.fraction(y)))
            .collect();
        for pair in dots.windows(2) {
            grid.line(pair[0], pair[1], k);
        }
        if let [only] = dots[..] {
            grid.line(only, only, k);
        }
        for at in marker_places(dots.len()) {
            grid.mark(dots[at], k);
        }
    }
    Some(Drawn {
        text: grid.render(&axis, (x0, x1), series, width, color),
        logarithmic: axis.logarithmic,
    })
}

/// The smallest and largest x of the series.
fn x_range(series: &[Series]) -> (f64, f64) {
    let xs = series.iter().flat_map(|s| s.points.iter().map(|p| p.0));
    xs.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), x| {
        (lo.min(x), hi.max(x))
    })
}

fn fraction(x: f64, low: f64, high: f64) -> f64 {
    match high > low {
        true => (x - low) / (high - low),
        false => 0.0,
    }
}

/// Where a series of `n` points shows its number: at a third, at two
/// thirds and at its end.
fn marker_places(n: usize) -> Vec<usize> {
    match n {
        0 => Vec::new(),
        _ => vec![n / 3, 2 * n / 3, n - 1],
    }
}

/// The braille cells, each with the series that drew in it last, and the
/// numbers marking the series.
struct Grid {
    cells: usize,
    dots: Vec<u8>,
    owner: Vec<Option<usize>>,
    marks: Vec<Option<usize>>,
}

impl Grid {
    fn new(cells: usize) -> Grid {
        Grid {
            cells,
            dots: vec![0; cells * ROWS],
            owner: vec![None; cells * ROWS],
            marks: vec![None; cells * ROWS],
        }
    }

    /// The dot (column, row from the top) at fractions of the width and
    /// the height.
    fn dot(&self, x: f64, y: f64) -> (usize, usize) {
        let wide = 2 * self.cells - 1;
        let high = 4 * ROWS - 1;
        let column = (x.clamp(0.0, 1.0) * wide as f64).round() as usize;
        let row = high - (y.clamp(0.0, 1.0) * high as f64).round() as usize;
        (column, row)
    }

    fn set(&mut self, (column, row): (usize, usize), series: usize) {
        const BITS: [[u8; 4]; 2] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]];
        let cell = (row / 4) * self.cells + column / 2;
        self.dots[cell] |= BITS[column % 2][row % 4];
        self.owner[cell] = Some(series);
    }

    /// The dots of the straight line from `a` to `b`.
    fn line(&mut self, a: (usize, usize), b: (usize, usize), series: usize) {
        let (dx, dy) = (b.0 as f64 - a.0 as f64, b.1 as f64 - a.1 as f64);
        let steps = dx.abs().max(dy.abs()).max(1.0) as usize;
        for k in 0..=steps {
            let t = k as f64 / steps as f64;
            let x = (a.0 as f64 + t * dx).round() as usize;
            let y = (a.1 as f64 + t * dy).round() as usize;
            self.set((x, y), series);
        }
    }

    fn mark(&mut self, (column, row): (usize, usize), series: usize) {
        self.marks[(row / 4) * self.cells + column / 2] = Some(series);
    }

    /// The cell as text: its series' number, or its dots.
    fn cell(&self, at: usize, color: bool) -> String {
        let (glyph, series) = match self.marks[at] {
            Some(k) => (marker(k), Some(k)),
            None => (
                char::from_u32(0x2800 + u32::from(self.dots[at])).unwrap_or(' '),
                self.owner[at],
            ),
        };
        let glyph = if glyph == '\u{2800}' { ' ' } else { glyph };
        match (color, series) {
            (true, Some(k)) if glyph != ' ' => painted(glyph, k),
            _ => glyph.to_string(),
        }
    }

    fn render(
        &self,
        axis: &Axis,
        (x0, x1): (f64, f64),
        series: &[Series],
        width: Option<usize>,
        color: bool,
    ) -> String {
        let mut out = String::new();
        for row in 0..ROWS {
            let label = match row {
                0 => axis.label(true),
                r if r == ROWS - 1 => axis.label(false),
                _ => String::new(),
            };
            let tick = if label.is_empty() { '│' } else { '┤' };
            let cells: String = (0..self.cells)
                .map(|c| self.cell(row * self.cells + c, color))
                .collect();
            let line = format!("{label:>9} {tick}{cells}");
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out.push_str(&format!("{:>9} └{}\n", "", "─".repeat(self.cells)));
        let (left, right) = (number(x0), number(x1));
        let gap = (self.cells + 1).saturating_sub(columns(&left) + columns(&right));
        out.push_str(&format!("{:>10}{left}{}{right}\n", "", " ".repeat(gap)));
        let legend: Vec<String> = (series.iter().enumerate())
            .map(|(k, s)| match color {
                true => format!("{} {}", painted(marker(k), k), s.label),
                false => format!("{} {}", marker(k), s.label),
            })
            .collect();
        let room = width.unwrap_or(LABEL_COLUMNS + self.cells);
        out.push_str(&legend_lines(&legend, room));
        out
    }
}

/// The legend's entries, three spaces apart, in lines of at most `room`
/// columns after the labels' margin.
fn legend_lines(entries: &[String], room: usize) -> String {
    let margin = " ".repeat(LABEL_COLUMNS - 1);
    let mut out = String::new();
    let mut line = margin.clone();
    for entry in entries {
        let fresh = line.len() == margin.len();
        if !fresh && visible_columns(&line) + 3 + visible_columns(entry) > room {
            out.push_str(&format!("{line}\n"));
            line = margin.clone();
        }
        if line.len() > margin.len() {
            line.push_str("   ");
        }
        line.push_str(entry);
    }
    out.push_str(&format!("{line}\n"));
    out
}

/// `glyph` in the colour of series `k`.
fn painted(glyph: char, k: usize) -> String {
    format!("\x1b[{}m{glyph}\x1b[0m", COLOURS[k % COLOURS.len()])
}

/// The number marking series `k`: 1 to 9, then letters.
fn marker(k: usize) -> char {
    const MARKERS: &[u8] = b"123456789abcdefghijklmnopqrstuvwxyz";
    char::from(MARKERS[k % MARKERS.len()])
}

/// An x label: whole epochs without a decimal point.
fn number(x: f64) -> String {
    match x.fract() == 0.0 && x.abs() < 1e15 {
        true => format!("{x:.0}"),
        false => crate::number::format_significant(x, 4),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn falling(label: &str, scale: f64) -> Series {
        Series {
            label: label.into(),
            points: (0..=50)
                .map(|e| (e as f64, scale / (1.0 + e as f64)))
                .collect(),
        }
    }

    #[test]
    fn a_chart_fits_its_width_and_spans_it() {
        let series = [
            falling("training loss", 1.0),
            falling("validation loss", 2.0),
        ];
        for width in [40, 80, 120] {
            let chart = chart(&series, Some(width), false).unwrap().text;
            for line in chart.lines() {
                assert!(columns(line) <= width, "{width}: {line:?}");
            }
            // The last point of each series is in the last column.
            let rows: Vec<&str> = chart.lines().take(ROWS).collect();
            let longest = rows.iter().map(|l| columns(l)).max().unwrap();
            assert_eq!(
                longest,
                LABEL_COLUMNS + super::super::plot_dots(Some(width), 120) as usize / 2
            );
            assert!(chart.contains("1 training loss") && chart.contains("2 validation"));
        }
    }

    #[test]
    fn a_loss_that_falls_fast_still_moves_across_the_width() {
        // 1/(1 + e)²: nine tenths of the fall within the first fifth of
        // the epochs. On the log axis the middle column is still well
        // above the bottom row and below the top one.
        let series = [Series {
            label: "loss".into(),
            points: (0..=100)
                .map(|e| (e as f64, (1.0 + e as f64).powi(-2)))
                .collect(),
        }];
        let chart = chart(&series, Some(80), false).unwrap();
        assert!(chart.logarithmic);
        let rows: Vec<Vec<char>> = chart
            .text
            .lines()
            .take(ROWS)
            .map(|l| l.chars().collect())
            .collect();
        let middle = LABEL_COLUMNS + (super::super::plot_dots(Some(80), 120) as usize / 2) / 2;
        let drawn = |row: &Vec<char>| row.get(middle).is_some_and(|c| *c != ' ');
        let row = rows.iter().position(drawn).unwrap();
        assert!((2..ROWS - 1).contains(&row), "row {row}:\n{}", chart.text);
    }

    #[test]
    fn a_loss_over_a_wide_range_is_drawn_on_a_log_axis() {
        let axis = Axis::of(&[falling("a", 100.0)]).unwrap();
        assert!(axis.logarithmic);
        assert_eq!(axis.label(true), "100");
        let flat = Axis::of(&[Series {
            label: "b".into(),
            points: vec![(0.0, 1.0), (1.0, 2.0)],
        }])
        .unwrap();
        assert!(!flat.logarithmic);
        assert!(Axis::of(&[Series {
            label: "c".into(),
            points: vec![(0.0, f64::NAN)],
        }])
        .is_none());
    }
}
