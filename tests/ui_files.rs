//! Drives the file and edit workflow of the real application by accessibility label: open
//! through a scripted file dialog, edit a member's date, undo, redo, save, reopen; the
//! unsaved-changes guard; import reports; the recovery copy.
#![expect(clippy::expect_used, reason = "test helpers fail loudly with a reason")]

use std::path::{Path, PathBuf};
use std::sync::Arc;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
mod common;

use common::{select_body, step_until};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use minilateral::app::{AppConfig, MinilateralApp, ScriptedDialogs};
use minilateral::document::Document;
use minilateral::model::{EventDate, EventKind, PartialDate};
use minilateral::state::{DocumentCommand, Prefs};

const FIXTURE: &str = "tests/fixtures/ui/small.json";

struct Setup {
    harness: Harness<'static, MinilateralApp>,
    dialogs: Arc<ScriptedDialogs>,
    folder: tempfile::TempDir,
}

/// The app on an empty dataset, with scripted dialogs and a recovery file in a temp folder.
fn setup_with(answers: Vec<Option<PathBuf>>, folder: tempfile::TempDir) -> Setup {
    let dialogs = Arc::new(ScriptedDialogs::new(answers));
    let config = AppConfig {
        dialogs: dialogs.clone(),
        recovery_path: Some(folder.path().join("recovery.json")),
    };
    let document = Document::new(Default::default(), "Untitled".into(), String::new());
    let app = MinilateralApp::with_config(document, Prefs::default(), config);
    let mut harness = Harness::builder()
        .with_size([1400.0, 900.0])
        .build_ui_state(|ui, app: &mut MinilateralApp| app.ui(ui), app);
    harness.run_steps(2);
    Setup {
        harness,
        dialogs,
        folder,
    }
}

fn copy_fixture(folder: &Path, name: &str) -> PathBuf {
    let path = folder.join(name);
    std::fs::copy(FIXTURE, &path).expect("copy the fixture");
    path
}

fn menu_item(harness: &mut Harness<'_, MinilateralApp>, menu: &str, item: &str) {
    harness.get_by_label(menu).click();
    harness.run_steps(2);
    harness.get_by_label(item).click();
    harness.run_steps(2);
}

/// Focuses a text field and types into it.
fn type_into(harness: &mut Harness<'_, MinilateralApp>, label: &str, text: &str) {
    harness.get_by_label(label).focus();
    harness.run_steps(1);
    harness.get_by_label(label).type_text(text);
    harness.run_steps(1);
}

fn japan_ratified_acta(app: &MinilateralApp) -> Option<EventDate> {
    app.document()
        .dataset
        .events
        .iter()
        .find(|e| e.actor_id == "JPN" && e.body_id == "acta" && e.kind == EventKind::Ratified)
        .map(|e| e.date)
}

fn day(text: &str) -> EventDate {
    EventDate::Known(PartialDate::parse(text).expect("a valid date"))
}

/// Deletes the first event, as the events editor would: the document has unsaved changes.
fn delete_first_event(harness: &mut Harness<'_, MinilateralApp>) {
    let dataset = harness.state().document().dataset.clone();
    let edit = minilateral::edit::Edit::remove_event(&dataset, 0).expect("an event");
    harness
        .state_mut()
        .push_document_command(DocumentCommand::Apply(edit));
    harness.run_steps(2);
}

/// Opens the fixture through File › Open… and the scripted dialog.
fn open_fixture(setup: &mut Setup) -> PathBuf {
    let path = copy_fixture(setup.folder.path(), "small.json");
    setup.dialogs.push_answer(Some(path.clone()));
    menu_item(&mut setup.harness, "File", "Open… Ctrl+O");
    let expected = path.clone();
    step_until(&mut setup.harness, "the file opens", move |app| {
        app.document().path.as_deref() == Some(expected.as_path())
    });
    path
}

#[test]
fn open_edit_undo_redo_save_and_reopen() {
    let mut setup = setup_with(Vec::new(), tempfile::tempdir().expect("temp folder"));
    let path = open_fixture(&mut setup);
    let asked = setup.dialogs.asked();
    assert_eq!(asked.len(), 1);
    assert!(!asked[0].save, "Open asks for a file to read");
    let harness = &mut setup.harness;
    assert_eq!(harness.state().document().title(), "Small test network");
    assert!(!harness.state().is_dirty());
    assert_eq!(
        japan_ratified_acta(harness.state()),
        Some(day("2012-10-05"))
    );

    // Edit Japan's ratification date from ACTA's member list.
    select_body(harness, "acta");
    harness.get_by_label("Edit events of Japan in ACTA").click();
    harness.run_steps(3);
    harness
        .get_by_role_and_label(Role::TextInput, "Date")
        .focus();
    harness.run_steps(1);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_by_role_and_label(Role::TextInput, "Date")
        .type_text("2013-03");
    harness.run_steps(2);
    harness.get_by_label("Apply").click();
    harness.run_steps(3);
    assert_eq!(japan_ratified_acta(harness.state()), Some(day("2013-03")));
    assert!(harness.state().is_dirty());
    assert!(harness.state().window_title().starts_with("• small.json"));

    // Undo and redo from the Edit menu.
    menu_item(harness, "Edit", "Undo change event date Ctrl+Z");
    assert_eq!(
        japan_ratified_acta(harness.state()),
        Some(day("2012-10-05"))
    );
    assert!(!harness.state().is_dirty(), "undone back to the file");
    menu_item(harness, "Edit", "Redo change event date Ctrl+Shift+Z");
    assert_eq!(japan_ratified_acta(harness.state()), Some(day("2013-03")));

    // Save, and the file holds the change.
    menu_item(harness, "File", "Save Ctrl+S");
    step_until(harness, "the save finishes", |app| {
        !app.is_dirty() && !app.is_busy()
    });
    let (reopened, _) = minilateral::io::load(&path).expect("the saved file loads");
    let ratified = reopened
        .events
        .iter()
        .find(|e| e.actor_id == "JPN" && e.body_id == "acta" && e.kind == EventKind::Ratified)
        .map(|e| e.date);
    assert_eq!(ratified, Some(day("2013-03")));
    assert_eq!(
        setup.dialogs.asked().len(),
        1,
        "Save of an opened file asks nothing"
    );
}

#[test]
fn unsaved_changes_are_guarded() {
    let mut setup = setup_with(Vec::new(), tempfile::tempdir().expect("temp folder"));
    open_fixture(&mut setup);
    let harness = &mut setup.harness;
    delete_first_event(harness);
    assert!(harness.state().is_dirty());
    let events = harness.state().document().dataset.events.len();

    // New asks first; Cancel keeps the work.
    menu_item(harness, "File", "New Ctrl+N");
    assert_eq!(harness.state().modal_title(), Some("Unsaved changes"));
    harness.get_by_label("Cancel").click();
    harness.run_steps(2);
    assert_eq!(harness.state().modal_title(), None);
    assert_eq!(harness.state().document().dataset.events.len(), events);

    // Ctrl+N asks too; "Don't save" starts an empty dataset.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run_steps(2);
    assert_eq!(harness.state().modal_title(), Some("Unsaved changes"));
    harness.get_by_label("Don't save").click();
    harness.run_steps(2);
    assert!(harness.state().document().dataset.events.is_empty());
    assert!(!harness.state().is_dirty());
}

#[test]
fn save_from_the_guard_saves_then_goes_on() {
    let folder = tempfile::tempdir().expect("temp folder");
    let target = folder.path().join("mine.json");
    let mut setup = setup_with(vec![Some(target.clone())], folder);
    let harness = &mut setup.harness;
    // Add a body to the empty dataset through Edit › New body….
    menu_item(harness, "Edit", "New body…");
    type_into(harness, "Id", "foc");
    type_into(harness, "Name", "Freedom Online Coalition");
    harness.run_steps(2);
    harness.get_by_label("Apply").click();
    harness.run_steps(2);
    assert_eq!(harness.state().document().dataset.bodies.len(), 1);
    // New → Save: asks where (no file yet), saves, then starts the new dataset.
    menu_item(harness, "File", "New Ctrl+N");
    // A dialog box is placed on its second frame.
    harness.run_steps(2);
    harness.get_by_label("Save").click();
    step_until(harness, "save then new", |app| {
        app.document().dataset.bodies.is_empty() && !app.is_busy()
    });
    let asked = setup.dialogs.asked();
    assert!(asked.last().is_some_and(|request| request.save));
    let (saved, _) = minilateral::io::load(&target).expect("saved");
    assert_eq!(saved.bodies[0].name, "Freedom Online Coalition");
}

#[test]
fn invalid_fields_are_named_and_block_apply() {
    let mut setup = setup_with(Vec::new(), tempfile::tempdir().expect("temp folder"));
    let harness = &mut setup.harness;
    menu_item(harness, "Edit", "New actor…");
    type_into(harness, "Id", "bad id!");
    type_into(harness, "ISO3", "fr");
    harness.run_steps(2);
    harness.get_by_label("use letters, digits, _ - . or :");
    harness.get_by_label("three capital letters, like FRA");
    harness.get_by_label("enter a name");
    harness.get_by_label("Apply").click();
    harness.run_steps(2);
    assert!(harness.state().document().dataset.actors.is_empty());
    assert!(!harness.state().is_dirty());
}

#[test]
fn a_file_with_warnings_offers_open_anyway_and_errors_keep_the_document() {
    let folder = tempfile::tempdir().expect("temp folder");
    let mut setup = setup_with(
        vec![
            Some(PathBuf::from(
                "tests/fixtures/native/err_unknown_actor.json",
            )),
            Some(PathBuf::from(
                "tests/fixtures/native/warn_unknown_field.json",
            )),
        ],
        folder,
    );
    let harness = &mut setup.harness;
    menu_item(harness, "File", "Open… Ctrl+O");
    step_until(harness, "the report", |app| app.modal_title().is_some());
    assert_eq!(
        harness.state().modal_title(),
        Some("The file cannot be opened")
    );
    assert!(
        harness
            .query_all_by_label_contains("err_unknown_actor.json:")
            .count()
            >= 2,
        "the summary and each problem name the file"
    );
    harness.get_by_label("Close").click();
    harness.run_steps(2);
    assert_eq!(harness.state().document().file_label, "Untitled");

    menu_item(harness, "File", "Open… Ctrl+O");
    step_until(harness, "the report", |app| app.modal_title().is_some());
    assert_eq!(harness.state().modal_title(), Some("Problems in the file"));
    harness.get_by_label("Open anyway").click();
    harness.run_steps(2);
    assert_eq!(
        harness.state().document().file_label,
        "warn_unknown_field.json"
    );
}

#[test]
fn unsaved_work_is_kept_and_offered_on_the_next_start() {
    let folder = tempfile::tempdir().expect("temp folder");
    let recovery = folder.path().join("recovery.json");
    let mut setup = setup_with(Vec::new(), folder);
    open_fixture(&mut setup);
    let harness = &mut setup.harness;
    let dataset = harness.state().document().dataset.clone();
    let edit = minilateral::edit::Edit::remove_actor(&dataset, 0).expect("an actor");
    harness
        .state_mut()
        .push_document_command(DocumentCommand::Apply(edit));
    harness.run_steps(2);
    let edited = minilateral::model::Dataset::clone(&harness.state().document().dataset);
    let copy = recovery.clone();
    step_until(harness, "the recovery copy", move |_| copy.is_file());

    // A new start (as after a crash) offers the copy.
    let folder = setup.folder;
    let mut next = setup_with(Vec::new(), folder);
    assert_eq!(
        next.harness.state().modal_title(),
        Some("Recover unsaved work?")
    );
    next.harness.get_by_label("Recover").click();
    step_until(&mut next.harness, "the recovered work opens", |app| {
        app.document().dataset.actors.len() == 7
    });
    let mut recovered =
        minilateral::model::Dataset::clone(&next.harness.state().document().dataset);
    recovered.canonicalize();
    let mut edited = edited;
    edited.canonicalize();
    assert_eq!(recovered, edited);
    assert!(
        next.harness.state().is_dirty(),
        "recovered work is not saved"
    );
    assert!(next.harness.state().document().path.is_none());
}

#[test]
fn closing_the_window_with_unsaved_changes_asks_first() {
    let mut setup = setup_with(Vec::new(), tempfile::tempdir().expect("temp folder"));
    open_fixture(&mut setup);
    let harness = &mut setup.harness;
    delete_first_event(harness);
    // The window manager asks the window to close.
    harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    harness.run_steps(3);
    assert_eq!(harness.state().modal_title(), Some("Unsaved changes"));
    harness.get_by_label("Cancel").click();
    harness.run_steps(2);
    assert!(harness.state().is_dirty(), "the work is still there");
}

#[test]
fn add_data_from_a_table_merges_into_the_open_dataset_and_undo_takes_it_away() {
    let mut setup = setup_with(Vec::new(), tempfile::tempdir().expect("temp folder"));
    let path = open_fixture(&mut setup);
    let before = setup.harness.state().document().dataset.clone();
    // An events table: one fact already there, a new treaty with a new and a known state.
    let table = setup.folder.path().join("cptpp.csv");
    std::fs::write(
        &table,
        "instrument_id,state,iso3,event,date,date_precision,source_url,note\n\
         acta,Australia,AUS,signed,2011-10-01,day,https://example.org/acta/aus,\n\
         cptpp,New Zealand,NZL,signed,2018-03-08,day,https://example.org/cptpp/nzl,\n\
         cptpp,Japan,JPN,signed,2018-03-08,day,https://example.org/cptpp/jpn,\n",
    )
    .expect("write the table");
    setup.dialogs.push_answer(Some(table));
    menu_item(
        &mut setup.harness,
        "File",
        "Add data from file… Ctrl+Shift+I",
    );
    // The table names no bodies side table: its warnings are shown first.
    step_until(&mut setup.harness, "the report", |app| {
        app.modal_title() == Some("Problems in the file")
    });
    setup.harness.run_steps(2);
    setup.harness.get_by_label("Add anyway").click();
    let events = before.events.len();
    step_until(&mut setup.harness, "the records are added", move |app| {
        app.document().dataset.events.len() > events
    });
    let harness = &mut setup.harness;
    harness.run_steps(2);
    let after = harness.state().document().dataset.clone();
    assert_eq!(
        after.events.len(),
        before.events.len() + 2,
        "the known fact is not repeated"
    );
    assert_eq!(after.bodies.len(), before.bodies.len() + 1);
    assert_eq!(
        after.actors.len(),
        before.actors.len() + 1,
        "Japan is matched, not added"
    );
    assert!(after.bodies.iter().any(|b| b.id == "cptpp"));
    assert_eq!(after.meta, before.meta, "the open dataset keeps its title");
    // The document stays the open file, now with unsaved changes, and says what it did.
    assert_eq!(
        harness.state().document().path.as_deref(),
        Some(path.as_path())
    );
    assert!(harness.state().is_dirty());
    assert!(
        !harness
            .query_all_by_label_contains("added 1 body, 1 actor, 2 events; 1 already there")
            .collect::<Vec<_>>()
            .is_empty(),
        "the status line reports the merge"
    );

    menu_item(harness, "Edit", "Undo add data from cptpp.csv Ctrl+Z");
    assert_eq!(harness.state().document().dataset, before);
    assert!(
        !harness.state().is_dirty(),
        "undo returns to the saved file"
    );
}

/// What the table import brings in for a file with a body name and roles, the way the
/// command line reads it.
fn table_facts(path: &Path, options: &minilateral::io::shaped::TableOptions) -> usize {
    let (dataset, _, _) = minilateral::io::load_with(path, options).expect("the table imports");
    dataset.events.len()
}

fn has_text(harness: &Harness<'_, MinilateralApp>, text: &str) -> bool {
    harness.query_all_by_label_contains(text).next().is_some()
}

#[test]
fn a_table_of_another_shape_opens_through_the_mapping_step() {
    use minilateral::io::shaped::{Role as ColumnRole, TableOptions};
    let mut setup = setup_with(Vec::new(), tempfile::tempdir().expect("temp folder"));
    let chart = setup.folder.path().join("chart.csv");
    std::fs::copy("tests/fixtures/shaped/budapest_chart.csv", &chart).expect("copy the chart");
    setup.dialogs.push_answer(Some(chart.clone()));
    menu_item(&mut setup.harness, "File", "Open… Ctrl+O");
    step_until(&mut setup.harness, "the mapping step", |app| {
        app.modal_title() == Some("Columns of the table")
    });
    let harness = &mut setup.harness;
    // A chart has no body column: the step says so and Import waits.
    assert!(has_text(harness, "the table has no body column"));
    assert!(!has_text(harness, "facts will come in"));
    // The first rows are shown under the guessed roles.
    assert!(has_text(harness, "Albania"));
    assert!(has_text(harness, "Role of Signature"));

    type_into(
        harness,
        "Body, when the table has no body column:",
        "Convention on Cybercrime",
    );
    harness.run_steps(2);
    let named = TableOptions {
        body_name: Some("Convention on Cybercrime".into()),
        ..TableOptions::default()
    };
    let all = table_facts(&chart, &named);
    assert!(
        has_text(harness, &format!("{all} facts will come in")),
        "{all}"
    );

    // Entry into force is not wanted: its dropdown says so, and the count follows.
    harness.get_by_label("Role of Entry into force").click();
    harness.run_steps(2);
    harness.get_by_label("(not used)").click();
    harness.run_steps(2);
    let without = table_facts(
        &chart,
        &TableOptions {
            roles: vec![(ColumnRole::Ignore, "Entry into force".into())],
            ..named.clone()
        },
    );
    assert!(without < all);
    assert!(
        has_text(harness, &format!("{without} facts will come in")),
        "{without}"
    );

    harness.get_by_label("Import").click();
    // The import report says the events cite the file (no source column).
    step_until(harness, "the report", |app| {
        app.modal_title() == Some("Problems in the file")
    });
    assert!(has_text(harness, "have no source column to cite"));
    harness.get_by_label("Open anyway").click();
    step_until(harness, "the table is imported", move |app| {
        app.document().dataset.events.len() == without
    });
    let document = harness.state().document();
    assert_eq!(document.dataset.bodies[0].name, "Convention on Cybercrime");
    assert_eq!(document.file_label, "Imported from chart.csv");
    assert!(harness.state().is_dirty(), "a new, unsaved dataset");
    // The mapping is remembered: the command line now reads the chart without asking.
    let remembered = minilateral::io::shaped::mapping_path(&chart);
    assert!(remembered.is_file());
    let (again, _) = minilateral::io::load(&chart).expect("reads with the remembered mapping");
    assert_eq!(again.events.len(), without);
}

#[test]
fn a_pasted_table_opens_the_same_step() {
    let mut setup = setup_with(Vec::new(), tempfile::tempdir().expect("temp folder"));
    let harness = &mut setup.harness;
    harness.event(egui::Event::Paste(
        "Country\tOrganisation\tYear joined\nJapan\tFreedom Online Coalition\t2011\nGhana\tFreedom Online Coalition\t2011\n"
            .into(),
    ));
    harness.run_steps(3);
    assert_eq!(harness.state().modal_title(), Some("Columns of the table"));
    assert!(has_text(
        harness,
        "2 facts will come in: 2 actors, 1 bodies"
    ));
    harness.get_by_label("Import").click();
    step_until(harness, "the report", |app| {
        app.modal_title() == Some("Problems in the file")
    });
    harness.get_by_label("Open anyway").click();
    step_until(harness, "the pasted table is imported", |app| {
        app.document().dataset.events.len() == 2
    });
    let dataset = &harness.state().document().dataset;
    assert!(dataset.actor("JPN").is_some() && dataset.actor("GHA").is_some());
}
