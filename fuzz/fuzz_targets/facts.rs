//! Fuzz target `facts`: see `check_set` in `fuzz/checks.rs` for what it checks.
//! Run by hand: `cargo +nightly fuzz run facts`.

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../checks.rs"]
mod checks;

fuzz_target!(|input: checks::SetInput| checks::check_set(&input));
