//! The tidy test: the rules that keep stepgrad's house in order, checked on
//! its own source (as rust-analyzer's tidy test does). Each rule is a
//! function over file texts, so `the_rules_catch_what_they_forbid` can show
//! on small made-up sources that every rule fails when it is broken.
//!
//! - **Layers.** Each top-level module has a level; a module imports only
//!   modules of lower levels (and itself). The library decides, the report
//!   renders, the command line only wires.
//! - **Terminal I/O only at the top.** Printing, reading standard input
//!   and asking whether a stream is a terminal happen in `main.rs` and
//!   `cli/` only.
//! - **Every limit in limits.rs.** No `MAX_…` constant elsewhere.
//! - **Small files and functions.** No file over 800 lines; no function
//!   over 120 lines, or 60 in `cli/`.
//! - **Words from the catalogue.** No string literal of English prose (three
//!   words in a row) in the code: what a person reads comes from
//!   locales/. Assertions' and invariants' messages, attributes (clap's
//!   texts, replaced from the catalogue at run time) and text marked
//!   `// not prose: why` (on the line or the line before, or around a block with
//!   `// not prose: begin …` and `// not prose: end`) are not read as prose.

use std::path::{Path, PathBuf};

/// The level of each top-level module of src/: a module may import those
/// of lower levels. (Same-level modules do not import each other.)
const LEVELS: &[(&str, u8)] = &[
    ("number", 0),
    ("limits", 0),
    ("wrap", 0),
    ("interrupt", 0),
    ("i18n", 1),
    ("diagnostic", 2),
    ("text_file", 2),
    ("toml_text", 2),
    ("expr", 3),
    ("calculus", 4),
    ("error", 5),
    ("data", 6),
    ("optim", 6),
    ("practice", 6),
    ("network", 7),
    ("tape", 8),
    ("training", 9),
    ("plot", 10),
    ("report", 11),
    ("lesson", 12),
    ("cli", 13),
];

/// Macros exported at the crate root, with the module that defines them:
/// `crate::msg!` is a use of `i18n`.
const MACROS: &[(&str, &str)] = &[("msg", "i18n"), ("text", "i18n"), ("msg_spans", "report")];

const MAX_FILE_LINES: usize = 800;
const MAX_FUNCTION_LINES: usize = 120;
const MAX_CLI_FUNCTION_LINES: usize = 60;

/// A source file: its path relative to src/ and its text.
struct Source {
    path: String,
    text: String,
}

fn sources() -> Vec<Source> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    collect(&root, &mut files);
    files.sort();
    files
        .into_iter()
        .map(|path| Source {
            path: path
                .strip_prefix(&root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/"),
            text: std::fs::read_to_string(&path).unwrap(),
        })
        .collect()
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level module a file belongs to: "expr" for expr/parse.rs and
/// for expr.rs; `None` for lib.rs and main.rs.
fn module_of(path: &str) -> Option<&str> {
    let first = path.split('/').next()?;
    let name = first.strip_suffix(".rs").unwrap_or(first);
    (name != "lib" && name != "main").then_some(name)
}

fn level(module: &str) -> Option<u8> {
    LEVELS.iter().find(|(m, _)| *m == module).map(|&(_, l)| l)
}

/// The text before the file's `#[cfg(test)]` module: the code the rules
/// judge (tests may print and import freely).
fn code(text: &str) -> &str {
    text.find("#[cfg(test)]").map_or(text, |at| &text[..at])
}

/// Lines outside `//` comments (doc comments name other modules freely).
fn code_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    code(text)
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.split("//").next().unwrap_or("")))
}

/// The first path segments named right after `crate::`: one name, or
/// each item of a `{a, b::c}` group on the line.
fn imported_modules(after_crate: &str) -> Vec<String> {
    let first = |s: &str| -> String {
        s.trim_start()
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect()
    };
    match after_crate.strip_prefix('{') {
        Some(group) => group
            .split('}')
            .next()
            .unwrap_or("")
            .split(',')
            .map(first)
            .filter(|name| !name.is_empty())
            .collect(),
        None => vec![first(after_crate)],
    }
}

/// Imports that go against the layers: "file:line: a → b".
fn layer_violations(sources: &[Source]) -> Vec<String> {
    let mut out = Vec::new();
    for s in sources {
        let Some(module) = module_of(&s.path) else {
            continue;
        };
        let Some(own) = level(module) else {
            out.push(format!(
                "{}: module {module} has no level in LEVELS",
                s.path
            ));
            continue;
        };
        for (number, line) in code_lines(&s.text) {
            let mut rest = line;
            while let Some(at) = rest.find("crate::") {
                rest = &rest[at + "crate::".len()..];
                for used in imported_modules(rest) {
                    let used = MACROS
                        .iter()
                        .find(|(name, _)| *name == used)
                        .map_or(used.clone(), |(_, home)| home.to_string());
                    if used == module || used.chars().next().is_some_and(|c| c.is_uppercase()) {
                        continue;
                    }
                    match level(&used) {
                        Some(l) if l < own => {}
                        Some(_) => out.push(format!(
                            "{}:{number}: {module} imports {used}, which is not below it",
                            s.path
                        )),
                        None => out.push(format!(
                            "{}:{number}: {used} has no level in LEVELS",
                            s.path
                        )),
                    }
                }
            }
        }
    }
    out
}

/// Terminal I/O outside main.rs and cli/.
fn terminal_io_violations(sources: &[Source]) -> Vec<String> {
    const FORBIDDEN: [&str; 8] = [
        "println!",
        "print!(",
        "eprintln!",
        "eprint!(",
        "io::stdin",
        "io::stdout",
        "io::stderr",
        "IsTerminal",
    ];
    let mut out = Vec::new();
    for s in sources {
        if s.path == "main.rs" || s.path.starts_with("cli/") {
            continue;
        }
        for (number, line) in code_lines(&s.text) {
            for f in FORBIDDEN {
                if line.contains(f) {
                    out.push(format!("{}:{number}: {f} below the command line", s.path));
                }
            }
        }
    }
    out
}

/// `MAX_…` constants defined outside limits.rs.
fn limit_violations(sources: &[Source]) -> Vec<String> {
    let mut out = Vec::new();
    for s in sources.iter().filter(|s| s.path != "limits.rs") {
        for (number, line) in code_lines(&s.text) {
            let t = line.trim_start();
            let t = t.strip_prefix("pub ").unwrap_or(t);
            let t = t.strip_prefix("pub(crate) ").unwrap_or(t);
            if let Some(name) = t.strip_prefix("const ") {
                if name.starts_with("MAX_") {
                    out.push(format!(
                        "{}:{number}: a limit ({}) outside limits.rs",
                        s.path,
                        name.split(':').next().unwrap_or(name)
                    ));
                }
            }
        }
    }
    out
}

/// Files over the line limit.
fn long_files(sources: &[Source]) -> Vec<String> {
    sources
        .iter()
        .filter(|s| s.text.lines().count() > MAX_FILE_LINES)
        .map(|s| {
            format!(
                "{}: {} lines (at most {MAX_FILE_LINES})",
                s.path,
                s.text.lines().count()
            )
        })
        .collect()
}

/// Functions over their line limit: from the `fn` line to the line of the
/// brace that closes its body.
fn long_functions(sources: &[Source]) -> Vec<String> {
    let mut out = Vec::new();
    for s in sources {
        let limit = if s.path.starts_with("cli/") {
            MAX_CLI_FUNCTION_LINES
        } else {
            MAX_FUNCTION_LINES
        };
        for (name, start, lines) in functions(code(&s.text)) {
            if lines > limit {
                out.push(format!(
                    "{}:{start}: fn {name} has {lines} lines (at most {limit})",
                    s.path
                ));
            }
        }
    }
    out
}

/// (name, first line, length in lines) of each function with a body.
fn functions(text: &str) -> Vec<(String, usize, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let t = line.trim_start();
        let Some(at) = t.find("fn ") else {
            continue;
        };
        let before = &t[..at];
        let is_item = before.split_whitespace().all(|w| {
            matches!(
                w,
                "pub" | "pub(crate)" | "pub(super)" | "const" | "unsafe" | "async" | "extern"
            )
        });
        if !is_item || t.starts_with("//") {
            continue;
        }
        let name: String = t[at + 3..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        if let Some(end) = body_end(&lines, i) {
            out.push((name, i + 1, end - i + 1));
        }
    }
    out
}

/// The index of the line whose `}` closes the body opened at or after line
/// `start` (ignoring braces in strings, chars and comments roughly); `None`
/// for a declaration without a body.
fn body_end(lines: &[&str], start: usize) -> Option<usize> {
    let mut depth = 0i64;
    let mut opened = false;
    for (k, line) in lines.iter().enumerate().skip(start) {
        let mut chars = line.chars().peekable();
        let mut in_string = false;
        while let Some(c) = chars.next() {
            match c {
                '\\' if in_string => {
                    chars.next();
                }
                '"' => in_string = !in_string,
                '/' if !in_string && chars.peek() == Some(&'/') => break,
                '\'' if !in_string => {
                    // A char literal such as '{' (not a lifetime).
                    let rest: String = chars.clone().take(3).collect();
                    if rest.len() >= 2 && rest.as_bytes()[1] == b'\'' {
                        chars.next();
                        chars.next();
                    }
                }
                '{' if !in_string => {
                    depth += 1;
                    opened = true;
                }
                '}' if !in_string => {
                    depth -= 1;
                    if opened && depth == 0 {
                        return Some(k);
                    }
                }
                ';' if !in_string && !opened && depth == 0 => return None,
                _ => {}
            }
        }
    }
    None
}

/// Whether a string literal's text reads as English prose: three words of
/// two or more letters in a row, separated by single spaces.
fn is_prose(literal: &str) -> bool {
    let mut run = 0;
    for token in literal.split(' ') {
        let word = token.trim_end_matches([',', '.', ':', ';', '?', '!', ')']);
        let word = word.trim_start_matches('(');
        let is_word = word.len() > 1 && word.chars().all(|c| c.is_ascii_alphabetic() || c == '\'');
        run = if is_word { run + 1 } else { 0 };
        if run >= 3 {
            return true;
        }
    }
    false
}

/// The string literals of a line of code (`"…"`, escapes kept).
fn literals(line: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = None;
    let mut escaped = false;
    let mut in_char = false;
    for (i, c) in line.char_indices() {
        match (start, c) {
            (Some(_), '\\') if !escaped => {
                escaped = true;
                continue;
            }
            (Some(s), '"') if !escaped => {
                out.push(&line[s..i]);
                start = None;
            }
            (None, '\'') => in_char = !in_char,
            (None, '"') if !in_char => start = Some(i + 1),
            _ => {}
        }
        escaped = false;
    }
    out
}

/// String literals of English prose in the code (see the module's rule).
fn prose_literals(sources: &[Source]) -> Vec<String> {
    let mut out = Vec::new();
    for s in sources.iter().filter(|s| !s.path.ends_with("tests.rs")) {
        let mut exempt_block = false;
        let mut in_assertion = false;
        let mut in_attribute = false;
        let mut marked_before = false;
        for (number, raw) in code(&s.text).lines().enumerate() {
            let marked = std::mem::replace(
                &mut marked_before,
                raw.trim_start().starts_with("// not prose"),
            );
            if raw.contains("// not prose: begin") {
                exempt_block = true;
            }
            if raw.contains("// not prose: end") {
                exempt_block = false;
            }
            let line = raw.split("//").next().unwrap_or("");
            let asserting = ["assert", "panic!", "unreachable!", ".expect("]
                .iter()
                .any(|m| line.contains(m));
            if asserting && !line.trim_end().ends_with(';') {
                in_assertion = true;
            }
            let attribute_starts = line.trim_start().starts_with("#[");
            if attribute_starts && !line.trim_end().ends_with(']') {
                in_attribute = true;
            }
            let skip = exempt_block
                || asserting
                || in_assertion
                || in_attribute
                || marked
                || raw.contains("// not prose")
                || line.trim_start().starts_with("#[")
                || line.trim_start().starts_with("///");
            if in_assertion && line.trim_end().ends_with(';') {
                in_assertion = false;
            }
            if in_attribute && line.trim_end().ends_with(")]") {
                in_attribute = false;
            }
            if skip {
                continue;
            }
            for literal in literals(line).into_iter().filter(|l| is_prose(l)) {
                out.push(format!("{}:{}: \"{literal}\"", s.path, number + 1));
            }
        }
    }
    out
}

fn report(rule: &str, violations: Vec<String>) -> Option<String> {
    (!violations.is_empty()).then(|| format!("{rule}:\n  {}", violations.join("\n  ")))
}

#[test]
fn the_house_keeps_its_rules() {
    let sources = sources();
    let failures: Vec<String> = [
        report("imports against the layers", layer_violations(&sources)),
        report(
            "terminal I/O below the command line",
            terminal_io_violations(&sources),
        ),
        report("limits outside limits.rs", limit_violations(&sources)),
        report("files too long", long_files(&sources)),
        report("functions too long", long_functions(&sources)),
        report(
            "English prose in the code, not in the catalogue",
            prose_literals(&sources),
        ),
    ]
    .into_iter()
    .flatten()
    .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn made_up(files: &[(&str, &str)]) -> Vec<Source> {
    files
        .iter()
        .map(|(path, text)| Source {
            path: path.to_string(),
            text: text.to_string(),
        })
        .collect()
}

#[test]
fn the_rules_catch_what_they_forbid() {
    // An import upward: expr may not use report.
    let upward = made_up(&[("expr/parse.rs", "use crate::report::Format;\n")]);
    assert_eq!(layer_violations(&upward).len(), 1);
    let downward = made_up(&[(
        "report/mod.rs",
        "use crate::expr::Graph;\nuse crate::Error;\n",
    )]);
    assert!(layer_violations(&downward).is_empty());
    // A group hides an upward import among lawful ones; a macro counts as
    // a use of the module that defines it.
    let grouped = made_up(&[("expr/parse.rs", "use crate::{limits::X, report::Y};\n")]);
    assert_eq!(layer_violations(&grouped).len(), 1);
    let macro_use = made_up(&[
        ("expr/parse.rs", "let m = crate::msg!(lang, \"id\");\n"),
        ("i18n/text.rs", "let m = crate::msg_spans!(lang, \"id\");\n"),
    ]);
    assert_eq!(layer_violations(&macro_use).len(), 1);
    let unknown = made_up(&[("newthing.rs", "fn f() {}\n")]);
    assert_eq!(layer_violations(&unknown).len(), 1);
    // Printing below the command line; allowed in cli/ and in tests.
    let printing = made_up(&[
        ("report/mod.rs", "fn f() { println!(\"x\"); }\n"),
        ("cli/mod.rs", "fn f() { println!(\"x\"); }\n"),
        (
            "plot.rs",
            "#[cfg(test)]\nmod tests { fn f() { println!(\"x\"); } }\n",
        ),
    ]);
    assert_eq!(terminal_io_violations(&printing).len(), 1);
    // A limit outside limits.rs.
    let limit = made_up(&[
        ("optim/driver.rs", "pub const MAX_STEPS: usize = 10;\n"),
        ("limits.rs", "pub const MAX_STEPS: usize = 10;\n"),
    ]);
    assert_eq!(limit_violations(&limit).len(), 1);
    // A long file, a long function, a long function in cli/.
    let long_file = "\n".repeat(MAX_FILE_LINES + 1);
    assert_eq!(
        long_files(&made_up(&[("expr/graph.rs", &long_file)])).len(),
        1
    );
    let body = |n: usize| format!("fn long() {{\n{}}}\n", "    let x = 1;\n".repeat(n));
    assert_eq!(
        long_functions(&made_up(&[("expr/graph.rs", &body(MAX_FUNCTION_LINES))])).len(),
        1
    );
    assert!(long_functions(&made_up(&[(
        "expr/graph.rs",
        &body(MAX_FUNCTION_LINES - 2)
    )]))
    .is_empty());
    assert_eq!(
        long_functions(&made_up(&[("cli/train.rs", &body(MAX_CLI_FUNCTION_LINES))])).len(),
        1
    );
    // English prose in a literal; an id, an assertion, an attribute and a
    // marked literal are not prose.
    let prose = made_up(&[
        (
            "report/train.rs",
            "let a = cell(\"the final loss\");\nlet b = msg!(lang, \"train-final-loss\");\n",
        ),
        (
            "optim/mod.rs",
            "assert!(ok, \"the step is finite\");\n#[arg(help = \"the number of steps\")]\nlet k = \"is not in the range\"; // not prose: clap's words\n",
        ),
    ]);
    assert_eq!(
        prose_literals(&prose).len(),
        1,
        "{:?}",
        prose_literals(&prose)
    );
    // Braces in strings and chars do not confuse the count.
    let tricky = "fn f() {\n    let a = \"}\";\n    let b = '{';\n}\nfn g() {}\n";
    let found = functions(tricky);
    assert_eq!(found, vec![("f".into(), 1, 4), ("g".into(), 5, 1)]);
}
