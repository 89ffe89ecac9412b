//! The facts pane: the ledger as a table, conflicts first, each fact with
//! its distinct values and the articles that state each
//! (`36 · 000 003 │ 37 · 001`); under it, the selected fact's mentions,
//! each in its sentence with the mention centred.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{fill, note, pane};
use crate::compare::facts::{Fact, FactKind, Ledger, Mention};
use crate::export::ledger::{ARTICLES_AFTER, VALUE_SEPARATOR, ValuePiece, describe, value_lines};
use crate::export::text::{truncate, truncate_start};
use crate::tui::app::facts::{FactColumns, MARK_COLUMNS, table_rows};
use crate::tui::app::{App, Focus};
use crate::tui::layout::Panes;
use crate::tui::theme::{Role, Theme};
use crate::wrap;

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
    let mention_count = shown.get(view.selected).map_or(0, |f| f.mentions.len());
    let table_height = table_rows(inner.height, mention_count).min(inner.height);
    let columns = FactColumns::fit(ledger, usize::from(inner.width));
    header(app, &columns, inner, buf);
    if shown.is_empty() {
        let below_header = Rect {
            y: inner.y + 1,
            height: inner.height.saturating_sub(1),
            ..inner
        };
        let text = "No fact passes the filters (c: conflicts only, t: kind).";
        note(app, text, below_header, buf);
    }
    let table = Rect::new(
        inner.x,
        inner.y + 1,
        inner.width,
        table_height.saturating_sub(1),
    );
    let mut y = table.y;
    for (index, fact) in shown.iter().enumerate().skip(view.top) {
        if y >= table.bottom() {
            break;
        }
        let area = Rect::new(table.x, y, table.width, table.bottom() - y);
        let rows = fact_rows(app, ledger, fact, &columns, area, buf);
        if index == view.selected {
            fill(
                buf,
                Rect::new(area.x, y, area.width, rows.min(area.height)),
                app.theme.style(Role::ListSelected),
            );
        }
        y += rows;
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

fn header(app: &App, columns: &FactColumns, inner: Rect, buf: &mut Buffer) {
    let style = app.theme.style(Role::DiffHeader);
    let mut x = inner.x + MARK_COLUMNS as u16;
    if columns.kind > 0 {
        put(
            buf,
            &mut x,
            inner.right(),
            inner.y,
            "KIND",
            columns.kind,
            style,
        );
    }
    put(
        buf,
        &mut x,
        inner.right(),
        inner.y,
        "FACT",
        columns.label,
        style,
    );
    put(
        buf,
        &mut x,
        inner.right(),
        inner.y,
        "VALUES · ARTICLES",
        columns.values,
        style,
    );
}

/// Writes `text` cut to `width - 1` columns at `x` (and before `limit`),
/// and moves `x` on.
fn put(buf: &mut Buffer, x: &mut u16, limit: u16, y: u16, text: &str, width: usize, style: Style) {
    let width = u16::try_from(width)
        .unwrap_or(u16::MAX)
        .min(limit.saturating_sub(*x));
    let room = usize::from(width.saturating_sub(1));
    if room > 0 {
        buf.set_stringn(*x, y, truncate(text, room), room, style);
    }
    *x += width;
}

/// Draws one fact (its value lines, then its quote changes) from the top
/// of `area`; returns the rows it takes.
fn fact_rows(
    app: &App,
    ledger: &Ledger,
    fact: &Fact,
    columns: &FactColumns,
    area: Rect,
    buf: &mut Buffer,
) -> u16 {
    let theme = &app.theme;
    let y = area.y;
    if fact.conflict {
        buf.set_stringn(area.x, y, "≠", 1, theme.style(Role::FactConflict));
    }
    let mut x = area.x + MARK_COLUMNS as u16;
    let limit = area.right();
    if columns.kind > 0 {
        put(
            buf,
            &mut x,
            limit,
            y,
            fact.kind.name(),
            columns.kind,
            theme.style(Role::FactKind),
        );
    }
    put(
        buf,
        &mut x,
        limit,
        y,
        &fact.label,
        columns.label,
        Style::default(),
    );
    let mut row = 0u16;
    for (k, pieces) in value_lines(fact, &ledger.labels, columns.values)
        .iter()
        .enumerate()
    {
        if row >= area.height {
            return row;
        }
        let lead = if k == 0 {
            ""
        } else {
            VALUE_SEPARATOR.trim_start()
        };
        let line = value_line(theme, lead, pieces);
        buf.set_line(x, y + row, &line, limit.saturating_sub(x));
        row += 1;
    }
    for change in &fact.quote_changes {
        if row >= area.height {
            return row;
        }
        let text = format!("↳ {}", describe(change, ledger));
        let indent = area.x + MARK_COLUMNS as u16 + columns.kind as u16;
        buf.set_stringn(
            indent,
            y + row,
            text,
            usize::from(limit.saturating_sub(indent)),
            theme.style(Role::FactConflict),
        );
        row += 1;
    }
    row
}

/// One line of values: each value as written, then (dimmed) the articles
/// that state it, the values apart by `│`.
fn value_line<'a>(theme: &Theme, lead: &'a str, pieces: &[ValuePiece]) -> Line<'a> {
    let dim = theme.style(Role::DiffGutter);
    let mut spans = vec![Span::styled(lead, dim)];
    for (k, piece) in pieces.iter().enumerate() {
        if k > 0 {
            spans.push(Span::styled(VALUE_SEPARATOR, dim));
        }
        spans.push(Span::raw(piece.value.clone()));
        spans.push(Span::styled(
            format!("{ARTICLES_AFTER}{}", piece.articles),
            dim,
        ));
    }
    Line::from(spans)
}

/// Widest article label in the mentions' column.
const MAX_LABEL_COLUMNS: usize = 18;

/// Widest value in the mentions' column.
const MAX_VALUE_COLUMNS: usize = 16;

/// The selected fact's mentions: which article, the value as read, and
/// the sentence, the mention marked. Whole sentences, wrapped, where they
/// all fit; else one row each, the mention centred.
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
    let label_columns = fact
        .mentions
        .iter()
        .map(|m| wrap::width(&app.articles[m.article].label))
        .max()
        .unwrap_or(4)
        .min(MAX_LABEL_COLUMNS);
    let value_columns = if shows_reading(fact.kind) && area.width >= 60 {
        fact.mentions
            .iter()
            .map(|m| wrap::width(&m.value))
            .max()
            .unwrap_or(4)
            .min(MAX_VALUE_COLUMNS)
    } else {
        0
    };
    let columns = (label_columns, value_columns);
    let rows = usize::from(area.height - 1);
    let width = usize::from(area.width);
    let blocks: Vec<Vec<Line>> = fact
        .mentions
        .iter()
        .enumerate()
        .map(|(index, m)| mention_lines(app, m, index == selected, columns, width, false))
        .collect();
    let whole = blocks.iter().map(Vec::len).sum::<usize>() <= rows;
    let mut y = area.y + 1;
    if whole {
        for line in blocks.iter().flatten() {
            buf.set_line(area.x, y, line, area.width);
            y += 1;
        }
        return;
    }
    // Keep the selected mention in view.
    let first = selected.saturating_sub(rows.saturating_sub(1));
    for (index, mention) in fact.mentions.iter().enumerate().skip(first) {
        if y >= area.bottom() {
            break;
        }
        let lines = mention_lines(app, mention, index == selected, columns, width, true);
        if let Some(line) = lines.first() {
            buf.set_line(area.x, y, line, area.width);
        }
        y += 1;
    }
}

/// Kinds whose value as read says more than the words do: a date resolved
/// to its year, a time in UTC, a measure in metric units. Others read as
/// they are written.
fn shows_reading(kind: FactKind) -> bool {
    matches!(kind, FactKind::Date | FactKind::Time | FactKind::Measure)
}

fn padded(text: &str, columns: usize) -> String {
    let text = truncate(text, columns);
    let width = wrap::width(&text);
    format!("{text}{}", " ".repeat(columns.saturating_sub(width)))
}

/// A mention: `▸ label  value  sentence`, the mention marked. With
/// `one_row`, the sentence is cut to one row around the mention, centred,
/// and never cut inside it unless it alone is wider; without, the whole
/// sentence wraps under itself.
fn mention_lines<'a>(
    app: &'a App,
    mention: &Mention,
    selected: bool,
    (label_columns, value_columns): (usize, usize),
    width: usize,
    one_row: bool,
) -> Vec<Line<'a>> {
    let theme = &app.theme;
    let article = &app.articles[mention.article];
    let sentence = article.sentence_text(mention.sentence);
    let pointer = if selected { "▸ " } else { "  " };
    let mut head = format!("{pointer}{} ", padded(&article.label, label_columns));
    // The value as read (a resolved date, a time in UTC, a converted
    // measure), where there is room for it beside the sentence.
    if value_columns > 0 {
        head.push_str(&padded(&mention.value, value_columns));
        head.push(' ');
    }
    let head_width = wrap::width(&head);
    let room = width.saturating_sub(head_width);
    let start = sentence.floor_char_boundary(mention.span.start.min(sentence.len()));
    let end = sentence.ceil_char_boundary(mention.span.end.clamp(start, sentence.len()));
    let head_style = if selected {
        theme.style(Role::ListSelected)
    } else {
        theme.style(Role::DiffGutter)
    };
    let mut mention_style = if selected {
        theme.style(Role::SearchCurrent)
    } else {
        theme.style(Role::SearchMatch)
    };
    if mention.cut_off {
        mention_style = mention_style.patch(theme.style(Role::NoticeMark));
    }
    let cut = if mention.cut_off { "✂" } else { "" };
    if one_row || room < 8 {
        let (before, middle, after) = centred(sentence, start..end, room);
        return vec![Line::from(vec![
            Span::styled(head, head_style),
            Span::raw(before),
            Span::styled(format!("{middle}{cut}"), mention_style),
            Span::raw(after),
        ])];
    }
    // The whole sentence, wrapped; each row's part of the mention marked.
    let indent = " ".repeat(head_width);
    wrap::wrap(sentence, room)
        .into_iter()
        .enumerate()
        .map(|(k, row)| {
            let lead = if k == 0 {
                Span::styled(head.clone(), head_style)
            } else {
                Span::raw(indent.clone())
            };
            let mut spans = vec![lead];
            let marked = row.start.max(start)..row.end.min(end);
            if marked.start < marked.end {
                spans.push(Span::raw(sentence[row.start..marked.start].to_owned()));
                let mut text = sentence[marked.clone()].to_owned();
                if marked.end == end {
                    text.push_str(cut);
                }
                spans.push(Span::styled(text, mention_style));
                spans.push(Span::raw(sentence[marked.end..row.end].to_owned()));
            } else {
                spans.push(Span::raw(sentence[row].to_owned()));
            }
            Line::from(spans)
        })
        .collect()
}

/// The text before, of and after `span` in `sentence`, fitted to `room`
/// columns with the span in the middle: each side gets half of what the
/// span leaves, and what one side does not need goes to the other. The
/// span is cut only when it alone is wider than `room`.
fn centred(sentence: &str, span: std::ops::Range<usize>, room: usize) -> (String, String, String) {
    let middle = &sentence[span.clone()];
    let middle_width = wrap::width(middle);
    if middle_width >= room {
        return (String::new(), truncate(middle, room), String::new());
    }
    let before = sentence[..span.start].trim_start();
    let after = sentence[span.end..].trim_end();
    let spare = room - middle_width;
    let (before_width, after_width) = (wrap::width(before), wrap::width(after));
    let half = spare / 2;
    let before_room = if after_width < spare - half {
        spare - after_width
    } else {
        half
    }
    .min(before_width);
    let after_room = (spare - before_room).min(after_width);
    (
        truncate_start(before, before_room),
        middle.to_owned(),
        truncate(after, after_room),
    )
}

#[cfg(test)]
mod tests {
    use super::centred;

    #[test]
    fn the_mention_sits_in_the_middle() {
        let sentence = "Russia sent the actress Yulia Peresild, 36, and the director into orbit.";
        let at = sentence.find("36").unwrap();
        let (before, middle, after) = centred(sentence, at..at + 2, 22);
        assert_eq!(middle, "36");
        assert_eq!(
            (before.as_str(), after.as_str()),
            ("…eresild, ", ", and the…")
        );
        // Near the start, the room goes after.
        let (before, _, after) = centred(sentence, 0..6, 30);
        assert_eq!(
            (before.as_str(), after.as_str()),
            ("", " sent the actress Yulia…")
        );
        // Never cut inside, unless the mention alone is too wide.
        let (_, middle, _) = centred(sentence, 0..sentence.len(), 20);
        assert_eq!(middle, "Russia sent the act…");
    }
}
