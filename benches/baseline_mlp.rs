//! A straightforward hand-written multilayer perceptron — sigmoid layers,
//! per-neuron biases, loss ½·Σ(t − o)² — with its forward pass and
//! backpropagation written out as loops. It is the baseline the compiled
//! tape is measured against in benches/train.rs.

pub struct Mlp {
    pub layers: Vec<usize>,
    /// Per layer, W[out][in] row-major.
    pub weights: Vec<Vec<f64>>,
    pub biases: Vec<Vec<f64>>,
}

fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

impl Mlp {
    /// The batch loss, with the gradient added into `gw` and `gb`.
    pub fn gradient(
        &self,
        inputs: &[Vec<f64>],
        targets: &[Vec<f64>],
        gw: &mut [Vec<f64>],
        gb: &mut [Vec<f64>],
    ) -> f64 {
        let depth = self.layers.len() - 1;
        let mut activations: Vec<Vec<f64>> = self.layers.iter().map(|&n| vec![0.0; n]).collect();
        let mut deltas: Vec<Vec<f64>> = self.layers[1..].iter().map(|&n| vec![0.0; n]).collect();
        let mut loss = 0.0;
        for (x, t) in inputs.iter().zip(targets) {
            activations[0].copy_from_slice(x);
            for l in 0..depth {
                let (fan_in, fan_out) = (self.layers[l], self.layers[l + 1]);
                let (before, after) = activations.split_at_mut(l + 1);
                let (input, output) = (&before[l], &mut after[0]);
                let rows = self.weights[l].chunks(fan_in).zip(&self.biases[l]);
                for (o, (row, bias)) in output[..fan_out].iter_mut().zip(rows) {
                    let net: f64 = row
                        .iter()
                        .zip(input.iter())
                        .map(|(w, a)| w * a)
                        .sum::<f64>()
                        + bias;
                    *o = sigmoid(net);
                }
            }
            let out = &activations[depth];
            for k in 0..out.len() {
                let e = t[k] - out[k];
                loss += 0.5 * e * e;
                deltas[depth - 1][k] = -e * out[k] * (1.0 - out[k]);
            }
            for l in (0..depth).rev() {
                let (fan_in, fan_out) = (self.layers[l], self.layers[l + 1]);
                for j in 0..fan_out {
                    let d = deltas[l][j];
                    gb[l][j] += d;
                    let row = &mut gw[l][j * fan_in..(j + 1) * fan_in];
                    for (g, a) in row.iter_mut().zip(&activations[l]) {
                        *g += d * a;
                    }
                }
                if l > 0 {
                    for i in 0..fan_in {
                        let a = activations[l][i];
                        let back: f64 = (0..fan_out)
                            .map(|j| deltas[l][j] * self.weights[l][j * fan_in + i])
                            .sum();
                        deltas[l - 1][i] = back * a * (1.0 - a);
                    }
                }
            }
        }
        loss
    }

    /// The loss over the data set, forward passes only.
    pub fn loss(&self, inputs: &[Vec<f64>], targets: &[Vec<f64>]) -> f64 {
        let depth = self.layers.len() - 1;
        let mut activations: Vec<Vec<f64>> = self.layers.iter().map(|&n| vec![0.0; n]).collect();
        let mut loss = 0.0;
        for (x, t) in inputs.iter().zip(targets) {
            activations[0].copy_from_slice(x);
            for l in 0..depth {
                let fan_in = self.layers[l];
                let (before, after) = activations.split_at_mut(l + 1);
                let rows = self.weights[l].chunks(fan_in).zip(&self.biases[l]);
                for (o, (row, bias)) in after[0].iter_mut().zip(rows) {
                    let net: f64 = row.iter().zip(&before[l]).map(|(w, a)| w * a).sum::<f64>();
                    *o = sigmoid(net + bias);
                }
            }
            for (o, t) in activations[depth].iter().zip(t) {
                loss += 0.5 * (t - o) * (t - o);
            }
        }
        loss
    }

    /// One epoch of plain gradient descent in batches of `batch` samples,
    /// in order.
    pub fn epoch(
        &mut self,
        inputs: &[Vec<f64>],
        targets: &[Vec<f64>],
        batch: usize,
        lr: f64,
    ) -> f64 {
        let mut total = 0.0;
        let mut gw: Vec<Vec<f64>> = self.weights.iter().map(|w| vec![0.0; w.len()]).collect();
        let mut gb: Vec<Vec<f64>> = self.biases.iter().map(|b| vec![0.0; b.len()]).collect();
        for start in (0..inputs.len()).step_by(batch) {
            let end = (start + batch).min(inputs.len());
            gw.iter_mut().flatten().for_each(|g| *g = 0.0);
            gb.iter_mut().flatten().for_each(|g| *g = 0.0);
            total += self.gradient(&inputs[start..end], &targets[start..end], &mut gw, &mut gb);
            for (w, g) in self.weights.iter_mut().flatten().zip(gw.iter().flatten()) {
                *w -= lr * g;
            }
            for (b, g) in self.biases.iter_mut().flatten().zip(gb.iter().flatten()) {
                *b -= lr * g;
            }
        }
        total
    }
}
