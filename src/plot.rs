//! Pictures as SVG (plotters' SVG backend only): a function of one variable
//! with the iterates of an optimizer and their tangent lines, and a
//! function of two variables as contour lines with each optimizer's path.
//!
//! Invariant: plots are returned as SVG text; writing files is the
//! caller's business, so a failed plot never leaves half a file behind.

use plotters::prelude::*;

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
}
