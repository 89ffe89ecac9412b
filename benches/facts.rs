//! The discrepancy ledger over two 100k-word versions (target: under
//! 0.6 s), over twenty versions of an 800-word story (target: under
//! 250 ms), and over 100 and 1,000 versions of it (targets: 0.5 s and
//! 5 s): the generated paraphrases of `benches/compare.rs`, with one
//! paragraph in three carrying a sentence of facts (a person's age, a sum,
//! a date, a count, a duration, a quote), a tenth of them changed in each
//! other version.

mod common;

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};

use spacefilm::compare::Budget;
use spacefilm::compare::facts::ledger;
use spacefilm::corpus::{self, Article, LoadOptions};

const WORDS: usize = 100_000;
const MONTHS: [&str; 6] = ["January", "March", "May", "July", "September", "November"];

/// A sentence stating facts, and the same facts with one value changed.
fn fact_sentence(rng: &mut common::Rng, n: usize) -> (String, String) {
    let surname = format!(
        "Vel{}ko",
        ["ar", "es", "in", "ov", "um"][n % 5].repeat(1 + n % 3)
    );
    let age = 30 + rng.below(40);
    let millions = 1 + rng.below(900);
    let day = 1 + rng.below(28);
    let month = MONTHS[rng.below(MONTHS.len())];
    let count = 100 * (1 + rng.below(50));
    let sentence = |age: usize, millions: usize| {
        format!(
            "Director Anna {surname}, {age}, said on {month} {day} that the {count} volunteers would need {millions} million dollars and \"a great deal of patience\" for twelve days."
        )
    };
    let changed = if rng.below(10) == 0 {
        sentence(age + 1, millions + 5)
    } else {
        sentence(age, millions)
    };
    (sentence(age, millions), changed)
}

fn with_facts(document: &[Vec<String>], seed: u64) -> String {
    let mut rng = common::Rng::new(seed);
    let mut out = String::new();
    for (k, paragraph) in document.iter().enumerate() {
        let mut sentences = paragraph.clone();
        if k % 3 == 0 {
            sentences.push(fact_sentence(&mut rng, k).0);
        }
        out.push_str(&sentences.join(" "));
        out.push_str("\n\n");
    }
    out
}

fn with_changed_facts(document: &[Vec<String>], seed: u64) -> String {
    with_changed_facts_from(document, seed, seed)
}

/// The facts of `seed`, a tenth changed as `change_seed` picks.
fn with_changed_facts_from(document: &[Vec<String>], seed: u64, change_seed: u64) -> String {
    let mut rng = common::Rng::new(seed);
    let mut change = common::Rng::new(change_seed);
    let mut out = String::new();
    for (k, paragraph) in document.iter().enumerate() {
        let mut sentences = paragraph.clone();
        if k % 3 == 0 {
            let (same, changed) = fact_sentence(&mut rng, k);
            // With its own seed, each version changes its own tenth.
            let changes = change_seed == seed || change.below(10) == 0;
            sentences.push(if changes { changed } else { same });
        }
        out.push_str(&sentences.join(" "));
        out.push_str("\n\n");
    }
    out
}

fn load(dir: &std::path::Path, name: &str, text: &str) -> Article {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    corpus::load_file(&path, LoadOptions::default()).unwrap()
}

fn facts(c: &mut Criterion) {
    let vocabulary = common::Vocabulary::new(20_000, 1);
    let original = common::document(WORDS, &vocabulary, 2);
    let paraphrase = common::paraphrased(&original, &vocabulary, 4);
    let dir = tempfile::tempdir().unwrap();
    // The same seed: the same facts, in both versions' paragraphs.
    let left = load(dir.path(), "left.txt", &with_facts(&original, 11));
    let right = load(
        dir.path(),
        "right.txt",
        &with_changed_facts(&paraphrase, 11),
    );
    let ledger_once = ledger(&[&left, &right], &Budget::unlimited());
    eprintln!(
        "{} + {} words: {} facts, {} in conflict",
        left.word_count(),
        right.word_count(),
        ledger_once.facts.len(),
        ledger_once.facts.iter().filter(|f| f.conflict).count()
    );
    let mut group = c.benchmark_group("facts");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    group.bench_function("two 100k-word versions", |b| {
        b.iter(|| black_box(ledger(&[&left, &right], &Budget::unlimited())))
    });

    // Twenty versions of one 800-word story, each paraphrased its own way;
    // then a newsroom's day, 100 and 1,000 versions (aligned to pivots
    // rather than pairwise above twelve).
    let story = common::document(STORY_WORDS, &vocabulary, 21);
    for (count, name, seconds) in [
        (20, "twenty 800-word versions", 10),
        (100, "100 800-word versions", 10),
        (1000, "1,000 800-word versions", 60),
    ] {
        let versions: Vec<Article> = (0..count)
            .map(|k| {
                let text = if k == 0 {
                    with_facts(&story, 31)
                } else {
                    let paraphrase = common::paraphrased(&story, &vocabulary, 100 + k as u64);
                    with_changed_facts_from(&paraphrase, 31, 200 + k as u64)
                };
                load(dir.path(), &format!("version-{k:04}.txt"), &text)
            })
            .collect();
        let refs: Vec<&Article> = versions.iter().collect();
        let ledger_once = ledger(&refs, &Budget::unlimited());
        eprintln!(
            "{count} versions of {} words: {} facts, {} in conflict",
            versions[0].word_count(),
            ledger_once.facts.len(),
            ledger_once.facts.iter().filter(|f| f.conflict).count()
        );
        group.measurement_time(Duration::from_secs(seconds));
        group.bench_function(name, |b| {
            b.iter(|| black_box(ledger(&refs, &Budget::unlimited())))
        });
    }
    group.finish();
}

const STORY_WORDS: usize = 800;

criterion_group!(benches, facts);
criterion_main!(benches);
