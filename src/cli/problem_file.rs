//! Answering a `--file` of problems, one a line, for `diff` and `check`.
//!
//! Every line is answered; a line that fails is reported on stderr with its
//! line number and the others still run. The exit code is 2 if any line
//! failed, otherwise the worst code of the answers (1 for a wrong answer in
//! `check`).

use super::inputs::{problem_lines, read_named_file, ProblemLine};
use super::{Context, Written};
use crate::report::Format;
use crate::Error;
use std::path::Path;

/// One line's answer, already rendered in the context's format.
pub struct Answer {
    pub rendered: String,
    pub json: serde_json::Value,
    pub code: i32,
}

pub fn answer_file(
    path: &Path,
    keys: &[&str],
    context: &Context,
    mut solve: impl FnMut(&ProblemLine) -> Result<Answer, Error>,
) -> Result<Written, Error> {
    let text = read_named_file("--file", path)?;
    let lines = problem_lines(&text, keys);
    if lines.is_empty() {
        return Err(Error::usage(
            format!("{}: the file has no problems", path.display()),
            "write one problem a line; lines starting with # are comments",
        ));
    }
    let mut stdout = String::new();
    let mut stderr = String::new();
    let mut json_items = Vec::new();
    let mut failed = 0;
    let mut worst = 0;
    for line in lines {
        let result = line.and_then(|line| match solve(&line) {
            Ok(answer) => Ok((line, answer)),
            Err(e) => Err((line.number, e)),
        });
        match result {
            Ok((line, answer)) => {
                worst = worst.max(answer.code);
                match context.format {
                    Format::Json => {
                        let mut value = answer.json;
                        if let serde_json::Value::Object(map) = &mut value {
                            map.insert("line".into(), line.number.into());
                        }
                        json_items.push(value);
                    }
                    Format::Text => {
                        let title = format!("── line {}: {} ──", line.number, line.expr);
                        stdout.push_str(&format!(
                            "{}\n{}\n",
                            context.style.heading(&title),
                            answer.rendered
                        ));
                    }
                    _ => stdout.push_str(&format!("{}\n", answer.rendered)),
                }
            }
            Err((number, error)) => {
                failed += 1;
                stderr.push_str(&format!(
                    "line {number}: {}",
                    error.render(context.error_color)
                ));
                if context.format == Format::Json {
                    json_items
                        .push(serde_json::json!({"line": number, "error": error.to_string()}));
                }
            }
        }
    }
    if context.format == Format::Json {
        stdout = serde_json::to_string_pretty(&json_items).unwrap_or_default();
        stdout.push('\n');
    }
    if failed > 0 {
        stderr.push_str(&format!(
            "{failed} line(s) of {} could not be answered\n",
            path.display()
        ));
    }
    Ok(Written {
        stdout,
        stderr,
        code: if failed > 0 { 2 } else { worst },
    })
}
