//! The discrepancy ledger as JSON (the contract's `facts`) and as a text
//! table, conflicts first.

use serde::Serialize;

use super::text::truncate;
use crate::compare::facts::{Fact, Ledger, QuoteChange};
use crate::corpus::Article;
use crate::wrap;

/// `facts --format json`.
#[derive(Debug, Serialize)]
pub struct LedgerJson<'a> {
    pub articles: &'a [String],
    pub facts: Vec<FactJson<'a>>,
}

#[derive(Debug, Serialize)]
pub struct FactJson<'a> {
    pub kind: &'static str,
    pub conflict: bool,
    pub label: &'a str,
    pub mentions: Vec<MentionJson<'a>>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    pub quote_changes: &'a [QuoteChange],
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
}

pub fn json<'a>(articles: &[&'a Article], ledger: &'a Ledger) -> LedgerJson<'a> {
    LedgerJson {
        articles: &ledger.articles,
        facts: ledger
            .facts
            .iter()
            .map(|fact| FactJson {
                kind: fact.kind.name(),
                conflict: fact.conflict,
                label: &fact.label,
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

/// The ledger as a table fitted to `width`: a mark (`≠` conflict), the
/// kind, the label, then one column per article.
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
    let n = ledger.articles.len().max(1);
    let fixed = 2 + 9;
    let label_width = (width.saturating_sub(fixed) * 2 / 5).clamp(16, 44);
    let column = (width.saturating_sub(fixed + label_width) / n).max(8) - 1;
    let mut header = format!("  {}{}", pad("KIND", 9), pad("FACT", label_width));
    for label in &ledger.labels {
        header.push(' ');
        header.push_str(&pad(label, column));
    }
    out.push_str(header.trim_end());
    out.push('\n');
    for fact in &ledger.facts {
        let mark = if fact.conflict { "≠ " } else { "  " };
        let mut line = format!(
            "{mark}{}{}",
            pad(fact.kind.name(), 9),
            pad(&fact.label, label_width)
        );
        for article in 0..ledger.articles.len() {
            line.push(' ');
            let text = cell(fact, article);
            line.push_str(&pad(if text.is_empty() { "·" } else { &text }, column));
        }
        out.push_str(line.trim_end());
        out.push('\n');
        for change in &fact.quote_changes {
            out.push_str(&format!(
                "{}↳ {}\n",
                " ".repeat(11),
                describe(change, ledger)
            ));
        }
    }
    out.push_str("\n· the article does not state it; … cut to fit (see --format json)\n");
    out
}
