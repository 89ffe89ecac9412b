//! Dates in running text: absolute (`Oct. 5`, `October 5, 2021`,
//! `5 October 2021`, `05.10.2021`), partial (`September 2020`, `in June`,
//! `in 1969`), ranges (`from October 5 to 17, 2021`) and relative (`last
//! year`, `this Tuesday`), the relative ones resolved against the article's
//! date where it has one.
//!
//! Values are ISO 8601 at the precision the text gives: `2021-10-05`,
//! `2021-10`, `2021`, and `--10-05` or `--10` when the year is not written.
//! A relative date that cannot be resolved keeps its words after a `?`.

use std::ops::Range;

use chrono::{Datelike, Days, NaiveDate};

use super::scan::Token;
use crate::corpus::dates::{month_number, parse_numeric, weekday_number};

/// A date found in a sentence, by token range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    pub tokens: Range<usize>,
    pub value: String,
}

/// Finds the dates of a sentence. `published` is the article's date.
pub fn find(tokens: &[Token], published: Option<NaiveDate>) -> Vec<DateMention> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if let Some(mut dates) = date_at(tokens, i, published) {
            i = dates.last().map_or(i + 1, |d| d.tokens.end);
            found.append(&mut dates);
        } else {
            i += 1;
        }
    }
    found
}

fn word<'t>(tokens: &'t [Token], i: usize) -> Option<&'t str> {
    tokens.get(i).filter(|t| t.is_word()).map(Token::lower)
}

/// A capitalised month name, with its abbreviation period: returns the month
/// and the index after it. `may` in lower case is the verb.
fn month_at(tokens: &[Token], i: usize) -> Option<(u32, usize)> {
    let token = tokens
        .get(i)
        .filter(|t| t.is_word() && t.is_capitalised())?;
    let month = month_number(token.text)?;
    let full_name = matches!(token.lower(), "may" | "june" | "july");
    let abbreviated =
        token.text.len() <= 4 && !full_name && tokens.get(i + 1).is_some_and(|t| t.is("."));
    Some((month, if abbreviated { i + 2 } else { i + 1 }))
}

fn day_at(tokens: &[Token], i: usize) -> Option<u32> {
    let text = word(tokens, i)?;
    let digits = text.trim_end_matches(['s', 't', 'n', 'd', 'r', 'h']);
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let suffix = &text[digits.len()..];
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") {
        return None;
    }
    let day: u32 = digits.parse().ok()?;
    (1..=31).contains(&day).then_some(day)
}

fn year_at(tokens: &[Token], i: usize) -> Option<i32> {
    let text = tokens.get(i).filter(|t| t.is_word())?.text;
    if text.len() != 4 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let year: i32 = text.parse().ok()?;
    (1800..=2199).contains(&year).then_some(year)
}

/// `last year`, `this year`, `next year`, resolved.
fn relative_year_at(
    tokens: &[Token],
    i: usize,
    published: Option<NaiveDate>,
) -> Option<(String, usize)> {
    let offset = match word(tokens, i)? {
        "last" | "past" => -1,
        "this" => 0,
        "next" => 1,
        _ => return None,
    };
    if word(tokens, i + 1)? != "year" {
        return None;
    }
    let value = match published {
        Some(date) => format!("{}", date.year() + offset),
        None => format!("?{} year", word(tokens, i)?),
    };
    Some((value, i + 2))
}

fn ymd(year: Option<i32>, month: u32, day: u32) -> String {
    match year {
        Some(y) => format!("{y:04}-{month:02}-{day:02}"),
        None => format!("--{month:02}-{day:02}"),
    }
}

fn skip_comma(tokens: &[Token], i: usize) -> usize {
    if tokens.get(i).is_some_and(|t| t.is(",")) {
        i + 1
    } else {
        i
    }
}

fn mention(tokens: Range<usize>, value: String) -> DateMention {
    DateMention { tokens, value }
}

/// The date (or two, for a range) starting at token `i`.
fn date_at(tokens: &[Token], i: usize, published: Option<NaiveDate>) -> Option<Vec<DateMention>> {
    // Numeric: 2021-10-05, 05.10.2021.
    if let Some(date) = tokens
        .get(i)
        .filter(|t| t.is_word())
        .and_then(|t| parse_numeric(t.text))
    {
        return Some(vec![mention(i..i + 1, date.format("%Y-%m-%d").to_string())]);
    }
    if let Some((month, next)) = month_at(tokens, i) {
        return Some(after_month(tokens, i, month, next, published));
    }
    // "mid-June", "early-May".
    if let Some(token) = tokens.get(i).filter(|t| t.is_word())
        && let Some((prefix, rest)) = token.text.split_once('-')
        && matches!(
            prefix.to_lowercase().as_str(),
            "mid" | "early" | "late" | "end"
        )
        && let Some(month) = month_number(rest)
    {
        return Some(vec![mention(i..i + 1, format!("--{month:02}"))]);
    }
    // "5 October 2021".
    if let Some(day) = day_at(tokens, i)
        && let Some((month, next)) = month_at(tokens, i + 1)
    {
        let year = year_at(tokens, next);
        let end = if year.is_some() { next + 1 } else { next };
        return Some(vec![mention(i..end, ymd(year, month, day))]);
    }
    if let Some((value, end)) = relative_year_at(tokens, i, published) {
        return Some(vec![mention(i..end, value)]);
    }
    if let Some(dates) = weekday_at(tokens, i, published) {
        return Some(dates);
    }
    if let Some(value) = day_word(tokens, i, published) {
        return Some(vec![mention(i..i + 1, value)]);
    }
    // A bare year: "in 1969", "the 2014 Olympic Games"; but "2000
    // candidates" is a count.
    let year = year_at(tokens, i)?;
    let counts_something = tokens
        .get(i + 1)
        .is_some_and(|t| t.is_word() && !t.is_capitalised() && t.text.ends_with('s'));
    if counts_something {
        return None;
    }
    Some(vec![mention(i..i + 1, format!("{year:04}"))])
}

/// Month, then a day (and maybe a range and a year), a year, `last year`,
/// or nothing.
fn after_month(
    tokens: &[Token],
    start: usize,
    month: u32,
    next: usize,
    published: Option<NaiveDate>,
) -> Vec<DateMention> {
    if let Some(day) = day_at(tokens, next) {
        // A range: "October 5 to 17, 2021", "Oct. 5-17".
        let range_end = match word(tokens, next + 1) {
            Some("to" | "and" | "through") => day_at(tokens, next + 2).map(|d| (d, next + 3)),
            _ if tokens.get(next + 1).is_some_and(|t| t.is("-") || t.is("–")) => {
                day_at(tokens, next + 2).map(|d| (d, next + 3))
            }
            _ => None,
        };
        let after_days = range_end.map_or(next + 1, |(_, end)| end);
        let year_index = skip_comma(tokens, after_days);
        let year = year_at(tokens, year_index);
        let end = if year.is_some() {
            year_index + 1
        } else {
            after_days
        };
        let mut dates = vec![mention(
            start..if range_end.is_some() { next + 1 } else { end },
            ymd(year, month, day),
        )];
        if let Some((last_day, _)) = range_end {
            dates.push(mention(next + 2..end, ymd(year, month, last_day)));
        }
        return dates;
    }
    if let Some(year) = year_at(tokens, next) {
        return vec![mention(start..next + 1, format!("{year:04}-{month:02}"))];
    }
    if let Some((value, end)) = relative_year_at(tokens, next, published) {
        let value = if value.starts_with('?') {
            format!("?{} {value}", tokens[start].text)
        } else {
            format!("{value}-{month:02}")
        };
        return vec![mention(start..end, value)];
    }
    vec![mention(start..next, format!("--{month:02}"))]
}

/// `on Tuesday`, `this Tuesday (05.10.2021)`, `Tuesday, October 5`: an
/// explicit date next to the weekday wins; else the weekday is resolved to
/// the latest such day on or before the article's date (`next` looks ahead).
fn weekday_at(
    tokens: &[Token],
    i: usize,
    published: Option<NaiveDate>,
) -> Option<Vec<DateMention>> {
    let (weekday, day_index, direction) = match word(tokens, i) {
        Some("last") => (weekday_number(tokens.get(i + 1)?.text)?, i + 1, -1),
        Some("next") => (weekday_number(tokens.get(i + 1)?.text)?, i + 1, 1),
        Some("this" | "on") => (weekday_number(tokens.get(i + 1)?.text)?, i + 1, 0),
        _ => (
            weekday_number(tokens.get(i).filter(|t| t.is_capitalised())?.text)?,
            i,
            0,
        ),
    };
    // An explicit date right after: "Tuesday, October 5", "Tuesday (05.10.2021)".
    let mut after = skip_comma(tokens, day_index + 1);
    let bracketed = tokens.get(after).is_some_and(|t| t.is("("));
    if bracketed {
        after += 1;
    }
    if let Some(mut explicit) = date_at(tokens, after, published) {
        let mut end = explicit.last().map_or(after, |d| d.tokens.end);
        if bracketed && tokens.get(end).is_some_and(|t| t.is(")")) {
            end += 1;
        }
        explicit[0].tokens.start = i;
        if explicit.len() == 1 {
            explicit[0].tokens.end = end;
        }
        return Some(explicit);
    }
    let value = match published {
        Some(date) => {
            let today = date.weekday().num_days_from_monday();
            let back = (today + 7 - weekday) % 7;
            let resolved = match direction {
                1 => {
                    date.checked_add_days(Days::new(u64::from((weekday + 7 - today) % 7).max(1)))?
                }
                -1 => {
                    date.checked_sub_days(Days::new(if back == 0 { 7 } else { u64::from(back) }))?
                }
                _ => date.checked_sub_days(Days::new(u64::from(back)))?,
            };
            resolved.format("%Y-%m-%d").to_string()
        }
        None => format!("?{}", tokens[day_index].text),
    };
    Some(vec![mention(i..day_index + 1, value)])
}

/// `yesterday`, `today`, `tomorrow`.
fn day_word(tokens: &[Token], i: usize, published: Option<NaiveDate>) -> Option<String> {
    let offset: i64 = match word(tokens, i)? {
        "yesterday" => -1,
        "today" => 0,
        "tomorrow" => 1,
        _ => return None,
    };
    Some(match published {
        Some(date) => (date + chrono::Duration::days(offset))
            .format("%Y-%m-%d")
            .to_string(),
        None => format!("?{}", tokens[i].text.to_lowercase()),
    })
}

/// Whether two date values can name the same day: they agree on every
/// field both give. Unresolved relative dates agree with anything.
pub fn compatible(a: &str, b: &str) -> bool {
    if a.starts_with('?') || b.starts_with('?') {
        return true;
    }
    let (ya, ma, da) = fields(a);
    let (yb, mb, db) = fields(b);
    let same = |x: Option<&str>, y: Option<&str>| x.is_none() || y.is_none() || x == y;
    same(ya, yb) && same(ma, mb) && same(da, db)
}

/// Year, month and day of an ISO value at any precision.
fn fields(value: &str) -> (Option<&str>, Option<&str>, Option<&str>) {
    if let Some(rest) = value.strip_prefix("--") {
        let mut parts = rest.split('-');
        return (None, parts.next(), parts.next());
    }
    let mut parts = value.split('-');
    (parts.next(), parts.next(), parts.next())
}

/// Whether a value names a day (with or without its year).
pub fn has_day(value: &str) -> bool {
    fields(value).2.is_some()
}

/// How many of year, month and day a value gives.
pub fn precision(value: &str) -> usize {
    let (y, m, d) = fields(value);
    [y, m, d].iter().filter(|f| f.is_some()).count()
}

#[cfg(test)]
mod tests {
    use super::super::scan::tokens;
    use super::*;

    fn dates(text: &str, published: Option<&str>) -> Vec<(String, String)> {
        let published = published.map(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap());
        let tokens = tokens(text);
        find(&tokens, published)
            .into_iter()
            .map(|d| {
                let range = tokens[d.tokens.start].range.start..tokens[d.tokens.end - 1].range.end;
                (text[range].to_owned(), d.value)
            })
            .collect()
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
            .collect()
    }

    #[test]
    fn absolute_and_partial() {
        assert_eq!(
            dates("On Oct. 5, she flies.", None),
            pairs(&[("Oct. 5", "--10-05")])
        );
        assert_eq!(
            dates("the October 5 blast-off", Some("2021-07-01")),
            pairs(&[("October 5", "--10-05")])
        );
        assert_eq!(
            dates("on October 5, 2021 and 5 October 2021", None),
            pairs(&[
                ("October 5, 2021", "2021-10-05"),
                ("5 October 2021", "2021-10-05")
            ])
        );
        assert_eq!(
            dates("docked (05.10.2021) there", None),
            pairs(&[("05.10.2021", "2021-10-05")])
        );
        assert_eq!(
            dates("Announced in September 2020,", None),
            pairs(&[("September 2020", "2020-09")])
        );
        assert_eq!(
            dates("the Moon in 1969 and mid-June", None),
            pairs(&[("1969", "1969"), ("mid-June", "--06")])
        );
        assert_eq!(
            dates("You may go in December.", None),
            pairs(&[("December", "--12")])
        );
    }

    #[test]
    fn ranges() {
        assert_eq!(
            dates("from October 5 to 17, 2021 the ISS", None),
            pairs(&[("October 5", "2021-10-05"), ("17, 2021", "2021-10-17")])
        );
    }

    #[test]
    fn relative_dates_resolve_against_the_article() {
        assert_eq!(
            dates("announced in September last year", Some("2021-07-01")),
            pairs(&[("September last year", "2020-09")])
        );
        assert_eq!(
            dates("revealed last year", Some("2021-10-06")),
            pairs(&[("last year", "2020")])
        );
        assert_eq!(
            dates("revealed last year", None),
            pairs(&[("last year", "?last year")])
        );
        // 2021-10-06 is a Wednesday.
        assert_eq!(
            dates("launched on Tuesday", Some("2021-10-06")),
            pairs(&[("on Tuesday", "2021-10-05")])
        );
        assert_eq!(
            dates("space on Tuesday, October 5 to shoot", Some("2021-10-06")),
            pairs(&[("on Tuesday, October 5", "--10-05")])
        );
        assert_eq!(
            dates("docked this Tuesday (05.10.2021) to", Some("2022-02-23")),
            pairs(&[("this Tuesday (05.10.2021)", "2021-10-05")])
        );
        assert_eq!(
            dates("it rained yesterday", Some("2021-10-06")),
            pairs(&[("yesterday", "2021-10-05")])
        );
    }

    #[test]
    fn years_and_counts_apart() {
        assert_eq!(
            dates("the 2014 Olympic Games", None),
            pairs(&[("2014", "2014")])
        );
        assert!(dates("from a pool of 3,000 candidates", None).is_empty());
        assert!(dates("2000 candidates applied", None).is_empty());
    }

    #[test]
    fn compatibility() {
        assert!(compatible("--10-05", "2021-10-05"));
        assert!(compatible("2020-09", "2020"));
        assert!(!compatible("2020-09", "2013-09"));
        assert!(!compatible("--10-05", "--10-17"));
        assert!(compatible("?last year", "2013"));
    }
}
