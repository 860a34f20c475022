//! Gathers the message catalogue: every `locales/<lang>/*.ftl` file,
//! concatenated in name order into `$OUT_DIR/<lang>.ftl`, which
//! `src/i18n/catalog.rs` builds into the binary.

use std::fs;
use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=locales");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    for lang in ["en", "ko"] {
        let dir = Path::new("locales").join(lang);
        println!("cargo:rerun-if-changed={}", dir.display());
        let mut files: Vec<_> = fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|entry| entry.expect("a readable entry").path())
            .filter(|path| path.extension().is_some_and(|e| e == "ftl"))
            .collect();
        files.sort();
        let mut text = String::new();
        for file in files {
            println!("cargo:rerun-if-changed={}", file.display());
            text.push_str(&format!("\n## {}\n", file.display()));
            text.push_str(&fs::read_to_string(&file).expect("readable UTF-8 .ftl"));
            text.push('\n');
        }
        fs::write(Path::new(&out).join(format!("{lang}.ftl")), text).expect("writable OUT_DIR");
    }
}
