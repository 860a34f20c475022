//! Cutting typed text into tokens, each with the byte span it was typed
//! at.
//!
//! Text is read as students write it: besides stepgrad's ASCII syntax the
//! lexer knows the symbols of printed mathematics — `·` `×` `⋅` `∙` `∗` for
//! multiplication, `÷` `∕` for division, `−` `–` for minus, `**` for a
//! power, superscripts (`²`, `⁻¹`, `ⁿ`), `√`, `|`, `π`, `½`, Greek letters
//! as names (`α` is the variable alpha, `δ_o1` is delta_o1), `σ` (the
//! sigmoid, or the variable sigma: the reader decides), full-width
//! punctuation from East Asian keyboards, and any Unicode space. Each
//! token remembers whether whitespace came right before it (`sin 2 x` and
//! `sin 2x` differ) and whether it was typed in a textbook spelling
//! rather than the canonical ASCII one.
//!
//! Invariant: spans lie on character boundaries of the input and follow
//! each other in order; a number token's value is finite.

use super::parse_error::{ascii_for, ParseError, ParseErrorKind, MAX_INPUT_LEN};
use std::ops::Range;

/// What a token is. The lexer makes all but `Call`, `AbsOpen` and
/// `AbsClose`, which the reader (`notation`) makes from names before `(`
/// and from bars; the reader turns `Bar`, `Root`, `Sigma` and
/// `Superscript` into plain tokens.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Kind {
    Number(f64),
    Name(String),
    /// A function's name with its `(`.
    Call(String),
    /// `+ - * / ^`, however typed.
    Op(char),
    Open,
    Close,
    Comma,
    /// `|`, which opens or closes an absolute value.
    Bar,
    /// `abs(` and its `)`, made from bars.
    AbsOpen,
    AbsClose,
    /// `√`.
    Root,
    /// `σ`: the sigmoid before an argument, else the variable sigma.
    Sigma,
    Superscript(Superscript),
}

/// A superscript exponent: `²` is 2, `⁻¹` is −1, `ⁿ` is the variable n.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Superscript {
    pub negative: bool,
    /// The digits' value; `None` for ⁿ.
    pub value: Option<f64>,
}

#[derive(Debug, Clone)]
pub(super) struct Token {
    pub kind: Kind,
    pub span: Range<usize>,
    /// Whitespace comes right before the token.
    pub spaced: bool,
    /// Typed in a textbook spelling (`·`, `²`, `π`, `**`, …), not the
    /// canonical ASCII one.
    pub textbook: bool,
}

impl Token {
    pub fn new(kind: Kind, span: Range<usize>) -> Token {
        Token {
            kind,
            span,
            spaced: false,
            textbook: false,
        }
    }

    /// The token in meval's syntax: `abs(` for a bar that opens, the
    /// exact spelling of a number, a name as it is known (`alpha` for α).
    pub fn plain(&self) -> String {
        match &self.kind {
            Kind::Number(v) => super::parse::format_exact(*v),
            Kind::Name(name) => name.clone(),
            Kind::Call(name) => format!("{name}("),
            Kind::Op(c) => c.to_string(),
            Kind::Open => "(".into(),
            Kind::Close | Kind::AbsClose => ")".into(),
            Kind::Comma => ",".into(),
            Kind::AbsOpen => "abs(".into(),
            Kind::Bar => "|".into(),
            Kind::Root => "sqrt".into(),
            Kind::Sigma => "sigma".into(),
            Kind::Superscript(_) => "^".into(),
        }
    }
}

/// Lowercase Greek letters read as the names of variables (π and σ have
/// meanings of their own).
const GREEK: [(char, &str); 23] = [
    ('α', "alpha"),
    ('β', "beta"),
    ('γ', "gamma"),
    ('δ', "delta"),
    ('ε', "epsilon"),
    ('ϵ', "epsilon"),
    ('ζ', "zeta"),
    ('η', "eta"),
    ('θ', "theta"),
    ('ι', "iota"),
    ('κ', "kappa"),
    ('λ', "lambda"),
    ('μ', "mu"),
    ('ν', "nu"),
    ('ξ', "xi"),
    ('ρ', "rho"),
    ('τ', "tau"),
    ('υ', "upsilon"),
    ('φ', "phi"),
    ('ϕ', "phi"),
    ('χ', "chi"),
    ('ψ', "psi"),
    ('ω', "omega"),
];

fn greek_name(c: char) -> Option<&'static str> {
    GREEK.iter().find(|(g, _)| *g == c).map(|(_, name)| *name)
}

/// The value of a superscript digit, or None.
fn superscript_digit(c: char) -> Option<u32> {
    Some(match c {
        '⁰' => 0,
        '¹' => 1,
        '²' => 2,
        '³' => 3,
        '⁴'..='⁹' => c as u32 - '⁴' as u32 + 4,
        _ => return None,
    })
}

fn is_superscript(c: char) -> bool {
    superscript_digit(c).is_some() || matches!(c, '⁺' | '⁻' | 'ⁿ')
}

/// The operator a typed symbol stands for.
fn operator(c: char) -> Option<char> {
    Some(match c {
        '+' | '-' | '*' | '/' | '^' => c,
        '·' | '⋅' | '∙' | '×' | '∗' | '•' => '*',
        '÷' | '∕' => '/',
        '−' | '–' => '-',
        _ => return None,
    })
}

/// A full-width ASCII symbol (from an East Asian keyboard) as the ASCII
/// symbol; letters and digits are not folded.
fn fold_full_width(c: char) -> Option<char> {
    let code = c as u32;
    if !(0xFF01..=0xFF5E).contains(&code) {
        return None;
    }
    let ascii = char::from_u32(code - 0xFEE0)?;
    (!ascii.is_ascii_alphanumeric()).then_some(ascii)
}

/// Cuts `input` into tokens, refusing what no reading can use.
pub(super) fn lex(input: &str) -> Result<Vec<Token>, ParseError> {
    if input.trim().is_empty() {
        return Err(ParseError::new(ParseErrorKind::Empty, 0..input.len()));
    }
    if input.len() > MAX_INPUT_LEN {
        return Err(ParseError::new(
            ParseErrorKind::TooLong { len: input.len() },
            MAX_INPUT_LEN..input.len(),
        ));
    }
    let mut lexer = Lexer {
        input,
        i: 0,
        tokens: Vec::new(),
        spaced: false,
    };
    while let Some(c) = lexer.peek() {
        lexer.next_token(c)?;
    }
    Ok(lexer.tokens)
}

struct Lexer<'a> {
    input: &'a str,
    i: usize,
    tokens: Vec<Token>,
    /// Whitespace came since the last token.
    spaced: bool,
}

impl Lexer<'_> {
    fn peek(&self) -> Option<char> {
        self.input[self.i..].chars().next()
    }

    fn peek_at(&self, at: usize) -> Option<char> {
        self.input.get(at..).and_then(|rest| rest.chars().next())
    }

    fn push(&mut self, kind: Kind, span: Range<usize>, textbook: bool) {
        self.tokens.push(Token {
            kind,
            span,
            spaced: self.spaced,
            textbook,
        });
        self.spaced = false;
    }

    fn next_token(&mut self, c: char) -> Result<(), ParseError> {
        let start = self.i;
        let end = start + c.len_utf8();
        if c.is_whitespace() {
            self.spaced = true;
            self.i = end;
            return Ok(());
        }
        match c {
            '0'..='9' => return self.number(),
            '.' => {
                let bytes = self.input.as_bytes();
                let end = scan_number(bytes, start + 1).max(start + 1);
                let kind = if bytes.get(start + 1).is_some_and(u8::is_ascii_digit) {
                    ParseErrorKind::LeadingDot
                } else {
                    ParseErrorKind::UnexpectedChar { ch: '.' }
                };
                return Err(ParseError::new(kind, start..end));
            }
            'a'..='z' | 'A'..='Z' | '_' => {
                let name = self.identifier_tail(String::new());
                self.push(Kind::Name(name), start..self.i, false);
                return Ok(());
            }
            '*' if self.peek_at(end) == Some('*') => {
                self.i = end + 1;
                self.push(Kind::Op('^'), start..end + 1, true);
                return Ok(());
            }
            _ => {}
        }
        if let Some(op) = operator(c) {
            self.i = end;
            self.push(Kind::Op(op), start..end, !c.is_ascii());
            return Ok(());
        }
        if let Some(folded) = fold_full_width(c) {
            return self.symbol(folded, start..end, true);
        }
        if c.is_ascii() {
            return self.symbol(c, start..end, false);
        }
        self.unicode(c, start, end)
    }

    /// An ASCII symbol other than an operator (or its full-width form).
    fn symbol(&mut self, c: char, span: Range<usize>, textbook: bool) -> Result<(), ParseError> {
        let kind = match c {
            '(' => Kind::Open,
            ')' => Kind::Close,
            ',' => Kind::Comma,
            '|' => Kind::Bar,
            '+' | '-' | '*' | '/' | '^' => Kind::Op(c),
            '%' | '!' | '&' | '<' | '>' => {
                return Err(ParseError::new(
                    ParseErrorKind::UnsupportedOperator { op: c },
                    span,
                ))
            }
            _ => {
                return Err(ParseError::new(
                    ParseErrorKind::UnexpectedChar { ch: c },
                    span,
                ))
            }
        };
        self.i = span.end;
        let textbook = textbook || kind == Kind::Bar;
        self.push(kind, span, textbook);
        Ok(())
    }

    /// A character outside ASCII: a symbol of printed mathematics, or a
    /// mistake.
    fn unicode(&mut self, c: char, start: usize, end: usize) -> Result<(), ParseError> {
        if is_superscript(c) {
            return self.superscript();
        }
        let kind = match c {
            '√' => Kind::Root,
            'π' => Kind::Name("pi".into()),
            '½' => Kind::Number(0.5),
            '¼' => Kind::Number(0.25),
            '¾' => Kind::Number(0.75),
            'σ' if !self.continues_name(end) => Kind::Sigma,
            'σ' => {
                self.i = end;
                let name = self.identifier_tail("sigma".into());
                self.push(Kind::Name(name), start..self.i, true);
                return Ok(());
            }
            _ => match greek_name(c) {
                Some(name) => {
                    self.i = end;
                    let name = if self.continues_name(end) {
                        self.identifier_tail(name.to_string())
                    } else {
                        name.to_string()
                    };
                    self.push(Kind::Name(name), start..self.i, true);
                    return Ok(());
                }
                None => {
                    return Err(ParseError::new(
                        ParseErrorKind::NonAscii {
                            ch: c,
                            instead: ascii_for(c),
                        },
                        start..end,
                    ))
                }
            },
        };
        self.i = end;
        self.push(kind, start..end, true);
        Ok(())
    }

    /// A Greek letter at `at` is followed by `_` or a digit, which
    /// continue its name (`δ_o1`, `α2`); a letter does not (`αx` is α·x).
    fn continues_name(&self, at: usize) -> bool {
        self.peek_at(at)
            .is_some_and(|c| c == '_' || c.is_ascii_digit())
    }

    /// Reads the rest of a name from `self.i` onto `name`: letters, digits
    /// and `_`, and a Greek letter right after a `_` (`w_α` is w_alpha).
    fn identifier_tail(&mut self, mut name: String) -> String {
        while let Some(c) = self.peek() {
            if c.is_ascii_alphanumeric() || c == '_' {
                name.push(c);
            } else if name.ends_with('_') {
                match greek_name(c).or((c == 'σ').then_some("sigma")) {
                    Some(letter) => name.push_str(letter),
                    None => break,
                }
            } else {
                break;
            }
            self.i += c.len_utf8();
        }
        name
    }

    /// A number: digits, a fraction, an exponent (`1e−09` with the minus
    /// stepgrad prints is read too).
    fn number(&mut self) -> Result<(), ParseError> {
        let start = self.i;
        let end = scan_number(self.input.as_bytes(), start);
        let text = &self.input[start..end];
        let value: f64 = text.replace('−', "-").parse().map_err(|_| {
            ParseError::new(
                ParseErrorKind::UnexpectedChar {
                    ch: text.chars().next().unwrap_or('?'),
                },
                start..end,
            )
        })?;
        if !value.is_finite() {
            return Err(ParseError::new(
                ParseErrorKind::NumberOutOfRange,
                start..end,
            ));
        }
        self.i = end;
        self.push(Kind::Number(value), start..end, text.contains('−'));
        Ok(())
    }

    /// A run of superscript characters: `²`, `¹²`, `⁻¹`, `ⁿ`, `⁻ⁿ`.
    fn superscript(&mut self) -> Result<(), ParseError> {
        let start = self.i;
        let mut end = start;
        while let Some(c) = self.peek_at(end).filter(|&c| is_superscript(c)) {
            end += c.len_utf8();
        }
        let run = &self.input[start..end];
        let (negative, body) = match run.chars().next() {
            Some('⁻') => (true, &run['⁻'.len_utf8()..]),
            Some('⁺') => (false, &run['⁺'.len_utf8()..]),
            _ => (false, run),
        };
        let digits: Option<Vec<u32>> = body.chars().map(superscript_digit).collect();
        let value = match digits {
            Some(digits) if !digits.is_empty() => {
                Some(Some(digits.iter().fold(0.0, |v, &d| v * 10.0 + d as f64)))
            }
            _ if body == "ⁿ" => Some(None),
            _ => None,
        };
        let Some(value) = value else {
            return Err(ParseError::new(
                ParseErrorKind::BadSuperscript { text: run.into() },
                start..end,
            ));
        };
        self.i = end;
        self.push(
            Kind::Superscript(Superscript { negative, value }),
            start..end,
            true,
        );
        Ok(())
    }
}

/// End of the number starting at `i`: digits, an optional fraction and an
/// optional exponent (its sign `+`, `-` or `−`), exactly the numbers meval's
/// tokenizer reads once `−` is written `-`.
pub(super) fn scan_number(bytes: &[u8], mut i: usize) -> usize {
    const MINUS: &[u8] = "−".as_bytes();
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
        } else if bytes.get(j..j + MINUS.len()) == Some(MINUS) {
            j += MINUS.len();
        }
        if bytes.get(j).is_some_and(u8::is_ascii_digit) {
            i = j;
            digits(&mut i);
        }
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(input: &str) -> Vec<Kind> {
        lex(input).unwrap().into_iter().map(|t| t.kind).collect()
    }

    #[test]
    fn textbook_symbols() {
        assert_eq!(
            kinds("2·x×y÷z−1"),
            vec![
                Kind::Number(2.0),
                Kind::Op('*'),
                Kind::Name("x".into()),
                Kind::Op('*'),
                Kind::Name("y".into()),
                Kind::Op('/'),
                Kind::Name("z".into()),
                Kind::Op('-'),
                Kind::Number(1.0),
            ]
        );
        assert_eq!(
            kinds("x**2"),
            vec![Kind::Name("x".into()), Kind::Op('^'), Kind::Number(2.0)]
        );
        assert_eq!(
            kinds("δ_o1 αx w_η"),
            vec![
                Kind::Name("delta_o1".into()),
                Kind::Name("alpha".into()),
                Kind::Name("x".into()),
                Kind::Name("w_eta".into()),
            ]
        );
        assert_eq!(
            kinds("x⁻¹²"),
            vec![
                Kind::Name("x".into()),
                Kind::Superscript(Superscript {
                    negative: true,
                    value: Some(12.0)
                })
            ]
        );
        assert_eq!(kinds("1e−09"), vec![Kind::Number(1e-9)]);
        assert_eq!(
            kinds("（x＋1）"),
            vec![
                Kind::Open,
                Kind::Name("x".into()),
                Kind::Op('+'),
                Kind::Number(1.0),
                Kind::Close
            ]
        );
    }

    #[test]
    fn spacing_is_remembered() {
        let tokens = lex("sin 2x").unwrap();
        let spaced: Vec<bool> = tokens.iter().map(|t| t.spaced).collect();
        assert_eq!(spaced, [false, true, false]);
    }

    #[test]
    fn what_no_reading_uses_is_refused() {
        let kind = |input: &str| lex(input).unwrap_err().kind;
        assert!(matches!(kind("x⁻"), ParseErrorKind::BadSuperscript { .. }));
        assert!(matches!(
            kind("∂x"),
            ParseErrorKind::NonAscii { ch: '∂', .. }
        ));
        assert_eq!(kind(".5"), ParseErrorKind::LeadingDot);
        assert!(matches!(
            kind("x % 2"),
            ParseErrorKind::UnsupportedOperator { op: '%' }
        ));
    }
}
