//! `net` and `graph` as a user runs them.

mod common;

use common::{close, stepgrad};
use serde_json::Value;

/// The output with line breaks and runs of spaces collapsed, so a test can
/// look for a sentence wherever the paragraph wraps it.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn json(args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    let out = stepgrad(&all);
    assert_eq!(out.code, 0, "{}", out.stderr);
    serde_json::from_str(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", out.stdout))
}

/// value and gradient of the graph node with this label
fn node(v: &Value, label: &str) -> (f64, f64) {
    let n = v["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["label"] == label)
        .unwrap_or_else(|| panic!("no node {label}"));
    (
        n["value"].as_f64().unwrap(),
        n["gradient"].as_f64().unwrap(),
    )
}

#[test]
fn the_apple_graphs() {
    let v = json(&[
        "graph",
        "apple*count*tax",
        "--at",
        "apple=100,count=2,tax=1.1",
    ]);
    assert!(close(node(&v, "apple·count·tax").0, 220.0, 1e-12));
    assert!(close(node(&v, "apple·count").1, 1.1, 1e-12));
    assert!(close(node(&v, "apple").1, 2.2, 1e-12));
    assert!(close(node(&v, "count").1, 110.0, 1e-12));
    assert!(close(node(&v, "tax").1, 200.0, 1e-12));

    let v = json(&[
        "graph",
        "(apple*apple_count + orange*orange_count)*tax",
        "--at",
        "apple=100,apple_count=2,orange=150,orange_count=3,tax=1.1",
    ]);
    let out = &v["nodes"][v["output"].as_u64().unwrap() as usize];
    assert!(close(out["value"].as_f64().unwrap(), 715.0, 1e-12));
    assert!(close(
        node(&v, "apple·apple_count + orange·orange_count").1,
        1.1,
        1e-12
    ));
    for (label, gradient) in [
        ("apple", 2.2),
        ("apple_count", 110.0),
        ("orange", 3.3),
        ("orange_count", 165.0),
        ("tax", 650.0),
    ] {
        assert!(close(node(&v, label).1, gradient, 1e-12), "{label}");
    }
}

#[test]
fn graph_text_and_dot() {
    let out = stepgrad(&[
        "graph",
        "apple*count*tax",
        "--at",
        "apple=100,count=2,tax=1.1",
    ]);
    assert_eq!(out.code, 0);
    assert!(out.stdout.contains("├─ apple·count"), "{}", out.stdout);
    let dot = stepgrad(&[
        "graph",
        "apple*count*tax",
        "--at",
        "apple=100,count=2,tax=1.1",
        "--format",
        "dot",
    ]);
    assert!(
        dot.stdout.starts_with("digraph computation {") && dot.stdout.contains("n0 -> n2;"),
        "{}",
        dot.stdout
    );
    let out = stepgrad(&["graph", "apple*count*tax", "--at", "apple=100"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("no value was given for count"),
        "{}",
        out.stderr
    );
    let out = stepgrad(&["graph", "x^2", "--at", "x=1", "--format", "csv"]);
    assert_eq!(out.code, 2);
    let out = stepgrad(&["graph", "x^2", "--at", "x=1", "--format", "latex"]);
    assert_eq!(out.code, 0);
    assert!(out.stdout.contains("\\begin{tabular}"), "{}", out.stdout);
}

#[test]
fn net_mazur_in_the_terminal() {
    let out = stepgrad(&["net", "mazur"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    for expected in [
        "│ h1     ┆ w1·i1 + w2·i2 + b1         ┆ 0.3775     ┆ 0.593269992 │",
        "E_total = E_o1 + E_o2",
        "= 0.298371109",
        "δ_o1 = ∂E_total/∂net_o1 = ∂E_total/∂out_o1 · ∂out_o1/∂net_o1",
        "= −(target_o1 − out_o1) · out_o1·(1 − out_o1) = 0.74136507 · 0.186815602",
        "∂E_total/∂w5 = δ_o1 · out_h1 = 0.138498562 · 0.593269992 = 0.0821670406",
        "∂E_total/∂w1 = δ_h1 · i1 = 0.00877135469 · 0.05 = 0.000438567734",
        "∂E_total/∂out_h1 = δ_o1·w5 + δ_o2·w7",
        "16 multiplications of chain-rule factors for the 8 weights",
        "would take 40",
        "the hidden layers' gradients use the weights before the update too",
        "│ w5        ┆ 0.4    ┆ 0.0821670406   ┆ 0.35891648",
        "After 1 update: E_total = 0.291027774.",
    ] {
        assert!(
            flat(&out.stdout).contains(&flat(expected)),
            "missing {expected:?} in\n{}",
            out.stdout
        );
    }
}

#[test]
fn net_mazur_ten_thousand_steps() {
    let out = stepgrad(&["net", "mazur", "--steps", "10000", "--show", "update"]);
    assert_eq!(out.code, 0);
    assert!(
        flat(&out.stdout).contains("After 10000 updates: E_total = 3.51018778e-05."),
        "{}",
        out.stdout
    );
    assert!(
        flat(&out.stdout)
            .contains("measured before the 10,000th update, after 9,999, gives 3.51085481e-05"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("│ 10000 ┆ 3.51085481e-05"),
        "the loss before the last step:\n{}",
        out.stdout
    );
    let v = json(&["net", "mazur", "--steps", "10000", "--show", "update"]);
    assert!((v["final_loss"].as_f64().unwrap() / 3.510187783e-05 - 1.0).abs() < 1e-9);
    assert_eq!(v["steps"].as_array().unwrap().len(), 10_000);
}

#[test]
fn net_json_has_the_spec_shapes() {
    let v = json(&["net", "mazur"]);
    let step = &v["steps"][0];
    assert_eq!(step["params_before"]["W"][1][0][0], 0.4);
    assert!(close(
        step["params_after"]["W"][1][0][0].as_f64().unwrap(),
        0.35891648,
        1e-8
    ));
    assert!(close(
        step["gradients"]["W"][0][0][0].as_f64().unwrap(),
        0.000438568,
        1e-6
    ));
    assert_eq!(step["params_after"]["b"][0][0], 0.35);
    let chain = step["chain"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["param"] == "w5")
        .unwrap();
    assert_eq!(chain["factors"][0]["name"], "dE_total/dout_o1");
    assert_eq!(chain["factors"][0]["formula"], "-(target_o1 - out_o1)");
    assert!(close(chain["value"].as_f64().unwrap(), 0.082167041, 1e-8));
    let forward = step["forward"].as_array().unwrap();
    assert_eq!(forward[0]["neuron"], "h1");
    assert_eq!(forward[0]["net"], 0.3775);
}

#[test]
fn net_param_derivation_agrees_with_backpropagation() {
    let out = stepgrad(&["net", "mazur", "--param", "w1", "--show", "update"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains("The derivation of ∂E_total/∂w1"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("(Chain rule)") && out.stdout.contains("(Sigmoid rule)"),
        "{}",
        out.stdout
    );
    assert!(
        flat(&out.stdout).contains("backpropagation value: 0.000438567734"),
        "{}",
        out.stdout
    );
}

#[test]
fn net_options_are_checked() {
    let cases: [(&[&str], &str); 6] = [
        (
            &["net", "mazur", "--param", "w99"],
            "the network has no parameter w99",
        ),
        (
            &["net", "mazur", "--sample", "2"],
            "--sample 2: the data has samples 1 to 1",
        ),
        (
            &["net", "mazur", "--lr", "-1"],
            "the learning rate must be a positive number",
        ),
        (&["net", "mazur", "--steps", "0"], "--steps 0 is outside"),
        (
            &["net", "mazur", "--show", "everything"],
            "--show everything: not a part of the report",
        ),
        (
            &["net", "mazur", "--format", "dot"],
            "net cannot write --format dot",
        ),
    ];
    for (args, message) in cases {
        let out = stepgrad(args);
        assert_eq!(out.code, 2, "{args:?}");
        assert!(out.stderr.contains(message), "{args:?}: {}", out.stderr);
    }
    // A linear neuron with too large a learning rate: each step multiplies
    // the error by about −999, until the numbers overflow.
    let dir = std::env::temp_dir().join(format!("stepgrad-cli-net-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let spec = dir.join("linear.toml");
    std::fs::write(&spec, "layers = [1, 1]\nactivation = \"identity\"\nweights = [[[0.5]]]\nbiases = [[0]]\ninputs = [[10]]\ntargets = [[1]]\n[train]\nlr = 10\n").unwrap();
    let out = stepgrad(&["net", spec.to_str().unwrap(), "--steps", "500"]);
    assert_eq!(
        out.code, 1,
        "a diverging run is a negative verdict: {}",
        out.stderr
    );
    assert!(
        out.stderr.contains("training diverged at step"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("the learning rate 10 is too large for this network; try 1"),
        "{}",
        out.stderr
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn every_example_runs() {
    for name in stepgrad::network::example_names() {
        let out = stepgrad(&["net", name, "--steps", "20"]);
        assert_eq!(out.code, 0, "{name}: {}", out.stderr);
        let out = stepgrad(&["graph", name]);
        assert_eq!(out.code, 0, "{name}: {}", out.stderr);
    }
}

#[test]
fn net_draws_a_small_network_once() {
    let out = stepgrad(&["net", "mazur"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let drawing = "  i1 ──┬──▶ h1 ──┬──▶ o1\n       │         │\n  i2 ──┴──▶ h2 ──┴──▶ o2\n";
    assert_eq!(out.stdout.matches(drawing).count(), 1, "{}", out.stdout);
    // Every edge with the weight REFERENCES.md §1 gives it, and the biases.
    for edge in [
        "  i1→h1 w1 = 0.15   i2→h1 w2 = 0.2\n",
        "  i1→h2 w3 = 0.25   i2→h2 w4 = 0.3\n",
        "  b1 = 0.35 → h1, h2\n",
        "  h1→o1 w5 = 0.4   h2→o1 w6 = 0.45\n",
        "  h1→o2 w7 = 0.5   h2→o2 w8 = 0.55\n",
        "  b2 = 0.6 → o1, o2\n",
    ] {
        assert!(out.stdout.contains(edge), "{edge:?} in\n{}", out.stdout);
    }
    // --show network alone: the drawing and no step.
    let out = stepgrad(&["net", "mazur", "--show", "network", "--lang", "ko"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains(drawing), "{}", out.stdout);
    assert!(
        out.stdout.contains("신경망: 각 층의 뉴런은"),
        "{}",
        out.stdout
    );
    assert!(!out.stdout.contains("스텝 1"), "{}", out.stdout);
    // The backward pass alone does not draw it; xor's 2-2-1 joins at o1.
    let out = stepgrad(&["net", "mazur", "--show", "backward"]);
    assert!(!out.stdout.contains("──▶"), "{}", out.stdout);
    let out = stepgrad(&["net", "xor", "--show", "network"]);
    assert!(
        out.stdout
            .contains("  i1 ──┬──▶ h1 ──┐\n       │         ├──▶ o1\n  i2 ──┴──▶ h2 ──┘\n"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("  h1→o1 w5 = 0.9   h2→o1 w6 = -0.7   b_o1 = 0.2\n"),
        "{}",
        out.stdout
    );
}

#[test]
fn net_leaves_out_the_drawing_of_a_large_network() {
    let dir = std::env::temp_dir().join(format!("stepgrad-net-drawing-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let spec = dir.join("wide.toml");
    std::fs::write(
        &spec,
        "name = \"wide\"\nlayers = [2, 5, 1]\nactivation = \"sigmoid\"\ninit = \"xavier\"\nseed = 1\ninputs = [[0.5, 0.1]]\ntargets = [[1.0]]\n",
    )
    .unwrap();
    let out = stepgrad(&["net", spec.to_str().unwrap(), "--show", "network"]);
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(!out.stdout.contains("──▶"), "{}", out.stdout);
    assert!(out.stdout.contains("Layers 2-5-1"), "{}", out.stdout);
}
