//! The diff pane's rows: one per link (and a second, "ghost" row where a
//! moved sentence stands in the right version), each side wrapped in its
//! column and padded so that the rows stay level. Built once per width and
//! set of toggles; a frame only reads the rows it shows.

use std::ops::Range;

use crate::compare::diff::{SideText, sides};
use crate::compare::{Comparison, Row};
use crate::wrap;

/// Columns of each side's gutter: the sentence number and the link's mark.
pub const GUTTER: u16 = 6;
/// Columns between the two sides: a space, the rule, a space.
pub const SEPARATOR: u16 = 3;

/// One side of a row, wrapped.
#[derive(Debug, Clone, Default)]
pub struct SideLines {
    pub text: String,
    /// The changed stretches (deleted words on the left, inserted on the
    /// right), marked in the text when there is no colour.
    pub changed: Vec<Range<usize>>,
    /// Anchors both sides of a cross-language link give (underlined).
    pub agreed: Vec<Range<usize>>,
    pub lines: Vec<Range<usize>>,
}

#[derive(Debug, Clone)]
pub struct DiffRow {
    pub link: usize,
    /// The second row of a moved link, where its right side stands in the
    /// right version's order.
    pub ghost: bool,
    pub left: SideLines,
    pub right: SideLines,
    pub height: usize,
}

#[derive(Debug)]
pub struct DiffLayout {
    /// What the layout was built for.
    pub key: LayoutKey,
    pub rows: Vec<DiffRow>,
    /// The first screen row of each row; one more entry for the end.
    pub starts: Vec<usize>,
    pub text_columns: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LayoutKey {
    pub width: u16,
    pub hide_equal: bool,
    pub markers: bool,
    /// Changes with each new comparison (a recomputation or a swap).
    pub generation: u64,
}

impl DiffLayout {
    pub fn build(comparison: &Comparison, key: LayoutKey) -> DiffLayout {
        // One column is kept free before the pane's right border.
        let text_columns =
            usize::from(key.width.saturating_sub(SEPARATOR + 2 * GUTTER + 1) / 2).max(4);
        let mut rows = Vec::with_capacity(comparison.alignment.links.len());
        for shown in comparison.rows() {
            let index = match shown {
                Row::MovedHere(moved) => {
                    rows.push(ghost_row(comparison, moved, text_columns));
                    continue;
                }
                Row::Link(index) => index,
            };
            if key.hide_equal && !comparison.is_change(index) {
                continue;
            }
            let link = &comparison.alignment.links[index];
            let (left, right) = sides(&comparison.ops[index]);
            let left = side_lines(
                left,
                !link.left.is_empty(),
                text_columns,
                key.markers.then_some(("[-", "-]")),
            );
            let right = side_lines(
                right,
                !link.right.is_empty(),
                text_columns,
                key.markers.then_some(("{+", "+}")),
            );
            let height = left.lines.len().max(right.lines.len()).max(1);
            rows.push(DiffRow {
                link: index,
                ghost: false,
                left,
                right,
                height,
            });
        }
        let mut starts = Vec::with_capacity(rows.len() + 1);
        let mut total = 0;
        for row in &rows {
            starts.push(total);
            total += row.height;
        }
        starts.push(total);
        DiffLayout {
            key,
            rows,
            starts,
            text_columns,
        }
    }

    pub fn total_rows(&self) -> usize {
        *self.starts.last().unwrap_or(&0)
    }

    /// The row shown at screen row `line`, and the line within it.
    pub fn at(&self, line: usize) -> Option<(usize, usize)> {
        if line >= self.total_rows() {
            return None;
        }
        let row = self.starts.partition_point(|&s| s <= line) - 1;
        Some((row, line - self.starts[row]))
    }

    /// The screen row where link `link` starts (its main row, or its ghost).
    pub fn row_of_link(&self, link: usize, ghost: bool) -> Option<usize> {
        self.rows
            .iter()
            .position(|r| r.link == link && r.ghost == ghost)
            .map(|k| self.starts[k])
    }
}

fn ghost_row(comparison: &Comparison, moved: usize, text_columns: usize) -> DiffRow {
    let link = &comparison.alignment.links[moved];
    let (_, right) = sides(&comparison.ops[moved]);
    let note = format!("moved from L{}", link.left[0]);
    let left = side_lines(
        SideText {
            text: note,
            changed: Vec::new(),
            agreed: Vec::new(),
        },
        true,
        text_columns,
        None,
    );
    let right = side_lines(
        SideText {
            text: right.text,
            changed: Vec::new(),
            agreed: Vec::new(),
        },
        true,
        text_columns,
        None,
    );
    DiffRow {
        link: moved,
        ghost: true,
        height: left.lines.len().max(right.lines.len()).max(1),
        left,
        right,
    }
}

/// Wraps one side; with `markers`, changed stretches are bracketed too.
fn side_lines(
    side: SideText,
    present: bool,
    columns: usize,
    markers: Option<(&str, &str)>,
) -> SideLines {
    if !present {
        return SideLines::default();
    }
    let side = match markers {
        None => side,
        Some((open, close)) => side.with_markers(open, close),
    };
    let lines = wrap::wrap(&side.text, columns);
    SideLines {
        text: side.text,
        changed: side.changed,
        agreed: side.agreed,
        lines,
    }
}
