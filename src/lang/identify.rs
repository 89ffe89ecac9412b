//! Language identification by function words: a cheap first look that
//! names one of the languages of `assets/lang/` when its function words
//! plainly make up the sample, and otherwise says nothing, leaving the call
//! to a general model (whatlang's trigrams, in `corpus::parse`).
//!
//! Function-word counting is the oldest method of the field (Ingle 1976;
//! Grefenstette 1995, "Comparing two language identification schemes")
//! and, on a kilobyte of news text, as accurate as trigrams for the
//! languages it knows. Its danger is a language it does not know: Catalan
//! shares most of its articles with Spanish, Ukrainian its prepositions
//! with Russian. So a language is named only when, besides covering much
//! of the sample and clearly beating the runner-up, it accounts for the
//! sample's frequent short words, which are nearly all function words in
//! any language: Catalan's `i`, `amb`, `els` are not Spanish ones.

use super::FunctionWords;

/// Fewest words a sample must have; below it the counts decide nothing.
const MIN_WORDS: usize = 30;

/// Least share of the sample's words that must be function words of the
/// winner. News prose in a language with a file runs at 30–50 % by its
/// file (Russian, without articles, at 19–24 %: it is left to the trigram
/// model, as nothing here could tell it from Bulgarian or Ukrainian); a
/// language without a file reaches at most 28 % (Esperanto by the Spanish
/// list) on the samples of `tests/fixtures/langid/`.
const MIN_COVERAGE: f32 = 0.3;

/// How many times as many words of the sample only the winner's list holds
/// as words only the runner-up's holds. Between two languages with files
/// it is 4 or more (10 and up for all but one sample); a language without
/// one scores its nearest neighbour at 1–3 (Catalan, Galician, Occitan by
/// the Spanish or Portuguese list).
const MIN_MARGIN: f32 = 4.0;

/// Longest word, in characters, counted as a short word.
const SHORT_WORD_CHARS: usize = 3;

/// Least share of the sample's repeated short words (by occurrence) that
/// must be function words of the winner. In a text of the winner's own
/// language the rest are abbreviations and short names; measured on the
/// samples of `tests/fixtures/langid/`: 0.81–1 in the languages with a
/// file, and under 0.82 for every language without one that came near the
/// other thresholds (Catalan, Occitan, Esperanto, Bulgarian).
const MIN_SHORT_SHARE: f32 = 0.85;

/// What function words say of a sample: the language whose function
/// words it holds most of, and how plainly.
#[derive(Debug, Clone, Copy)]
pub struct Evidence<'l> {
    pub language: &'l FunctionWords,
    /// Words in the sample.
    pub words: usize,
    /// Share of the words that are function words of `language`, 0–1.
    pub coverage: f32,
    /// `language`'s count over the runner-up's (infinite when it has none).
    pub margin: f32,
    /// Share of the repeated short words that are function words of
    /// `language`, 0–1 (1 when there are none).
    pub short_share: f32,
}

impl Evidence<'_> {
    /// Whether the evidence is plain enough to name the language without a
    /// trigram model (the thresholds above).
    pub fn is_plain(&self) -> bool {
        self.words >= MIN_WORDS
            && self.coverage >= MIN_COVERAGE
            && self.margin >= MIN_MARGIN
            && self.short_share >= MIN_SHORT_SHARE
    }
}

/// The language of `sample` among `languages`, by its function words;
/// none when the evidence is not plain (see the module docs). Measured on
/// the 97 samples of `tests/fixtures/langid/` and `tests/fixtures/xling/`:
/// no wrong call, and most samples of the languages with a file named.
/// Cost: one
/// lower-casing of the sample and a set look-up per word and language, a
/// fraction of a trigram model's.
pub fn by_function_words<'l>(
    sample: &str,
    languages: impl IntoIterator<Item = &'l FunctionWords>,
) -> Option<&'l FunctionWords> {
    evidence(sample, languages)
        .filter(Evidence::is_plain)
        .map(|evidence| evidence.language)
}

/// The function-word evidence of `sample` among `languages`; none when the
/// sample has no words or no language has function words.
pub fn evidence<'l>(
    sample: &str,
    languages: impl IntoIterator<Item = &'l FunctionWords>,
) -> Option<Evidence<'l>> {
    let lowered = sample.to_lowercase();
    let words: Vec<&str> = lowered
        .split(|c: char| !c.is_alphabetic())
        .filter(|word| !word.is_empty())
        .collect();
    if words.is_empty() {
        return None;
    }
    let mut ranked: Vec<(&FunctionWords, usize)> = languages
        .into_iter()
        .filter(|language| !language.is_empty())
        .map(|language| {
            let hits = words.iter().filter(|word| language.contains(word)).count();
            (language, hits)
        })
        .collect();
    ranked.sort_by_key(|(_, hits)| std::cmp::Reverse(*hits));
    let (language, hits) = *ranked.first()?;
    // The margin counts the words only one of the two holds: the words
    // two related languages share (`de`, `que`) say nothing between them.
    let (mut own, mut theirs) = (0usize, 0usize);
    if let Some((other, _)) = ranked.get(1) {
        for word in &words {
            match (language.contains(word), other.contains(word)) {
                (true, false) => own += 1,
                (false, true) => theirs += 1,
                _ => {}
            }
        }
    }
    Some(Evidence {
        language,
        words: words.len(),
        coverage: hits as f32 / words.len() as f32,
        margin: if theirs == 0 {
            f32::INFINITY
        } else {
            own as f32 / theirs as f32
        },
        short_share: short_share(&words, language),
    })
}

/// The share of the short words said more than once in `words` that are
/// function words of `language` (see [`MIN_SHORT_SHARE`]), by occurrence.
fn short_share(words: &[&str], language: &FunctionWords) -> f32 {
    let mut counts: rustc_hash::FxHashMap<&str, usize> = Default::default();
    for word in words {
        if word.chars().count() <= SHORT_WORD_CHARS {
            *counts.entry(word).or_default() += 1;
        }
    }
    let (mut repeated, mut known) = (0, 0);
    for (word, count) in counts.into_iter().filter(|(_, count)| *count > 1) {
        repeated += count;
        if language.contains(word) {
            known += count;
        }
    }
    if repeated == 0 {
        1.0
    } else {
        known as f32 / repeated as f32
    }
}
