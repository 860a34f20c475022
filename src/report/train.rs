//! The report of `stepgrad train`: the arithmetic of the run, a table of
//! epochs, the loss curve, the metrics and the summary.

use super::doc::{self, cell, math_cell, text, Block, Math};
use super::json::Splices;
use super::terminal_chart::{chart, Series};
use super::train_compare::{self, OptimizerComparison};
pub use super::train_plot::plot;
use super::{first_and_last, left_out_json};
use super::{Format, Style};
use crate::data::Dataset;
use crate::i18n::Lang;
use crate::limits::{MAX_LISTED_RECORDS, MAX_TABLE_ROWS};
use crate::msg;
use crate::network::Spec;
use crate::number::format_thousands;
use crate::optim::Gap;
use crate::optim::OptimizerConfig;
use crate::training::{EpochRecord, Interruption, TrainOptions, TrainStop, Training};
use serde::Serialize;
use serde_json::{json, Value};

/// The error a diverged run ends with (exit 1), after its report: where
/// and why, and what to change.
pub fn divergence(r: &TrainReport, lang: Lang) -> Option<crate::Error> {
    let TrainStop::Diverged {
        epoch,
        iteration,
        reason,
    } = &r.training.stop
    else {
        return None;
    };
    if r.optimizers.is_some() {
        // A race: the table tells which optimizers diverged.
        return None;
    }
    let number = |x: f64| crate::number::format_significant(x, 6);
    let hint = match r.options.optimizer.lr() {
        Some(lr) => msg!(
            lang,
            "train-hint-lr",
            lr = number(lr),
            smaller = number(lr / 10.0)
        ),
        None => msg!(lang, "train-hint-other-start"),
    };
    Some(crate::Error::Diverged {
        message: msg!(
            lang,
            "train-diverged-error",
            epoch = epoch.to_string(),
            iteration = iteration.to_string(),
            reason = reason.render(lang)
        ),
        hint,
    })
}

/// Runs of the same network from the same start with several batch sizes.
pub struct BatchComparison {
    pub runs: Vec<(usize, Training)>,
}

pub struct TrainReport<'a> {
    pub spec: &'a Spec,
    /// Where the data came from.
    pub source: &'a str,
    pub data: &'a Dataset,
    pub validation: Option<&'a Dataset>,
    pub training: &'a Training,
    /// The options of the run (of the first run, with --compare-batch).
    pub options: &'a TrainOptions,
    pub standardized: bool,
    /// Whether the targets were standardised, or are far from unit scale.
    pub target_scale: &'a crate::training::TargetScale,
    pub log_every: usize,
    pub log_iterations: bool,
    pub comparison: Option<&'a BatchComparison>,
    /// With `--compare`: a run per optimizer.
    pub optimizers: Option<&'a OptimizerComparison>,
    /// The trained parameters in the spec's shapes.
    pub params: (Vec<Vec<Vec<f64>>>, Vec<Vec<f64>>),
    pub plot: Option<String>,
    pub saved: Option<String>,
    /// The best epoch and the metrics of the parts, at the end.
    pub run_metrics: Option<super::metrics::RunMetrics<'a>>,
}

pub fn render(r: &TrainReport, format: Format, style: &Style) -> String {
    match format {
        Format::Json => {
            let mut splices = Splices::default();
            let value = json_value(r, style.lang, &mut splices);
            splices.document(&value)
        }
        Format::Csv => csv(r, style),
        _ => doc::render(&blocks(r, format, style), format, style),
    }
}

pub(super) fn settings(o: &OptimizerConfig) -> String {
    o.settings()
        .iter()
        .filter(|(name, value)| !(value == "0" && *name != "lr") && value != "false")
        .map(|(n, v)| format!("{n} = {v}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Where Ctrl-C stopped a run.
fn interrupted_text(epoch: usize, iteration: u64, point: Interruption, lang: Lang) -> String {
    let samples = |done: usize, of: usize| msg!(lang, "train-samples-of", done = done, of = of);
    let epoch_text = epoch.to_string();
    match point {
        Interruption::BetweenBatches => msg!(
            lang,
            "train-interrupted-between",
            epoch = epoch_text,
            iteration = iteration.to_string()
        ),
        Interruption::InBatch { done, of } => msg!(
            lang,
            "train-interrupted-in-batch",
            epoch = epoch_text,
            iteration = (iteration + 1).to_string(),
            samples = samples(done, of)
        ),
        Interruption::InStep => msg!(
            lang,
            "train-interrupted-in-step",
            epoch = epoch_text,
            iteration = (iteration + 1).to_string()
        ),
        Interruption::Evaluating { done, of } if epoch == 0 => msg!(
            lang,
            "train-interrupted-before",
            samples = samples(done, of)
        ),
        Interruption::Evaluating { done, of } => msg!(
            lang,
            "train-interrupted-evaluating",
            epoch = epoch_text,
            samples = samples(done, of)
        ),
    }
}

/// "validation" or "training", for the loss early stopping watches.
fn monitor_text(monitor: crate::training::Monitor, lang: Lang) -> String {
    match monitor {
        crate::training::Monitor::Validation => msg!(lang, "train-monitor-validation"),
        crate::training::Monitor::Training => msg!(lang, "train-monitor-training"),
    }
}

fn stop_text(stop: &TrainStop, t: &Training, style: &Style) -> String {
    let lang = style.lang;
    let last = t.epochs.last().map_or(0, |e| e.epoch).to_string();
    let text = match stop {
        TrainStop::Epochs => msg!(lang, "train-stop-epochs", epochs = t.arithmetic.epochs),
        TrainStop::TargetLoss => msg!(lang, "train-stop-target", epoch = last),
        TrainStop::Patience { epochs } => {
            let (monitor, best) =
                t.best
                    .map_or((msg!(lang, "train-monitor-training"), String::new()), |b| {
                        (
                            monitor_text(b.monitor, lang),
                            msg!(
                                lang,
                                "train-best-on",
                                loss = style.num(b.loss),
                                epoch = b.epoch.to_string()
                            ),
                        )
                    });
            msg!(
                lang,
                "train-stop-patience",
                epoch = last,
                monitor = monitor,
                best = best,
                epochs = epochs.to_string()
            )
        }
        TrainStop::Diverged {
            epoch,
            iteration,
            reason,
        } => msg!(
            lang,
            "train-diverged-at",
            epoch = epoch.to_string(),
            iteration = iteration.to_string(),
            reason = reason.render(lang)
        ),
        TrainStop::Interrupted {
            epoch,
            iteration,
            point,
        } => interrupted_text(*epoch, *iteration, *point, lang),
    };
    match (stop, t.best) {
        (TrainStop::Patience { .. }, _) | (_, None) => text,
        (_, Some(best)) => msg!(
            lang,
            "train-best-was",
            text = text,
            monitor = monitor_text(best.monitor, lang),
            loss = style.num(best.loss),
            epoch = best.epoch.to_string()
        ),
    }
}

/// Samples used by the iterations run (the last batch of an epoch may be
/// smaller).
fn samples_seen(t: &Training) -> u128 {
    let Some(end) = t.epochs.last() else {
        return 0;
    };
    let per_epoch = t.arithmetic.iterations_per_epoch().max(1) as u128;
    let iterations = u128::from(end.iterations);
    let (epochs, rest) = (iterations / per_epoch, iterations % per_epoch);
    epochs * t.arithmetic.samples_per_epoch() as u128 + rest * t.arithmetic.batch_size as u128
}

/// A count for JSON: a number when it fits 64 bits (always, within the
/// limits), else its exact digits as a string — never a rounded number.
pub(super) fn json_count(n: u128) -> serde_json::Value {
    match u64::try_from(n) {
        Ok(n) => n.into(),
        Err(_) => n.to_string().into(),
    }
}

/// Where the data came from, with its separator when a CSV's is not a
/// comma ("d.csv (semicolon-separated)").
fn source_words(r: &TrainReport, lang: Lang) -> String {
    match r.data.separator {
        Some(d) if d != crate::data::Delimiter::Comma => format!(
            "{} ({})",
            r.source,
            crate::msg!(lang, "csv-separated", delimiter = d.name())
        ),
        _ => r.source.to_string(),
    }
}

fn percent(x: f64) -> String {
    format!("{:.1}%", 100.0 * x)
}

fn blocks(r: &TrainReport, format: Format, style: &Style) -> Vec<Block> {
    let t = r.training;
    let spec = r.spec;
    let lang = style.lang;
    let mut out = vec![
        Block::Heading {
            level: 1,
            text: vec![text(msg!(lang, "train-heading", name = &spec.name))],
        },
        Block::Paragraph(vec![text(setup_text(r, lang))]),
    ];
    out.extend(super::metrics::target_scale_note(r.target_scale, style));
    if let Some(c) = r.comparison {
        out.extend(comparison_blocks(c, style));
        return out;
    }
    if let Some(c) = r.optimizers {
        out.extend(train_compare::blocks(c, r.options.seed, format, style));
        return out;
    }
    let early = r.options.target_loss.is_some() || r.options.patience.is_some();
    out.push(Block::Paragraph(vec![text(msg!(
        lang,
        "train-arithmetic-line",
        arithmetic = t.arithmetic.summary_in(lang),
        at_most = if early {
            msg!(lang, "train-at-most")
        } else {
            String::new()
        },
        kind = t.arithmetic.kind_in(lang)
    ))]));
    let Some(first) = t.epochs.first() else {
        out.push(Block::Paragraph(vec![text(stop_text(&t.stop, t, style))]));
        return out;
    };
    out.extend(epoch_table(r, first, style));
    if format == Format::Text {
        if let Some(curve) = terminal_curve(t, style) {
            out.push(Block::Preformatted(curve));
        }
    }
    let end = &t.epochs[t.epochs.len() - 1];
    let mut summary = msg!(
        lang,
        "train-final",
        stop = stop_text(&t.stop, t, style),
        loss = style.num(end.loss),
        validation = end.val_loss.map_or(String::new(), |v| msg!(
            lang,
            "train-final-validation",
            loss = style.num(v)
        )),
        accuracy = end.accuracy.map_or(String::new(), |a| msg!(
            lang,
            "train-final-accuracy",
            accuracy = percent(a)
        )),
        iterations = end.iterations,
        seen = u64::try_from(samples_seen(t)).unwrap_or(u64::MAX)
    );
    if let Some(path) = &r.saved {
        summary.push_str(&msg!(lang, "train-saved", path = path));
    }
    if let Some(path) = &r.plot {
        summary.push_str(&msg!(lang, "train-drawn", path = path));
    }
    out.push(Block::Paragraph(vec![text(summary)]));
    if let Some(m) = &r.run_metrics {
        out.extend(super::metrics::run_blocks(m, style));
    }
    out
}

/// The network, the optimizer and the data, as the report starts.
fn setup_text(r: &TrainReport, lang: Lang) -> String {
    let spec = r.spec;
    let activations: Vec<&str> = spec.activations.iter().map(|a| a.name()).collect();
    let held = r.validation.map_or(String::new(), |v| {
        msg!(
            lang,
            "train-held-out",
            count = format_thousands(v.len() as u64)
        )
    });
    let classes = r.data.class_names.as_ref().map_or(String::new(), |c| {
        msg!(lang, "train-classes", classes = c.join(", "))
    });
    msg!(
        lang,
        "train-setup",
        shape = spec.shape(),
        activations = activations.join(", "),
        loss = spec.loss.name(),
        optimizer = match r.optimizers {
            Some(c) => msg!(lang, "train-compare-setup", names = train_compare::names(c)),
            None => r.options.optimizer.title_in(lang),
        },
        settings = match r.optimizers {
            Some(_) => msg!(lang, "train-compare-setup-settings"),
            None => settings(&r.options.optimizer),
        },
        source = source_words(r, lang),
        samples = format_thousands(r.data.len() as u64),
        held = held,
        standardized = if r.standardized {
            msg!(lang, "train-standardized")
        } else {
            String::new()
        },
        features = r.data.feature_names.len().to_string(),
        feature_count = r.data.feature_names.len(),
        targets = r.data.target_names.len().to_string(),
        target_count = r.data.target_names.len(),
        classes = classes
    )
}

/// The table of epochs: the rows `--log-every` chooses, the first and the
/// last within `MAX_TABLE_ROWS`, and what it leaves out.
fn epoch_table(r: &TrainReport, first: &EpochRecord, style: &Style) -> Vec<Block> {
    let t = r.training;
    let classification = first.accuracy.is_some();
    let validation = first.val_loss.is_some();
    let mut header = vec![cell("epoch"), cell("iterations"), cell("loss")];
    if validation {
        header.push(cell("val loss"));
    }
    if classification {
        header.push(cell("accuracy"));
        if validation {
            header.push(cell("val accuracy"));
        }
    }
    header.push(math_cell(Math::new("‖∇E‖", "\\lVert \\nabla E \\rVert")));
    let scheduled = t.epochs.iter().any(|e| e.lr.is_some());
    if scheduled {
        header.push(math_cell(Math::new("lr", "\\mathrm{lr}")));
    }
    let last = t.epochs.len() - 1;
    let shown: Vec<&EpochRecord> = t
        .epochs
        .iter()
        .filter(|e| e.epoch % r.log_every == 0 || e.epoch == last)
        .collect();
    let (shown, table_gap) = first_and_last(&shown, MAX_TABLE_ROWS);
    let columns = header.len();
    let mut rows: Vec<Vec<doc::Cell>> = shown
        .iter()
        .map(|e| {
            let mut row = vec![
                cell(e.epoch.to_string()),
                cell(format_thousands(e.iterations)),
                cell(style.num(e.loss)),
            ];
            if validation {
                row.push(cell(e.val_loss.map_or("—".into(), |v| style.num(v))));
            }
            if classification {
                row.push(cell(e.accuracy.map_or("—".into(), percent)));
                if validation {
                    row.push(cell(e.val_accuracy.map_or("—".into(), percent)));
                }
            }
            row.push(cell(e.grad_norm.map_or("—".into(), |g| style.num(g))));
            if scheduled {
                row.push(cell(e.lr.map_or("—".into(), |lr| style.num(lr))));
            }
            row
        })
        .collect();
    if let Some(gap) = table_gap {
        let mut dots = vec![cell("⋮")];
        dots.extend((1..columns).map(|_| cell("")));
        rows.insert(gap.at, dots);
    }
    let mut out = vec![Block::Table { header, rows }];
    if let Some(gap) = table_gap {
        out.push(Block::Paragraph(vec![text(msg!(
            style.lang,
            "train-table-cut",
            first = format_thousands(gap.at as u64),
            last = format_thousands((shown.len() - gap.at) as u64),
            left_out = format_thousands(gap.count as u64),
            total = format_thousands((shown.len() + gap.count) as u64),
            listed = listed_epochs(t, style.lang)
        ))]));
    }
    out
}

/// The epochs JSON and CSV list: all of them, or the first and the last
/// within `MAX_LISTED_RECORDS` (docs/limits.md).
pub(super) fn listed(t: &Training) -> (Vec<&EpochRecord>, Option<Gap>) {
    let all: Vec<&EpochRecord> = t.epochs.iter().collect();
    first_and_last(&all, MAX_LISTED_RECORDS)
}

/// Which epochs JSON and CSV list: "every epoch", or "epochs 0 to 4,999
/// and 995,001 to 1,000,000 (10,000 of 1,000,001)".
fn listed_epochs(t: &Training, lang: Lang) -> String {
    match listed(t) {
        (_, None) => msg!(lang, "train-every-epoch"),
        (epochs, Some(gap)) => msg!(
            lang,
            "train-listed-epochs",
            first = epochs[0].epoch.to_string(),
            last_head = epochs[gap.at - 1].epoch.to_string(),
            first_tail = epochs[gap.at].epoch.to_string(),
            last = epochs[epochs.len() - 1].epoch.to_string(),
            kept = format_thousands(epochs.len() as u64),
            total = format_thousands((epochs.len() + gap.count) as u64)
        ),
    }
}

/// Points of the loss curve drawn in the terminal: its 240 dots across
/// need far fewer, but drawing this many costs nothing noticeable.
const TERMINAL_CURVE_POINTS: usize = 10_000;

/// Every k-th of `items` and the last, k chosen so that at most `limit`
/// remain: the points a curve needs.
pub(super) fn thinned<T: Copy>(items: &[T], limit: usize) -> Vec<T> {
    if items.is_empty() {
        return Vec::new();
    }
    let stride = items.len().div_ceil(limit).max(1);
    let mut points: Vec<T> = items.iter().copied().step_by(stride).collect();
    if (items.len() - 1) % stride != 0 {
        points.extend(items.last().copied());
    }
    points
}

/// For CSV, which has no place for it: a line for stderr saying which
/// epochs a long run's CSV lists.
pub fn csv_note(r: &TrainReport, lang: Lang) -> Option<String> {
    listed(r.training).1.map(|_| {
        let listed = listed_epochs(r.training, lang);
        format!("{}\n", msg!(lang, "train-csv-note", listed = listed))
    })
}

/// The loss per epoch, drawn in the terminal: the training loss, and the
/// validation loss beside it when a part is held out.
fn terminal_curve(t: &Training, style: &Style) -> Option<String> {
    let lang = style.lang;
    let mut series = vec![epoch_series(msg!(lang, "train-plot-loss"), t, |e| {
        Some(e.loss)
    })];
    if t.epochs.iter().any(|e| e.val_loss.is_some()) {
        series.push(epoch_series(
            msg!(lang, "train-plot-validation-loss"),
            t,
            |e| e.val_loss,
        ));
    }
    curves_in_terminal(&series, style)
}

/// One quantity of a run's epochs as a series of the terminal chart.
pub(super) fn epoch_series(
    label: String,
    t: &Training,
    value: fn(&EpochRecord) -> Option<f64>,
) -> Series {
    let all: Vec<&EpochRecord> = t.epochs.iter().collect();
    let points = thinned(&all, TERMINAL_CURVE_POINTS)
        .iter()
        .filter_map(|e| value(e).map(|v| (e.epoch as f64, v)))
        .collect();
    Series { label, points }
}

/// Loss curves by epoch in the terminal under their title, when there
/// are three epochs or more to draw.
pub(super) fn curves_in_terminal(series: &[Series], style: &Style) -> Option<String> {
    if series.iter().all(|s| s.points.len() < 3) {
        return None;
    }
    let drawn = chart(series, style.width, style.color)?;
    let title = match drawn.logarithmic {
        true => msg!(style.lang, "train-curve-log"),
        false => msg!(style.lang, "train-curve"),
    };
    Some(format!("{title}:\n{}", drawn.text))
}

fn comparison_blocks(c: &BatchComparison, style: &Style) -> Vec<Block> {
    let lang = style.lang;
    let header = vec![
        cell("batch size"),
        cell("kind"),
        cell("iterations per epoch"), // not prose: a header's English, the key of headers.ftl
        cell("iterations"),
        cell("final loss"),
        cell("accuracy"),
        cell("spread of batch losses"), // not prose: a header's English, the key of headers.ftl
        cell("time"),
    ];
    let rows = c
        .runs
        .iter()
        .filter_map(|(size, t)| {
            let end = t.epochs.last()?;
            let spreads: Vec<f64> = t.epochs.iter().skip(1).map(|e| e.spread).collect();
            let spread = spreads.iter().sum::<f64>() / spreads.len().max(1) as f64;
            let kind = if *size == t.arithmetic.samples {
                msg!(lang, "train-batch")
            } else if *size == 1 {
                msg!(lang, "train-stochastic")
            } else {
                msg!(lang, "train-mini-batch")
            };
            Some(vec![
                cell(size.to_string()),
                cell(kind),
                cell(format_thousands(t.arithmetic.iterations_per_epoch() as u64)),
                cell(format_thousands(end.iterations)),
                cell(style.num(end.loss)),
                cell(end.accuracy.map_or("—".into(), percent)),
                cell(style.num(spread)),
                cell(format!("{:.3} s", t.elapsed.as_secs_f64())),
            ])
        })
        .collect();
    vec![
        Block::Heading {
            level: 2,
            text: vec![text(msg!(lang, "train-compared-heading"))],
        },
        Block::Paragraph(vec![text(msg!(lang, "train-compared"))]),
        Block::Table { header, rows },
    ]
}

fn csv(r: &TrainReport, style: &Style) -> String {
    if let Some(c) = r.optimizers {
        return train_compare::csv(c, style);
    }
    let mut out = format!("{EPOCH_CSV_HEADER}\n");
    for e in listed(r.training).0 {
        out.push_str(&format!("{}\n", epoch_csv_fields(e, style)));
    }
    out
}

/// The columns of an epoch in train's CSV.
pub(super) const EPOCH_CSV_HEADER: &str =
    "epoch,iterations,loss,val_loss,accuracy,val_accuracy,grad_norm";

/// An epoch's fields in train's CSV, in the order of `EPOCH_CSV_HEADER`.
pub(super) fn epoch_csv_fields(e: &EpochRecord, style: &Style) -> String {
    let opt = |v: Option<f64>| v.map_or(String::new(), |x| style.num(x));
    format!(
        "{},{},{},{},{},{},{}",
        e.epoch,
        e.iterations,
        style.num(e.loss),
        opt(e.val_loss),
        opt(e.accuracy),
        opt(e.val_accuracy),
        opt(e.grad_norm)
    )
}

/// An epoch's record as JSON lists it (a number that is not finite is
/// written `null`).
#[derive(Serialize)]
struct EpochJson {
    epoch: usize,
    iterations: u64,
    loss: f64,
    val_loss: Option<f64>,
    accuracy: Option<f64>,
    val_accuracy: Option<f64>,
    grad_norm: Option<f64>,
    batch_loss_spread: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    lr: Option<f64>,
}

impl EpochJson {
    fn of(e: &EpochRecord) -> EpochJson {
        EpochJson {
            epoch: e.epoch,
            iterations: e.iterations,
            loss: e.loss,
            val_loss: e.val_loss,
            accuracy: e.accuracy,
            val_accuracy: e.val_accuracy,
            grad_norm: e.grad_norm,
            batch_loss_spread: e.spread,
            lr: e.lr,
        }
    }
}

/// A run as JSON; its epoch records, which may be ten thousand, are
/// printed straight into `splices` rather than built as values.
pub(super) fn training_json(
    t: &Training,
    log_iterations: bool,
    timed: bool,
    lang: Lang,
    splices: &mut Splices,
) -> Value {
    let (listed_epochs, epochs_gap) = listed(t);
    let epochs: Vec<EpochJson> = listed_epochs.iter().map(|e| EpochJson::of(e)).collect();
    let mut object = json!({
        "iterations_per_epoch": t.arithmetic.iterations_per_epoch(),
        "epochs": splices.place(&epochs),
        "stopped": t.stop.name(),
    });
    if let Some(gap) = epochs_gap {
        object["epochs_left_out"] = left_out_json(&listed_epochs, gap, |e| e.epoch);
    }
    if timed {
        object["elapsed_seconds"] = json!(t.elapsed.as_secs_f64());
    }
    if let TrainStop::Diverged {
        epoch,
        iteration,
        reason,
    } = &t.stop
    {
        object["diverged"] =
            json!({"epoch": epoch, "iteration": iteration, "reason": reason.render(lang)});
    }
    if let Some(best) = t.best {
        object["best"] =
            json!({"epoch": best.epoch, "monitor": best.monitor.field(), "loss": best.loss});
    }
    if log_iterations {
        object["iterations"] = t
            .iterations
            .iter()
            .map(
                |i| json!({"iteration": i.iteration, "epoch": i.epoch, "batch_loss": i.batch_loss}),
            )
            .collect();
        if let Some(gap) = t.iterations_gap {
            object["iterations_left_out"] =
                left_out_json(&t.iterations, gap, |i| i.iteration as usize);
        }
    }
    object
}

/// The report as JSON: keys in English, prose values in `lang`.
pub fn json_value(r: &TrainReport, lang: Lang, splices: &mut Splices) -> Value {
    let t = r.training;
    let config: serde_json::Map<String, Value> = r
        .options
        .optimizer
        .settings()
        .into_iter()
        .map(|(k, v)| (k.to_string(), Value::String(v)))
        .collect();
    let mut object = json!({
        "data": {
            "source": r.source,
            "samples": r.data.len(),
            "validation_samples": r.validation.map(Dataset::len),
            "features": r.data.feature_names,
            "targets": r.data.target_names,
            "classes": r.data.class_names,
        },
        "network": {"layers": r.spec.layers, "activations": r.spec.activations.iter().map(|a| a.name()).collect::<Vec<_>>(), "loss": r.spec.loss.name()},
        "config": {
            "optimizer": r.options.optimizer.title_in(lang),
            "hyperparameters": config,
            "epochs": t.arithmetic.epochs,
            "batch_size": t.arithmetic.batch_size,
            "drop_last": t.arithmetic.drop_last,
            "shuffle": r.options.shuffle,
            "seed": r.options.seed,
            "target_loss": r.options.target_loss,
            "patience": r.options.patience,
            "update_biases": r.options.update_biases,
            "standardized": r.standardized,
        },
    });
    if let (Value::Object(o), Value::Object(more)) = (
        &mut object,
        training_json(t, r.log_iterations, false, lang, splices),
    ) {
        o.extend(more);
    }
    object["params"] = json!({"W": r.params.0, "b": r.params.1});
    if let (Value::Object(o), Some(m)) = (&mut object, &r.run_metrics) {
        if let Value::Object(more) = super::metrics::run_json(m) {
            o.extend(more);
        }
    }
    if let Some(c) = r.optimizers {
        object["compare"] = train_compare::json(c, r.log_iterations, lang, splices);
    }
    if let Some(c) = r.comparison {
        object["compare_batch"] = c.runs.iter().map(|(size, t)| json!({"batch_size": size, "run": training_json(t, r.log_iterations, true, lang, splices)})).collect();
    }
    object
}
