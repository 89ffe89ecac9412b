//! The pairs of sentences worth scoring. An inverted index over informative
//! features and soft keys estimates how much each pair shares; each
//! sentence keeps its best few partners (in both directions), plus every
//! sentence equal to it up to case and punctuation, plus the pairs joined by
//! a word found once on each side. Only these pairs get a similarity, so the
//! cost grows with the text, not with its square.

use rustc_hash::FxHashMap as HashMap;

use super::sides::{Scored, Sides};

/// Partners kept per sentence, in each direction.
const BEST_PARTNERS: usize = 10;
/// Keys in more sentences than this (or than √N) propose no pairs; they
/// still count in the similarity.
const MAX_KEY_SENTENCES: usize = 48;

/// Similarities of the pairs worth scoring, per left sentence, sorted by the
/// right sentence.
pub struct Candidates {
    by_left: Vec<Vec<(u32, f32)>>,
    /// [`once_only_words`], kept: the anchors start from them too.
    once_only: Vec<(usize, usize)>,
}

impl Candidates {
    pub fn get(&self, i: usize, j: usize) -> Option<f32> {
        let list = self.by_left.get(i)?;
        list.binary_search_by_key(&(j as u32), |&(r, _)| r)
            .ok()
            .map(|k| list[k].1)
    }

    /// Every candidate pair, as (left, right, similarity).
    pub fn iter(&self) -> impl Iterator<Item = (usize, usize, f32)> + '_ {
        self.by_left
            .iter()
            .enumerate()
            .flat_map(|(i, list)| list.iter().map(move |&(j, s)| (i, j as usize, s)))
    }

    pub fn build(sides: &Sides) -> Candidates {
        let n = sides.left.len() + sides.right.len();
        let max_sentences = MAX_KEY_SENTENCES.max((n as f64).sqrt() as usize);
        let mut wanted: Vec<Vec<u32>> = vec![Vec::new(); sides.left.len()];
        for (i, j) in same_text(&sides.left, &sides.right, max_sentences) {
            wanted[i].push(j as u32);
        }
        // A sentence found unchanged, once on each side, needs no other
        // partner: the search skips it, which makes near-identical texts
        // cheap.
        let (settled_left, settled_right) = unique_copies(&sides.left, &sides.right);
        let (left_keys, right_keys) = (
            SideKeys::new(sides, &sides.left, &settled_left),
            SideKeys::new(sides, &sides.right, &settled_right),
        );
        for (i, j) in best_partners(
            &left_keys,
            &right_keys,
            max_sentences,
            &settled_left,
            &settled_right,
        ) {
            wanted[i].push(j as u32);
        }
        for (j, i) in best_partners(
            &right_keys,
            &left_keys,
            max_sentences,
            &settled_right,
            &settled_left,
        ) {
            wanted[i].push(j as u32);
        }
        let once_only = once_only_words(sides);
        for &(i, j) in &once_only {
            wanted[i].push(j as u32);
        }
        let by_left = wanted
            .into_iter()
            .enumerate()
            .map(|(i, mut list)| {
                list.sort_unstable();
                list.dedup();
                list.into_iter()
                    .map(|j| {
                        (
                            j,
                            sides.similarity(&sides.left[i], &sides.right[j as usize]),
                        )
                    })
                    .filter(|&(_, s)| s > 0.0)
                    .collect()
            })
            .collect();
        Candidates { by_left, once_only }
    }

    /// The pairs joined by a word found once on each side
    /// ([`once_only_words`]), sorted.
    pub fn once_only(&self) -> &[(usize, usize)] {
        &self.once_only
    }
}

/// Sentences that occur once on each side, unchanged up to case and
/// punctuation: per sentence of each side, whether it is one.
fn unique_copies(left: &[Scored], right: &[Scored]) -> (Vec<bool>, Vec<bool>) {
    let count = |side: &[Scored]| -> HashMap<u64, (usize, usize)> {
        let mut count: HashMap<u64, (usize, usize)> = HashMap::default();
        for (i, scored) in side.iter().enumerate() {
            count.entry(scored.profile.folded_hash).or_insert((0, i)).0 += 1;
        }
        count
    };
    let (l, r) = (count(left), count(right));
    let mut settled_left = vec![false; left.len()];
    let mut settled_right = vec![false; right.len()];
    for (hash, &(n, i)) in &l {
        if n == 1
            && let Some(&(1, j)) = r.get(hash)
        {
            settled_left[i] = true;
            settled_right[j] = true;
        }
    }
    (settled_left, settled_right)
}

/// The informative keys ([`Sides::keys`]) of every sentence of one side,
/// listed once: the search in both directions walks them several times.
/// Settled sentences ([`unique_copies`]) are counted but not listed: the
/// search skips them.
struct SideKeys {
    /// Sentence k's keys are `keys[starts[k]..starts[k + 1]]` (none for a
    /// settled sentence).
    starts: Vec<u32>,
    keys: Vec<(u32, f32)>,
    /// Per key, how often the side's sentences hold it (a soft key may
    /// come twice in one sentence).
    occurrences: Vec<u32>,
}

impl SideKeys {
    fn new(sides: &Sides, side: &[Scored], settled: &[bool]) -> SideKeys {
        let mut starts = Vec::with_capacity(side.len() + 1);
        let most = side
            .iter()
            .zip(settled)
            .filter(|&(_, &settled)| !settled)
            .map(|(s, _)| s.profile.features.len() + s.profile.soft.len())
            .sum();
        let mut keys = Vec::with_capacity(most);
        let mut occurrences = vec![0u32; sides.key_count];
        starts.push(0);
        for (scored, &settled) in side.iter().zip(settled) {
            for (key, weight) in sides.keys(scored) {
                if !settled {
                    keys.push((key, weight));
                }
                occurrences[key as usize] += 1;
            }
            starts.push(keys.len() as u32);
        }
        SideKeys {
            starts,
            keys,
            occurrences,
        }
    }

    fn len(&self) -> usize {
        self.starts.len() - 1
    }

    fn of(&self, sentence: usize) -> &[(u32, f32)] {
        &self.keys[self.starts[sentence] as usize..self.starts[sentence + 1] as usize]
    }
}

/// For each sentence of `from`, the sentences of `to` that share the most
/// informative weight with it. Settled sentences neither look nor are found.
fn best_partners(
    from: &SideKeys,
    to: &SideKeys,
    max_sentences: usize,
    settled_from: &[bool],
    settled_to: &[bool],
) -> Vec<(usize, usize)> {
    // An inverted index from keys to the sentences of `to`, in one flat
    // array with offsets.
    let key_count = to.occurrences.len();
    let mut starts = vec![0u32; key_count + 1];
    for j in (0..to.len()).filter(|&j| !settled_to[j]) {
        for &(key, _) in to.of(j) {
            starts[key as usize + 1] += 1;
        }
    }
    for k in 1..starts.len() {
        starts[k] += starts[k - 1];
    }
    let mut fill = starts.clone();
    let mut postings = vec![0u32; *starts.last().unwrap_or(&0) as usize];
    for j in (0..to.len()).filter(|&j| !settled_to[j]) {
        for &(key, _) in to.of(j) {
            postings[fill[key as usize] as usize] = j as u32;
            fill[key as usize] += 1;
        }
    }
    let mut shared = vec![0.0f32; to.len()];
    let mut touched: Vec<u32> = Vec::new();
    let mut pairs = Vec::new();
    for i in (0..from.len()).filter(|&i| !settled_from[i]) {
        for &(key, weight) in from.of(i) {
            let list = &postings[starts[key as usize] as usize..starts[key as usize + 1] as usize];
            if list.len() > max_sentences || from.occurrences[key as usize] as usize > max_sentences
            {
                continue;
            }
            for &j in list {
                if shared[j as usize] == 0.0 {
                    touched.push(j);
                }
                shared[j as usize] += weight;
            }
        }
        if touched.len() > BEST_PARTNERS {
            touched.select_nth_unstable_by(BEST_PARTNERS, |&a, &b| {
                shared[b as usize]
                    .total_cmp(&shared[a as usize])
                    .then(a.cmp(&b))
            });
        }
        pairs.extend(touched.iter().take(BEST_PARTNERS).map(|&j| (i, j as usize)));
        for &j in &touched {
            shared[j as usize] = 0.0;
        }
        touched.clear();
    }
    pairs
}

/// Pairs equal up to case and punctuation, even those holding nothing but
/// function words ("It is."). Many copies of a sentence pair with the
/// nearest copies.
fn same_text(left: &[Scored], right: &[Scored], max_sentences: usize) -> Vec<(usize, usize)> {
    let mut by_hash: HashMap<u64, Vec<usize>> = HashMap::default();
    for (j, scored) in right.iter().enumerate() {
        by_hash
            .entry(scored.profile.folded_hash)
            .or_default()
            .push(j);
    }
    let mut pairs = Vec::new();
    for (i, scored) in left.iter().enumerate() {
        if let Some(list) = by_hash.get(&scored.profile.folded_hash) {
            let start = list
                .partition_point(|&j| j < i)
                .saturating_sub(max_sentences / 2);
            pairs.extend(list[start..].iter().take(max_sentences).map(|&j| (i, j)));
        }
    }
    pairs
}

/// Pairs joined by an informative word that occurs in exactly one sentence
/// of each side, sorted.
fn once_only_words(sides: &Sides) -> Vec<(usize, usize)> {
    // Per feature id: in how many sentences of a side (0, 1 or more), and
    // the first. Dense tables: every feature of every sentence is counted.
    const MANY: u32 = 2;
    let once = |side: &[Scored]| -> Vec<(u32, u32)> {
        let mut seen = vec![(0u32, 0u32); sides.key_count];
        for (i, scored) in side.iter().enumerate() {
            for &f in &scored.profile.features {
                let entry = &mut seen[f as usize];
                if entry.0 == 0 {
                    *entry = (1, i as u32);
                } else {
                    entry.0 = MANY;
                }
            }
        }
        seen
    };
    let left = once(&sides.left);
    let right = once(&sides.right);
    let mut pairs: Vec<(usize, usize)> = left
        .iter()
        .zip(&right)
        .enumerate()
        .filter(|&(f, (l, r))| l.0 == 1 && r.0 == 1 && !sides.is_stopword(f as u32))
        .map(|(_, (l, r))| (l.1 as usize, r.1 as usize))
        .collect();
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}
