//! Pictures as SVG (plotters' SVG backend only), one file for each kind:
//! `chart` draws a function of one variable with the iterates of an
//! optimizer and their tangent lines, and training curves; `contour` a
//! function of two variables as contour lines with each optimizer's path;
//! `diagram` a network as neurons and weighted lines. This module holds
//! what they share: the size, the palette, a titled chart, the legend
//! under a chart, text widths, and names with subscripts on a halo.
//!
//! Invariant: plots are returned as SVG text; writing files is the
//! caller's business, so a failed plot never leaves half a file behind.

mod chart;
mod contour;
mod diagram;

pub use chart::{function_with_iterates, training_curves, training_curves_in, Curve, Iterates1};
pub use contour::{contours_with_paths, region_of_interest, Path2};
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

/// The marks around a subscript in a picture's text (`b_h1` is written
/// b, mark, h1, mark): `subscripts_and_halos` turns them into SVG
/// subscripts, and `text_width` counts the subscript smaller.
const SUBSCRIPT_START: char = '\u{E000}';
const SUBSCRIPT_END: char = '\u{E001}';
/// A subscript's size beside the text around it.
const SUBSCRIPT_SCALE: f64 = 0.8;

/// About how wide `text` is in a sans-serif font of `px` pixels (DejaVu
/// Sans's widths, a little rounded up: an estimate that errs on the wide
/// side keeps labels apart in narrower fonts too).
fn text_width(text: &str, px: f64, bold: bool) -> f64 {
    let mut scale = 1.0;
    let mut em = 0.0;
    for c in text.chars() {
        match c {
            SUBSCRIPT_START => scale = SUBSCRIPT_SCALE,
            SUBSCRIPT_END => scale = 1.0,
            c => em += scale * char_width(c),
        }
    }
    em * px * if bold { 1.12 } else { 1.0 }
}

/// A character's width in ems.
fn char_width(c: char) -> f64 {
    match c {
        ' ' | '.' | ',' | ':' | 'i' | 'j' | 'l' | '|' | '\'' => 0.33,
        'f' | 't' | 'r' | '(' | ')' | '/' | '-' | '[' | ']' => 0.42,
        'm' | 'w' | 'M' | 'W' | '∝' | '…' => 0.9,
        '=' | '+' | '−' | '<' | '>' => 0.85,
        'A'..='Z' => 0.7,
        '∂' => 0.55,
        // Hangul and other wide characters: a full em.
        c if unicode_width::UnicodeWidthChar::width(c) == Some(2) => 1.0,
        _ => 0.64,
    }
}

/// A name as the notes write it: what follows its first `_` is a
/// subscript (`b_h1` is b with the subscript h1, a further `_` a comma),
/// marked for `subscripts_and_halos`; other names are left as they are.
fn subscripted(name: &str) -> String {
    match name.split_once('_') {
        Some((stem, sub)) if !stem.is_empty() && !sub.is_empty() => format!(
            "{stem}{SUBSCRIPT_START}{}{SUBSCRIPT_END}",
            sub.replace('_', ",")
        ),
        _ => name.to_string(),
    }
}

/// The SVG plotters wrote, finished: each marked subscript becomes a
/// smaller, lowered `<tspan>` (the text after it raised back), and every
/// text that is not bold gets a white halo painted under its letters, so
/// it reads over the lines it crosses without a box cutting into them.
fn subscripts_and_halos(svg: &str) -> String {
    const HALO: &str =
        "<text stroke=\"#FFFFFF\" stroke-width=\"4\" stroke-linejoin=\"round\" paint-order=\"stroke\" ";
    let mut out = String::with_capacity(svg.len() + svg.len() / 4);
    let mut rest = svg;
    while let Some(start) = rest.find("<text ") {
        out.push_str(&rest[..start]);
        let tag_end = start
            + rest[start..]
                .find('>')
                .map_or(rest.len() - start, |e| e + 1);
        let tag = &rest[start..tag_end];
        let close = tag_end
            + rest[tag_end..]
                .find("</text>")
                .unwrap_or(rest.len() - tag_end);
        let content = &rest[tag_end..close];
        let raised = content.matches(SUBSCRIPT_END).count();
        let mut opening = tag.to_string();
        if !tag.contains("font-weight=\"bold\"") {
            opening = opening.replacen("<text ", HALO, 1);
        }
        if raised == 0 {
            out.push_str(&opening);
            out.push_str(content);
        } else {
            // The space after a subscript opens the raised text, where it
            // would be dropped as leading white space: white space is kept
            // as written, without the line breaks around the text.
            out.push_str(&opening.replacen("<text ", "<text xml:space=\"preserve\" ", 1));
            out.push_str(
                &content
                    .trim_matches('\n')
                    .replace(SUBSCRIPT_START, "<tspan dy=\"0.3em\" font-size=\"80%\">")
                    .replace(SUBSCRIPT_END, "</tspan><tspan dy=\"-0.24em\">"),
            );
            out.push_str(&"</tspan>".repeat(raised));
        }
        rest = &rest[close..];
    }
    out.push_str(rest);
    out
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
/// The part of the segment a–b inside the box `x` × `y`, as fractions
/// t0 ≤ t1 of the way from a to b (Liang–Barsky); `None` when it misses.
fn clip_span(a: (f64, f64), b: (f64, f64), x: (f64, f64), y: (f64, f64)) -> Option<(f64, f64)> {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let (mut t0, mut t1) = (0.0f64, 1.0f64);
    for (p, q) in [
        (-dx, a.0 - x.0),
        (dx, x.1 - a.0),
        (-dy, a.1 - y.0),
        (dy, y.1 - a.1),
    ] {
        if p == 0.0 {
            if q < 0.0 {
                return None;
            }
        } else if p < 0.0 {
            t0 = t0.max(q / p);
        } else {
            t1 = t1.min(q / p);
        }
    }
    (t0 <= t1).then_some((t0, t1))
}

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

/// Font sizes (plotters' units) of the axes' titles and tick labels:
/// titles large enough to read beside the data.
const AXIS_TITLE_FONT: f64 = 19.0;
const TICK_FONT: f64 = 15.0;

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
        .x_label_area_size(48)
        .y_label_area_size(68)
        .build_cartesian_2d(x, y)
        .map_err(plot_error)?;
    chart
        .configure_mesh()
        .light_line_style(WHITE)
        .axis_desc_style(("sans-serif", AXIS_TITLE_FONT))
        .label_style(("sans-serif", TICK_FONT))
        .x_desc(labels.0)
        .y_desc(labels.1)
        .x_labels(10)
        .y_labels(6)
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

/// What a legend's entry shows before its text.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Sample {
    /// A line of the colour and width.
    Line(RGBColor, u32),
    /// A dashed line of the colour and width (a validation quantity).
    Dashed(RGBColor, u32),
    /// A light band of the colour (a quantity's spread).
    Band(RGBColor),
    /// A dot of the colour (an iterate).
    Dot(RGBColor),
    /// The start of a path: a black triangle.
    Start,
    /// The lowest point found: a black cross.
    Lowest,
}

const LEGEND_ROW: f64 = 22.0;
const LEGEND_FONT: f64 = 15.0;
/// The legend's left margin, and the room an entry's sample takes.
const LEGEND_LEFT: f64 = 30.0;
const SAMPLE: f64 = 34.0;

/// The light colour of a band.
fn band_color(c: RGBColor) -> RGBAColor {
    c.mix(0.22)
}

/// A legend's entries placed in rows under a chart `width` pixels wide,
/// in as many columns of the widest entry's width as fit, at most
/// `most_columns` (a run's entries to a row): each entry's offset from
/// the left, and its row.
fn legend_rows(entries: &[(String, Sample)], width: u32, most_columns: usize) -> Vec<(f64, usize)> {
    let column = entries
        .iter()
        .map(|(text, _)| SAMPLE + text_width(text, LEGEND_FONT / 1.24, false) + 24.0)
        .fold(0.0, f64::max);
    let room = width as f64 - LEGEND_LEFT - 10.0;
    let columns = ((room / column.max(1.0)).floor() as usize)
        .min(most_columns)
        .max(1);
    (0..entries.len())
        .map(|k| (LEGEND_LEFT + (k % columns) as f64 * column, k / columns))
        .collect()
}

/// The height of the legend under a chart, in pixels.
fn legend_height(entries: &[(String, Sample)], width: u32, most_columns: usize) -> u32 {
    let rows = legend_rows(entries, width, most_columns)
        .last()
        .map_or(0, |&(_, row)| row + 1);
    (rows as f64 * LEGEND_ROW).ceil() as u32 + 6
}

type Area<'a> = DrawingArea<SVGBackend<'a>, plotters::coord::Shift>;

/// The legend under a chart, clear of its data: a sample and a text an
/// entry, in rows.
fn draw_legend_below(
    area: &Area,
    entries: &[(String, Sample)],
    (width, most_columns): (u32, usize),
) -> Result<(), String> {
    use plotters::style::text_anchor::{HPos, Pos, VPos};
    let style = ("sans-serif", LEGEND_FONT)
        .into_font()
        .color(&BLACK)
        .pos(Pos::new(HPos::Left, VPos::Center));
    let at = |x: f64, y: f64| (x.round() as i32, y.round() as i32);
    for ((text, sample), (x, row)) in entries
        .iter()
        .zip(legend_rows(entries, width, most_columns))
    {
        let y = (row as f64 + 0.5) * LEGEND_ROW;
        let middle = at(x + SAMPLE / 2.0 - 4.0, y);
        match *sample {
            Sample::Line(c, w) => area.draw(&PathElement::new(
                vec![at(x, y), at(x + SAMPLE - 8.0, y)],
                c.stroke_width(w),
            )),
            Sample::Dashed(c, w) => {
                let dash = |from: f64, to: f64| {
                    area.draw(&PathElement::new(
                        vec![at(x + from, y), at(x + to, y)],
                        c.stroke_width(w),
                    ))
                };
                dash(0.0, 8.0).and_then(|()| dash(13.0, SAMPLE - 8.0))
            }
            Sample::Band(c) => area.draw(&Rectangle::new(
                [at(x, y - 6.0), at(x + SAMPLE - 8.0, y + 6.0)],
                band_color(c).filled(),
            )),
            Sample::Dot(c) => area.draw(&Circle::new(middle, 4, c.filled())),
            Sample::Start => area.draw(&TriangleMarker::new(middle, 8, BLACK.filled())),
            Sample::Lowest => area.draw(&Cross::new(middle, 7, BLACK.stroke_width(3))),
        }
        .map_err(plot_error)?;
        area.draw(&Text::new(text.clone(), at(x + SAMPLE, y), style.clone()))
            .map_err(plot_error)?;
    }
    Ok(())
}
