//! Lessons: the course taught in the terminal, in English and Korean, by
//! running stepgrad's own commands on worked examples, with exercises that
//! stepgrad checks.
//!
//! `document` reads a lesson file (with `front_matter`, `body`,
//! `exercise_block` and `claims_block`, over `source` and `toml_block`),
//! `claims` checks the claims a lesson makes of its commands' output, `catalog` holds the
//! built-in ones, `present` writes a lesson's pages (running its
//! commands), `exercise` judges answers, and `interactive` walks a student
//! through the pages, cut by `screens` to the terminal's height.
//! The commands run through a dispatcher handed in by the caller, so this
//! module knows nothing of the command line.

mod body;
mod catalog;
mod claims;
mod claims_block;
mod document;
mod exercise;
mod exercise_block;
mod front_matter;
mod interactive;
pub mod practice;
mod present;
mod present_latex;
mod screens;
mod source;
mod strings;
mod toml_block;
mod words;

pub use catalog::builtin;
pub use claims::{unclaimed_numbers, Unclaimed};
pub use document::{
    line_error, parse_lesson, Claims, CommandBlock, CommandLine, Exercise, ExerciseKind, HandClaim,
    Item, Lesson, Quoted, Section, DEFAULT_TOLERANCE,
};
pub use exercise::{judge, solution, Verdict};
pub use interactive::{interact, interact_with, SessionOptions};
pub use present::{wrap, CommandOutput, LessonFormat, Piece, Presenter, Runner, WIDTH};
pub use screens::{rows_of, ScreenSize, EXERCISE_ROWS, FRAME_ROWS};
pub use strings::{strings, Strings};
