//! A network at its starting parameters: before any update, every forward
//! value, the loss and the gradient must be finite for every sample.
//!
//! A value that overflows (or is undefined) there is a fault of the input —
//! the weights a spec gives, the range it draws them from, the data — and
//! not a divergence: no learning rate is to blame, since no step was taken.
//! This module names the value at fault the way the report names it
//! (net_o1, out_h1, E_o1, ∂E/∂w1), with the operation that failed and its
//! operands' values, and places the message at the spec's line that gives
//! the parameters.
//!
//! Invariant: a `StartFault` names a value of the network that has no
//! finite value with the starting parameters.

use super::formula::NetworkFormula;
use super::spec::Spec;
use crate::expr::{print_definition, EvalError, Failure, Graph, Id, Names, Notation, Point};
use crate::i18n::{Lang, Text};
use crate::{text, Error};

/// Operands listed with their values in a message, the largest first.
const SHOWN_OPERANDS: usize = 3;

/// How a value fails to be finite.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Failing {
    /// Too large for a 64-bit float.
    Overflows,
    /// Without a value (outside a function's domain, or unbound).
    Undefined,
}

impl Failing {
    /// How the messages choose their words by it.
    fn key(self) -> &'static str {
        match self {
            Failing::Overflows => "overflows",
            Failing::Undefined => "undefined",
        }
    }
}

/// A value without a finite value at the start, named.
#[derive(Clone, Debug, PartialEq)]
pub struct StartFault {
    /// The value, as the report names it: "net_h1", "∂E/∂w1".
    pub value: Text,
    pub fails: Failing,
    /// Why: "w1·i1 is too large for a 64-bit float (w1 = 1e+300, i1 = 1e+10)".
    pub cause: Text,
    /// The sample at fault ("sample 3", "validation sample 2"), when it
    /// is one sample's value.
    pub sample: Option<Text>,
}

/// The name of a sample in a message: [`sample_name`] gives one, and a
/// name already written ("sample 3") is kept as it is.
pub trait SampleName {
    fn into_text(self) -> Text;
}

impl SampleName for Text {
    fn into_text(self) -> Text {
        self
    }
}

impl SampleName for String {
    fn into_text(self) -> Text {
        Text::Verbatim(self)
    }
}

/// "sample 3" (`number` counted from 1).
pub fn sample_name(number: usize) -> Text {
    text!("start-sample", number = number)
}

/// "validation sample 3" (`number` counted from 1).
pub fn validation_sample_name(number: usize) -> Text {
    text!("start-validation-sample", number = number)
}

impl StartFault {
    /// "net_h1 overflows with the starting parameters, on sample 1: …".
    pub fn text(&self) -> Text {
        let (value, cause) = (self.value.clone(), self.cause.clone());
        let fails = self.fails.key();
        match &self.sample {
            Some(sample) => text!(
                "start-fault-on-sample",
                value = value,
                fails = fails,
                sample = sample.clone(),
                cause = cause
            ),
            None => text!("start-fault", value = value, fails = fails, cause = cause),
        }
    }

    /// The message in English.
    pub fn message(&self) -> String {
        self.text().render(Lang::En)
    }

    /// The input error for this fault, at the spec's line giving the
    /// parameters when there is one.
    pub fn into_error(self, spec: &Spec) -> Error {
        let (message, hint) = (self.text(), text!("start-fault-hint"));
        match &spec.parameters_at {
            Some(location) => Error::told_at((**location).clone(), message, hint),
            None => Error::told(message, hint),
        }
    }
}

/// The values a message may name: each named node of the formula (net_h1,
/// out_h1, E_o1, E_total, delta_h1), each parameter's gradient node and,
/// when built, the Hessian's entries.
pub fn named_values(formula: &NetworkFormula) -> Vec<(Id, Text)> {
    let mut named: Vec<(Id, Text)> = formula
        .names
        .iter()
        .map(|(&id, name)| (id, Text::Verbatim(name.clone())))
        .collect();
    named.extend(
        formula
            .params
            .iter()
            .zip(&formula.gradients)
            .map(|(p, &g)| (g, Text::Verbatim(format!("∂E/∂{}", p.name)))),
    );
    if let Some(hessian) = &formula.hessian {
        named.extend(hessian.iter().map(|&h| (h, text!("start-hessian"))));
    }
    named
}

/// What `failure` of `sample` ("sample 3", if one; see [`sample_name`])
/// means for the network: the first of `named` whose formula contains the failing node
/// (the smallest such one, since children come before parents), what went
/// wrong there, and the values of the failing operation's operands at
/// `point`.
pub fn describe_failure(
    graph: &Graph,
    names: &Names,
    named: &[(Id, Text)],
    failure: &Failure,
    point: &Point,
    sample: Option<impl SampleName>,
) -> StartFault {
    let node = failure.node;
    let value = first_containing(graph, named, node)
        .cloned()
        .unwrap_or_else(|| text!("start-some-value"));
    let written = print_definition(graph, node, Notation::Unicode, names);
    let operands = operand_values(graph, names, node, point);
    let (fails, cause) = match &failure.error {
        EvalError::Overflow { .. } => (
            Failing::Overflows,
            text!("start-too-large", operation = written, operands = operands),
        ),
        EvalError::Domain { detail, .. } => (
            Failing::Undefined,
            // The reason is the evaluator's, in its words.
            text!(
                "start-no-value-as",
                operation = written,
                reason = detail.text(),
                operands = operands
            ),
        ),
        EvalError::Unbound { name } => (Failing::Undefined, text!("start-unbound", name = name)),
    };
    StartFault {
        value,
        fails,
        cause,
        sample: sample.map(SampleName::into_text),
    }
}

/// The name of the smallest of `named` (by id) whose formula reaches
/// `node`: one pass over the nodes reachable from all of them, children
/// first, marking those that depend on `node`.
fn first_containing<'a>(graph: &Graph, named: &'a [(Id, Text)], node: Id) -> Option<&'a Text> {
    let roots: Vec<Id> = named
        .iter()
        .map(|&(id, _)| id)
        .filter(|&id| id >= node)
        .collect();
    let order = graph.reachable(&roots);
    let mut depends = rustc_hash::FxHashSet::default();
    for id in order {
        if id == node
            || graph
                .node(id)
                .children()
                .iter()
                .any(|c| depends.contains(c))
        {
            depends.insert(id);
        }
    }
    named
        .iter()
        .filter(|(id, _)| depends.contains(id))
        .min_by_key(|(id, _)| *id)
        .map(|(_, name)| name)
}

/// " (w1 = 1e+300, i1 = 1e+10)": the operands of `node` that are not
/// plain numbers, with their values at `point`, the largest first. The
/// operands come before `node`, so they have values where it has none.
fn operand_values(graph: &Graph, names: &Names, node: Id, point: &Point) -> String {
    let operands: Vec<Id> = graph
        .node(node)
        .children()
        .iter()
        .copied()
        .filter(|&c| graph.as_number(c).is_none())
        .collect();
    let Ok(values) = crate::expr::Evaluator::new(graph, &operands).evaluate(point) else {
        return String::new();
    };
    let mut shown: Vec<(Id, f64)> = operands.into_iter().zip(values).collect();
    shown.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()));
    shown.dedup_by_key(|(id, _)| *id);
    let listed: Vec<String> = shown
        .iter()
        .take(SHOWN_OPERANDS)
        .map(|&(id, v)| {
            format!(
                "{} = {}",
                crate::expr::print_named(graph, id, Notation::Unicode, names),
                crate::number::format_significant(v, 6)
            )
        })
        .collect();
    if listed.is_empty() {
        String::new()
    } else {
        format!(" ({})", listed.join(", "))
    }
}

/// A fault of the sums over the samples: each sample's loss and gradient
/// is finite, but their sum (or mean) over the batch is not.
pub fn summed_fault(formula: &NetworkFormula, loss: f64, gradient: &[f64]) -> Option<StartFault> {
    let (value, total) = if !loss.is_finite() {
        ("E_total".to_string(), loss)
    } else {
        let (k, &g) = gradient.iter().enumerate().find(|(_, g)| !g.is_finite())?;
        (format!("∂E/∂{}", formula.params[k].name), g)
    };
    Some(StartFault {
        value: Text::Verbatim(value),
        fails: Failing::Overflows,
        cause: text!("start-sum-overflows", total = total.to_string()),
        sample: None,
    })
}
