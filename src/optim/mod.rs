//! Optimizers, each with its internal state open for display.
//!
//! The first-order methods — SGD (with momentum, dampening, Nesterov and
//! weight decay), Adagrad, RMSprop, Adam and AdamW — follow PyTorch's
//! `torch.optim` update rules and defaults exactly (docs/optimizers.md
//! states them as formulas). Newton's method uses the exact Hessian and adds
//! τI where it is not positive definite; BFGS updates an inverse-Hessian
//! approximation (Nocedal & Wright eq. 6.17) with a line search satisfying
//! the strong Wolfe conditions. All of them work on an [`Objective`]: a
//! plain function of a few variables, or a network's loss.
//!
//! `driver` holds the one driver every run steps with (`Descent`) and the
//! loop of full-batch runs (`drive`, `minimize`); `divergence` the one rule
//! for when a run has diverged; `samples` a network's loss over its samples
//! as an objective; `history` what a long run keeps of its records; `plan`
//! checks a `minimize` run before any work; `choice` turns the optimizer
//! asked for into a configuration; `advice` reads what a run that ended
//! badly suggests.
//!
//! Invariant: one `Optimizer::step` moves the point once and reports every
//! quantity it used and changed, so the tables show the computation done.

mod advice;
mod bfgs;
mod choice;
pub mod divergence;
mod driver;
mod expression;
mod first_order;
pub mod history;
pub mod linalg;
mod newton;
mod plan;
mod samples;
pub mod schedule;
mod validate;

pub use advice::{remedy, unsettled, Remedy, Unsettled};
pub use choice::{check_dimension, in_compare, OptimizerChoice};
pub use divergence::{
    all_finite_while, Divergence, FunctionWords, LossWords, Watch, Words, DIVERGENCE_FACTOR,
};
pub use driver::{
    drive, minimize, Descent, Ended, Halt, Iterate, Problem, Stop, Stopping, Trajectory,
    UndefinedStart,
};
pub use expression::ExpressionObjective;
pub use history::{Gap, Kept, Thinned};
pub use linalg::Matrix;
pub use plan::{checked_stopping, MinimizePlan, MinimizeRequest};
pub use samples::{SampleObjective, SampleSums};
pub use schedule::{Decay, Schedule};

use crate::i18n::{Lang, Text};
use crate::msg;
use crate::Error;

/// Something to minimise: a value, its gradient and (for Newton's method)
/// its Hessian at any point.
pub trait Objective {
    /// Number of variables.
    fn dimension(&self) -> usize;
    /// f(x) and ∇f(x).
    fn value_and_gradient(&mut self, x: &[f64]) -> Result<(f64, Vec<f64>), Text>;
    /// f(x) alone.
    fn value(&mut self, x: &[f64]) -> Result<f64, Text> {
        self.value_and_gradient(x).map(|(f, _)| f)
    }
    /// The Hessian ∇²f(x).
    fn hessian(&mut self, x: &[f64]) -> Result<Matrix, Text>;
}

/// Evaluations an optimizer asked for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Evaluations {
    pub f: usize,
    pub gradient: usize,
    pub hessian: usize,
}

/// An objective that counts its evaluations.
pub struct Counted<'a> {
    pub inner: &'a mut dyn Objective,
    pub count: &'a mut Evaluations,
}

impl Objective for Counted<'_> {
    fn dimension(&self) -> usize {
        self.inner.dimension()
    }
    fn value_and_gradient(&mut self, x: &[f64]) -> Result<(f64, Vec<f64>), Text> {
        self.count.f += 1;
        self.count.gradient += 1;
        self.inner.value_and_gradient(x)
    }
    fn value(&mut self, x: &[f64]) -> Result<f64, Text> {
        self.count.f += 1;
        self.inner.value(x)
    }
    fn hessian(&mut self, x: &[f64]) -> Result<Matrix, Text> {
        self.count.hessian += 1;
        self.inner.hessian(x)
    }
}

/// SGD as torch.optim.SGD: lr, momentum μ, dampening τ, Nesterov, weight
/// decay λ.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SgdConfig {
    pub lr: f64,
    pub momentum: f64,
    pub dampening: f64,
    pub nesterov: bool,
    pub weight_decay: f64,
}

/// Adagrad as torch.optim.Adagrad.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AdagradConfig {
    pub lr: f64,
    pub lr_decay: f64,
    pub weight_decay: f64,
    pub eps: f64,
}

/// RMSprop as torch.optim.RMSprop.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RmsPropConfig {
    pub lr: f64,
    pub alpha: f64,
    pub eps: f64,
    pub weight_decay: f64,
    pub momentum: f64,
    pub centered: bool,
}

/// Adam and AdamW as torch.optim.Adam / AdamW; `decoupled` is AdamW's
/// weight decay θ ← θ − lr·λ·θ before the Adam step (Adam adds λθ to the
/// gradient instead).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AdamConfig {
    pub lr: f64,
    pub beta1: f64,
    pub beta2: f64,
    pub eps: f64,
    pub weight_decay: f64,
    pub decoupled: bool,
}

/// Newton's method.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NewtonConfig {
    /// Backtracking (Armijo) line search; off by default, to show the pure
    /// method.
    pub line_search: bool,
    /// The first τ tried when the Hessian is not positive definite.
    pub tau_start: f64,
}

/// BFGS (Nocedal & Wright, Algorithm 6.1).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BfgsConfig {
    /// Scale H₀ = I by yᵀs/yᵀy before the first update (N&W eq. 6.20).
    pub scale_initial: bool,
    /// Sufficient decrease and curvature constants of the strong Wolfe
    /// conditions.
    pub c1: f64,
    pub c2: f64,
}

/// An optimizer and its settings.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum OptimizerConfig {
    Sgd(SgdConfig),
    Adagrad(AdagradConfig),
    RmsProp(RmsPropConfig),
    Adam(AdamConfig),
    Newton(NewtonConfig),
    Bfgs(BfgsConfig),
}

/// Hyperparameters given on the command line or in a spec (`None` keeps the
/// optimizer's default).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Hyperparameters {
    pub lr: Option<f64>,
    pub momentum: Option<f64>,
    pub dampening: Option<f64>,
    pub nesterov: bool,
    pub weight_decay: Option<f64>,
    pub lr_decay: Option<f64>,
    pub eps: Option<f64>,
    pub alpha: Option<f64>,
    pub centered: bool,
    pub beta1: Option<f64>,
    pub beta2: Option<f64>,
    pub line_search: bool,
    pub scale_initial: bool,
}

/// The optimizer names stepgrad knows.
pub const NAMES: [&str; 9] = [
    "sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "adamw", "newton", "bfgs",
];

impl Hyperparameters {
    /// Only the hyperparameters that the optimizer `name` takes (for races
    /// of several optimizers sharing one command line).
    pub fn for_method(&self, name: &str) -> Hyperparameters {
        let h = *self;
        let none = Hyperparameters::default();
        match name {
            "sgd" | "gd" | "momentum" | "nesterov" => Hyperparameters {
                lr: h.lr,
                momentum: h.momentum,
                dampening: h.dampening,
                nesterov: h.nesterov,
                weight_decay: h.weight_decay,
                ..none
            },
            "adagrad" => Hyperparameters {
                lr: h.lr,
                lr_decay: h.lr_decay,
                weight_decay: h.weight_decay,
                eps: h.eps,
                ..none
            },
            "rmsprop" => Hyperparameters {
                lr: h.lr,
                alpha: h.alpha,
                eps: h.eps,
                weight_decay: h.weight_decay,
                momentum: h.momentum,
                centered: h.centered,
                ..none
            },
            "adam" | "adamw" => Hyperparameters {
                lr: h.lr,
                beta1: h.beta1,
                beta2: h.beta2,
                eps: h.eps,
                weight_decay: h.weight_decay,
                ..none
            },
            "newton" => Hyperparameters {
                line_search: h.line_search,
                ..none
            },
            "bfgs" => Hyperparameters {
                scale_initial: h.scale_initial,
                ..none
            },
            _ => h,
        }
    }
}

/// How messages name a hyperparameter: as a command-line option
/// (`--beta1 2`) or as a key of a spec's `[train]` table (`beta1 = 2`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Naming {
    Options,
    SpecKeys,
}

impl Naming {
    /// `weight_decay` as the user writes it: `--weight-decay` or
    /// `weight_decay`.
    fn name(self, key: &str) -> String {
        match self {
            Naming::Options => format!("--{}", key.replace('_', "-")),
            Naming::SpecKeys => key.to_string(),
        }
    }

    /// A setting as the user writes it: `--beta1 2` or `beta1 = 2`.
    fn setting(self, key: &str, value: impl std::fmt::Display) -> String {
        match self {
            Naming::Options => format!("{} {value}", self.name(key)),
            Naming::SpecKeys => format!("{key} = {value}"),
        }
    }

    /// How to take a setting away.
    fn remove(self, key: &str) -> Text {
        match self {
            Naming::Options => crate::text!("optim-remove-option", name = self.name(key)),
            Naming::SpecKeys => crate::text!("optim-remove-key", name = key),
        }
    }
}

/// An optimizer or hyperparameter refused: the message and hint, and the
/// hyperparameter it is about (its spec key, e.g. `beta1`; `None` when the
/// optimizer's name itself is wrong).
#[derive(Clone, Debug, PartialEq)]
pub struct ConfigError {
    pub key: Option<&'static str>,
    pub message: Text,
    pub hint: Text,
}

impl From<ConfigError> for Error {
    fn from(e: ConfigError) -> Error {
        Error::told(e.message, e.hint)
    }
}

/// Momentum's velocity update, in Unicode and LaTeX: `b ← μ·b + g`, or
/// with dampening τ its value written beside it, so no symbol is left
/// undefined.
fn velocity(dampening: f64) -> (String, String) {
    if dampening == 0.0 {
        return (
            "b ← μ·b + g".to_string(),
            "b \\leftarrow \\mu b + g".to_string(),
        );
    }
    let tau = crate::number::format_significant(dampening, 6);
    (
        format!("b ← μ·b + (1 − τ)·g, τ = {tau}"),
        format!("b \\leftarrow \\mu b + (1 - \\tau) g,\\ \\tau = {tau}"),
    )
}

impl OptimizerConfig {
    /// The optimizer `name` with PyTorch's defaults, overridden by `h`
    /// (given as command-line options).
    pub fn from_name(name: &str, h: &Hyperparameters) -> Result<OptimizerConfig, Error> {
        Ok(OptimizerConfig::configure(name, h, Naming::Options)?)
    }

    /// The optimizer `name` with PyTorch's defaults, overridden by `h`;
    /// mistakes are worded as `naming` names the hyperparameters.
    pub fn configure(
        name: &str,
        h: &Hyperparameters,
        naming: Naming,
    ) -> Result<OptimizerConfig, ConfigError> {
        let sgd = |momentum: f64, nesterov: bool| SgdConfig {
            lr: h.lr.unwrap_or(1e-3),
            momentum: h.momentum.unwrap_or(momentum),
            dampening: h.dampening.unwrap_or(0.0),
            nesterov: h.nesterov || nesterov,
            weight_decay: h.weight_decay.unwrap_or(0.0),
        };
        let adam = |decoupled: bool| AdamConfig {
            lr: h.lr.unwrap_or(1e-3),
            beta1: h.beta1.unwrap_or(0.9),
            beta2: h.beta2.unwrap_or(0.999),
            eps: h.eps.unwrap_or(1e-8),
            weight_decay: h.weight_decay.unwrap_or(if decoupled { 1e-2 } else { 0.0 }),
            decoupled,
        };
        let config = match name {
            "sgd" | "gd" => OptimizerConfig::Sgd(sgd(0.0, false)),
            "momentum" => OptimizerConfig::Sgd(sgd(0.9, false)),
            "nesterov" => OptimizerConfig::Sgd(sgd(0.9, true)),
            "adagrad" => OptimizerConfig::Adagrad(AdagradConfig {
                lr: h.lr.unwrap_or(1e-2),
                lr_decay: h.lr_decay.unwrap_or(0.0),
                weight_decay: h.weight_decay.unwrap_or(0.0),
                eps: h.eps.unwrap_or(1e-10),
            }),
            "rmsprop" => OptimizerConfig::RmsProp(RmsPropConfig {
                lr: h.lr.unwrap_or(1e-2),
                alpha: h.alpha.unwrap_or(0.99),
                eps: h.eps.unwrap_or(1e-8),
                weight_decay: h.weight_decay.unwrap_or(0.0),
                momentum: h.momentum.unwrap_or(0.0),
                centered: h.centered,
            }),
            "adam" => OptimizerConfig::Adam(adam(false)),
            "adamw" => OptimizerConfig::Adam(adam(true)),
            "newton" => OptimizerConfig::Newton(NewtonConfig {
                line_search: h.line_search,
                tau_start: 1e-3,
            }),
            "bfgs" => OptimizerConfig::Bfgs(BfgsConfig {
                scale_initial: h.scale_initial,
                c1: 1e-4,
                c2: 0.9,
            }),
            other => {
                let close = crate::expr::closest_name(other, NAMES);
                return Err(ConfigError {
                    key: None,
                    message: crate::text!("optim-unknown", name = other),
                    hint: match close {
                        Some(n) => {
                            crate::text!("optim-did-you-mean", meant = n, names = NAMES.join(", "))
                        }
                        None => crate::text!("optim-the-optimizers-are", names = NAMES.join(", ")),
                    },
                });
            }
        };
        config.check(name, h, naming)?;
        Ok(config)
    }

    /// The optimizer's name as a reader knows it, in English (JSON).
    pub fn title(&self) -> String {
        self.title_in(Lang::En)
    }

    /// The optimizer's name as a reader knows it, in `lang`.
    pub fn title_in(&self, lang: Lang) -> String {
        match self {
            OptimizerConfig::Sgd(c) if c.nesterov => msg!(lang, "optim-sgd-nesterov"),
            OptimizerConfig::Sgd(c) if c.momentum > 0.0 => msg!(lang, "optim-sgd-momentum"),
            OptimizerConfig::Sgd(_) => msg!(lang, "optim-sgd"),
            OptimizerConfig::Adagrad(_) => msg!(lang, "optim-adagrad"),
            OptimizerConfig::RmsProp(c) if c.centered => msg!(lang, "optim-rmsprop-centered"),
            OptimizerConfig::RmsProp(_) => msg!(lang, "optim-rmsprop"),
            OptimizerConfig::Adam(c) if c.decoupled => msg!(lang, "optim-adamw"),
            OptimizerConfig::Adam(_) => msg!(lang, "optim-adam"),
            OptimizerConfig::Newton(_) => msg!(lang, "optim-newton"),
            OptimizerConfig::Bfgs(_) => msg!(lang, "optim-bfgs"),
        }
    }

    /// The settings as (name, value) pairs, for reports.
    pub fn settings(&self) -> Vec<(&'static str, String)> {
        let n = |x: f64| crate::number::format_significant(x, 6);
        match *self {
            OptimizerConfig::Sgd(c) => vec![
                ("lr", n(c.lr)),
                ("momentum", n(c.momentum)),
                ("dampening", n(c.dampening)),
                ("nesterov", c.nesterov.to_string()),
                ("weight_decay", n(c.weight_decay)),
            ],
            OptimizerConfig::Adagrad(c) => vec![
                ("lr", n(c.lr)),
                ("lr_decay", n(c.lr_decay)),
                ("weight_decay", n(c.weight_decay)),
                ("eps", n(c.eps)),
            ],
            OptimizerConfig::RmsProp(c) => vec![
                ("lr", n(c.lr)),
                ("alpha", n(c.alpha)),
                ("eps", n(c.eps)),
                ("weight_decay", n(c.weight_decay)),
                ("momentum", n(c.momentum)),
                ("centered", c.centered.to_string()),
            ],
            OptimizerConfig::Adam(c) => vec![
                ("lr", n(c.lr)),
                ("beta1", n(c.beta1)),
                ("beta2", n(c.beta2)),
                ("eps", n(c.eps)),
                ("weight_decay", n(c.weight_decay)),
            ],
            OptimizerConfig::Newton(c) => vec![
                ("line_search", c.line_search.to_string()),
                ("tau_start", n(c.tau_start)),
            ],
            OptimizerConfig::Bfgs(c) => vec![
                ("scale_initial", c.scale_initial.to_string()),
                ("c1", n(c.c1)),
                ("c2", n(c.c2)),
            ],
        }
    }

    /// The update rule, in Unicode (its words in `lang`) and in LaTeX,
    /// for reports.
    pub fn rule_in(&self, lang: Lang) -> (String, String) {
        let decay = |w: f64, text: &mut (String, String)| {
            if w != 0.0 {
                text.0.insert_str(0, "g ← g + λ·θ; ");
                text.1
                    .insert_str(0, "g \\leftarrow g + \\lambda\\theta;\\ ");
            }
        };
        let mut text = match *self {
            OptimizerConfig::Sgd(c) if c.nesterov => (
                format!("{} {}; θ ← θ − lr·(g + μ·b)", velocity(c.dampening).0, msg!(lang, "optim-rule-first-step")),
                format!("{};\\ \\theta \\leftarrow \\theta - \\mathrm{{lr}}\\,(g + \\mu b)", velocity(c.dampening).1),
            ),
            OptimizerConfig::Sgd(c) if c.momentum != 0.0 => (
                format!("{} {}; θ ← θ − lr·b", velocity(c.dampening).0, msg!(lang, "optim-rule-first-step")),
                format!("{};\\ \\theta \\leftarrow \\theta - \\mathrm{{lr}}\\, b", velocity(c.dampening).1),
            ),
            OptimizerConfig::Sgd(_) => ("θ ← θ − lr·g".to_string(), "\\theta \\leftarrow \\theta - \\mathrm{lr}\\, g".to_string()),
            OptimizerConfig::Adagrad(_) => (
                format!("s ← s + g²; θ ← θ − lrₜ·g/(√s + ε) {}", msg!(lang, "optim-rule-adagrad-lr")),
                "s \\leftarrow s + g^{2};\\ \\theta \\leftarrow \\theta - \\mathrm{lr}_t \\frac{g}{\\sqrt{s} + \\varepsilon}".to_string(),
            ),
            OptimizerConfig::RmsProp(c) => {
                // ρ, not PyTorch's α: the lessons keep α for the learning rate.
                let rho = crate::number::format_significant(c.alpha, 6);
                let mut u = format!("v ← ρ·v + (1 − ρ)·g² (ρ = alpha = {rho})");
                let mut l = format!("v \\leftarrow \\rho v + (1 - \\rho) g^{{2}}\\ (\\rho = \\mathrm{{alpha}} = {rho})");
                let root = if c.centered {
                    u.push_str("; ḡ ← ρ·ḡ + (1 − ρ)·g");
                    l.push_str(";\\ \\bar g \\leftarrow \\rho \\bar g + (1 - \\rho) g");
                    ("√(v − ḡ²)", "\\sqrt{v - \\bar g^{2}}")
                } else {
                    ("√v", "\\sqrt{v}")
                };
                if c.momentum > 0.0 {
                    u.push_str(&format!("; b ← μ·b + g/({} + ε); θ ← θ − lr·b", root.0));
                    l.push_str(&format!(";\\ b \\leftarrow \\mu b + \\frac{{g}}{{{} + \\varepsilon}};\\ \\theta \\leftarrow \\theta - \\mathrm{{lr}}\\, b", root.1));
                } else {
                    u.push_str(&format!("; θ ← θ − lr·g/({} + ε)", root.0));
                    l.push_str(&format!(";\\ \\theta \\leftarrow \\theta - \\mathrm{{lr}} \\frac{{g}}{{{} + \\varepsilon}}", root.1));
                }
                (u, l)
            }
            OptimizerConfig::Adam(c) => {
                let mut text = (
                    "m ← β₁·m + (1 − β₁)·g; v ← β₂·v + (1 − β₂)·g²; m̂ = m/(1 − β₁ᵗ); v̂ = v/(1 − β₂ᵗ); θ ← θ − lr·m̂/(√v̂ + ε)".to_string(),
                    "m \\leftarrow \\beta_1 m + (1 - \\beta_1) g;\\ v \\leftarrow \\beta_2 v + (1 - \\beta_2) g^{2};\\ \\hat m = \\frac{m}{1 - \\beta_1^{t}};\\ \\hat v = \\frac{v}{1 - \\beta_2^{t}};\\ \\theta \\leftarrow \\theta - \\mathrm{lr} \\frac{\\hat m}{\\sqrt{\\hat v} + \\varepsilon}".to_string(),
                );
                if c.decoupled {
                    text.0.insert_str(0, "θ ← θ − lr·λ·θ; ");
                    text.1.insert_str(0, "\\theta \\leftarrow \\theta - \\mathrm{lr}\\,\\lambda\\theta;\\ ");
                }
                text
            }
            OptimizerConfig::Newton(_) => (
                format!("θ ← θ − α·(H + τI)⁻¹·g {}", msg!(lang, "optim-rule-newton-unless")),
                "\\theta \\leftarrow \\theta - \\alpha (H + \\tau I)^{-1} g".to_string(),
            ),
            OptimizerConfig::Bfgs(_) => (
                format!("p = −H⁻¹≈·g; θ ← θ + α·p {}; H⁻¹≈ ← (I − ρsyᵀ)·H⁻¹≈·(I − ρysᵀ) + ρssᵀ", msg!(lang, "optim-rule-bfgs-alpha")),
                "p = -H_k g;\\ \\theta \\leftarrow \\theta + \\alpha p;\\ H_{k+1} = (I - \\rho s y^{T}) H_k (I - \\rho y s^{T}) + \\rho s s^{T}".to_string(),
            ),
        };
        match *self {
            OptimizerConfig::Sgd(c) => decay(c.weight_decay, &mut text),
            OptimizerConfig::Adagrad(c) => decay(c.weight_decay, &mut text),
            OptimizerConfig::RmsProp(c) => decay(c.weight_decay, &mut text),
            OptimizerConfig::Adam(c) if !c.decoupled => decay(c.weight_decay, &mut text),
            _ => {}
        }
        text
    }

    /// A list of notes as one note, joined by "; " in every language.
    pub fn joined_notes(notes: &[Text]) -> Option<Text> {
        (!notes.is_empty()).then(|| {
            Text::in_each_language(|lang| {
                notes
                    .iter()
                    .map(|note| note.render(lang))
                    .collect::<Vec<_>>()
                    .join("; ")
            })
        })
    }

    /// The learning rate, for methods that have one.
    pub fn lr(&self) -> Option<f64> {
        match self {
            OptimizerConfig::Sgd(c) => Some(c.lr),
            OptimizerConfig::Adagrad(c) => Some(c.lr),
            OptimizerConfig::RmsProp(c) => Some(c.lr),
            OptimizerConfig::Adam(c) => Some(c.lr),
            OptimizerConfig::Newton(_) | OptimizerConfig::Bfgs(_) => None,
        }
    }

    /// Whether the method needs the objective itself (Hessians, line
    /// searches) rather than just a gradient.
    pub fn is_second_order(&self) -> bool {
        matches!(self, OptimizerConfig::Newton(_) | OptimizerConfig::Bfgs(_))
    }

    /// The most variables the method takes (docs/limits.md): Newton's
    /// method and BFGS keep an n×n matrix, the others a few vectors.
    pub fn max_variables(&self) -> Option<usize> {
        match self {
            OptimizerConfig::Newton(_) => Some(crate::limits::MAX_NEWTON_VARIABLES),
            OptimizerConfig::Bfgs(_) => Some(crate::limits::MAX_BFGS_VARIABLES),
            _ => None,
        }
    }
}

/// One quantity of an optimizer's state, for display.
#[derive(Clone, Debug, PartialEq)]
pub enum StateValue {
    /// One number per variable (velocity, m, v, …).
    PerVariable(Vec<f64>),
    /// A matrix over the variables (Hessian, inverse-Hessian approximation).
    Matrix(Matrix),
    /// One number (step length α, τ, yᵀs).
    Scalar(f64),
}

/// A named quantity of the state: `name` in ASCII (`m_hat`), `symbol` in
/// Unicode (`m̂`).
#[derive(Clone, Debug, PartialEq)]
pub struct StateEntry {
    pub name: &'static str,
    pub symbol: &'static str,
    pub value: StateValue,
}

impl StateEntry {
    pub fn new(name: &'static str, symbol: &'static str, value: StateValue) -> StateEntry {
        StateEntry {
            name,
            symbol,
            value,
        }
    }
}

/// What one step did.
#[derive(Clone, Debug, PartialEq)]
pub struct StepReport {
    /// x_new − x.
    pub update: Vec<f64>,
    /// The state after the step.
    pub state: Vec<StateEntry>,
    /// Anything the reader must know about this step (τ added, update
    /// skipped, …).
    pub note: Option<Text>,
}

/// What an update knows of the point it moved to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Moved {
    /// Every coordinate is finite (judged while moving).
    Finite,
    /// Not judged: the divergence rule must look at the point.
    Unjudged,
}

/// An optimizer with its state.
#[derive(Clone, Debug)]
pub struct Optimizer {
    pub config: OptimizerConfig,
    state: first_order::State,
    newton: newton::Newton,
    /// BFGS's inverse-Hessian approximation, made at its first step (an
    /// n×n matrix is too much to allocate for optimizers that never use it).
    bfgs: Option<bfgs::Bfgs>,
    /// Steps taken so far.
    pub steps: usize,
}

impl Optimizer {
    pub fn new(config: OptimizerConfig, dimension: usize) -> Optimizer {
        Optimizer {
            config,
            state: first_order::State::new(dimension),
            newton: newton::Newton,
            bfgs: None,
            steps: 0,
        }
    }

    /// Moves `x` by one step as `step` does, without the report of it:
    /// plain SGD (no momentum, no weight decay) then updates in place,
    /// allocates nothing, and judges the new point in the same pass.
    pub fn advance(
        &mut self,
        objective: &mut dyn Objective,
        x: &mut [f64],
        f: f64,
        gradient: &[f64],
    ) -> Result<Moved, Text> {
        match self.config {
            OptimizerConfig::Sgd(c) if c.momentum == 0.0 && c.weight_decay == 0.0 => {
                self.steps += 1;
                // The same arithmetic as `step`'s SGD: θ ← θ + (−lr)·g.
                let finite = all_finite_while(x, gradient, |p, g| {
                    *p += -c.lr * g;
                    *p
                });
                Ok(match finite {
                    true => Moved::Finite,
                    false => Moved::Unjudged,
                })
            }
            _ => self
                .step(objective, x, f, gradient)
                .map(|_| Moved::Unjudged),
        }
    }

    /// Moves `x` by one step, given f(x) and ∇f(x).
    pub fn step(
        &mut self,
        objective: &mut dyn Objective,
        x: &mut [f64],
        f: f64,
        gradient: &[f64],
    ) -> Result<StepReport, Text> {
        self.steps += 1;
        let t = self.steps;
        match self.config {
            OptimizerConfig::Newton(c) => self.newton.step(&c, objective, x, f, gradient),
            OptimizerConfig::Bfgs(c) => self
                .bfgs
                .get_or_insert_with(|| bfgs::Bfgs::new(x.len()))
                .step(&c, objective, x, f, gradient),
            config => Ok(self.state.step(&config, t, x, gradient)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_momentum_rule_names_no_symbol_it_leaves_undefined() {
        let sgd = |dampening: f64, nesterov: bool| {
            OptimizerConfig::Sgd(SgdConfig {
                lr: 0.01,
                momentum: 0.9,
                dampening,
                nesterov,
                weight_decay: 0.0,
            })
        };
        for nesterov in [false, true] {
            for lang in [Lang::En, Lang::Ko] {
                let (text, latex) = sgd(0.0, nesterov).rule_in(lang);
                assert!(text.starts_with("b ← μ·b + g "), "{text}");
                assert!(
                    !text.contains('τ') && !latex.contains("tau"),
                    "{text} {latex}"
                );
                let (text, latex) = sgd(0.5, nesterov).rule_in(lang);
                assert!(text.contains("(1 − τ)·g, τ = 0.5"), "{text}");
                assert!(latex.contains("\\tau = 0.5"), "{latex}");
            }
        }
    }
}
