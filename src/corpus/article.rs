//! The article: identity, metadata, and a body of paragraphs, sentences and
//! words. Everything later stages need, and nothing about how it is shown.

use std::fmt;
use std::ops::Range;
use std::path::PathBuf;

use serde::Serialize;

use super::segment;

/// Where an article came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// One of the embedded seed articles, by file name.
    Seed(&'static str),
    /// A file on disk, as it was named or found.
    File(PathBuf),
    /// A record of a record file (JSON Lines or CSV), by its line (or
    /// record number).
    Record(PathBuf, usize),
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Seed(name) => write!(f, "seeds/{name}"),
            Source::File(path) => f.write_str(&super::clean::visible(&path.to_string_lossy())),
            Source::Record(path, line) => {
                // CSV counts records (a field may hold line breaks); JSON
                // Lines counts lines.
                let csv = path
                    .extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
                write!(
                    f,
                    "{} {} {line}",
                    super::clean::visible(&path.to_string_lossy()),
                    if csv { "record" } else { "line" }
                )
            }
        }
    }
}

/// What is known about an article besides its body. Each field is `None`
/// where it is unknown.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Meta {
    pub title: Option<String>,
    pub byline: Option<String>,
    pub outlet: Option<String>,
    /// ISO 8601 (`YYYY-MM-DD`).
    pub date: Option<String>,
    pub url: Option<String>,
    /// ISO 639-1 where one exists, else ISO 639-3.
    pub language: Option<String>,
    /// A picture or text credit line (`Credit: …`).
    pub credit: Option<String>,
    /// A trailing copyright line (`© 2021 AFP`).
    pub copyright: Option<String>,
    /// The news agency the copy credits in its byline, dateline or credit
    /// line (`AFP`, `Reuters`), not one merely quoted in the body.
    pub agency: Option<String>,
    /// The dateline's place (`Moscow`).
    pub place: Option<String>,
    /// The month and day (1-based) of a dateline that gives no year
    /// (`Sept 16 (Reuters)`), where `date` stays unknown: the ledger takes
    /// the year from the other copies of the story.
    #[serde(skip)]
    pub dateline_day: Option<(u32, u32)>,
    /// Picture captions and credits found among the paragraphs.
    pub captions: Vec<String>,
    /// The text visibly ends mid-sentence: a cut copy.
    pub truncated: bool,
    /// The story (or passim cluster) a record file says the article
    /// belongs to: stories are then taken as given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub story: Option<String>,
}

/// Something the reader should know about how an article was loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// The encoding was not declared and was guessed.
    EncodingGuessed(&'static str),
    /// The encoding was given with `--encoding`.
    EncodingForced(&'static str),
    /// Undecodable bytes were replaced with U+FFFD.
    BytesReplaced(usize),
    /// Control, bidi or invisible characters were made visible.
    ControlsShown(usize),
    /// The file holds no text.
    Empty,
    /// The file grew past this many bytes while it was read; the rest was
    /// left unread.
    Capped(u64),
    /// The text ends mid-sentence: a cut copy.
    CutOff,
}

impl Notice {
    /// A one-character mark for tight spaces such as the source list.
    pub fn mark(&self) -> char {
        match self {
            Notice::EncodingGuessed(_) | Notice::EncodingForced(_) => '?',
            Notice::BytesReplaced(_) => '!',
            Notice::ControlsShown(_) => '^',
            Notice::Empty => '∅',
            Notice::Capped(_) => '…',
            Notice::CutOff => '✂',
        }
    }
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Notice::EncodingGuessed(name) => write!(f, "encoding guessed: {name}"),
            Notice::EncodingForced(name) => write!(f, "encoding set by --encoding: {name}"),
            Notice::BytesReplaced(n) => write!(f, "{n} undecodable byte sequence(s) replaced by �"),
            Notice::ControlsShown(n) => {
                write!(
                    f,
                    "{n} control or invisible character(s) shown as placeholders"
                )
            }
            Notice::Empty => f.write_str("empty: the file holds no text"),
            Notice::CutOff => f.write_str("cut off: the text ends mid-sentence"),
            Notice::Capped(bytes) => write!(
                f,
                "only the first {} MiB were read: the file grew while it was read",
                bytes / (1024 * 1024)
            ),
        }
    }
}

/// Inline emphasis carried over from Markdown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct InlineStyle(u8);

impl InlineStyle {
    pub const BOLD: InlineStyle = InlineStyle(1);
    pub const ITALIC: InlineStyle = InlineStyle(2);
    pub const LINK: InlineStyle = InlineStyle(4);
    pub const CODE: InlineStyle = InlineStyle(8);
    pub const STRIKE: InlineStyle = InlineStyle(16);

    pub fn contains(self, other: InlineStyle) -> bool {
        self.0 & other.0 == other.0 && other.0 != 0
    }
    pub fn union(self, other: InlineStyle) -> InlineStyle {
        InlineStyle(self.0 | other.0)
    }
    pub fn is_plain(self) -> bool {
        self.0 == 0
    }
}

/// A styled stretch of a paragraph's text, by byte range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StyleRun {
    pub range: Range<usize>,
    pub style: InlineStyle,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParagraphKind {
    Text,
    /// A heading inside the body, or a subhead (`- Doctor who? -`, a short
    /// title-like line between paragraphs); level 1–6. One unit, never cut
    /// into sentences.
    Heading(u8),
    Quote,
    /// An item of a list, nested `depth` deep (0 at the top). An ordered
    /// item's number is part of its text (`1. Reopen the harbour`).
    ListItem {
        depth: u8,
        ordered: bool,
    },
    /// A row of a table; its cells are separated by [`CELL_SEPARATOR`] in
    /// the text. One unit.
    TableRow {
        header: bool,
    },
    /// A link target, numbered as its mark (`[1]`) in the text: `[1]
    /// https://…`. Kept in the body so that a changed target is a change.
    Footnote,
}

/// Between the cells of a table row's text.
pub const CELL_SEPARATOR: &str = " | ";

impl ParagraphKind {
    /// Kinds whose whole text is one sentence: headings, table rows and
    /// footnotes are units, however they are punctuated.
    pub fn is_unit(self) -> bool {
        matches!(
            self,
            ParagraphKind::Heading(_) | ParagraphKind::TableRow { .. } | ParagraphKind::Footnote
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    pub kind: ParagraphKind,
    /// Plain text, Markdown removed, controls made visible, on one line.
    pub text: String,
    /// Emphasis, sorted and non-overlapping.
    pub styles: Vec<StyleRun>,
    /// The paragraph's sentences, as indices into [`Article::sentences`].
    pub sentences: Range<usize>,
}

/// A sentence: a byte range of one paragraph's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub paragraph: usize,
    pub range: Range<usize>,
    /// A dateline the sentence starts with, inside the text of a story that
    /// goes on from a second place (`WASHINGTON, Oct. 5 (Reuters) -`): its
    /// bytes in the paragraph's text.
    pub dateline: Option<Range<usize>>,
}

#[derive(Debug, Clone)]
pub struct Article {
    /// The file stem, made unique within the corpus.
    pub id: String,
    /// A short name that tells the article apart from the others loaded
    /// with it: its outlet, or the part of its file stem that differs from
    /// the others' (see [`super::label`]). The id until labels are given.
    pub label: String,
    pub source: Source,
    pub meta: Meta,
    pub paragraphs: Vec<Paragraph>,
    /// The body's sentences in reading order.
    pub sentences: Vec<Sentence>,
    pub notices: Vec<Notice>,
    /// The encoding the bytes were decoded with.
    pub encoding: &'static str,
    /// Words in the whole body, counted when first asked for
    /// ([`Article::word_count`]): a comparison never asks, and counting
    /// was a twentieth of a 100k-word `diff`.
    pub(crate) word_count: std::sync::OnceLock<usize>,
}

impl Article {
    /// The dateline sentence `index` starts with, if it does.
    pub fn sentence_dateline(&self, index: usize) -> Option<&str> {
        let sentence = &self.sentences[index];
        let range = sentence.dateline.clone()?;
        self.paragraphs[sentence.paragraph].text.get(range)
    }

    /// The text of sentence `index`.
    pub fn sentence_text(&self, index: usize) -> &str {
        let sentence = &self.sentences[index];
        &self.paragraphs[sentence.paragraph].text[sentence.range.clone()]
    }

    /// The title to show: the one found in the text, or one made from the
    /// first sentence.
    pub fn display_title(&self) -> &str {
        self.meta.title.as_deref().unwrap_or("(untitled)")
    }

    /// How many words the body has ([`segment::words`] in every paragraph).
    pub fn word_count(&self) -> usize {
        *self.word_count.get_or_init(|| {
            self.paragraphs
                .iter()
                .map(|p| segment::word_count(&p.text))
                .sum()
        })
    }

    /// Words in the whole body.
    pub fn words(&self) -> impl Iterator<Item = &str> {
        self.paragraphs
            .iter()
            .flat_map(|p| segment::words(&p.text).map(move |r| &p.text[r]))
    }

    pub fn is_empty(&self) -> bool {
        self.paragraphs.is_empty()
    }
}
