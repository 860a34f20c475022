//! The Korean text uses the glossary's words. The table of
//! docs/glossary.md is read as it is written — it is the one list — and
//! every form it rejects is looked for, as a whole word, in the Korean
//! lessons (lessons/ko/*.md) and the Korean message catalogue
//! (locales/ko/*.ftl); each one found is listed at its file and line with
//! the word to use instead. The whole-word matching is held to a table of
//! cases that must and must not match, and the glossary to covering the
//! course's terms without refusing its own choices.

use std::path::Path;

const GLOSSARY: &str = include_str!("../docs/glossary.md");

/// The table's header row, cell by cell.
const COLUMNS: [&str; 6] = [
    "English",
    "stepgrad",
    "Also written",
    "Rejected",
    "Why",
    "Where",
];

/// What may follow a Korean noun inside the same word: particles, the
/// copula, counting suffixes, and 하다, 되다 and 시키다 after a verbal
/// noun. A rejected form followed by anything else in Hangul is part of a
/// longer word (강의실, not 강의) and is not counted.
const ENDINGS: &[&str] = &[
    "이", "가", "을", "를", "은", "는", "의", "에", "께", "으로", "로", "와", "과", "도", "만",
    "나", "며", "고", "랑", "야", "요", "부터", "까지", "보다", "처럼", "마다", "밖에", "뿐",
    "조차", "마저", "대로", "씩", "다", "라", "란", "인", "일", "입", "였", "당", "별", "들", "째",
    "쯤", "하", "한", "할", "함", "합", "해", "했", "된", "되", "됩", "돼", "시키", "시킨", "시킬",
    "시켜", "시켰", "시킵",
];

/// The course's terms the glossary must keep a row for, by their English
/// name in the table's first column.
const COURSE_TERMS: &[&str] = &[
    "epoch",
    "iteration",
    "batch",
    "mini-batch",
    "batch size",
    "learning rate",
    "gradient",
    "gradient descent",
    "stochastic gradient descent (SGD)",
    "loss function",
    "cost function",
    "error function",
    "backpropagation",
    "forward propagation",
    "chain rule",
    "partial derivative",
    "derivative",
    "weight",
    "bias",
    "activation function",
    "neuron",
    "layer",
    "hidden layer",
    "output layer",
    "input layer",
    "sample (training example)",
    "training data",
    "validation",
    "accuracy",
    "optimizer",
    "momentum",
    "step (one update, as counted)",
    "step (the move an update makes)",
    "step (of a procedure)",
    "update (noun, verb)",
    "parameter",
    "convergence",
    "divergence",
    "overshoot",
    "local minimum",
    "global minimum",
    "saddle point",
    "Hessian",
    "Newton's method",
    "quasi-Newton method",
    "line search",
    "tangent (line)",
    "slope",
    "quadratic function",
    "parabola",
    "softmax",
    "cross-entropy",
    "sigmoid",
    "ReLU",
    "tanh",
    "worked example",
    "exercise",
    "hint",
    "solution",
    "lesson",
];

/// One row of the glossary: the English term, the chosen Korean word and
/// the forms refused in its place.
struct Term {
    english: String,
    chosen: String,
    rejected: Vec<Variant>,
}

/// A refused form as the glossary writes it (`에폭`, `{n}강`), and the
/// characters to look for, a space standing for any white space.
struct Variant {
    written: String,
    pattern: Vec<char>,
    after_number: bool,
}

impl Variant {
    fn new(written: &str) -> Variant {
        let (after_number, rest) = match written.strip_prefix("{n}") {
            Some(rest) => (true, rest),
            None => (false, written),
        };
        assert!(
            rest.chars().any(is_hangul) && !rest.contains(['{', '}', '`']),
            "docs/glossary.md: the rejected form `{written}` is not a Korean word"
        );
        let mut pattern = normalized(rest).chars;
        while pattern.last() == Some(&' ') {
            pattern.pop();
        }
        Variant {
            written: written.to_string(),
            pattern,
            after_number,
        }
    }
}

/// A text with each run of white space, line breaks included, made one
/// space, and the line (from 1) each character came from.
struct Text {
    chars: Vec<char>,
    lines: Vec<usize>,
}

fn normalized(text: &str) -> Text {
    let mut out = Text {
        chars: Vec::new(),
        lines: Vec::new(),
    };
    for (index, line) in text.lines().enumerate() {
        for c in line.chars().chain(['\n']) {
            let c = if c.is_whitespace() { ' ' } else { c };
            if c == ' ' && out.chars.last() == Some(&' ') {
                continue;
            }
            out.chars.push(c);
            out.lines.push(index + 1);
        }
    }
    out
}

fn is_hangul(c: char) -> bool {
    matches!(c, '\u{AC00}'..='\u{D7A3}' | '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}')
}

/// Whether `before` and `after` would be one word: Hangul runs on, and so
/// do letters and digits.
fn joins(before: char, after: char) -> bool {
    is_hangul(before) || (before.is_ascii_alphanumeric() && after.is_ascii_alphanumeric())
}

/// Whether a word may end where `rest` begins, after `last`.
fn word_ends(last: char, rest: &[char]) -> bool {
    match rest.first() {
        None => true,
        Some(&next) if !is_hangul(next) => {
            !(last.is_ascii_alphanumeric() && next.is_ascii_alphanumeric())
        }
        Some(_) => ENDINGS
            .iter()
            .any(|ending| rest.starts_with(&ending.chars().collect::<Vec<_>>())),
    }
}

/// Where `variant` stands as a word in `text`: the span of each match,
/// a leading number included.
fn spans(text: &Text, variant: &Variant) -> Vec<(usize, usize)> {
    let (chars, pattern) = (&text.chars, &variant.pattern);
    let mut out = Vec::new();
    if pattern.len() > chars.len() {
        return out;
    }
    for at in 0..=chars.len() - pattern.len() {
        if chars[at..at + pattern.len()] != pattern[..] {
            continue;
        }
        let start = if variant.after_number {
            let digits = chars[..at]
                .iter()
                .rev()
                .take_while(|c| c.is_ascii_digit())
                .count();
            if digits == 0 {
                continue;
            }
            at - digits
        } else {
            if at > 0 && joins(chars[at - 1], pattern[0]) {
                continue;
            }
            at
        };
        let end = at + pattern.len();
        if word_ends(pattern[pattern.len() - 1], &chars[end..]) {
            out.push((start, end));
        }
    }
    out
}

/// A rejected form found in a text: where, what it reads, and its row.
struct Finding<'a> {
    line: usize,
    found: String,
    variant: &'a Variant,
    term: &'a Term,
}

/// Every rejected form of `terms` in `text`; where forms overlap (훈련
/// inside 훈련 데이터) only the first and longest is kept.
fn findings<'a>(terms: &'a [Term], text: &str) -> Vec<Finding<'a>> {
    let text = normalized(text);
    let mut matches = Vec::new();
    for term in terms {
        for variant in &term.rejected {
            for (start, end) in spans(&text, variant) {
                matches.push((start, end, variant, term));
            }
        }
    }
    matches.sort_by_key(|&(start, end, _, _)| (start, std::cmp::Reverse(end)));
    let mut out = Vec::new();
    let mut covered = 0;
    for (start, end, variant, term) in matches {
        if start < covered {
            continue;
        }
        covered = end;
        out.push(Finding {
            line: text.lines[start],
            found: text.chars[start..end].iter().collect(),
            variant,
            term,
        });
    }
    out
}

fn cells(line: &str) -> Vec<&str> {
    line.trim()
        .strip_prefix('|')
        .and_then(|l| l.strip_suffix('|'))
        .unwrap_or_else(|| panic!("docs/glossary.md: a table row starts and ends with |: {line}"))
        .split('|')
        .map(str::trim)
        .collect()
}

fn term(line: &str) -> Term {
    let cells = cells(line);
    assert_eq!(
        cells.len(),
        COLUMNS.len(),
        "docs/glossary.md: this row has {} cells, not {}: {line}",
        cells.len(),
        COLUMNS.len()
    );
    let rejected = match cells[3] {
        "—" => Vec::new(),
        list => list
            .split(", ")
            .map(|form| {
                let form = form
                    .strip_prefix('`')
                    .and_then(|f| f.strip_suffix('`'))
                    .unwrap_or_else(|| {
                        panic!("docs/glossary.md: a rejected form is written in backticks: {form} in {line}")
                    });
                Variant::new(form)
            })
            .collect(),
    };
    assert!(
        !cells[0].is_empty() && !cells[1].is_empty() && cells[1] != "—",
        "docs/glossary.md: a row names its term and stepgrad's word: {line}"
    );
    Term {
        english: cells[0].to_string(),
        chosen: cells[1].to_string(),
        rejected,
    }
}

/// The rows of the glossary's table, read as written.
fn glossary() -> Vec<Term> {
    let mut lines = GLOSSARY
        .lines()
        .skip_while(|line| !line.starts_with("| English |"));
    let header = lines
        .next()
        .expect("docs/glossary.md has a table headed | English | stepgrad | …");
    assert_eq!(
        cells(header),
        COLUMNS,
        "docs/glossary.md: the table's columns"
    );
    let rule = lines.next().unwrap_or_default();
    assert!(
        rule.starts_with("|---"),
        "docs/glossary.md: the header is followed by |---|: {rule}"
    );
    lines
        .take_while(|line| line.starts_with('|'))
        .map(term)
        .collect()
}

/// The Korean files stepgrad shows, relative to the crate, in order.
fn korean_files() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for (dir, extension) in [("lessons/ko", "md"), ("locales/ko", "ftl")] {
        let entries = std::fs::read_dir(root.join(dir))
            .unwrap_or_else(|e| panic!("{dir}: {e}"))
            .map(|entry| entry.unwrap_or_else(|e| panic!("{dir}: {e}")).path());
        let mut found: Vec<String> = entries
            .filter(|path| path.extension().is_some_and(|e| e == extension))
            .map(|path| format!("{dir}/{}", path.file_name().unwrap().to_string_lossy()))
            .collect();
        found.sort();
        out.extend(found);
    }
    out
}

#[test]
fn the_korean_text_uses_the_glossary_words() {
    let terms = glossary();
    let files = korean_files();
    let count = |suffix: &str| files.iter().filter(|f| f.ends_with(suffix)).count();
    assert!(count(".md") >= 9, "the Korean lessons: {files:?}");
    assert!(count(".ftl") >= 1, "the Korean catalogue: {files:?}");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut wrong = Vec::new();
    for file in &files {
        let text =
            std::fs::read_to_string(root.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
        for f in findings(&terms, &text) {
            let shown = if f.found == f.variant.written {
                f.found.clone()
            } else {
                format!("{} (`{}`)", f.found, f.variant.written)
            };
            wrong.push(format!(
                "{file}:{}: {shown} → {} ({})",
                f.line, f.term.chosen, f.term.english
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "the Korean text uses {} rejected form(s); docs/glossary.md gives the word to use:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

#[test]
fn the_glossary_keeps_the_course_terms_and_never_refuses_its_own_words() {
    let terms = glossary();
    let missing: Vec<&&str> = COURSE_TERMS
        .iter()
        .filter(|name| !terms.iter().any(|t| t.english == **name))
        .collect();
    assert!(
        missing.is_empty(),
        "docs/glossary.md has no row for {missing:?}"
    );
    let mut seen = std::collections::HashSet::new();
    for term in &terms {
        assert!(
            seen.insert(&term.english),
            "docs/glossary.md: {} twice",
            term.english
        );
        let refused: Vec<String> = findings(&terms, &term.chosen)
            .iter()
            .map(|f| format!("{} (row {})", f.variant.written, f.term.english))
            .collect();
        assert!(
            refused.is_empty(),
            "docs/glossary.md: {}'s word {} is refused by {refused:?}",
            term.english,
            term.chosen
        );
    }
    let mut forms = std::collections::HashSet::new();
    for variant in terms.iter().flat_map(|t| &t.rejected) {
        assert!(
            forms.insert(&variant.written),
            "docs/glossary.md: `{}` is rejected twice",
            variant.written
        );
    }
    assert!(forms.len() >= 50, "{} rejected forms", forms.len());
}

#[test]
fn a_rejected_form_counts_only_as_a_whole_word() {
    let cases: &[(&str, &str, bool)] = &[
        ("이번 에폭에서는", "에폭", true),
        ("에폭", "에폭", true),
        ("(에폭)", "에폭", true),
        ("에폭마다", "에폭", true),
        ("에포크마다", "에폭", false),
        ("이번 강의에서는", "강의", true),
        ("강의실에서", "강의", false),
        ("특강의 내용", "강의", false),
        ("3강에서 배웁니다", "{n}강", true),
        ("12강의", "{n}강", true),
        ("레슨 3에서", "{n}강", false),
        ("다음 강에서", "{n}강", false),
        ("미니\n  배치를", "미니 배치", true),
        ("미니배치를", "미니 배치", false),
        ("확률적 경사하강법은", "경사하강법", true),
        ("확률적 경사 하강법은", "경사하강법", false),
        ("**경사하강법**", "경사하강법", true),
        ("학습률", "학습율", false),
        ("신경망을 훈련합니다", "훈련", true),
        ("신경망을 훈련시킵니다", "훈련", true),
        ("2차 함수의", "2차 함수", true),
        ("12차 함수", "2차 함수", false),
        ("2차 도함수", "2차 함수", false),
        ("로스가", "로스", true),
        ("크로스 엔트로피", "로스", false),
    ];
    for &(text, form, expected) in cases {
        let found = !spans(&normalized(text), &Variant::new(form)).is_empty();
        assert_eq!(found, expected, "{form} in {text:?}");
    }
}

#[test]
fn overlapping_forms_are_reported_once_as_written() {
    let terms = glossary();
    let cases: &[(&str, &[&str])] = &[
        ("훈련 데이터는", &["훈련 데이터"]),
        ("훈련합니다", &["훈련"]),
        ("1강의 오차 함수", &["1강"]),
        ("이번 강의의\n초기값을", &["이번 강의", "초기값"]),
        ("레슨 1의 경사 하강법과 초깃값, 강의실", &[]),
    ];
    for &(text, expected) in cases {
        let found: Vec<String> = findings(&terms, text)
            .into_iter()
            .map(|f| f.found)
            .collect();
        assert_eq!(found, expected, "{text:?}");
    }
    let lines: Vec<usize> = findings(&terms, "이번 강의의\n초기값을")
        .iter()
        .map(|f| f.line)
        .collect();
    assert_eq!(lines, [1, 2]);
}
