//! The report of `stepgrad net`: the network, its loss as a formula, and
//! per step the forward table, the loss, the backward pass as chain-rule
//! products with their formulas and values, and the update table.

use super::doc::{self, cell, math, math_cell, strong, text, Block, Chain as Equation, Math};
use super::{first_and_last, left_out_json, Format, Style};
use crate::calculus::{Derivation, Rule};
use crate::expr::{latex_name, print_definition, print_named, unicode_name, Id, Notation};
use crate::history::Gap;
use crate::limits::MAX_LISTED_RECORDS;
use crate::network::{NetworkFormula, OutputRule, ParamKind, Run, SampleValues, Spec, StepRecord};
use crate::optim::{OptimizerConfig, StateValue};
use serde_json::{json, Value};

/// Which parts of each step to show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Show {
    pub formula: bool,
    pub forward: bool,
    pub backward: bool,
    pub update: bool,
}

/// What `--param` shows for one parameter (its index in the formula's
/// parameters).
pub enum ParamDerivation {
    /// The derivation by the rules of differentiation, written out.
    Expanded(usize, Derivation),
    /// Its chain rule, fully expanded, would be a sum of `terms` products
    /// (beyond `limits::MAX_EXPANDED_TERMS`): the shared form instead.
    Shared { param: usize, terms: u64 },
}

/// Everything `net` prints.
pub struct NetReport<'a> {
    pub spec: &'a Spec,
    pub formula: &'a NetworkFormula,
    pub run: &'a Run,
    pub show: Show,
    /// The sample whose chain-rule factors are shown (0-based).
    pub sample: usize,
    pub optimizer: OptimizerConfig,
    pub update_biases: bool,
    /// `--param`: that parameter's derivation.
    pub derivation: Option<ParamDerivation>,
    /// `--plot`: the file the network was drawn in.
    pub plot: Option<String>,
}

impl NetReport<'_> {
    fn unicode(&self, id: Id) -> String {
        print_named(
            &self.formula.graph,
            id,
            Notation::Unicode,
            &self.formula.names,
        )
    }

    fn latex(&self, id: Id) -> String {
        print_named(
            &self.formula.graph,
            id,
            Notation::Latex,
            &self.formula.names,
        )
    }

    fn expr(&self, id: Id) -> Math {
        Math::new(self.unicode(id), self.latex(id))
    }

    /// An expression as a factor of a product: a sum is put in parentheses.
    fn factor(&self, id: Id) -> Math {
        let named = self.formula.names.contains_key(&id);
        match self.formula.graph.node(id) {
            crate::expr::Node::Add(_) if !named => Math::new(
                format!("({})", self.unicode(id)),
                format!("\\left({}\\right)", self.latex(id)),
            ),
            _ => self.expr(id),
        }
    }

    fn definition(&self, id: Id) -> Math {
        let g = &self.formula.graph;
        Math::new(
            print_definition(g, id, Notation::Unicode, &self.formula.names),
            print_definition(g, id, Notation::Latex, &self.formula.names),
        )
    }

    fn ascii(&self, id: Id) -> String {
        print_named(
            &self.formula.graph,
            id,
            Notation::Ascii,
            &self.formula.names,
        )
    }

    /// "∂E_total/∂out_o1" in both notations.
    fn partial(of: &str, by: &str) -> Math {
        Math::new(
            format!("∂{}/∂{}", unicode_name(of), unicode_name(by)),
            format!(
                "\\frac{{\\partial {}}}{{\\partial {}}}",
                latex_name(of),
                latex_name(by)
            ),
        )
    }

    fn name(name: &str) -> Math {
        Math::new(unicode_name(name), latex_name(name))
    }

    fn value(&self, values: &SampleValues, id: Id, style: &Style) -> Math {
        Math::number(style.num(self.run.value(values, id)))
    }

    fn loss_description(&self) -> String {
        match self.spec.loss {
            crate::network::Loss::HalfSse => "half_sse: E = ½·Σ(target − out)², summed over the outputs and the samples".into(),
            crate::network::Loss::Mse => "mse: the mean of (target − out)² over all outputs and samples (as PyTorch's MSELoss)".into(),
            crate::network::Loss::Bce => {
                "bce: −[t·ln(out) + (1 − t)·ln(1 − out)], mean over all outputs and samples, computed in the safe log-sum-exp form t·ln(1 + e^−net) + (1 − t)·ln(1 + e^net)".into()
            }
            crate::network::Loss::CrossEntropy => {
                "cross_entropy: −Σ target·ln(out) with out = softmax(net), mean over the samples, computed as target·(lse − net) with lse = logsumexp of the outputs' nets".into()
            }
        }
    }
}

pub fn render(report: &NetReport, format: Format, style: &Style) -> String {
    match format {
        Format::Json => {
            let mut t = serde_json::to_string_pretty(&json_value(report)).unwrap_or_default();
            t.push('\n');
            t
        }
        Format::Csv => csv(report, style),
        _ => doc::render(&blocks(report, style), format, style),
    }
}

fn blocks(r: &NetReport, style: &Style) -> Vec<Block> {
    let mut out = Vec::new();
    let spec = r.spec;
    out.push(Block::Heading {
        level: 1,
        text: vec![text(format!("Network {}", spec.name))],
    });
    if let Some(d) = &spec.description {
        out.push(Block::Paragraph(vec![text(d.clone())]));
    }
    out.extend(setup(r, style));
    if r.show.formula {
        out.extend(formula_blocks(r));
    }
    let detailed: Vec<&StepRecord> = r.run.steps.iter().filter(|s| s.samples.is_some()).collect();
    let total = r.run.losses.len();
    for (k, step) in detailed.iter().enumerate() {
        out.push(Block::Heading {
            level: 2,
            text: vec![text(format!("Step {} of {total}", step.step))],
        });
        out.extend(step_blocks(r, step, style));
        if k == 0 && total > detailed.len() {
            out.extend(loss_history(r, style));
        }
    }
    match &r.derivation {
        Some(ParamDerivation::Expanded(param, derivation)) => {
            out.extend(derivation_blocks(r, *param, derivation, style));
        }
        Some(ParamDerivation::Shared { param, terms }) => {
            out.extend(shared_derivation_blocks(r, *param, *terms, style));
        }
        None => {}
    }
    out.push(Block::Paragraph(vec![
        text(format!(
            "After {} update{}: ",
            total,
            if total == 1 { "" } else { "s" }
        )),
        math(
            format!("E_total = {}", style.num(r.run.final_loss)),
            format!(
                "E_{{\\mathrm{{total}}}} = {}",
                Math::number(style.num(r.run.final_loss)).latex
            ),
        ),
        text("."),
    ]));
    if let Some(path) = &r.plot {
        out.push(Block::Paragraph(vec![text(format!(
            "The network is drawn in {path}."
        ))]));
    }
    if let Some(note) = &spec.note {
        out.push(Block::Paragraph(vec![text(note.trim().replace('\n', " "))]));
    }
    out
}

fn setup(r: &NetReport, style: &Style) -> Vec<Block> {
    let spec = r.spec;
    let activations: Vec<&str> = spec.activations.iter().map(|a| a.name()).collect();
    let weights = r
        .formula
        .params
        .iter()
        .filter(|p| matches!(p.kind, ParamKind::Weight { .. }))
        .count();
    let biases = r.formula.params.len() - weights;
    let bias_text = match spec.bias {
        crate::network::BiasMode::PerNeuron => "one bias per neuron",
        crate::network::BiasMode::PerLayer => "one bias shared by each layer",
        crate::network::BiasMode::None => "no biases",
    };
    let origin = match &spec.origin {
        crate::network::Origin::Explicit => "given in the spec".to_string(),
        crate::network::Origin::Init { scheme, seed } => {
            format!("initialised with {scheme}, seed {seed}")
        }
    };
    let mut blocks = vec![Block::Paragraph(vec![text(format!(
        "Layers {} with activation {}; {bias_text}; loss {}. {} parameters ({weights} weights, {biases} biases), {origin}. {} sample{}. Optimizer: {} with {}{}.",
        spec.shape(),
        activations.join(", "),
        r.loss_description(),
        weights + biases,
        spec.inputs.len(),
        if spec.inputs.len() == 1 { "" } else { "s" },
        r.optimizer.title(),
        settings_text(r),
        if r.update_biases || biases == 0 { "" } else { "; biases are not updated" }
    ))])];
    // The data.
    let mut header = vec![cell("sample")];
    header.extend(r.formula.inputs.iter().map(|&i| math_cell(r.expr(i))));
    header.extend(r.formula.targets.iter().map(|&t| math_cell(r.expr(t))));
    let rows = (0..spec.inputs.len())
        .map(|s| {
            let mut row = vec![cell((s + 1).to_string())];
            row.extend(spec.inputs[s].iter().map(|v| cell(style.num(*v))));
            row.extend(spec.targets[s].iter().map(|v| cell(style.num(*v))));
            row
        })
        .collect();
    blocks.push(Block::Table { header, rows });
    blocks
}

fn formula_blocks(r: &NetReport) -> Vec<Block> {
    let f = r.formula;
    let mut equations = Vec::new();
    for n in &f.neurons {
        equations.push(Equation {
            lhs: NetReport::name(&format!("net_{}", n.name)),
            rhs: vec![r.definition(n.net)],
            note: None,
        });
        if n.out != n.net {
            equations.push(Equation {
                lhs: NetReport::name(&format!("out_{}", n.name)),
                rhs: vec![r.definition(n.out)],
                note: None,
            });
        }
    }
    if let Some((&lse, _)) = f.names.iter().find(|(_, n)| n.as_str() == "lse") {
        equations.push(Equation {
            lhs: NetReport::name("lse"),
            rhs: vec![r.definition(lse)],
            note: Some("log-sum-exp of the output nets".into()),
        });
    }
    for &e in &f.error_terms {
        if f.error_terms.len() > 1 {
            equations.push(Equation {
                lhs: NetReport::name(&f.names[&e]),
                rhs: vec![r.definition(e)],
                note: None,
            });
        }
    }
    equations.push(Equation {
        lhs: NetReport::name("E_total"),
        rhs: vec![r.definition(f.loss)],
        note: None,
    });
    let mut blocks = vec![
        Block::Heading {
            level: 2,
            text: vec![text("The loss as a formula")],
        },
        Block::Paragraph(vec![text(
            "The same formula serves every sample: inputs and targets are variables, bound to one sample's values when it is evaluated.",
        )]),
        Block::Equations(equations),
    ];
    let size = expanded_size(f, f.loss);
    if size <= 400 {
        let g = &f.graph;
        blocks.push(Block::Paragraph(vec![text("Fully expanded:")]));
        blocks.push(Block::Equations(vec![Equation {
            lhs: NetReport::name("E_total"),
            rhs: vec![Math::new(
                crate::expr::unicode(g, f.loss),
                crate::expr::latex(g, f.loss),
            )],
            note: None,
        }]));
    } else {
        blocks.push(Block::Paragraph(vec![text(format!(
            "Fully expanded, E_total would be an expression of {size} nodes (the named form above stores each subexpression once), so it is not printed."
        ))]));
    }
    blocks
}

/// Nodes of the expression written out as a tree (shared nodes counted each
/// time they appear), capped to avoid overflow.
fn expanded_size(f: &NetworkFormula, root: Id) -> u64 {
    let order = f.graph.reachable(&[root]);
    let mut size: rustc_hash::FxHashMap<Id, u64> = rustc_hash::FxHashMap::default();
    for id in order {
        let s = 1 + f
            .graph
            .node(id)
            .children()
            .iter()
            .map(|c| size[c])
            .sum::<u64>();
        size.insert(id, s.min(u64::MAX / 4));
    }
    size[&root]
}

fn step_blocks(r: &NetReport, step: &StepRecord, style: &Style) -> Vec<Block> {
    let Some(samples) = &step.samples else {
        return Vec::new();
    };
    let f = r.formula;
    let mut blocks = Vec::new();
    let many = samples.len() > 1;
    if r.show.forward {
        blocks.push(Block::Heading {
            level: 3,
            text: vec![text("Forward pass")],
        });
        let mut header = Vec::new();
        if many {
            header.push(cell("sample"));
        }
        header.extend([cell("neuron"), cell("net"), cell("net value"), cell("out")]);
        let mut rows = Vec::new();
        for (s, values) in samples.iter().enumerate() {
            for (k, n) in f.neurons.iter().enumerate() {
                let mut row = Vec::new();
                if many {
                    row.push(cell(if k == 0 {
                        (s + 1).to_string()
                    } else {
                        String::new()
                    }));
                }
                row.push(cell(n.name.clone()));
                row.push(math_cell(r.definition(n.net)));
                row.push(cell(style.num(r.run.value(values, n.net))));
                row.push(cell(style.num(r.run.value(values, n.out))));
                rows.push(row);
            }
        }
        blocks.push(Block::Table { header, rows });
        blocks.extend(loss_blocks(r, step, samples, style));
    }
    if r.show.backward {
        blocks.extend(backward_blocks(
            r,
            &samples[r.sample.min(samples.len() - 1)],
            style,
            many,
        ));
    }
    if r.show.update {
        blocks.extend(update_blocks(r, step, style));
    }
    blocks
}

fn loss_blocks(
    r: &NetReport,
    step: &StepRecord,
    samples: &[SampleValues],
    style: &Style,
) -> Vec<Block> {
    let f = r.formula;
    let mut blocks = vec![Block::Heading {
        level: 3,
        text: vec![text("Loss")],
    }];
    if samples.len() == 1 {
        let values = &samples[0];
        let mut equations = Vec::new();
        if f.error_terms.len() > 1 {
            for &e in &f.error_terms {
                equations.push(Equation {
                    lhs: NetReport::name(&f.names[&e]),
                    rhs: vec![r.definition(e), r.value(values, e, style)],
                    note: None,
                });
            }
        }
        equations.push(Equation {
            lhs: NetReport::name("E_total"),
            rhs: vec![r.definition(f.loss), Math::number(style.num(step.loss))],
            note: None,
        });
        blocks.push(Block::Equations(equations));
    } else {
        let mut header = vec![cell("sample")];
        if f.error_terms.len() > 1 {
            header.extend(
                f.error_terms
                    .iter()
                    .map(|e| math_cell(NetReport::name(&f.names[e]))),
            );
        }
        header.push(math_cell(NetReport::name("E_total")));
        let rows = samples
            .iter()
            .enumerate()
            .map(|(s, values)| {
                let mut row = vec![cell((s + 1).to_string())];
                if f.error_terms.len() > 1 {
                    row.extend(
                        f.error_terms
                            .iter()
                            .map(|&e| cell(style.num(r.run.value(values, e)))),
                    );
                }
                row.push(cell(style.num(r.run.value(values, f.loss))));
                row
            })
            .collect();
        blocks.push(Block::Table { header, rows });
        let how = if r.spec.loss.averages_samples() {
            "the mean"
        } else {
            "the sum"
        };
        blocks.push(Block::Paragraph(vec![
            text(format!("The batch loss is {how} over the samples: ")),
            math(
                format!("E = {}", style.num(step.loss)),
                format!("E = {}", Math::number(style.num(step.loss)).latex),
            ),
            text("."),
        ]));
    }
    blocks
}

fn delta_name(neuron: &str) -> Math {
    NetReport::name(&format!("delta_{neuron}"))
}

fn backward_blocks(r: &NetReport, values: &SampleValues, style: &Style, many: bool) -> Vec<Block> {
    let f = r.formula;
    let mut blocks = vec![Block::Heading {
        level: 3,
        text: vec![text("Backward pass")],
    }];
    let sample_text = if many {
        format!(
            "For sample {} (the update below uses the batch gradient, {} of the per-sample gradients). ",
            r.sample + 1,
            if r.spec.loss.averages_samples() { "the mean" } else { "the sum" }
        )
    } else {
        String::new()
    };
    blocks.push(Block::Paragraph(vec![text(format!(
        "{sample_text}Each neuron's δ = ∂E_total/∂net is computed once, from the output back, and reused by everything below it. All gradients are computed before any parameter changes: the hidden layers use the old weights."
    ))]));

    // The δs, output layer first.
    let mut equations = Vec::new();
    for layer in f.layers.iter().rev() {
        for &n in layer {
            let neuron = &f.neurons[n];
            let delta = f.deltas[n];
            let lhs = delta_name(&neuron.name);
            let d_net = NetReport::partial("E_total", &format!("net_{}", neuron.name));
            let is_output = neuron.layer == f.layers.len();
            let chain = f
                .chains
                .iter()
                .find(|c| f.target_neuron(c.param) == n && c.factors.len() == 3);
            let mut rhs = vec![d_net];
            let mut note = None;
            match (is_output, f.output_rule, chain) {
                (true, OutputRule::SoftmaxCrossEntropy, _)
                | (true, OutputRule::SigmoidBinaryCrossEntropy, _) => {
                    rhs.push(r.definition(delta));
                    note = Some(if f.output_rule == OutputRule::SoftmaxCrossEntropy {
                        "softmax with cross-entropy: the factors combine to out − target"
                            .to_string()
                    } else {
                        "sigmoid with binary cross-entropy: the factors combine to out − target"
                            .to_string()
                    });
                }
                (_, _, Some(chain)) => {
                    let (a, b) = (&chain.factors[0], &chain.factors[1]);
                    let names = [
                        NetReport::partial(&a.of, &a.by),
                        NetReport::partial(&b.of, &b.by),
                    ];
                    let numbers = [
                        r.value(values, a.formula, style),
                        r.value(values, b.formula, style),
                    ];
                    rhs.push(Math::join(&names, " · ", " \\cdot "));
                    rhs.push(Math::join(&numbers, " · ", " \\cdot "));
                    if let Some(sum) = chain.path_sum.and_then(|n| f.path_sums[n].as_ref()) {
                        equations.push(path_sum_equation(r, sum, values, style));
                    }
                }
                _ => rhs.push(r.definition(delta)),
            }
            rhs.push(r.value(values, delta, style));
            equations.push(Equation { lhs, rhs, note });
        }
    }
    blocks.push(Block::Equations(equations));

    // The chain for every parameter, output layer first.
    let mut equations = Vec::new();
    let mut order: Vec<&crate::network::Chain> = f.chains.iter().collect();
    order.sort_by_key(|c| std::cmp::Reverse(f.neurons[f.target_neuron(c.param)].layer));
    for chain in order {
        equations.push(chain_equation(r, chain, values, style));
    }
    blocks.push(Block::Equations(equations));
    let weights = f
        .params
        .iter()
        .filter(|p| matches!(p.kind, ParamKind::Weight { .. }))
        .count();
    blocks.push(Block::Paragraph(vec![text(format!(
        "Backpropagation formed each δ once and passed it back: {} multiplications of chain-rule factors for the {weights} weights. Differentiating each weight on its own, multiplying out every path from it to the loss, would take {}.",
        f.backprop_multiplications, f.separate_multiplications
    ))]));
    blocks
}

/// ∂E/∂out_h = Σ_k δ_k·w, with the numbers.
fn path_sum_equation(
    r: &NetReport,
    sum: &crate::network::PathSum,
    values: &SampleValues,
    style: &Style,
) -> Equation {
    let f = r.formula;
    let neuron = &f.neurons[sum.neuron].name;
    let terms: Vec<Math> = sum
        .terms
        .iter()
        .map(|&(next, _, w, _)| {
            let d = delta_name(&f.neurons[next].name);
            let w = r.expr(w);
            Math::new(
                format!("{}·{}", d.unicode, w.unicode),
                format!("{} {}", d.latex, w.latex),
            )
        })
        .collect();
    let numbers: Vec<Math> = sum
        .terms
        .iter()
        .enumerate()
        .map(|(k, &(_, _, _, c))| {
            let v = r.value(values, c, style);
            if k > 0 && r.run.value(values, c) < 0.0 {
                Math::new(
                    format!("({})", v.unicode),
                    format!("\\left({}\\right)", v.latex),
                )
            } else {
                v
            }
        })
        .collect();
    let join = |items: &[Math]| Math::join(items, " + ", " + ");
    let total = f
        .adjoints
        .get(f.neurons[sum.neuron].out)
        .map_or(Math::number("0"), |id| r.value(values, id, style));
    let mut rhs = vec![join(&terms)];
    if sum.terms.len() > 1 {
        rhs.push(join(&numbers));
    }
    rhs.push(total);
    Equation {
        lhs: NetReport::partial("E_total", &format!("out_{neuron}")),
        rhs,
        note: Some("a sum over the paths through the next layer".into()),
    }
}

fn update_blocks(r: &NetReport, step: &StepRecord, style: &Style) -> Vec<Block> {
    let f = r.formula;
    let (rule_unicode, rule_latex) = r.optimizer.rule();
    let mut blocks = vec![
        Block::Heading {
            level: 3,
            text: vec![text("Update")],
        },
        Block::Paragraph(vec![
            text(format!(
                "{} with {}; for each parameter θ, with g = ∂E/∂θ: ",
                r.optimizer.title(),
                settings_text(r)
            )),
            math(rule_unicode, rule_latex),
            text("."),
        ]),
    ];
    let report = step.optimizer.as_ref();
    // Per-variable state columns, indexed by trainable position.
    let columns: Vec<(&str, &Vec<f64>)> = report
        .map(|rep| {
            rep.state
                .iter()
                .filter_map(|e| match &e.value {
                    StateValue::PerVariable(v) => Some((e.symbol, v)),
                    _ => None,
                })
                .collect()
        })
        .unwrap_or_default();
    let position: Vec<Option<usize>> = (0..f.params.len())
        .map(|i| r.run.trainable.iter().position(|&t| t == i))
        .collect();
    let mut header = vec![
        cell("parameter"),
        cell("before"),
        math_cell(Math::new(
            "g = ∂E/∂θ",
            "g = \\partial E / \\partial \\theta",
        )),
    ];
    header.extend(columns.iter().map(|(symbol, _)| cell(symbol.to_string())));
    header.push(cell("after"));
    let rows = f
        .params
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let mut row = vec![
                math_cell(NetReport::name(&p.name)),
                cell(style.num(step.params_before[i])),
                cell(style.num(step.gradients[i])),
            ];
            for (_, values) in &columns {
                row.push(cell(
                    position[i].map_or("—".to_string(), |k| style.num(values[k])),
                ));
            }
            row.push(match position[i] {
                None => vec![text(format!(
                    "{} (not updated)",
                    style.num(step.params_after[i])
                ))],
                Some(_) => vec![strong(style.num(step.params_after[i]))],
            });
            row
        })
        .collect();
    blocks.push(Block::Table { header, rows });
    if let Some(rep) = report {
        let scalars: Vec<String> = rep
            .state
            .iter()
            .filter_map(|e| match e.value {
                StateValue::Scalar(v) => Some(format!("{} = {}", e.symbol, style.num(v))),
                _ => None,
            })
            .collect();
        if !scalars.is_empty() {
            blocks.push(Block::Paragraph(vec![text(format!(
                "Step quantities: {}.",
                scalars.join(", ")
            ))]));
        }
        for entry in &rep.state {
            if let StateValue::Matrix(m) = &entry.value {
                if m.len() <= MATRIX_LIMIT {
                    blocks.push(Block::Paragraph(vec![text(format!(
                        "{} over the trainable parameters:",
                        entry.symbol
                    ))]));
                    let names: Vec<&str> = r
                        .run
                        .trainable
                        .iter()
                        .map(|&t| f.params[t].name.as_str())
                        .collect();
                    let mut header = vec![cell("")];
                    header.extend(names.iter().map(|n| math_cell(NetReport::name(n))));
                    let rows = m
                        .iter()
                        .zip(&names)
                        .map(|(row, n)| {
                            let mut cells = vec![math_cell(NetReport::name(n))];
                            cells.extend(row.iter().map(|v| cell(style.num(*v))));
                            cells
                        })
                        .collect();
                    blocks.push(Block::Table { header, rows });
                }
            }
        }
        if let Some(note) = &rep.note {
            blocks.push(Block::Paragraph(vec![text(format!("Note: {note}."))]));
        }
    }
    blocks
}

/// Matrices of state are printed for at most this many parameters.
const MATRIX_LIMIT: usize = 12;

fn settings_text(r: &NetReport) -> String {
    r.optimizer
        .settings()
        .iter()
        .filter(|(name, value)| !(value == "0" && *name != "lr") && value != "false")
        .map(|(name, value)| format!("{name} = {value}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A round interval giving about ten rows for `steps` steps.
fn interval(steps: usize) -> usize {
    let target = (steps / 10).max(1);
    let mut unit = 1;
    loop {
        for m in [1, 2, 5] {
            if unit * m >= target {
                return unit * m;
            }
        }
        unit *= 10;
    }
}

/// ∂E_total/∂p as the product of its chain-rule factors: their names,
/// formulas and values for one sample, and the gradient.
fn chain_equation(
    r: &NetReport,
    chain: &crate::network::Chain,
    values: &SampleValues,
    style: &Style,
) -> Equation {
    let p = &r.formula.params[chain.param];
    let lhs = NetReport::partial("E_total", &p.name);
    let names: Vec<Math> = chain
        .factors
        .iter()
        .map(|x| NetReport::partial(&x.of, &x.by))
        .collect();
    let formulas: Vec<Math> = chain.factors.iter().map(|x| r.factor(x.formula)).collect();
    let numbers: Vec<Math> = chain
        .factors
        .iter()
        .map(|x| r.value(values, x.formula, style))
        .collect();
    let join = |items: &[Math]| Math::join(items, " · ", " \\cdot ");
    let mut rhs = Vec::new();
    if chain.factors.len() > 1 {
        rhs.push(join(&names));
        rhs.push(join(&formulas));
        rhs.push(join(&numbers));
    } else {
        rhs.push(r.expr(chain.factors[0].formula));
    }
    rhs.push(r.value(values, chain.gradient, style));
    Equation {
        lhs,
        rhs,
        note: None,
    }
}

fn loss_history(r: &NetReport, style: &Style) -> Vec<Block> {
    let every = interval(r.run.losses.len());
    let rows = (1..=r.run.losses.len())
        .filter(|&step| step == 1 || step % every == 0)
        .map(|step| {
            vec![
                cell(step.to_string()),
                cell(style.num(r.run.losses[step - 1])),
            ]
        })
        .collect();
    vec![
        Block::Heading {
            level: 2,
            text: vec![text(format!("Loss every {every} steps"))],
        },
        Block::Table {
            header: vec![
                cell("step"),
                math_cell(Math::new(
                    "E (before the step)",
                    "E \\text{ (before the step)}",
                )),
            ],
            rows,
        },
    ]
}

fn derivation_blocks(
    r: &NetReport,
    param: usize,
    derivation: &Derivation,
    style: &Style,
) -> Vec<Block> {
    let f = r.formula;
    let name = &f.params[param].name;
    let values = r
        .run
        .steps
        .iter()
        .find_map(|s| s.samples.as_ref())
        .map(|s| &s[r.sample.min(s.len() - 1)]);
    let mut equations = Vec::new();
    for step in &derivation.steps {
        let indent = "  ".repeat(step.depth);
        let var = f.graph.as_var(step.wrt).unwrap_or(name);
        let (op_u, op_l) = (
            format!("∂/∂{}", unicode_name(var)),
            format!("\\frac{{\\partial}}{{\\partial {}}}", latex_name(var)),
        );
        let lhs = if step.rule == Rule::Simplify {
            Math::new(
                format!("{indent}{}", r.unicode(step.expr)),
                r.latex(step.expr),
            )
        } else {
            Math::new(
                format!("{indent}{op_u} [{}]", r.unicode(step.expr)),
                format!(
                    "\\quad{} {op_l}\\left[{}\\right]",
                    "\\quad".repeat(step.depth),
                    r.latex(step.expr)
                ),
            )
        };
        equations.push(Equation {
            lhs,
            rhs: vec![r.expr(step.result)],
            note: Some(step.rule.name().to_string()),
        });
    }
    let mut blocks = vec![
        Block::Heading {
            level: 2,
            text: vec![text(format!("The derivation of ∂E_total/∂{name}"))],
        },
        Block::Paragraph(vec![text(format!(
            "The same derivative by the rules of differentiation, applied to E_total as a formula of {name} (each named quantity is treated as the formula it names)."
        ))]),
        Block::Equations(equations),
    ];
    if let Some(values) = values {
        let backprop = r.run.value(values, f.gradients[param]);
        blocks.push(Block::Paragraph(vec![text(format!(
            "Its value for sample {} at the first step is the backpropagation value: {}.",
            r.sample + 1,
            style.num(backprop)
        ))]));
    }
    blocks
}

/// `--param` for a parameter whose expanded derivation is beyond the
/// limit: why it is not written out, and the same derivative in the
/// shared form backpropagation computes.
fn shared_derivation_blocks(r: &NetReport, param: usize, terms: u64, style: &Style) -> Vec<Block> {
    let f = r.formula;
    let name = &f.params[param].name;
    let count = if terms == u64::MAX {
        "more than 18 quintillion".to_string()
    } else {
        crate::number::format_thousands(terms)
    };
    let mut blocks = vec![
        Block::Heading {
            level: 2,
            text: vec![text(format!("The derivation of ∂E_total/∂{name}"))],
        },
        Block::Paragraph(vec![text(format!(
            "Written out by the rules of differentiation with the chain rule fully expanded, ∂E_total/∂{name} is a sum of {count} products, one for each path from {name} to E_total through the neurons after it; their number multiplies with every layer the paths cross. stepgrad writes out derivations of at most {} such products (docs/limits.md), so here is the shared form instead, the one backpropagation computes: each δ is computed once from the δs of the layer after it (the backward pass), and every path through a neuron shares its δ.",
            crate::number::format_thousands(crate::limits::MAX_EXPANDED_TERMS),
        ))]),
    ];
    let values = r
        .run
        .steps
        .iter()
        .find_map(|s| s.samples.as_ref())
        .map(|s| &s[r.sample.min(s.len() - 1)]);
    if let (Some(chain), Some(values)) = (f.chains.iter().find(|c| c.param == param), values) {
        blocks.push(Block::Equations(vec![chain_equation(
            r, chain, values, style,
        )]));
        blocks.push(Block::Paragraph(vec![text(format!(
            "The values are those of sample {} at the first step.",
            r.sample + 1
        ))]));
    }
    blocks
}

fn csv(r: &NetReport, style: &Style) -> String {
    let mut out = String::from("step,parameter,before,gradient,after,loss\n");
    for step in &r.run.steps {
        for (i, p) in r.formula.params.iter().enumerate() {
            out.push_str(&format!(
                "{},{},{},{},{},{}\n",
                step.step,
                p.name,
                style.num(step.params_before[i]),
                style.num(step.gradients[i]),
                style.num(step.params_after[i]),
                style.num(step.loss)
            ));
        }
    }
    out
}

fn shapes(r: &NetReport, values: &[f64]) -> Value {
    let (w, b) = crate::network::to_shapes(r.formula, r.spec, values);
    json!({"W": w, "b": b})
}

pub fn json_value(r: &NetReport) -> Value {
    let f = r.formula;
    let spec = r.spec;
    let network = json!({
        "name": spec.name,
        "layers": spec.layers,
        "activations": spec.activations.iter().map(|a| a.name()).collect::<Vec<_>>(),
        "bias": spec.bias.name(),
        "loss": spec.loss.name(),
        "parameters": f.params.iter().map(|p| p.name.clone()).collect::<Vec<_>>(),
        "samples": spec.inputs.len(),
        "optimizer": r.optimizer.title(),
        "optimizer_config": r.optimizer.settings().into_iter().map(|(k, v)| (k.to_string(), Value::String(v))).collect::<serde_json::Map<String, Value>>(),
        "update_biases": r.update_biases,
        "loss_formula": r.ascii(f.loss),
        "multiplications": {"backpropagation": f.backprop_multiplications as u64, "separately": f.separate_multiplications.min(u64::MAX as u128) as u64},
    });
    // Every step by its loss (the first and the last of a long run), and
    // the steps shown in full with everything else.
    let numbers: Vec<usize> = (1..=r.run.losses.len()).collect();
    let (listed, gap) = first_and_last(&numbers, MAX_LISTED_RECORDS);
    let detailed: rustc_hash::FxHashMap<usize, &StepRecord> = r
        .run
        .steps
        .iter()
        .filter(|s| s.samples.is_some())
        .map(|s| (s.step, s))
        .collect();
    let steps: Vec<Value> = listed
        .iter()
        .map(|&number| {
            let mut object = json!({"step": number, "loss": r.run.losses[number - 1]});
            if let Some(step) = detailed.get(&number) {
                let Some(samples) = &step.samples else {
                    return object;
                };
                let forward: Vec<Value> = samples
                    .iter()
                    .enumerate()
                    .flat_map(|(s, values)| {
                        f.neurons.iter().map(move |n| {
                            json!({"sample": s + 1, "neuron": n.name, "net": r.run.value(values, n.net), "out": r.run.value(values, n.out)})
                        })
                    })
                    .collect();
                let values = &samples[r.sample.min(samples.len() - 1)];
                let chain: Vec<Value> = f
                    .chains
                    .iter()
                    .map(|c| {
                        let factors: Vec<Value> = c
                            .factors
                            .iter()
                            .map(|x| json!({"name": format!("d{}/d{}", x.of, x.by), "formula": r.ascii(x.formula), "value": r.run.value(values, x.formula)}))
                            .collect();
                        json!({"param": f.params[c.param].name, "factors": factors, "value": r.run.value(values, c.gradient)})
                    })
                    .collect();
                let optimizer_state: serde_json::Map<String, Value> = step
                    .optimizer
                    .iter()
                    .flat_map(|rep| rep.state.iter())
                    .map(|e| {
                        let value = match &e.value {
                            StateValue::PerVariable(v) => Value::Object(
                                r.run.trainable.iter().zip(v).map(|(&t, x)| (f.params[t].name.clone(), json!(x))).collect(),
                            ),
                            StateValue::Scalar(x) => json!(x),
                            StateValue::Matrix(m) => json!(m),
                        };
                        (e.name.to_string(), value)
                    })
                    .collect();
                let extra = json!({
                    "optimizer_state": optimizer_state,
                    "sample": r.sample + 1,
                    "forward": forward,
                    "chain": chain,
                    "gradients": shapes(r, &step.gradients),
                    "params_before": shapes(r, &step.params_before),
                    "params_after": shapes(r, &step.params_after),
                });
                if let (Value::Object(o), Value::Object(e)) = (&mut object, extra) {
                    o.extend(e);
                }
            }
            object
        })
        .collect();
    let mut object = json!({"network": network, "steps": steps, "final_loss": r.run.final_loss});
    if let Some(gap) = gap {
        object["steps_left_out"] = left_out_json(&listed, gap, |&n| n);
    }
    object
}

/// Which steps a long run lists in JSON and CSV, when it left some out:
/// "steps 1 to 5,000 and 995,001 to 1,000,000 (10,000 of 1,000,000)".
fn kept_steps_text(steps: &[usize], gap: Gap) -> String {
    format!(
        "steps {} to {} and {} to {} ({} of {}; docs/limits.md)",
        steps[0],
        steps[gap.at - 1],
        steps[gap.at],
        steps[steps.len() - 1],
        crate::number::format_thousands(steps.len() as u64),
        crate::number::format_thousands((steps.len() + gap.count) as u64)
    )
}

/// For CSV, which has no place for it: a line for stderr saying which
/// steps a long run's CSV lists.
pub fn csv_note(r: &NetReport) -> Option<String> {
    let gap = r.run.gap?;
    let steps: Vec<usize> = r.run.steps.iter().map(|s| s.step).collect();
    Some(format!(
        "note: the CSV lists only {}\n",
        kept_steps_text(&steps, gap)
    ))
}
