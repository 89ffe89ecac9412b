//! Dates in running text: absolute (`Oct. 5`, `October 5, 2021`,
//! `5 October 2021`, `05.10.2021`), partial (`September 2020`, `in June`,
//! `in 1969`), ranges (`from October 5 to 17, 2021`) and relative (`last
//! year`, `this Tuesday`), the relative ones resolved against the article's
//! date where it has one.
//!
//! Values are ISO 8601 at the precision the text gives: `2021-10-05`,
//! `2021-10`, `2021`, and `--10-05` or `--10` when neither the text nor the
//! article's date gives the year (a day without a year takes the year that
//! puts it nearest the article's date). A relative date that cannot be
//! resolved keeps its words after a `?`. A numeric date that can be read
//! month first or day first (`10/06/2021` in a copy whose country is not
//! known) keeps both readings, `2021-10-06|2021-06-10`: it is shown as
//! ambiguous and agrees with either.
//!
//! Months, weekdays and relative words are the article's language's
//! (`assets/lang/`), then English.

use std::ops::Range;

use chrono::{Datelike, Days, NaiveDate, Weekday};

use super::Context;
use super::scan::Token;
use crate::corpus::dates::parse_numeric;

/// A date found in a sentence, by token range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    pub tokens: Range<usize>,
    pub value: String,
}

/// Finds the dates of a sentence.
pub fn find(tokens: &[Token], cx: &Context) -> Vec<DateMention> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if let Some(mut dates) = date_at(tokens, i, cx) {
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

/// A month name, with its abbreviation period: returns the month and the
/// index after it. A month that is also a common word (`may`, `march`) is
/// one only capitalised or next to a day.
fn month_at(tokens: &[Token], i: usize, cx: &Context) -> Option<(u32, usize)> {
    let token = tokens.get(i).filter(|t| t.is_word())?;
    let month = cx.languages().find_map(|l| l.month(token.text))?;
    let ambiguous = cx
        .languages()
        .any(|l| l.ambiguous_months.contains(token.lower()));
    let next_is_day = day_at(tokens, i + 1, cx).is_some();
    let after_day = i > 0 && day_at(tokens, i - 1, cx).is_some();
    let capitalised_language = cx.language.capitalised_calendar || cx.language.is_neutral();
    if ambiguous && !(next_is_day || after_day || token.is_capitalised()) {
        return None;
    }
    if capitalised_language && !token.is_capitalised() && !(next_is_day || after_day) {
        return None;
    }
    let abbreviated = token.text.chars().count() <= 4
        && cx
            .languages()
            .all(|l| l.month(token.text) != Some(month) || token.text.chars().count() < 5)
        && tokens.get(i + 1).is_some_and(|t| t.is("."))
        && !cx
            .languages()
            .any(|l| l.full_months.contains(token.lower()));
    Some((month, if abbreviated { i + 2 } else { i + 1 }))
}

fn day_at(tokens: &[Token], i: usize, cx: &Context) -> Option<u32> {
    let text = word(tokens, i)?;
    let digits_len = text.bytes().take_while(u8::is_ascii_digit).count();
    if digits_len == 0 || digits_len > 2 {
        return None;
    }
    let suffix = &text[digits_len..];
    if !suffix.is_empty()
        && !cx
            .languages()
            .any(|l| l.ordinal_suffixes.iter().any(|s| s == suffix))
    {
        return None;
    }
    let day: u32 = text[..digits_len].parse().ok()?;
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
fn relative_year_at(tokens: &[Token], i: usize, cx: &Context) -> Option<(String, usize)> {
    let first = word(tokens, i)?;
    let offset = if cx.languages().any(|l| l.last.contains(first)) {
        -1
    } else if cx.languages().any(|l| l.this.contains(first)) {
        0
    } else if cx.languages().any(|l| l.next.contains(first)) {
        1
    } else {
        return None;
    };
    let unit = word(tokens, i + 1)?;
    let is_year = cx
        .languages()
        .any(|l| l.units.word(unit).is_some_and(|u| u == "year"));
    if !is_year {
        return None;
    }
    let value = match cx.published {
        Some(date) => format!("{}", date.year() + offset),
        None => format!("?{first} year"),
    };
    Some((value, i + 2))
}

/// An ISO value for a day: with the year the text gives, or the year that
/// puts the day nearest the article's date, or none (`--10-05`).
fn day_value(year: Option<i32>, month: u32, day: u32, cx: &Context) -> String {
    let year = year.or_else(|| nearest_year(month, day, cx.published?));
    ymd(year, month, day)
}

/// The year (of the one before, the same and the one after the article's)
/// that puts month and day nearest to `published`.
fn nearest_year(month: u32, day: u32, published: NaiveDate) -> Option<i32> {
    (published.year() - 1..=published.year() + 1)
        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day).map(|d| (y, d)))
        .min_by_key(|(_, d)| (*d - published).num_days().abs())
        .map(|(y, _)| y)
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

/// Skips a joiner between a day, its month and its year (`de`, `of`).
fn skip_joiner(tokens: &[Token], i: usize, cx: &Context) -> usize {
    match word(tokens, i) {
        Some(w) if cx.languages().any(|l| l.date_joiners.contains(w)) => i + 1,
        _ => i,
    }
}

fn mention(tokens: Range<usize>, value: String) -> DateMention {
    DateMention { tokens, value }
}

/// The date (or two, for a range) starting at token `i`.
fn date_at(tokens: &[Token], i: usize, cx: &Context) -> Option<Vec<DateMention>> {
    // Numeric: 2021-10-05, 05.10.2021.
    if let Some(token) = tokens.get(i).filter(|t| t.is_word())
        && let Some(value) = numeric_value(token.text, cx)
    {
        return Some(vec![mention(i..i + 1, value)]);
    }
    // 10/06/2021: five tokens with no space between them.
    if let Some(parts) = tokens.get(i..i + 5)
        && parts[1].is("/")
        && parts[3].is("/")
        && parts.windows(2).all(|w| w[0].range.end == w[1].range.start)
        && [0, 2, 4].iter().all(|&k| parts[k].is_digits())
    {
        let text = format!("{}/{}/{}", parts[0].text, parts[2].text, parts[4].text);
        if let Some(value) = numeric_value(&text, cx) {
            return Some(vec![mention(i..i + 5, value)]);
        }
    }
    if let Some((month, next)) = month_at(tokens, i, cx) {
        return Some(after_month(tokens, i, month, next, cx));
    }
    // "mid-June", "early-May".
    if let Some(token) = tokens.get(i).filter(|t| t.is_word())
        && let Some((prefix, rest)) = token.text.split_once('-')
        && cx
            .languages()
            .any(|l| l.month_parts.contains(prefix.to_lowercase().as_str()))
        && let Some(month) = cx.languages().find_map(|l| l.month(rest))
    {
        return Some(vec![mention(i..i + 1, format!("--{month:02}"))]);
    }
    // "5 October 2021", "5. Oktober", "5 de octubre de 2021", "5 октября".
    if let Some(day) = day_at(tokens, i, cx) {
        let mut at = i + 1;
        if tokens.get(at).is_some_and(|t| t.is(".")) {
            at += 1;
        }
        at = skip_joiner(tokens, at, cx);
        if let Some((month, next)) = month_at(tokens, at, cx) {
            let year_index = skip_joiner(tokens, next, cx);
            let year = year_at(tokens, year_index);
            let end = if year.is_some() { year_index + 1 } else { next };
            return Some(vec![mention(i..end, day_value(year, month, day, cx))]);
        }
    }
    if let Some((value, end)) = relative_year_at(tokens, i, cx) {
        return Some(vec![mention(i..end, value)]);
    }
    if let Some(dates) = weekday_at(tokens, i, cx) {
        return Some(dates);
    }
    if let Some(value) = day_word(tokens, i, cx) {
        return Some(vec![mention(i..i + 1, value)]);
    }
    // A bare year: "in 1969", "the 2014 Olympic Games"; but "2000
    // candidates" is a count.
    let year = year_at(tokens, i)?;
    // "в 1968 году": the word for a year of the calendar.
    if let Some(next) = tokens.get(i + 1)
        && cx
            .languages()
            .any(|l| l.calendar_year_words.contains(next.lower()))
    {
        return Some(vec![mention(i..i + 2, format!("{year:04}"))]);
    }
    let counts_something = tokens.get(i + 1).is_some_and(|t| {
        t.is_word() && !t.is_capitalised() && !cx.languages().any(|l| l.is_stopword(t.lower()))
    });
    if counts_something {
        return None;
    }
    Some(vec![mention(i..i + 1, format!("{year:04}"))])
}

/// A numeric date in the orders the article's language and country use:
/// ISO and day.month.year everywhere; `10/06/2021` month first in US
/// copies, day first elsewhere, both where the copy does not say.
fn numeric_value(text: &str, cx: &Context) -> Option<String> {
    // Most words are not dates: no digit first, nothing to split.
    if !text.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let slashed: Vec<&str> = text.split('/').collect();
    if let [a, b, y] = slashed.as_slice()
        && y.len() == 4
        && a.len() <= 2
        && b.len() <= 2
    {
        let (a, b, y): (u32, u32, i32) = (a.parse().ok()?, b.parse().ok()?, y.parse().ok()?);
        let month_first = NaiveDate::from_ymd_opt(y, a, b);
        let day_first = NaiveDate::from_ymd_opt(y, b, a);
        let iso = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
        return match (month_first, day_first, cx.month_first()) {
            (Some(m), _, Some(true)) => Some(iso(m)),
            (_, Some(d), Some(false)) => Some(iso(d)),
            (Some(m), Some(d), None) if m == d => Some(iso(m)),
            (Some(m), Some(d), None) => Some(format!("{}|{}", iso(m), iso(d))),
            (Some(m), None, _) => Some(iso(m)),
            (None, Some(d), _) => Some(iso(d)),
            (None, None, _) => None,
        };
    }
    parse_numeric(text).map(|d| d.format("%Y-%m-%d").to_string())
}

/// Month, then a day (and maybe a range and a year), a year, `last year`,
/// or nothing.
fn after_month(
    tokens: &[Token],
    start: usize,
    month: u32,
    next: usize,
    cx: &Context,
) -> Vec<DateMention> {
    if let Some(day) = day_at(tokens, next, cx) {
        // A range: "October 5 to 17, 2021", "Oct. 5-17".
        let range_end = match word(tokens, next + 1) {
            Some(w) if cx.languages().any(|l| l.range_joiners.contains(w)) => {
                day_at(tokens, next + 2, cx).map(|d| (d, next + 3))
            }
            _ if tokens.get(next + 1).is_some_and(|t| t.is("-") || t.is("–")) => {
                day_at(tokens, next + 2, cx).map(|d| (d, next + 3))
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
            day_value(year, month, day, cx),
        )];
        if let Some((last_day, _)) = range_end {
            dates.push(mention(next + 2..end, day_value(year, month, last_day, cx)));
        }
        return dates;
    }
    let year_index = skip_joiner(tokens, next, cx);
    if let Some(year) = year_at(tokens, year_index) {
        return vec![mention(
            start..year_index + 1,
            format!("{year:04}-{month:02}"),
        )];
    }
    if let Some((value, end)) = relative_year_at(tokens, next, cx) {
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
fn weekday_at(tokens: &[Token], i: usize, cx: &Context) -> Option<Vec<DateMention>> {
    let weekday_of = |k: usize| {
        let token = tokens.get(k).filter(|t| t.is_word())?;
        cx.languages().find_map(|l| l.weekday(token.text))
    };
    let first = word(tokens, i)?;
    let (weekday, day_index, direction) = if cx.languages().any(|l| l.last.contains(first)) {
        (weekday_of(i + 1)?, i + 1, -1)
    } else if cx.languages().any(|l| l.next.contains(first)) {
        (weekday_of(i + 1)?, i + 1, 1)
    } else if cx.languages().any(|l| l.this.contains(first))
        || cx.languages().any(|l| l.on_weekday.contains(first))
    {
        (weekday_of(i + 1)?, i + 1, 0)
    } else {
        let capital_needed = cx.language.capitalised_calendar || cx.language.is_neutral();
        let token = tokens.get(i)?;
        if capital_needed && !token.is_capitalised() {
            return None;
        }
        (weekday_of(i)?, i, 0)
    };
    // An explicit date right after: "Tuesday, October 5", "Tuesday (05.10.2021)".
    let mut after = skip_comma(tokens, day_index + 1);
    let bracketed = tokens.get(after).is_some_and(|t| t.is("("));
    if bracketed {
        after += 1;
    }
    if let Some(mut explicit) = date_at(tokens, after, cx) {
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
    let value = match cx.published {
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
        // The day of the week, in English whatever the language, so that
        // it can still be checked against full dates (`?Wed`).
        None => format!("?{}", weekday_name(weekday)?),
    };
    Some(vec![mention(i..day_index + 1, value)])
}

/// `yesterday`, `today`, `tomorrow`, `hier`, `ayer`, `вчера`.
fn day_word(tokens: &[Token], i: usize, cx: &Context) -> Option<String> {
    let token = tokens.get(i).filter(|t| t.is_word())?;
    let offset = cx.languages().find_map(|l| l.relative_day(token.text))?;
    Some(match cx.published {
        Some(date) => (date + chrono::Duration::days(offset))
            .format("%Y-%m-%d")
            .to_string(),
        None => format!("?{}", token.text.to_lowercase()),
    })
}

/// Whether two date values can name the same day: they agree on every
/// field both give. Unresolved relative dates agree with anything.
pub fn compatible(a: &str, b: &str) -> bool {
    if let Some(weekday) = unresolved_weekday(a) {
        return weekday_agrees(weekday, b);
    }
    if let Some(weekday) = unresolved_weekday(b) {
        return weekday_agrees(weekday, a);
    }
    if a.starts_with('?') || b.starts_with('?') {
        return true;
    }
    if a.contains('|') || b.contains('|') {
        // An ambiguous date agrees where one of its readings does.
        return a.split('|').any(|x| b.split('|').any(|y| compatible(x, y)));
    }
    let (ya, ma, da) = fields(a);
    let (yb, mb, db) = fields(b);
    let same = |x: Option<&str>, y: Option<&str>| x.is_none() || y.is_none() || x == y;
    // A year alone and a day without its year say nothing of each other.
    let both = |x: Option<&str>, y: Option<&str>| x.is_some() && y.is_some();
    let overlap = both(ya, yb) || both(ma, mb) || both(da, db);
    overlap && same(ya, yb) && same(ma, mb) && same(da, db)
}

/// `Wed` for day 2 of the week (0 is Monday).
fn weekday_name(from_monday: u32) -> Option<Weekday> {
    u8::try_from(from_monday)
        .ok()
        .and_then(|d| Weekday::try_from(d).ok())
}

/// The day of an unresolved weekday value (`?Wed`).
fn unresolved_weekday(value: &str) -> Option<Weekday> {
    value.strip_prefix('?')?.parse().ok()
}

/// Whether a value can fall on `weekday`: a full date only if it is that
/// day of the week, another weekday only if it is the same, anything else
/// (a month, a year, an unresolved `yesterday`) always.
fn weekday_agrees(weekday: Weekday, value: &str) -> bool {
    if let Some(other) = unresolved_weekday(value) {
        return other == weekday;
    }
    let mut days = value
        .split('|')
        .filter_map(|v| NaiveDate::parse_from_str(v, "%Y-%m-%d").ok())
        .peekable();
    days.peek().is_none() || days.any(|d| d.weekday() == weekday)
}

/// Year, month and day of an ISO value at any precision (the first
/// reading of an ambiguous one).
fn fields(value: &str) -> (Option<&str>, Option<&str>, Option<&str>) {
    let value = value.split('|').next().unwrap_or(value);
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
        dates_in("en", text, published, None)
    }

    fn dates_in(
        code: &str,
        text: &str,
        published: Option<&str>,
        month_first: Option<bool>,
    ) -> Vec<(String, String)> {
        let published = published.map(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap());
        let tokens = tokens(text);
        let mut cx = Context::new(crate::lang::language(Some(code)), published);
        cx.set_month_first(month_first);
        find(&tokens, &cx)
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
    fn an_unresolved_weekday_agrees_only_with_its_days() {
        assert!(compatible("?Wed", "2021-09-15"));
        assert!(!compatible("?Tue", "2021-09-15"));
        assert!(!compatible("?Tue", "?Wed"));
        assert!(compatible("?Tue", "--09"));
        assert!(compatible("?yesterday", "2021-09-15"));
    }

    #[test]
    fn absolute_and_partial() {
        assert_eq!(
            dates("On Oct. 5, she flies.", None),
            pairs(&[("Oct. 5", "--10-05")])
        );
        // Without a year, the one the article's date implies.
        assert_eq!(
            dates("the October 5 blast-off", Some("2021-07-01")),
            pairs(&[("October 5", "2021-10-05")])
        );
        assert_eq!(
            dates("the Oct. 5 blast-off", Some("2022-02-23")),
            pairs(&[("Oct. 5", "2021-10-05")])
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
            pairs(&[("on Tuesday, October 5", "2021-10-05")])
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
    fn other_languages() {
        assert_eq!(
            dates_in("fr", "le 5 octobre 2021 à Moscou", None, None),
            pairs(&[("5 octobre 2021", "2021-10-05")])
        );
        assert_eq!(
            dates_in("es", "el 5 de octubre de 2021", None, None),
            pairs(&[("5 de octubre de 2021", "2021-10-05")])
        );
        assert_eq!(
            dates_in("de", "am 12. September", Some("2021-10-01"), None),
            pairs(&[("12. September", "2021-09-12")])
        );
        assert_eq!(
            dates_in("ru", "5 октября", Some("2021-10-06"), None),
            pairs(&[("5 октября", "2021-10-05")])
        );
        assert_eq!(
            dates_in("fr", "hier", Some("2021-10-06"), None),
            pairs(&[("hier", "2021-10-05")])
        );
    }

    #[test]
    fn slashed_dates_by_country() {
        assert_eq!(
            dates_in("en", "on 10/06/2021 in", None, Some(true)),
            pairs(&[("10/06/2021", "2021-10-06")])
        );
        assert_eq!(
            dates_in("en", "on 10/06/2021 in", None, Some(false)),
            pairs(&[("10/06/2021", "2021-06-10")])
        );
        assert_eq!(
            dates_in("en", "on 10/06/2021 in", None, None),
            pairs(&[("10/06/2021", "2021-10-06|2021-06-10")])
        );
        assert_eq!(
            dates_in("en", "on 10/26/2021 in", None, None),
            pairs(&[("10/26/2021", "2021-10-26")])
        );
        assert!(compatible("2021-10-06|2021-06-10", "2021-06-10"));
        assert!(!compatible("2021-10-06|2021-06-10", "2021-10-05"));
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
        assert!(!compatible("--09-04", "2016"), "no field in common");
    }
}
