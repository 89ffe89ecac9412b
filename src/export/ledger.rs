//! The discrepancy ledger as JSON (the contract's `facts`) and as a text
//! table, conflicts first.

use serde::Serialize;

use super::text::truncate;
use crate::compare::facts::{Fact, FactKind, Ledger, QuoteChange};
use crate::corpus::Article;
use crate::wrap;

/// `facts --format json`.
#[derive(Debug, Serialize)]
pub struct LedgerJson<'a> {
    pub articles: &'a [String],
    pub facts: Vec<FactJson<'a>>,
    /// Present when the budget ran out before every pair was aligned.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub coarse: Option<&'a crate::compare::Coarse>,
}

#[derive(Debug, Serialize)]
pub struct FactJson<'a> {
    pub kind: &'static str,
    pub conflict: bool,
    pub label: &'a str,
    /// The distinct values, each once, with the articles that state it.
    pub values: Vec<ValueJson<'a>>,
    pub mentions: Vec<MentionJson<'a>>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    pub quote_changes: &'a [QuoteChange],
}

#[derive(Debug, Serialize)]
pub struct ValueJson<'a> {
    pub value: String,
    pub articles: Vec<&'a str>,
}

#[derive(Debug, Serialize)]
pub struct MentionJson<'a> {
    pub article: &'a str,
    pub text: &'a str,
    pub value: &'a str,
    /// The sentence the mention stands in.
    pub sentence: &'a str,
    /// Its index among the article's sentences.
    pub sentence_index: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker: Option<&'a str>,
    /// The article is cut off inside or right after the mention.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub cut_off: bool,
    /// A fragment of a longer quote another version gives.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub partial: bool,
}

pub fn json<'a>(articles: &[&'a Article], ledger: &'a Ledger) -> LedgerJson<'a> {
    LedgerJson {
        articles: &ledger.articles,
        coarse: ledger.coarse.as_ref(),
        facts: ledger
            .facts
            .iter()
            .map(|fact| FactJson {
                kind: fact.kind.name(),
                conflict: fact.conflict,
                label: &fact.label,
                values: fact
                    .values()
                    .into_iter()
                    .map(|group| ValueJson {
                        value: group.value,
                        articles: group
                            .articles
                            .iter()
                            .map(|&a| ledger.articles[a].as_str())
                            .collect(),
                    })
                    .collect(),
                mentions: fact
                    .mentions
                    .iter()
                    .map(|m| MentionJson {
                        article: &ledger.articles[m.article],
                        text: &m.text,
                        value: &m.value,
                        sentence: articles[m.article].sentence_text(m.sentence),
                        sentence_index: m.sentence,
                        speaker: m.speaker.as_deref(),
                        cut_off: m.cut_off,
                        partial: m.partial,
                    })
                    .collect(),
                quote_changes: &fact.quote_changes,
            })
            .collect(),
    }
}

/// The label of the article with id `id` in the ledger (the id itself
/// if it is not there).
pub fn label_of<'a>(ledger: &'a Ledger, id: &'a str) -> &'a str {
    ledger
        .articles
        .iter()
        .position(|a| a == id)
        .and_then(|k| ledger.labels.get(k))
        .map_or(id, String::as_str)
}

/// What an article says of a fact, in a few words: the mentions as written,
/// distinct, joined by ` / `.
pub fn cell(fact: &Fact, article: usize) -> String {
    let mut texts: Vec<&str> = Vec::new();
    for m in fact.mentions.iter().filter(|m| m.article == article) {
        if !texts.contains(&m.text.as_str()) {
            texts.push(&m.text);
        }
    }
    texts.join(" / ")
}

/// How one quote change reads in a table.
pub fn describe(change: &QuoteChange, ledger: &Ledger) -> String {
    match change {
        QuoteChange::Paraphrased { article } => {
            format!("{}: no longer a quotation", label_of(ledger, article))
        }
        QuoteChange::SpeakerChanged { article, from, to } => {
            format!("{}: said by {to}, not {from}", label_of(ledger, article))
        }
        QuoteChange::Reworded { article } => {
            format!("{}: reworded", label_of(ledger, article))
        }
    }
}

fn pad(text: &str, columns: usize) -> String {
    let text = truncate(text, columns);
    let w = wrap::width(&text);
    format!("{text}{}", " ".repeat(columns.saturating_sub(w)))
}

/// One of a fact's values as shown: written as its first mention writes
/// it, with the labels of the articles that state it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShownValue {
    pub text: String,
    pub labels: Vec<String>,
    /// Cut off by the end of a cut-off copy: stated in part only.
    pub cut_off: bool,
    /// A fragment of a longer quote.
    pub partial: bool,
}

/// A fact's values, each once: `36 · 000 002 │ 37 · 001`. Cut-off
/// mentions come last, marked, as they state nothing for certain.
pub fn shown_values(fact: &Fact, labels: &[String]) -> Vec<ShownValue> {
    let written = |value: &str, cut: bool| {
        if fact.kind == FactKind::Name {
            // A name's value is its full spelling.
            return value.to_owned();
        }
        fact.mentions
            .iter()
            .find(|m| m.value == value && m.cut_off == cut)
            .map_or_else(|| value.to_owned(), |m| m.text.clone())
    };
    let mut out: Vec<ShownValue> = fact
        .values()
        .into_iter()
        .map(|group| {
            let plain = group.value.trim_end_matches(" (partial)");
            ShownValue {
                partial: plain.len() != group.value.len(),
                text: written(plain, false),
                labels: group.articles.iter().map(|&a| labels[a].clone()).collect(),
                cut_off: false,
            }
        })
        .collect();
    // The same words for different values (`last year` in copies of
    // different years): the value itself tells them apart.
    let values: Vec<String> = fact.values().into_iter().map(|g| g.value).collect();
    let texts: Vec<String> = out.iter().map(|v| v.text.to_lowercase()).collect();
    for (k, shown) in out.iter_mut().enumerate() {
        if texts.iter().filter(|t| **t == texts[k]).count() > 1 {
            let value = values[k].trim_end_matches(" (partial)");
            shown.text = format!("{} ({value})", shown.text);
        }
    }
    for m in fact.mentions.iter().filter(|m| m.cut_off) {
        let label = labels[m.article].clone();
        if !out.iter().any(|v| v.cut_off && v.labels.contains(&label)) {
            out.push(ShownValue {
                text: m.text.clone(),
                labels: vec![label],
                cut_off: true,
                partial: false,
            });
        }
    }
    out
}

impl ShownValue {
    /// The value with ` (partial)` or ` (cut off)` after it where it is so.
    pub fn value(&self) -> String {
        let mut text = self.text.clone();
        if self.partial {
            text.push_str(" (partial)");
        }
        if self.cut_off {
            text.push_str(" (cut off)");
        }
        text
    }

    /// The labels of the articles that state the value (see
    /// [`crate::corpus::label::join`]).
    pub fn articles(&self) -> String {
        crate::corpus::label::join(&self.labels)
    }

    /// `36 · 000 002`, `36 · The Moscow Times, 003`.
    pub fn render(&self) -> String {
        format!("{}{ARTICLES_AFTER}{}", self.value(), self.articles())
    }

    /// [`ShownValue::render`] in at most `columns`: the articles are cut
    /// first; the value is cut only when it alone is too wide, and then
    /// keeps the part where it differs from `others` (the other values).
    pub fn fitted(&self, others: &[String], columns: usize) -> ValuePiece {
        let value = self.value();
        let articles = self.articles();
        if wrap::width(&value) + wrap::width(ARTICLES_AFTER) + wrap::width(&articles) <= columns {
            return ValuePiece { value, articles };
        }
        let separator = wrap::width(ARTICLES_AFTER);
        // At least `…` of the articles.
        let value_room = columns.saturating_sub(separator + 1);
        let value = if wrap::width(&value) <= value_room {
            value
        } else {
            let others: Vec<&str> = others.iter().map(String::as_str).collect();
            fit_differing(&value, &others, value_room)
        };
        let articles_room = columns.saturating_sub(wrap::width(&value) + separator);
        ValuePiece {
            value,
            articles: truncate(&articles, articles_room),
        }
    }
}

/// A value and the articles that state it, fitted to a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValuePiece {
    pub value: String,
    pub articles: String,
}

impl ValuePiece {
    /// Display columns.
    pub fn width(&self) -> usize {
        wrap::width(&self.value) + wrap::width(ARTICLES_AFTER) + wrap::width(&self.articles)
    }
}

impl std::fmt::Display for ValuePiece {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}{ARTICLES_AFTER}{}", self.value, self.articles)
    }
}

/// Between a value and the articles that state it.
pub const ARTICLES_AFTER: &str = " · ";

/// Between two values of a fact.
pub const VALUE_SEPARATOR: &str = " │ ";

/// `text` cut to `columns` so that the part where it differs from the
/// `others` stays visible: a common beginning gives way to `…`.
pub fn fit_differing(text: &str, others: &[&str], columns: usize) -> String {
    if wrap::width(text) <= columns {
        return text.to_owned();
    }
    let common = others
        .iter()
        .map(|other| {
            text.char_indices()
                .zip(other.chars())
                .take_while(|((_, a), b)| a == b)
                .last()
                .map_or(0, |((at, c), _)| at + c.len_utf8())
        })
        .min()
        .unwrap_or(0);
    // Keep a few characters before the difference for context.
    let start = text[..common]
        .char_indices()
        .rev()
        .nth(8)
        .map_or(0, |(at, _)| at);
    if start == 0 {
        return truncate(text, columns);
    }
    format!("…{}", truncate(&text[start..], columns.saturating_sub(1)))
}

/// Columns of the label in a table `width` columns wide, with the space
/// after it: the longest label, within 12 and two fifths of the room.
pub fn label_columns(ledger: &Ledger, width: usize) -> usize {
    let fixed = 2 + KIND_COLUMNS;
    let longest = ledger
        .facts
        .iter()
        .map(|f| wrap::width(&f.label))
        .max()
        .unwrap_or(8);
    longest.clamp(12, (width.saturating_sub(fixed) * 2 / 5).max(12)) + 1
}

/// A fact's values laid out in `room` columns: lines of pieces
/// (`36 · 000 002`, see [`ValuePiece`]), to be joined by
/// [`VALUE_SEPARATOR`], a continued line
/// led by `│ `. A piece is cut only when it alone is wider than a line, and
/// then keeps the part where it differs from the other values.
pub fn value_lines(fact: &Fact, labels: &[String], room: usize) -> Vec<Vec<ValuePiece>> {
    let shown = shown_values(fact, labels);
    let values: Vec<String> = shown.iter().map(ShownValue::value).collect();
    let separator = wrap::width(VALUE_SEPARATOR);
    let mut lines: Vec<Vec<ValuePiece>> = vec![Vec::new()];
    let mut used = 0;
    for (k, value) in shown.iter().enumerate() {
        let others: Vec<String> = values
            .iter()
            .enumerate()
            .filter(|&(j, _)| j != k)
            .map(|(_, v)| v.clone())
            .collect();
        // Room for the `│ ` that leads a continued line.
        let piece = value.fitted(&others, room.saturating_sub(2));
        let width = piece.width();
        let line = lines.last_mut().expect("one line at least");
        if line.is_empty() {
            used = width;
            line.push(piece);
        } else if used + separator + width <= room {
            used += separator + width;
            line.push(piece);
        } else {
            used = 2 + width;
            lines.push(vec![piece]);
        }
    }
    lines
}

/// The ledger as a table fitted to `width`: a mark (`≠` conflict), the
/// kind, the label, then the fact's values, each with the articles that
/// state it. Values that do not fit go on to the next lines; none is cut
/// at 120 columns unless it is longer than the room there is, and then
/// the part that differs stays.
pub fn table(ledger: &Ledger, width: usize) -> String {
    let conflicts = ledger.facts.iter().filter(|f| f.conflict).count();
    let mut out = format!(
        "{} facts across {} articles, {conflicts} in conflict (≠)\n\n",
        ledger.facts.len(),
        ledger.articles.len()
    );
    if ledger.facts.is_empty() {
        return out;
    }
    let fixed = 2 + KIND_COLUMNS;
    let label_width = label_columns(ledger, width);
    let value_column = fixed + label_width;
    let room = width.saturating_sub(value_column).max(16);
    out.push_str(&format!(
        "  {}{}VALUES · ARTICLES\n",
        pad("KIND", KIND_COLUMNS),
        pad("FACT", label_width)
    ));
    for fact in &ledger.facts {
        let mark = if fact.conflict { "≠ " } else { "  " };
        let head = format!(
            "{mark}{}{} ",
            pad(fact.kind.name(), KIND_COLUMNS),
            pad(&fact.label, label_width - 1)
        );
        for (k, pieces) in value_lines(fact, &ledger.labels, room).iter().enumerate() {
            let line = pieces
                .iter()
                .map(ValuePiece::to_string)
                .collect::<Vec<_>>()
                .join(VALUE_SEPARATOR);
            let lead = if k == 0 {
                head.clone()
            } else {
                format!(
                    "{}{}",
                    " ".repeat(value_column),
                    VALUE_SEPARATOR.trim_start()
                )
            };
            out.push_str(format!("{lead}{line}").trim_end());
            out.push('\n');
        }
        for change in &fact.quote_changes {
            out.push_str(&format!(
                "{}↳ {}\n",
                " ".repeat(fixed),
                describe(change, ledger)
            ));
        }
    }
    out.push_str(
        "\n≠ the articles' values differ · (cut off) the copy ends there · (partial) a fragment of a longer quote\n",
    );
    out
}

/// Columns of the kind.
pub const KIND_COLUMNS: usize = 9;
