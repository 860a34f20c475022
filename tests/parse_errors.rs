//! Every kind of malformed expression: exit code 2, one message naming the
//! problem, a caret under the bad part, a hint, and no panic.

mod common;

use common::stepgrad;

/// (input, message, caret column, caret width, hint)
const CASES: &[(&str, &str, usize, usize, &str)] = &[
    ("", "the expression is empty", 0, 1, "type an expression"),
    ("   ", "the expression is empty", 0, 3, "type an expression"),
    ("(x + 1", "this '(' is never closed", 0, 1, "add a ')'"),
    ("sin(x", "this '(' is never closed", 3, 1, "add a ')'"),
    ("((x+1)*(y)", "this '(' is never closed", 0, 1, "add a ')'"),
    ("x + 1)", "this ')' has no matching '('", 5, 1, "remove it"),
    (
        "sine(x)",
        "unknown function 'sine'",
        0,
        4,
        "did you mean sin?",
    ),
    (
        "sigmod(w*x)",
        "unknown function 'sigmod'",
        0,
        6,
        "did you mean sigmoid?",
    ),
    (
        "foo(x)",
        "unknown function 'foo'",
        0,
        3,
        "to multiply, write foo*(…)",
    ),
    (
        "x(y+1)",
        "unknown function 'x'",
        0,
        1,
        "to multiply, write x*(…)",
    ),
    (
        "sin(x, y)",
        "sin takes 1 argument, but 2 were given",
        0,
        9,
        "one argument",
    ),
    (
        "sin()",
        "sin takes 1 argument, but 0 were given",
        0,
        5,
        "one argument",
    ),
    (
        "x +",
        "the operator '+' has nothing on its right",
        2,
        1,
        "operand on both sides",
    ),
    (
        "x + ",
        "the operator '+' has nothing on its right",
        2,
        1,
        "operand on both sides",
    ),
    (
        "* x",
        "the operator '*' has nothing on its left",
        0,
        1,
        "operand on both sides",
    ),
    (
        "x^",
        "the operator '^' has nothing on its right",
        1,
        1,
        "operand on both sides",
    ),
    (
        "(x -)",
        "the operator '-' has nothing on its right",
        3,
        1,
        "operand on both sides",
    ),
    (
        "x**2",
        "'**' is not the power operator here",
        1,
        2,
        "write powers with ^",
    ),
    ("3x", "'3' and 'x' stand side by side", 0, 2, "write 3*x"),
    (
        "2(x+1)",
        "'2' and '(…)' stand side by side",
        0,
        2,
        "write 2*(…)",
    ),
    ("x y", "'x' and 'y' stand side by side", 0, 3, "write x*y"),
    (
        "(x)(y)",
        "'(x)' and '(…)' stand side by side",
        0,
        4,
        "write (x)*(…)",
    ),
    (
        "sin(x)cos(x)",
        "'sin(x)' and 'cos(…)' stand side by side",
        0,
        10,
        "write sin(x)*cos(…)",
    ),
    (
        "σ(x)",
        "'σ' is not part of the expression syntax",
        0,
        1,
        "write sigmoid(…) instead",
    ),
    (
        "x²",
        "'²' is not part of the expression syntax",
        1,
        1,
        "write ^2 instead",
    ),
    (
        "2·x",
        "'·' is not part of the expression syntax",
        1,
        1,
        "write * instead",
    ),
    (
        "x % 2",
        "the operator '%' is not supported",
        2,
        1,
        "+ - * / and ^",
    ),
    (".5*x", "a number cannot start with '.'", 0, 2, "0.5"),
    ("x = 2", "unexpected character '='", 2, 1, "--at"),
    (
        "[x+1]",
        "unexpected character '['",
        0,
        1,
        "round parentheses",
    ),
    (
        "sin x",
        "the function sin needs its argument in parentheses",
        0,
        3,
        "write sin(x)",
    ),
    ("()", "empty parentheses", 0, 2, "put an expression"),
    (
        "1, 2",
        "a comma outside a function's arguments",
        1,
        1,
        "commas only separate",
    ),
    (
        "1e999",
        "this number is too large to represent",
        0,
        5,
        "1.8e308",
    ),
];

/// The input line and caret line of a rendered error.
fn caret_of(stderr: &str) -> (usize, usize) {
    let lines: Vec<&str> = stderr.lines().collect();
    let caret_line = lines
        .iter()
        .find(|l| l.trim_start().starts_with('^'))
        .unwrap_or_else(|| panic!("no caret in:\n{stderr}"));
    let body = &caret_line[2..];
    let column = body.chars().take_while(|&c| c == ' ').count();
    let width = body.chars().filter(|&c| c == '^').count();
    (column, width)
}

#[test]
fn each_parse_error_has_message_caret_and_hint() {
    for &(input, message, column, width, hint) in CASES {
        let out = stepgrad(&["diff", input]);
        assert_eq!(out.code, 2, "{input:?}: exit code; stderr:\n{}", out.stderr);
        assert!(out.stdout.is_empty(), "{input:?}: nothing on stdout");
        let first = out.stderr.lines().next().unwrap_or("");
        assert!(
            first.starts_with(&format!("error: {message}"))
                && first.ends_with("(in the expression)"),
            "{input:?}: expected message {message:?}, got:\n{}",
            out.stderr
        );
        assert_eq!(
            caret_of(&out.stderr),
            (column, width),
            "{input:?}: caret in\n{}",
            out.stderr
        );
        let hint_line = out
            .stderr
            .lines()
            .find(|l| l.starts_with("hint: "))
            .unwrap_or("");
        assert!(
            hint_line.contains(hint),
            "{input:?}: hint {hint:?} not in {hint_line:?}"
        );
        assert_eq!(
            out.stderr.matches("error:").count(),
            1,
            "{input:?}: one message"
        );
    }
}

#[test]
fn limits_are_stated_and_enforced() {
    let deep = format!("{}x{}", "(".repeat(101), ")".repeat(101));
    let out = stepgrad(&["diff", &deep]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .contains("parentheses are nested more than 100 levels deep"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("at most 100 levels"), "{}", out.stderr);

    let long = format!("x{}", "+x".repeat(5_000));
    let out = stepgrad(&["diff", &long]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .contains("the expression is 10001 characters long; the limit is 10000"),
        "{}",
        out.stderr
    );

    let tall = vec!["x"; 300].join("^");
    let out = stepgrad(&["diff", &tall]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .contains("nests 300 operations inside each other; the limit is 250"),
        "{}",
        out.stderr
    );

    // A long sum is flat, not deep: 2,000 terms are fine.
    let sum = format!("x{}", "+x".repeat(1_999));
    assert_eq!(stepgrad(&["diff", &sum, "--no-steps"]).code, 0);
}

#[test]
fn answer_errors_name_the_answer() {
    let out = stepgrad(&["check", "sin(3*x)", "--answer", "3cos(3*x)"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.starts_with("error: '3' and 'cos(…)' stand side by side with no operator between them (in --answer)"), "{}", out.stderr);
}

#[test]
fn the_binary_never_panics_on_hostile_input() {
    for input in [
        "   ", "\t\n", "x + ", "(", ")", "sin(", "-", ",", "x^^2", "e^",
    ] {
        let output = assert_cmd::Command::cargo_bin("stepgrad")
            .unwrap()
            .args(["diff", input])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{input:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{input:?}: {stderr}");
        assert!(stderr.starts_with("error: "), "{input:?}: {stderr}");
    }
    // 100,000 nested parentheses (too long for one command-line argument,
    // so given on standard input as a problem file).
    let nested = format!("{}x{}\n", "(".repeat(100_000), ")".repeat(100_000));
    let output = assert_cmd::Command::cargo_bin("stepgrad")
        .unwrap()
        .args(["diff", "--file", "-"])
        .write_stdin(nested)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(
        stderr.starts_with("line 1: error: the expression is 200001 characters long"),
        "{stderr}"
    );
}
