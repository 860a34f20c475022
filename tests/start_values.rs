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
const UNDEFINED_STARTS: [(&str, &str, &[&str]); 7] = [
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
            "cannot start at x = 1e+200",
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
