//! Calendar dates as news text writes them: `July 01, 2021`, `Oct. 5, 2021`,
//! `5 October 2021`, `2021-10-05`, `05.10.2021` (day.month.year).

use chrono::NaiveDate;

use crate::lang::{self, Language};

/// The month (1–12) an English word names: full names, abbreviations and
/// `Sept`, with or without a trailing period, in any case.
pub fn month_number(word: &str) -> Option<u32> {
    lang::known("en")?.month(word)
}

/// The weekday (0 = Monday) an English word names.
pub fn weekday_number(word: &str) -> Option<u32> {
    lang::known("en")?.weekday(word)
}

/// A month in `language`, or in English (copies quote English dates).
fn month_in(language: &Language, word: &str) -> Option<u32> {
    language.month(word).or_else(|| month_number(word))
}

/// Parses a line that is a date and nothing else (a date line, a
/// `Published:` value): `July 01, 2021`, `Tuesday, October 5th, 2021`,
/// `5 October 2021`, `5. Oktober 2021`, `5 de octubre de 2021`,
/// `2021-10-05`, `05.10.2021`. A leading weekday and a trailing time of day
/// (`, 14:02`, `| 10:30 AM GMT`) are allowed.
pub fn parse_date_line(text: &str, language: &Language) -> Option<NaiveDate> {
    // `Updated Sept 16, 2021`, `January 31, 2022 · 5 min read`.
    let text = text.trim();
    let lower = text.to_lowercase();
    let english = lang::known("en");
    let labels = [Some(language), english]
        .into_iter()
        .flatten()
        .flat_map(|l| l.date_labels.iter());
    let text = labels
        .clone()
        .find_map(|cue| {
            lower
                .strip_prefix(cue)
                .filter(|rest| rest.starts_with([' ', ':']))
                .map(|rest| &text[text.len() - rest.len()..])
        })
        .unwrap_or(text)
        .trim_start_matches([':', ' ']);
    let text = text.split(['·', '•']).next().unwrap_or(text);
    let text = text.trim().trim_end_matches(['.', ',']);
    let mut tokens: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',' || c == '|')
        .filter(|t| !t.is_empty())
        .collect();
    if tokens
        .first()
        .is_some_and(|t| language.weekday(t).or_else(|| weekday_number(t)).is_some())
    {
        tokens.remove(0);
    }
    // A time of day and its zone after the date.
    if let Some(at) = tokens.iter().position(|t| is_time(t)) {
        tokens.truncate(at);
        while tokens.last().is_some_and(|t| {
            let word = t.to_lowercase();
            [Some(language), english]
                .into_iter()
                .flatten()
                .any(|l| l.at_time.contains(&word))
        }) {
            tokens.pop();
        }
    }
    tokens.retain(|t| !language.date_joiners.contains(&t.to_lowercase()));
    match tokens.as_slice() {
        [single]
            if single.contains('/')
                && language.numeric_orders.first() == Some(&lang::DateOrder::Mdy) =>
        {
            parse_month_first(single)
        }
        [single] => parse_numeric(single),
        [a, b, c] => {
            let year = parse_year(c.trim_end_matches('.'))?;
            if let Some(month) = month_in(language, a) {
                NaiveDate::from_ymd_opt(year, month, parse_day(b)?)
            } else {
                NaiveDate::from_ymd_opt(year, month_in(language, b)?, parse_day(a)?)
            }
        }
        _ => None,
    }
}

/// `14:02`, `10.30`, `1222` after a date, with `am`/`pm` or a zone after.
fn is_time(token: &str) -> bool {
    let token = token.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '.');
    let parts: Vec<&str> = token.split([':', '.', 'h']).collect();
    matches!(parts.as_slice(), [h, m] if (1..=2).contains(&h.len())
        && m.len() == 2
        && h.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit()))
}

/// `2021-10-05`, `2021/10/05` and `05.10.2021` (day first, as in Europe).
pub fn parse_numeric(token: &str) -> Option<NaiveDate> {
    let token = token.split('T').next()?;
    let parts: Vec<&str> = token.split(['-', '/', '.']).collect();
    let [a, b, c] = parts.as_slice() else {
        return None;
    };
    let number = |s: &str| -> Option<u32> {
        (s.len() <= 4 && !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    if a.len() == 4 && !token.contains('.') {
        NaiveDate::from_ymd_opt(number(a)? as i32, number(b)?, number(c)?)
    } else if c.len() == 4 && token.contains('.') {
        NaiveDate::from_ymd_opt(number(c)? as i32, number(b)?, number(a)?)
    } else {
        None
    }
}

/// `10/05/2021`, month first, as US copies write it.
fn parse_month_first(token: &str) -> Option<NaiveDate> {
    let parts: Vec<&str> = token.split('/').collect();
    let [m, d, y] = parts.as_slice() else {
        return None;
    };
    if y.len() != 4 {
        return parse_numeric(token);
    }
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

fn parse_day(token: &str) -> Option<u32> {
    let digits = token.trim_end_matches(|c: char| c.is_alphabetic() || c == '.' || c == 'º');
    let day: u32 = digits.parse().ok()?;
    (1..=31).contains(&day).then_some(day)
}

fn parse_year(token: &str) -> Option<i32> {
    (token.len() == 4).then(|| token.parse().ok()).flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn date_lines() {
        let en = lang::language(Some("en"));
        for (line, date) in [
            ("July 01, 2021", ymd(2021, 7, 1)),
            ("Oct. 5, 2021", ymd(2021, 10, 5)),
            ("Tuesday, October 5th, 2021", ymd(2021, 10, 5)),
            ("5 October 2021", ymd(2021, 10, 5)),
            ("5 October 2021, 14:02", ymd(2021, 10, 5)),
            ("October 5, 2021 | 10:30 AM GMT", ymd(2021, 10, 5)),
            ("2021-10-06", ymd(2021, 10, 6)),
            ("05.10.2021", ymd(2021, 10, 5)),
            ("10/05/2021", ymd(2021, 10, 5)),
            ("Updated Sept 16, 2021 6:48 PM", ymd(2021, 9, 16)),
            ("January 31, 2022 · 5 min read", ymd(2022, 1, 31)),
            ("2021-02-30", None),
            ("NASA / Roscosmos", None),
            ("May the force be", None),
        ] {
            assert_eq!(parse_date_line(line, en), date, "{line}");
        }
        let es = lang::language(Some("es"));
        assert_eq!(
            parse_date_line("5 de octubre de 2021", es),
            ymd(2021, 10, 5)
        );
        let de = lang::language(Some("de"));
        assert_eq!(
            parse_date_line("Dienstag, 5. Oktober 2021", de),
            ymd(2021, 10, 5)
        );
    }

    #[test]
    fn month_names() {
        assert_eq!(month_number("Sept."), Some(9));
        assert_eq!(month_number("oct"), Some(10));
        assert_eq!(month_number("May"), Some(5));
        assert_eq!(month_number("Ma"), None);
        assert_eq!(month_number("Marching"), None);
    }
}
