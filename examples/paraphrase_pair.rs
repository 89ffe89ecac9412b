//! Writes the benchmarks' generated 100k-word document and its paraphrase
//! (a fifth of the sentences reworded, some split or merged, one paragraph
//! in twenty moved) to two files, to time `diff` against
//! `git diff --no-index --word-diff` on the same pair:
//!
//! ```text
//! cargo run --release --example paraphrase_pair -- /tmp/pair
//! /usr/bin/time -f "%U+%S" target/release/spacefilm-tui diff /tmp/pair/original.txt /tmp/pair/paraphrase.txt --format json >/dev/null
//! /usr/bin/time -f "%U+%S" git diff --no-index --word-diff /tmp/pair/original.txt /tmp/pair/paraphrase.txt >/dev/null
//! ```

#[path = "../benches/common/mod.rs"]
mod common;

fn text(document: &[Vec<String>]) -> String {
    document
        .iter()
        .map(|p| p.join(" "))
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn main() -> std::io::Result<()> {
    let Some(out) = std::env::args().nth(1) else {
        eprintln!("usage: paraphrase_pair DIR");
        std::process::exit(2);
    };
    // The document and paraphrase of `benches/compare.rs`.
    let vocabulary = common::Vocabulary::new(20_000, 1);
    let original = common::document(100_000, &vocabulary, 2);
    let paraphrase = common::paraphrased(&original, &vocabulary, 4);
    std::fs::create_dir_all(&out)?;
    std::fs::write(format!("{out}/original.txt"), text(&original))?;
    std::fs::write(format!("{out}/paraphrase.txt"), text(&paraphrase))
}
