//! The `stepgrad` binary: runs the command line and writes what it returns.

use std::io::Write;

fn main() {
    let outcome = stepgrad::cli::run(std::env::args_os());
    let mut stdout = std::io::stdout().lock();
    // A closed pipe (stepgrad … | head) is not an error worth reporting.
    let _ = stdout.write_all(outcome.stdout.as_bytes());
    let _ = stdout.flush();
    let _ = std::io::stderr().write_all(outcome.stderr.as_bytes());
    std::process::exit(outcome.code);
}
