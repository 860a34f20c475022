//! The layer tape: a network of dense layers trained as matrix operations,
//! built from the network's structure alone.
//!
//! Each layer holds the outputs of every sample of the batch in one
//! buffer, a row per neuron (one value per sample). The forward pass of a
//! layer is Z = W·X + b, A = f(Z), with f′(Z) kept for the way back; the
//! loss reads the last layer's A (and Z, for the log-sum-exp forms of the
//! cross-entropies). The backward pass starts from the output layer's
//! δ = ∂E/∂Z — out − target for softmax with cross-entropy and sigmoid
//! with binary cross-entropy, ∂E/∂out ⊙ f′ otherwise — and per layer
//! writes ∂W = δ·Xᵀ and ∂b = Σδ straight into the gradient, then passes
//! δ below = Wᵀ·δ ⊙ f′ down. W and b are read in place from the parameter
//! vector, which lists them as the network's formulas do: per neuron its
//! weights then its own bias, a shared bias after its layer's weights.
//!
//! Every formula is the one the network's graph holds, evaluated the
//! numerically stable way the evaluator evaluates it (1 − σ(z) as σ(−z),
//! 1 − tanh²(z) from e^(−2|z|), log-sum-exp shifted by its largest term);
//! the sigmoid and softmax run in vector lanes on the exponential of
//! `lanes`, within 2 units in the last place of the C library's.
//! The buffers of a `LayerWork` are reused from batch to batch: the tape
//! allocates nothing once the first batch of a size has run (the blocked
//! kernel of `matrixmultiply`, which ∂W uses, packs its operands into
//! scratch of its own for each large product).
//!
//! Invariant: the loss and the gradient are those of the network's formula
//! summed over the batch (tests compare them with the evaluator and the
//! scalar tape on random networks of every activation, loss and bias mode).

pub use super::matrix::Kernel;
use super::matrix::{add_product, transposed_product, weight_gradient, Placed};
use super::{lanes, sum};
use crate::expr::{gelu, log_sum_exp, sigmoid, softplus, LEAKY_RELU_SLOPE};
use crate::network::{Activation, BiasMode, Loss, Spec};

/// One dense layer: Z = W·X + b, A = f(Z).
#[derive(Clone, Debug)]
struct Dense {
    inputs: usize,
    outputs: usize,
    activation: Activation,
    bias: BiasMode,
    /// Where W[0][0] sits in the parameter vector.
    offset: usize,
}

impl Dense {
    /// The distance between two rows of W in the parameter vector: a
    /// neuron's own bias follows its weights.
    fn stride(&self) -> usize {
        self.inputs + usize::from(self.bias == BiasMode::PerNeuron)
    }

    fn parameters(&self) -> usize {
        match self.bias {
            BiasMode::PerNeuron => self.outputs * (self.inputs + 1),
            BiasMode::PerLayer => self.outputs * self.inputs + 1,
            BiasMode::None => self.outputs * self.inputs,
        }
    }

    /// Where neuron `k`'s bias sits, if it has one.
    fn bias_index(&self, k: usize) -> Option<usize> {
        match self.bias {
            BiasMode::PerNeuron => Some(self.offset + k * self.stride() + self.inputs),
            BiasMode::PerLayer => Some(self.offset + self.outputs * self.inputs),
            BiasMode::None => None,
        }
    }

    fn weights<'p>(&self, params: &'p [f64]) -> Placed<'p> {
        Placed {
            values: &params[self.offset..],
            rows: self.outputs,
            cols: self.inputs,
            stride: self.stride(),
        }
    }
}

/// One batch of samples, column by column: `inputs` holds a row of `size`
/// values per input neuron, `targets` a row per output neuron.
#[derive(Clone, Copy)]
pub struct Batch<'a> {
    pub inputs: &'a [f64],
    pub targets: &'a [f64],
    pub size: usize,
}

/// A network of dense layers compiled for batches.
#[derive(Clone, Debug)]
pub struct LayerTape {
    layers: Vec<Dense>,
    loss: Loss,
    parameters: usize,
    kernel: Kernel,
}

/// The reusable buffers of a layer tape: per layer its nets, outputs and
/// slopes f′(net), each a row per neuron of one value per sample.
#[derive(Clone, Debug, Default)]
pub struct LayerWork {
    batch: usize,
    nets: Vec<Vec<f64>>,
    outs: Vec<Vec<f64>>,
    slopes: Vec<Vec<f64>>,
    /// The output layer's log-sum-exp per sample (softmax).
    lse: Vec<f64>,
    /// One value per sample: the loss, then scratch for a shared bias.
    per_sample: Vec<f64>,
    delta: Vec<f64>,
    below: Vec<f64>,
    gradient: Vec<f64>,
    /// Scratch of the blocked products.
    band: Vec<f64>,
}

impl LayerWork {
    /// The gradient summed over the last batch `LayerTape::gradient` ran.
    pub fn gradient(&self) -> &[f64] {
        &self.gradient
    }

    /// Swaps the last batch's gradient into `into` (whose old buffer the
    /// next batch overwrites), so no values are copied.
    pub fn take_gradient(&mut self, into: &mut Vec<f64>) {
        std::mem::swap(&mut self.gradient, into);
    }
}

impl LayerTape {
    /// The tape of a network with these layer sizes (input first), one
    /// activation per layer after the input, its bias mode and loss.
    pub fn new(sizes: &[usize], activations: &[Activation], bias: BiasMode, loss: Loss) -> Self {
        let mut offset = 0;
        let layers: Vec<Dense> = sizes
            .windows(2)
            .zip(activations)
            .map(|(pair, &activation)| {
                let layer = Dense {
                    inputs: pair[0],
                    outputs: pair[1],
                    activation,
                    bias,
                    offset,
                };
                offset += layer.parameters();
                layer
            })
            .collect();
        LayerTape {
            layers,
            loss,
            parameters: offset,
            kernel: Kernel::Auto,
        }
    }

    /// The tape of a spec's network.
    pub fn for_spec(spec: &Spec) -> Self {
        Self::new(&spec.layers, &spec.activations, spec.bias, spec.loss)
    }

    /// The same tape multiplying its matrices with `kernel`.
    pub fn with_kernel(mut self, kernel: Kernel) -> Self {
        self.kernel = kernel;
        self
    }

    /// Parameters it reads (weights and biases, in the formula's order).
    pub fn parameters(&self) -> usize {
        self.parameters
    }

    /// Dense layers after the input.
    pub fn depth(&self) -> usize {
        self.layers.len()
    }

    pub fn inputs(&self) -> usize {
        self.layers.first().map_or(0, |l| l.inputs)
    }

    pub fn outputs(&self) -> usize {
        self.layers.last().map_or(0, |l| l.outputs)
    }

    /// The loss summed over a batch. The outputs can then be read with
    /// `output`.
    pub fn loss(&self, work: &mut LayerWork, params: &[f64], batch: Batch) -> f64 {
        self.forward_loss(work, params, batch, false)
    }

    /// The forward pass over a batch and its summed loss (0 for an empty
    /// batch), keeping each layer's slopes when the backward pass follows.
    fn forward_loss(
        &self,
        work: &mut LayerWork,
        params: &[f64],
        batch: Batch,
        keep_slopes: bool,
    ) -> f64 {
        self.prepare(work, batch.size, keep_slopes);
        if batch.size == 0 {
            return 0.0;
        }
        for l in 0..self.layers.len() {
            self.forward_layer(l, work, params, batch.inputs, keep_slopes);
        }
        self.sample_losses(work, batch.targets);
        sum(&work.per_sample)
    }

    /// The loss summed over a batch, as `loss`, and its gradient summed
    /// over the batch into `work.gradient()`.
    pub fn gradient(&self, work: &mut LayerWork, params: &[f64], batch: Batch) -> f64 {
        let loss = self.forward_loss(work, params, batch, true);
        if batch.size == 0 {
            return 0.0;
        }
        self.output_delta(work, batch.targets);
        for l in (0..self.layers.len()).rev() {
            self.backward_layer(l, work, params, batch.inputs);
        }
        loss
    }

    /// The loss summed over a batch, as `loss` computes it, and a bound on
    /// the size of every entry of its gradient, found from the δs without
    /// forming ∂W = δ·Xᵀ: an entry of ∂W is at most its row's Σ|δ| times
    /// the largest |x| the layer reads, a bias's at most its Σ|δ| (the
    /// whole layer's, for a shared bias). `None` when a δ or an input of a
    /// layer is not finite: the gradient then is not either.
    pub fn gradient_bound(
        &self,
        work: &mut LayerWork,
        params: &[f64],
        batch: Batch,
    ) -> (f64, Option<f64>) {
        let loss = self.forward_loss(work, params, batch, true);
        if batch.size == 0 {
            return (loss, Some(0.0));
        }
        self.output_delta(work, batch.targets);
        let mut bound = 0.0f64;
        for l in (0..self.layers.len()).rev() {
            let layer = &self.layers[l];
            let x: &[f64] = match l {
                0 => &batch.inputs[..layer.inputs * batch.size],
                _ => &work.outs[l - 1],
            };
            let delta = &work.delta[..layer.outputs * batch.size];
            let Some(largest_input) = largest_magnitude(x) else {
                return (loss, None);
            };
            let Some((widest_row, all_rows)) = row_sums_of_magnitudes(delta, batch.size) else {
                return (loss, None);
            };
            bound = bound.max(widest_row * largest_input).max(all_rows);
            if l > 0 {
                self.pass_delta_down(l, work, params);
            }
        }
        (loss, Some(bound))
    }

    /// Output neuron `k`'s value for each sample of the last batch run.
    pub fn output<'w>(&self, work: &'w LayerWork, k: usize) -> &'w [f64] {
        let last = &work.outs[self.layers.len() - 1];
        &last[k * work.batch..(k + 1) * work.batch]
    }

    /// Sizes the buffers a pass over `batch` samples uses (allocating only
    /// when the batch grows past what they have held): the nets and
    /// outputs always; with `backward`, also the slopes, the δs and the
    /// gradient, which a forward pass alone leaves as they are.
    fn prepare(&self, work: &mut LayerWork, batch: usize, backward: bool) {
        work.batch = batch;
        self.size_per_layer(&mut work.nets, batch);
        self.size_per_layer(&mut work.outs, batch);
        work.lse.resize(batch, 0.0);
        work.per_sample.resize(batch, 0.0);
        if backward {
            self.size_per_layer(&mut work.slopes, batch);
            // A δ is a layer's outputs' (the input layer's is never formed).
            let widest = self.layers.iter().map(|l| l.outputs).max();
            let widest = widest.unwrap_or(0) * batch;
            work.delta.resize(widest, 0.0);
            work.below.resize(widest, 0.0);
            work.gradient.resize(self.parameters, 0.0);
        } else {
            work.slopes.resize_with(self.layers.len(), Vec::new);
        }
    }

    /// One buffer per layer, each of the layer's outputs for `batch`
    /// samples.
    fn size_per_layer(&self, buffers: &mut Vec<Vec<f64>>, batch: usize) {
        buffers.resize_with(self.layers.len(), Vec::new);
        for (buffer, layer) in buffers.iter_mut().zip(&self.layers) {
            buffer.resize(layer.outputs * batch, 0.0);
        }
    }

    /// Layer `l`'s nets, outputs and (with `slopes`) f′ of its nets.
    fn forward_layer(
        &self,
        l: usize,
        work: &mut LayerWork,
        params: &[f64],
        inputs: &[f64],
        slopes: bool,
    ) {
        let layer = &self.layers[l];
        let batch = work.batch;
        let (before, after) = work.outs.split_at_mut(l);
        let x: &[f64] = match before.last() {
            Some(previous) => previous,
            None => &inputs[..layer.inputs * batch],
        };
        let z = &mut work.nets[l];
        for (k, row) in z.chunks_exact_mut(batch).enumerate() {
            row.fill(layer.bias_index(k).map_or(0.0, |i| params[i]));
        }
        add_product(
            self.kernel,
            z,
            layer.weights(params),
            x,
            batch,
            &mut work.band,
        );
        let (a, s) = (&mut after[0], &mut work.slopes[l]);
        match layer.activation {
            Activation::Softmax => lanes::softmax(z, a, &mut work.lse, &mut work.per_sample),
            f if slopes => activate_with_slopes(f, z, a, s),
            f => activate(f, z, a),
        }
    }

    /// Each sample's loss, summed over the outputs in their order.
    fn sample_losses(&self, work: &mut LayerWork, targets: &[f64]) {
        let depth = self.layers.len();
        let (batch, count) = (work.batch, self.outputs() as f64);
        let (z, o) = (&work.nets[depth - 1], &work.outs[depth - 1]);
        let per_sample = &mut work.per_sample;
        let rows = z.chunks_exact(batch).zip(o.chunks_exact(batch));
        for (k, ((z, o), t)) in rows.zip(targets.chunks_exact(batch)).enumerate() {
            for b in 0..batch {
                let term = loss_term(self.loss, t[b], o[b], z[b], work.lse[b], count);
                per_sample[b] = if k == 0 { term } else { per_sample[b] + term };
            }
        }
    }

    /// δ = ∂E/∂net of the output layer, into `work.delta`.
    fn output_delta(&self, work: &mut LayerWork, targets: &[f64]) {
        let depth = self.layers.len();
        let layer = &self.layers[depth - 1];
        let (batch, count) = (work.batch, layer.outputs as f64);
        let n = layer.outputs * batch;
        let (o, s) = (&work.outs[depth - 1][..n], &work.slopes[depth - 1][..n]);
        let (delta, t) = (&mut work.delta[..n], &targets[..n]);
        match (self.loss, layer.activation) {
            (Loss::CrossEntropy, _) => {
                for ((d, o), t) in delta.iter_mut().zip(o).zip(t) {
                    *d = o - t;
                }
            }
            (Loss::Bce, _) => {
                for ((d, o), t) in delta.iter_mut().zip(o).zip(t) {
                    *d = if count > 1.0 { (o - t) / count } else { o - t };
                }
            }
            (loss, activation) => {
                for ((d, o), t) in delta.iter_mut().zip(o).zip(t) {
                    *d = output_slope(loss, *t, *o, count);
                }
                if activation == Activation::Softmax {
                    softmax_backward(delta, o, &mut work.per_sample, batch);
                } else {
                    delta.iter_mut().zip(s).for_each(|(d, s)| *d *= s);
                }
            }
        }
    }

    /// Layer `l`'s ∂W and ∂b from its δ (in `work.delta`), and the δ of
    /// the layer below it in its place.
    fn backward_layer(&self, l: usize, work: &mut LayerWork, params: &[f64], inputs: &[f64]) {
        let layer = &self.layers[l];
        let batch = work.batch;
        let x: &[f64] = match l {
            0 => &inputs[..layer.inputs * batch],
            _ => &work.outs[l - 1],
        };
        let delta = &work.delta[..layer.outputs * batch];
        let gradient = &mut work.gradient[layer.offset..];
        let shape = (layer.outputs, layer.inputs, layer.stride());
        weight_gradient(self.kernel, gradient, shape, delta, x, batch);
        match layer.bias {
            BiasMode::PerNeuron => {
                for (k, d) in delta.chunks_exact(batch).enumerate() {
                    gradient[k * layer.stride() + layer.inputs] = sum(d);
                }
            }
            BiasMode::PerLayer => {
                // Per sample Σ over the neurons, then over the batch, as
                // the formula's sum of the layer's δs is evaluated.
                let across = &mut work.per_sample;
                for (k, d) in delta.chunks_exact(batch).enumerate() {
                    for (a, d) in across.iter_mut().zip(d) {
                        *a = if k == 0 { *d } else { *a + d };
                    }
                }
                gradient[layer.outputs * layer.inputs] = sum(across);
            }
            BiasMode::None => {}
        }
        if l > 0 {
            self.pass_delta_down(l, work, params);
        }
    }

    /// The δ of the layer below layer `l` (`l` > 0), Wᵀ·δ ⊙ f′, in the
    /// place of layer `l`'s.
    fn pass_delta_down(&self, l: usize, work: &mut LayerWork, params: &[f64]) {
        let layer = &self.layers[l];
        let batch = work.batch;
        let delta = &work.delta[..layer.outputs * batch];
        let below = &mut work.below[..layer.inputs * batch];
        let w = layer.weights(params);
        transposed_product(self.kernel, below, w, delta, batch, &mut work.band);
        let slopes = &work.slopes[l - 1];
        below.iter_mut().zip(slopes).for_each(|(g, s)| *g *= s);
        std::mem::swap(&mut work.delta, &mut work.below);
    }
}

/// The largest |v| of `values`; `None` when one is not finite.
fn largest_magnitude(values: &[f64]) -> Option<f64> {
    let largest = values.iter().fold(0.0f64, |m, v| m.max(v.abs()));
    values.iter().all(|v| v.is_finite()).then_some(largest)
}

/// Of the rows of `batch` values each in `delta`: the largest Σ|δ| of a
/// row, and Σ|δ| of them all; `None` when a δ is not finite.
fn row_sums_of_magnitudes(delta: &[f64], batch: usize) -> Option<(f64, f64)> {
    let mut sums = (0.0f64, 0.0);
    for row in delta.chunks_exact(batch) {
        let row_sum: f64 = row.iter().map(|d| d.abs()).sum();
        sums = (sums.0.max(row_sum), sums.1 + row_sum);
    }
    delta.iter().all(|d| d.is_finite()).then_some(sums)
}

/// One output's term of a sample's loss, as the network's formula writes
/// it (`count` outputs; `lse` the layer's log-sum-exp, for cross-entropy).
fn loss_term(loss: Loss, t: f64, o: f64, z: f64, lse: f64, count: f64) -> f64 {
    match loss {
        Loss::HalfSse => {
            let d = t - o;
            0.5 * (d * d)
        }
        Loss::Mse => {
            let d = t - o;
            (d * d) / count
        }
        Loss::Bce => {
            let softplus_minus = log_sum_exp([0.0, -z].into_iter());
            let softplus = log_sum_exp([0.0, z].into_iter());
            (t * softplus_minus + (1.0 - t) * softplus) / count
        }
        Loss::CrossEntropy => t * (lse - z),
    }
}

/// ∂E/∂out of one output under the chain rule (½·SSE or MSE).
fn output_slope(loss: Loss, t: f64, o: f64, count: f64) -> f64 {
    match loss {
        Loss::Mse => (-2.0 / count) * (t - o),
        _ => -(t - o),
    }
}

/// A = f(Z) element by element.
fn activate(f: Activation, z: &[f64], a: &mut [f64]) {
    let pairs = a.iter_mut().zip(z);
    match f {
        Activation::Sigmoid => lanes::sigmoid(z, a),
        Activation::Tanh => pairs.for_each(|(a, &z)| *a = z.tanh()),
        Activation::Relu => pairs.for_each(|(a, &z)| *a = z.max(0.0)),
        Activation::Softplus
        | Activation::Silu
        | Activation::LeakyRelu
        | Activation::Elu
        | Activation::Gelu => {
            pairs.for_each(|(a, &z)| *a = modern_value(f, z));
        }
        Activation::Identity | Activation::Softmax => pairs.for_each(|(a, &z)| *a = z),
    }
}

/// f(z) of the activations of modern networks, in the evaluator's stable
/// forms.
fn modern_value(f: Activation, z: f64) -> f64 {
    match f {
        Activation::Softplus => softplus(z),
        Activation::Silu => z * sigmoid(z),
        Activation::LeakyRelu => {
            if z > 0.0 {
                z
            } else {
                LEAKY_RELU_SLOPE * z
            }
        }
        Activation::Elu => {
            if z > 0.0 {
                z
            } else {
                z.exp_m1()
            }
        }
        Activation::Gelu => gelu(z),
        _ => z,
    }
}

/// f′(z) of the activations of modern networks, as the operator table
/// writes them: σ(z) for softplus, σ(z)·(1 + z·σ(−z)) for silu, 1 or the
/// slope for leaky_relu, e^min(z, 0) for elu, ½·erfc(−z/√2) + z·φ(z) for
/// gelu.
fn modern_slope(f: Activation, z: f64) -> f64 {
    match f {
        Activation::Softplus => sigmoid(z),
        Activation::Silu => sigmoid(z) * (1.0 + z * sigmoid(-z)),
        Activation::LeakyRelu => {
            if z > 0.0 {
                1.0
            } else {
                LEAKY_RELU_SLOPE
            }
        }
        Activation::Elu => z.min(0.0).exp(),
        Activation::Gelu => {
            let density = (-0.5 * z * z).exp() / (2.0 * std::f64::consts::PI).sqrt();
            0.5 * libm::erfc(-z * std::f64::consts::FRAC_1_SQRT_2) + z * density
        }
        _ => 1.0,
    }
}

/// A = f(Z) and S = f′(Z) element by element, f′ in the stable forms the
/// evaluator uses: σ(z)·σ(−z), 4e/(1 + e)² with e = e^(−2|z|), step(z).
fn activate_with_slopes(f: Activation, z: &[f64], a: &mut [f64], s: &mut [f64]) {
    let triples = a.iter_mut().zip(s.iter_mut()).zip(z);
    match f {
        Activation::Sigmoid => lanes::sigmoid_with_slopes(z, a, s),
        Activation::Tanh => triples.for_each(|((a, s), &z)| {
            *a = z.tanh();
            let e = (-2.0 * z.abs()).exp();
            *s = 4.0 * e / ((1.0 + e) * (1.0 + e));
        }),
        Activation::Relu => triples.for_each(|((a, s), &z)| {
            *a = z.max(0.0);
            *s = if z > 0.0 { 1.0 } else { 0.0 };
        }),
        Activation::Softplus
        | Activation::Silu
        | Activation::LeakyRelu
        | Activation::Elu
        | Activation::Gelu => {
            activate(f, z, a);
            s.iter_mut()
                .zip(z)
                .for_each(|(s, &z)| *s = modern_slope(f, z));
        }
        Activation::Identity | Activation::Softmax => triples.for_each(|((a, s), &z)| {
            *a = z;
            *s = 1.0;
        }),
    }
}

/// δ = ∂E/∂net through softmax from g = ∂E/∂out (in `delta`, replaced):
/// δₖ = oₖ·(gₖ − Σⱼ oⱼ·gⱼ), per sample; `scratch` holds the sums.
fn softmax_backward(delta: &mut [f64], o: &[f64], scratch: &mut [f64], batch: usize) {
    scratch[..batch].fill(0.0);
    for (g, o) in delta.chunks_exact(batch).zip(o.chunks_exact(batch)) {
        for ((s, g), o) in scratch.iter_mut().zip(g).zip(o) {
            *s += o * g;
        }
    }
    for (g, o) in delta.chunks_exact_mut(batch).zip(o.chunks_exact(batch)) {
        for ((g, o), s) in g.iter_mut().zip(o).zip(scratch.iter()) {
            *g = o * (*g - s);
        }
    }
}
