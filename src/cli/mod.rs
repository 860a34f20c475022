//! The command line: arguments, the dispatcher, and what a run returns.
//!
//! `run` parses arguments with clap, calls the command's module, renders
//! the result with `report`, and returns an [`Outcome`]: the text for
//! stdout and stderr and the exit code. It never writes anything itself, so
//! the same dispatcher serves the binary, the tests and anything else that
//! runs stepgrad's commands in-process.
//!
//! Invariant: every path through `run` ends in an `Outcome`; errors become
//! one rendered message and exit code 2 (1 for a negative verdict).

mod check;
mod diff;
mod files;
mod graph;
pub mod help;
mod inputs;
mod lesson;
mod minimize;
mod net;
mod optimizer_args;
mod practice;
mod predict;
mod problem_file;
mod train;
pub mod usage_errors;

use crate::i18n::Lang;
use crate::interrupt::{Cancel, Control};
use crate::report::{Format, Style};
use crate::Error;
use clap::builder::TypedValueParser as _;
use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use std::ffi::OsString;
use std::path::PathBuf;

/// What a run of stepgrad produced.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    pub stdout: String,
    pub stderr: String,
    pub code: i32,
}

#[derive(Parser, Debug)]
#[command(
    name = "stepgrad",
    version,
    about = "Gradient descent and backpropagation, derived step by step",
    long_about = "stepgrad derives derivatives with the chain rule, naming each rule, and shows every number of a network's forward pass, backward pass and weight update.",
    after_help = "Examples:\n  stepgrad diff \"x^2*sin(x)\" --at x=1.5\n  stepgrad check \"sin(3*x)\" --answer \"3*cos(3*x)\"",
    propagate_version = true
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalOptions,
    #[command(subcommand)]
    pub command: Command,
}

/// Options every command shares.
#[derive(Args, Debug, Clone)]
pub struct GlobalOptions {
    /// When to colour terminal output (auto: only when writing to a terminal and NO_COLOR is unset)
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
    /// Output format: text for the terminal, markdown or latex for notes, json for scripts
    #[arg(long, global = true, value_parser = format_parser(), value_name = "FORMAT")]
    pub format: Option<Format>,
    /// Significant digits of printed numbers (default 6)
    #[arg(long, global = true, value_name = "N", value_parser = clap::value_parser!(u8).range(1..=17))]
    pub digits: Option<u8>,
    /// Language of lessons and of table headers: en or ko (lessons default to the locale, other commands to en)
    #[arg(long, global = true, value_enum, value_name = "LANG")]
    pub lang: Option<LangArg>,
    /// How derivatives of one variable are written: leibniz (d/dx) or prime (f′)
    #[arg(long, global = true, value_enum, value_name = "STYLE", default_value_t = NotationArg::Leibniz)]
    pub notation: NotationArg,
    /// With --format latex: a complete document (article class, amsmath, amssymb, graphicx) rather than a fragment
    #[arg(long, global = true)]
    pub standalone: bool,
    /// Write the result to this file instead of stdout (whole or not at all); the extension picks the format when --format is absent: .md .tex .json .csv .svg
    #[arg(long, global = true, value_name = "FILE")]
    pub output: Option<std::path::PathBuf>,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotationArg {
    Leibniz,
    Prime,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum LangArg {
    En,
    Ko,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// `--format`'s values: the names of [`Format::ALL`], shown in the help.
fn format_parser() -> impl clap::builder::TypedValueParser<Value = Format> {
    clap::builder::PossibleValuesParser::new(Format::ALL.map(Format::name)).map(|name| {
        Format::ALL
            .into_iter()
            .find(|format| format.name() == name)
            // invariant: the parser passes only the names listed above.
            .unwrap_or(Format::Text)
    })
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Differentiate an expression step by step, naming each rule
    Diff(diff::DiffArgs),
    /// Check a derivative worked out by hand
    Check(check::CheckArgs),
    /// A worked example on a network: forward values, chain-rule gradients, updates (--check judges a step worked by hand)
    Net(net::NetArgs),
    /// The computation graph of an expression or network, with values and gradients
    Graph(graph::GraphArgs),
    /// Run an optimizer on a function, showing every step and its internal state
    Minimize(minimize::MinimizeArgs),
    /// Train a network on data: batches, epochs, iterations, loss curves
    Train(Box<train::TrainArgs>),
    /// The arithmetic of epochs, batches and iterations, explained
    Epochs(train::EpochsArgs),
    /// Apply a model saved by train --save to data: outputs per sample, and metrics when the data has targets
    Predict(predict::PredictArgs),
    /// Guided lessons: the course, step by step, with exercises (start here)
    Lesson(lesson::LessonArgs),
    /// Practice sheets over the course, with an answer key: derivatives, gradients, descent, epochs, backpropagation, optimizers
    Practice(practice::PracticeArgs),
    /// Print a shell completion script
    Completions {
        /// The shell to complete for
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

/// Settings a command renders with, and the files it will write.
#[derive(Clone, Copy, Debug)]
pub struct Context<'a> {
    pub format: Format,
    pub style: Style,
    /// `--digits`, when given (commands have their own defaults).
    pub digits: Option<usize>,
    /// Colour for error messages on stderr.
    pub error_color: bool,
    /// `--lang`, when given (`lesson` then defaults to the locale).
    pub lang: Option<Lang>,
    /// The files the run writes (`--plot`, `--save`, `--output`), for a
    /// command to check inputs it finds only later against (a spec's
    /// `[data]` file).
    pub outputs: &'a [files::NamedFile],
    /// Whether stdout and stderr are terminals (for commands run inside
    /// this one, as a lesson runs its commands).
    pub streams: Streams,
    /// The control of the command's long loops: Ctrl-C and progress.
    pub control: Control<'a>,
}

impl Context<'_> {
    /// Checks that the command can write the chosen format.
    pub fn require_format(&self, command: &str, allowed: &[Format]) -> Result<(), Error> {
        if allowed.contains(&self.format) {
            return Ok(());
        }
        let names: Vec<&str> = allowed.iter().map(|f| f.name()).collect();
        Err(Error::told(
            crate::text!(
                "inputs-format-refused",
                command = command,
                format = self.format.name()
            ),
            crate::text!("inputs-format-choose", formats = names.join(", ")),
        ))
    }
}

/// A command's result before it becomes an [`Outcome`].
pub struct Written {
    pub stdout: String,
    /// Messages for stderr (errors on some lines of a `--file`, …).
    pub stderr: String,
    pub code: i32,
}

impl Written {
    pub fn ok(stdout: String) -> Written {
        Written {
            stdout,
            stderr: String::new(),
            code: 0,
        }
    }

    /// A report with its notes for stderr, and the error of a negative
    /// verdict (a divergence) after them, which sets the exit code.
    pub fn with_verdict(
        stdout: String,
        notes: String,
        verdict: Option<Error>,
        context: &Context,
    ) -> Written {
        match verdict {
            None => Written {
                stdout,
                stderr: notes,
                code: 0,
            },
            Some(error) => Written {
                stdout,
                stderr: notes + &error.render_in(context.error_color, context.style.lang),
                code: error.exit_code(),
            },
        }
    }
}

fn color_wanted(choice: ColorChoice, is_terminal: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            is_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    }
}

/// The terminal a command may talk with: `lesson` walks a student through
/// a lesson when it has one.
pub struct Terminal<'a> {
    pub input: &'a mut dyn std::io::BufRead,
    pub output: &'a mut dyn std::io::Write,
}

/// What a run is given besides its arguments: the terminal to talk with,
/// if any, which of its output streams are terminals (for `--color
/// auto`), and the control of its long loops (the cancellation token the
/// binary's Ctrl-C handler raises, the progress bar it draws).
pub struct Session<'a> {
    pub terminal: Option<Terminal<'a>>,
    pub streams: Streams,
    pub control: Control<'a>,
}

/// Whether stdout and stderr are terminals, and how wide and tall
/// stdout's is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Streams {
    pub stdout_is_terminal: bool,
    /// The width of the terminal stdout writes to, in columns, if known.
    pub terminal_columns: Option<usize>,
    /// The width the environment's `COLUMNS` gives, if set.
    pub columns_variable: Option<usize>,
    pub stderr_is_terminal: bool,
    /// The height of the terminal stdout writes to, in rows, if known.
    pub terminal_rows: Option<usize>,
}

/// Runs stepgrad with the given arguments (the first is the program name),
/// with no terminal, output to no terminal, a token nobody raises, and no
/// progress shown.
pub fn run<I, T>(args: I) -> Outcome
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let cancel = Cancel::new();
    run_in(
        args,
        Session {
            terminal: None,
            streams: Streams::default(),
            control: Control::quiet(&cancel),
        },
    )
}

/// Runs stepgrad in a session (the binary passes its terminal, when stdin
/// and stdout are both terminals, its Ctrl-C token and its progress bar).
pub fn run_in<I, T>(args: I, session: Session) -> Outcome
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let args: Vec<OsString> = args.into_iter().map(Into::into).collect();
    let lang = session_language(&args);
    let cli = match parsed_plainly(&args) {
        Some(cli) => cli,
        None => match help::command(lang, help_width())
            .try_get_matches_from(&args)
            .and_then(|matches| Cli::from_arg_matches(&matches))
        {
            Ok(cli) => cli,
            Err(e) => return clap_outcome(&e, lang),
        },
    };
    let error_color = color_wanted(cli.global.color, session.streams.stderr_is_terminal);
    let message_width = message_width(session.streams);
    let mut outcome = dispatch(cli, session, error_color, lang).unwrap_or_else(|error| Outcome {
        stdout: String::new(),
        stderr: error.render_in(error_color, lang),
        code: error.exit_code(),
    });
    if let Some(width) = message_width {
        outcome.stderr = fitted_messages(&outcome.stderr, width);
    }
    outcome
}

/// The arguments read by the definition as it is, without its texts: a
/// command line that reads is read the same with them, and only help,
/// the version and usage errors need the texts in the session's language
/// (`None` then, and the caller reads the arguments again with them).
fn parsed_plainly(args: &[OsString]) -> Option<Cli> {
    let matches = Cli::command().try_get_matches_from(args).ok()?;
    Cli::from_arg_matches(&matches).ok()
}

/// The width messages on stderr must fit: the terminal's when stderr is
/// one, else `COLUMNS` when it is set.
fn message_width(streams: Streams) -> Option<usize> {
    output_width(Streams {
        stdout_is_terminal: streams.stderr_is_terminal,
        ..streams
    })
}

/// Messages with each line wider than `width` wrapped at its spaces, the
/// continuation indented under the text after its label ("hint: ").
fn fitted_messages(stderr: &str, width: usize) -> String {
    stderr
        .split_inclusive('\n')
        .map(|line| {
            let text = line.trim_end_matches('\n');
            if crate::wrap::visible_columns(text) <= width {
                return line.to_string();
            }
            let label = text.find(": ").filter(|&k| k < 20).map_or(0, |k| k + 2);
            let indent = " ".repeat(crate::wrap::columns(&text[..label]).min(width / 2));
            let wrapped =
                crate::wrap::wrap_columns(text, width, "", &indent, crate::wrap::visible_columns);
            if line.ends_with('\n') {
                wrapped
            } else {
                wrapped.trim_end_matches('\n').to_string()
            }
        })
        .collect()
}

/// The language of the session, chosen once: `--lang` when the arguments
/// give it (as `--lang ko` or `--lang=ko`), else the locale (LC_ALL,
/// LC_MESSAGES, LANG).
fn session_language(args: &[OsString]) -> Lang {
    let words: Vec<&str> = args.iter().filter_map(|a| a.to_str()).collect();
    for (k, word) in words.iter().enumerate() {
        let value = match word.strip_prefix("--lang") {
            Some("") => words.get(k + 1).copied(),
            Some(rest) => rest.strip_prefix('='),
            None => None,
        };
        if let Some(lang) = value.and_then(Lang::from_code) {
            return lang;
        }
    }
    Lang::from_env()
}

/// The width text output must fit: the terminal's when stdout is one,
/// else `COLUMNS` when it is set (at least 20); otherwise none. A run
/// without a binary around it (`run`, the tests) has neither.
pub(crate) fn output_width(streams: Streams) -> Option<usize> {
    let width = if streams.stdout_is_terminal {
        // A terminal that reports no width (0 columns) leaves COLUMNS.
        streams
            .terminal_columns
            .filter(|&c| c >= 20)
            .or(streams.columns_variable)
    } else {
        streams.columns_variable
    };
    width.filter(|&c| c >= 20)
}

/// The width help is wrapped to: `COLUMNS` when set, else 100 columns.
fn help_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .filter(|&c: &usize| c >= 40)
        .unwrap_or(100)
}

/// What clap's own outcomes print: help and the version on stdout (exit
/// 0), a usage error on stderr (exit 2).
fn clap_outcome(e: &clap::Error, lang: Lang) -> Outcome {
    let text = match e.kind() {
        clap::error::ErrorKind::DisplayHelp | clap::error::ErrorKind::DisplayVersion => {
            e.render().to_string()
        }
        _ => usage_errors::render(e, lang),
    };
    match e.kind() {
        clap::error::ErrorKind::DisplayHelp | clap::error::ErrorKind::DisplayVersion => Outcome {
            stdout: text,
            stderr: String::new(),
            code: 0,
        },
        _ => Outcome {
            stdout: String::new(),
            stderr: text,
            code: 2,
        },
    }
}

/// Checks the files, runs the command, and applies the options every
/// command shares (`--standalone`, `--output`) to its result.
fn dispatch(
    mut cli: Cli,
    session: Session,
    error_color: bool,
    lang: Lang,
) -> Result<Outcome, Error> {
    let files = files::CommandFiles::of(&cli.command, cli.global.output.as_deref());
    files.refuse_collisions()?;
    let destination = output_destination(&mut cli)?;
    let format = chosen_format(&cli.global, destination.as_ref())?;
    let context = Context {
        format,
        style: Style {
            color: format == Format::Text
                && destination.is_none()
                && color_wanted(cli.global.color, session.streams.stdout_is_terminal),
            digits: cli.global.digits.map_or(6, usize::from),
            lang,
            prime: cli.global.notation == NotationArg::Prime,
            width: (format == Format::Text && destination.is_none())
                .then(|| output_width(session.streams))
                .flatten(),
        },
        error_color,
        digits: cli.global.digits.map(usize::from),
        lang: Some(lang),
        outputs: &files.outputs,
        streams: session.streams,
        control: session.control,
    };
    // A lesson written to a file is printed whole, not walked through.
    let terminal = session.terminal.filter(|_| destination.is_none());
    let written = run_command(cli.command, &context, terminal)?;
    finish(written, cli.global.standalone, destination, &context)
}

/// The format to write: `--format`, else the one `--output`'s extension
/// names, else text; `--standalone` only with LaTeX.
fn chosen_format(
    global: &GlobalOptions,
    destination: Option<&Destination>,
) -> Result<Format, Error> {
    let format = match (destination, global.format) {
        (_, Some(format)) => format,
        (Some(Destination::File { format, .. }), None) => *format,
        _ => Format::Text,
    };
    if global.standalone && format != Format::Latex {
        return Err(Error::told(
            crate::text!("inputs-standalone"),
            crate::text!("inputs-standalone-hint"),
        ));
    }
    Ok(format)
}

fn run_command(
    command: Command,
    context: &Context,
    terminal: Option<Terminal>,
) -> Result<Written, Error> {
    match command {
        Command::Diff(args) => diff::run(&args, context),
        Command::Check(args) => check::run(&args, context),
        Command::Net(args) => net::run(&args, context),
        Command::Graph(args) => graph::run(&args, context),
        Command::Minimize(args) => minimize::run(&args, context),
        Command::Train(args) => train::run(&args, context),
        Command::Epochs(args) => train::run_epochs(&args, context),
        Command::Predict(args) => predict::run(&args, context),
        Command::Lesson(args) => lesson::run_lesson(&args, context, terminal),
        Command::Practice(args) => practice::run(&args, context, terminal),
        Command::Completions { shell } => Ok(completions(shell)),
    }
}

/// The command's result as the run's outcome: marked interrupted after a
/// Ctrl-C, made a standalone document, written to `--output`'s file.
fn finish(
    mut written: Written,
    standalone: bool,
    destination: Option<Destination>,
    context: &Context,
) -> Result<Outcome, Error> {
    if context.control.cancel.is_requested() {
        written.code = crate::interrupt::EXIT_CODE;
        written
            .stderr
            .push_str(&crate::msg!(context.style.lang, "run-interrupted"));
        written.stderr.push('\n');
    }
    if standalone {
        written.stdout = standalone_document(&written.stdout, context.style.lang);
    }
    match &destination {
        Some(Destination::File { path, .. }) => {
            write_file_atomically(path, written.stdout.as_bytes())?;
            written.stdout.clear();
        }
        Some(Destination::Picture) => written.stdout.clear(),
        None => {}
    }
    Ok(Outcome {
        stdout: written.stdout,
        stderr: written.stderr,
        code: written.code,
    })
}

/// Where `--output` sends the result.
#[derive(Clone, Debug, PartialEq)]
enum Destination {
    /// The report, in `format`, to a file.
    File { path: PathBuf, format: Format },
    /// A picture: the command's own `--plot` was pointed at the file.
    Picture,
}

/// Reads `--output`: checks the folder exists, picks the format from the
/// extension, and for .svg points the command's picture at the file.
fn output_destination(cli: &mut Cli) -> Result<Option<Destination>, Error> {
    let Some(path) = cli.global.output.clone() else {
        return Ok(None);
    };
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    let format = match extension.as_str() {
        "md" | "markdown" => Format::Markdown,
        "tex" => Format::Latex,
        "json" => Format::Json,
        "csv" => Format::Csv,
        "txt" | "text" => Format::Text,
        "dot" | "gv" => Format::Dot,
        "svg" => return picture_destination(cli, path),
        _ => match cli.global.format {
            Some(format) => format,
            None => {
                return Err(Error::told(
                    crate::text!("inputs-output-no-format", path = path.display().to_string()),
                    crate::text!("inputs-output-no-format-hint"),
                ))
            }
        },
    };
    if extension.is_empty() {
        check_bare_output(&path)?;
    } else {
        inputs::check_output_file("--output", &path, &extension)?;
    }
    Ok(Some(Destination::File { path, format }))
}

/// `--output FILE.svg`: the command's own `--plot` pointed at the file.
fn picture_destination(cli: &mut Cli, path: PathBuf) -> Result<Option<Destination>, Error> {
    inputs::check_output_file("--output", &path, "svg")?;
    let plot = match &mut cli.command {
        Command::Minimize(args) => &mut args.plot,
        Command::Train(args) => &mut args.plot,
        Command::Net(args) => &mut args.plot,
        _ => {
            return Err(Error::told(
                crate::text!(
                    "inputs-output-no-picture",
                    path = path.display().to_string()
                ),
                crate::text!("inputs-output-no-picture-hint"),
            ))
        }
    };
    if plot.is_some() {
        return Err(Error::told(
            crate::text!("inputs-output-and-plot"),
            crate::text!("inputs-output-and-plot-hint"),
        ));
    }
    *plot = Some(path);
    Ok(Some(Destination::Picture))
}

/// A name without an extension, with --format saying what to write: the
/// folder must exist and the name must not be a folder.
fn check_bare_output(path: &std::path::Path) -> Result<(), Error> {
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    if !folder.is_dir() {
        return Err(Error::told(
            crate::text!(
                "inputs-output-no-folder",
                option = "--output",
                path = path.display().to_string(),
                folder = folder.display().to_string()
            ),
            crate::text!("inputs-output-no-folder-hint"),
        ));
    }
    if path.is_dir() {
        return Err(Error::told(
            crate::text!(
                "inputs-file-is-folder",
                option = "--output",
                path = path.display().to_string()
            ),
            crate::text!(
                "inputs-output-is-folder-hint",
                example = path.join("notes.md").display().to_string()
            ),
        ));
    }
    Ok(())
}

/// A LaTeX fragment made a complete document: the article class with
/// amsmath (long derivations may break across pages), amssymb and
/// graphicx (which scales a table down to the text width), room to
/// stretch a line rather than let a long number run into the margin, and kotex for Korean (which pdflatex typesets with
/// the Hangul fonts of texlive-lang-korean).
pub fn standalone_document(fragment: &str, lang: Lang) -> String {
    let korean = match lang {
        Lang::Ko => "\\usepackage{kotex}\n",
        Lang::En => "",
    };
    format!(
        "\\documentclass{{article}}\n\\usepackage{{amsmath}}\n\\usepackage{{amssymb}}\n\\usepackage{{graphicx}}\n\\allowdisplaybreaks\n\\setlength{{\\emergencystretch}}{{3em}}\n{korean}\\begin{{document}}\n\n{}\n\\end{{document}}\n",
        fragment.trim_end()
    )
}

fn completions(shell: clap_complete::Shell) -> Written {
    let mut buffer = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "stepgrad", &mut buffer);
    Written::ok(String::from_utf8_lossy(&buffer).into_owned())
}

/// Writes a file whole or not at all: into a temporary file beside it,
/// then renamed over the target.
pub fn write_file_atomically(path: &std::path::Path, contents: &[u8]) -> Result<(), Error> {
    let io_error = |e: std::io::Error| Error::Io {
        path: path.display().to_string(),
        message: e.to_string(),
    };
    let name = path
        .file_name()
        .map_or("output".into(), |n| n.to_string_lossy().into_owned());
    let temporary = path.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    let result =
        std::fs::write(&temporary, contents).and_then(|()| std::fs::rename(&temporary, path));
    if result.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    result.map_err(io_error)
}

/// Reads a `--file` argument: a path, or `-` for standard input (through
/// the one reading path, with its size limit; a byte-order mark skipped).
pub fn read_input_file(path: &std::path::Path) -> Result<String, crate::text_file::ReadFailure> {
    if path.as_os_str() == "-" {
        crate::text_file::read_limited(std::io::stdin().lock())
    } else {
        crate::text_file::read(path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clap_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}
