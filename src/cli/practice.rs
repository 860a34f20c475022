//! `stepgrad practice`: a practice sheet over the course — the library
//! generates it from the seed (`practice::generate`), the report writes
//! it with its answer key; with `--interactive` in a terminal the lesson
//! module asks its questions one by one (`lesson::practice::practise`).

use super::inputs::parse_count;
use super::{Context, Terminal, Written};
use crate::practice::{generate, Request};
use crate::report::practice::render_sheet;
use crate::report::Format;
use crate::Error;
use clap::Args;

#[derive(Args, Debug, Clone)]
pub struct PracticeArgs {
    /// The topic: derivative, gradient, descent, epochs, backprop or optimizer (all in turn when absent)
    #[arg(value_name = "TOPIC")]
    pub topic: Option<String>,
    /// How many exercises (at most 200)
    #[arg(long, value_name = "N", default_value_t = 6, value_parser = parse_count, allow_negative_numbers = true)]
    pub count: usize,
    /// How large the exercises are: 1 (one rule, one weight), 2 or 3 (nested chains, several variables, a hidden layer)
    #[arg(long, value_name = "1..3", default_value_t = 1, value_parser = parse_count, allow_negative_numbers = true)]
    pub level: usize,
    /// The seed the exercises are drawn from: the same seed gives the same sheet
    #[arg(long, value_name = "S", default_value_t = 0)]
    pub seed: u64,
    /// Ask the exercises one by one in the terminal and judge each answer (derivatives as check judges them, numbers at four significant digits), with hints
    #[arg(long)]
    pub interactive: bool,
}

const FORMATS: [Format; 4] = [Format::Text, Format::Markdown, Format::Latex, Format::Json];

pub fn run(
    args: &PracticeArgs,
    context: &Context,
    terminal: Option<Terminal>,
) -> Result<Written, Error> {
    context.require_format("practice", &FORMATS)?;
    if args.interactive && context.format != Format::Text {
        return Err(Error::told(
            crate::text!(
                "practice-interactive-format",
                format = context.format.name()
            ),
            crate::text!(
                "practice-interactive-format-hint",
                format = context.format.name()
            ),
        ));
    }
    let sheet = generate(&request(args))?;
    if !args.interactive {
        return Ok(Written::ok(render_sheet(
            &sheet,
            context.format,
            &context.style,
        )));
    }
    let Some(terminal) = terminal else {
        return Err(Error::told(
            crate::text!("practice-interactive-needs-terminal"),
            crate::text!("practice-interactive-needs-terminal-hint"),
        ));
    };
    crate::lesson::practice::practise(&sheet, &context.style, terminal.input, terminal.output)?;
    Ok(Written::ok(String::new()))
}

fn request(args: &PracticeArgs) -> Request {
    Request {
        topic: args.topic.clone(),
        count: args.count as u64,
        level: args.level as u64,
        seed: args.seed,
    }
}
