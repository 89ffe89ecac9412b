//! Helpers shared by the integration tests.

#![allow(dead_code)]

pub mod gold;
pub mod tui;

/// A small deterministic generator (xorshift) for generated test material.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Runs the binary with `args` and `HOME` (and the XDG folders) in a fresh
/// temporary folder, so that no user settings apply, asserts that it
/// succeeded, and parses its standard output as JSON.
pub fn run_json<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> serde_json::Value {
    let home = tempfile::tempdir().unwrap();
    let output = assert_cmd::Command::cargo_bin("spacefilm-tui")
        .unwrap()
        .env("HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .env("XDG_DATA_HOME", home.path().join("data"))
        .args(args)
        .output()
        .unwrap();
    let shown: Vec<_> = args.iter().map(|a| a.as_ref().to_string_lossy()).collect();
    assert!(
        output.status.success(),
        "{shown:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}
