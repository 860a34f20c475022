//! Significant digits of a numeric answer: how many a student wrote, and
//! whether two numbers round alike at a number of digits.
//!
//! Rounding is decimal (the shortest text Rust gives at that precision,
//! exact for the binary value); a number within a relative 1e-12 of a tie
//! — which is how a decimal tie such as 0.35 is stored — rounds both ways,
//! so a tie is never held against the student.

/// Relative distance from a tie within which a number rounds both ways.
const TIE_SLACK: f64 = 1e-12;

/// The roundings of `x` to `digits` significant digits: one, or two near
/// a tie.
fn roundings(x: f64, digits: u32) -> Vec<f64> {
    let places = digits.max(1) as usize - 1;
    let mut out: Vec<f64> = Vec::with_capacity(2);
    for y in [x * (1.0 - TIE_SLACK), x, x * (1.0 + TIE_SLACK)] {
        let rounded = format!("{y:.places$e}").parse().unwrap_or(y);
        if !out.contains(&rounded) {
            out.push(rounded);
        }
    }
    out
}

/// Whether `a` and `b` round to the same number at `digits` significant
/// digits.
pub fn rounds_alike(a: f64, b: f64, digits: u32) -> bool {
    let of_a = roundings(a, digits);
    roundings(b, digits).iter().any(|r| of_a.contains(r))
}

/// The significant digits written in `input` when it is a plain decimal
/// number (`0.359`, `-1.20`, `3.5e-2`), counting trailing zeros; `None`
/// for arithmetic, whose value is exact.
pub fn written_digits(input: &str) -> Option<u32> {
    let text = input.trim();
    let text = text.strip_prefix(['-', '+', '−']).unwrap_or(text);
    let mantissa = match text.find(['e', 'E']) {
        Some(at) => {
            let exponent = &text[at + 1..];
            let exponent = exponent.strip_prefix(['-', '+']).unwrap_or(exponent);
            if exponent.is_empty() || !exponent.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            &text[..at]
        }
        None => text,
    };
    let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    let well_formed = mantissa.matches('.').count() <= 1
        && !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit());
    if !well_formed {
        return None;
    }
    let significant = digits.trim_start_matches('0');
    // 0 and 0.000 have one significant digit.
    Some(significant.len().max(1) as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_as_written() {
        for (input, digits) in [
            ("0.359", Some(3)),
            ("0.3590", Some(4)),
            ("-28", Some(2)),
            ("29.50", Some(4)),
            ("3.5e-2", Some(2)),
            ("0", Some(1)),
            ("0.4 - 0.04", None),
            ("1/3", None),
            ("1.2.3", None),
            ("e", None),
        ] {
            assert_eq!(written_digits(input), digits, "{input}");
        }
    }

    #[test]
    fn rounding_alike_and_ties() {
        assert!(rounds_alike(0.358916480, 0.3589, 4));
        assert!(!rounds_alike(0.358916480, 0.359, 4));
        assert!(rounds_alike(0.358916480, 0.359, 3));
        // 0.35 is stored just below the tie: both 0.3 and 0.4 are fair.
        assert!(rounds_alike(0.35, 0.4, 1));
        assert!(rounds_alike(0.35, 0.3, 1));
        assert!(!rounds_alike(0.36, 0.3, 1));
        // 0.99996 rounds to 1.000 at 4 digits; 0.99951 to 0.9995.
        assert!(rounds_alike(0.99996, 1.0, 4));
        assert!(!rounds_alike(0.99996, 0.99951, 4));
    }
}
