//! Fuzz target `app`: see `check_app` in `fuzz/checks.rs` for what it checks.
//! Run by hand: `cargo +nightly fuzz run app`.

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../checks.rs"]
mod checks;

fuzz_target!(|input: checks::AppInput| checks::check_app(&input));
