//! Pictures from the app, driven by label: the export window writes a PNG and an SVG of the
//! view through the scripted file dialog, copies the picture, and writes a sequence of
//! frames with an animated GIF.
#![expect(clippy::expect_used, reason = "test helpers fail loudly with a reason")]

use std::path::PathBuf;
use std::sync::Arc;

mod common;

use common::{select_body, step_until};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use minilateral::app::{AppConfig, MinilateralApp, ScriptedDialogs};
use minilateral::document::Document;
use minilateral::model::Month;
use minilateral::render::SequenceRequest;
use minilateral::render::{RenderOptions, Step};
use minilateral::state::Prefs;
use minilateral::ui::PictureCommand;

const FIXTURE: &str = include_str!("fixtures/ui/small.json");

fn setup(answers: Vec<Option<PathBuf>>) -> Harness<'static, MinilateralApp> {
    let (dataset, report) =
        minilateral::io::read_native_str(FIXTURE, "small.json").expect("the fixture is valid");
    let document = Document::new(dataset, "small.json".into(), report.summary());
    let config = AppConfig {
        dialogs: Arc::new(ScriptedDialogs::new(answers)),
        recovery_path: None,
    };
    let app = MinilateralApp::with_config(document, Prefs::default(), config);
    let mut harness = Harness::builder()
        .with_size([1400.0, 900.0])
        .build_ui_state(|ui, app: &mut MinilateralApp| app.ui(ui), app);
    harness.run_steps(3);
    harness
}

/// The width and height in a PNG's header.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "a PNG signature");
    let word =
        |at: usize| u32::from_be_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]);
    (word(16), word(20))
}

#[test]
fn the_export_window_writes_png_and_svg_of_the_focused_body() {
    let folder = tempfile::tempdir().expect("temp folder");
    let png = folder.path().join("acta.png");
    let svg = folder.path().join("acta"); // no extension: ".svg" is added
    let mut harness = setup(vec![Some(png.clone()), Some(svg.clone())]);
    select_body(&mut harness, "acta");
    harness.get_by_label("File").click();
    harness.run_steps(2);
    harness.get_by_label("Export image… Ctrl+E").click();
    harness.run_steps(3);
    harness.get_by_label_contains("Only ACTA and its members");
    harness.get_by_label("Save PNG…").click();
    let target = png.clone();
    step_until(&mut harness, "the PNG", move |app| {
        target.is_file() && !app.is_busy()
    });
    let bytes = std::fs::read(&png).expect("the PNG");
    assert_eq!(png_size(&bytes), (1920, 1080));

    harness.get_by_label("Save SVG…").click();
    let target = folder.path().join("acta.svg");
    step_until(&mut harness, "the SVG", move |app| {
        target.is_file() && !app.is_busy()
    });
    let text = std::fs::read_to_string(folder.path().join("acta.svg")).expect("the SVG");
    assert!(text.starts_with("<svg") || text.starts_with("<?xml"));
    assert!(text.contains(">Japan<"), "members are labelled");
    assert!(
        !text.contains(">Budapest<"),
        "other bodies are left out of a focused picture"
    );

    harness.get_by_label("Copy image").click();
    step_until(&mut harness, "the copy", |app| {
        app.status_text() == Some("Copied the picture")
    });
}

#[test]
fn the_export_preview_follows_the_timeline() {
    let mut harness = setup(Vec::new());
    harness.get_by_label("File").click();
    harness.run_steps(2);
    harness.get_by_label("Export image… Ctrl+E").click();
    harness.run_steps(3);
    let described = |harness: &Harness<'_, MinilateralApp>| {
        harness
            .state()
            .export_preview()
            .expect("the export window shows a preview")
            .description
            .clone()
    };
    assert!(
        described(&harness).contains("June 2018"),
        "{}",
        described(&harness)
    );
    // The arrow keys still step the timeline with the window open.
    harness.key_press(egui::Key::ArrowLeft);
    harness.run_steps(3);
    assert_eq!(harness.state().state().view.date, Month::new(2018, 5));
    assert!(
        described(&harness).contains("May 2018"),
        "the preview shows the new date: {}",
        described(&harness)
    );
}

#[test]
fn the_overlap_window_saves_the_matrix_it_shows() {
    let folder = tempfile::tempdir().expect("temp folder");
    let svg = folder.path().join("matrix.svg");
    let png = folder.path().join("matrix.png");
    let mut harness = setup(vec![Some(svg.clone()), Some(png.clone())]);
    harness.get_by_label("View").click();
    harness.run_steps(2);
    harness.get_by_label("Overlap matrix").click();
    harness.run_steps(3);
    let shown = harness.get_by_label("Overlap matrix cells").rect();

    harness.get_by_label("Save SVG…").click();
    let target = svg.clone();
    step_until(&mut harness, "the SVG", move |app| {
        target.is_file() && !app.is_busy()
    });
    let text = std::fs::read_to_string(&svg).expect("the SVG");
    assert!(text.contains("how the bodies overlap"), "a titled picture");
    assert!(
        text.contains("Members shared, June 2018"),
        "at the app's date"
    );
    for name in ["FOC", "ACTA", "Budapest"] {
        assert!(text.contains(&format!(">{name}<")), "{name} names a row");
    }

    // The PNG is the window's matrix at twice its size.
    harness.get_by_label("Save PNG…").click();
    let target = png.clone();
    step_until(&mut harness, "the PNG", move |app| {
        target.is_file() && !app.is_busy()
    });
    let bytes = std::fs::read(&png).expect("the PNG");
    let (width, _) = png_size(&bytes);
    assert!(
        width as f32 > 2.0 * shown.width(),
        "{width} px holds the {} pt cells twice over, with names",
        shown.width()
    );

    harness.get_by_label("Copy").click();
    step_until(&mut harness, "the copy", |app| {
        app.status_text() == Some("Copied the picture")
    });
}

#[test]
fn a_sequence_writes_numbered_frames_and_a_gif() {
    let folder = tempfile::tempdir().expect("temp folder");
    let gif = folder.path().join("acta-years.gif");
    let mut harness = setup(vec![Some(gif.clone())]);
    let request = SequenceRequest {
        options: RenderOptions {
            width: 480,
            height: 270,
            ..RenderOptions::default()
        },
        from: Month::new(2010, 12),
        to: Month::new(2013, 12),
        step: Step::Year,
        delay_ms: 500,
    };
    harness
        .state_mut()
        .push_picture_command(PictureCommand::ExportSequence(request));
    let target = gif.clone();
    step_until(&mut harness, "the GIF", move |app| {
        target.is_file() && !app.is_busy()
    });
    let frames = folder.path().join("acta-years-frames");
    let mut names: Vec<String> = std::fs::read_dir(&frames)
        .expect("the frames folder")
        .filter_map(Result::ok)
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "frame-0001.png",
            "frame-0002.png",
            "frame-0003.png",
            "frame-0004.png"
        ]
    );
    let first = std::fs::read(frames.join("frame-0001.png")).expect("a frame");
    assert_eq!(png_size(&first), (480, 270));
    let file = std::fs::File::open(&gif).expect("the GIF");
    let mut decoder = gif::DecodeOptions::new().read_info(file).expect("a GIF");
    let mut frames_in_gif = 0;
    while let Some(frame) = decoder.read_next_frame().expect("a frame") {
        assert_eq!((frame.width, frame.height), (480, 270));
        assert_eq!(frame.delay, 50, "hundredths of a second");
        frames_in_gif += 1;
    }
    assert_eq!(frames_in_gif, 4);
}
