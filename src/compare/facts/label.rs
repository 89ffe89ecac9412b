//! Short labels that say what a fact is about: the person for ages and
//! quotes, else a short phrase of the text around the mentions, picked by
//! the rarest words their sentences share.

use std::ops::Range;

use rustc_hash::{FxHashMap, FxHashSet};

use super::FactKind;
use super::extract::Found;
use crate::compare::tokens::{fold, is_stopword, number_value};

/// How many telling words a label looks for its phrase with.
const CONTEXT_WORDS: usize = 4;

pub struct Labeller<'a> {
    sentences: &'a [Vec<&'a str>],
    /// In how many sentences each folded word occurs.
    frequency: FxHashMap<String, usize>,
}

fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric() && c != '-')
        .map(|w| w.trim_matches('-'))
        .filter(|w| w.chars().count() >= 3 && w.chars().all(|c| c.is_alphabetic() || c == '-'))
}

impl<'a> Labeller<'a> {
    pub fn new(sentences: &'a [Vec<&'a str>]) -> Labeller<'a> {
        let mut frequency: FxHashMap<String, usize> = FxHashMap::default();
        let mut distinct = Vec::new();
        for text in sentences.iter().flatten() {
            distinct.clear();
            distinct.extend(words(text).map(fold));
            distinct.sort_unstable();
            distinct.dedup();
            // Allocate a key only for a word not seen before.
            for word in distinct.drain(..) {
                match frequency.get_mut(word.as_ref()) {
                    Some(n) => *n += 1,
                    None => {
                        frequency.insert(word.into_owned(), 1);
                    }
                }
            }
        }
        Labeller {
            sentences,
            frequency,
        }
    }

    pub fn label(&self, kind: FactKind, mentions: &[&Found]) -> String {
        match kind {
            FactKind::Age => match longest_subject(mentions) {
                Some(person) => format!("age of {person}"),
                None => match mentions.iter().find_map(|m| m.unit.as_deref()) {
                    Some(noun) => format!("age of a {noun} · {}", self.context(mentions)),
                    None => format!("age · {}", self.context(mentions)),
                },
            },
            FactKind::Quote => {
                let quote = mentions
                    .iter()
                    .find(|m| !m.paraphrase)
                    .unwrap_or(&mentions[0]);
                let opening: Vec<&str> = quote.text.split_whitespace().take(6).collect();
                let ellipsis = if quote.text.split_whitespace().count() > 6 {
                    "…"
                } else {
                    ""
                };
                match longest_subject(mentions) {
                    Some(speaker) => {
                        format!("words of {speaker}: “{}{ellipsis}”", opening.join(" "))
                    }
                    None => format!("quote: “{}{ellipsis}”", opening.join(" ")),
                }
            }
            FactKind::Count => {
                let noun = mentions.iter().find_map(|m| words(&m.text).last());
                match noun {
                    Some(noun) => format!("number of {noun} · {}", self.context(mentions)),
                    None => format!("count · {}", self.context(mentions)),
                }
            }
            FactKind::Money => format!("sum · {}", self.context(mentions)),
            other => format!("{} · {}", other.name(), self.context(mentions)),
        }
    }

    /// A short phrase of one mention's sentence naming what the fact is
    /// about: the shortest run of words, within one clause and at most
    /// [`PHRASE_WORDS`] long, that holds the most of the telling words (the
    /// rarest words that the mentions' sentences share), so that the label
    /// reads as the text does (`seat on a Soyuz rocket`), not as keywords.
    fn context(&self, mentions: &[&Found]) -> String {
        let telling = self.telling_words(mentions);
        if telling.is_empty() {
            return String::new();
        }
        let mut best: Option<(Window, &str)> = None;
        let mut seen = FxHashSet::default();
        for mention in mentions {
            if !seen.insert((mention.article, mention.sentence)) {
                continue;
            }
            let text = self.sentences[mention.article][mention.sentence];
            if let Some(window) = best_window(text, &mention.span, &telling)
                && best.as_ref().is_none_or(|(b, _)| window.better_than(b))
            {
                best = Some((window, text));
            }
        }
        match best {
            Some((window, text)) => text[window.bytes.clone()]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
            None => telling[0].1.to_owned(),
        }
    }

    /// The telling words of the mentions' sentences, best first, folded
    /// and as written: shared by the most sentences, then the rarest in the
    /// corpus, never the mentions' own words, stop words or numbers.
    fn telling_words<'t>(&'t self, mentions: &[&Found]) -> Vec<(String, &'t str)> {
        let own: FxHashSet<String> = mentions
            .iter()
            .flat_map(|m| words(&m.text).map(|w| fold(w).into_owned()))
            .collect();
        let mut seen_in: FxHashMap<String, (usize, &str)> = FxHashMap::default();
        let mut sentences: Vec<(usize, usize)> =
            mentions.iter().map(|m| (m.article, m.sentence)).collect();
        sentences.sort_unstable();
        sentences.dedup();
        for &(article, sentence) in &sentences {
            let text = self.sentences[article][sentence];
            let distinct: FxHashMap<String, &str> =
                words(text).map(|w| (fold(w).into_owned(), w)).collect();
            for (folded, written) in distinct {
                seen_in.entry(folded).or_insert((0, written)).0 += 1;
            }
        }
        let telling = |w: &str| {
            !is_stopword(w) && !own.contains(w) && !w.ends_with("ly") && number_value(w).is_none()
        };
        let shared = sentences.len() >= 2;
        let mut candidates: Vec<(String, &str)> = seen_in
            .into_iter()
            .filter(|(w, (n, _))| (!shared || *n >= 2) && telling(w))
            .map(|(w, (_, written))| (w, written))
            .collect();
        if candidates.is_empty() && shared {
            // Nothing shared: the first mention's own sentence.
            let first = mentions[0];
            return self.telling_words(&[first]);
        }
        candidates.sort_by_key(|(w, written)| {
            (
                self.frequency.get(w.as_str()).copied().unwrap_or(0),
                written.to_string(),
            )
        });
        candidates.truncate(CONTEXT_WORDS);
        candidates
    }
}

/// Longest label phrase, in words.
const PHRASE_WORDS: usize = 6;

/// A run of a sentence's words, scored by the telling words it holds.
struct Window {
    bytes: Range<usize>,
    /// Distinct telling words held, and the sum of their ranks (lower is
    /// better).
    held: usize,
    rank_sum: usize,
    words: usize,
}

impl Window {
    fn better_than(&self, other: &Window) -> bool {
        (std::cmp::Reverse(self.held), self.rank_sum, self.words)
            < (std::cmp::Reverse(other.held), other.rank_sum, other.words)
    }
}

/// The best window of `text` (see [`Labeller::context`]) outside the
/// mention at `mention`, or `None` when no telling word is there.
fn best_window(text: &str, mention: &Range<usize>, telling: &[(String, &str)]) -> Option<Window> {
    // Words with their byte ranges, and the clause each is in: a comma,
    // semicolon, colon, bracket or dash between words starts a new one.
    let mut tokens: Vec<(Range<usize>, usize, Option<usize>)> = Vec::new();
    let mut clause = 0;
    let mut start = None;
    for (at, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        let in_word = c.is_alphanumeric() || (c == '-' || c == '\'' || c == '’') && start.is_some();
        match (in_word, start) {
            (true, None) => start = Some(at),
            (false, Some(from)) => {
                start = None;
                let word = text[from..at].trim_end_matches(['-', '\'', '’']);
                let range = from..from + word.len();
                let overlaps = range.start < mention.end && mention.start < range.end;
                let rank = (!overlaps)
                    .then(|| telling.iter().position(|(t, _)| *t == fold(word)))
                    .flatten();
                tokens.push((range, clause, rank));
            }
            _ => {}
        }
        if !in_word
            && matches!(
                c,
                ',' | ';' | ':' | '(' | ')' | '—' | '–' | '"' | '“' | '”' | '«' | '»'
            )
        {
            clause += 1;
        }
    }
    let mut best: Option<Window> = None;
    for (i, (first, clause, rank)) in tokens.iter().enumerate() {
        if rank.is_none() {
            continue;
        }
        let mut held: Vec<usize> = Vec::new();
        for (j, (last, other_clause, other_rank)) in tokens.iter().enumerate().skip(i) {
            if other_clause != clause || j - i >= PHRASE_WORDS {
                break;
            }
            // A mention's own words never sit inside the phrase.
            if last.start < mention.end && mention.start < last.end {
                break;
            }
            let Some(r) = other_rank else { continue };
            if !held.contains(r) {
                held.push(*r);
            }
            let window = Window {
                bytes: first.start..last.end,
                held: held.len(),
                rank_sum: held.iter().sum(),
                words: j - i + 1,
            };
            if best.as_ref().is_none_or(|b| window.better_than(b)) {
                best = Some(window);
            }
        }
    }
    best
}

/// The subject most mentions name; of equals, the fullest.
fn longest_subject(mentions: &[&Found]) -> Option<String> {
    let mut counts: FxHashMap<&str, usize> = FxHashMap::default();
    for subject in mentions.iter().filter_map(|m| m.subject.as_deref()) {
        *counts.entry(subject).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by_key(|&(s, n)| (n, s.len(), std::cmp::Reverse(s)))
        .map(|(s, _)| s.to_owned())
}
