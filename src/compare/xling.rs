//! Cross-language sentence alignment: two versions of a story in different
//! languages, matched on what survives translation.
//!
//! Each sentence becomes a set of language-independent anchors: numbers by
//! value (`3 000`, `3.000` and `3,000` alike; number words through each
//! language's file), months by number, names through transliteration to
//! Latin and a consonant key that tolerates inflection (`Holmom`, `Holma`,
//! `Holm`; `Rogozine`, `Rogozin`), cognates by the first letters of long
//! content words (`propagande`, `propaganda`), and the question mark. Anchors
//! weigh their rarity in the two texts. A monotonic programme with 1-1, 1-2,
//! 2-1 and 2-2 steps scores each link by its anchors and by a Gale–Church
//! length prior with the pair's own character ratio (Gale and Church, 1993:
//! lengths of translated sentences are proportional); sentences that match
//! out of order are paired afterwards as moves.

use std::ops::Range;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::align::{Alignment, InOrder, Link, LinkKind, Method, anchor_path};
use super::tokens::{fold, translit_key};
use super::{Budget, Coarse};
use crate::corpus::segment;
use crate::lang::{self, Language};

/// Weight of the anchors' similarity against the length prior.
const ANCHOR_WEIGHT: f32 = 1.0;
/// What a 1-1 link of sentences of proportional length is worth with no
/// anchor at all: translations keep most sentences, in order.
const PAIR_PRIOR: f32 = 0.25;
/// Cost of each unit of |ln(length ratio / expected ratio)|. This and the
/// merge penalty were chosen on a plateau (F1 within 0.01 for 0.6–0.8 and
/// 0.05–0.1) over nine translation pairs in seven languages, three of them
/// the shared dev golds.
const LENGTH_WEIGHT: f32 = 0.7;
/// Extra cost of a 1-2 or 2-1 link, and of a 2-2 link.
const MERGE_PENALTY: f32 = 0.1;
const DOUBLE_MERGE_PENALTY: f32 = 0.35;
/// Characters added to both lengths, so that short sentences do not
/// swing the ratio.
const LENGTH_SMOOTHING: f32 = 20.0;
/// Least anchor similarity of a pair made out of order (a move).
const MIN_MOVE: f32 = 0.4;
/// The programme looks this far either side of the diagonal (at least),
/// or a twentieth of the longer text.
const MIN_BAND: usize = 30;
/// Shortest word taken as a possible cognate, and the letters it is
/// compared by.
const COGNATE_MIN_CHARS: usize = 6;
const COGNATE_PREFIX: usize = 5;
/// Letters of a name's consonant key compared (`Holmom`, `Holma` → `hlm`).
const NAME_KEY: usize = 3;

/// What kind of anchor a feature is, and what it weighs beside its rarity.
#[derive(Clone, Copy)]
enum Anchor {
    Number,
    Month,
    Name,
    Cognate,
    Question,
}

impl Anchor {
    fn weight(self) -> f32 {
        match self {
            Anchor::Number => 1.5,
            Anchor::Month => 1.0,
            Anchor::Name => 1.2,
            Anchor::Cognate => 0.6,
            Anchor::Question => 0.5,
        }
    }

    fn tag(self) -> char {
        match self {
            Anchor::Number => '#',
            Anchor::Month => 'm',
            Anchor::Name => '~',
            Anchor::Cognate => '^',
            Anchor::Question => '?',
        }
    }
}

/// A sentence's anchors (ids, sorted, unique) and its length in characters.
#[derive(Debug, Clone, Default)]
struct Profile {
    anchors: Vec<u32>,
    chars: usize,
    /// The anchors' weights summed.
    total: f32,
    /// ln(chars + LENGTH_SMOOTHING), once for every link it is in.
    log_length: f32,
}

impl Profile {
    /// Two consecutive sentences as one.
    fn merged(&self, next: &Profile, weights: &[f32]) -> Profile {
        let mut anchors: Vec<u32> = self.anchors.iter().chain(&next.anchors).copied().collect();
        anchors.sort_unstable();
        anchors.dedup();
        let chars = self.chars + next.chars;
        Profile {
            total: anchors.iter().map(|&a| weights[a as usize]).sum(),
            anchors,
            chars,
            log_length: (chars as f32 + LENGTH_SMOOTHING).ln(),
        }
    }
}

/// The anchors of every sentence of both sides, and their weights.
struct Sides {
    left: Vec<Profile>,
    right: Vec<Profile>,
    /// Sentence i and i+1 together, for 2-1, 1-2 and 2-2 links.
    left_pairs: Vec<Profile>,
    right_pairs: Vec<Profile>,
    weights: Vec<f32>,
    /// Characters of the right side per character of the left.
    ratio: f32,
    /// The (left, right) sentence pairs that share an anchor: any other
    /// pair, and any span made of other pairs, has similarity 0.
    sharing: HashSet<(u32, u32)>,
}

/// Aligns `left` (in `left_language`) with `right` (in `right_language`).
/// Every sentence ends up in exactly one link; linked sentences are
/// `changed` (a translation is never `equal`) or `moved`. The result says
/// [`Method::CrossLanguage`].
pub fn align(
    left: &[&str],
    right: &[&str],
    left_language: &Language,
    right_language: &Language,
    budget: &Budget,
) -> Alignment {
    // A canonical orientation makes the result exactly mirror-symmetric.
    if left > right {
        return align_oriented(right, left, right_language, left_language, budget).mirrored();
    }
    align_oriented(left, right, left_language, right_language, budget)
}

fn align_oriented(
    left: &[&str],
    right: &[&str],
    left_language: &Language,
    right_language: &Language,
    budget: &Budget,
) -> Alignment {
    let sides = Sides::new(left, right, left_language, right_language);
    let (n, m) = (left.len(), right.len());
    let (links, coarse) = match programme(&sides, budget) {
        Some(links) => (pair_moves(&sides, links), None),
        None => (
            anchor_path(&[], n, m),
            Some(Coarse::align(
                "the time budget ran out during the cross-language alignment; nothing is paired",
            )),
        ),
    };
    let links = super::align::order_links(links);
    let paired: f32 = links
        .iter()
        .map(|l| l.similarity * (l.left.len() + l.right.len()) as f32)
        .sum();
    let total = (n + m).max(1) as f32;
    Alignment {
        links,
        similarity: if n + m == 0 { 1.0 } else { paired / total },
        coarse,
        method: Method::CrossLanguage,
    }
}

impl Sides {
    fn new(
        left: &[&str],
        right: &[&str],
        left_language: &Language,
        right_language: &Language,
    ) -> Sides {
        let mut ids: HashMap<String, u32> = HashMap::default();
        let mut kinds: Vec<Anchor> = Vec::new();
        let mut profile = |text: &str, language: &Language| {
            let mut anchors: Vec<u32> = anchors_of(text, language)
                .into_iter()
                .map(|(kind, key)| {
                    let next = ids.len() as u32;
                    *ids.entry(key).or_insert_with(|| {
                        kinds.push(kind);
                        next
                    })
                })
                .collect();
            anchors.sort_unstable();
            anchors.dedup();
            let chars = text.chars().count();
            Profile {
                anchors,
                chars,
                total: 0.0,
                log_length: (chars as f32 + LENGTH_SMOOTHING).ln(),
            }
        };
        let mut left: Vec<Profile> = left.iter().map(|s| profile(s, left_language)).collect();
        let mut right: Vec<Profile> = right.iter().map(|s| profile(s, right_language)).collect();
        // Rarer anchors weigh more: inverse document frequency over the
        // sentences of both sides.
        let mut df = vec![0u32; kinds.len()];
        for p in left.iter().chain(&right) {
            for &a in &p.anchors {
                df[a as usize] += 1;
            }
        }
        let sentences = (left.len() + right.len()).max(1) as f32;
        let weights: Vec<f32> = kinds
            .iter()
            .zip(&df)
            .map(|(kind, &d)| kind.weight() * (1.0 + sentences / d.max(1) as f32).ln())
            .collect();
        for p in left.iter_mut().chain(right.iter_mut()) {
            p.total = p.anchors.iter().map(|&a| weights[a as usize]).sum();
        }
        let pairs = |side: &[Profile]| -> Vec<Profile> {
            side.windows(2)
                .map(|w| w[0].merged(&w[1], &weights))
                .collect()
        };
        let (left_pairs, right_pairs) = (pairs(&left), pairs(&right));
        let mut holders: Vec<(Vec<u32>, Vec<u32>)> = vec![(Vec::new(), Vec::new()); kinds.len()];
        for (i, p) in left.iter().enumerate() {
            for &a in &p.anchors {
                holders[a as usize].0.push(i as u32);
            }
        }
        for (j, p) in right.iter().enumerate() {
            for &a in &p.anchors {
                holders[a as usize].1.push(j as u32);
            }
        }
        let sharing: HashSet<(u32, u32)> = holders
            .iter()
            .flat_map(|(l, r)| l.iter().flat_map(move |&i| r.iter().map(move |&j| (i, j))))
            .collect();
        let chars = |side: &[Profile]| side.iter().map(|p| p.chars).sum::<usize>().max(1) as f32;
        let ratio = chars(&right) / chars(&left);
        Sides {
            left,
            right,
            left_pairs,
            right_pairs,
            weights,
            ratio,
            sharing,
        }
    }

    /// The profile of `count` (1 or 2) sentences of a side from `first`.
    fn span<'a>(
        &'a self,
        side: &'a [Profile],
        pairs: &'a [Profile],
        first: usize,
        count: usize,
    ) -> &'a Profile {
        if count == 2 {
            &pairs[first]
        } else {
            &side[first]
        }
    }

    /// Weighted Dice overlap of two profiles' anchors, 0..=1.
    fn similarity(&self, a: &Profile, b: &Profile) -> f32 {
        let total = a.total + b.total;
        if total == 0.0 {
            return 0.0;
        }
        let (a, b) = (&a.anchors, &b.anchors);
        let (mut i, mut j, mut shared) = (0, 0, 0.0);
        while i < a.len() && j < b.len() {
            match a[i].cmp(&b[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    shared += self.weights[a[i] as usize];
                    i += 1;
                    j += 1;
                }
            }
        }
        2.0 * shared / total
    }

    /// The similarity of left sentences `l` and right sentences `r`
    /// (consecutive, one or two each).
    fn link_similarity(&self, l: &[usize], r: &[usize]) -> f32 {
        let a = self.span(&self.left, &self.left_pairs, l[0], l.len());
        let b = self.span(&self.right, &self.right_pairs, r[0], r.len());
        self.similarity(a, b)
    }

    /// The Gale–Church cost of the lengths of `a` (left) against `b`.
    fn length_cost(&self, a: &Profile, b: &Profile) -> f32 {
        LENGTH_WEIGHT * (b.log_length - a.log_length - self.ratio.ln()).abs()
    }

    /// What linking left `i0..i0+di` with right `j0..j0+dj` is worth.
    fn gain(&self, i0: usize, di: usize, j0: usize, dj: usize) -> f32 {
        let a = self.span(&self.left, &self.left_pairs, i0, di);
        let b = self.span(&self.right, &self.right_pairs, j0, dj);
        let shares = (i0..i0 + di)
            .any(|i| (j0..j0 + dj).any(|j| self.sharing.contains(&(i as u32, j as u32))));
        let similarity = if shares { self.similarity(a, b) } else { 0.0 };
        let penalty = match (di, dj) {
            (1, 1) => 0.0,
            (2, 2) => DOUBLE_MERGE_PENALTY,
            _ => MERGE_PENALTY,
        };
        ANCHOR_WEIGHT * similarity + PAIR_PRIOR - self.length_cost(a, b) - penalty
    }
}

/// The names and numbers of a text in language `code`, as keys that match
/// across languages: what story grouping compares translations by.
pub fn story_anchors(sentences: &[&str], code: Option<&str>) -> Vec<String> {
    let language = lang::language(code);
    let mut anchors: Vec<String> = Vec::new();
    for text in sentences {
        anchors.extend(
            numbers(text)
                .into_iter()
                .map(|v| format!("{}{v}", Anchor::Number.tag())),
        );
        // Names only: the words after the first, capitalised.
        for range in segment::words(text).skip(1) {
            let word = &text[range];
            if word.chars().next().is_some_and(char::is_uppercase)
                && word.chars().count() >= 3
                && let Some(key) = name_key(word, language)
            {
                anchors.push(key);
            }
        }
    }
    anchors.sort_unstable();
    anchors.dedup();
    anchors
}

/// What an anchor span is, for the diff: figures are compared by value,
/// and a figure or month one side lacks is a difference; names only agree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpanKind {
    Figure,
    Month,
    Name,
}

/// The anchors of a sentence a cross-language diff marks, in order: each
/// with its byte range, kind and key (a figure's value, a month's number,
/// a name's consonant key: see [`anchors_of`]). Number words are left to
/// the alignment: `twelve` against `12` is not marked either way.
pub fn anchor_spans(text: &str, language: &Language) -> Vec<(Range<usize>, SpanKind, String)> {
    let mut out: Vec<(Range<usize>, SpanKind, String)> = number_spans(text)
        .into_iter()
        .map(|(range, value)| (range, SpanKind::Figure, value))
        .collect();
    let mut first = true;
    for range in segment::words(text) {
        let word = &text[range.clone()];
        let at_start = std::mem::take(&mut first);
        if out
            .iter()
            .any(|(r, _, _)| r.start < range.end && range.start < r.end)
        {
            continue;
        }
        if let Some(month) = language.month(word) {
            out.push((range, SpanKind::Month, month.to_string()));
            continue;
        }
        let capitalised = word.chars().next().is_some_and(char::is_uppercase);
        if capitalised
            && !at_start
            && word.chars().count() >= 3
            && let Some(key) = name_key(word, language)
        {
            out.push((range, SpanKind::Name, key));
        }
    }
    out.sort_by_key(|(r, _, _)| r.start);
    out
}

/// The anchors of one sentence, each with its key.
fn anchors_of(text: &str, language: &Language) -> Vec<(Anchor, String)> {
    let mut out = Vec::new();
    for value in numbers(text) {
        out.push((Anchor::Number, format!("{}{value}", Anchor::Number.tag())));
    }
    if text
        .trim_end()
        .trim_end_matches(['"', '»', '”', '’', '\'', ')'])
        .ends_with('?')
    {
        out.push((Anchor::Question, "?".to_owned()));
    }
    let mut first = true;
    for range in segment::words(text) {
        let word = &text[range];
        let at_start = std::mem::take(&mut first);
        if let Some(value) = language.number_word(word) {
            out.push((Anchor::Number, format!("{}{value}", Anchor::Number.tag())));
            continue;
        }
        if let Some(month) = language.month(word) {
            out.push((Anchor::Month, format!("{}{month}", Anchor::Month.tag())));
            continue;
        }
        if language.is_stopword(word) || !word.chars().next().is_some_and(char::is_alphabetic) {
            continue;
        }
        let latin = latin(word, language);
        let capitalised = word.chars().next().is_some_and(char::is_uppercase);
        if capitalised
            && !at_start
            && word.chars().count() >= 3
            && let Some(key) = name_key(word, language)
        {
            out.push((Anchor::Name, key));
        }
        if latin.chars().count() >= COGNATE_MIN_CHARS {
            let prefix: String = latin.chars().take(COGNATE_PREFIX).collect();
            out.push((
                Anchor::Cognate,
                format!("{}{prefix}", Anchor::Cognate.tag()),
            ));
        }
    }
    out
}

/// A name word's key: its consonant skeleton in Latin letters, cut to
/// [`NAME_KEY`] letters (`~hlm` for `Holmom`, `Holma`, `Holm`); none for
/// a skeleton too short to tell names apart, or a function word.
fn name_key(word: &str, language: &Language) -> Option<String> {
    if language.is_stopword(word) {
        return None;
    }
    let key: String = translit_key(&latin(word, language))
        .chars()
        .take(NAME_KEY)
        .collect();
    (key.chars().count() == NAME_KEY).then(|| format!("{}{key}", Anchor::Name.tag()))
}

/// `word` in Latin letters, lower case, without accents: through its
/// language's transliteration, or the table of the script it is written in.
fn latin(word: &str, language: &Language) -> String {
    if word.is_ascii() {
        return fold(word).into_owned();
    }
    let transliterated = language.transliterate(word).or_else(|| {
        word.chars()
            .filter(|c| !c.is_ascii())
            .find_map(lang::script_of)
            .and_then(|script| script.transliterate(word))
    });
    let word = transliterated.as_deref().unwrap_or(word);
    fold(word).into_owned()
}

/// The numbers written in digits in `text`, by value: thousands separators
/// (space, no-break space, `.`, `,`, `'`) dropped where the groups after
/// them have three digits, a decimal comma read as a point.
fn numbers(text: &str) -> Vec<String> {
    number_spans(text)
        .into_iter()
        .map(|(_, value)| value)
        .collect()
}

/// The numbers written in digits in `text`, each with its byte range and
/// value (see [`numbers`]).
pub fn number_spans(text: &str) -> Vec<(std::ops::Range<usize>, String)> {
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return Vec::new();
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let digit = |k: usize| chars.get(k).is_some_and(|&(_, c)| c.is_ascii_digit());
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !digit(i) || (i > 0 && chars[i - 1].1.is_alphanumeric()) {
            i += 1;
            continue;
        }
        let start = chars[i].0;
        // Digit groups and the separators between them.
        let mut groups: Vec<String> = vec![String::new()];
        let mut separators: Vec<char> = Vec::new();
        while i < chars.len() {
            let c = chars[i].1;
            if c.is_ascii_digit() {
                groups.last_mut().expect("a group").push(c);
                i += 1;
            } else if matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '.' | ',' | '\'') && digit(i + 1) {
                separators.push(c);
                groups.push(String::new());
                i += 1;
            } else {
                break;
            }
        }
        let end = chars.get(i).map_or(text.len(), |&(at, _)| at);
        out.push((start..end, number_value(&groups, &separators)));
    }
    out
}

/// The value of digit groups read with their separators.
fn number_value(groups: &[String], separators: &[char]) -> String {
    let thousands = groups.len() > 1
        && groups[1..].iter().all(|g| g.len() == 3)
        && groups[0].len() <= 3
        && separators.iter().all(|&s| s == separators[0]);
    let value = if thousands
        && !(separators.len() == 1
            && matches!(separators[0], ' ' | '\u{a0}' | '\u{202f}')
            && groups[0] == "0")
    {
        groups.concat()
    } else if groups.len() == 2 && matches!(separators[0], '.' | ',') {
        format!("{}.{}", groups[0], groups[1])
    } else {
        groups[0].clone()
    };
    let trimmed = value.trim_start_matches('0');
    if trimmed.is_empty() || trimmed.starts_with('.') {
        format!("0{trimmed}")
    } else {
        trimmed.to_owned()
    }
}

/// The best monotonic path of links; `None` when the budget ran out.
fn programme(sides: &Sides, budget: &Budget) -> Option<Vec<Link>> {
    const STEPS: [(usize, usize); 6] = [(1, 1), (1, 2), (2, 1), (2, 2), (1, 0), (0, 1)];
    let (n, m) = (sides.left.len(), sides.right.len());
    let band = MIN_BAND.max(n.max(m) / 20);
    // Columns of row i around the diagonal.
    let centre = |i: usize| (i * m).checked_div(n).unwrap_or(0);
    let range = |i: usize| {
        let c = centre(i);
        (c.saturating_sub(band), (c + band).min(m))
    };
    // Per row, from its first column: the best score and the step to it.
    let mut score: Vec<(usize, Vec<(f32, u8)>)> = Vec::with_capacity(n + 1);
    let at = |rows: &[(usize, Vec<(f32, u8)>)], i: usize, j: usize| -> Option<(f32, u8)> {
        let (lo, row) = rows.get(i)?;
        j.checked_sub(*lo).and_then(|k| row.get(k)).copied()
    };
    for i in 0..=n {
        if i % 64 == 0 && budget.expired() {
            return None;
        }
        let (lo, hi) = range(i);
        let mut row: Vec<(f32, u8)> = Vec::with_capacity(hi - lo + 1);
        for j in lo..=hi {
            if i == 0 && j == 0 {
                row.push((0.0, u8::MAX));
                continue;
            }
            let mut best = (f32::NEG_INFINITY, u8::MAX);
            for (k, &(di, dj)) in STEPS.iter().enumerate() {
                if di > i || dj > j {
                    continue;
                }
                let (pi, pj) = (i - di, j - dj);
                let previous = if pi == i {
                    pj.checked_sub(lo).and_then(|k| row.get(k)).map(|c| c.0)
                } else {
                    at(&score, pi, pj).map(|c| c.0)
                };
                let Some(previous) = previous.filter(|p| p.is_finite()) else {
                    continue;
                };
                let gain = if di == 0 || dj == 0 {
                    0.0
                } else {
                    sides.gain(pi, di, pj, dj)
                };
                if previous + gain > best.0 {
                    best = (previous + gain, k as u8);
                }
            }
            row.push(best);
        }
        score.push((lo, row));
    }
    let mut links = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let step = at(&score, i, j).map_or(u8::MAX, |c| c.1);
        // Off the band (it cannot happen: the band reaches both corners),
        // the rest is one-sided.
        let (di, dj) =
            STEPS
                .get(usize::from(step))
                .copied()
                .unwrap_or(if i > 0 { (1, 0) } else { (0, 1) });
        let (pi, pj) = (i - di, j - dj);
        let left: Vec<usize> = (pi..i).collect();
        let right: Vec<usize> = (pj..j).collect();
        let (kind, similarity) = match (di, dj) {
            (_, 0) => (LinkKind::Deleted, 0.0),
            (0, _) => (LinkKind::Inserted, 0.0),
            _ => (LinkKind::Changed, sides.link_similarity(&left, &right)),
        };
        links.push(Link {
            left,
            right,
            kind,
            similarity,
            confidence: None,
        });
        (i, j) = (pi, pj);
    }
    links.reverse();
    Some(links)
}

/// Pairs unpaired sentences whose anchors match clearly, each the other's
/// best, as moves (or as in-order links where they fit).
fn pair_moves(sides: &Sides, links: Vec<Link>) -> Vec<Link> {
    let lonely_left: Vec<usize> = links
        .iter()
        .filter(|l| l.right.is_empty())
        .flat_map(|l| l.left.clone())
        .collect();
    let lonely_right: Vec<usize> = links
        .iter()
        .filter(|l| l.left.is_empty())
        .flat_map(|l| l.right.clone())
        .collect();
    let mut pairs: Vec<(f32, usize, usize)> = Vec::new();
    for &i in &lonely_left {
        for &j in &lonely_right {
            let s = sides.similarity(&sides.left[i], &sides.right[j]);
            if s >= MIN_MOVE {
                pairs.push((s, i, j));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then((a.1, a.2).cmp(&(b.1, b.2))));
    let (mut used_left, mut used_right) = (HashSet::default(), HashSet::default());
    let mut moved = Vec::new();
    for (s, i, j) in pairs {
        if used_left.contains(&i) || used_right.contains(&j) {
            continue;
        }
        used_left.insert(i);
        used_right.insert(j);
        moved.push((s, i, j));
    }
    let mut kept: Vec<Link> = links
        .into_iter()
        .filter(|l| {
            !(l.right.is_empty() && l.left.iter().all(|i| used_left.contains(i))
                || l.left.is_empty() && l.right.iter().all(|j| used_right.contains(j)))
        })
        .collect();
    // In order between the links kept, a pair is an ordinary link.
    let ordered = InOrder::new(&kept);
    for (s, i, j) in moved {
        let mut link = Link {
            left: vec![i],
            right: vec![j],
            kind: LinkKind::Moved,
            similarity: s,
            confidence: None,
        };
        if ordered.fits(&link) {
            link.kind = LinkKind::Changed;
        }
        kept.push(link);
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_by_value_in_every_format() {
        assert_eq!(
            numbers("3 000 people, 3.000 or 3,000"),
            ["3000", "3000", "3000"]
        );
        assert_eq!(numbers("7,7 km and 7.7 km"), ["7.7", "7.7"]);
        assert_eq!(numbers("on 5 October 2021, 36"), ["5", "2021", "36"]);
        assert_eq!(numbers("a 12\u{a0}000-strong crowd"), ["12000"]);
    }

    #[test]
    fn names_meet_across_scripts_and_endings() {
        let en = lang::language(Some("en"));
        let ru = lang::language(Some("ru"));
        let hr = lang::language(Some("hr"));
        let names = |text: &str, language: &Language| -> Vec<String> {
            anchors_of(text, language)
                .into_iter()
                .filter(|(kind, _)| matches!(kind, Anchor::Name))
                .map(|(_, key)| key)
                .collect()
        };
        assert_eq!(
            names("They met Rogozin.", en),
            names("Ils ont vu Rogozine.", lang::language(Some("fr")))
        );
        assert_eq!(
            names("Он встретил Рогозина.", ru),
            names("They met Rogozin.", en)
        );
        assert_eq!(
            names("S Holmom i Holma.", hr)[0],
            names("With Holm.", en)[0]
        );
    }
}
