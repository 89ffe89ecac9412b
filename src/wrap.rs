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

/// Pieces handed to the wrapping algorithm at a time, so that a paragraph of
/// many megabytes is wrapped in bounded memory.
const BATCH: usize = 4096;

/// The byte ranges of the lines `text` wraps into at `columns` columns.
/// Lines break at spaces and after hyphens and dashes; a word wider than the
/// line is cut between grapheme clusters. Trailing spaces are left out of
/// each line. An empty text is one empty line.
pub fn wrap(text: &str, columns: usize) -> Vec<Range<usize>> {
    let columns = columns.max(1);
    if text.len() <= columns && text.is_ascii() {
        return std::iter::once(0..text.trim_end().len()).collect();
    }
    let mut pieces = Pieces::new(text, columns);
    let mut lines = Vec::new();
    let mut batch: Vec<Piece> = Vec::with_capacity(BATCH);
    let mut limit = BATCH;
    loop {
        let wanted = limit - batch.len();
        let before = batch.len();
        batch.extend(pieces.by_ref().take(wanted));
        let exhausted = batch.len() - before < wanted;
        if batch.is_empty() {
            break;
        }
        let wrapped = wrap_first_fit(&batch, &[columns as f64]);
        // The last line of a batch may go on with the next pieces.
        let keep = if exhausted {
            wrapped.len()
        } else {
            wrapped.len() - 1
        };
        if keep == 0 {
            limit *= 2;
            continue;
        }
        let mut consumed = 0;
        for line in &wrapped[..keep] {
            if let (Some(first), Some(last)) = (line.first(), line.last()) {
                lines.push(first.word.start..last.word.end);
            }
            consumed += line.len();
        }
        batch.drain(..consumed);
        if exhausted && batch.is_empty() {
            break;
        }
    }
    if lines.is_empty() {
        lines.push(0..0);
    }
    lines
}

/// The words of a text with the whitespace after them, one at a time.
struct Pieces<'a> {
    clusters: Box<dyn Iterator<Item = (usize, &'a str)> + 'a>,
    text: &'a str,
    columns: usize,
    /// The word being gathered: start, end, width, whitespace width.
    open: Option<(usize, usize, usize, usize)>,
}

impl<'a> Pieces<'a> {
    fn new(text: &'a str, columns: usize) -> Self {
        Pieces {
            clusters: clusters(text),
            text,
            columns,
            open: None,
        }
    }
}

impl Iterator for Pieces<'_> {
    type Item = Piece;

    fn next(&mut self) -> Option<Piece> {
        for (at, grapheme) in self.clusters.by_ref() {
            let is_space = grapheme.chars().all(char::is_whitespace);
            let w = usize::from(grapheme.cell_width());
            if is_space {
                if let Some(open) = self.open.as_mut() {
                    open.3 += w.max(1);
                }
                continue;
            }
            let mut finished = None;
            if let Some((start, end, width, ws)) = self.open {
                // A new word starts after whitespace, after a hyphen or dash,
                // or where the word would no longer fit on a line.
                let after_break = ws > 0
                    || (self.text[..at].ends_with(['-', '–', '—', '/'])
                        && grapheme.chars().all(char::is_alphanumeric));
                let too_wide = ws == 0 && width + w > self.columns;
                if after_break || too_wide {
                    finished = Some(Piece {
                        word: start..end,
                        width,
                        whitespace_width: ws,
                    });
                    self.open = None;
                }
            }
            let open = self.open.get_or_insert((at, at, 0, 0));
            open.1 = at + grapheme.len();
            open.2 += w;
            if finished.is_some() {
                return finished;
            }
        }
        self.open.take().map(|(start, end, width, ws)| Piece {
            word: start..end,
            width,
            whitespace_width: ws,
        })
    }
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
    fn long_paragraphs_wrap_across_batches_like_short_ones() {
        let text = "word ".repeat(3 * BATCH + 17) + "end";
        let ranges = wrap(&text, 23);
        let joined: Vec<&str> = ranges.iter().map(|r| &text[r.clone()]).collect();
        assert!(joined.iter().all(|l| width(l) <= 23));
        assert_eq!(joined.join(" ").split_whitespace().count(), 3 * BATCH + 18);
        assert!(
            joined[..joined.len() - 1]
                .iter()
                .all(|l| *l == "word word word word")
        );
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
