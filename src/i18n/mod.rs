//! The languages stepgrad speaks: English and Korean.
//!
//! `catalog` holds every message in both languages (Project Fluent files
//! under locales/), `particles` chooses Korean particles by the word they
//! follow. `Lang::from_env` reads the locale: LC_ALL, then LC_MESSAGES,
//! then LANG; a value starting with `ko` means Korean.
//!
//! Invariant: `header` returns its input unchanged for English and for any
//! header it has no translation of (variable names, symbols, math).

mod catalog;
mod particles;
mod text;

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

/// Column headers of the commands' tables in Korean.
const KOREAN_HEADERS: &[(&str, &str)] = &[
    ("accuracy", "정확도"),
    ("after", "갱신 후"),
    ("batch size", "배치 크기"),
    ("before", "갱신 전"),
    ("derivative", "도함수"),
    ("epoch", "에포크"),
    ("evaluations f / ∇f / H", "계산 횟수 f / ∇f / H"),
    ("final f", "최종 f"),
    ("final loss", "최종 손실"),
    ("final point", "최종 위치"),
    ("iterations", "이터레이션"),
    ("iterations per epoch", "에포크당 이터레이션"),
    ("kind", "종류"),
    ("loss", "손실"),
    ("net value", "net 값"),
    ("neuron", "뉴런"),
    ("node", "노드"),
    ("operation", "연산"),
    ("optimizer", "옵티마이저"),
    ("parameter", "파라미터"),
    ("quantity", "항목"),
    ("sample", "샘플"),
    ("samples seen", "사용한 샘플 수"),
    ("size of the last batch", "마지막 배치 크기"),
    ("spread of batch losses", "배치 손실의 표준편차"),
    ("step", "스텝"),
    ("steps", "스텝 수"),
    ("stopped", "멈춘 이유"),
    ("time", "시간"),
    ("total iterations", "전체 이터레이션"),
    ("update", "갱신량"),
    ("val accuracy", "검증 정확도"),
    ("val loss", "검증 손실"),
    ("value", "값"),
    ("your answer", "내 답"),
];

/// A table's column header in `lang`.
pub fn header(lang: Lang, english: &str) -> &str {
    match lang {
        Lang::En => english,
        Lang::Ko => KOREAN_HEADERS
            .iter()
            .find(|(en, _)| *en == english)
            .map_or(english, |(_, ko)| ko),
    }
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
        let mut seen = std::collections::HashSet::new();
        for (en, _) in KOREAN_HEADERS {
            assert!(seen.insert(en), "{en} twice");
        }
    }
}
