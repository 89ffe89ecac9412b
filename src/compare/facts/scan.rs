//! Tokens of one sentence for the extractors: words (with their internal
//! hyphens, apostrophes and digit separators) and single punctuation marks,
//! each with its byte range, so that a mention can point back into the text.

use std::borrow::Cow;
use std::ops::Range;

use crate::corpus::clean;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, digits, or both (`Peresild`, `3,000`, `36-year-old`).
    Word,
    /// One character that is neither (`,`, `(`, `“`, `$`).
    Punct,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    pub text: &'a str,
    /// Exactly one space of any kind (` `, no-break, narrow no-break)
    /// stands between this token and the one before: `1 500 000` may be
    /// one number.
    pub spaced: bool,
    /// The text in lower case, made once: the extractors test keywords
    /// on every token.
    pub lower: Cow<'a, str>,
    pub range: Range<usize>,
    pub kind: TokenKind,
}

impl Token<'_> {
    pub fn is(&self, punct: &str) -> bool {
        self.kind == TokenKind::Punct && self.text == punct
    }

    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }

    /// Lower case, for keyword tests.
    pub fn lower(&self) -> &str {
        &self.lower
    }

    pub fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    pub fn is_digits(&self) -> bool {
        self.text.bytes().next().is_some_and(|b| b.is_ascii_digit())
    }
}

/// Characters that may join two alphanumeric runs into one word.
fn joins(c: char) -> bool {
    matches!(c, '.' | ',' | '\'' | '’' | '-' | '‑')
}

/// Splits a sentence into tokens. A joining character stays inside a word
/// only between two alphanumerics, and `.`/`,` only between two digits, so
/// `3,000` and `05.10.2021` are one token but `Oct.` and `Earth,` are two.
pub fn tokens(text: &str) -> Vec<Token<'_>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out: Vec<Token<'_>> = Vec::new();
    let spaced = |out: &[Token<'_>], start: usize| {
        out.last().is_some_and(|previous| {
            let mut gap = text[previous.range.end..start].chars();
            gap.next().is_some_and(char::is_whitespace) && gap.next().is_none()
        })
    };
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if let Some(len) = clean::marker_len(text, start) {
            // A marker for an invisible character: one mark, never a word.
            let end = start + len;
            out.push(Token {
                text: &text[start..end],
                spaced: spaced(&out, start),
                lower: Cow::Borrowed(&text[start..end]),
                range: start..end,
                kind: TokenKind::Punct,
            });
            while i < chars.len() && chars[i].0 < end {
                i += 1;
            }
            continue;
        }
        if !c.is_alphanumeric() {
            let end = chars.get(i + 1).map_or(text.len(), |&(b, _)| b);
            out.push(Token {
                text: &text[start..end],
                spaced: spaced(&out, start),
                lower: Cow::Borrowed(&text[start..end]),
                range: start..end,
                kind: TokenKind::Punct,
            });
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < chars.len() {
            let (_, c) = chars[j];
            if c.is_alphanumeric() {
                j += 1;
                continue;
            }
            let next = chars.get(j + 1).map(|&(_, n)| n);
            let previous = chars[j - 1].1;
            let between_digits =
                previous.is_ascii_digit() && next.is_some_and(|n| n.is_ascii_digit());
            let inside_word =
                matches!(c, '\'' | '’' | '-' | '‑') && next.is_some_and(char::is_alphanumeric);
            if joins(c) && (between_digits || inside_word) {
                j += 1;
            } else {
                break;
            }
        }
        let end = chars.get(j).map_or(text.len(), |&(b, _)| b);
        let word = &text[start..end];
        let lower = if word.chars().any(char::is_uppercase) {
            Cow::Owned(word.to_lowercase())
        } else {
            Cow::Borrowed(word)
        };
        out.push(Token {
            text: word,
            spaced: spaced(&out, start),
            lower,
            range: start..end,
            kind: TokenKind::Word,
        });
        i = j;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        tokens(s).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn words_numbers_and_marks() {
        assert_eq!(
            texts("On Oct. 5, 36-year-old Yulia’s 3,000 (05.10.2021) $3.5m."),
            [
                "On",
                "Oct",
                ".",
                "5",
                ",",
                "36-year-old",
                "Yulia’s",
                "3,000",
                "(",
                "05.10.2021",
                ")",
                "$",
                "3.5m",
                "."
            ]
        );
        assert_eq!(texts("Earth,earning"), ["Earth", ",", "earning"]);
        assert_eq!(texts("“Hi”"), ["“", "Hi", "”"]);
    }
}
