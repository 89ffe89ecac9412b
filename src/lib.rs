//! spacefilm: read and compare the versions of one news story.
//!
//! `corpus` turns bytes into articles and `compare` compares them; neither
//! knows about terminals. `tui` is the interactive reader, `export` the
//! printable and machine-readable forms.

pub mod catch;
pub mod compare;
pub mod config;
pub mod corpus;
pub mod data_file;
pub mod export;
pub mod lang;
pub mod progress;
pub mod tui;
pub mod wrap;
