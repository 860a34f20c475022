//! Catalogue messages as spans. A report's sentence often holds math —
//! "Derivation of d/dx [x²·sin(x)]", "x = 1에서 도함수의 값은 …" — which each
//! format writes its own way (Unicode in the terminal, `$…$` in Markdown,
//! LaTeX in LaTeX), and whose place in the sentence differs between
//! languages. So a math argument goes into the message as a marker that
//! carries its Unicode form (for Korean particles, which are chosen by how
//! the math ends) between characters of the private use area; the
//! formatted message is then cut at the markers into text and math spans.
//!
//! Invariant: every argument shows up in the spans as it was given —
//! text as text, math as the same `Math`, spans as the same spans — and
//! the text between them is the message's, unchanged.

use super::{Math, Span};
use crate::i18n::{message, Arg, Lang};

/// An argument of a message written as spans.
#[derive(Clone, Debug, PartialEq)]
pub enum Part {
    /// Text shown as it is.
    Text(String),
    /// A whole number (thousands separators, plural forms).
    Count(u64),
    /// Math, written as each format writes math.
    Math(Math),
    /// Spans of their own (a sentence with math in it).
    Spans(Vec<Span>),
}

impl From<Math> for Part {
    fn from(m: Math) -> Part {
        Part::Math(m)
    }
}

impl From<&Math> for Part {
    fn from(m: &Math) -> Part {
        Part::Math(m.clone())
    }
}

impl From<Vec<Span>> for Part {
    fn from(spans: Vec<Span>) -> Part {
        Part::Spans(spans)
    }
}

impl From<&str> for Part {
    fn from(s: &str) -> Part {
        Part::Text(s.to_string())
    }
}

impl From<String> for Part {
    fn from(s: String) -> Part {
        Part::Text(s)
    }
}

impl From<&String> for Part {
    fn from(s: &String) -> Part {
        Part::Text(s.clone())
    }
}

impl From<usize> for Part {
    fn from(n: usize) -> Part {
        Part::Count(n as u64)
    }
}

/// Where a marked argument begins, where its index ends, and where it ends.
const OPEN: char = '\u{E000}';
const INDEX_END: char = '\u{E001}';
const CLOSE: char = '\u{E002}';

/// The message `id` in `lang` as spans, each math or spans argument in
/// its place.
pub fn message_spans(lang: Lang, id: &str, parts: &[(&str, Part)]) -> Vec<Span> {
    let args: Vec<(&str, Arg)> = parts
        .iter()
        .enumerate()
        .map(|(k, (name, part))| {
            let arg = match part {
                Part::Text(t) => Arg::text(t.clone()),
                Part::Count(n) => Arg::count(*n),
                Part::Math(m) => Arg::text(marked(k, &m.unicode)),
                Part::Spans(spans) => Arg::text(marked(k, &plain(spans))),
            };
            (*name, arg)
        })
        .collect();
    cut(&message(lang, id, &args), parts)
}

/// The message `id` in `lang` as one line of plain text: math in
/// Unicode.
pub fn message_text(lang: Lang, id: &str, parts: &[(&str, Part)]) -> String {
    plain(&message_spans(lang, id, parts))
}

fn marked(index: usize, reading: &str) -> String {
    format!("{OPEN}{index}{INDEX_END}{reading}{CLOSE}")
}

/// Spans as plain text, math in Unicode.
pub fn plain(spans: &[Span]) -> String {
    spans
        .iter()
        .map(|span| match span {
            Span::Text(t) | Span::Strong(t) | Span::Alert(t) => t.clone(),
            Span::Math(m) | Span::Display(m) => m.unicode.clone(),
            Span::NoValue => super::NO_VALUE.to_string(),
        })
        .collect()
}

/// The formatted message cut at its markers.
fn cut(formatted: &str, parts: &[(&str, Part)]) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut text = String::new();
    let mut rest = formatted;
    while let Some(start) = rest.find(OPEN) {
        text.push_str(&rest[..start]);
        let marker = &rest[start + OPEN.len_utf8()..];
        let (Some(index_end), Some(close)) = (marker.find(INDEX_END), marker.find(CLOSE)) else {
            // Not a marker of ours: keep it as text.
            text.push(OPEN);
            rest = marker;
            continue;
        };
        let part = marker[..index_end]
            .parse::<usize>()
            .ok()
            .and_then(|k| parts.get(k));
        match part {
            Some((_, Part::Math(m))) => {
                flush(&mut spans, &mut text);
                spans.push(Span::Math(m.clone()));
            }
            Some((_, Part::Spans(inner))) => {
                for span in inner {
                    match span {
                        Span::Text(t) => text.push_str(t),
                        other => {
                            flush(&mut spans, &mut text);
                            spans.push(other.clone());
                        }
                    }
                }
            }
            // invariant: only math and spans arguments are marked.
            _ => text.push_str(&marker[index_end + INDEX_END.len_utf8()..close]),
        }
        rest = &marker[close + CLOSE.len_utf8()..];
    }
    text.push_str(rest);
    flush(&mut spans, &mut text);
    spans
}

fn flush(spans: &mut Vec<Span>, text: &mut String) {
    if !text.is_empty() {
        spans.push(Span::Text(std::mem::take(text)));
    }
}

/// A message of the catalogue as spans: `msg_spans!(lang, "id", name =
/// value, …)`, each value text, a count, `Math` or spans.
#[macro_export]
macro_rules! msg_spans {
    ($lang:expr, $id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::report::doc::message_spans(
            $lang,
            $id,
            &[$((stringify!($name), $crate::report::doc::Part::from($value))),*],
        )
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn math_keeps_its_place_and_its_particle() {
        let applied = Math::new("d/dx [sin(3·x)]", "\\frac{d}{dx}\\left[\\sin(3x)\\right]");
        let answer = Math::new("cos(3·x)", "\\cos(3x)");
        let parts = [
            ("answer", Part::from(answer.clone())),
            ("derivative", Part::from(applied.clone())),
        ];
        let en = message_spans(Lang::En, "check-not-correct", &parts);
        assert_eq!(
            en,
            vec![
                Span::Math(answer.clone()),
                Span::Text(" is not ".into()),
                Span::Math(applied.clone()),
                Span::Text(".".into()),
            ]
        );
        let ko = plain(&message_spans(Lang::Ko, "check-not-correct", &parts));
        assert_eq!(ko, "cos(3·x)는 d/dx [sin(3·x)]와 같지 않습니다.");
    }

    #[test]
    fn spans_arguments_are_spliced_in() {
        let inner = vec![
            Span::Text("a ".into()),
            Span::Math(Math::new("x", "x")),
            Span::Text(" b".into()),
        ];
        let spans = message_spans(
            Lang::En,
            "check-likely-mistake",
            &[("mistake", Part::from(inner))],
        );
        assert_eq!(
            spans,
            vec![
                Span::Text("Likely mistake: a ".into()),
                Span::Math(Math::new("x", "x")),
                Span::Text(" b.".into()),
            ]
        );
    }
}
