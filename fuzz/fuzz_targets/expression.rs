//! Expression text → parse → simplify → differentiate by each variable →
//! print → parse again; see `stepgrad_fuzz::expression` for the checks.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        stepgrad_fuzz::expression(text);
    }
});
