//! The reading pane: the header, then the paragraphs, only the visible rows,
//! with Markdown emphasis and search matches.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::pane;
use crate::corpus::{CELL_SEPARATOR, InlineStyle, Paragraph, ParagraphKind};
use crate::tui::app::{App, Focus, Highlight, Match, Scope};
use crate::tui::layout::{Panes, RowKind, paragraph_prefix};
use crate::tui::theme::{Role, Theme};

pub fn render(app: &App, panes: &Panes, buf: &mut Buffer) {
    let focused = app.focus == Focus::Reader && app.help.is_none();
    let area = panes.reader_text();
    let layout = app.reader_layout();
    let title = match app.open_article() {
        Some(article) => format!(" {} ", crate::export::text::named(article)),
        None => " Reader ".to_owned(),
    };
    let mut block = pane(app, title, focused);
    if let Some(layout) = &layout {
        let height = usize::from(area.height);
        let max = layout.max_top(height);
        let position = (app.reader_top.min(max) * 100)
            .checked_div(max)
            .map_or_else(|| "all".to_owned(), |percent| format!("{percent}%"));
        block = block.title_bottom(Line::from(format!(" {position} ")).right_aligned());
    }
    block.render(panes.main, buf);

    let Some(layout) = layout else {
        buf.set_stringn(
            area.x,
            area.y,
            "No article.",
            usize::from(area.width),
            Style::default(),
        );
        return;
    };
    let article = &app.articles[layout.article];
    let theme = &app.theme;
    let matches: &[Match] = app
        .search
        .as_ref()
        .filter(|s| s.scope == Scope::Reader)
        .map_or(&[], |s| &s.matches);
    let current = app.search.as_ref().and_then(|s| s.current);
    let highlight = app
        .highlight
        .as_ref()
        .filter(|h| h.article == layout.article);
    for (y, row) in layout
        .rows(app.reader_top, usize::from(area.height))
        .iter()
        .enumerate()
    {
        let y = area.y + y as u16;
        match row.kind {
            RowKind::Blank => {}
            RowKind::Rule => {
                let rule = "─".repeat(usize::from(area.width));
                buf.set_stringn(
                    area.x,
                    y,
                    rule,
                    usize::from(area.width),
                    theme.style(Role::Rule),
                );
            }
            RowKind::Header => {
                let line = row.index as usize;
                let (role, text) = &layout.header[line];
                let spans = header_spans(theme, text, row.range(), *role, line, matches, current);
                buf.set_line(area.x, y, &Line::from(spans), area.width);
            }
            RowKind::Paragraph { first } => {
                let index = row.index as usize;
                let paragraph = &article.paragraphs[index];
                let table = layout.tables[index]
                    .as_deref()
                    .map(Vec::as_slice)
                    .filter(|_| row.range() == (0..paragraph.text.len()));
                let line = paragraph_line(
                    theme,
                    paragraph,
                    (index, table),
                    row.range(),
                    first,
                    matches,
                    current,
                    highlight.filter(|h| h.paragraph == index),
                );
                buf.set_line(area.x, y, &line, area.width);
            }
        }
    }
}

/// One row of header line `line` (`range` of its `text`), with the
/// search matches in it marked.
fn header_spans<'a>(
    theme: &Theme,
    text: &'a str,
    range: Range<usize>,
    role: Role,
    line: usize,
    matches: &[Match],
    current: Option<usize>,
) -> Vec<Span<'a>> {
    let base = theme.style(role);
    let mut spans = Vec::new();
    let mut at = range.start;
    for (i, m) in matches.iter().enumerate() {
        if m.header != Some(line) || m.range.end <= range.start || m.range.start >= range.end {
            continue;
        }
        let (start, end) = (m.range.start.max(range.start), m.range.end.min(range.end));
        if start > at {
            spans.push(Span::styled(text.get(at..start).unwrap_or_default(), base));
        }
        let role = if Some(i) == current {
            Role::SearchCurrent
        } else {
            Role::SearchMatch
        };
        spans.push(Span::styled(
            text.get(start..end).unwrap_or_default(),
            base.patch(theme.style(role)),
        ));
        at = end;
    }
    if at < range.end {
        spans.push(Span::styled(
            text.get(at..range.end).unwrap_or_default(),
            base,
        ));
    }
    spans
}

/// One row of a paragraph as styled spans: the base style of its kind, its
/// Markdown emphasis, a highlighted sentence, and search matches on top. A
/// table row shown whole (`table` gives its columns' widths) has its cells
/// padded into columns.
#[allow(clippy::too_many_arguments)]
fn paragraph_line<'a>(
    theme: &Theme,
    paragraph: &'a Paragraph,
    (index, table): (usize, Option<&[usize]>),
    range: Range<usize>,
    first: bool,
    matches: &[Match],
    current: Option<usize>,
    highlight: Option<&Highlight>,
) -> Line<'a> {
    let base = match paragraph.kind {
        ParagraphKind::Heading(_) | ParagraphKind::TableRow { header: true } => {
            theme.style(Role::Heading)
        }
        ParagraphKind::Quote => theme.style(Role::Quote),
        ParagraphKind::Footnote => theme.style(Role::Rule),
        _ => Style::default(),
    };
    // The cells' separators, where a table row is shown whole.
    let separators: Vec<usize> = table
        .map(|_| {
            paragraph
                .text
                .match_indices(CELL_SEPARATOR)
                .map(|(at, _)| at)
                .collect()
        })
        .unwrap_or_default();
    // Style runs are sorted and disjoint: only those over this row matter.
    let first_run = paragraph
        .styles
        .partition_point(|r| r.range.end <= range.start);
    let runs: Vec<_> = paragraph.styles[first_run..]
        .iter()
        .take_while(|r| r.range.start < range.end)
        .collect();
    let mut cuts = vec![range.start, range.end];
    for run in &runs {
        cuts.extend([run.range.start, run.range.end]);
    }
    let first_match = matches.partition_point(|m| m.header.is_some() || m.paragraph < index);
    let here: Vec<(usize, &Match)> = matches[first_match..]
        .iter()
        .enumerate()
        .take_while(|(_, m)| m.paragraph == index)
        .filter(|(_, m)| m.range.end > range.start && m.range.start < range.end)
        .map(|(i, m)| (first_match + i, m))
        .collect();
    for (_, m) in &here {
        cuts.extend([m.range.start, m.range.end]);
    }
    for &at in &separators {
        cuts.extend([at, at + CELL_SEPARATOR.len()]);
    }
    if let Some(h) = highlight {
        cuts.extend([
            h.sentence.start,
            h.sentence.end,
            h.mention.start,
            h.mention.end,
        ]);
    }
    cuts.retain(|&c| c >= range.start && c <= range.end);
    cuts.sort_unstable();
    cuts.dedup();

    let prefix = paragraph_prefix(paragraph.kind, first);
    let mut spans = Vec::with_capacity(cuts.len() + 1);
    if !prefix.is_empty() {
        spans.push(Span::styled(prefix, theme.style(Role::Rule)));
    }
    let mut cell_start = range.start;
    for pair in cuts.windows(2) {
        let (start, end) = (pair[0], pair[1]);
        if let Some(cell) = separators.iter().position(|&at| at == start)
            && let Some(widths) = table
        {
            // A cell ends: pad it to its column, then a rule.
            let written = crate::wrap::width(&paragraph.text[cell_start..start]);
            let pad = widths
                .get(cell)
                .copied()
                .unwrap_or(0)
                .saturating_sub(written);
            spans.push(Span::raw(" ".repeat(pad)));
            spans.push(Span::styled(" │ ", theme.style(Role::Rule)));
            cell_start = end;
            continue;
        }
        let mut style = base;
        if let Some(run) = runs
            .iter()
            .find(|r| r.range.start <= start && end <= r.range.end)
        {
            style = style.patch(inline_style(theme, run.style));
        }
        if let Some(h) = highlight {
            if h.sentence.start <= start && end <= h.sentence.end {
                style = style.patch(theme.style(Role::Highlight));
            }
            if h.mention.start <= start && end <= h.mention.end {
                style = style.patch(theme.style(Role::SearchCurrent));
            }
        }
        if let Some((i, _)) = here
            .iter()
            .find(|(_, m)| m.range.start <= start && end <= m.range.end)
        {
            let role = if Some(*i) == current {
                Role::SearchCurrent
            } else {
                Role::SearchMatch
            };
            style = style.patch(theme.style(role));
        }
        // The cut points come from wrapping, styles and search matches, all
        // on character boundaries; a bad one loses a piece, not the app.
        spans.push(Span::styled(
            paragraph.text.get(start..end).unwrap_or_default(),
            style,
        ));
    }
    Line::from(spans)
}

fn inline_style(theme: &Theme, style: InlineStyle) -> Style {
    let mut out = Style::default();
    if style.contains(InlineStyle::BOLD) {
        out = out.add_modifier(Modifier::BOLD);
    }
    if style.contains(InlineStyle::ITALIC) {
        out = out.add_modifier(Modifier::ITALIC);
    }
    if style.contains(InlineStyle::STRIKE) {
        out = out.add_modifier(Modifier::CROSSED_OUT);
    }
    if style.contains(InlineStyle::LINK) {
        out = out.patch(theme.style(Role::Link));
    }
    if style.contains(InlineStyle::CODE) {
        out = out.patch(theme.style(Role::Code));
    }
    out
}
