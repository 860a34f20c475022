//! The first-order update rules, exactly as torch.optim computes them
//! (the order of operations follows PyTorch's single-tensor code paths).
//!
//! Invariant: with the same hyperparameters and gradients, each step gives
//! PyTorch's parameters to rounding (tests compare six steps to 1e-10).

use super::{
    AdagradConfig, AdamConfig, OptimizerConfig, RmsPropConfig, SgdConfig, StateEntry, StateValue,
    StepReport,
};

/// The buffers of the first-order methods; each method uses its own.
#[derive(Clone, Debug)]
pub struct State {
    /// SGD's and RMSprop's momentum buffer; `None` before the first step.
    buffer: Option<Vec<f64>>,
    /// Adagrad's sum of squared gradients.
    sum: Vec<f64>,
    /// RMSprop's running average of squared gradients (v).
    square_avg: Vec<f64>,
    /// Centered RMSprop's running average of gradients (ḡ).
    grad_avg: Vec<f64>,
    /// Adam's first and second moments.
    m: Vec<f64>,
    v: Vec<f64>,
}

impl State {
    pub fn new(n: usize) -> State {
        State {
            buffer: None,
            sum: vec![0.0; n],
            square_avg: vec![0.0; n],
            grad_avg: vec![0.0; n],
            m: vec![0.0; n],
            v: vec![0.0; n],
        }
    }

    /// Step number `t` (from 1) on `x` with gradient `g`.
    pub fn step(
        &mut self,
        config: &OptimizerConfig,
        t: usize,
        x: &mut [f64],
        g: &[f64],
    ) -> StepReport {
        let before = x.to_vec();
        let state = match *config {
            OptimizerConfig::Sgd(c) => self.sgd(&c, x, g),
            OptimizerConfig::Adagrad(c) => self.adagrad(&c, t, x, g),
            OptimizerConfig::RmsProp(c) => self.rmsprop(&c, x, g),
            OptimizerConfig::Adam(c) => self.adam(&c, t, x, g),
            OptimizerConfig::Newton(_) | OptimizerConfig::Bfgs(_) => Vec::new(),
        };
        StepReport {
            update: x.iter().zip(&before).map(|(a, b)| a - b).collect(),
            state,
            note: None,
        }
    }

    /// g ← g + λθ; b ← g at t = 1, else μb + (1 − τ)g; g ← g + μb
    /// (Nesterov) or b; θ ← θ − lr·g.
    fn sgd(&mut self, c: &SgdConfig, x: &mut [f64], g: &[f64]) -> Vec<StateEntry> {
        let mut grad: Vec<f64> = g
            .iter()
            .zip(x.iter())
            .map(|(g, p)| {
                if c.weight_decay != 0.0 {
                    g + c.weight_decay * p
                } else {
                    *g
                }
            })
            .collect();
        if c.momentum != 0.0 {
            let buffer = match self.buffer.take() {
                None => grad.clone(),
                Some(b) => b
                    .iter()
                    .zip(&grad)
                    .map(|(b, g)| b * c.momentum + (1.0 - c.dampening) * g)
                    .collect(),
            };
            grad = if c.nesterov {
                grad.iter()
                    .zip(&buffer)
                    .map(|(g, b)| g + c.momentum * b)
                    .collect()
            } else {
                buffer.clone()
            };
            self.buffer = Some(buffer);
        }
        for (p, g) in x.iter_mut().zip(&grad) {
            *p += -c.lr * g;
        }
        match &self.buffer {
            Some(b) => vec![StateEntry::new(
                "velocity",
                "b",
                StateValue::PerVariable(b.clone()),
            )],
            None => Vec::new(),
        }
    }

    /// clr = lr/(1 + (t − 1)·η); s ← s + g²; θ ← θ − clr·g/(√s + eps).
    fn adagrad(
        &mut self,
        c: &AdagradConfig,
        t: usize,
        x: &mut [f64],
        g: &[f64],
    ) -> Vec<StateEntry> {
        let clr = c.lr / (1.0 + (t as f64 - 1.0) * c.lr_decay);
        for i in 0..x.len() {
            let grad = if c.weight_decay != 0.0 {
                g[i] + c.weight_decay * x[i]
            } else {
                g[i]
            };
            self.sum[i] += grad * grad;
            let std = self.sum[i].sqrt() + c.eps;
            x[i] += -clr * grad / std;
        }
        vec![
            StateEntry::new("sum", "s", StateValue::PerVariable(self.sum.clone())),
            StateEntry::new("lr_t", "lrₜ", StateValue::Scalar(clr)),
        ]
    }

    /// v ← αv + (1 − α)g²; centered: ḡ ← αḡ + (1 − α)g and v − ḡ² in the
    /// root; θ ← θ − lr·g/(√v + eps), or through a momentum buffer.
    fn rmsprop(&mut self, c: &RmsPropConfig, x: &mut [f64], g: &[f64]) -> Vec<StateEntry> {
        let n = x.len();
        let mut buffer = self.buffer.take().unwrap_or_else(|| vec![0.0; n]);
        for i in 0..n {
            let grad = if c.weight_decay != 0.0 {
                g[i] + c.weight_decay * x[i]
            } else {
                g[i]
            };
            self.square_avg[i] = self.square_avg[i] * c.alpha + (1.0 - c.alpha) * grad * grad;
            let avg = if c.centered {
                self.grad_avg[i] += (1.0 - c.alpha) * (grad - self.grad_avg[i]);
                (self.square_avg[i] - self.grad_avg[i] * self.grad_avg[i]).sqrt()
            } else {
                self.square_avg[i].sqrt()
            } + c.eps;
            if c.momentum > 0.0 {
                buffer[i] = buffer[i] * c.momentum + grad / avg;
                x[i] += -c.lr * buffer[i];
            } else {
                x[i] += -c.lr * grad / avg;
            }
        }
        let mut entries = vec![StateEntry::new(
            "square_avg",
            "v",
            StateValue::PerVariable(self.square_avg.clone()),
        )];
        if c.centered {
            entries.push(StateEntry::new(
                "grad_avg",
                "ḡ",
                StateValue::PerVariable(self.grad_avg.clone()),
            ));
        }
        if c.momentum > 0.0 {
            entries.push(StateEntry::new(
                "momentum_buffer",
                "b",
                StateValue::PerVariable(buffer.clone()),
            ));
            self.buffer = Some(buffer);
        }
        entries
    }

    /// (AdamW: θ ← θ − lr·λ·θ first.) m ← β₁m + (1 − β₁)g;
    /// v ← β₂v + (1 − β₂)g²; m̂ = m/(1 − β₁ᵗ); v̂ = v/(1 − β₂ᵗ);
    /// θ ← θ − lr·m̂/(√v̂ + eps).
    fn adam(&mut self, c: &AdamConfig, t: usize, x: &mut [f64], g: &[f64]) -> Vec<StateEntry> {
        let t = t as i32;
        let bias_correction1 = 1.0 - c.beta1.powi(t);
        let bias_correction2 = 1.0 - c.beta2.powi(t);
        let step_size = c.lr / bias_correction1;
        let bias_correction2_sqrt = bias_correction2.sqrt();
        let n = x.len();
        let (mut m_hat, mut v_hat) = (vec![0.0; n], vec![0.0; n]);
        for i in 0..n {
            let mut grad = g[i];
            if c.decoupled {
                x[i] *= 1.0 - c.lr * c.weight_decay;
            } else if c.weight_decay != 0.0 {
                grad += c.weight_decay * x[i];
            }
            self.m[i] += (1.0 - c.beta1) * (grad - self.m[i]);
            self.v[i] = self.v[i] * c.beta2 + (1.0 - c.beta2) * grad * grad;
            let denom = self.v[i].sqrt() / bias_correction2_sqrt + c.eps;
            x[i] += -step_size * self.m[i] / denom;
            m_hat[i] = self.m[i] / bias_correction1;
            v_hat[i] = self.v[i] / bias_correction2;
        }
        vec![
            StateEntry::new("m", "m", StateValue::PerVariable(self.m.clone())),
            StateEntry::new("v", "v", StateValue::PerVariable(self.v.clone())),
            StateEntry::new("m_hat", "m̂", StateValue::PerVariable(m_hat)),
            StateEntry::new("v_hat", "v̂", StateValue::PerVariable(v_hat)),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Adam's first two steps on f = x² from x = 1, by hand: g₁ = 2,
    /// m₁ = 0.2, v₁ = 0.004, m̂ = 2, v̂ = 4, Δ = −lr·2/(2 + eps).
    #[test]
    fn adam_by_hand() {
        let c = AdamConfig {
            lr: 0.1,
            beta1: 0.9,
            beta2: 0.999,
            eps: 1e-8,
            weight_decay: 0.0,
            decoupled: false,
        };
        let mut s = State::new(1);
        let mut x = [1.0];
        s.adam(&c, 1, &mut x, &[2.0]);
        let x1 = 1.0 - 0.1 * 2.0 / (2.0 + 1e-8);
        assert!((x[0] - x1).abs() < 1e-15);
        // Step 2: g = 2·x1.
        let g2 = 2.0 * x1;
        let m2 = 0.9 * 0.2 + 0.1 * g2;
        let v2 = 0.999 * 0.004 + 0.001 * g2 * g2;
        let (m_hat, v_hat) = (m2 / (1.0 - 0.81), v2 / (1.0 - 0.999f64.powi(2)));
        let x2 = x1 - 0.1 * m_hat / (v_hat.sqrt() + 1e-8);
        s.adam(&c, 2, &mut x, &[g2]);
        assert!((x[0] - x2).abs() < 1e-14, "{} vs {x2}", x[0]);
    }

    #[test]
    fn momentum_by_hand() {
        let c = SgdConfig {
            lr: 0.1,
            momentum: 0.9,
            dampening: 0.0,
            nesterov: false,
            weight_decay: 0.0,
        };
        let mut s = State::new(1);
        let mut x = [1.0];
        s.sgd(&c, &mut x, &[2.0]); // b = 2, x = 0.8
        s.sgd(&c, &mut x, &[1.6]); // b = 1.8 + 1.6 = 3.4, x = 0.8 − 0.34
        assert!((x[0] - 0.46).abs() < 1e-15);
    }
}
