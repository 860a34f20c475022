//! Breaking text into lines, for the terminal (widths in columns, a wide
//! Korean or CJK character counting two) and for pictures (widths in
//! pixels). The words are measured by the caller and laid out by
//! textwrap's first-fit algorithm, so every wrapper in stepgrad breaks
//! lines the same way.
//!
//! Invariant: words are never split or reordered; a line holds at least one
//! word, so a word wider than the line stands on a line of its own.

use textwrap::core::Fragment;
use unicode_width::UnicodeWidthStr;

/// A word with the width it takes and the width of the space after it.
#[derive(Clone, Copy, Debug)]
struct Measured<'a> {
    text: &'a str,
    width: f64,
    space: f64,
}

impl Fragment for Measured<'_> {
    fn width(&self) -> f64 {
        self.width
    }
    fn whitespace_width(&self) -> f64 {
        self.space
    }
    fn penalty_width(&self) -> f64 {
        0.0
    }
}

/// The words of `text` (split at spaces, tabs and newlines — a no-break
/// space keeps its neighbours together) gathered into lines: the first
/// at most `first` wide, the others at most `rest`, each word `measure`d
/// and separated by `space`.
pub fn lines(
    text: &str,
    first: f64,
    rest: f64,
    space: f64,
    measure: impl Fn(&str) -> f64,
) -> Vec<Vec<&str>> {
    let words: Vec<Measured> = text
        .split([' ', '\t', '\n'])
        .filter(|w| !w.is_empty())
        .map(|w| Measured {
            text: w,
            width: measure(w),
            space,
        })
        .collect();
    textwrap::wrap_algorithms::wrap_first_fit(&words, &[first, rest])
        .into_iter()
        .map(|line| line.iter().map(|w| w.text).collect())
        .collect()
}

/// The display width of `text` in terminal columns.
pub fn columns(text: &str) -> usize {
    text.width()
}

/// Wraps `text` to `width` columns, starting the first line with `first`
/// and the others with `rest`; `visible` measures a word (it may leave out
/// markup such as `**`). Each line ends with a newline.
pub fn wrap_columns(
    text: &str,
    width: usize,
    first: &str,
    rest: &str,
    visible: impl Fn(&str) -> usize,
) -> String {
    let room = |prefix: &str| width.saturating_sub(columns(prefix)).max(1) as f64;
    let mut out = String::new();
    let broken = lines(text, room(first), room(rest), 1.0, |w| visible(w) as f64);
    for (k, line) in broken.iter().enumerate() {
        let prefix = if k == 0 { first } else { rest };
        out.push_str(format!("{prefix}{}", line.join(" ")).trim_end());
        out.push('\n');
    }
    if out.is_empty() {
        out.push_str(first.trim_end());
        out.push('\n');
    }
    out
}

/// The display width of `text` in terminal columns, colour codes
/// (`ESC[…m`) taking none.
pub fn visible_columns(text: &str) -> usize {
    let mut total = 0;
    let mut rest = text;
    while let Some(start) = rest.find('\x1b') {
        total += columns(&rest[..start]);
        rest = &rest[start..];
        rest = match rest.find('m') {
            Some(end) => &rest[end + 1..],
            None => "",
        };
    }
    total + columns(rest)
}

/// A formula or a line of text broken to fit: the first line at most
/// `first` columns, the others at most `rest`. It is cut before an
/// operator (` + `, ` − `, ` - `, ` · `, ` = `) where it can be, and at
/// any space in a piece that is still too wide; each line after the first
/// begins with the operator it was cut before. A formula that fits is
/// one line, unchanged.
pub fn formula_lines(text: &str, first: usize, rest: usize) -> Vec<String> {
    if visible_columns(text) <= first {
        return vec![text.to_string()];
    }
    let operators = [" + ", " − ", " - ", " · ", " = ", " → "];
    let cuts: Vec<usize> = text
        .char_indices()
        .filter(|&(k, c)| c == ' ' && k > 0 && operators.iter().any(|op| text[k..].starts_with(op)))
        .map(|(k, _)| k)
        .collect();
    let mut lines = Vec::new();
    for (k, piece) in first_fit(text, &cuts, first, rest).into_iter().enumerate() {
        let room = if k == 0 && lines.is_empty() {
            first
        } else {
            rest
        };
        if visible_columns(piece) <= room {
            lines.push(piece.to_string());
            continue;
        }
        let spaces: Vec<usize> = piece
            .char_indices()
            .filter(|&(k, c)| c == ' ' && k > 0)
            .map(|(k, _)| k)
            .collect();
        lines.extend(
            first_fit(piece, &spaces, room, rest)
                .into_iter()
                .map(str::to_string),
        );
    }
    lines
}

/// `text` cut at some of `cuts` (byte offsets of spaces), first fit: a
/// line takes what fits; the pieces are trimmed.
fn first_fit<'a>(text: &'a str, cuts: &[usize], first: usize, rest: usize) -> Vec<&'a str> {
    let mut lines = Vec::new();
    let mut start = 0;
    let mut last_fit: Option<usize> = None;
    for &at in cuts.iter().chain(std::iter::once(&text.len())) {
        let room = if lines.is_empty() { first } else { rest };
        if visible_columns(text[start..at].trim()) <= room {
            last_fit = Some(at);
            continue;
        }
        if let Some(cut) = last_fit.filter(|&c| c > start) {
            lines.push(text[start..cut].trim());
            start = cut;
        }
        let room = if lines.is_empty() { first } else { rest };
        if at < text.len() && visible_columns(text[start..at].trim()) > room {
            lines.push(text[start..at].trim());
            start = at;
            last_fit = None;
        } else {
            last_fit = Some(at);
        }
    }
    lines.push(text[start..].trim());
    lines.retain(|l| !l.is_empty());
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_fit_in_columns() {
        assert_eq!(
            wrap_columns("a b c", 3, "- ", "  ", columns),
            "- a\n  b\n  c\n"
        );
        assert_eq!(
            wrap_columns("one two three", 9, "", "", columns),
            "one two\nthree\n"
        );
        assert_eq!(wrap_columns("", 10, "> ", "  ", columns), ">\n");
    }

    #[test]
    fn wide_characters_count_twice() {
        // Each Hangul syllable takes two columns: "가나다" is 6 wide.
        assert_eq!(
            wrap_columns("가나다 라마", 8, "", "", columns),
            "가나다\n라마\n"
        );
    }

    #[test]
    fn formulas_break_before_operators() {
        let text = "E = a·b + c·d − e·f + g";
        let lines = formula_lines(text, 12, 10);
        assert_eq!(lines, vec!["E = a·b", "+ c·d", "− e·f + g"]);
        assert_eq!(formula_lines("a + b", 10, 10), vec!["a + b"]);
        // A piece with no operator to cut at is cut at its spaces.
        let lines = formula_lines("x = one two three four", 9, 9);
        assert!(lines.iter().all(|l| columns(l) <= 9), "{lines:?}");
    }

    #[test]
    fn colour_takes_no_columns() {
        assert_eq!(visible_columns("\x1b[1mab\x1b[0m가"), 4);
    }

    #[test]
    fn a_word_wider_than_the_line_stands_alone() {
        assert_eq!(
            wrap_columns("a verylongword b", 5, "", "", columns),
            "a\nverylongword\nb\n"
        );
    }
}
