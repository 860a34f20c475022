//! What can be wrong with a typed expression, and where.
//!
//! Every parse error carries the byte span of the offending part of the
//! input; [`crate::diagnostic`] renders it with the input and a caret under
//! that span. Each variant names its message and hint in the message
//! catalogue (locales/*/parse.ftl), so the wording of an error lives in
//! one place, in English and in Korean.

use crate::i18n::{message, Arg, Lang};
pub use crate::limits::{MAX_INPUT_LEN, MAX_PAREN_DEPTH, MAX_TREE_HEIGHT};
use std::fmt;
use std::ops::Range;

/// A parse error: what went wrong and the byte range of the input it
/// concerns.
#[derive(Debug, Clone, PartialEq)]
pub struct ParseError {
    pub kind: ParseErrorKind,
    pub span: Range<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ParseErrorKind {
    /// Nothing but whitespace.
    Empty,
    /// More than [`MAX_INPUT_LEN`] bytes.
    TooLong { len: usize },
    /// Parentheses nested deeper than [`MAX_PAREN_DEPTH`].
    TooDeeplyNested,
    /// An expression tree taller than [`MAX_TREE_HEIGHT`].
    TooTall { height: u32 },
    /// A character outside the syntax and its textbook symbols, such as ∂,
    /// with the ASCII to write instead when there is an obvious one.
    NonAscii {
        ch: char,
        instead: Option<&'static str>,
    },
    /// A character that has no meaning in an expression.
    UnexpectedChar { ch: char },
    /// A run of superscripts that is not a power: `⁻` alone, `²⁻¹`.
    BadSuperscript { text: String },
    /// `%` or another operator stepgrad does not have.
    UnsupportedOperator { op: char },
    /// A `(` that is never closed.
    UnclosedParen,
    /// A `)` with no `(` to close.
    UnopenedParen,
    /// A `|` that is never closed.
    UnclosedBar,
    /// A name followed by `(` that is not a known function.
    UnknownFunction {
        name: String,
        suggestion: Option<&'static str>,
    },
    /// A known function called with the wrong number of arguments.
    WrongArity { name: String, found: usize },
    /// A function name with no argument after it, as in `sin + x`.
    MissingCallParens { name: String },
    /// A name that begins with a function's name and a digit (`sin2x`).
    FunctionGlued { text: String, name: &'static str },
    /// `sin⁻¹`, which textbooks use for the inverse function.
    InverseFunction { name: String },
    /// A power on a function's name that is not a whole number of 1 or
    /// more (`sin^0.5 x`).
    FunctionPower { name: String, exponent: Box<str> },
    /// An operator with nothing on one side.
    DanglingOperator { op: String, side: Side },
    /// `()` with nothing inside.
    EmptyParens,
    /// A comma outside a function's argument list.
    MisplacedComma,
    /// Two operands side by side where no product is read, such as `x 2`.
    ImplicitMultiplication { left: String, right: String },
    /// Text a textbook reader could take two ways.
    Ambiguous(Box<Readings>),
    /// A number written `.5` rather than `0.5`.
    LeadingDot,
    /// A number whose value is not finite, such as 1e999.
    NumberOutOfRange,
    /// A part that no value of the variables can make valid: the
    /// `operation` (a division, ln, sqrt, a power) on `part`, which is
    /// always 0, or always negative.
    UndefinedEverywhere {
        operation: UndefinedOperation,
        part: String,
    },
    /// Input the checks above accepted but meval's parser refused: a fault
    /// in stepgrad, reported rather than hidden.
    Unreadable,
}

/// The two readings of an ambiguous text: `text` may mean `first` or
/// `second`, both written in plain syntax.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Readings {
    pub text: String,
    pub first: String,
    pub second: String,
    pub why: Ambiguity,
}

/// Why a text reads two ways.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ambiguity {
    /// A product without a sign after `/`: `1/2x`.
    Division,
    /// A product without a sign after a power's exponent: `e^2x`.
    Power,
    /// What follows a function's argument written without parentheses:
    /// `sin x/2`.
    Argument,
    /// What follows `√`'s atom: `√x²`, `√2x`.
    Root,
    /// A power of a superscript: `x²^3`.
    PowerOfPower,
    /// Bars that may close or open: `|a|b|c|`.
    Bars,
}

/// The operation an expression undefined everywhere cannot do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UndefinedOperation {
    /// Division by a denominator that is always 0.
    Division,
    /// A negative power of a base that is always 0.
    NegativePower,
    /// ln of something that is never positive.
    Logarithm,
    /// sqrt of something always negative.
    SquareRoot,
    /// A fractional power of a base that is always negative.
    FractionalPower,
    /// tan where the cosine is always 0.
    Tangent,
}

/// Which side of an operator is missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Left,
    Right,
}

/// A message id with its arguments.
type Text<'a> = (&'static str, Vec<(&'static str, Arg<'a>)>);

/// The functions a student can type, for hints: "sin, cos, …, ln (or
/// log), …, logsumexp".
fn known_functions(lang: Lang) -> String {
    use crate::expr::graph::{Func, LOG_SUM_EXP};
    Func::ALL
        .into_iter()
        .filter(|f| !matches!(f, Func::Step | Func::Sign))
        .map(|f| match f {
            Func::Ln => message(lang, "parse-ln-or-log", &[]),
            f => f.name().to_string(),
        })
        .chain([LOG_SUM_EXP.to_string()])
        .collect::<Vec<_>>()
        .join(", ")
}

impl ParseError {
    pub fn new(kind: ParseErrorKind, span: Range<usize>) -> ParseError {
        ParseError { kind, span }
    }

    /// One line saying what is wrong.
    pub fn message(&self, lang: Lang) -> String {
        let (id, args) = self.message_text();
        message(lang, id, &args)
    }

    /// How to fix it.
    pub fn hint(&self, lang: Lang) -> Option<String> {
        let (id, args) = self.hint_text(lang);
        Some(message(lang, id, &args))
    }

    fn message_text(&self) -> Text<'_> {
        use ParseErrorKind::*;
        let text = |s: &str| Arg::text(s.to_string());
        let count = |n: usize| Arg::text(n.to_string());
        match &self.kind {
            Empty => ("parse-empty", vec![]),
            TooLong { len } => (
                "parse-too-long",
                vec![("len", count(*len)), ("limit", count(MAX_INPUT_LEN))],
            ),
            TooDeeplyNested => ("parse-too-deep", vec![("limit", count(MAX_PAREN_DEPTH))]),
            TooTall { height } => (
                "parse-too-tall",
                vec![
                    ("height", Arg::text(height.to_string())),
                    ("limit", count(MAX_TREE_HEIGHT as usize)),
                ],
            ),
            NonAscii { ch, .. } => ("parse-not-syntax", vec![("char", text(&ch.to_string()))]),
            UnexpectedChar { ch } => (
                "parse-unexpected-char",
                vec![("char", text(&ch.to_string()))],
            ),
            BadSuperscript { text: t } => ("parse-bad-superscript", vec![("text", text(t))]),
            UnsupportedOperator { op } => (
                "parse-unsupported-operator",
                vec![("op", text(&op.to_string()))],
            ),
            UnclosedParen => ("parse-unclosed-paren", vec![]),
            UnopenedParen => ("parse-unopened-paren", vec![]),
            UnclosedBar => ("parse-unclosed-bar", vec![]),
            UnknownFunction { name, .. } => ("parse-unknown-function", vec![("name", text(name))]),
            // `found` is 0 (`sin()`) or 2 or more: one argument is right.
            WrongArity { name, found } => (
                if name == crate::expr::graph::LOG_SUM_EXP {
                    "parse-wrong-arity-many"
                } else {
                    "parse-wrong-arity"
                },
                vec![("name", text(name)), ("found", count(*found))],
            ),
            MissingCallParens { name } => ("parse-missing-argument", vec![("name", text(name))]),
            FunctionGlued { text: t, name } => (
                "parse-function-glued",
                vec![("text", text(t)), ("name", text(name))],
            ),
            InverseFunction { name } => ("parse-inverse-function", vec![("name", text(name))]),
            FunctionPower { name, exponent } => (
                "parse-function-power",
                vec![("name", text(name)), ("exponent", text(exponent))],
            ),
            DanglingOperator {
                op,
                side: Side::Right,
            } => ("parse-dangling-right", vec![("op", text(op))]),
            DanglingOperator {
                op,
                side: Side::Left,
            } => ("parse-dangling-left", vec![("op", text(op))]),
            EmptyParens => ("parse-empty-parens", vec![]),
            MisplacedComma => ("parse-misplaced-comma", vec![]),
            ImplicitMultiplication { left, right } => (
                "parse-side-by-side",
                vec![("left", text(left)), ("right", text(right))],
            ),
            Ambiguous(readings) => (
                "parse-ambiguous",
                vec![
                    ("text", text(&readings.text)),
                    ("first", text(&readings.first)),
                    ("second", text(&readings.second)),
                ],
            ),
            LeadingDot => ("parse-leading-dot", vec![]),
            NumberOutOfRange => ("parse-number-out-of-range", vec![]),
            UndefinedEverywhere { operation, part } => (
                undefined_message(*operation, is_number(part)),
                vec![("part", text(part))],
            ),
            Unreadable => ("parse-unreadable", vec![]),
        }
    }

    fn hint_text(&self, lang: Lang) -> Text<'_> {
        use ParseErrorKind::*;
        let text = |s: &str| Arg::text(s.to_string());
        let count = |n: usize| Arg::text(n.to_string());
        match &self.kind {
            Empty => ("parse-empty-hint", vec![]),
            TooLong { .. } => ("parse-too-long-hint", vec![("limit", count(MAX_INPUT_LEN))]),
            TooDeeplyNested => (
                "parse-too-deep-hint",
                vec![("limit", count(MAX_PAREN_DEPTH))],
            ),
            TooTall { .. } => (
                "parse-too-tall-hint",
                vec![("limit", count(MAX_TREE_HEIGHT as usize))],
            ),
            NonAscii {
                ch: '∂' | '′', ..
            } => ("parse-not-syntax-hint-derivative", vec![]),
            NonAscii {
                instead: Some(s), ..
            } => ("parse-not-syntax-hint-instead", vec![("instead", text(s))]),
            NonAscii { instead: None, .. } => ("parse-not-syntax-hint", vec![]),
            UnexpectedChar {
                ch: '[' | ']' | '{' | '}',
            } => ("parse-unexpected-char-hint-brackets", vec![]),
            UnexpectedChar { ch: '=' } => ("parse-unexpected-char-hint-equals", vec![]),
            UnexpectedChar { .. } => ("parse-unexpected-char-hint", vec![]),
            BadSuperscript { .. } => ("parse-bad-superscript-hint", vec![]),
            UnsupportedOperator { .. } => ("parse-unsupported-operator-hint", vec![]),
            UnclosedParen => ("parse-unclosed-paren-hint", vec![]),
            UnopenedParen => ("parse-unopened-paren-hint", vec![]),
            UnclosedBar => ("parse-unclosed-bar-hint", vec![]),
            UnknownFunction {
                suggestion: Some(s),
                ..
            } => (
                "parse-unknown-function-hint-suggestion",
                vec![
                    ("suggestion", text(s)),
                    ("functions", Arg::text(known_functions(lang))),
                ],
            ),
            UnknownFunction { name, .. } => (
                "parse-unknown-function-hint",
                vec![
                    ("name", text(name)),
                    ("functions", Arg::text(known_functions(lang))),
                ],
            ),
            WrongArity { name, .. } if name == crate::expr::graph::LOG_SUM_EXP => {
                ("parse-wrong-arity-many-hint", vec![])
            }
            WrongArity { name, .. } => ("parse-wrong-arity-hint", vec![("name", text(name))]),
            MissingCallParens { name } => {
                ("parse-missing-argument-hint", vec![("name", text(name))])
            }
            FunctionGlued { text: t, name } => (
                "parse-function-glued-hint",
                vec![
                    ("name", text(name)),
                    ("argument", text(t.get(name.len()..).unwrap_or_default())),
                ],
            ),
            InverseFunction { name } => ("parse-inverse-function-hint", vec![("name", text(name))]),
            FunctionPower { name, exponent } => (
                "parse-function-power-hint",
                vec![
                    ("name", text(name)),
                    ("exponent", text(exponent.trim_start_matches('^'))),
                ],
            ),
            DanglingOperator { .. } => ("parse-dangling-hint", vec![]),
            EmptyParens => ("parse-empty-parens-hint", vec![]),
            MisplacedComma => ("parse-misplaced-comma-hint", vec![]),
            ImplicitMultiplication { left, right } => (
                "parse-side-by-side-hint",
                vec![("left", text(left)), ("right", text(right))],
            ),
            Ambiguous(readings) => (
                match readings.why {
                    Ambiguity::Division => "parse-ambiguous-division-hint",
                    Ambiguity::Power => "parse-ambiguous-power-hint",
                    Ambiguity::Argument => "parse-ambiguous-argument-hint",
                    Ambiguity::Root => "parse-ambiguous-root-hint",
                    Ambiguity::PowerOfPower => "parse-ambiguous-power-of-power-hint",
                    Ambiguity::Bars => "parse-ambiguous-bars-hint",
                },
                vec![
                    ("first", text(&readings.first)),
                    ("second", text(&readings.second)),
                ],
            ),
            LeadingDot => ("parse-leading-dot-hint", vec![]),
            NumberOutOfRange => ("parse-number-out-of-range-hint", vec![]),
            UndefinedEverywhere { part, .. } if is_number(part) => {
                ("parse-undefined-number-hint", vec![])
            }
            UndefinedEverywhere { .. } => ("parse-undefined-hint", vec![]),
            Unreadable => ("parse-unreadable-hint", vec![]),
        }
    }
}

/// The part an expression undefined everywhere fails on is a number
/// (`0`, `−4`), not a part that cancels.
fn is_number(part: &str) -> bool {
    part.parse::<f64>().is_ok() || part.starts_with('−')
}

fn undefined_message(operation: UndefinedOperation, number: bool) -> &'static str {
    use UndefinedOperation::*;
    match (operation, number) {
        (Division | Tangent, true) => "parse-undefined-divides-by",
        (NegativePower, true) => "parse-undefined-negative-power-of",
        (Logarithm, true) => "parse-undefined-ln-of",
        (SquareRoot, true) => "parse-undefined-sqrt-of",
        (FractionalPower, true) => "parse-undefined-fractional-power-of",
        (Division, false) => "parse-undefined-denominator",
        (NegativePower, false) => "parse-undefined-zero-base",
        (Logarithm, false) => "parse-undefined-ln",
        (SquareRoot, false) => "parse-undefined-sqrt",
        (FractionalPower, false) => "parse-undefined-negative-base",
        (Tangent, false) => "parse-undefined-tan",
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for ParseError {}

/// The ASCII spelling for a few characters students paste from notes that
/// stepgrad does not read.
pub fn ascii_for(ch: char) -> Option<&'static str> {
    Some(match ch {
        '—' | '‐' | '‑' => "-",
        _ => return None,
    })
}

/// The known function closest to a mistyped name, if one is close.
pub fn suggest_function(name: &str) -> Option<&'static str> {
    let lower = name.to_ascii_lowercase();
    let aliases: &[(&str, &str)] = &[
        ("sine", "sin"),
        ("cosine", "cos"),
        ("tangent", "tan"),
        ("sig", "sigmoid"),
        ("logistic", "sigmoid"),
        ("sqr", "sqrt"),
        ("root", "sqrt"),
        ("log10", "ln"),
        ("log2", "ln"),
        ("exponential", "exp"),
        ("fabs", "abs"),
        ("max", "relu"),
    ];
    if let Some((_, to)) = aliases.iter().find(|(from, _)| *from == lower) {
        return Some(to);
    }
    closest_name(&lower, crate::expr::graph::Func::known_names())
}

/// The known name `word` is most likely a typo of: the fewest edits, at
/// most one per three letters of the name (so 'foo' suggests nothing).
/// Among equally close names, one with exactly `word`'s letters comes
/// first (so "tahn", one swap from tanh and one deletion from tan,
/// suggests tanh), then the earliest in `known`.
pub fn closest_name<'a>(word: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let letters = |text: &str| {
        let mut letters: Vec<char> = text.chars().collect();
        letters.sort_unstable();
        letters
    };
    let word_letters = letters(word);
    known
        .into_iter()
        .map(|name| (edit_distance(word, name), name))
        .filter(|&(d, name)| d <= (name.chars().count() / 3).max(1))
        .min_by_key(|&(d, name)| (d, letters(name) != word_letters))
        .map(|(_, name)| name)
}

/// Edit distance between two short strings: insertions, deletions,
/// substitutions and swaps of two neighbouring characters each count one
/// (the optimal string alignment distance), so "tahn" is one edit from
/// "tanh", as a typist would count it.
pub fn edit_distance(a: &str, b: &str) -> usize {
    strsim::osa_distance(a, b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions_for_typos() {
        assert_eq!(suggest_function("sine"), Some("sin"));
        assert_eq!(suggest_function("sigmod"), Some("sigmoid"));
        assert_eq!(suggest_function("tanhh"), Some("tanh"));
        assert_eq!(suggest_function("exq"), Some("exp"));
        assert_eq!(suggest_function("foo"), None);
        assert_eq!(suggest_function("x"), None);
        assert_eq!(suggest_function("tahn"), Some("tanh"));
        assert_eq!(suggest_function("sqtr"), Some("sqrt"));
        assert_eq!(suggest_function("sinn"), Some("sin"));
        assert_eq!(closest_name("adamm", ["adam", "adamw"]), Some("adam"));
        assert_eq!(closest_name("adamm", ["adamw", "adam"]), Some("adamw"));
    }

    #[test]
    fn edit_distance_counts_a_swap_as_one_edit() {
        assert_eq!(edit_distance("tahn", "tanh"), 1);
        assert_eq!(edit_distance("adma", "adam"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("abc", ""), 3);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("ca", "abc"), 3);
        assert_eq!(edit_distance("same", "same"), 0);
    }
}
