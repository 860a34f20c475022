//! Reading what users type besides expressions: points (`--at x=1,y=2`),
//! variable names (`--wrt w`), and the problem lines of a `--file`.

use crate::diagnostic::{name_list, MAX_LISTED_NAMES};
use crate::expr::{evaluate, parse, EvalError, Graph, Id, Point};
use crate::Error;
use std::path::Path;

/// Parses an expression, attributing errors to `origin`.
pub fn parse_expr(graph: &mut Graph, input: &str, origin: &str) -> Result<Id, Error> {
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
            return Err(Error::usage(
                format!(
                    "{}: '{item}' is not of the form name=value",
                    written.item(item)
                ),
                format!("write values as {}", written.item("x=1.5,y=-2")),
            ));
        };
        let name = name.trim();
        if !is_variable_name(name) {
            return Err(Error::usage(
                format!("{}: '{name}' is not a variable name", written.item(item)),
                "names start with a letter and use letters, digits and _, e.g. w1 or net_h1",
            ));
        }
        let v = point_value(name, value, item, &written)?;
        if let Some(earlier) = point.get(name) {
            return Err(Error::usage(
                format!(
                    "{}: {name} is given twice ({} and {})",
                    written.item(item),
                    crate::number::format_significant(earlier, 6),
                    crate::number::format_significant(v, 6)
                ),
                "give each variable one value; for another point, run the command again",
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
    let origin = format!(
        "the value of {name} in {}",
        written.item("").trim_end_matches(' ')
    );
    let id = parse_expr(&mut graph, value, &origin)?;
    evaluate(&graph, id, &Point::default()).map_err(|e| match e {
        // A name in a value: a word where a number belongs.
        EvalError::Unbound { name: word } => Error::usage(
            format!("{}: '{word}' is not a number", written.item(item)),
            "a value is a number or a constant expression, e.g. 1.5, -2 or pi/2",
        ),
        other => Error::usage(
            format!("{}: {other}", written.item(item)),
            format!(
                "give {name} a number, e.g. {}",
                written.item(&format!("{name}=1"))
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
            0 => Err(Error::usage(
                "the expression has no variables, so there is nothing to differentiate by",
                "its derivative is 0; name a variable with --wrt to see the Constant rule applied",
            )),
            1 => Ok(variables),
            _ if all_if_none => Ok(variables),
            _ => Err(Error::usage(
                format!(
                    "the expression has several variables ({}): say which to differentiate by",
                    name_list(&variables)
                ),
                if one_only {
                    format!(
                        "add --wrt {} (one variable: the partial derivative by it)",
                        variables[0]
                    )
                } else if variables.len() <= MAX_LISTED_NAMES {
                    format!(
                        "add --wrt {} for one partial derivative, or --wrt {} for the gradient",
                        variables[0],
                        variables.join(",")
                    )
                } else {
                    format!(
                        "add --wrt {} for one partial derivative, or a list such as --wrt {},{},{}",
                        variables[0], variables[0], variables[1], variables[2]
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
            return Err(Error::usage(
                format!("--wrt {name}: the expression has no variable {name}"),
                format!("its variables are {}", name_list(&variables)),
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
        [] => "name a variable of the expression".to_string(),
        [only] => format!("the expression's variable is {only}: --wrt {only}"),
        [first, ..] => format!(
            "the expression's variables are {}, e.g. --wrt {first}",
            name_list(variables)
        ),
    };
    if name.is_empty() {
        return Error::usage(
            "--wrt is given an empty name (a comma too many?)",
            format!("separate names with single commas; {choose}"),
        );
    }
    if one_only && name.contains(',') {
        return Error::usage(
            format!("--wrt {name}: check judges one partial derivative at a time, by one variable"),
            format!(
                "give one variable, e.g. --wrt {}",
                name.split(',').next().unwrap_or("w").trim()
            ),
        );
    }
    let what = match name {
        "e" => "e is the constant 2.71828…, not a variable".to_string(),
        "pi" => "pi is the constant 3.14159…, not a variable".to_string(),
        _ if crate::expr::Func::from_name(name).is_some() => {
            format!("{name} is a function, not a variable")
        }
        _ => "not a variable name: names start with a letter and use letters, digits and _"
            .to_string(),
    };
    Error::usage(format!("--wrt {name}: {what}"), choose)
}

/// Reads the file an option names (or stdin for `-`), saying which
/// option named it when it cannot be read.
pub fn read_named_file(option: &str, path: &Path) -> Result<String, Error> {
    let shown = path.display();
    if path.as_os_str() != "-" {
        if path.is_dir() {
            return Err(Error::usage(
                format!("{option} {shown}: this is a folder, not a file"),
                "give the path of a file",
            ));
        }
        if !path.exists() {
            return Err(Error::usage(
                format!("{option} {shown}: there is no such file"),
                "check the name; a relative path starts in the folder stepgrad runs in",
            ));
        }
    }
    super::read_input_file(path).map_err(|error| match error {
        Error::Io { path, message } => {
            let hint = if message.contains("UTF-8") {
                "save the file as plain UTF-8 text"
            } else {
                "check that the file can be read"
            };
            Error::usage(format!("{option} {path}: {message}"), hint)
        }
        other => other,
    })
}

/// Refuses a file an option would write, before any work is done: it must
/// end in `.extension`, its folder must exist, and it must not be a folder.
pub fn check_output_file(option: &str, path: &Path, extension: &str) -> Result<(), Error> {
    let shown = path.display();
    if path.extension().and_then(|e| e.to_str()) != Some(extension) {
        return Err(Error::usage(
            format!("{option} {shown}: the file name must end in .{extension}"),
            format!("for example {option} result.{extension}"),
        ));
    }
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if !folder.is_dir() {
        return Err(Error::usage(
            format!(
                "{option} {shown}: the folder {} does not exist",
                folder.display()
            ),
            "create the folder first, or write the file into a folder that exists",
        ));
    }
    if path.is_dir() {
        return Err(Error::usage(
            format!("{option} {shown}: this is a folder, not a file"),
            format!(
                "give a file name inside it, e.g. {}",
                path.join(format!("result.{extension}")).display()
            ),
        ));
    }
    Ok(())
}

/// Parses a count given to an option (`--steps`, `--epochs`, …): a whole
/// number, with a message saying what else it is. Clap puts it after
/// "invalid value 'X' for '--option'".
pub fn parse_count(text: &str) -> Result<usize, String> {
    let text = text.trim();
    if let Ok(n) = text.parse::<usize>() {
        return Ok(n);
    }
    if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!(
            "too large for a count (at most {}); each option's own limit is smaller, see docs/limits.md",
            usize::MAX
        ));
    }
    Err(match text.parse::<f64>() {
        Ok(x) if x < 0.0 => "a count cannot be negative: give a whole number such as 10",
        Ok(_) => "a count is a whole number, such as 10",
        Err(_) => "not a number: give a whole number such as 10",
    }
    .to_string())
}

/// Checks `--sample K` (1-based) against the number of samples.
pub fn check_sample(sample: usize, samples: usize, purpose: &str) -> Result<(), Error> {
    if (1..=samples).contains(&sample) {
        return Ok(());
    }
    let has = if samples == 1 {
        "the data has samples 1 to 1 (a single sample)".to_string()
    } else {
        format!("the data has samples 1 to {samples}")
    };
    Err(Error::usage(format!("--sample {sample}: {has}"), purpose))
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
                        problem = Some(Error::usage(
                            format!(
                                "{key}= is given twice on this line ('{first}', then '{value}')"
                            ),
                            format!("give {key}= once: keep the one you mean"),
                        ));
                        break;
                    }
                    options.push((key.to_string(), value.to_string()));
                }
                _ => {
                    problem = Some(Error::usage(
                        format!("'{part}' is not an option of this line"),
                        format!(
                            "after the expression, a line may add {}",
                            keys.iter()
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
