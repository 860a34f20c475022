//! What stepgrad read, to echo when it differs from what was typed.
//!
//! A student types `2x²sin x`; stepgrad reads 2·x²·sin(x). The commands
//! show "read as 2·x²·sin(x)" so that the student can see how the
//! textbook notation was understood. Text in stepgrad's plain syntax is
//! never echoed (it means what it says), nor text already written as
//! stepgrad writes it, in ASCII or in Unicode, up to spaces.
//!
//! Invariant: `differs` is true only for input written in textbook
//! notation whose canonical forms both differ from it modulo whitespace.

use super::graph::{Graph, Id};
use super::parse::uses_textbook_notation;
use super::print::{ascii, unicode};
use crate::i18n::Lang;

/// The canonical texts of an expression typed in textbook notation, and
/// whether they differ from the input. Plain text reads as typed: its
/// reading has no texts (both empty) and never differs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reading {
    /// Plain ASCII, as `--format json` writes expressions: `2*x^2*sin(x)`.
    pub ascii: String,
    /// As the terminal shows it: `2·x²·sin(x)`.
    pub unicode: String,
    /// The input was written in textbook notation and reads as something
    /// other than it shows: echo `message`.
    pub differs: bool,
}

impl Reading {
    /// "read as 2·x²·sin(x)" when the reading differs from the input.
    pub fn message(&self, lang: Lang) -> Option<String> {
        self.differs
            .then(|| crate::msg!(lang, "parse-read-as", expression = &self.unicode))
    }
}

/// How `input`, parsed as `id` in `graph`, was read.
pub fn reading(graph: &Graph, input: &str, id: Id) -> Reading {
    reading_of(graph, input, id, uses_textbook_notation(input))
}

/// `reading` of an input known to be written in textbook notation or not
/// (`Parsed::textbook`).
pub fn reading_of(graph: &Graph, input: &str, id: Id, textbook: bool) -> Reading {
    if !textbook {
        return Reading {
            ascii: String::new(),
            unicode: String::new(),
            differs: false,
        };
    }
    let ascii = ascii(graph, id);
    let unicode = unicode(graph, id);
    let typed = without_whitespace(input);
    let differs = typed != without_whitespace(&ascii) && typed != without_whitespace(&unicode);
    Reading {
        ascii,
        unicode,
        differs,
    }
}

fn without_whitespace(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::expr::parse;

    fn read_as(input: &str, lang: Lang) -> Option<String> {
        let mut graph = Graph::new();
        let id = parse(&mut graph, input).unwrap();
        reading(&graph, input, id).message(lang)
    }

    #[test]
    fn textbook_input_is_echoed_as_read() {
        assert_eq!(
            read_as("2x²sin x", Lang::En).as_deref(),
            Some("read as 2·x²·sin(x)")
        );
        assert_eq!(
            read_as("2x²sin x", Lang::Ko).as_deref(),
            Some("2·x²·sin(x)로 읽었습니다")
        );
        assert_eq!(
            read_as("(x+1)(x-1)", Lang::En).as_deref(),
            Some("read as (x + 1)·(x − 1)")
        );
        assert_eq!(
            read_as("sin^2 x", Lang::Ko).as_deref(),
            Some("sin(x)²으로 읽었습니다")
        );
    }

    #[test]
    fn what_reads_as_typed_is_not_echoed() {
        for input in [
            "x^2*sin(x)",
            "(x + 1)",
            "1e-3*x",
            "2·x·sin(x) + x²·cos(x)",
            "2 · x",
            "σ(x)",
            "x²",
        ] {
            assert_eq!(read_as(input, Lang::En), None, "{input}");
        }
    }

    #[test]
    fn the_reading_gives_both_canonical_forms() {
        let mut graph = Graph::new();
        let input = "½x⁻¹";
        let id = parse(&mut graph, input).unwrap();
        let r = reading(&graph, input, id);
        assert_eq!(r.ascii, "0.5*x^-1");
        assert_eq!(r.unicode, "½·x⁻¹");
        assert!(r.differs);
    }
}
