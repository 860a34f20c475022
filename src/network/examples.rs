//! The example networks built into the binary (the files of examples/),
//! and finding a spec by path or by example name.

use super::spec::{parse_spec, Spec};
use crate::expr::closest_name;
use crate::Error;
use std::path::Path;

const EXAMPLES: [(&str, &str); 3] = [
    ("mazur", include_str!("../../examples/mazur.toml")),
    ("xor", include_str!("../../examples/xor.toml")),
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
        let text = crate::text_file::read(path).map_err(|failure| Error::Io {
            path: argument.to_string(),
            message: failure.to_string(),
        })?;
        return parse_spec(&text, argument, path.parent());
    }
    if let Some(text) = example(argument) {
        return parse_spec(text, &format!("examples/{argument}.toml"), None);
    }
    let names = example_names();
    let close = closest_name(argument, names.iter().copied());
    let hint = match close {
        Some(n) => format!(
            "did you mean {n}? The built-in examples are {}",
            names.join(", ")
        ),
        None => format!(
            "give the path of a .toml spec, or one of the built-in examples: {}",
            names.join(", ")
        ),
    };
    Err(Error::usage(
        format!("there is no spec file or built-in example named '{argument}'"),
        hint,
    ))
}
