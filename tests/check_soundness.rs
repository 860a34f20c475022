//! `check` is sound, tested as a family: random derivatives are built from
//! blocks whose derivatives are written out here by hand (independently of
//! stepgrad's rules), at scales from 1e-15 to 1e15 and with kinks at
//! offsets up to ±1000; every typical wrong answer — a term dropped, a
//! term scaled by 2 or 10⁻³, a sign flipped, a kink moved, an answer
//! restricted to x > 0 through √, ln or |·| — must be judged wrong, and
//! every equivalent rewrite of the right answer right. Each typical
//! mistake made on a generated function — a constant factor dropped (the
//! forgotten ½), a constant term kept, u′·v′ for a product, the power
//! rule's exponent not brought down or not lowered, the power rule on aˣ,
//! the sign of (c/v)′, the sign flipped — is named, in English and Korean,
//! and an answer a little off it is not.

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use stepgrad::calculus::{check_derivative, CheckOutcome};
use stepgrad::expr::{parse, Graph, Notation};
use stepgrad::i18n::Lang;
use stepgrad::report::check::diagnosis_text_in;

/// Cases a run; `STEPGRAD_PROPTEST_CASES` raises it for a longer search.
fn runner(cases: u32) -> TestRunner {
    let cases = std::env::var("STEPGRAD_PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(cases);
    TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    })
}

/// One building block of f with its derivative, written by hand.
#[derive(Clone, Debug)]
enum Block {
    Power(u32),
    Sine(f64),
    Exponential(f64),
    Abs(f64),
    Relu(f64),
    ShiftedSquare(f64),
    Sigmoid(f64),
    LogOfSquarePlusOne,
}

impl Block {
    fn text(&self) -> String {
        match self {
            Block::Power(n) => format!("x^{n}"),
            Block::Sine(a) => format!("sin({a}*x)"),
            Block::Exponential(a) => format!("exp({a}*x)"),
            Block::Abs(o) => format!("abs(x - ({o}))"),
            Block::Relu(o) => format!("relu(x - ({o}))"),
            Block::ShiftedSquare(o) => format!("(x - ({o}))^2"),
            Block::Sigmoid(o) => format!("sigmoid(x - ({o}))"),
            Block::LogOfSquarePlusOne => "ln(x^2 + 1)".to_string(),
        }
    }

    /// The derivative, from the textbook rules.
    fn derivative(&self) -> String {
        match self {
            Block::Power(1) => "1".to_string(),
            Block::Power(n) => format!("{n}*x^{}", n - 1),
            Block::Sine(a) => format!("{a}*cos({a}*x)"),
            Block::Exponential(a) => format!("{a}*exp({a}*x)"),
            Block::Abs(o) => format!("sign(x - ({o}))"),
            Block::Relu(o) => format!("step(x - ({o}))"),
            Block::ShiftedSquare(o) => format!("2*(x - ({o}))"),
            Block::Sigmoid(o) => format!("sigmoid(x - ({o}))*(1 - sigmoid(x - ({o})))"),
            Block::LogOfSquarePlusOne => "2*x/(x^2 + 1)".to_string(),
        }
    }

    /// The derivative with its kink moved by `shift`, for blocks that
    /// have one.
    fn moved_kink(&self, shift: f64) -> Option<String> {
        match self {
            Block::Abs(o) => Some(format!("sign(x - ({}))", o + shift)),
            Block::Relu(o) => Some(format!("step(x - ({}))", o + shift)),
            _ => None,
        }
    }

    /// Smooth blocks whose derivative is nonzero, and representable in
    /// 64-bit floats, for most negative x (σ′(x − 740) underflows there).
    fn lives_on_negative_x(&self) -> bool {
        match self {
            Block::Power(_)
            | Block::Sine(_)
            | Block::ShiftedSquare(_)
            | Block::LogOfSquarePlusOne => true,
            Block::Sigmoid(o) => o.abs() <= 30.0,
            Block::Exponential(a) => *a < 0.0,
            Block::Abs(_) | Block::Relu(_) => false,
        }
    }
}

fn offset() -> impl Strategy<Value = f64> {
    prop_oneof![
        (-1000i32..=1000).prop_map(f64::from),
        (-200i32..=200).prop_map(|k| f64::from(k) / 8.0),
    ]
}

fn block() -> impl Strategy<Value = Block> {
    prop_oneof![
        (1u32..5).prop_map(Block::Power),
        prop_oneof![Just(0.5), Just(1.0), Just(2.0), Just(3.0)].prop_map(Block::Sine),
        prop_oneof![Just(0.1), Just(0.5), Just(-0.3)].prop_map(Block::Exponential),
        offset().prop_map(Block::Abs),
        offset().prop_map(Block::Relu),
        offset().prop_map(Block::ShiftedSquare),
        offset().prop_map(Block::Sigmoid),
        Just(Block::LogOfSquarePlusOne),
    ]
}

/// A coefficient m·10^s with s from −15 to 15.
fn coefficient() -> impl Strategy<Value = String> {
    (
        prop_oneof![Just("1"), Just("2.5"), Just("-3"), Just("7.1")],
        -15i32..=15,
    )
        .prop_map(|(m, s)| format!("{m}e{s}"))
}

/// f as terms c·block.
fn terms() -> impl Strategy<Value = Vec<(String, Block)>> {
    prop::collection::vec((coefficient(), block()), 1..4)
}

fn sum(parts: &[String]) -> String {
    parts
        .iter()
        .map(|p| format!("({p})"))
        .collect::<Vec<_>>()
        .join(" + ")
}

/// The verdict of `check` on an answer, or `None` when it cannot decide.
fn verdict(expr: &str, answer: &str) -> Option<CheckOutcome> {
    let mut g = Graph::new();
    let e = parse(&mut g, expr).unwrap_or_else(|err| panic!("{expr}: {err}"));
    let a = parse(&mut g, answer).unwrap_or_else(|err| panic!("{answer}: {err}"));
    check_derivative(&mut g, e, a, "x").ok()
}

/// Typical wrong answers, each with the name of its mistake.
fn wrong_answers(terms: &[(String, Block)]) -> Vec<(&'static str, String)> {
    let derivatives: Vec<String> = terms
        .iter()
        .map(|(c, b)| format!("{c}*({})", b.derivative()))
        .collect();
    let mut out = Vec::new();
    for k in 0..terms.len() {
        let with = |replacement: Option<String>| {
            let mut parts = derivatives.clone();
            match replacement {
                Some(r) => parts[k] = r,
                None => {
                    parts.remove(k);
                }
            }
            if parts.is_empty() {
                "0".to_string()
            } else {
                sum(&parts)
            }
        };
        let (c, b) = &terms[k];
        let d = b.derivative();
        out.push(("a term dropped", with(None)));
        out.push(("a term doubled", with(Some(format!("2*{c}*({d})")))));
        out.push((
            "a term scaled by 1e-3",
            with(Some(format!("1e-3*{c}*({d})"))),
        ));
        out.push(("a sign flipped", with(Some(format!("-{c}*({d})")))));
        for shift in [1.0, -1.0, 0.5 * b_offset(b).abs() + 3.0] {
            if let Some(moved) = b.moved_kink(shift) {
                out.push(("a kink moved", with(Some(format!("{c}*({moved})")))));
            }
        }
        if b.lives_on_negative_x() {
            for restrict in ["sqrt(x)/sqrt(x)", "exp(ln(x))/x", "abs(x)/x"] {
                out.push((
                    "restricted to x > 0",
                    with(Some(format!("{c}*({d})*{restrict}"))),
                ));
            }
        }
    }
    out
}

fn b_offset(b: &Block) -> f64 {
    match b {
        Block::Abs(o) | Block::Relu(o) => *o,
        _ => 0.0,
    }
}

/// Rewrites of the right answer that are equal to it everywhere.
fn right_answers(terms: &[(String, Block)]) -> Vec<String> {
    let derivatives: Vec<String> = terms
        .iter()
        .map(|(c, b)| format!("{c}*({})", b.derivative()))
        .collect();
    let reversed: Vec<String> = terms
        .iter()
        .rev()
        .map(|(c, b)| format!("({})*{c}", b.derivative()))
        .collect();
    vec![
        sum(&derivatives),
        sum(&reversed),
        format!("0.5*(2*({}))", sum(&derivatives)),
        format!("({}) + x - x", sum(&derivatives)),
    ]
}

#[test]
fn every_typical_wrong_answer_is_wrong_and_every_rewrite_right() {
    let judged = std::cell::Cell::new(0usize);
    runner(200)
        .run(&terms(), |terms| {
            let expr = sum(
                &terms
                    .iter()
                    .map(|(c, b)| format!("{c}*{}", b.text()))
                    .collect::<Vec<_>>(),
            );
            for answer in right_answers(&terms) {
                let outcome = verdict(&expr, &answer);
                prop_assert!(
                    outcome.as_ref().is_some_and(|o| o.correct),
                    "a right answer was not judged right:\n  d/dx [{expr}]\n  answer {answer}\n  {outcome:?}"
                );
                judged.set(judged.get() + 1);
            }
            for (mistake, answer) in wrong_answers(&terms) {
                let outcome = verdict(&expr, &answer);
                prop_assert!(
                    outcome.as_ref().is_some_and(|o| !o.correct),
                    "a wrong answer ({mistake}) was not judged wrong:\n  d/dx [{expr}]\n  answer {answer}\n  {outcome:?}"
                );
                judged.set(judged.get() + 1);
            }
            Ok(())
        })
        .unwrap();
    assert!(judged.get() > 1000, "only {} answers judged", judged.get());
}

/// The examples of the issue that first showed each family, as a table.
#[test]
fn the_reported_cases() {
    let wrong = [
        ("abs(x+3)", "1"),
        ("relu(x-8)", "0"),
        ("abs(x-8)", "-1"),
        ("1e-9*x", "2e-9"),
        ("8.85e-12*x^2/2", "8.85e-12*x^2"),
        ("3e-11*x^2", "0"),
        ("x^2+1e12*x", "1e12"),
        ("abs(x)", "sqrt(x)/sqrt(x)"),
        ("x^3", "3*sqrt(x)^4"),
        ("x^2", "2*exp(ln(x))"),
        ("ln(x-100)", "1/(x-101)"),
        ("sqrt(x-20)", "1/sqrt(x-20)"),
    ];
    for (expr, answer) in wrong {
        let outcome = verdict(expr, answer);
        assert!(
            outcome.as_ref().is_some_and(|o| !o.correct),
            "{expr} / {answer}: {outcome:?}"
        );
    }
    let right = [
        ("sqrt(x-20)", "1/(2*sqrt(x-20))"),
        ("ln(x-100)", "1/(x-100)"),
        ("8.85e-12*x^2/2", "8.85e-12*x"),
        ("0.3*x^3", "0.9*x^2"),
        ("0.1*x + 0.2*x", "0.3"),
        ("1e15*x + 1e-15*x^2", "1e15 + 2e-15*x"),
        ("abs(x)", "sign(x)"),
        ("sigmoid(x)", "exp(-x)/(1+exp(-x))^2"),
    ];
    for (expr, answer) in right {
        let outcome = verdict(expr, answer);
        assert!(
            outcome.as_ref().is_some_and(|o| o.correct),
            "{expr} / {answer}: {outcome:?}"
        );
    }
}

/// A smooth block for the diagnoses: powers, sines, exponentials and
/// ln(x² + 1), whose derivatives are written above by hand.
fn smooth_block() -> impl Strategy<Value = Block> {
    prop_oneof![
        (2u32..6).prop_map(Block::Power),
        prop_oneof![Just(1.0), Just(2.0), Just(3.0)].prop_map(Block::Sine),
        prop_oneof![Just(0.1), Just(-0.3), Just(1.5)].prop_map(Block::Exponential),
        (-20i32..=20).prop_map(|k| Block::ShiftedSquare(f64::from(k) / 4.0)),
        Just(Block::LogOfSquarePlusOne),
    ]
}

/// One typical mistake made on a generated function: the function, the
/// answer the mistake gives (from the textbook derivatives above, not from
/// stepgrad's rules), and the words of its diagnosis in English and
/// Korean.
#[derive(Clone, Debug)]
struct Mistaken {
    expr: String,
    answer: String,
    english: &'static str,
    korean: &'static str,
}

fn mistaken() -> impl Strategy<Value = Mistaken> {
    let factor = prop_oneof![Just(-4.0), Just(2.5), Just(7.0)];
    let constant = prop_oneof![Just(3.0), Just(-7.0), Just(0.25)];
    let exponent = 2u32..10;
    let base = prop_oneof![Just(2.0), Just(3.0), Just(10.0), Just(0.5), Just(1.5)];
    let pair = prop_oneof![
        (
            (2u32..6).prop_map(Block::Power),
            prop_oneof![Just(1.0), Just(2.0)].prop_map(Block::Sine)
        ),
        (
            (2u32..6).prop_map(Block::Power),
            Just(Block::Exponential(0.5))
        ),
        (Just(Block::Sine(3.0)), Just(Block::Exponential(-0.3))),
        (Just(Block::LogOfSquarePlusOne), Just(Block::Sine(2.0))),
    ];
    let m = |expr: String, answer: String, english, korean| Mistaken {
        expr,
        answer,
        english,
        korean,
    };
    prop_oneof![
        // (c·f)′ answered f′, and the forgotten ½ of ½·(x − o)².
        (factor.clone(), smooth_block()).prop_map(move |(c, b)| m(
            format!("{c}*({})", b.text()),
            b.derivative(),
            "the constant factor",
            "상수 인수"
        )),
        (-20i32..=20).prop_map(move |k| {
            let b = Block::ShiftedSquare(f64::from(k) / 4.0);
            m(
                format!("0.5*{}", b.text()),
                b.derivative(),
                "the constant factor 0.5 is missing",
                "상수 인수 0.5가 빠졌습니다",
            )
        }),
        // (f + c)′ answered f′ + c.
        (constant, smooth_block()).prop_map(move |(c, b)| m(
            format!("{} + {c}", b.text()),
            format!("{} + {c}", b.derivative()),
            "a constant term is kept",
            "상수항을 남겼습니다"
        )),
        // (u·v)′ answered u′·v′.
        pair.prop_map(move |(u, v)| m(
            format!("({})*({})", u.text(), v.text()),
            format!("({})*({})", u.derivative(), v.derivative()),
            "the product rule is not u′·v′",
            "곱의 법칙은 u′·v′가 아닙니다"
        )),
        // (c·xⁿ)′ answered c·xⁿ⁻¹ and c·n·xⁿ.
        (factor.clone(), exponent.clone()).prop_map(move |(c, n)| m(
            format!("{c}*x^{n}"),
            format!("{c}*x^{}", n - 1),
            "the power rule's coefficient is missing",
            "거듭제곱 법칙의 계수가 빠졌습니다"
        )),
        (factor.clone(), exponent).prop_map(move |(c, n)| m(
            format!("{c}*x^{n}"),
            format!("{c}*{n}*x^{n}"),
            "the power rule's exponent is not lowered",
            "지수를 하나 줄이지 않았습니다"
        )),
        // (aˣ)′ answered x·a^(x−1).
        base.prop_map(move |a| m(
            format!("{a}^x"),
            format!("x*{a}^(x - 1)"),
            "the power rule is for xⁿ",
            "거듭제곱 법칙은 지수가 상수인 xⁿ에 씁니다"
        )),
        // (c/v)′ answered c·v′/v², as 1/x answered 1/x².
        (
            factor,
            prop_oneof![
                Just(("x", "1")),
                Just(("x^2 + 1", "2*x")),
                Just(("exp(0.5*x)", "0.5*exp(0.5*x)"))
            ]
        )
            .prop_map(move |(c, (v, dv))| m(
                format!("{c}/({v})"),
                format!("{c}*({dv})/({v})^2"),
                "the derivative of 1/v is −v′/v²",
                "1/v의 도함수는 −v′/v²입니다"
            )),
        // f′ answered −f′.
        smooth_block().prop_map(move |b| m(
            b.text(),
            format!("-({})", b.derivative()),
            "sign error",
            "부호가 틀렸습니다"
        )),
    ]
}

/// The diagnosis `check` states for `answer` as the derivative of `expr`
/// by x, in `lang`; `None` when the answer is right, undecided or not
/// diagnosed.
fn diagnosis(expr: &str, answer: &str, lang: Lang) -> Option<String> {
    let mut g = Graph::new();
    let e = parse(&mut g, expr).unwrap_or_else(|err| panic!("{expr}: {err}"));
    let a = parse(&mut g, answer).unwrap_or_else(|err| panic!("{answer}: {err}"));
    let outcome = check_derivative(&mut g, e, a, "x").ok()?;
    assert!(!outcome.correct, "{answer} judged right for {expr}");
    let d = outcome.diagnosis.clone()?;
    Some(diagnosis_text_in(lang, &d, &outcome, &g, Notation::Unicode))
}

#[test]
fn every_typical_mistake_is_named_and_no_other_answer_is() {
    runner(160)
        .run(&mistaken(), |m| {
            for (lang, words) in [(Lang::En, m.english), (Lang::Ko, m.korean)] {
                let said = diagnosis(&m.expr, &m.answer, lang);
                prop_assert!(
                    said.as_deref().is_some_and(|s| s.contains(words)),
                    "{} answered {}: expected {:?}, got {:?}",
                    m.expr,
                    m.answer,
                    words,
                    said
                );
                // An answer a little off the mistaken one is not that
                // mistake: the diagnosis needs agreement at every point.
                for near in [
                    format!("{} + 0.001*x^2", m.answer),
                    format!("({})*(1 + 0.01*x)", m.answer),
                ] {
                    let said = diagnosis(&m.expr, &near, lang);
                    prop_assert!(
                        !said.as_deref().is_some_and(|s| s.contains(words)),
                        "{} answered {}: {:?} claimed",
                        m.expr,
                        near,
                        said
                    );
                }
            }
            Ok(())
        })
        .unwrap();
}
