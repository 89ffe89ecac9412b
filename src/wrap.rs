//! Width-aware wrapping of one paragraph into line ranges. Widths are those
//! of grapheme clusters as ratatui's buffer measures them, so a wrapped line
//! never runs past its pane; textwrap's first-fit algorithm places the words.

use std::ops::Range;

use ratatui::buffer::CellWidth;
use textwrap::core::Fragment;
use textwrap::wrap_algorithms::wrap_first_fit;
use unicode_segmentation::UnicodeSegmentation;

/// A word and the whitespace after it, by byte range, with display widths.
#[derive(Debug)]
struct Piece {
    word: Range<usize>,
    width: usize,
    whitespace_width: usize,
}

impl Fragment for Piece {
    fn width(&self) -> f64 {
        self.width as f64
    }
    fn whitespace_width(&self) -> f64 {
        self.whitespace_width as f64
    }
    fn penalty_width(&self) -> f64 {
        0.0
    }
}

/// Display width of `text` in terminal columns.
pub fn width(text: &str) -> usize {
    if text.is_ascii() {
        return text.len();
    }
    text.graphemes(true)
        .map(|g| usize::from(g.cell_width()))
        .sum()
}

/// The byte ranges of the lines `text` wraps into at `columns` columns.
/// Lines break at spaces and after hyphens and dashes; a word wider than the
/// line is cut between grapheme clusters. Trailing spaces are left out of
/// each line. An empty text is one empty line.
pub fn wrap(text: &str, columns: usize) -> Vec<Range<usize>> {
    let columns = columns.max(1);
    if text.len() <= columns && text.is_ascii() {
        return std::iter::once(0..text.trim_end().len()).collect();
    }
    let pieces = pieces(text, columns);
    if pieces.is_empty() {
        return std::iter::once(0..0).collect();
    }
    wrap_first_fit(&pieces, &[columns as f64])
        .into_iter()
        .filter_map(|line| Some(line.first()?.word.start..line.last()?.word.end))
        .collect()
}

fn pieces(text: &str, columns: usize) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut word_start = None;
    let mut word_width = 0;
    let mut ws_width = 0;
    let mut word_end = 0;
    for (at, grapheme) in clusters(text) {
        let is_space = grapheme.chars().all(char::is_whitespace);
        let w = usize::from(grapheme.cell_width());
        if is_space {
            if word_start.is_some() {
                ws_width += w.max(1);
            }
            continue;
        }
        // A new word starts after whitespace, or after a hyphen or dash.
        let after_break = ws_width > 0
            || (word_start.is_some()
                && text[..at].ends_with(['-', '–', '—', '/'])
                && grapheme.chars().all(char::is_alphanumeric));
        let too_wide = word_start.is_some() && word_width + w > columns && ws_width == 0;
        if let Some(start) = word_start
            && (after_break || too_wide)
        {
            pieces.push(Piece {
                word: start..word_end,
                width: word_width,
                whitespace_width: ws_width,
            });
            word_start = None;
        }
        if word_start.is_none() {
            word_start = Some(at);
            word_width = 0;
            ws_width = 0;
        }
        word_width += w;
        word_end = at + grapheme.len();
    }
    if let Some(start) = word_start {
        pieces.push(Piece {
            word: start..word_end,
            width: word_width,
            whitespace_width: ws_width,
        });
    }
    pieces
}

/// Grapheme clusters with their offsets; ASCII text, the common case, is
/// walked byte by byte.
fn clusters(text: &str) -> Box<dyn Iterator<Item = (usize, &str)> + '_> {
    if text.is_ascii() {
        Box::new((0..text.len()).map(move |i| (i, &text[i..i + 1])))
    } else {
        Box::new(text.grapheme_indices(true))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, columns: usize) -> Vec<&str> {
        wrap(text, columns).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn wraps_at_spaces() {
        assert_eq!(
            lines("the quick brown fox jumps", 10),
            ["the quick", "brown fox", "jumps"]
        );
        assert_eq!(lines("short", 10), ["short"]);
        assert_eq!(lines("", 10), [""]);
    }

    #[test]
    fn breaks_after_hyphens_and_inside_long_words() {
        assert_eq!(
            lines("stage-managed events", 8),
            ["stage-", "managed", "events"]
        );
        assert_eq!(lines("abcdefghij", 4), ["abcd", "efgh", "ij"]);
    }

    #[test]
    fn wide_and_combining_text_fits() {
        for text in ["上一上一上一上一上一", "👨‍👩‍👧‍👦 🇷🇺 ♻️ е́е́е́е́е́е́е́", "a 上一上 b"]
        {
            for columns in 1..12 {
                for line in lines(text, columns) {
                    assert!(
                        width(line) <= columns.max(2),
                        "{line:?} is wider than {columns}"
                    );
                }
            }
        }
        assert_eq!(lines("上一上一", 4), ["上一", "上一"]);
    }
}
