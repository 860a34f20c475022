//! The checks the fuzz targets run on each input, one function per target.
//! Each takes the input text and panics when stepgrad breaks a promise;
//! tests/fuzz_regressions.rs includes this file, so the inputs fuzzing
//! found run through exactly the same steps in `cargo test`.
//!
//! - `expression`: parse → simplify → differentiate by each variable →
//!   print → parse again. Inputs beyond the parser's limits must be refused
//!   with an error; the printed-and-reparsed derivative must have the
//!   derivative's value at a few fixed points (both finite and equal within
//!   1e-9 relative, or both undefined); the Unicode and LaTeX printers must
//!   not panic.
//! - `spec`: `parse_spec`; a spec that parses is built into its formulas
//!   and, when small, run for one step as `stepgrad net` does.
//! - `csv`: `load_csv` with a few choices of target columns; a data set
//!   that loads keeps the `Dataset` invariant (as many inputs and targets
//!   as named, all finite).
//! - `lesson`: `parse_lesson`, whose errors are placed on a line of the
//!   file; a lesson that parses is presented printed, as terminal text and
//!   as Markdown, with a runner that returns a fixed output instead of
//!   running the commands.

use stepgrad::calculus::derivative;
use stepgrad::data::{load_csv, Dataset, TargetColumns};
use stepgrad::expr::{
    ascii, evaluate, latex, parse, simplify, unicode, Graph, Id, ParseErrorKind, Point,
    MAX_INPUT_LEN, MAX_PAREN_DEPTH, MAX_TREE_HEIGHT,
};
use stepgrad::i18n::Lang;
use stepgrad::lesson::{parse_lesson, CommandOutput, LessonFormat, Presenter};
use stepgrad::network::{parse_spec, run_steps, trainable, NetworkFormula, RunOptions};
use stepgrad::optim::OptimizerConfig;

// ---- expression ----------------------------------------------------------

/// Variables differentiated by, at most (the first ones met).
const MAX_VARIABLES: usize = 3;

/// What became of an expression: the parse error, or the ASCII text of the
/// simplified expression and of its derivative by each variable.
#[derive(Debug)]
pub enum ExpressionOutcome {
    Refused(stepgrad::expr::ParseError),
    Derived {
        simplified: String,
        derivatives: Vec<(String, String)>,
    },
}

pub fn expression(text: &str) -> ExpressionOutcome {
    let mut graph = Graph::new();
    let expr = match parse(&mut graph, text) {
        Ok(expr) => expr,
        Err(error) => {
            // Every error has a message and a span inside the input.
            assert!(!error.message(stepgrad::i18n::Lang::En).is_empty());
            assert!(error.span.start <= error.span.end && error.span.end <= text.len());
            return ExpressionOutcome::Refused(error);
        }
    };
    assert!(
        text.len() <= MAX_INPUT_LEN,
        "a text over the length limit parsed"
    );
    assert!(
        graph.height(expr) <= MAX_TREE_HEIGHT,
        "a tree over the height limit parsed"
    );
    assert!(
        paren_depth(text) <= MAX_PAREN_DEPTH,
        "nesting over the limit parsed"
    );
    round_trip(&graph, expr, "the expression");

    let simplified = simplify(&mut graph, expr);
    round_trip(&graph, simplified, "the simplified expression");
    let mut derivatives = Vec::new();
    for var in graph.variables(expr).iter().take(MAX_VARIABLES) {
        let d = derivative(&mut graph, simplified, var);
        round_trip(&graph, d, &format!("d/d{var}"));
        derivatives.push((var.clone(), ascii(&graph, d)));
    }
    ExpressionOutcome::Derived {
        simplified: ascii(&graph, simplified),
        derivatives,
    }
}

/// Prints `id` in the three notations, parses the ASCII text into a new
/// graph and compares the values at fixed points.
fn round_trip(graph: &Graph, id: Id, what: &str) {
    let printed = ascii(graph, id);
    let _ = unicode(graph, id);
    let _ = latex(graph, id);
    let mut again_graph = Graph::new();
    let again = match parse(&mut again_graph, &printed) {
        Ok(again) => again,
        // A derivative may be longer or deeper than a typed expression may
        // be; the limits refuse it, which is the documented behaviour.
        Err(e)
            if matches!(
                e.kind,
                ParseErrorKind::TooLong { .. }
                    | ParseErrorKind::TooDeeplyNested
                    | ParseErrorKind::TooTall { .. }
            ) =>
        {
            return
        }
        // A derivative the rules wrote with an impossible part (ln(a) of the
        // exponential rule for a negative base a) is refused as undefined
        // everywhere; it must then be undefined at every point tried.
        Err(e) if matches!(e.kind, ParseErrorKind::UndefinedEverywhere { .. }) => {
            for point in points(&graph.variables(id)) {
                assert!(
                    evaluate(graph, id, &point).is_err(),
                    "{what} printed as {printed:?} is refused as undefined everywhere, but is defined at {point:?}"
                );
            }
            return;
        }
        Err(e) => panic!("{what} printed as {printed:?} does not parse again: {e:?}"),
    };
    for point in points(&graph.variables(id)) {
        let expected = evaluate(graph, id, &point);
        let actual = evaluate(&again_graph, again, &point);
        match (expected, actual) {
            (Ok(a), Ok(b)) => assert!(
                a == b || (a - b).abs() <= 1e-9 * a.abs().max(b.abs()),
                "{what} is {a} at {point:?}, but printed as {printed:?} it is {b}"
            ),
            (Err(_), Err(_)) => {}
            (a, b) => panic!(
                "{what} printed as {printed:?}: at {point:?} the expression gives {a:?}, the reparsed text {b:?}"
            ),
        }
    }
}

/// Three fixed points: every variable at 0.7; the variables at distinct
/// values; and at distinct negative values.
fn points(names: &[String]) -> Vec<Point> {
    let at = |value: &dyn Fn(usize) -> f64| {
        Point::new(
            names
                .iter()
                .enumerate()
                .map(|(k, n)| (n.clone(), value(k)))
                .collect(),
        )
    };
    vec![
        at(&|_| 0.7),
        at(&|k| 0.3 + 0.17 * k as f64),
        at(&|k| -1.3 - 0.41 * k as f64),
    ]
}

/// The deepest nesting of parentheses in `text`.
fn paren_depth(text: &str) -> usize {
    let (mut depth, mut deepest) = (0usize, 0);
    for c in text.chars() {
        match c {
            '(' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            ')' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

// ---- spec ------------------------------------------------------------------

/// Networks with more parameters are only parsed.
const MAX_PARAMETERS: usize = 200;
/// Samples × parameters beyond which the network is not built.
const MAX_WORK: usize = 20_000;
/// The largest network Newton's method is run on (as `stepgrad net`).
const MAX_NEWTON_PARAMETERS: usize = 60;

/// Parses a spec and, when it parses and is small, builds it and runs one
/// step. Returns the parse result and the step's result, if one ran.
pub fn spec(
    text: &str,
) -> (
    Result<stepgrad::network::Spec, stepgrad::Error>,
    Option<Result<f64, stepgrad::Error>>,
) {
    let spec = match parse_spec(text, "fuzz.toml", None) {
        Ok(spec) => spec,
        Err(error) => {
            assert!(!error.to_string().is_empty());
            return (Err(error), None);
        }
    };
    let step = run_one_step(&spec);
    (Ok(spec), step)
}

fn run_one_step(spec: &stepgrad::network::Spec) -> Option<Result<f64, stepgrad::Error>> {
    let parameters = spec.parameter_count();
    if parameters > MAX_PARAMETERS || spec.inputs.len().max(1) * parameters > MAX_WORK {
        return None;
    }
    let mut formula = NetworkFormula::build(spec);
    if spec.inputs.is_empty() {
        return None;
    }
    let optimizer =
        OptimizerConfig::from_name(&spec.train.optimizer, &spec.train.hyperparameters).ok()?;
    if matches!(optimizer, OptimizerConfig::Newton(_)) {
        let trainable = trainable(&formula, spec.train.update_biases);
        if trainable.len() > MAX_NEWTON_PARAMETERS {
            return None;
        }
        formula.build_hessian(&trainable);
    }
    let keep = |_| true;
    let run = run_steps(
        &formula,
        spec,
        &RunOptions {
            optimizer,
            steps: 1,
            update_biases: spec.train.update_biases,
            keep: &keep,
            cancel: &stepgrad::interrupt::Cancel::new(),
        },
    );
    Some(run.map(|run| run.steps.first().map_or(f64::NAN, |s| s.loss)))
}

// ---- csv -------------------------------------------------------------------

/// Loads `text` with each choice of targets: the first column by name, the
/// last and the first, the last as a class label, and a missing column.
pub fn csv(text: &str) -> Vec<Result<Dataset, stepgrad::Error>> {
    let header: Vec<String> = text
        .lines()
        .next()
        .unwrap_or("")
        .split(',')
        .map(|name| name.trim().to_string())
        .collect();
    let first = header.first().cloned().unwrap_or_default();
    let last = header.last().cloned().unwrap_or_default();
    let choices = [
        TargetColumns::Names(vec![first.clone()]),
        TargetColumns::Names(vec![last.clone(), first]),
        TargetColumns::Label(last),
        TargetColumns::Label("missing".into()),
        TargetColumns::Names(vec!["missing".into()]),
    ];
    choices
        .iter()
        .map(|targets| {
            let loaded = load_csv("fuzz.csv", text, targets);
            match &loaded {
                Ok(dataset) => check_dataset(dataset),
                Err(error) => assert!(!error.to_string().is_empty()),
            }
            loaded
        })
        .collect()
}

fn check_dataset(dataset: &Dataset) {
    assert_eq!(dataset.inputs.len(), dataset.targets.len());
    for (x, t) in dataset.inputs.iter().zip(&dataset.targets) {
        assert_eq!(x.len(), dataset.feature_names.len());
        assert_eq!(t.len(), dataset.target_names.len());
        assert!(x.iter().chain(t).all(|v| v.is_finite()));
    }
}

// ---- lesson ----------------------------------------------------------------

/// Parses a lesson and, when it parses, prints it as text and as Markdown.
/// Commands with an odd number of words "fail" (exit 2), so blocks that
/// expect an error and blocks that do not both meet both outcomes.
pub fn lesson(text: &str) -> Result<Vec<Result<String, stepgrad::Error>>, stepgrad::Error> {
    let lesson = match parse_lesson("fuzz.md", text) {
        Ok(lesson) => lesson,
        Err(error) => {
            // Every mistake is placed in the file: on one of its lines, or
            // just past the last.
            match error.location() {
                Some(location) => assert!(
                    location.line >= 1 && location.line <= text.lines().count() + 1,
                    "line {} of a {}-line lesson",
                    location.line,
                    text.lines().count()
                ),
                None => panic!("a lesson error without a place in the file: {error:?}"),
            }
            return Err(error);
        }
    };
    let runner = |args: &[String]| CommandOutput {
        stdout: format!("ran {} arguments\nf(x) = x²\n", args.len()),
        stderr: "error: something\n".repeat(args.len() % 2),
        code: 2 * (args.len() % 2) as i32,
    };
    let printed = [LessonFormat::Text, LessonFormat::Markdown]
        .into_iter()
        .map(|format| {
            Presenter {
                lesson: &lesson,
                path: "fuzz.md",
                source: text,
                lang: Lang::En,
                format,
                color: false,
                next: Some(2),
                run: &runner,
            }
            .printed()
        })
        .collect();
    Ok(printed)
}
