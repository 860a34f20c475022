//! Calculus on expressions: the rules of differentiation, derivatives with
//! their derivations, gradients and Hessians (and their values at a point,
//! as `diff` shows them), checking a hand-computed derivative, checking a
//! derivative against central differences, and the view
//! of a computation graph with its values and gradients.

mod backprop;
mod check;
mod comparison;
mod derive;
mod diagnose;
mod differentiation;
mod gradcheck;
mod graph_view;
mod hessian;
mod operators;
mod rules;
mod sampling;

pub use backprop::{backpropagate, local_partials, Adjoints};
pub use check::{
    check_derivative, values_agree, CheckError, CheckOutcome, Counterexample, Decision, Diagnosis,
    Piece, PieceVerdict, REQUIRED_POINTS, RESOLUTION, SAFETY_FACTOR,
};
pub use derive::{
    chain_terms, derivative, derivative_with_mistake, derivative_within, differentiate,
    mistake_sites, Derivation, Inner, Mistake, Step,
};
pub use differentiation::{derivatives, Derivatives, PointValues};
pub use gradcheck::{
    central_difference, central_step, check_expression, check_one, relative_difference,
    GradientCheck,
};
pub use graph_view::{graph_view, Collapse, GraphView, NodeRole, ViewNode};
pub use hessian::{check_hessian_estimate, hessian_within, HessianTooLarge};
pub use operators::{
    exponential_derivative, function_derivative, general_power_rule, local_partial,
    log_sum_exp_partial, power_derivative, product_rule_term, quotient_rule,
};
pub use rules::Rule;
pub use sampling::Interval;
