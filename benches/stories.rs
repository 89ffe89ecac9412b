//! `matrix DIR --format json` on generated folders, the code path the CLI
//! runs: load the files (in parallel), label them, group them into stories
//! (fingerprints, LSH candidates, verification) and write the JSON.
//!
//! Targets (issue 14; whole process, one core): 10k articles of ~800 words
//! under 5 s; loading alone, under 2 s on 2 cores. The 10k folder here is
//! timed in-process on the threads there are; `benches/stories_memory.rs` gives the peak memory. The quality of
//! the grouping (pair precision and recall) is printed once per corpus.

mod common;

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use spacefilm::compare::Budget;
use spacefilm::compare::stories;
use spacefilm::corpus::{self, LoadOptions};
use spacefilm::export;

/// Writes a generated corpus to a folder, one file per article named
/// after its index.
fn write_corpus(dir: &Path, texts: &[String]) {
    for (k, text) in texts.iter().enumerate() {
        std::fs::write(dir.join(format!("a{k:06}.txt")), text).unwrap();
    }
}

/// What `matrix DIR --format json` does, the JSON written to a sink.
fn matrix(dir: &Path) -> stories::StoryMap {
    let mut loaded = corpus::load_paths(&[dir.to_owned()], LoadOptions::default());
    corpus::label::assign(&mut loaded.articles);
    let articles: Vec<&corpus::Article> = loaded.articles.iter().collect();
    let map = stories::map(&articles, &Budget::new(Duration::from_secs(3)));
    serde_json::to_writer(std::io::sink(), &export::matrix::json(&articles, &map)).unwrap();
    map
}

/// Pair precision and recall of the stories against the generator's.
fn quality(map: &stories::StoryMap, truth: &[usize]) -> (f64, f64) {
    let mut story_of = vec![0; truth.len()];
    for (k, story) in map.stories.iter().enumerate() {
        for &i in story {
            story_of[i] = k;
        }
    }
    let (mut found, mut right, mut real) = (0u64, 0u64, 0u64);
    for a in 0..truth.len() {
        for b in a + 1..truth.len() {
            let same_found = story_of[a] == story_of[b];
            let same_real = truth[a] == truth[b];
            found += u64::from(same_found);
            real += u64::from(same_real);
            right += u64::from(same_found && same_real);
        }
    }
    (right as f64 / found as f64, right as f64 / real as f64)
}

/// A corpus generator: texts and their stories.
type Generator = fn(usize, usize, u64) -> (Vec<String>, Vec<usize>);

fn bench_matrix(c: &mut Criterion) {
    let mut group = c.benchmark_group("matrix DIR");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(30));
    let corpora: [(&str, Generator); 2] = [
        ("10k articles of 800 words", common::story_corpus),
        (
            "10k articles, one story in ten of 100 versions",
            common::story_corpus_with_large,
        ),
    ];
    for (name, generate) in corpora {
        let (texts, truth) = generate(10_000, 800, 42);
        let folder = tempfile::tempdir().unwrap();
        write_corpus(folder.path(), &texts);
        let dir: PathBuf = folder.path().to_owned();
        let (precision, recall) = quality(&matrix(&dir), &truth);
        eprintln!("{name}: pair precision {precision:.4}, recall {recall:.4}");
        group.bench_function(name, |b| b.iter(|| black_box(matrix(&dir))));
        if name.starts_with("10k articles of") {
            // Loading alone (target: 10k files under 2 s on 2 cores).
            group.bench_function("load 10k files", |b| {
                b.iter(|| {
                    black_box(corpus::load_paths(
                        std::slice::from_ref(&dir),
                        LoadOptions::default(),
                    ))
                })
            });
        }
    }
    group.finish();
}

criterion_group!(benches, bench_matrix);
criterion_main!(benches);
