//! What every command prints, in every format, pinned as snapshots.
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

fn snapshot_formats(name: &str, args: &[&str], formats: &[&str]) {
    for format in formats {
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

const NET_FORMATS: [&str; 5] = ["text", "markdown", "latex", "json", "csv"];

#[test]
fn net_mazur() {
    snapshot_formats(
        "net_mazur",
        &["net", "mazur", "--show", "all"],
        &NET_FORMATS,
    );
}

#[test]
fn net_softmax3() {
    snapshot_formats(
        "net_softmax3",
        &["net", "softmax3", "--show", "all"],
        &NET_FORMATS,
    );
}

#[test]
fn net_long_run_and_param_derivation() {
    snapshot_formats(
        "net_mazur_steps",
        &["net", "mazur", "--steps", "10000", "--show", "update"],
        &["text"],
    );
    snapshot_formats(
        "net_mazur_param",
        &["net", "mazur", "--param", "w1", "--show", "backward"],
        &["text"],
    );
    snapshot_formats("net_xor", &["net", "xor", "--steps", "3"], &["text"]);
}

#[test]
fn graphs() {
    let apples = [
        "graph",
        "(apple*apple_count + orange*orange_count)*tax",
        "--at",
        "apple=100,apple_count=2,orange=150,orange_count=3,tax=1.1",
    ];
    snapshot_formats("graph_apples", &apples, &["text", "dot", "json"]);
    snapshot_formats("graph_mazur", &["graph", "mazur"], &["text", "dot", "json"]);
}

#[test]
fn minimize_each_optimizer() {
    let f = "(x - 1)^2 + 3*(y + 0.5)^2";
    let cases: [(&str, &[&str]); 10] = [
        ("sgd", &["--optimizer", "sgd", "--lr", "0.1"]),
        ("momentum", &["--optimizer", "momentum", "--lr", "0.05"]),
        ("nesterov", &["--optimizer", "nesterov", "--lr", "0.05"]),
        ("adagrad", &["--optimizer", "adagrad", "--lr", "0.5"]),
        ("rmsprop", &["--optimizer", "rmsprop", "--lr", "0.1"]),
        (
            "rmsprop_centered",
            &[
                "--optimizer",
                "rmsprop",
                "--lr",
                "0.05",
                "--centered",
                "--momentum",
                "0.5",
            ],
        ),
        ("adam", &["--optimizer", "adam", "--lr", "0.3"]),
        (
            "adamw",
            &[
                "--optimizer",
                "adamw",
                "--lr",
                "0.3",
                "--weight-decay",
                "0.1",
            ],
        ),
        ("newton", &["--optimizer", "newton"]),
        ("bfgs", &["--optimizer", "bfgs"]),
    ];
    for (name, options) in cases {
        let mut args = vec!["minimize", f, "--start", "x=-2,y=1", "--steps", "8"];
        args.extend_from_slice(options);
        snapshot_formats(&format!("minimize_{name}"), &args, &["text"]);
    }
    snapshot_formats(
        "minimize_compare",
        &[
            "minimize",
            "(1 - x)^2 + 100*(y - x^2)^2",
            "--start",
            "x=-1.2,y=1",
            "--compare",
            "sgd,momentum,rmsprop,adam,newton,bfgs",
            "--lr",
            "0.001",
            "--steps",
            "1000",
        ],
        &["text", "json"],
    );
    snapshot_formats(
        "minimize_newton_indefinite",
        &[
            "minimize",
            "x^4 - x^2 + y^2",
            "--start",
            "x=0.1,y=1",
            "--optimizer",
            "newton",
            "--line-search",
        ],
        &["text", "markdown", "latex", "csv"],
    );
}

#[test]
fn train_and_epochs() {
    snapshot_all_formats(
        "train_xor",
        &["train", "xor", "--epochs", "40", "--log-every", "10"],
    );
    snapshot_formats(
        "train_iris_minibatch",
        &[
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
        &["text", "csv"],
    );
    snapshot_formats(
        "train_diverged",
        &[
            "train",
            "--data",
            "builtin:line",
            "--lr",
            "10",
            "--optimizer",
            "sgd",
        ],
        &["text"],
    );
    snapshot_all_formats(
        "epochs_remainder",
        &[
            "epochs",
            "--samples",
            "1000",
            "--batch-size",
            "32",
            "--epochs",
            "100",
        ],
    );
    snapshot_formats(
        "epochs_drop_last",
        &[
            "epochs",
            "--samples",
            "1000",
            "--batch-size",
            "32",
            "--epochs",
            "100",
            "--drop-last",
        ],
        &["text"],
    );
}

#[test]
fn notes_for_every_command() {
    snapshot_formats(
        "graph_apples",
        &[
            "graph",
            "apple*count*tax",
            "--at",
            "apple=100,count=2,tax=1.1",
        ],
        &["markdown", "latex"],
    );
    snapshot_formats("graph_mazur", &["graph", "mazur"], &["markdown", "latex"]);
    snapshot_formats(
        "diff_product_standalone",
        &["diff", "x^2*sin(x)", "--standalone"],
        &["latex"],
    );
    snapshot_formats(
        "net_mazur_standalone",
        &["net", "mazur", "--standalone"],
        &["latex"],
    );
    snapshot_formats(
        "diff_prime",
        &["diff", "x^2*sin(x)", "--at", "x=1.5", "--notation", "prime"],
        &["text", "markdown", "latex"],
    );
    snapshot_formats(
        "check_prime",
        &[
            "check",
            "sin(3*x)",
            "--answer",
            "cos(3*x)",
            "--notation",
            "prime",
        ],
        &["text", "markdown", "latex"],
    );
    snapshot_formats(
        "minimize_rmsprop_notes",
        &[
            "minimize",
            "x^2 + 25*y^2",
            "--start",
            "x=-4,y=1",
            "--optimizer",
            "rmsprop",
            "--lr",
            "0.05",
            "--steps",
            "4",
        ],
        &["markdown", "latex"],
    );
}
