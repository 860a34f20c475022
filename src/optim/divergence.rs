//! When a run has diverged: the one rule of `minimize`, `net` and `train`.
//!
//! A run diverges when a number it steps with stops being finite — the
//! objective's value, its gradient, a batch's estimate of them, or the
//! point after a step — or when the objective's value at a checkpoint has
//! grown beyond [`DIVERGENCE_FACTOR`] times its size at the start (or
//! beyond the factor itself, when the start's |value| is below 1). A
//! checkpoint is where the run evaluates its whole objective: every step of
//! `minimize` and `net`, every epoch's end of `train` (a batch's loss is an
//! estimate, checked for finiteness only).
//!
//! The first checkpoint is the start. What is not finite there is no
//! divergence (no step was taken): each command refuses it as an input
//! error before the run begins.
//!
//! Invariant: [`Watch`] is the only place that decides a divergence; the
//! words for it come from the run's [`Words`].

use crate::i18n::Text;
use crate::text;

/// Growth of |value| beyond which a run counts as diverged.
pub const DIVERGENCE_FACTOR: f64 = 1e12;

/// Why a run diverged. Indices count the variables the optimizer moves
/// (0-based).
#[derive(Clone, Debug, PartialEq)]
pub enum Divergence {
    /// The objective's value at a checkpoint is not finite.
    Value(f64),
    /// A batch's estimate of the value is not finite.
    Estimate(f64),
    /// Component `k` of the gradient is not finite.
    Gradient { k: usize, value: f64 },
    /// Coordinate `k` of the point is not finite after a step.
    Point { k: usize, value: f64 },
    /// |value| grew beyond the factor times its start.
    Grown { value: f64, start: f64 },
    /// The value could not be computed, or the optimizer could not step:
    /// why, in the objective's or the optimizer's words.
    Failed(Text),
}

/// How a run names the numbers a divergence is about.
pub trait Words {
    /// The value at a checkpoint, not finite: "f = NaN is not a finite
    /// number", "the loss is NaN".
    fn value(&self, value: f64) -> Text;
    /// A batch's estimate, not finite: "the batch loss is inf".
    fn estimate(&self, value: f64) -> Text;
    /// Component `k` of the gradient.
    fn gradient(&self, k: usize, value: f64) -> Text;
    /// Coordinate `k` of the point after a step.
    fn point(&self, k: usize, value: f64) -> Text;
    /// The value grown too large: `value` beyond 10¹² times its `start`,
    /// or, with no start given, beyond 10¹² itself (both as written).
    fn grown(&self, value: &str, start: Option<&str>) -> Text;
}

impl Divergence {
    /// The reason, in the run's words.
    pub fn describe(&self, words: &dyn Words) -> Text {
        let number = |x: f64| crate::number::format_significant(x, 6);
        match self {
            Divergence::Value(v) => words.value(*v),
            Divergence::Estimate(v) => words.estimate(*v),
            Divergence::Gradient { k, value } => words.gradient(*k, *value),
            Divergence::Point { k, value } => words.point(*k, *value),
            // From a start below 1 the bound is the factor itself, and
            // "times its start" would misstate the rule applied.
            Divergence::Grown { value, start } => words.grown(
                &number(*value),
                (start.abs() >= 1.0).then(|| number(*start)).as_deref(),
            ),
            Divergence::Failed(reason) => reason.clone(),
        }
    }
}

/// The objective's value at the start, against which growth is measured.
#[derive(Clone, Copy, Debug, Default)]
pub struct Watch {
    start: Option<f64>,
}

impl Watch {
    pub fn new() -> Watch {
        Watch::default()
    }

    /// The value (and gradient, when there is one) at a checkpoint; the
    /// first call is the start.
    pub fn checkpoint(&mut self, value: f64, gradient: &[f64]) -> Result<(), Divergence> {
        if !value.is_finite() {
            return Err(Divergence::Value(value));
        }
        finite_gradient(gradient)?;
        let start = *self.start.get_or_insert(value);
        if value.abs() > DIVERGENCE_FACTOR * start.abs().max(1.0) {
            return Err(Divergence::Grown { value, start });
        }
        Ok(())
    }

    /// A batch's estimate of the value and gradient, which must be finite
    /// (its size says nothing: batches differ).
    pub fn estimate(value: f64, gradient: &[f64]) -> Result<(), Divergence> {
        if !value.is_finite() {
            return Err(Divergence::Estimate(value));
        }
        finite_gradient(gradient)
    }

    /// The point after a step.
    pub fn point(x: &[f64]) -> Result<(), Divergence> {
        match first_non_finite(x) {
            Some(k) => Err(Divergence::Point { k, value: x[k] }),
            None => Ok(()),
        }
    }
}

/// The first entry that is not a finite number. The values are checked a
/// block at a time by a sum the processor's vector units can run (x · 0
/// is ±0 for a finite x, NaN for ±∞ and NaN); only a block whose sum is
/// not 0 is searched entry by entry.
pub fn first_non_finite(values: &[f64]) -> Option<usize> {
    const LANES: usize = 8;
    const BLOCK: usize = 64 * LANES;
    for (b, block) in values.chunks(BLOCK).enumerate() {
        let mut lanes = [0.0f64; LANES];
        let groups = block.chunks_exact(LANES);
        let tail: f64 = groups.remainder().iter().map(|v| v * 0.0).sum();
        for group in groups {
            for k in 0..LANES {
                lanes[k] += group[k] * 0.0;
            }
        }
        if lanes.iter().sum::<f64>() + tail != 0.0 {
            return block
                .iter()
                .position(|v| !v.is_finite())
                .map(|k| b * BLOCK + k);
        }
    }
    None
}

/// Sets each of `targets` by `each` from the matching one of `sources`,
/// and tells whether every value `each` returned was finite — judged in
/// the same pass, by the sum `first_non_finite` uses, so that an update
/// and the check of what it read or wrote cost one pass over the values.
pub fn all_finite_while(
    targets: &mut [f64],
    sources: &[f64],
    each: impl Fn(&mut f64, f64) -> f64,
) -> bool {
    const LANES: usize = 8;
    let mut lanes = [0.0f64; LANES];
    let mut target_groups = targets.chunks_exact_mut(LANES);
    let mut source_groups = sources.chunks_exact(LANES);
    for (t, s) in (&mut target_groups).zip(&mut source_groups) {
        for k in 0..LANES {
            lanes[k] += each(&mut t[k], s[k]) * 0.0;
        }
    }
    let tail = target_groups.into_remainder().iter_mut();
    let tail: f64 = tail
        .zip(source_groups.remainder())
        .map(|(t, &s)| each(t, s) * 0.0)
        .sum();
    lanes.iter().sum::<f64>() + tail == 0.0
}

fn finite_gradient(gradient: &[f64]) -> Result<(), Divergence> {
    match first_non_finite(gradient) {
        Some(k) => Err(Divergence::Gradient {
            k,
            value: gradient[k],
        }),
        None => Ok(()),
    }
}

/// The words of `minimize`: a function f of variables.
pub struct FunctionWords<'a> {
    pub variables: &'a [String],
}

impl Words for FunctionWords<'_> {
    fn value(&self, value: f64) -> Text {
        text!("divergence-f-not-finite", value = value.to_string())
    }
    fn estimate(&self, value: f64) -> Text {
        self.value(value)
    }
    fn gradient(&self, k: usize, value: f64) -> Text {
        text!(
            "divergence-gradient-component",
            component = (k + 1).to_string(),
            value = value.to_string()
        )
    }
    fn point(&self, k: usize, value: f64) -> Text {
        match self.variables.get(k) {
            Some(name) => text!("divergence-became", name = name, value = value.to_string()),
            None => text!(
                "divergence-coordinate-became",
                component = (k + 1).to_string(),
                value = value.to_string()
            ),
        }
    }
    fn grown(&self, value: &str, start: Option<&str>) -> Text {
        match start {
            Some(start) => text!("divergence-f-grown-from", value = value, start = start),
            None => text!("divergence-f-grown", value = value),
        }
    }
}

/// The words of `net` and `train`: a network's loss and its parameters
/// (`names` of the parameters the optimizer moves, in its order).
pub struct LossWords<'a> {
    pub names: Vec<&'a str>,
}

impl LossWords<'_> {
    fn name(&self, k: usize) -> Text {
        match self.names.get(k) {
            Some(name) => Text::Verbatim(name.to_string()),
            None => text!("divergence-a-parameter"),
        }
    }
}

impl Words for LossWords<'_> {
    fn value(&self, value: f64) -> Text {
        text!("divergence-loss-is", value = value.to_string())
    }
    fn estimate(&self, value: f64) -> Text {
        text!("divergence-batch-loss-is", value = value.to_string())
    }
    fn gradient(&self, k: usize, value: f64) -> Text {
        text!(
            "divergence-gradient-is",
            name = self.name(k),
            value = value.to_string()
        )
    }
    fn point(&self, k: usize, value: f64) -> Text {
        text!(
            "divergence-became",
            name = self.name(k),
            value = value.to_string()
        )
    }
    fn grown(&self, value: &str, start: Option<&str>) -> Text {
        match start {
            Some(start) => text!("divergence-loss-grown-from", value = value, start = start),
            None => text!("divergence-loss-grown", value = value),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A run's values at its checkpoints, and where and why it diverges.
    type Run<'a> = (&'a [f64], Option<(usize, Divergence)>);

    /// What the watch says of a run's checkpoints, one value after another.
    fn watched(values: &[f64]) -> Result<(), (usize, Divergence)> {
        let mut watch = Watch::new();
        for (k, &v) in values.iter().enumerate() {
            watch.checkpoint(v, &[0.0]).map_err(|d| (k, d))?;
        }
        Ok(())
    }

    #[test]
    fn the_one_rule_decides_every_run() {
        let inf = f64::INFINITY;
        // (values at the checkpoints, the checkpoint that diverges and why)
        let table: [Run; 9] = [
            // Normal runs: falling, rising within the bound, starting at 0.
            (&[5.0, 3.0, 1.0, 0.5], None),
            (&[2.0, 2e12], None),
            (&[0.0, 0.5, 1e12], None),
            // Not finite.
            (
                &[1.0, 2.0, f64::NAN],
                Some((2, Divergence::Value(f64::NAN))),
            ),
            (&[1.0, -inf], Some((1, Divergence::Value(-inf)))),
            // Grown beyond 10¹² times a start of at least 1 …
            (
                &[2.0, 3e12],
                Some((
                    1,
                    Divergence::Grown {
                        value: 3e12,
                        start: 2.0,
                    },
                )),
            ),
            (
                &[-4.0, 1.0, -5e12],
                Some((
                    2,
                    Divergence::Grown {
                        value: -5e12,
                        start: -4.0,
                    },
                )),
            ),
            // … or beyond 10¹² itself, from a start below 1.
            (
                &[0.001, 2e12],
                Some((
                    1,
                    Divergence::Grown {
                        value: 2e12,
                        start: 0.001,
                    },
                )),
            ),
            (
                &[0.0, 1.5e12],
                Some((
                    1,
                    Divergence::Grown {
                        value: 1.5e12,
                        start: 0.0,
                    },
                )),
            ),
        ];
        for (values, expected) in table {
            let got = watched(values).err();
            // NaN ≠ NaN: compare what the runs would print.
            let words = FunctionWords { variables: &[] };
            assert_eq!(
                got.as_ref().map(|(k, d)| (*k, d.describe(&words))),
                expected.as_ref().map(|(k, d)| (*k, d.describe(&words))),
                "{values:?}"
            );
        }
    }

    #[test]
    fn gradients_estimates_and_points_must_stay_finite() {
        let mut watch = Watch::new();
        assert_eq!(
            watch.checkpoint(1.0, &[0.0, f64::INFINITY]),
            Err(Divergence::Gradient {
                k: 1,
                value: f64::INFINITY
            })
        );
        assert_eq!(
            Watch::estimate(1e300, &[1.0]),
            Ok(()),
            "a batch's size says nothing"
        );
        assert!(matches!(
            Watch::estimate(f64::NAN, &[]),
            Err(Divergence::Estimate(_))
        ));
        assert_eq!(
            Watch::point(&[1.0, 2.0, f64::NEG_INFINITY]),
            Err(Divergence::Point {
                k: 2,
                value: f64::NEG_INFINITY
            })
        );
    }

    #[test]
    fn each_run_says_it_in_its_words() {
        let grown = Divergence::Grown {
            value: 1.13703e13,
            start: 1.27904,
        };
        let small = Divergence::Grown {
            value: 2e12,
            start: 0.25,
        };
        let loss = LossWords {
            names: vec!["w1", "b1"],
        };
        let f = FunctionWords {
            variables: &["x".to_string()],
        };
        let cases = [
            (
                &grown as &Divergence,
                &loss as &dyn Words,
                "the loss 1.13703e+13 has grown beyond 10¹² times its start (1.27904)",
            ),
            (
                &grown,
                &f,
                "f = 1.13703e+13 has grown beyond 10¹² times its start (1.27904)",
            ),
            (&small, &f, "|f| = 2e+12 has grown beyond 10¹²"),
            (&small, &loss, "the loss 2e+12 has grown beyond 10¹²"),
            (
                &Divergence::Gradient {
                    k: 1,
                    value: f64::NAN,
                },
                &loss,
                "the gradient ∂E/∂b1 is NaN",
            ),
            (
                &Divergence::Point {
                    k: 0,
                    value: f64::INFINITY,
                },
                &loss,
                "w1 became inf",
            ),
            (
                &Divergence::Estimate(f64::INFINITY),
                &loss,
                "the batch loss is inf",
            ),
            (
                &Divergence::Value(f64::NAN),
                &f,
                "f = NaN is not a finite number",
            ),
        ];
        for (divergence, words, text) in cases {
            assert_eq!(
                divergence.describe(words).render(crate::i18n::Lang::En),
                text
            );
        }
    }
}

#[cfg(test)]
mod first_non_finite_tests {
    use super::first_non_finite;

    /// Every position of one ±∞ or NaN in arrays of many lengths (blocks,
    /// groups and tails), against a plain search.
    #[test]
    fn finds_the_first_non_finite_entry_wherever_it_is() {
        for len in [0usize, 1, 7, 8, 9, 63, 512, 513, 1100] {
            let clean: Vec<f64> = (0..len).map(|i| (i as f64 - 40.0) * 1e300).collect();
            assert_eq!(first_non_finite(&clean), None, "length {len}");
            for bad in [f64::INFINITY, f64::NEG_INFINITY, f64::NAN] {
                for at in (0..len).step_by(37).chain(len.checked_sub(1)) {
                    let mut v = clean.clone();
                    v[at] = bad;
                    if at + 3 < len {
                        v[at + 3] = f64::NAN;
                    }
                    let want = v.iter().position(|x| !x.is_finite());
                    assert_eq!(first_non_finite(&v), want, "length {len}, {bad} at {at}");
                }
            }
        }
    }
}

#[cfg(test)]
mod all_finite_while_tests {
    use super::all_finite_while;

    /// An update that overflows, or reads ±∞ or NaN, at every position of
    /// arrays of many lengths (groups and tails): the values written are
    /// the update's, and the verdict is a plain check of what it returned.
    #[test]
    fn judges_every_value_the_update_returns() {
        let update = |t: &mut f64, s: f64| {
            *t += -0.5 * s;
            *t
        };
        for len in [0usize, 1, 7, 8, 9, 16, 63, 100] {
            let sources: Vec<f64> = (0..len).map(|i| (i as f64 - 30.0) * 0.25).collect();
            let start: Vec<f64> = (0..len).map(|i| i as f64 * 1e300).collect();
            let mut targets = start.clone();
            assert!(all_finite_while(&mut targets, &sources, update), "{len}");
            let want: Vec<f64> = start
                .iter()
                .zip(&sources)
                .map(|(t, s)| t + -0.5 * s)
                .collect();
            assert_eq!(targets, want, "{len}");
            // ±∞ or NaN read, or (the last) a step that overflows.
            for bad in [f64::INFINITY, f64::NEG_INFINITY, f64::NAN, -f64::MAX] {
                for at in 0..len {
                    let mut sources = sources.clone();
                    sources[at] = bad;
                    let mut targets = start.clone();
                    targets[at] = f64::MAX;
                    let finite = all_finite_while(&mut targets, &sources, update);
                    let plain = targets.iter().all(|v| v.is_finite());
                    assert_eq!(finite, plain, "length {len}, {bad} at {at}");
                    assert!(!finite, "length {len}, {bad} at {at}");
                }
            }
        }
        // A large value that the step leaves finite is not a fault.
        let mut near = [f64::MAX];
        assert!(all_finite_while(&mut near, &[1.0], update));
    }
}
