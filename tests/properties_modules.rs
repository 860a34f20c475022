//! Property tests across modules:
//!
//! - `check` never calls a correct answer wrong: the derivative of a random
//!   expression, rewritten into equivalent forms (operands reordered,
//!   products expanded over sums, scaled and unscaled, padded with x − x),
//!   is always judged correct;
//! - the first steps of every first-order optimizer, with random
//!   hyperparameters on a random quadratic, follow PyTorch's update rules
//!   written out independently here (REFERENCES.md §4).

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use stepgrad::calculus::{check_derivative, derivative};
use stepgrad::expr::{format_exact, parse, Graph, Id, Node};
use stepgrad::optim::{minimize, ExpressionObjective, Hyperparameters, OptimizerConfig};

fn runner(cases: u32) -> TestRunner {
    let cases = std::env::var("STEPGRAD_PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(cases);
    TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    })
}

fn leaf() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => Just("x".to_string()),
        2 => Just("y".to_string()),
        2 => (1u32..10).prop_map(|n| n.to_string()),
        1 => (1u32..50).prop_map(|n| format!("{}.{}", n / 10, n % 10)),
    ]
}

/// Expressions whose derivatives have the shapes rewrites work on: sums,
/// products, quotients, powers and smooth functions.
fn expression() -> impl Strategy<Value = String> {
    let functions = prop_oneof![
        Just("sin"),
        Just("cos"),
        Just("exp"),
        Just("tanh"),
        Just("sigmoid"),
        Just("ln"),
        Just("sqrt"),
    ];
    leaf().prop_recursive(3, 16, 2, move |inner| {
        prop_oneof![
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("{a} + {b}")),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("({a}) - ({b})")),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("({a})*({b})")),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("({a})/({b})")),
            (inner.clone(), 2u32..4).prop_map(|(a, n)| format!("({a})^{n}")),
            (inner.clone(), functions.clone()).prop_map(|(a, f)| format!("{f}({a})")),
        ]
    })
}

/// The node as text, fully parenthesised, with the operands of every sum
/// and product in reverse order.
fn reordered(g: &Graph, id: Id) -> String {
    match g.node(id) {
        Node::Num(n) => format!("({})", format_exact(n.value())),
        Node::Const(c) => format!("({})", format_exact(c.value())),
        Node::Var(name) => name.to_string(),
        Node::Neg(a) => format!("(-{})", reordered(g, *a)),
        Node::Add(xs) => {
            let parts: Vec<String> = xs.iter().rev().map(|&x| reordered(g, x)).collect();
            format!("({})", parts.join(" + "))
        }
        Node::Mul(xs) => {
            let parts: Vec<String> = xs.iter().rev().map(|&x| reordered(g, x)).collect();
            format!("({})", parts.join("*"))
        }
        Node::Div([a, b]) => format!("({}/{})", reordered(g, *a), reordered(g, *b)),
        Node::Pow([a, b]) => format!("({}^{})", reordered(g, *a), reordered(g, *b)),
        Node::Call(f, a) => format!("{}({})", f.name(), reordered(g, *a)),
        Node::LogSumExp(xs) => {
            let parts: Vec<String> = xs.iter().rev().map(|&x| reordered(g, x)).collect();
            format!("logsumexp({})", parts.join(", "))
        }
    }
}

/// The node as a sum of terms with products multiplied out over sums (a
/// product of sums becomes the sum of all its products), where that stays
/// under 64 terms.
fn expanded(g: &Graph, id: Id) -> Vec<String> {
    match g.node(id) {
        Node::Add(xs) => xs.iter().flat_map(|&x| expanded(g, x)).collect(),
        Node::Neg(a) => expanded(g, *a)
            .into_iter()
            .map(|t| format!("(-{t})"))
            .collect(),
        Node::Mul(xs) => {
            let mut terms = vec![String::from("1")];
            for &x in xs.iter() {
                let factor = expanded(g, x);
                if terms.len() * factor.len() > 64 {
                    return vec![reordered(g, id)];
                }
                terms = terms
                    .iter()
                    .flat_map(|t| factor.iter().map(move |f| format!("{t}*{f}")))
                    .collect();
            }
            terms.into_iter().map(|t| format!("({t})")).collect()
        }
        _ => vec![reordered(g, id)],
    }
}

#[test]
fn check_accepts_every_equivalent_rewrite_of_a_right_answer() {
    let judged = std::cell::Cell::new(0usize);
    runner(300)
        .run(&expression(), |text| {
            let mut g = Graph::new();
            let Ok(e) = parse(&mut g, &text) else {
                return Ok(());
            };
            if !g.variables(e).iter().any(|v| v == "x") {
                return Ok(());
            }
            let d = derivative(&mut g, e, "x");
            let rewrites = [
                reordered(&g, d),
                expanded(&g, d).join(" + "),
                format!("0.5*(2*({}))", reordered(&g, d)),
                format!("({}) + x - x", reordered(&g, d)),
            ];
            for rewrite in rewrites {
                let answer = match parse(&mut g, &rewrite) {
                    Ok(a) => a,
                    // A rewrite past the parser's limits is not an answer.
                    Err(_) => continue,
                };
                // No common domain gives no verdict, which is not a wrong one.
                if let Ok(outcome) = check_derivative(&mut g, e, answer, "x") {
                    judged.set(judged.get() + 1);
                    prop_assert!(
                        outcome.correct,
                        "check called a right answer wrong:\n  d/dx [{text}]\n  answer {rewrite}\n  {:?}",
                        outcome.counterexample
                    );
                }
            }
            Ok(())
        })
        .unwrap();
    assert!(judged.get() > 500, "only {} answers judged", judged.get());
}

/// Random hyperparameters of one first-order optimizer.
#[derive(Clone, Debug)]
struct Case {
    method: &'static str,
    lr: f64,
    momentum: f64,
    dampening: f64,
    weight_decay: f64,
    alpha: f64,
    eps: f64,
    beta1: f64,
    beta2: f64,
    lr_decay: f64,
    /// f = a0·x0² + b0·x0 + a1·x1² + b1·x1, from (s0, s1).
    a: [f64; 2],
    b: [f64; 2],
    start: [f64; 2],
}

fn case() -> impl Strategy<Value = Case> {
    let method = prop_oneof![
        Just("sgd"),
        Just("momentum"),
        Just("nesterov"),
        Just("adagrad"),
        Just("rmsprop"),
        Just("adam"),
        Just("adamw"),
    ];
    (
        method,
        (0.001f64..0.3, 0.05f64..0.95, 0.0f64..0.5, 0.0f64..0.1),
        (
            0.5f64..0.999,
            1e-10f64..1e-6,
            0.5f64..0.95,
            0.9f64..0.9999,
            0.0f64..0.5,
        ),
        (
            [0.1f64..5.0, 0.1f64..5.0],
            [-3.0f64..3.0, -3.0f64..3.0],
            [-2.0f64..2.0, -2.0f64..2.0],
        ),
    )
        .prop_map(
            |(
                method,
                (lr, momentum, dampening, weight_decay),
                (alpha, eps, beta1, beta2, lr_decay),
                (a, b, start),
            )| Case {
                method,
                lr,
                momentum,
                dampening,
                weight_decay,
                alpha,
                eps,
                beta1,
                beta2,
                lr_decay,
                a,
                b,
                start,
            },
        )
}

/// Three steps by the formulas of torch.optim, independently of stepgrad.
fn by_hand(c: &Case) -> Vec<[f64; 2]> {
    let grad = |x: [f64; 2]| [2.0 * c.a[0] * x[0] + c.b[0], 2.0 * c.a[1] * x[1] + c.b[1]];
    let mut x = c.start;
    let mut points = vec![x];
    let (mut buf, mut sum, mut sq, mut m, mut v) =
        ([0.0; 2], [0.0; 2], [0.0; 2], [0.0; 2], [0.0; 2]);
    for t in 1..=3 {
        let g0 = grad(x);
        for i in 0..2 {
            let mut g = g0[i];
            match c.method {
                "sgd" | "momentum" | "nesterov" => {
                    let mu = if c.method == "sgd" { 0.0 } else { c.momentum };
                    // PyTorch's Nesterov momentum requires no dampening.
                    let dampening = if c.method == "momentum" {
                        c.dampening
                    } else {
                        0.0
                    };
                    g += c.weight_decay * x[i];
                    if mu != 0.0 {
                        buf[i] = if t == 1 {
                            g
                        } else {
                            mu * buf[i] + (1.0 - dampening) * g
                        };
                        g = if c.method == "nesterov" {
                            g + mu * buf[i]
                        } else {
                            buf[i]
                        };
                    }
                    x[i] -= c.lr * g;
                }
                "adagrad" => {
                    g += c.weight_decay * x[i];
                    let lr_t = c.lr / (1.0 + (t as f64 - 1.0) * c.lr_decay);
                    sum[i] += g * g;
                    x[i] -= lr_t * g / (sum[i].sqrt() + c.eps);
                }
                "rmsprop" => {
                    g += c.weight_decay * x[i];
                    sq[i] = c.alpha * sq[i] + (1.0 - c.alpha) * g * g;
                    x[i] -= c.lr * g / (sq[i].sqrt() + c.eps);
                }
                _ => {
                    if c.method == "adamw" {
                        x[i] -= c.lr * c.weight_decay * x[i];
                    } else {
                        g += c.weight_decay * x[i];
                    }
                    m[i] = c.beta1 * m[i] + (1.0 - c.beta1) * g;
                    v[i] = c.beta2 * v[i] + (1.0 - c.beta2) * g * g;
                    let m_hat = m[i] / (1.0 - c.beta1.powi(t));
                    let v_hat = v[i] / (1.0 - c.beta2.powi(t));
                    x[i] -= c.lr * m_hat / (v_hat.sqrt() + c.eps);
                }
            }
        }
        points.push(x);
    }
    points
}

#[test]
fn first_optimizer_steps_follow_the_formulas() {
    runner(300)
        .run(&case(), |c| {
            let hyper = Hyperparameters {
                lr: Some(c.lr),
                momentum: matches!(c.method, "momentum" | "nesterov").then_some(c.momentum),
                dampening: matches!(c.method, "momentum").then_some(c.dampening),
                weight_decay: Some(c.weight_decay),
                lr_decay: (c.method == "adagrad").then_some(c.lr_decay),
                eps: (!matches!(c.method, "sgd" | "momentum" | "nesterov")).then_some(c.eps),
                alpha: (c.method == "rmsprop").then_some(c.alpha),
                beta1: matches!(c.method, "adam" | "adamw").then_some(c.beta1),
                beta2: matches!(c.method, "adam" | "adamw").then_some(c.beta2),
                ..Hyperparameters::default()
            };
            let config = OptimizerConfig::from_name(c.method, &hyper).unwrap();
            let text = format!(
                "{}*x0^2 + {}*x0 + {}*x1^2 + {}*x1",
                format_exact(c.a[0]),
                format_exact(c.b[0]),
                format_exact(c.a[1]),
                format_exact(c.b[1])
            );
            let mut g = Graph::new();
            let e = parse(&mut g, &text).unwrap();
            let mut f = ExpressionObjective::new(g, e, vec!["x0".into(), "x1".into()]);
            let three = stepgrad::optim::Stopping {
                max_steps: 3,
                tolerance: 0.0,
            };
            let cancel = stepgrad::interrupt::Cancel::new();
            let run = minimize(&mut f, c.start.to_vec(), config, three, &cancel).unwrap();
            let expected = by_hand(&c);
            prop_assert_eq!(run.iterates.len(), 4);
            for (k, (it, want_point)) in run.iterates.iter().zip(&expected).enumerate() {
                for (i, (&got, &want)) in it.point.iter().zip(want_point).enumerate() {
                    prop_assert!(
                        (got - want).abs() <= 1e-12 * want.abs().max(1.0),
                        "{} step {k}, x{i}: stepgrad {got}, formula {want}",
                        c.method
                    );
                }
            }
            Ok(())
        })
        .unwrap();
}
