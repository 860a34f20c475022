//! The activations of modern networks — softplus, silu, leaky_relu, elu,
//! gelu — with erf, log10 and log2: values and derivatives in the
//! evaluator and in the compiled tape against PyTorch's definitions at
//! sample points (tests/data/activation_references.json, computed with
//! mpmath by tools/activation_references.py), derivatives against central
//! finite differences, each derivation naming its rule in both languages,
//! and the activations in network specs.

mod common;

use common::{close, stepgrad};
use stepgrad::calculus::derivative;
use stepgrad::expr::{evaluate, parse, Graph, Point};
use stepgrad::i18n::Lang;
use stepgrad::tape::{Tape, TapeSpec, Workspace};

const FUNCTIONS: [&str; 9] = [
    "softplus",
    "silu",
    "leaky_relu",
    "elu",
    "gelu",
    "erf",
    "erfc",
    "log10",
    "log2",
];

struct Reference {
    function: String,
    x: f64,
    value: f64,
    derivative: f64,
}

fn references() -> Vec<Reference> {
    let text = include_str!("data/activation_references.json");
    let json: serde_json::Value = serde_json::from_str(text).unwrap();
    json["points"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| Reference {
            function: row["function"].as_str().unwrap().to_string(),
            x: row["x"].as_f64().unwrap(),
            value: row["value"].as_f64().unwrap(),
            derivative: row["derivative"].as_f64().unwrap(),
        })
        .collect()
}

/// Agreement to `relative`, with an absolute floor below the smallest
/// normal double.
fn agrees_within(got: f64, want: f64, relative: f64) -> bool {
    got.is_finite() && (got - want).abs() <= relative * want.abs() + 1e-300
}

/// The accuracy a double can promise for `function` at `x`: gelu far in
/// its negative tail is erfc(−x/√2), whose relative condition number is
/// about x², so the rounding of x/√2 alone moves it by x²·2⁻⁵³; erfc's is
/// 2x², and log's is 1/|ln x| near 1.
fn tolerance(function: &str, x: f64) -> f64 {
    if function == "gelu" || function == "erfc" {
        4e-15_f64.max(2.0 * x * x * f64::EPSILON)
    } else {
        4e-15
    }
}

/// The value and derivative of `f(x)` at `x`, by the evaluator and by the
/// tape.
fn computed(function: &str, x: f64) -> [(f64, f64); 2] {
    let mut graph = Graph::new();
    let f = parse(&mut graph, &format!("{function}(x)")).unwrap();
    let d = derivative(&mut graph, f, "x");
    let point = Point::new(vec![("x".into(), x)]);
    let evaluator = (
        evaluate(&graph, f, &point).unwrap_or(f64::NAN),
        evaluate(&graph, d, &point).unwrap_or(f64::NAN),
    );
    let x_id = graph.var("x");
    let tape = Tape::compile(
        &graph,
        &TapeSpec {
            parameters: &[],
            data: &[x_id],
            column_outputs: &[f, d],
            sum_outputs: &[],
        },
    );
    let mut workspace = Workspace::default();
    tape.run(&mut workspace, &[], &[&[x]]);
    let on_tape = (
        tape.column(&workspace, 0, &[])[0],
        tape.column(&workspace, 1, &[])[0],
    );
    [evaluator, on_tape]
}

#[test]
fn values_and_derivatives_agree_with_pytorchs_definitions() {
    let references = references();
    for reference in &references {
        let Reference {
            function,
            x,
            value,
            derivative,
        } = reference;
        for (engine, (v, d)) in ["evaluator", "tape"].iter().zip(computed(function, *x)) {
            let tolerance = tolerance(function, *x);
            assert!(
                agrees_within(v, *value, tolerance),
                "{function}({x}): {engine} {v}, reference {value}"
            );
            assert!(
                agrees_within(d, *derivative, tolerance),
                "{function}′({x}): {engine} {d}, reference {derivative}"
            );
        }
    }
    for function in FUNCTIONS {
        let count = references.iter().filter(|r| r.function == function).count();
        assert!(count >= 8, "{function} has {count} reference points");
    }
}

#[test]
fn derivatives_agree_with_central_differences() {
    for function in FUNCTIONS {
        let points: &[f64] = if function.starts_with("log") {
            &[0.01, 0.3, 1.0, 2.5, 7.0, 90.0]
        } else {
            &[-6.0, -2.2, -0.7, -0.05, 0.05, 0.4, 1.3, 3.0, 8.0]
        };
        let mut graph = Graph::new();
        let f = parse(&mut graph, &format!("{function}(x)")).unwrap();
        let d = derivative(&mut graph, f, "x");
        for &x in points {
            let at = |x: f64| evaluate(&graph, f, &Point::new(vec![("x".into(), x)])).unwrap();
            let h = 1e-6 * x.abs().max(1e-2);
            let estimate = (at(x + h) - at(x - h)) / (2.0 * h);
            let slope = evaluate(&graph, d, &Point::new(vec![("x".into(), x)])).unwrap();
            assert!(
                close(slope, estimate, 1e-7),
                "{function}′({x}) = {slope}, central difference {estimate}"
            );
        }
    }
}

#[test]
fn stable_where_the_plain_formulas_overflow_or_cancel() {
    // ln(1 + e^1000) overflows in the plain formula; softplus(1000) = 1000.
    assert_eq!(computed("softplus", 1000.0)[0], (1000.0, 1.0));
    // e^(−800) underflows to 0: softplus(−800) is below the smallest double.
    assert_eq!(computed("softplus", -800.0)[0].0, 0.0);
    // elu′ never forms e^u for large u.
    assert_eq!(computed("elu", 800.0)[0], (800.0, 1.0));
    // gelu(−20) = −20·Φ(−20) = −5.507248237212467e-88 (mpmath), where
    // 1 + erf(−20/√2) rounds to 0.
    for (v, _) in computed("gelu", -20.0) {
        let tolerance = tolerance("gelu", -20.0);
        assert!(
            agrees_within(v, -5.507_248_237_212_468e-88, tolerance),
            "{v}"
        );
    }
}

#[test]
fn each_rule_is_named_in_both_languages() {
    let cases = [
        ("softplus(x)", "Softplus rule", "softplus의 미분"),
        ("silu(x)", "SiLU rule", "SiLU의 미분"),
        ("leaky_relu(x)", "Leaky ReLU rule", "Leaky ReLU의 미분"),
        ("elu(x)", "ELU rule", "ELU의 미분"),
        ("gelu(x)", "GELU rule", "GELU의 미분"),
        ("erf(x)", "Error function rule", "erf의 미분"),
        ("erfc(x)", "Error function rule", "erf의 미분"),
        (
            "log10(x)",
            "Logarithm to a base rule",
            "밑이 있는 로그함수의 미분",
        ),
        (
            "log2(x)",
            "Logarithm to a base rule",
            "밑이 있는 로그함수의 미분",
        ),
    ];
    for (expr, english, korean) in cases {
        let out = stepgrad(&["diff", expr, "--color", "never", "--lang", "en"]);
        assert_eq!(out.code, 0, "{expr}: {}", out.stderr);
        assert!(out.stdout.contains(english), "{expr}:\n{}", out.stdout);
        let out = stepgrad(&["diff", expr, "--color", "never", "--lang", "ko"]);
        assert_eq!(out.code, 0, "{expr}: {}", out.stderr);
        assert!(out.stdout.contains(korean), "{expr}:\n{}", out.stdout);
    }
}

#[test]
fn printed_derivatives_read_back_to_the_same_values() {
    for function in FUNCTIONS {
        let expr = format!("{function}(2*x + 1)");
        let out = stepgrad(&["diff", &expr, "--at", "x=0.7", "--format", "json"]);
        assert_eq!(out.code, 0, "{expr}: {}", out.stderr);
        let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
        let printed = json["derivative"].as_str().unwrap();
        let value = json["derivative_value"].as_f64().unwrap();
        let mut graph = Graph::new();
        let again = parse(&mut graph, printed).unwrap();
        let x = Point::new(vec![("x".into(), 0.7)]);
        let read_back = evaluate(&graph, again, &x).unwrap();
        assert!(
            close(read_back, value, 1e-13),
            "{printed}: {read_back} vs {value}"
        );
    }
}

#[test]
fn a_logarithm_of_a_negative_number_is_named() {
    let out = stepgrad(&["diff", "log10(x)", "--at", "x=-2"]);
    assert_eq!(out.code, 2, "{}", out.stdout);
    assert!(
        out.stderr
            .contains("log10 needs a positive argument, and x is negative (-2)"),
        "{}",
        out.stderr
    );
    let mut graph = Graph::new();
    let f = parse(&mut graph, "log2(x)").unwrap();
    let error = evaluate(&graph, f, &Point::new(vec![("x".into(), 0.0)])).unwrap_err();
    assert_eq!(
        error.message(Lang::Ko),
        "이 점에서 log2(x)는 정의되지 않습니다: log2의 인자는 양수여야 하는데, x는 0입니다"
    );
}

#[test]
fn networks_take_the_new_activations() {
    for activation in ["softplus", "silu", "leaky_relu", "elu", "gelu"] {
        let spec = format!(
            "layers = [2, 2, 1]\nactivation = [\"{activation}\", \"sigmoid\"]\n\
             bias = \"per_neuron\"\nloss = \"half_sse\"\n\
             weights = [[[0.15, -0.2], [0.25, 0.3]], [[0.4, -0.45]]]\n\
             biases = [[0.35, -0.1], [0.6]]\n\
             inputs = [[0.05, 0.1]]\ntargets = [[0.01]]\n"
        );
        let dir = std::env::temp_dir().join(format!(
            "stepgrad-activations-{}-{activation}",
            std::process::id()
        ));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("net.toml");
        std::fs::write(&path, spec).unwrap();
        let out = stepgrad(&["net", path.to_str().unwrap(), "--format", "json"]);
        assert_eq!(out.code, 0, "{activation}: {}", out.stderr);
        assert!(out.stdout.contains(activation), "{activation}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
