//! Entering and leaving the terminal's interactive mode. Whatever happens —
//! a normal exit, an error, a panic, SIGTERM or SIGHUP — raw mode is turned
//! off, the mouse released, the alternate screen left and the cursor shown
//! before anything else is printed.

use std::io::{self, Stdout, stdout};
use std::sync::Once;

use crossterm::cursor::{Hide, Show};
use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

pub type Tui = Terminal<CrosstermBackend<Stdout>>;

/// Restores the terminal when dropped, so early returns and `?` are safe.
pub struct Session {
    pub terminal: Tui,
}

impl Drop for Session {
    fn drop(&mut self) {
        restore();
    }
}

/// Enters raw mode and the alternate screen, with the mouse captured.
pub fn enter() -> io::Result<Session> {
    install_panic_hook();
    enable_raw_mode()?;
    if let Err(error) = execute!(stdout(), EnterAlternateScreen, EnableMouseCapture, Hide) {
        restore();
        return Err(error);
    }
    match Terminal::new(CrosstermBackend::new(stdout())) {
        Ok(terminal) => Ok(Session { terminal }),
        Err(error) => {
            restore();
            Err(error)
        }
    }
}

/// Leaves interactive mode. Safe to call more than once.
pub fn restore() {
    let _ = disable_raw_mode();
    let _ = execute!(stdout(), DisableMouseCapture, LeaveAlternateScreen, Show);
}

/// The panic report is printed after the terminal is restored, so it is
/// readable and the shell is usable.
fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
    });
}
