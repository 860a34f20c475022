//! The report of `stepgrad net`: the network, its loss as a formula, and
//! per step the forward table, the loss, the backward pass as chain-rule
//! products with their formulas and values, and the update table.
//!
//! `forward` writes the loss as a formula and each step's forward pass and
//! loss, `backward` the δs and the chain-rule products, `update` the
//! optimizer's step, `derivation` what `--param` shows, and `record` the
//! JSON; this module holds the report, the order of its parts, the setup
//! paragraph, the CSV, and the verdict of a run that diverged.

mod backward;
mod derivation;
mod forward;
mod record;
mod update;

pub use record::json_value;

use super::doc::{self, cell, math, math_cell, text, Block, Math};
use super::{Format, Style};
use crate::expr::{latex_name, print_definition, print_named, unicode_name, Id, Notation};
use crate::i18n::Lang;
use crate::msg;
use crate::network::{
    NetworkFormula, ParamDerivation, ParamKind, Run, SampleValues, Spec, StepRecord,
};
use crate::optim::{Gap, OptimizerConfig, Stop};
use backward::backward_blocks;
use derivation::{derivation_blocks, shared_derivation_blocks};
use forward::{formula_blocks, loss_blocks, loss_history};
use update::update_blocks;

/// Which parts of each step to show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Show {
    pub formula: bool,
    pub forward: bool,
    pub backward: bool,
    pub update: bool,
}

/// Everything `net` prints.
pub struct NetReport<'a> {
    pub spec: &'a Spec,
    pub formula: &'a NetworkFormula,
    pub run: &'a Run,
    pub show: Show,
    /// The sample whose chain-rule factors are shown (0-based).
    pub sample: usize,
    pub optimizer: OptimizerConfig,
    pub update_biases: bool,
    /// `--param`: that parameter's derivation.
    pub derivation: Option<ParamDerivation>,
    /// `--plot`: the file the network was drawn in.
    pub plot: Option<String>,
    /// The network's heading, setup and notes are shown (not with
    /// `--no-header`).
    pub header: bool,
}

impl NetReport<'_> {
    /// The values of the sample the derivations are shown for (the last
    /// one when the report asks past the end), from the first step that
    /// kept them.
    fn shown_sample_values(&self) -> Option<&SampleValues> {
        let samples = self.run.steps.iter().find_map(|s| s.samples.as_ref())?;
        samples.get(self.sample.min(samples.len().saturating_sub(1)))
    }

    fn unicode(&self, id: Id) -> String {
        print_named(
            &self.formula.graph,
            id,
            Notation::Unicode,
            &self.formula.names,
        )
    }

    fn latex(&self, id: Id) -> String {
        print_named(
            &self.formula.graph,
            id,
            Notation::Latex,
            &self.formula.names,
        )
    }

    fn expr(&self, id: Id) -> Math {
        Math::new(self.unicode(id), self.latex(id))
    }

    /// An expression as a factor of a product: a sum is put in parentheses.
    fn factor(&self, id: Id) -> Math {
        let named = self.formula.names.contains_key(&id);
        match self.formula.graph.node(id) {
            crate::expr::Node::Add(_) if !named => Math::new(
                format!("({})", self.unicode(id)),
                format!("\\left({}\\right)", self.latex(id)),
            ),
            _ => self.expr(id),
        }
    }

    fn definition(&self, id: Id) -> Math {
        let g = &self.formula.graph;
        Math::new(
            print_definition(g, id, Notation::Unicode, &self.formula.names),
            print_definition(g, id, Notation::Latex, &self.formula.names),
        )
    }

    fn ascii(&self, id: Id) -> String {
        print_named(
            &self.formula.graph,
            id,
            Notation::Ascii,
            &self.formula.names,
        )
    }

    /// "∂E_total/∂out_o1" in both notations.
    fn partial(of: &str, by: &str) -> Math {
        Math::new(
            format!("∂{}/∂{}", unicode_name(of), unicode_name(by)),
            format!(
                "\\frac{{\\partial {}}}{{\\partial {}}}",
                latex_name(of),
                latex_name(by)
            ),
        )
    }

    fn name(name: &str) -> Math {
        Math::new(unicode_name(name), latex_name(name))
    }

    fn value(&self, values: &SampleValues, id: Id, style: &Style) -> Math {
        Math::number(style.num(self.run.value(values, id)))
    }

    fn loss_description(&self, lang: Lang) -> String {
        match self.spec.loss {
            crate::network::Loss::HalfSse => msg!(lang, "net-loss-half-sse"),
            crate::network::Loss::Mse => msg!(lang, "net-loss-mse"),
            crate::network::Loss::Bce => msg!(lang, "net-loss-bce"),
            crate::network::Loss::CrossEntropy => msg!(lang, "net-loss-cross-entropy"),
        }
    }
}

pub fn render(report: &NetReport, format: Format, style: &Style) -> String {
    match format {
        Format::Json => super::json::document(&json_value(report, style.lang)),
        Format::Csv => csv(report, style),
        _ => doc::render(&blocks(report, style), format, style),
    }
}

fn blocks(r: &NetReport, style: &Style) -> Vec<Block> {
    let mut out = Vec::new();
    let spec = r.spec;
    let lang = style.lang;
    if r.header {
        out.push(Block::Heading {
            level: 1,
            text: vec![text(msg!(lang, "net-heading", name = &spec.name))],
        });
        if let Some(d) = spec.description_in(lang) {
            out.push(Block::Paragraph(vec![text(d)]));
        }
        out.extend(setup(r, style));
    }
    if r.show.formula {
        out.extend(formula_blocks(r, lang));
    }
    let detailed: Vec<&StepRecord> = r.run.steps.iter().filter(|s| s.samples.is_some()).collect();
    let total = r.run.losses.len();
    for (k, step) in detailed.iter().enumerate() {
        out.push(Block::Heading {
            level: 2,
            text: vec![text(msg!(
                lang,
                "net-step-heading",
                step = step.step.to_string(),
                total = total.to_string()
            ))],
        });
        out.extend(step_blocks(r, step, style));
        if k == 0 && total > detailed.len() {
            out.extend(loss_history(r, style));
        }
    }
    match &r.derivation {
        Some(ParamDerivation::Expanded(param, derivation)) => {
            out.extend(derivation_blocks(r, *param, derivation, style));
        }
        Some(ParamDerivation::Shared { param, terms }) => {
            out.extend(shared_derivation_blocks(r, *param, *terms, style));
        }
        None => {}
    }
    out.push(end_paragraph(r, total, style));
    if let Some(path) = &r.plot {
        out.push(Block::Paragraph(vec![text(msg!(
            lang,
            "net-drawn-in",
            path = path
        ))]));
    }
    if let Some(note) = spec.note_in(lang).filter(|_| r.header) {
        out.push(Block::Paragraph(vec![text(note.trim().replace('\n', " "))]));
    }
    out
}

/// Where the run ended: the loss after its updates, or why it diverged.
fn end_paragraph(r: &NetReport, total: usize, style: &Style) -> Block {
    let lang = style.lang;
    if let Stop::Diverged { step, reason } = &r.run.stop {
        return Block::Paragraph(vec![text(msg!(
            lang,
            "net-diverged-at",
            step = step.to_string(),
            reason = reason.render(lang)
        ))]);
    }
    Block::Paragraph(vec![
        text(format!(
            "{} ",
            msg!(
                lang,
                "net-after-updates",
                total = total.to_string(),
                count = total
            )
        )),
        math(
            format!("E_total = {}", style.num(r.run.final_loss)),
            format!(
                "E_{{\\mathrm{{total}}}} = {}",
                Math::number(style.num(r.run.final_loss)).latex
            ),
        ),
        text("."),
    ])
}

/// The error a diverged run ends with (exit 1), after its report.
pub fn divergence(r: &NetReport, lang: Lang) -> Option<crate::Error> {
    let Stop::Diverged { step, reason } = &r.run.stop else {
        return None;
    };
    let number = |x: f64| crate::number::format_significant(x, 6);
    let hint = match r.optimizer.lr() {
        Some(lr) => msg!(
            lang,
            "net-diverged-lr-hint",
            lr = number(lr),
            smaller = number(lr / 10.0)
        ),
        None => msg!(lang, "net-diverged-step-hint"),
    };
    Some(crate::Error::Diverged {
        message: msg!(
            lang,
            "net-diverged-error",
            step = step.to_string(),
            reason = reason.render(lang)
        ),
        hint,
    })
}

fn step_blocks(r: &NetReport, step: &StepRecord, style: &Style) -> Vec<Block> {
    let Some(samples) = &step.samples else {
        return Vec::new();
    };
    let f = r.formula;
    let mut blocks = Vec::new();
    let many = samples.len() > 1;
    if r.show.forward {
        blocks.push(Block::Heading {
            level: 3,
            text: vec![text(msg!(style.lang, "net-forward-heading"))],
        });
        let mut header = Vec::new();
        if many {
            header.push(cell("sample"));
        }
        header.extend([cell("neuron"), cell("net"), cell("net value"), cell("out")]);
        let mut rows = Vec::new();
        for (s, values) in samples.iter().enumerate() {
            for (k, n) in f.neurons.iter().enumerate() {
                let mut row = Vec::new();
                if many {
                    row.push(cell(if k == 0 {
                        (s + 1).to_string()
                    } else {
                        String::new()
                    }));
                }
                row.push(cell(n.name.clone()));
                row.push(math_cell(r.definition(n.net)));
                row.push(cell(style.num(r.run.value(values, n.net))));
                row.push(cell(style.num(r.run.value(values, n.out))));
                rows.push(row);
            }
        }
        blocks.push(Block::Table { header, rows });
        blocks.extend(loss_blocks(r, step, samples, style));
    }
    if r.show.backward {
        blocks.extend(backward_blocks(
            r,
            &samples[r.sample.min(samples.len() - 1)],
            style,
            many,
        ));
    }
    if r.show.update {
        blocks.extend(update_blocks(r, step, style));
    }
    blocks
}

fn setup(r: &NetReport, style: &Style) -> Vec<Block> {
    let spec = r.spec;
    let activations: Vec<&str> = spec.activations.iter().map(|a| a.name()).collect();
    let weights = r
        .formula
        .params
        .iter()
        .filter(|p| matches!(p.kind, ParamKind::Weight { .. }))
        .count();
    let biases = r.formula.params.len() - weights;
    let lang = style.lang;
    let bias_text = match spec.bias {
        crate::network::BiasMode::PerNeuron => msg!(lang, "net-bias-per-neuron"),
        crate::network::BiasMode::PerLayer => msg!(lang, "net-bias-per-layer"),
        crate::network::BiasMode::None => msg!(lang, "net-bias-none"),
    };
    let origin = match &spec.origin {
        crate::network::Origin::Explicit => msg!(lang, "net-origin-spec"),
        crate::network::Origin::Init { scheme, seed } => msg!(
            lang,
            "net-origin-init",
            scheme = scheme.to_string(),
            seed = seed.to_string()
        ),
    };
    let frozen = if r.update_biases || biases == 0 {
        String::new()
    } else {
        msg!(lang, "net-biases-frozen")
    };
    let mut blocks = vec![Block::Paragraph(vec![text(msg!(
        lang,
        "net-setup",
        shape = spec.shape(),
        activations = activations.join(", "),
        bias = bias_text,
        loss = r.loss_description(lang),
        params = (weights + biases).to_string(),
        weights = weights.to_string(),
        biases = biases.to_string(),
        origin = origin,
        samples = spec.inputs.len().to_string(),
        count = spec.inputs.len(),
        optimizer = r.optimizer.title_in(lang),
        settings = settings_text(r),
        frozen = frozen
    ))])];
    // The data.
    let mut header = vec![cell("sample")];
    header.extend(r.formula.inputs.iter().map(|&i| math_cell(r.expr(i))));
    header.extend(r.formula.targets.iter().map(|&t| math_cell(r.expr(t))));
    let rows = (0..spec.inputs.len())
        .map(|s| {
            let mut row = vec![cell((s + 1).to_string())];
            row.extend(spec.inputs[s].iter().map(|v| cell(style.num(*v))));
            row.extend(spec.targets[s].iter().map(|v| cell(style.num(*v))));
            row
        })
        .collect();
    blocks.push(Block::Table { header, rows });
    blocks
}

fn settings_text(r: &NetReport) -> String {
    r.optimizer
        .settings()
        .iter()
        .filter(|(name, value)| !(value == "0" && *name != "lr") && value != "false")
        .map(|(name, value)| format!("{name} = {value}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn csv(r: &NetReport, style: &Style) -> String {
    let mut out = String::from("step,parameter,before,gradient,after,loss\n");
    for step in &r.run.steps {
        for (i, p) in r.formula.params.iter().enumerate() {
            out.push_str(&format!(
                "{},{},{},{},{},{}\n",
                step.step,
                p.name,
                style.num(step.params_before[i]),
                style.num(step.gradients[i]),
                style.num(step.params_after[i]),
                style.num(step.loss)
            ));
        }
    }
    out
}

/// Which steps a long run lists in CSV, when it left some out: "steps 1
/// to 5,000 and 995,001 to 1,000,000 (10,000 of 1,000,000)".
fn kept_steps_text(steps: &[usize], gap: Gap, lang: Lang) -> String {
    msg!(
        lang,
        "net-kept-steps",
        first = steps[0].to_string(),
        last_head = steps[gap.at - 1].to_string(),
        first_tail = steps[gap.at].to_string(),
        last = steps[steps.len() - 1].to_string(),
        kept = crate::number::format_thousands(steps.len() as u64),
        total = crate::number::format_thousands((steps.len() + gap.count) as u64)
    )
}

/// For CSV, which has no place for it: a line for stderr saying which
/// steps a long run's CSV lists.
pub fn csv_note(r: &NetReport, lang: Lang) -> Option<String> {
    let gap = r.run.gap?;
    let steps: Vec<usize> = r.run.steps.iter().map(|s| s.step).collect();
    let listed = kept_steps_text(&steps, gap, lang);
    Some(format!("{}\n", msg!(lang, "net-csv-note", steps = listed)))
}
