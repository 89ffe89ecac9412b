//! Which articles are versions of one story, and how similar every pair
//! is.
//!
//! Grouping never aligns all pairs. Each article becomes a set of shingles
//! (its stemmed content words: they survive paraphrase and translation
//! better than word n-grams), then a MinHash signature (one-permutation
//! hashing, densified), then LSH bands: articles that share a band are
//! candidates. Candidates are verified: a high exact Jaccard is a version,
//! a low one is not, and the pairs in between (same topic, or a heavy
//! rewrite) are aligned sentence by sentence, under a budget.

use std::hash::{Hash, Hasher};

use rustc_hash::{FxHashMap, FxHasher};

use super::tokens::{fold, is_stopword, stem};
use super::{Budget, align, sentences};
use crate::corpus::Article;

/// Hashes in a signature.
pub const SIGNATURE: usize = 64;
/// Rows per LSH band: with 32 bands of 2, a pair at Jaccard 0.3 becomes a
/// candidate with probability 0.95, one at 0.05 with 0.08.
pub const ROWS_PER_BAND: usize = 2;
/// Jaccard at or above which two articles are versions without more ado.
pub const SURE_JACCARD: f32 = 0.5;
/// Jaccard below which they are not.
pub const UNRELATED_JACCARD: f32 = 0.15;
/// Sentence-alignment similarity at or above which an in-between pair is
/// one story: versions share sentences; articles on one topic do not.
pub const SAME_STORY_ALIGNMENT: f32 = 0.1;

/// An article reduced for grouping: its shingles, sorted, and signature.
#[derive(Debug, Clone)]
pub struct Fingerprint {
    pub shingles: Vec<u64>,
    pub signature: [u64; SIGNATURE],
}

fn hash_of(text: &str) -> u64 {
    let mut hasher = FxHasher::default();
    text.hash(&mut hasher);
    // FxHash's low bits are weak: mix before bucketing.
    let mut x = hasher.finish();
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 33;
    x
}

/// The shingles of a text: stemmed, folded content words.
pub fn shingles<'a>(words: impl Iterator<Item = &'a str>) -> Vec<u64> {
    let mut out: Vec<u64> = words
        .filter_map(|w| {
            let folded = fold(w);
            let word = folded.trim_matches(|c: char| !c.is_alphanumeric());
            (word.chars().count() >= 3 && !is_stopword(word)).then(|| hash_of(stem(word)))
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

impl Fingerprint {
    pub fn of_words<'a>(words: impl Iterator<Item = &'a str>) -> Fingerprint {
        let shingles = shingles(words);
        let signature = signature(&shingles);
        Fingerprint {
            shingles,
            signature,
        }
    }

    pub fn of(article: &Article) -> Fingerprint {
        Fingerprint::of_words(article.words())
    }
}

/// One-permutation MinHash: each shingle's hash falls in one of the
/// `SIGNATURE` bins, which keeps its least value; empty bins borrow from
/// the next full one (rotation densification), so that two articles'
/// signatures agree in a bin with probability their Jaccard.
fn signature(shingles: &[u64]) -> [u64; SIGNATURE] {
    let mut bins = [u64::MAX; SIGNATURE];
    for &h in shingles {
        let bin = (h % SIGNATURE as u64) as usize;
        let value = h / SIGNATURE as u64;
        if value < bins[bin] {
            bins[bin] = value;
        }
    }
    if shingles.is_empty() {
        return bins;
    }
    let filled = bins;
    for (i, bin) in bins.iter_mut().enumerate() {
        if *bin == u64::MAX {
            let (offset, value) = (1..SIGNATURE)
                .map(|k| (k, filled[(i + k) % SIGNATURE]))
                .find(|(_, v)| *v != u64::MAX)
                .expect("one bin is full");
            // Borrowed values are marked by their distance, so they only
            // match bins borrowed the same way.
            *bin = value.wrapping_add((offset as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15));
        }
    }
    bins
}

/// Exact Jaccard of two sorted shingle lists.
pub fn jaccard(a: &[u64], b: &[u64]) -> f32 {
    if a.is_empty() && b.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    shared as f32 / (a.len() + b.len() - shared) as f32
}

/// Pairs that share an LSH band, each once, `(i, j)` with `i < j`.
pub fn candidates(fingerprints: &[Fingerprint]) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    let mut buckets: FxHashMap<(usize, u64), Vec<usize>> = FxHashMap::default();
    for band in 0..SIGNATURE / ROWS_PER_BAND {
        buckets.clear();
        let rows = band * ROWS_PER_BAND..(band + 1) * ROWS_PER_BAND;
        for (i, f) in fingerprints.iter().enumerate() {
            if f.shingles.is_empty() {
                continue;
            }
            let mut hasher = FxHasher::default();
            f.signature[rows.clone()].hash(&mut hasher);
            buckets.entry((band, hasher.finish())).or_default().push(i);
        }
        for members in buckets.values() {
            for (k, &i) in members.iter().enumerate() {
                pairs.extend(members[k + 1..].iter().map(|&j| (i, j)));
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// How a candidate pair was judged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Same,
    Different,
    /// Neither clearly: the sentences must tell.
    Unsure,
}

pub fn verdict(jaccard: f32) -> Verdict {
    if jaccard >= SURE_JACCARD {
        Verdict::Same
    } else if jaccard < UNRELATED_JACCARD {
        Verdict::Different
    } else {
        Verdict::Unsure
    }
}

struct UnionFind(Vec<usize>);

impl UnionFind {
    fn find(&mut self, x: usize) -> usize {
        let mut root = x;
        while self.0[root] != root {
            root = self.0[root];
        }
        self.0[x] = root;
        root
    }
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        self.0[ra.max(rb)] = ra.min(rb);
    }
}

/// Groups `n` items given the pairs found to be one story: groups sorted,
/// ordered by their first member, singletons included.
pub fn groups(n: usize, same: impl IntoIterator<Item = (usize, usize)>) -> Vec<Vec<usize>> {
    let mut sets = UnionFind((0..n).collect());
    for (a, b) in same {
        sets.union(a, b);
    }
    let mut by_root: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    for i in 0..n {
        by_root.entry(sets.find(i)).or_default().push(i);
    }
    let mut out: Vec<Vec<usize>> = by_root.into_values().collect();
    out.sort_unstable_by_key(|g| g[0]);
    out
}

/// Groups fingerprinted texts into stories; `unsure(i, j)` judges the
/// pairs Jaccard cannot.
pub fn group_fingerprints(
    fingerprints: &[Fingerprint],
    mut unsure: impl FnMut(usize, usize) -> bool,
) -> Vec<Vec<usize>> {
    let same: Vec<(usize, usize)> = candidates(fingerprints)
        .into_iter()
        .filter(|&(i, j)| {
            match verdict(jaccard(
                &fingerprints[i].shingles,
                &fingerprints[j].shingles,
            )) {
                Verdict::Same => true,
                Verdict::Different => false,
                Verdict::Unsure => unsure(i, j),
            }
        })
        .collect();
    groups(fingerprints.len(), same)
}

/// The sentence-alignment similarity of two articles (0..1).
pub fn alignment_similarity(a: &Article, b: &Article, budget: &Budget) -> f32 {
    align(&sentences(a), &sentences(b), budget).similarity
}

/// The stories of `articles`, as groups of indices.
pub fn stories(articles: &[&Article], budget: &Budget) -> Vec<Vec<usize>> {
    let fingerprints: Vec<Fingerprint> = articles.iter().map(|a| Fingerprint::of(a)).collect();
    group_fingerprints(&fingerprints, |i, j| {
        alignment_similarity(articles[i], articles[j], budget) >= SAME_STORY_ALIGNMENT
    })
}

/// Similarity of every pair and the stories, for the matrix.
#[derive(Debug, Clone, PartialEq)]
pub struct StoryMap {
    /// Symmetric, 1 on the diagonal: the sentence-alignment similarity
    /// (or, for pairs left when the budget ran out, the Jaccard of their
    /// content words).
    pub similarity: Vec<Vec<f32>>,
    pub stories: Vec<Vec<usize>>,
}

/// The matrix and the stories of `articles`. The matrix aligns every pair
/// (it is meant for the tens of articles a person reads); pairs left when
/// the budget runs out get their Jaccard instead.
pub fn map(articles: &[&Article], budget: &Budget) -> StoryMap {
    let n = articles.len();
    let fingerprints: Vec<Fingerprint> = articles.iter().map(|a| Fingerprint::of(a)).collect();
    let mut similarity = vec![vec![0.0f32; n]; n];
    for i in 0..n {
        similarity[i][i] = 1.0;
        for j in i + 1..n {
            let value = if budget.expired() {
                jaccard(&fingerprints[i].shingles, &fingerprints[j].shingles)
            } else {
                alignment_similarity(articles[i], articles[j], budget)
            };
            similarity[i][j] = value;
            similarity[j][i] = value;
        }
    }
    let stories = group_fingerprints(&fingerprints, |i, j| {
        similarity[i][j] >= SAME_STORY_ALIGNMENT
    });
    StoryMap {
        similarity,
        stories,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::seeds;

    #[test]
    fn seeds_000_002_003_are_one_story_without_the_launch_reports() {
        let articles = seeds();
        let refs: Vec<&Article> = articles.iter().collect();
        let stories = stories(&refs, &Budget::unlimited());
        let story = stories.iter().find(|s| s.contains(&2)).unwrap();
        assert_eq!(story, &[0, 2, 3], "{stories:?}");
        let map = map(&refs, &Budget::unlimited());
        assert_eq!(map.stories, stories);
        for i in 0..5 {
            assert_eq!(map.similarity[i][i], 1.0);
            for j in 0..5 {
                assert_eq!(map.similarity[i][j], map.similarity[j][i]);
            }
        }
    }

    #[test]
    fn signatures_estimate_jaccard() {
        let words = |range: std::ops::Range<usize>| -> Vec<String> {
            range.map(|k| format!("word{k}x")).collect()
        };
        let a = words(0..400);
        let b = words(100..500);
        let fa = Fingerprint::of_words(a.iter().map(String::as_str));
        let fb = Fingerprint::of_words(b.iter().map(String::as_str));
        let exact = jaccard(&fa.shingles, &fb.shingles);
        assert!((exact - 0.6).abs() < 1e-6);
        let agree = fa
            .signature
            .iter()
            .zip(&fb.signature)
            .filter(|(x, y)| x == y)
            .count();
        let estimate = agree as f32 / SIGNATURE as f32;
        assert!((estimate - exact).abs() < 0.15, "{estimate} vs {exact}");
    }
}
