//! The similarity matrix and the stories, as JSON (the contract's
//! `matrix`) and as a heat table: the number, and a shade that says the
//! same without colour.

use serde::Serialize;

use super::text::truncate;
use crate::compare::stories::StoryMap;
use crate::corpus::Article;
use crate::wrap;

#[derive(Debug, Serialize)]
pub struct MatrixJson<'a> {
    pub articles: Vec<&'a str>,
    pub similarity: Vec<Vec<f32>>,
    pub stories: Vec<Vec<&'a str>>,
}

pub fn json<'a>(articles: &[&'a Article], map: &StoryMap) -> MatrixJson<'a> {
    let ids: Vec<&str> = articles.iter().map(|a| a.id.as_str()).collect();
    MatrixJson {
        similarity: map
            .similarity
            .iter()
            .map(|row| row.iter().map(|v| (v * 1000.0).round() / 1000.0).collect())
            .collect(),
        stories: map
            .stories
            .iter()
            .map(|story| story.iter().map(|&i| ids[i]).collect())
            .collect(),
        articles: ids,
    }
}

/// A shade for a similarity: blank, ░, ▒, ▓, █.
pub fn shade(value: f32) -> char {
    match value {
        v if v >= 0.6 => '█',
        v if v >= 0.3 => '▓',
        v if v >= 0.15 => '▒',
        v if v >= 0.05 => '░',
        _ => ' ',
    }
}

/// How strong a similarity is, 0–4, for colour.
pub fn level(value: f32) -> usize {
    match shade(value) {
        '█' => 4,
        '▓' => 3,
        '▒' => 2,
        '░' => 1,
        _ => 0,
    }
}

/// Widest row label of the heat table, in columns.
const MAX_ROW_LABEL: usize = 18;

/// Columns of a cell: a shade and a similarity (`█0.66`).
const CELL_COLUMNS: usize = 5;

/// The heat table, then the stories with their titles.
pub fn table(articles: &[&Article], map: &StoryMap, width: usize) -> String {
    let labels: Vec<&str> = articles.iter().map(|a| a.label.as_str()).collect();
    let longest = labels.iter().map(|l| wrap::width(l)).max().unwrap_or(3);
    // Rows are named in a column of their own; each article's column is as
    // wide as a cell (`█0.66`) or its label, as the width allows.
    let row_column = longest.clamp(5, MAX_ROW_LABEL) + 1;
    let room = width.saturating_sub(row_column) / labels.len().max(1);
    let column = longest.min(room.saturating_sub(1)).max(CELL_COLUMNS) + 1;
    let cut = |label: &str, columns: usize| truncate(label, columns);
    let right = |text: &str, columns: usize| {
        format!(
            "{}{text}",
            " ".repeat(columns.saturating_sub(wrap::width(text)))
        )
    };
    let mut out =
        String::from("similarity of every pair: █ ≥ 0.6  ▓ ≥ 0.3  ▒ ≥ 0.15  ░ ≥ 0.05\n\n");
    out.push_str(&" ".repeat(row_column));
    for label in &labels {
        out.push_str(&right(&cut(label, column - 1), column));
    }
    out.push('\n');
    for (i, row) in map.similarity.iter().enumerate() {
        let name = cut(labels[i], row_column - 1);
        out.push_str(&format!(
            "{name}{}",
            " ".repeat(row_column.saturating_sub(wrap::width(&name)))
        ));
        for (j, value) in row.iter().enumerate() {
            let cell = if i == j {
                "—".to_owned()
            } else {
                format!("{}{value:.2}", shade(*value))
            };
            out.push_str(&right(&cell, column));
        }
        out.push('\n');
    }
    out.push_str(&format!("\n{} stories\n", map.stories.len()));
    for (k, story) in map.stories.iter().enumerate() {
        out.push_str(&format!("\nstory {}:\n", k + 1));
        for &i in story {
            let line = format!("  {}  {}", labels[i], articles[i].display_title());
            out.push_str(&truncate(&line, width));
            out.push('\n');
        }
    }
    out
}
