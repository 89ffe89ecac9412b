//! The discrepancy ledger: what the versions of a story say about ages,
//! dates, sums, counts, names and quotes, grouped into facts across
//! articles, with a conflict flag where the values differ.
//!
//! Mentions are extracted per sentence (`extract`), then grouped (`group`):
//! by the sentence alignment between articles and by the subject a mention
//! speaks of (the name next to an age, the noun next to a sum).

mod dates;
mod extract;
mod group;
mod label;
mod names;
mod numbers;
mod quantities;
mod quotes;
mod scan;

use std::ops::Range;

use rustc_hash::FxHashSet;
use serde::Serialize;

use super::{Budget, align};
use crate::corpus::Article;
use extract::Found;
use group::PairAlignment;

/// What a fact is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FactKind {
    Age,
    Money,
    Date,
    Duration,
    Count,
    Number,
    Name,
    Quote,
}

impl FactKind {
    pub const ALL: [FactKind; 8] = [
        FactKind::Age,
        FactKind::Money,
        FactKind::Date,
        FactKind::Duration,
        FactKind::Count,
        FactKind::Number,
        FactKind::Name,
        FactKind::Quote,
    ];

    pub fn name(self) -> &'static str {
        match self {
            FactKind::Age => "age",
            FactKind::Money => "money",
            FactKind::Date => "date",
            FactKind::Duration => "duration",
            FactKind::Count => "count",
            FactKind::Number => "number",
            FactKind::Name => "name",
            FactKind::Quote => "quote",
        }
    }
}

/// One place where an article states a fact.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// Index of the article in the slice the ledger was built from.
    pub article: usize,
    /// Index of the sentence in that article.
    pub sentence: usize,
    /// Byte range of the mention in the sentence's text.
    pub span: Range<usize>,
    /// The mention as the article writes it.
    pub text: String,
    /// The normalised value: equal values mean the same thing.
    pub value: String,
    /// Who is said to speak, for quotes.
    pub speaker: Option<String>,
}

/// A flag on a quote fact, per article that departs from the first version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum QuoteChange {
    /// The words are no longer in quotation marks.
    Paraphrased { article: String },
    /// The quotation is attributed to someone else.
    SpeakerChanged {
        article: String,
        from: String,
        to: String,
    },
    /// Still a quotation, but worded differently.
    Reworded { article: String },
}

/// Mentions across articles that speak of the same thing.
#[derive(Debug, Clone, PartialEq)]
pub struct Fact {
    pub kind: FactKind,
    /// A short label saying what the fact is about ("age of Yulia Peresild").
    pub label: String,
    /// The mentions' values differ.
    pub conflict: bool,
    /// In article order, then sentence order.
    pub mentions: Vec<Mention>,
    /// For quotes: how later versions depart from the first.
    pub quote_changes: Vec<QuoteChange>,
}

/// Every fact of a set of articles, conflicts first.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Ledger {
    /// The ids of the articles, in the order mentions index them.
    pub articles: Vec<String>,
    /// Their labels, for people (see `corpus::label`).
    pub labels: Vec<String>,
    pub facts: Vec<Fact>,
}

/// Builds the ledger of `articles`: every fact that at least two of them
/// state (or that one states in two spellings), conflicts first. The
/// pairwise alignments share `budget`; pairs left when it runs out are not
/// aligned, and their facts are grouped by value and subject only.
pub fn ledger(articles: &[&Article], budget: &Budget) -> Ledger {
    let tokenized: Vec<_> = articles.iter().map(|a| extract::tokenize(a)).collect();
    let lexicon = extract::lexicon(&tokenized);
    let mut found: Vec<Found> = articles
        .iter()
        .enumerate()
        .flat_map(|(i, article)| extract::article_mentions(article, i, &tokenized[i], &lexicon))
        .collect();
    drop(tokenized);
    let sentence_texts: Vec<Vec<&str>> = articles.iter().map(|a| super::sentences(a)).collect();
    let mut pairs = Vec::new();
    'pairs: for a in 0..articles.len() {
        for b in a + 1..articles.len() {
            if budget.expired() {
                break 'pairs;
            }
            let alignment = align(&sentence_texts[a], &sentence_texts[b], budget);
            pairs.push(PairAlignment {
                a,
                b,
                links: alignment.links,
            });
        }
    }
    let groups = group::group(&mut found, &pairs, &sentence_texts);
    let labeller = label::Labeller::new(&sentence_texts);
    let mut facts: Vec<Fact> = groups
        .iter()
        .filter_map(|members| fact_of(&found, members, articles, &labeller))
        .collect();
    // The people whose age or words the ledger reports, by name word.
    let people: FxHashSet<String> = found
        .iter()
        .filter(|f| matches!(f.kind, FactKind::Age | FactKind::Quote))
        .filter_map(|f| f.subject.as_deref())
        .flat_map(|s| s.split_whitespace().map(|w| w.to_lowercase()))
        .collect();
    let name_facts: Vec<Fact> = group::name_groups(&found)
        .iter()
        .filter_map(|members| name_fact(&found, members, &people))
        .collect();
    facts.extend(name_facts);
    facts.sort_by_key(|f| {
        let first = f.mentions.first().map(|m| (m.article, m.sentence));
        (!f.conflict, f.kind, first)
    });
    Ledger {
        articles: articles.iter().map(|a| a.id.clone()).collect(),
        labels: articles.iter().map(|a| a.label.clone()).collect(),
        facts,
    }
}

fn mention_of(found: &Found) -> Mention {
    Mention {
        article: found.article,
        sentence: found.sentence,
        span: found.span.clone(),
        text: found.text.clone(),
        value: found.value.clone(),
        speaker: found
            .subject
            .clone()
            .filter(|_| found.kind == FactKind::Quote),
    }
}

fn distinct_articles(found: &[Found], members: &[usize]) -> usize {
    members
        .iter()
        .map(|&i| found[i].article)
        .collect::<FxHashSet<_>>()
        .len()
}

/// A fact from a group of mentions that at least two articles make.
fn fact_of(
    found: &[Found],
    members: &[usize],
    articles: &[&Article],
    labeller: &label::Labeller,
) -> Option<Fact> {
    if distinct_articles(found, members) < 2 {
        return None;
    }
    let mut members = members.to_vec();
    members.sort_by_key(|&i| (found[i].article, found[i].sentence, found[i].span.start));
    let kind = found[members[0]].kind;
    let quote_changes = if kind == FactKind::Quote {
        quote_changes(found, &members, articles)
    } else {
        Vec::new()
    };
    let conflict = if kind == FactKind::Quote {
        !quote_changes.is_empty()
    } else {
        values_conflict(
            kind,
            members
                .iter()
                .map(|&i| (found[i].article, found[i].value.as_str())),
        )
    };
    let mentions: Vec<Mention> = members.iter().map(|&i| mention_of(&found[i])).collect();
    Some(Fact {
        kind,
        label: labeller.label(
            kind,
            &members.iter().map(|&i| &found[i]).collect::<Vec<_>>(),
        ),
        conflict,
        mentions,
        quote_changes,
    })
}

/// Whether two articles give values that disagree. Compared once per
/// distinct value: a fact may have many mentions of few values.
fn values_conflict<'a>(kind: FactKind, mentions: impl Iterator<Item = (usize, &'a str)>) -> bool {
    let mut values: Vec<(&str, FxHashSet<usize>)> = Vec::new();
    for (article, value) in mentions {
        match values.iter_mut().find(|(v, _)| *v == value) {
            Some((_, articles)) => {
                articles.insert(article);
            }
            None => values.push((value, FxHashSet::from_iter([article]))),
        }
    }
    values.iter().enumerate().any(|(k, (a, in_a))| {
        values[k + 1..].iter().any(|(b, in_b)| {
            let one_article_only = in_a.len() == 1 && in_a == in_b;
            !one_article_only && !group::agree(kind, a, b)
        })
    })
}

/// How each later version departs from the first version's quotation.
fn quote_changes(found: &[Found], members: &[usize], articles: &[&Article]) -> Vec<QuoteChange> {
    let Some(&first) = members.iter().find(|&&i| !found[i].paraphrase) else {
        return Vec::new();
    };
    let reference = &found[first];
    let mut changes = Vec::new();
    let mut seen = FxHashSet::default();
    for &i in members {
        let m = &found[i];
        if m.article == reference.article || !seen.insert(m.article) {
            continue;
        }
        let article = articles[m.article].id.clone();
        if m.paraphrase {
            changes.push(QuoteChange::Paraphrased { article });
            continue;
        }
        if let (Some(from), Some(to)) = (&reference.subject, &m.subject)
            && !names::same_name(
                from.split_whitespace().next_back().unwrap_or(from),
                to.split_whitespace().next_back().unwrap_or(to),
            )
        {
            changes.push(QuoteChange::SpeakerChanged {
                article: article.clone(),
                from: from.clone(),
                to: to.clone(),
            });
        }
        if m.value != reference.value {
            changes.push(QuoteChange::Reworded { article });
        }
    }
    changes
}

/// A name fact: spellings of one name. Kept when the spellings differ, or
/// when the name is someone whose age or words the ledger reports.
fn name_fact(found: &[Found], members: &[usize], people: &FxHashSet<String>) -> Option<Fact> {
    let spellings: FxHashSet<String> = members
        .iter()
        .map(|&i| found[i].value.to_lowercase())
        .collect();
    let conflict = spellings.len() > 1;
    let about_someone = spellings.iter().any(|s| people.contains(s));
    if !conflict && (distinct_articles(found, members) < 2 || !about_someone) {
        return None;
    }
    // One mention per article and spelling: the first.
    let mut seen = FxHashSet::default();
    let mut mentions: Vec<Mention> = Vec::new();
    let mut sorted = members.to_vec();
    sorted.sort_by_key(|&i| (found[i].article, found[i].sentence));
    for &i in &sorted {
        if seen.insert((found[i].article, found[i].value.to_lowercase())) {
            mentions.push(mention_of(&found[i]));
        }
    }
    let most_common = spellings_by_count(found, members);
    Some(Fact {
        kind: FactKind::Name,
        label: format!("spelling of {most_common}"),
        conflict,
        mentions,
        quote_changes: Vec::new(),
    })
}

fn spellings_by_count(found: &[Found], members: &[usize]) -> String {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for &i in members {
        match counts.iter_mut().find(|(s, _)| *s == found[i].value) {
            Some((_, n)) => *n += 1,
            None => counts.push((found[i].value.clone(), 1)),
        }
    }
    counts
        .into_iter()
        .max_by_key(|(_, n)| *n)
        .map(|(s, _)| s)
        .unwrap_or_default()
}
