//! Pictures as SVG (plotters' SVG backend only), one file for each kind:
//! `chart` draws a function of one variable with the iterates of an
//! optimizer and their tangent lines, and training curves; `contour` a
//! function of two variables as contour lines with each optimizer's path;
//! `diagram` a network as neurons and weighted lines. This module holds
//! what they share: the size, the palette, and a titled chart with a
//! legend.
//!
//! Invariant: plots are returned as SVG text; writing files is the
//! caller's business, so a failed plot never leaves half a file behind.

mod chart;
mod contour;
mod diagram;

pub use chart::{function_with_iterates, training_curves, training_curves_in, Curve, Iterates1};
pub use contour::{contours_with_paths, Path2};
pub use diagram::{
    network_diagram, network_diagram_in, DiagramBias, DiagramNeuron, DiagramParam, DiagramWeight,
    NetworkDiagram,
};

use plotters::prelude::*;

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

/// A failure of the drawing library, in English: it comes from inside
/// plotters and is not the reader's doing.
fn plot_error<E: std::fmt::Debug>(e: E) -> String {
    crate::msg!(
        crate::i18n::Lang::En,
        "plot-error",
        error = format!("{e:?}")
    )
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
        .x_label_formatter(&tick)
        .y_label_formatter(&tick)
        .draw()
        .map_err(plot_error)?;
    Ok(chart)
}

/// A tick label: a whole number without a decimal point (epoch 10, not
/// 10.0), others to six significant digits.
fn tick(value: &f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{value:.0}")
    } else {
        crate::number::format_significant(*value, 6)
    }
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
