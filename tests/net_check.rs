//! `net --check`: hand-worked sheets judged right or wrong, and the mistake
//! named. The right values of Mazur's network are the published ones
//! (REFERENCES.md §1), never stepgrad's output; each wrong value is made
//! here by working the mistaken formula by hand from those numbers. The
//! second network (2-3-2, tanh then sigmoid, two samples) is worked by a
//! forward and backward pass written out in this file.

mod common;

use common::stepgrad;
use serde_json::Value;
use std::path::PathBuf;

// Mazur's published figures.
const I1: f64 = 0.05;
const T1: f64 = 0.01;
const W5: f64 = 0.40;
const W7: f64 = 0.50;
const LR: f64 = 0.5;
const NET_H1: f64 = 0.3775;
const OUT_H1: f64 = 0.593269992;
const NET_O1: f64 = 1.105905967;
const OUT_O1: f64 = 0.75136507;
const E_O1: f64 = 0.274811083;
const E_TOTAL: f64 = 0.298371109;
const D_OUT_O1: f64 = 0.74136507;
const D_ACT_O1: f64 = 0.186815602;
const DELTA_O1: f64 = 0.138498562;
const D_W5: f64 = 0.082167041;
const NEW_W5: f64 = 0.35891648;
const NEW_W7: f64 = 0.511301270;
const DE_O1_DOUT_H1: f64 = 0.055399425;
const DE_O2_DOUT_H1: f64 = -0.019049119;
const D_OUT_H1: f64 = 0.036350306;
const D_ACT_H1: f64 = 0.241300709;

/// A scratch folder of its own for each test.
fn scratch(name: &str) -> PathBuf {
    static COUNT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = COUNT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!(
        "stepgrad-net-check-{}-{n}-{name}",
        std::process::id()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs `net SPEC --check` on `sheet` and returns the exit code and the
/// JSON document.
fn check(spec: &str, sheet: &str, name: &str, extra: &[&str]) -> (i32, Value) {
    let dir = scratch(name);
    let path = dir.join("answers.toml");
    std::fs::write(&path, sheet).unwrap();
    let path = path.display().to_string();
    let mut args = vec!["net", spec, "--check", &path, "--format", "json"];
    args.extend_from_slice(extra);
    let out = stepgrad(&args);
    let value = serde_json::from_str(&out.stdout)
        .unwrap_or_else(|e| panic!("{name}: {e}\nstdout {}\nstderr {}", out.stdout, out.stderr));
    (out.code, value)
}

fn entry<'v>(value: &'v Value, name: &str) -> &'v Value {
    value["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == name)
        .unwrap_or_else(|| panic!("no entry {name} in {value}"))
}

/// One row: a sheet, the entry looked at, and what must be said of it
/// (`None`: right; `Some(id)`: wrong with that mistake, `Some("")`: wrong
/// with no diagnosis).
struct Row {
    what: &'static str,
    sheet: String,
    name: &'static str,
    mistake: Option<&'static str>,
}

fn row(
    what: &'static str,
    sheet: String,
    name: &'static str,
    mistake: Option<&'static str>,
) -> Row {
    Row {
        what,
        sheet,
        name,
        mistake,
    }
}

fn judge_rows(spec: &str, rows: &[Row]) {
    let mut failures = Vec::new();
    for (k, r) in rows.iter().enumerate() {
        let (code, value) = check(spec, &r.sheet, &format!("row{k}"), &[]);
        let e = entry(&value, r.name);
        let right = e["right"].as_bool().unwrap();
        let ok = match r.mistake {
            None => right && code == 0,
            Some("") => !right && e["mistake"].is_null() && code == 1,
            Some(id) => !right && e["mistake"] == id && code == 1,
        };
        if !ok {
            failures.push(format!(
                "{}: expected {:?}, got {e} (exit {code})",
                r.what, r.mistake
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// `name = value` at six decimals (the hand-worked values come from
/// figures rounded to nine, so six is safely away from their rounding).
fn line(name: &str, value: f64) -> String {
    let key = if name.contains('/') {
        format!("\"{name}\"")
    } else {
        name.to_string()
    };
    format!("{key} = {value:.6}\n")
}

#[test]
fn every_mistake_kind_is_named_on_mazurs_network() {
    let delta_o2 = DE_O2_DOUT_H1 / W7;
    let rows = vec![
        row(
            "sign of (target − out)",
            line("dE_total/dout_o1", T1 - OUT_O1),
            "dE_total/dout_o1",
            Some("sign_target_minus_out"),
        ),
        row(
            "sign carried into δ",
            line("delta_o1", (T1 - OUT_O1) * D_ACT_O1),
            "delta_o1",
            Some("sign_target_minus_out"),
        ),
        row(
            "σ′ forgotten in δ",
            line("delta_o1", D_OUT_O1),
            "delta_o1",
            Some("sigma_prime_forgotten"),
        ),
        row(
            "σ′ forgotten in a gradient",
            line("dE_total/dw5", D_OUT_O1 * OUT_H1),
            "dE_total/dw5",
            Some("sigma_prime_forgotten"),
        ),
        row(
            "σ′ of net",
            line("dout_o1/dnet_o1", NET_O1 * (1.0 - NET_O1)),
            "dout_o1/dnet_o1",
            Some("sigma_prime_of_net"),
        ),
        row(
            "σ′ of net in a hidden δ",
            line("delta_h1", D_OUT_H1 * NET_H1 * (1.0 - NET_H1)),
            "delta_h1",
            Some("sigma_prime_of_net"),
        ),
        row(
            "net for out in ∂E/∂out",
            line("dE_total/dout_o1", NET_O1 - T1),
            "dE_total/dout_o1",
            Some("net_for_out"),
        ),
        row(
            "net for out in ∂net/∂w",
            line("dnet_o1/dw5", NET_H1),
            "dnet_o1/dw5",
            Some("net_for_out"),
        ),
        row(
            "net for out in the gradient",
            line("dE_total/dw5", DELTA_O1 * NET_H1),
            "dE_total/dw5",
            Some("net_for_out"),
        ),
        row(
            "½ forgotten in a loss term",
            line("E_o1", (T1 - OUT_O1).powi(2)),
            "E_o1",
            Some("half_forgotten"),
        ),
        row(
            "½ forgotten in E_total",
            line("E_total", 2.0 * E_TOTAL),
            "E_total",
            Some("half_forgotten"),
        ),
        row(
            "½ forgotten in ∂E/∂out",
            line("dE_total/dout_o1", 2.0 * (OUT_O1 - T1)),
            "dE_total/dout_o1",
            Some("half_forgotten"),
        ),
        row(
            "½ doubled in a loss term",
            line("E_o1", E_O1 / 2.0),
            "E_o1",
            Some("half_doubled"),
        ),
        row(
            "½ doubled in ∂E/∂out",
            line("dE_total/dout_o1", 0.5 * (OUT_O1 - T1)),
            "dE_total/dout_o1",
            Some("half_doubled"),
        ),
        row(
            "a path missing",
            line("dE_total/dout_h1", DE_O1_DOUT_H1),
            "dE_total/dout_h1",
            Some("missing_path"),
        ),
        row(
            "a path missing, carried into ∂E/∂w1",
            line("dE_total/dw1", DE_O2_DOUT_H1 * D_ACT_H1 * I1),
            "dE_total/dw1",
            Some("missing_path"),
        ),
        row(
            "updated weights in the backward pass",
            line("dE_total/dout_h1", DELTA_O1 * NEW_W5 + delta_o2 * NEW_W7),
            "dE_total/dout_h1",
            Some("updated_weight_in_backward"),
        ),
        row(
            "learning rate forgotten",
            line("dE_total/dw5", D_W5) + &line("new_w5", W5 - D_W5),
            "new_w5",
            Some("lr_forgotten"),
        ),
        row(
            "learning rate's sign",
            line("dE_total/dw5", D_W5) + &line("new_w5", W5 + LR * D_W5),
            "new_w5",
            Some("lr_sign"),
        ),
        row(
            "truncated",
            "out_h1 = 0.5932\n".into(),
            "out_h1",
            Some("truncated"),
        ),
        row(
            "wrong with no diagnosis",
            "out_h1 = 0.61\n".into(),
            "out_h1",
            Some(""),
        ),
        row(
            "rounded to the digits written",
            "out_h1 = 0.5933\n".into(),
            "out_h1",
            None,
        ),
        row(
            "rounded at one digit",
            "out_o1 = 0.8\n".into(),
            "out_o1",
            None,
        ),
        row(
            "rounding carried from right values",
            "out_h1 = 0.59\nout_h2 = 0.60\nnet_o1 = 1.1060\n".into(),
            "net_o1",
            None,
        ),
    ];
    judge_rows("mazur", &rows);
}

#[test]
fn a_wrong_value_that_follows_from_the_students_own_is_carried() {
    // out_o1 written wrong; what follows is worked correctly from it.
    let out = 0.7531;
    let sheet = format!(
        "out_o1 = {out}\n{}{}",
        line("dE_total/dout_o1", out - T1),
        line("dout_o1/dnet_o1", out * (1.0 - out))
    );
    let (code, value) = check("mazur", &sheet, "carried", &[]);
    assert_eq!(code, 1);
    assert_eq!(entry(&value, "out_o1")["mistake"], Value::Null);
    for name in ["dE_total/dout_o1", "dout_o1/dnet_o1"] {
        let e = entry(&value, name);
        assert_eq!(e["mistake"], "carried", "{e}");
        assert_eq!(e["carried_from"], "out_o1", "{e}");
    }
    // Through a value not written down: δ from the wrong out directly.
    let sheet = format!(
        "out_o1 = {out}\n{}",
        line("delta_o1", (out - T1) * out * (1.0 - out))
    );
    let (_, value) = check("mazur", &sheet, "carried-through", &[]);
    let e = entry(&value, "delta_o1");
    assert_eq!(
        (&e["mistake"], &e["carried_from"]),
        (&Value::from("carried"), &Value::from("out_o1")),
        "{e}"
    );
    // σ′ from the student's rounded out is right even though net_o1, which
    // σ′ = out·(1 − out) does not read, is wrong.
    let sheet = "net_o1 = 1.2\nout_o1 = 0.7514\n\"dout_o1/dnet_o1\" = 0.18680\n";
    let (_, value) = check("mazur", sheet, "own-rounding", &[]);
    let e = entry(&value, "dout_o1/dnet_o1");
    assert_eq!(
        (&e["right"], &e["mistake"]),
        (&Value::Bool(true), &Value::Null),
        "{e}"
    );
    // A new mistake on top of the student's own wrong value is that mistake.
    let sheet = format!("out_o1 = {out}\n{}", line("dE_total/dout_o1", T1 - out));
    let (_, value) = check("mazur", &sheet, "carried-and-new", &[]);
    assert_eq!(
        entry(&value, "dE_total/dout_o1")["mistake"],
        "sign_target_minus_out"
    );
}

#[test]
fn a_value_two_mistakes_explain_alike_is_not_given_either() {
    // With η = 0.5, leaving η out (w5 − ∂E/∂w5) gives what the right step
    // gives from a gradient without the ½ (w5 − 0.5·2·∂E/∂w5): with the
    // gradient not written down, stepgrad cannot tell them apart.
    let (code, value) = check("mazur", &line("new_w5", W5 - D_W5), "several", &[]);
    let e = entry(&value, "new_w5");
    assert_eq!(code, 1);
    assert_eq!(e["mistake"], Value::Null, "{e}");
    assert_eq!(
        e["candidates"],
        serde_json::json!(["lr_forgotten", "half_forgotten"]),
        "{e}"
    );
}

#[test]
fn mazurs_published_table_is_all_right() {
    let sheet = "net_h1 = 0.3775\nnet_h2 = 0.3925\nout_h1 = 0.593269992\nout_h2 = 0.596884378\n\
        net_o1 = 1.105905967\nout_o1 = 0.75136507\nout_o2 = 0.772928465\n\
        E_o1 = 0.274811083\nE_o2 = 0.023560026\nE_total = 0.298371109\n\
        \"dE_total/dout_o1\" = 0.74136507\n\"dout_o1/dnet_o1\" = 0.186815602\n\
        \"dnet_o1/dw5\" = 0.593269992\n\"dE_total/dw5\" = 0.082167041\ndelta_o1 = 0.138498562\n\
        \"dE_total/dout_h1\" = 0.036350306\n\"dout_h1/dnet_h1\" = 0.241300709\n\"dE_total/dw1\" = 0.000438568\n\
        new_w1 = 0.149780716\nnew_w2 = 0.19956143\nnew_w3 = 0.24975114\nnew_w4 = 0.29950229\n\
        new_w5 = 0.35891648\nnew_w6 = 0.408666186\nnew_w7 = 0.511301270\nnew_w8 = 0.561370121\n";
    let (code, value) = check("mazur", sheet, "published", &[]);
    let wrong: Vec<&Value> = value["entries"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["right"] != true)
        .collect();
    assert!(wrong.is_empty(), "{wrong:?}");
    assert_eq!(code, 0);
    assert_eq!(value["right"], 26);
}

#[test]
fn sums_and_means_over_samples() {
    // Mazur's network with its sample twice: half_sse sums the two
    // gradients, mse (over K = 2 outputs, the same per-sample gradient as
    // half_sse here) takes their mean.
    let dir = scratch("twice");
    let spec = |loss: &str| {
        format!(
            "name = \"twice\"\nlayers = [2, 2, 2]\nactivation = \"sigmoid\"\nbias = \"per_layer\"\nloss = \"{loss}\"\n\
             weights = [[[0.15, 0.20], [0.25, 0.30]], [[0.40, 0.45], [0.50, 0.55]]]\nbiases = [[0.35], [0.60]]\n\
             inputs = [[0.05, 0.10], [0.05, 0.10]]\ntargets = [[0.01, 0.99], [0.01, 0.99]]\n\
             [train]\nlr = 0.1\nupdate_biases = false\n"
        )
    };
    let sum_path = dir.join("sum.toml");
    let mean_path = dir.join("mean.toml");
    std::fs::write(&sum_path, spec("half_sse")).unwrap();
    std::fs::write(&mean_path, spec("mse")).unwrap();
    let (sum, mean) = (
        sum_path.display().to_string(),
        mean_path.display().to_string(),
    );
    let rows_sum = vec![
        row(
            "half_sse: the right update",
            line("new_w5", W5 - 0.1 * 2.0 * D_W5),
            "new_w5",
            None,
        ),
        row(
            "half_sse: the mean for the sum",
            line("new_w5", W5 - 0.1 * D_W5),
            "new_w5",
            Some("mean_for_sum"),
        ),
        row(
            "half_sse: the loss averaged",
            line("loss", E_TOTAL),
            "loss",
            Some("mean_for_sum"),
        ),
        row(
            "half_sse: the loss summed",
            line("loss", 2.0 * E_TOTAL),
            "loss",
            None,
        ),
    ];
    judge_rows(&sum, &rows_sum);
    let rows_mean = vec![
        row(
            "mse: the right update",
            line("new_w5", W5 - 0.1 * D_W5),
            "new_w5",
            None,
        ),
        row(
            "mse: the sum for the mean",
            line("new_w5", W5 - 0.1 * 2.0 * D_W5),
            "new_w5",
            Some("sum_for_mean"),
        ),
        row(
            "mse: the loss summed",
            line("loss", 2.0 * E_TOTAL),
            "loss",
            Some("sum_for_mean"),
        ),
        row(
            "mse: the loss averaged",
            line("loss", E_TOTAL),
            "loss",
            None,
        ),
    ];
    judge_rows(&mean, &rows_mean);
}

// ── a 2-3-2 network: tanh, then sigmoid; one bias per neuron; two samples ──

const SPEC_232: &str =
    "name = \"two-three-two\"\nlayers = [2, 3, 2]\nactivation = [\"tanh\", \"sigmoid\"]\n\
    bias = \"per_neuron\"\nloss = \"half_sse\"\n\
    weights = [[[0.1, -0.2], [0.3, 0.4], [-0.5, 0.2]], [[0.6, -0.1, 0.2], [-0.3, 0.5, 0.7]]]\n\
    biases = [[0.1, -0.1, 0.05], [0.2, -0.2]]\n\
    inputs = [[1.0, 0.5], [-0.5, 2.0]]\ntargets = [[1.0, 0.0], [0.0, 1.0]]\n[train]\nlr = 0.1\n";

const W1: [[f64; 2]; 3] = [[0.1, -0.2], [0.3, 0.4], [-0.5, 0.2]];
const W2: [[f64; 3]; 2] = [[0.6, -0.1, 0.2], [-0.3, 0.5, 0.7]];
const B1: [f64; 3] = [0.1, -0.1, 0.05];
const B2: [f64; 2] = [0.2, -0.2];
const X: [[f64; 2]; 2] = [[1.0, 0.5], [-0.5, 2.0]];
const T: [[f64; 2]; 2] = [[1.0, 0.0], [0.0, 1.0]];

/// One sample's pass written out: nets, outs, δs and the gradient of w7
/// (h1 → o1) and w1 (i1 → h1).
struct Pass {
    net_h: [f64; 3],
    out_h: [f64; 3],
    net_o: [f64; 2],
    out_o: [f64; 2],
    d_out_o: [f64; 2],
    delta_o: [f64; 2],
    d_out_h1: f64,
    delta_h1: f64,
    grad_w7: f64,
    grad_w1: f64,
}

fn pass(s: usize) -> Pass {
    let net_h: [f64; 3] = std::array::from_fn(|j| W1[j][0] * X[s][0] + W1[j][1] * X[s][1] + B1[j]);
    let out_h = net_h.map(f64::tanh);
    let net_o: [f64; 2] =
        std::array::from_fn(|k| (0..3).map(|j| W2[k][j] * out_h[j]).sum::<f64>() + B2[k]);
    let out_o = net_o.map(|z| 1.0 / (1.0 + (-z).exp()));
    let d_out_o: [f64; 2] = std::array::from_fn(|k| out_o[k] - T[s][k]);
    let delta_o: [f64; 2] = std::array::from_fn(|k| d_out_o[k] * out_o[k] * (1.0 - out_o[k]));
    let d_out_h1 = delta_o[0] * W2[0][0] + delta_o[1] * W2[1][0];
    let delta_h1 = d_out_h1 * (1.0 - out_h[0] * out_h[0]);
    Pass {
        net_h,
        out_h,
        net_o,
        out_o,
        d_out_o,
        delta_o,
        d_out_h1,
        delta_h1,
        grad_w7: delta_o[0] * out_h[0],
        grad_w1: delta_h1 * X[s][0],
    }
}

#[test]
fn every_mistake_kind_is_named_on_a_two_three_two_network() {
    let dir = scratch("232");
    let spec = dir.join("net.toml");
    std::fs::write(&spec, SPEC_232).unwrap();
    let spec = spec.display().to_string();
    let (p, q) = (pass(0), pass(1));
    let lr = 0.1;
    let grad_w7 = p.grad_w7 + q.grad_w7;
    let t = T[0][0];
    let rows = vec![
        row(
            "forward right",
            line("out_h1", p.out_h[0]) + &line("out_o1", p.out_o[0]),
            "out_o1",
            None,
        ),
        row(
            "sign",
            line("dE_total/dout_o1", t - p.out_o[0]),
            "dE_total/dout_o1",
            Some("sign_target_minus_out"),
        ),
        row(
            "σ′ forgotten",
            line("delta_o1", p.d_out_o[0]),
            "delta_o1",
            Some("sigma_prime_forgotten"),
        ),
        row(
            "tanh′ forgotten in a hidden δ",
            line("delta_h1", p.d_out_h1),
            "delta_h1",
            Some("sigma_prime_forgotten"),
        ),
        row(
            "tanh′ of net",
            line("dout_h1/dnet_h1", 1.0 - p.net_h[0] * p.net_h[0]),
            "dout_h1/dnet_h1",
            Some("sigma_prime_of_net"),
        ),
        row(
            "net for out in a later net",
            line(
                "net_o1",
                (0..3).map(|j| W2[0][j] * p.net_h[j]).sum::<f64>() + B2[0],
            ),
            "net_o1",
            Some("net_for_out"),
        ),
        row(
            "net for out in a loss term",
            line("E_o1", 0.5 * (t - p.net_o[0]).powi(2)),
            "E_o1",
            Some("net_for_out"),
        ),
        row(
            "½ forgotten",
            line("E_o1", (t - p.out_o[0]).powi(2)),
            "E_o1",
            Some("half_forgotten"),
        ),
        row(
            "½ doubled",
            line("E_o1", 0.25 * (t - p.out_o[0]).powi(2)),
            "E_o1",
            Some("half_doubled"),
        ),
        row(
            "a path missing",
            line("dE_total/dout_h1", p.delta_o[0] * W2[0][0]),
            "dE_total/dout_h1",
            Some("missing_path"),
        ),
        row(
            "updated weights",
            line(
                "dE_total/dout_h1",
                p.delta_o[0] * (W2[0][0] - lr * grad_w7)
                    + p.delta_o[1]
                        * (W2[1][0] - lr * (p.delta_o[1] * p.out_h[0] + q.delta_o[1] * q.out_h[0])),
            ),
            "dE_total/dout_h1",
            Some("updated_weight_in_backward"),
        ),
        row(
            "gradient right",
            line("dE_total/dw1", p.grad_w1),
            "dE_total/dw1",
            None,
        ),
        row(
            "update right",
            line("new_w7", W2[0][0] - lr * grad_w7),
            "new_w7",
            None,
        ),
        row(
            "learning rate forgotten",
            line("new_w7", W2[0][0] - grad_w7),
            "new_w7",
            Some("lr_forgotten"),
        ),
        row(
            "learning rate's sign",
            line("new_w7", W2[0][0] + lr * grad_w7),
            "new_w7",
            Some("lr_sign"),
        ),
        row(
            "mean for sum",
            line("new_w7", W2[0][0] - lr * grad_w7 / 2.0),
            "new_w7",
            Some("mean_for_sum"),
        ),
        row(
            "the sample's gradient alone",
            line("new_w7", W2[0][0] - lr * p.grad_w7),
            "new_w7",
            Some(""),
        ),
    ];
    judge_rows(&spec, &rows);
    // Carried from the student's own wrong δ_o1 into w7's gradient.
    let wrong_delta = p.delta_o[0] + 0.01;
    let sheet = line("delta_o1", wrong_delta) + &line("dE_total/dw7", wrong_delta * p.out_h[0]);
    let (_, value) = check(&spec, &sheet, "232-carried", &[]);
    assert_eq!(entry(&value, "dE_total/dw7")["carried_from"], "delta_o1");
    // The second sample with --sample 2.
    let (code, value) = check(
        &spec,
        &line("delta_h1", q.delta_h1),
        "232-second",
        &["--sample", "2"],
    );
    assert_eq!(
        (code, &entry(&value, "delta_h1")["right"]),
        (0, &Value::Bool(true))
    );
}

#[test]
fn the_text_table_names_the_mistake_and_its_explanation() {
    let out = stepgrad(&["net", "mazur", "--check", "examples/mazur-answers.toml"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    insta::assert_snapshot!("net_check_mazur_text", out.stdout);
    let out = stepgrad(&[
        "net",
        "mazur",
        "--check",
        "examples/mazur-answers.toml",
        "--format",
        "json",
    ]);
    assert_eq!(out.code, 1);
    insta::assert_snapshot!("net_check_mazur_json", out.stdout);
    let out = stepgrad(&[
        "--lang",
        "ko",
        "net",
        "mazur",
        "--check",
        "examples/mazur-answers.toml",
    ]);
    assert_eq!(out.code, 1);
    insta::assert_snapshot!("net_check_mazur_text_ko", out.stdout);
}

/// Every name `net --format json` prints for a built-in example, with its
/// value written in full, is a name `--check` reads and judges right (the
/// two are the same names; the values agree to the last digit written).
#[test]
fn every_name_net_prints_is_read_and_its_value_agrees() {
    // Two hidden layers (names h1_1, w1_1_1), relu, elu, identity and mse.
    let deep = scratch("deep").join("deep.toml");
    std::fs::write(
        &deep,
        "layers = [2, 3, 3, 2]\nactivation = [\"relu\", \"elu\", \"identity\"]\nloss = \"mse\"\n\
         init = \"xavier\"\nseed = 3\ninputs = [[0.5, -1.0], [1.5, 0.25]]\n\
         targets = [[1.0, 0.0], [0.0, 2.0]]\n[train]\nlr = 0.05\n",
    )
    .unwrap();
    let deep = deep.display().to_string();
    for example in ["mazur", "xor", "softmax3", deep.as_str()] {
        let out = stepgrad(&["net", example, "--format", "json"]);
        let doc: Value = serde_json::from_str(&out.stdout).unwrap();
        let step = &doc["steps"][0];
        let mut sheet = String::new();
        let mut add = |name: &str, value: &Value| {
            sheet.push_str(&format!("\"{name}\" = {:e}\n", value.as_f64().unwrap()));
        };
        for neuron in step["forward"].as_array().unwrap() {
            if neuron["sample"] == 1 {
                let n = neuron["neuron"].as_str().unwrap();
                add(&format!("net_{n}"), &neuron["net"]);
                add(&format!("out_{n}"), &neuron["out"]);
            }
        }
        let mut seen = std::collections::BTreeSet::new();
        for chain in step["chain"].as_array().unwrap() {
            for factor in chain["factors"].as_array().unwrap() {
                let name = factor["name"].as_str().unwrap().to_string();
                if seen.insert(name.clone()) {
                    add(&name, &factor["value"]);
                }
            }
            let gradient = format!("dE_total/d{}", chain["param"].as_str().unwrap());
            if seen.insert(gradient.clone()) {
                add(&gradient, &chain["value"]);
            }
        }
        add("loss", &step["loss"]);
        let (code, value) = check(example, &sheet, "names", &[]);
        let wrong: Vec<&Value> = value["entries"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["right"] != true)
            .collect();
        assert!(wrong.is_empty() && code == 0, "{example}: {wrong:?}");
        assert!(value["right"].as_u64().unwrap() > 10, "{example}: {value}");
    }
}

/// Random 2-2-2 sigmoid networks with a shared bias per layer (Mazur's
/// shape), worked by hand here: the right values are judged right, and
/// each mistaken value is named — or, when the mistake does not change the
/// value at the digits written, judged right, or when two mistakes give
/// the same value, left undiagnosed with both among the candidates.
#[test]
fn random_networks_of_mazurs_shape() {
    use proptest::prelude::*;
    use proptest::test_runner::{Config, TestRunner};
    let mut runner = TestRunner::new(Config {
        cases: 24,
        failure_persistence: None,
        ..Config::default()
    });
    let weight = -1.0f64..1.0;
    let unit = 0.05f64..0.95;
    let strategy = (
        proptest::collection::vec(weight, 10),
        proptest::collection::vec(unit.clone(), 2),
        proptest::collection::vec(unit, 2),
    );
    let dir = scratch("random");
    let counter = std::cell::Cell::new(0usize);
    runner
        .run(&strategy, |(w, x, t)| {
            counter.set(counter.get() + 1);
            let spec = dir.join(format!("net{}.toml", counter.get()));
            std::fs::write(
                &spec,
                format!(
                    "layers = [2, 2, 2]\nactivation = \"sigmoid\"\nbias = \"per_layer\"\nloss = \"half_sse\"\n\
                     weights = [[[{}, {}], [{}, {}]], [[{}, {}], [{}, {}]]]\nbiases = [[{}], [{}]]\n\
                     inputs = [[{}, {}]]\ntargets = [[{}, {}]]\n[train]\nlr = 0.5\nupdate_biases = false\n",
                    w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7], w[8], w[9], x[0], x[1], t[0], t[1]
                ),
            )
            .unwrap();
            let spec = spec.display().to_string();
            let sigmoid = |z: f64| 1.0 / (1.0 + (-z).exp());
            let net_h = [w[0] * x[0] + w[1] * x[1] + w[8], w[2] * x[0] + w[3] * x[1] + w[8]];
            let out_h = net_h.map(sigmoid);
            let net_o1 = w[4] * out_h[0] + w[5] * out_h[1] + w[9];
            let out_o1 = sigmoid(net_o1);
            let d_out = out_o1 - t[0];
            let slope = out_o1 * (1.0 - out_o1);
            let delta = d_out * slope;
            let cases: [(&str, f64, f64, &str); 5] = [
                ("delta_o1", delta, delta, ""),
                ("delta_o1", d_out, delta, "sigma_prime_forgotten"),
                ("dE_total/dout_o1", t[0] - out_o1, d_out, "sign_target_minus_out"),
                ("dout_o1/dnet_o1", net_o1 * (1.0 - net_o1), slope, "sigma_prime_of_net"),
                ("dE_total/dw5", delta * net_h[0], delta * out_h[0], "net_for_out"),
            ];
            for (name, given, right, mistake) in cases {
                let sheet = line(name, given);
                let (_, value) = check(&spec, &sheet, "random", &[]);
                let e = entry(&value, name);
                let written: f64 = e["written"].as_str().unwrap().parse().unwrap();
                let within = (written - right).abs() <= 5e-7 * (1.0 + 1e-9);
                if mistake.is_empty() || within {
                    prop_assert!(e["right"] == true, "{name} = {given}: {e}");
                } else if e["mistake"].is_null() {
                    let candidates = e["candidates"].as_array().unwrap();
                    prop_assert!(candidates.iter().any(|c| c == mistake), "{name} = {given}: {e}");
                } else {
                    prop_assert!(e["mistake"] == mistake, "{name} = {given}: {e}");
                }
            }
            Ok(())
        })
        .unwrap();
}
