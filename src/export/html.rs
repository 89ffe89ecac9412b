//! One self-contained HTML page: a side-by-side diff with moves marked,
//! and the discrepancy ledger. Inline CSS only, no script, no external
//! asset: it works offline and from a mail attachment. Every text from an
//! article is escaped.

use std::fmt::Write as _;

use super::ledger::{describe, shown_values};
use super::text::kind_mark;
use crate::compare::diff::{SideText, sides};
use crate::compare::facts::Ledger;
use crate::compare::{Comparison, LinkKind, Row};
use crate::corpus::Article;

/// Escapes text for HTML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = r#"
:root { color-scheme: light dark; --del: #ffd7d5; --ins: #d1f5d3; --moved: #e8dcff; --rule: #8884; }
@media (prefers-color-scheme: dark) { :root { --del: #5c1f1f; --ins: #1c4a25; --moved: #3d2f5f; } }
body { font: 15px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 90rem; padding: 0 1rem; }
h1 { font-size: 1.3rem; } h2 { font-size: 1.1rem; margin-top: 2.5rem; }
.summary { color: GrayText; }
table { border-collapse: collapse; width: 100%; }
td, th { vertical-align: top; padding: .25rem .5rem; border-bottom: 1px solid var(--rule); text-align: left; }
td.n { color: GrayText; font-variant-numeric: tabular-nums; white-space: nowrap; width: 4.5rem; }
table.diff td.text { width: 50%; }
del { background: var(--del); text-decoration: line-through; }
ins { background: var(--ins); text-decoration: underline; }
tr.moved td { background: var(--moved); }
tr.equal td.text { color: GrayText; }
tr.place td { color: GrayText; }
a.move { text-decoration: none; font-weight: bold; }
tr.conflict td.mark { color: #c00; font-weight: bold; }
ul.values { list-style: none; margin: 0; padding: 0; }
ul.values li { display: inline; }
ul.values li + li::before { content: " │ "; color: GrayText; }
ul.values .article { color: GrayText; }
td.mark { width: 5rem; }
label.toggle { float: right; font-size: .9rem; }
#hide-equal:checked ~ table.diff tr.equal { display: none; }
"#;

fn head(out: &mut String, title: &str) {
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        escape(title)
    );
}

/// A side's text with its changed stretches in `<del>` or `<ins>`, and the
/// anchors a cross-language link agrees on in `<u class="agree">`.
fn marked(side: &SideText, tag: &str) -> String {
    let mut out = String::new();
    let mut at = 0;
    for (range, changed) in side.marks() {
        out.push_str(&escape(&side.text[at..range.start]));
        let inner = escape(&side.text[range.clone()]);
        if changed {
            let _ = write!(out, "<{tag}>{inner}</{tag}>");
        } else {
            let _ = write!(out, "<u class=\"agree\">{inner}</u>");
        }
        at = range.end;
    }
    out.push_str(&escape(&side.text[at..]));
    out
}

/// The sentence numbers of a side, each an anchor (`l12`, `r7`).
fn numbers(side: char, sentences: &[usize]) -> String {
    sentences
        .iter()
        .map(|s| format!("<span id=\"{side}{s}\">{s}</span>"))
        .collect::<Vec<_>>()
        .join("+")
}

/// The faint row where a moved sentence stands in the right version.
fn moved_here(out: &mut String, comparison: &Comparison, moved: usize) {
    let link = &comparison.alignment.links[moved];
    let (_, right) = sides(&comparison.ops[moved]);
    let _ = writeln!(
        out,
        "<tr class=\"place\" id=\"place{moved}\"><td class=\"n\"><a class=\"move\" href=\"#moved{moved}\" title=\"the moved sentence\">↕</a></td><td class=\"text\"><i>moved from left {}</i></td><td class=\"n\"></td><td class=\"text\">{}</td></tr>",
        link.left.first().copied().unwrap_or(0),
        escape(&right.text)
    );
}

/// The diff of two articles and the ledger of the pair.
pub fn diff_page(
    left: &Article,
    right: &Article,
    comparison: &Comparison,
    ledger: &Ledger,
    articles: &[&Article],
) -> String {
    let mut out = String::new();
    head(
        &mut out,
        &format!(
            "{} ↔ {}",
            super::text::named(left),
            super::text::named(right)
        ),
    );
    let counts = comparison.alignment.counts();
    if let Some(note) = super::text::languages_note(left, right, comparison) {
        let _ = writeln!(
            out,
            "<p class=\"summary\"><strong>{}</strong></p>",
            escape(&note)
        );
    }
    let _ = write!(
        out,
        "<h1>{} ↔ {}</h1>\n<p class=\"summary\">left: {} · right: {}<br>similarity {:.2} · {} equal · {} changed · {} moved · {} removed · {} added</p>\n",
        escape(&left.id),
        escape(&right.id),
        escape(left.display_title()),
        escape(right.display_title()),
        comparison.alignment.similarity,
        counts[0],
        counts[1],
        counts[2],
        counts[3],
        counts[4],
    );
    for coarse in &comparison.coarse {
        let _ = writeln!(
            out,
            "<p class=\"summary\">coarse result ({}): {}</p>",
            escape(coarse.stage),
            escape(&coarse.reason)
        );
    }
    out.push_str("<input type=\"checkbox\" id=\"hide-equal\"><label class=\"toggle\" for=\"hide-equal\">hide equal sentences</label>\n");
    out.push_str("<table class=\"diff\">\n<thead><tr><th></th><th>left</th><th></th><th>right</th></tr></thead>\n<tbody>\n");
    // A moved sentence's row stands at its place on the left; a faint row
    // marks its place on the right, and each links to the other.
    for shown in comparison.rows() {
        let k = match shown {
            Row::MovedHere(moved) => {
                moved_here(&mut out, comparison, moved);
                continue;
            }
            Row::Link(k) => k,
        };
        let (link, ops) = (&comparison.alignment.links[k], &comparison.ops[k]);
        let (left_side, right_side) = sides(ops);
        let class = link.kind.name();
        let mark = kind_mark(link.kind);
        let (id, jump) = if link.kind == LinkKind::Moved {
            (
                format!(" id=\"moved{k}\""),
                format!(
                    " <a class=\"move\" href=\"#place{k}\" title=\"its place in the right version{}\">↕{}</a>",
                    link.confidence
                        .map(|c| format!(" (paired on shared rare words, confidence {c:.2})"))
                        .unwrap_or_default(),
                    if link.confidence.is_some() { "?" } else { "" },
                ),
            )
        } else {
            (String::new(), String::new())
        };
        let left_cell = if link.left.is_empty() {
            String::new()
        } else {
            marked(&left_side, "del")
        };
        let right_cell = if link.right.is_empty() {
            String::new()
        } else {
            marked(&right_side, "ins")
        };
        let _ = writeln!(
            out,
            "<tr class=\"{class}\"{id}><td class=\"n\">{} {mark}{jump}</td><td class=\"text\">{left_cell}</td><td class=\"n\">{} {mark}</td><td class=\"text\">{right_cell}</td></tr>",
            numbers('l', &link.left),
            numbers('r', &link.right),
        );
    }
    out.push_str("</tbody>\n</table>\n");
    ledger_table(&mut out, articles, ledger);
    out.push_str("</body>\n</html>\n");
    out
}

/// A page with the ledger alone.
pub fn ledger_page(articles: &[&Article], ledger: &Ledger) -> String {
    let mut out = String::new();
    head(&mut out, &format!("Facts of {} articles", articles.len()));
    let _ = writeln!(out, "<h1>Facts of {} articles</h1>", articles.len());
    ledger_table(&mut out, articles, ledger);
    out.push_str("</body>\n</html>\n");
    out
}

/// The ledger in value-group form: one row per fact, its distinct values
/// each once with the articles that state it (the article's id on hover).
fn ledger_table(out: &mut String, articles: &[&Article], ledger: &Ledger) {
    let conflicts = ledger.facts.iter().filter(|f| f.conflict).count();
    let _ = writeln!(
        out,
        "<h2 id=\"ledger\">Facts</h2>\n<p class=\"summary\">{} facts, {conflicts} in conflict</p>",
        ledger.facts.len()
    );
    out.push_str(
        "<table class=\"ledger\">\n<thead><tr><th>conflict</th><th>kind</th><th>fact</th><th>values · articles</th></tr></thead>\n<tbody>\n",
    );
    let id_of = |label: &str| -> String {
        articles
            .iter()
            .find(|a| a.label == label)
            .map_or_else(|| label.to_owned(), |a| a.id.clone())
    };
    for fact in &ledger.facts {
        let class = if fact.conflict { "conflict" } else { "agree" };
        let _ = write!(
            out,
            "<tr class=\"{class}\"><td class=\"mark\">{}</td><td>{}</td><td>{}",
            if fact.conflict { "≠ conflict" } else { "" },
            fact.kind.name(),
            escape(&fact.label)
        );
        for change in &fact.quote_changes {
            let _ = write!(
                out,
                "<br><small>↳ {}</small>",
                escape(&describe(change, ledger))
            );
        }
        out.push_str("</td><td><ul class=\"values\">");
        for value in shown_values(fact, &ledger.labels) {
            let labels: Vec<String> = value
                .labels
                .iter()
                .map(|label| {
                    format!(
                        "<span class=\"article\" title=\"{}\">{}</span>",
                        escape(&id_of(label)),
                        escape(label)
                    )
                })
                .collect();
            let _ = write!(
                out,
                "<li><span class=\"value\">{}</span> · {}</li>",
                escape(&value.value()),
                labels.join(", ")
            );
        }
        out.push_str("</ul></td></tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            escape(r#"<script>alert("x" & 'y')</script>"#),
            "&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;"
        );
    }
}
