//! Folded copies of text for searching, each with its own offset map back to
//! the original. Folding changes byte lengths (`İ` lower-cases to two
//! characters, `é` loses its accent, `’` becomes `'`), so an offset found in
//! the folded copy is never used on the original directly: [`Folded::original`]
//! maps it, and always to whole characters.
//!
//! What is folded follows the usual search conventions (vim's and ripgrep's
//! smart case; accents ignored when the query has none, as in browsers'
//! find-in-page): straight and curly quotes and apostrophes are one mark,
//! every kind of dash is `-`, every kind of space is a space, and the visible
//! markers of invisible characters are not there at all.

use std::ops::Range;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use super::clean;

/// What a search ignores.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FoldOptions {
    /// Upper and lower case are the same.
    pub case: bool,
    /// Letters with and without accents are the same.
    pub accents: bool,
}

impl FoldOptions {
    /// Smart case and smart accents: a query with a capital letter matches
    /// case exactly, and a query with an accented letter matches accents
    /// exactly.
    pub fn for_query(query: &str) -> FoldOptions {
        FoldOptions {
            case: !query.chars().any(char::is_uppercase),
            accents: !query.nfd().any(is_combining_mark),
        }
    }
}

/// A folded copy of a text, with where each of its bytes came from.
#[derive(Debug, Clone)]
pub struct Folded {
    pub text: String,
    /// For each byte of `text`, the byte range of the original character it
    /// was folded from.
    origin: Vec<Range<usize>>,
}

impl Folded {
    pub fn new(text: &str, options: FoldOptions) -> Folded {
        let mut folded = Folded {
            text: String::with_capacity(text.len()),
            origin: Vec::with_capacity(text.len()),
        };
        let mut at = 0;
        while let Some(c) = text[at..].chars().next() {
            if let Some(len) = clean::marker_len(text, at) {
                at += len;
                continue;
            }
            let source = at..at + c.len_utf8();
            fold_char(c, options, |out| {
                folded.text.push(out);
                let width = out.len_utf8();
                folded
                    .origin
                    .extend(std::iter::repeat_n(source.clone(), width));
            });
            at = source.end;
        }
        folded
    }

    /// The range of the original text that the folded range `range` came
    /// from, widened to whole characters. An empty or out-of-range `range`
    /// maps to an empty range.
    pub fn original(&self, range: Range<usize>) -> Range<usize> {
        if range.start >= range.end || range.end > self.origin.len() {
            let at = self.origin.get(range.start).map_or(0, |r| r.start);
            return at..at;
        }
        self.origin[range.start].start..self.origin[range.end - 1].end
    }
}

/// Folds one character, handing each resulting character to `out`.
fn fold_char(c: char, options: FoldOptions, mut out: impl FnMut(char)) {
    let c = match c {
        '’' | '‘' | '‛' | '′' | 'ʼ' | '`' | '´' => '\'',
        '“' | '”' | '„' | '‟' | '″' | '«' | '»' | '‹' | '›' => '"',
        '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' | '﹘' | '﹣' | '－' => '-',
        c if c.is_whitespace() => ' ',
        c => c,
    };
    let mut emit = |c: char| {
        if options.case {
            c.to_lowercase().for_each(&mut out);
        } else {
            out(c);
        }
    };
    if options.accents && !c.is_ascii() {
        c.to_string()
            .nfd()
            .filter(|&d| !is_combining_mark(d))
            .for_each(&mut emit);
    } else {
        emit(c);
    }
}

/// The query folded as a text would be with the same options.
pub fn fold_query(query: &str, options: FoldOptions) -> String {
    Folded::new(query, options).text
}

/// Every occurrence of `query` in `text`, by byte ranges of `text`, with the
/// query's [`FoldOptions::for_query`]; at most `limit` of them.
pub fn find_all(text: &str, query: &str, limit: usize) -> Vec<Range<usize>> {
    let options = FoldOptions::for_query(query);
    let needle = fold_query(query, options);
    if needle.is_empty() {
        return Vec::new();
    }
    let haystack = Folded::new(text, options);
    haystack
        .text
        .match_indices(&needle)
        .take(limit)
        .map(|(at, _)| haystack.original(at..at + needle.len()))
        .filter(|range| !range.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found<'a>(text: &'a str, query: &str) -> Vec<&'a str> {
        find_all(text, query, usize::MAX)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn quotes_dashes_and_spaces_are_one_kind_each() {
        assert_eq!(found("the company’s plan", "company's"), ["company’s"]);
        assert_eq!(found("a “quoted” word", "\"quoted\""), ["“quoted”"]);
        assert_eq!(found("2020–2021", "2020-2021"), ["2020–2021"]);
        assert_eq!(found("3\u{202F}000 euros", "3 000"), ["3\u{202F}000"]);
    }

    #[test]
    fn smart_case_and_smart_accents() {
        assert_eq!(found("Peresild and peresild", "peresild").len(), 2);
        assert_eq!(found("Peresild and peresild", "Peresild"), ["Peresild"]);
        assert_eq!(found("Baïkonour, Baikonour", "baikonour").len(), 2);
        assert_eq!(found("Baïkonour, Baikonour", "baïkonour"), ["Baïkonour"]);
    }

    #[test]
    fn offsets_map_back_across_length_changes() {
        // `İ` lower-cases to `i` and a combining dot: three bytes from two.
        let text = "İstanbul x ẞ y";
        assert_eq!(found(text, "x"), ["x"]);
        assert_eq!(found(text, "y"), ["y"]);
        assert_eq!(found(text, "istanbul"), ["İstanbul"]);
        // A match that starts inside a character's expansion widens to it.
        assert_eq!(found("İ", "\u{307}"), ["İ"]);
    }

    #[test]
    fn markers_of_invisible_characters_are_not_searched() {
        let text = clean::visible("a\u{200B}b 200B").into_owned();
        assert_eq!(found(&text, "ab"), ["a⟨U+200B⟩b"]);
        assert_eq!(found(&text, "200b"), ["200B"]);
    }
}
