//! PDF handouts of the built-in sample, read back with an independent PDF reader (lopdf):
//! the page count, the titles and captions as text, the pictures as vector paths with the
//! fonts embedded, paper sizes, the same bytes each time, a failing writer, and the PNGs
//! of the pages' pictures.
#![expect(clippy::expect_used, reason = "test helpers fail loudly with a reason")]

use std::io::Write;

use lopdf::{Document as Pdf, Object, ObjectId};
use minilateral::document::Document;
use minilateral::model::Month;
use minilateral::render::{
    self, Handout, HandoutPage, Orientation, Paper, PngOptions, RenderError, RenderOptions,
};
use minilateral::scene::{Selection, ViewKind};

fn sample() -> Document {
    let (dataset, report) =
        minilateral::io::read_native_str(minilateral::SAMPLE_DATASET_JSON, "sample")
            .expect("the sample is valid");
    Document::new(dataset, "sample".into(), report.summary())
}

/// Three slides: the network in 2005, the map of one body in 2015, the network in 2024.
fn handout(document: &Document) -> Handout {
    let positions = Document::compute_layout(document.layout_request());
    let options = RenderOptions {
        title: Some(document.title().to_owned()),
        source: Some(render::source_line(document)),
        ..RenderOptions::default()
    };
    let mut early = document.initial_view();
    early.date = Month::new(2005, 1);
    let mut map = document.initial_view();
    map.date = Month::new(2015, 6);
    map.kind = ViewKind::Map;
    map.selection = document.timeline.body_ix("budapest").map(Selection::Body);
    let mut late = document.initial_view();
    late.date = Month::new(2024, 1);
    let captions = [
        (
            "Before the forums",
            early,
            "In 2005 few of these *instruments* existed; the **Budapest Convention** was \
             the main one.",
        ),
        (
            "Where the Convention reached",
            map,
            "By mid-2015 the Convention had members on every continent but most of them \
             were in Europe. Parties outside Europe joined *one by one*, often years after \
             signing, and several large states never joined at all.",
        ),
        (
            "Today",
            late,
            "The network today: overlapping memberships tie the forums together.",
        ),
    ];
    Handout {
        title: document.title().to_owned(),
        subtitle: Some("Ideas from the chapter".to_owned()),
        sources: vec![
            render::source_line(document),
            "https://www.coe.int/en/web/cybercrime/the-budapest-convention".to_owned(),
        ],
        pages: captions
            .into_iter()
            .map(|(title, view, caption)| HandoutPage {
                title: title.to_owned(),
                picture: render::picture_of_view(document, &view, &positions, &options),
                caption: caption.to_owned(),
            })
            .collect(),
        ..Handout::default()
    }
}

fn pdf(handout: &Handout) -> (Vec<u8>, Pdf) {
    let bytes = render::to_pdf(handout).expect("the handout is written");
    let pdf = Pdf::load_mem(&bytes).expect("lopdf reads the PDF");
    (bytes, pdf)
}

/// A page's text with its whitespace collapsed (wrapped lines join with one space).
fn page_text(pdf: &Pdf, number: u32) -> String {
    let text = pdf.extract_text(&[number]).expect("the text is extracted");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The page's content stream operators.
fn operators(pdf: &Pdf, page: ObjectId) -> Vec<String> {
    let content = pdf.get_page_content(page);
    lopdf::content::Content::decode(&content)
        .expect("the content parses")
        .operations
        .into_iter()
        .map(|operation| operation.operator)
        .collect()
}

/// Every object of a given `/Type` or `/Subtype` (as a name) in the file.
fn objects_named(pdf: &Pdf, key: &[u8], name: &[u8]) -> usize {
    pdf.objects
        .values()
        .filter(|object| {
            let dict = match object {
                Object::Dictionary(dict) => dict,
                Object::Stream(stream) => &stream.dict,
                _ => return false,
            };
            dict.get(key)
                .and_then(Object::as_name)
                .is_ok_and(|value| value == name)
        })
        .count()
}

#[test]
fn a_title_page_then_one_page_per_slide_with_its_text() {
    let document = sample();
    let handout = handout(&document);
    let (_, pdf) = pdf(&handout);
    let pages = pdf.get_pages();
    assert_eq!(pages.len(), 1 + handout.pages.len());

    let title = page_text(&pdf, 1);
    assert!(title.contains(document.title()), "{title}");
    assert!(title.contains("Ideas from the chapter"), "{title}");
    assert!(title.contains("Where the Convention reached"), "{title}");
    assert!(
        title.contains("https://www.coe.int/en/web/cybercrime/the-budapest-convention"),
        "{title}"
    );
    for (index, slide) in handout.pages.iter().enumerate() {
        let number = u32::try_from(index + 2).expect("few pages");
        let text = page_text(&pdf, number);
        assert!(text.contains(&slide.title), "page {number}: {text}");
        // The caption reads back without its emphasis markers. (lopdf puts a space between
        // two runs of text, as after an emphasised word, so spaces are not compared.)
        let squeezed = |text: &str| text.replace('*', "").split_whitespace().collect::<String>();
        assert!(
            squeezed(&text).contains(&squeezed(&slide.caption)),
            "page {number}: {text}"
        );
        assert!(
            text.contains(&format!("{number} / 4")),
            "page {number}: {text}"
        );
    }
}

#[test]
fn pictures_are_vector_paths_and_the_fonts_are_embedded() {
    let document = sample();
    let handout = handout(&document);
    let (_, pdf) = pdf(&handout);
    assert_eq!(
        objects_named(&pdf, b"Subtype", b"Image"),
        0,
        "no raster image anywhere"
    );
    for (number, page) in pdf.get_pages().into_iter().skip(1) {
        let operators = operators(&pdf, page);
        let count = |name: &str| operators.iter().filter(|op| op.as_str() == name).count();
        // Nodes are circles (cubic curves), edges and outlines lines, and the map's
        // countries filled paths.
        assert!(count("c") > 40, "page {number}: {} curves", count("c"));
        assert!(count("l") > 40, "page {number}: {} lines", count("l"));
        assert!(
            count("f") + count("f*") + count("B") > 20,
            "page {number}: fills"
        );
        assert!(count("Tj") + count("TJ") > 3, "page {number}: text");
        assert_eq!(count("Do"), 0, "page {number}: no XObject drawn");
    }
    let embedded = pdf
        .objects
        .values()
        .filter_map(|object| match object {
            Object::Dictionary(dict) => Some(dict),
            _ => None,
        })
        .filter(|dict| dict.has(b"FontFile2") || dict.has(b"FontFile3"))
        .count();
    assert!(embedded >= 1, "the faces are embedded");
    assert!(objects_named(&pdf, b"Type", b"Font") >= 2);
}

#[test]
fn paper_sizes_and_orientations_set_the_page_box() {
    let document = sample();
    let mut handout = handout(&document);
    handout.pages.truncate(1);
    for (paper, orientation, expected) in [
        (Paper::A4, Orientation::Landscape, (841.89, 595.28)),
        (Paper::A4, Orientation::Portrait, (595.28, 841.89)),
        (Paper::Letter, Orientation::Landscape, (792.0, 612.0)),
        (Paper::Letter, Orientation::Portrait, (612.0, 792.0)),
    ] {
        handout.paper = paper;
        handout.orientation = orientation;
        let (_, pdf) = pdf(&handout);
        for page in pdf.get_pages().into_values() {
            let media = pdf
                .get_dictionary(page)
                .and_then(|page| page.get(b"MediaBox"))
                .and_then(Object::as_array)
                .expect("the page has a media box");
            let numbers: Vec<f32> = media
                .iter()
                .map(|n| n.as_float().expect("a number"))
                .collect();
            let (w, h) = (numbers[2] - numbers[0], numbers[3] - numbers[1]);
            assert!(
                (w - expected.0).abs() < 0.5 && (h - expected.1).abs() < 0.5,
                "{paper:?} {orientation:?}: {w} × {h}"
            );
        }
    }
}

#[test]
fn the_same_handout_gives_the_same_bytes() {
    let document = sample();
    let handout = handout(&document);
    let (first, _) = pdf(&handout);
    let (second, _) = pdf(&handout);
    assert!(first == second, "two writes differ");
    let mut changed = handout.clone();
    changed.pages[0].caption.push_str(" More.");
    let (third, _) = pdf(&changed);
    assert!(third != first);
}

#[test]
fn long_titles_and_captions_stay_on_the_page() {
    let document = sample();
    let mut handout = handout(&document);
    let long = "Joining one forum made joining the next one easier. ".repeat(30);
    handout.pages[0].caption = long.clone();
    handout.pages[0].title = "A title long enough to need two lines on a landscape page, \
                              which it should wrap rather than run off the edge"
        .to_owned();
    let (_, pdf) = pdf(&handout);
    assert_eq!(pdf.get_pages().len(), 1 + handout.pages.len());
    let text = page_text(&pdf, 2);
    let squeezed = |text: &str| text.split_whitespace().collect::<String>();
    assert!(
        squeezed(&text).contains(&squeezed(&long)),
        "every word of the caption is drawn"
    );
    assert!(
        text.contains("made joining the next one easier"),
        "spaces between words"
    );
    assert!(text.contains("rather than run off the edge"), "{text}");
}

#[test]
fn characters_the_text_face_lacks_come_from_the_fallback_face() {
    let document = sample();
    let mut handout = handout(&document);
    handout.pages.truncate(1);
    let (_, plain) = pdf(&handout);
    handout.pages[0].caption = "Members 2005 → 2024: growth ≥ 40 %".to_owned();
    let (_, pdf) = pdf(&handout);
    let text = page_text(&pdf, 2);
    assert!(text.contains('→') && text.contains('≥'), "{text}");
    let base_fonts = |pdf: &Pdf| -> Vec<String> {
        pdf.objects
            .values()
            .filter_map(|object| match object {
                Object::Dictionary(dict) => dict.get(b"FontName").ok(),
                _ => None,
            })
            .filter_map(|name| name.as_name().ok())
            .map(|name| String::from_utf8_lossy(name).into_owned())
            .collect()
    };
    let before = base_fonts(&plain);
    let after = base_fonts(&pdf);
    assert!(
        !before.iter().any(|name| name.contains("DejaVu")),
        "{before:?}"
    );
    assert!(
        after.iter().any(|name| name.contains("DejaVu")),
        "{after:?}"
    );
}

/// A writer that always fails.
struct Broken;

impl Write for Broken {
    fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
        Err(std::io::Error::other("the disk is full"))
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Err(std::io::Error::other("the disk is full"))
    }
}

#[test]
fn a_failing_writer_is_an_error_not_a_panic() {
    let document = sample();
    let mut handout = handout(&document);
    handout.pages.truncate(1);
    let result = render::write_pdf(&handout, &mut Broken);
    match result {
        Err(RenderError::Write(error)) => assert!(error.to_string().contains("disk is full")),
        other => panic!("expected a write error, got {other:?}"),
    }
    let mut bytes = Vec::new();
    let pages = render::write_pdf(&handout, &mut bytes).expect("a working writer");
    assert_eq!(pages, 2);
    assert!(bytes.starts_with(b"%PDF-"));
}

#[test]
fn an_empty_handout_is_one_title_page() {
    let handout = Handout {
        title: "Nothing yet".to_owned(),
        ..Handout::default()
    };
    let (_, pdf) = pdf(&handout);
    assert_eq!(pdf.get_pages().len(), 1);
    assert!(page_text(&pdf, 1).contains("Nothing yet"));
}

#[test]
fn the_pictures_are_written_as_numbered_pngs() {
    let document = sample();
    let handout = handout(&document);
    let dir = tempfile::tempdir().expect("a temporary folder");
    let out = dir.path().join("slides");
    let written =
        render::write_pngs(&handout, &out, &PngOptions { scale: 0.25 }).expect("PNGs written");
    let names: Vec<String> = written
        .iter()
        .filter_map(|path| path.file_name()?.to_str().map(str::to_owned))
        .collect();
    assert_eq!(names, ["slide-01.png", "slide-02.png", "slide-03.png"]);
    for path in &written {
        let bytes = std::fs::read(path).expect("the file is there");
        assert!(bytes.starts_with(b"\x89PNG"), "{}", path.display());
    }
    // A file where the folder should be is reported with its path.
    let blocked = dir.path().join("blocked");
    std::fs::write(&blocked, b"").expect("a file");
    match render::write_pngs(&handout, &blocked, &PngOptions::default()) {
        Err(RenderError::Io { path, .. }) => assert_eq!(path, blocked),
        other => panic!("expected an I/O error, got {other:?}"),
    }
}

/// Writes the sample handout to `target/handout-sample.pdf` for a person to look at
/// (`cargo test --test handout -- --ignored`).
#[test]
#[ignore = "writes a file to look at"]
fn write_the_sample_handout_to_look_at() {
    let document = sample();
    let mut handout = handout(&document);
    let mut coalitions = document.initial_view();
    coalitions.kind = ViewKind::Coalitions;
    coalitions.theme = minilateral::style::Theme::Dark;
    let positions = Document::compute_layout(document.layout_request());
    handout.pages.push(HandoutPage {
        title: "Coalitions, dark".to_owned(),
        picture: render::picture_of_view(
            &document,
            &coalitions,
            &positions,
            &RenderOptions::default(),
        ),
        caption: "Bodies tied by how much their memberships overlap.".to_owned(),
    });
    // The overlap matrix, with its turned column labels, under a long caption.
    let view = document.initial_view();
    let matrix = minilateral::timeline::OverlapMatrix::at(
        &document.timeline,
        view.date.end(),
        view.level,
        &[],
        minilateral::timeline::MATRIX_MAX_BODIES,
    );
    let options = render::MatrixPicture::file_options(&document, view.theme);
    handout.pages.push(HandoutPage {
        title: "The overlap matrix, with a title long enough to need a second line on a \
                landscape page so that the wrapping shows"
            .to_owned(),
        picture: render::MatrixPicture::build(&document, &matrix, &view, &options).picture,
        caption: "Each cell is the share of members two bodies have in common. *Read it* \
                  row by row: the **darker** the cell, the more alike. "
            .repeat(12),
    });
    let bytes = render::to_pdf(&handout).expect("written");
    std::fs::write("target/handout-sample.pdf", bytes).expect("saved");
    handout.paper = Paper::Letter;
    handout.orientation = Orientation::Portrait;
    let bytes = render::to_pdf(&handout).expect("written");
    std::fs::write("target/handout-sample-portrait.pdf", bytes).expect("saved");
}
