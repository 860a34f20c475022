//! Which character separates a CSV's fields: a comma, a semicolon or a
//! tab, decided from the header line and the first rows. A candidate is
//! *consistent* when it occurs (outside double quotes) as often on every
//! sampled row as on the header, and at least once. One consistent
//! candidate wins; a header naming several with no single consistent one
//! is refused at the header, since guessing would silently read the
//! columns wrong.
//!
//! Invariant: a file whose header holds only one of the three characters
//! is read with it (a ragged row is then reported at its line, as before);
//! a header with none is read as one comma-separated column.

use crate::i18n::Text;
use crate::text;

/// A field separator stepgrad reads.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Delimiter {
    #[default]
    Comma,
    Semicolon,
    Tab,
}

/// How many data rows after the header the detection looks at.
const ROWS_LOOKED_AT: usize = 20;

impl Delimiter {
    pub const ALL: [Delimiter; 3] = [Delimiter::Comma, Delimiter::Semicolon, Delimiter::Tab];

    pub fn byte(self) -> u8 {
        match self {
            Delimiter::Comma => b',',
            Delimiter::Semicolon => b';',
            Delimiter::Tab => b'\t',
        }
    }

    pub fn char(self) -> char {
        char::from(self.byte())
    }

    /// The name the catalogue selects on (`comma`, `semicolon`, `tab`).
    pub fn name(self) -> &'static str {
        match self {
            Delimiter::Comma => "comma",
            Delimiter::Semicolon => "semicolon",
            Delimiter::Tab => "tab",
        }
    }
}

/// The occurrences of `c` in `line` outside double quotes.
fn count_outside_quotes(line: &str, c: char) -> usize {
    let mut quoted = false;
    let mut count = 0;
    for ch in line.chars() {
        if ch == '"' {
            quoted = !quoted;
        } else if ch == c && !quoted {
            count += 1;
        }
    }
    count
}

/// The delimiter of the CSV `text`, or the message and hint refusing an
/// ambiguous header (the caller locates it at the header line).
pub fn detect(text: &str) -> Result<Delimiter, (Text, Text)> {
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    let Some(header) = lines.next() else {
        return Ok(Delimiter::Comma);
    };
    let rows: Vec<&str> = lines.take(ROWS_LOOKED_AT).collect();
    let in_header: Vec<Delimiter> = Delimiter::ALL
        .into_iter()
        .filter(|d| count_outside_quotes(header, d.char()) > 0)
        .collect();
    match in_header.as_slice() {
        [] => return Ok(Delimiter::Comma),
        [only] => return Ok(*only),
        _ => {}
    }
    let consistent: Vec<Delimiter> = in_header
        .iter()
        .copied()
        .filter(|d| {
            let columns = count_outside_quotes(header, d.char());
            rows.iter()
                .all(|row| count_outside_quotes(row, d.char()) == columns)
        })
        .collect();
    match consistent.as_slice() {
        [one] => Ok(*one),
        _ => Err((
            text!("csv-delimiter-ambiguous"),
            text!("csv-delimiter-ambiguous-hint"),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_header_and_rows_decide() {
        let table = [
            ("x1,x2,y\n0,1,1\n", Some(Delimiter::Comma)),
            ("x1;x2;y\n0.5;1;1\n", Some(Delimiter::Semicolon)),
            ("x1\tx2\ty\n0\t1\t1\n", Some(Delimiter::Tab)),
            ("x\n1\n", Some(Delimiter::Comma)),
            // The header holds both; only the semicolon is on every row as often.
            ("a;b,c\n1;2\n3;4\n", Some(Delimiter::Semicolon)),
            ("\"a,b\";c\n1;2\n", Some(Delimiter::Semicolon)),
            // Both consistent, or neither: refused.
            ("a;b,c\n1;2,3\n", None),
            ("a;b,c\n1;2;3\n1,2\n", None),
        ];
        for (text, expected) in table {
            assert_eq!(detect(text).ok(), expected, "{text:?}");
        }
    }
}
