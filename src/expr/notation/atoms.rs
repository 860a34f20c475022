//! The atoms of textbook notation the reader turns into plain syntax: a
//! name (a variable, or σ as the sigmoid), a function written with or
//! without parentheses and with a power on its name, an operator, a
//! superscript, a bar of |x|, a root sign.
//!
//! Invariant: as for the reader — every synthetic token lies inside the
//! span of the text it stands for.

use super::*;

impl Reader<'_> {
    /// σ is the sigmoid when an argument follows it, or a power and then
    /// `(` (`σ²(x)`, `σ⁻¹(x)`); elsewhere the variable sigma (`σ²`, `σ·x`).
    pub(super) fn sigma_is_function(&self, i: usize) -> bool {
        let (_, after_power) = self.function_power(i);
        if after_power > i + 1 {
            return self
                .raw
                .get(after_power)
                .is_some_and(|next| next.kind == Kind::Open);
        }
        self.raw.get(i + 1).is_some_and(|next| match &next.kind {
            Kind::Open | Kind::Number(_) => true,
            Kind::Name(name) => !is_function(name),
            _ => false,
        })
    }

    /// A token that can begin an argument written without parentheses.
    pub(super) fn starts_argument(token: &Token) -> bool {
        match &token.kind {
            Kind::Number(_) | Kind::Bar => true,
            Kind::Name(name) => !is_function(name),
            _ => false,
        }
    }

    pub(super) fn variable(
        &mut self,
        i: usize,
        name: String,
        closed: Option<Closed>,
    ) -> Result<usize, ParseError> {
        let span = self.raw[i].span.clone();
        if let Some(function) = glued_function(&name) {
            return Err(ParseError::new(
                ParseErrorKind::FunctionGlued {
                    text: name,
                    name: function,
                },
                span,
            ));
        }
        self.juxtapose(i, closed, false)?;
        let typed = self.input.get(span.clone()).unwrap_or_default();
        if let Some(open) = self.raw.get(i + 1).filter(|n| n.kind == Kind::Open) {
            if !letter_like(typed, &name) {
                // A word before `(` reads as a function's name: the
                // grammar check refuses one stepgrad does not know.
                let span = span.start..open.span.end;
                let at = self.out.len();
                self.open_group(GroupKind::Paren, Kind::Call(name), span, Vec::new(), at);
                return Ok(i + 2);
            }
        }
        self.operand(Kind::Name(name), span);
        Ok(i + 1)
    }

    /// A function's name: its call, its argument without parentheses, or
    /// the name alone (which the grammar check refuses).
    pub(super) fn function(
        &mut self,
        i: usize,
        name: String,
        closed: Option<Closed>,
    ) -> Result<usize, ParseError> {
        let token = self.raw[i].clone();
        self.juxtapose(i, closed, true)?;
        let (power, j) = self.function_power(i);
        let next = self.raw.get(j);
        let call = next.is_some_and(|n| n.kind == Kind::Open);
        let bare = name != LOG_SUM_EXP && next.is_some_and(Reader::starts_argument);
        if !call && !bare {
            self.operand(Kind::Name(name), token.span);
            return Ok(i + 1);
        }
        let opened_at = self.out.len();
        let mut then = Vec::new();
        let mut power_text = String::new();
        if let Some((exponent, span)) = power {
            let typed = self.input.get(token.span.clone()).unwrap_or_default();
            let exponent = self.function_exponent(typed, exponent, span.clone())?;
            self.emit(Kind::Open, token.span.start..token.span.start);
            then.push(Token::new(Kind::Close, span.clone()));
            then.push(Token::new(Kind::Op('^'), span.clone()));
            then.push(Token::new(exponent.clone(), span));
            power_text = format!("^{}", Token::new(exponent, 0..0).plain());
            self.textbook = true;
        }
        if call {
            let open = self.raw[j].span.clone();
            self.open_group(
                GroupKind::Paren,
                Kind::Call(name),
                token.span.start..open.end,
                then,
                opened_at,
            );
            Ok(j + 1)
        } else {
            self.textbook = true;
            self.open_group(
                GroupKind::Argument {
                    name: name.clone(),
                    power: power_text,
                },
                Kind::Call(name),
                token.span,
                then,
                opened_at,
            );
            Ok(j)
        }
    }

    /// A power written on a function's name (`sin²`, `sin^2`, `sin^-1`):
    /// the exponent and its span, and the index after it.
    pub(super) fn function_power(&self, i: usize) -> (Option<(Superscript, Range<usize>)>, usize) {
        let kind = |k: usize| self.raw.get(k).map(|t| &t.kind);
        let span = |from: usize, to: usize| self.raw[from].span.start..self.raw[to].span.end;
        match (kind(i + 1), kind(i + 2), kind(i + 3)) {
            (Some(Kind::Superscript(s)), _, _) => (Some((*s, span(i + 1, i + 1))), i + 2),
            (Some(Kind::Op('^')), Some(Kind::Number(v)), _) => {
                let s = Superscript {
                    negative: false,
                    value: Some(*v),
                };
                (Some((s, span(i + 1, i + 2))), i + 3)
            }
            (Some(Kind::Op('^')), Some(Kind::Op('-')), Some(Kind::Number(v))) => {
                let s = Superscript {
                    negative: true,
                    value: Some(*v),
                };
                (Some((s, span(i + 1, i + 3))), i + 4)
            }
            _ => (None, i + 1),
        }
    }

    /// The exponent of a function's power as a token: a whole number of 1
    /// or more, or n; `f⁻¹` is the inverse function.
    pub(super) fn function_exponent(
        &self,
        name: &str,
        exponent: Superscript,
        span: Range<usize>,
    ) -> Result<Kind, ParseError> {
        let whole = exponent
            .value
            .filter(|v| !exponent.negative && *v >= 1.0 && v.fract() == 0.0);
        match (exponent.value, whole) {
            (_, Some(v)) => Ok(Kind::Number(v)),
            (None, _) if !exponent.negative => Ok(Kind::Name("n".into())),
            (Some(v), _) if exponent.negative && v == 1.0 => Err(ParseError::new(
                ParseErrorKind::InverseFunction { name: name.into() },
                span,
            )),
            _ => Err(ParseError::new(
                ParseErrorKind::FunctionPower {
                    name: name.into(),
                    exponent: self.input.get(span.clone()).unwrap_or_default().into(),
                },
                span,
            )),
        }
    }

    pub(super) fn operator(
        &mut self,
        i: usize,
        op: char,
        closed: Option<Closed>,
    ) -> Result<usize, ParseError> {
        let span = self.raw[i].span.clone();
        if self.expect_operand {
            // A sign (of an exponent, too), or an operator the grammar
            // check refuses.
            self.emit(Kind::Op(op), span);
            self.superscript = None;
            return Ok(i + 1);
        }
        let level = self.groups.len();
        let at = self.out.len();
        match op {
            '+' | '-' => {
                self.chain_break(level, false)?;
                self.emit(Kind::Op(op), span);
                let group = self.group_mut();
                group.chain_start = at + 1;
                group.division = None;
            }
            '*' | '/' => {
                self.chain_break(level, false)?;
                if op == '/' {
                    if let Some(closed) = closed.filter(|c| !c.root) {
                        self.hold(PendingKind::Argument { closed, tail: at }, true);
                    }
                }
                self.emit(Kind::Op(op), span);
                self.group_mut().division = (op == '/').then_some(at);
            }
            _ => {
                if let Some(closed) = closed.filter(|c| c.root) {
                    self.hold(PendingKind::Argument { closed, tail: at }, true);
                }
                if let Some((base, superscript)) = self.superscript.take() {
                    self.hold(
                        PendingKind::PowerOfPower {
                            base,
                            superscript,
                            caret: at,
                        },
                        true,
                    );
                }
                self.emit(Kind::Op('^'), span);
                self.caret = Some((self.operand_start, at));
                self.after_caret = true;
            }
        }
        self.expect_operand = true;
        self.exponent_atom = false;
        self.superscript = None;
        Ok(i + 1)
    }

    pub(super) fn superscript(
        &mut self,
        i: usize,
        s: Superscript,
        closed: Option<Closed>,
    ) -> Result<usize, ParseError> {
        let span = self.raw[i].span.clone();
        if self.expect_operand {
            // Nothing to raise: the grammar check refuses the power.
            self.emit(Kind::Op('^'), span);
            return Ok(i + 1);
        }
        let at = self.out.len();
        if let Some(closed) = closed.filter(|c| c.root) {
            self.hold(PendingKind::Argument { closed, tail: at }, true);
        }
        let base = self.operand_start;
        self.emit(Kind::Op('^'), span.clone());
        let atom = match s.value {
            Some(v) => Kind::Number(v),
            None => Kind::Name("n".into()),
        };
        if s.negative {
            self.emit(Kind::Open, span.clone());
            self.emit(Kind::Op('-'), span.clone());
            self.emit(atom, span.clone());
            self.emit(Kind::Close, span);
        } else {
            self.emit(atom, span);
        }
        self.superscript = Some((base, at..self.out.len()));
        self.exponent_atom = false;
        self.after_caret = false;
        self.expect_operand = false;
        Ok(i + 1)
    }

    pub(super) fn bar(&mut self, i: usize, closed: Option<Closed>) -> Result<usize, ParseError> {
        let span = self.raw[i].span.clone();
        let closes = !self.expect_operand
            && self.force_open != Some(i)
            && matches!(self.groups.last().map(|g| &g.kind), Some(GroupKind::Bar));
        if closes {
            let before_operand = self.raw.get(i + 1).is_some_and(|next| {
                matches!(
                    next.kind,
                    Kind::Number(_)
                        | Kind::Name(_)
                        | Kind::Sigma
                        | Kind::Open
                        | Kind::Bar
                        | Kind::Root
                )
            });
            if before_operand {
                self.bar_choices.push(i);
            }
            self.close_group(Kind::AbsClose, span)?;
        } else {
            self.juxtapose(i, closed, false)?;
            let at = self.out.len();
            self.open_group(GroupKind::Bar, Kind::AbsOpen, span, Vec::new(), at);
        }
        Ok(i + 1)
    }

    pub(super) fn root(&mut self, i: usize, closed: Option<Closed>) -> Result<usize, ParseError> {
        let span = self.raw[i].span.clone();
        self.juxtapose(i, closed, true)?;
        let takes = self.raw.get(i + 1).is_some_and(|next| match &next.kind {
            Kind::Number(_) | Kind::Open | Kind::Bar | Kind::Sigma => true,
            Kind::Name(name) => !is_function(name),
            _ => false,
        });
        if takes {
            let at = self.out.len();
            self.open_group(
                GroupKind::Root,
                Kind::Call("sqrt".into()),
                span,
                Vec::new(),
                at,
            );
        } else {
            // `√` with nothing to take: the grammar check says so.
            self.operand(Kind::Name("sqrt".into()), span);
        }
        Ok(i + 1)
    }
}
