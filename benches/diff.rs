//! Costs of the expression layer.
//!
//! - `case/NN`: parse + differentiate (with the derivation) + simplify +
//!   print, for each case of the derivative table in tests/data.
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

criterion_group!(benches, table, gradient);
criterion_main!(benches);
