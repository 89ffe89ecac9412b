//! Language data: one TOML file per language in `assets/lang/`, embedded in
//! the binary and read once into a [`Language`], looked up by ISO 639-1
//! code. Code asks a language for what it needs (months, number words,
//! separators, quote marks, abbreviations, patterns) and never matches on a
//! code; a language without a file gets [`Language::neutral`], which knows
//! digits, punctuation and the quote marks of every language, and nothing
//! of any one. The tables are documented in `assets/lang/en.toml` and
//! `assets/lang/README.md`. This module knows nothing of the terminal.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};
use serde::Deserialize;

use crate::config::ConfigError;

pub mod identify;

/// Declares [`FILES`] and `COMPILED` from one list of codes, so that the
/// two cannot drift apart.
macro_rules! embedded_languages {
    ($($code:literal),* $(,)?) => {
        /// The embedded language files, by code.
        pub const FILES: &[(&str, &str)] = &[
            $(($code, include_str!(concat!("../assets/lang/", $code, ".toml"))),)*
        ];

        /// The embedded language files as JSON, converted at build time
        /// (`build.rs`): the same data, read ten times faster.
        const COMPILED: &[(&str, &str)] = &[
            $(($code, include_str!(concat!(env!("OUT_DIR"), "/lang/", $code, ".json"))),)*
        ];
    };
}

embedded_languages!("en", "fr", "es", "de", "it", "pt", "ru", "hr", "el");

/// The quote marks every language's text may use, as (opening, closing),
/// for text whose language is unknown.
const NEUTRAL_QUOTES: &[(char, char)] = &[
    ('“', '”'),
    ('"', '"'),
    ('«', '»'),
    ('„', '“'),
    ('„', '”'),
    ('»', '«'),
];

/// How a numeric date (`10/06/2021`) orders its fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateOrder {
    Mdy,
    Dmy,
    Ymd,
}

/// A table of phrases of one or more words, each with a value: "more than",
/// "per cent", "us dollars". Matched longest first.
#[derive(Debug, Clone)]
pub struct Phrases<V> {
    by_first: FxHashMap<String, Vec<(Vec<String>, V)>>,
}

impl<V> Default for Phrases<V> {
    fn default() -> Self {
        Phrases {
            by_first: FxHashMap::default(),
        }
    }
}

impl<V: Clone> Phrases<V> {
    fn add(&mut self, phrase: &str, value: V) {
        let words: Vec<String> = phrase.split_whitespace().map(str::to_lowercase).collect();
        let Some(first) = words.first().cloned() else {
            return;
        };
        let list = self.by_first.entry(first).or_default();
        list.push((words, value));
        list.sort_by_key(|(words, _)| std::cmp::Reverse(words.len()));
    }

    /// The longest phrase whose words are `word(at)`, `word(at + 1)`, …
    /// (lower case), with how many words it took.
    pub fn longest<'w>(
        &self,
        word: impl Fn(usize) -> Option<&'w str>,
        at: usize,
    ) -> Option<(usize, &V)> {
        let first = word(at)?;
        self.by_first
            .get(first)?
            .iter()
            .find(|(words, _)| {
                words
                    .iter()
                    .enumerate()
                    .skip(1)
                    .all(|(k, w)| word(at + k) == Some(w.as_str()))
            })
            .map(|(words, value)| (words.len(), value))
    }

    /// The value of a one-word phrase.
    pub fn word(&self, word: &str) -> Option<&V> {
        self.by_first
            .get(word)?
            .iter()
            .find(|(words, _)| words.len() == 1)
            .map(|(_, value)| value)
    }

    /// Whether the table is empty.
    pub fn is_empty(&self) -> bool {
        self.by_first.is_empty()
    }
}

/// Everything the code knows about one language.
#[derive(Debug, Clone, Default)]
pub struct Language {
    /// ISO 639-1, or `und` for the neutral profile.
    pub code: String,
    pub name: String,
    pub titles: FxHashSet<String>,
    pub before_numbers: FxHashSet<String>,
    /// Possibly several words ("et al"), without the final period.
    pub never_final: Vec<String>,
    pub not_before_lower: FxHashSet<String>,
    pub starters: FxHashSet<String>,
    /// Words that name designations by a letter (`Plan B`, `Group C`): the
    /// capital after them is no initial.
    pub designators: FxHashSet<String>,
    /// (opening, closing), the usual ones first.
    pub quote_pairs: Vec<(char, char)>,
    months: FxHashMap<String, u32>,
    pub ambiguous_months: FxHashSet<String>,
    weekdays: FxHashMap<String, u32>,
    relative_days: FxHashMap<String, i64>,
    pub last: FxHashSet<String>,
    pub this: FxHashSet<String>,
    pub next: FxHashSet<String>,
    pub numeric_orders: Vec<DateOrder>,
    pub date_joiners: FxHashSet<String>,
    /// Months and weekdays are written with a capital (`May`), so `may`
    /// alone is no month.
    pub capitalised_calendar: bool,
    /// Full names of the months (`june`), not abbreviations.
    pub full_months: FxHashSet<String>,
    /// Words between the days of a range (`to`).
    pub range_joiners: FxHashSet<String>,
    /// Words hyphened to a month for a part of it (`mid`).
    pub month_parts: FxHashSet<String>,
    /// Words before a weekday meaning that day (`on`).
    pub on_weekday: FxHashSet<String>,
    /// Words after a length of time that put it in the past (`ago`).
    pub ago: FxHashSet<String>,
    pub ordinal_suffixes: Vec<String>,
    pub decimal: Vec<char>,
    pub thousands: Vec<char>,
    number_words: FxHashMap<String, f64>,
    pub number_joiners: FxHashSet<String>,
    scales: FxHashMap<String, f64>,
    fractions: FxHashMap<String, f64>,
    pub and_a_half: Phrases<()>,
    vague: FxHashMap<String, (f64, f64)>,
    pub vague_joiners: FxHashSet<String>,
    /// Qualifiers: `~` about, `>` more than, `<` less than.
    pub qualifiers: Phrases<char>,
    /// Unit words to the unit's canonical name (`days` → `day`).
    pub units: Phrases<String>,
    /// Currency words to ISO 4217 codes.
    pub currencies: Phrases<String>,
    /// Age patterns (`{n}-year-old`, `aged {n}`), split into words.
    pub age_patterns: Vec<AgePattern>,
    pub am: Vec<String>,
    pub pm: Vec<String>,
    pub time_words: Phrases<()>,
    /// Words before a time of day (`at`).
    pub at_time: FxHashSet<String>,
    /// Speech verbs after which a name is the listener (`told`).
    pub listener_verbs: FxHashSet<String>,
    /// Prepositions before a place (`in`).
    pub place_prepositions: FxHashSet<String>,
    /// Indefinite articles (`a`, `an`).
    pub indefinite: FxHashSet<String>,
    pub speech_verbs: FxHashSet<String>,
    pub according_to: Phrases<()>,
    pub pronouns: FxHashSet<String>,
    stopwords: FxHashSet<String>,
    suffixes: Vec<(String, usize)>,
    /// Endings (`n't`) and, ending with an apostrophe, prefixes (`l'`).
    pub contractions: Vec<(String, String)>,
    not_names: FxHashSet<String>,
    /// Definite articles (`the`, `la`).
    pub definite_articles: FxHashSet<String>,
    /// Coordinating conjunctions (`and`, `or`).
    pub coordinators: FxHashSet<String>,
    /// Endings that mark a plural noun (`s`), where the language has a few
    /// regular ones; empty otherwise.
    pub plural_endings: Vec<String>,
    /// Case endings a name takes in running text (`Путина`, `Holmom`),
    /// longest first; empty where names do not decline.
    name_endings: Vec<String>,
    /// Words after a year that make it a year of the calendar, not a
    /// length of time (`в 1968 году`, `2014. godine`).
    pub calendar_year_words: FxHashSet<String>,
    spelling_norms: FxHashMap<String, String>,
    pub byline_words: Vec<String>,
    pub for_agency: Vec<String>,
    pub credit_labels: Vec<String>,
    pub caption_credits: Vec<String>,
    pub boilerplate: Vec<String>,
    /// Words before a date line's date (`updated`), longest first.
    pub date_labels: Vec<String>,
    /// Letters (or letter pairs) of another script to Latin, longest first.
    transliteration: Vec<(String, String)>,
}

/// An age pattern of a language file (`{n}-year-old`, `aged {n}`, `de {n}
/// años`): its words in lower case, the one holding the number, and what
/// stands before and after the number in that word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgePattern {
    pub words: Vec<String>,
    pub slot: usize,
    pub before: String,
    pub after: String,
}

impl AgePattern {
    /// `None` when no word holds `{n}` (the file check reports it).
    fn new(pattern: &str) -> Option<AgePattern> {
        let words: Vec<String> = pattern.split_whitespace().map(str::to_lowercase).collect();
        let slot = words.iter().position(|w| w.contains("{n}"))?;
        let (before, after) = words[slot].split_once("{n}")?;
        Some(AgePattern {
            before: before.to_owned(),
            after: after.to_owned(),
            slot,
            words,
        })
    }
}

impl Language {
    /// The profile for text whose language is unknown: every language's
    /// quote marks and separators, and no words.
    pub fn neutral() -> &'static Language {
        static NEUTRAL: OnceLock<Language> = OnceLock::new();
        NEUTRAL.get_or_init(|| {
            let mut neutral = Language {
                code: "und".to_owned(),
                name: "unknown language".to_owned(),
                quote_pairs: NEUTRAL_QUOTES.to_vec(),
                decimal: vec!['.', ','],
                thousands: vec![',', '.', ' ', '\u{A0}', '\u{202F}'],
                numeric_orders: vec![DateOrder::Dmy, DateOrder::Mdy],
                ..Language::default()
            };
            // Abbreviations are mostly shared across languages written in
            // one script: text in an unknown language gets all of them.
            for language in all() {
                neutral.titles.extend(language.titles.iter().cloned());
                neutral
                    .before_numbers
                    .extend(language.before_numbers.iter().cloned());
                neutral
                    .never_final
                    .extend(language.never_final.iter().cloned());
                neutral
                    .not_before_lower
                    .extend(language.not_before_lower.iter().cloned());
            }
            neutral
        })
    }

    /// Whether this is the neutral profile.
    pub fn is_neutral(&self) -> bool {
        self.code == "und"
    }

    /// The month (1–12) a word names, in any listed spelling; a trailing
    /// period is allowed. `word` in any case.
    pub fn month(&self, word: &str) -> Option<u32> {
        self.months
            .get(lower(word.trim_end_matches('.')).as_ref())
            .copied()
    }

    /// The weekday (0 = Monday) a word names.
    pub fn weekday(&self, word: &str) -> Option<u32> {
        self.weekdays
            .get(lower(word.trim_end_matches(['.', ','])).as_ref())
            .copied()
    }

    /// The offset in days of a relative day word (`yesterday` → -1).
    pub fn relative_day(&self, word: &str) -> Option<i64> {
        self.relative_days.get(lower(word).as_ref()).copied()
    }

    /// The value of a number word (`twelve`, `zwölf`, `двенадцать`).
    pub fn number_word(&self, word: &str) -> Option<f64> {
        self.number_words.get(lower(word).as_ref()).copied()
    }

    /// The factor of a scale word (`million` → 1e6).
    pub fn scale(&self, word: &str) -> Option<f64> {
        self.scales.get(lower(word).as_ref()).copied()
    }

    /// The value of a fraction word (`half` → 0.5).
    pub fn fraction(&self, word: &str) -> Option<f64> {
        self.fractions.get(lower(word).as_ref()).copied()
    }

    /// The range a vague magnitude stands for (`tens` → 10..100).
    pub fn vague(&self, word: &str) -> Option<(f64, f64)> {
        self.vague.get(lower(word).as_ref()).copied()
    }

    /// Whether a (lower-case) word is a function word.
    pub fn is_stopword(&self, word: &str) -> bool {
        self.stopwords.contains(word)
    }

    /// Whether a capitalised word is never a name by itself (`Actress`).
    pub fn is_not_name(&self, word: &str) -> bool {
        self.not_names.contains(lower(word).as_ref())
    }

    /// The spelling a norm variant stands for (`center` → `centre`), so
    /// that two norms of one word compare equal.
    /// A declined name word without its case ending (`путина` → `путин`,
    /// `holmom` → `holm`), keeping three letters at least; `word` itself
    /// in a language whose names do not decline. `word` is lower case.
    pub fn name_stem<'a>(&self, word: &'a str) -> &'a str {
        for ending in &self.name_endings {
            if let Some(stem) = word.strip_suffix(ending.as_str())
                && stem.chars().count() >= 3
            {
                return stem;
            }
        }
        word
    }

    pub fn spelling_norm<'a>(&'a self, word: &'a str) -> &'a str {
        self.spelling_norms.get(word).map_or(word, String::as_str)
    }

    /// Light stemming of a lower-case word: the first listed ending that
    /// leaves a long enough stem is taken off.
    pub fn stem<'a>(&self, word: &'a str) -> &'a str {
        for (suffix, min_stem) in &self.suffixes {
            if let Some(stem) = word.strip_suffix(suffix.as_str())
                && stem.chars().count() >= *min_stem
            {
                return stem;
            }
        }
        word
    }

    /// `word` written in Latin letters, by this language's transliteration
    /// table (its own script's letters; others are kept).
    pub fn transliterate(&self, word: &str) -> Option<String> {
        if self.transliteration.is_empty() {
            return None;
        }
        let lower = word.to_lowercase();
        let mut out = String::with_capacity(lower.len());
        let mut rest = lower.as_str();
        'outer: while let Some(c) = rest.chars().next() {
            for (from, to) in &self.transliteration {
                if let Some(after) = rest.strip_prefix(from.as_str()) {
                    out.push_str(to);
                    rest = after;
                    continue 'outer;
                }
            }
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
        Some(out)
    }

    /// Whether this language's transliteration table covers `c`.
    pub fn transliterates(&self, c: char) -> bool {
        let mut buffer = [0; 4];
        let c = c.to_lowercase().next().unwrap_or(c);
        let key: &str = c.encode_utf8(&mut buffer);
        self.transliteration.iter().any(|(from, _)| from == key)
    }
}

/// `word` in lower case, borrowed when it already is (the common case for
/// the lookups: most words are not capitalised).
fn lower(word: &str) -> std::borrow::Cow<'_, str> {
    if word.bytes().all(|b| !b.is_ascii_uppercase()) && word.is_ascii() {
        std::borrow::Cow::Borrowed(word)
    } else {
        std::borrow::Cow::Owned(word.to_lowercase())
    }
}

// ---- The files as written --------------------------------------------------

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLanguage {
    code: String,
    name: String,
    sentences: RawSentences,
    quotes: RawQuotes,
    calendar: RawCalendar,
    numbers: RawNumbers,
    units: BTreeMap<String, Vec<String>>,
    currencies: BTreeMap<String, Vec<String>>,
    patterns: RawPatterns,
    speech: RawSpeech,
    words: RawWords,
    metadata: RawMetadata,
    #[serde(default)]
    transliteration: BTreeMap<String, String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSentences {
    titles: Vec<String>,
    before_numbers: Vec<String>,
    never_final: Vec<String>,
    not_before_lower: Vec<String>,
    starters: Vec<String>,
    designators: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuotes {
    pairs: Vec<Vec<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCalendar {
    months: Vec<Vec<String>>,
    ambiguous_months: Vec<String>,
    weekdays: Vec<Vec<String>>,
    relative_days: Vec<(String, i64)>,
    last: Vec<String>,
    this: Vec<String>,
    next: Vec<String>,
    numeric_orders: Vec<DateOrder>,
    date_joiners: Vec<String>,
    capitalised_calendar: bool,
    range_joiners: Vec<String>,
    month_parts: Vec<String>,
    on_weekday: Vec<String>,
    ago: Vec<String>,
    ordinal_suffixes: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawNumbers {
    decimal: Vec<String>,
    thousands: Vec<String>,
    units: Vec<Vec<String>>,
    tens: Vec<Vec<String>>,
    joiners: Vec<String>,
    scales: Vec<RawValued>,
    fractions: Vec<RawValued>,
    and_a_half: Vec<String>,
    vague: Vec<RawRange>,
    vague_joiners: Vec<String>,
    about: Vec<String>,
    more_than: Vec<String>,
    less_than: Vec<String>,
    indefinite: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawValued {
    value: f64,
    words: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRange {
    low: f64,
    high: f64,
    words: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPatterns {
    age: Vec<String>,
    am: Vec<String>,
    pm: Vec<String>,
    time_words: Vec<String>,
    at_time: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSpeech {
    verbs: Vec<String>,
    according_to: Vec<String>,
    pronouns: Vec<String>,
    listener_verbs: Vec<String>,
    place_prepositions: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawWords {
    stopwords: Vec<String>,
    suffixes: Vec<(String, usize)>,
    contractions: Vec<(String, String)>,
    not_names: Vec<String>,
    definite_articles: Vec<String>,
    coordinators: Vec<String>,
    plural_endings: Vec<String>,
    #[serde(default)]
    name_endings: Vec<String>,
    #[serde(default)]
    calendar_year_words: Vec<String>,
    spelling_variants: Vec<Vec<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMetadata {
    byline: Vec<String>,
    for_agency: Vec<String>,
    credit_labels: Vec<String>,
    caption_credits: Vec<String>,
    boilerplate: Vec<String>,
    date_labels: Vec<String>,
}

/// Reads one language file. Errors name the file, line and column: a key
/// the schema does not know, a wrong type, or a table of the wrong shape
/// (12 months, 7 weekdays, 20 units, 8 tens, quote marks in pairs, `{n}`
/// in every age pattern, no word twice in one list).
pub fn parse(file: &str, source: &str) -> Result<Language, ConfigError> {
    let raw: RawLanguage = toml::from_str(source).map_err(|e| {
        ConfigError::at(
            file,
            source,
            e.span().unwrap_or(0..0),
            e.message().to_owned(),
        )
    })?;
    let shape = |message: String| ConfigError {
        file: file.to_owned(),
        line: None,
        column: None,
        message,
    };
    check_shape(&raw).map_err(shape)?;
    Ok(compile(raw))
}

fn check_shape(raw: &RawLanguage) -> Result<(), String> {
    let counts = [
        ("calendar.months", raw.calendar.months.len(), 12),
        ("calendar.weekdays", raw.calendar.weekdays.len(), 7),
        ("numbers.units", raw.numbers.units.len(), 20),
        ("numbers.tens", raw.numbers.tens.len(), 8),
    ];
    for (table, found, wanted) in counts {
        if found != wanted {
            return Err(format!("{table} has {found} entries, not {wanted}"));
        }
    }
    for pair in &raw.quotes.pairs {
        if pair.len() != 2 || pair.iter().any(|mark| mark.chars().count() != 1) {
            return Err(format!("quotes.pairs: {pair:?} is not a pair of marks"));
        }
    }
    for pattern in &raw.patterns.age {
        if !pattern.contains("{n}") {
            return Err(format!("patterns.age: {pattern:?} has no {{n}}"));
        }
    }
    let lists: [(&str, &[String]); 6] = [
        ("words.stopwords", &raw.words.stopwords),
        ("words.not_names", &raw.words.not_names),
        ("speech.verbs", &raw.speech.verbs),
        ("sentences.titles", &raw.sentences.titles),
        ("sentences.starters", &raw.sentences.starters),
        ("metadata.boilerplate", &raw.metadata.boilerplate),
    ];
    for (table, words) in lists {
        let mut seen = FxHashSet::default();
        if let Some(twice) = words.iter().find(|w| !seen.insert(w.as_str())) {
            return Err(format!("{table}: {twice:?} is listed twice"));
        }
    }
    Ok(())
}

fn set(words: Vec<String>) -> FxHashSet<String> {
    words.into_iter().map(|w| w.to_lowercase()).collect()
}

fn chars(marks: &[String]) -> Vec<char> {
    marks.iter().filter_map(|m| m.chars().next()).collect()
}

fn compile(raw: RawLanguage) -> Language {
    let mut language = Language {
        code: raw.code,
        name: raw.name,
        titles: set(raw.sentences.titles),
        before_numbers: set(raw.sentences.before_numbers),
        never_final: raw.sentences.never_final,
        not_before_lower: set(raw.sentences.not_before_lower),
        starters: set(raw.sentences.starters),
        designators: set(raw.sentences.designators),
        quote_pairs: raw
            .quotes
            .pairs
            .iter()
            .filter_map(|pair| Some((pair[0].chars().next()?, pair[1].chars().next()?)))
            .collect(),
        ambiguous_months: set(raw.calendar.ambiguous_months),
        last: set(raw.calendar.last),
        this: set(raw.calendar.this),
        next: set(raw.calendar.next),
        numeric_orders: raw.calendar.numeric_orders,
        date_joiners: set(raw.calendar.date_joiners),
        capitalised_calendar: raw.calendar.capitalised_calendar,
        full_months: raw
            .calendar
            .months
            .iter()
            .filter_map(|spellings| spellings.first())
            .map(|name| lower(name).into_owned())
            .collect(),
        range_joiners: set(raw.calendar.range_joiners),
        month_parts: set(raw.calendar.month_parts),
        on_weekday: set(raw.calendar.on_weekday),
        ago: set(raw.calendar.ago),
        indefinite: set(raw.numbers.indefinite),
        at_time: set(raw.patterns.at_time),
        listener_verbs: set(raw.speech.listener_verbs),
        place_prepositions: set(raw.speech.place_prepositions),
        ordinal_suffixes: raw.calendar.ordinal_suffixes,
        decimal: chars(&raw.numbers.decimal),
        thousands: chars(&raw.numbers.thousands),
        number_joiners: set(raw.numbers.joiners),
        vague_joiners: set(raw.numbers.vague_joiners),
        am: raw.patterns.am,
        pm: raw.patterns.pm,
        speech_verbs: set(raw.speech.verbs),
        pronouns: set(raw.speech.pronouns),
        stopwords: set(raw.words.stopwords),
        suffixes: raw.words.suffixes,
        contractions: raw.words.contractions,
        not_names: set(raw.words.not_names),
        definite_articles: set(raw.words.definite_articles),
        coordinators: set(raw.words.coordinators),
        plural_endings: raw.words.plural_endings,
        calendar_year_words: raw
            .words
            .calendar_year_words
            .iter()
            .map(|w| w.to_lowercase())
            .collect(),
        name_endings: {
            let mut endings = raw.words.name_endings;
            endings.sort_by_key(|e| std::cmp::Reverse(e.chars().count()));
            endings
        },
        byline_words: raw.metadata.byline,
        for_agency: raw.metadata.for_agency,
        credit_labels: raw.metadata.credit_labels,
        caption_credits: raw.metadata.caption_credits,
        boilerplate: raw.metadata.boilerplate,
        date_labels: raw.metadata.date_labels,
        ..Language::default()
    };
    for (k, spellings) in raw.calendar.months.iter().enumerate() {
        for spelling in spellings {
            language
                .months
                .insert(lower(spelling).into_owned(), k as u32 + 1);
        }
    }
    for (k, spellings) in raw.calendar.weekdays.iter().enumerate() {
        for spelling in spellings {
            language
                .weekdays
                .insert(lower(spelling).into_owned(), k as u32);
        }
    }
    language.relative_days = raw
        .calendar
        .relative_days
        .into_iter()
        .map(|(word, offset)| (lower(&word).into_owned(), offset))
        .collect();
    for (k, spellings) in raw.numbers.units.iter().enumerate() {
        for spelling in spellings {
            language
                .number_words
                .insert(lower(spelling).into_owned(), k as f64);
        }
    }
    for (k, spellings) in raw.numbers.tens.iter().enumerate() {
        for spelling in spellings {
            language
                .number_words
                .insert(lower(spelling).into_owned(), (k as f64 + 2.0) * 10.0);
        }
    }
    for scale in &raw.numbers.scales {
        for word in &scale.words {
            language
                .scales
                .insert(lower(word).into_owned(), scale.value);
        }
    }
    for fraction in &raw.numbers.fractions {
        for word in &fraction.words {
            language
                .fractions
                .insert(lower(word).into_owned(), fraction.value);
        }
    }
    for range in &raw.numbers.vague {
        for word in &range.words {
            language
                .vague
                .insert(lower(word).into_owned(), (range.low, range.high));
        }
    }
    for phrase in &raw.numbers.and_a_half {
        language.and_a_half.add(phrase, ());
    }
    for (mark, phrases) in [
        ('~', &raw.numbers.about),
        ('>', &raw.numbers.more_than),
        ('<', &raw.numbers.less_than),
    ] {
        for phrase in phrases {
            language.qualifiers.add(phrase, mark);
        }
    }
    for (unit, words) in &raw.units {
        for word in words {
            language.units.add(word, unit.clone());
        }
    }
    for (code, words) in &raw.currencies {
        for word in words {
            language.currencies.add(word, code.clone());
        }
    }
    language.age_patterns = raw
        .patterns
        .age
        .iter()
        .filter_map(|p| AgePattern::new(p))
        .collect();
    for phrase in &raw.patterns.time_words {
        language.time_words.add(phrase, ());
    }
    for phrase in &raw.speech.according_to {
        language.according_to.add(phrase, ());
    }
    for variants in &raw.words.spelling_variants {
        if let Some(first) = variants.first() {
            for variant in variants {
                language
                    .spelling_norms
                    .insert(lower(variant).into_owned(), lower(first).into_owned());
            }
        }
    }
    let mut transliteration: Vec<(String, String)> = raw.transliteration.into_iter().collect();
    transliteration.sort_by_key(|(from, _)| std::cmp::Reverse(from.chars().count()));
    language.transliteration = transliteration;
    language
}

/// Each embedded language, read from its JSON form when first asked for:
/// a run needs one or two of them, and building all nine took as long as
/// loading a 100k-word article. A file that fails to read is `None` (the
/// tests make sure none does, and that each reads the same from TOML and
/// from JSON).
static LANGUAGES: [OnceLock<Option<Language>>; COMPILED.len()] =
    [const { OnceLock::new() }; COMPILED.len()];

fn read_compiled(json: &str) -> Option<Language> {
    let raw: RawLanguage = serde_json::from_str(json).ok()?;
    check_shape(&raw).ok()?;
    Some(compile(raw))
}

/// Whether `code` is written as an ISO 639 code (two letters for 639-1,
/// three for 639-2/3), lower case: what `--lang` and a record's `language`
/// must look like, whether or not there is data for the language.
pub fn is_code(code: &str) -> bool {
    (2..=3).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_lowercase())
}

/// The language with ISO 639-1 code `code`, if there is data for it.
pub fn known(code: &str) -> Option<&'static Language> {
    let index = COMPILED.iter().position(|(c, _)| *c == code)?;
    LANGUAGES[index]
        .get_or_init(|| read_compiled(COMPILED[index].1))
        .as_ref()
}

/// The language with code `code`, or the neutral profile.
pub fn language(code: Option<&str>) -> &'static Language {
    code.and_then(known).unwrap_or_else(Language::neutral)
}

/// Every language there is data for, by code.
pub fn all() -> impl Iterator<Item = &'static Language> {
    FILES.iter().filter_map(|(code, _)| known(code))
}

/// One language's function words (`words.stopwords`), read without the
/// rest of its file: what [`identify`] needs of every language.
#[derive(Debug)]
pub struct FunctionWords {
    pub code: String,
    stopwords: FxHashSet<String>,
}

impl FunctionWords {
    /// Whether `word` (lower case) is one of them.
    pub fn contains(&self, word: &str) -> bool {
        self.stopwords.contains(word)
    }

    pub fn is_empty(&self) -> bool {
        self.stopwords.is_empty()
    }
}

/// The function words of every embedded language, read once.
pub fn function_words() -> &'static [FunctionWords] {
    #[derive(Deserialize)]
    struct File {
        words: Words,
    }
    #[derive(Deserialize)]
    struct Words {
        stopwords: Vec<String>,
    }
    static ALL: OnceLock<Vec<FunctionWords>> = OnceLock::new();
    ALL.get_or_init(|| {
        COMPILED
            .iter()
            .filter_map(|(code, json)| {
                let file: File = serde_json::from_str(json).ok()?;
                Some(FunctionWords {
                    code: (*code).to_owned(),
                    stopwords: set(file.words.stopwords),
                })
            })
            .collect()
    })
}

/// The languages whose transliteration tables cover `c` (Cyrillic, Greek).
pub fn script_of(c: char) -> Option<&'static Language> {
    all().find(|language| language.transliterates(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_file_reads_with_its_shape() {
        for (code, source) in FILES {
            let file = format!("assets/lang/{code}.toml");
            let language = parse(&file, source).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(language.code, *code);
            assert!(!language.quote_pairs.is_empty(), "{code}: no quote marks");
            assert!(!language.decimal.is_empty(), "{code}: no decimal mark");
            assert!(language.month("x").is_none());
        }
        assert_eq!(all().count(), FILES.len());
    }

    #[test]
    fn the_compiled_files_hold_what_the_toml_files_say() {
        for ((code, toml_source), (_, json)) in FILES.iter().zip(COMPILED) {
            let from_toml: serde_json::Value = toml::from_str(toml_source).unwrap();
            let from_json: serde_json::Value = serde_json::from_str(json).unwrap();
            assert_eq!(from_toml, from_json, "{code}");
        }
    }

    #[test]
    fn a_bad_file_is_named_with_its_line() {
        let source = FILES[0].1.replace("[quotes]", "[quotes]\nmarks = 1");
        let error = parse("xx.toml", &source).unwrap_err().to_string();
        assert!(error.starts_with("xx.toml:"), "{error}");
        assert!(error.contains("marks"), "{error}");
        let short = FILES[0].1.replace("[\"may\"],", "");
        let error = parse("xx.toml", &short).unwrap_err().to_string();
        assert!(error.contains("11 entries"), "{error}");
    }

    /// Rows of (language, word, month).
    #[test]
    fn months_in_every_language() {
        for (code, word, month) in [
            ("en", "Oct.", 10),
            ("en", "September", 9),
            ("fr", "octobre", 10),
            ("fr", "févr", 2),
            ("es", "octubre", 10),
            ("de", "Oktober", 10),
            ("de", "März", 3),
            ("it", "ottobre", 10),
            ("pt", "outubro", 10),
            ("ru", "октября", 10),
            ("hr", "listopada", 10),
            ("el", "Οκτωβρίου", 10),
        ] {
            assert_eq!(
                language(Some(code)).month(word),
                Some(month),
                "{code} {word}"
            );
        }
    }

    #[test]
    fn number_words_and_scales() {
        for (code, word, value) in [
            ("en", "twelve", 12.0),
            ("fr", "douze", 12.0),
            ("es", "doce", 12.0),
            ("de", "zwölf", 12.0),
            ("it", "dodici", 12.0),
            ("pt", "doze", 12.0),
            ("ru", "двенадцать", 12.0),
            ("hr", "dvanaest", 12.0),
            ("en", "forty", 40.0),
        ] {
            assert_eq!(
                language(Some(code)).number_word(word),
                Some(value),
                "{code} {word}"
            );
        }
        assert_eq!(language(Some("en")).scale("bn"), Some(1e9));
        assert_eq!(language(Some("fr")).scale("milliards"), Some(1e9));
        assert_eq!(language(Some("ru")).scale("млн"), Some(1e6));
    }

    #[test]
    fn phrases_match_longest_first() {
        let en = language(Some("en"));
        let words = ["more", "than", "3,000"];
        let at = |k: usize| words.get(k).copied();
        assert_eq!(en.qualifiers.longest(at, 0), Some((2, &'>')));
        let words = ["per", "cent"];
        let at = |k: usize| words.get(k).copied();
        assert_eq!(
            en.units.longest(at, 0).map(|(n, u)| (n, u.as_str())),
            Some((2, "percent"))
        );
    }

    #[test]
    fn scripts_transliterate_to_latin() {
        let ru = script_of('Ш').expect("a Cyrillic table");
        assert_eq!(ru.transliterate("Шипенко").as_deref(), Some("shipenko"));
        let el = script_of('λ').expect("a Greek table");
        assert!(el.transliterate("Λιμάν").is_some());
        assert!(script_of('a').is_none());
    }

    #[test]
    fn the_neutral_profile_knows_no_words() {
        let neutral = language(Some("xx"));
        assert!(neutral.is_neutral());
        assert_eq!(neutral.month("October"), None);
        assert!(neutral.quote_pairs.contains(&('«', '»')));
    }
}
