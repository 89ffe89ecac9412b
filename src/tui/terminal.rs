//! Entering and leaving the terminal's interactive mode. Whatever happens —
//! a normal exit, an error, a panic, SIGTERM or SIGHUP — raw mode is turned
//! off, the mouse released, the alternate screen left and the cursor shown
//! before anything else is printed, and only once: leaving the alternate
//! screen a second time would move the cursor back over a panic report.
//! Suspending (ctrl-z) leaves the same way and comes back as vim and helix
//! do: raw mode, the alternate screen and a full redraw.

use std::io::{self, Stdout, stdout};
use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};

use crossterm::cursor::{Hide, Show};
use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::{Backend, ClearType, CrosstermBackend};
use ratatui::buffer::{Buffer, CellWidth};

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

impl Session {
    /// Suspends the process as ctrl-z does in a shell: the terminal is
    /// restored, the process stops, and when it is continued (`fg`) the
    /// terminal is taken back and the next frame is drawn in full.
    pub fn suspend(&mut self) -> io::Result<()> {
        restore();
        // SIGSTOP, not SIGTSTP: SIGTSTP is caught (see `event`) so that a
        // `kill -TSTP` also restores the terminal first.
        signal_hook::low_level::raise(signal_hook::consts::SIGSTOP)?;
        self.resume()
    }

    /// Takes the terminal back after the process was continued: whatever
    /// the shell did to its modes meanwhile, raw mode, the alternate screen
    /// and the mouse are set again, and the next frame is drawn in full.
    pub fn resume(&mut self) -> io::Result<()> {
        // crossterm skips enabling raw mode when it believes it is on; the
        // shell may have turned it off behind its back.
        let _ = disable_raw_mode();
        activate()?;
        // `resize` clears and forgets the last frame without asking the
        // terminal for the cursor, a round trip that `clear` makes and that
        // the input thread would compete for.
        let size = self.terminal.size()?;
        self.terminal
            .resize(ratatui::layout::Rect::new(0, 0, size.width, size.height))
    }
}

/// Whether the terminal is in interactive mode (entered and not restored).
static ACTIVE: AtomicBool = AtomicBool::new(false);

/// Enters raw mode and the alternate screen, with the mouse captured.
pub fn enter() -> io::Result<Session> {
    install_panic_hook();
    activate()?;
    match Terminal::new(CrosstermBackend::new(stdout())) {
        Ok(terminal) => Ok(Session { terminal }),
        Err(error) => {
            restore();
            Err(error)
        }
    }
}

fn activate() -> io::Result<()> {
    enable_raw_mode()?;
    ACTIVE.store(true, Ordering::SeqCst);
    if let Err(error) = execute!(stdout(), EnterAlternateScreen, EnableMouseCapture, Hide) {
        restore();
        return Err(error);
    }
    Ok(())
}

/// Leaves interactive mode, if it was entered; later calls do nothing.
pub fn restore() {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
    let _ = disable_raw_mode();
    let _ = execute!(stdout(), DisableMouseCapture, LeaveAlternateScreen, Show);
}

/// Whether terminals disagree on how wide `symbol` is: emoji built from
/// several code points (ZWJ sequences, flags, keycaps, VS16, skin tones).
/// Some terminals draw them wider or narrower than ratatui counts, which
/// leaves stale or shifted cells behind; frames that show them are redrawn
/// in full (see `tui::run`).
pub fn width_is_ambiguous(symbol: &str) -> bool {
    let mut chars = symbol.chars();
    chars.next().is_some()
        && chars.next().is_some()
        && symbol.chars().any(|c| {
            matches!(c, '\u{200D}' | '\u{FE0F}' | '\u{20E3}' | '\u{1F1E6}'..='\u{1F1FF}'
                | '\u{1F3FB}'..='\u{1F3FF}' | '\u{E0020}'..='\u{E007F}')
        })
}

/// Clears the screen and writes every cell of `frame`, the frame ratatui
/// has just drawn, in reading order. Whatever a terminal made of ambiguous
/// emoji is overwritten by the cells that follow. (`Terminal::clear` would
/// also work but asks the terminal for the cursor position, a round trip
/// that competes with the input thread.)
pub fn repaint(terminal: &mut Tui, frame: &Buffer) -> io::Result<()> {
    let backend = terminal.backend_mut();
    backend.clear_region(ClearType::All)?;
    let area = frame.area;
    let mut cells = Vec::with_capacity(area.area() as usize);
    for y in area.top()..area.bottom() {
        let mut hidden = 0;
        for x in area.left()..area.right() {
            if hidden > 0 {
                // Covered by the wide character before it.
                hidden -= 1;
                continue;
            }
            let cell = &frame[(x, y)];
            hidden = cell.symbol().cell_width().saturating_sub(1);
            cells.push((x, y, cell));
        }
    }
    backend.draw(cells.into_iter())?;
    Backend::flush(backend)
}

/// The panic report is printed after the terminal is restored, so it is
/// readable and the shell is usable. A panic that [`crate::catch`] catches
/// (a failed comparison on a worker thread) leaves the interface as it is.
fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !crate::catch::is_catching() {
                restore();
            }
            previous(info);
        }));
    });
}

#[cfg(test)]
mod tests {
    use super::width_is_ambiguous;

    #[test]
    fn emoji_sequences_are_ambiguous_other_text_is_not() {
        for risky in ["👨‍👩‍👧‍👦", "🇷🇺", "♻️", "1️⃣", "👍🏽"] {
            assert!(width_is_ambiguous(risky), "{risky}");
        }
        for safe in ["a", "上", "е́", "👍", "␛", " "] {
            assert!(!width_is_ambiguous(safe), "{safe}");
        }
    }
}
