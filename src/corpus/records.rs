//! A researcher's corpus in one file: JSON Lines or CSV, one article per
//! record, the shape of news-please, Media Cloud and passim exports.
//!
//! A record gives the article's `text` and, when it has them, its `id`,
//! `title`, `date`, `url`, `outlet`, `language` and story (`story`, or
//! passim's `cluster`; a passim passage's id is its document's with its
//! `begin` offset, `doc@146`, and its `series` is the outlet when there is
//! no `outlet`). Field names are configurable ([`Fields`],
//! `--field text=body`). Each record's text is parsed like a file's; the
//! record's own metadata wins over what the text suggests. A record that
//! cannot be read (bad JSON, no text) is an error naming the file and the
//! line, and the other records load.

use std::fmt;
use std::path::Path;

use rayon::prelude::*;
use serde_json::Value;

use super::article::{Article, Source};
use super::clean;
use super::decode::{self, DecodeError};
use super::load::{LoadError, LoadOptions, Problem};

/// Extensions of record files (JSON Lines, JSON as passim and Spark write
/// it, CSV).
pub const RECORD_EXTENSIONS: [&str; 4] = ["jsonl", "ndjson", "json", "csv"];

/// The field (JSON key or CSV column) each part of an article is read
/// from. `story` falls back to `cluster`, passim's name for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fields {
    pub id: String,
    pub title: String,
    pub date: String,
    pub url: String,
    pub outlet: String,
    pub language: String,
    pub text: String,
    pub story: String,
}

impl Default for Fields {
    fn default() -> Fields {
        Fields {
            id: "id".into(),
            title: "title".into(),
            date: "date".into(),
            url: "url".into(),
            outlet: "outlet".into(),
            language: "language".into(),
            text: "text".into(),
            story: "story".into(),
        }
    }
}

/// Passim's field for the cluster a passage belongs to, read as the story
/// when no `story` field is there.
const PASSIM_CLUSTER: &str = "cluster";

impl Fields {
    /// Sets one field from `KEY=NAME` (`text=body`).
    ///
    /// Errors: no `=`, or a key that is not one of the fields.
    pub fn set(&mut self, assignment: &str) -> Result<(), String> {
        let (key, name) = assignment.split_once('=').ok_or_else(|| {
            format!("--field wants KEY=NAME (such as text=body), not {assignment:?}")
        })?;
        let slot = match key.trim() {
            "id" => &mut self.id,
            "title" => &mut self.title,
            "date" => &mut self.date,
            "url" => &mut self.url,
            "outlet" => &mut self.outlet,
            "language" => &mut self.language,
            "text" => &mut self.text,
            "story" => &mut self.story,
            other => {
                return Err(format!(
                    "--field: unknown key {other:?} (id, title, date, url, outlet, language, text, story)"
                ));
            }
        };
        *slot = name.trim().to_owned();
        Ok(())
    }
}

/// Whether a path names a record file, by its extension.
pub fn is_record_file(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| RECORD_EXTENSIONS.iter().any(|r| r.eq_ignore_ascii_case(e)))
}

/// Whether a `.json` file met in a folder walk is JSON Lines (passim's and
/// Spark's `part-*.json`): its first line is a whole JSON object. Other
/// JSON files (a pretty-printed document, a manifest) are not articles and
/// are passed over.
pub fn is_json_lines(path: &Path) -> bool {
    use std::io::BufRead;
    let Ok(file) = std::fs::File::open(path) else {
        return false;
    };
    // A first line past 16 MiB is no article record worth reading here.
    let mut first = String::new();
    let read = std::io::Read::take(std::io::BufReader::new(file), 1 << 24).read_line(&mut first);
    read.is_ok() && serde_json::from_str::<serde_json::Map<String, Value>>(first.trim()).is_ok()
}

/// Whether the walk reads a file as records: JSON Lines, CSV, and `.json`
/// files that are JSON Lines ([`is_json_lines`]).
pub fn is_record_file_in_folder(path: &Path) -> bool {
    let json = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    is_record_file(path) && (!json || is_json_lines(path))
}

/// One record, its fields as text.
#[derive(Debug, Default)]
struct Record {
    id: Option<String>,
    title: Option<String>,
    date: Option<String>,
    url: Option<String>,
    outlet: Option<String>,
    language: Option<String>,
    text: Option<String>,
    story: Option<String>,
    /// passim's offset of a reused passage in its document (`begin`): one
    /// document gives a passage to several clusters.
    begin: Option<String>,
}

/// passim's field for the series a document belongs to: its outlet.
const PASSIM_SERIES: &str = "series";

/// passim's field for where a passage begins in its document.
const PASSIM_BEGIN: &str = "begin";

/// Why a record was not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadRecord {
    /// 1-based line (JSON Lines) or record (CSV, after the header).
    pub line: usize,
    /// `line` or `record`, as the file counts them.
    pub unit: &'static str,
    pub why: String,
}

impl fmt::Display for BadRecord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}: {}", self.unit, self.line, self.why)
    }
}

/// Reads the articles of a record file: JSON Lines (or passim's JSON, one
/// object a line) or CSV with a header row. Records are parsed in
/// parallel and kept in file order.
///
/// Errors: the file cannot be decoded as text, or it is CSV without a text
/// column (one error for the file); a record that is not an object or has
/// no text (one error each, naming the record).
pub fn load_records(
    path: &Path,
    bytes: Vec<u8>,
    options: LoadOptions,
) -> (Vec<Article>, Vec<LoadError>) {
    let fail = |problem| LoadError {
        path: path.to_owned(),
        problem,
    };
    let text = match decode::decode(bytes, options.encoding) {
        Ok(decoded) => decoded.text,
        Err(DecodeError::Binary) => return (Vec::new(), vec![fail(Problem::Binary)]),
    };
    let fields = options.fields;
    let csv = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    let records: Vec<Numbered> = if csv {
        match csv_records(&text, fields) {
            Ok(records) => records,
            Err(why) => return (Vec::new(), vec![fail(Problem::Unreadable(why))]),
        }
    } else {
        text.lines()
            .enumerate()
            .filter(|(_, line)| !line.trim().is_empty())
            .map(|(k, line)| (k + 1, json_record(line, fields)))
            .collect()
    };
    drop(text);
    let stem = super::load::visible_stem(path, "records");
    let results: Vec<Result<Article, LoadError>> = records
        .into_par_iter()
        .map(|(line, record)| {
            let unit = if csv { "record" } else { "line" };
            let bad = |why: String| fail(Problem::Record(BadRecord { line, unit, why }));
            let record = record.map_err(bad)?;
            let source = Source::Record(path.to_owned(), line);
            let stem = stem.as_str();
            let parsed =
                crate::catch::catch(move || article_of(record, stem, line, source, options));
            match parsed {
                Ok(result) => result.map_err(bad),
                Err(panic) => Err(fail(Problem::Internal(panic))),
            }
        })
        .collect();
    let mut articles = Vec::new();
    let mut errors = Vec::new();
    for result in results {
        match result {
            Ok(article) => articles.push(article),
            Err(error) => errors.push(error),
        }
    }
    (articles, errors)
}

/// A record with its line (or record number), or why it is not one.
type Numbered = (usize, Result<Record, String>);

/// A JSON Lines record: an object; strings and numbers are read as text.
fn json_record(line: &str, fields: &Fields) -> Result<Record, String> {
    let value: Value = serde_json::from_str(line).map_err(|e| format!("not JSON ({e})"))?;
    let Value::Object(object) = value else {
        return Err("not a JSON object".to_owned());
    };
    let get = |name: &str| -> Option<String> {
        match object.get(name)? {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            Value::Bool(b) => Some(b.to_string()),
            _ => None,
        }
    };
    Ok(Record {
        id: get(&fields.id),
        title: get(&fields.title),
        date: get(&fields.date),
        url: get(&fields.url),
        outlet: get(&fields.outlet),
        language: get(&fields.language),
        text: get(&fields.text),
        story: get(&fields.story).or_else(|| get(PASSIM_CLUSTER)),
        begin: get(PASSIM_BEGIN),
    })
    .map(|mut record: Record| {
        // passim's `series` is the outlet (a newspaper, an agency).
        if record.outlet.is_none() {
            record.outlet = get(PASSIM_SERIES);
        }
        record
    })
}

/// The records of a CSV text with a header row, numbered from 1.
///
/// Errors: no header, or no text column.
fn csv_records(text: &str, fields: &Fields) -> Result<Vec<Numbered>, String> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let header = reader
        .headers()
        .map_err(|e| format!("no CSV header ({e})"))?
        .clone();
    let column = |name: &str| header.iter().position(|h| h.trim() == name);
    let Some(text_column) = column(&fields.text) else {
        return Err(format!(
            "CSV without a {:?} column (--field text=NAME names another)",
            fields.text
        ));
    };
    let columns = [
        column(&fields.id),
        column(&fields.title),
        column(&fields.date),
        column(&fields.url),
        column(&fields.outlet),
        column(&fields.language),
        Some(text_column),
        column(&fields.story).or_else(|| column(PASSIM_CLUSTER)),
    ];
    Ok(reader
        .records()
        .enumerate()
        .map(|(k, row)| {
            let row = row.map_err(|e| format!("not CSV ({e})"));
            let record = row.map(|row| {
                let get = |c: Option<usize>| {
                    c.and_then(|c| row.get(c))
                        .map(str::trim)
                        .filter(|v| !v.is_empty())
                        .map(str::to_owned)
                };
                Record {
                    id: get(columns[0]),
                    title: get(columns[1]),
                    date: get(columns[2]),
                    url: get(columns[3]),
                    outlet: get(columns[4]),
                    language: get(columns[5]),
                    text: get(columns[6]),
                    story: get(columns[7]),
                    begin: None,
                }
            });
            (k + 1, record)
        })
        .collect())
}

/// The article of one record: its text parsed like a file's, then the
/// record's metadata over what the text gave.
///
/// Errors: the record has no text.
fn article_of(
    record: Record,
    stem: &str,
    line: usize,
    source: Source,
    options: LoadOptions,
) -> Result<Article, String> {
    let text = record
        .text
        .filter(|t| !t.trim().is_empty())
        .ok_or_else(|| "no text".to_owned())?;
    let id = match (record.id, record.begin) {
        (Some(id), begin) if !id.trim().is_empty() => {
            let id = clean::visible(id.trim()).into_owned();
            match begin {
                Some(begin) => format!("{id}@{}", clean::visible(begin.trim())),
                None => id,
            }
        }
        _ => format!("{stem}-{line}"),
    };
    let language = record
        .language
        .map(|l| l.trim().to_lowercase())
        .filter(|l| crate::lang::is_code(l));
    let decoded = decode::Decoded {
        text,
        encoding: "UTF-8",
        notices: Vec::new(),
    };
    let mut article = super::parse::parse_article_in(
        id,
        source,
        decoded,
        options.language.or(language.as_deref()),
    );
    let visible = |v: String| clean::visible(v.trim()).into_owned();
    if let Some(title) = record.title.map(visible).filter(|t| !t.is_empty()) {
        article.meta.title = Some(title);
    }
    if let Some(date) = record.date.as_deref().and_then(iso_date) {
        article.meta.date = Some(date);
    }
    if let Some(url) = record.url.map(visible) {
        article.meta.url = Some(url);
    }
    if let Some(outlet) = record.outlet.map(visible) {
        article.meta.outlet = Some(outlet);
    }
    article.meta.story = record.story.map(visible).filter(|s| !s.is_empty());
    Ok(article)
}

/// `YYYY-MM-DD` from the start of a date as exports write it
/// (`2021-10-05`, `2021-10-05T08:00:00Z`, `2021-10-05 08:00`).
fn iso_date(text: &str) -> Option<String> {
    let day = text.trim().get(..10)?;
    chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d")
        .ok()
        .map(|d| d.format("%Y-%m-%d").to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_set_by_key() {
        let mut fields = Fields::default();
        fields.set("text=body").unwrap();
        fields.set(" story = cluster_id ").unwrap();
        assert_eq!(
            (fields.text.as_str(), fields.story.as_str()),
            ("body", "cluster_id")
        );
        assert!(fields.set("body").is_err());
        assert!(fields.set("colour=red").is_err());
    }

    #[test]
    fn export_dates_become_iso_days() {
        assert_eq!(
            iso_date("2021-10-05T08:00:00Z").as_deref(),
            Some("2021-10-05")
        );
        assert_eq!(iso_date("2021-10-05").as_deref(), Some("2021-10-05"));
        assert_eq!(iso_date("5 October 2021"), None);
        assert_eq!(iso_date("2021-13-40"), None);
    }
}
