//! `stepgrad lesson`: the list of lessons, a built-in lesson by number, or
//! a lesson file — printed whole, or walked through page by page when both
//! stdin and stdout are terminals.
//!
//! Every command in a lesson is checked against stepgrad's own argument
//! parser before anything runs, and runs through the same dispatcher as
//! the command line (`super::run_in`, with the lesson's own Ctrl-C and
//! progress), never through a shell.

use super::{output_width, run_in, Cli, Context, Session, Streams, Terminal, Written};
use crate::diagnostic::Location;
use crate::i18n::{Lang, Text};
use crate::lesson::{
    builtin, interact_with, line_error, parse_lesson, strings, wrap, CommandLine, CommandOutput,
    Item, Lesson, LessonFormat, Presenter, ScreenSize, SessionOptions, Strings, WIDTH,
};
use crate::report::Format;
use crate::Error;
use clap::{Args, Parser};
use unicode_width::UnicodeWidthStr;

#[derive(Args, Debug, Clone)]
pub struct LessonArgs {
    /// list (the default), a lesson number from 1 to 9, or a lesson file (docs/lessons.md)
    #[arg(value_name = "list|N|PATH")]
    pub which: Option<String>,
    /// Print the whole lesson at once, exercises with their solutions, even in a terminal
    #[arg(long)]
    pub all: bool,
    /// Start at section K of the lesson (q says which one to come back to)
    #[arg(long, value_name = "K")]
    pub from: Option<usize>,
}

/// Commands that cannot run inside a lesson.
const FORBIDDEN_COMMANDS: [&str; 2] = ["lesson", "completions"];
/// Why a lesson may not give an option, in the catalogue's words.
type Reason = fn() -> Text;

/// Options a lesson may not give: files written, and what the runner sets
/// (with the catalogue's reason).
const FORBIDDEN_OPTIONS: [(&str, Reason); 5] = [
    ("--plot", || crate::text!("lesson-block-writes-files")),
    ("--save", || crate::text!("lesson-block-writes-files")),
    ("--output", || crate::text!("lesson-block-writes-files")),
    ("--lang", || crate::text!("lesson-block-sets-language")),
    ("--color", || crate::text!("lesson-block-sets-colour")),
];

pub fn run_lesson(
    args: &LessonArgs,
    context: &Context,
    terminal: Option<Terminal>,
) -> Result<Written, Error> {
    context.require_format("lesson", &[Format::Text, Format::Markdown, Format::Latex])?;
    let lang = context.lang.unwrap_or_else(Lang::from_env);
    let format = match context.format {
        Format::Markdown => LessonFormat::Markdown,
        Format::Latex => LessonFormat::Latex,
        _ => LessonFormat::Text,
    };
    let which = args.which.as_deref().unwrap_or("list");
    if which == "list" {
        if args.from.is_some() {
            return Err(Error::told(
                crate::text!("lesson-from-list"),
                crate::text!("lesson-from-list-hint"),
            ));
        }
        return Ok(Written::ok(list(lang, format)?));
    }
    let (path, text, next) = lesson_source(which, lang)?;
    let lesson = parse_lesson(&path, &text)?;
    validate_commands(&lesson, &path, &text)?;
    let first_page = first_section(args.from, &lesson, which)?;
    // Commands write at the lesson's width, as its prose is wrapped,
    // whatever the lesson is written to: so every run of the lesson shows
    // (and its claims check) the same output.
    let command_streams = Streams {
        stdout_is_terminal: false,
        terminal_columns: None,
        columns_variable: Some(WIDTH),
        ..context.streams
    };
    let runner = |args: &[String]| -> CommandOutput {
        let mut all = vec!["stepgrad".to_string()];
        all.extend_from_slice(args);
        let session = Session {
            terminal: None,
            streams: command_streams,
            control: context.control,
        };
        let outcome = run_in(all, session);
        CommandOutput {
            stdout: outcome.stdout,
            stderr: outcome.stderr,
            code: outcome.code,
        }
    };
    let presenter = Presenter {
        lesson: &lesson,
        path: &path,
        source: &text,
        lang,
        format,
        color: context.style.color,
        next,
        run: &runner,
    };
    match terminal {
        Some(Terminal { input, output }) if !args.all && format == LessonFormat::Text => {
            let options = SessionOptions {
                size: ScreenSize {
                    rows: context
                        .streams
                        .terminal_rows
                        .filter(|&rows| rows >= 10)
                        .unwrap_or(ScreenSize::default().rows),
                    columns: output_width(context.streams).unwrap_or(WIDTH),
                },
                first_page,
                resume: Some(resume_command(which, lang)),
            };
            interact_with(&presenter, input, output, &options)?;
            Ok(Written::ok(String::new()))
        }
        _ => Ok(Written::ok(presenter.printed_from(first_page)?)),
    }
}

/// The page `--from` starts at: section K (from 1 to the lesson's last),
/// else the title page.
fn first_section(from: Option<usize>, lesson: &Lesson, which: &str) -> Result<usize, Error> {
    let sections = lesson.sections.len();
    match from {
        None => Ok(0),
        Some(k) if (1..=sections).contains(&k) => Ok(k),
        Some(k) => {
            let named = match which.parse::<usize>() {
                Ok(_) => Text::in_each_language(|lang| {
                    crate::msg!(
                        lang,
                        "lesson-title",
                        number = lesson.number.to_string(),
                        title = &lesson.title
                    )
                }),
                Err(_) => Text::Verbatim(which.to_string()),
            };
            Err(Error::told(
                crate::text!(
                    "lesson-from-range",
                    from = k.to_string(),
                    lesson = named,
                    sections = sections.to_string()
                ),
                crate::text!("lesson-from-range-hint", sections = sections.to_string()),
            ))
        }
    }
}

/// The command that opens the lesson `which` again, in language `lang`
/// (`--lang` only when the locale would choose another).
fn resume_command(which: &str, lang: Lang) -> String {
    let quoted = if which
        .chars()
        .any(|c| c.is_whitespace() || c == '\'' || c == '"')
    {
        format!("'{}'", which.replace('\'', "'\\''"))
    } else {
        which.to_string()
    };
    let mut command = format!("stepgrad lesson {quoted}");
    if Lang::from_env() != lang {
        command.push_str(&format!(" --lang {}", lang.code()));
    }
    command
}

/// The lesson `which` names — a built-in lesson's number, or a lesson
/// file — as its path, its text, and the number of the lesson after it.
fn lesson_source(which: &str, lang: Lang) -> Result<(String, String, Option<u32>), Error> {
    let lessons = builtin(lang);
    match which.parse::<usize>() {
        Ok(n) if (1..=lessons.len()).contains(&n) => {
            let (path, text) = &lessons[n - 1];
            let next = (n < lessons.len()).then_some(n as u32 + 1);
            Ok((path.clone(), text.to_string(), next))
        }
        Ok(n) => Err(Error::told(
            crate::text!(
                "lesson-no-such-lesson",
                number = n.to_string(),
                count = lessons.len().to_string()
            ),
            crate::text!("lesson-no-such-lesson-hint"),
        )),
        Err(_) => {
            let text = super::inputs::read_named_file("lesson", std::path::Path::new(which))?;
            Ok((which.to_string(), text, None))
        }
    }
}

/// Checks every command of the lesson (those of its claims too) with
/// stepgrad's argument parser.
fn validate_commands(lesson: &Lesson, path: &str, text: &str) -> Result<(), Error> {
    let items = lesson
        .intro
        .iter()
        .chain(lesson.sections.iter().flat_map(|s| &s.items));
    for item in items {
        match item {
            Item::Commands(block) => {
                for command in &block.commands {
                    validate_command(command, path, text)?;
                }
            }
            Item::Claims(claims) => {
                if let Some(command) = &claims.command {
                    validate_command(command, path, text)?;
                }
            }
            _ => {}
        }
    }
    Ok(())
}

/// One command of a lesson: not one that cannot run inside a lesson, no
/// option a lesson may not give, and accepted by the argument parser. The
/// mistake is underlined where it stands on the line, else the whole line.
fn validate_command(command: &CommandLine, path: &str, text: &str) -> Result<(), Error> {
    let error = |word: Option<&str>, message: Text, hint: Text| {
        error_at_word(path, text, command.line, word, message, hint)
    };
    let name = command.args[0].as_str();
    if FORBIDDEN_COMMANDS.contains(&name) {
        return Err(error(
            Some(name),
            crate::text!("lesson-block-command-forbidden", name = name),
            crate::text!("lesson-block-command-forbidden-hint"),
        ));
    }
    for arg in &command.args {
        for (option, why) in FORBIDDEN_OPTIONS {
            if arg == option || arg.starts_with(&format!("{option}=")) {
                return Err(error(
                    Some(option),
                    crate::text!("lesson-block-option-forbidden", option = option),
                    why(),
                ));
            }
        }
    }
    let mut all = vec!["stepgrad".to_string()];
    all.extend(command.args.iter().cloned());
    let Err(e) = Cli::try_parse_from(&all) else {
        return Ok(());
    };
    use clap::error::ErrorKind;
    if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
        return Ok(());
    }
    Err(refused_by_parser(command, &e, error))
}

/// A lesson command the argument parser refuses (`e`), told through
/// `error` with clap's finding in each language as the command line tells
/// it, underlining the word refused when the line holds it.
fn refused_by_parser(
    command: &CommandLine,
    e: &clap::Error,
    error: impl Fn(Option<&str>, Text, Text) -> Error,
) -> Error {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let finding = Text::in_each_language(|lang| {
        let rendered = super::usage_errors::render(e, lang);
        let first = rendered.lines().next().unwrap_or("").trim();
        let prefix = crate::msg!(lang, "error-prefix");
        let first = first
            .strip_prefix(prefix.trim_end())
            .unwrap_or(first)
            .trim_start();
        crate::msg!(
            lang,
            "lesson-block-refused",
            command = command.text.as_str(),
            finding = first
        )
    });
    let hint = if matches!(e.kind(), ErrorKind::InvalidSubcommand) {
        crate::text!("lesson-block-unknown-command-hint")
    } else {
        crate::text!("lesson-block-refused-hint")
    };
    // The word clap refused, when it is one the line holds.
    let refused = [ContextKind::InvalidSubcommand, ContextKind::InvalidArg]
        .into_iter()
        .find_map(|kind| match e.get(kind) {
            Some(ContextValue::String(word)) if !word.contains(' ') => Some(word.clone()),
            _ => None,
        });
    error(refused.as_deref(), finding, hint)
}

/// An error on line `line` of a lesson, underlining `word` where it stands
/// on the line (as a whole word), or the whole line.
fn error_at_word(
    path: &str,
    text: &str,
    line: usize,
    word: Option<&str>,
    message: Text,
    hint: Text,
) -> Error {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let line_text = text[line_start.min(text.len())..]
        .lines()
        .next()
        .unwrap_or("");
    let found = word.and_then(|word| {
        line_text.match_indices(word).map(|(at, _)| at).find(|&at| {
            let before = line_text[..at].chars().next_back();
            let after = line_text[at + word.len()..].chars().next();
            before.is_none_or(char::is_whitespace)
                && after.is_none_or(|c| c.is_whitespace() || c == '=')
        })
    });
    match (found, word) {
        (Some(at), Some(word)) => {
            let start = line_start + at;
            let span = start..start + word.len();
            Error::told_at(Location::of_span(path, text, &span), message, hint)
        }
        _ => line_error(path, text, line, message, hint),
    }
}

/// The list of lessons in LaTeX: each lesson with its objectives.
fn latex_list(s: &Strings, lessons: &[Lesson]) -> String {
    use crate::report::doc::latex_text;
    let mut out = format!(
        "\\section*{{{}}}\n\n{}\n\n\\begin{{enumerate}}\n",
        latex_text(s.list_title),
        latex_text(s.list_intro)
    );
    for l in lessons {
        out.push_str(&format!(
            "\\item \\textbf{{{}}}\n\\begin{{itemize}}\n",
            latex_text(&l.title)
        ));
        for o in &l.objectives {
            out.push_str(&format!("\\item {}\n", latex_text(o)));
        }
        out.push_str("\\end{itemize}\n");
    }
    out.push_str("\\end{enumerate}\n");
    out
}

/// The lessons (in notes with their objectives), and how to begin.
fn list(lang: Lang, format: LessonFormat) -> Result<String, Error> {
    let s = strings(lang);
    let mut out = String::new();
    let lessons: Vec<Lesson> = builtin(lang)
        .iter()
        .map(|(path, text)| parse_lesson(path, text))
        .collect::<Result<_, _>>()?;
    match format {
        LessonFormat::Latex => out.push_str(&latex_list(s, &lessons)),
        LessonFormat::Markdown => {
            out.push_str(&format!("# {}\n\n{}\n\n", s.list_title, s.list_intro));
            for l in &lessons {
                out.push_str(&format!("{}. **{}**\n", l.number, l.title));
                for o in &l.objectives {
                    out.push_str(&format!("   - {o}\n"));
                }
            }
            out.push_str(&format!(
                "\n{}\n\n{}\n\n{}\n",
                s.list_start, s.list_other_language, s.list_own_file
            ));
        }
        LessonFormat::Text => {
            out.push_str(&format!(
                "{}\n{}\n\n",
                s.list_title,
                "═".repeat(s.list_title.width().min(WIDTH))
            ));
            out.push_str(&wrap(s.list_intro, WIDTH, "", ""));
            out.push('\n');
            // One line a lesson, so the list fits a screen of 40 rows;
            // each lesson opens with its objectives.
            for l in &lessons {
                out.push_str(&wrap(
                    &l.title,
                    WIDTH,
                    &format!("{:>2}. ", l.number),
                    "    ",
                ));
            }
            out.push('\n');
            out.push_str(&format!(
                "{}\n{}\n{}\n",
                s.list_start, s.list_other_language, s.list_own_file
            ));
        }
    }
    Ok(out)
}
