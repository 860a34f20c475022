//! Table-driven derivative cases: each derivative stepgrad computes is
//! compared, at a point, with a hand-derived formula evaluated by meval,
//! with a central finite difference of the expression, also evaluated by
//! meval, and with SymPy's derivative of the same text
//! (tests/data/sympy_derivatives.json, written by
//! tools/sympy_derivatives.py). meval's shunting-yard also decides
//! stepgrad's precedence, so only SymPy, with its own parser, would see a
//! precedence mistake; none of the three shares stepgrad's differentiation.

mod common;

use common::{close, meval_eval};
use stepgrad::calculus::{differentiate, Rule};
use stepgrad::expr::{evaluate, parse, Graph, Point};

include!("data/derivative_cases.rs");

/// Default values of the variables the cases use.
fn default_value(name: &str) -> f64 {
    match name {
        "x" => 0.7,
        "y" => 1.3,
        "z" => -0.4,
        "w" => 0.5,
        "b" => 0.1,
        "t" => 0.25,
        "a" => 0.3,
        "t1" => 0.01,
        "t2" => 0.99,
        "h1" => 0.593269992,
        "h2" => 0.596884378,
        "w1" => 0.15,
        "w2" => 0.2,
        "x1" => 0.05,
        "x2" => 0.1,
        "w5" => 0.4,
        "w6" => 0.45,
        "w7" => 0.5,
        "w8" => 0.55,
        "b2" => 0.6,
        other => panic!("no default value for {other}"),
    }
}

fn point_for(graph: &Graph, expr: stepgrad::expr::Id, overrides: &str) -> Point {
    let mut point = Point::default();
    for name in graph.variables(expr) {
        point.set(&name, default_value(&name));
    }
    for item in overrides.split(',').filter(|s| !s.is_empty()) {
        let (name, value) = item.split_once('=').unwrap();
        point.set(name, value.parse().unwrap());
    }
    point
}

#[test]
fn derivative_table_matches_hand_derivations_and_finite_differences() {
    assert!(CASES.len() >= 60, "the table has {} cases", CASES.len());
    let mut failures = Vec::new();
    for &(input, var, expected, overrides) in CASES {
        let mut graph = Graph::new();
        let expr = parse(&mut graph, input).unwrap();
        let derivation = differentiate(&mut graph, expr, var);
        let point = point_for(&graph, expr, overrides);
        let values: Vec<(&str, f64)> = point.values.iter().map(|(n, v)| (n.as_str(), *v)).collect();

        let ours = evaluate(&graph, derivation.result, &point).unwrap();
        let raw = evaluate(&graph, derivation.raw, &point).unwrap();
        let hand = meval_eval(expected, &values);

        // Central finite difference of the expression, evaluated by meval.
        let x0 = point.get(var).unwrap_or(0.0);
        let h = 1e-5 * x0.abs().max(1.0);
        let at = |x: f64| {
            let shifted: Vec<(&str, f64)> = values
                .iter()
                .map(|&(n, v)| (n, if n == var { x } else { v }))
                .collect();
            let mut shifted = shifted;
            if !shifted.iter().any(|(n, _)| *n == var) {
                shifted.push((var, x));
            }
            meval_eval(input, &shifted)
        };
        let finite_difference = (at(x0 + h) - at(x0 - h)) / (2.0 * h);

        let ok = close(ours, hand, 1e-10)
            && close(ours, raw, 1e-12)
            && close(ours, finite_difference, 1e-7);
        if !ok {
            failures.push(format!(
                "d/d{var} {input}: stepgrad {ours} (raw {raw}), hand {hand}, finite difference {finite_difference}"
            ));
        }
        // The derivation's first step is the whole expression, and its
        // result is the derivative the rules built.
        assert_eq!(derivation.steps[0].expr, expr, "{input}");
        assert_eq!(derivation.steps[0].result, derivation.raw, "{input}");
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// One case as SymPy computed it.
#[derive(serde::Deserialize)]
struct SympyCase {
    expr: String,
    wrt: String,
    point: std::collections::BTreeMap<String, f64>,
    value: f64,
}

#[test]
fn derivative_table_matches_sympy() {
    let text = include_str!("data/sympy_derivatives.json");
    let references: Vec<SympyCase> = serde_json::from_str(text).unwrap();
    assert_eq!(
        references.len(),
        CASES.len(),
        "run tools/sympy_derivatives.py after changing the table"
    );
    let mut failures = Vec::new();
    for (reference, &(input, var, _, _)) in references.iter().zip(CASES) {
        assert_eq!(
            (reference.expr.as_str(), reference.wrt.as_str()),
            (input, var)
        );
        let mut graph = Graph::new();
        let expr = parse(&mut graph, input).unwrap();
        let derivation = differentiate(&mut graph, expr, var);
        let point = Point::new(
            reference
                .point
                .iter()
                .map(|(n, v)| (n.clone(), *v))
                .collect(),
        );
        let ours = evaluate(&graph, derivation.result, &point).unwrap();
        if !close(ours, reference.value, 1e-12) {
            failures.push(format!(
                "d/d{var} {input} at {:?}: stepgrad {ours}, SymPy {}",
                reference.point, reference.value
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn rules_are_named_as_a_textbook_names_them() {
    let cases: &[(&str, &str, &[Rule])] = &[
        ("x^2*sin(x)", "x", &[Rule::Product, Rule::Power, Rule::Sine]),
        (
            "x/(x+1)",
            "x",
            &[
                Rule::Quotient,
                Rule::Variable,
                Rule::Sum,
                Rule::Variable,
                Rule::Constant,
            ],
        ),
        (
            "x^x",
            "x",
            &[Rule::GeneralPower, Rule::Variable, Rule::Variable],
        ),
        ("exp(x)", "x", &[Rule::Exponential]),
        ("ln(x)", "x", &[Rule::Logarithm]),
        ("sqrt(x)", "x", &[Rule::SquareRoot]),
        ("tanh(x)", "x", &[Rule::Tanh]),
        ("sigmoid(x)", "x", &[Rule::Sigmoid]),
        ("relu(x)", "x", &[Rule::Relu]),
        ("tan(x)", "x", &[Rule::Tangent]),
        ("cos(x)", "x", &[Rule::Cosine]),
        ("x + 3", "x", &[Rule::Sum, Rule::Variable, Rule::Constant]),
        (
            "x - 3",
            "x",
            &[Rule::Difference, Rule::Variable, Rule::Constant],
        ),
        ("5*x", "x", &[Rule::ConstantMultiple, Rule::Variable]),
        (
            "sin(3*x)",
            "x",
            &[
                Rule::Chain,
                Rule::Sine,
                Rule::ConstantMultiple,
                Rule::Variable,
            ],
        ),
    ];
    for &(input, var, rules) in cases {
        let mut graph = Graph::new();
        let expr = parse(&mut graph, input).unwrap();
        let derivation = differentiate(&mut graph, expr, var);
        let used: Vec<Rule> = derivation
            .steps
            .iter()
            .map(|s| s.rule)
            .filter(|r| *r != Rule::Simplify)
            .collect();
        assert_eq!(used, rules, "{input}");
    }
}

#[test]
fn chain_rule_step_shows_the_inner_function() {
    let mut graph = Graph::new();
    let expr = parse(&mut graph, "(y - sigmoid(w*x+b))^2/2").unwrap();
    let derivation = differentiate(&mut graph, expr, "w");
    let inners: Vec<String> = derivation
        .steps
        .iter()
        .filter_map(|s| s.inner)
        .map(|i| stepgrad::expr::unicode(&graph, i.expr))
        .collect();
    assert!(inners.contains(&"w·x + b".to_string()), "{inners:?}");
    assert!(derivation.steps.iter().any(|s| s.rule == Rule::Sigmoid));
}

#[test]
fn hessian_entries_match_hand_derivations() {
    let mut graph = Graph::new();
    let expr = parse(&mut graph, "x^2*y + y^3").unwrap();
    let dx = stepgrad::calculus::derivative(&mut graph, expr, "x");
    let dxx = stepgrad::calculus::derivative(&mut graph, dx, "x");
    let dxy = stepgrad::calculus::derivative(&mut graph, dx, "y");
    let dy = stepgrad::calculus::derivative(&mut graph, expr, "y");
    let dyy = stepgrad::calculus::derivative(&mut graph, dy, "y");
    let point = Point::new(vec![("x".into(), 1.5), ("y".into(), -0.5)]);
    let value = |id| evaluate(&graph, id, &point).unwrap();
    assert!(close(value(dxx), 2.0 * -0.5, 1e-12));
    assert!(close(value(dxy), 2.0 * 1.5, 1e-12));
    assert!(close(value(dyy), 6.0 * -0.5, 1e-12));
}
