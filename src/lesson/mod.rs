//! Lessons: the course taught in the terminal, in English and Korean, by
//! running stepgrad's own commands on worked examples, with exercises that
//! stepgrad checks.
//!
//! `document` reads a lesson file (with `front_matter`, `body` and
//! `exercise_block`, over `source` and `toml_block`), `catalog` holds the
//! built-in ones, `present` writes a lesson's pages (running its
//! commands; `present_exercise` the exercises and the solutions), `exercise`
//! judges answers (`rounding` reads significant digits), and `interactive` walks a student
//! through the pages.
//! The commands run through a dispatcher handed in by the caller, so this
//! module knows nothing of the command line.

mod body;
mod catalog;
mod document;
mod exercise;
mod exercise_block;
mod front_matter;
mod interactive;
pub mod practice;
mod present;
mod present_exercise;
mod present_latex;
mod rounding;
mod source;
mod strings;
mod toml_block;
mod words;

pub use catalog::builtin;
pub use document::{
    line_error, parse_lesson, CommandBlock, CommandLine, Exercise, ExerciseKind, Item, Lesson,
    Prediction, Section, DEFAULT_TOLERANCE,
};
pub use exercise::{judge, question_text, solution, Verdict};
pub use interactive::interact;
pub use present::{wrap, CommandOutput, LessonFormat, Piece, Presenter, Runner, WIDTH};
pub use strings::{strings, Strings};
