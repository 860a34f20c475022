//! Reading a data set from CSV: a header row, numeric feature columns, and
//! either numeric target columns or one class-label column turned into
//! one-hot targets. Every problem is reported with its line and column, in
//! the words of the catalogue (`csv-…`), rendered in the session's
//! language.

use super::delimiter::{self, Delimiter};
use super::plain_rows::{self, Role};
use super::Dataset;
use crate::diagnostic::{name_list_text, Location};
use crate::i18n::Text;
use crate::{text, Error};

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
    message: Text,
    hint: Text,
) -> Error {
    Error::told_at(Location::of_span(path, text, &span), message, hint)
}

/// What the csv crate could not read, in its words, after the file's name.
pub(super) fn unreadable(message: Text) -> Error {
    Error::Told {
        message,
        hint: None,
        location: None,
        code: 2,
    }
}

/// A row of the CSV `path` the csv crate could not read.
pub(super) fn row_unreadable(path: &str, error: &csv::Error) -> Error {
    unreadable(text!(
        "csv-row-unreadable",
        path = path,
        error = error.to_string()
    ))
}

/// The names in the header line of the CSV `path`.
pub(super) fn header_names<R: std::io::Read>(
    reader: &mut csv::Reader<R>,
    path: &str,
) -> Result<Vec<String>, Error> {
    let headers = reader.headers().map_err(|e| {
        unreadable(text!(
            "csv-header-unreadable",
            path = path,
            error = e.to_string()
        ))
    })?;
    Ok(headers.iter().map(|h| h.trim().to_string()).collect())
}

/// Parses CSV `text` (read from `path`, which only names it in errors).
pub fn load_csv(path: &str, text: &str, targets: &TargetColumns) -> Result<Dataset, Error> {
    read_csv(path, text, targets, Reading::PlainWhereItCan)
}

/// How the data rows are read: in one pass when the text is plain
/// (`plain_rows`), else — and for every error — record by record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Reading {
    PlainWhereItCan,
    #[cfg(test)]
    RecordByRecord,
}

fn read_csv(
    path: &str,
    text: &str,
    targets: &TargetColumns,
    reading: Reading,
) -> Result<Dataset, Error> {
    let source = CsvSource::new(path, text)?;
    let mut reader = source.reader();
    let headers = header_names(&mut reader, path)?;
    let layout = source.layout(&headers, targets)?;
    let mut data = Dataset {
        feature_names: layout
            .features
            .iter()
            .map(|&i| headers[i].clone())
            .collect(),
        target_names: match targets {
            TargetColumns::Names(names) => names.clone(),
            TargetColumns::Label(_) => Vec::new(),
        },
        separator: Some(source.delimiter),
        ..Dataset::default()
    };
    let plain = match reading {
        Reading::PlainWhereItCan => layout
            .roles(headers.len(), targets)
            .and_then(|roles| plain_rows::read(text, source.delimiter, &roles)),
        #[cfg(test)]
        Reading::RecordByRecord => None,
    };
    let mut classes = Classes::default();
    match plain {
        Some(rows) => {
            data.inputs = rows.inputs;
            match targets {
                TargetColumns::Names(_) => data.targets = rows.targets,
                TargetColumns::Label(_) => rows.labels.iter().for_each(|l| classes.add(l)),
            }
        }
        None => {
            let rows = Rows {
                source: &source,
                headers: &headers,
                layout: &layout,
                targets,
            };
            rows.read_into(&mut reader, &mut data, &mut classes)?;
        }
    }
    if data.inputs.is_empty() {
        return Err(source.error(
            0..layout.header_end,
            text!("csv-no-rows"),
            text!("csv-no-rows-hint"),
        ));
    }
    if let TargetColumns::Label(_) = targets {
        data.targets = classes.one_hot();
        data.target_names = classes.names.clone();
        data.class_names = Some(classes.names);
    }
    Ok(data)
}

/// The data rows read record by record, each checked where it lies.
struct Rows<'s> {
    source: &'s CsvSource<'s>,
    headers: &'s [String],
    layout: &'s Layout,
    targets: &'s TargetColumns,
}

impl Rows<'_> {
    /// Every row after the header into `data` (and, for a label, its class
    /// into `classes`), or the first row's error.
    fn read_into(
        &self,
        reader: &mut csv::Reader<&[u8]>,
        data: &mut Dataset,
        classes: &mut Classes,
    ) -> Result<(), Error> {
        let (source, layout) = (self.source, self.layout);
        // One record, refilled row by row.
        let mut record = csv::StringRecord::new();
        while reader
            .read_record(&mut record)
            .map_err(|e| row_unreadable(source.path, &e))?
        {
            let Some(row) = source.row(&record, self.headers)? else {
                continue;
            };
            data.inputs.push(row.numbers(&layout.features)?);
            match self.targets {
                TargetColumns::Names(_) => data.targets.push(row.numbers(&layout.targets)?),
                TargetColumns::Label(_) => classes.add(row.field(layout.targets[0])),
            }
        }
        Ok(())
    }
}

/// The text of a CSV and the name it is reported under.
pub(super) struct CsvSource<'a> {
    pub path: &'a str,
    pub text: &'a str,
    /// What separates the fields, detected from the first lines.
    pub delimiter: Delimiter,
}

/// Which columns are inputs and which targets.
struct Layout {
    features: Vec<usize>,
    targets: Vec<usize>,
    /// Where the header line ends.
    header_end: usize,
}

impl Layout {
    /// What each of the `columns` is to a row read plainly; `None` when a
    /// target column is named twice (the record-by-record reading then
    /// reads it twice).
    fn roles(&self, columns: usize, targets: &TargetColumns) -> Option<Vec<Role>> {
        let mut roles = vec![None; columns];
        for (k, &i) in self.features.iter().enumerate() {
            roles[i] = Some(Role::Input(k));
        }
        for (k, &i) in self.targets.iter().enumerate() {
            if roles[i].is_some() {
                return None;
            }
            roles[i] = Some(match targets {
                TargetColumns::Names(_) => Role::Target(k),
                TargetColumns::Label(_) => Role::Label,
            });
        }
        roles.into_iter().collect()
    }
}

/// One data row of a CSV with its place in the text.
pub(super) struct Row<'r> {
    source: &'r CsvSource<'r>,
    record: &'r csv::StringRecord,
    headers: &'r [String],
    line_span: std::ops::Range<usize>,
}

/// Class labels in order of first appearance, and each row's class.
#[derive(Default)]
struct Classes {
    names: Vec<String>,
    rows: Vec<usize>,
}

impl Classes {
    fn add(&mut self, label: &str) {
        let class = match self.names.iter().position(|l| l == label) {
            Some(c) => c,
            None => {
                self.names.push(label.to_string());
                self.names.len() - 1
            }
        };
        self.rows.push(class);
    }

    fn one_hot(&self) -> Vec<Vec<f64>> {
        self.rows
            .iter()
            .map(|&c| {
                (0..self.names.len())
                    .map(|k| if k == c { 1.0 } else { 0.0 })
                    .collect()
            })
            .collect()
    }
}

impl<'a> CsvSource<'a> {
    /// The CSV `text` read from `path`, with its delimiter detected; an
    /// empty text or an ambiguous header is an error.
    pub(super) fn new(path: &'a str, text: &'a str) -> Result<Self, Error> {
        let header_end = text.find('\n').unwrap_or(text.len());
        if text.trim().is_empty() {
            return Err(located(
                path,
                text,
                0..0,
                text!("csv-empty"),
                text!("csv-empty-hint"),
            ));
        }
        let delimiter = delimiter::detect(text)
            .map_err(|(message, hint)| located(path, text, 0..header_end, message, hint))?;
        Ok(CsvSource {
            path,
            text,
            delimiter,
        })
    }

    /// A reader of the text with a header row. Fields are trimmed where
    /// they are read (`Row::field`): trimming whole records in the reader
    /// rebuilds every record.
    pub(super) fn reader(&self) -> csv::Reader<&'a [u8]> {
        csv::ReaderBuilder::new()
            .has_headers(true)
            .flexible(true)
            .delimiter(self.delimiter.byte())
            .from_reader(self.text.as_bytes())
    }

    pub(super) fn error(&self, span: std::ops::Range<usize>, message: Text, hint: Text) -> Error {
        located(self.path, self.text, span, message, hint)
    }

    /// The target columns found by name, the rest the inputs.
    fn layout(&self, headers: &[String], targets: &TargetColumns) -> Result<Layout, Error> {
        let (path, text) = (self.path, self.text);
        let header_end = text.find('\n').unwrap_or(text.len());
        let target_indices: Vec<usize> = match targets {
            TargetColumns::Names(names) => names
                .iter()
                .map(|name| column_index(path, text, headers, name, header_end))
                .collect::<Result<_, _>>()?,
            TargetColumns::Label(name) => {
                vec![column_index(path, text, headers, name, header_end)?]
            }
        };
        let features: Vec<usize> = (0..headers.len())
            .filter(|i| !target_indices.contains(i))
            .collect();
        if features.is_empty() {
            return Err(self.error(
                0..header_end,
                text!("csv-no-inputs"),
                text!("csv-no-inputs-hint"),
            ));
        }
        Ok(Layout {
            features,
            targets: target_indices,
            header_end,
        })
    }

    /// The row of `record`, or `None` for a blank one; a row with the wrong
    /// number of fields is an error at its line.
    pub(super) fn row<'r>(
        &'r self,
        record: &'r csv::StringRecord,
        headers: &'r [String],
    ) -> Result<Option<Row<'r>>, Error> {
        let text = self.text;
        let offset = record.position().map_or(0, |p| p.byte() as usize);
        let line_span = offset..offset + text[offset..].find('\n').unwrap_or(text.len() - offset);
        if record.iter().all(|field| field.trim().is_empty()) {
            return Ok(None);
        }
        if record.len() != headers.len() {
            return Err(self.error(
                line_span,
                text!(
                    "csv-ragged-row",
                    fields = record.len(),
                    columns = headers.len()
                ),
                text!("csv-ragged-row-hint"),
            ));
        }
        Ok(Some(Row {
            source: self,
            record,
            headers,
            line_span,
        }))
    }
}

impl Row<'_> {
    /// The bytes of field `i` on its line: after the i-th delimiter, where
    /// its (trimmed) text starts.
    pub(super) fn field_span(&self, i: usize) -> std::ops::Range<usize> {
        let field = self.field(i);
        let delimiter = self.source.delimiter.char();
        let line = &self.source.text[self.line_span.clone()];
        let mut start = 0;
        for _ in 0..i {
            start = line[start..]
                .find(delimiter)
                .map_or(line.len(), |p| start + p + 1);
        }
        let at = self.line_span.start + start;
        match line[start..].find(field) {
            Some(p) => at + p..at + p + field.len(),
            // Quoted, or with escapes: the raw text up to the next delimiter.
            None => {
                let end = line[start..]
                    .find(delimiter)
                    .map_or(line.len(), |p| start + p);
                at..self.line_span.start + end
            }
        }
    }

    /// Field `i` as written (trimmed).
    pub(super) fn field(&self, i: usize) -> &str {
        self.record[i].trim()
    }

    /// Field `i` as a finite number.
    pub(super) fn number(&self, i: usize) -> Result<f64, Error> {
        let field = self.field(i);
        let name = &self.headers[i];
        match field.parse::<f64>() {
            Ok(v) if v.is_finite() => Ok(v),
            _ if field.trim().is_empty() => Err(self.source.error(
                self.field_span(i),
                text!("csv-empty-field", column = i + 1, name = name),
                text!("csv-empty-field-hint"),
            )),
            _ => Err(self.source.error(
                self.field_span(i),
                text!(
                    "csv-not-a-number",
                    value = field,
                    column = i + 1,
                    name = name
                ),
                text!("csv-not-a-number-hint"),
            )),
        }
    }

    fn numbers(&self, columns: &[usize]) -> Result<Vec<f64>, Error> {
        columns.iter().map(|&i| self.number(i)).collect()
    }
}

/// The byte range of each column name in the header line.
fn header_spans(text: &str, delimiter: char) -> Vec<std::ops::Range<usize>> {
    let header_end = text.find('\n').unwrap_or(text.len());
    let header = &text[..header_end];
    let mut spans = Vec::new();
    let mut start = 0;
    for field in header.split(delimiter) {
        let trimmed = field.trim();
        let at = start + field.find(trimmed).unwrap_or(0);
        spans.push(at..at + trimmed.len().max(1));
        start += field.len() + 1;
    }
    spans
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
    let delimiter = data.separator.unwrap_or_default().char();
    let spans = header_spans(text, delimiter);
    let header_end = text.find('\n').unwrap_or(text.len());
    let hint = text!("csv-input-columns-hint");
    if found > expected {
        let extra = &data.feature_names[expected];
        let column = text[..header_end]
            .split(delimiter)
            .position(|h| h.trim() == extra)
            .unwrap_or(0);
        let span = spans.get(column).cloned().unwrap_or(0..header_end);
        return Err(located(
            path,
            text,
            span,
            text!(
                "csv-too-many-inputs",
                count = found,
                names = name_list_text(&data.feature_names),
                inputs = expected,
                extra = extra,
                column = column + 1
            ),
            hint,
        ));
    }
    Err(located(
        path,
        text,
        0..header_end,
        text!(
            "csv-too-few-inputs",
            count = found,
            names = name_list_text(&data.feature_names),
            inputs = expected
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
            text!("csv-no-such-column", name = name),
            text!("csv-the-columns-are", columns = name_list_text(headers)),
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

    /// A random CSV text: mostly plain rows of numbers, with now and then
    /// a blank line, a line of delimiters, a ragged row, a field that is
    /// not a finite number, spaces, quotes or carriage returns.
    fn random_csv(rng: &mut impl rand::Rng, delimiter: char) -> String {
        use rand::RngExt;
        const FIELDS: [&str; 30] = [
            "1",
            "-0.5",
            "2.5e-3",
            " 7 ",
            "0",
            "1e400",
            "abc",
            "",
            "inf",
            "\"3\"",
            "4\r",
            "-12.25",
            ".5",
            "5.",
            "+3",
            "1E-5",
            "1e",
            "e5",
            "-",
            ".",
            "1.2.3",
            "1e+",
            "--1",
            "0x10",
            "+inf",
            "1e-400",
            "4.9e-324",
            "0.12345678901234567890123",
            "7 x",
            "\u{663}",
        ];
        let columns = rng.random_range(2..5);
        let names: Vec<String> = (0..columns).map(|k| format!("c{k}")).collect();
        let mut text = names.join(&delimiter.to_string());
        for _ in 0..rng.random_range(0..6) {
            text.push('\n');
            let line: Vec<String> = match rng.random_range(0..10) {
                0 => Vec::new(),
                1 => vec![String::new(); columns],
                2 => vec!["  ".into()],
                kind => {
                    let fields = if kind == 3 { columns + 1 } else { columns };
                    (0..fields)
                        .map(|_| match rng.random_range(0..5) {
                            0 => FIELDS[rng.random_range(0..FIELDS.len())].to_string(),
                            1 => decimal_spelling(rng),
                            _ => format!("{}", rng.random_range(-100..100) as f64 / 8.0),
                        })
                        .collect()
                }
            };
            text.push_str(&line.join(&delimiter.to_string()));
        }
        if rng.random_bool(0.5) {
            text.push('\n');
        }
        text
    }

    /// A random word of the pieces numbers are written with — digits,
    /// signs, points, exponents and the words for infinity and NaN — as
    /// often not a number as one.
    fn decimal_spelling(rng: &mut impl rand::Rng) -> String {
        use rand::RngExt;
        const PIECES: [&str; 21] = [
            "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "+", "-", ".", "e", "E", "inf",
            "INF", "infinity", "Infinity", "nan", "NaN",
        ];
        let pieces = rng.random_range(1..12);
        (0..pieces)
            .map(|_| {
                // The words are rarer than the characters.
                let limit = if rng.random_bool(0.05) {
                    PIECES.len()
                } else {
                    15
                };
                PIECES[rng.random_range(0..limit)]
            })
            .collect()
    }

    /// Whatever the one-pass reading takes whole as a finite number, the
    /// standard reading takes with the same value, and the other way
    /// round: the two agree on every spelling of digits, signs, points,
    /// exponents and the words for infinity and NaN.
    #[test]
    fn decimal_spellings_read_as_the_standard_reading_does() {
        use rand::SeedableRng;
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(5);
        let mut numbers = 0;
        for _ in 0..50_000 {
            let text = decimal_spelling(&mut rng);
            let whole = fast_float2::parse_partial::<f64, _>(text.as_bytes())
                .ok()
                .filter(|&(_, read)| read == text.len())
                .map(|(value, _)| value);
            let standard = text.parse::<f64>().ok();
            let finite = |x: Option<f64>| x.filter(|v| v.is_finite()).map(f64::to_bits);
            assert_eq!(finite(whole), finite(standard), "{text:?}");
            assert_eq!(whole.is_some(), standard.is_some(), "{text:?}");
            numbers += usize::from(standard.is_some());
        }
        assert!(numbers > 5_000, "{numbers}");
    }

    #[test]
    fn plain_rows_read_as_the_records_do() {
        use rand::SeedableRng;
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(11);
        let mut plain = 0;
        for case in 0..3000 {
            let delimiter = [',', ';', '\t'][case % 3];
            let text = random_csv(&mut rng, delimiter);
            let targets = match case % 4 {
                0 => TargetColumns::Label("c1".into()),
                1 => TargetColumns::Names(vec!["c1".into(), "c0".into()]),
                2 => TargetColumns::Names(vec!["c1".into(), "c1".into()]),
                _ => TargetColumns::Names(vec!["c1".into()]),
            };
            let fast = read_csv("d.csv", &text, &targets, Reading::PlainWhereItCan);
            let records = read_csv("d.csv", &text, &targets, Reading::RecordByRecord);
            match (&fast, &records) {
                (Ok(a), Ok(b)) => assert_eq!(a, b, "{text:?}"),
                (Err(a), Err(b)) => assert_eq!(a.render(false), b.render(false), "{text:?}"),
                _ => panic!("{text:?}: {:?} against {:?}", fast.is_ok(), records.is_ok()),
            }
            let roles = [Role::Input(0), Role::Target(0)];
            let header_columns = text
                .lines()
                .next()
                .map_or(0, |h| h.split(delimiter).count());
            let delimiter = Delimiter::ALL[case % 3];
            if header_columns == 2 && plain_rows::read(&text, delimiter, &roles).is_some() {
                plain += 1;
            }
        }
        // The plain reading was taken, not only refused.
        assert!(plain > 100, "{plain}");
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
