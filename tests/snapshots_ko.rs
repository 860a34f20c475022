//! What `diff`, `check` and `graph` print in Korean, in text, Markdown and
//! LaTeX, pinned as snapshots; and every one of those outputs held to the
//! rule that Korean output has no English prose: no three English words in
//! a row outside code, math and formulas.

mod common;

use common::stepgrad;

const NOTES_AND_TEXT: [&str; 3] = ["text", "markdown", "latex"];

/// Runs a command in Korean in each format; pins what it prints and checks
/// that none of it is English prose.
fn snapshot_korean(name: &str, args: &[&str]) {
    for format in NOTES_AND_TEXT {
        let mut all = args.to_vec();
        all.extend(["--format", format, "--color", "never", "--lang", "ko"]);
        let out = stepgrad(&all);
        assert_no_english_prose(&format!("{name} ({format})"), &out.stdout);
        let text = format!(
            "exit code: {}\n--- stdout\n{}--- stderr\n{}",
            out.code, out.stdout, out.stderr
        );
        insta::assert_snapshot!(format!("{name}_ko_{format}"), text);
    }
}

/// The text with what is not prose taken out: `code`, $math$, \[…\],
/// LaTeX commands and their braces.
fn prose(line: &str) -> String {
    let mut out = String::new();
    let mut chars = line.chars().peekable();
    let mut skip_until: Option<char> = None;
    while let Some(c) = chars.next() {
        if let Some(end) = skip_until {
            if c == end {
                skip_until = None;
            }
            continue;
        }
        match c {
            '`' => skip_until = Some('`'),
            '$' => {
                if chars.peek() == Some(&'$') {
                    chars.next();
                }
                skip_until = Some('$');
            }
            '\\' => {
                // A command: its name goes, its braces stay as spaces.
                while chars.peek().is_some_and(|c| c.is_ascii_alphabetic()) {
                    chars.next();
                }
                out.push(' ');
            }
            '{' | '}' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// An English word: letters only (a trailing comma, colon or full stop
/// aside), at least two of them. Single letters are variables; a token
/// holding brackets, digits or operators is a formula.
fn is_english_word(token: &str) -> bool {
    let word = token.trim_end_matches([',', '.', ':', ';']);
    word.len() >= 2 && word.chars().all(|c| c.is_ascii_alphabetic())
}

/// The first line of `output` with three English words in a row, if any.
fn english_prose(output: &str) -> Option<String> {
    output.lines().find_map(|line| {
        let text = prose(line);
        let tokens: Vec<&str> = text.split_whitespace().collect();
        tokens
            .windows(3)
            .any(|w| w.iter().all(|t| is_english_word(t)))
            .then(|| line.to_string())
    })
}

fn assert_no_english_prose(what: &str, output: &str) {
    if let Some(line) = english_prose(output) {
        panic!("{what}: English prose in Korean output:\n{line}");
    }
}

#[test]
fn the_english_prose_detector_can_fail() {
    let cases = [
        (
            "  Likely mistake: the chain rule's inner factor is missing",
            true,
        ),
        ("✗ Not correct: cos(3·x) is not d/dx [sin(3·x)].", false),
        ("Derivation of d/dx [x²]", false),
        ("Rules used", false),
        ("  Product rule  (u·v)′ = u′·v + u·v′", false),
        (
            "곱의 법칙: d/dx [x²·sin(x)] = 2·x·sin(x) + x²·cos(x)",
            false,
        ),
        ("`stepgrad lesson two` 을 실행하세요", false),
        ("$\\frac{d}{dx}\\left[\\sin x\\right]$의 유도", false),
        ("\\paragraph{Values at $x$.}", false),
        ("\\paragraph{The values at $x$.}", true),
        ("stepgrad uses the kink", true),
    ];
    for (line, english) in cases {
        assert_eq!(english_prose(line).is_some(), english, "{line}");
    }
}

#[test]
fn diff_in_korean() {
    snapshot_korean("diff_product", &["diff", "x^2*sin(x)", "--at", "x=1.5"]);
    snapshot_korean(
        "diff_neuron",
        &[
            "diff",
            "(y - sigmoid(w*x+b))^2/2",
            "--wrt",
            "w",
            "--at",
            "w=0.5,x=1,y=0,b=0.1",
        ],
    );
    snapshot_korean(
        "diff_hessian",
        &["diff", "x^2*y + y^3", "--hessian", "--at", "x=1.5,y=-0.5"],
    );
    // A simplification that assumes conditions, and rules whose formulas
    // hold words.
    snapshot_korean(
        "diff_conditions",
        &["diff", "sqrt(x)^2 + sqrt(x+1)^2 + ln(exp(x)) + relu(x)"],
    );
}

#[test]
fn check_in_korean() {
    snapshot_korean(
        "check_wrong",
        &["check", "sin(3*x)", "--answer", "cos(3*x)"],
    );
    snapshot_korean(
        "check_right",
        &["check", "sin(3*x)", "--answer", "3*cos(3*x)"],
    );
    snapshot_korean(
        "check_numeric",
        &["check", "x^2*sin(x)", "--answer", "x*(x*cos(x) + 2*sin(x))"],
    );
    // Right on one piece of the line only.
    snapshot_korean("check_pieces", &["check", "abs(x)", "--answer", "1"]);
    snapshot_korean(
        "check_product_term",
        &["check", "x^2*sin(x)", "--answer", "2*x*sin(x)"],
    );
}

#[test]
fn check_cannot_decide_in_korean() {
    let problems: [&[&str]; 2] = [
        &["x^2", "--answer", "2*x + 1e20*(sin(x)^2 + cos(x)^2 - 1)"],
        &["sqrt(-1-x^2)", "--answer", "x"],
    ];
    let mut rendered = Vec::new();
    for problem in problems {
        let mut args = vec!["check"];
        args.extend_from_slice(problem);
        args.extend(["--color", "never", "--lang", "ko"]);
        let out = stepgrad(&args);
        assert_eq!(out.code, 2, "{}", out.stderr);
        assert_no_english_prose("check, cannot decide", &out.stderr);
        rendered.push(out.stderr);
    }
    insta::assert_snapshot!("check_undecidable_ko", rendered.join("\n"));
}

#[test]
fn graph_in_korean() {
    snapshot_korean(
        "graph_shared",
        &["graph", "x*y + sin(x)", "--at", "x=1,y=2"],
    );
    snapshot_korean("graph_mazur", &["graph", "mazur"]);
}
