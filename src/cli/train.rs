//! `stepgrad train`: a network trained on data in batches, epoch by epoch,
//! and `stepgrad epochs`: the arithmetic of epochs and iterations.
//!
//! The command line reads the files a run names (the spec, a CSV,
//! `--init-from`), hands the library a `TrainRequest` to plan
//! (`training::TrainPlan`), runs the plan with the binary's control
//! (Ctrl-C, the progress bar), renders the report and writes the files.

use super::inputs::{
    check_output_file, parse_count, read_named_file, GeneratedSetArgs, ValueRefused,
};
use super::optimizer_args::{CompareArgs, OptimizerArgs};
use super::{write_file_atomically, Context, Written};
use crate::data::Dataset;
use crate::network::{load_spec, Parameters, Spec};
use crate::optim::{schedule, Schedule};
use crate::report::metrics::RunMetrics;
use crate::report::train::{csv_note, divergence, render, BatchComparison, TrainReport};
use crate::report::train_compare::{ComparedRun, OptimizerComparison};
use crate::report::Format;
use crate::training::{
    best_epoch, builtin_set, check_hidden, csv_set, label_column, model_file, network_for,
    spec_set, BatchSize, Built, ColumnChoice, Compiled, EpochArithmetic, Runs, StartFile,
    TrainPlan, TrainRequest,
};
use crate::Error;
use clap::Args;
use std::path::PathBuf;

#[derive(Args, Debug, Clone)]
pub struct TrainArgs {
    /// A network spec (file or built-in example); without one, a network is built for the data
    pub spec: Option<String>,
    /// The data: a CSV file, or builtin:NAME (xor, and, or, iris, circle, gauss, spiral, xor-noise, line, parabola, digits)
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
    /// Rescale regression targets to mean 0 and standard deviation 1 (statistics of the training part); predictions and metrics stay in the targets' units
    #[arg(long)]
    pub standardize_targets: bool,
    /// Hold out this fraction of the data for validation, e.g. --val 0.2
    #[arg(long, value_name = "FRACTION", allow_hyphen_values = true)]
    pub val: Option<f64>,
    #[command(flatten)]
    pub generated: GeneratedSetArgs,
    /// The hidden layers' sizes, replacing the spec's (the weights are then drawn afresh), e.g. --hidden 4 or --hidden 16,8
    #[arg(long, value_delimiter = ',', value_name = "SIZES", value_parser = parse_count, allow_negative_numbers = true)]
    pub hidden: Vec<usize>,
    /// The hidden layers' activation of the network built for the data (without a spec): sigmoid, tanh (the default), relu, identity, softplus, silu, leaky_relu, elu or gelu
    #[arg(long, value_name = "NAME")]
    pub activation: Option<String>,
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
    #[command(flatten)]
    pub compared: CompareArgs,
    /// End with the parameters of the best epoch (smallest validation loss, else training loss)
    #[arg(long)]
    pub restore_best: bool,
    /// Learning-rate schedule per epoch: step:EVERY:GAMMA, exponential:GAMMA or cosine[:MIN_LR] (PyTorch's StepLR, ExponentialLR, CosineAnnealingLR)
    #[arg(long, value_name = "SCHEDULE")]
    pub schedule: Option<String>,
    /// Epochs of linear warm-up of the learning rate before the schedule
    #[arg(long, value_name = "EPOCHS", value_parser = parse_count, allow_negative_numbers = true)]
    pub warmup: Option<usize>,
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

const FORMATS: [Format; 5] = Format::ALL_BUT_DOT;

pub fn run_epochs(args: &EpochsArgs, context: &Context) -> Result<Written, Error> {
    context.require_format(
        "epochs",
        &[Format::Text, Format::Markdown, Format::Latex, Format::Json],
    )?;
    let a = EpochArithmetic::checked(args.samples, args.batch_size, args.epochs, args.drop_last)?;
    Ok(Written::ok(crate::report::epochs::render_epochs(
        &a,
        context.format,
        &context.style,
    )))
}

fn parse_batch_size(text: &str) -> Result<BatchSize, ValueRefused> {
    match text.trim() {
        "N" | "n" | "all" => Ok(BatchSize::All),
        number => number.parse().map(BatchSize::Samples).map_err(|_| {
            ValueRefused(if number.parse::<f64>().is_ok_and(|x| x < 0.0) {
                crate::text!("train-batch-size-negative")
            } else {
                crate::text!("train-batch-size-not-a-number", value = number)
            })
        }),
    }
}

pub fn run(args: &TrainArgs, context: &Context) -> Result<Written, Error> {
    context.require_format("train", &FORMATS)?;
    check_hidden(&args.hidden)?;
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
    let (data, source) = load_data(args, spec.as_ref(), context.style.lang)?;
    let built = Built {
        hidden: &args.hidden,
        activation: args.activation.as_deref(),
        seed: args.seed,
    };
    let spec = network_for(spec, &data, &source, built, context.style.lang)?;
    let start = match &args.init_from {
        Some(path) => Some((
            path.display().to_string(),
            read_named_file("--init-from", path)?,
        )),
        None => None,
    };
    let start = start
        .as_ref()
        .map(|(shown, text)| StartFile { shown, text });
    let plan = TrainPlan::new(&request(args, &source)?, spec, data, source, start)?;
    let compiled = plan.model()?;
    let runs = plan.run(&compiled, context.control);
    report(args, context, plan, compiled, runs)
}

/// The request the options make.
fn request(args: &TrainArgs, source: &str) -> Result<TrainRequest, Error> {
    let schedule = Schedule {
        decay: args.schedule.as_deref().map(schedule::parse).transpose()?,
        warmup: args.warmup.unwrap_or(0),
    };
    Ok(TrainRequest {
        seed: args.seed,
        standardize: args.standardize,
        standardize_targets: args.standardize_targets,
        val: args.val,
        epochs: args.epochs,
        batch_size: args.batch_size,
        shuffle: !args.no_shuffle,
        drop_last: args.drop_last,
        optimizer: args.optimizer.choice(),
        target_loss: args.target_loss,
        patience: args.patience,
        log_every: args.log_every,
        record_iterations: args.log_iterations
            || args.plot.is_some()
            || !args.compare_batch.is_empty(),
        compare_batch: args.compare_batch.clone(),
        compare_optimizers: args.compared.compare.clone(),
        save: args.save.is_some(),
        label_column: label_column(source, args.label.as_deref()),
        restore_best: args.restore_best,
        schedule,
    })
}

/// The data to train on, and where it came from: a built-in set, a CSV
/// file read here, or the spec's own samples.
fn load_data(
    args: &TrainArgs,
    spec: Option<&Spec>,
    lang: crate::i18n::Lang,
) -> Result<(Dataset, String), Error> {
    let choice = ColumnChoice {
        label: args.label.as_deref(),
        targets: &args.targets,
    };
    let Some(source) = &args.data else {
        return spec_set(spec, lang);
    };
    let data = match source.strip_prefix("builtin:") {
        Some(name) => {
            let generation = args.generated.generation(name, args.seed);
            builtin_set(source, name, &choice, &generation)?
        }
        None => {
            let columns = choice.columns(source)?;
            let text = read_named_file("--data", std::path::Path::new(source))?;
            csv_set(source, &text, &columns, spec)?
        }
    };
    Ok((data, source.clone()))
}

/// The report of the runs, and the files they write: everything is made
/// first, so that a failure leaves no file behind from this run.
fn report(
    args: &TrainArgs,
    context: &Context,
    plan: TrainPlan,
    compiled: Compiled,
    runs: Runs,
) -> Result<Written, Error> {
    let comparison = (!runs.compared.is_empty()).then_some(BatchComparison {
        runs: runs.compared,
    });
    let optimizers = optimizer_comparison(&plan, runs.optimizers);
    let training = &runs.training;
    let (weights, biases) = compiled.params.to_shapes(&plan.spec, &training.params);
    let model = plan.model_file(Parameters {
        weights: weights.clone(),
        biases: biases.clone(),
    });
    let parts = plan.part_metrics(&model);
    let saved = (args.save.as_ref()).map(|path| {
        (
            path,
            crate::report::json::document(&model_file::write_model(&model)),
        )
    });
    let report = TrainReport {
        spec: &plan.spec,
        source: &plan.source,
        data: &plan.data,
        validation: plan.validation.as_ref(),
        training,
        options: &plan.options,
        standardized: plan.standardized,
        target_scale: &plan.target_scale,
        log_every: plan
            .log_every
            .unwrap_or_else(|| (training.epochs.len() / 10).max(1)),
        log_iterations: args.log_iterations,
        comparison: comparison.as_ref(),
        optimizers: optimizers.as_ref(),
        params: (weights, biases),
        plot: args.plot.as_ref().map(|p| p.display().to_string()),
        saved: args.save.as_ref().map(|p| p.display().to_string()),
        run_metrics: (comparison.is_none() && optimizers.is_none()).then(|| RunMetrics {
            parts: &parts,
            best: best_epoch(training),
            restored: training.restored,
            validation_rows: &plan.validation_rows,
        }),
    };
    write_files(&report, args.plot.as_ref(), saved, context.style.lang)?;
    let stdout = render(&report, context.format, &context.style);
    let note = match context.format {
        Format::Csv => csv_note(&report, context.style.lang).unwrap_or_default(),
        _ => String::new(),
    };
    let diverged = divergence(&report, context.style.lang);
    drop(report);
    free_in_background((compiled, plan, comparison, optimizers));
    Ok(Written::with_verdict(stdout, note, diverged, context))
}

/// The runs of `--compare`, each with its optimizer.
fn optimizer_comparison(
    plan: &TrainPlan,
    runs: Vec<(String, crate::training::Training)>,
) -> Option<OptimizerComparison> {
    let runs: Vec<ComparedRun> = (plan.compare_optimizers.iter().zip(runs))
        .map(|((_, optimizer), (name, training))| ComparedRun {
            name,
            optimizer: *optimizer,
            best: best_epoch(&training),
            training,
        })
        .collect();
    (!runs.is_empty()).then_some(OptimizerComparison { runs })
}

/// Frees what a run built on another thread, which the binary does not
/// wait for: a large network's formulas and tapes, and a large data set,
/// take a noticeable time to free (half a second for 230,000 parameters
/// and a million samples), which would hold back the report, also after a
/// Ctrl-C.
fn free_in_background<T: Send + 'static>(built: T) {
    std::thread::spawn(move || drop(built));
}

/// The picture (`--plot`) and the model file (`--save`), each written
/// whole, once both are made.
fn write_files(
    report: &TrainReport,
    plot: Option<&PathBuf>,
    saved: Option<(&PathBuf, String)>,
    lang: crate::i18n::Lang,
) -> Result<(), Error> {
    let picture = match plot {
        Some(path) => Some((path, picture(report, path, lang)?)),
        None => None,
    };
    for (path, contents) in saved.iter().chain(&picture) {
        write_file_atomically(path, contents.as_bytes())?;
    }
    Ok(())
}

/// The picture of the run, for the file `path`.
fn picture(
    report: &TrainReport,
    path: &std::path::Path,
    lang: crate::i18n::Lang,
) -> Result<String, Error> {
    crate::report::train::plot(report, lang).map_err(|message| Error::Io {
        path: path.display().to_string(),
        message,
    })
}
