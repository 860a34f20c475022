//! Tests of the textbook-notation reader.

use super::super::lex::lex;
use super::*;

fn plain(input: &str) -> Result<String, ParseErrorKind> {
    let raw = lex(input).map_err(|e| e.kind)?;
    let read = read(&raw, input).map_err(|e| e.kind)?;
    Ok(plain_text(&read.tokens))
}

#[test]
fn textbook_notation_becomes_plain_syntax() {
    for (input, expected) in [
        ("2x", "2*x"),
        ("3(x+1)", "3*(x+1)"),
        ("(x+1)(x-1)", "(x+1)*(x-1)"),
        ("2sin(x)", "2*sin(x)"),
        ("x(x+1)", "x*(x+1)"),
        ("2x^2", "2*x^2"),
        ("x²", "x^2"),
        ("x⁻¹", "x^(-1)"),
        ("|x|", "abs(x)"),
        ("||x|-1|", "abs(abs(x)-1)"),
        ("x|y|", "x*abs(y)"),
        ("√x", "sqrt(x)"),
        ("√(x+1)", "sqrt((x+1))"),
        ("sin x", "sin(x)"),
        ("sin 2x", "sin(2*x)"),
        ("sin x²", "sin(x^2)"),
        ("sin x cos x", "sin(x)*cos(x)"),
        ("sin^2(x)", "(sin(x))^2"),
        ("sin²x", "(sin(x))^2"),
        ("σ(x)", "sigmoid(x)"),
        ("σ x", "sigmoid(x)"),
        ("σ·x", "sigma*x"),
        ("2x²sin x", "2*x^2*sin(x)"),
        ("e^x²", "e^x^2"),
        ("x^2 y", "x^2*y"),
        ("2π", "2*pi"),
        ("½x", "0.5*x"),
    ] {
        assert_eq!(plain(input), Ok(expected.to_string()), "{input}");
    }
}

#[test]
fn plain_syntax_is_unchanged() {
    for input in [
        "x^2*sin(x)",
        "-x^-1*y",
        "a/b/c",
        "logsumexp(x, y)",
        "foo(x)",
    ] {
        let raw = lex(input).unwrap();
        let read = read(&raw, input).unwrap();
        assert!(!read.textbook, "{input}");
        assert_eq!(plain_text(&read.tokens), plain_text(&raw), "{input}");
    }
}

#[test]
fn ambiguities_name_both_readings() {
    for (input, first, second) in [
        ("1/2x", "1/(2*x)", "(1/2)*x"),
        ("a/b c", "a/(b*c)", "(a/b)*c"),
        ("e^2x", "e^(2*x)", "(e^2)*x"),
        ("sin x/2", "sin(x/2)", "sin(x)/2"),
        ("sin x y", "sin(x*y)", "sin(x)*y"),
        ("√x²", "sqrt(x^2)", "sqrt(x)^2"),
        ("√2x", "sqrt(2*x)", "sqrt(2)*x"),
        ("x²^3", "(x^2)^3", "x^(2^3)"),
    ] {
        match plain(input) {
            Err(ParseErrorKind::Ambiguous(r)) => {
                assert_eq!(
                    (r.first.as_str(), r.second.as_str()),
                    (first, second),
                    "{input}"
                )
            }
            other => panic!("{input}: {other:?}"),
        }
    }
}
