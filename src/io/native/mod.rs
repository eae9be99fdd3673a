//! The native format: versioned JSON, documented field by field in `docs/format.md`.
//!
//! Reading goes text → DTOs (serde) → model records (with field-level checks) →
//! [`crate::model::check`] (dataset-level checks), and every problem lands in an
//! [`ImportReport`](super::ImportReport) with its JSON path and line. Writing is
//! deterministic: records are sorted into canonical order and pretty-printed.
//!
//! ```text
//! dto.rs     the file's shape: serde DTOs, apart from the model
//! top.rs     the top level: one JSON object, "format" and "version", or the file is refused
//! reader.rs  the reading state: places a record or field by line and column, reports
//!            what does not parse
//! read.rs    read_str, one function per section mapping its DTOs to model records
//! lessons.rs the lessons section (version 2): slides read field by field, written back
//! write.rs   write_string, the version a dataset needs
//! ```

mod dto;
mod lessons;
mod read;
mod reader;
mod top;
mod write;

pub use read::read_str;
pub use write::{version_needed, write_string};

/// The value of the `format` field.
pub const FORMAT_NAME: &str = "minilateral";
/// The newest version this build reads and writes. Version 2 added `lessons`; a file
/// without lessons is still written as version 1, which every earlier build reads.
pub const FORMAT_VERSION: u64 = 2;
/// The oldest version this build reads.
pub const OLDEST_VERSION: u64 = 1;
