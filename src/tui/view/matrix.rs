//! The similarity matrix: every pair of articles, shaded by similarity,
//! and the stories they group into.

use ratatui::buffer::Buffer;
use ratatui::widgets::Widget;

use super::pane;
use crate::tui::app::{App, Focus};
use crate::tui::layout::Panes;

pub fn render(app: &App, panes: &Panes, buf: &mut Buffer) {
    let focused = app.focus == Focus::Matrix && app.help.is_none();
    pane(app, " Similarity ", focused).render(panes.main, buf);
}
