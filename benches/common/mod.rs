//! Deterministic synthetic text shared by the benchmarks: news-like prose
//! with abbreviations, numbers and quotes, at any size.

#![allow(dead_code)]

/// A small, fast, deterministic generator (xorshift64*).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const WORDS: &[&str] = &[
    "the",
    "a",
    "of",
    "to",
    "in",
    "and",
    "said",
    "space",
    "film",
    "Russia",
    "actress",
    "director",
    "station",
    "orbit",
    "crew",
    "mission",
    "launch",
    "rocket",
    "first",
    "days",
    "budget",
    "agency",
    "Moscow",
    "Washington",
    "project",
    "cosmonaut",
    "training",
    "U.S.",
    "Oct.",
    "Dr.",
    "3,000",
    "12",
    "36-year-old",
    "Roscosmos",
    "NASA",
    "would",
    "which",
    "has",
    "been",
    "announced",
];

/// One sentence of 6–25 words; some are quoted speech.
pub fn sentence(rng: &mut Rng) -> String {
    let n = 6 + rng.below(20);
    let mut words: Vec<&str> = (0..n).map(|_| WORDS[rng.below(WORDS.len())]).collect();
    if words[n - 1].ends_with('.') {
        words[n - 1] = "today";
    }
    let mut s = words.join(" ");
    let first = s[..1].to_uppercase();
    s.replace_range(..1, &first);
    match rng.below(10) {
        0 => format!("\"{s},\" she told AFP."),
        1 => format!("{s}?"),
        _ => format!("{s}."),
    }
}

/// Prose of about `bytes` bytes: paragraphs of 1–5 sentences.
pub fn prose(bytes: usize, seed: u64) -> String {
    let mut rng = Rng::new(seed);
    let mut out = String::with_capacity(bytes + 256);
    while out.len() < bytes {
        let sentences = 1 + rng.below(5);
        let paragraph: Vec<String> = (0..sentences).map(|_| sentence(&mut rng)).collect();
        out.push_str(&paragraph.join(" "));
        out.push_str("\n\n");
    }
    out
}

/// A text of `lines` lines, one short paragraph each, no blank lines.
pub fn lines(lines: usize, seed: u64) -> String {
    let mut rng = Rng::new(seed);
    let mut out = String::new();
    for _ in 0..lines {
        out.push_str(&sentence(&mut rng));
        out.push('\n');
    }
    out
}

/// Function words, drawn often.
const FUNCTION: &[&str] = &[
    "the", "a", "of", "to", "in", "and", "that", "for", "on", "with", "as", "was", "is", "by",
    "at", "from", "his", "her", "it", "which", "had", "has", "been", "were", "would", "their",
    "an", "not", "but", "they", "this", "be", "are", "or", "who", "after", "its", "said",
];

/// A Zipf-distributed vocabulary of invented content words, as in real text:
/// a few frequent, most rare.
pub struct Vocabulary {
    words: Vec<String>,
    cumulative: Vec<f64>,
}

impl Vocabulary {
    pub fn new(size: usize, seed: u64) -> Vocabulary {
        const SYLLABLES: &[&str] = &[
            "ka", "ro", "mi", "sen", "tal", "vor", "pe", "lin", "dra", "go", "nis", "ur", "bel",
            "ost", "fa", "qui", "zen", "mar", "tri", "ova",
        ];
        let mut rng = Rng::new(seed);
        let mut words = Vec::with_capacity(size);
        let mut seen = std::collections::HashSet::new();
        while words.len() < size {
            let n = 2 + rng.below(3);
            let mut word: String = (0..n)
                .map(|_| SYLLABLES[rng.below(SYLLABLES.len())])
                .collect();
            if rng.below(8) == 0 {
                word[..1].make_ascii_uppercase();
            }
            if seen.insert(word.clone()) {
                words.push(word);
            }
        }
        let mut total = 0.0;
        let cumulative = (1..=size)
            .map(|rank| {
                total += 1.0 / rank as f64;
                total
            })
            .collect();
        Vocabulary { words, cumulative }
    }

    pub fn word(&self, rng: &mut Rng) -> &str {
        let total = *self.cumulative.last().unwrap();
        let x = (rng.next() >> 11) as f64 / (1u64 << 53) as f64 * total;
        let rank = self
            .cumulative
            .partition_point(|&c| c < x)
            .min(self.words.len() - 1);
        &self.words[rank]
    }
}

/// A news-like document as paragraphs of sentences, about `words` words.
pub fn document(words: usize, vocabulary: &Vocabulary, seed: u64) -> Vec<Vec<String>> {
    let mut rng = Rng::new(seed);
    let mut paragraphs = Vec::new();
    let mut count = 0;
    while count < words {
        let sentences = 1 + rng.below(4);
        let mut paragraph = Vec::new();
        for _ in 0..sentences {
            let n = 8 + rng.below(22);
            let sentence: Vec<String> = (0..n)
                .map(|_| {
                    if rng.below(10) < 4 {
                        FUNCTION[rng.below(FUNCTION.len())].to_owned()
                    } else {
                        vocabulary.word(&mut rng).to_owned()
                    }
                })
                .collect();
            count += n;
            paragraph.push(capitalise(&sentence.join(" ")) + ".");
        }
        paragraphs.push(paragraph);
    }
    paragraphs
}

fn capitalise(text: &str) -> String {
    let mut out = text.to_owned();
    if let Some(first) = out.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    out
}

/// A version with a word changed in one sentence in fifty.
pub fn near_identical(
    document: &[Vec<String>],
    vocabulary: &Vocabulary,
    seed: u64,
) -> Vec<Vec<String>> {
    let mut rng = Rng::new(seed);
    document
        .iter()
        .map(|p| {
            p.iter()
                .map(|s| {
                    if rng.below(50) == 0 {
                        let mut words: Vec<String> = s.split(' ').map(str::to_owned).collect();
                        let k = 1 + rng.below(words.len() - 1);
                        words[k] = vocabulary.word(&mut rng).to_owned();
                        words.join(" ")
                    } else {
                        s.clone()
                    }
                })
                .collect()
        })
        .collect()
}

/// A paraphrase-like version: a fifth of the sentences reworded, some split
/// or merged, one paragraph in twenty moved.
pub fn paraphrased(
    document: &[Vec<String>],
    vocabulary: &Vocabulary,
    seed: u64,
) -> Vec<Vec<String>> {
    let mut rng = Rng::new(seed);
    let mut paragraphs: Vec<Vec<String>> = Vec::with_capacity(document.len());
    for paragraph in document {
        let mut out: Vec<String> = Vec::new();
        let mut k = 0;
        while k < paragraph.len() {
            let sentence = &paragraph[k];
            let roll = rng.below(100);
            if roll < 20 {
                // Reworded: a third of the words replaced, two swapped.
                let mut words: Vec<String> = sentence
                    .trim_end_matches('.')
                    .split(' ')
                    .map(str::to_owned)
                    .collect();
                for w in words.iter_mut().skip(1) {
                    if rng.below(3) == 0 {
                        *w = vocabulary.word(&mut rng).to_owned();
                    }
                }
                let a = rng.below(words.len());
                let b = rng.below(words.len());
                words.swap(a, b);
                out.push(capitalise(&words.join(" ")) + ".");
            } else if roll < 23 {
                // Split in two.
                let words: Vec<&str> = sentence.trim_end_matches('.').split(' ').collect();
                let cut = words.len() / 2;
                out.push(capitalise(&words[..cut].join(" ")) + ".");
                out.push(capitalise(&words[cut..].join(" ")) + ".");
            } else if roll < 26 && k + 1 < paragraph.len() {
                // Merged with the next.
                out.push(format!(
                    "{} {}",
                    sentence.trim_end_matches('.'),
                    paragraph[k + 1].to_lowercase()
                ));
                k += 1;
            } else {
                out.push(sentence.clone());
            }
            k += 1;
        }
        paragraphs.push(out);
    }
    // One paragraph in twenty moves elsewhere.
    let moves = paragraphs.len() / 20;
    for _ in 0..moves {
        let from = rng.below(paragraphs.len());
        let paragraph = paragraphs.remove(from);
        let to = rng.below(paragraphs.len() + 1);
        paragraphs.insert(to, paragraph);
    }
    paragraphs
}

/// The sentences of a document, in order.
pub fn sentences(document: &[Vec<String>]) -> Vec<&str> {
    document.iter().flatten().map(String::as_str).collect()
}

/// A corpus for story grouping: `articles` texts of about `words` words,
/// in stories of 1 to 19 versions (10 on average). Each story has its own
/// words and shares a topic with others; versions replace a fifth of the
/// words and drop some sentences. Returns the texts, one sentence a line,
/// and each text's story.
pub fn story_corpus(articles: usize, words: usize, seed: u64) -> (Vec<String>, Vec<usize>) {
    story_corpus_of(articles, words, seed, |rng| 1 + rng.below(19))
}

/// [`story_corpus`] where one story in ten has 100 versions: the large
/// stories a newsroom sees in a day must stay whole.
pub fn story_corpus_with_large(
    articles: usize,
    words: usize,
    seed: u64,
) -> (Vec<String>, Vec<usize>) {
    story_corpus_of(articles, words, seed, |rng| {
        if rng.below(10) == 0 {
            100
        } else {
            1 + rng.below(19)
        }
    })
}

/// [`story_corpus`] with the number of versions of each story drawn by
/// `versions`.
pub fn story_corpus_of(
    articles: usize,
    words: usize,
    seed: u64,
    versions: impl Fn(&mut Rng) -> usize,
) -> (Vec<String>, Vec<usize>) {
    let mut rng = Rng::new(seed);
    let vocabulary = Vocabulary::new(50_000, seed ^ 0x5eed);
    let topics: Vec<Vec<String>> = (0..100)
        .map(|_| {
            (0..200)
                .map(|_| vocabulary.word(&mut rng).to_owned())
                .collect()
        })
        .collect();
    let mut texts = Vec::with_capacity(articles);
    let mut stories = Vec::with_capacity(articles);
    let mut story = 0;
    while texts.len() < articles {
        let topic = &topics[rng.below(topics.len())];
        let own: Vec<String> = (0..300)
            .map(|_| vocabulary.word(&mut rng).to_owned())
            .collect();
        let pick = |rng: &mut Rng| -> String {
            match rng.below(100) {
                0..35 => FUNCTION[rng.below(FUNCTION.len())].to_owned(),
                35..55 => vocabulary.word(rng).to_owned(),
                55..70 => topic[rng.below(topic.len())].clone(),
                _ => own[rng.below(own.len())].clone(),
            }
        };
        let mut original: Vec<Vec<String>> = Vec::new();
        let mut count = 0;
        while count < words {
            let n = 8 + rng.below(22);
            original.push((0..n).map(|_| pick(&mut rng)).collect());
            count += n;
        }
        let versions = versions(&mut rng);
        for v in 0..versions.min(articles - texts.len()) {
            let mut text = String::new();
            for sentence in &original {
                if v > 0 && rng.below(100) < 15 {
                    continue;
                }
                let words: Vec<String> = sentence
                    .iter()
                    .map(|w| {
                        if v > 0 && rng.below(100) < 20 {
                            pick(&mut rng)
                        } else {
                            w.clone()
                        }
                    })
                    .collect();
                text.push_str(&capitalise(&words.join(" ")));
                text.push_str(".\n");
            }
            texts.push(text);
            stories.push(story);
        }
        story += 1;
    }
    (texts, stories)
}

/// Groups texts (one sentence a line) into stories the way the app does:
/// fingerprints, LSH candidates, verification, and sentence alignment for
/// the pairs the fingerprints cannot judge.
pub fn group_stories(texts: &[String]) -> Vec<Vec<usize>> {
    use spacefilm::compare::stories::{
        Fingerprint, SAME_STORY_ALIGNMENT, Shingler, group_fingerprints,
    };
    use spacefilm::compare::{Budget, align};
    let mut shingler = Shingler::default();
    let fingerprints = Fingerprint::of_corpus(
        texts
            .iter()
            .map(|t| shingler.text(t.lines().map(str::split_ascii_whitespace)))
            .collect(),
    );
    let budget = Budget::new(std::time::Duration::from_secs(1));
    group_fingerprints(&fingerprints, |i, j| {
        let a: Vec<&str> = texts[i].lines().collect();
        let b: Vec<&str> = texts[j].lines().collect();
        align(&a, &b, &budget).similarity >= SAME_STORY_ALIGNMENT
    })
}
