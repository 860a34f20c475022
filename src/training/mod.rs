//! Training networks on data: the epoch arithmetic, the compiled tapes, and
//! the loop of shuffled batches and optimizer steps.

mod arithmetic;
mod start;
mod trainer;

pub use arithmetic::EpochArithmetic;
pub use start::start_fault;
pub use trainer::{
    evaluate, train, Columns, EpochRecord, Evaluation, IterationRecord, Model, Tapes, TrainOptions,
    TrainStop, Training,
};
