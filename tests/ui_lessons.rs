//! Lessons in the window: the Lesson window adds the view as a slide (undoable), a click on
//! a slide shows its view, and presenter mode answers the keys of a presentation clicker.
#![expect(clippy::expect_used, reason = "test helpers fail loudly with a reason")]

mod common;

use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::sync::Arc;

use minilateral::app::{AppConfig, MinilateralApp, ScriptedDialogs};
use minilateral::document::Document;
use minilateral::model::{Lesson, Level, Month, Slide, SlideSelection};
use minilateral::state::{Command, DocumentCommand, Prefs, Selection, SlideRef, ViewKind};

const FIXTURE: &str = include_str!("fixtures/ui/small.json");

/// The small fixture with one lesson of three slides: 2011 at signatory level with ACTA
/// selected, 2014, 2018.
fn app() -> MinilateralApp {
    app_with(AppConfig::default())
}

fn app_with(config: AppConfig) -> MinilateralApp {
    let (mut dataset, report) =
        minilateral::io::read_native_str(FIXTURE, "small.json").expect("the fixture is valid");
    let mut first = Slide::at("ACTA signed", Month::new(2011, 10));
    first.level = Level::Signatory;
    first.selection = Some(SlideSelection::Body("acta".into()));
    first.caption = "Signed in *Tokyo*.".into();
    dataset.lessons.push(Lesson {
        name: "Class".into(),
        slides: vec![
            first,
            Slide::at("Four years on", Month::new(2014, 1)),
            Slide::at("Today", Month::new(2018, 6)),
        ],
    });
    let document = Document::new(dataset, "small.json".into(), report.summary());
    MinilateralApp::with_config(document, Prefs::default(), config)
}

fn harness() -> Harness<'static, MinilateralApp> {
    harness_of(app())
}

fn harness_of(app: MinilateralApp) -> Harness<'static, MinilateralApp> {
    let mut harness = Harness::builder()
        .with_size([1400.0, 900.0])
        .build_ui_state(|ui, app: &mut MinilateralApp| app.ui(ui), app);
    harness.run_steps(3);
    harness
}

fn open_lessons(harness: &mut Harness<'_, MinilateralApp>) {
    harness.get_by_label("View").click();
    harness.run_steps(2);
    harness.get_by_label("Lessons…").click();
    harness.run_steps(3);
}

fn slide_count(harness: &Harness<'_, MinilateralApp>) -> usize {
    harness.state().document().dataset.lessons[0].slides.len()
}

#[test]
fn a_click_on_a_slide_shows_its_view_and_adding_the_view_is_undoable() {
    let mut harness = harness();
    open_lessons(&mut harness);
    harness.get_by_label("1. ACTA signed").click();
    harness.run_steps(3);
    let view = &harness.state().state().view;
    assert_eq!(view.date, Month::new(2011, 10));
    assert_eq!(view.level, Level::Signatory);
    assert!(view.selection.is_some(), "the slide selects ACTA");

    common::select_body(&mut harness, "budapest");
    harness
        .get_by_label(minilateral::ui::ADD_SLIDE_LABEL)
        .click();
    harness.run_steps(3);
    assert_eq!(slide_count(&harness), 4);
    let added = &harness.state().document().dataset.lessons[0].slides[1];
    assert_eq!(
        added.date,
        Month::new(2011, 10),
        "the new slide is the view shown"
    );
    assert_eq!(added.level, Level::Signatory);
    assert_eq!(
        added.selection,
        Some(SlideSelection::Body("budapest".into()))
    );
    assert!(added.title.contains("October 2011"), "{}", added.title);
    harness.get_by_label(&format!("2. {}", added.title));

    harness
        .state_mut()
        .push_document_command(DocumentCommand::Undo);
    harness.run_steps(3);
    assert_eq!(slide_count(&harness), 3, "undo takes the slide away");
    harness
        .state_mut()
        .push_document_command(DocumentCommand::Redo);
    harness.run_steps(3);
    assert_eq!(slide_count(&harness), 4);
}

#[test]
fn presenter_mode_follows_the_clicker_and_leaves_on_escape() {
    let mut harness = harness();
    harness.key_press(Key::F5);
    harness.run_steps(3);
    let at = |slide| SlideRef { lesson: 0, slide };
    assert_eq!(harness.state().presenting(), Some((at(0), false)));
    harness.get_by_label("ACTA signed");
    harness.get_by_label("Signed in *Tokyo*.");
    harness.get_by_label("1 / 3");

    harness.key_press(Key::ArrowRight);
    harness.run_steps(2);
    harness.key_press(Key::PageDown);
    harness.run_steps(2);
    assert_eq!(harness.state().presenting(), Some((at(2), false)));
    harness.key_press(Key::PageDown);
    harness.run_steps(2);
    assert_eq!(
        harness.state().presenting(),
        Some((at(2), false)),
        "the last slide stays"
    );
    harness.key_press(Key::PageUp);
    harness.run_steps(2);
    assert_eq!(harness.state().presenting(), Some((at(1), false)));
    harness.key_press(Key::B);
    harness.run_steps(2);
    assert_eq!(
        harness.state().presenting(),
        Some((at(1), true)),
        "B blanks"
    );
    assert!(
        harness.query_by_label("Four years on").is_none(),
        "nothing shows on a blank screen"
    );
    harness.key_press(Key::B);
    harness.run_steps(2);
    assert_eq!(harness.state().presenting(), Some((at(1), false)));
    harness.get_by_label("Four years on");

    harness.key_press(Key::Escape);
    harness.run_steps(3);
    assert_eq!(harness.state().presenting(), None);
    assert_eq!(
        harness.state().state().view.date,
        Month::new(2014, 1),
        "the window shows the slide presented last"
    );
}

/// The app on the built-in sample, in the table view (light to draw).
fn sample_harness() -> Harness<'static, MinilateralApp> {
    let (dataset, report) = minilateral::io::read_native_str(
        minilateral::SAMPLE_DATASET_JSON,
        minilateral::SAMPLE_DATASET_NAME,
    )
    .expect("the sample is valid");
    let document = Document::new(dataset, "sample".into(), report.summary());
    let mut app = MinilateralApp::new(document, Prefs::default());
    app.push_command(Command::ShowView(ViewKind::Table));
    let mut harness = Harness::builder()
        .with_size([1400.0, 900.0])
        .build_ui_state(|ui, app: &mut MinilateralApp| app.ui(ui), app);
    harness.run_steps(3);
    harness
}

#[test]
fn help_opens_the_chapter_s_ideas_as_the_sample_s_first_lesson() {
    let mut harness = sample_harness();
    harness.get_by_label("Help").click();
    harness.run_steps(2);
    harness.get_by_label("Ideas from the chapter…").click();
    harness.run_steps(3);
    harness.get_by_label("1 of 8");
    harness.get_by_label("1. The magic number");
    let selected =
        |harness: &Harness<'_, MinilateralApp>| match harness.state().state().view.selection {
            Some(Selection::Body(body)) => Some(
                harness.state().document().dataset.bodies[body.index()]
                    .id
                    .clone(),
            ),
            _ => None,
        };
    assert_eq!(selected(&harness).as_deref(), Some("foc"));
    assert_eq!(harness.state().state().view.date, Month::new(2014, 4));
    assert_eq!(
        harness.state().state().view.kind,
        ViewKind::Network,
        "the slide's view replaces the table"
    );

    harness.get_by_label("Next ▶").click();
    harness.run_steps(3);
    harness.get_by_label("2 of 8");
    assert_eq!(selected(&harness).as_deref(), Some("budapest"));
    assert_eq!(harness.state().state().view.date, Month::new(2014, 10));
    harness.get_by_label("◀ Previous").click();
    harness.run_steps(3);
    assert_eq!(selected(&harness).as_deref(), Some("foc"));
}

#[test]
fn the_lesson_window_exports_a_pdf_handout() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let path = folder.path().join("class"); // no extension: ".pdf" is added
    let config = AppConfig {
        dialogs: Arc::new(ScriptedDialogs::new(vec![Some(path)])),
        recovery_path: None,
    };
    let mut harness = harness_of(app_with(config));
    open_lessons(&mut harness);
    harness
        .get_by_label(minilateral::ui::EXPORT_LESSON_LABEL)
        .click();
    let target = folder.path().join("class.pdf");
    let written = target.clone();
    common::step_until(&mut harness, "the handout", move |app| {
        written.is_file() && !app.is_busy()
    });
    let bytes = std::fs::read(&target).expect("the handout");
    assert!(bytes.starts_with(b"%PDF-"), "a PDF");
    let pdf = lopdf::Document::load_mem(&bytes).expect("a PDF that reads back");
    assert_eq!(
        pdf.get_pages().len(),
        4,
        "a title page and the three slides"
    );
    let first = pdf.extract_text(&[2]).expect("text");
    assert!(first.contains("ACTA signed"), "{first}");
}
