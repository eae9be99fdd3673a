//! Pictures from the app, driven by label: the export window writes a PNG and an SVG of the
//! view through the scripted file dialog, copies the picture, writes a sequence of frames
//! with an animated GIF, and an MP4 video (and stops one from the status line). Screen and
//! pictures draw from one path: their legends and rings agree.
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
use minilateral::render::shapes::legend_sections;
use minilateral::render::{ImageRequest, PictureSubject, RenderOptions, Shape, Step};
use minilateral::scene::Ring;
use minilateral::state::Command;
use minilateral::state::Prefs;
use minilateral::ui::PictureCommand;
use minilateral::ui::network::node_screen_shapes;

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

/// The texts of a picture layer.
fn layer_texts<'a>(picture: &'a minilateral::render::Picture, name: &str) -> Vec<&'a str> {
    picture
        .layers
        .iter()
        .filter(|layer| layer.name == name)
        .flat_map(|layer| &layer.shapes)
        .filter_map(|shape| match shape {
            Shape::Text { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect()
}

#[test]
fn screen_and_picture_agree_on_the_legend_and_the_ring_of_a_joiner() {
    let mut harness = setup(Vec::new());
    // June 2013, having stepped from June 2012: Australia and Japan joined.
    harness
        .state_mut()
        .push_command(Command::SetDate(Month::new(2012, 6)));
    harness.run_steps(2);
    harness
        .state_mut()
        .push_command(Command::SetDate(Month::new(2013, 6)));
    harness.run_steps(3);
    let app = harness.state();
    let view = &app.state().view;
    let palette = view.theme.palette();
    let sections = legend_sections(&app.scene_frame().legend, view.body_colouring, &palette);
    assert!(
        sections
            .iter()
            .any(|section| section.heading == "Since the previous step"),
        "the joiners' rings are explained: {sections:?}"
    );
    let request = ImageRequest {
        options: RenderOptions::default(),
        scale: 1.0,
        subject: PictureSubject::Network,
        compare: Vec::new(),
    };
    let picture = app.picture(&request);
    let drawn = layer_texts(&picture, "legend");
    for section in &sections {
        let texts = std::iter::once(section.heading)
            .chain(section.rows.iter().map(|(_, text)| text.as_str()));
        for text in texts {
            assert!(
                harness.query_all_by_label(text).next().is_some(),
                "the legend panel shows {text:?}"
            );
            assert!(
                drawn.contains(&text),
                "the picture's legend shows {text:?}: {drawn:?}"
            );
        }
    }

    // The ring of a joiner: the same colour, width and gap on screen and in the picture.
    let look = app
        .scene_frame()
        .nodes
        .iter()
        .find(|look| look.ring == Some(Ring::Joined))
        .expect("a joiner");
    let screen = node_screen_shapes(look, egui::Pos2::ZERO, 10.0, false, &palette);
    let Some(egui::Shape::Circle(ring)) = screen.first() else {
        panic!("the screen draws the ring first: {screen:?}");
    };
    let joined = palette.joined;
    let joined32 = egui::Color32::from_rgba_unmultiplied(joined.r, joined.g, joined.b, joined.a);
    assert_eq!(ring.stroke.color, joined32);
    let screen_ring = (ring.stroke.width, ring.radius - 10.0 * 1.25);
    let ui = request.options.ui_scale();
    let nodes = picture
        .layers
        .iter()
        .find(|layer| layer.name == "nodes")
        .expect("a nodes layer");
    let picture_ring = nodes
        .shapes
        .windows(2)
        .find_map(|pair| match pair {
            [
                Shape::Circle {
                    centre,
                    radius,
                    fill: None,
                    stroke: Some(stroke),
                },
                Shape::Circle {
                    centre: node_centre,
                    radius: node_radius,
                    ..
                },
            ] if stroke.colour == joined && centre == node_centre => {
                Some((stroke.width / ui, (radius - node_radius * 1.25) / ui))
            }
            _ => None,
        })
        .expect("the picture rings a joiner");
    assert_eq!(
        screen_ring, picture_ring,
        "(width, gap) on screen and in the picture"
    );
}

#[test]
fn compare_dates_in_the_export_window_previews_panels_side_by_side() {
    let mut harness = setup(Vec::new());
    harness.get_by_label("File").click();
    harness.run_steps(2);
    harness.get_by_label("Export image… Ctrl+E").click();
    harness.run_steps(3);
    harness.get_by_label("Compare dates").click();
    harness.run_steps(3);
    let preview = harness.state().export_preview().expect("a preview").clone();
    let panels = preview
        .layers
        .iter()
        .filter(|layer| layer.name == "panel")
        .count();
    assert!(panels >= 2, "side by side: {panels} panels");
    assert!(
        preview.description.matches("December").count() >= 2,
        "{}",
        preview.description
    );
}

/// The frames of an MP4 file, read back with the `mp4` crate, and its picture size.
fn mp4_frames(path: &std::path::Path) -> (u32, u16, u16) {
    let bytes = std::fs::read(path).expect("the video");
    let reader = mp4::Mp4Reader::read_header(std::io::Cursor::new(&bytes), bytes.len() as u64)
        .expect("an MP4");
    let track = reader.tracks().values().next().expect("a track");
    assert_eq!(
        track.media_type().expect("a media type"),
        mp4::MediaType::H264
    );
    (track.sample_count(), track.width(), track.height())
}

#[test]
fn the_export_window_saves_an_mp4_and_a_video_can_be_cancelled() {
    let folder = tempfile::tempdir().expect("temp folder");
    let video = folder.path().join("acta"); // no extension: ".mp4" is added
    let stopped = folder.path().join("stopped.mp4");
    let mut harness = setup(vec![Some(video.clone()), Some(stopped.clone())]);
    select_body(&mut harness, "acta");
    harness.get_by_label("File").click();
    harness.run_steps(2);
    harness.get_by_label("Export image… Ctrl+E").click();
    harness.run_steps(3);
    harness.get_by_label("Save MP4…").click();
    let target = folder.path().join("acta.mp4");
    step_until(&mut harness, "the MP4", move |app| {
        target.is_file() && !app.is_busy()
    });
    // ACTA's years, 2011 and 2012, each shown for 0.9 s at 30 frames per second.
    let (frames, width, height) = mp4_frames(&folder.path().join("acta.mp4"));
    assert_eq!((width, height), (1920, 1080));
    assert_eq!(frames, 2 * 27);
    assert!(
        harness
            .state()
            .status_text()
            .is_some_and(|text| text.starts_with("Exported")),
        "{:?}",
        harness.state().status_text()
    );

    // A second video, stopped from the status line: no file, and the status says so.
    harness.get_by_label("Save MP4…").click();
    step_until(&mut harness, "the video to start", |app| app.can_cancel());
    harness.get_by_label("Cancel").click();
    step_until(&mut harness, "the video to stop", |app| !app.is_busy());
    assert_eq!(
        harness.state().status_text(),
        Some("Cancelled: stopped.mp4 was not written")
    );
    assert!(!stopped.exists());
}
