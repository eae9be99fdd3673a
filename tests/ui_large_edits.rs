//! Edits of a large dataset in the real application: applied on a worker while the window
//! keeps showing the old document, whole; undo the same way; edits that arrive meanwhile
//! wait their turn and land in order, each checked against the dataset; a new document
//! asked for meanwhile waits for the edit, then the unsaved-changes guard asks.
#![expect(clippy::expect_used, reason = "test helpers fail loudly with a reason")]

mod common;

use std::sync::Arc;

use common::{select_body, step_until};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use minilateral::app::{AppConfig, MinilateralApp, ScriptedDialogs};
use minilateral::document::Document;
use minilateral::edit::Edit;
use minilateral::model::Dataset;
use minilateral::state::{DocumentCommand, Prefs, Selection};

/// The app on a synthetic dataset of about 12,000 events (more records than the app edits
/// in the frame).
fn harness() -> Harness<'static, MinilateralApp> {
    harness_with(AppConfig::default())
}

fn harness_with(config: AppConfig) -> Harness<'static, MinilateralApp> {
    let dataset = minilateral::synthetic::generate(60, 40, 12_000, 3);
    assert!(dataset.events.len() > 10_000, "a large dataset");
    let document = Document::new(dataset, "synthetic".into(), String::new());
    let app = MinilateralApp::with_config(document, Prefs::default(), config);
    let mut harness = Harness::builder()
        .with_size([1400.0, 900.0])
        .build_ui_state(|ui, app: &mut MinilateralApp| app.ui(ui), app);
    harness.run_steps(2);
    step_until(&mut harness, "the first frames", |app| !app.is_busy());
    harness
}

/// The note of event `index` as the window shows it.
fn note(app: &MinilateralApp, index: usize) -> String {
    app.document().dataset.events[index].note.clone()
}

/// An edit setting the note of event `index` of `dataset`.
fn set_note(dataset: &Dataset, index: usize, note: &str) -> Edit {
    let mut event = dataset.events[index].clone();
    event.note = note.into();
    Edit::change_event(dataset, index, event).expect("the event exists")
}

fn push(harness: &mut Harness<'_, MinilateralApp>, command: DocumentCommand) {
    harness.state_mut().push_document_command(command);
}

/// Whether the status line shows this text (the label of a job running, or the last
/// message).
fn status_shows(harness: &Harness<'_, MinilateralApp>, text: &str) -> bool {
    harness.query_all_by_label_contains(text).next().is_some()
}

#[test]
fn an_edit_and_its_undo_run_on_a_worker_while_the_old_document_is_shown() {
    let mut harness = harness();
    let original = note(harness.state(), 0);
    let revision = harness.state().document().revision();
    let body = harness.state().document().dataset.bodies[3].id.clone();
    let index = harness
        .state()
        .document()
        .timeline
        .body_ix(&body)
        .expect("the body");
    select_body(&mut harness, &body);
    assert_eq!(
        harness.state().state().view.selection,
        Some(Selection::Body(index))
    );

    // Removing the first body moves every other body down by one node number.
    let dataset = harness.state().document().dataset.clone();
    let edit = Edit::remove_body(&dataset, 0).expect("a body");
    let removed = dataset.bodies[0].id.clone();
    let label = edit.label.clone();
    push(&mut harness, DocumentCommand::Apply(edit));
    harness.step();
    let app = harness.state();
    assert!(app.is_busy(), "the edit runs on a worker");
    assert_eq!(app.document().revision(), revision, "the old document");
    assert!(
        app.document()
            .dataset
            .bodies
            .iter()
            .any(|b| b.id == removed)
    );
    assert_eq!(app.document().dataset.events.len(), dataset.events.len());
    assert_eq!(
        app.document().timeline.body_ix(&body),
        Some(index),
        "the old index with the old dataset"
    );
    assert!(!app.is_dirty(), "nothing is recorded before it is shown");
    assert!(status_shows(&harness, &format!("Applying {label}")));

    step_until(&mut harness, "the edit lands", |app| !app.is_busy());
    let app = harness.state();
    assert_ne!(app.document().revision(), revision);
    assert!(
        !app.document()
            .dataset
            .bodies
            .iter()
            .any(|b| b.id == removed)
    );
    assert!(app.document().dataset.events.len() < dataset.events.len());
    assert!(app.is_dirty());
    let moved = app.document().timeline.body_ix(&body).expect("the body");
    assert_ne!(moved, index, "the body has a new number");
    assert_eq!(
        app.state().view.selection,
        Some(Selection::Body(moved)),
        "the selection is kept by id"
    );
    assert!(app.selection_visible());
    let shown = app.document().graph.node_count();
    assert_eq!(
        app.scene_frame().nodes.len(),
        shown,
        "the looks of the edit"
    );

    // Undo runs the same way.
    push(&mut harness, DocumentCommand::Undo);
    harness.step();
    let app = harness.state();
    assert!(app.is_busy(), "the undo runs on a worker");
    assert!(
        !app.document()
            .dataset
            .bodies
            .iter()
            .any(|b| b.id == removed)
    );
    assert!(status_shows(&harness, &format!("Undoing {label}")));
    step_until(&mut harness, "the undo lands", |app| !app.is_busy());
    let app = harness.state();
    assert_eq!(*app.document().dataset, *dataset, "undone");
    assert!(!app.is_dirty(), "undone back to the file");
    assert_eq!(
        app.state().view.selection,
        Some(Selection::Body(index)),
        "the selection is kept by id"
    );
    assert_eq!(note(app, 0), original);
    assert!(status_shows(&harness, &format!("Undid {label}")));

    // And redo.
    push(&mut harness, DocumentCommand::Redo);
    harness.step();
    assert!(harness.state().is_busy(), "the redo runs on a worker");
    step_until(&mut harness, "the redo lands", |app| !app.is_busy());
    let app = harness.state();
    assert!(
        !app.document()
            .dataset
            .bodies
            .iter()
            .any(|b| b.id == removed)
    );
    assert!(app.is_dirty());
}

#[test]
fn edits_that_arrive_meanwhile_land_in_order_and_each_is_checked() {
    let mut harness = harness();
    let original = note(harness.state(), 0);
    let dataset = Dataset::clone(&harness.state().document().dataset);
    // The second edit is made for the dataset as the first leaves it: applied first, it
    // would not fit.
    let first = set_note(&dataset, 0, "first");
    let mut after_first = dataset.clone();
    first.apply(&mut after_first).expect("the first edit fits");
    let second = set_note(&after_first, 0, "second");
    // The third is made for the dataset before both: by its turn, it does not fit.
    let stale = set_note(&dataset, 0, "stale");
    push(&mut harness, DocumentCommand::Apply(first));
    push(&mut harness, DocumentCommand::Apply(second));
    harness.step();
    assert!(harness.state().is_busy());
    assert_eq!(note(harness.state(), 0), original, "the old document");
    step_until(&mut harness, "both edits land", |app| {
        !app.is_busy() && note(app, 0) != original
    });
    harness.run_steps(3);
    let app = harness.state();
    assert!(!app.is_busy(), "nothing else runs");
    assert_eq!(note(app, 0), "second", "applied in order");
    assert_eq!(app.modal_title(), None, "both fit");

    // Undo twice, back to back: the first note, then the original.
    push(&mut harness, DocumentCommand::Undo);
    harness.step();
    push(&mut harness, DocumentCommand::Undo);
    step_until(&mut harness, "both undos land", |app| {
        !app.is_busy() && note(app, 0) == original
    });
    assert!(!harness.state().is_dirty());

    // Redo, and the stale edit after it: checked when its turn comes, it does not fit.
    push(&mut harness, DocumentCommand::Redo);
    push(&mut harness, DocumentCommand::Apply(stale));
    harness.step();
    step_until(
        &mut harness,
        "the redo lands and the stale edit is refused",
        |app| !app.is_busy() && app.modal_title().is_some(),
    );
    let app = harness.state();
    assert_eq!(app.modal_title(), Some("Could not change the dataset"));
    assert_eq!(
        note(app, 0),
        "first",
        "the redo landed, the stale edit did not"
    );
}

#[test]
fn a_new_dataset_asked_for_during_an_edit_waits_and_the_guard_asks() {
    let mut harness = harness();
    let dataset = harness.state().document().dataset.clone();
    push(
        &mut harness,
        DocumentCommand::Apply(set_note(&dataset, 0, "edited")),
    );
    push(&mut harness, DocumentCommand::New);
    harness.step();
    let app = harness.state();
    assert!(app.is_busy());
    assert_eq!(app.modal_title(), None, "New waits for the edit");
    step_until(&mut harness, "the edit lands", |app| !app.is_busy());
    let app = harness.state();
    assert_eq!(note(app, 0), "edited");
    assert_eq!(
        app.modal_title(),
        Some(minilateral::ui::UNSAVED_TITLE),
        "the edit is not lost: the guard asks"
    );
}

#[test]
fn a_file_opened_during_an_edit_is_shown_and_the_edit_is_not_applied_to_it() {
    let fixture = std::path::PathBuf::from("tests/fixtures/ui/small.json");
    let dialogs = Arc::new(ScriptedDialogs::new(vec![Some(fixture.clone())]));
    let config = AppConfig {
        dialogs: dialogs.clone(),
        recovery_path: None,
    };
    let mut harness = harness_with(config);
    let dataset = harness.state().document().dataset.clone();
    // Open first (nothing is unsaved: the dialog is shown at once), then the edit: the file
    // opens while the edit runs, or just after it landed.
    push(&mut harness, DocumentCommand::Open);
    push(
        &mut harness,
        DocumentCommand::Apply(set_note(&dataset, 0, "edited")),
    );
    harness.step();
    assert!(harness.state().is_busy());
    step_until(&mut harness, "the file opens", |app| {
        app.document().path.as_deref() == Some(fixture.as_path()) && !app.is_busy()
    });
    harness.run_steps(3);
    let app = harness.state();
    let (small, _) = minilateral::io::load(&fixture).expect("the fixture loads");
    assert_eq!(*app.document().dataset, small, "the file as it is");
    assert!(!app.is_dirty());
    assert_eq!(app.document().title(), "Small test network");
    assert_eq!(app.modal_title(), None);
}
