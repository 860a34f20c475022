//! `stepgrad practice`: every topic's answer key checked independently of
//! stepgrad, from the data each exercise gives in JSON — derivatives
//! against central differences of the function evaluated by meval, descent
//! steps against the gradient estimated the same way, epochs against
//! ceil/floor, backpropagation against a forward and backward pass written
//! here, optimizer steps against PyTorch's update rules written out. Also:
//! the same seed gives the same sheet, levels ask for more, answers come
//! after all questions, and the snapshots of a text and a Markdown sheet.

mod common;

use common::{meval_eval, stepgrad};
use serde_json::Value;

const TOPICS: [&str; 6] = [
    "derivative",
    "gradient",
    "descent",
    "epochs",
    "backprop",
    "optimizer",
];

fn sheet(topic: &str, level: u32, seed: u64, count: u32) -> Value {
    let (level, seed, count) = (level.to_string(), seed.to_string(), count.to_string());
    let out = stepgrad(&[
        "practice", topic, "--level", &level, "--seed", &seed, "--count", &count, "--format",
        "json",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    serde_json::from_str(&out.stdout).expect("practice writes JSON")
}

fn exercises(topic: &str, level: u32, seed: u64) -> Vec<Value> {
    let s = sheet(topic, level, seed, 4);
    let list = s["exercises"].as_array().expect("exercises").clone();
    assert_eq!(list.len(), 4);
    for e in &list {
        assert_eq!(e["topic"], topic);
        assert_eq!(e["level"], level);
    }
    list
}

fn num(v: &Value) -> f64 {
    v.as_f64().unwrap_or_else(|| panic!("not a number: {v}"))
}

fn answer(e: &Value, name: &str) -> f64 {
    let a = e["answers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["name"] == name)
        .unwrap_or_else(|| panic!("no answer {name} in {e}"));
    num(&a["value"])
}

fn relative_close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol * a.abs().max(b.abs()).max(1e-3)
}

const POINTS: [[f64; 3]; 3] = [[0.7, 1.1, 1.6], [1.3, 0.6, 0.9], [1.9, 1.4, 0.8]];
const VARIABLES: [&str; 3] = ["x", "y", "z"];

/// The central difference of `f` in `wrt` at `point`, by meval, with one
/// Richardson extrapolation (error of order h⁴, h = 10⁻⁴).
fn central(f: &str, wrt: &str, point: &[(&str, f64)]) -> f64 {
    let shifted = |d: f64| -> Vec<(&str, f64)> {
        point
            .iter()
            .map(|&(n, v)| (n, if n == wrt { v + d } else { v }))
            .collect()
    };
    let quotient = |h: f64| (meval_eval(f, &shifted(h)) - meval_eval(f, &shifted(-h))) / (2.0 * h);
    let h = 1e-4;
    (4.0 * quotient(h / 2.0) - quotient(h)) / 3.0
}

fn check_derivatives(e: &Value) {
    let f = e["data"]["f"]["ascii"].as_str().unwrap();
    for a in e["answers"].as_array().unwrap() {
        let d = a["value"]["ascii"].as_str().unwrap();
        let wrt = a["wrt"].as_str().unwrap();
        assert_eq!(a["derivative_of"].as_str().map(|_| ()), Some(()));
        for p in POINTS {
            let point: Vec<(&str, f64)> = VARIABLES.iter().copied().zip(p).collect();
            let expected = central(f, wrt, &point);
            let given = meval_eval(d, &point);
            assert!(
                relative_close(given, expected, 1e-5),
                "d/d{wrt} of {f} = {d}: {given} at {point:?}, difference quotient {expected}"
            );
        }
    }
}

fn check_descent(e: &Value) {
    let data = &e["data"];
    let f = data["f"]["ascii"].as_str().unwrap();
    let eta = num(&data["eta"]);
    let names: Vec<&str> = VARIABLES
        .iter()
        .copied()
        .filter(|v| data.get(format!("{v}0")).is_some())
        .collect();
    let mut point: Vec<(&str, f64)> = names
        .iter()
        .map(|&v| (v, num(&data[format!("{v}0")])))
        .collect();
    let steps = e["answers"].as_array().unwrap().len() / names.len();
    for step in 1..=steps {
        let gradient: Vec<f64> = names.iter().map(|v| central(f, v, &point)).collect();
        for (k, g) in gradient.into_iter().enumerate() {
            point[k].1 -= eta * g;
            let given = answer(e, &format!("{}{step}", names[k]));
            assert!(
                relative_close(given, point[k].1, 1e-6),
                "{f}: {}{step} = {given}, expected {}",
                names[k],
                point[k].1
            );
        }
    }
}

fn check_epochs(e: &Value) {
    let d = &e["data"];
    let (n, b, epochs) = (
        d["samples"].as_u64().unwrap(),
        d["batch_size"].as_u64().unwrap(),
        d["epochs"].as_u64().unwrap(),
    );
    let drop_last = e["kind"] == "drop-last";
    let per_epoch = if drop_last { n / b } else { n.div_ceil(b) };
    let count = |name: &str| answer(e, name) as u64;
    assert_eq!(count("iterations_per_epoch"), per_epoch, "{e}");
    let answers = e["answers"].as_array().unwrap().len();
    if answers > 1 {
        assert_eq!(count("total_iterations"), per_epoch * epochs, "{e}");
    }
    if drop_last {
        assert_eq!(count("dropped_per_epoch"), n - (n / b) * b);
        assert_eq!(count("samples_seen"), (n / b) * b * epochs);
    } else if answers > 1 {
        assert_eq!(count("last_batch"), n - (n.div_ceil(b) - 1) * b);
    }
}

fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

/// The loss of Mazur's 2-2-1 network with one weight changed.
fn mazur_loss(d: &Value, changed: &str, by: f64) -> f64 {
    let v = |k: &str| num(&d[k]) + if k == changed { by } else { 0.0 };
    let h1 = sigmoid(v("w1") * v("x1") + v("w2") * v("x2") + v("b1"));
    let h2 = sigmoid(v("w3") * v("x1") + v("w4") * v("x2") + v("b1"));
    let o = sigmoid(v("w5") * h1 + v("w6") * h2 + v("b2"));
    0.5 * (v("t") - o).powi(2)
}

fn check_backprop(e: &Value) {
    let d = &e["data"];
    let v = |k: &str| num(&d[k]);
    // The forward pass and the deltas, by hand.
    let h1 = sigmoid(v("w1") * v("x1") + v("w2") * v("x2") + v("b1"));
    let h2 = sigmoid(v("w3") * v("x1") + v("w4") * v("x2") + v("b1"));
    let o = sigmoid(v("w5") * h1 + v("w6") * h2 + v("b2"));
    let delta_o = -(v("t") - o) * o * (1.0 - o);
    let delta_h1 = delta_o * v("w5") * h1 * (1.0 - h1);
    let expected = |name: &str| -> f64 {
        match name {
            "delta_o" => delta_o,
            "delta_h1" => delta_h1,
            "dE/dw5" => delta_o * h1,
            "dE/dw6" => delta_o * h2,
            "dE/dw1" => delta_h1 * v("x1"),
            "dE/dw2" => delta_h1 * v("x2"),
            other => panic!("unexpected answer {other}"),
        }
    };
    for a in e["answers"].as_array().unwrap() {
        let name = a["name"].as_str().unwrap();
        let given = num(&a["value"]);
        assert!(
            relative_close(given, expected(name), 1e-12),
            "{name}: {given}"
        );
        if let Some(weight) = name.strip_prefix("dE/d") {
            let h = 1e-6;
            let estimate = (mazur_loss(d, weight, h) - mazur_loss(d, weight, -h)) / (2.0 * h);
            assert!(
                (given - estimate).abs() < 1e-8,
                "{name}: {given} vs {estimate}"
            );
        }
    }
}

fn check_optimizer(e: &Value) {
    let d = &e["data"];
    let lr = num(&d["lr"]);
    let mut theta = num(&d["theta0"]);
    let (mut buf, mut m, mut v) = (0.0f64, 0.0f64, 0.0f64);
    let steps = e["answers"].as_array().unwrap().len();
    for t in 1..=steps {
        let g = num(&d[format!("g{t}")]);
        match e["kind"].as_str().unwrap() {
            // torch.optim.SGD(momentum=μ): buf = g at the first step, then μ·buf + g.
            "momentum" => {
                let mu = num(&d["momentum"]);
                buf = if t == 1 { g } else { mu * buf + g };
                theta -= lr * buf;
            }
            // torch.optim.RMSprop: square_avg = α·square_avg + (1 − α)·g².
            "rmsprop" => {
                let alpha = num(&d["alpha"]);
                v = alpha * v + (1.0 - alpha) * g * g;
                theta -= lr * g / (v.sqrt() + num(&d["eps"]));
            }
            // torch.optim.Adam, with bias correction.
            "adam" => {
                let (b1, b2) = (num(&d["beta1"]), num(&d["beta2"]));
                m = b1 * m + (1.0 - b1) * g;
                v = b2 * v + (1.0 - b2) * g * g;
                let m_hat = m / (1.0 - b1.powi(t as i32));
                let v_hat = v / (1.0 - b2.powi(t as i32));
                theta -= lr * m_hat / (v_hat.sqrt() + num(&d["eps"]));
            }
            other => panic!("unknown optimizer {other}"),
        }
        let given = answer(e, &format!("theta{t}"));
        assert!(
            relative_close(given, theta, 1e-12),
            "step {t}: {given} vs {theta} in {e}"
        );
    }
}

#[test]
fn every_topic_has_a_right_answer_key() {
    for topic in TOPICS {
        for level in 1..=3 {
            for seed in [0, 1, 2, 17, 123] {
                for e in exercises(topic, level, seed) {
                    match topic {
                        "derivative" | "gradient" => check_derivatives(&e),
                        "descent" => check_descent(&e),
                        "epochs" => check_epochs(&e),
                        "backprop" => check_backprop(&e),
                        _ => check_optimizer(&e),
                    }
                }
            }
        }
    }
}

#[test]
fn a_wrong_answer_key_would_be_caught() {
    let mut e = exercises("optimizer", 2, 4).remove(0);
    e["answers"][1]["value"] = serde_json::json!(num(&e["answers"][1]["value"]) + 1e-3);
    assert!(std::panic::catch_unwind(|| check_optimizer(&e)).is_err());
    let mut e = exercises("derivative", 3, 4).remove(0);
    e["answers"][0]["value"]["ascii"] = serde_json::json!("2*x");
    assert!(std::panic::catch_unwind(|| check_derivatives(&e)).is_err());
}

#[test]
fn the_same_seed_gives_the_same_sheet() {
    for format in ["text", "json", "latex"] {
        let run = |seed: &str| {
            stepgrad(&[
                "practice", "--count", "12", "--level", "2", "--seed", seed, "--format", format,
            ])
            .stdout
        };
        assert_eq!(run("9"), run("9"));
        assert_ne!(run("9"), run("10"));
    }
    assert_eq!(sheet("backprop", 3, 5, 3), sheet("backprop", 3, 5, 3));
}

/// The size of what an exercise asks: its answers, and the operations and
/// calls in its function.
fn size(e: &Value) -> usize {
    let answers = e["answers"].as_array().unwrap().len();
    let ops = e["data"]["f"]["ascii"]
        .as_str()
        .map_or(0, |f| f.chars().filter(|c| "+-*/^(".contains(*c)).count());
    100 * answers + ops
}

#[test]
fn higher_levels_ask_for_more() {
    for topic in TOPICS {
        let sizes: Vec<(usize, usize)> = (1..=3)
            .map(|level| {
                let all: Vec<usize> = (0..12)
                    .flat_map(|seed| exercises(topic, level, seed))
                    .map(|e| size(&e))
                    .collect();
                (*all.iter().min().unwrap(), *all.iter().max().unwrap())
            })
            .collect();
        for pair in sizes.windows(2) {
            assert!(pair[0].1 < pair[1].0, "{topic}: sizes by level {sizes:?}");
        }
    }
    let hidden = exercises("backprop", 3, 1);
    assert!(hidden[0]["answers"]
        .as_array()
        .unwrap()
        .iter()
        .any(|a| a["name"] == "delta_h1"));
}

#[test]
fn answers_come_after_every_question() {
    for format in ["text", "markdown", "latex"] {
        let out = stepgrad(&[
            "practice", "--count", "6", "--level", "3", "--format", format,
        ]);
        assert_eq!(out.code, 0, "{}", out.stderr);
        let answers = out.stdout.find("Answers").expect("an Answers section");
        let last_question = out.stdout.rfind("Find ").expect("questions");
        assert!(last_question < answers, "{format}");
        // No answer value appears among the questions: the first
        // derivative answer is only in the key.
        let json = sheet("derivative", 3, 0, 1);
        let d = json["exercises"][0]["answers"][0]["value"]["unicode"]
            .as_str()
            .unwrap()
            .to_string();
        let text = stepgrad(&["practice", "derivative", "--level", "3", "--count", "1"]).stdout;
        let at = text.find(&d).expect("the derivative in the key");
        assert!(at > text.find("Answers").unwrap());
    }
}

#[test]
fn snapshots_of_a_text_and_a_markdown_sheet() {
    for format in ["text", "markdown"] {
        let out = stepgrad(&[
            "practice", "--count", "6", "--level", "2", "--seed", "1", "--format", format,
            "--color", "never",
        ]);
        assert_eq!(out.code, 0, "{}", out.stderr);
        insta::assert_snapshot!(format!("practice_{format}"), out.stdout);
    }
    // Level 3 in Markdown, whose math the KaTeX test renders (tests/render.rs).
    let out = stepgrad(&[
        "practice", "--count", "6", "--level", "3", "--seed", "2", "--format", "markdown",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    insta::assert_snapshot!("practice_level3_markdown", out.stdout);
}

#[test]
fn korean_sheets_have_no_english_prose() {
    for format in ["text", "markdown", "latex"] {
        let out = stepgrad(&[
            "practice", "--count", "6", "--level", "3", "--lang", "ko", "--format", format,
        ]);
        assert_eq!(out.code, 0, "{}", out.stderr);
        common::assert_no_english_prose("practice --lang ko", &out.stdout);
        assert!(out.stdout.contains("정답"));
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]

    /// Any seed, level and topic: the answer key holds.
    #[test]
    fn any_seed_gives_a_right_answer_key(seed in proptest::prelude::any::<u64>(), level in 1u32..=3, topic in 0usize..6) {
        let topic = TOPICS[topic];
        let s = sheet(topic, level, seed, 2);
        for e in s["exercises"].as_array().unwrap() {
            match topic {
                "derivative" | "gradient" => check_derivatives(e),
                "descent" => check_descent(e),
                "epochs" => check_epochs(e),
                "backprop" => check_backprop(e),
                _ => check_optimizer(e),
            }
        }
    }
}
