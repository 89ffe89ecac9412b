//! Where the panes go, and the reader's wrapped-line cache: every row of an
//! article at one width, built once per (article, width) so that a frame
//! only touches the rows it shows.

use std::ops::Range;

use ratatui::layout::{Constraint, Layout, Margin, Rect};

use crate::corpus::Article;
use crate::export::text::header_lines;
use crate::wrap;

use super::theme::Role;

/// Below this size the app shows a notice instead of its panes.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 10;

/// Columns of space kept on each side of the reader's text.
pub const READER_PADDING: u16 = 1;

/// What the screen shows: the list with the reader, the list with the
/// diff, the diff alone at full width, or the list with the facts, the
/// collation or the similarity matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Reader,
    Compare,
    FullDiff,
    Facts,
    Collate,
    Matrix,
}

impl Mode {
    const ALL: [Mode; 6] = [
        Mode::Reader,
        Mode::Compare,
        Mode::FullDiff,
        Mode::Facts,
        Mode::Collate,
        Mode::Matrix,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Mode::Reader => "reader",
            Mode::Compare => "compare",
            Mode::FullDiff => "full-diff",
            Mode::Facts => "facts",
            Mode::Collate => "collate",
            Mode::Matrix => "matrix",
        }
    }

    pub fn from_name(name: &str) -> Option<Mode> {
        Mode::ALL.into_iter().find(|m| m.name() == name)
    }

    /// Whether the main pane may take the full width, hiding the list
    /// (the diff does so as its own mode, [`Mode::FullDiff`]).
    pub fn can_be_wide(self) -> bool {
        matches!(self, Mode::Facts | Mode::Collate | Mode::Matrix)
    }

    /// Whether the main pane shows the diff.
    pub fn shows_diff(self) -> bool {
        matches!(self, Mode::Compare | Mode::FullDiff)
    }
}

/// The rectangles of the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Panes {
    /// The source list, unless the diff takes the full width.
    pub sources: Option<Rect>,
    /// The reader or the diff.
    pub main: Rect,
    pub status: Rect,
}

impl Panes {
    /// The area of the reader where text goes: inside the border, padded.
    pub fn reader_text(&self) -> Rect {
        self.main.inner(Margin::new(1 + READER_PADDING, 1))
    }

    /// The inside of the main pane's border.
    pub fn main_inner(&self) -> Rect {
        self.main.inner(Margin::new(1, 1))
    }

    pub fn sources_inner(&self) -> Option<Rect> {
        self.sources.map(|s| s.inner(Margin::new(1, 1)))
    }
}

/// Splits the screen, or `None` when it is too small to use. `wide` gives
/// the facts, the collation or the matrix the full width, as
/// [`Mode::FullDiff`] does the diff.
pub fn panes(area: Rect, mode: Mode, wide: bool) -> Option<Panes> {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return None;
    }
    let [main, status] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(area);
    if mode == Mode::FullDiff || (wide && mode.can_be_wide()) {
        return Some(Panes {
            sources: None,
            main,
            status,
        });
    }
    let list_width = (area.width / 3).clamp(24, 44);
    let [sources, main] =
        Layout::horizontal([Constraint::Length(list_width), Constraint::Min(1)]).areas(main);
    Some(Panes {
        sources: Some(sources),
        main,
        status,
    })
}

/// What a row of the reader shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// A wrapped piece of header line `index`.
    Header,
    /// The rule under the header.
    Rule,
    Blank,
    /// A wrapped piece of paragraph `index`; `first` marks its first row.
    Paragraph {
        first: bool,
    },
}

/// One screen row of an article: which text and which bytes of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    pub kind: RowKind,
    pub index: u32,
    pub start: u32,
    pub end: u32,
}

impl Row {
    pub fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// Every row of one article at one width.
#[derive(Debug)]
pub struct ReaderLayout {
    pub article: usize,
    pub width: u16,
    pub header: Vec<(Role, String)>,
    pub rows: Vec<Row>,
    /// The first row of each paragraph.
    pub paragraph_rows: Vec<u32>,
    /// For each paragraph that is a table row shown whole, its table's
    /// column widths.
    pub tables: Vec<Option<std::rc::Rc<Vec<usize>>>>,
}

pub use crate::export::text::{padded_row, paragraph_prefix, stands_with, table_columns};

impl ReaderLayout {
    pub fn build(article_index: usize, article: &Article, width: u16) -> ReaderLayout {
        let columns = usize::from(width.max(1));
        let header: Vec<(Role, String)> = header_lines(article)
            .into_iter()
            .enumerate()
            .map(|(i, (_, text))| (header_role(i, &text, article), text))
            .collect();
        let mut rows = Vec::with_capacity(article.paragraphs.len() * 3 + header.len() + 2);
        for (index, (_, text)) in header.iter().enumerate() {
            for range in wrap::wrap(text, columns) {
                rows.push(row(RowKind::Header, index, range));
            }
        }
        rows.push(row(RowKind::Rule, 0, 0..0));
        let mut paragraph_rows = Vec::with_capacity(article.paragraphs.len());
        let mut previous = None;
        let mut tables = table_columns(&article.paragraphs);
        for (index, paragraph) in article.paragraphs.iter().enumerate() {
            if !stands_with(previous, paragraph.kind) {
                rows.push(row(RowKind::Blank, 0, 0..0));
            }
            previous = Some(paragraph.kind);
            paragraph_rows.push(rows.len() as u32);
            let indent = wrap::width(&paragraph_prefix(paragraph.kind, false));
            if let Some(widths) = &tables[index] {
                if padded_row(&paragraph.text, widths, columns.saturating_sub(indent)).is_some() {
                    let whole = 0..paragraph.text.len();
                    rows.push(row(RowKind::Paragraph { first: true }, index, whole));
                    continue;
                }
                // Too wide to stand as a table: wrapped like prose.
                tables[index] = None;
            }
            let lines = wrap::wrap(&paragraph.text, columns.saturating_sub(indent).max(1));
            for (n, range) in lines.into_iter().enumerate() {
                rows.push(row(RowKind::Paragraph { first: n == 0 }, index, range));
            }
        }
        ReaderLayout {
            article: article_index,
            width,
            header,
            rows,
            paragraph_rows,
            tables,
        }
    }

    /// The row that shows byte `offset` of `paragraph`.
    /// The row that shows byte `offset` of header line `line`.
    pub fn header_row_of(&self, line: usize, offset: usize) -> usize {
        self.rows
            .iter()
            .position(|row| {
                row.kind == RowKind::Header
                    && row.index as usize == line
                    && offset <= row.end as usize
            })
            .unwrap_or(0)
    }

    pub fn row_of(&self, paragraph: usize, offset: usize) -> usize {
        let Some(&first) = self.paragraph_rows.get(paragraph) else {
            return 0;
        };
        let first = first as usize;
        let end = self
            .paragraph_rows
            .get(paragraph + 1)
            .map_or(self.rows.len(), |&r| r as usize);
        let within = self.rows[first..end].partition_point(|row| (row.end as usize) < offset);
        (first + within).min(end.saturating_sub(1)).max(first)
    }

    /// The paragraph and byte offset shown at `row` (for the header, the top).
    pub fn anchor_of(&self, row: usize) -> (usize, usize) {
        let Some(found) = self.rows.get(row) else {
            return (self.paragraph_rows.len().saturating_sub(1), 0);
        };
        match found.kind {
            RowKind::Paragraph { .. } => (found.index as usize, found.start as usize),
            RowKind::Blank => {
                // The blank row before a paragraph stands for it.
                let next = self
                    .paragraph_rows
                    .partition_point(|&r| (r as usize) <= row);
                (next.min(self.paragraph_rows.len().saturating_sub(1)), 0)
            }
            _ => (0, 0),
        }
    }

    /// The largest useful scroll offset for a pane `height` rows high.
    pub fn max_top(&self, height: usize) -> usize {
        self.rows.len().saturating_sub(height.max(1))
    }
}

fn row(kind: RowKind, index: usize, range: Range<usize>) -> Row {
    Row {
        kind,
        index: index as u32,
        start: range.start as u32,
        end: range.end as u32,
    }
}

/// Header lines come as title, dateline, url, credits, ids, notices.
fn header_role(index: usize, text: &str, article: &Article) -> Role {
    if index == 0 {
        Role::HeaderTitle
    } else if article.meta.url.as_deref() == Some(text) {
        Role::HeaderUrl
    } else if text.starts_with("! ") {
        Role::HeaderNotice
    } else {
        Role::HeaderMeta
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::seeds;

    #[test]
    fn rows_map_to_paragraphs_and_back() {
        let articles = seeds();
        let article = &articles[2];
        let layout = ReaderLayout::build(2, article, 30);
        for (paragraph, &first) in layout.paragraph_rows.iter().enumerate() {
            assert_eq!(layout.row_of(paragraph, 0), first as usize);
            assert_eq!(layout.anchor_of(first as usize), (paragraph, 0));
        }
        let last = article.paragraphs.len() - 1;
        let text_len = article.paragraphs[last].text.len();
        let row = layout.row_of(last, text_len - 1);
        assert_eq!(layout.rows[row].index as usize, last);
        assert!(layout.rows[row].end as usize >= text_len - 1);
    }

    #[test]
    fn too_small_screens_have_no_panes() {
        assert!(panes(Rect::new(0, 0, 39, 24), Mode::Reader, false).is_none());
        assert!(panes(Rect::new(0, 0, 80, 9), Mode::Reader, false).is_none());
        let p = panes(Rect::new(0, 0, 80, 24), Mode::Reader, false).unwrap();
        assert_eq!(p.sources.unwrap().width + p.main.width, 80);
        assert_eq!(p.status.y, 23);
        let full = panes(Rect::new(0, 0, 80, 24), Mode::FullDiff, false).unwrap();
        assert_eq!((full.sources, full.main.width), (None, 80));
    }
}
