//! The errors stepgrad reports, each with its exit code and its rendering.
//!
//! Library functions return these; the command line renders them with
//! `diagnostic` and exits with `exit_code()` — 2 for anything wrong with the
//! input or the arguments.

use crate::calculus::CheckError;
use crate::diagnostic::{render, render_located, Location, Palette};
use crate::expr::{EvalError, ParseError};
use crate::i18n::{Lang, Text};
use std::fmt;

#[derive(Clone, Debug)]
pub enum Error {
    /// A malformed expression. `origin` says where it came from ("the
    /// expression", "--answer", "line 3"), in the session's language.
    Parse {
        input: String,
        error: ParseError,
        origin: Box<Text>,
    },
    /// No verdict possible in `check`.
    Check(CheckError),
    /// A file that cannot be read or written.
    Io { path: String, message: String },
    /// Training or minimisation produced a value that is not finite (exit
    /// code 1: a negative verdict, not an input error), told by the report
    /// in the session's language.
    Diverged { message: String, hint: String },
    /// A mistake told in the session's language: its message and hint are
    /// catalogue texts, rendered when the error is written; with the place
    /// in a file when there is one. `code` is 2 for an input error, 1 for a
    /// negative verdict.
    Told {
        message: Text,
        hint: Option<Text>,
        location: Option<Box<Location>>,
        code: i32,
    },
}

impl Error {
    /// An expression with no value at the point asked for: `context` says
    /// what was being evaluated ("cannot evaluate at x = 0").
    pub fn cannot_evaluate(context: Text, error: &EvalError) -> Error {
        let hint = match error {
            EvalError::Unbound { name } => crate::text!("error-eval-unbound-hint", name = name),
            _ => crate::text!("error-eval-domain-hint"),
        };
        Error::told(
            crate::text!("error-eval", context = context, error = error.text()),
            hint,
        )
    }

    /// An input error told in the session's language.
    pub fn told(message: Text, hint: Text) -> Error {
        Error::Told {
            message,
            hint: Some(hint),
            location: None,
            code: 2,
        }
    }

    /// An input error at a place in a file, told in the session's language.
    pub fn told_at(location: Location, message: Text, hint: Text) -> Error {
        Error::Told {
            message,
            hint: Some(hint),
            location: Some(Box::new(location)),
            code: 2,
        }
    }

    pub fn parse(input: &str, error: ParseError, origin: Text) -> Error {
        Error::Parse {
            input: input.to_string(),
            error,
            origin: Box::new(origin),
        }
    }

    /// The process exit code for this error.
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Diverged { .. } => 1,
            Error::Told { code, .. } => *code,
            _ => 2,
        }
    }

    /// The place in a file this error points at, when it has one.
    pub fn location(&self) -> Option<&Location> {
        match self {
            Error::Told { location, .. } => location.as_deref(),
            _ => None,
        }
    }

    /// The full message, with caret and hint, in English.
    pub fn render(&self, color: bool) -> String {
        self.render_in(color, Lang::En)
    }

    /// The full message, with caret and hint, in `lang`.
    pub fn render_in(&self, color: bool, lang: Lang) -> String {
        let palette = Palette::in_language(color, lang);
        match self {
            Error::Told {
                message,
                hint,
                location,
                ..
            } => {
                let message = message.render(lang);
                let hint = hint.as_ref().map(|h| h.render(lang));
                match location {
                    Some(location) => render_located(&message, location, hint.as_deref(), palette),
                    None => render(&message, None, hint.as_deref(), palette),
                }
            }
            Error::Parse {
                input,
                error,
                origin,
            } => {
                let message = crate::msg!(
                    lang,
                    "error-parse-in",
                    message = error.message(lang),
                    origin = origin.render(lang)
                );
                render(
                    &message,
                    Some((input, &error.span)),
                    error.hint(lang).as_deref(),
                    palette,
                )
            }
            Error::Check(error) => render(
                &error.message(lang),
                None,
                Some(&error.hint().render(lang)),
                palette,
            ),
            Error::Io { path, message } => {
                render(&format!("{path}: {message}"), None, None, palette)
            }
            Error::Diverged { message, hint } => render(message, None, Some(hint), palette),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.render(false).trim_end())
    }
}

impl std::error::Error for Error {}

impl From<CheckError> for Error {
    fn from(e: CheckError) -> Error {
        Error::Check(e)
    }
}
