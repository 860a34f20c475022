//! The report of `stepgrad check`: the verdict, how it was reached, a point
//! where a wrong answer differs, and the likely mistake — built once as a
//! document (`doc`) and written in every format; JSON from the outcome.
//!
//! The terminal writes the verdict and one line per finding; Markdown
//! sets the counterexample as a table; LaTeX writes one run-in paragraph.

use super::doc::{self, strong, text, Block, LatexHeading, Math, Shown, Span};
use super::{Format, Style};
use crate::calculus::{
    CheckOutcome, Counterexample, Decision, Diagnosis, Interval, Piece, PieceVerdict,
    REQUIRED_POINTS,
};
use crate::expr::{ascii, latex, latex_name, unicode, Graph, Id, Notation};
use crate::i18n::Lang;
use crate::number::format_significant;
use serde_json::json;
use std::collections::BTreeMap;

mod words;

pub fn render(outcome: &CheckOutcome, graph: &Graph, format: Format, style: &Style) -> String {
    match format {
        Format::Json => {
            let mut text = serde_json::to_string_pretty(&json_value_in(style.lang, outcome, graph))
                .unwrap_or_default();
            text.push('\n');
            text
        }
        _ => doc::render(&document(outcome, graph, style), format, style),
    }
}

/// The report as a document.
fn document(outcome: &CheckOutcome, graph: &Graph, style: &Style) -> Vec<Block> {
    let answer = Math::new(unicode(graph, outcome.answer), latex(graph, outcome.answer));
    let checking = Math::join(&[applied(outcome, graph, style), answer], " = ", " = ");
    vec![
        Block::Only(Shown::Terminal, vec![terminal(outcome, graph, style)]),
        Block::Only(
            Shown::Notes,
            vec![Block::ReportHeading {
                level: 1,
                latex: LatexHeading::RunIn,
                text: words::checking(style.lang, checking),
            }],
        ),
        Block::Only(Shown::Markdown, vec![markdown(outcome, graph, style)]),
        Block::Only(Shown::Latex, vec![latex_paragraph(outcome, graph, style)]),
    ]
}

/// The verdict and a line for each finding.
fn terminal(outcome: &CheckOutcome, graph: &Graph, style: &Style) -> Block {
    let answer = Math::new(unicode(graph, outcome.answer), latex(graph, outcome.answer));
    let derivative_of = applied(outcome, graph, style);
    let lang = style.lang;
    let method = vec![text(method_text(outcome, style))];
    if outcome.correct {
        return Block::Group(vec![
            Block::Lines {
                indent: 0,
                lines: vec![words::correct_line(lang, answer, derivative_of)],
            },
            Block::Lines {
                indent: 2,
                lines: vec![method],
            },
        ]);
    }
    let mut lines = Vec::new();
    if let Some(c) = &outcome.counterexample {
        let (expected, answer) = counterexample_values(c, style);
        let at = super::point(&c.point, style);
        lines.push(match c.answer {
            Some(_) => words::differs_at(lang, at, &expected, &answer),
            None => words::undefined_at(lang, at, &expected),
        });
    }
    if let Some(agreement) = agreement_text(outcome, style) {
        lines.push(vec![text(agreement)]);
    }
    if let Some(d) = &outcome.diagnosis {
        lines.push(words::likely_mistake(
            lang,
            diagnosis_spans(lang, d, outcome, graph, Notation::Unicode),
        ));
    }
    let derivative = Math::new(
        unicode(graph, outcome.derivative),
        latex(graph, outcome.derivative),
    );
    lines.push(words::the_derivative_is(lang, derivative));
    lines.push(method);
    Block::Group(vec![
        Block::Lines {
            indent: 0,
            lines: vec![words::not_correct_line(lang, answer, derivative_of)],
        },
        Block::Lines { indent: 2, lines },
    ])
}

/// The verdict, the counterexample as a table, the findings and the
/// derivative, a paragraph each.
fn markdown(outcome: &CheckOutcome, graph: &Graph, style: &Style) -> Block {
    let lang = style.lang;
    let method = text(method_text(outcome, style));
    if outcome.correct {
        return Block::Group(vec![Block::Paragraph(vec![
            strong(words::correct(lang)),
            text(" "),
            method,
        ])]);
    }
    let mut blocks = vec![Block::Paragraph(vec![strong(words::not_correct(lang))])];
    if let Some(c) = &outcome.counterexample {
        let mut at = Vec::new();
        for (k, (n, v)) in c.point.values.iter().enumerate() {
            if k > 0 {
                at.push(text(", "));
            }
            let v = style.num(*v);
            at.push(doc::math(
                format!("{n} = {v}"),
                format!("{} = {v}", latex_name(n)),
            ));
        }
        blocks.push(Block::Paragraph(words::at_point(lang, at)));
        let (expected, answer) = counterexample_values(c, style);
        blocks.push(Block::Table {
            header: vec![doc::cell(""), doc::cell(words::value(lang))],
            rows: vec![
                vec![doc::cell(words::derivative(lang)), doc::cell(expected)],
                vec![doc::cell(words::your_answer(lang)), doc::cell(answer)],
            ],
        });
    }
    if let Some(agreement) = agreement_text(outcome, style) {
        blocks.push(Block::Paragraph(vec![text(agreement)]));
    }
    if let Some(d) = &outcome.diagnosis {
        blocks.push(Block::Paragraph(words::likely_mistake(
            lang,
            diagnosis_spans(lang, d, outcome, graph, Notation::Unicode),
        )));
    }
    blocks.push(Block::Paragraph(words::the_derivative_is_displayed(
        lang,
        derivative_equation(outcome, graph, style),
    )));
    Block::Group(blocks)
}

/// The verdict and the findings in one paragraph, the derivative displayed
/// after it.
fn latex_paragraph(outcome: &CheckOutcome, graph: &Graph, style: &Style) -> Block {
    let lang = style.lang;
    let method = text(method_text(outcome, style));
    if outcome.correct {
        return Block::Group(vec![Block::Paragraph(vec![
            text(words::correct(lang)),
            text(" "),
            method,
        ])]);
    }
    let mut spans = vec![text(words::not_correct(lang))];
    if let Some(c) = &outcome.counterexample {
        let (expected, answer) = counterexample_values(c, style);
        spans.push(text(" "));
        let at = super::point(&c.point, style);
        spans.extend(match c.answer {
            Some(_) => words::differs_at_in_notes(lang, at, &expected, &answer),
            None => words::undefined_at_in_notes(lang, at, &expected),
        });
    }
    if let Some(agreement) = agreement_text(outcome, style) {
        spans.push(text(format!(" {agreement}")));
    }
    if let Some(d) = &outcome.diagnosis {
        spans.push(text(" "));
        spans.extend(words::likely_mistake(
            lang,
            diagnosis_spans(lang, d, outcome, graph, Notation::Unicode),
        ));
    }
    Block::Group(vec![
        Block::Paragraph(spans),
        Block::Display(derivative_equation(outcome, graph, style)),
    ])
}

/// d/dx [f] = f′ for the derivative stepgrad found.
fn derivative_equation(outcome: &CheckOutcome, graph: &Graph, style: &Style) -> Math {
    let derivative = Math::new(
        unicode(graph, outcome.derivative),
        latex(graph, outcome.derivative),
    );
    Math::join(&[applied(outcome, graph, style), derivative], " = ", " = ")
}

/// The operator by the checked variable: d/dx, or ∂/∂x when the
/// expression has several variables.
fn operator(outcome: &CheckOutcome, graph: &Graph) -> Math {
    let v = latex_name(&outcome.var);
    if graph.variables(outcome.expr).len() > 1 {
        Math::new(
            format!("∂/∂{}", outcome.var),
            format!("\\frac{{\\partial}}{{\\partial {v}}}"),
        )
    } else {
        Math::new(
            format!("d/d{}", outcome.var),
            format!("\\frac{{d}}{{d{v}}}"),
        )
    }
}

/// The derivative of the expression written out: d/dx [e] (or (e)′ in
/// prime notation, for one variable).
fn applied(outcome: &CheckOutcome, graph: &Graph, style: &Style) -> Math {
    let (e, e_latex) = (unicode(graph, outcome.expr), latex(graph, outcome.expr));
    if style.prime && graph.variables(outcome.expr).len() <= 1 {
        Math::new(format!("({e})′"), format!("\\left({e_latex}\\right)'"))
    } else {
        let op = operator(outcome, graph);
        Math::new(
            format!("{} [{e}]", op.unicode),
            format!("{}\\left[{e_latex}\\right]", op.latex),
        )
    }
}

/// Where the points were drawn, for the method line: "near 0 and far out
/// on both sides", "in x < −3 and x > −3, near the ends and far out".
fn where_compared(outcome: &CheckOutcome, style: &Style) -> String {
    let in_domain: Vec<String> = outcome
        .pieces
        .iter()
        .filter(|p| p.verdict != PieceVerdict::OutsideDomain)
        .map(|p| interval_text(p.interval, &outcome.var, style))
        .collect();
    let lang = style.lang;
    match outcome.pieces.len() {
        0 => words::random_points(lang),
        1 => words::one_piece(lang),
        _ => words::in_pieces(lang, &words::listed(lang, &in_domain)),
    }
}

/// How the verdict was reached, in a sentence.
fn method_text(outcome: &CheckOutcome, style: &Style) -> String {
    let place = where_compared(outcome, style);
    let lang = style.lang;
    match outcome.decision {
        Decision::Symbolic { points, .. } => words::symbolic(lang, points, &place),
        Decision::Numeric { points, .. } if outcome.correct => {
            words::numeric_agreement(lang, points, &place)
        }
        Decision::Numeric { .. } => match &outcome.counterexample {
            Some(Counterexample { answer: None, .. }) => words::numeric_undefined(lang),
            _ => words::numeric_difference(lang),
        },
        Decision::Variables => words::by_variables(lang),
    }
}

/// The two values of a counterexample with as many digits as it takes to
/// tell them apart (at least `digits`).
pub fn distinct_values(expected: f64, answer: f64, digits: usize) -> (String, String) {
    let mut n = digits;
    while n < 17 && format_significant(expected, n) == format_significant(answer, n) {
        n += 1;
    }
    (
        format_significant(expected, n),
        format_significant(answer, n),
    )
}

/// One piece of the line as a condition on `var`: "x < 8", "−3 < x < 8".
fn interval_text(interval: Interval, var: &str, style: &Style) -> String {
    match (interval.from.is_finite(), interval.to.is_finite()) {
        (false, false) => words::every(style.lang, var),
        (false, true) => format!("{var} < {}", style.num(interval.to)),
        (true, false) => format!("{var} > {}", style.num(interval.from)),
        (true, true) => format!(
            "{} < {var} < {}",
            style.num(interval.from),
            style.num(interval.to)
        ),
    }
}

/// The pieces with `verdict`, neighbours merged, as conditions.
fn pieces_where(pieces: &[Piece], verdict: PieceVerdict, var: &str, style: &Style) -> Vec<String> {
    let mut merged: Vec<Interval> = Vec::new();
    let mut previous: Option<PieceVerdict> = None;
    for piece in pieces {
        if piece.verdict == verdict {
            match merged.last_mut() {
                Some(last) if previous == Some(verdict) => last.to = piece.interval.to,
                _ => merged.push(piece.interval),
            }
        }
        previous = Some(piece.verdict);
    }
    merged
        .into_iter()
        .map(|i| interval_text(i, var, style))
        .collect()
}

/// Where a wrong answer agrees and where it is undefined, for one
/// variable: "It agrees with the derivative only for x > −3."
pub fn agreement_text(outcome: &CheckOutcome, style: &Style) -> Option<String> {
    if outcome.correct || outcome.pieces.is_empty() {
        return None;
    }
    let var = &outcome.var;
    let agrees = pieces_where(&outcome.pieces, PieceVerdict::Agrees, var, style);
    let undefined = pieces_where(&outcome.pieces, PieceVerdict::AnswerUndefined, var, style);
    let lang = style.lang;
    let mut sentences = Vec::new();
    if !agrees.is_empty() {
        sentences.push(words::agrees_only(lang, &words::listed(lang, &agrees)));
    }
    if !undefined.is_empty() {
        sentences.push(words::undefined_only(
            lang,
            &words::listed(lang, &undefined),
        ));
    }
    (!sentences.is_empty()).then(|| sentences.join(" "))
}

/// The counterexample's two values as written in a report.
fn counterexample_values(c: &Counterexample, style: &Style) -> (String, String) {
    match c.answer {
        Some(answer) => distinct_values(c.expected, answer, style.digits),
        None => (style.num(c.expected), words::undefined(style.lang)),
    }
}

/// The likely mistake, in a sentence, with expressions in `notation`
/// (Unicode or ASCII; LaTeX between `$…$`).
pub fn diagnosis_text(
    diagnosis: &Diagnosis,
    outcome: &CheckOutcome,
    graph: &Graph,
    notation: Notation,
) -> String {
    diagnosis_text_in(Lang::En, diagnosis, outcome, graph, notation)
}

/// [`diagnosis_text`] in `lang` (lessons explain mistakes in Korean too).
pub fn diagnosis_text_in(
    lang: Lang,
    diagnosis: &Diagnosis,
    outcome: &CheckOutcome,
    graph: &Graph,
    notation: Notation,
) -> String {
    diagnosis_spans(lang, diagnosis, outcome, graph, notation)
        .into_iter()
        .map(|span| match span {
            Span::Math(m) | Span::Display(m) if notation == Notation::Latex => {
                format!("${}$", m.latex)
            }
            Span::Math(m) | Span::Display(m) => m.unicode,
            Span::Text(t) | Span::Strong(t) | Span::Alert(t) => t,
            Span::NoValue => doc::NO_VALUE.to_string(),
        })
        .collect()
}

/// The likely mistake as text and math; the math's plain form in
/// `plain` notation (Unicode or ASCII), its other form LaTeX.
fn diagnosis_spans(
    lang: Lang,
    diagnosis: &Diagnosis,
    outcome: &CheckOutcome,
    graph: &Graph,
    plain: Notation,
) -> Vec<Span> {
    let show = |id: Id| {
        let plain = match plain {
            Notation::Ascii => ascii(graph, id),
            _ => unicode(graph, id),
        };
        Math::new(plain, latex(graph, id))
    };
    let sentence = |s: String| vec![text(s)];
    match diagnosis {
        Diagnosis::MissingInnerFactor {
            inner,
            inner_derivative,
        } => {
            let op = operator(outcome, graph);
            let (inner, derivative) = (show(*inner), show(*inner_derivative));
            let equation = Math::new(
                format!("{}({}) = {}", op.unicode, inner.unicode, derivative.unicode),
                format!(
                    "{}\\left({}\\right) = {}",
                    op.latex, inner.latex, derivative.latex
                ),
            );
            words::missing_inner_factor(lang, equation)
        }
        Diagnosis::MissingProductTerm { factor } => {
            words::missing_product_term(lang, show(*factor))
        }
        Diagnosis::ReversedQuotientNumerator => sentence(words::reversed_quotient(lang)),
        Diagnosis::ReciprocalSign => sentence(words::reciprocal_sign(lang)),
        Diagnosis::ProductOfDerivatives => sentence(words::product_of_derivatives(lang)),
        Diagnosis::KeptConstantTerm => sentence(words::kept_constant_term(lang)),
        Diagnosis::DroppedConstantFactor { factor } => {
            words::dropped_constant_factor(lang, show(*factor))
        }
        Diagnosis::PowerCoefficientMissing => sentence(words::power_coefficient_missing(lang)),
        Diagnosis::PowerExponentNotLowered => sentence(words::power_exponent_not_lowered(lang)),
        Diagnosis::PowerRuleOnExponential => sentence(words::power_rule_on_exponential(lang)),
        Diagnosis::FunctionSign { function } => sentence(words::function_sign(lang, *function)),
        Diagnosis::SignError => sentence(words::sign_error(lang)),
        Diagnosis::ConstantFactor { factor } => sentence(words::constant_factor(
            lang,
            &format_significant(*factor, 6),
        )),
        Diagnosis::NotDifferentiated => sentence(words::not_differentiated(lang)),
        Diagnosis::WrongVariable { other } => {
            sentence(words::wrong_variable(lang, other, &outcome.var))
        }
        Diagnosis::Rounded { relative } => {
            sentence(words::rounded(lang, &format_significant(*relative, 2)))
        }
        Diagnosis::UnknownVariables { names } => {
            sentence(words::unknown_variables(lang, &words::names(lang, names)))
        }
    }
}

/// The JSON value of an outcome, its one piece of prose (the diagnosis) in
/// English.
pub fn json_value(outcome: &CheckOutcome, graph: &Graph) -> serde_json::Value {
    json_value_in(Lang::En, outcome, graph)
}

/// The JSON value of an outcome: keys and verdicts as docs/json.md names
/// them, the diagnosis in `lang`.
pub fn json_value_in(lang: Lang, outcome: &CheckOutcome, graph: &Graph) -> serde_json::Value {
    let method = match outcome.decision {
        Decision::Numeric { .. } => "numeric",
        Decision::Symbolic { .. } | Decision::Variables => "symbolic",
    };
    let (points, piece_count) = match outcome.decision {
        Decision::Numeric { points, pieces } | Decision::Symbolic { points, pieces } => {
            (points, pieces)
        }
        Decision::Variables => (0, 0),
    };
    let bound = |x: f64| x.is_finite().then_some(x);
    let pieces: Vec<serde_json::Value> = outcome
        .pieces
        .iter()
        .map(|p| {
            json!({
                "from": bound(p.interval.from),
                "to": bound(p.interval.to),
                "verdict": match p.verdict {
                    PieceVerdict::OutsideDomain => "outside_domain",
                    PieceVerdict::Agrees => "agrees",
                    PieceVerdict::Differs => "differs",
                    PieceVerdict::AnswerUndefined => "answer_undefined",
                    PieceVerdict::Undetermined => "undetermined",
                },
            })
        })
        .collect();
    let counterexample = outcome.counterexample.as_ref().map(|c| {
        let point: BTreeMap<&str, f64> = c
            .point
            .values
            .iter()
            .map(|(n, v)| (n.as_str(), *v))
            .collect();
        json!({"point": point, "expected": c.expected, "answer": c.answer})
    });
    json!({
        "expr": ascii(graph, outcome.expr),
        "answer": ascii(graph, outcome.answer),
        "wrt": outcome.var,
        "derivative": ascii(graph, outcome.derivative),
        "correct": outcome.correct,
        "method": method,
        "points_compared": points,
        "pieces_compared": piece_count,
        "required_points": REQUIRED_POINTS,
        "pieces": pieces,
        "counterexample": counterexample,
        "diagnosis": outcome.diagnosis.as_ref().map(|d| diagnosis_text_in(lang, d, outcome, graph, Notation::Ascii)),
    })
}
