//! Expressions: the hash-consed graph, its constructors, the parser (with
//! its reader of textbook notation), the printers, the evaluator and the
//! simplifier. Nothing here knows about derivatives, networks or the
//! command line.

mod build;
pub mod domain;
mod eval;
pub mod exact;
mod grammar;
mod graph;
mod lex;
mod notation;
mod parse;
mod parse_error;
mod print;
mod reading;
mod simplify;
mod stable;

pub use build::is_short_decimal;
pub use eval::{evaluate, log_sum_exp, DomainDetail, EvalError, Evaluator, Failure, Point};
pub use graph::{
    gelu, sigmoid, softplus, Constant, Func, Graph, Id, Node, Number, LEAKY_RELU_SLOPE, LOG_SUM_EXP,
};
pub use parse::{format_exact, parse, parse_binary, parse_noting_notation, Parsed};
pub use parse_error::{
    closest_name, edit_distance, Ambiguity, ParseError, ParseErrorKind, Readings, Side,
    UndefinedOperation, MAX_INPUT_LEN, MAX_PAREN_DEPTH, MAX_TREE_HEIGHT,
};
pub use print::{
    ascii, latex, latex_name, print, print_definition, print_named, unicode, unicode_name,
    write_name, Names, Notation,
};
pub use reading::{reading, reading_of, Reading};
pub use simplify::{simplify, simplify_with_conditions, Simplifications, Simplified};
pub use stable::{log_sigmoid, stable_form, StableForm};
