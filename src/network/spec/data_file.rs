//! The `[data]` table of a spec: a CSV file beside the spec, read through
//! the one reading path and checked against the network's widths.
//!
//! Invariant: data read here has as many inputs as the input layer and as
//! many targets as the output layer.

use super::validate::{Checker, RawData, Rows};
use crate::data::{load_csv, TargetColumns};
use crate::diagnostic::name_list_text;
use crate::{text, Error};
use toml::Spanned;

/// The path of a `[data] file`, relative to the spec's folder.
pub(super) fn data_path(folder: Option<&std::path::Path>, file: &str) -> std::path::PathBuf {
    match folder {
        Some(f) => f.join(file),
        None => std::path::PathBuf::from(file),
    }
}

pub(super) fn csv_data(
    check: &Checker,
    data: &Spanned<RawData>,
    folder: Option<&std::path::Path>,
    layers: &[usize],
) -> Result<(Rows, Rows), Error> {
    let raw = data.get_ref();
    let columns = match (&raw.targets, &raw.label) {
        (Some(t), None) => TargetColumns::Names(t.clone()),
        (None, Some(l)) => TargetColumns::Label(l.clone()),
        _ => {
            return Err(check.error(
                data.span(),
                text!("spec-data-columns"),
                text!("spec-data-columns-hint"),
            ))
        }
    };
    let path = data_path(folder, raw.file.get_ref());
    let text = crate::text_file::read(&path).map_err(|why| {
        check.error(
            raw.file.span(),
            text!(
                "spec-data-unreadable",
                path = path.display().to_string(),
                reason = why.text()
            ),
            text!("spec-data-unreadable-hint"),
        )
    })?;
    let dataset = load_csv(&path.display().to_string(), &text, &columns)?;
    let (inputs, outputs) = (layers[0], layers[layers.len() - 1]);
    if dataset.feature_names.len() != inputs {
        return Err(check.error(
            data.span(),
            text!(
                "spec-data-inputs",
                path = path.display().to_string(),
                count = dataset.feature_names.len(),
                names = name_list_text(&dataset.feature_names),
                inputs = inputs
            ),
            text!("spec-data-inputs-hint"),
        ));
    }
    if dataset.target_names.len() != outputs {
        return Err(check.error(
            data.span(),
            text!(
                "spec-data-targets",
                path = path.display().to_string(),
                count = dataset.target_names.len(),
                outputs = outputs
            ),
            text!("spec-data-targets-hint"),
        ));
    }
    Ok((dataset.inputs, dataset.targets))
}
