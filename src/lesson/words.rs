//! Splitting a command line into arguments as a POSIX shell would, with the
//! shell-words crate — and nothing more: no variables, globs, pipes or
//! redirections are expanded, because no shell ever runs a lesson's
//! commands.

/// Why a line could not be split: the byte offset of the quote left open.
#[derive(Debug, PartialEq, Eq)]
pub struct UnclosedQuote {
    pub at: usize,
}

/// Splits `line` into words: whitespace separates them; `'…'` keeps its
/// text as it is; `"…"` keeps its text, with `\"` and `\\` standing for
/// `"` and `\`; adjacent pieces join into one word (`--at="x=1"`).
pub fn split(line: &str) -> Result<Vec<String>, UnclosedQuote> {
    shell_words::split(line).map_err(|_| UnclosedQuote {
        at: open_quote(line).unwrap_or(line.len().saturating_sub(1)),
    })
}

/// Why a lesson's command line is not a command.
#[derive(Debug, PartialEq, Eq)]
pub enum NotACommand {
    /// A quote opens at this byte offset of the trimmed line and never
    /// closes.
    UnclosedQuote(usize),
    /// Nothing is left once an optional leading `stepgrad` is dropped.
    Empty,
}

/// A command line as a lesson writes it: trimmed, split into words, with
/// an optional leading `stepgrad` dropped from both the words and the text
/// shown.
pub fn command_words(line: &str) -> Result<(String, Vec<String>), NotACommand> {
    let trimmed = line.trim();
    let mut args = split(trimmed).map_err(|open| NotACommand::UnclosedQuote(open.at))?;
    if args.first().map(String::as_str) == Some("stepgrad") {
        args.remove(0);
    }
    if args.is_empty() {
        return Err(NotACommand::Empty);
    }
    let text = trimmed.strip_prefix("stepgrad ").unwrap_or(trimmed).trim();
    Ok((text.to_string(), args))
}

/// Where the quote that is never closed opens, for the error's caret.
fn open_quote(line: &str) -> Option<usize> {
    let mut open: Option<(usize, char)> = None;
    let mut escaped = false;
    for (at, c) in line.char_indices() {
        match open {
            _ if escaped => escaped = false,
            Some((_, '"')) if c == '\\' => escaped = true,
            None if c == '\\' => escaped = true,
            Some((_, quote)) if c == quote => open = None,
            None if c == '"' || c == '\'' => open = Some((at, c)),
            _ => {}
        }
    }
    open.map(|(at, _)| at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_quotes() {
        assert_eq!(
            split(r#"diff "x^2*sin(x)" --at x=1.5"#).unwrap(),
            ["diff", "x^2*sin(x)", "--at", "x=1.5"]
        );
        assert_eq!(
            split("check 'a b' --answer=\"c\"").unwrap(),
            ["check", "a b", "--answer=c"]
        );
        assert_eq!(
            split(r#"say "a \"quoted\" \\ word""#).unwrap(),
            ["say", r#"a "quoted" \ word"#]
        );
        assert_eq!(split("  ").unwrap(), Vec::<String>::new());
        assert_eq!(split("x ''").unwrap(), ["x", ""]);
    }

    #[test]
    fn an_open_quote_is_found() {
        assert_eq!(split(r#"diff "x^2"#), Err(UnclosedQuote { at: 5 }));
        assert_eq!(split("diff 'x"), Err(UnclosedQuote { at: 5 }));
        assert_eq!(split(r#"a "b" 'c"#), Err(UnclosedQuote { at: 6 }));
    }
}
