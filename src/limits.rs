//! The limits that keep stepgrad from exhausting the machine, in one place
//! (docs/limits.md states them for users). Each is checked before the work
//! starts, and the message says the limit and how to work within it.
//!
//! Invariant: every input that could grow memory or time without bound —
//! text, files, networks, data, steps — meets one of these before stepgrad
//! commits to it; long loops also stop at Ctrl-C (see `interrupt`).

pub use crate::expr::{MAX_INPUT_LEN, MAX_PAREN_DEPTH, MAX_TREE_HEIGHT};

/// Bytes of any file stepgrad reads (a spec, a CSV, a lesson, a problem
/// file, saved parameters).
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;
/// Weights and biases of a network `train` trains.
pub const MAX_TRAIN_PARAMETERS: usize = 250_000;
/// Weights and biases of a network `net` and `graph` derive symbolically,
/// printing a row per parameter.
pub const MAX_NET_PARAMETERS: usize = 5_000;
/// Neurons in one layer.
pub const MAX_LAYER_SIZE: usize = 10_000;
/// Samples of a data set.
pub const MAX_SAMPLES: usize = 1_000_000;
/// Numbers in a data set (samples × columns).
pub const MAX_DATA_VALUES: usize = 50_000_000;
/// Epochs of `train`.
pub const MAX_EPOCHS: usize = 1_000_000;
/// Steps of `minimize` and `net`.
pub const MAX_STEPS: usize = 1_000_000;

/// Weights and biases of a network with these layer sizes and, per layer,
/// `biases_per_layer(l)` biases.
pub fn parameter_count(layers: &[usize], biases_per_layer: impl Fn(usize) -> usize) -> usize {
    layers
        .windows(2)
        .enumerate()
        .map(|(l, w)| {
            w[0].saturating_mul(w[1])
                .saturating_add(biases_per_layer(l))
        })
        .fold(0usize, usize::saturating_add)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts() {
        assert_eq!(parameter_count(&[2, 2, 2], |_| 1), 10);
        assert_eq!(
            parameter_count(&[4, 16, 3], |l| [16, 3][l]),
            64 + 16 + 48 + 3
        );
        assert_eq!(parameter_count(&[usize::MAX, 2], |_| 0), usize::MAX);
    }
}
