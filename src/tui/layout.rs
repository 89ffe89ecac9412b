//! Where the panes go, and the reader's rows: an article at one width,
//! built once per (article, width) and wrapped lazily, paragraph by
//! paragraph, as frames, scrolls and jumps reach them.

use std::cell::RefCell;
use std::ops::Range;
use std::sync::Arc;

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

/// The rows of one article at one width, wrapped lazily: the header at
/// once, each paragraph when a frame, a scroll or a jump first needs it.
/// Until then a paragraph counts its estimated height (its characters over
/// the columns), refined when it is wrapped, so that a 50 MB article opens
/// without wrapping 800,000 rows first (620 ms at 80 columns).
///
/// Rows are numbered from the top, the header's first; a refinement only
/// moves the rows after the paragraph refined. The methods that refine
/// (`rows`, `row_of`, `anchor_of`, `scroll`, `bottom`) keep the row they
/// are asked about, or return where it went.
#[derive(Debug)]
pub struct ReaderLayout {
    pub article: usize,
    pub width: u16,
    pub header: Vec<(Role, String)>,
    /// For each paragraph that is a table row shown whole, its table's
    /// column widths.
    pub tables: Vec<Option<std::rc::Rc<Vec<usize>>>>,
    articles: Arc<Vec<Article>>,
    /// The header's rows and the rule under it.
    head: Vec<Row>,
    /// Whether a blank row stands before each paragraph.
    blank_before: Vec<bool>,
    lazy: RefCell<Lazy>,
}

/// The paragraphs' rows as far as they are wrapped.
#[derive(Debug)]
struct Lazy {
    /// Each paragraph's text rows, once wrapped.
    wrapped: Vec<Option<Box<[Row]>>>,
    /// Each paragraph's rows, the blank row before it included: exact once
    /// wrapped, estimated before.
    heights: Vec<u32>,
    /// The first row of each paragraph (its blank row, if any), counted
    /// from the end of the head; then the total.
    starts: Vec<usize>,
}

pub use crate::export::text::{padded_row, paragraph_prefix, stands_with, table_columns};

impl ReaderLayout {
    /// The layout of `articles[index]` at `width` columns: the header
    /// wrapped, the paragraphs estimated (O(characters), no wrapping).
    pub fn build(articles: Arc<Vec<Article>>, index: usize, width: u16) -> ReaderLayout {
        let article = &articles[index];
        let columns = usize::from(width.max(1));
        let header: Vec<(Role, String)> = header_lines(article)
            .into_iter()
            .enumerate()
            .map(|(i, (_, text))| (header_role(i, &text, article), text))
            .collect();
        let mut head = Vec::with_capacity(header.len() + 1);
        for (index, (_, text)) in header.iter().enumerate() {
            for range in wrap::wrap(text, columns) {
                head.push(row(RowKind::Header, index, range));
            }
        }
        head.push(row(RowKind::Rule, 0, 0..0));
        let count = article.paragraphs.len();
        let mut tables = table_columns(&article.paragraphs);
        let mut blank_before = Vec::with_capacity(count);
        let mut heights = Vec::with_capacity(count);
        let mut previous = None;
        for (index, paragraph) in article.paragraphs.iter().enumerate() {
            let blank = !stands_with(previous, paragraph.kind);
            previous = Some(paragraph.kind);
            blank_before.push(blank);
            let text_columns = text_columns(paragraph.kind, columns);
            if let Some(widths) = &tables[index]
                && padded_row(&paragraph.text, widths, text_columns).is_none()
            {
                // Too wide to stand as a table: wrapped like prose.
                tables[index] = None;
            }
            let rows = if tables[index].is_some() {
                1
            } else {
                estimated_rows(&paragraph.text, text_columns)
            };
            heights.push(u32::from(blank) + rows);
        }
        let mut lazy = Lazy {
            wrapped: vec![None; count],
            heights,
            starts: vec![0; count + 1],
        };
        lazy.recount(0);
        ReaderLayout {
            article: index,
            width,
            header,
            tables,
            articles,
            head,
            blank_before,
            lazy: RefCell::new(lazy),
        }
    }

    /// Rows of the header and the rule under it.
    pub fn head_len(&self) -> usize {
        self.head.len()
    }

    /// Rows in all, the estimated ones included.
    pub fn len(&self) -> usize {
        self.head.len() + self.lazy.borrow().starts.last().copied().unwrap_or(0)
    }

    /// Whether there are no rows (never: the rule is always there).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether paragraph `paragraph` has been wrapped (for tests and
    /// benchmarks of the laziness).
    pub fn is_wrapped(&self, paragraph: usize) -> bool {
        self.lazy
            .borrow()
            .wrapped
            .get(paragraph)
            .is_some_and(Option::is_some)
    }

    /// Up to `count` rows from row `top`, their paragraphs wrapped first.
    pub fn rows(&self, top: usize, count: usize) -> Vec<Row> {
        let mut out = Vec::with_capacity(count);
        let mut at = top;
        while out.len() < count {
            let Some(found) = self.row(at) else { break };
            out.push(found);
            at += 1;
        }
        out
    }

    /// Row `at`, its paragraph wrapped first. Wrapping may shorten a
    /// paragraph whose estimate was too high; `at` then falls in a later
    /// one, wrapped in turn.
    pub fn row(&self, at: usize) -> Option<Row> {
        if let Some(found) = self.head.get(at) {
            return Some(*found);
        }
        loop {
            let (paragraph, within) = self.locate(at)?;
            if !self.is_wrapped(paragraph) {
                self.wrap_paragraph(paragraph);
                continue;
            }
            let blank = self.blank_before[paragraph];
            if within == 0 && blank {
                return Some(row(RowKind::Blank, 0, 0..0));
            }
            let lazy = self.lazy.borrow();
            return lazy.wrapped[paragraph]
                .as_deref()?
                .get(within - usize::from(blank))
                .copied();
        }
    }

    /// The row that shows byte `offset` of header line `line`.
    pub fn header_row_of(&self, line: usize, offset: usize) -> usize {
        self.head
            .iter()
            .position(|row| {
                row.kind == RowKind::Header
                    && row.index as usize == line
                    && offset <= row.end as usize
            })
            .unwrap_or(0)
    }

    /// The first text row of `paragraph` (after its blank row), wrapping
    /// it first.
    pub fn paragraph_row(&self, paragraph: usize) -> usize {
        self.row_of(paragraph, 0)
    }

    /// The row that shows byte `offset` of `paragraph`, wrapping it first
    /// (rows after it may move).
    pub fn row_of(&self, paragraph: usize, offset: usize) -> usize {
        if paragraph >= self.blank_before.len() {
            return 0;
        }
        self.wrap_paragraph(paragraph);
        let lazy = self.lazy.borrow();
        let first =
            self.head.len() + lazy.starts[paragraph] + usize::from(self.blank_before[paragraph]);
        let rows = lazy.wrapped[paragraph].as_deref().unwrap_or_default();
        let within = rows.partition_point(|row| (row.end as usize) < offset);
        first + within.min(rows.len().saturating_sub(1))
    }

    /// The paragraph and byte offset shown at `row` (for the header, the
    /// top), its paragraph wrapped first.
    pub fn anchor_of(&self, at: usize) -> (usize, usize) {
        if at < self.head.len() {
            return (0, 0);
        }
        let Some((paragraph, _)) = self.locate(at) else {
            return (self.blank_before.len().saturating_sub(1), 0);
        };
        match self.row(at) {
            Some(found) if matches!(found.kind, RowKind::Paragraph { .. }) => {
                (found.index as usize, found.start as usize)
            }
            // The blank row before a paragraph stands for it.
            _ => (paragraph, 0),
        }
    }

    /// The largest useful scroll offset for a pane `height` rows high (by
    /// the estimates where the end is not wrapped yet: see [`Self::bottom`]).
    pub fn max_top(&self, height: usize) -> usize {
        self.len().saturating_sub(height.max(1))
    }

    /// The top row after scrolling `delta` rows from `top` in a pane
    /// `height` rows high. The rows passed over are wrapped first, so that
    /// the text moves by exactly `delta` rows; going up, `top` itself may
    /// move when the paragraphs above it are wrapped, and the result counts
    /// from where it went.
    pub fn scroll(&self, top: usize, delta: isize, height: usize) -> usize {
        let top = top.min(self.len().saturating_sub(1));
        if delta >= 0 {
            let delta = delta.unsigned_abs();
            // Wrap what the next frame shows before clamping to the end
            // (each row asked for is wrapped; none is kept).
            let start = top.saturating_add(delta);
            (start..)
                .map_while(|at| self.row(at))
                .take(height)
                .for_each(drop);
            return top.saturating_add(delta).min(self.max_top(height));
        }
        let up = delta.unsigned_abs();
        let Some((paragraph, within)) = self.locate(top) else {
            return top.saturating_sub(up);
        };
        // Wrap the paragraphs above until they cover the rows passed over.
        let mut covered = within;
        let mut above = paragraph;
        while covered < up && above > 0 {
            above -= 1;
            self.wrap_paragraph(above);
            covered += self.lazy.borrow().heights[above] as usize;
        }
        let top = self.head.len() + self.lazy.borrow().starts[paragraph] + within;
        top.saturating_sub(up)
    }

    /// The top row that shows row `at` a third of the way down a pane
    /// `height` rows high (for a jump to a match or a mention), the rows
    /// above it wrapped first so that it lands exactly there.
    pub fn top_showing(&self, at: usize, height: usize) -> usize {
        let above = (height / 3) as isize;
        self.scroll(at, -above, height).min(self.max_top(height))
    }

    /// The top row that shows the end of the article in a pane `height`
    /// rows high, the last paragraphs wrapped first.
    pub fn bottom(&self, height: usize) -> usize {
        let mut covered = 0;
        let mut paragraph = self.blank_before.len();
        while covered < height && paragraph > 0 {
            paragraph -= 1;
            self.wrap_paragraph(paragraph);
            covered += self.lazy.borrow().heights[paragraph] as usize;
        }
        self.max_top(height)
    }

    /// The paragraph holding row `at` and the row within it (its blank
    /// row is 0); none for the head and past the end.
    fn locate(&self, at: usize) -> Option<(usize, usize)> {
        let at = at.checked_sub(self.head.len())?;
        let lazy = self.lazy.borrow();
        if at >= *lazy.starts.last()? {
            return None;
        }
        let paragraph = lazy.starts.partition_point(|&start| start <= at) - 1;
        Some((paragraph, at - lazy.starts[paragraph]))
    }

    /// Wraps a paragraph not wrapped yet and counts its height exactly.
    fn wrap_paragraph(&self, index: usize) {
        if self.is_wrapped(index) {
            return;
        }
        let paragraph = &self.articles[self.article].paragraphs[index];
        let columns = text_columns(paragraph.kind, usize::from(self.width.max(1)));
        let rows: Box<[Row]> = if self.tables[index].is_some() {
            let whole = 0..paragraph.text.len();
            Box::new([row(RowKind::Paragraph { first: true }, index, whole)])
        } else {
            wrap::wrap(&paragraph.text, columns)
                .into_iter()
                .enumerate()
                .map(|(n, range)| row(RowKind::Paragraph { first: n == 0 }, index, range))
                .collect()
        };
        let height = u32::from(self.blank_before[index]) + rows.len() as u32;
        let mut lazy = self.lazy.borrow_mut();
        lazy.wrapped[index] = Some(rows);
        if lazy.heights[index] != height {
            lazy.heights[index] = height;
            lazy.recount(index);
        }
    }
}

impl Lazy {
    /// Counts the starts again from paragraph `from` on.
    fn recount(&mut self, from: usize) {
        let mut start = self.starts[from];
        for (index, height) in self.heights.iter().enumerate().skip(from) {
            self.starts[index] = start;
            start += *height as usize;
        }
        if let Some(total) = self.starts.last_mut() {
            *total = start;
        }
    }
}

/// Columns for the text of a paragraph of `kind` in `columns`, its prefix
/// (quote bar, list mark) taken off.
fn text_columns(kind: crate::corpus::ParagraphKind, columns: usize) -> usize {
    columns
        .saturating_sub(wrap::width(&paragraph_prefix(kind, false)))
        .max(1)
}

/// A paragraph's rows before it is wrapped: its characters over the
/// columns, plus a tenth for the space left at the ends of rows (words
/// average 6 columns with their space, so a row loses about half a word).
fn estimated_rows(text: &str, columns: usize) -> u32 {
    let characters = text.chars().count();
    let rows = (characters + characters / 10).div_ceil(columns.max(1));
    rows.max(1) as u32
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

    fn seeds_layout(index: usize, width: u16) -> ReaderLayout {
        ReaderLayout::build(Arc::new(seeds()), index, width)
    }

    #[test]
    fn rows_map_to_paragraphs_and_back() {
        let layout = seeds_layout(2, 30);
        let paragraphs = layout.blank_before.len();
        for paragraph in 0..paragraphs {
            let first = layout.paragraph_row(paragraph);
            assert_eq!(layout.row_of(paragraph, 0), first);
            assert_eq!(layout.anchor_of(first), (paragraph, 0));
        }
        let article = &layout.articles[2];
        let last = paragraphs - 1;
        let text_len = article.paragraphs[last].text.len();
        let at = layout.row_of(last, text_len - 1);
        let found = layout.row(at).unwrap();
        assert_eq!(found.index as usize, last);
        assert!(found.end as usize >= text_len - 1);
    }

    /// Nothing is wrapped until asked for; a frame wraps what it shows.
    #[test]
    fn paragraphs_are_wrapped_when_first_shown() {
        let layout = seeds_layout(0, 40);
        let paragraphs = layout.blank_before.len();
        assert!(paragraphs > 10);
        assert!((0..paragraphs).all(|p| !layout.is_wrapped(p)));
        let shown = layout.rows(0, 12);
        assert_eq!(shown.len(), 12);
        let last_shown = shown.iter().map(|r| r.index as usize).max().unwrap();
        assert!(layout.is_wrapped(0));
        assert!((last_shown + 2..paragraphs).all(|p| !layout.is_wrapped(p)));
    }

    /// Row by row from the top, every paragraph's text is covered once, in
    /// order, each row following the last; the total settles to the exact
    /// count once all is wrapped.
    #[test]
    fn lazy_rows_cover_every_paragraph_in_order() {
        for width in [12, 30, 77] {
            let layout = seeds_layout(3, width);
            let article = &layout.articles[3];
            let mut at = 0;
            let mut expected = (0usize, 0usize);
            while let Some(found) = layout.row(at) {
                if let RowKind::Paragraph { first } = found.kind {
                    let index = found.index as usize;
                    if first {
                        assert_eq!((index, found.start), (expected.0, 0), "width {width}");
                    } else {
                        assert_eq!(index, expected.0, "width {width}");
                        assert!(found.start as usize >= expected.1, "width {width}");
                    }
                    expected = (index, found.end as usize);
                    if found.end as usize >= article.paragraphs[index].text.trim_end().len() {
                        expected = (index + 1, 0);
                    }
                }
                at += 1;
            }
            assert_eq!(expected.0, article.paragraphs.len(), "width {width}");
            assert_eq!(at, layout.len(), "width {width}");
        }
    }

    /// Scrolling up into paragraphs not wrapped yet moves the text by
    /// exactly one row a step: the old top row is the new second row.
    #[test]
    fn scrolling_up_through_estimates_moves_one_row_at_a_time() {
        let layout = seeds_layout(2, 25);
        let paragraphs = layout.blank_before.len();
        let mut top = layout.row_of(paragraphs - 1, 0);
        assert!(!layout.is_wrapped(paragraphs / 2));
        while top > 0 {
            let before = layout.row(top).unwrap();
            top = layout.scroll(top, -1, 10);
            assert_eq!(layout.row(top + 1), Some(before), "at {top}");
        }
        assert!((0..paragraphs).all(|p| layout.is_wrapped(p)));
    }

    /// The bottom is found exactly even when the end was estimated.
    #[test]
    fn bottom_shows_the_last_row_exactly() {
        let layout = seeds_layout(1, 33);
        let top = layout.bottom(8);
        let shown = layout.rows(top, 8);
        assert_eq!(shown.len(), 8);
        assert!(layout.row(top + 8).is_none());
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
