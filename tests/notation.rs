//! Textbook notation (issue 18): every form a student writes on paper is
//! read as a textbook means it, checked by value at several points
//! against the meaning written by hand as a Rust closure; what a textbook
//! reader could take two ways is refused with both readings named, and
//! the two readings really differ; what stepgrad reads is echoed when it
//! is not what was typed.

use stepgrad::expr::{evaluate, parse, reading, Ambiguity, Graph, ParseErrorKind, Point};
use stepgrad::i18n::Lang;

/// The points every form is checked at: x and y on both sides of 0.
const POINTS: [(f64, f64); 6] = [
    (0.3, 0.5),
    (0.7, 1.3),
    (1.7, -0.6),
    (2.4, 2.2),
    (-0.8, 0.9),
    (-1.9, -1.4),
];

/// Values of the other names some forms use.
const N: f64 = 3.0;
const W: f64 = 0.4;
const B: f64 = -0.2;
const ALPHA: f64 = 0.25;
const DELTA_O1: f64 = 0.7;
const SIGMA: f64 = 1.5;

fn at(x: f64, y: f64) -> Point {
    Point::new(vec![
        ("x".into(), x),
        ("y".into(), y),
        ("n".into(), N),
        ("w".into(), W),
        ("b".into(), B),
        ("alpha".into(), ALPHA),
        ("delta_o1".into(), DELTA_O1),
        ("sigma".into(), SIGMA),
    ])
}

fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

type Meaning = fn(f64, f64) -> f64;

/// Each form and what a textbook means by it. A NaN meaning is a point
/// outside the domain, where stepgrad must refuse to evaluate.
const FORMS: &[(&str, Meaning)] = &[
    // Products written without a sign.
    ("2x", |x, _| 2.0 * x),
    ("3(x+1)", |x, _| 3.0 * (x + 1.0)),
    ("(x+1)(x-1)", |x, _| (x + 1.0) * (x - 1.0)),
    ("2sin(x)", |x, _| 2.0 * x.sin()),
    ("x(x+1)", |x, _| x * (x + 1.0)),
    ("y(x+1)", |x, y| y * (x + 1.0)),
    ("x y", |x, y| x * y),
    ("2 x y", |x, y| 2.0 * x * y),
    ("(x)(y)", |x, y| x * y),
    ("(x+1)x", |x, _| (x + 1.0) * x),
    ("sin(x)cos(x)", |x, _| x.sin() * x.cos()),
    ("sin(x)(x+1)", |x, _| x.sin() * (x + 1.0)),
    ("x sin x", |x, _| x * x.sin()),
    ("2πx", |x, _| 2.0 * std::f64::consts::PI * x),
    ("πx²", |x, _| std::f64::consts::PI * x * x),
    ("3|x|", |x, _| 3.0 * x.abs()),
    ("x|y|", |x, y| x * y.abs()),
    ("|x|y", |x, y| x.abs() * y),
    ("e^x (1+x)", |x, _| x.exp() * (1.0 + x)),
    ("x^2 y", |x, y| x * x * y),
    ("2x²sin x", |x, _| 2.0 * x * x * x.sin()),
    ("4x³ − 2x² + 7", |x, _| {
        4.0 * x.powi(3) - 2.0 * x * x + 7.0
    }),
    // Precedence as a textbook reads it.
    ("2x^2", |x, _| 2.0 * x * x),
    ("-x^2", |x, _| -(x * x)),
    ("-2x", |x, _| -2.0 * x),
    ("x - 2y", |x, y| x - 2.0 * y),
    ("(1/2)x", |x, _| 0.5 * x),
    ("1/(2x)", |x, _| 1.0 / (2.0 * x)),
    ("2x/3", |x, _| 2.0 * x / 3.0),
    ("x/2·y", |x, y| x / 2.0 * y),
    // ** for a power.
    ("x**2", |x, _| x * x),
    ("2**-x", |x, _| 2f64.powf(-x)),
    ("x ** 3", |x, _| x.powi(3)),
    // Unicode operators and symbols.
    ("2·x", |x, _| 2.0 * x),
    ("2⋅x", |x, _| 2.0 * x),
    ("2∙x", |x, _| 2.0 * x),
    ("2×x", |x, _| 2.0 * x),
    ("x÷2", |x, _| x / 2.0),
    ("x−1", |x, _| x - 1.0),
    ("−x²", |x, _| -(x * x)),
    ("x²", |x, _| x * x),
    ("x³", |x, _| x.powi(3)),
    ("x⁴", |x, _| x.powi(4)),
    ("x⁰", |_, _| 1.0),
    ("x¹", |x, _| x),
    ("x¹⁰", |x, _| x.powi(10)),
    ("x⁻¹", |x, _| 1.0 / x),
    ("x⁻²", |x, _| 1.0 / (x * x)),
    ("xⁿ", |x, _| x.powf(N)),
    ("(x+1)²", |x, _| (x + 1.0) * (x + 1.0)),
    ("x²y", |x, y| x * x * y),
    ("e^x²", |x, _| (x * x).exp()),
    ("√x", |x, _| if x >= 0.0 { x.sqrt() } else { f64::NAN }),
    ("√(x+2)", |x, _| (x + 2.0).sqrt()),
    (
        "2√x",
        |x, _| if x >= 0.0 { 2.0 * x.sqrt() } else { f64::NAN },
    ),
    ("√|x|·y", |x, y| x.abs().sqrt() * y),
    (
        "√x y",
        |x, y| if x >= 0.0 { x.sqrt() * y } else { f64::NAN },
    ),
    ("(√x)²", |x, _| if x >= 0.0 { x } else { f64::NAN }),
    ("π", |_, _| std::f64::consts::PI),
    ("π/2", |_, _| std::f64::consts::FRAC_PI_2),
    ("e", |_, _| std::f64::consts::E),
    ("e^x", |x, _| x.exp()),
    ("e^−x", |x, _| (-x).exp()),
    ("σ(x)", |x, _| sigmoid(x)),
    ("σ x", |x, _| sigmoid(x)),
    ("σ(w·x + b)", |x, _| sigmoid(W * x + B)),
    ("σ(x)(1 − σ(x))", |x, _| sigmoid(x) * (1.0 - sigmoid(x))),
    ("σ·x", |x, _| SIGMA * x),
    ("σ²", |_, _| SIGMA * SIGMA),
    ("σ²·x", |x, _| SIGMA * SIGMA * x),
    ("σ²(x)", |x, _| sigmoid(x).powi(2)),
    ("½x", |x, _| 0.5 * x),
    ("½·x²", |x, _| 0.5 * x * x),
    (
        "x^−0.5",
        |x, _| if x > 0.0 { x.powf(-0.5) } else { f64::NAN },
    ),
    ("1e−09·x", |x, _| 1e-9 * x),
    ("2.5e+12·x", |x, _| 2.5e12 * x),
    ("α·x", |x, _| ALPHA * x),
    ("αx", |x, _| ALPHA * x),
    ("δ_o1·x", |x, _| DELTA_O1 * x),
    ("2·x·sin(x) + x²·cos(x)", |x, _| {
        2.0 * x * x.sin() + x * x * x.cos()
    }),
    ("（x＋1）＊2", |x, _| (x + 1.0) * 2.0),
    ("x\u{a0}+\u{3000}1", |x, _| x + 1.0),
    // Absolute values between bars.
    ("|x|", |x, _| x.abs()),
    ("|x - 1|", |x, _| (x - 1.0).abs()),
    ("||x|-1|", |x, _| (x.abs() - 1.0).abs()),
    ("|x|·|y|", |x, y| x.abs() * y.abs()),
    ("|x|²", |x, _| x * x),
    ("|sin x|", |x, _| x.sin().abs()),
    ("ln |x|", |x, _| x.abs().ln()),
    ("||x||", |x, _| x.abs()),
    // A whole power on a function's name.
    ("sin^2(x)", |x, _| x.sin().powi(2)),
    ("sin²x", |x, _| x.sin().powi(2)),
    ("sin² x", |x, _| x.sin().powi(2)),
    ("sin^2 x", |x, _| x.sin().powi(2)),
    ("cos^3 x", |x, _| x.cos().powi(3)),
    ("tanh²(x)", |x, _| x.tanh().powi(2)),
    ("sin²x + cos²x", |_, _| 1.0),
    (
        "ln^2 x",
        |x, _| if x > 0.0 { x.ln().powi(2) } else { f64::NAN },
    ),
    ("2sin²x", |x, _| 2.0 * x.sin().powi(2)),
    ("-sin^2 x", |x, _| -x.sin().powi(2)),
    // A function's argument without parentheses.
    ("sin x", |x, _| x.sin()),
    ("ln x", |x, _| if x > 0.0 { x.ln() } else { f64::NAN }),
    ("log x", |x, _| if x > 0.0 { x.ln() } else { f64::NAN }),
    ("exp x", |x, _| x.exp()),
    ("sqrt x", |x, _| if x >= 0.0 { x.sqrt() } else { f64::NAN }),
    ("tanh x", |x, _| x.tanh()),
    ("sin 2x", |x, _| (2.0 * x).sin()),
    ("sin x²", |x, _| (x * x).sin()),
    ("sin x^2", |x, _| (x * x).sin()),
    ("sin 2πx", |x, _| (2.0 * std::f64::consts::PI * x).sin()),
    ("cos x sin x", |x, _| x.cos() * x.sin()),
    ("sin x + 1", |x, _| x.sin() + 1.0),
    ("sin x·cos x", |x, _| x.sin() * x.cos()),
    ("sin x - x", |x, _| x.sin() - x),
    ("sin e^x", |x, _| x.exp().sin()),
    ("sin αx", |x, _| (ALPHA * x).sin()),
    ("ln 2", |_, _| 2f64.ln()),
    ("(sin x)/x", |x, _| x.sin() / x),
    ("1/sin x", |x, _| 1.0 / x.sin()),
    ("sin x²y", |x, y| (x * x * y).sin()),
];

#[test]
fn every_form_reads_as_a_textbook_means_it() {
    let mut failures = Vec::new();
    for &(text, meaning) in FORMS {
        let mut graph = Graph::new();
        let id = match parse(&mut graph, text) {
            Ok(id) => id,
            Err(e) => {
                failures.push(format!("{text:?} is refused: {e}"));
                continue;
            }
        };
        for (x, y) in POINTS {
            let expected = meaning(x, y);
            let actual = evaluate(&graph, id, &at(x, y));
            let agrees = match actual {
                Ok(v) => (v - expected).abs() <= 1e-12 * expected.abs().max(1.0),
                Err(_) => expected.is_nan(),
            };
            if !agrees {
                failures.push(format!(
                    "{text:?} at x={x}, y={y}: stepgrad {actual:?}, textbook {expected}"
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Text a textbook reader could take two ways, and the two readings named.
const AMBIGUOUS: &[(&str, &str, &str, Ambiguity)] = &[
    ("1/2x", "1/(2*x)", "(1/2)*x", Ambiguity::Division),
    ("1/2 x", "1/(2*x)", "(1/2)*x", Ambiguity::Division),
    ("y + 1/2x", "1/(2*x)", "(1/2)*x", Ambiguity::Division),
    ("x/y x", "x/(y*x)", "(x/y)*x", Ambiguity::Division),
    (
        "1/2(x+1)",
        "1/(2*(x+1))",
        "(1/2)*(x+1)",
        Ambiguity::Division,
    ),
    (
        "x/2sin(x)",
        "x/(2*sin(x))",
        "(x/2)*sin(x)",
        Ambiguity::Division,
    ),
    (
        "1/x sin x",
        "1/(x*sin(x))",
        "(1/x)*sin(x)",
        Ambiguity::Division,
    ),
    ("1/-2x", "1/(-2*x)", "(1/-2)*x", Ambiguity::Division),
    ("x÷2x", "x/(2*x)", "(x/2)*x", Ambiguity::Division),
    ("e^2x", "e^(2*x)", "(e^2)*x", Ambiguity::Power),
    ("e^-2x", "e^(-2*x)", "(e^-2)*x", Ambiguity::Power),
    ("x^2y", "x^(2*y)", "(x^2)*y", Ambiguity::Power),
    ("e^x(1+x)", "e^(x*(1+x))", "(e^x)*(1+x)", Ambiguity::Power),
    ("sin x/2", "sin(x/2)", "sin(x)/2", Ambiguity::Argument),
    ("sin x y", "sin(x*y)", "sin(x)*y", Ambiguity::Argument),
    ("sin 2 x", "sin(2*x)", "sin(2)*x", Ambiguity::Argument),
    (
        "sin x(x+1)",
        "sin(x*(x+1))",
        "sin(x)*(x+1)",
        Ambiguity::Argument,
    ),
    (
        "sin x|y|",
        "sin(x*abs(y))",
        "sin(x)*abs(y)",
        Ambiguity::Argument,
    ),
    ("sin^2 x/2", "sin(x/2)^2", "sin(x)^2/2", Ambiguity::Argument),
    ("√x²", "sqrt(x^2)", "sqrt(x)^2", Ambiguity::Root),
    ("√x^2", "sqrt(x^2)", "sqrt(x)^2", Ambiguity::Root),
    ("√2x", "sqrt(2*x)", "sqrt(2)*x", Ambiguity::Root),
    ("x²^3", "(x^2)^3", "x^(2^3)", Ambiguity::PowerOfPower),
    (
        "|x|y|x|",
        "abs(x)*y*abs(x)",
        "abs(x*abs(y)*x)",
        Ambiguity::Bars,
    ),
];

#[test]
fn ambiguities_are_refused_with_both_readings() {
    for &(text, first, second, why) in AMBIGUOUS {
        let mut graph = Graph::new();
        let error = parse(&mut graph, text).expect_err(text);
        let ParseErrorKind::Ambiguous(readings) = &error.kind else {
            panic!("{text}: {:?}", error.kind);
        };
        assert_eq!(
            (
                readings.first.as_str(),
                readings.second.as_str(),
                readings.why
            ),
            (first, second, why),
            "{text}"
        );
        let message = error.message(Lang::En);
        assert!(
            message.contains(first) && message.contains(second),
            "{text}: {message}"
        );
        let korean = error.message(Lang::Ko);
        assert!(
            korean.contains(first) && korean.contains("두 가지로 읽을 수 있습니다"),
            "{text}: {korean}"
        );
        // The readings are real: each parses, and they differ somewhere.
        let a = parse(&mut graph, first).expect(first);
        let b = parse(&mut graph, second).expect(second);
        let differ = POINTS.iter().any(|&(x, y)| {
            let (va, vb) = (
                evaluate(&graph, a, &at(x, y)),
                evaluate(&graph, b, &at(x, y)),
            );
            match (va, vb) {
                (Ok(va), Ok(vb)) => (va - vb).abs() > 1e-9 * va.abs().max(1.0),
                (va, vb) => va.is_ok() != vb.is_ok(),
            }
        });
        assert!(differ, "{text}: {first} and {second} agree everywhere");
    }
}

/// Forms a textbook writes but stepgrad cannot read as meant.
#[test]
fn forms_without_a_reading_are_refused() {
    type Expected = fn(&ParseErrorKind) -> bool;
    let cases: &[(&str, Expected)] = &[
        (
            "sin^-1(x)",
            |k| matches!(k, ParseErrorKind::InverseFunction { name } if name == "sin"),
        ),
        ("sin⁻¹x", |k| {
            matches!(k, ParseErrorKind::InverseFunction { .. })
        }),
        (
            "σ⁻¹(x)",
            |k| matches!(k, ParseErrorKind::InverseFunction { name } if name == "σ"),
        ),
        ("sin^0.5 x", |k| {
            matches!(k, ParseErrorKind::FunctionPower { .. })
        }),
        ("sin2x", |k| {
            matches!(k, ParseErrorKind::FunctionGlued { name: "sin", .. })
        }),
        ("ln2", |k| {
            matches!(k, ParseErrorKind::FunctionGlued { name: "ln", .. })
        }),
        ("foo(x)", |k| {
            matches!(k, ParseErrorKind::UnknownFunction { .. })
        }),
        ("sine(x)", |k| {
            matches!(
                k,
                ParseErrorKind::UnknownFunction {
                    suggestion: Some("sin"),
                    ..
                }
            )
        }),
        ("max(x, 0)", |k| {
            matches!(k, ParseErrorKind::UnknownFunction { .. })
        }),
        ("x 2", |k| {
            matches!(k, ParseErrorKind::ImplicitMultiplication { .. })
        }),
        ("sin", |k| {
            matches!(k, ParseErrorKind::MissingCallParens { .. })
        }),
        ("sin -x", |k| {
            matches!(k, ParseErrorKind::MissingCallParens { .. })
        }),
        ("|x", |k| *k == ParseErrorKind::UnclosedBar),
        ("x⁻", |k| {
            matches!(k, ParseErrorKind::BadSuperscript { .. })
        }),
        ("²x", |k| {
            matches!(k, ParseErrorKind::DanglingOperator { .. })
        }),
    ];
    for (text, expected) in cases {
        let mut graph = Graph::new();
        let error = parse(&mut graph, text).expect_err(text);
        assert!(expected(&error.kind), "{text}: {:?}", error.kind);
        assert!(!error.message(Lang::Ko).is_empty());
    }
}

#[test]
fn what_was_read_is_echoed_when_it_differs() {
    let cases = [
        ("2x²sin x", Some("read as 2·x²·sin(x)")),
        ("3x^2", Some("read as 3·x²")),
        ("sin^2(x)", Some("read as sin(x)²")),
        ("|x|", None),
        ("abs(x)", None),
        ("x^2*sin(x)", None),
        ("x²·sin(x)", None),
        ("2 · x · sin(x) + x² · cos(x)", None),
        ("(x + 1)(x − 1)", Some("read as (x + 1)·(x − 1)")),
        ("sigmoid(w*x+b)", None),
        ("σ(w x + b)", Some("read as σ(w·x + b)")),
    ];
    for (text, expected) in cases {
        let mut graph = Graph::new();
        let id = parse(&mut graph, text).expect(text);
        let read = reading(&graph, text, id);
        assert_eq!(read.message(Lang::En).as_deref(), expected, "{text}");
        assert_eq!(read.differs, expected.is_some(), "{text}");
    }
}
