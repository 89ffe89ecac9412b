//! Where articles come from: the embedded seeds, files and folders.
//! Files are only ever opened for reading, through a size cap, and each is
//! parsed under `catch_unwind`: one bad file is an error that names it, and
//! the others load.
//!
//! Folder walks do not follow symbolic links unless asked to (as ripgrep and
//! fd do not), so nothing outside a named folder is loaded by accident; with
//! `follow`, a link back to a folder being walked is reported as a loop.

use std::collections::HashSet;
use std::fmt;
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use std::sync::LazyLock;

use encoding_rs::Encoding;
use rayon::prelude::*;

use super::article::{Article, Notice, Source};
use super::clean;
use super::decode::{self, DecodeError};
use super::parse::parse_article;
use super::records::{self, BadRecord, Fields};

/// The seed corpus, embedded so the binary works from any folder.
pub const SEEDS: [(&str, &[u8]); 5] = [
    (
        "000_0ac90385ad601620.txt",
        include_bytes!("../../seeds/000_0ac90385ad601620.txt"),
    ),
    (
        "001_68204c46c6310e18.txt",
        include_bytes!("../../seeds/001_68204c46c6310e18.txt"),
    ),
    (
        "002_f13625239639c7a3.txt",
        include_bytes!("../../seeds/002_f13625239639c7a3.txt"),
    ),
    (
        "003_3d879c792c9c72a1.txt",
        include_bytes!("../../seeds/003_3d879c792c9c72a1.txt"),
    ),
    (
        "004_ba6c03b084f54831.txt",
        include_bytes!("../../seeds/004_ba6c03b084f54831.txt"),
    ),
];

/// Extensions read when a folder is walked. A file named explicitly is read
/// whatever its extension.
pub const TEXT_EXTENSIONS: [&str; 4] = ["txt", "md", "markdown", "text"];

/// Files above this size are refused rather than read into memory.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

#[derive(Debug, Clone, Copy)]
pub struct LoadOptions {
    /// Decode every file with this encoding instead of detecting one.
    pub encoding: Option<&'static Encoding>,
    /// Take every file to be in this language (ISO 639-1 code) instead of
    /// detecting it (`--lang`).
    pub language: Option<&'static str>,
    /// Follow symbolic links met while walking a folder (`--follow`).
    pub follow: bool,
    /// Bytes read from one file at most ([`MAX_FILE_BYTES`] unless a test
    /// wants a smaller cap); record files ([`super::records`]) may be
    /// [`RECORD_FILE_FACTOR`] times larger.
    pub max_bytes: u64,
    /// The fields of record files (`--field`).
    pub fields: &'static Fields,
}

/// How much larger than an article file a record file may be: a whole
/// corpus in one file (100k articles of 800 words are about 600 MB).
pub const RECORD_FILE_FACTOR: u64 = 8;

static DEFAULT_FIELDS: LazyLock<Fields> = LazyLock::new(Fields::default);

impl Default for LoadOptions {
    fn default() -> LoadOptions {
        LoadOptions {
            encoding: None,
            language: None,
            follow: false,
            max_bytes: MAX_FILE_BYTES,
            fields: &DEFAULT_FIELDS,
        }
    }
}

/// A file or folder that could not be loaded, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    pub path: PathBuf,
    pub problem: Problem,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    Missing,
    Unreadable(String),
    NotRegularFile,
    Binary,
    SymlinkLoop,
    /// The file's size and the cap, in bytes.
    TooLarge(u64, u64),
    /// Reading or parsing the file hit a bug of ours (a caught panic).
    Internal(String),
    /// One record of a record file could not be read.
    Record(BadRecord),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = clean::visible(&self.path.to_string_lossy()).into_owned();
        match &self.problem {
            Problem::Missing => write!(f, "no such file or folder: {path}"),
            Problem::Unreadable(why) => write!(f, "cannot read ({why}): {path}"),
            Problem::NotRegularFile => {
                write!(f, "not a regular file (FIFO, socket or device): {path}")
            }
            Problem::Binary => write!(f, "looks binary: {path}"),
            Problem::SymlinkLoop => write!(f, "symlink loop, skipped: {path}"),
            Problem::TooLarge(bytes, cap) => write!(
                f,
                "too large ({} MiB, the limit is {} MiB): {path}",
                bytes / (1024 * 1024),
                cap / (1024 * 1024)
            ),
            Problem::Record(bad) => write!(f, "{bad}: {path}"),
            Problem::Internal(why) => write!(
                f,
                "could not be read, an internal error (please report it): {}: {path}",
                clean::visible(why)
            ),
        }
    }
}

impl std::error::Error for LoadError {}

/// Articles and the paths that failed, in the order they were given.
#[derive(Debug, Default)]
pub struct Loaded {
    pub articles: Vec<Article>,
    pub errors: Vec<LoadError>,
    /// Symbolic links met in folders and not followed (see
    /// [`LoadOptions::follow`]).
    pub links_skipped: usize,
}

impl Loaded {
    /// A note on the links that were not followed, if any were met.
    pub fn links_note(&self) -> Option<String> {
        (self.links_skipped > 0).then(|| {
            format!(
                "{} symbolic link(s) in the folders were not followed (--follow reads them)",
                self.links_skipped
            )
        })
    }
}

impl Loaded {
    /// Adds articles, renaming ids that are already taken (`name~2`).
    pub fn extend(&mut self, articles: impl IntoIterator<Item = Article>) {
        let mut taken: HashSet<String> = self.articles.iter().map(|a| a.id.clone()).collect();
        for mut article in articles {
            if taken.contains(&article.id) {
                let base = article.id.clone();
                let mut n = 2;
                while taken.contains(&format!("{base}~{n}")) {
                    n += 1;
                }
                article.id = format!("{base}~{n}");
            }
            taken.insert(article.id.clone());
            self.articles.push(article);
        }
    }
}

/// The embedded seed articles.
pub fn seeds() -> Vec<Article> {
    SEEDS
        .iter()
        .map(|(name, bytes)| {
            let decoded = decode::decode(bytes.to_vec(), None).expect("seeds are text");
            parse_article(stem(Path::new(name)), Source::Seed(name), decoded)
        })
        .collect()
}

/// Loads files and folders (folders recursively, for [`TEXT_EXTENSIONS`]
/// and record files, [`records::RECORD_EXTENSIONS`]).
///
/// The folders are walked first, in order; then the files are read and
/// parsed in parallel, on as many threads as there are cores (rayon), and
/// kept in the order they were found.
pub fn load_paths(paths: &[PathBuf], options: LoadOptions) -> Loaded {
    load_paths_counted(paths, options, &Progress::default())
}

/// How far a load has got, for a progress bar: the stage `reading`
/// counts `files` (a file's records count as one file), started once the
/// folders are walked.
pub use crate::progress::Progress;

/// [`load_paths`], counting the files in `progress` as they are read.
pub fn load_paths_counted(paths: &[PathBuf], options: LoadOptions, progress: &Progress) -> Loaded {
    let mut loaded = Loaded::default();
    let mut files: Vec<PathBuf> = Vec::new();
    for path in paths {
        // A path named on the command line is followed even when it is a
        // link: the user chose it.
        match fs::metadata(path) {
            Ok(meta) if meta.is_dir() => {
                let mut walk = Walk {
                    options,
                    ancestors: Vec::new(),
                    files: &mut files,
                    loaded: &mut loaded,
                };
                walk.folder(path);
            }
            Ok(_) => files.push(path.clone()),
            Err(error) => loaded.errors.push(io_error(path, &error)),
        }
    }
    progress.start("reading", "files", files.len());
    let results: Vec<(Vec<Article>, Vec<LoadError>)> = files
        .par_iter()
        .map(|path| {
            let result = if records::is_record_file(path) {
                load_record_file(path, options)
            } else {
                match load_file(path, options) {
                    Ok(article) => (vec![article], Vec::new()),
                    Err(error) => (Vec::new(), vec![error]),
                }
            };
            progress.advance(1);
            result
        })
        .collect();
    let mut articles = Vec::with_capacity(results.len());
    for (found, errors) in results {
        articles.extend(found);
        loaded.errors.extend(errors);
    }
    loaded.extend(articles);
    loaded
}

/// Loads one file, whatever its extension.
///
/// Errors: the path is missing, unreadable, not a regular file, larger than
/// [`MAX_FILE_BYTES`], binary, or (a bug of ours) its parse panicked. A file
/// that grows while it is read stops at the cap, with a notice.
pub fn load_file(path: &Path, options: LoadOptions) -> Result<Article, LoadError> {
    let fail = |problem| LoadError {
        path: path.to_owned(),
        problem,
    };
    let (bytes, capped) = read_file(path, options.max_bytes)?;
    let id = stem(path);
    let source = Source::File(path.to_owned());
    let parsed = crate::catch::catch(move || {
        let decoded = decode::decode(bytes, options.encoding)?;
        Ok(super::parse::parse_article_in(
            id,
            source,
            decoded,
            options.language,
        ))
    });
    match parsed {
        Ok(Ok(mut article)) => {
            if capped {
                article.notices.push(Notice::Capped(options.max_bytes));
            }
            Ok(article)
        }
        Ok(Err(DecodeError::Binary)) => Err(fail(Problem::Binary)),
        Err(panic) => Err(fail(Problem::Internal(panic))),
    }
}

/// Loads the articles of a record file (JSON Lines or CSV, see
/// [`records`]): the articles, and an error for the file or for each
/// record that could not be read. A file larger than its cap is refused
/// whole rather than cut mid-record.
pub fn load_record_file(path: &Path, options: LoadOptions) -> (Vec<Article>, Vec<LoadError>) {
    let cap = options.max_bytes.saturating_mul(RECORD_FILE_FACTOR);
    match read_file(path, cap) {
        Ok((_, true)) => (
            Vec::new(),
            vec![LoadError {
                path: path.to_owned(),
                problem: Problem::TooLarge(cap.saturating_add(1), cap),
            }],
        ),
        Ok((bytes, false)) => records::load_records(path, bytes, options),
        Err(error) => (Vec::new(), vec![error]),
    }
}

/// Reads a regular file, at most `cap` bytes; true when there was more.
///
/// Errors: the path is missing, unreadable, not a regular file or larger
/// than `cap`.
fn read_file(path: &Path, cap: u64) -> Result<(Vec<u8>, bool), LoadError> {
    let fail = |problem| LoadError {
        path: path.to_owned(),
        problem,
    };
    let meta = fs::metadata(path).map_err(|e| io_error(path, &e))?;
    if meta.is_dir() || !meta.is_file() {
        // Opening a FIFO would block until a writer comes along.
        return Err(fail(Problem::NotRegularFile));
    }
    if meta.len() > cap {
        return Err(fail(Problem::TooLarge(meta.len(), cap)));
    }
    let file = fs::File::open(path).map_err(|e| io_error(path, &e))?;
    read_capped(file, cap, meta.len()).map_err(|e| io_error(path, &e))
}

/// Decodes `bytes` (with `encoding`, or detecting one) and parses them into
/// the article `id`. This is [`load_file`] without the file and without its
/// net: a panic here is a bug, and the fuzz targets call this to find them.
///
/// Errors: the bytes look binary.
pub fn parse_bytes(
    id: String,
    source: Source,
    bytes: Vec<u8>,
    encoding: Option<&'static Encoding>,
) -> Result<Article, DecodeError> {
    let decoded = decode::decode(bytes, encoding)?;
    Ok(parse_article(id, source, decoded))
}

/// Reads at most `cap` bytes; true when there was more (the file grew after
/// its size was checked, or it never ends).
fn read_capped(source: impl Read, cap: u64, expected: u64) -> io::Result<(Vec<u8>, bool)> {
    // Room for what the file says it holds, and the byte that tells it
    // grew past the cap: growing by doubling touched twice the memory.
    let room = expected.min(cap).saturating_add(1);
    let mut bytes = Vec::with_capacity(usize::try_from(room).unwrap_or(0));
    source.take(cap.saturating_add(1)).read_to_end(&mut bytes)?;
    let capped = bytes.len() as u64 > cap;
    bytes.truncate(usize::try_from(cap).unwrap_or(usize::MAX));
    Ok((bytes, capped))
}

/// A folder walk in progress.
struct Walk<'a> {
    options: LoadOptions,
    /// The canonical paths of the folders being walked, outermost first:
    /// with `follow`, a link to one of them is a loop.
    ancestors: Vec<PathBuf>,
    /// The files to load, in the order met.
    files: &'a mut Vec<PathBuf>,
    loaded: &'a mut Loaded,
}

impl Walk<'_> {
    /// Walks `dir` for files with a [`TEXT_EXTENSIONS`] extension.
    fn folder(&mut self, dir: &Path) {
        let canonical = match fs::canonicalize(dir) {
            Ok(path) => path,
            Err(error) => return self.loaded.errors.push(io_error(dir, &error)),
        };
        if self.ancestors.contains(&canonical) {
            return self.loaded.errors.push(LoadError {
                path: dir.to_owned(),
                problem: Problem::SymlinkLoop,
            });
        }
        let entries = match fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(error) => return self.loaded.errors.push(io_error(dir, &error)),
        };
        self.ancestors.push(canonical);
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for path in paths {
            self.entry(&path);
        }
        self.ancestors.pop();
    }

    fn entry(&mut self, path: &Path) {
        let hidden = path
            .file_name()
            .is_some_and(|name| name.to_string_lossy().starts_with('.'));
        if hidden {
            return;
        }
        let is_link = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
        if is_link && !self.options.follow {
            self.loaded.links_skipped += 1;
            return;
        }
        match fs::metadata(path) {
            Ok(meta) if meta.is_dir() => self.folder(path),
            Ok(_) if !has_text_extension(path) && !records::is_record_file_in_folder(path) => {}
            Ok(_) => self.files.push(path.to_owned()),
            Err(error) if has_text_extension(path) || is_loop(&error) => {
                self.loaded.errors.push(io_error(path, &error))
            }
            Err(_) => {}
        }
    }
}

fn has_text_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| TEXT_EXTENSIONS.iter().any(|t| t.eq_ignore_ascii_case(e)))
}

fn is_loop(error: &io::Error) -> bool {
    error.raw_os_error() == Some(40) // ELOOP on Linux
}

fn io_error(path: &Path, error: &io::Error) -> LoadError {
    let problem = match error.kind() {
        io::ErrorKind::NotFound => Problem::Missing,
        _ if is_loop(error) => Problem::SymlinkLoop,
        io::ErrorKind::PermissionDenied => Problem::Unreadable("permission denied".into()),
        _ => Problem::Unreadable(error.to_string()),
    };
    LoadError {
        path: path.to_owned(),
        problem,
    }
}

/// The id of a file: its stem, made safe to print.
fn stem(path: &Path) -> String {
    visible_stem(path, "article")
}

/// A file's stem made safe to print (`fallback` when it has none).
pub(super) fn visible_stem(path: &Path, fallback: &str) -> String {
    match path.file_stem() {
        Some(stem) => clean::visible(&stem.to_string_lossy()).into_owned(),
        None => fallback.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reading_stops_at_the_cap_of_an_endless_source() {
        let (bytes, capped) = read_capped(io::repeat(b'a'), 1000, 0).unwrap();
        assert_eq!(bytes.len(), 1000);
        assert!(capped);
        let (bytes, capped) = read_capped(&b"short"[..], 1000, 5).unwrap();
        assert_eq!(bytes, b"short");
        assert!(!capped);
        let (bytes, capped) = read_capped(&b"exact"[..], 5, 5).unwrap();
        assert_eq!((bytes.len(), capped), (5, false));
    }
}
