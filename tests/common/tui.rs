//! Driving the app in tests: keys in, work done at once, frames drawn into
//! `TestBackend`.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

use spacefilm::corpus::Article;
use spacefilm::tui::app::{Action, App, update};
use spacefilm::tui::keymap::{Key, Keymap};
use spacefilm::tui::theme::Theme;
use spacefilm::tui::worker;

pub fn app_with(articles: Vec<Article>, width: u16, height: u16, colour: bool) -> App {
    let mut app = App::new(articles, Keymap::defaults(), Theme::defaults(colour));
    update(&mut app, Action::Resize(width, height));
    app
}

/// Presses keys, doing the work they ask for at once (the run loop would
/// do it on a thread).
pub fn press(app: &mut App, keys: &str) {
    for key in keys.split_whitespace() {
        update(app, Action::Key(Key::parse(key).unwrap()));
        for request in app.take_requests() {
            update(app, worker::execute(request));
        }
    }
}

pub fn draw(app: &App) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(app.size.0, app.size.1)).unwrap();
    terminal
        .draw(|frame| frame.render_widget(app, frame.area()))
        .unwrap();
    terminal
}

pub fn text(buffer: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            out.push_str(buffer[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

/// A frame as a snapshot records it: each row's text, quoted, and under it
/// the row's styled runs (`  4..9 fg=Red +CROSSED_OUT`), so that a lost
/// colour, strike, underline or reverse changes the snapshot. Cells in the
/// default style are left out.
pub fn styled(buffer: &Buffer) -> String {
    let mut out = String::new();
    let area = buffer.area;
    for y in 0..area.height {
        let mut row = String::new();
        let mut runs: Vec<(u16, u16, String)> = Vec::new();
        let mut x = 0;
        while x < area.width {
            let cell = &buffer[(x, y)];
            row.push_str(cell.symbol());
            let style = describe(cell.style());
            match runs.last_mut() {
                Some((_, end, last)) if *end == x && *last == style => *end = x + 1,
                _ => runs.push((x, x + 1, style)),
            }
            x += 1;
        }
        out.push_str(&format!("{row:?}\n"));
        for (start, end, style) in runs.into_iter().filter(|(_, _, s)| !s.is_empty()) {
            out.push_str(&format!("  {start}..{end} {style}\n"));
        }
    }
    out
}

fn describe(style: ratatui::style::Style) -> String {
    let mut parts = Vec::new();
    if let Some(fg) = style.fg.filter(|c| *c != ratatui::style::Color::Reset) {
        parts.push(format!("fg={fg:?}"));
    }
    if let Some(bg) = style.bg.filter(|c| *c != ratatui::style::Color::Reset) {
        parts.push(format!("bg={bg:?}"));
    }
    for (name, modifier) in style.add_modifier.iter_names() {
        let _ = modifier;
        parts.push(format!("+{name}"));
    }
    parts.join(" ")
}
