//! `--help` in the session's language: the clap definitions give the
//! structure (commands, options, their values and defaults), and every text
//! a person reads — what a command does, what an option means, the section
//! headings, "Usage" — comes from the message catalogue at run time
//! (locales/*/help.ftl).
//!
//! Message ids: `help-stepgrad` for the program, `help-stepgrad-diff` for a
//! command, `help-stepgrad-diff--wrt` for an option or argument of it
//! (global options under the program: `help-stepgrad--format`).
//!
//! Invariant: every command and argument clap knows has its message in
//! both languages (a test walks the definition), so help never mixes
//! languages.

use super::Cli;
use crate::i18n::{has_message, message, Arg, Lang};
use clap::CommandFactory;

/// The command-line definition with its texts in `lang`, wrapped to
/// `width` columns.
pub fn command(lang: Lang, width: usize) -> clap::Command {
    let root = Cli::command()
        .long_about(text(lang, "help-stepgrad-long"))
        .after_help(text(lang, "help-stepgrad-examples"))
        .term_width(width)
        .max_term_width(width);
    localize(root, lang, "stepgrad")
}

/// The message `id` in `lang`.
fn text(lang: Lang, id: &str) -> String {
    message(lang, id, &[])
}

/// Every id the definition needs, for the test that both languages hold
/// them.
pub fn message_ids() -> Vec<String> {
    let mut ids = vec![
        "help-stepgrad-long".to_string(),
        "help-stepgrad-examples".to_string(),
        "help-usage".to_string(),
        "help-heading-arguments".to_string(),
        "help-heading-options".to_string(),
        "help-heading-commands".to_string(),
        "help-flag-help".to_string(),
        "help-flag-version".to_string(),
        "help-values".to_string(),
        "help-default".to_string(),
    ];
    collect_ids(&Cli::command(), "stepgrad", &mut ids);
    ids
}

fn collect_ids(command: &clap::Command, path: &str, ids: &mut Vec<String>) {
    ids.push(format!("help-{path}"));
    for arg in own_arguments(command, path) {
        ids.push(format!("help-{path}--{}", arg.get_id()));
    }
    for sub in command.get_subcommands() {
        collect_ids(sub, &format!("{path}-{}", sub.get_name()), ids);
    }
}

/// The arguments a command defines itself (global options are defined,
/// and translated, once at the top).
fn own_arguments<'c>(
    command: &'c clap::Command,
    path: &str,
) -> impl Iterator<Item = &'c clap::Arg> + 'c {
    let top = path == "stepgrad";
    command
        .get_arguments()
        .filter(move |a| top || !a.is_global_set())
        .filter(|a| !matches!(a.get_id().as_str(), "help" | "version"))
}

/// `command` with its texts in `lang`; `path` names it in message ids.
fn localize(command: clap::Command, lang: Lang, path: &str) -> clap::Command {
    let mut command = localized_arguments(framed(command, lang, path), lang, path);
    let subcommands: Vec<String> = command
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in subcommands {
        let sub_path = format!("{path}-{name}");
        command = command.mut_subcommand(&name, |s| localize(s, lang, &sub_path));
    }
    command
}

/// `command`'s about, usage template, headings and help flag (and at the
/// top the version flag) in `lang`.
fn framed(command: clap::Command, lang: Lang, path: &str) -> clap::Command {
    let id = format!("help-{path}");
    let command = command
        .about(text(lang, &id))
        .help_template(format!(
            "{{about-with-newline}}\n{}: {{usage}}\n\n{{all-args}}{{after-help}}",
            text(lang, "help-usage")
        ))
        .subcommand_help_heading(text(lang, "help-heading-commands"))
        .disable_help_subcommand(true)
        .disable_help_flag(true)
        .disable_version_flag(true)
        .arg(
            clap::Arg::new("help")
                .short('h')
                .long("help")
                .action(clap::ArgAction::Help)
                .help(text(lang, "help-flag-help"))
                .help_heading(text(lang, "help-heading-options")),
        );
    if path != "stepgrad" {
        return command;
    }
    command.arg(
        clap::Arg::new("version")
            .short('V')
            .long("version")
            .action(clap::ArgAction::Version)
            .help(text(lang, "help-flag-version"))
            .help_heading(text(lang, "help-heading-options")),
    )
}

/// `command`'s own arguments with their help and headings in `lang`.
fn localized_arguments(mut command: clap::Command, lang: Lang, path: &str) -> clap::Command {
    let args: Vec<(String, String, bool)> = own_arguments(&command, path)
        .map(|a| {
            let takes_value = a.get_action().takes_values();
            (
                a.get_id().to_string(),
                argument_help(lang, path, a),
                takes_value,
            )
        })
        .collect();
    for (arg, help, takes_value) in args {
        let heading_id = if command
            .get_arguments()
            .any(|a| a.get_id() == arg.as_str() && a.is_positional())
        {
            "help-heading-arguments"
        } else {
            "help-heading-options"
        };
        let heading = text(lang, heading_id);
        command = command.mut_arg(&arg, |a| {
            let a = a.help(help).help_heading(heading);
            if takes_value {
                a.hide_possible_values(true).hide_default_value(true)
            } else {
                a
            }
        });
    }
    command
}

/// An argument's help: its message, then its possible values and its
/// default, in `lang`.
fn argument_help(lang: Lang, path: &str, arg: &clap::Arg) -> String {
    let id = format!("help-{path}--{}", arg.get_id());
    let mut help = if has_message(lang, &id) || has_message(Lang::En, &id) {
        text(lang, &id)
    } else {
        arg.get_help().map(|h| h.to_string()).unwrap_or_default()
    };
    let takes_value = arg.get_action().takes_values();
    let values: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_string())
        .collect();
    if takes_value && !values.is_empty() {
        help.push(' ');
        help.push_str(&message(
            lang,
            "help-values",
            &[("values", Arg::text(values.join(", ")))],
        ));
    }
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|d| d.to_string_lossy().into_owned())
        .collect();
    if takes_value && !defaults.is_empty() {
        help.push(' ');
        help.push_str(&message(
            lang,
            "help-default",
            &[("value", Arg::text(defaults.join(", ")))],
        ));
    }
    help
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_of_the_definition_is_in_the_catalogue() {
        for id in message_ids() {
            for lang in [Lang::En, Lang::Ko] {
                assert!(has_message(lang, &id), "{id} is missing in {}", lang.code());
            }
        }
    }

    #[test]
    fn the_localized_definition_is_consistent() {
        command(Lang::Ko, 80).debug_assert();
        command(Lang::En, 80).debug_assert();
    }
}
