//! The languages stepgrad speaks: English and Korean.
//!
//! `catalog` holds every message in both languages (Project Fluent files
//! under locales/), `particles` chooses Korean particles by the word they
//! follow. `Lang::from_env` reads the locale: LC_ALL, then LC_MESSAGES,
//! then LANG; a value starting with `ko` means Korean.
//!
//! Invariant: `header` returns its input unchanged for English and for any
//! header the catalogue has no `header-…` message for (variable names,
//! symbols, math).

mod catalog;
mod particles;
mod text;

use std::sync::OnceLock;

pub use catalog::{has_message, message, Arg, ENGLISH, KOREAN};
pub use particles::{particle, with_particle};
pub use text::{Text, TextArg};

/// A language of lessons and table headers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    En,
    Ko,
}

impl Lang {
    pub const CODES: [&'static str; 2] = ["en", "ko"];
    /// Every language, in the order of [`Lang::CODES`].
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Ko];

    /// This language's place in [`Lang::ALL`].
    pub fn index(self) -> usize {
        match self {
            Lang::En => 0,
            Lang::Ko => 1,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ko => "ko",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "en" => Some(Lang::En),
            "ko" => Some(Lang::Ko),
            _ => None,
        }
    }

    /// The language of the locale: the first of LC_ALL, LC_MESSAGES and
    /// LANG that is set and not empty; `ko…` is Korean, anything else
    /// English.
    pub fn from_env() -> Lang {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|name| std::env::var(name).ok())
            .find(|value| !value.is_empty());
        Lang::from_locale(locale.as_deref())
    }

    /// The language of a locale string such as `ko_KR.UTF-8`.
    pub fn from_locale(locale: Option<&str>) -> Lang {
        match locale {
            Some(l) if l.to_ascii_lowercase().starts_with("ko") => Lang::Ko,
            _ => Lang::En,
        }
    }
}

/// A table's column header in `lang`: the catalogue's `header-…` message
/// whose English is `english`, or `english` itself when there is none.
pub fn header(lang: Lang, english: &str) -> &str {
    if lang == Lang::En {
        return english;
    }
    headers(lang)
        .iter()
        .find(|(en, _)| en == english)
        .map_or(english, |(_, translated)| translated.as_str())
}

/// Every header of the catalogue: its English and its text in `lang`.
fn headers(lang: Lang) -> &'static [(String, String)] {
    static ENGLISH_HEADERS: OnceLock<Vec<(String, String)>> = OnceLock::new();
    static KOREAN_HEADERS: OnceLock<Vec<(String, String)>> = OnceLock::new();
    let table = match lang {
        Lang::En => &ENGLISH_HEADERS,
        Lang::Ko => &KOREAN_HEADERS,
    };
    table.get_or_init(|| {
        header_messages()
            .map(|(id, english)| (english.to_string(), message(lang, id, &[])))
            .collect()
    })
}

/// The header messages' ids and English texts, as the English catalogue
/// writes them (`header-epoch = epoch`, one a line).
fn header_messages() -> impl Iterator<Item = (&'static str, &'static str)> {
    ENGLISH.lines().filter_map(|line| {
        let (id, text) = line.split_once(" = ")?;
        id.starts_with("header-").then_some((id, text))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locales() {
        assert_eq!(Lang::from_locale(Some("ko_KR.UTF-8")), Lang::Ko);
        assert_eq!(Lang::from_locale(Some("ko")), Lang::Ko);
        assert_eq!(Lang::from_locale(Some("en_US.UTF-8")), Lang::En);
        assert_eq!(Lang::from_locale(Some("C.UTF-8")), Lang::En);
        assert_eq!(Lang::from_locale(None), Lang::En);
    }

    #[test]
    fn headers() {
        assert_eq!(header(Lang::Ko, "epoch"), "에포크");
        assert_eq!(header(Lang::En, "epoch"), "epoch");
        assert_eq!(header(Lang::Ko, "w1"), "w1");
        assert_eq!(header(Lang::Ko, "your answer"), "내 답");
        assert_eq!(
            header(Lang::Ko, "evaluations f / ∇f / H"),
            "계산 횟수 f / ∇f / H"
        );
        let mut seen = std::collections::HashSet::new();
        let all: Vec<_> = header_messages().collect();
        assert!(all.len() > 30, "{} headers", all.len());
        for (id, english) in all {
            assert!(seen.insert(english), "{english} twice");
            assert_eq!(message(Lang::En, id, &[]), english);
        }
    }
}
