//! Sentences and words.
//!
//! Sentence boundaries follow the conventions of news prose rather than
//! UAX #29: abbreviations (`Oct. 5`, `Dr.`), initials and initialisms
//! (`U.S. rivals`), decimals and URLs do not end a sentence, quoted speech
//! stays with its attribution, and sentences that a careless paraphraser ran
//! together (`space race.This time`, `Their mission?Film`) are split.
//! The scanner works on bytes and only looks closely at punctuation, so it
//! runs at several hundred MB/s (see `benches/segment.rs`).

use std::ops::Range;

use super::boundary;

/// Longest quotation (in bytes) inside which sentence ends are ignored. A
/// longer "quotation" is more likely an unbalanced quote mark.
const MAX_QUOTE_LEN: usize = 600;

/// Titles that are followed by a name and never end a sentence.
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "sr", "jr", "gen", "gov", "sen", "rep", "lt", "col",
    "capt", "sgt", "maj", "cmdr", "adm", "mt", "ft", "rev", "hon", "pres", "supt", "insp", "mme",
    "mlle", "mgr", "messrs", "vs", "approx", "ca", "cf", "fr", "dept", "univ", "corp", "inc",
];

/// Abbreviations that do not end a sentence when a number follows
/// (`Oct. 5`, `No. 10`, `p. 12`).
const BEFORE_NUMBERS: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no",
    "nos", "vol", "vols", "p", "pp", "fig", "figs", "art", "ch", "sec", "para", "ed", "op", "nr",
];

/// Words that start sentences, to tell `…the U.S. He said` (a boundary) from
/// `U.S. President` (none).
const SENTENCE_STARTERS: &[&str] = &[
    "a",
    "after",
    "also",
    "an",
    "and",
    "as",
    "at",
    "before",
    "but",
    "by",
    "for",
    "he",
    "her",
    "his",
    "however",
    "i",
    "if",
    "in",
    "it",
    "its",
    "meanwhile",
    "on",
    "she",
    "so",
    "still",
    "that",
    "the",
    "their",
    "there",
    "these",
    "they",
    "this",
    "those",
    "to",
    "we",
    "when",
    "while",
    "yet",
    "according",
];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Quote {
    Open,
    Close,
}

/// Byte ranges of the sentences of one paragraph, trimmed, in order.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let quotes = classify_quotes(text);
    let spans = quote_spans(&quotes);
    let mut breaks: Vec<(usize, usize)> = Vec::new(); // (end of one, start of next)
    let mut quote_cursor = 0;
    let mut span_cursor = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if !INTERESTING[b as usize] {
            i += 1;
            continue;
        }
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        if is_quote_char(c) {
            // `"Propaganda tool"Rogozin`: a closing quote glued to a capital.
            while quote_cursor < quotes.len() && quotes[quote_cursor].0 < i {
                quote_cursor += 1;
            }
            let after = i + c.len_utf8();
            let closing = quotes
                .get(quote_cursor)
                .is_some_and(|&(at, q)| at == i && q == Quote::Close);
            if closing
                && i > 0
                && !bytes[i - 1].is_ascii_whitespace()
                && text[after..].chars().next().is_some_and(char::is_uppercase)
            {
                breaks.push((after, after));
            }
            i = after;
            continue;
        }
        if !is_terminator(c) {
            i += c.len_utf8();
            continue;
        }
        let start = i;
        let mut j = i;
        let mut periods = 0;
        while let Some(t) = text[j..].chars().next().filter(|&t| is_terminator(t)) {
            periods += usize::from(t == '.');
            j += t.len_utf8();
        }
        let single_period = periods == 1 && j == start + 1;
        // Closing brackets and quotes belong to the sentence they close.
        let mut closed_quote = None;
        while let Some(t) = text[j..].chars().next() {
            if matches!(t, ')' | ']' | '’' | '\'' | '»') {
                j += t.len_utf8();
            } else if is_quote_char(t) && quote_at(&quotes, j) == Some(Quote::Close) {
                closed_quote = Some(j);
                j += t.len_utf8();
            } else {
                break;
            }
        }
        i = j;
        if j >= bytes.len() {
            break;
        }
        if matches!(c, '。' | '！' | '？') {
            breaks.push((j, j));
            continue;
        }
        while span_cursor < spans.len() && spans[span_cursor].1 < start {
            span_cursor += 1;
        }
        let inside_quote = spans.get(span_cursor).is_some_and(|&(open, close)| {
            open < start && start < close && closed_quote != Some(close)
        });
        if inside_quote {
            continue;
        }
        let next_start = j + text[j..].len() - text[j..].trim_start().len();
        let Some(next) = text[next_start..].chars().next() else {
            break;
        };
        let before = word_before(text, start);
        let glued = next_start == j;
        let boundary = if glued {
            glued_boundary(text, start, c, before, next, &quotes, next_start)
        } else {
            spaced_boundary(text, before, single_period, next, next_start)
        };
        if boundary {
            breaks.push((j, next_start));
        }
    }

    let mut out = Vec::with_capacity(breaks.len() + 1);
    let mut from = 0;
    for (end, next) in breaks
        .into_iter()
        .chain(std::iter::once((text.len(), text.len())))
    {
        if end < from {
            continue;
        }
        push_trimmed(text, from..end, &mut out);
        from = next;
    }
    out
}

fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let slice = &text[range.clone()];
    let trimmed = slice.trim();
    if trimmed.is_empty() {
        return;
    }
    let start = range.start + (slice.len() - slice.trim_start().len());
    out.push(start..start + trimmed.len());
}

/// A terminator followed by whitespace and then `next`.
fn spaced_boundary(
    text: &str,
    before: &str,
    single_period: bool,
    next: char,
    next_start: usize,
) -> bool {
    if next.is_lowercase() {
        return false;
    }
    if single_period {
        let lower = before.to_ascii_lowercase();
        if TITLES.contains(&lower.as_str()) {
            return false;
        }
        if next.is_ascii_digit() && BEFORE_NUMBERS.contains(&lower.as_str()) {
            return false;
        }
        let is_initial = before.len() == 1 && before.chars().all(|c| c.is_uppercase());
        if is_initial && next.is_uppercase() {
            return false;
        }
        if is_dotted(before) && next.is_uppercase() {
            // `U.S. President` goes on; `the U.S. He said` ends.
            let word: String = text[next_start..]
                .chars()
                .take_while(|c| c.is_alphabetic())
                .collect::<String>()
                .to_lowercase();
            return SENTENCE_STARTERS.contains(&word.as_str());
        }
    }
    true
}

/// A terminator with no space after it: a boundary only where sentences were
/// run together (`race.This`, `mission?Film`, `(38).Their`).
fn glued_boundary(
    text: &str,
    start: usize,
    terminator: char,
    before: &str,
    next: char,
    quotes: &[(usize, Quote)],
    next_start: usize,
) -> bool {
    let opens_quote = is_quote_char(next) && quote_at(quotes, next_start) == Some(Quote::Open);
    if !(next.is_uppercase() || opens_quote || next.is_ascii_digit()) {
        return false;
    }
    if in_url(text, start) {
        return false;
    }
    if terminator != '.' {
        return !next.is_ascii_digit();
    }
    let previous = text[..start].chars().next_back();
    let lower = before.to_ascii_lowercase();
    if is_dotted(before) || TITLES.contains(&lower.as_str()) || starts_initialism(text, next_start)
    {
        return false;
    }
    if next.is_ascii_digit() {
        // `space.2021` but not `3.5` or `v.2`.
        return before.len() >= 2 && before.chars().all(|c| c.is_lowercase());
    }
    match previous {
        Some(p) if p.is_alphabetic() => !before.is_empty(),
        Some(p) => p.is_ascii_digit() || matches!(p, ')' | ']' | '"' | '”' | '’' | '\''),
        None => false,
    }
}

/// How far back the scanner looks for the word or URL before a terminator,
/// so that pathological lines stay linear.
const LOOKBACK: usize = 256;

fn recent(text: &str, end: usize) -> &str {
    &text[text.floor_char_boundary(end.saturating_sub(LOOKBACK))..end]
}

/// The run of letters and inner periods just before `end` (`Oct`, `U.S`, `e.g`).
fn word_before(text: &str, end: usize) -> &str {
    let head = recent(text, end);
    let end = head.len();
    let start = head
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphabetic() || c == '.')
        .last()
        .map_or(end, |(i, _)| i);
    head[start..].trim_start_matches('.')
}

/// `S.` in `U.S.`: one or two letters and a period, right at `at`.
fn starts_initialism(text: &str, at: usize) -> bool {
    let letters = text[at..].chars().take_while(|c| c.is_alphabetic()).count();
    (1..=2).contains(&letters) && text[at..].chars().nth(letters) == Some('.')
}

/// `U.S`, `e.g`, `a.m`: letters separated by periods.
fn is_dotted(word: &str) -> bool {
    word.contains('.')
        && word
            .split('.')
            .all(|part| part.chars().count() <= 2 && !part.is_empty())
}

fn in_url(text: &str, at: usize) -> bool {
    let head = recent(text, at);
    let token = &head[boundary::after_last(head, char::is_whitespace).unwrap_or(0)..];
    token.contains("://") || token.starts_with("www.")
}

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '。' | '！' | '？')
}

fn is_quote_char(c: char) -> bool {
    matches!(c, '"' | '“' | '”')
}

fn quote_at(quotes: &[(usize, Quote)], at: usize) -> Option<Quote> {
    quotes
        .binary_search_by_key(&at, |&(pos, _)| pos)
        .ok()
        .map(|i| quotes[i].1)
}

/// Decides for every double quote mark whether it opens or closes, from the
/// spacing around it, and where that is ambiguous (`space."They`), from
/// whether a quotation is open.
fn classify_quotes(text: &str) -> Vec<(usize, Quote)> {
    let mut out = Vec::new();
    let mut open = false;
    let bytes = text.as_bytes();
    let mut search = 0;
    while let Some(offset) = bytes[search..].iter().position(|&b| b == b'"' || b == 0xE2) {
        let at = search + offset;
        let c = text[at..].chars().next().unwrap_or(' ');
        search = at + c.len_utf8();
        if !is_quote_char(c) {
            continue;
        }
        let left = text[..at].chars().next_back();
        let right = text[search..].chars().next();
        let left_open = left.is_none_or(|l| l.is_whitespace() || "([{—–-/".contains(l));
        let right_open = right.is_none_or(|r| r.is_whitespace() || ".,;:!?)]}—–".contains(r));
        let quote = match (left_open, right_open) {
            (true, false) => Quote::Open,
            (false, true) => Quote::Close,
            _ if open => Quote::Close,
            _ => Quote::Open,
        };
        open = quote == Quote::Open;
        out.push((at, quote));
    }
    out
}

/// Quotations as (opening mark, closing mark) byte positions.
fn quote_spans(quotes: &[(usize, Quote)]) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut open_at = None;
    for &(at, quote) in quotes {
        match quote {
            Quote::Open => open_at = Some(at),
            Quote::Close => {
                if let Some(open) = open_at.take()
                    && at - open <= MAX_QUOTE_LEN
                {
                    spans.push((open, at));
                }
            }
        }
    }
    spans
}

/// Bytes that may start a terminator or a quote mark: `. ! ? "` and the lead
/// bytes of `… “ ” 。 ！ ？`.
static INTERESTING: [bool; 256] = {
    let mut table = [false; 256];
    table[b'.' as usize] = true;
    table[b'!' as usize] = true;
    table[b'?' as usize] = true;
    table[b'"' as usize] = true;
    table[0xE2] = true;
    table[0xE3] = true;
    table[0xEF] = true;
    table
};

/// Byte ranges of the words of `text`: runs of letters and digits, with
/// apostrophes inside words (`Russia's`) and separators inside numbers
/// (`3,000`, `3.5`). Han and kana characters are words of their own.
pub fn words(text: &str) -> Words<'_> {
    Words { text, pos: 0 }
}

pub fn word_count(text: &str) -> usize {
    words(text).count()
}

pub struct Words<'a> {
    text: &'a str,
    pos: usize,
}

impl Iterator for Words<'_> {
    type Item = Range<usize>;

    fn next(&mut self) -> Option<Range<usize>> {
        let bytes = self.text.as_bytes();
        // Skip to the start of a word, ASCII bytes a table look-up each.
        let start = loop {
            while self.pos < bytes.len()
                && bytes[self.pos] < 0x80
                && !ASCII_WORD[bytes[self.pos] as usize]
            {
                self.pos += 1;
            }
            if self.pos >= bytes.len() {
                return None;
            }
            if bytes[self.pos] < 0x80 {
                break self.pos;
            }
            if let Some(marker) = super::clean::marker_len(self.text, self.pos) {
                self.pos += marker;
                continue;
            }
            let c = self.text[self.pos..].chars().next()?;
            if is_word_char(c) {
                break self.pos;
            }
            self.pos += c.len_utf8();
        };
        let first = self.text[start..].chars().next()?;
        if is_ideograph(first) {
            self.pos = start + first.len_utf8();
            return Some(start..self.pos);
        }
        let mut end = start;
        loop {
            while end < bytes.len() && bytes[end] < 0x80 && ASCII_WORD[bytes[end] as usize] {
                end += 1;
            }
            if end >= bytes.len() {
                break;
            }
            let c = self.text[end..].chars().next()?;
            let len = c.len_utf8();
            let next = self.text[end + len..].chars().next();
            let previous = self.text[..end].chars().next_back();
            let joins = match c {
                '\'' | '’' => next.is_some_and(char::is_alphabetic),
                '.' | ',' => {
                    previous.is_some_and(|p| p.is_ascii_digit())
                        && next.is_some_and(|n| n.is_ascii_digit())
                }
                c if c as u32 >= 0x80 => is_word_char(c) && !is_ideograph(c),
                _ => false,
            };
            if !joins {
                break;
            }
            end += len;
        }
        self.pos = end;
        Some(start..end)
    }
}

static ASCII_WORD: [bool; 128] = {
    let mut table = [false; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c)
}

fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36F}' | '\u{483}'..='\u{489}' | '\u{591}'..='\u{5BD}'
        | '\u{610}'..='\u{61A}' | '\u{64B}'..='\u{65F}' | '\u{900}'..='\u{903}'
        | '\u{93A}'..='\u{94F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

fn is_ideograph(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{2FFFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn plain_sentences() {
        assert_eq!(
            split("One. Two! Three? Four"),
            ["One.", "Two!", "Three?", "Four"]
        );
    }

    #[test]
    fn run_together_sentences_are_split() {
        assert_eq!(
            split(
                "Russia now faces Washington in a space race.This time, however, the stakes seem a little higher."
            ),
            [
                "Russia now faces Washington in a space race.",
                "This time, however, the stakes seem a little higher."
            ]
        );
        assert_eq!(
            split("Their mission?Film the first film from orbit before the Americans."),
            [
                "Their mission?",
                "Film the first film from orbit before the Americans."
            ]
        );
        assert_eq!(
            split("She will fly with Klim Shipenko (38).Their mission? Go."),
            [
                "She will fly with Klim Shipenko (38).",
                "Their mission?",
                "Go."
            ]
        );
        assert_eq!(
            split("and billionaire Elon Musk's Space X.Peresild stated it."),
            [
                "and billionaire Elon Musk's Space X.",
                "Peresild stated it."
            ]
        );
    }

    #[test]
    fn glued_quotes_are_split_by_their_role() {
        assert_eq!(
            split(r#"with corruption."Propaganda tool"Rogozin, who is 57, agrees."#),
            [
                "with corruption.",
                r#""Propaganda tool""#,
                "Rogozin, who is 57, agrees."
            ]
        );
        assert_eq!(
            split(r#"She told AFP, "I'm not a superhuman."She stated it."#),
            [r#"She told AFP, "I'm not a superhuman.""#, "She stated it."]
        );
        assert_eq!(
            split(r#"with disabilities."To them, it is like space."They must."#),
            [
                "with disabilities.",
                r#""To them, it is like space.""#,
                "They must."
            ]
        );
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(split("On Oct. 5, she flies."), ["On Oct. 5, she flies."]);
        assert_eq!(
            split("It loses ground to U.S. rivals."),
            ["It loses ground to U.S. rivals."]
        );
        assert_eq!(
            split("Dr. Smith and Mr. Jones met."),
            ["Dr. Smith and Mr. Jones met."]
        );
        assert_eq!(
            split("J. K. Rowling wrote it."),
            ["J. K. Rowling wrote it."]
        );
        assert_eq!(
            split("U.S. President Biden spoke."),
            ["U.S. President Biden spoke."]
        );
        assert_eq!(
            split("It came from the U.S. He said so."),
            ["It came from the U.S.", "He said so."]
        );
        assert_eq!(
            split("It came in Oct. The rest followed."),
            ["It came in Oct.", "The rest followed."]
        );
    }

    #[test]
    fn decimals_and_urls_do_not_end_sentences() {
        assert_eq!(
            split("It grew 3.5 percent. Then fell."),
            ["It grew 3.5 percent.", "Then fell."]
        );
        assert_eq!(
            split("See https://www.Example.com/A.Page now. Next."),
            ["See https://www.Example.com/A.Page now.", "Next."]
        );
        assert_eq!(
            split("Visit example.com today."),
            ["Visit example.com today."]
        );
    }

    #[test]
    fn quoted_speech_stays_with_its_attribution() {
        assert_eq!(
            split("“Enough sleeping! Let’s be the heroes!”, proclaims the actress. Next."),
            [
                "“Enough sleeping! Let’s be the heroes!”, proclaims the actress.",
                "Next."
            ]
        );
        assert_eq!(
            split(r#""I really want it," Peresild told AFP. "It was then." He left."#),
            [
                r#""I really want it," Peresild told AFP."#,
                r#""It was then.""#,
                "He left."
            ]
        );
    }

    #[test]
    fn ellipsis_and_cjk() {
        assert_eq!(split("Wait… Then go."), ["Wait…", "Then go."]);
        assert_eq!(split("你好。世界！"), ["你好。", "世界！"]);
    }

    fn word_list(text: &str) -> Vec<&str> {
        words(text).map(|r| &text[r]).collect()
    }

    #[test]
    fn words_keep_apostrophes_and_numbers() {
        assert_eq!(
            word_list("Russia's 3,000 (candidates) cost 3.5 bn — don't!"),
            [
                "Russia's",
                "3,000",
                "candidates",
                "cost",
                "3.5",
                "bn",
                "don't"
            ]
        );
        assert_eq!(word_list("21st-century"), ["21st", "century"]);
    }

    #[test]
    fn markers_are_not_words() {
        assert_eq!(word_list("a⟨U+200B⟩b 12⟨U+202E⟩3"), ["a", "b", "12", "3"]);
    }

    #[test]
    fn words_in_other_scripts() {
        assert_eq!(word_list("Юлия Пересильд, е́ж"), ["Юлия", "Пересильд", "е́ж"]);
        assert_eq!(word_list("上一 ok"), ["上", "一", "ok"]);
    }
}
