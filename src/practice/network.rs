//! A backpropagation cell of a 2-2-1 network of sigmoid units, shaped as
//! Mazur's worked example (one bias shared by the hidden layer, squared
//! error E = ½(t − o)²): at level 1 one output weight's gradient, at level
//! 2 the output δ and both output weights', at level 3 a hidden neuron's δ
//! and its input weights' gradients.
//!
//! Invariant: δ is ∂E/∂net of its neuron, and every gradient is δ times
//! the value the weight multiplies.

use super::generate::{hundredths, indexed, number};
use super::{Exercise, Formula, Named, Question, Topic};
use rand_chacha::ChaCha8Rng;

fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

fn gradient_name(weight: &str) -> Formula {
    Formula::new(
        &format!("dE/d{weight}"),
        &format!("∂E/∂{}", indexed(&weight[..1], &weight[1..]).unicode),
        &format!(
            "\\frac{{\\partial E}}{{\\partial {}}}",
            indexed(&weight[..1], &weight[1..]).latex
        ),
    )
}

fn gradient(weight: &str, value: f64) -> Named {
    number(&format!("dE/d{weight}"), gradient_name(weight), value)
}

fn delta(neuron: &str, value: f64) -> Named {
    let name = match neuron {
        "o" => Formula::new("delta_o", "δₒ", "\\delta_{o}"),
        _ => Formula::new("delta_h1", "δₕ₁", "\\delta_{h_1}"),
    };
    number(&format!("delta_{neuron}"), name, value)
}

/// The network's definition, as the question shows it.
fn definition() -> Vec<(&'static str, Formula)> {
    vec![
        (
            "hidden",
            Formula::new(
                "h1 = sigma(w1*x1 + w2*x2 + b1), h2 = sigma(w3*x1 + w4*x2 + b1)",
                "h₁ = σ(w₁x₁ + w₂x₂ + b₁), h₂ = σ(w₃x₁ + w₄x₂ + b₁)",
                "h_1 = \\sigma(w_1 x_1 + w_2 x_2 + b_1),\\ h_2 = \\sigma(w_3 x_1 + w_4 x_2 + b_1)",
            ),
        ),
        (
            "output",
            Formula::new(
                "o = sigma(w5*h1 + w6*h2 + b2)",
                "o = σ(w₅h₁ + w₆h₂ + b₂)",
                "o = \\sigma(w_5 h_1 + w_6 h_2 + b_2)",
            ),
        ),
        (
            "error",
            Formula::new(
                "E = 1/2*(t - o)^2",
                "E = ½(t − o)²",
                "E = \\tfrac{1}{2}(t - o)^2",
            ),
        ),
        (
            "delta",
            Formula::new(
                "delta = dE/dnet",
                "δ = ∂E/∂net",
                "\\delta = \\partial E / \\partial \\mathrm{net}",
            ),
        ),
    ]
}

/// The exercise at `level`, with numbers drawn as Mazur's are: inputs and
/// weights in hundredths, a target between 0 and 1.
pub fn backprop(level: u8, rng: &mut ChaCha8Rng) -> Exercise {
    let x = [hundredths(rng, 5, 100), hundredths(rng, 5, 100)];
    let w: Vec<f64> = (0..6).map(|_| hundredths(rng, -80, 80)).collect();
    let b = [hundredths(rng, 10, 60), hundredths(rng, 10, 60)];
    let t = hundredths(rng, 1, 99);
    let h1 = sigmoid(w[0] * x[0] + w[1] * x[1] + b[0]);
    let h2 = sigmoid(w[2] * x[0] + w[3] * x[1] + b[0]);
    let o = sigmoid(w[4] * h1 + w[5] * h2 + b[1]);
    let delta_o = (o - t) * o * (1.0 - o);
    let delta_h1 = delta_o * w[4] * h1 * (1.0 - h1);
    let answers = match level {
        1 => vec![gradient("w5", delta_o * h1)],
        2 => vec![
            delta("o", delta_o),
            gradient("w5", delta_o * h1),
            gradient("w6", delta_o * h2),
        ],
        _ => vec![
            delta("o", delta_o),
            delta("h1", delta_h1),
            gradient("w1", delta_h1 * x[0]),
            gradient("w2", delta_h1 * x[1]),
        ],
    };
    let mut data = vec![
        number("x1", indexed("x", "1"), x[0]),
        number("x2", indexed("x", "2"), x[1]),
    ];
    for (k, &weight) in w.iter().enumerate() {
        let index = (k + 1).to_string();
        data.push(number(&format!("w{index}"), indexed("w", &index), weight));
    }
    data.push(number("b1", indexed("b", "1"), b[0]));
    data.push(number("b2", indexed("b", "2"), b[1]));
    data.push(number("t", Formula::plain("t"), t));
    let shown = data.len();
    Exercise {
        topic: Topic::Backprop,
        level,
        kind: match level {
            1 => "output-weight",
            2 => "output-layer",
            _ => "hidden-layer",
        },
        question: Question {
            id: "practice-q-backprop",
            args: definition(),
        },
        data,
        shown,
        answers,
    }
}
