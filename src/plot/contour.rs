//! A function of two variables as contour lines (marching squares on a
//! grid), with each optimizer's path drawn over them.

use super::{chart, color, legend, padded, plot_error, HEIGHT, WIDTH};
use plotters::prelude::*;

/// One optimizer's path for a function of two variables.
pub struct Path2 {
    pub label: String,
    pub points: Vec<(f64, f64)>,
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
        let bowl = |x: f64, y: f64| Some(x * x + 3.0 * y * y);
        let paths = [Path2 {
            label: "sgd".into(),
            points: vec![(1.0, 1.0), (0.5, 0.2), (0.1, 0.0)],
        }];
        let svg = contours_with_paths("bowl", ("x", "y"), &bowl, &paths).unwrap();
        assert!(svg.contains("<polyline") || svg.contains("<path"));
    }
}
