//! Labels: a short name for each article that tells it apart from every
//! other article loaded with it. Ids are for scripts (JSON keeps them);
//! labels are for people, in every table and pane.
//!
//! An article's label is its outlet when that is known and no other article
//! shares it; otherwise the part of its file stem that differs from the
//! other stems (`bridge_gazette` and `bridge_herald` give `gazette` and
//! `herald`), shortened to the first part that is still unique.

use rustc_hash::FxHashMap;

use super::Article;

/// Longest label, in characters, where a shorter unique one exists.
const MAX_LABEL_CHARS: usize = 24;

/// Gives every article in `articles` a label unique among them.
pub fn assign(articles: &mut [Article]) {
    let labels = {
        let refs: Vec<&Article> = articles.iter().collect();
        labels(&refs)
    };
    for (article, label) in articles.iter_mut().zip(labels) {
        article.label = label;
    }
}

/// Labels for `articles`, in order, each unique among them.
pub fn labels(articles: &[&Article]) -> Vec<String> {
    if let [only] = articles {
        return vec![only.meta.outlet.clone().unwrap_or_else(|| only.id.clone())];
    }
    let stems: Vec<Vec<&str>> = articles.iter().map(|a| parts(&a.id)).collect();
    let (prefix, suffix) = common_ends(&stems);
    let differing: Vec<Vec<&str>> = stems
        .iter()
        .map(|parts| {
            let end = parts.len().saturating_sub(suffix).max(prefix);
            let middle = &parts[prefix.min(end)..end];
            if middle.is_empty() {
                parts.clone()
            } else {
                middle.to_vec()
            }
        })
        .collect();
    let mut outlets: FxHashMap<&str, usize> = FxHashMap::default();
    for article in articles {
        if let Some(outlet) = article.meta.outlet.as_deref() {
            *outlets.entry(outlet).or_default() += 1;
        }
    }
    let mut labels: Vec<String> = articles
        .iter()
        .zip(&differing)
        .map(|(article, parts)| match article.meta.outlet.as_deref() {
            Some(outlet) if outlets[outlet] == 1 => outlet.to_owned(),
            _ => shortest_unique(parts, &differing),
        })
        .collect();
    // Whatever is still shared (an outlet equal to another's stem, twin
    // stems from two folders) falls back to the ids, which are unique.
    let mut counts: FxHashMap<String, usize> = FxHashMap::default();
    for label in &labels {
        *counts.entry(label.clone()).or_default() += 1;
    }
    for (label, article) in labels.iter_mut().zip(articles) {
        if counts[label.as_str()] > 1 || label.is_empty() {
            *label = article.id.clone();
        }
    }
    labels
}

/// The parts of a file stem, split where words are joined (`_ - . ~`).
fn parts(stem: &str) -> Vec<&str> {
    stem.split(['_', '-', '.', '~', ' '])
        .filter(|p| !p.is_empty())
        .collect()
}

/// How many leading and trailing parts every stem shares (none with a
/// single article).
fn common_ends(stems: &[Vec<&str>]) -> (usize, usize) {
    if stems.len() < 2 {
        return (0, 0);
    }
    let shortest = stems.iter().map(Vec::len).min().unwrap_or(0);
    let prefix = (0..shortest)
        .take_while(|&k| stems.iter().all(|s| s[k] == stems[0][k]))
        .count();
    let suffix = (0..shortest - prefix)
        .take_while(|&k| {
            let first = stems[0][stems[0].len() - 1 - k];
            stems.iter().all(|s| s[s.len() - 1 - k] == first)
        })
        .count();
    (prefix, suffix)
}

/// The fewest leading parts of `parts` that no other article's parts start
/// with, joined, within [`MAX_LABEL_CHARS`] where possible.
fn shortest_unique(parts: &[&str], all: &[Vec<&str>]) -> String {
    for take in 1..=parts.len() {
        let candidate = &parts[..take];
        let shared = all
            .iter()
            .filter(|other| other.len() >= take && other[..take] == *candidate)
            .count();
        if shared <= 1 {
            let label = candidate.join("_");
            if label.chars().count() <= MAX_LABEL_CHARS || take == parts.len() {
                return label;
            }
        }
    }
    parts.join("_")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Article, Meta, Source};

    fn article(id: &str, outlet: Option<&str>) -> Article {
        Article {
            id: id.to_owned(),
            label: id.to_owned(),
            source: Source::Seed("x"),
            meta: Meta {
                outlet: outlet.map(str::to_owned),
                ..Meta::default()
            },
            paragraphs: Vec::new(),
            sentences: Vec::new(),
            notices: Vec::new(),
            encoding: "UTF-8",
            word_count: 0,
        }
    }

    fn labelled(list: &[(&str, Option<&str>)]) -> Vec<String> {
        let articles: Vec<Article> = list.iter().map(|(id, o)| article(id, *o)).collect();
        labels(&articles.iter().collect::<Vec<_>>())
    }

    #[test]
    fn the_part_of_the_stem_that_differs() {
        assert_eq!(
            labelled(&[("bridge_gazette", None), ("bridge_herald", None)]),
            ["gazette", "herald"]
        );
        assert_eq!(
            labelled(&[
                ("ferry_gazette_2021", None),
                ("ferry_post_2021", None),
                ("ferry_wire_2021", None)
            ]),
            ["gazette", "post", "wire"]
        );
    }

    #[test]
    fn outlets_when_they_tell_articles_apart() {
        assert_eq!(
            labelled(&[
                ("000_0ac90385ad601620", None),
                ("002_f13625239639c7a3", Some("The Moscow Times")),
                ("003_3d879c792c9c72a1", None),
            ]),
            ["000", "The Moscow Times", "003"]
        );
        // A shared outlet tells nothing: the stems do.
        assert_eq!(
            labelled(&[("story_a", Some("AFP")), ("story_b", Some("AFP"))]),
            ["a", "b"]
        );
    }

    #[test]
    fn labels_are_always_unique() {
        let labels = labelled(&[("same", None), ("same~2", None), ("x", Some("same"))]);
        let mut unique = labels.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), labels.len(), "{labels:?}");
        assert_eq!(labelled(&[("only_one", None)]), ["only_one"]);
    }
}
