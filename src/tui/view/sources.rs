//! The source list: two rows per article, title then details.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;

use super::{fill, pane};
use crate::export::text::{compact_count, truncate};
use crate::tui::app::{App, Focus};
use crate::tui::theme::Role;

/// A story's name in the list: A, B, …, Z, then AA, AB, ….
pub fn story_letter(story: usize) -> String {
    let letter = |k: usize| char::from(b'A' + (k % 26) as u8);
    if story < 26 {
        letter(story).to_string()
    } else {
        format!("{}{}", letter(story / 26 - 1), letter(story))
    }
}

/// Widest label in the list, in columns: the title needs the rest.
const MAX_LABEL_COLUMNS: usize = 18;

pub fn render(app: &App, area: Rect, inner: Rect, buf: &mut Buffer) {
    let focused = app.focus == Focus::Sources && app.help.is_none();
    let title = if let (true, Some((ratio, _))) = (app.stories.grouped, app.grouping_progress()) {
        // Short enough for the narrowest list (22 columns inside).
        format!(" Grouping stories {:.0}% ", ratio * 100.0)
    } else if app.stories.grouped {
        let stories = app.stories.map.as_ref().map_or(0, |m| m.stories.len());
        format!(" Sources ({}) · {stories} stories ", app.articles.len())
    } else {
        format!(" Sources ({}) ", app.articles.len())
    };
    let mut block = pane(app, title, focused);
    let capacity = app.list_capacity();
    if app.articles.len() > capacity {
        let last = (app.list_offset + capacity).min(app.articles.len());
        block = block.title_bottom(
            Line::from(format!(
                " {}–{} of {} ",
                app.list_offset + 1,
                last,
                app.articles.len()
            ))
            .right_aligned(),
        );
    }
    block.render(area, buf);
    let theme = &app.theme;
    let width = usize::from(inner.width);
    let order = app.list_order();
    for (slot, &index) in order
        .iter()
        .skip(app.list_offset)
        .take(capacity)
        .enumerate()
    {
        let article = &app.articles[index];
        let y = inner.y + (slot as u16) * 2;
        let title_style = if index == app.open {
            theme.style(Role::ListOpen)
        } else {
            theme.style(Role::ListTitle)
        };
        // The open article has a dot; marked ones carry L or R.
        if index == app.open {
            buf.set_stringn(inner.x, y, "●", width, title_style);
        }
        let mark = if app.marks.left == Some(index) {
            "L"
        } else if app.marks.right == Some(index) {
            "R"
        } else {
            ""
        };
        if !mark.is_empty() && width > 1 {
            buf.set_stringn(inner.x + 1, y, mark, 1, theme.style(Role::ListMark));
        }
        // Grouped by story: each story's letter under the dot.
        if app.stories.grouped
            && let Some(story) = app.story_of(index)
            && y + 1 < inner.bottom()
        {
            let letter = story_letter(story);
            buf.set_stringn(inner.x, y + 1, &letter, 2, theme.style(Role::FactKind));
        }
        // The label first (what tells the article apart), then the title in
        // what is left.
        let room = width.saturating_sub(3);
        let label = truncate(&article.label, room.min(MAX_LABEL_COLUMNS));
        let label_width = crate::wrap::width(&label);
        buf.set_stringn(
            inner.x + 3,
            y,
            &label,
            room,
            title_style.add_modifier(ratatui::style::Modifier::BOLD),
        );
        let title_room = room.saturating_sub(label_width + 1);
        if title_room > 1 && article.display_title() != article.label {
            let title = truncate(article.display_title(), title_room);
            let x = inner.x + 3 + label_width as u16 + 1;
            buf.set_stringn(x, y, &title, title_room, title_style);
        }

        // The id as a REF names it, then the date, the outlet, the size.
        let meta = &article.meta;
        // The reference, unless the label above already is it.
        let reference = app.reference(index);
        let mut details: Vec<String> = Vec::new();
        if reference != article.label {
            details.push(reference.to_owned());
        }
        details.extend(meta.date.clone());
        details.extend(
            meta.outlet
                .clone()
                .filter(|outlet| *outlet != article.label),
        );
        details.push(format!("{} w", compact_count(article.word_count())));
        let marks: String = article.notices.iter().map(|n| n.mark()).collect();
        let marks_width = if marks.is_empty() {
            0
        } else {
            marks.chars().count() + 1
        };
        let detail_room = width.saturating_sub(3 + marks_width);
        let detail = truncate(&details.join(" · "), detail_room);
        if y + 1 < inner.bottom() {
            buf.set_stringn(
                inner.x + 3,
                y + 1,
                &detail,
                detail_room,
                theme.style(Role::ListDetail),
            );
            if !marks.is_empty() {
                let x = inner.right().saturating_sub(marks.chars().count() as u16);
                buf.set_stringn(x, y + 1, &marks, marks_width, theme.style(Role::NoticeMark));
            }
        }
        if index == app.selected {
            let rows = if y + 1 < inner.bottom() { 2 } else { 1 };
            fill(
                buf,
                Rect::new(inner.x, y, inner.width, rows),
                theme.style(Role::ListSelected),
            );
        }
    }
    if app.articles.is_empty() {
        buf.set_stringn(
            inner.x,
            inner.y,
            "No articles.",
            width,
            theme.style(Role::ListDetail),
        );
    }
}
