//! Errors in the data files we read (config, keymap, theme, state,
//! language data), located by file, line and column. No terminal code: the
//! language data uses these too.

use std::fmt;
use std::path::Path;

/// A problem in a file we read, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub file: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
}

impl ConfigError {
    /// An error at byte `span` of `source`.
    pub fn at(
        file: &str,
        source: &str,
        span: std::ops::Range<usize>,
        message: String,
    ) -> ConfigError {
        let (line, column) = line_column(source, span.start);
        ConfigError {
            file: file.to_owned(),
            line: Some(line),
            column: Some(column),
            message,
        }
    }

    /// An error about the whole file, at no particular place.
    pub fn whole(file: &Path, message: String) -> ConfigError {
        ConfigError {
            file: file.display().to_string(),
            line: None,
            column: None,
            message,
        }
    }
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let file = crate::corpus::clean::visible(&self.file).into_owned();
        let message = crate::corpus::clean::visible(&self.message).into_owned();
        match (self.line, self.column) {
            (Some(line), Some(column)) => write!(f, "{file}:{line}:{column}: {message}"),
            (Some(line), None) => write!(f, "{file}:{line}: {message}"),
            _ => write!(f, "{file}: {message}"),
        }
    }
}

/// 1-based line and column of byte `at`.
fn line_column(source: &str, at: usize) -> (usize, usize) {
    let at = at.min(source.len());
    let before = source.get(..at).unwrap_or("");
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}
