//! The optimizer options shared by `minimize`, `net` and `train`.

use crate::optim::{Hyperparameters, OptimizerConfig};
use crate::Error;
use clap::Args;

#[derive(Args, Debug, Clone, Default)]
pub struct OptimizerArgs {
    /// The optimizer: sgd, momentum, nesterov, adagrad, rmsprop, adam, adamw, newton, bfgs
    #[arg(long, value_name = "NAME")]
    pub optimizer: Option<String>,
    /// Learning rate (PyTorch's default for the optimizer when not given)
    #[arg(long, value_name = "X", allow_hyphen_values = true)]
    pub lr: Option<f64>,
    /// Momentum μ (sgd, rmsprop)
    #[arg(long, value_name = "X", allow_hyphen_values = true)]
    pub momentum: Option<f64>,
    /// Dampening of the momentum (sgd)
    #[arg(long, value_name = "X", allow_hyphen_values = true)]
    pub dampening: Option<f64>,
    /// Nesterov momentum (sgd)
    #[arg(long)]
    pub nesterov: bool,
    /// Smoothing constant α of the squared-gradient average (rmsprop)
    #[arg(long, value_name = "X", allow_hyphen_values = true)]
    pub alpha: Option<f64>,
    /// Centered RMSprop: divide by an estimate of the gradient's variance
    #[arg(long)]
    pub centered: bool,
    /// β₁, the decay of the first moment (adam, adamw)
    #[arg(long, value_name = "X", allow_hyphen_values = true)]
    pub beta1: Option<f64>,
    /// β₂, the decay of the second moment (adam, adamw)
    #[arg(long, value_name = "X", allow_hyphen_values = true)]
    pub beta2: Option<f64>,
    /// ε added to the denominator (adagrad, rmsprop, adam, adamw)
    #[arg(long, value_name = "X", allow_hyphen_values = true)]
    pub eps: Option<f64>,
    /// Weight decay λ (L2 penalty; decoupled for adamw)
    #[arg(long, value_name = "X", allow_hyphen_values = true)]
    pub weight_decay: Option<f64>,
    /// Learning-rate decay η (adagrad)
    #[arg(long, value_name = "X", allow_hyphen_values = true)]
    pub lr_decay: Option<f64>,
    /// Backtracking line search for Newton's method
    #[arg(long)]
    pub line_search: bool,
    /// Scale BFGS's first inverse-Hessian guess by yᵀs/yᵀy
    #[arg(long)]
    pub scale_initial: bool,
}

impl OptimizerArgs {
    /// The hyperparameters given, over those of `base` (a spec's).
    pub fn hyperparameters(&self, base: &Hyperparameters) -> Hyperparameters {
        Hyperparameters {
            lr: self.lr.or(base.lr),
            momentum: self.momentum.or(base.momentum),
            dampening: self.dampening.or(base.dampening),
            nesterov: self.nesterov || base.nesterov,
            weight_decay: self.weight_decay.or(base.weight_decay),
            lr_decay: self.lr_decay.or(base.lr_decay),
            eps: self.eps.or(base.eps),
            alpha: self.alpha.or(base.alpha),
            centered: self.centered || base.centered,
            beta1: self.beta1.or(base.beta1),
            beta2: self.beta2.or(base.beta2),
            line_search: self.line_search || base.line_search,
            scale_initial: self.scale_initial || base.scale_initial,
        }
    }

    /// The optimizer chosen (or `default_name`) with its hyperparameters.
    /// The `base` hyperparameters belong to `default_name` (a spec's
    /// optimizer): when the command line chooses another optimizer, only
    /// those it takes carry over, so a spec's lr does not make Newton's
    /// method refuse a learning rate the user never gave.
    pub fn config(
        &self,
        default_name: &str,
        base: &Hyperparameters,
    ) -> Result<OptimizerConfig, Error> {
        let name = self.optimizer.as_deref().unwrap_or(default_name);
        let base = if name == default_name {
            *base
        } else {
            base.for_method(name)
        };
        OptimizerConfig::from_name(name, &self.hyperparameters(&base))
    }
}

/// Refuses Newton's method or BFGS on more variables than it takes
/// (`OptimizerConfig::max_variables`): `what` names them, as in "the
/// function's 400 variables" or "this network's 2,500 trainable
/// parameters".
pub fn check_dimension(config: &OptimizerConfig, n: usize, what: &str) -> Result<(), Error> {
    let Some(limit) = config.max_variables() else {
        return Ok(());
    };
    if n <= limit {
        return Ok(());
    }
    let count = crate::number::format_thousands(n as u64);
    let (needs, instead) = match config {
        OptimizerConfig::Newton(_) => (
            format!("Newton's method forms and factors the {count}×{count} Hessian of {what}"),
            "choose bfgs, which learns the curvature from gradients, or a first-order optimizer such as adam",
        ),
        _ => (
            format!("BFGS keeps a {count}×{count} matrix for {what}"),
            "choose a first-order optimizer such as adam",
        ),
    };
    Err(Error::usage(
        format!(
            "{needs}; stepgrad runs it on at most {}",
            crate::number::format_thousands(limit as u64)
        ),
        format!("{instead} (docs/limits.md states the limit)"),
    ))
}
