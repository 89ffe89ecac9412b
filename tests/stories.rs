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
    let stories: Vec<Vec<&str>> = json["stories"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            s.as_array()
                .unwrap()
                .iter()
                .map(|a| &a.as_str().unwrap()[..3])
                .collect()
        })
        .collect();
    let afp = stories.iter().find(|s| s.contains(&"002")).unwrap();
    assert_eq!(afp, &["000", "002", "003"]);
    let all: Vec<&str> = stories.iter().flatten().copied().collect();
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
