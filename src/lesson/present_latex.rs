//! A lesson's pieces in LaTeX, for `lesson N --format latex`: its inline
//! Markdown (`**bold**`, `` `code` ``) as `\textbf` and `\texttt`, its
//! blocks of plain text and its commands as typewriter lines that keep
//! their spaces and fit the text width, and the headings of a command's
//! own LaTeX moved below the lesson's sections.
//!
//! Invariant: every character of the lesson's text reaches the LaTeX,
//! escaped by `report::doc::latex_text`.

use crate::report::doc::latex_text;

/// The longest typewriter line that fits the text width, in characters
/// (at `\footnotesize`).
const WIDEST: usize = 80;

/// Inline Markdown as LaTeX text.
pub fn inline(text: &str) -> String {
    let mut out = String::new();
    let mut bold = false;
    let mut code = false;
    let mut run = String::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let bold_mark = !code && rest.starts_with("**");
        if bold_mark || c == '`' {
            out.push_str(&written(&std::mem::take(&mut run), code));
            if bold_mark {
                out.push_str(if bold { "}" } else { "\\textbf{" });
                bold = !bold;
                rest = &rest[2..];
            } else {
                code = !code;
                rest = &rest[1..];
            }
            continue;
        }
        run.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out.push_str(&written(&run, code));
    if bold {
        out.push('}');
    }
    out
}

/// A run of text, in typewriter type when it is code.
fn written(run: &str, code: bool) -> String {
    if run.is_empty() {
        String::new()
    } else if code {
        format!("\\texttt{{{}}}", latex_text(run))
    } else {
        latex_text(run)
    }
}

/// Typewriter lines as they are, spaces kept: small enough for lines of
/// 72 characters, smaller for longer ones; a line over 80 characters is
/// broken at its spaces, its continuation indented.
pub fn typewriter(text: &str) -> String {
    let text: String = text
        .lines()
        .map(|line| {
            if crate::wrap::columns(line) <= WIDEST {
                format!("{line}\n")
            } else {
                let indent = " ".repeat(line.len() - line.trim_start().len() + 2);
                crate::wrap::wrap_columns(line, WIDEST, "", &indent, crate::wrap::columns)
            }
        })
        .collect();
    let longest = text.lines().map(crate::wrap::columns).max().unwrap_or(0);
    let size = if longest > 72 {
        "\\footnotesize"
    } else {
        "\\small"
    };
    let lines: Vec<String> = text
        .lines()
        .map(|line| {
            let kept: String = line
                .chars()
                .map(|c| if c == ' ' { '\u{a0}' } else { c })
                .collect();
            format!("\\mbox{{}}{}", latex_text(&kept))
        })
        .collect();
    format!(
        "{{\\par\\noindent{size}\\ttfamily\n{}\\par}}\n\n",
        lines.join("\\\\\n")
    )
}

/// A command as the student types it, broken at spaces to fit.
pub fn command_line(shown: &str) -> String {
    let wrapped = crate::wrap::wrap_columns(shown, 72, "", "    ", crate::wrap::columns);
    typewriter(wrapped.trim_end())
}

/// A command's LaTeX with its headings below the lesson's sections (as
/// `\subsubsection*`, never run in, so a table may follow).
pub fn demoted(latex: &str) -> String {
    latex
        .replace("\\subsection*{", "\\subsubsection*{")
        .replace("\\section*{", "\\subsubsection*{")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_markdown() {
        assert_eq!(inline("a **b** `c_d` e"), "a \\textbf{b} \\texttt{c\\_d} e");
    }

    #[test]
    fn typewriter_keeps_spaces() {
        assert_eq!(
            typewriter("a  b"),
            "{\\par\\noindent\\small\\ttfamily\n\\mbox{}a~~b\\par}\n\n"
        );
    }
}
