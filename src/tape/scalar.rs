//! The scalar tape: a graph's loss and gradient nodes as a flat list of
//! instructions, each applied to a whole column of batch values at once.
//!
//! Training evaluates the same formulas for thousands of samples, so the
//! graph is compiled once: every node reachable from the requested outputs
//! becomes an instruction writing one register (a column of one value per
//! sample of the batch), in the graph's order, children first. Parameters
//! and numbers stay scalars. Two patterns are fused, because they carry
//! almost all the work of a network: a sum of scalar·column products (a
//! neuron's net, or a hidden neuron's ∂E/∂out) becomes one `LinearCombination`
//! instruction, and a gradient that is a product of two columns summed over
//! the batch (∂E/∂w = Σ δ·x) becomes one `Dot`.
//!
//! Invariant: running the tape gives the values the evaluator gives for the
//! same nodes, sample by sample (tests compare the two), so the tape is a
//! faster route to the same numbers, never a different computation.

use super::{dot, sum};
use crate::expr::{log_sum_exp, stable_form, Func, Graph, Id, Node, StableForm};
use rustc_hash::{FxHashMap, FxHashSet};

/// Where an instruction reads a value.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Operand {
    /// A column register.
    Column(u32),
    /// A parameter, the same for every sample.
    Parameter(u32),
    /// A number.
    Constant(f64),
}

#[derive(Clone, Debug)]
enum Instruction {
    /// out = Σ scalarₖ·columnₖ + Σ columns + Σ scalars
    LinearCombination {
        out: u32,
        scaled: Vec<(Operand, u32)>,
        columns: Vec<u32>,
        scalars: Vec<Operand>,
    },
    /// out = Π factors
    Product {
        out: u32,
        factors: Vec<Operand>,
    },
    Negate {
        out: u32,
        a: Operand,
    },
    Divide {
        out: u32,
        a: Operand,
        b: Operand,
    },
    Square {
        out: u32,
        a: Operand,
    },
    Power {
        out: u32,
        a: Operand,
        b: Operand,
    },
    Call {
        out: u32,
        f: Func,
        a: Operand,
    },
    LogSumExp {
        out: u32,
        args: Vec<Operand>,
    },
    /// 1 − σ(a), 1 − tanh²(a) or ln σ(a), computed without cancellation.
    Stable {
        out: u32,
        form: StableForm,
        a: Operand,
    },
}

/// How a requested scalar output is reduced over the batch.
#[derive(Clone, Debug)]
enum Reduction {
    /// Σ over the batch of a column.
    Sum(Operand),
    /// Σ over the batch of a product of two columns.
    Dot(u32, u32),
}

/// A graph compiled for batch evaluation.
#[derive(Clone, Debug)]
pub struct Tape {
    instructions: Vec<Instruction>,
    columns: usize,
    /// Data variables, each filled from one input column.
    data: Vec<u32>,
    /// Requested per-sample outputs.
    column_outputs: Vec<Operand>,
    /// Requested batch sums (loss, gradients).
    sums: Vec<Reduction>,
}

/// Reusable buffers for running a tape.
#[derive(Clone, Debug, Default)]
pub struct Workspace {
    registers: Vec<f64>,
    batch: usize,
}

impl Workspace {
    fn column(&self, register: u32) -> &[f64] {
        let start = register as usize * self.batch;
        &self.registers[start..start + self.batch]
    }
}

/// What a compiled tape computes: `data` variables are filled per sample,
/// `parameters` are scalars; `column_outputs` are read per sample and
/// `sum_outputs` are summed over the batch.
pub struct TapeSpec<'a> {
    pub parameters: &'a [Id],
    pub data: &'a [Id],
    pub column_outputs: &'a [Id],
    pub sum_outputs: &'a [Id],
}

struct Compiler<'g> {
    graph: &'g Graph,
    parameter_index: FxHashMap<Id, u32>,
    operand: FxHashMap<Id, Operand>,
    uses: FxHashMap<Id, usize>,
    keep: FxHashSet<Id>,
    instructions: Vec<Instruction>,
    columns: u32,
}

impl Compiler<'_> {
    fn new_column(&mut self) -> u32 {
        self.columns += 1;
        self.columns - 1
    }

    fn op(&self, id: Id) -> Operand {
        self.operand[&id]
    }

    /// A product of one scalar and one column, used nowhere else: fused
    /// into the sum that uses it.
    fn fusable_product(&self, id: Id) -> Option<(Operand, u32)> {
        if self.uses.get(&id).copied().unwrap_or(0) != 1 || self.keep.contains(&id) {
            return None;
        }
        match self.graph.node(id) {
            Node::Mul(xs) if xs.len() == 2 => {
                match (self.operand.get(&xs[0]), self.operand.get(&xs[1])) {
                    (Some(&Operand::Column(c)), Some(&s))
                    | (Some(&s), Some(&Operand::Column(c)))
                        if !matches!(s, Operand::Column(_)) =>
                    {
                        Some((s, c))
                    }
                    _ => None,
                }
            }
            Node::Neg(a) => match self.operand.get(a) {
                Some(&Operand::Column(c)) => Some((Operand::Constant(-1.0), c)),
                _ => None,
            },
            _ => None,
        }
    }

    fn compile_node(&mut self, id: Id) {
        if let Some((form, u)) = stable_form(self.graph, id) {
            let a = self.op(u);
            let out = self.new_column();
            self.instructions.push(Instruction::Stable { out, form, a });
            self.operand.insert(id, Operand::Column(out));
            return;
        }
        let node = self.graph.node(id).clone();
        let operand = match node {
            Node::Num(n) => Operand::Constant(n.value()),
            Node::Const(c) => Operand::Constant(c.value()),
            Node::Var(_) => match self.parameter_index.get(&id) {
                Some(&i) => Operand::Parameter(i),
                // Data variables were given columns before compiling.
                None => return,
            },
            Node::Add(terms) => {
                let (mut scaled, mut columns, mut scalars) = (Vec::new(), Vec::new(), Vec::new());
                for &t in terms.iter() {
                    if let Some(pair) = self.fusable_product(t) {
                        scaled.push(pair);
                        continue;
                    }
                    match self.op(t) {
                        Operand::Column(c) => columns.push(c),
                        s => scalars.push(s),
                    }
                }
                let out = self.new_column();
                self.instructions.push(Instruction::LinearCombination {
                    out,
                    scaled,
                    columns,
                    scalars,
                });
                Operand::Column(out)
            }
            Node::Mul(factors) => {
                let factors = factors.iter().map(|&f| self.op(f)).collect();
                let out = self.new_column();
                self.instructions
                    .push(Instruction::Product { out, factors });
                Operand::Column(out)
            }
            Node::Neg(a) => {
                let a = self.op(a);
                let out = self.new_column();
                self.instructions.push(Instruction::Negate { out, a });
                Operand::Column(out)
            }
            Node::Div([a, b]) => {
                let (a, b) = (self.op(a), self.op(b));
                let out = self.new_column();
                self.instructions.push(Instruction::Divide { out, a, b });
                Operand::Column(out)
            }
            Node::Pow([a, b]) => {
                let (a, b) = (self.op(a), self.op(b));
                let out = self.new_column();
                self.instructions.push(if b == Operand::Constant(2.0) {
                    Instruction::Square { out, a }
                } else {
                    Instruction::Power { out, a, b }
                });
                Operand::Column(out)
            }
            Node::Call(f, a) => {
                let a = self.op(a);
                let out = self.new_column();
                self.instructions.push(Instruction::Call { out, f, a });
                Operand::Column(out)
            }
            Node::LogSumExp(args) => {
                let args = args.iter().map(|&a| self.op(a)).collect();
                let out = self.new_column();
                self.instructions.push(Instruction::LogSumExp { out, args });
                Operand::Column(out)
            }
        };
        self.operand.insert(id, operand);
    }
}

impl Tape {
    /// Compiles the nodes needed for the requested outputs.
    pub fn compile(graph: &Graph, spec: &TapeSpec) -> Tape {
        let mut roots: Vec<Id> = spec.column_outputs.to_vec();
        roots.extend(spec.sum_outputs);
        let order = graph.reachable(&roots);
        let mut uses: FxHashMap<Id, usize> = FxHashMap::default();
        for &id in &order {
            for &c in graph.node(id).children() {
                *uses.entry(c).or_default() += 1;
            }
        }
        // A gradient that is a product of two columns is reduced by a dot
        // product; its product node need not be computed.
        let mut compiler = Compiler {
            graph,
            parameter_index: spec
                .parameters
                .iter()
                .enumerate()
                .map(|(i, &p)| (p, i as u32))
                .collect(),
            operand: FxHashMap::default(),
            uses,
            keep: spec
                .column_outputs
                .iter()
                .chain(spec.sum_outputs)
                .copied()
                .collect(),
            instructions: Vec::new(),
            columns: 0,
        };
        let data: Vec<u32> = spec
            .data
            .iter()
            .map(|&d| {
                let c = compiler.new_column();
                compiler.operand.insert(d, Operand::Column(c));
                c
            })
            .collect();
        let dot_roots: FxHashSet<Id> = spec
            .sum_outputs
            .iter()
            .copied()
            .filter(|&id| {
                compiler.uses.get(&id).copied().unwrap_or(0) == 0
                    && !spec.column_outputs.contains(&id)
                    && matches!(graph.node(id), Node::Mul(xs) if xs.len() == 2)
            })
            .collect();
        // Terms of sums: a product term used nowhere else is fused into its
        // sum and needs no register of its own.
        let sum_terms: FxHashSet<Id> = order
            .iter()
            .filter_map(|&p| match graph.node(p) {
                Node::Add(xs) => Some(xs.iter().copied()),
                _ => None,
            })
            .flatten()
            .collect();
        for &id in &order {
            if compiler.operand.contains_key(&id) || dot_roots.contains(&id) {
                continue;
            }
            if sum_terms.contains(&id) && compiler.fusable_product(id).is_some() {
                continue;
            }
            compiler.compile_node(id);
        }
        let sums = spec
            .sum_outputs
            .iter()
            .map(|&id| {
                if dot_roots.contains(&id) {
                    if let Node::Mul(xs) = graph.node(id) {
                        match (compiler.operand.get(&xs[0]), compiler.operand.get(&xs[1])) {
                            (Some(&Operand::Column(a)), Some(&Operand::Column(b))) => {
                                return Reduction::Dot(a, b)
                            }
                            (Some(&a), Some(&b)) => {
                                // A scalar factor: compile the product after all.
                                let out = compiler.new_column();
                                compiler.instructions.push(Instruction::Product {
                                    out,
                                    factors: vec![a, b],
                                });
                                return Reduction::Sum(Operand::Column(out));
                            }
                            _ => {}
                        }
                    }
                }
                Reduction::Sum(compiler.op(id))
            })
            .collect();
        let column_outputs = spec
            .column_outputs
            .iter()
            .map(|&id| compiler.op(id))
            .collect();
        Tape {
            instructions: compiler.instructions,
            columns: compiler.columns as usize,
            data,
            column_outputs,
            sums,
        }
    }

    /// Number of instructions.
    pub fn len(&self) -> usize {
        self.instructions.len()
    }

    pub fn is_empty(&self) -> bool {
        self.instructions.is_empty()
    }

    /// Number of column registers (each holds one value per sample).
    pub fn registers(&self) -> usize {
        self.columns
    }

    /// Runs the tape on a batch: `data[k]` holds data variable k's values,
    /// one per sample. Returns the batch sums; per-sample outputs can then
    /// be read with `column`.
    pub fn run(&self, workspace: &mut Workspace, parameters: &[f64], data: &[&[f64]]) -> Vec<f64> {
        let batch = data.first().map_or(1, |d| d.len());
        workspace.batch = batch;
        workspace.registers.resize(self.columns * batch, 0.0);
        for (&register, values) in self.data.iter().zip(data) {
            let start = register as usize * batch;
            workspace.registers[start..start + batch].copy_from_slice(values);
        }
        for instruction in &self.instructions {
            execute(instruction, &mut workspace.registers, batch, parameters);
        }
        self.sums
            .iter()
            .map(|r| match *r {
                Reduction::Sum(Operand::Column(c)) => sum(workspace.column(c)),
                Reduction::Sum(Operand::Parameter(p)) => parameters[p as usize] * batch as f64,
                Reduction::Sum(Operand::Constant(v)) => v * batch as f64,
                Reduction::Dot(a, b) => dot(workspace.column(a), workspace.column(b)),
            })
            .collect()
    }

    /// The per-sample values of requested column output `k` after `run`.
    pub fn column<'w>(
        &self,
        workspace: &'w Workspace,
        k: usize,
        parameters: &[f64],
    ) -> std::borrow::Cow<'w, [f64]> {
        match self.column_outputs[k] {
            Operand::Column(c) => std::borrow::Cow::Borrowed(workspace.column(c)),
            Operand::Parameter(p) => {
                std::borrow::Cow::Owned(vec![parameters[p as usize]; workspace.batch])
            }
            Operand::Constant(v) => std::borrow::Cow::Owned(vec![v; workspace.batch]),
        }
    }
}

/// A read-only view of an operand for sample-wise loops.
enum Source<'a> {
    Column(&'a [f64]),
    Scalar(f64),
}

impl Source<'_> {
    #[inline]
    fn at(&self, b: usize) -> f64 {
        match self {
            Source::Column(c) => c[b],
            Source::Scalar(v) => *v,
        }
    }
}

/// Splits the register file into the output column and everything else
/// readable: inputs always precede the output (children first), so reading
/// below `out` is safe.
fn split(registers: &mut [f64], out: u32, batch: usize) -> (&[f64], &mut [f64]) {
    let start = out as usize * batch;
    let (before, rest) = registers.split_at_mut(start);
    (before, &mut rest[..batch])
}

fn source<'a>(before: &'a [f64], operand: Operand, batch: usize, parameters: &[f64]) -> Source<'a> {
    match operand {
        Operand::Column(c) => {
            let start = c as usize * batch;
            Source::Column(&before[start..start + batch])
        }
        Operand::Parameter(p) => Source::Scalar(parameters[p as usize]),
        Operand::Constant(v) => Source::Scalar(v),
    }
}

fn scalar(operand: Operand, parameters: &[f64]) -> f64 {
    match operand {
        Operand::Parameter(p) => parameters[p as usize],
        Operand::Constant(v) => v,
        Operand::Column(_) => 0.0,
    }
}

fn execute(instruction: &Instruction, registers: &mut [f64], batch: usize, parameters: &[f64]) {
    match instruction {
        Instruction::LinearCombination {
            out,
            scaled,
            columns,
            scalars,
        } => {
            let (before, out) = split(registers, *out, batch);
            let constant: f64 = scalars.iter().map(|&s| scalar(s, parameters)).sum();
            out.fill(constant);
            for &c in columns {
                let start = c as usize * batch;
                for (o, x) in out.iter_mut().zip(&before[start..start + batch]) {
                    *o += x;
                }
            }
            for &(s, c) in scaled {
                let w = scalar(s, parameters);
                let start = c as usize * batch;
                for (o, x) in out.iter_mut().zip(&before[start..start + batch]) {
                    *o += w * x;
                }
            }
        }
        Instruction::Product { out, factors } => {
            let (before, out) = split(registers, *out, batch);
            out.fill(1.0);
            for &f in factors {
                match source(before, f, batch, parameters) {
                    Source::Column(c) => out.iter_mut().zip(c).for_each(|(o, x)| *o *= x),
                    Source::Scalar(v) => out.iter_mut().for_each(|o| *o *= v),
                }
            }
        }
        Instruction::Negate { out, a } => {
            let (before, out) = split(registers, *out, batch);
            let a = source(before, *a, batch, parameters);
            out.iter_mut().enumerate().for_each(|(b, o)| *o = -a.at(b));
        }
        Instruction::Divide { out, a, b } => {
            let (before, out) = split(registers, *out, batch);
            let (a, d) = (
                source(before, *a, batch, parameters),
                source(before, *b, batch, parameters),
            );
            out.iter_mut()
                .enumerate()
                .for_each(|(i, o)| *o = a.at(i) / d.at(i));
        }
        Instruction::Square { out, a } => {
            let (before, out) = split(registers, *out, batch);
            let a = source(before, *a, batch, parameters);
            out.iter_mut().enumerate().for_each(|(b, o)| {
                let v = a.at(b);
                *o = v * v;
            });
        }
        Instruction::Power { out, a, b } => {
            let (before, out) = split(registers, *out, batch);
            let (a, e) = (
                source(before, *a, batch, parameters),
                source(before, *b, batch, parameters),
            );
            out.iter_mut()
                .enumerate()
                .for_each(|(i, o)| *o = a.at(i).powf(e.at(i)));
        }
        Instruction::Call { out, f, a } => {
            let (before, out) = split(registers, *out, batch);
            let a = source(before, *a, batch, parameters);
            out.iter_mut()
                .enumerate()
                .for_each(|(b, o)| *o = f.apply(a.at(b)));
        }
        Instruction::Stable { out, form, a } => {
            let (before, out) = split(registers, *out, batch);
            let a = source(before, *a, batch, parameters);
            out.iter_mut()
                .enumerate()
                .for_each(|(b, o)| *o = form.apply(a.at(b)));
        }
        Instruction::LogSumExp { out, args } => {
            let (before, out) = split(registers, *out, batch);
            let args: Vec<Source> = args
                .iter()
                .map(|&a| source(before, a, batch, parameters))
                .collect();
            out.iter_mut()
                .enumerate()
                .for_each(|(b, o)| *o = log_sum_exp(args.iter().map(|s| s.at(b))));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::expr::{evaluate, parse, Point};

    #[test]
    fn tape_agrees_with_the_evaluator() {
        let mut g = Graph::new();
        let e = parse(
            &mut g,
            "0.5*(t - sigmoid(w1*x + w2*y + b))^2 + logsumexp(w1*x, y) - w2/(1 + x^2)",
        )
        .unwrap();
        let (w1, w2, b, x, y, t) = (
            g.var("w1"),
            g.var("w2"),
            g.var("b"),
            g.var("x"),
            g.var("y"),
            g.var("t"),
        );
        let one = g.num(1.0);
        let adjoints = crate::calculus::backpropagate(&mut g, &[(e, one)], &[w1, w2, b]);
        let gradients: Vec<Id> = [w1, w2, b]
            .iter()
            .map(|&p| adjoints.get(p).unwrap())
            .collect();
        let mut sums = vec![e];
        sums.extend(&gradients);
        let tape = Tape::compile(
            &g,
            &TapeSpec {
                parameters: &[w1, w2, b],
                data: &[x, y, t],
                column_outputs: &[e],
                sum_outputs: &sums,
            },
        );
        let params = [0.3, -0.7, 0.1];
        let xs = [0.5, -1.0, 2.0];
        let ys = [1.5, 0.25, -0.5];
        let ts = [1.0, 0.0, 1.0];
        let mut workspace = Workspace::default();
        let got = tape.run(&mut workspace, &params, &[&xs, &ys, &ts]);
        let per_sample = tape.column(&workspace, 0, &params).into_owned();
        let mut expected = vec![0.0; 4];
        for s in 0..3 {
            let point = Point::new(vec![
                ("w1".into(), params[0]),
                ("w2".into(), params[1]),
                ("b".into(), params[2]),
                ("x".into(), xs[s]),
                ("y".into(), ys[s]),
                ("t".into(), ts[s]),
            ]);
            let value = evaluate(&g, e, &point).unwrap();
            assert!((per_sample[s] - value).abs() < 1e-12);
            expected[0] += value;
            for (k, &grad) in gradients.iter().enumerate() {
                expected[k + 1] += evaluate(&g, grad, &point).unwrap();
            }
        }
        for (a, b) in got.iter().zip(&expected) {
            assert!((a - b).abs() < 1e-12, "{got:?} vs {expected:?}");
        }
    }
}
