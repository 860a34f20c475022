//! The optimizer options shared by `minimize`, `net` and `train`, handed
//! to the library as an `optim::OptimizerChoice`.

use crate::optim::{Hyperparameters, OptimizerChoice};
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
    /// The optimizer asked for: the name and the hyperparameters given.
    pub fn choice(&self) -> OptimizerChoice {
        OptimizerChoice {
            name: self.optimizer.clone(),
            given: Hyperparameters {
                lr: self.lr,
                momentum: self.momentum,
                dampening: self.dampening,
                nesterov: self.nesterov,
                weight_decay: self.weight_decay,
                lr_decay: self.lr_decay,
                eps: self.eps,
                alpha: self.alpha,
                centered: self.centered,
                beta1: self.beta1,
                beta2: self.beta2,
                line_search: self.line_search,
                scale_initial: self.scale_initial,
            },
        }
    }
}

/// `--compare`, shared by `minimize` and `train` (each command's help
/// text comes from its own catalogue entry).
#[derive(Args, Debug, Clone, Default)]
pub struct CompareArgs {
    /// Run several optimizers from the same start and compare them, e.g. --compare sgd,momentum,adam
    #[arg(
        long,
        value_delimiter = ',',
        value_name = "NAMES",
        conflicts_with = "optimizer"
    )]
    pub compare: Vec<String>,
}
