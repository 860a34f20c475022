//! How numbers are written in reports: a given count of significant digits,
//! trailing zeros dropped, scientific notation for very small or very large
//! magnitudes (written as textbooks and Python print it: `3.51018778e-05`).

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
