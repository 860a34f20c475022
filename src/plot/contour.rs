//! A function of two variables as contour lines (marching squares on a
//! grid), with each optimizer's path drawn over them. The view is chosen
//! from where the paths go: a point far outside the bulk of them (Newton's
//! first jump on Rosenbrock's valley) is left out of it, and a note under
//! the picture says how many were. The start and the lowest point found
//! are marked, a few contour lines carry their value, and the shortest
//! paths are drawn last, so that none hides under a longer one.

use super::{
    chart, color, draw_legend_below, legend_height, padded, plot_error, text_width, Chart, Sample,
    HEIGHT, WIDTH,
};
use crate::i18n::Lang;
use plotters::prelude::*;

/// One optimizer's path for a function of two variables.
pub struct Path2 {
    pub label: String,
    pub points: Vec<(f64, f64)>,
}

/// Grid cells along each side of the view.
const N: usize = 200;
/// The height of the note under the picture when points are left out.
const NOTE_HEIGHT: u32 = 30;
/// Contour labels' font (plotters' units; the SVG says 12 px).
const LEVEL_FONT: f64 = 15.0;
/// Paths with at most this many points show each point as a dot.
const DOTTED_UP_TO: usize = 80;

/// The box the picture shows, and how many path points lie outside it.
#[derive(Clone, Copy, Debug, PartialEq)]
struct View {
    x: (f64, f64),
    y: (f64, f64),
    left_out: usize,
}

/// The values between Tukey's fences on the 10th and 90th percentiles:
/// generous for a path that spreads, tight against a lone jump far away.
fn fence(values: &mut [f64]) -> (f64, f64) {
    if values.is_empty() {
        return (f64::NEG_INFINITY, f64::INFINITY);
    }
    values.sort_by(f64::total_cmp);
    let at = |t: f64| values[((values.len() - 1) as f64 * t).round() as usize];
    let (low, high) = (at(0.1), at(0.9));
    let spread = (high - low).max(1e-9 * (1.0 + at(0.5).abs()));
    (low - 1.5 * spread, high + 1.5 * spread)
}

/// The view around the paths' points within the fences of both
/// coordinates, always with the points in `keep` (the start, the lowest
/// point found), padded a little.
fn view_around(runs: &[Path2], keep: &[(f64, f64)]) -> View {
    let points: Vec<(f64, f64)> = runs
        .iter()
        .flat_map(|r| r.points.iter().copied())
        .filter(|p| p.0.is_finite() && p.1.is_finite())
        .collect();
    let (fx, fy) = (
        fence(&mut points.iter().map(|p| p.0).collect::<Vec<_>>()),
        fence(&mut points.iter().map(|p| p.1).collect::<Vec<_>>()),
    );
    let within = |p: &&(f64, f64)| p.0 >= fx.0 && p.0 <= fx.1 && p.1 >= fy.0 && p.1 <= fy.1;
    let kept: Vec<(f64, f64)> = points.iter().filter(within).copied().collect();
    let left_out = points.len() - kept.len();
    let shown = || kept.iter().chain(keep.iter());
    View {
        x: padded(shown().map(|p| p.0), 1.0),
        y: padded(shown().map(|p| p.1), 1.0),
        left_out,
    }
}

/// The point of the paths where f is lowest.
fn lowest_point(runs: &[Path2], f: &dyn Fn(f64, f64) -> Option<f64>) -> Option<(f64, f64)> {
    runs.iter()
        .flat_map(|r| r.points.iter().copied())
        .filter_map(|p| f(p.0, p.1).filter(|v| v.is_finite()).map(|v| (p, v)))
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(p, _)| p)
}

/// The view the SVG picture would show — x's and y's ranges around the
/// paths, the start and the lowest point found kept in it — and how many
/// path points fall outside it; a terminal picture shows the same region.
pub fn region_of_interest(
    runs: &[Path2],
    f: &dyn Fn(f64, f64) -> Option<f64>,
) -> ((f64, f64), (f64, f64), usize) {
    let start = runs.iter().find_map(|r| r.points.first().copied());
    let keep: Vec<(f64, f64)> = start.into_iter().chain(lowest_point(runs, f)).collect();
    let view = view_around(runs, &keep);
    (view.x, view.y, view.left_out)
}

fn point_text(p: (f64, f64)) -> String {
    let n = |v: f64| crate::number::format_significant(v, 4);
    format!("{}, {}", n(p.0), n(p.1))
}

/// Contour lines of f over the paths' region of interest, each path drawn
/// over them (the shortest last), the start and the lowest point found
/// marked, its words in `lang`.
pub fn contours_with_paths(
    lang: Lang,
    title: &str,
    variables: (&str, &str),
    f: &dyn Fn(f64, f64) -> Option<f64>,
    runs: &[Path2],
) -> Result<String, String> {
    let start = runs.iter().find_map(|r| r.points.first().copied());
    let lowest = lowest_point(runs, f);
    let keep: Vec<(f64, f64)> = start.into_iter().chain(lowest).collect();
    let view = view_around(runs, &keep);
    let grid = sample_grid(f, &view);
    let levels = contour_levels(grid.iter().flatten().flatten().copied());
    let entries = legend_entries(lang, runs, start, lowest);
    let note_height = if view.left_out > 0 { NOTE_HEIGHT } else { 0 };
    let legend_height = legend_height(&entries, WIDTH, usize::MAX);
    let height = HEIGHT + legend_height + note_height;
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, height)).into_drawing_area();
        root.fill(&WHITE).map_err(plot_error)?;
        let (top, bottom) = root.split_vertically(HEIGHT);
        let (legend_area, note_area) = bottom.split_vertically(legend_height);
        let (x, y) = (view.x, view.y);
        let mut chart = chart(&top, title, x.0..x.1, y.0..y.1, variables)?;
        let segments = contour_segments(&grid, &view, &levels);
        draw_contours(&mut chart, &levels, &segments)?;
        let labels = level_labels(&chart, &levels, &segments, runs);
        draw_level_labels(&chart, &labels)?;
        draw_paths(&mut chart, runs)?;
        draw_markers(&mut chart, start, lowest)?;
        draw_legend_below(&legend_area, &entries, (WIDTH, usize::MAX))?;
        if view.left_out > 0 {
            let note = crate::msg!(lang, "plot-view-left-out", count = view.left_out);
            let style = ("sans-serif", 15.0)
                .into_font()
                .color(&RGBColor(60, 60, 60));
            note_area
                .draw(&Text::new(note, (30, 6), style))
                .map_err(plot_error)?;
        }
        root.present().map_err(plot_error)?;
    }
    Ok(svg)
}

/// The contour lines, darker for lower levels.
fn draw_contours(
    chart: &mut Chart,
    levels: &[f64],
    segments: &[Vec<Segment>],
) -> Result<(), String> {
    for (k, level_segments) in segments.iter().enumerate() {
        let shade = 80 + (150 * k / levels.len().max(1)) as u8;
        let style = RGBColor(shade, shade, shade).stroke_width(1);
        chart
            .draw_series(
                level_segments
                    .iter()
                    .map(|&(a, b)| PathElement::new(vec![a, b], style)),
            )
            .map_err(plot_error)?;
    }
    Ok(())
}

/// f at the corners of the view's grid cells, row by row from the bottom.
fn sample_grid(f: &dyn Fn(f64, f64) -> Option<f64>, view: &View) -> Vec<Vec<Option<f64>>> {
    (0..=N)
        .map(|j| {
            (0..=N)
                .map(|i| {
                    let (x, y) = grid_point(view, i, j);
                    f(x, y).filter(|v| v.is_finite())
                })
                .collect()
        })
        .collect()
}

fn grid_point(view: &View, i: usize, j: usize) -> (f64, f64) {
    (
        view.x.0 + (view.x.1 - view.x.0) * i as f64 / N as f64,
        view.y.0 + (view.y.1 - view.y.0) * j as f64 / N as f64,
    )
}

type Segment = ((f64, f64), (f64, f64));

/// Each level's contour pieces over the grid.
fn contour_segments(grid: &[Vec<Option<f64>>], view: &View, levels: &[f64]) -> Vec<Vec<Segment>> {
    levels
        .iter()
        .map(|&level| {
            let mut segments = Vec::new();
            for j in 0..N {
                for i in 0..N {
                    let corners = [
                        grid[j][i],
                        grid[j][i + 1],
                        grid[j + 1][i + 1],
                        grid[j + 1][i],
                    ];
                    let positions = [
                        grid_point(view, i, j),
                        grid_point(view, i + 1, j),
                        grid_point(view, i + 1, j + 1),
                        grid_point(view, i, j + 1),
                    ];
                    segments.extend(cell_segments(corners, positions, level));
                }
            }
            segments
        })
        .collect()
}

/// A box in pixels: left, top, right, bottom.
type PixelBox = (f64, f64, f64, f64);

fn overlap(a: PixelBox, b: PixelBox) -> bool {
    a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
}

fn pixel(chart: &Chart, p: (f64, f64)) -> (f64, f64) {
    let (x, y) = chart.backend_coord(&p);
    (x as f64, y as f64)
}

/// The plotting area's box in pixels.
fn plotting_box(chart: &Chart) -> PixelBox {
    let (xs, ys) = chart.plotting_area().get_pixel_range();
    (
        xs.start as f64,
        ys.start as f64,
        xs.end as f64,
        ys.end as f64,
    )
}

/// The box of a contour label centred at `at`.
fn label_box(text: &str, at: (f64, f64)) -> PixelBox {
    let (w, h) = (text_width(text, LEVEL_FONT / 1.24, false) + 6.0, 16.0);
    (
        at.0 - w / 2.0,
        at.1 - h / 2.0,
        at.0 + w / 2.0,
        at.1 + h / 2.0,
    )
}

/// A label for every other contour level, at most seven: each on a piece
/// of its line, inside the plot, clear of the other labels
/// and of the paths' points.
fn level_labels(
    chart: &Chart,
    levels: &[f64],
    segments: &[Vec<Segment>],
    runs: &[Path2],
) -> Vec<(String, PixelBox)> {
    let inner = plotting_box(chart);
    let path_pixels: Vec<(f64, f64)> = runs
        .iter()
        .flat_map(|r| {
            let step = (r.points.len() / 400).max(1);
            r.points.iter().step_by(step).map(|&p| pixel(chart, p))
        })
        .collect();
    let mut placed: Vec<(String, PixelBox)> = Vec::new();
    for (k, level) in levels.iter().enumerate().skip(1).step_by(2) {
        if placed.len() == 7 {
            break;
        }
        let text = crate::number::format_significant(*level, 3);
        let pieces = &segments[k];
        let stride = (pieces.len() / 60).max(1);
        let spot = middle_out(pieces.len(), stride)
            .map(|s| {
                let (a, b) = pieces[s];
                let m = pixel(chart, ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0));
                label_box(&text, m)
            })
            .find(|&r| {
                r.0 > inner.0 + 4.0
                    && r.2 < inner.2 - 4.0
                    && r.1 > inner.1 + 4.0
                    && r.3 < inner.3 - 4.0
                    && placed
                        .iter()
                        .all(|(_, o)| !overlap(r, (o.0 - 6.0, o.1 - 6.0, o.2 + 6.0, o.3 + 6.0)))
                    && path_pixels
                        .iter()
                        .all(|&(x, y)| !overlap(r, (x - 5.0, y - 5.0, x + 5.0, y + 5.0)))
            });
        if let Some(r) = spot {
            placed.push((text, r));
        }
    }
    placed
}

/// Indices from the middle of `0..len` outwards, `stride` apart: the
/// middle of a line is where a reader looks first.
fn middle_out(len: usize, stride: usize) -> impl Iterator<Item = usize> {
    let middle = len / 2;
    (0..=middle.max(len - middle))
        .step_by(stride)
        .flat_map(move |d| [middle.checked_add(d), middle.checked_sub(d)])
        .flatten()
        .filter(move |&i| i < len)
}

/// Each contour label's value on a white ground over its line.
fn draw_level_labels(chart: &Chart, labels: &[(String, PixelBox)]) -> Result<(), String> {
    let area = chart.plotting_area().strip_coord_spec();
    let (dx, dy) = {
        let inner = plotting_box(chart);
        (inner.0, inner.1)
    };
    let style = ("sans-serif", LEVEL_FONT)
        .into_font()
        .color(&RGBColor(70, 70, 70))
        .pos(plotters::style::text_anchor::Pos::new(
            plotters::style::text_anchor::HPos::Center,
            plotters::style::text_anchor::VPos::Center,
        ));
    for (text, r) in labels {
        let corner = |x: f64, y: f64| ((x - dx).round() as i32, (y - dy).round() as i32);
        area.draw(&Rectangle::new(
            [corner(r.0, r.1), corner(r.2, r.3)],
            WHITE.filled(),
        ))
        .map_err(plot_error)?;
        let centre = corner((r.0 + r.2) / 2.0, (r.1 + r.3) / 2.0);
        area.draw(&Text::new(text.clone(), centre, style.clone()))
            .map_err(plot_error)?;
    }
    Ok(())
}

/// A path's length in pixels.
fn drawn_length(chart: &Chart, run: &Path2) -> f64 {
    run.points
        .windows(2)
        .map(|w| {
            let (a, b) = (pixel(chart, w[0]), pixel(chart, w[1]));
            (a.0 - b.0).hypot(a.1 - b.1)
        })
        .sum()
}

impl View {
    fn contains(&self, p: (f64, f64)) -> bool {
        p.0 >= self.x.0 && p.0 <= self.x.1 && p.1 >= self.y.0 && p.1 <= self.y.1
    }

    /// The part of the segment a–b inside the view (Liang–Barsky).
    fn clip(&self, a: (f64, f64), b: (f64, f64)) -> Option<((f64, f64), (f64, f64))> {
        let (t0, t1) = super::clip_span(a, b, self.x, self.y)?;
        let at = |t: f64| (a.0 + t * (b.0 - a.0), a.1 + t * (b.1 - a.1));
        Some((at(t0), at(t1)))
    }
}

/// The chart's ranges as a view.
fn chart_view(chart: &Chart) -> View {
    let (x, y) = (chart.x_range(), chart.y_range());
    View {
        x: (x.start, x.end),
        y: (y.start, y.end),
        left_out: 0,
    }
}

/// The parts of a path inside the view, each a polyline: a path leaving
/// the view is cut where it crosses the edge (plotters would move the
/// point outside onto the edge, bending the line), and goes on where it
/// comes back.
fn visible_pieces(points: &[(f64, f64)], view: &View) -> Vec<Vec<(f64, f64)>> {
    let mut pieces: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut open = false;
    for w in points.windows(2) {
        let Some((p, q)) = view.clip(w[0], w[1]) else {
            open = false;
            continue;
        };
        match pieces.last_mut() {
            Some(piece) if open => piece.push(q),
            _ => pieces.push(vec![p, q]),
        }
        open = q == w[1];
    }
    if points.len() == 1 && view.contains(points[0]) {
        pieces.push(points.to_vec());
    }
    pieces
}

/// The paths, longest first, so the shortest lie on top: each a line, a
/// dot at every point when there are few, and a ringed dot where it ends.
fn draw_paths(chart: &mut Chart, runs: &[Path2]) -> Result<(), String> {
    let mut order: Vec<(usize, f64)> = runs
        .iter()
        .enumerate()
        .map(|(k, r)| (k, drawn_length(chart, r)))
        .collect();
    order.sort_by(|a, b| b.1.total_cmp(&a.1));
    let view = chart_view(chart);
    for &(k, _) in &order {
        let (run, c) = (&runs[k], color(k));
        chart
            .draw_series(
                visible_pieces(&run.points, &view)
                    .into_iter()
                    .map(|piece| PathElement::new(piece, c.stroke_width(2))),
            )
            .map_err(plot_error)?;
        if run.points.len() <= DOTTED_UP_TO {
            let inside = run.points.iter().filter(|&&p| view.contains(p));
            chart
                .draw_series(inside.map(|&p| Circle::new(p, 3, c.filled())))
                .map_err(plot_error)?;
        }
        if let Some(&end) = run.points.last().filter(|&&p| view.contains(p)) {
            chart
                .draw_series([
                    Circle::new(end, 6, WHITE.filled()),
                    Circle::new(end, 4, c.filled()),
                ])
                .map_err(plot_error)?;
        }
    }
    Ok(())
}

/// The start as a black triangle, the lowest point found as a black
/// cross, each on a white halo.
fn draw_markers(
    chart: &mut Chart,
    start: Option<(f64, f64)>,
    lowest: Option<(f64, f64)>,
) -> Result<(), String> {
    if let Some(p) = start {
        chart
            .draw_series([
                TriangleMarker::new(p, 11, WHITE.filled()),
                TriangleMarker::new(p, 8, BLACK.filled()),
            ])
            .map_err(plot_error)?;
    }
    if let Some(p) = lowest {
        chart
            .draw_series([
                Cross::new(p, 8, WHITE.stroke_width(6)),
                Cross::new(p, 7, BLACK.stroke_width(3)),
            ])
            .map_err(plot_error)?;
    }
    Ok(())
}

/// The legend's rows: each path in the order given, then the markers.
fn legend_entries(
    lang: Lang,
    runs: &[Path2],
    start: Option<(f64, f64)>,
    lowest: Option<(f64, f64)>,
) -> Vec<(String, Sample)> {
    let mut entries: Vec<(String, Sample)> = runs
        .iter()
        .enumerate()
        .map(|(k, r)| (r.label.clone(), Sample::Line(color(k), 3)))
        .collect();
    if let Some(p) = start {
        let text = crate::msg!(lang, "plot-start", point = point_text(p));
        entries.push((text, Sample::Start));
    }
    if let Some(p) = lowest {
        let text = crate::msg!(lang, "plot-lowest", point = point_text(p));
        entries.push((text, Sample::Lowest));
    }
    entries
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

#[cfg(test)]
mod tests;
