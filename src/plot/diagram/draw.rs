//! Drawing a network's picture where its layout puts everything: lines
//! first, then shapes with the lines under them, labels, the title, the
//! legend and the caption; every text on a white halo under its letters
//! and names with their subscripts (`plot::subscripts_and_halos`).

use super::layout::Arrangement;
use super::{
    text_width, Lines, NetworkDiagram, Rect, GREY, HIDDEN_FILL, INPUT_FILL, LABEL_FONT, LINE,
    NAME_FONT, OUTPUT_FILL, TITLE_FONT,
};
use crate::plot::{plot_error, subscripts_and_halos};
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// A text style whose SVG font-size is `px` (plotters writes size / 1.24).
fn font(px: f64, bold: bool) -> FontDesc<'static> {
    let f = ("sans-serif", px * 1.24).into_font();
    if bold {
        f.style(FontStyle::Bold)
    } else {
        f
    }
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

/// The picture itself, everything where `a` puts it.
pub(super) fn draw(d: &NetworkDiagram, a: &Arrangement) -> Result<String, String> {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (a.width as u32, a.height as u32))
            .into_drawing_area();
        root.fill(&WHITE).map_err(plot_error)?;
        for (k, s) in a.segments.iter().enumerate() {
            let style = s.color.stroke_width(s.width);
            for (from, to) in around_labels(a, k) {
                draw_line(&root, vec![pixel(from), pixel(to)], style, s.dashed)?;
            }
        }
        draw_neurons(&root, d, a)?;
        draw_bias_units(&root, a)?;
        for (at, names) in &a.elisions {
            for dy in [-12.0, 0.0, 12.0] {
                root.draw(&Circle::new(pixel((at.0, at.1 + dy)), 3, BLACK.filled()))
                    .map_err(plot_error)?;
            }
            draw_lines(&root, &vec![(names.clone(), GREY)], (at.0, at.1 + 20.0))?;
        }
        // Labels on a halo under their letters (subscripts_and_halos), not
        // on a box: a box would cut notches into the lines behind it.
        for label in &a.labels {
            let r = label.rect;
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
        draw_legend_and_caption(&root, a)?;
        root.present().map_err(plot_error)?;
    }
    Ok(subscripts_and_halos(&svg))
}

/// The pieces of segment `k` outside the labels written on it: a label
/// interrupts its own line and no other, so the lines passing behind a
/// label run on unbroken under its letters' halo.
fn around_labels(a: &Arrangement, k: usize) -> Vec<((f64, f64), (f64, f64))> {
    let s = &a.segments[k];
    let mut gaps: Vec<(f64, f64)> = a
        .labels
        .iter()
        .filter(|l| l.segment == k)
        .filter_map(|l| l.rect.grown(2.0).span_of(s.a, s.b))
        .collect();
    gaps.sort_by(|x, y| x.0.total_cmp(&y.0));
    let at = |t: f64| (s.a.0 + t * (s.b.0 - s.a.0), s.a.1 + t * (s.b.1 - s.a.1));
    let mut pieces = Vec::new();
    let mut t = 0.0;
    for (t0, t1) in gaps {
        if t0 > t {
            pieces.push((at(t), at(t0)));
        }
        t = t.max(t1);
    }
    if t < 1.0 {
        pieces.push((at(t), at(1.0)));
    }
    pieces
}

/// The corners of a box, in whole pixels.
fn corners(r: Rect) -> [(i32, i32); 2] {
    [pixel((r.x0, r.y0)), pixel((r.x1, r.y1))]
}

/// A line, dashed or whole.
fn draw_line(
    area: &Area,
    ends: Vec<(i32, i32)>,
    style: ShapeStyle,
    dashed: bool,
) -> Result<(), String> {
    if dashed {
        area.draw(&DashedPathElement::new(ends, 5, 4, style))
    } else {
        area.draw(&PathElement::new(ends, style))
    }
    .map_err(plot_error)
}

/// Each neuron a circle filled by its layer's colour, its name in it and
/// its value (and δ) under it.
fn draw_neurons(area: &Area, d: &NetworkDiagram, a: &Arrangement) -> Result<(), String> {
    let columns = d.columns.len();
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
            area.draw(&Circle::new(pixel(at), radius, fill.filled()))
                .map_err(plot_error)?;
            area.draw(&Circle::new(pixel(at), radius, BLACK.stroke_width(2)))
                .map_err(plot_error)?;
            let name = &d.columns[c][k].name;
            draw_text(area, name, at, NAME_FONT, true, BLACK, HPos::Center)?;
            draw_lines(area, &a.under[c][k], (at.0, at.1 + a.radius + 3.0))?;
        }
    }
    Ok(())
}

/// Each bias unit a grey square with its name, its lines under it.
fn draw_bias_units(area: &Area, a: &Arrangement) -> Result<(), String> {
    for unit in &a.bias_units {
        let Some(at) = unit.centre else { continue };
        let square = corners(Rect::centred(at, a.side, a.side));
        area.draw(&Rectangle::new(square, RGBColor(250, 250, 250).filled()))
            .map_err(plot_error)?;
        area.draw(&Rectangle::new(square, GREY.stroke_width(1)))
            .map_err(plot_error)?;
        draw_text(area, &unit.name, at, LABEL_FONT, true, BLACK, HPos::Center)?;
        draw_lines(area, &unit.lines, (at.0, at.1 + a.side / 2.0 + 3.0))?;
    }
    Ok(())
}

/// The legend's rows, each entry's sample line before its text, and the
/// caption's lines under them.
fn draw_legend_and_caption(area: &Area, a: &Arrangement) -> Result<(), String> {
    let mut y = a.caption_top + 10.0 + 11.0;
    for row in &a.legend {
        let mut x = 20.0;
        for entry in row {
            if let Some((color, stroke, dashed)) = entry.sample {
                let ends = vec![pixel((x, y)), pixel((x + 26.0, y))];
                draw_line(area, ends, color.stroke_width(stroke), dashed)?;
                x += 34.0;
            }
            let color = entry.color;
            draw_text(
                area,
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
        draw_text(area, line, (20.0, y), LABEL_FONT, false, color, HPos::Left)?;
        y += LINE;
    }
    Ok(())
}
