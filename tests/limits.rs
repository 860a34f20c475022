//! The limits of docs/limits.md, each refused up front with the limit in
//! the message, and Ctrl-C, which stops a long run at its next step with
//! the report of the steps so far.

mod common;

use common::stepgrad;
use std::process::{Command, Stdio};

fn refused(args: &[&str], fragments: &[&str]) {
    let out = stepgrad(args);
    let args: Vec<String> = args.iter().map(|a| a.chars().take(60).collect()).collect();
    assert_eq!(out.code, 2, "{args:?}: {}{}", out.stdout, out.stderr);
    assert!(out.stdout.is_empty());
    for fragment in fragments {
        assert!(
            out.stderr.contains(fragment),
            "{args:?}: expected '{fragment}' in\n{}",
            out.stderr
        );
    }
    assert!(out.stderr.contains("hint:"), "{args:?}: {}", out.stderr);
    assert!(!out.stderr.contains("panicked"));
}

#[test]
fn expressions() {
    let long = "x+".repeat(5_000) + "x";
    refused(
        &["diff", &long],
        &["10001 characters", "the limit is 10000"],
    );
    let deep = "(".repeat(101) + "x" + &")".repeat(101);
    refused(&["diff", &deep], &["100"]);
    // x^x^…^x nests to the right without a parenthesis.
    let nested = "x".to_string() + &"^x".repeat(300);
    refused(&["diff", &nested], &["250"]);
}

#[test]
fn networks_data_steps_and_epochs() {
    refused(
        &["train", "--data", "builtin:iris", "--hidden", "10000,30"],
        &["350,123 weights and biases", "at most 250,000"],
    );
    refused(
        &["train", "--data", "builtin:circle", "--samples", "2000000"],
        &["--samples 2000000", "1,000,000"],
    );
    refused(&["train", "xor", "--epochs", "1000001"], &["1,000,000"]);
    refused(
        &["minimize", "x^2", "--start", "x=1", "--steps", "1000001"],
        &["1,000,000"],
    );
    refused(&["net", "mazur", "--steps", "1000001"], &["1,000,000"]);
    let dir = std::env::temp_dir().join(format!("stepgrad-limits-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let wide = dir.join("wide.toml");
    std::fs::write(&wide, "layers = [20000, 1]\n").unwrap();
    refused(
        &["net", wide.to_str().unwrap()],
        &["a layer of 20000 neurons", "10,000"],
    );
    let big = dir.join("big.toml");
    let zeros = vec!["0"; 100].join(", ");
    std::fs::write(
        &big,
        format!(
            "layers = [100, 100]\ninit = \"xavier\"\ninputs = [[{zeros}]]\ntargets = [[{zeros}]]\n"
        ),
    )
    .unwrap();
    refused(
        &["net", big.to_str().unwrap()],
        &[
            "10,100 weights and biases",
            "at most 5,000",
            "stepgrad train",
        ],
    );
    refused(&["graph", big.to_str().unwrap()], &["at most 5,000"]);
    // The same network is within what train takes.
    let out = stepgrad(&[
        "train",
        big.to_str().unwrap(),
        "--epochs",
        "1",
        "--format",
        "json",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
}

/// Runs the binary, sends it SIGINT after `delay`, and returns (exit code,
/// stdout, stderr).
fn interrupted(args: &[&str], delay: std::time::Duration) -> (i32, String, String) {
    let child = Command::new(env!("CARGO_BIN_EXE_stepgrad"))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    std::thread::sleep(delay);
    let status = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(status.success());
    let output = child.wait_with_output().unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn ctrl_c_stops_a_long_run_and_keeps_its_report() {
    let delay = std::time::Duration::from_millis(1500);
    let (code, stdout, stderr) = interrupted(
        &[
            "train",
            "--data",
            "builtin:spiral",
            "--samples",
            "2000",
            "--hidden",
            "32,32",
            "--batch-size",
            "4",
            "--epochs",
            "100000",
        ],
        delay,
    );
    assert_eq!(code, 130, "{stdout}{stderr}");
    // Between two batches, or while the epoch's end is evaluated.
    let text = stdout.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        text.contains("Interrupted (Ctrl-C) during epoch")
            || text.contains(
                "Interrupted (Ctrl-C) while the network was evaluated at the end of epoch"
            ),
        "{stdout}"
    );
    assert!(
        stdout.contains("│ 0 "),
        "the epochs table so far is printed:\n{stdout}"
    );
    assert!(stderr.contains("interrupted (Ctrl-C)"), "{stderr}");

    let (code, stdout, _) = interrupted(
        &[
            "minimize",
            "x^2 + y^2",
            "--start",
            "x=1,y=1",
            "--lr",
            "1e-12",
            "--steps",
            "1000000",
            "--format",
            "json",
        ],
        delay,
    );
    assert_eq!(code, 130);
    let v: serde_json::Value = serde_json::from_str(&stdout).expect("whole JSON despite Ctrl-C");
    assert_eq!(v["stopped"], "interrupted");
    assert!(v["iterations"].as_u64().unwrap() > 0);
}

fn joined(count: usize, item: impl Fn(usize) -> String, separator: &str) -> String {
    (1..=count).map(item).collect::<Vec<_>>().join(separator)
}

#[test]
fn symbolic_hessians_and_second_order_methods() {
    // Refused from the estimate, before any second derivative is built:
    // the message gives the estimate, which only the estimate knows.
    let product = joined(400, |k| format!("x{k}"), "*");
    refused(
        &["diff", &product, "--hessian"],
        &["80,200 distinct second derivatives", "limit of 4,000,000"],
    );
    // Asking for fewer variables is within the limit, as the hint says.
    let out = stepgrad(&[
        "diff",
        &product,
        "--hessian",
        "--wrt",
        "x1,x2",
        "--no-steps",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    // One variable passes the estimate, but the second derivative of a
    // product of 200 factors in x has about 200³ factors: building stops
    // at the limit.
    let in_x = joined(200, |k| format!("sin(x+{k})"), "*");
    refused(
        &["diff", &in_x, "--hessian"],
        &["grew past the limit of size 4,000,000", "(0 of 1 done)"],
    );
    let squares = joined(61, |k| format!("x{k}^2"), "+");
    let start = joined(61, |k| format!("x{k}=1"), ",");
    refused(
        &[
            "minimize",
            &squares,
            "--start",
            &start,
            "--optimizer",
            "newton",
        ],
        &["61×61 Hessian", "at most 60"],
    );
    // BFGS takes them.
    let out = stepgrad(&[
        "minimize",
        &squares,
        "--start",
        &start,
        "--optimizer",
        "bfgs",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    refused(
        &[
            "train",
            "--data",
            "builtin:iris",
            "--hidden",
            "500",
            "--optimizer",
            "bfgs",
        ],
        &["4,003×4,003 matrix", "at most 2,000"],
    );
}

/// A spec of `hidden` hidden layers of two sigmoid neurons between two
/// inputs and one output, written into `dir`.
fn narrow_net(dir: &std::path::Path, hidden: usize) -> String {
    let layers = std::iter::once("2".to_string())
        .chain(std::iter::repeat_n("2".to_string(), hidden))
        .chain(std::iter::once("1".to_string()))
        .collect::<Vec<_>>()
        .join(", ");
    let path = dir.join(format!("narrow{hidden}.toml"));
    std::fs::write(
        &path,
        format!("layers = [{layers}]\ninit = \"xavier\"\ninputs = [[0.5, 0.1]]\ntargets = [[1]]\n"),
    )
    .unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn an_expanded_derivation_beyond_its_limit_shows_the_shared_form() {
    let dir = std::env::temp_dir().join(format!("stepgrad-limits-param-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // w1_1_1 feeds h1_1 only; from there every one of the 15 further
    // hidden layers of two neurons doubles the paths to the one output:
    // 2¹⁵ products, counted here by hand, not by stepgrad.
    let deep = narrow_net(&dir, 16);
    let out = stepgrad(&["net", &deep, "--param", "w1_1_1", "--show", "update"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let text = out.stdout.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        text.contains("∂E_total/∂w1_1_1 is a sum of 32,768 products")
            && text.contains("at most 256 such products"),
        "{text}"
    );
    // The shared form: the chain of three factors, the first a sum over
    // the two δs of the next layer.
    assert!(
        text.contains("∂E_total/∂w1_1_1 = ∂E_total/∂out_h1_1 · ∂out_h1_1/∂net_h1_1 · ∂net_h1_1/∂w1_1_1 = (δ_h2_1·w2_1_1 + δ_h2_2·w2_2_1)"),
        "{text}"
    );
    assert!(!text.contains("Chain rule"), "not written out");
    // 2⁸ = 256 products, the limit itself, are written out.
    let at_limit = narrow_net(&dir, 9);
    let out = stepgrad(&["net", &at_limit, "--param", "w1_1_1", "--show", "update"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains("(Chain rule)"),
        "{}",
        &out.stdout[..2000]
    );
    assert!(!out.stdout.contains("shared form"));
}

/// One epoch of a large full batch is one long computation: Ctrl-C is
/// heard inside it, between the parts of the batch, not only between
/// batches. The binary runs in a pseudo-terminal, so that its progress bar
/// says when an epoch has ended: the Ctrl-C typed then lands in the next
/// epoch's single batch, by construction rather than by timing.
#[test]
fn ctrl_c_stops_a_long_single_epoch_inside_it() {
    use rexpect::session::{spawn_with_options, Options};
    let mut command = Command::new(env!("CARGO_BIN_EXE_stepgrad"));
    command
        .args([
            "train",
            "--data",
            "builtin:circle",
            "--samples",
            "100000",
            "--hidden",
            "16,16",
            "--epochs",
            "1000",
        ])
        .env("NO_COLOR", "1")
        .env("TERM", "xterm");
    let mut session = spawn_with_options(
        command,
        Options::new()
            .timeout_ms(Some(120_000))
            .strip_ansi_escape_codes(true),
    )
    .expect("the binary starts in a pseudo-terminal");
    // The bar appears once the run has lasted a second, at the end of an
    // epoch; the next epoch is one batch of all 100,000 samples, which the
    // Ctrl-C typed now falls into.
    session.exp_regex(r"epoch [0-9]+/1000").unwrap();
    // A moment later the next epoch's samples are shuffled and its batch
    // has begun (it lasts longer than the evaluation that drew the bar,
    // over a second); Ctrl-C is typed at the terminal.
    std::thread::sleep(std::time::Duration::from_millis(300));
    session.send_control('c').unwrap();
    let rest = session.exp_eof().unwrap();
    let text = rest.split_whitespace().collect::<Vec<_>>().join(" ");
    // Inside the batch ("after 37,888 of the 100,000 samples of its
    // batch"), or, should the epochs outrun the bar, inside the evaluation
    // that ends an epoch: a stop between batches names no samples.
    assert!(
        text.contains("Interrupted (Ctrl-C)") && text.contains(" of the 100,000 samples"),
        "{text}"
    );
    let status = session.process_mut().wait().unwrap();
    assert!(
        matches!(status, rexpect::process::WaitStatus::Exited(_, 130)),
        "{status:?}"
    );
}

fn json_of(args: &[&str]) -> serde_json::Value {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    let out = stepgrad(&all);
    assert!(out.code == 0, "{args:?}: {}", out.stderr);
    serde_json::from_str(&out.stdout).expect("one JSON document")
}

/// The numbers of the records a list holds.
fn numbers(list: &serde_json::Value, key: &str) -> Vec<u64> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|r| r[key].as_u64().unwrap())
        .collect()
}

/// 0..5,000 and the last 5,000 of `total` records numbered from `first`.
fn first_and_last_5000(first: u64, total: u64) -> Vec<u64> {
    let last = first + total - 1;
    (first..first + 5000).chain(last - 4999..=last).collect()
}

#[test]
fn a_long_minimisation_keeps_its_first_and_last_steps() {
    let args = [
        "minimize", "x^2", "--start", "x=1", "--lr", "1e-6", "--steps", "30000",
    ];
    let v = json_of(&args);
    // 30,001 points: steps 0 to 30,000.
    assert_eq!(numbers(&v["steps"], "step"), first_and_last_5000(0, 30_001));
    assert_eq!(
        v["steps_left_out"],
        serde_json::json!({"from": 5000, "to": 25000, "count": 20001})
    );
    assert_eq!(v["iterations"], 30_000);
    // The last point is still the run's: x·(1 − 2·lr)ⁿ by hand.
    let expected = (1.0 - 2e-6f64).powi(30_000);
    let reached = v["minimizer"]["x"].as_f64().unwrap();
    assert!(
        (reached / expected - 1.0).abs() < 1e-9,
        "{reached} {expected}"
    );
    let text = stepgrad(&args);
    let text = text.stdout.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        text.contains("lists steps 0 to 4999 and 25001 to 30000 (10,000 of 30,001 points"),
        "{text}"
    );
    let mut csv_args = args.to_vec();
    csv_args.extend(["--format", "csv"]);
    let csv = stepgrad(&csv_args);
    assert_eq!(csv.stdout.lines().count(), 1 + 10_000);
    assert!(
        csv.stderr
            .starts_with("note: the CSV lists only the kept steps"),
        "{}",
        csv.stderr
    );
    // A shorter run lists every step, and says nothing more.
    let v = json_of(&["minimize", "x^2", "--start", "x=1", "--steps", "10"]);
    assert!(v.get("steps_left_out").is_none());
}

#[test]
fn long_training_keeps_its_first_and_last_epochs_and_iterations() {
    // 3,000 epochs of 4 iterations: 12,000 iterations.
    let v = json_of(&[
        "train",
        "xor",
        "--epochs",
        "3000",
        "--batch-size",
        "1",
        "--log-iterations",
    ]);
    assert_eq!(
        numbers(&v["iterations"], "iteration"),
        first_and_last_5000(1, 12_000)
    );
    assert_eq!(
        v["iterations_left_out"],
        serde_json::json!({"from": 5001, "to": 7000, "count": 2000})
    );
    // 3,001 epochs are all listed.
    assert_eq!(v["epochs"].as_array().unwrap().len(), 3001);
    assert!(v.get("epochs_left_out").is_none());

    let args = ["train", "xor", "--epochs", "12000"];
    let v = json_of(&args);
    assert_eq!(
        numbers(&v["epochs"], "epoch"),
        first_and_last_5000(0, 12_001)
    );
    assert_eq!(
        v["epochs_left_out"],
        serde_json::json!({"from": 5000, "to": 7000, "count": 2001})
    );
    // Every row asked for would be 12,001 rows.
    let mut every = args.to_vec();
    every.extend(["--log-every", "1"]);
    let out = stepgrad(&every);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let text = out.stdout.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        text.contains(
            "The table shows its first 500 and last 500 rows; 11,001 between them are left out"
        ),
        "{text}"
    );
    assert!(out.stdout.contains("│ 499 ") && out.stdout.contains("│ 11501 "));
    assert!(!out.stdout.contains("│ 500 "));
}

#[test]
fn a_long_network_run_keeps_its_first_and_last_steps() {
    let v = json_of(&["net", "mazur", "--steps", "12000", "--show", "update"]);
    assert_eq!(numbers(&v["steps"], "step"), first_and_last_5000(1, 12_000));
    assert_eq!(
        v["steps_left_out"],
        serde_json::json!({"from": 5001, "to": 7000, "count": 2000})
    );
    // The steps shown in full are the first and the last.
    let steps = v["steps"].as_array().unwrap();
    assert!(steps[0].get("forward").is_some() && steps[9999].get("forward").is_some());
    assert!(steps[1].get("forward").is_none());
    let csv = stepgrad(&["net", "mazur", "--steps", "12000", "--format", "csv"]);
    // A row per kept step and parameter (mazur has 10).
    assert_eq!(csv.stdout.lines().count(), 1 + 10_000 * 10);
    assert!(
        csv.stderr
            .starts_with("note: the CSV lists only steps 1 to 5000 and 7001 to 12000"),
        "{}",
        csv.stderr
    );
}

#[test]
fn a_checked_network_beyond_its_size_is_refused_and_one_at_it_is_judged() {
    let dir = std::env::temp_dir().join(format!("stepgrad-limits-check-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let spec = |name: &str, layers: &str, inputs: usize, outputs: usize| {
        let path = dir.join(name);
        let x = vec!["0.5"; inputs].join(", ");
        let t = vec!["0"; outputs].join(", ");
        std::fs::write(
            &path,
            format!(
                "layers = [{layers}]\ninit = \"xavier\"\ninputs = [[{x}]]\ntargets = [[{t}]]\n"
            ),
        )
        .unwrap();
        path.to_string_lossy().into_owned()
    };
    let sheet = dir.join("answers.toml");
    std::fs::write(&sheet, "loss = 1000\n").unwrap();
    let sheet = sheet.to_string_lossy().into_owned();
    let wide = spec("wide.toml", "2, 20, 10", 2, 10);
    refused(
        &["net", &wide, "--check", &sheet],
        &["at most 200 weights and biases", "2-20-10 has 270"],
    );
    // 8-15-4 has 199: judged (the loss is not 1000, so exit 1).
    let at_limit = spec("at.toml", "8, 15, 4", 8, 4);
    let out = stepgrad(&["net", &at_limit, "--check", &sheet]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(out.stdout.contains("0 of 1 entry right."), "{}", out.stdout);
}
