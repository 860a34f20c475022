//! The picture of a network: neurons as circles in columns, weights as
//! lines whose colour gives their sign and whose thickness grows with |w|,
//! biases as squares, every label placed clear of the shapes and of the
//! other labels. `layout` decides where everything goes, `draw` draws it.

mod draw;
mod layout;
#[cfg(test)]
mod tests;

use super::{subscripted, text_width, COLORS, HEIGHT, WIDTH};
use crate::i18n::Lang;
use draw::draw;
use layout::{arrange, Arrangement};
use plotters::prelude::*;

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

    /// Whether the segment a–b passes through the box.
    fn crossed_by(&self, a: (f64, f64), b: (f64, f64)) -> bool {
        self.span_of(a, b).is_some()
    }

    /// The part of the segment a–b inside the box, as fractions t0 ≤ t1
    /// of the way from a to b (Liang–Barsky); `None` when it misses.
    fn span_of(&self, a: (f64, f64), b: (f64, f64)) -> Option<(f64, f64)> {
        super::clip_span(a, b, (self.x0, self.x1), (self.y0, self.y1))
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

/// The text of a weight's (or a per-neuron bias's) label, its name
/// written as the notes write it (b_h1 with the subscript h1).
fn param_lines(p: &DiagramParam) -> Lines {
    let name = subscripted(&p.name);
    let mut lines = vec![(format!("{name} = {}", number(p.value)), BLACK)];
    if let Some(g) = p.gradient {
        lines.push((format!("∂E/∂{name} = {}", number(g)), BACKWARD));
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
fn bias_text(b: &DiagramBias, lang: Lang) -> (String, Lines) {
    match b {
        DiagramBias::Shared { param, .. } => {
            let mut lines = vec![(number(param.value), BLACK)];
            let name = subscripted(&param.name);
            if let Some(g) = param.gradient {
                lines.push((format!("∂E/∂{name} = {}", number(g)), BACKWARD));
            }
            (name, lines)
        }
        DiagramBias::PerNeuron { .. } => (
            "+1".to_string(),
            vec![(crate::msg!(lang, "plot-bias"), GREY)],
        ),
    }
}

/// The picture of a network, its own words (legend, notes, errors) in
/// `lang`: neurons as circles in columns (inputs left,
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
pub fn network_diagram_in(d: &NetworkDiagram, lang: Lang) -> Result<String, String> {
    if d.columns.is_empty() {
        return Err(crate::msg!(lang, "plot-no-neurons"));
    }
    // The least spread that labels everything with few lines crossing
    // the labels; else the least crowded that labels what it can.
    let mut best: Option<Arrangement> = None;
    for spread in [(1.0, 1.0), (1.2, 1.1), (1.4, 1.2), (1.6, 1.3)] {
        let a = arrange(d, spread, lang);
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
    let best = best.ok_or_else(|| crate::msg!(lang, "plot-not-arranged"))?;
    draw(d, &best)
}

/// [`network_diagram_in`] with the picture's own words (legend, notes) in
/// English.
pub fn network_diagram(d: &NetworkDiagram) -> Result<String, String> {
    network_diagram_in(d, Lang::En)
}
