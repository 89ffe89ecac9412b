//! Printable and machine-readable forms of what the library computes.

pub mod collation;
pub mod html;
pub mod json;
pub mod ledger;
pub mod matrix;
pub mod text;
