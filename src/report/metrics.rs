//! The metrics of a model's predictions, as `predict` and the end of
//! `train` show them: the accuracy, the confusion matrix (rows the true
//! class, columns the predicted one) and each class's precision, recall
//! and F1; or each target's RMSE, MAE and R². Also their JSON, which
//! docs/json.md describes.

use super::doc::{cell, text, Block, Cell};
use super::Style;
use crate::msg;
use crate::training::metrics::{ClassMetrics, Metrics, TargetFit};
use crate::training::TargetScale;
use serde_json::{json, Value};

/// A fraction as a percentage with one decimal.
pub fn percent(x: f64) -> String {
    format!("{:.1}%", 100.0 * x)
}

fn optional(value: Option<f64>, style: &Style) -> String {
    value.map_or("—".into(), |v| style.num(v))
}

/// The blocks of `metrics`.
/// `explain`: say how the confusion matrix and the scores are read.
pub fn blocks(metrics: &Metrics, style: &Style, explain: bool) -> Vec<Block> {
    match metrics {
        Metrics::Classes(m) => class_blocks(m, style, explain),
        Metrics::Values(fits) => vec![value_table(fits, style)],
    }
}

fn class_blocks(m: &ClassMetrics, style: &Style, explain: bool) -> Vec<Block> {
    let lang = style.lang;
    let total: usize = m.confusion.iter().flatten().sum();
    let right: usize = (0..m.classes.len()).map(|k| m.confusion[k][k]).sum();
    let mut header: Vec<Cell> = vec![cell(msg!(lang, "metrics-col-confusion"))];
    header.extend(m.classes.iter().map(|c| cell(c.as_str())));
    let confusion = m
        .classes
        .iter()
        .zip(&m.confusion)
        .map(|(class, row)| {
            let mut cells = vec![cell(class.as_str())];
            cells.extend(row.iter().map(|n| cell(n.to_string())));
            cells
        })
        .collect();
    let scores = m
        .classes
        .iter()
        .zip(&m.scores)
        .map(|(class, s)| {
            vec![
                cell(class.as_str()),
                cell(optional(s.precision, style)),
                cell(optional(s.recall, style)),
                cell(optional(s.f1, style)),
                cell(s.support.to_string()),
            ]
        })
        .collect();
    let mut accuracy = msg!(
        lang,
        "metrics-accuracy",
        accuracy = percent(m.accuracy),
        right = right,
        total = total
    );
    if explain {
        accuracy.push(' ');
        accuracy.push_str(&msg!(lang, "metrics-explained"));
    }
    let mut out = vec![
        Block::Paragraph(vec![text(accuracy)]),
        Block::Table {
            header,
            rows: confusion,
        },
        Block::Table {
            header: ["class", "precision", "recall", "f1", "support"]
                .iter()
                .map(|h| cell(column(lang, h)))
                .collect(),
            rows: scores,
        },
    ];
    if m.scores
        .iter()
        .any(|s| s.precision.is_none() || s.f1.is_none())
    {
        out.push(Block::Paragraph(vec![text(msg!(
            lang,
            "metrics-undefined"
        ))]));
    }
    out
}

/// A column's header: `metrics-col-NAME`.
fn column(lang: crate::i18n::Lang, name: &str) -> String {
    crate::i18n::message(lang, &format!("metrics-col-{name}"), &[])
}

fn value_table(fits: &[TargetFit], style: &Style) -> Block {
    let lang = style.lang;
    Block::Table {
        header: ["target", "rmse", "mae", "r2"]
            .iter()
            .map(|h| cell(column(lang, h)))
            .collect(),
        rows: fits
            .iter()
            .map(|f| {
                vec![
                    cell(f.name.as_str()),
                    cell(style.num(f.rmse)),
                    cell(style.num(f.mae)),
                    cell(optional(f.r2, style)),
                ]
            })
            .collect(),
    }
}

/// The metrics as JSON.
pub fn json(metrics: &Metrics) -> Value {
    match metrics {
        Metrics::Classes(m) => json!({
            "kind": "classification",
            "classes": m.classes,
            "accuracy": m.accuracy,
            "confusion": m.confusion,
            "per_class": m.classes.iter().zip(&m.scores).map(|(c, s)| json!({
                "class": c, "precision": s.precision, "recall": s.recall, "f1": s.f1, "support": s.support,
            })).collect::<Vec<_>>(),
        }),
        Metrics::Values(fits) => json!({
            "kind": "regression",
            "targets": fits.iter().map(|f| json!({
                "target": f.name, "rmse": f.rmse, "mae": f.mae, "r2": f.r2,
            })).collect::<Vec<_>>(),
        }),
    }
}

/// What the end of `train` adds to its report: the best epoch (and the
/// epoch whose parameters `--restore-best` kept), and the metrics of the
/// training and validation parts.
pub struct RunMetrics<'a> {
    pub parts: &'a crate::training::PartMetrics,
    pub best: Option<crate::training::BestEpoch>,
    pub restored: Option<usize>,
    /// The samples held out for validation, by their index in the data.
    pub validation_rows: &'a [usize],
}

/// The blocks `train` ends with.
pub fn run_blocks(m: &RunMetrics, style: &Style) -> Vec<Block> {
    let lang = style.lang;
    let mut out = Vec::new();
    if let Some(best) = m.best {
        let id = match best.monitor {
            crate::training::Monitor::Validation => "metrics-best-validation",
            crate::training::Monitor::Training => "metrics-best-training",
        };
        let mut sentence = crate::i18n::message(
            lang,
            id,
            &[
                ("epoch", crate::i18n::Arg::from(best.epoch.to_string())),
                ("loss", crate::i18n::Arg::from(style.num(best.loss))),
            ],
        );
        if let Some(epoch) = m.restored {
            sentence.push(' ');
            sentence.push_str(&msg!(lang, "metrics-restored", epoch = epoch.to_string()));
        }
        out.push(Block::Paragraph(vec![text(sentence)]));
    }
    for (k, (id, part)) in [
        ("metrics-training-part", &m.parts.training),
        ("metrics-validation-part", &m.parts.validation),
    ]
    .into_iter()
    .enumerate()
    {
        if let Some(metrics) = part {
            out.push(Block::Heading {
                level: 2,
                text: vec![text(crate::i18n::message(lang, id, &[]))],
            });
            out.extend(blocks(metrics, style, k == 0));
        }
    }
    out
}

/// The JSON fields `train` adds: `best`, `restored_epoch`, `metrics`.
pub fn run_json(m: &RunMetrics) -> Value {
    json!({
        "best_epoch": m.best.map(|b| json!({"epoch": b.epoch, "monitor": b.monitor.field(), "loss": b.loss})),
        "restored_epoch": m.restored,
        "metrics": {
            "training": m.parts.training.as_ref().map(json),
            "validation": m.parts.validation.as_ref().map(json),
            "validation_rows": m.validation_rows,
        },
    })
}
/// The paragraph on the targets' scale: standardised (the losses in those
/// units, the metrics in the targets' own), or a warning that they are far
/// from unit scale; none otherwise.
pub fn target_scale_note(scale: &TargetScale, style: &Style) -> Option<Block> {
    let lang = style.lang;
    let sentence = match scale {
        TargetScale::AsGiven => return None,
        TargetScale::Standardized(statistics) => {
            let each: Vec<String> = statistics
                .iter()
                .map(|&(mean, sd)| format!("{}, {}", style.num(mean), style.num(sd)))
                .collect();
            msg!(
                lang,
                "fit-targets-standardized",
                statistics = each.join("; ")
            )
        }
        TargetScale::FarFromUnit { target, mean, sd } => msg!(
            lang,
            "fit-targets-far-from-unit",
            target = target.as_str(),
            mean = style.num(*mean),
            sd = style.num(*sd)
        ),
    };
    Some(Block::Paragraph(vec![text(sentence)]))
}
