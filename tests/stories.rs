//! Story grouping and the similarity matrix: the seeds through the binary,
//! and generated corpora where the right grouping is known: versions of a
//! story (reworded, trimmed, reordered) together, and different stories on
//! one topic apart.

use std::collections::HashSet;

use assert_cmd::Command;
use serde_json::Value;

use spacefilm::compare::stories::{
    Fingerprint, SAME_STORY_ALIGNMENT, Shingler, group_fingerprints,
};
use spacefilm::compare::{Budget, align};

mod common;
use common::Rng;

fn matrix(args: &[&str]) -> std::process::Output {
    Command::cargo_bin("spacefilm-tui")
        .unwrap()
        .arg("matrix")
        .args(args)
        .output()
        .unwrap()
}

/// The stories of `matrix --format json`, as lists of article ids.
fn story_ids(json: &Value) -> Vec<Vec<String>> {
    json["stories"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            s.as_array()
                .unwrap()
                .iter()
                .map(|id| id.as_str().unwrap().to_owned())
                .collect()
        })
        .collect()
}

/// The stories, each id cut to its seed number (`002`).
fn seed_numbers(json: &Value) -> Vec<Vec<String>> {
    story_ids(json)
        .into_iter()
        .map(|s| s.into_iter().map(|id| id[..3].to_owned()).collect())
        .collect()
}

#[test]
fn matrix_json_on_the_seeds() {
    let output = matrix(&["--format", "json"]);
    assert!(output.status.success());
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    let ids: Vec<&str> = json["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a.as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), 5);
    let similarity = json["similarity"].as_array().unwrap();
    for (i, row) in similarity.iter().enumerate() {
        let row = row.as_array().unwrap();
        assert_eq!(row.len(), 5);
        for (j, value) in row.iter().enumerate() {
            let value = value.as_f64().unwrap();
            assert!((0.0..=1.0).contains(&value));
            assert_eq!(value, similarity[j][i].as_f64().unwrap(), "symmetric");
            if i == j {
                assert_eq!(value, 1.0);
            }
        }
    }
    // Every pair is aligned for so few articles; `pairs` lists those at or
    // above the floor, with the values of the table.
    assert_eq!(json["measure"], "alignment");
    let pairs = json["pairs"].as_array().unwrap();
    assert!(!pairs.is_empty());
    for pair in pairs {
        let (i, j, value) = (
            pair[0].as_u64().unwrap() as usize,
            pair[1].as_u64().unwrap() as usize,
            pair[2].as_f64().unwrap(),
        );
        assert!(i < j && value >= 0.1, "{pair}");
        assert_eq!(similarity[i][j].as_f64().unwrap(), value);
    }
    let stories = seed_numbers(&json);
    let afp = stories
        .iter()
        .find(|s| s.contains(&"002".to_owned()))
        .unwrap();
    assert_eq!(afp, &["000", "002", "003"]);
    let all: Vec<&String> = stories.iter().flatten().collect();
    assert_eq!(all.len(), 5, "every article in exactly one story");
}

#[test]
fn matrix_text_is_a_heat_table() {
    let output = matrix(&["--width", "80"]);
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    // Rows by label: 002's is its outlet, which tells it apart.
    let row = text
        .lines()
        .find(|l| l.starts_with("The Moscow Times"))
        .unwrap_or_else(|| panic!("{text}"));
    // The strongest pair carries the darkest shade, not colour alone.
    assert!(row.contains("█0.66"), "{text}");
    assert!(text.contains("3 stories"), "{text}");
    assert!(
        text.lines()
            .all(|l| unicode_width::UnicodeWidthStr::width(l) <= 80)
    );
}

// ---- Generated corpora ----------------------------------------------------

/// A made-up word: no seed text, no real vocabulary.
fn word(rng: &mut Rng) -> String {
    const SYLLABLES: &[&str] = &[
        "ka", "lo", "mer", "ti", "sa", "vun", "de", "ro", "pli", "nu", "ga", "sto",
    ];
    (0..2 + rng.below(3))
        .map(|_| *rng.pick(SYLLABLES))
        .collect()
}

/// Sentences of a story: its own words (names, places, details), its
/// topic's words, which other stories on the topic share, and common ones.
fn story(rng: &mut Rng, topic: &[String], common: &[String]) -> (Vec<String>, Vec<String>) {
    let own: Vec<String> = (0..150).map(|_| word(rng)).collect();
    let sentences = (0..30 + rng.below(20))
        .map(|_| {
            let words: Vec<&str> = (0..12 + rng.below(14))
                .map(|_| match rng.below(100) {
                    0..40 => rng.pick(common).as_str(),
                    40..65 => rng.pick(topic).as_str(),
                    _ => rng.pick(&own).as_str(),
                })
                .collect();
            format!("{}.", words.join(" "))
        })
        .collect();
    (sentences, own)
}

/// Another outlet's version: a quarter of the words replaced by others of
/// the story, some sentences dropped, a few moved.
fn version(rng: &mut Rng, sentences: &[String], words: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    for sentence in sentences {
        if rng.chance(20) {
            continue;
        }
        let words: Vec<String> = sentence
            .trim_end_matches('.')
            .split(' ')
            .map(|w| {
                if rng.chance(25) {
                    rng.pick(words).clone()
                } else {
                    w.to_owned()
                }
            })
            .collect();
        out.push(format!("{}.", words.join(" ")));
    }
    for _ in 0..3 {
        let (a, b) = (rng.below(out.len()), rng.below(out.len()));
        out.swap(a, b);
    }
    out
}

#[test]
fn generated_versions_group_and_same_topic_stories_stay_apart() {
    let mut rng = Rng(0x0570_71e5);
    let common: Vec<String> = (0..300).map(|_| word(&mut rng)).collect();
    let mut texts: Vec<Vec<String>> = Vec::new();
    let mut truth: Vec<usize> = Vec::new();
    let mut story_id = 0;
    // 12 topics, each with 2 different stories, each story in 1–5 versions.
    for _ in 0..12 {
        let topic: Vec<String> = (0..120).map(|_| word(&mut rng)).collect();
        for _ in 0..2 {
            let (original, own) = story(&mut rng, &topic, &common);
            let versions = 1 + rng.below(5);
            texts.push(original.clone());
            truth.push(story_id);
            for _ in 1..versions {
                texts.push(version(&mut rng, &original, &own));
                truth.push(story_id);
            }
            story_id += 1;
        }
    }
    let mut shingler = Shingler::default();
    let fingerprints = Fingerprint::of_corpus(
        texts
            .iter()
            .map(|sentences| shingler.text(sentences.iter().map(|s| s.split(' '))))
            .collect(),
    );
    let budget = Budget::unlimited();
    let groups = group_fingerprints(&fingerprints, |i, j| {
        let a: Vec<&str> = texts[i].iter().map(String::as_str).collect();
        let b: Vec<&str> = texts[j].iter().map(String::as_str).collect();
        align(&a, &b, &budget).similarity >= SAME_STORY_ALIGNMENT
    });
    let pairs = |same: &dyn Fn(usize, usize) -> bool| -> HashSet<(usize, usize)> {
        (0..texts.len())
            .flat_map(|i| (i + 1..texts.len()).map(move |j| (i, j)))
            .filter(|&(i, j)| same(i, j))
            .collect()
    };
    let expected = pairs(&|i, j| truth[i] == truth[j]);
    let group_of = |i: usize| groups.iter().position(|g| g.contains(&i)).unwrap();
    let found = pairs(&|i, j| group_of(i) == group_of(j));
    let right = expected.intersection(&found).count() as f64;
    let precision = right / found.len().max(1) as f64;
    let recall = right / expected.len().max(1) as f64;
    eprintln!(
        "generated stories: {} articles, {} stories, {} groups; pair precision {precision:.3}, recall {recall:.3}",
        texts.len(),
        story_id,
        groups.len()
    );
    assert!(
        precision >= 0.95 && recall >= 0.95,
        "precision {precision:.3} recall {recall:.3}"
    );
}

#[path = "../benches/common/mod.rs"]
#[allow(dead_code, clippy::all)]
mod generated;

/// Over 500 articles, `matrix` compares LSH candidates only: the JSON has
/// the stories and the similar pairs, not the dense table, and a story of
/// 100 versions stays whole (words were once dropped as frequent when more
/// than one article in fifty used them).
#[test]
fn a_large_corpus_gets_pairs_and_keeps_its_largest_stories_whole() {
    let (texts, truth) = generated::story_corpus_with_large(700, 300, 7);
    let sizes = truth.iter().fold(vec![0usize; 1000], |mut n, &s| {
        n[s] += 1;
        n
    });
    assert!(sizes.contains(&100), "the corpus has a 100-version story");
    let folder = tempfile::tempdir().unwrap();
    for (k, text) in texts.iter().enumerate() {
        std::fs::write(folder.path().join(format!("a{k:04}.txt")), text).unwrap();
    }
    let output = matrix(&[folder.path().to_str().unwrap(), "--format", "json"]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert!(json.get("similarity").is_none(), "no dense table above 500");
    assert_eq!(json["measure"], "words");
    let index = |id: &str| id[1..].parse::<usize>().unwrap();
    let found: HashSet<(usize, usize)> = story_ids(&json)
        .iter()
        .flat_map(|story| {
            let members: Vec<usize> = story.iter().map(|id| index(id)).collect();
            let pairs: Vec<(usize, usize)> = members
                .iter()
                .flat_map(|&a| {
                    members
                        .iter()
                        .filter(move |&&b| a < b)
                        .map(move |&b| (a, b))
                })
                .collect();
            pairs
        })
        .collect();
    let true_pairs: HashSet<(usize, usize)> = (0..texts.len())
        .flat_map(|a| (a + 1..texts.len()).map(move |b| (a, b)))
        .filter(|&(a, b)| truth[a] == truth[b])
        .collect();
    let right = found.intersection(&true_pairs).count() as f64;
    let (precision, recall) = (right / found.len() as f64, right / true_pairs.len() as f64);
    assert!(precision >= 0.99 && recall >= 0.99, "{precision} {recall}");
    // The listed pairs index the articles and are at or above the floor;
    // there are at least those that joined the stories (v - 1 for a story
    // of v versions).
    let pairs = json["pairs"].as_array().unwrap();
    let joins: usize = sizes.iter().map(|&v| v.saturating_sub(1)).sum();
    assert!(pairs.len() >= joins, "{} < {joins}", pairs.len());
    for pair in pairs {
        let (i, j) = (pair[0].as_u64().unwrap(), pair[1].as_u64().unwrap());
        assert!(i < j && j < texts.len() as u64 && pair[2].as_f64().unwrap() >= 0.1);
    }
}

/// Newsletter and syndication lines an outlet appends to every article
/// never make two stories one, nor raise their similarity: the launch
/// reports (001, 004) and one AFP copy (002), all three with the same four
/// lines appended, stay as they were without them.
#[test]
fn boilerplate_lines_never_join_two_stories() {
    const BOILERPLATE: &str = "\n\nSign up for our morning newsletter to get the day's top stories in your inbox.\n\n\
        This article was published from a wire agency feed without modifications to the text.\n\n\
        Follow us on Twitter and Facebook for the latest news.\n\n\
        Copyright 2021 The Daily Courier. All rights reserved.\n";
    let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let folder = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(&seeds).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_owned();
        let mut text = std::fs::read_to_string(&path).unwrap();
        if ["001", "002", "004"].iter().any(|n| name.starts_with(n)) {
            text.push_str(BOILERPLATE);
        }
        std::fs::write(folder.path().join(name), text).unwrap();
    }
    let with = matrix(&[folder.path().to_str().unwrap(), "--format", "json"]);
    let without = matrix(&["--format", "json"]);
    let with: Value = serde_json::from_slice(&with.stdout).unwrap();
    let without: Value = serde_json::from_slice(&without.stdout).unwrap();
    assert_eq!(seed_numbers(&with), seed_numbers(&without));
    assert_eq!(
        seed_numbers(&with),
        [vec!["000", "002", "003"], vec!["001"], vec!["004"]]
    );
    // 001 ↔ 004: the appended lines add nothing.
    let similarity = |json: &Value| json["similarity"][1][4].as_f64().unwrap();
    assert!(
        (similarity(&with) - similarity(&without)).abs() < 0.02,
        "{} vs {}",
        similarity(&with),
        similarity(&without)
    );
}

/// Joining translations to their stories says how far it has got: over the
/// seeds and a French translation of one, the last stage is matching the
/// cross-language candidate pairs, counted to the end.
#[test]
fn joining_translations_shows_its_progress() {
    use spacefilm::compare::stories::map_counted;
    use spacefilm::corpus::{LoadOptions, load::load_file, load::seeds};
    use spacefilm::progress::Progress;

    let french =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/xling/002-fr.txt");
    let mut articles = seeds();
    articles.push(load_file(&french, LoadOptions::default()).unwrap());
    let refs: Vec<_> = articles.iter().collect();
    let progress = Progress::default();
    let map = map_counted(&refs, &Budget::unlimited(), &progress);
    let (stage, done, total) = progress.snapshot();
    assert_eq!(stage.doing, "matching translations");
    assert!(total > 0, "no cross-language candidate pair");
    assert_eq!(done, total);
    // And the translation joined its original's story.
    let french_index = articles.len() - 1;
    let original = articles
        .iter()
        .position(|a| a.id.starts_with("002"))
        .unwrap();
    assert!(
        map.stories
            .iter()
            .any(|story| story.contains(&french_index) && story.contains(&original)),
        "{:?}",
        map.stories
    );
}
