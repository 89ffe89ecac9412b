//! Calendar dates as news text writes them: `July 01, 2021`, `Oct. 5, 2021`,
//! `5 October 2021`, `2021-10-05`, `05.10.2021` (day.month.year).

use chrono::NaiveDate;

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The month (1–12) a word names: full names, three-letter abbreviations and
/// `Sept`, with or without a trailing period, in any case.
pub fn month_number(word: &str) -> Option<u32> {
    let word = word.trim_end_matches('.').to_ascii_lowercase();
    if word.len() < 3 {
        return None;
    }
    if word == "sept" {
        return Some(9);
    }
    MONTHS
        .iter()
        .position(|m| *m == word || (word.len() == 3 && m.starts_with(&word)))
        .map(|i| i as u32 + 1)
}

/// The weekday (0 = Monday) a word names.
pub fn weekday_number(word: &str) -> Option<u32> {
    const DAYS: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    let word = word.trim_end_matches([',', '.']).to_ascii_lowercase();
    DAYS.iter().position(|d| *d == word).map(|i| i as u32)
}

/// Parses a string that is a date and nothing else (a dateline). A leading
/// weekday and trailing punctuation are allowed.
pub fn parse_date_line(text: &str) -> Option<NaiveDate> {
    let text = text.trim().trim_end_matches(['.', ',']);
    let mut tokens: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty())
        .collect();
    if tokens.first().is_some_and(|t| weekday_number(t).is_some()) {
        tokens.remove(0);
    }
    match tokens.as_slice() {
        [single] => parse_numeric(single),
        [a, b, c] => {
            let year = parse_year(c)?;
            if let Some(month) = month_number(a) {
                NaiveDate::from_ymd_opt(year, month, parse_day(b)?)
            } else {
                NaiveDate::from_ymd_opt(year, month_number(b)?, parse_day(a)?)
            }
        }
        _ => None,
    }
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

fn parse_day(token: &str) -> Option<u32> {
    let digits = token.trim_end_matches(|c: char| c.is_ascii_alphabetic());
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
    fn datelines() {
        assert_eq!(parse_date_line("July 01, 2021"), ymd(2021, 7, 1));
        assert_eq!(parse_date_line("Oct. 5, 2021"), ymd(2021, 10, 5));
        assert_eq!(
            parse_date_line("Tuesday, October 5th, 2021"),
            ymd(2021, 10, 5)
        );
        assert_eq!(parse_date_line("5 October 2021"), ymd(2021, 10, 5));
        assert_eq!(parse_date_line("2021-10-06"), ymd(2021, 10, 6));
        assert_eq!(parse_date_line("05.10.2021"), ymd(2021, 10, 5));
        assert_eq!(parse_date_line("2021-02-30"), None);
        assert_eq!(parse_date_line("NASA / Roscosmos"), None);
        assert_eq!(parse_date_line("May the force be"), None);
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
