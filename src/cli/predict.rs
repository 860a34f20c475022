//! `stepgrad predict`: a model saved by `train --save` applied to data —
//! a CSV file, whose columns are found by the model's names, or a built-in
//! set — with the metrics when the data has the targets.
//!
//! The command line reads the two files, hands them to the library
//! (`model_file::read_model`, `data::read_for_model`, the model's
//! `apply`), and renders `report::predict`.

use super::inputs::{parse_count, read_named_file, GeneratedSetArgs};
use super::{Context, Written};
use crate::data::{read_for_model, Table, Wanted};
use crate::report::predict::{render, PredictReport};
use crate::report::Format;
use crate::training::model_file::{read_model, ModelFile};
use crate::training::{builtin_set, samples_for_model, ColumnChoice, Samples};
use crate::Error;
use clap::Args;
use std::path::PathBuf;

#[derive(Args, Debug, Clone)]
pub struct PredictArgs {
    /// The model file written by train --save
    pub model: PathBuf,
    /// The data: a CSV file with the model's feature columns (and its targets, for the metrics), or builtin:NAME
    #[arg(long, value_name = "CSV|builtin:NAME")]
    pub data: String,
    #[command(flatten)]
    pub generated: GeneratedSetArgs,
    /// Seed of a generated built-in set
    #[arg(long, value_name = "S", default_value_t = 0)]
    pub seed: u64,
    /// Draw the first N samples of 8×8 images (builtin:digits) with block characters, with the predicted / true class
    #[arg(long, value_name = "N", default_value_t = 0, value_parser = parse_count, allow_negative_numbers = true)]
    pub show: usize,
}

const FORMATS: [Format; 5] = [
    Format::Text,
    Format::Markdown,
    Format::Latex,
    Format::Json,
    Format::Csv,
];

pub fn run(args: &PredictArgs, context: &Context) -> Result<Written, Error> {
    context.require_format("predict", &FORMATS)?;
    let shown = args.model.display().to_string();
    let text = read_named_file("the model", &args.model)?;
    let model = read_model(&shown, &text)?;
    let table = load(args, &model)?;
    let samples = Samples {
        inputs: &table.inputs,
        targets: table.targets.as_deref(),
        standardized: false,
    };
    let applied = model.apply(&samples);
    let report = PredictReport {
        model_path: &shown,
        source: &args.data,
        model: &model,
        applied: &applied,
        truth: table.targets.as_deref(),
        inputs: &table.inputs,
        show: args.show,
    };
    Ok(Written::ok(render(&report, context.format, &context.style)))
}

/// The data in the model's columns: a built-in set, or a CSV read by name.
fn load(args: &PredictArgs, model: &ModelFile) -> Result<Table, Error> {
    let source = &args.data;
    match source.strip_prefix("builtin:") {
        Some(name) => {
            let generation = args.generated.generation(name, args.seed);
            let choice = ColumnChoice {
                label: None,
                targets: &[],
            };
            let data = builtin_set(source, name, &choice, &generation)?;
            samples_for_model(model, &data, source)
        }
        None => {
            let text = read_named_file("--data", std::path::Path::new(source))?;
            let wanted = Wanted {
                features: &model.features,
                label: model.label.as_deref().zip(model.classes.as_deref()),
                targets: &model.targets,
            };
            read_for_model(source, &text, &wanted)
        }
    }
}
