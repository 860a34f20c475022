//! Size and build time of a network's loss graph and its gradient graph.
//!
//! For 2-2-2, 4-16-3, 64-32-10 and 256-128-10 sigmoid networks this prints
//! the node count of the loss graph and of the loss and gradient graphs
//! together (the cheap-gradient principle keeps the second within a small
//! constant of the first), and times building the loss alone and the loss
//! with its backward pass.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use std::hint::black_box;
use std::time::Duration;
use stepgrad::network::{parse_spec, NetworkFormula, Spec};

fn spec(layers: &[usize]) -> Spec {
    let sizes: Vec<String> = layers.iter().map(usize::to_string).collect();
    let inputs: Vec<String> = (0..layers[0])
        .map(|k| format!("{}", (k % 7) as f64 / 7.0))
        .collect();
    let targets: Vec<String> = (0..layers[layers.len() - 1])
        .map(|k| if k == 0 { "1".into() } else { "0".into() })
        .collect();
    let text = format!(
        "layers = [{}]\nactivation = \"sigmoid\"\ninit = \"xavier\"\nseed = 1\ninputs = [[{}]]\ntargets = [[{}]]\n",
        sizes.join(", "),
        inputs.join(", "),
        targets.join(", ")
    );
    parse_spec(&text, "bench.toml", None).expect("benchmark specs are valid")
}

const SHAPES: [&[usize]; 4] = [&[2, 2, 2], &[4, 16, 3], &[64, 32, 10], &[256, 128, 10]];

fn sizes(c: &mut Criterion) {
    for shape in SHAPES {
        let spec = spec(shape);
        let formula = NetworkFormula::build(&spec);
        let (loss, with_gradient) = formula.sizes();
        eprintln!(
            "{}: {} parameters, loss graph {loss} nodes, loss + gradient {with_gradient} nodes (gradient adds {:.2}× the loss graph; total {:.2}×)",
            spec.shape(),
            spec.parameter_count(),
            (with_gradient - loss) as f64 / loss as f64,
            with_gradient as f64 / loss as f64
        );
    }
    let mut group = c.benchmark_group("build");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    for shape in SHAPES {
        let spec = spec(shape);
        let name = spec.shape();
        group.bench_with_input(BenchmarkId::new("loss", &name), &spec, |b, spec| {
            b.iter(|| black_box(NetworkFormula::forward(spec)))
        });
        group.bench_with_input(
            BenchmarkId::new("loss_and_gradient", &name),
            &spec,
            |b, spec| b.iter(|| black_box(NetworkFormula::build(spec))),
        );
    }
    group.finish();
}

criterion_group!(benches, sizes);
criterion_main!(benches);
