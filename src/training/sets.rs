//! The data `train` trains on — a built-in set, a CSV file's rows, or a
//! spec's own samples — checked against the limits before any work.
//!
//! Invariant: a set returned has at most `limits::MAX_SAMPLES` samples and
//! `limits::MAX_DATA_VALUES` numbers, and a CSV set has as many input
//! columns as the spec's network takes (when there is a spec).

use crate::data::{builtin, check_input_columns, load_csv, Dataset, Generation, TargetColumns};
use crate::i18n::Lang;
use crate::limits::{MAX_DATA_VALUES, MAX_SAMPLES};
use crate::msg;
use crate::network::Spec;
use crate::number::format_thousands;
use crate::Error;

/// The columns a CSV's options (`--label`, `--targets`) choose.
pub struct ColumnChoice<'a> {
    pub label: Option<&'a str>,
    pub targets: &'a [String],
}

impl ColumnChoice<'_> {
    /// The option that chose columns, if one did.
    fn given(&self) -> Option<&'static str> {
        match (self.label, self.targets.is_empty()) {
            (Some(_), _) => Some("--label"),
            (None, false) => Some("--targets"),
            (None, true) => None,
        }
    }

    /// The target columns of the CSV `source`: one of the options is needed.
    pub fn columns(&self, source: &str) -> Result<TargetColumns, Error> {
        match (self.label, self.targets.is_empty()) {
            (Some(label), _) => Ok(TargetColumns::Label(label.to_string())),
            (None, false) => Ok(TargetColumns::Names(self.targets.to_vec())),
            (None, true) => Err(Error::told(
                crate::text!("sets-no-targets", source = source),
                crate::text!("sets-no-targets-hint"),
            )),
        }
    }
}

/// The built-in set `name` (asked for as `source`, "builtin:name"), drawn
/// as `generation` says; a CSV's column options do not apply to it.
pub fn builtin_set(
    source: &str,
    name: &str,
    choice: &ColumnChoice,
    generation: &Generation,
) -> Result<Dataset, Error> {
    if let Some(option) = choice.given() {
        return Err(Error::told(
            crate::text!("sets-builtin-columns", option = option, source = source),
            crate::text!("sets-builtin-columns-hint", option = option),
        ));
    }
    if !(0.0..=1.0).contains(&generation.noise) {
        return Err(Error::told(
            crate::text!("train-noise-range", noise = generation.noise.to_string()),
            crate::text!("train-noise-hint"),
        ));
    }
    if generation.samples < 2 || generation.samples > MAX_SAMPLES {
        return Err(Error::told(
            crate::text!(
                "train-samples-range",
                samples = generation.samples.to_string(),
                max = format_thousands(MAX_SAMPLES as u64)
            ),
            crate::text!("train-samples-hint"),
        ));
    }
    builtin(name, generation)
}

/// The rows of the CSV `text` (read from `source`), with `columns` as
/// targets; with a spec, as many input columns as its network takes.
pub fn csv_set(
    source: &str,
    text: &str,
    columns: &TargetColumns,
    spec: Option<&Spec>,
) -> Result<Dataset, Error> {
    let data = load_csv(source, text, columns)?;
    if let Some(spec) = spec {
        check_input_columns(source, text, &data, spec.layers[0])?;
    }
    let values = data.len() * (data.feature_names.len() + data.target_names.len());
    if values > MAX_DATA_VALUES {
        return Err(Error::told(
            crate::text!(
                "sets-too-many-values",
                source = source,
                count = format_thousands(values as u64),
                max = format_thousands(MAX_DATA_VALUES as u64)
            ),
            crate::text!("sets-too-many-values-hint"),
        ));
    }
    if data.len() > MAX_SAMPLES {
        return Err(Error::told(
            crate::text!(
                "sets-too-many-rows",
                source = source,
                rows = data.len().to_string(),
                max = format_thousands(MAX_SAMPLES as u64)
            ),
            crate::text!("sets-too-many-rows-hint"),
        ));
    }
    Ok(data)
}

/// The spec's own samples, when no data was given, and where they came
/// from.
pub fn spec_set(spec: Option<&Spec>, lang: Lang) -> Result<(Dataset, String), Error> {
    match spec {
        Some(spec) if !spec.inputs.is_empty() => {
            let outputs = spec.layers[spec.layers.len() - 1];
            let data = Dataset {
                feature_names: (1..=spec.layers[0]).map(|k| format!("i{k}")).collect(),
                target_names: (1..=outputs).map(|k| format!("target_o{k}")).collect(),
                class_names: None,
                separator: None,
                inputs: spec.inputs.clone(),
                targets: spec.targets.clone(),
            };
            Ok((data, msg!(lang, "train-source-spec", name = &spec.name)))
        }
        _ => Err(Error::told(
            crate::text!("sets-no-data"),
            crate::text!("sets-no-data-hint"),
        )),
    }
}
