//! The reader app rendered into ratatui's `TestBackend`, at 80×24 and
//! 160×48: the list with the reader, help, search highlights, the too-small
//! notice, and hostile text at the pane's edge.

use insta::assert_snapshot;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Color;

use spacefilm::corpus::{self, Article, LoadOptions};
use spacefilm::tui::app::{Action, App, update};
use spacefilm::tui::keymap::{Key, Keymap};
use spacefilm::tui::theme::Theme;

mod common;
use common::tui::styled;

fn app_with(articles: Vec<Article>, width: u16, height: u16) -> App {
    let mut app = App::new(articles, Keymap::defaults(), Theme::defaults(true));
    update(&mut app, Action::Resize(width, height));
    app
}

fn app(width: u16, height: u16) -> App {
    app_with(corpus::seeds(), width, height)
}

fn press(app: &mut App, keys: &str) {
    for key in keys.split_whitespace() {
        update(app, Action::Key(Key::parse(key).unwrap()));
    }
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        update(app, Action::Key(Key::parse(&c.to_string()).unwrap()));
    }
}

fn draw(app: &App) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(app.size.0, app.size.1)).unwrap();
    terminal
        .draw(|frame| frame.render_widget(app, frame.area()))
        .unwrap();
    terminal
}

fn row_text(buffer: &Buffer, y: u16) -> String {
    (0..buffer.area.width)
        .map(|x| buffer[(x, y)].symbol())
        .collect()
}

#[test]
fn list_and_reader_80x24() {
    let mut app = app(80, 24);
    press(&mut app, "j j enter");
    assert_snapshot!(styled(draw(&app).backend().buffer()));
}

#[test]
fn list_and_reader_160x48() {
    let mut app = app(160, 48);
    press(&mut app, "j j enter");
    assert_snapshot!(styled(draw(&app).backend().buffer()));
}

#[test]
fn help_80x24() {
    let mut app = app(80, 24);
    press(&mut app, "?");
    assert_snapshot!(styled(draw(&app).backend().buffer()));
}

#[test]
fn help_160x48() {
    let mut app = app(160, 48);
    press(&mut app, "?");
    assert_snapshot!(styled(draw(&app).backend().buffer()));
}

#[test]
fn search_highlights_every_match_80x24() {
    let mut app = app(80, 24);
    press(&mut app, "j j enter /");
    type_text(&mut app, "film");
    press(&mut app, "enter n");
    let terminal = draw(&app);
    assert_snapshot!(styled(terminal.backend().buffer()));
    let buffer = terminal.backend().buffer();
    let status = row_text(buffer, 23);
    assert!(status.contains("match 2/"), "{status}");
    // Every visible match is painted, the current one differently.
    let mut matched = 0;
    let mut current = 0;
    for y in 0..23 {
        for x in 0..80 {
            match buffer[(x, y)].bg {
                Color::Yellow => matched += 1,
                Color::LightRed => current += 1,
                _ => {}
            }
        }
    }
    assert_eq!(current, "film".len(), "one current match");
    assert!(matched >= "film".len(), "other matches are highlighted too");
}

#[test]
fn search_highlights_without_colour_use_reverse_and_underline() {
    let mut app = App::new(corpus::seeds(), Keymap::defaults(), Theme::defaults(false));
    update(&mut app, Action::Resize(80, 24));
    press(&mut app, "j j enter /");
    type_text(&mut app, "Peresild");
    press(&mut app, "enter");
    let terminal = draw(&app);
    let buffer = terminal.backend().buffer();
    let cells: Vec<_> = buffer
        .content()
        .iter()
        .filter(|c| c.modifier.contains(ratatui::style::Modifier::REVERSED))
        .collect();
    assert!(
        cells
            .iter()
            .all(|c| c.bg == Color::Reset && c.fg == Color::Reset),
        "no colour at all"
    );
    assert!(cells.len() >= "Peresild".len());
}

#[test]
fn too_small_notice() {
    let app = app(30, 8);
    assert_snapshot!(styled(draw(&app).backend().buffer()));
}

#[test]
fn tiny_and_huge_sizes_do_not_panic() {
    let mut app = app(80, 24);
    press(&mut app, "enter G");
    for (w, h) in [
        (1, 1),
        (20, 5),
        (400, 120),
        (40, 10),
        (2, 30),
        (300, 2),
        (80, 24),
    ] {
        update(&mut app, Action::Resize(w, h));
        let terminal = draw(&app);
        let text: String = terminal
            .backend()
            .buffer()
            .content()
            .iter()
            .map(|c| c.symbol())
            .collect();
        if w < 40 || h < 10 {
            assert!(text.contains("small") || w < 18, "{w}×{h}");
        }
    }
}

#[test]
fn hostile_text_stays_inside_the_pane() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hostile.txt");
    let line = "上一上一上一上一上一上一上一上一上一上一上一上一上一上一上一上一上一上一上一上一上一上一上一上一上一上一上 \
                👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦 \
                🇷🇺🇷🇺🇷🇺🇷🇺🇷🇺🇷🇺🇷🇺🇷🇺🇷🇺🇷🇺🇷🇺🇷🇺🇷🇺🇷🇺🇷🇺🇷🇺🇷🇺🇷🇺 ♻️♻️♻️♻️♻️♻️♻️♻️♻️♻️♻️♻️♻️♻️♻️♻️♻️♻️♻️♻️♻️♻️♻️ \
                е́е́е́е́е́е́е́е́е́е́е́е́е́е́е́е́е́е́е́е́е́е́е́е́е́е́е́е́е́е́е́е́е́е́е́е́е́е́е́е́е́е́е́е́е́е́е́е́е́е́е́е́ \
                Pay \u{202E}0001$ now \u{2067}open";
    std::fs::write(&path, format!("{line}\n\n{line}\n")).unwrap();
    let article = corpus::load_file(&path, LoadOptions::default()).unwrap();
    for width in [80u16, 81, 97, 160] {
        let mut app = app_with(vec![article.clone()], width, 24);
        press(&mut app, "enter");
        let terminal = draw(&app);
        let buffer = terminal.backend().buffer();
        let panes = app.panes().unwrap();
        let right = panes.main.right() - 1;
        for y in panes.main.y + 1..panes.main.bottom() - 1 {
            let border = buffer[(right, y)].symbol();
            assert!(
                border == "┃" || border == "│",
                "row {y} at width {width}: border is {border:?}"
            );
            let left = buffer[(panes.main.x, y)].symbol();
            assert!(
                left == "┃" || left == "│",
                "row {y}: left border is {left:?}"
            );
        }
        let text: String = buffer.content().iter().map(|c| c.symbol()).collect();
        assert!(text.contains("⟨U+202E⟩") && text.contains("⟨U+2067⟩"));
        assert!(!text.contains('\u{202E}') && !text.contains('\u{2067}'));
    }
}
