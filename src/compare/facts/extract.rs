//! Every mention of every article, before grouping: dates first (so their
//! numbers are not counted again), then quantities, names and quotes.

use std::ops::Range;

use chrono::NaiveDate;
use rustc_hash::{FxHashMap, FxHashSet};

use super::names::{self, NameSpan, bare};
use super::quotes::{self, Speaker};
use super::scan::{Token, tokens};
use super::{FactKind, dates, quantities};
use crate::compare::tokens::translit_key;
use crate::corpus::Article;

/// A mention with what grouping needs to know about it.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub kind: FactKind,
    pub article: usize,
    pub sentence: usize,
    pub span: Range<usize>,
    pub text: String,
    pub value: String,
    /// Currency, time unit, counted noun.
    pub unit: Option<String>,
    /// The person an age belongs to, or a quote's speaker, as written.
    pub subject: Option<String>,
    /// For quotes: the words had no quote marks (a paraphrase of a quote).
    pub paraphrase: bool,
}

impl Found {
    /// The transliteration key of the subject's last word (the surname).
    pub fn subject_key(&self) -> Option<String> {
        let last = self.subject.as_deref()?.split_whitespace().next_back()?;
        Some(translit_key(last))
    }
}

/// What the whole corpus says about words: which are written capitalised
/// mid-sentence (names, which also count when they open a sentence), and
/// which are written in lower case somewhere (common words, so a name made
/// of them is an organisation or place, not a person).
#[derive(Debug, Default)]
pub struct Lexicon {
    pub names: FxHashSet<String>,
    pub lower: FxHashSet<String>,
}

/// Every sentence of an article, cut into tokens once for all passes.
pub fn tokenize(article: &Article) -> Vec<Vec<Token<'_>>> {
    (0..article.sentences.len())
        .map(|s| tokens(article.sentence_text(s)))
        .collect()
}

pub fn lexicon(tokenized: &[Vec<Vec<Token>>]) -> Lexicon {
    let mut lexicon = Lexicon::default();
    for article in tokenized {
        for tokens in article {
            for span in names::find(tokens, &|_| false) {
                lexicon
                    .names
                    .extend(tokens[span.tokens].iter().map(|t| bare(t.text).to_owned()));
            }
            for t in tokens.iter().filter(|t| t.is_word() && !t.is_capitalised()) {
                if !lexicon.lower.contains(t.text) {
                    lexicon.lower.insert(t.text.to_owned());
                }
            }
        }
    }
    lexicon
}

fn published(article: &Article) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(article.meta.date.as_deref()?, "%Y-%m-%d").ok()
}

fn span_text<'a>(text: &'a str, tokens: &[Token], range: &Range<usize>) -> (Range<usize>, &'a str) {
    let bytes = tokens[range.start].range.start..tokens[range.end - 1].range.end;
    (bytes.clone(), &text[bytes])
}

fn name_of(tokens: &[Token], span: &NameSpan) -> String {
    tokens[span.tokens.clone()]
        .iter()
        .map(|t| bare(t.text))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The mentions of one article (`index` in the ledger).
pub fn article_mentions(
    article: &Article,
    index: usize,
    sentences: &[Vec<Token>],
    lexicon: &Lexicon,
) -> Vec<Found> {
    let published = published(article);
    let is_known = |w: &str| lexicon.names.contains(w);
    let mut found = Vec::new();
    let people = people(sentences, &is_known, &lexicon.lower);
    // The person named last, for "she says".
    let mut last_person: Option<String> = None;
    for (sentence, tokens) in sentences.iter().enumerate() {
        let text = article.sentence_text(sentence);
        let names = names::find(tokens, &is_known);
        let person_in = |span: &NameSpan| {
            tokens[span.tokens.clone()]
                .iter()
                .find_map(|t| people.get(bare(t.text)).cloned())
        };
        let mention = |kind, range: &Range<usize>, value: String| {
            let (span, written) = span_text(text, tokens, range);
            Found {
                kind,
                article: index,
                sentence,
                span,
                text: written.to_owned(),
                value,
                unit: None,
                subject: None,
                paraphrase: false,
            }
        };
        let mut taken = vec![false; tokens.len()];
        for date in dates::find(tokens, published) {
            taken[date.tokens.clone()]
                .iter_mut()
                .for_each(|t| *t = true);
            found.push(mention(FactKind::Date, &date.tokens, date.value));
        }
        for quantity in quantities::find(tokens, &names, &taken) {
            found.push(Found {
                unit: quantity.unit,
                subject: quantity.subject.map(|k| name_of(tokens, &names[k])),
                ..mention(quantity.kind, &quantity.tokens, quantity.value)
            });
        }
        for span in &names {
            for k in span.tokens.clone() {
                let word = bare(tokens[k].text);
                if word.chars().count() >= 3 {
                    let mut m = mention(FactKind::Name, &(k..k + 1), word.to_owned());
                    m.span.end = m.span.start + word.len();
                    m.text = word.to_owned();
                    found.push(m);
                }
            }
        }
        for quote in quotes::find(text, tokens, &names) {
            let speaker = match quote.speaker {
                Some(Speaker::Name(k)) => {
                    Some(person_in(&names[k]).unwrap_or_else(|| name_of(tokens, &names[k])))
                }
                Some(Speaker::Pronoun) => last_person.clone(),
                None => None,
            };
            let inner = &text[quote.inner.clone()];
            let trimmed = inner.trim_matches(|c: char| c.is_whitespace() || c == ',');
            let start = quote.inner.start + inner.find(trimmed).unwrap_or(0);
            found.push(Found {
                kind: FactKind::Quote,
                article: index,
                sentence,
                span: start..start + trimmed.len(),
                text: trimmed.to_owned(),
                value: quotes::wording(trimmed),
                unit: None,
                subject: speaker,
                paraphrase: false,
            });
        }
        // The first person named is most often the subject.
        if let Some(person) = names.iter().find_map(person_in) {
            last_person = Some(person);
        }
    }
    found
}

/// The people of an article: every word of a name of two or three words
/// that are never written in lower case (so not "Space Station"), mapped to
/// the fullest such name (`Peresild` → `Yulia Peresild`).
fn people(
    sentences: &[Vec<Token>],
    is_known: &dyn Fn(&str) -> bool,
    lower: &FxHashSet<String>,
) -> FxHashMap<String, String> {
    let mut people: FxHashMap<String, String> = FxHashMap::default();
    for tokens in sentences {
        let spans = names::find(tokens, is_known);
        let personal = |s: &&NameSpan| {
            (2..=3).contains(&s.tokens.len())
                && tokens[s.tokens.clone()]
                    .iter()
                    .all(|t| !lower.contains(&bare(t.text).to_lowercase()))
        };
        for span in spans.iter().filter(personal) {
            let full = name_of(tokens, span);
            for t in &tokens[span.tokens.clone()] {
                let entry = people.entry(bare(t.text).to_owned()).or_default();
                if full.len() > entry.len() {
                    *entry = full.clone();
                }
            }
        }
    }
    people
}
