//! The toml crate's mistakes told in the catalogue's words. The crate
//! reports what it could not read as English text only — "unclosed array,
//! expected `]`", "invalid type: integer `3`, expected a string", "unknown
//! field `lrr`, expected one of `lr`, `optimizer`, …" — so a network spec or
//! a lesson file read in Korean would show English there. `explain` takes
//! that text apart into what went wrong, what was found and what was
//! expected, and gives each part a message of the catalogue (`toml-…`).
//!
//! Invariant: the English rendering of what `explain` returns is the
//! crate's message exactly, character for character; a message it cannot
//! take apart, or whose English it would not reproduce, is passed on as it
//! is (then in English in every language).

use crate::i18n::{Lang, Text};
use crate::text;

/// What the crate's parser says went wrong, and the message that tells it.
// not prose: begin — the toml crate's words, matched to the catalogue's
const PROBLEMS: &[(&str, &str)] = &[
    ("duplicate key", "toml-duplicate-key"),
    (
        "extra assignment between key-value pairs",
        "toml-extra-assignment",
    ),
    ("extra comma in array", "toml-extra-comma-array"),
    ("extra comma in inline table", "toml-extra-comma-table"),
    ("invalid basic string", "toml-invalid-basic-string"),
    ("invalid boolean", "toml-invalid-boolean"),
    ("invalid float", "toml-invalid-float"),
    ("invalid integer number", "toml-invalid-integer"),
    ("invalid key", "toml-invalid-key"),
    ("invalid key-value pair", "toml-invalid-key-value"),
    ("invalid literal string", "toml-invalid-literal-string"),
    (
        "invalid multi-line basic string",
        "toml-invalid-basic-string",
    ),
    (
        "invalid multi-line literal string",
        "toml-invalid-literal-string",
    ),
    ("invalid string", "toml-invalid-string"),
    ("invalid table", "toml-invalid-table"),
    ("invalid unquoted key", "toml-invalid-unquoted-key"),
    ("key with no value", "toml-key-without-value"),
    (
        "missing assignment between key-value pairs",
        "toml-missing-assignment",
    ),
    (
        "missing comma between array elements",
        "toml-missing-comma-array",
    ),
    (
        "missing comma between key-value pairs",
        "toml-missing-comma-table",
    ),
    ("missing value", "toml-missing-value"),
    ("missing value for key", "toml-missing-value"),
    ("string values must be quoted", "toml-unquoted-string"),
    ("unclosed array", "toml-unclosed-array"),
    ("unclosed array table", "toml-unclosed-array-table"),
    ("unclosed inline table", "toml-unclosed-inline-table"),
    ("unclosed table", "toml-unclosed-table"),
    ("unexpected content", "toml-unexpected-content"),
    ("unexpected key or value", "toml-unexpected-content"),
];
// not prose: end

/// What the parser may say it expected, besides literal tokens.
const EXPECTED: &[(&str, &str)] = &[
    ("basic string", "toml-expected-basic-string"),
    ("characters", "toml-expected-characters"),
    ("digits", "toml-expected-digits"),
    ("key", "toml-expected-key"),
    ("letters", "toml-expected-letters"),
    ("literal string", "toml-expected-literal-string"),
    ("newline", "toml-expected-newline"),
    ("numbers", "toml-expected-numbers"),
    ("value", "toml-expected-value"),
];

/// The kinds of value serde names, found or expected.
const KINDS: &[(&str, &str)] = &[
    ("a boolean", "toml-kind-boolean"),
    ("a sequence", "toml-kind-list"),
    ("a string", "toml-kind-string"),
    ("f64", "toml-kind-number"),
    ("i64", "toml-kind-whole-number"),
    ("map", "toml-kind-table"),
    ("sequence", "toml-kind-list"),
];

/// What was found where another kind of value belongs, with its value.
const FOUND: &[(&str, &str)] = &[
    ("boolean ", "toml-found-boolean"),
    ("floating point ", "toml-found-float"),
    ("integer ", "toml-found-integer"),
    ("string ", "toml-found-string"),
];

/// The crate's `message` in the catalogue's words.
pub fn explain(message: &str) -> Text {
    let told = take_apart(message);
    match told {
        Some(text) if text.render(Lang::En) == message => text,
        _ => Text::Verbatim(message.to_string()),
    }
}

fn take_apart(message: &str) -> Option<Text> {
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let (field, expected) = rest.split_once("`, expected one of ")?; // not prose: serde's words, matched
        return Some(text!(
            "toml-unknown-field",
            field = field,
            expected = expected
        ));
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        let field = rest.strip_suffix('`')?;
        return Some(text!("toml-missing-field", field = field));
    }
    for (prefix, id) in [
        ("invalid type: ", "toml-invalid-type"),
        ("invalid value: ", "toml-invalid-value"),
    ] {
        if let Some(rest) = message.strip_prefix(prefix) {
            let (found, wanted) = rest.split_once(", expected ")?;
            let args = vec![
                ("found", found_value(found).into()),
                ("wanted", kind(wanted).into()),
            ];
            return Some(Text::message(id, args));
        }
    }
    let (problem, expected) = match message.split_once(", expected ") {
        Some((problem, expected)) => (problem, Some(expected)),
        None => (message, None),
    };
    let problem = known(PROBLEMS, problem)?;
    let Some(expected) = expected else {
        return Some(problem);
    };
    let items: Vec<&str> = expected.split(", ").collect();
    let listed = items
        .iter()
        .map(|item| expected_item(item))
        .collect::<Option<Vec<Text>>>()?;
    let expected = join(listed);
    Some(if items.len() == 1 {
        text!("toml-expected-one", problem = problem, expected = expected)
    } else {
        text!("toml-expected-any", problem = problem, expected = expected)
    })
}

fn known(table: &[(&str, &'static str)], english: &str) -> Option<Text> {
    table
        .iter()
        .find(|(words, _)| *words == english)
        .map(|(_, id)| Text::message(id, Vec::new()))
}

/// A token in backticks as it is; a description in words.
fn expected_item(item: &str) -> Option<Text> {
    if item.starts_with('`') || item.starts_with('\'') {
        return Some(Text::Verbatim(item.to_string()));
    }
    known(EXPECTED, item)
}

/// Items separated by ", ", as the crate lists them.
fn join(items: Vec<Text>) -> Text {
    let mut items = items.into_iter();
    let first = items.next().unwrap_or(Text::Verbatim(String::new()));
    items.fold(first, |list, item| {
        text!("toml-list", list = list, item = item)
    })
}

fn kind(words: &str) -> Text {
    known(KINDS, words).unwrap_or_else(|| Text::Verbatim(words.to_string()))
}

/// "integer `3`", "string \"x\"", "sequence": the kind found, with its
/// value when serde shows one.
fn found_value(words: &str) -> Text {
    for (prefix, id) in FOUND {
        if let Some(value) = words.strip_prefix(prefix) {
            return Text::message(id, vec![("value", value.into())]);
        }
    }
    kind(words)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_is_the_crate_s_own_text() {
        let messages = [
            "unclosed array, expected `]`",
            "string values must be quoted, expected literal string",
            "key with no value, expected `=`",
            "invalid basic string, expected `\"`",
            "missing comma between array elements, expected `,`, `]`",
            "duplicate key",
            "invalid type: integer `3`, expected a string",
            "invalid type: string \"x\", expected f64",
            "missing field `file`",
            "unknown field `fil`, expected one of `file`, `targets`, `label`",
            "something new, expected a miracle",
        ];
        for message in messages {
            assert_eq!(explain(message).render(Lang::En), message);
        }
    }

    #[test]
    fn korean_tells_the_parts() {
        let cases = [
            (
                "unclosed array, expected `]`",
                "배열이 닫히지 않았습니다. 이 자리에는 `]`가 와야 합니다",
            ),
            (
                "string values must be quoted, expected literal string",
                "문자열 값은 따옴표로 감싸야 합니다. 이 자리에는 작은따옴표 문자열이 와야 합니다",
            ),
            (
                "missing comma between array elements, expected `,`, `]`",
                "배열의 원소 사이에 쉼표가 없습니다. 이 자리에는 `,`, `]` 중 하나가 와야 합니다",
            ),
            (
                "invalid type: integer `3`, expected a string",
                "값의 종류가 맞지 않습니다: 문자열이 와야 하는데 정수 `3`이 있습니다",
            ),
            ("missing field `file`", "`file` 키가 없습니다"),
        ];
        for (message, korean) in cases {
            assert_eq!(explain(message).render(Lang::Ko), korean);
        }
    }
}
