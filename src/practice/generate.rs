//! The generators of each topic's exercises, drawing from one ChaCha8
//! stream: the functions to differentiate (one rule at level 1, two at
//! level 2, nested chains at level 3), the quadratic a descent steps on,
//! the counts of an epoch, an optimizer's gradients.
//!
//! Invariant: every answer is computed from the exercise's data here —
//! derivatives by stepgrad's differentiation, steps by the update rules
//! written out (PyTorch's for the optimizers).

use super::network::backprop;
use super::{Exercise, Formula, Named, Question, Topic, Value};
use crate::calculus::derivative;
use crate::expr::{ascii, evaluate, latex, parse, unicode, Graph, Point};
use rand::RngExt;
use rand_chacha::ChaCha8Rng;

/// One exercise of `topic` at `level`.
pub fn exercise(topic: Topic, level: u8, rng: &mut ChaCha8Rng) -> Exercise {
    match topic {
        Topic::Derivative => derivative_exercise(level, rng),
        Topic::Gradient => gradient_exercise(level, rng),
        Topic::Descent => descent_exercise(level, rng),
        Topic::Epochs => epochs_exercise(level, rng),
        Topic::Backprop => backprop(level, rng),
        Topic::Optimizer => optimizer_exercise(level, rng),
    }
}

/// A whole number from `lo` to `hi`.
pub(super) fn int(rng: &mut ChaCha8Rng, lo: i64, hi: i64) -> i64 {
    rng.random_range(lo..=hi)
}

/// A number of hundredths from `lo`/100 to `hi`/100, never 0.
pub(super) fn hundredths(rng: &mut ChaCha8Rng, lo: i64, hi: i64) -> f64 {
    loop {
        let k = int(rng, lo, hi);
        if k != 0 {
            return k as f64 / 100.0;
        }
    }
}

fn pick<T: Clone>(rng: &mut ChaCha8Rng, items: &[T]) -> T {
    items[rng.random_range(0..items.len())].clone()
}

/// A name with a subscript: x₀ (`x0` in JSON, `x_0` in LaTeX).
pub(super) fn indexed(name: &str, index: &str) -> Formula {
    let subscript: String = index
        .chars()
        .map(|c| match c.to_digit(10) {
            Some(d) => char::from_u32(0x2080 + d).unwrap_or(c),
            None => c,
        })
        .collect();
    Formula::new(
        &format!("{name}{index}"),
        &format!("{name}{subscript}"),
        &format!("{}_{{{index}}}", latex_letter(name)),
    )
}

fn latex_letter(name: &str) -> String {
    match name {
        "θ" => "\\theta".into(),
        "η" => "\\eta".into(),
        "δ" => "\\delta".into(),
        "β" => "\\beta".into(),
        other => other.into(),
    }
}

/// A datum or numeric answer.
pub(super) fn number(key: &str, name: Formula, value: f64) -> Named {
    Named {
        key: key.to_string(),
        name,
        header: None,
        value: Value::Number(value),
    }
}

fn count(key: &str, name: Formula, value: u64) -> Named {
    Named {
        key: key.to_string(),
        name,
        header: None,
        value: Value::Count(value),
    }
}

/// `f(x…) = …` as a question shows the function.
fn function_formula(text: &str, variables: &[&str]) -> Formula {
    let f = Formula::of_expression(text);
    let head = format!("f({})", variables.join(", "));
    Formula::new(
        &format!("{head} = {}", f.ascii),
        &format!("{head} = {}", f.unicode),
        &format!("{head} = {}", f.latex),
    )
}

fn function_datum(text: &str) -> Named {
    Named {
        key: "f".into(),
        name: Formula::plain("f"),
        header: None,
        value: Value::Formula {
            formula: Formula::of_expression(text),
            derivative_of: None,
        },
    }
}

/// The derivative of `text` with respect to `wrt` as an answer, named f′(x)
/// or ∂f/∂x.
fn derivative_answer(text: &str, wrt: &str, partial: bool) -> Named {
    let mut graph = Graph::new();
    let formula = match parse(&mut graph, text) {
        Ok(root) => {
            let d = derivative(&mut graph, root, wrt);
            Formula {
                ascii: ascii(&graph, d),
                unicode: unicode(&graph, d),
                latex: latex(&graph, d),
            }
        }
        Err(_) => Formula::plain("?"),
    };
    let (key, name) = if partial {
        (
            format!("df/d{wrt}"),
            Formula::new(
                &format!("df/d{wrt}"),
                &format!("∂f/∂{wrt}"),
                &format!("\\frac{{\\partial f}}{{\\partial {wrt}}}"),
            ),
        )
    } else {
        (
            format!("df/d{wrt}"),
            Formula::new(
                &format!("f'({wrt})"),
                &format!("f′({wrt})"),
                &format!("f'({wrt})"),
            ),
        )
    };
    Named {
        key,
        name,
        header: None,
        value: Value::Formula {
            formula,
            derivative_of: Some((text.to_string(), wrt.to_string())),
        },
    }
}

fn derivative_exercise(level: u8, rng: &mut ChaCha8Rng) -> Exercise {
    let a = int(rng, 2, 9);
    let b = int(rng, 1, 5);
    let n = int(rng, 2, 5);
    let trig = pick(rng, &["sin", "cos"]);
    let (kind, text) = match level {
        1 => pick(
            rng,
            &[
                ("power", format!("{a}*x^{n}")),
                ("exp", format!("{a}*exp(x)")),
                ("ln", format!("{a}*ln(x)")),
                ("trig", format!("{a}*{trig}(x)")),
            ],
        ),
        2 => pick(
            rng,
            &[
                ("product", format!("x^{n}*{trig}(x)")),
                ("product", format!("x^{n}*exp(x)")),
                ("quotient", format!("x^{n}/(x+{b})")),
                ("chain", format!("{trig}({a}*x+{b})")),
                ("chain", format!("exp({a}*x^2)")),
                ("chain", format!("ln(x^2+{b})")),
            ],
        ),
        _ => pick(
            rng,
            &[
                ("nested-chain", format!("x^{n}*exp({trig}({a}*x))")),
                ("nested-chain", format!("ln(1+x^2)*{trig}({a}*x)")),
                ("nested-chain", format!("{trig}(x^2+{a}*exp(x))")),
                ("nested-chain", format!("exp({a}*x)/(1+x^2)^{n}")),
                ("nested-chain", format!("{trig}(ln(x^2+{b}))^{n}")),
            ],
        ),
    };
    Exercise {
        topic: Topic::Derivative,
        level,
        kind,
        question: Question {
            id: "practice-q-derivative",
            args: vec![("f", function_formula(&text, &["x"]))],
        },
        data: vec![function_datum(&text)],
        shown: 0,
        answers: vec![derivative_answer(&text, "x", false)],
    }
}

fn gradient_exercise(level: u8, rng: &mut ChaCha8Rng) -> Exercise {
    let a = int(rng, 2, 9);
    let n = int(rng, 2, 4);
    let m = int(rng, 2, 4);
    let (text, variables): (String, &[&str]) = match level {
        1 => (
            pick(
                rng,
                &[
                    format!("{a}*x^{n}*y+{m}*y^2"),
                    format!("x*exp({a}*y)"),
                    format!("{a}*x^{n}*y^{m}"),
                ],
            ),
            &["x", "y"],
        ),
        2 => (
            pick(
                rng,
                &[
                    format!("x^{n}*y^{m}+{a}*sin(x*y)"),
                    format!("exp({a}*x)*y^2+x*y"),
                    format!("ln(x^2+y^2+{a})"),
                ],
            ),
            &["x", "y"],
        ),
        _ => (
            pick(
                rng,
                &[
                    format!("x*y*z+exp({a}*x*z)"),
                    format!("x^2*y+sin(y*z)+{a}*x*z^{n}"),
                    format!("x*ln(x^2+y^2+z^2+{a})"),
                ],
            ),
            &["x", "y", "z"],
        ),
    };
    let asked: Vec<&str> = if level == 1 {
        vec![pick(rng, variables)]
    } else {
        variables.to_vec()
    };
    Exercise {
        topic: Topic::Gradient,
        level,
        kind: if level == 1 { "partial" } else { "gradient" },
        question: Question {
            id: "practice-q-gradient",
            args: vec![("f", function_formula(&text, variables))],
        },
        data: vec![function_datum(&text)],
        shown: 0,
        answers: asked
            .iter()
            .map(|v| derivative_answer(&text, v, true))
            .collect(),
    }
}

/// ∇f at a point, by stepgrad's derivatives evaluated there.
fn gradient_at(text: &str, variables: &[&str], point: &[f64]) -> Vec<f64> {
    let mut graph = Graph::new();
    let Ok(root) = parse(&mut graph, text) else {
        return vec![f64::NAN; variables.len()];
    };
    let at = Point::new(
        variables
            .iter()
            .zip(point)
            .map(|(v, &x)| (v.to_string(), x))
            .collect(),
    );
    variables
        .iter()
        .map(|v| {
            let d = derivative(&mut graph, root, v);
            evaluate(&graph, d, &at).unwrap_or(f64::NAN)
        })
        .collect()
}

fn descent_exercise(level: u8, rng: &mut ChaCha8Rng) -> Exercise {
    let a = int(rng, 1, 3);
    let b = int(rng, 1, 3);
    let c = int(rng, 1, 3);
    let shift = pick(rng, &['-', '+']);
    let eta = pick(rng, &[0.05, 0.1, 0.2]);
    let (text, variables): (String, &[&str]) = if level == 1 {
        (format!("{a}*(x{shift}{c})^2"), &["x"])
    } else {
        (format!("{a}*x^2+{b}*y^2+x*y"), &["x", "y"])
    };
    let steps = if level == 3 { 2 } else { 1 };
    let mut point: Vec<f64> = variables
        .iter()
        .map(|_| hundredths(rng, -300, 300))
        .collect();
    let mut data = vec![number("eta", Formula::new("eta", "η", "\\eta"), eta)];
    for (v, &x) in variables.iter().zip(&point) {
        data.push(number(&format!("{v}0"), indexed(v, "0"), x));
    }
    let mut answers = Vec::new();
    for step in 1..=steps {
        let gradient = gradient_at(&text, variables, &point);
        for ((v, x), g) in variables.iter().zip(point.iter_mut()).zip(gradient) {
            *x -= eta * g;
            let index = step.to_string();
            answers.push(number(&format!("{v}{step}"), indexed(v, &index), *x));
        }
    }
    let id = if steps == 1 {
        "practice-q-descent-one"
    } else {
        "practice-q-descent-two"
    };
    data.push(function_datum(&text));
    let shown = data.len() - 1;
    Exercise {
        topic: Topic::Descent,
        level,
        kind: if steps == 1 { "one-step" } else { "two-steps" },
        question: Question {
            id,
            args: vec![("f", function_formula(&text, variables))],
        },
        data,
        shown,
        answers,
    }
}

fn epochs_exercise(level: u8, rng: &mut ChaCha8Rng) -> Exercise {
    let batch = pick(rng, &[8u64, 16, 25, 32, 50, 64, 100, 128]);
    let mut samples = int(rng, 2 * batch as i64, 3000) as u64;
    if samples % batch == 0 {
        samples += int(rng, 1, batch as i64 - 1) as u64;
    }
    let epochs = int(rng, 2, 30) as u64;
    let drop_last = level == 3;
    let full = samples / batch;
    let left = samples % batch;
    let per_epoch = if drop_last { full } else { full + 1 };
    let plain = |n: u64| Formula::plain(&n.to_string());
    let data = vec![
        count("samples", Formula::plain("N"), samples),
        count("batch_size", Formula::plain("B"), batch),
        count("epochs", Formula::plain("E"), epochs),
    ];
    // not prose: the names are headers' English, the keys of headers.ftl
    let header = |key: &str, english: &'static str, value: u64| Named {
        header: Some(english),
        ..count(key, Formula::plain(key), value)
    };
    let mut answers = vec![header(
        "iterations_per_epoch",
        "iterations per epoch", // not prose: a header's key
        per_epoch,
    )];
    if level == 2 {
        answers.push(header("last_batch", "size of the last batch", left)); // not prose: a header's key
    }
    if level == 3 {
        answers.push(header(
            "dropped_per_epoch",
            "samples dropped per epoch", // not prose: a header's key
            left,
        ));
    }
    if level >= 2 {
        answers.push(header(
            "total_iterations",
            "total iterations",
            per_epoch * epochs,
        ));
    }
    if level == 3 {
        answers.push(header(
            "samples_seen",
            "samples seen",
            full * batch * epochs,
        ));
    }
    let id = if drop_last {
        "practice-q-epochs-drop"
    } else {
        "practice-q-epochs"
    };
    Exercise {
        topic: Topic::Epochs,
        level,
        kind: if drop_last { "drop-last" } else { "batches" },
        question: Question {
            id,
            args: vec![
                ("samples", plain(samples)),
                ("batch", plain(batch)),
                ("epochs", plain(epochs)),
            ],
        },
        data,
        shown: 0,
        answers,
    }
}

/// The optimizers of the topic, as PyTorch defines them.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Method {
    Momentum,
    RmsProp,
    Adam,
}

fn optimizer_exercise(level: u8, rng: &mut ChaCha8Rng) -> Exercise {
    let method = pick(rng, &[Method::Momentum, Method::RmsProp, Method::Adam]);
    let lr = pick(rng, &[0.1, 0.05, 0.01]);
    let theta0 = hundredths(rng, -200, 200);
    let gradients: Vec<f64> = (0..level).map(|_| hundredths(rng, -150, 150)).collect();
    let mut data = vec![
        number("lr", Formula::new("lr", "η", "\\eta"), lr),
        number("theta0", indexed("θ", "0"), theta0),
    ];
    let (kind, id) = match method {
        Method::Momentum => {
            data.push(number("momentum", Formula::new("mu", "μ", "\\mu"), 0.9));
            ("momentum", "practice-q-momentum")
        }
        Method::RmsProp => {
            data.push(number("alpha", Formula::new("rho", "ρ", "\\rho"), 0.99));
            data.push(number(
                "eps",
                Formula::new("eps", "ε", "\\varepsilon"),
                1e-8,
            ));
            ("rmsprop", "practice-q-rmsprop")
        }
        Method::Adam => {
            data.push(number("beta1", indexed("β", "1"), 0.9));
            data.push(number("beta2", indexed("β", "2"), 0.999));
            data.push(number(
                "eps",
                Formula::new("eps", "ε", "\\varepsilon"),
                1e-8,
            ));
            ("adam", "practice-q-adam")
        }
    };
    for (t, &g) in gradients.iter().enumerate() {
        data.push(number(
            &format!("g{}", t + 1),
            indexed("g", &(t + 1).to_string()),
            g,
        ));
    }
    let thetas = optimizer_steps(method, lr, theta0, &gradients);
    let answers = thetas
        .iter()
        .enumerate()
        .map(|(t, &theta)| {
            let index = (t + 1).to_string();
            number(&format!("theta{index}"), indexed("θ", &index), theta)
        })
        .collect();
    let shown = data.len();
    Exercise {
        topic: Topic::Optimizer,
        level,
        kind,
        question: Question { id, args: vec![] },
        data,
        shown,
        answers,
    }
}

/// θ after each step of `method` (torch.optim's SGD with momentum 0.9 and
/// no dampening, RMSprop with ρ (PyTorch's alpha) = 0.99, Adam with β = (0.9, 0.999); ε = 10⁻⁸).
fn optimizer_steps(method: Method, lr: f64, theta0: f64, gradients: &[f64]) -> Vec<f64> {
    let (mut theta, mut m, mut v) = (theta0, 0.0, 0.0);
    let mut out = Vec::new();
    for (k, &g) in gradients.iter().enumerate() {
        let t = (k + 1) as f64;
        match method {
            Method::Momentum => {
                m = if k == 0 { g } else { 0.9 * m + g };
                theta -= lr * m;
            }
            Method::RmsProp => {
                v = 0.99 * v + 0.01 * g * g;
                theta -= lr * g / (v.sqrt() + 1e-8);
            }
            Method::Adam => {
                m = 0.9 * m + 0.1 * g;
                v = 0.999 * v + 0.001 * g * g;
                let m_hat = m / (1.0 - 0.9f64.powf(t));
                let v_hat = v / (1.0 - 0.999f64.powf(t));
                theta -= lr * m_hat / (v_hat.sqrt() + 1e-8);
            }
        }
        out.push(theta);
    }
    out
}
