//! What a `train` run will do, checked before any work: [`TrainPlan`],
//! made from the plain options of a [`TrainRequest`], the network and the
//! data.
//!
//! The plan reads the parameters of `--init-from`, holds out the
//! validation part and standardises, resolves the epochs and the batch size
//! (the options, else the spec's `[train]`, else 100 epochs of the whole
//! set), chooses the optimizer, and refuses every setting that cannot run,
//! with the limit or the range it breaks and how to fix it; with
//! `--compare`, each optimizer is configured and checked as its own run
//! would be (`compare`). Then
//! [`TrainPlan::model`] compiles the network and refuses a start without
//! finite values, and [`TrainPlan::run`] trains.
//!
//! Invariant: a plan's options can run — epochs within
//! `limits::MAX_EPOCHS`, a batch of 1 to all the training samples, a
//! second-order method only on the whole batch and within its variables —
//! and its network fits its data.

use super::compare::compared_optimizers;
use super::model_file;
use super::start::{start_fault, Start};
use super::tapes::Tapes;
use super::target_scale::{scale_targets, TargetScale};
use super::trainer::{train_from, Model, TrainOptions, Training};
use crate::data::Dataset;
use crate::i18n::Text;
use crate::interrupt::Control;
use crate::limits::MAX_EPOCHS;
use crate::network::{NetworkFormula, ParamList, Spec};
use crate::number::format_thousands;
use crate::optim::{check_dimension, OptimizerChoice, OptimizerConfig, Schedule};
use crate::text;
use crate::Error;

/// Epochs of a run that neither the options nor the spec set.
const DEFAULT_EPOCHS: usize = 100;

/// A batch size as asked for: a number of samples, or all of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BatchSize {
    Samples(usize),
    All,
}

/// What `train` was asked to do, as given (the command line fills it in).
#[derive(Clone, Debug, Default)]
pub struct TrainRequest {
    pub seed: u64,
    pub standardize: bool,
    /// Standardise regression targets with the training part's statistics.
    pub standardize_targets: bool,
    /// The fraction held out for validation.
    pub val: Option<f64>,
    pub epochs: Option<usize>,
    pub batch_size: Option<BatchSize>,
    pub shuffle: bool,
    pub drop_last: bool,
    pub optimizer: OptimizerChoice,
    pub target_loss: Option<f64>,
    pub patience: Option<usize>,
    pub log_every: Option<usize>,
    /// Keep every iteration's batch loss (for JSON, a picture, a
    /// comparison).
    pub record_iterations: bool,
    /// The batch sizes to compare, as written ("1", "16", "N").
    pub compare_batch: Vec<String>,
    /// The optimizers to compare (`--compare`), by name.
    pub compare_optimizers: Vec<String>,
    /// Whether the trained model is to be written (`--save`).
    pub save: bool,
    /// The column the classes were read from, for the model file.
    pub label_column: Option<String>,
    /// Keep the parameters of the best epoch (`--restore-best`).
    pub restore_best: bool,
    /// The learning rate epoch by epoch (`--schedule`, `--warmup`).
    pub schedule: Schedule,
}

/// A run of `train`, checked: the network, the data and the options.
pub struct TrainPlan {
    pub spec: Spec,
    /// Where the data came from.
    pub source: String,
    /// The training part, and the validation part when one is held out
    /// (both standardised with the training part's statistics, when asked).
    pub data: Dataset,
    pub validation: Option<Dataset>,
    pub standardized: bool,
    /// The training part's mean and standard deviation per feature, when
    /// standardised.
    pub statistics: Option<Vec<(f64, f64)>>,
    /// The targets' scale: standardised (with the training part's
    /// statistics), or as given and perhaps far from unit scale.
    pub target_scale: TargetScale,
    /// The samples of the data held out for validation, by their index in
    /// the data as given.
    pub validation_rows: Vec<usize>,
    pub label_column: Option<String>,
    pub options: TrainOptions,
    /// The batch sizes to compare, each from 1 to all the samples.
    pub compare: Vec<usize>,
    /// The optimizers to compare (`--compare`), by the name given.
    pub compare_optimizers: Vec<(String, OptimizerConfig)>,
    /// A table row every this many epochs (`None`: about ten rows).
    pub log_every: Option<usize>,
}

/// The parameters a run starts from, read from a file: its name as given
/// and its text.
pub struct StartFile<'a> {
    pub shown: &'a str,
    pub text: &'a str,
}

impl TrainPlan {
    /// The plan for `request` on `spec` and `data` (from `source`),
    /// starting from the parameters of `start` when given.
    pub fn new(
        request: &TrainRequest,
        mut spec: Spec,
        data: Dataset,
        source: String,
        start: Option<StartFile>,
    ) -> Result<TrainPlan, Error> {
        if let Some(file) = start {
            spec.parameters = model_file::read(file.shown, file.text, &spec, &data.feature_names)?;
            spec.parameters_at = None;
        }
        let parts = held_out(data, request)?;
        let (data, validation) = (parts.training, parts.validation);
        let epochs = epochs(request, &spec)?;
        let batch_size = batch_size(request, &spec, &data, validation.is_some())?;
        let check = |optimizer: &OptimizerConfig| {
            check_settings(request, optimizer, batch_size, data.len())?;
            crate::optim::schedule::check(&request.schedule, optimizer)
        };
        let compare_optimizers = compared_optimizers(request, &spec, check)?;
        // The run reported beside a comparison is its last.
        let optimizer = match compare_optimizers.last() {
            Some((_, config)) => *config,
            None => {
                let optimizer = request
                    .optimizer
                    .config(&spec.train.optimizer, &spec.train.hyperparameters)?;
                check(&optimizer)?;
                optimizer
            }
        };
        let compare = request
            .compare_batch
            .iter()
            .map(|text| compared_size(text, data.len()))
            .collect::<Result<_, _>>()?;
        let options = TrainOptions {
            optimizer,
            epochs,
            batch_size,
            shuffle: request.shuffle,
            drop_last: request.drop_last,
            seed: request.seed,
            target_loss: request.target_loss,
            patience: request.patience,
            update_biases: spec.train.update_biases,
            record_iterations: request.record_iterations,
            record_parameters: false,
            keep_best: request.restore_best,
            schedule: request.schedule,
        };
        Ok(TrainPlan {
            spec,
            source,
            data,
            validation,
            standardized: request.standardize,
            statistics: parts.statistics,
            target_scale: parts.target_scale,
            validation_rows: parts.validation_rows,
            label_column: request.label_column.clone(),
            options,
            compare,
            compare_optimizers,
            log_every: request.log_every,
        })
    }
}

/// The data cut into its parts, standardised as asked.
struct Parts {
    training: Dataset,
    validation: Option<Dataset>,
    statistics: Option<Vec<(f64, f64)>>,
    target_scale: TargetScale,
    validation_rows: Vec<usize>,
}

/// The training part and the validation part, standardised as asked.
fn held_out(data: Dataset, request: &TrainRequest) -> Result<Parts, Error> {
    let mut validation_rows = Vec::new();
    let (mut data, mut validation) = match request.val {
        None => (data, None),
        Some(_) if data.len() < 2 => {
            return Err(Error::told(
                text!("train-val-too-few"),
                text!("train-val-too-few-hint"),
            ))
        }
        Some(f) if f > 0.0 && f < 1.0 => {
            let (train, val) = data.split_indices(f, request.seed);
            let parts = (data.subset(&train), Some(data.subset(&val)));
            validation_rows = val;
            parts
        }
        Some(f) => {
            return Err(Error::told(
                text!("train-val-range", fraction = f.to_string()),
                text!("train-val-hint"),
            ))
        }
    };
    let mut statistics = None;
    if request.standardize {
        let s = data.feature_statistics();
        data.standardize(&s);
        if let Some(v) = &mut validation {
            v.standardize(&s);
        }
        statistics = Some(s);
    }
    let target_scale = scale_targets(&mut data, validation.as_mut(), request.standardize_targets)?;
    Ok(Parts {
        training: data,
        validation,
        statistics,
        target_scale,
        validation_rows,
    })
}

/// The epochs to run: the option, else the spec's, else 100.
fn epochs(request: &TrainRequest, spec: &Spec) -> Result<usize, Error> {
    let epochs = request
        .epochs
        .or(spec.train.epochs)
        .unwrap_or(DEFAULT_EPOCHS);
    if epochs == 0 || epochs > MAX_EPOCHS {
        let given = if request.epochs.is_some() {
            text!("train-given-epochs-option", epochs = epochs.to_string())
        } else {
            text!("train-given-epochs-spec", epochs = epochs.to_string())
        };
        return Err(Error::told(
            text!(
                "train-epochs-range",
                given = given,
                max = format_thousands(MAX_EPOCHS as u64)
            ),
            text!("train-epochs-hint"),
        ));
    }
    Ok(epochs)
}

/// The batch size: the option, else the spec's, else all the samples;
/// from 1 to all of them.
fn batch_size(
    request: &TrainRequest,
    spec: &Spec,
    data: &Dataset,
    validation: bool,
) -> Result<usize, Error> {
    let n = data.len();
    let asked = request.batch_size.map(|b| match b {
        BatchSize::All => n,
        BatchSize::Samples(k) => k,
    });
    let batch_size = asked.or(spec.train.batch_size).unwrap_or(n);
    if batch_size > 0 && batch_size <= n {
        return Ok(batch_size);
    }
    let size = batch_size.to_string();
    let given = if asked.is_some() {
        text!("train-given-batch-option", size = &size)
    } else {
        text!("train-given-batch-spec", size = &size)
    };
    let training = if validation {
        text!(
            "train-training-samples-after-val",
            n = n.to_string(),
            count = n
        )
    } else {
        text!("train-training-samples", n = n.to_string(), count = n)
    };
    let problem = if batch_size == 0 {
        text!("train-batch-empty", given = given)
    } else {
        text!("train-batch-too-big", given = given, training = training)
    };
    let hint = if asked.is_some() {
        text!("train-batch-hint-option", n = n.to_string())
    } else {
        text!("train-batch-hint-spec", n = n.to_string())
    };
    Err(Error::told(problem, hint))
}

/// The settings that must agree with the batch and be in range.
fn check_settings(
    request: &TrainRequest,
    optimizer: &OptimizerConfig,
    batch_size: usize,
    samples: usize,
) -> Result<(), Error> {
    if request.drop_last && samples < batch_size {
        return Err(Error::told(
            text!("train-drop-last-all"),
            text!("train-drop-last-hint"),
        ));
    }
    if optimizer.is_second_order() && batch_size < samples {
        let title = Text::in_each_language(|lang| optimizer.title_in(lang));
        return Err(Error::told(
            text!("train-whole-set", optimizer = title),
            text!("train-whole-set-hint", samples = samples.to_string()),
        ));
    }
    if let Some(t) = request.target_loss {
        if !t.is_finite() || t < 0.0 {
            return Err(Error::told(
                text!("train-target-loss", loss = t.to_string()),
                text!("train-target-loss-hint"),
            ));
        }
    }
    if request.patience == Some(0) {
        return Err(Error::told(
            text!("train-patience-zero"),
            text!("train-patience-hint"),
        ));
    }
    if request.log_every == Some(0) {
        return Err(Error::told(
            text!("train-log-every-zero"),
            text!("train-log-every-hint"),
        ));
    }
    Ok(())
}

/// One batch size of `--compare-batch`: a number of samples, or N for all
/// the `samples`.
fn compared_size(text: &str, samples: usize) -> Result<usize, Error> {
    let size = match text.trim() {
        "N" | "n" | "all" => samples,
        other => other.parse::<usize>().map_err(|_| {
            Error::told(
                text!("train-compare-not-size", size = other),
                text!("train-compare-not-size-hint"),
            )
        })?,
    };
    if size == 0 || size > samples {
        return Err(Error::told(
            text!(
                "train-compare-range",
                size = size.to_string(),
                samples = samples.to_string()
            ),
            text!("train-compare-range-hint"),
        ));
    }
    Ok(size)
}

/// A plan's network compiled for training, with the parameters it starts
/// from.
pub struct Compiled {
    pub params: ParamList,
    pub tapes: Tapes,
    pub initial: Vec<f64>,
    /// The sets laid out, and evaluated with `initial`.
    pub start: Start,
}

/// Runs of a plan: the one reported, with `--compare-batch` one per
/// batch size compared, and with `--compare` one per optimizer.
pub struct Runs {
    pub training: Training,
    pub compared: Vec<(usize, Training)>,
    pub optimizers: Vec<(String, Training)>,
}

impl TrainPlan {
    /// The network compiled (with its Hessian for Newton's method, within
    /// the method's variables), refused when a value has no finite value
    /// before the first update.
    pub fn model(&self) -> Result<Compiled, Error> {
        let spec = &self.spec;
        let newton = self
            .optimizers()
            .any(|c| matches!(c, OptimizerConfig::Newton(_)));
        // The layer tape needs only the network's structure: the formulas
        // are built only for Newton's Hessian, or to name a fault.
        let params = ParamList::of_spec(spec);
        let trainable = params.trainable(spec.train.update_biases);
        for optimizer in self.optimizers() {
            let what = crate::text!("optim-what-parameters", count = trainable.len());
            check_dimension(optimizer, trainable.len(), what).map_err(|error| {
                match self.compare_optimizers.is_empty() {
                    true => error,
                    false => crate::optim::in_compare(error),
                }
            })?;
        }
        let hessian = newton.then(|| {
            let mut formula = NetworkFormula::build(spec);
            formula.build_hessian(&trainable);
            formula
        });
        let tapes = Tapes::layered(spec, hessian.as_ref());
        let initial = params.initial_values(spec);
        let model = Model {
            params: &params,
            tapes: &tapes,
            loss: spec.loss,
        };
        let validation = self.validation.as_ref();
        let start = Start::evaluated(model, &self.data, validation, &initial);
        if start.evaluated.is_none() {
            // The fault is named from the formulas of the gradient too.
            let full = NetworkFormula::build(spec);
            if let Some(fault) = start_fault(model, &full, &self.data, validation, &initial) {
                return Err(fault.into_error(spec));
            }
        }
        Ok(Compiled {
            params,
            tapes,
            initial,
            start,
        })
    }

    /// Trains the compiled network: once, or from the same start with each
    /// batch size compared (the last of them is the run reported).
    pub fn run(&self, compiled: &Compiled, control: Control) -> Runs {
        let model = Model {
            params: &compiled.params,
            tapes: &compiled.tapes,
            loss: self.spec.loss,
        };
        let run = |options: &TrainOptions| {
            let initial = compiled.initial.clone();
            train_from(model, &compiled.start, initial, options, control)
        };
        let compared: Vec<(usize, Training)> = self
            .compare
            .iter()
            .map(|&batch_size| {
                let options = TrainOptions {
                    batch_size,
                    ..self.options
                };
                (batch_size, run(&options))
            })
            .collect();
        let optimizers: Vec<(String, Training)> = self
            .compare_optimizers
            .iter()
            .map(|(name, optimizer)| {
                let options = TrainOptions {
                    optimizer: *optimizer,
                    ..self.options
                };
                (name.clone(), run(&options))
            })
            .collect();
        let last = compared.last().map(|r| &r.1);
        let training = match last.or(optimizers.last().map(|r| &r.1)) {
            Some(last) => last.clone(),
            None => run(&self.options),
        };
        Runs {
            training,
            compared,
            optimizers,
        }
    }

    /// The optimizers the plan runs: the one chosen, or those compared.
    fn optimizers(&self) -> impl Iterator<Item = &OptimizerConfig> {
        let compared = self.compare_optimizers.iter().map(|(_, c)| c);
        let single = self.compare_optimizers.is_empty();
        compared.chain(single.then_some(&self.options.optimizer))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{builtin, Generation};

    fn request() -> TrainRequest {
        TrainRequest {
            shuffle: true,
            ..TrainRequest::default()
        }
    }

    fn xor_plan(request: &TrainRequest) -> Result<TrainPlan, Error> {
        let data = builtin("xor", &Generation::default()).unwrap();
        let spec = super::super::fit::network_for(
            None,
            &data,
            "builtin:xor",
            Default::default(),
            crate::i18n::Lang::En,
        )
        .unwrap();
        TrainPlan::new(request, spec, data, "builtin:xor".into(), None)
    }

    #[test]
    fn a_plan_resolves_what_was_not_given() {
        let plan = xor_plan(&request()).unwrap();
        // 100 epochs of the whole set with the network's Adam.
        assert_eq!(plan.options.epochs, 100);
        assert_eq!(plan.options.batch_size, 4);
        assert_eq!(plan.options.optimizer.lr(), Some(0.01));
        let all = TrainRequest {
            batch_size: Some(BatchSize::All),
            compare_batch: vec!["1".into(), "N".into()],
            ..request()
        };
        let plan = xor_plan(&all).unwrap();
        assert_eq!((plan.options.batch_size, plan.compare), (4, vec![1, 4]));
    }

    #[test]
    fn settings_that_cannot_run_are_refused_with_their_reason() {
        let newton = OptimizerChoice {
            name: Some("newton".into()),
            ..OptimizerChoice::default()
        };
        let cases: Vec<(TrainRequest, &str)> = vec![
            (
                TrainRequest {
                    epochs: Some(0),
                    ..request()
                },
                "--epochs 0: train for between 1 and 1,000,000 epochs",
            ),
            (
                TrainRequest {
                    epochs: Some(MAX_EPOCHS + 1),
                    ..request()
                },
                "train for between 1 and 1,000,000 epochs",
            ),
            (
                TrainRequest {
                    batch_size: Some(BatchSize::Samples(5)),
                    ..request()
                },
                "a batch cannot hold more than the 4 training samples",
            ),
            (
                TrainRequest {
                    batch_size: Some(BatchSize::Samples(0)),
                    ..request()
                },
                "a batch needs at least one sample",
            ),
            (
                TrainRequest {
                    val: Some(1.5),
                    ..request()
                },
                "--val 1.5: the fraction must lie strictly between 0 and 1",
            ),
            (
                TrainRequest {
                    batch_size: Some(BatchSize::Samples(2)),
                    optimizer: newton,
                    ..request()
                },
                "works on the whole training set, not on mini-batches",
            ),
            (
                TrainRequest {
                    target_loss: Some(-1.0),
                    ..request()
                },
                "--target-loss -1: it must be a number ≥ 0",
            ),
            (
                TrainRequest {
                    patience: Some(0),
                    ..request()
                },
                "--patience 0 would stop at once",
            ),
            (
                TrainRequest {
                    log_every: Some(0),
                    ..request()
                },
                "--log-every 0",
            ),
            (
                TrainRequest {
                    compare_batch: vec!["x".into()],
                    ..request()
                },
                "--compare-batch: 'x' is not a batch size",
            ),
            (
                TrainRequest {
                    compare_batch: vec!["9".into()],
                    ..request()
                },
                "--compare-batch: 9 is not between 1 and the 4 samples",
            ),
        ];
        for (request, message) in cases {
            let error = xor_plan(&request)
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default();
            assert!(error.contains(message), "{message}: {error}");
        }
    }
}
