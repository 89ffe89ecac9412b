//! Fuzz target `load`: see `check_load` in `fuzz/checks.rs` for what it checks.
//! Run by hand: `cargo +nightly fuzz run load`.

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../checks.rs"]
mod checks;

fuzz_target!(|input: checks::LoadInput| checks::check_load(&input));
