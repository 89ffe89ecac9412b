//! Every mention of every article, before grouping: dates and times of day
//! first (so their numbers are not counted again), then quantities, names
//! and quotes. A mention that the end of a cut-off copy cuts is marked.

use std::ops::Range;

use rustc_hash::{FxHashMap, FxHashSet};

use super::names::{self, NameSpan, bare};
use super::quotes::{self, Speaker};
use super::scan::{Token, tokens};
use super::{Context, FactKind, dates, quantities, times};
use crate::compare::tokens::translit_key;
use crate::corpus::Article;
use crate::lang::Language;

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
    /// The end of a cut-off copy cuts the mention (or its quote).
    pub cut_off: bool,
    /// For quotes: a fragment of a longer quote of another version.
    pub partial: bool,
    /// The content words around the mention (stemmed, lower case): what
    /// two different values must share to be about one thing.
    pub context: Vec<String>,
    /// For a name word: the whole run of the name it is part of, by byte
    /// range, and as written (`Julia Peressild`).
    pub phrase: Option<(Range<usize>, String)>,
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
    /// The dates of the copies that have one.
    pub story_dates: Vec<chrono::NaiveDate>,
}

/// Every sentence of an article, cut into tokens once for all passes.
pub fn tokenize(article: &Article) -> Vec<Vec<Token<'_>>> {
    (0..article.sentences.len())
        .map(|s| tokens(article.sentence_text(s)))
        .collect()
}

pub fn lexicon(tokenized: &[Vec<Vec<Token>>], languages: &[&Language]) -> Lexicon {
    let mut lexicon = Lexicon::default();
    for (article, language) in tokenized.iter().zip(languages) {
        for tokens in article {
            for span in names::find(tokens, &|_| false, &|_| false, language) {
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

fn span_text<'a>(text: &'a str, tokens: &[Token], range: &Range<usize>) -> (Range<usize>, &'a str) {
    let bytes = tokens[range.start].range.start..tokens[range.end - 1].range.end;
    (bytes.clone(), &text[bytes])
}

/// The text of a name run, without a possessive ending (`Gagarin’s`).
fn names_text(text: &str, tokens: &[Token], span: &NameSpan) -> String {
    let (bytes, written) = span_text(text, tokens, &span.tokens);
    let last = &tokens[span.tokens.end - 1];
    let cut = last.text.len() - bare(last.text).len();
    let _ = bytes;
    written[..written.len() - cut].to_owned()
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
    let cx = Context::of(article, &lexicon.story_dates);
    let is_known = |w: &str| lexicon.names.contains(w);
    let is_common = |w: &str| lexicon.lower.contains(w);
    let mut found = Vec::new();
    let people = people(sentences, &is_known, &lexicon.lower, cx.language);
    // The person named last, for "she says".
    let mut last_person: Option<String> = None;
    let last_sentence = sentences.len().checked_sub(1);
    for (sentence, tokens) in sentences.iter().enumerate() {
        let text = article.sentence_text(sentence);
        let names = names::find(tokens, &is_known, &is_common, cx.language);
        let person_in = |span: &NameSpan| {
            tokens[span.tokens.clone()]
                .iter()
                .find_map(|t| people.get(bare(t.text)).cloned())
        };
        // In the last sentence of a cut-off copy, what reaches the end is
        // cut.
        let cut_at_end = article.meta.truncated && Some(sentence) == last_sentence;
        let mention = |kind, range: &Range<usize>, value: String| {
            let (span, written) = span_text(text, tokens, range);
            Found {
                kind,
                article: index,
                sentence,
                cut_off: cut_at_end && text[span.end..].trim().len() <= 1,
                span,
                text: written.to_owned(),
                value,
                unit: None,
                subject: None,
                paraphrase: false,
                partial: false,
                context: context(tokens, range, &cx),
                phrase: None,
            }
        };
        let mut taken = vec![false; tokens.len()];
        // Times first: `2124 GMT` is a time, not the year 2124.
        for time in times::find(text, tokens, &cx) {
            taken[time.tokens.clone()]
                .iter_mut()
                .for_each(|t| *t = true);
            found.push(mention(FactKind::Time, &time.tokens, time.value));
        }
        for date in dates::find(tokens, &cx) {
            if taken[date.tokens.clone()].iter().any(|&t| t) {
                continue;
            }
            taken[date.tokens.clone()]
                .iter_mut()
                .for_each(|t| *t = true);
            found.push(mention(FactKind::Date, &date.tokens, date.value));
        }
        for quantity in quantities::find(tokens, &names, &taken, &cx) {
            // `The 23-year-old replaces…`: an age with no name after a
            // definite article stands for the person named last; `a
            // 67-year-old man` is someone new.
            let refers_back = quantity.kind == FactKind::Age
                && quantity.subject.is_none()
                && quantity.tokens.start.checked_sub(1).is_some_and(|k| {
                    cx.languages()
                        .any(|l| l.definite_articles.contains(tokens[k].lower()))
                });
            let subject = match quantity.subject {
                Some(k) => Some(person_in(&names[k]).unwrap_or_else(|| name_of(tokens, &names[k]))),
                None if refers_back => last_person.clone(),
                None => None,
            };
            found.push(Found {
                unit: quantity.unit,
                subject,
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
                    // A name's subject: the person it is part of.
                    m.subject = person_in(span);
                    let (bytes, _) = span_text(text, tokens, &span.tokens);
                    let whole = names_text(text, tokens, span);
                    m.phrase = Some((bytes.start..bytes.start + whole.len(), whole));
                    found.push(m);
                }
            }
        }
        for quote in quotes::find(text, tokens, &names, cx.language) {
            let speaker = match quote.speaker {
                Some(Speaker::Name(k)) => {
                    Some(person_in(&names[k]).unwrap_or_else(|| name_of(tokens, &names[k])))
                }
                Some(Speaker::Pronoun) => last_person.clone(),
                None => None,
            };
            let inner = &text[quote.inner.clone()];
            let lead = inner.len()
                - inner
                    .trim_start_matches(|c: char| c.is_whitespace() || c == ',')
                    .len();
            let trimmed = inner.trim_matches(|c: char| c.is_whitespace() || c == ',');
            let start = quote.inner.start + lead;
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
                cut_off: cut_at_end && !quote.closed,
                partial: false,
                context: Vec::new(),
                phrase: None,
            });
        }
        // The first person named is most often the subject.
        if let Some(person) = names.iter().find_map(person_in) {
            last_person = Some(person);
        }
    }
    found
}

/// Words a mention's context takes on each side.
const CONTEXT_TOKENS: usize = 5;

/// The content words around tokens `range`: stemmed, lower case, neither
/// function words nor numbers.
fn context(tokens: &[Token], range: &Range<usize>, cx: &Context) -> Vec<String> {
    let from = range.start.saturating_sub(CONTEXT_TOKENS);
    let to = (range.end + CONTEXT_TOKENS).min(tokens.len());
    let mut words: Vec<String> = (from..to)
        .filter(|k| !range.contains(k))
        .map(|k| &tokens[k])
        .filter(|t| t.is_word() && !t.is_digits() && t.text.chars().count() >= 3)
        .map(|t| t.lower())
        .filter(|w| !cx.languages().any(|l| l.is_stopword(w)))
        .map(|w| cx.language.stem(w).to_owned())
        .collect();
    words.sort_unstable();
    words.dedup();
    words
}

/// The people of an article: every word of a name of two or three words
/// that are never written in lower case (so not "Space Station"), mapped to
/// the fullest such name (`Peresild` → `Yulia Peresild`).
fn people(
    sentences: &[Vec<Token>],
    is_known: &dyn Fn(&str) -> bool,
    lower: &FxHashSet<String>,
    language: &Language,
) -> FxHashMap<String, String> {
    let mut people: FxHashMap<String, String> = FxHashMap::default();
    for tokens in sentences {
        let spans = names::find(tokens, is_known, &|w| lower.contains(w), language);
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
