//! The lessons: all nine in both languages run end to end (snapshots of
//! what a student reads), the two languages teach the same commands and
//! exercises, mistakes in a lesson file are reported at their line, and
//! the page-by-page session reacts to what the student types.

mod common;

use common::stepgrad;
use std::io::Cursor;
use stepgrad::i18n::Lang;
use stepgrad::lesson::{
    builtin, interact, parse_lesson, unclaimed_numbers, CommandOutput, ExerciseKind, Item, Lesson,
    LessonFormat, Presenter,
};

fn lessons(lang: Lang) -> Vec<Lesson> {
    builtin(lang)
        .iter()
        .map(|(path, text)| parse_lesson(path, text).unwrap_or_else(|e| panic!("{path}: {e:?}")))
        .collect()
}

/// Times vary from machine to machine; everything else must not.
fn snapshot(name: &str, text: &str) {
    let mut settings = insta::Settings::clone_current();
    settings.add_filter(r"\d+\.\d{3} s\b", "[time]");
    settings.bind(|| insta::assert_snapshot!(name, text));
}

#[test]
fn every_lesson_runs_in_both_languages() {
    for lang in ["en", "ko"] {
        for n in 1..=9 {
            let number = n.to_string();
            let out = stepgrad(&["lesson", &number, "--lang", lang, "--color", "never"]);
            assert_eq!(out.code, 0, "lesson {n} ({lang}): {}", out.stderr);
            assert!(out.stderr.is_empty(), "lesson {n} ({lang}): {}", out.stderr);
            assert!(!out.stdout.contains("panicked"));
            snapshot(&format!("lesson_{lang}_{n}"), &out.stdout);
        }
    }
}

#[test]
fn both_languages_teach_the_same_commands_and_exercises() {
    let (english, korean) = (lessons(Lang::En), lessons(Lang::Ko));
    assert_eq!(english.len(), 9);
    assert_eq!(korean.len(), 9);
    for (k, (en, ko)) in english.iter().zip(&korean).enumerate() {
        assert_eq!(en.number as usize, k + 1);
        assert_eq!(ko.number, en.number);
        assert_eq!(
            en.sections.len(),
            ko.sections.len(),
            "lesson {}: sections",
            en.number
        );
        let commands = |l: &Lesson| -> Vec<Vec<String>> {
            all_items(l)
                .filter_map(|i| match i {
                    Item::Commands(b) => Some(b.commands.iter().map(|c| c.args.clone())),
                    _ => None,
                })
                .flatten()
                .map(|args| args.to_vec())
                .collect()
        };
        assert_eq!(commands(en), commands(ko), "lesson {}: commands", en.number);
        let exercises = |l: &Lesson| -> Vec<ExerciseKind> {
            all_items(l)
                .filter_map(|i| match i {
                    Item::Exercise(e) => Some(e.kind.clone()),
                    _ => None,
                })
                .collect()
        };
        assert_eq!(
            exercises(en),
            exercises(ko),
            "lesson {}: exercises",
            en.number
        );
        assert!(
            !exercises(en).is_empty(),
            "lesson {} has no exercise",
            en.number
        );
    }
    // Lesson 2 exercises every rule with `check`'s logic.
    let derivatives = all_items(&english[1])
        .filter(
            |i| matches!(i, Item::Exercise(e) if matches!(e.kind, ExerciseKind::Derivative { .. })),
        )
        .count();
    assert!(
        derivatives >= 4,
        "lesson 2 has {derivatives} derivative exercises"
    );
}

fn all_items(lesson: &Lesson) -> impl Iterator<Item = &Item> {
    lesson
        .intro
        .iter()
        .chain(lesson.sections.iter().flat_map(|s| &s.items))
}

#[test]
fn the_list_shows_every_lesson_and_how_to_start() {
    for (lang, start) in [("en", "stepgrad lesson 1"), ("ko", "stepgrad lesson 1")] {
        let out = stepgrad(&["lesson", "--lang", lang]);
        assert_eq!(out.code, 0);
        for lesson in lessons(Lang::from_code(lang).unwrap()) {
            assert!(
                out.stdout
                    .contains(&format!("{}. {}", lesson.number, lesson.title)),
                "{}",
                lesson.title
            );
        }
        assert!(out.stdout.contains(start));
        snapshot(&format!("lesson_list_{lang}"), &out.stdout);
    }
    let listed = stepgrad(&["lesson", "list", "--lang", "en"]);
    assert_eq!(listed.stdout, stepgrad(&["lesson", "--lang", "en"]).stdout);
}

#[test]
fn korean_lessons_put_table_headers_in_korean() {
    let out = stepgrad(&["lesson", "6", "--lang", "ko", "--color", "never"]);
    assert!(out.stdout.contains("에포크"), "{}", out.stdout);
    assert!(out.stdout.contains("이터레이션"));
    let english = stepgrad(&["lesson", "6", "--lang", "en", "--color", "never"]);
    assert!(english.stdout.contains("│ epoch"));
}

#[test]
fn a_lesson_as_markdown_notes() {
    let out = stepgrad(&["lesson", "6", "--lang", "en", "--format", "markdown"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.starts_with("# Lesson 6 · "));
    assert!(out.stdout.contains("```sh\n$ stepgrad epochs"));
    assert!(
        out.stdout.contains("| quantity | value |"),
        "command output is in Markdown"
    );
    assert!(out.stdout.contains("<details><summary>Solution</summary>"));
    // The commands' headings sit below the lesson's sections.
    let out = stepgrad(&["lesson", "4", "--lang", "en", "--format", "markdown"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("```sh\n$ stepgrad graph"));
    assert!(
        out.stdout.contains("\n#### Computation graph of $f = "),
        "{}",
        out.stdout
    );
    let out = stepgrad(&["lesson", "1", "--format", "json"]);
    assert_eq!(out.code, 2);
}

fn lesson_file(name: &str, text: &str) -> String {
    let dir = std::env::temp_dir().join(format!("stepgrad-lessons-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_string_lossy().into_owned()
}

/// A lesson file's front matter and first section, up to line 8.
const HEAD: &str =
    "+++\nnumber = 1\ntitle = \"A test\"\nobjectives = [\"Test\"]\n+++\n\n## One\n\n";

#[test]
fn a_lesson_file_of_ones_own_runs() {
    let path = lesson_file(
        "own.md",
        &format!("{HEAD}Some prose.\n\n```stepgrad\ndiff \"x^3\" --at x=2 --no-steps\n```\n\n```exercise\nquestion = \"d/dx x^2?\"\nderivative = \"x^2\"\nhints = [\"Power rule.\"]\n```\n"),
    );
    let out = stepgrad(&["lesson", &path, "--lang", "en", "--color", "never"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out
        .stdout
        .contains("$ stepgrad diff \"x^3\" --at x=2 --no-steps"));
    assert!(out.stdout.contains("df/dx = 12"), "{}", out.stdout);
    assert!(out.stdout.contains("Hint 1: Power rule."));
    assert!(out.stdout.contains("d/dx [x²] = 2·x"));
}

/// A broken lesson file: exit 2, the file, line and column, no panic.
fn broken(name: &str, text: &str, (line, column): (usize, usize), message: &str) {
    let path = lesson_file(name, text);
    let out = stepgrad(&["lesson", &path, "--lang", "en", "--color", "never"]);
    assert_eq!(out.code, 2, "{name}: {}{}", out.stdout, out.stderr);
    assert!(out.stdout.is_empty());
    assert!(
        out.stderr.contains(&format!("{name}:{line}:{column}\n")),
        "{name}: expected line {line}, column {column} in\n{}",
        out.stderr
    );
    assert!(
        out.stderr.contains(message),
        "{name}: expected '{message}' in\n{}",
        out.stderr
    );
    assert!(!out.stderr.contains("panicked"));
}

#[test]
fn mistakes_in_a_lesson_file_are_found_at_their_line() {
    broken(
        "no-front-matter.md",
        "# Title\n\nText.\n",
        (1, 1),
        "front matter",
    );
    broken(
        "bad-number.md",
        "+++\nnumber = \"one\"\ntitle = \"T\"\nobjectives = [\"o\"]\n+++\n## S\n",
        (2, 10),
        "number must be a whole number of 1 or more",
    );
    broken(
        "unknown-key.md",
        "+++\nnumber = 1\ntitle = \"T\"\nauthor = \"me\"\nobjectives = [\"o\"]\n+++\n## S\n",
        (4, 1),
        "unknown front-matter key 'author'",
    );
    broken(
        "no-objectives.md",
        "+++\nnumber = 1\ntitle = \"T\"\n+++\n## S\n",
        (4, 1),
        "no objectives",
    );
    broken(
        "unclosed-block.md",
        &format!("{HEAD}```stepgrad\ndiff \"x^2\"\n"),
        (9, 1),
        "never closed",
    );
    broken(
        "unknown-command.md",
        &format!("{HEAD}```stepgrad\ndiff \"x^2\"\ndifferentiate \"x^2\"\n```\n"),
        (11, 1),
        "unrecognized subcommand 'differentiate'",
    );
    broken(
        "unknown-option.md",
        &format!("{HEAD}```stepgrad\ndiff \"x^2\" --speed 3\n```\n"),
        (10, 12),
        "--speed",
    );
    broken(
        "recursive.md",
        &format!("{HEAD}```stepgrad\nlesson 1\n```\n"),
        (10, 1),
        "cannot run inside a lesson",
    );
    broken(
        "writes-files.md",
        &format!("{HEAD}```stepgrad\ntrain xor --plot curve.svg\n```\n"),
        (10, 11),
        "--plot is not allowed",
    );
    broken(
        "fails-when-run.md",
        &format!("{HEAD}Text.\n\n```stepgrad\ndiff \"x^\"\n```\n"),
        (12, 1),
        "this command failed",
    );
    broken(
        "bad-exercise.md",
        &format!("{HEAD}```exercise\nquestion = \"?\"\nanswer = 1\nderivative = \"x\"\n```\n"),
        (11, 10),
        "not both",
    );
    broken(
        "exercise-not-toml.md",
        &format!("{HEAD}```exercise\nquestion = \"?\nanswer = 1\n```\n"),
        (10, 14),
        "the exercise is not valid TOML",
    );
    broken(
        "exercise-wrong-type.md",
        &format!("{HEAD}```exercise\nquestion = \"?\"\nanswer = \"1.6\"\n```\n"),
        (11, 10),
        "answer must be a number",
    );
    broken(
        "exercise-unknown-key.md",
        &format!("{HEAD}```exercise\nquestion = \"?\"\nanswer = 1\nhint = \"Count.\"\n```\n"),
        (12, 1),
        "unknown exercise key 'hint'",
    );
    // A usage error shown on purpose is part of the lesson.
    let path = lesson_file(
        "expected-error.md",
        &format!("{HEAD}```stepgrad expect-error\ndiff \"1/2x\"\n```\n"),
    );
    let out = stepgrad(&["lesson", &path, "--color", "never"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains("may or may not belong to the"),
        "{}",
        out.stdout
    );
    let out = stepgrad(&["lesson", "10"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("there is no lesson 10"));
    let out = stepgrad(&["lesson", "/no/such/lesson.md"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("/no/such/lesson.md"));
}

/// Runs a lesson interactively with the given keystrokes; returns what the
/// student saw.
fn session(text: &str, keys: &str) -> String {
    let lesson = parse_lesson("session.md", text).unwrap();
    let runner = |args: &[String]| -> CommandOutput {
        let mut all = vec!["stepgrad".to_string()];
        all.extend_from_slice(args);
        let o = stepgrad::cli::run(all);
        CommandOutput {
            stdout: o.stdout,
            stderr: o.stderr,
            code: o.code,
        }
    };
    let presenter = Presenter {
        lesson: &lesson,
        path: "session.md",
        source: text,
        lang: Lang::En,
        format: LessonFormat::Text,
        color: false,
        next: None,
        run: &runner,
    };
    let mut input = Cursor::new(keys.as_bytes().to_vec());
    let mut output = Vec::new();
    interact(&presenter, &mut input, &mut output).unwrap();
    String::from_utf8(output).unwrap()
}

const SESSION: &str = "+++\nnumber = 1\ntitle = \"Session\"\nobjectives = [\"Answer\"]\n+++\n\nWelcome.\n\n## First\n\nPage one.\n\n```exercise\nquestion = \"What is 2 + 2?\"\nanswer = 4\nhints = [\"Count.\", \"Two and two.\"]\nsolution = \"Four.\"\n```\n\nAfter the exercise.\n\n## Second\n\nPage two.\n";

#[test]
fn hints_come_after_wrong_answers_and_the_solution_after_three() {
    let seen = session(SESSION, "\n5\n6\n7\nq\n");
    let hint1 = seen.find("Hint 1: Count.").expect("first hint");
    let hint2 = seen.find("Hint 2: Two and two.").expect("second hint");
    let solution = seen.find("Solution: Four.").expect("solution");
    assert!(hint1 < hint2 && hint2 < solution);
    assert_eq!(seen.matches("Not yet").count(), 3);
    assert!(seen.contains("It is too large."));
    assert!(seen.contains("After the exercise."));
    assert!(!seen.contains("Page two."), "q quits before page two");
}

#[test]
fn a_right_answer_hints_on_request_and_going_back() {
    let seen = session(SESSION, "\n?\n2*2\n\nb\n\n\n\n");
    assert!(seen.contains("Hint 1: Count."));
    assert!(seen.contains("✓ Right."));
    assert!(seen.contains("Page two."));
    // Back on page one the exercise is shown as answered, not asked again.
    assert_eq!(seen.matches("Page one.").count(), 2);
    assert!(seen.contains("(answered)"));
    assert_eq!(seen.matches("Your answer").count(), 2);
    // Unreadable answers do not count as attempts.
    let seen = session(SESSION, "\n2+\nfour\n4\nq\n");
    assert!(seen.contains("✓ Right."));
    assert!(!seen.contains("Not yet"));
    assert!(seen.contains("Answer with a number"));
    // The end of input ends the session quietly.
    let seen = session(SESSION, "\n");
    assert!(seen.contains("Your answer"));
}

/// A section whose prose quotes a command's output, with its claims.
fn claimed(claims: &str) -> String {
    format!("{HEAD}Three steps reach f = 2.3593.\n\n```stepgrad\nminimize \"x^2\" --start x=3 --lr 0.1 --steps 3\n```\n\n```claims\n{claims}\n```\n\nAfter the claims.\n")
}

#[test]
fn claims_that_hold_are_checked_and_never_shown() {
    let path = lesson_file(
        "claims-hold.md",
        &claimed("contains = [\"1.92  3.6864\", \"with f = 2.3593\"]\nhand = { \"0.36\" = \"3*0.1*1.2\", \"−0.600\" = \"-0.1*6\" }"),
    );
    for format in ["text", "markdown", "latex"] {
        let out = stepgrad(&["lesson", &path, "--format", format, "--color", "never"]);
        assert_eq!(out.code, 0, "{format}: {}", out.stderr);
        assert!(out.stdout.contains("After the claims."), "{format}");
        for hidden in ["contains", "hand", "```claims", "3*0.1*1.2"] {
            assert!(!out.stdout.contains(hidden), "{format} shows {hidden}");
        }
    }
    // Colour does not hide a number from a claim.
    let out = stepgrad(&["lesson", &path, "--color", "always"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
}

#[test]
fn a_claim_the_output_contradicts_stops_the_lesson_in_every_format() {
    let text = claimed("contains = [\"1.92\",\n  \"f = 2.3594\"]");
    let path = lesson_file("claims-fail.md", &text);
    for format in ["text", "markdown", "latex"] {
        let out = stepgrad(&["lesson", &path, "--format", format, "--lang", "en"]);
        assert_eq!(out.code, 2, "{format}: {}", out.stdout);
        assert!(out.stdout.is_empty(), "{format}");
        // The claim's own line (17), the text and the command.
        assert!(out.stderr.contains("claims-fail.md:17:"), "{}", out.stderr);
        assert!(
            out.stderr.contains("the lesson claims 'f = 2.3594', but stepgrad minimize \"x^2\" --start x=3 --lr 0.1 --steps 3 does not print it"),
            "{}",
            out.stderr
        );
    }
    let out = stepgrad(&["lesson", &path, "--lang", "ko"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .contains("레슨은 'f = 2.3594'가 나온다고 하지만 stepgrad minimize"),
        "{}",
        out.stderr
    );
    // A claim is checked in the terminal session too.
    let lesson = parse_lesson(&path, &text).unwrap();
    let runner = |args: &[String]| -> CommandOutput {
        let o = stepgrad::cli::run(std::iter::once("stepgrad".to_string()).chain(args.to_vec()));
        CommandOutput {
            stdout: o.stdout,
            stderr: o.stderr,
            code: o.code,
        }
    };
    let presenter = Presenter {
        lesson: &lesson,
        path: &path,
        source: &text,
        lang: Lang::En,
        format: LessonFormat::Text,
        color: true,
        next: None,
        run: &runner,
    };
    let mut input = Cursor::new(b"\n\n".to_vec());
    let mut output = Vec::new();
    let error = interact(&presenter, &mut input, &mut output).unwrap_err();
    assert_eq!(error.exit_code(), 2);
    assert!(format!("{error:?}").contains("2.3594"), "{error:?}");
}

#[test]
fn a_claim_about_a_command_the_student_does_not_see() {
    let text = format!("{HEAD}At x = 1.5 the slope of x³ is 6.75.\n\n```claims\ncommand = \"stepgrad diff x^3 --at x=1.5 --no-steps\"\ncontains = [\"df/dx = 6.75\"]\n```\n");
    let out = stepgrad(&["lesson", &lesson_file("claims-command.md", &text)]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(!out.stdout.contains("diff"), "{}", out.stdout);
    let wrong = text.replace("df/dx = 6.75", "df/dx = 6.5");
    let out = stepgrad(&[
        "lesson",
        &lesson_file("claims-command-wrong.md", &wrong),
        "--lang",
        "en",
    ]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("claims-command-wrong.md:13:"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("'df/dx = 6.5'"), "{}", out.stderr);
    assert!(out
        .stderr
        .contains("stepgrad diff x^3 --at x=1.5 --no-steps"));
}

#[test]
fn a_hand_worked_number_must_follow_from_its_arithmetic() {
    let text = claimed("hand = { \"0.3775\" = \"0.15*0.05 + 0.20*0.10 + 0.35\",\n  \"0.3785\" = \"0.15*0.05 + 0.20*0.10 + 0.35\" }");
    let path = lesson_file("hand-wrong.md", &text);
    let out = stepgrad(&["lesson", &path, "--lang", "en"]);
    assert_eq!(out.code, 2, "{}", out.stdout);
    assert!(out.stderr.contains("hand-wrong.md:17:"), "{}", out.stderr);
    assert!(
        out.stderr.contains(
            "the lesson works out 0.3785 as 0.15*0.05 + 0.20*0.10 + 0.35, but that gives 0.3775"
        ),
        "{}",
        out.stderr
    );
    let out = stepgrad(&["lesson", &path, "--lang", "ko"]);
    assert!(
        out.stderr.contains("그 값은 0.3775입니다"),
        "{}",
        out.stderr
    );
}

#[test]
fn mistakes_in_a_claims_block_are_found_at_their_line() {
    broken(
        "claims-unknown-key.md",
        &claimed("contain = [\"1.92\"]"),
        (16, 1),
        "unknown claims key 'contain'",
    );
    broken(
        "claims-nothing.md",
        &claimed("contains = []"),
        (15, 1),
        "this claims block claims nothing",
    );
    broken(
        "claims-no-command.md",
        &format!("{HEAD}Text 0.123.\n\n```claims\ncontains = [\"0.123\"]\n```\n"),
        (11, 1),
        "comes after the stepgrad block whose output it checks",
    );
    broken(
        "claims-command-unused.md",
        &claimed("command = \"diff x^2\"\nhand = { \"4.00\" = \"2*2\" }"),
        (16, 11),
        "command is run only to check the texts of contains",
    );
    broken(
        "claims-command-forbidden.md",
        &claimed("command = \"lesson 1\"\ncontains = [\"1\"]"),
        (16, 1),
        "cannot run inside a lesson",
    );
    broken(
        "hand-not-a-number.md",
        &claimed("hand = { \"about 3\" = \"3\" }"),
        (16, 10),
        "hand: 'about 3' is not a number written with digits",
    );
    broken(
        "hand-variable.md",
        &claimed("hand = { \"0.36\" = \"3*lr*1.2\" }"),
        (16, 19),
        "hand: 3*lr*1.2 has the variable lr",
    );
    broken(
        "hand-unreadable.md",
        &claimed("hand = { \"0.36\" = \"3*0.1*\" }"),
        (16, 25),
        "hand: ",
    );
    broken(
        "claims-empty-text.md",
        &claimed("contains = [\"1.92\", \" \"]"),
        (16, 21),
        "claim 2 is empty",
    );
    // In Korean too, in the catalogue's words.
    let path = lesson_file("claims-ko.md", &claimed("contain = [\"1.92\"]"));
    let out = stepgrad(&["lesson", &path, "--lang", "ko"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("claims-ko.md:16:1"), "{}", out.stderr);
    assert!(
        out.stderr
            .contains("claims 블록에 알 수 없는 키 'contain'이 있습니다"),
        "{}",
        out.stderr
    );
}

/// The family rule: every decimal number of 3 or more significant digits
/// in a lesson's prose is covered by a claim of its section. Run it alone
/// with `cargo test --test lessons quoted_numbers`.
mod quoted_numbers {
    use super::*;
    use std::collections::BTreeSet;

    /// The numbers still quoted without a claim, `file:number` a line: the
    /// list only shrinks (tests/data/unclaimed_numbers.txt).
    const ALLOWED: &str = "tests/data/unclaimed_numbers.txt";

    fn listed() -> BTreeSet<String> {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(ALLOWED);
        std::fs::read_to_string(path)
            .unwrap_or_default()
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(String::from)
            .collect()
    }

    #[test]
    fn the_checker_finds_a_number_without_a_claim() {
        let text = format!("{HEAD}Three steps reach f = 2.3593 from 9, moving x by 0.600 and then 0.480; x ends at 1.536 (the table: `1.920`).\n\n```stepgrad\nminimize \"x^2\" --start x=3 --lr 0.1 --steps 3\n```\n\n```claims\ncontains = [\"f = 2.35930\", \"0.48\"]\nhand = {{ \"0.600\" = \"0.1*6\" }}\n```\n\n## Two\n\nThe same 2.3593 in another section, and 0.01 of one digit.\n");
        let lesson = parse_lesson("fixture.md", &text).unwrap();
        let found: Vec<(usize, String)> = unclaimed_numbers(&lesson)
            .into_iter()
            .map(|u| (u.section, u.number))
            .collect();
        // 2.3593 rounds the claimed 2.35930; 0.600 is worked out by hand;
        // 0.480 has more digits than the claimed 0.48; 1.920 is code.
        assert_eq!(
            found,
            [
                (1, "0.480".to_string()),
                (1, "1.536".into()),
                (2, "2.3593".into())
            ]
        );
    }

    #[test]
    fn every_quoted_number_is_claimed() {
        let allowed = listed();
        let mut unclaimed = BTreeSet::new();
        let mut report = String::new();
        for lang in [Lang::En, Lang::Ko] {
            for (path, text) in builtin(lang) {
                let lesson = parse_lesson(&path, text).unwrap();
                for u in unclaimed_numbers(&lesson) {
                    let entry = format!("{path}:{}", u.number);
                    if !allowed.contains(&entry) {
                        report.push_str(&format!(
                            "{path} § {} \"{}\": {}\n",
                            u.section, u.title, u.number
                        ));
                    }
                    unclaimed.insert(entry);
                }
            }
        }
        let stale: Vec<&String> = allowed.iter().filter(|e| !unclaimed.contains(*e)).collect();
        let all: Vec<&String> = unclaimed.iter().collect();
        assert!(
            report.is_empty(),
            "numbers quoted in prose without a claim of their section:\n{report}\nclaim them in a ```claims block"
        );
        assert!(
            stale.is_empty(),
            "claimed now, so remove from {ALLOWED}: {stale:?}\n(the list as it stands: {} entries)",
            all.len()
        );
    }
}

/// One screen at a time: pages taller than the terminal are cut into
/// screens under their heading (and command), `q` says how to resume,
/// `--from` starts at a section.
mod screens {
    use super::*;
    use std::collections::BTreeSet;
    use stepgrad::cli::{run_in, Session, Streams};
    use stepgrad::interrupt::{Cancel, Control};
    use stepgrad::lesson::{interact_with, rows_of, ScreenSize, SessionOptions};

    /// Sections of the built-in lessons that take more than one screen of
    /// 40 rows, `file:section` a line: the list only shrinks
    /// (tests/data/tall_sections.txt).
    const TALL: &str = "tests/data/tall_sections.txt";

    /// Runs stepgrad as the lesson runner does, at 80 columns.
    fn at_80_columns(args: &[String]) -> CommandOutput {
        let cancel = Cancel::new();
        let session = Session {
            terminal: None,
            streams: Streams {
                columns_variable: Some(80),
                ..Streams::default()
            },
            control: Control::quiet(&cancel),
        };
        let o = run_in(
            std::iter::once("stepgrad".to_string()).chain(args.to_vec()),
            session,
        );
        CommandOutput {
            stdout: o.stdout,
            stderr: o.stderr,
            code: o.code,
        }
    }

    /// What the student sees, typing `keys`, in a terminal of `size`;
    /// the session's language is `lang`.
    fn seen(path: &str, text: &str, lang: Lang, keys: &str, options: &SessionOptions) -> String {
        let lesson = parse_lesson(path, text).unwrap();
        let presenter = Presenter {
            lesson: &lesson,
            path,
            source: text,
            lang,
            format: LessonFormat::Text,
            color: false,
            next: None,
            run: &at_80_columns,
        };
        let mut input = Cursor::new(keys.as_bytes().to_vec());
        let mut output = Vec::new();
        interact_with(&presenter, &mut input, &mut output, options).unwrap();
        String::from_utf8(output).unwrap()
    }

    /// The screens of a session's transcript, each ending with its
    /// navigation prompt (whose keys end with `quit`).
    fn screens_of<'t>(transcript: &'t str, quit: &str) -> Vec<&'t str> {
        transcript
            .split_inclusive(quit)
            .filter(|s| s.ends_with(quit))
            .collect()
    }

    /// The rows a screen takes: its lines at 80 columns, and one more for
    /// each answer the student types (the terminal echoes the Enter).
    fn rows(screen: &str) -> usize {
        rows_of(screen, 80)
            + screen.matches("Your answer").count()
            + screen.matches("답을 입력하세요").count()
    }

    /// A lesson whose second section is a long run: a table and a plot.
    fn long_lesson() -> String {
        format!("{HEAD}Short.\n\n## Long\n\nA long run follows.\n\n```stepgrad\nminimize \"x^2\" --start x=3 --lr 0.01 --steps 60\n```\n\nAfter the run.\n\n## Last\n\nThe end.\n")
    }

    #[test]
    fn a_long_section_is_paged_under_its_heading_and_command() {
        let text = long_lesson();
        let size = ScreenSize {
            rows: 40,
            columns: 80,
        };
        for (lang, quit, continued) in [
            (Lang::En, "[q] quit ", "━━ Long (continued) ━━"),
            (Lang::Ko, "[q] 끝내기 ", "━━ Long (계속) ━━"),
        ] {
            let options = SessionOptions {
                size,
                ..SessionOptions::default()
            };
            let transcript = seen("long.md", &text, lang, &"\n".repeat(12), &options);
            let screens = screens_of(&transcript, quit);
            let long: Vec<&&str> = screens.iter().filter(|s| s.contains("━━ Long")).collect();
            assert!(long.len() >= 2, "{transcript}");
            for (k, screen) in screens.iter().enumerate() {
                assert!(
                    rows(screen) <= 40,
                    "screen {k} has {} rows:\n{screen}",
                    rows(screen)
                );
            }
            for screen in &long[1..] {
                let mut lines = screen.lines().skip(1);
                assert!(lines.next().unwrap().starts_with(continued), "{screen}");
                assert_eq!(lines.next(), Some(""));
                assert_eq!(
                    lines.next(),
                    Some("$ stepgrad minimize \"x^2\" --start x=3 --lr 0.01 --steps 60"),
                    "{screen}"
                );
            }
            // Every row of the table once, the prose after it, the last page.
            for step in ["│ 0 ", "│ 19 ", "│ 60 "] {
                assert_eq!(transcript.matches(step).count(), 1, "{step}");
            }
            assert!(transcript.contains("After the run."));
            assert!(transcript.contains("The end."));
            let screen_of = if lang == Lang::En {
                "screen 2 of "
            } else {
                "화면 2/"
            };
            assert!(transcript.contains(screen_of), "{transcript}");
        }
    }

    #[test]
    fn back_goes_one_screen_back() {
        let text = long_lesson();
        let options = SessionOptions::default();
        // Title, section 2 screen 1, screen 2, back to screen 1, quit.
        let transcript = seen("long.md", &text, Lang::En, "\n\n\nb\nq\n", &options);
        let screens = screens_of(&transcript, "[q] quit ");
        assert_eq!(screens.len(), 5, "{transcript}");
        assert_eq!(screens[4], screens[2], "b shows the screen before, whole");
    }

    #[test]
    fn quitting_says_how_to_resume_in_the_session_language() {
        let text = long_lesson();
        let options = SessionOptions {
            resume: Some("stepgrad lesson 5".into()),
            ..SessionOptions::default()
        };
        let transcript = seen("long.md", &text, Lang::En, "\n\nq\n", &options);
        assert!(
            transcript.ends_with("\nTo continue from here: stepgrad lesson 5 --from 2\n"),
            "{transcript}"
        );
        let transcript = seen("long.md", &text, Lang::Ko, "\nq\n", &options);
        assert!(
            transcript.ends_with(
                "\n여기서부터 이어서 보려면 다음 명령을 실행하세요: stepgrad lesson 5 --from 1\n"
            ),
            "{transcript}"
        );
        // At an exercise's prompt too; on the title page without --from.
        let transcript = seen(
            "session.md",
            SESSION,
            Lang::En,
            "\nq\n",
            &SessionOptions::default(),
        );
        assert!(
            transcript.ends_with("stepgrad lesson 1 --from 1\n"),
            "{transcript}"
        );
        let transcript = seen(
            "session.md",
            SESSION,
            Lang::En,
            "q\n",
            &SessionOptions::default(),
        );
        assert!(
            transcript.ends_with("To continue from here: stepgrad lesson 1\n"),
            "{transcript}"
        );
    }

    #[test]
    fn from_starts_at_a_section() {
        let text = long_lesson();
        let options = SessionOptions {
            first_page: 3,
            ..SessionOptions::default()
        };
        let transcript = seen("long.md", &text, Lang::En, "\n", &options);
        assert!(transcript.starts_with("\n━━ Last ━━"), "{transcript}");
        assert!(transcript.contains("section 3 of 3 · [Enter] finish"));
        // On the command line: printed from section 3, and in range only.
        let path = lesson_file("from.md", &text);
        let out = stepgrad(&["lesson", &path, "--from", "3", "--color", "never"]);
        assert_eq!(out.code, 0, "{}", out.stderr);
        assert!(out.stdout.starts_with("━━ Last ━━"), "{}", out.stdout);
        for (lang, said) in [
            (
                "en",
                "--from 4: Lesson 5 · Backpropagation through a network has sections 1 to ",
            ),
            ("ko", "--from 4: 레슨 5 · "),
        ] {
            let out = stepgrad(&["lesson", "5", "--from", "40", "--lang", lang]);
            assert_eq!(out.code, 2, "{}", out.stdout);
            let said = said.replace("4", "40");
            assert!(out.stderr.contains(&said), "{}", out.stderr);
        }
        let out = stepgrad(&["lesson", &path, "--from", "0", "--lang", "en"]);
        assert_eq!(out.code, 2);
        assert!(out.stderr.contains("has sections 1 to 3"), "{}", out.stderr);
        assert!(
            out.stderr.contains("from.md has sections"),
            "{}",
            out.stderr
        );
        let out = stepgrad(&["lesson", "--from", "2", "--lang", "ko"]);
        assert_eq!(out.code, 2);
        assert!(
            out.stderr.contains("--from은 레슨 목록이 아니라"),
            "{}",
            out.stderr
        );
    }

    #[test]
    fn the_list_fits_one_screen() {
        for lang in ["en", "ko"] {
            let out = stepgrad(&["lesson", "--lang", lang]);
            assert!(rows_of(out.stdout.trim_end(), 80) <= 40, "{}", out.stdout);
        }
    }

    /// Every lesson in both languages, Enter at every prompt, at 80×40:
    /// every screen fits, no line is wider than 80 columns, and the
    /// sections that take more than one screen are those listed in TALL.
    #[test]
    fn every_lesson_fits_a_terminal_of_80_by_40() {
        let listed: BTreeSet<String> =
            std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(TALL))
                .unwrap_or_default()
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .map(String::from)
                .collect();
        let mut tall = BTreeSet::new();
        let mut failures = Vec::new();
        for (lang, quit, screen_of) in [
            (Lang::En, "[q] quit ", "section "),
            (Lang::Ko, "[q] 끝내기 ", "절 "),
        ] {
            for (path, text) in builtin(lang) {
                let lesson = parse_lesson(&path, text).unwrap();
                let keys = "\n".repeat(400);
                let transcript = seen(&path, text, lang, &keys, &SessionOptions::default());
                for screen in screens_of(&transcript, quit) {
                    if rows(screen) > 40 {
                        failures.push(format!("{path}: a screen of {} rows", rows(screen)));
                    }
                    for line in screen.lines() {
                        if rows_of(line, 80) > 1 {
                            failures.push(format!(
                                "{path}: a line of {} columns: {line}",
                                stepgrad::wrap::visible_columns(line)
                            ));
                        }
                    }
                    let prompt = screen.lines().last().unwrap_or("");
                    let several = prompt.contains("screen ") || prompt.contains("화면 ");
                    if several && prompt.starts_with(screen_of) {
                        let section: String = prompt[screen_of.len()..]
                            .chars()
                            .take_while(char::is_ascii_digit)
                            .collect();
                        tall.insert(format!("{path}:{section}"));
                    }
                }
                assert!(
                    transcript.contains(&format!("{}", lesson.sections.len())),
                    "{path} ran to its end"
                );
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
        let new: Vec<&String> = tall.difference(&listed).collect();
        let gone: Vec<&String> = listed.difference(&tall).collect();
        assert!(
            new.is_empty(),
            "sections taller than one screen, not in {TALL}: {new:?}\nsplit them, or list them"
        );
        assert!(
            gone.is_empty(),
            "sections that fit one screen now, so remove from {TALL}: {gone:?}"
        );
    }
}
