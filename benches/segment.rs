//! Sentence and word segmentation throughput. Target: at least 100 MB/s per
//! core for each.

mod common;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

use spacefilm::corpus::segment;

fn segmentation(c: &mut Criterion) {
    let text = common::prose(8 * 1024 * 1024, 7);
    let paragraphs: Vec<&str> = text.split("\n\n").filter(|p| !p.is_empty()).collect();
    let mut group = c.benchmark_group("segment");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(20);
    group.bench_function("sentences", |b| {
        b.iter(|| {
            paragraphs
                .iter()
                .map(|p| segment::sentences(black_box(p)).len())
                .sum::<usize>()
        })
    });
    group.bench_function("words", |b| {
        b.iter(|| {
            paragraphs
                .iter()
                .map(|p| segment::word_count(black_box(p)))
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, segmentation);
criterion_main!(benches);
