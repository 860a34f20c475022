//! Data sets built into the binary, chosen with `--data builtin:NAME`: the
//! logic gates, Fisher's iris flowers, and generated sets in the spirit of
//! TensorFlow Playground (circle, gauss, spiral, xor-noise, and the
//! regressions line and parabola), reproducible from `--seed` and
//! `--noise`.
//!
//! Invariant: the same name, seed, noise and size always give the same
//! samples (a named generator, ChaCha8).

use super::{load_csv, Dataset, TargetColumns};
use crate::{text, Error};
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// The names of the built-in data sets.
pub const NAMES: [&str; 11] = [
    "xor",
    "and",
    "or",
    "iris",
    "circle",
    "gauss",
    "spiral",
    "xor-noise",
    "line",
    "parabola",
    "digits",
];

const IRIS: &str = include_str!("../../data/iris.csv");

/// How generated sets are drawn.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Generation {
    pub seed: u64,
    /// From 0 (clean) to 1 (very noisy).
    pub noise: f64,
    pub samples: usize,
}

impl Default for Generation {
    fn default() -> Generation {
        Generation {
            seed: 0,
            noise: 0.0,
            samples: 200,
        }
    }
}

fn gate(rows: [f64; 4]) -> Dataset {
    Dataset {
        feature_names: vec!["x1".into(), "x2".into()],
        target_names: vec!["y".into()],
        class_names: None,
        separator: None,
        inputs: vec![
            vec![0.0, 0.0],
            vec![0.0, 1.0],
            vec![1.0, 0.0],
            vec![1.0, 1.0],
        ],
        targets: rows.iter().map(|&t| vec![t]).collect(),
    }
}

/// Two features, one 0/1 label.
fn points(samples: Vec<(f64, f64, f64)>) -> Dataset {
    Dataset {
        feature_names: vec!["x1".into(), "x2".into()],
        target_names: vec!["y".into()],
        class_names: None,
        separator: None,
        inputs: samples.iter().map(|&(x, y, _)| vec![x, y]).collect(),
        targets: samples.iter().map(|&(_, _, t)| vec![t]).collect(),
    }
}

/// A normal deviate (Box–Muller).
pub(super) fn normal(rng: &mut ChaCha8Rng) -> f64 {
    let u1: f64 = rng.random_range(f64::EPSILON..1.0);
    let u2: f64 = rng.random_range(0.0..1.0);
    (-2.0 * u1.ln()).sqrt() * (2.0 * std::f64::consts::PI * u2).cos()
}

/// The samples a generated set has without `--samples`: 1,000 images of
/// digits, 200 points of the others.
pub fn default_samples(name: &str) -> usize {
    match name {
        "digits" => super::digits::DEFAULT_SAMPLES,
        _ => Generation::default().samples,
    }
}

/// A built-in data set by name.
pub fn builtin(name: &str, g: &Generation) -> Result<Dataset, Error> {
    let mut rng = ChaCha8Rng::seed_from_u64(g.seed);
    let n = g.samples;
    let jitter = |rng: &mut ChaCha8Rng, scale: f64| g.noise * scale * normal(rng);
    Ok(match name {
        "xor" => gate([0.0, 1.0, 1.0, 0.0]),
        "and" => gate([0.0, 0.0, 0.0, 1.0]),
        "or" => gate([0.0, 1.0, 1.0, 1.0]),
        "iris" => load_csv(
            "builtin:iris",
            IRIS,
            &TargetColumns::Label("species".into()),
        )?,
        "circle" => points(
            (0..n)
                .map(|i| {
                    let inside = i % 2 == 0;
                    let r = if inside {
                        rng.random_range(0.0..2.5)
                    } else {
                        rng.random_range(3.5..5.0)
                    };
                    let angle = rng.random_range(0.0..std::f64::consts::TAU);
                    let (x, y) = (
                        r * angle.cos() + jitter(&mut rng, 1.0),
                        r * angle.sin() + jitter(&mut rng, 1.0),
                    );
                    (x, y, if inside { 1.0 } else { 0.0 })
                })
                .collect(),
        ),
        "gauss" => points(
            (0..n)
                .map(|i| {
                    let (c, t) = if i % 2 == 0 { (2.0, 1.0) } else { (-2.0, 0.0) };
                    let spread = 0.5 + 2.0 * g.noise;
                    (
                        c + spread * normal(&mut rng),
                        c + spread * normal(&mut rng),
                        t,
                    )
                })
                .collect(),
        ),
        "spiral" => points(
            (0..n)
                .map(|i| {
                    let class = (i % 2) as f64;
                    let k = (i / 2) as f64 / (n / 2).max(1) as f64;
                    let r = 5.0 * k;
                    let t = 1.75 * std::f64::consts::TAU * k + class * std::f64::consts::PI;
                    (
                        r * t.sin() + jitter(&mut rng, 1.0),
                        r * t.cos() + jitter(&mut rng, 1.0),
                        class,
                    )
                })
                .collect(),
        ),
        "xor-noise" => points(
            (0..n)
                .map(|_| {
                    let away = |rng: &mut ChaCha8Rng| {
                        let v: f64 = rng.random_range(-5.0..5.0);
                        v + 0.3 * v.signum()
                    };
                    let (x, y) = (away(&mut rng), away(&mut rng));
                    let label = if x * y >= 0.0 { 1.0 } else { 0.0 };
                    (x + jitter(&mut rng, 1.0), y + jitter(&mut rng, 1.0), label)
                })
                .collect(),
        ),
        "digits" => super::digits::digits(n, g.seed, g.noise),
        "line" | "parabola" => {
            let xs: Vec<f64> = (0..n).map(|_| rng.random_range(-5.0..5.0)).collect();
            let targets = xs
                .iter()
                .map(|&x| {
                    let clean = if name == "line" {
                        0.5 * x + 1.0
                    } else {
                        0.2 * x * x - 1.0
                    };
                    vec![clean + jitter(&mut rng, 1.0)]
                })
                .collect();
            Dataset {
                feature_names: vec!["x".into()],
                target_names: vec!["y".into()],
                class_names: None,
                separator: None,
                inputs: xs.into_iter().map(|x| vec![x]).collect(),
                targets,
            }
        }
        other => {
            // A close name is one a typo or two away, relative to its length
            // (so 'foo' does not suggest xor).
            let names = NAMES.join(", ");
            return Err(Error::told(
                text!("data-no-such-builtin", name = other),
                match crate::expr::closest_name(other, NAMES) {
                    Some(n) => text!("data-did-you-mean-builtin", meant = n, names = names),
                    None => text!("data-the-builtins-are", names = names),
                },
            ));
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_set_loads() {
        for name in NAMES {
            let d = builtin(name, &Generation::default()).unwrap();
            assert!(!d.is_empty(), "{name}");
            assert!(d.inputs.iter().all(|r| r.len() == d.feature_names.len()));
        }
        let iris = builtin("iris", &Generation::default()).unwrap();
        assert_eq!(iris.len(), 150);
        assert_eq!(
            iris.class_names.as_deref(),
            Some(
                &[
                    "setosa".to_string(),
                    "versicolor".into(),
                    "virginica".into()
                ][..]
            )
        );
    }

    #[test]
    fn generation_is_reproducible() {
        let g = Generation {
            seed: 7,
            noise: 0.3,
            samples: 50,
        };
        assert_eq!(
            builtin("spiral", &g).unwrap(),
            builtin("spiral", &g).unwrap()
        );
        assert_ne!(
            builtin("spiral", &g).unwrap(),
            builtin("spiral", &Generation { seed: 8, ..g }).unwrap()
        );
    }
}
