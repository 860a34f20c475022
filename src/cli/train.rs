//! `stepgrad train`: a network trained on data in batches, epoch by epoch,
//! and `stepgrad epochs`: the arithmetic of epochs and iterations.

use super::inputs::{check_output_file, parse_count, read_named_file};
use super::optimizer_args::{check_dimension, OptimizerArgs};
use super::{write_file_atomically, Context, Written};
use crate::data::{builtin, check_input_columns, load_csv, Dataset, Generation, TargetColumns};
use crate::diagnostic::Location;
use crate::network::{
    initial_values, initialize, load_spec, to_shapes, Activation, BiasMode, Loss, NetworkFormula,
    Origin, Parameters, Spec, TrainSettings,
};
use crate::optim::{Hyperparameters, OptimizerConfig};
use crate::report::train::{csv_note, render, render_epochs, BatchComparison, TrainReport};
use crate::report::Format;
use crate::training::{
    start_fault, train, EpochArithmetic, EpochRecord, Model, Tapes, TrainOptions, TrainStop,
    Training,
};
use crate::Error;
use clap::Args;
use std::io::IsTerminal;
use std::path::PathBuf;

#[derive(Args, Debug, Clone)]
pub struct TrainArgs {
    /// A network spec (file or built-in example); without one, a network is built for the data
    pub spec: Option<String>,
    /// The data: a CSV file, or builtin:NAME (xor, and, or, iris, circle, gauss, spiral, xor-noise, line, parabola)
    #[arg(long, value_name = "CSV|builtin:NAME")]
    pub data: Option<String>,
    /// The CSV's numeric target columns
    #[arg(
        long,
        value_delimiter = ',',
        value_name = "COLUMNS",
        conflicts_with = "label"
    )]
    pub targets: Vec<String>,
    /// The CSV's class-label column, turned into one-hot targets
    #[arg(long, value_name = "COLUMN")]
    pub label: Option<String>,
    /// Rescale every feature to mean 0 and standard deviation 1 (statistics of the training part)
    #[arg(long)]
    pub standardize: bool,
    /// Hold out this fraction of the data for validation, e.g. --val 0.2
    #[arg(long, value_name = "FRACTION", allow_hyphen_values = true)]
    pub val: Option<f64>,
    /// Samples of a generated built-in set
    #[arg(long, value_name = "N", default_value_t = 200, value_parser = parse_count, allow_negative_numbers = true)]
    pub samples: usize,
    /// Noise of a generated built-in set, from 0 to 1
    #[arg(
        long,
        value_name = "X",
        default_value_t = 0.0,
        allow_hyphen_values = true
    )]
    pub noise: f64,
    /// The hidden layers' sizes, replacing the spec's (the weights are then drawn afresh), e.g. --hidden 4 or --hidden 16,8
    #[arg(long, value_delimiter = ',', value_name = "SIZES", value_parser = parse_count, allow_negative_numbers = true)]
    pub hidden: Vec<usize>,
    /// The most epochs to run (passes over the training data)
    #[arg(long, value_name = "E", value_parser = parse_count, allow_negative_numbers = true)]
    pub epochs: Option<usize>,
    /// Samples per update: N (all of them) for batch gradient descent, 1 for stochastic, between for mini-batch
    #[arg(
        long,
        value_name = "B|N",
        value_parser = parse_batch_size,
        allow_negative_numbers = true
    )]
    pub batch_size: Option<BatchSize>,
    /// Keep the samples in their order instead of shuffling each epoch
    #[arg(long)]
    pub no_shuffle: bool,
    /// Drop the last, smaller batch of each epoch
    #[arg(long)]
    pub drop_last: bool,
    #[command(flatten)]
    pub optimizer: OptimizerArgs,
    /// Seed of the shuffles, the validation split, generated data and initial weights
    #[arg(long, value_name = "S", default_value_t = 0)]
    pub seed: u64,
    /// Stop once the training loss is at most this
    #[arg(long, value_name = "X", allow_hyphen_values = true)]
    pub target_loss: Option<f64>,
    /// Early stopping: stop P epochs after the best loss (the validation loss with --val, else the training loss; epoch 0 counts), as Keras's EarlyStopping
    #[arg(long, value_name = "P", value_parser = parse_count, allow_negative_numbers = true)]
    pub patience: Option<usize>,
    /// Print a table row every K epochs
    #[arg(long, value_name = "K", value_parser = parse_count, allow_negative_numbers = true)]
    pub log_every: Option<usize>,
    /// Also report every iteration's batch loss (in JSON, and in --plot)
    #[arg(long)]
    pub log_iterations: bool,
    /// Draw the loss (and accuracy) per epoch and per iteration as an SVG file
    #[arg(long, value_name = "FILE.svg")]
    pub plot: Option<PathBuf>,
    /// Write the trained parameters as JSON (W[layer][out][in], b[layer][…])
    #[arg(long, value_name = "FILE.json")]
    pub save: Option<PathBuf>,
    /// Start from parameters written by --save
    #[arg(long, value_name = "FILE.json")]
    pub init_from: Option<PathBuf>,
    /// Train from the same start with each batch size and compare, e.g. --compare-batch 1,16,N
    #[arg(long, value_delimiter = ',', value_name = "SIZES")]
    pub compare_batch: Vec<String>,
}

#[derive(Args, Debug, Clone)]
pub struct EpochsArgs {
    /// Samples in the training set
    #[arg(long, value_name = "N", value_parser = parse_count, allow_negative_numbers = true)]
    pub samples: usize,
    /// Samples per iteration (update)
    #[arg(long, value_name = "B", value_parser = parse_count, allow_negative_numbers = true)]
    pub batch_size: usize,
    /// Passes over the whole training set
    #[arg(long, value_name = "E", value_parser = parse_count, allow_negative_numbers = true)]
    pub epochs: usize,
    /// Drop the last, smaller batch of each epoch
    #[arg(long)]
    pub drop_last: bool,
}

/// Limits that keep a run within what a machine can do.
pub const MAX_EPOCHS: usize = crate::limits::MAX_EPOCHS;
pub const MAX_SAMPLES: usize = crate::limits::MAX_SAMPLES;

pub fn run_epochs(args: &EpochsArgs, context: &Context) -> Result<Written, Error> {
    context.require_format(
        "epochs",
        &[Format::Text, Format::Markdown, Format::Latex, Format::Json],
    )?;
    for (option, value, counts) in [
        ("--samples", args.samples, "the samples in the training set"),
        ("--batch-size", args.batch_size, "the samples in each batch"),
        ("--epochs", args.epochs, "the passes over the training set"),
    ] {
        if value == 0 {
            return Err(Error::usage(
                format!("{option} 0: it counts {counts}, so it must be at least 1"),
                "for example --samples 1000 --batch-size 25 --epochs 100",
            ));
        }
    }
    for (option, value, limit, what) in [
        ("--samples", args.samples, MAX_SAMPLES, "samples"),
        ("--epochs", args.epochs, MAX_EPOCHS, "epochs"),
    ] {
        if value > limit {
            return Err(Error::usage(
                format!(
                    "{option} {value}: epochs works with at most {} {what}, the limit train has (docs/limits.md)",
                    crate::number::format_thousands(limit as u64)
                ),
                format!(
                    "the arithmetic is the same at every scale: give {option} {limit} or fewer and scale the totals"
                ),
            ));
        }
    }
    if args.batch_size > args.samples {
        return Err(Error::usage(
            format!(
                "--batch-size {} is larger than the {} samples",
                args.batch_size, args.samples
            ),
            format!(
                "a batch holds at most all the samples: --batch-size {}",
                args.samples
            ),
        ));
    }
    let a = EpochArithmetic {
        samples: args.samples,
        batch_size: args.batch_size,
        epochs: args.epochs,
        drop_last: args.drop_last,
    };
    Ok(Written::ok(render_epochs(
        &a,
        context.format,
        &context.style,
    )))
}

/// The data to train on, and where it came from.
fn load_data(args: &TrainArgs, spec: Option<&Spec>) -> Result<(Dataset, String), Error> {
    if let Some(source) = &args.data {
        if let Some(name) = source.strip_prefix("builtin:") {
            let chosen = match (&args.label, args.targets.is_empty()) {
                (Some(_), _) => Some("--label"),
                (None, false) => Some("--targets"),
                (None, true) => None,
            };
            if let Some(option) = chosen {
                return Err(Error::usage(
                    format!("{option} chooses columns of a CSV file, but {source} is a built-in set with its targets given"),
                    format!("drop {option}, or give a CSV file with --data"),
                ));
            }
            if !(0.0..=1.0).contains(&args.noise) {
                return Err(Error::usage(
                    format!("--noise {}: it must lie between 0 and 1", args.noise),
                    "for example --noise 0.2",
                ));
            }
            if args.samples < 2 || args.samples > MAX_SAMPLES {
                return Err(Error::usage(
                    format!(
                        "--samples {}: generated sets have 2 to 1,000,000 samples",
                        args.samples
                    ),
                    "for example --samples 200",
                ));
            }
            let g = Generation {
                seed: args.seed,
                noise: args.noise,
                samples: args.samples,
            };
            return Ok((builtin(name, &g)?, source.clone()));
        }
        let columns =
            match (&args.label, args.targets.is_empty()) {
                (Some(label), _) => TargetColumns::Label(label.clone()),
                (None, false) => TargetColumns::Names(args.targets.clone()),
                (None, true) => return Err(Error::usage(
                    format!("{source}: say which columns are the targets"),
                    "add --targets y (numeric target columns) or --label species (a class column)",
                )),
            };
        let text = read_named_file("--data", std::path::Path::new(source))?;
        let data = load_csv(source, &text, &columns)?;
        if let Some(spec) = spec {
            check_input_columns(source, &text, &data, spec.layers[0])?;
        }
        let values = data.len() * (data.feature_names.len() + data.target_names.len());
        if values > crate::limits::MAX_DATA_VALUES {
            return Err(Error::usage(
                format!(
                    "{source} holds {} numbers; stepgrad trains on at most {}",
                    crate::number::format_thousands(values as u64),
                    crate::number::format_thousands(crate::limits::MAX_DATA_VALUES as u64)
                ),
                "train on a sample of the rows, or fewer columns",
            ));
        }
        if data.len() > MAX_SAMPLES {
            return Err(Error::usage(
                format!("{source} has {} rows; the limit is 1,000,000", data.len()),
                "train on a sample of the rows",
            ));
        }
        return Ok((data, source.clone()));
    }
    match spec {
        Some(spec) if !spec.inputs.is_empty() => {
            let data = Dataset {
                feature_names: (1..=spec.layers[0]).map(|k| format!("i{k}")).collect(),
                target_names: (1..=spec.layers[spec.layers.len() - 1]).map(|k| format!("target_o{k}")).collect(),
                class_names: None,
                inputs: spec.inputs.clone(),
                targets: spec.targets.clone(),
            };
            Ok((data, format!("the data of {}", spec.name)))
        }
        _ => Err(Error::usage("there is no data to train on", "give --data builtin:iris, --data points.csv --targets y, or a spec with inputs and targets")),
    }
}

/// A network for data that came without a spec: one hidden layer (or
/// `--hidden`), softmax with cross-entropy for several classes, sigmoid
/// with binary cross-entropy for one 0/1 target, and tanh with a linear
/// output and mse for regression; Adam with lr = 0.01.
fn default_spec(data: &Dataset, hidden: &[usize], seed: u64) -> Result<Spec, Error> {
    let outputs = data.target_names.len();
    let classes = data.is_classification();
    let (hidden_activation, output, loss) = match (classes, outputs) {
        (true, 1) => (Activation::Tanh, Activation::Sigmoid, Loss::Bce),
        (true, _) => (Activation::Tanh, Activation::Softmax, Loss::CrossEntropy),
        (false, _) => (Activation::Tanh, Activation::Identity, Loss::Mse),
    };
    let hidden = if hidden.is_empty() {
        vec![8]
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
        .map_err(|(m, h)| Error::usage(m, h))?;
    Ok(Spec {
        name: format!(
            "{}-{}-{}",
            layers[0],
            hidden
                .iter()
                .map(usize::to_string)
                .collect::<Vec<_>>()
                .join("-"),
            outputs
        ),
        description: None,
        note: None,
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
    if count > crate::limits::MAX_TRAIN_PARAMETERS {
        return Err(Error::usage(
            format!(
                "a {} network has {} weights and biases; stepgrad trains at most {}",
                layers
                    .iter()
                    .map(usize::to_string)
                    .collect::<Vec<_>>()
                    .join("-"),
                crate::number::format_thousands(count as u64),
                crate::number::format_thousands(crate::limits::MAX_TRAIN_PARAMETERS as u64)
            ),
            "use fewer or smaller hidden layers (--hidden), or fewer input columns",
        ));
    }
    Ok(())
}

/// The spec with its hidden layers replaced, weights drawn afresh.
fn reshape(mut spec: Spec, hidden: &[usize], seed: u64) -> Result<Spec, Error> {
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
        initialize(&layers, spec.bias, &scheme, seed).map_err(|(m, h)| Error::usage(m, h))?;
    spec.activations = vec![hidden_activation; hidden.len()];
    spec.activations.push(output);
    spec.origin = Origin::Init { scheme, seed };
    spec.parameters_at = None;
    spec.name = format!(
        "{} with hidden layers {}",
        spec.name,
        hidden
            .iter()
            .map(usize::to_string)
            .collect::<Vec<_>>()
            .join(",")
    );
    spec.layers = layers;
    Ok(spec)
}

/// Checks that the data fit the network.
fn check_fit(spec: &Spec, data: &Dataset, source: &str) -> Result<(), Error> {
    let (inputs, outputs) = (spec.layers[0], spec.layers[spec.layers.len() - 1]);
    if data.feature_names.len() != inputs {
        let more = if data.feature_names.len() > inputs {
            "more input columns than the network takes"
        } else {
            "fewer input columns than the network takes"
        };
        return Err(Error::usage(
            format!("{source} has {} input columns ({}), {more}: the network's input layer has {inputs}", data.feature_names.len(), crate::diagnostic::name_list(&data.feature_names)),
            "make the first layer size the number of input columns, or leave out the spec to get a network built for the data",
        ));
    }
    if data.target_names.len() != outputs {
        return Err(Error::usage(
            format!("{source} gives {} target values per sample, but the output layer has {outputs} neurons", data.target_names.len()),
            "make the last layer size the number of targets (or classes)",
        ));
    }
    if spec.loss == Loss::CrossEntropy && !data.is_classification() {
        return Err(Error::usage(
            format!("{source}: cross_entropy needs one-hot targets"),
            "give the classes with --label COLUMN",
        ));
    }
    Ok(())
}

/// Parameters written by `--save`, read back.
fn read_parameters(path: &std::path::Path, spec: &Spec) -> Result<Parameters, Error> {
    let text = read_named_file("--init-from", path)?;
    let shown = path.display().to_string();
    let bad = |message: String| {
        Error::usage(
            format!("--init-from {shown}: {message}"),
            "the file should be one written by train --save: {\"W\": W[layer][out][in], \"b\": b[layer][…]}",
        )
    };
    let value: serde_json::Value = serde_json::from_str(&text).map_err(|e| {
        // serde_json counts lines and columns from 1; point at that byte.
        let line_start: usize = text
            .split_inclusive('\n')
            .take(e.line().saturating_sub(1))
            .map(str::len)
            .sum();
        let at = (line_start + e.column().saturating_sub(1)).min(text.len());
        Error::Located {
            location: Box::new(Location::of_span(&shown, &text, &(at..at + 1))),
            message: format!("not valid JSON: {e}"),
            hint: Some("the file should be one written by train --save".into()),
        }
    })?;
    let weights: Vec<Vec<Vec<f64>>> = serde_json::from_value(value["W"].clone())
        .map_err(|e| bad(format!("W must be W[layer][out][in] numbers: {e}")))?;
    let biases: Vec<Vec<f64>> = serde_json::from_value(value["b"].clone())
        .map_err(|e| bad(format!("b must be b[layer][…] numbers: {e}")))?;
    let expected_biases = |l: usize| match spec.bias {
        BiasMode::PerNeuron => spec.layers[l + 1],
        BiasMode::PerLayer => 1,
        BiasMode::None => 0,
    };
    let depth = spec.layers.len() - 1;
    let fits = weights.len() == depth
        && biases.len() == depth
        && (0..depth).all(|l| {
            weights[l].len() == spec.layers[l + 1]
                && weights[l].iter().all(|r| r.len() == spec.layers[l])
                && biases[l].len() == expected_biases(l)
        });
    if !fits {
        // The shape the file's weights describe, if they describe one.
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
        return Err(Error::usage(
            format!(
                "--init-from {shown}: these parameters do not fit the network {} ({held}, with {} bias values)",
                spec.shape(),
                biases.iter().map(Vec::len).sum::<usize>()
            ),
            "give --init-from a file saved from the same network (the same spec, --hidden and bias)",
        ));
    }
    if weights
        .iter()
        .flatten()
        .flatten()
        .chain(biases.iter().flatten())
        .any(|v| !v.is_finite())
    {
        return Err(bad("the parameters must be finite numbers".into()));
    }
    Ok(Parameters { weights, biases })
}

/// A batch size: a number of samples, or all of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BatchSize {
    Samples(usize),
    All,
}

fn parse_batch_size(text: &str) -> Result<BatchSize, String> {
    match text.trim() {
        "N" | "n" | "all" => Ok(BatchSize::All),
        number => number.parse().map(BatchSize::Samples).map_err(|_| {
            let what = if number.parse::<f64>().is_ok_and(|x| x < 0.0) {
                "a batch size cannot be negative".to_string()
            } else {
                format!("'{number}' is not a batch size")
            };
            format!("{what}: give a number of samples, or N for all of them")
        }),
    }
}

pub fn run(args: &TrainArgs, context: &Context) -> Result<Written, Error> {
    context.require_format(
        "train",
        &[
            Format::Text,
            Format::Markdown,
            Format::Latex,
            Format::Json,
            Format::Csv,
        ],
    )?;
    if let Some(&h) = args.hidden.iter().find(|&&h| h == 0 || h > 10_000) {
        return Err(Error::usage(
            format!("--hidden {h}: a hidden layer needs between 1 and 10,000 neurons"),
            "for example --hidden 8, or --hidden 16,8 for two hidden layers",
        ));
    }
    let spec = args.spec.as_deref().map(load_spec).transpose()?;
    if let Some(spec) = &spec {
        super::files::refuse_overwriting_spec_data(context.outputs, spec)?;
    }
    for (option, path, extension) in [
        ("--plot", &args.plot, "svg"),
        ("--save", &args.save, "json"),
    ] {
        if let Some(p) = path {
            check_output_file(option, p, extension)?;
        }
    }
    let (mut data, source) = load_data(args, spec.as_ref())?;
    if data.len() < 2 && args.val.is_some() {
        return Err(Error::usage(
            "too few samples to hold some out for validation",
            "drop --val",
        ));
    }
    let mut spec = match spec {
        Some(spec) if !args.hidden.is_empty() => reshape(spec, &args.hidden, args.seed)?,
        Some(spec) => spec,
        None => default_spec(&data, &args.hidden, args.seed)?,
    };
    check_fit(&spec, &data, &source)?;
    if let Some(path) = &args.init_from {
        spec.parameters = read_parameters(path, &spec)?;
        spec.parameters_at = None;
    }
    let validation = match args.val {
        None => None,
        Some(f) if f > 0.0 && f < 1.0 => {
            let (train, val) = data.split(f, args.seed);
            data = train;
            Some(val)
        }
        Some(f) => {
            return Err(Error::usage(
                format!("--val {f}: the fraction must lie strictly between 0 and 1"),
                "for example --val 0.2",
            ))
        }
    };
    let mut validation = validation;
    if args.standardize {
        let statistics = data.feature_statistics();
        data.standardize(&statistics);
        if let Some(v) = &mut validation {
            v.standardize(&statistics);
        }
    }
    let epochs = args.epochs.or(spec.train.epochs).unwrap_or(100);
    if epochs == 0 || epochs > MAX_EPOCHS {
        let given = if args.epochs.is_some() {
            format!("--epochs {epochs}")
        } else {
            format!("the spec's epochs = {epochs}")
        };
        return Err(Error::usage(
            format!("{given}: train for between 1 and 1,000,000 epochs"),
            "for example --epochs 100",
        ));
    }
    let batch_size = args
        .batch_size
        .map(|b| match b {
            BatchSize::All => data.len(),
            BatchSize::Samples(n) => n,
        })
        .or(spec.train.batch_size)
        .unwrap_or(data.len());
    if batch_size == 0 || batch_size > data.len() {
        let given = if args.batch_size.is_some() {
            format!("--batch-size {batch_size}")
        } else {
            format!("the spec's batch_size = {batch_size}")
        };
        let n = data.len();
        let training = match (n, validation.is_some()) {
            (1, false) => "1 training sample".to_string(),
            (1, true) => "1 training sample left after --val".to_string(),
            (_, false) => format!("{n} training samples"),
            (_, true) => format!("{n} training samples left after --val"),
        };
        let problem = if batch_size == 0 {
            "a batch needs at least one sample".to_string()
        } else {
            format!("a batch cannot hold more than the {training}")
        };
        let hint = if args.batch_size.is_some() {
            format!("choose a batch size from 1 (stochastic) to {n} (batch gradient descent)")
        } else {
            format!("set batch_size in the spec's [train] to at most {n}, or give --batch-size")
        };
        return Err(Error::usage(format!("{given}: {problem}"), hint));
    }
    if args.drop_last && data.len() < batch_size {
        return Err(Error::usage(
            "--drop-last would drop every sample",
            "choose a smaller batch size",
        ));
    }
    let optimizer = args
        .optimizer
        .config(&spec.train.optimizer, &spec.train.hyperparameters)?;
    if optimizer.is_second_order() && batch_size < data.len() {
        return Err(Error::usage(
            format!(
                "{} works on the whole training set, not on mini-batches",
                optimizer.title()
            ),
            format!(
                "use --batch-size {} with it, or a first-order optimizer such as adam",
                data.len()
            ),
        ));
    }
    if let Some(t) = args.target_loss {
        if !t.is_finite() || t < 0.0 {
            return Err(Error::usage(
                format!("--target-loss {t}: it must be a number ≥ 0"),
                "for example --target-loss 0.01",
            ));
        }
    }
    if args.patience == Some(0) {
        return Err(Error::usage(
            "--patience 0 would stop at once",
            "for example --patience 10",
        ));
    }
    if args.log_every == Some(0) {
        return Err(Error::usage(
            "--log-every 0: give a number of epochs",
            "for example --log-every 10",
        ));
    }
    let mut formula = NetworkFormula::build(&spec);
    let trainable = crate::network::trainable(&formula, spec.train.update_biases);
    check_dimension(
        &optimizer,
        trainable.len(),
        &format!(
            "this network's {} trainable parameters",
            crate::number::format_thousands(trainable.len() as u64)
        ),
    )?;
    if matches!(optimizer, OptimizerConfig::Newton(_)) {
        formula.build_hessian(&trainable);
    }
    let tapes = Tapes::compile(&formula);
    let initial = initial_values(&formula, &spec);
    let model = Model {
        formula: &formula,
        tapes: &tapes,
        loss: spec.loss,
    };
    if let Some(fault) = start_fault(model, &data, validation.as_ref(), &initial) {
        return Err(fault.into_error(&spec));
    }
    let options = TrainOptions {
        optimizer,
        epochs,
        batch_size,
        shuffle: !args.no_shuffle,
        drop_last: args.drop_last,
        seed: args.seed,
        target_loss: args.target_loss,
        patience: args.patience,
        update_biases: spec.train.update_biases,
        record_iterations: args.log_iterations
            || args.plot.is_some()
            || !args.compare_batch.is_empty(),
        record_parameters: false,
    };
    let run_one = |options: &TrainOptions| -> Training {
        let mut bar = Progress::new(options.epochs);
        train(
            model,
            &data,
            validation.as_ref(),
            initial.clone(),
            options,
            &mut |e: &EpochRecord| bar.tick(e),
        )
    };
    let comparison = if args.compare_batch.is_empty() {
        None
    } else {
        let mut runs = Vec::new();
        for text in &args.compare_batch {
            let size = match text.trim() {
                "N" | "n" | "all" => data.len(),
                other => other.parse::<usize>().map_err(|_| {
                    Error::usage(
                        format!("--compare-batch: '{other}' is not a batch size"),
                        "give sizes such as 1,16,N (N: all the samples)",
                    )
                })?,
            };
            if size == 0 || size > data.len() {
                return Err(Error::usage(
                    format!(
                        "--compare-batch: {size} is not between 1 and the {} samples",
                        data.len()
                    ),
                    "give sizes such as 1,16,N",
                ));
            }
            runs.push((
                size,
                run_one(&TrainOptions {
                    batch_size: size,
                    ..options
                }),
            ));
        }
        Some(BatchComparison { runs })
    };
    let training = match &comparison {
        Some(c) => c
            .runs
            .last()
            .map(|(_, t)| t.clone())
            .unwrap_or_else(|| run_one(&options)),
        None => run_one(&options),
    };
    let (weights, biases) = to_shapes(&formula, &spec, &training.params);
    // Everything to write is made first, so that a failure leaves no file
    // behind from this run.
    let saved = args.save.as_ref().map(|path| {
        let json = serde_json::json!({
            "stepgrad": "parameters",
            "network": {"layers": spec.layers, "activations": spec.activations.iter().map(|a| a.name()).collect::<Vec<_>>(), "bias": spec.bias.name(), "loss": spec.loss.name()},
            "W": weights,
            "b": biases,
        });
        let mut text = serde_json::to_string_pretty(&json).unwrap_or_default();
        text.push('\n');
        (path, text)
    });
    let report = TrainReport {
        spec: &spec,
        source: &source,
        data: &data,
        validation: validation.as_ref(),
        training: &training,
        options: &options,
        standardized: args.standardize,
        log_every: args
            .log_every
            .unwrap_or_else(|| (training.epochs.len() / 10).max(1)),
        log_iterations: args.log_iterations,
        comparison: comparison.as_ref(),
        params: (weights, biases),
        plot: args.plot.as_ref().map(|p| p.display().to_string()),
        saved: args.save.as_ref().map(|p| p.display().to_string()),
    };
    let picture = match &args.plot {
        Some(path) => {
            let svg = crate::report::train::plot(&report).map_err(|message| Error::Io {
                path: path.display().to_string(),
                message,
            })?;
            Some((path, svg))
        }
        None => None,
    };
    for (path, contents) in saved.iter().chain(&picture) {
        write_file_atomically(path, contents.as_bytes())?;
    }
    let stdout = render(&report, context.format, &context.style);
    let note = match context.format {
        Format::Csv => csv_note(&report).unwrap_or_default(),
        _ => String::new(),
    };
    drop(report);
    // A large network's formulas and tapes, and a large data set, take a
    // noticeable time to free (half a second for 230,000 parameters and
    // a million samples), which would hold back the report, also after a
    // Ctrl-C; they are freed on another thread, which the binary does not
    // wait for.
    std::thread::spawn(move || drop((formula, tapes, data, validation, comparison)));
    if let TrainStop::Diverged {
        epoch,
        iteration,
        reason,
    } = &training.stop
    {
        let lr = optimizer.lr().map_or(String::new(), |lr| {
            format!(
                "the learning rate {} is too large for this network; try --lr {}",
                crate::number::format_significant(lr, 6),
                crate::number::format_significant(lr / 10.0, 6)
            )
        });
        let error = Error::Diverged {
            message: format!("training diverged at epoch {epoch}, iteration {iteration}: {reason}"),
            hint: if lr.is_empty() {
                "start from other weights or use a first-order optimizer".into()
            } else {
                lr
            },
        };
        return Ok(Written {
            stdout,
            stderr: note + &error.render(context.error_color),
            code: error.exit_code(),
        });
    }
    Ok(Written {
        stdout,
        stderr: note,
        code: 0,
    })
}

/// A progress bar on stderr, shown only when stderr is a terminal and the
/// run has lasted more than a second.
struct Progress {
    epochs: usize,
    started: std::time::Instant,
    bar: Option<indicatif::ProgressBar>,
    terminal: bool,
}

impl Progress {
    fn new(epochs: usize) -> Progress {
        Progress {
            epochs,
            started: std::time::Instant::now(),
            bar: None,
            terminal: std::io::stderr().is_terminal(),
        }
    }

    fn tick(&mut self, e: &EpochRecord) {
        if !self.terminal {
            return;
        }
        if self.bar.is_none() && self.started.elapsed().as_secs_f64() > 1.0 {
            let bar = indicatif::ProgressBar::new(self.epochs as u64);
            bar.set_style(
                indicatif::ProgressStyle::with_template(
                    "{bar:40} epoch {pos}/{len}  loss {msg}  [{elapsed} elapsed, {eta} left]",
                )
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            );
            self.bar = Some(bar);
        }
        if let Some(bar) = &self.bar {
            bar.set_position(e.epoch as u64);
            bar.set_message(crate::number::format_significant(e.loss, 4));
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
