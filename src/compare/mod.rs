//! Comparing versions: sentence alignment, then word operations inside each
//! link. No terminal code; every call has a time budget and says when it
//! returned a coarser result.

pub mod align;
mod candidates;
pub mod collate;
pub mod diff;
pub mod facts;
mod parallel;
mod sides;
pub mod similarity;
pub mod stories;
pub mod tokens;
mod union_find;
pub mod xling;

use std::time::{Duration, Instant};

use serde::Serialize;

use crate::corpus::Article;

pub use align::{Alignment, Link, LinkKind, Method, align};
pub use diff::{DiffOptions, Op, OpKind};

/// When a computation must be done by.
#[derive(Debug, Clone, Copy)]
pub struct Budget {
    deadline: Option<Instant>,
}

impl Budget {
    pub fn new(limit: Duration) -> Budget {
        Budget {
            deadline: Instant::now().checked_add(limit),
        }
    }

    pub fn unlimited() -> Budget {
        Budget { deadline: None }
    }

    pub fn deadline(&self) -> Option<Instant> {
        self.deadline
    }

    pub fn expired(&self) -> bool {
        self.deadline.is_some_and(|d| Instant::now() >= d)
    }
}

/// How often (in links) the word diff checks the time budget. Each of these
/// links is small or clocked itself, so the budget is overrun by at most
/// this many small diffs, well under a millisecond each.
const BUDGET_CHECK_LINKS: usize = 64;

/// The default budget of a comparison.
pub const DEFAULT_BUDGET: Duration = Duration::from_secs(3);

/// Why a result is coarser than it would be with more time, and which stage
/// gave up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Coarse {
    pub stage: &'static str,
    pub reason: String,
}

impl Coarse {
    pub fn align(reason: &str) -> Coarse {
        Coarse {
            stage: "align",
            reason: reason.to_owned(),
        }
    }
}

#[derive(Debug, Clone, Copy, Default)]
pub struct CompareOptions {
    pub diff: DiffOptions,
}

/// A row of a side-by-side view of a [`Comparison`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// Link `k`, at its left side's place.
    Link(usize),
    /// Moved link `k`, at its right side's place in the right version.
    MovedHere(usize),
}

/// Two articles aligned, with the word operations of every link.
#[derive(Debug, Clone)]
pub struct Comparison {
    pub alignment: Alignment,
    /// One list of operations per link, in the same order.
    pub ops: Vec<Vec<Op>>,
    /// Set when the budget ran out; the alignment's own note comes first.
    pub coarse: Vec<Coarse>,
}

impl Comparison {
    /// The same comparison seen from the other side: links mirrored,
    /// deletions and insertions exchanged.
    pub fn mirrored(self) -> Comparison {
        let Comparison {
            alignment,
            ops,
            coarse,
        } = self;
        // Mirroring reorders the links: key each link's operations by its
        // first sentences, which no other link shares.
        let key = |left: &[usize], right: &[usize]| (left.first().copied(), right.first().copied());
        let mut by_link: rustc_hash::FxHashMap<(Option<usize>, Option<usize>), Vec<Op>> = alignment
            .links
            .iter()
            .zip(ops)
            .map(|(link, ops)| {
                (
                    key(&link.right, &link.left),
                    ops.into_iter().map(Op::mirrored).collect(),
                )
            })
            .collect();
        let alignment = alignment.mirrored();
        let ops = alignment
            .links
            .iter()
            .map(|link| {
                by_link
                    .remove(&key(&link.left, &link.right))
                    .unwrap_or_default()
            })
            .collect();
        Comparison {
            alignment,
            ops,
            coarse,
        }
    }

    /// The rows of a side-by-side view, in order: every link where its left
    /// side stands, and for each moved link a second row where its right
    /// side stands in the right version.
    pub fn rows(&self) -> Vec<Row> {
        let places = self.moved_places();
        let mut place = places.iter().peekable();
        let mut rows = Vec::with_capacity(self.alignment.links.len() + places.len());
        for link in 0..self.alignment.links.len() {
            while let Some((_, moved)) = place.next_if(|&&(after, _)| after <= link) {
                rows.push(Row::MovedHere(*moved));
            }
            rows.push(Row::Link(link));
        }
        rows.extend(place.map(|&(_, moved)| Row::MovedHere(moved)));
        rows
    }

    /// For each moved link, the link after which its right side stands in the
    /// right version: after the nearest link (not moved) with an earlier right
    /// sentence. As (position in links, moved link), sorted.
    fn moved_places(&self) -> Vec<(usize, usize)> {
        let links = &self.alignment.links;
        // Links in place, by their first right sentence, with the furthest
        // position reached so far.
        let mut in_place: Vec<(usize, usize)> = links
            .iter()
            .enumerate()
            .filter(|(_, l)| l.kind != LinkKind::Moved)
            .filter_map(|(p, l)| l.right.first().map(|&r| (r, p + 1)))
            .collect();
        in_place.sort_unstable();
        let mut furthest = 0;
        for entry in &mut in_place {
            furthest = furthest.max(entry.1);
            entry.1 = furthest;
        }
        let mut ghosts: Vec<(usize, usize)> = links
            .iter()
            .enumerate()
            .filter(|(_, l)| l.kind == LinkKind::Moved)
            .map(|(k, moved)| {
                let before = in_place.partition_point(|&(r, _)| r < moved.right[0]);
                (before.checked_sub(1).map_or(0, |b| in_place[b].1), k)
            })
            .collect();
        ghosts.sort_unstable();
        ghosts
    }

    /// Whether link `index` shows a difference (minor ones aside).
    pub fn is_change(&self, index: usize) -> bool {
        let link = &self.alignment.links[index];
        match link.kind {
            LinkKind::Equal => false,
            LinkKind::Changed => self.ops[index].iter().any(Op::is_change),
            _ => true,
        }
    }
}

/// The body's sentences, in reading order.
pub fn sentences(article: &Article) -> Vec<&str> {
    (0..article.sentences.len())
        .map(|i| article.sentence_text(i))
        .collect()
}

/// The text of some sentences joined by single spaces; one sentence is
/// borrowed as it is (most links hold one on each side).
pub fn joined<'a>(sentences: &[&'a str], indices: &[usize]) -> std::borrow::Cow<'a, str> {
    match indices {
        [one] => std::borrow::Cow::Borrowed(sentences[*one]),
        _ => std::borrow::Cow::Owned(
            indices
                .iter()
                .map(|&i| sentences[i])
                .collect::<Vec<_>>()
                .join(" "),
        ),
    }
}

/// Aligns two texts' sentences and diffs the words of every link.
pub fn compare_sentences(
    left: &[&str],
    right: &[&str],
    options: CompareOptions,
    budget: &Budget,
) -> Comparison {
    let alignment = align(left, right, budget);
    let mut coarse: Vec<Coarse> = alignment.coarse.iter().cloned().collect();
    let mut skipped = 0;
    let ops: Vec<Vec<Op>> = alignment
        .links
        .iter()
        .enumerate()
        .map(|(index, link)| {
            let a = joined(left, &link.left);
            let b = joined(right, &link.right);
            // Small diffs do not read the clock (diff::CLOCKED_WORDS): the
            // budget is checked every so many links instead.
            if skipped > 0 || (index % BUDGET_CHECK_LINKS == 0 && budget.expired()) {
                skipped += 1;
                return diff::whole(&a, &b);
            }
            match diff::diff(&a, &b, options.diff, budget.deadline()) {
                Some(ops) => ops,
                None => {
                    skipped += 1;
                    diff::whole(&a, &b)
                }
            }
        })
        .collect();
    // A link whose words differ only where differences are not counted
    // (whitespace; case and punctuation under `-i`) is equal.
    let mut alignment = alignment;
    for (link, ops) in alignment.links.iter_mut().zip(&ops) {
        if link.kind == LinkKind::Changed && !ops.iter().any(Op::is_change) {
            link.kind = LinkKind::Equal;
        }
    }
    if skipped > 0 {
        coarse.push(Coarse {
            stage: "diff",
            reason: format!(
                "the time budget ran out during the word diff; {skipped} link(s) are shown as whole-sentence replacements"
            ),
        });
    }
    Comparison {
        alignment,
        ops,
        coarse,
    }
}

/// The operations of a cross-language link: `a` deleted and `b` inserted,
/// as minor operations (they only rebuild the sides), except for anchors
/// ([`xling::anchor_spans`]): a figure or month the other side gives too,
/// or a name it spells alike (by transliteration and consonant key), is an
/// agreeing anchor; a figure the other side does not give, or a month when
/// the other side names another, is a change (`36` against `37 ans`,
/// `octobre` against `November`).
fn anchors_apart(
    a: &str,
    b: &str,
    a_language: &crate::lang::Language,
    b_language: &crate::lang::Language,
) -> Vec<Op> {
    use xling::SpanKind;
    let (spans_a, spans_b) = (
        xling::anchor_spans(a, a_language),
        xling::anchor_spans(b, b_language),
    );
    let side = |text: &str,
                own: &[(std::ops::Range<usize>, SpanKind, String)],
                theirs: &[(std::ops::Range<usize>, SpanKind, String)],
                kind: OpKind|
     -> Vec<Op> {
        let gives =
            |k: SpanKind, key: &str| theirs.iter().any(|(_, tk, tkey)| *tk == k && tkey == key);
        let names_a_month = theirs.iter().any(|(_, k, _)| *k == SpanKind::Month);
        let mut ops = Vec::new();
        let mut at = 0;
        for (range, span_kind, key) in own {
            let op = if gives(*span_kind, key) {
                Op::anchor_of(kind, &text[range.clone()])
            } else {
                match span_kind {
                    SpanKind::Figure => Op::of(kind, &text[range.clone()]),
                    SpanKind::Month if names_a_month => Op::of(kind, &text[range.clone()]),
                    _ => continue,
                }
            };
            if range.start > at {
                ops.push(Op::minor_of(kind, &text[at..range.start]));
            }
            ops.push(op);
            at = range.end;
        }
        if at < text.len() {
            ops.push(Op::minor_of(kind, &text[at..]));
        }
        ops
    };
    let mut ops = side(a, &spans_a, &spans_b, OpKind::Delete);
    ops.extend(side(b, &spans_b, &spans_a, OpKind::Insert));
    ops
}

/// Compares two articles: by their words when they are in one language,
/// across languages (see [`xling`]) when both languages are known and
/// differ.
pub fn compare(
    left: &Article,
    right: &Article,
    options: CompareOptions,
    budget: &Budget,
) -> Comparison {
    match cross_languages(left, right) {
        Some((l, r)) => compare_across(&sentences(left), &sentences(right), l, r, budget),
        None => compare_sentences(&sentences(left), &sentences(right), options, budget),
    }
}

/// The two articles' languages, when both are known and differ.
pub fn cross_languages(
    left: &Article,
    right: &Article,
) -> Option<(
    &'static crate::lang::Language,
    &'static crate::lang::Language,
)> {
    let (l, r) = (
        left.meta.language.as_deref()?,
        right.meta.language.as_deref()?,
    );
    (l != r).then(|| {
        (
            crate::lang::language(Some(l)),
            crate::lang::language(Some(r)),
        )
    })
}

/// Aligns two texts in different languages. A word diff means nothing
/// across languages: each link's operations are its two sides whole, with
/// the anchors both give marked as agreeing and the figures (or months)
/// only one gives marked as changes (`36` against `37 ans`); the rest is
/// kept as unmarked (minor) operations, so that the sides still rebuild
/// ([`anchors_apart`]).
pub fn compare_across(
    left: &[&str],
    right: &[&str],
    left_language: &crate::lang::Language,
    right_language: &crate::lang::Language,
    budget: &Budget,
) -> Comparison {
    let alignment = xling::align(left, right, left_language, right_language, budget);
    let coarse: Vec<Coarse> = alignment.coarse.iter().cloned().collect();
    let ops = alignment
        .links
        .iter()
        .map(|link| {
            anchors_apart(
                &joined(left, &link.left),
                &joined(right, &link.right),
                left_language,
                right_language,
            )
        })
        .collect();
    Comparison {
        alignment,
        ops,
        coarse,
    }
}
