//! Text output fits the terminal it is read at: every command with
//! representative options and every lesson (`lesson N --all`) run by the
//! binary with `COLUMNS=80`, in English and in Korean, writes no line
//! wider than 80 columns (measured with unicode-width: a Hangul syllable
//! takes two) on stdout or stderr. Without `COLUMNS`, piped text keeps
//! its natural width, and notes, JSON and CSV are never wrapped.

mod common;

use common::representative_commands;
use std::process::Command;
use std::sync::Mutex;
use unicode_width::UnicodeWidthStr;

/// Runs the binary with `args`, `COLUMNS` set to `columns` or unset.
fn run(args: &[String], columns: Option<&str>) -> (String, String) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_stepgrad"));
    command
        .args(args)
        .env_remove("COLUMNS")
        .env("NO_COLOR", "1");
    if let Some(columns) = columns {
        command.env("COLUMNS", columns);
    }
    let output = command.output().expect("stepgrad runs");
    (
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn every_command_and_lesson_fits_80_columns_in_english_and_korean() {
    let mut runs = Vec::new();
    for (name, mut args) in representative_commands() {
        if args[0] == "lesson" {
            args.push("--all".to_string());
        }
        for lang in ["en", "ko"] {
            let mut args = args.clone();
            args.extend(["--lang".to_string(), lang.to_string()]);
            runs.push((format!("{name} ({lang})"), args));
        }
    }
    let queue = Mutex::new(runs.iter());
    let wide = Mutex::new(Vec::new());
    let lines = Mutex::new(0usize);
    std::thread::scope(|scope| {
        for _ in 0..std::thread::available_parallelism().map_or(2, |n| n.get().min(4)) {
            scope.spawn(|| loop {
                let next = queue.lock().unwrap().next();
                let Some((name, args)) = next else { break };
                let (stdout, stderr) = run(args, Some("80"));
                assert!(!stdout.is_empty(), "{name} printed nothing: {stderr}");
                for line in stdout.lines().chain(stderr.lines()) {
                    *lines.lock().unwrap() += 1;
                    if line.width() > 80 {
                        wide.lock()
                            .unwrap()
                            .push(format!("{name}, {} columns: {line}", line.width()));
                    }
                }
            });
        }
    });
    let lines = lines.into_inner().unwrap();
    assert!(lines > 5000, "only {lines} lines");
    let wide = wide.into_inner().unwrap();
    assert!(
        wide.is_empty(),
        "{} of {lines} lines are wider than 80 columns:\n{}",
        wide.len(),
        wide.iter().take(40).cloned().collect::<Vec<_>>().join("\n")
    );
}

fn words(args: &[&str]) -> Vec<String> {
    args.iter().map(|s| s.to_string()).collect()
}

#[test]
fn piped_text_without_columns_keeps_its_natural_width() {
    let adam = words(&[
        "minimize",
        "(x - 1)^2 + 3*(y + 0.5)^2",
        "--start",
        "x=-2,y=1",
        "--steps",
        "3",
        "--optimizer",
        "adam",
        "--lr",
        "0.3",
    ]);
    let (natural, _) = run(&adam, None);
    assert!(natural.contains("┌"), "a table with borders:\n{natural}");
    assert!(natural.lines().any(|l| l.width() > 80));
    let (narrow, _) = run(&adam, Some("80"));
    assert!(!narrow.contains("┌"), "stacked rows:\n{narrow}");
    // Every value of the table is still there, whole.
    for value in ["(0.298763, -0.296438)", "(32.5783, 66.4127)", "11.61"] {
        assert!(natural.contains(value) && narrow.contains(value), "{value}");
    }
}

#[test]
fn notes_json_and_csv_are_never_wrapped() {
    for format in ["markdown", "latex", "json", "csv"] {
        let args = words(&["net", "mazur", "--format", format]);
        assert_eq!(
            run(&args, None),
            run(&args, Some("40")),
            "--format {format}"
        );
    }
}

/// Runs the binary in a pseudo-terminal `columns` wide (util-linux
/// `script`, the size set with `stty`), `COLUMNS` unset; None when
/// `script` is not installed.
fn in_terminal(columns: usize, args: &[&str]) -> Option<String> {
    let quoted: Vec<String> = std::iter::once(env!("CARGO_BIN_EXE_stepgrad"))
        .chain(args.iter().copied())
        .map(|a| format!("'{}'", a.replace('\'', "'\\''")))
        .collect();
    let shell = format!("stty cols {columns} rows 50; exec {}", quoted.join(" "));
    let output = Command::new("script")
        .args(["-qec", &shell, "/dev/null"])
        .env_remove("COLUMNS")
        .output()
        .ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).replace('\r', ""))
}

#[test]
fn a_terminal_is_fitted_to_its_own_width() {
    let adam = [
        "minimize",
        "(x - 1)^2 + 3*(y + 0.5)^2",
        "--start",
        "x=-2,y=1",
        "--steps",
        "3",
        "--optimizer",
        "adam",
        "--lr",
        "0.3",
        "--color",
        "never",
    ];
    let Some(narrow) = in_terminal(80, &adam) else {
        eprintln!("SKIPPED: util-linux script is not installed, so no pseudo-terminal test ran");
        return;
    };
    let widest = narrow.lines().map(|l| l.width()).max().unwrap_or(0);
    assert!(widest <= 80, "{widest} columns:\n{narrow}");
    assert!(
        !narrow.contains("┌"),
        "stacked rows at 80 columns:\n{narrow}"
    );
    let wide = in_terminal(220, &adam).expect("script ran before");
    assert!(
        wide.contains("┌"),
        "a table with borders at 220 columns:\n{wide}"
    );
    for args in [
        &[
            "net", "mazur", "--param", "w1", "--lang", "ko", "--color", "never",
        ][..],
        &["lesson", "9", "--all", "--color", "never"][..],
    ] {
        let out = in_terminal(80, args).expect("script ran before");
        let wide: Vec<&str> = out.lines().filter(|l| l.width() > 80).collect();
        assert!(wide.is_empty(), "{args:?}:\n{}", wide.join("\n"));
    }
}
