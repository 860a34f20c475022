//! Property tests over random expressions (at least 500 a run each):
//! derivatives agree with central finite differences where the function is
//! well conditioned; simplification preserves values; the ASCII printer
//! round-trips through the parser; what the Unicode and ASCII printers
//! write reads back to the same values; stepgrad's evaluator agrees with
//! meval's on the same text.

mod common;

use common::{close, meval_eval};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use stepgrad::calculus::differentiate;
use stepgrad::expr::{ascii, evaluate, parse, simplify, unicode, Graph, Id, ParseErrorKind, Point};

/// Cases a run; `STEPGRAD_PROPTEST_CASES` raises it for a longer search.
fn cases() -> u32 {
    std::env::var("STEPGRAD_PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(600)
}

fn leaf() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => Just("x".to_string()),
        2 => Just("y".to_string()),
        2 => (1u32..10).prop_map(|n| n.to_string()),
        1 => (1u32..50).prop_map(|n| format!("{}.{}", n / 10, n % 10)),
        1 => prop_oneof![Just("pi".to_string()), Just("e".to_string())],
    ]
}

/// Leaves whose printed forms are the hardest to read back: Greek names
/// (printed σ, α, δ_o1), numbers printed with exponents (1e−09), ½ as a
/// coefficient, and negative powers (x⁻²).
fn printing_leaf() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => leaf(),
        1 => prop_oneof![
            Just("sigma".to_string()),
            Just("alpha".to_string()),
            Just("delta_o1".to_string()),
        ],
        1 => prop_oneof![
            Just("1e-9".to_string()),
            Just("2.5e12".to_string()),
            Just("0.5".to_string()),
            Just("x^-2".to_string()),
            Just("sqrt(x)".to_string()),
        ],
    ]
}

/// Random expression text, parenthesised in varied ways so the parser's
/// precedence rules are exercised too.
fn expression() -> impl Strategy<Value = String> {
    expression_over(leaf())
}

/// Random expression text over the given leaves.
fn expression_over(leaf: impl Strategy<Value = String> + 'static) -> impl Strategy<Value = String> {
    let functions = prop_oneof![
        Just("sin"),
        Just("cos"),
        Just("exp"),
        Just("ln"),
        Just("sqrt"),
        Just("tanh"),
        Just("sigmoid"),
        Just("abs"),
        Just("relu"),
        Just("tan"),
        Just("softplus"),
        Just("silu"),
        Just("leaky_relu"),
        Just("elu"),
        Just("gelu"),
        Just("erf"),
        Just("erfc"),
        Just("log10"),
        Just("log2"),
    ];
    leaf.prop_recursive(4, 32, 3, move |inner| {
        prop_oneof![
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("{a} + {b}")),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("({a}) - ({b})")),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("{a} - {b}")),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("({a})*({b})")),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("{a}*{b}")),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("({a})/({b})")),
            (inner.clone(), 0u32..4).prop_map(|(a, n)| format!("({a})^{n}")),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("({a})^({b})")),
            inner.clone().prop_map(|a| format!("-({a})")),
            (inner.clone(), functions.clone()).prop_map(|(a, f)| format!("{f}({a})")),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("logsumexp({a}, {b})")),
        ]
    })
}

/// Parses generated text; `None` for the texts the parser refuses as
/// undefined everywhere (a denominator such as (x) − (x)), which the
/// generator can produce.
fn parse_generated(graph: &mut Graph, text: &str) -> Option<stepgrad::expr::Id> {
    match parse(graph, text) {
        Ok(id) => Some(id),
        Err(e) if matches!(e.kind, ParseErrorKind::UndefinedEverywhere { .. }) => None,
        Err(e) => panic!("generated text {text} does not parse: {e}"),
    }
}

fn point() -> impl Strategy<Value = (f64, f64)> {
    (-2.0f64..2.0, -2.0f64..2.0)
}

fn runner() -> TestRunner {
    TestRunner::new(Config {
        cases: cases(),
        failure_persistence: None,
        ..Config::default()
    })
}

fn at(x: f64, y: f64) -> Point {
    Point::new(vec![
        ("x".into(), x),
        ("y".into(), y),
        ("sigma".into(), 0.5 - y),
        ("alpha".into(), x * y),
        ("delta_o1".into(), 1.25),
    ])
}

#[test]
fn derivatives_agree_with_finite_differences() {
    let compared = std::cell::Cell::new(0u32);
    runner()
        .run(&(expression(), point()), |(text, (x, y))| {
            let mut graph = Graph::new();
            let Some(expr) = parse_generated(&mut graph, &text) else {
                return Ok(());
            };
            let derivation = differentiate(&mut graph, expr, "x");
            let Ok(ours) = evaluate(&graph, derivation.result, &at(x, y)) else {
                return Ok(());
            };
            let f = |x: f64| evaluate(&graph, expr, &at(x, y));
            let difference =
                |h: f64| -> Option<f64> { Some((f(x + h).ok()? - f(x - h).ok()?) / (2.0 * h)) };
            let (Some(coarse), Some(fine)) = (difference(1e-4), difference(1e-5)) else {
                return Ok(());
            };
            // Well conditioned: the two step sizes agree, values are moderate,
            // and rounding in f (about 2.2e-16·|f|/h) is far below the tolerance.
            let Ok(fx) = f(x) else { return Ok(()) };
            let rounding = 2.2e-16 * fx.abs().max(1.0) / 1e-5;
            let moderate = ours.abs() < 1e6 && rounding < 1e-8 * fine.abs().max(1.0);
            if !moderate || !close(coarse, fine, 1e-6) {
                return Ok(());
            }
            compared.set(compared.get() + 1);
            prop_assert!(
                close(ours, fine, 1e-6),
                "d/dx {text} at x={x}, y={y}: stepgrad {ours}, finite difference {fine}"
            );
            Ok(())
        })
        .unwrap();
    eprintln!("compared {} of {} cases", compared.get(), cases());
    assert!(
        compared.get() >= cases() / 3,
        "only {} of {} cases were compared",
        compared.get(),
        cases()
    );
}

#[test]
fn simplification_preserves_value() {
    let compared = std::cell::Cell::new(0u32);
    runner()
        .run(&(expression(), point()), |(text, (x, y))| {
            let mut graph = Graph::new();
            let Some(expr) = parse_generated(&mut graph, &text) else {
                return Ok(());
            };
            let simplified = simplify(&mut graph, expr);
            let Ok(before) = evaluate(&graph, expr, &at(x, y)) else {
                return Ok(());
            };
            if before.abs() > 1e6 {
                return Ok(());
            }
            compared.set(compared.get() + 1);
            let after = evaluate(&graph, simplified, &at(x, y));
            prop_assert!(
                after.as_ref().is_ok_and(|a| close(*a, before, 1e-8)),
                "{text} = {before} at x={x}, y={y}, but simplified {} = {after:?}",
                ascii(&graph, simplified)
            );
            Ok(())
        })
        .unwrap();
    eprintln!("compared {} of {} cases", compared.get(), cases());
    assert!(
        compared.get() >= cases() / 3,
        "only {} of {} cases were compared",
        compared.get(),
        cases()
    );
}

#[test]
fn ascii_printing_round_trips() {
    runner()
        .run(&expression(), |text| {
            let mut graph = Graph::new();
            let Some(expr) = parse_generated(&mut graph, &text) else {
                return Ok(());
            };
            let derivation = differentiate(&mut graph, expr, "x");
            for id in [expr, derivation.raw, derivation.result] {
                let printed = ascii(&graph, id);
                let again = parse(&mut graph, &printed);
                // A derivative the rules wrote with an impossible part (the
                // exponential rule's ln(a) for a negative base a) is refused
                // as undefined everywhere, and it must indeed be undefined.
                if let Err(e) = &again {
                    if matches!(e.kind, ParseErrorKind::UndefinedEverywhere { .. }) {
                        let nowhere = (-8..=8).all(|k| {
                            evaluate(&graph, id, &at(k as f64 / 4.0 + 0.01, 0.7)).is_err()
                        });
                        prop_assert!(nowhere, "{text}: {printed} refused but defined somewhere");
                        continue;
                    }
                }
                prop_assert!(
                    again.as_ref().is_ok_and(|&a| a == id),
                    "{text}: {printed} parses back as {:?}",
                    again.map(|a| ascii(&graph, a))
                );
            }
            Ok(())
        })
        .unwrap();
}

/// Everything stepgrad prints as a formula — the expression, its raw and
/// its simplified derivative, in Unicode (·, ², √, σ, |x|, −, ½) and in
/// ASCII — reads back to the same value at sample points. Unicode numbers
/// have 12 significant digits, so values agree to rounding, not bit for
/// bit.
#[test]
fn printed_formulas_read_back_to_equal_values() {
    let points = [(0.7, -0.4), (-1.3, 1.9), (2.2, 0.3), (-0.45, -1.6)];
    let compared = std::cell::Cell::new(0u32);
    runner()
        .run(&expression_over(printing_leaf()), |text| {
            let mut graph = Graph::new();
            let Some(expr) = parse_generated(&mut graph, &text) else {
                return Ok(());
            };
            let derivation = differentiate(&mut graph, expr, "x");
            for id in [expr, derivation.raw, derivation.result] {
                for printed in [unicode(&graph, id), ascii(&graph, id)] {
                    let mut again_graph = Graph::new();
                    let again = match parse(&mut again_graph, &printed) {
                        Ok(again) => again,
                        // A derivative with an impossible part (ln of a
                        // negative base) is refused as undefined everywhere;
                        // it must indeed be undefined at the points.
                        Err(e) if matches!(e.kind, ParseErrorKind::UndefinedEverywhere { .. }) => {
                            let nowhere = points
                                .iter()
                                .all(|&(x, y)| evaluate(&graph, id, &at(x, y)).is_err());
                            prop_assert!(nowhere, "{text}: {printed} refused, but defined");
                            continue;
                        }
                        Err(e) => {
                            return Err(TestCaseError::fail(format!(
                                "{text}: printed as {printed}, which does not parse: {e}"
                            )))
                        }
                    };
                    compared.set(compared.get() + 1);
                    check_same_values(&graph, id, &again_graph, again, &points, &printed)?;
                }
            }
            Ok(())
        })
        .unwrap();
    assert!(
        compared.get() >= cases(),
        "{} readings compared",
        compared.get()
    );
}

/// `printed`, parsed as `again`, has the values of `id` wherever `id` has
/// a moderate value.
fn check_same_values(
    graph: &Graph,
    id: Id,
    again_graph: &Graph,
    again: Id,
    points: &[(f64, f64)],
    printed: &str,
) -> Result<(), TestCaseError> {
    for &(x, y) in points {
        let Ok(expected) = evaluate(graph, id, &at(x, y)) else {
            continue;
        };
        if expected.abs() > 1e9 {
            continue;
        }
        let actual = evaluate(again_graph, again, &at(x, y));
        prop_assert!(
            actual.as_ref().is_ok_and(|a| close(*a, expected, 1e-9)),
            "{printed} at x={x}, y={y}: {actual:?}, but the expression printed is {expected}"
        );
    }
    Ok(())
}

/// A GELU far below 0 is a tiny negative number, not 0: a fractional
/// power of it is undefined in stepgrad and in the reference alike.
#[test]
fn a_power_of_a_tiny_negative_gelu_is_undefined_on_both_sides() {
    for y in [-1.0, -5.0, -7.5] {
        let mut graph = Graph::new();
        let expr = parse(&mut graph, "gelu(5*y)^x").unwrap();
        let reference = meval_eval("gelu(5*y)^x", &[("x", 0.5), ("y", y)]);
        assert!(evaluate(&graph, expr, &at(0.5, y)).is_err(), "y = {y}");
        assert!(
            reference.is_nan(),
            "y = {y}: the reference gives {reference}"
        );
        assert!(meval_eval("gelu(5*y)", &[("y", y)]) < 0.0, "y = {y}");
    }
}

#[test]
fn evaluator_agrees_with_meval() {
    runner()
        .run(&(expression(), point()), |(text, (x, y))| {
            let mut graph = Graph::new();
            let Some(expr) = parse_generated(&mut graph, &text) else {
                return Ok(());
            };
            let reference = meval_eval(&text, &[("x", x), ("y", y)]);
            match evaluate(&graph, expr, &at(x, y)) {
                Ok(ours) => prop_assert!(
                    close(ours, reference, 1e-12),
                    "{text} at x={x}, y={y}: stepgrad {ours}, meval {reference}"
                ),
                // Where stepgrad reports a domain problem, meval finds a
                // subexpression without a finite value too (IEEE arithmetic
                // can hide it afterwards: 1^NaN = 1).
                Err(e) => {
                    let undefined_part = graph.reachable(&[expr]).into_iter().any(|id| {
                        !meval_eval(&ascii(&graph, id), &[("x", x), ("y", y)]).is_finite()
                    });
                    prop_assert!(
                        undefined_part,
                        "{text} at x={x}, y={y}: stepgrad says {e}, meval gives {reference}"
                    );
                }
            }
            Ok(())
        })
        .unwrap();
}
