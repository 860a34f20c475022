//! The named quantities of one step of a network, as a student works
//! them by hand: forward values, the loss, chain-rule factors, δs,
//! gradients, the loss of the batch and the updated parameters, each with
//! its formula over the quantities before it.
//!
//! A quantity is evaluated in a *world*: one value per quantity, in the
//! order of the list, where each value is either the student's (when the
//! sheet gives it) or computed from the values before it. The reference
//! world gives no value and is stepgrad's own computation; the student's
//! world carries the student's values forward, which is how an error
//! carried from an earlier wrong value is told from a new mistake.
//!
//! Invariant: every quantity's inputs come before it in the list, and its
//! formula reads the world only at its inputs (and its own neuron's net
//! for variants that use it in place of out).

use crate::expr::{evaluate, Func, Graph, Point};
use crate::network::spec::{Activation, Loss, Spec};
use crate::network::{NetworkFormula, ParamKind};
use rustc_hash::FxHashMap;

/// What a quantity is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    /// net_X of neuron X.
    Net(usize),
    /// out_X.
    Out(usize),
    /// E_oK, the loss term of output k.
    Term(usize),
    /// E_total, the loss of the sample.
    Total,
    /// ∂E_total/∂out_X.
    DOut(usize),
    /// ∂out_X/∂net_X of an element-wise activation.
    DAct(usize),
    /// δ_X = ∂E_total/∂net_X.
    Delta(usize),
    /// ∂E_total/∂net_X as a chain-rule factor (softmax or sigmoid with
    /// cross-entropy), equal to δ_X.
    DNetLoss(usize),
    /// ∂net_X/∂param, the last factor of a parameter's chain.
    DNet { neuron: usize, param: usize },
    /// ∂E_total/∂param for the sample.
    Grad(usize),
    /// The loss of the batch.
    Loss,
    /// The parameter after the update.
    New(usize),
}

impl Kind {
    /// Whether the quantity belongs to the batch rather than to the sample.
    pub(super) fn of_batch(self) -> bool {
        matches!(self, Kind::Loss | Kind::New(_))
    }
}

#[derive(Clone, Debug)]
pub(super) struct Quantity {
    pub name: String,
    pub kind: Kind,
    pub inputs: Vec<usize>,
}

/// The quantities of a network for one sample, and what their formulas
/// need: the spec's parameters, inputs and targets, and the learning rate
/// of a plain gradient-descent step (`None` for other optimizers).
pub(super) struct Quantities<'a> {
    pub spec: &'a Spec,
    pub formula: &'a NetworkFormula,
    pub list: Vec<Quantity>,
    pub index: FxHashMap<String, usize>,
    pub lr: Option<f64>,
    pub trainable: Vec<bool>,
}

/// The reference values of every sample (forward and backward) and which
/// sample the sheet is about.
pub(super) struct Batch {
    pub per_sample: Vec<Vec<f64>>,
    pub sample: usize,
}

impl<'a> Quantities<'a> {
    pub(super) fn new(
        spec: &'a Spec,
        formula: &'a NetworkFormula,
        lr: Option<f64>,
        trainable: Vec<bool>,
    ) -> Quantities<'a> {
        let mut qs = Quantities {
            spec,
            formula,
            list: Vec::new(),
            index: FxHashMap::default(),
            lr,
            trainable,
        };
        qs.add_forward();
        qs.add_backward();
        qs.add_batch();
        qs
    }

    fn push(&mut self, name: String, kind: Kind, inputs: Vec<usize>) -> usize {
        let at = self.list.len();
        self.index.insert(name.clone(), at);
        self.list.push(Quantity { name, kind, inputs });
        at
    }

    fn at(&self, name: &str) -> usize {
        // invariant: every name looked up was pushed before it (the order
        // of `add_forward`, `add_backward` and `add_batch`).
        self.index[name]
    }

    fn neuron_name(&self, n: usize) -> &str {
        &self.formula.neurons[n].name
    }

    /// The neuron feeding weight `from` of `layer`, `None` for an input.
    pub(super) fn source_neuron(&self, layer: usize, from: usize) -> Option<usize> {
        (layer > 0).then(|| self.formula.layers[layer - 1][from])
    }

    fn add_forward(&mut self) {
        for l in 0..self.formula.layers.len() {
            let layer = self.formula.layers[l].clone();
            for &n in &layer {
                let inputs: Vec<usize> = if l > 0 {
                    self.formula.layers[l - 1]
                        .iter()
                        .map(|&s| self.at(&format!("out_{}", self.neuron_name(s))))
                        .collect()
                } else {
                    Vec::new()
                };
                let name = format!("net_{}", self.neuron_name(n));
                self.push(name, Kind::Net(n), inputs);
            }
            for &n in &layer {
                let inputs = if self.activation(n) == Activation::Softmax {
                    layer
                        .iter()
                        .map(|&m| self.at(&format!("net_{}", self.neuron_name(m))))
                        .collect()
                } else {
                    vec![self.at(&format!("net_{}", self.neuron_name(n)))]
                };
                let name = format!("out_{}", self.neuron_name(n));
                self.push(name, Kind::Out(n), inputs);
            }
        }
        let outputs = self.outputs().to_vec();
        let mut terms = Vec::new();
        for (k, &n) in outputs.iter().enumerate() {
            let out = self.at(&format!("out_{}", self.neuron_name(n)));
            let net = self.at(&format!("net_{}", self.neuron_name(n)));
            let name = format!("E_{}", self.neuron_name(n));
            terms.push(self.push(name, Kind::Term(k), vec![out, net]));
        }
        self.push("E_total".into(), Kind::Total, terms);
    }

    pub(super) fn outputs(&self) -> &[usize] {
        &self.formula.layers[self.formula.layers.len() - 1]
    }

    pub(super) fn activation(&self, n: usize) -> Activation {
        self.spec.activations[self.formula.neurons[n].layer - 1]
    }

    pub(super) fn is_output(&self, n: usize) -> bool {
        self.formula.neurons[n].layer == self.formula.layers.len()
    }

    /// Whether the output δ comes from ∂E/∂out · ∂out/∂net (rather than
    /// the combined out − target of cross-entropy).
    pub(super) fn chain_rule_output(&self) -> bool {
        matches!(self.spec.loss, Loss::HalfSse | Loss::Mse)
    }

    fn add_backward(&mut self) {
        let depth = self.formula.layers.len();
        for l in (0..depth).rev() {
            for &n in &self.formula.layers[l].clone() {
                self.add_delta(n);
            }
        }
        for p in 0..self.formula.params.len() {
            self.add_gradient(p);
        }
    }

    fn add_delta(&mut self, n: usize) {
        let name = self.neuron_name(n).to_string();
        let out = self.at(&format!("out_{name}"));
        let net = self.at(&format!("net_{name}"));
        if self.is_output(n) && !self.chain_rule_output() {
            let delta = self.push(format!("delta_{name}"), Kind::Delta(n), vec![out, net]);
            self.push(
                format!("dE_total/dnet_{name}"),
                Kind::DNetLoss(n),
                vec![delta],
            );
            return;
        }
        let d_out_inputs = if self.is_output(n) {
            vec![out, net]
        } else {
            self.fed(n)
                .iter()
                .map(|&(next, _)| self.at(&format!("delta_{}", self.neuron_name(next))))
                .collect()
        };
        let d_out = self.push(format!("dE_total/dout_{name}"), Kind::DOut(n), d_out_inputs);
        let d_act = self.push(
            format!("dout_{name}/dnet_{name}"),
            Kind::DAct(n),
            vec![out, net],
        );
        self.push(format!("delta_{name}"), Kind::Delta(n), vec![d_out, d_act]);
    }

    /// The neurons neuron `n` feeds, with the parameter of each weight.
    pub(super) fn fed(&self, n: usize) -> Vec<(usize, usize)> {
        let neuron = &self.formula.neurons[n];
        self.formula
            .params
            .iter()
            .enumerate()
            .filter_map(|(p, param)| match param.kind {
                ParamKind::Weight { layer, to, from }
                    if layer == neuron.layer && from == neuron.index =>
                {
                    Some((self.formula.layers[layer][to], p))
                }
                _ => None,
            })
            .collect()
    }

    fn add_gradient(&mut self, p: usize) {
        let param = &self.formula.params[p];
        let p_name = param.name.clone();
        let inputs = match param.kind {
            ParamKind::Bias { layer, to: None } => self.formula.layers[layer]
                .iter()
                .map(|&n| self.at(&format!("delta_{}", self.neuron_name(n))))
                .collect(),
            ParamKind::Bias {
                layer,
                to: Some(to),
            } => {
                let n = self.formula.layers[layer][to];
                let name = self.neuron_name(n).to_string();
                let d_net = self.push(
                    format!("dnet_{name}/d{p_name}"),
                    Kind::DNet {
                        neuron: n,
                        param: p,
                    },
                    Vec::new(),
                );
                vec![self.at(&format!("delta_{name}")), d_net]
            }
            ParamKind::Weight { layer, to, from } => {
                let n = self.formula.layers[layer][to];
                let name = self.neuron_name(n).to_string();
                let source = self.source_neuron(layer, from).map(|s| {
                    let s_name = self.neuron_name(s);
                    vec![
                        self.at(&format!("out_{s_name}")),
                        self.at(&format!("net_{s_name}")),
                    ]
                });
                let d_net = self.push(
                    format!("dnet_{name}/d{p_name}"),
                    Kind::DNet {
                        neuron: n,
                        param: p,
                    },
                    source.unwrap_or_default(),
                );
                vec![self.at(&format!("delta_{name}")), d_net]
            }
        };
        self.push(format!("dE_total/d{p_name}"), Kind::Grad(p), inputs);
    }

    fn add_batch(&mut self) {
        let total = self.at("E_total");
        self.push("loss".into(), Kind::Loss, vec![total]);
        if self.lr.is_none() {
            return;
        }
        for p in 0..self.formula.params.len() {
            if self.trainable[p] {
                let name = &self.formula.params[p].name;
                let grad = self.at(&format!("dE_total/d{name}"));
                self.push(format!("new_{name}"), Kind::New(p), vec![grad]);
            }
        }
    }

    /// The value of parameter `p` in the spec.
    pub(super) fn param_value(&self, p: usize) -> f64 {
        let params = &self.spec.parameters;
        match self.formula.params[p].kind {
            ParamKind::Weight { layer, to, from } => params.weights[layer][to][from],
            ParamKind::Bias { layer, to } => params.biases[layer][to.unwrap_or(0)],
        }
    }

    /// The batch gradient from each sample's gradient: the sum for
    /// half_sse, the mean otherwise.
    pub(super) fn aggregate(&self, sum: f64, samples: usize) -> f64 {
        if self.spec.loss.averages_samples() {
            sum / samples as f64
        } else {
            sum
        }
    }

    /// The quantity `q` of sample `batch.sample` summed over the samples,
    /// that sample's value read from `world`, the others' from the
    /// reference.
    pub(super) fn summed(&self, q: usize, world: &[f64], batch: &Batch) -> f64 {
        batch
            .per_sample
            .iter()
            .enumerate()
            .map(|(s, values)| {
                if s == batch.sample {
                    world[q]
                } else {
                    values[q]
                }
            })
            .sum()
    }

    /// The reference batch gradient of parameter `p`.
    pub(super) fn reference_gradient(&self, p: usize, batch: &Batch) -> f64 {
        let name = &self.formula.params[p].name;
        let q = self.at(&format!("dE_total/d{name}"));
        let sum: f64 = batch.per_sample.iter().map(|v| v[q]).sum();
        self.aggregate(sum, batch.per_sample.len())
    }

    /// The value of quantity `q` from the values of `world` before it.
    pub(super) fn eval(&self, q: usize, world: &[f64], batch: &Batch) -> f64 {
        let quantity = &self.list[q];
        let input = |i: usize| world[quantity.inputs[i]];
        let sample = batch.sample;
        match quantity.kind {
            Kind::Net(n) => self.net_from(n, sample, input),
            Kind::Out(n) => self.out_from(n, &quantity.inputs, world),
            Kind::Term(k) => self.loss_term(k, input(0), sample),
            Kind::Total => quantity.inputs.iter().map(|&i| world[i]).sum(),
            Kind::DOut(n) if self.is_output(n) => self.output_slope(n, input(0), sample),
            Kind::DOut(n) => self.path_terms(n, world, None).iter().map(|t| t.1).sum(),
            Kind::DAct(n) => self.activation_slope(n, input(0), input(1)),
            Kind::Delta(n) if self.is_output(n) && !self.chain_rule_output() => {
                self.combined_delta(n, input(0), sample)
            }
            Kind::Delta(_) => input(0) * input(1),
            Kind::DNetLoss(_) => input(0),
            Kind::DNet { .. } if quantity.inputs.is_empty() => self.input_of(q, sample),
            Kind::DNet { .. } => input(0),
            Kind::Grad(p) => match self.formula.params[p].kind {
                ParamKind::Bias { to: None, .. } => quantity.inputs.iter().map(|&i| world[i]).sum(),
                _ => input(0) * input(1),
            },
            Kind::Loss => self.aggregate(
                self.summed(quantity.inputs[0], world, batch),
                batch.per_sample.len(),
            ),
            Kind::New(p) => {
                let sum = self.summed(quantity.inputs[0], world, batch);
                let gradient = self.aggregate(sum, batch.per_sample.len());
                self.param_value(p) - self.lr.unwrap_or(0.0) * gradient
            }
        }
    }

    /// ∂net/∂param for a parameter fed by an input (its value) or a bias (1).
    fn input_of(&self, q: usize, sample: usize) -> f64 {
        let Kind::DNet { param, .. } = self.list[q].kind else {
            return f64::NAN;
        };
        match self.formula.params[param].kind {
            ParamKind::Weight { from, .. } => self.spec.inputs[sample][from],
            ParamKind::Bias { .. } => 1.0,
        }
    }

    /// Σ w·source + b for neuron `n`, the sources of a later layer read
    /// by `source(k)` (the k-th neuron of the layer before).
    pub(super) fn net_from(&self, n: usize, sample: usize, source: impl Fn(usize) -> f64) -> f64 {
        let neuron = &self.formula.neurons[n];
        let l = neuron.layer - 1;
        let weights = &self.spec.parameters.weights[l][neuron.index];
        let sum: f64 = weights
            .iter()
            .enumerate()
            .map(|(from, w)| {
                let x = if l == 0 {
                    self.spec.inputs[sample][from]
                } else {
                    source(from)
                };
                w * x
            })
            .sum();
        let bias = match self.spec.parameters.biases.get(l) {
            Some(b) if b.len() == 1 => b[0],
            Some(b) if !b.is_empty() => b[neuron.index],
            _ => 0.0,
        };
        sum + bias
    }

    fn out_from(&self, n: usize, inputs: &[usize], world: &[f64]) -> f64 {
        let activation = self.activation(n);
        if activation == Activation::Softmax {
            let nets: Vec<f64> = inputs.iter().map(|&i| world[i]).collect();
            let top = nets.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            let sum: f64 = nets.iter().map(|z| (z - top).exp()).sum();
            let own = world[self.at(&format!("net_{}", self.neuron_name(n)))];
            return (own - top).exp() / sum;
        }
        let net = world[inputs[0]];
        match activation.function() {
            Some(f) => f.apply(net),
            None => net,
        }
    }

    pub(super) fn target(&self, n: usize, sample: usize) -> f64 {
        self.spec.targets[sample][self.formula.neurons[n].index]
    }

    /// The loss term of output k at out `o`.
    pub(super) fn loss_term(&self, k: usize, o: f64, sample: usize) -> f64 {
        let t = self.spec.targets[sample][k];
        let count = self.outputs().len() as f64;
        match self.spec.loss {
            Loss::HalfSse => 0.5 * (t - o).powi(2),
            Loss::Mse => (t - o).powi(2) / count,
            Loss::Bce => -(t * o.ln() + (1.0 - t) * (1.0 - o).ln()) / count,
            Loss::CrossEntropy => -t * o.ln(),
        }
    }

    /// ∂E_total/∂out of an output under the chain rule.
    pub(super) fn output_slope(&self, n: usize, o: f64, sample: usize) -> f64 {
        let t = self.target(n, sample);
        match self.spec.loss {
            Loss::Mse => 2.0 * (o - t) / self.outputs().len() as f64,
            _ => o - t,
        }
    }

    /// δ of an output under cross-entropy: out − target (over K for bce).
    pub(super) fn combined_delta(&self, n: usize, o: f64, sample: usize) -> f64 {
        let difference = o - self.target(n, sample);
        match self.spec.loss {
            Loss::Bce => difference / self.outputs().len() as f64,
            _ => difference,
        }
    }

    /// ∂out/∂net: out·(1 − out) for sigmoid and 1 − out² for tanh (from
    /// out, as the textbook writes them), else f′(net).
    pub(super) fn activation_slope(&self, n: usize, out: f64, net: f64) -> f64 {
        match self.activation(n) {
            Activation::Sigmoid => out * (1.0 - out),
            Activation::Tanh => 1.0 - out * out,
            Activation::Identity => 1.0,
            activation => match activation.function() {
                Some(f) => derivative_at(f, net),
                None => f64::NAN,
            },
        }
    }

    /// The terms δ_next·w of a hidden neuron's ∂E/∂out, named, with the
    /// weights `weight(p)` (the spec's when `None`).
    pub(super) fn path_terms(
        &self,
        n: usize,
        world: &[f64],
        weight: Option<&dyn Fn(usize) -> f64>,
    ) -> Vec<(String, f64)> {
        self.fed(n)
            .iter()
            .map(|&(next, p)| {
                let next_name = self.neuron_name(next);
                let delta = world[self.at(&format!("delta_{next_name}"))];
                let w = weight.map_or_else(|| self.param_value(p), |f| f(p));
                let name = format!("delta_{next_name}·{}", self.formula.params[p].name);
                (name, delta * w)
            })
            .collect()
    }

    /// The inputs quantity `q`'s formula reads: all of them, but the net
    /// that only the variants read where out belongs (and the out that
    /// f′(net) does not read).
    pub(super) fn used(&self, q: usize) -> &[usize] {
        let quantity = &self.list[q];
        let inputs = &quantity.inputs[..];
        match quantity.kind {
            Kind::Term(_) | Kind::DOut(_) | Kind::Delta(_) | Kind::DNet { .. }
                if inputs.len() == 2 && self.reads_out_only(quantity.kind) =>
            {
                &inputs[..1]
            }
            Kind::DAct(n) => match self.activation(n) {
                Activation::Sigmoid | Activation::Tanh => &inputs[..1],
                Activation::Identity => &[],
                _ => &inputs[1..],
            },
            _ => inputs,
        }
    }

    /// Whether a quantity listed with [out, net] reads out alone.
    fn reads_out_only(&self, kind: Kind) -> bool {
        match kind {
            Kind::Delta(n) => self.is_output(n) && !self.chain_rule_output(),
            Kind::DOut(n) => self.is_output(n),
            _ => true,
        }
    }

    /// The index of neuron `n`'s net.
    pub(super) fn find_net(&self, n: usize) -> usize {
        self.at(&format!("net_{}", self.neuron_name(n)))
    }

    /// The index of a quantity by name, if there is one.
    pub(super) fn find(&self, name: &str) -> Option<usize> {
        self.index.get(name).copied()
    }
}

/// f′(x) of an element-wise activation, from the rule stepgrad derives
/// with.
fn derivative_at(f: Func, x: f64) -> f64 {
    let mut graph = Graph::new();
    let var = graph.var("x");
    let derivative = crate::calculus::function_derivative(&mut graph, f, var);
    evaluate(&graph, derivative, &Point::new(vec![("x".into(), x)])).unwrap_or(f64::NAN)
}
