//! The report of `train --compare`: one run per optimizer from the same
//! start with the same batches, side by side — a table (final training
//! loss, the validation loss and accuracy when a part is held out, the
//! best epoch, iterations, time or divergence), each optimizer's
//! settings, the loss curves in the terminal, and the runs in JSON and
//! CSV.

use super::doc::{cell, text, Block};
use super::json::Splices;
use super::train::{curves_in_terminal, epoch_series, json_count, settings, training_json};
use super::{Format, Style};
use crate::i18n::Lang;
use crate::msg;
use crate::number::format_thousands;
use crate::optim::OptimizerConfig;
use crate::training::{BestEpoch, TrainStop, Training};
use serde_json::{json, Value};

/// One run per optimizer compared, by the name given to `--compare`.
pub struct OptimizerComparison {
    pub runs: Vec<ComparedRun>,
}

/// An optimizer's run in a comparison.
pub struct ComparedRun {
    pub name: String,
    pub optimizer: OptimizerConfig,
    pub training: Training,
    /// Its best epoch: the smallest validation loss, else training loss.
    pub best: Option<BestEpoch>,
}

/// The optimizers as the report's setup names them: "sgd, momentum, adam".
pub(super) fn names(c: &OptimizerComparison) -> String {
    let names: Vec<&str> = c.runs.iter().map(|r| r.name.as_str()).collect();
    names.join(", ")
}

/// The comparison's part of the report, after the setup.
pub(super) fn blocks(
    c: &OptimizerComparison,
    seed: u64,
    format: Format,
    style: &Style,
) -> Vec<Block> {
    let lang = style.lang;
    let Some(first) = c.runs.first() else {
        return Vec::new();
    };
    let arithmetic = &first.training.arithmetic;
    let mut out = vec![
        Block::Heading {
            level: 2,
            text: vec![text(msg!(lang, "train-compare-heading"))],
        },
        Block::Paragraph(vec![text(msg!(
            lang,
            "train-compare-same",
            arithmetic = arithmetic.summary_in(lang),
            seed = seed.to_string()
        ))]),
        table(c, style),
        Block::Paragraph(vec![text(settings_text(c, lang))]),
    ];
    if format == Format::Text {
        let series: Vec<_> = (c.runs.iter())
            .map(|r| epoch_series(r.name.clone(), &r.training, |e| Some(e.loss)))
            .collect();
        if let Some(curves) = curves_in_terminal(&series, style) {
            out.push(Block::Preformatted(curves));
        }
    }
    out
}

/// Each optimizer's settings: "sgd: lr = 0.001; adam: lr = 0.001, …".
fn settings_text(c: &OptimizerComparison, lang: Lang) -> String {
    let each: Vec<String> = (c.runs.iter())
        .map(|r| format!("{}: {}", r.name, settings(&r.optimizer)))
        .collect();
    msg!(lang, "train-compare-settings", settings = each.join("; "))
}

/// The table of the runs: a column per optimizer (so that three or four
/// fit a narrow terminal), a row per quantity.
fn table(c: &OptimizerComparison, style: &Style) -> Block {
    let lang = style.lang;
    let ends: Vec<_> = c
        .runs
        .iter()
        .filter_map(|r| r.training.epochs.last())
        .collect();
    let validation = ends.iter().any(|e| e.val_loss.is_some());
    let classification = ends.iter().any(|e| e.accuracy.is_some());
    let mut header = vec![cell("optimizer")];
    header.extend(c.runs.iter().map(|r| cell(r.name.clone())));
    let percent = |a: Option<f64>| a.map_or("—".into(), |a| format!("{:.1}%", 100.0 * a));
    let number = |v: Option<f64>| v.map_or("—".into(), |v| style.num(v));
    let row_of = |name: &str, value: &dyn Fn(&ComparedRun) -> String| {
        let mut row = vec![cell(crate::i18n::header(lang, name))];
        row.extend(c.runs.iter().map(|r| cell(value(r))));
        row
    };
    let row = |name: &str, value: &dyn Fn(&Training) -> String| {
        row_of(name, &|r: &ComparedRun| value(&r.training))
    };
    let last = |t: &Training| t.epochs.last().cloned();
    let mut rows = vec![row("final loss", &|t| number(last(t).map(|e| e.loss)))];
    if validation {
        rows.push(row("val loss", &|t| {
            number(last(t).and_then(|e| e.val_loss))
        }));
    }
    match (classification, validation) {
        (true, true) => rows.push(row("val accuracy", &|t| {
            percent(last(t).and_then(|e| e.val_accuracy))
        })),
        (true, false) => rows.push(row("accuracy", &|t| {
            percent(last(t).and_then(|e| e.accuracy))
        })),
        _ => {}
    }
    rows.push(row_of("best epoch", &|r| {
        r.best.map_or("—".into(), |b| b.epoch.to_string())
    }));
    rows.push(row("iterations", &|t| {
        format_thousands(last(t).map_or(0, |e| e.iterations))
    }));
    rows.push(row("time", &|t| time_or_stop(t, lang)));
    Block::Table { header, rows }
}

/// The run's time, or where it diverged or was stopped.
fn time_or_stop(t: &Training, lang: Lang) -> String {
    match &t.stop {
        TrainStop::Diverged { epoch, .. } => {
            msg!(lang, "train-compare-diverged", epoch = epoch.to_string())
        }
        TrainStop::Interrupted { .. } => msg!(lang, "train-compare-interrupted"),
        _ => format!("{:.3} s", t.elapsed.as_secs_f64()),
    }
}

/// The runs in JSON: each optimizer's name, settings and run.
pub(super) fn json(
    c: &OptimizerComparison,
    log_iterations: bool,
    lang: Lang,
    splices: &mut Splices,
) -> Value {
    (c.runs.iter())
        .map(|r| {
            let hyperparameters: serde_json::Map<String, Value> = (r.optimizer.settings())
                .into_iter()
                .map(|(k, v)| (k.to_string(), Value::String(v)))
                .collect();
            let best = r
                .best
                .map(|b| json!({"epoch": b.epoch, "monitor": b.monitor.field(), "loss": b.loss}));
            let iterations = r.training.epochs.last().map_or(0, |e| e.iterations);
            json!({
                "name": r.name,
                "optimizer": r.optimizer.title_in(lang),
                "hyperparameters": hyperparameters,
                "best_epoch": best,
                "total_iterations": json_count(u128::from(iterations)),
                "run": training_json(&r.training, log_iterations, true, lang, splices),
            })
        })
        .collect()
}

/// The runs in CSV: the epochs of each, the optimizer's name first.
pub(super) fn csv(c: &OptimizerComparison, style: &Style) -> String {
    let mut out = format!("optimizer,{}\n", super::train::EPOCH_CSV_HEADER);
    for r in &c.runs {
        for e in super::train::listed(&r.training).0 {
            let fields = super::train::epoch_csv_fields(e, style);
            out.push_str(&format!("{},{fields}\n", r.name));
        }
    }
    out
}
