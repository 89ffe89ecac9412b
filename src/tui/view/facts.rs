//! The facts pane: the ledger as a table, conflicts first, one column per
//! article; under it, the selected fact's mentions in their sentences.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{fill, note, pane};
use crate::compare::facts::{Fact, Mention};
use crate::export::ledger::{cell, describe};
use crate::export::text::truncate;
use crate::tui::app::facts::table_rows;
use crate::tui::app::{App, Focus};
use crate::tui::layout::Panes;
use crate::tui::theme::Role;
use crate::wrap;

const MARK: u16 = 2;
const KIND: u16 = 9;

pub fn render(app: &App, panes: &Panes, buf: &mut Buffer) {
    let focused = app.focus == Focus::Facts && app.help.is_none();
    let view = &app.facts;
    let inner = panes.main_inner();
    let title = match &view.ledger {
        Some(ledger) => {
            let conflicts = ledger.facts.iter().filter(|f| f.conflict).count();
            let mut title = format!(
                " Facts · {conflicts} in conflict of {} ",
                ledger.facts.len()
            );
            if view.conflicts_only {
                title.push_str("· conflicts only ");
            }
            if let Some(kind) = view.kind {
                title.push_str(&format!("· {} ", kind.name()));
            }
            title
        }
        None => " Facts ".to_owned(),
    };
    pane(app, title, focused).render(panes.main, buf);
    let Some(ledger) = &view.ledger else {
        let text = format!(
            "Gathering the facts of {} articles in the background; the keys still work.",
            app.articles.len()
        );
        note(app, &text, inner, buf);
        return;
    };
    let shown = view.shown();
    let table_height = table_rows(inner.height).min(inner.height);
    let columns = Columns::fit(inner.width, ledger.articles.len());
    // The header row.
    let header_style = app.theme.style(Role::DiffHeader);
    let mut x = inner.x + MARK;
    let limit = inner.right();
    put(buf, &mut x, limit, inner.y, "KIND", KIND, header_style);
    put(
        buf,
        &mut x,
        limit,
        inner.y,
        "FACT",
        columns.label,
        header_style,
    );
    for label in &ledger.labels {
        put(
            buf,
            &mut x,
            limit,
            inner.y,
            label,
            columns.cell + 1,
            header_style,
        );
    }
    if shown.is_empty() {
        let below_header = Rect {
            y: inner.y + 1,
            height: inner.height.saturating_sub(1),
            ..inner
        };
        let text = "No fact passes the filters (c: conflicts only, t: kind).";
        note(app, text, below_header, buf);
    }
    for (slot, (index, fact)) in shown
        .iter()
        .enumerate()
        .skip(view.top)
        .take(usize::from(table_height.saturating_sub(1)))
        .enumerate()
    {
        let y = inner.y + 1 + slot as u16;
        fact_row(
            app,
            fact,
            ledger.articles.len(),
            &columns,
            Rect::new(inner.x, y, inner.width, 1),
            buf,
        );
        if index == view.selected {
            fill(
                buf,
                Rect::new(inner.x, y, inner.width, 1),
                app.theme.style(Role::ListSelected),
            );
        }
    }
    let detail = Rect::new(
        inner.x,
        inner.y + table_height,
        inner.width,
        inner.height.saturating_sub(table_height),
    );
    if let Some(fact) = shown.get(view.selected) {
        mentions(app, fact, view.mention, detail, buf);
    }
}

/// Widths of the label and of each article's column.
struct Columns {
    label: u16,
    cell: u16,
}

impl Columns {
    fn fit(width: u16, articles: usize) -> Columns {
        let rest = width.saturating_sub(MARK + KIND);
        let label = (rest * 2 / 5).clamp(12.min(rest), 40);
        let per_article = usize::from(rest.saturating_sub(label)) / articles.max(1);
        let cell = u16::try_from(per_article)
            .unwrap_or(u16::MAX)
            .saturating_sub(1)
            .max(3);
        Columns { label, cell }
    }
}

/// Writes `text` cut to `width - 1` columns at `x` (and before `limit`),
/// and moves `x` on.
fn put(buf: &mut Buffer, x: &mut u16, limit: u16, y: u16, text: &str, width: u16, style: Style) {
    let width = width.min(limit.saturating_sub(*x));
    let room = usize::from(width.saturating_sub(1));
    if room > 0 {
        buf.set_stringn(*x, y, truncate(text, room), room, style);
    }
    *x += width;
}

fn fact_row(
    app: &App,
    fact: &Fact,
    articles: usize,
    columns: &Columns,
    area: Rect,
    buf: &mut Buffer,
) {
    let theme = &app.theme;
    let y = area.y;
    if fact.conflict {
        buf.set_stringn(area.x, y, "≠", 1, theme.style(Role::FactConflict));
    }
    let mut x = area.x + MARK;
    let limit = area.right();
    put(
        buf,
        &mut x,
        limit,
        y,
        fact.kind.name(),
        KIND,
        theme.style(Role::FactKind),
    );
    put(
        buf,
        &mut x,
        limit,
        y,
        &fact.label,
        columns.label,
        Style::default(),
    );
    for article in 0..articles {
        let text = cell(fact, article);
        let style = if text.is_empty() {
            theme.style(Role::DiffGutter)
        } else {
            Style::default()
        };
        let shown = if text.is_empty() {
            "·".to_owned()
        } else {
            text
        };
        put(buf, &mut x, limit, y, &shown, columns.cell + 1, style);
    }
}

/// The selected fact's mentions: which article, the value, and the
/// sentence around the mention, the mention itself marked.
fn mentions(app: &App, fact: &Fact, selected: usize, area: Rect, buf: &mut Buffer) {
    if area.height < 2 {
        return;
    }
    let theme = &app.theme;
    let rule = format!("── {} ", fact.label);
    let rule = truncate(&rule, usize::from(area.width));
    let pad = usize::from(area.width).saturating_sub(wrap::width(&rule));
    buf.set_stringn(
        area.x,
        area.y,
        format!("{rule}{}", "─".repeat(pad)),
        usize::from(area.width),
        theme.style(Role::Rule),
    );
    let mut y = area.y + 1;
    for change in &fact.quote_changes {
        if y >= area.bottom() {
            return;
        }
        buf.set_stringn(
            area.x,
            y,
            format!(
                "↳ {}",
                app.facts
                    .ledger
                    .as_ref()
                    .map_or_else(String::new, |ledger| describe(change, ledger))
            ),
            usize::from(area.width),
            theme.style(Role::FactConflict),
        );
        y += 1;
    }
    // Keep the selected mention in view.
    let room = usize::from(area.bottom().saturating_sub(y));
    let first = selected.saturating_sub(room.saturating_sub(1));
    for (index, mention) in fact.mentions.iter().enumerate().skip(first) {
        if y >= area.bottom() {
            break;
        }
        let line = mention_line(app, mention, index == selected, usize::from(area.width));
        buf.set_line(area.x, y, &line, area.width);
        y += 1;
    }
}

fn mention_line<'a>(app: &'a App, mention: &Mention, selected: bool, width: usize) -> Line<'a> {
    let theme = &app.theme;
    let article = &app.articles[mention.article];
    let sentence = article.sentence_text(mention.sentence);
    let pointer = if selected { "▸ " } else { "  " };
    let head = format!(
        "{pointer}{:<4} {:<14} ",
        truncate(&article.label, 4),
        truncate(&mention.value, 14)
    );
    let room = width.saturating_sub(wrap::width(&head));
    // Start the excerpt a little before the mention, at a word.
    let span = mention.span.start.min(sentence.len())..mention.span.end.min(sentence.len());
    let lead = sentence[..span.start]
        .char_indices()
        .rev()
        .filter(|(_, c)| c.is_whitespace())
        .nth(5)
        .map_or(0, |(i, c)| i + c.len_utf8());
    let before = if lead > 0 {
        format!("…{}", &sentence[lead..span.start])
    } else {
        sentence[..span.start].to_owned()
    };
    let before = truncate(&before, room / 2);
    let left = room.saturating_sub(wrap::width(&before));
    let middle = truncate(&sentence[span.clone()], left);
    let after = truncate(
        &sentence[span.end..],
        left.saturating_sub(wrap::width(&middle)),
    );
    let head_style = if selected {
        theme.style(Role::ListSelected)
    } else {
        theme.style(Role::DiffGutter)
    };
    let mention_style = if selected {
        theme.style(Role::SearchCurrent)
    } else {
        theme.style(Role::SearchMatch)
    };
    Line::from(vec![
        Span::styled(head, head_style),
        Span::raw(before),
        Span::styled(middle, mention_style),
        Span::raw(after),
    ])
}
