//! Time per step of each optimizer, on Rosenbrock's function and on a convex
//! quadratic in 100 variables (each step includes the evaluations of f, ∇f
//! and, for Newton, the Hessian that the method asks for).

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use std::hint::black_box;
use std::time::Duration;
use stepgrad::expr::{parse, Graph};
use stepgrad::interrupt::Cancel;
use stepgrad::optim::{minimize, ExpressionObjective, Hyperparameters, OptimizerConfig, Stopping};

const STEPS: usize = 20;

fn objective(text: &str) -> ExpressionObjective {
    let mut g = Graph::new();
    let e = parse(&mut g, text).expect("benchmark functions parse");
    let vars = g.variables(e);
    ExpressionObjective::new(g, e, vars)
}

fn quadratic(n: usize) -> String {
    let mut terms: Vec<String> = (0..n).map(|i| format!("{}*x{i}^2", (i % 10) + 1)).collect();
    terms.extend((0..n - 1).map(|i| format!("0.5*x{i}*x{}", i + 1)));
    terms.join(" + ")
}

fn steps(c: &mut Criterion) {
    let optimizers: [(&str, Hyperparameters); 9] = [
        ("sgd", lr(1e-3)),
        ("momentum", lr(1e-3)),
        ("nesterov", lr(1e-3)),
        ("adagrad", lr(1e-2)),
        ("rmsprop", lr(1e-3)),
        ("adam", lr(1e-3)),
        ("adamw", lr(1e-3)),
        ("newton", Hyperparameters::default()),
        ("bfgs", Hyperparameters::default()),
    ];
    let problems = [
        (
            "rosenbrock",
            "(1 - x)^2 + 100*(y - x^2)^2".to_string(),
            vec![-1.2, 1.0],
        ),
        ("quadratic100", quadratic(100), vec![1.0; 100]),
    ];
    let cancel = Cancel::new();
    let steps = Stopping {
        max_steps: STEPS,
        tolerance: 0.0,
    };
    let mut group = c.benchmark_group("step");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(2));
    for (problem, text, start) in &problems {
        for (name, hyper) in &optimizers {
            let config = OptimizerConfig::from_name(name, hyper).expect("valid optimizer");
            let mut f = objective(text);
            group.bench_with_input(BenchmarkId::new(*problem, name), &config, |b, &config| {
                b.iter(|| black_box(minimize(&mut f, start.clone(), config, steps, &cancel)))
            });
        }
    }
    group.finish();
}

fn lr(v: f64) -> Hyperparameters {
    Hyperparameters {
        lr: Some(v),
        ..Hyperparameters::default()
    }
}

criterion_group!(benches, steps);
criterion_main!(benches);
