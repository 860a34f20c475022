//! Register tiles: C = A·B (or C += A·B) for the products whose right
//! factor B and result C keep each row contiguous — a layer's nets
//! Z += W·X and the layer below's ∂E/∂out G = Wᵀ·Δ, each row one value per
//! sample of the batch.
//!
//! A tile holds up to six rows by 32 columns of C in vector registers
//! while one pass runs down the shared dimension p: each entry A[i][p] is
//! broadcast against row p of B and added into row i of the tile. A is
//! read where it lies, at any row and column strides (W inside the
//! parameter vector, or Wᵀ), so nothing is packed or allocated, and B's
//! rows stream through the cache once per band of rows. Tiles 16, 8 and 1
//! column wide, and 3, 2 and 1 rows high, take the edges.
//!
//! Every entry adds its terms in the plain loops' order: the start value
//! (C's own, or 0), then p = 0, 1, …. On processors with fused
//! multiply-add (AVX2 with FMA, AVX-512) each term is one fused operation;
//! elsewhere a product then a sum, which is the loops' arithmetic bit for
//! bit.
//!
//! Invariant: a product reads only within the slices it is given and
//! writes only the entries of C (never between two of its rows).

use multiversion::multiversion;
use multiversion::target::target_cfg_f;

/// The widest tile, in columns of C.
const WIDE: usize = 32;
/// The shared dimension is taken this many terms at a time, so that a
/// band of B (`DEEP` rows of `WIDE` values, 32 KiB) stays in the level-1
/// cache while every tile of the band reads it.
const DEEP: usize = 128;

/// A `rows × cols` matrix at any strides: entry (i, p) at
/// `i·row_stride + p·col_stride`.
#[derive(Clone, Copy, Debug)]
pub(super) struct Strided<'a> {
    pub values: &'a [f64],
    pub rows: usize,
    pub cols: usize,
    pub row_stride: usize,
    pub col_stride: usize,
}

/// `rows` rows of `cols` values each, row r starting at `r·stride`.
#[derive(Clone, Copy, Debug)]
pub(super) struct RowMajor<T> {
    pub values: T,
    pub cols: usize,
    pub stride: usize,
}

/// How each term is added.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Fusion {
    /// One fused multiply-add where the processor has it.
    WhereAvailable,
    /// A product, then a sum: the plain loops' arithmetic on every
    /// processor.
    Never,
}

/// What C's entries start from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Start {
    /// C += A·B.
    Accumulate,
    /// C = A·B.
    Overwrite,
}

/// The index one past the last entry a matrix at these strides reaches.
fn reach(rows: usize, cols: usize, row_stride: usize, col_stride: usize) -> usize {
    if rows == 0 || cols == 0 {
        0
    } else {
        (rows - 1) * row_stride + (cols - 1) * col_stride + 1
    }
}

/// C (A's rows × B's columns) = or += A·B, where B has A's columns as its
/// rows; `scratch` holds the bands of a B wider than one tile.
pub(super) fn product(
    a: Strided,
    b: RowMajor<&[f64]>,
    c: RowMajor<&mut [f64]>,
    (start, fusion): (Start, Fusion),
    scratch: &mut Vec<f64>,
) {
    let n = b.cols;
    // invariant: the layer tape builds every shape from the buffers it
    // passes; a mismatch is a bug, never bad input.
    assert!(
        a.values.len() >= reach(a.rows, a.cols, a.row_stride, a.col_stride)
            && b.values.len() >= reach(a.cols, n, b.stride, 1)
            && c.values.len() >= reach(a.rows, n, c.stride, 1)
            && c.cols == n,
        "a tiled product reaches outside its buffers"
    );
    if a.rows == 0 || n == 0 {
        return;
    }
    let tiles = Tiles {
        a,
        b: b.values,
        b_stride: b.stride,
        b_origin: (0, 0),
        c_stride: c.stride,
        start,
        depth: (0, 0),
    };
    multiply_in_tiles(tiles, c.values, n, fusion, scratch);
}

#[multiversion(targets("x86_64+avx512f+avx512vl+avx512dq+fma", "x86_64+avx2+fma"))]
fn multiply_in_tiles(
    tiles: Tiles,
    c: &mut [f64],
    n: usize,
    fusion: Fusion,
    scratch: &mut Vec<f64>,
) {
    if fusion == Fusion::WhereAvailable && target_cfg_f!(target_feature = "fma") {
        tiles.in_depth::<true>(c, n, scratch);
    } else {
        tiles.in_depth::<false>(c, n, scratch);
    }
}

/// One product's operands, shared by its tiles, and the terms p of the
/// shared dimension its tiles add now.
#[derive(Clone, Copy)]
struct Tiles<'a> {
    a: Strided<'a>,
    /// B, or a band of it copied: entry (p, j) of B at
    /// `(p − b_origin.0)·b_stride + j − b_origin.1`.
    b: &'a [f64],
    b_stride: usize,
    b_origin: (usize, usize),
    c_stride: usize,
    start: Start,
    /// p from `depth.0` up to `depth.1`.
    depth: (usize, usize),
}

impl Tiles<'_> {
    /// The shared dimension `DEEP` terms at a time: the first block starts
    /// from `start`, the later ones add to what C holds, so every entry
    /// still adds its terms in order.
    #[inline(always)]
    fn in_depth<const FUSED: bool>(mut self, c: &mut [f64], n: usize, scratch: &mut Vec<f64>) {
        let k = self.a.cols;
        let mut from = 0;
        loop {
            self.depth = (from, (from + DEEP).min(k));
            self.columns::<FUSED>(c, n, scratch);
            from = self.depth.1;
            if from >= k {
                break;
            }
            self.start = Start::Accumulate;
        }
    }

    /// Bands of columns, widest first. When B has more than one band, its
    /// rows lie far apart and a band's would crowd a few sets of the
    /// level-1 cache: each band is first copied into `scratch`, its rows
    /// side by side.
    #[inline(always)]
    fn columns<const FUSED: bool>(&self, c: &mut [f64], n: usize, scratch: &mut Vec<f64>) {
        let copied = n > WIDE;
        let mut j = 0;
        while j + WIDE <= n {
            self.band::<FUSED, WIDE>(c, j, copied, scratch);
            j += WIDE;
        }
        if j + 16 <= n {
            self.band::<FUSED, 16>(c, j, copied, scratch);
            j += 16;
        }
        if j + 8 <= n {
            self.band::<FUSED, 8>(c, j, copied, scratch);
            j += 8;
        }
        while j < n {
            self.band::<FUSED, 1>(c, j, copied, scratch);
            j += 1;
        }
    }

    /// The band of `COLS` columns from column `j`, read in place or from a
    /// copy.
    #[inline(always)]
    fn band<const FUSED: bool, const COLS: usize>(
        &self,
        c: &mut [f64],
        j: usize,
        copied: bool,
        scratch: &mut Vec<f64>,
    ) {
        if !copied {
            self.rows::<FUSED, COLS>(c, j);
            return;
        }
        scratch.clear();
        for p in self.depth.0..self.depth.1 {
            scratch.extend_from_slice(&self.b[p * self.b_stride + j..][..COLS]);
        }
        let band = Tiles {
            b: scratch.as_slice(),
            b_stride: COLS,
            b_origin: (self.depth.0, j),
            ..*self
        };
        band.rows::<FUSED, COLS>(c, j);
    }

    /// The tiles of one band of `COLS` columns from column `j`, tallest
    /// first.
    #[inline(always)]
    fn rows<const FUSED: bool, const COLS: usize>(&self, c: &mut [f64], j: usize) {
        let m = self.a.rows;
        let mut i = 0;
        while i + 6 <= m {
            self.six_rows::<FUSED, COLS>(c, i, j);
            i += 6;
        }
        if i + 3 <= m {
            self.three_rows::<FUSED, COLS>(c, i, j);
            i += 3;
        }
        if i + 2 <= m {
            self.two_rows::<FUSED, COLS>(c, i, j);
            i += 2;
        }
        if i < m {
            self.one_row::<FUSED, COLS>(c, i, j);
        }
    }

    /// Row i's `COLS` values from column j: C's own, or zeros.
    #[inline(always)]
    fn start_of<const COLS: usize>(&self, c: &[f64], i: usize, j: usize) -> [f64; COLS] {
        let mut sums = [0.0; COLS];
        if self.start == Start::Accumulate {
            sums.copy_from_slice(&c[i * self.c_stride + j..][..COLS]);
        }
        sums
    }

    #[inline(always)]
    fn store<const COLS: usize>(&self, c: &mut [f64], i: usize, j: usize, sums: &[f64; COLS]) {
        c[i * self.c_stride + j..][..COLS].copy_from_slice(sums);
    }

    /// A[i][p].
    #[inline(always)]
    fn factor(&self, i: usize, p: usize) -> f64 {
        self.a.values[i * self.a.row_stride + p * self.a.col_stride]
    }

    /// Row p of B from column j.
    #[inline(always)]
    fn b_row<const COLS: usize>(&self, p: usize, j: usize) -> &[f64; COLS] {
        let (p, j) = (p - self.b_origin.0, j - self.b_origin.1);
        // invariant: `product` checked that B reaches row p, columns
        // j + COLS, and a copied band holds the rows and columns it serves.
        self.b[p * self.b_stride + j..]
            .first_chunk()
            .expect("B's row reaches the tile's columns")
    }
}

/// sums += factor·row, entry by entry, fused or as a product then a sum.
#[inline(always)]
fn add_scaled<const FUSED: bool, const COLS: usize>(
    sums: &mut [f64; COLS],
    factor: f64,
    row: &[f64; COLS],
) {
    for (s, &v) in sums.iter_mut().zip(row) {
        *s = if FUSED {
            factor.mul_add(v, *s)
        } else {
            *s + factor * v
        };
    }
}

/// A tile of the rows i, i+1, … (one name per row, so that each row's sums
/// stay in registers): rows i … of C, columns j … j+COLS−1, held over the
/// whole shared dimension.
macro_rules! tile {
    ($name:ident: $($row:ident = $r:literal),+) => {
        impl Tiles<'_> {
            #[inline(always)]
            fn $name<const FUSED: bool, const COLS: usize>(
                &self,
                c: &mut [f64],
                i: usize,
                j: usize,
            ) {
                $(let mut $row = self.start_of::<COLS>(c, i + $r, j);)+
                for p in self.depth.0..self.depth.1 {
                    let b = self.b_row::<COLS>(p, j);
                    $(add_scaled::<FUSED, COLS>(&mut $row, self.factor(i + $r, p), b);)+
                }
                $(self.store(c, i + $r, j, &$row);)+
            }
        }
    };
}

tile!(six_rows: r0 = 0, r1 = 1, r2 = 2, r3 = 3, r4 = 4, r5 = 5);
tile!(three_rows: r0 = 0, r1 = 1, r2 = 2);
tile!(two_rows: r0 = 0, r1 = 1);
tile!(one_row: r0 = 0);

#[cfg(test)]
mod tests {
    use super::*;
    use rand::{RngExt, SeedableRng};
    use rand_chacha::ChaCha8Rng;

    /// C (+)= A·B by the definition, one term after another, and for
    /// each entry the sum of its terms' sizes (|start| + Σ|a·b|).
    fn by_definition(a: Strided, b: &[f64], n: usize, c: &mut [f64], start: Start) -> Vec<f64> {
        let mut sizes = vec![0.0; a.rows * n];
        for i in 0..a.rows {
            for j in 0..n {
                let mut s = match start {
                    Start::Accumulate => c[i * n + j],
                    Start::Overwrite => 0.0,
                };
                let mut size = s.abs();
                for p in 0..a.cols {
                    let term = a.values[i * a.row_stride + p * a.col_stride] * b[p * n + j];
                    s += term;
                    size += term.abs();
                }
                c[i * n + j] = s;
                sizes[i * n + j] = size;
            }
        }
        sizes
    }

    /// Random products of every edge: up to 14 × 299 by 299 × 74, A in rows
    /// or in columns, with gaps between its lines.
    fn random_products(mut check: impl FnMut(Strided, &[f64], usize, &[f64])) {
        let mut rng = ChaCha8Rng::seed_from_u64(17);
        for case in 0..400 {
            let (m, k, n) = (
                rng.random_range(0..15),
                rng.random_range(0..300),
                rng.random_range(0..75),
            );
            let gap = rng.random_range(0..3);
            let (row_stride, col_stride, len) = if case % 2 == 1 {
                (1, m + gap, k * (m + gap))
            } else {
                (k + gap, 1, m * (k + gap))
            };
            let values: Vec<f64> = (0..len).map(|_| rng.random_range(-1.0..1.0)).collect();
            let a = Strided {
                values: &values,
                rows: m,
                cols: k,
                row_stride,
                col_stride,
            };
            let b: Vec<f64> = (0..k * n).map(|_| rng.random_range(-1.0..1.0)).collect();
            let c: Vec<f64> = (0..m * n).map(|_| rng.random_range(-1.0..1.0)).collect();
            check(a, &b, n, &c);
        }
    }

    fn rows_of(values: &[f64], n: usize) -> RowMajor<&[f64]> {
        RowMajor {
            values,
            cols: n,
            stride: n,
        }
    }

    #[test]
    fn products_are_within_the_rounding_of_their_terms() {
        random_products(|a, b, n, c0| {
            for start in [Start::Accumulate, Start::Overwrite] {
                let (mut tiled, mut plain) = (c0.to_vec(), c0.to_vec());
                let into = RowMajor {
                    values: tiled.as_mut_slice(),
                    cols: n,
                    stride: n,
                };
                let how = (start, Fusion::WhereAvailable);
                product(a, rows_of(b, n), into, how, &mut Vec::new());
                let sizes = by_definition(a, b, n, &mut plain, start);
                // Each way rounds at most once per term and once per sum:
                // within (k+1)·2⁻⁵² of the terms' sizes of the exact sum.
                let bound = (a.cols as f64 + 1.0) * f64::EPSILON;
                for ((t, p), size) in tiled.iter().zip(&plain).zip(&sizes) {
                    assert!((t - p).abs() <= bound * size, "{t} vs {p}");
                }
            }
        });
    }

    #[test]
    fn unfused_tiles_add_as_the_plain_loops_bit_for_bit() {
        random_products(|a, b, n, c0| {
            for start in [Start::Accumulate, Start::Overwrite] {
                let (mut tiled, mut plain) = (c0.to_vec(), c0.to_vec());
                let tiles = Tiles {
                    a,
                    b,
                    b_stride: n,
                    b_origin: (0, 0),
                    c_stride: n,
                    start,
                    depth: (0, 0),
                };
                tiles.in_depth::<false>(&mut tiled, n, &mut Vec::new());
                by_definition(a, b, n, &mut plain, start);
                let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
                assert_eq!(bits(&tiled), bits(&plain));
            }
        });
    }

    #[test]
    fn rows_of_c_between_its_rows_are_left_alone() {
        // C's rows 5 apart, 3 wide: the two entries after each row stay.
        let values = [1.0, 2.0, 3.0, 4.0];
        let a = Strided {
            values: &values,
            rows: 2,
            cols: 2,
            row_stride: 2,
            col_stride: 1,
        };
        let b = [1.0, 0.0, 2.0, 0.0, 1.0, 3.0];
        let mut c = vec![9.0; 8];
        let right = RowMajor {
            values: &b[..],
            cols: 3,
            stride: 3,
        };
        let into = RowMajor {
            values: c.as_mut_slice(),
            cols: 3,
            stride: 5,
        };
        let how = (Start::Overwrite, Fusion::Never);
        product(a, right, into, how, &mut Vec::new());
        assert_eq!(c, [1.0, 2.0, 8.0, 9.0, 9.0, 3.0, 4.0, 18.0]);
    }
}
