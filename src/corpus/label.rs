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

/// Characters kept of a hash in a label.
const HASH_CHARS: usize = 4;

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

/// Labels written one after another: `000 002 003`, or with commas where
/// one has several words (`000, The Moscow Times, 003`), so that each can
/// be told apart.
pub fn join<S: AsRef<str>>(labels: &[S]) -> String {
    let between = if labels
        .iter()
        .any(|l| l.as_ref().contains(char::is_whitespace))
    {
        ", "
    } else {
        " "
    };
    labels
        .iter()
        .map(AsRef::as_ref)
        .collect::<Vec<&str>>()
        .join(between)
}

/// Labels for `articles`, in order, each unique among them.
pub fn labels(articles: &[&Article]) -> Vec<String> {
    if let [only] = articles {
        return vec![only.meta.outlet.clone().unwrap_or_else(|| only.id.clone())];
    }
    let stems: Vec<Vec<(usize, &str)>> = articles.iter().map(|a| parts(&a.id)).collect();
    let holders = run_holders(&stems);
    let mut outlets: FxHashMap<&str, usize> = FxHashMap::default();
    for article in articles {
        if let Some(outlet) = article.meta.outlet.as_deref() {
            *outlets.entry(outlet).or_default() += 1;
        }
    }
    let mut labels: Vec<String> = articles
        .iter()
        .enumerate()
        .map(|(k, article)| match article.meta.outlet.as_deref() {
            Some(outlet) if outlets[outlet] == 1 => outlet.to_owned(),
            _ => distinct_run(&article.id, &stems[k], &holders),
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

/// The shortest prefix of each id that no other id starts with, at least
/// `min` characters long (or the whole id): what a REF needs to name it.
///
/// Sorted, the ids that share most of a prefix with an id are its
/// neighbours: the prefix needs one character more than the longest
/// common prefix with either (n log n, where testing every other id for
/// every prefix was quadratic).
pub fn unique_prefixes(ids: &[&str], min: usize) -> Vec<String> {
    let mut order: Vec<usize> = (0..ids.len()).collect();
    order.sort_unstable_by_key(|&k| ids[k]);
    let common = |a: &str, b: &str| -> usize {
        a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
    };
    let mut out = vec![String::new(); ids.len()];
    for (at, &k) in order.iter().enumerate() {
        let id = ids[k];
        let before = at.checked_sub(1).map_or(0, |p| common(id, ids[order[p]]));
        let after = order.get(at + 1).map_or(0, |&n| common(id, ids[n]));
        let chars = (before.max(after) + 1).max(min);
        out[k] = match id.char_indices().nth(chars) {
            Some((end, _)) => id[..end].to_owned(),
            None => id.to_owned(),
        };
    }
    out
}

/// A part that looks like a hash or an id number rather than a word: long,
/// hexadecimal, with letters and digits.
fn is_hash(part: &str) -> bool {
    part.len() >= 8
        && part.chars().all(|c| c.is_ascii_hexdigit())
        && part.chars().any(|c| c.is_ascii_digit())
        && part.chars().any(|c| c.is_ascii_alphabetic())
}

/// The parts of a file stem, split where words are joined (`_ - . ~`),
/// with where each starts.
fn parts(stem: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (at, c) in stem
        .char_indices()
        .chain(std::iter::once((stem.len(), '_')))
    {
        let joint = matches!(c, '_' | '-' | '.' | '~' | ' ');
        match (start, joint) {
            (None, false) => start = Some(at),
            (Some(from), true) => {
                out.push((from, &stem[from..at]));
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// Runs of consecutive stem parts longer than this are not counted: a
/// label of more parts is never the shortest.
const MAX_RUN_PARTS: usize = 8;

/// For each run of consecutive parts (up to [`MAX_RUN_PARTS`]), how many
/// stems have it: counted once, so that finding a stem's distinct runs
/// costs its own parts, not the whole corpus (10k files were quadratic).
fn run_holders<'s>(stems: &[Vec<(usize, &'s str)>]) -> FxHashMap<Vec<&'s str>, usize> {
    let mut holders: FxHashMap<Vec<&str>, usize> = FxHashMap::default();
    let mut own: Vec<Vec<&str>> = Vec::new();
    for stem in stems {
        own.clear();
        for len in 1..=stem.len().min(MAX_RUN_PARTS) {
            for run in stem.windows(len) {
                own.push(run.iter().map(|(_, w)| *w).collect());
            }
        }
        // A stem that repeats a run holds it once.
        own.sort_unstable();
        own.dedup();
        for run in own.drain(..) {
            *holders.entry(run).or_default() += 1;
        }
    }
    holders
}

/// The run of consecutive parts of a stem (`own`, its parts) that no other
/// stem has (`holders`, from [`run_holders`]): the fewest parts, preferring
/// runs of three characters or more, then the shortest, then the first;
/// sliced from the stem as written (`bridge_gazette` among `bridge_herald`
/// → `gazette`).
fn distinct_run(
    stem: &str,
    own: &[(usize, &str)],
    holders: &FxHashMap<Vec<&str>, usize>,
) -> String {
    let elsewhere = |run: &[(usize, &str)]| {
        let words: Vec<&str> = run.iter().map(|(_, w)| *w).collect();
        holders.get(&words).is_none_or(|&n| n > 1)
    };
    let mut best: Option<(u8, usize, usize, usize, usize)> = None;
    for len in 1..=own.len().min(MAX_RUN_PARTS) {
        for start in 0..=own.len() - len {
            let run = &own[start..start + len];
            if elsewhere(run) {
                continue;
            }
            let from = run[0].0;
            let to = run[len - 1].0 + run[len - 1].1.len();
            let chars = stem[from..to].chars().count();
            // Short parts and hashes (`0ac90385ad601620`) say little; a hash
            // with a word beside it says more than a hash alone.
            let hashes = run.iter().filter(|(_, part)| is_hash(part)).count();
            let weak = match (chars < 3, hashes) {
                (false, 0) => 0,
                (false, h) if h < len => 1,
                _ => 2,
            };
            let key = (weak, len, chars.min(MAX_LABEL_CHARS + 1), from, to);
            if best.is_none_or(|b| (key.0, key.1, key.2, key.3) < (b.0, b.1, b.2, b.3)) {
                best = Some(key);
            }
        }
    }
    let Some((_, _, _, from, to)) = best else {
        return stem.to_owned();
    };
    // A hash in a label is cut to its first characters (`000_0ac9`).
    let mut label = String::new();
    let mut end = from;
    for (at, part) in own
        .iter()
        .filter(|(at, part)| *at >= from && at + part.len() <= to)
    {
        label.push_str(&stem[end..*at]);
        label.push_str(if is_hash(part) {
            &part[..HASH_CHARS]
        } else {
            part
        });
        end = at + part.len();
    }
    label
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Article, Meta, Source};

    #[test]
    fn labels_of_several_words_are_joined_with_commas() {
        assert_eq!(join(&["000", "002"]), "000 002");
        assert_eq!(join(&["000", "The Moscow Times"]), "000, The Moscow Times");
        assert_eq!(join::<&str>(&[]), "");
    }

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
            word_count: std::sync::OnceLock::new(),
        }
    }

    fn labelled(list: &[(&str, Option<&str>)]) -> Vec<String> {
        let articles: Vec<Article> = list.iter().map(|(id, o)| article(id, *o)).collect();
        labels(&articles.iter().collect::<Vec<_>>())
    }

    #[test]
    fn seeds_among_their_translations() {
        assert_eq!(
            labelled(&[
                ("000_0ac90385ad601620", None),
                ("000-es", None),
                ("002_f13625239639c7a3", None),
                ("002-fr", None)
            ]),
            ["000_0ac9", "000-es", "002_f136", "002-fr"]
        );
        // A short part alone says little: `nested-a` rather than `a`.
        assert_eq!(
            labelled(&[
                ("links-table-nested-a", None),
                ("links-table-nested-b", None),
                ("search-apostrophe", None),
            ]),
            ["nested-a", "nested-b", "search"]
        );
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
            ["story_a", "story_b"]
        );
    }

    #[test]
    fn unique_prefixes_name_each_id() {
        assert_eq!(
            unique_prefixes(
                &["000_0ac9", "001_6820", "bridge_gazette", "bridge_herald"],
                3
            ),
            ["000", "001", "bridge_g", "bridge_h"]
        );
        assert_eq!(unique_prefixes(&["a", "ab"], 3), ["a", "ab"]);
    }

    #[test]
    fn unique_prefixes_are_the_shortest_no_other_id_starts_with() {
        let ids = [
            "002_f136", "002-fr", "002", "0021", "été_1", "étè_2", "abc", "abd", "x", "ab",
        ];
        for (k, prefix) in unique_prefixes(&ids, 2).iter().enumerate() {
            let others = || ids.iter().enumerate().filter(move |&(j, _)| j != k);
            assert!(ids[k].starts_with(prefix.as_str()));
            let shorter: String = prefix.chars().take(prefix.chars().count() - 1).collect();
            if prefix != ids[k] {
                assert!(
                    others().all(|(_, o)| !o.starts_with(prefix.as_str())),
                    "{prefix}"
                );
            }
            if prefix.chars().count() > 2 {
                assert!(others().any(|(_, o)| o.starts_with(&shorter)), "{prefix}");
            }
        }
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
