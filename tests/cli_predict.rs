//! The model file, `predict` and the metrics as a user meets them: a
//! network trained on iris and saved, then applied to data/iris.csv, checked
//! against a forward pass written here from the saved numbers alone (not
//! stepgrad's code) and a confusion matrix counted here; `--restore-best`
//! against the run's own epochs; learning-rate schedules against PyTorch's
//! closed-form formulas.

mod common;

use common::stepgrad;
use serde_json::Value;
use std::path::PathBuf;

fn json(args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    let out = stepgrad(&all);
    assert_eq!(out.code, 0, "{:?}: {}", args, out.stderr);
    serde_json::from_str(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", out.stdout))
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "stepgrad-cli-predict-{}-{name}",
        std::process::id()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn numbers(v: &Value) -> Vec<f64> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_f64().unwrap())
        .collect()
}

/// The saved network applied to one row of raw features, from the file's
/// fields as docs/json.md describes them: standardise, then per layer
/// z = W·a + b and tanh, or softmax on the output.
fn forward(model: &Value, raw: &[f64]) -> Vec<f64> {
    let scaling = model["standardization"]["features"].as_array().unwrap();
    let mut a: Vec<f64> = raw
        .iter()
        .zip(scaling)
        .map(|(x, s)| (x - s["mean"].as_f64().unwrap()) / s["sd"].as_f64().unwrap())
        .collect();
    let layers = model["W"].as_array().unwrap();
    let activations = model["network"]["activations"].as_array().unwrap();
    for (l, w) in layers.iter().enumerate() {
        let b = numbers(&model["b"][l]);
        let z: Vec<f64> = w
            .as_array()
            .unwrap()
            .iter()
            .zip(&b)
            .map(|(row, bias)| numbers(row).iter().zip(&a).map(|(w, x)| w * x).sum::<f64>() + bias)
            .collect();
        a = match activations[l].as_str().unwrap() {
            "tanh" => z.iter().map(|v| v.tanh()).collect(),
            "softmax" => {
                let top = z.iter().cloned().fold(f64::MIN, f64::max);
                let e: Vec<f64> = z.iter().map(|v| (v - top).exp()).collect();
                let sum: f64 = e.iter().sum();
                e.iter().map(|v| v / sum).collect()
            }
            other => panic!("the test's forward pass has no {other}"),
        };
    }
    a
}

/// data/iris.csv's rows: four features and the species.
fn iris_rows() -> Vec<(Vec<f64>, String)> {
    let text = std::fs::read_to_string("data/iris.csv").unwrap();
    text.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let fields: Vec<&str> = line.split(',').collect();
            let x = fields[..4].iter().map(|f| f.parse().unwrap()).collect();
            (x, fields[4].to_string())
        })
        .collect()
}

fn argmax(p: &[f64]) -> usize {
    (0..p.len()).fold(0, |best, k| if p[k] > p[best] { k } else { best })
}

/// The confusion matrix of the rows chosen, counted here.
fn confusion(
    rows: &[(Vec<f64>, String)],
    chosen: impl Fn(usize) -> bool,
    model: &Value,
) -> Vec<Vec<u64>> {
    let classes: Vec<&str> = model["classes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    let mut m = vec![vec![0u64; classes.len()]; classes.len()];
    for (i, (x, species)) in rows.iter().enumerate() {
        if chosen(i) {
            let t = classes.iter().position(|c| c == species).unwrap();
            m[t][argmax(&forward(model, x))] += 1;
        }
    }
    m
}

fn matrix(v: &Value) -> Vec<Vec<u64>> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|r| {
            r.as_array()
                .unwrap()
                .iter()
                .map(|n| n.as_u64().unwrap())
                .collect()
        })
        .collect()
}

#[test]
fn a_saved_model_predicts_as_its_numbers_say() {
    let dir = scratch("iris");
    let saved = dir.join("m.json").to_string_lossy().into_owned();
    let trained = json(&[
        "train",
        "--data",
        "builtin:iris",
        "--standardize",
        "--val",
        "0.2",
        "--save",
        &saved,
    ]);
    let model: Value = serde_json::from_str(&std::fs::read_to_string(&saved).unwrap()).unwrap();
    assert_eq!(model["stepgrad"], "model");
    assert_eq!(model["version"], 1);
    assert_eq!(model["label"], "species");
    let predicted = json(&["predict", &saved, "--data", "data/iris.csv"]);
    let rows = iris_rows();
    let predictions = predicted["predictions"].as_array().unwrap();
    assert_eq!(predictions.len(), rows.len());
    for (p, (x, species)) in predictions.iter().zip(&rows) {
        let want = forward(&model, x);
        let got = numbers(&p["probabilities"]);
        for (g, w) in got.iter().zip(&want) {
            assert!((g - w).abs() <= 1e-12, "{got:?} against {want:?}");
        }
        assert_eq!(p["class"], model["classes"][argmax(&want)]);
        assert_eq!(p["true"].as_str().unwrap(), species);
    }
    // Accuracy is the confusion matrix's diagonal over its total, and the
    // matrix is the one counted here.
    let metrics = &predicted["metrics"];
    let m = matrix(&metrics["confusion"]);
    assert_eq!(m, confusion(&rows, |_| true, &model));
    let diagonal: u64 = (0..3).map(|k| m[k][k]).sum();
    let total: u64 = m.iter().flatten().sum();
    assert_eq!(total, 150);
    assert_eq!(
        metrics["accuracy"].as_f64().unwrap(),
        diagonal as f64 / total as f64
    );
    // The training part's metrics are what train reported for it.
    let held: Vec<usize> = trained["metrics"]["validation_rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_u64().unwrap() as usize)
        .collect();
    assert_eq!(held.len(), 30);
    let training = &trained["metrics"]["training"];
    let counted = confusion(&rows, |i| !held.contains(&i), &model);
    assert_eq!(matrix(&training["confusion"]), counted);
    let last = trained["epochs"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(training["accuracy"], last["accuracy"]);
    assert_eq!(
        trained["metrics"]["validation"]["accuracy"],
        last["val_accuracy"]
    );
    // Precision, recall and F1 from the counted matrix.
    for (k, scores) in training["per_class"].as_array().unwrap().iter().enumerate() {
        let tp = counted[k][k] as f64;
        let predicted_k: u64 = (0..3).map(|t| counted[t][k]).sum();
        let support: u64 = counted[k].iter().sum();
        let (p, r) = (tp / predicted_k as f64, tp / support as f64);
        assert_eq!(scores["precision"].as_f64().unwrap(), p);
        assert_eq!(scores["recall"].as_f64().unwrap(), r);
        assert!((scores["f1"].as_f64().unwrap() - 2.0 * p * r / (p + r)).abs() < 1e-15);
    }
}

#[test]
fn regression_metrics_in_the_targets_units() {
    let dir = scratch("line");
    let saved = dir.join("line.json").to_string_lossy().into_owned();
    let data = dir.join("line.csv");
    std::fs::write(&data, "x,y\n0,1\n1,3\n2,5\n3,8\n").unwrap();
    let data = data.to_string_lossy().into_owned();
    json(&[
        "train",
        "--data",
        "builtin:line",
        "--standardize",
        "--epochs",
        "20",
        "--save",
        &saved,
    ]);
    let model: Value = serde_json::from_str(&std::fs::read_to_string(&saved).unwrap()).unwrap();
    let out = json(&["predict", &saved, "--data", &data]);
    let truth = [1.0, 3.0, 5.0, 8.0];
    let predictions: Vec<f64> = out["predictions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["values"][0].as_f64().unwrap())
        .collect();
    // The forward pass by hand: tanh hidden layer, identity output.
    let scaling = &model["standardization"]["features"][0];
    for (x, got) in [0.0, 1.0, 2.0, 3.0].iter().zip(&predictions) {
        let z = (x - scaling["mean"].as_f64().unwrap()) / scaling["sd"].as_f64().unwrap();
        let hidden: Vec<f64> = (0..8)
            .map(|k| {
                (model["W"][0][k][0].as_f64().unwrap() * z + model["b"][0][k].as_f64().unwrap())
                    .tanh()
            })
            .collect();
        let want = (0..8)
            .map(|k| model["W"][1][0][k].as_f64().unwrap() * hidden[k])
            .sum::<f64>()
            + model["b"][1][0].as_f64().unwrap();
        assert!((got - want).abs() < 1e-12, "{got} against {want}");
    }
    let n = 4.0;
    let mse = truth
        .iter()
        .zip(&predictions)
        .map(|(t, p)| (t - p) * (t - p))
        .sum::<f64>()
        / n;
    let mae = truth
        .iter()
        .zip(&predictions)
        .map(|(t, p)| (t - p).abs())
        .sum::<f64>()
        / n;
    let mean = truth.iter().sum::<f64>() / n;
    let spread: f64 = truth.iter().map(|t| (t - mean) * (t - mean)).sum();
    let fit = &out["metrics"]["targets"][0];
    assert!((fit["rmse"].as_f64().unwrap() - mse.sqrt()).abs() < 1e-12);
    assert!((fit["mae"].as_f64().unwrap() - mae).abs() < 1e-12);
    assert!((fit["r2"].as_f64().unwrap() - (1.0 - n * mse / spread)).abs() < 1e-12);
    // Without the target column: predictions only.
    let bare = dir.join("bare.csv");
    std::fs::write(&bare, "x\n0\n1\n").unwrap();
    let out = json(&["predict", &saved, "--data", &bare.to_string_lossy()]);
    assert_eq!(out["metrics"], Value::Null);
    assert_eq!(
        out["predictions"][1]["values"][0].as_f64().unwrap(),
        predictions[1]
    );
}

#[test]
fn restore_best_keeps_the_best_epochs_parameters() {
    let dir = scratch("best");
    let saved = dir.join("best.json").to_string_lossy().into_owned();
    // A large rate, so the validation loss rises again after its best.
    let common = [
        "train",
        "--data",
        "builtin:iris",
        "--val",
        "0.3",
        "--lr",
        "0.3",
        "--batch-size",
        "8",
    ];
    let mut args = common.to_vec();
    args.extend(["--epochs", "40", "--restore-best", "--save", &saved]);
    let run = json(&args);
    let epochs = run["epochs"].as_array().unwrap();
    let losses: Vec<f64> = epochs
        .iter()
        .map(|e| e["val_loss"].as_f64().unwrap())
        .collect();
    let smallest = losses.iter().cloned().fold(f64::INFINITY, f64::min);
    let best = losses.iter().position(|&l| l == smallest).unwrap();
    assert_eq!(run["best_epoch"]["epoch"], best);
    assert_eq!(run["best_epoch"]["loss"].as_f64().unwrap(), smallest);
    assert_eq!(run["restored_epoch"], best);
    assert!(best < 40, "the run should pass its best epoch: {losses:?}");
    // The same run stopped at the best epoch ends with the same parameters.
    let mut args = common.to_vec();
    let stop = best.max(1).to_string();
    args.extend(["--epochs", &stop]);
    let shorter = json(&args);
    if best > 0 {
        assert_eq!(shorter["params"], run["params"]);
    }
    // Read back, the saved parameters give the best validation loss.
    let mut args = common.to_vec();
    args.extend(["--epochs", "1", "--init-from", &saved]);
    let resumed = json(&args);
    assert_eq!(resumed["epochs"][0]["val_loss"].as_f64().unwrap(), smallest);
}

/// PyTorch's closed forms, with epoch e (from 1) at t = e − 1 and a
/// warm-up of W epochs at lr·(t+1)/(W+1) before them.
fn scheduled(schedule: &str, warmup: usize, base: f64, epoch: usize, epochs: usize) -> f64 {
    let t = epoch - 1;
    if t < warmup {
        return base * (t + 1) as f64 / (warmup + 1) as f64;
    }
    let t = (t - warmup) as f64;
    let parts: Vec<&str> = schedule.split(':').collect();
    match parts[0] {
        "step" => {
            let every: f64 = parts[1].parse().unwrap();
            base * parts[2].parse::<f64>().unwrap().powf((t / every).floor())
        }
        "exponential" => base * parts[1].parse::<f64>().unwrap().powf(t),
        "cosine" => {
            let min: f64 = parts.get(1).map_or(0.0, |m| m.parse().unwrap());
            let t_max = (epochs - warmup) as f64;
            min + (base - min) * (1.0 + (std::f64::consts::PI * t / t_max).cos()) / 2.0
        }
        other => panic!("{other}"),
    }
}

#[test]
fn schedules_follow_pytorchs_formulas() {
    let epochs = 12;
    for (schedule, warmup, optimizer) in [
        ("step:3:0.5", 0, "sgd"),
        ("exponential:0.9", 0, "adam"),
        ("cosine", 0, "momentum"),
        ("cosine:0.001", 2, "adam"),
        ("step:4:0.1", 3, "rmsprop"),
    ] {
        let run = json(&[
            "train",
            "--data",
            "builtin:xor",
            "--optimizer",
            optimizer,
            "--lr",
            "0.05",
            "--epochs",
            "12",
            "--schedule",
            schedule,
            "--warmup",
            &warmup.to_string(),
        ]);
        let records = run["epochs"].as_array().unwrap();
        assert_eq!(records[0].get("lr"), None);
        for e in &records[1..] {
            let epoch = e["epoch"].as_u64().unwrap() as usize;
            let want = scheduled(schedule, warmup, 0.05, epoch, epochs);
            let got = e["lr"].as_f64().unwrap();
            assert!(
                (got - want).abs() <= 1e-15 * want.max(1.0),
                "{schedule}, warm-up {warmup}, epoch {epoch}: {got} against {want}"
            );
        }
    }
    // The rate is the one used: a constant "schedule" changes nothing.
    let plain = json(&["train", "--data", "builtin:xor", "--epochs", "5"]);
    let same = json(&[
        "train",
        "--data",
        "builtin:xor",
        "--epochs",
        "5",
        "--schedule",
        "step:100:0.5",
    ]);
    assert_eq!(plain["params"], same["params"]);
    let decayed = json(&[
        "train",
        "--data",
        "builtin:xor",
        "--epochs",
        "5",
        "--schedule",
        "step:1:0.5",
    ]);
    assert_ne!(plain["params"], decayed["params"]);
}

#[test]
fn the_courses_images_run_for_real() {
    let dir = scratch("digits");
    let saved = dir.join("digits.json").to_string_lossy().into_owned();
    let run = json(&[
        "train",
        "--data",
        "builtin:digits",
        "--batch-size",
        "25",
        "--epochs",
        "100",
        "--save",
        &saved,
    ]);
    // 1,000 images in batches of 25: 40 iterations per epoch, 4,000 in all.
    assert_eq!(run["data"]["samples"], 1000);
    assert_eq!(run["iterations_per_epoch"], 40);
    assert_eq!(run["epochs"][100]["iterations"], 4000);
    // Images drawn with another seed are held out from training.
    let held_out = json(&["predict", &saved, "--data", "builtin:digits", "--seed", "1"]);
    let accuracy = held_out["metrics"]["accuracy"].as_f64().unwrap();
    assert!(accuracy >= 0.95, "held-out accuracy {accuracy}");
    let shown = stepgrad(&[
        "predict",
        &saved,
        "--data",
        "builtin:digits",
        "--seed",
        "1",
        "--samples",
        "10",
        "--show",
        "2",
    ]);
    assert_eq!(shown.code, 0, "{}", shown.stderr);
    assert!(shown.stdout.contains("#2 → "), "{}", shown.stdout);
    assert!(shown.stdout.contains("██"), "{}", shown.stdout);
}
