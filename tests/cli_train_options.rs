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

/// The activation at `x` by its textbook formula: meval's own tanh, sigmoid and relu,
/// and the others as `common::meval_context` defines them.
fn hidden_reference(name: &str, x: f64) -> f64 {
    let formula = format!("{name}(x)");
    let expr: meval::Expr = formula.parse().unwrap();
    let f = expr
        .bind_with_context(common::meval_context(), "x")
        .unwrap();
    f(x)
}

#[test]
fn activation_sets_the_hidden_layers_of_the_network_built_for_data() {
    let dir = scratch("activation");
    let path = write(&dir, "line.csv", "x,y\n0,1\n1,3\n2,5\n3,7\n");
    for name in [
        "sigmoid",
        "tanh",
        "relu",
        "identity",
        "softplus",
        "silu",
        "leaky_relu",
        "elu",
        "gelu",
    ] {
        let model = dir.join(format!("{name}.json"));
        let model = model.to_string_lossy();
        let (code, v) = json(&[
            "train",
            "--data",
            &path,
            "--targets",
            "y",
            "--epochs",
            "3",
            "--hidden",
            "3,2",
            "--activation",
            name,
            "--save",
            &model,
        ]);
        assert_eq!(code, 0, "{name}");
        assert_eq!(
            v["network"]["activations"],
            serde_json::json!([name, name, "identity"]),
            "{name}"
        );
        // The saved network, applied by hand with the activation's own
        // formula, gives what predict gives.
        let saved: Value =
            serde_json::from_str(&std::fs::read_to_string(&*model).unwrap()).unwrap();
        let w = &saved["W"];
        let b = &saved["b"];
        let x = 2.0;
        let mut a = vec![x];
        for layer in 0..3 {
            let rows = w[layer].as_array().unwrap();
            a = rows
                .iter()
                .enumerate()
                .map(|(j, row)| {
                    let z: f64 = row
                        .as_array()
                        .unwrap()
                        .iter()
                        .zip(&a)
                        .map(|(wji, ai)| wji.as_f64().unwrap() * ai)
                        .sum::<f64>()
                        + b[layer][j].as_f64().unwrap();
                    if layer < 2 && name != "identity" {
                        hidden_reference(name, z)
                    } else {
                        z
                    }
                })
                .collect();
        }
        let (code, p) = json(&["predict", &model, "--data", &path]);
        assert_eq!(code, 0);
        let predicted = p["predictions"][2]["values"][0].as_f64().unwrap();
        assert!(
            (predicted - a[0]).abs() <= 1e-9 * a[0].abs().max(1.0),
            "{name}: predict {predicted}, by hand {}",
            a[0]
        );
    }
}

#[test]
fn activation_is_refused_with_a_spec_or_when_unknown() {
    let out = stepgrad(&["train", "mazur", "--activation", "relu", "--epochs", "1"]);
    assert_eq!(out.code, 2, "{}{}", out.stdout, out.stderr);
    assert!(
        out.stderr
            .contains("--activation relu with the spec mazur: the spec names its own activations"),
        "{}",
        out.stderr
    );
    let out = stepgrad(&["train", "--data", "builtin:xor", "--activation", "relux"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("no activation named 'relux'"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("leaky_relu, elu"), "{}", out.stderr);
    let out = stepgrad(&["train", "--data", "builtin:xor", "--activation", "softmax"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("not a hidden layers' activation"),
        "{}",
        out.stderr
    );
    let out = stepgrad(&["train", "mazur", "--activation", "relu", "--lang", "ko"]);
    assert!(
        out.stderr.contains("활성화 함수는 명세가 정합니다"),
        "{}",
        out.stderr
    );
}

/// The saved network applied by hand: features as given (no
/// --standardize), tanh hidden layers, a linear output taken back to the
/// target's units as z·sd + mean with the file's target statistics.
fn by_hand(saved: &Value, x: f64) -> f64 {
    let (w, b) = (&saved["W"], &saved["b"]);
    let layers = w.as_array().unwrap().len();
    let mut a = vec![x];
    for layer in 0..layers {
        a = w[layer]
            .as_array()
            .unwrap()
            .iter()
            .enumerate()
            .map(|(j, row)| {
                let z = row
                    .as_array()
                    .unwrap()
                    .iter()
                    .zip(&a)
                    .map(|(wji, ai)| wji.as_f64().unwrap() * ai)
                    .sum::<f64>()
                    + b[layer][j].as_f64().unwrap();
                if layer + 1 < layers {
                    z.tanh()
                } else {
                    z
                }
            })
            .collect();
    }
    let scaling = &saved["standardization"]["targets"][0];
    a[0] * scaling["sd"].as_f64().unwrap() + scaling["mean"].as_f64().unwrap()
}

#[test]
fn standardized_targets_are_predicted_in_their_own_units() {
    let dir = scratch("targets");
    // Prices of 100 + 50·x thousand: mean and sd far from 1.
    let rows: String = (0..8)
        .map(|k| format!("{},{}\n", k, 100_000 + 50_000 * k))
        .collect();
    let path = write(&dir, "prices.csv", &format!("x,price\n{rows}"));
    let model = dir.join("m.json").to_string_lossy().into_owned();
    let args = [
        "train",
        "--data",
        &path,
        "--targets",
        "price",
        "--epochs",
        "50",
        "--standardize-targets",
    ];
    let mut saving = args.to_vec();
    saving.extend(["--save", &model]);
    let (code, v) = json(&saving);
    assert_eq!(code, 0);
    let saved: Value = serde_json::from_str(&std::fs::read_to_string(&model).unwrap()).unwrap();
    // The training part's statistics, by hand: mean 275,000, population sd
    // 50,000·√(Σ(k − 3.5)²/8) = 50,000·√5.25.
    let scaling = &saved["standardization"]["targets"][0];
    assert!((scaling["mean"].as_f64().unwrap() - 275_000.0).abs() < 1e-6);
    let sd = 50_000.0 * 5.25f64.sqrt();
    assert!((scaling["sd"].as_f64().unwrap() - sd).abs() < 1e-6 * sd);
    // predict gives the hand-computed forward pass in the target's units.
    let (code, p) = json(&["predict", &model, "--data", &path]);
    assert_eq!(code, 0);
    for k in 0..8 {
        let predicted = p["predictions"][k]["values"][0].as_f64().unwrap();
        let expected = by_hand(&saved, k as f64);
        assert!(
            (predicted - expected).abs() <= 1e-9 * expected.abs(),
            "row {k}: predict {predicted}, by hand {expected}"
        );
    }
    // The run's loss is in standardised units: from the start it is far
    // below the squared prices.
    assert!(
        v["epochs"][0]["loss"].as_f64().unwrap() < 100.0,
        "{}",
        v["epochs"][0]
    );
    let out = stepgrad(&args);
    let words = out.stdout.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(words.contains("Targets standardized"), "{}", out.stdout);
    // Without the option, the report warns; with classes, it is refused.
    let out = stepgrad(&args[..7]);
    let words = out.stdout.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        words.contains("Warning: the target price has mean 275000"),
        "{}",
        out.stdout
    );
    assert!(out.stderr.is_empty(), "{}", out.stderr);
    let out = stepgrad(&["train", "--data", "builtin:xor", "--standardize-targets"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("the targets are classes"),
        "{}",
        out.stderr
    );
}
