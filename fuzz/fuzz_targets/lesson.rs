//! Lesson text → parse → printed as text and Markdown; see `stepgrad_fuzz::lesson`.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = stepgrad_fuzz::lesson(text);
    }
});
