//! Reading a data set from CSV: a header row, numeric feature columns, and
//! either numeric target columns or one class-label column turned into
//! one-hot targets. Every problem is reported with its line and column.

use super::Dataset;
use crate::diagnostic::{name_list, Location};
use crate::Error;

/// Which columns hold the targets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TargetColumns {
    /// Numeric target columns, by header name.
    Names(Vec<String>),
    /// One column of class labels, one-hot encoded (classes in order of
    /// first appearance).
    Label(String),
}

fn located(
    path: &str,
    text: &str,
    span: std::ops::Range<usize>,
    message: String,
    hint: &str,
) -> Error {
    Error::Located {
        location: Box::new(Location::of_span(path, text, &span)),
        message,
        hint: Some(hint.to_string()),
    }
}

/// Parses CSV `text` (read from `path`, which only names it in errors).
pub fn load_csv(path: &str, text: &str, targets: &TargetColumns) -> Result<Dataset, Error> {
    if text.trim().is_empty() {
        return Err(located(
            path,
            text,
            0..0,
            "the CSV file is empty".into(),
            "the first line must name the columns, e.g. x1,x2,y",
        ));
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let header_error = |e: csv::Error| Error::Io {
        path: path.to_string(),
        message: format!("cannot read the header row: {e}"),
    };
    let headers: Vec<String> = reader
        .headers()
        .map_err(header_error)?
        .iter()
        .map(str::to_string)
        .collect();
    let header_end = text.find('\n').unwrap_or(text.len());
    let target_indices: Vec<usize> = match targets {
        TargetColumns::Names(names) => names
            .iter()
            .map(|name| column_index(path, text, &headers, name, header_end))
            .collect::<Result<_, _>>()?,
        TargetColumns::Label(name) => vec![column_index(path, text, &headers, name, header_end)?],
    };
    let feature_indices: Vec<usize> = (0..headers.len())
        .filter(|i| !target_indices.contains(i))
        .collect();
    if feature_indices.is_empty() {
        return Err(located(
            path,
            text,
            0..header_end,
            "no column is left for the inputs".into(),
            "the columns that are not targets are the inputs",
        ));
    }
    let mut data = Dataset {
        feature_names: feature_indices
            .iter()
            .map(|&i| headers[i].clone())
            .collect(),
        target_names: match targets {
            TargetColumns::Names(names) => names.clone(),
            TargetColumns::Label(_) => Vec::new(),
        },
        ..Dataset::default()
    };
    let mut labels: Vec<String> = Vec::new();
    let mut label_rows: Vec<usize> = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| Error::Io {
            path: path.to_string(),
            message: e.to_string(),
        })?;
        let offset = record.position().map_or(0, |p| p.byte() as usize);
        let line_span = offset..offset + text[offset..].find('\n').unwrap_or(text.len() - offset);
        if record.iter().all(str::is_empty) {
            continue;
        }
        if record.len() != headers.len() {
            return Err(located(
                path,
                text,
                line_span,
                format!(
                    "this row has {} fields, but the header names {} columns",
                    record.len(),
                    headers.len()
                ),
                "every row needs one value per column",
            ));
        }
        // The bytes of field i on its line: after the i-th comma, where its
        // (trimmed) text starts.
        let field_span = |i: usize| {
            let field = &record[i];
            let line = &text[line_span.clone()];
            let mut start = 0;
            for _ in 0..i {
                start = line[start..]
                    .find(',')
                    .map_or(line.len(), |p| start + p + 1);
            }
            match line[start..].find(field) {
                Some(p) => line_span.start + start + p..line_span.start + start + p + field.len(),
                // Quoted, or with escapes: the raw text up to the next comma.
                None => {
                    let end = line[start..].find(',').map_or(line.len(), |p| start + p);
                    line_span.start + start..line_span.start + end
                }
            }
        };
        let number = |i: usize| -> Result<f64, Error> {
            let field = &record[i];
            match field.parse::<f64>() {
                Ok(v) if v.is_finite() => Ok(v),
                _ if field.trim().is_empty() => Err(located(
                    path,
                    text,
                    field_span(i),
                    format!("column {} ({}) is empty on this row", i + 1, headers[i]),
                    "every input and numeric target needs a number on every row",
                )),
                _ => Err(located(
                    path,
                    text,
                    field_span(i),
                    format!(
                        "'{field}' in column {} ({}) is not a number",
                        i + 1,
                        headers[i]
                    ),
                    "inputs and numeric targets must be numbers such as 0.5 or -1e-3",
                )),
            }
        };
        let inputs = feature_indices
            .iter()
            .map(|&i| number(i))
            .collect::<Result<Vec<_>, _>>()?;
        data.inputs.push(inputs);
        match targets {
            TargetColumns::Names(_) => {
                let row = target_indices
                    .iter()
                    .map(|&i| number(i))
                    .collect::<Result<Vec<_>, _>>()?;
                data.targets.push(row);
            }
            TargetColumns::Label(_) => {
                let label = record[target_indices[0]].to_string();
                let class = match labels.iter().position(|l| *l == label) {
                    Some(c) => c,
                    None => {
                        labels.push(label);
                        labels.len() - 1
                    }
                };
                label_rows.push(class);
            }
        }
    }
    if data.inputs.is_empty() {
        return Err(located(
            path,
            text,
            0..header_end,
            "the CSV file has a header but no data rows".into(),
            "add one row per sample below the header",
        ));
    }
    if let TargetColumns::Label(_) = targets {
        data.targets = label_rows
            .iter()
            .map(|&c| {
                (0..labels.len())
                    .map(|k| if k == c { 1.0 } else { 0.0 })
                    .collect()
            })
            .collect();
        data.target_names = labels.clone();
        data.class_names = Some(labels);
    }
    Ok(data)
}

/// The byte range of each column name in the header line.
fn header_spans(text: &str) -> Vec<std::ops::Range<usize>> {
    let header_end = text.find('\n').unwrap_or(text.len());
    let header = &text[..header_end];
    let mut spans = Vec::new();
    let mut start = 0;
    for field in header.split(',') {
        let trimmed = field.trim();
        let at = start + field.find(trimmed).unwrap_or(0);
        spans.push(at..at + trimmed.len().max(1));
        start += field.len() + 1;
    }
    spans
}

fn input_columns(n: usize) -> String {
    if n == 1 {
        "1 input column".into()
    } else {
        format!("{n} input columns")
    }
}

/// Checks that the CSV loaded as `data` has the `expected` number of input
/// columns, pointing at the first column too many (or at the header when
/// there are too few).
pub fn check_input_columns(
    path: &str,
    text: &str,
    data: &Dataset,
    expected: usize,
) -> Result<(), Error> {
    let found = data.feature_names.len();
    if found == expected {
        return Ok(());
    }
    let spans = header_spans(text);
    let header_end = text.find('\n').unwrap_or(text.len());
    let hint = "make the first layer size the number of input columns, give the extra columns to --targets, or leave out the spec to get a network built for the data";
    if found > expected {
        let extra = &data.feature_names[expected];
        let column = text[..header_end]
            .split(',')
            .position(|h| h.trim() == extra)
            .unwrap_or(0);
        let span = spans.get(column).cloned().unwrap_or(0..header_end);
        return Err(located(
            path,
            text,
            span,
            format!(
                "{} ({}), more input columns than the network takes: its input layer has {expected}, so '{extra}' (column {}) is the first too many",
                input_columns(found),
                name_list(&data.feature_names),
                column + 1
            ),
            hint,
        ));
    }
    Err(located(
        path,
        text,
        0..header_end,
        format!(
            "{} ({}), fewer than the network takes: its input layer has {expected}",
            input_columns(found),
            name_list(&data.feature_names)
        ),
        hint,
    ))
}

fn column_index(
    path: &str,
    text: &str,
    headers: &[String],
    name: &str,
    header_end: usize,
) -> Result<usize, Error> {
    headers.iter().position(|h| h == name).ok_or_else(|| {
        located(
            path,
            text,
            0..header_end,
            format!("there is no column named '{name}'"),
            &format!("the columns are {}", name_list(headers)),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numeric_targets() {
        let d = load_csv(
            "d.csv",
            "x1,x2,y\n0,1,1\n1,1,0\n",
            &TargetColumns::Names(vec!["y".into()]),
        )
        .unwrap();
        assert_eq!(d.inputs, vec![vec![0.0, 1.0], vec![1.0, 1.0]]);
        assert_eq!(d.targets, vec![vec![1.0], vec![0.0]]);
        assert_eq!(d.feature_names, vec!["x1", "x2"]);
    }

    #[test]
    fn labels_become_one_hot() {
        let d = load_csv(
            "d.csv",
            "a,kind\n1,cat\n2,dog\n3,cat\n",
            &TargetColumns::Label("kind".into()),
        )
        .unwrap();
        assert_eq!(
            d.targets,
            vec![vec![1.0, 0.0], vec![0.0, 1.0], vec![1.0, 0.0]]
        );
        assert_eq!(
            d.class_names,
            Some(vec!["cat".to_string(), "dog".to_string()])
        );
    }

    #[test]
    fn errors_name_line_and_column() {
        let text = "x1,x2,y\n0,1,1\n1,abc,0\n";
        let e = load_csv("d.csv", text, &TargetColumns::Names(vec!["y".into()])).unwrap_err();
        let shown = e.render(false);
        assert!(
            shown.contains("'abc' in column 2 (x2) is not a number"),
            "{shown}"
        );
        assert!(shown.contains("d.csv:3:3"), "{shown}");
        let e = load_csv(
            "d.csv",
            "x,y\n1,2,3\n",
            &TargetColumns::Names(vec!["y".into()]),
        )
        .unwrap_err();
        assert!(e.render(false).contains("d.csv:2:1"), "{}", e.render(false));
        let e = load_csv(
            "d.csv",
            "x,y\n1,2\n",
            &TargetColumns::Names(vec!["z".into()]),
        )
        .unwrap_err();
        assert!(e.render(false).contains("no column named 'z'"));
        let e = load_csv("d.csv", "", &TargetColumns::Names(vec!["z".into()])).unwrap_err();
        assert!(e.render(false).contains("empty"));
    }
}
