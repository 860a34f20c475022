//! A student at a real terminal: the stepgrad binary runs in a
//! pseudo-terminal, so stdin and stdout are terminals and `lesson` walks
//! through the pages. Lesson 2 is opened, the student steps forward and
//! back, answers an exercise wrong and then right, and quits.

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
    let (exercise_page, sections, right_answer) = first_exercise();
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
    let next = "[Enter] next";

    // The title page, then forward to section 1.
    session.exp_string("Lesson 2 ").unwrap();
    if exercise_page == 0 {
        session.exp_string("Your answer").unwrap();
        session.send_line("").unwrap();
    }
    session.exp_string(next).unwrap();
    session.send_line("").unwrap();
    if exercise_page == 1 {
        session.exp_string("Your answer").unwrap();
        session.send_line("").unwrap();
    }
    session
        .exp_string(&format!("section 1 of {sections}"))
        .unwrap();
    // Back to the title page, and forward again.
    session.send_line("b").unwrap();
    session.exp_string("Lesson 2 ").unwrap();
    if exercise_page == 0 {
        session.exp_string("Your answer").unwrap();
        session.send_line("").unwrap();
    }
    session.exp_string(next).unwrap();
    let mut page = 0;
    while page < exercise_page.max(1) {
        session.send_line("").unwrap();
        page += 1;
        if page < exercise_page {
            session
                .exp_string(&format!("section {page} of {sections}"))
                .unwrap();
        }
    }
    // The exercise: a wrong answer, told why, then the right one.
    session.exp_string("Your answer").unwrap();
    session.send_line("0").unwrap();
    session.exp_string("Not yet").unwrap();
    session.exp_string("Your answer").unwrap();
    session.send_line(&right_answer).unwrap();
    session.exp_string("Right").unwrap();
    // Quit at the next prompt of the page.
    loop {
        let (_, found) = session.exp_regex(r"(Your answer|\[q\] quit)").unwrap();
        if found.contains("Your answer") {
            session.send_line("").unwrap();
        } else {
            break;
        }
    }
    session.send_line("q").unwrap();
    session.exp_eof().unwrap();
    let status = session.process_mut().wait().unwrap();
    assert!(
        matches!(status, rexpect::process::WaitStatus::Exited(_, 0)),
        "{status:?}"
    );
}
