//! An article full of ESC, OSC and C1 sequences, drawn through the real
//! drawing path (ratatui's crossterm backend) into a byte buffer: the only
//! escape sequences that reach the "terminal" are the ones we wrote.

use std::cell::RefCell;
use std::io::{self, Write};
use std::rc::Rc;

use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

use spacefilm::corpus::{self, LoadOptions};
use spacefilm::tui::app::{Action, App, update};
use spacefilm::tui::keymap::{Key, Keymap};
use spacefilm::tui::theme::Theme;

#[derive(Clone, Default)]
struct Bytes(Rc<RefCell<Vec<u8>>>);

impl Write for Bytes {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(data);
        Ok(data.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

const HOSTILE: &str = "Copy \x1b]52;c;SGVsbG8=\x07 this. Clear \x1b[2J\x1b[H now. \
    Title \x1b]0;pwn\x07 and link \x1b]8;;http://x\x1b\\ here. \
    C1 \u{9b}2J and \u{9d}0;x\u{9c} too. Bell \x07 and entity &#27;[31m red. \
    Bidi \u{202E}evil and CR \r overwrite.";

/// Parses the bytes written and returns every escape sequence in them.
fn escape_sequences(bytes: &[u8]) -> Vec<String> {
    let mut sequences = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == 0x1b {
            let mut j = i + 1;
            if bytes.get(j) == Some(&b'[') {
                j += 1;
                while j < bytes.len() && !(0x40..=0x7e).contains(&bytes[j]) {
                    j += 1;
                }
            }
            let end = (j + 1).min(bytes.len());
            sequences.push(String::from_utf8_lossy(&bytes[i..end]).into_owned());
            i = end;
        } else {
            i += 1;
        }
    }
    sequences
}

#[test]
fn no_escape_from_the_content_reaches_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("\x1b]0;name\x07.txt");
    std::fs::write(
        &path,
        format!("# Title \x1b[31m red\n\n{HOSTILE}\n\n{HOSTILE}\n"),
    )
    .unwrap();
    let article = corpus::load_file(&path, LoadOptions::default()).unwrap();

    let mut app = App::new(vec![article], Keymap::defaults(), Theme::defaults(true));
    update(&mut app, Action::Resize(100, 30));
    update(&mut app, Action::Key(Key::parse("enter").unwrap()));
    app.notices.push("notice with \x1b]0;bad\x07 in it".into());

    let bytes = Bytes::default();
    let backend = CrosstermBackend::new(bytes.clone());
    let options = TerminalOptions {
        viewport: Viewport::Fixed(Rect::new(0, 0, 100, 30)),
    };
    let mut terminal = Terminal::with_options(backend, options).unwrap();
    terminal
        .draw(|frame| frame.render_widget(&app, frame.area()))
        .unwrap();
    let written = bytes.0.borrow().clone();

    let text = String::from_utf8(written.clone()).expect("the output is UTF-8");
    assert!(
        text.contains("␛]52;c;SGVsbG8=␇"),
        "the sequence is visible as text"
    );
    assert!(text.contains("⟨U+009B⟩2J") && text.contains("⟨U+202E⟩"));
    assert!(!written.contains(&0x07), "no BEL");
    assert!(!written.contains(&b'\r'), "no raw CR");
    assert!(
        !text.contains('\u{9b}') && !text.contains('\u{9d}') && !text.contains('\u{9c}'),
        "no C1"
    );
    assert!(!text.contains('\u{202E}'), "no bidi override");
    for sequence in escape_sequences(&written) {
        // Cursor moves (H), colours and attributes (m), cursor visibility.
        let ours = sequence.starts_with("\x1b[")
            && (sequence.ends_with('H')
                || sequence.ends_with('m')
                || sequence == "\x1b[?25l"
                || sequence == "\x1b[?25h");
        assert!(ours, "unexpected escape sequence {sequence:?}");
        assert!(
            !sequence.contains("2J") && !sequence.contains("31m red"),
            "{sequence:?}"
        );
    }
}
