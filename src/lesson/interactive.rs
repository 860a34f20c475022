//! A lesson in the terminal, one screen at a time: Enter for the next
//! screen, `b` to go back one, `q` to quit (saying how to resume, `lesson
//! 5 --from 3`); exercises answered at a prompt, with up to two hints
//! before the solution. A page taller than the terminal is cut into
//! screens (`screens`), each under the page's heading.
//!
//! The input and output are handed in (the terminal in the binary, buffers
//! in tests), so the library still never touches the process's streams.
//!
//! Invariant: every page shown is the presenter's page, commands and all;
//! the session only decides which page and what the student typed.

use super::document::Exercise;
use super::exercise::{judge, Verdict};
use super::present::{Piece, Presenter};
use super::screens::{screens, Layout, ScreenSize};
use crate::{msg, text, Error};
use std::collections::HashSet;
use std::io::{BufRead, Write};

/// How an exercise or a page ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Flow {
    Continue,
    Quit,
}

/// Where a session starts, the terminal it fills, and how it is resumed.
#[derive(Clone, Debug, Default)]
pub struct SessionOptions {
    pub size: ScreenSize,
    /// The page to start at: 0 for the title page, K for section K.
    pub first_page: usize,
    /// The command that opens this lesson (`stepgrad lesson 5`), for the
    /// words said at `q`; by default `stepgrad lesson` and its number.
    pub resume: Option<String>,
}

/// Runs the lesson interactively from its title page, in a terminal of 40
/// rows and 80 columns, until the last page or `q`.
pub fn interact(
    presenter: &Presenter,
    input: &mut dyn BufRead,
    output: &mut dyn Write,
) -> Result<(), Error> {
    interact_with(presenter, input, output, &SessionOptions::default())
}

/// Runs the lesson interactively as `options` say, until the last page or
/// `q`.
pub fn interact_with(
    presenter: &Presenter,
    input: &mut dyn BufRead,
    output: &mut dyn Write,
    options: &SessionOptions,
) -> Result<(), Error> {
    let mut session = Session {
        presenter,
        input,
        output,
        answered: HashSet::new(),
        options,
        page: options
            .first_page
            .min(presenter.page_count().saturating_sub(1)),
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
    options: &'io SessionOptions,
    /// The page shown.
    page: usize,
}

/// The session's layout of a page's screens: the presenter's question and
/// the page's heading marked continued.
struct PageLayout<'p, 'a> {
    presenter: &'p Presenter<'a>,
    page: usize,
}

impl Layout for PageLayout<'_, '_> {
    fn question(&self, exercise: &Exercise) -> String {
        self.presenter.question(exercise)
    }

    fn continued_heading(&self) -> String {
        let p = self.presenter;
        let title = match self.page {
            0 => msg!(
                p.lang,
                "lesson-title",
                number = p.lesson.number.to_string(),
                title = &p.lesson.title
            ),
            k => p.lesson.sections[k - 1].title.clone(),
        };
        let continued = msg!(p.lang, "lesson-continued");
        p.section_heading(&format!("{title} ({continued})"))
    }
}

impl Session<'_, '_, '_> {
    fn run(&mut self) -> Result<(), SessionError> {
        let pages = self.presenter.page_count();
        let mut cache: Vec<Option<Vec<Vec<Piece>>>> = vec![None; pages];
        // The screen of the page shown; past the last means the last.
        let mut screen = 0;
        loop {
            let index = self.page;
            if cache[index].is_none() {
                let pieces = self.presenter.page(index).map_err(SessionError::Lesson)?;
                let layout = PageLayout {
                    presenter: self.presenter,
                    page: index,
                };
                cache[index] = Some(screens(pieces, &layout, self.options.size));
            }
            let page_screens = cache[index].clone().unwrap_or_default();
            let count = page_screens.len().max(1);
            screen = screen.min(count - 1);
            writeln!(self.output)?;
            for piece in page_screens.get(screen).into_iter().flatten() {
                match piece {
                    Piece::Text(t) => write!(self.output, "{t}")?,
                    Piece::Command { line, output } => write!(self.output, "{line}\n{output}")?,
                    Piece::Exercise(e) => {
                        if self.exercise(e)? == Flow::Quit {
                            return self.quit();
                        }
                    }
                }
            }
            let last = index + 1 == pages && screen + 1 == count;
            let prompt = self.navigation(screen, count, last);
            loop {
                write!(self.output, "{}", self.presenter.dim(&prompt))?;
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
                        if screen + 1 < count {
                            screen += 1;
                        } else {
                            self.page += 1;
                            screen = 0;
                        }
                        break;
                    }
                    "b" => {
                        if screen > 0 {
                            screen -= 1;
                        } else if self.page > 0 {
                            self.page -= 1;
                            screen = usize::MAX;
                        }
                        break;
                    }
                    "q" => return self.quit(),
                    _ => continue,
                }
            }
        }
    }

    /// The prompt under screen `screen` of `count` of the page shown: where
    /// the student is, and the keys.
    fn navigation(&self, screen: usize, count: usize, last: bool) -> String {
        let lang = self.presenter.lang;
        let sections = self.presenter.page_count() - 1;
        let mut position = Vec::new();
        if self.page > 0 {
            position.push(msg!(
                lang,
                "lesson-section-of",
                section = self.page,
                sections = sections
            ));
        }
        if count > 1 {
            position.push(msg!(
                lang,
                "lesson-screen-of",
                screen = screen + 1,
                screens = count
            ));
        }
        let keys = if last {
            msg!(lang, "lesson-navigation-last")
        } else {
            msg!(lang, "lesson-navigation")
        };
        position.push(keys);
        format!("{} ", position.join(" · "))
    }

    /// Ends the session at `q`, saying how to come back to this section.
    fn quit(&mut self) -> Result<(), SessionError> {
        let p = self.presenter;
        let opens = self
            .options
            .resume
            .clone()
            .unwrap_or_else(|| format!("stepgrad lesson {}", p.lesson.number));
        let command = match self.page {
            0 => opens,
            section => format!("{opens} --from {section}"),
        };
        let said = msg!(p.lang, "lesson-resume", command = command);
        writeln!(self.output)?;
        write!(self.output, "{}", super::present::wrap(&said, 80, "", "  "))?;
        Ok(())
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

    fn exercise(&mut self, e: &Exercise) -> Result<Flow, SessionError> {
        let p = self.presenter;
        let lang = p.lang;
        write!(self.output, "{}", p.question(e))?;
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
                Verdict::Unreadable(message) => {
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
