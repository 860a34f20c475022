//! Seeded initialisation of a network's parameters: Xavier (Glorot
//! uniform), He (normal) and uniform(a, b), drawn with ChaCha8.
//!
//! Invariant: the same layers, bias mode, scheme and seed give the same
//! parameters, number for number, and every number drawn is finite.

use super::{BiasMode, Parameters};
use crate::i18n::Text;
use crate::text;
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// Samples from N(0, 1) by the Box–Muller transform.
fn standard_normal(rng: &mut ChaCha8Rng) -> f64 {
    let u1: f64 = rng.random_range(f64::EPSILON..1.0);
    let u2: f64 = rng.random_range(0.0..1.0);
    (-2.0 * u1.ln()).sqrt() * (2.0 * std::f64::consts::PI * u2).cos()
}

/// Weights from a seeded scheme: xavier (Glorot uniform, U(−a, a) with
/// a = √(6/(fan_in + fan_out))), he (normal with standard deviation
/// √(2/fan_in)), or uniform(a, b). Biases start at 0, except with
/// uniform(a, b), which draws them too. A scheme that cannot be read is
/// told, as message and hint, in the catalogue's words.
pub fn initialize(
    layers: &[usize],
    bias: BiasMode,
    scheme: &str,
    seed: u64,
) -> Result<Parameters, (Text, Text)> {
    enum Scheme {
        Xavier,
        He,
        Uniform(f64, f64),
    }
    let parsed = match scheme {
        "xavier" | "glorot" => Scheme::Xavier,
        "he" | "kaiming" => Scheme::He,
        s if s.starts_with("uniform(") && s.ends_with(')') => {
            let inner = &s["uniform(".len()..s.len() - 1];
            let bounds: Vec<Option<f64>> = inner
                .split(',')
                .map(|p| p.trim().parse::<f64>().ok().filter(|v| v.is_finite()))
                .collect();
            match bounds.as_slice() {
                [Some(a), Some(b)] if a < b && (b - a).is_finite() => Scheme::Uniform(*a, *b),
                [Some(a), Some(b)] if a < b => {
                    return Err((
                        text!(
                            "spec-init-too-wide",
                            scheme = scheme,
                            width = (b - a).to_string()
                        ),
                        text!("spec-init-too-wide-hint"),
                    ))
                }
                _ => {
                    return Err((
                        text!("spec-init-bad-range", scheme = scheme),
                        text!("spec-init-bad-range-hint"),
                    ))
                }
            }
        }
        other => {
            return Err((
                text!("spec-unknown-init", name = other),
                text!("spec-unknown-init-hint"),
            ))
        }
    };
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut weights = Vec::new();
    let mut biases = Vec::new();
    for l in 0..layers.len() - 1 {
        let (fan_in, fan_out) = (layers[l], layers[l + 1]);
        let draw = |rng: &mut ChaCha8Rng| match parsed {
            Scheme::Xavier => {
                let a = (6.0 / (fan_in + fan_out) as f64).sqrt();
                rng.random_range(-a..a)
            }
            Scheme::He => standard_normal(rng) * (2.0 / fan_in as f64).sqrt(),
            Scheme::Uniform(a, b) => rng.random_range(a..b),
        };
        let w: Vec<Vec<f64>> = (0..fan_out)
            .map(|_| (0..fan_in).map(|_| draw(&mut rng)).collect())
            .collect();
        weights.push(w);
        let count = match bias {
            BiasMode::PerNeuron => fan_out,
            BiasMode::PerLayer => 1,
            BiasMode::None => 0,
        };
        let b: Vec<f64> = (0..count)
            .map(|_| match parsed {
                Scheme::Uniform(a, b) => rng.random_range(a..b),
                _ => 0.0,
            })
            .collect();
        biases.push(b);
    }
    Ok(Parameters { weights, biases })
}
