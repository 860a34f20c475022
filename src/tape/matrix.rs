//! The three matrix products of a dense layer, on row-major buffers whose
//! rows hold one value per sample of the batch:
//!
//! - `add_product`: Z += W·X (the layer's nets, Z already holding the bias),
//! - `transposed_product`: G = Wᵀ·Δ (∂E/∂out of the layer below),
//! - `weight_gradient`: ∂W = Δ·Xᵀ (summed over the batch).
//!
//! W lives inside the parameter vector: row k (neuron k's weights) starts
//! at `k·stride`, so a neuron's own bias may sit between two rows. Two
//! kernels compute the products. `Loops` adds the terms of each entry in
//! the order the scalar tape adds them (the bias first, then input after
//! input; a batch sum in four running sums), so small networks train to
//! the same numbers as before, bit for bit. `Blocked` is for the sizes
//! where the loops leave the processor idle: Z and G in the register tiles
//! of `tiles`, which read W where it lies, and ∂W — a sum over the batch,
//! both factors' rows running along it — by `matrixmultiply`, packed and
//! register-tiled. Their sums may differ from the loops' in the last bits.
//!
//! Invariant: every product writes only the entries of its output matrix
//! (never a bias between two rows of W), and reads only within the slices
//! it is given.

use super::dot;
use super::tiles::{self, Fusion, RowMajor, Start};

/// How a layer tape multiplies its matrices.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kernel {
    /// Plain loops in the scalar tape's order of additions.
    Loops,
    /// Register tiles, and `matrixmultiply` for ∂W.
    Blocked,
    /// Loops for small products, blocked kernels from `BLOCKED_FROM`
    /// multiply-adds on.
    Auto,
}

/// Multiply-adds of one product from which `Kernel::Auto` uses the blocked
/// kernels (below it, packing costs more than it saves).
const BLOCKED_FROM: usize = 4_096;

impl Kernel {
    fn blocked(self, multiply_adds: usize) -> bool {
        match self {
            Kernel::Loops => false,
            Kernel::Blocked => true,
            Kernel::Auto => multiply_adds >= BLOCKED_FROM,
        }
    }
}

/// A `rows × cols` matrix inside a parameter vector: row k at `k·stride`.
#[derive(Clone, Copy, Debug)]
pub(super) struct Placed<'a> {
    pub values: &'a [f64],
    pub rows: usize,
    pub cols: usize,
    pub stride: usize,
}

impl Placed<'_> {
    /// The length of slice the matrix reaches into.
    fn extent(&self) -> usize {
        extent(self.rows, self.cols, self.stride)
    }

    /// Refuses a matrix that reaches outside its values.
    fn assert_inside(&self) {
        assert!(
            self.values.len() >= self.extent(),
            "W reaches outside the parameters"
        ); // invariant: as in Packed::run
    }

    /// The matrix for `tiles`, entry (i, p) at `i·row_stride + p·col_stride`
    /// (W itself with `(stride, 1)`, Wᵀ with `(1, stride)` and its shape
    /// turned).
    fn strided(&self, row_stride: usize, col_stride: usize) -> tiles::Strided<'_> {
        tiles::Strided {
            values: self.values,
            rows: self.rows,
            cols: self.cols,
            row_stride,
            col_stride,
        }
    }

    #[inline]
    fn at(&self, row: usize, col: usize) -> f64 {
        self.values[row * self.stride + col]
    }
}

fn extent(rows: usize, cols: usize, stride: usize) -> usize {
    if rows == 0 || cols == 0 {
        0
    } else {
        (rows - 1) * stride + cols
    }
}

/// C = A·B by `matrixmultiply`, every matrix given by its row and column
/// strides.
struct Packed {
    m: usize,
    k: usize,
    n: usize,
    a: (isize, isize),
    b: (isize, isize),
    c: (isize, isize),
}

impl Packed {
    fn reach(rows: usize, cols: usize, (rs, cs): (isize, isize)) -> usize {
        if rows == 0 || cols == 0 {
            0
        } else {
            (rows - 1) * rs as usize + (cols - 1) * cs as usize + 1
        }
    }

    fn run(&self, a: &[f64], b: &[f64], c: &mut [f64]) {
        // invariant: the callers below build the strides from the shapes of
        // the slices they pass; a mismatch is a bug, never bad input.
        assert!(
            a.len() >= Self::reach(self.m, self.k, self.a)
                && b.len() >= Self::reach(self.k, self.n, self.b)
                && c.len() >= Self::reach(self.m, self.n, self.c),
            "a matrix product reaches outside its buffers"
        );
        if self.m == 0 || self.n == 0 {
            return;
        }
        // SAFETY: the assertion above keeps every index the product reads
        // (in `a`, `b`) or writes (in `c`) inside its slice; `c` is borrowed
        // mutably, so it cannot alias `a` or `b`.
        unsafe {
            matrixmultiply::dgemm(
                self.m,
                self.k,
                self.n,
                1.0,
                a.as_ptr(),
                self.a.0,
                self.a.1,
                b.as_ptr(),
                self.b.0,
                self.b.1,
                0.0,
                c.as_mut_ptr(),
                self.c.0,
                self.c.1,
            );
        }
    }
}

/// Rows of `batch` values, one after another.
fn over_batch(values: &[f64], batch: usize) -> RowMajor<&[f64]> {
    RowMajor {
        values,
        cols: batch,
        stride: batch,
    }
}

fn over_batch_mut(values: &mut [f64], batch: usize) -> RowMajor<&mut [f64]> {
    RowMajor {
        values,
        cols: batch,
        stride: batch,
    }
}

/// Z += W·X: `z` holds `w.rows` rows and `x` holds `w.cols` rows, each of
/// `batch` values (`scratch` serves the blocked kernel).
pub(super) fn add_product(
    kernel: Kernel,
    z: &mut [f64],
    w: Placed,
    x: &[f64],
    batch: usize,
    scratch: &mut Vec<f64>,
) {
    w.assert_inside();
    if kernel.blocked(w.rows * w.cols * batch) {
        let (w, x, z) = (
            w.strided(w.stride, 1),
            over_batch(x, batch),
            over_batch_mut(z, batch),
        );
        tiles::product(
            w,
            x,
            z,
            (Start::Accumulate, Fusion::WhereAvailable),
            scratch,
        );
        return;
    }
    for (k, row) in z.chunks_exact_mut(batch).take(w.rows).enumerate() {
        add_weighted_rows(row, x, batch, w.cols, |i| w.at(k, i));
    }
}

/// `row += Σⱼ weight(j)·sourceⱼ` over the first `count` rows of `sources`
/// (each of `batch` values), in row order — the small products' loop, kept
/// in one place so both products add in the same order.
fn add_weighted_rows(
    row: &mut [f64],
    sources: &[f64],
    batch: usize,
    count: usize,
    weight: impl Fn(usize) -> f64,
) {
    for (j, source) in sources.chunks_exact(batch).take(count).enumerate() {
        let factor = weight(j);
        for (o, v) in row.iter_mut().zip(source) {
            *o += factor * v;
        }
    }
}

/// G = Wᵀ·Δ: `g` gets `w.cols` rows, `delta` holds `w.rows` rows, each of
/// `batch` values (`scratch` serves the blocked kernel).
pub(super) fn transposed_product(
    kernel: Kernel,
    g: &mut [f64],
    w: Placed,
    delta: &[f64],
    batch: usize,
    scratch: &mut Vec<f64>,
) {
    w.assert_inside();
    if kernel.blocked(w.rows * w.cols * batch) {
        let transposed = tiles::Strided {
            rows: w.cols,
            cols: w.rows,
            ..w.strided(1, w.stride)
        };
        let (delta, g) = (over_batch(delta, batch), over_batch_mut(g, batch));
        let how = (Start::Overwrite, Fusion::WhereAvailable);
        tiles::product(transposed, delta, g, how, scratch);
        return;
    }
    for (i, row) in g.chunks_exact_mut(batch).take(w.cols).enumerate() {
        row.fill(0.0);
        add_weighted_rows(row, delta, batch, w.rows, |k| w.at(k, i));
    }
}

/// ∂W = Δ·Xᵀ into the gradient's rows (`rows × cols` at `stride`, the
/// entries between rows left alone): `delta` holds `rows` rows and `x`
/// holds `cols` rows, each of `batch` values.
pub(super) fn weight_gradient(
    kernel: Kernel,
    gradient: &mut [f64],
    shape: (usize, usize, usize),
    delta: &[f64],
    x: &[f64],
    batch: usize,
) {
    let (rows, cols, stride) = shape;
    assert!(
        gradient.len() >= extent(rows, cols, stride),
        "∂W reaches outside the gradient"
    ); // invariant: as in Packed::run
    if kernel.blocked(rows * cols * batch) {
        let product = Packed {
            m: rows,
            k: batch,
            n: cols,
            a: (batch as isize, 1),
            b: (1, batch as isize),
            c: (stride as isize, 1),
        };
        product.run(delta, x, gradient);
        return;
    }
    for (k, d) in delta.chunks_exact(batch).take(rows).enumerate() {
        let row = &mut gradient[k * stride..k * stride + cols];
        for (g, input) in row.iter_mut().zip(x.chunks_exact(batch)) {
            *g = dot(d, input);
        }
    }
}
