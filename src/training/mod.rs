//! Training networks on data: the plan of a run, the network fitted to its
//! data, the data sets, the epoch arithmetic, the compiled tapes, the loop
//! of shuffled batches and optimizer steps, early stopping, and the file
//! of saved parameters.
//!
//! `plan` checks a run before any work (`TrainPlan`), `fit` builds or
//! reshapes the network for the data, `sets` loads the data within the
//! limits, `model_file` writes and reads `--save`'s file, `tapes` compiles
//! the formulas for batches, `trainer` runs the epochs, `start` refuses a
//! start without finite values, `early_stopping` is Keras's rule, and
//! `arithmetic` counts epochs, batches and iterations; `apply` runs a
//! saved model forward over samples, `metrics` scores its predictions and
//! `outcome` gives a finished run's model file, metrics and best epoch;
//! `compare` configures the optimizers of `--compare`.

mod apply;
mod arithmetic;
mod columns;
mod compare;
mod early_stopping;
mod fit;
pub mod metrics;
pub mod model_file;
mod outcome;
mod plan;
mod sets;
mod start;
mod tapes;
mod target_scale;
mod trainer;

pub use apply::{samples_for_model, true_class, Applied, Kind, Prediction, Samples};
pub use arithmetic::EpochArithmetic;
pub use columns::Columns;
pub use early_stopping::{BestEpoch, EarlyStopping, Monitor};
pub use fit::{check_hidden, hidden_activation, network_for, Built};
pub use outcome::{best_epoch, label_column, PartMetrics};
pub use plan::{BatchSize, Compiled, Runs, StartFile, TrainPlan, TrainRequest};
pub use sets::{builtin_set, csv_set, spec_set, ColumnChoice};
pub use start::{start_fault, Start};
pub use tapes::{evaluate, evaluate_judging_gradient, Evaluation, Tapes};
pub use target_scale::TargetScale;
pub use trainer::{
    train, train_from, EpochRecord, Interruption, IterationRecord, Model, TrainOptions, TrainStop,
    Training,
};
