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
        "x % 2",
        "the operator '%' is not supported",
        2,
        1,
        "+ - * / and ^",
    ),
    (".5*x", "a number cannot start with '.'", 0, 2, "0.5"),
    // Still refused in textbook notation.
    ("x 2", "'x' and '2' stand side by side", 0, 3, "write x*2"),
    (
        "(x+1)2",
        "'(x+1)' and '2' stand side by side",
        0,
        6,
        "write (x+1)*2",
    ),
    (
        "sin + x",
        "the function sin needs its argument in parentheses",
        0,
        3,
        "write sin(x)",
    ),
    (
        "logsumexp x",
        "the function logsumexp needs its argument in parentheses",
        0,
        9,
        "write logsumexp(x)",
    ),
    (
        "2√",
        "the function √ needs its argument in parentheses",
        1,
        1,
        "write √(x)",
    ),
    (
        "∂x",
        "'∂' is not part of the expression syntax",
        0,
        1,
        "write a derivative with stepgrad diff instead",
    ),
    (
        "x — 1",
        "'—' is not part of the expression syntax",
        2,
        1,
        "write - instead",
    ),
    (
        "x ·",
        "the operator '·' has nothing on its right",
        2,
        1,
        "operand on both sides",
    ),
    (
        "x⁻",
        "'⁻' is not a power stepgrad can read",
        1,
        1,
        "a superscript is a whole number",
    ),
    ("|x - 1", "this '|' is never closed", 0, 1, "between two bars"),
    ("2x|", "this '|' is never closed", 2, 1, "between two bars"),
    (
        "sin^-1(x)",
        "sin⁻¹ means the inverse function of sin in textbooks",
        3,
        3,
        "for 1/sin(x), write sin(x)^-1",
    ),
    (
        "sin⁻¹ x",
        "sin⁻¹ means the inverse function of sin in textbooks",
        3,
        2,
        "write sin(x)^-1",
    ),
    (
        "sin^0.5 x",
        "a power written on a function's name must be a whole number of 1 or more, as in sin²(x); sin^0.5 is not",
        3,
        4,
        "as in sin(x)^0.5",
    ),
    (
        "sin2x",
        "'sin2x' reads as one name, but it begins with the function sin and a number",
        0,
        5,
        "as in sin(2x)",
    ),
    // Read two ways: both readings are named.
    (
        "1/2x",
        "'1/2x' can be read two ways: 1/(2*x) or (1/2)*x",
        0,
        4,
        "may or may not belong to the denominator: write 1/(2*x) or (1/2)*x",
    ),
    (
        "y + a/b c",
        "'a/b c' can be read two ways: a/(b*c) or (a/b)*c",
        4,
        5,
        "the denominator",
    ),
    (
        "1/2(x+1)",
        "'1/2(x+1)' can be read two ways: 1/(2*(x+1)) or (1/2)*(x+1)",
        0,
        8,
        "the denominator",
    ),
    (
        "e^2x",
        "'e^2x' can be read two ways: e^(2*x) or (e^2)*x",
        0,
        4,
        "may or may not belong to the exponent",
    ),
    (
        "sin x/2",
        "'sin x/2' can be read two ways: sin(x/2) or sin(x)/2",
        0,
        7,
        "a function's argument without parentheses",
    ),
    (
        "sin x (x+1)",
        "'sin x (x+1)' can be read two ways: sin(x*(x+1)) or sin(x)*(x+1)",
        0,
        11,
        "a function's argument without parentheses",
    ),
    (
        "√x²",
        "'√x²' can be read two ways: sqrt(x^2) or sqrt(x)^2",
        0,
        3,
        "√ without parentheses",
    ),
    (
        "√2x",
        "'√2x' can be read two ways: sqrt(2*x) or sqrt(2)*x",
        0,
        3,
        "√ without parentheses",
    ),
    (
        "x²^3",
        "'x²^3' can be read two ways: (x^2)^3 or x^(2^3)",
        0,
        4,
        "a power of a superscript",
    ),
    (
        "|a|b|c|",
        "'|a|b|c|' can be read two ways: abs(a)*b*abs(c) or abs(a*abs(b)*c)",
        2,
        1,
        "these bars may close or open",
    ),
    ("x = 2", "unexpected character '='", 2, 1, "--at"),
    (
        "[x+1]",
        "unexpected character '['",
        0,
        1,
        "round parentheses",
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
    let out = stepgrad(&["check", "sin(3*x)", "--answer", "3/2cos(3*x)"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.starts_with("error: '3/2cos(3*x)' can be read two ways: 3/(2*cos(3*x)) or (3/2)*cos(3*x) (in --answer)"), "{}", out.stderr);
}

/// Inputs this table once refused, now read as a textbook means them:
/// each derivative is checked by its value at x = 2 (y = 3), worked by
/// hand.
#[test]
fn textbook_inputs_once_refused_are_read() {
    let cases: &[(&[&str], &str)] = &[
        // d/dx 3x² = 6x = 12
        (&["diff", "3x^2", "--at", "x=2"], "= 12"),
        // d/dx 3x = 3
        (&["diff", "3x", "--at", "x=2"], "= 3"),
        // d/dx 2(x+1) = 2
        (&["diff", "2(x+1)", "--at", "x=2"], "= 2"),
        // d/dx x·y = y = 3
        (&["diff", "x y", "--wrt", "x", "--at", "x=2,y=3"], "= 3"),
        (&["diff", "(x)(y)", "--wrt", "x", "--at", "x=2,y=3"], "= 3"),
        // d/dx x(y+1) = y + 1 = 4
        (&["diff", "x(y+1)", "--wrt", "x", "--at", "x=2,y=3"], "= 4"),
        // d/dx x² = 2x = 4, also as x**2
        (&["diff", "x²", "--at", "x=2"], "= 4"),
        (&["diff", "x**2", "--at", "x=2"], "= 4"),
        // d/dx 2·x = 2
        (&["diff", "2·x", "--at", "x=2"], "= 2"),
        // d/dx sin x = cos 2 = −0.416147
        (&["diff", "sin x", "--at", "x=2"], "= -0.416147"),
        // d/dx sin(x)cos(x) = cos 2x = cos 4 = −0.653644
        (&["diff", "sin(x)cos(x)", "--at", "x=2"], "= -0.653644"),
        // d/dx σ(x) = σ(2)(1 − σ(2)) = 0.104994
        (&["diff", "σ(x)", "--at", "x=2"], "= 0.104994"),
    ];
    for (args, value) in cases {
        let out = stepgrad(args);
        assert_eq!(out.code, 0, "{args:?}: {}", out.stderr);
        let found = out
            .stdout
            .lines()
            .any(|l| (l.contains("df/dx") || l.contains("∂f/∂x")) && l.ends_with(value));
        assert!(found, "{args:?}: {value} not in\n{}", out.stdout);
    }
    let out = stepgrad(&["check", "sin(3*x)", "--answer", "3cos(3x)"]);
    assert_eq!(out.code, 0, "{}", out.stdout);
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
