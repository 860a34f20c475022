//! Files a run reads and writes: outputs never collide with each other or
//! overwrite an input, however the path is spelled; a byte-order mark is
//! skipped in every text input; an option given twice on a problem line is
//! an error for that line.

mod common;

use common::stepgrad;
use std::path::{Path, PathBuf};

/// A scratch folder of its own for each test, under the target folder.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("file_safety_{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    dir
}

fn write(dir: &Path, name: &str, contents: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path.display().to_string()
}

fn no_panic(stderr: &str) {
    assert!(
        !stderr.contains("panicked") && !stderr.contains("RUST_BACKTRACE"),
        "{stderr}"
    );
}

/// A 2-2-1 spec reading its data from points.csv beside it.
const SPEC_WITH_DATA: &str =
    "layers = [2, 2, 1]\nactivation = \"sigmoid\"\n[data]\nfile = \"points.csv\"\ntargets = [\"y\"]\n";
const POINTS: &str = "x1,x2,y\n0,1,1\n1,1,0\n1,0,1\n0,0,0\n";
const LESSON: &str =
    "+++\nnumber = 1\ntitle = \"T\"\nobjectives = [\"o\"]\n+++\n\n## S\n\nText.\n\n```stepgrad\ndiff \"x^2\"\n```\n";

/// Spellings of `path` (which exists, in `dir`): another route through a
/// folder, `.`, relative to the working folder, a symbolic link and a hard
/// link.
fn spellings(dir: &Path, name: &str) -> Vec<String> {
    let path = dir.join(name);
    let mut all = vec![
        path.display().to_string(),
        dir.join("sub").join("..").join(name).display().to_string(),
        dir.join(".").join(name).display().to_string(),
    ];
    let here = std::env::current_dir().unwrap();
    if let Ok(relative) = path.strip_prefix(&here) {
        all.push(format!("./{}", relative.display()));
    }
    #[cfg(unix)]
    {
        let link = dir.join(format!("link-{name}"));
        let hard = dir.join(format!("hard-{name}"));
        let _ = std::fs::remove_file(&link);
        let _ = std::fs::remove_file(&hard);
        std::os::unix::fs::symlink(&path, &link).unwrap();
        std::fs::hard_link(&path, &hard).unwrap();
        all.push(link.display().to_string());
        all.push(hard.display().to_string());
    }
    all
}

/// Every input kind against every output option: refused before any work,
/// the input left as it was, nothing written.
#[test]
fn no_output_overwrites_an_input_however_spelled() {
    let dir = scratch("inputs");
    let problems = write(&dir, "problems.txt", b"x^2\n");
    let answers = write(&dir, "answers.txt", b"x^2 ; answer=2*x\n");
    let points = write(&dir, "points.csv", POINTS.as_bytes());
    let spec = write(&dir, "net.toml", SPEC_WITH_DATA.as_bytes());
    let lesson = write(&dir, "mine.md", LESSON.as_bytes());
    let weights = dir.join("w.json").display().to_string();
    let out = stepgrad(&["train", &spec, "--epochs", "1", "--save", &weights]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    // (the input's file name, how the message names it, the command with
    // OUT where the output goes, the output options to try)
    let cases: Vec<(&str, &str, Vec<&str>, Vec<&str>)> = vec![
        (
            "problems.txt",
            "--file",
            vec!["diff", "--file", &problems],
            vec!["--output"],
        ),
        (
            "answers.txt",
            "--file",
            vec!["check", "--file", &answers],
            vec!["--output"],
        ),
        (
            "net.toml",
            "the spec",
            vec!["net", &spec],
            vec!["--output", "--plot"],
        ),
        (
            "net.toml",
            "the spec",
            vec!["graph", &spec],
            vec!["--output"],
        ),
        (
            "net.toml",
            "the spec",
            vec!["train", &spec, "--epochs", "1"],
            vec!["--output", "--plot", "--save"],
        ),
        (
            "points.csv",
            "the spec's [data] file",
            vec!["net", &spec],
            vec!["--output", "--plot"],
        ),
        (
            "points.csv",
            "the spec's [data] file",
            vec!["graph", &spec, "--format", "json"],
            vec!["--output"],
        ),
        (
            "points.csv",
            "the spec's [data] file",
            vec!["train", &spec, "--epochs", "1"],
            vec!["--output", "--plot", "--save"],
        ),
        (
            "points.csv",
            "--data",
            vec![
                "train",
                "--data",
                &points,
                "--targets",
                "y",
                "--epochs",
                "1",
            ],
            vec!["--output", "--plot", "--save"],
        ),
        (
            "w.json",
            "--init-from",
            vec!["train", &spec, "--init-from", &weights, "--epochs", "1"],
            vec!["--output", "--plot", "--save"],
        ),
        (
            "mine.md",
            "the lesson",
            vec!["lesson", &lesson],
            vec!["--output"],
        ),
    ];
    for (name, role, command, options) in cases {
        let before = std::fs::read(dir.join(name)).unwrap();
        for option in options {
            for spelled in spellings(&dir, name) {
                let mut args = command.clone();
                args.extend([option, spelled.as_str()]);
                if option == "--output" && !args.contains(&"--format") {
                    args.extend(["--format", "text"]);
                }
                let out = stepgrad(&args);
                let what = format!("{args:?}");
                assert_eq!(out.code, 2, "{what}: {}{}", out.stdout, out.stderr);
                no_panic(&out.stderr);
                assert!(out.stdout.is_empty(), "{what}");
                assert!(
                    out.stderr
                        .contains(&format!("{option} {spelled} would overwrite {role} ")),
                    "{what}: {}",
                    out.stderr
                );
                assert!(out.stderr.contains("which this command reads"), "{what}");
                assert!(out.stderr.contains("hint: write"), "{what}");
                assert_eq!(
                    std::fs::read(dir.join(name)).unwrap(),
                    before,
                    "{what}: changed"
                );
            }
        }
    }
}

/// Every pair of outputs naming one file is refused, in every command
/// that writes two; different files are fine.
#[test]
fn no_two_outputs_share_a_file() {
    let dir = scratch("outputs");
    let spec = write(&dir, "net.toml", SPEC_WITH_DATA.as_bytes());
    write(&dir, "points.csv", POINTS.as_bytes());
    let at = |name: &str| dir.join(name).display().to_string();
    let twice = |name: &str| dir.join("sub").join("..").join(name).display().to_string();
    let (svg, json, svg2, json2) = (at("a.svg"), at("a.json"), twice("a.svg"), twice("a.json"));
    let cases: Vec<Vec<&str>> = vec![
        vec![
            "minimize", "x^2", "--start", "x=1", "--plot", &svg, "--output", &svg2,
        ],
        vec!["net", "mazur", "--plot", &svg, "--output", &svg2],
        vec![
            "train", &spec, "--epochs", "1", "--plot", &svg, "--output", &svg2,
        ],
        vec![
            "train", &spec, "--epochs", "1", "--save", &json, "--output", &json2,
        ],
        vec![
            "train", &spec, "--epochs", "1", "--save", &json, "--plot", &json2,
        ],
    ];
    for args in cases {
        let out = stepgrad(&args);
        assert_eq!(out.code, 2, "{args:?}: {}", out.stderr);
        no_panic(&out.stderr);
        assert!(
            out.stderr.contains("name the same file"),
            "{args:?}: {}",
            out.stderr
        );
        assert!(out
            .stderr
            .contains("hint: give each output a file of its own"));
        assert!(
            !dir.join("a.svg").exists() && !dir.join("a.json").exists(),
            "{args:?}"
        );
    }
    let out = stepgrad(&[
        "train",
        &spec,
        "--epochs",
        "1",
        "--save",
        &json,
        "--output",
        &at("b.json"),
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let saved: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    assert_eq!(saved["stepgrad"], "model");
    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(at("b.json")).unwrap()).unwrap();
    assert!(report.get("epochs").is_some(), "{report}");
}

/// The byte-order mark (EF BB BF) before each kind of text input: the run
/// is the one without it.
#[test]
fn a_byte_order_mark_is_skipped_in_every_text_input() {
    const BOM: &[u8] = b"\xef\xbb\xbf";
    // Folders of names of one length, so the reports wrap alike.
    let root = scratch("bom");
    let (with, without) = (root.join("with"), root.join("none"));
    std::fs::create_dir_all(&with).unwrap();
    std::fs::create_dir_all(&without).unwrap();
    // (file, contents), written in both folders, with and without the mark.
    let files: [(&str, &str); 7] = [
        ("problems.txt", "x^2*sin(x) ; at=x=1\n"),
        ("answers.txt", "x^3 ; answer=3*x^2\n"),
        ("points.csv", POINTS),
        ("net.toml", SPEC_WITH_DATA),
        (
            "inline.toml",
            "layers = [2, 2, 1]\nactivation = \"sigmoid\"\ninputs = [[0, 1]]\ntargets = [[1]]\n",
        ),
        ("mine.md", LESSON),
        ("w.json", ""),
    ];
    for (name, text) in files {
        std::fs::write(without.join(name), text).unwrap();
        std::fs::write(with.join(name), [BOM, text.as_bytes()].concat()).unwrap();
    }
    // Saved parameters, with the mark put before them.
    for dir in [&with, &without] {
        let w = dir.join("w.json").display().to_string();
        let spec = dir.join("inline.toml").display().to_string();
        let out = stepgrad(&["train", &spec, "--epochs", "1", "--save", &w]);
        assert_eq!(out.code, 0, "{}", out.stderr);
    }
    let saved = std::fs::read(with.join("w.json")).unwrap();
    std::fs::write(with.join("w.json"), [BOM, &saved].concat()).unwrap();
    let runs: [(&str, Vec<&str>); 9] = [
        ("problem file", vec!["diff", "--file", "problems.txt"]),
        ("answer file", vec!["check", "--file", "answers.txt"]),
        (
            "CSV",
            vec![
                "train",
                "--data",
                "points.csv",
                "--targets",
                "y",
                "--epochs",
                "2",
            ],
        ),
        (
            "spec and its [data] CSV",
            vec!["train", "net.toml", "--epochs", "2"],
        ),
        ("spec for net", vec!["net", "inline.toml"]),
        ("spec for graph", vec!["graph", "inline.toml"]),
        ("lesson", vec!["lesson", "mine.md"]),
        (
            "saved parameters",
            vec![
                "train",
                "inline.toml",
                "--init-from",
                "w.json",
                "--epochs",
                "1",
            ],
        ),
        ("spec's [data] CSV for net", vec!["net", "net.toml"]),
    ];
    for (kind, args) in runs {
        let outcome = |dir: &Path| {
            let folder = dir.display().to_string();
            let args: Vec<String> = args
                .iter()
                .map(|a| {
                    if a.contains('.') && !a.starts_with('-') {
                        format!("{folder}/{a}")
                    } else {
                        a.to_string()
                    }
                })
                .collect();
            let refs: Vec<&str> = args.iter().map(String::as_str).collect();
            let out = stepgrad(&refs);
            (out.code, out.stdout.replace(&folder, "{dir}"), out.stderr)
        };
        let (code, stdout, stderr) = outcome(&with);
        let plain = outcome(&without);
        assert_eq!(code, 0, "{kind}: {stderr}");
        assert_eq!((code, &stdout), (plain.0, &plain.1), "{kind}: {stderr}");
    }
}

/// With the mark, a mistake on line 1 is still at line 1, column as seen.
#[test]
fn a_byte_order_mark_does_not_shift_locations() {
    let dir = scratch("bom_located");
    let spec = write(
        &dir,
        "net.toml",
        b"\xef\xbb\xbflayers = [2]\nactivation = \"sigmoid\"\n",
    );
    let out = stepgrad(&["net", &spec]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.contains(&format!("{spec}:1:10")),
        "{}",
        out.stderr
    );
    let csv = write(&dir, "d.csv", b"\xef\xbb\xbfa,b,y\n0,1,oops\n");
    let out = stepgrad(&["train", "--data", &csv, "--targets", "y"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.stderr.contains(&format!("{csv}:2:5")), "{}", out.stderr);
    let problems = write(&dir, "p.txt", b"\xef\xbb\xbfx^2 ; wrt=x ; wrt=y\n");
    let out = stepgrad(&["diff", "--file", &problems]);
    assert!(
        out.stderr.starts_with("line 1: error: wrt= is given twice"),
        "{}",
        out.stderr
    );
}

/// Each option of a problem line given twice is an error for that line,
/// naming the key and both values; the other lines are answered.
#[test]
fn an_option_twice_on_a_problem_line_is_an_error_for_that_line() {
    let dir = scratch("twice");
    let cases: [(&str, &str, &str); 4] = [
        (
            "check",
            "x^2 ; answer=2*x ; answer=3*x",
            "answer= is given twice on this line ('2*x', then '3*x')",
        ),
        (
            "check",
            "x*y ; answer=y ; wrt=x ; wrt=y",
            "wrt= is given twice on this line ('x', then 'y')",
        ),
        (
            "diff",
            "x*y ; wrt=x ; wrt = y",
            "wrt= is given twice on this line ('x', then 'y')",
        ),
        (
            "diff",
            "x^2 ; at=x=1 ; at=x=2",
            "at= is given twice on this line ('x=1', then 'x=2')",
        ),
    ];
    for (command, line, says) in cases {
        let good = if command == "check" {
            "x^3 ; answer=3*x^2"
        } else {
            "x^3"
        };
        let file = write(&dir, "p.txt", format!("{good}\n{line}\n").as_bytes());
        let out = stepgrad(&[command, "--file", &file]);
        no_panic(&out.stderr);
        assert_eq!(out.code, 2, "{line}: {}", out.stderr);
        assert!(out.stdout.contains("── line 1"), "{line}: {}", out.stdout);
        assert!(
            out.stderr.contains(&format!("line 2: error: {says}")),
            "{line}: {}",
            out.stderr
        );
    }
}

/// Standard input (`--file -`) with a byte-order mark, through the binary.
#[test]
fn a_byte_order_mark_on_standard_input_is_skipped() {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let answer = |input: &[u8]| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_stepgrad"))
            .args(["check", "--file", "-", "--color", "never"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(input).unwrap();
        let out = child.wait_with_output().unwrap();
        (out.status.code(), String::from_utf8(out.stdout).unwrap())
    };
    let with = answer(b"\xef\xbb\xbfx^2 ; answer=2*x\n");
    assert_eq!(with, answer(b"x^2 ; answer=2*x\n"));
    assert_eq!(with.0, Some(0), "{}", with.1);
    assert!(with.1.contains("Correct"), "{}", with.1);
}
