//! Text to be written later, in a language chosen later: a message of the
//! catalogue with its arguments, kept as data until it is rendered. The
//! library builds errors deep inside a computation, where no one knows the
//! session's language; it returns them as `Text`, and the command line
//! renders them in the language it was asked for.
//!
//! Invariant: rendering a `Text` in a language renders every nested `Text`
//! argument in the same language.

use super::catalog::{message, Arg};
use super::Lang;

/// A message of the catalogue with its arguments, or text that needs no
/// translation (a path, a formula, a number).
#[derive(Clone, Debug, PartialEq)]
pub enum Text {
    Message {
        id: &'static str,
        args: Vec<(&'static str, TextArg)>,
    },
    /// Written as it is in every language.
    Verbatim(String),
    /// Already written in each language, in the order of [`Lang::ALL`]:
    /// the words of a lower layer that renders its own messages (a parse
    /// error) carried to where the session's language is known.
    Rendered(Vec<String>),
}

/// An argument of a [`Text`].
#[derive(Clone, Debug, PartialEq)]
pub enum TextArg {
    /// Shown as it is.
    Verbatim(String),
    /// A whole number (thousands separators, plural forms).
    Count(u64),
    /// A message of its own, rendered in the same language.
    Text(Box<Text>),
}

impl Text {
    pub fn message(id: &'static str, args: Vec<(&'static str, TextArg)>) -> Text {
        Text::Message { id, args }
    }

    /// A text written now in every language by `write`.
    pub fn in_each_language(write: impl Fn(Lang) -> String) -> Text {
        Text::Rendered(Lang::ALL.into_iter().map(write).collect())
    }

    /// The text in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        match self {
            Text::Verbatim(text) => text.clone(),
            Text::Rendered(texts) => texts[lang.index()].clone(),
            Text::Message { id, args } => {
                let rendered: Vec<(&str, Arg)> = args
                    .iter()
                    .map(|(name, arg)| {
                        let arg = match arg {
                            TextArg::Verbatim(s) => Arg::text(s.clone()),
                            TextArg::Count(n) => Arg::count(*n),
                            TextArg::Text(t) => Arg::text(t.render(lang)),
                        };
                        (*name, arg)
                    })
                    .collect();
                message(lang, id, &rendered)
            }
        }
    }
}

impl From<String> for TextArg {
    fn from(s: String) -> TextArg {
        TextArg::Verbatim(s)
    }
}

impl From<&str> for TextArg {
    fn from(s: &str) -> TextArg {
        TextArg::Verbatim(s.to_string())
    }
}

impl From<&String> for TextArg {
    fn from(s: &String) -> TextArg {
        TextArg::Verbatim(s.clone())
    }
}

impl From<usize> for TextArg {
    fn from(n: usize) -> TextArg {
        TextArg::Count(n as u64)
    }
}

impl From<u64> for TextArg {
    fn from(n: u64) -> TextArg {
        TextArg::Count(n)
    }
}

impl From<Text> for TextArg {
    fn from(t: Text) -> TextArg {
        TextArg::Text(Box::new(t))
    }
}

/// A [`Text`] for later: `text!("id")` or `text!("id", name = value, …)`,
/// each value a string, a count or another `Text`.
#[macro_export]
macro_rules! text {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::Text::message(
            $id,
            vec![$((stringify!($name), $crate::i18n::TextArg::from($value))),*],
        )
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rendered_in_either_language() {
        let t = crate::text!("lang-name");
        assert_eq!(t.render(Lang::En), "English");
        assert_eq!(t.render(Lang::Ko), "한국어");
        assert_eq!(Text::Verbatim("x²".into()).render(Lang::Ko), "x²");
    }
}
