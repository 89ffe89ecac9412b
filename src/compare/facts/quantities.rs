//! Ages, sums of money, durations, measures, percentages, counts and other
//! numbers, each with what it measures: the currency, the time unit, the
//! unit of length, area or mass (converted, so that `220 miles` meets `354
//! km`), the counted noun, or the person whose age it is. Words come from
//! the article's language (`assets/lang/`), then English; currency symbols
//! and ISO codes are known in every language.

use std::ops::Range;

use super::names::NameSpan;
use super::numbers::{Quantity, parse_at, plain};
use super::scan::Token;
use super::{Context, FactKind};
use crate::lang::AgePattern;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuantityMention {
    pub kind: FactKind,
    pub tokens: Range<usize>,
    pub value: String,
    /// Currency, time unit, measure's unit, counted noun (stemmed).
    pub unit: Option<String>,
    /// For ages: the name span the age belongs to.
    pub subject: Option<usize>,
}

/// Units of time, by the canonical names of the language files, with the
/// plural a value is written with.
const TIME_UNITS: &[(&str, &str)] = &[
    ("second", "seconds"),
    ("minute", "minutes"),
    ("hour", "hours"),
    ("day", "days"),
    ("week", "weeks"),
    ("month", "months"),
    ("year", "years"),
    ("decade", "decades"),
    ("century", "centuries"),
];

/// Measures: each unit's dimension, the unit its values are converted to,
/// and the factor. (International yard and pound, 1959.)
const MEASURES: &[(&str, &str, f64)] = &[
    ("kilometre", "km", 1.0),
    ("metre", "km", 0.001),
    ("mile", "km", 1.609_344),
    ("foot", "km", 0.000_304_8),
    ("kilogram", "kg", 1.0),
    ("tonne", "kg", 1000.0),
    ("hectare", "ha", 1.0),
    ("acre", "ha", 0.404_685_642_24),
];

/// Currency symbols, by ISO 4217 code.
const CURRENCY_SYMBOLS: &[(&str, &str)] = &[
    ("$", "USD"),
    ("US$", "USD"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("₽", "RUB"),
    ("¥", "JPY"),
    ("₹", "INR"),
    ("₺", "TRY"),
    ("₴", "UAH"),
    ("kn", "HRK"),
    ("zł", "PLN"),
    ("R$", "BRL"),
];

/// ISO 4217 codes written before or after a number (`EUR 2 million`).
const CURRENCY_CODES: &[&str] = &[
    "USD", "EUR", "GBP", "RUB", "JPY", "CNY", "CHF", "INR", "NOK", "SEK", "DKK", "PLN", "TRY",
    "BRL", "CLP", "MXN", "ARS", "HRK", "UAH", "KZT", "CAD", "AUD", "NZD", "ZAR", "HUF", "CZK",
    "RON", "BGN", "ILS", "KRW", "SGD", "HKD",
];

fn lower<'t>(tokens: &'t [Token], i: usize) -> Option<&'t str> {
    tokens.get(i).filter(|t| t.is_word()).map(Token::lower)
}

/// The unit a word or phrase names at `i` (canonical name), and how many
/// tokens it takes.
fn unit_at(tokens: &[Token], i: usize, cx: &Context) -> Option<(String, usize)> {
    let word = |k: usize| {
        tokens
            .get(k)
            .map(|t| if t.is_word() { t.lower() } else { t.text })
    };
    cx.languages()
        .find_map(|l| l.units.longest(word, i))
        .map(|(len, unit)| (unit.clone(), len))
}

fn time_plural(unit: &str) -> Option<&'static str> {
    TIME_UNITS
        .iter()
        .find(|(one, _)| *one == unit)
        .map(|(_, many)| *many)
}

fn measure(unit: &str) -> Option<(&'static str, f64)> {
    MEASURES
        .iter()
        .find(|(name, _, _)| *name == unit)
        .map(|&(_, to, factor)| (to, factor))
}

/// A currency word or code at `i` (`dollars`, `euros`, `EUR`, `US
/// dollars`), and how many tokens it takes.
fn currency_at(tokens: &[Token], i: usize, cx: &Context) -> Option<(String, usize)> {
    let token = tokens.get(i)?;
    if token.is_word() && CURRENCY_CODES.contains(&token.text) {
        return Some((token.text.to_owned(), 1));
    }
    let word = |k: usize| tokens.get(k).filter(|t| t.is_word()).map(Token::lower);
    cx.languages()
        .find_map(|l| l.currencies.longest(word, i))
        .map(|(len, code)| (code.clone(), len))
}

fn currency_symbol(text: &str) -> Option<&'static str> {
    CURRENCY_SYMBOLS
        .iter()
        .find(|(symbol, _)| *symbol == text)
        .map(|&(_, code)| code)
}

/// Finds the quantities of a sentence, skipping tokens in `taken` (dates,
/// times of day).
pub fn find(
    tokens: &[Token],
    names: &[NameSpan],
    taken: &[bool],
    cx: &Context,
) -> Vec<QuantityMention> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if taken[i] {
            i += 1;
            continue;
        }
        let mention = money_before_at(tokens, i, cx)
            .or_else(|| age_pattern_at(tokens, i, names, cx))
            .or_else(|| compound_at(tokens, i, names, cx))
            .or_else(|| ordinal_at(tokens, i, cx))
            .or_else(|| {
                tokens[i]
                    .is_word()
                    .then(|| quantity_at(tokens, i, names, cx))
                    .flatten()
            });
        match mention {
            Some(m) if !taken[m.tokens.clone()].iter().any(|&t| t) => {
                i = m.tokens.end;
                found.push(m);
            }
            _ => i += 1,
        }
    }
    found
}

/// Money with its currency in front: `$5 million`, `€2m`, `EUR 2
/// million`, `US$ 3bn`, `NOK 1.5 billion`.
fn money_before_at(tokens: &[Token], i: usize, cx: &Context) -> Option<QuantityMention> {
    let token = &tokens[i];
    let code = currency_symbol(token.text).map(str::to_owned).or_else(|| {
        (token.is_word() && CURRENCY_CODES.contains(&token.text)).then(|| token.text.to_owned())
    })?;
    // `US$`: the letters and the sign are two tokens.
    let start = if token.text == "$" && i > 0 && tokens[i - 1].text == "US" && !tokens[i].spaced {
        i - 1
    } else {
        i
    };
    let (quantity, end) = parse_at(tokens, i + 1, cx)?;
    Some(QuantityMention {
        kind: FactKind::Money,
        tokens: start..end,
        value: format!("{} {code}", quantity.normal()),
        unit: Some(code),
        subject: None,
    })
}

/// An age by one of the language's patterns: `36-year-old`, `aged 41`,
/// `37 ans`, `de 36 años`, `36-jährige`, `37enne`, `37 лет`.
fn age_pattern_at(
    tokens: &[Token],
    i: usize,
    names: &[NameSpan],
    cx: &Context,
) -> Option<QuantityMention> {
    for language in cx.languages() {
        for pattern in &language.age_patterns {
            let (words, slot) = (&pattern.words, pattern.slot);
            if words.len() == 1 && pattern.before.is_empty() && pattern.after.is_empty() {
                continue;
            }
            let start = i;
            let Some(age) = match_age(tokens, start, pattern) else {
                continue;
            };
            let end = start + words.len();
            // `37 ans`, `de 36 años`, `37 лет` are also lengths of time: an
            // age only next to a name (`Peressild, 37 ans,`).
            let only_years = words.len() > 1
                && words.iter().enumerate().all(|(k, word)| {
                    k == slot
                        || language.units.word(word).is_some_and(|u| u == "year")
                        || language.is_stopword(word)
                });
            let subject = age_subject(tokens, names, (start, end), cx);
            if only_years && !next_to_name(tokens, names, start, end) {
                continue;
            }
            // Someone unnamed is told apart by the noun: `a 67-year-old
            // man`, `a woman aged 71`.
            let unit = subject
                .is_none()
                .then(|| described_by(tokens, start, end, cx))
                .flatten();
            return Some(QuantityMention {
                kind: FactKind::Age,
                tokens: start..end,
                value: age.to_string(),
                unit,
                subject,
            });
        }
    }
    None
}

/// The common noun an age describes: the word after it (`67-year-old
/// man`), else the word before (`a woman aged 71`), when that is a
/// lower-case content word.
fn described_by(tokens: &[Token], start: usize, end: usize, cx: &Context) -> Option<String> {
    let noun = |k: usize| {
        tokens
            .get(k)
            .filter(|t| {
                t.is_word()
                    && !t.is_capitalised()
                    && !t.is_digits()
                    && !cx.languages().any(|l| l.is_stopword(t.lower()))
            })
            .map(|t| cx.language.stem(t.lower()).to_owned())
    };
    noun(end).or_else(|| start.checked_sub(1).and_then(noun))
}

/// The age `pattern` matches at `start`.
fn match_age(tokens: &[Token], start: usize, pattern: &AgePattern) -> Option<u32> {
    let mut age = None;
    for (k, word) in pattern.words.iter().enumerate() {
        let token = tokens.get(start + k)?;
        if !token.is_word() {
            return None;
        }
        let lower = token.lower();
        if k == pattern.slot {
            let digits = lower
                .strip_prefix(pattern.before.as_str())?
                .strip_suffix(pattern.after.as_str())?;
            if digits.is_empty() || digits.len() > 3 || !digits.bytes().all(|b| b.is_ascii_digit())
            {
                return None;
            }
            age = digits
                .parse::<u32>()
                .ok()
                .filter(|&a| (1..=130).contains(&a));
        } else if lower != word {
            return None;
        }
    }
    age
}

/// A name right before (`Peressild, 37 ans`) or a `de` after a name
/// (`Peresild, de 36 años`).
fn next_to_name(tokens: &[Token], names: &[NameSpan], start: usize, end: usize) -> bool {
    let before_comma = start
        .checked_sub(1)
        .is_some_and(|p| tokens[p].is(",") || tokens[p].is("("));
    let name_before = names
        .iter()
        .any(|s| s.tokens.end + 1 == start || s.tokens.end + 2 == start);
    let closed = tokens
        .get(end)
        .is_none_or(|t| t.is(",") || t.is(")") || t.is(".") || t.is(";"));
    (before_comma && name_before && closed) || names.iter().any(|s| s.tokens.end == start)
}

/// `36-year-old`, `three-hour`, `12-day`, `10-km`, `50-basis-point`: a
/// number joined by hyphens to its unit.
fn compound_at(
    tokens: &[Token],
    i: usize,
    names: &[NameSpan],
    cx: &Context,
) -> Option<QuantityMention> {
    let token = tokens.get(i).filter(|t| t.is_word())?;
    let text = token.lower();
    let parts: Vec<&str> = text.split('-').collect();
    let (number, rest) = parts.split_first()?;
    let part = |k: usize| rest.get(k).copied();
    let (len, unit) = cx.languages().find_map(|l| l.units.longest(part, 0))?;
    let after: &[&str] = &rest[len..];
    let number_tokens = super::scan::tokens(number);
    let (value, used) = parse_at(&number_tokens, 0, cx)?;
    if used != number_tokens.len() {
        return None;
    }
    let mention = |kind, value: String, unit: Option<String>, subject| QuantityMention {
        kind,
        tokens: i..i + 1,
        value,
        unit,
        subject,
    };
    if let Some(plural) = time_plural(unit) {
        return match after {
            ["old"] => {
                let age = value.as_whole(130)?;
                let subject = age_subject(tokens, names, (i, i + 1), cx);
                Some(mention(FactKind::Age, age.to_string(), None, subject))
            }
            [] => Some(mention(
                FactKind::Duration,
                format!("{} {plural}", value.normal()),
                Some(plural.to_owned()),
                None,
            )),
            _ => None,
        };
    }
    if !after.is_empty() {
        return None;
    }
    if let Some((to, factor)) = measure(unit) {
        return Some(mention(
            FactKind::Measure,
            format!("{} {to}", significant(value.scaled(factor))),
            Some(to.to_owned()),
            None,
        ));
    }
    let sign = match unit.as_str() {
        "percent" => "%",
        "percentage_point" => "pp",
        "basis_point" => "bp",
        _ => return None,
    };
    Some(mention(
        FactKind::Percent,
        format!("{}{sign}", value.normal()),
        Some(sign.to_owned()),
        None,
    ))
}

/// `60th anniversary`, `21st-century`.
fn ordinal_at(tokens: &[Token], i: usize, cx: &Context) -> Option<QuantityMention> {
    let token = tokens.get(i).filter(|t| t.is_word())?;
    let text = token.lower();
    let head = text.split('-').next()?;
    let digits = head.trim_end_matches(|c: char| c.is_alphabetic());
    let suffix = &head[digits.len()..];
    if digits.is_empty()
        || !digits.bytes().all(|b| b.is_ascii_digit())
        || !cx.languages().any(|l| {
            l.ordinal_suffixes
                .iter()
                .any(|s| s == suffix && !s.is_empty())
        })
    {
        return None;
    }
    let noun = text
        .split_once('-')
        .map(|(_, rest)| rest.to_owned())
        .or_else(|| lower(tokens, i + 1).map(str::to_owned))
        .map(|w| cx.language.stem(&w).to_owned());
    Some(QuantityMention {
        kind: FactKind::Number,
        tokens: i..i + 1,
        value: head.to_owned(),
        unit: noun,
        subject: None,
    })
}

fn quantity_at(
    tokens: &[Token],
    i: usize,
    names: &[NameSpan],
    cx: &Context,
) -> Option<QuantityMention> {
    let (quantity, mut end) = parse_at(tokens, i, cx)?;
    let written_in_digits = tokens[i..end].iter().any(Token::is_digits);
    let mention =
        |kind, end: usize, value: String, unit: Option<String>, subject| QuantityMention {
            kind,
            tokens: i..end,
            value,
            unit,
            subject,
        };
    // `€2m`, `$5bn`: a symbol glued to the digits.
    if let Some(symbol_end) = tokens[i].text.find(|c: char| c.is_ascii_digit())
        && symbol_end > 0
        && let Some(code) = currency_symbol(&tokens[i].text[..symbol_end])
    {
        return Some(mention(
            FactKind::Money,
            end,
            format!("{} {code}", quantity.normal()),
            Some(code.to_owned()),
            None,
        ));
    }
    // Money: "tens of millions of dollars", "2 million euros", "EUR".
    let joiner =
        lower(tokens, end).is_some_and(|w| cx.languages().any(|l| l.vague_joiners.contains(w)));
    if joiner && currency_at(tokens, end + 1, cx).is_some() {
        end += 1;
    }
    if let Some((code, len)) = currency_at(tokens, end, cx) {
        return Some(mention(
            FactKind::Money,
            end + len,
            format!("{} {code}", quantity.normal()),
            Some(code),
            None,
        ));
    }
    if let Some((unit, len)) = unit_at(tokens, end, cx) {
        // Ages: `57 years old`.
        if unit == "year" && lower(tokens, end + len) == Some("old") {
            let age = quantity.as_whole(130)?;
            return Some(mention(
                FactKind::Age,
                end + len + 1,
                age.to_string(),
                None,
                age_subject(tokens, names, (i, end + len + 1), cx),
            ));
        }
        if let Some(plural) = time_plural(&unit) {
            if lower(tokens, end + len).is_some_and(|w| cx.languages().any(|l| l.ago.contains(w))) {
                return None;
            }
            return Some(mention(
                FactKind::Duration,
                end + len,
                format!("{} {plural}", quantity.normal()),
                Some(plural.to_owned()),
                None,
            ));
        }
        if let Some((to, factor)) = measure(&unit) {
            // `72 km/h`, `45 miles per hour`: a speed.
            let (mut per_hour, extra) = per_hour(tokens, end + len, cx);
            per_hour |= matches!(lower(tokens, end), Some("mph" | "kph" | "kmh"));
            let (to, extra) = if per_hour && to == "km" {
                ("km/h", extra)
            } else {
                (to, 0)
            };
            let converted = quantity.scaled(factor);
            return Some(mention(
                FactKind::Measure,
                end + len + extra,
                format!("{} {to}", significant(converted)),
                Some(to.to_owned()),
                None,
            ));
        }
        let percent = match unit.as_str() {
            "percent" => Some("%"),
            "percentage_point" if written_in_digits => Some("pp"),
            "basis_point" => Some("bp"),
            _ => None,
        };
        if let Some(sign) = percent {
            return Some(mention(
                FactKind::Percent,
                end + len,
                format!("{}{sign}", quantity.normal()),
                Some(sign.to_owned()),
                None,
            ));
        }
    }
    if tokens.get(end).is_some_and(|t| t.is("%")) {
        return Some(mention(
            FactKind::Percent,
            end + 1,
            format!("{}%", quantity.normal()),
            Some("%".into()),
            None,
        ));
    }
    if lower(tokens, i.wrapping_sub(1)).is_some_and(|w| w == "aged") {
        let age = quantity.as_whole(130)?;
        return Some(mention(
            FactKind::Age,
            end,
            age.to_string(),
            None,
            age_subject(tokens, names, (i - 1, end), cx),
        ));
    }
    if let Some(subject) = apposition_age(tokens, i, end, names, &quantity, cx) {
        return Some(subject);
    }
    if !written_in_digits && quantity.low < 2.0 {
        // "one of", "a"…: too common to be a fact.
        return None;
    }
    // Counts: "3,000 candidates", "twelve cosmonauts", "19 league goals".
    if let Some((noun, noun_end)) = counted_noun(tokens, end, cx) {
        return Some(mention(
            FactKind::Count,
            noun_end,
            quantity.normal(),
            Some(cx.language.stem(&noun).to_owned()),
            None,
        ));
    }
    written_in_digits.then(|| mention(FactKind::Number, end, quantity.normal(), None, None))
}

/// Longest run of words naming what a number counts, as in `19 league
/// goals` or `4,000 small and mid-sized companies`.
const COUNTED_WORDS: usize = 4;

/// The noun a number at `at` counts, with the token after it: the first
/// lower-case content word, or, where the language marks plurals
/// (`[words] plural_endings`), the first plural one after singular
/// modifiers (`19 league goals`, `4,000 small and mid-sized companies`),
/// within [`COUNTED_WORDS`]. `None` when a function word, a name or
/// punctuation comes first (`795 per dollar`, `2 of them`).
fn counted_noun(tokens: &[Token], at: usize, cx: &Context) -> Option<(String, usize)> {
    let content = |k: usize| {
        tokens.get(k).is_some_and(|t| {
            t.is_word() && !t.is_capitalised() && !t.is_digits() && {
                let lower = t.lower();
                !cx.languages()
                    .any(|l| l.is_stopword(lower) || l.vague_joiners.contains(lower))
            }
        })
    };
    let plural = |k: usize| {
        let word = tokens[k].lower();
        cx.language.plural_endings.is_empty()
            || cx
                .language
                .plural_endings
                .iter()
                .any(|e| word.ends_with(e.as_str()))
    };
    let conjunction = |k: usize| {
        tokens
            .get(k)
            .is_some_and(|t| t.is_word() && cx.language.coordinators.contains(t.lower()))
    };
    if !content(at) {
        return None;
    }
    let mut k = at;
    while !plural(k) && k < at + COUNTED_WORDS {
        if content(k + 1) {
            k += 1;
        } else if conjunction(k + 1) && content(k + 2) {
            k += 2;
        } else {
            break;
        }
    }
    if !plural(k) {
        k = at;
    }
    Some((tokens[k].lower().to_owned(), k + 1))
}

/// `/h`, `per hour`, `an hour` after a unit of length: true and the tokens
/// it takes.
fn per_hour(tokens: &[Token], at: usize, cx: &Context) -> (bool, usize) {
    let word = |k: usize| tokens.get(k).map(|t| t.lower());
    if word(at) == Some("/") && matches!(word(at + 1), Some("h" | "hr" | "hour")) {
        return (true, 2);
    }
    let hour = |k: usize| {
        word(k).is_some_and(|w| {
            cx.languages()
                .any(|l| l.units.word(w).is_some_and(|u| u == "hour"))
        })
    };
    if matches!(word(at), Some("per" | "an" | "a")) && hour(at + 1) {
        return (true, 2);
    }
    (false, 0)
}

/// Four significant digits: a converted measure keeps what the text gave.
fn significant(quantity: Quantity) -> String {
    let round = |v: f64| {
        if v == 0.0 {
            return 0.0;
        }
        let digits = 4 - v.abs().log10().floor() as i32 - 1;
        let factor = 10f64.powi(digits);
        (v * factor).round() / factor
    };
    let rounded = Quantity {
        low: round(quantity.low),
        high: round(quantity.high),
        qualifier: quantity.qualifier,
    };
    if rounded.is_exact() {
        let mut out = String::new();
        if let Some(q) = rounded.qualifier {
            out.push(q);
        }
        out.push_str(&plain(rounded.low));
        out
    } else {
        rounded.normal()
    }
}

/// `Yulia Peresild, 36,` and `Klim Shipenko (38)`: a whole number right
/// after a name, between commas or in brackets.
fn apposition_age(
    tokens: &[Token],
    i: usize,
    end: usize,
    names: &[NameSpan],
    quantity: &Quantity,
    cx: &Context,
) -> Option<QuantityMention> {
    let age = quantity.as_whole(130).filter(|&a| a > 0)?;
    if end != i + 1 || !tokens[i].is_digits() {
        return None;
    }
    let before = tokens.get(i.checked_sub(1)?)?;
    let after = tokens.get(end);
    // `Peresild, 36, and…`, `Peresild, 36, who…`: punctuation or a
    // function word closes the apposition.
    let closes = |t: Option<&Token>| {
        t.is_none_or(|t| {
            t.is(",")
                || t.is(".")
                || t.is(")")
                || t.is(";")
                || cx.languages().any(|l| l.is_stopword(t.lower()))
        })
    };
    let ok =
        (before.is(",") && closes(after)) || (before.is("(") && after.is_some_and(|t| t.is(")")));
    if !ok {
        return None;
    }
    let span = names.iter().position(|s| s.tokens.end == i - 1)?;
    Some(QuantityMention {
        kind: FactKind::Age,
        tokens: i..end,
        value: age.to_string(),
        unit: None,
        subject: Some(span),
    })
}

/// The name an age belongs to: the one right after it (`36-year-old Yulia
/// Peresild`, or after a role, `36-year-old actress Yulia Peresild`), else
/// the nearest one before it (`Ernst, the 60-year-old`, `Rogozin, who is 57
/// years old`). Not a name after a verb (`the 23-year-old replaces Danish
/// forward…`).
fn age_subject(
    tokens: &[Token],
    names: &[NameSpan],
    (start, end): (usize, usize),
    cx: &Context,
) -> Option<usize> {
    let role = tokens
        .get(end)
        .is_some_and(|t| t.is_word() && cx.languages().any(|l| l.is_not_name(t.text)));
    if let Some(after) = names
        .iter()
        .position(|s| s.tokens.start == end || (role && s.tokens.start == end + 1))
    {
        return Some(after);
    }
    names
        .iter()
        .enumerate()
        .filter(|(_, s)| s.tokens.end <= start && start - s.tokens.end <= 6)
        .map(|(k, _)| k)
        .next_back()
}

#[cfg(test)]
mod tests {
    use super::super::names;
    use super::super::scan::tokens;
    use super::*;
    use crate::lang;

    /// (kind, text, value, unit, subject's text)
    fn found_in(code: &str, text: &str) -> Vec<(String, String, String, String, String)> {
        let tokens = tokens(text);
        let names = names::find(&tokens, &|_| false, &|_| false, lang::language(Some(code)));
        let taken = vec![false; tokens.len()];
        let cx = Context::new(lang::language(Some(code)), None);
        find(&tokens, &names, &taken, &cx)
            .into_iter()
            .map(|m| {
                let span = |r: Range<usize>| {
                    text[tokens[r.start].range.start..tokens[r.end - 1].range.end].to_owned()
                };
                (
                    m.kind.name().to_owned(),
                    span(m.tokens.clone()),
                    m.value,
                    m.unit.unwrap_or_default(),
                    m.subject
                        .map(|s| span(names[s].tokens.clone()))
                        .unwrap_or_default(),
                )
            })
            .collect()
    }

    fn found(text: &str) -> Vec<(String, String, String, String, String)> {
        found_in("en", text)
    }

    fn one_in(code: &str, text: &str) -> (String, String, String, String, String) {
        let all = found_in(code, text);
        assert_eq!(all.len(), 1, "{text}: {all:?}");
        all.into_iter().next().unwrap()
    }

    fn one(text: &str) -> (String, String, String, String, String) {
        one_in("en", text)
    }

    #[test]
    fn ages_in_every_form() {
        let age = |code: &str, t: &str| {
            let (kind, _, value, _, subject) = one_in(code, t);
            assert_eq!(kind, "age", "{t}");
            (value, subject)
        };
        assert_eq!(
            age("en", "the actress Yulia Peresild, 36, and"),
            ("36".into(), "Yulia Peresild".into())
        );
        assert_eq!(
            age("en", "celebrated, 36-year-old Yulia Peresild is"),
            ("36".into(), "Yulia Peresild".into())
        );
        assert_eq!(
            age("en", "with Klim Shipenko (38)."),
            ("38".into(), "Klim Shipenko".into())
        );
        assert_eq!(
            age("en", "For Rogozin, who is 57 years old, the film"),
            ("57".into(), "Rogozin".into())
        );
        assert_eq!(
            age("en", "is Konstantin Ernst, the 60-year-old head"),
            ("60".into(), "Konstantin Ernst".into())
        );
        assert_eq!(
            age("en", "with Peter Smith, aged 41, said"),
            ("41".into(), "Peter Smith".into())
        );
        assert_eq!(
            age("fr", "la star Ioulia Peressild, 37 ans, doit"),
            ("37".into(), "Ioulia Peressild".into())
        );
        assert_eq!(
            age("es", "la actriz Yulia Peresild, de 36 años, y"),
            ("36".into(), "Yulia Peresild".into())
        );
        assert_eq!(age("de", "die 36-jährige Julia Peressild").0, "36");
        assert_eq!(age("it", "la 37enne Yulia Peresild").0, "37");
        // A length of time is no age.
        assert_eq!(one_in("fr", "il y a 10 ans déjà").0, "duration");
    }

    #[test]
    fn counted_nouns_are_the_head_noun() {
        let counted = |t: &str| {
            let (kind, text, _, unit, _) = one(t);
            (kind, text, unit)
        };
        assert_eq!(
            counted("he scored 19 league goals this season"),
            ("count".into(), "19 league goals".into(), "goal".into())
        );
        assert_eq!(
            counted("it helps some 4,000 small and medium-sized companies hit by"),
            (
                "count".into(),
                "some 4,000 small and medium-sized companies".into(),
                "compan".into()
            )
        );
        assert_eq!(
            counted("3,000 candidates applied").2,
            "candidat",
            "a verb after the noun is not the noun"
        );
        // A rate is no count.
        assert_eq!(counted("about 795 per dollar").0, "number");
        // Hyphenated units.
        assert_eq!(
            counted("a 50-basis-point cut"),
            ("percent".into(), "50-basis-point".into(), "bp".into())
        );
        assert_eq!(counted("a 220-mile trip").2, "km");
    }

    #[test]
    fn money_durations_counts_numbers() {
        assert_eq!(
            one("costs NASA tens of millions of dollars.").2,
            "1e7..1e8 USD"
        );
        assert_eq!(
            one("spends tens of thousands of dollars for").2,
            "1e4..1e5 USD"
        );
        assert_eq!(one("it cost $5 million").2, "5000000 USD");
        assert_eq!(one("a budget of 300 million rubles").2, "300000000 RUB");
        assert_eq!(one("will spend EUR 2 million on").2, "2000000 EUR");
        assert_eq!(one("will spend 1 million euros on").2, "1000000 EUR");
        assert_eq!(one("will spend €2m on").2, "2000000 EUR");
        assert_eq!(one("a fee of NOK 1.5 billion").2, "1500000000 NOK");
        assert_eq!(one("reached 1 500 000 euros, according").2, "1500000 EUR");
        assert_eq!(one("for the next twelve days.").2, "12 days");
        assert_eq!(one("will have 12 days to shoot").2, "12 days");
        assert_eq!(one("after a three-hour trip").2, "3 hours");
        assert_eq!(one("for more than 20 years some").2, ">20 years");
        assert_eq!(one("The flight took about 2½ hours.").2, "~2.5 hours");
        assert_eq!(one("took two and a half hours").2, "2.5 hours");
        let count = one("from among 3,000 candidates");
        assert_eq!(
            (count.0.as_str(), count.2.as_str(), count.3.as_str()),
            ("count", "3000", "candidat")
        );
        assert_eq!(one("on the 60th anniversary").2, "60th");
        assert!(found("one of Russia's most famous, a big name").is_empty());
        assert!(found("it happened three years ago").is_empty());
    }

    #[test]
    fn percentages_and_measures() {
        assert_eq!(one("a 20% rise").2, "20%");
        assert_eq!(one("Turnout was 64.5 per cent in").2, "64.5%");
        assert_eq!(one("Turnout was 64.5 percent in").2, "64.5%");
        assert_eq!(one_in("fr", "une hausse de 12,5 pour cent").2, "12.5%");
        assert_eq!(one("cut by 75 basis points").2, "75bp");
        assert_eq!(one("orbits at about 220 miles.").2, "~354.1 km");
        assert_eq!(one("orbits at about 354 km.").2, "~354 km");
        assert_eq!(one("burned 12,400 acres").2, "5018 ha");
        assert_eq!(one("gusts of 72 km/h at").2, "72 km/h");
        assert_eq!(one("winds of 45 miles per hour at").2, "72.42 km/h");
        assert_eq!(one("winds of 45 mph at").2, "72.42 km/h");
    }
}
