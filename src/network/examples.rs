//! The example networks built into the binary (the files of examples/),
//! and finding a spec by path or by example name.

use super::spec::{parse_spec, Spec};
use crate::expr::closest_name;
use crate::{text, Error};
use std::path::Path;

const EXAMPLES: [(&str, &str); 4] = [
    ("mazur", include_str!("../../examples/mazur.toml")),
    ("xor", include_str!("../../examples/xor.toml")),
    ("xor-equal", include_str!("../../examples/xor-equal.toml")),
    ("softmax3", include_str!("../../examples/softmax3.toml")),
];

/// The names of the built-in examples.
pub fn example_names() -> Vec<&'static str> {
    EXAMPLES.iter().map(|(name, _)| *name).collect()
}

/// The TOML text of a built-in example.
pub fn example(name: &str) -> Option<&'static str> {
    EXAMPLES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, text)| *text)
}

/// A spec from a file path, or else from a built-in example's name.
pub fn load_spec(argument: &str) -> Result<Spec, Error> {
    let path = Path::new(argument);
    if path.is_file() {
        let text = crate::text_file::read(path).map_err(|failure| Error::Told {
            message: text!(
                "spec-file-unreadable",
                path = argument,
                reason = failure.text()
            ),
            hint: None,
            location: None,
            code: 2,
        })?;
        return parse_spec(&text, argument, path.parent());
    }
    if let Some(text) = example(argument) {
        return parse_spec(text, &format!("examples/{argument}.toml"), None);
    }
    let names = example_names();
    let listed = names.join(", ");
    let hint = match closest_name(argument, names.iter().copied()) {
        Some(meant) => text!("spec-did-you-mean-example", meant = meant, names = listed),
        None => text!("spec-give-a-spec", names = listed),
    };
    Err(Error::told(
        text!("spec-no-such-spec", name = argument),
        hint,
    ))
}
