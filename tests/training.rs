//! The training loop against an independent computation: with the sample
//! order fixed (`--no-shuffle`), mini-batch descent must give, after every
//! iteration, the parameters a plain hand-written backpropagation loop
//! gives. The loop below shares nothing with stepgrad's symbolic graph or
//! tape: it applies the textbook δ formulas directly.

use stepgrad::data::Dataset;
use stepgrad::network::{
    initial_values, parse_spec, to_shapes, Loss, NetworkFormula, ParamList, Spec,
};
use stepgrad::optim::{Hyperparameters, OptimizerConfig};
use stepgrad::training::{evaluate, train, Columns, Model, Tapes, TrainOptions, Training};

type Weights = Vec<Vec<Vec<f64>>>;
type Biases = Vec<Vec<f64>>;

#[derive(Clone, Copy)]
enum Net {
    /// Sigmoid layers, ½·Σ(t − o)² summed over the batch.
    SigmoidHalfSse,
    /// tanh hidden layer, softmax output, cross-entropy averaged over the batch.
    TanhSoftmaxCrossEntropy,
}

fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

/// The activations of every layer for one sample.
fn forward(net: Net, w: &Weights, b: &Biases, x: &[f64]) -> Vec<Vec<f64>> {
    let mut layers = vec![x.to_vec()];
    for l in 0..w.len() {
        let input = &layers[l];
        let nets: Vec<f64> = w[l]
            .iter()
            .zip(&b[l])
            .map(|(row, bias)| row.iter().zip(input).map(|(w, a)| w * a).sum::<f64>() + bias)
            .collect();
        let last = l + 1 == w.len();
        let out = match (net, last) {
            (Net::SigmoidHalfSse, _) => nets.iter().map(|&n| sigmoid(n)).collect(),
            (Net::TanhSoftmaxCrossEntropy, false) => nets.iter().map(|n| n.tanh()).collect(),
            (Net::TanhSoftmaxCrossEntropy, true) => {
                let m = nets.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
                let e: Vec<f64> = nets.iter().map(|n| (n - m).exp()).collect();
                let s: f64 = e.iter().sum();
                e.iter().map(|v| v / s).collect()
            }
        };
        layers.push(out);
    }
    layers
}

/// The batch gradient by backpropagation: (∂E/∂W, ∂E/∂b).
fn gradient(
    net: Net,
    w: &Weights,
    b: &Biases,
    data: &Dataset,
    batch: &[usize],
) -> (Weights, Biases) {
    let mut gw: Weights = w
        .iter()
        .map(|l| l.iter().map(|r| vec![0.0; r.len()]).collect())
        .collect();
    let mut gb: Biases = b.iter().map(|l| vec![0.0; l.len()]).collect();
    let scale = match net {
        Net::SigmoidHalfSse => 1.0,
        Net::TanhSoftmaxCrossEntropy => 1.0 / batch.len() as f64,
    };
    for &s in batch {
        let a = forward(net, w, b, &data.inputs[s]);
        let t = &data.targets[s];
        let top = a.len() - 1;
        // δ of the output layer: ∂E/∂net.
        let mut delta: Vec<f64> = match net {
            Net::SigmoidHalfSse => a[top]
                .iter()
                .zip(t)
                .map(|(o, t)| (o - t) * o * (1.0 - o))
                .collect(),
            Net::TanhSoftmaxCrossEntropy => a[top].iter().zip(t).map(|(o, t)| o - t).collect(),
        };
        for l in (0..w.len()).rev() {
            for (j, d) in delta.iter().enumerate() {
                gb[l][j] += scale * d;
                for (i, x) in a[l].iter().enumerate() {
                    gw[l][j][i] += scale * d * x;
                }
            }
            if l > 0 {
                delta = (0..a[l].len())
                    .map(|i| {
                        let back: f64 = delta.iter().enumerate().map(|(j, d)| d * w[l][j][i]).sum();
                        let h = a[l][i];
                        match net {
                            Net::SigmoidHalfSse => back * h * (1.0 - h),
                            Net::TanhSoftmaxCrossEntropy => back * (1.0 - h * h),
                        }
                    })
                    .collect();
            }
        }
    }
    (gw, gb)
}

fn dataset(samples: usize, inputs: usize, outputs: usize) -> Dataset {
    Dataset {
        feature_names: (0..inputs).map(|k| format!("x{k}")).collect(),
        target_names: (0..outputs).map(|k| format!("t{k}")).collect(),
        class_names: None,
        separator: None,
        inputs: (0..samples)
            .map(|s| {
                (0..inputs)
                    .map(|k| ((s * 7 + k * 3) % 11) as f64 / 5.5 - 1.0)
                    .collect()
            })
            .collect(),
        targets: (0..samples)
            .map(|s| {
                (0..outputs)
                    .map(|k| if k == s % outputs { 1.0 } else { 0.0 })
                    .collect()
            })
            .collect(),
    }
}

/// A run on the formulas' scalar tape, or with `layered` on the layer
/// tape `train` uses.
fn run(
    layered: bool,
    spec: &Spec,
    data: &Dataset,
    optimizer: OptimizerConfig,
    batch_size: usize,
    drop_last: bool,
    epochs: usize,
) -> (NetworkFormula, Training) {
    let formula = NetworkFormula::build(spec);
    let tapes = match layered {
        true => Tapes::layered(spec, None),
        false => Tapes::compile(&formula),
    };
    let options = TrainOptions {
        optimizer,
        epochs,
        batch_size,
        shuffle: false,
        drop_last,
        seed: 0,
        target_loss: None,
        patience: None,
        update_biases: true,
        record_iterations: true,
        record_parameters: true,
        keep_best: false,
        schedule: Default::default(),
    };
    let initial = initial_values(&formula, spec);
    let training = train(
        Model {
            params: &ParamList::of_formula(&formula),
            tapes: &tapes,
            loss: spec.loss,
        },
        data,
        None,
        initial,
        &options,
        stepgrad::interrupt::Control::quiet(&stepgrad::interrupt::Cancel::new()),
    );
    (formula, training)
}

fn assert_close(label: &str, got: f64, want: f64) {
    assert!(
        (got - want).abs() <= 1e-12 * want.abs().max(1.0),
        "{label}: stepgrad {got}, hand-written loop {want}"
    );
}

/// `step(x, g)` for every weight and bias `x` beside its `g`.
fn pairwise(
    w: &mut Weights,
    b: &mut Biases,
    gw: &Weights,
    gb: &Biases,
    step: impl Fn(&mut f64, f64),
) {
    let weights = w
        .iter_mut()
        .flatten()
        .flatten()
        .zip(gw.iter().flatten().flatten());
    let biases = b.iter_mut().flatten().zip(gb.iter().flatten());
    for (x, g) in weights.chain(biases) {
        step(x, *g);
    }
}

/// The parameters `params` (stepgrad's) against the hand-written loop's.
fn assert_params_close(
    label: &str,
    formula: &NetworkFormula,
    spec: &Spec,
    params: &[f64],
    w: &Weights,
    b: &Biases,
) {
    let (sw, sb) = to_shapes(formula, spec, params);
    let weights = sw
        .iter()
        .flatten()
        .flatten()
        .zip(w.iter().flatten().flatten());
    for (got, want) in weights {
        assert_close(&format!("{label}, a weight"), *got, *want);
    }
    for (got, want) in sb.iter().flatten().zip(b.iter().flatten()) {
        assert_close(&format!("{label}, a bias"), *got, *want);
    }
}

fn sgd(extra: Hyperparameters) -> OptimizerConfig {
    OptimizerConfig::from_name("sgd", &extra).expect("sgd exists")
}

#[test]
fn minibatch_sgd_follows_the_hand_written_loop_iteration_by_iteration() {
    let spec = parse_spec(
        "layers = [2, 3, 2]\nactivation = \"sigmoid\"\nloss = \"half_sse\"\ninit = \"xavier\"\nseed = 5\n",
        "test.toml",
        None,
    )
    .unwrap();
    // 7 samples in batches of 3: iterations of 3, 3 and 1 samples per epoch.
    let data = dataset(7, 2, 2);
    let lr = 0.5;
    let (formula, training) = run(
        false,
        &spec,
        &data,
        sgd(Hyperparameters {
            lr: Some(lr),
            ..Hyperparameters::default()
        }),
        3,
        false,
        4,
    );
    assert_eq!(training.iterations.len(), 12);
    let (mut w, mut b) = (
        spec.parameters.weights.clone(),
        spec.parameters.biases.clone(),
    );
    let order: Vec<usize> = (0..7).collect();
    let mut k = 0;
    for _epoch in 0..4 {
        for batch in order.chunks(3) {
            let (gw, gb) = gradient(Net::SigmoidHalfSse, &w, &b, &data, batch);
            for (wl, gl) in w.iter_mut().zip(&gw) {
                for (wr, gr) in wl.iter_mut().zip(gl) {
                    for (wv, g) in wr.iter_mut().zip(gr) {
                        *wv -= lr * g;
                    }
                }
            }
            for (bl, gl) in b.iter_mut().zip(&gb) {
                for (bv, g) in bl.iter_mut().zip(gl) {
                    *bv -= lr * g;
                }
            }
            let params = training.iterations[k].params.as_ref().unwrap();
            let (sw, sb) = to_shapes(&formula, &spec, params);
            for (l, layer) in w.iter().enumerate() {
                for (j, row) in layer.iter().enumerate() {
                    for (i, &want) in row.iter().enumerate() {
                        assert_close(
                            &format!("iteration {}, W[{l}][{j}][{i}]", k + 1),
                            sw[l][j][i],
                            want,
                        );
                    }
                    assert_close(
                        &format!("iteration {}, b[{l}][{j}]", k + 1),
                        sb[l][j],
                        b[l][j],
                    );
                }
            }
            k += 1;
        }
    }
}

#[test]
fn momentum_with_dropped_last_batch_follows_the_hand_written_loop() {
    let spec = parse_spec(
        "layers = [3, 4, 3]\nactivation = [\"tanh\", \"softmax\"]\nloss = \"cross_entropy\"\ninit = \"xavier\"\nseed = 11\n",
        "test.toml",
        None,
    )
    .unwrap();
    // 10 samples in batches of 4 with --drop-last: 2 iterations per epoch,
    // samples 8 and 9 never used.
    let data = dataset(10, 3, 3);
    let (lr, mu) = (0.2, 0.9);
    let (formula, training) = run(
        false,
        &spec,
        &data,
        sgd(Hyperparameters {
            lr: Some(lr),
            momentum: Some(mu),
            ..Hyperparameters::default()
        }),
        4,
        true,
        3,
    );
    assert_eq!(training.iterations.len(), 6);
    let (mut w, mut b) = (
        spec.parameters.weights.clone(),
        spec.parameters.biases.clone(),
    );
    // PyTorch's momentum buffer: g at the first step, then μ·buf + g.
    let mut buffer: Option<(Weights, Biases)> = None;
    let mut k = 0;
    for _epoch in 0..3 {
        for batch in [[0, 1, 2, 3], [4, 5, 6, 7]] {
            let (gw, gb) = gradient(Net::TanhSoftmaxCrossEntropy, &w, &b, &data, &batch);
            let (bw, bb) = match buffer.take() {
                None => (gw, gb),
                Some((mut bw, mut bb)) => {
                    pairwise(&mut bw, &mut bb, &gw, &gb, |x, g| *x = mu * *x + g);
                    (bw, bb)
                }
            };
            pairwise(&mut w, &mut b, &bw, &bb, |x, v| *x -= lr * v);
            buffer = Some((bw, bb));
            let params = training.iterations[k].params.as_ref().unwrap();
            assert_params_close(
                &format!("iteration {}", k + 1),
                &formula,
                &spec,
                params,
                &w,
                &b,
            );
            k += 1;
        }
    }
}

/// The loss of each epoch is the loss over the whole set at the epoch's
/// end, and the batch losses are those of the hand-written forward pass.
#[test]
fn epoch_and_batch_losses_match_the_hand_written_forward_pass() {
    let spec = parse_spec(
        "layers = [2, 3, 2]\nactivation = \"sigmoid\"\nloss = \"half_sse\"\ninit = \"xavier\"\nseed = 5\n",
        "test.toml",
        None,
    )
    .unwrap();
    let data = dataset(7, 2, 2);
    let (formula, training) = run(
        false,
        &spec,
        &data,
        sgd(Hyperparameters {
            lr: Some(0.5),
            ..Hyperparameters::default()
        }),
        3,
        false,
        2,
    );
    let loss_of = |params: &[f64], samples: &[usize]| -> f64 {
        let (w, b) = to_shapes(&formula, &spec, params);
        samples
            .iter()
            .map(|&s| {
                let a = forward(Net::SigmoidHalfSse, &w, &b, &data.inputs[s]);
                a[a.len() - 1]
                    .iter()
                    .zip(&data.targets[s])
                    .map(|(o, t)| 0.5 * (t - o) * (t - o))
                    .sum::<f64>()
            })
            .sum()
    };
    let all: Vec<usize> = (0..7).collect();
    let initial = initial_values(&formula, &spec);
    assert_close(
        "epoch 0 loss",
        training.epochs[0].loss,
        loss_of(&initial, &all),
    );
    // Iteration 4 is the first batch of epoch 2, taken from the parameters
    // left by iteration 3.
    let after_3 = training.iterations[2].params.clone().unwrap();
    assert_close(
        "batch loss of iteration 4",
        training.iterations[3].batch_loss,
        loss_of(&after_3, &[0, 1, 2]),
    );
    assert_close(
        "epoch 1 loss",
        training.epochs[1].loss,
        loss_of(&after_3, &all),
    );
    let end = training.iterations[5].params.clone().unwrap();
    assert_close("epoch 2 loss", training.epochs[2].loss, loss_of(&end, &all));
    assert_eq!(training.epochs[2].iterations, 6);
}

/// `evaluate` with the gradient agrees with the hand-written loop over a
/// whole data set bigger than one evaluation chunk.
#[test]
fn whole_set_gradient_matches_backpropagation_by_hand() {
    let spec = parse_spec(
        "layers = [3, 4, 3]\nactivation = [\"tanh\", \"softmax\"]\nloss = \"cross_entropy\"\ninit = \"xavier\"\nseed = 2\n",
        "test.toml",
        None,
    )
    .unwrap();
    let data = dataset(300, 3, 3);
    let formula = NetworkFormula::build(&spec);
    let tapes = Tapes::compile(&formula);
    let params = initial_values(&formula, &spec);
    let e = evaluate(
        &tapes,
        Loss::CrossEntropy,
        &Columns::new(&data),
        &params,
        true,
        true,
    );
    let all: Vec<usize> = (0..300).collect();
    let (gw, gb) = gradient(
        Net::TanhSoftmaxCrossEntropy,
        &spec.parameters.weights,
        &spec.parameters.biases,
        &data,
        &all,
    );
    let (sw, sb) = to_shapes(&formula, &spec, &e.gradient);
    for (got, want) in sw
        .iter()
        .flatten()
        .flatten()
        .zip(gw.iter().flatten().flatten())
    {
        assert!((got - want).abs() < 1e-12, "{got} vs {want}");
    }
    for (got, want) in sb.iter().flatten().zip(gb.iter().flatten()) {
        assert!((got - want).abs() < 1e-12, "{got} vs {want}");
    }
    assert!(e.accuracy.is_some());
}

/// Full-batch descent on the layer tape, where each epoch's record and
/// the next epoch's batch come from one pass over the set: parameters,
/// epoch losses and accuracies follow the hand-written loop, for a set
/// larger than one evaluation chunk of the scalar tape (150 > 128) and
/// for one sample; the records equal a separate evaluation bit for bit.
#[test]
fn full_batch_epochs_on_the_layer_tape_follow_the_hand_written_loop() {
    let spec = parse_spec(
        "layers = [3, 4, 3]\nactivation = [\"tanh\", \"softmax\"]\nloss = \"cross_entropy\"\ninit = \"xavier\"\nseed = 2\n",
        "test.toml",
        None,
    )
    .unwrap();
    for samples in [150, 1] {
        let data = dataset(samples, 3, 3);
        let lr = 0.3;
        let optimizer = sgd(Hyperparameters {
            lr: Some(lr),
            ..Hyperparameters::default()
        });
        let (formula, training) = run(true, &spec, &data, optimizer, samples, false, 6);
        let all: Vec<usize> = (0..samples).collect();
        let (mut w, mut b) = (
            spec.parameters.weights.clone(),
            spec.parameters.biases.clone(),
        );
        let net = Net::TanhSoftmaxCrossEntropy;
        for epoch in 0..=6 {
            if epoch > 0 {
                let (gw, gb) = gradient(net, &w, &b, &data, &all);
                pairwise(&mut w, &mut b, &gw, &gb, |x, g| *x -= lr * g);
                let params = training.iterations[epoch - 1].params.as_ref().unwrap();
                let label = format!("{samples} samples, epoch {epoch}");
                assert_params_close(&label, &formula, &spec, params, &w, &b);
            }
            let (mut loss, mut right) = (0.0, 0);
            for &s in &all {
                let a = forward(net, &w, &b, &data.inputs[s]);
                let out = &a[a.len() - 1];
                let class = data.targets[s].iter().position(|&t| t == 1.0).unwrap();
                loss -= out[class].ln();
                let predicted = (0..3).fold(0, |best, k| if out[k] > out[best] { k } else { best });
                right += usize::from(predicted == class);
            }
            let record = &training.epochs[epoch];
            let label = format!("{samples} samples, epoch {epoch} loss");
            assert_close(&label, record.loss, loss / samples as f64);
            assert_eq!(
                record.accuracy,
                Some(right as f64 / samples as f64),
                "{label}"
            );
            let params = match epoch {
                0 => initial_values(&formula, &spec),
                _ => training.iterations[epoch - 1].params.clone().unwrap(),
            };
            let evaluated = evaluate(
                &Tapes::layered(&spec, None),
                spec.loss,
                &Columns::new(&data),
                &params,
                true,
                false,
            );
            assert_eq!(record.loss.to_bits(), evaluated.loss.to_bits(), "{label}");
        }
    }
}
