//! Drawing: pure functions of `&App` into a buffer. One file per pane.

mod collate;
mod diff;
mod facts;
mod help;
pub mod loading;
mod matrix;
mod reader;
pub(crate) mod sources;
mod status;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Borders, Widget};

use super::app::App;
use super::layout::{self, MIN_HEIGHT, MIN_WIDTH, Mode};
use super::theme::Role;

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let Some(panes) = layout::panes(area, self.mode, self.wide) else {
            too_small(self, area, buf);
            return;
        };
        if let (Some(area), Some(inner)) = (panes.sources, panes.sources_inner()) {
            sources::render(self, area, inner, buf);
        }
        match self.mode {
            Mode::Reader => reader::render(self, &panes, buf),
            Mode::Compare | Mode::FullDiff => diff::render(self, &panes, buf),
            Mode::Facts => facts::render(self, &panes, buf),
            Mode::Collate => collate::render(self, &panes, buf),
            Mode::Matrix => matrix::render(self, &panes, buf),
        }
        status::render(self, panes.status, buf);
        if self.help.is_some() {
            help::render(self, area, buf);
        }
    }
}

/// A bordered pane with a title, highlighted when it has the focus.
fn pane<'a>(app: &App, title: impl Into<Line<'a>>, focused: bool) -> Block<'a> {
    let theme = &app.theme;
    let (border, title_style) = if focused {
        (
            theme.style(Role::BorderFocus),
            theme.style(Role::PaneTitleFocus),
        )
    } else {
        (theme.style(Role::Border), theme.style(Role::PaneTitle))
    };
    Block::default()
        .borders(Borders::ALL)
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Plain
        })
        .border_style(border)
        .title(title.into().style(title_style))
}

fn too_small(app: &App, area: Rect, buf: &mut Buffer) {
    let style = app.theme.style(Role::TooSmall);
    let lines = [
        "Terminal too small".to_owned(),
        format!(
            "{}×{}, need {MIN_WIDTH}×{MIN_HEIGHT}",
            area.width, area.height
        ),
    ];
    let top = area.y + area.height.saturating_sub(lines.len() as u16) / 2;
    for (i, line) in lines.iter().enumerate() {
        let y = top + i as u16;
        if y >= area.bottom() {
            break;
        }
        let width = crate::wrap::width(line) as u16;
        let x = area.x + area.width.saturating_sub(width) / 2;
        buf.set_stringn(x, y, line, usize::from(area.right() - x), style);
    }
}

/// A faint note, wrapped to the area: what a pane is waiting for, or
/// how to fill it.
fn note(app: &App, text: &str, area: Rect, buf: &mut Buffer) {
    let style = app.theme.style(Role::DiffGhost);
    let rows = crate::wrap::wrap(text, usize::from(area.width).max(1));
    for (y, range) in (area.y..area.bottom()).zip(rows) {
        buf.set_stringn(area.x, y, &text[range], usize::from(area.width), style);
    }
}

/// Fills a row with a style (for selections).
fn fill(buf: &mut Buffer, area: Rect, style: Style) {
    buf.set_style(area, style);
}
