//! `minilateral lesson`: the lessons listed with their slide counts, one PNG per slide, and
//! the errors that name what is wrong.
#![expect(clippy::expect_used, reason = "test helpers fail loudly with a reason")]

use std::path::Path;

#[path = "common/run.rs"]
mod run;
use run::{minilateral, text};

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/native")
        .join(name)
        .display()
        .to_string()
}

#[test]
fn the_sample_lists_the_chapter_s_ideas() {
    let output = minilateral(&["lesson", "--list"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let listed = text(&output.stdout);
    assert_eq!(
        listed.lines().next(),
        Some("Ideas from the chapter: 8 slides"),
        "{listed}"
    );
    let minimal = minilateral(&["lesson", &fixture("valid_minimal.json"), "--list"]);
    assert_eq!(minimal.status.code(), Some(0));
    assert!(text(&minimal.stdout).contains("has no lessons"));
}

#[test]
fn out_writes_one_picture_per_slide() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let out = folder.path().join("slides");
    let output = minilateral(&[
        "lesson",
        &fixture("valid_lessons.json"),
        "--name",
        "ACTA in class",
        "--out",
        &out.display().to_string(),
        "--width",
        "640",
        "--height",
        "360",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert!(text(&output.stdout).contains("wrote 2 slides of \"ACTA in class\""));
    for name in ["slide-01.png", "slide-02.png"] {
        let bytes = std::fs::read(out.join(name)).expect("the slide was written");
        let pixmap = resvg::tiny_skia::Pixmap::decode_png(&bytes).expect("a valid PNG");
        assert_eq!((pixmap.width(), pixmap.height()), (640, 360), "{name}");
    }
    assert!(!out.join("slide-03.png").exists());
}

#[test]
fn a_lesson_that_is_not_there_is_named_with_the_ones_that_are() {
    let output = minilateral(&["lesson", "--name", "Nope", "--out", "/tmp/unused-slides"]);
    assert_eq!(output.status.code(), Some(2));
    let message = text(&output.stderr);
    assert!(
        message.contains("no lesson named \"Nope\"")
            && message.contains("\"Ideas from the chapter\""),
        "{message}"
    );
    let nothing = minilateral(&["lesson"]);
    assert_eq!(nothing.status.code(), Some(2));
    assert!(text(&nothing.stderr).contains("--list, --out DIR or --pdf OUT.pdf"));
}

#[test]
fn pdf_writes_a_handout_of_the_chapter_s_ideas() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let path = folder.path().join("ideas.pdf");
    let output = minilateral(&[
        "lesson",
        "--name",
        "Ideas from the chapter",
        "--pdf",
        &path.display().to_string(),
        "--paper",
        "letter",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert!(text(&output.stdout).contains("a title page and 8 slides"));
    let pdf = lopdf::Document::load(&path).expect("a PDF that reads back");
    let pages = pdf.get_pages();
    assert_eq!(pages.len(), 9, "a title page, then one page per slide");
    let title_page = pdf.extract_text(&[1]).expect("the title page's text");
    assert!(
        title_page.contains("Ideas from the chapter"),
        "{title_page}"
    );
    assert!(
        title_page.contains("Freedom Online Coalition"),
        "the selected bodies are cited: {title_page}"
    );
    let second = pdf.extract_text(&[2]).expect("the first slide's text");
    assert!(second.contains("The magic number"), "{second}");
    assert!(
        second.contains("Tallinn"),
        "the caption is real text: {second}"
    );
}
