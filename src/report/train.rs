//! The reports of `stepgrad train` and `stepgrad epochs`: the arithmetic
//! of the run, a table of epochs, the loss curve, and the summary.

use super::doc::{self, cell, math_cell, text, Block, Math};
use super::{first_and_last, left_out_json};
use super::{Format, Style};
use crate::data::Dataset;
use crate::limits::{MAX_LISTED_RECORDS, MAX_PLOT_POINTS, MAX_TABLE_ROWS};
use crate::network::Spec;
use crate::number::{format_count, format_thousands};
use crate::optim::Gap;
use crate::optim::OptimizerConfig;
use crate::plot::{training_curves, Curve};
use crate::training::{
    EpochArithmetic, EpochRecord, Interruption, TrainOptions, TrainStop, Training,
};
use serde_json::{json, Value};

/// The error a diverged run ends with (exit 1), after its report: where
/// and why, and what to change.
pub fn divergence(r: &TrainReport) -> Option<crate::Error> {
    let TrainStop::Diverged {
        epoch,
        iteration,
        reason,
    } = &r.training.stop
    else {
        return None;
    };
    let number = |x: f64| crate::number::format_significant(x, 6);
    let hint = match r.options.optimizer.lr() {
        Some(lr) => format!(
            "the learning rate {} is too large for this network; try --lr {}",
            number(lr),
            number(lr / 10.0)
        ),
        None => "start from other weights or use a first-order optimizer".into(),
    };
    Some(crate::Error::Diverged {
        message: format!("training diverged at epoch {epoch}, iteration {iteration}: {reason}"),
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
    /// The trained parameters in the spec's shapes.
    pub params: (Vec<Vec<Vec<f64>>>, Vec<Vec<f64>>),
    pub plot: Option<String>,
    pub saved: Option<String>,
    /// The best epoch and the metrics of the parts, at the end.
    pub run_metrics: Option<super::metrics::RunMetrics<'a>>,
}

pub fn render(r: &TrainReport, format: Format, style: &Style) -> String {
    match format {
        Format::Json => super::json::document(&json_value(r)),
        Format::Csv => csv(r, style),
        _ => doc::render(&blocks(r, format, style), format, style),
    }
}

fn settings(o: &OptimizerConfig) -> String {
    o.settings()
        .iter()
        .filter(|(name, value)| !(value == "0" && *name != "lr") && value != "false")
        .map(|(n, v)| format!("{n} = {v}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Where Ctrl-C stopped a run.
fn interrupted_text(epoch: usize, iteration: u64, point: Interruption) -> String {
    let samples = |done: usize, of: usize| {
        format!(
            "{} of the {}",
            format_thousands(done as u64),
            format_count(of as u64, "sample", "samples")
        )
    };
    match point {
        Interruption::BetweenBatches => format!(
            "Interrupted (Ctrl-C) during epoch {epoch}, after iteration {iteration}; the epochs so far are shown."
        ),
        Interruption::InBatch { done, of } => format!(
            "Interrupted (Ctrl-C) during epoch {epoch}, in iteration {} after {} of its batch (that update was not made); the epochs so far are shown.",
            iteration + 1,
            samples(done, of)
        ),
        Interruption::InStep => format!(
            "Interrupted (Ctrl-C) during epoch {epoch}, in the optimizer's step of iteration {} (that update was not made); the epochs so far are shown.",
            iteration + 1
        ),
        Interruption::Evaluating { done, of } if epoch == 0 => format!(
            "Interrupted (Ctrl-C) while the network was evaluated before training, after {}: nothing was trained.",
            samples(done, of)
        ),
        Interruption::Evaluating { done, of } => format!(
            "Interrupted (Ctrl-C) while the network was evaluated at the end of epoch {epoch}, after {} (epoch {epoch} has no row); the epochs so far are shown.",
            samples(done, of)
        ),
    }
}

fn stop_text(stop: &TrainStop, t: &Training, style: &Style) -> String {
    let last = t.epochs.last().map_or(0, |e| e.epoch);
    let text = match stop {
        TrainStop::Epochs => format!(
            "Stopped after the maximum of {} epochs.",
            format_thousands(t.arithmetic.epochs as u64)
        ),
        TrainStop::TargetLoss => {
            format!("Stopped at epoch {last}: the loss reached the target.")
        }
        TrainStop::Patience { epochs } => {
            let (monitor, best) = t.best.map_or(("training", String::new()), |b| {
                (
                    b.monitor.adjective(),
                    format!(" on its best, {} at epoch {},", style.num(b.loss), b.epoch),
                )
            });
            format!(
                "Stopped at epoch {last} (early stopping): the {monitor} loss had not improved{best} for {epochs} epochs."
            )
        }
        TrainStop::Diverged {
            epoch,
            iteration,
            reason,
        } => format!("Diverged at epoch {epoch}, iteration {iteration}: {reason}."),
        TrainStop::Interrupted {
            epoch,
            iteration,
            point,
        } => interrupted_text(*epoch, *iteration, *point),
    };
    match (stop, t.best) {
        (TrainStop::Patience { .. }, _) | (_, None) => text,
        (_, Some(best)) => format!(
            "{text} The best {} loss was {}, at epoch {}.",
            best.monitor.adjective(),
            style.num(best.loss),
            best.epoch
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
fn json_count(n: u128) -> serde_json::Value {
    match u64::try_from(n) {
        Ok(n) => n.into(),
        Err(_) => n.to_string().into(),
    }
}

/// Where the data came from, with its separator when a CSV's is not a
/// comma ("d.csv (semicolon-separated)").
fn source_words(r: &TrainReport, style: &Style) -> String {
    match r.data.separator {
        Some(d) if d != crate::data::Delimiter::Comma => format!(
            "{} ({})",
            r.source,
            crate::msg!(style.lang, "csv-separated", delimiter = d.name())
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
    let activations: Vec<&str> = spec.activations.iter().map(|a| a.name()).collect();
    let mut out = vec![
        Block::Heading {
            level: 1,
            text: vec![text(format!("Training {}", spec.name))],
        },
        Block::Paragraph(vec![text(format!(
            "Network {} with activation {}, loss {}. Optimizer: {} with {}. Data: {} — {} training samples{}{}, {} feature{}, {} target{}{}.",
            spec.shape(),
            activations.join(", "),
            spec.loss.name(),
            r.options.optimizer.title(),
            settings(&r.options.optimizer),
            source_words(r, style),
            r.data.len(),
            r.validation.map_or(String::new(), |v| format!(" and {} held out for validation", v.len())),
            if r.standardized { ", standardized" } else { "" },
            r.data.feature_names.len(),
            if r.data.feature_names.len() == 1 { "" } else { "s" },
            r.data.target_names.len(),
            if r.data.target_names.len() == 1 { "" } else { "s" },
            r.data.class_names.as_ref().map_or(String::new(), |c| format!(" (classes {})", c.join(", ")))
        ))]),
    ];
    out.extend(super::metrics::target_scale_note(r.target_scale, style));
    if let Some(c) = r.comparison {
        out.extend(comparison_blocks(c, style));
        return out;
    }
    let early = r.options.target_loss.is_some() || r.options.patience.is_some();
    out.push(Block::Paragraph(vec![text(format!(
        "{}{}: {}.",
        t.arithmetic.summary(),
        if early {
            " at most (--target-loss or --patience may stop it sooner)"
        } else {
            ""
        },
        t.arithmetic.kind()
    ))]));
    let Some(first) = t.epochs.first() else {
        out.push(Block::Paragraph(vec![text(stop_text(&t.stop, t, style))]));
        return out;
    };
    out.extend(epoch_table(r, first, style));
    if format == Format::Text {
        if let Some(curve) = terminal_curve(t) {
            out.push(Block::Preformatted(curve));
        }
    }
    let end = &t.epochs[t.epochs.len() - 1];
    let mut summary = format!(
        "{} Final loss {}{}{} after {} ({} seen).",
        stop_text(&t.stop, t, style),
        style.num(end.loss),
        end.val_loss.map_or(String::new(), |v| format!(
            ", validation loss {}",
            style.num(v)
        )),
        end.accuracy.map_or(String::new(), |a| format!(
            ", training accuracy {}",
            percent(a)
        )),
        format_count(end.iterations, "iteration", "iterations"),
        format_count(samples_seen(t), "sample", "samples")
    );
    if let Some(path) = &r.saved {
        summary.push_str(&format!(" Parameters saved to {path}."));
    }
    if let Some(path) = &r.plot {
        summary.push_str(&format!(" Curves drawn in {path}."));
    }
    out.push(Block::Paragraph(vec![text(summary)]));
    if let Some(m) = &r.run_metrics {
        out.extend(super::metrics::run_blocks(m, style));
    }
    out
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
        out.push(Block::Paragraph(vec![text(format!(
            "The table shows its first {} and last {} rows; {} between them are left out (a table of {} rows is more than anyone reads; --log-every chooses the rows, and --format csv lists {}).",
            format_thousands(gap.at as u64),
            format_thousands((shown.len() - gap.at) as u64),
            format_thousands(gap.count as u64),
            format_thousands((shown.len() + gap.count) as u64),
            listed_epochs(t)
        ))]));
    }
    out
}

/// The epochs JSON and CSV list: all of them, or the first and the last
/// within `MAX_LISTED_RECORDS` (docs/limits.md).
fn listed(t: &Training) -> (Vec<&EpochRecord>, Option<Gap>) {
    let all: Vec<&EpochRecord> = t.epochs.iter().collect();
    first_and_last(&all, MAX_LISTED_RECORDS)
}

/// Which epochs JSON and CSV list: "every epoch", or "epochs 0 to 4,999
/// and 995,001 to 1,000,000 (10,000 of 1,000,001)".
fn listed_epochs(t: &Training) -> String {
    match listed(t) {
        (_, None) => "every epoch".to_string(),
        (epochs, Some(gap)) => format!(
            "epochs {} to {} and {} to {} ({} of {}; docs/limits.md)",
            epochs[0].epoch,
            epochs[gap.at - 1].epoch,
            epochs[gap.at].epoch,
            epochs[epochs.len() - 1].epoch,
            format_thousands(epochs.len() as u64),
            format_thousands((epochs.len() + gap.count) as u64)
        ),
    }
}

/// Points of the loss curve drawn in the terminal: its 240 dots across
/// need far fewer, but drawing this many costs nothing noticeable.
const TERMINAL_CURVE_POINTS: usize = 10_000;

/// Every k-th of `items` and the last, k chosen so that at most `limit`
/// remain: the points a curve needs.
fn thinned<T: Copy>(items: &[T], limit: usize) -> Vec<T> {
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
pub fn csv_note(r: &TrainReport) -> Option<String> {
    listed(r.training)
        .1
        .map(|_| format!("note: the CSV lists only {}\n", listed_epochs(r.training)))
}

/// The loss per epoch, drawn in the terminal; on a log₁₀ scale when it
/// spans more than three powers of ten (a divergence, or a long descent).
fn terminal_curve(t: &Training) -> Option<String> {
    use textplots::{Chart, Plot, Shape};
    if t.epochs.len() < 3 {
        return None;
    }
    let all: Vec<&EpochRecord> = t.epochs.iter().collect();
    let losses: Vec<(f32, f64)> = thinned(&all, TERMINAL_CURVE_POINTS)
        .iter()
        .map(|e| (e.epoch as f32, e.loss))
        .filter(|p| p.1.is_finite())
        .collect();
    let (low, high) = losses
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), p| {
            (lo.min(p.1), hi.max(p.1))
        });
    let logarithmic = low > 0.0 && high / low > 1e3;
    let points: Vec<(f32, f32)> = losses
        .iter()
        .map(|&(x, y)| (x, if logarithmic { y.log10() } else { y } as f32))
        .collect();
    let last = t.epochs[t.epochs.len() - 1].epoch as f32;
    let shape = Shape::Lines(&points);
    let mut chart = Chart::new(120, 40, 0.0, last.max(1.0));
    let chart = chart.lineplot(&shape);
    chart.axis();
    chart.figures();
    let title = if logarithmic {
        "log₁₀ of the loss by epoch"
    } else {
        "Loss by epoch"
    };
    Some(format!("{title}:\n{chart}"))
}

fn comparison_blocks(c: &BatchComparison, style: &Style) -> Vec<Block> {
    let header = vec![
        cell("batch size"),
        cell("kind"),
        cell("iterations per epoch"),
        cell("iterations"),
        cell("final loss"),
        cell("accuracy"),
        cell("spread of batch losses"),
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
                "batch"
            } else if *size == 1 {
                "stochastic"
            } else {
                "mini-batch"
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
            text: vec![text("Batch sizes compared")],
        },
        Block::Paragraph(vec![text(
            "Every run starts from the same weights and sees the same number of epochs. Smaller batches take more, cheaper, noisier steps: the spread is the standard deviation of the batch losses within an epoch, averaged over the epochs.",
        )]),
        Block::Table { header, rows },
    ]
}

fn csv(r: &TrainReport, style: &Style) -> String {
    let mut out = String::from("epoch,iterations,loss,val_loss,accuracy,val_accuracy,grad_norm\n");
    let opt = |v: Option<f64>| v.map_or(String::new(), |x| style.num(x));
    for e in listed(r.training).0 {
        out.push_str(&format!(
            "{},{},{},{},{},{},{}\n",
            e.epoch,
            e.iterations,
            style.num(e.loss),
            opt(e.val_loss),
            opt(e.accuracy),
            opt(e.val_accuracy),
            opt(e.grad_norm)
        ));
    }
    out
}

fn training_json(t: &Training, log_iterations: bool, timed: bool) -> Value {
    let (listed_epochs, epochs_gap) = listed(t);
    let epochs: Vec<Value> = listed_epochs
        .iter()
        .map(|e| {
            let mut record = json!({"epoch": e.epoch, "iterations": e.iterations, "loss": e.loss, "val_loss": e.val_loss, "accuracy": e.accuracy, "val_accuracy": e.val_accuracy, "grad_norm": e.grad_norm, "batch_loss_spread": e.spread});
            if let Some(lr) = e.lr {
                record["lr"] = json!(lr);
            }
            record
        })
        .collect();
    let mut object = json!({
        "iterations_per_epoch": t.arithmetic.iterations_per_epoch(),
        "epochs": epochs,
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
        object["diverged"] = json!({"epoch": epoch, "iteration": iteration, "reason": reason});
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

pub fn json_value(r: &TrainReport) -> Value {
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
            "optimizer": r.options.optimizer.title(),
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
    if let (Value::Object(o), Value::Object(more)) =
        (&mut object, training_json(t, r.log_iterations, false))
    {
        o.extend(more);
    }
    object["params"] = json!({"W": r.params.0, "b": r.params.1});
    if let (Value::Object(o), Some(m)) = (&mut object, &r.run_metrics) {
        if let Value::Object(more) = super::metrics::run_json(m) {
            o.extend(more);
        }
    }
    if let Some(c) = r.comparison {
        object["compare_batch"] = c.runs.iter().map(|(size, t)| json!({"batch_size": size, "run": training_json(t, r.log_iterations, true)})).collect();
    }
    object
}

/// The loss (and accuracy) per epoch and per iteration, as SVG.
pub fn plot(r: &TrainReport) -> Result<String, String> {
    let runs: Vec<(String, &Training)> = match r.comparison {
        Some(c) => c
            .runs
            .iter()
            .map(|(size, t)| (format!("batch {size}"), t))
            .collect(),
        None => vec![(String::new(), r.training)],
    };
    let mut loss = Vec::new();
    let mut accuracy = Vec::new();
    for (label, t) in &runs {
        let per_epoch = t.arithmetic.iterations_per_epoch().max(1) as f64;
        let prefix = if label.is_empty() {
            String::new()
        } else {
            format!("{label}: ")
        };
        if !t.iteration_curve.is_empty() {
            loss.push(Curve {
                label: format!("{prefix}batch loss per iteration"),
                points: t
                    .iteration_curve
                    .iter()
                    .map(|&(i, batch_loss)| (i as f64 / per_epoch, batch_loss))
                    .collect(),
                thin: true,
            });
        }
        let epochs: Vec<&EpochRecord> = t.epochs.iter().collect();
        // One curve per epoch quantity that the run recorded.
        let epoch_curve = |label: &str, value: fn(&EpochRecord) -> Option<f64>| {
            let points: Vec<(f64, f64)> = thinned(&epochs, MAX_PLOT_POINTS)
                .iter()
                .filter_map(|e| value(e).map(|v| (e.epoch as f64, v)))
                .collect();
            (!points.is_empty()).then(|| Curve {
                label: format!("{prefix}{label}"),
                points,
                thin: false,
            })
        };
        loss.extend(epoch_curve("training loss per epoch", |e| Some(e.loss)));
        loss.extend(epoch_curve("validation loss", |e| e.val_loss));
        accuracy.extend(epoch_curve("training accuracy", |e| e.accuracy));
        accuracy.extend(epoch_curve("validation accuracy", |e| e.val_accuracy));
    }
    training_curves(&format!("Training {}", r.spec.name), &loss, &accuracy)
}

/// The report of `stepgrad epochs`.
pub fn render_epochs(a: &EpochArithmetic, format: Format, style: &Style) -> String {
    if format == Format::Json {
        let value = json!({
            "samples": a.samples,
            "batch_size": a.batch_size,
            "epochs": a.epochs,
            "drop_last": a.drop_last,
            "iterations_per_epoch": a.iterations_per_epoch(),
            "last_batch": a.last_batch(),
            "dropped_per_epoch": if a.drop_last { a.remainder() } else { 0 },
            "total_iterations": json_count(a.total_iterations()),
            "samples_seen": json_count(a.samples_seen()),
        });
        return super::json::document(&value);
    }
    let n = |v: u128| format_thousands(v);
    let count = |v: usize, one: &str, many: &str| format_count(v as u64, one, many);
    let full = a.full_batches();
    let samples = count(a.samples, "sample", "samples");
    let per_epoch = count(a.iterations_per_epoch(), "iteration", "iterations");
    let mut steps = vec![format!(
        "One epoch is one pass over all {samples}; one iteration is one batch, one update of the weights."
    )];
    if a.remainder() == 0 {
        steps.push(format!(
            "{} ÷ {} = {} of {} {} an epoch exactly: {per_epoch} per epoch.",
            n(a.samples as u128),
            n(a.batch_size as u128),
            count(full, "batch", "batches"),
            n(a.batch_size as u128),
            if full == 1 { "fills" } else { "fill" },
        ));
    } else if a.drop_last {
        steps.push(format!(
            "{} ÷ {} = {} with {} left over; --drop-last drops them, so each epoch has {per_epoch} and uses {}.",
            n(a.samples as u128),
            n(a.batch_size as u128),
            count(full, "full batch", "full batches"),
            count(a.remainder(), "sample", "samples"),
            count(a.samples_per_epoch(), "sample", "samples"),
        ));
    } else {
        steps.push(format!(
            "{} ÷ {} = {} with {} left over, which make one last, smaller batch of {}: {per_epoch} per epoch.",
            n(a.samples as u128),
            n(a.batch_size as u128),
            count(full, "full batch", "full batches"),
            count(a.remainder(), "sample", "samples"),
            a.last_batch(),
        ));
    }
    steps.push(format!(
        "{} × {} = {} in all.",
        count(a.epochs, "epoch", "epochs"),
        per_epoch,
        format_count(a.total_iterations(), "iteration", "iterations")
    ));
    let each = if a.drop_last && a.remainder() > 0 {
        format!(
            "each sample at most {} — the dropped ones change from epoch to epoch when shuffled",
            format_count(a.epochs as u64, "time", "times")
        )
    } else {
        format!(
            "each sample {}",
            format_count(a.epochs as u64, "time", "times")
        )
    };
    steps.push(format!(
        "{} × {} = {} seen ({each}).",
        count(a.epochs, "epoch", "epochs"),
        count(a.samples_per_epoch(), "sample", "samples"),
        format_count(a.samples_seen(), "sample", "samples"),
    ));
    steps.push(format!(
        "With batch size {}, this is {}.",
        n(a.batch_size as u128),
        a.kind()
    ));
    let rows = vec![
        vec![
            cell("iterations per epoch"),
            cell(n(a.iterations_per_epoch() as u128)),
        ],
        vec![
            cell("size of the last batch"),
            cell(n(a.last_batch() as u128)),
        ],
        vec![cell("total iterations"), cell(n(a.total_iterations()))],
        vec![cell("samples seen"), cell(n(a.samples_seen()))],
    ];
    let mut blocks = vec![Block::Heading {
        level: 1,
        text: vec![text("Epochs and iterations")],
    }];
    blocks.extend(steps.into_iter().map(|s| Block::Paragraph(vec![text(s)])));
    blocks.push(Block::Table {
        header: vec![cell("quantity"), cell("value")],
        rows,
    });
    doc::render(&blocks, format, style)
}
