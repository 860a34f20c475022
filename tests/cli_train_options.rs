//! `train` options around the data and the network built from it: the CSV
//! delimiter detected, the hidden activation chosen, the targets
//! standardised.

mod common;

use common::stepgrad;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn json(args: &[&str]) -> (i32, Value) {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    let out = stepgrad(&all);
    let value = serde_json::from_str(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}{}", out.stdout, out.stderr));
    (out.code, value)
}

/// A scratch folder of this test's own.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "stepgrad-cli-train-options-{}-{name}",
        std::process::id()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_string_lossy().into_owned()
}

/// The same rows with commas, semicolons or tabs between the fields.
fn points(delimiter: &str) -> String {
    let rows = [
        ["x1", "x2", "kind"],
        ["0", "0", "low"],
        ["0.1", "0.25", "low"],
        ["0.9", "1", "high"],
        ["1", "0.75", "high"],
        ["0.2", "0.1", "low"],
        ["0.85", "0.9", "high"],
    ];
    rows.iter()
        .map(|r| r.join(delimiter) + "\n")
        .collect::<String>()
}

#[test]
fn the_three_delimiters_give_the_same_run() {
    let dir = scratch("delimiters");
    let mut runs = Vec::new();
    for (name, delimiter) in [("comma", ","), ("semicolon", ";"), ("tab", "\t")] {
        let path = write(&dir, &format!("{name}.csv"), &points(delimiter));
        let args = [
            "train", "--data", &path, "--label", "kind", "--epochs", "30",
        ];
        let (code, v) = json(&args);
        assert_eq!(code, 0, "{name}");
        assert_eq!(v["data"]["features"], serde_json::json!(["x1", "x2"]));
        assert_eq!(v["data"]["classes"], serde_json::json!(["low", "high"]));
        runs.push((v["epochs"].clone(), v["parameters"].clone()));
        let out = stepgrad(&args);
        let named = format!("{path} ({name}-separated)");
        let words = out.stdout.split_whitespace().collect::<Vec<_>>().join(" ");
        assert_eq!(
            words.contains(&named),
            name != "comma",
            "{name}: {}",
            out.stdout
        );
    }
    assert_eq!(runs[0], runs[1]);
    assert_eq!(runs[0], runs[2]);
    // The report names the separator in Korean too.
    let path = dir.join("semicolon.csv").to_string_lossy().into_owned();
    let out = stepgrad(&[
        "train", "--data", &path, "--label", "kind", "--epochs", "3", "--lang", "ko",
    ]);
    let words = out.stdout.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(words.contains("(세미콜론으로 구분)"), "{}", out.stdout);
}

#[test]
fn an_ambiguous_header_is_decided_by_the_rows_or_refused() {
    let dir = scratch("ambiguous");
    // The header has a comma inside a name; only the semicolon is on every
    // row as often as on the header.
    let path = write(&dir, "decided.csv", "size,m2;y\n1;2\n2;4\n3;6\n");
    let (code, v) = json(&["train", "--data", &path, "--targets", "y", "--epochs", "2"]);
    assert_eq!(code, 0);
    assert_eq!(v["data"]["features"], serde_json::json!(["size,m2"]));
    let path = write(&dir, "refused.csv", "x;y,z\n1;2,3\n2;4;5\n");
    let out = stepgrad(&["train", "--data", &path, "--targets", "z"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.stderr.contains("refused.csv:1:1"), "{}", out.stderr);
    assert!(
        out.stderr
            .contains("more than one of comma, semicolon and tab"),
        "{}",
        out.stderr
    );
    // A value with the wrong separator is located on its line and column.
    let path = write(&dir, "located.csv", "x;y\n1;2\n2,5;4\n");
    let out = stepgrad(&["train", "--data", &path, "--targets", "y"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("located.csv:3:1"), "{}", out.stderr);
    assert!(
        out.stderr.contains("'2,5' in column 1 (x)"),
        "{}",
        out.stderr
    );
}
