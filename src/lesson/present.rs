//! Presenting a lesson: its pages (the title page with the objectives and
//! introduction, then one page per section) as terminal text, Markdown or
//! LaTeX (`present_latex`),
//! with every stepgrad command run through the dispatcher it is given and
//! its output placed under it.
//!
//! Invariant: the output shown under a command is exactly what that
//! command prints when run on its own with the same arguments (plus the
//! lesson's `--lang`, colour and, for notes, `--format markdown` or
//! `--format latex`).

use super::document::{CommandBlock, CommandLine, Exercise, Item, Lesson};
use super::exercise::solution;
use super::present_latex as latex;
use super::source::Source;
use crate::i18n::Lang;
use crate::{msg, text, Error};
use unicode_width::UnicodeWidthStr;

/// Width of wrapped prose, in terminal columns.
pub const WIDTH: usize = 80;

/// What running one command gave.
#[derive(Clone, Debug, Default)]
pub struct CommandOutput {
    pub stdout: String,
    pub stderr: String,
    pub code: i32,
}

/// Runs stepgrad with the given arguments (without the program name).
pub type Runner<'a> = &'a dyn Fn(&[String]) -> CommandOutput;

/// How to write a lesson.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LessonFormat {
    Text,
    Markdown,
    Latex,
}

/// A piece of a page: text to show, a command with its output (in the
/// terminal), or an exercise to ask.
#[derive(Clone, Debug)]
pub enum Piece<'l> {
    Text(String),
    /// The command line as shown (ending in a line break), and what follows
    /// it after a blank line: its output.
    Command {
        line: String,
        output: String,
    },
    Exercise(&'l Exercise),
}

/// A lesson with everything needed to show it.
pub struct Presenter<'a> {
    pub lesson: &'a Lesson,
    /// The file the lesson came from and its text, for located errors.
    pub path: &'a str,
    pub source: &'a str,
    pub lang: Lang,
    pub format: LessonFormat,
    pub color: bool,
    /// The built-in lesson after this one, if any.
    pub next: Option<u32>,
    pub run: Runner<'a>,
}

impl<'a> Presenter<'a> {
    /// Pages: the title page, then one per section.
    pub fn page_count(&self) -> usize {
        1 + self.lesson.sections.len()
    }

    /// Page `index`, with its commands run.
    pub fn page(&self, index: usize) -> Result<Vec<Piece<'a>>, Error> {
        let mut pieces = Vec::new();
        let mut text = String::new();
        let items: &'a [Item] = if index == 0 {
            text.push_str(&self.title_block());
            &self.lesson.intro
        } else {
            let section = &self.lesson.sections[index - 1];
            text.push_str(&self.section_heading(&section.title));
            &section.items
        };
        // The stepgrad block the next claims check, and its plain output
        // when the page shows it.
        let mut preceding: Option<(&CommandBlock, Option<String>)> = None;
        for item in items {
            match item {
                Item::Exercise(e) => {
                    if !text.is_empty() {
                        pieces.push(Piece::Text(std::mem::take(&mut text)));
                    }
                    pieces.push(Piece::Exercise(e));
                }
                Item::Commands(block) => {
                    if !text.is_empty() {
                        pieces.push(Piece::Text(std::mem::take(&mut text)));
                    }
                    let (shown, plain) = self.commands(block)?;
                    pieces.extend(shown);
                    preceding = Some((block, plain));
                }
                Item::Claims(claims) => self.check_claims(claims, preceding.as_ref())?,
                other => text.push_str(&self.prose(other)),
            }
        }
        if index + 1 == self.page_count() {
            text.push_str(&self.ending());
        }
        if !text.is_empty() {
            pieces.push(Piece::Text(text));
        }
        Ok(pieces)
    }

    /// The whole lesson, exercises shown with their hints and solutions.
    pub fn printed(&self) -> Result<String, Error> {
        self.printed_from(0)
    }

    /// The lesson from page `first` (0: the title page, K: section K) to
    /// its end, exercises shown with their hints and solutions.
    pub fn printed_from(&self, first: usize) -> Result<String, Error> {
        let mut out = String::new();
        for index in first..self.page_count() {
            for piece in self.page(index)? {
                match piece {
                    Piece::Text(t) => out.push_str(&t),
                    Piece::Command { line, output } => {
                        out.push_str(&line);
                        out.push('\n');
                        out.push_str(&output);
                    }
                    Piece::Exercise(e) => out.push_str(&self.exercise_printed(e)),
                }
            }
        }
        Ok(out.trim_end().to_string() + "\n")
    }

    fn title_block(&self) -> String {
        let title = msg!(
            self.lang,
            "lesson-title",
            number = self.lesson.number.to_string(),
            title = &self.lesson.title
        );
        let objectives = msg!(self.lang, "lesson-objectives");
        match self.format {
            LessonFormat::Markdown => {
                let mut out = format!("# {title}\n\n**{objectives}:**\n\n");
                for o in &self.lesson.objectives {
                    out.push_str(&format!("- {o}\n"));
                }
                out.push('\n');
                out
            }
            LessonFormat::Latex => {
                let mut out = format!(
                    "\\section*{{{}}}\n\n\\textbf{{{}:}}\n\\begin{{itemize}}\n",
                    latex::inline(&title),
                    latex::inline(&objectives)
                );
                for o in &self.lesson.objectives {
                    out.push_str(&format!("\\item {}\n", latex::inline(o)));
                }
                out.push_str("\\end{itemize}\n\n");
                out
            }
            LessonFormat::Text => {
                let rule = "═".repeat(title.width().min(WIDTH));
                let mut out = format!("{}\n{}\n\n", self.bold(&title), self.bold(&rule));
                out.push_str(&format!("{objectives}:\n"));
                for o in &self.lesson.objectives {
                    out.push_str(&wrap(o, WIDTH, "  • ", "    "));
                }
                out.push('\n');
                out
            }
        }
    }

    pub(super) fn section_heading(&self, title: &str) -> String {
        match self.format {
            LessonFormat::Markdown => format!("## {title}\n\n"),
            LessonFormat::Latex => format!("\\subsection*{{{}}}\n\n", latex::inline(title)),
            LessonFormat::Text => {
                let line = format!(
                    "━━ {title} {}",
                    "━".repeat(WIDTH.saturating_sub(title.width() + 4).max(3))
                );
                format!("{}\n\n", self.bold(&line))
            }
        }
    }

    fn ending(&self) -> String {
        let mut line = msg!(
            self.lang,
            "lesson-finished",
            number = self.lesson.number as u64
        );
        if let Some(next) = self.next {
            line.push(' ');
            line.push_str(&msg!(self.lang, "lesson-next", number = next.to_string()));
        }
        match self.format {
            LessonFormat::Markdown => format!("---\n\n*{line}*\n"),
            LessonFormat::Latex => {
                format!("\\medskip\\noindent\\textit{{{}}}\n", latex::inline(&line))
            }
            LessonFormat::Text => format!("{}\n", self.dim(&line)),
        }
    }

    fn prose(&self, item: &Item) -> String {
        match self.format {
            LessonFormat::Markdown => match item {
                Item::Heading(t) => format!("### {t}\n\n"),
                Item::Paragraph(t) => format!("{t}\n\n"),
                Item::List { ordered, items } => {
                    let mut out = String::new();
                    for (k, i) in items.iter().enumerate() {
                        if *ordered {
                            out.push_str(&format!("{}. {i}\n", k + 1));
                        } else {
                            out.push_str(&format!("- {i}\n"));
                        }
                    }
                    out + "\n"
                }
                Item::Quote(t) => format!("> {t}\n\n"),
                Item::Verbatim(t) => format!("```text\n{t}\n```\n\n"),
                Item::Commands(_) | Item::Exercise(_) | Item::Claims(_) => String::new(),
            },
            LessonFormat::Latex => latex_prose(item),
            LessonFormat::Text => {
                let body = match item {
                    Item::Heading(t) => format!("{}\n", self.bold(&self.inline(t))),
                    Item::Paragraph(t) => self.inline(&wrap(t, WIDTH, "", "")),
                    Item::List { ordered, items } => items
                        .iter()
                        .enumerate()
                        .map(|(k, i)| {
                            let bullet = if *ordered {
                                format!("  {}. ", k + 1)
                            } else {
                                "  • ".to_string()
                            };
                            let indent = " ".repeat(bullet.width());
                            self.inline(&wrap(i, WIDTH, &bullet, &indent))
                        })
                        .collect(),
                    Item::Quote(t) => self.inline(&wrap(t, WIDTH, "  │ ", "  │ ")),
                    Item::Verbatim(t) => t.lines().map(|l| format!("  {l}\n")).collect(),
                    Item::Commands(_) | Item::Exercise(_) | Item::Claims(_) => String::new(),
                };
                body + "\n"
            }
        }
    }

    /// Runs a block's commands and shows each with its output (in the
    /// terminal, a `Piece::Command` each); with the output as plain text,
    /// when it is shown so (in the terminal).
    fn commands(&self, block: &CommandBlock) -> Result<(Vec<Piece<'a>>, Option<String>), Error> {
        let mut out = String::new();
        let mut shown_commands = Vec::new();
        let mut plain = String::new();
        for command in &block.commands {
            let mut args = command.args.clone();
            if self.network_shown_before(command) {
                args.push("--no-header".to_string());
            }
            args.extend(["--lang".to_string(), self.lang.code().to_string()]);
            match self.format {
                LessonFormat::Text => {
                    let color = if self.color { "always" } else { "never" };
                    args.extend(["--color".to_string(), color.to_string()]);
                }
                LessonFormat::Markdown | LessonFormat::Latex => {
                    if !command.args.iter().any(|a| a.starts_with("--format")) {
                        args.extend(["--format".to_string(), self.notes_format().to_string()]);
                    }
                }
            }
            let mut output = (self.run)(&args);
            let mut verbatim = false;
            if self.format != LessonFormat::Text
                && output.code == 2
                && output
                    .stderr
                    .contains(&format!("cannot write --format {}", self.notes_format()))
            {
                // A command without Markdown output: its terminal text, as
                // a block of plain text.
                args.truncate(args.len() - 2);
                args.extend(["--color".to_string(), "never".to_string()]);
                output = (self.run)(&args);
                verbatim = true;
            }
            if output.code == 2 && !block.expect_error {
                return Err(self.command_failed(command.line, &output.stderr));
            }
            let shown = format!("$ stepgrad {}", command.text);
            plain.push_str(&output.stdout);
            plain.push('\n');
            plain.push_str(&output.stderr);
            plain.push('\n');
            match self.format {
                LessonFormat::Text => {
                    let line = format!("{}\n", self.dim(&shell_lines(&shown)));
                    let mut out = String::new();
                    out.push_str(&output.stdout);
                    if !output.stdout.is_empty() && !output.stdout.ends_with('\n') {
                        out.push('\n');
                    }
                    if !output.stderr.is_empty() {
                        if !output.stdout.is_empty() {
                            out.push('\n');
                        }
                        out.push_str(&output.stderr);
                        if !output.stderr.ends_with('\n') {
                            out.push('\n');
                        }
                    }
                    out.push('\n');
                    shown_commands.push(Piece::Command { line, output: out });
                }
                LessonFormat::Markdown => {
                    out.push_str(&format!("```sh\n{shown}\n```\n\n"));
                    if verbatim && !output.stdout.trim().is_empty() {
                        out.push_str(&format!("```text\n{}\n```\n\n", output.stdout.trim_end()));
                    } else if !output.stdout.trim().is_empty() {
                        out.push_str(&demote_headings(&output.stdout));
                        if !output.stdout.ends_with('\n') {
                            out.push('\n');
                        }
                        out.push('\n');
                    }
                    if !output.stderr.trim().is_empty() {
                        out.push_str(&format!("```text\n{}\n```\n\n", output.stderr.trim_end()));
                    }
                }
                LessonFormat::Latex => out.push_str(&latex_command(&shown, &output, verbatim)),
            }
        }
        if !out.is_empty() {
            shown_commands.push(Piece::Text(out));
        }
        let plain = (self.format == LessonFormat::Text).then_some(plain);
        Ok((shown_commands, plain))
    }

    /// Whether `command` is a `net` run of a network an earlier command of
    /// the lesson has run: its heading, setup and notes are shown once a
    /// lesson. (A `net` whose spec is not its first word never counts.)
    fn network_shown_before(&self, command: &CommandLine) -> bool {
        let network = |c: &CommandLine| match c.args.as_slice() {
            [net, spec, ..] if net == "net" && !spec.starts_with('-') => Some(spec.clone()),
            _ => None,
        };
        let Some(this) = network(command) else {
            return false;
        };
        let items = self
            .lesson
            .intro
            .iter()
            .chain(self.lesson.sections.iter().flat_map(|s| &s.items));
        items
            .filter_map(|item| match item {
                Item::Commands(block) => Some(&block.commands),
                _ => None,
            })
            .flatten()
            .take_while(|c| c.line < command.line)
            .any(|c| network(c).as_ref() == Some(&this))
    }

    /// The name of the notes format commands write in.
    fn notes_format(&self) -> &'static str {
        match self.format {
            LessonFormat::Latex => "latex",
            _ => "markdown",
        }
    }

    /// The error for a command of line `line` that failed, with the first
    /// line of what it wrote to stderr (without its "error: ").
    pub(super) fn command_failed(&self, line: usize, stderr: &str) -> Error {
        let first = stderr.lines().next().unwrap_or("").trim();
        let label = format!("{}: ", msg!(self.lang, "label-error"));
        let first = first
            .strip_prefix("error: ")
            .or_else(|| first.strip_prefix(&label))
            .unwrap_or(first);
        Source::new(self.path, self.source).error_at(
            line,
            None,
            text!("lesson-command-failed", error = first),
            text!("lesson-command-failed-hint"),
        )
    }

    /// The exercise's question, as asked at a prompt.
    pub fn question(&self, e: &Exercise) -> String {
        let label = format!("✎ {}:", msg!(self.lang, "lesson-exercise"));
        format!(
            "{}\n",
            self.inline(&wrap(&format!("{label} {}", e.question), WIDTH, "", "  "))
        )
        .replacen(&label, &self.bold(&label), 1)
    }

    /// The exercise with its hints and solution, for printed lessons.
    pub fn exercise_printed(&self, e: &Exercise) -> String {
        match self.format {
            LessonFormat::Markdown => {
                let exercise = msg!(self.lang, "lesson-exercise");
                let mut out = format!("**{exercise}.** {}\n\n", e.question);
                for (k, hint) in e.hints.iter().enumerate() {
                    out.push_str(&format!(
                        "<details><summary>{}</summary>\n\n{hint}\n\n</details>\n\n",
                        msg!(self.lang, "lesson-hint", number = k + 1),
                    ));
                }
                out.push_str(&format!(
                    "<details><summary>{}</summary>\n\n{}\n\n</details>\n\n",
                    msg!(self.lang, "lesson-solution"),
                    solution(e, self.lang).replace('\n', "\n\n")
                ));
                out
            }
            LessonFormat::Latex => self.exercise_latex(e),
            LessonFormat::Text => {
                let mut out = self.question(e);
                for (k, hint) in e.hints.iter().enumerate() {
                    out.push_str(&self.hint(k, hint));
                }
                out.push_str(&self.solution(e));
                out.push('\n');
                out
            }
        }
    }

    /// The exercise with its hints and solution as LaTeX paragraphs.
    fn exercise_latex(&self, e: &Exercise) -> String {
        let exercise = msg!(self.lang, "lesson-exercise");
        let mut out = format!(
            "\\paragraph{{{}.}} {}\n\n",
            latex::inline(&exercise),
            latex::inline(&e.question)
        );
        for (k, hint) in e.hints.iter().enumerate() {
            let label = msg!(self.lang, "lesson-hint", number = k + 1);
            out.push_str(&format!(
                "\\textit{{{}:}} {}\n\n",
                latex::inline(&label),
                latex::inline(hint)
            ));
        }
        let label = msg!(self.lang, "lesson-solution");
        let solution: Vec<String> = solution(e, self.lang).lines().map(latex::inline).collect();
        out.push_str(&format!(
            "\\textit{{{}:}} {}\n\n",
            latex::inline(&label),
            solution.join("\n\n")
        ));
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

    pub fn bold(&self, text: &str) -> String {
        paint(self.color, "1", text)
    }

    pub fn dim(&self, text: &str) -> String {
        paint(self.color, "2", text)
    }

    /// Inline Markdown for the terminal: `**bold**` and `` `code` ``.
    fn inline(&self, text: &str) -> String {
        inline(text, self.color)
    }
}

/// A command as typed, broken at its spaces to the lesson's width with
/// the shell's line continuation (` \\`), so it still runs when copied.
fn shell_lines(command: &str) -> String {
    if command.width() <= WIDTH {
        return command.to_string();
    }
    // An option stays on the line of its value.
    let mut joined = String::new();
    let mut words = command.split(' ').peekable();
    while let Some(word) = words.next() {
        joined.push_str(word);
        let value_follows = words.peek().is_some_and(|next| !next.starts_with('-'));
        let glue = word.starts_with("--") && value_follows;
        joined.push(if glue { '\u{a0}' } else { ' ' });
    }
    let wrapped = crate::wrap::wrap_columns(
        joined.trim_end(),
        WIDTH - 2,
        "",
        "    ",
        crate::wrap::columns,
    );
    wrapped
        .trim_end()
        .replace('\n', " \\\n")
        .replace('\u{a0}', " ")
}

/// A block of prose in LaTeX.
fn latex_prose(item: &Item) -> String {
    match item {
        Item::Heading(t) => format!("\\subsubsection*{{{}}}\n\n", latex::inline(t)),
        Item::Paragraph(t) => format!("{}\n\n", latex::inline(t)),
        Item::List { ordered, items } => {
            let environment = if *ordered { "enumerate" } else { "itemize" };
            let items: String = items
                .iter()
                .map(|i| format!("\\item {}\n", latex::inline(i)))
                .collect();
            format!("\\begin{{{environment}}}\n{items}\\end{{{environment}}}\n\n")
        }
        Item::Quote(t) => format!("\\begin{{quote}}\n{}\n\\end{{quote}}\n\n", latex::inline(t)),
        Item::Verbatim(t) => latex::typewriter(t),
        Item::Commands(_) | Item::Exercise(_) | Item::Claims(_) => String::new(),
    }
}

/// A command and its output in LaTeX: the command line, then its LaTeX
/// with the headings moved down (or its terminal text, for a command
/// without LaTeX), and what it wrote to stderr.
fn latex_command(shown: &str, output: &CommandOutput, verbatim: bool) -> String {
    let mut out = latex::command_line(shown);
    if verbatim && !output.stdout.trim().is_empty() {
        out.push_str(&latex::typewriter(output.stdout.trim_end()));
    } else if !output.stdout.trim().is_empty() {
        out.push_str(&latex::demoted(output.stdout.trim_end()));
        out.push_str("\n\n");
    }
    if !output.stderr.trim().is_empty() {
        out.push_str(&latex::typewriter(output.stderr.trim_end()));
    }
    out
}

fn paint(color: bool, code: &str, text: &str) -> String {
    if color {
        format!("\x1b[{code}m{text}\x1b[0m")
    } else {
        text.to_string()
    }
}

/// `**bold**` becomes bold (or plain without colour); `` `code` `` becomes
/// cyan with colour, and keeps its backticks without.
fn inline(text: &str, color: bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut bold = false;
    let mut code = false;
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if !code && rest.starts_with("**") {
            bold = !bold;
            if color {
                out.push_str(if bold { "\x1b[1m" } else { "\x1b[22m" });
            }
            rest = &rest[2..];
            continue;
        }
        if c == '`' {
            code = !code;
            if color {
                out.push_str(if code { "\x1b[36m" } else { "\x1b[39m" });
            } else {
                out.push('`');
            }
            rest = &rest[1..];
            continue;
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    if color && (bold || code) {
        out.push_str("\x1b[0m");
    }
    out
}

/// The width a word takes on screen, without its inline markers.
fn visible_width(word: &str) -> usize {
    word.replace("**", "").width()
}

/// Wraps `text` to `width` columns (counting wide characters as two, and
/// not counting `**` bold markers), starting the first line with `first`
/// and the others with `rest`.
pub fn wrap(text: &str, width: usize, first: &str, rest: &str) -> String {
    crate::wrap::wrap_columns(text, width, first, rest, visible_width)
}

/// Moves Markdown headings of a command's output two levels down, below
/// the lesson's own sections.
fn demote_headings(markdown: &str) -> String {
    let mut out = String::new();
    let mut fenced = false;
    for line in markdown.lines() {
        if line.starts_with("```") {
            fenced = !fenced;
        }
        if !fenced && line.starts_with('#') {
            out.push_str("##");
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_counts_wide_characters_twice() {
        let korean = "경사하강법은 가중치를 조금씩 움직입니다";
        let wrapped = wrap(korean, 20, "", "");
        for line in wrapped.lines() {
            assert!(line.width() <= 20, "{line}");
        }
        assert_eq!(wrap("a b c", 3, "- ", "  "), "- a\n  b\n  c\n");
    }

    #[test]
    fn inline_markers() {
        assert_eq!(inline("a **b** `c`", false), "a b `c`");
        assert_eq!(inline("**b**", true), "\x1b[1mb\x1b[22m");
        assert_eq!(visible_width("**bold**"), 4);
    }

    #[test]
    fn headings_of_command_output_move_down() {
        assert_eq!(
            demote_headings("# A\n```\n# no\n```\n## B\n"),
            "### A\n```\n# no\n```\n#### B\n"
        );
    }
}
