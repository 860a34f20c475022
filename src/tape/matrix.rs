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
//! the same numbers as before, bit for bit. `Blocked` hands the product to
//! `matrixmultiply`, packed and register-tiled, for the sizes where that
//! pays; its sums may differ from the loops' in the last bits.
//!
//! Invariant: every product writes only the entries of its output matrix
//! (never a bias between two rows of W), and reads only within the slices
//! it is given.

use super::dot;

/// How a layer tape multiplies its matrices.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kernel {
    /// Plain loops in the scalar tape's order of additions.
    Loops,
    /// `matrixmultiply`'s packed, register-tiled kernels.
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
        ); // invariant: as in Strided::run
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

/// C = α·A·B + β·C by `matrixmultiply`, every matrix given by its row and
/// column strides.
struct Strided {
    m: usize,
    k: usize,
    n: usize,
    a: (isize, isize),
    b: (isize, isize),
    c: (isize, isize),
    beta: f64,
}

impl Strided {
    /// A product whose right factor and result are row-major `× batch`
    /// blocks, the left factor `m × k` with strides `a`.
    fn over_batch(m: usize, k: usize, a: (isize, isize), batch: usize, beta: f64) -> Strided {
        Strided {
            m,
            k,
            n: batch,
            a,
            b: (batch as isize, 1),
            c: (batch as isize, 1),
            beta,
        }
    }

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
                self.beta,
                c.as_mut_ptr(),
                self.c.0,
                self.c.1,
            );
        }
    }
}

/// Z += W·X: `z` holds `w.rows` rows and `x` holds `w.cols` rows, each of
/// `batch` values.
pub(super) fn add_product(kernel: Kernel, z: &mut [f64], w: Placed, x: &[f64], batch: usize) {
    w.assert_inside();
    if kernel.blocked(w.rows * w.cols * batch) {
        Strided::over_batch(w.rows, w.cols, (w.stride as isize, 1), batch, 1.0).run(w.values, x, z);
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
/// `batch` values.
pub(super) fn transposed_product(
    kernel: Kernel,
    g: &mut [f64],
    w: Placed,
    delta: &[f64],
    batch: usize,
) {
    w.assert_inside();
    if kernel.blocked(w.rows * w.cols * batch) {
        Strided::over_batch(w.cols, w.rows, (1, w.stride as isize), batch, 0.0)
            .run(w.values, delta, g);
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
    ); // invariant: as in Strided::run
    if kernel.blocked(rows * cols * batch) {
        let product = Strided {
            m: rows,
            k: batch,
            n: cols,
            a: (batch as isize, 1),
            b: (1, batch as isize),
            c: (stride as isize, 1),
            beta: 0.0,
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
