//! Reading a spec's TOML: the raw fields with their places in the file,
//! and the checks that turn them into a `Spec`, each mistake reported at
//! its line and column with what was expected, in the words of the
//! catalogue (`spec-…`; the toml crate's own through `toml_text`).
//!
//! Invariant: `parse_spec` returns a spec only when every field passed its
//! check; the first mistake found is the one reported.

use super::data_file::{csv_data, data_path};
use super::init::initialize;
use super::layers::{read_activations, read_bias, read_layers, read_loss};
use super::train::train_settings;
use super::{BiasMode, Loss, Origin, Parameters, Spec};
use crate::diagnostic::Location;
use crate::expr::closest_name;
use crate::i18n::Text;
use crate::{text, Error};
use serde::Deserialize;
use std::ops::Range;
use toml::Spanned;

/// Rows of numbers, each number and row with its place in the file.
pub(super) type Matrix = Spanned<Vec<Spanned<Vec<Spanned<f64>>>>>;
/// Samples' inputs or targets, one row per sample.
pub(super) type Rows = Vec<Vec<f64>>;
/// One matrix per layer.
pub(super) type Matrices = Spanned<Vec<Matrix>>;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawSpec {
    pub(super) name: Option<String>,
    pub(super) description: Option<String>,
    pub(super) description_ko: Option<String>,
    pub(super) note: Option<String>,
    pub(super) note_ko: Option<String>,
    pub(super) layers: Spanned<Vec<Spanned<i64>>>,
    pub(super) activation: Option<Spanned<toml::Value>>,
    pub(super) bias: Option<Spanned<String>>,
    pub(super) loss: Option<Spanned<String>>,
    pub(super) weights: Option<Matrices>,
    pub(super) biases: Option<Matrix>,
    pub(super) init: Option<Spanned<String>>,
    pub(super) seed: Option<Spanned<i64>>,
    pub(super) inputs: Option<Matrix>,
    pub(super) targets: Option<Matrix>,
    pub(super) data: Option<Spanned<RawData>>,
    pub(super) train: Option<Spanned<RawTrain>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawData {
    pub(super) file: Spanned<String>,
    pub(super) targets: Option<Vec<String>>,
    pub(super) label: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawTrain {
    pub(super) lr: Option<Spanned<f64>>,
    pub(super) optimizer: Option<Spanned<String>>,
    pub(super) update_biases: Option<bool>,
    pub(super) steps: Option<Spanned<i64>>,
    pub(super) epochs: Option<Spanned<i64>>,
    pub(super) batch_size: Option<Spanned<i64>>,
    pub(super) momentum: Option<Spanned<f64>>,
    pub(super) dampening: Option<Spanned<f64>>,
    pub(super) nesterov: Option<Spanned<bool>>,
    pub(super) weight_decay: Option<Spanned<f64>>,
    pub(super) lr_decay: Option<Spanned<f64>>,
    pub(super) eps: Option<Spanned<f64>>,
    pub(super) alpha: Option<Spanned<f64>>,
    pub(super) centered: Option<Spanned<bool>>,
    pub(super) beta1: Option<Spanned<f64>>,
    pub(super) beta2: Option<Spanned<f64>>,
}

impl RawTrain {
    /// Where the hyperparameter `key` is set in the file, if it is.
    pub(super) fn span_of(&self, key: &str) -> Option<Range<usize>> {
        let number = |v: &Option<Spanned<f64>>| v.as_ref().map(Spanned::span);
        let flag = |v: &Option<Spanned<bool>>| v.as_ref().map(Spanned::span);
        match key {
            "lr" => number(&self.lr),
            "momentum" => number(&self.momentum),
            "dampening" => number(&self.dampening),
            "nesterov" => flag(&self.nesterov),
            "weight_decay" => number(&self.weight_decay),
            "lr_decay" => number(&self.lr_decay),
            "eps" => number(&self.eps),
            "alpha" => number(&self.alpha),
            "centered" => flag(&self.centered),
            "beta1" => number(&self.beta1),
            "beta2" => number(&self.beta2),
            _ => None,
        }
    }
}

/// Reports mistakes at their place in the spec text.
pub(super) struct Checker<'a> {
    path: &'a str,
    text: &'a str,
}

impl Checker<'_> {
    pub(super) fn error(&self, span: Range<usize>, message: Text, hint: Text) -> Error {
        Error::told_at(
            Location::of_span(self.path, self.text, &span),
            message,
            hint,
        )
    }
}

/// "did you mean sigmoid? The choices are …", or the choices alone when
/// none is close to `word`.
pub(super) fn suggestion(word: &str, known: &[&str]) -> Text {
    let choices = known.join(", ");
    match closest_name(word, known.iter().copied()) {
        Some(meant) => text!("spec-did-you-mean", meant = meant, choices = choices),
        None => text!("spec-the-choices-are", choices = choices),
    }
}

/// "for example activation = \"sigmoid\"".
pub(super) fn for_example(example: &str) -> Text {
    text!("spec-for-example", example = example)
}

/// A hint for a TOML error: the field meant, for an unknown one, among the
/// fields of the table it is in (the toml crate lists them).
fn toml_hint(message: &str) -> Text {
    const FIELDS: [&str; 17] = [
        "name",
        "description",
        "description_ko",
        "note",
        "note_ko",
        "layers",
        "activation",
        "bias",
        "loss",
        "weights",
        "biases",
        "init",
        "seed",
        "inputs",
        "targets",
        "data",
        "train",
    ];
    let Some((field, expected)) = message
        .strip_prefix("unknown field `")
        .and_then(|rest| rest.split_once('`'))
    else {
        return text!("spec-see-example");
    };
    let listed: Vec<&str> = expected
        .strip_prefix(", expected one of ") // not prose: serde's words, matched
        .map(|names| names.split(", ").map(|n| n.trim_matches('`')).collect())
        .unwrap_or_default();
    if listed.is_empty() {
        suggestion(field, &FIELDS)
    } else {
        suggestion(field, &listed)
    }
}

/// Parses and checks a spec. `path` names the file in messages and is the
/// folder a `[data] file` is read relative to (`None` for built-in specs).
pub fn parse_spec(text: &str, path: &str, folder: Option<&std::path::Path>) -> Result<Spec, Error> {
    let check = Checker { path, text };
    let raw: RawSpec = toml::from_str(text).map_err(|e| {
        let span = e.span().unwrap_or(0..0);
        let message = e.message().trim();
        check.error(span, crate::toml_text::explain(message), toml_hint(message))
    })?;
    let layers = read_layers(&check, &raw)?;
    let activations = read_activations(&check, &raw, layers.len() - 1)?;
    let bias = read_bias(&check, &raw, &layers)?;
    let loss = read_loss(&check, &raw, activations[activations.len() - 1])?;
    let parameters_at = raw
        .weights
        .as_ref()
        .map(|w| w.span())
        .or_else(|| raw.init.as_ref().map(|i| i.span()))
        .map(|span| Box::new(Location::of_span(path, text, &span)));
    let (parameters, origin) = read_parameters(&check, &raw, &layers, bias)?;
    let (inputs, targets) = read_samples(&check, &raw, folder, &layers)?;
    check_targets(&check, &raw, loss, &targets)?;
    let train = train_settings(&check, raw.train.as_ref())?;
    let name = raw.name.clone().unwrap_or_else(|| {
        std::path::Path::new(path)
            .file_stem()
            .map_or("network".to_string(), |s| s.to_string_lossy().into_owned())
    });
    Ok(Spec {
        name,
        description: raw.description,
        description_ko: raw.description_ko,
        note: raw.note,
        note_ko: raw.note_ko,
        layers,
        activations,
        bias,
        loss,
        parameters,
        origin,
        parameters_at,
        data_file: raw
            .data
            .as_ref()
            .map(|d| data_path(folder, d.get_ref().file.get_ref())),
        inputs,
        targets,
        train,
    })
}

/// The weights and biases: explicit, or drawn from an init scheme.
fn read_parameters(
    check: &Checker,
    raw: &RawSpec,
    layers: &[usize],
    bias: BiasMode,
) -> Result<(Parameters, Origin), Error> {
    match (&raw.weights, &raw.init) {
        (Some(_), Some(init)) => Err(check.error(
            init.span(),
            text!("spec-weights-and-init"),
            text!("spec-weights-and-init-hint"),
        )),
        (Some(weights), None) => Ok((
            explicit_parameters(check, layers, bias, weights, raw.biases.as_ref())?,
            Origin::Explicit,
        )),
        (None, init) => {
            if let Some(b) = &raw.biases {
                return Err(check.error(
                    b.span(),
                    text!("spec-biases-without-weights"),
                    text!("spec-biases-without-weights-hint"),
                ));
            }
            let scheme = init
                .as_ref()
                .map_or("xavier".to_string(), |s| s.get_ref().trim().to_string());
            let span = init.as_ref().map_or(0..0, |s| s.span());
            let seed = match &raw.seed {
                Some(s) if *s.get_ref() < 0 => {
                    return Err(check.error(
                        s.span(),
                        text!("spec-negative-seed"),
                        text!("spec-negative-seed-hint"),
                    ))
                }
                Some(s) => *s.get_ref() as u64,
                None => 0,
            };
            let parameters = initial_parameters(check, layers, bias, &scheme, span, seed)?;
            Ok((parameters, Origin::Init { scheme, seed }))
        }
    }
}

/// The samples: inline inputs and targets, a `[data]` file, or none.
fn read_samples(
    check: &Checker,
    raw: &RawSpec,
    folder: Option<&std::path::Path>,
    layers: &[usize],
) -> Result<(Rows, Rows), Error> {
    let depth = layers.len() - 1;
    let (inputs, targets) = match (&raw.inputs, &raw.targets, &raw.data) {
        (Some(i), Some(t), None) => (
            matrix(check, i, layers[0], Samples::Inputs)?,
            matrix(check, t, layers[depth], Samples::Targets)?,
        ),
        (None, None, Some(data)) => csv_data(check, data, folder, layers)?,
        (None, None, None) => (Vec::new(), Vec::new()),
        (Some(i), None, _) => {
            return Err(check.error(
                i.span(),
                text!("spec-inputs-without-targets"),
                text!("spec-inputs-without-targets-hint"),
            ))
        }
        (None, Some(t), _) => {
            return Err(check.error(
                t.span(),
                text!("spec-targets-without-inputs"),
                text!("spec-targets-without-inputs-hint"),
            ))
        }
        (Some(i), Some(_), Some(_)) => {
            return Err(check.error(
                i.span(),
                text!("spec-data-twice"),
                text!("spec-data-twice-hint"),
            ))
        }
    };
    if inputs.len() != targets.len() {
        let span = raw.targets.as_ref().map_or(0..0, |t| t.span());
        return Err(check.error(
            span,
            text!(
                "spec-rows-differ",
                inputs = inputs.len(),
                targets = targets.len()
            ),
            text!("spec-rows-differ-hint"),
        ));
    }
    Ok((inputs, targets))
}

/// Which samples' rows a matrix gives.
#[derive(Clone, Copy)]
enum Samples {
    Inputs,
    Targets,
}

/// Rows of numbers of a given width, each finite.
fn matrix(
    check: &Checker,
    m: &Matrix,
    width: usize,
    samples: Samples,
) -> Result<Vec<Vec<f64>>, Error> {
    let mut rows = Vec::new();
    for (r, row) in m.get_ref().iter().enumerate() {
        if row.get_ref().len() != width {
            let (sample, count) = (r + 1, row.get_ref().len());
            let (message, field) = match samples {
                Samples::Inputs => (
                    text!(
                        "spec-inputs-width",
                        sample = sample,
                        count = count,
                        width = width
                    ),
                    "inputs",
                ),
                Samples::Targets => (
                    text!(
                        "spec-targets-width",
                        sample = sample,
                        count = count,
                        width = width
                    ),
                    "targets",
                ),
            };
            return Err(check.error(
                row.span(),
                message,
                text!("spec-row-width-hint", field = field, width = width),
            ));
        }
        rows.push(finite_row(check, row.get_ref())?);
    }
    Ok(rows)
}

fn finite_row(check: &Checker, row: &[Spanned<f64>]) -> Result<Vec<f64>, Error> {
    row.iter()
        .map(|x| {
            let v = *x.get_ref();
            if v.is_finite() {
                Ok(v)
            } else {
                Err(check.error(
                    x.span(),
                    text!("spec-not-finite", value = v.to_string()),
                    text!("spec-not-finite-hint"),
                ))
            }
        })
        .collect()
}

/// "layer 2 (hidden layer 1 → output)": the layer of parameters `l`
/// (0-based) of a network with `depth` layers after the input.
pub(super) fn layer_label(l: usize, depth: usize) -> Text {
    let from = if l == 0 {
        text!("spec-layer-input")
    } else {
        text!("spec-layer-hidden", number = l)
    };
    let to = if l + 1 == depth {
        text!("spec-layer-output")
    } else {
        text!("spec-layer-hidden", number = l + 1)
    };
    text!("spec-layer", layer = l + 1, from = from, to = to)
}

fn explicit_parameters(
    check: &Checker,
    layers: &[usize],
    bias: BiasMode,
    weights: &Matrices,
    biases: Option<&Matrix>,
) -> Result<Parameters, Error> {
    let depth = layers.len() - 1;
    if weights.get_ref().len() != depth {
        return Err(check.error(
            weights.span(),
            text!(
                "spec-weight-matrices",
                count = weights.get_ref().len(),
                layers = depth
            ),
            text!("spec-weight-matrices-hint"),
        ));
    }
    let mut w = Vec::new();
    for (l, matrix) in weights.get_ref().iter().enumerate() {
        let (rows, cols) = (layers[l + 1], layers[l]);
        let got_rows = matrix.get_ref().len();
        let got_cols = matrix.get_ref().first().map_or(0, |r| r.get_ref().len());
        if got_rows != rows || matrix.get_ref().iter().any(|r| r.get_ref().len() != cols) {
            let shape = if matrix
                .get_ref()
                .iter()
                .all(|r| r.get_ref().len() == got_cols)
            {
                Text::Verbatim(format!("{got_rows}×{got_cols}"))
            } else {
                text!("spec-ragged-matrix", rows = got_rows)
            };
            return Err(check.error(
                matrix.span(),
                text!(
                    "spec-matrix-shape",
                    layer = layer_label(l, depth),
                    rows = rows,
                    columns = cols,
                    shape = shape
                ),
                text!("spec-matrix-shape-hint"),
            ));
        }
        w.push(
            matrix
                .get_ref()
                .iter()
                .map(|r| finite_row(check, r.get_ref()))
                .collect::<Result<Vec<_>, _>>()?,
        );
    }
    let b = match (bias, biases) {
        (BiasMode::None, Some(b)) => {
            return Err(check.error(
                b.span(),
                text!("spec-biases-but-none"),
                text!("spec-biases-but-none-hint"),
            ));
        }
        (BiasMode::None, None) => vec![Vec::new(); depth],
        (_, None) => {
            return Err(check.error(
                weights.span(),
                text!("spec-weights-without-biases"),
                text!("spec-weights-without-biases-hint"),
            ));
        }
        (mode, Some(b)) => {
            if b.get_ref().len() != depth {
                return Err(check.error(
                    b.span(),
                    text!("spec-bias-lists", count = b.get_ref().len(), layers = depth),
                    text!("spec-bias-lists-hint"),
                ));
            }
            let mut out = Vec::new();
            for (l, row) in b.get_ref().iter().enumerate() {
                let want = if mode == BiasMode::PerLayer {
                    1
                } else {
                    layers[l + 1]
                };
                if row.get_ref().len() != want {
                    let why = if mode == BiasMode::PerLayer {
                        text!("spec-per-layer-hint")
                    } else {
                        text!("spec-per-neuron-hint", count = want)
                    };
                    return Err(check.error(
                        row.span(),
                        text!(
                            "spec-bias-count",
                            layer = layer_label(l, depth),
                            count = want,
                            found = row.get_ref().len()
                        ),
                        why,
                    ));
                }
                out.push(finite_row(check, row.get_ref())?);
            }
            out
        }
    };
    Ok(Parameters {
        weights: w,
        biases: b,
    })
}

fn initial_parameters(
    check: &Checker,
    layers: &[usize],
    bias: BiasMode,
    scheme: &str,
    span: Range<usize>,
    seed: u64,
) -> Result<Parameters, Error> {
    initialize(layers, bias, scheme, seed)
        .map_err(|(message, hint)| check.error(span, message, hint))
}

fn check_targets(
    check: &Checker,
    raw: &RawSpec,
    loss: Loss,
    targets: &[Vec<f64>],
) -> Result<(), Error> {
    let row_span = |r: usize| {
        raw.targets
            .as_ref()
            .and_then(|t| t.get_ref().get(r).map(|row| row.span()))
            .unwrap_or_else(|| raw.data.as_ref().map_or(0..0, |d| d.span()))
    };
    for (r, row) in targets.iter().enumerate() {
        match loss {
            Loss::CrossEntropy => {
                let sum: f64 = row.iter().sum();
                if row.iter().any(|&t| t < 0.0) || (sum - 1.0).abs() > 1e-9 {
                    return Err(check.error(
                        row_span(r),
                        text!(
                            "spec-targets-not-probabilities",
                            sample = r + 1,
                            sum = sum.to_string()
                        ),
                        text!("spec-targets-not-probabilities-hint"),
                    ));
                }
            }
            Loss::Bce if row.iter().any(|&t| !(0.0..=1.0).contains(&t)) => {
                return Err(check.error(
                    row_span(r),
                    text!("spec-targets-outside-0-1", sample = r + 1),
                    text!("spec-targets-outside-0-1-hint"),
                ));
            }
            _ => {}
        }
    }
    Ok(())
}
