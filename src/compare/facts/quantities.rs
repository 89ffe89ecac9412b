//! Ages, sums of money, durations, counts and other numbers, each with what
//! it measures: the currency, the time unit, the counted noun, or the person
//! whose age it is.

use std::ops::Range;

use super::FactKind;
use super::names::NameSpan;
use super::numbers::{Quantity, parse_at};
use super::scan::Token;
use crate::compare::tokens::{fold, is_stopword, stem};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuantityMention {
    pub kind: FactKind,
    pub tokens: Range<usize>,
    pub value: String,
    /// Currency, time unit, counted noun (stemmed) or ordinal's noun.
    pub unit: Option<String>,
    /// For ages: the name span the age belongs to.
    pub subject: Option<usize>,
}

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

/// The plural form a time unit is normalised to.
fn time_unit(word: &str) -> Option<&'static str> {
    let word = word.to_lowercase();
    TIME_UNITS
        .iter()
        .find(|(one, many)| word == *one || word == *many)
        .map(|(_, many)| *many)
}

fn currency_symbol(text: &str) -> Option<&'static str> {
    Some(match text {
        "$" => "USD",
        "€" => "EUR",
        "£" => "GBP",
        "₽" => "RUB",
        "¥" => "JPY",
        _ => return None,
    })
}

fn currency_word(word: &str) -> Option<&'static str> {
    Some(match word.to_lowercase().as_str() {
        "dollar" | "dollars" | "usd" => "USD",
        "euro" | "euros" | "eur" => "EUR",
        "pound" | "pounds" | "gbp" => "GBP",
        "rouble" | "roubles" | "ruble" | "rubles" | "rub" => "RUB",
        "yen" | "jpy" => "JPY",
        "yuan" | "cny" => "CNY",
        _ => return None,
    })
}

fn lower<'t>(tokens: &'t [Token], i: usize) -> Option<&'t str> {
    tokens.get(i).filter(|t| t.is_word()).map(Token::lower)
}

/// Finds the quantities of a sentence, skipping tokens in `taken` (dates).
pub fn find(tokens: &[Token], names: &[NameSpan], taken: &[bool]) -> Vec<QuantityMention> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if taken[i] || !tokens[i].is_word() {
            i += 1;
            continue;
        }
        let mention = compound_at(tokens, i, names)
            .or_else(|| ordinal_at(tokens, i))
            .or_else(|| quantity_at(tokens, i, names));
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

/// `36-year-old`, `three-hour`, `12-day`.
fn compound_at(tokens: &[Token], i: usize, names: &[NameSpan]) -> Option<QuantityMention> {
    let text = tokens[i].lower();
    let mut parts = text.split('-');
    let number = parts.next()?;
    let unit = time_unit(parts.next()?)?;
    let rest: Vec<&str> = parts.collect();
    let value = parse_at(&super::scan::tokens(number), 0)?.0;
    if rest == ["old"] {
        let age = value.as_whole(130)?;
        return Some(QuantityMention {
            kind: FactKind::Age,
            tokens: i..i + 1,
            value: age.to_string(),
            unit: None,
            subject: age_subject(names, i, i + 1),
        });
    }
    rest.is_empty().then(|| QuantityMention {
        kind: FactKind::Duration,
        tokens: i..i + 1,
        value: format!("{} {unit}", value.normal()),
        unit: Some(unit.to_owned()),
        subject: None,
    })
}

/// `60th anniversary`, `21st-century`.
fn ordinal_at(tokens: &[Token], i: usize) -> Option<QuantityMention> {
    let text = tokens[i].lower();
    let head = text.split('-').next()?;
    let digits = head.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &head[digits.len()..];
    if digits.is_empty()
        || !digits.bytes().all(|b| b.is_ascii_digit())
        || !matches!(suffix, "st" | "nd" | "rd" | "th")
    {
        return None;
    }
    let noun = text
        .split_once('-')
        .map(|(_, rest)| rest.to_owned())
        .or_else(|| lower(tokens, i + 1).map(str::to_owned))
        .map(|w| stem(&fold(&w)).to_owned());
    Some(QuantityMention {
        kind: FactKind::Number,
        tokens: i..i + 1,
        value: head.to_owned(),
        unit: noun,
        subject: None,
    })
}

fn quantity_at(tokens: &[Token], i: usize, names: &[NameSpan]) -> Option<QuantityMention> {
    let (quantity, mut end) = parse_at(tokens, i)?;
    let written_in_digits = tokens[i..end].iter().any(Token::is_digits);
    let mention =
        |kind, end: usize, value: String, unit: Option<String>, subject| QuantityMention {
            kind,
            tokens: i..end,
            value,
            unit,
            subject,
        };
    // Money: "$5 million", "tens of millions of dollars".
    if let Some(code) = i
        .checked_sub(1)
        .and_then(|p| currency_symbol(tokens[p].text))
    {
        let start = i - 1;
        return Some(QuantityMention {
            tokens: start..end,
            ..mention(
                FactKind::Money,
                end,
                format!("{} {code}", quantity.normal()),
                Some(code.into()),
                None,
            )
        });
    }
    if lower(tokens, end) == Some("of")
        && tokens
            .get(end + 1)
            .is_some_and(|t| currency_word(t.text).is_some())
    {
        end += 1;
    }
    if let Some(code) = tokens.get(end).and_then(|t| currency_word(t.text)) {
        return Some(mention(
            FactKind::Money,
            end + 1,
            format!("{} {code}", quantity.normal()),
            Some(code.into()),
            None,
        ));
    }
    // Ages and durations.
    if let Some(unit) = tokens.get(end).and_then(|t| time_unit(t.text)) {
        match lower(tokens, end + 1) {
            Some("old") => {
                let age = quantity.as_whole(130)?;
                return Some(mention(
                    FactKind::Age,
                    end + 2,
                    age.to_string(),
                    None,
                    age_subject(names, i, end + 2),
                ));
            }
            Some("ago") => return None,
            _ => {}
        }
        return Some(mention(
            FactKind::Duration,
            end + 1,
            format!("{} {unit}", quantity.normal()),
            Some(unit.to_owned()),
            None,
        ));
    }
    if lower(tokens, i.wrapping_sub(1)) == Some("aged") {
        let age = quantity.as_whole(130)?;
        return Some(mention(
            FactKind::Age,
            end,
            age.to_string(),
            None,
            age_subject(names, i - 1, end),
        ));
    }
    if let Some(subject) = apposition_age(tokens, i, end, names, &quantity) {
        return Some(subject);
    }
    if !written_in_digits && quantity.low < 2.0 {
        // "one of", "a"…: too common to be a fact.
        return None;
    }
    // Percentages.
    if tokens.get(end).is_some_and(|t| t.is("%")) || lower(tokens, end) == Some("percent") {
        return Some(mention(
            FactKind::Number,
            end + 1,
            format!("{}%", quantity.normal()),
            Some("%".into()),
            None,
        ));
    }
    // Counts: "3,000 candidates", "twelve cosmonauts".
    if let Some(noun) = tokens
        .get(end)
        .filter(|t| t.is_word() && !t.is_capitalised() && !t.is_digits())
    {
        let folded = fold(noun.text);
        if folded != "of" && !is_stopword(&folded) {
            return Some(mention(
                FactKind::Count,
                end + 1,
                quantity.normal(),
                Some(stem(&folded).to_owned()),
                None,
            ));
        }
    }
    written_in_digits.then(|| mention(FactKind::Number, end, quantity.normal(), None, None))
}

/// `Yulia Peresild, 36,` and `Klim Shipenko (38)`: a whole number right
/// after a name, between commas or in brackets.
fn apposition_age(
    tokens: &[Token],
    i: usize,
    end: usize,
    names: &[NameSpan],
    quantity: &Quantity,
) -> Option<QuantityMention> {
    let age = quantity.as_whole(130).filter(|&a| a > 0)?;
    if end != i + 1 || !tokens[i].is_digits() {
        return None;
    }
    let before = tokens.get(i.checked_sub(1)?)?;
    let after = tokens.get(end);
    let closes = |t: Option<&Token>| {
        t.is_none_or(|t| {
            t.is(",") || t.is(".") || t.is(")") || t.is(";") || matches!(t.lower(), "and" | "who")
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
/// Peresild`), else the nearest one before it (`Ernst, the 60-year-old`,
/// `Rogozin, who is 57 years old`).
fn age_subject(names: &[NameSpan], start: usize, end: usize) -> Option<usize> {
    if let Some(after) = names
        .iter()
        .position(|s| s.tokens.start >= end && s.tokens.start <= end + 1)
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

    /// (kind, text, value, unit, subject's text)
    fn found(text: &str) -> Vec<(String, String, String, String, String)> {
        let tokens = tokens(text);
        let names = names::find(&tokens, &|_| false);
        let taken = vec![false; tokens.len()];
        find(&tokens, &names, &taken)
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

    fn one(text: &str) -> (String, String, String, String, String) {
        let all = found(text);
        assert_eq!(all.len(), 1, "{text}: {all:?}");
        all.into_iter().next().unwrap()
    }

    #[test]
    fn ages_in_every_form() {
        let age = |t: &str| {
            let (kind, _, value, _, subject) = one(t);
            assert_eq!(kind, "age", "{t}");
            (value, subject)
        };
        assert_eq!(
            age("the actress Yulia Peresild, 36, and"),
            ("36".into(), "Yulia Peresild".into())
        );
        assert_eq!(
            age("celebrated, 36-year-old Yulia Peresild is"),
            ("36".into(), "Yulia Peresild".into())
        );
        assert_eq!(
            age("with Klim Shipenko (38)."),
            ("38".into(), "Klim Shipenko".into())
        );
        assert_eq!(
            age("For Rogozin, who is 57 years old, the film"),
            ("57".into(), "Rogozin".into())
        );
        assert_eq!(
            age("is Konstantin Ernst, the 60-year-old head"),
            ("60".into(), "Konstantin Ernst".into())
        );
        assert_eq!(
            age("with Peter Smith, aged 41, said"),
            ("41".into(), "Peter Smith".into())
        );
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
        assert_eq!(one("for the next twelve days.").2, "12 days");
        assert_eq!(one("will have 12 days to shoot").2, "12 days");
        assert_eq!(one("after a three-hour trip").2, "3 hours");
        assert_eq!(one("for more than 20 years some").2, ">20 years");
        let count = one("from among 3,000 candidates");
        assert_eq!(
            (count.0.as_str(), count.2.as_str(), count.3.as_str()),
            ("count", "3000", "candidat")
        );
        assert_eq!(one("on the 60th anniversary").2, "60th");
        assert_eq!(one("a 20% rise").2, "20%");
        assert!(found("one of Russia's most famous, a big name").is_empty());
        assert!(found("it happened three years ago").is_empty());
    }
}
