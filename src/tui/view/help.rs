//! The help overlay, built from the keymap's descriptions.

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Clear, Widget};

use super::pane;
use crate::export::text::truncate;
use crate::tui::app::App;
use crate::tui::keymap::Context;
use crate::tui::theme::Role;
use crate::wrap;

const KEY_COLUMN: usize = 18;

/// Every symbol the panes show, with what it means.
const LEGEND: &[(&str, &str)] = &[
    ("=", "Diff: the sentences are the same"),
    (
        "~",
        "Diff: changed; [-removed-] and {+added+} words (struck and underlined in colour)",
    ),
    (
        "↕",
        "Diff: moved; m jumps to its other place, shown as a faint row",
    ),
    (
        "underlined",
        "Diff across languages: a name, figure or month both sides give (no colour of its own)",
    ),
    (
        "↕?",
        "Diff: moved, paired on the rare words both keep (a guess; its confidence in JSON)",
    ),
    (
        "-  +",
        "Diff: a sentence only the left (-) or only the right (+) version has",
    ),
    (
        "12+",
        "Diff: a link of several sentences, from sentence 12 (a split or a merge)",
    ),
    (
        "●  L  R",
        "List: the article in the reader; the left and right marks",
    ),
    (
        "?  !  ^",
        "List: encoding guessed; bytes replaced; control or invisible characters shown",
    ),
    (
        "∅  …  ✂",
        "List: empty file; read up to the size cap; the copy is cut off mid-sentence",
    ),
    ("A B …", "List (S): the story each article belongs to"),
    ("≠", "Facts: the articles give different values"),
    (
        "│",
        "Facts: between the values of one fact, each with the articles that state it",
    ),
    (
        "(cut off) ✂",
        "Facts: stated in a copy that ends there, so not a conflict",
    ),
    ("(partial)", "Facts: a fragment of a longer quote"),
    ("░ ▒ ▓ █", "Matrix: similarity from 0.05, 0.15, 0.3, 0.6 up"),
    (
        "·",
        "Matrix: a pair not compared (too little in common, or already one story)",
    ),
];

/// The help's lines: the legend, then a heading per context and
/// `keys  description`.
fn lines(app: &App) -> Vec<(String, String)> {
    let mut out = vec![(String::new(), "Symbols".to_owned())];
    for (symbol, meaning) in LEGEND {
        out.push(((*symbol).to_owned(), (*meaning).to_owned()));
    }
    out.push((String::new(), String::new()));
    for context in Context::all() {
        let bindings = app.keymap.bindings(context);
        if bindings.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push((String::new(), String::new()));
        }
        out.push((String::new(), heading(context).to_owned()));
        for binding in bindings {
            out.push((binding.keys_label(), binding.desc.clone()));
        }
    }
    out
}

fn heading(context: Context) -> &'static str {
    match context {
        Context::Global => "Everywhere",
        Context::Sources => "Source list",
        Context::Reader => "Reader",
        Context::Diff => "Comparison",
        Context::Facts => "Facts",
        Context::Collate => "Collation",
        Context::Matrix => "Similarity matrix",
        Context::Help => "This help",
        Context::Search => "Search prompt",
    }
}

/// Widest the help gets.
const MAX_WIDTH: u16 = 120;

/// The help's rows at `room` columns: descriptions wrap under their
/// column, never cut. Each row is (keys, text, is a heading).
fn rows(app: &App, room: usize) -> Vec<(String, String, bool)> {
    let desc_room = room.saturating_sub(KEY_COLUMN).max(1);
    let mut out = Vec::new();
    for (keys, desc) in lines(app) {
        if keys.is_empty() {
            out.push((String::new(), desc, true));
            continue;
        }
        let keys = truncate(&keys, KEY_COLUMN - 1);
        for (k, range) in wrap::wrap(&desc, desc_room).into_iter().enumerate() {
            let shown = if k == 0 { keys.clone() } else { String::new() };
            out.push((shown, desc[range].to_owned(), false));
        }
    }
    out
}

pub fn render(app: &App, screen: Rect, buf: &mut Buffer) {
    let width = screen.width.saturating_sub(2).min(MAX_WIDTH);
    let height = screen.height.saturating_sub(2);
    let area = Rect::new(
        screen.x + (screen.width - width) / 2,
        screen.y + (screen.height - height) / 2,
        width,
        height,
    );
    Clear.render(area, buf);
    let inner = area.inner(Margin::new(2, 1));
    let room = usize::from(inner.width);
    let lines = rows(app, room);
    let visible = usize::from(inner.height);
    let offset = app
        .help
        .unwrap_or(0)
        .min(lines.len().saturating_sub(visible));
    let position = format!(
        " {}–{} of {} ",
        offset + 1,
        (offset + visible).min(lines.len()),
        lines.len()
    );
    pane(app, " Keys and symbols — esc to close ", true)
        .title_bottom(Line::from(position).right_aligned())
        .render(area, buf);
    let theme = &app.theme;
    for (y, (keys, text, heading)) in lines.iter().skip(offset).take(visible).enumerate() {
        let y = inner.y + y as u16;
        if *heading {
            buf.set_stringn(inner.x, y, text, room, theme.style(Role::HelpSection));
            continue;
        }
        buf.set_stringn(inner.x, y, keys, room, theme.style(Role::HelpKey));
        let x = inner.x + KEY_COLUMN.min(room) as u16;
        let desc_room = room.saturating_sub(KEY_COLUMN);
        if desc_room > 0 {
            buf.set_stringn(x, y, text, desc_room, Style::default());
        }
    }
}
