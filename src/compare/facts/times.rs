//! Times of day, one value each: `10:30 a.m.`, `10.30am`, `6 p.m.`, `1222
//! GMT`, `12:22 GMT`, `5.52 pm IST`, `14h30`, `18.00 Uhr`. A time with a
//! zone is converted to UTC (`08:30Z`); a time without one is local
//! (`10:30`), and a local time never conflicts with a UTC one, whose zone
//! it may be in.

use std::ops::Range;

use super::extract::Found;
use super::scan::Token;
use super::{Context, FactKind};

/// A time of day found in a sentence, by token range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeMention {
    pub tokens: Range<usize>,
    /// `HH:MM`, local, or `HH:MMZ` in UTC.
    pub value: String,
}

/// Time zones as news copies abbreviate them, with their offsets from UTC
/// in minutes (standard and daylight time apart).
const ZONES: &[(&str, i32)] = &[
    ("gmt", 0),
    ("utc", 0),
    ("z", 0),
    ("wet", 0),
    ("bst", 60),
    ("west", 60),
    ("cet", 60),
    ("cest", 120),
    ("eet", 120),
    ("eest", 180),
    ("msk", 180),
    ("ist", 330),
    ("pkt", 300),
    ("sgt", 480),
    ("hkt", 480),
    ("jst", 540),
    ("kst", 540),
    ("aest", 600),
    ("aedt", 660),
    ("est", -300),
    ("edt", -240),
    ("cst", -360),
    ("cdt", -300),
    ("mst", -420),
    ("mdt", -360),
    ("pst", -480),
    ("pdt", -420),
];

/// Finds the times of day of a sentence whose text is `text`.
pub fn find(text: &str, tokens: &[Token], cx: &Context) -> Vec<TimeMention> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        match time_at(text, tokens, i, cx) {
            Some(time) => {
                i = time.tokens.end;
                found.push(time);
            }
            None => i += 1,
        }
    }
    found
}

fn digits(text: &str) -> Option<u32> {
    (!text.is_empty() && text.len() <= 4 && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

/// The hour and minute a token's text gives alone: `10.30`, `10h30`,
/// `14h`, `1222`, `6`, with `am`/`pm` glued on (`10.30am`, `6pm`).
fn clock(text: &str) -> Option<(u32, u32, Option<bool>)> {
    // A time of day is written in ASCII: digits, `.`, `:`, `h`, `am`, `pm`.
    if !text.is_ascii() {
        return None;
    }
    let lower = text.to_ascii_lowercase();
    let (body, meridiem) = if let Some(body) = lower.strip_suffix("am") {
        (body.to_owned(), Some(false))
    } else if let Some(body) = lower.strip_suffix("pm") {
        (body.to_owned(), Some(true))
    } else {
        (lower, None)
    };
    let (hour, minute) = if let Some((h, m)) = body.split_once(['.', 'h', ':']) {
        (
            digits(h)?,
            if m.is_empty() {
                0
            } else {
                digits(m).filter(|_| m.len() == 2)?
            },
        )
    } else if body.len() == 4 {
        (digits(&body[..2])?, digits(&body[2..])?)
    } else {
        (digits(&body).filter(|_| body.len() <= 2)?, 0)
    };
    (hour <= 24 && minute < 60).then_some((hour, minute, meridiem))
}

/// `a.m.`/`am`/`p.m.`/`pm` at byte `at` of the text: the meridiem and the
/// bytes it takes.
fn meridiem_at(text: &str, at: usize, cx: &Context) -> Option<(bool, usize)> {
    let rest = text.get(at..)?;
    let skipped = rest.len() - rest.trim_start().len();
    let rest = rest.trim_start();
    let lower = rest.to_lowercase();
    for (words, pm) in cx.languages().flat_map(|l| [(&l.am, false), (&l.pm, true)]) {
        for word in words {
            if lower.starts_with(word.as_str())
                && !lower[word.len()..].starts_with(|c: char| c.is_alphanumeric())
            {
                return Some((pm, skipped + word.len()));
            }
        }
    }
    None
}

/// A zone word at token `i` and its offset.
fn zone_at(tokens: &[Token], i: usize) -> Option<i32> {
    let token = tokens.get(i).filter(|t| t.is_word())?;
    let lower = token.lower();
    ZONES
        .iter()
        .find(|(zone, _)| *zone == lower)
        .map(|&(_, offset)| offset)
        .filter(|_| token.text.chars().all(char::is_uppercase))
}

fn time_at(text: &str, tokens: &[Token], i: usize, cx: &Context) -> Option<TimeMention> {
    let token = tokens.get(i).filter(|t| t.is_word() && t.is_digits())?;
    // `10:30`: digits, a colon, two digits.
    let colon = tokens.get(i + 1).is_some_and(|t| t.is(":"))
        && tokens
            .get(i + 2)
            .is_some_and(|t| t.text.len() == 2 && t.is_digits() && !t.spaced);
    let (mut hour, minute, glued, mut end) = if colon {
        let hour = digits(token.text).filter(|h| *h <= 24)?;
        let (minute, meridiem) = match clock(&format!("0:{}", tokens[i + 2].text)) {
            Some((_, m, meridiem)) => (m, meridiem),
            None => return None,
        };
        (hour, minute, meridiem, i + 3)
    } else {
        let (hour, minute, meridiem) = clock(token.text)?;
        (hour, minute, meridiem, i + 1)
    };
    let mut pm = glued;
    if pm.is_none()
        && let Some((is_pm, len)) = meridiem_at(text, tokens[end - 1].range.end, cx)
    {
        pm = Some(is_pm);
        let stop = tokens[end - 1].range.end + len;
        while tokens.get(end).is_some_and(|t| t.range.end <= stop) {
            end += 1;
        }
    }
    let zone = zone_at(tokens, end);
    if zone.is_some() {
        end += 1;
    }
    let word = |k: usize| tokens.get(k).filter(|t| t.is_word()).map(Token::lower);
    let time_word = cx.languages().find_map(|l| l.time_words.longest(word, end));
    // Evidence that the number is a time: a colon, a meridiem, a zone, a
    // time word after (`Uhr`, `local time`), or `at` before a written
    // `10.30`/`10h30`.
    let dotted = token.text.contains(['.', 'h']) && !token.text.ends_with('.');
    let after_at = i > 0
        && tokens[i - 1].is_word()
        && cx
            .languages()
            .any(|l| l.at_time.contains(tokens[i - 1].lower()));
    let evident = colon
        || pm.is_some()
        || zone.is_some()
        || time_word.is_some()
        || (dotted && after_at)
        || token.text.to_lowercase().contains('h') && token.text.len() >= 3;
    if !evident {
        return None;
    }
    // A four-digit `1222` needs a zone or `hours`: else it is a year or a
    // count.
    if token.text.len() == 4 && !colon && zone.is_none() && time_word.is_none() {
        return None;
    }
    if let Some((len, _)) = time_word {
        end += len;
    }
    match pm {
        Some(true) if hour < 12 => hour += 12,
        Some(false) if hour == 12 => hour = 0,
        Some(_) if hour > 12 => return None,
        _ => {}
    }
    let value = match zone {
        Some(offset) => {
            let minutes = (hour as i32 * 60 + minute as i32 - offset).rem_euclid(24 * 60);
            format!("{:02}:{:02}Z", minutes / 60, minutes % 60)
        }
        None => format!("{:02}:{:02}", hour % 24, minute),
    };
    Some(TimeMention {
        tokens: i..end,
        value,
    })
}

/// Minutes after midnight of a time value (`09:30`, `14:30Z`).
fn minutes(value: &str) -> Option<i32> {
    let (hours, rest) = value.split_once(':')?;
    let minutes = rest.trim_end_matches('Z');
    Some(hours.parse::<i32>().ok()? * 60 + minutes.parse::<i32>().ok()?)
}

/// `9:30 am (1430 GMT)`: a local time written next to the same moment in
/// UTC tells the story's local offset. Where every such pair in the
/// articles tells the same one, every local time becomes UTC, so that
/// `9:30 a.m.` in one copy meets `1430 GMT` in another, and `1530 GMT`
/// differs from both. Pairs that disagree (a story across time zones)
/// leave local times as they are.
pub fn resolve_local(found: &mut [Found], sentence_texts: &[Vec<&str>]) {
    let mut times: Vec<usize> = (0..found.len())
        .filter(|&i| found[i].kind == FactKind::Time)
        .collect();
    times.sort_by_key(|&i| (found[i].article, found[i].sentence, found[i].span.start));
    let mut offsets: Vec<i32> = Vec::new();
    for pair in times.windows(2) {
        let (a, b) = (&found[pair[0]], &found[pair[1]]);
        if (a.article, a.sentence) != (b.article, b.sentence)
            || a.value.ends_with('Z') == b.value.ends_with('Z')
        {
            continue;
        }
        let text = sentence_texts[a.article][a.sentence];
        let between = text.get(a.span.end..b.span.start).unwrap_or("x");
        if !between
            .chars()
            .all(|c| c.is_whitespace() || matches!(c, '(' | ',' | '/' | '–' | '-'))
        {
            continue;
        }
        let (local, utc) = if a.value.ends_with('Z') {
            (b, a)
        } else {
            (a, b)
        };
        if let (Some(l), Some(u)) = (minutes(&local.value), minutes(&utc.value)) {
            // The offset, between UTC−12 and UTC+14.
            let offset = (l - u + 12 * 60).rem_euclid(24 * 60) - 12 * 60;
            offsets.push(offset);
        }
    }
    let Some(&offset) = offsets.first() else {
        return;
    };
    if offsets.iter().any(|&o| o != offset) {
        return;
    }
    for &i in &times {
        let f = &mut found[i];
        if f.value.ends_with('Z') {
            continue;
        }
        if let Some(local) = minutes(&f.value) {
            let utc = (local - offset).rem_euclid(24 * 60);
            f.value = format!("{:02}:{:02}Z", utc / 60, utc % 60);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::scan::tokens;
    use super::*;
    use crate::lang;

    fn times_in(code: &str, text: &str) -> Vec<(String, String)> {
        let tokens = tokens(text);
        let cx = Context::new(lang::language(Some(code)), None);
        find(text, &tokens, &cx)
            .into_iter()
            .map(|t| {
                let span = tokens[t.tokens.start].range.start..tokens[t.tokens.end - 1].range.end;
                (text[span].to_owned(), t.value)
            })
            .collect()
    }

    fn times(text: &str) -> Vec<(String, String)> {
        times_in("en", text)
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
            .collect()
    }

    #[test]
    fn a_time_is_one_value() {
        assert_eq!(
            times("The meeting began at 10:30 a.m. local time."),
            pairs(&[("10:30 a.m. local time", "10:30")])
        );
        assert_eq!(times("at 10.30am today"), pairs(&[("10.30am", "10:30")]));
        assert_eq!(
            times("announced at 1222 GMT on"),
            pairs(&[("1222 GMT", "12:22Z")])
        );
        assert_eq!(times("at 12:22 GMT on"), pairs(&[("12:22 GMT", "12:22Z")]));
        assert_eq!(
            times("at 5.52 pm IST."),
            pairs(&[("5.52 pm IST", "12:22Z")])
        );
        assert_eq!(
            times("published at 6:00 pm (2200 GMT)."),
            pairs(&[("6:00 pm", "18:00"), ("2200 GMT", "22:00Z")])
        );
        assert_eq!(
            times("around 6 p.m. on Sunday"),
            pairs(&[("6 p.m.", "18:00")])
        );
        assert_eq!(
            times_in("fr", "vers 14h30 jeudi"),
            pairs(&[("14h30", "14:30")])
        );
        assert_eq!(
            times_in("de", "um 18.00 Uhr"),
            pairs(&[("18.00 Uhr", "18:00")])
        );
    }

    #[test]
    fn numbers_that_are_not_times() {
        assert!(times("It grew 3.5 percent in 2021.").is_empty());
        assert!(times("There were 1222 people.").is_empty());
        assert!(times("The score was 3:1 at half time.").is_empty());
    }
}
