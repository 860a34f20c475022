//! Where everything of a network's picture goes: the columns across and
//! the rows down, the lines, and the labels along them — placed one layer
//! at a time, in the order that crosses fewest lines, or given up (and the
//! caption says so) when they cannot be read.

use super::{
    bias_layer, bias_text, lines_box, lines_width, neuron_lines, number, param_lines, text_width,
    DiagramBias, Lines, NetworkDiagram, Rect, BACKWARD, GREY, HEIGHT, LABEL_FONT, LINE,
    MAX_GROUP_CROWDING, MAX_LABELS, MAX_ROW, MAX_SHOWN, MIN_GAP, NAME_FONT, NEGATIVE, POSITIVE,
    SHOWN_ENDS, TITLE_FONT, TOP, WIDTH,
};
use crate::i18n::Lang;

/// The least room between a label and anything else, in pixels.
const LABEL_GAP: f64 = 5.0;
use plotters::prelude::*;

/// What one row of a column holds.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Row {
    Neuron(usize),
    /// The "⋮" standing for neurons first..=last.
    Elided {
        first: usize,
        last: usize,
    },
}

/// The rows of a column of `n` neurons: all of them, or the first and last
/// few around a "⋮".
pub(super) fn column_rows(n: usize) -> Vec<Row> {
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
pub(super) struct Segment {
    pub(super) a: (f64, f64),
    pub(super) b: (f64, f64),
    /// The visible part, between the shapes it joins.
    pub(super) from: (f64, f64),
    pub(super) to: (f64, f64),
    pub(super) color: RGBColor,
    pub(super) width: u32,
    pub(super) dashed: bool,
}

/// A label to place along a segment, at a fraction of its visible part
/// near `preferred`.
struct EdgeLabel {
    segment: usize,
    lines: Lines,
    preferred: f64,
}

/// A label placed: its box and lines, and the segment it labels.
pub(super) struct Placed {
    pub(super) rect: Rect,
    pub(super) lines: Lines,
    pub(super) segment: usize,
}

/// One entry of the legend: a sample line (colour, width, dashed) with
/// its text, or text alone.
pub(super) struct LegendEntry {
    pub(super) sample: Option<(RGBColor, u32, bool)>,
    pub(super) text: String,
    pub(super) color: RGBColor,
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
        let mut best: Option<(f64, f64, Rect)> = None;
        for k in 0..=45 {
            let t = 0.05 + 0.02 * k as f64;
            let centre = (
                s.from.0 + t * (s.to.0 - s.from.0),
                s.from.1 + t * (s.to.1 - s.from.1),
            );
            let rect = Rect::centred(centre, width, height);
            let margin = rect.grown(LABEL_GAP);
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
            // A place is chosen as if each crossing cost three times what
            // it is counted at: a label slides a long way along its line
            // rather than sit on a crossing.
            let cost = crossings + 1.5 * (t - label.preferred).abs();
            let choice = 2.0 * crossings + cost;
            if best.is_none_or(|(c, _, _)| choice < c) {
                best = Some((choice, cost, rect));
            }
        }
        let (_, cost, rect) = best?;
        total += cost;
        placed.push(Placed {
            rect,
            lines: label.lines.clone(),
            segment: label.segment,
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

/// The centre of each neuron drawn, by column (`None`: left out).
type Centres = Vec<Vec<Option<(f64, f64)>>>;

/// Each "⋮": where, and the names of the neurons it stands for.
type Elisions = Vec<((f64, f64), String)>;

/// A bias drawn: its square's centre (`None`: it feeds no column after
/// the first), the text in the square and the lines under it.
pub(super) struct BiasUnit {
    pub(super) centre: Option<(f64, f64)>,
    pub(super) name: String,
    pub(super) lines: Lines,
}

/// Where everything of a network's picture goes, in pixels.
pub(super) struct Arrangement {
    pub(super) width: f64,
    pub(super) height: f64,
    pub(super) radius: f64,
    /// The side of a bias unit's square.
    pub(super) side: f64,
    pub(super) centres: Centres,
    /// The lines under each neuron (value, δ), by column.
    pub(super) under: Vec<Vec<Lines>>,
    pub(super) bias_units: Vec<BiasUnit>,
    pub(super) elisions: Elisions,
    pub(super) segments: Vec<Segment>,
    pub(super) labels: Vec<Placed>,
    /// Whether some layer's labels, few enough to be drawn, found no place.
    pub(super) misfit: bool,
    /// The labels' mean cost (`place_labels`): about how many other lines
    /// cross each label.
    pub(super) crowding: f64,
    pub(super) legend: Vec<Vec<LegendEntry>>,
    pub(super) caption: Vec<String>,
    pub(super) caption_top: f64,
}

/// Lays out the picture of `d`, its columns `spread.0` and its rows
/// `spread.1` times as far apart as the least that fits.
/// Its words are in `lang`.
pub(super) fn arrange(d: &NetworkDiagram, spread: (f64, f64), lang: Lang) -> Arrangement {
    let rows: Vec<Vec<Row>> = d.columns.iter().map(|c| column_rows(c.len())).collect();
    let sizes = Sizes::of(d, lang);
    let (width, x) = columns_across(d, &sizes, spread.0);

    // The legend and the caption at the bottom.
    let max_weight = max_weight(d);
    let text_room = width - 40.0;
    let legend = legend_rows(legend_entries(d, max_weight, lang), text_room);
    let mut caption = wrap(&d.caption, text_room);
    let bottom_height = |caption_lines: usize| {
        10.0 + legend.len() as f64 * 22.0 + caption_lines as f64 * LINE + 10.0
    };

    let down = RowsDown::new(d, &rows, &sizes, bottom_height(caption.len()), spread.1);
    let caption_top = (down.content_top + down.lowest + 14.0)
        .max(f64::from(HEIGHT) - bottom_height(caption.len()));
    let (centres, elisions) = neuron_places(d, &rows, &x, &down);
    let bias_units: Vec<BiasUnit> = d
        .biases
        .iter()
        .map(|b| bias_text(b, lang))
        .zip(&d.biases)
        .map(|((name, lines), b)| BiasUnit {
            centre: down.feeds(b).map(|l| (x[l - 1], down.bias_y(l))),
            name,
            lines,
        })
        .collect();
    let (segments, groups) = lines_and_labels(d, &rows, &centres, &bias_units, &sizes, max_weight);

    let mut obstacles = obstacles(&centres, &sizes, &bias_units, &elisions);
    let bounds = Rect {
        x0: 2.0,
        y0: TOP - 10.0,
        x1: width - 2.0,
        y1: caption_top - 2.0,
    };
    let placed = place_groups(d, &groups, &segments, &mut obstacles, &bounds);
    if !placed.unlabelled.is_empty() {
        let mut layers = placed.unlabelled[0].clone();
        for next in &placed.unlabelled[1..] {
            layers = crate::msg!(lang, "plot-unlabelled-layers", first = layers, next = next);
        }
        caption.extend(wrap(
            &crate::msg!(lang, "plot-unlabelled", layers = layers),
            text_room,
        ));
    }
    let crowding = placed.crowding / placed.labels.len().max(1) as f64;
    let height = (caption_top + bottom_height(caption.len()))
        .max(f64::from(HEIGHT))
        .ceil();
    Arrangement {
        width,
        height,
        radius: sizes.radius,
        side: sizes.side,
        centres,
        under: sizes.under,
        bias_units,
        elisions,
        segments,
        labels: placed.labels,
        misfit: placed.misfit,
        crowding,
        legend,
        caption,
        caption_top,
    }
}

/// How big the shapes are: circles wide enough for every name, squares for
/// every bias, and the lines under them.
struct Sizes {
    radius: f64,
    side: f64,
    /// The lines under each neuron, by column.
    under: Vec<Vec<Lines>>,
    /// The most lines under a shape, and the widest of them.
    under_lines: usize,
    under_width: f64,
}

impl Sizes {
    fn of(d: &NetworkDiagram, lang: Lang) -> Sizes {
        let radius = d
            .columns
            .iter()
            .flatten()
            .map(|n| text_width(&n.name, NAME_FONT, true) / 2.0 + 7.0)
            .fold(20.0, f64::max);
        let bias_texts: Vec<(String, Lines)> =
            d.biases.iter().map(|b| bias_text(b, lang)).collect();
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
        Sizes {
            radius,
            side,
            under,
            under_lines,
            under_width,
        }
    }
}

/// The picture's width and each column's x: columns across, with a margin
/// on each side for the widest label.
fn columns_across(d: &NetworkDiagram, sizes: &Sizes, spread: f64) -> (f64, Vec<f64>) {
    let columns = d.columns.len();
    let margin = (sizes
        .radius
        .max(sizes.side / 2.0)
        .max(sizes.under_width / 2.0)
        + 16.0)
        .max(60.0);
    let gaps = (columns - 1).max(1) as f64;
    let title_width = text_width(&d.title, TITLE_FONT, true) + 40.0;
    let width = (f64::from(WIDTH).max(2.0 * margin + gaps * MIN_GAP) * spread)
        .max(title_width)
        .ceil();
    let gap = (width - 2.0 * margin) / gaps;
    let x = (0..columns)
        .map(|c| {
            if columns == 1 {
                width / 2.0
            } else {
                margin + c as f64 * gap
            }
        })
        .collect();
    (width, x)
}

/// The largest finite |w|: the thickest line.
fn max_weight(d: &NetworkDiagram) -> f64 {
    d.weights
        .iter()
        .map(|w| w.param.value.abs())
        .filter(|v| v.is_finite())
        .fold(0.0, f64::max)
}

/// What the legend explains: the colours of the signs, the thickness, the
/// biases' lines, and the backward pass's colour when it is shown.
fn legend_entries(d: &NetworkDiagram, max_weight: f64, lang: Lang) -> Vec<LegendEntry> {
    let backward = d.columns.iter().flatten().any(|n| n.delta.is_some())
        || d.weights.iter().any(|w| w.param.gradient.is_some());
    let entry = |sample, text: String, color| LegendEntry {
        sample,
        text,
        color,
    };
    let mut legend = vec![
        entry(
            Some((POSITIVE, 4, false)),
            crate::msg!(lang, "plot-positive-weight"),
            BLACK,
        ),
        entry(
            Some((NEGATIVE, 4, false)),
            crate::msg!(lang, "plot-negative-weight"),
            BLACK,
        ),
        entry(
            None,
            crate::msg!(lang, "plot-thickness", max = number(max_weight)),
            BLACK,
        ),
    ];
    if !d.biases.is_empty() {
        legend.push(entry(
            Some((GREY, 1, true)),
            crate::msg!(lang, "plot-bias"),
            BLACK,
        ));
    }
    if backward {
        legend.push(entry(None, crate::msg!(lang, "plot-backward"), BACKWARD));
    }
    legend
}

/// Rows down: each column centred, its bias unit just under it, the whole
/// drawing centred in the room between the title and the bottom.
struct RowsDown<'a> {
    rows: &'a [Vec<Row>],
    columns: usize,
    most_rows: f64,
    row_height: f64,
    /// A shape and the lines under it.
    unit: f64,
    /// Half the height of the largest shape.
    shape: f64,
    /// From a column's last row to the bias unit under it.
    bias_gap: f64,
    /// Where the rows start, and the bottom of the lowest unit from there.
    content_top: f64,
    lowest: f64,
}

impl<'a> RowsDown<'a> {
    fn new(
        d: &NetworkDiagram,
        rows: &'a [Vec<Row>],
        sizes: &Sizes,
        bottom_height: f64,
        spread: f64,
    ) -> RowsDown<'a> {
        let columns = d.columns.len();
        let most_rows = rows.iter().map(Vec::len).max().unwrap_or(1) as f64;
        let shape = sizes.radius.max(sizes.side / 2.0);
        let unit = 2.0 * shape + sizes.under_lines as f64 * LINE + 6.0;
        let mut down = RowsDown {
            rows,
            columns,
            most_rows,
            row_height: 0.0,
            unit,
            shape,
            bias_gap: 0.0,
            content_top: 0.0,
            lowest: 0.0,
        };
        if d.biases.iter().any(|b| down.feeds(b).is_some()) {
            down.bias_gap = unit + 16.0;
        }
        let available = f64::from(HEIGHT) - TOP - bottom_height;
        down.row_height =
            ((available - down.bias_gap) / most_rows).clamp(unit + 14.0, MAX_ROW) * spread;
        // The drawing from its highest shape to the lines under its lowest,
        // centred in the room there is.
        let highest = (0..columns)
            .map(|c| down.row_y(down.offset(c)))
            .fold(f64::INFINITY, f64::min)
            - shape;
        let lowest = (0..columns)
            .map(|c| down.last_row_y(c))
            .chain(
                d.biases
                    .iter()
                    .filter_map(|b| down.feeds(b))
                    .map(|l| down.bias_row_y(l)),
            )
            .fold(f64::NEG_INFINITY, f64::max)
            + unit
            - shape;
        let room = available - 10.0;
        down.content_top = TOP + 10.0 + ((room - (lowest - highest)) / 2.0).max(0.0) - highest;
        down.lowest = lowest;
        down
    }

    /// The column a bias feeds, when it is drawn (not the inputs').
    fn feeds(&self, b: &DiagramBias) -> Option<usize> {
        Some(bias_layer(b)).filter(|l| (1..self.columns).contains(l))
    }

    /// How many rows column `c` starts down, to be centred.
    fn offset(&self, c: usize) -> f64 {
        (self.most_rows - self.rows[c].len() as f64) / 2.0
    }

    /// The centre of a shape in row r, from the top of the rows: the shape
    /// and its lines centred in the row.
    fn row_y(&self, r: f64) -> f64 {
        r * self.row_height + (self.row_height - self.unit) / 2.0 + self.shape
    }

    fn last_row_y(&self, c: usize) -> f64 {
        self.row_y(self.offset(c) + self.rows[c].len() as f64 - 1.0)
    }

    /// A bias unit under the column before the one it feeds.
    fn bias_row_y(&self, layer: usize) -> f64 {
        self.last_row_y(layer - 1) + self.bias_gap
    }

    fn centre_y(&self, r: f64) -> f64 {
        self.content_top + self.row_y(r)
    }

    fn bias_y(&self, layer: usize) -> f64 {
        self.content_top + self.bias_row_y(layer)
    }
}

/// The centre of each neuron drawn, and each "⋮" with the names of the
/// neurons it stands for.
fn neuron_places(
    d: &NetworkDiagram,
    rows: &[Vec<Row>],
    x: &[f64],
    down: &RowsDown,
) -> (Centres, Elisions) {
    let mut centres: Centres = d.columns.iter().map(|c| vec![None; c.len()]).collect();
    let mut elisions: Elisions = Vec::new();
    for (c, column) in rows.iter().enumerate() {
        for (r, row) in column.iter().enumerate() {
            let at = (x[c], down.centre_y(down.offset(c) + r as f64));
            match *row {
                Row::Neuron(k) => centres[c][k] = Some(at),
                Row::Elided { first, last } => elisions.push((
                    at,
                    format!("{} … {}", d.columns[c][first].name, d.columns[c][last].name),
                )),
            }
        }
    }
    (centres, elisions)
}

/// The lines: weights coloured by sign and thicker for larger |w|, biases
/// dashed; and the labels to place along them, by the column they feed.
fn lines_and_labels(
    d: &NetworkDiagram,
    rows: &[Vec<Row>],
    centres: &Centres,
    bias_units: &[BiasUnit],
    sizes: &Sizes,
    max_weight: f64,
) -> (Vec<Segment>, Vec<Vec<EdgeLabel>>) {
    let mut segments: Vec<Segment> = Vec::new();
    let mut groups: Vec<Vec<EdgeLabel>> = (0..d.columns.len()).map(|_| Vec::new()).collect();
    for w in &d.weights {
        let source = w
            .layer
            .checked_sub(1)
            .and_then(|l| centres.get(l)?.get(w.from));
        let target = centres.get(w.layer).and_then(|c| c.get(w.to));
        let (Some(&Some(a)), Some(&Some(b))) = (source, target) else {
            continue;
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
        segments.push(weight_segment(
            a,
            b,
            w.param.value,
            max_weight,
            sizes.radius,
        ));
    }
    for (b, unit) in d.biases.iter().zip(bias_units) {
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
                from: towards(a, target, sizes.side * 0.6),
                to: towards(target, a, sizes.radius),
                color: GREY,
                width: 1,
                dashed: true,
            });
        }
    }
    (segments, groups)
}

/// A weight's line from `a` to `b`, coloured by the sign of `value`.
fn weight_segment(
    a: (f64, f64),
    b: (f64, f64),
    value: f64,
    max_weight: f64,
    radius: f64,
) -> Segment {
    let color = if value > 0.0 {
        POSITIVE
    } else if value < 0.0 {
        NEGATIVE
    } else {
        GREY
    };
    // The ratio first: 5·|w| overflows for |w| near the largest float.
    let thickness = if max_weight > 0.0 && value.is_finite() {
        1 + (5.0 * (value.abs() / max_weight)).round() as u32
    } else {
        1
    };
    Segment {
        a,
        b,
        from: towards(a, b, radius),
        to: towards(b, a, radius),
        color,
        width: thickness,
        dashed: false,
    }
}

/// What labels must not cover: the shapes, the lines under them, and the
/// "⋮"s with their names.
fn obstacles(
    centres: &Centres,
    sizes: &Sizes,
    bias_units: &[BiasUnit],
    elisions: &Elisions,
) -> Vec<Rect> {
    let (radius, side) = (sizes.radius, sizes.side);
    let mut obstacles: Vec<Rect> = Vec::new();
    for (c, column) in centres.iter().enumerate() {
        for (k, centre) in column.iter().enumerate() {
            let Some(at) = *centre else { continue };
            obstacles.push(Rect::centred(at, 2.0 * radius, 2.0 * radius).grown(2.0));
            obstacles.push(lines_box(&sizes.under[c][k], (at.0, at.1 + radius + 3.0)).grown(1.0));
        }
    }
    for unit in bias_units {
        let Some(at) = unit.centre else { continue };
        obstacles.push(Rect::centred(at, side, side).grown(2.0));
        obstacles.push(lines_box(&unit.lines, (at.0, at.1 + side / 2.0 + 3.0)).grown(1.0));
    }
    for (at, names) in elisions {
        obstacles.push(Rect::centred(*at, 12.0, 40.0));
        obstacles.push(lines_box(&vec![(names.clone(), GREY)], (at.0, at.1 + 20.0)));
    }
    obstacles
}

/// The labels of every layer placed, and what could not be.
struct PlacedGroups {
    labels: Vec<Placed>,
    /// The layers whose weights go unlabelled, by the names of their
    /// neurons.
    unlabelled: Vec<String>,
    misfit: bool,
    /// The placed labels' total cost.
    crowding: f64,
}

/// Places each layer's labels in the best of a few orders, clear of
/// `obstacles` (which the placed labels join) and inside `bounds`; a layer
/// with too many labels, or whose labels fit nowhere or cross too many
/// lines, goes unlabelled.
fn place_groups(
    d: &NetworkDiagram,
    groups: &[Vec<EdgeLabel>],
    segments: &[Segment],
    obstacles: &mut Vec<Rect>,
    bounds: &Rect,
) -> PlacedGroups {
    let mut placed = PlacedGroups {
        labels: Vec::new(),
        unlabelled: Vec::new(),
        misfit: false,
        crowding: 0.0,
    };
    for (c, group) in groups.iter().enumerate() {
        if group.is_empty() {
            continue;
        }
        let best = label_orders(group, segments)
            .iter()
            .filter(|_| group.len() <= MAX_LABELS)
            .filter_map(|order| place_labels(group, order, segments, obstacles, bounds))
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .filter(|(_, cost)| *cost <= MAX_GROUP_CROWDING * group.len() as f64);
        match best {
            Some((labels, cost)) => {
                placed.crowding += cost;
                obstacles.extend(labels.iter().map(|p| p.rect));
                placed.labels.extend(labels);
            }
            None => {
                placed.misfit |= group.len() <= MAX_LABELS;
                let names = &d.columns[c];
                placed.unlabelled.push(match names.len() {
                    1 => names[0].name.clone(),
                    n => format!("{} … {}", names[0].name, names[n - 1].name),
                });
            }
        }
    }
    placed
}

/// Labels are placed one by one, so the order matters: backwards and
/// forwards, as given and by the height of their lines' sources.
fn label_orders(group: &[EdgeLabel], segments: &[Segment]) -> [Vec<usize>; 4] {
    let forward: Vec<usize> = (0..group.len()).collect();
    let mut by_source = forward.clone();
    by_source.sort_by(|&i, &j| {
        let (a, b) = (&segments[group[i].segment], &segments[group[j].segment]);
        a.a.1.total_cmp(&b.a.1)
    });
    [
        forward.iter().rev().copied().collect(),
        by_source.iter().rev().copied().collect(),
        forward,
        by_source,
    ]
}
