//! The worker's half of an edit of a large dataset: apply it to a copy of the dataset,
//! index the copy, rebuild the network (positions carried by id, new nodes placed, the
//! arrangement, the egui_graphs graph) and the looks of the view. The UI thread hands over
//! only what is cheap to take (the shared dataset, the positions by node number, the view)
//! and shows the old document, whole and consistent, until the result is installed
//! (`shell::edits`).

use std::sync::Arc;

use super::network::{Before, Rearranged};
use crate::document::Document;
use crate::edit::Edit;
use crate::edit::change::Mismatch;
use crate::model::{Dataset, Month};
use crate::scene::layout::LayoutKind;
use crate::scene::{SceneFrame, Selection, View};

/// Datasets with more records than this (events, actors, bodies and relations together)
/// are edited on a worker: the built-in sample (about 3,200) is edited in the frame, in a
/// few milliseconds.
pub(super) const OFF_THREAD_MIN_RECORDS: usize = 10_000;

/// Whether edits of `dataset` that touch records run on a worker.
pub(super) fn edits_off_thread(dataset: &Dataset) -> bool {
    let records = dataset.events.len()
        + dataset.actors.len()
        + dataset.bodies.len()
        + dataset.relations.len();
    records > OFF_THREAD_MIN_RECORDS
}

/// What an edit run on a worker does to the dataset.
pub(super) enum Step {
    /// Apply a new edit (given back with the result, for the history).
    Apply(Edit),
    /// Apply the inverse of the history's next undo.
    Undo(Arc<Edit>),
    /// Apply the history's next redo.
    Redo(Arc<Edit>),
}

impl Step {
    /// What the status line says while it runs.
    pub(super) fn describe(&self) -> String {
        match self {
            Self::Apply(edit) => format!("Applying {}", edit.label),
            Self::Undo(edit) => format!("Undoing {}", edit.label),
            Self::Redo(edit) => format!("Redoing {}", edit.label),
        }
    }
}

/// What the UI thread hands the worker: cheap to take (no copy of the dataset).
pub(super) struct Sent {
    /// The dataset shown, shared.
    pub(super) dataset: Arc<Dataset>,
    /// What every node is and where it is, by node number.
    pub(super) before: Before,
    /// The arrangement the nodes are in.
    pub(super) layout: LayoutKind,
    /// The view shown.
    pub(super) view: View,
    /// The record id of the selected node.
    pub(super) selected: Option<String>,
}

/// An edited dataset with everything the window shows of it, ready to install.
pub(super) struct Reindexed {
    /// The edited records and their indexes (no file or label: the shown document keeps
    /// its own).
    pub(super) document: Document,
    /// The network of the edited records.
    pub(super) network: Rearranged,
    /// The view as it will be once the result is installed, if the user changes nothing
    /// meanwhile ([`kept_view`]).
    pub(super) view: View,
    /// The looks of `view`, already in the network's graph.
    pub(super) frame: SceneFrame,
}

/// Applies `step` to a copy of the dataset and rebuilds what the window shows of it; on a
/// mismatch the dataset is not the one the edit was made for (nothing changes).
pub(super) fn reindexed(sent: Sent, step: &Step) -> Result<Reindexed, Mismatch> {
    let mut dataset = Dataset::clone(&sent.dataset);
    match step {
        Step::Apply(edit) => edit.apply(&mut dataset)?,
        Step::Undo(edit) => edit.inverse().apply(&mut dataset)?,
        Step::Redo(edit) => edit.apply(&mut dataset)?,
    }
    let before = sent.before.by_id(&sent.dataset);
    let document = Document::new_shared(Arc::new(dataset), String::new(), String::new());
    let mut network = Rearranged::new(&before, &document, sent.layout);
    let (view, _) = kept_view(&sent.view, sent.selected.as_deref(), &document);
    let frame = network.looks(&document, &view);
    Ok(Reindexed {
        document,
        network,
        view,
        frame,
    })
}

/// The view once the records changed, and the timeline's range: the selection kept by its
/// record's id, the date inside the (possibly changed) timeline, no step highlighted.
pub(super) fn kept_view(
    view: &View,
    selected: Option<&str>,
    document: &Document,
) -> (View, (Month, Month)) {
    let (first, last) = document.months();
    let mut view = view.clone();
    view.selection = selected
        .and_then(|id| document.node_of_id(id))
        .map(Selection::of_node);
    view.date = view.date.clamp(first, last);
    view.previous_date = view.date;
    (view, (first, last))
}
