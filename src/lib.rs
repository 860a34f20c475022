//! stepgrad: gradient descent and backpropagation, derived step by step.
//!
//! The pipeline is text → expression graph (`expr`) → derivative with its
//! derivation (`calculus`) → report (`report`), with the command line
//! (`cli`) parsing arguments and choosing what to compute. The library never
//! prints: `cli::run` returns what to write and the exit code, and the
//! binary writes it.

pub mod calculus;
pub mod cli;
pub mod data;
pub mod diagnostic;
pub mod error;
pub mod expr;
pub mod i18n;
pub mod interrupt;
pub mod lesson;
pub mod limits;
pub mod network;
pub mod number;
pub mod optim;
pub mod plot;
pub mod practice;
pub mod report;
pub mod tape;
pub mod text_file;
pub mod toml_text;
pub mod training;
pub mod wrap;

pub use error::Error;
