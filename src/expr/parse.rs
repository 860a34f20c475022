//! From typed text to a node of the graph.
//!
//! Parsing runs in three passes:
//! 1. `lex` checks limits and characters and cuts the input into tokens
//!    with byte spans, catching the typical mistakes (`**`, `3x`, `σ`, …)
//!    with a message of their own;
//! 2. `validate` walks the tokens with the same two-state grammar meval's
//!    tokenizer uses (an operand is expected, or an operator is), tracking
//!    parentheses and function arguments, so every malformed input is
//!    reported with a span before meval sees it;
//! 3. the well-formed tokens, joined without whitespace, go through meval's
//!    tokenizer and shunting-yard, and its reverse Polish notation is turned
//!    into graph nodes.
//!
//! Invariant: meval only ever receives text that `validate` accepted, so its
//! known panics (on whitespace-only input, for instance) cannot be reached.

use super::domain::{nowhere_defined, NowhereDefined, Restriction};
use super::graph::{Constant, Func, Graph, Id, Node, LOG_SUM_EXP};
use super::parse_error::{
    ascii_for, suggest_function, ParseError, ParseErrorKind, Side, UndefinedOperation,
    MAX_INPUT_LEN, MAX_PAREN_DEPTH, MAX_TREE_HEIGHT,
};
use super::print::unicode;
use meval::tokenizer::{Operation, Token as MevalToken};
use std::ops::Range;

/// Parses `input` into `graph`, returning the root of the expression.
pub fn parse(graph: &mut Graph, input: &str) -> Result<Id, ParseError> {
    parse_as(graph, input, true)
}

/// Parses keeping every `+` and `*` as the two-operand operation typed
/// (`apple*count*tax` is (apple·count)·tax), as a computation graph is
/// drawn; `parse` merges them into one sum or product.
pub fn parse_binary(graph: &mut Graph, input: &str) -> Result<Id, ParseError> {
    parse_as(graph, input, false)
}

fn parse_as(graph: &mut Graph, input: &str, flatten: bool) -> Result<Id, ParseError> {
    let (root, tokens) = parse_tokens(graph, input, flatten)?;
    // A constant expression is judged where it is evaluated, which names
    // the failing operation at its value.
    if graph.variables(root).is_empty() {
        return Ok(root);
    }
    if let Some(nowhere) = nowhere_defined(graph, root) {
        let span = span_of(graph, input, &tokens, nowhere.part, flatten);
        return Err(ParseError::new(
            ParseErrorKind::UndefinedEverywhere {
                operation: undefined_operation(graph, &nowhere),
                part: unicode(graph, nowhere.part),
            },
            span,
        ));
    }
    Ok(root)
}

/// Lexes, validates and builds, without judging where the result is
/// defined.
fn parse_tokens(
    graph: &mut Graph,
    input: &str,
    flatten: bool,
) -> Result<(Id, Vec<Token>), ParseError> {
    let tokens = lex(input)?;
    validate(&tokens, input)?;
    let root = build_from_rpn(graph, &tokens, flatten)?;
    let height = graph.height(root);
    if height > MAX_TREE_HEIGHT {
        return Err(ParseError::new(
            ParseErrorKind::TooTall { height },
            0..input.len(),
        ));
    }
    Ok((root, tokens))
}

/// Which operation an expression undefined everywhere cannot do.
fn undefined_operation(graph: &Graph, nowhere: &NowhereDefined) -> UndefinedOperation {
    match graph.node(nowhere.operation) {
        Node::Div(_) => UndefinedOperation::Division,
        Node::Call(Func::Ln, _) => UndefinedOperation::Logarithm,
        Node::Call(Func::Sqrt, _) => UndefinedOperation::SquareRoot,
        Node::Call(_, _) => UndefinedOperation::Tangent,
        _ => match nowhere.restriction {
            Restriction::NonZero(_) => UndefinedOperation::NegativePower,
            _ => UndefinedOperation::FractionalPower,
        },
    }
}

/// The span of the input that reads as `part`: a single token, or the
/// inside of a pair of parentheses; the whole input when none does.
fn span_of(
    graph: &mut Graph,
    input: &str,
    tokens: &[Token],
    part: Id,
    flatten: bool,
) -> Range<usize> {
    let mut candidates: Vec<Range<usize>> = tokens
        .iter()
        .filter(|t| matches!(t.kind, Kind::Number(_) | Kind::Name(_)))
        .map(|t| t.span.clone())
        .collect();
    let mut open: Vec<usize> = Vec::new();
    for t in tokens {
        match t.kind {
            Kind::Open | Kind::Call(_) => open.push(t.span.end),
            Kind::Close => {
                if let Some(start) = open.pop() {
                    candidates.push(start..t.span.start);
                }
            }
            _ => {}
        }
    }
    // The shortest reading wins; among equals the last, as the part that
    // fails is usually what follows the operation (x*0/0 divides by the
    // second 0).
    candidates.sort_by_key(|r| (r.len(), std::cmp::Reverse(r.start)));
    for range in candidates {
        let Some(text) = input.get(range.clone()) else {
            continue;
        };
        if let Ok((id, _)) = parse_tokens(graph, text, flatten) {
            if id == part {
                return range;
            }
        }
    }
    0..input.len()
}

#[derive(Debug, Clone, PartialEq)]
enum Kind {
    Number(f64),
    Name(String),
    /// A name followed by `(`; the span runs from the name to the `(`.
    Call(String),
    Op(char),
    Open,
    Close,
    Comma,
}

#[derive(Debug, Clone)]
struct Token {
    kind: Kind,
    span: Range<usize>,
}

impl Token {
    /// The token as meval's tokenizer expects to read it.
    fn text(&self) -> String {
        match &self.kind {
            Kind::Number(_) | Kind::Name(_) => String::new(),
            Kind::Call(name) => format!("{name}("),
            Kind::Op(c) => c.to_string(),
            Kind::Open => "(".into(),
            Kind::Close => ")".into(),
            Kind::Comma => ",".into(),
        }
    }
}

fn err(kind: ParseErrorKind, span: Range<usize>) -> ParseError {
    ParseError::new(kind, span)
}

fn lex(input: &str) -> Result<Vec<Token>, ParseError> {
    if input.trim().is_empty() {
        return Err(err(ParseErrorKind::Empty, 0..input.len()));
    }
    if input.len() > MAX_INPUT_LEN {
        return Err(err(
            ParseErrorKind::TooLong { len: input.len() },
            MAX_INPUT_LEN..input.len(),
        ));
    }
    if let Some((at, ch)) = input.char_indices().find(|(_, c)| !c.is_ascii()) {
        return Err(err(
            ParseErrorKind::NonAscii {
                ch,
                instead: ascii_for(ch),
            },
            at..at + ch.len_utf8(),
        ));
    }
    let bytes = input.as_bytes();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        let start = i;
        match c {
            b' ' | b'\t' | b'\r' | b'\n' => {
                i += 1;
                continue;
            }
            b'0'..=b'9' => {
                i = scan_number(bytes, i);
                let text = &input[start..i];
                let value: f64 = text
                    .parse()
                    .map_err(|_| err(ParseErrorKind::UnexpectedChar { ch: c as char }, start..i))?;
                if !value.is_finite() {
                    return Err(err(ParseErrorKind::NumberOutOfRange, start..i));
                }
                tokens.push(Token {
                    kind: Kind::Number(value),
                    span: start..i,
                });
            }
            b'.' => {
                let end = scan_number(bytes, i + 1).max(i + 1);
                let kind = if bytes.get(i + 1).is_some_and(u8::is_ascii_digit) {
                    ParseErrorKind::LeadingDot
                } else {
                    ParseErrorKind::UnexpectedChar { ch: '.' }
                };
                return Err(err(kind, start..end));
            }
            b'a'..=b'z' | b'A'..=b'Z' | b'_' => {
                while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                    i += 1;
                }
                let name = input[start..i].to_string();
                let mut j = i;
                while j < bytes.len() && bytes[j].is_ascii_whitespace() {
                    j += 1;
                }
                if bytes.get(j) == Some(&b'(') {
                    tokens.push(Token {
                        kind: Kind::Call(name),
                        span: start..j + 1,
                    });
                    i = j + 1;
                } else {
                    tokens.push(Token {
                        kind: Kind::Name(name),
                        span: start..i,
                    });
                }
            }
            b'*' if bytes.get(i + 1) == Some(&b'*') => {
                return Err(err(ParseErrorKind::DoubleStar, i..i + 2));
            }
            b'+' | b'-' | b'*' | b'/' | b'^' => {
                tokens.push(Token {
                    kind: Kind::Op(c as char),
                    span: i..i + 1,
                });
                i += 1;
            }
            b'(' | b')' | b',' => {
                let kind = match c {
                    b'(' => Kind::Open,
                    b')' => Kind::Close,
                    _ => Kind::Comma,
                };
                tokens.push(Token {
                    kind,
                    span: i..i + 1,
                });
                i += 1;
            }
            b'%' | b'!' | b'&' | b'|' | b'<' | b'>' => {
                return Err(err(
                    ParseErrorKind::UnsupportedOperator { op: c as char },
                    i..i + 1,
                ));
            }
            _ => {
                return Err(err(
                    ParseErrorKind::UnexpectedChar { ch: c as char },
                    i..i + 1,
                ));
            }
        }
    }
    Ok(tokens)
}

/// End of the number starting at `i`: digits, an optional fraction and an
/// optional exponent, exactly the numbers meval's tokenizer reads.
fn scan_number(bytes: &[u8], mut i: usize) -> usize {
    let digits = |i: &mut usize| {
        while *i < bytes.len() && bytes[*i].is_ascii_digit() {
            *i += 1;
        }
    };
    digits(&mut i);
    if bytes.get(i) == Some(&b'.') {
        i += 1;
        digits(&mut i);
    }
    if matches!(bytes.get(i), Some(b'e' | b'E')) {
        let mut j = i + 1;
        if matches!(bytes.get(j), Some(b'+' | b'-')) {
            j += 1;
        }
        if bytes.get(j).is_some_and(u8::is_ascii_digit) {
            i = j;
            digits(&mut i);
        }
    }
    i
}

/// An open parenthesis being tracked by `validate`.
struct Open {
    span: Range<usize>,
    /// `Some((name, arguments so far))` for a function call.
    call: Option<(String, usize)>,
}

fn describe(token: &Token, input: &str) -> String {
    match &token.kind {
        Kind::Call(name) => format!("{name}(…)"),
        Kind::Open => "(…)".into(),
        _ => input[token.span.clone()].to_string(),
    }
}

/// A group's text for a message, cut short when long.
fn shorten(text: &str) -> String {
    if text.chars().count() <= 12 {
        text.to_string()
    } else {
        "(…)".to_string()
    }
}

fn validate(tokens: &[Token], input: &str) -> Result<(), ParseError> {
    let mut grammar = Grammar {
        tokens,
        input,
        expect_operand: true,
        stack: Vec::new(),
        group_start: 0,
    };
    for index in 0..tokens.len() {
        if grammar.expect_operand {
            grammar.operand(index)?;
        } else {
            grammar.after_operand(index)?;
        }
    }
    grammar.finish()
}

/// The two-state grammar's walk over the tokens.
struct Grammar<'t> {
    tokens: &'t [Token],
    input: &'t str,
    /// An operand is expected next (else an operator, `)` or `,`).
    expect_operand: bool,
    stack: Vec<Open>,
    /// Where the group closed last began: `(` or a function's name.
    group_start: usize,
}

impl Grammar<'_> {
    /// Token `index` where an operand is expected.
    fn operand(&mut self, index: usize) -> Result<(), ParseError> {
        let token = &self.tokens[index];
        let span = token.span.clone();
        let previous = index.checked_sub(1).map(|p| &self.tokens[p]);
        match &token.kind {
            Kind::Number(_) => self.expect_operand = false,
            Kind::Name(name) => {
                if Func::from_name(name).is_some() || name == LOG_SUM_EXP {
                    return Err(err(
                        ParseErrorKind::MissingCallParens { name: name.clone() },
                        span,
                    ));
                }
                self.expect_operand = false;
            }
            Kind::Call(name) => {
                check_function(name, span.start..span.start + name.len())?;
                push_open(&mut self.stack, span.end - 1..span.end, Some(name.clone()))?;
            }
            Kind::Open => push_open(&mut self.stack, span, None)?,
            Kind::Op('+' | '-') => {}
            Kind::Op(op) => {
                return Err(err(
                    ParseErrorKind::DanglingOperator {
                        op: *op,
                        side: Side::Left,
                    },
                    span,
                ))
            }
            Kind::Close => return Err(self.close_without_operand(previous, span)),
            Kind::Comma => {
                return Err(match previous.map(|p| &p.kind) {
                    Some(Kind::Op(op)) => err(
                        ParseErrorKind::DanglingOperator {
                            op: *op,
                            side: Side::Right,
                        },
                        previous.map_or(span.clone(), |p| p.span.clone()),
                    ),
                    _ => err(ParseErrorKind::MisplacedComma, span),
                })
            }
        }
        Ok(())
    }

    /// The error for a `)` where an operand was expected.
    fn close_without_operand(&self, previous: Option<&Token>, span: Range<usize>) -> ParseError {
        match previous.map(|p| &p.kind) {
            Some(Kind::Open) => err(
                ParseErrorKind::EmptyParens,
                previous.map_or(span.start, |p| p.span.start)..span.end,
            ),
            Some(Kind::Call(name)) => err(
                ParseErrorKind::WrongArity {
                    name: name.clone(),
                    found: 0,
                },
                previous.map_or(span.start, |p| p.span.start)..span.end,
            ),
            Some(Kind::Op(op)) => err(
                ParseErrorKind::DanglingOperator {
                    op: *op,
                    side: Side::Right,
                },
                previous.map_or(span.clone(), |p| p.span.clone()),
            ),
            _ if self.stack.is_empty() => err(ParseErrorKind::UnopenedParen, span),
            _ => err(ParseErrorKind::EmptyParens, span),
        }
    }

    /// Token `index` after an operand: an operator, `)` or `,`.
    fn after_operand(&mut self, index: usize) -> Result<(), ParseError> {
        let token = &self.tokens[index];
        let span = token.span.clone();
        match &token.kind {
            Kind::Op(_) => self.expect_operand = true,
            Kind::Close => self.close(span)?,
            Kind::Comma => match self.stack.last_mut() {
                Some(Open {
                    call: Some((_, commas)),
                    ..
                }) => {
                    *commas += 1;
                    self.expect_operand = true;
                }
                _ => return Err(err(ParseErrorKind::MisplacedComma, span)),
            },
            Kind::Number(_) | Kind::Name(_) | Kind::Call(_) | Kind::Open => {
                let previous = index.checked_sub(1).map(|p| &self.tokens[p]);
                let (left, start) = match previous {
                    Some(p) if p.kind == Kind::Close => (
                        shorten(&self.input[self.group_start..p.span.end]),
                        self.group_start,
                    ),
                    Some(p) => (describe(p, self.input), p.span.start),
                    None => (String::new(), span.start),
                };
                let right = describe(token, self.input);
                return Err(err(
                    ParseErrorKind::ImplicitMultiplication { left, right },
                    start..span.end,
                ));
            }
        }
        Ok(())
    }

    /// A `)` after an operand: closes a group or a call, whose arguments
    /// are counted.
    fn close(&mut self, span: Range<usize>) -> Result<(), ParseError> {
        match self.stack.pop() {
            None => Err(err(ParseErrorKind::UnopenedParen, span)),
            Some(Open {
                span: open_span,
                call: Some((name, commas)),
            }) => {
                let start = self.input[..open_span.start]
                    .rfind(name.as_str())
                    .unwrap_or(open_span.start);
                self.group_start = start;
                if commas != 0 && name != LOG_SUM_EXP {
                    return Err(err(
                        ParseErrorKind::WrongArity {
                            name,
                            found: commas + 1,
                        },
                        start..span.end,
                    ));
                }
                Ok(())
            }
            Some(open) => {
                self.group_start = open.span.start;
                Ok(())
            }
        }
    }

    /// The end of the input: nothing may be left open or dangling.
    fn finish(mut self) -> Result<(), ParseError> {
        if self.expect_operand {
            // Tokens exist (empty input was refused), so the last one is an
            // operator, an opening parenthesis or a comma.
            let last = &self.tokens[self.tokens.len() - 1];
            return Err(match &last.kind {
                Kind::Op(op) => err(
                    ParseErrorKind::DanglingOperator {
                        op: *op,
                        side: Side::Right,
                    },
                    last.span.clone(),
                ),
                _ => err(ParseErrorKind::UnclosedParen, last.span.clone()),
            });
        }
        if let Some(open) = self.stack.pop() {
            return Err(err(ParseErrorKind::UnclosedParen, open.span));
        }
        Ok(())
    }
}

fn push_open(
    stack: &mut Vec<Open>,
    span: Range<usize>,
    call: Option<String>,
) -> Result<(), ParseError> {
    if stack.len() >= MAX_PAREN_DEPTH {
        return Err(err(ParseErrorKind::TooDeeplyNested, span));
    }
    stack.push(Open {
        span,
        call: call.map(|name| (name, 0)),
    });
    Ok(())
}

fn check_function(name: &str, span: Range<usize>) -> Result<(), ParseError> {
    if Func::from_name(name).is_some() || name == LOG_SUM_EXP {
        return Ok(());
    }
    Err(err(
        ParseErrorKind::UnknownFunction {
            name: name.to_string(),
            suggestion: suggest_function(name),
        },
        span,
    ))
}

/// Hands the validated tokens to meval's tokenizer and shunting-yard and
/// builds graph nodes from its reverse Polish notation.
fn build_from_rpn(graph: &mut Graph, tokens: &[Token], flatten: bool) -> Result<Id, ParseError> {
    let whole = tokens.first().map_or(0, |t| t.span.start)..tokens.last().map_or(0, |t| t.span.end);
    let internal = || err(ParseErrorKind::Unreadable, whole.clone());
    // Numbers and names are passed by their exact spelling: meval reads the
    // same digits, so the values agree bit for bit.
    let mut text = String::new();
    for (i, token) in tokens.iter().enumerate() {
        match &token.kind {
            Kind::Number(v) => {
                if i > 0 && matches!(tokens[i - 1].kind, Kind::Number(_) | Kind::Name(_)) {
                    return Err(internal());
                }
                text.push_str(&format_exact(*v));
            }
            Kind::Name(name) => text.push_str(name),
            _ => text.push_str(&token.text()),
        }
    }
    let meval_tokens = meval::tokenizer::tokenize(&text).map_err(|_| internal())?;
    let rpn = meval::shunting_yard::to_rpn(&meval_tokens).map_err(|_| internal())?;
    let mut stack: Vec<Id> = Vec::new();
    for token in rpn {
        let id = match token {
            MevalToken::Number(v) => graph.try_num(v).ok_or_else(internal)?,
            MevalToken::Var(name) => match name.as_str() {
                "e" => graph.constant(Constant::E),
                "pi" => graph.constant(Constant::Pi),
                _ => graph.var(&name),
            },
            MevalToken::Unary(op) => {
                let a = stack.pop().ok_or_else(internal)?;
                match op {
                    Operation::Minus => graph.negate_literal(a),
                    _ => a,
                }
            }
            MevalToken::Binary(op) => {
                let b = stack.pop().ok_or_else(internal)?;
                let a = stack.pop().ok_or_else(internal)?;
                match op {
                    Operation::Plus => flat(graph, a, b, true, flatten),
                    Operation::Minus => {
                        let minus_b = graph.negate_literal(b);
                        flat(graph, a, minus_b, true, flatten)
                    }
                    Operation::Times => flat(graph, a, b, false, flatten),
                    Operation::Div => graph.intern(Node::Div([a, b])),
                    Operation::Pow => graph.intern(Node::Pow([a, b])),
                    Operation::Rem => return Err(internal()),
                }
            }
            MevalToken::Func(name, Some(n)) if name == LOG_SUM_EXP => {
                if n == 0 || n > stack.len() {
                    return Err(internal());
                }
                let args = stack.split_off(stack.len() - n);
                graph.intern(Node::LogSumExp(args.into()))
            }
            MevalToken::Func(name, Some(1)) => {
                let a = stack.pop().ok_or_else(internal)?;
                let f = Func::from_name(&name).ok_or_else(internal)?;
                graph.intern(Node::Call(f, a))
            }
            _ => return Err(internal()),
        };
        stack.push(id);
    }
    match stack.as_slice() {
        [root] => Ok(*root),
        _ => Err(internal()),
    }
}

/// `a + b` or `a · b` with operands of the same kind merged into one n-ary
/// node, so `a+b+c` is one sum of three terms.
fn flat(graph: &mut Graph, a: Id, b: Id, is_sum: bool, flatten: bool) -> Id {
    let mut items = Vec::new();
    for x in [a, b] {
        match (graph.node(x), is_sum) {
            (Node::Add(xs), true) | (Node::Mul(xs), false) if flatten => {
                items.extend_from_slice(xs)
            }
            _ => items.push(x),
        }
    }
    graph.intern(if is_sum {
        Node::Add(items.into())
    } else {
        Node::Mul(items.into())
    })
}

/// The shortest decimal spelling of a finite `f64` that reads back to the
/// same value, in a form meval's tokenizer accepts.
pub fn format_exact(v: f64) -> String {
    let a = v.abs();
    if a != 0.0 && !(1e-5..1e16).contains(&a) {
        format!("{v:e}")
    } else {
        format!("{v}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind_of(input: &str) -> ParseErrorKind {
        let mut g = Graph::new();
        parse(&mut g, input).unwrap_err().kind
    }

    #[test]
    fn sums_and_products_are_flat() {
        let mut g = Graph::new();
        let e = parse(&mut g, "a+b+c").unwrap();
        assert!(matches!(g.node(e), Node::Add(xs) if xs.len() == 3));
        let e = parse(&mut g, "a*(b*c)").unwrap();
        assert!(matches!(g.node(e), Node::Mul(xs) if xs.len() == 3));
    }

    #[test]
    fn minus_binds_looser_than_power() {
        let mut g = Graph::new();
        let e = parse(&mut g, "-x^2").unwrap();
        assert!(matches!(g.node(e), Node::Neg(_)));
    }

    #[test]
    fn constants_and_alias() {
        let mut g = Graph::new();
        let e = parse(&mut g, "log(e)").unwrap();
        let c = g.constant(Constant::E);
        assert_eq!(g.node(e), &Node::Call(Func::Ln, c));
    }

    #[test]
    fn typical_mistakes() {
        assert_eq!(kind_of("   "), ParseErrorKind::Empty);
        assert_eq!(kind_of("x**2"), ParseErrorKind::DoubleStar);
        assert!(matches!(
            kind_of("3x"),
            ParseErrorKind::ImplicitMultiplication { .. }
        ));
        assert!(matches!(
            kind_of("2(x+1)"),
            ParseErrorKind::ImplicitMultiplication { .. }
        ));
        assert!(matches!(
            kind_of("σ(x)"),
            ParseErrorKind::NonAscii { ch: 'σ', .. }
        ));
        assert!(matches!(
            kind_of("sine(x)"),
            ParseErrorKind::UnknownFunction { .. }
        ));
        assert!(matches!(
            kind_of("x +"),
            ParseErrorKind::DanglingOperator { .. }
        ));
        assert_eq!(kind_of("(x"), ParseErrorKind::UnclosedParen);
        assert_eq!(kind_of("x)"), ParseErrorKind::UnopenedParen);
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let input = format!("{}x{}", "(".repeat(100_000), ")".repeat(100_000));
        assert!(matches!(kind_of(&input), ParseErrorKind::TooLong { .. }));
        let input = format!("{}x{}", "(".repeat(150), ")".repeat(150));
        assert_eq!(kind_of(&input), ParseErrorKind::TooDeeplyNested);
        let input = vec!["x"; 600].join("^");
        assert!(matches!(kind_of(&input), ParseErrorKind::TooTall { .. }));
    }

    #[test]
    fn exact_number_spelling_round_trips() {
        for v in [0.1, 1e-10, 123456789.0, 1.5e300, 2.0, 0.30000000000000004] {
            assert_eq!(format_exact(v).parse::<f64>().unwrap(), v);
        }
    }
}
