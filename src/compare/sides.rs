//! Both sides of a comparison, ready to score: sentence profiles, the
//! profiles of consecutive pairs (for 1-2 and 2-1 links), feature weights,
//! and every profile's total weight.

use rustc_hash::FxHashSet as HashSet;

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

/// A profile with its total weight.
pub struct Scored {
    pub profile: Profile,
    pub total: f32,
}

pub struct Sides {
    pub left: Vec<Scored>,
    pub right: Vec<Scored>,
    /// Sentence i and i+1 together.
    pub left_pairs: Vec<Scored>,
    pub right_pairs: Vec<Scored>,
    pub weights: Weights,
    pub stopwords: HashSet<u32>,
    /// How many distinct features and soft keys there are: ids are below.
    pub key_count: usize,
}

impl Sides {
    pub fn new(left: &[&str], right: &[&str]) -> Sides {
        let mut profiler = Profiler::default();
        let left: Vec<Profile> = left.iter().map(|s| profiler.profile(s)).collect();
        let right: Vec<Profile> = right.iter().map(|s| profiler.profile(s)).collect();
        let interner = &mut profiler.interner;
        let stopwords: HashSet<u32> = STOPWORD_PROBE.iter().map(|w| interner.id(w)).collect();
        let stop_list: Vec<u32> = stopwords.iter().copied().collect();
        let weights = Weights::new(left.iter().chain(&right), interner, &stop_list);
        let scored = |profiles: Vec<Profile>| -> Vec<Scored> {
            profiles
                .into_iter()
                .map(|profile| Scored {
                    total: weights.total(&profile),
                    profile,
                })
                .collect()
        };
        let pairs = |profiles: &[Profile]| -> Vec<Profile> {
            profiles
                .windows(2)
                .map(|w| similarity::merge(&w[0], &w[1]))
                .collect()
        };
        let (left_pairs, right_pairs) = (pairs(&left), pairs(&right));
        Sides {
            left_pairs: scored(left_pairs),
            right_pairs: scored(right_pairs),
            left: scored(left),
            right: scored(right),
            weights,
            stopwords,
            key_count: interner.len(),
        }
    }

    pub fn similarity(&self, a: &Scored, b: &Scored) -> f32 {
        similarity::similarity_with_totals(&a.profile, a.total, &b.profile, b.total, &self.weights)
    }

    /// Informative features and soft keys of a profile, with their weights.
    pub fn keys<'a>(&'a self, scored: &'a Scored) -> impl Iterator<Item = (u32, f32)> + 'a {
        let profile = &scored.profile;
        profile
            .features
            .iter()
            .filter(|f| !self.stopwords.contains(f))
            .map(|&f| (f, self.weights.of(f)))
            .chain(
                profile
                    .soft
                    .iter()
                    .map(|&(key, f)| (key, 0.5 * self.weights.of(f))),
            )
    }

    /// The profile of some consecutive sentences of one side.
    pub fn span<'a>(
        &'a self,
        side: &'a [Scored],
        pairs: &'a [Scored],
        indices: &[usize],
    ) -> std::borrow::Cow<'a, Scored> {
        match indices {
            [one] => std::borrow::Cow::Borrowed(&side[*one]),
            [first, second] if *second == first + 1 => std::borrow::Cow::Borrowed(&pairs[*first]),
            _ => {
                let profile = indices.iter().fold(Profile::default(), |acc, &k| {
                    similarity::merge(&acc, &side[k].profile)
                });
                std::borrow::Cow::Owned(Scored {
                    total: self.weights.total(&profile),
                    profile,
                })
            }
        }
    }
}

impl Clone for Scored {
    fn clone(&self) -> Scored {
        Scored {
            profile: self.profile.clone(),
            total: self.total,
        }
    }
}
