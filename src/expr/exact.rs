//! Folding numbers as a student reads them: in decimal, and only exactly.
//!
//! A number in an expression stands for the decimal that was typed (or that
//! a rule wrote): 0.1 is one tenth, not the binary fraction nearest to it.
//! When the simplifier folds 0.3·3 or 0.1 + 0.2, plain floating-point
//! arithmetic gives 0.8999999999999999 and 0.30000000000000004, and a
//! derivative written 0.9·x² would then differ from the student's 0.9·x² by
//! a rounding residue. The functions here fold in exact decimal arithmetic
//! instead: each operand is read as its shortest decimal form (the digits
//! Rust prints for it, which parse back to the same `f64`), the operation
//! is done exactly on those digits, and the result is accepted only when it
//! is itself the shortest form of an `f64` — so that storing it loses
//! nothing. Otherwise the fold returns `None` and the caller keeps the
//! numbers unfolded: 1e14 + 0.02 stays two terms rather than become a
//! double that cannot tell it from 1e14 + 0.04.
//!
//! Invariant: every `Some(x)` returned is exactly the decimal result of the
//! operation on the operands' shortest decimal forms.

/// A finite decimal `mantissa · 10^exponent`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Decimal {
    mantissa: i128,
    exponent: i32,
}

impl Decimal {
    pub const ZERO: Decimal = Decimal {
        mantissa: 0,
        exponent: 0,
    };

    /// The shortest decimal that reads back as `x` (finite `x` only).
    pub fn of(x: f64) -> Option<Decimal> {
        if !x.is_finite() {
            return None;
        }
        if x == 0.0 {
            return Some(Decimal::ZERO);
        }
        // A whole number below 2⁵³ is its own shortest decimal.
        if x.fract() == 0.0 && x.abs() < 9_007_199_254_740_992.0 {
            return Some(
                Decimal {
                    mantissa: x as i128,
                    exponent: 0,
                }
                .normalised(),
            );
        }
        if let Some(short) = Decimal::of_few_digits(x) {
            return Some(short);
        }
        // `{:e}` prints the shortest digits that round-trip: "-1.2345e-7".
        let text = format!("{x:e}");
        let (digits, exponent) = text.split_once('e')?;
        let exponent: i32 = exponent.parse().ok()?;
        let negative = digits.starts_with('-');
        let digits = digits.trim_start_matches('-');
        let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
        let mantissa: i128 = format!("{whole}{fraction}").parse().ok()?;
        let fraction_len = i32::try_from(fraction.len()).ok()?;
        Some(
            Decimal {
                mantissa: if negative { -mantissa } else { mantissa },
                exponent: exponent - fraction_len,
            }
            .normalised(),
        )
    }

    /// The shortest decimal of `x` when it has at most 15 significant
    /// digits and no digit below 10⁻¹⁵ (0.25, −1.5e-3), found without
    /// text: the first count of decimals k for which the whole number
    /// nearest x·10^k divided by 10^k (both exact, the quotient correctly
    /// rounded) gives back x. With at most 15 digits no other decimal of
    /// as few digits reads back as x, so it is the one `{:e}` prints.
    fn of_few_digits(x: f64) -> Option<Decimal> {
        const POWERS: [f64; 16] = [
            1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
        ];
        for (k, &power) in POWERS.iter().enumerate() {
            let whole = (x * power).round();
            if whole.abs() >= 1e15 {
                return None;
            }
            if whole != 0.0 && whole / power == x {
                let decimal = Decimal {
                    mantissa: whole as i128,
                    exponent: -(k as i32),
                };
                return Some(decimal.normalised());
            }
        }
        None
    }

    /// The same value with trailing zeros of the mantissa moved into the
    /// exponent, so equal values compare equal.
    fn normalised(mut self) -> Decimal {
        if self.mantissa == 0 {
            return Decimal::ZERO;
        }
        // In 64 bits when the mantissa fits: a 128-bit division is a call.
        if let Ok(mut narrow) = i64::try_from(self.mantissa) {
            while narrow % 10 == 0 {
                narrow /= 10;
                self.exponent += 1;
            }
            self.mantissa = i128::from(narrow);
            return self;
        }
        while self.mantissa % 10 == 0 {
            self.mantissa /= 10;
            self.exponent += 1;
        }
        self
    }

    pub fn is_zero(self) -> bool {
        self.mantissa == 0
    }

    /// The `f64` this decimal is the shortest form of, or `None` when
    /// storing it as an `f64` would change it (or it is out of range).
    pub fn to_f64(self) -> Option<f64> {
        let x = match self.small_f64() {
            Some(x) => x,
            None => format!("{}e{}", self.mantissa, self.exponent)
                .parse()
                .ok()?,
        };
        (x.is_finite() && (x != 0.0 || self.is_zero()) && Decimal::of(x) == Some(self)).then_some(x)
    }

    /// The `f64` nearest this decimal when one correctly rounded operation
    /// gives it: a mantissa below 2⁵³ times or divided by a power of ten
    /// up to 10²², both exact doubles.
    fn small_f64(self) -> Option<f64> {
        const POWERS: [f64; 23] = [
            1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
            1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
        ];
        if self.mantissa.unsigned_abs() >= 1 << 53 {
            return None;
        }
        let mantissa = self.mantissa as f64;
        let power = *POWERS.get(self.exponent.unsigned_abs() as usize)?;
        Some(if self.exponent < 0 {
            mantissa / power
        } else {
            mantissa * power
        })
    }

    /// `self + other`, exactly; `None` when the digits do not fit.
    pub fn checked_add(self, other: Decimal) -> Option<Decimal> {
        if self.is_zero() {
            return Some(other);
        }
        if other.is_zero() {
            return Some(self);
        }
        let low = self.exponent.min(other.exponent);
        let scaled = |d: Decimal| -> Option<i128> {
            let shift = u32::try_from(d.exponent - low).ok()?;
            10i128.checked_pow(shift)?.checked_mul(d.mantissa)
        };
        let mantissa = scaled(self)?.checked_add(scaled(other)?)?;
        Some(
            Decimal {
                mantissa,
                exponent: low,
            }
            .normalised(),
        )
    }

    /// `self · other`, exactly; `None` when the digits do not fit.
    pub fn checked_mul(self, other: Decimal) -> Option<Decimal> {
        Some(
            Decimal {
                mantissa: self.mantissa.checked_mul(other.mantissa)?,
                exponent: self.exponent.checked_add(other.exponent)?,
            }
            .normalised(),
        )
    }
}

/// Whole numbers below 2^53, where f64 arithmetic is exact.
fn small_integer(x: f64) -> bool {
    x.fract() == 0.0 && x.abs() < 9_007_199_254_740_992.0
}

/// `a + b`, when the exact decimal sum is an `f64`'s shortest form.
pub fn add(a: f64, b: f64) -> Option<f64> {
    if small_integer(a) && small_integer(b) && small_integer(a + b) {
        return Some(a + b);
    }
    // Adding 0 leaves a number as it is (its own shortest form reads back).
    match (a, b) {
        (0.0, b) if b != 0.0 && b.is_finite() => return Some(b),
        (a, 0.0) if a != 0.0 && a.is_finite() => return Some(a),
        _ => {}
    }
    Decimal::of(a)?.checked_add(Decimal::of(b)?)?.to_f64()
}

/// `a · b`, when the exact decimal product is an `f64`'s shortest form.
pub fn mul(a: f64, b: f64) -> Option<f64> {
    if a == 0.0 || b == 0.0 {
        return Some(0.0);
    }
    if small_integer(a) && small_integer(b) && small_integer(a * b) {
        return Some(a * b);
    }
    // Multiplying by ±1 only sets the sign.
    match (a, b) {
        (1.0, b) | (b, 1.0) if b.is_finite() => return Some(b),
        (-1.0, b) | (b, -1.0) if b.is_finite() => return Some(-b),
        _ => {}
    }
    Decimal::of(a)?.checked_mul(Decimal::of(b)?)?.to_f64()
}

/// The exact sum of `values`, when it is an `f64`'s shortest form (the
/// partial sums may need more digits: 1e14 + 0.02 − 1e14 is 0.02).
pub fn sum(values: impl IntoIterator<Item = f64>) -> Option<f64> {
    let mut values = values.into_iter();
    // Whole numbers are added as `f64`s while every partial sum is exact.
    let mut whole = 0.0;
    for v in values.by_ref() {
        let next = whole + v;
        if is_exact_integer(v) && next.abs() < EXACT_INTEGERS {
            whole = next;
            continue;
        }
        // While the total is one number's own decimal, it is that number
        // (added to 0, and zeros added to it, change nothing).
        let mut alone = (whole == 0.0 && v != 0.0).then_some(v);
        let mut total = Decimal::of(whole)?.checked_add(Decimal::of(v)?)?;
        for v in values {
            if v == 0.0 {
                continue;
            }
            alone = None;
            total = total.checked_add(Decimal::of(v)?)?;
        }
        return alone.or_else(|| total.to_f64());
    }
    // A sum that is zero is +0, as the decimal zero reads back.
    Some(whole + 0.0)
}

/// The exact product of `values`, when it is an `f64`'s shortest form.
pub fn product(values: impl IntoIterator<Item = f64>) -> Option<f64> {
    let mut values = values.into_iter();
    // Whole numbers are multiplied as `f64`s while every partial product
    // is exact.
    let mut whole = 1.0;
    for v in values.by_ref() {
        if v == 0.0 {
            return Some(0.0);
        }
        let next = whole * v;
        if is_exact_integer(v) && next.abs() < EXACT_INTEGERS {
            whole = next;
            continue;
        }
        // While the total is ± one number's own decimal, it is that number
        // (multiplied by ±1, and ones multiplied into it, change nothing).
        let mut alone = match whole {
            1.0 => Some(v),
            -1.0 => Some(-v),
            _ => None,
        };
        let mut total = Decimal::of(whole)?.checked_mul(Decimal::of(v)?)?;
        for v in values {
            if v == 0.0 {
                return Some(0.0);
            }
            if v == 1.0 {
                continue;
            }
            alone = None;
            total = total.checked_mul(Decimal::of(v)?)?;
        }
        return alone.or_else(|| total.to_f64());
    }
    Some(whole)
}

/// 2⁵³: whole numbers below it in size are exact `f64`s, and so is a sum
/// or product of them that comes out below it (one that is not comes out
/// at 2⁵³ or beyond, rounding being monotonic), so the decimal arithmetic
/// gives the same.
const EXACT_INTEGERS: f64 = 9_007_199_254_740_992.0;

fn is_exact_integer(v: f64) -> bool {
    v.fract() == 0.0 && v.abs() < EXACT_INTEGERS
}

/// `a / b` in exact decimal arithmetic when the quotient is a terminating
/// decimal that an `f64` holds exactly (0.3/3 = 0.1, 7/4 = 1.75); `None`
/// when it does not terminate (1/3), when `b` is 0, or when it does not fit.
pub fn div(a: f64, b: f64) -> Option<f64> {
    if b == 0.0 || !a.is_finite() || !b.is_finite() {
        return None;
    }
    if a == 0.0 {
        return Some(0.0);
    }
    let (x, y) = (Decimal::of(a)?, Decimal::of(b)?);
    let common = gcd(x.mantissa.unsigned_abs(), y.mantissa.unsigned_abs());
    let numerator = x.mantissa / i128::try_from(common).ok()?;
    let mut denominator = y.mantissa / i128::try_from(common).ok()?;
    let negative = denominator < 0;
    if negative {
        denominator = -denominator;
    }
    // The quotient terminates when the reduced denominator is 2^i·5^j;
    // then numerator/denominator = numerator·(10^k/denominator)/10^k.
    let (mut rest, mut twos, mut fives) = (denominator, 0u32, 0u32);
    while rest % 2 == 0 {
        rest /= 2;
        twos += 1;
    }
    while rest % 5 == 0 {
        rest /= 5;
        fives += 1;
    }
    if rest != 1 {
        return None;
    }
    let k = twos.max(fives);
    let multiplier = 10i128.checked_pow(k)? / denominator;
    let mantissa = numerator.checked_mul(multiplier)?;
    let exponent = x
        .exponent
        .checked_sub(y.exponent)?
        .checked_sub(i32::try_from(k).ok()?)?;
    Decimal {
        mantissa: if negative { -mantissa } else { mantissa },
        exponent,
    }
    .normalised()
    .to_f64()
}

/// `base ^ exponent` folded exactly for whole exponents up to 64 in size
/// (0.1² = 0.01, 2⁻³ = 0.125); other exponents use `powf` when it gives a
/// short decimal (√4 = 2). `None` when the power is undefined, not finite,
/// or not held exactly.
pub fn powi(base: f64, exponent: f64) -> Option<f64> {
    if exponent.fract() != 0.0 || exponent.abs() > 64.0 {
        let p = base.powf(exponent);
        return (p.is_finite() && significant_digits(p) <= 8).then_some(p);
    }
    let mut p = 1.0;
    for _ in 0..(exponent.abs() as u32) {
        p = mul(p, base)?;
    }
    if exponent < 0.0 {
        div(1.0, p)
    } else {
        Some(p)
    }
}

/// The number of significant digits in the shortest decimal form of `x`
/// (8.85e-12 has 3, 0.5 has 1, 0 has 1).
pub fn significant_digits(x: f64) -> usize {
    let text = format!("{:e}", x.abs());
    let mantissa = text.split('e').next().unwrap_or("");
    mantissa
        .chars()
        .filter(|c| c.is_ascii_digit())
        .count()
        .max(1)
}

fn gcd(mut a: u128, mut b: u128) -> u128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shortest decimal of `x` read from its `{:e}` text: the way
    /// every number but a whole one takes.
    fn from_text(x: f64) -> Decimal {
        let text = format!("{x:e}");
        let (digits, exponent) = text.split_once('e').unwrap();
        let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
        let mantissa: i128 = format!("{whole}{fraction}").parse().unwrap();
        Decimal {
            mantissa,
            exponent: exponent.parse::<i32>().unwrap() - fraction.len() as i32,
        }
        .normalised()
    }

    /// The sum and product in decimal arithmetic alone, as `sum` and
    /// `product` compute them past their whole-number start.
    fn decimal_sum(values: &[f64]) -> Option<f64> {
        let mut total = Decimal::ZERO;
        for &v in values {
            total = total.checked_add(from_text_or_zero(v)?)?;
        }
        total.to_f64()
    }

    fn decimal_product(values: &[f64]) -> Option<f64> {
        let mut total = from_text(1.0);
        for &v in values {
            if v == 0.0 {
                return Some(0.0);
            }
            total = total.checked_mul(from_text_or_zero(v)?)?;
        }
        total.to_f64()
    }

    fn from_text_or_zero(v: f64) -> Option<Decimal> {
        match v {
            _ if !v.is_finite() => None,
            0.0 => Some(Decimal::ZERO),
            _ => Some(from_text(v)),
        }
    }

    #[test]
    fn whole_numbers_fold_as_decimals_do() {
        let mut rng = 0x5851_f42d_4c95_7f2d_u64;
        let mut next = move || {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            rng
        };
        let pick = |r: u64| -> f64 {
            match r % 9 {
                0 => 0.0,
                1 => -0.0,
                2 => 0.5,
                3 => -2.5e-3,
                4 => 9_007_199_254_740_991.0,
                5 => ((r >> 8) % (1 << 40)) as f64,
                6 => -(((r >> 8) % 1000) as f64),
                7 => 1e300,
                _ => ((r >> 8) % 20) as f64 - 10.0,
            }
        };
        for _ in 0..20_000 {
            let n = (next() % 5) as usize;
            let values: Vec<f64> = (0..n).map(|_| pick(next())).collect();
            let (s, d) = (sum(values.iter().copied()), decimal_sum(&values));
            assert_eq!(s.map(f64::to_bits), d.map(f64::to_bits), "sum {values:?}");
            let (p, d) = (product(values.iter().copied()), decimal_product(&values));
            assert_eq!(
                p.map(f64::to_bits),
                d.map(f64::to_bits),
                "product {values:?}"
            );
        }
    }

    #[test]
    fn whole_numbers_are_their_own_shortest_decimals() {
        let mut rng = 0x9e37_79b9_7f4a_7c15_u64;
        let mut wholes = vec![1.0, -1.0, 10.0, 1e15, -120.0, 9_007_199_254_740_991.0];
        for _ in 0..10_000 {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            let bits = rng % 54;
            wholes.push(
                ((rng >> 10) % (1u64 << bits)) as f64 * if rng % 2 == 0 { 1.0 } else { -1.0 },
            );
        }
        for x in wholes.into_iter().filter(|&x| x != 0.0) {
            assert_eq!(Decimal::of(x), Some(from_text(x)), "{x}");
        }
    }

    /// Decimals of up to 17 digits at every scale, and doubles of any bits:
    /// the shortest decimal found without text is the one `{:e}` prints,
    /// and a decimal turns back into the double it came from.
    #[test]
    fn short_decimals_are_found_as_the_text_gives_them() {
        let mut rng = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = || {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            rng
        };
        for _ in 0..50_000 {
            let digits = next() % 17 + 1;
            let mantissa = (next() % 10u64.pow(digits as u32)) as f64;
            let scale = 10f64.powi((next() % 40) as i32 - 20);
            let sign = if next() % 2 == 0 { 1.0 } else { -1.0 };
            let any_bits = f64::from_bits(next());
            for x in [sign * mantissa / scale, sign * mantissa * scale, any_bits] {
                if !x.is_finite() || x == 0.0 {
                    continue;
                }
                let decimal = Decimal::of(x);
                assert_eq!(decimal, Some(from_text(x)), "{x:e}");
                assert_eq!(decimal.and_then(Decimal::to_f64), Some(x), "{x:e}");
            }
        }
    }

    #[test]
    fn decimals_fold_as_they_read() {
        assert_eq!(add(0.1, 0.2), Some(0.3));
        assert_eq!(mul(0.3, 3.0), Some(0.9));
        assert_eq!(mul(0.1, 3.0), Some(0.3));
        assert_eq!(add(0.7, -0.1), Some(0.6));
        assert_eq!(sum([0.1, 0.2, 0.3]), Some(0.6));
        assert_eq!(product([1.1, 1.1]), Some(1.21));
        assert_eq!(add(1e12, 1e-3), Some(1_000_000_000_000.001));
        assert_eq!(mul(8.85e-12, 0.5), Some(4.425e-12));
        assert_eq!(add(2.5, -1.0), Some(1.5));
    }

    #[test]
    fn sums_that_an_f64_cannot_hold_stay_unfolded() {
        // 2e14 + 0.02 needs 17 digits that no f64 has: 2e14 + 0.04 would
        // round to the same double.
        assert_eq!(add(2e14, 0.02), None);
        assert_eq!(sum([2e14, 0.04, -2e14, -0.02]), Some(0.02));
        assert_eq!(add(1e300, 1e-300), None);
        assert_eq!(mul(1e300, 1e300), None);
        assert_eq!(mul(1e-300, 1e-300), None);
        assert_eq!(mul(1e308, 10.0), None);
        assert_eq!(mul(1.23456789, 9.87654321), None);
    }

    #[test]
    fn quotients_and_powers() {
        assert_eq!(div(0.3, 3.0), Some(0.1));
        assert_eq!(div(7.0, 4.0), Some(1.75));
        assert_eq!(div(-1.0, 8.0), Some(-0.125));
        assert_eq!(div(1.0, -0.2), Some(-5.0));
        assert_eq!(div(1.0, 3.0), None);
        assert_eq!(div(1.0, 0.0), None);
        assert_eq!(powi(0.1, 2.0), Some(0.01));
        assert_eq!(powi(2.0, -3.0), Some(0.125));
        assert_eq!(powi(4.0, 0.5), Some(2.0));
        assert_eq!(powi(-8.0, 0.5), None);
        assert_eq!(powi(0.0, -1.0), None);
        assert_eq!(powi(10.0, 400.0), None);
    }

    #[test]
    fn agrees_with_f64_where_f64_is_exact() {
        for (a, b) in [(3.0, 4.0), (0.5, 0.25), (-7.0, 2.0), (1024.0, 0.125)] {
            assert_eq!(add(a, b), Some(a + b));
            assert_eq!(mul(a, b), Some(a * b));
        }
    }
}
