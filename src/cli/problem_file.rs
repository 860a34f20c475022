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
        return Err(Error::told(
            crate::text!("file-no-problems", path = path.display().to_string()),
            crate::text!("file-no-problems-hint"),
        ));
    }
    let mut answers = Answers::default();
    for line in lines {
        let result = line.and_then(|line| match solve(&line) {
            Ok(answer) => Ok((line, answer)),
            Err(e) => Err((line.number, e)),
        });
        match result {
            Ok((line, answer)) => answers.answered(&line, answer, context),
            Err((number, error)) => answers.failed(number, &error, context),
        }
    }
    if context.format == Format::Json {
        answers.stdout = crate::report::json::document(&serde_json::Value::Array(answers.json));
    }
    if answers.failed > 0 {
        let count = crate::msg!(
            context.style.lang,
            "file-lines-failed",
            count = answers.failed,
            path = path.display().to_string()
        );
        answers.stderr.push_str(&format!("{count}\n"));
    }
    Ok(Written {
        stdout: answers.stdout,
        stderr: answers.stderr,
        code: if answers.failed > 0 { 2 } else { answers.worst },
    })
}

/// The answers so far: the text for stdout and stderr, the JSON items,
/// the lines that failed, and the worst exit code of those answered.
#[derive(Default)]
struct Answers {
    stdout: String,
    stderr: String,
    json: Vec<serde_json::Value>,
    failed: usize,
    worst: i32,
}

impl Answers {
    fn answered(&mut self, line: &ProblemLine, answer: Answer, context: &Context) {
        self.worst = self.worst.max(answer.code);
        match context.format {
            Format::Json => {
                let mut value = answer.json;
                if let serde_json::Value::Object(map) = &mut value {
                    map.insert("line".into(), line.number.into());
                }
                self.json.push(value);
            }
            Format::Text => {
                let title = crate::msg!(
                    context.style.lang,
                    "file-line-title",
                    line = line.number.to_string(),
                    expr = line.expr.as_str()
                );
                self.stdout.push_str(&format!(
                    "{}\n{}\n",
                    context.style.heading(&title),
                    answer.rendered
                ));
            }
            _ => self.stdout.push_str(&format!("{}\n", answer.rendered)),
        }
    }

    fn failed(&mut self, number: usize, error: &Error, context: &Context) {
        self.failed += 1;
        let lang = context.style.lang;
        let line = crate::msg!(lang, "error-origin-line", line = number.to_string());
        let told = error.render_in(context.error_color, lang);
        self.stderr.push_str(&format!("{line}: {told}"));
        if context.format == Format::Json {
            let plain = error.render_in(false, lang);
            self.json
                .push(serde_json::json!({"line": number, "error": plain.trim_end()}));
        }
    }
}
