//! Sentences and words.
//!
//! Sentence boundaries follow the conventions of news prose rather than
//! UAX #29, in the article's language (`assets/lang/`): abbreviations
//! (`Oct. 5`, `Dr.`, `et al.`, `a.m. (0435 GMT)`), initials and
//! initialisms (`U.S. rivals`), decimals and URLs do not end a sentence;
//! quoted speech stays with its attribution (`"…is well!" the agency
//! tweeted`), a closing mark stays with its quote (`« … pas cette fois. »`,
//! `„…“`); a sentence may start with a lower-case name (`iPhone`); and
//! sentences that a careless paraphraser ran together (`space race.This
//! time`, `Their mission?Film`) are split. The scanner works on bytes and
//! only looks closely at punctuation, so it runs at several hundred MB/s
//! (see `benches/segment.rs`).

use std::ops::Range;

use super::boundary;
use super::clean;
use crate::lang::Language;

/// Longest quotation (in bytes) inside which sentence ends are ignored. A
/// longer "quotation" is more likely an unbalanced quote mark.
const MAX_QUOTE_LEN: usize = 600;

/// Most words between a quotation that ends with `!` or `?` and the end of
/// its attribution (`"…!" Space agency Orbita tweeted on Sunday.`).
const MAX_ATTRIBUTION_WORDS: usize = 8;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Quote {
    Open,
    Close,
}

/// What a quote mark may be in a language: only an opening mark, only a
/// closing one, or either (`"`, and `“` where German closes with it).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    Opens,
    Closes,
    Either,
}

fn role(c: char, language: &Language) -> Option<Role> {
    let opens = language.quote_pairs.iter().any(|&(o, _)| o == c);
    let closes = language.quote_pairs.iter().any(|&(_, cl)| cl == c);
    match (opens, closes) {
        (true, false) => Some(Role::Opens),
        (false, true) => Some(Role::Closes),
        (true, true) => Some(Role::Either),
        (false, false) => is_quote_char(c).then_some(Role::Either),
    }
}

/// Byte ranges of the sentences of one paragraph in an unknown language.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    sentences_in(text, Language::neutral())
}

/// Byte ranges of the sentences of one paragraph in `language`, trimmed,
/// in order.
pub fn sentences_in(text: &str, language: &Language) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let quotes = classify_quotes(text, language);
    let spans = quote_spans(&quotes);
    let mut breaks: Vec<(usize, usize)> = Vec::new(); // (end of one, start of next)
    let mut quote_cursor = 0;
    let mut span_cursor = 0;
    let mut interesting = Interesting::new(bytes);
    let mut i = 0;
    while i < bytes.len() {
        i = interesting.next_from(i);
        if i >= bytes.len() {
            break;
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
        // Closing brackets and quotes belong to the sentence they close, a
        // closing guillemet after its no-break space too (`pas. »`).
        let mut closed_quote = None;
        while let Some(t) = text[j..].chars().next() {
            if matches!(t, ')' | ']' | '’' | '\'') {
                j += t.len_utf8();
                continue;
            }
            let spaced = text[j..].len() - text[j..].trim_start().len();
            let mark_at = if t.is_whitespace() && spaced <= 4 {
                j + spaced
            } else {
                j
            };
            match text[mark_at..].chars().next() {
                Some(m) if is_quote_char(m) && quote_at(&quotes, mark_at) == Some(Quote::Close) => {
                    closed_quote = Some(mark_at);
                    j = mark_at + m.len_utf8();
                }
                _ => break,
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
        let next_start = skip_space(text, j);
        let Some(next) = text[next_start..].chars().next() else {
            break;
        };
        let before = word_before(text, start);
        let glued = next_start == j;
        let boundary = if glued {
            glued_boundary(text, start, c, before, next, &quotes, next_start)
        } else {
            let ending = Ending {
                terminator: c,
                start,
                before,
                single_period,
                quoted: closed_quote.is_some(),
                next,
                next_start,
            };
            spaced_boundary(text, &ending, language)
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

/// The first byte after whitespace and markers of invisible characters at
/// `at` (`members.⟨U+200B⟩ The port…`).
fn skip_space(text: &str, mut at: usize) -> usize {
    loop {
        let rest = &text[at..];
        let trimmed = rest.trim_start();
        at += rest.len() - trimmed.len();
        match clean::marker_len(text, at) {
            Some(len) => at += len,
            None => return at,
        }
    }
}

fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let mut start = range.start;
    let mut end = range.end;
    // Whitespace and markers of invisible characters at either edge.
    loop {
        let slice = &text[start..end];
        let trimmed = slice.trim_start();
        start += slice.len() - trimmed.len();
        match clean::marker_len(text, start) {
            Some(len) if start + len <= end => start += len,
            _ => break,
        }
    }
    loop {
        let slice = &text[start..end];
        end = start + slice.trim_end().len();
        let tail = &text[start..end];
        match tail
            .rfind('⟨')
            .filter(|&at| clean::marker_len(tail, at) == Some(tail.len() - at))
        {
            Some(at) => end = start + at,
            None => break,
        }
    }
    if start < end {
        out.push(start..end);
    }
}

/// A terminator followed by whitespace, and what is around it.
struct Ending<'a> {
    terminator: char,
    /// Where the terminator is.
    start: usize,
    /// The word just before the terminator (`Oct`, `U.S`).
    before: &'a str,
    single_period: bool,
    /// A closing quote mark follows the terminator.
    quoted: bool,
    next: char,
    next_start: usize,
}

/// Whether a terminator followed by whitespace ends the sentence.
fn spaced_boundary(text: &str, ending: &Ending, language: &Language) -> bool {
    let next = ending.next;
    let next_start = ending.next_start;
    if next.is_lowercase() {
        // `iPhone shipments…`, `eBay said…`: a name with an inner capital.
        return !ending.quoted && starts_lowercase_name(&text[next_start..]);
    }
    if ending.quoted
        && matches!(ending.terminator, '!' | '?')
        && is_attribution(text, next_start, language)
    {
        return false;
    }
    if ending.single_period {
        if paragraph_number(text, ending.start) {
            return false;
        }
        let before = ending.before;
        let lower = before.to_lowercase();
        if never_final(text, ending.start, language) {
            return false;
        }
        if (next == '(' || next.is_ascii_digit())
            && (language.not_before_lower.contains(&lower) || is_dotted(before))
        {
            return false;
        }
        if language.titles.contains(&lower) {
            return false;
        }
        if next.is_ascii_digit() && language.before_numbers.contains(&lower) {
            return false;
        }
        if ordinal_day(text, ending.start, language) {
            return false;
        }
        let is_initial = before.chars().count() == 1 && before.chars().all(char::is_uppercase);
        if is_initial && next.is_uppercase() {
            // `J. K. Rowling`, `John F. Kennedy`; but `Plan B. Critics…`.
            return designator_before(text, ending.start, language);
        }
        if is_dotted(before) && next.is_uppercase() {
            // `U.S. President` goes on; `the U.S. He said` ends.
            let word: String = text[next_start..]
                .chars()
                .take_while(|c| c.is_alphabetic())
                .collect::<String>()
                .to_lowercase();
            return language.starters.contains(&word);
        }
    }
    true
}

/// `iPhone`, `eBay`, `iOS`: a word that starts in lower case and has a
/// capital after.
fn starts_lowercase_name(text: &str) -> bool {
    let word: Vec<char> = text.chars().take_while(|c| c.is_alphanumeric()).collect();
    word.len() >= 2 && word[1..].iter().any(|c| c.is_uppercase())
}

/// Whether the words after a quotation, up to the next terminator, are its
/// attribution: few, and one of them a speech verb.
fn is_attribution(text: &str, at: usize, language: &Language) -> bool {
    let rest = &text[at..];
    let clause = rest
        .find(['.', '!', '?', '"', '“', '«'])
        .map_or(rest, |end| &rest[..end]);
    let words: Vec<String> = clause
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    words.len() <= MAX_ATTRIBUTION_WORDS && words.iter().any(|w| language.speech_verbs.contains(w))
}

/// `1. Reopen the harbour…`: the number of an ordered list's item.
fn paragraph_number(text: &str, terminator: usize) -> bool {
    let head = text[..terminator].trim_start();
    !head.is_empty() && head.len() <= 4 && head.bytes().all(|b| b.is_ascii_digit())
}

/// Whether one of the language's never-final abbreviations (`et al`,
/// `e.g`) ends just before the terminator at `at`.
fn never_final(text: &str, at: usize, language: &Language) -> bool {
    let head = recent(text, at).to_lowercase();
    language.never_final.iter().any(|abbreviation| {
        head.ends_with(abbreviation.as_str())
            && head[..head.len() - abbreviation.len()]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
    })
}

/// `am 12. September`, `14. Jahrhundert`: a day or an ordinal with its
/// period, in a language that writes them so, or a day before a month.
fn ordinal_day(text: &str, at: usize, language: &Language) -> bool {
    let head = &text[..at];
    let digits = head.len() - head.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 || digits > 3 {
        return false;
    }
    let next_word: String = text[at + 1..]
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect();
    language.month(&next_word).is_some()
        || (digits <= 2 && language.ordinal_suffixes.iter().any(|s| s == "."))
}

/// Whether the word before a single capital is one that names designations
/// (`Plan B`, `Group C`): then the capital is no initial.
fn designator_before(text: &str, at: usize, language: &Language) -> bool {
    let head = text[..at]
        .trim_end_matches(|c: char| c.is_alphabetic())
        .trim_end();
    let word: String = head
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect::<String>()
        .to_lowercase();
    language.designators.contains(&word)
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
    if is_dotted(before) || is_title_anywhere(before) || starts_initialism(text, next_start) {
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
    matches!(c, '"' | '“' | '”' | '«' | '»' | '„' | '‟' | '‹' | '›')
}

/// A title (`Dr`, `Mr`) in any language: `Dr.Smith` run together is no
/// sentence end.
fn is_title_anywhere(word: &str) -> bool {
    let lower = word.to_lowercase();
    crate::lang::all().any(|language| language.titles.contains(&lower))
}

fn quote_at(quotes: &[(usize, Quote)], at: usize) -> Option<Quote> {
    quotes
        .binary_search_by_key(&at, |&(pos, _)| pos)
        .ok()
        .map(|i| quotes[i].1)
}

/// Decides for every double quote mark whether it opens or closes: by the
/// language's pairs where a mark only opens or only closes (`«`, `»` in
/// French), else from the spacing around it, and where that is ambiguous
/// (`space."They`), from whether a quotation is open.
fn classify_quotes(text: &str, language: &Language) -> Vec<(usize, Quote)> {
    let mut out = Vec::new();
    let mut open = false;
    let bytes = text.as_bytes();
    let mut search = 0;
    // The ASCII mark and the lead bytes of the others, found by a
    // vectorised search.
    while let Some(offset) = memchr::memchr3(b'"', 0xE2, 0xC2, &bytes[search..]) {
        let at = search + offset;
        let c = text[at..].chars().next().unwrap_or(' ');
        search = at + c.len_utf8();
        let Some(role) = role(c, language).filter(|_| is_quote_char(c)) else {
            continue;
        };
        let quote = match role {
            Role::Opens => Quote::Open,
            Role::Closes => Quote::Close,
            Role::Either => {
                let left = text[..at].chars().next_back();
                let right = text[search..].chars().next();
                let left_open = left.is_none_or(|l| l.is_whitespace() || "([{—–-/".contains(l));
                let right_open =
                    right.is_none_or(|r| r.is_whitespace() || ".,;:!?)]}—–".contains(r));
                match (left_open, right_open) {
                    (true, false) => Quote::Open,
                    (false, true) => Quote::Close,
                    _ if open => Quote::Close,
                    _ => Quote::Open,
                }
            }
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

/// Finds the bytes that may start a terminator or a quote mark: `. ! ? "`
/// and the lead bytes of `… “ ” „ ‹ › « » 。 ！ ？`. Three vectorised
/// searches (memchr) of up to three bytes each, every one resumed only
/// once the scan has passed what it found: a byte-by-byte scan was a
/// third of cutting sentences.
struct Interesting<'a> {
    bytes: &'a [u8],
    /// Per search, the next position it found at or after where it last
    /// looked (the text's length when there is none).
    next: [usize; 3],
}

impl<'a> Interesting<'a> {
    fn new(bytes: &'a [u8]) -> Interesting<'a> {
        let mut searches = Interesting {
            bytes,
            next: [0; 3],
        };
        for k in 0..3 {
            searches.next[k] = searches.search(k, 0);
        }
        searches
    }

    fn search(&self, k: usize, from: usize) -> usize {
        let rest = &self.bytes[from..];
        let found = match k {
            0 => memchr::memchr3(b'.', b'!', b'?', rest),
            1 => memchr::memchr3(b'"', 0xC2, 0xE2, rest),
            _ => memchr::memchr2(0xE3, 0xEF, rest),
        };
        found.map_or(self.bytes.len(), |at| from + at)
    }

    /// The first interesting byte at or after `from`.
    fn next_from(&mut self, from: usize) -> usize {
        for k in 0..3 {
            if self.next[k] < from {
                self.next[k] = self.search(k, from);
            }
        }
        self.next.iter().copied().min().unwrap_or(self.bytes.len())
    }
}

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
            self.pos += bytes[self.pos..]
                .iter()
                .position(|&b| BYTE_CLASS[usize::from(b)] != ASCII_OTHER)
                .unwrap_or(bytes.len() - self.pos);
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
        if bytes[start] >= 0x80 {
            let first = self.text[start..].chars().next()?;
            if is_ideograph(first) {
                self.pos = start + first.len_utf8();
                return Some(start..self.pos);
            }
        }
        let mut end = start;
        loop {
            end += bytes[end..]
                .iter()
                .position(|&b| BYTE_CLASS[usize::from(b)] != ASCII_WORD)
                .unwrap_or(bytes.len() - end);
            if end >= bytes.len() {
                break;
            }
            // Most words end on a space: only an apostrophe, a point or a
            // comma in ASCII may join what follows.
            if bytes[end] < 0x80 && !matches!(bytes[end], b'\'' | b'.' | b',') {
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

/// What a byte is to the word scanner: one table look-up per byte.
const ASCII_OTHER: u8 = 0;
const ASCII_WORD: u8 = 1;
const NOT_ASCII: u8 = 2;

static BYTE_CLASS: [u8; 256] = {
    let mut table = [NOT_ASCII; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = if (b as u8).is_ascii_alphanumeric() {
            ASCII_WORD
        } else {
            ASCII_OTHER
        };
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
        split_in(text, "en")
    }

    fn split_in<'a>(text: &'a str, code: &str) -> Vec<&'a str> {
        sentences_in(text, crate::lang::language(Some(code)))
            .into_iter()
            .map(|r| &text[r])
            .collect()
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
