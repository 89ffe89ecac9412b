//! Words reduced for comparison, so that paraphrase and republication noise
//! does not hide a match: case, curly quotes, contractions, number formats,
//! light stemming, and a transliteration key for names spelt differently.

use std::borrow::Cow;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Lower case, straight apostrophes, no accents or other combining marks.
pub fn fold(word: &str) -> Cow<'_, str> {
    if word
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    {
        return Cow::Borrowed(word);
    }
    // ASCII has nothing to decompose: lower case and the backtick suffice.
    if word.is_ascii() {
        return Cow::Owned(
            word.bytes()
                .map(|b| {
                    if b == b'`' {
                        '\''
                    } else {
                        char::from(b.to_ascii_lowercase())
                    }
                })
                .collect(),
        );
    }
    let mut out = String::with_capacity(word.len());
    // Decomposed, so that `í` and `i` meet: accents are dropped.
    for c in word.nfd() {
        match c {
            '’' | '‘' | '`' | 'ʼ' => out.push('\''),
            c if is_combining_mark(c) => {}
            c => out.extend(c.to_lowercase()),
        }
    }
    Cow::Owned(out)
}

/// Splits English contractions of a folded word: `isn't` → (`is`, `not`),
/// `i'm` → (`i`, `am`), `russia's` → (`russia`, none).
pub fn split_contraction(word: &str) -> (&str, Option<&'static str>) {
    const ENDINGS: &[(&str, Option<&str>)] = &[
        ("n't", Some("not")),
        ("'m", Some("am")),
        ("'re", Some("are")),
        ("'ve", Some("have")),
        ("'ll", Some("will")),
        ("'d", Some("would")),
        ("'s", None),
        ("'", None),
    ];
    for (ending, expansion) in ENDINGS {
        if let Some(stem) = word.strip_suffix(ending)
            && !stem.is_empty()
        {
            // "can't" → "ca" + not: restore the base.
            let stem = match (stem, *ending) {
                ("ca", "n't") => "can",
                ("wo", "n't") => "will",
                _ => stem,
            };
            return (stem, *expansion);
        }
    }
    (word, None)
}

/// English function words: they count for little when comparing sentences.
pub fn is_stopword(word: &str) -> bool {
    // No stopword is longer than this: most content words need no lookup.
    word.len() <= LONGEST_STOPWORD && stopwords().contains(word)
}

const LONGEST_STOPWORD: usize = 10;

/// The stopwords in a hash set: this test runs on every word of a corpus.
fn stopwords() -> &'static rustc_hash::FxHashSet<&'static str> {
    static SET: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>> =
        std::sync::OnceLock::new();
    SET.get_or_init(|| STOPWORDS.iter().copied().collect())
}

/// Sorted, so that a test can check that each is listed once.
const STOPWORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "even",
    "ever",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "may",
    "me",
    "might",
    "more",
    "most",
    "must",
    "my",
    "myself",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "same",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "through",
    "thus",
    "to",
    "too",
    "under",
    "until",
    "up",
    "upon",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "would",
    "yet",
    "you",
    "your",
    "yours",
];

/// Light stemming: plural and verbal endings of English words, so that
/// `launches`, `launched` and `launching` meet. Short words and words that
/// look like names or numbers are left alone.
pub fn stem(word: &str) -> &str {
    if word.len() <= 3 || !word.bytes().all(|b| b.is_ascii_lowercase()) {
        return word;
    }
    for (suffix, min_stem) in [
        ("ingly", 3),
        ("edly", 3),
        ("ings", 3),
        ("ing", 3),
        ("ies", 2),
        ("ied", 2),
        ("es", 3),
        ("ed", 3),
        ("ly", 4),
        ("s", 3),
    ] {
        if let Some(stem) = word.strip_suffix(suffix)
            && stem.len() >= min_stem
            && !(suffix == "s"
                && (stem.ends_with('s') || stem.ends_with('u') || stem.ends_with('i')))
        {
            return stem;
        }
    }
    word
}

/// The value of a number written in digits (`3,000`, `3.5`, `12`) or as a
/// small number word (`twelve`). Used to make `12 days` meet `twelve days`.
pub fn number_value(word: &str) -> Option<f64> {
    if word.bytes().next().is_some_and(|b| b.is_ascii_digit()) {
        let digits: String = word.chars().filter(|&c| c != ',').collect();
        return digits.parse().ok();
    }
    NUMBER_WORDS
        .iter()
        .position(|w| *w == word)
        .map(|n| n as f64)
        .or_else(|| {
            TENS.iter()
                .position(|w| *w == word)
                .map(|n| (n as f64 + 2.0) * 10.0)
        })
}

const NUMBER_WORDS: &[&str] = &[
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];

const TENS: &[&str] = &[
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// A key that names spelt through different transliterations share:
/// `Peresild`/`Peressild`, `Shipenko`/`Chipenko`, `Rogozin`/`Rogozine`,
/// `Yulia`/`Julia`, `Kalachev`/`Kalatchev`. Consonants only, after folding
/// the usual English, French and German renderings of the same sounds.
pub fn translit_key(word: &str) -> String {
    let folded = fold(word);
    let mut s: String = folded.chars().filter(|c| c.is_alphabetic()).collect();
    // Which ASCII letters the word holds, so that a rule whose letters are
    // not all there costs no substring search (most rules, most words).
    let letters = |s: &str| -> u128 {
        s.bytes()
            .filter(u8::is_ascii)
            .fold(0, |set, b| set | 1u128 << b)
    };
    let mut present = letters(&s);
    for (from, to) in TRANSLIT_RULES {
        let needed = letters(from);
        if present & needed == needed && s.contains(from) {
            s = s.replace(from, to);
            present = letters(&s);
        }
    }
    consonant_key(&s)
}

/// The usual English, French and German renderings of one sound, folded
/// to one, in this order.
const TRANSLIT_RULES: &[(&str, &str)] = &[
    ("tsch", "ch"),
    ("sch", "sh"),
    ("tch", "ch"),
    ("tsh", "ch"),
    ("zh", "j"),
    ("kh", "h"),
    ("ph", "f"),
    ("ck", "k"),
    ("ch", "s"),
    ("sh", "s"),
    ("j", "y"),
    ("c", "k"),
    ("q", "k"),
    ("x", "ks"),
    ("w", "v"),
    ("z", "s"),
];

/// The first letter, then the consonants, a doubled one once.
fn consonant_key(s: &str) -> String {
    let mut key = String::with_capacity(s.len());
    for (i, c) in s.chars().enumerate() {
        let vowel = matches!(
            c,
            'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'é' | 'è' | 'ë' | 'ï' | 'ö' | 'ü'
        );
        // The first letter stays, so that "Yulia" and "Ilya" keep apart.
        let keep = i == 0 || !vowel;
        if keep && !key.ends_with(c) {
            key.push(c);
        }
    }
    key
}

/// Words whose first letter is a capital, and that are not at the very start
/// of a sentence, are probably names.
pub fn looks_like_name(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.any(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stopwords_are_sorted() {
        assert!(STOPWORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(is_stopword("the") && !is_stopword("film"));
    }

    #[test]
    fn folding_and_contractions() {
        assert_eq!(fold("Russia’s"), "russia's");
        assert_eq!(fold("е́"), "е");
        assert_eq!(split_contraction("isn't"), ("is", Some("not")));
        assert_eq!(split_contraction("i'm"), ("i", Some("am")));
        assert_eq!(split_contraction("russia's"), ("russia", None));
        assert_eq!(split_contraction("can't"), ("can", Some("not")));
    }

    #[test]
    fn light_stems_meet() {
        assert_eq!(stem("launches"), stem("launch"));
        assert_eq!(stem("launched"), "launch");
        assert_eq!(stem("launching"), "launch");
        assert_eq!(stem("actresses"), "actress");
        assert_eq!(stem("agencies"), "agenc");
        assert_eq!(stem("bus"), "bus");
        assert_eq!(stem("news"), "new");
        assert_eq!(stem("class"), "class");
        assert_eq!(stem("moscow"), "moscow");
    }

    #[test]
    fn numbers_in_digits_and_words() {
        assert_eq!(number_value("3,000"), Some(3000.0));
        assert_eq!(number_value("3.5"), Some(3.5));
        assert_eq!(number_value("twelve"), Some(12.0));
        assert_eq!(number_value("sixty"), Some(60.0));
        assert_eq!(number_value("film"), None);
    }

    /// The key with every rule's substring search run on every word: the
    /// letter set in [`translit_key`] must only skip searches that would
    /// find nothing.
    fn translit_key_by_every_rule(word: &str) -> String {
        let mut s: String = fold(word).chars().filter(|c| c.is_alphabetic()).collect();
        for (from, to) in TRANSLIT_RULES {
            s = s.replace(from, to);
        }
        consonant_key(&s)
    }

    proptest::proptest! {
        /// Words made of the letters the rules rewrite, so that the rules
        /// meet often (`tsch`, `zh`, `ck`).
        #[test]
        fn skipping_absent_rules_changes_no_key(
            letters in proptest::collection::vec(
                proptest::sample::select(&[
                    "t", "s", "c", "h", "z", "k", "p", "j", "q", "x", "w", "f", "a", "e", "i",
                    "o", "y", "é", "Ж", "S", "C", "Z", "-",
                ][..]),
                0..12,
            )
        ) {
            let word = letters.concat();
            proptest::prop_assert_eq!(translit_key(&word), translit_key_by_every_rule(&word));
        }
    }

    #[test]
    fn transliterations_share_a_key() {
        for (a, b) in [
            ("Peresild", "Peressild"),
            ("Shipenko", "Chipenko"),
            ("Rogozin", "Rogozine"),
            ("Yulia", "Julia"),
            ("Kalachev", "Kalatchev"),
            ("Galchonok", "Galtshonok"),
            ("Dmitry", "Dmitri"),
        ] {
            assert_eq!(translit_key(a), translit_key(b), "{a} / {b}");
        }
        for (a, b) in [
            ("Peresild", "Shipenko"),
            ("Moscow", "Mexico"),
            ("Ernst", "Musk"),
        ] {
            assert_ne!(translit_key(a), translit_key(b), "{a} / {b}");
        }
    }
}
