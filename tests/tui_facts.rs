//! The facts pane, the collation view and the similarity matrix, rendered
//! into `TestBackend`: snapshots at 80×24 and 160×48, the filters, the
//! jumps from a mention to the reader and to the diff and from a collation
//! row to the diff, and the source list grouped by story.

use insta::assert_snapshot;
use ratatui::style::Color;

use spacefilm::compare::LinkKind;
use spacefilm::compare::facts::FactKind;
use spacefilm::corpus;
use spacefilm::tui::app::{App, Focus};
use spacefilm::tui::layout::Mode;

mod common;
use common::tui::{app_with, draw, press, styled, text};

fn seeds(width: u16, height: u16) -> App {
    app_with(corpus::seeds(), width, height, true)
}

#[test]
fn facts_80x24() {
    let mut app = seeds(80, 24);
    press(&mut app, "F");
    assert_snapshot!(styled(draw(&app).backend().buffer()));
}

#[test]
fn facts_160x48() {
    let mut app = seeds(160, 48);
    press(&mut app, "F j");
    assert_snapshot!(styled(draw(&app).backend().buffer()));
}

#[test]
fn collation_80x24() {
    let mut app = seeds(80, 24);
    press(&mut app, "j j enter C j");
    assert_snapshot!(styled(draw(&app).backend().buffer()));
}

#[test]
fn collation_160x48() {
    let mut app = seeds(160, 48);
    press(&mut app, "j j enter C j j j");
    assert_snapshot!(styled(draw(&app).backend().buffer()));
}

#[test]
fn conflicts_come_first_and_the_filters_narrow_the_list() {
    let mut app = seeds(160, 48);
    press(&mut app, "F");
    assert_eq!((app.mode, app.focus), (Mode::Facts, Focus::Facts));
    let all = app.facts.shown().len();
    let conflicts: Vec<bool> = app.facts.shown().iter().map(|f| f.conflict).collect();
    let first_agreement = conflicts.iter().position(|c| !c).expect("some facts agree");
    assert!(conflicts[first_agreement..].iter().all(|c| !c));
    press(&mut app, "c");
    assert_eq!(app.facts.shown().len(), first_agreement);
    assert!(text(draw(&app).backend().buffer()).contains("conflicts only"));
    press(&mut app, "c t");
    assert_eq!(app.facts.kind, Some(FactKind::Age));
    assert!(app.facts.shown().iter().all(|f| f.kind == FactKind::Age));
    assert!(app.facts.shown().len() < all);
    let screen = text(draw(&app).backend().buffer());
    assert!(screen.contains("age of Yulia Peresild"), "{screen}");
    assert!(!screen.contains("spelling of"), "{screen}");
}

#[test]
fn enter_shows_a_conflicting_mention_highlighted_in_the_reader() {
    let mut app = seeds(120, 40);
    // The first fact is Yulia Peresild's age; its second mention is 001's 37.
    press(&mut app, "F n");
    let mention = app.facts.selected_mention().unwrap().clone();
    assert_eq!(app.articles[mention.article].id, "001_68204c46c6310e18");
    assert_eq!(mention.text, "37");
    press(&mut app, "enter");
    assert_eq!(
        (app.mode, app.focus, app.open),
        (Mode::Reader, Focus::Reader, mention.article)
    );
    let terminal = draw(&app);
    let buffer = terminal.backend().buffer();
    let screen = text(buffer);
    let (y, line) = screen
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains("Peressild, 37"))
        .expect("the sentence is in view");
    // The mention stands out from its highlighted sentence.
    let column = line[..line.find("37,").unwrap()].chars().count() as u16;
    let mention_cell = &buffer[(column, y as u16)];
    let sentence_cell = &buffer[(column - 4, y as u16)];
    assert_eq!(sentence_cell.bg, Color::Blue, "the sentence is highlighted");
    assert_ne!(mention_cell.bg, sentence_cell.bg, "the mention stands out");
}

#[test]
fn d_on_a_mention_opens_the_diff_at_its_sentence() {
    let mut app = seeds(120, 40);
    press(&mut app, "F n d");
    assert_eq!((app.mode, app.focus), (Mode::Compare, Focus::Diff));
    let diff = app.diff.as_ref().unwrap();
    assert_eq!((diff.left, diff.right), (0, 1));
    let comparison = diff.comparison.as_ref().unwrap();
    let link = &comparison.alignment.links[diff.current.expect("a current link")];
    let first = &app.articles[0];
    assert!(
        link.left
            .iter()
            .any(|&s| first.sentence_text(s).contains("Peresild, 36"))
    );
}

#[test]
fn collation_stacks_every_version_and_opens_a_pairwise_diff() {
    let mut app = seeds(160, 48);
    // 002 is the base; its sentence 0 has 000's and 003's wordings.
    press(&mut app, "j j enter C");
    let view = app.collate.as_ref().unwrap();
    assert_eq!(view.base, 2);
    let collation = view.collation.as_ref().unwrap();
    let row = collation
        .rows
        .iter()
        .position(|r| r.base == Some(0))
        .unwrap();
    let down = "j ".repeat(row);
    press(&mut app, &down);
    let screen = text(draw(&app).backend().buffer());
    assert!(
        screen.contains("Six decades after Soviet cosmonaut"),
        "{screen}"
    );
    assert!(screen.contains("003"), "{screen}");
    // The second version with something to say here is 003.
    press(&mut app, "n d");
    assert_eq!((app.mode, app.focus), (Mode::Compare, Focus::Diff));
    let diff = app.diff.as_ref().unwrap();
    assert_eq!((diff.left, diff.right), (2, 3));
    let comparison = diff.comparison.as_ref().unwrap();
    let link = &comparison.alignment.links[diff.current.unwrap()];
    assert_eq!(link.left, [0]);
    assert_eq!(link.kind, LinkKind::Changed);
}

#[test]
fn the_facts_pane_goes_full_width_and_back() {
    let mut app = seeds(120, 30);
    press(&mut app, "F 3");
    assert_eq!((app.mode, app.focus), (Mode::Facts, Focus::Facts));
    let screen = text(draw(&app).backend().buffer());
    assert!(!screen.contains("Sources (5)"), "{screen}");
    // No value is cut at 120 columns: the sums sit whole, each once.
    assert!(
        screen.contains("tens of millions of dollars · 000, The Moscow Times"),
        "{screen}"
    );
    assert!(
        screen.contains("│ tens of thousands of dollars · 003"),
        "{screen}"
    );
    press(&mut app, "v");
    let screen = text(draw(&app).backend().buffer());
    assert!(screen.contains("Sources (5)"), "{screen}");
    assert_eq!(app.mode, Mode::Facts);
}

#[test]
fn matrix_80x24() {
    let mut app = seeds(80, 24);
    press(&mut app, "M");
    assert_snapshot!(styled(draw(&app).backend().buffer()));
}

#[test]
fn matrix_160x48() {
    let mut app = seeds(160, 48);
    press(&mut app, "M");
    assert_snapshot!(styled(draw(&app).backend().buffer()));
}

#[test]
fn the_matrix_shades_by_strength_and_names_the_stories() {
    let mut app = seeds(100, 30);
    press(&mut app, "M");
    assert_eq!((app.mode, app.focus), (Mode::Matrix, Focus::Matrix));
    let terminal = draw(&app);
    let screen = text(terminal.backend().buffer());
    let row = screen.lines().find(|l| l.contains("┃The Moscow")).unwrap();
    assert!(row.contains("█0.66"), "{screen}");
    assert!(screen.contains("A 000, The Moscow Times, 003"), "{screen}");
}

#[test]
fn the_list_groups_by_story_and_moves_in_that_order() {
    let mut app = seeds(100, 30);
    // 000, 002, 003 are story A; 001 and 004 stand alone.
    press(&mut app, "S");
    assert_eq!(app.list_order(), [0, 2, 3, 1, 4]);
    let screen = text(draw(&app).backend().buffer());
    assert!(screen.contains("3 stories"), "{screen}");
    press(&mut app, "j");
    assert_eq!(app.selected, 2, "down goes to the next of the story");
    press(&mut app, "j j");
    assert_eq!(app.selected, 1);
    press(&mut app, "S");
    assert_eq!(app.list_order(), [0, 1, 2, 3, 4]);
}

#[test]
fn the_matrix_scrolls_along_its_diagonal() {
    let mut app = seeds(60, 12);
    press(&mut app, "M j j");
    assert_eq!(app.stories.top, 2);
    let screen = text(draw(&app).backend().buffer());
    let header = screen.lines().nth(1).unwrap().split('┃').nth(1).unwrap();
    // Rows and columns both start at 002, The Moscow Times.
    assert!(
        header.contains("The") && !header.contains("000"),
        "{screen}"
    );
    assert!(
        screen.lines().nth(2).unwrap().contains("┃The Moscow"),
        "{screen}"
    );
}

#[test]
fn app_collation_covers_the_open_story_or_the_marked_pair() {
    // 002's story is 000, 002 and 003 (001 and 004 are other stories).
    let mut app = seeds(120, 40);
    press(&mut app, "j j enter C");
    let view = app.collate.as_ref().unwrap();
    let collation = view.collation.as_ref().expect("collated");
    assert_eq!(
        (collation.base, collation.versions.clone()),
        (2, vec![0, 3])
    );
    // With two versions marked, their collation, the left one the base.
    let mut app = seeds(120, 40);
    press(&mut app, "j space j j j space C");
    let collation = app.collate.as_ref().unwrap().collation.as_ref().unwrap();
    assert_eq!((collation.base, collation.versions.clone()), (1, vec![4]));
}

/// Types `query` into the search prompt and confirms it.
fn search(app: &mut App, query: &str) {
    press(app, "/");
    for c in query.chars() {
        let key = if c == ' ' {
            "space".to_owned()
        } else {
            c.to_string()
        };
        press(app, &key);
    }
    press(app, "enter");
}

#[test]
fn search_in_the_facts_selects_the_matching_facts() {
    let mut app = seeds(120, 40);
    press(&mut app, "F");
    search(&mut app, "dollars");
    let fact = app.facts.selected_fact().expect("a fact is selected");
    assert!(
        fact.mentions.iter().any(|m| m.text.contains("dollars")),
        "{}",
        fact.label
    );
    let screen = text(draw(&app).backend().buffer());
    assert!(screen.contains("match 1/"), "{screen}");
    // Esc ends the search: n is the next mention again.
    press(&mut app, "esc");
    assert!(app.search.is_none());
    assert_eq!(app.mode, Mode::Facts);
}

#[test]
fn search_in_the_diff_goes_from_link_to_link_on_both_sides() {
    let mut app = seeds(120, 40);
    // 002 against 003, then "Sixty" (only the right side has it).
    press(&mut app, "j j space j space d");
    search(&mut app, "Sixty");
    let diff = app.diff.as_ref().unwrap();
    let comparison = diff.comparison.as_ref().unwrap();
    let link = &comparison.alignment.links[diff.current.expect("a current link")];
    let right = &app.articles[3];
    assert!(
        link.right
            .iter()
            .any(|&s| right.sentence_text(s).contains("Sixty")),
        "{link:?}"
    );
    // n goes on to the next match, and wraps round.
    let first = diff.current;
    let total = app.search.as_ref().unwrap().matches.len();
    press(&mut app, "n");
    let second = app.diff.as_ref().unwrap().current;
    assert_eq!(first != second, total > 1);
}

/// Stories that came with the records (passim's clusters) have no
/// similarities: the matrix says so instead of a grid of zeros, and lists
/// the stories.
#[test]
fn the_matrix_of_given_stories_lists_them_without_a_grid() {
    let mut articles = corpus::seeds();
    for (article, story) in articles.iter_mut().zip(["x", "y", "x", "y", "x"]) {
        article.meta.story = Some(story.to_owned());
    }
    let mut app = app_with(articles, 100, 30, true);
    press(&mut app, "M");
    let screen = text(draw(&app).backend().buffer());
    assert!(
        screen.contains("The stories came with the records"),
        "{screen}"
    );
    assert!(!screen.contains("0.00"), "{screen}");
    assert!(screen.contains("A 000, The Moscow Times, 004"), "{screen}");
}

/// While the stories are grouped (a large folder takes seconds), the
/// matrix shows a progress bar that says what the grouping is doing, the
/// grouped list says how far it has got, and the keys still work; the grid
/// replaces the bar when the work comes back.
#[test]
fn grouping_shows_its_progress_until_the_stories_come_back() {
    use spacefilm::tui::app::{Action, update};
    use spacefilm::tui::keymap::Key;
    use spacefilm::tui::worker::{self, Request};

    let mut app = seeds(80, 24);
    update(&mut app, Action::Key(Key::parse("S").unwrap()));
    update(&mut app, Action::Key(Key::parse("M").unwrap()));
    let mut requests = app.take_requests();
    assert_eq!(requests.len(), 1, "one grouping for M and S");
    let Some(Request::Stories { progress, .. }) = requests.first() else {
        panic!("no grouping asked for: {requests:?}");
    };
    progress.start("judging", "candidate pairs", 40);
    progress.advance(10);
    let frame = draw(&app);
    let screen = text(frame.backend().buffer());
    assert!(
        screen.contains("judging 10 of 40 candidate pairs"),
        "{screen}"
    );
    assert!(screen.contains("Grouping stories 25%"), "{screen}");
    assert_snapshot!("matrix_grouping_80x24", styled(frame.backend().buffer()));
    // Keys still work while the grouping goes on: j scrolls the matrix.
    update(&mut app, Action::Key(Key::parse("j").unwrap()));
    assert_eq!(app.stories.top, 1);
    update(&mut app, worker::execute(requests.remove(0)));
    let screen = text(draw(&app).backend().buffer());
    assert!(!screen.contains("candidate pairs"), "{screen}");
    assert!(
        screen.contains("0.") && screen.contains("stories"),
        "{screen}"
    );
}
