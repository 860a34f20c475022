//! The report of `stepgrad epochs`: epochs, batches and iterations worked
//! out from the number of samples, the batch size and the epochs, with the
//! last batch and the samples seen.

use super::doc::{self, cell, text, Block};
use super::train::json_count;
use super::{Format, Style};
use crate::msg;
use crate::number::format_thousands;
use crate::training::EpochArithmetic;
use serde_json::json;

/// The report of `stepgrad epochs`.
pub fn render_epochs(a: &EpochArithmetic, format: Format, style: &Style) -> String {
    if format == Format::Json {
        let value = json!({
            "samples": a.samples,
            "batch_size": a.batch_size,
            "epochs": a.epochs,
            "drop_last": a.drop_last,
            "iterations_per_epoch": a.iterations_per_epoch(),
            "last_batch": a.last_batch(),
            "dropped_per_epoch": if a.drop_last { a.remainder() } else { 0 },
            "total_iterations": json_count(a.total_iterations()),
            "samples_seen": json_count(a.samples_seen()),
        });
        return super::json::document(&value);
    }
    let n = |v: u128| format_thousands(v);
    let lang = style.lang;
    let big = |v: u128| u64::try_from(v).unwrap_or(u64::MAX);
    let full = a.full_batches();
    let mut steps = vec![msg!(lang, "epochs-one-epoch", samples = a.samples)];
    if a.remainder() == 0 {
        steps.push(msg!(
            lang,
            "epochs-exact",
            samples = a.samples,
            batch = a.batch_size,
            full = full,
            per_epoch = a.iterations_per_epoch()
        ));
    } else if a.drop_last {
        steps.push(msg!(
            lang,
            "epochs-dropped",
            samples = a.samples,
            batch = a.batch_size,
            full = full,
            left = a.remainder(),
            per_epoch = a.iterations_per_epoch(),
            used = a.samples_per_epoch()
        ));
    } else {
        steps.push(msg!(
            lang,
            "epochs-last-batch",
            samples = a.samples,
            batch = a.batch_size,
            full = full,
            left = a.remainder(),
            last = a.last_batch().to_string(),
            per_epoch = a.iterations_per_epoch()
        ));
    }
    steps.push(msg!(
        lang,
        "epochs-in-all",
        epochs = a.epochs,
        per_epoch = a.iterations_per_epoch(),
        total = n(a.total_iterations()),
        total_count = big(a.total_iterations())
    ));
    let each = if a.drop_last && a.remainder() > 0 {
        msg!(lang, "epochs-each-at-most", epochs = a.epochs)
    } else {
        msg!(lang, "epochs-each", epochs = a.epochs)
    };
    steps.push(msg!(
        lang,
        "epochs-seen",
        epochs = a.epochs,
        used = a.samples_per_epoch(),
        seen = n(a.samples_seen()),
        seen_count = big(a.samples_seen()),
        each = each
    ));
    steps.push(msg!(
        lang,
        "epochs-kind",
        batch = a.batch_size,
        kind = a.kind_in(lang)
    ));
    let label = |english: &str| cell(crate::i18n::header(lang, english).to_string());
    let rows = vec![
        vec![
            label("iterations per epoch"), // not prose: a header's English, the key of headers.ftl
            cell(n(a.iterations_per_epoch() as u128)),
        ],
        vec![
            label("size of the last batch"), // not prose: a header's English, the key of headers.ftl
            cell(n(a.last_batch() as u128)),
        ],
        vec![label("total iterations"), cell(n(a.total_iterations()))],
        vec![label("samples seen"), cell(n(a.samples_seen()))],
    ];
    let mut blocks = vec![Block::Heading {
        level: 1,
        text: vec![text(msg!(lang, "epochs-heading"))],
    }];
    blocks.extend(steps.into_iter().map(|s| Block::Paragraph(vec![text(s)])));
    blocks.push(Block::Table {
        header: vec![cell("quantity"), cell("value")],
        rows,
    });
    doc::render(&blocks, format, style)
}
