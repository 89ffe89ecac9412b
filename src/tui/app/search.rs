//! Searching: matches of a query in the open article (the reader), in the
//! two sides of the diff, or in the ledger's facts; the current match, and
//! scrolling to it.

use std::ops::Range;

use crate::corpus::{Article, fold};
use crate::export::text::header_lines;

use super::{App, Focus};
use crate::tui::keymap::Command;

/// More matches than this are not collected; the count then reads "N+".
pub const MAX_MATCHES: usize = 100_000;

/// Where a search looks: the pane it was started in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Scope {
    /// The open article's header and paragraphs.
    #[default]
    Reader,
    /// Both sides of every link of the diff: a match is a link.
    Diff,
    /// The shown facts (label, values, mentions and their sentences): a
    /// match is a fact.
    Facts,
}

/// A search.
#[derive(Debug, Clone, Default)]
pub struct Search {
    pub scope: Scope,
    pub query: String,
    /// The prompt is open and keys type into the query.
    pub editing: bool,
    pub matches: Vec<Match>,
    pub current: Option<usize>,
    /// More matches exist than were collected.
    pub capped: bool,
}

/// A match: in a line of the header (title, byline, dateline…), which
/// come first, or in a paragraph; `range` is bytes of that line's or
/// paragraph's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    /// The header line (see [`crate::export::text::header_lines`]), or
    /// `None` in the body.
    pub header: Option<usize>,
    /// The paragraph (0 for a header match).
    pub paragraph: usize,
    pub range: Range<usize>,
}

pub(super) fn start(app: &mut App) {
    let scope = match app.focus {
        Focus::Diff => Scope::Diff,
        Focus::Facts => Scope::Facts,
        _ => Scope::Reader,
    };
    let search = app.search.get_or_insert_with(Search::default);
    search.scope = scope;
    search.editing = true;
    search.query.clear();
    search.matches.clear();
    search.current = None;
}

/// Whether a search of the focused diff or facts pane is on (its n and N
/// step through the matches).
pub(super) fn in_pane(app: &App) -> bool {
    app.search.as_ref().is_some_and(|s| {
        !s.query.is_empty()
            && matches!(
                (s.scope, app.focus),
                (Scope::Diff, Focus::Diff) | (Scope::Facts, Focus::Facts)
            )
    })
}

/// Adds a typed character to the query.
pub(super) fn type_char(app: &mut App, c: char) {
    if let Some(search) = app.search.as_mut() {
        search.query.push(c);
    }
    refresh(app, true);
}

/// Keys of the search prompt.
pub(super) fn command(app: &mut App, command: Command) {
    match command {
        Command::Confirm => {
            if let Some(search) = app.search.as_mut() {
                search.editing = false;
                if search.query.is_empty() {
                    app.search = None;
                }
            }
            show_current(app);
        }
        Command::Erase => {
            if let Some(search) = app.search.as_mut() {
                search.query.pop();
            }
            refresh(app, true);
        }
        Command::NextMatch => step(app, true),
        Command::PrevMatch => step(app, false),
        _ => {}
    }
}

/// Recomputes the matches of the query in the open article. While typing,
/// the first match at or after the top of the pane becomes current.
pub(super) fn refresh(app: &mut App, follow: bool) {
    match app.search.as_ref().map(|s| s.scope) {
        Some(Scope::Diff) => return refresh_in_pane(app, diff_matches, follow),
        Some(Scope::Facts) => return refresh_in_pane(app, facts_matches, follow),
        _ => {}
    }
    let Some(article) = app.articles.get(app.open) else {
        return;
    };
    let Some(search) = app.search.as_mut() else {
        return;
    };
    let (matches, capped) = find_matches(article, &search.query);
    search.matches = matches;
    search.capped = capped;
    search.current = None;
    if search.matches.is_empty() {
        return;
    }
    let layout = app.reader_layout();
    let from = layout
        .as_ref()
        .map_or((0, 0), |layout| layout.anchor_of(app.reader_top));
    // With the header in view, its matches are the first after the top.
    let header_shown = layout
        .as_ref()
        .is_none_or(|l| app.reader_top < l.head_len());
    let Some(search) = app.search.as_mut() else {
        return;
    };
    let first_after = search.matches.partition_point(|m| match m.header {
        Some(_) => !header_shown,
        None => (m.paragraph, m.range.start) < from,
    });
    search.current = Some(if first_after < search.matches.len() {
        first_after
    } else {
        0
    });
    if follow {
        show_current(app);
    }
}

pub(super) fn step(app: &mut App, forward: bool) {
    let Some(search) = app.search.as_mut() else {
        return;
    };
    let count = search.matches.len();
    if count == 0 {
        return;
    }
    search.current = Some(match (search.current, forward) {
        (None, _) => 0,
        (Some(i), true) => (i + 1) % count,
        (Some(i), false) => (i + count - 1) % count,
    });
    show_current(app);
}

/// Recomputes the matches of the query in the diff or the facts (each a
/// link or a fact, in `paragraph`); the first match becomes current.
fn refresh_in_pane(app: &mut App, find: fn(&App, &str) -> Vec<Match>, follow: bool) {
    let Some(query) = app.search.as_ref().map(|s| s.query.clone()) else {
        return;
    };
    let matches = find(app, &query);
    let Some(search) = app.search.as_mut() else {
        return;
    };
    search.capped = false;
    search.current = (!matches.is_empty()).then_some(0);
    search.matches = matches;
    if follow {
        show_current(app);
    }
}

/// The links of the diff with a match on either side.
fn diff_matches(app: &App, query: &str) -> Vec<Match> {
    let Some(diff) = app.diff.as_ref() else {
        return Vec::new();
    };
    let Some(comparison) = diff.comparison.as_ref() else {
        return Vec::new();
    };
    let (left, right) = diff.shown_pair();
    let (left, right) = (&app.articles[left], &app.articles[right]);
    let found = |article: &Article, sentences: &[usize]| {
        sentences
            .iter()
            .any(|&s| !fold::find_all(article.sentence_text(s), query, 1).is_empty())
    };
    comparison
        .alignment
        .links
        .iter()
        .enumerate()
        .filter(|(_, link)| found(left, &link.left) || found(right, &link.right))
        .map(|(k, _)| Match {
            header: None,
            paragraph: k,
            range: 0..0,
        })
        .collect()
}

/// The shown facts with a match in their label, values, mentions or the
/// mentions' sentences.
fn facts_matches(app: &App, query: &str) -> Vec<Match> {
    let hit = |text: &str| !fold::find_all(text, query, 1).is_empty();
    app.facts
        .shown()
        .iter()
        .enumerate()
        .filter(|(_, fact)| {
            hit(&fact.label)
                || fact.mentions.iter().any(|m| {
                    hit(&m.text)
                        || hit(&m.value)
                        || app
                            .articles
                            .get(m.article)
                            .is_some_and(|a| hit(a.sentence_text(m.sentence)))
                })
        })
        .map(|(k, _)| Match {
            header: None,
            paragraph: k,
            range: 0..0,
        })
        .collect()
}

/// Scrolls so that the current match is in view, a third of the way down.
fn show_current(app: &mut App) {
    let found = app.search.as_ref().and_then(|s| {
        s.current
            .and_then(|i| s.matches.get(i))
            .map(|m| (s.scope, m.paragraph))
    });
    match found {
        Some((Scope::Diff, link)) => return super::diff::go_to_link(app, link),
        Some((Scope::Facts, fact)) => return super::facts::select(app, fact),
        _ => {}
    }
    let Some(layout) = app.reader_layout() else {
        return;
    };
    let Some(found) = app
        .search
        .as_ref()
        .and_then(|s| s.current.and_then(|i| s.matches.get(i)))
    else {
        return;
    };
    let row = match found.header {
        Some(line) => layout.header_row_of(line, found.range.start),
        None => layout.row_of(found.paragraph, found.range.start),
    };
    let height = app.reader_height();
    if row < app.reader_top || row >= app.reader_top + height {
        app.reader_top = layout.top_showing(row, height);
    }
}

/// Every occurrence of `query` in the article's header lines (as the
/// reader shows them: title, byline, dateline, date…) and paragraphs,
/// folded as [`fold::FoldOptions::for_query`] says (smart case, smart
/// accents, quotes and dashes of every kind alike). True when more than
/// [`MAX_MATCHES`] were found.
pub fn find_matches(article: &Article, query: &str) -> (Vec<Match>, bool) {
    let mut matches = Vec::new();
    for (line, (_, text)) in header_lines(article).iter().enumerate() {
        matches.extend(
            fold::find_all(text, query, MAX_MATCHES)
                .into_iter()
                .map(|range| Match {
                    header: Some(line),
                    paragraph: 0,
                    range,
                }),
        );
    }
    for (paragraph, p) in article.paragraphs.iter().enumerate() {
        let room = MAX_MATCHES + 1 - matches.len();
        matches.extend(
            fold::find_all(&p.text, query, room)
                .into_iter()
                .map(|range| Match {
                    header: None,
                    paragraph,
                    range,
                }),
        );
        if matches.len() > MAX_MATCHES {
            matches.truncate(MAX_MATCHES);
            return (matches, true);
        }
    }
    (matches, false)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::seeds;

    #[test]
    fn smart_case_search() {
        let articles = seeds();
        let (lower, _) = find_matches(&articles[2], "peresild");
        let (exact, _) = find_matches(&articles[2], "Peresild");
        assert!(lower.len() >= exact.len() && !exact.is_empty());
        let (none, _) = find_matches(&articles[2], "PERESILD");
        assert!(none.is_empty());
    }

    #[test]
    fn the_title_is_searched_and_apostrophes_match_either_way() {
        let articles = seeds();
        // 002's title: "Russia Races Tom Cruise and Musk for First Movie in Space".
        let (found, _) = find_matches(&articles[2], "races tom");
        assert_eq!(found[0].header, Some(0), "{found:?}");
        // The body writes Russia's with a straight apostrophe; a curly one
        // in the query finds it, and the other way round.
        let (curly, _) = find_matches(&articles[2], "Russia\u{2019}s");
        let (straight, _) = find_matches(&articles[2], "Russia's");
        assert!(!curly.is_empty());
        assert_eq!(curly, straight);
    }
}
