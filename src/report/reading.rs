//! "read as 2·x²·sin(x)": what stepgrad read from an input in textbook
//! notation, put before a command's report when it differs from what was
//! typed (`expr::reading` decides when). The terminal and notes get a line
//! of its own above the report; JSON gets `"read_as"`, the ASCII reading
//! of each such input; CSV stays a table and shows nothing.
//!
//! Invariant: a report whose inputs all read as typed is returned
//! unchanged, byte for byte.

use super::doc::{self, text, Block};
use super::{json, Format, Style};
use crate::expr::Reading;
use serde_json::Value;

/// `rendered`, the report in `format`, with the readings that differ from
/// their inputs put first.
pub fn echoed(rendered: String, readings: &[Reading], format: Format, style: &Style) -> String {
    let differing: Vec<&Reading> = readings.iter().filter(|r| r.differs).collect();
    if differing.is_empty() {
        return rendered;
    }
    match format {
        Format::Csv => rendered,
        Format::Json => match serde_json::from_str::<Value>(&rendered) {
            Ok(mut value) => {
                add_to_json(&mut value, readings);
                json::document(&value)
            }
            Err(_) => rendered,
        },
        _ => {
            let lines = differing
                .iter()
                .filter_map(|r| r.message(style.lang))
                .map(|m| Block::Paragraph(vec![text(m)]))
                .collect::<Vec<_>>();
            format!("{}{rendered}", doc::render(&lines, format, style))
        }
    }
}

/// Adds `"read_as"` (the ASCII reading of each input that reads other
/// than typed) to a JSON object.
pub fn add_to_json(value: &mut Value, readings: &[Reading]) {
    let read: Vec<Value> = readings
        .iter()
        .filter(|r| r.differs)
        .map(|r| Value::String(r.ascii.clone()))
        .collect();
    if let (Value::Object(map), false) = (value, read.is_empty()) {
        map.insert("read_as".into(), Value::Array(read));
    }
}
