//! Word operations inside one link: the fewest changed words (similar's
//! Myers diff, with a deadline), then the marks between kept words. The operations always rebuild both sides exactly: equal and
//! delete texts give the left, equal and insert texts the right.

use std::borrow::Cow;
use std::ops::Range;
use std::time::Instant;

use serde::Serialize;
use similar::{Algorithm, DiffOp, capture_diff_slices_deadline};

use crate::corpus::{clean, segment};

use super::tokens;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum OpKind {
    Equal,
    Delete,
    Insert,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Op {
    pub op: OpKind,
    pub text: String,
    /// A change of case or punctuation only, made while those are ignored:
    /// kept so that the operations still rebuild both sides, but not shown
    /// as a difference.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub minor: bool,
    /// In a cross-language link, a number, name or month the other side
    /// gives too: shown as agreeing (minor as well, since it rebuilds only
    /// its own side).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub anchor: bool,
}

impl Op {
    /// An operation shown as a change.
    pub fn of(op: OpKind, text: &str) -> Op {
        Op::new(op, text)
    }

    /// An operation that rebuilds its side but is not shown as a change.
    pub fn minor_of(op: OpKind, text: &str) -> Op {
        Op {
            op,
            text: text.to_owned(),
            minor: true,
            anchor: false,
        }
    }

    /// An anchor both sides of a cross-language link give (see
    /// [`Op::anchor`]).
    pub fn anchor_of(op: OpKind, text: &str) -> Op {
        Op {
            anchor: true,
            ..Op::minor_of(op, text)
        }
    }

    fn new(op: OpKind, text: impl Into<String>) -> Op {
        Op {
            op,
            text: text.into(),
            minor: false,
            anchor: false,
        }
    }

    /// The operation seen from the other side.
    pub fn mirrored(self) -> Op {
        let op = match self.op {
            OpKind::Delete => OpKind::Insert,
            OpKind::Insert => OpKind::Delete,
            OpKind::Equal => OpKind::Equal,
        };
        Op { op, ..self }
    }

    /// Whether this operation shows a difference.
    pub fn is_change(&self) -> bool {
        self.op != OpKind::Equal && !self.minor
    }
}

/// How word differences are judged.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DiffOptions {
    /// Case and punctuation differences are not differences.
    pub ignore_case_and_punctuation: bool,
}

/// An operation on borrowed text, as the diff finds it word by word;
/// [`tidy`] joins the pieces into [`Op`]s, allocating once per stretch
/// rather than once per word.
struct Piece<'a> {
    op: OpKind,
    text: Cow<'a, str>,
    minor: bool,
}

impl<'a> Piece<'a> {
    fn new(op: OpKind, text: impl Into<Cow<'a, str>>) -> Piece<'a> {
        Piece {
            op,
            text: text.into(),
            minor: false,
        }
    }

    fn minor(op: OpKind, text: impl Into<Cow<'a, str>>) -> Piece<'a> {
        Piece {
            minor: true,
            ..Piece::new(op, text)
        }
    }
}

/// A piece of text and what it is compared by.
struct Unit<'a> {
    text: &'a str,
    key: String,
}

/// Whitespace runs and single marks covering what lies between two words;
/// whitespace is compared as one space, so that a doubled space or a line
/// break is no difference.
fn gap_units(gap: &str) -> Vec<Unit<'_>> {
    let mut out = Vec::new();
    let mut rest = gap;
    while let Some(c) = rest.chars().next() {
        let len = if c.is_whitespace() {
            rest.find(|x: char| !x.is_whitespace())
                .unwrap_or(rest.len())
        } else {
            clean::marker_len(rest, 0).unwrap_or(c.len_utf8())
        };
        let text = &rest[..len];
        out.push(Unit {
            text,
            key: if c.is_whitespace() {
                " ".to_owned()
            } else {
                text.to_owned()
            },
        });
        rest = &rest[len..];
    }
    out
}

/// Links of up to this many words (both sides together) are diffed without
/// a deadline: Myers' search takes at most (N+M)·D ≤ 256² = 65,536 steps on
/// them, well under a millisecond.
pub const CLOCKED_WORDS: usize = 256;

/// The word operations that turn `left` into `right`. Returns `None` when
/// the deadline passed before the diff was done; a link of up to
/// [`CLOCKED_WORDS`] words is always diffed to the end.
///
/// Words are diffed first, by similar's Myers algorithm, which finds the
/// fewest changed words (the longest common subsequence): unchanged words
/// keep their place however the words around them were reordered
/// (`The big, [-grey, rusty-]{+old, grey+} ferry` is rather `The big{+,
/// old+}, grey[-, rusty-] ferry`). Spaces and punctuation between two
/// kept words are then compared on their own: whitespace never differs;
/// punctuation differs unless case and punctuation are ignored.
pub fn diff(
    left: &str,
    right: &str,
    options: DiffOptions,
    deadline: Option<Instant>,
) -> Option<Vec<Op>> {
    if left == right {
        return Some(if left.is_empty() {
            Vec::new()
        } else {
            vec![Op::of(OpKind::Equal, left)]
        });
    }
    if left.is_empty() || right.is_empty() {
        return Some(whole(left, right));
    }
    let old: Vec<Range<usize>> = segment::words(left).collect();
    let new: Vec<Range<usize>> = segment::words(right).collect();
    let key = |text| -> Cow<'_, str> {
        if options.ignore_case_and_punctuation {
            tokens::fold(text)
        } else {
            Cow::Borrowed(text)
        }
    };
    let old_keys: Vec<Cow<str>> = old.iter().map(|r| key(&left[r.clone()])).collect();
    let new_keys: Vec<Cow<str>> = new.iter().map(|r| key(&right[r.clone()])).collect();
    // Reading the clock costs more than a small diff: similar reads it on
    // every step of Myers' search. The caller checks the budget between
    // links instead.
    let deadline = deadline.filter(|_| old.len() + new.len() > CLOCKED_WORDS);
    let found = capture_diff_slices_deadline(Algorithm::Myers, &old_keys, &new_keys, deadline);
    if deadline.is_some_and(|d| Instant::now() > d) {
        return None;
    }
    let mut ops = Vec::new();
    // Bytes of each side already covered by operations.
    let (mut at_old, mut at_new) = (0, 0);
    for op in found {
        let (old_words, new_words) = match op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => {
                for k in 0..len {
                    let (a, b) = (&old[old_index + k], &new[new_index + k]);
                    between(
                        &left[at_old..a.start],
                        &right[at_new..b.start],
                        options,
                        &mut ops,
                    );
                    let (word_a, word_b) = (&left[a.clone()], &right[b.clone()]);
                    if word_a == word_b {
                        ops.push(Piece::new(OpKind::Equal, word_a));
                    } else {
                        // Equal once case is ignored.
                        ops.push(Piece::minor(OpKind::Delete, word_a));
                        ops.push(Piece::minor(OpKind::Insert, word_b));
                    }
                    (at_old, at_new) = (a.end, b.end);
                }
                continue;
            }
            DiffOp::Delete {
                old_index,
                old_len,
                new_index,
            } => (old_index..old_index + old_len, new_index..new_index),
            DiffOp::Insert {
                old_index,
                new_index,
                new_len,
            } => (old_index..old_index, new_index..new_index + new_len),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => (
                old_index..old_index + old_len,
                new_index..new_index + new_len,
            ),
        };
        // The spaces and marks before the change stay equal as far as both
        // sides have them: `Six [-decades-]{+years+}`, `(ISS)[- with…-].`.
        let next_start =
            |words: &[Range<usize>], at: usize, end: usize| words.get(at).map_or(end, |r| r.start);
        let gap_a = &left[at_old..next_start(&old, old_words.start, left.len())];
        let gap_b = &right[at_new..next_start(&new, new_words.start, right.len())];
        let common: usize = gap_a
            .chars()
            .zip(gap_b.chars())
            .take_while(|(a, b)| a == b)
            .map(|(a, _)| a.len_utf8())
            .sum();
        if common > 0 {
            ops.push(Piece::new(OpKind::Equal, &gap_a[..common]));
            (at_old, at_new) = (at_old + common, at_new + common);
        }
        if let Some(last) = old_words.clone().last() {
            ops.push(Piece::new(OpKind::Delete, &left[at_old..old[last].end]));
            at_old = old[last].end;
        }
        if let Some(last) = new_words.clone().last() {
            ops.push(Piece::new(OpKind::Insert, &right[at_new..new[last].end]));
            at_new = new[last].end;
        }
    }
    between(&left[at_old..], &right[at_new..], options, &mut ops);
    Some(tidy(ops))
}

/// Operations for what stands between two kept words (or after the last):
/// equal; a minor change when only whitespace differs, or punctuation
/// while it is ignored; else the marks that changed.
fn between<'a>(a: &'a str, b: &'a str, options: DiffOptions, ops: &mut Vec<Piece<'a>>) {
    if a == b {
        if !a.is_empty() {
            ops.push(Piece::new(OpKind::Equal, a));
        }
        return;
    }
    let squeeze = |text: &str| -> String {
        let mut out = String::new();
        for c in text.chars() {
            if c.is_whitespace() {
                if !out.ends_with(' ') {
                    out.push(' ');
                }
            } else if !options.ignore_case_and_punctuation {
                out.push(c);
            }
        }
        out
    };
    if squeeze(a).trim() == squeeze(b).trim() {
        if !a.is_empty() {
            ops.push(Piece::minor(OpKind::Delete, a));
        }
        if !b.is_empty() {
            ops.push(Piece::minor(OpKind::Insert, b));
        }
        return;
    }
    let (old, new) = (gap_units(a), gap_units(b));
    let old_keys: Vec<&str> = old.iter().map(|u| u.key.as_str()).collect();
    let new_keys: Vec<&str> = new.iter().map(|u| u.key.as_str()).collect();
    let join = |units: &[Unit<'_>]| units.iter().map(|u| u.text).collect::<String>();
    for op in similar::capture_diff_slices(Algorithm::Myers, &old_keys, &new_keys) {
        match op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => ops.extend(changed_but_equal(
                &old[old_index..old_index + len],
                &new[new_index..new_index + len],
            )),
            DiffOp::Delete {
                old_index, old_len, ..
            } => ops.push(Piece::new(
                OpKind::Delete,
                join(&old[old_index..old_index + old_len]),
            )),
            DiffOp::Insert {
                new_index, new_len, ..
            } => ops.push(Piece::new(
                OpKind::Insert,
                join(&new[new_index..new_index + new_len]),
            )),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                ops.push(Piece::new(
                    OpKind::Delete,
                    join(&old[old_index..old_index + old_len]),
                ));
                ops.push(Piece::new(
                    OpKind::Insert,
                    join(&new[new_index..new_index + new_len]),
                ));
            }
        }
    }
}

/// Units equal once case and punctuation are ignored but written
/// differently: minor operations, which rebuild both sides but are not
/// differences.
fn changed_but_equal<'a>(old: &[Unit<'a>], new: &[Unit<'a>]) -> Vec<Piece<'a>> {
    let mut ops = Vec::new();
    for (a, b) in old.iter().zip(new) {
        if a.text == b.text {
            ops.push(Piece::new(OpKind::Equal, a.text));
        } else {
            ops.push(Piece::minor(OpKind::Delete, a.text));
            ops.push(Piece::minor(OpKind::Insert, b.text));
        }
    }
    ops
}

/// The whole left deleted and the whole right inserted: the coarse fallback.
pub fn whole(left: &str, right: &str) -> Vec<Op> {
    let mut ops = Vec::new();
    if !left.is_empty() {
        ops.push(Op::new(OpKind::Delete, left));
    }
    if !right.is_empty() {
        ops.push(Op::new(OpKind::Insert, right));
    }
    ops
}

/// A stretch of operations: unchanged text, or what was deleted and
/// inserted there.
enum Segment {
    Same(String),
    Change {
        deleted: String,
        inserted: String,
        minor: bool,
    },
}

impl Segment {
    fn size(&self) -> usize {
        match self {
            Segment::Same(text) => text.chars().count(),
            Segment::Change {
                deleted, inserted, ..
            } => deleted.chars().count().max(inserted.chars().count()),
        }
    }

    fn is_real_change(&self) -> bool {
        matches!(self, Segment::Change { minor: false, .. })
    }
}

/// How many times longer than an unchanged stretch of content words the
/// changes round it must be for it to be folded into them.
const ABSORB_FACTOR: usize = 2;

/// Whether a stretch holds no word that carries meaning: only function
/// words, spaces and marks.
fn only_function_words(text: &str) -> bool {
    segment::words(text).all(|r| tokens::is_stopword(&tokens::fold(&text[r])))
}

/// Semantic clean-up, as in diff-match-patch: an unchanged stretch of
/// function words no longer than the changes on both sides of it is folded
/// into them, so that `[-are-] to [-beat-]` reads `[-are to beat-]` and a
/// paraphrase is not shredded into fragments around "the" and "to"; a
/// stretch with content words only when the changes are
/// [`ABSORB_FACTOR`] times as long.
fn tidy(ops: Vec<Piece<'_>>) -> Vec<Op> {
    // Runs of equal pieces make one unchanged segment, runs of changed
    // pieces (as minor as each other) one change; each text is built at its
    // final length, not grown word by word.
    let mut segments: Vec<Segment> = Vec::with_capacity(ops.len());
    let mut rest = &ops[..];
    while let Some(first) = rest.first() {
        let belongs = |piece: &Piece<'_>| {
            if first.op == OpKind::Equal {
                piece.op == OpKind::Equal
            } else {
                piece.op != OpKind::Equal && piece.minor == first.minor
            }
        };
        let len = rest.iter().take_while(|&piece| belongs(piece)).count();
        let (run, after) = rest.split_at(len);
        let text = |kind: OpKind| {
            let pieces = run.iter().filter(|piece| piece.op == kind);
            let mut text =
                String::with_capacity(pieces.clone().map(|piece| piece.text.len()).sum());
            pieces.for_each(|piece| text.push_str(&piece.text));
            text
        };
        segments.push(if first.op == OpKind::Equal {
            Segment::Same(text(OpKind::Equal))
        } else {
            Segment::Change {
                deleted: text(OpKind::Delete),
                inserted: text(OpKind::Insert),
                minor: first.minor,
            }
        });
        rest = after;
    }
    let mut k = 1;
    while k + 1 < segments.len() {
        // Function words go when no longer than the changes round them;
        // content words only when the changes are twice as long: a kept
        // word among a few changed ones stays (`{+old, +}grey[-, rusty-]`),
        // a name adrift in a rewritten sentence does not.
        let room = segments[k - 1].size().min(segments[k + 1].size());
        let absorb = match &segments[k] {
            Segment::Same(text) if only_function_words(text) => segments[k].size() <= room,
            Segment::Same(_) => segments[k].size() * ABSORB_FACTOR <= room,
            Segment::Change { .. } => false,
        } && segments[k - 1].is_real_change()
            && segments[k + 1].is_real_change();
        if !absorb {
            k += 1;
            continue;
        }
        let after = segments.remove(k + 1);
        let Segment::Same(same) = segments.remove(k) else {
            unreachable!("checked above")
        };
        if let (
            Segment::Change {
                deleted, inserted, ..
            },
            Segment::Change {
                deleted: d2,
                inserted: i2,
                ..
            },
        ) = (&mut segments[k - 1], after)
        {
            deleted.push_str(&same);
            deleted.push_str(&d2);
            inserted.push_str(&same);
            inserted.push_str(&i2);
        }
        // The grown change may now swallow the stretch before it.
        k = k.saturating_sub(1).max(1);
    }
    let mut out = Vec::with_capacity(segments.len() * 2);
    for segment in segments {
        match segment {
            Segment::Same(text) => out.push(Op::new(OpKind::Equal, text)),
            Segment::Change {
                deleted,
                inserted,
                minor,
            } => {
                if !deleted.is_empty() {
                    out.push(Op {
                        minor,
                        ..Op::new(OpKind::Delete, deleted)
                    });
                }
                if !inserted.is_empty() {
                    out.push(Op {
                        minor,
                        ..Op::new(OpKind::Insert, inserted)
                    });
                }
            }
        }
    }
    out
}

/// One side of a link as shown: its text and the stretches that changed
/// (deleted words on the left, inserted ones on the right).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SideText {
    pub text: String,
    pub changed: Vec<std::ops::Range<usize>>,
    /// Anchors the other side of a cross-language link gives too
    /// ([`Op::anchor`]), never overlapping `changed`.
    pub agreed: Vec<std::ops::Range<usize>>,
}

impl SideText {
    /// The text with each changed stretch bracketed (`[-old-]`, `{+new+}`),
    /// so that nothing depends on colour; the stretches now include the
    /// brackets.
    pub fn with_markers(&self, open: &str, close: &str) -> SideText {
        let mut text = String::with_capacity(
            self.text.len() + self.changed.len() * (open.len() + close.len()),
        );
        let mut changed = Vec::with_capacity(self.changed.len());
        let mut at = 0;
        for range in &self.changed {
            text.push_str(&self.text[at..range.start]);
            let start = text.len();
            text.push_str(open);
            text.push_str(&self.text[range.clone()]);
            text.push_str(close);
            changed.push(start..text.len());
            at = range.end;
        }
        text.push_str(&self.text[at..]);
        // Agreeing anchors move right by the markers put before them.
        let added = open.len() + close.len();
        let agreed = self
            .agreed
            .iter()
            .map(|range| {
                let before = self.changed.partition_point(|c| c.end <= range.start);
                range.start + before * added..range.end + before * added
            })
            .collect();
        SideText {
            text,
            changed,
            agreed,
        }
    }

    /// The marked stretches in order: each range, and whether it changed
    /// (or else agrees).
    pub fn marks(&self) -> Vec<(std::ops::Range<usize>, bool)> {
        let mut marks: Vec<(std::ops::Range<usize>, bool)> = self
            .changed
            .iter()
            .map(|r| (r.clone(), true))
            .chain(self.agreed.iter().map(|r| (r.clone(), false)))
            .collect();
        marks.sort_by_key(|(r, _)| r.start);
        marks
    }
}

/// Splits operations into what each side shows.
pub fn sides(ops: &[Op]) -> (SideText, SideText) {
    let mut left = SideText::default();
    let mut right = SideText::default();
    for op in ops {
        let (target, marked): (Vec<&mut SideText>, bool) = match op.op {
            OpKind::Equal => (vec![&mut left, &mut right], false),
            OpKind::Delete => (vec![&mut left], !op.minor),
            OpKind::Insert => (vec![&mut right], !op.minor),
        };
        for side in target {
            let start = side.text.len();
            side.text.push_str(&op.text);
            // Spaces at the edges of a change are not part of it.
            let trimmed_start = start + (op.text.len() - op.text.trim_start().len());
            let trimmed_end = start + op.text.trim_end().len();
            if marked && trimmed_start < trimmed_end {
                side.changed.push(trimmed_start..trimmed_end);
            } else if op.anchor && trimmed_start < trimmed_end {
                side.agreed.push(trimmed_start..trimmed_end);
            }
        }
    }
    (left, right)
}

/// The left and right texts the operations rebuild.
pub fn rebuild(ops: &[Op]) -> (String, String) {
    let mut left = String::new();
    let mut right = String::new();
    for op in ops {
        match op.op {
            OpKind::Equal => {
                left.push_str(&op.text);
                right.push_str(&op.text);
            }
            OpKind::Delete => left.push_str(&op.text),
            OpKind::Insert => right.push_str(&op.text),
        }
    }
    (left, right)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ops(left: &str, right: &str) -> Vec<Op> {
        diff(left, right, DiffOptions::default(), None).unwrap()
    }

    #[test]
    fn words_change_inside_a_sentence() {
        let found = ops("Six decades after Gagarin.", "Sixty years after Gagarin.");
        assert_eq!(
            found,
            [
                Op::new(OpKind::Delete, "Six decades"),
                Op::new(OpKind::Insert, "Sixty years"),
                Op::new(OpKind::Equal, " after Gagarin."),
            ]
        );
    }

    #[test]
    fn short_equal_words_between_changes_are_folded_in() {
        let found = ops(
            "the Russians are expected to beat Mission Impossible star",
            "the Russians will be able to defeat Mission Impossible star",
        );
        assert_eq!(
            found,
            [
                Op::new(OpKind::Equal, "the Russians "),
                Op::new(OpKind::Delete, "are expected to beat"),
                Op::new(OpKind::Insert, "will be able to defeat"),
                Op::new(OpKind::Equal, " Mission Impossible star"),
            ]
        );
    }

    #[test]
    fn operations_rebuild_both_sides() {
        for (a, b) in [
            ("a b c", "a x c"),
            ("", "new"),
            ("old", ""),
            ("The “quote”, she said.", "The quote she said!"),
            ("a\u{200B}b", "ab"),
        ] {
            let found = ops(a, b);
            assert_eq!(
                rebuild(&found),
                (a.to_owned(), b.to_owned()),
                "{a:?} → {b:?}"
            );
        }
    }

    #[test]
    fn ignoring_case_and_punctuation() {
        let options = DiffOptions {
            ignore_case_and_punctuation: true,
        };
        let found = diff("The Call, it said.", "the call it said", options, None).unwrap();
        assert!(found.iter().all(|o| !o.is_change()), "{found:?}");
        assert_eq!(
            rebuild(&found),
            (
                "The Call, it said.".to_owned(),
                "the call it said".to_owned()
            )
        );
        let real = diff("The Call, it said.", "the film it said", options, None).unwrap();
        let changes: Vec<&str> = real
            .iter()
            .filter(|o| o.is_change())
            .map(|o| o.text.as_str())
            .collect();
        assert_eq!(changes, ["Call", "film"]);
        // Without the option, the same texts differ in case and marks.
        assert!(
            ops("The Call, it said.", "the call it said")
                .iter()
                .any(Op::is_change)
        );
    }

    #[test]
    fn unchanged_words_keep_their_place_when_others_are_reordered() {
        let found = ops(
            "The big, grey, rusty ferry sank.",
            "The big, old, grey ferry sank.",
        );
        let (left, right) = sides(&found);
        let kept = |side: &SideText| -> String {
            let mut text = side.text.clone();
            for range in side.changed.iter().rev() {
                text.replace_range(range.clone(), "");
            }
            text.split_whitespace().collect::<Vec<_>>().join(" ")
        };
        // `grey` is kept on both sides; only `rusty` and `old` change.
        assert_eq!(kept(&left), "The big, grey ferry sank.");
        assert_eq!(kept(&right), "The big, grey ferry sank.");
    }

    #[test]
    fn whitespace_never_differs_and_marks_do_unless_ignored() {
        let found = ops(
            "The harbour reopened\non Monday.",
            "The harbour  reopened on Monday.",
        );
        assert!(found.iter().all(|o| !o.is_change()), "{found:?}");
        assert_eq!(
            rebuild(&found),
            (
                "The harbour reopened\non Monday.".to_owned(),
                "The harbour  reopened on Monday.".to_owned()
            )
        );
        let marks = ops("Officials, however, said so.", "Officials however said so!");
        let changed: Vec<&str> = marks
            .iter()
            .filter(|o| o.is_change())
            .map(|o| o.text.as_str())
            .collect();
        assert_eq!(changed, [",", ",", ".", "!"]);
    }

    #[test]
    fn invisible_characters_make_a_visible_difference() {
        // The cleaned text carries a visible marker for U+200B.
        let found = ops("a⟨U+200B⟩b", "ab");
        assert!(found.iter().any(|o| o.op == OpKind::Delete));
    }
}
