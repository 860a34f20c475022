//! Splitting a command line into arguments as a POSIX shell would for
//! plain words and quotes — and nothing more: no variables, globs, pipes or
//! redirections, because no shell ever runs a lesson's commands.

/// Why a line could not be split: the byte offset of the quote left open.
#[derive(Debug, PartialEq, Eq)]
pub struct UnclosedQuote {
    pub at: usize,
}

/// Splits `line` into words: whitespace separates them; `'…'` keeps its
/// text as it is; `"…"` keeps its text, with `\"` and `\\` standing for
/// `"` and `\`; adjacent pieces join into one word (`--at="x=1"`).
pub fn split(line: &str) -> Result<Vec<String>, UnclosedQuote> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut in_word = false;
    let mut chars = line.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        match c {
            c if c.is_whitespace() => {
                if in_word {
                    words.push(std::mem::take(&mut word));
                    in_word = false;
                }
            }
            '\'' => {
                in_word = true;
                loop {
                    match chars.next() {
                        Some((_, '\'')) => break,
                        Some((_, c)) => word.push(c),
                        None => return Err(UnclosedQuote { at }),
                    }
                }
            }
            '"' => {
                in_word = true;
                loop {
                    match chars.next() {
                        Some((_, '"')) => break,
                        Some((_, '\\')) => match chars.peek() {
                            Some(&(_, next @ ('"' | '\\'))) => {
                                word.push(next);
                                chars.next();
                            }
                            _ => word.push('\\'),
                        },
                        Some((_, c)) => word.push(c),
                        None => return Err(UnclosedQuote { at }),
                    }
                }
            }
            c => {
                in_word = true;
                word.push(c);
            }
        }
    }
    if in_word {
        words.push(word);
    }
    Ok(words)
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
    }
}
