//! The network `train` trains, fitted to its data: built for data given
//! without a spec, or a spec's with its hidden layers replaced (`--hidden`),
//! then checked against the data's columns and kinds of targets.
//!
//! A network built for data has one hidden layer of 8 (or `--hidden`)
//! with tanh (or `--activation`): softmax with cross-entropy for several
//! classes, sigmoid with binary cross-entropy for one 0/1 target, and a
//! linear output and mse for regression; Adam with lr = 0.01, weights
//! drawn with xavier from the seed. A spec names its own activations, so
//! `--activation` with a spec is refused.
//!
//! Invariant: a network returned fits the data (as many inputs as the data
//! has features, outputs as it has targets, a loss its targets suit) and
//! has at most `limits::MAX_TRAIN_PARAMETERS` weights and biases.

use crate::data::Dataset;
use crate::i18n::Lang;
use crate::limits::{MAX_LAYER_SIZE, MAX_TRAIN_PARAMETERS};
use crate::msg;
use crate::network::{initialize, Activation, BiasMode, Loss, Origin, Spec, TrainSettings};
use crate::number::format_thousands;
use crate::optim::Hyperparameters;
use crate::{text, Error};

/// The hidden layer of a network built for data without `--hidden`.
const DEFAULT_HIDDEN: usize = 8;

/// "2-8-3" or "16,8": sizes joined.
fn joined(sizes: &[usize], separator: &str) -> String {
    sizes
        .iter()
        .map(usize::to_string)
        .collect::<Vec<_>>()
        .join(separator)
}

/// Refuses a hidden layer outside 1 to `limits::MAX_LAYER_SIZE` neurons.
pub fn check_hidden(hidden: &[usize]) -> Result<(), Error> {
    match hidden.iter().find(|&&h| h == 0 || h > MAX_LAYER_SIZE) {
        Some(h) => Err(Error::told(
            crate::text!(
                "fit-hidden-size",
                hidden = h.to_string(),
                max = format_thousands(MAX_LAYER_SIZE as u64)
            ),
            crate::text!("fit-hidden-size-hint"),
        )),
        None => Ok(()),
    }
}

/// How the network for data without a spec is built: its hidden layers'
/// sizes (empty for the default) and activation (`--activation`).
#[derive(Clone, Copy, Debug, Default)]
pub struct Built<'a> {
    pub hidden: &'a [usize],
    pub activation: Option<&'a str>,
    pub seed: u64,
}

/// The hidden layers' activation named by `--activation NAME`: any
/// activation but softmax, which belongs to the output layer.
pub fn hidden_activation(name: &str) -> Result<Activation, Error> {
    let hidden: Vec<&str> = Activation::NAMES
        .into_iter()
        .filter(|&n| n != "softmax")
        .collect();
    match Activation::parse(name.trim()) {
        Some(Activation::Softmax) => Err(Error::told(
            text!("fit-softmax-hidden"),
            text!("fit-hidden-activations", choices = hidden.join(", ")),
        )),
        Some(activation) => Ok(activation),
        None => Err(Error::told(
            text!("fit-unknown-activation", name = name),
            text!("fit-hidden-activations", choices = hidden.join(", ")),
        )),
    }
}

/// The network for `data`, from the spec (its hidden layers replaced by
/// `built.hidden` when given, the weights then drawn afresh from the seed)
/// or built for the data, checked to fit them.
pub fn network_for(
    spec: Option<Spec>,
    data: &Dataset,
    source: &str,
    built: Built,
    lang: Lang,
) -> Result<Spec, Error> {
    let (hidden, seed) = (built.hidden, built.seed);
    let spec = match spec {
        Some(spec) if built.activation.is_some() => {
            let named: Vec<&str> = spec.activations.iter().map(|a| a.name()).collect();
            return Err(Error::told(
                text!(
                    "fit-activation-with-spec",
                    name = built.activation.unwrap_or_default(),
                    spec = spec.name.as_str(),
                    activations = named.join(", ")
                ),
                text!("fit-activation-with-spec-hint"),
            ));
        }
        Some(spec) if !hidden.is_empty() => reshape(spec, hidden, seed, lang)?,
        Some(spec) => spec,
        None => {
            let activation = built
                .activation
                .map(hidden_activation)
                .transpose()?
                .unwrap_or(Activation::Tanh);
            built_for(data, hidden, activation, seed)?
        }
    };
    check_fit(&spec, data, source)?;
    Ok(spec)
}

/// A network for data that came without a spec.
fn built_for(
    data: &Dataset,
    hidden: &[usize],
    hidden_activation: Activation,
    seed: u64,
) -> Result<Spec, Error> {
    let outputs = data.target_names.len();
    let (output, loss) = match (data.is_classification(), outputs) {
        (true, 1) => (Activation::Sigmoid, Loss::Bce),
        (true, _) => (Activation::Softmax, Loss::CrossEntropy),
        (false, _) => (Activation::Identity, Loss::Mse),
    };
    let hidden = if hidden.is_empty() {
        vec![DEFAULT_HIDDEN]
    } else {
        hidden.to_vec()
    };
    let mut layers = vec![data.feature_names.len()];
    layers.extend(&hidden);
    layers.push(outputs);
    let mut activations = vec![hidden_activation; hidden.len()];
    activations.push(output);
    check_network_size(&layers, BiasMode::PerNeuron.parameter_count(&layers))?;
    let parameters = initialize(&layers, BiasMode::PerNeuron, "xavier", seed)
        .map_err(|(m, h)| Error::told(m, h))?;
    Ok(Spec {
        name: format!("{}-{}-{}", layers[0], joined(&hidden, "-"), outputs),
        description: None,
        description_ko: None,
        note: None,
        note_ko: None,
        layers,
        activations,
        bias: BiasMode::PerNeuron,
        loss,
        parameters,
        origin: Origin::Init {
            scheme: "xavier".into(),
            seed,
        },
        parameters_at: None,
        data_file: None,
        inputs: Vec::new(),
        targets: Vec::new(),
        train: TrainSettings {
            optimizer: "adam".into(),
            hyperparameters: Hyperparameters {
                lr: Some(0.01),
                ..Hyperparameters::default()
            },
            update_biases: true,
            steps: 1,
            epochs: None,
            batch_size: None,
        },
    })
}

/// Refuses a network beyond what `train` trains (docs/limits.md).
fn check_network_size(layers: &[usize], count: usize) -> Result<(), Error> {
    if count > MAX_TRAIN_PARAMETERS {
        return Err(Error::told(
            crate::text!(
                "fit-too-many-parameters",
                shape = joined(layers, "-"),
                count = format_thousands(count as u64),
                max = format_thousands(MAX_TRAIN_PARAMETERS as u64)
            ),
            crate::text!("fit-too-many-parameters-hint"),
        ));
    }
    Ok(())
}

/// The spec with its hidden layers replaced, weights drawn afresh.
fn reshape(mut spec: Spec, hidden: &[usize], seed: u64, lang: Lang) -> Result<Spec, Error> {
    let (inputs, outputs) = (spec.layers[0], spec.layers[spec.layers.len() - 1]);
    let hidden_activation = if spec.activations.len() > 1 {
        spec.activations[0]
    } else {
        Activation::Sigmoid
    };
    let output = spec.activations[spec.activations.len() - 1];
    let mut layers = vec![inputs];
    layers.extend(hidden);
    layers.push(outputs);
    check_network_size(&layers, spec.bias.parameter_count(&layers))?;
    let scheme = match &spec.origin {
        Origin::Init { scheme, .. } => scheme.clone(),
        Origin::Explicit => "xavier".into(),
    };
    spec.parameters =
        initialize(&layers, spec.bias, &scheme, seed).map_err(|(m, h)| Error::told(m, h))?;
    spec.activations = vec![hidden_activation; hidden.len()];
    spec.activations.push(output);
    spec.origin = Origin::Init { scheme, seed };
    spec.parameters_at = None;
    spec.name = msg!(
        lang,
        "train-reshaped-name",
        name = &spec.name,
        hidden = joined(hidden, ",")
    );
    spec.layers = layers;
    Ok(spec)
}

/// Checks that the data fit the network.
fn check_fit(spec: &Spec, data: &Dataset, source: &str) -> Result<(), Error> {
    let (inputs, outputs) = (spec.layers[0], spec.layers[spec.layers.len() - 1]);
    let features = data.feature_names.len();
    if features != inputs {
        let more = if features > inputs {
            crate::text!("fit-more-columns")
        } else {
            crate::text!("fit-fewer-columns")
        };
        return Err(Error::told(
            crate::text!(
                "fit-input-columns",
                source = source,
                features = features.to_string(),
                names = crate::diagnostic::name_list(&data.feature_names),
                more = more,
                inputs = inputs.to_string()
            ),
            crate::text!("fit-input-columns-hint"),
        ));
    }
    if data.target_names.len() != outputs {
        return Err(Error::told(
            crate::text!(
                "fit-targets",
                source = source,
                targets = data.target_names.len().to_string(),
                outputs = outputs.to_string()
            ),
            crate::text!("fit-targets-hint"),
        ));
    }
    if spec.loss == Loss::CrossEntropy && !data.is_classification() {
        return Err(Error::told(
            crate::text!("fit-cross-entropy", source = source),
            crate::text!("fit-cross-entropy-hint"),
        ));
    }
    Ok(())
}
