//! The file `train --save` writes and `--init-from` reads back, side by
//! side: a JSON object naming the network (layers, activations, bias mode,
//! loss) and holding its parameters, W[layer][out][in] and b[layer][…]
//! (docs/json.md).
//!
//! Invariant: what `read` accepts fits the network it is read for — the
//! shapes of the spec's layers and bias mode, every number finite — and
//! `read(write(p))` gives back `p`.

use crate::diagnostic::Location;
use crate::network::{BiasMode, Parameters, Spec};
use crate::Error;
use serde_json::{json, Value};

/// The file for `spec` with the parameters `weights` and `biases`, as JSON.
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
/// given to `--init-from`), checked to fit `spec`.
pub fn read(shown: &str, text: &str, spec: &Spec) -> Result<Parameters, Error> {
    let bad = |message: String| {
        Error::usage(
            format!("--init-from {shown}: {message}"),
            "the file should be one written by train --save: {\"W\": W[layer][out][in], \"b\": b[layer][…]}",
        )
    };
    let value: Value = serde_json::from_str(text).map_err(|e| not_json(shown, text, &e))?;
    let weights: Vec<Vec<Vec<f64>>> = serde_json::from_value(value["W"].clone())
        .map_err(|e| bad(format!("W must be W[layer][out][in] numbers: {e}")))?;
    let biases: Vec<Vec<f64>> = serde_json::from_value(value["b"].clone())
        .map_err(|e| bad(format!("b must be b[layer][…] numbers: {e}")))?;
    if !fits(spec, &weights, &biases) {
        return Err(misfit(shown, spec, &weights, &biases));
    }
    let all = weights
        .iter()
        .flatten()
        .flatten()
        .chain(biases.iter().flatten());
    if all.into_iter().any(|v| !v.is_finite()) {
        return Err(bad("the parameters must be finite numbers".into()));
    }
    Ok(Parameters { weights, biases })
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
    Error::Located {
        location: Box::new(Location::of_span(shown, text, &(at..at + 1))),
        message: format!("not valid JSON: {e}"),
        hint: Some("the file should be one written by train --save".into()),
    }
}

/// Whether the shapes are those of `spec`'s layers and bias mode.
fn fits(spec: &Spec, weights: &[Vec<Vec<f64>>], biases: &[Vec<f64>]) -> bool {
    let expected_biases = |l: usize| match spec.bias {
        BiasMode::PerNeuron => spec.layers[l + 1],
        BiasMode::PerLayer => 1,
        BiasMode::None => 0,
    };
    let depth = spec.layers.len() - 1;
    weights.len() == depth
        && biases.len() == depth
        && (0..depth).all(|l| {
            weights[l].len() == spec.layers[l + 1]
                && weights[l].iter().all(|r| r.len() == spec.layers[l])
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
        format!(
            "the file holds parameters for a {} network",
            shape.join("-")
        )
    } else {
        "the file holds no weights".to_string()
    };
    Error::usage(
        format!(
            "--init-from {shown}: these parameters do not fit the network {} ({held}, with {} bias values)",
            spec.shape(),
            biases.iter().map(Vec::len).sum::<usize>()
        ),
        "give --init-from a file saved from the same network (the same spec, --hidden and bias)",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_saved_file_reads_back_and_a_foreign_one_is_refused() {
        let spec = crate::network::load_spec("mazur").unwrap();
        let p = &spec.parameters;
        let text = write(&spec, &p.weights, &p.biases).to_string();
        assert_eq!(read("m.json", &text, &spec).unwrap(), *p);
        let xor = crate::network::load_spec("xor").unwrap();
        let refused = read("m.json", &text, &xor).unwrap_err().to_string();
        assert!(refused.contains("do not fit the network"), "{refused}");
        let broken = read("m.json", "{\"W\": [", &spec).unwrap_err().to_string();
        assert!(broken.contains("not valid JSON"), "{broken}");
    }
}
