//! The built-in lessons, compiled into the binary so `stepgrad lesson`
//! works from any folder.
//!
//! Invariant: for each language, lesson k (1-based) is the k-th entry and
//! its front matter says number k (a test reads them all).

use crate::i18n::Lang;

/// (file name, its text) of lessons/LANG/FILE, read at compile time.
macro_rules! lesson {
    ($lang:literal, $file:literal) => {
        (
            $file,
            include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/lessons/",
                $lang,
                "/",
                $file
            )),
        )
    };
}

/// (file name, text) of each built-in English lesson, in order.
const ENGLISH: [(&str, &str); 9] = [
    lesson!("en", "01-how-networks-learn.md"),
    lesson!("en", "02-derivatives.md"),
    lesson!("en", "03-gradient-descent.md"),
    lesson!("en", "04-computational-graphs.md"),
    lesson!("en", "05-backprop-network.md"),
    lesson!("en", "06-training-algorithm.md"),
    lesson!("en", "07-batch-stochastic-minibatch.md"),
    lesson!("en", "08-momentum-rmsprop-adam.md"),
    lesson!("en", "09-newton-bfgs.md"),
];

/// The same lessons in Korean.
const KOREAN: [(&str, &str); 9] = [
    lesson!("ko", "01-how-networks-learn.md"),
    lesson!("ko", "02-derivatives.md"),
    lesson!("ko", "03-gradient-descent.md"),
    lesson!("ko", "04-computational-graphs.md"),
    lesson!("ko", "05-backprop-network.md"),
    lesson!("ko", "06-training-algorithm.md"),
    lesson!("ko", "07-batch-stochastic-minibatch.md"),
    lesson!("ko", "08-momentum-rmsprop-adam.md"),
    lesson!("ko", "09-newton-bfgs.md"),
];

/// The built-in lessons of `lang`: (path shown in messages, text).
pub fn builtin(lang: Lang) -> Vec<(String, &'static str)> {
    let files = match lang {
        Lang::En => &ENGLISH,
        Lang::Ko => &KOREAN,
    };
    files
        .iter()
        .map(|(name, text)| (format!("lessons/{}/{name}", lang.code()), *text))
        .collect()
}
