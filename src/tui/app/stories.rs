//! The similarity matrix and the stories: asked for once, shown in the
//! matrix view, and used to group the source list by story.

use std::sync::Arc;

use crate::compare::stories::StoryMap;
use crate::progress::Progress;
use crate::tui::keymap::Command;
use crate::tui::layout::Mode;
use crate::tui::worker::Request;

use super::{App, Focus, set_mode};

#[derive(Debug, Default)]
pub struct StoriesView {
    pub map: Option<StoryMap>,
    pub computing: Option<u64>,
    /// How far the grouping being computed has got.
    pub progress: Option<Arc<Progress>>,
    /// The source list shows the articles story by story.
    pub grouped: bool,
    /// The first article the matrix shows, as row and as column.
    pub top: usize,
}

impl App {
    /// The articles in the order the source list shows them: as loaded,
    /// or story by story.
    pub fn list_order(&self) -> Vec<usize> {
        match &self.stories.map {
            Some(map) if self.stories.grouped => map.stories.iter().flatten().copied().collect(),
            _ => (0..self.articles.len()).collect(),
        }
    }

    /// The grouping's progress while it is computed: the share done, 0–1,
    /// and what it is doing ("judging 1200 of 40000 candidate pairs").
    pub fn grouping_progress(&self) -> Option<(f64, String)> {
        self.stories.computing?;
        let progress = self.stories.progress.as_ref()?;
        Some((progress.ratio(), progress.describe("starting")))
    }

    /// The story (numbered from 0) an article belongs to, when known.
    pub fn story_of(&self, article: usize) -> Option<usize> {
        self.stories
            .map
            .as_ref()?
            .stories
            .iter()
            .position(|s| s.contains(&article))
    }
}

fn request(app: &mut App) {
    if app.stories.map.is_none() && app.stories.computing.is_none() {
        let job = app.job();
        let progress = Arc::new(Progress::default());
        app.stories.computing = Some(job);
        app.stories.progress = Some(progress.clone());
        app.requests.push(Request::Stories {
            job,
            articles: app.articles.clone(),
            progress,
        });
    }
}

/// Shows the matrix view.
pub(super) fn show(app: &mut App) {
    set_mode(app, Mode::Matrix);
    app.focus = Focus::Matrix;
    request(app);
}

/// Groups the source list by story, or stops.
pub(super) fn toggle_grouping(app: &mut App) {
    app.stories.grouped = !app.stories.grouped;
    request(app);
    app.ensure_selected_visible();
}

/// Scrolls the matrix: rows and columns move together, so that the
/// diagonal stays in view.
pub(super) fn command(app: &mut App, command: Command) {
    let last = app.articles.len().saturating_sub(1);
    let top = &mut app.stories.top;
    match command {
        Command::Down => *top = (*top + 1).min(last),
        Command::Up => *top = top.saturating_sub(1),
        Command::PageDown | Command::HalfDown => *top = (*top + 10).min(last),
        Command::PageUp | Command::HalfUp => *top = top.saturating_sub(10),
        Command::Top => *top = 0,
        Command::Bottom => *top = last,
        Command::Back => super::back_to_list(app),
        _ => {}
    }
}

pub(super) fn receive(app: &mut App, job: u64, map: StoryMap) {
    if app.stories.computing == Some(job) {
        app.stories.computing = None;
        app.stories.progress = None;
        app.stories.map = Some(map);
        app.ensure_selected_visible();
    }
}
