//! Mentions into facts. Two mentions speak of the same thing when
//! - they stand in aligned sentences of two versions, are of one kind and
//!   measure the same unit (pairs of equal values first, then in order);
//! - they are ages of one person, or quotes of nearly the same words;
//! - they are the same day, month, sum, duration or count of the same noun;
//! - they count the same noun, and each article says it once.
//!
//! A quote whose aligned sentence in another version has no quotation is
//! flagged as paraphrased there, with that sentence as its mention.

use rustc_hash::{FxHashMap, FxHashSet};

use super::extract::Found;
use super::names::same_name;
use super::{FactKind, dates};
use crate::compare::align::Link;
use crate::compare::tokens::{fold, is_stopword, translit_key};
use crate::compare::union_find::UnionFind;

/// The aligned links between articles `a` and `b` (`a < b`).
pub struct PairAlignment {
    pub a: usize,
    pub b: usize,
    pub links: Vec<Link>,
}

/// Whether two values of a kind say the same. A hedge (`more than`,
/// `about`) does not make a conflict: `over 3,000` may be `won out over`.
pub fn agree(kind: FactKind, a: &str, b: &str) -> bool {
    fn unhedged(v: &str) -> &str {
        v.trim_start_matches(['<', '>', '~'])
    }
    match kind {
        FactKind::Date => dates::compatible(a, b),
        FactKind::Name | FactKind::Quote => a == b,
        _ => unhedged(a) == unhedged(b),
    }
}

/// Groups the mentions (names apart) into sets of indices.
pub fn group(
    found: &mut Vec<Found>,
    pairs: &[PairAlignment],
    sentence_texts: &[Vec<&str>],
) -> Vec<Vec<usize>> {
    add_paraphrases(found, pairs, sentence_texts);
    let mut sets = UnionFind::new(found.len());
    by_alignment(found, pairs, &mut sets);
    by_subject(found, &mut sets);
    by_value(found, &mut sets);
    by_unit(found, &mut sets);
    let mut groups: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    for (i, f) in found.iter().enumerate() {
        if f.kind != FactKind::Name {
            groups.entry(sets.find(i)).or_default().push(i);
        }
    }
    let mut groups: Vec<Vec<usize>> = groups.into_values().collect();
    groups.sort_unstable();
    groups
}

/// Mentions in one article's sentences, by (article, sentence).
fn index(found: &[Found]) -> FxHashMap<(usize, usize), Vec<usize>> {
    let mut at: FxHashMap<(usize, usize), Vec<usize>> = FxHashMap::default();
    for (i, f) in found.iter().enumerate() {
        at.entry((f.article, f.sentence)).or_default().push(i);
    }
    at
}

fn in_link(
    at: &FxHashMap<(usize, usize), Vec<usize>>,
    article: usize,
    sentences: &[usize],
) -> Vec<usize> {
    sentences
        .iter()
        .filter_map(|&s| at.get(&(article, s)))
        .flatten()
        .copied()
        .collect()
}

fn by_alignment(found: &[Found], pairs: &[PairAlignment], sets: &mut UnionFind) {
    let at = index(found);
    for pair in pairs {
        for link in pair
            .links
            .iter()
            .filter(|l| !l.left.is_empty() && !l.right.is_empty())
        {
            let left = in_link(&at, pair.a, &link.left);
            let right = in_link(&at, pair.b, &link.right);
            for kind in FactKind::ALL {
                if kind == FactKind::Name {
                    continue;
                }
                let of_kind = |list: &[usize]| -> Vec<usize> {
                    list.iter()
                        .copied()
                        .filter(|&i| found[i].kind == kind)
                        .collect()
                };
                pair_up(found, &of_kind(&left), &of_kind(&right), sets);
            }
        }
    }
}

/// Pairs the mentions of one kind in two aligned sentences: equal values
/// first, then what is left, in order, where the units match.
fn pair_up(found: &[Found], left: &[usize], right: &[usize], sets: &mut UnionFind) {
    let mut right_left: Vec<usize> = right.to_vec();
    let mut unpaired = Vec::new();
    for &l in left {
        let same = right_left.iter().position(|&r| {
            agree(found[l].kind, &found[l].value, &found[r].value) && found[l].unit == found[r].unit
        });
        match same {
            Some(k) => sets.union(l, right_left.remove(k)),
            None => unpaired.push(l),
        }
    }
    for l in unpaired {
        let fits = right_left
            .iter()
            .position(|&r| comparable(&found[l], &found[r]));
        if let Some(k) = fits {
            sets.union(l, right_left.remove(k));
        }
    }
}

/// Whether two mentions with different values may still be about the same
/// thing (and so conflict).
fn comparable(a: &Found, b: &Found) -> bool {
    match a.kind {
        FactKind::Age => match (a.subject_key(), b.subject_key()) {
            (Some(x), Some(y)) => x == y,
            _ => true,
        },
        FactKind::Date => {
            dates::precision(&a.value).min(dates::precision(&b.value)) >= 2
                || a.value.len() == b.value.len()
        }
        FactKind::Quote => true,
        FactKind::Number => a.unit == b.unit,
        _ => a.unit.is_some() && a.unit == b.unit,
    }
}

/// Ages of one person; quotes of nearly the same words.
fn by_subject(found: &[Found], sets: &mut UnionFind) {
    let mut ages: Vec<(usize, String)> = Vec::new();
    for (i, f) in found.iter().enumerate() {
        if f.kind != FactKind::Age {
            continue;
        }
        let Some(subject) = f.subject.as_deref() else {
            continue;
        };
        let surname = subject
            .split_whitespace()
            .next_back()
            .unwrap_or(subject)
            .to_owned();
        if let Some((j, _)) = ages.iter().find(|(_, s)| same_name(s, &surname)) {
            sets.union(*j, i);
        } else {
            ages.push((i, surname));
        }
    }
    // The same words are one quote; then nearly the same words, compared
    // once per distinct wording.
    let mut wordings: FxHashMap<&str, usize> = FxHashMap::default();
    for (i, f) in found.iter().enumerate() {
        if f.kind == FactKind::Quote && !f.paraphrase {
            match wordings.get(f.value.as_str()) {
                Some(&first) => sets.union(first, i),
                None => {
                    wordings.insert(&f.value, i);
                }
            }
        }
    }
    let mut distinct: Vec<(usize, FxHashSet<&str>)> = wordings
        .into_iter()
        .map(|(wording, i)| (i, content_words(wording)))
        .collect();
    distinct.sort_unstable_by_key(|(i, _)| *i);
    for (k, (i, a)) in distinct.iter().enumerate() {
        for (j, b) in &distinct[k + 1..] {
            if jaccard(a, b) >= 0.5 {
                sets.union(*i, *j);
            }
        }
    }
}

/// The same day (with or without the year), month, sum, duration or count
/// of the same noun, anywhere.
fn by_value(found: &[Found], sets: &mut UnionFind) {
    let mut first: FxHashMap<(FactKind, String, Option<&str>), usize> = FxHashMap::default();
    for (i, f) in found.iter().enumerate() {
        let key = match f.kind {
            FactKind::Date if dates::has_day(&f.value) => {
                // Month and day: `--10-05` meets `2021-10-05`.
                let tail = f.value.rsplitn(3, '-').collect::<Vec<_>>();
                format!("--{}-{}", tail[1], tail[0])
            }
            FactKind::Date if dates::precision(&f.value) == 2 && !f.value.starts_with("--") => {
                f.value.clone()
            }
            FactKind::Money | FactKind::Duration | FactKind::Count => f.value.clone(),
            FactKind::Number if f.unit.is_some() => f.value.clone(),
            _ => continue,
        };
        match first.entry((f.kind, key, f.unit.as_deref())) {
            std::collections::hash_map::Entry::Occupied(e) => sets.union(*e.get(), i),
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(i);
            }
        }
    }
}

/// A count of one noun that each article states once: the same thing,
/// wherever the sentences went. (Time units are too common for this.)
fn by_unit(found: &[Found], sets: &mut UnionFind) {
    let mut by_unit: FxHashMap<(FactKind, &str), Vec<usize>> = FxHashMap::default();
    for (i, f) in found.iter().enumerate() {
        if let (FactKind::Count, Some(unit)) = (f.kind, f.unit.as_deref()) {
            by_unit.entry((f.kind, unit)).or_default().push(i);
        }
    }
    for members in by_unit.values() {
        let articles: FxHashSet<usize> = members.iter().map(|&i| found[i].article).collect();
        if articles.len() == members.len() {
            for pair in members.windows(2) {
                sets.union(pair[0], pair[1]);
            }
        }
    }
}

fn content_words(text: &str) -> FxHashSet<&str> {
    text.split(' ').filter(|w| !is_stopword(w)).collect()
}

fn jaccard(a: &FxHashSet<&str>, b: &FxHashSet<&str>) -> f32 {
    let shared = a.intersection(b).count();
    let all = a.len() + b.len() - shared;
    if all == 0 {
        0.0
    } else {
        shared as f32 / all as f32
    }
}

/// For a quote in one version whose aligned sentence in another keeps most
/// of its words without quote marks, adds that sentence as a paraphrase.
fn add_paraphrases(found: &mut Vec<Found>, pairs: &[PairAlignment], sentence_texts: &[Vec<&str>]) {
    let at = index(found);
    let has_quote = |article: usize, sentences: &[usize]| {
        in_link(&at, article, sentences)
            .iter()
            .any(|&i| found[i].kind == FactKind::Quote)
    };
    let mut added = Vec::new();
    for pair in pairs {
        for link in pair
            .links
            .iter()
            .filter(|l| !l.left.is_empty() && !l.right.is_empty())
        {
            for (from, from_sentences, to, to_sentences) in [
                (pair.a, &link.left, pair.b, &link.right),
                (pair.b, &link.right, pair.a, &link.left),
            ] {
                if has_quote(to, to_sentences) {
                    continue;
                }
                for &q in in_link(&at, from, from_sentences)
                    .iter()
                    .filter(|&&i| found[i].kind == FactKind::Quote)
                {
                    let quote = &found[q];
                    let quoted = content_words(&quote.value);
                    for &s in to_sentences.iter() {
                        let text = sentence_texts[to][s];
                        let wording = super::quotes::wording(text);
                        let words = content_words(&wording);
                        let kept =
                            quoted.intersection(&words).count() as f32 / quoted.len().max(1) as f32;
                        if kept >= 0.4 && quoted.len() >= 2 {
                            added.push(Found {
                                kind: FactKind::Quote,
                                article: to,
                                sentence: s,
                                span: 0..text.len(),
                                text: text.to_owned(),
                                value: wording,
                                unit: None,
                                subject: None,
                                paraphrase: true,
                            });
                        }
                    }
                }
            }
        }
    }
    added.sort_by_key(|f| (f.article, f.sentence));
    added.dedup_by_key(|f| (f.article, f.sentence));
    found.extend(added);
}

/// Groups name words by spelling variants: the same transliteration key, or
/// keys one transposition or deletion apart, confirmed by [`same_name`].
pub fn name_groups(found: &[Found]) -> Vec<Vec<usize>> {
    let mut clusters: Vec<(String, Vec<usize>)> = Vec::new();
    let mut by_key: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    for (i, f) in found
        .iter()
        .enumerate()
        .filter(|(_, f)| f.kind == FactKind::Name)
    {
        let key = translit_key(&f.value);
        let candidates: Vec<usize> = key_neighbours(&key)
            .iter()
            .filter_map(|k| by_key.get(k))
            .flatten()
            .copied()
            .collect();
        let home = candidates
            .into_iter()
            .find(|&c| same_name(&clusters[c].0, &f.value) && !plural_of(&clusters[c].0, &f.value));
        match home {
            Some(c) => clusters[c].1.push(i),
            None => {
                for registered in registered_keys(&key) {
                    by_key.entry(registered).or_default().push(clusters.len());
                }
                clusters.push((f.value.clone(), vec![i]));
            }
        }
    }
    clusters.into_iter().map(|(_, members)| members).collect()
}

/// `American`/`Americans`: two forms of one word, not two spellings.
fn plural_of(a: &str, b: &str) -> bool {
    let (a, b) = (fold(a), fold(b));
    a != b && a.trim_end_matches('s') == b.trim_end_matches('s')
}

/// The keys a cluster is found under: its own, and (for long keys) the
/// keys with one letter deleted, so that a shorter variant finds it.
fn registered_keys(key: &str) -> Vec<String> {
    let chars: Vec<char> = key.chars().collect();
    let mut keys = vec![key.to_owned()];
    if chars.len() >= 6 {
        keys.extend(deletions(&chars));
    }
    keys
}

/// Where a variant spelling's cluster may be: the key, the key with two
/// neighbours swapped, and the key with one letter deleted.
fn key_neighbours(key: &str) -> Vec<String> {
    let chars: Vec<char> = key.chars().collect();
    let mut keys = vec![key.to_owned()];
    if chars.len() >= 5 {
        for i in 0..chars.len() - 1 {
            let mut swapped = chars.clone();
            swapped.swap(i, i + 1);
            keys.push(swapped.into_iter().collect());
        }
    }
    if chars.len() >= 6 {
        keys.extend(deletions(&chars));
    }
    keys
}

fn deletions(chars: &[char]) -> impl Iterator<Item = String> + '_ {
    (0..chars.len()).map(move |i| {
        chars
            .iter()
            .enumerate()
            .filter(|&(k, _)| k != i)
            .map(|(_, c)| c)
            .collect()
    })
}
