//! The report of `stepgrad minimize`: the per-step table of point, value,
//! gradient, the optimizer's state and the update; why the run stopped;
//! and, for a race of several optimizers, a summary table; the picture of
//! the runs; and the verdict of a run that diverged.

use super::doc::{self, cell, math, text, Block, Math};
use super::left_out_json;
use super::{Format, Style};
use crate::expr::{latex, unicode, Graph, Id};
use crate::i18n::Lang;
use crate::msg;
use crate::number::{format_ordinal, format_thousands};
use crate::optim::{remedy, unsettled, Remedy, StateValue, Stop, Trajectory, Unsettled};
use crate::plot::{contours_with_paths, function_with_iterates, Iterates1, Path2};
use serde_json::{json, Value};

pub struct MinimizeReport<'a> {
    pub graph: &'a Graph,
    pub expr: Id,
    pub variables: &'a [String],
    /// f at a point (`None` where it has no value), for the pictures.
    pub f: &'a dyn Fn(&[f64]) -> Option<f64>,
    pub runs: &'a [Trajectory],
    /// Whether the runs are a race (`--compare`).
    pub race: bool,
    pub tolerance: f64,
    pub max_steps: usize,
    /// The SVG file written, if any.
    pub plot: Option<String>,
    /// `--picture`: the level sets and the paths drawn in characters
    /// (a function of two variables).
    pub picture: bool,
}

/// Rows of a long run's table shown at the start and at the end.
const HEAD_ROWS: usize = 20;
const TAIL_ROWS: usize = 10;
/// Matrices of state are printed for this many first steps (and the last).
const MATRIX_STEPS: usize = 3;
/// Matrices are printed for at most this many variables.
const MATRIX_LIMIT: usize = 6;

pub fn render(r: &MinimizeReport, format: Format, style: &Style) -> String {
    match format {
        Format::Json => super::json::document(&json_value(r, style.lang)),
        Format::Csv => csv(r, style),
        _ => doc::render(&blocks(r, format, style), format, style),
    }
}

fn vector(values: &[f64], style: &Style) -> String {
    if values.len() == 1 {
        style.num(values[0])
    } else {
        format!(
            "({})",
            values
                .iter()
                .map(|v| style.num(*v))
                .collect::<Vec<_>>()
                .join(", ")
        )
    }
}

fn function_math(r: &MinimizeReport) -> Math {
    Math::new(
        format!(
            "f({}) = {}",
            r.variables.join(", "),
            unicode(r.graph, r.expr)
        ),
        format!(
            "f({}) = {}",
            r.variables
                .iter()
                .map(|v| crate::expr::latex_name(v))
                .collect::<Vec<_>>()
                .join(", "),
            latex(r.graph, r.expr)
        ),
    )
}

fn stop_text(run: &Trajectory, r: &MinimizeReport, style: &Style) -> String {
    let lang = style.lang;
    let last = run.last();
    let norm = last.gradient_norm();
    match &run.stop {
        Stop::Tolerance => msg!(
            lang,
            "min-stop-tolerance",
            steps = run.steps().to_string(),
            count = run.steps(),
            norm = style.num(norm),
            tol = style.num(r.tolerance)
        ),
        Stop::MaxSteps => {
            let mut t = msg!(
                lang,
                "min-stop-max",
                max = r.max_steps.to_string(),
                norm = style.num(norm),
                tol = style.num(r.tolerance)
            );
            let advice = match unsettled(run, r.tolerance) {
                Some(Unsettled::Grew { from, to }) => Some(msg!(
                    lang,
                    "min-unsettled-grew",
                    from = style.num(from),
                    to = style.num(to)
                )),
                Some(Unsettled::StillRising) => Some(msg!(lang, "min-unsettled-rising")),
                Some(Unsettled::Far { plain: true }) => Some(msg!(lang, "min-unsettled-far-plain")),
                Some(Unsettled::Far { plain: false }) => Some(msg!(lang, "min-unsettled-far")),
                None => None,
            };
            if let Some(advice) = advice {
                t.push(' ');
                t.push_str(&advice);
            }
            t
        }
        Stop::Diverged { step, reason } => msg!(
            lang,
            "min-diverged-at",
            step = step.to_string(),
            reason = reason.render(lang)
        ),
        Stop::Interrupted { step } => msg!(
            lang,
            "min-interrupted",
            step = step.to_string(),
            count = *step
        ),
    }
}

fn blocks(r: &MinimizeReport, format: Format, style: &Style) -> Vec<Block> {
    let mut out = vec![Block::Heading {
        level: 1,
        text: vec![
            text(format!("{} ", msg!(style.lang, "min-heading"))),
            doc::Span::Math(function_math(r)),
        ],
    }];
    if r.runs.len() == 1 {
        out.extend(run_blocks(r, &r.runs[0], format, style));
    } else {
        out.extend(race_blocks(r, style));
    }
    if r.picture && r.variables.len() == 2 {
        out.extend(picture_blocks(r, style));
    }
    if let Some(path) = &r.plot {
        let stride = r.runs.iter().map(|run| run.path_stride).max().unwrap_or(1);
        let thinned = if stride > 1 {
            // English counts "every 2nd point", Korean "점을 2개마다".
            let ordinal = match style.lang {
                Lang::En => format_ordinal(stride as u64),
                Lang::Ko => format_thousands(stride as u64),
            };
            format!(" {}", msg!(style.lang, "min-thinned", ordinal = ordinal))
        } else {
            String::new()
        };
        out.push(Block::Paragraph(vec![text(msg!(
            style.lang,
            "min-picture",
            path = path,
            thinned = thinned
        ))]));
    }
    out
}

fn start_text(r: &MinimizeReport, run: &Trajectory, style: &Style) -> String {
    r.variables
        .iter()
        .zip(&run.iterates[0].point)
        .map(|(v, x)| format!("{v} = {}", style.num(*x)))
        .collect::<Vec<_>>()
        .join(", ")
}

fn settings(run: &Trajectory) -> String {
    run.config
        .settings()
        .iter()
        .filter(|(name, value)| !(value == "0" && *name != "lr") && value != "false")
        .map(|(n, v)| format!("{n} = {v}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn run_blocks(r: &MinimizeReport, run: &Trajectory, format: Format, style: &Style) -> Vec<Block> {
    let lang = style.lang;
    let (rule_u, rule_l) = run.config.rule_in(lang);
    let mut out = vec![
        Block::Paragraph(vec![text(msg!(
            lang,
            "min-settings",
            optimizer = run.config.title_in(lang),
            settings = settings(run),
            start = start_text(r, run, style),
            max = r.max_steps.to_string(),
            tol = style.num(r.tolerance)
        ))]),
        Block::Paragraph(vec![
            text(format!("{} ", msg!(lang, "min-each-step"))),
            math(rule_u, rule_l),
            text(msg!(lang, "min-with-g")),
        ]),
    ];
    out.extend(steps_table(r, run, style));
    if r.variables.len() <= MATRIX_LIMIT {
        out.extend(matrix_blocks(r, run, style));
    }
    out.extend(notes_block(run, lang));
    if format == Format::Text && r.variables.len() == 1 {
        if let Some(plot) = terminal_plot(r, run, lang, style.width) {
            out.push(Block::Preformatted(plot));
        }
    }
    out.push(Block::Paragraph(vec![text(stop_text(run, r, style))]));
    let last = run.last();
    let point = r
        .variables
        .iter()
        .zip(&last.point)
        .map(|(v, x)| format!("{v} = {}", style.num(*x)))
        .collect::<Vec<_>>()
        .join(", ");
    out.push(Block::Paragraph(vec![text(msg!(
        lang,
        "min-reached",
        point = point,
        f = style.num(last.f),
        f_count = run.evaluations.f.to_string(),
        gradient_count = run.evaluations.gradient.to_string(),
        hessian_count = run.evaluations.hessian.to_string()
    ))]));
    out
}

/// The columns of the optimizer's state: its per-variable vectors and
/// scalars, by name, in the order they first appear.
fn state_columns(run: &Trajectory) -> Vec<&'static str> {
    let mut columns: Vec<&'static str> = Vec::new();
    for it in &run.iterates {
        for entry in it.report.iter().flat_map(|rep| rep.state.iter()) {
            if !matches!(entry.value, StateValue::Matrix(_)) && !columns.contains(&entry.symbol) {
                columns.push(entry.symbol);
            }
        }
    }
    columns
}

/// One row of the table of steps: the kept point `k`.
fn step_row(run: &Trajectory, k: usize, columns: &[&str], style: &Style) -> Vec<doc::Cell> {
    let it = &run.iterates[k];
    let mut row = vec![
        cell(it.step.to_string()),
        cell(vector(&it.point, style)),
        cell(style.num(it.f)),
        cell(vector(&it.gradient, style)),
    ];
    for c in columns {
        let value = it
            .report
            .as_ref()
            .and_then(|rep| rep.state.iter().find(|e| e.symbol == *c))
            .map(|e| match &e.value {
                StateValue::PerVariable(v) => vector(v, style),
                StateValue::Scalar(v) => style.num(*v),
                StateValue::Matrix(_) => String::new(),
            });
        row.push(cell(value.unwrap_or_else(|| "—".to_string())));
    }
    row.push(cell(
        it.report
            .as_ref()
            .map_or("—".to_string(), |rep| vector(&rep.update, style)),
    ));
    row
}

/// The table of steps — all of them, or the first and the last with a
/// row of dots between — and what it leaves out.
fn steps_table(r: &MinimizeReport, run: &Trajectory, style: &Style) -> Vec<Block> {
    let columns = state_columns(run);
    let point_header = if r.variables.len() == 1 {
        r.variables[0].clone()
    } else {
        format!("({})", r.variables.join(", "))
    };
    let mut header = vec![cell("step"), cell(point_header), cell("f"), cell("∇f")];
    header.extend(columns.iter().map(|c| cell(c.to_string())));
    header.push(cell("update"));
    let n = run.iterates.len();
    let cut = n > HEAD_ROWS + TAIL_ROWS + 5;
    // The kept points shown: all, or the first (up to the steps not kept)
    // and the last.
    let head = HEAD_ROWS.min(run.gap.map_or(n, |g| g.at));
    let shown: Vec<usize> = if cut {
        (0..head).chain(n - TAIL_ROWS..n).collect()
    } else {
        (0..n).collect()
    };
    let mut rows: Vec<Vec<doc::Cell>> = Vec::new();
    for (i, &k) in shown.iter().enumerate() {
        let jumped = i > 0 && (k != shown[i - 1] + 1 || run.gap.is_some_and(|g| g.at == k));
        if jumped {
            let mut dots = vec![cell("⋮")];
            dots.extend((1..header.len()).map(|_| cell("")));
            rows.push(dots);
        }
        rows.push(step_row(run, k, &columns, style));
    }
    let mut out = vec![Block::Table { header, rows }];
    if cut {
        let listed = kept_text(run, style.lang);
        out.push(Block::Paragraph(vec![text(msg!(
            style.lang,
            "min-left-out-here",
            from = run.iterates[head].step.to_string(),
            to = run.iterates[n - TAIL_ROWS - 1].step.to_string(),
            listed = listed
        ))]));
    } else if let Some(gap) = run.gap {
        out.push(Block::Paragraph(vec![text(msg!(
            style.lang,
            "min-left-out-everywhere",
            from = (run.iterates[gap.at - 1].step + 1).to_string(),
            to = (run.iterates[gap.at].step - 1).to_string(),
            limit = format_thousands(crate::limits::MAX_KEPT_VALUES as u64)
        ))]));
    }
    out
}

/// Matrices of state for the first steps and the last.
fn matrix_blocks(r: &MinimizeReport, run: &Trajectory, style: &Style) -> Vec<Block> {
    let mut out = Vec::new();
    let with_reports: Vec<usize> = (0..run.iterates.len())
        .filter(|&k| run.iterates[k].report.is_some())
        .collect();
    let mut chosen: Vec<usize> = with_reports.iter().copied().take(MATRIX_STEPS).collect();
    if let Some(&last) = with_reports.last() {
        if !chosen.contains(&last) {
            chosen.push(last);
        }
    }
    for k in chosen {
        for entry in run.iterates[k]
            .report
            .iter()
            .flat_map(|rep| rep.state.iter())
        {
            let StateValue::Matrix(m) = &entry.value else {
                continue;
            };
            out.push(Block::Paragraph(vec![text(msg!(
                style.lang,
                "min-matrix-at",
                symbol = entry.symbol,
                step = run.iterates[k].step.to_string()
            ))]));
            let mut header = vec![cell("")];
            header.extend(r.variables.iter().map(|v| cell(v.clone())));
            let rows = m
                .iter()
                .zip(r.variables)
                .map(|(values, v)| {
                    let mut row = vec![cell(v.clone())];
                    row.extend(values.iter().map(|x| cell(style.num(*x))));
                    row
                })
                .collect();
            out.push(Block::Table { header, rows });
        }
    }
    out
}

/// The notes of the steps (τ added, an update skipped, …), and how many
/// the steps not kept had.
fn notes_block(run: &Trajectory, lang: Lang) -> Option<Block> {
    let notes: Vec<String> = run
        .iterates
        .iter()
        .filter_map(|it| {
            it.report
                .as_ref()
                .and_then(|rep| rep.note.as_ref())
                .map(|n| {
                    msg!(
                        lang,
                        "min-note-at",
                        step = it.step.to_string(),
                        note = n.render(lang)
                    )
                })
        })
        .collect();
    let notes = notes.join("; ");
    let paragraph = match run.notes_left_out {
        0 if notes.is_empty() => return None,
        0 => msg!(lang, "min-notes", notes = notes),
        k => {
            let more = msg!(lang, "min-notes-not-kept", count = k);
            if notes.is_empty() {
                msg!(lang, "min-notes-only-more", more = more)
            } else {
                msg!(lang, "min-notes-and-more", notes = notes, more = more)
            }
        }
    };
    Some(Block::Paragraph(vec![text(paragraph)]))
}

/// f drawn in the terminal with the iterates marked, as wide as the
/// terminal allows (`width` columns, when known).
fn terminal_plot(
    r: &MinimizeReport,
    run: &Trajectory,
    lang: Lang,
    width: Option<usize>,
) -> Option<String> {
    use textplots::{Chart, Plot, Shape};
    let xs: Vec<f64> = run
        .path
        .iter()
        .map(|i| i.point[0])
        .filter(|x| x.is_finite())
        .collect();
    let (lo, hi) = xs
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), &x| {
            (a.min(x), b.max(x))
        });
    if !lo.is_finite() || (hi - lo).abs() > 1e6 {
        return None;
    }
    let pad = ((hi - lo) * 0.2).max(1.0);
    let (x0, x1) = (lo - pad, hi + pad);
    let function = r.f;
    let f = move |x: f32| function(&[x as f64]).map_or(f32::NAN, |v| v as f32);
    // Each iterate is a short vertical mark on the curve.
    let values: Vec<f32> = run
        .path
        .iter()
        .map(|i| i.f as f32)
        .filter(|f| f.is_finite())
        .collect();
    let (low, high) = values
        .iter()
        .fold((f32::INFINITY, f32::NEG_INFINITY), |(a, b), &v| {
            (a.min(v), b.max(v))
        });
    let tick = ((high - low).abs() * 0.07).max(1e-6);
    let marks: Vec<Vec<(f32, f32)>> = run
        .path
        .iter()
        .filter(|i| i.f.is_finite())
        .map(|i| {
            vec![
                (i.point[0] as f32, i.f as f32 - tick),
                (i.point[0] as f32, i.f as f32 + tick),
            ]
        })
        .collect();
    let curve = Shape::Continuous(Box::new(f));
    let shapes: Vec<Shape> = marks.iter().map(|m| Shape::Lines(m)).collect();
    let mut chart = Chart::new(super::plot_dots(width, 150), 60, x0 as f32, x1 as f32);
    let mut chart = chart.lineplot(&curve);
    for shape in &shapes {
        chart = chart.lineplot(shape);
    }
    chart.axis();
    chart.figures();
    Some(format!("{}\n{chart}", msg!(lang, "min-terminal-plot")))
}

/// Which steps a run kept, when it left some out: "steps 0 to 4,999 and
/// 995,001 to 1,000,000 (10,000 of 1,000,001 points; docs/limits.md)".
fn kept_text(run: &Trajectory, lang: Lang) -> String {
    let Some(gap) = run.gap else {
        return msg!(lang, "min-every-step");
    };
    // Step numbers as the table's step column writes them.
    let step = |k: usize| run.iterates[k].step.to_string();
    let n = run.iterates.len();
    msg!(
        lang,
        "min-kept",
        first = step(0),
        last_head = step(gap.at - 1),
        first_tail = step(gap.at),
        last = step(n - 1),
        kept = format_thousands(n as u64),
        total = format_thousands((n + gap.count) as u64)
    )
}

/// For CSV, which has no place for it: a line for stderr saying which
/// steps each long run kept.
pub fn csv_note(r: &MinimizeReport, lang: Lang) -> Option<String> {
    let runs: Vec<String> = r
        .runs
        .iter()
        .filter(|run| run.gap.is_some())
        .map(|run| format!("{}: {}", run.config.title_in(lang), kept_text(run, lang)))
        .collect();
    (!runs.is_empty()).then(|| format!("{}\n", msg!(lang, "min-csv-note", runs = runs.join("; "))))
}

/// The error a diverged run ends with (exit 1), after its report: where
/// and why, and what to change. A race reports its diverged methods in its
/// table instead.
pub fn divergence(r: &MinimizeReport, lang: Lang) -> Option<crate::Error> {
    if r.race {
        return None;
    }
    let (run, step, reason) = r.runs.iter().find_map(|run| match &run.stop {
        Stop::Diverged { step, reason } => Some((run, step, reason)),
        _ => None,
    })?;
    let number = |x: f64| crate::number::format_significant(x, 3);
    let hint = match remedy(run) {
        Remedy::Curvature {
            lr,
            ratio,
            curvature,
            bound,
            try_lr,
        } => msg!(
            lang,
            "min-hint-curvature",
            lr = number(lr),
            ratio = number(ratio),
            curvature = number(curvature),
            bound = number(bound),
            try_lr = number(try_lr)
        ),
        Remedy::SmallerRate { lr, try_lr } => msg!(
            lang,
            "min-hint-smaller-rate",
            lr = number(lr),
            try_lr = number(try_lr)
        ),
        Remedy::NewtonLineSearch => msg!(lang, "min-hint-newton-line-search"),
        Remedy::StartCloser => msg!(lang, "min-hint-start-closer"),
    };
    Some(crate::Error::Diverged {
        message: msg!(
            lang,
            "min-diverged-error",
            optimizer = run.config.title_in(lang),
            step = step.to_string(),
            reason = reason.render(lang)
        ),
        hint,
    })
}

/// The picture of the runs: the curve with iterates and tangents for one
/// variable, contours and paths for two.
pub fn plot(r: &MinimizeReport, lang: Lang) -> Result<String, String> {
    let title = format!("f = {}", unicode(r.graph, r.expr));
    let f = r.f;
    if r.variables.len() == 1 {
        let series: Vec<Iterates1> = r
            .runs
            .iter()
            .map(|run| Iterates1 {
                label: run.config.title_in(lang),
                points: run
                    .path
                    .iter()
                    .map(|i| (i.point[0], i.f, i.gradient[0]))
                    .collect(),
            })
            .collect();
        function_with_iterates(&title, &r.variables[0], &|x| f(&[x]), &series)
    } else {
        let paths: Vec<Path2> = r
            .runs
            .iter()
            .map(|run| Path2 {
                label: run.config.title_in(lang),
                points: run
                    .path
                    .iter()
                    .map(|i| (i.point[0], i.point[1]))
                    .filter(|p| p.0.is_finite() && p.1.is_finite())
                    .collect(),
            })
            .collect();
        let variables = (r.variables[0].as_str(), r.variables[1].as_str());
        contours_with_paths(lang, &title, variables, &|x, y| f(&[x, y]), &paths)
    }
}

/// `--picture`: the level sets and every run's path in characters, in the
/// terminal and in Markdown (LaTeX leaves it out, as it does every
/// character drawing).
fn picture_blocks(r: &MinimizeReport, style: &Style) -> Vec<Block> {
    let runs: Vec<super::terminal_contour::PicturedRun> = r
        .runs
        .iter()
        .map(|run| super::terminal_contour::PicturedRun {
            label: run.config.title_in(style.lang),
            points: run
                .path
                .iter()
                .filter(|i| i.point[0].is_finite() && i.point[1].is_finite())
                .map(|i| (i.step, i.point[0], i.point[1]))
                .collect(),
        })
        .collect();
    let f = r.f;
    let picture = super::terminal_contour::picture(
        &|x, y| f(&[x, y]),
        (&r.variables[0], &r.variables[1]),
        &runs,
        style.width,
        style.lang,
    );
    let blocks = vec![Block::Preformatted(picture)];
    vec![
        Block::Only(doc::Shown::Terminal, blocks.clone()),
        Block::Only(doc::Shown::Markdown, blocks),
    ]
}

fn race_blocks(r: &MinimizeReport, style: &Style) -> Vec<Block> {
    let lang = style.lang;
    let header = vec![
        cell("optimizer"),
        cell("stopped"),
        cell("steps"),
        cell("final point"),
        cell("final f"),
        cell("‖∇f‖∞"),
        cell("evaluations f / ∇f / H"),
    ];
    let rows = r
        .runs
        .iter()
        .map(|run| {
            let last = run.last();
            vec![
                cell(run.config.title_in(lang)),
                cell(match &run.stop {
                    Stop::Tolerance => msg!(lang, "min-stopped-tolerance"),
                    Stop::MaxSteps => msg!(lang, "min-stopped-max-steps"),
                    Stop::Diverged { .. } => msg!(lang, "min-stopped-diverged"),
                    Stop::Interrupted { .. } => msg!(lang, "min-stopped-interrupted"),
                }),
                cell(run.steps().to_string()),
                cell(vector(&last.point, style)),
                cell(style.num(last.f)),
                cell(style.num(last.gradient_norm())),
                cell(format!(
                    "{} / {} / {}",
                    run.evaluations.f, run.evaluations.gradient, run.evaluations.hessian
                )),
            ]
        })
        .collect();
    let start = start_text(r, &r.runs[0], style);
    let settings: Vec<String> = r
        .runs
        .iter()
        .map(|run| format!("{}: {}", run.config.title_in(lang), settings(run)))
        .collect();
    vec![
        Block::Paragraph(vec![text(msg!(
            lang,
            "min-race",
            start = start,
            max = r.max_steps.to_string(),
            tol = style.num(r.tolerance),
            settings = settings.join("; ")
        ))]),
        Block::Table { header, rows },
    ]
}

fn csv(r: &MinimizeReport, style: &Style) -> String {
    let mut header = vec!["optimizer".to_string(), "step".to_string()];
    header.extend(r.variables.iter().cloned());
    header.push("f".into());
    header.extend(r.variables.iter().map(|v| format!("grad_{v}")));
    header.extend(r.variables.iter().map(|v| format!("update_{v}")));
    let mut out = header.join(",");
    out.push('\n');
    for run in r.runs {
        for it in &run.iterates {
            let mut row = vec![run.config.title().replace(',', ";"), it.step.to_string()];
            row.extend(it.point.iter().map(|x| style.num(*x)));
            row.push(style.num(it.f));
            row.extend(it.gradient.iter().map(|x| style.num(*x)));
            match &it.report {
                Some(rep) => row.extend(rep.update.iter().map(|x| style.num(*x))),
                None => row.extend(r.variables.iter().map(|_| String::new())),
            }
            out.push_str(&row.join(","));
            out.push('\n');
        }
    }
    out
}

fn run_json(r: &MinimizeReport, run: &Trajectory, lang: Lang) -> Value {
    let named = |values: &[f64]| -> Value {
        Value::Object(
            r.variables
                .iter()
                .cloned()
                .zip(values.iter().map(|v| json!(v)))
                .collect(),
        )
    };
    let steps: Vec<Value> = run
        .iterates
        .iter()
        .map(|it| {
            let state: serde_json::Map<String, Value> = it
                .report
                .iter()
                .flat_map(|rep| rep.state.iter())
                .map(|e| {
                    let v = match &e.value {
                        StateValue::PerVariable(v) => named(v),
                        StateValue::Scalar(x) => json!(x),
                        StateValue::Matrix(m) => json!(m),
                    };
                    (e.name.to_string(), v)
                })
                .collect();
            json!({
                "step": it.step,
                "point": named(&it.point),
                "f": it.f,
                "gradient": named(&it.gradient),
                "state": state,
                "update": it.report.as_ref().map(|rep| named(&rep.update)),
                "note": it.report.as_ref().and_then(|rep| rep.note.as_ref()).map(|n| n.render(lang)),
            })
        })
        .collect();
    let last = run.last();
    let config: serde_json::Map<String, Value> = run
        .config
        .settings()
        .into_iter()
        .map(|(k, v)| (k.to_string(), Value::String(v)))
        .collect();
    let mut object = json!({
        "function": crate::expr::ascii(r.graph, r.expr),
        "optimizer": run.config.title_in(lang),
        "config": config,
        "steps": null,
        "stopped": run.stop.name(),
        "diverged_reason": match &run.stop { Stop::Diverged { reason, .. } => Some(reason.render(lang)), _ => None },
        "iterations": run.steps(),
        "minimizer": named(&last.point),
        "f_min": last.f,
        "evaluations": {"f": run.evaluations.f, "gradient": run.evaluations.gradient, "hessian": run.evaluations.hessian},
    });
    // Moved into its place: `json!` would serialize the steps again.
    object["steps"] = Value::Array(steps);
    if let Some(gap) = run.gap {
        object["steps_left_out"] = left_out_json(&run.iterates, gap, |it| it.step);
    }
    object
}

/// The report as JSON: keys in English, prose values in `lang`.
pub fn json_value(r: &MinimizeReport, lang: Lang) -> Value {
    if r.runs.len() == 1 {
        run_json(r, &r.runs[0], lang)
    } else {
        json!({
            "function": crate::expr::ascii(r.graph, r.expr),
            "runs": r.runs.iter().map(|run| run_json(r, run, lang)).collect::<Vec<_>>(),
        })
    }
}
