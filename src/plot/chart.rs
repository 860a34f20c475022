//! Charts over one axis: a function of one variable with the iterates of
//! each optimizer run and their tangent lines, and the loss (and accuracy)
//! over training.

use super::{
    band_color, chart, color, draw_legend_below, legend_height, padded, plot_error, Area, Sample,
    HEIGHT, WIDTH,
};
use crate::i18n::Lang;
use plotters::prelude::*;

/// One optimizer's iterates for a function of one variable: (x, f(x),
/// f′(x)) per step.
pub struct Iterates1 {
    pub label: String,
    pub points: Vec<(f64, f64, f64)>,
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
    let entries: Vec<(String, Sample)> = std::iter::once(("f".to_string(), Sample::Line(BLACK, 2)))
        .chain(
            runs.iter()
                .enumerate()
                .map(|(k, r)| (r.label.clone(), Sample::Dot(color(k)))),
        )
        .collect();
    let legend_height = legend_height(&entries, WIDTH, usize::MAX);
    let mut svg = String::new();
    {
        let root =
            SVGBackend::with_string(&mut svg, (WIDTH, HEIGHT + legend_height)).into_drawing_area();
        root.fill(&WHITE).map_err(plot_error)?;
        let (top, bottom) = root.split_vertically(HEIGHT);
        let mut chart = chart(&top, title, x0..x1, y0..y1, (variable, "f"))?;
        chart
            .draw_series(LineSeries::new(
                samples.iter().copied(),
                BLACK.stroke_width(2),
            ))
            .map_err(plot_error)?;
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
                .map_err(plot_error)?;
        }
        draw_legend_below(&bottom, &entries, (WIDTH, usize::MAX))?;
        root.present().map_err(plot_error)?;
    }
    Ok(svg)
}

/// A curve over training: (epoch, value) points; a thin curve is drawn
/// as a light band of its spread (per-iteration losses behind the
/// per-epoch ones), a dashed one in dashes (a validation quantity in the
/// colour of its run).
pub struct Curve {
    pub label: String,
    pub points: Vec<(f64, f64)>,
    pub thin: bool,
    pub dashed: bool,
    /// The series the curve belongs to, which picks its colour: the same
    /// quantity of the same run has the same colour in every panel.
    pub series: usize,
}

/// The legend of a panel's curves: a band for each thin curve, a dashed
/// or solid line for each other, in the order given.
fn curve_entries(curves: &[Curve]) -> Vec<(String, Sample)> {
    curves
        .iter()
        .map(|c| {
            let colour = color(c.series);
            let sample = match (c.thin, c.dashed) {
                (true, _) => Sample::Band(colour),
                (false, true) => Sample::Dashed(colour, 2),
                (false, false) => Sample::Line(colour, 2),
            };
            (c.label.clone(), sample)
        })
        .collect()
}

/// How many of a panel's curves belong to one run (a run's series are
/// 2·run and 2·run + 1), when every run has as many and more than one:
/// the legend then gives each run a row.
fn per_run(curves: &[Curve]) -> usize {
    let mut counts = std::collections::BTreeMap::new();
    for c in curves {
        *counts.entry(c.series / 2).or_insert(0usize) += 1;
    }
    let mut sizes = counts.values().copied();
    match sizes.next() {
        Some(first) if first > 1 && counts.len() > 1 && sizes.all(|n| n == first) => first,
        _ => usize::MAX,
    }
}

/// The range of the x values of every curve (0 to 1 when there is none).
fn x_range(curves: &[Curve]) -> (f64, f64) {
    let (x0, x1) = curves
        .iter()
        .flat_map(|c| c.points.iter().map(|p| p.0))
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), x| {
            (a.min(x), b.max(x))
        });
    if x0.is_finite() && x1 > x0 {
        (x0, x1)
    } else {
        (0.0, 1.0)
    }
}

/// The view up the y axis: the epoch curves' range when there are any —
/// a thin curve's per-iteration spikes are cut off at the top rather than
/// flatten the curves that are read — from 0 or below, a little room on
/// top.
fn y_range(curves: &[Curve]) -> (f64, f64) {
    let read: Vec<&Curve> = curves.iter().filter(|c| !c.thin).collect();
    let viewed: Vec<&Curve> = if read.is_empty() {
        curves.iter().collect()
    } else {
        read
    };
    let (lo, hi) = viewed
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
    (lo, hi + 0.05 * (hi - lo))
}

/// Bins of a thin curve across: each bin's middle x and the least and
/// largest value in it, cut to the view `(lo, hi)`.
fn band(points: &[(f64, f64)], (lo, hi): (f64, f64)) -> Vec<(f64, f64, f64)> {
    const BINS: usize = 200;
    let finite: Vec<(f64, f64)> = points.iter().copied().filter(|p| p.1.is_finite()).collect();
    let size = finite.len().div_ceil(BINS).max(1);
    finite
        .chunks(size)
        .map(|bin| {
            let x = 0.5 * (bin[0].0 + bin[bin.len() - 1].0);
            let (a, b) = bin
                .iter()
                .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), p| {
                    (a.min(p.1), b.max(p.1))
                });
            (x, a.clamp(lo, hi), b.clamp(lo, hi))
        })
        .collect()
}

/// One panel: its chart over the curves, each thin curve a light band
/// of its colour (the spread of the per-iteration values), each other a
/// line over the bands, and the legend under the chart, clear of the
/// data.
fn draw_curves(
    area: &Area,
    title: &str,
    (x_label, y_label): (&str, &str),
    curves: &[Curve],
) -> Result<(), String> {
    let entries = curve_entries(curves);
    let (width, height) = area.dim_in_pixel();
    let columns = per_run(curves);
    let legend_height = legend_height(&entries, width, columns);
    let (top, bottom) = area.split_vertically(height.saturating_sub(legend_height));
    let (x0, x1) = x_range(curves);
    let (lo, hi) = y_range(curves);
    let mut chart = chart(&top, title, x0..x1, lo..hi, (x_label, y_label))?;
    for curve in curves.iter().filter(|c| c.thin) {
        let bins = band(&curve.points, (lo, hi));
        let outline: Vec<(f64, f64)> = bins
            .iter()
            .map(|&(x, _, b)| (x, b))
            .chain(bins.iter().rev().map(|&(x, a, _)| (x, a)))
            .collect();
        chart
            .draw_series(std::iter::once(Polygon::new(
                outline,
                band_color(color(curve.series)).filled(),
            )))
            .map_err(plot_error)?;
    }
    for curve in curves.iter().filter(|c| !c.thin) {
        let points = curve.points.iter().copied().filter(|p| p.1.is_finite());
        let style = color(curve.series).stroke_width(2);
        match curve.dashed {
            true => chart.draw_series(DashedLineSeries::new(points, 8, 5, style)),
            false => chart.draw_series(LineSeries::new(points, style)),
        }
        .map_err(plot_error)?;
    }
    draw_legend_below(&bottom, &entries, (width, columns))
}

/// The loss over training, and below it the accuracy and the learning
/// rate when there are curves of them, the axes named in `lang`; the
/// picture grows down by its legends.
pub fn training_curves_in(
    lang: Lang,
    title: &str,
    loss: &[Curve],
    accuracy: &[Curve],
    rates: &[Curve],
) -> Result<String, String> {
    let epoch = crate::msg!(lang, "plot-epoch");
    let loss_label = crate::msg!(lang, "plot-loss");
    let accuracy_label = crate::msg!(lang, "plot-accuracy");
    let rate_label = crate::msg!(lang, "plot-learning-rate");
    let below: Vec<(&str, &[Curve])> = [(&accuracy_label, accuracy), (&rate_label, rates)]
        .into_iter()
        .filter(|(_, curves)| !curves.is_empty())
        .map(|(label, curves)| (label.as_str(), curves))
        .collect();
    let legend = |curves: &[Curve]| legend_height(&curve_entries(curves), WIDTH, per_run(curves));
    // The loss takes three fifths of the picture; each panel below it
    // two fifths of the usual height; each grows by its legend.
    let loss_height = match below.len() {
        0 => HEIGHT,
        _ => HEIGHT * 3 / 5,
    } + legend(loss);
    let heights: Vec<u32> = below
        .iter()
        .map(|(_, curves)| HEIGHT * 2 / 5 + legend(curves))
        .collect();
    let height = loss_height + heights.iter().sum::<u32>();
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, height)).into_drawing_area();
        root.fill(&WHITE).map_err(plot_error)?;
        let (top, mut rest) = root.split_vertically(loss_height);
        draw_curves(&top, title, (&epoch, &loss_label), loss)?;
        for ((label, curves), each) in below.into_iter().zip(heights) {
            let (panel, after) = rest.split_vertically(each);
            draw_curves(&panel, label, (&epoch, label), curves)?;
            rest = after;
        }
        root.present().map_err(plot_error)?;
    }
    Ok(svg)
}

/// [`training_curves_in`] with the axes named in English.
pub fn training_curves(title: &str, loss: &[Curve], accuracy: &[Curve]) -> Result<String, String> {
    training_curves_in(Lang::En, title, loss, accuracy, &[])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plots_are_svg() {
        let parabola = |x: f64| Some(x * x);
        let runs = [Iterates1 {
            label: "sgd".into(),
            points: vec![(2.0, 4.0, 4.0), (1.2, 1.44, 2.4)],
        }];
        let svg = function_with_iterates("f = x²", "x", &parabola, &runs).unwrap();
        assert!(svg.starts_with("<svg") && svg.contains("</svg>") && svg.contains("<circle"));
    }

    #[test]
    fn a_band_spans_each_bins_values_within_the_view() {
        let points: Vec<(f64, f64)> = (0..400)
            .map(|i| (i as f64 / 100.0, if i % 2 == 0 { 0.1 } else { 9.0 }))
            .collect();
        let bins = band(&points, (0.0, 2.0));
        assert_eq!(bins.len(), 200);
        for &(x, lo, hi) in &bins {
            assert!((0.0..=4.0).contains(&x));
            // Each bin of two holds 0.1 and 9.0; 9.0 is cut to the view.
            assert_eq!((lo, hi), (0.1, 2.0));
        }
    }

    #[test]
    fn the_view_follows_the_epoch_curves_not_the_spikes() {
        let spiky = Curve {
            label: "batch".into(),
            points: vec![(0.0, 2.0), (0.5, 40.0), (1.0, 0.5)],
            thin: true,
            dashed: false,
            series: 0,
        };
        let epochs = Curve {
            label: "epoch".into(),
            points: vec![(0.0, 2.0), (1.0, 0.4)],
            thin: false,
            dashed: false,
            series: 0,
        };
        let (lo, hi) = y_range(&[spiky, epochs]);
        assert_eq!(lo, 0.0);
        assert!((hi - 2.1).abs() < 1e-12, "{hi}");
    }

    #[test]
    fn legend_entries_sit_in_columns_inside_the_width() {
        let entries: Vec<(String, Sample)> = (0..7)
            .map(|k| {
                (
                    format!("batch {k}: training loss per epoch"),
                    Sample::Band(color(k)),
                )
            })
            .collect();
        let rows = super::super::legend_rows(&entries, WIDTH, usize::MAX);
        let column = rows[1].0 - rows[0].0;
        for (k, &(x, row)) in rows.iter().enumerate() {
            let end = x + column;
            assert!(end <= WIDTH as f64, "entry {k} ends at {end}");
            // Entries of one row are a whole column apart.
            if k > 0 && rows[k - 1].1 == row {
                assert!((x - rows[k - 1].0 - column).abs() < 1e-9);
            }
        }
        assert!(rows.last().unwrap().1 >= 2, "seven long entries take rows");
    }

    #[test]
    fn each_run_gets_a_legend_row_when_runs_match() {
        let curve = |series: usize, thin: bool| Curve {
            label: String::new(),
            points: vec![(0.0, 1.0)],
            thin,
            dashed: false,
            series,
        };
        let three_runs: Vec<Curve> = (0..3)
            .flat_map(|run| [curve(2 * run, true), curve(2 * run, false)])
            .collect();
        assert_eq!(per_run(&three_runs), 2);
        assert_eq!(per_run(&three_runs[..3]), usize::MAX, "runs of 2 and 1");
        assert_eq!(per_run(&three_runs[..2]), usize::MAX, "one run");
        let one_each: Vec<Curve> = (0..3).map(|run| curve(2 * run, false)).collect();
        assert_eq!(per_run(&one_each), usize::MAX, "a curve a run");
    }

    #[test]
    fn a_series_keeps_its_colour_in_every_panel() {
        let curve = |series: usize, thin: bool| Curve {
            label: format!("series {series}"),
            points: vec![(0.0, 1.0), (1.0, 0.5), (2.0, 0.25)],
            thin,
            dashed: false,
            series,
        };
        // The accuracy panel holds only series 3: its colour is drawn
        // although it is the panel's first curve.
        let svg =
            training_curves("t", &[curve(0, true), curve(1, false)], &[curve(3, false)]).unwrap();
        let hex = |c: RGBColor| format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2);
        assert!(
            svg.contains(&hex(super::super::color(3))),
            "series 3's colour"
        );
        assert!(
            svg.contains(&hex(super::super::color(1))),
            "series 1's colour"
        );
        // Whole-number ticks have no decimal point.
        let labels: Vec<&str> = svg.lines().map(str::trim).collect();
        assert!(labels.contains(&"2") && !labels.contains(&"2.0"));
    }

    #[test]
    fn the_learning_rate_has_a_panel_of_its_own() {
        let curve = |series: usize, dashed: bool| Curve {
            label: format!("series {series}"),
            points: vec![(0.0, 1.0), (1.0, 0.5), (2.0, 0.25)],
            thin: false,
            dashed,
            series,
        };
        let svg = training_curves_in(
            Lang::En,
            "t",
            &[curve(0, false), curve(0, true)],
            &[],
            &[curve(2, false)],
        )
        .unwrap();
        assert!(svg.contains("learning rate"), "the panel's axis");
        assert!(svg.contains("stroke-dasharray") || svg.matches("<polyline").count() > 3);
    }
}
