//! The limits that keep stepgrad from exhausting the machine, in one place
//! (docs/limits.md states them for users). Each is checked before the work
//! starts, and the message says the limit and how to work within it.
//!
//! Invariant: every input that could grow memory or time without bound —
//! text, files, networks, data, steps — meets one of these before stepgrad
//! commits to it; long loops also stop at Ctrl-C (see `interrupt`).

/// Longest expression accepted, in bytes.
pub const MAX_INPUT_LEN: usize = 10_000;
/// Deepest nesting of parentheses accepted.
pub const MAX_PAREN_DEPTH: usize = 100;
/// Tallest expression tree accepted (operations inside operations, with or
/// without parentheses, e.g. a chain of 500 powers x^x^x^…).
pub const MAX_TREE_HEIGHT: u32 = 250;

/// Bytes of any file stepgrad reads (a spec, a CSV, a lesson, a problem
/// file, saved parameters).
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;
/// Weights and biases of a network `train` trains.
pub const MAX_TRAIN_PARAMETERS: usize = 250_000;
/// Weights and biases of a network `net` and `graph` derive symbolically,
/// printing a row per parameter.
pub const MAX_NET_PARAMETERS: usize = 5_000;
/// Weights and biases of a network whose hand-worked step `net --check`
/// judges (each quantity is recomputed under every mistake, through the
/// quantities after it).
pub const MAX_CHECK_PARAMETERS: usize = 200;
/// Samples `net` works through step by step (each sample's forward and
/// backward pass are evaluated, shown and kept); `net` also keeps at most
/// `MAX_KEPT_VALUES` samples × parameters.
pub const MAX_NET_SAMPLES: usize = 1_000;
/// Neurons in one layer.
pub const MAX_LAYER_SIZE: usize = 10_000;
/// Samples of a data set.
pub const MAX_SAMPLES: usize = 1_000_000;
/// Numbers in a data set (samples × columns).
pub const MAX_DATA_VALUES: usize = 50_000_000;
/// Epochs of `train`.
pub const MAX_EPOCHS: usize = 1_000_000;
/// Exercises of one practice sheet (`practice --count`).
pub const MAX_PRACTICE_EXERCISES: usize = 200;
/// Steps of `minimize` and `net`.
pub const MAX_STEPS: usize = 1_000_000;
/// Records a long run keeps to list (steps of `minimize` and `net`,
/// epochs and iterations of `train`): every one up to this many, else the
/// first half and the last half, and the count left out between them.
pub const MAX_LISTED_RECORDS: usize = 10_000;
/// Numbers the kept records of a run may hold (points, gradients,
/// optimizer state, a network's parameters): a run whose steps hold many
/// keeps fewer of them, down to the first and the last.
pub const MAX_KEPT_VALUES: usize = 1_000_000;
/// Rows of a table of epochs in a text report: a longer table shows its
/// first half and its last half.
pub const MAX_TABLE_ROWS: usize = 1_000;
/// Points of a curve in a picture: a longer run is drawn from every
/// second, fourth, … point (and the last).
pub const MAX_PLOT_POINTS: usize = 2_000;
/// The size of a symbolic Hessian (`diff --hessian`, Newton's method on an
/// expression): its distinct entries times the expression's size (nodes
/// plus operands), estimated before it is built, and the growth of the
/// graph while it is built.
pub const MAX_HESSIAN_SIZE: usize = 4_000_000;
/// Node evaluations of a gradient check (`net --gradcheck`): two
/// evaluations of the loss graph per trainable parameter and sample.
pub const MAX_GRADCHECK_EVALUATIONS: u64 = 200_000_000;
/// Products in a derivation written out with the chain rule fully
/// expanded (`net --param`): one per path from the parameter to the loss.
/// Beyond it the shared, δ-based form is shown.
pub const MAX_EXPANDED_TERMS: u64 = 256;
/// Variables (or parameters) of Newton's method: it forms and factors the
/// n×n Hessian, symbolically for an expression or a `net` spec.
pub const MAX_NEWTON_VARIABLES: usize = 60;
/// Variables (or parameters) of BFGS, which keeps an n×n matrix.
pub const MAX_BFGS_VARIABLES: usize = 2_000;

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

// ---- caps on internal work ------------------------------------------------
// These bound how much work an algorithm does on one input; they are not
// refused up front, because the algorithm stops at them by itself.

/// Parts of an expression whose sign `check` follows (the first ones).
pub const MAX_CRITICAL_PARTS: usize = 64;
/// Boundaries `check` keeps along one line.
pub const MAX_BOUNDARIES: usize = 48;
/// Points `check` compares at, at most.
pub const MAX_CHECK_POINTS: usize = 800;
/// Places where `check` tries a typical mistake, at most.
pub const MAX_MISTAKE_SITES: usize = 60;
/// Names a message lists in full; longer lists are shortened.
pub const MAX_LISTED_NAMES: usize = 12;
/// Function and gradient evaluations a BFGS line search may use.
pub const MAX_LINE_SEARCH: usize = 60;
/// Bars of |x| the notation reader reads the other way to find out whether
/// they could also open: each try reads the whole expression once more.
pub const MAX_BAR_READINGS: usize = 64;
/// Characters of a reading shown in an ambiguity message.
pub const MAX_SHOWN_READING: usize = 80;
/// Times Newton's backtracking may halve a step.
pub const MAX_HALVINGS: usize = 50;

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
