//! A network written as formulas in the expression graph.
//!
//! Every neuron gets two named nodes, net_h1 = w1·i1 + w2·i2 + b1 and
//! out_h1 = σ(net_h1); the loss of one sample is E_total = E_o1 + E_o2 with
//! E_o1 = ½·(target_o1 − out_o1)². Inputs, targets and parameters are
//! variables, so the same formula serves every sample: a sample's values
//! are bound when it is evaluated, and the batch loss is the sum or mean of
//! the per-sample losses.
//!
//! Backpropagation runs once over the graph (`calculus::backpropagate`),
//! seeded at the loss — or, for softmax with cross-entropy and sigmoid with
//! binary cross-entropy, at each output neuron's net with the combined
//! factor out − target. Each neuron's δ = ∂E/∂net is one node, named
//! delta_h1, shared by everything below it; the chain-rule factors shown for
//! each parameter are read off these same nodes.
//!
//! Invariant: `gradients[p]` is the adjoint node of parameter p, and the
//! product of the factor formulas of `chains[p]` is that node's value.

use super::params::{neuron_bias_name, shared_bias_name, weight_name};
use super::spec::{Activation, BiasMode, Loss, Spec};
use crate::calculus::{backpropagate, function_derivative, Adjoints};
use crate::expr::{Func, Graph, Id, Names, Node};

/// A neuron after the input layer.
#[derive(Clone, Debug)]
pub struct Neuron {
    /// "h1", "o2", or "h2_3" with several hidden layers.
    pub name: String,
    /// 1 for the first layer after the input.
    pub layer: usize,
    pub index: usize,
    pub net: Id,
    pub out: Id,
}

/// Where a parameter sits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParamKind {
    /// W[layer][to][from], layer 0 being the first after the input.
    Weight {
        layer: usize,
        to: usize,
        from: usize,
    },
    /// b[layer][to]; `to` is `None` for a bias shared by the layer.
    Bias { layer: usize, to: Option<usize> },
}

#[derive(Clone, Debug)]
pub struct Param {
    pub name: String,
    pub var: Id,
    pub kind: ParamKind,
}

/// How the δ of the output layer is obtained.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutputRule {
    /// ∂E/∂out · ∂out/∂net, by the chain rule through the loss.
    Chain,
    /// Softmax with cross-entropy: ∂E/∂net = out − target.
    SoftmaxCrossEntropy,
    /// Sigmoid with binary cross-entropy: ∂E/∂net = (out − target)/K.
    SigmoidBinaryCrossEntropy,
}

/// One factor of a parameter's chain rule: its name (∂E_total/∂out_o1),
/// its formula and, when evaluated, its value.
#[derive(Clone, Debug)]
pub struct Factor {
    /// The factor's name as ASCII pieces: numerator and denominator, e.g.
    /// ("E_total", "out_o1").
    pub of: String,
    pub by: String,
    pub formula: Id,
}

/// How a hidden neuron's ∂E/∂out adds up over the neurons it feeds.
#[derive(Clone, Debug)]
pub struct PathSum {
    pub neuron: usize,
    /// (the neuron fed, its δ node, the weight, the contribution δ·w).
    pub terms: Vec<(usize, Id, Id, Id)>,
}

/// ∂E/∂param as a product of chain-rule factors.
#[derive(Clone, Debug)]
pub struct Chain {
    pub param: usize,
    pub factors: Vec<Factor>,
    /// For a parameter of a hidden layer: the neuron whose sum over paths
    /// (in `NetworkFormula::path_sums`) gives its first factor.
    pub path_sum: Option<usize>,
    /// The gradient node, ∂E/∂param.
    pub gradient: Id,
}

/// The network as formulas, with its backward pass.
pub struct NetworkFormula {
    pub graph: Graph,
    pub names: Names,
    pub inputs: Vec<Id>,
    pub targets: Vec<Id>,
    /// Neurons per layer after the input; `layers[l][k]` indexes `neurons`.
    pub layers: Vec<Vec<usize>>,
    pub neurons: Vec<Neuron>,
    pub params: Vec<Param>,
    /// Per-output loss terms (E_o1, …) and the per-sample loss E_total.
    pub error_terms: Vec<Id>,
    pub loss: Id,
    pub output_rule: OutputRule,
    pub adjoints: Adjoints,
    /// δ = ∂E/∂net per neuron.
    pub deltas: Vec<Id>,
    /// ∂E/∂param per parameter.
    pub gradients: Vec<Id>,
    pub chains: Vec<Chain>,
    /// ∂E/∂out of each hidden neuron as a sum over paths.
    pub path_sums: Vec<Option<PathSum>>,
    /// Second derivatives ∂²E/∂pᵢ∂pⱼ of one sample's loss over the n
    /// trainable parameters, when Newton's method needs them: row by row,
    /// entry (i, j) at i·n + j.
    pub hessian: Option<Vec<Id>>,
    /// Multiplications of chain-rule factors backpropagation performs for
    /// one sample, and what differentiating each parameter on its own
    /// would take.
    pub backprop_multiplications: u128,
    pub separate_multiplications: u128,
}

/// The formulas of a network as they are built, layer by layer.
struct Builder<'s> {
    spec: &'s Spec,
    graph: Graph,
    names: Names,
    inputs: Vec<Id>,
    params: Vec<Param>,
    neurons: Vec<Neuron>,
    layers: Vec<Vec<usize>>,
    /// Weights numbered so far (w1, w2, … in textbook naming).
    weight_number: usize,
    textbook: bool,
}

impl<'s> Builder<'s> {
    fn new(spec: &'s Spec) -> Builder<'s> {
        let mut graph = Graph::new();
        let inputs: Vec<Id> = (0..spec.layers[0])
            .map(|k| graph.var(&format!("i{}", k + 1)))
            .collect();
        Builder {
            spec,
            graph,
            names: Names::default(),
            inputs,
            params: Vec::new(),
            neurons: Vec::new(),
            layers: Vec::new(),
            weight_number: 0,
            textbook: textbook_names(spec),
        }
    }

    /// The nets of layer `l` (1-based) from the outputs of the layer before,
    /// with their weights and biases registered as parameters.
    fn layer_nets(&mut self, l: usize, previous: &[Id]) -> Vec<(String, Id)> {
        let depth = self.spec.layers.len() - 1;
        // A shared bias is listed after the layer's weights.
        let shared_bias =
            (self.spec.bias == BiasMode::PerLayer).then(|| self.graph.var(&shared_bias_name(l)));
        let mut nets = Vec::new();
        for k in 0..self.spec.layers[l] {
            let neuron = neuron_name(l, depth, k);
            let mut terms = Vec::new();
            for (from, &source) in previous.iter().enumerate() {
                let var = self.weight(l, k, from);
                terms.push(self.graph.intern(Node::Mul([var, source].into())));
            }
            let bias = match self.spec.bias {
                BiasMode::PerLayer => shared_bias,
                BiasMode::PerNeuron => Some(self.neuron_bias(l, k, &neuron)),
                BiasMode::None => None,
            };
            terms.extend(bias);
            let net = if terms.len() == 1 {
                terms[0]
            } else {
                self.graph.intern(Node::Add(terms.into()))
            };
            nets.push((neuron, net));
        }
        if let Some(var) = shared_bias {
            self.params.push(Param {
                name: shared_bias_name(l),
                var,
                kind: ParamKind::Bias {
                    layer: l - 1,
                    to: None,
                },
            });
        }
        nets
    }

    /// The weight from neuron `from` of the layer before into neuron `k` of
    /// layer `l`, registered as a parameter.
    fn weight(&mut self, l: usize, k: usize, from: usize) -> Id {
        self.weight_number += 1;
        let name = weight_name(self.textbook, self.weight_number, l, k, from);
        let var = self.graph.var(&name);
        self.params.push(Param {
            name,
            var,
            kind: ParamKind::Weight {
                layer: l - 1,
                to: k,
                from,
            },
        });
        var
    }

    /// The own bias of neuron `k` of layer `l`, registered as a parameter.
    fn neuron_bias(&mut self, l: usize, k: usize, neuron: &str) -> Id {
        let name = neuron_bias_name(self.textbook, neuron, l, k);
        let var = self.graph.var(&name);
        self.params.push(Param {
            name,
            var,
            kind: ParamKind::Bias {
                layer: l - 1,
                to: Some(k),
            },
        });
        var
    }

    /// The outputs of layer `l` from its nets; the neurons' indices.
    fn activate(&mut self, l: usize, nets: Vec<(String, Id)>) -> Vec<usize> {
        let depth = self.spec.layers.len() - 1;
        let activation = self.spec.activations[l - 1];
        let lse = (activation == Activation::Softmax).then(|| {
            let args: Vec<Id> = nets.iter().map(|&(_, n)| n).collect();
            let lse = self.graph.log_sum_exp(args);
            let name = if l == depth {
                "lse".to_string()
            } else {
                format!("lse{l}")
            };
            self.names.insert(lse, name);
            lse
        });
        let mut this_layer = Vec::new();
        for (k, (neuron, net)) in nets.into_iter().enumerate() {
            let out = match (activation.function(), lse) {
                (Some(f), _) => self.graph.apply(f, net),
                // softmax: e^(net − lse)
                // softmax: e^(net − lse), with net kept whole as one term —
                // the difference's constructor would spread net's own terms
                // into it, and net's adjoint would then miss this path and
                // stop being ∂E/∂net.
                (None, Some(lse)) => {
                    let minus_lse = self.graph.negate(lse);
                    let shifted = self.graph.intern(Node::Add([net, minus_lse].into()));
                    self.graph.apply(Func::Exp, shifted)
                }
                (None, None) => net,
            };
            self.names.insert(net, format!("net_{neuron}"));
            self.names.insert(out, format!("out_{neuron}"));
            this_layer.push(self.neurons.len());
            self.neurons.push(Neuron {
                name: neuron,
                layer: l,
                index: k,
                net,
                out,
            });
        }
        this_layer
    }

    /// The loss of one sample over the output layer, and the formula.
    fn finish(mut self) -> NetworkFormula {
        let depth = self.spec.layers.len() - 1;
        let outputs: Vec<usize> = self.layers[depth - 1].clone();
        let targets: Vec<Id> = outputs
            .iter()
            .map(|&n| self.graph.var(&format!("target_{}", self.neurons[n].name)))
            .collect();
        let lse = self
            .names
            .iter()
            .find(|(_, n)| n.as_str() == "lse")
            .map(|(&id, _)| id);
        let mut error_terms = Vec::new();
        for (k, &n) in outputs.iter().enumerate() {
            let neuron = &self.neurons[n];
            let term = loss_term(
                &mut self.graph,
                self.spec.loss,
                LossInputs {
                    target: targets[k],
                    out: neuron.out,
                    net: neuron.net,
                    outputs: outputs.len(),
                    lse,
                },
            );
            self.names.insert(term, format!("E_{}", neuron.name));
            error_terms.push(term);
        }
        let loss = if error_terms.len() == 1 {
            error_terms[0]
        } else {
            self.graph.intern(Node::Add(error_terms.clone().into()))
        };
        self.names.insert(loss, "E_total".to_string());
        let output_rule = match self.spec.loss {
            Loss::CrossEntropy => OutputRule::SoftmaxCrossEntropy,
            Loss::Bce => OutputRule::SigmoidBinaryCrossEntropy,
            _ => OutputRule::Chain,
        };
        NetworkFormula {
            graph: self.graph,
            names: self.names,
            inputs: self.inputs,
            targets,
            layers: self.layers,
            neurons: self.neurons,
            params: self.params,
            error_terms,
            loss,
            output_rule,
            adjoints: Adjoints::default(),
            deltas: Vec::new(),
            gradients: Vec::new(),
            chains: Vec::new(),
            path_sums: Vec::new(),
            hessian: None,
            backprop_multiplications: 0,
            separate_multiplications: 0,
        }
    }
}

/// What one output neuron's loss term is made of.
struct LossInputs {
    target: Id,
    out: Id,
    net: Id,
    /// Neurons of the output layer.
    outputs: usize,
    /// The output layer's log-sum-exp, for softmax.
    lse: Option<Id>,
}

/// One output neuron's term of the loss of one sample.
fn loss_term(graph: &mut Graph, loss: Loss, inputs: LossInputs) -> Id {
    let LossInputs {
        target: t,
        out,
        net,
        outputs,
        lse,
    } = inputs;
    let count = outputs as f64;
    match loss {
        Loss::HalfSse => {
            let diff = graph.difference(t, out);
            let two = graph.num(2.0);
            let squared = graph.power(diff, two);
            let half = graph.num(0.5);
            graph.product([half, squared])
        }
        Loss::Mse => {
            let diff = graph.difference(t, out);
            let two = graph.num(2.0);
            let squared = graph.power(diff, two);
            let k_outputs = graph.num(count);
            graph.quotient(squared, k_outputs)
        }
        Loss::Bce => {
            // −[t·ln σ(z) + (1−t)·ln(1−σ(z))] in log-sum-exp form:
            // t·ln(1 + e^(−z)) + (1 − t)·ln(1 + e^z).
            let zero = graph.num(0.0);
            let minus_z = graph.negate(net);
            let softplus_minus = graph.log_sum_exp(vec![zero, minus_z]);
            let softplus = graph.log_sum_exp(vec![zero, net]);
            let one = graph.num(1.0);
            let one_minus_t = graph.difference(one, t);
            let a = graph.product([t, softplus_minus]);
            let b = graph.product([one_minus_t, softplus]);
            let sum = graph.sum([a, b]);
            let k_outputs = graph.num(count);
            graph.quotient(sum, k_outputs)
        }
        Loss::CrossEntropy => {
            // −t·ln(softmax) = t·(lse − net).
            let lse = lse.unwrap_or(net);
            let gap = graph.difference(lse, net);
            graph.product([t, gap])
        }
    }
}

/// Neuron name for layer `l` (1-based) of `depth`, neuron `k` (0-based).
pub(super) fn neuron_name(l: usize, depth: usize, k: usize) -> String {
    if l == depth {
        format!("o{}", k + 1)
    } else if depth == 2 {
        format!("h{}", k + 1)
    } else {
        format!("h{l}_{}", k + 1)
    }
}

/// Whether textbook names (w1, w2, …) fit: one hidden layer at most and a
/// small parameter count.
pub(super) fn textbook_names(spec: &Spec) -> bool {
    spec.layers.len() <= 3 && spec.parameter_count() <= 60
}

impl NetworkFormula {
    /// The network's formulas with the backward pass.
    pub fn build(spec: &Spec) -> NetworkFormula {
        let mut formula = NetworkFormula::forward(spec);
        formula.backward(spec);
        formula
    }

    /// The network's formulas up to the loss, without the backward pass.
    pub fn forward(spec: &Spec) -> NetworkFormula {
        let mut builder = Builder::new(spec);
        let depth = spec.layers.len() - 1;
        let mut previous: Vec<Id> = builder.inputs.clone();
        for l in 1..=depth {
            let nets = builder.layer_nets(l, &previous);
            let this_layer = builder.activate(l, nets);
            previous = this_layer.iter().map(|&n| builder.neurons[n].out).collect();
            builder.layers.push(this_layer);
        }
        builder.finish()
    }

    /// The backward pass: δ and gradient nodes for every neuron and
    /// parameter, and each parameter's chain of factors.
    fn backward(&mut self, spec: &Spec) {
        let graph = &mut self.graph;
        let outputs = &self.layers[self.layers.len() - 1];
        let count = outputs.len() as f64;
        let seeds: Vec<(Id, Id)> = match self.output_rule {
            OutputRule::Chain => vec![(self.loss, graph.num(1.0))],
            rule => outputs
                .iter()
                .enumerate()
                .map(|(k, &n)| {
                    let difference = graph.difference(self.neurons[n].out, self.targets[k]);
                    let seed = if rule == OutputRule::SigmoidBinaryCrossEntropy && count > 1.0 {
                        let k_outputs = graph.num(count);
                        graph.quotient(difference, k_outputs)
                    } else {
                        difference
                    };
                    (self.neurons[n].net, seed)
                })
                .collect(),
        };
        let wrt: Vec<Id> = self.params.iter().map(|p| p.var).collect();
        self.adjoints = backpropagate(graph, &seeds, &wrt);
        let zero = graph.num(0.0);
        // Every net lies on a path from a parameter to the loss (or is a
        // seed), so backpropagation gave it an adjoint.
        let adjoints = &self.adjoints;
        self.deltas = self
            .neurons
            .iter()
            .map(|n| adjoints.get(n.net).expect("every net has an adjoint")) // invariant: above
            .collect();
        for (n, &delta) in self.neurons.iter().zip(&self.deltas) {
            if !self.names.contains_key(&delta) && delta != zero {
                self.names.insert(delta, format!("delta_{}", n.name));
            }
        }
        // Every parameter feeds a net, so it has an adjoint too.
        self.gradients = self
            .params
            .iter()
            .map(|p| adjoints.get(p.var).expect("every parameter has an adjoint")) // invariant: above
            .collect();
        self.path_sums = self.path_sums();
        self.chains = (0..self.params.len())
            .map(|p| self.chain(p, spec))
            .collect();
        self.count_multiplications(spec);
    }

    /// The neuron a parameter feeds (its first one, for a shared bias).
    pub fn target_neuron(&self, param: usize) -> usize {
        match self.params[param].kind {
            ParamKind::Weight { layer, to, .. } => self.layers[layer][to],
            ParamKind::Bias { layer, to } => self.layers[layer][to.unwrap_or(0)],
        }
    }

    /// The node a weight of `layer` (0 the first after the input)
    /// multiplies: input `from`, or the out of neuron `from` of the layer
    /// before — ∂net/∂w, the factor a gradient δ·input takes.
    pub fn weight_input(&self, layer: usize, from: usize) -> Id {
        if layer == 0 {
            self.inputs[from]
        } else {
            self.neurons[self.layers[layer - 1][from]].out
        }
    }

    fn is_output(&self, neuron: usize) -> bool {
        self.neurons[neuron].layer == self.layers.len()
    }

    /// ∂out/∂net of an element-wise activation, as a formula in the graph
    /// (1 for identity), from the activation itself — not from the shape
    /// its output node happens to have; `None` for softmax, whose outputs
    /// depend on every net of the layer.
    fn activation_partial(&mut self, neuron: usize, spec: &Spec) -> Option<Id> {
        let net = self.neurons[neuron].net;
        let activation = spec.activations[self.neurons[neuron].layer - 1];
        match activation.function() {
            Some(f) => Some(function_derivative(&mut self.graph, f, net)),
            None if activation == Activation::Softmax => None,
            None => Some(self.graph.num(1.0)),
        }
    }

    fn chain(&mut self, param: usize, spec: &Spec) -> Chain {
        let gradient = self.gradients[param];
        let kind = self.params[param].kind;
        let neuron = self.target_neuron(param);
        let n_name = self.neurons[neuron].name.clone();
        let p_name = self.params[param].name.clone();
        let one = self.graph.num(1.0);
        let last_factor = |formula: &Self| -> Factor {
            let local = match kind {
                ParamKind::Weight { layer, from, .. } => formula.weight_input(layer, from),
                ParamKind::Bias { .. } => one,
            };
            Factor {
                of: format!("net_{n_name}"),
                by: p_name.clone(),
                formula: local,
            }
        };
        if let ParamKind::Bias { to: None, .. } = kind {
            // A shared bias collects the δ of every neuron of its layer.
            return Chain {
                param,
                factors: vec![Factor {
                    of: "E_total".into(),
                    by: p_name.clone(),
                    formula: gradient,
                }],
                path_sum: None,
                gradient,
            };
        }
        let partial = self.activation_partial(neuron, spec);
        let mut factors = Vec::new();
        let mut path_sum = None;
        let output = self.is_output(neuron);
        match (output, self.output_rule, partial) {
            (true, OutputRule::Chain, Some(partial)) | (false, _, Some(partial)) => {
                // Under the chain rule the outputs lie between the nets and
                // the loss, so each has an adjoint.
                let out = self.neurons[neuron].out;
                let d_out = self
                    .adjoints
                    .get(out)
                    .expect("an output under the chain rule has an adjoint"); // invariant: above
                factors.push(Factor {
                    of: "E_total".into(),
                    by: format!("out_{n_name}"),
                    formula: d_out,
                });
                factors.push(Factor {
                    of: format!("out_{n_name}"),
                    by: format!("net_{n_name}"),
                    formula: partial,
                });
                if !output {
                    path_sum = Some(neuron);
                }
            }
            _ => factors.push(Factor {
                of: "E_total".into(),
                by: format!("net_{n_name}"),
                formula: self.deltas[neuron],
            }),
        }
        factors.push(last_factor(self));
        Chain {
            param,
            factors,
            path_sum,
            gradient,
        }
    }

    /// ∂E/∂out of each hidden neuron as Σ over the neurons k it feeds of
    /// δ_k · w(k ← neuron); `None` for output neurons.
    fn path_sums(&self) -> Vec<Option<PathSum>> {
        // The weights leaving each neuron: (layer, from) → [(to, weight)].
        let mut leaving: rustc_hash::FxHashMap<(usize, usize), Vec<(usize, Id)>> =
            rustc_hash::FxHashMap::default();
        for p in &self.params {
            if let ParamKind::Weight { layer, to, from } = p.kind {
                leaving.entry((layer, from)).or_default().push((to, p.var));
            }
        }
        self.neurons
            .iter()
            .enumerate()
            .map(|(n, neuron)| {
                let weights = leaving.get(&(neuron.layer, neuron.index))?;
                let contributions = self.adjoints.contributions(neuron.out);
                let terms = weights
                    .iter()
                    .map(|&(to, weight)| {
                        let next = self.layers[neuron.layer][to];
                        let delta = self.deltas[next];
                        let contribution = contributions
                            .iter()
                            .find(|(parent, _)| matches!(self.graph.node(*parent), Node::Mul(xs) if xs.contains(&weight)))
                            .map_or(delta, |&(_, c)| c);
                        (next, delta, weight, contribution)
                    })
                    .collect();
                Some(PathSum { neuron: n, terms })
            })
            .collect()
    }

    /// Counts multiplications of chain-rule factors for the weights.
    /// Backpropagation forms each δ once — one product at an output neuron
    /// under the chain rule (none with a combined factor), and in a hidden
    /// layer one product δ·w per neuron fed plus one by ∂out/∂net — and then
    /// one product δ·input per weight. Differentiating each weight on its
    /// own multiplies out every path from it to the loss: a weight into
    /// layer l has Π(sizes of the later layers) paths of 2·(depth − l) + 3
    /// factors (one fewer with a combined output factor).
    fn count_multiplications(&mut self, spec: &Spec) {
        let depth = self.layers.len();
        let sizes: Vec<u128> = spec.layers.iter().map(|&s| s as u128).collect();
        let combined = self.output_rule != OutputRule::Chain;
        let softmax_chain = !combined && spec.activations[depth - 1] == Activation::Softmax;
        let mut backprop: u128 = 0;
        for n in &self.neurons {
            backprop += if n.layer < depth {
                sizes[n.layer + 1] + 1
            } else if combined {
                0
            } else if softmax_chain {
                sizes[depth]
            } else {
                1
            };
        }
        let mut separate: u128 = 0;
        for p in &self.params {
            if let ParamKind::Weight { layer, .. } = p.kind {
                let l = layer + 1;
                backprop += 1;
                let paths: u128 = sizes[l + 1..].iter().product();
                let factors = 2 * (depth - l) as u128 + 3 - u128::from(combined);
                separate += paths * (factors - 1);
            }
        }
        self.backprop_multiplications = backprop;
        self.separate_multiplications = separate;
    }

    /// Builds ∂²E/∂pᵢ∂pⱼ for the parameters `trainable`, by differentiating
    /// each gradient node symbolically.
    pub fn build_hessian(&mut self, trainable: &[usize]) {
        let mut entries = Vec::with_capacity(trainable.len() * trainable.len());
        for &i in trainable {
            for &j in trainable {
                let name = self.params[j].name.clone();
                let entry = crate::calculus::derivative(&mut self.graph, self.gradients[i], &name);
                entries.push(entry);
            }
        }
        self.hessian = Some(entries);
    }

    /// Nodes of the loss graph, and of the loss and gradient together.
    pub fn sizes(&self) -> (usize, usize) {
        let loss = self.graph.count_reachable(&[self.loss]);
        let mut roots = vec![self.loss];
        roots.extend(&self.gradients);
        (loss, self.graph.count_reachable(&roots))
    }
}
