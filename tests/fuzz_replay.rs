//! Replays every input the fuzzers found a fault with, saved as
//! `tests/fuzz/<target>/<fault-kind>-<hash>`, and hand-made inputs of the
//! four panics first reported (a quote cut at the end, a no-break space
//! before a dotted word or a colon, a search whose lowercase form is
//! longer), named `<fault-kind>`, through the same checks the
//! fuzz targets run (`fuzz/checks.rs`). A regression fails here, on stable,
//! without the fuzzer.

#[path = "../fuzz/checks.rs"]
mod checks;

use std::fs;
use std::path::Path;

use arbitrary::{Arbitrary, Unstructured};

/// Runs `check` on every file under `tests/fuzz/<target>`; returns how many.
fn replay<T: for<'a> Arbitrary<'a>>(target: &str, check: fn(&T)) -> usize {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz")
        .join(target);
    let mut files: Vec<_> = fs::read_dir(&folder)
        .unwrap_or_else(|e| panic!("{}: {e}", folder.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_file())
        .collect();
    files.sort();
    for path in &files {
        let bytes = fs::read(path).unwrap();
        let input = T::arbitrary_take_rest(Unstructured::new(&bytes)).unwrap();
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| check(&input)));
        assert!(outcome.is_ok(), "{} fails again", path.display());
    }
    files.len()
}

#[test]
fn load_faults_stay_fixed() {
    replay::<checks::LoadInput>("load", checks::check_load);
}

#[test]
fn compare_faults_stay_fixed() {
    replay::<checks::PairInput>("compare", checks::check_compare);
}

#[test]
fn facts_faults_stay_fixed() {
    replay::<checks::SetInput>("facts", checks::check_set);
}

#[test]
fn app_faults_stay_fixed() {
    replay::<checks::AppInput>("app", checks::check_app);
}
