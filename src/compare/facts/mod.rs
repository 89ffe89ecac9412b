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
mod substitute;
mod times;

use std::ops::Range;

use chrono::{Datelike, NaiveDate};
use rustc_hash::FxHashSet;
use serde::Serialize;

use super::{Budget, align, parallel};
use crate::corpus::Article;
use crate::lang::{self, DateOrder, Language};
use extract::Found;
use group::PairAlignment;

/// What the extractors need to know of the article a sentence is from: its
/// language (and English, which copies quote), its date, and which way it
/// writes numeric dates.
#[derive(Debug, Clone)]
pub struct Context<'a> {
    pub language: &'a Language,
    english: Option<&'a Language>,
    pub published: Option<NaiveDate>,
    month_first: Option<bool>,
}

/// An article's own date (`YYYY-MM-DD`), where it has one.
pub fn published(article: &Article) -> Option<NaiveDate> {
    let date = article.meta.date.as_deref()?;
    NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()
}

/// Month `month`, day `day` in the year, of those around `dates`, that puts
/// it nearest one of them; none without dates (or for a 29 February no
/// year near them has).
fn nearest_in_year(month: u32, day: u32, dates: &[NaiveDate]) -> Option<NaiveDate> {
    dates
        .iter()
        .flat_map(|d| (d.year() - 1..=d.year() + 1).map(move |y| (y, d)))
        .filter_map(|(year, d)| {
            let date = NaiveDate::from_ymd_opt(year, month, day)?;
            Some((date.signed_duration_since(*d).num_days().abs(), date))
        })
        .min()
        .map(|(_, date)| date)
}

/// Outlets and agencies of the United States, whose numeric dates are
/// month first (`10/06/2021` is October 6).
const US_SOURCES: &[&str] = &[
    "AP",
    "UPI",
    "CNN",
    "NPR",
    "Bloomberg",
    "The New York Times",
    "The Washington Post",
    "USA Today",
    "Los Angeles Times",
    "The Wall Street Journal",
    "NBC News",
    "CBS News",
    "Fox News",
    "ABC News",
];

impl<'a> Context<'a> {
    pub fn new(language: &'a Language, published: Option<NaiveDate>) -> Context<'a> {
        let english = lang::known("en").filter(|en| en.code != language.code);
        let month_first = match language.numeric_orders.as_slice() {
            [DateOrder::Mdy] => Some(true),
            [DateOrder::Dmy] | [DateOrder::Ymd] => Some(false),
            _ => None,
        };
        Context {
            language,
            english,
            published,
            month_first,
        }
    }

    /// The context of an article: its language, its date, and whether its
    /// numeric dates put the month first, from its source (a US agency or
    /// outlet) or its own dates (a `13/10/2021` says day first).
    /// `story_dates` are the other copies' dates: a dateline without a year
    /// (`Sept 16`) takes the year that puts it nearest one of them.
    pub fn of(article: &'a Article, story_dates: &[NaiveDate]) -> Context<'a> {
        let language = lang::language(article.meta.language.as_deref());
        let published = published(article).or_else(|| {
            let (month, day) = article.meta.dateline_day?;
            nearest_in_year(month, day, story_dates)
        });
        let mut cx = Context::new(language, published);
        if cx.month_first.is_none() {
            let us = [
                article.meta.agency.as_deref(),
                article.meta.outlet.as_deref(),
            ]
            .into_iter()
            .flatten()
            .any(|source| US_SOURCES.contains(&source));
            cx.month_first = slashed_date_order(article).or(us.then_some(true));
        }
        cx
    }

    /// The article's language, then English (copies quote English words).
    pub fn languages(&self) -> impl Iterator<Item = &'a Language> + '_ {
        std::iter::once(self.language).chain(self.english)
    }

    /// Whether `10/06/2021` means October 6 here; none when it cannot be
    /// told.
    pub fn month_first(&self) -> Option<bool> {
        self.month_first
    }

    pub fn set_month_first(&mut self, month_first: Option<bool>) {
        self.month_first = month_first;
    }
}

/// The order an article's own slashed dates show: a first field over 12 is
/// a day, a second field over 12 is a day.
fn slashed_date_order(article: &Article) -> Option<bool> {
    for paragraph in &article.paragraphs {
        for word in paragraph
            .text
            .split(|c: char| c.is_whitespace() || c == '(' || c == ')')
        {
            let parts: Vec<&str> = word.trim_end_matches(['.', ',']).split('/').collect();
            if let [a, b, y] = parts.as_slice()
                && y.len() == 4
                && let (Ok(a), Ok(b)) = (a.parse::<u32>(), b.parse::<u32>())
            {
                if a > 12 && b <= 12 {
                    return Some(false);
                }
                if b > 12 && a <= 12 {
                    return Some(true);
                }
            }
        }
    }
    None
}

/// What a fact is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FactKind {
    Age,
    Money,
    Date,
    /// A time of day.
    Time,
    Duration,
    Percent,
    /// A length, area or mass, in SI units.
    Measure,
    Count,
    Number,
    Name,
    Quote,
}

impl FactKind {
    pub const ALL: [FactKind; 11] = [
        FactKind::Age,
        FactKind::Money,
        FactKind::Date,
        FactKind::Time,
        FactKind::Duration,
        FactKind::Percent,
        FactKind::Measure,
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
            FactKind::Time => "time",
            FactKind::Duration => "duration",
            FactKind::Percent => "percent",
            FactKind::Measure => "measure",
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
    /// The article is cut off inside or right after the mention: it is
    /// never a conflict by itself.
    pub cut_off: bool,
    /// For quotes: a fragment of a longer quote another version gives.
    pub partial: bool,
}

/// One of a fact's distinct values, with the articles that state it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValueGroup {
    pub value: String,
    /// Indices of the articles, ascending.
    pub articles: Vec<usize>,
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

impl Fact {
    /// The distinct values of the mentions, each once, with the articles
    /// that state it, in the order they first appear. Cut-off mentions
    /// state nothing for certain and are left out.
    pub fn values(&self) -> Vec<ValueGroup> {
        let mut groups: Vec<ValueGroup> = Vec::new();
        for mention in self.mentions.iter().filter(|m| !m.cut_off) {
            let value = if self.kind == FactKind::Quote && mention.partial {
                format!("{} (partial)", mention.value)
            } else {
                mention.value.clone()
            };
            match groups.iter_mut().find(|g| g.value == value) {
                Some(group) => {
                    if !group.articles.contains(&mention.article) {
                        group.articles.push(mention.article);
                        group.articles.sort_unstable();
                    }
                }
                None => groups.push(ValueGroup {
                    value,
                    articles: vec![mention.article],
                }),
            }
        }
        groups
    }
}

/// Every fact of a set of articles, conflicts first.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Ledger {
    /// The ids of the articles, in the order mentions index them.
    pub articles: Vec<String>,
    /// Their labels, for people (see `corpus::label`).
    pub labels: Vec<String>,
    pub facts: Vec<Fact>,
    /// The budget ran out before every pair of versions was aligned.
    pub coarse: Option<super::Coarse>,
}

/// Builds the ledger of `articles`: every fact that at least two of them
/// state (or that one states in two spellings), conflicts first. The
/// alignments share `budget`; pairs left when it runs out are not aligned,
/// their facts are grouped by value and subject only, and the ledger says
/// so (`coarse`). Up to [`PAIRWISE_MAX_VERSIONS`] versions every pair is
/// aligned; above, every version is aligned to pivots (linear in the
/// versions).
pub fn ledger(articles: &[&Article], budget: &Budget) -> Ledger {
    // Articles are read, and pairs aligned, on every core.
    let tokenized: Vec<_> = parallel::map(articles, |a| extract::tokenize(a));
    let languages: Vec<&Language> = articles
        .iter()
        .map(|a| lang::language(a.meta.language.as_deref()))
        .collect();
    let mut lexicon = extract::lexicon(&tokenized, &languages);
    lexicon.story_dates = articles.iter().filter_map(|a| published(a)).collect();
    let indices: Vec<usize> = (0..articles.len()).collect();
    let mut found: Vec<Found> = parallel::map(&indices, |&i| {
        extract::article_mentions(articles[i], i, &tokenized[i], &lexicon)
    })
    .into_iter()
    .flatten()
    .collect();
    drop(tokenized);
    let sentence_texts: Vec<Vec<&str>> = articles.iter().map(|a| super::sentences(a)).collect();
    times::resolve_local(&mut found, &sentence_texts);
    let (pairs, skipped) = align_versions(articles, &sentence_texts, budget);
    let substitutions = substitute::find(&found, &pairs, &sentence_texts, &languages);
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
    let affinity = affinity(&pairs);
    let name_facts: Vec<Fact> = group::name_groups(&found, &people)
        .iter()
        .filter_map(|members| name_fact(&found, members, &people, &languages, &affinity))
        .collect();
    facts.extend(name_facts);
    facts.extend(substitutions);
    facts.sort_by_key(|f| {
        let first = f.mentions.first().map(|m| (m.article, m.sentence));
        (!f.conflict, f.kind, first)
    });
    Ledger {
        articles: articles.iter().map(|a| a.id.clone()).collect(),
        labels: articles.iter().map(|a| a.label.clone()).collect(),
        facts,
        coarse: (skipped > 0).then(|| super::Coarse {
            stage: "facts",
            reason: format!(
                "the budget ran out: {skipped} pair(s) of versions were not aligned, \
                 and their facts were grouped by value and subject only"
            ),
        }),
    }
}

/// Up to this many versions every pair is aligned (66 pairs); above, each
/// version is aligned to pivots ([`pivot_pairs`]), so that the cost grows
/// with the versions, not with their square.
pub const PAIRWISE_MAX_VERSIONS: usize = 12;

/// Most pivots a ledger over many versions uses.
const MAX_PIVOTS: usize = 4;

/// Fewest sentences no pivot has, in one version, for another pivot to be
/// taken.
const MIN_UNCOVERED_SENTENCES: usize = 2;

/// Aligns the versions a ledger compares: every pair up to
/// [`PAIRWISE_MAX_VERSIONS`], pivots above. Returns the alignments and how
/// many pairs the budget left unaligned.
fn align_versions(
    articles: &[&Article],
    sentence_texts: &[Vec<&str>],
    budget: &Budget,
) -> (Vec<PairAlignment>, usize) {
    let n = articles.len();
    if n <= PAIRWISE_MAX_VERSIONS {
        let pair_indices: Vec<(usize, usize)> = (0..n)
            .flat_map(|a| (a + 1..n).map(move |b| (a, b)))
            .collect();
        return align_pairs(articles, sentence_texts, &pair_indices, budget);
    }
    pivot_pairs(articles, sentence_texts, budget)
}

/// Aligns the given pairs (`a < b`) on every core; pairs met once the
/// budget has run out are counted, not aligned.
fn align_pairs(
    articles: &[&Article],
    sentence_texts: &[Vec<&str>],
    pair_indices: &[(usize, usize)],
    budget: &Budget,
) -> (Vec<PairAlignment>, usize) {
    let aligned: Vec<Option<PairAlignment>> = parallel::map(pair_indices, |&(a, b)| {
        (!budget.expired()).then(|| {
            // A translation is aligned across languages.
            let languages = super::cross_languages(articles[a], articles[b]);
            let links = match languages {
                Some((la, lb)) => {
                    super::xling::align(&sentence_texts[a], &sentence_texts[b], la, lb, budget)
                        .links
                }
                None => align(&sentence_texts[a], &sentence_texts[b], budget).links,
            };
            PairAlignment {
                a,
                b,
                links,
                cross_language: languages.is_some(),
            }
        })
    });
    let skipped = aligned.iter().filter(|p| p.is_none()).count();
    (aligned.into_iter().flatten().collect(), skipped)
}

/// The version most like the others: the highest sum of estimated Jaccard
/// of content words (MinHash signatures, [`super::stories`]) with every
/// other version. Quadratic in signature comparisons only (128 bytes each:
/// 1,000 versions take milliseconds).
fn most_central(articles: &[&Article]) -> usize {
    let fingerprints = super::stories::fingerprints(articles);
    let centrality = |i: usize| -> f32 {
        fingerprints
            .iter()
            .enumerate()
            .filter(|&(j, _)| j != i)
            .map(|(_, f)| fingerprints[i].estimate(f))
            .sum()
    };
    (0..articles.len())
        .map(|i| (i, centrality(i)))
        .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
        .map_or(0, |(i, _)| i)
}

/// Aligns every version to the story's most central version; then, while
/// some versions keep at least [`MIN_UNCOVERED_SENTENCES`] sentences no
/// pivot has, the version with most such sentences becomes the next pivot
/// (at most [`MAX_PIVOTS`]) and the versions that still have some are
/// aligned to it too. Mentions are then grouped through the pivots' links:
/// `n` to `MAX_PIVOTS × n` alignments instead of `n²/2`.
fn pivot_pairs(
    articles: &[&Article],
    sentence_texts: &[Vec<&str>],
    budget: &Budget,
) -> (Vec<PairAlignment>, usize) {
    let n = articles.len();
    // Per version, its sentences no pivot links yet.
    let mut uncovered: Vec<FxHashSet<usize>> = sentence_texts
        .iter()
        .map(|s| (0..s.len()).collect())
        .collect();
    let mut pivots: Vec<usize> = Vec::new();
    let mut pairs = Vec::new();
    let mut skipped = 0;
    let mut next = Some(most_central(articles));
    while let Some(pivot) = next.take() {
        pivots.push(pivot);
        uncovered[pivot].clear();
        let pair_indices: Vec<(usize, usize)> = (0..n)
            .filter(|x| !pivots.contains(x) && !uncovered[*x].is_empty())
            .map(|x| (pivot.min(x), pivot.max(x)))
            .collect();
        let (aligned, left) = align_pairs(articles, sentence_texts, &pair_indices, budget);
        skipped += left;
        for pair in &aligned {
            let (other, linked) = linked_to_pivot(pair, pivot);
            for sentence in linked {
                uncovered[other].remove(&sentence);
            }
        }
        pairs.extend(aligned);
        if pivots.len() < MAX_PIVOTS && !budget.expired() {
            next = (0..n)
                .filter(|x| !pivots.contains(x))
                .map(|x| (x, uncovered[x].len()))
                .filter(|&(_, k)| k >= MIN_UNCOVERED_SENTENCES)
                .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
                .map(|(x, _)| x);
        }
    }
    (pairs, skipped)
}

/// The other version of a pair aligned to `pivot`, and its sentences that
/// the pair's links join to some sentence of the pivot.
fn linked_to_pivot(
    pair: &PairAlignment,
    pivot: usize,
) -> (usize, impl Iterator<Item = usize> + '_) {
    let other_on_left = pair.a != pivot;
    let other = if other_on_left { pair.a } else { pair.b };
    let sentences = pair.links.iter().flat_map(move |link| {
        let (own, pivots) = if other_on_left {
            (&link.left, &link.right)
        } else {
            (&link.right, &link.left)
        };
        let linked = !pivots.is_empty();
        own.iter().copied().filter(move |_| linked)
    });
    (other, sentences)
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
        cut_off: found.cut_off,
        partial: found.partial,
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
    let mut mentions: Vec<Mention> = members.iter().map(|&i| mention_of(&found[i])).collect();
    if kind != FactKind::Quote {
        share_values(kind, &mut mentions);
    }
    let conflict = if kind == FactKind::Quote {
        !quote_changes.is_empty()
    } else {
        values_conflict(
            kind,
            mentions
                .iter()
                .filter(|m| !m.cut_off)
                .map(|m| (m.article, m.value.as_str())),
        )
    };
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

/// Values that can be true together share one: the most precise of them
/// (the full date for a day without its year, the figure for a bound it
/// allows), so that they are never shown as different.
fn share_values(kind: FactKind, mentions: &mut [Mention]) {
    let mut distinct: Vec<String> = Vec::new();
    for m in mentions.iter() {
        if !distinct.contains(&m.value) {
            distinct.push(m.value.clone());
        }
    }
    // The most precise first: each value joins the first that agrees.
    distinct.sort_by_key(|v| std::cmp::Reverse(group::precision(kind, v)));
    let mut shared: Vec<(String, String)> = Vec::new();
    let mut heads: Vec<String> = Vec::new();
    for value in distinct {
        match heads.iter().find(|head| group::agree(kind, head, &value)) {
            Some(head) => shared.push((value, head.clone())),
            None => heads.push(value),
        }
    }
    for m in mentions.iter_mut() {
        if let Some((_, head)) = shared.iter().find(|(v, _)| *v == m.value) {
            m.value = head.clone();
        }
    }
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
    // Two values conflict when they disagree and each is stated by an
    // article that does not state the other: an article giving two values
    // (`14 goals`, and later `19 goals` of another side) is no conflict of
    // versions by itself.
    values.iter().enumerate().any(|(k, (a, in_a))| {
        values[k + 1..].iter().any(|(b, in_b)| {
            let apart =
                in_a.difference(in_b).next().is_some() && in_b.difference(in_a).next().is_some();
            apart && !group::agree(kind, a, b)
        })
    })
}

/// How each later version departs from the first version's quotation.
fn quote_changes(found: &[Found], members: &[usize], articles: &[&Article]) -> Vec<QuoteChange> {
    let Some(&first) = members
        .iter()
        .find(|&&i| !found[i].paraphrase && !found[i].partial && !found[i].cut_off)
        .or_else(|| members.iter().find(|&&i| !found[i].paraphrase))
    else {
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
        // Reworded: close to a wording of the first version, yet not the
        // same. A fragment, a quote the end of a cut-off copy cuts, or
        // another part of one statement (a version may split or join its
        // sentences) is not.
        let reworded = members
            .iter()
            .filter(|&&j| found[j].article == m.article)
            .map(|&j| &found[j])
            .filter(|q| !q.partial && !q.cut_off && !q.paraphrase)
            .any(|q| {
                members
                    .iter()
                    .map(|&r| &found[r])
                    .filter(|r| r.article == reference.article && !r.paraphrase)
                    .all(|r| r.value != q.value)
                    && members
                        .iter()
                        .map(|&r| &found[r])
                        .filter(|r| r.article == reference.article && !r.partial && !r.paraphrase)
                        .any(|r| group::quotes_close(&r.value, &q.value))
            });
        if reworded {
            changes.push(QuoteChange::Reworded { article });
        }
    }
    changes
}

/// Whether a set of spellings of one name holds two that differ: by the
/// surname, or by the first name where both give one (`Movbelsi` alone
/// is `Margor Movbelsi`).
fn differ(spellings: &FxHashSet<String>) -> bool {
    let parts: Vec<(Option<&str>, &str)> = spellings
        .iter()
        .map(|s| match s.rsplit_once(' ') {
            Some((first, last)) => (Some(first), last),
            None => (None, s.as_str()),
        })
        .collect();
    parts.iter().enumerate().any(|(k, (first_a, last_a))| {
        parts[k + 1..].iter().any(|(first_b, last_b)| {
            last_a != last_b || matches!((first_a, first_b), (Some(a), Some(b)) if a != b)
        })
    })
}

/// Fewest letters of a name word whose variants the ledger compares.
const MIN_NAME_CHARS: usize = 5;

/// A name fact: the spellings of one person's or organisation's name. A
/// person's fact holds the full name as each article writes it. Kept when
/// two articles of one language spell it differently (a transliteration
/// that another language requires is not a difference), when the name is
/// someone whose age or words the ledger reports, or when articles in
/// several languages write it.
fn name_fact(
    found: &[Found],
    members: &[usize],
    people: &FxHashSet<String>,
    languages: &[&Language],
    affinity: &rustc_hash::FxHashMap<(usize, usize), f32>,
) -> Option<Fact> {
    let person_of = |f: &Found| {
        f.subject.clone().filter(|full| {
            full.split_whitespace()
                .any(|w| people.contains(&w.to_lowercase()))
        })
    };
    // The spelling each mention stands for: a person's first name and
    // surname (a title or a middle name aside), else the word; accents and
    // spelling norms (`Center`/`Centre`) aside.
    let written = |i: usize| {
        let f = &found[i];
        match person_of(f) {
            Some(full) => {
                let words: Vec<&str> = full.split_whitespace().collect();
                words[words.len().saturating_sub(2)..].join(" ")
            }
            None => f.value.clone(),
        }
    };
    let spelling = |i: usize| {
        let language = languages[found[i].article];
        written(i)
            .split_whitespace()
            .map(|w| {
                let folded = crate::compare::tokens::fold(w).into_owned();
                // A declined name is the same name in every case.
                let folded = language.name_stem(&folded).to_owned();
                let norm = language.spelling_norm(&folded).to_owned();
                lang::known("en").map_or(norm.clone(), |en| en.spelling_norm(&norm).to_owned())
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut by_language: rustc_hash::FxHashMap<&str, FxHashSet<String>> = Default::default();
    for &i in members {
        by_language
            .entry(languages[found[i].article].code.as_str())
            .or_default()
            .insert(spelling(i));
    }
    // A short word (`Bank`, `Banco`) is too likely another word.
    let long_enough = members.iter().all(|&i| {
        person_of(&found[i]).is_some() || found[i].value.chars().count() >= MIN_NAME_CHARS
    });
    let conflict = long_enough && by_language.values().any(differ);
    let about_someone = members
        .iter()
        .any(|&i| spelling(i).split_whitespace().any(|w| people.contains(w)));
    // A name rendered in several languages is shown too: how each
    // translation writes it is what a translator checks.
    let across_languages = by_language.len() >= 2;
    if !conflict && (distinct_articles(found, members) < 2 || !(about_someone || across_languages))
    {
        return None;
    }
    // One mention per article and spelling: the first.
    let mut seen = FxHashSet::default();
    let mut mentions: Vec<Mention> = Vec::new();
    let mut sorted = members.to_vec();
    sorted.sort_by_key(|&i| (found[i].article, found[i].sentence, found[i].span.start));
    // One value per spelling (accents and norms aside): as first written.
    let mut shown: rustc_hash::FxHashMap<String, String> = Default::default();
    for &i in &sorted {
        if seen.insert((found[i].article, spelling(i))) {
            let mut mention = mention_of(&found[i]);
            mention.value = shown
                .entry(spelling(i))
                .or_insert_with(|| written(i))
                .clone();
            if person_of(&found[i]).is_some() {
                // The name as this sentence writes it, whole.
                if let Some((span, written)) = &found[i].phrase {
                    mention.span = span.clone();
                    mention.text = written.clone();
                }
            }
            mentions.push(mention);
        }
    }
    translations_take_their_originals_spelling(&mut mentions, languages, affinity);
    let most_common = spellings_by_count(found, members);
    let person = members.iter().find_map(|&i| person_of(&found[i]));
    Some(Fact {
        kind: FactKind::Name,
        label: match person {
            Some(person) => format!("name of {person}"),
            None => format!("spelling of {most_common}"),
        },
        conflict,
        mentions,
        quote_changes: Vec::new(),
    })
}

/// How alike each pair of articles is: the similarity of their aligned
/// sentences, summed over the links, per sentence of the shorter.
fn affinity(pairs: &[PairAlignment]) -> rustc_hash::FxHashMap<(usize, usize), f32> {
    pairs
        .iter()
        .map(|pair| {
            let linked: f32 = pair.links.iter().map(|l| l.similarity).sum();
            let (a, b) = pair
                .links
                .iter()
                .fold((0, 0), |(a, b), l| (a + l.left.len(), b + l.right.len()));
            ((pair.a, pair.b), linked / a.min(b).max(1) as f32)
        })
        .collect()
}

/// A name in a translation is its language's rendering of the original's
/// spelling (`Rogozine`, `Путин`), not a spelling of its own: its value is
/// the spelling of the same name in the most alike article of the
/// fact's main language (the one most of its mentions are in).
fn translations_take_their_originals_spelling(
    mentions: &mut [Mention],
    languages: &[&Language],
    affinity: &rustc_hash::FxHashMap<(usize, usize), f32>,
) {
    let language_of = |m: &Mention| languages[m.article].code.as_str();
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for m in mentions.iter() {
        match counts.iter_mut().find(|(code, _)| *code == language_of(m)) {
            Some((_, n)) => *n += 1,
            None => counts.push((language_of(m), 1)),
        }
    }
    let Some(&(main, _)) = counts.iter().max_by_key(|(_, n)| *n) else {
        return;
    };
    if counts.len() < 2 {
        return;
    }
    let originals: Vec<(usize, String)> = mentions
        .iter()
        .filter(|m| language_of(m) == main)
        .map(|m| (m.article, m.value.clone()))
        .collect();
    let alike = |a: usize, b: usize| affinity.get(&(a.min(b), a.max(b))).copied().unwrap_or(0.0);
    for m in mentions
        .iter_mut()
        .filter(|m| languages[m.article].code != main)
    {
        let surname = |name: &str| {
            name.split_whitespace()
                .next_back()
                .unwrap_or(name)
                .to_owned()
        };
        let best = originals
            .iter()
            .filter(|(_, value)| names::same_name(&surname(value), &surname(&m.value)))
            .max_by(|x, y| alike(x.0, m.article).total_cmp(&alike(y.0, m.article)));
        if let Some((_, value)) = best {
            m.value = value.clone();
        }
    }
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
