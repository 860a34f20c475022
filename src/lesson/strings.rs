//! The words of the list of lessons, for the command line that prints it:
//! the catalogue's `lesson-list-…` messages in one language, looked up once
//! and kept for the run. Every other word the runner says is a message of
//! the catalogue looked up where it is said (`msg!`).

use crate::i18n::Lang;
use crate::msg;
use std::sync::OnceLock;

/// The list's phrases in one language.
pub struct Strings {
    pub list_title: &'static str,
    pub list_intro: &'static str,
    pub list_start: &'static str,
    pub list_other_language: &'static str,
    pub list_own_file: &'static str,
}

type Phrases = [String; 5];

fn phrases(lang: Lang) -> Phrases {
    [
        msg!(lang, "lesson-list-title"),
        msg!(lang, "lesson-list-intro"),
        msg!(lang, "lesson-list-start"),
        msg!(lang, "lesson-list-other-language"),
        msg!(lang, "lesson-list-own-file"),
    ]
}

fn strings_of(phrases: &'static Phrases) -> Strings {
    let [title, intro, start, other_language, own_file] = phrases;
    Strings {
        list_title: title,
        list_intro: intro,
        list_start: start,
        list_other_language: other_language,
        list_own_file: own_file,
    }
}

/// The list's phrases in `lang`.
pub fn strings(lang: Lang) -> &'static Strings {
    static ENGLISH: OnceLock<Phrases> = OnceLock::new();
    static KOREAN: OnceLock<Phrases> = OnceLock::new();
    static ENGLISH_STRINGS: OnceLock<Strings> = OnceLock::new();
    static KOREAN_STRINGS: OnceLock<Strings> = OnceLock::new();
    match lang {
        Lang::En => {
            ENGLISH_STRINGS.get_or_init(|| strings_of(ENGLISH.get_or_init(|| phrases(Lang::En))))
        }
        Lang::Ko => {
            KOREAN_STRINGS.get_or_init(|| strings_of(KOREAN.get_or_init(|| phrases(Lang::Ko))))
        }
    }
}
