//! An answer sheet: a TOML file of `name = number` lines, the names those
//! `net` prints (`net_h1`, `"dE_total/dw5"`, `new_w5`, …), each number
//! kept with the digits the student wrote, since they are its precision.
//!
//! Invariant: a sheet that reads has only known names, each once, each
//! with a finite number; every mistake in the file is reported at its line
//! and column.

use crate::diagnostic::Location;
use crate::expr::closest_name;
use crate::text;
use crate::Error;
use std::collections::BTreeMap;
use toml::Spanned;

/// One answer: the quantity's name, the number and how it was written.
#[derive(Clone, Debug, PartialEq)]
pub struct Answer {
    pub name: String,
    pub value: f64,
    pub written: String,
}

/// Reads `text` (the file `path`) against the names the network has.
pub fn read_sheet(text: &str, path: &str, known: &[&str]) -> Result<Vec<Answer>, Error> {
    let at = |span: std::ops::Range<usize>| Location::of_span(path, text, &span);
    let table: BTreeMap<Spanned<String>, Spanned<toml::Value>> =
        toml::from_str(text).map_err(|e| {
            let span = e.span().unwrap_or(0..0);
            Error::told_at(
                at(span),
                crate::toml_text::explain(e.message().trim()),
                text!("net-check-toml-hint"),
            )
        })?;
    let mut answers = Vec::new();
    for (key, value) in table {
        let name = key.get_ref();
        if !known.contains(&name.as_str()) {
            return Err(Error::told_at(
                at(key.span()),
                text!("net-check-unknown-name", name = name.as_str()),
                unknown_hint(name, known),
            ));
        }
        let span = value.span();
        let written = text.get(span.clone()).unwrap_or("").trim().to_string();
        let number = match value.get_ref() {
            toml::Value::Float(x) => *x,
            toml::Value::Integer(i) => *i as f64,
            _ => f64::NAN,
        };
        if !number.is_finite() {
            return Err(Error::told_at(
                at(span),
                text!(
                    "net-check-not-a-number",
                    name = name.as_str(),
                    value = written
                ),
                text!("net-check-number-hint", name = name.as_str()),
            ));
        }
        answers.push(Answer {
            name: name.clone(),
            value: number,
            written,
        });
    }
    if answers.is_empty() {
        return Err(Error::told(
            text!("net-check-empty", path = path),
            text!("net-check-toml-hint"),
        ));
    }
    Ok(answers)
}

fn unknown_hint(name: &str, known: &[&str]) -> crate::i18n::Text {
    if let Some(param) = name.strip_prefix("new_") {
        if known.iter().any(|k| k.ends_with(&format!("/d{param}"))) {
            return if known.iter().any(|k| k.starts_with("new_")) {
                text!("net-check-new-frozen", name = name)
            } else {
                text!("net-check-new-not-judged", name = name)
            };
        }
    }
    match closest_name(name, known.iter().copied()) {
        Some(meant) => text!("net-check-did-you-mean", meant = meant),
        None => text!("net-check-names-hint"),
    }
}

/// Half a unit in the last digit written: 0.5933 → 0.00005, 1.2e-3 →
/// 0.00005, 2 → 0.5.
pub fn half_unit(written: &str) -> f64 {
    let plain: String = written.chars().filter(|&c| c != '_' && c != '+').collect();
    let plain = plain.trim_start_matches('-');
    if plain.starts_with("0x") || plain.starts_with("0o") || plain.starts_with("0b") {
        return 0.5;
    }
    let (mantissa, exponent) = match plain.find(['e', 'E']) {
        Some(at) => (&plain[..at], plain[at + 1..].parse::<i32>().unwrap_or(0)),
        None => (plain, 0),
    };
    let decimals = mantissa.split_once('.').map_or(0, |(_, d)| d.len()) as i32;
    0.5 * 10f64.powi(exponent - decimals)
}

/// `value` cut (toward zero) to the digits of `written`.
pub fn truncated_like(value: f64, written: &str) -> f64 {
    let unit = 2.0 * half_unit(written);
    (value / unit).trunc() * unit
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn half_units_follow_the_last_digit_written() {
        assert_eq!(half_unit("0.5933"), 0.00005);
        assert!((half_unit("1.2e-3") - 0.00005).abs() < 1e-18);
        assert_eq!(half_unit("2"), 0.5);
        assert_eq!(half_unit("-0.019_05"), 0.000005);
        assert!((half_unit("5.933E-1") - 0.00005).abs() < 1e-18);
    }

    #[test]
    fn truncation_cuts_toward_zero() {
        assert!((truncated_like(0.593269992, "0.5932") - 0.5932).abs() < 1e-12);
        assert!((truncated_like(-0.0190491, "-0.0190") + 0.0190).abs() < 1e-12);
    }
}
