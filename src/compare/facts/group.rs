//! Mentions into facts. Two mentions speak of the same thing when
//! - they stand in aligned sentences of two versions, are of one kind and
//!   measure the same unit (pairs of equal values first, then in order);
//! - they are ages of one person, or quotes of nearly the same words;
//! - they are the same day, month, sum, duration or count of the same noun;
//! - they count the same noun, and each article says it once.
//!
//! A quote whose aligned sentence in another version has no quotation is
//! flagged as paraphrased there, with that sentence as its mention.

use rustc_hash::{FxHashMap, FxHashSet};

use super::extract::Found;
use super::names::same_name;
use super::{FactKind, dates};
use crate::compare::align::Link;
use crate::compare::tokens::{fold, is_stopword, translit_key};
use crate::compare::union_find::UnionFind;

/// The aligned links between articles `a` and `b` (`a < b`).
pub struct PairAlignment {
    pub a: usize,
    pub b: usize,
    pub links: Vec<Link>,
    /// The two articles are in different languages: their words around a
    /// value never match, and the link alone says it is the same thing.
    pub cross_language: bool,
}

/// Whether two values of a kind can be true together, so that they are
/// shown as one value and never as a conflict: equal values; a bound
/// (`>3000`, `more than 3,000`) and a number it allows; an approximate
/// value (`~30`) and one within a tenth of it; a vague range (`1e7..1e8`)
/// and a number in it; a measure and its conversion within rounding; a
/// day and the same day with its year; a local time and a time in UTC.
pub fn agree(kind: FactKind, a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    match kind {
        FactKind::Date => dates::compatible(a, b),
        FactKind::Name | FactKind::Quote => false,
        // A local time may be in any zone.
        FactKind::Time => a.ends_with('Z') != b.ends_with('Z'),
        _ => match (Amount::parse(a), Amount::parse(b)) {
            (Some(x), Some(y)) => x.agrees(&y, kind == FactKind::Measure),
            _ => false,
        },
    }
}

/// A value of a quantity: `>3000 USD`, `~2.5 hours`, `1e7..1e8 USD`,
/// `64.5%`, `354.1 km`.
#[derive(Debug, Clone, PartialEq)]
struct Amount<'a> {
    qualifier: Option<char>,
    low: f64,
    high: f64,
    unit: &'a str,
}

/// How far apart two converted measures may be and still be one value:
/// `220 miles` is 354.06 km, written `354 km` (Bureau International des
/// Poids et Mesures rounding; a percent and a half covers one figure).
const MEASURE_TOLERANCE: f64 = 0.015;

/// How far `about 30` reaches.
const APPROXIMATE_TOLERANCE: f64 = 0.1;

impl<'a> Amount<'a> {
    fn parse(value: &'a str) -> Option<Amount<'a>> {
        let qualifier = value
            .chars()
            .next()
            .filter(|c| matches!(c, '>' | '<' | '~'));
        let rest = &value[qualifier.map_or(0, char::len_utf8)..];
        let number_end = rest
            .find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | 'e' | '-')))
            .unwrap_or(rest.len());
        let (number, unit) = rest.split_at(number_end);
        let (low, high) = match number.split_once("..") {
            Some((low, high)) => (low.parse().ok()?, high.parse().ok()?),
            None => {
                let v: f64 = number.parse().ok()?;
                (v, v)
            }
        };
        Some(Amount {
            qualifier,
            low,
            high,
            unit: unit.trim(),
        })
    }

    /// The values this amount allows.
    fn bounds(&self, measure: bool) -> (f64, f64) {
        let widen = |v: f64, by: f64| (v * (1.0 - by), v * (1.0 + by));
        match self.qualifier {
            Some('>') => (self.low, f64::INFINITY),
            Some('<') => (0.0, self.high),
            Some('~') => (
                widen(self.low, APPROXIMATE_TOLERANCE).0,
                widen(self.high, APPROXIMATE_TOLERANCE).1,
            ),
            _ if measure => (
                widen(self.low, MEASURE_TOLERANCE).0,
                widen(self.high, MEASURE_TOLERANCE).1,
            ),
            _ => (self.low, self.high),
        }
    }

    /// Whether two amounts can be true together. Two figures the texts
    /// give differently (`at least 28` and `at least 38`, `about 5,600` and
    /// `about 6,500`) are different, even where both hedge; a hedged figure
    /// and an exact one agree where the hedge allows it (`over 3,000` and
    /// `3,500`).
    fn agrees(&self, other: &Amount, measure: bool) -> bool {
        if self.unit != other.unit {
            return false;
        }
        let figure = |x: &Amount| x.low == x.high;
        let plain = |x: &Amount| x.qualifier.is_none() && figure(x);
        if figure(self) && figure(other) && (plain(self) == plain(other)) {
            // Both exact, or both hedged: the same figure (a measure within
            // rounding).
            return if measure {
                let (low, high) = self.bounds(true);
                (low..=high).contains(&other.low)
            } else {
                self.low == other.low
            };
        }
        let (a_low, a_high) = self.bounds(measure);
        let (b_low, b_high) = other.bounds(measure);
        a_low <= b_high && b_low <= a_high
    }

    /// How precisely the amount is known: an exact figure more than a
    /// bound, a bound more than a range.
    fn precision(&self) -> u8 {
        match (self.qualifier, self.low == self.high) {
            (None, true) => 3,
            (Some('~'), true) => 2,
            (_, true) => 1,
            _ => 0,
        }
    }
}

/// How precisely a value is known, to choose the one compatible values
/// share: a full date over a day without its year, an exact figure over a
/// bound.
pub fn precision(kind: FactKind, value: &str) -> u8 {
    match kind {
        FactKind::Date if value.contains('|') => 0,
        FactKind::Date if value.starts_with('?') => 0,
        FactKind::Date => dates::precision(value) as u8 + u8::from(!value.starts_with("--")),
        FactKind::Time => u8::from(value.ends_with('Z')),
        _ => Amount::parse(value).map_or(0, |a| a.precision()),
    }
}

/// Groups the mentions (names apart) into sets of indices.
pub fn group(
    found: &mut Vec<Found>,
    pairs: &[PairAlignment],
    sentence_texts: &[Vec<&str>],
) -> Vec<Vec<usize>> {
    add_paraphrases(found, pairs, sentence_texts);
    let mut sets = UnionFind::new(found.len());
    by_alignment(found, pairs, &mut sets);
    let fragments = by_subject(found, &mut sets);
    for f in found.iter_mut() {
        if f.kind == FactKind::Quote && fragments.contains(&f.value) {
            f.partial = true;
        }
    }
    by_value(found, &mut sets);
    by_unit(found, &mut sets);
    by_context(found, &mut sets);
    by_anchored_sentences(found, &mut sets);
    let mut groups: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    for (i, f) in found.iter().enumerate() {
        if f.kind != FactKind::Name {
            groups.entry(sets.find(i)).or_default().push(i);
        }
    }
    let mut groups: Vec<Vec<usize>> = groups
        .into_values()
        .flat_map(|group| split_mixed_ages(found, group))
        .collect();
    groups.sort_unstable();
    groups
}

/// An age fact in which one article gives two ages holds two people: the
/// ages with no name (`a 27-year-old man`) leave it, each on its own.
fn split_mixed_ages(found: &[Found], group: Vec<usize>) -> Vec<Vec<usize>> {
    if found[group[0]].kind != FactKind::Age {
        return vec![group];
    }
    let mut values: FxHashMap<usize, FxHashSet<&str>> = FxHashMap::default();
    for &i in &group {
        values
            .entry(found[i].article)
            .or_default()
            .insert(found[i].value.as_str());
    }
    if values.values().all(|v| v.len() == 1) {
        return vec![group];
    }
    let (named, unnamed): (Vec<usize>, Vec<usize>) =
        group.into_iter().partition(|&i| found[i].subject.is_some());
    let mut out: Vec<Vec<usize>> = unnamed.into_iter().map(|i| vec![i]).collect();
    if !named.is_empty() {
        out.push(named);
    }
    out
}

/// Mentions in one article's sentences, by (article, sentence).
fn index(found: &[Found]) -> FxHashMap<(usize, usize), Vec<usize>> {
    let mut at: FxHashMap<(usize, usize), Vec<usize>> = FxHashMap::default();
    for (i, f) in found.iter().enumerate() {
        at.entry((f.article, f.sentence)).or_default().push(i);
    }
    at
}

fn in_link(
    at: &FxHashMap<(usize, usize), Vec<usize>>,
    article: usize,
    sentences: &[usize],
) -> Vec<usize> {
    sentences
        .iter()
        .filter_map(|&s| at.get(&(article, s)))
        .flatten()
        .copied()
        .collect()
}

fn by_alignment(found: &[Found], pairs: &[PairAlignment], sets: &mut UnionFind) {
    let at = index(found);
    for pair in pairs {
        for link in pair
            .links
            .iter()
            .filter(|l| !l.left.is_empty() && !l.right.is_empty())
        {
            let left = in_link(&at, pair.a, &link.left);
            let right = in_link(&at, pair.b, &link.right);
            for kind in FactKind::ALL {
                if kind == FactKind::Name {
                    continue;
                }
                let of_kind = |list: &[usize]| -> Vec<usize> {
                    list.iter()
                        .copied()
                        .filter(|&i| found[i].kind == kind)
                        .collect()
                };
                pair_up(
                    found,
                    &of_kind(&left),
                    &of_kind(&right),
                    pair.cross_language,
                    sets,
                );
            }
        }
    }
}

/// Pairs the mentions of one kind in two aligned sentences: equal values
/// first, then what is left, in order, where the units match.
fn pair_up(
    found: &[Found],
    left: &[usize],
    right: &[usize],
    cross_language: bool,
    sets: &mut UnionFind,
) {
    let mut right_left: Vec<usize> = right.to_vec();
    let mut unpaired = Vec::new();
    for &l in left {
        let same = right_left.iter().position(|&r| {
            agree(found[l].kind, &found[l].value, &found[r].value) && found[l].unit == found[r].unit
        });
        match same {
            Some(k) => sets.union(l, right_left.remove(k)),
            None => unpaired.push(l),
        }
    }
    // The one date or time left on each side of two linked sentences is
    // one, however differently the sentences word it around it: the
    // alignment is the evidence. Not so for counts and sums, which a
    // linked sentence may swap for another of the same unit (`18 points
    // from 20 games` against `14 games remaining`).
    if let ([l], [r]) = (unpaired.as_slice(), right_left.as_slice()) {
        let (a, b) = (&found[*l], &found[*r]);
        if matches!(a.kind, FactKind::Date | FactKind::Time)
            && a.unit == b.unit
            && !a.cut_off
            && !b.cut_off
        {
            sets.union(*l, *r);
            return;
        }
    }
    for l in unpaired {
        let fits = right_left
            .iter()
            .position(|&r| comparable(&found[l], &found[r], cross_language));
        if let Some(k) = fits {
            sets.union(l, right_left.remove(k));
        }
    }
}

/// Whether two mentions with different values may still be about the same
/// thing (and so conflict): ages of one person; quotes of much the same
/// words; other values of one unit said in much the same words (`two
/// people were killed` is not `carrying 150 people`).
/// Across languages (`cross_language`) the words around never match, and
/// the sentence link stands for them.
fn comparable(a: &Found, b: &Found, cross_language: bool) -> bool {
    let shared_context = || cross_language || a.context.iter().any(|w| b.context.contains(w));
    match a.kind {
        FactKind::Age => match (a.subject_key(), b.subject_key()) {
            (Some(x), Some(y)) => x == y,
            // Unnamed people, told apart by the noun where both give one.
            (None, None) => {
                (a.unit.is_none() || b.unit.is_none() || a.unit == b.unit) && shared_context()
            }
            _ => false,
        },
        FactKind::Date => {
            (dates::precision(&a.value).min(dates::precision(&b.value)) >= 2
                || a.value.len() == b.value.len())
                && shared_context()
        }
        FactKind::Quote => {
            fragment(&a.value, &b.value).is_some()
                || jaccard(&content_words(&a.value), &content_words(&b.value)) >= QUOTE_LIKENESS
        }
        FactKind::Time => shared_context(),
        FactKind::Number => a.unit == b.unit && shared_context(),
        _ => a.unit.is_some() && a.unit == b.unit && shared_context(),
    }
}

/// How much of their content words two wordings of one quote share, at
/// least, to be paired across aligned sentences.
const QUOTE_LIKENESS: f32 = 0.3;

/// Ages of one person; quotes of nearly the same words, or one a fragment
/// of the other. Returns the wordings that are fragments.
fn by_subject(found: &[Found], sets: &mut UnionFind) -> Vec<String> {
    let mut ages: Vec<(usize, String)> = Vec::new();
    for (i, f) in found.iter().enumerate() {
        if f.kind != FactKind::Age {
            continue;
        }
        let Some(subject) = f.subject.as_deref() else {
            continue;
        };
        let surname = subject
            .split_whitespace()
            .next_back()
            .unwrap_or(subject)
            .to_owned();
        if let Some((j, _)) = ages.iter().find(|(_, s)| same_name(s, &surname)) {
            sets.union(*j, i);
        } else {
            ages.push((i, surname));
        }
    }
    // `The 23-year-old replaces…`: an age with no name belongs to the one
    // person other versions give that age, if there is exactly one.
    for (i, f) in found.iter().enumerate() {
        if f.kind != FactKind::Age || f.subject.is_some() {
            continue;
        }
        let people: Vec<usize> = ages
            .iter()
            .filter(|(j, _)| {
                found.iter().enumerate().any(|(k, g)| {
                    g.kind == FactKind::Age
                        && g.article != f.article
                        && g.value == f.value
                        && sets.find(k) == sets.find(*j)
                })
            })
            .map(|(j, _)| *j)
            .collect();
        if let [one] = people.as_slice() {
            sets.union(*one, i);
        }
    }
    // The same words are one quote; then nearly the same words, compared
    // once per distinct wording.
    let mut wordings: FxHashMap<&str, usize> = FxHashMap::default();
    for (i, f) in found.iter().enumerate() {
        if f.kind == FactKind::Quote && !f.paraphrase {
            match wordings.get(f.value.as_str()) {
                Some(&first) => sets.union(first, i),
                None => {
                    wordings.insert(&f.value, i);
                }
            }
        }
    }
    let mut distinct: Vec<(usize, &str, FxHashSet<&str>)> = wordings
        .into_iter()
        .map(|(wording, i)| (i, wording, content_words(wording)))
        .collect();
    distinct.sort_unstable_by_key(|(i, _, _)| *i);
    let mut partial = Vec::new();
    for (k, (i, wa, a)) in distinct.iter().enumerate() {
        for (j, wb, b) in &distinct[k + 1..] {
            // A fragment of a longer quote (`"long and hard"` of `"It was
            // long and hard"`) is the same quote, in part.
            if let Some(shorter) = fragment(wa, wb) {
                sets.union(*i, *j);
                partial.push(if shorter == 0 { *wa } else { *wb });
            } else if jaccard(a, b) >= 0.5 {
                sets.union(*i, *j);
            }
        }
    }
    partial.into_iter().map(str::to_owned).collect()
}

/// Fewest words a fragment of a quote has.
const MIN_FRAGMENT_WORDS: usize = 2;

/// Which of two wordings (0 or 1) is a run of the other's words, if one
/// is.
fn fragment(a: &str, b: &str) -> Option<usize> {
    let (wa, wb): (Vec<&str>, Vec<&str>) = (a.split(' ').collect(), b.split(' ').collect());
    let inside = |short: &[&str], long: &[&str]| {
        short.len() >= MIN_FRAGMENT_WORDS
            && short.len() < long.len()
            && long.windows(short.len()).any(|w| w == short)
    };
    if inside(&wa, &wb) {
        Some(0)
    } else if inside(&wb, &wa) {
        Some(1)
    } else {
        None
    }
}

/// The same day (with or without the year), month, sum, duration or count
/// of the same noun, anywhere.
fn by_value(found: &[Found], sets: &mut UnionFind) {
    let mut first: FxHashMap<(FactKind, String, Option<&str>), usize> = FxHashMap::default();
    for (i, f) in found.iter().enumerate() {
        let key = match f.kind {
            FactKind::Date if dates::has_day(&f.value) => {
                // Month and day: `--10-05` meets `2021-10-05`.
                let tail = f.value.rsplitn(3, '-').collect::<Vec<_>>();
                format!("--{}-{}", tail[1], tail[0])
            }
            FactKind::Date if dates::precision(&f.value) == 2 && !f.value.starts_with("--") => {
                f.value.clone()
            }
            FactKind::Money
            | FactKind::Duration
            | FactKind::Count
            | FactKind::Percent
            | FactKind::Measure => f.value.clone(),
            FactKind::Number if f.unit.is_some() => f.value.clone(),
            // One moment in UTC (`9:30 am (1430 GMT)` and `1430 GMT`).
            FactKind::Time if f.value.ends_with('Z') => f.value.clone(),
            _ => continue,
        };
        match first.entry((f.kind, key, f.unit.as_deref())) {
            std::collections::hash_map::Entry::Occupied(e) => sets.union(*e.get(), i),
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(i);
            }
        }
    }
}

/// Fewest content words two mentions' contexts share to be one fact where
/// the alignment did not pair their sentences.
const MIN_SHARED_CONTEXT: usize = 3;

/// Values of one kind and unit said in much the same words in different
/// articles, where the alignment did not pair their sentences (a
/// paraphrase, a sentence moved or merged): `about 6,500 people were
/// evacuated` and `5,600 residents had to evacuate`. Each article's mention
/// pairs with at most one of another article's, the closest.
fn by_context(found: &[Found], sets: &mut UnionFind) {
    // Candidates of one kind and unit, and for each of their context words
    // the candidates it stands beside.
    let mut buckets: FxHashMap<(FactKind, Option<&str>), Vec<usize>> = FxHashMap::default();
    for (i, f) in found.iter().enumerate() {
        if matches!(
            f.kind,
            FactKind::Money
                | FactKind::Percent
                | FactKind::Count
                | FactKind::Measure
                | FactKind::Duration
                | FactKind::Date
        ) && f.context.len() >= MIN_SHARED_CONTEXT
        {
            buckets
                .entry((f.kind, f.unit.as_deref()))
                .or_default()
                .push(i);
        }
    }
    let mut buckets: Vec<Vec<usize>> = buckets.into_values().collect();
    buckets.sort_unstable();
    for bucket in &buckets {
        let mut postings: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
        for &i in bucket {
            for word in &found[i].context {
                let list = postings.entry(word.as_str()).or_default();
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
        }
        for &i in bucket {
            let a = &found[i];
            // Words shared with each later candidate of another article.
            let mut shared: FxHashMap<usize, usize> = FxHashMap::default();
            for word in &a.context {
                let list = &postings[word.as_str()];
                // A word beside hundreds of values tells none apart.
                if list.len() > MAX_POSTINGS {
                    continue;
                }
                for &j in list {
                    if j > i && found[j].article != a.article {
                        *shared.entry(j).or_default() += 1;
                    }
                }
            }
            let mut shared: Vec<(usize, usize)> = shared.into_iter().collect();
            shared.sort_unstable();
            // The best match in each other article.
            let mut best: FxHashMap<usize, (usize, f32)> = FxHashMap::default();
            for (j, count) in shared {
                let b = &found[j];
                let all = a.context.len() + b.context.len() - count.min(a.context.len());
                let likeness = count as f32 / all.max(1) as f32;
                if count >= MIN_SHARED_CONTEXT && likeness >= 0.4 {
                    let entry = best.entry(b.article).or_insert((j, 0.0));
                    if likeness > entry.1 {
                        *entry = (j, likeness);
                    }
                }
            }
            for (j, _) in best.into_values() {
                sets.union(i, j);
            }
        }
    }
}

/// Most values a context word may stand beside and still count towards
/// [`by_context`]: a word around that many values is in a template or a
/// boilerplate line, not what makes two mentions one fact.
const MAX_POSTINGS: usize = 256;

/// Kinds whose equal values tie two sentences together as saying the
/// same thing, where the alignment did not pair them.
fn anchors(kind: FactKind, value: &str) -> bool {
    match kind {
        FactKind::Money | FactKind::Count | FactKind::Percent | FactKind::Measure => true,
        FactKind::Date => dates::has_day(value),
        _ => false,
    }
}

/// Sentences of two articles that state one fact with the same value (the
/// same sum, count or day) are treated as aligned: their other mentions
/// are paired as in aligned sentences (`Work starts on February 25, with
/// more than 3,000 workers` and `Building begins 26 February, with over
/// 3,000 workers`).
fn by_anchored_sentences(found: &[Found], sets: &mut UnionFind) {
    /// Sentences each one stating a value is tied to.
    const ANCHOR_HUBS: usize = 3;
    let mut pairs: FxHashSet<((usize, usize), (usize, usize))> = FxHashSet::default();
    let mut members: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    for (i, f) in found.iter().enumerate() {
        if anchors(f.kind, &f.value) && !f.cut_off {
            members.entry(sets.find(i)).or_default().push(i);
        }
    }
    for group in members.values() {
        // A value anchors only where each article states it once: a value
        // repeated in many sentences says nothing of which go together.
        let mut by_value: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
        for &i in group {
            by_value.entry(found[i].value.as_str()).or_default().push(i);
        }
        for same in by_value.values() {
            let articles: FxHashSet<usize> = same.iter().map(|&i| found[i].article).collect();
            if articles.len() < 2 || articles.len() != same.len() {
                continue;
            }
            // Each sentence is tied to the first few that state the value
            // (not to every other: a value a thousand versions state
            // would make half a million pairs); the sets join the rest.
            for (k, &j) in same.iter().enumerate().skip(1) {
                for &i in &same[..k.min(ANCHOR_HUBS)] {
                    let (a, b) = (&found[i], &found[j]);
                    let key = if a.article < b.article {
                        ((a.article, a.sentence), (b.article, b.sentence))
                    } else {
                        ((b.article, b.sentence), (a.article, a.sentence))
                    };
                    pairs.insert(key);
                }
            }
        }
    }
    let at = index(found);
    let mut pairs: Vec<_> = pairs.into_iter().collect();
    pairs.sort_unstable();
    for ((article_a, sentence_a), (article_b, sentence_b)) in pairs {
        let left = in_link(&at, article_a, &[sentence_a]);
        let right = in_link(&at, article_b, &[sentence_b]);
        for kind in FactKind::ALL {
            if matches!(kind, FactKind::Name | FactKind::Quote) {
                continue;
            }
            let of_kind = |list: &[usize]| -> Vec<usize> {
                list.iter()
                    .copied()
                    .filter(|&i| found[i].kind == kind)
                    .collect()
            };
            // Only what the value passes did not already tie.
            let loose = |list: Vec<usize>, other: &[usize], sets: &mut UnionFind| -> Vec<usize> {
                list.into_iter()
                    .filter(|&i| !other.iter().any(|&j| sets.find(i) == sets.find(j)))
                    .collect()
            };
            let (l, r) = (of_kind(&left), of_kind(&right));
            let l2 = loose(l.clone(), &r, sets);
            let r2 = loose(r, &l, sets);
            // The one date left on each side of two tied sentences is one
            // date, however they are worded around it.
            if let ([a], [b]) = (l2.as_slice(), r2.as_slice())
                && found[*a].unit == found[*b].unit
                && l.len() == 1
                && !matches!(kind, FactKind::Age)
            {
                sets.union(*a, *b);
                continue;
            }
            pair_up(found, &l2, &r2, false, sets);
        }
    }
}

/// A count of one noun, a sum in one currency, a measure in one unit, a
/// length of time or a share that each article states once: the same
/// thing, wherever the sentences went (the last two, whose units are too
/// general, only where the words around share one at least).
fn by_unit(found: &[Found], sets: &mut UnionFind) {
    let mut by_unit: FxHashMap<(FactKind, &str), Vec<usize>> = FxHashMap::default();
    for (i, f) in found.iter().enumerate() {
        if let (
            FactKind::Count
            | FactKind::Percent
            | FactKind::Measure
            | FactKind::Money
            | FactKind::Duration,
            Some(unit),
        ) = (f.kind, f.unit.as_deref())
        {
            by_unit.entry((f.kind, unit)).or_default().push(i);
        }
    }
    for ((kind, _), members) in &by_unit {
        let articles: FxHashSet<usize> = members.iter().map(|&i| found[i].article).collect();
        if articles.len() != members.len() {
            continue;
        }
        for pair in members.windows(2) {
            // A share or a length of time is too general a unit (a story
            // gives "four months" and "20 years" of different things): the
            // words around must say it is the same thing.
            let (a, b) = (&found[pair[0]], &found[pair[1]]);
            let general = matches!(kind, FactKind::Percent | FactKind::Duration);
            if !general || a.context.iter().any(|w| b.context.contains(w)) {
                sets.union(pair[0], pair[1]);
            }
        }
    }
}

/// Whether two quote wordings say much the same (so that one differing is
/// a rewording): half their content words in common at least.
pub fn quotes_close(a: &str, b: &str) -> bool {
    jaccard(&content_words(a), &content_words(b)) >= 0.5
}

fn content_words(text: &str) -> FxHashSet<&str> {
    text.split(' ').filter(|w| !is_stopword(w)).collect()
}

fn jaccard(a: &FxHashSet<&str>, b: &FxHashSet<&str>) -> f32 {
    let shared = a.intersection(b).count();
    let all = a.len() + b.len() - shared;
    if all == 0 {
        0.0
    } else {
        shared as f32 / all as f32
    }
}

/// For a quote in one version whose aligned sentence in another keeps most
/// of its words without quote marks, adds that sentence as a paraphrase.
fn add_paraphrases(found: &mut Vec<Found>, pairs: &[PairAlignment], sentence_texts: &[Vec<&str>]) {
    let at = index(found);
    let has_quote = |article: usize, sentences: &[usize]| {
        in_link(&at, article, sentences)
            .iter()
            .any(|&i| found[i].kind == FactKind::Quote)
    };
    let mut added = Vec::new();
    for pair in pairs {
        for link in pair
            .links
            .iter()
            .filter(|l| !l.left.is_empty() && !l.right.is_empty())
        {
            for (from, from_sentences, to, to_sentences) in [
                (pair.a, &link.left, pair.b, &link.right),
                (pair.b, &link.right, pair.a, &link.left),
            ] {
                if has_quote(to, to_sentences) {
                    continue;
                }
                for &q in in_link(&at, from, from_sentences)
                    .iter()
                    .filter(|&&i| found[i].kind == FactKind::Quote)
                {
                    let quote = &found[q];
                    let quoted = content_words(&quote.value);
                    for &s in to_sentences.iter() {
                        let text = sentence_texts[to][s];
                        let wording = super::quotes::wording(text);
                        let words = content_words(&wording);
                        let kept =
                            quoted.intersection(&words).count() as f32 / quoted.len().max(1) as f32;
                        if kept >= 0.4 && quoted.len() >= 2 {
                            added.push(Found {
                                kind: FactKind::Quote,
                                article: to,
                                sentence: s,
                                span: 0..text.len(),
                                text: text.to_owned(),
                                value: wording,
                                unit: None,
                                subject: None,
                                paraphrase: true,
                                cut_off: false,
                                partial: false,
                                context: Vec::new(),
                                phrase: None,
                            });
                        }
                    }
                }
            }
        }
    }
    added.sort_by_key(|f| (f.article, f.sentence));
    added.dedup_by_key(|f| (f.article, f.sentence));
    found.extend(added);
}

/// Groups name words by the person or organisation they name: the words
/// of one person's names (`Yulia`, `Peresild`, `Julia`, `Peressild`) are
/// one group, found by the surname's spelling variants; other name words
/// by spelling variants: the same transliteration key, or keys one
/// transposition or deletion apart, confirmed by [`same_name`].
pub fn name_groups(found: &[Found], persons: &FxHashSet<String>) -> Vec<Vec<usize>> {
    // People first (those whose age or words are reported): clusters of
    // full names whose surnames are variants.
    let mut people: Vec<(String, Vec<usize>)> = Vec::new();
    let mut words: Vec<usize> = Vec::new();
    for (i, f) in found
        .iter()
        .enumerate()
        .filter(|(_, f)| f.kind == FactKind::Name)
    {
        let person = f.subject.as_deref().filter(|full| {
            full.split_whitespace()
                .any(|w| persons.contains(&w.to_lowercase()))
        });
        let Some(full) = person else {
            words.push(i);
            continue;
        };
        let surname = full.split_whitespace().next_back().unwrap_or(full);
        match people
            .iter_mut()
            .find(|(s, _)| same_name(s, surname) && !plural_of(s, surname))
        {
            Some((_, members)) => members.push(i),
            None => people.push((surname.to_owned(), vec![i])),
        }
    }
    let mut clusters: Vec<(String, Vec<usize>)> = Vec::new();
    let mut by_key: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    for i in words {
        let f = &found[i];
        // A surname alone joins its person.
        if let Some((_, members)) = people
            .iter_mut()
            .find(|(s, _)| same_name(s, &f.value) && !plural_of(s, &f.value))
        {
            members.push(i);
            continue;
        }
        let key = translit_key(&super::names::latin(&f.value));
        let candidates: Vec<usize> = key_neighbours(&key)
            .iter()
            .filter_map(|k| by_key.get(k))
            .flatten()
            .copied()
            .collect();
        let home = candidates
            .into_iter()
            .find(|&c| same_name(&clusters[c].0, &f.value) && !plural_of(&clusters[c].0, &f.value));
        match home {
            Some(c) => clusters[c].1.push(i),
            None => {
                for registered in registered_keys(&key) {
                    by_key.entry(registered).or_default().push(clusters.len());
                }
                clusters.push((f.value.clone(), vec![i]));
            }
        }
    }
    people
        .into_iter()
        .chain(clusters)
        .map(|(_, members)| members)
        .collect()
}

/// `American`/`Americans`: two forms of one word, not two spellings.
fn plural_of(a: &str, b: &str) -> bool {
    let (a, b) = (fold(a), fold(b));
    a != b && a.trim_end_matches('s') == b.trim_end_matches('s')
}

/// The keys a cluster is found under: its own, and (for long keys) the
/// keys with one letter deleted, so that a shorter variant finds it.
fn registered_keys(key: &str) -> Vec<String> {
    let chars: Vec<char> = key.chars().collect();
    let mut keys = vec![key.to_owned()];
    if chars.len() >= 6 {
        keys.extend(deletions(&chars));
    }
    keys
}

/// Where a variant spelling's cluster may be: the key, the key with two
/// neighbours swapped, and the key with one letter deleted.
fn key_neighbours(key: &str) -> Vec<String> {
    let chars: Vec<char> = key.chars().collect();
    let mut keys = vec![key.to_owned()];
    if chars.len() >= 5 {
        for i in 0..chars.len() - 1 {
            let mut swapped = chars.clone();
            swapped.swap(i, i + 1);
            keys.push(swapped.into_iter().collect());
        }
    }
    if chars.len() >= 6 {
        keys.extend(deletions(&chars));
    }
    keys
}

fn deletions(chars: &[char]) -> impl Iterator<Item = String> + '_ {
    (0..chars.len()).map(move |i| {
        chars
            .iter()
            .enumerate()
            .filter(|&(k, _)| k != i)
            .map(|(_, c)| c)
            .collect()
    })
}
