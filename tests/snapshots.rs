//! What `diff` and `check` print, in every format, pinned as snapshots.
//! A change to any output shows up here as a reviewable diff.

mod common;

use common::stepgrad;

const FORMATS: [&str; 4] = ["text", "markdown", "latex", "json"];

fn snapshot_all_formats(name: &str, args: &[&str]) {
    for format in FORMATS {
        let mut all = args.to_vec();
        all.extend(["--format", format, "--color", "never"]);
        let out = stepgrad(&all);
        let text = format!(
            "exit code: {}\n--- stdout\n{}--- stderr\n{}",
            out.code, out.stdout, out.stderr
        );
        insta::assert_snapshot!(format!("{name}_{format}"), text);
    }
}

#[test]
fn diff_product() {
    snapshot_all_formats("diff_product", &["diff", "x^2*sin(x)", "--at", "x=1.5"]);
}

#[test]
fn diff_neuron_loss() {
    snapshot_all_formats(
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
}

#[test]
fn diff_gradient_and_hessian() {
    snapshot_all_formats(
        "diff_hessian",
        &["diff", "x^2*y + y^3", "--hessian", "--at", "x=1.5,y=-0.5"],
    );
}

#[test]
fn diff_quotient_and_general_power() {
    snapshot_all_formats("diff_quotient", &["diff", "sin(x)/x"]);
    snapshot_all_formats("diff_general_power", &["diff", "x^x", "--at", "x=2"]);
}

#[test]
fn check_wrong_and_right() {
    snapshot_all_formats(
        "check_wrong",
        &["check", "sin(3*x)", "--answer", "cos(3*x)"],
    );
    snapshot_all_formats(
        "check_right",
        &["check", "sin(3*x)", "--answer", "3*cos(3*x)"],
    );
    snapshot_all_formats(
        "check_numeric",
        &["check", "x^2*sin(x)", "--answer", "x*(x*cos(x) + 2*sin(x))"],
    );
}
