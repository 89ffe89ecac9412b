//! Key sequences and mouse events fed through `update`, checked on the
//! rendered screen, as a user would see them.

use ratatui::Terminal;
use ratatui::backend::TestBackend;

use spacefilm::corpus;
use spacefilm::tui::app::{Action, App, Focus, update};
use spacefilm::tui::keymap::{Key, Keymap};
use spacefilm::tui::theme::Theme;

fn app() -> App {
    let mut app = App::new(corpus::seeds(), Keymap::defaults(), Theme::defaults(true));
    update(&mut app, Action::Resize(100, 30));
    app
}

fn press(app: &mut App, keys: &str) {
    for key in keys.split_whitespace() {
        update(app, Action::Key(Key::parse(key).unwrap()));
    }
}

fn screen(app: &App) -> Vec<String> {
    let mut terminal = Terminal::new(TestBackend::new(app.size.0, app.size.1)).unwrap();
    terminal
        .draw(|frame| frame.render_widget(app, frame.area()))
        .unwrap();
    let buffer = terminal.backend().buffer().clone();
    (0..buffer.area.height)
        .map(|y| {
            (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol())
                .collect()
        })
        .collect()
}

fn contains(app: &App, text: &str) -> bool {
    screen(app).iter().any(|row| row.contains(text))
}

#[test]
fn a_reading_session() {
    let mut app = app();
    // To the last article and one up: 003, the machine paraphrase.
    press(&mut app, "G k enter");
    assert!(
        contains(&app, " 003_3d879c792c9c72a1 "),
        "the reader shows 003"
    );
    assert!(contains(&app, "Credit: Pixabay/CC0 public domain"));
    assert_eq!(app.focus, Focus::Reader);

    // Scroll half a page, a page, and back to the top.
    press(&mut app, "ctrl-d");
    assert!(
        !contains(&app, "Credit: Pixabay"),
        "the header scrolled away"
    );
    press(&mut app, "pagedown pageup home");
    assert!(contains(&app, "Credit: Pixabay"));

    // Search, confirm, step through the matches with wrap-around.
    press(&mut app, "/");
    for c in "superhuman".chars() {
        update(&mut app, Action::Key(Key::parse(&c.to_string()).unwrap()));
    }
    assert!(contains(&app, "/superhuman▏"), "the prompt shows the query");
    press(&mut app, "enter");
    assert!(contains(&app, "match 1/1"));
    press(&mut app, "n");
    assert!(contains(&app, "match 1/1"), "n wraps around");
    assert!(contains(&app, "I'm not a superhuman"));
    press(&mut app, "esc");
    assert!(!contains(&app, "match 1/1"), "esc ends the search");

    // Help opens over everything and closes with esc.
    press(&mut app, "?");
    assert!(contains(&app, "Keys and symbols — esc to close"));
    assert!(contains(&app, "Quit at once, from anywhere"));
    press(&mut app, "esc");
    assert!(!contains(&app, "Keys and symbols — esc to close"));

    // Back to the list, tab cycles the focus.
    press(&mut app, "h");
    assert_eq!(app.focus, Focus::Sources);
    press(&mut app, "tab");
    assert_eq!(app.focus, Focus::Reader);
    press(&mut app, "backtab");
    assert_eq!(app.focus, Focus::Sources);

    press(&mut app, "q");
    assert!(app.quit);
}

#[test]
fn ctrl_c_quits_even_while_typing_a_search() {
    let mut app = app();
    press(&mut app, "/ q");
    assert!(!app.quit, "q types into the query");
    press(&mut app, "ctrl-c");
    assert!(app.quit);
}

#[test]
fn the_mouse_selects_and_scrolls_the_pane_under_it() {
    let mut app = app();
    let panes = app.panes().unwrap();
    let inner = panes.sources_inner().unwrap();
    // Each article takes two rows: the third starts at row 4 of the list.
    update(
        &mut app,
        Action::Click {
            column: inner.x + 3,
            row: inner.y + 4,
        },
    );
    assert_eq!(app.selected, 2);
    assert_eq!(app.focus, Focus::Sources);
    let reader = panes.reader_text();
    update(
        &mut app,
        Action::Wheel {
            column: reader.x + 5,
            row: reader.y + 5,
            down: true,
        },
    );
    assert_eq!(
        app.reader_top, 3,
        "the wheel scrolls the reader under the pointer"
    );
    assert_eq!(app.selected, 2, "and leaves the list alone");
    update(
        &mut app,
        Action::Click {
            column: reader.x + 5,
            row: reader.y + 5,
        },
    );
    assert_eq!(app.focus, Focus::Reader);
}

#[test]
fn resizing_keeps_the_same_text_at_the_top() {
    let mut app = app();
    press(&mut app, "j j enter pagedown pagedown");
    let first_line = |app: &App| {
        let panes = app.panes().unwrap();
        let text = panes.reader_text();
        let rows = screen(app);
        (text.y..text.bottom())
            .map(|y| {
                let row: Vec<char> = rows[usize::from(y)].chars().collect();
                row[usize::from(text.x)..usize::from(text.right())]
                    .iter()
                    .collect::<String>()
                    .trim()
                    .to_owned()
            })
            .find(|line| !line.is_empty())
            .unwrap()
    };
    let before = first_line(&app);
    let word = before.split_whitespace().next().unwrap().to_owned();
    update(&mut app, Action::Resize(160, 40));
    let after = first_line(&app);
    assert!(after.contains(&word), "{before:?} then {after:?}");
}

#[test]
fn esc_goes_back_one_pane_at_a_time() {
    use spacefilm::tui::layout::Mode;
    let mut app = app();
    press(&mut app, "F");
    assert_eq!(app.mode, Mode::Facts);
    assert!(contains(&app, "esc back"), "the way back is hinted");
    press(&mut app, "C");
    assert_eq!(app.mode, Mode::Collate);
    press(&mut app, "3");
    assert!(app.wide);
    // Back through the same steps: narrow collation, facts, the reader.
    press(&mut app, "esc");
    assert_eq!((app.mode, app.wide), (Mode::Collate, false));
    press(&mut app, "esc");
    assert_eq!(app.mode, Mode::Facts);
    assert_eq!(app.focus, Focus::Facts);
    press(&mut app, "esc");
    assert_eq!(app.mode, Mode::Reader);
    assert!(!contains(&app, "esc back"), "nothing left to go back to");
    press(&mut app, "esc");
    assert_eq!(app.mode, Mode::Reader);
    // h in a full-width pane (no list to go to) goes back too.
    press(&mut app, "M 3 h");
    assert_eq!((app.mode, app.wide), (Mode::Matrix, false));
    assert!(contains(&app, "q quit"));
}

#[test]
fn the_status_bar_says_what_is_marked_and_keeps_help() {
    let mut app = app();
    update(&mut app, Action::Resize(80, 24));
    press(&mut app, "space j space");
    assert!(contains(&app, "L 000 · R 001"));
    // A third mark moves the older one and says so.
    press(&mut app, "j space");
    assert!(contains(&app, "001 moves to L, 000 is no longer marked"));
    press(&mut app, "j");
    assert!(contains(&app, "L 001 · R 002"));
    // Hints are whole at 80 columns, and help is always there.
    let status = screen(&app).last().unwrap().clone();
    assert!(status.contains("? help"), "{status}");
    for hint in status.split("  ").map(str::trim).filter(|h| !h.is_empty()) {
        assert!(
            hint.contains(' ') || hint.starts_with('L'),
            "a cut hint: {hint:?} in {status:?}"
        );
    }
}
