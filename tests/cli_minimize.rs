//! `minimize` as a user runs it.

mod common;

use common::stepgrad;
use serde_json::Value;

fn json(args: &[&str]) -> (i32, Value) {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    let out = stepgrad(&all);
    (
        out.code,
        serde_json::from_str(&out.stdout)
            .unwrap_or_else(|e| panic!("{e}: {}{}", out.stdout, out.stderr)),
    )
}

#[test]
fn the_books_three_learning_rates() {
    let (code, v) = json(&[
        "minimize",
        "x0^2 + x1^2",
        "--start",
        "x0=-3,x1=4",
        "--lr",
        "0.1",
        "--steps",
        "100",
        "--tol",
        "0",
    ]);
    assert_eq!(code, 0);
    assert_eq!(v["stopped"], "max_steps");
    assert_eq!(v["iterations"], 100);
    let x0 = v["minimizer"]["x0"].as_f64().unwrap();
    let x1 = v["minimizer"]["x1"].as_f64().unwrap();
    assert!(
        (x0 / -6.11110793e-10 - 1.0).abs() < 1e-8 && (x1 / 8.14814391e-10 - 1.0).abs() < 1e-8,
        "{x0} {x1}"
    );

    let (code, v) = json(&[
        "minimize",
        "x0^2 + x1^2",
        "--start",
        "x0=-3,x1=4",
        "--lr",
        "1e-10",
        "--steps",
        "100",
    ]);
    assert_eq!(code, 0);
    let x0 = v["minimizer"]["x0"].as_f64().unwrap();
    let x1 = v["minimizer"]["x1"].as_f64().unwrap();
    assert!(
        (x0 / -2.99999994 - 1.0).abs() < 1e-8 && (x1 / 3.99999992 - 1.0).abs() < 1e-8,
        "{x0} {x1}"
    );

    let out = stepgrad(&[
        "minimize",
        "x0^2 + x1^2",
        "--start",
        "x0=-3,x1=4",
        "--lr",
        "10",
        "--steps",
        "100",
    ]);
    assert_eq!(out.code, 1, "divergence is a negative verdict");
    assert!(out.stderr.contains("diverged at step 5"), "{}", out.stderr);
    // On f = x0² + x1² the gradient 2x is multiplied by 1 − 2·lr = −19 per
    // step: curvature 2, convergence below lr = 1, and lr = 0.5 lands on
    // the minimum in one step.
    assert!(
        out.stderr.contains("each step multiplied the gradient by -19, so the curvature is about 2 and gradient descent converges only for rates below 2/2 = 1; try 0.5"),
        "{}",
        out.stderr
    );
    assert!(
        out.stdout.contains("│ 5    ┆"),
        "the steps so far are shown:\n{}",
        out.stdout
    );
}

#[test]
fn the_default_tolerance_stops_early() {
    let (_, v) = json(&[
        "minimize",
        "x0^2 + x1^2",
        "--start",
        "x0=-3,x1=4",
        "--lr",
        "0.1",
    ]);
    assert_eq!(v["stopped"], "tolerance");
    assert_eq!(v["iterations"], 92, "2·4·0.8ᵏ < 1e-8 first at k = 92");
}

#[test]
fn state_is_reported_per_step() {
    let (_, v) = json(&[
        "minimize",
        "x^2",
        "--start",
        "x=1",
        "--optimizer",
        "adam",
        "--lr",
        "0.1",
        "--steps",
        "2",
    ]);
    let first = &v["steps"][0];
    assert!((first["state"]["m"]["x"].as_f64().unwrap() - 0.2).abs() < 1e-15);
    assert!((first["state"]["v"]["x"].as_f64().unwrap() - 0.004).abs() < 1e-15);
    assert!((first["state"]["m_hat"]["x"].as_f64().unwrap() - 2.0).abs() < 1e-12);
    assert!((first["state"]["v_hat"]["x"].as_f64().unwrap() - 4.0).abs() < 1e-9);
    let (_, v) = json(&[
        "minimize",
        "(1 - x)^2 + 100*(y - x^2)^2",
        "--start",
        "x=-1.2,y=1",
        "--optimizer",
        "bfgs",
    ]);
    assert_eq!(v["stopped"], "tolerance");
    assert!(v["steps"][0]["state"]["inverse_hessian"].is_array());
    assert!(v["steps"][0]["state"]["step_length"].is_number());
    assert_eq!(v["evaluations"]["hessian"], 0);
}

#[test]
fn a_race_and_its_pictures() {
    let dir = std::env::temp_dir().join(format!("stepgrad-minimize-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let svg = dir.join("race.svg");
    let (code, v) = json(&[
        "minimize",
        "(1 - x)^2 + 100*(y - x^2)^2",
        "--start",
        "x=-1.2,y=1",
        "--compare",
        "sgd,momentum,adam,newton,bfgs",
        "--lr",
        "0.001",
        "--steps",
        "500",
        "--plot",
        svg.to_str().unwrap(),
    ]);
    assert_eq!(code, 0);
    let runs = v["runs"].as_array().unwrap();
    assert_eq!(runs.len(), 5);
    assert_eq!(runs[4]["optimizer"], "BFGS");
    assert_eq!(runs[4]["stopped"], "tolerance");
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(text.starts_with("<svg") && text.trim_end().ends_with("</svg>"));
    let one = dir.join("parabola.svg");
    let out = stepgrad(&[
        "minimize",
        "(w - 3)^2",
        "--start",
        "w=-1",
        "--lr",
        "0.2",
        "--plot",
        one.to_str().unwrap(),
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains("f and the iterates"),
        "a terminal plot for one variable"
    );
    assert!(std::fs::read_to_string(&one).unwrap().contains("<circle"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn mistakes_are_reported() {
    let cases: [(&[&str], &str); 10] = [
        (
            &["minimize", "x^2", "--start", "y=1"],
            "--start gives y, which the function does not contain",
        ),
        (
            &["minimize", "x^2 + y", "--start", "x=1"],
            "--start gives no value for y",
        ),
        (
            &["minimize", "x^2", "--start", "x=1", "--steps", "0"],
            "--steps 0",
        ),
        (
            &["minimize", "x^2", "--start", "x=1", "--optimizer", "adamm"],
            "did you mean adam?",
        ),
        (
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
            "takes no learning rate",
        ),
        (
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
            "--momentum does not apply to adam",
        ),
        (
            &["minimize", "x^2", "--start", "x=1", "--lr", "0"],
            "the learning rate must be a positive number",
        ),
        (
            &["minimize", "x^2", "--start", "x=1", "--tol", "-1"],
            "the tolerance must be 0 or a positive number",
        ),
        (
            &[
                "minimize",
                "x^2+y^2+z^2",
                "--start",
                "x=1,y=1,z=1",
                "--plot",
                "p.svg",
            ],
            "--plot draws functions of one or two variables",
        ),
        (
            &[
                "minimize",
                "x^2",
                "--start",
                "x=1",
                "--plot",
                "/no/such/folder/p.svg",
            ],
            "does not exist",
        ),
    ];
    for (args, message) in cases {
        let out = stepgrad(args);
        assert_eq!(out.code, 2, "{args:?}: {}", out.stderr);
        assert!(out.stderr.contains(message), "{args:?}: {}", out.stderr);
    }
}

#[test]
fn a_start_at_f_zero_is_not_a_divergence() {
    // f(1) = 0: a drop below 0 is progress, not growth beyond 10¹²×.
    let out = stepgrad(&[
        "minimize",
        "(x-3)^2 - 4",
        "--start",
        "x=1",
        "--lr",
        "0.1",
        "--steps",
        "3",
    ]);
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    assert!(out.stdout.contains("Stopped after the maximum of 3 steps"));
    // A slow blow-up that stays below 10¹² is told to lower the rate.
    let out = stepgrad(&[
        "minimize",
        "0.5*(3 - w)^2 + 0.5*(5 - 2*w)^2 + 0.5*(5 - 3*w)^2",
        "--start",
        "w=0",
        "--lr",
        "0.15",
    ]);
    assert_eq!(out.code, 0);
    assert!(
        out.stdout
            .replace('\n', " ")
            .contains("the steps overshoot the minimum, and a smaller learning rate"),
        "{}",
        out.stdout
    );
}
