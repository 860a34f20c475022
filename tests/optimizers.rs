//! Optimizers against published figures (REFERENCES.md §3–5), PyTorch's
//! own results, and hand computations.

mod common;

use common::close;
use stepgrad::expr::{parse, Graph};
use stepgrad::optim::{
    minimize, ExpressionObjective, Hyperparameters, OptimizerConfig, StateValue, Stop, Trajectory,
};

fn objective(text: &str) -> ExpressionObjective {
    let mut g = Graph::new();
    let e = parse(&mut g, text).unwrap();
    let vars = g.variables(e);
    ExpressionObjective::new(g, e, vars)
}

fn run(
    text: &str,
    start: &[f64],
    name: &str,
    hyper: Hyperparameters,
    steps: usize,
    tol: f64,
) -> Trajectory {
    let mut f = objective(text);
    let config = OptimizerConfig::from_name(name, &hyper).unwrap();
    let stopping = stepgrad::optim::Stopping {
        max_steps: steps,
        tolerance: tol,
    };
    let cancel = stepgrad::interrupt::Cancel::new();
    minimize(&mut f, start.to_vec(), config, stopping, &cancel).unwrap()
}

fn lr(v: f64) -> Hyperparameters {
    Hyperparameters {
        lr: Some(v),
        ..Hyperparameters::default()
    }
}

#[test]
fn gradient_descent_on_the_bowl_of_the_book() {
    let t = run("x0^2 + x1^2", &[-3.0, 4.0], "sgd", lr(0.1), 100, 0.0);
    let x = &t.last().point;
    assert!(
        close(x[0], -6.11110793e-10, 1e-8) && close(x[1], 8.14814391e-10, 1e-8),
        "{x:?}"
    );
    assert!(
        (x[0] / -6.11110793e-10 - 1.0).abs() < 1e-8 && (x[1] / 8.14814391e-10 - 1.0).abs() < 1e-8
    );
    let t = run("x0^2 + x1^2", &[-3.0, 4.0], "sgd", lr(1e-10), 100, 0.0);
    let x = &t.last().point;
    assert!(
        (x[0] / -2.99999994 - 1.0).abs() < 1e-8 && (x[1] / 3.99999992 - 1.0).abs() < 1e-8,
        "{x:?}"
    );
    let t = run("x0^2 + x1^2", &[-3.0, 4.0], "sgd", lr(10.0), 100, 0.0);
    assert!(matches!(t.stop, Stop::Diverged { .. }), "{:?}", t.stop);
}

#[test]
fn newton_solves_a_convex_quadratic_in_one_step() {
    let t = run(
        "3*x^2 + 2*x*y + y^2 - 4*x + 2*y",
        &[5.0, -7.0],
        "newton",
        Hyperparameters::default(),
        10,
        1e-10,
    );
    assert_eq!(t.stop, Stop::Tolerance);
    assert_eq!(t.steps(), 1);
    // ∇f = (6x + 2y − 4, 2x + 2y + 2) = 0 at (1.5, −2.5).
    let x = &t.last().point;
    assert!(close(x[0], 1.5, 1e-12) && close(x[1], -2.5, 1e-12), "{x:?}");
}

#[test]
fn newton_adds_a_multiple_of_the_identity_where_the_hessian_is_indefinite() {
    // At x = 0.1 the Hessian diag(12x² − 2, 2) has a negative entry.
    let t = run(
        "x^4 - x^2 + y^2",
        &[0.1, 1.0],
        "newton",
        Hyperparameters::default(),
        1,
        1e-10,
    );
    let first = t.iterates[0].report.as_ref().unwrap();
    let tau = first.state.iter().find(|s| s.name == "tau").unwrap();
    // τ₀ = −min(hᵢᵢ) + 10⁻³ = 1.88 + 0.001 makes H + τI positive definite.
    assert!(
        matches!(tau.value, StateValue::Scalar(v) if close(v, 1.881, 1e-12)),
        "{tau:?}"
    );
    assert!(first
        .note
        .as_ref()
        .unwrap()
        .render(stepgrad::i18n::Lang::En)
        .contains("not positive definite"));
    // The shifted direction descends: ∇fᵀp < 0 …
    let p = match &first.state[2].value {
        StateValue::PerVariable(p) => p.clone(),
        other => panic!("{other:?}"),
    };
    let g = &t.iterates[0].gradient;
    assert!(g[0] * p[0] + g[1] * p[1] < 0.0);
    // … but a full step overshoots; with the line search Newton's method
    // settles in a minimum (±1/√2, 0), not at the saddle x = 0.
    let searched = Hyperparameters {
        line_search: true,
        ..Hyperparameters::default()
    };
    let t = run(
        "x^4 - x^2 + y^2",
        &[0.1, 1.0],
        "newton",
        searched,
        100,
        1e-10,
    );
    assert_eq!(t.stop, Stop::Tolerance);
    assert!(
        t.iterates.windows(2).all(|w| w[1].f <= w[0].f),
        "every step descends"
    );
    let x = &t.last().point;
    assert!(
        close(x[0].abs(), 0.5f64.sqrt(), 1e-8) && x[1].abs() < 1e-8,
        "{x:?}"
    );
}

#[test]
fn newton_on_rosenbrock() {
    let t = run(
        "(1 - x)^2 + 100*(y - x^2)^2",
        &[-1.2, 1.0],
        "newton",
        Hyperparameters::default(),
        100,
        1e-8,
    );
    assert_eq!(t.stop, Stop::Tolerance);
    let x = &t.last().point;
    assert!(close(x[0], 1.0, 1e-8) && close(x[1], 1.0, 1e-8));
    // The Hessian at the start is [[1330, 480], [480, 200]].
    let h = &t.iterates[0].report.as_ref().unwrap().state[0];
    assert_eq!(
        h.value,
        StateValue::Matrix(vec![vec![1330.0, 480.0], vec![480.0, 200.0]])
    );
    eprintln!("Newton on Rosenbrock: {} steps", t.steps());
}

#[test]
fn bfgs_on_rosenbrock() {
    let t = run(
        "(1 - x)^2 + 100*(y - x^2)^2",
        &[-1.2, 1.0],
        "bfgs",
        Hyperparameters::default(),
        100,
        1e-5,
    );
    assert_eq!(t.stop, Stop::Tolerance, "{:?}", t.stop);
    let x = &t.last().point;
    assert!(
        (x[0] - 1.0).abs() < 1e-5 && (x[1] - 1.0).abs() < 1e-5,
        "{x:?}"
    );
    assert!(t.steps() <= 40, "{} iterations", t.steps());
    eprintln!(
        "BFGS on Rosenbrock: {} iterations, {:?}",
        t.steps(),
        t.evaluations
    );
}

#[test]
fn bfgs_learns_the_inverse_hessian_of_a_quadratic() {
    // f = Σ (i+1)·x_i² + Σ x_i·x_{i+1}/2 in 10 variables: a convex quadratic
    // with Hessian A = 2·diag(1..10) plus 0.5 off the diagonal.
    let n = 10;
    let mut terms: Vec<String> = (0..n).map(|i| format!("{}*x{i}^2", i + 1)).collect();
    terms.extend((0..n - 1).map(|i| format!("0.5*x{i}*x{}", i + 1)));
    let text = terms.join(" + ");
    let start: Vec<f64> = (0..n).map(|i| 1.0 + i as f64 * 0.1).collect();
    let t = run(&text, &start, "bfgs", Hyperparameters::default(), 200, 1e-8);
    assert_eq!(t.stop, Stop::Tolerance, "{:?}", t.stop);
    assert!(stepgrad::optim::linalg::max_abs(&t.last().gradient) < 1e-8);
    let mut a = vec![vec![0.0; n]; n];
    for i in 0..n {
        a[i][i] = 2.0 * (i + 1) as f64;
        if i + 1 < n {
            a[i][i + 1] = 0.5;
            a[i + 1][i] = 0.5;
        }
    }
    let exact = stepgrad::optim::linalg::spd_inverse(&a).unwrap();
    let last = t
        .iterates
        .iter()
        .rev()
        .find_map(|i| i.report.as_ref())
        .unwrap();
    let approx = last.state.iter().find_map(|s| match &s.value {
        StateValue::Matrix(m) if s.name == "inverse_hessian" => Some(m.clone()),
        _ => None,
    });
    let approx = approx.unwrap();
    let error = (0..n)
        .flat_map(|i| (0..n).map(move |j| (i, j)))
        .map(|(i, j)| (approx[i][j] - exact[i][j]).abs())
        .fold(0.0, f64::max);
    let scale = exact.iter().flatten().fold(0.0f64, |m, v| m.max(v.abs()));
    eprintln!("BFGS 10-variable quadratic: {} iterations; max |H − A⁻¹| = {error:e} (largest entry of A⁻¹ {scale})", t.steps());
    assert!(error / scale < 0.5, "H should approach A⁻¹: {error}");
}
