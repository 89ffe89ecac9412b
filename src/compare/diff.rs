//! Word operations inside one link, by similar's Patience diff with a
//! deadline. The operations always rebuild both sides exactly: equal and
//! delete texts give the left, equal and insert texts the right.

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
}

impl Op {
    fn new(op: OpKind, text: impl Into<String>) -> Op {
        Op {
            op,
            text: text.into(),
            minor: false,
        }
    }

    fn minor(op: OpKind, text: impl Into<String>) -> Op {
        Op {
            minor: true,
            ..Op::new(op, text)
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

/// A piece of text and what it is compared by.
struct Unit<'a> {
    text: &'a str,
    key: String,
}

/// Words, whitespace runs and single punctuation marks, covering the text.
fn units(text: &str, options: DiffOptions) -> Vec<Unit<'_>> {
    let mut out = Vec::new();
    let mut at = 0;
    let words: Vec<_> = segment::words(text).collect();
    if options.ignore_case_and_punctuation {
        // A word with the spaces and punctuation after it, compared by the
        // folded word alone.
        if let Some(first) = words.first()
            && first.start > 0
        {
            out.push(Unit {
                text: &text[..first.start],
                key: String::new(),
            });
        }
        for (k, range) in words.iter().enumerate() {
            let end = words.get(k + 1).map_or(text.len(), |next| next.start);
            out.push(Unit {
                text: &text[range.start..end],
                key: tokens::fold(&text[range.clone()]).into_owned(),
            });
        }
        if words.is_empty() && !text.is_empty() {
            out.push(Unit {
                text,
                key: String::new(),
            });
        }
        return out;
    }
    for range in words {
        gap_units(&text[at..range.start], &mut out);
        let word = &text[range.clone()];
        out.push(Unit {
            text: word,
            key: word.to_owned(),
        });
        at = range.end;
    }
    gap_units(&text[at..], &mut out);
    out
}

/// Splits what lies between words into whitespace runs and single marks.
fn gap_units<'a>(gap: &'a str, out: &mut Vec<Unit<'a>>) {
    let mut rest = gap;
    while let Some(c) = rest.chars().next() {
        let len = if c.is_whitespace() {
            rest.find(|x: char| !x.is_whitespace())
                .unwrap_or(rest.len())
        } else {
            clean::marker_len(rest, 0).unwrap_or(c.len_utf8())
        };
        out.push(Unit {
            text: &rest[..len],
            key: rest[..len].to_owned(),
        });
        rest = &rest[len..];
    }
}

/// The word operations that turn `left` into `right`. Returns `None` when
/// the deadline passed before the diff was done.
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
            vec![Op::new(OpKind::Equal, left)]
        });
    }
    if left.is_empty() || right.is_empty() {
        return Some(whole(left, right));
    }
    let old = units(left, options);
    let new = units(right, options);
    let old_keys: Vec<&str> = old.iter().map(|u| u.key.as_str()).collect();
    let new_keys: Vec<&str> = new.iter().map(|u| u.key.as_str()).collect();
    let found = capture_diff_slices_deadline(Algorithm::Patience, &old_keys, &new_keys, deadline);
    if deadline.is_some_and(|d| Instant::now() > d) {
        return None;
    }
    let join = |units: &[Unit<'_>]| units.iter().map(|u| u.text).collect::<String>();
    let mut ops = Vec::new();
    for op in found {
        match op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => {
                // Equal by key; with case ignored the texts may still differ.
                let a = join(&old[old_index..old_index + len]);
                let b = join(&new[new_index..new_index + len]);
                if a == b {
                    ops.push(Op::new(OpKind::Equal, a));
                } else {
                    ops.extend(changed_but_equal(
                        &old[old_index..old_index + len],
                        &new[new_index..new_index + len],
                    ));
                }
            }
            DiffOp::Delete {
                old_index, old_len, ..
            } => {
                ops.push(Op::new(
                    OpKind::Delete,
                    join(&old[old_index..old_index + old_len]),
                ));
            }
            DiffOp::Insert {
                new_index, new_len, ..
            } => {
                ops.push(Op::new(
                    OpKind::Insert,
                    join(&new[new_index..new_index + new_len]),
                ));
            }
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                ops.push(Op::new(
                    OpKind::Delete,
                    join(&old[old_index..old_index + old_len]),
                ));
                ops.push(Op::new(
                    OpKind::Insert,
                    join(&new[new_index..new_index + new_len]),
                ));
            }
        }
    }
    Some(tidy(ops))
}

/// Units equal once case and punctuation are ignored but written
/// differently: minor operations, which rebuild both sides but are not
/// differences.
fn changed_but_equal(old: &[Unit<'_>], new: &[Unit<'_>]) -> Vec<Op> {
    let mut ops = Vec::new();
    for (a, b) in old.iter().zip(new) {
        if a.text == b.text {
            ops.push(Op::new(OpKind::Equal, a.text));
        } else {
            ops.push(Op::minor(OpKind::Delete, a.text));
            ops.push(Op::minor(OpKind::Insert, b.text));
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

/// Semantic clean-up, as in diff-match-patch: an unchanged stretch no longer
/// than the changes on both sides of it is folded into them, so that
/// `[-are-] to [-beat-]` reads `[-are to beat-]` and a paraphrase is not
/// shredded into fragments around "the" and "to".
fn tidy(ops: Vec<Op>) -> Vec<Op> {
    let mut segments: Vec<Segment> = Vec::with_capacity(ops.len());
    for op in ops {
        match (segments.last_mut(), op.op) {
            (Some(Segment::Same(text)), OpKind::Equal) => text.push_str(&op.text),
            (_, OpKind::Equal) => segments.push(Segment::Same(op.text)),
            (
                Some(Segment::Change {
                    deleted,
                    inserted,
                    minor,
                }),
                kind,
            ) if *minor == op.minor => {
                if kind == OpKind::Delete {
                    deleted
                } else {
                    inserted
                }
                .push_str(&op.text);
            }
            (_, kind) => {
                let (deleted, inserted) = if kind == OpKind::Delete {
                    (op.text, String::new())
                } else {
                    (String::new(), op.text)
                };
                segments.push(Segment::Change {
                    deleted,
                    inserted,
                    minor: op.minor,
                });
            }
        }
    }
    let mut k = 1;
    while k + 1 < segments.len() {
        let absorb = matches!(segments[k], Segment::Same(_))
            && segments[k - 1].is_real_change()
            && segments[k + 1].is_real_change()
            && segments[k].size() <= segments[k - 1].size().min(segments[k + 1].size());
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
                        op: OpKind::Delete,
                        text: deleted,
                        minor,
                    });
                }
                if !inserted.is_empty() {
                    out.push(Op {
                        op: OpKind::Insert,
                        text: inserted,
                        minor,
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
        SideText { text, changed }
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
        assert_eq!(changes, ["Call, ", "film "]);
        // Without the option, the same texts differ in case and marks.
        assert!(
            ops("The Call, it said.", "the call it said")
                .iter()
                .any(Op::is_change)
        );
    }

    #[test]
    fn invisible_characters_make_a_visible_difference() {
        // The cleaned text carries a visible marker for U+200B.
        let found = ops("a⟨U+200B⟩b", "ab");
        assert!(found.iter().any(|o| o.op == OpKind::Delete));
    }
}
