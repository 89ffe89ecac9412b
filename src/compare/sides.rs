//! Both sides of a comparison, ready to score: sentence profiles, the
//! profiles of consecutive pairs (for 1-2 and 2-1 links), feature weights,
//! and every profile's total weight.

use std::borrow::Cow;
use std::cell::OnceCell;
use std::rc::Rc;

use rustc_hash::FxHashMap as HashMap;

use super::similarity::{self, Profile, Profiler, Weights};

/// Function words whose ids are looked up to weigh them down.
const STOPWORD_PROBE: &[&str] = &[
    "a", "about", "after", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be",
    "been", "but", "by", "can", "could", "did", "do", "for", "from", "had", "has", "have", "he",
    "her", "his", "i", "if", "in", "into", "is", "it", "its", "more", "most", "no", "not", "of",
    "on", "one", "or", "our", "she", "so", "some", "than", "that", "the", "their", "them", "then",
    "there", "these", "they", "this", "those", "to", "up", "was", "we", "were", "what", "when",
    "which", "while", "who", "will", "with", "would", "you",
];

/// A profile with its total weight. Sentences with the same text share one
/// profile.
#[derive(Clone)]
pub struct Scored {
    pub profile: Rc<Profile>,
    pub total: f32,
}

pub struct Sides {
    pub left: Vec<Scored>,
    pub right: Vec<Scored>,
    /// Sentence i and i+1 together, merged when first asked for: the
    /// alignment asks for few of them.
    left_pairs: Vec<OnceCell<Scored>>,
    right_pairs: Vec<OnceCell<Scored>>,
    pub weights: Weights,
    /// Per feature id, whether it is a function word ([`STOPWORD_PROBE`]):
    /// looked up for every feature of every sentence, so a table, not a set.
    stopwords: Vec<bool>,
    /// How many distinct features and soft keys there are: ids are below.
    pub key_count: usize,
}

impl Sides {
    pub fn new(left: &[&str], right: &[&str]) -> Sides {
        // Room for the distinct words by Heaps' law, M = k·T^b with
        // 30 ≤ k ≤ 100 and b ≈ 0.5 (Manning, Raghavan and Schütze,
        // "Introduction to Information Retrieval", 5.1.1), k = 40, and a
        // word for every six bytes: 19k for the 100k-word pair, which has
        // 15.7k.
        let bytes: usize = left.iter().chain(right).map(|s| s.len()).sum();
        let mut profiler = Profiler::with_capacity(40 * (bytes / 6).isqrt());
        // Versions of a story repeat most of their sentences word for word:
        // a sentence seen before takes the profile already made.
        let mut seen: HashMap<&str, usize> = HashMap::default();
        let mut profiles: Vec<Rc<Profile>> = Vec::with_capacity(left.len() + right.len());
        for sentence in left.iter().chain(right) {
            let profile = match seen.get(sentence) {
                Some(&earlier) => Rc::clone(&profiles[earlier]),
                None => {
                    seen.insert(sentence, profiles.len());
                    Rc::new(profiler.profile(sentence))
                }
            };
            profiles.push(profile);
        }
        let right = profiles.split_off(left.len());
        let left = profiles;
        let interner = &mut profiler.interner;
        let stop_list: Vec<u32> = STOPWORD_PROBE.iter().map(|w| interner.id(w)).collect();
        let mut stopwords = vec![false; interner.len()];
        for &id in &stop_list {
            stopwords[id as usize] = true;
        }
        let weights = Weights::new(
            left.iter().chain(&right).map(|profile| &**profile),
            interner,
            &stop_list,
        );
        let scored = |profiles: Vec<Rc<Profile>>| -> Vec<Scored> {
            profiles
                .into_iter()
                .map(|profile| Scored {
                    total: weights.total(&profile),
                    profile,
                })
                .collect()
        };
        let pairs = |profiles: &[Rc<Profile>]| -> Vec<OnceCell<Scored>> {
            (1..profiles.len()).map(|_| OnceCell::new()).collect()
        };
        Sides {
            left_pairs: pairs(&left),
            right_pairs: pairs(&right),
            left: scored(left),
            right: scored(right),
            weights,
            stopwords,
            key_count: interner.len(),
        }
    }

    pub fn similarity(&self, a: &Scored, b: &Scored) -> f32 {
        // One text on both sides: one profile, equal to itself.
        if Rc::ptr_eq(&a.profile, &b.profile) {
            return 1.0;
        }
        similarity::similarity_with_totals(&a.profile, a.total, &b.profile, b.total, &self.weights)
    }

    /// Whether a feature id is a function word's.
    pub fn is_stopword(&self, feature: u32) -> bool {
        self.stopwords[feature as usize]
    }

    /// Informative features and soft keys of a profile, with their weights.
    pub fn keys<'a>(&'a self, scored: &'a Scored) -> impl Iterator<Item = (u32, f32)> + 'a {
        let profile = &scored.profile;
        profile
            .features
            .iter()
            .filter(|&&f| !self.is_stopword(f))
            .map(|&f| (f, self.weights.of(f)))
            .chain(
                profile
                    .soft
                    .iter()
                    .map(|&(key, f)| (key, 0.5 * self.weights.of(f))),
            )
    }

    /// Left sentences `i` and `i + 1` together.
    pub fn left_pair(&self, i: usize) -> &Scored {
        self.pair(&self.left, &self.left_pairs, i)
    }

    /// Right sentences `j` and `j + 1` together.
    pub fn right_pair(&self, j: usize) -> &Scored {
        self.pair(&self.right, &self.right_pairs, j)
    }

    fn pair<'a>(&self, side: &[Scored], pairs: &'a [OnceCell<Scored>], i: usize) -> &'a Scored {
        pairs[i].get_or_init(|| {
            let profile = similarity::merge(&side[i].profile, &side[i + 1].profile);
            Scored {
                total: self.weights.total(&profile),
                profile: Rc::new(profile),
            }
        })
    }

    /// The profile of some consecutive left sentences.
    pub fn left_span(&self, indices: &[usize]) -> Cow<'_, Scored> {
        self.span(&self.left, &self.left_pairs, indices)
    }

    /// The profile of some consecutive right sentences.
    pub fn right_span(&self, indices: &[usize]) -> Cow<'_, Scored> {
        self.span(&self.right, &self.right_pairs, indices)
    }

    fn span<'a>(
        &'a self,
        side: &'a [Scored],
        pairs: &'a [OnceCell<Scored>],
        indices: &[usize],
    ) -> Cow<'a, Scored> {
        match indices {
            [one] => Cow::Borrowed(&side[*one]),
            [first, second] if *second == first + 1 => {
                Cow::Borrowed(self.pair(side, pairs, *first))
            }
            _ => {
                let profile = indices.iter().fold(Profile::default(), |acc, &k| {
                    similarity::merge(&acc, &side[k].profile)
                });
                Cow::Owned(Scored {
                    total: self.weights.total(&profile),
                    profile: Rc::new(profile),
                })
            }
        }
    }
}
