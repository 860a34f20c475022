//! `train --compare`: each optimizer's run in the comparison is the run
//! `train --optimizer NAME` makes alone with the same options and seed,
//! epoch for epoch and bit for bit — the same start and the same batches;
//! the options that cannot go with a comparison are refused up front; the
//! report in every format, pinned as snapshots (times filtered out).

mod common;

use common::stepgrad;
use serde_json::Value;

fn json(args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    let out = stepgrad(&all);
    assert_eq!(out.code, 0, "{}", out.stderr);
    serde_json::from_str(&out.stdout).unwrap()
}

/// The epoch records of a run, without the time it took.
fn epochs(run: &Value) -> Vec<Value> {
    run["epochs"].as_array().unwrap().clone()
}

#[test]
fn each_run_of_a_comparison_is_its_optimizers_own_run() {
    let cases: [&[&str]; 3] = [
        // Mini-batches shuffled by the seed, a validation part.
        &[
            "train",
            "--data",
            "builtin:iris",
            "--standardize",
            "--val",
            "0.2",
            "--batch-size",
            "16",
            "--epochs",
            "8",
            "--seed",
            "3",
        ],
        // A spec with its own optimizer settings, and a schedule.
        &[
            "train",
            "xor",
            "--epochs",
            "6",
            "--schedule",
            "exponential:0.9",
        ],
        // Stochastic steps, an lr given to all.
        &[
            "train",
            "--data",
            "builtin:circle",
            "--samples",
            "40",
            "--batch-size",
            "1",
            "--epochs",
            "3",
            "--lr",
            "0.05",
            "--seed",
            "7",
        ],
    ];
    let names = [
        "sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "adamw",
    ];
    for base in cases {
        let list = names.join(",");
        let mut args = base.to_vec();
        args.extend(["--compare", &list]);
        let compared = json(&args);
        let runs = compared["compare"].as_array().unwrap();
        assert_eq!(runs.len(), names.len());
        for (run, name) in runs.iter().zip(names) {
            let mut alone = base.to_vec();
            alone.extend(["--optimizer", name]);
            let alone = json(&alone);
            assert_eq!(run["name"], name);
            assert_eq!(
                run["optimizer"], alone["config"]["optimizer"],
                "{base:?} {name}"
            );
            assert_eq!(
                run["hyperparameters"], alone["config"]["hyperparameters"],
                "{base:?} {name}"
            );
            // Every loss, accuracy and gradient norm, compared as the
            // f64s JSON carries exactly.
            assert_eq!(epochs(&run["run"]), epochs(&alone), "{base:?} {name}");
        }
        // Different optimizers really took different steps.
        assert_ne!(epochs(&runs[0]["run"]), epochs(&runs[5]["run"]), "{base:?}");
        // All of them started from the same point.
        let start = |run: &Value| run["run"]["epochs"][0].clone();
        assert!(runs.iter().all(|r| start(r) == start(&runs[0])), "{base:?}");
    }
}

#[test]
fn a_diverged_optimizer_is_reported_in_the_table_and_the_race_still_ends() {
    // lr 10 on a line: plain descent diverges.
    let race = [
        "train",
        "--data",
        "builtin:line",
        "--compare",
        "sgd,adam",
        "--lr",
        "10",
        "--epochs",
        "20",
    ];
    let out = stepgrad(&race);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("diverged in epoch"), "{}", out.stdout);
    let v = json(&race);
    assert_eq!(v["compare"][0]["run"]["stopped"], "diverged");
}

#[test]
fn the_picture_has_a_colour_per_optimizer_and_the_learning_rate() {
    let dir = std::env::temp_dir().join(format!("stepgrad-compare-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("race.svg");
    let path_text = path.display().to_string();
    let out = stepgrad(&[
        "train",
        "--data",
        "builtin:iris",
        "--standardize",
        "--val",
        "0.2",
        "--compare",
        "sgd,momentum,adam",
        "--epochs",
        "5",
        "--schedule",
        "step:2:0.5",
        "--plot",
        &path_text,
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let svg = std::fs::read_to_string(&path).unwrap();
    for label in [
        "sgd: training loss per epoch",
        "momentum: validation loss",
        "adam: learning rate",
    ] {
        assert!(svg.contains(label), "{label}");
    }
    // The palette's first three colours, one per optimizer.
    for colour in ["#1F77B4", "#D62728", "#2CA02C"] {
        assert!(svg.contains(colour), "{colour}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_comparison_in_every_format() {
    let mut settings = insta::Settings::clone_current();
    settings.add_filter(r"\b\d\.\d{3} s\b", "x.xxx s");
    settings.add_filter(
        r#""elapsed_seconds": [0-9.e-]+"#,
        r#""elapsed_seconds": "[time]""#,
    );
    settings.bind(|| {
        for format in ["text", "markdown", "latex", "json", "csv"] {
            let out = stepgrad(&[
                "train",
                "--data",
                "builtin:iris",
                "--standardize",
                "--val",
                "0.2",
                "--batch-size",
                "30",
                "--compare",
                "sgd,momentum,adam",
                "--epochs",
                "12",
                "--format",
                format,
                "--color",
                "never",
            ]);
            let text = format!(
                "exit code: {}\n--- stdout\n{}--- stderr\n{}",
                out.code, out.stdout, out.stderr
            );
            insta::assert_snapshot!(format!("train_compare_{format}"), text);
        }
        let out = stepgrad(&[
            "train",
            "xor",
            "--compare",
            "sgd,adam",
            "--epochs",
            "5",
            "--lang",
            "ko",
            "--color",
            "never",
        ]);
        insta::assert_snapshot!("train_compare_ko_text", out.stdout);
    });
}
