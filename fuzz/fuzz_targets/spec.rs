//! Spec TOML → parse → build → one step; see `stepgrad_fuzz::spec`.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = stepgrad_fuzz::spec(text);
    }
});
