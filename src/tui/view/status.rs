//! The status bar: key hints from the keymap, or the search prompt, or a
//! notice; the search position on the right.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use crate::tui::app::{App, MAX_MATCHES};
use crate::tui::keymap::Command;
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
        let room = usize::from(left_room.saturating_sub(1));
        for (keys, hint) in fitted_hints(app, room) {
            put(&keys, theme.style(Role::StatusKey), buf);
            put(" ", theme.style(Role::Status), buf);
            put(&hint, theme.style(Role::Status), buf);
            put("  ", theme.style(Role::Status), buf);
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

/// The hints that fit in `room` columns, each whole: the focused
/// context's and the global ones (only the overlay's own when help is
/// open), lowest priority number first, shown in keymap order with
/// `? help` last and always.
fn fitted_hints(app: &App, room: usize) -> Vec<(String, String)> {
    let contexts = app.contexts();
    let shown = if app.help.is_some() {
        &contexts[..1]
    } else {
        &contexts[..]
    };
    let mut hints: Vec<(u8, usize, String, String)> = Vec::new();
    let mut help: Option<(String, String)> = None;
    for context in shown {
        for binding in app.keymap.bindings(*context) {
            let (Some(hint), Some(chord)) = (&binding.hint, binding.chords.first()) else {
                continue;
            };
            // "esc back" only where there is somewhere to go back to.
            if binding.command == Command::Close && !app.can_go_back() {
                continue;
            }
            let keys: Vec<String> = chord.iter().map(ToString::to_string).collect();
            let keys = keys.join(" ");
            if binding.command == Command::Help {
                help = Some((keys, hint.clone()));
                continue;
            }
            if hints.iter().any(|(_, _, k, _)| *k == keys) {
                continue;
            }
            hints.push((binding.priority, hints.len(), keys, hint.clone()));
        }
    }
    let width = |keys: &str, hint: &str| wrap::width(keys) + 1 + wrap::width(hint) + 2;
    let mut left = room.saturating_sub(help.as_ref().map_or(0, |(k, h)| width(k, h)));
    let mut by_priority: Vec<&(u8, usize, String, String)> = hints.iter().collect();
    by_priority.sort_by_key(|(priority, order, ..)| (*priority, *order));
    let mut chosen: Vec<usize> = Vec::new();
    for (_, order, keys, hint) in by_priority {
        let w = width(keys, hint);
        if w <= left {
            left -= w;
            chosen.push(*order);
        }
    }
    chosen.sort_unstable();
    let mut out: Vec<(String, String)> = chosen
        .into_iter()
        .map(|k| (hints[k].2.clone(), hints[k].3.clone()))
        .collect();
    out.extend(help);
    out
}

/// Where the user is and what is marked: `change 5/38 · L 002 · R 003`,
/// then the search position.
fn right_text(app: &App) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(position) = app.position() {
        parts.push(position);
    }
    if let Some(marks) = app.marks_label() {
        parts.push(marks);
    }
    if let Some(search) = search_text(app) {
        parts.push(search);
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("{} ", parts.join(" · "))
    }
}

fn search_text(app: &App) -> Option<String> {
    if app.notices.len() > 1 {
        return Some(format!("(+{} more)", app.notices.len() - 1));
    }
    if !app.pending.is_empty() {
        let keys: Vec<String> = app.pending.iter().map(ToString::to_string).collect();
        return Some(format!("{} …", keys.join(" ")));
    }
    let search = app.search.as_ref()?;
    if search.query.is_empty() {
        return None;
    }
    let total = if search.capped {
        format!("{MAX_MATCHES}+")
    } else {
        search.matches.len().to_string()
    };
    Some(match search.current {
        _ if search.matches.is_empty() => "no match".to_owned(),
        Some(i) => format!("match {}/{}", i + 1, total),
        None => format!("{total} matches"),
    })
}
