//! Sentence profiles and a lexical similarity that survives paraphrase:
//! weighted overlap of content words (folded, stemmed, numbers normalised),
//! with a softer match for names spelt differently and for words that share
//! a long prefix.

use std::ops::Range;

use rustc_hash::{FxHashMap, FxHasher};
use std::hash::{Hash, Hasher};

use crate::corpus::segment;

use super::tokens;

/// Weight of a soft match (`Peresild`/`Peressild`) against an exact one.
const SOFT_MATCH: f32 = 0.7;

/// Words that share this many leading letters (and are long enough) match
/// softly: `superhero`/`superhuman`, `president`/`presidential`.
const PREFIX_LEN: usize = 6;

/// What a sentence is made of, for comparing.
#[derive(Debug, Clone, Default)]
pub struct Profile {
    /// Feature ids, sorted and unique.
    pub features: Vec<u32>,
    /// Soft keys of the features, as (key, feature) sorted by key.
    pub soft: Vec<(u32, u32)>,
    /// Hash of the folded word sequence: equal for texts that differ only in
    /// case, punctuation and spacing.
    pub folded_hash: u64,
    /// Length in characters, for the length prior.
    pub chars: usize,
}

/// Gives each distinct feature string a small number.
///
/// The strings are kept end to end in one buffer, and the table holds only
/// their ids (4 bytes each): interning a word allocates nothing, and the
/// table of a long text's 20k features stays in the processor's cache,
/// where a map of owned strings allocated each one and spread them over
/// the heap.
#[derive(Debug, Default)]
pub struct Interner {
    /// The strings, in id order, end to end.
    text: String,
    /// Where each string ends in `text`; it starts where the one before
    /// ended.
    ends: Vec<usize>,
    ids: hashbrown::HashTable<u32>,
}

impl Interner {
    /// An interner with room for `count` strings.
    pub fn with_capacity(count: usize) -> Interner {
        Interner {
            text: String::with_capacity(count * 8),
            ends: Vec::with_capacity(count),
            ids: hashbrown::HashTable::with_capacity(count),
        }
    }

    pub fn id(&mut self, text: &str) -> u32 {
        let Interner {
            text: all,
            ends,
            ids,
        } = self;
        let string = |id: u32| {
            let id = id as usize;
            let start = if id == 0 { 0 } else { ends[id - 1] };
            &all[start..ends[id]]
        };
        let entry = ids.entry(
            hash_of(text),
            |&id| string(id) == text,
            |&id| hash_of(string(id)),
        );
        match entry {
            hashbrown::hash_table::Entry::Occupied(found) => *found.get(),
            hashbrown::hash_table::Entry::Vacant(slot) => {
                let id = ends.len() as u32;
                all.push_str(text);
                ends.push(all.len());
                slot.insert(id);
                id
            }
        }
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }
}

fn hash_of(text: &str) -> u64 {
    let mut hasher = FxHasher::default();
    text.hash(&mut hasher);
    hasher.finish()
}

/// What one distinct word contributes to a profile, worked out once per
/// comparison: texts repeat their words, and folding, stemming and
/// transliteration keys are the costly part of building profiles.
#[derive(Clone, Copy)]
struct WordInfo {
    /// The word and the second word of a contraction (`isn't` → is, not).
    features: [u32; 2],
    feature_count: u8,
    /// Soft keys, with the feature each belongs to.
    soft: [(u32, u32); 4],
    soft_count: u8,
    /// Hash of the folded word.
    folded: u64,
}

/// Builds profiles, sharing one vocabulary between both sides.
#[derive(Default)]
pub struct Profiler<'a> {
    pub interner: Interner,
    /// Words of up to [`INLINE_WORD`] bytes, keyed by their bytes packed
    /// into an integer: a look-up then reads no text, where a string key
    /// would be compared through a pointer to wherever the word was first
    /// seen (a cache miss on every word of a long text).
    short_words: ShortWords,
    words: FxHashMap<&'a str, WordInfo>,
    /// Scratch lists, reused from sentence to sentence: each profile then
    /// allocates its two lists once, at their final length.
    features: Vec<u32>,
    soft: Vec<(u32, u32)>,
}

impl<'a> Profiler<'a> {
    /// A profiler with room for about `distinct_words` words, so that its
    /// tables are not grown (and copied) a dozen times on a long text.
    pub fn with_capacity(distinct_words: usize) -> Profiler<'a> {
        Profiler {
            // Features and soft keys: about one and a half per word.
            interner: Interner::with_capacity(distinct_words * 3 / 2),
            short_words: ShortWords::with_capacity(distinct_words),
            ..Profiler::default()
        }
    }

    /// The profile of one sentence.
    pub fn profile(&mut self, text: &'a str) -> Profile {
        let (features, soft) = (&mut self.features, &mut self.soft);
        features.clear();
        soft.clear();
        let mut hasher = FxHasher::default();
        for range in segment::words(text) {
            let key = packed(text, range.clone());
            let raw = &text[range];
            let interner = &mut self.interner;
            let info = match key {
                Some(key) => *self
                    .short_words
                    .get_or_insert_with(key, || word_info(raw, interner)),
                None => *self
                    .words
                    .entry(raw)
                    .or_insert_with(|| word_info(raw, interner)),
            };
            hasher.write_u64(info.folded);
            features.extend_from_slice(&info.features[..usize::from(info.feature_count)]);
            soft.extend_from_slice(&info.soft[..usize::from(info.soft_count)]);
        }
        features.sort_unstable();
        features.dedup();
        soft.sort_unstable();
        soft.dedup();
        Profile {
            features: features.as_slice().to_vec(),
            soft: soft.as_slice().to_vec(),
            folded_hash: hasher.finish(),
            chars: text.chars().count(),
        }
    }
}

/// The short words' table: the words in the order first seen, and a hash
/// table of their indices. A hash table of the words themselves (80-byte
/// slots, half of them empty) spread 16k words over 2.6 MB, each page
/// faulted in when first written; this one packs them into 1.3 MB, plus
/// 4 bytes a slot.
#[derive(Default)]
struct ShortWords {
    slots: hashbrown::HashTable<u32>,
    words: Vec<(u128, WordInfo)>,
}

impl ShortWords {
    fn with_capacity(count: usize) -> ShortWords {
        ShortWords {
            slots: hashbrown::HashTable::with_capacity(count),
            words: Vec::with_capacity(count),
        }
    }

    fn get_or_insert_with(&mut self, key: u128, info: impl FnOnce() -> WordInfo) -> &WordInfo {
        let ShortWords { slots, words } = self;
        let hash = |key: u128| {
            let mut hasher = FxHasher::default();
            hasher.write_u128(key);
            hasher.finish()
        };
        let entry = slots.entry(
            hash(key),
            |&k| words[k as usize].0 == key,
            |&k| hash(words[k as usize].0),
        );
        let index = match entry {
            hashbrown::hash_table::Entry::Occupied(found) => *found.get(),
            hashbrown::hash_table::Entry::Vacant(slot) => {
                let index = words.len() as u32;
                words.push((key, info()));
                slot.insert(index);
                index
            }
        };
        &words[index as usize].1
    }
}

/// Longest word packed into an integer key: 15 bytes and a length byte.
const INLINE_WORD: usize = 15;

/// The word at `range` of `text`, when it has up to [`INLINE_WORD`] bytes,
/// as one integer: its bytes, then its length in the top byte, so that no
/// two words share a key.
fn packed(text: &str, range: Range<usize>) -> Option<u128> {
    let len = range.len();
    if len > INLINE_WORD {
        return None;
    }
    let bytes = text.as_bytes();
    let key = match bytes.get(range.start..range.start + 16) {
        // Sixteen bytes read at once, those past the word masked off.
        Some(window) => {
            let mut chunk = [0u8; 16];
            chunk.copy_from_slice(window);
            u128::from_le_bytes(chunk) & ((1u128 << (8 * len)) - 1)
        }
        // Near the end of the text: byte by byte.
        None => bytes[range]
            .iter()
            .enumerate()
            .fold(0u128, |key, (k, &b)| key | u128::from(b) << (8 * k)),
    };
    Some(key | (len as u128) << 120)
}

fn word_info(raw: &str, interner: &mut Interner) -> WordInfo {
    let folded = tokens::fold(raw);
    let mut hasher = FxHasher::default();
    folded.hash(&mut hasher);
    let mut info = WordInfo {
        features: [0; 2],
        feature_count: 0,
        soft: [(0, 0); 4],
        soft_count: 0,
        folded: hasher.finish(),
    };
    let (base, expansion) = tokens::split_contraction(&folded);
    let mut key = String::new();
    for word in std::iter::once(base).chain(expansion) {
        let number = tokens::number_value(word);
        let feature = match number {
            Some(value) => interner.id(&format!("#{value}")),
            None => interner.id(tokens::stem(word)),
        };
        info.features[usize::from(info.feature_count)] = feature;
        info.feature_count += 1;
        if number.is_some() || word.chars().count() < 4 {
            continue;
        }
        if tokens::looks_like_name(raw) {
            key.clear();
            key.push('~');
            key.push_str(&tokens::translit_key(raw));
            if key.len() > 3 {
                info.soft[usize::from(info.soft_count)] = (interner.id(&key), feature);
                info.soft_count += 1;
            }
        }
        if word.chars().count() >= PREFIX_LEN + 2 {
            key.clear();
            key.push('^');
            key.extend(word.chars().take(PREFIX_LEN));
            info.soft[usize::from(info.soft_count)] = (interner.id(&key), feature);
            info.soft_count += 1;
        }
    }
    info
}

/// The union of two profiles: what two consecutive sentences say together.
pub fn merge(a: &Profile, b: &Profile) -> Profile {
    let mut hasher = FxHasher::default();
    (a.folded_hash, b.folded_hash).hash(&mut hasher);
    Profile {
        features: sorted_union(&a.features, &b.features),
        soft: sorted_union(&a.soft, &b.soft),
        folded_hash: hasher.finish(),
        chars: a.chars + b.chars + 1,
    }
}

/// The union of two sorted lists without duplicates, sorted: one pass
/// over both rather than a sort.
fn sorted_union<T: Ord + Copy>(a: &[T], b: &[T]) -> Vec<T> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => {
                out.push(a[i]);
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                out.push(b[j]);
                j += 1;
            }
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
    out
}

/// Feature weights: rare features count more (inverse document frequency
/// over the sentences of both sides), function words little.
#[derive(Debug, Clone)]
pub struct Weights {
    weights: Vec<f32>,
}

impl Weights {
    pub fn new<'a>(
        profiles: impl Iterator<Item = &'a Profile>,
        interner: &Interner,
        stopword_ids: &[u32],
    ) -> Weights {
        let mut df = vec![0u32; interner.len()];
        let mut sentences = 0usize;
        for profile in profiles {
            sentences += 1;
            for &f in &profile.features {
                df[f as usize] += 1;
            }
        }
        let n = sentences.max(1) as f32;
        let mut weights: Vec<f32> = df
            .iter()
            .map(|&d| (1.0 + n / d.max(1) as f32).ln())
            .collect();
        for &id in stopword_ids {
            if let Some(w) = weights.get_mut(id as usize) {
                *w *= 0.15;
            }
        }
        Weights { weights }
    }

    pub fn of(&self, feature: u32) -> f32 {
        self.weights.get(feature as usize).copied().unwrap_or(1.0)
    }

    pub fn total(&self, profile: &Profile) -> f32 {
        profile.features.iter().map(|&f| self.of(f)).sum()
    }
}

/// Similarity of two profiles in 0..=1: weighted Dice overlap of their
/// features, where features that do not meet exactly may meet softly.
pub fn similarity(a: &Profile, b: &Profile, weights: &Weights) -> f32 {
    similarity_with_totals(a, weights.total(a), b, weights.total(b), weights)
}

/// [`similarity`] with the profiles' total weights already known.
pub fn similarity_with_totals(
    a: &Profile,
    total_a: f32,
    b: &Profile,
    total_b: f32,
    weights: &Weights,
) -> f32 {
    let total = total_a + total_b;
    if total <= 0.0 {
        return if a.features.is_empty() && b.features.is_empty() {
            1.0
        } else {
            0.0
        };
    }
    // Equal features (the same sentence on both sides, mostly): all is
    // shared, and no feature is left for a soft match.
    if a.features == b.features {
        return 1.0;
    }
    let mut score = 2.0 * shared_weight(&a.features, &b.features, weights);
    if !a.soft.is_empty() && !b.soft.is_empty() {
        score += 2.0 * SOFT_MATCH * soft_overlap(a, b, weights);
    }
    (score / total).min(1.0)
}

/// Weight of the features two sorted lists share.
fn shared_weight(a: &[u32], b: &[u32], weights: &Weights) -> f32 {
    let (mut i, mut j) = (0, 0);
    let mut shared = 0.0;
    // Both indices step without a branch on the order: the comparisons
    // would be mispredicted half the time.
    while i < a.len() && j < b.len() {
        let (x, y) = (a[i], b[j]);
        if x == y {
            shared += weights.of(x);
        }
        i += usize::from(x <= y);
        j += usize::from(y <= x);
    }
    shared
}

/// Weight of the features that did not meet exactly but share a soft key;
/// each feature is used at most once.
fn soft_overlap(a: &Profile, b: &Profile, weights: &Weights) -> f32 {
    let mut used: Vec<(u32, u32)> = Vec::new();
    let mut shared = 0.0;
    let (mut i, mut j) = (0, 0);
    while i < a.soft.len() && j < b.soft.len() {
        let (ka, fa) = a.soft[i];
        let (kb, fb) = b.soft[j];
        match ka.cmp(&kb) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                let unmatched = fa != fb
                    && b.features.binary_search(&fa).is_err()
                    && a.features.binary_search(&fb).is_err();
                if unmatched && !used.iter().any(|&(x, y)| x == fa || y == fb) {
                    shared += 0.5 * (weights.of(fa) + weights.of(fb));
                    used.push((fa, fb));
                }
                i += 1;
                j += 1;
            }
        }
    }
    shared
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sims(pairs: &[(&'static str, &'static str)]) -> Vec<f32> {
        let mut profiler = Profiler::default();
        let profiles: Vec<(Profile, Profile)> = pairs
            .iter()
            .map(|(a, b)| (profiler.profile(a), profiler.profile(b)))
            .collect();
        let stop: Vec<u32> = ["the", "a", "of", "to", "in", "is", "was", "not", "i", "am"]
            .iter()
            .map(|w| profiler.interner.id(w))
            .collect();
        let weights = Weights::new(
            profiles.iter().flat_map(|(a, b)| [a, b]),
            &profiler.interner,
            &stop,
        );
        profiles
            .iter()
            .map(|(a, b)| similarity(a, b, &weights))
            .collect()
    }

    #[test]
    fn interner_gives_one_id_per_distinct_string() {
        // Strings that run into each other end to end ("a" + "b" is "ab")
        // must not be mistaken for one another.
        let words = ["ab", "a", "b", "", "abc", "b", "ab", "é", ""];
        let mut interner = Interner::with_capacity(2);
        let ids: Vec<u32> = words.iter().map(|w| interner.id(w)).collect();
        assert_eq!(ids, [0, 1, 2, 3, 4, 2, 0, 5, 3]);
        assert_eq!(interner.len(), 6);
    }

    #[test]
    fn paraphrases_score_above_unrelated_sentences() {
        let s = sims(&[
            (
                "Representatives of Cruise did not respond to AFP requests for comment.",
                "AFP did not reach Cruise representatives for comment.",
            ),
            (
                "Representatives of Cruise did not respond to AFP requests for comment.",
                "The tiny film set on the ISS will present a challenge for any director.",
            ),
            ("I am not a superhero.", "I'm not a superhuman."),
            (
                "Yulia Peresild, 36, will fly.",
                "Julia Peressild, 36, will fly.",
            ),
            (
                "The crew will have twelve days.",
                "The crew will have 12 days.",
            ),
        ]);
        assert!(s[0] > 0.6, "{s:?}");
        assert!(s[1] < 0.1, "{s:?}");
        assert!(s[2] > 0.4, "{s:?}");
        assert!(s[3] > 0.6, "{s:?}");
        assert!((s[4] - 1.0).abs() < 1e-6, "{s:?}");
    }

    #[test]
    fn case_and_punctuation_do_not_change_the_folded_hash() {
        let mut profiler = Profiler::default();
        let a = profiler.profile("Hello, World!");
        let b = profiler.profile("hello world");
        assert_eq!(a.folded_hash, b.folded_hash);
    }
}
