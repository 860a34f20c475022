//! The grammar check: every malformed input is reported with a span
//! before meval sees it.
//!
//! The check walks the plain tokens (after `notation` has read the
//! textbook forms) with the same two-state grammar meval's tokenizer uses
//! — an operand is expected, or an operator is — tracking parentheses,
//! bars and function arguments.
//!
//! Invariant: tokens this check accepts are well formed for meval's
//! tokenizer and shunting-yard: operands and operators alternate,
//! parentheses balance, and every function has the arguments it takes.

use super::graph::{Func, LOG_SUM_EXP};
use super::lex::{Kind, Token};
use super::parse_error::{suggest_function, ParseError, ParseErrorKind, Side, MAX_PAREN_DEPTH};
use std::ops::Range;

fn err(kind: ParseErrorKind, span: Range<usize>) -> ParseError {
    ParseError::new(kind, span)
}

/// An open parenthesis, call or bar being tracked.
struct Open {
    /// The `(` (or the bar) itself.
    span: Range<usize>,
    /// Where the group's text begins: the `(`, a function's name, a bar.
    start: usize,
    /// `Some((name, commas so far))` for a function call.
    call: Option<(String, usize)>,
    bar: bool,
}

/// The text of a token for a message.
fn describe(token: &Token, input: &str) -> String {
    match &token.kind {
        Kind::Call(name) => format!("{name}(…)"),
        Kind::Open => "(…)".into(),
        Kind::AbsOpen => "|…|".into(),
        _ => typed(token, input),
    }
}

/// The text typed for a token (`·` for a `*` typed so).
fn typed(token: &Token, input: &str) -> String {
    match input.get(token.span.clone()) {
        Some(text) if !text.is_empty() => text.to_string(),
        _ => token.plain(),
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

/// Checks the plain tokens of `input`.
pub(super) fn validate(tokens: &[Token], input: &str) -> Result<(), ParseError> {
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
    /// Where the group closed last began: `(`, a function's name, a bar.
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
                        ParseErrorKind::MissingCallParens {
                            name: typed(token, self.input),
                        },
                        span,
                    ));
                }
                self.expect_operand = false;
            }
            Kind::Call(name) => {
                check_function(name, span.start..span.start + name.len())?;
                let open = match self.input.get(span.clone()) {
                    Some(text) if text.ends_with('(') => span.end - 1..span.end,
                    _ => span.clone(),
                };
                self.push(open, span.start, Some(name.clone()), false)?;
            }
            Kind::Open => self.push(span.clone(), span.start, None, false)?,
            Kind::AbsOpen => self.push(span.clone(), span.start, None, true)?,
            Kind::Op('+' | '-') => {}
            Kind::Op(_) => {
                return Err(err(
                    ParseErrorKind::DanglingOperator {
                        op: typed(token, self.input),
                        side: Side::Left,
                    },
                    span,
                ))
            }
            Kind::Close | Kind::AbsClose => return Err(self.close_without_operand(previous, span)),
            Kind::Comma => {
                return Err(match previous.map(|p| &p.kind) {
                    Some(Kind::Op(_)) => err(
                        ParseErrorKind::DanglingOperator {
                            op: previous.map(|p| typed(p, self.input)).unwrap_or_default(),
                            side: Side::Right,
                        },
                        previous.map_or(span.clone(), |p| p.span.clone()),
                    ),
                    _ => err(ParseErrorKind::MisplacedComma, span),
                })
            }
            Kind::Bar | Kind::Root | Kind::Sigma | Kind::Superscript(_) => {
                return Err(err(ParseErrorKind::Unreadable, span))
            }
        }
        Ok(())
    }

    /// The error for a `)` where an operand was expected.
    fn close_without_operand(&self, previous: Option<&Token>, span: Range<usize>) -> ParseError {
        let from_previous = |kind| {
            err(
                kind,
                previous.map_or(span.start, |p| p.span.start)..span.end,
            )
        };
        match previous.map(|p| &p.kind) {
            Some(Kind::Open) => from_previous(ParseErrorKind::EmptyParens),
            Some(Kind::AbsOpen) => err(
                ParseErrorKind::UnclosedBar,
                previous.map_or(span.clone(), |p| p.span.clone()),
            ),
            Some(Kind::Call(name)) => from_previous(ParseErrorKind::WrongArity {
                name: name.clone(),
                found: 0,
            }),
            Some(Kind::Op(_)) => err(
                ParseErrorKind::DanglingOperator {
                    op: previous.map(|p| typed(p, self.input)).unwrap_or_default(),
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
            Kind::Close => self.close(span, false)?,
            Kind::AbsClose => self.close(span, true)?,
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
            Kind::Number(_) | Kind::Name(_) | Kind::Call(_) | Kind::Open | Kind::AbsOpen => {
                let previous = index.checked_sub(1).map(|p| &self.tokens[p]);
                let (left, start) = match previous {
                    Some(p) if matches!(p.kind, Kind::Close | Kind::AbsClose) => (
                        shorten(
                            self.input
                                .get(self.group_start..p.span.end)
                                .unwrap_or_default(),
                        ),
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
            Kind::Bar | Kind::Root | Kind::Sigma | Kind::Superscript(_) => {
                return Err(err(ParseErrorKind::Unreadable, span))
            }
        }
        Ok(())
    }

    /// A `)` (or a closing bar) after an operand: closes a group or a
    /// call, whose arguments are counted.
    fn close(&mut self, span: Range<usize>, bar: bool) -> Result<(), ParseError> {
        match self.stack.pop() {
            None => Err(err(ParseErrorKind::UnopenedParen, span)),
            Some(open) if open.bar != bar => Err(if open.bar {
                err(ParseErrorKind::UnclosedBar, open.span)
            } else {
                err(ParseErrorKind::UnclosedParen, open.span)
            }),
            Some(Open {
                start,
                call: Some((name, commas)),
                ..
            }) => {
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
                self.group_start = open.start;
                Ok(())
            }
        }
    }

    /// The end of the input: nothing may be left open or dangling.
    fn finish(mut self) -> Result<(), ParseError> {
        if self.expect_operand {
            // Tokens exist (empty input was refused), so the last one is an
            // operator, an opening parenthesis or bar, or a comma.
            let last = &self.tokens[self.tokens.len() - 1];
            return Err(match &last.kind {
                Kind::Op(_) => err(
                    ParseErrorKind::DanglingOperator {
                        op: typed(last, self.input),
                        side: Side::Right,
                    },
                    last.span.clone(),
                ),
                Kind::AbsOpen => err(ParseErrorKind::UnclosedBar, last.span.clone()),
                _ => err(ParseErrorKind::UnclosedParen, last.span.clone()),
            });
        }
        if let Some(open) = self.stack.pop() {
            let kind = if open.bar {
                ParseErrorKind::UnclosedBar
            } else {
                ParseErrorKind::UnclosedParen
            };
            return Err(err(kind, open.span));
        }
        Ok(())
    }

    fn push(
        &mut self,
        span: Range<usize>,
        start: usize,
        call: Option<String>,
        bar: bool,
    ) -> Result<(), ParseError> {
        if self.stack.len() >= MAX_PAREN_DEPTH {
            return Err(err(ParseErrorKind::TooDeeplyNested, span));
        }
        self.stack.push(Open {
            span,
            start,
            call: call.map(|name| (name, 0)),
            bar,
        });
        self.expect_operand = true;
        Ok(())
    }
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
