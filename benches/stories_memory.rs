//! `matrix DIR --format json` at archive scale, on folders of 10,000 and
//! 100,000 generated articles of about 800 words, the code path the CLI
//! runs (loading, labels, stories, the JSON): wall time, CPU time and peak
//! heap (a counting allocator), one run each, with pair precision and
//! recall against the generated stories. Targets (issue 14, one core): 10k
//! in under 5 s and 500 MB, 100k in under 60 s and 4 GB. `SCALE=10000`
//! runs the first only.

mod common;
mod counting;

use std::time::{Duration, Instant};

use spacefilm::compare::{Budget, stories};
use spacefilm::corpus::{self, LoadOptions};
use spacefilm::export;

fn main() {
    let sizes: Vec<usize> = match std::env::var("SCALE") {
        Ok(size) => vec![size.parse().expect("SCALE is a number of articles")],
        Err(_) => vec![10_000, 100_000],
    };
    for size in sizes {
        measure(size);
    }
}

fn measure(size: usize) {
    let (texts, truth) = common::story_corpus(size, 800, 42);
    let input: usize = texts.iter().map(String::len).sum();
    let folder = tempfile::tempdir().unwrap();
    for (k, text) in texts.iter().enumerate() {
        std::fs::write(folder.path().join(format!("a{k:07}.txt")), text).unwrap();
    }
    drop(texts);
    let dir = folder.path().to_owned();
    let (cpu_before, started) = (own_cpu(), Instant::now());
    let (found, peak) = counting::peak_during(|| {
        let mut loaded = corpus::load_paths(std::slice::from_ref(&dir), LoadOptions::default());
        corpus::label::assign(&mut loaded.articles);
        let articles: Vec<&corpus::Article> = loaded.articles.iter().collect();
        let map = stories::map(&articles, &Budget::new(Duration::from_secs(3)));
        serde_json::to_writer(std::io::sink(), &export::matrix::json(&articles, &map)).unwrap();
        map.stories
    });
    let (wall, cpu) = (started.elapsed(), own_cpu() - cpu_before);
    let (precision, recall) = pair_scores(&found, &truth);
    println!(
        "matrix of {size} articles ({:.1} MB of text): {:.2} s wall, {:.2} s CPU, peak heap {:.1} MB, \
         {} stories, pair precision {precision:.4} recall {recall:.4}",
        input as f64 / 1e6,
        wall.as_secs_f64(),
        cpu.as_secs_f64(),
        peak as f64 / 1e6,
        found.len(),
    );
}

/// User and system time of this process so far.
fn own_cpu() -> Duration {
    use nix::sys::resource::{UsageWho, getrusage};
    let usage = getrusage(UsageWho::RUSAGE_SELF).expect("getrusage");
    let time =
        |t: nix::sys::time::TimeVal| Duration::new(t.tv_sec() as u64, t.tv_usec() as u32 * 1000);
    time(usage.user_time()) + time(usage.system_time())
}

/// Precision and recall of the same-story pairs `found` gives, against
/// each article's true story.
fn pair_scores(found: &[Vec<usize>], truth: &[usize]) -> (f64, f64) {
    let ours = same_story_pairs(found.iter().map(Vec::as_slice));
    let mut by_story: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
    for (article, &story) in truth.iter().enumerate() {
        by_story.entry(story).or_default().push(article);
    }
    let true_pairs = same_story_pairs(by_story.values().map(Vec::as_slice));
    let hits = ours.intersection(&true_pairs).count() as f64;
    (
        hits / (ours.len() as f64).max(1.0),
        hits / (true_pairs.len() as f64).max(1.0),
    )
}

/// Every pair `(i, j)`, `i < j`, of articles in one group.
fn same_story_pairs<'g>(
    groups: impl Iterator<Item = &'g [usize]>,
) -> std::collections::HashSet<(usize, usize)> {
    let mut pairs = std::collections::HashSet::new();
    for group in groups {
        for (k, &i) in group.iter().enumerate() {
            for &j in &group[k + 1..] {
                pairs.insert((i.min(j), i.max(j)));
            }
        }
    }
    pairs
}
