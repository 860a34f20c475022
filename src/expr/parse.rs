//! From typed text to a node of the graph.
//!
//! Parsing runs in four passes:
//! 1. `lex` checks limits and characters and cuts the input into tokens
//!    with byte spans, knowing the symbols of printed mathematics (`·`,
//!    `²`, `√`, `π`, …);
//! 2. `notation` reads textbook notation into stepgrad's plain syntax —
//!    products without a sign, superscripts, bars, `sin x`, `sin²x` — and
//!    refuses what a textbook reader could take two ways (`1/2x`);
//! 3. `grammar` walks the plain tokens with the two-state grammar meval's
//!    tokenizer uses, so every malformed input is reported with a span
//!    before meval sees it;
//! 4. the well-formed tokens become meval's tokens — read from the tokens
//!    as its tokenizer reads their text joined without whitespace, or from
//!    that text by its tokenizer where the two could differ — and go
//!    through meval's shunting-yard, and its reverse Polish notation is
//!    turned into graph nodes.
//!
//! Invariant: meval only ever receives tokens or text that `grammar`
//! accepted, so its known panics (on whitespace-only input, for instance)
//! cannot be reached.

use super::domain::{nowhere_defined, NowhereDefined, Restriction};
use super::grammar::validate;
use super::graph::{Constant, Func, Graph, Id, Node, LOG_SUM_EXP};
use super::lex::{lex, Kind, Token};
use super::notation::{check_bars, plain_text, read};
use super::parse_error::{ParseError, ParseErrorKind, UndefinedOperation, MAX_TREE_HEIGHT};
use super::print::unicode;
use meval::tokenizer::{Operation, Token as MevalToken};
use std::ops::Range;

/// Parses `input` into `graph`, returning the root of the expression.
pub fn parse(graph: &mut Graph, input: &str) -> Result<Id, ParseError> {
    parse_as(graph, input, true).map(|parsed| parsed.root)
}

/// An expression parsed, and how it was written.
#[derive(Clone, Copy, Debug)]
pub struct Parsed {
    pub root: Id,
    /// Written in textbook notation (products without a sign, `·`, `²`,
    /// `sin x`, …) rather than stepgrad's plain syntax.
    pub textbook: bool,
}

/// `parse`, telling also whether the input was in textbook notation (so
/// that "read as …" need not read it again).
pub fn parse_noting_notation(graph: &mut Graph, input: &str) -> Result<Parsed, ParseError> {
    parse_as(graph, input, true)
}

/// Parses keeping every `+` and `*` as the two-operand operation typed
/// (`apple*count*tax` is (apple·count)·tax), as a computation graph is
/// drawn; `parse` merges them into one sum or product.
pub fn parse_binary(graph: &mut Graph, input: &str) -> Result<Id, ParseError> {
    parse_as(graph, input, false).map(|parsed| parsed.root)
}

fn parse_as(graph: &mut Graph, input: &str, flatten: bool) -> Result<Parsed, ParseError> {
    let (root, tokens, textbook) = parse_tokens(graph, input, flatten)?;
    let parsed = Parsed { root, textbook };
    // A constant expression is judged where it is evaluated, which names
    // the failing operation at its value.
    if !graph.has_variables(root) {
        return Ok(parsed);
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
    Ok(parsed)
}

/// Lexes, validates and builds, without judging where the result is
/// defined.
fn parse_tokens(
    graph: &mut Graph,
    input: &str,
    flatten: bool,
) -> Result<(Id, Vec<Token>, bool), ParseError> {
    let (tokens, textbook) = plain_tokens(input)?;
    let root = build_from_rpn(graph, &tokens, flatten)?;
    let height = graph.height(root);
    if height > MAX_TREE_HEIGHT {
        return Err(ParseError::new(
            ParseErrorKind::TooTall { height },
            0..input.len(),
        ));
    }
    Ok((root, tokens, textbook))
}

/// The input's tokens in plain syntax, checked by the grammar, and
/// whether it was written in textbook notation.
fn plain_tokens(input: &str) -> Result<(Vec<Token>, bool), ParseError> {
    let raw = lex(input)?;
    let read = read(&raw, input)?;
    validate(&read.tokens, input)?;
    check_bars(&raw, input, &read, |tokens| validate(tokens, input).is_ok())?;
    Ok((read.tokens, read.textbook))
}

/// Whether `input` is written in textbook notation (products without a
/// sign, `·`, `²`, `sin x`, …) rather than stepgrad's plain syntax; false
/// for text that does not parse.
pub(super) fn uses_textbook_notation(input: &str) -> bool {
    lex(input)
        .and_then(|raw| read(&raw, input))
        .is_ok_and(|read| read.textbook)
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
            Kind::Open | Kind::Call(_) | Kind::AbsOpen => open.push(t.span.end),
            Kind::Close | Kind::AbsClose => {
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
        if let Ok((id, _, _)) = parse_tokens(graph, text, flatten) {
            if id == part {
                return range;
            }
        }
    }
    0..input.len()
}

fn err(kind: ParseErrorKind, span: Range<usize>) -> ParseError {
    ParseError::new(kind, span)
}

/// Hands the validated tokens, as meval's tokens, to its shunting-yard and
/// builds graph nodes from its reverse Polish notation.
fn build_from_rpn(graph: &mut Graph, tokens: &[Token], flatten: bool) -> Result<Id, ParseError> {
    let whole = tokens.first().map_or(0, |t| t.span.start)..tokens.last().map_or(0, |t| t.span.end);
    let internal = || err(ParseErrorKind::Unreadable, whole.clone());
    // Numbers are passed by their exact spelling: meval reads the same
    // digits, so the values agree bit for bit.
    for pair in tokens.windows(2) {
        let operands = |t: &Token| matches!(t.kind, Kind::Number(_) | Kind::Name(_));
        if operands(&pair[0]) && operands(&pair[1]) {
            return Err(internal());
        }
    }
    let meval_tokens = match meval_tokens(tokens) {
        Some(read) => read.map_err(|()| internal())?,
        None => meval::tokenizer::tokenize(plain_text(tokens)).map_err(|_| internal())?,
    };
    let rpn = meval::shunting_yard::to_rpn(&meval_tokens).map_err(|_| internal())?;
    let mut stack: Vec<Operand> = Vec::new();
    for token in rpn {
        let operand = match token {
            MevalToken::Binary(op @ (Operation::Plus | Operation::Minus | Operation::Times)) => {
                let b = stack.pop().ok_or_else(internal)?;
                let a = stack.pop().ok_or_else(internal)?;
                let b = match op {
                    Operation::Minus => {
                        let b = b.node(graph);
                        Operand::Node(graph.negate_literal(b))
                    }
                    _ => b,
                };
                let is_sum = op != Operation::Times;
                match flatten {
                    true => Operand::gathered(graph, a, b, is_sum),
                    false => {
                        let items = [a.node(graph), b.node(graph)];
                        Operand::Node(graph.intern(n_ary(is_sum, items.into())))
                    }
                }
            }
            token => {
                let mut pop = || stack.pop().map(|o| o.node(graph)).ok_or_else(internal);
                Operand::Node(match token {
                    MevalToken::Number(v) => graph.try_num(v).ok_or_else(internal)?,
                    MevalToken::Var(name) => match name.as_str() {
                        "e" => graph.constant(Constant::E),
                        "pi" => graph.constant(Constant::Pi),
                        _ => graph.var(&name),
                    },
                    MevalToken::Unary(op) => {
                        let a = pop()?;
                        match op {
                            Operation::Minus => graph.negate_literal(a),
                            _ => a,
                        }
                    }
                    MevalToken::Binary(op) => {
                        let b = pop()?;
                        let a = pop()?;
                        match op {
                            Operation::Div => graph.intern(Node::Div([a, b])),
                            Operation::Pow => graph.intern(Node::Pow([a, b])),
                            _ => return Err(internal()),
                        }
                    }
                    MevalToken::Func(name, Some(n)) if name == LOG_SUM_EXP => {
                        if n == 0 || n > stack.len() {
                            return Err(internal());
                        }
                        let args: Vec<Id> = stack
                            .split_off(stack.len() - n)
                            .into_iter()
                            .map(|o| o.node(graph))
                            .collect();
                        graph.intern(Node::LogSumExp(args.into()))
                    }
                    MevalToken::Func(name, Some(1)) => {
                        let a = pop()?;
                        let f = Func::from_name(&name).ok_or_else(internal)?;
                        graph.intern(Node::Call(f, a))
                    }
                    _ => return Err(internal()),
                })
            }
        };
        stack.push(operand);
    }
    match stack.pop() {
        Some(root) if stack.is_empty() => Ok(root.node(graph)),
        _ => Err(internal()),
    }
}

/// The tokens meval's tokenizer makes of `plain_text(tokens)`, read from
/// the tokens themselves rather than from the text: `Err` where it would
/// fail. The same state machine — an operand expected (a sign is then
/// unary, a name before `(` a function) or an operator, `,` only directly
/// inside a function's parentheses. `None` when the text could read other
/// than token by token (a sign in a number's spelling, a name or number
/// that would run into the next token, a symbol not yet read into plain
/// syntax): the caller then tokenizes the text.
fn meval_tokens(tokens: &[Token]) -> Option<Result<Vec<MevalToken>, ()>> {
    let identifier = |name: &str| {
        let mut bytes = name.bytes();
        bytes
            .next()
            .is_some_and(|b| b.is_ascii_alphabetic() || b == b'_')
            && bytes.all(|b| b.is_ascii_alphanumeric() || b == b'_')
    };
    for (k, token) in tokens.iter().enumerate() {
        let glued = match &token.kind {
            Kind::Number(v) if v.is_finite() && !v.is_sign_negative() => true,
            Kind::Name(name) if identifier(name) => true,
            Kind::Call(name) if identifier(name) => false,
            Kind::Op(_)
            | Kind::Open
            | Kind::Close
            | Kind::Comma
            | Kind::AbsOpen
            | Kind::AbsClose => false,
            _ => return None,
        };
        let next = tokens.get(k + 1).map(|t| &t.kind);
        if glued
            && matches!(
                next,
                Some(Kind::Number(_) | Kind::Name(_) | Kind::Call(_) | Kind::AbsOpen)
            )
        {
            return None;
        }
    }
    let mut out = Vec::with_capacity(tokens.len());
    let mut operand_expected = true;
    // For each open parenthesis: whether it is a function's.
    let mut parens: Vec<bool> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let kind = &tokens[i].kind;
        let token = if operand_expected {
            match kind {
                Kind::Number(v) => {
                    operand_expected = false;
                    MevalToken::Number(*v)
                }
                Kind::Name(name)
                    if matches!(tokens.get(i + 1).map(|t| &t.kind), Some(Kind::Open)) =>
                {
                    i += 1;
                    parens.push(true);
                    MevalToken::Func(name.clone(), None)
                }
                Kind::Name(name) => {
                    operand_expected = false;
                    MevalToken::Var(name.clone())
                }
                Kind::Call(name) => {
                    parens.push(true);
                    MevalToken::Func(name.clone(), None)
                }
                Kind::AbsOpen => {
                    parens.push(true);
                    MevalToken::Func(Func::Abs.name().into(), None)
                }
                Kind::Op('+') => MevalToken::Unary(Operation::Plus),
                Kind::Op('-') => MevalToken::Unary(Operation::Minus),
                Kind::Open => {
                    parens.push(false);
                    MevalToken::LParen
                }
                _ => return Some(Err(())),
            }
        } else {
            match kind {
                Kind::Op(op) => {
                    operand_expected = true;
                    MevalToken::Binary(match op {
                        '+' => Operation::Plus,
                        '-' => Operation::Minus,
                        '*' => Operation::Times,
                        '/' => Operation::Div,
                        '^' => Operation::Pow,
                        _ => return Some(Err(())),
                    })
                }
                Kind::Close | Kind::AbsClose if parens.pop().is_some() => MevalToken::RParen,
                Kind::Comma if parens.last() == Some(&true) => {
                    operand_expected = true;
                    MevalToken::Comma
                }
                _ => return Some(Err(())),
            }
        };
        out.push(token);
        i += 1;
    }
    if operand_expected || !parens.is_empty() {
        return Some(Err(()));
    }
    Some(Ok(out))
}

/// An operand of the reverse Polish notation: a node, or a sum or product
/// still gathering its operands. `a+b+c` merges into one sum of three
/// terms (as does a sum inside parentheses); gathering the terms before
/// the node is made costs one node, where making each partial sum would
/// cost a node per term and copy the terms before it each time.
enum Operand {
    Node(Id),
    Gathering { is_sum: bool, items: Vec<Id> },
}

impl Operand {
    /// The node, made now if it was still gathering.
    fn node(self, graph: &mut Graph) -> Id {
        match self {
            Operand::Node(id) => id,
            Operand::Gathering { is_sum, items } => graph.intern(n_ary(is_sum, items.into())),
        }
    }

    /// `a + b` (or `a · b`), operands of the same kind merged into it.
    fn gathered(graph: &mut Graph, a: Operand, b: Operand, is_sum: bool) -> Operand {
        let mut items = Vec::new();
        for x in [a, b] {
            match x {
                Operand::Gathering {
                    is_sum: same,
                    items: more,
                } if same == is_sum => {
                    if items.is_empty() {
                        items = more;
                    } else {
                        items.extend(more);
                    }
                }
                other => {
                    let id = other.node(graph);
                    match (graph.node(id), is_sum) {
                        (Node::Add(xs), true) | (Node::Mul(xs), false) => {
                            items.extend_from_slice(xs)
                        }
                        _ => items.push(id),
                    }
                }
            }
        }
        Operand::Gathering { is_sum, items }
    }
}

fn n_ary(is_sum: bool, items: Box<[Id]>) -> Node {
    match is_sum {
        true => Node::Add(items),
        false => Node::Mul(items),
    }
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
        assert!(matches!(
            kind_of("x 2"),
            ParseErrorKind::ImplicitMultiplication { .. }
        ));
        assert!(matches!(kind_of("1/2x"), ParseErrorKind::Ambiguous(_)));
        assert!(matches!(
            kind_of("∂x"),
            ParseErrorKind::NonAscii { ch: '∂', .. }
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
        assert_eq!(kind_of("|x"), ParseErrorKind::UnclosedBar);
        assert_eq!(kind_of("x|"), ParseErrorKind::UnclosedBar);
        assert_eq!(kind_of("(x|)"), ParseErrorKind::UnclosedBar);
    }

    #[test]
    fn textbook_notation_reads_as_plain_syntax() {
        let mut g = Graph::new();
        for (textbook, plain) in [
            ("2x²sin x", "2*x^2*sin(x)"),
            ("(x+1)(x−1)", "(x+1)*(x-1)"),
            ("sin^2(x) + cos²x", "sin(x)^2 + cos(x)^2"),
            ("σ(w·x + b)", "sigmoid(w*x + b)"),
            ("||x| − 1|", "abs(abs(x) - 1)"),
            ("√(x+1)·π", "sqrt(x+1)*pi"),
            ("x**-1", "x^-1"),
        ] {
            let a = parse(&mut g, textbook).unwrap();
            let b = parse(&mut g, plain).unwrap();
            assert_eq!(a, b, "{textbook}");
        }
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
    fn tokens_reach_meval_as_its_tokenizer_reads_their_text() {
        let bench = include_str!("../../benches/data/large_derivatives.txt");
        let lines = bench
            .lines()
            .filter(|l| !l.starts_with('#'))
            .map(|l| l.split(';').next().unwrap_or(l));
        let tricky = [
            "x",
            "-x^2",
            "2^-x^2",
            "+x",
            "--x",
            "x*-y",
            "1e-7*x",
            "x/1e16",
            "x-1",
            "(x)",
            "((x))*(y)",
            "sin(x)",
            "f(x)",
            "e(x)",
            "logsumexp(a, b, c)",
            "abs(x, y)",
            "x, y",
            "(x, y)",
            "sin(x, y)",
            "x+",
            "*x",
            "x)",
            "(x",
            "()",
            "sin()",
            "x y",
            "2x",
            "x2 y",
            "|x| + |y|",
            "||x| − 1|",
            "√x",
            "σ(x)",
            "σx",
            "x²",
            "2x²sin x",
            "sin^2(x)",
            "(x+1)(x−1)",
            "αx + β",
            "πr²",
            "x**2",
            "2·x",
            "e^x",
            "pi*e",
            "0.5*x",
            "x^0.25",
            "leaky_relu(x)",
            "x%2",
            "x^(1/2)",
            "exp(-(w*x + b))",
            "1/2*x",
            "½x",
        ];
        for input in lines.chain(tricky) {
            let Ok(read) = lex(input).and_then(|raw| read(&raw, input)) else {
                continue;
            };
            let Some(ours) = meval_tokens(&read.tokens) else {
                continue;
            };
            let theirs = meval::tokenizer::tokenize(plain_text(&read.tokens));
            match (ours, theirs) {
                (Ok(ours), Ok(theirs)) => assert_eq!(ours, theirs, "{input}"),
                (Err(()), Err(_)) => {}
                (ours, theirs) => panic!("{input}: {ours:?} against {theirs:?}"),
            }
        }
    }

    #[test]
    fn exact_number_spelling_round_trips() {
        for v in [0.1, 1e-10, 123456789.0, 1.5e300, 2.0, 0.30000000000000004] {
            assert_eq!(format_exact(v).parse::<f64>().unwrap(), v);
        }
    }
}
