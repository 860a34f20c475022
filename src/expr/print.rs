//! Writing expressions as text: plain ASCII, Unicode for the terminal, and
//! LaTeX for notes.
//!
//! One walker decides where parentheses are needed from the precedence of a
//! node and the place it stands in; the three notations differ only in the
//! symbols they write. The ASCII form is exact: numbers are written with all
//! their digits and the parentheses follow the parser's rules, so parsing
//! the ASCII text gives back the very same node. The Unicode and LaTeX forms
//! are for reading (x², σ, √, fractions) and may drop parentheses that do
//! not change the value.
//!
//! Invariant: `parse(ascii(e)) == e` for every expression built by the
//! parser or by the constructors of `build`, and `parse(unicode(e))` has
//! the value of `e` (to the 12 digits its numbers are written with).

use super::graph::{Constant, Func, Graph, Id, Node};
use super::parse::format_exact;
use crate::number::{format_significant, Shortest};
use rustc_hash::FxHashMap;
use std::ops::Range;

/// Plain ASCII that parses back to the same node.
pub fn ascii(graph: &Graph, id: Id) -> String {
    print(graph, id, Notation::Ascii)
}

/// Unicode for the terminal: `2·x·sin(x) + x²·cos(x)`.
pub fn unicode(graph: &Graph, id: Id) -> String {
    print(graph, id, Notation::Unicode)
}

/// LaTeX math (without the surrounding `$`).
pub fn latex(graph: &Graph, id: Id) -> String {
    print(graph, id, Notation::Latex)
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Notation {
    Ascii,
    Unicode,
    Latex,
}

pub fn print(graph: &Graph, id: Id, notation: Notation) -> String {
    let mut printer = Printer {
        graph,
        notation,
        out: String::new(),
        names: None,
        root: None,
        written: FxHashMap::default(),
    };
    printer.write(id);
    printer.out
}

/// Names for nodes: a named node is written as its name wherever it
/// appears inside another expression (`out_h1` instead of
/// `σ(w1·i1 + w2·i2 + b1)`). Names are ASCII identifiers; Greek stems such
/// as `delta_o1` are written δ_o1 in Unicode and `\delta_{o1}` in LaTeX.
pub type Names = rustc_hash::FxHashMap<Id, String>;

/// Writes `id` with every named node, itself included, shown by name.
pub fn print_named(graph: &Graph, id: Id, notation: Notation, names: &Names) -> String {
    let mut printer = Printer {
        graph,
        notation,
        out: String::new(),
        names: Some(names),
        root: None,
        written: FxHashMap::default(),
    };
    printer.write(id);
    printer.out
}

/// Writes the definition of `id`: the node itself written out, the named
/// nodes inside it by name (`net_h1` as `w1·i1 + w2·i2 + b1`).
pub fn print_definition(graph: &Graph, id: Id, notation: Notation, names: &Names) -> String {
    let mut printer = Printer {
        graph,
        notation,
        out: String::new(),
        names: Some(names),
        root: Some(id),
        written: FxHashMap::default(),
    };
    printer.write(id);
    printer.out
}

/// A name as written in `notation`.
pub fn write_name(name: &str, notation: Notation) -> String {
    match notation {
        Notation::Ascii => name.to_string(),
        Notation::Latex => latex_name(name),
        Notation::Unicode => unicode_name(name),
    }
}

/// A name with a Greek stem written as the letter: `delta_o1` → `δ_o1`,
/// `alpha` → `α`.
pub fn unicode_name(name: &str) -> String {
    const LETTERS: [(&str, &str); 12] = [
        ("alpha", "α"),
        ("beta", "β"),
        ("gamma", "γ"),
        ("delta", "δ"),
        ("epsilon", "ε"),
        ("eta", "η"),
        ("theta", "θ"),
        ("lambda", "λ"),
        ("mu", "μ"),
        ("sigma", "σ"),
        ("tau", "τ"),
        ("omega", "ω"),
    ];
    let stem_end = name
        .find(|c: char| c == '_' || c.is_ascii_digit())
        .unwrap_or(name.len());
    match LETTERS.iter().find(|(word, _)| *word == &name[..stem_end]) {
        Some((_, letter)) => format!("{letter}{}", &name[stem_end..]),
        None => name.to_string(),
    }
}

/// Binding strength, loosest first.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Prec {
    Sum,
    Product,
    Prefix,
    Power,
    Atom,
}

struct Printer<'g> {
    graph: &'g Graph,
    notation: Notation,
    out: String,
    names: Option<&'g Names>,
    /// The node written out even though it has a name.
    root: Option<Id>,
    /// Where each node written so far stands in `out`: a node's text does
    /// not depend on where it stands (its parent adds any parentheses), so
    /// a shared subexpression is copied rather than walked again.
    written: FxHashMap<Id, Range<usize>>,
}

impl<'g> Printer<'g> {
    fn node(&self, id: Id) -> &Node {
        self.graph.node(id)
    }

    fn prec(&self, id: Id) -> Prec {
        if self.name_of(id).is_some() {
            return Prec::Atom;
        }
        match self.node(id) {
            Node::Add(_) => Prec::Sum,
            Node::Mul(_) | Node::Div(_) => Prec::Product,
            Node::Neg(_) => Prec::Prefix,
            Node::Num(n) if n.value() < 0.0 => Prec::Prefix,
            Node::Pow(_) => Prec::Power,
            Node::Num(_) | Node::Const(_) | Node::Var(_) | Node::Call(..) | Node::LogSumExp(_) => {
                Prec::Atom
            }
        }
    }

    fn is_negative_number(&self, id: Id) -> bool {
        matches!(self.node(id), Node::Num(n) if n.value() < 0.0)
    }

    fn ascii(&self) -> bool {
        self.notation == Notation::Ascii
    }

    fn open(&mut self) {
        self.out.push_str(if self.notation == Notation::Latex {
            "\\left("
        } else {
            "("
        });
    }

    fn close(&mut self) {
        self.out.push_str(if self.notation == Notation::Latex {
            "\\right)"
        } else {
            ")"
        });
    }

    /// Writes `id`, in parentheses when `parens` says so.
    fn write_grouped(&mut self, id: Id, parens: bool) {
        if parens {
            self.open();
            self.write(id);
            self.close();
        } else {
            self.write(id);
        }
    }

    fn minus(&self) -> &'static str {
        match self.notation {
            Notation::Unicode => "−",
            _ => "-",
        }
    }

    fn name_of(&self, id: Id) -> Option<&'g String> {
        if Some(id) == self.root {
            return None;
        }
        self.names.and_then(|names| names.get(&id))
    }

    fn write(&mut self, id: Id) {
        if let Some(range) = self.written.get(&id) {
            let copy = self.out[range.clone()].to_string();
            self.out.push_str(&copy);
            return;
        }
        let start = self.out.len();
        self.write_afresh(id);
        self.written.insert(id, start..self.out.len());
    }

    fn write_afresh(&mut self, id: Id) {
        if let Some(name) = self.name_of(id) {
            self.out.push_str(&write_name(name, self.notation));
            return;
        }
        let graph: &'g Graph = self.graph;
        match graph.node(id) {
            &Node::Num(n) => self.write_number(n.value()),
            &Node::Const(c) => self.out.push_str(match (c, self.notation) {
                (Constant::Pi, Notation::Unicode) => "π",
                (Constant::Pi, Notation::Latex) => "\\pi",
                (c, _) => c.name(),
            }),
            Node::Var(name) if self.ascii() => self.out.push_str(name),
            Node::Var(name) => self.out.push_str(&write_name(name, self.notation)),
            &Node::Neg(a) => {
                self.out.push_str(self.minus());
                let strict = self.ascii() || matches!(self.node(a), Node::Add(_) | Node::Neg(_));
                let parens = if strict {
                    self.prec(a) <= Prec::Prefix
                } else {
                    self.prec(a) < Prec::Product
                };
                self.write_grouped(a, parens);
            }
            Node::Add(terms) => self.write_sum(terms),
            Node::Mul(factors) => self.write_product(factors, false),
            &Node::Div([a, b]) => self.write_quotient(a, b),
            &Node::Pow([a, b]) => self.write_power(a, b),
            &Node::Call(f, a) => self.write_call(f, a),
            Node::LogSumExp(xs) => {
                self.out.push_str(match self.notation {
                    Notation::Latex => "\\operatorname{logsumexp}",
                    _ => "logsumexp",
                });
                self.open();
                for (k, &x) in xs.iter().enumerate() {
                    if k > 0 {
                        self.out.push_str(", ");
                    }
                    self.write(x);
                }
                self.close();
            }
        }
    }

    fn write_number(&mut self, v: f64) {
        // Whole numbers, most of a formula's, are their digits in every
        // notation (as `format_exact` and `readable_number` write them).
        let whole_below = |limit: f64| v.fract() == 0.0 && v.abs() < limit;
        if whole_below(if self.ascii() { 1e16 } else { 1e12 }) {
            if v < 0.0 {
                self.out.push_str(self.minus());
            }
            self.out
                .push_str(itoa::Buffer::new().format((v as i64).unsigned_abs()));
            return;
        }
        match self.notation {
            Notation::Ascii => self.out.push_str(&format_exact(v)),
            Notation::Unicode => {
                let text = readable_number(v);
                self.out.push_str(&text.replace('-', "−"));
            }
            Notation::Latex => {
                let text = readable_number(v);
                match text.split_once('e') {
                    Some((mantissa, exp)) => {
                        let exp: i32 = exp.parse().unwrap_or(0);
                        self.out
                            .push_str(&format!("{mantissa} \\times 10^{{{exp}}}"));
                    }
                    None => self.out.push_str(&text),
                }
            }
        }
    }

    fn write_sum(&mut self, terms: &[Id]) {
        for (k, &term) in terms.iter().enumerate() {
            if k == 0 {
                let parens = self.prec(term) <= Prec::Sum;
                self.write_grouped(term, parens);
                continue;
            }
            if self.name_of(term).is_some() {
                self.out.push_str(" + ");
                self.write(term);
                continue;
            }
            let graph: &'g Graph = self.graph;
            let subtract = match self.notation {
                Notation::Unicode => " − ",
                _ => " - ",
            };
            match graph.node(term) {
                Node::Num(n) if n.value() < 0.0 => {
                    self.out.push_str(subtract);
                    self.write_number(-n.value());
                }
                &Node::Neg(a) => {
                    self.out.push_str(subtract);
                    let parens = self.prec(a) <= Prec::Sum;
                    self.write_grouped(a, parens);
                }
                Node::Mul(factors) if self.is_negative_number(factors[0]) => {
                    self.out.push_str(subtract);
                    self.write_product(factors, true);
                }
                _ => {
                    self.out.push_str(" + ");
                    let parens = self.prec(term) <= Prec::Sum;
                    self.write_grouped(term, parens);
                }
            }
        }
    }

    /// Writes a product; `flip_sign` writes the leading coefficient without
    /// its minus sign (the caller has written it as a subtraction).
    fn write_product(&mut self, factors: &[Id], flip_sign: bool) {
        let times = match self.notation {
            Notation::Ascii => "*",
            Notation::Unicode => "·",
            Notation::Latex => " \\cdot ",
        };
        for (k, &f) in factors.iter().enumerate() {
            if k == 0 {
                if let Some(c) = self.graph.as_number(f) {
                    let c = if flip_sign { -c } else { c };
                    let unit = (c == 1.0 || c == -1.0) && !self.ascii() && factors.len() > 1;
                    if unit {
                        if c < 0.0 {
                            self.out.push_str(self.minus());
                        }
                        continue;
                    }
                    match (c, self.notation) {
                        (0.5, Notation::Unicode) => self.out.push('½'),
                        (0.5, Notation::Latex) => self.out.push_str("\\frac{1}{2}"),
                        _ => self.write_number(c),
                    }
                    self.out.push_str(times);
                    continue;
                }
                let parens = match self.node(f) {
                    _ if self.name_of(f).is_some() => false,
                    Node::Add(_) => true,
                    Node::Neg(_) => false,
                    _ => self.prec(f) < Prec::Product,
                };
                self.write_grouped(f, parens);
            } else {
                if k > 1 || self.graph.as_number(factors[0]).is_none() {
                    self.out.push_str(times);
                }
                let parens = match self.node(f) {
                    _ if self.name_of(f).is_some() => false,
                    Node::Div(_) if self.notation == Notation::Latex => false,
                    // (a·b)·c reads as a·b·c; only the ASCII form keeps the
                    // grouping, so that it parses back to the same node.
                    Node::Mul(xs)
                        if self.notation != Notation::Ascii && !self.is_negative_number(xs[0]) =>
                    {
                        false
                    }
                    _ => self.prec(f) < Prec::Power,
                };
                self.write_grouped(f, parens);
            }
        }
    }

    fn write_quotient(&mut self, a: Id, b: Id) {
        if self.notation == Notation::Latex {
            self.out.push_str("\\frac{");
            self.write(a);
            self.out.push_str("}{");
            self.write(b);
            self.out.push('}');
            return;
        }
        let parens = self.prec(a) <= Prec::Sum;
        self.write_grouped(a, parens);
        self.out.push('/');
        let parens = self.prec(b) < Prec::Power;
        self.write_grouped(b, parens);
    }

    fn write_power(&mut self, base: Id, exponent: Id) {
        // √x² would read as √(x²): a square root raised to a power is
        // written (√x)².
        let root = self.notation == Notation::Unicode
            && self.name_of(base).is_none()
            && matches!(self.node(base), Node::Call(Func::Sqrt, _));
        let base_parens = self.prec(base) < Prec::Atom || root;
        if self.notation == Notation::Latex {
            self.write_grouped(base, base_parens);
            self.out.push_str("^{");
            self.write(exponent);
            self.out.push('}');
            return;
        }
        if self.notation == Notation::Unicode {
            if let Some(text) = self.graph.as_number(exponent).and_then(superscript) {
                self.write_grouped(base, base_parens);
                self.out.push_str(&text);
                return;
            }
        }
        self.write_grouped(base, base_parens);
        self.out.push('^');
        let parens = match self.node(exponent) {
            _ if self.name_of(exponent).is_some() => false,
            Node::Pow(_) => false,
            // x^−π/x would read as (x^−π)/x: the Unicode minus leaves a
            // product or quotient unbracketed, so the exponent takes them.
            Node::Neg(a) => !self.ascii() && self.prec(*a) == Prec::Product,
            _ => self.prec(exponent) < Prec::Prefix,
        };
        self.write_grouped(exponent, parens);
    }

    fn write_call(&mut self, f: Func, a: Id) {
        match self.notation {
            Notation::Ascii => {
                self.out.push_str(f.name());
                self.out.push('(');
                self.write(a);
                self.out.push(')');
            }
            Notation::Unicode => match f {
                Func::Sqrt => {
                    self.out.push('√');
                    let parens = self.prec(a) < Prec::Atom
                        || matches!(self.node(a), Node::Call(..) | Node::LogSumExp(_));
                    self.write_grouped(a, parens);
                }
                Func::Abs => {
                    self.out.push('|');
                    self.write(a);
                    self.out.push('|');
                }
                _ => {
                    self.out.push_str(match f {
                        Func::Sigmoid => "σ",
                        other => other.name(),
                    });
                    self.out.push('(');
                    self.write(a);
                    self.out.push(')');
                }
            },
            Notation::Latex => match f {
                Func::Sqrt => {
                    self.out.push_str("\\sqrt{");
                    self.write(a);
                    self.out.push('}');
                }
                Func::Abs => {
                    self.out.push_str("\\left|");
                    self.write(a);
                    self.out.push_str("\\right|");
                }
                _ => {
                    self.out.push_str(match f {
                        Func::Sin => "\\sin",
                        Func::Cos => "\\cos",
                        Func::Tan => "\\tan",
                        Func::Exp => "\\exp",
                        Func::Ln => "\\ln",
                        Func::Tanh => "\\tanh",
                        Func::Sigmoid => "\\sigma",
                        Func::Relu => "\\operatorname{ReLU}",
                        Func::Step => "\\operatorname{step}",
                        Func::Sign => "\\operatorname{sign}",
                        Func::Softplus => "\\operatorname{softplus}",
                        Func::Silu => "\\operatorname{SiLU}",
                        Func::LeakyRelu => "\\operatorname{LeakyReLU}",
                        Func::Elu => "\\operatorname{ELU}",
                        Func::Gelu => "\\operatorname{GELU}",
                        Func::Erf => "\\operatorname{erf}",
                        Func::Erfc => "\\operatorname{erfc}",
                        Func::Log10 => "\\log_{10}",
                        Func::Log2 => "\\log_{2}",
                        Func::Sqrt | Func::Abs => "",
                    });
                    self.open();
                    self.write(a);
                    self.close();
                }
            },
        }
    }
}

/// Superscript digits for a whole exponent between −99 and 99: x², x⁻¹.
fn superscript(exponent: f64) -> Option<String> {
    if exponent.fract() != 0.0 || exponent.abs() > 99.0 {
        return None;
    }
    let text = format!("{}", exponent as i64);
    Some(
        text.chars()
            .map(|c| match c {
                '-' => '⁻',
                '0' => '⁰',
                '1' => '¹',
                '2' => '²',
                '3' => '³',
                '4' => '⁴',
                '5' => '⁵',
                '6' => '⁶',
                '7' => '⁷',
                '8' => '⁸',
                _ => '⁹',
            })
            .collect(),
    )
}

const GREEK: [&str; 24] = [
    "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa",
    "lambda", "mu", "nu", "xi", "pi", "rho", "sigma", "tau", "upsilon", "phi", "chi", "psi",
    "omega", "Delta",
];

/// A variable name as LaTeX: `w1` → `w_{1}`, `x_2` → `x_{2}`, `net_h1` →
/// `\mathrm{net}_{h1}`, `theta` → `\theta`, `apple` → `\mathrm{apple}`.
pub fn latex_name(name: &str) -> String {
    let (stem, subscript) = match name.split_once('_') {
        Some((stem, sub)) if !stem.is_empty() && !sub.is_empty() => (stem, Some(sub.to_string())),
        _ => {
            let stem_len = name.trim_end_matches(|c: char| c.is_ascii_digit()).len();
            if stem_len > 0 && stem_len < name.len() {
                (&name[..stem_len], Some(name[stem_len..].to_string()))
            } else {
                (name, None)
            }
        }
    };
    let stem_tex = if GREEK.contains(&stem) {
        format!("\\{stem}")
    } else if stem.len() == 1 {
        stem.to_string()
    } else {
        format!("\\mathrm{{{}}}", stem.replace('_', "\\_"))
    };
    match subscript {
        Some(sub) => format!("{stem_tex}_{{{}}}", escape_subscript(&sub)),
        None => stem_tex,
    }
}

fn escape_subscript(sub: &str) -> String {
    let plain = sub.replace('_', ",");
    if plain.chars().all(|c| c.is_ascii_digit()) || plain.len() == 1 {
        plain
    } else {
        format!("\\mathrm{{{plain}}}")
    }
}

/// `v` in at most 12 significant digits when they give back `v`
/// (2.5e+12, 0.1), else every digit it takes (2499999999999): a formula
/// printed for people still reads back to its own value.
fn readable_number(v: f64) -> String {
    // Most constants of a formula are small whole numbers: written as
    // they are, without rounding through 12 digits.
    if v.fract() == 0.0 && v.abs() < 1e12 {
        return format!("{}", v as i64);
    }
    // Shortest digits that fit in 12 are what rounding to 12 digits gives,
    // and they read back.
    if let Some(text) = Shortest::of(v).and_then(|s| s.laid_out(12)) {
        return text;
    }
    let short = format_significant(v, 12);
    match short.parse::<f64>() {
        Ok(read) if read == v => short,
        _ => format_exact(v),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::expr::parse::parse;

    /// A number as the general way writes it in each notation.
    fn generally(v: f64, notation: Notation) -> String {
        match notation {
            Notation::Ascii => format_exact(v),
            Notation::Unicode => readable_number(v).replace('-', "−"),
            Notation::Latex => match readable_number(v).split_once('e') {
                Some((mantissa, exp)) => {
                    let exp: i32 = exp.parse().expect("an exponent");
                    format!("{mantissa} \\times 10^{{{exp}}}")
                }
                None => readable_number(v),
            },
        }
    }

    #[test]
    fn whole_numbers_print_as_the_general_way_writes_them() {
        use rand::{RngExt, SeedableRng};
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(11);
        let mut wholes = vec![
            0.0,
            -0.0,
            1.0,
            -1.0,
            1e12 - 1.0,
            1e12,
            1e15,
            1e16 - 2.0,
            1e16,
        ];
        for _ in 0..5_000 {
            let digits = rng.random_range(0..17);
            let v = (rng.random_range(0.0..1.0) * 10f64.powi(digits)).trunc();
            wholes.push(if rng.random_range(0..2) == 0 { v } else { -v });
        }
        for v in wholes {
            let mut g = Graph::new();
            let Some(id) = g.try_num(v) else { continue };
            for notation in [Notation::Ascii, Notation::Unicode, Notation::Latex] {
                let printed = print(&g, id, notation);
                let node_value = match g.node(id) {
                    Node::Num(x) => x.value(),
                    _ => continue,
                };
                assert_eq!(
                    printed,
                    generally(node_value, notation),
                    "{v} in {notation:?}"
                );
            }
        }
    }

    #[test]
    fn numbers_keep_every_digit_their_value_needs() {
        assert_eq!(readable_number(2.5e12), "2.5e+12");
        assert_eq!(readable_number(2499999999999.0), "2499999999999");
        assert_eq!(readable_number(0.1), "0.1");
        // Whole numbers take the short way, to the same text as the long.
        let long = |v: f64| {
            let short = format_significant(v, 12);
            match short.parse::<f64>() {
                Ok(read) if read == v => short,
                _ => format_exact(v),
            }
        };
        for whole in [0.0, -0.0, 2.0, -3.0, 40.0, 999_999_999_999.0, 1e12, -1e15] {
            assert_eq!(readable_number(whole), long(whole), "{whole}");
        }
        // tan(2.5e12 − x − 1) folds its numbers to 2499999999999 − x; the
        // derivative printed in Unicode must read back to that argument.
        let mut g = Graph::new();
        let id = parse(&mut g, "tan(2.5e12 - x - 1)").expect("parses");
        let d = crate::calculus::derivative(&mut g, id, "x");
        let printed = unicode(&g, d);
        assert!(printed.contains("2499999999999"), "{printed}");
    }

    fn show(input: &str) -> (String, String, String) {
        let mut g = Graph::new();
        let e = parse(&mut g, input).unwrap();
        (ascii(&g, e), unicode(&g, e), latex(&g, e))
    }

    #[test]
    fn notations() {
        let cases = [
            (
                "x^2*sin(x)",
                "x^2*sin(x)",
                "x²·sin(x)",
                "x^{2} \\cdot \\sin\\left(x\\right)",
            ),
            (
                "2*x - 3*y",
                "2*x - 3*y",
                "2·x − 3·y",
                "2 \\cdot x - 3 \\cdot y",
            ),
            (
                "(y - sigmoid(w*x+b))^2/2",
                "(y - sigmoid(w*x + b))^2/2",
                "(y − σ(w·x + b))²/2",
                "\\frac{\\left(y - \\sigma\\left(w \\cdot x + b\\right)\\right)^{2}}{2}",
            ),
            ("-x^2", "-x^2", "−x²", "-x^{2}"),
            ("a/(b*c)", "a/(b*c)", "a/(b·c)", "\\frac{a}{b \\cdot c}"),
            ("a*(b/c)", "a*(b/c)", "a·(b/c)", "a \\cdot \\frac{b}{c}"),
            ("(a^b)^c", "(a^b)^c", "(a^b)^c", "\\left(a^{b}\\right)^{c}"),
            ("x^-1", "x^-1", "x⁻¹", "x^{-1}"),
            ("x^-(y/2)", "x^-(y/2)", "x^(−y/2)", "x^{-\\frac{y}{2}}"),
            ("sqrt(x+1)", "sqrt(x + 1)", "√(x + 1)", "\\sqrt{x + 1}"),
            ("sqrt(x)^2", "sqrt(x)^2", "(√x)²", "\\sqrt{x}^{2}"),
            (
                "net_h1 + w1 + pi",
                "net_h1 + w1 + pi",
                "net_h1 + w1 + π",
                "\\mathrm{net}_{\\mathrm{h1}} + w_{1} + \\pi",
            ),
        ];
        for (input, a, u, l) in cases {
            assert_eq!(
                show(input),
                (a.to_string(), u.to_string(), l.to_string()),
                "{input}"
            );
        }
    }

    #[test]
    fn ascii_round_trips() {
        for input in [
            "x - (y - z)",
            "-(-x)",
            "-(a*b)*c",
            "x^-y^2",
            "a/b/c",
            "a/(b/c)",
            "x - 1*y",
            "(-2)^x",
            "x*(-3)",
            "2^(x*y)",
            "-3*x/y",
            "1e-20*x + 1.5e300",
        ] {
            let mut g = Graph::new();
            let e = parse(&mut g, input).unwrap();
            let text = ascii(&g, e);
            let again = parse(&mut g, &text).unwrap();
            assert_eq!(e, again, "{input} printed as {text}");
        }
    }

    #[test]
    fn latex_names() {
        assert_eq!(latex_name("x"), "x");
        assert_eq!(latex_name("w12"), "w_{12}");
        assert_eq!(latex_name("x_2"), "x_{2}");
        assert_eq!(latex_name("theta"), "\\theta");
        assert_eq!(latex_name("apple"), "\\mathrm{apple}");
        assert_eq!(latex_name("E_total"), "E_{\\mathrm{total}}");
    }
}
