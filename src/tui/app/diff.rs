//! The diff pane's state: the marked pair, the comparison asked for and
//! received, the toggles, scrolling, and moving between changes.

use std::cell::RefCell;
use std::rc::Rc;

use crate::compare::{CompareOptions, Comparison, DiffOptions, LinkKind};
use crate::tui::diff_layout::{DiffLayout, LayoutKey};
use crate::tui::keymap::Command;
use crate::tui::layout::Mode;
use crate::tui::worker::Request;

use super::{App, Focus, set_mode};

/// Rows of the diff pane above the links: the two articles and the counts.
pub const HEADER_ROWS: u16 = 3;

/// The articles marked as the left and right of a comparison.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Marks {
    pub left: Option<usize>,
    pub right: Option<usize>,
}

#[derive(Debug)]
pub struct DiffView {
    /// The pair as asked for, before any swap.
    pub left: usize,
    pub right: usize,
    /// The comparison as shown (mirrored when the sides are swapped).
    pub comparison: Option<Comparison>,
    /// The job being computed, if any.
    pub computing: Option<u64>,
    pub swapped: bool,
    pub hide_equal: bool,
    pub ignore_case: bool,
    /// The first screen row shown.
    pub top: usize,
    /// The link the change keys last went to.
    pub current: Option<usize>,
    /// Whether the view stands at the current moved link's second row.
    pub on_ghost: bool,
    /// A left sentence to go to once the comparison arrives.
    pub pending_sentence: Option<usize>,
    /// Counts comparisons received and swaps, for the layout cache.
    generation: u64,
    layout: RefCell<Option<Rc<DiffLayout>>>,
}

impl DiffView {
    /// The articles shown on the left and on the right.
    pub fn shown_pair(&self) -> (usize, usize) {
        if self.swapped {
            (self.right, self.left)
        } else {
            (self.left, self.right)
        }
    }

    /// The rows at `width` columns, built on first use for each width and
    /// set of toggles.
    pub fn layout(&self, width: u16, markers: bool) -> Option<Rc<DiffLayout>> {
        let comparison = self.comparison.as_ref()?;
        let key = LayoutKey {
            width,
            hide_equal: self.hide_equal,
            markers,
            generation: self.generation,
        };
        let mut cache = self.layout.borrow_mut();
        if let Some(layout) = cache.as_ref().filter(|l| l.key == key) {
            return Some(layout.clone());
        }
        let layout = Rc::new(DiffLayout::build(comparison, key));
        *cache = Some(layout.clone());
        Some(layout)
    }
}

impl App {
    /// The diff's rows at the current size, if there is a comparison shown.
    pub fn diff_layout(&self) -> Option<Rc<DiffLayout>> {
        let width = self.panes()?.main_inner().width;
        self.diff.as_ref()?.layout(width, !self.theme.color)
    }

    /// Rows the diff pane shows links in.
    pub fn diff_height(&self) -> usize {
        self.panes().map_or(1, |p| {
            usize::from(p.main_inner().height.saturating_sub(HEADER_ROWS)).max(1)
        })
    }
}

/// Marks or unmarks an article: the first mark is the left, the second the
/// right; a third replaces the right.
pub(super) fn toggle_mark(app: &mut App, index: usize) {
    let marks = &mut app.marks;
    if marks.left == Some(index) {
        marks.left = None;
    } else if marks.right == Some(index) {
        marks.right = None;
    } else if marks.left.is_none() {
        marks.left = Some(index);
    } else if marks.right.is_none() {
        marks.right = Some(index);
    } else {
        // A third mark: the older one goes, the right one becomes the left.
        let (old_left, old_right) = (marks.left, marks.right);
        marks.left = old_right;
        marks.right = Some(index);
        let name = |i: Option<usize>| i.map_or(String::new(), |i| app.reference(i).to_owned());
        app.notices.push(format!(
            "marked R {}; {} moves to L, {} is no longer marked",
            app.reference(index),
            name(old_right),
            name(old_left)
        ));
    }
}

/// Compares the marked pair, or a mark (or the article in the reader)
/// against the selected article, and shows the diff.
pub(super) fn start_from_marks(app: &mut App) {
    let selected = app.selected;
    let pair = match (app.marks.left, app.marks.right) {
        (Some(left), Some(right)) => Some((left, right)),
        (Some(one), None) | (None, Some(one)) if one != selected => Some((one, selected)),
        _ if app.open != selected => Some((app.open, selected)),
        _ => None,
    };
    let Some((left, right)) = pair else {
        app.notices.push(
            "nothing to compare: mark two versions with space, or select one other than the one in the reader"
                .to_owned(),
        );
        return;
    };
    start(app, left, right);
    if app.mode == Mode::Reader {
        set_mode(app, Mode::Compare);
    }
    app.focus = Focus::Diff;
}

/// Asks for the comparison of two articles.
pub(super) fn start(app: &mut App, left: usize, right: usize) {
    let job = app.job();
    app.diff = Some(DiffView {
        left,
        right,
        comparison: None,
        computing: Some(job),
        swapped: false,
        hide_equal: false,
        ignore_case: false,
        top: 0,
        current: None,
        on_ghost: false,
        pending_sentence: None,
        generation: 0,
        layout: RefCell::new(None),
    });
    request(app, job, left, right, false);
}

/// Asks for the comparison of two articles, to be shown at the link of
/// the left's sentence `sentence`.
pub(super) fn start_at(app: &mut App, left: usize, right: usize, sentence: usize) {
    start(app, left, right);
    if let Some(diff) = app.diff.as_mut() {
        diff.pending_sentence = Some(sentence);
    }
    app.marks = Marks {
        left: Some(left),
        right: Some(right),
    };
}

fn request(app: &mut App, job: u64, left: usize, right: usize, ignore_case: bool) {
    let options = CompareOptions {
        diff: DiffOptions {
            ignore_case_and_punctuation: ignore_case,
        },
    };
    let articles = app.articles.clone();
    app.requests.push(Request::Compare {
        job,
        articles,
        left,
        right,
        options,
    });
}

/// Takes a finished comparison, if it is the one still wanted.
pub(super) fn receive(app: &mut App, job: u64, comparison: Comparison) {
    // Where the view stands now, to stand there again in the new rows.
    let keep = current_anchor(app);
    let Some(diff) = app.diff.as_mut().filter(|d| d.computing == Some(job)) else {
        return;
    };
    diff.computing = None;
    diff.comparison = Some(if diff.swapped {
        comparison.mirrored()
    } else {
        comparison
    });
    diff.generation += 1;
    let coarse: Vec<String> = diff
        .comparison
        .iter()
        .flat_map(|c| &c.coarse)
        .map(|c| format!("coarse result ({}): {}", c.stage, c.reason))
        .collect();
    restore_anchor(app, keep);
    app.notices.extend(coarse);
    go_to_pending_sentence(app);
}

/// Makes the link of the sentence asked for current, and shows it.
fn go_to_pending_sentence(app: &mut App) {
    let Some(diff) = app.diff.as_mut() else {
        return;
    };
    let Some(sentence) = diff.pending_sentence.take() else {
        return;
    };
    let Some(comparison) = diff.comparison.as_ref() else {
        return;
    };
    let Some(link) = comparison
        .alignment
        .links
        .iter()
        .position(|l| l.left.contains(&sentence))
    else {
        return;
    };
    diff.current = Some(link);
    diff.on_ghost = false;
    if let Some(start) = app.diff_layout().and_then(|l| l.row_of_link(link, false)) {
        show_row(app, start);
    }
}

pub(super) fn command(app: &mut App, command: Command) {
    let height = app.diff_height() as isize;
    match command {
        Command::Down => scroll(app, 1),
        Command::Up => scroll(app, -1),
        Command::PageDown => scroll(app, height),
        Command::PageUp => scroll(app, -height),
        Command::HalfDown => scroll(app, (height / 2).max(1)),
        Command::HalfUp => scroll(app, -(height / 2).max(1)),
        Command::Top => scroll(app, isize::MIN / 2),
        Command::Bottom => scroll(app, isize::MAX / 2),
        Command::NextChange => step_change(app, true),
        Command::Search => super::search::start(app),
        Command::PrevChange => step_change(app, false),
        Command::JumpMoved => jump_moved(app),
        Command::ToggleEqual => toggle(app, |d| d.hide_equal = !d.hide_equal),
        Command::Swap => {
            // The list's L and R follow the sides when they are the pair.
            if let Some(diff) = &app.diff {
                let marks = &mut app.marks;
                let pair = [Some(diff.left), Some(diff.right)];
                if [marks.left, marks.right] == pair || [marks.right, marks.left] == pair {
                    std::mem::swap(&mut marks.left, &mut marks.right);
                }
            }
            toggle(app, |d| {
                d.swapped = !d.swapped;
                d.comparison = d.comparison.take().map(Comparison::mirrored);
                d.generation += 1;
            })
        }
        Command::ToggleIgnoreCase => {
            let job = app.job();
            let Some(diff) = app.diff.as_mut() else {
                return;
            };
            diff.ignore_case = !diff.ignore_case;
            diff.computing = Some(job);
            let (left, right, ignore) = (diff.left, diff.right, diff.ignore_case);
            request(app, job, left, right, ignore);
        }
        Command::Back => super::back_to_list(app),
        Command::Diff => start_from_marks(app),
        _ => {}
    }
}

/// Applies a toggle, keeping the current link (or the one at the top) in view.
fn toggle(app: &mut App, change: impl FnOnce(&mut DiffView)) {
    let keep = current_anchor(app);
    if let Some(diff) = app.diff.as_mut() {
        change(diff);
    }
    restore_anchor(app, keep);
}

pub(super) fn scroll(app: &mut App, delta: isize) {
    let max = max_top(app);
    if let Some(diff) = app.diff.as_mut() {
        diff.top = diff.top.saturating_add_signed(delta).min(max);
    }
}

fn max_top(app: &App) -> usize {
    app.diff_layout()
        .map_or(0, |l| l.total_rows().saturating_sub(app.diff_height()))
}

/// The link (and whether its second row) at the top of the pane.
pub(super) fn anchor(app: &App) -> Option<(usize, bool)> {
    let layout = app.diff_layout()?;
    let (row, _) = layout.at(app.diff.as_ref()?.top)?;
    Some((layout.rows[row].link, layout.rows[row].ghost))
}

/// The current link if there is one, else the one at the top.
fn current_anchor(app: &App) -> Option<(usize, bool)> {
    let diff = app.diff.as_ref()?;
    diff.current
        .map(|link| (link, diff.on_ghost))
        .or_else(|| anchor(app))
}

/// Scrolls back to a link after the rows changed; the nearest row shown when
/// the link itself is hidden.
pub(super) fn restore_anchor(app: &mut App, anchor: Option<(usize, bool)>) {
    let Some((link, ghost)) = anchor else {
        scroll(app, 0);
        return;
    };
    let Some(layout) = app.diff_layout() else {
        return;
    };
    let row = layout.row_of_link(link, ghost).or_else(|| {
        let next = layout.rows.iter().position(|r| r.link >= link)?;
        Some(layout.starts[next])
    });
    if let Some(diff) = app.diff.as_mut() {
        diff.top = row.unwrap_or(0);
    }
    scroll(app, 0);
}

/// Goes to the next (or previous) link that shows a change, and keeps it a
/// third of the way down the pane.
fn step_change(app: &mut App, forward: bool) {
    let Some(layout) = app.diff_layout() else {
        return;
    };
    let Some(diff) = app.diff.as_ref() else {
        return;
    };
    let Some(comparison) = diff.comparison.as_ref() else {
        return;
    };
    let here = diff
        .current
        .and_then(|link| layout.rows.iter().position(|r| r.link == link && !r.ghost))
        .or_else(|| layout.at(diff.top).map(|(row, _)| row));
    let is_change = |k: usize| !layout.rows[k].ghost && comparison.is_change(layout.rows[k].link);
    let count = layout.rows.len();
    let found = match (here, forward) {
        (None, _) => (0..count).find(|&k| is_change(k)),
        (Some(at), true) if diff.current.is_none() => (at..count).find(|&k| is_change(k)),
        (Some(at), true) => (at + 1..count).find(|&k| is_change(k)),
        (Some(at), false) => (0..at).rev().find(|&k| is_change(k)),
    };
    let Some(row) = found else { return };
    let link = layout.rows[row].link;
    show_row(app, layout.starts[row]);
    if let Some(diff) = app.diff.as_mut() {
        diff.current = Some(link);
        diff.on_ghost = false;
    }
}

/// From a moved link to the place its sentence has in the other version and
/// back; from elsewhere, to the next moved link.
fn jump_moved(app: &mut App) {
    let Some(layout) = app.diff_layout() else {
        return;
    };
    let Some(diff) = app.diff.as_ref() else {
        return;
    };
    let Some(comparison) = diff.comparison.as_ref() else {
        return;
    };
    let is_moved = |link: usize| {
        comparison
            .alignment
            .links
            .get(link)
            .is_some_and(|l| l.kind == LinkKind::Moved)
    };
    let (link, ghost) = match diff.current.filter(|&l| is_moved(l)) {
        Some(link) => (link, !diff.on_ghost),
        None => {
            let from = layout.at(diff.top).map_or(0, |(row, _)| row);
            let next = (from..layout.rows.len())
                .chain(0..from)
                .find(|&k| !layout.rows[k].ghost && is_moved(layout.rows[k].link));
            let Some(row) = next else {
                app.notices
                    .push("no sentence moved between these versions".to_owned());
                return;
            };
            (layout.rows[row].link, false)
        }
    };
    let Some(start) = layout.row_of_link(link, ghost) else {
        return;
    };
    show_row(app, start);
    if let Some(diff) = app.diff.as_mut() {
        diff.current = Some(link);
        diff.on_ghost = ghost;
    }
}

/// Makes link `link` the current one and scrolls it into view.
pub(super) fn go_to_link(app: &mut App, link: usize) {
    let Some(layout) = app.diff_layout() else {
        return;
    };
    let Some(row) = layout.rows.iter().position(|r| r.link == link && !r.ghost) else {
        return;
    };
    show_row(app, layout.starts[row]);
    if let Some(diff) = app.diff.as_mut() {
        diff.current = Some(link);
        diff.on_ghost = false;
    }
}

/// Scrolls so that screen row `start` is in view, a third of the way down
/// when it has to move.
fn show_row(app: &mut App, start: usize) {
    let height = app.diff_height();
    let max = max_top(app);
    if let Some(diff) = app.diff.as_mut()
        && (start < diff.top || start >= diff.top + height)
    {
        diff.top = start.saturating_sub(height / 3).min(max);
    }
}
