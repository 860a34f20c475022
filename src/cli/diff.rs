//! `stepgrad diff`: derivatives with their derivations, gradients,
//! Hessians and values at a point, for one expression or a file of them.

use super::inputs::{choose_variables, parse_point};
use super::problem_file::{answer_file, Answer};
use super::{Context, Written};
use crate::calculus::{check_expression, derivatives, Derivatives, HessianTooLarge};
use crate::expr::{parse_noting_notation, reading_of, Graph, Point};
use crate::report::diff::{json_value, render, DiffReport, Hessian};
use crate::report::gradcheck::{appended, json_rows, Checked};
use crate::report::reading::{add_to_json, echoed};
use crate::report::Format;
use crate::Error;
use clap::Args;
use std::path::{Path, PathBuf};

#[derive(Args, Debug, Clone)]
pub struct DiffArgs {
    /// The expression, e.g. "x^2*sin(x)" or "(y - sigmoid(w*x+b))^2/2"
    #[arg(required_unless_present = "file", allow_hyphen_values = true)]
    pub expr: Option<String>,
    /// Variable to differentiate by; repeat or separate with commas for a gradient
    #[arg(long, value_delimiter = ',', value_name = "V")]
    pub wrt: Vec<String>,
    /// Values of the variables, e.g. --at w=0.5,x=1 (values may be expressions such as pi/2)
    #[arg(long, value_delimiter = ',', value_name = "V=x")]
    pub at: Vec<String>,
    /// Show only the results, not the derivation
    #[arg(long)]
    pub no_steps: bool,
    /// Also compute the Hessian (all second derivatives)
    #[arg(long)]
    pub hessian: bool,
    /// Read problems from a file (- for stdin), one a line: EXPR [; wrt=V] [; at=V=x,V=y]
    #[arg(long, conflicts_with = "expr", value_name = "FILE")]
    pub file: Option<PathBuf>,
    /// At the --at point, show each derivative beside its central-difference estimate and their relative difference
    #[arg(long)]
    pub gradcheck: bool,
}

const FORMATS: [Format; 4] = [Format::Text, Format::Markdown, Format::Latex, Format::Json];

pub fn run(args: &DiffArgs, context: &Context) -> Result<Written, Error> {
    context.require_format("diff", &FORMATS)?;
    let point = if args.at.is_empty() {
        None
    } else {
        Some(parse_point(&args.at, "--at")?)
    };
    match (&args.file, &args.expr) {
        (Some(path), _) => run_file(args, path, point, context),
        (None, Some(expr)) => {
            refuse_gradcheck_without_point(args, point.as_ref())?;
            let mut graph = Graph::new();
            let report = diff_one(
                &mut graph,
                expr,
                &args.wrt,
                point.as_ref(),
                args,
                crate::text!("error-origin-expression"),
            )?;
            let (rendered, json) = written(&report, &graph, args.gradcheck, context);
            Ok(Written::ok(match context.format {
                Format::Json => crate::report::json::document(&json),
                _ => rendered,
            }))
        }
        (None, None) => Err(Error::told(
            crate::text!("inputs-diff-no-expression"),
            crate::i18n::Text::Verbatim("stepgrad diff \"x^2*sin(x)\"".to_string()),
        )),
    }
}

/// Differentiates one expression as the options ask.
pub fn diff_one(
    graph: &mut Graph,
    input: &str,
    wrt: &[String],
    point: Option<&Point>,
    args: &DiffArgs,
    origin: crate::i18n::Text,
) -> Result<DiffReport, Error> {
    let parsed = parse_noting_notation(graph, input).map_err(|e| Error::parse(input, e, origin))?;
    let expr = parsed.root;
    let variables = graph.variables(expr);
    let chosen = choose_variables(graph, expr, wrt, args.hessian, false)?;
    let derived = derivatives(graph, expr, &chosen, args.hessian).map_err(hessian_refused)?;
    let values = match point {
        Some(point) => Some(derived.at(graph, expr, point).map_err(|error| {
            let at = describe_point(point);
            Error::cannot_evaluate(crate::text!("error-eval-at", point = at), &error)
        })?),
        None => None,
    };
    let Derivatives {
        derivations,
        hessian,
    } = derived;
    // Only the variables the expression uses, in its order.
    let point = point.map(|point| {
        let used = variables
            .iter()
            .filter_map(|v| point.get(v).map(|x| (v.clone(), x)));
        Point::new(used.collect())
    });
    Ok(DiffReport {
        input: input.to_string(),
        expr,
        textbook: parsed.textbook,
        variables,
        derivations,
        show_steps: !args.no_steps,
        point,
        value: values.as_ref().map(|v| v.value),
        derivative_values: values
            .as_ref()
            .map_or(Vec::new(), |v| v.derivatives.clone()),
        hessian: hessian.map(|entries| Hessian {
            variables: chosen,
            entries,
            values: values.and_then(|v| v.hessian),
        }),
    })
}

/// The report in the session's format — in JSON only as its value, which
/// the caller writes out alone or as one of a file's answers (`Null` in
/// the other formats) — with the gradient check when asked for and "read
/// as …" when the input reads other than typed.
fn written(
    report: &DiffReport,
    graph: &Graph,
    gradcheck: bool,
    context: &Context,
) -> (String, serde_json::Value) {
    let (format, style) = (context.format, &context.style);
    let reading = [reading_of(
        graph,
        &report.input,
        report.expr,
        report.textbook,
    )];
    let rows = match (gradcheck, &report.point) {
        (true, Some(point)) => {
            let derivatives: Vec<(String, f64)> = report
                .derivations
                .iter()
                .map(|d| d.var.clone())
                .zip(report.derivative_values.iter().copied())
                .collect();
            Some(check_expression(graph, report.expr, point, &derivatives))
        }
        _ => None,
    };
    if format == Format::Json {
        // The document is its value written out: built once.
        let mut value = json_value(report, graph);
        if let (Some(rows), serde_json::Value::Object(map)) = (&rows, &mut value) {
            map.insert("gradcheck".into(), json_rows(rows));
        }
        add_to_json(&mut value, &reading);
        return (String::new(), value);
    }
    let mut rendered = render(report, graph, format, style);
    if let Some(rows) = &rows {
        let checked = Checked::Function {
            partial: report.variables.len() > 1,
        };
        let no_json = || serde_json::Value::Null;
        rendered = appended(rendered, no_json, rows, checked, format, style);
    }
    (
        echoed(rendered, &reading, format, style),
        serde_json::Value::Null,
    )
}

/// `--gradcheck` without a point to check at.
fn refuse_gradcheck_without_point(args: &DiffArgs, point: Option<&Point>) -> Result<(), Error> {
    if args.gradcheck && point.is_none() {
        return Err(Error::told(
            crate::text!("gradcheck-needs-point"),
            crate::text!("gradcheck-needs-point-hint"),
        ));
    }
    Ok(())
}

/// A Hessian beyond `limits::MAX_HESSIAN_SIZE`, as an input error.
fn hessian_refused(refused: HessianTooLarge) -> Error {
    let hint = match refused {
        HessianTooLarge::Estimated { .. } => crate::text!("diff-hessian-estimated-hint"),
        HessianTooLarge::Grew { .. } => crate::text!("diff-hessian-grew-hint"),
    };
    Error::told(
        crate::text!("diff-hessian-refused", detail = refused.text()),
        hint,
    )
}

fn describe_point(point: &Point) -> String {
    point
        .values
        .iter()
        .map(|(n, v)| format!("{n} = {v}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn run_file(
    args: &DiffArgs,
    path: &Path,
    point: Option<Point>,
    context: &Context,
) -> Result<Written, Error> {
    answer_file(path, &["wrt", "at"], context, |line| {
        let wrt: Vec<String> = match line.option("wrt") {
            Some(w) => w.split(',').map(str::to_string).collect(),
            None => args.wrt.clone(),
        };
        let line_point = match line.option("at") {
            Some(at) => Some(parse_point(
                &at.split(',').map(str::to_string).collect::<Vec<_>>(),
                "at",
            )?),
            None => point.clone(),
        };
        refuse_gradcheck_without_point(args, line_point.as_ref())?;
        let mut graph = Graph::new();
        let origin = crate::text!("error-origin-line", line = line.number.to_string());
        let report = diff_one(
            &mut graph,
            &line.expr,
            &wrt,
            line_point.as_ref(),
            args,
            origin,
        )?;
        let (rendered, json) = written(&report, &graph, args.gradcheck, context);
        Ok(Answer {
            rendered,
            json,
            code: 0,
        })
    })
}
