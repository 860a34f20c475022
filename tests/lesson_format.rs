//! The lesson file format (docs/lessons.md): every built-in lesson reads
//! into the same lesson as recorded (front matter, outline, commands and
//! exercises, in the snapshot `lesson_format__builtin_lessons_as_read.snap`,
//! first written from the lessons in their earlier format), and every
//! mistake in the front matter, the body and an exercise is reported at
//! its line and column with a hint; built-in lessons edited at random are
//! read or refused at a place in the file, never with a panic; and the
//! example in docs/lessons.md is a lesson that runs.

mod common;

use common::stepgrad;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use stepgrad::i18n::Lang;
use stepgrad::lesson::{builtin, parse_lesson, ExerciseKind, Item, Lesson};

/// What a lesson is made of, without the line numbers where its parts sit
/// in the file: the front matter, each section's outline, every command's
/// arguments and every exercise in full.
fn digest(path: &str, lesson: &Lesson) -> String {
    let mut out = format!(
        "== {path}\nnumber: {}\ntitle: {}\n",
        lesson.number, lesson.title
    );
    for objective in &lesson.objectives {
        out.push_str(&format!("objective: {objective}\n"));
    }
    out.push_str("-- intro\n");
    for item in &lesson.intro {
        out.push_str(&item_digest(item));
    }
    for section in &lesson.sections {
        out.push_str(&format!("-- section: {}\n", section.title));
        for item in &section.items {
            out.push_str(&item_digest(item));
        }
    }
    out
}

fn item_digest(item: &Item) -> String {
    match item {
        Item::Heading(text) => format!("heading: {text}\n"),
        Item::Paragraph(text) => format!("paragraph: {} characters\n", text.chars().count()),
        Item::List { ordered, items } => {
            format!("list (ordered: {ordered}): {} items\n", items.len())
        }
        Item::Quote(text) => format!("quote: {} characters\n", text.chars().count()),
        Item::Verbatim(text) => format!("verbatim: {} lines\n", text.lines().count()),
        Item::Commands(block) => {
            let mut out = format!("commands (expect error: {}):\n", block.expect_error);
            for command in &block.commands {
                out.push_str(&format!("  {:?}\n", command.args));
            }
            out
        }
        Item::Claims(claims) => {
            let mut out = format!("claims: {} texts\n", claims.contains.len());
            if let Some(command) = &claims.command {
                out.push_str(&format!("  command: {:?}\n", command.args));
            }
            for hand in &claims.hand {
                out.push_str(&format!("  hand: {} = {}\n", hand.number, hand.arithmetic));
            }
            out
        }
        Item::Exercise(exercise) => {
            let kind = match &exercise.kind {
                ExerciseKind::Derivative { expr, wrt } => format!("derivative of {expr} by {wrt}"),
                ExerciseKind::Number { answer, tolerance } => {
                    format!("number {answer:?} within {tolerance:?}")
                }
            };
            let mut out = format!("exercise: {kind}\n  question: {}\n", exercise.question);
            for hint in &exercise.hints {
                out.push_str(&format!("  hint: {hint}\n"));
            }
            if let Some(solution) = &exercise.solution {
                out.push_str(&format!("  solution: {solution}\n"));
            }
            out
        }
    }
}

#[test]
fn every_builtin_lesson_reads_as_recorded() {
    let mut all = String::new();
    for lang in [Lang::En, Lang::Ko] {
        for (path, text) in builtin(lang) {
            let lesson = parse_lesson(&path, text).unwrap_or_else(|e| panic!("{path}: {e}"));
            all.push_str(&digest(&path, &lesson));
        }
    }
    insta::assert_snapshot!("builtin_lessons_as_read", all);
}

/// The complete example of docs/lessons.md reads, and runs as a lesson.
#[test]
fn the_documented_example_is_a_lesson_that_runs() {
    let docs = include_str!("../docs/lessons.md");
    let example = docs
        .split_once("````markdown\n")
        .and_then(|(_, rest)| rest.split_once("\n````\n"))
        .map(|(example, _)| format!("{example}\n"))
        .expect("docs/lessons.md opens with an example in a ````markdown block");
    let lesson = parse_lesson("example.md", &example).unwrap_or_else(|e| panic!("{e}"));
    let kinds: Vec<&ExerciseKind> = lesson
        .sections
        .iter()
        .flat_map(|s| &s.items)
        .filter_map(|item| match item {
            Item::Exercise(e) => Some(&e.kind),
            _ => None,
        })
        .collect();
    assert!(matches!(
        kinds[..],
        [ExerciseKind::Number { .. }, ExerciseKind::Derivative { .. }]
    ));
    let path = std::env::temp_dir().join(format!("stepgrad-example-{}.md", std::process::id()));
    std::fs::write(&path, &example).unwrap();
    let out = stepgrad(&[
        "lesson",
        &path.to_string_lossy(),
        "--lang",
        "en",
        "--color",
        "never",
    ]);
    std::fs::remove_file(&path).unwrap();
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains(
            "Solution: w ← 2 − 0.1·4 = 1.6: the slope is positive, so the weight goes down."
        ),
        "{}",
        out.stdout
    );
}

/// The front matter and first section of a lesson, up to line 8; an
/// exercise placed after it has its fence on line 9 and its keys from
/// line 10.
const HEAD: &str = "+++\nnumber = 1\ntitle = \"T\"\nobjectives = [\"o\"]\n+++\n\n## S\n\n";

fn front(toml: &str) -> String {
    format!("+++\n{toml}+++\n\n## S\n")
}

fn exercise(toml: &str) -> String {
    format!("{HEAD}```exercise\n{toml}```\n")
}

/// (what, lesson text, (line, column), message, hint): the message and the
/// hint each contain the text given.
type Mistake = (
    &'static str,
    String,
    (usize, usize),
    &'static str,
    &'static str,
);

fn mistakes() -> Vec<Mistake> {
    vec![
        // ── front matter ─────────────────────────────────────────────────
        ("no front matter", "# Title\n\nText.\n".into(), (1, 1), "a lesson begins with its front matter between two '+++' lines", "start the file with\n+++\nnumber = 1"),
        ("YAML's fences", "---\nnumber: 1\n---\n".into(), (1, 1), "between two '+++' lines", "TOML between '+++' lines, not '---'"),
        ("not closed", "+++\nnumber = 1\n".into(), (1, 1), "the front matter is not closed", "end it with a line holding only '+++'"),
        ("not TOML", front("number: 1\n"), (2, 7), "the front matter is not valid TOML: key with no value, expected `=`", "a key is set with '=', not ':'; write one key = value a line"),
        ("number in words", front("number = \"one\"\ntitle = \"T\"\nobjectives = [\"o\"]\n"), (2, 10), "number must be a whole number of 1 or more", "for example number = 3"),
        ("number with a fraction", front("number = 1.5\n"), (2, 10), "number must be a whole number of 1 or more", "for example number = 3"),
        ("number 0", front("number = 0\ntitle = \"T\"\nobjectives = [\"o\"]\n"), (2, 10), "number = 0: a lesson's number is from 1 to 4294967295", "for example number = 3"),
        ("number past u32", front("number = 4294967296\ntitle = \"T\"\nobjectives = [\"o\"]\n"), (2, 10), "number = 4294967296: a lesson's number is from 1 to 4294967295", "for example number = 3"),
        ("title a number", front("number = 1\ntitle = 3\n"), (3, 9), "title must be one line of text in quotes", "for example title = \"Gradient descent on one weight\""),
        ("title empty", front("number = 1\ntitle = \" \"\nobjectives = [\"o\"]\n"), (3, 9), "the title is empty", "for example title = "),
        ("title on two lines", front("number = 1\ntitle = \"\"\"Two\nlines\"\"\"\nobjectives = [\"o\"]\n"), (3, 9), "the title is one line", "for example title = "),
        ("unknown key", front("number = 1\ntitle = \"T\"\nauthor = \"me\"\nobjectives = [\"o\"]\n"), (4, 1), "unknown front-matter key 'author'", "the keys are number, title, objectives"),
        ("misspelt key", front("number = 1\ntitel = \"T\"\n"), (3, 1), "unknown front-matter key 'titel'", "did you mean title?"),
        ("a table", front("number = 1\n[meta]\nauthor = \"me\"\n"), (3, 2), "unknown front-matter key 'meta'", "the keys are number, title, objectives"),
        ("key twice", front("number = 1\nnumber = 2\n"), (3, 1), "'number' is given twice", "give each key of the front matter once"),
        ("objectives one text", front("number = 1\ntitle = \"T\"\nobjectives = \"o\"\n"), (4, 14), "objectives must be a list of texts in quotes", "for example objectives = [\"Apply the update rule by hand\"]"),
        ("objective a number", front("number = 1\ntitle = \"T\"\nobjectives = [\"o\", 3]\n"), (4, 20), "objectives must be a list of texts in quotes", "for example objectives = "),
        ("no objective", front("number = 1\ntitle = \"T\"\nobjectives = []\n"), (4, 14), "the list of objectives is empty", "give at least one"),
        ("empty objective", front("number = 1\ntitle = \"T\"\nobjectives = [\n  \"o\",\n  \"\",\n]\n"), (6, 3), "objective 2 is empty", "for example objectives = "),
        ("no number", front("title = \"T\"\nobjectives = [\"o\"]\n"), (4, 1), "the front matter has no number", "add a line number = 1"),
        ("no title", front("number = 1\nobjectives = [\"o\"]\n"), (4, 1), "the front matter has no title", "add a line title = \"…\""),
        ("no objectives", front("number = 1\ntitle = \"T\"\n"), (4, 1), "the front matter has no objectives", "add a line objectives = [\"…\"]"),
        // ── the body ─────────────────────────────────────────────────────
        ("no section", "+++\nnumber = 1\ntitle = \"T\"\nobjectives = [\"o\"]\n+++\nno sections\n".into(), (6, 1), "the lesson has no section", "divide the lesson into sections with '## ' headings"),
        ("a level-1 heading", format!("{HEAD}# Not a section\n"), (9, 1), "only '## ' (a section) and '### ' headings belong in a lesson", "start sections with '## '"),
        ("unclosed block", format!("{HEAD}```stepgrad\ndiff x\n"), (9, 1), "this fenced block is never closed", "end it with a line holding only ```"),
        ("unclosed quote", format!("{HEAD}```stepgrad\ndiff \"x^2\n```\n"), (10, 6), "this quote is never closed", "close the quote on the same line"),
        ("unknown block option", format!("{HEAD}```stepgrad wrong\ndiff x\n```\n"), (9, 1), "unknown option 'wrong' of a stepgrad block", "expect-error"),
        ("empty command block", format!("{HEAD}```stepgrad\n# only a comment\n```\n"), (9, 1), "this stepgrad block has no command", "write one command a line"),
        ("stepgrad alone", format!("{HEAD}```stepgrad\nstepgrad\n```\n"), (10, 1), "a line with 'stepgrad' and no command", "write the command"),
        ("exercise option", format!("{HEAD}```exercise hard\nquestion = \"q\"\nanswer = 1\n```\n"), (9, 1), "unknown option 'hard' of an exercise block", "write the fence as ```exercise"),
        // ── exercises ────────────────────────────────────────────────────
        ("old exercise lines", exercise("question: q\nanswer: 1\n"), (10, 9), "the exercise is not valid TOML: key with no value, expected `=`", "a key is set with '=', not ':'; write one key = value a line, text in quotes: question = \"…\""),
        ("unclosed text", exercise("question = \"q\nanswer = 1\n"), (10, 14), "the exercise is not valid TOML: invalid basic string", "text in quotes"),
        ("no question", exercise("answer = 1\n"), (9, 1), "this exercise has no question", "add a line question = \"…\""),
        ("empty question", exercise("question = \"\"\"\n\n\"\"\"\nanswer = 1\n"), (10, 12), "the question is empty", "for example question = "),
        ("question a number", exercise("question = 2\nanswer = 1\n"), (10, 12), "question must be text in quotes", "for example question = "),
        ("nothing asked", exercise("question = \"q\"\n"), (9, 1), "this exercise says neither what to differentiate nor the answer", "add derivative = \"EXPR\" (and wrt = \"V\"), or answer = NUMBER"),
        ("both asked", exercise("question = \"q\"\nanswer = 1\nderivative = \"x\"\n"), (11, 10), "an exercise asks for a derivative or for a number, not both", "keep either derivative or answer"),
        ("answer in words", exercise("question = \"q\"\nanswer = \"two\"\n"), (11, 10), "answer must be a number", "for example answer = 1.6"),
        ("answer not a number", exercise("question = \"q\"\nanswer = nan\n"), (11, 10), "answer = NaN is not a finite number", "write the number, e.g. answer = 1.6"),
        ("answer infinite", exercise("question = \"q\"\nanswer = -inf\n"), (11, 10), "answer = -inf is not a finite number", "write the number"),
        ("tolerance too large", exercise("question = \"q\"\nanswer = 1\ntolerance = 2\n"), (12, 13), "tolerance = 2 is not between 0 and 1", "for example tolerance = 1e-3 (relative to the answer)"),
        ("tolerance 0", exercise("question = \"q\"\nanswer = 1\ntolerance = 0\n"), (12, 13), "tolerance = 0 is not between 0 and 1", "for example tolerance = 1e-3"),
        ("tolerance in words", exercise("question = \"q\"\nanswer = 1\ntolerance = \"small\"\n"), (12, 13), "tolerance must be a number between 0 and 1", "for example tolerance = 1e-3"),
        ("tolerance of a derivative", exercise("question = \"q\"\nderivative = \"x^3\"\ntolerance = 1e-3\n"), (12, 13), "tolerance belongs to numeric answers", "derivatives are checked exactly; remove the tolerance"),
        ("wrt of a number", exercise("question = \"q\"\nanswer = 1\nwrt = \"x\"\n"), (12, 7), "wrt belongs to derivative exercises", "remove it, or ask for a derivative"),
        ("derivative that does not parse", exercise("question = \"q\"\nderivative = \"x^\"\n"), (11, 16), "derivative: the operator '^' has nothing on its right", "give the operator an operand on both sides"),
        ("unknown function", exercise("question = \"q\"\nderivative = \"sine(x)\"\n"), (11, 15), "derivative: unknown function 'sine'", "did you mean sin?"),
        ("escaped derivative", exercise("question = \"q\"\nderivative = \"sine(\\u0078)\"\n"), (11, 14), "derivative: unknown function 'sine'", "did you mean sin?"),
        ("derivative a number", exercise("question = \"q\"\nderivative = 3\n"), (11, 14), "derivative must be an expression in quotes", "for example derivative = \"x^2*exp(x)\""),
        ("several variables", exercise("question = \"q\"\nderivative = \"x*y\"\n"), (11, 14), "x*y has 2 variables, so say which one", "add a line wrt = \"x\" (one of x, y)"),
        ("wrt not in it", exercise("question = \"q\"\nderivative = \"x*y\"\nwrt = \"z\"\n"), (12, 7), "wrt: 'z' does not occur in x*y", "the variables are x, y"),
        ("no variable", exercise("question = \"q\"\nderivative = \"3\"\n"), (11, 14), "3 has no variable to differentiate by", "e.g. derivative = \"x^3\""),
        ("three hints", exercise("question = \"q\"\nanswer = 1\nhints = [\"a\", \"b\", \"c\"]\n"), (12, 20), "an exercise has at most two hints", "fold the rest into the solution"),
        ("empty hint", exercise("question = \"q\"\nanswer = 1\nhints = [\"a\", \" \"]\n"), (12, 15), "hint 2 is empty", "for example hints = "),
        ("hints one text", exercise("question = \"q\"\nanswer = 1\nhints = \"a\"\n"), (12, 9), "hints must be a list of texts in quotes", "for example hints = "),
        ("solution a list", exercise("question = \"q\"\nanswer = 1\nsolution = [\"a\"]\n"), (12, 12), "solution must be text in quotes", "for example solution = "),
        ("one hint as before", exercise("question = \"q\"\nanswer = 1\nhint = \"a\"\n"), (12, 1), "unknown exercise key 'hint'", "did you mean hints? The keys are question, derivative, wrt, answer, tolerance, hints, solution"),
        ("misspelt key", exercise("question = \"q\"\nanswr = 1\n"), (11, 1), "unknown exercise key 'answr'", "did you mean answer?"),
        ("key twice", exercise("question = \"q\"\nanswer = 1\nanswer = 2\n"), (12, 1), "'answer' is given twice", "give each key of the exercise once"),
    ]
}

#[test]
fn every_mistake_is_found_at_its_line_and_column_with_a_hint() {
    let mut failures = Vec::new();
    for (what, text, (line, column), message, hint) in mistakes() {
        match parse_lesson("bad.md", &text) {
            Err(stepgrad::Error::Told {
                location: Some(location),
                message: told,
                hint: Some(told_hint),
                ..
            }) => {
                let (said, hinted) = (told.render(Lang::En), told_hint.render(Lang::En));
                let found = (location.line, location.column);
                if found != (line, column) || !said.contains(message) || !hinted.contains(hint) {
                    failures.push(format!(
                        "{what}: expected {line}:{column} '{message}' (hint '{hint}'), got {}:{} '{said}' (hint '{hinted}')",
                        found.0, found.1
                    ));
                }
            }
            other => failures.push(format!("{what}: expected an error, got {other:?}")),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Characters that mean something to TOML or to the lesson reader, and two
/// that take more than one byte.
const EDITS: [&str; 14] = [
    "\"", "'", "=", "[", "]", ",", "\n", ":", "#", "\\", "+++", "```", "é", "한",
];

#[test]
fn lessons_edited_at_random_are_read_or_refused_at_a_place() {
    let lessons: Vec<(String, &str)> = builtin(Lang::En)
        .into_iter()
        .chain(builtin(Lang::Ko))
        .collect();
    let cases = std::env::var("STEPGRAD_PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(256);
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
    // A lesson, where to edit it (as a fraction of its length, mostly in
    // the TOML parts: the first 2 kB), how much to delete and what to
    // insert.
    let edit = (
        0..lessons.len(),
        prop_oneof![3 => 0.0..0.15f64, 1 => 0.0..1.0f64],
        0usize..4,
        0..EDITS.len(),
    );
    runner
        .run(&edit, |(k, at, delete, insert)| {
            let text = lessons[k].1;
            let mut start = (text.len() as f64 * at) as usize;
            while !text.is_char_boundary(start) {
                start -= 1;
            }
            let mut end = start;
            for _ in 0..delete {
                end += text[end..].chars().next().map_or(0, char::len_utf8);
            }
            let edited = format!("{}{}{}", &text[..start], EDITS[insert], &text[end..]);
            match parse_lesson("edited.md", &edited) {
                Ok(_) => {}
                Err(stepgrad::Error::Told {
                    location: Some(location),
                    ..
                }) => {
                    prop_assert!(location.line >= 1 && location.line <= edited.lines().count() + 1);
                }
                Err(other) => prop_assert!(false, "an error without a place: {other:?}"),
            }
            Ok(())
        })
        .unwrap();
}
