//! A hand-written multilayer perceptron over a whole batch at once, its
//! matrix products register-tiled (4 rows × 8 samples of the output held
//! in registers while the inner dimension runs): sigmoid hidden layers,
//! per-neuron biases, and either a sigmoid output with ½·Σ(t − o)² or a
//! softmax output with cross-entropy. It is the fast baseline the layer
//! tape is measured against in benches/train.rs.

pub struct TiledMlp {
    pub layers: Vec<usize>,
    /// Per layer, W[out][in] row-major.
    pub weights: Vec<Vec<f64>>,
    pub biases: Vec<Vec<f64>>,
    pub softmax_cross_entropy: bool,
    outs: Vec<Vec<f64>>,
    deltas: Vec<Vec<f64>>,
    transposed: Vec<f64>,
}

fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

/// C (m×n) += A (m×k) · B (k×n), all row-major and contiguous.
fn tiled(m: usize, k: usize, n: usize, a: &[f64], b: &[f64], c: &mut [f64]) {
    const R: usize = 4;
    const S: usize = 8;
    let (m4, n8) = (m - m % R, n - n % S);
    for i in (0..m4).step_by(R) {
        for j in (0..n8).step_by(S) {
            let mut acc = [[0.0f64; S]; R];
            for p in 0..k {
                let row = &b[p * n + j..p * n + j + S];
                for r in 0..R {
                    let x = a[(i + r) * k + p];
                    for s in 0..S {
                        acc[r][s] += x * row[s];
                    }
                }
            }
            for r in 0..R {
                for s in 0..S {
                    c[(i + r) * n + j + s] += acc[r][s];
                }
            }
        }
    }
    // The edges: plain loops.
    for i in 0..m {
        let columns = if i < m4 { n8..n } else { 0..n };
        for j in columns {
            let mut acc = 0.0;
            for p in 0..k {
                acc += a[i * k + p] * b[p * n + j];
            }
            c[i * n + j] += acc;
        }
    }
}

fn transpose(rows: usize, cols: usize, a: &[f64], into: &mut Vec<f64>) {
    into.clear();
    into.resize(rows * cols, 0.0);
    for r in 0..rows {
        for c in 0..cols {
            into[c * rows + r] = a[r * cols + c];
        }
    }
}

impl TiledMlp {
    pub fn new(
        layers: Vec<usize>,
        weights: Vec<Vec<f64>>,
        biases: Vec<Vec<f64>>,
        softmax_cross_entropy: bool,
    ) -> Self {
        TiledMlp {
            layers,
            weights,
            biases,
            softmax_cross_entropy,
            outs: Vec::new(),
            deltas: Vec::new(),
            transposed: Vec::new(),
        }
    }

    /// The batch loss, with the gradient written into `gw` and `gb`:
    /// `x` holds a row of `batch` values per input, `t` a row per output.
    pub fn gradient(
        &mut self,
        x: &[f64],
        t: &[f64],
        batch: usize,
        gw: &mut [Vec<f64>],
        gb: &mut [Vec<f64>],
    ) -> f64 {
        let depth = self.layers.len() - 1;
        self.outs.resize(depth + 1, Vec::new());
        self.deltas.resize(depth, Vec::new());
        self.outs[0].clear();
        self.outs[0].extend_from_slice(x);
        for l in 0..depth {
            let (n_in, n_out) = (self.layers[l], self.layers[l + 1]);
            let (before, after) = self.outs.split_at_mut(l + 1);
            let z = &mut after[0];
            z.clear();
            for &b in &self.biases[l] {
                z.extend(std::iter::repeat_n(b, batch));
            }
            tiled(n_out, n_in, batch, &self.weights[l], &before[l], z);
            if l + 1 < depth || !self.softmax_cross_entropy {
                z.iter_mut().for_each(|v| *v = sigmoid(*v));
            }
        }
        let n_out = self.layers[depth];
        let out = &mut self.outs[depth];
        let delta = &mut self.deltas[depth - 1];
        delta.clear();
        delta.resize(n_out * batch, 0.0);
        let mut loss = 0.0;
        if self.softmax_cross_entropy {
            for b in 0..batch {
                let m = (0..n_out)
                    .map(|k| out[k * batch + b])
                    .fold(f64::MIN, f64::max);
                let s: f64 = (0..n_out).map(|k| (out[k * batch + b] - m).exp()).sum();
                let lse = m + s.ln();
                for k in 0..n_out {
                    let i = k * batch + b;
                    loss += t[i] * (lse - out[i]);
                    out[i] = (out[i] - lse).exp();
                    delta[i] = out[i] - t[i];
                }
            }
        } else {
            for i in 0..n_out * batch {
                let (o, e) = (out[i], t[i] - out[i]);
                loss += 0.5 * e * e;
                delta[i] = -e * o * (1.0 - o);
            }
        }
        for l in (0..depth).rev() {
            let (n_in, n_out) = (self.layers[l], self.layers[l + 1]);
            let d = &self.deltas[l];
            for (k, g) in gb[l].iter_mut().enumerate() {
                *g = d[k * batch..(k + 1) * batch].iter().sum();
            }
            transpose(n_in, batch, &self.outs[l], &mut self.transposed);
            gw[l].iter_mut().for_each(|g| *g = 0.0);
            tiled(n_out, batch, n_in, d, &self.transposed, &mut gw[l]);
            if l > 0 {
                let mut wt = Vec::new();
                transpose(n_out, n_in, &self.weights[l], &mut wt);
                let mut below = vec![0.0; n_in * batch];
                tiled(n_in, n_out, batch, &wt, d, &mut below);
                for (g, a) in below.iter_mut().zip(&self.outs[l]) {
                    *g *= a * (1.0 - a);
                }
                self.deltas[l - 1] = below;
            }
        }
        loss
    }
}
