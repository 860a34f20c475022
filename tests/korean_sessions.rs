//! A Korean session, command by command: every command stepgrad has — diff,
//! check (right and wrong), graph, net for every built-in example (with
//! --param, in Markdown and LaTeX, with every kind of optimizer), train
//! (built-in data sets, --val, --compare-batch, early stopping), minimize
//! with every optimizer and a race, the lessons, mistakes with their hints,
//! divergences and each command's --help — run with `--lang ko`, and held
//! to the rule that Korean output has no English prose: no three English
//! words in a row outside code, math, option names, formulas, identifiers
//! and file names. A lesson's own command lines (`$ stepgrad …`) and the
//! usage line of --help (`사용법: stepgrad diff [OPTIONS] [EXPR]`) are
//! command lines, not prose.

mod common;

use common::{english_words, stepgrad};

/// Runs `args` in Korean and returns what it printed, after checking its
/// exit code and that neither stdout nor stderr has English prose.
fn korean(args: &[&str], code: i32) -> String {
    let mut all = args.to_vec();
    all.extend(["--lang", "ko", "--color", "never"]);
    let out = stepgrad(&all);
    assert_eq!(
        out.code,
        code,
        "{}: exit code\n{}{}",
        args.join(" "),
        out.stdout,
        out.stderr
    );
    for (stream, text) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
        for line in text.lines() {
            // A lesson's command lines and a usage line are command lines.
            let line_start = line.trim_start();
            if line_start.starts_with("$ stepgrad") || line_start.starts_with("사용법: stepgrad")
            {
                continue;
            }
            if let Some(words) = english_words(line) {
                panic!(
                    "`stepgrad {}` ({stream}): English prose \"{words}\" in\n{line}",
                    args.join(" ")
                );
            }
        }
    }
    format!("{}{}", out.stdout, out.stderr)
}

#[test]
fn the_detector_finds_english_and_passes_what_is_not_prose() {
    let english = [
        "Stopped after the maximum of 3 epochs. Final loss 0.50216",
        "Layers 2-2-2 with activation sigmoid",
        "Gradient descent (SGD) with lr = 0.5; biases are not updated.",
        "  Forward pass of the network",
        "\\paragraph{The values at $x$.}",
        "샘플 1의 값입니다 (the update below uses the batch gradient).",
    ];
    for line in english {
        assert!(english_words(line).is_some(), "{line}");
    }
    let not_prose = [
        "경사 하강법(SGD), lr = 0.5; 편향은 갱신하지 않음.",
        "  ∂E_total/∂w5 = −(target_o1 − out_o1) · out_o1·(1 − out_o1) · out_h1",
        "힌트: --lr 0.05를 써 보세요",
        "`stepgrad train xor --epochs 3`을 실행하세요",
        "그림은 out/loss_curve.svg에 있습니다.",
        "클래스 setosa, versicolor, virginica",
        "m ← β₁·m + (1 − β₁)·g; θ ← θ − lr·m̂/(√v̂ + ε)",
        "  • 확률적 경사 하강법 (stochastic gradient descent, SGD): 갱신마다",
    ];
    for line in not_prose {
        assert_eq!(english_words(line), None, "{line}");
    }
}

#[test]
fn diff_check_and_graph() {
    korean(&["diff", "x^2*sin(x)", "--at", "x=1.5"], 0);
    korean(&["diff", "x^2*y + y^3", "--hessian", "--at", "x=1,y=2"], 0);
    korean(
        &[
            "diff",
            "sigmoid(w*x+b)",
            "--wrt",
            "w",
            "--format",
            "markdown",
        ],
        0,
    );
    korean(&["diff", "ln(x)*exp(x)", "--format", "latex"], 0);
    korean(&["check", "sin(3*x)", "--answer", "cos(3*x)"], 1);
    korean(&["check", "sin(3*x)", "--answer", "3*cos(3*x)"], 0);
    korean(&["check", "x^2*sin(x)", "--answer", "2*x*sin(x)"], 1);
    korean(&["graph", "x*y + sin(x)", "--at", "x=1,y=2"], 0);
    korean(&["graph", "mazur"], 0);
}

#[test]
fn net_for_every_example() {
    for example in ["mazur", "xor", "softmax3"] {
        for format in ["text", "markdown", "latex"] {
            korean(&["net", example, "--format", format], 0);
        }
        korean(
            &[
                "net",
                example,
                "--steps",
                "3",
                "--show",
                "formula,forward,backward,update",
            ],
            0,
        );
    }
    korean(&["net", "mazur", "--param", "w1"], 0);
    korean(&["net", "mazur", "--param", "w5", "--format", "latex"], 0);
    korean(&["net", "xor", "--steps", "1000"], 0);
}

#[test]
fn net_with_every_kind_of_optimizer() {
    for optimizer in [
        "sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "adamw",
    ] {
        korean(&["net", "xor", "--optimizer", optimizer, "--steps", "2"], 0);
    }
    for optimizer in ["newton", "bfgs"] {
        korean(
            &["net", "mazur", "--optimizer", optimizer, "--steps", "2"],
            0,
        );
    }
}

#[test]
fn train_on_every_kind_of_data() {
    korean(&["train", "xor", "--epochs", "3"], 0);
    korean(
        &["train", "xor", "--epochs", "3", "--format", "markdown"],
        0,
    );
    korean(
        &[
            "train",
            "--data",
            "builtin:iris",
            "--val",
            "0.2",
            "--epochs",
            "5",
        ],
        0,
    );
    korean(
        &["train", "xor", "--compare-batch", "1,2,4", "--epochs", "3"],
        0,
    );
    for set in [
        "xor",
        "and",
        "or",
        "circle",
        "gauss",
        "spiral",
        "xor-noise",
        "line",
        "parabola",
    ] {
        let data = format!("builtin:{set}");
        korean(&["train", "--data", &data, "--epochs", "2"], 0);
    }
    korean(
        &[
            "train",
            "--data",
            "builtin:circle",
            "--val",
            "0.3",
            "--patience",
            "1",
            "--epochs",
            "50",
        ],
        0,
    );
    korean(
        &["train", "xor", "--target-loss", "0.6", "--epochs", "10"],
        0,
    );
    korean(
        &[
            "train",
            "xor",
            "--batch-size",
            "3",
            "--epochs",
            "2",
            "--standardize",
        ],
        0,
    );
}

#[test]
fn minimize_with_every_optimizer_and_a_race() {
    for optimizer in [
        "sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "adamw", "newton", "bfgs",
    ] {
        korean(
            &[
                "minimize",
                "x^2+y^2",
                "--start",
                "x=1,y=1",
                "--optimizer",
                optimizer,
                "--steps",
                "20",
            ],
            0,
        );
    }
    korean(
        &[
            "minimize",
            "x^4 - 3*x^2",
            "--start",
            "x=0.5",
            "--optimizer",
            "newton",
        ],
        1,
    );
    korean(
        &[
            "minimize",
            "(1-x)^2 + 100*(y-x^2)^2",
            "--start",
            "x=-1,y=1",
            "--compare",
            "sgd,adam,newton,bfgs",
        ],
        0,
    );
    korean(
        &["minimize", "x^2", "--start", "x=1", "--steps", "100000"],
        0,
    );
}

#[test]
fn lessons() {
    korean(&["lesson", "list"], 0);
    for n in 1..=9 {
        korean(&["lesson", &n.to_string(), "--all"], 0);
    }
}

#[test]
fn mistakes_and_divergences_with_their_hints() {
    korean(&["diff", "x^"], 2);
    korean(&["check", "sin(x)", "--answer", "cos("], 2);
    korean(&["net", "mazurr"], 2);
    korean(&["minimize", "x^2", "--start", "x=1", "--lr", "1.5"], 1);
    korean(&["train", "--data", "builtin:nothing"], 2);
    korean(&["diff"], 2);
    korean(
        &["minimize", "x^2", "--start", "x=1", "--optimizer", "adamm"],
        2,
    );
    korean(
        &[
            "minimize",
            "x^2",
            "--start",
            "x=1",
            "--optimizer",
            "adam",
            "--momentum",
            "0.9",
        ],
        2,
    );
    korean(
        &[
            "minimize",
            "x^2",
            "--start",
            "x=1",
            "--optimizer",
            "newton",
            "--lr",
            "0.1",
        ],
        2,
    );
    korean(
        &[
            "minimize",
            "x^2",
            "--start",
            "x=1",
            "--compare",
            "sgd,,adam",
        ],
        2,
    );
    korean(&["minimize", "x^2", "--start", "y=1"], 2);
    korean(&["minimize", "x*y", "--start", "x=1"], 2);
    korean(&["minimize", "x^2", "--start", "x=1", "--tol", "-1"], 2);
    korean(&["train", "xor", "--epochs", "0"], 2);
    korean(&["train", "xor", "--val", "1.5"], 2);
    korean(&["train", "xor", "--patience", "0"], 2);
    korean(&["train", "xor", "--compare-batch", "1,x"], 2);
    korean(&["train", "xor", "--compare", "sgd,adma"], 2);
    korean(&["train", "xor", "--compare", "adam,adam"], 2);
    korean(
        &["train", "xor", "--compare", "sgd,adam", "--save", "m.json"],
        2,
    );
    korean(
        &["train", "xor", "--compare", "sgd,adam", "--restore-best"],
        2,
    );
    korean(
        &[
            "train",
            "xor",
            "--compare",
            "sgd,adam",
            "--compare-batch",
            "1,4",
        ],
        2,
    );
    korean(
        &[
            "train",
            "--data",
            "builtin:iris",
            "--val",
            "0.2",
            "--compare",
            "sgd,momentum,adam",
            "--schedule",
            "cosine",
            "--epochs",
            "5",
        ],
        0,
    );
    korean(
        &["train", "xor", "--optimizer", "newton", "--batch-size", "2"],
        2,
    );
    korean(&["lesson", "99"], 2);
    korean(&["minimize", "ln(x)", "--start", "x=-1"], 2);
    korean(
        &["minimize", "1/x", "--start", "x=0", "--optimizer", "newton"],
        2,
    );
    korean(&["train", "xor", "--batch-size", "9"], 2);
    korean(&["net", "mazur", "--steps", "0"], 2);
    korean(&["net", "mazur", "--param", "w99"], 2);
    korean(&["train", "--data", "builtin:circle", "--noise", "2"], 2);
    korean(&["train", "--data", "builtin:circle", "--samples", "1"], 2);
    korean(&["diff", "x^2", "--at", "x"], 2);
    korean(&["diff", "x^2", "--at", "x=1,x=2"], 2);
    korean(&["diff", "x^2", "--at", "x=y"], 2);
    korean(&["diff", "x*y"], 2);
    korean(&["diff", "x*y", "--wrt", "z"], 2);
    korean(&["diff", "x*y", "--wrt", "pi"], 2);
    korean(&["check", "x*y", "--answer", "y", "--wrt", "x,y"], 2);
    korean(&["minimize", "x^2", "--start", "1x=2"], 2);
    korean(&["graph", "mazur", "--sample", "9"], 2);
    korean(&["graph", "mazur", "--at", "x=1"], 2);
    korean(&["graph", "x*y", "--at", "x=1"], 2);
    korean(&["diff", "--file", "/nonexistent/problems.txt"], 2);
    korean(&["train", "xor", "--hidden", "0"], 2);
    korean(&["train", "--data", "builtin:circle", "--targets", "y"], 2);
    korean(&["diff", "x^2", "--output", "/nonexistent/out.md"], 2);
}

#[test]
fn help_for_every_command() {
    korean(&["--help"], 0);
    for command in [
        "diff", "check", "net", "graph", "minimize", "train", "epochs", "lesson",
    ] {
        korean(&[command, "--help"], 0);
    }
}

#[test]
fn json_keeps_english_keys_and_writes_prose_in_korean() {
    let net = korean(&["net", "mazur", "--format", "json"], 0);
    assert!(net.contains("\"optimizer\": \"경사 하강법(SGD)\""), "{net}");
    let minimize = korean(
        &[
            "minimize", "x^2", "--start", "x=1", "--lr", "1.5", "--format", "json",
        ],
        1,
    );
    assert!(
        minimize.contains("\"diverged_reason\": \"f = "),
        "{minimize}"
    );
    assert!(minimize.contains("10¹²배보다 커졌습니다"), "{minimize}");
    let english = stepgrad(&["net", "mazur", "--format", "json"]);
    assert!(english
        .stdout
        .contains("\"optimizer\": \"Gradient descent (SGD)\""));
}

#[test]
fn a_long_run_in_csv_says_in_korean_which_steps_it_lists() {
    let out = stepgrad(&[
        "minimize", "x^2", "--start", "x=1", "--steps", "1000000", "--lr", "1e-9", "--format",
        "csv", "--lang", "ko",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr.starts_with("참고: CSV에는 보관한 스텝만"),
        "{}",
        out.stderr
    );
}

#[test]
fn net_check_in_korean() {
    let sheet = "examples/mazur-answers.toml";
    for format in ["text", "markdown", "latex"] {
        korean(&["net", "mazur", "--check", sheet, "--format", format], 1);
    }
    let json = korean(&["net", "mazur", "--check", sheet, "--format", "json"], 1);
    assert!(
        json.contains("\"message\": \"연쇄 법칙에서 ∂out/∂net(σ′) 인수가 빠졌습니다\""),
        "{json}"
    );
    let dir = std::env::temp_dir().join(format!("stepgrad-ko-check-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let write = |name: &str, text: &str| {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        path.display().to_string()
    };
    // Every kind of verdict: carried, a path missing, several fit, cut,
    // no diagnosis.
    let verdicts = write(
        "verdicts.toml",
        "out_o1 = 0.7531\n\"dE_total/dout_o1\" = 0.7431\n\"dE_total/dout_h1\" = 0.055399\n\
         out_h1 = 0.5932\nout_h2 = 0.61\n",
    );
    let text = korean(&["net", "mazur", "--check", &verdicts], 1);
    for words in [
        "앞 값에서 이어짐",
        "틀리게 적은 out_o1에서 바르게 이어진 값입니다",
        "delta_o2·w7 빠짐",
        "delta_o2·w7이 빠졌습니다",
        "버림",
        "진단 없음",
        "항목 5개 가운데 0개가 맞았습니다.",
    ] {
        assert!(text.contains(words), "{words:?} not in\n{text}");
    }
    let several = write("several.toml", "new_w5 = 0.317833\n");
    let text = korean(&["net", "mazur", "--check", &several], 1);
    assert!(text.contains("여럿 해당"), "{text}");
    let json = korean(
        &["net", "mazur", "--check", &several, "--format", "json"],
        1,
    );
    assert!(
        json.contains("\"message\": \"실수 여러 가지(η 빠뜨림; ½ 빠뜨림)에 들어맞아서 어느 것인지 말하지 않습니다\""),
        "{json}"
    );
    let unknown = write("unknown.toml", "delta_01 = 0.1385\n");
    let said = korean(&["net", "mazur", "--check", &unknown], 2);
    assert!(
        said.contains("delta_01은 이 신경망의 양이 아닙니다"),
        "{said}"
    );
    assert!(said.contains("delta_o1을 쓰려던 것인가요?"), "{said}");
    let not_number = write("text.toml", "out_h1 = \"0.5933\"\n");
    let said = korean(&["net", "mazur", "--check", &not_number], 2);
    assert!(said.contains("수가 아닙니다"), "{said}");
    assert!(said.contains("힌트: 값을 소수로 쓰세요"), "{said}");
    let broken = write("broken.toml", "out_h1 = 0.5933\ndE_total/dw5 = 0.0822\n");
    let said = korean(&["net", "mazur", "--check", &broken], 2);
    assert!(said.contains("broken.toml:2:"), "{said}");
    assert!(said.contains("빗금이 있으면 따옴표로 감싸세요"), "{said}");
    korean(&["net", "mazur", "--check", sheet, "--format", "csv"], 2);
    korean(&["net", "--help"], 0);
}

#[test]
fn practice_sheets_and_their_mistakes() {
    for level in ["1", "2", "3"] {
        let sheet = korean(&["practice", "--count", "6", "--level", level], 0);
        assert!(
            sheet.contains("연습 문제지") && sheet.contains("정답"),
            "{sheet}"
        );
    }
    korean(
        &[
            "practice", "backprop", "--level", "3", "--format", "markdown",
        ],
        0,
    );
    korean(
        &["practice", "epochs", "--level", "3", "--format", "latex"],
        0,
    );
    let refused = korean(&["practice", "derivatve"], 2);
    assert!(
        refused.contains("'derivative'") && refused.contains("뜻했나요?"),
        "{refused}"
    );
    korean(&["practice", "--count", "0"], 2);
    korean(&["practice", "--level", "4"], 2);
    korean(&["practice", "--interactive"], 2);
}
