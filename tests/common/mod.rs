//! Helpers shared by the integration tests: running stepgrad in-process,
//! and meval as an independent evaluator.
#![allow(dead_code)]

use stepgrad::cli::{run, Outcome};

/// Runs stepgrad in-process with the given arguments (without the program
/// name).
pub fn stepgrad(args: &[&str]) -> Outcome {
    let mut all = vec!["stepgrad"];
    all.extend_from_slice(args);
    run(all)
}

/// meval's context with the functions stepgrad has beyond meval's own.
pub fn meval_context() -> meval::Context<'static> {
    let mut ctx = meval::Context::new();
    ctx.func("sigmoid", |x: f64| 1.0 / (1.0 + (-x).exp()));
    ctx.func("relu", |x: f64| x.max(0.0));
    ctx.func("log", f64::ln);
    // The activations of modern networks, by their textbook definitions.
    ctx.func("softplus", |x: f64| (1.0 + x.exp()).ln());
    ctx.func("silu", |x: f64| x / (1.0 + (-x).exp()));
    ctx.func("leaky_relu", |x: f64| if x >= 0.0 { x } else { 0.01 * x });
    ctx.func("elu", |x: f64| if x > 0.0 { x } else { x.exp() - 1.0 });
    ctx.func("erf", libm::erf);
    ctx.func("erfc", libm::erfc);
    // 1 + erf(z) as erfc(−z): for z far below 0 the sum cancels to 0,
    // where gelu is a tiny negative number (a base a power can refuse).
    ctx.func("gelu", |x: f64| {
        0.5 * x * libm::erfc(-x / std::f64::consts::SQRT_2)
    });
    ctx.func("log10", f64::log10);
    ctx.func("log2", f64::log2);
    ctx.func("step", |x: f64| if x > 0.0 { 1.0 } else { 0.0 });
    ctx.func("sign", |x: f64| {
        if x > 0.0 {
            1.0
        } else if x < 0.0 {
            -1.0
        } else {
            0.0
        }
    });
    ctx.funcn(
        "logsumexp",
        |xs: &[f64]| {
            let m = xs.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
            m + xs.iter().map(|x| (x - m).exp()).sum::<f64>().ln()
        },
        1..,
    );
    ctx
}

/// Evaluates `text` with meval at the given variable values.
pub fn meval_eval(text: &str, values: &[(&str, f64)]) -> f64 {
    let mut ctx = meval_context();
    for (name, v) in values {
        ctx.var(*name, *v);
    }
    let expr: meval::Expr = text
        .parse()
        .unwrap_or_else(|e| panic!("meval cannot parse {text}: {e}"));
    expr.eval_with_context(ctx).unwrap_or(f64::NAN)
}

/// Relative closeness with an absolute floor of `tol` near 0.
pub fn close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol * a.abs().max(b.abs()).max(1.0)
}

/// The text of a line with what is not prose taken out: `code`, $math$,
/// \[…\], LaTeX commands (their braces stay as spaces).
pub fn prose_of(line: &str) -> String {
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

/// Three English words in a row in `line`, if it has them: words of
/// letters only (an apostrophe allowed), at least two letters, outside
/// code and math. A word ending in punctuation ends a run, so lists of
/// names ("sigmoid, tanh, relu") are not prose; option names (`--lr`),
/// formulas, identifiers (out_h1), paths and numbers are not words; and a
/// term's English name glossed in parentheses after its Korean name is
/// not prose either.
pub fn english_words(line: &str) -> Option<String> {
    let text = prose_of(line);
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let mut run: Vec<&str> = Vec::new();
    let mut skip_to = 0;
    for (i, &token) in tokens.iter().enumerate() {
        if i < skip_to {
            continue;
        }
        // A term's English name in parentheses right after its Korean
        // name, as Korean textbooks gloss a term — "확률적 경사 하강법
        // (stochastic gradient descent)": four words at most.
        let after_korean = i > 0 && tokens[i - 1].chars().any(is_hangul);
        if after_korean && token.starts_with('(') {
            let close = tokens[i..].iter().take(4).position(|t| t.contains(')'));
            if let Some(k) = close {
                skip_to = i + k + 1;
                run.clear();
                continue;
            }
        }
        let word = token.trim_start_matches(['(', '"', '\'', '[']);
        let bare = word.trim_end_matches([',', '.', ':', ';', '?', '!', ')', '"', '\'', ']']);
        let is_word = bare.len() > 1 && bare.chars().all(|c| c.is_ascii_alphabetic() || c == '\'');
        if !is_word {
            run.clear();
            continue;
        }
        run.push(bare);
        if run.len() >= 3 {
            return Some(run.join(" "));
        }
        if bare.len() != word.len() {
            run.clear();
        }
    }
    None
}

/// A letter of the Korean alphabet (syllables and jamo).
fn is_hangul(c: char) -> bool {
    matches!(c, '\u{AC00}'..='\u{D7A3}' | '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}')
}

/// The first line of `output` with English prose, if any.
pub fn english_prose(output: &str) -> Option<String> {
    output
        .lines()
        .find(|line| english_words(line).is_some())
        .map(str::to_string)
}

/// Fails, naming `what` and the line, when `output` has English prose.
pub fn assert_no_english_prose(what: &str, output: &str) {
    if let Some(line) = english_prose(output) {
        panic!(
            "{what}: English prose in Korean output ({}):\n{line}",
            english_words(&line).unwrap_or_default()
        );
    }
}

const QUADRATIC: &str = "(x - 1)^2 + 3*(y + 0.5)^2";
const ROSENBROCK: &str = "(1 - x)^2 + 100*(y - x^2)^2";

/// Every command with representative options, and every lesson, by a
/// name for the files, with their arguments (for the LaTeX and width
/// tests).
pub fn representative_commands() -> Vec<(String, Vec<String>)> {
    let mut cases: Vec<(&str, Vec<&str>)> = vec![
        ("diff_product", vec!["diff", "x^2*sin(x)", "--at", "x=1.5"]),
        ("diff_no_steps", vec!["diff", "x^2*sin(x)", "--no-steps"]),
        (
            "diff_hessian",
            vec!["diff", "x^2*y + y^3", "--hessian", "--at", "x=1.5,y=-0.5"],
        ),
        (
            "diff_gradient",
            vec![
                "diff",
                "sigmoid(w1*x + w2*y)",
                "--wrt",
                "w1",
                "--wrt",
                "w2",
                "--at",
                "w1=0.5,w2=-0.3,x=1,y=2",
            ],
        ),
        (
            "check_right",
            vec!["check", "x^2*sin(x)", "--answer", "x*(x*cos(x) + 2*sin(x))"],
        ),
        (
            "check_wrong",
            vec!["check", "sin(3*x)", "--answer", "cos(3*x)"],
        ),
        (
            "graph_expression",
            vec!["graph", "(x + y)*z", "--at", "x=1,y=2,z=-3"],
        ),
        ("graph_mazur", vec!["graph", "mazur"]),
        ("net_mazur", vec!["net", "mazur", "--show", "all"]),
        (
            "minimize_picture",
            vec![
                "minimize",
                "x^2 + 10*y^2",
                "--start",
                "x=-3,y=1",
                "--compare",
                "sgd,momentum,adam",
                "--lr",
                "0.05",
                "--steps",
                "30",
                "--picture",
            ],
        ),
        ("net_xor", vec!["net", "xor", "--show", "all"]),
        ("net_softmax3", vec!["net", "softmax3", "--show", "all"]),
        ("net_param", vec!["net", "mazur", "--param", "w1"]),
        (
            "net_check",
            vec!["net", "mazur", "--check", "examples/mazur-answers.toml"],
        ),
        (
            "net_steps",
            vec!["net", "mazur", "--steps", "2", "--show", "all"],
        ),
        (
            "train_xor",
            vec!["train", "xor", "--epochs", "40", "--log-every", "10"],
        ),
        (
            "train_iris",
            vec![
                "train",
                "--data",
                "builtin:iris",
                "--batch-size",
                "16",
                "--val",
                "0.2",
                "--standardize",
                "--epochs",
                "20",
                "--log-every",
                "5",
            ],
        ),
        (
            "train_compare_batch",
            vec![
                "train",
                "--data",
                "builtin:iris",
                "--compare-batch",
                "1,16,150",
                "--epochs",
                "10",
            ],
        ),
        (
            "train_compare",
            vec![
                "train",
                "--data",
                "builtin:iris",
                "--standardize",
                "--val",
                "0.2",
                "--batch-size",
                "16",
                "--compare",
                "sgd,momentum,rmsprop,adam",
                "--schedule",
                "cosine",
                "--epochs",
                "10",
            ],
        ),
        (
            "epochs",
            vec![
                "epochs",
                "--samples",
                "1000",
                "--batch-size",
                "32",
                "--epochs",
                "100",
            ],
        ),
        (
            "practice_level1",
            vec!["practice", "--count", "12", "--level", "1", "--seed", "3"],
        ),
        (
            "practice_level3",
            vec!["practice", "--count", "12", "--level", "3", "--seed", "5"],
        ),
        (
            "minimize_newton",
            vec![
                "minimize",
                "x^4 - x^2 + y^2",
                "--start",
                "x=0.1,y=1",
                "--optimizer",
                "newton",
                "--line-search",
            ],
        ),
        (
            "minimize_compare",
            vec![
                "minimize",
                ROSENBROCK,
                "--start",
                "x=-1.2,y=1",
                "--compare",
                "sgd,momentum,rmsprop,adam,newton,bfgs",
                "--lr",
                "0.001",
                "--steps",
                "1000",
            ],
        ),
    ];
    let optimizers: [(&str, &[&str]); 9] = [
        ("sgd", &["--lr", "0.1"]),
        ("momentum", &["--lr", "0.05"]),
        ("nesterov", &["--lr", "0.05"]),
        ("adagrad", &["--lr", "0.5"]),
        (
            "rmsprop",
            &["--lr", "0.05", "--centered", "--momentum", "0.5"],
        ),
        ("adam", &["--lr", "0.3"]),
        ("adamw", &["--lr", "0.3", "--weight-decay", "0.1"]),
        ("newton", &[]),
        ("bfgs", &[]),
    ];
    let mut owned: Vec<(String, Vec<String>)> = cases
        .drain(..)
        .map(|(n, a)| (n.to_string(), a.iter().map(|s| s.to_string()).collect()))
        .collect();
    for (name, options) in optimizers {
        let mut args = vec![
            "minimize",
            QUADRATIC,
            "--start",
            "x=-2,y=1",
            "--steps",
            "8",
            "--optimizer",
            name,
        ];
        args.extend_from_slice(options);
        owned.push((
            format!("minimize_{name}"),
            args.iter().map(|s| s.to_string()).collect(),
        ));
    }
    for lesson in 1..=9 {
        owned.push((
            format!("lesson_{lesson}"),
            vec!["lesson".to_string(), lesson.to_string()],
        ));
    }
    owned
}
