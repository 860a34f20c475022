//! The lessons: all nine in both languages run end to end (snapshots of
//! what a student reads), the two languages teach the same commands and
//! exercises, mistakes in a lesson file are reported at their line, and
//! the page-by-page session reacts to what the student types.

mod common;

use common::stepgrad;
use std::io::Cursor;
use stepgrad::i18n::Lang;
use stepgrad::lesson::{
    builtin, interact, judge, parse_lesson, question_text, solution, CommandOutput, Exercise,
    ExerciseKind, Item, Lesson, LessonFormat, Prediction, Presenter, Verdict,
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
        let exercises = |l: &Lesson| -> Vec<String> {
            all_items(l)
                .filter_map(|i| match i {
                    Item::Exercise(e) => Some(e.kind.in_any_language()),
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
    assert!(out.stdout.contains("\n## Solutions\n"));
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
        out.stdout
            .contains("may or may not belong to the denominator"),
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

/// The exercises of a lesson, in order.
fn exercises_of(lesson: &Lesson) -> Vec<&Exercise> {
    all_items(lesson)
        .filter_map(|i| match i {
            Item::Exercise(e) => Some(e),
            _ => None,
        })
        .collect()
}

#[test]
fn every_lesson_asks_a_prediction_tied_to_its_output() {
    for lang in [Lang::En, Lang::Ko] {
        for lesson in lessons(lang) {
            let predictions: Vec<&Prediction> = exercises_of(&lesson)
                .into_iter()
                .filter_map(|e| match &e.kind {
                    ExerciseKind::Predict(p) => Some(p),
                    _ => None,
                })
                .collect();
            assert!(
                !predictions.is_empty(),
                "lesson {} ({lang:?}) asks no prediction",
                lesson.number
            );
            // The runner checks `shows` when the lesson runs (every lesson
            // runs in every_lesson_runs_in_both_languages); here the shows
            // are checked to say something: a number of the output, not a
            // word alone.
            for p in predictions {
                assert!(
                    p.shows
                        .iter()
                        .any(|s| s.chars().any(|c| c.is_ascii_digit())),
                    "lesson {}: shows {:?} quote no number",
                    lesson.number,
                    p.shows
                );
                assert!(p.choices.len() >= 2 && p.answer < p.choices.len());
            }
        }
    }
}

#[test]
fn derivative_solutions_state_the_result_once() {
    for lang in [Lang::En, Lang::Ko] {
        for lesson in lessons(lang) {
            for e in exercises_of(&lesson) {
                let ExerciseKind::Derivative { .. } = &e.kind else {
                    continue;
                };
                let shown = solution(e, lang);
                let (first, rest) = shown.split_once('\n').unwrap_or((&shown, ""));
                let result = first.rsplit(" = ").next().unwrap();
                assert!(
                    !rest.contains(&format!("{result}."))
                        && !rest.contains(&format!("{result}입니다")),
                    "lesson {} line {} ({lang:?}) states {result} twice:\n{shown}",
                    lesson.number,
                    e.line
                );
            }
        }
    }
}

#[test]
fn lesson_5_asks_for_4_significant_digits() {
    for lang in [Lang::En, Lang::Ko] {
        let lesson = &lessons(lang)[4];
        let e = exercises_of(lesson)
            .into_iter()
            .find(|e| matches!(e.kind, ExerciseKind::Digits { .. }))
            .expect("a numeric exercise with digits");
        let asked = question_text(e, lang);
        assert!(
            asked.ends_with("(4 significant digits)") || asked.ends_with("(유효숫자 4자리)"),
            "{asked}"
        );
        assert_eq!(judge(e, "0.3589", lang), Verdict::Right);
        assert_eq!(judge(e, "0.35891648", lang), Verdict::Right);
        assert!(matches!(judge(e, "0.359", lang), Verdict::Close(_)));
        assert!(matches!(judge(e, "0.3590", lang), Verdict::Wrong(_)));
        // w5 + α·g: the update's sign flipped around w5 is not the answer
        // negated, so it is only too large.
        let Verdict::Wrong(message) = judge(e, "0.4410835203", Lang::En) else {
            panic!()
        };
        assert!(message.contains("too large"), "{message}");
    }
}

#[test]
fn handouts_put_the_solutions_at_the_end_numbered() {
    for (format, heading) in [
        ("markdown", "\n## Solutions\n"),
        ("latex", "\\subsection*{Solutions}"),
    ] {
        for n in ["2", "5"] {
            let out = stepgrad(&["lesson", n, "--lang", "en", "--format", format]);
            assert_eq!(out.code, 0, "{}", out.stderr);
            let at = out
                .stdout
                .find(heading)
                .unwrap_or_else(|| panic!("{format} {n}: no solutions"));
            let (questions, solutions) = out.stdout.split_at(at);
            let lesson = &lessons(Lang::En)[n.parse::<usize>().unwrap() - 1];
            let exercises = exercises_of(lesson);
            for (k, e) in exercises.iter().enumerate() {
                let number = k + 1;
                let (asked, answered) = match format {
                    "markdown" => (format!("**Exercise {number}.**"), format!("**{number}.** ")),
                    _ => (
                        format!("\\paragraph{{Exercise {number}.}}"),
                        format!("\\paragraph{{{number}.}}"),
                    ),
                };
                assert!(questions.contains(&asked), "{format} {n}: {asked}");
                assert!(solutions.contains(&answered), "{format} {n}: {answered}");
                if let Some(text) = &e.solution {
                    let words: String = text
                        .split_whitespace()
                        .take(4)
                        .collect::<Vec<_>>()
                        .join(" ");
                    assert!(
                        !questions.contains(&words) || format == "latex",
                        "{format} {n}: the solution is given away: {words}"
                    );
                }
            }
            // The lesson's closing line stays last.
            let next = format!("stepgrad lesson {}", n.parse::<usize>().unwrap() + 1);
            let last = solutions.trim_end().lines().last().unwrap_or("");
            assert!(last.contains(&next), "{format} {n}: ends with {last}");
        }
    }
}

const PREDICTION: &str = "+++\nnumber = 1\ntitle = \"Session\"\nobjectives = [\"Predict\"]\n+++\n\n## First\n\n```exercise\nkind = \"predict\"\nquestion = \"Will f go up or down?\"\nchoices = [\"up\", \"down\"]\nanswer = 2\nrun = 'minimize \"x^2\" --start x=3 --lr 0.1 --steps 1'\nshows = [\"SHOWN\"]\nexplanation = \"The slope is positive.\"\n```\n\nAfter.\n";

#[test]
fn a_prediction_is_answered_then_run() {
    let text = PREDICTION.replace("SHOWN", "5.76");
    // By number, right.
    let seen = session(&text, "\n2\n\n");
    assert!(seen.contains("  1. up\n  2. down\n"), "{seen}");
    let run = seen.find("$ stepgrad minimize").expect("the command runs");
    let right = seen.find("✓ Right.").expect("the verdict");
    assert!(run < right && right < seen.find("The slope is positive.").unwrap());
    assert!(seen.contains("5.76"));
    // By text, wrong: the verdict names the right choice.
    let seen = session(&text, "\nUp\n\n");
    assert!(
        seen.contains("✗ Not this time: the output shows choice 2, down."),
        "{seen}"
    );
    assert!(seen.contains("$ stepgrad minimize"));
    // Neither a number nor a choice: asked again, nothing run.
    let seen = session(&text, "\nsideways\n7\nq\n");
    assert_eq!(
        seen.matches("Answer with the number of a choice (1 to 2) or its text.")
            .count(),
        2
    );
    assert!(!seen.contains("$ stepgrad minimize"));
}

#[test]
fn a_prediction_whose_output_disagrees_is_an_error() {
    let text = PREDICTION.replace("SHOWN", "4.5");
    let path = lesson_file("disagrees.md", &text);
    for format in ["text", "markdown", "latex"] {
        let out = stepgrad(&[
            "lesson", &path, "--lang", "en", "--color", "never", "--format", format,
        ]);
        assert_eq!(out.code, 2, "{format}: {}", out.stdout);
        assert!(
            out.stderr.contains("disagrees.md:14:1"),
            "{format}: {}",
            out.stderr
        );
        assert!(out.stderr.contains("does not show '4.5'"), "{}", out.stderr);
        assert!(
            out.stderr.contains("stepgrad minimize \"x^2\" --start x=3"),
            "{}",
            out.stderr
        );
    }
    let path = lesson_file("agrees.md", &PREDICTION.replace("SHOWN", "5.76"));
    let out = stepgrad(&["lesson", &path, "--lang", "en", "--format", "markdown"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout
            .contains("**Exercise 1.** Will f go up or down?\n\n1. up\n2. down\n"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains(
            "## Solutions\n\n**1.** 2. down\n\nThe slope is positive.\n\n`stepgrad minimize"
        ),
        "{}",
        out.stdout
    );
}

#[test]
fn a_number_close_but_short_of_its_digits_asks_for_them() {
    let text = SESSION.replace(
        "question = \"What is 2 + 2?\"\nanswer = 4",
        "question = \"What is 2/3?\"\nanswer = 0.666666667\ndigits = 3",
    );
    let seen = session(&text, "\n0.67\n1.33\n0.667\nq\n");
    assert!(
        seen.contains("What is 2/3? (3 significant digits)"),
        "{seen}"
    );
    assert!(seen.contains("Close — give 3 significant digits."));
    assert!(seen.contains("It is twice the right value"));
    // One wrong attempt only: the close one did not count.
    assert_eq!(seen.matches("Not yet").count(), 1);
    assert!(seen.contains("✓ Right."));
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
