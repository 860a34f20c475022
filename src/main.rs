//! The `stepgrad` binary: runs the command line and writes what it returns.
//!
//! It is the only part of stepgrad that touches the terminal: it makes the
//! cancellation token its Ctrl-C handler raises, draws the progress bar the
//! long loops report to, hands commands the terminal to talk with when
//! stdin and stdout are both terminals (`lesson` then walks through a
//! lesson page by page), and writes the returned stdout, stderr and exit
//! code.
//!
//! Its memory comes from mimalloc (its version 2, whose footprint is the
//! smaller), which takes it from the system in large regions and keeps
//! what is freed for the next allocation: a training run touches tens of
//! megabytes of buffers once, and with the system's allocator a good part
//! of its time went to faulting them in page by page.

use std::cell::{Cell, RefCell};
use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};
use stepgrad::interrupt::{Cancel, Control, Progress, EXIT_CODE};

/// The allocator of every buffer the commands make.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let cancel = Cancel::new();
    // Ctrl-C stops a long loop at its next step, keeping what it computed;
    // with no loop running (or at a second Ctrl-C) it ends the process.
    let handler = cancel.clone();
    let _ = ctrlc::set_handler(move || {
        if !handler.request() {
            std::process::exit(EXIT_CODE);
        }
    });
    let size = terminal_size::terminal_size_of(std::io::stdout());
    let streams = stepgrad::cli::Streams {
        stdout_is_terminal: std::io::stdout().is_terminal(),
        terminal_columns: size.map(|(width, _)| usize::from(width.0)),
        terminal_rows: size.map(|(_, height)| usize::from(height.0)),
        columns_variable: std::env::var("COLUMNS")
            .ok()
            .and_then(|c| c.trim().parse().ok()),
        stderr_is_terminal: std::io::stderr().is_terminal(),
    };
    let bar = Bar::new(streams.stderr_is_terminal);
    let control = Control {
        cancel: &cancel,
        progress: &bar,
    };
    let interactive = std::io::stdin().is_terminal() && streams.stdout_is_terminal;
    let outcome = if interactive {
        let mut input = std::io::stdin().lock();
        let mut output = std::io::stdout();
        let terminal = stepgrad::cli::Terminal {
            input: &mut input,
            output: &mut output,
        };
        let session = stepgrad::cli::Session {
            terminal: Some(terminal),
            streams,
            control,
        };
        stepgrad::cli::run_in(std::env::args_os(), session)
    } else {
        let session = stepgrad::cli::Session {
            terminal: None,
            streams,
            control,
        };
        stepgrad::cli::run_in(std::env::args_os(), session)
    };
    let mut stdout = std::io::stdout().lock();
    // A closed pipe (stepgrad … | head) is not an error worth reporting.
    let _ = stdout.write_all(outcome.stdout.as_bytes());
    let _ = stdout.flush();
    let _ = std::io::stderr().write_all(outcome.stderr.as_bytes());
    std::process::exit(outcome.code);
}

/// A progress bar on stderr, shown only when stderr is a terminal and the
/// run has lasted more than a second.
struct Bar {
    terminal: bool,
    unit: Cell<&'static str>,
    total: Cell<u64>,
    started: Cell<Instant>,
    bar: RefCell<Option<indicatif::ProgressBar>>,
}

impl Bar {
    fn new(terminal: bool) -> Bar {
        Bar {
            terminal,
            unit: Cell::new("step"),
            total: Cell::new(0),
            started: Cell::new(Instant::now()),
            bar: RefCell::new(None),
        }
    }

    fn drawn(&self) -> indicatif::ProgressBar {
        let bar = indicatif::ProgressBar::new(self.total.get());
        let template = format!(
            "{{bar:40}} {} {{pos}}/{{len}}  loss {{msg}}  [{{elapsed}} elapsed, {{eta}} left]",
            self.unit.get()
        );
        bar.set_style(
            indicatif::ProgressStyle::with_template(&template)
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar
    }
}

impl Progress for Bar {
    fn begin(&self, unit: &'static str, total: u64) {
        self.end();
        self.unit.set(unit);
        self.total.set(total);
        self.started.set(Instant::now());
    }

    fn advanced(&self, done: u64, loss: f64) {
        if !self.terminal {
            return;
        }
        let mut bar = self.bar.borrow_mut();
        if bar.is_none() && self.started.get().elapsed() > Duration::from_secs(1) {
            *bar = Some(self.drawn());
        }
        if let Some(bar) = bar.as_ref() {
            bar.set_position(done);
            bar.set_message(stepgrad::number::format_significant(loss, 4));
        }
    }

    fn end(&self) {
        if let Some(bar) = self.bar.borrow_mut().take() {
            bar.finish_and_clear();
        }
    }
}
