//! Time per training step: the gradient of one batch by the layer tape
//! (`train`'s engine, with each of its kernels), by the scalar tape (the
//! network's formulas compiled node by node), and by two hand-written
//! baselines kept beside this file — per-sample loops
//! (benches/baseline_mlp.rs) and batch matrices with register-tiled
//! products (benches/baseline_tiled.rs) — for 2-2-2 (batch 1), 4-16-3 with
//! cross-entropy (batch 150), 64-32-10 and 256-128-10 (batch 32); what
//! compiling a network for training costs; and one epoch of `train`.
//! The layer tape's forward pass alone (`layer_tape_forward`) gives the
//! gradient-to-forward ratio. Targets: the layer tape within 1.5× the
//! tiled baseline at every size, its gradient within 3× its forward pass,
//! and compiling 256-128-10 for training within 50 ms.

mod baseline_mlp;
mod baseline_tiled;

use baseline_mlp::Mlp;
use baseline_tiled::TiledMlp;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use std::hint::black_box;
use std::time::Duration;
use stepgrad::data::{builtin, Dataset, Generation};
use stepgrad::interrupt::{Cancel, Control};
use stepgrad::network::{parse_spec, Loss, NetworkFormula, ParamList, Spec};
use stepgrad::optim::{Hyperparameters, OptimizerConfig};
use stepgrad::tape::{Batch, Kernel, LayerTape, LayerWork, Tape, TapeSpec, Workspace};
use stepgrad::training::{train, Model, Tapes, TrainOptions};

/// The four shapes of the comparison: layers, batch, cross-entropy.
const SHAPES: [(&[usize], usize, bool); 4] = [
    (&[2, 2, 2], 1, false),
    (&[4, 16, 3], 150, true),
    (&[64, 32, 10], 32, false),
    (&[256, 128, 10], 32, false),
];

fn spec(layers: &[usize], cross_entropy: bool) -> Spec {
    let sizes: Vec<String> = layers.iter().map(usize::to_string).collect();
    let (activation, loss) = match cross_entropy {
        true => ("[\"sigmoid\", \"softmax\"]", "cross_entropy"),
        false => ("\"sigmoid\"", "half_sse"),
    };
    let text = format!(
        "layers = [{}]\nactivation = {activation}\nloss = \"{loss}\"\ninit = \"xavier\"\nseed = 3\n",
        sizes.join(", ")
    );
    parse_spec(&text, "bench.toml", None).expect("benchmark specs are valid")
}

fn flat_weights(spec: &Spec) -> Vec<Vec<f64>> {
    let weights = spec.parameters.weights.iter();
    weights
        .map(|w| w.iter().flatten().copied().collect())
        .collect()
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
        separator: None,
        inputs,
        targets,
    }
}

/// The data by columns: a row per input, then a row per target.
fn columns(data: &Dataset) -> Vec<Vec<f64>> {
    let (n_in, n_out) = (data.inputs[0].len(), data.targets[0].len());
    let mut cols: Vec<Vec<f64>> = (0..n_in)
        .map(|k| data.inputs.iter().map(|r| r[k]).collect())
        .collect();
    cols.extend((0..n_out).map(|k| data.targets.iter().map(|r| r[k]).collect()));
    cols
}

fn scalar_gradient_tape(formula: &NetworkFormula) -> Tape {
    let parameters: Vec<_> = formula.params.iter().map(|p| p.var).collect();
    let mut data_vars = formula.inputs.clone();
    data_vars.extend(&formula.targets);
    let mut sums = vec![formula.loss];
    sums.extend(&formula.gradients);
    Tape::compile(
        &formula.graph,
        &TapeSpec {
            parameters: &parameters,
            data: &data_vars,
            column_outputs: &[],
            sum_outputs: &sums,
        },
    )
}

fn steps(c: &mut Criterion) {
    let mut group = c.benchmark_group("step");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(200))
        .measurement_time(Duration::from_secs(1));
    for (layers, batch, cross_entropy) in SHAPES {
        let spec = spec(layers, cross_entropy);
        let values = ParamList::of_spec(&spec).initial_values(&spec);
        let data = data(layers, batch);
        let cols = columns(&data);
        let block: Vec<f64> = cols.iter().flatten().copied().collect();
        let (inputs, targets) = block.split_at(layers[0] * batch);
        let name = format!("{}/{batch}", spec.shape());
        for (label, kernel) in [
            ("layer_tape", Kernel::Auto),
            ("layer_tape_loops", Kernel::Loops),
            ("layer_tape_blocked", Kernel::Blocked),
        ] {
            let tape = LayerTape::for_spec(&spec).with_kernel(kernel);
            let mut work = LayerWork::default();
            group.bench_function(BenchmarkId::new(label, &name), |b| {
                let samples = Batch {
                    inputs,
                    targets,
                    size: batch,
                };
                b.iter(|| black_box(tape.gradient(&mut work, &values, samples)))
            });
        }
        // The forward pass alone (the loss), for the gradient-to-forward
        // ratio.
        let tape = LayerTape::for_spec(&spec);
        let mut work = LayerWork::default();
        group.bench_function(BenchmarkId::new("layer_tape_forward", &name), |b| {
            let samples = Batch {
                inputs,
                targets,
                size: batch,
            };
            b.iter(|| black_box(tape.loss(&mut work, &values, samples)))
        });
        let full = NetworkFormula::build(&spec);
        let scalar = scalar_gradient_tape(&full);
        let views: Vec<&[f64]> = cols.iter().map(Vec::as_slice).collect();
        let mut workspace = Workspace::default();
        group.bench_function(BenchmarkId::new("scalar_tape", &name), |b| {
            b.iter(|| black_box(scalar.run(&mut workspace, &values, &views)))
        });
        let mut tiled = TiledMlp::new(
            spec.layers.clone(),
            flat_weights(&spec),
            spec.parameters.biases.clone(),
            cross_entropy,
        );
        let mut gw: Vec<Vec<f64>> = tiled.weights.iter().map(|w| vec![0.0; w.len()]).collect();
        let mut gb: Vec<Vec<f64>> = tiled.biases.iter().map(|b| vec![0.0; b.len()]).collect();
        group.bench_function(BenchmarkId::new("hand_tiled", &name), |b| {
            b.iter(|| black_box(tiled.gradient(inputs, targets, batch, &mut gw, &mut gb)))
        });
        // The per-sample loops know ½·SSE only: for the cross-entropy shape
        // they time the same layers with that loss.
        let plain = Mlp {
            layers: spec.layers.clone(),
            weights: flat_weights(&spec),
            biases: spec.parameters.biases.clone(),
        };
        group.bench_function(BenchmarkId::new("hand_plain", &name), |b| {
            b.iter(|| {
                gw.iter_mut().flatten().for_each(|g| *g = 0.0);
                gb.iter_mut().flatten().for_each(|g| *g = 0.0);
                black_box(plain.gradient(&data.inputs, &data.targets, &mut gw, &mut gb))
            })
        });
    }
    group.finish();
}

fn compiling(c: &mut Criterion) {
    let mut group = c.benchmark_group("compile");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(200))
        .measurement_time(Duration::from_secs(2));
    for (layers, _, cross_entropy) in SHAPES {
        let spec = spec(layers, cross_entropy);
        // What `train` builds: the parameters' names and places, and the
        // layer tape (no formulas).
        group.bench_function(BenchmarkId::new("for_training", spec.shape()), |b| {
            b.iter(|| {
                let params = ParamList::of_spec(&spec);
                black_box((params, Tapes::layered(&spec, None)))
            })
        });
    }
    group.finish();
}

fn epochs(c: &mut Criterion) {
    let mut group = c.benchmark_group("epoch");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(200))
        .measurement_time(Duration::from_secs(2));
    let iris = builtin("iris", &Generation::default()).expect("iris is built in");
    let large = data(&[64, 32, 10], 1800);
    let cancel = Cancel::new();
    for (layers, data, batch) in [(vec![4, 16, 3], &iris, 16), (vec![64, 32, 10], &large, 32)] {
        let spec = spec(&layers, false);
        let params = ParamList::of_spec(&spec);
        let tapes = Tapes::layered(&spec, None);
        let values = params.initial_values(&spec);
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
        group.bench_function(BenchmarkId::new("train", &name), |b| {
            b.iter(|| {
                black_box(train(
                    Model {
                        params: &params,
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
        group.bench_function(BenchmarkId::new("hand_plain", &name), |b| {
            b.iter(|| {
                // Like `train`, the loss over the whole set before and
                // after the epoch.
                let mut mlp = Mlp {
                    layers: spec.layers.clone(),
                    weights: flat_weights(&spec),
                    biases: spec.parameters.biases.clone(),
                };
                let before = mlp.loss(&data.inputs, &data.targets);
                mlp.epoch(&data.inputs, &data.targets, batch, 0.1);
                black_box((before, mlp.loss(&data.inputs, &data.targets)))
            })
        });
    }
    group.finish();
}

criterion_group!(benches, steps, compiling, epochs);
criterion_main!(benches);
