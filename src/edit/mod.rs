//! Changing a dataset: typed, reversible edits, an undo/redo history and form drafts that
//! validate as the user types. No GUI here; the app applies edits through [`History`].
//!
//! - [`change`]: an [`Edit`] is a list of record [`Change`]s (insert, replace, remove); every
//!   edit knows its inverse, and the builders cascade (renaming an actor renames it in its
//!   events, deleting a body deletes its events and relations).
//! - [`history`]: the undo and redo stacks and the "unsaved changes" mark.
//! - [`mod@merge`]: adding another dataset to the open one, matching actors by id or ISO3.
//! - lessons: adding, changing, moving, duplicating and deleting slides, one lesson per
//!   change, so that undo restores a lesson whole.
//! - [`draft`]: the text a form holds for each kind of record, and its validation.

pub mod change;
pub mod draft;
pub mod history;
mod lessons;
pub mod merge;

pub use change::{Change, Edit};
pub use draft::{ActorDraft, BodyDraft, EventDraft, FieldError, RelationDraft};
pub use history::History;
pub use merge::{Merge, MergeSummary, merge};

/// The small UI fixture, for the edit tests.
#[cfg(test)]
fn small_fixture() -> crate::model::Dataset {
    let text = include_str!("../../tests/fixtures/ui/small.json");
    match crate::io::read_native_str(text, "small.json") {
        Ok((dataset, _)) => dataset,
        Err(report) => panic!("fixture does not load: {}", report.summary()),
    }
}
