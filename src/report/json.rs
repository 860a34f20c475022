//! JSON as the reports write it: one value, pretty-printed with two-space
//! indents, ending in a newline.
//!
//! A long list (a run's epoch records) can be written straight from its
//! data instead of being built as `Value`s first: `Splices::place` prints
//! it at once and leaves a marker string in the value, and
//! `Splices::document` puts the printed text where the marker is, indented
//! as the printer would have indented it.
//!
//! Invariant: writing never fails and never writes nothing — a
//! `serde_json::Value` has string keys and only finite numbers (a NaN or an
//! infinity becomes `null` when the value is made), so it always has a
//! text, which `Display` writes exactly as `to_string_pretty` would.

use serde::Serialize;
use serde_json::Value;

/// `value` as the text of a JSON document: as `{value:#}` writes it,
/// serialized straight into the text rather than through a formatter.
pub fn document(value: &Value) -> String {
    // invariant: a `Value` always serializes (its keys are strings).
    let mut text = serde_json::to_string_pretty(value).expect("a JSON value prints");
    text.push('\n');
    text
}

/// Values printed ahead of their document, each with the marker that
/// holds its place in the document's `Value`.
#[derive(Default)]
pub struct Splices {
    printed: Vec<(String, String)>,
}

impl Splices {
    /// `value` printed now; the marker string to put in its place. The
    /// marker, between two characters of Unicode's private use area, is
    /// not text a report holds.
    pub fn place<T: Serialize + ?Sized>(&mut self, value: &T) -> Value {
        let marker = format!("\u{F8FF}spliced {}\u{F8FF}", self.printed.len());
        // invariant: the values placed are records of numbers, options and
        // strings, which always print.
        let text = serde_json::to_string_pretty(value).expect("a report value prints");
        self.printed.push((marker.clone(), text));
        Value::String(marker)
    }

    /// `value` as the text of a JSON document, each placed value where its
    /// marker stands, its lines indented as deep as the marker's line.
    pub fn document(&self, value: &Value) -> String {
        let mut out = document(value);
        for (marker, text) in &self.printed {
            let quoted = format!("\"{marker}\"");
            let Some(at) = out.find(&quoted) else {
                continue;
            };
            let line = out[..at].rfind('\n').map_or(0, |p| p + 1);
            let depth = out[line..at].len() - out[line..at].trim_start_matches(' ').len();
            let indented = text.replace('\n', &format!("\n{}", " ".repeat(depth)));
            out.replace_range(at..at + quoted.len(), &indented);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// A document is the value's alternate display, escapes and all.
    #[test]
    fn documents_are_the_pretty_display() {
        let value = json!({
            "text": "a \"quoted\" x² \\ tab\t line\n \u{1}",
            "numbers": [0.1, -2.5e-300, 1e300, 7],
            "empty": {},
            "none": [],
            "nested": [{"a": null, "b": [true, false]}],
        });
        assert_eq!(document(&value), format!("{value:#}\n"));
    }

    /// Placed values print as the whole value would: nested at any depth,
    /// empty, with a null.
    #[test]
    fn placed_values_print_as_the_whole_value_would() {
        let rows = vec![json!({"a": 1, "b": null}), json!({"a": 2.5, "b": [1, 2]})];
        let mut splices = Splices::default();
        let value = json!({
            "top": splices.place(&rows),
            "deep": {"runs": [{"rows": splices.place(&rows)}, {"rows": splices.place(&Vec::<Value>::new())}]},
            "after": "x",
        });
        let whole = json!({
            "top": rows,
            "deep": {"runs": [{"rows": rows}, {"rows": []}]},
            "after": "x",
        });
        assert_eq!(splices.document(&value), document(&whole));
    }

    #[test]
    fn documents_are_pretty_and_whole() {
        let value = json!({"a": [1, 2.5], "b": f64::NAN, "c": {"d": "e"}});
        let expected = serde_json::to_string_pretty(&value).unwrap() + "\n";
        assert_eq!(document(&value), expected);
        assert!(document(&value).contains("\"b\": null"));
    }
}
