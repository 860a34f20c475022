//! Compiled tapes: a network's loss and gradient as straight-line work over
//! a whole batch, compiled once and run for every batch of training.
//!
//! Two kinds share the job. `scalar` compiles any graph — a user's own
//! formula, a Hessian, anything written as nodes — into instructions that
//! each fill one column of batch values. `layers` is built from a network's
//! structure alone (layer sizes, activations, bias mode, loss): each dense
//! layer's forward pass Z = W·X + b, its backward pass (δ below = Wᵀ·δ ⊙ f′,
//! ∂W = δ·Xᵀ, ∂b = Σδ) and the loss run as matrix operations on contiguous
//! buffers, without building the symbolic gradient graph at all.
//!
//! Invariant: both compute the values the graph evaluator computes for the
//! same formulas (tests compare all three on random networks); the symbolic
//! graph stays the source of truth for every derivation stepgrad shows.

mod lanes;
mod layers;
mod matrix;
mod scalar;
mod tiles;

pub use layers::{Batch, Kernel, LayerTape, LayerWork};
pub use scalar::{Tape, TapeSpec, Workspace};

/// C += A·B for row-major A (`rows × cols`), B (`cols` rows of `n`) and C
/// (`rows` rows of `n`), with `(rows, cols, n)` the shape: every entry's
/// terms added in order, each a product then a sum — a plain loop's
/// arithmetic, bit for bit, run in register tiles (`scratch` is theirs).
pub fn add_product_in_order(
    a: &[f64],
    b: &[f64],
    c: &mut [f64],
    (rows, cols, n): (usize, usize, usize),
    scratch: &mut Vec<f64>,
) {
    let a = tiles::Strided {
        values: a,
        rows,
        cols,
        row_stride: cols,
        col_stride: 1,
    };
    let b = tiles::RowMajor {
        values: b,
        cols: n,
        stride: n,
    };
    let c = tiles::RowMajor {
        values: c,
        cols: n,
        stride: n,
    };
    let how = (tiles::Start::Accumulate, tiles::Fusion::Never);
    tiles::product(a, b, c, how, scratch);
}

/// Σ aᵢ·bᵢ with four running sums, so the loop can use the processor's
/// vector units (a single running sum must add in strict order).
pub(crate) fn dot(a: &[f64], b: &[f64]) -> f64 {
    let mut lanes = [0.0; 4];
    let (a4, b4) = (a.chunks_exact(4), b.chunks_exact(4));
    let (ra, rb) = (a4.remainder(), b4.remainder());
    for (x, y) in a4.zip(b4) {
        for k in 0..4 {
            lanes[k] += x[k] * y[k];
        }
    }
    let tail: f64 = ra.iter().zip(rb).map(|(x, y)| x * y).sum();
    (lanes[0] + lanes[1]) + (lanes[2] + lanes[3]) + tail
}

/// Σ aᵢ with four running sums.
pub(crate) fn sum(a: &[f64]) -> f64 {
    let mut lanes = [0.0; 4];
    let chunks = a.chunks_exact(4);
    let tail: f64 = chunks.remainder().iter().sum();
    for x in chunks {
        for k in 0..4 {
            lanes[k] += x[k];
        }
    }
    (lanes[0] + lanes[1]) + (lanes[2] + lanes[3]) + tail
}
