//! The corpus: turning bytes from anywhere into articles. No terminal code.

pub mod article;
pub mod boundary;
pub mod clean;
pub mod dateline;
pub mod dates;
pub mod decode;
pub mod fold;
pub mod label;
pub mod load;
pub mod markdown;
pub mod meta;
pub mod parse;
pub mod records;
pub mod segment;

pub use article::{
    Article, CELL_SEPARATOR, InlineStyle, Meta, Notice, Paragraph, ParagraphKind, Sentence, Source,
    StyleRun,
};
pub use load::{
    LoadError, LoadOptions, Loaded, Progress, load_file, load_paths, load_paths_counted,
    parse_bytes, seeds,
};
