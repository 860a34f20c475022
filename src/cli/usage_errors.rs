//! Mistakes in the command line itself — an unknown option, a missing
//! value, a value outside its choices — as clap finds them, told in the
//! session's language. English keeps clap's own wording; Korean is built
//! from the same facts (the argument, the value, the choices, the
//! suggestion, the usage line) with messages from the catalogue.
//!
//! Invariant: every kind of clap error is rendered in the session's
//! language; a kind with no message of its own gets the general one, with
//! the facts clap gives.

use crate::i18n::{message, Arg, Lang};
use clap::error::{ContextKind, ContextValue, ErrorKind};

/// The message for a clap `error`, as stderr shows it.
pub fn render(error: &clap::Error, lang: Lang) -> String {
    if lang == Lang::En {
        return error.render().to_string();
    }
    let get = |kind: ContextKind| context(error, kind);
    let arg = get(ContextKind::InvalidArg).unwrap_or_default();
    let value = get(ContextKind::InvalidValue)
        .or_else(|| get(ContextKind::InvalidSubcommand))
        .unwrap_or_default();
    let id = message_id(error, value.is_empty());
    let prior = get(ContextKind::PriorArg).unwrap_or_default();
    let mut out = message(
        lang,
        id,
        &[
            ("arg", Arg::text(arg)),
            ("value", Arg::text(value)),
            ("other", Arg::text(prior)),
        ],
    );
    out.insert_str(0, &message(lang, "error-prefix", &[]));
    out.push('\n');
    out.push_str(&details(error, lang));
    out.push_str(&format!("\n{}\n", message(lang, "usage-more", &[])));
    out
}

/// The catalogue message for the kind of `error` (`no_value`: the value
/// it is about is missing).
fn message_id(error: &clap::Error, no_value: bool) -> &'static str {
    match error.kind() {
        ErrorKind::UnknownArgument => "usage-unknown-argument",
        ErrorKind::InvalidSubcommand => "usage-unknown-command",
        ErrorKind::InvalidValue if no_value => "usage-missing-value",
        ErrorKind::InvalidValue => "usage-invalid-value",
        ErrorKind::ValueValidation => "usage-invalid-value",
        ErrorKind::MissingRequiredArgument => "usage-missing-required",
        ErrorKind::ArgumentConflict if repeated(error) => "usage-repeated",
        ErrorKind::ArgumentConflict => "usage-conflict",
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues => {
            "usage-number-of-values"
        }
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            "usage-missing-command"
        }
        ErrorKind::NoEquals => "usage-no-equals",
        ErrorKind::InvalidUtf8 => "usage-not-utf8",
        _ => "usage-general",
    }
}

/// The lines after the message: why a value was refused, the values
/// allowed, a suggestion, and the usage line.
fn details(error: &clap::Error, lang: Lang) -> String {
    let get = |kind: ContextKind| context(error, kind);
    let mut out = String::new();
    if let Some(reason) = validation_reason(error, lang) {
        out.push_str(&format!("  {reason}\n"));
    }
    if let Some(valid) = get(ContextKind::ValidValue).filter(|v| !v.is_empty()) {
        out.push_str(&format!(
            "  {}\n",
            message(lang, "help-values", &[("values", Arg::text(valid))])
        ));
    }
    let suggestion = get(ContextKind::SuggestedSubcommand)
        .or_else(|| get(ContextKind::SuggestedArg))
        .or_else(|| get(ContextKind::SuggestedValue));
    if let Some(suggestion) = suggestion {
        out.push_str(&format!(
            "\n  {}\n",
            message(
                lang,
                "usage-did-you-mean",
                &[("suggestion", Arg::text(suggestion))]
            )
        ));
    }
    if let Some(usage) = get(ContextKind::Usage) {
        let usage = usage.trim_start_matches("Usage:").trim();
        out.push_str(&format!(
            "\n{}: {usage}\n",
            message(lang, "help-usage", &[])
        ));
    }
    out
}

/// A conflict of an argument with itself: it was given twice.
fn repeated(error: &clap::Error) -> bool {
    let arg = context(error, ContextKind::InvalidArg);
    arg.is_some() && arg == context(error, ContextKind::PriorArg)
}

/// A context value as text (lists joined by ", ").
fn context(error: &clap::Error, kind: ContextKind) -> Option<String> {
    match error.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(list) => Some(list.join(", ")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::StyledStrs(list) => Some(
            list.iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>()
                .join(", "),
        ),
        ContextValue::Number(n) => Some(n.to_string()),
        ContextValue::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// Why a value was refused, when a value parser said so: the reasons the
/// standard parsers give, in `lang`; stepgrad's own parsers' reasons are
/// already in the session's language.
fn validation_reason(error: &clap::Error, lang: Lang) -> Option<String> {
    use std::error::Error as _;
    if error.kind() != ErrorKind::ValueValidation {
        return None;
    }
    let cause = error.source()?;
    if let Some(refused) = cause.downcast_ref::<super::inputs::ValueRefused>() {
        return Some(refused.0.render(lang));
    }
    let source = cause.to_string();
    let id = if source.contains("invalid digit") || source.contains("invalid float") {
        "usage-reason-not-a-number"
    } else if source.contains("too large") || source.contains("too small") {
        "usage-reason-out-of-range"
    }
    // not prose: clap's words, matched
    else if let Some((_, range)) = source.split_once(" is not in ") {
        return Some(message(
            lang,
            "usage-reason-not-in-range",
            &[("range", Arg::text(range.to_string()))],
        ));
    } else {
        return Some(source);
    };
    Some(message(lang, id, &[]))
}
