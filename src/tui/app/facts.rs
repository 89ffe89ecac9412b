//! The facts pane's state: the ledger asked for and received, the filters,
//! the selected fact and mention, and the jumps to a mention's sentence.

use crate::compare::facts::{Fact, FactKind, Ledger, Mention};
use crate::export::ledger;
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

/// Rows of the facts pane given to the table (a header row, then the
/// facts' rows); the rest shows the selected fact's `mentions` under a
/// rule, each on a row at least, and never less than a fifth of the pane
/// nor more than two fifths.
pub fn table_rows(inner_height: u16, mentions: usize) -> u16 {
    let detail = u16::try_from(mentions + 1)
        .unwrap_or(u16::MAX)
        .clamp(inner_height / 5, inner_height * 2 / 5);
    inner_height.saturating_sub(detail).max(3)
}

/// Narrowest pane that shows the kind column; below it the label says
/// enough (`age of…`, `sum ·…`).
const KIND_FROM_COLUMNS: usize = 90;

/// The facts table's columns in a pane `width` columns wide: the mark
/// (`≠ `), the kind (0 when hidden), the label and the room for values,
/// which wrap onto more rows (see [`ledger::value_lines`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FactColumns {
    pub kind: usize,
    pub label: usize,
    pub values: usize,
}

/// Columns of the `≠ ` mark.
pub const MARK_COLUMNS: usize = 2;

impl FactColumns {
    pub fn fit(ledger: &Ledger, width: usize) -> FactColumns {
        let kind = if width >= KIND_FROM_COLUMNS {
            ledger::KIND_COLUMNS
        } else {
            0
        };
        let label = ledger::label_columns(ledger, width - kind.min(width));
        let values = width.saturating_sub(MARK_COLUMNS + kind + label).max(8);
        FactColumns {
            kind,
            label,
            values,
        }
    }

    /// Rows a fact takes: its value lines and its quote changes.
    pub fn rows(&self, ledger: &Ledger, fact: &Fact) -> usize {
        ledger::value_lines(fact, &ledger.labels, self.values).len() + fact.quote_changes.len()
    }
}

impl App {
    /// Facts the facts pane shows at once, at the least (a page).
    pub fn facts_capacity(&self) -> usize {
        let mentions = self.facts.selected_fact().map_or(0, |f| f.mentions.len());
        self.panes().map_or(1, |p| {
            usize::from(table_rows(p.main_inner().height, mentions).saturating_sub(1)).max(1)
        })
    }

    /// The table's columns at the current size.
    pub fn fact_columns(&self) -> Option<FactColumns> {
        let ledger = self.facts.ledger.as_ref()?;
        let width = usize::from(self.panes()?.main_inner().width);
        Some(FactColumns::fit(ledger, width))
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
        Command::Search => super::search::start(app),
        Command::Diff => jump_to_diff(app),
        Command::Back => super::back_to_list(app),
        _ => {}
    }
    if app.facts.selected != before {
        app.facts.mention = 0;
    }
    keep_selected_in_view(app);
}

/// Selects shown fact `index` and brings it into view.
pub(super) fn select(app: &mut App, index: usize) {
    if index != app.facts.selected {
        app.facts.selected = index;
        app.facts.mention = 0;
    }
    keep_selected_in_view(app);
}

/// Moves the table's top so that every row of the selected fact shows.
fn keep_selected_in_view(app: &mut App) {
    let rows = app.facts_capacity();
    let columns = app.fact_columns();
    let view = &mut app.facts;
    if view.selected < view.top {
        view.top = view.selected;
        return;
    }
    let (Some(ledger), Some(columns)) = (view.ledger.as_ref(), columns) else {
        return;
    };
    let shown = view.shown();
    let height = |k: usize| shown.get(k).map_or(1, |f| columns.rows(ledger, f));
    let mut top = view.top;
    while top < view.selected && (top..=view.selected).map(height).sum::<usize>() > rows {
        top += 1;
    }
    view.top = top;
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
        app.reader_top = layout.top_showing(row, height);
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
