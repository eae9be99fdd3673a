//! Edits, undos and redos, one after another. Small datasets and lessons are changed in
//! the frame; edits of a large dataset's records run on a worker (`app::reindex`) while the
//! window shows the old document, whole and consistent, and the status line says what is
//! being applied. Steps that arrive meanwhile wait their turn, and each is checked against
//! the dataset when it runs. A guarded intent (new, open, quit) waits until every step has
//! landed, so that the unsaved-changes guard sees them.

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use super::MinilateralApp;
use super::files::{Intent, capitalised};
use crate::app::jobs::JobResult;
use crate::app::reindex::{self, Reindexed, Sent, Step};
use crate::document::file_name;
use crate::edit::Edit;
use crate::edit::change::Mismatch;
use crate::model::Dataset;

/// An edit, undo or redo waiting for its turn.
pub(super) enum Waiting {
    /// A new edit, and the status line's message once it is applied.
    Apply(Edit, String),
    /// Undo the last edit.
    Undo,
    /// Redo the last undone edit.
    Redo,
    /// Add the records of a file (merged with the dataset as it is when its turn comes).
    Merge(Arc<Dataset>, PathBuf),
}

/// The edits running and waiting.
#[derive(Default)]
pub(super) struct Edits {
    waiting: VecDeque<Waiting>,
    /// The status line's message once the step running on a worker is installed; `None`
    /// when none runs.
    running: Option<String>,
    /// Counts the documents shown: a worker's result for an earlier one is dropped.
    generation: u64,
    /// What to do once every step has landed.
    then: Option<Intent>,
}

impl Edits {
    /// Whether a step runs or waits.
    pub(super) fn pending(&self) -> bool {
        self.running.is_some() || !self.waiting.is_empty()
    }

    /// Does `intent` once every step has landed.
    pub(super) fn then(&mut self, intent: Intent) {
        self.then = Some(intent);
    }

    /// Another document is shown: the steps of the one before are dropped.
    pub(super) fn reset(&mut self) {
        self.waiting.clear();
        self.running = None;
        self.generation += 1;
    }
}

impl MinilateralApp {
    /// Queues an edit, undo or redo, and runs what can run now.
    pub(super) fn edit(&mut self, ctx: &egui::Context, step: Waiting) {
        self.edits.waiting.push_back(step);
        self.next_edits(ctx);
    }

    /// Runs waiting steps until one goes to a worker; when none is left, the intent that
    /// waited for them (called every frame: an intent also waits for a dialog box).
    pub(super) fn next_edits(&mut self, ctx: &egui::Context) {
        while self.edits.running.is_none() {
            let Some(step) = self.edits.waiting.pop_front() else {
                break;
            };
            self.start_edit(ctx, step);
        }
        // A dialog box (an edit that did not fit) is answered first.
        if !self.edits.pending()
            && self.flow.dialog().is_none()
            && let Some(intent) = self.edits.then.take()
        {
            self.guard(ctx, intent);
        }
    }

    fn start_edit(&mut self, ctx: &egui::Context, step: Waiting) {
        let off_thread = reindex::edits_off_thread(&self.document.dataset);
        match step {
            Waiting::Apply(edit, message) => {
                let records = !edit.only_lessons();
                if records && off_thread {
                    self.spawn_edit(ctx, Step::Apply(edit), message);
                } else {
                    let dataset = Arc::make_mut(&mut self.document.dataset);
                    let result = self.history.apply(dataset, edit).map(|()| message);
                    self.edited(result, records);
                }
            }
            Waiting::Undo => {
                let Some(next) = self.history.next_undo() else {
                    return;
                };
                let records = !next.only_lessons();
                if records && off_thread {
                    let message = format!("Undid {}", next.label);
                    self.spawn_edit(ctx, Step::Undo(Arc::clone(next)), message);
                } else if let Some(result) =
                    self.history.undo(Arc::make_mut(&mut self.document.dataset))
                {
                    self.edited(result.map(|label| format!("Undid {label}")), records);
                }
            }
            Waiting::Redo => {
                let Some(next) = self.history.next_redo() else {
                    return;
                };
                let records = !next.only_lessons();
                if records && off_thread {
                    let message = format!("Redid {}", next.label);
                    self.spawn_edit(ctx, Step::Redo(Arc::clone(next)), message);
                } else if let Some(result) =
                    self.history.redo(Arc::make_mut(&mut self.document.dataset))
                {
                    self.edited(result.map(|label| format!("Redid {label}")), records);
                }
            }
            Waiting::Merge(incoming, path) => self.merge(ctx, &incoming, &path),
        }
    }

    /// Adds the records of a file to the dataset as one edit (undo takes them away).
    fn merge(&mut self, ctx: &egui::Context, incoming: &Dataset, path: &std::path::Path) {
        let name = file_name(path);
        let merge = crate::edit::merge(
            &self.document.dataset,
            incoming,
            &format!("add data from {name}"),
        );
        if merge.summary.is_empty() {
            self.show_message(
                "Nothing to add",
                &format!(
                    "Every record of {name} is already in the dataset ({}).",
                    merge.summary
                ),
            );
            return;
        }
        let message = format!("{name}: {}", merge.summary);
        self.start_edit(ctx, Waiting::Apply(merge.edit, message));
    }

    /// Sends a step to a worker: the dataset shared, the positions by node number, the view.
    fn spawn_edit(&mut self, ctx: &egui::Context, step: Step, message: String) {
        let sent = Sent {
            dataset: Arc::clone(&self.document.dataset),
            before: self.network.before(&self.document),
            layout: self.state.view.layout,
            view: self.state.view.clone(),
            selected: self.selected_id(),
        };
        let generation = self.edits.generation;
        self.edits.running = Some(message);
        let label = step.describe();
        self.jobs.spawn(ctx, label, move || {
            let result = reindex::reindexed(sent, &step).map(Box::new);
            JobResult::Edited {
                generation,
                step,
                result,
            }
        });
    }

    /// A worker finished a step: show its result (unless it is for a document no longer
    /// shown), then run the next.
    pub(super) fn edit_done(
        &mut self,
        ctx: &egui::Context,
        generation: u64,
        step: Step,
        result: Result<Box<Reindexed>, Mismatch>,
    ) {
        if generation != self.edits.generation {
            return;
        }
        let Some(message) = self.edits.running.take() else {
            return;
        };
        match result {
            Ok(reindexed) => {
                match step {
                    Step::Apply(edit) => self.history.record(edit),
                    Step::Undo(_) => {
                        self.history.undone();
                    }
                    Step::Redo(_) => {
                        self.history.redone();
                    }
                }
                self.install_reindexed(*reindexed);
                self.after_edit(message);
            }
            Err(error) => self.show_message("Could not change the dataset", &error.to_string()),
        }
        self.next_edits(ctx);
    }

    /// Shows an edited dataset indexed on a worker, keeping the selection by id and the date
    /// inside the new timeline, as [`Self::reindex`] does.
    fn install_reindexed(&mut self, reindexed: Reindexed) {
        let Reindexed {
            document,
            network,
            view,
            frame,
        } = reindexed;
        let selected = self.selected_id();
        let replaced = self.document.take_records(document);
        self.keep_view(selected.as_deref());
        // The worker built the looks for the view it was given: they are the ones to show
        // unless the user changed the view meanwhile.
        let looks = (self.state.view == view).then_some((view, frame));
        let graph = std::mem::take(&mut self.network.graph);
        self.network.install_rearranged(network, looks);
        drop_elsewhere((replaced, graph));
    }

    /// After the dataset changed in the frame: reindex (unless only lessons changed, which
    /// nothing derived depends on), keep the picture steady, note the change.
    pub(super) fn edited(&mut self, result: Result<String, Mismatch>, records: bool) {
        match result {
            Ok(message) => {
                if records {
                    self.reindex();
                }
                self.after_edit(message);
            }
            Err(error) => self.show_message("Could not change the dataset", &error.to_string()),
        }
    }

    /// Once an edit is shown: the open editor follows the records, the recovery copy is
    /// due, the status line says what changed.
    fn after_edit(&mut self, message: String) {
        if let Some(editor) = &mut self.memory.editor
            && !editor.refresh(&self.document.dataset)
        {
            self.memory.editor = None;
        }
        self.recovery.due = Some(Instant::now());
        self.set_status(message);
    }

    /// Rebuilds everything derived from the dataset, keeping node positions and the
    /// selection by id, and the date inside the new timeline.
    fn reindex(&mut self) {
        let before = self.network.positions_by_id(&self.document);
        let selected = self.selected_id();
        self.document.reindex();
        self.network
            .reindex(&before, &self.document, self.state.view.layout);
        self.keep_view(selected.as_deref());
    }

    /// The view after the records changed ([`reindex::kept_view`]).
    fn keep_view(&mut self, selected: Option<&str>) {
        let (view, range) = reindex::kept_view(&self.state.view, selected, &self.document);
        self.state.view = view;
        self.state.range = range;
    }

    /// The record id of the selected node.
    fn selected_id(&self) -> Option<String> {
        self.state
            .view
            .selection
            .and_then(|selection| self.document.node_id(selection.node()))
            .map(str::to_owned)
    }

    /// A new edit, labelled in the status line once applied.
    pub(super) fn apply_edit(&mut self, ctx: &egui::Context, edit: Edit) {
        let message = capitalised(&edit.label);
        self.edit(ctx, Waiting::Apply(edit, message));
    }
}

/// Frees what an edit replaced on a thread of its own: freeing a large dataset with its
/// indexes and graph takes milliseconds (it is freed here if no thread can start).
fn drop_elsewhere(replaced: impl Send + 'static) {
    let _ = std::thread::Builder::new()
        .name("free".into())
        .spawn(move || drop(replaced));
}
