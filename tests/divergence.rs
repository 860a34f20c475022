//! The one divergence rule, as `minimize`, `net` and `train` apply it: a
//! value that stops being finite, or the objective grown beyond 10¹² times
//! its start, ends the run with the report of the steps done and exit
//! code 1; a run that converges is not touched by it.
//!
//! The steps where the growing runs diverge are worked by hand in the
//! table: x² from x = 1 with lr = 10 is 361ᵏ after k steps (361⁵ =
//! 6,131,066,257,801 is the first beyond 10¹²); the linear neuron
//! w·10 + b with target 1, w = 0.5, lr = 10 has E = 8, then 8,144,648,
//! then ½·4,072,324² ≈ 8.29e12, beyond 8·10¹², at step 2.

mod common;

use common::stepgrad;

/// A linear neuron: out = w·10 + b, target 1, half_sse, w = 0.5, b = 0.
const LINEAR: &str = "layers = [1, 1]\nactivation = \"identity\"\nweights = [[[0.5]]]\nbiases = [[0]]\ninputs = [[10]]\ntargets = [[1]]\n[train]\nlr = 10\n";

struct Case {
    what: &'static str,
    args: Vec<String>,
    /// The exit code, and what stdout and stderr say.
    code: i32,
    stdout: &'static str,
    stderr: &'static str,
}

fn case(
    what: &'static str,
    args: &[&str],
    code: i32,
    stdout: &'static str,
    stderr: &'static str,
) -> Case {
    Case {
        what,
        args: args.iter().map(|a| a.to_string()).collect(),
        code,
        stdout,
        stderr,
    }
}

#[test]
fn every_command_diverges_by_the_same_rule_and_keeps_its_report() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("divergence_rule");
    std::fs::create_dir_all(&dir).unwrap();
    let linear = dir.join("linear.toml");
    std::fs::write(&linear, LINEAR).unwrap();
    let linear = linear.to_str().unwrap();
    let cases = [
        // Growth.
        case("minimize, growth", &["minimize", "x^2", "--start", "x=1", "--lr", "10"], 1,
            "Diverged at step 5: f = 6.13107e+12 has grown beyond 10¹² times its start (1).",
            "diverged at step 5: f = 6.13107e+12 has grown beyond 10¹² times its start (1)"),
        case("net, growth", &["net", linear, "--steps", "500"], 1,
            "Diverged at step 2: the loss 8.29191e+12 has grown beyond 10¹² times its start",
            "training diverged at step 2: the loss 8.29191e+12 has grown beyond 10¹² times its start (8)"),
        case("train, growth", &["train", "--data", "builtin:line", "--lr", "10", "--optimizer", "sgd"], 1,
            "Diverged at epoch 4, iteration 4: the loss 1.13703e+13 has grown beyond 10¹²",
            "training diverged at epoch 4, iteration 4: the loss 1.13703e+13 has grown beyond 10¹² times its start (1.27904)"),
        // Not finite: an overflow.
        case("minimize, overflow", &["minimize", "exp(x^2)", "--start", "x=2", "--lr", "1"], 1,
            "Diverged at step 1: f overflows",
            "diverged at step 1: f overflows"),
        case("net, overflow", &["net", linear, "--lr", "1e200"], 1,
            "Diverged at step 1:",
            "training diverged at step 1:"),
        case("train, overflow", &["train", "--data", "builtin:line", "--lr", "1e200", "--optimizer", "sgd", "--epochs", "5"], 1,
            "Diverged at epoch 1, iteration 1: the loss is inf.",
            "training diverged at epoch 1, iteration 1: the loss is inf"),
        // Normal runs.
        case("minimize, normal", &["minimize", "x^2", "--start", "x=1", "--lr", "0.1"], 0, "Stopped after", ""),
        case("net, normal", &["net", "mazur", "--steps", "3"], 0, "After 3 updates", ""),
        case("train, normal", &["train", "--data", "builtin:xor", "--epochs", "5"], 0, "Stopped after the maximum of 5 epochs.", ""),
    ];
    for c in cases {
        let args: Vec<&str> = c.args.iter().map(String::as_str).collect();
        let out = stepgrad(&args);
        let stdout = out.stdout.split_whitespace().collect::<Vec<_>>().join(" ");
        assert_eq!(out.code, c.code, "{}: {}{}", c.what, out.stdout, out.stderr);
        assert!(stdout.contains(c.stdout), "{}: {}", c.what, out.stdout);
        assert!(out.stderr.contains(c.stderr), "{}: {}", c.what, out.stderr);
        if c.code == 0 {
            assert!(
                !out.stderr.contains("diverged"),
                "{}: {}",
                c.what,
                out.stderr
            );
        }
    }
}

/// A diverged network run lists the steps it did, the last of them in
/// full, and says so in JSON too.
#[test]
fn a_diverged_network_run_reports_the_steps_it_did() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("divergence_net");
    std::fs::create_dir_all(&dir).unwrap();
    let linear = dir.join("linear.toml");
    std::fs::write(&linear, LINEAR).unwrap();
    let spec = linear.to_str().unwrap();
    let out = stepgrad(&["net", spec, "--steps", "500"]);
    assert_eq!(out.code, 1);
    // Step 1 by hand: w = 0.5 − 10·40 = −399.5, b = 0 − 10·4 = −40; step
    // 2 from there.
    assert!(
        out.stdout.contains("Step 1 of 2") && out.stdout.contains("Step 2 of 2"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("-399.5") && out.stdout.contains("-40 "),
        "{}",
        out.stdout
    );
    assert!(!out.stdout.contains("After "), "{}", out.stdout);
    let out = stepgrad(&["net", spec, "--steps", "500", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(v["stopped"], "diverged");
    assert_eq!(v["steps"].as_array().unwrap().len(), 2);
    assert_eq!(v["steps"][0]["params_after"]["W"][0][0][0], -399.5);
    let out = stepgrad(&["net", "mazur", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert!(
        v.get("stopped").is_none(),
        "a run that ends well keeps its schema"
    );
}
