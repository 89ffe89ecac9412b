//! The command line: clap definitions and one small runner per subcommand.
//! Every runner prints over the library's functions and returns an exit code.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::Result;
use clap::{Args, Parser, Subcommand, ValueEnum};

use spacefilm::corpus::{self, Article, LoadOptions, Loaded, clean};
use spacefilm::export;

/// Exit statuses.
pub const EXIT_OK: u8 = 0;
/// Something could not be loaded or written.
pub const EXIT_FAILURE: u8 = 1;
/// The command line was wrong: an unknown option, an unknown or ambiguous REF.
pub const EXIT_USAGE: u8 = 2;

#[derive(Debug, Parser)]
#[command(
    name = "spacefilm-tui",
    version,
    about = "Read and compare the versions of one news story",
    long_about = "Read and compare the versions of one news story.\n\n\
        With no subcommand, opens the reader on the PATHs given (files and folders), \
        or on the embedded seed articles. The subcommands answer scripts; each takes \
        --format json.",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// Files and folders to open in the reader (folders are read recursively
    /// for .txt, .md, .markdown and .text, and for record files: .jsonl,
    /// .ndjson, .json and .csv, one article per record).
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    #[command(flatten)]
    pub global: Global,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Args)]
pub struct Global {
    /// Also load the embedded seed articles.
    #[arg(long, global = true)]
    pub with_seeds: bool,

    /// Decode every file with this encoding (e.g. windows-1251, koi8-r)
    /// instead of detecting it.
    #[arg(long, global = true, value_name = "NAME")]
    pub encoding: Option<String>,

    /// Take every file to be in this language (an ISO 639-1 code such as
    /// fr, es, ru, hr) instead of detecting it.
    #[arg(long, global = true, value_name = "CODE")]
    pub lang: Option<String>,

    /// Read a record file's field from another name, as KEY=NAME
    /// (repeatable; keys: id, title, date, url, outlet, language, text,
    /// story). Record files are JSON Lines (.jsonl, .ndjson, .json) and CSV
    /// (.csv), one article per record; `story` falls back to passim's
    /// `cluster`.
    #[arg(long = "field", global = true, value_name = "KEY=NAME")]
    pub fields: Vec<String>,

    /// Follow symbolic links met while reading folders (off by default, so
    /// nothing outside a named folder is read unless asked for).
    #[arg(long, global = true)]
    pub follow: bool,

    /// Articles that REFs are looked up in, instead of the seeds (repeatable).
    #[arg(short = 'C', long = "corpus", global = true, value_name = "PATH")]
    pub corpus: Vec<PathBuf>,

    /// When to colour the output; NO_COLOR in the environment means never.
    #[arg(long, global = true, value_enum, default_value_t = ColorMode::Auto)]
    pub color: ColorMode,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorMode {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
}

/// Formats of the commands whose result also makes a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PageFormat {
    Text,
    Json,
    /// One self-contained HTML page, for a browser, offline.
    Html,
}

impl From<Format> for PageFormat {
    fn from(format: Format) -> PageFormat {
        match format {
            Format::Text => PageFormat::Text,
            Format::Json => PageFormat::Json,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the articles: id, date, outlet, size, notices and title.
    List {
        /// Files and folders to list (default: the corpus).
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Print one article as wrapped text: a metadata header, then the body.
    Show {
        /// An article id, a unique prefix of one, or a path.
        #[arg(value_name = "REF")]
        reference: String,
        /// Wrap to this many columns (default: the terminal's width, or 80).
        #[arg(long, value_name = "N", value_parser = parse_width)]
        width: Option<usize>,
    },
    /// Align the sentences of two versions: which sentence became which.
    Align {
        #[command(flatten)]
        pair: Pair,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Width of the text table (default: the terminal's, or 120).
        #[arg(long, value_name = "N", value_parser = parse_width)]
        width: Option<usize>,
    },
    /// Compare two versions side by side, word by word inside each sentence.
    Diff {
        #[command(flatten)]
        pair: Pair,
        #[arg(long, value_enum, default_value_t = PageFormat::Text)]
        format: PageFormat,
        /// Width of the side-by-side text (default: the terminal's, or 120).
        #[arg(long, value_name = "N", value_parser = parse_width)]
        width: Option<usize>,
        /// Do not count differences of case and punctuation.
        #[arg(short = 'i', long)]
        ignore_case_and_punctuation: bool,
    },
    /// The discrepancy ledger: the ages, dates, sums, counts, names and
    /// quotes the versions state, grouped into facts, conflicts first.
    Facts {
        /// The articles to compare (ids, unique prefixes or paths; default:
        /// every loaded article).
        #[arg(value_name = "REF")]
        references: Vec<String>,
        #[arg(long, value_enum, default_value_t = PageFormat::Text)]
        format: PageFormat,
        /// Width of the text table (default: the terminal's, or 120).
        #[arg(long, value_name = "N", value_parser = parse_width)]
        width: Option<usize>,
        /// Give up on aligning more pairs after this many milliseconds.
        #[arg(long, value_name = "MS", default_value_t = 3000)]
        budget_ms: u64,
    },
    /// Similarity of every pair of articles, and the stories they form.
    Matrix {
        /// Files and folders (default: the corpus).
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Width of the text (default: the terminal's, or 120).
        #[arg(long, value_name = "N", value_parser = parse_width)]
        width: Option<usize>,
        /// Align pairs for this many milliseconds; the rest get the
        /// Jaccard of their words.
        #[arg(long, value_name = "MS", default_value_t = 3000)]
        budget_ms: u64,
    },
    /// n-way collation: every sentence of BASE, with what each other
    /// version says in its place, differences marked.
    Collate {
        /// The base version: an id, a unique prefix, or a path.
        #[arg(value_name = "BASE")]
        base: String,
        /// The other versions (default: every other loaded article).
        #[arg(value_name = "REF")]
        references: Vec<String>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Width of the text (default: the terminal's, or 120).
        #[arg(long, value_name = "N", value_parser = parse_width)]
        width: Option<usize>,
        /// Give up on finer results after this many milliseconds.
        #[arg(long, value_name = "MS", default_value_t = 3000)]
        budget_ms: u64,
    },
}

/// Narrowest and widest `--width`, in columns: below the minimum no table
/// has room for its gutters, and past the maximum a line is no longer a line
/// (and a huge width would allocate without bound).
pub const WIDTH_RANGE: std::ops::RangeInclusive<usize> = 20..=1000;

/// `--width N`, within [`WIDTH_RANGE`].
fn parse_width(value: &str) -> Result<usize, String> {
    let width: usize = value
        .trim()
        .parse()
        .map_err(|_| format!("{value:?} is not a number of columns"))?;
    if WIDTH_RANGE.contains(&width) {
        Ok(width)
    } else {
        Err(format!(
            "{width} columns is out of range: use {} to {}",
            WIDTH_RANGE.start(),
            WIDTH_RANGE.end()
        ))
    }
}

/// Two articles to compare, and how long to spend on it.
#[derive(Debug, Args)]
pub struct Pair {
    /// The left (older, or reference) version: an id, a unique prefix, or a path.
    #[arg(value_name = "LEFT")]
    pub left: String,
    /// The right version.
    #[arg(value_name = "RIGHT")]
    pub right: String,
    /// Give up on finer results after this many milliseconds, and say so.
    #[arg(long, value_name = "MS", default_value_t = 3000)]
    pub budget_ms: u64,
}

/// The outcome of a subcommand: what to print and how to exit.
pub struct Outcome {
    pub stdout: String,
    pub code: u8,
}

/// Runs a subcommand. Errors that should reach the user are printed to
/// stderr here; the returned code says how it went.
pub fn run(command: Command, global: &Global) -> u8 {
    export::text::set_colour(colour_on(global));
    let options = match load_options(global) {
        Ok(options) => options,
        Err(message) => {
            error(&message);
            return EXIT_USAGE;
        }
    };
    let outcome = match command {
        Command::List { paths, format } => list(global, options, &paths, format),
        Command::Show { reference, width } => show(global, options, &reference, width),
        Command::Align {
            pair,
            format,
            width,
        } => compare(
            global,
            options,
            &pair,
            format.into(),
            width,
            View::Alignment,
            false,
        ),
        Command::Diff {
            pair,
            format,
            width,
            ignore_case_and_punctuation,
        } => compare(
            global,
            options,
            &pair,
            format,
            width,
            View::Diff,
            ignore_case_and_punctuation,
        ),
        Command::Facts {
            references,
            format,
            width,
            budget_ms,
        } => facts(global, options, &references, format, width, budget_ms),
        Command::Matrix {
            paths,
            format,
            width,
            budget_ms,
        } => matrix(global, options, &paths, format, width, budget_ms),
        Command::Collate {
            base,
            references,
            format,
            width,
            budget_ms,
        } => collate(
            global,
            options,
            &base,
            &references,
            format,
            width,
            budget_ms,
        ),
    };
    print(global, outcome)
}

/// Prints an outcome. Text made with colour goes through anstream (which
/// also serves consoles that need translating); anything else, made without
/// a single escape, goes straight to a buffered stdout.
fn print(global: &Global, outcome: Outcome) -> u8 {
    if outcome.stdout.is_empty() {
        return outcome.code;
    }
    let written = if colour_on(global) {
        let mut stdout =
            anstream::AutoStream::new(std::io::stdout().lock(), anstream::ColorChoice::Always);
        stdout
            .write_all(outcome.stdout.as_bytes())
            .and_then(|()| stdout.flush())
    } else {
        let mut stdout = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
        stdout
            .write_all(outcome.stdout.as_bytes())
            .and_then(|()| stdout.flush())
    };
    match written {
        Ok(()) => outcome.code,
        // `spacefilm-tui list | head`: the reader left, which is fine.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => outcome.code,
        Err(e) => {
            error(&format!("cannot write the output: {e}"));
            EXIT_FAILURE
        }
    }
}

/// Prints one of our messages on stderr. Its line breaks are ours and are
/// kept; any other control (from a file name, say) is made visible.
pub fn error(message: &str) {
    let _ = writeln!(
        std::io::stderr(),
        "spacefilm-tui: {}",
        clean::visible_lines(message)
    );
}

pub fn load_options(global: &Global) -> Result<LoadOptions, String> {
    let encoding = match &global.encoding {
        None => None,
        Some(label) => Some(encoding_rs::Encoding::for_label(label.trim().as_bytes()).ok_or_else(|| {
            format!("unknown encoding {label:?} (try utf-8, windows-1251, koi8-r, iso-8859-1, utf-16le)")
        })?),
    };
    let language = match &global.lang {
        None => None,
        Some(code) => {
            let code = code.trim().to_lowercase();
            if !spacefilm::lang::is_code(&code) {
                return Err(format!(
                    "--lang wants an ISO 639-1 code such as en, fr, es, ru or hr, not {code:?}"
                ));
            }
            // One code for the whole run: kept for its length.
            Some(&*Box::leak(code.into_boxed_str()))
        }
    };
    let mut options = LoadOptions {
        encoding,
        language,
        follow: global.follow,
        ..LoadOptions::default()
    };
    if !global.fields.is_empty() {
        let mut fields = options.fields.clone();
        for assignment in &global.fields {
            fields.set(assignment)?;
        }
        // One set of fields for the whole run.
        options.fields = Box::leak(Box::new(fields));
    }
    Ok(options)
}

/// Loads `paths` (or, when there are none, the `--corpus` paths, or else the
/// seeds), adding the seeds first with `--with-seeds`.
pub fn load_corpus(global: &Global, options: LoadOptions, paths: &[PathBuf]) -> Loaded {
    load_corpus_counted(global, options, paths, &corpus::Progress::default())
}

/// [`load_corpus`], counting the files read in `progress` (the reader's
/// loading screen shows it).
pub fn load_corpus_counted(
    global: &Global,
    options: LoadOptions,
    paths: &[PathBuf],
    progress: &corpus::Progress,
) -> Loaded {
    let chosen = if paths.is_empty() {
        &global.corpus[..]
    } else {
        paths
    };
    let mut loaded = Loaded::default();
    if chosen.is_empty() || global.with_seeds {
        loaded.extend(corpus::seeds());
    }
    let from_paths = corpus::load_paths_counted(chosen, options, progress);
    loaded.errors = from_paths.errors;
    loaded.links_skipped = from_paths.links_skipped;
    loaded.extend(from_paths.articles);
    corpus::label::assign(&mut loaded.articles);
    loaded
}

/// Prints load errors, and a note on links not followed; true when there
/// were errors.
fn report(loaded: &Loaded) -> bool {
    for e in &loaded.errors {
        error(&e.to_string());
    }
    if let Some(note) = loaded.links_note() {
        error(&note);
    }
    !loaded.errors.is_empty()
}

fn list(global: &Global, options: LoadOptions, paths: &[PathBuf], format: Format) -> Outcome {
    let loaded = load_corpus(global, options, paths);
    let failed = report(&loaded);
    let stdout = match format {
        Format::Json => json(&export::json::article_list(&loaded.articles)),
        Format::Text => export::text::list(&loaded.articles, terminal_width()),
    };
    Outcome {
        stdout,
        code: if failed { EXIT_FAILURE } else { EXIT_OK },
    }
}

fn show(global: &Global, options: LoadOptions, reference: &str, width: Option<usize>) -> Outcome {
    let loaded = load_corpus(global, options, &[]);
    report(&loaded);
    match resolve(reference, &loaded.articles, options) {
        Ok(article) => {
            let width = width.or_else(terminal_width).unwrap_or(80);
            Outcome {
                stdout: export::text::show(&article, width),
                code: EXIT_OK,
            }
        }
        Err(failure) => failure.into(),
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum View {
    Alignment,
    Diff,
}

fn compare(
    global: &Global,
    options: LoadOptions,
    pair: &Pair,
    format: PageFormat,
    width: Option<usize>,
    view: View,
    ignore_case_and_punctuation: bool,
) -> Outcome {
    // Two files named by their paths need no corpus to look ids up in (a
    // large `--corpus` would be read for nothing).
    let loaded = if is_file_path(&pair.left) && is_file_path(&pair.right) {
        Loaded::default()
    } else {
        load_corpus(global, options, &[])
    };
    report(&loaded);
    let left = match resolve(&pair.left, &loaded.articles, options) {
        Ok(article) => article,
        Err(failure) => return failure.into(),
    };
    let right = match resolve(&pair.right, &loaded.articles, options) {
        Ok(article) => article,
        Err(failure) => return failure.into(),
    };
    let [left, right] = labelled([left, right]);
    let compare_options = spacefilm::compare::CompareOptions {
        diff: spacefilm::compare::DiffOptions {
            ignore_case_and_punctuation,
        },
    };
    let budget = budget(pair.budget_ms);
    let comparison = spacefilm::compare::compare(&left, &right, compare_options, &budget);
    let width = table_width(width);
    let stdout = match (format, view) {
        (PageFormat::Json, _) => {
            let value = export::json::alignment(&left, &right, &comparison, view == View::Diff);
            // A long comparison goes out compact, like a large matrix: its
            // indentation was a third of the bytes and 5 % of the run.
            let pretty = comparison.alignment.links.len() <= PRETTY_JSON_LINKS;
            return Outcome {
                stdout: String::new(),
                code: stream_json(&value, pretty).unwrap_or(EXIT_FAILURE),
            };
        }
        (PageFormat::Html, _) => {
            let pair = [&left, &right];
            let ledger = spacefilm::compare::facts::ledger(&pair, &budget);
            export::html::diff_page(&left, &right, &comparison, &ledger, &pair)
        }
        (PageFormat::Text, View::Alignment) => {
            export::text::alignment_table(&left, &right, &comparison, width)
        }
        (PageFormat::Text, View::Diff) => {
            export::text::side_by_side(&left, &right, &comparison, width, !colour_on(global))
        }
    };
    Outcome {
        stdout,
        code: EXIT_OK,
    }
}

/// Articles labelled among themselves: the labels tell apart the articles a
/// command shows.
fn labelled<const N: usize>(mut articles: [Article; N]) -> [Article; N] {
    corpus::label::assign(&mut articles);
    articles
}

/// The articles named by `references` among `loaded` (each a REF), or,
/// with none, every loaded one.
fn chosen_articles(
    references: &[String],
    loaded: &[Article],
    options: LoadOptions,
) -> Result<Vec<Article>, RefFailure> {
    if references.is_empty() {
        return Ok(loaded.to_vec());
    }
    references
        .iter()
        .map(|r| resolve(r, loaded, options))
        .collect()
}

/// A comparison's time budget from `--budget-ms`.
fn budget(ms: u64) -> spacefilm::compare::Budget {
    spacefilm::compare::Budget::new(std::time::Duration::from_millis(ms))
}

/// The width of a text table: `--width`, else the terminal's, else 120.
fn table_width(width: Option<usize>) -> usize {
    width.or_else(terminal_width).unwrap_or(120)
}

fn facts(
    global: &Global,
    options: LoadOptions,
    references: &[String],
    format: PageFormat,
    width: Option<usize>,
    budget_ms: u64,
) -> Outcome {
    let loaded = load_corpus(global, options, &[]);
    report(&loaded);
    let mut articles = match chosen_articles(references, &loaded.articles, options) {
        Ok(articles) => articles,
        Err(failure) => return failure.into(),
    };
    corpus::label::assign(&mut articles);
    let articles: Vec<&Article> = articles.iter().collect();
    let budget = budget(budget_ms);
    let ledger = spacefilm::compare::facts::ledger(&articles, &budget);
    let stdout = match format {
        PageFormat::Json => json(&export::ledger::json(&articles, &ledger)),
        PageFormat::Html => export::html::ledger_page(&articles, &ledger),
        PageFormat::Text => export::ledger::table(&ledger, table_width(width)),
    };
    Outcome {
        stdout,
        code: EXIT_OK,
    }
}

fn matrix(
    global: &Global,
    options: LoadOptions,
    paths: &[PathBuf],
    format: Format,
    width: Option<usize>,
    budget_ms: u64,
) -> Outcome {
    let loaded = load_corpus(global, options, paths);
    let failed = report(&loaded);
    let articles: Vec<&Article> = loaded.articles.iter().collect();
    let budget = budget(budget_ms);
    let map = spacefilm::compare::stories::map(&articles, &budget);
    let code = if failed { EXIT_FAILURE } else { EXIT_OK };
    match format {
        Format::Json => {
            // A large corpus's JSON goes out as it is made, compact.
            let value = export::matrix::json(&articles, &map);
            let pretty = articles.len() <= spacefilm::compare::stories::DENSE_LIMIT;
            Outcome {
                stdout: String::new(),
                code: stream_json(&value, pretty)
                    .unwrap_or(EXIT_FAILURE)
                    .max(code),
            }
        }
        Format::Text => Outcome {
            stdout: export::matrix::table(&articles, &map, table_width(width)),
            code,
        },
    }
}

/// Most links an `align` or `diff` JSON document is indented for; longer
/// ones are printed compact. The same bound as the matrix's dense table
/// ([`spacefilm::compare::stories::DENSE_LIMIT`]).
const PRETTY_JSON_LINKS: usize = spacefilm::compare::stories::DENSE_LIMIT;

/// Writes `value` as JSON straight to a buffered stdout, without a string
/// in between or an ANSI stripper on the way. `None` (after saying why)
/// when it could not be written; a reader that left (`| head`) is fine.
fn stream_json<T: serde::Serialize>(value: &T, pretty: bool) -> Option<u8> {
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let written = if pretty {
        serde_json::to_writer_pretty(&mut out, value)
    } else {
        serde_json::to_writer(&mut out, value)
    }
    .map_err(std::io::Error::from)
    .and_then(|()| out.write_all(b"\n"))
    .and_then(|()| out.flush());
    match written {
        Ok(()) => Some(EXIT_OK),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Some(EXIT_OK),
        Err(e) => {
            error(&format!("cannot write the output: {e}"));
            None
        }
    }
}

fn collate(
    global: &Global,
    options: LoadOptions,
    base: &str,
    references: &[String],
    format: Format,
    width: Option<usize>,
    budget_ms: u64,
) -> Outcome {
    let loaded = load_corpus(global, options, &[]);
    report(&loaded);
    let base = match resolve(base, &loaded.articles, options) {
        Ok(article) => article,
        Err(failure) => return failure.into(),
    };
    let others = match chosen_articles(references, &loaded.articles, options) {
        Ok(others) => others,
        Err(failure) => return failure.into(),
    };
    let base_id = base.id.clone();
    // With no REF, the others are every article but the base.
    let mut chosen: Vec<Article> = std::iter::once(base)
        .chain(others.into_iter().filter(|a| a.id != base_id))
        .collect();
    corpus::label::assign(&mut chosen);
    let articles: Vec<&Article> = chosen.iter().collect();
    let budget = budget(budget_ms);
    let collation = spacefilm::compare::collate::collate(&articles, 0, Default::default(), &budget);
    let stdout = match format {
        Format::Json => json(&export::collation::json(&articles, &collation)),
        Format::Text => export::collation::text(&articles, &collation, table_width(width)),
    };
    Outcome {
        stdout,
        code: EXIT_OK,
    }
}

/// Whether styled output will keep its colours: the flag, then NO_COLOR and
/// whether stdout is a terminal.
fn colour_on(global: &Global) -> bool {
    match global.color {
        ColorMode::Always => true,
        ColorMode::Never => false,
        ColorMode::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::io::stdout().is_terminal()
        }
    }
}

/// Why a REF did not name one article.
pub enum RefFailure {
    Unknown {
        reference: String,
        candidates: Vec<String>,
    },
    Ambiguous {
        reference: String,
        candidates: Vec<String>,
    },
    Load(corpus::LoadError),
}

impl From<RefFailure> for Outcome {
    fn from(failure: RefFailure) -> Outcome {
        let code = match &failure {
            RefFailure::Load(e) => {
                error(&e.to_string());
                EXIT_FAILURE
            }
            RefFailure::Unknown {
                reference,
                candidates,
            } => {
                error(&format!(
                    "no article matches {reference:?}; the articles are:\n  {}",
                    candidates.join("\n  ")
                ));
                EXIT_USAGE
            }
            RefFailure::Ambiguous {
                reference,
                candidates,
            } => {
                error(&format!(
                    "{reference:?} matches more than one article:\n  {}",
                    candidates.join("\n  ")
                ));
                EXIT_USAGE
            }
        };
        Outcome {
            stdout: String::new(),
            code,
        }
    }
}

/// A REF: an exact id, then an existing file, then a unique id prefix.
/// A REF that can only be a file: an existing file whose name has a text
/// extension (an id is a file's stem, so it never has one).
fn is_file_path(reference: &str) -> bool {
    let path = Path::new(reference);
    path.is_file()
        && path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
            corpus::load::TEXT_EXTENSIONS
                .iter()
                .any(|t| t.eq_ignore_ascii_case(e))
        })
}

pub fn resolve(
    reference: &str,
    articles: &[Article],
    options: LoadOptions,
) -> Result<Article, RefFailure> {
    if let Some(article) = articles.iter().find(|a| a.id == reference) {
        return Ok(article.clone());
    }
    let path = Path::new(reference);
    if path.exists() {
        return corpus::load_file(path, options).map_err(RefFailure::Load);
    }
    let matches: Vec<&Article> = articles
        .iter()
        .filter(|a| a.id.starts_with(reference))
        .collect();
    match matches.as_slice() {
        [one] => Ok((*one).clone()),
        [] => Err(RefFailure::Unknown {
            reference: reference.to_owned(),
            candidates: articles.iter().map(|a| a.id.clone()).collect(),
        }),
        many => Err(RefFailure::Ambiguous {
            reference: reference.to_owned(),
            candidates: many.iter().map(|a| a.id.clone()).collect(),
        }),
    }
}

fn json<T: serde::Serialize>(value: &T) -> String {
    let mut text = serde_json::to_string_pretty(value).expect("contract types serialise");
    text.push('\n');
    text
}

/// The width of the terminal on stdout, if it is one.
pub fn terminal_width() -> Option<usize> {
    if !std::io::stdout().is_terminal() {
        return None;
    }
    crossterm::terminal::size()
        .ok()
        .map(|(w, _)| usize::from(w).clamp(*WIDTH_RANGE.start(), *WIDTH_RANGE.end()))
}
