//! The file `train --save` writes, `--init-from` reads back and `predict`
//! applies: a JSON object (docs/json.md) naming the network (layers,
//! activations, bias mode, loss), the columns it reads and writes (feature
//! and target names, the label column and its classes), the
//! standardisation it was trained with (mean and standard deviation per
//! feature, and per target when targets were scaled), and its parameters,
//! W[layer][out][in] and b[layer][…], under a `version` field.
//!
//! `read` gives `--init-from` the parameters for a spec: from a model file
//! its network must be the spec's and its features the data's; a file of
//! parameters only (as stepgrad wrote before the model file had a version)
//! is read by its shapes alone. `read_model` gives `predict` the whole
//! model, every field checked against the others.
//!
//! Invariant: what `read` accepts fits the network it is read for — the
//! shapes of the spec's layers and bias mode, every number finite — and
//! what `read_model` accepts is a consistent network: W and b of its
//! layers' shapes, as many feature names (and scalings) as inputs, as many
//! target names (and classes) as outputs, every number finite;
//! `read_model(write_model(m)) == m`.

use crate::diagnostic::{name_list_text, Location};
use crate::i18n::Text;
use crate::network::{Activation, BiasMode, Loss, Parameters, Spec};
use crate::{text, Error};
use serde_json::{json, Value};

/// The version of the model file this stepgrad writes and reads.
pub const VERSION: u64 = 1;

/// A column's standardisation: x ↦ (x − mean)/sd (only centred when sd is
/// 0, as `Dataset::standardize` does).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scaling {
    pub mean: f64,
    pub sd: f64,
}

impl Scaling {
    pub fn apply(self, x: f64) -> f64 {
        if self.sd > 0.0 {
            (x - self.mean) / self.sd
        } else {
            x - self.mean
        }
    }

    /// The value in the column's own units of a standardised `z`.
    pub fn undo(self, z: f64) -> f64 {
        if self.sd > 0.0 {
            z * self.sd + self.mean
        } else {
            z + self.mean
        }
    }

    pub fn of(statistics: &[(f64, f64)]) -> Vec<Scaling> {
        statistics
            .iter()
            .map(|&(mean, sd)| Scaling { mean, sd })
            .collect()
    }
}

/// Everything needed to apply a trained network to new data.
#[derive(Clone, Debug, PartialEq)]
pub struct ModelFile {
    pub layers: Vec<usize>,
    pub activations: Vec<Activation>,
    pub bias: BiasMode,
    pub loss: Loss,
    pub parameters: Parameters,
    pub features: Vec<String>,
    pub targets: Vec<String>,
    /// The column the classes were read from (`--label`), when there was one.
    pub label: Option<String>,
    /// The class of each output, in the outputs' order (for one output,
    /// the classes below and above 0.5).
    pub classes: Option<Vec<String>>,
    pub feature_scaling: Option<Vec<Scaling>>,
    pub target_scaling: Option<Vec<Scaling>>,
}

/// Every activation stepgrad knows, in `Activation::NAMES`'s order.
pub(super) const ACTIVATIONS: [Activation; 10] = [
    Activation::Sigmoid,
    Activation::Tanh,
    Activation::Relu,
    Activation::Identity,
    Activation::Softmax,
    Activation::Softplus,
    Activation::Silu,
    Activation::LeakyRelu,
    Activation::Elu,
    Activation::Gelu,
];
const BIAS_MODES: [BiasMode; 3] = [BiasMode::PerNeuron, BiasMode::PerLayer, BiasMode::None];
const LOSSES: [Loss; 4] = [Loss::HalfSse, Loss::Mse, Loss::Bce, Loss::CrossEntropy];

fn scaling_json(scaling: &Option<Vec<Scaling>>) -> Value {
    match scaling {
        None => Value::Null,
        Some(s) => s
            .iter()
            .map(|s| json!({"mean": s.mean, "sd": s.sd}))
            .collect(),
    }
}

/// The model file as JSON.
pub fn write_model(m: &ModelFile) -> Value {
    let activations: Vec<&str> = m.activations.iter().map(|a| a.name()).collect();
    let standardization = match (&m.feature_scaling, &m.target_scaling) {
        (None, None) => Value::Null,
        (f, t) => json!({"features": scaling_json(f), "targets": scaling_json(t)}),
    };
    json!({
        "stepgrad": "model",
        "version": VERSION,
        "network": {
            "layers": m.layers,
            "activations": activations,
            "bias": m.bias.name(),
            "loss": m.loss.name(),
        },
        "features": m.features,
        "targets": m.targets,
        "label": m.label,
        "classes": m.classes,
        "standardization": standardization,
        "W": m.parameters.weights,
        "b": m.parameters.biases,
    })
}

/// The file for `spec` with the parameters `weights` and `biases`, as JSON
/// (parameters only: the form `--init-from` also reads).
pub fn write(spec: &Spec, weights: &[Vec<Vec<f64>>], biases: &[Vec<f64>]) -> Value {
    let activations: Vec<&str> = spec.activations.iter().map(|a| a.name()).collect();
    json!({
        "stepgrad": "parameters",
        "network": {
            "layers": spec.layers,
            "activations": activations,
            "bias": spec.bias.name(),
            "loss": spec.loss.name(),
        },
        "W": weights,
        "b": biases,
    })
}

/// The parameters of the file `text` (named `shown` in messages, as it was
/// given to `--init-from`), checked to fit `spec` — and, for a model file,
/// to be of the spec's network and to read the data's `features`.
pub fn read(
    shown: &str,
    text: &str,
    spec: &Spec,
    features: &[String],
) -> Result<Parameters, Error> {
    let value: Value = serde_json::from_str(text).map_err(|e| not_json(shown, text, &e))?;
    if value["stepgrad"] == "model" {
        let model = model_of(shown, text, &value)?;
        check_same_network(shown, text, &model, spec, features)?;
        return Ok(model.parameters);
    }
    parameters_only(shown, &value, spec)
}

/// A file of parameters only: `W` and `b` of the spec's shapes.
fn parameters_only(shown: &str, value: &Value, spec: &Spec) -> Result<Parameters, Error> {
    let bad = |problem: Text| {
        Error::told(
            text!("model-init-from-bad", path = shown, problem = problem),
            text!("model-init-from-bad-hint"),
        )
    };
    let weights: Vec<Vec<Vec<f64>>> = serde_json::from_value(value["W"].clone())
        .map_err(|e| bad(text!("model-init-from-bad-w", detail = e.to_string())))?;
    let biases: Vec<Vec<f64>> = serde_json::from_value(value["b"].clone())
        .map_err(|e| bad(text!("model-init-from-bad-b", detail = e.to_string())))?;
    if !fits(&spec.layers, spec.bias, &weights, &biases) {
        return Err(misfit(shown, spec, &weights, &biases));
    }
    if !all_finite(&weights, &biases) {
        return Err(bad(text!("model-init-from-not-finite")));
    }
    Ok(Parameters { weights, biases })
}

fn all_finite(weights: &[Vec<Vec<f64>>], biases: &[Vec<f64>]) -> bool {
    let all = weights
        .iter()
        .flatten()
        .flatten()
        .chain(biases.iter().flatten());
    all.into_iter().all(|v| v.is_finite())
}

/// The model of the file `text` (named `shown`), for `predict`.
pub fn read_model(shown: &str, text: &str) -> Result<ModelFile, Error> {
    let value: Value = serde_json::from_str(text).map_err(|e| not_json(shown, text, &e))?;
    match value["stepgrad"].as_str() {
        Some("model") => model_of(shown, text, &value),
        Some("parameters") => Err(Error::told_at(
            key_location(shown, text, "stepgrad"),
            text!("model-parameters-only"),
            text!("model-parameters-only-hint"),
        )),
        _ => Err(Error::told_at(
            Location::of_span(shown, text, &(0..1)),
            text!("model-not-a-model"),
            text!("model-file-hint"),
        )),
    }
}

/// Where `"key"` first appears in `text` (the start of the file when it
/// does not).
fn key_location(shown: &str, text: &str, key: &str) -> Location {
    let quoted = format!("\"{key}\"");
    let span = match text.find(&quoted) {
        Some(at) => at..at + quoted.len(),
        None => 0..1,
    };
    Location::of_span(shown, text, &span)
}

/// A model file's mistake at its field `key`.
fn at_key(shown: &str, text: &str, key: &str, message: Text) -> Error {
    Error::told_at(
        key_location(shown, text, key),
        message,
        text!("model-file-hint"),
    )
}

/// The field `key` as `T`, or the error that it is missing or of another
/// form (`form`, as docs/json.md writes it).
fn field<T: serde::de::DeserializeOwned>(
    shown: &str,
    text: &str,
    value: &Value,
    key: &str,
    form: &str,
) -> Result<T, Error> {
    serde_json::from_value(value[key].clone()).map_err(|_| {
        at_key(
            shown,
            text,
            key,
            text!("model-field-malformed", field = key, form = form),
        )
    })
}

/// A name of `names` (as the file writes `key`), or the error naming them.
fn named<T: Copy>(
    shown: &str,
    text: &str,
    key: &str,
    given: &str,
    names: &[T],
    name: fn(T) -> &'static str,
) -> Result<T, Error> {
    names
        .iter()
        .copied()
        .find(|&v| name(v) == given)
        .ok_or_else(|| {
            let all: Vec<&str> = names.iter().map(|&v| name(v)).collect();
            at_key(
                shown,
                text,
                key,
                text!(
                    "model-unknown-name",
                    value = given,
                    field = key,
                    names = all.join(", ")
                ),
            )
        })
}

#[derive(serde::Deserialize)]
struct NetworkField {
    layers: Vec<usize>,
    activations: Vec<String>,
    bias: String,
    loss: String,
}

#[derive(serde::Deserialize)]
struct ScalingField {
    mean: f64,
    sd: f64,
}

#[derive(serde::Deserialize)]
struct StandardizationField {
    features: Option<Vec<ScalingField>>,
    targets: Option<Vec<ScalingField>>,
}

/// The model of a file whose `"stepgrad"` is `"model"`, checked whole.
fn model_of(shown: &str, text: &str, value: &Value) -> Result<ModelFile, Error> {
    let version: u64 = field(shown, text, value, "version", "1")?;
    if version != VERSION {
        return Err(at_key(
            shown,
            text,
            "version",
            text!("model-version", version = version, supported = VERSION),
        ));
    }
    let network: NetworkField = field(
        shown,
        text,
        value,
        "network",
        "{\"layers\": [...], \"activations\": [...], \"bias\": ..., \"loss\": ...}",
    )?;
    let activations = network
        .activations
        .iter()
        .map(|a| {
            named(
                shown,
                text,
                "activations",
                a,
                &ACTIVATIONS,
                Activation::name,
            )
        })
        .collect::<Result<Vec<_>, _>>()?;
    let bias = named(
        shown,
        text,
        "bias",
        &network.bias,
        &BIAS_MODES,
        BiasMode::name,
    )?;
    let loss = named(shown, text, "loss", &network.loss, &LOSSES, Loss::name)?;
    let standardization: Option<StandardizationField> = field(
        shown,
        text,
        value,
        "standardization",
        "null or {\"features\": [{\"mean\", \"sd\"}, ...], \"targets\": ...}",
    )?;
    let scalings = |s: Option<Vec<ScalingField>>| {
        s.map(|v| {
            v.iter()
                .map(|s| Scaling {
                    mean: s.mean,
                    sd: s.sd,
                })
                .collect::<Vec<_>>()
        })
    };
    let (feature_scaling, target_scaling) = match standardization {
        Some(s) => (scalings(s.features), scalings(s.targets)),
        None => (None, None),
    };
    let model = ModelFile {
        layers: network.layers,
        activations,
        bias,
        loss,
        parameters: Parameters {
            weights: field(shown, text, value, "W", "W[layer][out][in] numbers")?,
            biases: field(shown, text, value, "b", "b[layer][...] numbers")?,
        },
        features: field(shown, text, value, "features", "[\"column\", ...]")?,
        targets: field(shown, text, value, "targets", "[\"column\", ...]")?,
        label: field(shown, text, value, "label", "null or \"column\"")?,
        classes: field(shown, text, value, "classes", "null or [\"class\", ...]")?,
        feature_scaling,
        target_scaling,
    };
    check_consistent(shown, text, &model)?;
    Ok(model)
}

/// The fields agree with each other: the network's shapes, the columns and
/// the scalings; every number finite.
fn check_consistent(shown: &str, text: &str, m: &ModelFile) -> Result<(), Error> {
    let layers = m.layers.iter().map(usize::to_string).collect::<Vec<_>>();
    let shape = layers.join("-");
    let fail = |key: &str, message: Text| Err(at_key(shown, text, key, message));
    if m.layers.len() < 2 || m.layers.contains(&0) || m.activations.len() != m.layers.len() - 1 {
        return fail(
            "network",
            text!(
                "model-bad-network",
                layers = shape.clone(),
                activations = m.activations.len()
            ),
        );
    }
    let p = &m.parameters;
    if !fits(&m.layers, m.bias, &p.weights, &p.biases) {
        return fail(
            "W",
            text!("model-bad-shapes", layers = shape, bias = m.bias.name()),
        );
    }
    let (inputs, outputs) = (m.layers[0], m.layers[m.layers.len() - 1]);
    // One output stands for two classes: its side of 0.5.
    let classes = if outputs == 1 { 2 } else { outputs };
    let counts = [
        ("features", m.features.len(), inputs),
        ("targets", m.targets.len(), outputs),
        (
            "classes",
            m.classes.as_ref().map_or(classes, Vec::len),
            classes,
        ),
        (
            "standardization",
            m.feature_scaling.as_ref().map_or(inputs, Vec::len),
            inputs,
        ),
        (
            "standardization",
            m.target_scaling.as_ref().map_or(outputs, Vec::len),
            outputs,
        ),
    ];
    for (key, found, expected) in counts {
        if found != expected {
            return fail(
                key,
                text!(
                    "model-bad-count",
                    field = key,
                    found = found,
                    expected = expected
                ),
            );
        }
    }
    let scalings = m.feature_scaling.iter().chain(&m.target_scaling).flatten();
    let scalings_finite = scalings
        .into_iter()
        .all(|s| s.mean.is_finite() && s.sd.is_finite() && s.sd >= 0.0);
    if !all_finite(&p.weights, &p.biases) || !scalings_finite {
        return fail("W", text!("model-not-finite"));
    }
    Ok(())
}

/// A model file for `--init-from` must be of the network trained and read
/// the data's columns.
fn check_same_network(
    shown: &str,
    text: &str,
    m: &ModelFile,
    spec: &Spec,
    features: &[String],
) -> Result<(), Error> {
    let same = m.layers == spec.layers
        && m.activations == spec.activations
        && m.bias == spec.bias
        && m.loss == spec.loss;
    if !same {
        let describe =
            |layers: &[usize], activations: &[Activation], bias: BiasMode, loss: Loss| {
                let shape: Vec<String> = layers.iter().map(usize::to_string).collect();
                let activations: Vec<&str> = activations.iter().map(|a| a.name()).collect();
                format!(
                    "{} ({}; {}; {})",
                    shape.join("-"),
                    activations.join(", "),
                    bias.name(),
                    loss.name()
                )
            };
        return Err(Error::told_at(
            key_location(shown, text, "network"),
            text!(
                "model-other-network",
                path = shown,
                found = describe(&m.layers, &m.activations, m.bias, m.loss),
                expected = describe(&spec.layers, &spec.activations, spec.bias, spec.loss)
            ),
            text!("model-other-network-hint"),
        ));
    }
    if m.features != features {
        return Err(Error::told_at(
            key_location(shown, text, "features"),
            text!(
                "model-other-features",
                path = shown,
                found = name_list_text(&m.features),
                expected = name_list_text(features)
            ),
            text!("model-other-features-hint"),
        ));
    }
    Ok(())
}

/// Not JSON: the error at the byte serde_json names (its lines and columns
/// count from 1).
fn not_json(shown: &str, text: &str, e: &serde_json::Error) -> Error {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(e.line().saturating_sub(1))
        .map(str::len)
        .sum();
    let at = (line_start + e.column().saturating_sub(1)).min(text.len());
    Error::told_at(
        Location::of_span(shown, text, &(at..at + 1)),
        text!("model-not-json", detail = e.to_string()),
        text!("model-not-json-hint"),
    )
}

/// Whether the shapes are those of `layers` and `bias`.
fn fits(layers: &[usize], bias: BiasMode, weights: &[Vec<Vec<f64>>], biases: &[Vec<f64>]) -> bool {
    let expected_biases = |l: usize| match bias {
        BiasMode::PerNeuron => layers[l + 1],
        BiasMode::PerLayer => 1,
        BiasMode::None => 0,
    };
    let depth = layers.len().saturating_sub(1);
    weights.len() == depth
        && biases.len() == depth
        && (0..depth).all(|l| {
            weights[l].len() == layers[l + 1]
                && weights[l].iter().all(|r| r.len() == layers[l])
                && biases[l].len() == expected_biases(l)
        })
}

/// The error for parameters of another network: the shape the file's
/// weights describe, if they describe one.
fn misfit(shown: &str, spec: &Spec, weights: &[Vec<Vec<f64>>], biases: &[Vec<f64>]) -> Error {
    let mut shape: Vec<String> = weights
        .first()
        .and_then(|w| w.first())
        .map(|row| vec![row.len().to_string()])
        .unwrap_or_default();
    shape.extend(weights.iter().map(|w| w.len().to_string()));
    let held = if shape.len() >= 2 {
        text!("model-init-from-holds", shape = shape.join("-"))
    } else {
        text!("model-init-from-holds-nothing")
    };
    Error::told(
        text!(
            "model-init-from-misfit",
            path = shown,
            shape = spec.shape(),
            held = held,
            biases = biases.iter().map(Vec::len).sum::<usize>()
        ),
        text!("model-init-from-misfit-hint"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mazur_model() -> ModelFile {
        let spec = crate::network::load_spec("mazur").unwrap();
        ModelFile {
            layers: spec.layers.clone(),
            activations: spec.activations.clone(),
            bias: spec.bias,
            loss: spec.loss,
            parameters: spec.parameters.clone(),
            features: vec!["i1".into(), "i2".into()],
            targets: vec!["t1".into(), "t2".into()],
            label: None,
            classes: None,
            feature_scaling: Some(vec![
                Scaling { mean: 1.0, sd: 2.0 },
                Scaling { mean: 0.0, sd: 0.0 },
            ]),
            target_scaling: None,
        }
    }

    #[test]
    fn a_saved_file_reads_back_and_a_foreign_one_is_refused() {
        let spec = crate::network::load_spec("mazur").unwrap();
        let p = &spec.parameters;
        let text = write(&spec, &p.weights, &p.biases).to_string();
        assert_eq!(read("m.json", &text, &spec, &[]).unwrap(), *p);
        let xor = crate::network::load_spec("xor").unwrap();
        let refused = read("m.json", &text, &xor, &[]).unwrap_err().to_string();
        assert!(refused.contains("do not fit the network"), "{refused}");
        let broken = read("m.json", "{\"W\": [", &spec, &[])
            .unwrap_err()
            .to_string();
        assert!(broken.contains("not valid JSON"), "{broken}");
    }

    #[test]
    fn a_model_reads_back_whole_and_refuses_another_network() {
        let model = mazur_model();
        let text = crate::report::json::document(&write_model(&model));
        assert_eq!(read_model("m.json", &text).unwrap(), model);
        let spec = crate::network::load_spec("mazur").unwrap();
        let features = model.features.clone();
        assert_eq!(
            read("m.json", &text, &spec, &features).unwrap(),
            model.parameters
        );
        let other = read("m.json", &text, &spec, &["a".into(), "b".into()])
            .unwrap_err()
            .to_string();
        assert!(other.contains("reads the columns i1, i2"), "{other}");
        let xor = crate::network::load_spec("xor").unwrap();
        let other = read("m.json", &text, &xor, &features)
            .unwrap_err()
            .to_string();
        assert!(other.contains("m.json:"), "{other}");
        assert!(other.contains("2-2-2 (sigmoid, sigmoid"), "{other}");
    }

    #[test]
    fn an_inconsistent_model_is_refused_at_its_field() {
        let good = write_model(&mazur_model());
        let cases: Vec<(&str, Value, &str)> = vec![
            ("version", json!(2), "version 2 of the model file"),
            ("features", json!(["a"]), "\"features\" holds 1"),
            ("W", json!([[[1.0]]]), "do not have the shapes"),
            ("network", json!({"layers": [2, 2]}), "\"network\""),
            ("classes", json!(["a", "b", "c"]), "\"classes\" holds 3"),
        ];
        for (key, replacement, message) in cases {
            let mut broken = good.clone();
            broken[key] = replacement;
            let text = crate::report::json::document(&broken);
            let error = read_model("m.json", &text).unwrap_err().to_string();
            assert!(error.contains(message), "{key}: {error}");
            assert!(error.contains("m.json:"), "{key}: {error}");
        }
        let mut old = good.clone();
        old["stepgrad"] = json!("parameters");
        let error = read_model("m.json", &old.to_string())
            .unwrap_err()
            .to_string();
        assert!(error.contains("only parameters"), "{error}");
    }
}
