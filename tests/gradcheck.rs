//! `diff --gradcheck` and `net --gradcheck`: each derivative beside a
//! central difference, checked against hand-worked derivatives, Mazur's
//! published gradients and central differences computed here from the
//! function's own formula; and the "read as …" echo of textbook input.

mod common;

use common::stepgrad;

fn json(args: &[&str]) -> serde_json::Value {
    let out = stepgrad(args);
    assert_eq!(out.code, 0, "{args:?}: {}", out.stderr);
    serde_json::from_str(&out.stdout).unwrap()
}

fn number(value: &serde_json::Value) -> f64 {
    value.as_f64().unwrap()
}

#[test]
fn diff_sets_the_derivative_beside_a_central_difference() {
    let v = json(&[
        "diff",
        "x^2*sin(x)",
        "--at",
        "x=1",
        "--gradcheck",
        "--format",
        "json",
    ]);
    let row = &v["gradcheck"][0];
    assert_eq!(row["name"], "x");
    // By hand: (x²·sin x)′ = 2x·sin x + x²·cos x.
    let by_hand = 2.0 * 1f64.sin() + 1f64.cos();
    assert!((number(&row["derivative"]) - by_hand).abs() < 1e-14);
    // The central difference with the step reported, from the formula.
    let h = number(&row["step"]);
    assert_eq!(h, f64::EPSILON.cbrt());
    let f = |x: f64| x * x * x.sin();
    let estimate = (f(1.0 + h) - f(1.0 - h)) / ((1.0 + h) - (1.0 - h));
    assert!((number(&row["estimate"]) - estimate).abs() < 1e-15);
    assert!((estimate - by_hand).abs() < 1e-9);
    let relative = number(&row["relative_difference"]);
    assert!((relative - (by_hand - estimate).abs() / by_hand).abs() < 1e-12);
}

#[test]
fn diff_checks_every_variable_of_a_gradient_and_scales_the_step() {
    let v = json(&[
        "diff",
        "gelu(x)*y",
        "--wrt",
        "x,y",
        "--at",
        "x=1,y=200",
        "--gradcheck",
        "--format",
        "json",
    ]);
    let rows = v["gradcheck"].as_array().unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(number(&rows[1]["step"]), f64::EPSILON.cbrt() * 200.0);
    for row in rows {
        assert!(number(&row["relative_difference"]) < 1e-8, "{row}");
    }
}

#[test]
fn a_point_where_the_function_is_undefined_nearby_has_no_estimate() {
    let v = json(&[
        "diff",
        "sqrt(x)",
        "--at",
        "x=0.000001",
        "--gradcheck",
        "--format",
        "json",
    ]);
    let row = &v["gradcheck"][0];
    assert!(row["estimate"].is_null(), "{row}");
    assert!(row["relative_difference"].is_null());
}

#[test]
fn diff_gradcheck_needs_a_point() {
    let out = stepgrad(&["diff", "x^2", "--gradcheck"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("--gradcheck needs a point to check at"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("--at"), "{}", out.stderr);
}

#[test]
fn net_sets_mazurs_gradients_beside_central_differences() {
    let v = json(&["net", "mazur", "--gradcheck", "--format", "json"]);
    let rows = v["gradcheck"].as_array().unwrap();
    // Mazur does not update the biases: the eight weights are checked.
    let names: Vec<&str> = rows.iter().map(|r| r["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["w1", "w2", "w3", "w4", "w5", "w6", "w7", "w8"]);
    // Mazur's published ∂E_total/∂w5 and ∂E_total/∂w1.
    for (row, published) in [(&rows[4], 0.082167041), (&rows[0], 0.000438568)] {
        assert!(
            (number(&row["derivative"]) - published).abs() < 5e-10,
            "{row}"
        );
        assert!(
            (number(&row["estimate"]) - published).abs() < 5e-10,
            "{row}"
        );
    }
    for row in rows {
        assert!(number(&row["relative_difference"]) < 1e-7, "{row}");
    }
}

#[test]
fn the_check_is_told_in_the_sessions_language() {
    let out = stepgrad(&[
        "net",
        "xor",
        "--gradcheck",
        "--color",
        "never",
        "--lang",
        "ko",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("기울기 확인"), "{}", out.stdout);
    assert!(out.stdout.contains("중앙 차분"));
    let out = stepgrad(&["net", "xor", "--gradcheck", "--format", "markdown"]);
    assert!(out.stdout.contains("## Gradient check"), "{}", out.stdout);
    assert!(out.stdout.contains("relative difference"));
}

#[test]
fn textbook_input_is_echoed_as_read() {
    let out = stepgrad(&["diff", "2x²sin x", "--color", "never", "--no-steps"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.starts_with("read as 2·x²·sin(x)\n"),
        "{}",
        out.stdout
    );
    let v = json(&["diff", "2x²sin x", "--format", "json"]);
    assert_eq!(v["read_as"][0], "2*x^2*sin(x)");
    // Plain syntax is not echoed.
    let out = stepgrad(&["diff", "2*x^2*sin(x)", "--color", "never"]);
    assert!(!out.stdout.contains("read as"));
    let v = json(&["diff", "2*x^2*sin(x)", "--format", "json"]);
    assert!(v.get("read_as").is_none());
}

#[test]
fn check_and_minimize_echo_what_they_read() {
    let out = stepgrad(&[
        "check",
        "x sin x",
        "--answer",
        "sin x + x cos x",
        "--color",
        "never",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("read as x·sin(x)"), "{}", out.stdout);
    assert!(
        out.stdout.contains("read as sin(x) + x·cos(x)"),
        "{}",
        out.stdout
    );
    let out = stepgrad(&[
        "minimize", "(x-3)**2", "--start", "x=0", "--lr", "0.1", "--steps", "2", "--color", "never",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.starts_with("read as (x − 3)²"), "{}", out.stdout);
}
