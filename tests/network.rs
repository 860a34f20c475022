//! Networks against the published worked example (Mazur, REFERENCES.md §1)
//! and against finite differences of the loss, evaluated by meval.

mod common;

use common::{close, meval_eval};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use stepgrad::expr::{ascii, print_named, Notation};
use stepgrad::network::{
    initial_values, load_spec, run_steps, to_shapes, Activation, BiasMode, Loss, NetworkFormula,
    Origin, Parameters, Run, RunOptions, Spec, TrainSettings,
};
use stepgrad::optim::{Hyperparameters, OptimizerConfig};

fn run(spec: &Spec, steps: usize, keep_all: bool) -> (NetworkFormula, Run) {
    let formula = NetworkFormula::build(spec);
    let keep = move |_| keep_all;
    let run = run_steps(
        &formula,
        spec,
        &RunOptions {
            optimizer: OptimizerConfig::from_name(
                &spec.train.optimizer,
                &spec.train.hyperparameters,
            )
            .unwrap(),
            steps,
            update_biases: spec.train.update_biases,
            keep: &keep,
            cancel: &stepgrad::interrupt::Cancel::new(),
        },
    )
    .unwrap();
    (formula, run)
}

/// Agreement with a published figure to every digit it prints (9
/// significant digits for most of Mazur's figures): the difference is at
/// most one unit of its last decimal place, since the post computed some
/// figures by hand from already rounded ones (its ∂E_o2/∂out_h1 =
/// −0.019049119 is −0.01904911825 exactly).
fn nine_digits(actual: f64, published: &str) -> bool {
    let value: f64 = published.parse().unwrap();
    let decimals = published.split_once('.').map_or(0, |(_, d)| d.len()) as i32;
    (actual - value).abs() <= 10f64.powi(-decimals) + 1e-15
}

#[test]
fn mazur_reproduces_every_published_number() {
    let spec = load_spec("mazur").unwrap();
    let (f, run) = run(&spec, 1, true);
    let step = &run.steps[0];
    let values = &step.samples.as_ref().unwrap()[0];
    let neuron = |name: &str| f.neurons.iter().find(|n| n.name == name).unwrap();
    let param = |name: &str| f.params.iter().position(|p| p.name == name).unwrap();
    let v = |id| run.value(values, id);

    let forward = [
        (v(neuron("h1").net), "0.3775"),
        (v(neuron("h1").out), "0.593269992"),
        (v(neuron("h2").out), "0.596884378"),
        (v(neuron("o1").net), "1.105905967"),
        (v(neuron("o1").out), "0.75136507"),
        (v(neuron("o2").out), "0.772928465"),
        (v(f.error_terms[0]), "0.274811083"),
        (v(f.error_terms[1]), "0.023560026"),
        (step.loss, "0.298371109"),
        (v(neuron("h2").net), "0.3925"),
        (v(neuron("o2").net), "1.2249214040964653"),
    ];
    for (i, (actual, published)) in forward.iter().enumerate() {
        assert!(
            nine_digits(*actual, published),
            "forward value {i}: {actual} vs {published}"
        );
    }

    // The factors of ∂E/∂w5 and ∂E/∂w1.
    let w5 = &f.chains[param("w5")];
    let factors: Vec<f64> = w5.factors.iter().map(|x| v(x.formula)).collect();
    for (actual, published) in factors
        .iter()
        .zip(["0.74136507", "0.186815602", "0.593269992"])
    {
        assert!(nine_digits(*actual, published), "{actual} vs {published}");
    }
    assert!(nine_digits(v(w5.gradient), "0.082167041"));
    let o1 = f.neurons.iter().position(|n| n.name == "o1").unwrap();
    assert!(nine_digits(v(f.deltas[o1]), "0.138498562"));
    let w1 = &f.chains[param("w1")];
    let path = f.path_sums[w1.path_sum.unwrap()].as_ref().unwrap();
    assert!(nine_digits(v(path.terms[0].3), "0.055399425"));
    assert!(nine_digits(v(path.terms[1].3), "-0.019049119"));
    let factors: Vec<f64> = w1.factors.iter().map(|x| v(x.formula)).collect();
    assert!(nine_digits(factors[0], "0.036350306"));
    assert!(nine_digits(factors[1], "0.241300709"));
    assert!(nine_digits(v(w1.gradient), "0.000438568"));

    // All eight new weights; biases not updated.
    let new = [
        ("w1", "0.149780716"),
        ("w2", "0.19956143"),
        ("w3", "0.24975114"),
        ("w4", "0.29950229"),
        ("w5", "0.35891648"),
        ("w6", "0.408666186"),
        ("w7", "0.511301270"),
        ("w8", "0.561370121"),
        ("b1", "0.35"),
        ("b2", "0.60"),
    ];
    for (name, published) in new {
        assert!(
            nine_digits(step.params_after[param(name)], published),
            "{name}: {}",
            step.params_after[param(name)]
        );
    }
    assert!(close(run.final_loss, 0.29102777369359933, 1e-12));

    // The formulas read as in the post.
    let show = |id| print_named(&f.graph, id, Notation::Unicode, &f.names);
    assert_eq!(show(w5.factors[0].formula), "−(target_o1 − out_o1)");
    assert_eq!(show(w5.factors[1].formula), "out_o1·(1 − out_o1)");
    assert_eq!(show(w5.factors[2].formula), "out_h1");
    assert_eq!(show(w1.factors[0].formula), "δ_o1·w5 + δ_o2·w7");
    assert_eq!(
        (f.backprop_multiplications, f.separate_multiplications),
        (16, 40)
    );
}

#[test]
fn mazur_after_ten_thousand_updates() {
    let spec = load_spec("mazur").unwrap();
    let (f, run) = run(&spec, 10_000, false);
    assert!(
        (run.final_loss / 3.510187783e-05 - 1.0).abs() < 1e-9,
        "{}",
        run.final_loss
    );
    let outputs: Vec<f64> = f.neurons[2..]
        .iter()
        .map(|n| run.value(&run.final_samples[0], n.out))
        .collect();
    assert!(
        nine_digits(outputs[0], "0.015913620") && nine_digits(outputs[1], "0.984064274"),
        "{outputs:?}"
    );
}

/// The batch loss at `params`, evaluated by meval on the loss formula's
/// ASCII text — an evaluator independent of stepgrad's.
fn meval_loss(f: &NetworkFormula, spec: &Spec, text: &str, params: &[f64]) -> f64 {
    let mut total = 0.0;
    for s in 0..spec.inputs.len() {
        let mut values: Vec<(String, f64)> = f
            .params
            .iter()
            .zip(params)
            .map(|(p, &v)| (p.name.clone(), v))
            .collect();
        for (k, &v) in spec.inputs[s].iter().enumerate() {
            values.push((format!("i{}", k + 1), v));
        }
        for (k, &t) in f.targets.iter().enumerate() {
            values.push((f.graph.as_var(t).unwrap().to_string(), spec.targets[s][k]));
        }
        let refs: Vec<(&str, f64)> = values.iter().map(|(n, v)| (n.as_str(), *v)).collect();
        total += meval_eval(text, &refs);
    }
    if spec.loss.averages_samples() {
        total / spec.inputs.len() as f64
    } else {
        total
    }
}

/// The samples of `spec` as a data set, its columns named x0…, t0….
fn dataset_of(spec: &Spec) -> stepgrad::data::Dataset {
    stepgrad::data::Dataset {
        feature_names: (0..spec.layers[0]).map(|k| format!("x{k}")).collect(),
        target_names: (0..spec.layers[spec.layers.len() - 1])
            .map(|k| format!("t{k}"))
            .collect(),
        inputs: spec.inputs.clone(),
        targets: spec.targets.clone(),
        ..Default::default()
    }
}

fn random_spec() -> impl Strategy<Value = Spec> {
    let shape = (
        prop::collection::vec(1usize..4, 2..5),
        0usize..4,
        0usize..3,
        1usize..7,
        any::<u64>(),
    );
    shape.prop_map(|(layers, loss, bias, samples, seed)| {
        use rand::{RngExt, SeedableRng};
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
        let mut layers = layers;
        let loss = [Loss::HalfSse, Loss::Mse, Loss::Bce, Loss::CrossEntropy][loss];
        let depth = layers.len() - 1;
        if loss == Loss::CrossEntropy && layers[depth] < 2 {
            layers[depth] = 3;
        }
        let hidden = [
            Activation::Sigmoid,
            Activation::Tanh,
            Activation::Relu,
            Activation::Identity,
            Activation::Softplus,
            Activation::Silu,
            Activation::LeakyRelu,
            Activation::Elu,
            Activation::Gelu,
        ];
        let mut activations: Vec<Activation> = (0..depth)
            .map(|_| hidden[rng.random_range(0..hidden.len())])
            .collect();
        activations[depth - 1] = match loss {
            Loss::CrossEntropy => Activation::Softmax,
            Loss::Bce => Activation::Sigmoid,
            _ => [
                Activation::Sigmoid,
                Activation::Tanh,
                Activation::Identity,
                Activation::Softmax,
                Activation::Softplus,
                Activation::Gelu,
            ][rng.random_range(0..6)],
        };
        let bias = [BiasMode::PerNeuron, BiasMode::PerLayer, BiasMode::None][bias];
        let weights = (0..depth)
            .map(|l| {
                (0..layers[l + 1])
                    .map(|_| {
                        (0..layers[l])
                            .map(|_| rng.random_range(-1.0..1.0))
                            .collect()
                    })
                    .collect()
            })
            .collect();
        let biases = (0..depth)
            .map(|l| {
                let n = match bias {
                    BiasMode::PerNeuron => layers[l + 1],
                    BiasMode::PerLayer => 1,
                    BiasMode::None => 0,
                };
                (0..n).map(|_| rng.random_range(-1.0..1.0)).collect()
            })
            .collect();
        let inputs = (0..samples)
            .map(|_| {
                (0..layers[0])
                    .map(|_| rng.random_range(-2.0..2.0))
                    .collect()
            })
            .collect();
        let outputs = layers[depth];
        let targets = (0..samples)
            .map(|_| match loss {
                Loss::CrossEntropy => {
                    let class = rng.random_range(0..outputs);
                    (0..outputs)
                        .map(|k| if k == class { 1.0 } else { 0.0 })
                        .collect()
                }
                Loss::Bce => (0..outputs).map(|_| rng.random_range(0.0..1.0)).collect(),
                _ => (0..outputs).map(|_| rng.random_range(-1.0..1.0)).collect(),
            })
            .collect();
        Spec {
            name: "random".into(),
            description: None,
            description_ko: None,
            note: None,
            note_ko: None,
            layers,
            activations,
            bias,
            loss,
            parameters: Parameters { weights, biases },
            origin: Origin::Explicit,
            parameters_at: None,
            data_file: None,
            inputs,
            targets,
            train: TrainSettings {
                hyperparameters: Hyperparameters {
                    lr: Some(0.1),
                    ..Hyperparameters::default()
                },
                optimizer: "sgd".into(),
                update_biases: true,
                steps: 1,
                epochs: None,
                batch_size: None,
            },
        }
    })
}

#[test]
fn random_network_gradients_agree_with_finite_differences() {
    let compared = std::cell::Cell::new(0usize);
    let total = std::cell::Cell::new(0usize);
    let mut runner = TestRunner::new(Config {
        cases: 200,
        failure_persistence: None,
        ..Config::default()
    });
    runner
        .run(&random_spec(), |spec| {
            let (f, run) = run(&spec, 1, false);
            let text = ascii(&f.graph, f.loss);
            let params = initial_values(&f, &spec);
            let gradients = &run.steps[0].gradients;
            let loss = meval_loss(&f, &spec, &text, &params);
            prop_assert!(close(loss, run.steps[0].loss, 1e-10), "loss {loss} vs {}", run.steps[0].loss);
            for (i, p) in f.params.iter().enumerate() {
                total.set(total.get() + 1);
                let at = |h: f64| {
                    let mut shifted = params.clone();
                    shifted[i] += h;
                    meval_loss(&f, &spec, &text, &shifted)
                };
                let difference = |h: f64| (at(h) - at(-h)) / (2.0 * h);
                let (coarse, fine) = (difference(1e-4), difference(1e-6));
                // Skip a relu (or leaky relu) sitting on its kink, where no
                // derivative exists.
                if !close(coarse, fine, 1e-5) {
                    continue;
                }
                compared.set(compared.get() + 1);
                prop_assert!(
                    close(gradients[i], fine, 1e-6),
                    "∂E/∂{} = {} by backpropagation, {fine} by finite differences ({:?}, {:?}, {:?})",
                    p.name,
                    gradients[i],
                    spec.layers,
                    spec.activations,
                    spec.loss
                );
            }
            Ok(())
        })
        .unwrap();
    assert!(
        compared.get() * 10 >= total.get() * 9,
        "compared {} of {}",
        compared.get(),
        total.get()
    );
}

/// Mazur's network trained by a hand-written loop, independent of
/// stepgrad's formulas: `output_first` updates the output weights before
/// computing the hidden gradients (the post's older code). Returns the
/// error after each update.
fn mazur_by_hand(output_first: bool, updates: usize) -> Vec<f64> {
    let sig = |x: f64| 1.0 / (1.0 + (-x).exp());
    let (i1, i2, t1, t2, b1, b2, lr) = (0.05, 0.10, 0.01, 0.99, 0.35, 0.60, 0.5);
    let mut w = [0.15, 0.20, 0.25, 0.30, 0.40, 0.45, 0.50, 0.55];
    let forward = |w: &[f64; 8]| {
        let h1 = sig(w[0] * i1 + w[1] * i2 + b1);
        let h2 = sig(w[2] * i1 + w[3] * i2 + b1);
        (
            h1,
            h2,
            sig(w[4] * h1 + w[5] * h2 + b2),
            sig(w[6] * h1 + w[7] * h2 + b2),
        )
    };
    let mut errors = Vec::new();
    for _ in 0..updates {
        let (h1, h2, o1, o2) = forward(&w);
        let (d1, d2) = ((o1 - t1) * o1 * (1.0 - o1), (o2 - t2) * o2 * (1.0 - o2));
        let mut new = w;
        for (j, g) in [d1 * h1, d1 * h2, d2 * h1, d2 * h2].iter().enumerate() {
            new[4 + j] = w[4 + j] - lr * g;
        }
        let wo = if output_first { new } else { w };
        let dh1 = (d1 * wo[4] + d2 * wo[6]) * h1 * (1.0 - h1);
        let dh2 = (d1 * wo[5] + d2 * wo[7]) * h2 * (1.0 - h2);
        for (j, g) in [dh1 * i1, dh1 * i2, dh2 * i1, dh2 * i2].iter().enumerate() {
            new[j] = w[j] - lr * g;
        }
        w = new;
        let (_, _, o1, o2) = forward(&w);
        errors.push(0.5 * (t1 - o1).powi(2) + 0.5 * (t2 - o2).powi(2));
    }
    errors
}

#[test]
fn why_the_post_prints_different_figures() {
    let ours = mazur_by_hand(false, 10_000);
    let older = mazur_by_hand(true, 10_000);
    // stepgrad agrees with the independent loop at every point checked.
    let spec = load_spec("mazur").unwrap();
    let (_, run) = run(&spec, 10_000, false);
    assert!(close(run.final_loss, ours[9_999], 1e-12));
    assert!(
        close(run.steps[9_999].loss, ours[9_998], 1e-12),
        "the loss before step 10,000 is the loss after 9,999"
    );
    // The post's 0.291027924 is the older code's first update…
    assert!(nine_digits(older[0], "0.291027924") && !nine_digits(ours[0], "0.291027924"));
    // …and its 0.0000351085 is the post's own convention after 9,999
    // updates, not the older code after 10,000 (3.5084786e-05).
    assert!(nine_digits(ours[9_998] * 1e5, "3.51085"));
    assert!(nine_digits(older[9_999] * 1e5, "3.5084786"));
    assert!(!nine_digits(older[9_999] * 1e5, "3.51085"));
}

/// The compiled tape (used by `train`) and the graph evaluator (used by
/// `net`) give the same loss and gradient on random networks, and the
/// tape's outputs agree with meval's evaluation of the printed loss.
#[test]
fn compiled_tape_agrees_with_the_evaluator_on_random_networks() {
    use stepgrad::training::{evaluate, Columns, Tapes};
    let mut runner = TestRunner::new(Config {
        cases: 200,
        failure_persistence: None,
        ..Config::default()
    });
    runner
        .run(&random_spec(), |spec| {
            let (f, run) = run(&spec, 1, false);
            let tapes = Tapes::compile(&f);
            let data = dataset_of(&spec);
            let params = initial_values(&f, &spec);
            let e = evaluate(
                &tapes,
                spec.loss,
                &Columns::new(&data),
                &params,
                false,
                true,
            );
            let text = ascii(&f.graph, f.loss);
            let by_meval = meval_loss(&f, &spec, &text, &params);
            prop_assert!(
                close(e.loss, run.steps[0].loss, 1e-12),
                "tape loss {} vs evaluator {}",
                e.loss,
                run.steps[0].loss
            );
            prop_assert!(
                close(e.loss, by_meval, 1e-10),
                "tape loss {} vs meval {by_meval}",
                e.loss
            );
            for (i, p) in f.params.iter().enumerate() {
                prop_assert!(
                    close(e.gradient[i], run.steps[0].gradients[i], 1e-12),
                    "∂E/∂{}: tape {} vs evaluator {} ({:?}, {:?}, {:?})",
                    p.name,
                    e.gradient[i],
                    run.steps[0].gradients[i],
                    spec.layers,
                    spec.activations,
                    spec.loss
                );
            }
            Ok(())
        })
        .unwrap();
}

/// The first entry of `a` not within 1e-12 of `b`'s, relative to the
/// larger of the two and of the largest entry of `b` — so an entry that
/// nearly cancels (a shared bias under softmax: Σδ = 0) is judged against
/// the gradient it belongs to — and at least of 10⁻³: these networks'
/// terms are of order 1, whose rounding leaves ~10⁻¹⁷ where a sum cancels.
fn agree(a: &[f64], b: &[f64]) -> Option<usize> {
    let scale = b.iter().fold(1e-3f64, |m, v| m.max(v.abs()));
    (0..a.len().max(b.len())).find(|&i| match (a.get(i), b.get(i)) {
        (Some(x), Some(y)) => (x - y).abs() > 1e-12 * x.abs().max(y.abs()).max(scale),
        _ => true,
    })
}

/// The layer tape (`train`'s engine), with either kernel, gives the loss
/// and gradient the graph evaluator (`net`) and the scalar tape give, on
/// random networks of every activation, loss and bias mode.
#[test]
fn the_parameter_list_is_the_formulas_parameters() {
    use stepgrad::network::ParamList;
    let mut runner = TestRunner::new(Config {
        cases: 200,
        failure_persistence: None,
        ..Config::default()
    });
    runner
        .run(&random_spec(), |spec| {
            let listed = ParamList::of_spec(&spec);
            let formula = NetworkFormula::forward(&spec);
            let built = ParamList::of_formula(&formula);
            prop_assert_eq!(&listed.kinds, &built.kinds);
            let names: Vec<String> = (0..listed.len()).map(|i| listed.name(i)).collect();
            let formula_names: Vec<&String> = formula.params.iter().map(|p| &p.name).collect();
            prop_assert_eq!(names.iter().collect::<Vec<_>>(), formula_names);
            let values: Vec<f64> = (0..listed.len()).map(|i| i as f64).collect();
            prop_assert_eq!(
                listed.to_shapes(&spec, &values),
                to_shapes(&formula, &spec, &values)
            );
            prop_assert_eq!(
                listed.initial_values(&spec),
                initial_values(&formula, &spec)
            );
            Ok(())
        })
        .unwrap();
}

#[test]
fn layer_tape_agrees_with_the_evaluator_and_the_scalar_tape() {
    use stepgrad::tape::Kernel;
    use stepgrad::training::{evaluate, Columns, Tapes};
    let mut runner = TestRunner::new(Config {
        cases: 300,
        failure_persistence: None,
        ..Config::default()
    });
    runner
        .run(&random_spec(), |spec| {
            let (f, run) = run(&spec, 1, false);
            let data = dataset_of(&spec);
            let columns = Columns::new(&data);
            let params = initial_values(&f, &spec);
            let scalar = evaluate(
                &Tapes::compile(&f),
                spec.loss,
                &columns,
                &params,
                true,
                true,
            );
            let evaluator = &run.steps[0];
            for kernel in [Kernel::Loops, Kernel::Blocked, Kernel::Auto] {
                let tapes = Tapes::layered(&spec, None).with_kernel(kernel);
                let layers = evaluate(&tapes, spec.loss, &columns, &params, true, true);
                let what = format!(
                    "{kernel:?} on {:?} {:?} {:?} {:?}",
                    spec.layers, spec.activations, spec.bias, spec.loss
                );
                prop_assert!(
                    agree(&[layers.loss], &[evaluator.loss]).is_none(),
                    "{what}: loss {} vs evaluator {}",
                    layers.loss,
                    evaluator.loss
                );
                prop_assert!(
                    agree(&[layers.loss], &[scalar.loss]).is_none(),
                    "{what}: loss vs scalar tape"
                );
                prop_assert_eq!(layers.accuracy, scalar.accuracy, "{}: accuracy", what);
                if let Some(i) = agree(&layers.gradient, &evaluator.gradients) {
                    return Err(TestCaseError::fail(format!(
                        "{what}: ∂E/∂{}: layer tape {:?} vs evaluator {:?}",
                        f.params[i].name,
                        layers.gradient.get(i),
                        evaluator.gradients.get(i)
                    )));
                }
                prop_assert!(
                    agree(&layers.gradient, &scalar.gradient).is_none(),
                    "{what}: gradient vs scalar tape"
                );
            }
            Ok(())
        })
        .unwrap();
}

/// The number after the last " = " of a line of `net`'s equations.
fn last_number(line: &str) -> f64 {
    let text = line.rsplit(" = ").next().unwrap().trim();
    text.parse()
        .unwrap_or_else(|e| panic!("{e}: {text:?} in {line:?}"))
}

/// Each δ's printed value (the last line of its equation) by name,
/// "δ_o1" → "0.138498562", from `net --show backward`'s text.
fn printed_deltas(text: &str) -> std::collections::HashMap<String, String> {
    let mut deltas = std::collections::HashMap::new();
    let mut current: Option<String> = None;
    for line in text.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("δ_") {
            current = trimmed.split(' ').next().map(str::to_string);
        } else if !trimmed.starts_with("= ") {
            current = None;
        }
        if let Some(name) = &current {
            let value = line.rsplit(" = ").next().unwrap().trim();
            deltas.insert(name.clone(), value.split(' ').next().unwrap().to_string());
        }
    }
    deltas
}

/// `net`'s text report of one step, showing the backward pass.
fn backward_text(f: &NetworkFormula, spec: &Spec, run: &Run, width: Option<usize>) -> String {
    use stepgrad::report::net::{render, NetReport, Show};
    let report = NetReport {
        spec,
        formula: f,
        run,
        show: Show {
            network: false,
            formula: false,
            forward: false,
            backward: true,
            update: false,
        },
        sample: 0,
        optimizer: OptimizerConfig::from_name(&spec.train.optimizer, &spec.train.hyperparameters)
            .unwrap(),
        update_biases: spec.train.update_biases,
        derivation: None,
        plot: None,
        header: true,
    };
    let mut style = stepgrad::report::Style::plain(9);
    style.width = width;
    render(&report, stepgrad::report::Format::Text, &style)
}

/// Agreement to the printed digits: `printed` rounds the true product, and
/// the factors each round theirs to 9 significant digits.
fn product_agrees(a: f64, b: f64, printed: f64) -> bool {
    (a * b - printed).abs() <= 2e-8 * (a * b).abs().max(printed.abs()) + 1e-300
}

#[test]
fn mazur_backward_prints_each_gradient_as_delta_times_input() {
    let spec = load_spec("mazur").unwrap();
    let (f, run) = run(&spec, 1, true);
    let text = backward_text(&f, &spec, &run, Some(80));
    // The δs factorised once, with the post's numbers (REFERENCES.md §1).
    for line in [
        "  δ_o1 = ∂E_total/∂net_o1",
        "       = ∂E_total/∂out_o1 · ∂out_o1/∂net_o1",
        "       = −(target_o1 − out_o1) · out_o1·(1 − out_o1)",
        "       = 0.74136507 · 0.186815602",
        "       = 0.138498562",
        "  ∂E_total/∂out_h1 = δ_o1·w5 + δ_o2·w7",
        "       = (δ_o1·w5 + δ_o2·w7) · out_h1·(1 − out_h1)",
        "       = 0.0363503064 · 0.241300709",
    ] {
        assert!(
            text.lines().any(|l| l == line),
            "no line {line:?} in\n{text}"
        );
    }
    // Each gradient as the δ already computed times its input, with the
    // post's ∂E_total/∂w5 = 0.082167041 and ∂E_total/∂w1 = 0.000438568.
    let w5 = "  ∂E_total/∂w5 = δ_o1 · out_h1 = 0.138498562 · 0.593269992 = 0.0821670406";
    let w1 = "  ∂E_total/∂w1 = δ_h1 · i1 = 0.00877135469 · 0.05 = 0.000438567734";
    for line in [w5, w1] {
        assert!(
            text.lines().any(|l| l == line),
            "no line {line:?} in\n{text}"
        );
    }
    assert!(nine_digits(last_number(w5), "0.082167041"));
    assert!(nine_digits(last_number(w1), "0.000438568"));
    // No weight's line multiplies out the chain rule again.
    assert!(!text.contains("∂net_o1/∂w5"), "{text}");
    for line in text.lines() {
        assert!(stepgrad::wrap::columns(line) <= 80, "{line:?}");
    }
}

/// Every line `∂E_total/∂p = δ_n · input = a · b = g` of random networks:
/// `a` is the δ printed above it, `a · b` is `g` to the printed digits,
/// and `g` is the central difference of the loss (meval on its formula);
/// a neuron's own bias has ∂E/∂b = δ, so there δ itself meets the finite
/// difference.
#[test]
fn printed_delta_products_are_the_gradients_on_random_networks() {
    let products = std::cell::Cell::new(0usize);
    let mut runner = TestRunner::new(Config {
        cases: 60,
        failure_persistence: None,
        ..Config::default()
    });
    runner
        .run(&random_spec(), |mut spec| {
            spec.inputs.truncate(1);
            spec.targets.truncate(1);
            let (f, run) = run(&spec, 1, true);
            let text = backward_text(&f, &spec, &run, None);
            let deltas = printed_deltas(&text);
            let loss_text = ascii(&f.graph, f.loss);
            let params = initial_values(&f, &spec);
            for (i, p) in f.params.iter().enumerate() {
                let head = format!("  ∂E_total/∂{} = ", p.name);
                let line = text
                    .lines()
                    .find(|l| l.starts_with(&head))
                    .unwrap_or_else(|| panic!("no {head:?} in\n{text}"));
                let parts: Vec<&str> = line[head.len()..].split(" = ").collect();
                let printed = last_number(line);
                let at = |h: f64| {
                    let mut shifted = params.clone();
                    shifted[i] += h;
                    meval_loss(&f, &spec, &loss_text, &shifted)
                };
                let difference = |h: f64| (at(h) - at(-h)) / (2.0 * h);
                let (coarse, fine) = (difference(1e-4), difference(1e-6));
                let smooth = close(coarse, fine, 1e-5);
                if smooth {
                    prop_assert!(
                        close(printed, fine, 1e-6),
                        "{line}: finite difference {fine}"
                    );
                }
                if let [names, numbers, _] = parts[..] {
                    if let Some((delta, _input)) = names.split_once(" · ") {
                        let (a, b) = numbers.split_once(" · ").unwrap();
                        prop_assert_eq!(Some(&a.to_string()), deltas.get(delta), "{}", line);
                        let (a, b): (f64, f64) = (a.parse().unwrap(), b.parse().unwrap());
                        prop_assert!(product_agrees(a, b, printed), "{}", line);
                        products.set(products.get() + 1);
                    }
                }
                if let [delta, _] = parts[..] {
                    if delta.starts_with("δ_") && spec.bias == BiasMode::PerNeuron {
                        prop_assert_eq!(
                            deltas.get(delta).map(|d| d.parse::<f64>().unwrap()),
                            Some(printed)
                        );
                    }
                }
            }
            Ok(())
        })
        .unwrap();
    assert!(products.get() > 300, "{} products compared", products.get());
}

/// An all-equal start keeps the hidden units identical (the reason weights
/// start random): after many steps both hidden neurons still have the same
/// incoming weights, outgoing weights and biases, bit for bit.
#[test]
fn an_all_equal_start_keeps_the_hidden_units_identical() {
    let mut spec = load_spec("mazur").unwrap();
    spec.bias = BiasMode::PerNeuron;
    spec.parameters = Parameters {
        weights: vec![vec![vec![0.5; 2]; 2], vec![vec![0.5; 2]; 2]],
        biases: vec![vec![0.1; 2], vec![0.1; 2]],
    };
    spec.train.update_biases = true;
    let (f, equal_run) = run(&spec, 200, false);
    let last = equal_run.steps.last().unwrap();
    let value = |name: &str| {
        let k = f.params.iter().position(|p| p.name == name).unwrap();
        last.params_after[k]
    };
    for (h1, h2) in [
        ("w1", "w3"),
        ("w2", "w4"),
        ("b_h1", "b_h2"),
        ("w5", "w6"),
        ("w7", "w8"),
    ] {
        assert_eq!(value(h1).to_bits(), value(h2).to_bits(), "{h1} and {h2}");
    }
    assert!(value("w1") != 0.5, "the weights moved");
    // A start that differs in one weight lets the hidden units part.
    spec.parameters.weights[0][1][0] = 0.6;
    let (f, run) = run(&spec, 200, false);
    let last = run.steps.last().unwrap();
    let k = |name: &str| f.params.iter().position(|p| p.name == name).unwrap();
    assert!(last.params_after[k("w5")] != last.params_after[k("w6")]);
}

/// A softmax output under ½·SSE: each δ_o is the whole ∂E/∂net_o — the
/// central difference in the neuron's own bias — the path through its own
/// out as well as the one through the log-sum-exp every out shares.
#[test]
fn softmax_deltas_under_squared_error_are_the_whole_derivative() {
    let mut spec = load_spec("mazur").unwrap();
    spec.activations[1] = Activation::Softmax;
    spec.bias = BiasMode::PerNeuron;
    spec.parameters.biases = vec![vec![0.35, 0.35], vec![0.6, -0.2]];
    let (f, run) = run(&spec, 1, true);
    let text = backward_text(&f, &spec, &run, None);
    let deltas = printed_deltas(&text);
    let loss_text = ascii(&f.graph, f.loss);
    let params = initial_values(&f, &spec);
    for neuron in ["o1", "o2"] {
        let bias = f
            .params
            .iter()
            .position(|p| p.name == format!("b_{neuron}"))
            .unwrap();
        let at = |h: f64| {
            let mut shifted = params.clone();
            shifted[bias] += h;
            meval_loss(&f, &spec, &loss_text, &shifted)
        };
        let difference = (at(1e-6) - at(-1e-6)) / 2e-6;
        let printed: f64 = deltas[&format!("δ_{neuron}")].parse().unwrap();
        assert!(
            close(printed, difference, 1e-6),
            "δ_{neuron} = {printed}, {difference} by differences\n{text}"
        );
    }
}

/// A run that starts from the sets evaluated before it (`Start::evaluated`,
/// what `train` on the command line does) is the run that evaluates epoch 0
/// itself, record for record and parameter for parameter, on random
/// networks of every activation, loss and bias mode, with and without a
/// validation set; and epoch 0's loss is the evaluator's.
#[test]
fn a_run_from_the_evaluated_start_is_the_run_that_evaluates_it() {
    use stepgrad::network::ParamList;
    use stepgrad::training::{train, train_from, Model, Start, Tapes, TrainOptions};
    let mut runner = TestRunner::new(Config {
        cases: 120,
        failure_persistence: None,
        ..Config::default()
    });
    runner
        .run(
            &(random_spec(), 1usize..5, any::<bool>()),
            |(spec, batch_size, held_out)| {
                let (f, evaluator) = run(&spec, 1, false);
                let tapes = Tapes::layered(&spec, None);
                let params = ParamList::of_spec(&spec);
                let model = Model {
                    params: &params,
                    tapes: &tapes,
                    loss: spec.loss,
                };
                let data = dataset_of(&spec);
                let validation = held_out.then(|| data.subset(&[0]));
                let options = TrainOptions {
                    optimizer: OptimizerConfig::from_name("sgd", &Hyperparameters::default())
                        .unwrap(),
                    epochs: 3,
                    batch_size,
                    shuffle: true,
                    drop_last: false,
                    seed: 5,
                    target_loss: None,
                    patience: None,
                    update_biases: true,
                    record_iterations: false,
                    record_parameters: false,
                    keep_best: false,
                    schedule: Default::default(),
                };
                let initial = initial_values(&f, &spec);
                let quiet = stepgrad::interrupt::Cancel::new();
                let control = stepgrad::interrupt::Control::quiet(&quiet);
                let start = Start::evaluated(model, &data, validation.as_ref(), &initial);
                prop_assert!(start.evaluated.is_some());
                let from_start = train_from(model, &start, initial.clone(), &options, control);
                let itself = train(
                    model,
                    &data,
                    validation.as_ref(),
                    initial,
                    &options,
                    control,
                );
                prop_assert_eq!(&from_start.epochs, &itself.epochs);
                prop_assert_eq!(&from_start.params, &itself.params);
                let first = &from_start.epochs[0];
                prop_assert!(
                    close(first.loss, evaluator.steps[0].loss, 1e-12),
                    "epoch 0 {} vs evaluator {}",
                    first.loss,
                    evaluator.steps[0].loss
                );
                Ok(())
            },
        )
        .unwrap();
}

/// The start's judgement of the gradient is the gradient's own: on random
/// networks of every activation, loss and bias mode, with parameters and
/// inputs from ordinary to 10³⁰⁰ times larger (where losses, δs and
/// gradients overflow or stay finite by a hair), it is judged finite exactly
/// when every entry of the computed gradient is finite, and the loss and
/// accuracy are the evaluation's without the gradient, bit for bit.
#[test]
fn the_bounded_gradient_is_judged_finite_exactly_when_it_is() {
    use stepgrad::training::{evaluate, evaluate_judging_gradient, Columns, Tapes};
    let mut runner = TestRunner::new(Config {
        cases: 400,
        failure_persistence: None,
        ..Config::default()
    });
    let judged = std::cell::Cell::new([0usize; 2]);
    runner
        .run(
            &(random_spec(), 0usize..8, 0usize..8, any::<bool>()),
            |(mut spec, scale, input_scale, classification)| {
                const FACTORS: [f64; 8] = [1.0, 1e20, 1e75, 1e100, 1e150, 1e154, 1e200, 1e300];
                let factor = FACTORS[scale];
                for x in spec.inputs.iter_mut().flatten() {
                    *x *= FACTORS[input_scale];
                }
                let f = NetworkFormula::forward(&spec);
                let params: Vec<f64> = initial_values(&f, &spec)
                    .iter()
                    .map(|p| p * factor)
                    .collect();
                let data = dataset_of(&spec);
                let columns = Columns::new(&data);
                let tapes = Tapes::layered(&spec, None);
                let (evaluation, finite) =
                    evaluate_judging_gradient(&tapes, spec.loss, &columns, &params, classification);
                let forward = evaluate(&tapes, spec.loss, &columns, &params, classification, false);
                let full = evaluate(&tapes, spec.loss, &columns, &params, false, true);
                let what = format!(
                    "{:?} {:?} {:?} {:?} ×{factor:e}, inputs ×{:e}",
                    spec.layers, spec.activations, spec.bias, spec.loss, FACTORS[input_scale]
                );
                prop_assert_eq!(
                    finite,
                    full.gradient.iter().all(|g| g.is_finite()),
                    "{}: {:?}",
                    what,
                    full.gradient
                );
                prop_assert_eq!(
                    evaluation.loss.to_bits(),
                    forward.loss.to_bits(),
                    "{}",
                    what
                );
                prop_assert_eq!(evaluation.accuracy, forward.accuracy, "{}", what);
                let mut counts = judged.get();
                counts[usize::from(finite)] += 1;
                judged.set(counts);
                Ok(())
            },
        )
        .unwrap();
    // Both verdicts were reached, not only one.
    let judged = judged.get();
    assert!(judged[0] > 20 && judged[1] > 20, "{judged:?}");
}
