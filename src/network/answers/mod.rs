//! `net --check`: a student's hand-worked values for one step of a
//! network, judged entry by entry at the precision written, and when one
//! is wrong, the likely mistake.
//!
//! `sheet` reads the answer file, `quantities` names every value of the
//! step with its formula, `variants` recomputes each under every mistake
//! of the documented list (docs/net-check.md). [`judge`] walks the
//! quantities in order, carrying the student's values forward: an entry
//! is right when it is within half a unit of its last written digit of
//! stepgrad's value, or of the value that follows from the student's own
//! earlier entries when all of those were right (their rounding carried
//! forward); a wrong entry that follows from the student's own earlier
//! wrong entry is "carried from" it; otherwise the mistakes whose value
//! matches are named — one, several (then none is chosen), or none.
//!
//! Invariant: a diagnosis is only given when recomputing the quantity
//! under that mistake gives the student's value at the precision written.

mod quantities;
mod sheet;
mod variants;

use self::quantities::{Batch, Quantities};
use self::variants::{all_variants, kept, lifted, own_variants};
use crate::limits::MAX_CHECK_PARAMETERS;
use crate::network::spec::{Activation, Loss, Spec};
use crate::network::NetworkFormula;
use crate::text;
use crate::Error;

use self::sheet::{half_unit, truncated_like};
pub use self::sheet::{read_sheet, Answer};

/// A likely mistake behind a wrong entry (docs/net-check.md).
#[derive(Clone, Debug, PartialEq)]
pub enum Mistake {
    /// target − out where −(target − out) belongs.
    SignTargetMinusOut,
    /// δ without the factor ∂out/∂net.
    SigmaPrimeForgotten,
    /// σ′ of net: net·(1 − net) instead of out·(1 − out).
    SigmaPrimeOfNet,
    /// net used where out belongs.
    NetForOut,
    /// The ½ of the loss left out (twice the value, 2·(out − target)).
    HalfForgotten,
    /// The ½ applied twice (half the value, ½·(out − target)).
    HalfDoubled,
    /// A hidden neuron's ∂E/∂out without one of its paths (named).
    MissingPath(String),
    /// The backward pass with the output weights after the update.
    UpdatedWeight,
    /// The step without the learning rate: p − ∂E/∂p.
    LrForgotten,
    /// The step with the wrong sign: p + η·∂E/∂p.
    LrSign,
    /// A sum over the samples where the mean belongs.
    SumForMean,
    /// A mean over the samples where the sum belongs.
    MeanForSum,
    /// The right value cut, not rounded, at the digits written.
    Truncated,
}

impl Mistake {
    /// The stable identifier of JSON output.
    pub fn id(&self) -> &'static str {
        match self {
            Mistake::SignTargetMinusOut => "sign_target_minus_out",
            Mistake::SigmaPrimeForgotten => "sigma_prime_forgotten",
            Mistake::SigmaPrimeOfNet => "sigma_prime_of_net",
            Mistake::NetForOut => "net_for_out",
            Mistake::HalfForgotten => "half_forgotten",
            Mistake::HalfDoubled => "half_doubled",
            Mistake::MissingPath(_) => "missing_path",
            Mistake::UpdatedWeight => "updated_weight_in_backward",
            Mistake::LrForgotten => "lr_forgotten",
            Mistake::LrSign => "lr_sign",
            Mistake::SumForMean => "sum_for_mean",
            Mistake::MeanForSum => "mean_for_sum",
            Mistake::Truncated => "truncated",
        }
    }
}

/// What was found about one entry.
#[derive(Clone, Debug, PartialEq)]
pub enum Verdict {
    /// Within half a unit of the last digit written.
    Right,
    /// Right as it follows from the student's own earlier (right, rounded)
    /// entries, within half a unit of its last digit.
    RightFromOwn,
    /// Wrong, with one likely mistake.
    Mistake(Mistake),
    /// Wrong, following correctly from the student's own wrong entry.
    Carried { from: String },
    /// Wrong, matching more than one mistake (none is chosen).
    Several(Vec<Mistake>),
    /// Wrong, matching no mistake of the list.
    Unknown,
}

/// One judged entry.
#[derive(Clone, Debug, PartialEq)]
pub struct Judgement {
    pub name: String,
    pub given: f64,
    pub written: String,
    pub expected: f64,
    pub verdict: Verdict,
}

impl Judgement {
    pub fn right(&self) -> bool {
        matches!(self.verdict, Verdict::Right | Verdict::RightFromOwn)
    }
}

/// What `net --check` needs besides the sheet: the network, its formula
/// (for the names), the sample (0-based) and the learning rate of a plain
/// gradient-descent step (`None` when the optimizer is another: the
/// updated parameters are then not judged).
pub struct CheckNetwork<'a> {
    pub spec: &'a Spec,
    pub formula: &'a NetworkFormula,
    pub sample: usize,
    pub lr: Option<f64>,
    pub trainable: Vec<bool>,
}

/// The names a sheet may use for this network, in the order of the step.
pub fn answer_names(network: &CheckNetwork) -> Result<Vec<String>, Error> {
    let qs = quantities(network)?;
    Ok(qs.list.iter().map(|q| q.name.clone()).collect())
}

fn quantities<'a>(network: &CheckNetwork<'a>) -> Result<Quantities<'a>, Error> {
    let spec = network.spec;
    let count = spec.parameter_count();
    if count > MAX_CHECK_PARAMETERS {
        return Err(Error::told(
            text!(
                "net-check-too-large",
                shape = spec.shape(),
                count = count,
                limit = MAX_CHECK_PARAMETERS
            ),
            text!("net-check-too-large-hint"),
        ));
    }
    let last = spec.activations[spec.activations.len() - 1];
    if last == Activation::Softmax && spec.loss != Loss::CrossEntropy {
        return Err(Error::told(
            text!("net-check-softmax-chain", loss = spec.loss.name()),
            text!("net-check-softmax-chain-hint"),
        ));
    }
    Ok(Quantities::new(
        spec,
        network.formula,
        network.lr,
        network.trainable.clone(),
    ))
}

/// Judges every answer, in the order of the step.
pub fn judge(network: &CheckNetwork, answers: &[Answer]) -> Result<Vec<Judgement>, Error> {
    let qs = quantities(network)?;
    let count = qs.list.len();
    let mut given: Vec<Option<&Answer>> = vec![None; count];
    for answer in answers {
        if let Some(q) = qs.find(&answer.name) {
            given[q] = Some(answer);
        }
    }
    let batch = reference_batch(&qs, network.sample);
    let reference = with_batch(&qs, batch.per_sample[batch.sample].clone(), &batch);
    let is_given: Vec<bool> = given.iter().map(Option::is_some).collect();
    let reference_variants = all_variants(&qs, &reference, &is_given, &batch);
    let mut walk = Walk {
        qs: &qs,
        batch: &batch,
        reference: &reference,
        reference_variants: &reference_variants,
        world: vec![f64::NAN; count],
        origin: Vec::with_capacity(count),
        own_variants: Vec::with_capacity(count),
        is_given: &is_given,
    };
    let mut judged = Vec::new();
    for (q, answer) in given.iter().enumerate() {
        if let Some(j) = walk.step(q, *answer) {
            judged.push(j);
        }
    }
    Ok(judged)
}

/// The reference values of every sample, batch quantities left NaN.
fn reference_batch(qs: &Quantities, sample: usize) -> Batch {
    let samples = qs.spec.inputs.len();
    let mut batch = Batch {
        per_sample: Vec::with_capacity(samples),
        sample: 0,
    };
    for s in 0..samples {
        batch.sample = s;
        // Each formula reads only the values before it.
        let mut world = vec![f64::NAN; qs.list.len()];
        for q in 0..qs.list.len() {
            if !qs.list[q].kind.of_batch() {
                world[q] = qs.eval(q, &world, &batch);
            }
        }
        batch.per_sample.push(world);
    }
    batch.sample = sample;
    batch
}

/// The chosen sample's reference values with the batch quantities filled.
fn with_batch(qs: &Quantities, mut world: Vec<f64>, batch: &Batch) -> Vec<f64> {
    for q in 0..qs.list.len() {
        if qs.list[q].kind.of_batch() {
            world[q] = qs.eval(q, &world, batch);
        }
    }
    world
}

/// The walk through the quantities in the student's world.
struct Walk<'w, 'a> {
    qs: &'w Quantities<'a>,
    batch: &'w Batch,
    reference: &'w [f64],
    reference_variants: &'w [Vec<(Mistake, f64)>],
    /// The student's world so far (NaN beyond it).
    world: Vec<f64>,
    /// For each quantity so far, the student's wrong entry it depends on.
    origin: Vec<Option<String>>,
    /// The variants in the student's world, for lifting.
    own_variants: Vec<Vec<(Mistake, f64)>>,
    is_given: &'w [bool],
}

impl Walk<'_, '_> {
    fn step(&mut self, q: usize, answer: Option<&Answer>) -> Option<Judgement> {
        let own = self.qs.eval(q, &self.world, self.batch);
        let upstream = self.qs.used(q).iter().find_map(|&i| self.origin[i].clone());
        let variants = self.variants_here(q);
        self.own_variants.push(variants);
        let Some(answer) = answer else {
            self.world[q] = own;
            self.origin.push(upstream);
            return None;
        };
        let verdict = self.verdict(q, answer, own, upstream);
        self.world[q] = answer.value;
        let right = matches!(verdict, Verdict::Right | Verdict::RightFromOwn);
        self.origin
            .push((!right).then(|| self.qs.list[q].name.clone()));
        Some(Judgement {
            name: answer.name.clone(),
            given: answer.value,
            written: answer.written.clone(),
            expected: self.reference[q],
            verdict,
        })
    }

    /// This quantity's variants in the student's world: its own mistakes
    /// and those lifted from inputs the student did not write.
    fn variants_here(&mut self, q: usize) -> Vec<(Mistake, f64)> {
        let mut found = own_variants(self.qs, q, &self.world, self.batch);
        found.extend(lifted(
            self.qs,
            q,
            &mut self.world,
            self.is_given,
            &self.own_variants,
            self.batch,
        ));
        kept(found)
    }

    fn verdict(&self, q: usize, answer: &Answer, own: f64, upstream: Option<String>) -> Verdict {
        let expected = self.reference[q];
        let tolerance = |of: f64| half_unit(&answer.written) + 4.0 * f64::EPSILON * of.abs();
        let near = |of: f64| (answer.value - of).abs() <= tolerance(of);
        if near(expected) {
            return Verdict::Right;
        }
        match upstream {
            None if near(own) => return Verdict::RightFromOwn,
            Some(from) if near(own) => return Verdict::Carried { from },
            _ => {}
        }
        let mut matched: Vec<Mistake> = Vec::new();
        let candidates = self.reference_variants[q]
            .iter()
            .chain(self.own_variants[q].iter());
        for (mistake, value) in candidates {
            if near(*value) && !matched.contains(mistake) {
                matched.push(mistake.clone());
            }
        }
        match matched.len() {
            1 => Verdict::Mistake(matched.remove(0)),
            0 if [expected, own].iter().any(|&v| {
                (answer.value - truncated_like(v, &answer.written)).abs()
                    <= 1e-12 * v.abs().max(1.0)
            }) =>
            {
                Verdict::Mistake(Mistake::Truncated)
            }
            0 => Verdict::Unknown,
            _ => Verdict::Several(matched),
        }
    }
}
