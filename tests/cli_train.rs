//! `train` and `epochs` as a user runs them: the course's arithmetic,
//! learning XOR and iris, determinism, every data error, divergence, and
//! the options around a run (validation, standardisation, saving).

mod common;

use common::stepgrad;
use serde_json::Value;
use std::path::PathBuf;

fn json(args: &[&str]) -> (i32, Value) {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    let out = stepgrad(&all);
    let value = serde_json::from_str(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}{}", out.stdout, out.stderr));
    (out.code, value)
}

fn last_epoch(v: &Value) -> &Value {
    let epochs = v["epochs"].as_array().expect("epochs");
    &epochs[epochs.len() - 1]
}

/// A scratch folder of this test's own.
fn scratch(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("stepgrad-cli-train-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(dir: &std::path::Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn the_course_epoch_arithmetic() {
    let out = stepgrad(&[
        "epochs",
        "--samples",
        "1000",
        "--batch-size",
        "25",
        "--epochs",
        "100",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains("40 iterations per epoch"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("= 4,000 iterations in all"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("= 100,000 samples seen"),
        "{}",
        out.stdout
    );

    let (code, v) = json(&[
        "epochs",
        "--samples",
        "1000",
        "--batch-size",
        "25",
        "--epochs",
        "100",
    ]);
    assert_eq!(code, 0);
    assert_eq!(v["iterations_per_epoch"], 40);
    assert_eq!(v["total_iterations"], 4000);
    assert_eq!(v["samples_seen"], 100000);
}

#[test]
fn a_remainder_makes_a_last_smaller_batch_or_is_dropped() {
    let (code, v) = json(&[
        "epochs",
        "--samples",
        "1000",
        "--batch-size",
        "32",
        "--epochs",
        "10",
    ]);
    assert_eq!(code, 0);
    assert_eq!(v["iterations_per_epoch"], 32);
    assert_eq!(v["last_batch"], 8);
    assert_eq!(v["total_iterations"], 320);
    assert_eq!(v["samples_seen"], 10000);
    let out = stepgrad(&[
        "epochs",
        "--samples",
        "1000",
        "--batch-size",
        "32",
        "--epochs",
        "10",
    ]);
    assert!(out.stdout.contains("smaller batch of 8"), "{}", out.stdout);

    let (code, v) = json(&[
        "epochs",
        "--samples",
        "1000",
        "--batch-size",
        "32",
        "--epochs",
        "10",
        "--drop-last",
    ]);
    assert_eq!(code, 0);
    assert_eq!(v["iterations_per_epoch"], 31);
    assert_eq!(v["dropped_per_epoch"], 8);
    assert_eq!(v["total_iterations"], 310);
    assert_eq!(v["samples_seen"], 9920);
    let out = stepgrad(&[
        "epochs",
        "--samples",
        "1000",
        "--batch-size",
        "32",
        "--epochs",
        "10",
        "--drop-last",
    ]);
    assert!(
        out.stdout.contains("each epoch has 31 iterations"),
        "{}",
        out.stdout
    );
}

#[test]
fn epochs_refuses_impossible_arithmetic() {
    for args in [
        [
            "epochs",
            "--samples",
            "0",
            "--batch-size",
            "1",
            "--epochs",
            "1",
        ],
        [
            "epochs",
            "--samples",
            "10",
            "--batch-size",
            "0",
            "--epochs",
            "1",
        ],
        [
            "epochs",
            "--samples",
            "10",
            "--batch-size",
            "11",
            "--epochs",
            "1",
        ],
        [
            "epochs",
            "--samples",
            "10",
            "--batch-size",
            "2",
            "--epochs",
            "0",
        ],
    ] {
        let out = stepgrad(&args);
        assert_eq!(out.code, 2, "{args:?}: {}{}", out.stdout, out.stderr);
        assert!(out.stderr.starts_with("error:"), "{args:?}: {}", out.stderr);
        assert!(!out.stderr.contains("panicked"));
    }
}

/// Counts up to the limits (10⁶ samples, 10⁶ epochs) give exact totals up
/// to 10¹²; beyond them `epochs` refuses up front, as `train` does, for
/// every count up to the largest a usize holds — never a wrapped total.
#[test]
fn epoch_totals_are_exact_up_to_the_limits_and_refused_beyond() {
    let (code, v) = json(&[
        "epochs",
        "--samples",
        "1000000",
        "--batch-size",
        "1",
        "--epochs",
        "1000000",
    ]);
    assert_eq!(code, 0);
    assert_eq!(v["total_iterations"], 1_000_000_000_000u64);
    assert_eq!(v["samples_seen"], 1_000_000_000_000u64);
    let (code, v) = json(&[
        "epochs",
        "--samples",
        "999999",
        "--batch-size",
        "7",
        "--epochs",
        "999983",
    ]);
    assert_eq!(code, 0);
    // ⌈999,999 / 7⌉ = 142,857 iterations an epoch, computed here by hand.
    assert_eq!(v["iterations_per_epoch"], 142_857);
    assert_eq!(v["total_iterations"], 142_857u64 * 999_983);
    assert_eq!(v["samples_seen"], 999_999u64 * 999_983);
    for (samples, epochs, refused) in [
        ("1000001", "1", "--samples 1000001"),
        ("1000000000000", "1000000000000", "--samples 1000000000000"),
        (
            "18446744073709551615",
            "18446744073709551615",
            "--samples 18446744073709551615",
        ),
        ("10", "1000001", "--epochs 1000001"),
        (
            "10",
            "18446744073709551615",
            "--epochs 18446744073709551615",
        ),
    ] {
        let out = stepgrad(&[
            "epochs",
            "--samples",
            samples,
            "--batch-size",
            "1",
            "--epochs",
            epochs,
        ]);
        assert_eq!(out.code, 2, "{samples} {epochs}: {}", out.stdout);
        assert!(out.stdout.is_empty());
        assert!(out.stderr.contains(refused), "{}", out.stderr);
        assert!(out.stderr.contains("the limit train has"), "{}", out.stderr);
    }
}

#[test]
fn xor_is_learned_deterministically() {
    let args = ["train", "xor", "--hidden", "4", "--seed", "1"];
    let (code, v) = json(&args);
    assert_eq!(code, 0);
    assert_eq!(v["network"]["layers"], serde_json::json!([2, 4, 1]));
    assert_eq!(
        v["network"]["activations"],
        serde_json::json!(["sigmoid", "sigmoid"])
    );
    let end = last_epoch(&v);
    assert!(end["loss"].as_f64().unwrap() < 0.01, "{end}");
    assert_eq!(end["accuracy"], 1.0);
    assert_eq!(v["stopped"], "epochs");
    // The same seed and arguments give the same output, byte for byte.
    let first = stepgrad(&args);
    let second = stepgrad(&args);
    assert_eq!(first.code, 0);
    assert_eq!(first.stdout, second.stdout);
    // The spec's own 2-2-1 network and weights reach it too, and agree
    // with `net` (same weights, same full-batch updates).
    let (_, v) = json(&["train", "xor"]);
    let loss = last_epoch(&v)["loss"].as_f64().unwrap();
    assert!(loss < 0.01, "{loss}");
    let (_, net) = json(&["net", "xor", "--steps", "3000"]);
    let after = net["final_loss"].as_f64().unwrap();
    assert!(
        (loss - after).abs() < 1e-12 * after,
        "train {loss} vs net {after}"
    );
}

#[test]
fn iris_with_adam_reaches_95_percent_within_300_epochs() {
    let args = [
        "train",
        "--data",
        "builtin:iris",
        "--hidden",
        "8",
        "--optimizer",
        "adam",
        "--epochs",
        "300",
    ];
    let (code, v) = json(&args);
    assert_eq!(code, 0);
    assert_eq!(v["network"]["layers"], serde_json::json!([4, 8, 3]));
    assert_eq!(v["network"]["activations"][1], "softmax");
    assert_eq!(v["network"]["loss"], "cross_entropy");
    assert_eq!(v["data"]["samples"], 150);
    assert_eq!(
        v["data"]["classes"],
        serde_json::json!(["setosa", "versicolor", "virginica"])
    );
    let accuracy = last_epoch(&v)["accuracy"].as_f64().unwrap();
    assert!(accuracy >= 0.95, "{accuracy}");
    let (_, again) = json(&args);
    assert_eq!(v, again);
    // Mini-batches with shuffling are reproducible too.
    let shuffled = [
        "train",
        "--data",
        "builtin:iris",
        "--batch-size",
        "16",
        "--epochs",
        "20",
        "--seed",
        "7",
    ];
    assert_eq!(stepgrad(&shuffled).stdout, stepgrad(&shuffled).stdout);
    let other_seed = [
        "train",
        "--data",
        "builtin:iris",
        "--batch-size",
        "16",
        "--epochs",
        "20",
        "--seed",
        "8",
    ];
    assert_ne!(stepgrad(&shuffled).stdout, stepgrad(&other_seed).stdout);
}

#[test]
fn iterations_and_batch_losses_are_reported() {
    let (code, v) = json(&[
        "train",
        "--data",
        "builtin:iris",
        "--batch-size",
        "16",
        "--epochs",
        "3",
        "--log-every",
        "1",
        "--log-iterations",
    ]);
    assert_eq!(code, 0);
    assert_eq!(v["iterations_per_epoch"], 10);
    let iterations = v["iterations"].as_array().unwrap();
    assert_eq!(iterations.len(), 30);
    assert_eq!(iterations[29]["iteration"], 30);
    assert_eq!(iterations[29]["epoch"], 3);
    assert!(iterations
        .iter()
        .all(|i| i["batch_loss"].as_f64().unwrap().is_finite()));
    let epochs = v["epochs"].as_array().unwrap();
    assert_eq!(epochs.len(), 4);
    assert_eq!(epochs[3]["iterations"], 30);
    assert!(epochs[0]["grad_norm"].is_null());
    assert!(epochs[3]["grad_norm"].as_f64().unwrap() > 0.0);
}

#[test]
fn stopping_criteria() {
    let (code, v) = json(&["train", "xor", "--target-loss", "0.1"]);
    assert_eq!(code, 0);
    assert_eq!(v["stopped"], "target_loss");
    let end = last_epoch(&v);
    assert!(end["loss"].as_f64().unwrap() <= 0.1);
    let epochs = v["epochs"].as_array().unwrap();
    assert!(epochs[epochs.len() - 2]["loss"].as_f64().unwrap() > 0.1);
}

/// Where early stopping (Keras's EarlyStopping, min_delta 0) must stop a
/// run with these monitored losses (epoch 0 first): the first epoch that
/// lies `patience` epochs after the best loss before it, or the last
/// epoch; and the best epoch then (the first of the smallest losses).
fn keras_stop(losses: &[f64], patience: usize) -> (usize, usize) {
    let mut best = 0;
    for (epoch, &loss) in losses.iter().enumerate() {
        if loss < losses[best] {
            best = epoch;
        }
        if epoch - best >= patience {
            return (epoch, best);
        }
    }
    (losses.len() - 1, best)
}

#[test]
fn early_stopping_stops_patience_epochs_after_the_best_epoch() {
    // (arguments, patience, whether it must stop before the maximum)
    let runs: [(&[&str], usize, Option<bool>); 6] = [
        // The run: the validation loss falls for dozens of epochs.
        (
            &[
                "--data",
                "builtin:iris",
                "--batch-size",
                "16",
                "--val",
                "0.2",
                "--standardize",
                "--epochs",
                "300",
            ],
            7,
            Some(true),
        ),
        (
            &[
                "--data",
                "builtin:circle",
                "--noise",
                "0.3",
                "--samples",
                "100",
                "--val",
                "0.3",
                "--seed",
                "3",
                "--epochs",
                "400",
                "--batch-size",
                "8",
            ],
            10,
            None,
        ),
        (
            &[
                "--data",
                "builtin:gauss",
                "--samples",
                "80",
                "--noise",
                "0.5",
                "--seed",
                "5",
                "--epochs",
                "300",
                "--batch-size",
                "4",
                "--lr",
                "0.3",
            ],
            4,
            None,
        ),
        (
            &[
                "--data",
                "builtin:parabola",
                "--samples",
                "60",
                "--noise",
                "0.4",
                "--val",
                "0.25",
                "--seed",
                "2",
                "--epochs",
                "300",
                "--batch-size",
                "6",
            ],
            15,
            None,
        ),
        // A loss that falls every epoch, however little: never stops early.
        (&["xor", "--lr", "1e-12", "--epochs", "40"], 3, Some(false)),
        // Never better than the start: the best is epoch 0.
        (
            &[
                "--data",
                "builtin:xor-noise",
                "--samples",
                "120",
                "--noise",
                "0.3",
                "--seed",
                "9",
                "--epochs",
                "200",
                "--optimizer",
                "sgd",
                "--lr",
                "2",
                "--batch-size",
                "1",
            ],
            5,
            Some(true),
        ),
    ];
    for (args, patience, early) in runs {
        let p = patience.to_string();
        let mut all = vec!["train"];
        all.extend(args);
        all.extend(["--patience", &p]);
        let (code, v) = json(&all);
        assert_eq!(code, 0, "{all:?}");
        let epochs = v["epochs"].as_array().unwrap();
        let validation = !epochs[0]["val_loss"].is_null();
        let monitored = if validation { "val_loss" } else { "loss" };
        let losses: Vec<f64> = epochs
            .iter()
            .map(|e| e[monitored].as_f64().unwrap())
            .collect();
        // The run's own losses up to the maximum; the run stops at the
        // first epoch the rule names, so a longer list cannot change it.
        let (stop, best) = keras_stop(&losses, patience);
        let max: usize = all[all.iter().position(|a| *a == "--epochs").unwrap() + 1]
            .parse()
            .unwrap();
        assert_eq!(epochs.len() - 1, stop, "{all:?}: {losses:?}");
        let stopped_early = stop < max;
        assert_eq!(
            v["stopped"],
            if stopped_early { "patience" } else { "epochs" },
            "{all:?}"
        );
        if stopped_early {
            assert_eq!(stop, best + patience, "{all:?}");
        }
        if let Some(early) = early {
            assert_eq!(stopped_early, early, "{all:?}: {losses:?}");
        }
        assert_eq!(v["best"]["epoch"], best, "{all:?}");
        assert_eq!(v["best"]["monitor"], monitored, "{all:?}");
        assert_eq!(v["best"]["loss"].as_f64(), Some(losses[best]), "{all:?}");
        // The text summary names the best epoch and its loss.
        let out = stepgrad(&all[..all.len()]);
        let text = out.stdout.split_whitespace().collect::<Vec<_>>().join(" ");
        let loss = stepgrad::number::format_significant(losses[best], 6);
        let named = if stopped_early {
            format!("on its best, {loss} at epoch {best}, for {patience} epochs")
        } else {
            format!("loss was {loss}, at epoch {best}")
        };
        assert!(text.contains(&named), "{all:?}: {named:?} in\n{text}");
    }
}

#[test]
fn a_too_large_learning_rate_diverges_with_exit_1() {
    let out = stepgrad(&[
        "train",
        "--data",
        "builtin:line",
        "--optimizer",
        "sgd",
        "--lr",
        "10",
        "--epochs",
        "100",
    ]);
    assert_eq!(out.code, 1, "{}{}", out.stdout, out.stderr);
    assert!(out.stderr.contains("diverged at epoch"), "{}", out.stderr);
    assert!(out.stderr.contains("iteration"), "{}", out.stderr);
    assert!(out.stderr.contains("try --lr"), "{}", out.stderr);
    assert!(!out.stderr.contains("panicked"));
    // The report of the run so far is still printed.
    assert!(out.stdout.contains("Diverged at epoch"), "{}", out.stdout);
    let (code, v) = json(&[
        "train",
        "--data",
        "builtin:line",
        "--optimizer",
        "sgd",
        "--lr",
        "10",
        "--epochs",
        "100",
    ]);
    assert_eq!(code, 1);
    assert_eq!(v["stopped"], "diverged");
}

#[test]
fn validation_split_and_standardisation() {
    let (code, v) = json(&[
        "train",
        "--data",
        "builtin:iris",
        "--val",
        "0.2",
        "--standardize",
        "--epochs",
        "50",
    ]);
    assert_eq!(code, 0);
    assert_eq!(v["data"]["samples"], 120);
    assert_eq!(v["data"]["validation_samples"], 30);
    let end = last_epoch(&v);
    assert!(end["val_loss"].as_f64().unwrap().is_finite());
    assert!(end["val_accuracy"].as_f64().unwrap() > 0.5);
    for bad in ["0", "1", "-0.5", "1.5"] {
        let flag = format!("--val={bad}");
        let out = stepgrad(&["train", "--data", "builtin:iris", &flag]);
        assert_eq!(out.code, 2, "--val {bad}: {}", out.stderr);
        assert!(out.stderr.contains("--val"), "{}", out.stderr);
    }
}

#[test]
fn saved_parameters_are_read_back() {
    let dir = scratch("save");
    let saved = dir.join("xor.json").to_string_lossy().into_owned();
    let (code, v) = json(&["train", "xor", "--epochs", "50", "--save", &saved]);
    assert_eq!(code, 0);
    let final_loss = last_epoch(&v)["loss"].as_f64().unwrap();
    let file: Value = serde_json::from_str(&std::fs::read_to_string(&saved).unwrap()).unwrap();
    assert_eq!(file["W"].as_array().unwrap().len(), 2);
    assert_eq!(file["W"][0].as_array().unwrap().len(), 2);
    assert_eq!(file["W"][0][0].as_array().unwrap().len(), 2);
    assert_eq!(file["W"], v["params"]["W"]);
    // Starting from the saved parameters, epoch 0 is where the first run ended.
    let (code, resumed) = json(&["train", "xor", "--epochs", "1", "--init-from", &saved]);
    assert_eq!(code, 0);
    assert_eq!(resumed["epochs"][0]["loss"].as_f64().unwrap(), final_loss);
    // Parameters of another shape are refused.
    let out = stepgrad(&["train", "xor", "--hidden", "3", "--init-from", &saved]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains(&saved), "{}", out.stderr);
    let broken = write(&dir, "broken.json", "{\"W\": [");
    let out = stepgrad(&["train", "xor", "--init-from", &broken]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("broken.json"), "{}", out.stderr);
    assert!(!out.stderr.contains("panicked"));
}

#[test]
fn batch_sizes_compared_from_the_same_start() {
    let (code, v) = json(&[
        "train",
        "--data",
        "builtin:circle",
        "--epochs",
        "5",
        "--compare-batch",
        "1,16,N",
    ]);
    assert_eq!(code, 0);
    let runs = v["compare_batch"].as_array().unwrap();
    let sizes: Vec<u64> = runs
        .iter()
        .map(|r| r["batch_size"].as_u64().unwrap())
        .collect();
    assert_eq!(sizes, [1, 16, 200]);
    // Every run starts from the same weights.
    let start: Vec<f64> = runs
        .iter()
        .map(|r| r["run"]["epochs"][0]["loss"].as_f64().unwrap())
        .collect();
    assert!(start.iter().all(|&l| l == start[0]), "{start:?}");
    // Stochastic descent takes a step per sample, and its batch losses
    // fluctuate more than mini-batches'; full batches do not fluctuate.
    let spread = |r: &Value| r["run"]["epochs"][5]["batch_loss_spread"].as_f64().unwrap();
    assert_eq!(runs[0]["run"]["epochs"][5]["iterations"], 1000);
    assert!(
        spread(&runs[0]) > spread(&runs[1]),
        "{} vs {}",
        spread(&runs[0]),
        spread(&runs[1])
    );
    assert_eq!(spread(&runs[2]), 0.0);
    let out = stepgrad(&[
        "train",
        "--data",
        "builtin:circle",
        "--epochs",
        "5",
        "--compare-batch",
        "1,0",
    ]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("--compare-batch"), "{}", out.stderr);
}

#[test]
fn a_csv_with_a_label_column() {
    let dir = scratch("label");
    let path = write(
        &dir,
        "points.csv",
        "x1,x2,kind\n0,0,low\n0.1,0.2,low\n0.9,1,high\n1,0.8,high\n0.2,0.1,low\n0.8,0.9,high\n",
    );
    let (code, v) = json(&[
        "train", "--data", &path, "--label", "kind", "--epochs", "200",
    ]);
    assert_eq!(code, 0);
    assert_eq!(v["data"]["classes"], serde_json::json!(["low", "high"]));
    assert_eq!(v["network"]["layers"], serde_json::json!([2, 8, 2]));
    assert_eq!(last_epoch(&v)["accuracy"], 1.0);
    // Numeric targets instead.
    let path = write(&dir, "line.csv", "x,y\n0,1\n1,3\n2,5\n3,7\n");
    let (code, v) = json(&["train", "--data", &path, "--targets", "y", "--epochs", "5"]);
    assert_eq!(code, 0);
    assert_eq!(v["network"]["loss"], "mse");
    assert!(v["data"]["classes"].is_null());
}

/// Runs `train` on a CSV and checks the error: exit 2, the file with line
/// and column, the message, no panic.
fn data_error(name: &str, text: &str, extra: &[&str], location: &str, message: &str) {
    let dir = scratch("errors");
    let path = write(&dir, name, text);
    let mut args = vec!["train"];
    args.extend_from_slice(extra);
    args.extend(["--data", &path]);
    let out = stepgrad(&args);
    assert_eq!(out.code, 2, "{name}: {}{}", out.stdout, out.stderr);
    assert!(out.stdout.is_empty(), "{name}: {}", out.stdout);
    assert!(
        out.stderr.contains(&format!("{name}:{location}")),
        "{name}: expected line:column {location} in\n{}",
        out.stderr
    );
    assert!(
        out.stderr.contains(message),
        "{name}: expected '{message}' in\n{}",
        out.stderr
    );
    assert!(!out.stderr.contains("panicked"), "{}", out.stderr);
}

#[test]
fn every_data_error_names_line_and_column() {
    data_error(
        "not-a-number.csv",
        "x1,x2,y\n0,0,0\n0,abc,1\n",
        &["--targets", "y"],
        "3:3",
        "'abc' in column 2 (x2) is not a number",
    );
    data_error(
        "ragged.csv",
        "x1,x2,y\n0,0,0\n0,1\n",
        &["--targets", "y"],
        "3:1",
        "this row has 2 fields, but the header names 3 columns",
    );
    data_error(
        "empty.csv",
        "",
        &["--targets", "y"],
        "1:1",
        "the CSV file is empty",
    );
    data_error(
        "blank.csv",
        "  \n\n",
        &["--label", "y"],
        "1:1",
        "the CSV file is empty",
    );
    data_error(
        "header-only.csv",
        "x1,x2,y\n",
        &["--targets", "y"],
        "1:1",
        "a header but no data rows",
    );
    data_error(
        "no-label.csv",
        "x1,x2,species\n0,0,a\n1,1,b\n",
        &["--label", "kind"],
        "1:1",
        "there is no column named 'kind'",
    );
    data_error(
        "no-target.csv",
        "x1,x2,y\n0,0,0\n",
        &["--targets", "y,z"],
        "1:1",
        "there is no column named 'z'",
    );
    data_error(
        "wide.csv",
        "a,b,c,d,y\n1,2,3,4,0\n1,2,3,5,1\n",
        &["xor", "--targets", "y"],
        "1:5",
        "more input columns than the network takes",
    );
    data_error(
        "narrow.csv",
        "a,y\n1,0\n2,1\n",
        &["xor", "--targets", "y"],
        "1:1",
        "fewer than the network takes",
    );
    data_error(
        "infinite.csv",
        "x,y\n1,2\ninf,3\n",
        &["--targets", "y"],
        "3:1",
        "'inf' in column 1 (x) is not a number",
    );
}

#[test]
fn other_data_mistakes_are_explained() {
    for (args, message) in [
        (vec!["train", "--data", "builtin:nope"], "nope"),
        (
            vec!["train", "--data", "/no/such/file.csv", "--targets", "y"],
            "/no/such/file.csv",
        ),
        (
            vec!["train", "--data", "builtin:iris", "--batch-size", "0"],
            "--batch-size",
        ),
        (
            vec!["train", "--data", "builtin:iris", "--batch-size", "151"],
            "--batch-size",
        ),
        (
            vec!["train", "--data", "builtin:circle", "--noise", "2"],
            "--noise",
        ),
        (
            vec!["train", "--data", "builtin:iris", "--optimizer", "nope"],
            "nope",
        ),
        (
            vec!["train", "--data", "builtin:iris", "--lr", "-1"],
            "--lr",
        ),
        (
            vec!["train", "--data", "builtin:iris", "--hidden", "0"],
            "--hidden",
        ),
        (
            vec![
                "train",
                "--data",
                "builtin:iris",
                "--plot",
                "/no/such/folder/curve.svg",
            ],
            "/no/such/folder",
        ),
        (vec!["train"], "--data"),
    ] {
        let out = stepgrad(&args);
        assert_eq!(out.code, 2, "{args:?}: {}{}", out.stdout, out.stderr);
        assert!(
            out.stderr.contains(message),
            "{args:?}: expected '{message}' in {}",
            out.stderr
        );
        assert!(!out.stderr.contains("panicked"), "{}", out.stderr);
    }
}

#[test]
fn the_plot_is_an_svg_of_the_curves() {
    let dir = scratch("plot");
    let path = dir.join("curves.svg").to_string_lossy().into_owned();
    let out = stepgrad(&[
        "train",
        "--data",
        "builtin:iris",
        "--batch-size",
        "16",
        "--val",
        "0.2",
        "--epochs",
        "20",
        "--plot",
        &path,
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let svg = std::fs::read_to_string(&path).unwrap();
    assert!(svg.starts_with("<svg"), "{}", &svg[..100.min(svg.len())]);
    for label in ["epoch", "iteration", "validation", "accuracy"] {
        assert!(svg.contains(label), "no '{label}' in the SVG");
    }
    assert!(svg.matches("<polyline").count() >= 3);
}
