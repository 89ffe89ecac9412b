//! The last net under a step that must not take the process down: a panic
//! inside [`catch`] becomes an error message for the step's caller, and the
//! default panic report is not printed for it. The fixes come first; this
//! only keeps one bad file or one failed comparison from stopping the rest.

use std::any::Any;
use std::cell::Cell;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

thread_local! {
    /// How many [`catch`] calls are running on this thread.
    static CATCHING: Cell<usize> = const { Cell::new(0) };
}

/// Whether a panic on this thread would be caught by [`catch`]. A panic hook
/// that restores the terminal checks this first: a caught panic must not
/// leave the interface.
pub fn is_catching() -> bool {
    CATCHING.with(Cell::get) > 0
}

/// Runs `step`; a panic in it comes back as `Err` with the panic's message.
///
/// The state `step` touched may be half-changed after a panic, so callers
/// hand in owned inputs and drop whatever the step was building.
pub fn catch<T>(step: impl FnOnce() -> T) -> Result<T, String> {
    install_quiet_hook();
    CATCHING.with(|c| c.set(c.get() + 1));
    let result = panic::catch_unwind(AssertUnwindSafe(step));
    CATCHING.with(|c| c.set(c.get() - 1));
    result.map_err(|payload| message(payload.as_ref()))
}

/// The text a panic was raised with.
fn message(payload: &(dyn Any + Send)) -> String {
    if let Some(text) = payload.downcast_ref::<&str>() {
        (*text).to_owned()
    } else if let Some(text) = payload.downcast_ref::<String>() {
        text.clone()
    } else {
        "a panic without a message".to_owned()
    }
}

/// Wraps the current panic hook so that panics under [`catch`] print
/// nothing: their message reaches the user as the step's error instead.
fn install_quiet_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if !is_catching() {
                previous(info);
            }
        }));
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_its_message() {
        assert_eq!(catch(|| 7), Ok(7));
        let caught = catch(|| -> u8 { panic!("byte index 3 is not a char boundary") });
        assert_eq!(
            caught,
            Err("byte index 3 is not a char boundary".to_owned())
        );
        assert!(!is_catching());
        let nested = catch(|| catch(|| -> u8 { panic!("inner") }).unwrap_err());
        assert_eq!(nested, Ok("inner".to_owned()));
    }
}
