//! Short labels that say what a fact is about: the person for ages and
//! quotes, else the rarest words the mentions' sentences share.

use rustc_hash::{FxHashMap, FxHashSet};

use super::FactKind;
use super::extract::Found;
use crate::compare::tokens::{fold, is_stopword, number_value};

/// How many context words a label carries.
const CONTEXT_WORDS: usize = 3;

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
                None => format!("age · {}", self.context(mentions)),
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

    /// The rarest words that the sentences of at least two mentions share
    /// (or of the first mention), leaving out the mentions' own words.
    fn context(&self, mentions: &[&Found]) -> String {
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
        let mut candidates: Vec<(&String, &str)> = seen_in
            .iter()
            .filter(|(w, (n, _))| *n >= 2 && telling(w))
            .map(|(w, (_, written))| (w, *written))
            .collect();
        if candidates.is_empty() {
            // Nothing shared: the first mention's own sentence.
            let first = &mentions[0];
            candidates = words(self.sentences[first.article][first.sentence])
                .filter_map(|w| {
                    let folded = fold(w);
                    telling(&folded)
                        .then(|| seen_in.get_key_value(folded.as_ref()).map(|(k, _)| (k, w)))
                })
                .flatten()
                .collect();
            candidates.dedup();
        }
        // Words most of the sentences share, the rarest first.
        let shared_by = |w: &str| seen_in.get(w).map_or(0, |(n, _)| *n);
        candidates.sort_by_key(|(w, written)| {
            (
                std::cmp::Reverse(shared_by(w)),
                self.frequency.get(*w).copied().unwrap_or(0),
                *written,
            )
        });
        candidates
            .iter()
            .take(CONTEXT_WORDS)
            .map(|(_, written)| *written)
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The subject most mentions name; of equals, the fullest.
fn longest_subject(mentions: &[&Found]) -> Option<String> {
    let subjects: Vec<&str> = mentions
        .iter()
        .filter_map(|m| m.subject.as_deref())
        .collect();
    subjects
        .iter()
        .max_by_key(|s| (subjects.iter().filter(|o| o == s).count(), s.len()))
        .map(|s| (*s).to_owned())
}
