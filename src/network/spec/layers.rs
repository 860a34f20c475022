//! The shape of a network as a spec gives it: layer sizes, one activation
//! per layer, the bias mode and the loss, each checked against the others
//! (softmax only on the output, cross-entropy only after softmax, bce only
//! after sigmoid) and against the limits.
//!
//! Invariant: what these return describes a network stepgrad can build
//! and train within the limits of `limits.rs`.

use super::validate::{for_example, suggestion, Checker, RawSpec};
use super::{Activation, BiasMode, Loss};
use crate::{text, Error};

/// The layer sizes, input first: at least two, each within the limit.
pub(super) fn read_layers(check: &Checker, raw: &RawSpec) -> Result<Vec<usize>, Error> {
    let layers_span = raw.layers.span();
    if raw.layers.get_ref().len() < 2 {
        return Err(check.error(
            layers_span,
            text!("spec-too-few-layers"),
            text!("spec-too-few-layers-hint"),
        ));
    }
    let mut layers = Vec::new();
    for size in raw.layers.get_ref() {
        let n = *size.get_ref();
        if !(1..=crate::limits::MAX_LAYER_SIZE as i64).contains(&n) {
            return Err(check.error(
                size.span(),
                text!("spec-layer-size", count = n.to_string()),
                text!("spec-layer-size-hint", max = crate::limits::MAX_LAYER_SIZE),
            ));
        }
        layers.push(n as usize);
    }
    Ok(layers)
}

/// One activation per layer after the input (sigmoid when not given).
pub(super) fn read_activations(
    check: &Checker,
    raw: &RawSpec,
    depth: usize,
) -> Result<Vec<Activation>, Error> {
    let Some(spanned) = &raw.activation else {
        return Ok(vec![Activation::Sigmoid; depth]);
    };
    let span = spanned.span();
    let names: Vec<String> = match spanned.get_ref() {
        toml::Value::String(s) => vec![s.clone(); depth],
        toml::Value::Array(items) => {
            let mut names = Vec::new();
            for item in items {
                match item.as_str() {
                    Some(s) => names.push(s.to_string()),
                    None => {
                        return Err(check.error(
                            span,
                            text!("spec-activation-not-string"),
                            for_example("activation = [\"tanh\", \"sigmoid\"]"),
                        ));
                    }
                }
            }
            if names.len() != depth {
                return Err(check.error(
                    span,
                    text!("spec-activation-count", count = names.len(), layers = depth),
                    text!("spec-activation-count-hint", layers = depth),
                ));
            }
            names
        }
        _ => {
            return Err(check.error(
                span,
                text!("spec-activation-kind"),
                for_example("activation = \"sigmoid\""),
            ))
        }
    };
    let mut activations = Vec::new();
    for (layer, name) in names.iter().enumerate() {
        let Some(a) = Activation::parse(name) else {
            return Err(check.error(
                span,
                text!("spec-unknown-activation", name = name),
                suggestion(name, &Activation::NAMES),
            ));
        };
        if a == Activation::Softmax && layer + 1 < depth {
            return Err(check.error(
                span,
                text!("spec-hidden-softmax", layer = layer + 1, layers = depth),
                text!("spec-hidden-softmax-hint"),
            ));
        }
        activations.push(a);
    }
    Ok(activations)
}

/// The bias mode (per neuron when not given), with the network's size
/// checked against the limit on trained parameters.
pub(super) fn read_bias(
    check: &Checker,
    raw: &RawSpec,
    layers: &[usize],
) -> Result<BiasMode, Error> {
    let bias = match &raw.bias {
        None => BiasMode::PerNeuron,
        Some(s) => match s.get_ref().as_str() {
            "per_neuron" => BiasMode::PerNeuron,
            "per_layer" => BiasMode::PerLayer,
            "none" => BiasMode::None,
            other => {
                return Err(check.error(
                    s.span(),
                    text!("spec-unknown-bias", name = other),
                    suggestion(other, &["per_neuron", "per_layer", "none"]),
                ))
            }
        },
    };
    let count = bias.parameter_count(layers);
    if count > crate::limits::MAX_TRAIN_PARAMETERS {
        return Err(check.error(
            raw.layers.span(),
            text!(
                "spec-too-many-parameters",
                count = count,
                max = crate::limits::MAX_TRAIN_PARAMETERS
            ),
            text!("spec-too-many-parameters-hint"),
        ));
    }
    Ok(bias)
}

/// The loss (½·SSE when not given), which must suit the `output` layer.
pub(super) fn read_loss(check: &Checker, raw: &RawSpec, output: Activation) -> Result<Loss, Error> {
    let loss = match &raw.loss {
        None => Loss::HalfSse,
        Some(s) => Loss::parse(s.get_ref()).ok_or_else(|| {
            check.error(
                s.span(),
                text!("spec-unknown-loss", name = s.get_ref()),
                suggestion(s.get_ref(), &Loss::NAMES),
            )
        })?,
    };
    let loss_span = raw.loss.as_ref().map_or(0..0, |s| s.span());
    if loss == Loss::CrossEntropy && output != Activation::Softmax {
        return Err(check.error(
            loss_span,
            text!("spec-cross-entropy-output", activation = output.name()),
            text!("spec-cross-entropy-output-hint"),
        ));
    }
    if loss == Loss::Bce && output != Activation::Sigmoid {
        return Err(check.error(
            loss_span,
            text!("spec-bce-output", activation = output.name()),
            text!("spec-bce-output-hint"),
        ));
    }
    Ok(loss)
}
