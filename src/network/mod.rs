//! Networks: specs, their loss as formulas in the expression graph, the
//! backward pass, and gradient-descent steps with every value recorded.
//!
//! `spec` reads and checks a spec, `examples` holds the built-in ones,
//! `formula` builds the network's named formulas, `plan` checks a `net`
//! run before any work, `run` runs its steps on the one driver, `start`
//! names a value without a finite value at the start, `params` lists the
//! parameters without the formulas (what `train` needs), `answers` judges
//! a student's hand-worked values for a step (`net --check`), `gradcheck` sets
//! the gradients beside central differences, and `graph_view` is one
//! sample's computation graph for `graph`.

pub mod answers;
mod examples;
mod formula;
mod gradcheck;
mod graph_view;
mod params;
mod plan;
mod run;
mod spec;
mod start;

pub use examples::{example, example_names, load_spec};
pub use formula::{Chain, Factor, NetworkFormula, Neuron, OutputRule, Param, ParamKind, PathSum};
pub use gradcheck::check_gradients;
pub use graph_view::{sample_view, NetworkView};
pub use params::ParamList;
pub use plan::{check_symbolic_size, Formulas, NetPlan, NetRequest, ParamDerivation};
pub use run::{
    initial_values, run_steps, sample_point, to_shapes, trainable, Run, RunOptions, SampleValues,
    StepRecord,
};
pub use spec::{
    initialize, parse_spec, Activation, BiasMode, Loss, Origin, Parameters, Spec, TrainSettings,
};
pub use start::{
    describe_failure, named_values, sample_name, summed_fault, validation_sample_name, Failing,
    SampleName, StartFault,
};
