//! What stepgrad writes for notes, rendered by the real engines:
//!
//! - every math fragment of every Markdown snapshot through KaTeX (the npm
//!   package, run by node), failing on any parse error;
//! - every LaTeX snapshot through pdflatex — `--standalone` documents as
//!   they are, fragments inside the same preamble — failing on any error;
//! - the four kinds of picture (training curves, a function with
//!   gradient-descent iterates, contours with optimizer paths, the network)
//!   through rsvg-convert into PNG, checked for size and drawn content.
//!
//! tools/install-render-tools installs the engines (.ci/run runs it and
//! sets STEPGRAD_REQUIRE_RENDER=1, so in CI a missing engine fails). Run
//! without them, each test says on the terminal what to install and passes.

mod common;

use common::stepgrad;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Whether `program --version` runs.
fn available(program: &str) -> bool {
    Command::new(program)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// A missing engine: fails in CI, otherwise tells the terminal (past the
/// test harness's capture) what to install.
fn missing(what: &str) {
    let message = format!(
        "{what} is not installed, so this rendering test did not run: bash tools/install-render-tools installs it"
    );
    if std::env::var("STEPGRAD_REQUIRE_RENDER").is_ok_and(|v| v == "1") {
        panic!("{message}");
    }
    let _ = writeln!(std::io::stderr(), "\nSKIPPED: {message}\n");
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("stepgrad-render-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Snapshot files whose name contains `part`, with their contents (the
/// insta header removed).
fn snapshots(part: &str) -> Vec<(String, String)> {
    let mut found: Vec<(String, String)> = std::fs::read_dir(root().join("tests/snapshots"))
        .unwrap()
        .filter_map(|entry| {
            let path = entry.ok()?.path();
            let name = path.file_name()?.to_str()?.to_string();
            (name.ends_with(".snap") && name.contains(part)).then(|| {
                let text = std::fs::read_to_string(&path).unwrap();
                // The header is a YAML block between two '---' lines.
                let body = text.splitn(3, "---\n").nth(2).unwrap_or("").to_string();
                (name, body)
            })
        })
        .collect();
    found.sort();
    found
}

/// The command's own output inside a snapshot: between "--- stdout" and
/// "--- stderr", or the whole body.
fn stdout_part(body: &str) -> &str {
    match body.split_once("--- stdout\n") {
        Some((_, rest)) => rest.split("--- stderr\n").next().unwrap_or(rest),
        None => body,
    }
}

/// Every math fragment of a Markdown text: (display?, TeX), skipping fenced
/// code and escaped dollars.
fn math_fragments(markdown: &str) -> Vec<(bool, String)> {
    let mut fragments = Vec::new();
    let mut fenced = false;
    let mut display: Option<String> = None;
    for line in markdown.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            continue;
        }
        if fenced {
            continue;
        }
        if let Some(block) = &mut display {
            if line.trim() == "$$" {
                fragments.push((true, std::mem::take(block)));
                display = None;
            } else {
                block.push_str(line);
                block.push('\n');
            }
            continue;
        }
        if line.trim() == "$$" {
            display = Some(String::new());
            continue;
        }
        // Inline $…$ and one-line $$…$$.
        let chars: Vec<char> = line.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            if chars[i] == '\\' {
                i += 2;
                continue;
            }
            if chars[i] == '$' {
                let double = chars.get(i + 1) == Some(&'$');
                let start = if double { i + 2 } else { i + 1 };
                let mut j = start;
                while j < chars.len() {
                    if chars[j] == '\\' {
                        j += 2;
                        continue;
                    }
                    if chars[j] == '$' && (!double || chars.get(j + 1) == Some(&'$')) {
                        break;
                    }
                    j += 1;
                }
                assert!(j < chars.len(), "an unclosed $ in: {line}");
                fragments.push((double, chars[start..j].iter().collect()));
                i = j + if double { 2 } else { 1 };
                continue;
            }
            i += 1;
        }
    }
    assert!(display.is_none(), "an unclosed $$ block");
    fragments
}

const KATEX_SCRIPT: &str = r#"
const katex = require(process.argv[2]);
const fragments = JSON.parse(require("fs").readFileSync(process.argv[3], "utf8"));
const failures = [];
for (const f of fragments) {
  try {
    katex.renderToString(f.tex, { displayMode: f.display, throwOnError: true, strict: "ignore" });
  } catch (e) {
    failures.push({ source: f.source, tex: f.tex, error: String(e.message || e) });
  }
}
console.log(JSON.stringify({ rendered: fragments.length, failures }));
"#;

#[test]
fn every_markdown_snapshot_renders_with_katex() {
    let katex = root().join("target/render-tools/node_modules/katex");
    if !available("node") {
        return missing("node");
    }
    if !katex.join("package.json").is_file() {
        return missing("the npm package katex (in target/render-tools)");
    }
    let mut fragments = Vec::new();
    for (name, body) in snapshots("markdown") {
        for (display, tex) in math_fragments(stdout_part(&body)) {
            fragments.push(serde_json::json!({"source": name, "display": display, "tex": tex}));
        }
    }
    // The notes of a whole lesson, with every command's Markdown in it.
    for lesson in ["2", "5"] {
        let out = stepgrad(&["lesson", lesson, "--lang", "en", "--format", "markdown"]);
        assert_eq!(out.code, 0, "{}", out.stderr);
        for (display, tex) in math_fragments(&out.stdout) {
            fragments.push(serde_json::json!({"source": format!("lesson {lesson}"), "display": display, "tex": tex}));
        }
    }
    assert!(
        fragments.len() > 200,
        "only {} fragments found",
        fragments.len()
    );
    let dir = scratch("katex");
    let list = dir.join("fragments.json");
    std::fs::write(&list, serde_json::to_string(&fragments).unwrap()).unwrap();
    let script = dir.join("render.js");
    std::fs::write(&script, KATEX_SCRIPT).unwrap();
    let output = Command::new("node")
        .arg(&script)
        .arg(&katex)
        .arg(&list)
        .output()
        .expect("node runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let result: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(result["rendered"], fragments.len());
    let failures = result["failures"].as_array().unwrap();
    assert!(
        failures.is_empty(),
        "KaTeX cannot render {} of {} fragments:\n{}",
        failures.len(),
        fragments.len(),
        serde_json::to_string_pretty(failures).unwrap()
    );
}

/// The language a snapshot's text is written in: Korean when it holds
/// Hangul.
fn language_of(text: &str) -> stepgrad::i18n::Lang {
    if text.chars().any(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c)) {
        stepgrad::i18n::Lang::Ko
    } else {
        stepgrad::i18n::Lang::En
    }
}

/// Compiles a LaTeX document with pdflatex; returns the log on failure.
fn compile(dir: &Path, name: &str, document: &str) -> Result<(), String> {
    let tex = dir.join(format!("{name}.tex"));
    std::fs::write(&tex, document).unwrap();
    let output = Command::new("pdflatex")
        .args([
            "-interaction=nonstopmode",
            "-halt-on-error",
            "-no-shell-escape",
        ])
        .arg(&tex)
        .current_dir(dir)
        .output()
        .expect("pdflatex runs");
    if output.status.success() && dir.join(format!("{name}.pdf")).is_file() {
        Ok(())
    } else {
        let log = String::from_utf8_lossy(&output.stdout);
        let errors: Vec<&str> = log
            .lines()
            .skip_while(|l| !l.starts_with('!'))
            .take(12)
            .collect();
        Err(errors.join("\n"))
    }
}

#[test]
fn every_latex_snapshot_compiles_with_pdflatex() {
    if !available("pdflatex") {
        return missing("pdflatex");
    }
    let dir = scratch("latex");
    let mut compiled = 0;
    let mut failures = Vec::new();
    for (name, body) in snapshots("latex") {
        let text = stdout_part(&body);
        let document = if text.contains("\\documentclass") {
            text.to_string()
        } else {
            stepgrad::cli::standalone_document(text, language_of(text))
        };
        let stem = name.trim_end_matches(".snap").replace('.', "_");
        if let Err(log) = compile(&dir, &stem, &document) {
            failures.push(format!("{name}:\n{log}"));
        }
        compiled += 1;
    }
    assert!(compiled >= 15, "only {compiled} LaTeX snapshots");
    assert!(
        failures.is_empty(),
        "pdflatex failed:\n{}",
        failures.join("\n\n")
    );
}

/// The size and the share of non-white pixels of a PNG.
fn png_facts(path: &Path) -> (u32, u32, f64, usize) {
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(path).unwrap()));
    let mut reader = decoder.read_info().expect("a valid PNG");
    let mut buffer = vec![0; reader.output_buffer_size().expect("a known size")];
    let info = reader.next_frame(&mut buffer).expect("a PNG frame");
    let channels = info.color_type.samples();
    let pixels = &buffer[..info.buffer_size()];
    let mut drawn = 0usize;
    let mut colours = std::collections::HashSet::new();
    for px in pixels.chunks(channels) {
        let opaque = channels < 4 || px[3] > 0;
        let white = px[..3.min(channels)].iter().all(|&c| c > 245);
        if opaque && !white {
            drawn += 1;
            colours.insert((
                px[0] / 32,
                px[1.min(channels - 1)] / 32,
                px[2.min(channels - 1)] / 32,
            ));
        }
    }
    let share = drawn as f64 / (info.width * info.height) as f64;
    (info.width, info.height, share, colours.len())
}

#[test]
fn every_kind_of_picture_converts_to_a_png_with_content() {
    if !available("rsvg-convert") {
        return missing("rsvg-convert");
    }
    let dir = scratch("pictures");
    let file = |name: &str| dir.join(name).to_string_lossy().into_owned();
    let pictures: Vec<(&str, Vec<String>)> = vec![
        (
            "training curves",
            vec![
                "train".into(),
                "--data".into(),
                "builtin:iris".into(),
                "--batch-size".into(),
                "16".into(),
                "--val".into(),
                "0.2".into(),
                "--epochs".into(),
                "30".into(),
                "--plot".into(),
                file("train.svg"),
            ],
        ),
        (
            "a function with gradient-descent iterates",
            vec![
                "minimize".into(),
                "0.5*(3 - w)^2 + 0.5*(5 - 2*w)^2 + 0.5*(5 - 3*w)^2".into(),
                "--start".into(),
                "w=0".into(),
                "--lr".into(),
                "0.05".into(),
                "--steps".into(),
                "6".into(),
                "--plot".into(),
                file("parabola.svg"),
            ],
        ),
        (
            "contours with optimizer paths",
            vec![
                "minimize".into(),
                "(1 - x)^2 + 100*(y - x^2)^2".into(),
                "--start".into(),
                "x=-1.2,y=1".into(),
                "--compare".into(),
                "sgd,momentum,adam,bfgs".into(),
                "--lr".into(),
                "0.001".into(),
                "--steps".into(),
                "300".into(),
                "--output".into(),
                file("race.svg"),
            ],
        ),
        (
            "the network",
            vec![
                "net".into(),
                "mazur".into(),
                "--plot".into(),
                file("mazur.svg"),
            ],
        ),
    ];
    for (kind, args) in pictures {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = stepgrad(&args);
        assert!(out.code == 0, "{kind}: {}", out.stderr);
        let svg = args.last().unwrap().to_string();
        let png = svg.replace(".svg", ".png");
        let status = Command::new("rsvg-convert")
            .arg(&svg)
            .arg("-o")
            .arg(&png)
            .status()
            .expect("rsvg-convert runs");
        assert!(status.success(), "{kind}: rsvg-convert failed on {svg}");
        let (width, height, share, colours) = png_facts(Path::new(&png));
        assert!(width >= 600 && height >= 400, "{kind}: {width}×{height}");
        assert!(
            share > 0.01 && share < 0.9,
            "{kind}: {:.1}% drawn",
            100.0 * share
        );
        assert!(colours >= 3, "{kind}: {colours} colours");
    }
}
