//! What `diff`, `check` and `graph` print in Korean, in text, Markdown and
//! LaTeX, pinned as snapshots; and every one of those outputs held to the
//! rule that Korean output has no English prose: no three English words in
//! a row outside code, math and formulas.

mod common;

use common::{assert_no_english_prose, english_prose, stepgrad};

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

#[test]
fn net_train_and_minimize_in_korean() {
    snapshot_korean("net_mazur", &["net", "mazur"]);
    snapshot_korean("train_xor", &["train", "xor", "--epochs", "3"]);
    snapshot_korean(
        "minimize_adam",
        &[
            "minimize",
            "x^2+y^2",
            "--start",
            "x=1,y=1",
            "--optimizer",
            "adam",
        ],
    );
}
