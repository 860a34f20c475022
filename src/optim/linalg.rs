//! The little dense linear algebra the second-order methods need: vectors,
//! square matrices, and Cholesky factorisation.
//!
//! Invariant: every function works on row-major `Vec<Vec<f64>>` matrices of
//! matching size; sizes are checked by the callers, which build them.

/// A square matrix, row by row.
pub type Matrix = Vec<Vec<f64>>;

pub fn identity(n: usize) -> Matrix {
    (0..n)
        .map(|i| (0..n).map(|j| if i == j { 1.0 } else { 0.0 }).collect())
        .collect()
}

pub fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

pub fn mat_vec(m: &Matrix, v: &[f64]) -> Vec<f64> {
    m.iter().map(|row| dot(row, v)).collect()
}

/// The largest absolute entry (the ∞-norm of a vector).
pub fn max_abs(v: &[f64]) -> f64 {
    v.iter().fold(0.0, |m: f64, x| m.max(x.abs()))
}

/// The lower-triangular L with L·Lᵀ = m, or `None` when m is not
/// (numerically) positive definite.
pub fn cholesky(m: &Matrix) -> Option<Matrix> {
    let n = m.len();
    let mut l = vec![vec![0.0; n]; n];
    for i in 0..n {
        for j in 0..=i {
            let sum: f64 = (0..j).map(|k| l[i][k] * l[j][k]).sum();
            if i == j {
                let d = m[i][i] - sum;
                if d.is_nan() || d <= 0.0 || !d.is_finite() {
                    return None;
                }
                l[i][j] = d.sqrt();
            } else {
                l[i][j] = (m[i][j] - sum) / l[j][j];
            }
        }
    }
    Some(l)
}

/// Solves (L·Lᵀ)·x = b given the Cholesky factor L.
pub fn cholesky_solve(l: &Matrix, b: &[f64]) -> Vec<f64> {
    let n = b.len();
    let mut y = vec![0.0; n];
    for i in 0..n {
        y[i] = (b[i] - (0..i).map(|k| l[i][k] * y[k]).sum::<f64>()) / l[i][i];
    }
    let mut x = vec![0.0; n];
    for i in (0..n).rev() {
        x[i] = (y[i] - (i + 1..n).map(|k| l[k][i] * x[k]).sum::<f64>()) / l[i][i];
    }
    x
}

/// The inverse of a positive definite matrix, by Cholesky.
pub fn spd_inverse(m: &Matrix) -> Option<Matrix> {
    let l = cholesky(m)?;
    let n = m.len();
    let columns: Vec<Vec<f64>> = (0..n)
        .map(|j| {
            let e: Vec<f64> = (0..n).map(|i| if i == j { 1.0 } else { 0.0 }).collect();
            cholesky_solve(&l, &e)
        })
        .collect();
    Some(
        (0..n)
            .map(|i| (0..n).map(|j| columns[j][i]).collect())
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cholesky_solves() {
        let m = vec![vec![4.0, 2.0], vec![2.0, 3.0]];
        let l = cholesky(&m).unwrap();
        let x = cholesky_solve(&l, &[2.0, 1.0]);
        let back = mat_vec(&m, &x);
        assert!((back[0] - 2.0).abs() < 1e-12 && (back[1] - 1.0).abs() < 1e-12);
        assert!(cholesky(&vec![vec![1.0, 2.0], vec![2.0, 1.0]]).is_none());
        let inv = spd_inverse(&m).unwrap();
        assert!((inv[0][0] - 0.375).abs() < 1e-12 && (inv[0][1] + 0.25).abs() < 1e-12);
    }
}
