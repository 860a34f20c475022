//! `net`'s report as JSON (docs/json.md): the network, every step by its
//! loss (the first and the last of a long run), the steps shown in full with
//! their forward values, chain-rule factors, optimizer state and
//! parameters before and after, and why a run that stopped early stopped.

use super::NetReport;
use crate::limits::MAX_LISTED_RECORDS;
use crate::network::StepRecord;
use crate::optim::{StateValue, Stop};
use crate::report::{first_and_last, left_out_json};
use serde_json::{json, Value};

fn shapes(r: &NetReport, values: &[f64]) -> Value {
    let (w, b) = crate::network::to_shapes(r.formula, r.spec, values);
    json!({"W": w, "b": b})
}

/// The report as JSON: keys in English, prose values in `lang`.
pub fn json_value(r: &NetReport, lang: crate::i18n::Lang) -> Value {
    let f = r.formula;
    let spec = r.spec;
    let network = json!({
        "name": spec.name,
        "layers": spec.layers,
        "activations": spec.activations.iter().map(|a| a.name()).collect::<Vec<_>>(),
        "bias": spec.bias.name(),
        "loss": spec.loss.name(),
        "parameters": f.params.iter().map(|p| p.name.clone()).collect::<Vec<_>>(),
        "samples": spec.inputs.len(),
        "optimizer": r.optimizer.title_in(lang),
        "optimizer_config": r.optimizer.settings().into_iter().map(|(k, v)| (k.to_string(), Value::String(v))).collect::<serde_json::Map<String, Value>>(),
        "update_biases": r.update_biases,
        "loss_formula": r.ascii(f.loss),
        "multiplications": {"backpropagation": f.backprop_multiplications as u64, "separately": f.separate_multiplications.min(u64::MAX as u128) as u64},
    });
    // Every step by its loss (the first and the last of a long run), and
    // the steps shown in full with everything else.
    let numbers: Vec<usize> = (1..=r.run.losses.len()).collect();
    let (listed, gap) = first_and_last(&numbers, MAX_LISTED_RECORDS);
    let detailed: rustc_hash::FxHashMap<usize, &StepRecord> = r
        .run
        .steps
        .iter()
        .filter(|s| s.samples.is_some())
        .map(|s| (s.step, s))
        .collect();
    let steps: Vec<Value> = listed
        .iter()
        .map(|&number| {
            let mut object = json!({"step": number, "loss": r.run.losses[number - 1]});
            if let Some(step) = detailed.get(&number) {
                let Some(samples) = &step.samples else {
                    return object;
                };
                let forward: Vec<Value> = samples
                    .iter()
                    .enumerate()
                    .flat_map(|(s, values)| {
                        f.neurons.iter().map(move |n| {
                            json!({"sample": s + 1, "neuron": n.name, "net": r.run.value(values, n.net), "out": r.run.value(values, n.out)})
                        })
                    })
                    .collect();
                let values = &samples[r.sample.min(samples.len() - 1)];
                let chain: Vec<Value> = f
                    .chains
                    .iter()
                    .map(|c| {
                        let factors: Vec<Value> = c
                            .factors
                            .iter()
                            .map(|x| json!({"name": format!("d{}/d{}", x.of, x.by), "formula": r.ascii(x.formula), "value": r.run.value(values, x.formula)}))
                            .collect();
                        let mut chain = json!({"param": f.params[c.param].name, "factors": null, "value": r.run.value(values, c.gradient)});
                        chain["factors"] = Value::Array(factors);
                        chain
                    })
                    .collect();
                let optimizer_state: serde_json::Map<String, Value> = step
                    .optimizer
                    .iter()
                    .flat_map(|rep| rep.state.iter())
                    .map(|e| {
                        let value = match &e.value {
                            StateValue::PerVariable(v) => Value::Object(
                                r.run.trainable.iter().zip(v).map(|(&t, x)| (f.params[t].name.clone(), json!(x))).collect(),
                            ),
                            StateValue::Scalar(x) => json!(x),
                            StateValue::Matrix(m) => json!(m),
                        };
                        (e.name.to_string(), value)
                    })
                    .collect();
                let mut extra = json!({
                    "optimizer_state": optimizer_state,
                    "sample": r.sample + 1,
                    "forward": null,
                    "chain": null,
                    "gradients": shapes(r, &step.gradients),
                    "params_before": shapes(r, &step.params_before),
                    "params_after": shapes(r, &step.params_after),
                });
                // Moved into their places: `json!` would serialize them again.
                extra["forward"] = Value::Array(forward);
                extra["chain"] = Value::Array(chain);
                if let (Value::Object(o), Value::Object(e)) = (&mut object, extra) {
                    o.extend(e);
                }
            }
            object
        })
        .collect();
    let mut object = json!({"network": network, "steps": null, "final_loss": r.run.final_loss});
    object["steps"] = Value::Array(steps);
    if let Some(gap) = gap {
        object["steps_left_out"] = left_out_json(&listed, gap, |&n| n);
    }
    if let Stop::Diverged { reason, .. } = &r.run.stop {
        object["stopped"] = json!(r.run.stop.name());
        object["diverged_reason"] = json!(reason.render(lang));
    }
    object
}
