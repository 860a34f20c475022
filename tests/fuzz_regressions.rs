//! Inputs that fuzzing found to break stepgrad, kept so they never break it
//! again. Each file under tests/fuzz_regressions/<target>/ goes through the
//! very checks of the fuzz target of that name (fuzz/src/lib.rs, included
//! below): a panic there fails the test, as it crashed the fuzzer. The tests
//! named after a finding also assert what stepgrad answers now.
//!
//! The committed corpora (fuzz/corpus/<target>/) replay too, whole, so a
//! change that breaks any input the fuzzers ever kept fails here.
//!
//! To add a finding: copy the input libFuzzer wrote under
//! fuzz/artifacts/<target>/ to tests/fuzz_regressions/<target>/ with a name
//! that says what it exercises, fix the code, and add a test here if the
//! answer deserves checking beyond "no panic".

#[path = "../fuzz/src/lib.rs"]
#[allow(dead_code)]
mod fuzz_checks;

use std::path::{Path, PathBuf};

/// The fuzz targets; each has a corpus folder, and a findings folder once
/// fuzzing found something there.
const TARGETS: [&str; 4] = ["expression", "spec", "csv", "lesson"];

/// The regression inputs of one target, as (file name, text); none when the
/// target has no folder (fuzzing found nothing there). Inputs that are not
/// UTF-8 are skipped, as the fuzz targets skip them.
fn inputs(target: &str) -> Vec<(String, String)> {
    read_folder(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fuzz_regressions")
            .join(target),
    )
}

/// The committed corpus of one target (fuzz/corpus/<target>/), which must
/// exist and hold inputs.
fn corpus(target: &str) -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target);
    assert!(
        dir.is_dir(),
        "the corpus folder {} is missing",
        dir.display()
    );
    let inputs = read_folder(&dir);
    assert!(!inputs.is_empty(), "the corpus {} is empty", dir.display());
    inputs
}

fn read_folder(dir: &Path) -> Vec<(String, String)> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries.map(|entry| entry.unwrap().path()).collect();
    files.sort();
    files
        .into_iter()
        .filter_map(|path| {
            let bytes = std::fs::read(&path).unwrap();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            String::from_utf8(bytes).ok().map(|text| (name, text))
        })
        .collect()
}

fn input(target: &str, name: &str) -> String {
    inputs(target)
        .into_iter()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("no regression input {target}/{name}"))
        .1
}

#[test]
fn every_target_has_its_corpus_and_findings_folders_hold_only_targets() {
    for target in TARGETS {
        corpus(target);
    }
    let findings = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_regressions");
    for entry in std::fs::read_dir(&findings).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        assert!(
            TARGETS.contains(&name.as_str()),
            "tests/fuzz_regressions/{name} is not a fuzz target, so nothing replays it"
        );
    }
}

/// The corpora replay whole through the targets' checks: every input once
/// passed them, and a change that breaks one shows here (about half a
/// minute in a debug build).
#[test]
fn the_corpora_still_pass_their_checks() {
    for (name, text) in corpus("expression") {
        eprintln!("corpus expression/{name}");
        fuzz_checks::expression(&text);
    }
    for (name, text) in corpus("spec") {
        eprintln!("corpus spec/{name}");
        let _ = fuzz_checks::spec(&text);
    }
    for (name, text) in corpus("csv") {
        eprintln!("corpus csv/{name}");
        let _ = fuzz_checks::csv(&text);
    }
    for (name, text) in corpus("lesson") {
        eprintln!("corpus lesson/{name}");
        let _ = fuzz_checks::lesson(&text);
    }
}

/// The lesson corpus is seeded with the built-in lessons
/// (seed-LANG-NN.md); they must keep parsing, so a change of the lesson
/// format that refuses them converts them too.
#[test]
fn the_lesson_seeds_parse() {
    let seeds: Vec<(String, String)> = corpus("lesson")
        .into_iter()
        .filter(|(name, _)| name.starts_with("seed-"))
        .collect();
    assert_eq!(seeds.len(), 18, "one seed per built-in lesson");
    for (name, text) in seeds {
        if let Err(error) = fuzz_checks::lesson(&text) {
            panic!("lesson/{name}: {error}");
        }
    }
}

#[test]
fn every_expression_finding_is_handled() {
    for (name, text) in inputs("expression") {
        eprintln!("expression/{name}");
        fuzz_checks::expression(&text);
    }
}

#[test]
fn every_spec_finding_is_handled() {
    for (name, text) in inputs("spec") {
        eprintln!("spec/{name}");
        let _ = fuzz_checks::spec(&text);
    }
}

#[test]
fn every_csv_finding_is_handled() {
    for (name, text) in inputs("csv") {
        eprintln!("csv/{name}");
        let _ = fuzz_checks::csv(&text);
    }
}

#[test]
fn every_lesson_finding_is_handled() {
    for (name, text) in inputs("lesson") {
        eprintln!("lesson/{name}");
        let _ = fuzz_checks::lesson(&text);
    }
}

/// A quoted field that does not appear verbatim on its line, followed by a
/// two-byte character: the underline was the field's length from the
/// field's start, ended inside the character, and slicing there panicked.
#[test]
fn a_quoted_field_before_a_wide_character_is_pointed_at() {
    let text = input("csv", "quoted-field-before-two-byte-character.csv");
    let results = fuzz_checks::csv(&text);
    // The quoted field "a"␀\ԇ2 is not found verbatim on its line; the
    // underline takes the raw text up to the next comma.
    let error = results[0].as_ref().unwrap_err().to_string();
    assert!(error.contains("in column 3 (a) is not a number"), "{error}");
    assert!(error.contains("fuzz.csv:3:4"), "{error}");
    assert!(error.contains("\n  |    ^^^^^^^\n"), "{error}");
}
