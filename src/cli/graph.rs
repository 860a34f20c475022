//! `stepgrad graph`: the computation graph of an expression or a network,
//! with forward values and backward gradients at every node.

use super::inputs::{check_sample, parse_count, parse_point};
use super::{Context, Written};
use crate::calculus::{graph_view, Collapse};
use crate::expr::{parse_binary, Graph, Id, Point};
use crate::network::{example, load_spec, sample_view};
use crate::report::graph::{render, GraphReport, Subject};
use crate::report::Format;
use crate::Error;
use clap::Args;

#[derive(Args, Debug, Clone)]
pub struct GraphArgs {
    /// An expression such as "apple*count*tax", or a network spec (file or example name)
    #[arg(allow_hyphen_values = true)]
    pub target: String,
    /// Values of the expression's variables, e.g. --at apple=100,count=2,tax=1.1
    #[arg(long, value_delimiter = ',', value_name = "V=x")]
    pub at: Vec<String>,
    /// For a network: the sample whose values are shown (1-based)
    #[arg(long, value_name = "K", default_value_t = 1, value_parser = parse_count, allow_negative_numbers = true)]
    pub sample: usize,
}

const FORMATS: [Format; 5] = [
    Format::Text,
    Format::Markdown,
    Format::Latex,
    Format::Dot,
    Format::Json,
];

pub fn run(args: &GraphArgs, context: &Context) -> Result<Written, Error> {
    context.require_format("graph", &FORMATS)?;
    let is_spec = args.target.ends_with(".toml") || example(&args.target).is_some();
    if is_spec {
        if !args.at.is_empty() {
            return Err(Error::told(
                crate::text!("inputs-graph-at-network", target = &args.target),
                crate::text!("inputs-graph-at-network-hint"),
            ));
        }
        network_graph(args, context)
    } else {
        expression_graph(args, context)
    }
}

fn expression_graph(args: &GraphArgs, context: &Context) -> Result<Written, Error> {
    let mut graph = Graph::new();
    let expr = parse_binary(&mut graph, &args.target)
        .map_err(|e| Error::parse(&args.target, e, crate::text!("error-origin-expression")))?;
    let variables = graph.variables(expr);
    let point = parse_point(&args.at, "--at")?;
    check_point_names(&point, &variables)?;
    let wrt: Vec<Id> = variables.iter().map(|v| graph.var(v)).collect();
    let view =
        graph_view(&mut graph, expr, &point, &wrt, Collapse::Nothing).map_err(|failure| {
            Error::cannot_evaluate(crate::text!("error-eval-graph"), &failure.error)
        })?;
    let report = GraphReport {
        graph: &graph,
        names: None,
        view: &view,
        subject: Subject::Expression(expr),
    };
    Ok(Written::ok(render(&report, context.format, &context.style)))
}

/// `--at` names every variable of the expression and no other.
fn check_point_names(point: &Point, variables: &[String]) -> Result<(), Error> {
    if let Some(extra) = point.names().find(|n| !variables.iter().any(|v| v == n)) {
        return Err(Error::told(
            crate::text!("inputs-at-extra", name = extra),
            crate::text!(
                "inputs-wrt-variables-are",
                names = crate::diagnostic::name_list(variables)
            ),
        ));
    }
    if let Some(missing) = variables.iter().find(|v| point.get(v).is_none()) {
        return Err(Error::told(
            crate::text!("inputs-at-missing", name = missing),
            crate::text!(
                "inputs-at-missing-hint",
                example = variables
                    .iter()
                    .map(|v| format!("{v}=…"))
                    .collect::<Vec<_>>()
                    .join(",")
            ),
        ));
    }
    Ok(())
}

fn network_graph(args: &GraphArgs, context: &Context) -> Result<Written, Error> {
    let spec = load_spec(&args.target)?;
    super::files::refuse_overwriting_spec_data(context.outputs, &spec)?;
    super::inputs::check_symbolic_size(&spec, "graph")?;
    if spec.inputs.is_empty() {
        return Err(Error::told(
            crate::text!("inputs-graph-no-data", target = &args.target),
            crate::text!("inputs-graph-no-data-hint"),
        ));
    }
    check_sample(
        args.sample,
        spec.inputs.len(),
        crate::text!("inputs-sample-graph-hint"),
    )?;
    let network = sample_view(&spec, args.sample - 1)?;
    let report = GraphReport {
        graph: &network.formula.graph,
        names: Some(&network.formula.names),
        view: &network.view,
        subject: Subject::Network {
            name: spec.name.clone(),
            shape: spec.shape(),
            sample: args.sample,
        },
    };
    Ok(Written::ok(render(&report, context.format, &context.style)))
}
