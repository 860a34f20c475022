//! Pictures as SVG (plotters' SVG backend only): a function of one variable
//! with the iterates of an optimizer and their tangent lines, a function of
//! two variables as contour lines with each optimizer's path, training
//! curves, and a network drawn as neurons and weighted lines.
//!
//! Invariant: plots are returned as SVG text; writing files is the
//! caller's business, so a failed plot never leaves half a file behind.

use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// One optimizer's iterates for a function of one variable: (x, f(x),
/// f′(x)) per step.
pub struct Iterates1 {
    pub label: String,
    pub points: Vec<(f64, f64, f64)>,
}

/// One optimizer's path for a function of two variables.
pub struct Path2 {
    pub label: String,
    pub points: Vec<(f64, f64)>,
}

pub const WIDTH: u32 = 800;
pub const HEIGHT: u32 = 600;

const COLORS: [RGBColor; 6] = [
    RGBColor(31, 119, 180),
    RGBColor(214, 39, 40),
    RGBColor(44, 160, 44),
    RGBColor(148, 103, 189),
    RGBColor(255, 127, 14),
    RGBColor(23, 190, 207),
];

fn color(k: usize) -> RGBColor {
    COLORS[k % COLORS.len()]
}

/// A range around `values`, padded by a fifth and at least `min_width`.
fn padded(values: impl Iterator<Item = f64>, min_width: f64) -> (f64, f64) {
    let (lo, hi) = values
        .filter(|v| v.is_finite())
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
            (a.min(v), b.max(v))
        });
    if !lo.is_finite() {
        return (-1.0, 1.0);
    }
    let width = (hi - lo).max(min_width);
    let middle = 0.5 * (lo + hi);
    (middle - 0.6 * width, middle + 0.6 * width)
}

fn plot_error<E: std::fmt::Debug>(e: E) -> String {
    format!("the plot could not be drawn: {e:?}")
}

type Chart<'a, 'b> = ChartContext<
    'a,
    SVGBackend<'b>,
    Cartesian2d<plotters::coord::types::RangedCoordf64, plotters::coord::types::RangedCoordf64>,
>;

/// A titled chart with labelled axes over the given ranges.
fn chart<'a, 'b>(
    root: &'a DrawingArea<SVGBackend<'b>, plotters::coord::Shift>,
    title: &str,
    x: std::ops::Range<f64>,
    y: std::ops::Range<f64>,
    labels: (&str, &str),
) -> Result<Chart<'a, 'b>, String> {
    root.fill(&WHITE).map_err(plot_error)?;
    let mut chart = ChartBuilder::on(root)
        .caption(title, ("sans-serif", 22))
        .margin(20)
        .x_label_area_size(40)
        .y_label_area_size(60)
        .build_cartesian_2d(x, y)
        .map_err(plot_error)?;
    chart
        .configure_mesh()
        .light_line_style(WHITE)
        .x_desc(labels.0)
        .y_desc(labels.1)
        .draw()
        .map_err(plot_error)?;
    Ok(chart)
}

/// Draws the legend of the series that have labels.
fn legend<'a, 'b: 'a>(chart: &mut Chart<'a, 'b>) -> Result<(), String> {
    chart
        .configure_series_labels()
        .background_style(WHITE.mix(0.85))
        .border_style(BLACK)
        .draw()
        .map_err(plot_error)
}

/// f over a range covering the iterates, each iterate a dot with its
/// tangent line: the course's picture of descending a parabola.
pub fn function_with_iterates(
    title: &str,
    variable: &str,
    f: &dyn Fn(f64) -> Option<f64>,
    runs: &[Iterates1],
) -> Result<String, String> {
    let (a, b) = padded(runs.iter().flat_map(|r| r.points.iter().map(|p| p.0)), 2.0);
    // Widen so the curve shows on both sides of where the iterates went.
    let (x0, x1) = (a - 0.4 * (b - a), b + 0.4 * (b - a));
    let samples: Vec<(f64, f64)> = (0..=400)
        .filter_map(|i| {
            let x = x0 + (x1 - x0) * i as f64 / 400.0;
            f(x).filter(|y| y.is_finite()).map(|y| (x, y))
        })
        .collect();
    let iterate_values = runs.iter().flat_map(|r| r.points.iter().map(|p| p.1));
    let (mut y0, mut y1) = padded(samples.iter().map(|p| p.1).chain(iterate_values), 1e-9);
    // Keep the curve readable when a diverging run visits huge values.
    let lowest = samples.iter().map(|p| p.1).fold(f64::INFINITY, f64::min);
    if y1 - lowest > 1e6 * (1.0 + lowest.abs()) {
        y1 = lowest + 1e6 * (1.0 + lowest.abs());
        y0 = y0.max(lowest - 0.1 * (y1 - lowest));
    }
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, HEIGHT)).into_drawing_area();
        let mut chart = chart(&root, title, x0..x1, y0..y1, (variable, "f"))?;
        chart
            .draw_series(LineSeries::new(
                samples.iter().copied(),
                BLACK.stroke_width(2),
            ))
            .map_err(plot_error)?
            .label("f")
            .legend(|(x, y)| PathElement::new(vec![(x, y), (x + 20, y)], BLACK.stroke_width(2)));
        let half = 0.12 * (x1 - x0);
        for (k, run) in runs.iter().enumerate() {
            let c = color(k);
            let inside: Vec<(f64, f64, f64)> = run
                .points
                .iter()
                .copied()
                .filter(|p| p.1 >= y0 && p.1 <= y1)
                .collect();
            for &(x, y, slope) in &inside {
                let tangent = vec![(x - half, y - half * slope), (x + half, y + half * slope)];
                chart
                    .draw_series(std::iter::once(PathElement::new(
                        tangent,
                        c.mix(0.7).stroke_width(1),
                    )))
                    .map_err(plot_error)?;
            }
            chart
                .draw_series(
                    inside
                        .iter()
                        .map(|&(x, y, _)| Circle::new((x, y), 4, c.filled())),
                )
                .map_err(plot_error)?
                .label(run.label.clone())
                .legend(move |(x, y)| Circle::new((x + 10, y), 4, c.filled()));
        }
        legend(&mut chart)?;
        root.present().map_err(plot_error)?;
    }
    Ok(svg)
}

/// Contour lines of f over a box around the paths, and each path drawn
/// over them.
pub fn contours_with_paths(
    title: &str,
    variables: (&str, &str),
    f: &dyn Fn(f64, f64) -> Option<f64>,
    runs: &[Path2],
) -> Result<String, String> {
    let (x0, x1) = padded(runs.iter().flat_map(|r| r.points.iter().map(|p| p.0)), 1.0);
    let (y0, y1) = padded(runs.iter().flat_map(|r| r.points.iter().map(|p| p.1)), 1.0);
    const N: usize = 120;
    let grid: Vec<Vec<Option<f64>>> = (0..=N)
        .map(|j| {
            (0..=N)
                .map(|i| {
                    let x = x0 + (x1 - x0) * i as f64 / N as f64;
                    let y = y0 + (y1 - y0) * j as f64 / N as f64;
                    f(x, y).filter(|v| v.is_finite())
                })
                .collect()
        })
        .collect();
    let levels = contour_levels(grid.iter().flatten().flatten().copied());
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, HEIGHT)).into_drawing_area();
        let mut chart = chart(&root, title, x0..x1, y0..y1, variables)?;
        let at = |i: usize, j: usize| {
            (
                x0 + (x1 - x0) * i as f64 / N as f64,
                y0 + (y1 - y0) * j as f64 / N as f64,
            )
        };
        for (k, &level) in levels.iter().enumerate() {
            let shade = 80 + (150 * k / levels.len().max(1)) as u8;
            let style = RGBColor(shade, shade, shade).stroke_width(1);
            let mut segments = Vec::new();
            for j in 0..N {
                for i in 0..N {
                    let corners = [
                        grid[j][i],
                        grid[j][i + 1],
                        grid[j + 1][i + 1],
                        grid[j + 1][i],
                    ];
                    let positions = [at(i, j), at(i + 1, j), at(i + 1, j + 1), at(i, j + 1)];
                    segments.extend(cell_segments(corners, positions, level));
                }
            }
            chart
                .draw_series(
                    segments
                        .into_iter()
                        .map(|(a, b)| PathElement::new(vec![a, b], style)),
                )
                .map_err(plot_error)?;
        }
        for (k, run) in runs.iter().enumerate() {
            let c = color(k);
            chart
                .draw_series(LineSeries::new(
                    run.points.iter().copied(),
                    c.stroke_width(2),
                ))
                .map_err(plot_error)?
                .label(run.label.clone())
                .legend(move |(x, y)| {
                    PathElement::new(vec![(x, y), (x + 20, y)], c.stroke_width(2))
                });
            chart
                .draw_series(run.points.iter().map(|&p| Circle::new(p, 3, c.filled())))
                .map_err(plot_error)?;
        }
        legend(&mut chart)?;
        root.present().map_err(plot_error)?;
    }
    Ok(svg)
}

/// A curve over training: (epoch, value) points; a thin curve is drawn
/// light (per-iteration losses behind the per-epoch ones).
pub struct Curve {
    pub label: String,
    pub points: Vec<(f64, f64)>,
    pub thin: bool,
}

fn draw_curves(
    area: &DrawingArea<SVGBackend, plotters::coord::Shift>,
    title: &str,
    y_label: &str,
    curves: &[Curve],
) -> Result<(), String> {
    let (x0, x1) = curves
        .iter()
        .flat_map(|c| c.points.iter().map(|p| p.0))
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), x| {
            (a.min(x), b.max(x))
        });
    let (x0, x1) = if x0.is_finite() && x1 > x0 {
        (x0, x1)
    } else {
        (0.0, 1.0)
    };
    let (lo, hi) = curves
        .iter()
        .flat_map(|c| c.points.iter().map(|p| p.1).filter(|v| v.is_finite()))
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), y| {
            (a.min(y), b.max(y))
        });
    let (lo, hi) = if lo.is_finite() {
        (lo.min(0.0), hi.max(lo + 1e-9))
    } else {
        (0.0, 1.0)
    };
    let mut chart = chart(
        area,
        title,
        x0..x1,
        lo..hi + 0.05 * (hi - lo),
        ("epoch", y_label),
    )?;
    for (k, curve) in curves.iter().enumerate() {
        let c = color(k);
        let style = if curve.thin {
            c.mix(0.35).stroke_width(1)
        } else {
            c.stroke_width(2)
        };
        chart
            .draw_series(LineSeries::new(
                curve.points.iter().copied().filter(|p| p.1.is_finite()),
                style,
            ))
            .map_err(plot_error)?
            .label(curve.label.clone())
            .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 20, y)], style));
    }
    legend(&mut chart)
}

/// The loss over training (and the accuracy, when there is one, below it).
pub fn training_curves(title: &str, loss: &[Curve], accuracy: &[Curve]) -> Result<String, String> {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, HEIGHT)).into_drawing_area();
        root.fill(&WHITE).map_err(plot_error)?;
        if accuracy.is_empty() {
            draw_curves(&root, title, "loss", loss)?;
        } else {
            let (top, bottom) = root.split_vertically(HEIGHT * 3 / 5);
            draw_curves(&top, title, "loss", loss)?;
            draw_curves(&bottom, "accuracy", "accuracy", accuracy)?;
        }
        root.present().map_err(plot_error)?;
    }
    Ok(svg)
}

/// About fifteen contour levels: evenly spaced, or spaced by factors when
/// the values span several orders of magnitude above their minimum.
fn contour_levels(values: impl Iterator<Item = f64>) -> Vec<f64> {
    let (lo, hi) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
        (a.min(v), b.max(v))
    });
    if !lo.is_finite() || hi <= lo {
        return Vec::new();
    }
    const COUNT: usize = 15;
    let span = hi - lo;
    let first = span * 1e-4;
    if span / first > 1e3 {
        // Levels lo + first·rᵏ reaching the top: dense near the minimum,
        // where a valley's floor needs them.
        let ratio = (span / first).powf(1.0 / (COUNT - 1) as f64);
        (0..COUNT)
            .map(|k| lo + first * ratio.powi(k as i32))
            .collect()
    } else {
        (1..=COUNT)
            .map(|k| lo + span * k as f64 / (COUNT + 1) as f64)
            .collect()
    }
}

/// The pieces of the contour `level` crossing one grid cell (marching
/// squares, corners in order around the cell).
fn cell_segments(
    values: [Option<f64>; 4],
    positions: [(f64, f64); 4],
    level: f64,
) -> Vec<((f64, f64), (f64, f64))> {
    let Some(v) = values.iter().copied().collect::<Option<Vec<f64>>>() else {
        return Vec::new();
    };
    let mut crossings = Vec::new();
    for e in 0..4 {
        let (a, b) = (e, (e + 1) % 4);
        if (v[a] < level) != (v[b] < level) {
            let t = (level - v[a]) / (v[b] - v[a]);
            let (pa, pb) = (positions[a], positions[b]);
            crossings.push((pa.0 + t * (pb.0 - pa.0), pa.1 + t * (pb.1 - pa.1)));
        }
    }
    match crossings.len() {
        2 => vec![(crossings[0], crossings[1])],
        4 => vec![(crossings[0], crossings[1]), (crossings[2], crossings[3])],
        _ => Vec::new(),
    }
}

// The network itself: neurons in columns, weights as lines between them.

/// A parameter as the picture of a network labels it: its name, its value
/// and, when asked for, its gradient ∂E/∂name.
#[derive(Clone, Debug)]
pub struct DiagramParam {
    pub name: String,
    pub value: f64,
    pub gradient: Option<f64>,
}

/// A neuron in the picture of a network: its name, its value in the
/// forward pass shown (an input's value, or a neuron's out) and, when
/// asked for, its δ = ∂E/∂net.
#[derive(Clone, Debug)]
pub struct DiagramNeuron {
    pub name: String,
    pub value: f64,
    pub delta: Option<f64>,
}

/// A weight from neuron `from` of column `layer − 1` to neuron `to` of
/// column `layer` (column 0 holds the inputs).
#[derive(Clone, Debug)]
pub struct DiagramWeight {
    pub layer: usize,
    pub from: usize,
    pub to: usize,
    pub param: DiagramParam,
}

/// The biases feeding the neurons of column `layer`.
#[derive(Clone, Debug)]
pub enum DiagramBias {
    /// One bias shared by the column's neurons (Mazur's b1): a square
    /// holding its name, its value under it.
    Shared { layer: usize, param: DiagramParam },
    /// One bias per neuron, in the column's order: lines from a unit of
    /// constant input +1, each labelled like a weight.
    PerNeuron {
        layer: usize,
        params: Vec<DiagramParam>,
    },
}

/// Everything the picture of a network shows, with no knowledge of how
/// the network was computed.
#[derive(Clone, Debug)]
pub struct NetworkDiagram {
    /// "mazur (2-2-2)".
    pub title: String,
    /// The neurons by column, the inputs first.
    pub columns: Vec<Vec<DiagramNeuron>>,
    pub weights: Vec<DiagramWeight>,
    pub biases: Vec<DiagramBias>,
    /// What the values are (which sample, which step), written under the
    /// picture.
    pub caption: String,
}

const POSITIVE: RGBColor = COLORS[0];
const NEGATIVE: RGBColor = COLORS[1];
/// The colour of everything from the backward pass (δ, ∂E/∂w).
const BACKWARD: RGBColor = COLORS[3];
const GREY: RGBColor = RGBColor(120, 120, 120);
const INPUT_FILL: RGBColor = RGBColor(222, 235, 247);
const HIDDEN_FILL: RGBColor = RGBColor(238, 238, 238);
const OUTPUT_FILL: RGBColor = RGBColor(253, 232, 205);
/// Font sizes in pixels: titles, neuron names, every other label.
const TITLE_FONT: f64 = 19.0;
const NAME_FONT: f64 = 14.0;
const LABEL_FONT: f64 = 12.0;
/// The height of one line of labels.
const LINE: f64 = 15.0;
/// Columns with more neurons than this show their first and last
/// `SHOWN_ENDS` and a "⋮" between.
const MAX_SHOWN: usize = 10;
const SHOWN_ENDS: usize = 4;
/// A layer with more lines coming in than this has its weights left
/// unlabelled: so many labels make a picture no one can read.
const MAX_LABELS: usize = 12;
/// The most lines crossing a label, on average, before the picture is
/// spread out to make room; and before a layer's labels are given up.
const MAX_CROWDING: f64 = 0.25;
const MAX_GROUP_CROWDING: f64 = 0.5;
/// Space between columns, at least; rows of neurons are at most
/// `MAX_ROW` apart.
const MIN_GAP: f64 = 230.0;
const MAX_ROW: f64 = 170.0;
const TOP: f64 = 52.0;

/// A text style whose SVG font-size is `px` (plotters writes size / 1.24).
fn font(px: f64, bold: bool) -> FontDesc<'static> {
    let f = ("sans-serif", px * 1.24).into_font();
    if bold {
        f.style(FontStyle::Bold)
    } else {
        f
    }
}

/// About how wide `text` is in a sans-serif font of `px` pixels (DejaVu
/// Sans's widths, a little rounded up: an estimate that errs on the wide
/// side keeps labels apart in narrower fonts too).
fn text_width(text: &str, px: f64, bold: bool) -> f64 {
    let em: f64 = text
        .chars()
        .map(|c| match c {
            ' ' | '.' | ',' | ':' | 'i' | 'j' | 'l' | '|' | '\'' => 0.33,
            'f' | 't' | 'r' | '(' | ')' | '/' | '-' | '[' | ']' => 0.42,
            'm' | 'w' | 'M' | 'W' | '∝' | '…' => 0.9,
            '=' | '+' | '−' | '<' | '>' => 0.85,
            'A'..='Z' => 0.7,
            '∂' => 0.55,
            _ => 0.64,
        })
        .sum();
    em * px * if bold { 1.12 } else { 1.0 }
}

fn number(x: f64) -> String {
    crate::number::format_significant(x, 4)
}

/// An axis-aligned box in pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Rect {
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
}

impl Rect {
    fn centred((x, y): (f64, f64), width: f64, height: f64) -> Rect {
        Rect {
            x0: x - width / 2.0,
            y0: y - height / 2.0,
            x1: x + width / 2.0,
            y1: y + height / 2.0,
        }
    }

    fn grown(self, m: f64) -> Rect {
        Rect {
            x0: self.x0 - m,
            y0: self.y0 - m,
            x1: self.x1 + m,
            y1: self.y1 + m,
        }
    }

    fn overlaps(&self, o: &Rect) -> bool {
        self.x0 < o.x1 && o.x0 < self.x1 && self.y0 < o.y1 && o.y0 < self.y1
    }

    fn within(&self, outer: &Rect) -> bool {
        self.x0 >= outer.x0 && self.x1 <= outer.x1 && self.y0 >= outer.y0 && self.y1 <= outer.y1
    }

    /// Whether the segment a–b passes through the box (Liang–Barsky).
    fn crossed_by(&self, a: (f64, f64), b: (f64, f64)) -> bool {
        let (dx, dy) = (b.0 - a.0, b.1 - a.1);
        let (mut t0, mut t1) = (0.0f64, 1.0f64);
        for (p, q) in [
            (-dx, a.0 - self.x0),
            (dx, self.x1 - a.0),
            (-dy, a.1 - self.y0),
            (dy, self.y1 - a.1),
        ] {
            if p == 0.0 {
                if q < 0.0 {
                    return false;
                }
            } else if p < 0.0 {
                t0 = t0.max(q / p);
            } else {
                t1 = t1.min(q / p);
            }
        }
        t0 <= t1
    }
}

/// Lines of text, each with its colour, drawn centred one under another.
type Lines = Vec<(String, RGBColor)>;

fn lines_width(lines: &Lines) -> f64 {
    lines
        .iter()
        .map(|(t, _)| text_width(t, LABEL_FONT, false))
        .fold(0.0, f64::max)
}

/// The box of `lines` whose first line is centred at `top` + LINE/2.
fn lines_box(lines: &Lines, (x, top): (f64, f64)) -> Rect {
    let width = lines_width(lines);
    Rect {
        x0: x - width / 2.0,
        y0: top,
        x1: x + width / 2.0,
        y1: top + lines.len() as f64 * LINE,
    }
}

/// What one row of a column holds.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Row {
    Neuron(usize),
    /// The "⋮" standing for neurons first..=last.
    Elided {
        first: usize,
        last: usize,
    },
}

/// The rows of a column of `n` neurons: all of them, or the first and last
/// few around a "⋮".
fn column_rows(n: usize) -> Vec<Row> {
    if n <= MAX_SHOWN {
        return (0..n).map(Row::Neuron).collect();
    }
    let mut rows: Vec<Row> = (0..SHOWN_ENDS).map(Row::Neuron).collect();
    rows.push(Row::Elided {
        first: SHOWN_ENDS,
        last: n - SHOWN_ENDS - 1,
    });
    rows.extend((n - SHOWN_ENDS..n).map(Row::Neuron));
    rows
}

/// A line of the picture: a weight, or a bias feeding a neuron.
struct Segment {
    a: (f64, f64),
    b: (f64, f64),
    /// The visible part, between the shapes it joins.
    from: (f64, f64),
    to: (f64, f64),
    color: RGBColor,
    width: u32,
    dashed: bool,
}

/// A label to place along a segment, at a fraction of its visible part
/// near `preferred`.
struct EdgeLabel {
    segment: usize,
    lines: Lines,
    preferred: f64,
}

/// A label placed: its box and lines, and the colour of its border.
struct Placed {
    rect: Rect,
    lines: Lines,
    border: RGBColor,
}

/// One entry of the legend: a sample line (colour, width, dashed) with
/// its text, or text alone.
struct LegendEntry {
    sample: Option<(RGBColor, u32, bool)>,
    text: String,
    color: RGBColor,
}

impl LegendEntry {
    fn width(&self) -> f64 {
        let sample = if self.sample.is_some() { 34.0 } else { 0.0 };
        sample + text_width(&self.text, LABEL_FONT, false)
    }
}

/// Words of `text` gathered into lines at most `width` pixels wide.
fn wrap(text: &str, width: f64) -> Vec<String> {
    let space = text_width(" ", LABEL_FONT, false);
    crate::wrap::lines(text, width, width, space, |w| {
        text_width(w, LABEL_FONT, false)
    })
    .into_iter()
    .map(|line| line.join(" "))
    .collect()
}

/// Legend entries gathered into rows at most `width` pixels wide.
fn legend_rows(entries: Vec<LegendEntry>, width: f64) -> Vec<Vec<LegendEntry>> {
    const SPACING: f64 = 22.0;
    let mut rows: Vec<Vec<LegendEntry>> = vec![Vec::new()];
    let mut used = 0.0;
    for entry in entries {
        let w = entry.width();
        // Invariant: `rows` starts with one row and only ever grows.
        let row = rows.last_mut().expect("rows start with one");
        if !row.is_empty() && used + SPACING + w > width {
            rows.push(vec![entry]);
            used = w;
        } else {
            used += if row.is_empty() { w } else { SPACING + w };
            row.push(entry);
        }
    }
    rows
}

/// The text of a weight's (or a per-neuron bias's) label.
fn param_lines(p: &DiagramParam) -> Lines {
    let mut lines = vec![(format!("{} = {}", p.name, number(p.value)), BLACK)];
    if let Some(g) = p.gradient {
        lines.push((format!("∂E/∂{} = {}", p.name, number(g)), BACKWARD));
    }
    lines
}

fn neuron_lines(n: &DiagramNeuron) -> Lines {
    let mut lines = vec![(number(n.value), BLACK)];
    if let Some(d) = n.delta {
        lines.push((format!("δ = {}", number(d)), BACKWARD));
    }
    lines
}

fn bias_layer(b: &DiagramBias) -> usize {
    match b {
        DiagramBias::Shared { layer, .. } | DiagramBias::PerNeuron { layer, .. } => *layer,
    }
}

/// The text in a bias unit's square and the lines under it.
fn bias_text(b: &DiagramBias) -> (String, Lines) {
    match b {
        DiagramBias::Shared { param, .. } => {
            let mut lines = vec![(number(param.value), BLACK)];
            if let Some(g) = param.gradient {
                lines.push((format!("∂E/∂{} = {}", param.name, number(g)), BACKWARD));
            }
            (param.name.clone(), lines)
        }
        DiagramBias::PerNeuron { .. } => ("+1".to_string(), vec![("bias".to_string(), GREY)]),
    }
}

/// The best place along its segment for each label of a group, taken in
/// the order of `order`, and their total cost; `None` when one of them
/// has no place free of the others and of `obstacles`. A place is better
/// the fewer other lines cross its box (a dashed bias line counts less
/// than a weight), then the nearer it lies to the label's preferred
/// fraction.
fn place_labels(
    labels: &[EdgeLabel],
    order: &[usize],
    segments: &[Segment],
    obstacles: &[Rect],
    bounds: &Rect,
) -> Option<(Vec<Placed>, f64)> {
    let mut placed: Vec<Placed> = Vec::new();
    let mut total = 0.0;
    for label in order.iter().map(|&k| &labels[k]) {
        let s = &segments[label.segment];
        let width = lines_width(&label.lines) + 8.0;
        let height = label.lines.len() as f64 * LINE + 4.0;
        let mut best: Option<(f64, Rect)> = None;
        for k in 0..=45 {
            let t = 0.05 + 0.02 * k as f64;
            let centre = (
                s.from.0 + t * (s.to.0 - s.from.0),
                s.from.1 + t * (s.to.1 - s.from.1),
            );
            let rect = Rect::centred(centre, width, height);
            let margin = rect.grown(2.0);
            if !rect.within(bounds)
                || obstacles.iter().any(|o| o.overlaps(&margin))
                || placed.iter().any(|p| p.rect.overlaps(&margin))
            {
                continue;
            }
            let crossings: f64 = segments
                .iter()
                .enumerate()
                .filter(|&(i, o)| i != label.segment && rect.crossed_by(o.from, o.to))
                .map(|(_, o)| if o.dashed { 0.2 } else { 1.0 })
                .sum();
            let cost = crossings + 1.5 * (t - label.preferred).abs();
            if best.is_none_or(|(c, _)| cost < c) {
                best = Some((cost, rect));
            }
        }
        let (cost, rect) = best?;
        total += cost;
        placed.push(Placed {
            rect,
            lines: label.lines.clone(),
            border: s.color,
        });
    }
    Some((placed, total))
}

/// The point at distance `d` from `a` towards `b`.
fn towards(a: (f64, f64), b: (f64, f64), d: f64) -> (f64, f64) {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let length = (dx * dx + dy * dy).sqrt().max(1e-9);
    (a.0 + d * dx / length, a.1 + d * dy / length)
}

fn pixel((x, y): (f64, f64)) -> (i32, i32) {
    (x.round() as i32, y.round() as i32)
}

type Area<'a> = DrawingArea<SVGBackend<'a>, plotters::coord::Shift>;

fn draw_text(
    area: &Area,
    text: &str,
    at: (f64, f64),
    px: f64,
    bold: bool,
    color: RGBColor,
    h: HPos,
) -> Result<(), String> {
    let style = font(px, bold).color(&color).pos(Pos::new(h, VPos::Center));
    area.draw(&Text::new(text.to_string(), pixel(at), style))
        .map_err(plot_error)
}

/// Draws `lines` centred on `x`, the first centred at `top` + LINE/2.
fn draw_lines(area: &Area, lines: &Lines, (x, top): (f64, f64)) -> Result<(), String> {
    for (k, (text, color)) in lines.iter().enumerate() {
        let y = top + (k as f64 + 0.5) * LINE;
        draw_text(area, text, (x, y), LABEL_FONT, false, *color, HPos::Center)?;
    }
    Ok(())
}

/// A bias drawn: its square's centre (`None`: it feeds no column after
/// the first), the text in the square and the lines under it.
struct BiasUnit {
    centre: Option<(f64, f64)>,
    name: String,
    lines: Lines,
}

/// Where everything of a network's picture goes, in pixels.
struct Arrangement {
    width: f64,
    height: f64,
    radius: f64,
    /// The side of a bias unit's square.
    side: f64,
    /// The centre of each neuron drawn, by column (`None`: left out).
    centres: Vec<Vec<Option<(f64, f64)>>>,
    /// The lines under each neuron (value, δ), by column.
    under: Vec<Vec<Lines>>,
    bias_units: Vec<BiasUnit>,
    /// Each "⋮": where, and the names of the neurons it stands for.
    elisions: Vec<((f64, f64), String)>,
    segments: Vec<Segment>,
    labels: Vec<Placed>,
    /// Whether some layer's labels, few enough to be drawn, found no place.
    misfit: bool,
    /// The labels' mean cost (`place_labels`): about how many other lines
    /// cross each label.
    crowding: f64,
    legend: Vec<Vec<LegendEntry>>,
    caption: Vec<String>,
    caption_top: f64,
}

/// Lays out the picture of `d`, its columns `spread.0` and its rows
/// `spread.1` times as far apart as the least that fits.
fn arrange(d: &NetworkDiagram, spread: (f64, f64)) -> Arrangement {
    let columns = d.columns.len();
    let rows: Vec<Vec<Row>> = d.columns.iter().map(|c| column_rows(c.len())).collect();
    let backward = d.columns.iter().flatten().any(|n| n.delta.is_some())
        || d.weights.iter().any(|w| w.param.gradient.is_some());

    // Sizes: circles wide enough for every name, squares for every bias.
    let radius = d
        .columns
        .iter()
        .flatten()
        .map(|n| text_width(&n.name, NAME_FONT, true) / 2.0 + 7.0)
        .fold(20.0, f64::max);
    let bias_texts: Vec<(String, Lines)> = d.biases.iter().map(bias_text).collect();
    let side = bias_texts
        .iter()
        .map(|(t, _)| text_width(t, LABEL_FONT, true) + 12.0)
        .fold(26.0, f64::max);
    let under: Vec<Vec<Lines>> = d
        .columns
        .iter()
        .map(|c| c.iter().map(neuron_lines).collect())
        .collect();
    let all_under = || {
        under
            .iter()
            .flatten()
            .chain(bias_texts.iter().map(|(_, l)| l))
    };
    let under_lines = all_under().map(Vec::len).max().unwrap_or(1);
    let under_width = all_under().map(lines_width).fold(0.0, f64::max);

    // Columns across, with a margin on each side for the widest label.
    let margin = (radius.max(side / 2.0).max(under_width / 2.0) + 16.0).max(60.0);
    let gaps = (columns - 1).max(1) as f64;
    let title_width = text_width(&d.title, TITLE_FONT, true) + 40.0;
    let width = (f64::from(WIDTH).max(2.0 * margin + gaps * MIN_GAP) * spread.0)
        .max(title_width)
        .ceil();
    let gap = (width - 2.0 * margin) / gaps;
    let x: Vec<f64> = (0..columns)
        .map(|c| {
            if columns == 1 {
                width / 2.0
            } else {
                margin + c as f64 * gap
            }
        })
        .collect();

    // The legend and the caption at the bottom.
    let max_weight = d
        .weights
        .iter()
        .map(|w| w.param.value.abs())
        .filter(|v| v.is_finite())
        .fold(0.0, f64::max);
    let entry = |sample, text: String, color| LegendEntry {
        sample,
        text,
        color,
    };
    let mut legend = vec![
        entry(Some((POSITIVE, 4, false)), "positive weight".into(), BLACK),
        entry(Some((NEGATIVE, 4, false)), "negative weight".into(), BLACK),
        entry(
            None,
            format!("thickness ∝ |w| (thickest: |w| = {})", number(max_weight)),
            BLACK,
        ),
    ];
    if !d.biases.is_empty() {
        legend.push(entry(Some((GREY, 1, true)), "bias".into(), BLACK));
    }
    if backward {
        legend.push(entry(
            None,
            "purple: backward pass (δ = ∂E/∂net, ∂E/∂w)".into(),
            BACKWARD,
        ));
    }
    let text_room = width - 40.0;
    let legend = legend_rows(legend, text_room);
    let mut caption = wrap(&d.caption, text_room);
    let bottom_height = |caption_lines: usize| {
        10.0 + legend.len() as f64 * 22.0 + caption_lines as f64 * LINE + 10.0
    };

    // Rows down: each column centred, its bias unit just under it.
    let most_rows = rows.iter().map(Vec::len).max().unwrap_or(1) as f64;
    let offset = |c: usize| (most_rows - rows[c].len() as f64) / 2.0;
    let feeds = |b: &DiagramBias| Some(bias_layer(b)).filter(|l| (1..columns).contains(l));
    let shape = radius.max(side / 2.0);
    // A shape and the lines under it.
    let unit = 2.0 * shape + under_lines as f64 * LINE + 6.0;
    let bias_gap = if d.biases.iter().any(|b| feeds(b).is_some()) {
        unit + 16.0
    } else {
        0.0
    };
    let available = f64::from(HEIGHT) - TOP - bottom_height(caption.len());
    let row_height = ((available - bias_gap) / most_rows).clamp(unit + 14.0, MAX_ROW) * spread.1;
    // The centre of a shape in row r, from the top of the rows: the shape
    // and its lines centred in the row; a bias unit under its column.
    let row_y = |r: f64| r * row_height + (row_height - unit) / 2.0 + shape;
    let last_row_y = |c: usize| row_y(offset(c) + rows[c].len() as f64 - 1.0);
    let bias_row_y = |layer: usize| last_row_y(layer - 1) + bias_gap;
    // The drawing from its highest shape to the lines under its lowest,
    // centred in the room there is.
    let highest = (0..columns)
        .map(|c| row_y(offset(c)))
        .fold(f64::INFINITY, f64::min)
        - shape;
    let lowest = (0..columns)
        .map(last_row_y)
        .chain(d.biases.iter().filter_map(feeds).map(bias_row_y))
        .fold(f64::NEG_INFINITY, f64::max)
        + unit
        - shape;
    let room = available - 10.0;
    let content_top = TOP + 10.0 + ((room - (lowest - highest)) / 2.0).max(0.0) - highest;
    let caption_top =
        (content_top + lowest + 14.0).max(f64::from(HEIGHT) - bottom_height(caption.len()));
    let centre_y = |r: f64| content_top + row_y(r);
    let bias_y = |layer: usize| content_top + bias_row_y(layer);

    let mut centres: Vec<Vec<Option<(f64, f64)>>> =
        d.columns.iter().map(|c| vec![None; c.len()]).collect();
    let mut elisions: Vec<((f64, f64), String)> = Vec::new();
    for (c, column) in rows.iter().enumerate() {
        for (r, row) in column.iter().enumerate() {
            let at = (x[c], centre_y(offset(c) + r as f64));
            match *row {
                Row::Neuron(k) => centres[c][k] = Some(at),
                Row::Elided { first, last } => elisions.push((
                    at,
                    format!("{} … {}", d.columns[c][first].name, d.columns[c][last].name),
                )),
            }
        }
    }
    let bias_units: Vec<BiasUnit> = d
        .biases
        .iter()
        .zip(bias_texts)
        .map(|(b, (name, lines))| BiasUnit {
            centre: feeds(b).map(|l| (x[l - 1], bias_y(l))),
            name,
            lines,
        })
        .collect();

    // The lines: weights coloured by sign and thicker for larger |w|,
    // biases dashed; and the labels to place along them, by the column
    // they feed.
    let mut segments: Vec<Segment> = Vec::new();
    let mut groups: Vec<Vec<EdgeLabel>> = (0..columns).map(|_| Vec::new()).collect();
    for w in &d.weights {
        let source = w
            .layer
            .checked_sub(1)
            .and_then(|l| centres.get(l)?.get(w.from));
        let target = centres.get(w.layer).and_then(|c| c.get(w.to));
        let (Some(&Some(a)), Some(&Some(b))) = (source, target) else {
            continue;
        };
        let v = w.param.value;
        let color = if v > 0.0 {
            POSITIVE
        } else if v < 0.0 {
            NEGATIVE
        } else {
            GREY
        };
        // The ratio first: 5·|w| overflows for |w| near the largest float.
        let thickness = if max_weight > 0.0 && v.is_finite() {
            1 + (5.0 * (v.abs() / max_weight)).round() as u32
        } else {
            1
        };
        let target_row = rows[w.layer]
            .iter()
            .position(|r| *r == Row::Neuron(w.to))
            .unwrap_or(0);
        groups[w.layer].push(EdgeLabel {
            segment: segments.len(),
            lines: param_lines(&w.param),
            preferred: if target_row % 2 == 0 { 0.25 } else { 0.75 },
        });
        segments.push(Segment {
            a,
            b,
            from: towards(a, b, radius),
            to: towards(b, a, radius),
            color,
            width: thickness,
            dashed: false,
        });
    }
    for (b, unit) in d.biases.iter().zip(&bias_units) {
        let Some(a) = unit.centre else { continue };
        let layer = bias_layer(b);
        for (k, target) in centres[layer].iter().enumerate() {
            let Some(target) = *target else { continue };
            if let DiagramBias::PerNeuron { params, .. } = b {
                if let Some(p) = params.get(k) {
                    groups[layer].push(EdgeLabel {
                        segment: segments.len(),
                        lines: param_lines(p),
                        preferred: 0.75,
                    });
                }
            }
            segments.push(Segment {
                a,
                b: target,
                from: towards(a, target, side * 0.6),
                to: towards(target, a, radius),
                color: GREY,
                width: 1,
                dashed: true,
            });
        }
    }

    // Labels cover no shape, no lines under a shape, no other label; they
    // stay between the title and the legend.
    let mut obstacles: Vec<Rect> = Vec::new();
    for (c, column) in centres.iter().enumerate() {
        for (k, centre) in column.iter().enumerate() {
            let Some(at) = *centre else { continue };
            obstacles.push(Rect::centred(at, 2.0 * radius, 2.0 * radius).grown(2.0));
            obstacles.push(lines_box(&under[c][k], (at.0, at.1 + radius + 3.0)).grown(1.0));
        }
    }
    for unit in &bias_units {
        let Some(at) = unit.centre else { continue };
        obstacles.push(Rect::centred(at, side, side).grown(2.0));
        obstacles.push(lines_box(&unit.lines, (at.0, at.1 + side / 2.0 + 3.0)).grown(1.0));
    }
    for (at, names) in &elisions {
        obstacles.push(Rect::centred(*at, 12.0, 40.0));
        obstacles.push(lines_box(&vec![(names.clone(), GREY)], (at.0, at.1 + 20.0)));
    }
    let bounds = Rect {
        x0: 2.0,
        y0: TOP - 10.0,
        x1: width - 2.0,
        y1: caption_top - 2.0,
    };
    let mut labels: Vec<Placed> = Vec::new();
    let mut unlabelled: Vec<String> = Vec::new();
    let mut misfit = false;
    let mut crowding = 0.0;
    for (c, group) in groups.iter().enumerate() {
        if group.is_empty() {
            continue;
        }
        // Labels are placed one by one, so the order matters: try a few.
        let forward: Vec<usize> = (0..group.len()).collect();
        let mut by_source = forward.clone();
        by_source.sort_by(|&i, &j| {
            let (a, b) = (&segments[group[i].segment], &segments[group[j].segment]);
            a.a.1.total_cmp(&b.a.1)
        });
        let orders = [
            forward.iter().rev().copied().collect(),
            by_source.iter().rev().copied().collect(),
            forward,
            by_source,
        ];
        let best = orders
            .iter()
            .filter(|_| group.len() <= MAX_LABELS)
            .filter_map(|order| place_labels(group, order, &segments, &obstacles, &bounds))
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .filter(|(_, cost)| *cost <= MAX_GROUP_CROWDING * group.len() as f64);
        match best {
            Some((placed, cost)) => {
                crowding += cost;
                obstacles.extend(placed.iter().map(|p| p.rect));
                labels.extend(placed);
            }
            None => {
                misfit |= group.len() <= MAX_LABELS;
                let names = &d.columns[c];
                unlabelled.push(match names.len() {
                    1 => names[0].name.clone(),
                    n => format!("{} … {}", names[0].name, names[n - 1].name),
                });
            }
        }
    }
    if !unlabelled.is_empty() {
        caption.extend(wrap(
            &format!(
                "The weights into {} are not labelled: they are too many to label legibly (stepgrad net lists every one).",
                unlabelled.join(" and into ")
            ),
            text_room,
        ));
    }
    let crowding = crowding / labels.len().max(1) as f64;
    let height = (caption_top + bottom_height(caption.len()))
        .max(f64::from(HEIGHT))
        .ceil();
    Arrangement {
        width,
        height,
        radius,
        side,
        centres,
        under,
        bias_units,
        elisions,
        segments,
        labels,
        misfit,
        crowding,
        legend,
        caption,
        caption_top,
    }
}

/// The picture of a network: neurons as circles in columns (inputs left,
/// outputs right), each named, with its value under it (and its δ, when
/// given); each weight a line whose thickness grows with |w| and whose
/// colour gives its sign, labelled with its name and value (and ∂E/∂w,
/// when given); biases as squares with dashed lines to the neurons they
/// feed. A column of more than ten neurons shows its first and last four
/// around a "⋮".
///
/// Labels overlap nothing but lines, and a label's own line runs through
/// its middle. When some label finds no place, or other lines cross too
/// many labels, the picture is spread out (its columns up to 1.6 times as
/// far apart) until the labels fit clear of the lines; when some layer's
/// labels fit
/// nowhere, or it has more than twelve lines coming in, its weights go
/// unlabelled and the caption says so.
pub fn network_diagram(d: &NetworkDiagram) -> Result<String, String> {
    if d.columns.is_empty() {
        return Err("the network has no neurons to draw".to_string());
    }
    // The least spread that labels everything with few lines crossing
    // the labels; else the least crowded that labels what it can.
    let mut best: Option<Arrangement> = None;
    for spread in [(1.0, 1.0), (1.2, 1.1), (1.4, 1.2), (1.6, 1.3)] {
        let a = arrange(d, spread);
        if !a.misfit && a.crowding <= MAX_CROWDING {
            return draw(d, &a);
        }
        let better = best
            .as_ref()
            .is_none_or(|b| !a.misfit && (b.misfit || a.crowding < b.crowding));
        if better {
            best = Some(a);
        }
    }
    let best = best.ok_or("the network could not be arranged")?;
    draw(d, &best)
}

/// The picture itself, everything where `a` puts it.
fn draw(d: &NetworkDiagram, a: &Arrangement) -> Result<String, String> {
    let columns = d.columns.len();
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (a.width as u32, a.height as u32))
            .into_drawing_area();
        root.fill(&WHITE).map_err(plot_error)?;
        let corners = |r: Rect| [pixel((r.x0, r.y0)), pixel((r.x1, r.y1))];
        // Lines under a shape, on a white ground so no line runs through
        // them.
        let under = |lines: &Lines, at: (f64, f64)| -> Result<(), String> {
            let ground = lines_box(lines, at).grown(1.0);
            root.draw(&Rectangle::new(corners(ground), WHITE.filled()))
                .map_err(plot_error)?;
            draw_lines(&root, lines, at)
        };
        for s in &a.segments {
            let style = s.color.stroke_width(s.width);
            let ends = vec![pixel(s.a), pixel(s.b)];
            if s.dashed {
                root.draw(&DashedPathElement::new(ends, 5, 4, style))
            } else {
                root.draw(&PathElement::new(ends, style))
            }
            .map_err(plot_error)?;
        }
        let radius = a.radius.round() as i32;
        for (c, column) in a.centres.iter().enumerate() {
            let fill = if c == 0 {
                INPUT_FILL
            } else if c + 1 == columns {
                OUTPUT_FILL
            } else {
                HIDDEN_FILL
            };
            for (k, centre) in column.iter().enumerate() {
                let Some(at) = *centre else { continue };
                root.draw(&Circle::new(pixel(at), radius, fill.filled()))
                    .map_err(plot_error)?;
                root.draw(&Circle::new(pixel(at), radius, BLACK.stroke_width(2)))
                    .map_err(plot_error)?;
                let name = &d.columns[c][k].name;
                draw_text(&root, name, at, NAME_FONT, true, BLACK, HPos::Center)?;
                under(&a.under[c][k], (at.0, at.1 + a.radius + 3.0))?;
            }
        }
        for unit in &a.bias_units {
            let Some(at) = unit.centre else { continue };
            let square = corners(Rect::centred(at, a.side, a.side));
            root.draw(&Rectangle::new(square, RGBColor(250, 250, 250).filled()))
                .map_err(plot_error)?;
            root.draw(&Rectangle::new(square, GREY.stroke_width(1)))
                .map_err(plot_error)?;
            draw_text(&root, &unit.name, at, LABEL_FONT, true, BLACK, HPos::Center)?;
            under(&unit.lines, (at.0, at.1 + a.side / 2.0 + 3.0))?;
        }
        for (at, names) in &a.elisions {
            for dy in [-12.0, 0.0, 12.0] {
                root.draw(&Circle::new(pixel((at.0, at.1 + dy)), 3, BLACK.filled()))
                    .map_err(plot_error)?;
            }
            under(&vec![(names.clone(), GREY)], (at.0, at.1 + 20.0))?;
        }
        for label in &a.labels {
            let r = label.rect;
            root.draw(&Rectangle::new(corners(r), WHITE.mix(0.8).filled()))
                .map_err(plot_error)?;
            root.draw(&Rectangle::new(
                corners(r),
                label.border.mix(0.7).stroke_width(1),
            ))
            .map_err(plot_error)?;
            let top = (r.y0 + r.y1) / 2.0 - label.lines.len() as f64 * LINE / 2.0;
            draw_lines(&root, &label.lines, ((r.x0 + r.x1) / 2.0, top))?;
        }
        let middle = (a.width / 2.0, 26.0);
        draw_text(
            &root,
            &d.title,
            middle,
            TITLE_FONT,
            true,
            BLACK,
            HPos::Center,
        )?;
        let mut y = a.caption_top + 10.0 + 11.0;
        for row in &a.legend {
            let mut x = 20.0;
            for entry in row {
                if let Some((color, stroke, dashed)) = entry.sample {
                    let ends = vec![pixel((x, y)), pixel((x + 26.0, y))];
                    let style = color.stroke_width(stroke);
                    if dashed {
                        root.draw(&DashedPathElement::new(ends, 5, 4, style))
                    } else {
                        root.draw(&PathElement::new(ends, style))
                    }
                    .map_err(plot_error)?;
                    x += 34.0;
                }
                let color = entry.color;
                draw_text(
                    &root,
                    &entry.text,
                    (x, y),
                    LABEL_FONT,
                    false,
                    color,
                    HPos::Left,
                )?;
                x += text_width(&entry.text, LABEL_FONT, false) + 22.0;
            }
            y += 22.0;
        }
        for line in &a.caption {
            let color = RGBColor(60, 60, 60);
            draw_text(&root, line, (20.0, y), LABEL_FONT, false, color, HPos::Left)?;
            y += LINE;
        }
        root.present().map_err(plot_error)?;
    }
    Ok(svg)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contour_segments_cross_the_level() {
        let segments = cell_segments(
            [Some(0.0), Some(2.0), Some(2.0), Some(0.0)],
            [(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0)],
            1.0,
        );
        assert_eq!(segments, vec![((0.5, 0.0), (0.5, 1.0))]);
    }

    #[test]
    fn plots_are_svg() {
        let parabola = |x: f64| Some(x * x);
        let runs = [Iterates1 {
            label: "sgd".into(),
            points: vec![(2.0, 4.0, 4.0), (1.2, 1.44, 2.4)],
        }];
        let svg = function_with_iterates("f = x²", "x", &parabola, &runs).unwrap();
        assert!(svg.starts_with("<svg") && svg.contains("</svg>") && svg.contains("<circle"));
        let bowl = |x: f64, y: f64| Some(x * x + 3.0 * y * y);
        let paths = [Path2 {
            label: "sgd".into(),
            points: vec![(1.0, 1.0), (0.5, 0.2), (0.1, 0.0)],
        }];
        let svg = contours_with_paths("bowl", ("x", "y"), &bowl, &paths).unwrap();
        assert!(svg.contains("<polyline") || svg.contains("<path"));
    }

    /// A fully connected network of the given widths, weights alternating
    /// in sign, a shared bias per layer; with gradients when asked.
    fn dense(sizes: &[usize], gradients: bool) -> NetworkDiagram {
        let param = |name: String, value: f64| DiagramParam {
            name,
            value,
            gradient: gradients.then_some(0.01 * value),
        };
        let columns = sizes
            .iter()
            .enumerate()
            .map(|(l, &n)| {
                (0..n)
                    .map(|k| DiagramNeuron {
                        name: format!("n{l}_{}", k + 1),
                        value: 0.5,
                        delta: (gradients && l > 0).then_some(0.1),
                    })
                    .collect()
            })
            .collect();
        let mut weights = Vec::new();
        for layer in 1..sizes.len() {
            for to in 0..sizes[layer] {
                for from in 0..sizes[layer - 1] {
                    let value = if (to + from) % 2 == 0 { 0.4 } else { -0.25 };
                    let name = format!("w{}", weights.len() + 1);
                    weights.push(DiagramWeight {
                        layer,
                        from,
                        to,
                        param: param(name, value),
                    });
                }
            }
        }
        let biases = (1..sizes.len())
            .map(|layer| DiagramBias::Shared {
                layer,
                param: param(format!("b{layer}"), 0.3),
            })
            .collect();
        NetworkDiagram {
            title: "test".into(),
            columns,
            weights,
            biases,
            caption: "A caption.".into(),
        }
    }

    #[test]
    fn long_columns_show_their_ends() {
        assert_eq!(
            column_rows(3),
            vec![Row::Neuron(0), Row::Neuron(1), Row::Neuron(2)]
        );
        let rows = column_rows(16);
        assert_eq!(rows.len(), 2 * SHOWN_ENDS + 1);
        assert_eq!(rows[SHOWN_ENDS], Row::Elided { first: 4, last: 11 });
        assert_eq!(rows[2 * SHOWN_ENDS], Row::Neuron(15));
    }

    #[test]
    fn labels_sit_on_their_lines_apart_and_inside() {
        for gradients in [false, true] {
            let d = dense(&[2, 2, 2], gradients);
            let a = arrange(&d, (1.0, 1.0));
            assert!(!a.misfit);
            assert_eq!(a.labels.len(), 8);
            let page = Rect {
                x0: 0.0,
                y0: 0.0,
                x1: a.width,
                y1: a.caption_top,
            };
            for (i, label) in a.labels.iter().enumerate() {
                assert!(label.rect.within(&page), "{:?}", label.rect);
                for other in &a.labels[i + 1..] {
                    assert!(!label.rect.overlaps(&other.rect));
                }
                // The label's centre is on its weight's line.
                let (cx, cy) = (
                    (label.rect.x0 + label.rect.x1) / 2.0,
                    (label.rect.y0 + label.rect.y1) / 2.0,
                );
                let distance = |s: &Segment| {
                    let (dx, dy) = (s.b.0 - s.a.0, s.b.1 - s.a.1);
                    (dx * (cy - s.a.1) - dy * (cx - s.a.0)).abs() / dx.hypot(dy)
                };
                assert!(
                    a.segments.iter().any(|s| distance(s) < 1e-6),
                    "{:?}",
                    label.lines
                );
            }
            for column in &a.centres {
                for &at in column.iter().flatten() {
                    let circle = Rect::centred(at, 2.0 * a.radius, 2.0 * a.radius);
                    assert!(a.labels.iter().all(|l| !l.rect.overlaps(&circle)));
                }
            }
        }
    }

    #[test]
    fn crowded_layers_go_unlabelled_and_the_caption_says_so() {
        let svg = network_diagram(&dense(&[4, 16, 3], true)).unwrap();
        assert!(svg.starts_with("<svg width=\"800\""));
        assert!(!svg.contains("w1 = 0.4"));
        assert!(svg.contains("The weights into n1_1 … n1_16 and into n2_1 … n2_3 are not labelled"));
        assert!(svg.contains("n1_5 … n1_12"));
        assert!(svg.contains("δ = 0.1"));
    }
}
