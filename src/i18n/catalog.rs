//! The message catalogue: every word stepgrad prints, in English and
//! Korean, as Project Fluent messages (`locales/en/*.ftl` and
//! `locales/ko/*.ftl`, side by side, built into the binary by build.rs).
//!
//! A message is looked up by its id with named arguments:
//! `message(Lang::Ko, "check-wrong", &[("answer", Arg::text("cos(3·x)"))])`,
//! or with the [`msg!`](crate::msg) macro. Arguments are text stepgrad has
//! already formatted (numbers with their significant digits, formulas as
//! printed) or counts, which Fluent's plural rules read ("1 epoch", "3
//! epochs"). Korean messages choose particles by the word before them with
//! the function `PARTICLE`, which gives the particle alone, written right
//! after the word: `{ $name }{ PARTICLE($name, "을/를") }` gives "exp(x)를",
//! "레슨 2를", "−2가" (see `particles`).
//!
//! A run prints a few dozen of the catalogue's messages at most, so the
//! catalogue is not parsed whole: its text is cut into entries (an entry
//! starts at a line that begins with a letter or `#`; indented lines,
//! blank lines and a closing `}` continue it, as Fluent reads them), and
//! each message is parsed the first time it is asked for. No message
//! refers to another or to a term, so each entry stands alone.
//!
//! Invariant: every id exists in both languages with the same arguments
//! (tests/catalog_messages.rs), so a lookup never falls back in a
//! finished build; if one did, the English text, then the id itself, is
//! returned rather than nothing.

use super::particles::particle;
use super::Lang;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::ops::Range;
use std::sync::{Mutex, OnceLock};

/// The English catalogue, all files in name order.
pub const ENGLISH: &str = include_str!(concat!(env!("OUT_DIR"), "/en.ftl"));
/// The Korean catalogue, all files in name order.
pub const KOREAN: &str = include_str!(concat!(env!("OUT_DIR"), "/ko.ftl"));

/// An argument of a message.
#[derive(Clone, Debug, PartialEq)]
pub enum Arg<'a> {
    /// Text shown as it is.
    Text(Cow<'a, str>),
    /// A whole number: shown with thousands separators (1,000), and read
    /// by plural forms ("1 epoch", "3 epochs").
    Count(u64),
}

impl<'a> Arg<'a> {
    pub fn text(text: impl Into<Cow<'a, str>>) -> Arg<'a> {
        Arg::Text(text.into())
    }

    /// A count shown with thousands separators (1,000).
    pub fn count(n: u64) -> Arg<'a> {
        Arg::Count(n)
    }
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Arg<'a> {
        Arg::Text(Cow::Borrowed(s))
    }
}

impl From<String> for Arg<'_> {
    fn from(s: String) -> Self {
        Arg::Text(Cow::Owned(s))
    }
}

impl From<&String> for Arg<'_> {
    fn from(s: &String) -> Self {
        Arg::Text(Cow::Owned(s.clone()))
    }
}

impl From<usize> for Arg<'_> {
    fn from(n: usize) -> Self {
        Arg::count(n as u64)
    }
}

impl From<u64> for Arg<'_> {
    fn from(n: u64) -> Self {
        Arg::count(n)
    }
}

type Bundle = FluentBundle<FluentResource>;

/// One language's catalogue: where each message's entry is in its text,
/// and the bundle of the messages parsed so far.
struct Catalogue {
    text: &'static str,
    entries: FxHashMap<&'static str, Range<usize>>,
    bundle: Mutex<Bundle>,
}

fn catalogue(lang: Lang) -> &'static Catalogue {
    static ENGLISH_CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
    static KOREAN_CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
    let made = |text: &'static str| Catalogue {
        text,
        entries: entries(text),
        bundle: Mutex::new(build(lang, "")),
    };
    match lang {
        Lang::En => ENGLISH_CATALOGUE.get_or_init(|| made(ENGLISH)),
        Lang::Ko => KOREAN_CATALOGUE.get_or_init(|| made(KOREAN)),
    }
}

/// Each message's id and the byte range of its entry in `text`.
fn entries(text: &'static str) -> FxHashMap<&'static str, Range<usize>> {
    let mut entries = FxHashMap::default();
    let mut open: Option<(&'static str, usize)> = None;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let starts_entry = line.starts_with(|c: char| c.is_ascii_alphabetic() || c == '#');
        if starts_entry {
            if let Some((id, start)) = open.take() {
                entries.insert(id, start..offset);
            }
            if !line.starts_with('#') {
                let id = line.split(|c: char| c == '=' || c.is_whitespace()).next();
                open = id.map(|id| (id, offset));
            }
        }
        offset += line.len();
    }
    if let Some((id, start)) = open {
        entries.insert(id, start..offset);
    }
    entries
}

impl Catalogue {
    /// The message `id` formatted with `args`, its entry parsed into the
    /// bundle the first time.
    fn format(&self, id: &str, args: &[(&str, Arg)]) -> Option<String> {
        let range = self.entries.get(id)?;
        // A poisoned lock still holds a usable bundle: messages are only added.
        let mut bundle = self.bundle.lock().unwrap_or_else(|e| e.into_inner());
        if !bundle.has_message(id) {
            let entry = self.text[range.clone()].to_string();
            // invariant: the catalogue's syntax is checked by tests/catalog_messages.rs
            let resource = FluentResource::try_new(entry).unwrap_or_else(|(res, _)| res);
            let _ = bundle.add_resource(resource);
        }
        format_with(&bundle, id, args)
    }
}

fn build(lang: Lang, text: &str) -> Bundle {
    // invariant: the catalogue's syntax is checked by tests/catalog_messages.rs
    let resource = FluentResource::try_new(text.to_string()).unwrap_or_else(|(res, _)| res);
    let id: unic_langid::LanguageIdentifier = lang.code().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Text goes to terminals, Markdown and LaTeX: no bidirectional marks.
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(format_value));
    let _ = bundle.add_function("PARTICLE", |positional, _named| {
        match (positional.first(), positional.get(1)) {
            (Some(word), Some(FluentValue::String(pair))) => {
                let word = match word {
                    FluentValue::String(s) => s.to_string(),
                    FluentValue::Number(n) => n.as_string().to_string(),
                    _ => String::new(),
                };
                FluentValue::from(particle(&word, pair))
            }
            _ => FluentValue::Error,
        }
    });
    let _ = bundle.add_resource(resource);
    bundle
}

/// The message `id` in `lang` with its arguments.
pub fn message(lang: Lang, id: &str, args: &[(&str, Arg)]) -> String {
    format_in(lang, id, args)
        .or_else(|| format_in(Lang::En, id, args))
        .unwrap_or_else(|| id.to_string())
}

/// Whether `id` exists in `lang`.
pub fn has_message(lang: Lang, id: &str) -> bool {
    catalogue(lang).entries.contains_key(id)
}

fn format_in(lang: Lang, id: &str, args: &[(&str, Arg)]) -> Option<String> {
    catalogue(lang).format(id, args)
}

fn format_with(bundle: &Bundle, id: &str, args: &[(&str, Arg)]) -> Option<String> {
    let pattern = bundle.get_message(id)?.value()?;
    let mut fluent_args = FluentArgs::new();
    for (name, arg) in args {
        match arg {
            Arg::Text(text) => fluent_args.set(*name, FluentValue::from(text.to_string())),
            Arg::Count(n) => fluent_args.set(*name, FluentValue::from(*n)),
        }
    }
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
    Some(text.into_owned())
}

/// How numbers in messages are written: whole numbers with thousands
/// separators (stepgrad formats every other number itself, as text).
fn format_value<M>(value: &FluentValue, _memoizer: &M) -> Option<String> {
    match value {
        FluentValue::Number(n) if n.value.fract() == 0.0 && n.value.abs() < 1e18 => {
            Some(crate::number::format_thousands_signed(n.value as i64))
        }
        _ => None,
    }
}

/// A message of the catalogue: `msg!(lang, "id")` or
/// `msg!(lang, "id", name = value, …)`, each value anything that turns
/// into an [`Arg`].
#[macro_export]
macro_rules! msg {
    ($lang:expr, $id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::message(
            $lang,
            $id,
            &[$((stringify!($name), $crate::i18n::Arg::from($value))),*],
        )
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn particles_counts_and_plurals() {
        let ko = build(
            Lang::Ko,
            "open = { $lesson }{ PARTICLE($lesson, \"을/를\") } 엽니다.\ncount = { $n }회\n",
        );
        let lesson = [("lesson", Arg::text("레슨 2"))];
        assert_eq!(
            format_with(&ko, "open", &lesson).unwrap(),
            "레슨 2를 엽니다."
        );
        let n = [("n", Arg::count(4000))];
        assert_eq!(format_with(&ko, "count", &n).unwrap(), "4,000회");
        let en = build(
            Lang::En,
            "epochs = { $n } { $n ->\n    [one] epoch\n   *[other] epochs\n}\n",
        );
        for (n, text) in [(1, "1 epoch"), (3, "3 epochs"), (1000, "1,000 epochs")] {
            let args = [("n", Arg::count(n))];
            assert_eq!(format_with(&en, "epochs", &args).unwrap(), text);
        }
    }

    /// Cut into entries, the catalogue holds the messages Fluent reads in
    /// the whole text, and each formats as it does there.
    #[test]
    fn the_entries_are_the_messages_of_the_whole_catalogue() {
        use fluent_syntax::ast::Entry;
        for (lang, text) in [(Lang::En, ENGLISH), (Lang::Ko, KOREAN)] {
            let whole = build(lang, text);
            let parsed = fluent_syntax::parser::parse(text).unwrap_or_else(|(res, _)| res);
            let mut ids: Vec<&str> = parsed
                .body
                .iter()
                .filter_map(|entry| match entry {
                    Entry::Message(m) => Some(m.id.name),
                    _ => None,
                })
                .collect();
            ids.sort_unstable();
            let cut = catalogue(lang);
            let mut cut_ids: Vec<&str> = cut.entries.keys().copied().collect();
            cut_ids.sort_unstable();
            assert_eq!(cut_ids, ids, "{}", lang.code());
            let args = [("count", Arg::count(3)), ("name", Arg::text("x"))];
            for id in ids {
                assert_eq!(
                    cut.format(id, &args),
                    format_with(&whole, id, &args),
                    "{id} in {}",
                    lang.code()
                );
            }
        }
    }

    #[test]
    fn a_missing_message_falls_back_to_its_id() {
        assert_eq!(message(Lang::Ko, "no-such-message", &[]), "no-such-message");
        assert_eq!(message(Lang::En, "lang-name", &[]), "English");
        assert_eq!(message(Lang::Ko, "lang-name", &[]), "한국어");
    }
}
