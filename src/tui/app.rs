//! The app's state and the one place it changes: `update(&mut App, Action)`.
//! Views read this state and never change it; I/O happens at the edges.

use std::cell::RefCell;
use std::ops::Range;
use std::rc::Rc;

use crossterm::event::{KeyCode, KeyModifiers};
use ratatui::layout::{Position, Rect};

use crate::config::State;
use crate::corpus::Article;

use super::keymap::{Command, Context, Key, Keymap, Lookup};
use super::layout::{self, Panes, ReaderLayout};
use super::theme::Theme;

/// More matches than this are not collected; the count then reads "N+".
pub const MAX_MATCHES: usize = 100_000;

/// Rows the mouse wheel scrolls per notch.
const WHEEL_ROWS: usize = 3;

/// Something that happened: a key, a resize, the mouse.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Key(Key),
    Command(Command),
    Resize(u16, u16),
    Click { column: u16, row: u16 },
    Wheel { column: u16, row: u16, down: bool },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Sources,
    Reader,
}

/// A search in the reader.
#[derive(Debug, Clone, Default)]
pub struct Search {
    pub query: String,
    /// The prompt is open and keys type into the query.
    pub editing: bool,
    pub matches: Vec<Match>,
    pub current: Option<usize>,
    /// More matches exist than were collected.
    pub capped: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    pub paragraph: usize,
    pub range: Range<usize>,
}

pub struct App {
    pub articles: Vec<Article>,
    pub keymap: Keymap,
    pub theme: Theme,
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
    /// The help overlay's scroll offset, when it is open.
    pub help: Option<usize>,
    /// One-line notices; the first is shown until a key is pressed.
    pub notices: Vec<String>,
    pub size: (u16, u16),
    /// Keys of a sequence typed so far.
    pub pending: Vec<Key>,
    pub quit: bool,
    layout: RefCell<Option<Rc<ReaderLayout>>>,
}

impl App {
    pub fn new(articles: Vec<Article>, keymap: Keymap, theme: Theme) -> App {
        App {
            articles,
            keymap,
            theme,
            focus: Focus::Sources,
            selected: 0,
            list_offset: 0,
            open: 0,
            reader_top: 0,
            search: None,
            help: None,
            notices: Vec::new(),
            size: (80, 24),
            pending: Vec::new(),
            quit: false,
            layout: RefCell::new(None),
        }
    }

    pub fn panes(&self) -> Option<Panes> {
        layout::panes(Rect::new(0, 0, self.size.0, self.size.1))
    }

    pub fn open_article(&self) -> Option<&Article> {
        self.articles.get(self.open)
    }

    /// Rows of the reader pane.
    pub fn reader_height(&self) -> usize {
        self.panes()
            .map_or(1, |p| usize::from(p.reader_text().height).max(1))
    }

    /// The wrapped rows of the open article at the reader's width, built on
    /// first use and kept until the article or the width changes.
    pub fn reader_layout(&self) -> Option<Rc<ReaderLayout>> {
        let article = self.open_article()?;
        let width = self.panes()?.reader_text().width.max(1);
        let mut cache = self.layout.borrow_mut();
        match cache.as_ref() {
            Some(layout) if layout.article == self.open && layout.width == width => {
                Some(layout.clone())
            }
            _ => {
                let layout = Rc::new(ReaderLayout::build(self.open, article, width));
                *cache = Some(layout.clone());
                Some(layout)
            }
        }
    }

    /// Items the source list shows at once (two rows each).
    pub fn list_capacity(&self) -> usize {
        self.panes()
            .map_or(1, |p| usize::from(p.sources_inner().height / 2).max(1))
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
        }
    }

    /// Where the reader is, for the next start.
    pub fn state(&self) -> State {
        let (paragraph, offset) = self
            .reader_layout()
            .map_or((0, 0), |layout| layout.anchor_of(self.reader_top));
        State {
            article: self.open_article().map(|a| a.id.clone()),
            paragraph,
            offset,
        }
    }

    /// Reopens what `state` remembers, if the article is still loaded.
    pub fn restore(&mut self, state: &State) {
        let Some(id) = &state.article else { return };
        let Some(index) = self.articles.iter().position(|a| &a.id == id) else {
            return;
        };
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
}

/// Applies `action` to the app. The only function that changes `App`.
pub fn update(app: &mut App, action: Action) {
    match action {
        Action::Key(key) => on_key(app, key),
        Action::Command(command) => on_command(app, command),
        Action::Resize(width, height) => resize(app, width, height),
        Action::Click { column, row } => click(app, column, row),
        Action::Wheel { column, row, down } => wheel(app, column, row, down),
    }
}

fn on_key(app: &mut App, key: Key) {
    if !app.notices.is_empty() && app.pending.is_empty() {
        // A key first dismisses the notice it answers, then acts.
        app.notices.remove(0);
    }
    if let Some(search) = app.search.as_mut().filter(|s| s.editing)
        && let KeyCode::Char(c) = key.code
        && !key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
        && app.keymap.lookup(&[Context::Search], &[], key) == Lookup::Unbound
    {
        search.query.push(c);
        refresh_matches(app, true);
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
        Command::ForceQuit | Command::Quit => app.quit = true,
        Command::Help => app.help = if app.help.is_some() { None } else { Some(0) },
        Command::Close => close(app),
        Command::FocusNext | Command::FocusPrev => {
            app.focus = match app.focus {
                Focus::Sources => Focus::Reader,
                Focus::Reader => Focus::Sources,
            }
        }
        _ if app.help.is_some() => help_command(app, command),
        _ if app.search.as_ref().is_some_and(|s| s.editing) => search_command(app, command),
        _ => match app.focus {
            Focus::Sources => sources_command(app, command),
            Focus::Reader => reader_command(app, command),
        },
    }
}

fn close(app: &mut App) {
    if app.help.is_some() {
        app.help = None;
    } else if app.search.is_some() {
        app.search = None;
    } else {
        app.notices.clear();
    }
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
    let last = app.articles.len().saturating_sub(1);
    let page = app.list_capacity();
    let selected = app.selected;
    app.selected = match command {
        Command::Down => (selected + 1).min(last),
        Command::Up => selected.saturating_sub(1),
        Command::Top => 0,
        Command::Bottom => last,
        Command::PageDown | Command::HalfDown => (selected + page).min(last),
        Command::PageUp | Command::HalfUp => selected.saturating_sub(page),
        Command::Open => {
            open(app, selected);
            app.focus = Focus::Reader;
            selected
        }
        Command::Search => {
            app.focus = Focus::Reader;
            start_search(app);
            selected
        }
        _ => selected,
    };
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
        Command::Bottom => scroll_reader(app, isize::MAX / 2),
        Command::Back => app.focus = Focus::Sources,
        Command::Search => start_search(app),
        Command::NextMatch => step_match(app, true),
        Command::PrevMatch => step_match(app, false),
        _ => {}
    }
}

fn search_command(app: &mut App, command: Command) {
    match command {
        Command::Confirm => {
            if let Some(search) = app.search.as_mut() {
                search.editing = false;
                if search.query.is_empty() {
                    app.search = None;
                }
            }
            show_current_match(app);
        }
        Command::Erase => {
            if let Some(search) = app.search.as_mut() {
                search.query.pop();
            }
            refresh_matches(app, true);
        }
        Command::NextMatch => step_match(app, true),
        Command::PrevMatch => step_match(app, false),
        _ => {}
    }
}

impl App {
    pub(crate) fn ensure_selected_visible(&mut self) {
        let capacity = self.list_capacity();
        if self.selected < self.list_offset {
            self.list_offset = self.selected;
        } else if self.selected >= self.list_offset + capacity {
            self.list_offset = self.selected + 1 - capacity;
        }
        let max_offset = self.articles.len().saturating_sub(capacity);
        self.list_offset = self.list_offset.min(max_offset);
    }
}

fn open(app: &mut App, index: usize) {
    if index >= app.articles.len() || index == app.open {
        return;
    }
    app.open = index;
    app.reader_top = 0;
    if app.search.is_some() {
        refresh_matches(app, false);
    }
}

fn scroll_reader(app: &mut App, delta: isize) {
    let Some(layout) = app.reader_layout() else {
        return;
    };
    let max = layout.max_top(app.reader_height());
    app.reader_top = app.reader_top.saturating_add_signed(delta).min(max);
}

fn resize(app: &mut App, width: u16, height: u16) {
    // Keep the same text at the top across a change of width.
    let anchor = app
        .reader_layout()
        .map(|layout| layout.anchor_of(app.reader_top));
    let at_top = app.reader_top == 0;
    app.size = (width, height);
    if let (Some((paragraph, offset)), Some(layout)) = (anchor, app.reader_layout()) {
        app.reader_top = if at_top {
            0
        } else {
            layout
                .row_of(paragraph, offset)
                .min(layout.max_top(app.reader_height()))
        };
    }
    app.ensure_selected_visible();
}

fn click(app: &mut App, column: u16, row: u16) {
    let Some(panes) = app.panes() else { return };
    let position = Position::new(column, row);
    if panes.sources.contains(position) {
        app.focus = Focus::Sources;
        let inner = panes.sources_inner();
        if inner.contains(position) {
            let index = app.list_offset + usize::from((row - inner.y) / 2);
            if index < app.articles.len() {
                app.selected = index;
            }
        }
    } else if panes.reader.contains(position) {
        app.focus = Focus::Reader;
    }
}

fn wheel(app: &mut App, column: u16, row: u16, down: bool) {
    let Some(panes) = app.panes() else { return };
    let position = Position::new(column, row);
    if panes.sources.contains(position) {
        let max_offset = app.articles.len().saturating_sub(app.list_capacity());
        app.list_offset = if down {
            (app.list_offset + 1).min(max_offset)
        } else {
            app.list_offset.saturating_sub(1)
        };
    } else if panes.reader.contains(position) {
        let rows = WHEEL_ROWS as isize;
        scroll_reader(app, if down { rows } else { -rows });
    }
}

fn start_search(app: &mut App) {
    let search = app.search.get_or_insert_with(Search::default);
    search.editing = true;
    search.query.clear();
    search.matches.clear();
    search.current = None;
}

/// Recomputes the matches of the query in the open article. While typing,
/// the first match at or after the top of the pane becomes current.
fn refresh_matches(app: &mut App, follow: bool) {
    let Some(article) = app.articles.get(app.open) else {
        return;
    };
    let Some(search) = app.search.as_mut() else {
        return;
    };
    let (matches, capped) = find_matches(article, &search.query);
    search.matches = matches;
    search.capped = capped;
    search.current = None;
    if search.matches.is_empty() {
        return;
    }
    let from = app
        .reader_layout()
        .map_or((0, 0), |layout| layout.anchor_of(app.reader_top));
    let Some(search) = app.search.as_mut() else {
        return;
    };
    let first_after = search
        .matches
        .partition_point(|m| (m.paragraph, m.range.start) < from);
    search.current = Some(if first_after < search.matches.len() {
        first_after
    } else {
        0
    });
    if follow {
        show_current_match(app);
    }
}

fn step_match(app: &mut App, forward: bool) {
    let Some(search) = app.search.as_mut() else {
        return;
    };
    let count = search.matches.len();
    if count == 0 {
        return;
    }
    search.current = Some(match (search.current, forward) {
        (None, _) => 0,
        (Some(i), true) => (i + 1) % count,
        (Some(i), false) => (i + count - 1) % count,
    });
    show_current_match(app);
}

/// Scrolls so that the current match is in view, a third of the way down.
fn show_current_match(app: &mut App) {
    let Some(layout) = app.reader_layout() else {
        return;
    };
    let Some(found) = app
        .search
        .as_ref()
        .and_then(|s| s.current.and_then(|i| s.matches.get(i)))
    else {
        return;
    };
    let row = layout.row_of(found.paragraph, found.range.start);
    let height = app.reader_height();
    if row < app.reader_top || row >= app.reader_top + height {
        app.reader_top = row.saturating_sub(height / 3).min(layout.max_top(height));
    }
}

/// Every occurrence of `query` in the article's paragraphs. Case is ignored
/// unless the query has a capital letter (smart case).
pub fn find_matches(article: &Article, query: &str) -> (Vec<Match>, bool) {
    let mut matches = Vec::new();
    if query.is_empty() {
        return (matches, false);
    }
    let fold = !query.chars().any(char::is_uppercase);
    let needle = if fold {
        query.to_lowercase()
    } else {
        query.to_owned()
    };
    for (paragraph, p) in article.paragraphs.iter().enumerate() {
        let (haystack, map) = if fold {
            folded(&p.text)
        } else {
            (p.text.clone(), None)
        };
        for (at, _) in haystack.match_indices(&needle) {
            let (start, end) = match &map {
                None => (at, at + needle.len()),
                Some(map) => (map[at], map[at + needle.len()]),
            };
            matches.push(Match {
                paragraph,
                range: start..end,
            });
            if matches.len() >= MAX_MATCHES {
                return (matches, true);
            }
        }
    }
    (matches, false)
}

/// Lower-cased text, and when lower-casing changed byte lengths, a map from
/// each byte of the folded text to the byte of the original.
fn folded(text: &str) -> (String, Option<Vec<usize>>) {
    if text.is_ascii() {
        return (text.to_ascii_lowercase(), None);
    }
    let lower = text.to_lowercase();
    if lower.len() == text.len() && lower.chars().count() == text.chars().count() {
        return (lower, None);
    }
    let mut out = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len() + 1);
    for (at, c) in text.char_indices() {
        for lc in c.to_lowercase() {
            for _ in 0..lc.len_utf8() {
                map.push(at);
            }
            out.push(lc);
        }
    }
    map.push(text.len());
    (out, Some(map))
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
    fn smart_case_search() {
        let articles = seeds();
        let (lower, _) = find_matches(&articles[2], "peresild");
        let (exact, _) = find_matches(&articles[2], "Peresild");
        assert!(lower.len() >= exact.len() && !exact.is_empty());
        let (none, _) = find_matches(&articles[2], "PERESILD");
        assert!(none.is_empty());
    }

    #[test]
    fn folding_maps_back_to_original_bytes() {
        let (text, map) = folded("İstanbul x");
        let map = map.unwrap();
        let at = text.find('x').unwrap();
        assert_eq!(map[at], "İstanbul ".len());
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
        assert_eq!(second.reader_top, first.reader_top);
    }
}
