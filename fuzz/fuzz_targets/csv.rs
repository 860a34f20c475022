//! CSV text → `load_csv` with several target choices; see `stepgrad_fuzz::csv`.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = stepgrad_fuzz::csv(text);
    }
});
