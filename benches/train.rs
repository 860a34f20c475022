//! The compiled tape against its own forward pass and against a
//! hand-written MLP (benches/baseline_mlp.rs): the gradient over a batch for
//! 2-2-2 (batch 4), 4-16-3 (batch 150) and 64-32-10 (batch 32), and one
//! epoch of iris on 4-16-3 and of a 1,800-sample 64-32-10 data set (each
//! epoch with the whole set's loss before and after, as `train` reports it).
//! Targets: the tape's gradient within 3× its forward pass, and within 2×
//! the hand-written loop.

mod baseline_mlp;

use baseline_mlp::Mlp;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use std::hint::black_box;
use std::time::Duration;
use stepgrad::data::{builtin, Dataset, Generation};
use stepgrad::interrupt::{Cancel, Control};
use stepgrad::network::{initial_values, parse_spec, Loss, NetworkFormula, Spec};
use stepgrad::optim::{Hyperparameters, OptimizerConfig};
use stepgrad::tape::{Tape, TapeSpec, Workspace};
use stepgrad::training::{train, Model, Tapes, TrainOptions};

fn spec(layers: &[usize]) -> Spec {
    let sizes: Vec<String> = layers.iter().map(usize::to_string).collect();
    let text = format!("layers = [{}]\nactivation = \"sigmoid\"\nloss = \"half_sse\"\ninit = \"xavier\"\nseed = 3\n", sizes.join(", "));
    parse_spec(&text, "bench.toml", None).expect("benchmark specs are valid")
}

fn baseline(spec: &Spec) -> Mlp {
    Mlp {
        layers: spec.layers.clone(),
        weights: spec
            .parameters
            .weights
            .iter()
            .map(|w| w.iter().flatten().copied().collect())
            .collect(),
        biases: spec.parameters.biases.clone(),
    }
}

/// Reproducible data for a network: inputs in [−1, 1], one-hot targets.
fn data(layers: &[usize], samples: usize) -> Dataset {
    let (n_in, n_out) = (layers[0], layers[layers.len() - 1]);
    let inputs: Vec<Vec<f64>> = (0..samples)
        .map(|s| {
            (0..n_in)
                .map(|k| (((s * 31 + k * 17) % 97) as f64 / 48.5) - 1.0)
                .collect()
        })
        .collect();
    let targets = (0..samples)
        .map(|s| {
            (0..n_out)
                .map(|k| if k == s % n_out { 1.0 } else { 0.0 })
                .collect()
        })
        .collect();
    Dataset {
        feature_names: (0..n_in).map(|k| format!("x{k}")).collect(),
        target_names: (0..n_out).map(|k| format!("t{k}")).collect(),
        class_names: None,
        inputs,
        targets,
    }
}

fn columns(formula: &NetworkFormula, data: &Dataset) -> Vec<Vec<f64>> {
    let mut cols: Vec<Vec<f64>> = (0..formula.inputs.len())
        .map(|k| data.inputs.iter().map(|r| r[k]).collect())
        .collect();
    cols.extend((0..formula.targets.len()).map(|k| data.targets.iter().map(|r| r[k]).collect()));
    cols
}

fn gradients(c: &mut Criterion) {
    let mut group = c.benchmark_group("batch");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(2));
    for (layers, batch) in [
        (vec![2, 2, 2], 4),
        (vec![4, 16, 3], 150),
        (vec![64, 32, 10], 32),
    ] {
        let spec = spec(&layers);
        let formula = NetworkFormula::build(&spec);
        let parameters: Vec<_> = formula.params.iter().map(|p| p.var).collect();
        let mut data_vars = formula.inputs.clone();
        data_vars.extend(&formula.targets);
        let mut sums = vec![formula.loss];
        sums.extend(&formula.gradients);
        let forward = Tape::compile(
            &formula.graph,
            &TapeSpec {
                parameters: &parameters,
                data: &data_vars,
                column_outputs: &[],
                sum_outputs: &[formula.loss],
            },
        );
        let gradient = Tape::compile(
            &formula.graph,
            &TapeSpec {
                parameters: &parameters,
                data: &data_vars,
                column_outputs: &[],
                sum_outputs: &sums,
            },
        );
        let values = initial_values(&formula, &spec);
        let data = data(&layers, batch);
        let cols = columns(&formula, &data);
        let views: Vec<&[f64]> = cols.iter().map(Vec::as_slice).collect();
        let name = spec.shape();
        let mut workspace = Workspace::default();
        group.bench_function(BenchmarkId::new("tape_forward", &name), |b| {
            b.iter(|| black_box(forward.run(&mut workspace, &values, &views)))
        });
        group.bench_function(BenchmarkId::new("tape_gradient", &name), |b| {
            b.iter(|| black_box(gradient.run(&mut workspace, &values, &views)))
        });
        let mlp = baseline(&spec);
        let mut gw: Vec<Vec<f64>> = mlp.weights.iter().map(|w| vec![0.0; w.len()]).collect();
        let mut gb: Vec<Vec<f64>> = mlp.biases.iter().map(|b| vec![0.0; b.len()]).collect();
        group.bench_function(BenchmarkId::new("hand_written_gradient", &name), |b| {
            b.iter(|| {
                gw.iter_mut().flatten().for_each(|g| *g = 0.0);
                gb.iter_mut().flatten().for_each(|g| *g = 0.0);
                black_box(mlp.gradient(&data.inputs, &data.targets, &mut gw, &mut gb))
            })
        });
    }
    group.finish();
}

fn epochs(c: &mut Criterion) {
    let mut group = c.benchmark_group("epoch");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(3));
    let iris = builtin("iris", &Generation::default()).expect("iris is built in");
    let large = data(&[64, 32, 10], 1800);
    let cancel = Cancel::new();
    for (layers, data, batch) in [(vec![4, 16, 3], &iris, 16), (vec![64, 32, 10], &large, 32)] {
        let spec = spec(&layers);
        let formula = NetworkFormula::build(&spec);
        let tapes = Tapes::compile(&formula);
        let values = initial_values(&formula, &spec);
        let options = TrainOptions {
            optimizer: OptimizerConfig::from_name(
                "sgd",
                &Hyperparameters {
                    lr: Some(0.1),
                    ..Hyperparameters::default()
                },
            )
            .expect("sgd"),
            epochs: 1,
            batch_size: batch,
            shuffle: false,
            drop_last: false,
            seed: 0,
            target_loss: None,
            patience: None,
            update_biases: true,
            record_iterations: false,
            record_parameters: false,
            keep_best: false,
            schedule: Default::default(),
        };
        let name = format!("{}_{}samples", spec.shape(), data.len());
        group.bench_function(BenchmarkId::new("tape", &name), |b| {
            b.iter(|| {
                black_box(train(
                    Model {
                        formula: &formula,
                        tapes: &tapes,
                        loss: Loss::HalfSse,
                    },
                    data,
                    None,
                    values.clone(),
                    &options,
                    Control::quiet(&cancel),
                ))
            })
        });
        group.bench_function(BenchmarkId::new("hand_written", &name), |b| {
            b.iter(|| {
                // Like `train`, the loss over the whole set before and
                // after the epoch.
                let mut mlp = baseline(&spec);
                let before = mlp.loss(&data.inputs, &data.targets);
                mlp.epoch(&data.inputs, &data.targets, batch, 0.1);
                black_box((before, mlp.loss(&data.inputs, &data.targets)))
            })
        });
    }
    group.finish();
}

criterion_group!(benches, gradients, epochs);
criterion_main!(benches);
