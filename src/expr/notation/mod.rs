//! Reading textbook notation: the lexer's tokens, as a student types them,
//! rewritten into stepgrad's plain syntax, which meval's shunting-yard
//! reads.
//!
//! The reader walks the tokens with the same two states as the grammar
//! check (an operand is expected, or an operator is) and a stack of open
//! groups, and writes plain tokens:
//! - a product written without a sign gets its `*`: `2x`, `3(x+1)`,
//!   `(x+1)(x-1)`, `2sin(x)`, `x(x+1)` for a one-letter name (a longer
//!   word before `(` is read as a function's name, so `foo(x)` is refused
//!   as an unknown function); the `*` binds as a typed `*` does, so `2x^2`
//!   is 2·x² and `-x^2` is −(x²);
//! - a superscript is a power of what it is written on: `x²` is `x^2`,
//!   `x⁻¹` is `x^(-1)`, `e^x²` is e^(x²);
//! - `|…|` is `abs(…)`: a bar where an operand is expected opens, a bar
//!   after an operand closes the innermost open bar, else opens
//!   (`x|y|`);
//! - `√` takes the one atom after it: `√x`, `√2`, `√(x+1)`, `√|x|`;
//! - a function's name before something other than `(` takes a term
//!   without parentheses, as textbooks write `sin x`: a number, then
//!   letters written right against it, each with its powers — `sin 2x` is
//!   sin(2x), `sin x²` is sin(x²), `sin 2πx` is sin(2πx), `ln |x|` is
//!   ln(|x|); the term ends at a space, a sign, a bracket or another
//!   function, so `sin x cos x` is sin(x)·cos(x);
//! - a whole power written on a function's name is a power of its value:
//!   `sin^2(x)`, `sin²x` are (sin x)²; `sin⁻¹` is refused, as textbooks
//!   mean the inverse function by it;
//! - `σ` before an argument (or before a power and `(`, as in `σ²(x)`) is
//!   the sigmoid, elsewhere the variable sigma (`σ²`, `σ·x`).
//!
//! Where a textbook reader could go two ways the reader refuses, naming
//! both readings: a product without a sign right after `/` (`1/2x`:
//! 1/(2*x) or (1/2)*x), or right after a power's exponent (`e^2x`), or
//! after a function's argument without parentheses (`sin x/2`, `sin x y`,
//! `sin x(x+1)`), or after `√`'s atom (`√x²`, `√2x`); a power of a
//! superscript (`x²^3`); a name that begins with a function's name and a
//! digit (`sin2x`); and bars that may close or open (`|a|b|c|`, checked by
//! reading the bar the other way). `read` reports the first such place.
//!
//! Invariant: for text in stepgrad's plain syntax the tokens come back
//! unchanged (and `textbook` is false), so every expression stepgrad
//! writes in ASCII reads as before; every synthetic token lies inside the
//! span of the text it stands for.

use super::graph::{Func, LOG_SUM_EXP};
use super::lex::{Kind, Superscript, Token};
use super::parse_error::{Ambiguity, ParseError, ParseErrorKind, Readings};
use crate::limits::{MAX_BAR_READINGS, MAX_SHOWN_READING as MAX_SHOWN};
use std::ops::Range;

/// The tokens in plain syntax, and whether any textbook notation was read.
pub(super) struct Read {
    pub tokens: Vec<Token>,
    pub textbook: bool,
    /// Bars read as closing right before an operand (`|a|b`), which
    /// might also open: `check_bars` reads them the other way.
    bar_choices: Vec<usize>,
}

/// Reads the lexer's tokens into plain syntax.
pub(super) fn read(raw: &[Token], input: &str) -> Result<Read, ParseError> {
    read_with(raw, input, None)
}

fn read_with(raw: &[Token], input: &str, force_open: Option<usize>) -> Result<Read, ParseError> {
    let mut reader = Reader {
        raw,
        input,
        out: Vec::with_capacity(raw.len() + 8),
        groups: vec![Group::new(GroupKind::Top, 0, 0, Vec::new())],
        expect_operand: true,
        after_caret: false,
        exponent_atom: false,
        operand_start: 0,
        caret: None,
        superscript: None,
        closed: None,
        pending: None,
        textbook: false,
        force_open,
        bar_choices: Vec::new(),
    };
    reader.run()?;
    Ok(Read {
        tokens: reader.out,
        textbook: reader.textbook,
        bar_choices: reader.bar_choices,
    })
}

/// Refuses bars that can be read two ways: each bar `read` closed right
/// before an operand is read as opening instead, and if that reading is
/// `valid` too, both are named.
pub(super) fn check_bars(
    raw: &[Token],
    input: &str,
    read: &Read,
    valid: impl Fn(&[Token]) -> bool,
) -> Result<(), ParseError> {
    for &bar in read.bar_choices.iter().take(MAX_BAR_READINGS) {
        let Ok(other) = read_with(raw, input, Some(bar)) else {
            continue;
        };
        if valid(&other.tokens) {
            return Err(ParseError::new(
                ParseErrorKind::Ambiguous(Box::new(Readings {
                    text: shown(input.trim()),
                    first: shown(&plain_text(&read.tokens)),
                    second: shown(&plain_text(&other.tokens)),
                    why: Ambiguity::Bars,
                })),
                raw[bar].span.clone(),
            ));
        }
    }
    Ok(())
}

/// Tokens written out in plain syntax, with no spaces.
pub(super) fn plain_text(tokens: &[Token]) -> String {
    tokens.iter().map(Token::plain).collect()
}

/// `text`, cut short with … when long.
fn shown(text: &str) -> String {
    if text.chars().count() <= MAX_SHOWN {
        return text.to_string();
    }
    let cut: String = text.chars().take(MAX_SHOWN - 1).collect();
    format!("{cut}…")
}

pub(super) fn is_function(name: &str) -> bool {
    Func::from_name(name).is_some() || name == LOG_SUM_EXP
}

/// The function a name begins with when a digit follows it (`sin2x`,
/// `ln2`), which a student means as the function's argument.
fn glued_function(name: &str) -> Option<&'static str> {
    if is_function(name) {
        return None;
    }
    Func::ALL
        .into_iter()
        .filter(|f| !matches!(f, Func::Step | Func::Sign))
        .map(Func::name)
        .chain(["log"])
        .filter(|f| {
            name.strip_prefix(f)
                .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
        })
        .max_by_key(|f| f.len())
}

/// A name that reads as one letter, maybe with a subscript (`x`, `w1`,
/// `x_2`, `α`, `δ_o1`), or a constant: before `(` it multiplies.
fn letter_like(typed: &str, name: &str) -> bool {
    if name == "pi" || name == "e" {
        return true;
    }
    let mut chars = typed.chars();
    let first = chars.next().is_some_and(char::is_alphabetic);
    let rest = chars.as_str();
    first && (rest.is_empty() || rest.starts_with('_') || rest.chars().all(|c| c.is_ascii_digit()))
}

#[derive(Debug)]
enum GroupKind {
    Top,
    /// `(…)`, or a function's `name(…)`.
    Paren,
    Bar,
    /// A function's argument written without parentheses; `power` is
    /// the power written on the name (`^2` of `sin²x`), for messages.
    Argument {
        name: String,
        power: String,
    },
    /// `√`'s atom.
    Root,
}

#[derive(Debug)]
struct Group {
    kind: GroupKind,
    /// Where the group begins in the output (the outer `(` of
    /// `(sin(x))^2`).
    opened_at: usize,
    /// Where its inside begins.
    content_start: usize,
    /// Where the current product chain (terms between + and -) began.
    chain_start: usize,
    /// The `/` of the current chain, when it is the last `*` or `/`.
    division: Option<usize>,
    /// Tokens written after the closing token (`)^2` of `(sin(x))^2`).
    then: Vec<Token>,
}

impl Group {
    fn new(kind: GroupKind, opened_at: usize, content_start: usize, then: Vec<Token>) -> Group {
        Group {
            kind,
            opened_at,
            content_start,
            chain_start: content_start,
            division: None,
            then,
        }
    }
}

/// An argument without parentheses (or `√`'s atom) that has just ended.
#[derive(Debug, Clone)]
struct Closed {
    root: bool,
    name: String,
    power: String,
    opened_at: usize,
    content: Range<usize>,
}

/// A place read two ways, waiting for the end of what follows it.
#[derive(Debug)]
struct Pending {
    /// The depth of the group it is in.
    level: usize,
    /// What follows ends at a product without a sign, too.
    stops_at_implicit: bool,
    kind: PendingKind,
}

#[derive(Debug)]
enum PendingKind {
    /// `l/r j`: the chain's start, the `/`, the inserted `*`.
    Division {
        chain_start: usize,
        slash: usize,
        star: usize,
    },
    /// `b^e j`: the base, the `^`, the inserted `*`.
    Power {
        base: usize,
        caret: usize,
        star: usize,
    },
    /// `f a` then the operator at `tail` (`/`, `^` or an inserted `*`).
    Argument { closed: Closed, tail: usize },
    /// `b²^r`: the base, the superscript's tokens, the `^`.
    PowerOfPower {
        base: usize,
        superscript: Range<usize>,
        caret: usize,
    },
}

struct Reader<'a> {
    raw: &'a [Token],
    input: &'a str,
    out: Vec<Token>,
    /// Open groups; the first is the whole expression.
    groups: Vec<Group>,
    expect_operand: bool,
    /// The next operand is a power's exponent (after `^` and any sign).
    after_caret: bool,
    /// The last operand was a number or name right after `^`.
    exponent_atom: bool,
    /// Where the last whole operand began: the base of a `^` that follows.
    operand_start: usize,
    /// The base and the `^` of the last power.
    caret: Option<(usize, usize)>,
    /// The last operand ends in a superscript: its base and its tokens.
    superscript: Option<(usize, Range<usize>)>,
    /// An argument without parentheses that ended right before the
    /// current token.
    closed: Option<Closed>,
    pending: Option<Pending>,
    textbook: bool,
    /// A bar read as opening whatever the context (the other reading).
    force_open: Option<usize>,
    bar_choices: Vec<usize>,
}

mod atoms;
#[cfg(test)]
mod tests;

impl Reader<'_> {
    fn run(&mut self) -> Result<(), ParseError> {
        let mut i = 0;
        while i < self.raw.len() {
            self.textbook |= self.raw[i].textbook;
            self.end_arguments(Some(i))?;
            let closed = self.closed.take();
            i = self.token(i, closed)?;
        }
        self.end_arguments(None)?;
        match self.pending.take() {
            Some(pending) => Err(self.ambiguity(pending)),
            None => Ok(()),
        }
    }

    fn emit(&mut self, kind: Kind, span: Range<usize>) -> usize {
        self.out.push(Token::new(kind, span));
        self.out.len() - 1
    }

    fn group(&self) -> &Group {
        // invariant: the first group (the whole expression) is never closed
        &self.groups[self.groups.len() - 1]
    }

    fn group_mut(&mut self) -> &mut Group {
        let last = self.groups.len() - 1;
        &mut self.groups[last]
    }

    /// The state after a whole operand (a group, a call) that began at
    /// `start`.
    fn after_operand(&mut self, start: usize) {
        self.operand_start = start;
        self.expect_operand = false;
        self.exponent_atom = false;
        self.after_caret = false;
        self.superscript = None;
    }

    /// One token; returns the index of the next one to read.
    fn token(&mut self, i: usize, closed: Option<Closed>) -> Result<usize, ParseError> {
        if matches!(
            self.raw[i].kind,
            Kind::Call(_) | Kind::AbsOpen | Kind::AbsClose
        ) {
            self.out.push(self.raw[i].clone());
            return Ok(i + 1);
        }
        let Token { kind, span, .. } = self.raw[i].clone();
        match kind {
            // A number after an operand is left for the grammar check
            // to refuse ("'x' and '2' stand side by side").
            Kind::Number(_) => {
                self.operand(kind, span);
                Ok(i + 1)
            }
            Kind::Name(name) if is_function(&name) => self.function(i, name, closed),
            Kind::Name(name) => self.variable(i, name, closed),
            Kind::Sigma if self.sigma_is_function(i) => self.function(i, "sigmoid".into(), closed),
            Kind::Sigma => self.variable(i, "sigma".into(), closed),
            Kind::Open => {
                self.juxtapose(i, closed, false)?;
                let at = self.out.len();
                self.open_group(GroupKind::Paren, Kind::Open, span, Vec::new(), at);
                Ok(i + 1)
            }
            Kind::Close => {
                self.close_group(Kind::Close, span)?;
                Ok(i + 1)
            }
            Kind::Comma => {
                let level = self.groups.len();
                self.chain_break(level, false)?;
                self.emit(Kind::Comma, span);
                let next = self.out.len();
                let group = self.group_mut();
                group.chain_start = next;
                group.division = None;
                self.expect_operand = true;
                self.after_caret = false;
                Ok(i + 1)
            }
            Kind::Op(op) => self.operator(i, op, closed),
            Kind::Bar => self.bar(i, closed),
            Kind::Root => self.root(i, closed),
            Kind::Superscript(s) => self.superscript(i, s, closed),
            // Pushed whole above.
            Kind::Call(_) | Kind::AbsOpen | Kind::AbsClose => Ok(i + 1),
        }
    }

    /// A number or a name.
    fn operand(&mut self, kind: Kind, span: Range<usize>) {
        let at = self.emit(kind, span);
        if self.expect_operand {
            self.operand_start = at;
        }
        self.exponent_atom = self.after_caret;
        self.after_caret = false;
        self.superscript = None;
        self.expect_operand = false;
    }

    fn open_group(
        &mut self,
        kind: GroupKind,
        token: Kind,
        span: Range<usize>,
        then: Vec<Token>,
        opened_at: usize,
    ) {
        self.emit(token, span);
        let content = self.out.len();
        self.groups.push(Group::new(kind, opened_at, content, then));
        self.expect_operand = true;
        self.after_caret = false;
        self.exponent_atom = false;
        self.superscript = None;
    }

    /// A `)` (or a closing bar): closes the innermost group.
    fn close_group(&mut self, token: Kind, span: Range<usize>) -> Result<(), ParseError> {
        if self.groups.len() <= 1 {
            // Nothing to close: the grammar check refuses it.
            let at = self.emit(token, span);
            self.after_operand(at);
            return Ok(());
        }
        let level = self.groups.len();
        self.chain_break(level, false)?;
        let Some(group) = self.groups.pop() else {
            return Ok(());
        };
        self.emit(token, span);
        self.out.extend(group.then);
        self.after_operand(group.opened_at);
        Ok(())
    }

    /// Closes the arguments without parentheses (and `√`'s atoms) that
    /// token `next` does not continue (all of them at the end).
    fn end_arguments(&mut self, next: Option<usize>) -> Result<(), ParseError> {
        loop {
            let continues = match self.groups.last().map(|g| &g.kind) {
                Some(GroupKind::Argument { .. }) => {
                    next.is_some_and(|i| self.continues_argument(i))
                }
                Some(GroupKind::Root) => next.is_some() && self.expect_operand,
                _ => return Ok(()),
            };
            if continues {
                return Ok(());
            }
            self.close_argument()?;
        }
    }

    /// Token `i` is still part of an argument without parentheses: the
    /// operand it waits for, a power, or a letter written right against
    /// the term (`sin 2x`).
    fn continues_argument(&self, i: usize) -> bool {
        if self.expect_operand {
            return true;
        }
        let token = &self.raw[i];
        match &token.kind {
            Kind::Op('^') | Kind::Superscript(_) => true,
            Kind::Name(name) => !token.spaced && !is_function(name),
            _ => false,
        }
    }

    fn close_argument(&mut self) -> Result<(), ParseError> {
        let level = self.groups.len();
        self.chain_break(level, false)?;
        let Some(group) = self.groups.pop() else {
            return Ok(());
        };
        let at = self.out.last().map_or(0, |t| t.span.end);
        let close = self.emit(Kind::Close, at..at);
        let (root, name, power) = match group.kind {
            GroupKind::Argument { name, power } => (false, name, power),
            _ => (true, "sqrt".to_string(), String::new()),
        };
        self.out.extend(group.then);
        self.closed = Some(Closed {
            root,
            name,
            power,
            opened_at: group.opened_at,
            content: group.content_start..close,
        });
        self.after_operand(group.opened_at);
        Ok(())
    }

    /// Before an operand that follows an operand: the `*` of a product
    /// written without a sign, unless the product may be read two ways.
    /// `fresh` says the operand begins with a function's name or `√`,
    /// which a textbook never reads into the argument before it.
    fn juxtapose(
        &mut self,
        i: usize,
        closed: Option<Closed>,
        fresh: bool,
    ) -> Result<(), ParseError> {
        if self.expect_operand {
            return Ok(());
        }
        let spaced = self.raw[i].spaced;
        let level = self.groups.len();
        self.chain_break(level, true)?;
        let star = self.out.len();
        if let Some(closed) = closed {
            if !fresh && (!closed.root || !spaced) {
                self.hold(PendingKind::Argument { closed, tail: star }, false);
            }
        }
        if self.exponent_atom && !spaced {
            if let Some((base, caret)) = self.caret {
                self.hold(PendingKind::Power { base, caret, star }, false);
            }
        }
        if let Some(slash) = self.group().division {
            let chain_start = self.group().chain_start;
            self.hold(
                PendingKind::Division {
                    chain_start,
                    slash,
                    star,
                },
                false,
            );
        }
        let at = self.raw[i].span.start;
        self.emit(Kind::Op('*'), at..at);
        self.textbook = true;
        self.expect_operand = true;
        self.exponent_atom = false;
        self.superscript = None;
        Ok(())
    }

    /// Keeps the first place read two ways.
    fn hold(&mut self, kind: PendingKind, stops_at_implicit: bool) {
        if self.pending.is_none() {
            self.pending = Some(Pending {
                level: self.groups.len(),
                stops_at_implicit,
                kind,
            });
        }
    }

    /// What followed a place read two ways ends here (an operator, a
    /// comma or the end of the group at `level`): the readings are
    /// complete, and the place is refused.
    fn chain_break(&mut self, level: usize, implicit: bool) -> Result<(), ParseError> {
        let ends = self
            .pending
            .as_ref()
            .is_some_and(|p| p.level == level && (!implicit || p.stops_at_implicit));
        match self.pending.take() {
            Some(pending) if ends => Err(self.ambiguity(pending)),
            other => {
                self.pending = other;
                Ok(())
            }
        }
    }

    fn text(&self, range: Range<usize>) -> String {
        self.out.get(range).map(plain_text).unwrap_or_default()
    }

    /// The input typed for the output tokens in `range`.
    fn input_span(&self, range: Range<usize>) -> Range<usize> {
        let tokens = self.out.get(range).unwrap_or_default();
        let start = tokens.iter().map(|t| t.span.start).min().unwrap_or(0);
        let end = tokens.iter().map(|t| t.span.end).max().unwrap_or(start);
        start..end
    }

    fn ambiguity(&self, pending: Pending) -> ParseError {
        let end = self.out.len();
        let (first, second, why, start) = match pending.kind {
            PendingKind::Division {
                chain_start,
                slash,
                star,
            } => {
                let (l, r, j) = (
                    self.text(chain_start..slash),
                    self.text(slash + 1..star),
                    self.text(star + 1..end),
                );
                (
                    format!("{l}/({r}*{j})"),
                    format!("({l}/{r})*{j}"),
                    Ambiguity::Division,
                    chain_start,
                )
            }
            PendingKind::Power { base, caret, star } => {
                let (b, e, j) = (
                    self.text(base..caret),
                    self.text(caret + 1..star),
                    self.text(star + 1..end),
                );
                (
                    format!("{b}^({e}*{j})"),
                    format!("({b}^{e})*{j}"),
                    Ambiguity::Power,
                    base,
                )
            }
            PendingKind::Argument { closed, tail } => {
                let (a, t) = (self.text(closed.content.clone()), self.text(tail..end));
                let (name, power) = (&closed.name, &closed.power);
                (
                    format!("{name}({a}{t}){power}"),
                    format!("{name}({a}){power}{t}"),
                    if closed.root {
                        Ambiguity::Root
                    } else {
                        Ambiguity::Argument
                    },
                    closed.opened_at,
                )
            }
            PendingKind::PowerOfPower {
                base,
                superscript,
                caret,
            } => {
                let (b, s, r) = (
                    self.text(base..superscript.start),
                    self.text(superscript.start + 1..superscript.end),
                    self.text(caret + 1..end),
                );
                (
                    format!("({b}^{s})^{r}"),
                    format!("{b}^({s}^{r})"),
                    Ambiguity::PowerOfPower,
                    base,
                )
            }
        };
        let span = self.input_span(start..end);
        let text = self.input.get(span.clone()).unwrap_or_default().trim();
        ParseError::new(
            ParseErrorKind::Ambiguous(Box::new(Readings {
                text: shown(text),
                first: shown(&first),
                second: shown(&second),
                why,
            })),
            span,
        )
    }
}
