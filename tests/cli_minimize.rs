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

/// The ranges a `--picture` prints: y's top and bottom on the first and
/// last rows of cells, x's under the frame's corners; and the rows of cells.
/// x's range, y's range, and the rows of cells of a printed picture.
type PrintedPicture = ((f64, f64), (f64, f64), Vec<Vec<char>>);

fn picture_frame(text: &str) -> PrintedPicture {
    let lines: Vec<&str> = text.lines().collect();
    let bottom = lines
        .iter()
        .position(|l| l.trim_start().starts_with("+-"))
        .unwrap_or_else(|| panic!("no frame in\n{text}"));
    let bar = lines[bottom].find('+').unwrap();
    let top = (0..bottom)
        .rev()
        .take_while(|&k| lines[k].get(bar..bar + 1) == Some("|"))
        .last()
        .unwrap();
    let number = |s: &str| s.trim().parse::<f64>().unwrap();
    let y = (
        number(&lines[bottom - 1][..bar]),
        number(&lines[top][..bar]),
    );
    let words: Vec<&str> = lines[bottom + 1].split_whitespace().collect();
    let x = (number(words[0]), number(words[words.len() - 1]));
    let columns = lines[bottom].trim().len() - 1;
    let rows = (top..bottom)
        .map(|k| {
            let mut row: Vec<char> = lines[k][bar + 1..].chars().collect();
            row.resize(columns, ' ');
            row
        })
        .collect();
    (x, y, rows)
}

fn momentum_valley(lang: &str) -> Vec<String> {
    [
        "minimize",
        "x^2 + 10*y^2",
        "--start",
        "x=-3,y=1",
        "--optimizer",
        "momentum",
        "--lr",
        "0.02",
        "--momentum",
        "0.9",
        "--steps",
        "40",
        "--lang",
        lang,
    ]
    .map(String::from)
    .to_vec()
}

#[test]
fn the_picture_marks_each_step_in_the_cell_of_its_iterate() {
    let mut args = momentum_valley("en");
    let (code, v) = json(&args.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(code, 0);
    args.push("--picture".into());
    let out = stepgrad(&args.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(out.code, 0, "{}", out.stderr);
    let (x, y, rows) = picture_frame(&out.stdout);
    assert!(rows.len() <= 15 && rows[0].len() <= 78, "{}", out.stdout);
    let steps = v["steps"].as_array().unwrap_or_else(|| panic!("{v}"));
    let cell = |px: f64, py: f64| {
        let column = ((px - x.0) / (x.1 - x.0) * rows[0].len() as f64).floor() as i64;
        let row = ((y.1 - py) / (y.1 - y.0) * rows.len() as f64).floor() as i64;
        (column, row)
    };
    // The axes print 3 significant digits, so the cell worked out from them
    // may be one off the picture's own.
    let near = |(column, row): (i64, i64), mark: char| {
        (row - 1..=row + 1).any(|r| {
            (column - 1..=column + 1).any(|c| {
                r >= 0
                    && c >= 0
                    && rows.get(r as usize).and_then(|l| l.get(c as usize)) == Some(&mark)
            })
        })
    };
    let point = |s: &Value| {
        (
            s["point"]["x"].as_f64().unwrap(),
            s["point"]["y"].as_f64().unwrap(),
        )
    };
    let start = point(&steps[0]);
    assert!(near(cell(start.0, start.1), 'S'), "S\n{}", out.stdout);
    let end = point(steps.last().unwrap());
    assert!(near(cell(end.0, end.1), 'E'), "E\n{}", out.stdout);
    let mut checked = 0;
    for s in &steps[1..10] {
        let k = s["step"].as_u64().unwrap();
        let p = point(s);
        // A later-drawn mark (a lower step, S) may cover it.
        let covered = steps[..k as usize]
            .iter()
            .any(|e| cell(point(e).0, point(e).1) == cell(p.0, p.1));
        if !covered {
            let mark = char::from(b'0' + k as u8);
            assert!(
                near(cell(p.0, p.1), mark),
                "step {k} at {p:?}\n{}",
                out.stdout
            );
            checked += 1;
        }
    }
    assert!(checked >= 5, "{checked} steps checked\n{}", out.stdout);
}

#[test]
fn the_picture_in_both_languages() {
    for lang in ["en", "ko"] {
        let mut args = momentum_valley(lang);
        args.push("--picture".into());
        let out = stepgrad(&args.iter().map(String::as_str).collect::<Vec<_>>());
        assert_eq!(out.code, 0, "{}", out.stderr);
        let at = out.stdout.find(" |").unwrap();
        let from = out.stdout[..at].rfind('\n').map_or(0, |k| k + 1);
        let picture = &out.stdout[from..];
        assert!(picture.lines().count() <= 24, "{picture}");
        for line in picture.lines() {
            assert!(stepgrad::wrap::columns(line) <= 80, "{line:?}");
        }
        insta::assert_snapshot!(format!("minimize_picture_{lang}"), picture);
    }
}

#[test]
fn the_picture_of_a_race_marks_each_optimizer() {
    let out = stepgrad(&[
        "minimize",
        "x^2 + 10*y^2",
        "--start",
        "x=-3,y=1",
        "--compare",
        "sgd,momentum,adam",
        "--lr",
        "0.05",
        "--steps",
        "40",
        "--picture",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let at = out.stdout.find(" |").unwrap();
    let from = out.stdout[..at].rfind('\n').map_or(0, |k| k + 1);
    let picture = &out.stdout[from..];
    for mark in ["o ", "x ", "+ "] {
        assert!(
            picture.contains(&format!("  {mark}")),
            "{mark} in\n{picture}"
        );
    }
    insta::assert_snapshot!("minimize_picture_race", picture);
    let out = stepgrad(&["minimize", "x^2", "--start", "x=1", "--picture"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .contains("--picture draws functions of two variables"),
        "{}",
        out.stderr
    );
}
