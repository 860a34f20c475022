//! Rendering an error for a person: one message, the input with a caret
//! under the bad part, and a hint.
//!
//! Every error stepgrad reports goes through `render`, so they all look
//! alike:
//!
//! ```text
//! error: unknown function 'sine'
//!   sine(x)
//!   ^^^^
//! hint: did you mean sin? …
//! ```

pub use crate::limits::MAX_LISTED_NAMES;
use std::ops::Range;

/// Widest piece of input shown around a caret.
const WINDOW: usize = 60;

/// Names for a message, separated by `, `: all of them when there are at
/// most `MAX_LISTED_NAMES`, else the first ten, `…`, the last and the count,
/// so a message about 600 variables or columns stays a message. In English;
/// [`name_list_text`] is the same list in the session's language.
pub fn name_list<S: AsRef<str>>(names: &[S]) -> String {
    name_list_text(names).render(crate::i18n::Lang::En)
}

/// [`name_list`] as a text of the catalogue: "x1, x2, …, x600 (600 in
/// all)", "x1, x2, …, x600 (모두 600개)".
pub fn name_list_text<S: AsRef<str>>(names: &[S]) -> crate::i18n::Text {
    let all = |names: &[S]| {
        names
            .iter()
            .map(|n| n.as_ref())
            .collect::<Vec<_>>()
            .join(", ")
    };
    if names.len() <= MAX_LISTED_NAMES {
        return crate::i18n::Text::Verbatim(all(names));
    }
    crate::text!(
        "names-shortened",
        first = all(&names[..10]),
        last = names[names.len() - 1].as_ref(),
        count = names.len()
    )
}

/// The input line and a caret line under `span` (byte offsets), indented
/// by two spaces. Long inputs are cut to a window around the span.
pub fn caret(input: &str, span: &Range<usize>) -> String {
    let line = input.replace(['\n', '\r', '\t'], " ");
    let chars: Vec<char> = line.chars().collect();
    let start = input
        .get(..span.start.min(input.len()))
        .map_or(0, |s| s.chars().count());
    let end = input
        .get(..span.end.min(input.len()))
        .map_or(start + 1, |s| s.chars().count())
        .max(start + 1);
    let (from, to) = if chars.len() <= WINDOW {
        (0, chars.len())
    } else {
        let from = start.saturating_sub(WINDOW / 2);
        (from, (from + WINDOW).min(chars.len()))
    };
    let mut shown: String = chars[from..to].iter().collect();
    let mut offset = start - from;
    if from > 0 {
        shown.insert(0, '…');
        offset += 1;
    }
    if to < chars.len() {
        shown.push('…');
    }
    let width = (end.min(to.max(start + 1)) - start).max(1);
    format!("  {shown}\n  {}{}\n", " ".repeat(offset), "^".repeat(width))
}

/// Colours for error output; all empty when colour is off.
#[derive(Clone, Copy, Debug)]
pub struct Palette {
    pub error: &'static str,
    pub hint: &'static str,
    pub caret: &'static str,
    pub reset: &'static str,
    /// The language of the words before a message and a hint ("error",
    /// "hint").
    pub lang: crate::i18n::Lang,
}

impl Palette {
    /// English labels, coloured or not.
    pub fn new(color: bool) -> Palette {
        Palette::in_language(color, crate::i18n::Lang::En)
    }

    /// Labels in `lang`, coloured or not.
    pub fn in_language(color: bool, lang: crate::i18n::Lang) -> Palette {
        let (error, hint, caret, reset) = if color {
            ("\x1b[1;31m", "\x1b[1;36m", "\x1b[1;31m", "\x1b[0m")
        } else {
            ("", "", "", "")
        };
        Palette {
            error,
            hint,
            caret,
            reset,
            lang,
        }
    }
}

impl Palette {
    /// `error: message` and a newline, labelled in the palette's language.
    fn error_line(&self, message: &str) -> String {
        format!(
            "{}{}{}: {message}\n",
            self.error,
            crate::i18n::message(self.lang, "label-error", &[]),
            self.reset
        )
    }
}

/// One error message: `error: message`, an optional caret snippet and an
/// optional hint, each on its own lines.
pub fn render(
    message: &str,
    snippet: Option<(&str, &Range<usize>)>,
    hint: Option<&str>,
    palette: Palette,
) -> String {
    let mut out = palette.error_line(message);
    if let Some((input, span)) = snippet {
        let block = caret(input, span);
        let mut lines = block.lines();
        if let (Some(text), Some(marks)) = (lines.next(), lines.next()) {
            out.push_str(&format!(
                "{text}\n{}{marks}{}\n",
                palette.caret, palette.reset
            ));
        }
    }
    push_hint(&mut out, hint, palette);
    out
}

/// Appends the hint line, labelled in the palette's language.
fn push_hint(out: &mut String, hint: Option<&str>, palette: Palette) {
    if let Some(hint) = hint {
        out.push_str(&format!(
            "{}{}{}: {hint}\n",
            palette.hint,
            crate::i18n::message(palette.lang, "label-hint", &[]),
            palette.reset
        ));
    }
}

/// A place in a file: 1-based line and column, the line's text, and the
/// character range on that line to underline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Location {
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub line_text: String,
    pub underline: Range<usize>,
}

impl Location {
    /// The location of the byte range `span` of `text`. A span that ends
    /// past the text or inside a character is taken to the nearest
    /// character boundary before it.
    pub fn of_span(path: &str, text: &str, span: &Range<usize>) -> Location {
        let start = char_boundary_at_or_before(text, span.start);
        let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        let line_text = text[line_start..line_end]
            .trim_end_matches('\r')
            .to_string();
        let column = text[line_start..start].chars().count() + 1;
        let end = char_boundary_at_or_before(text, span.end.clamp(start, line_end));
        let width = text[start..end].chars().count().max(1);
        Location {
            path: path.to_string(),
            line: text[..start].matches('\n').count() + 1,
            column,
            line_text,
            underline: column - 1..column - 1 + width,
        }
    }
}

/// The largest character boundary of `text` that is at most `index`.
fn char_boundary_at_or_before(text: &str, index: usize) -> usize {
    let mut index = index.min(text.len());
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

/// An error at a place in a file: the message, `path:line:column`, the line
/// with a caret under the bad part, and a hint.
pub fn render_located(
    message: &str,
    location: &Location,
    hint: Option<&str>,
    palette: Palette,
) -> String {
    let mut out = palette.error_line(message);
    out.push_str(&format!(
        "  --> {}:{}:{}\n",
        location.path, location.line, location.column
    ));
    let number = location.line.to_string();
    let gutter = " ".repeat(number.len());
    let text = location.line_text.replace('\t', " ");
    let shown: String = text.chars().take(160).collect();
    let width = location.underline.len().max(1).min(
        shown
            .chars()
            .count()
            .saturating_sub(location.underline.start)
            .max(1),
    );
    out.push_str(&format!(
        "{gutter} |\n{number} | {shown}\n{gutter} | {}{}{}{}\n",
        " ".repeat(location.underline.start),
        palette.caret,
        "^".repeat(width),
        palette.reset
    ));
    push_hint(&mut out, hint, palette);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lists_of_names_are_shortened() {
        assert_eq!(name_list(&["a", "b"]), "a, b");
        let twelve: Vec<String> = (1..=12).map(|k| format!("x{k}")).collect();
        assert_eq!(name_list(&twelve), twelve.join(", "));
        let many: Vec<String> = (1..=600).map(|k| format!("x{k}")).collect();
        assert_eq!(
            name_list(&many),
            "x1, x2, x3, x4, x5, x6, x7, x8, x9, x10, …, x600 (600 in all)"
        );
    }

    #[test]
    fn caret_under_span() {
        assert_eq!(caret("sine(x)", &(0..4)), "  sine(x)\n  ^^^^\n");
        assert_eq!(caret("x + ", &(2..3)), "  x + \n    ^\n");
    }

    #[test]
    fn locations_in_files() {
        let text = "a = 1\nlayers = [2, 0]\n";
        let at = text.find('0').unwrap();
        let loc = Location::of_span("spec.toml", text, &(at..at + 1));
        assert_eq!(
            (loc.line, loc.column, loc.line_text.as_str()),
            (2, 14, "layers = [2, 0]")
        );
        let out = render_located(
            "a layer needs at least one neuron",
            &loc,
            Some("use 1 or more"),
            Palette::new(false),
        );
        assert_eq!(
            out,
            "error: a layer needs at least one neuron\n  --> spec.toml:2:14\n  |\n2 | layers = [2, 0]\n  |              ^\nhint: use 1 or more\n"
        );
    }

    #[test]
    fn spans_inside_a_character_end_at_its_start() {
        // 'ԇ' is two bytes; a span ending in its middle, or one reaching
        // past the text, is cut at the boundary before.
        let text = "a,ԇ\n";
        let loc = Location::of_span("data.csv", text, &(2..3));
        assert_eq!((loc.line, loc.column, loc.underline), (1, 3, 2..3));
        let loc = Location::of_span("data.csv", text, &(3..99));
        assert_eq!((loc.line, loc.column), (1, 3));
    }

    #[test]
    fn caret_in_long_input_is_windowed() {
        let input = format!("{}+*{}", "x".repeat(200), "y".repeat(200));
        let out = caret(&input, &(201..202));
        let lines: Vec<&str> = out.lines().collect();
        let caret_col = lines[1].find('^').unwrap();
        let text: Vec<char> = lines[0].chars().collect();
        assert_eq!(text[caret_col], '*');
    }
}
