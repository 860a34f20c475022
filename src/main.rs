//! The `stepgrad` binary: runs the command line and writes what it returns.
//! When stdin and stdout are both terminals, commands get the terminal to
//! talk with (`lesson` then walks through a lesson page by page).

use std::io::{IsTerminal, Write};

fn main() {
    // Ctrl-C stops a long loop at its next step, keeping what it computed;
    // with no loop running (or at a second Ctrl-C) it ends the process.
    let _ = ctrlc::set_handler(|| {
        if !stepgrad::interrupt::request() {
            std::process::exit(stepgrad::interrupt::EXIT_CODE);
        }
    });
    let interactive = std::io::stdin().is_terminal() && std::io::stdout().is_terminal();
    let outcome = if interactive {
        let mut input = std::io::stdin().lock();
        let mut output = std::io::stdout();
        stepgrad::cli::run_in_terminal(
            std::env::args_os(),
            stepgrad::cli::Terminal {
                input: &mut input,
                output: &mut output,
            },
        )
    } else {
        stepgrad::cli::run(std::env::args_os())
    };
    let mut stdout = std::io::stdout().lock();
    // A closed pipe (stepgrad … | head) is not an error worth reporting.
    let _ = stdout.write_all(outcome.stdout.as_bytes());
    let _ = stdout.flush();
    let _ = std::io::stderr().write_all(outcome.stderr.as_bytes());
    std::process::exit(outcome.code);
}
