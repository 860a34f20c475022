//! The command line as a user meets it: the acceptance examples of `diff`
//! and `check`, options, problem files, formats, colour and exit codes.

mod common;

use common::{close, meval_eval, stepgrad};
use serde_json::Value;

fn json(args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    let out = stepgrad(&all);
    serde_json::from_str(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", out.stdout))
}

#[test]
fn diff_names_product_power_and_sine_rules() {
    let out = stepgrad(&["diff", "x^2*sin(x)", "--at", "x=1.5"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    for rule in ["Product rule", "Power rule", "Sine rule"] {
        assert!(out.stdout.contains(rule), "{rule} missing:\n{}", out.stdout);
    }
    assert!(
        out.stdout.contains("df/dx = 2·x·sin(x) + x²·cos(x)"),
        "{}",
        out.stdout
    );
    let expected = 2.0 * 1.5 * 1.5f64.sin() + 1.5 * 1.5 * 1.5f64.cos();
    let value = json(&["diff", "x^2*sin(x)", "--at", "x=1.5"])["derivative_value"]
        .as_f64()
        .unwrap();
    assert!(close(value, expected, 1e-14));
    assert!(out.stdout.contains(&format!(
        "df/dx = {}",
        stepgrad::number::format_significant(expected, 6)
    )));
}

#[test]
fn diff_of_a_neuron_loss_shows_the_chain_and_agrees_with_finite_differences() {
    let expr = "(y - sigmoid(w*x+b))^2/2";
    let args = ["diff", expr, "--wrt", "w", "--at", "w=0.5,x=1,y=0,b=0.1"];
    let out = stepgrad(&args);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("Chain rule"), "{}", out.stdout);
    assert!(out.stdout.contains("with u = w·x + b"), "{}", out.stdout);
    assert!(
        out.stdout
            .contains("Sigmoid rule: d/du [σ(u)] = σ(u)·(1 − σ(u))"),
        "{}",
        out.stdout
    );

    let value = json(&args)["derivative_value"].as_f64().unwrap();
    let f = |w: f64| meval_eval(expr, &[("w", w), ("x", 1.0), ("y", 0.0), ("b", 0.1)]);
    let h = 1e-5;
    let finite_difference = (f(0.5 + h) - f(0.5 - h)) / (2.0 * h);
    assert!(
        (value - finite_difference).abs() < 1e-7,
        "{value} vs {finite_difference}"
    );
}

#[test]
fn check_finds_the_missing_inner_factor() {
    let out = stepgrad(&["check", "sin(3*x)", "--answer", "cos(3*x)"]);
    assert_eq!(out.code, 1);
    assert!(out.stdout.contains("Not correct"), "{}", out.stdout);
    assert!(
        out.stdout.contains("d/dx(3·x) = 3 is missing"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("At x = "),
        "a counterexample point:\n{}",
        out.stdout
    );

    let out = stepgrad(&["check", "sin(3*x)", "--answer", "3*cos(3*x)"]);
    assert_eq!(out.code, 0);
    assert!(out.stdout.contains("Correct"), "{}", out.stdout);
}

#[test]
fn check_counterexample_values_are_the_true_values() {
    let v = json(&["check", "x^2*sin(x)", "--answer", "2*x*sin(x)"]);
    assert_eq!(v["correct"], false);
    assert_eq!(v["method"], "numeric");
    let x = v["counterexample"]["point"]["x"].as_f64().unwrap();
    let expected = v["counterexample"]["expected"].as_f64().unwrap();
    let answer = v["counterexample"]["answer"].as_f64().unwrap();
    assert!(close(expected, 2.0 * x * x.sin() + x * x * x.cos(), 1e-12));
    assert!(close(answer, 2.0 * x * x.sin(), 1e-12));
    assert!(v["diagnosis"]
        .as_str()
        .unwrap()
        .contains("product-rule term is missing"));
}

#[test]
fn check_diagnoses_typical_mistakes() {
    let cases = [
        ("x/(x+1)", "(x - (x+1))/(x+1)^2", "numerator is reversed"),
        ("cos(x)", "sin(x)", "the derivative of cos is −sin"),
        ("exp(2*x)", "exp(2*x)", "inner factor is missing"),
        ("x^3", "x^2", "the power rule's coefficient is missing"),
        ("x^3", "3*x^3", "the power rule's exponent is not lowered"),
        ("sin(x)", "3*cos(x)", "off by a constant factor"),
        ("1/x", "1/x^2", "the derivative of 1/v is −v′/v²"),
        ("x^2*sin(x)", "2*x*cos(x)", "the product rule is not u′·v′"),
        ("x^2 + 3", "2*x + 3", "a constant term is kept"),
        (
            "0.5*(x - 3)^2",
            "2*(x - 3)",
            "the constant factor 0.5 is missing",
        ),
        ("2^x", "x*2^(x - 1)", "the power rule is for xⁿ"),
        ("5*x^2", "-10*x", "sign error"),
        ("sin(x^2)", "cos(x^2)", "d/dx(x²) = 2·x is missing"),
        ("x*y^2", "2*x*y", "with respect to y"),
        ("x^2", "2*u", "the answer uses u"),
    ];
    for (expr, answer, diagnosis) in cases {
        let out = stepgrad(&["check", expr, "--answer", answer, "--wrt", "x"]);
        assert_eq!(out.code, 1, "{expr} / {answer}: {}", out.stderr);
        assert!(
            out.stdout.contains(diagnosis),
            "{expr} / {answer}: expected {diagnosis:?} in\n{}",
            out.stdout
        );
    }
}

#[test]
fn check_accepts_equivalent_forms() {
    let cases = [
        ("x^2*sin(x)", "x*(x*cos(x) + 2*sin(x))"),
        ("x/(x+1)", "1/(x+1)^2"),
        ("sigmoid(x)", "exp(-x)/(1+exp(-x))^2"),
        ("tanh(x)", "1/cosh_free_form(x)"),
    ];
    for (expr, answer) in &cases[..3] {
        let out = stepgrad(&["check", expr, "--answer", answer]);
        assert_eq!(
            out.code, 0,
            "{expr} / {answer}:\n{}{}",
            out.stdout, out.stderr
        );
    }
    // An answer that does not parse is an input error, not a wrong answer.
    let out = stepgrad(&["check", cases[3].0, "--answer", cases[3].1]);
    assert_eq!(out.code, 2);
}

#[test]
fn several_variables_need_wrt_and_give_a_gradient() {
    let out = stepgrad(&["diff", "x^2*y"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("several variables (x, y)"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("--wrt x"), "{}", out.stderr);

    let v = json(&["diff", "x^2*y", "--wrt", "x,y", "--at", "x=2,y=3"]);
    assert_eq!(v["gradient"]["x"]["derivative"], "2*x*y");
    assert_eq!(v["gradient"]["y"]["derivative"], "x^2");
    assert_eq!(v["gradient"]["x"]["derivative_value"], 12.0);
    assert_eq!(v["gradient"]["y"]["derivative_value"], 4.0);

    let out = stepgrad(&["diff", "x^2*y", "--wrt", "z"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("no variable z"), "{}", out.stderr);
}

#[test]
fn hessian_values() {
    let v = json(&["diff", "x^2*y + y^3", "--hessian", "--at", "x=1.5,y=-0.5"]);
    let h = &v["hessian"];
    assert_eq!(h["variables"], serde_json::json!(["x", "y"]));
    assert_eq!(h["matrix"][0][0], "2*y");
    assert_eq!(h["matrix"][0][1], "2*x");
    assert_eq!(h["matrix"][1][0], "2*x");
    assert_eq!(h["matrix"][1][1], "6*y");
    assert_eq!(h["values"], serde_json::json!([[-1.0, 3.0], [3.0, -3.0]]));
}

#[test]
fn evaluation_errors_name_the_subexpression() {
    let out = stepgrad(&["diff", "ln(x - 1)", "--at", "x=0.5"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("ln(x − 1) is undefined here"),
        "{}",
        out.stderr
    );
    let out = stepgrad(&["diff", "x*y", "--wrt", "x", "--at", "x=1"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("no value was given for y"),
        "{}",
        out.stderr
    );
    let out = stepgrad(&["diff", "x", "--at", "x"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("not of the form name=value"),
        "{}",
        out.stderr
    );
    let out = stepgrad(&["diff", "sin(x)", "--at", "x=pi/2"]);
    assert_eq!(out.code, 0);
    assert!(out.stdout.contains("f(x)  = 1"), "{}", out.stdout);
}

#[test]
fn problem_files_answer_every_line() {
    let dir = std::env::temp_dir().join(format!("stepgrad-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("problems.txt");
    std::fs::write(
        &path,
        "# derivatives for week 2\nx^2\n\nsin(3*x) ; at=x=0\n1/2x\nx*y ; wrt=y ; at=x=2,y=1\n",
    )
    .unwrap();
    let path = path.to_str().unwrap();
    let out = stepgrad(&["diff", "--file", path, "--no-steps"]);
    assert_eq!(out.code, 2, "one line fails");
    assert!(out.stdout.contains("line 2: x^2"), "{}", out.stdout);
    assert!(out.stdout.contains("df/dx = 3·cos(3·x)"), "{}", out.stdout);
    assert!(out.stdout.contains("∂f/∂y = x"), "{}", out.stdout);
    assert!(
        out.stderr
            .contains("line 5: error: '1/2x' can be read two ways"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("(in line 5)"), "{}", out.stderr);

    let v = json(&["diff", "--file", path]);
    let items = v.as_array().unwrap();
    assert_eq!(items.len(), 4);
    assert_eq!(items[1]["line"], 4);
    assert_eq!(items[1]["derivative_value"], 3.0);
    assert_eq!(items[2]["line"], 5);
    assert!(items[2]["error"]
        .as_str()
        .unwrap()
        .contains("read two ways"));

    let checks = dir.join("checks.txt");
    std::fs::write(&checks, "sin(3*x) ; answer=3*cos(3*x)\nx^3 ; answer=3*x\n").unwrap();
    let out = stepgrad(&["check", "--file", checks.to_str().unwrap()]);
    assert_eq!(out.code, 1, "a wrong answer, no failed line");
    let out = stepgrad(&["check", "--file", dir.join("missing.txt").to_str().unwrap()]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("missing.txt"), "{}", out.stderr);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn formats_and_colour() {
    let out = stepgrad(&["diff", "x^2", "--format", "csv"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("diff cannot write --format csv"),
        "{}",
        out.stderr
    );

    let plain = stepgrad(&["diff", "x^2", "--color", "never"]);
    assert!(!plain.stdout.contains('\x1b'));
    let coloured = stepgrad(&["diff", "x^2", "--color", "always"]);
    assert!(coloured.stdout.contains("\x1b["));
    // Colour never leaks into formats meant for files.
    let markdown = stepgrad(&["diff", "x^2", "--color", "always", "--format", "markdown"]);
    assert!(!markdown.stdout.contains('\x1b'));
    // Options are global: they may come before the command too.
    let before = stepgrad(&["--format", "json", "diff", "x^2"]);
    assert!(serde_json::from_str::<Value>(&before.stdout).is_ok());
    let digits = stepgrad(&["diff", "x^3", "--at", "x=1.1", "--digits", "3"]);
    assert!(digits.stdout.contains("df/dx = 3.63"), "{}", digits.stdout);
}

#[test]
fn completions_for_every_shell() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let out = stepgrad(&["completions", shell]);
        assert_eq!(out.code, 0);
        assert!(
            out.stdout.contains("diff")
                && out.stdout.contains("wrt")
                && out.stdout.contains("hessian"),
            "{shell}"
        );
    }
}

#[test]
fn usage_errors_exit_2_and_help_exits_0() {
    let out = stepgrad(&["frobnicate"]);
    assert_eq!(out.code, 2);
    let out = stepgrad(&["diff"]);
    assert_eq!(out.code, 2);
    let out = stepgrad(&["--help"]);
    assert_eq!(out.code, 0);
    assert!(out.stdout.contains("diff"));
    let out = stepgrad(&["diff", "--help"]);
    assert_eq!(out.code, 0);
    assert!(out.stdout.contains("--hessian"));
}

#[test]
fn no_color_is_respected_by_the_binary() {
    let output = assert_cmd::Command::cargo_bin("stepgrad")
        .unwrap()
        .args(["diff", "x^2"])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert!(!String::from_utf8_lossy(&output.stdout).contains('\x1b'));
}

#[test]
fn a_variable_given_twice_in_at_is_refused() {
    let out = stepgrad(&["diff", "(1 - w)^2", "--at", "w=0", "--at", "w=1"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("w is given twice (0 and 1)"),
        "{}",
        out.stderr
    );
    let out = stepgrad(&["check", "x*y", "--answer", "y", "--wrt", "x,y"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("one partial derivative at a time"),
        "{}",
        out.stderr
    );
}

#[test]
fn graph_marks_every_repeated_node() {
    let out = stepgrad(&["graph", "x*y + x", "--at", "x=3,y=2", "--color", "never"]);
    assert_eq!(out.code, 0);
    assert!(out.stdout.contains("└─ x (see above)"), "{}", out.stdout);
    assert!(out.stdout.contains("the sum over all its uses"));
    assert!(
        out.stdout.lines().all(|l| l.chars().count() <= 80),
        "{}",
        out.stdout
    );
}

fn scratch_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("stepgrad-cli-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn output_writes_the_result_in_the_format_of_its_extension() {
    let dir = scratch_dir("output");
    let path = |name: &str| dir.join(name).to_string_lossy().into_owned();
    // .md: the Markdown report, nothing on stdout.
    let out = stepgrad(&["diff", "x^2*sin(x)", "--output", &path("d.md")]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.is_empty());
    let written = std::fs::read_to_string(path("d.md")).unwrap();
    let markdown = stepgrad(&["diff", "x^2*sin(x)", "--format", "markdown"]).stdout;
    assert_eq!(written, markdown);
    // .tex with --standalone: a whole document.
    let out = stepgrad(&["net", "mazur", "--standalone", "--output", &path("n.tex")]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let tex = std::fs::read_to_string(path("n.tex")).unwrap();
    assert!(tex.starts_with("\\documentclass{article}"));
    assert!(tex.trim_end().ends_with("\\end{document}"));
    // .json and an explicit --format win over nothing.
    let out = stepgrad(&[
        "epochs",
        "--samples",
        "10",
        "--batch-size",
        "3",
        "--epochs",
        "2",
        "--output",
        &path("e.json"),
    ]);
    assert_eq!(out.code, 0);
    let v: Value = serde_json::from_str(&std::fs::read_to_string(path("e.json")).unwrap()).unwrap();
    assert_eq!(v["iterations_per_epoch"], 4);
    // .svg: the command's picture.
    let out = stepgrad(&[
        "minimize",
        "x^2",
        "--start",
        "x=1",
        "--steps",
        "3",
        "--output",
        &path("m.svg"),
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(std::fs::read_to_string(path("m.svg"))
        .unwrap()
        .starts_with("<svg"));
    // A diverged run still writes its report, and exits 1.
    let out = stepgrad(&[
        "minimize",
        "x^2",
        "--start",
        "x=1",
        "--lr",
        "10",
        "--output",
        &path("div.md"),
    ]);
    assert_eq!(out.code, 1);
    assert!(std::fs::read_to_string(path("div.md"))
        .unwrap()
        .contains("Diverged"));
}

#[test]
fn output_refuses_what_it_cannot_write_and_leaves_no_file() {
    let dir = scratch_dir("refused");
    let path = |name: &str| dir.join(name).to_string_lossy().into_owned();
    for (args, message) in [
        (
            vec!["diff", "x^2", "--output", "/no/such/folder/d.md"],
            "does not exist",
        ),
        (
            vec!["diff", "x^2", "--output", &path("d.svg")],
            "draws no picture",
        ),
        (
            vec!["diff", "x^2", "--output", &path("d.weird")],
            "extension",
        ),
        (
            vec!["diff", "x^", "--output", &path("bad.md")],
            "expression",
        ),
        (vec!["diff", "x^2", "--standalone"], "--standalone"),
        (
            vec![
                "minimize",
                "x^2",
                "--start",
                "x=1",
                "--plot",
                &path("a.svg"),
                "--output",
                &path("b.svg"),
            ],
            "both",
        ),
    ] {
        let out = stepgrad(&args);
        assert_eq!(out.code, 2, "{args:?}: {}", out.stderr);
        assert!(out.stderr.contains(message), "{args:?}: {}", out.stderr);
    }
    let left: Vec<_> = std::fs::read_dir(&dir).unwrap().collect();
    assert!(left.is_empty(), "files left behind: {left:?}");
}
