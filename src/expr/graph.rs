//! The expression graph: an arena of hash-consed nodes.
//!
//! Every expression stepgrad handles — a typed formula, its derivative, a
//! network's loss — lives in a [`Graph`]. Nodes are stored in a vector and
//! referred to by [`Id`]; a node's children always have smaller ids than the
//! node itself (children before parents), and structurally equal nodes are
//! stored once, so a subexpression shared by several formulas costs nothing
//! extra and its derivative is computed once. Walkers therefore never need
//! recursion over shared structure: visiting the reachable ids in increasing
//! order visits every child before its parents.
//!
//! Invariant: `Graph::intern` is the only way a node enters the arena, and it
//! returns the existing id for a node already present.

use hashbrown::HashTable;
use std::fmt;
use std::hash::{BuildHasher, Hash, Hasher};

/// Index of a node in a [`Graph`].
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub struct Id(u32);

impl Id {
    /// Position of the node in the arena.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{}", self.0)
    }
}

/// A finite `f64` that can be hashed and compared for equality, so numeric
/// leaves can be hash-consed. `-0.0` is stored as `0.0`.
#[derive(Clone, Copy, Debug)]
pub struct Number(f64);

impl Number {
    /// Wraps a finite value; `None` for NaN or infinities.
    pub fn new(value: f64) -> Option<Number> {
        if value.is_finite() {
            Some(Number(if value == 0.0 { 0.0 } else { value }))
        } else {
            None
        }
    }

    pub fn value(self) -> f64 {
        self.0
    }
}

impl PartialEq for Number {
    fn eq(&self, other: &Self) -> bool {
        self.0.to_bits() == other.0.to_bits()
    }
}
impl Eq for Number {}
impl std::hash::Hash for Number {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.0.to_bits().hash(state);
    }
}

/// Named mathematical constants the parser knows.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Constant {
    E,
    Pi,
}

impl Constant {
    pub fn value(self) -> f64 {
        match self {
            Constant::E => std::f64::consts::E,
            Constant::Pi => std::f64::consts::PI,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Constant::E => "e",
            Constant::Pi => "pi",
        }
    }
}

/// The one-argument functions of the expression language.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
pub enum Func {
    Sin,
    Cos,
    Tan,
    Exp,
    Ln,
    Sqrt,
    Abs,
    Tanh,
    Sigmoid,
    Relu,
    /// The unit step: 1 for u > 0, else 0. It appears as the derivative of relu.
    Step,
    /// The sign: −1, 0 or 1. It appears as the derivative of abs.
    Sign,
    /// ln(1 + e^u), a smooth relu.
    Softplus,
    /// u·σ(u), also called swish.
    Silu,
    /// u for u > 0, else 0.01·u (PyTorch's default slope).
    LeakyRelu,
    /// u for u > 0, else e^u − 1 (α = 1, PyTorch's default).
    Elu,
    /// u·Φ(u) with Φ the standard normal distribution function, in the
    /// exact erf form: u/2·(1 + erf(u/√2)) (PyTorch's default).
    Gelu,
    /// The error function 2/√π·∫₀ᵘ e^(−t²) dt.
    Erf,
    /// The complementary error function 1 − erf(u), kept accurate where
    /// erf(u) is near −1. It appears in the derivative of gelu.
    Erfc,
    Log10,
    Log2,
}

impl Func {
    pub const ALL: [Func; 21] = [
        Func::Sin,
        Func::Cos,
        Func::Tan,
        Func::Exp,
        Func::Ln,
        Func::Sqrt,
        Func::Abs,
        Func::Tanh,
        Func::Sigmoid,
        Func::Relu,
        Func::Step,
        Func::Sign,
        Func::Softplus,
        Func::Silu,
        Func::LeakyRelu,
        Func::Elu,
        Func::Gelu,
        Func::Erf,
        Func::Erfc,
        Func::Log10,
        Func::Log2,
    ];

    /// The name used in plain ASCII expressions.
    pub fn name(self) -> &'static str {
        match self {
            Func::Sin => "sin",
            Func::Cos => "cos",
            Func::Tan => "tan",
            Func::Exp => "exp",
            Func::Ln => "ln",
            Func::Sqrt => "sqrt",
            Func::Abs => "abs",
            Func::Tanh => "tanh",
            Func::Sigmoid => "sigmoid",
            Func::Relu => "relu",
            Func::Step => "step",
            Func::Sign => "sign",
            Func::Softplus => "softplus",
            Func::Silu => "silu",
            Func::LeakyRelu => "leaky_relu",
            Func::Elu => "elu",
            Func::Gelu => "gelu",
            Func::Erf => "erf",
            Func::Erfc => "erfc",
            Func::Log10 => "log10",
            Func::Log2 => "log2",
        }
    }

    /// Looks a function up by the name a user typed (`log` is `ln`).
    pub fn from_name(name: &str) -> Option<Func> {
        if name == "log" {
            return Some(Func::Ln);
        }
        Func::ALL.into_iter().find(|f| f.name() == name)
    }

    /// Every name the parser accepts, for "did you mean" suggestions.
    pub fn known_names() -> impl Iterator<Item = &'static str> {
        Func::ALL
            .into_iter()
            .map(Func::name)
            .chain(["log", LOG_SUM_EXP])
    }

    /// The function's value; NaN outside its domain (the evaluator checks
    /// domains before calling this).
    pub fn apply(self, x: f64) -> f64 {
        match self {
            Func::Sin => x.sin(),
            Func::Cos => x.cos(),
            Func::Tan => x.tan(),
            Func::Exp => x.exp(),
            Func::Ln => x.ln(),
            Func::Sqrt => x.sqrt(),
            Func::Abs => x.abs(),
            Func::Tanh => x.tanh(),
            Func::Sigmoid => sigmoid(x),
            Func::Relu => x.max(0.0),
            Func::Step => {
                if x > 0.0 {
                    1.0
                } else {
                    0.0
                }
            }
            Func::Sign => {
                if x > 0.0 {
                    1.0
                } else if x < 0.0 {
                    -1.0
                } else {
                    0.0
                }
            }
            Func::Softplus => softplus(x),
            Func::Silu => x * sigmoid(x),
            Func::LeakyRelu => {
                if x > 0.0 {
                    x
                } else {
                    LEAKY_RELU_SLOPE * x
                }
            }
            Func::Elu => {
                if x > 0.0 {
                    x
                } else {
                    x.exp_m1()
                }
            }
            Func::Gelu => gelu(x),
            Func::Erf => libm::erf(x),
            Func::Erfc => libm::erfc(x),
            Func::Log10 => x.log10(),
            Func::Log2 => x.log2(),
        }
    }

    /// True for the logarithms, defined for positive arguments only.
    pub fn is_logarithm(self) -> bool {
        matches!(self, Func::Ln | Func::Log10 | Func::Log2)
    }
}

/// The slope of leaky_relu below 0, PyTorch's default `negative_slope`.
pub const LEAKY_RELU_SLOPE: f64 = 0.01;

/// ln(1 + e^x) as max(x, 0) + ln(1 + e^(−|x|)): no overflow for large x,
/// and no loss of the small value e^x for very negative x.
pub fn softplus(x: f64) -> f64 {
    x.max(0.0) + (-x.abs()).exp().ln_1p()
}

/// x·Φ(x) = x/2·erfc(−x/√2): the complementary error function keeps the
/// tiny values of Φ for very negative x, which 1 + erf(x/√2) would round
/// to 0.
pub fn gelu(x: f64) -> f64 {
    0.5 * x * libm::erfc(-x * std::f64::consts::FRAC_1_SQRT_2)
}

/// The name of the one function of several arguments, ln(e^x₁ + … + e^xₙ).
pub const LOG_SUM_EXP: &str = "logsumexp";

/// The logistic function 1/(1 + e^(−x)), computed without overflow for
/// large |x|.
pub fn sigmoid(x: f64) -> f64 {
    if x >= 0.0 {
        1.0 / (1.0 + (-x).exp())
    } else {
        let z = x.exp();
        z / (1.0 + z)
    }
}

/// One node of the graph. Sums and products are n-ary (at least two
/// operands) so long sums stay shallow; subtraction is a sum with a negated
/// term.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub enum Node {
    Num(Number),
    Const(Constant),
    Var(Box<str>),
    Neg(Id),
    Add(Box<[Id]>),
    Mul(Box<[Id]>),
    /// Numerator and denominator.
    Div([Id; 2]),
    /// Base and exponent.
    Pow([Id; 2]),
    Call(Func, Id),
    /// ln(e^x₁ + … + e^xₙ), computed without overflow; the softmax and
    /// cross-entropy of a network are written with it.
    LogSumExp(Box<[Id]>),
}

impl Node {
    /// The node's operands, in order.
    pub fn children(&self) -> &[Id] {
        match self {
            Node::Num(_) | Node::Const(_) | Node::Var(_) => &[],
            Node::Neg(a) | Node::Call(_, a) => std::slice::from_ref(a),
            Node::Add(xs) | Node::Mul(xs) | Node::LogSumExp(xs) => xs,
            Node::Div(pair) | Node::Pow(pair) => pair,
        }
    }
}

/// A node's hash, by which `Graph::intern` finds it. Sums, products and
/// names hash as their parts alone (`operands_hash`, `name_hash`), so they
/// can be looked up from a slice or a `&str` before any node is made.
fn node_hash(node: &Node) -> u64 {
    match node {
        Node::Add(xs) => operands_hash(Operands::Sum, xs),
        Node::Mul(xs) => operands_hash(Operands::Product, xs),
        Node::Var(name) => name_hash(name),
        _ => rustc_hash::FxBuildHasher.hash_one(node),
    }
}

/// The two n-ary nodes the constructors make from a list of operands.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Operands {
    Sum,
    Product,
}

impl Operands {
    fn node(self, items: &[Id]) -> Node {
        match self {
            Operands::Sum => Node::Add(items.into()),
            Operands::Product => Node::Mul(items.into()),
        }
    }

    fn holds(self, node: &Node, items: &[Id]) -> bool {
        match (self, node) {
            (Operands::Sum, Node::Add(xs)) | (Operands::Product, Node::Mul(xs)) => **xs == *items,
            _ => false,
        }
    }
}

fn operands_hash(kind: Operands, items: &[Id]) -> u64 {
    let mut hasher = rustc_hash::FxHasher::default();
    hasher.write_u8(kind as u8);
    items.hash(&mut hasher);
    hasher.finish()
}

fn name_hash(name: &str) -> u64 {
    let mut hasher = rustc_hash::FxHasher::default();
    hasher.write_u8(u8::MAX);
    name.hash(&mut hasher);
    hasher.finish()
}

/// The arena. See the module documentation for its invariant.
#[derive(Default, Clone)]
pub struct Graph {
    nodes: Vec<Node>,
    /// Each node's id, found by the node's hash: the node itself is kept
    /// once, in `nodes`.
    index: HashTable<Id>,
    /// Height of each node's tree: 1 for leaves.
    heights: Vec<u32>,
    /// Nodes plus the operands they hold (see `size`).
    size: usize,
}

impl Graph {
    pub fn new() -> Graph {
        Graph::default()
    }

    /// Number of distinct nodes stored.
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// Distinct nodes plus the operands they hold (an n-ary product of k
    /// factors counts k + 1): what the graph's memory grows with, so what
    /// size limits count.
    pub fn size(&self) -> usize {
        self.size
    }

    /// Adds a node, or returns the id of the equal node already stored.
    pub fn intern(&mut self, node: Node) -> Id {
        let hash = node_hash(&node);
        if let Some(&id) = self.index.find(hash, |&id| self.nodes[id.index()] == node) {
            return id;
        }
        self.insert_new(hash, node)
    }

    /// `intern(Node::Add(items))` or `intern(Node::Mul(items))`, making the
    /// node only when it is not stored yet.
    pub(crate) fn intern_operands(&mut self, kind: Operands, items: &[Id]) -> Id {
        let hash = operands_hash(kind, items);
        let nodes = &self.nodes;
        if let Some(&id) = self
            .index
            .find(hash, |&id| kind.holds(&nodes[id.index()], items))
        {
            return id;
        }
        self.insert_new(hash, kind.node(items))
    }

    /// Stores `node`, known not to be stored yet, under its `hash`.
    fn insert_new(&mut self, hash: u64, node: Node) -> Id {
        let mut height = 0;
        for &child in node.children() {
            debug_assert!(child.index() < self.nodes.len(), "children before parents");
            height = height.max(self.heights[child.index()]);
        }
        let id = Id(u32::try_from(self.nodes.len()).expect("graph has fewer than 2^32 nodes")); // invariant: limits keep graphs far smaller
        self.size += 1 + node.children().len();
        self.nodes.push(node);
        self.heights.push(height + 1);
        let nodes = &self.nodes;
        self.index
            .insert_unique(hash, id, |&id| node_hash(&nodes[id.index()]));
        id
    }

    pub fn node(&self, id: Id) -> &Node {
        &self.nodes[id.index()]
    }

    /// Height of the expression tree under `id` (1 for a leaf).
    pub fn height(&self, id: Id) -> u32 {
        self.heights[id.index()]
    }

    /// Looks up a node without adding it.
    pub fn find(&self, node: &Node) -> Option<Id> {
        let found = self
            .index
            .find(node_hash(node), |&id| self.nodes[id.index()] == *node);
        found.copied()
    }

    // ---- leaves -----------------------------------------------------------

    /// A numeric leaf. Non-finite values cannot be stored; callers check
    /// finiteness first (see `try_num`).
    pub fn num(&mut self, value: f64) -> Id {
        match Number::new(value) {
            Some(n) => self.intern(Node::Num(n)),
            None => panic!("non-finite number {value} stored in an expression"),
        }
    }

    /// A numeric leaf, or `None` for a non-finite value.
    pub fn try_num(&mut self, value: f64) -> Option<Id> {
        Number::new(value).map(|n| self.intern(Node::Num(n)))
    }

    pub fn var(&mut self, name: &str) -> Id {
        let hash = name_hash(name);
        let nodes = &self.nodes;
        let stored = |&id: &Id| matches!(&nodes[id.index()], Node::Var(n) if **n == *name);
        if let Some(&id) = self.index.find(hash, stored) {
            return id;
        }
        self.insert_new(hash, Node::Var(name.into()))
    }

    pub fn constant(&mut self, c: Constant) -> Id {
        self.intern(Node::Const(c))
    }

    /// The numeric value of a leaf that is a number or a named constant.
    pub fn as_number(&self, id: Id) -> Option<f64> {
        match self.node(id) {
            Node::Num(n) => Some(n.value()),
            _ => None,
        }
    }

    /// The name of a variable leaf.
    pub fn as_var(&self, id: Id) -> Option<&str> {
        match self.node(id) {
            Node::Var(name) => Some(name),
            _ => None,
        }
    }

    /// Every node reachable from `roots`, in increasing id order (so each
    /// child comes before its parents). Iterative: safe for any depth.
    pub fn reachable(&self, roots: &[Id]) -> Vec<Id> {
        let mut seen = vec![false; self.nodes.len()];
        let mut stack: Vec<Id> = roots.to_vec();
        let mut out = Vec::new();
        while let Some(id) = stack.pop() {
            if std::mem::replace(&mut seen[id.index()], true) {
                continue;
            }
            out.push(id);
            for &c in self.node(id).children() {
                if !seen[c.index()] {
                    stack.push(c)
                }
            }
        }
        out.sort_unstable();
        out
    }

    /// Names of the variables in the expression, in order of first
    /// appearance when read left to right.
    pub fn variables(&self, root: Id) -> Vec<String> {
        let mut names = Vec::new();
        // A variable is one node (nodes are interned): each is met once.
        self.walk_left_to_right(root, |node| {
            if let Node::Var(name) = node {
                names.push(name.to_string());
            }
            true
        });
        names
    }

    /// Whether the expression has a variable at all.
    pub fn has_variables(&self, root: Id) -> bool {
        let mut found = false;
        self.walk_left_to_right(root, |node| {
            found = matches!(node, Node::Var(_));
            !found
        });
        found
    }

    /// Each node under `root` once, in order of first appearance read left
    /// to right, until `visit` answers false.
    fn walk_left_to_right(&self, root: Id, mut visit: impl FnMut(&Node) -> bool) {
        let mut seen = vec![false; root.index() + 1];
        let mut stack = vec![root];
        while let Some(id) = stack.pop() {
            if std::mem::replace(&mut seen[id.index()], true) {
                continue;
            }
            let node = self.node(id);
            if !visit(node) {
                return;
            }
            stack.extend(node.children().iter().rev().filter(|c| !seen[c.index()]));
        }
    }

    /// Which reachable nodes depend on the variable `var`, as a lookup by id
    /// (nodes not reachable from `root` report `false`).
    pub fn dependence(&self, root: Id, var: &str) -> Vec<bool> {
        let mut depends = vec![false; root.index() + 1];
        for id in self.reachable(&[root]) {
            let node = self.node(id);
            depends[id.index()] = match node {
                Node::Var(name) => &**name == var,
                _ => node.children().iter().any(|c| depends[c.index()]),
            };
        }
        depends
    }

    /// Number of nodes reachable from `roots`: the size of the expression as
    /// stored, counting shared subexpressions once.
    pub fn count_reachable(&self, roots: &[Id]) -> usize {
        self.reachable(roots).len()
    }

    /// The `size` of the part of the graph reachable from `roots`: its
    /// nodes plus the operands they hold, shared subexpressions once.
    pub fn reachable_size(&self, roots: &[Id]) -> usize {
        self.reachable(roots)
            .iter()
            .map(|&id| 1 + self.node(id).children().len())
            .sum()
    }

    /// Nodes of the expression at `root` written out as a tree: a shared
    /// subexpression counted each time it appears (saturating at
    /// `u64::MAX`).
    pub fn tree_size(&self, root: Id) -> u64 {
        let mut size: rustc_hash::FxHashMap<Id, u64> = rustc_hash::FxHashMap::default();
        for id in self.reachable(&[root]) {
            let children = self.node(id).children().iter();
            let total = children.fold(1u64, |total, c| total.saturating_add(size[c]));
            size.insert(id, total);
        }
        size[&root]
    }
}

impl std::ops::Index<Id> for Graph {
    type Output = Node;
    fn index(&self, id: Id) -> &Node {
        self.node(id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_nodes_are_stored_once() {
        let mut g = Graph::new();
        let x = g.var("x");
        let x_again = g.var("x");
        assert_eq!(x, x_again);
        let a = g.intern(Node::Call(Func::Sin, x));
        let b = g.intern(Node::Call(Func::Sin, x));
        assert_eq!(a, b);
        assert_eq!(g.len(), 2);
    }

    #[test]
    fn negative_zero_is_zero() {
        let mut g = Graph::new();
        assert_eq!(g.num(-0.0), g.num(0.0));
    }

    #[test]
    fn children_come_before_parents() {
        let mut g = Graph::new();
        let x = g.var("x");
        let two = g.num(2.0);
        let p = g.intern(Node::Pow([x, two]));
        assert!(p > x && p > two);
        assert_eq!(g.height(p), 2);
        assert_eq!(g.reachable(&[p]), vec![x, two, p]);
    }

    #[test]
    fn sigmoid_is_finite_at_extremes() {
        assert_eq!(sigmoid(1000.0), 1.0);
        assert_eq!(sigmoid(-1000.0), 0.0);
        assert!((sigmoid(0.0) - 0.5).abs() < 1e-15);
    }
}
