//! The collation view's state: the base, the collation asked for and
//! received, the current row and the version chosen in it.

use crate::compare::collate::Collation;
use crate::tui::keymap::Command;
use crate::tui::layout::Mode;
use crate::tui::worker::Request;

use super::{App, Focus, diff, set_mode};

/// Rows a page of the collation moves.
const PAGE_ROWS: usize = 10;

#[derive(Debug)]
pub struct CollateView {
    /// The base article.
    pub base: usize,
    /// The versions asked for (the marked one), or `None` for the base's
    /// story.
    pub asked: Option<Vec<usize>>,
    pub collation: Option<Collation>,
    pub computing: Option<u64>,
    /// The row at the top of the view.
    pub row: usize,
    /// The chosen cell of the current row.
    pub cell: usize,
}

/// Shows the collation of the marked pair (left as the base), or else of
/// the story of the article in the reader, asking for it when that
/// changed.
pub(super) fn show(app: &mut App) {
    let (base, versions) = match (app.marks.left, app.marks.right) {
        (Some(left), Some(right)) => (left, Some(vec![right])),
        _ => (app.open, None),
    };
    set_mode(app, Mode::Collate);
    app.focus = Focus::Collate;
    if app
        .collate
        .as_ref()
        .is_some_and(|c| c.base == base && c.asked == versions)
    {
        return;
    }
    let job = app.job();
    app.collate = Some(CollateView {
        base,
        asked: versions.clone(),
        collation: None,
        computing: Some(job),
        row: 0,
        cell: 0,
    });
    app.requests.push(Request::Collate {
        job,
        articles: app.articles.clone(),
        base,
        versions,
    });
}

pub(super) fn receive(app: &mut App, job: u64, collation: Collation) {
    if let Some(view) = app.collate.as_mut().filter(|v| v.computing == Some(job)) {
        view.computing = None;
        view.collation = Some(collation);
    }
}

pub(super) fn command(app: &mut App, command: Command) {
    let Some(view) = app.collate.as_mut() else {
        if command == Command::Back {
            app.focus = Focus::Sources;
        }
        return;
    };
    let Some(collation) = view.collation.as_ref() else {
        return;
    };
    let last = collation.rows.len().saturating_sub(1);
    let cells = collation
        .rows
        .get(view.row)
        .map_or(0, |r| r.choosable().count());
    let before = view.row;
    match command {
        Command::Down => view.row = (view.row + 1).min(last),
        Command::Up => view.row = view.row.saturating_sub(1),
        Command::Top => view.row = 0,
        Command::Bottom => view.row = last,
        Command::PageDown | Command::HalfDown => view.row = (view.row + PAGE_ROWS).min(last),
        Command::PageUp | Command::HalfUp => view.row = view.row.saturating_sub(PAGE_ROWS),
        Command::NextVersion if cells > 0 => view.cell = (view.cell + 1) % cells,
        Command::PrevVersion if cells > 0 => view.cell = (view.cell + cells - 1) % cells,
        Command::Diff => {
            let chosen = collation.rows.get(view.row).and_then(|row| {
                let cell = row.choosable().nth(view.cell)?;
                let sentence = row.base.or_else(|| cell.base_sentences.first().copied());
                Some((collation.versions[cell.version], sentence))
            });
            let base = view.base;
            match chosen {
                Some((version, sentence)) => {
                    diff::start_at(app, base, version, sentence.unwrap_or(0));
                    set_mode(app, Mode::Compare);
                    app.focus = Focus::Diff;
                }
                None => app.notices.push("no version at this sentence".to_owned()),
            }
            return;
        }
        Command::Back => super::back_to_list(app),
        _ => {}
    }
    if let Some(view) = app.collate.as_mut()
        && view.row != before
    {
        view.cell = 0;
    }
}
