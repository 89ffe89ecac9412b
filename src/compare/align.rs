//! Sentence alignment between two versions of a text.
//!
//! 1. Profiles and candidates: every sentence becomes a bag of weighted
//!    features; an inverted index finds the pairs that share an informative
//!    word or a soft key, and only those pairs are ever scored.
//! 2. Anchors: sentences identical up to case and punctuation, and pairs
//!    joined by a word that occurs once on each side, chained into the
//!    heaviest monotonic sequence.
//! 3. A monotonic dynamic programme with 1-0, 0-1, 1-1, 1-2, 2-1 and 2-2
//!    steps (Gale–Church-style priors on step types and lengths), banded
//!    around the anchor chain.
//! 4. A move pass pairing what is left over when it matches out of order.
//!
//! Every sentence of both sides ends up in exactly one link. The result is
//! computed in a canonical orientation and mirrored, so swapping the sides
//! mirrors the links exactly.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use serde::Serialize;

use super::candidates::Candidates;
use super::sides::{Scored, Sides};
use super::{Budget, Coarse};

/// Pairs less similar than this are better left unpaired.
const MIN_PAIR: f32 = 0.18;
/// Moved sentences must match more clearly than neighbours in order.
const MIN_MOVE: f32 = 0.42;
/// Anchors joined by a once-only word must also be this similar.
const MIN_ANCHOR: f32 = 0.35;
/// Priors on step types, in similarity units (Gale–Church: 1-1 steps are
/// the rule, merges and splits rarer, 2-2 rarer still).
const MERGE_PENALTY: f32 = 0.03;
const DOUBLE_MERGE_PENALTY: f32 = 0.06;
/// Weight of the length prior: |ln(length ratio)| costs this much.
const LENGTH_PRIOR: f32 = 0.04;
/// Gaps between anchors up to this many cells are searched in full; larger
/// ones in a band around their diagonal.
const MAX_FULL_GAP: usize = 40_000;
const BAND: usize = 24;
/// Evidence a reworded sentence needs to be paired out of order, in words
/// found once in each text (see `pair_on_evidence`).
const MOVE_EVIDENCE: f32 = 2.0;
/// Least similarity of a pair made on shared rare words. Below it, two
/// sentences of one story that name the same people and companies are
/// usually different sentences: on the seeds, a sentence on Roscosmos and
/// Elon Musk's Space X (0.19) and one on Space X's plans with NASA.
const MIN_EVIDENCE_SIMILARITY: f32 = 0.25;
/// Pairs at least this similar, each the other's best match, are clear.
const CLEAR_PAIR: f32 = 0.6;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LinkKind {
    Equal,
    Changed,
    Moved,
    Deleted,
    Inserted,
}

impl LinkKind {
    pub fn name(self) -> &'static str {
        match self {
            LinkKind::Equal => "equal",
            LinkKind::Changed => "changed",
            LinkKind::Moved => "moved",
            LinkKind::Deleted => "deleted",
            LinkKind::Inserted => "inserted",
        }
    }
}

/// Sentences of the left side and of the right side that correspond.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    pub left: Vec<usize>,
    pub right: Vec<usize>,
    pub kind: LinkKind,
    /// Similarity of the two sides, 0..=1 (0 for one-sided links).
    pub similarity: f32,
    /// For a link found on the words the sides share rather than on their
    /// similarity (a reworded sentence that moved): how sure the pairing
    /// is, 0..1. `None` for every other link.
    pub confidence: Option<f32>,
}

/// How the sentences were matched.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Method {
    /// By the words they share (one language).
    #[default]
    Lexical,
    /// By names, numbers, dates, cognates and length (two languages; see
    /// [`crate::compare::xling`]).
    CrossLanguage,
}

impl Method {
    pub fn name(self) -> &'static str {
        match self {
            Method::Lexical => "lexical",
            Method::CrossLanguage => "cross-language",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Alignment {
    /// In reading order: by the left side, with inserted sentences where the
    /// right side has them.
    pub links: Vec<Link>,
    /// How much of both texts is paired, weighted by similarity, 0..=1.
    pub similarity: f32,
    /// Set when the time budget ran out and a coarser result was returned.
    pub coarse: Option<Coarse>,
    pub method: Method,
}

impl Alignment {
    /// Links of each kind: equal, changed, moved, deleted, inserted.
    pub fn counts(&self) -> [usize; 5] {
        let mut counts = [0; 5];
        for link in &self.links {
            counts[link.kind as usize] += 1;
        }
        counts
    }

    /// The same alignment seen from the other side.
    pub fn mirrored(mut self) -> Alignment {
        for link in &mut self.links {
            std::mem::swap(&mut link.left, &mut link.right);
            link.kind = match link.kind {
                LinkKind::Deleted => LinkKind::Inserted,
                LinkKind::Inserted => LinkKind::Deleted,
                other => other,
            };
        }
        self.links = order_links(self.links);
        self
    }
}

/// Aligns two lists of sentences.
pub fn align(left: &[&str], right: &[&str], budget: &Budget) -> Alignment {
    // A canonical orientation makes the result exactly mirror-symmetric.
    if left > right {
        return align_oriented(right, left, budget).mirrored();
    }
    align_oriented(left, right, budget)
}

fn align_oriented(left: &[&str], right: &[&str], budget: &Budget) -> Alignment {
    let sides = Sides::new(left, right);
    let candidates = Candidates::build(&sides);
    let mut aligner = Aligner {
        sides: &sides,
        candidates: &candidates,
        reserved_left: vec![false; left.len()],
        reserved_right: vec![false; right.len()],
        small_gaps: Vec::new(),
    };
    let anchors = chain(&aligner.anchors(), |i, j, s| anchor_weight(&sides, i, j, s));
    aligner.small_gaps = small_gaps(&anchors, left.len(), right.len());
    aligner.reserve_moves(&anchors);

    let mut coarse = None;
    let path = if budget.expired() {
        coarse = Some(Coarse::align(
            "the time budget ran out before the alignment; only anchors are paired",
        ));
        anchor_path(&anchors, left.len(), right.len())
    } else {
        match aligner.dynamic_programme(&anchors, budget) {
            Some(path) => path,
            None => {
                coarse = Some(Coarse::align(
                    "the time budget ran out during the alignment; only anchors are paired",
                ));
                anchor_path(&anchors, left.len(), right.len())
            }
        }
    };
    let mut links = path;
    if coarse.is_none() {
        links = aligner.pair_moves(links);
    }
    for link in &mut links {
        link.kind = kind_of(link, left, right);
    }
    let links = order_links(links);
    let paired: f32 = links
        .iter()
        .map(|l| l.similarity * (l.left.len() + l.right.len()) as f32)
        .sum();
    let total = (left.len() + right.len()).max(1) as f32;
    Alignment {
        links,
        similarity: if left.is_empty() && right.is_empty() {
            1.0
        } else {
            paired / total
        },
        coarse,
        method: Method::Lexical,
    }
}

fn kind_of(link: &Link, left: &[&str], right: &[&str]) -> LinkKind {
    match (link.left.is_empty(), link.right.is_empty()) {
        (false, true) => LinkKind::Deleted,
        (true, false) => LinkKind::Inserted,
        _ if link.kind == LinkKind::Moved => LinkKind::Moved,
        _ => {
            let same = link.left.len() == link.right.len()
                && link
                    .left
                    .iter()
                    .zip(&link.right)
                    .all(|(&l, &r)| left[l] == right[r]);
            if same {
                LinkKind::Equal
            } else {
                LinkKind::Changed
            }
        }
    }
}

/// The state of one alignment.
struct Aligner<'a> {
    sides: &'a Sides,
    candidates: &'a Candidates,
    /// Sentences of clear pairs that stand out of order: the programme
    /// leaves them for the move pass rather than pair them with a lookalike.
    reserved_left: Vec<bool>,
    reserved_right: Vec<bool>,
    /// Per left sentence in a small gap between anchors, the right
    /// sentences across the gap: every pair there is scored, candidate or
    /// not.
    small_gaps: Vec<Option<std::ops::Range<usize>>>,
}

impl Aligner<'_> {
    /// Identical sentences, unique on both sides, and pairs joined by a word
    /// that occurs once on each side.
    fn anchors(&self) -> Vec<(usize, usize, f32)> {
        let unique = |side: &[Scored]| -> HashMap<u64, usize> {
            let mut count: HashMap<u64, (usize, usize)> = HashMap::default();
            for (i, scored) in side.iter().enumerate() {
                count.entry(scored.profile.folded_hash).or_insert((0, i)).0 += 1;
            }
            count
                .into_iter()
                .filter(|(_, (c, _))| *c == 1)
                .map(|(h, (_, i))| (h, i))
                .collect()
        };
        let left_unique = unique(&self.sides.left);
        let right_unique = unique(&self.sides.right);
        let mut anchors: Vec<(usize, usize, f32)> = left_unique
            .iter()
            .filter_map(|(hash, &i)| right_unique.get(hash).map(|&j| (i, j)))
            .filter(|&(i, _)| !self.sides.left[i].profile.features.is_empty())
            .map(|(i, j)| (i, j, 1.0))
            .collect();
        for &(i, j) in self.candidates.once_only() {
            if let Some(s) = self.candidates.get(i, j).filter(|&s| s >= MIN_ANCHOR) {
                anchors.push((i, j, s));
            }
        }
        anchors.sort_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)).then(b.2.total_cmp(&a.2)));
        anchors.dedup_by(|a, b| a.0 == b.0 && a.1 == b.1);
        anchors
    }

    /// Reserves the clear pairs (mutual best matches) that the anchor chain
    /// puts out of order: they are moves.
    fn reserve_moves(&mut self, anchors: &[(usize, usize, f32)]) {
        let mut best_left: HashMap<usize, (f32, usize)> = HashMap::default();
        let mut best_right: HashMap<usize, (f32, usize)> = HashMap::default();
        for (i, j, s) in self.candidates.iter() {
            let better = |current: Option<&(f32, usize)>, other: usize| {
                current.is_none_or(|&(t, o)| s > t || (s == t && other < o))
            };
            if better(best_left.get(&i), j) {
                best_left.insert(i, (s, j));
            }
            if better(best_right.get(&j), i) {
                best_right.insert(j, (s, i));
            }
        }
        let chained: HashSet<(usize, usize)> = anchors.iter().map(|&(i, j, _)| (i, j)).collect();
        // Anchors sorted by left: the right index of the anchor before and
        // after each left position, found by binary search.
        for (&i, &(s, j)) in &best_left {
            if s < CLEAR_PAIR
                || best_right.get(&j).is_none_or(|&(_, back)| back != i)
                || chained.contains(&(i, j))
            {
                continue;
            }
            let at = anchors.partition_point(|a| a.0 < i);
            let before = anchors[..at].iter().map(|a| a.1).max();
            let after = anchors[at..].iter().find(|a| a.0 > i).map(|a| a.1);
            let fits = before.is_none_or(|b| b < j) && after.is_none_or(|a| a > j);
            if !fits {
                self.reserved_left[i] = true;
                self.reserved_right[j] = true;
            }
        }
    }

    /// The score of linking left sentences `i0..i0+di` with right
    /// `j0..j0+dj`, or `None` when that link is not worth making.
    fn step_score(&self, i0: usize, di: usize, j0: usize, dj: usize) -> Option<f32> {
        if self.reserved_left[i0..i0 + di].contains(&true)
            || self.reserved_right[j0..j0 + dj].contains(&true)
        {
            return None;
        }
        let sides = self.sides;
        let component = |a: usize, b: usize| self.pair_score(a, b);
        let (a, b, penalty) = match (di, dj) {
            (1, 1) => {
                let s = component(i0, j0)?;
                let prior = length_prior(&sides.left[i0], &sides.right[j0]);
                return (s >= MIN_PAIR).then_some(s - MIN_PAIR - prior);
            }
            (1, 2) => {
                component(i0, j0)?;
                component(i0, j0 + 1)?;
                (&sides.left[i0], sides.right_pair(j0), MERGE_PENALTY)
            }
            (2, 1) => {
                component(i0, j0)?;
                component(i0 + 1, j0)?;
                (sides.left_pair(i0), &sides.right[j0], MERGE_PENALTY)
            }
            (2, 2) => {
                let found = [(i0, j0), (i0, j0 + 1), (i0 + 1, j0), (i0 + 1, j0 + 1)]
                    .iter()
                    .filter(|&&(a, b)| component(a, b).is_some())
                    .count();
                if found < 3 {
                    return None;
                }
                (
                    sides.left_pair(i0),
                    sides.right_pair(j0),
                    DOUBLE_MERGE_PENALTY,
                )
            }
            _ => return None,
        };
        let s = sides.similarity(a, b);
        (s >= MIN_PAIR).then(|| s - MIN_PAIR - penalty - length_prior(a, b))
    }

    /// The similarity of left `a` and right `b`: from the candidates, or,
    /// in a small gap between anchors, computed (the candidate index skips
    /// the commonest words, and a sentence made of them would otherwise be
    /// left unpaired between two equal neighbours).
    fn pair_score(&self, a: usize, b: usize) -> Option<f32> {
        self.candidates.get(a, b).or_else(|| {
            let across = self.small_gaps.get(a)?.as_ref()?;
            across.contains(&b).then(|| {
                self.sides
                    .similarity(&self.sides.left[a], &self.sides.right[b])
            })
        })
    }

    /// The best monotonic path through the band; `None` when the budget ran
    /// out.
    fn dynamic_programme(
        &self,
        anchors: &[(usize, usize, f32)],
        budget: &Budget,
    ) -> Option<Vec<Link>> {
        let (n, m) = (self.sides.left.len(), self.sides.right.len());
        let band = Band::around(anchors, n, m);
        const STEPS: [(usize, usize); 6] = [(1, 1), (1, 2), (2, 1), (2, 2), (1, 0), (0, 1)];
        const NONE: u8 = u8::MAX;
        // Per row, the score and the step taken into each cell of the band.
        let mut score: Vec<Vec<f32>> = Vec::with_capacity(n + 1);
        let mut step: Vec<Vec<u8>> = Vec::with_capacity(n + 1);
        for i in 0..=n {
            if i % 64 == 0 && budget.expired() {
                return None;
            }
            let (lo, hi) = band.rows[i];
            let mut row_score = vec![f32::NEG_INFINITY; hi - lo + 1];
            let mut row_step = vec![NONE; hi - lo + 1];
            for j in lo..=hi {
                if i == 0 && j == 0 {
                    row_score[0] = 0.0;
                    continue;
                }
                let mut best = f32::NEG_INFINITY;
                let mut best_step = NONE;
                for (k, &(di, dj)) in STEPS.iter().enumerate() {
                    if di > i || dj > j {
                        continue;
                    }
                    let (pi, pj) = (i - di, j - dj);
                    let Some(previous) = cell(&score, &band, pi, pj, i, &row_score, lo) else {
                        continue;
                    };
                    if previous == f32::NEG_INFINITY {
                        continue;
                    }
                    let gain = if di == 0 || dj == 0 {
                        0.0
                    } else {
                        match self.step_score(pi, di, pj, dj) {
                            Some(g) => g,
                            None => continue,
                        }
                    };
                    // Strictly better only: ties keep the earlier step kind.
                    if previous + gain > best {
                        best = previous + gain;
                        best_step = k as u8;
                    }
                }
                row_score[j - lo] = best;
                row_step[j - lo] = best_step;
            }
            score.push(row_score);
            step.push(row_step);
        }
        let mut links = Vec::new();
        let (mut i, mut j) = (n, m);
        while i > 0 || j > 0 {
            let (lo, _) = band.rows[i];
            let (di, dj) = STEPS[usize::from(step[i][j - lo])];
            let (pi, pj) = (i - di, j - dj);
            let left: Vec<usize> = (pi..i).collect();
            let right: Vec<usize> = (pj..j).collect();
            let similarity = if di > 0 && dj > 0 {
                self.link_similarity(&left, &right)
            } else {
                0.0
            };
            links.push(Link {
                left,
                right,
                kind: LinkKind::Changed,
                similarity,
                confidence: None,
            });
            (i, j) = (pi, pj);
        }
        links.reverse();
        Some(links)
    }

    fn link_similarity(&self, left: &[usize], right: &[usize]) -> f32 {
        if let ([l], [r]) = (left, right)
            && let Some(s) = self.pair_score(*l, *r)
        {
            return s;
        }
        let sides = self.sides;
        let a = sides.left_span(left);
        let b = sides.right_span(right);
        sides.similarity(&a, &b)
    }

    /// Pairs sentences left unpaired that match out of order, then lets a
    /// moved link take in an unpaired neighbour that completes it.
    fn pair_moves(&self, links: Vec<Link>) -> Vec<Link> {
        let lonely_left: HashSet<usize> = links
            .iter()
            .filter(|l| l.right.is_empty())
            .flat_map(|l| l.left.iter().copied())
            .collect();
        let lonely_right: HashSet<usize> = links
            .iter()
            .filter(|l| l.left.is_empty())
            .flat_map(|l| l.right.iter().copied())
            .collect();
        if lonely_left.is_empty() || lonely_right.is_empty() {
            return links;
        }
        let mut pairs: Vec<(f32, usize, usize)> = self
            .candidates
            .iter()
            .filter(|&(i, j, s)| {
                s >= MIN_MOVE && lonely_left.contains(&i) && lonely_right.contains(&j)
            })
            .map(|(i, j, s)| (s, i, j))
            .collect();
        // Best first; ties in a fixed order.
        pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then((a.1, a.2).cmp(&(b.1, b.2))));
        let mut used_left = HashSet::default();
        let mut used_right = HashSet::default();
        let mut moved = take_pairs(
            pairs.into_iter().map(|(s, i, j)| (i, j, s, None)),
            &mut used_left,
            &mut used_right,
        );
        // Then reworded sentences, on the rare words they share.
        moved.extend(self.pair_on_evidence(
            &lonely_left,
            &lonely_right,
            &mut used_left,
            &mut used_right,
        ));
        // A moved sentence that was split or merged on the way.
        for link in &mut moved {
            self.absorb_neighbour(
                link,
                &lonely_left,
                &lonely_right,
                &mut used_left,
                &mut used_right,
            );
        }
        let mut kept: Vec<Link> = links
            .into_iter()
            .filter_map(|mut l| {
                if l.left.is_empty() || l.right.is_empty() {
                    l.left.retain(|i| !used_left.contains(i));
                    l.right.retain(|j| !used_right.contains(j));
                    if l.left.is_empty() && l.right.is_empty() {
                        return None;
                    }
                }
                Some(l)
            })
            .collect();
        let ordered = InOrder::new(&kept);
        for mut link in moved {
            if ordered.fits(&link) {
                link.kind = LinkKind::Changed;
            }
            kept.push(link);
        }
        kept
    }

    /// Pairs sentences still unpaired that share rare words (names,
    /// numbers, content words found once in each text), each the other's
    /// best: a paraphrase keeps its names and figures while its similarity
    /// falls below [`MIN_MOVE`].
    ///
    /// The evidence is counted in once-only words: a shared word weighs its
    /// inverse document frequency over both texts, divided by how many
    /// sentences hold it on each side, over the weight of a word found once
    /// in each. The similarity counts too, linearly from 0 at [`MIN_PAIR`]
    /// to [`MOVE_EVIDENCE`] at [`MIN_MOVE`], where a move needs no more
    /// evidence; a pair at least [`MIN_EVIDENCE_SIMILARITY`] alike is taken
    /// at a strength of `MOVE_EVIDENCE`. Its confidence is
    /// `strength / (strength + MOVE_EVIDENCE)`: 0.5 where it was only just
    /// taken, 0.75 at three times that.
    fn pair_on_evidence(
        &self,
        lonely_left: &HashSet<usize>,
        lonely_right: &HashSet<usize>,
        used_left: &mut HashSet<usize>,
        used_right: &mut HashSet<usize>,
    ) -> Vec<Link> {
        let sides = self.sides;
        let sentences = (sides.left.len() + sides.right.len()).max(1) as f32;
        let once_only = (1.0 + sentences / 2.0).ln();
        let (in_left, in_right) = (
            frequency(&sides.left, sides.key_count),
            frequency(&sides.right, sides.key_count),
        );
        let strength = |i: usize, j: usize, s: f32| -> f32 {
            let right = &sides.right[j].profile.features;
            let shared: f32 = sides.left[i]
                .profile
                .features
                .iter()
                .filter(|f| !sides.is_stopword(**f) && right.binary_search(f).is_ok())
                .map(|f| {
                    let spread = in_left[*f as usize].max(1) * in_right[*f as usize].max(1);
                    sides.weights.of(*f) / spread as f32
                })
                .sum();
            shared / once_only + MOVE_EVIDENCE * (s - MIN_PAIR) / (MIN_MOVE - MIN_PAIR)
        };
        let mut scored: Vec<(f32, f32, usize, usize)> = self
            .candidates
            .iter()
            .filter(|&(i, j, s)| {
                s >= MIN_EVIDENCE_SIMILARITY
                    && lonely_left.contains(&i)
                    && lonely_right.contains(&j)
                    && !used_left.contains(&i)
                    && !used_right.contains(&j)
            })
            .map(|(i, j, s)| (strength(i, j, s), s, i, j))
            .filter(|&(strength, ..)| strength >= MOVE_EVIDENCE)
            .collect();
        // Strongest first; a pair is taken only when each is the other's
        // strongest. Ties in a fixed order.
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then((a.2, a.3).cmp(&(b.2, b.3))));
        let mut best_left: HashMap<usize, f32> = HashMap::default();
        let mut best_right: HashMap<usize, f32> = HashMap::default();
        for &(strength, _, i, j) in &scored {
            best_left.entry(i).or_insert(strength);
            best_right.entry(j).or_insert(strength);
        }
        let mutual = scored
            .into_iter()
            .filter(|&(strength, _, i, j)| best_left[&i] <= strength && best_right[&j] <= strength)
            .map(|(strength, s, i, j)| (i, j, s, Some(strength / (strength + MOVE_EVIDENCE))));
        take_pairs(mutual, used_left, used_right)
    }

    fn absorb_neighbour(
        &self,
        link: &mut Link,
        lonely_left: &HashSet<usize>,
        lonely_right: &HashSet<usize>,
        used_left: &mut HashSet<usize>,
        used_right: &mut HashSet<usize>,
    ) {
        let (i, j) = (link.left[0], link.right[0]);
        let mut options: Vec<(Vec<usize>, Vec<usize>)> = Vec::new();
        for r in [j.wrapping_sub(1), j + 1] {
            if lonely_right.contains(&r) && !used_right.contains(&r) {
                options.push((vec![i], vec![j.min(r), j.max(r)]));
            }
        }
        for l in [i.wrapping_sub(1), i + 1] {
            if lonely_left.contains(&l) && !used_left.contains(&l) {
                options.push((vec![i.min(l), i.max(l)], vec![j]));
            }
        }
        let mut best = (link.similarity + MERGE_PENALTY, None);
        for (left, right) in options {
            let s = self.link_similarity(&left, &right);
            if s > best.0 {
                best = (s, Some((left, right)));
            }
        }
        if let (s, Some((left, right))) = best {
            used_left.extend(left.iter().copied());
            used_right.extend(right.iter().copied());
            link.left = left;
            link.right = right;
            link.similarity = s;
        }
    }
}

/// Moved links for `(left, right, similarity, confidence)` pairs, taken in
/// the order given (best first), each sentence at most once: a pair whose
/// left or right sentence is used already is passed over.
fn take_pairs(
    pairs: impl IntoIterator<Item = (usize, usize, f32, Option<f32>)>,
    used_left: &mut HashSet<usize>,
    used_right: &mut HashSet<usize>,
) -> Vec<Link> {
    let mut links = Vec::new();
    for (i, j, similarity, confidence) in pairs {
        if used_left.contains(&i) || used_right.contains(&j) {
            continue;
        }
        used_left.insert(i);
        used_right.insert(j);
        links.push(Link {
            left: vec![i],
            right: vec![j],
            kind: LinkKind::Moved,
            similarity,
            confidence,
        });
    }
    links
}

/// How many sentences of a side hold each feature.
fn frequency(side: &[Scored], key_count: usize) -> Vec<u32> {
    let mut count = vec![0u32; key_count];
    for scored in side {
        for &f in &scored.profile.features {
            count[f as usize] += 1;
        }
    }
    count
}

/// The in-order links (both sides, not moved), to tell whether a link found
/// later fits between them.
pub(crate) struct InOrder {
    /// (first left, last right, first right) sorted by first left.
    links: Vec<(usize, usize, usize)>,
    /// Running maximum of the last right index, by position in `links`.
    max_right: Vec<usize>,
}

impl InOrder {
    pub(crate) fn new(links: &[Link]) -> InOrder {
        let mut ordered: Vec<(usize, usize, usize)> = links
            .iter()
            .filter(|k| !k.left.is_empty() && !k.right.is_empty() && k.kind != LinkKind::Moved)
            .map(|k| (k.left[0], k.right[k.right.len() - 1], k.right[0]))
            .collect();
        ordered.sort_unstable();
        let mut running = 0;
        let max_right = ordered
            .iter()
            .map(|&(_, last, _)| {
                running = running.max(last);
                running
            })
            .collect();
        InOrder {
            links: ordered,
            max_right,
        }
    }

    pub(crate) fn fits(&self, link: &Link) -> bool {
        let (l, r) = (link.left[0], link.right[0]);
        let at = self.links.partition_point(|k| k.0 < l);
        let before = at.checked_sub(1).map(|k| self.max_right[k]);
        let after = self.links[at..].iter().find(|k| k.0 > l).map(|k| k.2);
        before.is_none_or(|b| b < r) && after.is_none_or(|a| a > r)
    }
}

fn length_prior(a: &Scored, b: &Scored) -> f32 {
    let ratio = (a.profile.chars as f32 + 10.0) / (b.profile.chars as f32 + 10.0);
    LENGTH_PRIOR * ratio.ln().abs()
}

/// Most cells (left × right sentences) of a gap between anchors whose
/// pairs are all scored: up to 8 × 8.
const SMALL_GAP_CELLS: usize = 64;

/// The gaps between consecutive anchors (and the ends) small enough to
/// score in full: per left sentence in one, the right sentences across.
fn small_gaps(
    anchors: &[(usize, usize, f32)],
    n: usize,
    m: usize,
) -> Vec<Option<std::ops::Range<usize>>> {
    let mut gaps = vec![None; n];
    let mut corners: Vec<(usize, usize)> = Vec::with_capacity(anchors.len() + 2);
    corners.push((0, 0));
    corners.extend(anchors.iter().map(|&(i, j, _)| (i + 1, j + 1)));
    corners.push((n + 1, m + 1));
    for pair in corners.windows(2) {
        // From just after one anchor to just before the next.
        let (i0, j0) = pair[0];
        let (i1, j1) = (pair[1].0 - 1, pair[1].1 - 1);
        if i1 > i0 && j1 > j0 && (i1 - i0) * (j1 - j0) <= SMALL_GAP_CELLS {
            for gap in &mut gaps[i0..i1] {
                *gap = Some(j0..j1);
            }
        }
    }
    gaps
}

/// The score of cell (pi, pj), from a finished row or the row being built.
fn cell(
    score: &[Vec<f32>],
    band: &Band,
    pi: usize,
    pj: usize,
    i: usize,
    row: &[f32],
    row_lo: usize,
) -> Option<f32> {
    if pi == i {
        return (pj >= row_lo)
            .then(|| row.get(pj - row_lo).copied())
            .flatten();
    }
    let (lo, hi) = band.rows[pi];
    (lo..=hi).contains(&pj).then(|| score[pi][pj - lo])
}

/// The cells the programme may visit: per row, an interval of columns that
/// follows the anchor chain.
struct Band {
    rows: Vec<(usize, usize)>,
}

impl Band {
    fn around(anchors: &[(usize, usize, f32)], n: usize, m: usize) -> Band {
        let mut rows = vec![(usize::MAX, 0usize); n + 1];
        let mut widen = |i: usize, lo: usize, hi: usize| {
            let row = &mut rows[i.min(n)];
            row.0 = row.0.min(lo.min(m));
            row.1 = row.1.max(hi.min(m));
        };
        // Corners: the start, each anchor, the end (as DP coordinates).
        let mut points = vec![(0usize, 0usize)];
        points.extend(anchors.iter().map(|&(i, j, _)| (i, j)));
        points.push((n, m));
        for pair in points.windows(2) {
            let (i0, j0) = pair[0];
            let (i1, j1) = (pair[1].0 + 1, pair[1].1 + 1);
            let (i1, j1) = (i1.min(n), j1.min(m));
            let (gi, gj) = (i1.saturating_sub(i0), j1.saturating_sub(j0));
            if gi.saturating_mul(gj) <= MAX_FULL_GAP {
                for i in i0..=i1 {
                    widen(i, j0.saturating_sub(2), j1 + 2);
                }
            } else {
                for i in i0..=i1 {
                    let centre = j0 + (i - i0) * gj / gi.max(1);
                    widen(i, centre.saturating_sub(BAND), centre + BAND);
                }
            }
        }
        // Make the band a connected staircase from (0, 0) to (n, m).
        rows[0].0 = 0;
        rows[n].1 = m;
        for i in 0..=n {
            if rows[i].0 == usize::MAX {
                rows[i] = if i > 0 { rows[i - 1] } else { (0, 0) };
            }
        }
        for i in 1..=n {
            rows[i].1 = rows[i].1.max(rows[i - 1].1);
        }
        for i in (0..n).rev() {
            rows[i].0 = rows[i].0.min(rows[i + 1].0);
        }
        for i in 1..=n {
            rows[i].0 = rows[i].0.min(rows[i - 1].1);
        }
        Band { rows }
    }
}

/// How far a sentence's relative position may move its anchor's weight
/// down: an anchor at opposite ends of the two texts weighs half as much.
const DISPLACEMENT_DISCOUNT: f32 = 0.5;

/// What keeping anchor `i`–`j` (of similarity `s`) in order is worth: the
/// text it keeps in place, in characters, times its similarity, discounted
/// by how far it sits from where its relative position in the document
/// would put it. The heaviest chain then leaves out (calls moved) the
/// least text, and of chains keeping as much text, the one that keeps
/// sentences where they were: a lede swapped with the last paragraph moves
/// those two, not the middle (the "fewest and least text" reading of a
/// move, as in `diff --patience`-style longest-common-subsequence choices,
/// weighted by size).
fn anchor_weight(sides: &Sides, i: usize, j: usize, s: f32) -> f32 {
    let (n, m) = (sides.left.len().max(1), sides.right.len().max(1));
    let displacement = (i as f32 / n as f32 - j as f32 / m as f32).abs();
    let size = (sides.left[i].profile.chars + sides.right[j].profile.chars) as f32 / 2.0;
    s * size.max(1.0) * (1.0 - DISPLACEMENT_DISCOUNT * displacement)
}

/// The heaviest chain of anchors increasing on both sides, by `weight` of
/// each anchor (left, right, similarity).
fn chain(
    anchors: &[(usize, usize, f32)],
    weight: impl Fn(usize, usize, f32) -> f32,
) -> Vec<(usize, usize, f32)> {
    if anchors.is_empty() {
        return Vec::new();
    }
    // Sorted by left ascending; for one left, right descending, so that two
    // anchors of the same left sentence never chain.
    let mut order: Vec<usize> = (0..anchors.len()).collect();
    order.sort_by(|&a, &b| {
        anchors[a]
            .0
            .cmp(&anchors[b].0)
            .then(anchors[b].1.cmp(&anchors[a].1))
    });
    let max_j = anchors.iter().map(|a| a.1).max().unwrap_or(0) + 2;
    // Fenwick tree over right positions: best (score, anchor) ending at or
    // below a position.
    let mut tree: Vec<(f32, usize)> = vec![(0.0, usize::MAX); max_j + 1];
    let mut best_before = vec![usize::MAX; anchors.len()];
    let mut total = vec![0.0f32; anchors.len()];
    for &a in &order {
        let (i, j, s) = anchors[a];
        let s = weight(i, j, s);
        let mut position = j; // strictly below j + 1
        let mut best = (0.0f32, usize::MAX);
        while position > 0 {
            if tree[position].0 > best.0 {
                best = tree[position];
            }
            position &= position - 1;
        }
        total[a] = best.0 + s;
        best_before[a] = best.1;
        let mut position = j + 1;
        while position <= max_j {
            if total[a] > tree[position].0 {
                tree[position] = (total[a], a);
            }
            position += position & position.wrapping_neg();
        }
    }
    let mut end = (0..anchors.len()).max_by(|&a, &b| total[a].total_cmp(&total[b]).then(b.cmp(&a)));
    let mut chained = Vec::new();
    while let Some(a) = end.filter(|&a| a != usize::MAX) {
        chained.push(anchors[a]);
        end = Some(best_before[a]);
    }
    chained.reverse();
    chained
}

/// The links of a coarse result: anchors paired, the rest one-sided.
pub(crate) fn anchor_path(anchors: &[(usize, usize, f32)], n: usize, m: usize) -> Vec<Link> {
    let mut links = Vec::new();
    let (mut i, mut j) = (0, 0);
    let lonely = |links: &mut Vec<Link>, left: Vec<usize>, right: Vec<usize>| {
        for l in left {
            links.push(Link {
                left: vec![l],
                right: vec![],
                kind: LinkKind::Deleted,
                similarity: 0.0,
                confidence: None,
            });
        }
        for r in right {
            links.push(Link {
                left: vec![],
                right: vec![r],
                kind: LinkKind::Inserted,
                similarity: 0.0,
                confidence: None,
            });
        }
    };
    for &(ai, aj, s) in anchors {
        lonely(&mut links, (i..ai).collect(), (j..aj).collect());
        links.push(Link {
            left: vec![ai],
            right: vec![aj],
            kind: LinkKind::Changed,
            similarity: s,
            confidence: None,
        });
        (i, j) = (ai + 1, aj + 1);
    }
    lonely(&mut links, (i..n).collect(), (j..m).collect());
    links
}

/// Reading order: by the left side; a right-only link goes after the link
/// that holds the right sentence before it.
pub(crate) fn order_links(links: Vec<Link>) -> Vec<Link> {
    let mut with_left = Vec::with_capacity(links.len());
    let mut only_right = Vec::new();
    for link in links {
        if link.left.is_empty() {
            only_right.push(link);
        } else {
            with_left.push(link);
        }
    }
    with_left.sort_by_key(|l| l.left[0]);
    let mut out: Vec<Link> = Vec::with_capacity(with_left.len() + only_right.len());
    only_right.sort_by_key(|l| l.right[0]);
    let mut pending = only_right.into_iter().peekable();
    for link in with_left {
        // Right-only links whose sentence comes before this link's right side.
        if let Some(&first_right) = link.right.first().filter(|_| link.kind != LinkKind::Moved) {
            while pending.peek().is_some_and(|p| p.right[0] < first_right) {
                out.push(pending.next().expect("peeked"));
            }
        }
        out.push(link);
    }
    out.extend(pending);
    out
}
