//! Human-readable text: an article wrapped for a terminal or a pipe, and the
//! table of loaded articles. Styles are ANSI; the caller's stream strips them
//! when colour is off, so nothing here depends on colour alone.

use std::fmt::Write;

use anstyle::{AnsiColor, Effects, Style};

use crate::corpus::{Article, InlineStyle, ParagraphKind, StyleRun};
use crate::wrap;

const TITLE: Style = Style::new().effects(Effects::BOLD);
const DIM: Style = Style::new().effects(Effects::DIMMED);
const URL: Style = Style::new()
    .fg_color(Some(anstyle::Color::Ansi(AnsiColor::Blue)))
    .effects(Effects::UNDERLINE);
const WARN: Style = Style::new().fg_color(Some(anstyle::Color::Ansi(AnsiColor::Yellow)));
const HEADING: Style = Style::new()
    .fg_color(Some(anstyle::Color::Ansi(AnsiColor::Cyan)))
    .effects(Effects::BOLD);

/// Pushes `text` in `style`.
fn paint(out: &mut String, style: Style, text: &str) {
    if style == Style::new() {
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
    let dateline: Vec<&str> = [
        meta.byline.as_deref(),
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
    let mut facts = vec![article.id.clone()];
    facts.extend(meta.language.clone());
    facts.push(article.encoding.to_owned());
    facts.push(format!("{} words", article.word_count));
    facts.push(format!("{} sentences", article.sentences.len()));
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
    for paragraph in &article.paragraphs {
        out.push('\n');
        let (prefix, base) = match paragraph.kind {
            ParagraphKind::Heading(_) => ("", HEADING),
            ParagraphKind::Quote => ("│ ", Style::new()),
            ParagraphKind::ListItem => ("• ", Style::new()),
            ParagraphKind::Text => ("", Style::new()),
        };
        let indent = wrap::width(prefix);
        for (n, range) in wrap::wrap(&paragraph.text, width - indent)
            .into_iter()
            .enumerate()
        {
            if n == 0 || paragraph.kind == ParagraphKind::Quote {
                paint(&mut out, DIM, prefix);
            } else {
                out.push_str(&" ".repeat(indent));
            }
            styled_range(&mut out, &paragraph.text, range, &paragraph.styles, base);
            out.push('\n');
        }
    }
    out
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
            article.word_count,
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

#[cfg(test)]
mod tests {
    use super::*;

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
