//! The n-way collation as JSON and as text: each base sentence, with every
//! version's wording under it, its differences from the base marked
//! `[-removed-]` and `{+added+}`.

use serde::Serialize;

use super::text::kind_mark;
use crate::compare::collate::{Cell, Collation};
use crate::compare::{LinkKind, Op, OpKind};
use crate::corpus::Article;
use crate::wrap;

#[derive(Debug, Serialize)]
pub struct CollationJson<'a> {
    pub base: &'a str,
    pub versions: Vec<&'a str>,
    pub rows: Vec<RowJson<'a>>,
}

#[derive(Debug, Serialize)]
pub struct RowJson<'a> {
    /// The base sentence's index, or null for sentences a version adds.
    pub base_index: Option<usize>,
    pub base_text: Option<&'a str>,
    pub versions: Vec<CellJson<'a>>,
}

#[derive(Debug, Serialize)]
pub struct CellJson<'a> {
    pub article: &'a str,
    pub kind: &'static str,
    pub sentences: &'a [usize],
    pub text: String,
    pub similarity: f32,
    pub ops: &'a [Op],
}

/// The version's sentences of a cell, joined.
pub fn cell_text(article: &Article, cell: &Cell) -> String {
    cell.sentences
        .iter()
        .map(|&s| article.sentence_text(s))
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn json<'a>(articles: &[&'a Article], collation: &'a Collation) -> CollationJson<'a> {
    let base = articles[collation.base];
    CollationJson {
        base: &base.id,
        versions: collation
            .versions
            .iter()
            .map(|&v| articles[v].id.as_str())
            .collect(),
        rows: collation
            .rows
            .iter()
            .map(|row| RowJson {
                base_index: row.base,
                base_text: row.base.map(|i| base.sentence_text(i)),
                versions: row
                    .cells
                    .iter()
                    .map(|cell| {
                        let article = articles[collation.versions[cell.version]];
                        CellJson {
                            article: &article.id,
                            kind: cell.kind.name(),
                            sentences: &cell.sentences,
                            text: cell_text(article, cell),
                            similarity: (cell.similarity * 1000.0).round() / 1000.0,
                            ops: &cell.ops,
                        }
                    })
                    .collect(),
            })
            .collect(),
    }
}

/// The version's wording with the base's words it drops and the words it
/// adds bracketed.
pub fn inline_diff(ops: &[Op]) -> String {
    let mut out = String::new();
    for op in ops {
        match op.op {
            OpKind::Equal => out.push_str(&op.text),
            _ if op.minor => {
                if op.op == OpKind::Insert {
                    out.push_str(&op.text);
                }
            }
            OpKind::Delete => bracket(&mut out, &op.text, "[-", "-]"),
            OpKind::Insert => bracket(&mut out, &op.text, "{+", "+}"),
        }
    }
    out
}

fn bracket(out: &mut String, text: &str, open: &str, close: &str) {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        out.push_str(text);
        return;
    }
    let lead = &text[..text.len() - text.trim_start().len()];
    let trail = &text[text.trim_end().len()..];
    out.push_str(lead);
    out.push_str(open);
    out.push_str(trimmed);
    out.push_str(close);
    out.push_str(trail);
}

fn push_wrapped(out: &mut String, first_prefix: &str, prefix: &str, text: &str, columns: usize) {
    for (k, range) in wrap::wrap(text, columns.max(10)).into_iter().enumerate() {
        out.push_str(if k == 0 { first_prefix } else { prefix });
        out.push_str(text[range].trim_end());
        out.push('\n');
    }
}

/// What a version says at a row, in words.
fn cell_line(articles: &[&Article], collation: &Collation, cell: &Cell) -> String {
    let article = articles[collation.versions[cell.version]];
    match cell.kind {
        LinkKind::Deleted => String::new(),
        LinkKind::Equal => "(the same)".to_owned(),
        LinkKind::Inserted => cell_text(article, cell),
        _ => {
            let moved = if cell.kind == LinkKind::Moved {
                let at = cell.sentences.first().copied().unwrap_or(0);
                match cell.confidence {
                    Some(c) => format!("(moved?, its sentence {at}, confidence {c:.2}) "),
                    None => format!("(moved, its sentence {at}) "),
                }
            } else {
                String::new()
            };
            format!("{moved}{}", inline_diff(&cell.ops))
        }
    }
}

/// The collation as text fitted to `width`.
pub fn text(articles: &[&Article], collation: &Collation, width: usize) -> String {
    let base = articles[collation.base];
    let ids: Vec<&str> = collation
        .versions
        .iter()
        .map(|&v| articles[v].label.as_str())
        .collect();
    let mut out = format!(
        "collation on {} ({} sentences) · versions {}\n\
         [-removed-] {{+added+}} against the base; = same, ~ changed, ↕ moved, - missing, + added\n\n",
        super::text::named(base),
        base.sentences.len(),
        ids.join(", ")
    );
    let width = width.max(40);
    let id_width = ids.iter().map(|id| wrap::width(id)).max().unwrap_or(3);
    let version_indent = 8 + id_width + 3;
    for row in &collation.rows {
        match row.base {
            Some(i) => push_wrapped(
                &mut out,
                &format!("{i:>5} │ "),
                "      │ ",
                base.sentence_text(i),
                width - 8,
            ),
            None => out.push_str("      ┆ \n"),
        }
        let missing: Vec<&str> = row
            .cells
            .iter()
            .filter(|c| c.kind == LinkKind::Deleted)
            .map(|c| ids[c.version])
            .collect();
        for cell in row.cells.iter().filter(|c| c.kind != LinkKind::Deleted) {
            let id = ids[cell.version];
            let first = format!("      │ {id:<id_width$} {} ", kind_mark(cell.kind));
            let rest = format!("      │ {}", " ".repeat(id_width + 3));
            let line = cell_line(articles, collation, cell);
            push_wrapped(
                &mut out,
                &first,
                &rest,
                &line,
                width.saturating_sub(version_indent),
            );
        }
        if !missing.is_empty() {
            out.push_str(&format!("      │ - not in {}\n", missing.join(", ")));
        }
        // A version whose link began at an earlier base sentence (a merge).
        if let Some(i) = row.base {
            for (v, id) in ids.iter().enumerate() {
                if row.cells.iter().all(|c| c.version != v)
                    && let Some(start) = merged_into(collation, v, i)
                {
                    out.push_str(&format!(
                        "      │ {id:<id_width$} ↑ (with sentence {start})\n"
                    ));
                }
            }
        }
    }
    out
}

/// The base sentence whose cell (for version `v`) also covers sentence `i`.
fn merged_into(collation: &Collation, v: usize, i: usize) -> Option<usize> {
    collation
        .rows
        .iter()
        .flat_map(|r| r.cells.iter())
        .find(|c| c.version == v && c.base_sentences.len() > 1 && c.base_sentences.contains(&i))
        .and_then(|c| c.base_sentences.first().copied())
}
