//! Peak heap memory of story grouping of 10,000 generated articles of
//! about 800 words, measured with a counting allocator, above the texts
//! themselves.

mod common;
mod counting;

fn main() {
    let (texts, _) = common::story_corpus(10_000, 800, 42);
    let input: usize = texts.iter().map(String::len).sum();
    let (groups, peak) = counting::peak_during(|| common::group_stories(&texts));
    println!(
        "stories of 10k articles ({:.1} MB of text): peak {:.1} MB above the texts, {} groups",
        input as f64 / 1e6,
        peak as f64 / 1e6,
        groups.len()
    );
}
