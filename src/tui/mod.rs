//! The interactive reader. It keeps the results of `corpus` (and later
//! `compare`) in `App` and never computes a comparison itself.

pub mod app;
pub mod diff_layout;
pub mod event;
pub mod keymap;
pub mod layout;
pub mod terminal;
pub mod theme;
pub mod view;
pub mod worker;

use anyhow::{Context as _, Result};

use crate::config::{self, Paths, Persistence};
use crate::corpus::Article;

use app::{Action, App, update};

/// What the reader starts with.
pub struct Launch {
    pub articles: Vec<Article>,
    /// Problems met while loading, shown as notices.
    pub notices: Vec<String>,
    pub color: bool,
    pub paths: Paths,
}

/// Builds the app: settings, state and notices, but no terminal.
pub fn prepare(launch: Launch) -> (App, Persistence) {
    let settings = config::load_settings(&launch.paths, launch.color);
    let (state, persistence, state_notice) = config::load_state(&launch.paths);
    let mut app = App::new(launch.articles, settings.keymap, settings.theme);
    app.notices = launch.notices;
    app.notices.extend(settings.notices);
    app.notices.extend(state_notice);
    for article in app.articles.iter() {
        for notice in &article.notices {
            app.notices.push(format!("{}: {notice}", article.id));
        }
    }
    if let Ok((width, height)) = crossterm::terminal::size() {
        update(&mut app, Action::Resize(width, height));
    }
    app.restore(&state);
    (app, persistence)
}

/// Set in the environment of a build with the `test-hooks` feature (the
/// tests' builds only), makes the first frame panic: the end-to-end tests
/// use it to check that a panic while drawing restores the terminal.
pub const PANIC_IN_DRAW: &str = "SPACEFILM_PANIC_IN_DRAW";

/// Whether the first frame is to panic (see [`PANIC_IN_DRAW`]); always
/// false in a build without the `test-hooks` feature, such as a release.
fn panic_in_draw() -> bool {
    cfg!(feature = "test-hooks") && std::env::var_os(PANIC_IN_DRAW).is_some()
}

/// Runs the reader until the user quits or a signal ends it. Returns the
/// number of the signal that ended it (SIGINT for ctrl-c), if one did, for
/// the exit status.
pub fn run(launch: Launch) -> Result<Option<i32>> {
    let (sender, events) = event::spawn().context("cannot listen for input and signals")?;
    let session = terminal::enter().context("cannot set up the terminal")?;
    run_in(launch, sender, events, session)
}

/// A load running on its own thread: what it will give (the launch, or
/// why there is nothing to read), and how far it has got.
pub struct Loading {
    pub handle: std::thread::JoinHandle<std::result::Result<Launch, String>>,
    pub progress: std::sync::Arc<crate::corpus::Progress>,
}

/// How often the loading screen, and a progress bar, are redrawn.
const LOADING_FRAME: std::time::Duration = std::time::Duration::from_millis(50);

/// Runs the reader over a load still under way: the terminal is taken at
/// once and shows the load's progress (a large folder takes seconds), keys
/// and signals still work (q, Esc or ctrl-c leave), and the reader opens
/// when the articles are there.
///
/// Errors: the terminal cannot be set up, or nothing could be loaded (the
/// error holds what went wrong, to print once the terminal is restored).
pub fn run_loading(loading: Loading) -> Result<Option<i32>> {
    let (sender, events) = event::spawn().context("cannot listen for input and signals")?;
    let mut session = terminal::enter().context("cannot set up the terminal")?;
    while !loading.handle.is_finished() {
        session.terminal.draw(|frame| {
            view::loading::render(&loading.progress, frame.area(), frame.buffer_mut())
        })?;
        match events.recv_timeout(LOADING_FRAME) {
            Ok(event::Event::Terminate(signal)) => return Ok(Some(signal)),
            Ok(event::Event::Input(input)) if event::leaves_loading(&input) => {
                return Ok(event::interrupts(&input).then_some(signal_hook::consts::SIGINT));
            }
            Ok(event::Event::Resume) => session.resume()?,
            _ => {}
        }
    }
    let launch = match loading.handle.join() {
        Ok(Ok(launch)) => launch,
        Ok(Err(nothing)) => {
            drop(session);
            anyhow::bail!("{nothing}");
        }
        Err(_) => {
            drop(session);
            anyhow::bail!("loading failed: an internal error (please report it)");
        }
    };
    run_in(launch, sender, events, session)
}

/// The reader's loop, in a terminal already set up.
fn run_in(
    launch: Launch,
    sender: std::sync::mpsc::Sender<event::Event>,
    events: std::sync::mpsc::Receiver<event::Event>,
    mut session: terminal::Session,
) -> Result<Option<i32>> {
    let panic_in_draw = panic_in_draw();
    let (mut app, persistence) = prepare(launch);
    let size = session.terminal.size()?;
    update(&mut app, Action::Resize(size.width, size.height));
    let mut ambiguous_shown = false;
    let mut ended_by = None;
    loop {
        // Comparisons run on their own threads and come back as actions.
        for request in app.take_requests() {
            let sender = sender.clone();
            std::thread::spawn(move || {
                let _ = sender.send(event::Event::Action(worker::execute_caught(request)));
            });
        }
        let frame = session.terminal.draw(|frame| {
            assert!(!panic_in_draw, "{PANIC_IN_DRAW} is set");
            frame.render_widget(&app, frame.area());
        })?;
        // Emoji whose width terminals disagree on can leave stale or shifted
        // cells behind: frames that show them, and the frame after, are
        // repainted in full.
        let ambiguous = frame
            .buffer
            .content
            .iter()
            .any(|cell| terminal::width_is_ambiguous(cell.symbol()));
        if ambiguous || ambiguous_shown {
            let drawn = frame.buffer.clone();
            terminal::repaint(&mut session.terminal, &drawn)?;
        }
        ambiguous_shown = ambiguous;
        // While a progress bar shows, a frame is drawn every so often even
        // without events, so that the bar moves.
        let first = if app.grouping_progress().is_some() {
            match events.recv_timeout(LOADING_FRAME) {
                Ok(event) => Some(event),
                Err(std::sync::mpsc::RecvTimeoutError::Timeout) => None,
                Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => break,
            }
        } else {
            let Ok(event) = events.recv() else { break };
            Some(event)
        };
        // Handle everything that is already waiting before drawing again.
        let mut next = first;
        while let Some(event) = next {
            match event {
                event::Event::Terminate(signal) => {
                    app.quit = true;
                    ended_by.get_or_insert(signal);
                }
                event::Event::Suspend => app.suspend = true,
                event::Event::Resume => session.resume()?,
                event::Event::Action(action) => update(&mut app, action),
                event::Event::Input(input) => {
                    if let Some(action) = event::action(input) {
                        update(&mut app, action);
                    }
                }
            }
            next = events.try_recv().ok();
        }
        if app.quit {
            break;
        }
        if std::mem::take(&mut app.suspend) {
            session.suspend()?;
        }
    }
    if app.interrupted {
        ended_by.get_or_insert(signal_hook::consts::SIGINT);
    }
    drop(session);
    if let Persistence::At(path) = persistence
        && let Err(error) = config::save_state(&path, &app.state())
    {
        eprintln!(
            "spacefilm-tui: could not save the reading position to {}: {error}",
            crate::corpus::clean::visible(&path.display().to_string())
        );
    }
    Ok(ended_by)
}
