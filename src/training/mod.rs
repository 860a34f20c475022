//! Training networks on data: the epoch arithmetic, the compiled tapes, the
//! loop of shuffled batches and optimizer steps, and early stopping.

mod arithmetic;
mod early_stopping;
mod start;
mod trainer;

pub use arithmetic::EpochArithmetic;
pub use early_stopping::{BestEpoch, EarlyStopping, Monitor};
pub use start::start_fault;
pub use trainer::{
    evaluate, train, Columns, EpochRecord, Evaluation, Interruption, IterationRecord, Model, Tapes,
    TrainOptions, TrainStop, Training,
};
