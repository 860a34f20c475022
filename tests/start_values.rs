//! Values without a finite value at the start are input errors; values that
//! stop being finite during the steps are divergences.
//!
//! A start where f, ∇f or (for Newton's method) the Hessian is undefined or
//! overflows, and a network whose first forward pass, loss or gradient
//! overflows with its starting weights, are refused with exit code 2 and a
//! message naming the value, the subexpression and the point — for every
//! optimizer and every format, with nothing written. Once a step has been
//! taken, a value that is not finite is a divergence: exit code 1, with the
//! report of the steps so far.

mod common;

use common::stepgrad;
use std::path::Path;

const OPTIMIZERS: [&str; 9] = [
    "sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "adamw", "newton", "bfgs",
];
const FORMATS: [&str; 5] = ["text", "markdown", "latex", "json", "csv"];

/// A scratch folder of its own for each test.
fn scratch(name: &str) -> std::path::PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("start_values_{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn no_panic(stderr: &str) {
    assert!(
        !stderr.contains("panicked") && !stderr.contains("RUST_BACKTRACE"),
        "{stderr}"
    );
}

/// (function, start, what the message must name): f undefined, f
/// overflowing, the gradient undefined, at the points of issue 12 and more.
const UNDEFINED_STARTS: [(&str, &str, &[&str]); 8] = [
    (
        "ln(x)",
        "x=0",
        &[
            "cannot start at x = 0",
            "f is undefined",
            "ln(x) is undefined here",
            "x is 0",
        ],
    ),
    (
        "1/x",
        "x=0",
        &[
            "cannot start at x = 0",
            "f is undefined",
            "the denominator x is 0",
        ],
    ),
    (
        "exp(x)",
        "x=800",
        &[
            "cannot start at x = 800",
            "f overflows",
            "exp(x) is too large",
        ],
    ),
    (
        "x^2",
        "x=1e200",
        &[
            "cannot start at x = 1e200",
            "f overflows",
            "x² is too large",
        ],
    ),
    (
        "sqrt(x)",
        "x=0",
        &[
            "cannot start at x = 0",
            "∂f/∂x is undefined",
            "the denominator 2·√x is 0",
        ],
    ),
    (
        "ln(x)",
        "x=1e-310",
        &[
            "cannot start at x = 1e-310",
            "∂f/∂x overflows",
            "1/x is too large",
        ],
    ),
    (
        "x*y + ln(y)",
        "x=1,y=-2",
        &["cannot start at x = 1, y = -2", "f is undefined", "ln(y)"],
    ),
    (
        "x^2 + exp(y^2)",
        "x=1,y=40",
        &["cannot start at x = 1, y = 40", "f overflows"],
    ),
];

#[test]
fn an_undefined_start_is_an_input_error_for_every_optimizer_and_format() {
    let dir = scratch("undefined");
    for (function, start, says) in UNDEFINED_STARTS {
        for optimizer in OPTIMIZERS {
            for format in FORMATS {
                let plot = dir.join("run.svg");
                let output = dir.join(format!(
                    "run.{}",
                    if format == "text" { "txt" } else { "out" }
                ));
                let plot_arg = plot.display().to_string();
                let output_arg = output.display().to_string();
                let mut args = vec![
                    "minimize",
                    function,
                    "--start",
                    start,
                    "--optimizer",
                    optimizer,
                    "--format",
                    format,
                    "--output",
                    &output_arg,
                ];
                args.extend(["--plot", &plot_arg]);
                let out = stepgrad(&args);
                let case = format!("{function} at {start}, {optimizer}, {format}");
                assert_eq!(out.code, 2, "{case}: {}{}", out.stdout, out.stderr);
                no_panic(&out.stderr);
                assert!(out.stdout.is_empty(), "{case}: {}", out.stdout);
                for fragment in says {
                    assert!(
                        out.stderr.contains(fragment),
                        "{case}: {fragment:?} in {}",
                        out.stderr
                    );
                }
                assert!(
                    out.stderr.contains("hint: start where f"),
                    "{case}: {}",
                    out.stderr
                );
                assert!(
                    !out.stderr.contains("learning rate"),
                    "{case}: {}",
                    out.stderr
                );
                assert!(!out.stderr.contains("diverged"), "{case}: {}", out.stderr);
                assert!(!plot.exists(), "{case}: the plot was written");
                assert!(!output.exists(), "{case}: the output was written");
            }
        }
    }
}

#[test]
fn an_undefined_start_is_refused_in_a_race_too() {
    let out = stepgrad(&[
        "minimize",
        "ln(x)",
        "--start",
        "x=0",
        "--compare",
        "sgd,adam,bfgs",
    ]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    no_panic(&out.stderr);
    assert!(
        out.stderr
            .contains("minimize cannot start at x = 0: f is undefined"),
        "{}",
        out.stderr
    );
}

/// f and ∇f are defined at x = 0 but ∂²f/∂x² = 0.75·x^−0.5 is not: Newton's
/// method cannot start there, the other methods can.
#[test]
fn a_hessian_undefined_at_the_start_stops_newton_alone() {
    for format in FORMATS {
        let out = stepgrad(&[
            "minimize",
            "x^1.5 + x",
            "--start",
            "x=0",
            "--optimizer",
            "newton",
            "--format",
            format,
        ]);
        assert_eq!(out.code, 2, "{format}: {}", out.stderr);
        no_panic(&out.stderr);
        assert!(
            out.stderr
                .contains("Newton's method cannot start at x = 0: ∂²f/∂x² is undefined"),
            "{}",
            out.stderr
        );
        assert!(
            out.stderr.contains("its Hessian have finite values"),
            "{}",
            out.stderr
        );
    }
    let out = stepgrad(&[
        "minimize",
        "x^1.5 + x",
        "--start",
        "x=0",
        "--compare",
        "sgd,newton",
    ]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.contains("Newton's method cannot start"),
        "{}",
        out.stderr
    );
    // Without Newton's method the start is a fine one: f = 0, f′ = 1.
    let out = stepgrad(&[
        "minimize",
        "x^1.5 + x",
        "--start",
        "x=0",
        "--optimizer",
        "sgd",
        "--steps",
        "1",
    ]);
    no_panic(&out.stderr);
    assert_ne!(out.code, 2, "{}", out.stderr);
    // The Hessian checked at the start is the one the first step uses: it
    // is evaluated once, as before.
    let out = stepgrad(&[
        "minimize",
        "x^4 + y^2",
        "--start",
        "x=1,y=1",
        "--optimizer",
        "newton",
        "--steps",
        "1",
        "--format",
        "json",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(v["evaluations"]["hessian"], 1, "{}", out.stdout);
}

/// f = ln(x) + exp(x²) from x = 1.5 with a learning rate of 1 leaves the
/// domain (or overflows) after the start: each method diverges, and the
/// report of the steps so far is printed.
#[test]
fn leaving_the_domain_during_the_steps_is_a_divergence_with_the_report() {
    for optimizer in OPTIMIZERS {
        for format in FORMATS {
            let mut args = vec![
                "minimize",
                "ln(x) + exp(x^2)",
                "--start",
                "x=1.5",
                "--optimizer",
                optimizer,
                "--format",
                format,
            ];
            if !matches!(optimizer, "newton" | "bfgs") {
                args.extend(["--lr", "1"]);
            }
            let out = stepgrad(&args);
            let case = format!("{optimizer}, {format}");
            assert_eq!(out.code, 1, "{case}: {}{}", out.stdout, out.stderr);
            no_panic(&out.stderr);
            assert!(
                out.stderr.contains("diverged at step"),
                "{case}: {}",
                out.stderr
            );
            assert!(!out.stdout.is_empty(), "{case}: no report");
            match format {
                "json" => {
                    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
                    assert_eq!(v["stopped"], "diverged", "{case}");
                    assert_eq!(v["steps"][0]["point"]["x"], 1.5, "{case}");
                }
                "csv" => assert!(
                    out.stdout.starts_with("optimizer,step,"),
                    "{case}: {}",
                    out.stdout
                ),
                _ => assert!(
                    out.stdout.contains("Diverged at step"),
                    "{case}: {}",
                    out.stdout
                ),
            }
        }
    }
}

/// In a race, a method that diverges is a row of the table; the race
/// itself is reported whole (exit 0).
#[test]
fn a_race_reports_a_diverging_method_among_the_others() {
    let out = stepgrad(&[
        "minimize",
        "ln(x) + x^2",
        "--start",
        "x=1",
        "--lr",
        "2",
        "--compare",
        "sgd,adam,newton,bfgs",
        "--format",
        "json",
    ]);
    no_panic(&out.stderr);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let runs = v["runs"].as_array().unwrap();
    assert_eq!(runs.len(), 4);
    assert_eq!(runs[0]["stopped"], "diverged", "{}", out.stdout);
}

/// A 2-2-1 network with identity activations and the half_sse loss:
/// `weights` and `inputs` (two samples) given per case.
fn identity_net(weights: &str, inputs: &str) -> String {
    format!(
        "layers = [2, 2, 1]\nactivation = \"identity\"\nloss = \"half_sse\"\n{weights}\nbiases = [[0.35, 0.35], [0.6]]\ninputs = {inputs}\ntargets = [[0.01], [0.5]]\n"
    )
}

/// (case, spec text, fragments of the message, the marker the location
/// points at).
fn overflowing_specs() -> Vec<(&'static str, String, Vec<&'static str>, &'static str)> {
    vec![
        (
            "explicit weights",
            identity_net(
                "weights = [[[1e300, 0.2], [0.25, 0.3]], [[0.4, 0.45]]]",
                "[[0, 0.1], [1e10, 0.1]]",
            ),
            vec![
                "out_h1 overflows with the starting parameters, on sample 2",
                "w1·i1 is too large for a 64-bit float",
                "w1 = 1e+300",
                "i1 = 1e+10",
            ],
            "weights",
        ),
        (
            "an init range",
            "layers = [2, 2, 2]\nactivation = \"identity\"\ninit = \"uniform(-1e200, 1e200)\"\ninputs = [[0.05, 0.1]]\ntargets = [[0.01, 0.99]]\n"
                .to_string(),
            vec!["overflows with the starting parameters, on sample 1", "is too large for a 64-bit float"],
            "init",
        ),
        (
            "the sum over the samples",
            "layers = [1, 1]\nactivation = \"identity\"\nloss = \"half_sse\"\nweights = [[[1.3e154]]]\nbiases = [[0]]\ninputs = [[1], [1], [1]]\ntargets = [[0], [0], [0]]\n"
                .to_string(),
            vec!["E_total overflows with the starting parameters: each sample's value is finite, but over the samples they add up to inf"],
            "weights",
        ),
    ]
}

/// `net`, `train` and `graph` refuse a spec whose starting weights make a
/// value overflow: exit 2, the value named, at the spec's line, nothing
/// written; never "the learning rate is too large".
#[test]
fn overflowing_starting_weights_are_an_input_error_in_net_train_and_graph() {
    let dir = scratch("weights");
    for (case, text, says, marker) in overflowing_specs() {
        let spec = dir.join("spec.toml");
        std::fs::write(&spec, &text).unwrap();
        let spec_arg = spec.display().to_string();
        let line = text.lines().position(|l| l.starts_with(marker)).unwrap() + 1;
        let located = format!("{spec_arg}:{line}:");
        let plot = dir.join("out.svg").display().to_string();
        let save = dir.join("saved.json").display().to_string();
        let output = dir.join("report.md").display().to_string();
        let commands: Vec<Vec<&str>> = vec![
            vec!["net", &spec_arg, "--plot", &plot, "--output", &output],
            vec!["net", &spec_arg, "--optimizer", "adam", "--format", "json"],
            vec!["net", &spec_arg, "--optimizer", "bfgs"],
            vec![
                "train", &spec_arg, "--epochs", "3", "--save", &save, "--plot", &plot,
            ],
            vec![
                "train", &spec_arg, "--epochs", "3", "--format", "json", "--output", &output,
            ],
            vec!["train", &spec_arg, "--optimizer", "newton", "--epochs", "2"],
        ];
        for args in commands {
            let out = stepgrad(&args);
            let what = format!("{case}: {args:?}");
            assert_eq!(out.code, 2, "{what}: {}{}", out.stdout, out.stderr);
            no_panic(&out.stderr);
            assert!(out.stdout.is_empty(), "{what}: {}", out.stdout);
            for fragment in &says {
                assert!(
                    out.stderr.contains(fragment),
                    "{what}: {fragment:?} in {}",
                    out.stderr
                );
            }
            assert!(
                out.stderr.contains(&located),
                "{what}: {located} in {}",
                out.stderr
            );
            assert!(
                out.stderr.contains("hint: every value must stay finite"),
                "{what}"
            );
            assert!(
                !out.stderr.contains("learning rate"),
                "{what}: {}",
                out.stderr
            );
            for file in ["out.svg", "saved.json", "report.md"] {
                assert!(!dir.join(file).exists(), "{what}: {file} was written");
            }
        }
        // graph shows one sample: the one that overflows.
        let sample = if case == "explicit weights" { "2" } else { "1" };
        let out = stepgrad(&["graph", &spec_arg, "--sample", sample]);
        if case == "the sum over the samples" {
            // One sample alone is finite: its graph is drawn.
            assert_eq!(out.code, 0, "{case}: {}", out.stderr);
            continue;
        }
        assert_eq!(out.code, 2, "{case}: graph: {}", out.stderr);
        assert!(
            out.stderr.contains(says[0]),
            "{case}: graph: {}",
            out.stderr
        );
        assert!(
            out.stderr.contains(&located),
            "{case}: graph: {}",
            out.stderr
        );
    }
}

/// Explicit weights of 10 on inputs of 1e308: the data, not the spec's
/// weights, overflow — named with both values.
#[test]
fn data_that_overflow_with_the_starting_weights_are_named() {
    let dir = scratch("data");
    let spec = dir.join("spec.toml");
    std::fs::write(
        &spec,
        "layers = [2, 1]\nactivation = \"identity\"\nloss = \"mse\"\nweights = [[[10, 0]]]\nbiases = [[0]]\n",
    )
    .unwrap();
    let data = dir.join("d.csv");
    std::fs::write(&data, "a,b,y\n0,1,1\n1,1,0\n1e308,0,1\n0,0,0\n").unwrap();
    let out = stepgrad(&[
        "train",
        &spec.display().to_string(),
        "--data",
        &data.display().to_string(),
        "--targets",
        "y",
        "--no-shuffle",
    ]);
    assert_eq!(out.code, 2, "{}{}", out.stdout, out.stderr);
    assert!(
        out.stderr
            .contains("overflows with the starting parameters, on sample 3"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("= 1e+308"), "{}", out.stderr);
    // Held out for validation, the sample is named as a validation sample.
    let out = stepgrad(&[
        "train",
        &spec.display().to_string(),
        "--data",
        &data.display().to_string(),
        "--targets",
        "y",
        "--val",
        "0.5",
        "--seed",
        "1",
    ]);
    assert_eq!(out.code, 2, "{}{}", out.stdout, out.stderr);
    assert!(
        out.stderr.contains("with the starting parameters, on "),
        "{}",
        out.stderr
    );
}

#[test]
fn an_init_range_wider_than_a_float_is_refused_at_its_line() {
    let dir = scratch("init");
    let spec = dir.join("spec.toml");
    std::fs::write(
        &spec,
        "layers = [2, 2, 2]\nactivation = \"sigmoid\"\ninit = \"uniform(-1e308, 1e308)\"\ninputs = [[0.05, 0.1]]\ntargets = [[0.01, 0.99]]\n",
    )
    .unwrap();
    let spec_arg = spec.display().to_string();
    for command in ["net", "train", "graph"] {
        let out = stepgrad(&[command, &spec_arg]);
        assert_eq!(out.code, 2, "{command}: {}", out.stderr);
        no_panic(&out.stderr);
        assert!(
            out.stderr.contains("'uniform(-1e308, 1e308)' is too wide: its width b − a = inf exceeds the largest 64-bit float"),
            "{command}: {}",
            out.stderr
        );
        assert!(
            out.stderr.contains(&format!("{spec_arg}:3:8")),
            "{}",
            out.stderr
        );
        assert!(
            out.stderr.contains("hint: draw from a narrower range"),
            "{}",
            out.stderr
        );
    }
}

/// Weights that overflow only after updates with a large learning rate are
/// a divergence (exit 1), with the report of the epochs so far for train.
#[test]
fn overflow_after_updates_is_a_divergence() {
    let dir = scratch("diverge");
    let spec = dir.join("spec.toml");
    std::fs::write(
        &spec,
        identity_net(
            "weights = [[[0.15, 0.2], [0.25, 0.3]], [[0.4, 0.45]]]",
            "[[0.05, 0.1], [3, 4]]",
        ),
    )
    .unwrap();
    let spec_arg = spec.display().to_string();
    let out = stepgrad(&[
        "train",
        &spec_arg,
        "--lr",
        "10",
        "--epochs",
        "500",
        "--optimizer",
        "sgd",
    ]);
    no_panic(&out.stderr);
    assert_eq!(out.code, 1, "{}{}", out.stdout, out.stderr);
    assert!(
        out.stderr.contains("training diverged at epoch"),
        "{}",
        out.stderr
    );
    assert!(out.stdout.contains("Diverged at epoch"), "{}", out.stdout);
    let out = stepgrad(&[
        "net",
        &spec_arg,
        "--lr",
        "10",
        "--steps",
        "500",
        "--optimizer",
        "sgd",
    ]);
    no_panic(&out.stderr);
    assert_eq!(out.code, 1, "{}{}", out.stdout, out.stderr);
    assert!(
        out.stderr.contains("training diverged at step"),
        "{}",
        out.stderr
    );
}

/// Weights near the largest float are finite: the run goes on, and the
/// network's picture scales its lines by |w| / max |w| without overflow.
#[test]
fn weights_near_the_largest_float_are_drawn() {
    let dir = scratch("drawn");
    let spec = dir.join("spec.toml");
    std::fs::write(
        &spec,
        "layers = [2, 2, 2]\nactivation = \"sigmoid\"\nweights = [[[0.15, 0.2], [0.25, 0.3]], [[1e308, 0.45], [0.5, 0.55]]]\nbiases = [[0.35, 0.35], [0.6, 0.6]]\ninputs = [[0.05, 0.1]]\ntargets = [[0.01, 0.99]]\n",
    )
    .unwrap();
    let plot = dir.join("net.svg");
    let out = stepgrad(&[
        "net",
        &spec.display().to_string(),
        "--plot",
        &plot.display().to_string(),
    ]);
    no_panic(&out.stderr);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(std::fs::read_to_string(&plot).unwrap().contains("<svg"));
}
