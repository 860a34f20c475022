//! The data rows of a CSV written plainly — no double quotes and no
//! carriage returns anywhere — read in one pass: each line is split where
//! the delimiter falls, which is exactly what the csv reader makes of such
//! text, without building a record per row.
//!
//! Only rows that read cleanly are taken this way. The first row with the
//! wrong number of fields, a field that is not a finite number, or a text
//! this pass does not cover (a blank first line, quotes, carriage returns)
//! makes it give up, and the reader goes record by record from the start
//! — so every error is reported by the one path that names lines and
//! columns.
//!
//! Invariant: when `read` returns rows, they are the rows the record-by-
//! record reading gives, value for value.

use super::delimiter::Delimiter;

/// Where each column of a row goes: into the inputs or the targets, at a
/// position, as a number or (a class label) as text.
#[derive(Clone, Copy)]
pub(super) enum Role {
    Input(usize),
    Target(usize),
    Label,
}

/// The rows read: inputs, numeric targets, and each row's class label.
#[derive(Default)]
pub(super) struct PlainRows<'t> {
    pub inputs: Vec<Vec<f64>>,
    pub targets: Vec<Vec<f64>>,
    pub labels: Vec<&'t str>,
}

/// The data rows of `text`, whose header is its first line, with the
/// columns' `roles`; `None` where the record-by-record reading must
/// decide.
pub(super) fn read<'t>(
    text: &'t str,
    delimiter: Delimiter,
    roles: &[Role],
) -> Option<PlainRows<'t>> {
    let plain = memchr::memchr2(b'"', b'\r', text.as_bytes()).is_none();
    let header_end = text.find('\n')?;
    if !plain || text[..header_end].trim().is_empty() {
        return None;
    }
    let inputs = roles.iter().filter(|r| matches!(r, Role::Input(_))).count();
    let targets = roles
        .iter()
        .filter(|r| matches!(r, Role::Target(_)))
        .count();
    let mut rows = PlainRows::default();
    let mut fields = Fields {
        text,
        delimiter: delimiter.byte(),
        at: header_end + 1,
    };
    while fields.at <= text.len() {
        let line_start = fields.at;
        match row(&mut fields, roles, (inputs, targets)) {
            Some((input, target, label)) => {
                rows.inputs.push(input);
                rows.targets.push(target);
                rows.labels.push(label);
            }
            None => {
                let line_end = fields.line_end(line_start);
                if !blank(&text[line_start..line_end], delimiter) {
                    return None;
                }
                fields.at = line_end + 1;
            }
        }
    }
    Some(rows)
}

/// The fields of the text after the header, one at a time: each ends at
/// the next delimiter or newline (one pass over the bytes, which are
/// ASCII wherever a field ends).
struct Fields<'t> {
    text: &'t str,
    delimiter: u8,
    /// Where the next field starts.
    at: usize,
}

impl<'t> Fields<'t> {
    /// The next field on the line, and whether the line ends after it
    /// (`at` then starts the next line).
    fn next(&mut self) -> (&'t str, bool) {
        let bytes = &self.text.as_bytes()[self.at..];
        let end = bytes
            .iter()
            .position(|&b| b == self.delimiter || b == b'\n')
            .unwrap_or(bytes.len());
        let field = &self.text[self.at..self.at + end];
        let line_ends = bytes.get(end).is_none_or(|&b| b == b'\n');
        self.at += end + 1;
        (field, line_ends)
    }

    /// The next field on the line as a finite number, and whether the
    /// line ends after it; `None` when it is not one. A field that is a
    /// number and nothing else, as most are, is read in the same pass
    /// that finds its end (`fast_float2` takes whole exactly the numbers
    /// `str::parse` takes, with the same values, and otherwise only
    /// infinities and NaNs, which are refused either way); any other
    /// field (blanks around it, say) is cut out and read as `number`
    /// reads it.
    fn next_number(&mut self) -> Option<(f64, bool)> {
        let bytes = &self.text.as_bytes()[self.at..];
        if bytes
            .first()
            .is_some_and(|b| b.is_ascii_digit() || b"+-.".contains(b))
        {
            if let Ok((value, read)) = fast_float2::parse_partial::<f64, _>(bytes) {
                let after = bytes.get(read).copied();
                let ends_field = after.is_none_or(|b| b == self.delimiter || b == b'\n');
                if ends_field {
                    self.at += read + 1;
                    let line_ends = after.is_none_or(|b| b == b'\n');
                    return value.is_finite().then_some((value, line_ends));
                }
            }
        }
        let (field, ends) = self.next();
        Some((number(field.trim())?, ends))
    }

    /// Where the line that starts at `start` ends.
    fn line_end(&self, start: usize) -> usize {
        self.text[start..]
            .find('\n')
            .map_or(self.text.len(), |p| start + p)
    }
}

/// The values of the line that `fields` reads next, with `inputs` inputs
/// and `targets` targets; `None` when a field is missing or too many, or
/// one is not a finite number.
fn row<'t>(
    fields: &mut Fields<'t>,
    roles: &[Role],
    (inputs, targets): (usize, usize),
) -> Option<(Vec<f64>, Vec<f64>, &'t str)> {
    let mut input = vec![0.0; inputs];
    let mut target = vec![0.0; targets];
    let mut label = "";
    let mut line_ended = false;
    for role in roles {
        if line_ended {
            return None;
        }
        line_ended = match *role {
            Role::Label => {
                let (field, ends) = fields.next();
                label = field.trim();
                ends
            }
            Role::Input(k) => {
                let (value, ends) = fields.next_number()?;
                input[k] = value;
                ends
            }
            Role::Target(k) => {
                let (value, ends) = fields.next_number()?;
                target[k] = value;
                ends
            }
        };
    }
    line_ended.then_some((input, target, label))
}

/// A line of nothing but blanks and delimiters, which the reader skips.
fn blank(line: &str, delimiter: Delimiter) -> bool {
    line.split(delimiter.char()).all(|f| f.trim().is_empty())
}

/// `field` as a finite number.
fn number(field: &str) -> Option<f64> {
    field.parse::<f64>().ok().filter(|v| v.is_finite())
}
