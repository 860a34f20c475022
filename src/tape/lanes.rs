//! The element-wise work of the layer tape in the processor's vector
//! lanes: e^x written without branches (so a loop of it vectorizes), and
//! the sigmoid and softmax of a batch built on it.
//!
//! Each loop is compiled for several instruction sets (AVX-512, AVX2 with
//! FMA, the x86-64 baseline) and the widest the processor has is chosen
//! when it first runs. The arithmetic is written as separate multiplies and
//! adds, never fused, so every instruction set computes the same bits.
//!
//! Invariant: `exp` is within 2 units in the last place of e^x for every
//! x, with e^x = ∞ above 709.78…, 0 far below −745, NaN for NaN (a test
//! compares it with the C library's exp over the whole range); the
//! sigmoid and softmax are the evaluator's stable formulas with this exp.

use multiversion::multiversion;

/// ln 2 split in two: `LN2_HI` has its low bits zero, so k·LN2_HI is exact
/// for every |k| < 2¹¹.
const LN2_HI: f64 = 6.931_471_803_691_238e-1;
const LN2_LO: f64 = 1.908_214_929_270_587_7e-10;
/// 1.5·2⁵²: adding it rounds a number below 2⁵¹ in size to an integer,
/// which is then in its lowest bits.
const ROUNDER: f64 = 6_755_399_441_055_744.0;
/// 1/n! for n = 0 … 13: the Taylor series of e^r, whose next term is
/// below 2⁻⁵⁸ for |r| ≤ ln 2 / 2.
const INVERSE_FACTORIALS: [f64; 14] = [
    1.0,
    1.0,
    1.0 / 2.0,
    1.0 / 6.0,
    1.0 / 24.0,
    1.0 / 120.0,
    1.0 / 720.0,
    1.0 / 5_040.0,
    1.0 / 40_320.0,
    1.0 / 362_880.0,
    1.0 / 3_628_800.0,
    1.0 / 39_916_800.0,
    1.0 / 479_001_600.0,
    1.0 / 6_227_020_800.0,
];

/// e^x as 2^k · e^r, with k the integer nearest x/ln 2 and |r| ≤ ln 2 / 2.
/// Without a branch: x is first held within [−746, 710], where e^x is 0
/// or ∞ already, and 2^k is made in two halves so that neither leaves the
/// range of normal numbers.
#[inline(always)]
pub(crate) fn exp(x: f64) -> f64 {
    let x = x.clamp(-746.0, 710.0);
    let shifted = x * std::f64::consts::LOG2_E + ROUNDER;
    let k = shifted - ROUNDER;
    let r = (x - k * LN2_HI) - k * LN2_LO;
    let e_r = taylor(r);
    let k = (shifted.to_bits() as i64).wrapping_sub(ROUNDER.to_bits() as i64);
    let half = k >> 1;
    e_r * power_of_two(half) * power_of_two(k.wrapping_sub(half))
}

/// Σ rⁿ/n! for n ≤ 13 by Estrin's scheme: pairs of terms, then pairs of
/// pairs, so that a single exponential waits on four levels of
/// multiply-adds instead of thirteen.
#[inline(always)]
fn taylor(r: f64) -> f64 {
    let c = &INVERSE_FACTORIALS;
    let (r2, pair) = (r * r, |n: usize| c[n] + c[n + 1] * r);
    let r4 = r2 * r2;
    let low = (pair(0) + pair(2) * r2) + (pair(4) + pair(6) * r2) * r4;
    let high = (pair(8) + pair(10) * r2) + pair(12) * r4;
    low + high * (r4 * r4)
}

/// 2^k for −1022 ≤ k ≤ 1023, from its bits.
#[inline(always)]
fn power_of_two(k: i64) -> f64 {
    f64::from_bits((k.wrapping_add(1023) as u64) << 52)
}

/// σ(z) and σ(−z) from e^(−|z|), the one exponential both need:
/// 1/(1 + e) and e/(1 + e), in the order of z's sign.
#[inline(always)]
fn sigmoid_pair(z: f64) -> (f64, f64) {
    let e = exp(-z.abs());
    let near_one = 1.0 / (1.0 + e);
    let near_zero = e * near_one;
    if z >= 0.0 {
        (near_one, near_zero)
    } else {
        (near_zero, near_one)
    }
}

/// Values below which a loop is run where it is called: choosing the
/// instruction set and filling the lanes would cost more than it saves.
/// Both ways compute the same bits.
const LANES_FROM: usize = 16;

/// A = σ(Z).
pub(super) fn sigmoid(z: &[f64], a: &mut [f64]) {
    match z.len() < LANES_FROM {
        true => sigmoid_values(z, a),
        false => sigmoid_in_lanes(z, a),
    }
}

#[multiversion(targets("x86_64+avx512f+avx512vl+avx512dq", "x86_64+avx2+fma"))]
fn sigmoid_in_lanes(z: &[f64], a: &mut [f64]) {
    sigmoid_values(z, a);
}

#[inline(always)]
fn sigmoid_values(z: &[f64], a: &mut [f64]) {
    for (a, &z) in a.iter_mut().zip(z) {
        *a = sigmoid_pair(z).0;
    }
}

/// A = σ(Z) and S = σ′(Z) = σ(Z)·σ(−Z).
pub(super) fn sigmoid_with_slopes(z: &[f64], a: &mut [f64], s: &mut [f64]) {
    match z.len() < LANES_FROM {
        true => sigmoid_values_and_slopes(z, a, s),
        false => sigmoid_with_slopes_in_lanes(z, a, s),
    }
}

#[multiversion(targets("x86_64+avx512f+avx512vl+avx512dq", "x86_64+avx2+fma"))]
fn sigmoid_with_slopes_in_lanes(z: &[f64], a: &mut [f64], s: &mut [f64]) {
    sigmoid_values_and_slopes(z, a, s);
}

#[inline(always)]
fn sigmoid_values_and_slopes(z: &[f64], a: &mut [f64], s: &mut [f64]) {
    for ((a, s), &z) in a.iter_mut().zip(s.iter_mut()).zip(z) {
        let (value, complement) = sigmoid_pair(z);
        *a = value;
        *s = value * complement;
    }
}

/// Softmax over each sample's nets (a row of `batch` values per neuron):
/// A = e^(Z − lse), with each sample's log-sum-exp m + ln Σ e^(z − m)
/// (m its largest net) kept in `lse`; `sums` is scratch of `batch` values.
#[multiversion(targets("x86_64+avx512f+avx512vl+avx512dq", "x86_64+avx2+fma"))]
pub(super) fn softmax(z: &[f64], a: &mut [f64], lse: &mut [f64], sums: &mut [f64]) {
    let batch = lse.len();
    let (lse, sums) = (&mut lse[..batch], &mut sums[..batch]);
    lse.fill(f64::NEG_INFINITY);
    for row in z.chunks_exact(batch) {
        for (m, &z) in lse.iter_mut().zip(row) {
            *m = m.max(z);
        }
    }
    sums.fill(0.0);
    for row in z.chunks_exact(batch) {
        for ((s, &z), &m) in sums.iter_mut().zip(row).zip(lse.iter()) {
            *s += exp(z - m);
        }
    }
    for (m, s) in lse.iter_mut().zip(sums.iter()) {
        // Without a finite largest term the sum has no meaning: the
        // log-sum-exp is that term (−∞, ∞ or NaN), as the evaluator has it.
        if m.is_finite() {
            *m += s.ln();
        }
    }
    for (row_a, row_z) in a.chunks_exact_mut(batch).zip(z.chunks_exact(batch)) {
        for ((a, &z), &l) in row_a.iter_mut().zip(row_z).zip(lse.iter()) {
            *a = exp(z - l);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::{RngExt, SeedableRng};
    use rand_chacha::ChaCha8Rng;

    /// The distance between two finite numbers in units in the last place.
    fn ulps(a: f64, b: f64) -> u64 {
        let key = |x: f64| {
            let bits = x.to_bits() as i64;
            if bits < 0 {
                i64::MIN - bits
            } else {
                bits
            }
        };
        key(a).abs_diff(key(b))
    }

    #[test]
    fn exp_is_within_two_ulps_of_the_c_library_across_its_range() {
        let mut rng = ChaCha8Rng::seed_from_u64(17);
        let mut worst = 0;
        for _ in 0..200_000 {
            let x: f64 = rng.random_range(-745.0..709.7);
            worst = worst.max(ulps(exp(x), x.exp()));
        }
        for _ in 0..200_000 {
            let x: f64 = rng.random_range(-1.0..1.0);
            worst = worst.max(ulps(exp(x), x.exp()));
        }
        assert!(worst <= 2, "{worst} ulps");
    }

    #[test]
    fn exp_at_the_edges_of_its_range() {
        assert_eq!(exp(0.0), 1.0);
        assert_eq!(exp(-0.0), 1.0);
        assert_eq!(exp(1.0), std::f64::consts::E);
        assert_eq!(exp(f64::INFINITY), f64::INFINITY);
        assert_eq!(exp(f64::NEG_INFINITY), 0.0);
        assert_eq!(exp(710.0), f64::INFINITY);
        assert_eq!(exp(-746.0), 0.0);
        assert!(exp(f64::NAN).is_nan());
        assert!(ulps(exp(709.78), 709.78f64.exp()) <= 2);
        // Below e^−708 the results are subnormal: within one of the
        // smallest steps there.
        for x in [-708.5, -720.0, -740.0, -745.0] {
            let (ours, theirs) = (exp(x), f64::exp(x));
            assert!((ours - theirs).abs() <= 2.0 * f64::from_bits(1), "{x}");
        }
    }

    #[test]
    fn the_sigmoid_and_its_slope_agree_with_the_evaluator() {
        let mut rng = ChaCha8Rng::seed_from_u64(5);
        let z: Vec<f64> = (0..1000).map(|_| rng.random_range(-40.0..40.0)).collect();
        let (mut a, mut s, mut alone) = (vec![0.0; 1000], vec![0.0; 1000], vec![0.0; 1000]);
        sigmoid_with_slopes(&z, &mut a, &mut s);
        sigmoid(&z, &mut alone);
        for k in 0..1000 {
            let value = crate::expr::sigmoid(z[k]);
            let slope = value * crate::expr::sigmoid(-z[k]);
            assert!(ulps(a[k], value) <= 4, "σ({})", z[k]);
            assert!(ulps(s[k], slope) <= 8, "σ′({})", z[k]);
            assert_eq!(a[k].to_bits(), alone[k].to_bits());
            // Short slices are run in place, long ones in lanes: the same bits.
            let (mut one, mut one_slope) = ([0.0], [0.0]);
            sigmoid_with_slopes(&z[k..=k], &mut one, &mut one_slope);
            assert_eq!(
                (one[0].to_bits(), one_slope[0].to_bits()),
                (a[k].to_bits(), s[k].to_bits())
            );
        }
    }

    #[test]
    fn softmax_agrees_with_the_evaluators_log_sum_exp() {
        let mut rng = ChaCha8Rng::seed_from_u64(9);
        let (rows, batch) = (5, 37);
        let mut z: Vec<f64> = (0..rows * batch)
            .map(|_| rng.random_range(-30.0..30.0))
            .collect();
        // A sample with an infinite net, and one with a NaN.
        z[3] = f64::INFINITY;
        z[batch + 4] = f64::NAN;
        let (mut a, mut lse, mut sums) =
            (vec![0.0; rows * batch], vec![0.0; batch], vec![0.0; batch]);
        softmax(&z, &mut a, &mut lse, &mut sums);
        for b in 0..batch {
            let column = (0..rows).map(|k| z[k * batch + b]);
            let expected = crate::expr::log_sum_exp(column);
            match b {
                3 => assert_eq!(lse[b], f64::INFINITY),
                4 => assert!(lse[b].is_nan() && expected.is_nan()),
                _ => assert!(
                    (lse[b] - expected).abs() <= 1e-14 * expected.abs().max(1.0),
                    "sample {b}: {} against {expected}",
                    lse[b]
                ),
            }
            for k in 0..rows {
                let expected = (z[k * batch + b] - lse[b]).exp();
                let got = a[k * batch + b];
                if b != 3 && b != 4 {
                    assert!((got - expected).abs() <= 1e-15, "a[{k}][{b}]");
                }
            }
        }
    }
}
