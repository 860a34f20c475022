//! Calculus on expressions: the rules of differentiation, derivatives with
//! their derivations, gradients and Hessians, and checking a hand-computed
//! derivative.

mod backprop;
mod check;
mod derive;
mod rules;
mod sampling;

pub use backprop::{backpropagate, local_partials, Adjoints};
pub use check::{
    check_derivative, values_agree, CheckError, CheckOutcome, Counterexample, Decision, Diagnosis,
    Piece, PieceVerdict, REQUIRED_POINTS, RESOLUTION, SAFETY_FACTOR,
};
pub use derive::{
    derivative, derivative_with_mistake, differentiate, mistake_sites, Derivation, Inner, Mistake,
    Step,
};
pub use rules::{
    exponential_derivative, function_derivative, log_sum_exp_partial, power_derivative, Rule,
};
pub use sampling::Interval;
