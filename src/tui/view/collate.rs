//! The collation view: from the current base sentence down, each base
//! sentence with every version's wording stacked under it, the words a
//! version drops struck out and those it adds underlined.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{note, pane};
use crate::compare::collate::{Cell, Collation};
use crate::compare::{LinkKind, OpKind};
use crate::export::collation::cell_text;
use crate::export::text::kind_mark;
use crate::tui::app::{App, CollateView, Focus};
use crate::tui::layout::Panes;
use crate::tui::theme::{Role, Theme};
use crate::wrap;

/// Widest column of version labels in the gutter.
const MAX_LABEL_COLUMNS: usize = 12;

pub fn render(app: &App, panes: &Panes, buf: &mut Buffer) {
    let focused = app.focus == Focus::Collate && app.help.is_none();
    let inner = panes.main_inner();
    let Some(view) = &app.collate else {
        pane(app, " Collation ", focused).render(panes.main, buf);
        return;
    };
    let base = &app.articles[view.base];
    let Some(collation) = &view.collation else {
        pane(app, " Collation ", focused).render(panes.main, buf);
        let text = format!(
            "Collating every version against {} in the background; the keys still work.",
            base.label
        );
        note(app, &text, inner, buf);
        return;
    };
    // The current base sentence, numbered as in the gutter (from 0, as in
    // the JSON); on a row of added sentences, the one they follow.
    let last_before = collation.rows[..view.row.min(collation.rows.len())]
        .iter()
        .rev()
        .find_map(|r| r.base);
    let total = base.sentences.len();
    let place = match (
        collation.rows.get(view.row).and_then(|r| r.base),
        last_before,
    ) {
        (Some(i), _) => format!("sentence {i} of {total}"),
        (None, Some(i)) => format!("after sentence {i} of {total}"),
        (None, None) => format!("before sentence 0 of {total}"),
    };
    let title = format!(" Collation · base {} · {place} ", base.label);
    pane(app, title, focused).render(panes.main, buf);
    let mut y = inner.y;
    for (index, row) in collation.rows.iter().enumerate().skip(view.row) {
        if y >= inner.bottom() {
            break;
        }
        let current = index == view.row;
        let mut lines: Vec<Line> = Vec::new();
        match row.base {
            Some(i) => {
                let style = if current {
                    app.theme.style(Role::DiffHeader)
                } else {
                    Style::default()
                };
                let text = base.sentence_text(i);
                let gutter = format!("{i:>5} │ ");
                lines.extend(gutter_lines(&gutter, &[(text, style)], inner.width));
            }
            None => lines.push(Line::styled(
                "      ┆ not in the base",
                app.theme.style(Role::DiffGutter),
            )),
        }
        let missing: Vec<&str> = row
            .cells
            .iter()
            .filter(|c| c.kind == LinkKind::Deleted)
            .map(|c| app.articles[collation.versions[c.version]].label.as_str())
            .collect();
        for (k, cell) in row
            .cells
            .iter()
            .filter(|c| c.kind != LinkKind::Deleted)
            .enumerate()
        {
            let chosen = current && k == view.cell;
            lines.extend(cell_lines(app, collation, cell, chosen, inner.width));
        }
        if !missing.is_empty() {
            let text = format!("        - not in {}", missing.join(", "));
            lines.push(Line::styled(text, app.theme.style(Role::DiffRemoved)));
        }
        lines.push(Line::default());
        for line in lines {
            if y >= inner.bottom() {
                break;
            }
            buf.set_line(inner.x, y, &line, inner.width);
            y += 1;
        }
    }
    chosen_hint(app, view, collation, inner, buf);
}

/// A version's wording at a row: the inline diff for a changed link, the
/// text for an added one, "the same" for an equal one.
fn cell_lines<'a>(
    app: &'a App,
    collation: &Collation,
    cell: &Cell,
    chosen: bool,
    width: u16,
) -> Vec<Line<'a>> {
    let theme = &app.theme;
    let article = &app.articles[collation.versions[cell.version]];
    let pointer = if chosen { "▸" } else { " " };
    let label_width = collation
        .versions
        .iter()
        .map(|&v| wrap::width(&app.articles[v].label))
        .max()
        .unwrap_or(4)
        .clamp(4, MAX_LABEL_COLUMNS);
    let label = crate::export::text::truncate(&article.label, label_width);
    let pad = label_width.saturating_sub(wrap::width(&label));
    let gutter = format!(
        "{pointer}{label}{} {} ",
        " ".repeat(pad),
        kind_mark(cell.kind)
    );
    let pieces: Vec<(String, Style)> = match cell.kind {
        LinkKind::Equal => vec![("(the same)".to_owned(), theme.style(Role::DiffGutter))],
        LinkKind::Inserted => vec![(cell_text(article, cell), theme.style(Role::DiffAdded))],
        _ => diff_pieces(theme, cell),
    };
    let pieces: Vec<(&str, Style)> = pieces.iter().map(|(t, s)| (t.as_str(), *s)).collect();
    let mut lines = gutter_lines(&gutter, &pieces, width);
    if chosen && let Some(first) = lines.first_mut() {
        first.spans[0].style = theme.style(Role::ListSelected);
    }
    lines
}

fn diff_pieces(theme: &Theme, cell: &Cell) -> Vec<(String, Style)> {
    let mut pieces = Vec::new();
    if cell.kind == LinkKind::Moved {
        let at = cell.sentences.first().copied().unwrap_or(0);
        let guess = match cell.confidence {
            Some(c) => format!("? its sentence {at} (a guess, confidence {c:.2}): "),
            None => format!(" its sentence {at}: "),
        };
        pieces.push((format!("↕{guess}"), theme.style(Role::DiffMoved)));
    }
    for (k, op) in cell.ops.iter().enumerate() {
        let style = match op.op {
            _ if op.minor => Style::default(),
            OpKind::Equal => Style::default(),
            OpKind::Delete => theme.style(Role::DiffDelete),
            OpKind::Insert => theme.style(Role::DiffInsert),
        };
        if op.minor && op.op == OpKind::Delete {
            continue;
        }
        // Words struck out and words put in their place, written inline,
        // need a space between them to be read apart.
        let after_delete = cell
            .ops
            .get(k.wrapping_sub(1))
            .is_some_and(|p| p.op == OpKind::Delete && !p.minor);
        if op.op == OpKind::Insert
            && after_delete
            && !op.text.starts_with(char::is_whitespace)
            && pieces
                .last()
                .is_some_and(|(text, _): &(String, Style)| !text.ends_with(char::is_whitespace))
        {
            pieces.push((" ".to_owned(), Style::default()));
        }
        // Without colour, the marks of the diff say what changed.
        let text = match op.op {
            _ if theme.color || op.minor => op.text.clone(),
            OpKind::Delete => format!("[-{}-]", op.text),
            OpKind::Insert => format!("{{+{}+}}", op.text),
            OpKind::Equal => op.text.clone(),
        };
        pieces.push((text, style));
    }
    pieces
}

/// Styled pieces wrapped after a gutter, the gutter's width of space on
/// the following lines.
fn gutter_lines<'a>(gutter: &str, pieces: &[(&str, Style)], width: u16) -> Vec<Line<'a>> {
    let indent = wrap::width(gutter);
    let columns = usize::from(width).saturating_sub(indent).max(8);
    let mut text = String::new();
    let mut styles: Vec<(Range<usize>, Style)> = Vec::new();
    for (piece, style) in pieces {
        let start = text.len();
        text.push_str(piece);
        styles.push((start..text.len(), *style));
    }
    let mut lines = Vec::new();
    for (k, range) in wrap::wrap(&text, columns).into_iter().enumerate() {
        let lead = if k == 0 {
            gutter.to_owned()
        } else {
            " ".repeat(indent)
        };
        let mut spans = vec![Span::raw(lead)];
        for (styled, style) in &styles {
            let start = styled.start.max(range.start);
            let end = styled.end.min(range.end);
            if start < end {
                spans.push(Span::styled(text[start..end].to_owned(), *style));
            }
        }
        lines.push(Line::from(spans));
    }
    if lines.is_empty() {
        lines.push(Line::raw(gutter.to_owned()));
    }
    lines
}

/// The chosen version's name in the pane's bottom border.
fn chosen_hint(
    app: &App,
    view: &CollateView,
    collation: &Collation,
    inner: Rect,
    buf: &mut Buffer,
) {
    let Some(cell) = collation
        .rows
        .get(view.row)
        .and_then(|r| r.choosable().nth(view.cell))
    else {
        return;
    };
    let label = &app.articles[collation.versions[cell.version]].label;
    let text = format!(" d: diff against {label} ");
    let width = wrap::width(&text) as u16;
    if inner.width > width + 2 {
        let x = inner.right().saturating_sub(width + 1);
        buf.set_stringn(
            x,
            inner.bottom(),
            text,
            usize::from(width),
            app.theme.style(Role::PaneTitle),
        );
    }
}
