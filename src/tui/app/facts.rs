//! The facts pane's state: the ledger asked for and received, the filters,
//! the selected fact and mention, and the jumps to a mention's sentence.

use crate::compare::facts::{Fact, FactKind, Ledger, Mention};
use crate::tui::keymap::Command;
use crate::tui::layout::Mode;
use crate::tui::worker::Request;

use super::{App, Focus, Highlight, diff, open, set_mode};

#[derive(Debug, Default)]
pub struct FactsView {
    pub ledger: Option<Ledger>,
    /// The job being computed, if any.
    pub computing: Option<u64>,
    /// Index of the selected fact among those the filters let through.
    pub selected: usize,
    /// The first fact shown.
    pub top: usize,
    /// The selected mention of the selected fact.
    pub mention: usize,
    pub conflicts_only: bool,
    pub kind: Option<FactKind>,
}

impl FactsView {
    /// The facts the filters let through, in ledger order.
    pub fn shown(&self) -> Vec<&Fact> {
        self.ledger.as_ref().map_or_else(Vec::new, |ledger| {
            ledger
                .facts
                .iter()
                .filter(|f| !self.conflicts_only || f.conflict)
                .filter(|f| self.kind.is_none_or(|k| f.kind == k))
                .collect()
        })
    }

    pub fn selected_fact(&self) -> Option<&Fact> {
        self.shown().get(self.selected).copied()
    }

    pub fn selected_mention(&self) -> Option<&Mention> {
        self.selected_fact()?.mentions.get(self.mention)
    }
}

/// Rows of the facts pane given to the table (a header row, then one row
/// per fact); the rest shows the selected fact's mentions.
pub fn table_rows(inner_height: u16) -> u16 {
    (inner_height * 3 / 5).max(3)
}

impl App {
    /// Facts the facts pane shows at once.
    pub fn facts_capacity(&self) -> usize {
        self.panes().map_or(1, |p| {
            usize::from(table_rows(p.main_inner().height).saturating_sub(1)).max(1)
        })
    }
}

/// Shows the facts pane, asking for the ledger the first time.
pub(super) fn show(app: &mut App) {
    set_mode(app, Mode::Facts);
    app.focus = Focus::Facts;
    if app.facts.ledger.is_none() && app.facts.computing.is_none() {
        let job = app.job();
        app.facts.computing = Some(job);
        app.requests.push(Request::Facts {
            job,
            articles: app.articles.clone(),
        });
    }
}

pub(super) fn receive(app: &mut App, job: u64, ledger: Ledger) {
    if app.facts.computing == Some(job) {
        app.facts.computing = None;
        app.facts.ledger = Some(ledger);
        app.facts.selected = 0;
        app.facts.mention = 0;
    }
}

pub(super) fn command(app: &mut App, command: Command) {
    let count = app.facts.shown().len();
    let page = app.facts_capacity();
    let view = &mut app.facts;
    let last = count.saturating_sub(1);
    let before = view.selected;
    match command {
        Command::Down => view.selected = (view.selected + 1).min(last),
        Command::Up => view.selected = view.selected.saturating_sub(1),
        Command::Top => view.selected = 0,
        Command::Bottom => view.selected = last,
        Command::PageDown | Command::HalfDown => view.selected = (view.selected + page).min(last),
        Command::PageUp | Command::HalfUp => view.selected = view.selected.saturating_sub(page),
        Command::NextMention | Command::PrevMention => {
            let mentions = view.selected_fact().map_or(0, |f| f.mentions.len());
            if mentions > 0 {
                view.mention = if command == Command::NextMention {
                    (view.mention + 1) % mentions
                } else {
                    (view.mention + mentions - 1) % mentions
                };
            }
        }
        Command::ToggleConflicts => {
            view.conflicts_only = !view.conflicts_only;
            view.selected = 0;
            view.top = 0;
        }
        Command::CycleKind => {
            let kinds = FactKind::ALL;
            view.kind = match view.kind {
                None => Some(kinds[0]),
                Some(k) => kinds
                    .iter()
                    .position(|&x| x == k)
                    .and_then(|i| kinds.get(i + 1))
                    .copied(),
            };
            view.selected = 0;
            view.top = 0;
        }
        Command::Open => jump_to_reader(app),
        Command::Diff => jump_to_diff(app),
        Command::Back => app.focus = Focus::Sources,
        _ => {}
    }
    let view = &mut app.facts;
    if view.selected != before {
        view.mention = 0;
    }
    if view.selected < view.top {
        view.top = view.selected;
    } else if view.selected >= view.top + page {
        view.top = view.selected + 1 - page;
    }
}

/// Opens the selected mention's article in the reader, its sentence
/// highlighted and in view.
fn jump_to_reader(app: &mut App) {
    let Some(mention) = app.facts.selected_mention().cloned() else {
        return;
    };
    let article = &app.articles[mention.article];
    let Some(sentence) = article.sentences.get(mention.sentence) else {
        return;
    };
    let paragraph = sentence.paragraph;
    let sentence_range = sentence.range.clone();
    let start = (sentence_range.start + mention.span.start).min(sentence_range.end);
    let end = (sentence_range.start + mention.span.end).min(sentence_range.end);
    open(app, mention.article);
    app.selected = mention.article;
    app.highlight = Some(Highlight {
        article: mention.article,
        paragraph,
        sentence: sentence_range.clone(),
        mention: start..end,
    });
    set_mode(app, Mode::Reader);
    app.focus = Focus::Reader;
    if let Some(layout) = app.reader_layout() {
        let row = layout.row_of(paragraph, sentence_range.start);
        let height = app.reader_height();
        app.reader_top = row.saturating_sub(height / 3).min(layout.max_top(height));
    }
    app.ensure_selected_visible();
}

/// Diffs the first version that states the fact against the selected
/// mention's version, at the mention's sentence.
fn jump_to_diff(app: &mut App) {
    let Some(fact) = app.facts.selected_fact() else {
        return;
    };
    let Some(mention) = fact.mentions.get(app.facts.mention) else {
        return;
    };
    let Some(first) = fact.mentions.iter().find(|m| m.article != mention.article) else {
        app.notices
            .push("this fact is stated by one version only".to_owned());
        return;
    };
    let (left, right, sentence) = (first.article, mention.article, first.sentence);
    diff::start_at(app, left, right, sentence);
    set_mode(app, Mode::Compare);
    app.focus = Focus::Diff;
}
