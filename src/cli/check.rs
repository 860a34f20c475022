//! `stepgrad check`: is a hand-computed derivative right?

use super::inputs::{choose_variables, parse_expr};
use super::problem_file::{answer_file, Answer};
use super::{Context, Written};
use crate::calculus::check_derivative;
use crate::expr::reading;
use crate::expr::Graph;
use crate::report::check::{json_value, render};
use crate::report::reading::{add_to_json, echoed};
use crate::report::Format;
use crate::Error;
use clap::Args;
use std::path::PathBuf;

#[derive(Args, Debug, Clone)]
pub struct CheckArgs {
    /// The expression that was differentiated, e.g. "sin(3*x)"
    #[arg(required_unless_present = "file", allow_hyphen_values = true)]
    pub expr: Option<String>,
    /// The derivative worked out by hand, e.g. "3*cos(3*x)"
    #[arg(
        long,
        required_unless_present = "file",
        allow_hyphen_values = true,
        value_name = "EXPR"
    )]
    pub answer: Option<String>,
    /// The variable it was differentiated by (default: the only variable)
    #[arg(long, value_name = "V")]
    pub wrt: Option<String>,
    /// Read problems from a file (- for stdin), one a line: EXPR ; answer=EXPR [; wrt=V]
    #[arg(long, conflicts_with_all = ["expr", "answer"], value_name = "FILE")]
    pub file: Option<PathBuf>,
}

const FORMATS: [Format; 4] = [Format::Text, Format::Markdown, Format::Latex, Format::Json];

pub fn run(args: &CheckArgs, context: &Context) -> Result<Written, Error> {
    context.require_format("check", &FORMATS)?;
    if let Some(path) = &args.file {
        return answer_file(path, &["answer", "wrt"], context, |line| {
            let answer = line.option("answer").ok_or_else(|| {
                Error::told(
                    crate::text!("inputs-check-no-answer"),
                    crate::text!("inputs-check-no-answer-hint"),
                )
            })?;
            let wrt = line
                .option("wrt")
                .map(str::to_string)
                .or_else(|| args.wrt.clone());
            check_one(
                &line.expr,
                answer,
                wrt.as_deref(),
                Some(line.number),
                context,
            )
        });
    }
    let (Some(expr), Some(answer)) = (&args.expr, &args.answer) else {
        return Err(Error::told(
            crate::text!("inputs-check-needs"),
            crate::i18n::Text::Verbatim(
                "stepgrad check \"sin(3*x)\" --answer \"3*cos(3*x)\"".to_string(),
            ),
        ));
    };
    let answer = check_one(expr, answer, args.wrt.as_deref(), None, context)?;
    Ok(Written {
        stdout: answer.rendered,
        stderr: String::new(),
        code: answer.code,
    })
}

fn check_one(
    expr: &str,
    answer: &str,
    wrt: Option<&str>,
    line: Option<usize>,
    context: &Context,
) -> Result<Answer, Error> {
    let mut graph = Graph::new();
    // Where each came from: the arguments, or a line of a --file.
    let (origin, answer_origin) = match line {
        None => (
            crate::text!("error-origin-expression"),
            crate::i18n::Text::Verbatim("--answer".to_string()),
        ),
        Some(line) => (
            crate::text!("error-origin-line", line = line.to_string()),
            crate::text!("error-origin-line-answer", line = line.to_string()),
        ),
    };
    let e = parse_expr(&mut graph, expr, origin)?;
    let a = parse_expr(&mut graph, answer, answer_origin)?;
    let asked: Vec<String> = wrt.map(|w| vec![w.to_string()]).unwrap_or_default();
    let var = choose_variables(&graph, e, &asked, false, true)?.remove(0);
    let readings = [reading(&graph, expr, e), reading(&graph, answer, a)];
    let outcome = check_derivative(&mut graph, e, a, &var)?;
    let rendered = render(&outcome, &graph, context.format, &context.style);
    let mut json = json_value(&outcome, &graph);
    add_to_json(&mut json, &readings);
    Ok(Answer {
        rendered: echoed(rendered, &readings, context.format, &context.style),
        json,
        code: if outcome.correct { 0 } else { 1 },
    })
}
