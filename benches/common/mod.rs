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
