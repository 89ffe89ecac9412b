//! The similarity matrix and the stories, as JSON (the contract's
//! `matrix`) and as a heat table: the number, and a shade that says the
//! same without colour.

use serde::Serialize;

use super::text::truncate;
use crate::compare::Coarse;
use crate::compare::stories::{Measure, PAIR_FLOOR, StoryMap};
use crate::corpus::Article;
use crate::wrap;

/// The contract's `matrix`: the articles, their stories, the similar
/// pairs (`[i, j, similarity]`, `i < j`, indexing `articles`, at or above
/// [`PAIR_FLOOR`]) and, for at most
/// [`DENSE_LIMIT`](crate::compare::stories::DENSE_LIMIT) articles, the dense
/// table.
#[derive(Debug, Serialize)]
pub struct MatrixJson<'a> {
    pub articles: Vec<&'a str>,
    pub stories: Vec<Vec<&'a str>>,
    /// What the similarities measure: `alignment` or `words`.
    pub measure: Measure,
    pub pairs: Vec<(u32, u32, f32)>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub similarity: Option<Vec<Vec<f32>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub coarse: Option<Coarse>,
}

/// Three decimals are all a similarity says.
fn rounded(value: f32) -> f32 {
    (value * 1000.0).round() / 1000.0
}

pub fn json<'a>(articles: &[&'a Article], map: &StoryMap) -> MatrixJson<'a> {
    let ids: Vec<&str> = articles.iter().map(|a| a.id.as_str()).collect();
    MatrixJson {
        stories: map
            .stories
            .iter()
            .map(|story| story.iter().map(|&i| ids[i]).collect())
            .collect(),
        measure: map.measure,
        pairs: map
            .similar_pairs()
            .map(|(i, j, s)| (i, j, rounded(s)))
            .collect(),
        similarity: map.dense().map(|table| {
            table
                .into_iter()
                .map(|row| row.into_iter().map(rounded).collect())
                .collect()
        }),
        coarse: map.coarse.then(|| Coarse {
            stage: "stories",
            reason: COARSE_REASON.to_owned(),
        }),
        articles: ids,
    }
}

/// Why a story map is coarse, in the JSON and under the table.
const COARSE_REASON: &str = "the time budget ran out: some pairs were judged by their shared words";

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

/// Most articles the text heat table shows; above, the stories and the
/// count of similar pairs (the JSON gives them).
pub const MAX_TABLE_ARTICLES: usize = 60;

/// The heat table (at most [`MAX_TABLE_ARTICLES`] articles), then the
/// stories with their titles.
pub fn table(articles: &[&Article], map: &StoryMap, width: usize) -> String {
    let mut out = if map.measure == Measure::Given {
        format!(
            "{} articles; their stories came with the records (no pair was compared)\n",
            articles.len()
        )
    } else if articles.len() <= MAX_TABLE_ARTICLES {
        heat_table(articles, map, width)
    } else {
        format!(
            "{} articles, {} similar pairs (similarity ≥ {PAIR_FLOOR}, by {}); \
             the table is shown for at most {MAX_TABLE_ARTICLES} articles, \
             --format json lists the pairs\n",
            articles.len(),
            map.similar_pairs().count(),
            match map.measure {
                Measure::Alignment => "sentence alignment",
                _ => "shared content words",
            }
        )
    };
    if map.coarse {
        out.push_str(&format!("({COARSE_REASON})\n"));
    }
    let several: Vec<&Vec<usize>> = map.stories.iter().filter(|s| s.len() > 1).collect();
    let alone = map.stories.len() - several.len();
    out.push_str(&format!("\n{} stories\n", map.stories.len()));
    let listed_alone = articles.len() <= MAX_TABLE_ARTICLES;
    if !listed_alone && alone > 0 {
        out.push_str(&format!(
            "({} of several versions listed; {alone} articles stand alone)\n",
            several.len()
        ));
    }
    for (k, story) in map.stories.iter().enumerate() {
        if !listed_alone && story.len() == 1 {
            continue;
        }
        out.push_str(&format!("\nstory {}:\n", k + 1));
        for &i in story {
            let line = format!("  {}  {}", articles[i].label, articles[i].display_title());
            out.push_str(&truncate(&line, width));
            out.push('\n');
        }
    }
    out
}

/// The similarity of every pair, shaded.
fn heat_table(articles: &[&Article], map: &StoryMap, width: usize) -> String {
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
    let mut out = String::from(match map.measure {
        Measure::Alignment | Measure::Given => {
            "similarity of every pair: █ ≥ 0.6  ▓ ≥ 0.3  ▒ ≥ 0.15  ░ ≥ 0.05\n\n"
        }
        Measure::Words => {
            "shared content words (Jaccard) of the pairs compared (· not compared): █ ≥ 0.6  ▓ ≥ 0.3  ▒ ≥ 0.15  ░ ≥ 0.05\n\n"
        }
    });
    out.push_str(&" ".repeat(row_column));
    for label in &labels {
        out.push_str(&right(&cut(label, column - 1), column));
    }
    out.push('\n');
    for (i, label) in labels.iter().enumerate() {
        let name = cut(label, row_column - 1);
        out.push_str(&format!(
            "{name}{}",
            " ".repeat(row_column.saturating_sub(wrap::width(&name)))
        ));
        for j in 0..labels.len() {
            let cell = match map.compared(i, j) {
                _ if i == j => "—".to_owned(),
                None => "·".to_owned(),
                Some(value) => format!("{}{value:.2}", shade(value)),
            };
            out.push_str(&right(&cell, column));
        }
        out.push('\n');
    }
    out
}
