//! spacefilm-tui: parse the command line, dispatch, map errors to exit codes.

mod cli;

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Parser;

use spacefilm::config::Paths;
use spacefilm::tui;

/// mimalloc rather than the system allocator: a comparison makes and frees
/// a few hundred thousand small strings and lists, and glibc's malloc and
/// free took 11 % of the instructions of a 100k-word `diff` (8 % fewer
/// with mimalloc, measured with cachegrind).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    let code = match args.command {
        Some(command) => cli::run(command, &args.global),
        None => reader(&args),
    };
    ExitCode::from(code)
}

/// Opens the interactive reader, when there is a terminal to open it in.
fn reader(args: &cli::Cli) -> u8 {
    let missing = match (
        std::io::stdin().is_terminal(),
        std::io::stdout().is_terminal(),
    ) {
        (true, true) => None,
        (false, _) => Some("standard input"),
        (_, false) => Some("standard output"),
    };
    if let Some(stream) = missing {
        cli::error(&format!(
            "the reader needs a terminal, and {stream} is not one.\n\
             For scripts: `spacefilm-tui list` lists the articles, \
             `spacefilm-tui show REF` prints one (see `spacefilm-tui --help`)."
        ));
        return cli::EXIT_USAGE;
    }
    let options = match cli::load_options(&args.global) {
        Ok(options) => options,
        Err(message) => {
            cli::error(&message);
            return cli::EXIT_USAGE;
        }
    };
    let color = match args.global.color {
        cli::ColorMode::Always => true,
        cli::ColorMode::Never => false,
        cli::ColorMode::Auto => std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
    };
    // The files are read on their own thread while the terminal shows how
    // far it has got: a large folder takes seconds.
    let progress = std::sync::Arc::new(spacefilm::corpus::Progress::default());
    let (global, paths, counter) = (args.global.clone(), args.paths.clone(), progress.clone());
    let handle = std::thread::spawn(move || {
        let loaded = cli::load_corpus_counted(&global, options, &paths, &counter);
        let mut notices: Vec<String> = loaded.errors.iter().map(ToString::to_string).collect();
        if loaded.articles.is_empty() {
            notices.push("nothing to read: no article could be loaded".to_owned());
            return Err(notices.join("\n"));
        }
        notices.extend(loaded.links_note());
        Ok(tui::Launch {
            articles: loaded.articles,
            notices,
            color,
            paths: Paths::discover(),
        })
    });
    match tui::run_loading(tui::Loading { handle, progress }) {
        // 128 + the signal's number, as shells report a process it ended.
        Ok(Some(signal)) => 128u8.saturating_add(u8::try_from(signal).unwrap_or(0)),
        Ok(None) => cli::EXIT_OK,
        Err(error) => {
            cli::error(&format!("{error:#}"));
            cli::EXIT_FAILURE
        }
    }
}
