//! Peak heap memory of align + word diff on the 100k-word pairs, measured
//! with a counting allocator. Target: under 50 MB. Prints one line a pair.

mod common;
mod counting;

use spacefilm::compare::{Budget, CompareOptions, compare_sentences};

fn main() {
    let vocabulary = common::Vocabulary::new(20_000, 1);
    let original = common::document(100_000, &vocabulary, 2);
    let versions = [
        (
            "near-identical",
            common::near_identical(&original, &vocabulary, 3),
        ),
        (
            "paraphrased",
            common::paraphrased(&original, &vocabulary, 4),
        ),
        ("unrelated", common::document(100_000, &vocabulary, 5)),
    ];
    let left = common::sentences(&original);
    for (name, version) in &versions {
        let right = common::sentences(version);
        let (comparison, peak) = counting::peak_during(|| {
            compare_sentences(
                &left,
                &right,
                CompareOptions::default(),
                &Budget::unlimited(),
            )
        });
        println!(
            "align+diff 100k words, {name}: peak {:.1} MB above the inputs ({} links)",
            peak as f64 / 1e6,
            comparison.alignment.links.len()
        );
    }
}
