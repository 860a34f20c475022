//! Symbolic differentiation with a derivation a student can follow.
//!
//! The walker visits the nodes of an expression children first and computes
//! each node's derivative once (the graph is hash-consed, so a repeated
//! subexpression is one node). Each node applies exactly one rule: the sum,
//! product and quotient rules combine the derivatives of the operands;
//! functions and powers take their local derivative from `rules` and, when
//! their argument is not the variable itself, the chain rule multiplies it by
//! the inner derivative — in one place, `chain`. Every node's rule, result
//! and parts are recorded, and the derivation shown to the student is read
//! from these records, so it is the computation that was done.
//!
//! The same walker can be asked to make a typical mistake at one node (leave
//! out a chain rule's inner factor, a product-rule term, …); `check` uses
//! this to recognise what went wrong in a student's answer.
//!
//! Invariant: `Derivation::raw` is the derivative built by the recorded
//! steps, and `Derivation::result` is `simplify(raw)`.

use super::operators::{
    exponential_derivative, function_derivative, general_power_rule, local_partial,
    power_derivative, product_rule_term, quotient_rule,
};
use super::rules::Rule;
use crate::expr::domain::{restrictions, Restriction};
use crate::expr::{simplify, simplify_with_conditions, Func, Graph, Id, Node};
use rustc_hash::{FxHashMap, FxHashSet};

/// A typical mistake, made deliberately at one node.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
pub enum Mistake {
    /// The chain rule at this node forgets the inner derivative u′.
    DropInnerFactor(Id),
    /// The product rule at this node forgets the term in which operand
    /// `index` is differentiated.
    DropProductTerm(Id, usize),
    /// The quotient rule at this node uses u·v′ − u′·v as its numerator.
    ReverseQuotientNumerator(Id),
    /// The local derivative of the function at this node has the wrong
    /// sign, as in (cos u)′ = sin u.
    FlipLocalSign(Id),
    /// The product rule at this node is written u′·v′: the product of the
    /// factors' derivatives.
    MultiplyDerivatives(Id),
    /// The constant terms of the sum at this node are kept, as in
    /// (f + c)′ = f′ + c.
    KeepConstantTerms(Id),
    /// The constant factor (or divisor) at this node is left out, as in
    /// (½·f)′ = f′.
    DropConstantFactor(Id),
    /// The power rule at this node gives u^(n−1): the exponent is not
    /// brought down.
    DropPowerCoefficient(Id),
    /// The power rule at this node gives n·u^n: the exponent is not
    /// lowered.
    KeepPowerExponent(Id),
    /// The power rule is used on a^u at this node: u·a^(u−1).
    PowerRuleOnExponential(Id),
}

/// The inner function of a chain-rule step: u and du.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Inner {
    /// The stand-in variable the outer rule is written in (usually `u`).
    pub placeholder: Id,
    /// The inner expression u.
    pub expr: Id,
    /// Its derivative du/dx.
    pub derivative: Id,
}

/// One line of a derivation.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Step {
    pub rule: Rule,
    /// Nesting: 0 for the whole expression, 1 for its operands, …
    pub depth: usize,
    /// The expression differentiated in this step.
    pub expr: Id,
    /// The variable differentiated by: the `--wrt` variable, or the
    /// placeholder u for the outer function of a chain.
    pub wrt: Id,
    /// The derivative this step produced.
    pub result: Id,
    /// For a chain-rule step, its inner function.
    pub inner: Option<Inner>,
}

/// A derivative and how it was obtained.
#[derive(Clone, Debug)]
pub struct Derivation {
    pub expr: Id,
    pub var: String,
    /// The derivative as the rules built it.
    pub raw: Id,
    /// The simplified derivative.
    pub result: Id,
    /// The steps in reading order (each step before the steps for its
    /// parts); the last is the simplification when it changed anything.
    pub steps: Vec<Step>,
    /// What the simplification assumed beyond the expression's own domain
    /// (x ≠ 0 when it cancelled an x the expression never divided by).
    pub conditions: Vec<Restriction>,
}

/// What was done at one node.
#[derive(Clone, Debug)]
struct Record {
    rule: Rule,
    result: Id,
    parts: Vec<Part>,
    inner: Option<Inner>,
}

#[derive(Clone, Copy, Debug)]
enum Part {
    /// The derivative of an operand, itself a step.
    Operand(Id),
    /// The outer function of a chain, differentiated by the placeholder.
    Outer { rule: Rule, expr: Id, result: Id },
}

/// Differentiates `expr` by `var`, with the full derivation.
pub fn differentiate(graph: &mut Graph, expr: Id, var: &str) -> Derivation {
    let mut walker = Walker::new(graph, expr, var, None);
    let raw = walker.run();
    let mut steps = walker.steps();
    let simplified = simplify_with_conditions(graph, raw);
    let result = simplified.result;
    let conditions = new_conditions(graph, expr, &simplified.conditions);
    if result != raw {
        let wrt = graph.var(var);
        steps.push(Step {
            rule: Rule::Simplify,
            depth: 0,
            expr: raw,
            wrt,
            result,
            inner: None,
        });
    }
    Derivation {
        expr,
        var: var.to_string(),
        raw,
        result,
        steps,
        conditions,
    }
}

/// The conditions of a simplification that the expression's own domain
/// does not already impose, written in their simplest subject (√u ≠ 0 as
/// u ≠ 0, uⁿ ≠ 0 as u ≠ 0).
fn new_conditions(graph: &mut Graph, expr: Id, conditions: &[Restriction]) -> Vec<Restriction> {
    let own = restrictions(graph, &[expr]);
    let mut out: Vec<Restriction> = Vec::new();
    for &condition in conditions {
        let condition = plainest(graph, condition);
        let implied = own.iter().any(|&r| plainest(graph, r).implies(condition));
        if !implied && !out.contains(&condition) {
            out.push(condition);
        }
    }
    out
}

fn plainest(graph: &Graph, restriction: Restriction) -> Restriction {
    let Restriction::NonZero(mut subject) = restriction else {
        return restriction;
    };
    loop {
        match graph.node(subject) {
            Node::Call(Func::Sqrt, u) => subject = *u,
            Node::Pow([u, n]) if graph.as_number(*n).is_some_and(|n| n > 0.0) => subject = *u,
            Node::Neg(u) => subject = *u,
            _ => return Restriction::NonZero(subject),
        }
    }
}

/// The simplified derivative alone (no derivation kept).
pub fn derivative(graph: &mut Graph, expr: Id, var: &str) -> Id {
    let raw = Walker::new(graph, expr, var, None).run();
    simplify(graph, raw)
}

/// The simplified derivative, or `None` as soon as the graph's `size`
/// passes `max_size` while it is built: the bound a caller sets on work
/// whose size it cannot know in advance (second derivatives of long
/// products grow with the cube of their length). The graph may keep the
/// nodes built before the bound was passed.
pub fn derivative_within(graph: &mut Graph, expr: Id, var: &str, max_size: usize) -> Option<Id> {
    let raw = Walker::new(graph, expr, var, None).run_within(max_size)?;
    let result = simplify(graph, raw);
    (graph.size() <= max_size).then_some(result)
}

/// The number of terms of the derivative of `expr` by `var` with the chain
/// rule fully expanded: the paths from `expr` down to `var`, each one
/// product of local derivatives (saturating at `u64::MAX`). Counted on the
/// graph in one pass, without building anything; a derivation written out
/// in full prints every one of them, so its size grows with this count
/// even where the graph shares the work (a deep narrow network doubles it
/// with every layer).
pub fn chain_terms(graph: &Graph, expr: Id, var: &str) -> u64 {
    let mut paths: FxHashMap<Id, u64> = FxHashMap::default();
    for id in graph.reachable(&[expr]) {
        let count = match graph.node(id) {
            Node::Var(name) if &**name == var => 1,
            node => node
                .children()
                .iter()
                .map(|c| paths.get(c).copied().unwrap_or(0))
                .fold(0u64, u64::saturating_add),
        };
        paths.insert(id, count);
    }
    paths.get(&expr).copied().unwrap_or(0)
}

/// The derivative a student would get by making `mistake`, unsimplified.
pub fn derivative_with_mistake(graph: &mut Graph, expr: Id, var: &str, mistake: Mistake) -> Id {
    Walker::new(graph, expr, var, Some(mistake)).run()
}

/// The places in `expr` where a typical mistake could be made when
/// differentiating by `var`.
pub fn mistake_sites(graph: &mut Graph, expr: Id, var: &str) -> Vec<Mistake> {
    let mut walker = Walker::new(graph, expr, var, None);
    walker.run();
    let mut sites = Vec::new();
    // The rewritten rules come after the classic mistakes, which name a
    // place more precisely when both fit (cos(3·x) for sin(3·x) is the
    // chain rule's inner factor left out, not the factor 3 dropped).
    let mut rewritten = Vec::new();
    for id in walker.graph.reachable(&[expr]) {
        let Some(record) = walker.records.get(&id) else {
            continue;
        };
        match record.rule {
            Rule::Chain => sites.push(Mistake::DropInnerFactor(id)),
            Rule::Product => {
                if let Node::Mul(factors) = walker.graph.node(id) {
                    for (i, f) in factors.iter().enumerate() {
                        if walker.depends[f.index()] {
                            sites.push(Mistake::DropProductTerm(id, i));
                        }
                    }
                }
            }
            Rule::Quotient => sites.push(Mistake::ReverseQuotientNumerator(id)),
            _ => {}
        }
        rewritten.extend(rewritten_rule_sites(&walker, id));
        if let Node::Call(Func::Cos | Func::Sin | Func::Tanh | Func::Ln, _) = walker.graph.node(id)
        {
            sites.push(Mistake::FlipLocalSign(id));
        }
    }
    sites.extend(rewritten);
    sites
}

/// The mistakes that rewrite the rule applied at `id`: the product rule
/// as u′·v′, the whole sum keeping its constants, a constant factor dropped, the
/// power rule without its coefficient or with the exponent unchanged, and
/// the power rule used on an exponential.
fn rewritten_rule_sites(walker: &Walker, id: Id) -> Vec<Mistake> {
    let graph = &walker.graph;
    let depends = |x: &Id| walker.depends[x.index()];
    let mut sites = Vec::new();
    match graph.node(id) {
        Node::Mul(factors) => {
            if factors.iter().filter(|f| depends(f)).count() >= 2 {
                sites.push(Mistake::MultiplyDerivatives(id));
            }
            if factors.iter().any(|f| !depends(f)) {
                sites.push(Mistake::DropConstantFactor(id));
            }
        }
        Node::Div([_, v]) if !depends(v) => sites.push(Mistake::DropConstantFactor(id)),
        // A constant kept is a mistake of the whole sum, (f + c)′ = f′ + c;
        // inside a chain rule it would be (x + 1)′ = 2, which no student
        // writes and which would only stand in for likelier mistakes.
        Node::Add(terms) if id == walker.expr && terms.iter().any(|t| !depends(t)) => {
            sites.push(Mistake::KeepConstantTerms(id));
        }
        Node::Pow([u, n]) if depends(u) && !depends(n) => {
            sites.push(Mistake::DropPowerCoefficient(id));
            sites.push(Mistake::KeepPowerExponent(id));
        }
        Node::Pow([u, n]) if !depends(u) && depends(n) => {
            sites.push(Mistake::PowerRuleOnExponential(id));
        }
        _ => {}
    }
    sites
}

/// A name for the chain rule's stand-in variable that the expression does
/// not use.
fn placeholder_name(graph: &Graph, expr: Id, var: &str) -> String {
    let mut used = graph.variables(expr);
    used.push(var.to_string());
    ["u", "v", "t", "z", "s", "q"]
        .iter()
        .map(|s| s.to_string())
        .chain((1..).map(|i| format!("u{i}")))
        .find(|name| !used.contains(name))
        .unwrap_or_else(|| "u".to_string())
}

struct Walker<'g> {
    graph: &'g mut Graph,
    expr: Id,
    var: Id,
    placeholder: Id,
    depends: Vec<bool>,
    records: FxHashMap<Id, Record>,
    mistake: Option<Mistake>,
}

impl<'g> Walker<'g> {
    fn new(graph: &'g mut Graph, expr: Id, var: &str, mistake: Option<Mistake>) -> Walker<'g> {
        let depends = graph.dependence(expr, var);
        let name = placeholder_name(graph, expr, var);
        let placeholder = graph.var(&name);
        let var = graph.var(var);
        Walker {
            graph,
            expr,
            var,
            placeholder,
            depends,
            records: FxHashMap::default(),
            mistake,
        }
    }

    /// Derivative of an operand already visited (0 if it does not depend on
    /// the variable).
    fn d(&mut self, id: Id) -> Id {
        match self.records.get(&id) {
            Some(r) => r.result,
            None => self.graph.num(0.0),
        }
    }

    fn run(&mut self) -> Id {
        for id in self.graph.reachable(&[self.expr]) {
            if self.depends[id.index()] {
                let record = self.record(id);
                self.records.insert(id, record);
            }
        }
        self.d(self.expr)
    }

    /// `run`, stopping as soon as the graph's size passes `max_size`.
    fn run_within(&mut self, max_size: usize) -> Option<Id> {
        for id in self.graph.reachable(&[self.expr]) {
            if self.depends[id.index()] {
                let record = self.record(id);
                self.records.insert(id, record);
                if self.graph.size() > max_size {
                    return None;
                }
            }
        }
        Some(self.d(self.expr))
    }

    fn record(&mut self, id: Id) -> Record {
        let simple = |rule, result, parts| Record {
            rule,
            result,
            parts,
            inner: None,
        };
        match self.graph.node(id).clone() {
            // A leaf that depends on the variable is the variable itself.
            Node::Num(_) | Node::Const(_) | Node::Var(_) => {
                simple(Rule::Variable, self.graph.num(1.0), vec![])
            }
            Node::Neg(a) => {
                let da = self.d(a);
                simple(
                    Rule::ConstantMultiple,
                    self.graph.negate(da),
                    vec![Part::Operand(a)],
                )
            }
            Node::Add(terms) => {
                let keep = self.mistake == Some(Mistake::KeepConstantTerms(id));
                let derivatives: Vec<Id> = terms
                    .iter()
                    .map(|&t| {
                        if keep && !self.depends[t.index()] {
                            t
                        } else {
                            self.d(t)
                        }
                    })
                    .collect();
                let has_minus = terms.iter().skip(1).any(|&t| self.reads_as_subtraction(t));
                let rule = if has_minus {
                    Rule::Difference
                } else {
                    Rule::Sum
                };
                let parts = terms.iter().map(|&t| Part::Operand(t)).collect();
                simple(rule, self.graph.sum(derivatives), parts)
            }
            Node::Mul(factors) => self.product_rule(id, &factors),
            Node::Div([u, v]) => self.quotient_rule(id, u, v),
            Node::Pow([u, n]) => self.power_rule(id, u, n),
            Node::LogSumExp(args) => {
                let mut terms = Vec::new();
                for (i, &u) in args.iter().enumerate() {
                    if self.depends[u.index()] {
                        let Some(partial) = local_partial(self.graph, id, i) else {
                            continue;
                        };
                        let du = self.d(u);
                        terms.push(self.graph.product([partial, du]));
                    }
                }
                let parts = args.iter().map(|&u| Part::Operand(u)).collect();
                simple(Rule::LogSumExp, self.graph.sum(terms), parts)
            }
            Node::Call(f, u) => {
                let rule = Rule::for_function(f);
                let flip = self.mistake == Some(Mistake::FlipLocalSign(id));
                if u == self.var {
                    let mut local = function_derivative(self.graph, f, u);
                    if flip {
                        local = self.graph.negate(local);
                    }
                    return simple(rule, local, vec![]);
                }
                let outer = self.graph.apply(f, self.placeholder);
                let mut local = function_derivative(self.graph, f, self.placeholder);
                if flip {
                    local = self.graph.negate(local);
                }
                self.chain(id, rule, outer, local, u)
            }
        }
    }

    fn reads_as_subtraction(&self, term: Id) -> bool {
        match self.graph.node(term) {
            Node::Neg(_) => true,
            Node::Num(n) => n.value() < 0.0,
            Node::Mul(xs) => self.graph.as_number(xs[0]).is_some_and(|c| c < 0.0),
            _ => false,
        }
    }

    /// The chain rule: (f(u))′ = f′(u)·u′. `outer` is f written in the
    /// placeholder, `local` its derivative f′ in the placeholder.
    fn chain(&mut self, id: Id, outer_rule: Rule, outer: Id, local: Id, inner: Id) -> Record {
        let name = self
            .graph
            .as_var(self.placeholder)
            .unwrap_or("u")
            .to_string();
        let local_at_inner = self.graph.substitute(local, &[(&name, inner)]);
        let du = self.d(inner);
        let result = if self.mistake == Some(Mistake::DropInnerFactor(id)) {
            local_at_inner
        } else {
            self.graph.product([local_at_inner, du])
        };
        Record {
            rule: Rule::Chain,
            result,
            parts: vec![
                Part::Outer {
                    rule: outer_rule,
                    expr: outer,
                    result: local,
                },
                Part::Operand(inner),
            ],
            inner: Some(Inner {
                placeholder: self.placeholder,
                expr: inner,
                derivative: du,
            }),
        }
    }

    fn product_rule(&mut self, id: Id, factors: &[Id]) -> Record {
        let dependent: Vec<usize> = (0..factors.len())
            .filter(|&i| self.depends[factors[i].index()])
            .collect();
        let rule = if dependent.len() == 1 {
            Rule::ConstantMultiple
        } else {
            Rule::Product
        };
        if self.mistake == Some(Mistake::MultiplyDerivatives(id)) {
            let derivatives: Vec<Id> = factors
                .iter()
                .map(|&f| {
                    if self.depends[f.index()] {
                        self.d(f)
                    } else {
                        f
                    }
                })
                .collect();
            return Record {
                rule,
                result: self.graph.product(derivatives),
                parts: dependent
                    .iter()
                    .map(|&i| Part::Operand(factors[i]))
                    .collect(),
                inner: None,
            };
        }
        let drop_constants = self.mistake == Some(Mistake::DropConstantFactor(id));
        let factors: Vec<Id> = if drop_constants {
            let one = self.graph.num(1.0);
            factors
                .iter()
                .map(|&f| if self.depends[f.index()] { f } else { one })
                .collect()
        } else {
            factors.to_vec()
        };
        let factors = factors.as_slice();
        let mut terms = Vec::new();
        for &i in &dependent {
            if self.mistake == Some(Mistake::DropProductTerm(id, i)) {
                continue;
            }
            let derivative = self.d(factors[i]);
            terms.push(product_rule_term(self.graph, factors, i, derivative));
        }
        Record {
            rule,
            result: self.graph.sum(terms),
            parts: dependent
                .iter()
                .map(|&i| Part::Operand(factors[i]))
                .collect(),
            inner: None,
        }
    }

    fn quotient_rule(&mut self, id: Id, u: Id, v: Id) -> Record {
        let du = self.d(u);
        if !self.depends[v.index()] {
            let result = if self.mistake == Some(Mistake::DropConstantFactor(id)) {
                du
            } else {
                self.graph.quotient(du, v)
            };
            return Record {
                rule: Rule::ConstantMultiple,
                result,
                parts: vec![Part::Operand(u)],
                inner: None,
            };
        }
        let dv = self.d(v);
        let reversed = self.mistake == Some(Mistake::ReverseQuotientNumerator(id));
        Record {
            rule: Rule::Quotient,
            result: quotient_rule(self.graph, u, v, du, dv, reversed),
            parts: vec![Part::Operand(u), Part::Operand(v)],
            inner: None,
        }
    }

    fn power_rule(&mut self, id: Id, u: Id, n: Id) -> Record {
        let simple = |rule, result, parts| Record {
            rule,
            result,
            parts,
            inner: None,
        };
        let base_depends = self.depends[u.index()];
        let exponent_depends = self.depends[n.index()];
        if !exponent_depends {
            if u == self.var {
                let local = self.power_local(id, u, n);
                return simple(Rule::Power, local, vec![]);
            }
            let outer = self.graph.power(self.placeholder, n);
            let local = self.power_local(id, self.placeholder, n);
            return self.chain(id, Rule::Power, outer, local, u);
        }
        if !base_depends {
            if n == self.var {
                let local = self.exponential_local(id, u, n);
                return simple(Rule::Exponential, local, vec![]);
            }
            let outer = self.graph.power(u, self.placeholder);
            let local = self.exponential_local(id, u, self.placeholder);
            return self.chain(id, Rule::Exponential, outer, local, n);
        }
        // u^v with both depending on x: through u^v = e^(v·ln u),
        // (u^v)′ = u^v·(v′·ln(u) + v·u′/u).
        let du = self.d(u);
        let dv = self.d(n);
        let result = general_power_rule(self.graph, u, n, du, dv);
        simple(
            Rule::GeneralPower,
            result,
            vec![Part::Operand(u), Part::Operand(n)],
        )
    }

    /// d/du u^n = n·u^(n−1), or the mistake made at `id`: u^(n−1) or n·u^n.
    fn power_local(&mut self, id: Id, u: Id, n: Id) -> Id {
        match self.mistake {
            Some(Mistake::DropPowerCoefficient(at)) if at == id => {
                let one = self.graph.num(1.0);
                let lowered = self.graph.difference(n, one);
                self.graph.power(u, lowered)
            }
            Some(Mistake::KeepPowerExponent(at)) if at == id => {
                let power = self.graph.power(u, n);
                self.graph.product([n, power])
            }
            _ => power_derivative(self.graph, u, n),
        }
    }

    /// d/dv a^v = a^v·ln(a), or at `id` the power rule used instead:
    /// v·a^(v−1).
    fn exponential_local(&mut self, id: Id, a: Id, v: Id) -> Id {
        if self.mistake == Some(Mistake::PowerRuleOnExponential(id)) {
            return power_derivative(self.graph, a, v);
        }
        exponential_derivative(self.graph, a, v)
    }

    /// The derivation in reading order, read from the records.
    fn steps(&mut self) -> Vec<Step> {
        enum Item {
            Node(Id, usize),
            Outer(Rule, Id, Id, usize),
        }
        let zero = self.graph.num(0.0);
        let mut steps = Vec::new();
        let mut shown: FxHashSet<Id> = FxHashSet::default();
        let mut stack = vec![Item::Node(self.expr, 0)];
        while let Some(item) = stack.pop() {
            match item {
                Item::Outer(rule, expr, result, depth) => steps.push(Step {
                    rule,
                    depth,
                    expr,
                    wrt: self.placeholder,
                    result,
                    inner: None,
                }),
                Item::Node(id, depth) => {
                    let Some(record) = self.records.get(&id) else {
                        steps.push(Step {
                            rule: Rule::Constant,
                            depth,
                            expr: id,
                            wrt: self.var,
                            result: zero,
                            inner: None,
                        });
                        continue;
                    };
                    let repeated = !record.parts.is_empty() && !shown.insert(id);
                    steps.push(Step {
                        rule: if repeated {
                            Rule::Repeated
                        } else {
                            record.rule
                        },
                        depth,
                        expr: id,
                        wrt: self.var,
                        result: record.result,
                        inner: if repeated { None } else { record.inner },
                    });
                    if repeated {
                        continue;
                    }
                    for part in record.parts.iter().rev() {
                        stack.push(match *part {
                            Part::Operand(c) => Item::Node(c, depth + 1),
                            Part::Outer { rule, expr, result } => {
                                Item::Outer(rule, expr, result, depth + 1)
                            }
                        });
                    }
                }
            }
        }
        steps
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::expr::{parse, unicode};

    #[test]
    fn chain_terms_count_the_paths_to_the_variable() {
        let terms = |input: &str, var: &str| {
            let mut g = Graph::new();
            let e = parse(&mut g, input).unwrap();
            chain_terms(&g, e, var)
        };
        assert_eq!(terms("x^2", "x"), 1);
        assert_eq!(terms("y^2", "x"), 0);
        // By hand: (x+y)·(x+1) reaches x once through each factor.
        assert_eq!(terms("(x+y)*(x+1)", "x"), 2);
        // u = sin(x)·cos(x) has 2 paths to x; sin(u)·cos(u) reaches u
        // twice, so 4, although u is stored once.
        assert_eq!(terms("sin(sin(x)*cos(x))*cos(sin(x)*cos(x))", "x"), 4);
    }

    fn derive(input: &str, var: &str) -> (String, Vec<Rule>) {
        let mut g = Graph::new();
        let e = parse(&mut g, input).unwrap();
        let d = differentiate(&mut g, e, var);
        (
            unicode(&g, d.result),
            d.steps.iter().map(|s| s.rule).collect(),
        )
    }

    #[test]
    fn product_of_power_and_sine() {
        let (result, rules) = derive("x^2*sin(x)", "x");
        assert_eq!(result, "2·x·sin(x) + x²·cos(x)");
        assert_eq!(rules, vec![Rule::Product, Rule::Power, Rule::Sine]);
    }

    #[test]
    fn chain_through_sigmoid() {
        let (_, rules) = derive("sigmoid(w*x+b)", "w");
        assert_eq!(rules[0], Rule::Chain);
        assert_eq!(rules[1], Rule::Sigmoid);
        assert_eq!(rules[2], Rule::Sum);
    }

    #[test]
    fn repeated_subexpression_is_derived_once() {
        let mut g = Graph::new();
        let e = parse(&mut g, "sin(x^2) * sin(x^2)").unwrap();
        let d = differentiate(&mut g, e, "x");
        assert!(d.steps.iter().any(|s| s.rule == Rule::Repeated));
    }

    #[test]
    fn mistake_drops_inner_factor() {
        let mut g = Graph::new();
        let e = parse(&mut g, "sin(3*x)").unwrap();
        let sites = mistake_sites(&mut g, e, "x");
        let wrong = derivative_with_mistake(&mut g, e, "x", sites[0]);
        assert_eq!(unicode(&g, wrong), "cos(3·x)");
    }
}
