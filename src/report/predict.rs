//! The report of `stepgrad predict`: a saved model's outputs for each
//! sample — the class and the probability of each class for a
//! classifier, the values in the targets' units for regression — and,
//! when the data has the targets, the metrics (`metrics`). In text,
//! Markdown and LaTeX, one row per sample in CSV, and JSON (docs/json.md).

use super::doc::{self, cell, text, Block, Cell};
use super::{first_and_last, left_out_json, metrics, Format, Style};
use crate::limits::{MAX_LISTED_RECORDS, MAX_TABLE_ROWS};
use crate::msg;
use crate::training::model_file::ModelFile;
use crate::training::{true_class, Applied, Kind, Prediction};
use serde_json::{json, Value};

pub struct PredictReport<'a> {
    /// The model file as given.
    pub model_path: &'a str,
    /// Where the data came from.
    pub source: &'a str,
    pub model: &'a ModelFile,
    pub applied: &'a Applied,
    /// The data's targets, when it has them (in its own units).
    pub truth: Option<&'a [Vec<f64>]>,
    /// The samples' inputs, and how many to draw as 8×8 images (`--show`).
    pub inputs: &'a [Vec<f64>],
    pub show: usize,
}

/// The first `show` samples of 8×8 images drawn with block characters,
/// each with its predicted (and true) class.
fn pictures(r: &PredictReport) -> Option<Block> {
    let side = crate::data::digits::SIDE;
    if r.show == 0 || r.model.features.len() != side * side {
        return None;
    }
    let classes = r.model.class_names();
    let mut lines = Vec::new();
    for (k, (x, p)) in r
        .inputs
        .iter()
        .zip(&r.applied.predictions)
        .take(r.show)
        .enumerate()
    {
        let predicted = p.class.map_or(String::new(), |c| classes[c].clone());
        let truth = r.truth.map_or(String::new(), |t| {
            format!(" / {}", classes[true_class(&t[k])])
        });
        lines.push(format!("#{} → {predicted}{truth}", k + 1));
        lines.extend(crate::data::digits::blocks(x));
    }
    Some(Block::Preformatted(lines.join("\n")))
}

pub fn render(r: &PredictReport, format: Format, style: &Style) -> String {
    match format {
        Format::Json => super::json::document(&json_value(r)),
        Format::Csv => csv(r, style),
        _ => doc::render(&blocks(r, style), format, style),
    }
}

/// Sample numbers with their predictions (and true targets), the ones a
/// listing of at most `limit` shows.
fn listed<'a>(
    r: &'a PredictReport,
    limit: usize,
) -> (Vec<(usize, &'a Prediction)>, Option<crate::optim::Gap>) {
    let all: Vec<(usize, &Prediction)> = r.applied.predictions.iter().enumerate().collect();
    first_and_last(&all, limit)
}

fn header(r: &PredictReport, style: &Style) -> Vec<Cell> {
    let lang = style.lang;
    let mut header = vec![cell(msg!(lang, "metrics-col-sample"))];
    match r.model.kind() {
        Kind::Classification => {
            if r.truth.is_some() {
                header.push(cell(msg!(lang, "metrics-col-true")));
            }
            header.push(cell(msg!(lang, "metrics-col-predicted")));
            header.extend(
                r.model
                    .class_names()
                    .iter()
                    .map(|c| cell(format!("p({c})"))),
            );
        }
        Kind::Regression => {
            for t in &r.model.targets {
                if r.truth.is_some() {
                    header.push(cell(msg!(lang, "metrics-col-true-of", target = t.as_str())));
                }
                header.push(cell(msg!(
                    lang,
                    "metrics-col-predicted-of",
                    target = t.as_str()
                )));
            }
        }
    }
    header
}

/// One sample's row: its number, (its true class or values,) the
/// prediction.
fn row(r: &PredictReport, k: usize, p: &Prediction, style: &Style) -> Vec<String> {
    let classes = r.model.class_names();
    let mut cells = vec![(k + 1).to_string()];
    let truth = r.truth.map(|t| &t[k]);
    match (p.class, &p.probabilities) {
        (Some(class), Some(probabilities)) => {
            if let Some(t) = truth {
                cells.push(classes[true_class(t)].clone());
            }
            cells.push(classes[class].clone());
            cells.extend(probabilities.iter().map(|&q| style.num(q)));
        }
        _ => {
            for (j, v) in p.values.iter().enumerate() {
                if let Some(t) = truth {
                    cells.push(style.num(t[j]));
                }
                cells.push(style.num(*v));
            }
        }
    }
    cells
}

fn blocks(r: &PredictReport, style: &Style) -> Vec<Block> {
    let lang = style.lang;
    let m = r.model;
    let shape: Vec<String> = m.layers.iter().map(usize::to_string).collect();
    let summary = match m.kind() {
        Kind::Classification => msg!(
            lang,
            "predict-summary-classes",
            count = r.applied.predictions.len(),
            network = shape.join("-"),
            classes = m.class_names().join(", ")
        ),
        Kind::Regression => msg!(
            lang,
            "predict-summary-values",
            count = r.applied.predictions.len(),
            network = shape.join("-"),
            targets = m.targets.join(", ")
        ),
    };
    let scaled = match m.feature_scaling.is_some() {
        true => format!(" {}", msg!(lang, "predict-standardized")),
        false => String::new(),
    };
    let (shown, gap) = listed(r, MAX_TABLE_ROWS);
    let mut rows: Vec<Vec<Cell>> = shown
        .iter()
        .map(|&(k, p)| row(r, k, p, style).into_iter().map(cell).collect())
        .collect();
    let header = header(r, style);
    if let Some(gap) = gap {
        let mut dots = vec![cell("⋮")];
        dots.extend((1..header.len()).map(|_| cell("")));
        rows.insert(gap.at, dots);
    }
    let mut out = vec![
        Block::Heading {
            level: 1,
            text: vec![text(msg!(
                lang,
                "predict-title",
                model = r.model_path,
                source = r.source
            ))],
        },
        Block::Paragraph(vec![text(format!("{summary}{scaled}"))]),
        Block::Table { header, rows },
    ];
    out.extend(pictures(r));
    if let Some(gap) = gap {
        out.push(Block::Paragraph(vec![text(msg!(
            lang,
            "predict-rows-left-out",
            count = gap.count
        ))]));
    }
    match &r.applied.metrics {
        Some(metrics) => {
            out.push(Block::Heading {
                level: 2,
                text: vec![text(msg!(lang, "metrics-heading"))],
            });
            out.extend(metrics::blocks(metrics, style, true));
        }
        None => out.push(Block::Paragraph(vec![text(msg!(
            lang,
            "predict-no-targets"
        ))])),
    }
    out
}

fn csv(r: &PredictReport, style: &Style) -> String {
    let m = r.model;
    let mut columns = vec!["sample".to_string()];
    match m.kind() {
        Kind::Classification => {
            if r.truth.is_some() {
                columns.push("true".into());
            }
            columns.push("predicted".into());
            columns.extend(m.class_names().iter().map(|c| format!("p_{c}")));
        }
        Kind::Regression => {
            for t in &m.targets {
                if r.truth.is_some() {
                    columns.push(format!("true_{t}"));
                }
                columns.push(t.clone());
            }
        }
    }
    let mut writer = csv::Writer::from_writer(Vec::new());
    let mut lines = vec![columns];
    for (k, p) in r.applied.predictions.iter().enumerate() {
        lines.push(row(r, k, p, style));
    }
    for line in lines {
        // invariant: writing to a Vec cannot fail.
        let _ = writer.write_record(&line);
    }
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}

fn prediction_json(r: &PredictReport, k: usize, p: &Prediction) -> Value {
    let classes = r.model.class_names();
    let truth = r.truth.map(|t| &t[k]);
    match (p.class, &p.probabilities) {
        (Some(class), Some(probabilities)) => json!({
            "sample": k + 1,
            "class": classes[class],
            "probabilities": probabilities,
            "true": truth.map(|t| classes[true_class(t)].clone()),
        }),
        _ => json!({"sample": k + 1, "values": p.values, "true": truth}),
    }
}

pub fn json_value(r: &PredictReport) -> Value {
    let m = r.model;
    let (shown, gap) = listed(r, MAX_LISTED_RECORDS);
    let mut object = json!({
        "model": r.model_path,
        "data": r.source,
        "samples": r.applied.predictions.len(),
        "kind": match m.kind() { Kind::Classification => "classification", Kind::Regression => "regression" },
        "classes": (m.kind() == Kind::Classification).then(|| m.class_names()),
        "targets": m.targets,
        "predictions": shown.iter().map(|&(k, p)| prediction_json(r, k, p)).collect::<Vec<_>>(),
        "metrics": r.applied.metrics.as_ref().map(metrics::json),
    });
    if let Some(gap) = gap {
        object["predictions_left_out"] = left_out_json(&shown, gap, |&(k, _)| k + 1);
    }
    object
}
