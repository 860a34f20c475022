//! Networks: specs, their loss as formulas in the expression graph, the
//! backward pass, and gradient-descent steps with every value recorded.

mod examples;
mod formula;
mod graph_view;
mod run;
mod spec;
mod start;

pub use examples::{example, example_names, load_spec};
pub use formula::{Chain, Factor, NetworkFormula, Neuron, OutputRule, Param, ParamKind, PathSum};
pub use graph_view::{sample_view, NetworkView};
pub use run::{
    initial_values, run_steps, sample_point, to_shapes, trainable, Run, RunOptions, SampleValues,
    StepRecord,
};
pub use spec::{
    initialize, parse_spec, Activation, BiasMode, Loss, Origin, Parameters, Spec, TrainSettings,
};
pub use start::{describe_failure, named_values, summed_fault, StartFault};
