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
