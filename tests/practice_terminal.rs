//! `practice --interactive` at a real terminal: the binary runs in a
//! pseudo-terminal, so stdin and stdout are terminals. The student answers
//! a derivative wrong, asks for a hint, answers right and sees the score.

use rexpect::session::{spawn_with_options, Options};
use std::process::Command;
use stepgrad::practice::{generate, Request, Value};

const TIMEOUT_MS: u64 = 30_000;

#[test]
fn a_student_works_through_a_sheet_at_the_prompt() {
    let request = Request {
        topic: Some("derivative".into()),
        count: 1,
        level: 2,
        seed: 3,
    };
    let sheet = generate(&request).unwrap();
    let Value::Formula { formula, .. } = &sheet.exercises[0].answers[0].value else {
        panic!("a derivative exercise asks for a formula")
    };
    let mut command = Command::new(env!("CARGO_BIN_EXE_stepgrad"));
    command
        .args([
            "practice",
            "derivative",
            "--level",
            "2",
            "--count",
            "1",
            "--seed",
            "3",
            "--interactive",
        ])
        .env("NO_COLOR", "1")
        .env("TERM", "dumb");
    let mut session = spawn_with_options(
        command,
        Options::new()
            .timeout_ms(Some(TIMEOUT_MS))
            .strip_ansi_escape_codes(true),
    )
    .expect("the binary starts in a pseudo-terminal");
    session.exp_string("Exercise 1").unwrap();
    session.exp_string("Your answer").unwrap();
    session.send_line("1").unwrap();
    session.exp_string("Not yet").unwrap();
    session.exp_string("Your answer").unwrap();
    session.send_line("?").unwrap();
    session
        .exp_string("Hint 1: Name the outermost operation")
        .unwrap();
    session.exp_string("Your answer").unwrap();
    session.send_line(&formula.ascii).unwrap();
    session.exp_string("Right.").unwrap();
    session.exp_string("1 of one answer right.").unwrap();
    session.exp_eof().unwrap();
}
