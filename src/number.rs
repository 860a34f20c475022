//! How numbers are written in reports: a given count of significant digits,
//! trailing zeros dropped, scientific notation for very small or very large
//! magnitudes (written as textbooks and Python print it: `3.51018778e-05`).
//! A number whose shortest round-trip digits already fit is laid out from
//! them directly (`Shortest`), without rounding through text.

/// `x` with at most `digits` significant digits.
pub fn format_significant(x: f64, digits: usize) -> String {
    let digits = digits.clamp(1, 17);
    if x == 0.0 {
        return "0".into();
    }
    if !x.is_finite() {
        return if x.is_nan() {
            "NaN".into()
        } else if x > 0.0 {
            "inf".into()
        } else {
            "-inf".into()
        };
    }
    if let Some(text) = Shortest::of(x).and_then(|s| s.laid_out(digits)) {
        return text;
    }
    // Round first, then decide the notation from the rounded value, so that
    // 9.9999999 printed with 3 digits becomes 10, not 10.0 or 1e1.
    let rounded: f64 = format!("{:.*e}", digits - 1, x).parse().unwrap_or(x);
    let exponent = rounded.abs().log10().floor() as i32;
    // As Python's %g: scientific below 1e-4 and from 10^digits up.
    if exponent < -4 || exponent >= digits as i32 {
        let text = format!("{:.*e}", digits - 1, x);
        let (mantissa, exp) = text.split_once('e').unwrap_or((&text, "0"));
        let mantissa = trim_zeros(mantissa);
        let exp: i32 = exp.parse().unwrap_or(0);
        let sign = if exp < 0 { '-' } else { '+' };
        return format!("{mantissa}e{sign}{:02}", exp.abs());
    }
    let decimals = (digits as i32 - 1 - exponent).max(0) as usize;
    trim_zeros(&format!("{:.*}", decimals, x)).to_string()
}

/// The shortest decimal digits that read back as a finite `f64` (what
/// `{:e}` prints): `digits` without leading or trailing zeros ("0" for
/// zero), the value being ±d.ddd × 10^`exponent`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shortest {
    pub negative: bool,
    pub digits: String,
    pub exponent: i32,
}

impl Shortest {
    /// The digits of `x`; `None` for NaN and the infinities.
    pub fn of(x: f64) -> Option<Shortest> {
        if !x.is_finite() {
            return None;
        }
        let text = format!("{x:e}");
        let (mantissa, exponent) = text.split_once('e')?;
        let exponent: i32 = exponent.parse().ok()?;
        let negative = mantissa.starts_with('-');
        let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
        Some(Shortest {
            negative,
            digits,
            exponent,
        })
    }

    /// The text `format_significant` writes with `max_digits` digits, when
    /// these digits are no more than that: rounding to `max_digits` then
    /// gives them back, since up to 15 digits the rounding grid is coarser
    /// than the spacing of doubles (beyond, `None`).
    pub fn laid_out(&self, max_digits: usize) -> Option<String> {
        if max_digits > 15 || self.digits.len() > max_digits || self.digits == "0" {
            return None;
        }
        let mut out = String::with_capacity(self.digits.len() + 8);
        if self.negative {
            out.push('-');
        }
        let (first, rest) = self.digits.split_at(1);
        let e = self.exponent;
        // As Python's %g: scientific below 1e-4 and from 10^digits up.
        if e < -4 || e >= max_digits as i32 {
            out.push_str(first);
            if !rest.is_empty() {
                out.push('.');
                out.push_str(rest);
            }
            let sign = if e < 0 { '-' } else { '+' };
            out.push_str(&format!("e{sign}{:02}", e.abs()));
        } else if e < 0 {
            out.push_str("0.");
            out.extend(std::iter::repeat_n('0', (-e - 1) as usize));
            out.push_str(&self.digits);
        } else {
            let whole = (e + 1) as usize;
            if self.digits.len() <= whole {
                out.push_str(&self.digits);
                out.extend(std::iter::repeat_n('0', whole - self.digits.len()));
            } else {
                out.push_str(&self.digits[..whole]);
                out.push('.');
                out.push_str(&self.digits[whole..]);
            }
        }
        Some(out)
    }
}

fn trim_zeros(text: &str) -> &str {
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.')
    } else {
        text
    }
}

/// An integer with thousands separators: 100000 → "100,000". Any unsigned
/// count up to 128 bits, so products of counts are shown exactly.
/// A signed whole number with thousands separators: -1000 → "-1,000".
pub fn format_thousands_signed(n: i64) -> String {
    let magnitude = format_thousands(n.unsigned_abs());
    if n < 0 {
        format!("-{magnitude}")
    } else {
        magnitude
    }
}

pub fn format_thousands(n: impl Into<u128>) -> String {
    let digits = n.into().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A count with its noun, singular or plural, with thousands separators:
/// (1, "epoch", "epochs") → "1 epoch", (3000, …) → "3,000 epochs".
pub fn format_count(n: impl Into<u128>, one: &str, many: &str) -> String {
    let n: u128 = n.into();
    format!(
        "{} {}",
        format_thousands(n),
        if n == 1 { one } else { many }
    )
}

/// An ordinal with thousands separators: 2 → "2nd", 32 → "32nd",
/// 1024 → "1,024th", 11 → "11th".
pub fn format_ordinal(n: u64) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{}{suffix}", format_thousands(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn significant_digits() {
        let cases = [
            (0.298371109, 9, "0.298371109"),
            (0.0821670407, 9, "0.0821670407"),
            (3.510187783e-05, 10, "3.510187783e-05"),
            (2.2, 6, "2.2"),
            (220.00000000000003, 6, "220"),
            (-0.5, 6, "-0.5"),
            (9.9999999, 3, "10"),
            (1e20, 6, "1e+20"),
            (123456.7, 6, "123457"),
            (1234567.0, 6, "1.23457e+06"),
            (153276656445025.0, 6, "1.53277e+14"),
            (100000.0, 6, "100000"),
            (0.0001234, 6, "0.0001234"),
            (0.000001234, 6, "1.234e-06"),
        ];
        for (x, d, expected) in cases {
            assert_eq!(format_significant(x, d), expected, "{x} with {d} digits");
        }
    }

    /// The layout from the shortest digits is the rounding's, digit for
    /// digit, over magnitudes from 1e-300 to 1e300 and 1 to 15 digits.
    #[test]
    fn the_shortest_digits_lay_out_as_the_rounding_does() {
        let rounded = |x: f64, digits: usize| -> String {
            let rounded: f64 = format!("{:.*e}", digits - 1, x).parse().unwrap();
            let exponent = rounded.abs().log10().floor() as i32;
            if exponent < -4 || exponent >= digits as i32 {
                let text = format!("{:.*e}", digits - 1, x);
                let (mantissa, exp) = text.split_once('e').unwrap();
                let exp: i32 = exp.parse().unwrap();
                let sign = if exp < 0 { '-' } else { '+' };
                return format!("{}e{sign}{:02}", trim_zeros(mantissa), exp.abs());
            }
            let decimals = (digits as i32 - 1 - exponent).max(0) as usize;
            trim_zeros(&format!("{:.*}", decimals, x)).to_string()
        };
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..20_000 {
            let digits = (next() % 15 + 1) as usize;
            let mantissa = (next() % 10u64.pow(digits as u32)) as f64;
            let scale = (next() % 600) as i32 - 300;
            let x = mantissa * 10f64.powi(scale) * if next() % 2 == 0 { 1.0 } else { -1.0 };
            if x == 0.0 || !x.is_finite() {
                continue;
            }
            for digits in [digits, 6, 12, 15] {
                if let Some(fast) = Shortest::of(x).unwrap().laid_out(digits) {
                    assert_eq!(fast, rounded(x, digits), "{x:e} with {digits} digits");
                }
            }
        }
    }

    #[test]
    fn thousands() {
        assert_eq!(format_thousands(100000u64), "100,000");
        assert_eq!(format_thousands(4000u64), "4,000");
        assert_eq!(format_thousands(40u64), "40");
        assert_eq!(
            format_thousands(u128::MAX),
            "340,282,366,920,938,463,463,374,607,431,768,211,455"
        );
    }

    #[test]
    fn ordinals() {
        let cases = [
            (1, "1st"),
            (2, "2nd"),
            (3, "3rd"),
            (4, "4th"),
            (11, "11th"),
            (12, "12th"),
            (13, "13th"),
            (22, "22nd"),
            (32, "32nd"),
            (111, "111th"),
            (1024, "1,024th"),
            (8192, "8,192nd"),
        ];
        for (n, expected) in cases {
            assert_eq!(format_ordinal(n), expected);
        }
    }
}
