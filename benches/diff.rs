//! Costs of the expression layer.
//!
//! - `case/NN`: parse + differentiate (with the derivation) + simplify +
//!   print, for each case of the derivative table in tests/data.
//! - `large/total`: `diff --file benches/data/large_derivatives.txt
//!   --no-steps --format json` through the command line's dispatcher (all
//!   but the process start-up): the 80 derivatives of the table
//!   tools/bench_sympy_diff.py writes — course-sized expressions, neuron
//!   and network losses up to 256 weights, softmax cross-entropy, long
//!   sums and products, nested functions — the figure compared with
//!   SymPy's `diff` on the same table.
//! - `gradient/terms_N`: the gradient of a sum of N terms in 100 variables
//!   (one derivation per variable). Doubling N should double the time: the
//!   hash-consed graph keeps every derivative linear in the expression.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use std::hint::black_box;
use std::time::Duration;
use stepgrad::calculus::{derivative, differentiate};
use stepgrad::expr::{ascii, parse, Graph, Id};

#[allow(dead_code)]
mod cases {
    include!("../tests/data/derivative_cases.rs");
}

fn table(c: &mut Criterion) {
    let mut group = c.benchmark_group("case");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_millis(100))
        .measurement_time(Duration::from_millis(300));
    for (i, &(input, var, _, _)) in cases::CASES.iter().enumerate() {
        group.bench_with_input(
            BenchmarkId::from_parameter(format!("{i:02}")),
            &(input, var),
            |b, &(input, var)| {
                b.iter(|| {
                    let mut graph = Graph::new();
                    let expr = parse(&mut graph, black_box(input)).expect("table cases parse");
                    let derivation = differentiate(&mut graph, expr, var);
                    black_box(ascii(&graph, derivation.result))
                })
            },
        );
    }
    group.finish();
}

fn large(c: &mut Criterion) {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/benches/data/large_derivatives.txt"
    );
    let args = [
        "stepgrad",
        "diff",
        "--file",
        path,
        "--no-steps",
        "--format",
        "json",
    ];
    let outcome = stepgrad::cli::run(args);
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    let mut group = c.benchmark_group("large");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(2));
    group.bench_function("total", |b| {
        b.iter(|| black_box(stepgrad::cli::run(black_box(args)).stdout.len()))
    });
    group.finish();
}

/// Σ over `terms` distinct terms (k + 1)·sin(x_a·x_b) + x_a²·x_b/(k + 1),
/// with a and b cycling through 100 variables.
fn big_sum(graph: &mut Graph, terms: usize) -> (Id, Vec<String>) {
    let names: Vec<String> = (0..100).map(|i| format!("x{i}")).collect();
    let vars: Vec<Id> = names.iter().map(|n| graph.var(n)).collect();
    let mut parts = Vec::with_capacity(terms);
    for k in 0..terms {
        let a = vars[k % 100];
        let b = vars[(7 * k + 3) % 100];
        let coefficient = graph.num((k + 1) as f64);
        let ab = graph.product([a, b]);
        let sine = graph.apply(stepgrad::expr::Func::Sin, ab);
        let first = graph.product([coefficient, sine]);
        let two = graph.num(2.0);
        let a2 = graph.power(a, two);
        let a2_b = graph.product([a2, b]);
        let second = graph.quotient(a2_b, coefficient);
        parts.push(graph.sum([first, second]));
    }
    (graph.sum(parts), names)
}

fn gradient(c: &mut Criterion) {
    let mut group = c.benchmark_group("gradient");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(3));
    for terms in [1_000, 2_000, 4_000] {
        let mut graph = Graph::new();
        let (sum, names) = big_sum(&mut graph, terms);
        let before = graph.count_reachable(&[sum]);
        let grads: Vec<Id> = names
            .iter()
            .map(|v| derivative(&mut graph, sum, v))
            .collect();
        let mut roots = vec![sum];
        roots.extend(&grads);
        eprintln!(
            "sum of {terms} terms: {before} nodes; with its gradient: {} nodes",
            graph.count_reachable(&roots)
        );
        group.bench_with_input(BenchmarkId::new("terms", terms), &terms, |b, &terms| {
            b.iter(|| {
                let mut graph = Graph::new();
                let (sum, names) = big_sum(&mut graph, terms);
                let derivations: Vec<_> = names
                    .iter()
                    .map(|v| differentiate(&mut graph, sum, v).result)
                    .collect();
                black_box(derivations)
            })
        });
    }
    group.finish();
}

criterion_group!(benches, table, large, gradient);
criterion_main!(benches);
