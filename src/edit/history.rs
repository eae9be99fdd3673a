//! Undo and redo, and whether there are unsaved changes.
//!
//! An edit is applied here ([`History::apply`], [`History::undo`], [`History::redo`]), or
//! elsewhere and then recorded ([`History::record`], [`History::undone`],
//! [`History::redone`]): the app applies edits of large datasets on a worker, to a copy, and
//! records them when the copy replaces the dataset.

use std::sync::Arc;

use super::change::{Edit, Mismatch};
use crate::model::Dataset;

/// The edits done to a dataset since it was opened.
#[derive(Clone, Debug, Default)]
pub struct History {
    /// Applied edits, each with its serial number, oldest first.
    undo: Vec<(u64, Arc<Edit>)>,
    /// Undone edits, the next to redo last.
    redo: Vec<(u64, Arc<Edit>)>,
    /// The serial number of the next edit.
    next_serial: u64,
    /// The serial number of the last applied edit when the dataset was saved or opened
    /// (0: none); `None` when that state can no longer be reached by undo or redo.
    saved_at: Option<u64>,
}

/// The most edits kept for undo; older ones are forgotten.
pub const MAX_UNDO: usize = 500;

impl History {
    /// An empty history of a dataset just opened (nothing unsaved).
    pub fn new() -> Self {
        Self {
            undo: Vec::new(),
            redo: Vec::new(),
            next_serial: 1,
            saved_at: Some(0),
        }
    }

    fn current(&self) -> u64 {
        self.undo.last().map_or(0, |(serial, _)| *serial)
    }

    /// Applies an edit and records it; the redo stack is cleared.
    pub fn apply(&mut self, dataset: &mut Dataset, edit: Edit) -> Result<(), Mismatch> {
        edit.apply(dataset)?;
        self.record(edit);
        Ok(())
    }

    /// Records an edit that was applied elsewhere (on a worker, to a copy of the dataset
    /// that then replaced it); the redo stack is cleared.
    pub fn record(&mut self, edit: Edit) {
        if self
            .redo
            .iter()
            .any(|(serial, _)| Some(*serial) == self.saved_at)
        {
            self.saved_at = None;
        }
        self.redo.clear();
        self.undo.push((self.next_serial, Arc::new(edit)));
        self.next_serial += 1;
        if self.undo.len() > MAX_UNDO {
            let (forgotten, _) = self.undo.remove(0);
            if self.saved_at == Some(forgotten) {
                self.saved_at = None;
            }
        }
    }

    /// Undoes the last edit; returns its label, or `None` when there is nothing to undo.
    pub fn undo(&mut self, dataset: &mut Dataset) -> Option<Result<String, Mismatch>> {
        let result = self.next_undo()?.inverse().apply(dataset);
        Some(result.map(|()| self.undone().unwrap_or_default()))
    }

    /// Records that the inverse of [`History::next_undo`] was applied elsewhere; returns the
    /// edit's label, or `None` when there was nothing to undo.
    pub fn undone(&mut self) -> Option<String> {
        let (serial, edit) = self.undo.pop()?;
        let label = edit.label.clone();
        self.redo.push((serial, edit));
        Some(label)
    }

    /// Redoes the last undone edit; returns its label, or `None` when there is none.
    pub fn redo(&mut self, dataset: &mut Dataset) -> Option<Result<String, Mismatch>> {
        let result = self.next_redo()?.apply(dataset);
        Some(result.map(|()| self.redone().unwrap_or_default()))
    }

    /// Records that [`History::next_redo`] was applied elsewhere; returns its label, or
    /// `None` when there was nothing to redo.
    pub fn redone(&mut self) -> Option<String> {
        let (serial, edit) = self.redo.pop()?;
        let label = edit.label.clone();
        self.undo.push((serial, edit));
        Some(label)
    }

    /// The edit Undo would undo (shared, so a worker can apply its inverse while the
    /// history still holds it).
    pub fn next_undo(&self) -> Option<&Arc<Edit>> {
        self.undo.last().map(|(_, edit)| edit)
    }

    /// The edit Redo would redo (shared, like [`History::next_undo`]).
    pub fn next_redo(&self) -> Option<&Arc<Edit>> {
        self.redo.last().map(|(_, edit)| edit)
    }

    /// The label of the edit Undo would undo.
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|(_, edit)| edit.label.as_str())
    }

    /// The label of the edit Redo would redo.
    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|(_, edit)| edit.label.as_str())
    }

    /// Whether the dataset differs from the file it was opened from or last saved to.
    pub fn is_dirty(&self) -> bool {
        self.saved_at != Some(self.current())
    }

    /// Records that the dataset as it is now was saved.
    pub fn mark_saved(&mut self) {
        self.saved_at = Some(self.current());
    }

    /// Where the history stands: the same number means the same dataset, as long as the
    /// edit is still on the undo or redo stack (for saves that finish later).
    pub fn position(&self) -> u64 {
        self.current()
    }

    /// Records that the dataset as it was at `position` was saved.
    pub fn mark_saved_at(&mut self, position: u64) {
        let known = position == 0
            || self
                .undo
                .iter()
                .chain(&self.redo)
                .any(|(serial, _)| *serial == position);
        self.saved_at = known.then_some(position);
    }

    /// Records that the dataset has no file that matches it (a recovered or imported copy).
    pub fn mark_unsaved(&mut self) {
        self.saved_at = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Dataset, Meta};

    fn titled(dataset: &Dataset, title: &str) -> Edit {
        Edit::change_meta(
            dataset,
            Meta {
                title: title.into(),
                ..dataset.meta.clone()
            },
        )
    }

    #[test]
    fn undo_and_redo_walk_the_edits_and_track_the_saved_state() {
        let mut dataset = Dataset::default();
        let mut history = History::new();
        assert!(!history.is_dirty());
        assert!(history.undo(&mut dataset).is_none());
        let edit = titled(&dataset, "one");
        history.apply(&mut dataset, edit).unwrap();
        let edit = titled(&dataset, "two");
        history.apply(&mut dataset, edit).unwrap();
        assert!(history.is_dirty());
        history.mark_saved();
        assert!(!history.is_dirty());
        assert_eq!(history.undo_label(), Some("change dataset details"));
        history.undo(&mut dataset).unwrap().unwrap();
        assert_eq!(dataset.meta.title, "one");
        assert!(history.is_dirty(), "undo past the save is unsaved");
        history.redo(&mut dataset).unwrap().unwrap();
        assert_eq!(dataset.meta.title, "two");
        assert!(!history.is_dirty(), "redo back to the save is saved");
        history.undo(&mut dataset).unwrap().unwrap();
        history.undo(&mut dataset).unwrap().unwrap();
        assert_eq!(dataset.meta.title, "");
        assert!(history.redo_label().is_some());
        let edit = titled(&dataset, "three");
        history.apply(&mut dataset, edit).unwrap();
        assert!(history.redo_label().is_none(), "a new edit clears redo");
        assert!(history.is_dirty());
        history.undo(&mut dataset).unwrap().unwrap();
        assert!(
            history.is_dirty(),
            "the saved state went with the redo stack: the file holds \"two\""
        );
    }

    /// Applies `edit` the way a worker does: to a copy, which then replaces the dataset.
    fn applied_to_copy(dataset: &mut Arc<Dataset>, edit: &Edit) {
        let mut copy = (**dataset).clone();
        edit.apply(&mut copy).unwrap();
        *dataset = Arc::new(copy);
    }

    fn same_state(here: &History, there: &History) {
        assert_eq!(here.position(), there.position());
        assert_eq!(here.is_dirty(), there.is_dirty());
        assert_eq!(here.undo_label(), there.undo_label());
        assert_eq!(here.redo_label(), there.redo_label());
    }

    #[test]
    fn edits_applied_elsewhere_and_recorded_walk_like_edits_applied_here() {
        let (mut here_data, mut here) = (Dataset::default(), History::new());
        let (mut there_data, mut there) = (Arc::new(Dataset::default()), History::new());
        assert_eq!(there.undone(), None, "nothing to undo");
        assert_eq!(there.redone(), None, "nothing to redo");
        for title in ["one", "two"] {
            let edit = titled(&here_data, title);
            here.apply(&mut here_data, edit.clone()).unwrap();
            applied_to_copy(&mut there_data, &edit);
            there.record(edit);
            same_state(&here, &there);
        }
        here.mark_saved();
        there.mark_saved();

        let inverse = there.next_undo().unwrap().inverse();
        applied_to_copy(&mut there_data, &inverse);
        assert_eq!(there.undone().as_deref(), Some("change dataset details"));
        here.undo(&mut here_data).unwrap().unwrap();
        assert_eq!(*there_data, here_data);
        assert_eq!(there_data.meta.title, "one");
        same_state(&here, &there);
        assert!(there.is_dirty(), "undone past the save");

        let edit = Arc::clone(there.next_redo().unwrap());
        applied_to_copy(&mut there_data, &edit);
        assert_eq!(there.redone().as_deref(), Some("change dataset details"));
        here.redo(&mut here_data).unwrap().unwrap();
        assert_eq!(*there_data, here_data);
        same_state(&here, &there);
        assert!(!there.is_dirty(), "redone back to the save");

        there.undone();
        let edit = titled(&there_data, "three");
        there.record(edit);
        assert_eq!(there.redo_label(), None, "a recorded edit clears redo");
        assert!(there.is_dirty());
    }

    #[test]
    fn a_save_taken_before_an_edit_is_recorded_leaves_the_edit_unsaved() {
        let mut dataset = Arc::new(Dataset::default());
        let mut history = History::new();
        let edit = titled(&dataset, "one");
        applied_to_copy(&mut dataset, &edit);
        history.record(edit);
        // A save starts now, of this dataset at this position; a worker applies the next
        // edit meanwhile, and it is recorded before the save finishes.
        let saved_position = history.position();
        let edit = titled(&dataset, "two");
        applied_to_copy(&mut dataset, &edit);
        history.record(edit);
        history.mark_saved_at(saved_position);
        assert!(
            history.is_dirty(),
            "the file holds \"one\", the window \"two\""
        );
        history.undone();
        assert!(!history.is_dirty(), "undone back to what the file holds");
    }
}

#[cfg(test)]
mod properties {
    use proptest::prelude::*;

    use super::History;
    use crate::edit::Edit;
    use crate::model::Dataset;

    fn small() -> Dataset {
        let text = include_str!("../../tests/fixtures/ui/small.json");
        match crate::io::read_native_str(text, "small.json") {
            Ok((dataset, _)) => dataset,
            Err(report) => panic!("fixture does not load: {}", report.summary()),
        }
    }

    /// One of the builders, picked by `op`, on the record at `pick` (modulo the list).
    fn edit(dataset: &Dataset, op: u8, pick: usize) -> Option<Edit> {
        let at = |len: usize| (len > 0).then(|| pick % len);
        match op % 8 {
            0 => {
                let mut event = dataset.events.get(at(dataset.events.len())?)?.clone();
                event.note.push('!');
                Some(Edit::add_event(dataset, event))
            }
            1 => {
                let index = at(dataset.events.len())?;
                let mut event = dataset.events[index].clone();
                event.date = crate::model::EventDate::Unknown;
                Edit::change_event(dataset, index, event)
            }
            2 => Edit::remove_event(dataset, at(dataset.events.len())?),
            3 => {
                let index = at(dataset.actors.len())?;
                let mut actor = dataset.actors[index].clone();
                actor.id = format!("{}x", actor.id);
                Edit::change_actor(dataset, index, actor)
            }
            4 => Edit::remove_actor(dataset, at(dataset.actors.len())?),
            5 => {
                let index = at(dataset.bodies.len())?;
                let mut body = dataset.bodies[index].clone();
                body.id = format!("{}x", body.id);
                Edit::change_body(dataset, index, body)
            }
            6 => Edit::remove_body(dataset, at(dataset.bodies.len())?),
            _ => Edit::remove_relation(dataset, at(dataset.relations.len())?),
        }
    }

    proptest! {
        #[test]
        fn undoing_everything_restores_the_dataset_and_redo_replays_it(
            ops in proptest::collection::vec((any::<u8>(), any::<usize>()), 1..30)
        ) {
            let original = small();
            let mut dataset = original.clone();
            let mut history = History::new();
            for (op, pick) in ops {
                if let Some(edit) = edit(&dataset, op, pick) {
                    prop_assert!(history.apply(&mut dataset, edit).is_ok());
                }
            }
            let edited = dataset.clone();
            while let Some(result) = history.undo(&mut dataset) {
                prop_assert!(result.is_ok());
            }
            prop_assert_eq!(&dataset, &original);
            prop_assert!(!history.is_dirty());
            while let Some(result) = history.redo(&mut dataset) {
                prop_assert!(result.is_ok());
            }
            prop_assert_eq!(&dataset, &edited);
        }
    }
}
