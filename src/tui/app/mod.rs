//! The app's state and the one place it changes: `update(&mut App, Action)`.
//! Views read this state and never change it. Work that takes time leaves as
//! a request (see `worker`) and comes back as an action.

pub mod collate;
pub mod diff;
pub mod facts;
mod search;
pub mod stories;

use std::cell::RefCell;
use std::ops::Range;
use std::rc::Rc;
use std::sync::Arc;

use crossterm::event::{KeyCode, KeyModifiers};
use ratatui::layout::{Position, Rect};

use crate::compare::Comparison;
use crate::compare::collate::Collation;
use crate::compare::facts::Ledger;
use crate::compare::stories::StoryMap;
use crate::config::State;
use crate::corpus::Article;

use super::keymap::{Command, Context, Key, Keymap, Lookup};
use super::layout::{self, Mode, Panes, ReaderLayout};
use super::theme::Theme;
use super::worker::Request;

pub use collate::CollateView;
pub use diff::{DiffView, Marks};
pub use facts::FactsView;
pub use search::{MAX_MATCHES, Match, Scope, Search, find_matches};
pub use stories::StoriesView;

/// Fewest characters of an id shown as its REF in the list.
const REFERENCE_CHARS: usize = 3;

/// Rows the mouse wheel scrolls per notch.
const WHEEL_ROWS: usize = 3;

/// Something that happened: a key, a resize, the mouse, finished work.
#[derive(Debug, Clone)]
pub enum Action {
    Key(Key),
    Command(Command),
    Resize(u16, u16),
    Click {
        column: u16,
        row: u16,
    },
    Wheel {
        column: u16,
        row: u16,
        down: bool,
    },
    /// A comparison asked for by job `job` is ready.
    Compared {
        job: u64,
        comparison: Box<Comparison>,
    },
    /// The ledger asked for by job `job` is ready.
    Ledger {
        job: u64,
        ledger: Box<Ledger>,
    },
    /// The matrix and stories asked for by job `job` are ready.
    Mapped {
        job: u64,
        map: Box<StoryMap>,
    },
    /// The collation asked for by job `job` is ready.
    Collated {
        job: u64,
        collation: Box<Collation>,
    },
    /// Job `job` failed on a bug of ours (a caught panic) with `message`.
    Failed {
        job: u64,
        message: String,
    },
}

/// A sentence shown highlighted in the reader, with one mention in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Highlight {
    pub article: usize,
    pub paragraph: usize,
    /// Byte ranges of the paragraph's text.
    pub sentence: Range<usize>,
    pub mention: Range<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Sources,
    Reader,
    Diff,
    Facts,
    Collate,
    Matrix,
}

/// A layout to go back to: the mode, whether its pane was wide, and the
/// focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct PaneState {
    mode: Mode,
    wide: bool,
    focus: Focus,
}

/// Most steps `Esc` can go back.
const MAX_BACK: usize = 32;

pub struct App {
    /// Shared with the threads that compare.
    pub articles: Arc<Vec<Article>>,
    /// The shortest prefix of each article's id that names it as a REF.
    references: Vec<String>,
    pub keymap: Keymap,
    pub theme: Theme,
    pub mode: Mode,
    pub focus: Focus,
    /// The article selected in the source list.
    pub selected: usize,
    /// The first article shown in the list.
    pub list_offset: usize,
    /// The article in the reader.
    pub open: usize,
    /// The first row of the reader shown.
    pub reader_top: usize,
    pub search: Option<Search>,
    /// Articles marked as the left and right of a comparison.
    pub marks: Marks,
    /// The comparison in the diff pane.
    pub diff: Option<DiffView>,
    /// The discrepancy ledger and its pane's state.
    pub facts: FactsView,
    /// The collation view, on the base it was asked for.
    pub collate: Option<CollateView>,
    /// The similarity matrix and the stories.
    pub stories: StoriesView,
    /// The facts, the collation and the matrix take the full width.
    pub wide: bool,
    /// The panes before this one, for `Esc`: the last is the one before.
    back: Vec<PaneState>,
    /// A sentence the reader shows highlighted (from the facts pane).
    pub highlight: Option<Highlight>,
    /// The help overlay's scroll offset, when it is open.
    pub help: Option<usize>,
    /// One-line notices; the first is shown until a key is pressed.
    pub notices: Vec<String>,
    pub size: (u16, u16),
    /// Keys of a sequence typed so far.
    pub pending: Vec<Key>,
    pub quit: bool,
    /// The user interrupted (ctrl-c): the process exits as SIGINT would.
    pub interrupted: bool,
    /// The user asked to suspend (ctrl-z); the run loop does it and clears
    /// this.
    pub suspend: bool,
    /// Work for the run loop to do off the UI thread.
    requests: Vec<Request>,
    next_job: u64,
    layout: RefCell<Option<Rc<ReaderLayout>>>,
}

impl App {
    /// Labels every article (see [`crate::corpus::label`]) and opens the
    /// first in the reader.
    pub fn new(mut articles: Vec<Article>, keymap: Keymap, theme: Theme) -> App {
        crate::corpus::label::assign(&mut articles);
        let ids: Vec<&str> = articles.iter().map(|a| a.id.as_str()).collect();
        let references = crate::corpus::label::unique_prefixes(&ids, REFERENCE_CHARS);
        App {
            references,
            articles: Arc::new(articles),
            keymap,
            theme,
            mode: Mode::Reader,
            focus: Focus::Sources,
            selected: 0,
            list_offset: 0,
            open: 0,
            reader_top: 0,
            search: None,
            marks: Marks::default(),
            diff: None,
            facts: FactsView::default(),
            collate: None,
            stories: StoriesView::default(),
            wide: false,
            back: Vec::new(),
            highlight: None,
            help: None,
            notices: Vec::new(),
            size: (80, 24),
            pending: Vec::new(),
            quit: false,
            interrupted: false,
            suspend: false,
            requests: Vec::new(),
            next_job: 1,
            layout: RefCell::new(None),
        }
    }

    /// The shortest prefix of article `index`'s id that names it as a REF
    /// (`002`).
    pub fn reference(&self, index: usize) -> &str {
        self.references.get(index).map_or("", String::as_str)
    }

    pub fn panes(&self) -> Option<Panes> {
        layout::panes(
            Rect::new(0, 0, self.size.0, self.size.1),
            self.mode,
            self.wide,
        )
    }

    pub fn open_article(&self) -> Option<&Article> {
        self.articles.get(self.open)
    }

    /// Work asked for since the last call, for the run loop to do.
    pub fn take_requests(&mut self) -> Vec<Request> {
        std::mem::take(&mut self.requests)
    }

    /// Rows of the reader pane.
    pub fn reader_height(&self) -> usize {
        self.panes()
            .map_or(1, |p| usize::from(p.reader_text().height).max(1))
    }

    /// The rows of the open article at the reader's width (wrapped lazily),
    /// built on first use and kept until the article or the width changes.
    pub fn reader_layout(&self) -> Option<Rc<ReaderLayout>> {
        self.open_article()?;
        let width = self.panes()?.reader_text().width.max(1);
        let mut cache = self.layout.borrow_mut();
        match cache.as_ref() {
            Some(layout) if layout.article == self.open && layout.width == width => {
                Some(layout.clone())
            }
            _ => {
                let layout = Rc::new(ReaderLayout::build(self.articles.clone(), self.open, width));
                *cache = Some(layout.clone());
                Some(layout)
            }
        }
    }

    /// Items the source list shows at once (two rows each).
    pub fn list_capacity(&self) -> usize {
        self.panes()
            .and_then(|p| p.sources_inner())
            .map_or(1, |inner| usize::from(inner.height / 2).max(1))
    }

    /// Whether `Esc` has something to close or a pane to go back to.
    pub fn can_go_back(&self) -> bool {
        self.help.is_some() || self.search.is_some() || !self.back.is_empty()
    }

    /// Where the user is in the focused pane: `change 5/38`, `fact 3/41`.
    pub fn position(&self) -> Option<String> {
        match self.focus {
            Focus::Facts => {
                let total = self.facts.shown().len();
                (total > 0).then(|| format!("fact {}/{total}", self.facts.selected + 1))
            }
            Focus::Diff => {
                let diff = self.diff.as_ref()?;
                let comparison = diff.comparison.as_ref()?;
                // Counted, not collected: the status bar is drawn every frame.
                // The links `n` goes to (across languages: those whose
                // figures differ).
                let links = comparison.alignment.links.len();
                let total = (0..links).filter(|&k| comparison.is_change(k)).count();
                Some(match diff.current {
                    Some(current) => {
                        let before = (0..current).filter(|&k| comparison.is_change(k)).count();
                        format!("change {}/{total}", before + 1)
                    }
                    None if total == 1 => "1 change".to_owned(),
                    None => format!("{total} changes"),
                })
            }
            _ => None,
        }
    }

    /// What is marked for comparison: `L 002 · R 003`.
    pub fn marks_label(&self) -> Option<String> {
        let side =
            |sign: &str, mark: Option<usize>| mark.map(|i| format!("{sign} {}", self.reference(i)));
        let marks: Vec<String> = [side("L", self.marks.left), side("R", self.marks.right)]
            .into_iter()
            .flatten()
            .collect();
        (!marks.is_empty()).then(|| marks.join(" · "))
    }

    /// The panes that can take the focus in the current mode.
    pub fn focusable(&self) -> &'static [Focus] {
        match self.mode {
            Mode::Facts if self.wide => &[Focus::Facts],
            Mode::Collate if self.wide => &[Focus::Collate],
            Mode::Matrix if self.wide => &[Focus::Matrix],
            Mode::Reader => &[Focus::Sources, Focus::Reader],
            Mode::Compare => &[Focus::Sources, Focus::Diff],
            Mode::FullDiff => &[Focus::Diff],
            Mode::Facts => &[Focus::Sources, Focus::Facts],
            Mode::Collate => &[Focus::Sources, Focus::Collate],
            Mode::Matrix => &[Focus::Sources, Focus::Matrix],
        }
    }

    /// The contexts whose bindings apply now, innermost first.
    pub fn contexts(&self) -> Vec<Context> {
        if self.help.is_some() {
            return vec![Context::Help, Context::Global];
        }
        if self.search.as_ref().is_some_and(|s| s.editing) {
            return vec![Context::Search, Context::Global];
        }
        match self.focus {
            Focus::Sources => vec![Context::Sources, Context::Global],
            Focus::Reader => vec![Context::Reader, Context::Global],
            Focus::Diff => vec![Context::Diff, Context::Global],
            Focus::Facts => vec![Context::Facts, Context::Global],
            Focus::Collate => vec![Context::Collate, Context::Global],
            Focus::Matrix => vec![Context::Matrix, Context::Global],
        }
    }

    /// What to reopen on the next start.
    pub fn state(&self) -> State {
        let (paragraph, offset) = self
            .reader_layout()
            .map_or((0, 0), |layout| layout.anchor_of(self.reader_top));
        let compare = self.diff.as_ref().map(|d| {
            vec![
                self.articles[d.left].id.clone(),
                self.articles[d.right].id.clone(),
            ]
        });
        State {
            article: self.open_article().map(|a| a.id.clone()),
            paragraph,
            offset,
            compare,
            mode: Some(self.mode.name().to_owned()),
        }
    }

    /// Reopens what `state` remembers, where the articles are still loaded.
    pub fn restore(&mut self, state: &State) {
        let position = |id: &str| self.articles.iter().position(|a| a.id == id);
        let article = state.article.as_deref().and_then(position);
        let pair = match state.compare.as_deref() {
            Some([left, right]) => position(left).zip(position(right)),
            _ => None,
        };
        if let Some(index) = article {
            self.selected = index;
            self.open = index;
            self.ensure_selected_visible();
            if let Some(layout) = self.reader_layout()
                && (state.paragraph, state.offset) != (0, 0)
            {
                self.reader_top = layout
                    .row_of(state.paragraph, state.offset)
                    .min(layout.max_top(self.reader_height()));
            }
        }
        if let Some((left, right)) = pair {
            self.marks = Marks {
                left: Some(left),
                right: Some(right),
            };
            diff::start(self, left, right);
        }
        if let Some(mode) = state.mode.as_deref().and_then(Mode::from_name)
            && (mode == Mode::Reader || self.diff.is_some())
        {
            set_mode(self, mode);
        }
    }

    /// Where the selected article stands in the list as shown.
    pub fn selected_position(&self) -> usize {
        self.list_order()
            .iter()
            .position(|&i| i == self.selected)
            .unwrap_or(0)
    }

    pub(crate) fn ensure_selected_visible(&mut self) {
        let capacity = self.list_capacity();
        let position = self.selected_position();
        if position < self.list_offset {
            self.list_offset = position;
        } else if position >= self.list_offset + capacity {
            self.list_offset = position + 1 - capacity;
        }
        let max_offset = self.articles.len().saturating_sub(capacity);
        self.list_offset = self.list_offset.min(max_offset);
    }

    fn job(&mut self) -> u64 {
        self.next_job += 1;
        self.next_job
    }
}

/// Applies `action` to the app. The only function that changes `App`.
pub fn update(app: &mut App, action: Action) {
    match action {
        Action::Key(key) => on_key(app, key),
        Action::Command(command) => on_command(app, command),
        Action::Resize(width, height) => resize(app, width, height),
        Action::Click { column, row } => click(app, column, row),
        Action::Wheel { column, row, down } => wheel(app, column, row, down),
        Action::Compared { job, comparison } => diff::receive(app, job, *comparison),
        Action::Ledger { job, ledger } => facts::receive(app, job, *ledger),
        Action::Collated { job, collation } => collate::receive(app, job, *collation),
        Action::Mapped { job, map } => stories::receive(app, job, *map),
        Action::Failed { job, message } => failed(app, job, &message),
    }
}

/// A job that failed: whichever view waits for it stops waiting, and the
/// user is told.
fn failed(app: &mut App, job: u64, message: &str) {
    let waiting = |computing: &mut Option<u64>| {
        if *computing == Some(job) {
            *computing = None;
        }
    };
    if let Some(diff) = app.diff.as_mut() {
        waiting(&mut diff.computing);
    }
    if let Some(collate) = app.collate.as_mut() {
        waiting(&mut collate.computing);
    }
    waiting(&mut app.facts.computing);
    waiting(&mut app.stories.computing);
    app.notices.push(format!(
        "internal error, the result could not be computed (please report it): {}",
        crate::corpus::clean::visible(message)
    ));
}

fn on_key(app: &mut App, key: Key) {
    if let Some(command) = super::keymap::reserved(key) {
        app.pending.clear();
        on_command(app, command);
        return;
    }
    if !app.notices.is_empty() && app.pending.is_empty() {
        // A key first dismisses the notice it answers, then acts.
        app.notices.remove(0);
    }
    if app.search.as_ref().is_some_and(|s| s.editing)
        && let KeyCode::Char(c) = key.code
        && !key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
        && app.keymap.lookup(&[Context::Search], &[], key) == Lookup::Unbound
    {
        search::type_char(app, c);
        return;
    }
    let contexts = app.contexts();
    match app.keymap.lookup(&contexts, &app.pending, key) {
        Lookup::Command(command) => {
            app.pending.clear();
            on_command(app, command);
        }
        Lookup::Pending => app.pending.push(key),
        Lookup::Unbound => app.pending.clear(),
    }
}

fn on_command(app: &mut App, command: Command) {
    match command {
        Command::ForceQuit => {
            app.quit = true;
            app.interrupted = true;
        }
        Command::Quit => app.quit = true,
        Command::Suspend => app.suspend = true,
        Command::Help => app.help = if app.help.is_some() { None } else { Some(0) },
        Command::Close => close(app),
        Command::FocusNext | Command::FocusPrev => cycle_focus(app, command == Command::FocusNext),
        // The facts, the collation and the matrix go wide and back with
        // the keys that do so for the diff.
        Command::CycleMode if app.mode.can_be_wide() => set_wide(app, !app.wide),
        Command::FullDiffMode if app.mode.can_be_wide() => set_wide(app, true),
        Command::CompareMode if app.mode.can_be_wide() && app.wide => set_wide(app, false),
        Command::CycleMode => {
            let next = match app.mode {
                Mode::Reader => Mode::Compare,
                Mode::Compare => Mode::FullDiff,
                _ => Mode::Reader,
            };
            set_mode(app, next);
        }
        Command::ReaderMode => set_mode(app, Mode::Reader),
        Command::CompareMode => set_mode(app, Mode::Compare),
        Command::FullDiffMode => set_mode(app, Mode::FullDiff),
        Command::FactsMode => facts::show(app),
        Command::CollateMode => collate::show(app),
        Command::MatrixMode => stories::show(app),
        _ if app.help.is_some() => help_command(app, command),
        _ if app.search.as_ref().is_some_and(|s| s.editing) => search::command(app, command),
        // While a search of the diff or the facts lasts, n and N step
        // through its matches.
        Command::NextChange | Command::NextMention | Command::NextMatch if search::in_pane(app) => {
            search::step(app, true)
        }
        Command::PrevChange | Command::PrevMention | Command::PrevMatch if search::in_pane(app) => {
            search::step(app, false)
        }
        _ => match app.focus {
            Focus::Sources => sources_command(app, command),
            Focus::Reader => reader_command(app, command),
            Focus::Diff => diff::command(app, command),
            Focus::Facts => facts::command(app, command),
            Focus::Collate => collate::command(app, command),
            Focus::Matrix => stories::command(app, command),
        },
    }
}

/// `Esc`: closes the help or the search, or else goes back to the pane
/// before.
fn close(app: &mut App) {
    if app.help.is_some() {
        app.help = None;
    } else if app.search.is_some() {
        app.search = None;
    } else {
        app.notices.clear();
        go_back(app);
    }
}

/// Back to the pane before, as it was (mode, width and focus).
fn go_back(app: &mut App) {
    let Some(state) = app.back.pop() else {
        return;
    };
    let anchor = app.reader_layout().map(|l| l.anchor_of(app.reader_top));
    app.mode = state.mode;
    app.wide = state.wide;
    app.focus = if app.focusable().contains(&state.focus) {
        state.focus
    } else {
        app.focusable()[0]
    };
    keep_reader_place(app, anchor);
    app.ensure_selected_visible();
}

/// `h`/`←` in a pane: the focus goes to the list where it is shown, else
/// back to the pane before (as `Esc`).
pub(crate) fn back_to_list(app: &mut App) {
    if app.focusable().contains(&Focus::Sources) {
        app.focus = Focus::Sources;
    } else {
        go_back(app);
    }
}

/// Remembers the layout as it is, for `Esc`, before it changes.
fn remember_pane(app: &mut App) {
    let state = PaneState {
        mode: app.mode,
        wide: app.wide,
        focus: app.focus,
    };
    if app.back.last() != Some(&state) {
        if app.back.len() == MAX_BACK {
            app.back.remove(0);
        }
        app.back.push(state);
    }
}

fn cycle_focus(app: &mut App, forward: bool) {
    let panes = app.focusable();
    let at = panes.iter().position(|&f| f == app.focus).unwrap_or(0);
    let next = if forward {
        at + 1
    } else {
        at + panes.len() - 1
    };
    app.focus = panes[next % panes.len()];
}

/// Switches the layout, keeping the focus on a pane that is shown.
/// Gives the facts, collation or matrix pane the full width, or the list
/// back.
fn set_wide(app: &mut App, wide: bool) {
    if wide != app.wide {
        remember_pane(app);
    }
    app.wide = wide;
    let mode = app.mode;
    set_mode(app, mode);
}

pub(crate) fn set_mode(app: &mut App, mode: Mode) {
    if mode != app.mode {
        remember_pane(app);
    }
    let anchor = app.reader_layout().map(|l| l.anchor_of(app.reader_top));
    app.mode = mode;
    if !app.focusable().contains(&app.focus) {
        app.focus = match mode {
            Mode::Reader => Focus::Reader,
            Mode::Compare | Mode::FullDiff => Focus::Diff,
            Mode::Facts => Focus::Facts,
            Mode::Collate => Focus::Collate,
            Mode::Matrix => Focus::Matrix,
        };
    }
    keep_reader_place(app, anchor);
    app.ensure_selected_visible();
}

fn help_command(app: &mut App, command: Command) {
    let offset = app.help.get_or_insert(0);
    match command {
        Command::Down => *offset += 1,
        Command::Up => *offset = offset.saturating_sub(1),
        _ => {}
    }
}

fn sources_command(app: &mut App, command: Command) {
    // Moves go by the list as shown, which may be grouped by story.
    let order = app.list_order();
    let last = order.len().saturating_sub(1);
    let page = app.list_capacity();
    let selected = app.selected;
    let at = app.selected_position();
    let mut go = |position: usize| {
        if let Some(&index) = order.get(position.min(last)) {
            app.selected = index;
        }
    };
    match command {
        Command::Down => go(at + 1),
        Command::Up => go(at.saturating_sub(1)),
        Command::Top => go(0),
        Command::Bottom => go(last),
        Command::PageDown | Command::HalfDown => go(at + page),
        Command::PageUp | Command::HalfUp => go(at.saturating_sub(page)),
        Command::GroupStories => stories::toggle_grouping(app),
        Command::Open => {
            open(app, selected);
            if app.mode != Mode::Reader {
                set_mode(app, Mode::Reader);
            }
            app.focus = Focus::Reader;
        }
        Command::Search => {
            if app.mode != Mode::Reader {
                set_mode(app, Mode::Reader);
            }
            app.focus = Focus::Reader;
            search::start(app);
        }
        Command::Mark => diff::toggle_mark(app, selected),
        Command::Diff => diff::start_from_marks(app),
        _ => {}
    }
    app.ensure_selected_visible();
}

fn reader_command(app: &mut App, command: Command) {
    let height = app.reader_height();
    match command {
        Command::Down => scroll_reader(app, 1),
        Command::Up => scroll_reader(app, -1),
        Command::PageDown => scroll_reader(app, height as isize),
        Command::PageUp => scroll_reader(app, -(height as isize)),
        Command::HalfDown => scroll_reader(app, (height / 2).max(1) as isize),
        Command::HalfUp => scroll_reader(app, -((height / 2).max(1) as isize)),
        Command::Top => app.reader_top = 0,
        Command::Bottom => {
            if let Some(layout) = app.reader_layout() {
                app.reader_top = layout.bottom(height);
            }
        }
        Command::Back => back_to_list(app),
        Command::Search => search::start(app),
        Command::NextMatch => search::step(app, true),
        Command::PrevMatch => search::step(app, false),
        Command::Diff => diff::start_from_marks(app),
        _ => {}
    }
}

pub(crate) fn open(app: &mut App, index: usize) {
    if index >= app.articles.len() || index == app.open {
        return;
    }
    app.open = index;
    app.reader_top = 0;
    if app.search.is_some() {
        search::refresh(app, false);
    }
}

fn scroll_reader(app: &mut App, delta: isize) {
    let Some(layout) = app.reader_layout() else {
        return;
    };
    app.reader_top = layout.scroll(app.reader_top, delta, app.reader_height());
}

/// Puts the same text back at the top of the reader after its width changed.
fn keep_reader_place(app: &mut App, anchor: Option<(usize, usize)>) {
    let at_top = app.reader_top == 0;
    if let (Some((paragraph, offset)), Some(layout)) = (anchor, app.reader_layout()) {
        app.reader_top = if at_top {
            0
        } else {
            layout
                .row_of(paragraph, offset)
                .min(layout.max_top(app.reader_height()))
        };
    }
}

fn resize(app: &mut App, width: u16, height: u16) {
    // The place to keep comes from the layout already built, if any: at
    // the top there is none to keep, and building one at the old size
    // only to read it would wrap a whole article for nothing (5 s of a
    // 50 MB article's first frame).
    let anchor = if app.reader_top == 0 {
        None
    } else {
        let cached = app.layout.borrow().clone();
        cached
            .filter(|layout| layout.article == app.open)
            .map(|layout| layout.anchor_of(app.reader_top))
    };
    let diff_anchor = diff::anchor(app);
    app.size = (width, height);
    keep_reader_place(app, anchor);
    diff::restore_anchor(app, diff_anchor);
    app.ensure_selected_visible();
}

fn click(app: &mut App, column: u16, row: u16) {
    let Some(panes) = app.panes() else { return };
    let position = Position::new(column, row);
    if let (Some(sources), Some(inner)) = (panes.sources, panes.sources_inner())
        && sources.contains(position)
    {
        app.focus = Focus::Sources;
        if inner.contains(position) {
            let slot = app.list_offset + usize::from((row - inner.y) / 2);
            if let Some(&index) = app.list_order().get(slot) {
                app.selected = index;
            }
        }
    } else if panes.main.contains(position) {
        app.focus = match app.mode {
            Mode::Reader => Focus::Reader,
            Mode::Compare | Mode::FullDiff => Focus::Diff,
            Mode::Facts => Focus::Facts,
            Mode::Collate => Focus::Collate,
            Mode::Matrix => Focus::Matrix,
        };
    }
}

fn wheel(app: &mut App, column: u16, row: u16, down: bool) {
    let Some(panes) = app.panes() else { return };
    let position = Position::new(column, row);
    let rows = if down {
        WHEEL_ROWS as isize
    } else {
        -(WHEEL_ROWS as isize)
    };
    if panes.sources.is_some_and(|s| s.contains(position)) {
        let max_offset = app.articles.len().saturating_sub(app.list_capacity());
        app.list_offset = if down {
            (app.list_offset + 1).min(max_offset)
        } else {
            app.list_offset.saturating_sub(1)
        };
    } else if panes.main.contains(position) {
        let step = if down { Command::Down } else { Command::Up };
        match app.mode {
            Mode::Reader => scroll_reader(app, rows),
            Mode::Compare | Mode::FullDiff => diff::scroll(app, rows),
            Mode::Facts => facts::command(app, step),
            Mode::Collate => collate::command(app, step),
            Mode::Matrix => stories::command(app, step),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::seeds;

    fn app() -> App {
        let mut app = App::new(seeds(), Keymap::defaults(), Theme::defaults(true));
        update(&mut app, Action::Resize(80, 24));
        app
    }

    fn keys(app: &mut App, keys: &str) {
        for k in keys.split_whitespace() {
            update(app, Action::Key(Key::parse(k).unwrap()));
        }
    }

    #[test]
    fn navigation_and_open() {
        let mut app = app();
        keys(&mut app, "j j enter");
        assert_eq!(app.open, 2);
        assert_eq!(app.focus, Focus::Reader);
        keys(&mut app, "ctrl-d");
        assert!(app.reader_top > 0);
        keys(&mut app, "g");
        assert_eq!(app.reader_top, 0);
        keys(&mut app, "h G");
        assert_eq!(app.focus, Focus::Sources);
        assert_eq!(app.selected, 4);
        assert_eq!(app.open, 2, "moving the selection leaves the reader alone");
    }

    #[test]
    fn typing_a_query_does_not_trigger_bindings() {
        let mut app = app();
        keys(&mut app, "l / q u i t");
        assert!(!app.quit);
        assert_eq!(app.search.as_ref().unwrap().query, "quit");
        keys(&mut app, "esc");
        assert!(app.search.is_none());
    }

    #[test]
    fn state_round_trip_keeps_the_place() {
        let mut first = app();
        keys(&mut first, "j j enter pagedown pagedown");
        let state = first.state();
        let mut second = app();
        second.restore(&state);
        assert_eq!(second.open, 2);
        // The same text is at the top (row numbers may differ: the
        // paragraphs above are estimated until wrapped).
        let second_state = second.state();
        assert_eq!(
            (second_state.paragraph, second_state.offset),
            (state.paragraph, state.offset)
        );
        assert!(state.paragraph > 3, "{state:?}");
        assert!(first.reader_top > 20);
    }

    #[test]
    fn focus_cycles_through_the_panes_shown() {
        let mut app = app();
        keys(&mut app, "tab");
        assert_eq!(app.focus, Focus::Reader);
        keys(&mut app, "v");
        assert_eq!((app.mode, app.focus), (Mode::Compare, Focus::Diff));
        keys(&mut app, "tab");
        assert_eq!(app.focus, Focus::Sources);
        keys(&mut app, "v");
        assert_eq!((app.mode, app.focus), (Mode::FullDiff, Focus::Diff));
        keys(&mut app, "tab");
        assert_eq!(app.focus, Focus::Diff);
    }
}
