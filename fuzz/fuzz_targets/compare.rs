//! Fuzz target `compare`: see `check_compare` in `fuzz/checks.rs` for what it checks.
//! Run by hand: `cargo +nightly fuzz run compare`.

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../checks.rs"]
mod checks;

fuzz_target!(|input: checks::PairInput| checks::check_compare(&input));
