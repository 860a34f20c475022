//! Presenting exercises: the question as asked (with the digits wanted, or
//! a prediction's numbered choices), the hints and the solution in the
//! terminal, and for handouts (Markdown, LaTeX) the questions in place and
//! the solutions collected in a section at the end, numbered to match.
//! A prediction's command is run here, and what the lesson says it shows
//! is checked against its output.
//!
//! Invariant: a prediction is only ever presented with its answer after
//! its command's output was found to contain every string of `shows`.

use super::document::{Exercise, ExerciseKind, Prediction};
use super::exercise::{question_text, solution};
use super::present::{shell_lines, wrap, CommandOutput, LessonFormat, Presenter, WIDTH};
use super::present_latex as latex;
use super::source::Source;
use crate::{msg, text, Error};

impl Presenter<'_> {
    /// The exercise's question, as asked at a prompt (a prediction's
    /// choices numbered under it).
    pub fn question(&self, e: &Exercise) -> String {
        let label = format!("✎ {}:", msg!(self.lang, "lesson-exercise"));
        let question = question_text(e, self.lang);
        let mut out = self
            .inline(&wrap(&format!("{label} {question}"), WIDTH, "", "  "))
            .replacen(&label, &self.bold(&label), 1);
        if let ExerciseKind::Predict(p) = &e.kind {
            for (k, choice) in p.choices.iter().enumerate() {
                let number = format!("  {}. ", k + 1);
                out.push_str(&self.inline(&wrap(choice, WIDTH, &number, "     ")));
            }
        }
        out.push('\n');
        out
    }

    /// Exercise number `number` (1-based in the lesson) for a printed
    /// lesson: in the terminal's text with its hints and solution; in a
    /// handout with its hints only, the solution being at the end.
    pub fn exercise_printed(&self, e: &Exercise, number: usize) -> Result<String, Error> {
        let out = match self.format {
            LessonFormat::Markdown => {
                let exercise = msg!(self.lang, "lesson-exercise");
                let mut out = format!(
                    "**{exercise} {number}.** {}\n\n",
                    question_text(e, self.lang)
                );
                if let ExerciseKind::Predict(p) = &e.kind {
                    for (k, choice) in p.choices.iter().enumerate() {
                        out.push_str(&format!("{}. {choice}\n", k + 1));
                    }
                    out.push('\n');
                    self.prediction_output(e, p, false)?;
                }
                for (k, hint) in e.hints.iter().enumerate() {
                    out.push_str(&format!(
                        "<details><summary>{}</summary>\n\n{hint}\n\n</details>\n\n",
                        msg!(self.lang, "lesson-hint", number = k + 1),
                    ));
                }
                out
            }
            LessonFormat::Latex => self.exercise_latex(e, number)?,
            LessonFormat::Text => {
                let mut out = self.question(e);
                if let ExerciseKind::Predict(p) = &e.kind {
                    out.push_str(&self.prediction_output(e, p, true)?);
                }
                for (k, hint) in e.hints.iter().enumerate() {
                    out.push_str(&self.hint(k, hint));
                }
                out.push_str(&self.solution(e));
                out.push('\n');
                out
            }
        };
        Ok(out)
    }

    /// The exercise's question and hints as LaTeX paragraphs.
    fn exercise_latex(&self, e: &Exercise, number: usize) -> Result<String, Error> {
        let exercise = msg!(self.lang, "lesson-exercise");
        let mut out = format!(
            "\\paragraph{{{} {number}.}} {}\n\n",
            latex::inline(&exercise),
            latex::inline(&question_text(e, self.lang))
        );
        if let ExerciseKind::Predict(p) = &e.kind {
            out.push_str("\\begin{enumerate}\n");
            for choice in &p.choices {
                out.push_str(&format!("\\item {}\n", latex::inline(choice)));
            }
            out.push_str("\\end{enumerate}\n\n");
            self.prediction_output(e, p, false)?;
        }
        for (k, hint) in e.hints.iter().enumerate() {
            let label = msg!(self.lang, "lesson-hint", number = k + 1);
            out.push_str(&format!(
                "\\textit{{{}:}} {}\n\n",
                latex::inline(&label),
                latex::inline(hint)
            ));
        }
        Ok(out)
    }

    /// The handout's last section: each exercise's solution under its
    /// number.
    pub fn solutions_section(&self, exercises: &[&Exercise]) -> String {
        if exercises.is_empty() {
            return String::new();
        }
        let title = msg!(self.lang, "lesson-solutions");
        let mut out = match self.format {
            LessonFormat::Latex => format!("\\subsection*{{{}}}\n\n", latex::inline(&title)),
            _ => format!("## {title}\n\n"),
        };
        for (k, e) in exercises.iter().enumerate() {
            let lines: Vec<String> = solution(e, self.lang).lines().map(str::to_string).collect();
            let command = match &e.kind {
                ExerciseKind::Predict(p) => Some(format!("stepgrad {}", p.run.text)),
                _ => None,
            };
            match self.format {
                LessonFormat::Latex => {
                    let lines: Vec<String> = lines.iter().map(|l| latex::inline(l)).collect();
                    out.push_str(&format!(
                        "\\paragraph{{{}.}} {}\n\n",
                        k + 1,
                        lines.join("\n\n")
                    ));
                    if let Some(command) = command {
                        out.push_str(&latex::command_line(&format!("$ {command}")));
                    }
                }
                _ => {
                    let mut lines = lines;
                    lines.extend(command.map(|c| format!("`{c}`")));
                    out.push_str(&format!("**{}.** {}\n\n", k + 1, lines.join("\n\n")));
                }
            }
        }
        out
    }

    /// Hint `k` (0-based), for the terminal.
    pub fn hint(&self, k: usize, hint: &str) -> String {
        let label = format!("{}: ", msg!(self.lang, "lesson-hint", number = k + 1));
        self.inline(&wrap(&format!("{label}{hint}"), WIDTH, "  ", "    "))
    }

    /// The solution, for the terminal.
    pub fn solution(&self, e: &Exercise) -> String {
        let label = format!("{}: ", msg!(self.lang, "lesson-solution"));
        let text = solution(e, self.lang);
        let mut lines = text.lines();
        let mut out = self.inline(&wrap(
            &format!("{label}{}", lines.next().unwrap_or("")),
            WIDTH,
            "  ",
            "    ",
        ));
        for line in lines {
            out.push_str(&self.inline(&wrap(line, WIDTH, "    ", "    ")));
        }
        out
    }

    /// Runs the prediction's command and checks that its output shows
    /// what the lesson says; returns the command and its output for the
    /// terminal when `shown` (in the presenter's colour).
    pub fn prediction_output(
        &self,
        e: &Exercise,
        p: &Prediction,
        shown: bool,
    ) -> Result<String, Error> {
        let mut args = p.run.args.clone();
        if self.network_shown_before(&p.run) {
            args.push("--no-header".to_string());
        }
        let color = if shown && self.color {
            "always"
        } else {
            "never"
        };
        args.extend([
            "--lang".to_string(),
            self.lang.code().to_string(),
            "--color".to_string(),
            color.to_string(),
        ]);
        let output: CommandOutput = (self.run)(&args);
        let source = Source::new(self.path, self.source);
        if output.code == 2 {
            let first = output.stderr.lines().next().unwrap_or("").trim();
            return Err(source.error_at(
                p.run.line,
                None,
                text!("lesson-command-failed", error = first),
                text!("lesson-command-failed-hint"),
            ));
        }
        let seen = comparable(&output.stdout);
        if let Some(missing) = p.shows.iter().find(|s| !seen.contains(&comparable(s))) {
            return Err(source.error_at(
                p.run.line,
                None,
                text!(
                    "lesson-shows-missing",
                    shows = missing.as_str(),
                    command = p.run.text.as_str(),
                    exercise = e.line
                ),
                text!("lesson-shows-missing-hint"),
            ));
        }
        let mut out = self.dim(&shell_lines(&format!("$ stepgrad {}", p.run.text)));
        out.push_str("\n\n");
        out.push_str(&output.stdout);
        if !output.stdout.ends_with('\n') {
            out.push('\n');
        }
        out.push('\n');
        Ok(out)
    }
}

/// Text as `shows` is compared: without colour, without the borders of a
/// table (│ ┆ ║), every run of spaces one space.
fn comparable(text: &str) -> String {
    let mut plain = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            // An escape sequence: ESC [ parameters, up to a letter.
            for next in chars.by_ref() {
                if next.is_ascii_alphabetic() {
                    break;
                }
            }
            continue;
        }
        plain.push(if matches!(c, '│' | '┆' | '║') {
            ' '
        } else {
            c
        });
    }
    plain.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::comparable;

    #[test]
    fn shows_is_compared_without_colour_borders_or_wide_spaces() {
        assert_eq!(comparable("\x1b[1mf\x1b[0m │  0.36 ┆ x"), "f 0.36 x");
        assert!(comparable("│ 1 │   0.36   │").contains(&comparable("1 0.36")));
    }
}
