//! A lesson in the terminal, one page at a time: Enter for the next page,
//! `b` to go back, `q` to quit; exercises answered at a prompt, with up to
//! two hints before the solution.
//!
//! The input and output are handed in (the terminal in the binary, buffers
//! in tests), so the library still never touches the process's streams.
//!
//! Invariant: every page shown is the presenter's page, commands and all;
//! the session only decides which page and what the student typed.

use super::document::{Exercise, ExerciseKind, Prediction};
use super::exercise::{judge, Verdict};
use super::present::{Piece, Presenter};
use crate::{msg, text, Error};
use std::collections::HashSet;
use std::io::{BufRead, Write};

/// How an exercise or a page ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Flow {
    Continue,
    Quit,
}

/// Runs the lesson interactively until the last page or `q`.
pub fn interact(
    presenter: &Presenter,
    input: &mut dyn BufRead,
    output: &mut dyn Write,
) -> Result<(), Error> {
    let mut session = Session {
        presenter,
        input,
        output,
        answered: HashSet::new(),
    };
    session.run().map_err(|e| match e {
        SessionError::Lesson(e) => e,
        SessionError::Io(e) => Error::Told {
            message: text!("lesson-terminal-failed", error = e.to_string()),
            hint: None,
            location: None,
            code: 2,
        },
    })
}

enum SessionError {
    Lesson(Error),
    Io(std::io::Error),
}

impl From<std::io::Error> for SessionError {
    fn from(e: std::io::Error) -> Self {
        SessionError::Io(e)
    }
}

struct Session<'p, 'a, 'io> {
    presenter: &'p Presenter<'a>,
    input: &'io mut dyn BufRead,
    output: &'io mut dyn Write,
    /// Exercises (by line) answered or solved.
    answered: HashSet<usize>,
}

impl Session<'_, '_, '_> {
    fn run(&mut self) -> Result<(), SessionError> {
        let pages = self.presenter.page_count();
        let mut cache: Vec<Option<Vec<Piece>>> = vec![None; pages];
        let mut index = 0;
        loop {
            if cache[index].is_none() {
                cache[index] = Some(self.presenter.page(index).map_err(SessionError::Lesson)?);
            }
            let pieces = cache[index].clone().unwrap_or_default();
            writeln!(self.output)?;
            for piece in &pieces {
                match piece {
                    Piece::Text(t) => write!(self.output, "{t}")?,
                    Piece::Exercise(e) => {
                        if self.exercise(e)? == Flow::Quit {
                            return Ok(());
                        }
                    }
                }
            }
            let lang = self.presenter.lang;
            let last = index + 1 == pages;
            let position = if index == 0 {
                String::new()
            } else {
                let section = msg!(
                    lang,
                    "lesson-section-of",
                    section = index,
                    sections = pages - 1
                );
                format!("{section} · ")
            };
            let keys = if last {
                msg!(lang, "lesson-navigation-last")
            } else {
                msg!(lang, "lesson-navigation")
            };
            loop {
                write!(
                    self.output,
                    "{}",
                    self.presenter.dim(&format!("{position}{keys} "))
                )?;
                self.output.flush()?;
                let Some(line) = self.read_line()? else {
                    writeln!(self.output)?;
                    return Ok(());
                };
                match line.as_str() {
                    "" | "n" => {
                        if last {
                            return Ok(());
                        }
                        index += 1;
                        break;
                    }
                    "b" => {
                        index = index.saturating_sub(1);
                        break;
                    }
                    "q" => return Ok(()),
                    _ => continue,
                }
            }
        }
    }

    /// A line the student typed, trimmed; `None` at the end of input.
    fn read_line(&mut self) -> Result<Option<String>, SessionError> {
        let mut line = String::new();
        if self.input.read_line(&mut line)? == 0 {
            return Ok(None);
        }
        Ok(Some(line.trim().to_string()))
    }

    /// Shows the solution and marks the exercise answered.
    fn solved(&mut self, e: &Exercise) -> Result<Flow, SessionError> {
        write!(self.output, "{}", self.presenter.solution(e))?;
        writeln!(self.output)?;
        self.answered.insert(e.line);
        Ok(Flow::Continue)
    }

    /// Shows the next hint, if one is left; says whether one was.
    fn next_hint(&mut self, e: &Exercise, shown: &mut usize) -> Result<bool, SessionError> {
        let Some(hint) = e.hints.get(*shown) else {
            return Ok(false);
        };
        write!(self.output, "{}", self.presenter.hint(*shown, hint))?;
        *shown += 1;
        Ok(true)
    }

    /// A prediction: one answer (a choice's number or text), then the
    /// command runs, and the verdict and the explanation follow it.
    fn predict(&mut self, e: &Exercise, prediction: &Prediction) -> Result<Flow, SessionError> {
        let p = self.presenter;
        let lang = p.lang;
        loop {
            let prompt = msg!(
                lang,
                "lesson-prediction-prompt",
                count = prediction.choices.len()
            );
            write!(self.output, "{prompt}")?;
            self.output.flush()?;
            let Some(answer) = self.read_line()? else {
                writeln!(self.output)?;
                return Ok(Flow::Quit);
            };
            let verdict = match answer.as_str() {
                "" => {
                    writeln!(self.output)?;
                    return Ok(Flow::Continue);
                }
                "q" => return Ok(Flow::Quit),
                _ => judge(e, &answer, lang),
            };
            let told = match verdict {
                Verdict::Right => p.bold(&msg!(lang, "lesson-right")),
                Verdict::Wrong(message) => message,
                Verdict::Unreadable(message) | Verdict::Close(message) => {
                    writeln!(self.output, "  {message}")?;
                    continue;
                }
            };
            writeln!(self.output)?;
            let run = p
                .prediction_output(e, prediction, true)
                .map_err(SessionError::Lesson)?;
            write!(self.output, "{run}")?;
            write!(
                self.output,
                "{}",
                super::present::wrap(&told, 80, "  ", "  ")
            )?;
            write!(
                self.output,
                "{}",
                super::present::wrap(&prediction.explanation, 80, "  ", "  ")
            )?;
            writeln!(self.output)?;
            self.answered.insert(e.line);
            return Ok(Flow::Continue);
        }
    }

    fn exercise(&mut self, e: &Exercise) -> Result<Flow, SessionError> {
        let p = self.presenter;
        let lang = p.lang;
        write!(self.output, "{}", p.question(e))?;
        if let (ExerciseKind::Predict(prediction), false) =
            (&e.kind, self.answered.contains(&e.line))
        {
            return self.predict(e, prediction);
        }
        if self.answered.contains(&e.line) {
            let answered = msg!(lang, "lesson-answered");
            writeln!(self.output, "{}", p.dim(&format!("  {answered}")))?;
            write!(self.output, "{}", p.solution(e))?;
            writeln!(self.output)?;
            return Ok(Flow::Continue);
        }
        let (mut wrong, mut hints_shown) = (0, 0);
        loop {
            write!(self.output, "{}", msg!(lang, "lesson-answer-prompt"))?;
            self.output.flush()?;
            let Some(answer) = self.read_line()? else {
                writeln!(self.output)?;
                return Ok(Flow::Quit);
            };
            match answer.as_str() {
                "" => {
                    writeln!(self.output)?;
                    return Ok(Flow::Continue);
                }
                "q" => return Ok(Flow::Quit),
                "?" => {
                    if !self.next_hint(e, &mut hints_shown)? {
                        writeln!(self.output, "  {}", msg!(lang, "lesson-no-more-hints"))?;
                    }
                    continue;
                }
                "s" => {
                    return self.solved(e);
                }
                _ => {}
            }
            match judge(e, &answer, lang) {
                Verdict::Right => {
                    writeln!(self.output, "  {}", p.bold(&msg!(lang, "lesson-right")))?;
                    return self.solved(e);
                }
                Verdict::Unreadable(message) | Verdict::Close(message) => {
                    for line in message.lines() {
                        writeln!(self.output, "  {line}")?;
                    }
                }
                Verdict::Wrong(message) => {
                    write!(
                        self.output,
                        "{}",
                        super::present::wrap(&message, 80, "  ", "  ")
                    )?;
                    wrong += 1;
                    if wrong >= 3 {
                        return self.solved(e);
                    }
                    if hints_shown < wrong {
                        self.next_hint(e, &mut hints_shown)?;
                    }
                }
            }
        }
    }
}
