//! Human-readable text: an article wrapped for a terminal or a pipe, and the
//! table of loaded articles. Styles are ANSI, and left out altogether when
//! colour is off ([`set_colour`]), so that plain text needs no stripping;
//! nothing here depends on colour alone.

use std::fmt::Write;
use std::sync::atomic::{AtomicBool, Ordering};

use anstyle::{AnsiColor, Effects, Style};

use crate::compare::diff::SideText;
use crate::compare::{Comparison, LinkKind};
use crate::corpus::{Article, CELL_SEPARATOR, InlineStyle, Paragraph, ParagraphKind, StyleRun};
use crate::wrap;

const TITLE: Style = Style::new().effects(Effects::BOLD);
const DIM: Style = Style::new().effects(Effects::DIMMED);
const URL: Style = Style::new()
    .fg_color(Some(anstyle::Color::Ansi(AnsiColor::Blue)))
    .effects(Effects::UNDERLINE);
const WARN: Style = Style::new().fg_color(Some(anstyle::Color::Ansi(AnsiColor::Yellow)));
const AGREED: Style = Style::new().effects(Effects::UNDERLINE);
const HEADING: Style = Style::new()
    .fg_color(Some(anstyle::Color::Ansi(AnsiColor::Cyan)))
    .effects(Effects::BOLD);

/// Whether text output carries ANSI styles.
static COLOUR: AtomicBool = AtomicBool::new(true);

/// Turns the ANSI styles of text output on (the default) or off, for the
/// whole process: the CLI sets it once, from `--color`, `NO_COLOR` and
/// whether stdout is a terminal.
pub fn set_colour(on: bool) {
    COLOUR.store(on, Ordering::Relaxed);
}

/// Pushes `text` in `style` (plainly when colour is off).
fn paint(out: &mut String, style: Style, text: &str) {
    if style == Style::new() || !COLOUR.load(Ordering::Relaxed) {
        out.push_str(text);
    } else {
        let _ = write!(out, "{style}{text}{style:#}");
    }
}

fn inline(style: InlineStyle) -> Style {
    let mut effects = Effects::new();
    if style.contains(InlineStyle::BOLD) {
        effects |= Effects::BOLD;
    }
    if style.contains(InlineStyle::ITALIC) {
        effects |= Effects::ITALIC;
    }
    if style.contains(InlineStyle::LINK) {
        effects |= Effects::UNDERLINE;
    }
    if style.contains(InlineStyle::STRIKE) {
        effects |= Effects::STRIKETHROUGH;
    }
    if style.contains(InlineStyle::CODE) {
        effects |= Effects::DIMMED;
    }
    Style::new().effects(effects)
}

/// Writes `text[range]` with the inline styles that cover it over `base`.
fn styled_range(
    out: &mut String,
    text: &str,
    range: std::ops::Range<usize>,
    styles: &[StyleRun],
    base: Style,
) {
    let mut at = range.start;
    for run in styles
        .iter()
        .filter(|r| r.range.end > range.start && r.range.start < range.end)
    {
        let start = run.range.start.max(range.start);
        let end = run.range.end.min(range.end);
        if at < start {
            paint(out, base, &text[at..start]);
        }
        let style = inline(run.style);
        let merged = base.effects(base.get_effects() | style.get_effects());
        paint(out, merged, &text[start..end]);
        at = end;
    }
    if at < range.end {
        paint(out, base, &text[at..range.end]);
    }
}

/// Metadata lines of an article: title, byline, dateline and the rest.
pub fn header_lines(article: &Article) -> Vec<(Style, String)> {
    let meta = &article.meta;
    let mut lines = vec![(TITLE, article.display_title().to_owned())];
    // `Moscow (AFP)`, as the dateline wrote it.
    let filed = match (meta.place.as_deref(), meta.agency.as_deref()) {
        (Some(place), Some(agency)) => Some(format!("{place} ({agency})")),
        (Some(place), None) => Some(place.to_owned()),
        (None, Some(agency)) => Some(agency.to_owned()),
        (None, None) => None,
    };
    let dateline: Vec<&str> = [
        meta.byline.as_deref(),
        filed.as_deref(),
        meta.outlet.as_deref(),
        meta.date.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !dateline.is_empty() {
        lines.push((DIM, dateline.join(" · ")));
    }
    if let Some(url) = &meta.url {
        lines.push((URL, url.clone()));
    }
    let credits: Vec<String> = [
        meta.credit.as_ref().map(|c| format!("Credit: {c}")),
        meta.copyright.clone(),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !credits.is_empty() {
        lines.push((DIM, credits.join(" · ")));
    }
    for caption in &meta.captions {
        lines.push((DIM, format!("Caption: {caption}")));
    }
    let mut facts = vec![article.id.clone()];
    if meta.truncated {
        facts.push("cut off (ends mid-sentence)".to_owned());
    }
    facts.extend(meta.language.clone());
    facts.push(article.encoding.to_owned());
    let counted =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    facts.push(counted(article.word_count(), "word", "words"));
    facts.push(counted(article.sentences.len(), "sentence", "sentences"));
    lines.push((DIM, facts.join(" · ")));
    for notice in &article.notices {
        lines.push((WARN, format!("! {notice}")));
    }
    lines
}

/// The whole article, wrapped to `width` columns.
pub fn show(article: &Article, width: usize) -> String {
    let width = width.max(8);
    let mut out = String::new();
    for (style, line) in header_lines(article) {
        for range in wrap::wrap(&line, width) {
            paint(&mut out, style, &line[range]);
            out.push('\n');
        }
    }
    let mut previous = None;
    let tables = table_columns(&article.paragraphs);
    for (index, paragraph) in article.paragraphs.iter().enumerate() {
        if !stands_with(previous, paragraph.kind) {
            out.push('\n');
        }
        previous = Some(paragraph.kind);
        if let Some(widths) = &tables[index]
            && let Some(row) = padded_row(&paragraph.text, widths, width)
        {
            let style = if paragraph.kind == (ParagraphKind::TableRow { header: true }) {
                HEADING
            } else {
                Style::new()
            };
            paint(&mut out, DIM, &paragraph_prefix(paragraph.kind, true));
            paint(&mut out, style, &row);
            out.push('\n');
            continue;
        }
        let base = match paragraph.kind {
            ParagraphKind::Heading(_) | ParagraphKind::TableRow { header: true } => HEADING,
            ParagraphKind::Footnote => DIM,
            _ => Style::new(),
        };
        let indent = wrap::width(&paragraph_prefix(paragraph.kind, false));
        for (n, range) in wrap::wrap(&paragraph.text, width.saturating_sub(indent).max(4))
            .into_iter()
            .enumerate()
        {
            paint(&mut out, DIM, &paragraph_prefix(paragraph.kind, n == 0));
            styled_range(&mut out, &paragraph.text, range, &paragraph.styles, base);
            out.push('\n');
        }
    }
    out
}

/// For each paragraph that is a row of a table, the display widths of its
/// table's columns (the widest cell of each); none for other paragraphs.
pub fn table_columns(paragraphs: &[Paragraph]) -> Vec<Option<std::rc::Rc<Vec<usize>>>> {
    let mut out = vec![None; paragraphs.len()];
    let mut start = 0;
    while start < paragraphs.len() {
        if !matches!(paragraphs[start].kind, ParagraphKind::TableRow { .. }) {
            start += 1;
            continue;
        }
        let end = (start..paragraphs.len())
            .find(|&k| !matches!(paragraphs[k].kind, ParagraphKind::TableRow { .. }))
            .unwrap_or(paragraphs.len());
        let mut widths: Vec<usize> = Vec::new();
        for paragraph in &paragraphs[start..end] {
            for (k, cell) in paragraph.text.split(CELL_SEPARATOR).enumerate() {
                let width = wrap::width(cell);
                match widths.get_mut(k) {
                    Some(w) => *w = (*w).max(width),
                    None => widths.push(width),
                }
            }
        }
        let widths = std::rc::Rc::new(widths);
        for slot in &mut out[start..end] {
            *slot = Some(widths.clone());
        }
        start = end;
    }
    out
}

/// A table row with its cells padded to the column widths and joined by
/// `│`, if it fits in `width` columns.
pub fn padded_row(text: &str, widths: &[usize], width: usize) -> Option<String> {
    let mut row = String::new();
    for (k, cell) in text.split(CELL_SEPARATOR).enumerate() {
        if k > 0 {
            row.push_str(" │ ");
        }
        row.push_str(cell);
        let pad = widths
            .get(k)
            .copied()
            .unwrap_or(0)
            .saturating_sub(wrap::width(cell));
        if k + 1 < widths.len() {
            row.extend(std::iter::repeat_n(' ', pad));
        }
    }
    (wrap::width(&row) + 2 <= width).then_some(row)
}

/// Whether a paragraph of `kind` stands right under one of `previous`
/// kind, with no blank line between: items of one list, rows of one table,
/// footnotes.
pub fn stands_with(previous: Option<ParagraphKind>, kind: ParagraphKind) -> bool {
    matches!(
        (previous, kind),
        (
            Some(ParagraphKind::ListItem { .. }),
            ParagraphKind::ListItem { .. }
        ) | (
            Some(ParagraphKind::TableRow { .. }),
            ParagraphKind::TableRow { .. }
        ) | (Some(ParagraphKind::Footnote), ParagraphKind::Footnote)
    )
}

/// The marks in front of a paragraph's rows: a bar for quotes, an indent
/// for each level of a list with a bullet on an unnumbered item's first
/// row (a numbered item carries its number in its text), a bar for table
/// rows. `first` is the paragraph's first row.
pub fn paragraph_prefix(kind: ParagraphKind, first: bool) -> std::borrow::Cow<'static, str> {
    use std::borrow::Cow;
    match kind {
        ParagraphKind::Quote => Cow::Borrowed("│ "),
        ParagraphKind::ListItem { depth, ordered } => {
            let indent = "  ".repeat(usize::from(depth));
            let mark = match (ordered, first) {
                (false, true) => "• ",
                (false, false) => "  ",
                (true, true) => "",
                (true, false) => "   ",
            };
            Cow::Owned(format!("{indent}{mark}"))
        }
        ParagraphKind::TableRow { .. } => Cow::Borrowed("┃ "),
        _ => Cow::Borrowed(""),
    }
}

/// The table printed by `list`: one row per article. With a `width`, titles
/// are cut to fit; without (a pipe), nothing is cut.
pub fn list(articles: &[Article], width: Option<usize>) -> String {
    let id_width = articles
        .iter()
        .map(|a| wrap::width(&a.id))
        .max()
        .unwrap_or(2)
        .max(2);
    let outlet_width = articles
        .iter()
        .filter_map(|a| a.meta.outlet.as_deref().map(wrap::width))
        .max()
        .unwrap_or(6)
        .clamp(6, 24);
    let mut out = String::new();
    let header = format!(
        "{:id_width$}  {:10}  {:outlet_width$}  {:>6}  {:>5}  {:5}  TITLE",
        "ID", "DATE", "OUTLET", "WORDS", "SENT.", "NOTES"
    );
    paint(&mut out, DIM, &header);
    out.push('\n');
    let fixed = id_width + outlet_width + 10 + 6 + 5 + 5 + 12;
    for article in articles {
        let meta = &article.meta;
        let marks: String = article.notices.iter().map(|n| n.mark()).collect();
        let title = article.display_title();
        let title = match width {
            Some(w) => truncate(title, w.saturating_sub(fixed).max(12)),
            None => title.to_owned(),
        };
        let _ = write!(
            out,
            "{}  {:10}  {}  {:>6}  {:>5}  ",
            pad(&article.id, id_width),
            meta.date.as_deref().unwrap_or("—"),
            pad(
                &truncate(meta.outlet.as_deref().unwrap_or("—"), outlet_width),
                outlet_width
            ),
            article.word_count(),
            article.sentences.len(),
        );
        paint(&mut out, WARN, &pad(&marks, 5));
        out.push_str("  ");
        out.push_str(&title);
        out.push('\n');
    }
    let noticed: Vec<&Article> = articles.iter().filter(|a| !a.notices.is_empty()).collect();
    if !noticed.is_empty() {
        out.push('\n');
        for article in noticed {
            for notice in &article.notices {
                paint(
                    &mut out,
                    WARN,
                    &format!("{} {}: {notice}", notice.mark(), article.id),
                );
                out.push('\n');
            }
        }
    }
    out
}

const DELETED: Style = Style::new()
    .fg_color(Some(anstyle::Color::Ansi(AnsiColor::Red)))
    .effects(Effects::STRIKETHROUGH);
const INSERTED: Style = Style::new()
    .fg_color(Some(anstyle::Color::Ansi(AnsiColor::Green)))
    .effects(Effects::UNDERLINE);
const MOVED: Style = Style::new().fg_color(Some(anstyle::Color::Ansi(AnsiColor::Magenta)));

/// The mark of a link kind in text output.
pub fn kind_mark(kind: LinkKind) -> char {
    match kind {
        LinkKind::Equal => '=',
        LinkKind::Changed => '~',
        LinkKind::Moved => '↕',
        LinkKind::Deleted => '-',
        LinkKind::Inserted => '+',
    }
}

/// `?` after the mark of a move paired on weak evidence (a confidence
/// below 1, see [`crate::compare::Link::confidence`]), else a space.
pub fn doubt_mark(link: &crate::compare::Link) -> char {
    if link.kind == LinkKind::Moved && link.confidence.is_some_and(|c| c < 1.0) {
        '?'
    } else {
        ' '
    }
}

/// The name of a link's kind, `moved?` for a move on weak evidence.
pub fn kind_name(link: &crate::compare::Link) -> String {
    match doubt_mark(link) {
        ' ' => link.kind.name().to_owned(),
        doubt => format!("{}{doubt}", link.kind.name()),
    }
}

/// An article's label, with its id where the label is not part of the id
/// (`The Moscow Times (002_f13625239639c7a3)`); else the id alone.
pub fn named(article: &Article) -> String {
    // `000` says nothing more of `000_0ac90385ad601620`.
    if article.id.starts_with(&article.label) {
        article.id.clone()
    } else {
        format!("{} ({})", article.label, article.id)
    }
}

/// For a comparison across languages, what the reader must know:
/// `French ↔ English · cross-language: …`; none for one language.
pub fn languages_note(left: &Article, right: &Article, comparison: &Comparison) -> Option<String> {
    if comparison.alignment.method != crate::compare::Method::CrossLanguage {
        return None;
    }
    let name = |a: &Article| {
        crate::lang::language(a.meta.language.as_deref())
            .name
            .clone()
    };
    Some(format!(
        "{} ↔ {} · cross-language: sentences matched by names, numbers, dates and length; no word diff: anchors both give underlined, figures one side lacks marked",
        name(left),
        name(right)
    ))
}

/// The header of a comparison: who against whom, how similar, what kinds.
pub fn comparison_header(left: &Article, right: &Article, comparison: &Comparison) -> String {
    let [equal, changed, moved, deleted, inserted] = comparison.alignment.counts();
    let mut out = String::new();
    paint(
        &mut out,
        TITLE,
        &format!("{} ↔ {}", named(left), named(right)),
    );
    out.push('\n');
    paint(
        &mut out,
        DIM,
        &format!(
            "similarity {:.2} · {equal} equal · {changed} changed · {moved} moved · {deleted} removed · {inserted} added",
            comparison.alignment.similarity
        ),
    );
    out.push('\n');
    if let Some(note) = languages_note(left, right, comparison) {
        paint(&mut out, WARN, &note);
        out.push('\n');
    }
    for coarse in &comparison.coarse {
        paint(
            &mut out,
            WARN,
            &format!("! coarse result ({}): {}", coarse.stage, coarse.reason),
        );
        out.push('\n');
    }
    out
}

/// `align --format text`: one line per link, with both texts cut to fit.
pub fn alignment_table(
    left: &Article,
    right: &Article,
    comparison: &Comparison,
    width: usize,
) -> String {
    let mut out = comparison_header(left, right, comparison);
    out.push('\n');
    let l = crate::compare::sentences(left);
    let r = crate::compare::sentences(right);
    let text_room = width.saturating_sub(36).max(20) / 2;
    for link in &comparison.alignment.links {
        let indices = |ix: &[usize], side: char| -> String {
            match ix {
                [] => String::new(),
                [one] => format!("{side}{one}"),
                many => format!("{side}{}-{}", many[0], many[many.len() - 1]),
            }
        };
        let similarity = if link.left.is_empty() || link.right.is_empty() {
            String::new()
        } else {
            format!("{:.2}", link.similarity)
        };
        let _ = write!(
            out,
            "{} {:>8} {:<8} {:<8} {:>4}  {} │ {}",
            kind_mark(link.kind),
            indices(&link.left, 'L'),
            indices(&link.right, 'R'),
            kind_name(link),
            similarity,
            pad(
                &truncate(&crate::compare::joined(&l, &link.left), text_room),
                text_room
            ),
            truncate(&crate::compare::joined(&r, &link.right), text_room),
        );
        out.push('\n');
    }
    out
}

/// One side of a link, wrapped to `columns`, as lines of styled text. With
/// `markers`, changes are also bracketed (`[-old-]`, `{+new+}`) so that
/// nothing depends on colour.
fn side_lines(
    side: &SideText,
    columns: usize,
    change: Style,
    markers: Option<(&str, &str)>,
) -> Vec<String> {
    let side = match markers {
        None => side.clone(),
        Some((open, close)) => side.with_markers(open, close),
    };
    // Changed stretches in the change's style; anchors a cross-language
    // link agrees on underlined (without colour, only changes are marked).
    let runs: Vec<(std::ops::Range<usize>, Style)> = side
        .marks()
        .into_iter()
        .map(|(range, changed)| (range, if changed { change } else { AGREED }))
        .collect();
    let text = side.text;
    wrap::wrap(&text, columns)
        .into_iter()
        .map(|range| {
            let mut line = String::new();
            let mut at = range.start;
            for (run, style) in runs
                .iter()
                .filter(|(r, _)| r.end > range.start && r.start < range.end)
            {
                let start = run.start.max(range.start);
                let end = run.end.min(range.end);
                line.push_str(&text[at..start]);
                paint(&mut line, *style, &text[start..end]);
                at = end;
            }
            line.push_str(&text[at..range.end]);
            let shown = wrap::width(&text[range.clone()]);
            line.push_str(&" ".repeat(columns.saturating_sub(shown)));
            line
        })
        .collect()
}

/// `diff --format text`: the two versions side by side, one row per link,
/// each side wrapped in its column and padded so that rows stay level.
pub fn side_by_side(
    left: &Article,
    right: &Article,
    comparison: &Comparison,
    width: usize,
    markers: bool,
) -> String {
    let mut out = comparison_header(left, right, comparison);
    out.push('\n');
    let width = width.max(40);
    const GUTTER: usize = 7;
    let column = (width - 3) / 2;
    let text_columns = column.saturating_sub(GUTTER).max(8);
    // Across languages only the figures that differ are marked (see
    // `compare::compare_across`).
    let (delete_markers, insert_markers) = if markers {
        (Some(("[-", "-]")), Some(("{+", "+}")))
    } else {
        (None, None)
    };
    let (deleted, inserted) = (DELETED, INSERTED);
    for (link, ops) in comparison.alignment.links.iter().zip(&comparison.ops) {
        let (left_side, right_side) = crate::compare::diff::sides(ops);
        let left_lines = if link.left.is_empty() {
            Vec::new()
        } else {
            side_lines(&left_side, text_columns, deleted, delete_markers)
        };
        let right_lines = if link.right.is_empty() {
            Vec::new()
        } else {
            side_lines(&right_side, text_columns, inserted, insert_markers)
        };
        let rows = left_lines.len().max(right_lines.len()).max(1);
        let (mark, doubt) = (kind_mark(link.kind), doubt_mark(link));
        let gutter = |ix: &[usize], row: usize| -> String {
            if row > 0 || ix.is_empty() {
                return " ".repeat(GUTTER);
            }
            let index = if ix.len() > 1 {
                format!("{}+", ix[0])
            } else {
                ix[0].to_string()
            };
            format!("{index:>4} {mark}{doubt}")
        };
        for row in 0..rows {
            let mark_style = if link.kind == LinkKind::Moved {
                MOVED
            } else {
                DIM
            };
            paint(&mut out, mark_style, &gutter(&link.left, row));
            match left_lines.get(row) {
                Some(line) => out.push_str(line),
                None => out.push_str(&" ".repeat(text_columns)),
            }
            paint(&mut out, DIM, " │ ");
            paint(&mut out, mark_style, &gutter(&link.right, row));
            if let Some(line) = right_lines.get(row) {
                out.push_str(line.trim_end());
            }
            // No trailing spaces at the end of a row.
            let trimmed = out.trim_end_matches(' ').len();
            out.truncate(trimmed);
            out.push('\n');
        }
    }
    out
}

/// A count for tight spaces: `773`, `12.5k`, `9.5M`.
pub fn compact_count(n: usize) -> String {
    match n {
        0..=9_999 => n.to_string(),
        10_000..=999_999 => format!("{:.1}k", n as f64 / 1e3),
        _ => format!("{:.1}M", n as f64 / 1e6),
    }
}

/// Pads with spaces to `columns` display columns.
fn pad(text: &str, columns: usize) -> String {
    let w = wrap::width(text);
    format!("{text}{}", " ".repeat(columns.saturating_sub(w)))
}

/// Cuts `text` to at most `columns` display columns, marking the cut with `…`.
pub fn truncate(text: &str, columns: usize) -> String {
    if wrap::width(text) <= columns {
        return text.to_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    for grapheme in unicode_segmentation::UnicodeSegmentation::graphemes(text, true) {
        let w = wrap::width(grapheme);
        if used + w + 1 > columns {
            break;
        }
        out.push_str(grapheme);
        used += w;
    }
    out.push('…');
    out
}

/// `text` cut to `columns` display columns from the front, keeping its
/// end: `…the end`.
pub fn truncate_start(text: &str, columns: usize) -> String {
    if wrap::width(text) <= columns {
        return text.to_owned();
    }
    let mut kept: Vec<&str> = Vec::new();
    let mut used = 0;
    for grapheme in unicode_segmentation::UnicodeSegmentation::graphemes(text, true).rev() {
        let w = wrap::width(grapheme);
        if used + w + 1 > columns {
            break;
        }
        kept.push(grapheme);
        used += w;
    }
    let mut out = String::from("…");
    out.extend(kept.into_iter().rev());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncating_from_either_end() {
        assert_eq!(truncate("Peresild", 5), "Pere…");
        assert_eq!(truncate_start("Peresild", 5), "…sild");
        assert_eq!(truncate_start("short", 5), "short");
        assert_eq!(truncate_start("日本語です", 5), "…です");
    }

    #[test]
    fn compact_counts() {
        assert_eq!(compact_count(773), "773");
        assert_eq!(compact_count(12_500), "12.5k");
        assert_eq!(compact_count(9_499_573), "9.5M");
    }

    #[test]
    fn truncation_respects_width() {
        assert_eq!(truncate("abcdef", 4), "abc…");
        assert_eq!(truncate("上一上一", 5), "上一…");
        assert_eq!(truncate("short", 10), "short");
    }
}
