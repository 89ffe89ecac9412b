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

/// The help's lines: a heading per context, then `keys  description`.
fn lines(app: &App) -> Vec<(String, String)> {
    let mut out = Vec::new();
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

pub fn render(app: &App, screen: Rect, buf: &mut Buffer) {
    let width = screen.width.saturating_sub(4).min(80);
    let height = screen.height.saturating_sub(2);
    let area = Rect::new(
        screen.x + (screen.width - width) / 2,
        screen.y + (screen.height - height) / 2,
        width,
        height,
    );
    Clear.render(area, buf);
    let lines = lines(app);
    let inner = area.inner(Margin::new(2, 1));
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
    pane(app, " Keys — esc to close ", true)
        .title_bottom(Line::from(position).right_aligned())
        .render(area, buf);
    let theme = &app.theme;
    let room = usize::from(inner.width);
    for (y, (keys, desc)) in lines.iter().skip(offset).take(visible).enumerate() {
        let y = inner.y + y as u16;
        if keys.is_empty() {
            buf.set_stringn(inner.x, y, desc, room, theme.style(Role::HelpSection));
            continue;
        }
        let keys = truncate(keys, KEY_COLUMN - 1);
        buf.set_stringn(inner.x, y, &keys, room, theme.style(Role::HelpKey));
        let x = inner.x + KEY_COLUMN.min(room) as u16;
        let desc_room = room.saturating_sub(KEY_COLUMN);
        if desc_room > 0 && wrap::width(desc) > 0 {
            buf.set_stringn(x, y, truncate(desc, desc_room), desc_room, Style::default());
        }
    }
}
