//! What can be wrong with a typed expression, and where.
//!
//! Every parse error carries the byte span of the offending part of the
//! input; [`crate::diagnostic`] renders it with the input and a caret under
//! that span. Each variant knows its own message and hint, so the wording of
//! an error lives in one place.

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
    /// A character outside ASCII, such as σ or ², with the ASCII to write
    /// instead when there is an obvious one.
    NonAscii {
        ch: char,
        instead: Option<&'static str>,
    },
    /// A character that has no meaning in an expression.
    UnexpectedChar { ch: char },
    /// `**` for a power.
    DoubleStar,
    /// `%` or another operator stepgrad does not have.
    UnsupportedOperator { op: char },
    /// A `(` that is never closed.
    UnclosedParen,
    /// A `)` with no `(` to close.
    UnopenedParen,
    /// A name followed by `(` that is not a known function.
    UnknownFunction {
        name: String,
        suggestion: Option<&'static str>,
    },
    /// A known function called with the wrong number of arguments.
    WrongArity { name: String, found: usize },
    /// A function name used without parentheses, as in `sin x`.
    MissingCallParens { name: String },
    /// An operator with nothing on one side.
    DanglingOperator { op: char, side: Side },
    /// `()` with nothing inside.
    EmptyParens,
    /// A comma outside a function's argument list.
    MisplacedComma,
    /// Two operands side by side, such as `3x` or `2(x+1)`.
    ImplicitMultiplication { left: String, right: String },
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

impl ParseError {
    pub fn new(kind: ParseErrorKind, span: Range<usize>) -> ParseError {
        ParseError { kind, span }
    }

    /// One line saying what is wrong.
    pub fn message(&self) -> String {
        use ParseErrorKind::*;
        match &self.kind {
            Empty => "the expression is empty".into(),
            TooLong { len } => format!(
                "the expression is {len} characters long; the limit is {MAX_INPUT_LEN}"
            ),
            TooDeeplyNested => format!(
                "parentheses are nested more than {MAX_PAREN_DEPTH} levels deep"
            ),
            TooTall { height } => format!(
                "the expression nests {height} operations inside each other; the limit is {MAX_TREE_HEIGHT}"
            ),
            NonAscii { ch, .. } => format!("'{ch}' is not part of the expression syntax"),
            UnexpectedChar { ch } => format!("unexpected character '{ch}'"),
            DoubleStar => "'**' is not the power operator here".into(),
            UnsupportedOperator { op } => format!("the operator '{op}' is not supported"),
            UnclosedParen => "this '(' is never closed".into(),
            UnopenedParen => "this ')' has no matching '('".into(),
            UnknownFunction { name, .. } => format!("unknown function '{name}'"),
            WrongArity { name, found } => format!(
                "{name} takes {}, but {found} {} given",
                if name == crate::expr::graph::LOG_SUM_EXP { "one or more arguments" } else { "1 argument" },
                if *found == 1 { "was" } else { "were" }
            ),
            MissingCallParens { name } => {
                format!("the function {name} needs its argument in parentheses")
            }
            DanglingOperator { op, side: Side::Right } => {
                format!("the operator '{op}' has nothing on its right")
            }
            DanglingOperator { op, side: Side::Left } => {
                format!("the operator '{op}' has nothing on its left")
            }
            EmptyParens => "empty parentheses".into(),
            MisplacedComma => "a comma outside a function's arguments".into(),
            ImplicitMultiplication { left, right } => {
                format!("'{left}' and '{right}' stand side by side with no operator between them")
            }
            LeadingDot => "a number cannot start with '.'".into(),
            NumberOutOfRange => "this number is too large to represent".into(),
            UndefinedEverywhere { operation, part } if part.parse::<f64>().is_ok() || part.starts_with('−') => {
                use UndefinedOperation::*;
                let why = match operation {
                    Division | Tangent => format!("it divides by {part}"),
                    NegativePower => format!("it raises {part} to a negative power"),
                    Logarithm => format!("it takes ln of {part}, which is not positive"),
                    SquareRoot => format!("it takes sqrt of {part}, which is negative"),
                    FractionalPower => format!("it raises the negative number {part} to a fractional power"),
                };
                format!("the expression is undefined everywhere: {why}")
            }
            UndefinedEverywhere { operation, part } => {
                use UndefinedOperation::*;
                let why = match operation {
                    Division => format!("the denominator {part} is 0 for every value of the variables"),
                    NegativePower => format!("the base {part} is 0 for every value of the variables, and 0 has no negative powers"),
                    Logarithm => format!("ln needs a positive argument, and {part} is never positive"),
                    SquareRoot => format!("sqrt needs a non-negative argument, and {part} is always negative"),
                    FractionalPower => format!("the base {part} is always negative, and a negative number has no fractional powers"),
                    Tangent => format!("tan is undefined where the cosine is 0, and {part} is 0 for every value"),
                };
                format!("the expression is undefined everywhere: {why}")
            }
            Unreadable => "stepgrad could not read this expression".into(),
        }
    }

    /// How to fix it.
    pub fn hint(&self) -> Option<String> {
        use ParseErrorKind::*;
        let known = "sin, cos, tan, exp, ln (or log), sqrt, abs, tanh, sigmoid, relu, logsumexp";
        Some(match &self.kind {
            Empty => "type an expression such as x^2*sin(x)".into(),
            TooLong { .. } => format!(
                "split the problem into smaller expressions (one a line with --file), each under {MAX_INPUT_LEN} characters"
            ),
            TooDeeplyNested => format!(
                "remove redundant parentheses; at most {MAX_PAREN_DEPTH} levels are allowed"
            ),
            TooTall { .. } => format!(
                "write it in smaller pieces; at most {MAX_TREE_HEIGHT} nested operations are allowed"
            ),
            NonAscii { instead: Some(s), .. } => format!("write {s} instead"),
            NonAscii { instead: None, .. } => {
                "expressions use plain ASCII: letters, digits, + - * / ^ ( ) and function names".into()
            }
            UnexpectedChar { ch: '[' | ']' | '{' | '}' } => {
                "use round parentheses ( ) for grouping".into()
            }
            UnexpectedChar { ch: '=' } => {
                "an expression has no '='; to give values use --at x=1.5".into()
            }
            UnexpectedChar { .. } => {
                "expressions use letters, digits, + - * / ^ ( ) and function names".into()
            }
            DoubleStar => "write powers with ^, as in x^2".into(),
            UnsupportedOperator { .. } => "the operators are + - * / and ^".into(),
            UnclosedParen => "add a ')' to close it, or remove it".into(),
            UnopenedParen => "remove it, or add the '(' it should close".into(),
            UnknownFunction {
                suggestion: Some(s),
                ..
            } => format!("did you mean {s}? The functions are {known}"),
            UnknownFunction { name, .. } => format!(
                "to multiply, write {name}*(…); the functions are {known}"
            ),
            WrongArity { name, .. } if name == crate::expr::graph::LOG_SUM_EXP => {
                "write logsumexp(a, b, …) with at least one argument".to_string()
            }
            WrongArity { name, .. } => format!("write {name}(x) with one argument"),
            MissingCallParens { name } => format!("write {name}(x)"),
            DanglingOperator { .. } => "give the operator an operand on both sides".into(),
            EmptyParens => "put an expression between the parentheses, or remove them".into(),
            MisplacedComma => "commas only separate function arguments; use . for decimals".into(),
            ImplicitMultiplication { left, right } => {
                format!("multiplication needs '*': write {left}*{right}")
            }
            LeadingDot => "write a 0 before the point, as in 0.5".into(),
            NumberOutOfRange => "numbers must stay below about 1.8e308".into(),
            UndefinedEverywhere { part, .. } if part.parse::<f64>().is_ok() || part.starts_with('−') => {
                "this operation has no value for any input: remove it or correct the number".into()
            }
            UndefinedEverywhere { .. } => {
                "this part cancels to a constant: check for a term written twice with opposite signs, or a missing variable".into()
            }
            Unreadable => "this is a fault in stepgrad: please report the expression (see SECURITY.md)".into(),
        })
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for ParseError {}

/// The ASCII spelling for a few characters students paste from notes.
pub fn ascii_for(ch: char) -> Option<&'static str> {
    Some(match ch {
        'σ' => "sigmoid(…)",
        '²' => "^2",
        '³' => "^3",
        '¹' => "^1",
        '⁰' => "^0",
        '·' | '×' | '⋅' | '∙' => "*",
        '÷' => "/",
        '−' | '–' | '—' => "-",
        'π' => "pi",
        '√' => "sqrt(…)",
        'α' => "alpha",
        'β' => "beta",
        'γ' => "gamma",
        'δ' => "delta",
        'η' => "eta",
        'θ' => "theta",
        'λ' => "lambda",
        'μ' => "mu",
        'ε' => "eps",
        'ω' => "omega",
        '∂' => "a derivative with stepgrad diff",
        '\u{a0}' => "an ordinary space",
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
