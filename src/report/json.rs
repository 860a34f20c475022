//! JSON as the reports write it: one value, pretty-printed with two-space
//! indents, ending in a newline.
//!
//! Invariant: writing never fails and never writes nothing — a
//! `serde_json::Value` has string keys and only finite numbers (a NaN or an
//! infinity becomes `null` when the value is made), so it always has a
//! text, which `Display` writes exactly as `to_string_pretty` would.

use serde_json::Value;

/// `value` as the text of a JSON document.
pub fn document(value: &Value) -> String {
    format!("{value:#}\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn documents_are_pretty_and_whole() {
        let value = json!({"a": [1, 2.5], "b": f64::NAN, "c": {"d": "e"}});
        let expected = serde_json::to_string_pretty(&value).unwrap() + "\n";
        assert_eq!(document(&value), expected);
        assert!(document(&value).contains("\"b\": null"));
    }
}
