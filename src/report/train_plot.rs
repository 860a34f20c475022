//! The picture of `train --plot`: the loss per epoch (and per iteration,
//! light, behind it), the accuracy in percent below it when there is one,
//! and the learning rate below them when a schedule or a warm-up changes
//! it.
//!
//! Colours come from the shared palette (`plot::color`), one per series:
//! a run's training and validation quantities each have their own colour,
//! the same in every panel; in a comparison of optimizers each optimizer
//! has one colour, its validation curves dashed in it.

use super::train::{thinned, TrainReport};
use crate::i18n::Lang;
use crate::limits::MAX_PLOT_POINTS;
use crate::msg;
use crate::plot::{training_curves_in, Curve};
use crate::training::{EpochRecord, Training};

/// A run in the picture: its label (empty for a single run) and the
/// colours of its training and validation quantities.
struct Drawn<'a> {
    label: String,
    training: &'a Training,
    series: (usize, usize),
    /// Whether its validation curves are dashed in its training colour.
    dashed: bool,
    iterations: bool,
}

/// The runs of the report as the picture draws them.
fn drawn<'a>(r: &'a TrainReport, lang: Lang) -> Vec<Drawn<'a>> {
    if let Some(c) = r.optimizers {
        return (c.runs.iter().enumerate())
            .map(|(k, run)| Drawn {
                label: run.name.clone(),
                training: &run.training,
                series: (k, k),
                dashed: true,
                iterations: false,
            })
            .collect();
    }
    let runs: Vec<(String, &Training)> = match r.comparison {
        Some(c) => (c.runs.iter())
            .map(|(size, t)| (msg!(lang, "train-plot-batch", size = size.to_string()), t))
            .collect(),
        None => vec![(String::new(), r.training)],
    };
    (runs.into_iter().enumerate())
        .map(|(k, (label, training))| Drawn {
            label,
            training,
            series: (2 * k, 2 * k + 1),
            dashed: false,
            iterations: true,
        })
        .collect()
}

/// The curves of every run, by panel.
#[derive(Default)]
struct Panels {
    loss: Vec<Curve>,
    accuracy: Vec<Curve>,
    rates: Vec<Curve>,
}

/// The loss (and accuracy) per epoch and per iteration, and the learning
/// rate when it changes, as SVG.
pub fn plot(r: &TrainReport, lang: Lang) -> Result<String, String> {
    let mut panels = Panels::default();
    for run in drawn(r, lang) {
        add_run(&mut panels, &run, lang);
    }
    training_curves_in(
        lang,
        &msg!(lang, "train-heading", name = &r.spec.name),
        &panels.loss,
        &panels.accuracy,
        &panels.rates,
    )
}

fn add_run(panels: &mut Panels, run: &Drawn, lang: Lang) {
    let t = run.training;
    let (training_series, validation_series) = run.series;
    let prefix = match run.label.is_empty() {
        true => String::new(),
        false => format!("{}: ", run.label),
    };
    if run.iterations && !t.iteration_curve.is_empty() {
        let per_epoch = t.arithmetic.iterations_per_epoch().max(1) as f64;
        panels.loss.push(Curve {
            label: format!("{prefix}{}", msg!(lang, "train-plot-batch-loss")),
            points: (t.iteration_curve.iter())
                .map(|&(i, batch_loss)| (i as f64 / per_epoch, batch_loss))
                .collect(),
            thin: true,
            dashed: false,
            series: training_series,
        });
    }
    let epochs: Vec<&EpochRecord> = t.epochs.iter().collect();
    // One curve per epoch quantity that the run recorded.
    let curve = |label: String, validation: bool, value: &dyn Fn(&EpochRecord) -> Option<f64>| {
        let points: Vec<(f64, f64)> = thinned(&epochs, MAX_PLOT_POINTS)
            .iter()
            .filter_map(|e| value(e).map(|v| (e.epoch as f64, v)))
            .collect();
        let series = if validation {
            validation_series
        } else {
            training_series
        };
        (!points.is_empty()).then(|| Curve {
            label: format!("{prefix}{label}"),
            points,
            thin: false,
            dashed: validation && run.dashed,
            series,
        })
    };
    panels
        .loss
        .extend(curve(msg!(lang, "train-plot-loss"), false, &|e| {
            Some(e.loss)
        }));
    panels.loss.extend(curve(
        msg!(lang, "train-plot-validation-loss"),
        true,
        &|e| e.val_loss,
    ));
    // Accuracy in percent, as the terminal prints it.
    let percent = |a: Option<f64>| a.map(|a| 100.0 * a);
    panels
        .accuracy
        .extend(curve(msg!(lang, "train-plot-accuracy"), false, &|e| {
            percent(e.accuracy)
        }));
    panels.accuracy.extend(curve(
        msg!(lang, "train-plot-validation-accuracy"),
        true,
        &|e| percent(e.val_accuracy),
    ));
    panels
        .rates
        .extend(curve(msg!(lang, "train-plot-lr"), false, &|e| e.lr));
}
