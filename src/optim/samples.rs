//! A network's loss over its samples as one [`Objective`] of the
//! parameters the optimizer moves — the one objective of `net` and `train`.
//!
//! What computes the per-sample sums is an engine behind [`SampleSums`]:
//! `net` evaluates the network's formulas sample by sample with the graph
//! evaluator (it shows every value), `train` runs the compiled tape over
//! columns of samples. Both hand over plain sums over the samples — the
//! loss, its gradient over every parameter, the Hessian's entries over the
//! trainable ones row by row — and [`SampleObjective`] does the rest in one
//! place: the mean over the samples for the losses that average, and the
//! restriction to the trainable parameters.
//!
//! Invariant: for the same engine values, value, gradient and Hessian are
//! the same numbers whichever engine computed them (one scaling, one
//! Hessian layout).

use super::{Matrix, Objective};
use crate::i18n::Text;

/// Sums over the samples of a loss, as an engine computes them at the
/// parameters `params` (all of them, in the formula's order).
pub trait SampleSums {
    /// The number of samples summed over.
    fn samples(&self) -> usize;
    /// Whether the loss is the mean over the samples (else their sum).
    fn averages(&self) -> bool;
    /// Σ of the loss and Σ of its gradient over every parameter.
    fn loss_and_gradient(&mut self, params: &[f64]) -> Result<(f64, Vec<f64>), String>;
    /// Σ of the Hessian's entries over the trainable parameters, row by
    /// row (n × n for n trainable parameters).
    fn hessian(&mut self, params: &[f64]) -> Result<Vec<f64>, String>;
}

/// The loss over the samples as an objective of the trainable parameters:
/// the others keep their values in `params`.
pub struct SampleObjective<'a, S> {
    pub sums: S,
    params: Vec<f64>,
    trainable: &'a [usize],
}

impl<'a, S: SampleSums> SampleObjective<'a, S> {
    pub fn new(sums: S, params: Vec<f64>, trainable: &'a [usize]) -> Self {
        SampleObjective {
            sums,
            params,
            trainable,
        }
    }

    /// The trainable parameters' values, in the optimizer's order.
    pub fn trainable_values(&self) -> Vec<f64> {
        self.trainable.iter().map(|&i| self.params[i]).collect()
    }

    /// Every parameter, with the trainable ones at `x`.
    pub fn full(&self, x: &[f64]) -> Vec<f64> {
        let mut params = self.params.clone();
        for (&i, &v) in self.trainable.iter().zip(x) {
            params[i] = v;
        }
        params
    }

    /// Makes `x` the trainable parameters' values from now on.
    pub fn set(&mut self, x: &[f64]) {
        for (&i, &v) in self.trainable.iter().zip(x) {
            self.params[i] = v;
        }
    }

    /// A sum over the samples as the loss counts it: their mean, or the
    /// sum itself.
    pub fn per_batch(&self, sum: f64) -> f64 {
        if self.sums.averages() {
            sum / self.sums.samples() as f64
        } else {
            sum
        }
    }

    /// The loss and its gradient over every parameter, at every parameter's
    /// value `params`.
    pub fn loss_and_full_gradient(&mut self, params: &[f64]) -> Result<(f64, Vec<f64>), String> {
        let (loss, gradient) = self.sums.loss_and_gradient(params)?;
        Ok((
            self.per_batch(loss),
            gradient.iter().map(|&g| self.per_batch(g)).collect(),
        ))
    }
}

impl<S: SampleSums> Objective for SampleObjective<'_, S> {
    fn dimension(&self) -> usize {
        self.trainable.len()
    }

    fn value_and_gradient(&mut self, x: &[f64]) -> Result<(f64, Vec<f64>), Text> {
        let (loss, gradient) = self
            .loss_and_full_gradient(&self.full(x))
            .map_err(Text::Verbatim)?;
        Ok((loss, self.trainable.iter().map(|&i| gradient[i]).collect()))
    }

    fn hessian(&mut self, x: &[f64]) -> Result<Matrix, Text> {
        let n = self.trainable.len();
        let sums = self.sums.hessian(&self.full(x)).map_err(Text::Verbatim)?;
        if sums.len() != n * n {
            return Err(Text::Verbatim(format!(
                "the Hessian has {} entries, not {n}×{n}", // not prose: an invariant
                sums.len()
            )));
        }
        Ok(sums
            .chunks(n.max(1))
            .map(|row| row.iter().map(|&v| self.per_batch(v)).collect())
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two samples of the loss ½(p₀ − a)² + p₁·p₀, a = 1 and 3, summed.
    struct Quadratic {
        mean: bool,
    }

    impl SampleSums for Quadratic {
        fn samples(&self) -> usize {
            2
        }
        fn averages(&self) -> bool {
            self.mean
        }
        fn loss_and_gradient(&mut self, p: &[f64]) -> Result<(f64, Vec<f64>), String> {
            let loss: f64 = [1.0, 3.0]
                .iter()
                .map(|a| 0.5 * (p[0] - a).powi(2) + p[1] * p[0])
                .sum();
            Ok((loss, vec![2.0 * p[0] - 4.0 + 2.0 * p[1], 2.0 * p[0]]))
        }
        fn hessian(&mut self, _: &[f64]) -> Result<Vec<f64>, String> {
            // Over the one trainable parameter, p₀.
            Ok(vec![2.0])
        }
    }

    #[test]
    fn the_objective_moves_the_trainable_parameters_only() {
        let trainable = [0];
        for (mean, scale) in [(false, 1.0), (true, 0.5)] {
            let mut o = SampleObjective::new(Quadratic { mean }, vec![0.0, 1.0], &trainable);
            assert_eq!(o.dimension(), 1);
            // At p₀ = 2, p₁ = 1 (kept): loss ½ + ½ + 2 + 2 = 5, ∂/∂p₀ = 2.
            let (f, g) = o.value_and_gradient(&[2.0]).unwrap();
            assert_eq!((f, g), (5.0 * scale, vec![2.0 * scale]));
            assert_eq!(o.hessian(&[2.0]).unwrap(), vec![vec![2.0 * scale]]);
            assert_eq!(o.full(&[2.0]), vec![2.0, 1.0]);
        }
    }
}
