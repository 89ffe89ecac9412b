//! The similarity matrix: every pair of articles, the number on a shade
//! whose strength (colour, and a glyph for those without colour) follows
//! the similarity; then the stories the articles form.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Gauge, Widget};

use super::sources::story_letter;
use super::{note, pane};
use crate::compare::stories::Measure;
use crate::export::matrix::{level, shade};
use crate::export::text::truncate;
use crate::tui::app::{App, Focus};
use crate::tui::layout::Panes;
use crate::tui::theme::Role;

/// Columns of one cell: a shade glyph, then `0.65`, then a space.
const CELL: u16 = 6;

pub fn render(app: &App, panes: &Panes, buf: &mut Buffer) {
    let focused = app.focus == Focus::Matrix && app.help.is_none();
    let inner = panes.main_inner();
    pane(app, " Similarity ", focused).render(panes.main, buf);
    let Some(map) = &app.stories.map else {
        let text = format!(
            "Grouping the {} articles into stories in the background; the keys still work.",
            app.articles.len()
        );
        note(app, &text, inner, buf);
        if let Some((ratio, label)) = app.grouping_progress()
            && inner.height > 3
        {
            Gauge::default()
                .gauge_style(app.theme.style(Role::StatusKey))
                .ratio(ratio.clamp(0.0, 1.0))
                .label(label)
                .render(
                    Rect {
                        y: inner.y + 3,
                        height: 1,
                        ..inner
                    },
                    buf,
                );
        }
        return;
    };
    let theme = &app.theme;
    let ids: Vec<&str> = app.articles.iter().map(|a| a.label.as_str()).collect();
    let label = ids
        .iter()
        .map(|id| id.chars().count())
        .max()
        .unwrap_or(3)
        .min(12) as u16
        + 1;
    // Stories that came with the records have no similarities to shade:
    // a line says so, and the stories follow.
    let given = map.measure == Measure::Given;
    if given {
        note(
            app,
            "The stories came with the records (story or cluster); no pair was compared.",
            Rect {
                height: inner.height.min(2),
                ..inner
            },
            buf,
        );
    }
    let columns = if given {
        0
    } else {
        usize::from(inner.width.saturating_sub(label) / CELL)
    };
    let rows = if given {
        0
    } else {
        usize::from(inner.height.saturating_sub(2)).min(ids.len())
    };
    let header = theme.style(Role::DiffHeader);
    // Rows and columns start at the same article, so the diagonal shows.
    let top = app.stories.top.min(ids.len().saturating_sub(1));
    let rows = rows.min(ids.len() - top);
    for (slot, id) in ids.iter().skip(top).take(columns).enumerate() {
        let x = inner.x + label + slot as u16 * CELL;
        buf.set_stringn(
            x + 1,
            inner.y,
            truncate(id, usize::from(CELL - 1)),
            usize::from(CELL - 1),
            header,
        );
    }
    let heat = [Role::Heat1, Role::Heat2, Role::Heat3, Role::Heat4];
    for (slot, i) in (top..top + rows).enumerate() {
        let y = inner.y + 1 + slot as u16;
        buf.set_stringn(
            inner.x,
            y,
            truncate(ids[i], usize::from(label - 1)),
            usize::from(label - 1),
            header,
        );
        for (column, j) in (top..ids.len()).take(columns).enumerate() {
            let x = inner.x + label + column as u16 * CELL;
            let (text, style) = match map.compared(i, j) {
                _ if i == j => ("  —  ".to_owned(), theme.style(Role::DiffGutter)),
                // Never compared: too little in common, or already found
                // to be one story.
                None => ("  ·  ".to_owned(), theme.style(Role::DiffGutter)),
                Some(value) => {
                    let style = match level(value) {
                        0 => Style::default(),
                        k => theme.style(heat[k - 1]),
                    };
                    (format!("{}{value:.2}", shade(value)), style)
                }
            };
            buf.set_stringn(x, y, text, usize::from(CELL - 1), style);
        }
    }
    // The stories, under the matrix.
    let width = usize::from(inner.width);
    let top = inner.y + 2 + rows as u16;
    for (y, (k, story)) in (top..inner.bottom()).zip(map.stories.iter().enumerate()) {
        let names: Vec<&str> = story.iter().map(|&i| ids[i]).collect();
        let title = app.articles[story[0]].display_title();
        let line = format!(
            "{} {}  {}",
            story_letter(k),
            crate::corpus::label::join(&names),
            title
        );
        buf.set_stringn(inner.x, y, truncate(&line, width), width, Style::default());
        buf.set_stringn(inner.x, y, story_letter(k), 2, theme.style(Role::FactKind));
    }
}
