//! Everything the loop waits for, on one channel: terminal input from a
//! reader thread and termination signals from signal-hook.

use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;

use crossterm::event::{Event as TermEvent, MouseButton, MouseEventKind};
use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};
use signal_hook::iterator::Signals;

use super::app::Action;
use super::keymap::Key;

pub enum Event {
    Input(TermEvent),
    /// A signal asking the process to end.
    Terminate(i32),
    /// SIGTSTP from outside (`kill -TSTP`): suspend as ctrl-z does.
    Suspend,
    /// SIGCONT: the process was continued; take the terminal back.
    Resume,
    /// Work done off the UI thread, for `update`.
    Action(Action),
}

/// Starts the input and signal threads; they end with the process. The
/// sender is for other threads that report to the loop.
pub fn spawn() -> std::io::Result<(Sender<Event>, Receiver<Event>)> {
    let (sender, receiver) = mpsc::channel();
    let mut signals = Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGTSTP, SIGCONT])?;
    let for_signals: Sender<Event> = sender.clone();
    let for_others = sender.clone();
    thread::spawn(move || {
        for signal in signals.forever() {
            let event = match signal {
                SIGTSTP => Event::Suspend,
                SIGCONT => Event::Resume,
                other => Event::Terminate(other),
            };
            if for_signals.send(event).is_err() {
                break;
            }
        }
    });
    thread::spawn(move || {
        while let Ok(event) = crossterm::event::read() {
            if sender.send(Event::Input(event)).is_err() {
                break;
            }
        }
    });
    Ok((for_others, receiver))
}

/// The app's view of a terminal event, if it has one.
/// Whether a key leaves the loading screen: q, Esc or ctrl-c.
pub fn leaves_loading(event: &TermEvent) -> bool {
    matches!(event, TermEvent::Key(key)
        if key.kind != crossterm::event::KeyEventKind::Release
            && (matches!(key.code, crossterm::event::KeyCode::Char('q') | crossterm::event::KeyCode::Esc)
                || interrupts(event)))
}

/// Whether a key is ctrl-c.
pub fn interrupts(event: &TermEvent) -> bool {
    matches!(event, TermEvent::Key(key)
        if key.code == crossterm::event::KeyCode::Char('c')
            && key.modifiers.contains(crossterm::event::KeyModifiers::CONTROL))
}

pub fn action(event: TermEvent) -> Option<Action> {
    match event {
        TermEvent::Key(key) => Key::from_event(key).map(Action::Key),
        TermEvent::Resize(width, height) => Some(Action::Resize(width, height)),
        TermEvent::Mouse(mouse) => match mouse.kind {
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click {
                column: mouse.column,
                row: mouse.row,
            }),
            MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => Some(Action::Wheel {
                column: mouse.column,
                row: mouse.row,
                down: mouse.kind == MouseEventKind::ScrollDown,
            }),
            _ => None,
        },
        _ => None,
    }
}
