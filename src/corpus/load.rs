//! Where articles come from: the embedded seeds, files and folders.
//! Files are only ever opened for reading.

use std::collections::HashSet;
use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use encoding_rs::Encoding;

use super::article::{Article, Source};
use super::clean;
use super::decode::{self, DecodeError};
use super::parse::parse_article;

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

#[derive(Debug, Clone, Copy, Default)]
pub struct LoadOptions {
    /// Decode every file with this encoding instead of detecting one.
    pub encoding: Option<&'static Encoding>,
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
    TooLarge(u64),
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
            Problem::TooLarge(bytes) => write!(
                f,
                "too large ({} MiB, the limit is {} MiB): {path}",
                bytes / (1024 * 1024),
                MAX_FILE_BYTES / (1024 * 1024)
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

/// Loads files and folders (folders recursively, for [`TEXT_EXTENSIONS`]).
pub fn load_paths(paths: &[PathBuf], options: LoadOptions) -> Loaded {
    let mut loaded = Loaded::default();
    for path in paths {
        let mut articles = Vec::new();
        match fs::metadata(path) {
            Ok(meta) if meta.is_dir() => {
                let mut visited = HashSet::new();
                walk(
                    path,
                    options,
                    &mut visited,
                    &mut articles,
                    &mut loaded.errors,
                );
            }
            Ok(_) => match load_file(path, options) {
                Ok(article) => articles.push(article),
                Err(error) => loaded.errors.push(error),
            },
            Err(error) => loaded.errors.push(io_error(path, &error)),
        }
        loaded.extend(articles);
    }
    loaded
}

/// Loads one file, whatever its extension.
pub fn load_file(path: &Path, options: LoadOptions) -> Result<Article, LoadError> {
    let fail = |problem| LoadError {
        path: path.to_owned(),
        problem,
    };
    let meta = fs::metadata(path).map_err(|e| io_error(path, &e))?;
    if meta.is_dir() || !meta.is_file() {
        // Opening a FIFO would block until a writer comes along.
        return Err(fail(Problem::NotRegularFile));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(fail(Problem::TooLarge(meta.len())));
    }
    let bytes = fs::read(path).map_err(|e| io_error(path, &e))?;
    let decoded = decode::decode(bytes, options.encoding).map_err(|e| match e {
        DecodeError::Binary => fail(Problem::Binary),
    })?;
    Ok(parse_article(
        stem(path),
        Source::File(path.to_owned()),
        decoded,
    ))
}

fn walk(
    dir: &Path,
    options: LoadOptions,
    visited: &mut HashSet<PathBuf>,
    articles: &mut Vec<Article>,
    errors: &mut Vec<LoadError>,
) {
    let canonical = match fs::canonicalize(dir) {
        Ok(path) => path,
        Err(error) => return errors.push(io_error(dir, &error)),
    };
    if !visited.insert(canonical) {
        return errors.push(LoadError {
            path: dir.to_owned(),
            problem: Problem::SymlinkLoop,
        });
    }
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) => return errors.push(io_error(dir, &error)),
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        let hidden = path
            .file_name()
            .is_some_and(|name| name.to_string_lossy().starts_with('.'));
        if hidden {
            continue;
        }
        match fs::metadata(&path) {
            Ok(meta) if meta.is_dir() => walk(&path, options, visited, articles, errors),
            Ok(_) if !has_text_extension(&path) => {}
            Ok(_) => match load_file(&path, options) {
                Ok(article) => articles.push(article),
                Err(error) => errors.push(error),
            },
            Err(error) if has_text_extension(&path) || is_loop(&error) => {
                errors.push(io_error(&path, &error))
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
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "article".to_owned());
    clean::visible(&stem).into_owned()
}
