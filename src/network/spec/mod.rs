//! Network specs: a TOML file describing layers, activations, biases, loss,
//! parameters, data and training settings, checked in full.
//!
//! `mod.rs` holds the model — what a validated spec is; `validate.rs` reads the
//! file and checks every field at its line and column (a 2×3 matrix where
//! layer 2 needs 2×2, an unknown activation, softmax on a hidden layer,
//! targets of the wrong width, …); `layers.rs` the shape of the network
//! (sizes, activations, bias mode, loss); `init.rs` the seeded
//! initialisation schemes; `data_file.rs` a `[data]` CSV; `train.rs` the
//! `[train]` settings.
//!
//! Invariant: a `Spec` that parsed is consistent — parameter shapes match
//! the layers, every sample has the right widths, all numbers are finite.

mod data_file;
mod init;
mod layers;
mod train;
mod validate;

use crate::diagnostic::Location;
use crate::optim::Hyperparameters;

pub use self::init::initialize;
pub use self::validate::parse_spec;

/// The activation of a layer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Activation {
    Sigmoid,
    Tanh,
    Relu,
    Identity,
    Softmax,
    Softplus,
    Silu,
    LeakyRelu,
    Elu,
    Gelu,
}

impl Activation {
    pub const NAMES: [&'static str; 10] = [
        "sigmoid",
        "tanh",
        "relu",
        "identity",
        "softmax",
        "softplus",
        "silu",
        "leaky_relu",
        "elu",
        "gelu",
    ];

    pub fn name(self) -> &'static str {
        match self {
            Activation::Sigmoid => "sigmoid",
            Activation::Tanh => "tanh",
            Activation::Relu => "relu",
            Activation::Identity => "identity",
            Activation::Softmax => "softmax",
            Activation::Softplus => "softplus",
            Activation::Silu => "silu",
            Activation::LeakyRelu => "leaky_relu",
            Activation::Elu => "elu",
            Activation::Gelu => "gelu",
        }
    }

    /// The element-wise function applied to each net (`None` for identity,
    /// which applies nothing, and softmax, which reads the whole layer).
    pub fn function(self) -> Option<crate::expr::Func> {
        use crate::expr::Func;
        match self {
            Activation::Sigmoid => Some(Func::Sigmoid),
            Activation::Tanh => Some(Func::Tanh),
            Activation::Relu => Some(Func::Relu),
            Activation::Softplus => Some(Func::Softplus),
            Activation::Silu => Some(Func::Silu),
            Activation::LeakyRelu => Some(Func::LeakyRelu),
            Activation::Elu => Some(Func::Elu),
            Activation::Gelu => Some(Func::Gelu),
            Activation::Identity | Activation::Softmax => None,
        }
    }

    /// The activation named `name` (also `linear` for identity, `swish`
    /// for silu).
    pub fn parse(name: &str) -> Option<Activation> {
        Some(match name {
            "sigmoid" => Activation::Sigmoid,
            "tanh" => Activation::Tanh,
            "relu" => Activation::Relu,
            "identity" | "linear" => Activation::Identity,
            "softmax" => Activation::Softmax,
            "softplus" => Activation::Softplus,
            "silu" | "swish" => Activation::Silu,
            "leaky_relu" => Activation::LeakyRelu,
            "elu" => Activation::Elu,
            "gelu" => Activation::Gelu,
            _ => return None,
        })
    }
}

/// How biases are shared.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BiasMode {
    /// One bias per neuron.
    PerNeuron,
    /// One bias shared by all neurons of a layer, as in Mazur's example.
    PerLayer,
    /// No biases.
    None,
}

impl BiasMode {
    pub fn name(self) -> &'static str {
        match self {
            BiasMode::PerNeuron => "per_neuron",
            BiasMode::PerLayer => "per_layer",
            BiasMode::None => "none",
        }
    }
}

/// The loss function.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Loss {
    /// ½·Σ over samples and outputs of (t − o)².
    HalfSse,
    /// Mean over all outputs and samples of (t − o)², as PyTorch's MSELoss.
    Mse,
    /// Binary cross-entropy, mean over all outputs and samples.
    Bce,
    /// Mean over samples of −Σ t·ln softmax.
    CrossEntropy,
}

impl Loss {
    pub const NAMES: [&'static str; 4] = ["half_sse", "mse", "bce", "cross_entropy"];

    pub fn name(self) -> &'static str {
        match self {
            Loss::HalfSse => "half_sse",
            Loss::Mse => "mse",
            Loss::Bce => "bce",
            Loss::CrossEntropy => "cross_entropy",
        }
    }

    /// Whether the batch loss is the mean (rather than the sum) of the
    /// per-sample losses.
    pub fn averages_samples(self) -> bool {
        self != Loss::HalfSse
    }

    /// Whether the loss is one of classes (cross-entropy, binary
    /// cross-entropy), whose runs report the accuracy too.
    pub fn is_classification(self) -> bool {
        matches!(self, Loss::CrossEntropy | Loss::Bce)
    }

    fn parse(name: &str) -> Option<Loss> {
        Some(match name {
            "half_sse" => Loss::HalfSse,
            "mse" => Loss::Mse,
            "bce" => Loss::Bce,
            "cross_entropy" => Loss::CrossEntropy,
            _ => return None,
        })
    }
}

/// Weights W[layer][out][in] and biases b[layer][out] (one entry per layer
/// for shared biases, none without biases); `layer` 0 maps the inputs to
/// the first hidden layer.
#[derive(Clone, Debug, PartialEq)]
pub struct Parameters {
    pub weights: Vec<Vec<Vec<f64>>>,
    pub biases: Vec<Vec<f64>>,
}

/// Where the initial parameters came from.
#[derive(Clone, Debug, PartialEq)]
pub enum Origin {
    Explicit,
    Init { scheme: String, seed: u64 },
}

/// Training settings of `[train]`.
#[derive(Clone, Debug, PartialEq)]
pub struct TrainSettings {
    /// The optimizer's name (`sgd`, `adam`, …) and the hyperparameters the
    /// spec sets; the others keep the optimizer's defaults.
    pub optimizer: String,
    pub hyperparameters: Hyperparameters,
    pub update_biases: bool,
    /// Updates `net` runs.
    pub steps: usize,
    /// Epochs and batch size for `train`, when the spec sets them.
    pub epochs: Option<usize>,
    pub batch_size: Option<usize>,
}

/// A validated network spec.
#[derive(Clone, Debug, PartialEq)]
pub struct Spec {
    pub name: String,
    pub description: Option<String>,
    /// The description in Korean, for `--lang ko` (`description_ko`).
    pub description_ko: Option<String>,
    /// Text printed after a run (for example, how a published figure
    /// differs and why).
    pub note: Option<String>,
    /// The note in Korean, for `--lang ko` (`note_ko`).
    pub note_ko: Option<String>,
    /// Layer sizes, input first.
    pub layers: Vec<usize>,
    /// One activation per layer after the input.
    pub activations: Vec<Activation>,
    pub bias: BiasMode,
    pub loss: Loss,
    pub parameters: Parameters,
    pub origin: Origin,
    /// Where the spec gives the parameters (its weights or init), for
    /// messages about them; `None` when they come from elsewhere.
    pub parameters_at: Option<Box<Location>>,
    /// The CSV file of `[data]`, when the spec reads its data from one.
    pub data_file: Option<std::path::PathBuf>,
    pub inputs: Vec<Vec<f64>>,
    pub targets: Vec<Vec<f64>>,
    pub train: TrainSettings,
}

impl BiasMode {
    /// Weights and biases of a network with these layer sizes.
    pub fn parameter_count(self, layers: &[usize]) -> usize {
        crate::limits::parameter_count(layers, |l| match self {
            BiasMode::PerNeuron => layers[l + 1],
            BiasMode::PerLayer => 1,
            BiasMode::None => 0,
        })
    }
}

impl Spec {
    /// The description in `lang`: the Korean one when there is one.
    pub fn description_in(&self, lang: crate::i18n::Lang) -> Option<&str> {
        match (lang, &self.description_ko) {
            (crate::i18n::Lang::Ko, Some(ko)) => Some(ko),
            _ => self.description.as_deref(),
        }
    }

    /// The note in `lang`: the Korean one when there is one.
    pub fn note_in(&self, lang: crate::i18n::Lang) -> Option<&str> {
        match (lang, &self.note_ko) {
            (crate::i18n::Lang::Ko, Some(ko)) => Some(ko),
            _ => self.note.as_deref(),
        }
    }

    pub fn parameter_count(&self) -> usize {
        self.parameters
            .weights
            .iter()
            .flatten()
            .map(Vec::len)
            .sum::<usize>()
            + self.parameters.biases.iter().map(Vec::len).sum::<usize>()
    }

    /// "2-2-2".
    pub fn shape(&self) -> String {
        self.layers
            .iter()
            .map(usize::to_string)
            .collect::<Vec<_>>()
            .join("-")
    }
}
