//! A CSV read for a saved model: its feature columns found by name (in
//! any order, other columns ignored), and its targets when the file has
//! them — the label column, each class turned into the model's one-hot
//! order, or the numeric target columns. Every problem is reported at its
//! line and column: a feature column missing (at the header), a class the
//! model does not know (at its field), a value that is not a number.
//!
//! Invariant: every row returned has one input per wanted feature, in the
//! model's order, and (when targets are returned) one target per model
//! output, all finite.

use super::csv_file::{header_names, row_unreadable, CsvSource};
use crate::diagnostic::name_list_text;
use crate::{text, Error};

/// The columns a model reads and writes.
pub struct Wanted<'a> {
    pub features: &'a [String],
    /// The label column and the model's classes, in its output order.
    pub label: Option<(&'a str, &'a [String])>,
    /// Numeric target columns (when there is no label).
    pub targets: &'a [String],
}

/// Rows read for a model.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Table {
    pub inputs: Vec<Vec<f64>>,
    /// `None` when the file does not have the targets.
    pub targets: Option<Vec<Vec<f64>>>,
}

/// Where each wanted column is in the file.
struct Columns {
    features: Vec<usize>,
    label: Option<usize>,
    targets: Option<Vec<usize>>,
}

/// Reads the CSV `text` (named `path`) for the columns of `wanted`.
pub fn read_for_model(path: &str, text: &str, wanted: &Wanted) -> Result<Table, Error> {
    let source = CsvSource::new(path, text)?;
    let mut reader = source.reader();
    let headers = header_names(&mut reader, path)?;
    let columns = find_columns(&source, &headers, wanted)?;
    let mut table = Table {
        inputs: Vec::new(),
        targets: (columns.label.is_some() || columns.targets.is_some()).then(Vec::new),
    };
    for record in reader.records() {
        let record = record.map_err(|e| row_unreadable(path, &e))?;
        let Some(row) = source.row(&record, &headers)? else {
            continue;
        };
        let inputs = columns
            .features
            .iter()
            .map(|&i| row.number(i))
            .collect::<Result<Vec<_>, _>>()?;
        table.inputs.push(inputs);
        let target = match (&columns.label, &columns.targets, wanted.label) {
            (Some(i), _, Some((_, classes))) => Some(one_hot(&source, &row, *i, classes)?),
            (None, Some(ts), _) => Some(
                ts.iter()
                    .map(|&i| row.number(i))
                    .collect::<Result<_, _>>()?,
            ),
            _ => None,
        };
        if let (Some(all), Some(t)) = (&mut table.targets, target) {
            all.push(t);
        }
    }
    if table.inputs.is_empty() {
        let header_end = text.find('\n').unwrap_or(text.len());
        return Err(source.error(
            0..header_end,
            text!("csv-no-rows"),
            text!("csv-no-rows-hint"),
        ));
    }
    Ok(table)
}

/// The file's columns for the model: every feature (else an error at the
/// header naming the first missing one), the label or the targets when
/// present.
fn find_columns(source: &CsvSource, headers: &[String], wanted: &Wanted) -> Result<Columns, Error> {
    let index = |name: &str| headers.iter().position(|h| h == name);
    let header_end = source.text.find('\n').unwrap_or(source.text.len());
    let mut features = Vec::with_capacity(wanted.features.len());
    for name in wanted.features {
        match index(name) {
            Some(i) => features.push(i),
            None => {
                return Err(source.error(
                    0..header_end,
                    text!(
                        "predict-missing-feature",
                        name = name.as_str(),
                        features = name_list_text(wanted.features)
                    ),
                    text!("csv-the-columns-are", columns = name_list_text(headers)),
                ))
            }
        }
    }
    let label = wanted.label.and_then(|(name, _)| index(name));
    let found: Vec<Option<usize>> = wanted.targets.iter().map(|t| index(t)).collect();
    let present = found.iter().flatten().count();
    let numeric = wanted.label.is_none() && present > 0;
    if numeric && present < found.len() {
        let missing = wanted.targets.iter().find(|t| index(t).is_none());
        return Err(source.error(
            0..header_end,
            text!(
                "predict-some-targets",
                missing = missing.map_or("", String::as_str),
                targets = name_list_text(wanted.targets)
            ),
            text!("predict-some-targets-hint"),
        ));
    }
    Ok(Columns {
        features,
        label,
        targets: numeric.then(|| found.into_iter().flatten().collect()),
    })
}

/// The label in column `i` of `row` as a one-hot row in the model's class
/// order; a class the model does not know is an error at its field.
fn one_hot(
    source: &CsvSource,
    row: &super::csv_file::Row,
    i: usize,
    classes: &[String],
) -> Result<Vec<f64>, Error> {
    let label = row.field(i);
    match classes.iter().position(|c| c == label) {
        Some(k) => Ok((0..classes.len())
            .map(|j| if j == k { 1.0 } else { 0.0 })
            .collect()),
        None => Err(source.error(
            row.field_span(i),
            text!("predict-unknown-class", class = label),
            text!("predict-known-classes", classes = name_list_text(classes)),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn columns_are_found_by_name() {
        let features = names(&["b", "a"]);
        let classes = names(&["no", "yes"]);
        let wanted = Wanted {
            features: &features,
            label: Some(("kind", &classes)),
            targets: &classes,
        };
        let t = read_for_model("d.csv", "a,kind,b,extra\n1,yes,2,x\n3,no,4,y\n", &wanted).unwrap();
        assert_eq!(t.inputs, vec![vec![2.0, 1.0], vec![4.0, 3.0]]);
        assert_eq!(t.targets, Some(vec![vec![0.0, 1.0], vec![1.0, 0.0]]));
        let t = read_for_model("d.csv", "a,b\n1,2\n", &wanted).unwrap();
        assert_eq!(t.targets, None);
        let e = read_for_model("d.csv", "a,kind\n1,yes\n", &wanted).unwrap_err();
        let shown = e.render(false);
        assert!(shown.contains("no column 'b'"), "{shown}");
        assert!(shown.contains("d.csv:1:1"), "{shown}");
        let e = read_for_model("d.csv", "a,b,kind\n1,2,maybe\n", &wanted).unwrap_err();
        let shown = e.render(false);
        assert!(shown.contains("'maybe'"), "{shown}");
        assert!(shown.contains("d.csv:2:5"), "{shown}");
    }

    #[test]
    fn numeric_targets_all_or_none() {
        let features = names(&["x"]);
        let targets = names(&["y", "z"]);
        let wanted = Wanted {
            features: &features,
            label: None,
            targets: &targets,
        };
        let t = read_for_model("d.csv", "x,y,z\n1,2,3\n", &wanted).unwrap();
        assert_eq!(t.targets, Some(vec![vec![2.0, 3.0]]));
        let e = read_for_model("d.csv", "x,y\n1,2\n", &wanted).unwrap_err();
        assert!(e.render(false).contains("'z'"), "{}", e.render(false));
    }
}
