//! Table-driven derivative cases: each derivative stepgrad computes is
//! compared, at a point, with a hand-derived formula evaluated by meval and
//! with a central finite difference of the expression, also evaluated by
//! meval. Neither reference shares code with stepgrad's differentiation.

mod common;

use common::{close, meval_eval};
use stepgrad::calculus::{differentiate, Rule};
use stepgrad::expr::{evaluate, parse, Graph, Point};

/// (expression, variable, hand-derived derivative, point overrides)
const CASES: &[(&str, &str, &str, &str)] = &[
    // polynomials
    ("x^2", "x", "2*x", ""),
    ("3*x^3 - 2*x + 7", "x", "9*x^2 - 2", ""),
    ("x^5", "x", "5*x^4", ""),
    ("(x+1)^3", "x", "3*(x+1)^2", ""),
    ("x^-2", "x", "-2*x^-3", ""),
    ("x^0.5", "x", "0.5*x^-0.5", "x=2"),
    ("4", "x", "0", ""),
    ("x", "x", "1", ""),
    ("-x^2", "x", "-2*x", ""),
    ("2*x^2 + 3*x*x", "x", "10*x", ""),
    ("(2*x - 1)^4", "x", "8*(2*x-1)^3", ""),
    ("x^3/3", "x", "x^2", ""),
    // products
    ("x*sin(x)", "x", "sin(x) + x*cos(x)", ""),
    ("x^2*exp(x)", "x", "2*x*exp(x) + x^2*exp(x)", ""),
    ("sin(x)*cos(x)", "x", "cos(x)^2 - sin(x)^2", ""),
    ("x*ln(x)", "x", "ln(x) + 1", "x=2"),
    ("(x+1)*(x-1)", "x", "2*x", ""),
    ("x*y*z", "y", "x*z", ""),
    ("x*exp(x)*sin(x)", "x", "exp(x)*sin(x) + x*exp(x)*sin(x) + x*exp(x)*cos(x)", ""),
    ("sqrt(x)*x", "x", "1.5*sqrt(x)", "x=2"),
    // quotients
    ("1/x", "x", "-1/x^2", ""),
    ("x/(x+1)", "x", "1/(x+1)^2", ""),
    ("sin(x)/x", "x", "(x*cos(x) - sin(x))/x^2", ""),
    ("(x^2+1)/(x-1)", "x", "(2*x*(x-1) - (x^2+1))/(x-1)^2", "x=2.5"),
    ("exp(x)/(1+exp(x))", "x", "exp(x)/(1+exp(x))^2", ""),
    ("x/2", "x", "0.5", ""),
    ("3/(x^2)", "x", "-6/x^3", ""),
    ("ln(x)/x", "x", "(1 - ln(x))/x^2", "x=2"),
    // nested chains
    ("sin(3*x)", "x", "3*cos(3*x)", ""),
    ("sin(x^2)", "x", "2*x*cos(x^2)", ""),
    ("exp(sin(x))", "x", "cos(x)*exp(sin(x))", ""),
    ("ln(cos(x))", "x", "-tan(x)", "x=0.4"),
    ("sqrt(1 + x^2)", "x", "x/sqrt(1+x^2)", ""),
    ("sin(cos(x))", "x", "-sin(x)*cos(cos(x))", ""),
    ("exp(-x^2/2)", "x", "-x*exp(-x^2/2)", ""),
    ("(sin(x))^3", "x", "3*sin(x)^2*cos(x)", ""),
    ("tan(2*x)", "x", "2/cos(2*x)^2", ""),
    ("ln(ln(x))", "x", "1/(x*ln(x))", "x=3"),
    ("sqrt(sin(x))", "x", "cos(x)/(2*sqrt(sin(x)))", "x=1"),
    ("exp(exp(x))", "x", "exp(x)*exp(exp(x))", "x=0.5"),
    ("sin(cos(tan(x)))", "x", "-cos(cos(tan(x)))*sin(tan(x))/cos(x)^2", "x=0.3"),
    // exponentials and logarithms
    ("exp(x)", "x", "exp(x)", ""),
    ("e^x", "x", "e^x", ""),
    ("2^x", "x", "2^x*ln(2)", ""),
    ("ln(x)", "x", "1/x", ""),
    ("log(x^2)", "x", "2/x", ""),
    ("e^(2*x)", "x", "2*e^(2*x)", ""),
    ("10^(x^2)", "x", "2*x*10^(x^2)*ln(10)", "x=0.3"),
    // trigonometry
    ("cos(x)", "x", "-sin(x)", ""),
    ("tan(x)", "x", "1/cos(x)^2", ""),
    ("sin(x)^2 + cos(x)^2", "x", "0", ""),
    // square roots
    ("sqrt(x)", "x", "1/(2*sqrt(x))", ""),
    ("sqrt(x^2 + y^2)", "x", "x/sqrt(x^2+y^2)", ""),
    // tanh, sigmoid, relu, abs
    ("tanh(x)", "x", "1 - tanh(x)^2", ""),
    ("tanh(2*x+1)", "x", "2*(1 - tanh(2*x+1)^2)", ""),
    ("sigmoid(x)", "x", "sigmoid(x)*(1-sigmoid(x))", ""),
    ("sigmoid(w*x+b)", "w", "x*sigmoid(w*x+b)*(1-sigmoid(w*x+b))", ""),
    ("relu(x)", "x", "1", "x=1.5"),
    ("relu(x)", "x", "0", "x=-0.5"),
    ("relu(2*x - 1)", "x", "2", "x=1"),
    ("abs(x)", "x", "-1", "x=-2"),
    // general powers
    ("x^x", "x", "x^x*(ln(x)+1)", "x=1.7"),
    ("x^sin(x)", "x", "x^sin(x)*(cos(x)*ln(x) + sin(x)/x)", "x=2"),
    ("(x+1)^(2*x)", "x", "(x+1)^(2*x)*(2*ln(x+1) + 2*x/(x+1))", "x=0.5"),
    // neuron losses with several variables
    ("(y - sigmoid(w*x+b))^2/2", "w", "-(y - sigmoid(w*x+b))*sigmoid(w*x+b)*(1-sigmoid(w*x+b))*x", ""),
    ("(y - sigmoid(w*x+b))^2/2", "b", "-(y - sigmoid(w*x+b))*sigmoid(w*x+b)*(1-sigmoid(w*x+b))", ""),
    ("(t - tanh(w1*x1 + w2*x2 + b))^2", "w2", "-2*(t - tanh(w1*x1+w2*x2+b))*(1 - tanh(w1*x1+w2*x2+b)^2)*x2", ""),
    ("-(t*ln(sigmoid(w*x+b)) + (1-t)*ln(1-sigmoid(w*x+b)))", "w", "(sigmoid(w*x+b) - t)*x", ""),
    (
        "0.5*(t1 - sigmoid(w5*h1 + w6*h2 + b2))^2 + 0.5*(t2 - sigmoid(w7*h1 + w8*h2 + b2))^2",
        "w5",
        "-(t1 - sigmoid(w5*h1+w6*h2+b2))*sigmoid(w5*h1+w6*h2+b2)*(1-sigmoid(w5*h1+w6*h2+b2))*h1",
        "",
    ),
    ("relu(w*x + b)^2", "w", "2*relu(w*x+b)*x", "x=2"),
    ("(y - (w*x + b))^2", "b", "-2*(y - w*x - b)", ""),
    ("exp(a*x)*cos(b*x)", "b", "-x*exp(a*x)*sin(b*x)", ""),
    ("x^2*y + y^3", "y", "x^2 + 3*y^2", ""),
    ("ln(x*y)", "x", "1/x", ""),
    ("sqrt(x) + sqrt(y)", "y", "1/(2*sqrt(y))", ""),
];

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
            let shifted: Vec<(&str, f64)> = values.iter().map(|&(n, v)| (n, if n == var { x } else { v })).collect();
            let mut shifted = shifted;
            if !shifted.iter().any(|(n, _)| *n == var) {
                shifted.push((var, x));
            }
            meval_eval(input, &shifted)
        };
        let finite_difference = (at(x0 + h) - at(x0 - h)) / (2.0 * h);

        let ok = close(ours, hand, 1e-10) && close(ours, raw, 1e-12) && close(ours, finite_difference, 1e-7);
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

#[test]
fn rules_are_named_as_a_textbook_names_them() {
    let cases: &[(&str, &str, &[Rule])] = &[
        ("x^2*sin(x)", "x", &[Rule::Product, Rule::Power, Rule::Sine]),
        ("x/(x+1)", "x", &[Rule::Quotient, Rule::Variable, Rule::Sum, Rule::Variable, Rule::Constant]),
        ("x^x", "x", &[Rule::GeneralPower, Rule::Variable, Rule::Variable]),
        ("exp(x)", "x", &[Rule::Exponential]),
        ("ln(x)", "x", &[Rule::Logarithm]),
        ("sqrt(x)", "x", &[Rule::SquareRoot]),
        ("tanh(x)", "x", &[Rule::Tanh]),
        ("sigmoid(x)", "x", &[Rule::Sigmoid]),
        ("relu(x)", "x", &[Rule::Relu]),
        ("tan(x)", "x", &[Rule::Tangent]),
        ("cos(x)", "x", &[Rule::Cosine]),
        ("x + 3", "x", &[Rule::Sum, Rule::Variable, Rule::Constant]),
        ("x - 3", "x", &[Rule::Difference, Rule::Variable, Rule::Constant]),
        ("5*x", "x", &[Rule::ConstantMultiple, Rule::Variable]),
        ("sin(3*x)", "x", &[Rule::Chain, Rule::Sine, Rule::ConstantMultiple, Rule::Variable]),
    ];
    for &(input, var, rules) in cases {
        let mut graph = Graph::new();
        let expr = parse(&mut graph, input).unwrap();
        let derivation = differentiate(&mut graph, expr, var);
        let used: Vec<Rule> = derivation.steps.iter().map(|s| s.rule).filter(|r| *r != Rule::Simplify).collect();
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
