//! Six steps of every first-order optimizer on Mazur's network (biases
//! updated too), against the parameters PyTorch computes with the same
//! hyperparameters: tests/data/pytorch_mazur.json, written by
//! tools/pytorch_optimizers.py with PyTorch in float64.

use serde_json::Value;
use stepgrad::network::{load_spec, run_steps, to_shapes, NetworkFormula, RunOptions};
use stepgrad::optim::{Hyperparameters, OptimizerConfig};

fn hyperparameters(class: &str, h: &Value) -> (String, Hyperparameters) {
    let get = |k: &str| h.get(k).and_then(Value::as_f64);
    let flag = |k: &str| h.get(k).and_then(Value::as_bool).unwrap_or(false);
    let name = match class {
        "SGD" => "sgd",
        "Adagrad" => "adagrad",
        "RMSprop" => "rmsprop",
        "Adam" => "adam",
        "AdamW" => "adamw",
        other => panic!("no stepgrad optimizer for {other}"),
    };
    let hyper = Hyperparameters {
        lr: get("lr"),
        momentum: get("momentum"),
        dampening: get("dampening"),
        nesterov: flag("nesterov"),
        weight_decay: get("weight_decay"),
        lr_decay: get("lr_decay"),
        centered: flag("centered"),
        ..Hyperparameters::default()
    };
    (name.to_string(), hyper)
}

fn flatten(v: &Value) -> Vec<f64> {
    match v {
        Value::Array(items) => items.iter().flat_map(flatten).collect(),
        Value::Number(n) => vec![n.as_f64().unwrap()],
        other => panic!("unexpected {other}"),
    }
}

#[test]
fn every_first_order_optimizer_matches_pytorch_for_six_steps() {
    let fixture: Value = serde_json::from_str(include_str!("data/pytorch_mazur.json")).unwrap();
    let mut spec = load_spec("mazur").unwrap();
    spec.train.update_biases = true;
    let formula = NetworkFormula::build(&spec);
    let cases = fixture["cases"].as_array().unwrap();
    assert!(cases.len() >= 7);
    let mut worst: f64 = 0.0;
    for case in cases {
        let (name, hyper) = hyperparameters(
            case["optimizer"].as_str().unwrap(),
            &case["hyperparameters"],
        );
        let optimizer = OptimizerConfig::from_name(&name, &hyper).unwrap();
        let run = run_steps(
            &formula,
            &spec,
            &RunOptions {
                optimizer,
                steps: 6,
                update_biases: true,
                keep: &|_| false,
                cancel: &stepgrad::interrupt::Cancel::new(),
            },
        )
        .unwrap();
        for (k, expected) in case["params"].as_array().unwrap().iter().enumerate() {
            let (w, b) = to_shapes(&formula, &spec, &run.steps[k].params_after);
            let ours: Vec<f64> = w
                .iter()
                .flatten()
                .flatten()
                .chain(b.iter().flatten())
                .copied()
                .collect();
            let theirs: Vec<f64> = flatten(&expected["W"])
                .into_iter()
                .chain(flatten(&expected["b"]))
                .collect();
            assert_eq!(ours.len(), theirs.len());
            for (a, t) in ours.iter().zip(&theirs) {
                worst = worst.max((a - t).abs() / t.abs().max(1e-300));
                assert!(
                    (a - t).abs() <= 1e-10 * t.abs().max(1e-300),
                    "{} step {}: stepgrad {a}, PyTorch {t}",
                    case["name"],
                    k + 1
                );
            }
        }
    }
    eprintln!(
        "{} optimizers × 6 steps: largest relative difference from PyTorch {worst:e}",
        cases.len()
    );
}
