//! Charts over one axis: a function of one variable with the iterates of
//! each optimizer run and their tangent lines, and the loss (and accuracy)
//! over training.

use super::{chart, color, legend, padded, plot_error, HEIGHT, WIDTH};
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

/// A curve over training: (epoch, value) points; a thin curve is drawn
/// light (per-iteration losses behind the per-epoch ones), a dashed one
/// in dashes (a validation quantity in the colour of its run).
pub struct Curve {
    pub label: String,
    pub points: Vec<(f64, f64)>,
    pub thin: bool,
    pub dashed: bool,
    /// The series the curve belongs to, which picks its colour: the same
    /// quantity of the same run has the same colour in every panel.
    pub series: usize,
}

fn draw_curves(
    area: &DrawingArea<SVGBackend, plotters::coord::Shift>,
    title: &str,
    (x_label, y_label): (&str, &str),
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
    // The view is the epoch curves' when there are any: a thin curve's
    // per-iteration spikes are cut off at the top rather than flatten the
    // curves that are read.
    let read: Vec<&Curve> = curves.iter().filter(|c| !c.thin).collect();
    // Room above the curves for a long legend (one with thin curves).
    let headroom = if read.len() < curves.len() {
        0.25
    } else {
        0.05
    };
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
    let mut chart = chart(
        area,
        title,
        x0..x1,
        lo..hi + headroom * (hi - lo),
        (x_label, y_label),
    )?;
    for curve in curves {
        let c = color(curve.series);
        let style = if curve.thin {
            c.mix(0.35).stroke_width(1)
        } else {
            c.stroke_width(2)
        };
        let points = curve.points.iter().copied().filter(|p| p.1.is_finite());
        let drawn = match curve.dashed {
            true => chart.draw_series(DashedLineSeries::new(points, 8, 5, style)),
            false => chart.draw_series(LineSeries::new(points, style)),
        };
        // A dash, a gap and a dash for a dashed curve; for a solid one the
        // two pieces overlap into one line.
        let second = if curve.dashed { 12 } else { 8 };
        drawn
            .map_err(plot_error)?
            .label(curve.label.clone())
            .legend(move |(x, y)| {
                EmptyElement::at((x, y))
                    + PathElement::new(vec![(0, 0), (8, 0)], style)
                    + PathElement::new(vec![(second, 0), (20, 0)], style)
            });
    }
    legend(&mut chart)
}

/// The loss over training, and below it the accuracy and the learning
/// rate when there are curves of them, the axes named in `lang`.
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
    // The loss takes three fifths of the picture; each panel below it
    // two fifths of the usual height, the picture growing to hold them.
    let loss_height = match below.len() {
        0 => HEIGHT,
        _ => HEIGHT * 3 / 5,
    };
    let each = HEIGHT * 2 / 5;
    let height = loss_height + each * below.len() as u32;
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, height)).into_drawing_area();
        root.fill(&WHITE).map_err(plot_error)?;
        let (top, mut rest) = root.split_vertically(loss_height);
        draw_curves(&top, title, (&epoch, &loss_label), loss)?;
        for (label, curves) in below {
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
