//! The report of `net --check`: a table of each entry of the student's
//! sheet — the value as written, stepgrad's, the verdict and the likely
//! mistake — then what each mistake found means, and a count; in JSON one
//! object per entry with the mistake as a stable identifier and its
//! explanation in the session's language.
//!
//! Invariant: the verdicts are the library's `Judgement`s, written as they
//! are; nothing here judges.

use super::doc::{self, text, Block, Cell};
use super::{json as document, Format, Style};
use crate::i18n::Lang;
use crate::msg;
use crate::network::answers::{Judgement, Mistake, Verdict};
use crate::number::format_significant;
use serde_json::{json, Value};

/// What the check was of.
pub struct CheckReport<'a> {
    pub network: &'a str,
    pub sheet: &'a str,
    /// 1-based.
    pub sample: usize,
    pub judged: &'a [Judgement],
    /// `--digits`, when given.
    pub digits: Option<usize>,
}

/// The report in `format` (text, Markdown, LaTeX or JSON).
pub fn render(report: &CheckReport, format: Format, style: &Style) -> String {
    if format == Format::Json {
        return document::document(&json_value(report, style));
    }
    doc::render(&blocks(report, style), format, style)
}

fn json_value(report: &CheckReport, style: &Style) -> Value {
    let lang = style.lang;
    let entries: Vec<Value> = report
        .judged
        .iter()
        .map(|j| {
            let (mistake, carried_from, candidates) = match &j.verdict {
                Verdict::Mistake(m) => (Some(m.id()), None, Vec::new()),
                Verdict::Carried { from } => (Some("carried"), Some(from.clone()), Vec::new()),
                Verdict::Several(ms) => (None, None, ms.iter().map(Mistake::id).collect()),
                _ => (None, None, Vec::new()),
            };
            json!({
                "name": j.name,
                "given": j.given,
                "written": j.written,
                "expected": j.expected,
                "right": j.right(),
                "mistake": mistake,
                "carried_from": carried_from,
                "candidates": candidates,
                "message": explanation(&j.verdict, lang),
            })
        })
        .collect();
    let right = report.judged.iter().filter(|j| j.right()).count();
    let mut object = json!({
        "network": report.network,
        "sheet": report.sheet,
        "sample": report.sample,
        "entries": null,
        "right": right,
        "wrong": report.judged.len() - right,
    });
    object["entries"] = Value::Array(entries);
    object
}

fn blocks(report: &CheckReport, style: &Style) -> Vec<Block> {
    let lang = style.lang;
    let header: Vec<Cell> = [
        "net-check-name",
        "net-check-given",
        "net-check-expected",
        "net-check-verdict",
        "net-check-mistake",
    ]
    .iter()
    .map(|id| vec![text(crate::i18n::message(lang, id, &[]))])
    .collect();
    let rows = report
        .judged
        .iter()
        .map(|j| {
            vec![
                vec![text(j.name.clone())],
                vec![text(j.written.clone())],
                vec![text(format_significant(
                    j.expected,
                    digits(j, report.digits),
                ))],
                vec![text(verdict_word(j, lang))],
                vec![text(label(&j.verdict, lang))],
            ]
        })
        .collect();
    let mut out = vec![
        Block::Heading {
            level: 1,
            text: vec![text(msg!(
                lang,
                "net-check-heading",
                sheet = report.sheet,
                network = report.network,
                sample = report.sample.to_string()
            ))],
        },
        Block::Paragraph(vec![text(msg!(lang, "net-check-intro"))]),
        Block::Table { header, rows },
    ];
    out.extend(explanations(report.judged, lang));
    let right = report.judged.iter().filter(|j| j.right()).count();
    out.push(Block::Paragraph(vec![text(msg!(
        lang,
        "net-check-summary",
        right = right,
        total = report.judged.len()
    ))]));
    out
}

/// One paragraph per entry not plainly right: what its verdict means.
fn explanations(judged: &[Judgement], lang: Lang) -> Vec<Block> {
    judged
        .iter()
        .filter(|j| j.verdict != Verdict::Right)
        .map(|j| {
            Block::Paragraph(vec![text(msg!(
                lang,
                "net-check-explained",
                name = j.name.clone(),
                why = explanation(&j.verdict, lang)
            ))])
        })
        .collect()
}

/// stepgrad's value to two significant digits more than the student
/// wrote (from 4 to 9), or to `--digits`.
fn digits(j: &Judgement, asked: Option<usize>) -> usize {
    if let Some(digits) = asked {
        return digits;
    }
    let mantissa = j.written.split(['e', 'E']).next().unwrap_or("");
    let significant = mantissa
        .chars()
        .filter(char::is_ascii_digit)
        .skip_while(|&c| c == '0')
        .count();
    (significant + 2).clamp(4, 9)
}

fn verdict_word(j: &Judgement, lang: Lang) -> String {
    match j.verdict {
        Verdict::Right => msg!(lang, "net-check-right"),
        Verdict::RightFromOwn => msg!(lang, "net-check-right-own"),
        _ => msg!(lang, "net-check-wrong"),
    }
}

/// The short label of the table's last column.
fn label(verdict: &Verdict, lang: Lang) -> String {
    match verdict {
        Verdict::Right | Verdict::RightFromOwn => String::new(),
        Verdict::Mistake(m) => mistake_label(m, lang),
        Verdict::Carried { .. } => msg!(lang, "net-check-carried"),
        Verdict::Several(_) => msg!(lang, "net-check-several"),
        Verdict::Unknown => msg!(lang, "net-check-unknown"),
    }
}

fn mistake_label(mistake: &Mistake, lang: Lang) -> String {
    match mistake {
        Mistake::MissingPath(path) => {
            msg!(lang, "net-check-label-missing_path", path = path.clone())
        }
        m => crate::i18n::message(lang, &format!("net-check-label-{}", m.id()), &[]),
    }
}

/// The sentence that explains a verdict (JSON's `"message"`).
pub fn explanation(verdict: &Verdict, lang: Lang) -> String {
    match verdict {
        Verdict::Right => msg!(lang, "net-check-why-right"),
        Verdict::RightFromOwn => msg!(lang, "net-check-why-right-own"),
        Verdict::Mistake(Mistake::MissingPath(path)) => {
            msg!(lang, "net-check-why-missing_path", path = path.clone())
        }
        Verdict::Mistake(m) => {
            crate::i18n::message(lang, &format!("net-check-why-{}", m.id()), &[])
        }
        Verdict::Carried { from } => msg!(lang, "net-check-why-carried", from = from.clone()),
        Verdict::Several(ms) => {
            let names: Vec<String> = ms.iter().map(|m| mistake_label(m, lang)).collect();
            msg!(lang, "net-check-why-several", mistakes = names.join("; "))
        }
        Verdict::Unknown => msg!(lang, "net-check-why-unknown"),
    }
}
