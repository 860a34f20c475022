//! A student at a real terminal: the stepgrad binary runs in a
//! pseudo-terminal, so stdin and stdout are terminals and `lesson` walks
//! through the pages, screen by screen. Lesson 2 is opened, the student
//! steps forward and back, answers an exercise wrong and then right, and
//! quits, told how to resume.

use rexpect::session::{spawn_with_options, Options};
use std::process::Command;
use stepgrad::calculus::derivative;
use stepgrad::expr::{ascii, parse, Graph};
use stepgrad::i18n::Lang;
use stepgrad::lesson::{builtin, parse_lesson, ExerciseKind, Item};

/// rexpect reads the terminal byte by byte, so only ASCII text is matched.
const TIMEOUT_MS: u64 = 30_000;

/// The page (0: the title page) holding lesson 2's first derivative
/// exercise, and its right answer in ASCII.
fn first_exercise() -> (usize, usize, String) {
    let (path, text) = &builtin(Lang::En)[1];
    let lesson = parse_lesson(path, text).expect("lesson 2 is well formed");
    let pages = std::iter::once(&lesson.intro).chain(lesson.sections.iter().map(|s| &s.items));
    for (page, items) in pages.enumerate() {
        for item in items {
            if let Item::Exercise(e) = item {
                if let ExerciseKind::Derivative { expr, wrt } = &e.kind {
                    let mut graph = Graph::new();
                    let root = parse(&mut graph, expr).unwrap();
                    let d = derivative(&mut graph, root, wrt);
                    return (page, lesson.sections.len(), ascii(&graph, d));
                }
                panic!("lesson 2's first exercise should ask for a derivative");
            }
        }
    }
    panic!("lesson 2 has no exercise");
}

#[test]
fn a_student_steps_through_lesson_2_and_answers_an_exercise() {
    let (_, sections, right_answer) = first_exercise();
    let mut command = Command::new(env!("CARGO_BIN_EXE_stepgrad"));
    command
        .args(["lesson", "2", "--lang", "en"])
        .env("NO_COLOR", "1")
        .env("TERM", "dumb");
    let mut session = spawn_with_options(
        command,
        Options::new()
            .timeout_ms(Some(TIMEOUT_MS))
            .strip_ansi_escape_codes(true),
    )
    .expect("the binary starts in a pseudo-terminal");
    // A navigation prompt, or an exercise's.
    let prompt = r"(Your answer|section \d+ of \d+[^\[]*\[Enter\] next|\[Enter\] next)";

    // The title page, then forward, screen by screen, to section 1; an
    // exercise on the way is skipped.
    session.exp_string("Lesson 2 ").unwrap();
    loop {
        let (_, found) = session.exp_regex(prompt).unwrap();
        if found.starts_with(&format!("section 1 of {sections}")) {
            break;
        }
        session.send_line("").unwrap();
    }
    // Back to the title page, and forward again to the first exercise.
    session.send_line("b").unwrap();
    session.exp_string("Lesson 2 ").unwrap();
    loop {
        let (_, found) = session.exp_regex(prompt).unwrap();
        if found == "Your answer" {
            break;
        }
        session.send_line("").unwrap();
    }
    // The exercise: a wrong answer, told why, then the right one.
    session.send_line("0").unwrap();
    session.exp_string("Not yet").unwrap();
    session.exp_string("Your answer").unwrap();
    session.send_line(&right_answer).unwrap();
    session.exp_string("Right").unwrap();
    // Quit at the next prompt of the page: stepgrad says how to resume.
    loop {
        let (_, found) = session.exp_regex(r"(Your answer|\[q\] quit)").unwrap();
        if found.contains("Your answer") {
            session.send_line("").unwrap();
        } else {
            break;
        }
    }
    session.send_line("q").unwrap();
    session
        .exp_regex(r"To continue from here: stepgrad lesson 2( --lang en)? --from \d")
        .unwrap();
    session.exp_eof().unwrap();
    let status = session.process_mut().wait().unwrap();
    assert!(
        matches!(status, rexpect::process::WaitStatus::Exited(_, 0)),
        "{status:?}"
    );
}
