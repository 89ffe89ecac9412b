//! Byte offsets that always fall on character boundaries. Text is sliced by
//! byte offsets everywhere, and an offset moved by `+1` past a multi-byte
//! character (`”`, a no-break space) panics; these are the ways to step
//! past a character found by a predicate. For the nearest boundary at or
//! around an arbitrary offset, use `str::floor_char_boundary` and
//! `str::ceil_char_boundary`.

/// The byte just past the last character of `text` that `matches`.
pub fn after_last(text: &str, matches: impl Fn(char) -> bool) -> Option<usize> {
    text.char_indices()
        .rev()
        .find(|&(_, c)| matches(c))
        .map(|(at, c)| at + c.len_utf8())
}

/// The byte just past the first character of `text` that `matches`.
pub fn after_first(text: &str, matches: impl Fn(char) -> bool) -> Option<usize> {
    text.char_indices()
        .find(|&(_, c)| matches(c))
        .map(|(at, c)| at + c.len_utf8())
}

/// The byte just past the character that starts at or contains byte `at`
/// (`text.len()` at or past the end).
pub fn char_end(text: &str, at: usize) -> usize {
    if at >= text.len() {
        return text.len();
    }
    let start = text.floor_char_boundary(at);
    text[start..]
        .chars()
        .next()
        .map_or(text.len(), |c| start + c.len_utf8())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_past_whole_characters() {
        let text = "a “quote” b\u{A0}c";
        assert_eq!(
            &text[..after_last(text, |c| c == '”').unwrap()],
            "a “quote”"
        );
        assert_eq!(&text[after_last(text, char::is_whitespace).unwrap()..], "c");
        assert_eq!(
            &text[after_first(text, |c| c == '“').unwrap()..],
            "quote” b\u{A0}c"
        );
        assert_eq!(after_last(text, |c| c == '!'), None);
        assert_eq!(char_end("é", 1), 2);
        assert_eq!(char_end("é", 0), 2);
        assert_eq!(char_end("é", 9), 2);
    }
}
