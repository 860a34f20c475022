//! Network specs: a TOML file describing layers, activations, biases, loss,
//! parameters, data and training settings, checked in full.
//!
//! Every mistake is reported at its place in the file (line and column)
//! with what was expected: a 2×3 matrix where layer 2 needs 2×2, an unknown
//! activation, softmax on a hidden layer, targets of the wrong width, …
//!
//! Invariant: a `Spec` that parsed is consistent — parameter shapes match
//! the layers, every sample has the right widths, all numbers are finite.

use crate::data::{load_csv, TargetColumns};
use crate::diagnostic::Location;
use crate::expr::closest_name;
use crate::optim::{Hyperparameters, Naming, OptimizerConfig};
use crate::Error;
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::Deserialize;
use std::ops::Range;
use toml::Spanned;

/// The activation of a layer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Activation {
    Sigmoid,
    Tanh,
    Relu,
    Identity,
    Softmax,
}

impl Activation {
    pub const NAMES: [&'static str; 5] = ["sigmoid", "tanh", "relu", "identity", "softmax"];

    pub fn name(self) -> &'static str {
        match self {
            Activation::Sigmoid => "sigmoid",
            Activation::Tanh => "tanh",
            Activation::Relu => "relu",
            Activation::Identity => "identity",
            Activation::Softmax => "softmax",
        }
    }

    fn parse(name: &str) -> Option<Activation> {
        Some(match name {
            "sigmoid" => Activation::Sigmoid,
            "tanh" => Activation::Tanh,
            "relu" => Activation::Relu,
            "identity" | "linear" => Activation::Identity,
            "softmax" => Activation::Softmax,
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
    /// Text printed after a run (for example, how a published figure
    /// differs and why).
    pub note: Option<String>,
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

/// Rows of numbers, each number and row with its place in the file.
type Matrix = Spanned<Vec<Spanned<Vec<Spanned<f64>>>>>;
/// Samples' inputs or targets, one row per sample.
type Rows = Vec<Vec<f64>>;
/// One matrix per layer.
type Matrices = Spanned<Vec<Matrix>>;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSpec {
    name: Option<String>,
    description: Option<String>,
    note: Option<String>,
    layers: Spanned<Vec<Spanned<i64>>>,
    activation: Option<Spanned<toml::Value>>,
    bias: Option<Spanned<String>>,
    loss: Option<Spanned<String>>,
    weights: Option<Matrices>,
    biases: Option<Matrix>,
    init: Option<Spanned<String>>,
    seed: Option<Spanned<i64>>,
    inputs: Option<Matrix>,
    targets: Option<Matrix>,
    data: Option<Spanned<RawData>>,
    train: Option<Spanned<RawTrain>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawData {
    file: Spanned<String>,
    targets: Option<Vec<String>>,
    label: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTrain {
    lr: Option<Spanned<f64>>,
    optimizer: Option<Spanned<String>>,
    update_biases: Option<bool>,
    steps: Option<Spanned<i64>>,
    epochs: Option<Spanned<i64>>,
    batch_size: Option<Spanned<i64>>,
    momentum: Option<Spanned<f64>>,
    dampening: Option<Spanned<f64>>,
    nesterov: Option<Spanned<bool>>,
    weight_decay: Option<Spanned<f64>>,
    lr_decay: Option<Spanned<f64>>,
    eps: Option<Spanned<f64>>,
    alpha: Option<Spanned<f64>>,
    centered: Option<Spanned<bool>>,
    beta1: Option<Spanned<f64>>,
    beta2: Option<Spanned<f64>>,
}

impl RawTrain {
    /// Where the hyperparameter `key` is set in the file, if it is.
    fn span_of(&self, key: &str) -> Option<Range<usize>> {
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
struct Checker<'a> {
    path: &'a str,
    text: &'a str,
}

impl Checker<'_> {
    fn error(
        &self,
        span: Range<usize>,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) -> Error {
        Error::Located {
            location: Box::new(Location::of_span(self.path, self.text, &span)),
            message: message.into(),
            hint: Some(hint.into()),
        }
    }
}

fn suggestion(word: &str, known: &[&str]) -> String {
    match closest_name(word, known.iter().copied()) {
        Some(k) => format!("did you mean {k}? The choices are {}", known.join(", ")),
        None => format!("the choices are {}", known.join(", ")),
    }
}

/// A hint for a TOML error: the field meant, for an unknown one.
fn toml_hint(message: &str) -> String {
    const FIELDS: [&str; 15] = [
        "name",
        "description",
        "note",
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
    let unknown = message
        .strip_prefix("unknown field `")
        .and_then(|rest| rest.split('`').next());
    match unknown {
        Some(field) => suggestion(field, &FIELDS),
        None => "see examples/mazur.toml for a complete spec".to_string(),
    }
}

/// Parses and checks a spec. `path` names the file in messages and is the
/// folder a `[data] file` is read relative to (`None` for built-in specs).
pub fn parse_spec(text: &str, path: &str, folder: Option<&std::path::Path>) -> Result<Spec, Error> {
    let check = Checker { path, text };
    let raw: RawSpec = toml::from_str(text).map_err(|e| {
        let span = e.span().unwrap_or(0..0);
        let message = e.message().trim().to_string();
        check.error(span, message.clone(), toml_hint(&message))
    })?;

    // Layers.
    let layers_span = raw.layers.span();
    if raw.layers.get_ref().len() < 2 {
        return Err(check.error(
            layers_span,
            "layers needs at least an input size and an output size",
            "for example layers = [2, 2, 1]: 2 inputs, 2 hidden neurons, 1 output",
        ));
    }
    let mut layers = Vec::new();
    for size in raw.layers.get_ref() {
        let n = *size.get_ref();
        if !(1..=crate::limits::MAX_LAYER_SIZE as i64).contains(&n) {
            return Err(check.error(
                size.span(),
                format!("a layer of {n} neurons"),
                format!(
                    "each layer needs between 1 and {} neurons (docs/limits.md)",
                    crate::number::format_thousands(crate::limits::MAX_LAYER_SIZE as u64)
                ),
            ));
        }
        layers.push(n as usize);
    }
    let depth = layers.len() - 1;

    // Activations.
    let activations = match &raw.activation {
        None => vec![Activation::Sigmoid; depth],
        Some(spanned) => {
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
                                    "activation names must be strings",
                                    "for example activation = [\"tanh\", \"sigmoid\"]",
                                ));
                            }
                        }
                    }
                    if names.len() != depth {
                        return Err(check.error(
                            span,
                            format!("{} activations for {depth} layers after the input", names.len()),
                            format!("give one name for all layers, or {depth} names, one per layer after the input"),
                        ));
                    }
                    names
                }
                _ => {
                    return Err(check.error(
                        span,
                        "activation must be a name or a list of names",
                        "for example activation = \"sigmoid\"",
                    ))
                }
            };
            let mut activations = Vec::new();
            for (layer, name) in names.iter().enumerate() {
                let Some(a) = Activation::parse(name) else {
                    return Err(check.error(
                        span,
                        format!("unknown activation '{name}'"),
                        suggestion(name, &Activation::NAMES),
                    ));
                };
                if a == Activation::Softmax && layer + 1 < depth {
                    return Err(check.error(
                        span,
                        format!("softmax on hidden layer {} of {depth}", layer + 1),
                        "softmax turns the output layer into probabilities; use sigmoid, tanh or relu in hidden layers",
                    ));
                }
                activations.push(a);
            }
            activations
        }
    };

    // Bias mode and loss.
    let bias = match &raw.bias {
        None => BiasMode::PerNeuron,
        Some(s) => match s.get_ref().as_str() {
            "per_neuron" => BiasMode::PerNeuron,
            "per_layer" => BiasMode::PerLayer,
            "none" => BiasMode::None,
            other => {
                return Err(check.error(
                    s.span(),
                    format!("unknown bias mode '{other}'"),
                    suggestion(other, &["per_neuron", "per_layer", "none"]),
                ))
            }
        },
    };
    let count = bias.parameter_count(&layers);
    if count > crate::limits::MAX_TRAIN_PARAMETERS {
        return Err(check.error(
            layers_span,
            format!(
                "this network has {} weights and biases; stepgrad trains at most {}",
                crate::number::format_thousands(count as u64),
                crate::number::format_thousands(crate::limits::MAX_TRAIN_PARAMETERS as u64)
            ),
            "use fewer or smaller hidden layers (docs/limits.md)",
        ));
    }
    let loss = match &raw.loss {
        None => Loss::HalfSse,
        Some(s) => Loss::parse(s.get_ref()).ok_or_else(|| {
            check.error(
                s.span(),
                format!("unknown loss '{}'", s.get_ref()),
                suggestion(s.get_ref(), &Loss::NAMES),
            )
        })?,
    };
    let output = activations[depth - 1];
    let loss_span = raw.loss.as_ref().map_or(0..0, |s| s.span());
    if loss == Loss::CrossEntropy && output != Activation::Softmax {
        return Err(check.error(
            loss_span,
            format!(
                "cross_entropy needs a softmax output layer, but the output activation is {}",
                output.name()
            ),
            "set the output layer's activation to softmax",
        ));
    }
    if loss == Loss::Bce && output != Activation::Sigmoid {
        return Err(check.error(
            loss_span,
            format!(
                "bce needs a sigmoid output layer, but the output activation is {}",
                output.name()
            ),
            "set the output layer's activation to sigmoid (bce compares probabilities)",
        ));
    }

    // Parameters.
    let parameters_span = raw
        .weights
        .as_ref()
        .map(|w| w.span())
        .or_else(|| raw.init.as_ref().map(|i| i.span()));
    let parameters_at = parameters_span.map(|span| Box::new(Location::of_span(path, text, &span)));
    let (parameters, origin) = match (&raw.weights, &raw.init) {
        (Some(_), Some(init)) => {
            return Err(check.error(
                init.span(),
                "both weights and init are given",
                "give the weights explicitly or an init scheme, not both",
            ));
        }
        (Some(weights), None) => (
            explicit_parameters(&check, &layers, bias, weights, raw.biases.as_ref())?,
            Origin::Explicit,
        ),
        (None, init) => {
            if let Some(b) = &raw.biases {
                return Err(check.error(
                    b.span(),
                    "biases are given without weights",
                    "give weights too, or leave both to init",
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
                        "the seed must not be negative",
                        "use a seed such as 0 or 42",
                    ))
                }
                Some(s) => *s.get_ref() as u64,
                None => 0,
            };
            let parameters = initial_parameters(&check, &layers, bias, &scheme, span, seed)?;
            (parameters, Origin::Init { scheme, seed })
        }
    };

    // Data.
    let (inputs, targets) = match (&raw.inputs, &raw.targets, &raw.data) {
        (Some(i), Some(t), None) => (
            matrix(
                &check,
                i,
                layers[0],
                "inputs",
                "sample",
                "inputs",
                "the network takes",
            )?,
            matrix(
                &check,
                t,
                layers[depth],
                "targets",
                "sample",
                "targets",
                "the output layer has",
            )?,
        ),
        (None, None, Some(data)) => csv_data(&check, data, folder, &layers)?,
        (None, None, None) => (Vec::new(), Vec::new()),
        (Some(i), None, _) => {
            return Err(check.error(
                i.span(),
                "inputs are given without targets",
                "add targets = [[…], …], one row per sample",
            ))
        }
        (None, Some(t), _) => {
            return Err(check.error(
                t.span(),
                "targets are given without inputs",
                "add inputs = [[…], …], one row per sample",
            ))
        }
        (Some(i), Some(_), Some(_)) => {
            return Err(check.error(
                i.span(),
                "data is given both inline and as a file",
                "keep either inputs/targets or [data]",
            ))
        }
    };
    if inputs.len() != targets.len() {
        let span = raw.targets.as_ref().map_or(0..0, |t| t.span());
        return Err(check.error(
            span,
            format!(
                "{} rows of inputs but {} rows of targets",
                inputs.len(),
                targets.len()
            ),
            "give one row of targets per sample",
        ));
    }
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
        note: raw.note,
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

/// Rows of numbers of a given width, each finite.
fn matrix(
    check: &Checker,
    m: &Matrix,
    width: usize,
    field: &str,
    row_word: &str,
    item_word: &str,
    expected: &str,
) -> Result<Vec<Vec<f64>>, Error> {
    let mut rows = Vec::new();
    for (r, row) in m.get_ref().iter().enumerate() {
        if row.get_ref().len() != width {
            return Err(check.error(
                row.span(),
                format!(
                    "{row_word} {} of {field} has {} {item_word}; {expected} {width}",
                    r + 1,
                    row.get_ref().len()
                ),
                format!("each row of {field} needs {width} numbers"),
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
                    format!("{v} is not a finite number"),
                    "use ordinary numbers such as 0.5",
                ))
            }
        })
        .collect()
}

fn layer_label(l: usize, depth: usize) -> String {
    let from = if l == 0 {
        "input".to_string()
    } else {
        format!("hidden layer {l}")
    };
    let to = if l + 1 == depth {
        "output".to_string()
    } else {
        format!("hidden layer {}", l + 1)
    };
    format!("layer {} ({from} → {to})", l + 1)
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
            format!(
                "weights has {} matrices, but the network has {depth} layers after the input",
                weights.get_ref().len()
            ),
            "give one matrix W[out][in] per layer after the input",
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
                format!("{got_rows}×{got_cols}")
            } else {
                format!("{got_rows} rows of different lengths")
            };
            return Err(check.error(
                matrix.span(),
                format!("{} needs a {rows}×{cols} matrix ({rows} neurons × {cols} inputs), but this is {shape}", layer_label(l, depth)),
                "row j lists the weights into neuron j, one per neuron of the layer before",
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
                "biases are given but bias = \"none\"",
                "remove biases, or choose bias = \"per_neuron\" or \"per_layer\"",
            ));
        }
        (BiasMode::None, None) => vec![Vec::new(); depth],
        (_, None) => {
            return Err(check.error(
                weights.span(),
                "weights are given but biases are not",
                "add biases = [[…], …], one list per layer after the input",
            ));
        }
        (mode, Some(b)) => {
            if b.get_ref().len() != depth {
                return Err(check.error(
                    b.span(),
                    format!(
                        "biases has {} lists, but the network has {depth} layers after the input",
                        b.get_ref().len()
                    ),
                    "give one list of biases per layer after the input",
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
                        "bias = \"per_layer\" shares one bias per layer: write [b]".to_string()
                    } else {
                        format!(
                            "bias = \"per_neuron\" gives each of the {want} neurons its own bias"
                        )
                    };
                    return Err(check.error(
                        row.span(),
                        format!(
                            "{} needs {want} bias{}, but this list has {}",
                            layer_label(l, depth),
                            if want == 1 { "" } else { "es" },
                            row.get_ref().len()
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

/// Samples from N(0, 1) by the Box–Muller transform.
fn standard_normal(rng: &mut ChaCha8Rng) -> f64 {
    let u1: f64 = rng.random_range(f64::EPSILON..1.0);
    let u2: f64 = rng.random_range(0.0..1.0);
    (-2.0 * u1.ln()).sqrt() * (2.0 * std::f64::consts::PI * u2).cos()
}

/// Weights from a seeded scheme: xavier (Glorot uniform, U(−a, a) with
/// a = √(6/(fan_in + fan_out))), he (normal with standard deviation
/// √(2/fan_in)), or uniform(a, b). Biases start at 0, except with
/// uniform(a, b), which draws them too.
pub fn initialize(
    layers: &[usize],
    bias: BiasMode,
    scheme: &str,
    seed: u64,
) -> Result<Parameters, (String, String)> {
    enum Scheme {
        Xavier,
        He,
        Uniform(f64, f64),
    }
    let parsed = match scheme {
        "xavier" | "glorot" => Scheme::Xavier,
        "he" | "kaiming" => Scheme::He,
        s if s.starts_with("uniform(") && s.ends_with(')') => {
            let inner = &s["uniform(".len()..s.len() - 1];
            let bounds: Vec<Option<f64>> = inner
                .split(',')
                .map(|p| p.trim().parse::<f64>().ok().filter(|v| v.is_finite()))
                .collect();
            match bounds.as_slice() {
                [Some(a), Some(b)] if a < b && (b - a).is_finite() => Scheme::Uniform(*a, *b),
                [Some(a), Some(b)] if a < b => {
                    return Err((
                        format!(
                            "'{scheme}' is too wide: its width b − a = {} exceeds the largest 64-bit float",
                            b - a
                        ),
                        "draw from a narrower range, e.g. uniform(-0.5, 0.5)".into(),
                    ))
                }
                _ => {
                    return Err((
                        format!("'{scheme}' is not a valid uniform range"),
                        "write uniform(a, b) with numbers a < b, e.g. uniform(-0.5, 0.5)".into(),
                    ))
                }
            }
        }
        other => {
            return Err((
                format!("unknown init '{other}'"),
                "the choices are xavier, he and uniform(a, b)".into(),
            ))
        }
    };
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut weights = Vec::new();
    let mut biases = Vec::new();
    for l in 0..layers.len() - 1 {
        let (fan_in, fan_out) = (layers[l], layers[l + 1]);
        let draw = |rng: &mut ChaCha8Rng| match parsed {
            Scheme::Xavier => {
                let a = (6.0 / (fan_in + fan_out) as f64).sqrt();
                rng.random_range(-a..a)
            }
            Scheme::He => standard_normal(rng) * (2.0 / fan_in as f64).sqrt(),
            Scheme::Uniform(a, b) => rng.random_range(a..b),
        };
        let w: Vec<Vec<f64>> = (0..fan_out)
            .map(|_| (0..fan_in).map(|_| draw(&mut rng)).collect())
            .collect();
        weights.push(w);
        let count = match bias {
            BiasMode::PerNeuron => fan_out,
            BiasMode::PerLayer => 1,
            BiasMode::None => 0,
        };
        let b: Vec<f64> = (0..count)
            .map(|_| match parsed {
                Scheme::Uniform(a, b) => rng.random_range(a..b),
                _ => 0.0,
            })
            .collect();
        biases.push(b);
    }
    Ok(Parameters { weights, biases })
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

/// The path of a `[data] file`, relative to the spec's folder.
fn data_path(folder: Option<&std::path::Path>, file: &str) -> std::path::PathBuf {
    match folder {
        Some(f) => f.join(file),
        None => std::path::PathBuf::from(file),
    }
}

fn csv_data(
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
                "[data] needs either targets = [columns] or label = \"column\"",
                "targets names numeric target columns; label names one class column",
            ))
        }
    };
    let path = data_path(folder, raw.file.get_ref());
    let text = crate::text_file::read(&path).map_err(|why| {
        check.error(
            raw.file.span(),
            format!("cannot read {}: {why}", path.display()),
            "the path is relative to the spec file",
        )
    })?;
    let dataset = load_csv(&path.display().to_string(), &text, &columns)?;
    let (inputs, outputs) = (layers[0], layers[layers.len() - 1]);
    if dataset.feature_names.len() != inputs {
        return Err(check.error(
            data.span(),
            format!(
                "{} has {} input columns ({}), but the network takes {inputs} inputs",
                path.display(),
                dataset.feature_names.len(),
                crate::diagnostic::name_list(&dataset.feature_names)
            ),
            "make layers[0] the number of input columns",
        ));
    }
    if dataset.target_names.len() != outputs {
        return Err(check.error(
            data.span(),
            format!(
                "{} gives {} targets per sample, but the output layer has {outputs} neurons",
                path.display(),
                dataset.target_names.len()
            ),
            "make the last layer size the number of targets (or classes)",
        ));
    }
    Ok((dataset.inputs, dataset.targets))
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
                        format!("the targets of sample {} sum to {sum}, but cross_entropy needs probabilities that sum to 1", r + 1),
                        "use one-hot targets such as [0, 1, 0]",
                    ));
                }
            }
            Loss::Bce if row.iter().any(|&t| !(0.0..=1.0).contains(&t)) => {
                return Err(check.error(
                    row_span(r),
                    format!(
                        "the targets of sample {} must lie between 0 and 1 for bce",
                        r + 1
                    ),
                    "bce compares probabilities: use targets such as 0 or 1",
                ));
            }
            _ => {}
        }
    }
    Ok(())
}

fn train_settings(
    check: &Checker,
    raw: Option<&Spanned<RawTrain>>,
) -> Result<TrainSettings, Error> {
    let mut settings = TrainSettings {
        optimizer: "sgd".to_string(),
        hyperparameters: Hyperparameters::default(),
        update_biases: true,
        steps: 1,
        epochs: None,
        batch_size: None,
    };
    let Some(spanned) = raw else {
        return Ok(settings);
    };
    let raw = spanned.get_ref();
    if let Some(lr) = &raw.lr {
        let v = *lr.get_ref();
        if !(v > 0.0 && v.is_finite()) {
            return Err(check.error(
                lr.span(),
                format!("the learning rate must be a positive number, not {v}"),
                "typical values lie between 0.001 and 1",
            ));
        }
        settings.hyperparameters.lr = Some(v);
    }
    let number = |v: &Option<Spanned<f64>>| v.as_ref().map(|s| *s.get_ref());
    let flag = |v: &Option<Spanned<bool>>| v.as_ref().is_some_and(|s| *s.get_ref());
    let h = &mut settings.hyperparameters;
    h.momentum = number(&raw.momentum);
    h.dampening = number(&raw.dampening);
    h.nesterov = flag(&raw.nesterov);
    h.weight_decay = number(&raw.weight_decay);
    h.lr_decay = number(&raw.lr_decay);
    h.eps = number(&raw.eps);
    h.alpha = number(&raw.alpha);
    h.centered = flag(&raw.centered);
    h.beta1 = number(&raw.beta1);
    h.beta2 = number(&raw.beta2);
    let optimizer_span = raw.optimizer.as_ref().map_or(spanned.span(), |o| o.span());
    if let Some(o) = &raw.optimizer {
        settings.optimizer = o.get_ref().clone();
    }
    if let Err(e) = OptimizerConfig::configure(
        &settings.optimizer,
        &settings.hyperparameters,
        Naming::SpecKeys,
    ) {
        // Point at the setting refused, else at the optimizer's name.
        let span = e
            .key
            .and_then(|key| raw.span_of(key))
            .unwrap_or(optimizer_span);
        return Err(check.error(span, e.message, e.hint));
    }
    if let Some(u) = raw.update_biases {
        settings.update_biases = u;
    }
    if let Some(s) = &raw.steps {
        let v = *s.get_ref();
        if v < 1 {
            return Err(check.error(
                s.span(),
                format!("steps must be at least 1, not {v}"),
                "steps counts the updates to run",
            ));
        }
        settings.steps = v as usize;
    }
    for (field, target, what) in [
        (&raw.epochs, &mut settings.epochs, "epochs"),
        (&raw.batch_size, &mut settings.batch_size, "batch_size"),
    ] {
        if let Some(s) = field {
            let v = *s.get_ref();
            if v < 1 {
                return Err(check.error(
                    s.span(),
                    format!("{what} must be at least 1, not {v}"),
                    format!("{what} is a count"),
                ));
            }
            *target = Some(v as usize);
        }
    }
    Ok(settings)
}
