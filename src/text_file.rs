//! Text as stepgrad reads it from files and standard input: UTF-8, with a
//! leading byte-order mark skipped. Editors on Windows save UTF-8 with a
//! BOM (U+FEFF) that no one sees; read as text it would be a stray
//! character before the first line of a problem file, a spec, a CSV
//! header or a lesson's front matter.
//!
//! Invariant: every text stepgrad reads passes through `without_bom`
//! before it is parsed, so line 1 column 1 is the first visible character.

/// The byte-order mark, U+FEFF (EF BB BF in UTF-8).
pub const BYTE_ORDER_MARK: char = '\u{feff}';

/// `text` without a leading byte-order mark (one; a second one is text).
pub fn without_bom(mut text: String) -> String {
    if text.starts_with(BYTE_ORDER_MARK) {
        text.drain(..BYTE_ORDER_MARK.len_utf8());
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_leading_mark_is_skipped() {
        assert_eq!(without_bom("\u{feff}x^2\n".into()), "x^2\n");
        assert_eq!(without_bom("x^2\n".into()), "x^2\n");
        assert_eq!(without_bom("\u{feff}\u{feff}x".into()), "\u{feff}x");
        assert_eq!(without_bom("a\u{feff}".into()), "a\u{feff}");
        assert_eq!(without_bom(String::new()), "");
    }
}
