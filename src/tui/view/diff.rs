//! The diff pane: the two versions side by side, one row per link, rows
//! level; deleted and inserted words marked by colour and by a second cue.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{note, pane};
use crate::compare::{Comparison, Link, LinkKind};
use crate::export::text::{doubt_mark, kind_mark, languages_note, truncate};
use crate::tui::app::diff::HEADER_ROWS;
use crate::tui::app::{App, DiffView, Focus};
use crate::tui::diff_layout::{DiffLayout, DiffRow, GUTTER, SideLines};
use crate::tui::layout::Panes;
use crate::tui::theme::{Role, Theme};

pub fn render(app: &App, panes: &Panes, buf: &mut Buffer) {
    let focused = app.focus == Focus::Diff && app.help.is_none();
    let inner = panes.main_inner();
    let Some(diff) = &app.diff else {
        pane(app, " Compare ", focused).render(panes.main, buf);
        placeholder(app, inner, buf);
        return;
    };
    let layout = app.diff_layout();
    let mut block = pane(app, " Compare ", focused);
    if let Some(layout) = &layout {
        let max = layout.total_rows().saturating_sub(app.diff_height());
        let position = (diff.top.min(max) * 100)
            .checked_div(max)
            .map_or_else(|| "all".to_owned(), |percent| format!("{percent}%"));
        block = block.title_bottom(Line::from(format!(" {position} ")).right_aligned());
    }
    block.render(panes.main, buf);
    header(app, diff, inner, buf);
    let body = Rect::new(
        inner.x,
        inner.y + HEADER_ROWS.min(inner.height),
        inner.width,
        inner.height.saturating_sub(HEADER_ROWS),
    );
    match (&layout, &diff.comparison) {
        (Some(layout), Some(comparison)) => rows(app, diff, comparison, layout, body, buf),
        _ => {
            let (left, right) = diff.shown_pair();
            let text = format!(
                "Comparing {} with {} in the background; the keys still work.",
                app.articles[left].label, app.articles[right].label
            );
            note(app, &text, body, buf);
        }
    }
}

fn placeholder(app: &App, area: Rect, buf: &mut Buffer) {
    let keys = |command| {
        app.keymap
            .key_for(crate::tui::keymap::Context::Sources, command)
            .unwrap_or_else(|| "?".to_owned())
    };
    let text = format!(
        "No comparison yet. In the list, mark two versions with {} and press {}; or press {} to compare the selected article with the one in the reader.",
        keys(crate::tui::keymap::Command::Mark),
        keys(crate::tui::keymap::Command::Diff),
        keys(crate::tui::keymap::Command::Diff),
    );
    note(app, &text, area, buf);
}

/// The two articles, the similarity and the counts, and the toggles.
fn header(app: &App, diff: &DiffView, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let width = usize::from(area.width);
    let (left, right) = diff.shown_pair();
    for (k, (side, index)) in [("L", left), ("R", right)].into_iter().enumerate() {
        if k as u16 >= area.height {
            return;
        }
        let article = &app.articles[index];
        // The id after the label where the whole line fits; otherwise the
        // title needs the room more (the list shows ids).
        let with_id = format!(
            "{side} {} · {}",
            crate::export::text::named(article),
            article.display_title()
        );
        let line = if crate::wrap::width(&with_id) <= width {
            with_id
        } else {
            truncate(
                &format!("{side} {} · {}", article.label, article.display_title()),
                width,
            )
        };
        buf.set_stringn(
            area.x,
            area.y + k as u16,
            &line,
            width,
            theme.style(Role::DiffHeader),
        );
    }
    if area.height < 3 {
        return;
    }
    let mut spans: Vec<Span<'_>> = Vec::new();
    if let Some(comparison) = &diff.comparison {
        let [equal, changed, moved, deleted, inserted] = comparison.alignment.counts();
        let (left, right) = diff.shown_pair();
        if let Some(note) = languages_note(&app.articles[left], &app.articles[right], comparison) {
            let languages = note.split(" · ").next().unwrap_or_default();
            spans.push(Span::styled(
                format!("{languages} · cross-language  "),
                theme.style(Role::StatusNotice),
            ));
        }
        spans.push(Span::styled(
            format!("similarity {:.2}  ", comparison.alignment.similarity),
            theme.style(Role::Status),
        ));
        for (label, count, role) in [
            ("= ", equal, Role::DiffGutter),
            ("~ ", changed, Role::DiffChanged),
            ("↕ ", moved, Role::DiffMoved),
            ("- ", deleted, Role::DiffRemoved),
            ("+ ", inserted, Role::DiffAdded),
        ] {
            spans.push(Span::styled(format!("{label}{count}  "), theme.style(role)));
        }
        if !comparison.coarse.is_empty() {
            spans.push(Span::styled("⚠ coarse  ", theme.style(Role::StatusNotice)));
        }
    }
    let flags: Vec<&str> = [
        (diff.hide_equal, "equal hidden"),
        (diff.swapped, "swapped"),
        (diff.ignore_case, "case & punctuation ignored"),
        (diff.computing.is_some(), "computing…"),
    ]
    .into_iter()
    .filter_map(|(on, label)| on.then_some(label))
    .collect();
    if !flags.is_empty() {
        spans.push(Span::styled(
            flags.join(" · "),
            theme.style(Role::StatusNotice),
        ));
    }
    buf.set_line(area.x, area.y + 2, &Line::from(spans), area.width);
}

fn rows(
    app: &App,
    diff: &DiffView,
    comparison: &Comparison,
    layout: &DiffLayout,
    body: Rect,
    buf: &mut Buffer,
) {
    let theme = &app.theme;
    let columns = layout.text_columns as u16;
    let left_text = body.x + GUTTER;
    let separator = left_text + columns + 1;
    let right_gutter = separator + 2;
    let right_text = right_gutter + GUTTER;
    for y in 0..body.height {
        let Some((index, line)) = layout.at(diff.top + usize::from(y)) else {
            break;
        };
        let row = &layout.rows[index];
        let link = &comparison.alignment.links[row.link];
        let screen_y = body.y + y;
        let current = diff.current == Some(row.link) && diff.on_ghost == row.ghost;
        if line == 0 {
            let (left_label, right_label) = gutters(row, link);
            let style = gutter_style(theme, link.kind, row.ghost, current);
            buf.set_stringn(body.x, screen_y, left_label, usize::from(GUTTER), style);
            buf.set_stringn(
                right_gutter,
                screen_y,
                right_label,
                usize::from(GUTTER),
                style,
            );
        } else if current {
            buf.set_style(
                Rect::new(body.x, screen_y, GUTTER.min(body.width), 1),
                theme.style(Role::DiffCurrent),
            );
        }
        buf.set_stringn(separator, screen_y, "│", 1, theme.style(Role::Border));
        let (left_style, right_style) = if row.ghost {
            (theme.style(Role::DiffGhost), theme.style(Role::DiffGhost))
        } else {
            (theme.style(Role::DiffDelete), theme.style(Role::DiffInsert))
        };
        let base = if row.ghost {
            theme.style(Role::DiffGhost)
        } else {
            Style::default()
        };
        if let Some(range) = row.left.lines.get(line) {
            let spans = side_spans(&row.left, range.clone(), base, left_style);
            buf.set_line(left_text, screen_y, &Line::from(spans), columns);
        }
        if let Some(range) = row.right.lines.get(line) {
            let spans = side_spans(&row.right, range.clone(), base, right_style);
            let room = body.right().saturating_sub(right_text);
            buf.set_line(right_text, screen_y, &Line::from(spans), room.min(columns));
        }
    }
}

/// The sentence numbers and marks shown beside a row.
fn gutters(row: &DiffRow, link: &Link) -> (String, String) {
    let (left, right) = (&link.left[..], &link.right[..]);
    let number = |ix: &[usize]| match ix {
        [] => String::new(),
        [one] => one.to_string(),
        many => format!("{}+", many[0]),
    };
    let mark = if row.ghost {
        '↕'
    } else {
        kind_mark(link.kind)
    };
    let doubt = doubt_mark(link);
    let side = |ix: &[usize], shown: bool| {
        if shown && !ix.is_empty() {
            format!("{:>4}{mark}{doubt}", number(ix))
        } else if shown {
            format!("    {mark}{doubt}")
        } else {
            String::new()
        }
    };
    if row.ghost {
        (format!("    {mark}{doubt}"), side(right, true))
    } else {
        (side(left, !left.is_empty()), side(right, !right.is_empty()))
    }
}

fn gutter_style(theme: &Theme, kind: LinkKind, ghost: bool, current: bool) -> Style {
    if current {
        return theme.style(Role::DiffCurrent);
    }
    if ghost {
        return theme.style(Role::DiffMoved);
    }
    theme.style(match kind {
        LinkKind::Equal => Role::DiffGutter,
        LinkKind::Changed => Role::DiffChanged,
        LinkKind::Moved => Role::DiffMoved,
        LinkKind::Deleted => Role::DiffRemoved,
        LinkKind::Inserted => Role::DiffAdded,
    })
}

/// One wrapped line of a side, with its changed stretches styled, and the
/// anchors a cross-language link agrees on underlined.
fn side_spans(side: &SideLines, range: Range<usize>, base: Style, change: Style) -> Vec<Span<'_>> {
    let agree = base.add_modifier(Modifier::UNDERLINED);
    // The stretches on this line only (both lists are sorted): a long
    // sentence wraps into many lines.
    let on_line = |list: &'_ [Range<usize>]| {
        let first = list.partition_point(|c| c.end <= range.start);
        list[first..]
            .iter()
            .take_while(|c| c.start < range.end)
            .cloned()
            .collect::<Vec<_>>()
    };
    let mut marks: Vec<(Range<usize>, Style)> = on_line(&side.changed)
        .into_iter()
        .map(|r| (r, base.patch(change)))
        .chain(on_line(&side.agreed).into_iter().map(|r| (r, agree)))
        .collect();
    marks.sort_by_key(|(r, _)| r.start);
    let mut spans = Vec::new();
    let mut at = range.start;
    for (marked, style) in marks {
        let start = marked.start.max(range.start).max(at);
        let end = marked.end.min(range.end);
        if start >= end {
            continue;
        }
        if at < start {
            spans.push(Span::styled(&side.text[at..start], base));
        }
        spans.push(Span::styled(&side.text[start..end], style));
        at = end;
    }
    if at < range.end {
        spans.push(Span::styled(&side.text[at..range.end], base));
    }
    spans
}
