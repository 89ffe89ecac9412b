//! Datelines and bylines: the lines and leads with which a wire copy says
//! where it was filed, by which agency, when, and by whom.
//!
//! Datelines: `MOSCOW (AFP) —`, `Moscow, Oct 5 (Reuters) -`,
//! `MOSCOW, Russia (AP) —`, `Moscow (AFP) July 7, 2021`, `MOSCOW •`,
//! `Moscow, Oct 5:`, `BERLIN, 5. Oktober (dpa) -`, `МОСКВА, 5 окт /ТАСС/.`
//! A run of capitalised words is a dateline's place only when the run is in
//! capitals, or an agency or a date follows it, so that `Russia, the host,
//! said…` is no dateline.
//!
//! Bylines: `By NAME`, `By NAME and NAME`, `NAME for AFP`, `NAME, Reuters`,
//! `By NAME, Associated Press`, in the language's own words (`Par`, `Von`).

use std::sync::OnceLock;

use rustc_hash::FxHashMap;
use serde::Deserialize;

use crate::lang::{self, Language};

/// Longest dateline, in bytes: a longer lead is prose.
pub(crate) const MAX_DATELINE_BYTES: usize = 120;

/// Most words in a dateline's place (`RIO DE JANEIRO`, `SAN JUAN DE LOS
/// MORROS`).
const MAX_PLACE_WORDS: usize = 5;

/// Most words in one author's name (`Anna Maria de la Cruz`).
const MAX_NAME_WORDS: usize = 5;

/// A month and day, and the year where the text gives one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PartialDate {
    pub year: Option<i32>,
    pub month: u32,
    pub day: u32,
}

/// A dateline at the start of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dateline {
    /// Bytes of the text the dateline takes, with its separator and the
    /// space after it.
    pub len: usize,
    /// The place, in its usual capitalisation (`Moscow`, `St. Petersburg`).
    pub place: String,
    /// The agency's short name (`AFP`, `Reuters`).
    pub agency: Option<String>,
    pub date: Option<PartialDate>,
}

/// A byline: the authors' names, and the agency it credits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Byline {
    /// Names only, in their usual capitalisation, joined with `and`
    /// (`Anna Berg and Tom Reed`).
    pub names: String,
    pub agency: Option<String>,
}

#[derive(Deserialize)]
struct RawAgencies {
    agencies: std::collections::BTreeMap<String, Vec<String>>,
}

/// Agencies by every name they are credited by (lower case).
fn agencies() -> &'static FxHashMap<String, String> {
    static AGENCIES: OnceLock<FxHashMap<String, String>> = OnceLock::new();
    AGENCIES.get_or_init(|| {
        let raw: RawAgencies = toml::from_str(include_str!("../../assets/agencies.toml"))
            .unwrap_or(RawAgencies {
                agencies: Default::default(),
            });
        let mut map = FxHashMap::default();
        for (short, names) in raw.agencies {
            map.insert(short.to_lowercase(), short.clone());
            for name in names {
                map.insert(name.to_lowercase(), short.clone());
            }
        }
        map
    })
}

/// The short name of a known agency (`Agence France-Presse` → `AFP`).
pub fn agency(name: &str) -> Option<String> {
    let key = name
        .trim()
        .trim_matches(|c: char| matches!(c, '(' | ')' | '/' | '.' | ','))
        .to_lowercase();
    agencies().get(&key).cloned()
}

/// An agency named in a dateline's brackets: a known one, or a short run
/// of capitals (`(NTB)`, `(dpa-AFX)` → `dpa`).
fn bracketed_agency(inside: &str) -> Option<String> {
    let inside = inside.trim();
    if let Some(known) = agency(inside) {
        return Some(known);
    }
    // `AFP/Reuters`, `dpa-AFX`: the first part.
    let first = inside.split(['/', '-', ',']).next()?.trim();
    if let Some(known) = agency(first) {
        return Some(known);
    }
    let letters = first.chars().count();
    ((2..=6).contains(&letters) && first.chars().all(|c| c.is_uppercase()))
        .then(|| first.to_owned())
}

/// A word of text with where it ends.
struct Cursor<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Cursor<'a> {
    fn rest(&self) -> &'a str {
        &self.text[self.at..]
    }

    fn skip_spaces(&mut self) {
        let rest = self.rest();
        self.at += rest.len() - rest.trim_start().len();
    }

    /// The next run of letters, digits, periods, apostrophes and hyphens.
    fn peek_word(&self) -> &'a str {
        let rest = self.rest();
        let end = rest
            .char_indices()
            .find(|&(_, c)| !(c.is_alphanumeric() || matches!(c, '.' | '\'' | '’' | '-')))
            .map_or(rest.len(), |(i, _)| i);
        &rest[..end]
    }

    fn take(&mut self, bytes: usize) {
        self.at += bytes;
    }

    fn eat(&mut self, prefix: &str) -> bool {
        if self.rest().starts_with(prefix) {
            self.at += prefix.len();
            true
        } else {
            false
        }
    }
}

/// Lower-case words that may stand inside a place's name.
const PLACE_PARTICLES: &[&str] = &[
    "de", "da", "do", "dos", "das", "del", "la", "le", "les", "el", "los", "sur", "am", "an", "im",
    "upon", "on", "of", "di", "du", "en", "y",
];

/// Whether `word` may be part of a place: capitalised, in capitals, or a
/// particle between such words.
fn place_word(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
        && word.chars().filter(|c| c.is_alphabetic()).count() >= 2
        || word == "ST." // `ST. PETERSBURG`
}

fn all_caps(word: &str) -> bool {
    let mut letters = word.chars().filter(|c| c.is_alphabetic()).peekable();
    letters.peek().is_some() && letters.all(char::is_uppercase)
}

/// `MOSCOW` → `Moscow`, `ST. PETERSBURG` → `St. Petersburg`; mixed case is
/// kept as written.
pub fn usual_case(words: &[&str]) -> String {
    words
        .iter()
        .map(|word| {
            if !all_caps(word) {
                return (*word).to_owned();
            }
            let lower = word.to_lowercase();
            if PLACE_PARTICLES.contains(&lower.as_str()) {
                return lower;
            }
            // Each part of `AL-HASAKAH` or `O'BRIEN` keeps its capital.
            let mut out = String::with_capacity(word.len());
            let mut start = true;
            for c in lower.chars() {
                if start && c.is_alphabetic() {
                    out.extend(c.to_uppercase());
                    start = false;
                } else {
                    out.push(c);
                }
                if matches!(c, '-' | '\'' | '’' | '.') {
                    start = true;
                }
            }
            out
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Separators between a dateline and its story.
const SEPARATORS: &[&str] = &["—", "–", "―", "--", "-", "•", "·", ":", "|", ".-", "/"];

/// The dateline at the start of `text`, if there is one. `language` gives
/// the month names; English ones are known too.
pub fn parse(text: &str, language: &Language) -> Option<Dateline> {
    let head = &text[..text.floor_char_boundary(MAX_DATELINE_BYTES.min(text.len()))];
    if let Some(found) = dated_only(head, language) {
        return Some(found);
    }
    let mut cursor = Cursor { text: head, at: 0 };
    // The place: capitalised words up to a comma, a bracket or a separator.
    let mut place = Vec::new();
    loop {
        let word = cursor.peek_word();
        let lower = word.to_lowercase();
        let particle = !place.is_empty() && PLACE_PARTICLES.contains(&lower.as_str());
        if word.is_empty() || !(place_word(word) || particle) || place.len() == MAX_PLACE_WORDS {
            break;
        }
        if is_calendar_word(word, language) {
            break;
        }
        place.push(word);
        cursor.take(word.len());
        let before_space = cursor.at;
        cursor.skip_spaces();
        if cursor.at == before_space {
            break;
        }
    }
    while place
        .last()
        .is_some_and(|w| PLACE_PARTICLES.contains(&w.to_lowercase().as_str()))
    {
        place.pop();
    }
    if place.is_empty() {
        return None;
    }
    let place_end = place.last().map(|last| {
        head[..cursor.at]
            .rfind(last)
            .map_or(cursor.at, |at| at + last.len())
    })?;
    cursor.at = place_end;
    let caps = place.iter().all(|w| all_caps(w));
    let mut agency_found = None;
    let mut date = None;
    // `, Russia`, `, Oct 5`, `, 5. Oktober`: a region or a date.
    while cursor.rest().starts_with(',') {
        let mark = cursor.at;
        cursor.take(1);
        cursor.skip_spaces();
        if let Some((found, len)) = date_at(cursor.rest(), language) {
            date = Some(found);
            cursor.take(len);
        } else {
            let word = cursor.peek_word();
            if !place_word(word) || date.is_some() {
                cursor.at = mark;
                break;
            }
            // A region: up to three capitalised words.
            for _ in 0..3 {
                let word = cursor.peek_word();
                if !place_word(word) {
                    break;
                }
                cursor.take(word.len());
                let before = cursor.at;
                cursor.skip_spaces();
                if !place_word(cursor.peek_word()) {
                    cursor.at = before;
                    break;
                }
            }
        }
    }
    cursor.skip_spaces();
    // `(AFP)`, `/TASS/`.
    for (open, close) in [('(', ')'), ('/', '/')] {
        if cursor.rest().starts_with(open)
            && let Some(end) = cursor.rest()[1..].find(close)
            && let Some(found) = bracketed_agency(&cursor.rest()[1..1 + end])
        {
            agency_found = Some(found);
            cursor.take(end + 2);
            cursor.skip_spaces();
            break;
        }
    }
    // `Moscow (AFP) July 7, 2021`.
    if date.is_none()
        && let Some((found, len)) = date_at(cursor.rest(), language)
    {
        date = Some(found);
        cursor.take(len);
    }
    let before_separator = cursor.at;
    cursor.skip_spaces();
    let separated = SEPARATORS.iter().any(|s| cursor.eat(s));
    // A trailing period after an agency (`/ТАСС/.`, `(EFE).-` is a separator).
    let separated = separated || (agency_found.is_some() && cursor.eat("."));
    let at_end = cursor.rest().trim().is_empty();
    if !(separated || at_end) {
        return None;
    }
    if !separated && cursor.at == before_separator && !at_end {
        return None;
    }
    let trusted = agency_found.is_some() || date.is_some() || (caps && separated);
    if !trusted {
        return None;
    }
    // The story goes on after the separator, with a space or at the end.
    let rest = cursor.rest();
    if !(rest.is_empty() || rest.starts_with(char::is_whitespace)) {
        return None;
    }
    cursor.skip_spaces();
    Some(Dateline {
        len: cursor.at,
        place: usual_case(&place),
        agency: agency_found,
        date,
    })
}

/// Whether a word names a month or a weekday (`Friday, September 17` is
/// no place).
fn is_calendar_word(word: &str, language: &Language) -> bool {
    let english = lang::known("en");
    let word = word.trim_end_matches('.');
    [Some(language), english]
        .into_iter()
        .flatten()
        .any(|l| l.month(word).is_some() || l.weekday(word).is_some())
}

/// A dateline with a date and an agency but no place: `Jan 31 (Reuters) -`.
fn dated_only(text: &str, language: &Language) -> Option<Dateline> {
    let (date, len) = date_at(text, language)?;
    let mut cursor = Cursor { text, at: len };
    cursor.skip_spaces();
    let rest = cursor.rest();
    let end = rest.strip_prefix('(')?.find(')')?;
    let agency = bracketed_agency(&rest[1..1 + end])?;
    cursor.take(end + 2);
    cursor.skip_spaces();
    let separated = SEPARATORS.iter().any(|s| cursor.eat(s)) || cursor.eat(".");
    if !separated || !(cursor.rest().is_empty() || cursor.rest().starts_with(char::is_whitespace)) {
        return None;
    }
    cursor.skip_spaces();
    Some(Dateline {
        len: cursor.at,
        place: String::new(),
        agency: Some(agency),
        date: Some(date),
    })
}

/// A date at the start of `text`: `Oct 5`, `Oct. 5`, `July 7, 2021`,
/// `5 October`, `5. Oktober 2021`, `5 окт`. Returns it and its length.
fn date_at(text: &str, language: &Language) -> Option<(PartialDate, usize)> {
    let english = lang::known("en");
    let month_of = |word: &str| {
        language
            .month(word)
            .or_else(|| english.and_then(|en| en.month(word)))
    };
    let mut cursor = Cursor { text, at: 0 };
    let first = cursor.peek_word();
    let (month, day) = if let Some(month) = month_of(first) {
        cursor.take(first.len());
        cursor.eat(".");
        cursor.skip_spaces();
        let day = day_number(cursor.peek_word())?;
        cursor.take(cursor.peek_word().len());
        (month, day)
    } else {
        let day = day_number(first.trim_end_matches('.'))?;
        cursor.take(first.len());
        cursor.skip_spaces();
        let word = cursor.peek_word();
        let month = month_of(word)?;
        cursor.take(word.len());
        (month, day)
    };
    let after_day = cursor.at;
    // `, 2021` or ` 2021`.
    cursor.eat(",");
    cursor.skip_spaces();
    let word = cursor.peek_word().trim_end_matches('.');
    let year = (word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit()))
        .then(|| word.parse::<i32>().ok())
        .flatten()
        .filter(|y| (1800..=2199).contains(y));
    if year.is_some() {
        cursor.take(word.len());
    } else {
        cursor.at = after_day;
    }
    cursor.eat(".");
    Some((PartialDate { year, month, day }, cursor.at))
}

/// `5`, `05`, `5th`, `5.` as a day of the month.
fn day_number(word: &str) -> Option<u32> {
    let digits = word.trim_end_matches(|c: char| c.is_alphabetic() || c == '.');
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let day: u32 = digits.parse().ok()?;
    (1..=31).contains(&day).then_some(day)
}

/// The byline a short line is, if it is one.
pub fn byline(line: &str, language: &Language) -> Option<Byline> {
    let line = line.trim();
    if line.is_empty() || line.len() > 160 || line.ends_with(['.', '!', '?', ';']) {
        return None;
    }
    let english = lang::known("en");
    let cue_words = language
        .byline_words
        .iter()
        .chain(english.into_iter().flat_map(|en| en.byline_words.iter()));
    let mut cued = false;
    let mut rest = line;
    for cue in cue_words {
        if let Some(after) = strip_word_prefix(rest, cue) {
            rest = after;
            cued = true;
            break;
        }
    }
    let (names_part, agency_found) = split_agency(rest, language);
    if !cued && agency_found.is_none() {
        return None;
    }
    let names = names(names_part, language)?;
    Some(Byline {
        names,
        agency: agency_found,
    })
}

/// `rest` after `word` and a space, case ignored.
fn strip_word_prefix<'a>(text: &'a str, word: &str) -> Option<&'a str> {
    let head = text.get(..word.len())?;
    let after = &text[word.len()..];
    (head.eq_ignore_ascii_case(word) || head.to_lowercase() == word.to_lowercase())
        .then_some(after)
        .filter(|a| a.starts_with(char::is_whitespace))
        .map(str::trim_start)
}

/// The names part and the agency of a byline: `Anna Berg for AFP`,
/// `Anna Berg, Reuters`, `Anna Berg (AFP)`, `Anna Berg / AFP`.
fn split_agency<'a>(text: &'a str, language: &Language) -> (&'a str, Option<String>) {
    let english = lang::known("en");
    let joiners = language
        .for_agency
        .iter()
        .chain(english.into_iter().flat_map(|en| en.for_agency.iter()));
    for joiner in joiners {
        let needle = format!(" {joiner} ");
        if let Some(at) = text.to_lowercase().rfind(&needle)
            && text.is_char_boundary(at)
            && let Some(found) = agency(&text[at + needle.len()..])
        {
            return (&text[..at], Some(found));
        }
    }
    for separator in [",", "(", "/", " - ", " – ", " — ", "|"] {
        if let Some(at) = text.rfind(separator)
            && let Some(found) = agency(&text[at + separator.len()..])
        {
            return (&text[..at], Some(found));
        }
    }
    (text, None)
}

/// Author names as a byline writes them: capitalised words, joined by
/// commas and `and`; in their usual capitalisation.
fn names(text: &str, language: &Language) -> Option<String> {
    let english = lang::known("en");
    let mut and_words: Vec<String> = vec!["and".into(), "&".into()];
    and_words.extend(language.number_joiners.iter().cloned());
    if let Some(en) = english {
        and_words.extend(en.number_joiners.iter().cloned());
    }
    let mut people: Vec<String> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    let finish = |current: &mut Vec<&str>, people: &mut Vec<String>| -> Option<()> {
        if current.is_empty() {
            return Some(());
        }
        if current.len() > MAX_NAME_WORDS {
            return None;
        }
        people.push(usual_case(current));
        current.clear();
        Some(())
    };
    for raw in text.split_whitespace() {
        let word = raw.trim_end_matches(',');
        let lower = word.to_lowercase();
        if and_words.contains(&lower) {
            finish(&mut current, &mut people)?;
            continue;
        }
        let capital = word.chars().next().is_some_and(char::is_uppercase);
        let particle = PLACE_PARTICLES.contains(&lower.as_str())
            || matches!(
                lower.as_str(),
                "van" | "von" | "der" | "den" | "bin" | "ibn" | "al"
            );
        if !(capital || (particle && !current.is_empty())) {
            return None;
        }
        current.push(word);
        if raw.ends_with(',') {
            finish(&mut current, &mut people)?;
        }
    }
    finish(&mut current, &mut people)?;
    if people.is_empty() {
        return None;
    }
    Some(match people.as_slice() {
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
        [] => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn en() -> &'static Language {
        lang::language(Some("en"))
    }

    fn dateline(text: &str) -> Option<(String, Option<String>, Option<PartialDate>, String)> {
        parse(text, en()).map(|d| (d.place, d.agency, d.date, text[d.len..].to_owned()))
    }

    fn date(year: Option<i32>, month: u32, day: u32) -> Option<PartialDate> {
        Some(PartialDate { year, month, day })
    }

    #[test]
    fn dateline_forms() {
        let rest = "Russian officials said.";
        for (text, place, agency, when) in [
            (
                "MOSCOW (AFP) — Russian officials said.",
                "Moscow",
                Some("AFP"),
                None,
            ),
            (
                "Moscow, Oct 5 (Reuters) - Russian officials said.",
                "Moscow",
                Some("Reuters"),
                date(None, 10, 5),
            ),
            (
                "MOSCOW, Russia (AP) — Russian officials said.",
                "Moscow",
                Some("AP"),
                None,
            ),
            (
                "Moscow (AFP) July 7, 2021 - Russian officials said.",
                "Moscow",
                Some("AFP"),
                date(Some(2021), 7, 7),
            ),
            ("MOSCOW • Russian officials said.", "Moscow", None, None),
            (
                "Moscow, Oct 5: Russian officials said.",
                "Moscow",
                None,
                date(None, 10, 5),
            ),
            (
                "ST. PETERSBURG, Oct. 5 (Reuters) - Russian officials said.",
                "St. Petersburg",
                Some("Reuters"),
                date(None, 10, 5),
            ),
            (
                "RIO DE JANEIRO (AFP) — Russian officials said.",
                "Rio de Janeiro",
                Some("AFP"),
                None,
            ),
            (
                "Oslo, 5 October 2021 (NTB) – Russian officials said.",
                "Oslo",
                Some("NTB"),
                date(Some(2021), 10, 5),
            ),
        ] {
            let found = dateline(text).unwrap_or_else(|| panic!("no dateline in {text:?}"));
            assert_eq!(found.0, place, "{text}");
            assert_eq!(found.1.as_deref(), agency, "{text}");
            assert_eq!(found.2, when, "{text}");
            assert_eq!(found.3, rest, "{text}");
        }
    }

    #[test]
    fn a_date_and_an_agency_without_a_place() {
        let found = dateline("Jan 31 (Reuters) - Russian officials said.").unwrap();
        assert_eq!(found.0, "");
        assert_eq!(found.1.as_deref(), Some("Reuters"));
        assert_eq!(found.2, date(None, 1, 31));
        assert_eq!(dateline("Friday, September 17, 2021"), None);
    }

    #[test]
    fn a_dateline_alone_on_its_line() {
        let found = dateline("Oslo (NTB) March 3, 2022").unwrap();
        assert_eq!(found.0, "Oslo");
        assert_eq!(found.1.as_deref(), Some("NTB"));
        assert_eq!(found.2, date(Some(2022), 3, 3));
        assert_eq!(found.3, "");
    }

    #[test]
    fn other_languages_datelines() {
        let de = lang::language(Some("de"));
        let found = parse("BERLIN, 5. Oktober (dpa) - Die Regierung sagte.", de).unwrap();
        assert_eq!(
            (found.place.as_str(), found.agency.as_deref()),
            ("Berlin", Some("dpa"))
        );
        assert_eq!(found.date, date(None, 10, 5));
        let ru = lang::language(Some("ru"));
        let found = parse("МОСКВА, 5 октября /ТАСС/. Россия отправила.", ru).unwrap();
        assert_eq!(
            (found.place.as_str(), found.agency.as_deref()),
            ("Москва", Some("TASS"))
        );
        let fr = lang::language(Some("fr"));
        let found = parse("Moscou (AFP) - La Russie a envoyé.", fr).unwrap();
        assert_eq!(
            (found.place.as_str(), found.agency.as_deref()),
            ("Moscou", Some("AFP"))
        );
    }

    #[test]
    fn sentences_are_not_datelines() {
        for text in [
            "Russia, the host country, said nothing.",
            "Moscow is far - very far.",
            "The Kremlin said: nothing.",
            "Yulia Peresild, 36, will fly.",
            "NASA and Roscosmos agreed.",
            "On Oct. 5, she flies.",
            "Moscow (the capital) is cold.",
        ] {
            assert_eq!(dateline(text), None, "{text}");
        }
    }

    fn by(line: &str) -> Option<(String, Option<String>)> {
        byline(line, en()).map(|b| (b.names, b.agency))
    }

    #[test]
    fn byline_forms() {
        for (line, names, agency) in [
            ("By Anna Berg", "Anna Berg", None),
            ("By Marina LAPENKOVA", "Marina Lapenkova", None),
            ("By Anna Berg and Tom Reed", "Anna Berg and Tom Reed", None),
            ("Anna Berg for AFP", "Anna Berg", Some("AFP")),
            ("Marina Lapenkova for AFP", "Marina Lapenkova", Some("AFP")),
            ("Anna Berg, Reuters", "Anna Berg", Some("Reuters")),
            ("By Anna Berg, Associated Press", "Anna Berg", Some("AP")),
            (
                "BY ANNA BERG AND TOM REED (AFP)",
                "Anna Berg and Tom Reed",
                Some("AFP"),
            ),
            (
                "By Anna Berg, Tom Reed and Li Wei",
                "Anna Berg, Tom Reed and Li Wei",
                None,
            ),
            ("By Anna de la Cruz", "Anna de la Cruz", None),
        ] {
            assert_eq!(
                by(line),
                Some((names.to_owned(), agency.map(str::to_owned))),
                "{line}"
            );
        }
        let fr = lang::language(Some("fr"));
        assert_eq!(
            byline("Par Marina Lapenkova (AFP)", fr).map(|b| (b.names, b.agency)),
            Some(("Marina Lapenkova".to_owned(), Some("AFP".to_owned())))
        );
    }

    #[test]
    fn lines_that_are_not_bylines() {
        for line in [
            "By the end of the year, prices rose.",
            "Anna Berg",
            "By train and by boat",
            "The council voted for AFP",
            "Russia sent an actress, Reuters reported.",
        ] {
            assert_eq!(by(line), None, "{line}");
        }
    }
}
