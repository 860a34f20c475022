//! Every command's LaTeX as a teacher prints it: a `--standalone`
//! document from each command with representative options (every
//! optimizer, races, networks, training, every lesson), in English and in
//! Korean (kotex), compiled with pdflatex. The log must show no error, no
//! line running more than 1pt into the margin ("Overfull \hbox") and no
//! page overfull ("Overfull \vbox"). The documents compile in parallel.
//!
//! tools/install-render-tools installs pdflatex and kotex; CI sets
//! STEPGRAD_REQUIRE_RENDER=1, so there a missing engine fails. Run without
//! them, the test says on the terminal what to install and passes.

mod common;

use common::{representative_commands, stepgrad};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;

/// Whether `program --version` runs.
fn available(program: &str) -> bool {
    Command::new(program)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Whether kotex is installed (kpsewhich finds its style file).
fn kotex_available() -> bool {
    Command::new("kpsewhich")
        .arg("kotex.sty")
        .output()
        .is_ok_and(|o| o.status.success() && !o.stdout.is_empty())
}

/// A missing engine: fails in CI, otherwise tells the terminal what to
/// install.
fn missing(what: &str) {
    let message = format!(
        "{what} is not installed, so the LaTeX test did not run: bash tools/install-render-tools installs it"
    );
    if std::env::var("STEPGRAD_REQUIRE_RENDER").is_ok_and(|v| v == "1") {
        panic!("{message}");
    }
    let _ = writeln!(std::io::stderr(), "\nSKIPPED: {message}\n");
}

/// What is wrong in a pdflatex log: errors, lines over 1pt into the
/// margin, pages overfull.
fn faults(log: &str) -> Vec<String> {
    let lines: Vec<&str> = log.lines().collect();
    let mut found = Vec::new();
    for (k, line) in lines.iter().enumerate() {
        let context = || lines[k..(k + 3).min(lines.len())].join(" | ");
        if line.starts_with('!') {
            found.push(format!("error: {}", context()));
        } else if line.starts_with("Overfull \\vbox") {
            found.push(context());
        } else if let Some(rest) = line.strip_prefix("Overfull \\hbox (") {
            let points: f64 = rest
                .split("pt")
                .next()
                .and_then(|p| p.parse().ok())
                .unwrap_or(f64::INFINITY);
            if points > 1.0 {
                found.push(context());
            }
        }
    }
    found
}

/// Compiles `document` as `dir/name.tex`; returns what is wrong.
fn compile(dir: &Path, name: &str, document: &str) -> Vec<String> {
    std::fs::write(dir.join(format!("{name}.tex")), document).unwrap();
    let output = Command::new("pdflatex")
        .args([
            "-interaction=nonstopmode",
            "-halt-on-error",
            "-no-shell-escape",
        ])
        .arg(format!("{name}.tex"))
        .current_dir(dir)
        .output()
        .expect("pdflatex runs");
    let log = std::fs::read_to_string(dir.join(format!("{name}.log")))
        .unwrap_or_else(|_| String::from_utf8_lossy(&output.stdout).into_owned());
    let mut found = faults(&log);
    if !output.status.success() && found.is_empty() {
        found.push(format!("pdflatex exited with {}", output.status));
    }
    found
}

#[test]
fn every_command_compiles_cleanly_in_english_and_korean() {
    if !available("pdflatex") {
        return missing("pdflatex");
    }
    if !kotex_available() {
        return missing("kotex (texlive-lang-korean)");
    }
    let dir: PathBuf =
        std::env::temp_dir().join(format!("stepgrad-latex-all-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut documents = Vec::new();
    for (name, args) in representative_commands() {
        for lang in ["en", "ko"] {
            let mut all: Vec<&str> = args.iter().map(String::as_str).collect();
            all.extend(["--format", "latex", "--standalone", "--lang", lang]);
            let out = stepgrad(&all);
            assert!(
                out.code == 0
                    || (["check_wrong", "net_check"].contains(&name.as_str()) && out.code == 1),
                "{name} ({lang}) exits {}: {}",
                out.code,
                out.stderr
            );
            assert!(out.stdout.contains("\\documentclass"), "{name} ({lang})");
            documents.push((format!("{name}_{lang}"), out.stdout));
        }
    }
    assert!(documents.len() >= 70, "only {} documents", documents.len());
    let started = std::time::Instant::now();
    let queue = Mutex::new(documents.iter());
    let failures = Mutex::new(Vec::new());
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get().min(4));
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| loop {
                let next = queue.lock().unwrap().next();
                let Some((name, document)) = next else { break };
                let found = compile(&dir, name, document);
                if !found.is_empty() {
                    failures
                        .lock()
                        .unwrap()
                        .push(format!("{name}:\n  {}", found.join("\n  ")));
                }
            });
        }
    });
    let _ = writeln!(
        std::io::stderr(),
        "compiled {} documents in {:.1}s with {workers} workers",
        documents.len(),
        started.elapsed().as_secs_f64()
    );
    let mut failures = failures.into_inner().unwrap();
    failures.sort();
    assert!(
        failures.is_empty(),
        "{} of {} documents do not compile cleanly (in {}):\n{}",
        failures.len(),
        documents.len(),
        dir.display(),
        failures.join("\n")
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_log_reader_finds_each_fault() {
    let log = "Overfull \\hbox (0.5pt too wide) in paragraph\nOverfull \\hbox (3.2pt too wide) in paragraph\n! Undefined control sequence.\nOverfull \\vbox (10pt too high)\n";
    let found = faults(log);
    assert_eq!(found.len(), 3, "{found:?}");
    assert!(found[0].contains("3.2pt"));
    assert!(found[1].starts_with("error: ! Undefined"));
    assert!(found[2].contains("vbox"));
}
