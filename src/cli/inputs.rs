//! Reading what users type besides expressions: points (`--at x=1,y=2`),
//! variable names (`--wrt w`), and the problem lines of a `--file`.

use crate::data::{default_samples, Generation};
use crate::diagnostic::{name_list, MAX_LISTED_NAMES};
use crate::expr::{evaluate, parse, EvalError, Graph, Id, Point};
use crate::i18n::Text;
use crate::text;
use crate::text_file::ReadFailure;
use crate::Error;
use std::path::Path;

/// Parses an expression, attributing errors to `origin`.
pub fn parse_expr(graph: &mut Graph, input: &str, origin: Text) -> Result<Id, Error> {
    parse(graph, input).map_err(|e| Error::parse(input, e, origin))
}

/// True for a name the parser reads as a variable.
fn is_variable_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
        && name != "e"
        && name != "pi"
        && crate::expr::Func::from_name(name).is_none()
}

/// Parses `V=x` items; each value may be a constant expression such as
/// `pi/2` or `-1e-3`. `origin` names where they were given: an option
/// (`--at`, `--start`) or a problem line's key (`at`).
pub fn parse_point(items: &[String], origin: &str) -> Result<Point, Error> {
    let written = Written { origin };
    let mut point = Point::default();
    for item in items.iter().map(|s| s.trim()).filter(|s| !s.is_empty()) {
        let Some((name, value)) = item.split_once('=') else {
            return Err(Error::told(
                text!(
                    "inputs-not-name-value",
                    written = written.item(item),
                    item = item
                ),
                text!(
                    "inputs-not-name-value-hint",
                    example = written.item("x=1.5,y=-2")
                ),
            ));
        };
        let name = name.trim();
        if !is_variable_name(name) {
            return Err(Error::told(
                text!(
                    "inputs-not-variable-name",
                    written = written.item(item),
                    name = name
                ),
                text!("inputs-variable-name-hint"),
            ));
        }
        let v = point_value(name, value, item, &written)?;
        if let Some(earlier) = point.get(name) {
            return Err(Error::told(
                text!(
                    "inputs-given-twice",
                    written = written.item(item),
                    name = name,
                    first = crate::number::format_significant(earlier, 6),
                    second = crate::number::format_significant(v, 6)
                ),
                text!("inputs-given-twice-hint"),
            ));
        }
        point.set(name, v);
    }
    Ok(point)
}

/// How the user wrote an item of a point: `--at x=1` or `at=x=1`.
struct Written<'a> {
    origin: &'a str,
}

impl Written<'_> {
    fn item(&self, item: &str) -> String {
        if self.origin.starts_with("--") {
            format!("{} {item}", self.origin)
        } else {
            format!("{}={item}", self.origin)
        }
    }
}

/// The value `value` of `name` (in `item`): a number or a constant
/// expression.
fn point_value(name: &str, value: &str, item: &str, written: &Written) -> Result<f64, Error> {
    let mut graph = Graph::new();
    let origin = text!(
        "error-origin-value",
        name = name,
        written = written.item("").trim_end_matches(' ')
    );
    let id = parse_expr(&mut graph, value, origin)?;
    evaluate(&graph, id, &Point::default()).map_err(|e| match e {
        // A name in a value: a word where a number belongs.
        EvalError::Unbound { name: word } => Error::told(
            text!(
                "inputs-not-a-number",
                written = written.item(item),
                word = word
            ),
            text!("inputs-not-a-number-hint"),
        ),
        other => Error::told(
            text!(
                "inputs-value-failed",
                written = written.item(item),
                problem = other.text()
            ),
            text!(
                "inputs-value-failed-hint",
                name = name,
                example = written.item(&format!("{name}=1"))
            ),
        ),
    })
}

/// The variables to differentiate by: the ones asked for, checked against
/// the expression's variables, or the only variable there is.
pub fn choose_variables(
    graph: &Graph,
    expr: Id,
    asked: &[String],
    all_if_none: bool,
    one_only: bool,
) -> Result<Vec<String>, Error> {
    let variables = graph.variables(expr);
    if asked.is_empty() {
        return match variables.len() {
            0 => Err(Error::told(
                text!("inputs-no-variables"),
                text!("inputs-no-variables-hint"),
            )),
            1 => Ok(variables),
            _ if all_if_none => Ok(variables),
            _ => Err(Error::told(
                text!("inputs-several-variables", names = name_list(&variables)),
                if one_only {
                    text!("inputs-several-one-hint", first = &variables[0])
                } else if variables.len() <= MAX_LISTED_NAMES {
                    text!(
                        "inputs-several-hint",
                        first = &variables[0],
                        all = variables.join(",")
                    )
                } else {
                    text!(
                        "inputs-several-many-hint",
                        first = &variables[0],
                        second = &variables[1],
                        third = &variables[2]
                    )
                },
            )),
        };
    }
    let mut chosen: Vec<String> = Vec::new();
    for name in asked.iter().map(|s| s.trim()) {
        if !is_variable_name(name) {
            return Err(not_a_variable(name, one_only, &variables));
        }
        if !variables.is_empty() && !variables.iter().any(|v| v == name) {
            return Err(Error::told(
                text!("inputs-wrt-not-in-expression", name = name),
                text!("inputs-wrt-variables-are", names = name_list(&variables)),
            ));
        }
        if !chosen.iter().any(|c| c == name) {
            chosen.push(name.to_string());
        }
    }
    Ok(chosen)
}

/// Why `name`, given to `--wrt`, is not a variable.
fn not_a_variable(name: &str, one_only: bool, variables: &[String]) -> Error {
    let choose = match variables {
        [] => text!("inputs-choose-any"),
        [only] => text!("inputs-choose-only", only = only),
        [first, ..] => text!(
            "inputs-choose-first",
            names = name_list(variables),
            first = first
        ),
    };
    if name.is_empty() {
        return Error::told(
            text!("inputs-wrt-empty"),
            text!("inputs-wrt-empty-hint", choose = choose),
        );
    }
    if one_only && name.contains(',') {
        return Error::told(
            text!("inputs-wrt-one-only", name = name),
            text!(
                "inputs-wrt-one-only-hint",
                first = name.split(',').next().unwrap_or("w").trim()
            ),
        );
    }
    let what = match name {
        "e" => text!("inputs-wrt-is-e"),
        "pi" => text!("inputs-wrt-is-pi"),
        _ if crate::expr::Func::from_name(name).is_some() => {
            text!("inputs-wrt-is-function", name = name)
        }
        _ => text!("inputs-wrt-not-name"),
    };
    Error::told(text!("inputs-wrt-bad", name = name, what = what), choose)
}

/// Reads the file an option names (or stdin for `-`), saying which
/// option named it when it cannot be read.
pub fn read_named_file(option: &str, path: &Path) -> Result<String, Error> {
    let shown = path.display();
    if path.as_os_str() != "-" {
        let named = shown.to_string();
        let refused = if path.is_dir() {
            Some((
                text!("inputs-file-is-folder", option = option, path = named),
                text!("inputs-file-is-folder-hint"),
            ))
        } else if !path.exists() {
            Some((
                text!("inputs-file-missing", option = option, path = named),
                text!("inputs-file-missing-hint"),
            ))
        } else {
            None
        };
        if let Some((message, hint)) = refused {
            return Err(Error::told(message, hint));
        }
    }
    super::read_input_file(path).map_err(|failure| {
        let hint = match failure {
            ReadFailure::NotUtf8 => text!("inputs-file-utf8-hint"),
            ReadFailure::TooLarge { .. } => text!("inputs-file-too-large-hint"),
            _ => text!("inputs-file-read-hint"),
        };
        Error::told(
            text!(
                "inputs-file-unreadable",
                option = option,
                path = shown.to_string(),
                problem = failure.text()
            ),
            hint,
        )
    })
}

/// Refuses a file an option would write, before any work is done: it must
/// end in `.extension`, its folder must exist, and it must not be a folder.
pub fn check_output_file(option: &str, path: &Path, extension: &str) -> Result<(), Error> {
    let shown = path.display();
    if path.extension().and_then(|e| e.to_str()) != Some(extension) {
        return Err(Error::told(
            text!(
                "inputs-output-extension",
                option = option,
                path = shown.to_string(),
                extension = extension
            ),
            text!(
                "inputs-output-extension-hint",
                option = option,
                extension = extension
            ),
        ));
    }
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if !folder.is_dir() {
        return Err(Error::told(
            text!(
                "inputs-output-no-folder",
                option = option,
                path = shown.to_string(),
                folder = folder.display().to_string()
            ),
            text!("inputs-output-no-folder-hint"),
        ));
    }
    if path.is_dir() {
        return Err(Error::told(
            text!(
                "inputs-file-is-folder",
                option = option,
                path = shown.to_string()
            ),
            text!(
                "inputs-output-is-folder-hint",
                example = path
                    .join(format!("result.{extension}"))
                    .display()
                    .to_string()
            ),
        ));
    }
    Ok(())
}

/// Why one of stepgrad's value parsers refused an option's value, in the
/// catalogue's words: clap keeps it as the error's source, and the command
/// line renders it in the session's language (English when shown by
/// `Display`).
#[derive(Debug)]
pub struct ValueRefused(pub Text);

impl std::fmt::Display for ValueRefused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0.render(crate::i18n::Lang::En))
    }
}

impl std::error::Error for ValueRefused {}

/// Parses a count given to an option (`--steps`, `--epochs`, …): a whole
/// number, with a message saying what else it is. Clap puts it after
/// "invalid value 'X' for '--option'".
pub fn parse_count(text: &str) -> Result<usize, ValueRefused> {
    let text = text.trim();
    if let Ok(n) = text.parse::<usize>() {
        return Ok(n);
    }
    if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ValueRefused(text!(
            "inputs-count-too-large",
            limit = usize::MAX.to_string()
        )));
    }
    Err(ValueRefused(match text.parse::<f64>() {
        Ok(x) if x < 0.0 => text!("inputs-count-negative"),
        Ok(_) => text!("inputs-count-not-whole"),
        Err(_) => text!("inputs-count-not-a-number"),
    }))
}

/// Checks `--sample K` (1-based) against the number of samples.
pub fn check_sample(sample: usize, samples: usize, purpose: Text) -> Result<(), Error> {
    if (1..=samples).contains(&sample) {
        return Ok(());
    }
    let has = if samples == 1 {
        text!("inputs-sample-one", sample = sample.to_string())
    } else {
        text!(
            "inputs-sample-range",
            sample = sample.to_string(),
            samples = samples.to_string()
        )
    };
    Err(Error::told(has, purpose))
}

/// One problem line of a `--file`: the expression and its `; key=value`
/// options.
#[derive(Debug, Clone, PartialEq)]
pub struct ProblemLine {
    pub number: usize,
    pub expr: String,
    pub options: Vec<(String, String)>,
}

impl ProblemLine {
    pub fn option(&self, key: &str) -> Option<&str> {
        self.options
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

/// Splits a problem file into lines, skipping blanks and `#` comments.
/// A line with an unknown or malformed option, or an option given twice,
/// is an error for that line.
pub fn problem_lines(text: &str, keys: &[&str]) -> Vec<Result<ProblemLine, (usize, Error)>> {
    let mut out = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let number = i + 1;
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut parts = line.split(';');
        let expr = parts.next().unwrap_or("").trim().to_string();
        let mut options = Vec::new();
        let mut problem = None;
        for part in parts.map(str::trim).filter(|p| !p.is_empty()) {
            match part.split_once('=') {
                Some((key, value)) if keys.contains(&key.trim()) => {
                    let (key, value) = (key.trim(), value.trim());
                    if let Some((_, first)) = options.iter().find(|(k, _)| k == key) {
                        problem = Some(Error::told(
                            text!(
                                "inputs-line-key-twice",
                                key = key,
                                first = first,
                                second = value
                            ),
                            text!("inputs-line-key-twice-hint", key = key),
                        ));
                        break;
                    }
                    options.push((key.to_string(), value.to_string()));
                }
                _ => {
                    problem = Some(Error::told(
                        text!("inputs-line-not-option", part = part),
                        text!(
                            "inputs-line-not-option-hint",
                            keys = keys
                                .iter()
                                .map(|k| format!("; {k}=…"))
                                .collect::<Vec<_>>()
                                .join(" ")
                        ),
                    ));
                    break;
                }
            }
        }
        out.push(match problem {
            Some(e) => Err((number, e)),
            None => Ok(ProblemLine {
                number,
                expr,
                options,
            }),
        });
    }
    out
}

/// Refuses a network too large for the commands that derive and print
/// every parameter symbolically (`net`, `graph`; docs/limits.md).
pub fn check_symbolic_size(spec: &crate::network::Spec, command: &str) -> Result<(), Error> {
    crate::network::check_symbolic_size(spec, command)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_accept_constant_expressions() {
        let p = parse_point(&["x=pi/2".into(), "y=-1e-3".into()], "--at").unwrap();
        assert_eq!(p.get("x"), Some(std::f64::consts::FRAC_PI_2));
        assert_eq!(p.get("y"), Some(-1e-3));
        assert!(parse_point(&["x".into()], "--at").is_err());
        assert!(parse_point(&["x=y".into()], "--at").is_err());
    }

    #[test]
    fn problem_file_lines() {
        let lines = problem_lines(
            "# comment\n\nx^2 ; wrt=x\nsin(y); bogus=1\n",
            &["wrt", "at"],
        );
        assert_eq!(lines.len(), 2);
        let first = lines[0].as_ref().unwrap();
        assert_eq!(
            (first.number, first.expr.as_str(), first.option("wrt")),
            (3, "x^2", Some("x"))
        );
        assert!(lines[1].is_err());
        let twice = problem_lines(
            "x^2 ; answer=2*x ; answer = 3*x
",
            &["answer", "wrt"],
        );
        let (line, error) = twice[0].as_ref().unwrap_err();
        assert_eq!(*line, 1);
        assert!(error
            .to_string()
            .contains("answer= is given twice on this line ('2*x', then '3*x')"));
    }
}

/// The options of a generated built-in set, shared by `train` and `predict`.
#[derive(clap::Args, Debug, Clone)]
pub struct GeneratedSetArgs {
    /// Samples of a generated built-in set
    #[arg(long, value_name = "N", value_parser = parse_count, allow_negative_numbers = true)]
    pub samples: Option<usize>,
    /// Noise of a generated built-in set, from 0 to 1
    #[arg(
        long,
        value_name = "X",
        default_value_t = 0.0,
        allow_hyphen_values = true
    )]
    pub noise: f64,
}

impl GeneratedSetArgs {
    /// How the built-in set `name` is generated with these options and `seed`.
    pub fn generation(&self, name: &str, seed: u64) -> Generation {
        Generation {
            seed,
            noise: self.noise,
            samples: self.samples.unwrap_or_else(|| default_samples(name)),
        }
    }
}
