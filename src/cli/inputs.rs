//! Reading what users type besides expressions: points (`--at x=1,y=2`),
//! variable names (`--wrt w`), and the problem lines of a `--file`.

use crate::expr::{evaluate, parse, Graph, Id, Point};
use crate::Error;

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
/// `pi/2` or `-1e-3`.
pub fn parse_point(items: &[String], origin: &str) -> Result<Point, Error> {
    let mut point = Point::default();
    for item in items.iter().map(|s| s.trim()).filter(|s| !s.is_empty()) {
        let Some((name, value)) = item.split_once('=') else {
            return Err(Error::usage(
                format!("{origin}: '{item}' is not of the form name=value"),
                "write values as --at x=1.5,y=-2",
            ));
        };
        let name = name.trim();
        if !is_variable_name(name) {
            return Err(Error::usage(
                format!("{origin}: '{name}' is not a variable name"),
                "names start with a letter and use letters, digits and _, e.g. w1 or net_h1",
            ));
        }
        let mut graph = Graph::new();
        let id = parse_expr(
            &mut graph,
            value,
            &format!("the value of {name} in {origin}"),
        )?;
        let v = evaluate(&graph, id, &Point::default()).map_err(|e| Error::Eval {
            error: e,
            context: format!("the value of {name} in {origin} must be a number"),
        })?;
        if let Some(earlier) = point.get(name) {
            return Err(Error::usage(
                format!(
                    "{origin}: {name} is given twice ({} and {})",
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
                    variables.join(", ")
                ),
                if one_only {
                    format!(
                        "add --wrt {} (one variable: the partial derivative by it)",
                        variables[0]
                    )
                } else {
                    format!(
                        "add --wrt {} for one partial derivative, or --wrt {} for the gradient",
                        variables[0],
                        variables.join(",")
                    )
                },
            )),
        };
    }
    let mut chosen: Vec<String> = Vec::new();
    for name in asked.iter().map(|s| s.trim()) {
        if !is_variable_name(name) {
            return Err(Error::usage(
                format!("--wrt {name}: not a variable name"),
                if one_only && name.contains(',') {
                    "check judges one partial derivative at a time: give one variable, e.g. --wrt w"
                } else {
                    "names start with a letter and use letters, digits and _"
                },
            ));
        }
        if !variables.is_empty() && !variables.iter().any(|v| v == name) {
            return Err(Error::usage(
                format!("--wrt {name}: the expression has no variable {name}"),
                format!("its variables are {}", variables.join(", ")),
            ));
        }
        if !chosen.iter().any(|c| c == name) {
            chosen.push(name.to_string());
        }
    }
    Ok(chosen)
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
/// A line with an unknown or malformed option is an error for that line.
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
                    options.push((key.trim().to_string(), value.trim().to_string()));
                }
                _ => {
                    problem = Some(Error::usage(
                        format!("line {number}: '{part}' is not an option of this line"),
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
    }
}
