//! Which articles are versions of one story, and how similar every pair
//! is.
//!
//! Grouping never aligns all pairs. Each article becomes a set of shingles
//! (its stemmed content words: they survive paraphrase and translation
//! better than word n-grams), then a MinHash signature (one-permutation
//! hashing, densified), then LSH bands: articles that share a band are
//! candidates. Candidates are verified: a low exact Jaccard is not a
//! version; many shared sentences (by a one-value sketch of each
//! sentence's word pairs) is one; the pairs in between (one topic, or a
//! heavy rewrite) are aligned sentence by sentence, under a budget.
//! Jaccard alone cannot tell two stories on one topic from two versions of
//! one story; shared sentences can.

use std::hash::{Hash, Hasher};

use rustc_hash::{FxHashMap, FxHasher};

use super::tokens::{fold, is_stopword, stem};
use super::union_find::UnionFind;
use super::{Budget, align, sentences};
use crate::corpus::Article;
use crate::progress::Progress;

/// Hashes in a signature.
pub const SIGNATURE: usize = 64;
/// Rows per LSH band (the band's key packs them in a `u64`): with 32
/// bands of 2, a pair at Jaccard 0.3 becomes a candidate with probability
/// 0.95, one at 0.05 with 0.08.
pub const ROWS_PER_BAND: usize = 2;
/// When two texts are one story without aligning them: (Jaccard of their
/// words, share of the shorter text's sentences they have in common by
/// sketch) at or above one of these. The more words they share, the fewer
/// sentences need to match; two stories on one topic share words but
/// hardly a sentence.
pub const SAME_STORY: [(f32, f32); 3] = [(0.0, 0.3), (0.25, 0.1), (0.35, 0.05)];
/// Jaccard below which they are not.
pub const UNRELATED_JACCARD: f32 = 0.15;
/// Sentence-alignment similarity at or above which an in-between pair is
/// one story: versions share sentences; articles on one topic do not.
pub const SAME_STORY_ALIGNMENT: f32 = 0.1;

/// An article reduced for grouping: its shingles, sorted, its signature,
/// and a sketch of each sentence.
#[derive(Debug, Clone)]
pub struct Fingerprint {
    pub shingles: Vec<u64>,
    /// Per sentence, the least hash of its pairs of neighbouring content
    /// words: two sentences share it with the probability of the Jaccard
    /// of their pairs. Sorted.
    pub sentences: Vec<u64>,
    /// Minima kept to 16 bits: comparing signatures is bound by memory,
    /// and two bins agree by chance once in 65,536, which moves an
    /// estimate by a thousandth.
    pub signature: [u16; SIGNATURE],
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

/// The shingle of one word: its stem, folded, if it is a content word.
fn shingle(word: &str) -> Option<u64> {
    let content = |w: &str| (w.len() >= 3 && !is_stopword(w)).then(|| hash_of(stem(w)));
    // Most words are plain ASCII, perhaps capitalised or with a mark next
    // to them: lower them on the stack, without allocating.
    let bare = word.trim_matches(|c: char| c.is_ascii_punctuation());
    if bare.len() <= 32 && bare.bytes().all(|b| b.is_ascii_alphanumeric()) {
        let mut buffer = [0u8; 32];
        let lower = &mut buffer[..bare.len()];
        lower.copy_from_slice(bare.as_bytes());
        lower.make_ascii_lowercase();
        return content(std::str::from_utf8(lower).expect("ASCII"));
    }
    let folded = fold(word);
    let word = folded.trim_matches(|c: char| !c.is_alphanumeric());
    (word.chars().count() >= 3 && !is_stopword(word)).then(|| hash_of(stem(word)))
}

/// A text's shingles (stemmed, folded content words) and sentence
/// sketches, both sorted, before the corpus filters frequent shingles.
#[derive(Debug, Clone, Default)]
pub struct Shingled {
    pub shingles: Vec<u64>,
    pub sentences: Vec<u64>,
}

/// Shingles texts, remembering each word's shingle: a corpus repeats its
/// words, and a lookup is cheaper than folding, stemming and hashing.
#[derive(Default)]
pub struct Shingler {
    /// By the hash of the word as written (64 bits: a collision is not to
    /// be expected in any corpus).
    seen: FxHashMap<u64, Option<u64>>,
}

impl Shingler {
    /// Shingles a text given as sentences of words.
    pub fn text<'w, S, W>(&mut self, sentences: S) -> Shingled
    where
        S: IntoIterator<Item = W>,
        W: IntoIterator<Item = &'w str>,
    {
        let mut out = Shingled::default();
        let mut sentence_shingles = Vec::new();
        for sentence in sentences {
            sentence_shingles.clear();
            self.sentence_into(sentence, &mut sentence_shingles);
            out.add_sentence(&sentence_shingles);
        }
        out.finish()
    }

    /// The shingles of one sentence's words, in order, pushed on `out`.
    fn sentence_into<'w>(&mut self, words: impl IntoIterator<Item = &'w str>, out: &mut Vec<u64>) {
        for word in words {
            let key = hash_of(word);
            if let Some(s) = *self.seen.entry(key).or_insert_with(|| shingle(word)) {
                out.push(s);
            }
        }
    }

    /// An article's sentences, each shingled once (with its key, to tell
    /// repeated sentences): the boilerplate pass and the fingerprints both
    /// build from them.
    fn article(&mut self, article: &Article) -> Vec<SentenceShingles> {
        (0..article.sentences.len())
            .map(|s| {
                let text = article.sentence_text(s);
                let mut shingles = Vec::new();
                self.sentence_into(
                    crate::corpus::segment::words(text).map(|r| &text[r]),
                    &mut shingles,
                );
                SentenceShingles {
                    key: sentence_key(text),
                    shingles,
                }
            })
            .collect()
    }
}

/// One sentence's shingles, in order, and its key ([`sentence_key`]).
#[derive(Debug, Clone)]
struct SentenceShingles {
    key: u64,
    shingles: Vec<u64>,
}

impl Shingled {
    /// Adds a sentence's shingles (in order) and its sketch: the least hash
    /// of its pairs of neighbouring content words. Pairs, unlike words, are
    /// rarely shared by sentences that say different things.
    fn add_sentence(&mut self, shingles: &[u64]) {
        self.shingles.extend_from_slice(shingles);
        let least = shingles
            .windows(2)
            .map(|pair| (pair[0].rotate_left(17) ^ pair[1]).wrapping_mul(0x9E37_79B9_7F4A_7C15))
            .min();
        self.sentences.extend(least);
    }

    /// Sorts and dedups what was added.
    fn finish(mut self) -> Shingled {
        self.shingles.sort_unstable();
        self.shingles.dedup();
        self.shingles.shrink_to_fit();
        self.sentences.sort_unstable();
        self.sentences.dedup();
        self
    }

    /// An article's shingles and sketches from its shingled sentences,
    /// keeping only the sentences `keep` accepts (by key).
    fn of_sentences(sentences: &[SentenceShingles], keep: impl Fn(u64) -> bool) -> Shingled {
        let mut out = Shingled::default();
        for sentence in sentences.iter().filter(|s| keep(s.key)) {
            out.add_sentence(&sentence.shingles);
        }
        out.finish()
    }
}

/// Every article's sentences shingled, in parallel (rayon), one chunk per
/// thread, each with its own word cache (smaller chunks shingle the same
/// words again).
fn shingle_articles(articles: &[&Article], progress: &Progress) -> Vec<Vec<SentenceShingles>> {
    use rayon::prelude::*;
    progress.start("shingling", "articles", articles.len());
    let chunk = articles.len().div_ceil(rayon::current_num_threads()).max(1);
    let chunks: Vec<Vec<Vec<SentenceShingles>>> = articles
        .par_chunks(chunk)
        .map(|chunk| {
            let mut shingler = Shingler::default();
            chunk
                .iter()
                .map(|a| {
                    progress.advance(1);
                    shingler.article(a)
                })
                .collect()
        })
        .collect();
    chunks.into_iter().flatten().collect()
}

/// Most stories a shingle may be in and still count: in a large corpus,
/// words that one story in fifty uses say little about which story an
/// article tells. Small corpora keep every word.
fn frequent_in(stories: usize) -> usize {
    (stories / 50).max(8)
}

/// Least share of an article's sentence sketches it must share with an
/// earlier article to be counted as that article's story when shingles
/// are counted: versions share a fifth or more; three boilerplate lines
/// in a 35-sentence article are less than a tenth.
const SEED_SHARED_SENTENCES: f32 = 0.1;

/// A first, rough story for each text, only to count shingles by story
/// rather than by article (so that a story told in a hundred versions
/// keeps its own words): a text that shares enough sentence sketches
/// with earlier texts takes the story of the one it shares most with; any
/// other starts its own. One pass, linear in the sketches.
fn story_seeds(texts: &[Shingled]) -> Vec<u32> {
    let mut first_holder: FxHashMap<u64, u32> = FxHashMap::default();
    let mut seeds: Vec<u32> = Vec::with_capacity(texts.len());
    let mut votes: FxHashMap<u32, usize> = FxHashMap::default();
    for (k, text) in texts.iter().enumerate() {
        votes.clear();
        for sketch in &text.sentences {
            if let Some(&holder) = first_holder.get(sketch) {
                *votes.entry(seeds[holder as usize]).or_default() += 1;
            }
        }
        let least = (SEED_SHARED_SENTENCES * text.sentences.len() as f32).max(2.0);
        let seed = votes
            .iter()
            .filter(|&(_, &n)| n as f32 >= least)
            .max_by_key(|&(&seed, &n)| (n, std::cmp::Reverse(seed)))
            .map_or(k as u32, |(&seed, _)| seed);
        seeds.push(seed);
        for &sketch in &text.sentences {
            first_holder.entry(sketch).or_insert(k as u32);
        }
    }
    seeds
}

impl From<Shingled> for Fingerprint {
    /// The fingerprint of a text's shingles and sentence sketches, as they
    /// are (no shingle filtered out).
    fn from(text: Shingled) -> Fingerprint {
        Fingerprint {
            signature: signature(&text.shingles),
            shingles: text.shingles,
            sentences: text.sentences,
        }
    }
}

impl Fingerprint {
    /// The fingerprints of a corpus, without the shingles that too many of
    /// its stories share (see [`frequent_in`] and [`story_seeds`]).
    pub fn of_corpus(mut texts: Vec<Shingled>) -> Vec<Fingerprint> {
        let seeds = story_seeds(&texts);
        let mut stories = seeds.clone();
        stories.sort_unstable();
        stories.dedup();
        let limit = frequent_in(stories.len());
        if stories.len() > limit {
            // Each shingle once per story: the texts of a story, merged.
            let mut order: Vec<usize> = (0..texts.len()).collect();
            order.sort_unstable_by_key(|&k| seeds[k]);
            let total: usize = texts.iter().map(|t| t.shingles.len()).sum();
            let mut frequency: FxHashMap<u64, u32> =
                FxHashMap::with_capacity_and_hasher(total / 4, Default::default());
            let mut story_shingles: Vec<u64> = Vec::new();
            for run in order.chunk_by(|&a, &b| seeds[a] == seeds[b]) {
                story_shingles.clear();
                for &k in run {
                    story_shingles.extend_from_slice(&texts[k].shingles);
                }
                if run.len() > 1 {
                    story_shingles.sort_unstable();
                    story_shingles.dedup();
                }
                for &shingle in &story_shingles {
                    *frequency.entry(shingle).or_default() += 1;
                }
            }
            for text in &mut texts {
                text.shingles.retain(|s| frequency[s] as usize <= limit);
            }
        }
        texts.into_iter().map(Fingerprint::from).collect()
    }

    /// The share of the shorter text's sentences the other shares, by
    /// sketch.
    pub fn shared_sentences(&self, other: &Fingerprint) -> f32 {
        let shorter = self.sentences.len().min(other.sentences.len());
        if shorter == 0 {
            return 0.0;
        }
        sorted_overlap(&self.sentences, &other.sentences) as f32 / shorter as f32
    }

    /// The share of signature bins two fingerprints agree on: an estimate
    /// of their Jaccard, in 64 comparisons.
    pub fn estimate(&self, other: &Fingerprint) -> f32 {
        let agree = self
            .signature
            .iter()
            .zip(&other.signature)
            .filter(|(a, b)| a == b)
            .count();
        agree as f32 / SIGNATURE as f32
    }
}

/// One-permutation MinHash: each shingle's hash falls in one of the
/// `SIGNATURE` bins, which keeps its least value; empty bins borrow from
/// the next full one (rotation densification), so that two articles'
/// signatures agree in a bin with probability their Jaccard.
fn signature(shingles: &[u64]) -> [u16; SIGNATURE] {
    let mut bins = [u16::MAX; SIGNATURE];
    for &h in shingles {
        // The low bits choose the bin, the high ones are the value.
        let bin = (h % SIGNATURE as u64) as usize;
        let value = (h >> 48) as u16;
        if value < bins[bin] {
            bins[bin] = value;
        }
    }
    let filled = bins;
    for (i, bin) in bins.iter_mut().enumerate() {
        if *bin != u16::MAX {
            continue;
        }
        // (No full bin at all: no shingles, or a lone one whose value is
        // the marker itself. The bins stay as they are.)
        if let Some((offset, value)) = (1..SIGNATURE)
            .map(|k| (k, filled[(i + k) % SIGNATURE]))
            .find(|(_, v)| *v != u16::MAX)
        {
            // Borrowed values are marked by their distance, so they only
            // match bins borrowed the same way.
            *bin = value.wrapping_add((offset as u16).wrapping_mul(0x9E37));
        }
    }
    bins
}

/// How many values two sorted lists share (repeats matched once each).
fn sorted_overlap(a: &[u64], b: &[u64]) -> usize {
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
    shared
}

/// Exact Jaccard of two sorted shingle lists.
pub fn jaccard(a: &[u64], b: &[u64]) -> f32 {
    if a.is_empty() && b.is_empty() {
        return 0.0;
    }
    let shared = sorted_overlap(a, b);
    shared as f32 / (a.len() + b.len() - shared) as f32
}

/// Pairs that share an LSH band, each once, `(i, j)` with `i < j`.
pub fn candidates(fingerprints: &[Fingerprint]) -> Vec<(u32, u32)> {
    let mut pairs: Vec<(u32, u32)> = Vec::new();
    // Per band, the texts sorted by their band's value: equal values are
    // neighbours. (Sorting beats a map of buckets here.)
    let mut keyed: Vec<(u64, u32)> = Vec::with_capacity(fingerprints.len());
    for band in 0..SIGNATURE / ROWS_PER_BAND {
        keyed.clear();
        keyed.extend(
            fingerprints
                .iter()
                .enumerate()
                .filter(|(_, f)| !f.shingles.is_empty())
                .map(|(i, f)| {
                    let at = band * ROWS_PER_BAND;
                    let value = (u64::from(f.signature[at]) << 16) | u64::from(f.signature[at + 1]);
                    (value, i as u32)
                }),
        );
        keyed.sort_unstable();
        for run in keyed.chunk_by(|a, b| a.0 == b.0) {
            for (k, &(_, i)) in run.iter().enumerate() {
                pairs.extend(run[k + 1..].iter().map(|&(_, j)| (i, j)));
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
    /// Neither clearly: the sentences must be aligned.
    Unsure,
}

/// Judges a candidate pair by its fingerprints: the verdict, and the exact
/// Jaccard of their shingles when the estimate did not rule the pair out.
pub fn judge(a: &Fingerprint, b: &Fingerprint) -> (Verdict, Option<f32>) {
    if a.estimate(b) < SURELY_UNRELATED_ESTIMATE {
        return (Verdict::Different, None);
    }
    let words = jaccard(&a.shingles, &b.shingles);
    let sentences = a.shared_sentences(b);
    let verdict = if sentences >= SAME_STORY[0].1 {
        Verdict::Same
    } else if words < UNRELATED_JACCARD {
        Verdict::Different
    } else if SAME_STORY
        .iter()
        .any(|&(w, s)| words >= w && sentences >= s)
    {
        Verdict::Same
    } else {
        Verdict::Unsure
    };
    (verdict, Some(words))
}

/// Groups `n` items given the pairs found to be one story: groups sorted,
/// ordered by their first member, singletons included.
pub fn groups(n: usize, same: impl IntoIterator<Item = (usize, usize)>) -> Vec<Vec<usize>> {
    let mut sets = UnionFind::new(n);
    for (a, b) in same {
        sets.union(a, b);
    }
    sets_to_groups(&mut sets, n)
}

fn sets_to_groups(sets: &mut UnionFind, n: usize) -> Vec<Vec<usize>> {
    let mut by_root: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    for i in 0..n {
        by_root.entry(sets.find(i)).or_default().push(i);
    }
    let mut out: Vec<Vec<usize>> = by_root.into_values().collect();
    out.sort_unstable_by_key(|g| g[0]);
    out
}

/// Below this estimated Jaccard (6 bins of 64 or fewer) a candidate is
/// dropped without computing the exact one. Most candidates share one or
/// two bands by chance and end here; a pair at Jaccard 0.25 falls below
/// with probability 0.003.
const SURELY_UNRELATED_ESTIMATE: f32 = 0.1;

/// Candidate pairs verified between two looks at the budget.
const BUDGET_BATCH: usize = 64;

/// Jaccard of content words at or above which an unsure pair is taken as
/// one story once the budget has run out and it can no longer be aligned
/// (the middle of the unsure band, 0.15–0.35).
const COARSE_SAME_JACCARD: f32 = 0.25;

/// What the grouping of fingerprints found.
#[derive(Debug, Clone, Default)]
pub struct Grouping {
    pub stories: Vec<Vec<usize>>,
    /// Every candidate pair whose exact Jaccard was computed, `(i, j,
    /// Jaccard)` with `i < j`, sorted.
    pub pairs: Vec<(u32, u32, f32)>,
    /// The budget ran out: unsure pairs left were judged by their Jaccard
    /// ([`COARSE_SAME_JACCARD`]) instead of aligned.
    pub coarse: bool,
}

/// Groups fingerprinted texts into stories: LSH candidates, each judged by
/// its fingerprints ([`judge`]); `unsure(i, j)` (a sentence alignment)
/// judges the rest while the budget lasts, and only pairs not already in
/// one story. The budget is looked at every [`BUDGET_BATCH`] candidates.
/// With `every_candidate` false, a candidate whose texts are already in one
/// story is not judged at all (a story of 100 versions needs 99 of its
/// 4,950 pairs), and is missing from `pairs`. `progress` counts the
/// candidates judged (stage `judging`), in batches.
pub fn group_candidates(
    fingerprints: &[Fingerprint],
    budget: &Budget,
    every_candidate: bool,
    progress: &Progress,
    mut unsure: impl FnMut(usize, usize) -> bool,
) -> Grouping {
    let n = fingerprints.len();
    let mut sets = UnionFind::new(n);
    let mut pairs = Vec::new();
    let mut expired = false;
    let mut coarse = false;
    let candidates = candidates(fingerprints);
    let total = candidates.len();
    progress.start("judging", "candidate pairs", total);
    // Counted a batch at a time, with the budget; the last, partial batch
    // after the loop.
    let mut counted = 0;
    for (k, (i, j)) in candidates.into_iter().enumerate() {
        if k % BUDGET_BATCH == 0 {
            progress.advance(k - counted);
            counted = k;
            expired = expired || budget.expired();
        }
        let (i, j) = (i as usize, j as usize);
        if !every_candidate && sets.find(i) == sets.find(j) {
            continue;
        }
        let (verdict, words) = judge(&fingerprints[i], &fingerprints[j]);
        if let Some(words) = words {
            pairs.push((i as u32, j as u32, words));
        }
        let same = match verdict {
            Verdict::Same => true,
            Verdict::Different => false,
            Verdict::Unsure if sets.find(i) == sets.find(j) => false,
            Verdict::Unsure if expired => {
                coarse = true;
                words.is_some_and(|w| w >= COARSE_SAME_JACCARD)
            }
            Verdict::Unsure => unsure(i, j),
        };
        if same {
            sets.union(i, j);
        }
    }
    progress.advance(total - counted);
    Grouping {
        stories: sets_to_groups(&mut sets, n),
        pairs,
        coarse,
    }
}

/// Groups fingerprinted texts into stories; `unsure(i, j)` judges the
/// pairs the fingerprints cannot (no budget: see [`group_candidates`]).
pub fn group_fingerprints(
    fingerprints: &[Fingerprint],
    unsure: impl FnMut(usize, usize) -> bool,
) -> Vec<Vec<usize>> {
    let progress = Progress::default();
    group_candidates(fingerprints, &Budget::unlimited(), false, &progress, unsure).stories
}

/// The sentence-alignment similarity of two articles (0..1), across
/// languages where their languages differ, without their boilerplate.
pub fn alignment_similarity(
    a: &Article,
    b: &Article,
    boilerplate: &Boilerplate,
    budget: &Budget,
) -> f32 {
    let (left, right) = (boilerplate.strip(a), boilerplate.strip(b));
    match super::cross_languages(a, b) {
        Some((la, lb)) => super::xling::align(&left, &right, la, lb, budget).similarity,
        None => align(&left, &right, budget).similarity,
    }
}

/// Sentences an outlet repeats across articles that otherwise have
/// nothing to do with each other (syndication notices, newsletter lines,
/// "Read more" links): left out of fingerprints and alignments, so that
/// they never make two stories one. Found as the fingerprints are made
/// ([`fingerprints_and_boilerplate`]).
#[derive(Debug, Default, Clone)]
pub struct Boilerplate(rustc_hash::FxHashSet<u64>);

impl Boilerplate {
    /// The article's sentences, its boilerplate left out.
    pub fn strip<'a>(&self, article: &'a Article) -> Vec<&'a str> {
        (0..article.sentences.len())
            .map(|s| article.sentence_text(s))
            .filter(|text| self.keeps(sentence_key(text)))
            .collect()
    }

    /// Whether the sentence with this key ([`sentence_key`]) is not
    /// boilerplate.
    fn keeps(&self, key: u64) -> bool {
        self.0.is_empty() || !self.0.contains(&key)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// A sentence, for telling repeated ones: the hash of its trimmed text.
fn sentence_key(text: &str) -> u64 {
    hash_of(text.trim())
}

/// Sentences at each end of an article where boilerplate is looked for:
/// outlets put their notices before and after the story.
const BOILERPLATE_EDGE: usize = 6;

/// Holders of a repeated sentence sampled to judge it.
const BOILERPLATE_SAMPLE: usize = 6;

/// Finds the boilerplate of a corpus: a sentence found word for word in
/// two or more articles, among the first or last [`BOILERPLATE_EDGE`]
/// sentences of each, is boilerplate when most pairs of the articles
/// that hold it (a sample of [`BOILERPLATE_SAMPLE`]) are different stories
/// without any shared sentence: by their fingerprints ([`judge`]), and
/// by aligning the rest of their sentences when the fingerprints are
/// unsure. Sentences versions of one story share stay: their articles are
/// alike without them. (The idea of passim's `pboiler`, text reused
/// across unrelated documents, decided here by the documents' own
/// likeness.)
fn boilerplate_of(
    articles: &[&Article],
    shingled: &[Vec<SentenceShingles>],
    budget: &Budget,
) -> Boilerplate {
    // Holders of each sentence: how many, and the first few.
    let mut holders: FxHashMap<u64, (u32, Vec<u32>)> = FxHashMap::default();
    let mut own: Vec<u64> = Vec::new();
    for (i, sentences) in shingled.iter().enumerate() {
        own.clear();
        let n = sentences.len();
        let edges = (0..n.min(BOILERPLATE_EDGE))
            .chain(n.saturating_sub(BOILERPLATE_EDGE).max(BOILERPLATE_EDGE)..n);
        own.extend(edges.map(|s| sentences[s].key));
        own.sort_unstable();
        own.dedup();
        for &key in &own {
            let entry = holders.entry(key).or_default();
            entry.0 += 1;
            if entry.1.len() < BOILERPLATE_SAMPLE {
                entry.1.push(i as u32);
            }
        }
    }
    holders.retain(|_, (count, _)| *count >= 2);
    if holders.is_empty() {
        return Boilerplate::default();
    }
    // The articles that share a sentence, fingerprinted without any.
    let shared = Boilerplate(holders.keys().copied().collect());
    let mut involved: Vec<u32> = holders
        .values()
        .flat_map(|(_, h)| h.iter().copied())
        .collect();
    involved.sort_unstable();
    involved.dedup();
    let bare: FxHashMap<u32, Fingerprint> = involved
        .iter()
        .map(|&i| {
            let text =
                Shingled::of_sentences(&shingled[i as usize], |key| !shared.0.contains(&key));
            (i, Fingerprint::from(text))
        })
        .collect();
    let mut apart: FxHashMap<(u32, u32), bool> = FxHashMap::default();
    let mut found = rustc_hash::FxHashSet::default();
    for (key, (_, sample)) in &holders {
        let mut pairs = 0;
        let mut different = 0;
        for (k, &a) in sample.iter().enumerate() {
            for &b in &sample[k + 1..] {
                pairs += 1;
                let is_apart =
                    *apart
                        .entry((a, b))
                        .or_insert_with(|| match judge(&bare[&a], &bare[&b]).0 {
                            Verdict::Same => false,
                            Verdict::Different => true,
                            Verdict::Unsure => {
                                let rest = |i: u32| shared.strip(articles[i as usize]);
                                align(&rest(a), &rest(b), budget).similarity < SAME_STORY_ALIGNMENT
                            }
                        });
                different += usize::from(is_apart);
            }
        }
        if different * 2 > pairs {
            found.insert(*key);
        }
    }
    Boilerplate(found)
}

/// Least cross-language alignment similarity of a translation and its
/// original: translation pairs measure 0.20–0.45, different stories on one
/// topic 0.08 at most (the seeds, the shared translations and our own in
/// six languages).
pub const SAME_STORY_ACROSS_LANGUAGES: f32 = 0.15;

/// Fewest names and numbers two articles in different languages share to
/// be compared as one story.
const MIN_SHARED_ANCHORS: usize = 3;

/// Names and numbers held by more articles than this say nothing of a
/// story (a country, a year).
const MAX_ANCHOR_ARTICLES: usize = 50;

/// Pairs of articles in different languages that share names and numbers
/// ([`super::xling::story_anchors`]): the candidates for one story.
fn cross_language_candidates(articles: &[&Article], progress: &Progress) -> Vec<(usize, usize)> {
    // One language (or none known): nothing to do.
    let mut languages = articles.iter().filter_map(|a| a.meta.language.as_deref());
    let Some(first) = languages.next() else {
        return Vec::new();
    };
    if languages.all(|l| l == first) {
        return Vec::new();
    }
    progress.start("reading names and numbers", "articles", articles.len());
    let mut holders: rustc_hash::FxHashMap<String, Vec<usize>> = Default::default();
    for (i, article) in articles.iter().enumerate() {
        progress.advance(1);
        if article.meta.language.is_none() {
            continue;
        }
        for anchor in
            super::xling::story_anchors(&sentences(article), article.meta.language.as_deref())
        {
            holders.entry(anchor).or_default().push(i);
        }
    }
    let mut shared: rustc_hash::FxHashMap<(usize, usize), usize> = Default::default();
    for list in holders.values().filter(|l| l.len() <= MAX_ANCHOR_ARTICLES) {
        for (k, &i) in list.iter().enumerate() {
            for &j in &list[k + 1..] {
                if articles[i].meta.language != articles[j].meta.language {
                    *shared.entry((i.min(j), i.max(j))).or_default() += 1;
                }
            }
        }
    }
    let mut pairs: Vec<(usize, usize)> = shared
        .into_iter()
        .filter(|&(_, n)| n >= MIN_SHARED_ANCHORS)
        .map(|(pair, _)| pair)
        .collect();
    pairs.sort_unstable();
    pairs
}

/// The groups with the translations joined to their originals' stories,
/// saying how far it has got in `progress`: stages `reading names and
/// numbers` of articles, then `matching translations`, pairs.
fn with_translations(
    groups_found: Vec<Vec<usize>>,
    articles: &[&Article],
    progress: &Progress,
    mut same_story: impl FnMut(usize, usize) -> bool,
) -> Vec<Vec<usize>> {
    // Pairs already in one story need no second look.
    let mut story_of = vec![usize::MAX; articles.len()];
    for (k, group) in groups_found.iter().enumerate() {
        for &i in group {
            story_of[i] = k;
        }
    }
    let candidates: Vec<(usize, usize)> = cross_language_candidates(articles, progress)
        .into_iter()
        .filter(|&(i, j)| story_of[i] != story_of[j] || story_of[i] == usize::MAX)
        .collect();
    if candidates.is_empty() {
        return groups_found;
    }
    progress.start("matching translations", "pairs", candidates.len());
    let across: Vec<(usize, usize)> = candidates
        .into_iter()
        .filter(|&(i, j)| {
            progress.advance(1);
            same_story(i, j)
        })
        .collect();
    if across.is_empty() {
        return groups_found;
    }
    let chained = groups_found
        .iter()
        .flat_map(|g| g.windows(2).map(|w| (w[0], w[1])).collect::<Vec<_>>());
    groups(articles.len(), chained.chain(across))
}

/// The fingerprints of articles, as a corpus, every sentence kept: for
/// telling how alike the versions of one story are (the ledger's pivot),
/// where the boilerplate pass of [`fingerprints_and_boilerplate`] would
/// only cost time.
pub fn fingerprints(articles: &[&Article]) -> Vec<Fingerprint> {
    let texts = shingle_articles(articles, &Progress::default())
        .into_iter()
        .map(|sentences| Shingled::of_sentences(&sentences, |_| true))
        .collect();
    Fingerprint::of_corpus(texts)
}

/// The fingerprints of articles, as a corpus, and their boilerplate, left
/// out of the fingerprints: each sentence is shingled once for both.
pub fn fingerprints_and_boilerplate(
    articles: &[&Article],
    budget: &Budget,
    progress: &Progress,
) -> (Vec<Fingerprint>, Boilerplate) {
    let shingled = shingle_articles(articles, progress);
    progress.start("fingerprinting", "articles", articles.len());
    let boilerplate = boilerplate_of(articles, &shingled, budget);
    // Each article's sentences are freed as its text is made.
    let texts = shingled
        .into_iter()
        .map(|sentences| {
            progress.advance(1);
            Shingled::of_sentences(&sentences, |key| boilerplate.keeps(key))
        })
        .collect();
    (Fingerprint::of_corpus(texts), boilerplate)
}

/// The stories of `articles`, as groups of indices (the grouping of
/// [`map`], without the similarities of every pair).
pub fn stories(articles: &[&Article], budget: &Budget) -> Vec<Vec<usize>> {
    match given(articles) {
        Some(map) => map.stories,
        None => sparse(articles, budget, &Progress::default()).stories,
    }
}

/// The stories the articles' records give (`story`, or passim's
/// `cluster`: [`crate::corpus::records`]), when any article has one; an
/// article without one stands alone. No pair is compared.
fn given(articles: &[&Article]) -> Option<StoryMap> {
    if articles.iter().all(|a| a.meta.story.is_none()) {
        return None;
    }
    let mut first_of: FxHashMap<&str, usize> = FxHashMap::default();
    let same = articles.iter().enumerate().filter_map(|(i, a)| {
        let story = a.meta.story.as_deref()?;
        let first = *first_of.entry(story).or_insert(i);
        (first != i).then_some((first, i))
    });
    let stories = groups(articles.len(), same.collect::<Vec<_>>());
    Some(StoryMap {
        articles: articles.len(),
        stories,
        pairs: Vec::new(),
        measure: Measure::Given,
        coarse: false,
    })
}

/// Up to this many articles, the map aligns every pair: the table is read
/// by a person, and sentence alignment says more than shared words. 50
/// articles of 800 words take about a second (1,225 alignments).
pub const ALIGN_EVERY_PAIR: usize = 50;

/// Up to this many articles, the JSON also gives the dense `similarity`
/// table (the contract's limit).
pub const DENSE_LIMIT: usize = 500;

/// Least similarity of a pair listed in the JSON `pairs`.
pub const PAIR_FLOOR: f32 = 0.1;

/// What a map's similarities measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Measure {
    /// The sentence-alignment similarity (every pair aligned, or the
    /// Jaccard of content words for pairs left when the budget ran out).
    Alignment,
    /// The exact Jaccard of stemmed content words, for candidate pairs.
    Words,
    /// None: the stories came with the articles (a record file's `story`
    /// or `cluster`), and no pair was compared.
    Given,
}

/// The stories and the similar pairs.
#[derive(Debug, Clone, PartialEq)]
pub struct StoryMap {
    pub articles: usize,
    pub stories: Vec<Vec<usize>>,
    /// `(i, j, similarity)` with `i < j`, sorted: every pair for an
    /// aligned map, the verified candidates otherwise (above
    /// [`DENSE_LIMIT`] articles, only those verified before their texts
    /// were found to be in one story). A pair not listed shares too little
    /// to have been compared: 0.
    pub pairs: Vec<(u32, u32, f32)>,
    pub measure: Measure,
    /// The budget ran out before every pair was judged as it would be.
    pub coarse: bool,
}

impl StoryMap {
    /// The similarity of two articles, if the pair was compared (1 for an
    /// article with itself).
    pub fn compared(&self, i: usize, j: usize) -> Option<f32> {
        if i == j {
            return Some(1.0);
        }
        let key = (i.min(j) as u32, i.max(j) as u32);
        self.pairs
            .binary_search_by_key(&key, |&(a, b, _)| (a, b))
            .ok()
            .map(|k| self.pairs[k].2)
    }

    /// The similarity of two articles, 0 for a pair never compared.
    pub fn similarity(&self, i: usize, j: usize) -> f32 {
        self.compared(i, j).unwrap_or(0.0)
    }

    /// The dense symmetric table, for at most [`DENSE_LIMIT`] articles
    /// whose pairs were compared (none for given stories).
    pub fn dense(&self) -> Option<Vec<Vec<f32>>> {
        (self.articles <= DENSE_LIMIT && self.measure != Measure::Given).then(|| {
            (0..self.articles)
                .map(|i| (0..self.articles).map(|j| self.similarity(i, j)).collect())
                .collect()
        })
    }

    /// The pairs at or above [`PAIR_FLOOR`].
    pub fn similar_pairs(&self) -> impl Iterator<Item = (u32, u32, f32)> + '_ {
        self.pairs.iter().copied().filter(|p| p.2 >= PAIR_FLOOR)
    }
}

/// The stories and the similar pairs of `articles`. Stories that come with
/// the articles (record files) are taken as given. Otherwise, up to
/// [`ALIGN_EVERY_PAIR`] articles every pair is aligned (pairs left when
/// the budget runs out get their Jaccard instead); above, only LSH
/// candidates are compared, by the Jaccard of their content words, and
/// only unsure ones are aligned.
pub fn map(articles: &[&Article], budget: &Budget) -> StoryMap {
    map_counted(articles, budget, &Progress::default())
}

/// [`map`], saying how far it has got in `progress` (for the app's
/// progress bar): stages `shingling` and `fingerprinting` articles, then
/// `judging` candidate pairs or `aligning` every pair; where the articles
/// are in several languages, `reading names and numbers` of articles and
/// `matching translations`, pairs.
pub fn map_counted(articles: &[&Article], budget: &Budget, progress: &Progress) -> StoryMap {
    if let Some(map) = given(articles) {
        return map;
    }
    if articles.len() > ALIGN_EVERY_PAIR {
        return sparse(articles, budget, progress);
    }
    let n = articles.len();
    let (fingerprints, boilerplate) = fingerprints_and_boilerplate(articles, budget, progress);
    let mut pairs = Vec::with_capacity(n * n.saturating_sub(1) / 2);
    let mut coarse = false;
    progress.start("aligning", "pairs", n * n.saturating_sub(1) / 2);
    for i in 0..n {
        for j in i + 1..n {
            let value = if budget.expired() {
                coarse = true;
                jaccard(&fingerprints[i].shingles, &fingerprints[j].shingles)
            } else {
                alignment_similarity(articles[i], articles[j], &boilerplate, budget)
            };
            pairs.push((i as u32, j as u32, value));
        }
        progress.advance(n - i - 1);
    }
    let mut map = StoryMap {
        articles: n,
        stories: Vec::new(),
        pairs,
        measure: Measure::Alignment,
        coarse,
    };
    let found = group_fingerprints(&fingerprints, |i, j| {
        map.similarity(i, j) >= SAME_STORY_ALIGNMENT
    });
    map.stories = with_translations(found, articles, progress, |i, j| {
        map.similarity(i, j) >= SAME_STORY_ACROSS_LANGUAGES
    });
    map
}

/// The LSH path of [`map`]: candidates, then verification.
fn sparse(articles: &[&Article], budget: &Budget, progress: &Progress) -> StoryMap {
    let (fingerprints, boilerplate) = fingerprints_and_boilerplate(articles, budget, progress);
    // The dense table wants every candidate's similarity.
    let every_candidate = articles.len() <= DENSE_LIMIT;
    let grouping = group_candidates(&fingerprints, budget, every_candidate, progress, |i, j| {
        alignment_similarity(articles[i], articles[j], &boilerplate, budget) >= SAME_STORY_ALIGNMENT
    });
    let stories = with_translations(grouping.stories, articles, progress, |i, j| {
        alignment_similarity(articles[i], articles[j], &boilerplate, budget)
            >= SAME_STORY_ACROSS_LANGUAGES
    });
    StoryMap {
        articles: articles.len(),
        stories,
        pairs: grouping.pairs,
        measure: Measure::Words,
        coarse: grouping.coarse,
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
        let dense = map.dense().unwrap();
        for (i, row) in dense.iter().enumerate() {
            assert_eq!(row[i], 1.0);
            for (j, value) in row.iter().enumerate() {
                assert_eq!(*value, dense[j][i]);
            }
        }
        assert!(
            map.similarity(2, 0) >= 0.2 && map.similarity(2, 3) >= 0.6,
            "{map:?}"
        );
    }

    #[test]
    fn judging_counts_every_candidate_pair_including_the_last_batch() {
        let articles = seeds();
        let refs: Vec<&Article> = articles.iter().collect();
        let progress = Progress::default();
        group_candidates(
            &fingerprints(&refs),
            &Budget::unlimited(),
            true,
            &progress,
            |_, _| false,
        );
        let (stage, done, total) = progress.snapshot();
        assert_eq!(stage.doing, "judging");
        assert!(total > 0 && total < BUDGET_BATCH, "{total}");
        assert_eq!(done, total);
    }

    #[test]
    fn signatures_estimate_jaccard() {
        let words = |range: std::ops::Range<usize>| -> Vec<String> {
            range.map(|k| format!("word{k}x")).collect()
        };
        let a = words(0..400);
        let b = words(100..500);
        let mut shingler = Shingler::default();
        let texts = vec![
            shingler.text([a.iter().map(String::as_str)]),
            shingler.text([b.iter().map(String::as_str)]),
        ];
        let [fa, fb]: [Fingerprint; 2] = Fingerprint::of_corpus(texts).try_into().unwrap();
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

    #[test]
    fn tiny_and_empty_texts_have_signatures() {
        assert_eq!(signature(&[]), [u16::MAX; SIGNATURE]);
        // A lone shingle whose value is the empty-bin marker.
        assert_eq!(signature(&[u64::MAX]), [u16::MAX; SIGNATURE]);
        let one = signature(&[0x1234_0000_0000_0005]);
        assert!(one.iter().all(|&b| b != u16::MAX));
    }
}
