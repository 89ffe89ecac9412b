//! The status bar: key hints from the keymap, or the search prompt, or a
//! notice; the search position on the right.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use crate::tui::app::{App, MAX_MATCHES};
use crate::tui::theme::Role;
use crate::wrap;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    buf.set_style(area, theme.style(Role::Status));
    let right = right_text(app);
    let right_width = wrap::width(&right) as u16;
    let left_room = area.width.saturating_sub(right_width + 1);

    let mut x = area.x;
    let mut put = |text: &str, style: Style, buf: &mut Buffer| {
        let room = usize::from((area.x + left_room).saturating_sub(x));
        if room == 0 {
            return;
        }
        let (end, _) = buf.set_stringn(x, area.y, text, room, style);
        x = end;
    };

    if let Some(notice) = app.notices.first() {
        put("⚠ ", theme.style(Role::StatusNotice), buf);
        put(notice, theme.style(Role::StatusNotice), buf);
    } else if let Some(search) = app.search.as_ref().filter(|s| s.editing) {
        put("/", theme.style(Role::StatusPrompt), buf);
        put(&search.query, theme.style(Role::StatusPrompt), buf);
        put("▏", theme.style(Role::StatusKey), buf);
    } else {
        put(" ", theme.style(Role::Status), buf);
        // The focused context's hints; the global ones only when no overlay
        // or prompt has taken over the keys.
        let contexts = app.contexts();
        let shown = if app.help.is_some() {
            &contexts[..1]
        } else {
            &contexts[..]
        };
        for context in shown {
            for binding in app.keymap.bindings(*context) {
                let (Some(hint), Some(chord)) = (&binding.hint, binding.chords.first()) else {
                    continue;
                };
                let keys: Vec<String> = chord.iter().map(ToString::to_string).collect();
                put(&keys.join(" "), theme.style(Role::StatusKey), buf);
                put(" ", theme.style(Role::Status), buf);
                put(hint, theme.style(Role::Status), buf);
                put("  ", theme.style(Role::Status), buf);
            }
        }
    }
    if !right.is_empty() {
        let x = area.right().saturating_sub(right_width);
        buf.set_stringn(
            x,
            area.y,
            &right,
            usize::from(right_width),
            theme.style(Role::StatusKey),
        );
    }
}

fn right_text(app: &App) -> String {
    if app.notices.len() > 1 {
        return format!("(+{} more) ", app.notices.len() - 1);
    }
    if !app.pending.is_empty() {
        let keys: Vec<String> = app.pending.iter().map(ToString::to_string).collect();
        return format!("{} … ", keys.join(" "));
    }
    let Some(search) = &app.search else {
        return String::new();
    };
    if search.query.is_empty() {
        return String::new();
    }
    let total = if search.capped {
        format!("{MAX_MATCHES}+")
    } else {
        search.matches.len().to_string()
    };
    match search.current {
        _ if search.matches.is_empty() => "no match ".to_owned(),
        Some(i) => format!("match {}/{} ", i + 1, total),
        None => format!("{total} matches "),
    }
}
