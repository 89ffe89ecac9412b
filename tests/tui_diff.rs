//! The diff pane, rendered into `TestBackend`: snapshots of 002↔003 and
//! 000↔002 at 80×24 and 160×48, change highlighting with and without
//! colour, navigation between changes and moves, and the toggles.

use insta::assert_snapshot;
use ratatui::style::{Color, Modifier};

use spacefilm::compare::LinkKind;
use spacefilm::corpus::{self, Article, LoadOptions};
use spacefilm::tui::app::{Action, App, Focus, update};
use spacefilm::tui::keymap::Key;
use spacefilm::tui::layout::Mode;
use spacefilm::tui::worker;

mod common;
use common::tui::{app_with, draw, press, styled, text};

/// Marks `left` then `right` (positions in the list) and compares them.
fn compare(app: &mut App, left: usize, right: usize) {
    press(app, "g");
    for _ in 0..left {
        press(app, "j");
    }
    press(app, "space g");
    for _ in 0..right {
        press(app, "j");
    }
    press(app, "space d");
}

fn seeds_diff(width: u16, height: u16, left: usize, right: usize) -> App {
    let mut app = app_with(corpus::seeds(), width, height, true);
    compare(&mut app, left, right);
    app
}

#[test]
fn diff_002_003_80x24() {
    assert_snapshot!(styled(draw(&seeds_diff(80, 24, 2, 3)).backend().buffer()));
}

#[test]
fn diff_002_003_160x48() {
    assert_snapshot!(styled(draw(&seeds_diff(160, 48, 2, 3)).backend().buffer()));
}

#[test]
fn diff_000_002_80x24() {
    assert_snapshot!(styled(draw(&seeds_diff(80, 24, 0, 2)).backend().buffer()));
}

#[test]
fn diff_000_002_160x48() {
    assert_snapshot!(styled(draw(&seeds_diff(160, 48, 0, 2)).backend().buffer()));
}

#[test]
fn full_width_diff_without_the_list() {
    let mut app = seeds_diff(120, 30, 2, 3);
    press(&mut app, "3");
    assert_eq!(app.mode, Mode::FullDiff);
    let screen = text(draw(&app).backend().buffer());
    assert!(!screen.contains("Sources"));
    assert!(screen.contains("L The Moscow Times"));
    assert_snapshot!(styled(draw(&app).backend().buffer()));
}

#[test]
fn changes_are_shown_by_colour_and_a_second_cue() {
    let app = seeds_diff(160, 48, 2, 3);
    let terminal = draw(&app);
    let buffer = terminal.backend().buffer();
    let deleted: Vec<_> = buffer
        .content()
        .iter()
        .filter(|c| c.fg == Color::LightRed)
        .collect();
    let inserted: Vec<_> = buffer
        .content()
        .iter()
        .filter(|c| c.fg == Color::LightGreen)
        .collect();
    assert!(!deleted.is_empty() && !inserted.is_empty());
    assert!(
        deleted
            .iter()
            .all(|c| c.modifier.contains(Modifier::CROSSED_OUT))
    );
    assert!(
        inserted
            .iter()
            .all(|c| c.modifier.contains(Modifier::UNDERLINED))
    );
}

#[test]
fn without_colour_changes_are_bracketed() {
    let mut app = app_with(corpus::seeds(), 160, 48, false);
    compare(&mut app, 2, 3);
    let terminal = draw(&app);
    let screen = text(terminal.backend().buffer());
    assert!(screen.contains("[-Six decades-]"), "{screen}");
    assert!(screen.contains("{+Sixty years+}"));
    assert!(
        terminal
            .backend()
            .buffer()
            .content()
            .iter()
            .all(|c| c.fg == Color::Reset || c.fg == Color::default())
    );
}

#[test]
fn next_and_previous_change_with_n_and_bracket_c() {
    let mut app = seeds_diff(100, 30, 2, 3);
    assert_eq!(app.focus, Focus::Diff);
    press(&mut app, "n");
    let first = app.diff.as_ref().unwrap().current.unwrap();
    press(&mut app, "n");
    let second = app.diff.as_ref().unwrap().current.unwrap();
    assert!(second > first);
    press(&mut app, "[ c");
    assert_eq!(app.diff.as_ref().unwrap().current, Some(first));
    press(&mut app, "] c");
    assert_eq!(app.diff.as_ref().unwrap().current, Some(second));
    // Equal links are skipped: "Their mission?" is the same in both.
    let mut visited = Vec::new();
    for _ in 0..60 {
        press(&mut app, "n");
        visited.push(app.diff.as_ref().unwrap().current.unwrap());
    }
    let diff = app.diff.as_ref().unwrap();
    let links = &diff.comparison.as_ref().unwrap().alignment.links;
    assert!(visited.iter().all(|&k| links[k].kind != LinkKind::Equal));
    // Going far down scrolled the pane: both sides together.
    assert!(diff.top > 0);
}

fn harbour() -> Vec<Article> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/unseen");
    ["harbour-original.txt", "harbour-paraphrase.txt"]
        .iter()
        .map(|name| corpus::load_file(&dir.join(name), LoadOptions::default()).unwrap())
        .collect()
}

#[test]
fn a_moved_sentence_has_a_glyph_and_a_key_to_its_other_place() {
    let mut app = app_with(harbour(), 140, 40, true);
    compare(&mut app, 0, 1);
    let screen = text(draw(&app).backend().buffer());
    assert!(screen.contains("    ↕ moved from L6"), "{screen}");
    assert!(screen.contains("   6↕ The city council approved"));
    press(&mut app, "m");
    let diff = app.diff.as_ref().unwrap();
    let moved = diff.current.unwrap();
    assert_eq!(
        diff.comparison.as_ref().unwrap().alignment.links[moved].kind,
        LinkKind::Moved
    );
    assert!(!diff.on_ghost);
    press(&mut app, "m");
    assert!(
        app.diff.as_ref().unwrap().on_ghost,
        "m jumps to the other place"
    );
    press(&mut app, "m");
    assert!(!app.diff.as_ref().unwrap().on_ghost, "and back");
}

#[test]
fn toggles_hide_equal_swap_and_ignore_case() {
    let mut app = seeds_diff(160, 48, 2, 3);
    let screen = text(draw(&app).backend().buffer());
    assert!(screen.contains("5= Their mission?"));
    press(&mut app, "e");
    let screen = text(draw(&app).backend().buffer());
    assert!(
        !screen.contains("5= Their mission?"),
        "equal links are hidden"
    );
    assert!(screen.contains("equal hidden"));
    press(&mut app, "e s");
    let screen = text(draw(&app).backend().buffer());
    assert!(screen.contains("L 003_3d87") && screen.contains("R The Moscow Times"));
    assert!(screen.contains("swapped"));
    press(&mut app, "s i");
    let diff = app.diff.as_ref().unwrap();
    assert!(diff.ignore_case && diff.computing.is_none());
    let screen = text(draw(&app).backend().buffer());
    assert!(screen.contains("case & punctuation ignored"));
}

#[test]
fn d_compares_the_selected_article_with_the_one_in_the_reader() {
    let mut app = app_with(corpus::seeds(), 100, 30, true);
    press(&mut app, "j j enter h j d");
    let diff = app.diff.as_ref().unwrap();
    assert_eq!((diff.left, diff.right), (2, 3));
    assert_eq!(app.mode, Mode::Compare);
    // The same article against itself is refused with a notice.
    let mut alone = app_with(corpus::seeds(), 100, 30, true);
    press(&mut alone, "d");
    assert!(alone.diff.is_none());
    assert!(alone.notices[0].contains("nothing to compare"));
}

#[test]
fn the_compared_pair_survives_a_restart() {
    let app = seeds_diff(100, 30, 2, 3);
    let state = app.state();
    assert_eq!(
        state.compare.as_deref(),
        Some(
            &[
                "002_f13625239639c7a3".to_owned(),
                "003_3d879c792c9c72a1".to_owned()
            ][..]
        )
    );
    let mut again = app_with(corpus::seeds(), 100, 30, true);
    again.restore(&state);
    for request in again.take_requests() {
        update(&mut again, worker::execute(request));
    }
    assert_eq!(again.mode, Mode::Compare);
    let screen = text(draw(&again).backend().buffer());
    assert!(screen.contains("L The Moscow Times"));
    assert!(screen.contains("similarity 0.66"));
}

#[test]
fn the_pane_says_when_it_is_still_computing() {
    let mut app = app_with(corpus::seeds(), 100, 30, true);
    // Ask, but do not do the work yet.
    for key in ["space", "j", "space", "d"] {
        update(&mut app, Action::Key(Key::parse(key).unwrap()));
    }
    let screen = text(draw(&app).backend().buffer());
    assert!(
        screen.contains("computing…") && screen.contains("background; the keys still work"),
        "{screen}"
    );
    // Keys work meanwhile.
    update(&mut app, Action::Key(Key::parse("v").unwrap()));
    assert_eq!(app.mode, Mode::FullDiff);
    let requests = app.take_requests();
    assert_eq!(requests.len(), 1);
    for request in requests {
        update(&mut app, worker::execute(request));
    }
    assert!(app.diff.as_ref().unwrap().comparison.is_some());
}
