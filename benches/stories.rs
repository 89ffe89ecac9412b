//! Story grouping of 10,000 generated articles of about 800 words (target:
//! under 0.5 s on one core): fingerprints (MinHash), LSH candidates, and
//! their verification, as the app and `matrix` do it. Peak memory is in
//! `benches/stories_memory.rs`.

mod common;

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};

fn stories(c: &mut Criterion) {
    let (texts, truth) = common::story_corpus(10_000, 800, 42);
    let groups = common::group_stories(&texts);
    let stories = truth.iter().max().map_or(0, |m| m + 1);
    let exact = groups
        .iter()
        .filter(|g| g.iter().all(|&i| truth[i] == truth[g[0]]))
        .count();
    eprintln!(
        "{} articles in {stories} stories: {} groups, {exact} of them pure",
        texts.len(),
        groups.len()
    );
    let mut group_bench = c.benchmark_group("stories");
    group_bench
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    group_bench.bench_function("10k articles of 800 words", |b| {
        b.iter(|| black_box(common::group_stories(&texts)))
    });
    group_bench.finish();
}

criterion_group!(benches, stories);
criterion_main!(benches);
