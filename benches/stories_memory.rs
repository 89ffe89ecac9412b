//! Peak heap memory of `matrix DIR --format json` on a folder of 10,000
//! generated articles of about 800 words (target: under 500 MB), the code
//! path the CLI runs: loading, labels, stories and the JSON, measured with a
//! counting allocator.

mod common;
mod counting;

use std::time::Duration;

use spacefilm::compare::{Budget, stories};
use spacefilm::corpus::{self, LoadOptions};
use spacefilm::export;

fn main() {
    let (texts, _) = common::story_corpus(10_000, 800, 42);
    let input: usize = texts.iter().map(String::len).sum();
    let folder = tempfile::tempdir().unwrap();
    for (k, text) in texts.iter().enumerate() {
        std::fs::write(folder.path().join(format!("a{k:06}.txt")), text).unwrap();
    }
    drop(texts);
    let dir = folder.path().to_owned();
    let (groups, peak) = counting::peak_during(|| {
        let mut loaded = corpus::load_paths(std::slice::from_ref(&dir), LoadOptions::default());
        corpus::label::assign(&mut loaded.articles);
        let articles: Vec<&corpus::Article> = loaded.articles.iter().collect();
        let map = stories::map(&articles, &Budget::new(Duration::from_secs(3)));
        serde_json::to_writer(std::io::sink(), &export::matrix::json(&articles, &map)).unwrap();
        map.stories.len()
    });
    println!(
        "matrix of 10k articles ({:.1} MB of text): peak heap {:.1} MB, {groups} stories",
        input as f64 / 1e6,
        peak as f64 / 1e6,
    );
}
