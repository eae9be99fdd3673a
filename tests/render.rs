//! Pictures: the SVG golden file of a small fixture, PNG checks (size, colours, legend,
//! margins), determinism, `--focus`, sequences and GIFs, and `minilateral render` run as a
//! user would (no display, no GPU).
#![expect(clippy::expect_used, reason = "test helpers fail loudly with a reason")]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use minilateral::document::Document;
use minilateral::model::Month;
use minilateral::render::{
    self, Background, Picture, PngOptions, Raster, RenderOptions, Sequence, Step,
};
use minilateral::scene::View;
use minilateral::scene::{NodeRef, Ring, Visibility};
use minilateral::style::Theme;

#[path = "common/run.rs"]
mod run;
use run::{minilateral, text};

const FIXTURE: &str = include_str!("fixtures/ui/small.json");

fn document() -> Document {
    let (dataset, report) =
        minilateral::io::read_native_str(FIXTURE, "small.json").expect("the fixture is valid");
    Document::new(dataset, "small.json".into(), report.summary())
}

fn positions(document: &Document) -> Vec<[f32; 2]> {
    Document::compute_layout(document.layout_request())
}

/// June 2013, having stepped from June 2012: Australia and Japan joined since then.
fn state(document: &Document) -> View {
    let mut state = document.initial_view();
    state.date = Month::new(2013, 6);
    state.previous_date = Month::new(2012, 6);
    state
}

fn options(document: &Document) -> RenderOptions {
    RenderOptions {
        width: 1200,
        height: 700,
        title: Some(document.title().to_owned()),
        source: Some(render::source_line(document)),
        ..RenderOptions::default()
    }
}

fn picture(document: &Document, options: &RenderOptions) -> Picture {
    Picture::build(document, &state(document), &positions(document), options)
}

fn body(document: &Document, id: &str) -> minilateral::timeline::BodyIx {
    document.timeline.body_ix(id).expect("the body exists")
}

#[test]
fn svg_matches_the_golden_file() {
    let document = document();
    let svg = render::to_svg(&picture(&document, &options(&document)));
    let golden =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/render/small-2013-06.svg");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(golden.parent().expect("a folder")).expect("the folder is made");
        std::fs::write(&golden, &svg).expect("the golden file is written");
    }
    let expected = std::fs::read_to_string(&golden)
        .expect("the golden file exists (run with UPDATE_GOLDEN=1 to write it)");
    assert!(
        svg == expected,
        "the SVG differs from {}; look at the picture and rerun with UPDATE_GOLDEN=1 if the \
         change is meant",
        golden.display()
    );
}

#[test]
fn svg_has_real_text_a_named_font_and_every_layer() {
    let document = document();
    let svg = render::to_svg(&picture(&document, &options(&document)));
    assert!(svg.starts_with("<?xml"), "{}", &svg[..80]);
    assert!(
        svg.contains(r#"font-family="Ubuntu, "#),
        "font family named"
    );
    for layer in ["edges", "nodes", "labels", "legend", "header", "footer"] {
        assert!(
            svg.contains(&format!(r#"<g id="{layer}">"#)),
            "layer {layer}"
        );
    }
    // Body labels are text, the date is large, joiners are explained.
    for text in [
        ">ACTA</text>",
        ">Budapest</text>",
        ">June 2013</text>",
        ">Joined</text>",
    ] {
        assert!(svg.contains(text), "{text} missing");
    }
    // It parses as XML (resvg's parser is strict).
    let png = render::to_png(
        &picture(&document, &options(&document)),
        &PngOptions::default(),
    );
    assert!(png.is_ok(), "{png:?}");
}

#[test]
fn text_is_escaped_in_the_svg() {
    let document = document();
    let mut options = options(&document);
    options.title = Some("Trade & <security> \"2013\"".into());
    let svg = render::to_svg(&picture(&document, &options));
    assert!(svg.contains("Trade &amp; &lt;security&gt; &quot;2013&quot;"));
    assert!(!svg.contains("<security>"));
}

fn raster(document: &Document, options: &RenderOptions, scale: f32) -> (Picture, Raster) {
    let picture = picture(document, options);
    let raster = render::to_raster(&picture, &PngOptions { scale }).expect("rasterises");
    (picture, raster)
}

fn pixel(raster: &Raster, x: u32, y: u32) -> [u8; 4] {
    let i = ((y * raster.width + x) * 4) as usize;
    [
        raster.rgba[i],
        raster.rgba[i + 1],
        raster.rgba[i + 2],
        raster.rgba[i + 3],
    ]
}

#[test]
fn png_has_the_size_many_colours_a_legend_and_clean_margins() {
    let document = document();
    let options = options(&document);
    for scale in [1.0_f32, 2.0] {
        let (picture, raster) = raster(&document, &options, scale);
        assert_eq!(
            (raster.width, raster.height),
            ((1200.0 * scale) as u32, (700.0 * scale) as u32)
        );
        let colours: BTreeSet<[u8; 4]> = raster
            .rgba
            .chunks_exact(4)
            .map(|p| [p[0], p[1], p[2], p[3]])
            .collect();
        assert!(colours.len() > 200, "only {} colours", colours.len());

        let background = Theme::Light.palette().background;
        let is_background = |p: [u8; 4]| p == [background.r, background.g, background.b, 255];
        // The legend's box has ink in it: text and samples, not just its faint panel.
        let legend = picture.legend_rect.expect("a legend");
        let ink = |p: [u8; 4]| {
            let far = |a: u8, b: u8| a.abs_diff(b) > 60;
            far(p[0], background.r) || far(p[1], background.g) || far(p[2], background.b)
        };
        let mut inked = 0;
        for y in (legend.y * scale) as u32..(legend.bottom() * scale) as u32 {
            for x in (legend.x * scale) as u32..(legend.right() * scale) as u32 {
                if ink(pixel(&raster, x, y)) {
                    inked += 1;
                }
            }
        }
        let area = legend.w * legend.h * scale * scale;
        assert!(
            inked as f32 > area * 0.03,
            "legend box nearly empty: {inked} of {area}"
        );
        // Nothing in the outer margin (a pixel of antialiasing aside).
        let margin = ((picture.margin - 1.0) * scale) as u32;
        for y in 0..raster.height {
            for x in 0..raster.width {
                let inside = x >= margin
                    && y >= margin
                    && x < raster.width - margin
                    && y < raster.height - margin;
                if !inside {
                    assert!(is_background(pixel(&raster, x, y)), "ink at ({x}, {y})");
                }
            }
        }
    }
}

#[test]
fn the_legend_never_overlaps_the_network() {
    let document = document();
    let picture = picture(&document, &options(&document));
    let legend = picture.legend_rect.expect("a legend");
    assert!(!legend.overlaps(&picture.framing.network));
    assert_header_clear_of_the_network(&picture);
    // Every node shape lies in the network's frame.
    let nodes = picture.layer("nodes").expect("nodes");
    for shape in &nodes.shapes {
        if let render::Shape::Circle { centre, radius, .. } = shape {
            let frame = picture.framing.network;
            assert!(
                centre[0] - radius >= frame.x - 0.5 && centre[0] + radius <= frame.right() + 0.5
            );
            assert!(
                centre[1] - radius >= frame.y - 0.5 && centre[1] + radius <= frame.bottom() + 0.5
            );
        }
    }
}

/// The header (title, date, counts) is above the network's frame or beside it.
fn assert_header_clear_of_the_network(picture: &Picture) {
    let header = picture.layer("header").expect("a header");
    assert_eq!(header.shapes.len(), 3);
    let frame = picture.framing.network;
    for shape in &header.shapes {
        let render::Shape::Text {
            position,
            size,
            text,
            ..
        } = shape
        else {
            panic!("the header is text: {shape:?}");
        };
        let right = position[0] + render::text_width(text, *size);
        let bottom = position[1] + size * 0.3;
        assert!(
            bottom <= frame.y || right <= frame.x,
            "{text:?} (right {right}, bottom {bottom}) overlaps {frame:?}"
        );
    }
}

#[test]
fn a_round_network_takes_the_full_height_beside_the_header() {
    let (dataset, _) = minilateral::io::read_native_str(minilateral::SAMPLE_DATASET_JSON, "sample")
        .expect("the sample is valid");
    let document = Document::new(dataset, "sample".into(), String::new());
    let options = RenderOptions {
        // The legend column's width varies with what it lists; without it the test is
        // about the network's shape alone.
        legend: false,
        ..options(&document)
    };
    // The circle-by-region arrangement is round.
    let round = minilateral::scene::layout::arrange(
        minilateral::scene::layout::LayoutKind::Regions,
        &document.graph,
        &document.dataset,
        &positions(&document),
    );
    let picture = Picture::build(&document, &document.initial_view(), &round, &options);
    assert_eq!(
        picture.framing.network.y, picture.margin,
        "{:?}",
        picture.framing
    );
    assert_header_clear_of_the_network(&picture);
    let small_document = self::document();
    let small = self::picture(&small_document, &self::options(&small_document));
    assert!(
        small.framing.network.y > small.margin,
        "a wide network goes below"
    );
}

#[test]
fn a_transparent_background_leaves_corners_clear() {
    let document = document();
    let mut options = options(&document);
    options.background = Background::Transparent;
    options.theme = Theme::Dark;
    let (_, raster) = raster(&document, &options, 1.0);
    assert_eq!(pixel(&raster, 0, 0)[3], 0);
    assert_eq!(pixel(&raster, raster.width - 1, raster.height - 1)[3], 0);
    assert!(
        raster.rgba.chunks_exact(4).any(|p| p[3] == 255),
        "something is drawn"
    );
}

#[test]
fn rendering_twice_gives_identical_bytes() {
    let first_document = document();
    let second_document = document();
    let options = options(&first_document);
    let first = picture(&first_document, &options);
    let second = picture(&second_document, &options);
    assert_eq!(render::to_svg(&first), render::to_svg(&second));
    let png = PngOptions::default();
    let a = render::to_png(&first, &png).expect("png");
    let b = render::to_png(&second, &png).expect("png");
    assert!(a == b, "PNG bytes differ");
}

#[test]
fn focus_keeps_only_the_body_and_its_members() {
    let document = document();
    let foc = body(&document, "foc");
    let mut options = options(&document);
    options.focus = vec![foc];
    let state = state(&document);
    let frame =
        render::frame_for_picture(&document, &state.with_theme(Theme::Light), &options.focus);
    let members: BTreeSet<usize> = document
        .timeline
        .members(foc, state.date.end(), state.level)
        .into_iter()
        .map(|m| document.graph.node_number(NodeRef::Actor(m.actor)))
        .collect();
    assert!(members.len() >= 3, "{members:?}");
    let visible: BTreeSet<usize> = frame
        .nodes
        .iter()
        .enumerate()
        .filter(|(_, look)| look.visibility != Visibility::Hidden)
        .map(|(n, _)| n)
        .collect();
    let foc_number = document.graph.node_number(NodeRef::Body(foc));
    let mut expected = members.clone();
    expected.insert(foc_number);
    assert_eq!(visible, expected);

    let picture = Picture::build(&document, &state, &positions(&document), &options);
    assert_eq!(picture.visible_nodes, expected.len());
    let svg = render::to_svg(&picture);
    assert!(svg.contains(">FOC</text>"));
    for other in [">ACTA</text>", ">Budapest</text>", ">IGF</text>", "Morocco"] {
        assert!(!svg.contains(other), "{other} is drawn");
    }
}

#[test]
fn focused_rings_say_what_changed_in_the_focused_body() {
    let document = document();
    let acta = body(&document, "acta");
    let state = state(&document);
    let ring_of = |focus: &[minilateral::timeline::BodyIx], id: &str| {
        let frame = render::frame_for_picture(&document, &state.with_theme(Theme::Light), focus);
        let actor = document.timeline.actor_ix(id).expect("the actor exists");
        let look = frame.nodes[document.graph.node_number(NodeRef::Actor(actor))];
        (look.visibility, look.ring)
    };
    // Australia joined the Budapest Convention and the FOC in the year, not ACTA (which it
    // only signed): with ACTA in focus it is drawn, without a ring.
    assert_eq!(ring_of(&[], "AUS").1, Some(Ring::Joined));
    assert_eq!(ring_of(&[acta], "AUS"), (Visibility::Shown, None));
    // Japan ratified ACTA in October 2012.
    assert_eq!(ring_of(&[acta], "JPN").1, Some(Ring::Joined));
}

#[test]
fn a_sequence_shares_one_camera_and_rings_the_joiners() {
    let document = document();
    let positions = positions(&document);
    let months = render::sequence_months(Month::new(2011, 12), Month::new(2014, 12), Step::Year);
    assert_eq!(months.len(), 4);
    let sequence = Sequence::plan(
        &document,
        &document.initial_view(),
        &positions,
        &options(&document),
        &months,
        Step::Year,
    );
    let pictures: Vec<Picture> = (0..sequence.len())
        .map(|i| sequence.picture(&document, &positions, i).expect("a frame"))
        .collect();
    assert_eq!(pictures.len(), 4);
    assert!(
        pictures.iter().all(|p| p.framing == pictures[0].framing),
        "one camera"
    );
    // 2012 → 2013: Japan and Australia joined the FOC; the 2013 frame says so.
    let svg_2013 = render::to_svg(&pictures[2]);
    assert!(
        svg_2013.contains(">Joined</text>"),
        "legend explains the rings"
    );
    // Frames differ (the date and the members).
    assert_ne!(render::to_svg(&pictures[0]), render::to_svg(&pictures[3]));
}

// The command line.

fn fixture_path() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/ui/small.json")
        .display()
        .to_string()
}

fn temp_dir() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temporary folder")
}

fn out(dir: &tempfile::TempDir, name: &str) -> PathBuf {
    dir.path().join(name)
}

fn png_size(path: &Path) -> (u32, u32) {
    let bytes = std::fs::read(path).expect("the PNG exists");
    let pixmap = resvg::tiny_skia::Pixmap::decode_png(&bytes).expect("a valid PNG");
    (pixmap.width(), pixmap.height())
}

#[test]
fn cli_renders_png_and_svg_with_no_display() {
    let dir = temp_dir();
    let png = out(&dir, "sample.png");
    let run = minilateral(&[
        "render",
        "--out",
        &png.display().to_string(),
        "--width",
        "800",
        "--height",
        "450",
        "--scale",
        "2",
    ]);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run.stderr));
    assert_eq!(png_size(&png), (1600, 900));

    let svg = out(&dir, "budapest.svg");
    let run = minilateral(&[
        "render",
        &fixture_path(),
        "--out",
        &svg.display().to_string(),
        "--focus",
        "budapest",
        "--at",
        "2014-10",
        "--theme",
        "dark",
    ]);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run.stderr));
    let svg = std::fs::read_to_string(&svg).expect("the SVG exists");
    assert!(svg.contains(">October 2014</text>"));
    assert!(
        svg.contains(">Convention on Cybercrime</text>"),
        "default title: the body"
    );
    assert!(svg.contains(&Theme::Dark.palette().background.hex()));

    let regions = out(&dir, "regions.svg");
    let run = minilateral(&[
        "render",
        &fixture_path(),
        "--out",
        &regions.display().to_string(),
        "--layout",
        "regions",
        "--level",
        "signatory",
        "--no-legend",
        "--no-title",
        "--background",
        "transparent",
    ]);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run.stderr));
    let svg = std::fs::read_to_string(&regions).expect("the SVG exists");
    assert!(!svg.contains(r#"<g id="legend">"#));
    assert!(!svg.contains(r#"id="background""#));
    assert!(svg.contains("Signatory or more"));
}

#[test]
fn cli_errors_name_the_problem() {
    let dir = temp_dir();
    let png = out(&dir, "x.png").display().to_string();
    let unknown = minilateral(&["render", &fixture_path(), "--out", &png, "--focus", "nope"]);
    assert_eq!(unknown.status.code(), Some(2));
    let stderr = text(&unknown.stderr);
    assert!(stderr.contains("no body with id \"nope\""), "{stderr}");
    assert!(stderr.contains("budapest"), "lists known ids: {stderr}");

    let bad_date = minilateral(&["render", "--out", &png, "--at", "2014-13"]);
    assert_eq!(bad_date.status.code(), Some(2));
    assert!(
        text(&bad_date.stderr).contains("--at"),
        "{}",
        text(&bad_date.stderr)
    );

    let bad_from = minilateral(&["render", "--out", &png, "--from", "20x1"]);
    assert_eq!(bad_from.status.code(), Some(2));
    assert!(text(&bad_from.stderr).contains("--from"));

    let huge = minilateral(&["render", "--out", &png, "--width", "9000", "--scale", "2"]);
    assert_eq!(huge.status.code(), Some(2));
    assert!(
        text(&huge.stderr).contains("18000×2160"),
        "{}",
        text(&huge.stderr)
    );

    let jpeg = minilateral(&["render", "--out", &out(&dir, "x.jpg").display().to_string()]);
    assert_eq!(jpeg.status.code(), Some(2));
    assert!(text(&jpeg.stderr).contains(".png or .svg"));
    assert!(!Path::new(&png).exists(), "nothing written on errors");
}

#[test]
fn cli_sequence_writes_numbered_frames_and_a_gif() {
    let dir = temp_dir();
    let frames = out(&dir, "frames");
    let gif = out(&dir, "foc.gif");
    let run = minilateral(&[
        "render",
        &fixture_path(),
        "--focus",
        "foc",
        "--from",
        "2011",
        "--to",
        "2015",
        "--out",
        &frames.display().to_string(),
        "--gif",
        &gif.display().to_string(),
        "--delay-ms",
        "500",
        "--width",
        "640",
        "--height",
        "360",
    ]);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run.stderr));
    let mut names: Vec<String> = std::fs::read_dir(&frames)
        .expect("the folder exists")
        .map(|entry| {
            entry
                .expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "frame-0001.png",
            "frame-0002.png",
            "frame-0003.png",
            "frame-0004.png",
            "frame-0005.png"
        ]
    );
    assert_eq!(png_size(&frames.join("frame-0003.png")), (640, 360));

    let file = std::fs::File::open(&gif).expect("the GIF exists");
    let mut options = gif::DecodeOptions::new();
    options.set_color_output(gif::ColorOutput::RGBA);
    let mut decoder = options.read_info(file).expect("a valid GIF");
    assert_eq!((decoder.width(), decoder.height()), (640, 360));
    let mut count = 0;
    while let Some(frame) = decoder.read_next_frame().expect("a frame") {
        assert_eq!(frame.delay, 50);
        count += 1;
    }
    assert_eq!(count, 5);
}

#[test]
fn cli_focus_takes_one_value_so_a_file_may_follow() {
    let folder = tempfile::tempdir().expect("temp folder");
    let png = folder.path().join("acta.png").display().to_string();
    // The file after --focus is the dataset, not a second body id.
    let output = minilateral(&["render", "--focus", "acta", &fixture_path(), "--out", &png]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    // Several bodies: comma-separated.
    let both = folder.path().join("both.svg").display().to_string();
    let output = minilateral(&[
        "render",
        &fixture_path(),
        "--focus",
        "acta,foc",
        "--out",
        &both,
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let svg = std::fs::read_to_string(folder.path().join("both.svg")).expect("the SVG");
    assert!(
        svg.contains(">ACTA<") && svg.contains(">FOC<"),
        "both focused bodies are drawn"
    );
}

/// The overlap matrix at June 2018, drawn as a file would be.
fn matrix_picture(
    document: &Document,
    theme: Theme,
    max: usize,
) -> (minilateral::timeline::OverlapMatrix, render::MatrixPicture) {
    use minilateral::timeline::OverlapMatrix;
    let date = Month::new(2018, 6);
    let level = minilateral::model::Level::Party;
    let matrix = OverlapMatrix::at(&document.timeline, date.end(), level, &[], max);
    let options = render::MatrixPicture::file_options(document, theme);
    let picture = render::MatrixPicture::build(
        document,
        &matrix,
        &View {
            level,
            ..View::at(date)
        },
        &options,
    );
    (matrix, picture)
}

fn texts(layer: &render::Layer) -> Vec<(&str, [f32; 2], f32, f32)> {
    layer
        .shapes
        .iter()
        .filter_map(|shape| match shape {
            render::Shape::Text {
                text,
                position,
                size,
                rotation,
                ..
            } => Some((text.as_str(), *position, *size, *rotation)),
            _ => None,
        })
        .collect()
}

/// Every text of a picture lies inside it (column names are turned upwards).
fn assert_texts_inside(picture: &Picture) {
    for shape in picture.layers.iter().flat_map(|layer| &layer.shapes) {
        let render::Shape::Text {
            text,
            position,
            size,
            rotation,
            anchor,
            ..
        } = shape
        else {
            continue;
        };
        let width = render::text_width(text, *size);
        let (left, right, top) = if *rotation == 0.0 {
            let left = match anchor {
                render::Anchor::Start => position[0],
                render::Anchor::Middle => position[0] - width / 2.0,
                render::Anchor::End => position[0] - width,
            };
            (left, left + width, position[1] - size)
        } else {
            (position[0] - size, position[0], position[1] - width)
        };
        assert!(left >= 0.0 && top >= 0.0, "{text} is inside");
        assert!(right <= picture.width, "{text} is inside");
        assert!(position[1] <= picture.height, "{text} is inside");
    }
}

#[test]
fn the_overlap_matrix_picture_writes_each_pair_s_shared_members_in_its_cell() {
    let document = document();
    let (matrix, picture) = matrix_picture(&document, Theme::Light, usize::MAX);
    let n = matrix.order.len();
    assert!(
        n >= 3,
        "the fixture has several bodies with members in 2018"
    );
    assert_eq!(picture.order, matrix.order);
    let cells = picture.picture.layer("cells").expect("cells");
    assert_eq!(cells.shapes.len(), n * n);

    // Each number sits in its cell and says what the two bodies share.
    let numbers = texts(picture.picture.layer("numbers").expect("numbers"));
    let mut expected = 0;
    for (row, &a) in matrix.order.iter().enumerate() {
        for (column, &b) in matrix.order.iter().enumerate() {
            let shared = matrix.overlap.shared(a, b);
            let centre = [
                picture.cells.x + (column as f32 + 0.5) * picture.cell,
                picture.cells.y + (row as f32 + 0.5) * picture.cell,
            ];
            assert_eq!(picture.cell_at(centre), Some((row, column)));
            let found = numbers.iter().find(|(_, position, _, _)| {
                (position[0] - centre[0]).abs() < 0.01 && (position[1] - centre[1]).abs() < 8.0
            });
            if shared == 0 {
                assert!(found.is_none(), "an empty cell has no number");
            } else {
                expected += 1;
                let (text, ..) = found.expect("a number in a cell with shared members");
                assert_eq!(*text, shared.to_string());
            }
        }
    }
    assert_eq!(numbers.len(), expected);
    assert_eq!(
        picture.cell_at([picture.cells.x - 1.0, picture.cells.y]),
        None
    );
    let past = picture.cells.x + picture.cells.w + 1.0;
    assert_eq!(picture.cell_at([past, picture.cells.y + 1.0]), None);

    // Every body names a row (left of the cells) and a column (reading upwards above them).
    let names = texts(picture.picture.layer("names").expect("names"));
    assert_eq!(names.len(), 2 * n);
    for &body in &matrix.order {
        let name = document.node_label(NodeRef::Body(body));
        let rows: Vec<_> = names.iter().filter(|(text, ..)| *text == name).collect();
        assert_eq!(rows.len(), 2, "{name} names a row and a column");
        assert!(
            rows.iter()
                .any(|(_, p, _, r)| *r == 0.0 && p[0] < picture.cells.x)
        );
        assert!(
            rows.iter()
                .any(|(_, p, _, r)| *r == -90.0 && p[1] < picture.cells.y)
        );
    }

    // Nothing is drawn outside the picture, and the SVG turns the column names.
    assert_texts_inside(&picture.picture);
    let svg = render::to_svg(&picture.picture);
    assert!(svg.contains("transform=\"rotate(-90 "));
    let title = format!("{}: how the bodies overlap", document.title());
    assert!(svg.contains(&format!(">{title}<")), "the title is drawn");
    let png = render::to_png(&picture.picture, &PngOptions { scale: 2.0 }).expect("a PNG");
    assert!(!png.is_empty());
}

#[test]
fn the_overlap_matrix_keeps_the_largest_bodies_and_says_how_many_it_left_out() {
    let document = document();
    let (all, _) = matrix_picture(&document, Theme::Dark, usize::MAX);
    let (two, picture) = matrix_picture(&document, Theme::Dark, 2);
    assert_eq!(two.order.len(), 2);
    assert_eq!(two.left_out, all.order.len() - 2);
    let header = texts(picture.picture.layer("header").expect("a header"));
    let note = format!("{} smaller left out", all.order.len() - 2);
    assert!(
        header.iter().any(|(text, ..)| text.contains(&note)),
        "{header:?}"
    );
    // A matrix of one body with a short name keeps the scale's words inside the picture.
    let date = Month::new(2018, 6);
    let level = minilateral::model::Level::Party;
    let foc = body(&document, "foc");
    let one = minilateral::timeline::OverlapMatrix::at(
        &document.timeline,
        date.end(),
        level,
        &[foc],
        usize::MAX,
    );
    let options = render::MatrixPicture::file_options(&document, Theme::Light);
    let narrow = render::MatrixPicture::build(
        &document,
        &one,
        &View {
            level,
            ..View::at(date)
        },
        &options,
    );
    assert_eq!(narrow.order, vec![foc]);
    assert_texts_inside(&narrow.picture);
    // The dark theme's background is behind the picture.
    assert_eq!(
        picture.picture.background,
        Some(Theme::Dark.palette().background)
    );
}

#[test]
fn cli_draws_the_overlap_matrix_with_no_display() {
    let dir = temp_dir();
    let fixture = fixture_path();
    let draw = |path: &Path, more: &[&str]| {
        let path = path.display().to_string();
        let mut args = vec!["overlap", &fixture, "--at", "2018-06", "--out"];
        args.push(&path);
        args.extend_from_slice(more);
        let output = minilateral(&args);
        assert!(output.status.success(), "{}", text(&output.stderr));
    };
    let svg = out(&dir, "overlap.svg");
    draw(&svg, &[]);
    let drawing = std::fs::read_to_string(&svg).expect("the SVG");
    assert!(drawing.contains(">FOC<") && drawing.contains(">ACTA<"));
    assert!(drawing.contains("Members shared, June 2018"));

    let png = out(&dir, "overlap.png");
    draw(&png, &["--scale", "1"]);
    let (width, height) = png_size(&png);
    let (_, picture) = matrix_picture(&document(), Theme::Light, usize::MAX);
    assert_eq!(
        (width, height),
        (picture.picture.width as u32, picture.picture.height as u32)
    );

    let wrong = minilateral(&[
        "overlap",
        &fixture_path(),
        "--out",
        &out(&dir, "overlap.txt").display().to_string(),
    ]);
    assert_eq!(wrong.status.code(), Some(2));
    assert!(text(&wrong.stderr).contains("must end in .png or .svg"));
    let one_body = minilateral(&["overlap", &fixture_path(), "acta", "--out", "x.svg"]);
    assert_eq!(one_body.status.code(), Some(2));
}

#[test]
fn cli_lens_draws_clubs_only() {
    let dir = temp_dir();
    let draw = |name: &str, extra: &[&str]| {
        let path = out(&dir, name);
        let mut args = vec!["render", "--at", "2014-10", "--out"];
        let shown = path.display().to_string();
        args.push(&shown);
        args.extend_from_slice(extra);
        let run = minilateral(&args);
        assert_eq!(run.status.code(), Some(0), "{}", text(&run.stderr));
        std::fs::read_to_string(&path).expect("the SVG exists")
    };
    let all = draw("all.svg", &[]);
    let clubs = draw("clubs.svg", &["--max-members", "40"]);
    for universal in [">UN<", ">WIPO<"] {
        assert!(
            all.contains(universal),
            "{universal} drawn without the lens"
        );
        assert!(!clubs.contains(universal), "{universal} hidden by the lens");
    }
    assert!(clubs.contains(">FOC<"), "a club stays");
    let run = minilateral(&["render", "--max-members", "0", "--out", "x.svg"]);
    assert_eq!(run.status.code(), Some(2), "{}", text(&run.stderr));
}

#[test]
fn the_map_svg_matches_the_golden_file() {
    // The small fixture on a small map, June 2013 stepped from June 2012: the FOC's members
    // filled, Australia and Japan outlined as joiners.
    let document = document();
    let mut view = state(&document);
    view.kind = minilateral::scene::ViewKind::Map;
    view.selection = Some(minilateral::scene::Selection::Body(body(&document, "foc")));
    let options = RenderOptions {
        width: 480,
        height: 270,
        ..options(&document)
    };
    let picture = render::picture_of_view(&document, &view, &positions(&document), &options);
    let svg = render::to_svg(&picture);
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/render/map-small.svg");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&golden, &svg).expect("the golden file is written");
    }
    let expected = std::fs::read_to_string(&golden)
        .expect("the golden file exists (run with UPDATE_GOLDEN=1 to write it)");
    assert!(
        svg == expected,
        "the map SVG differs from {}; look at it and rerun with UPDATE_GOLDEN=1 if the change \
         is meant",
        golden.display()
    );
    let joined = Theme::Light.palette().joined.hex();
    assert!(
        svg.contains(&format!(r#"stroke="{joined}""#)),
        "joiners are outlined"
    );
    assert!(svg.contains(r#"fill-rule="evenodd""#));
}

#[test]
fn cli_draws_the_map_of_a_body_with_no_display() {
    let dir = temp_dir();
    let svg = out(&dir, "budapest-map.svg");
    let run = minilateral(&[
        "render",
        "--view",
        "map",
        "--focus",
        "budapest",
        "--at",
        "2014-10",
        "--out",
        &svg.display().to_string(),
    ]);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run.stderr));
    let svg = std::fs::read_to_string(&svg).expect("the SVG exists");
    assert!(svg.contains(">October 2014</text>"));
    assert!(
        svg.contains(">Not a member</text>"),
        "the legend explains the grey"
    );
    assert!(svg.contains(r#"<g id="countries">"#));
    let party = minilateral::style::map_status_colour(minilateral::model::Status::InForce).hex();
    assert!(svg.contains(&party), "parties are filled");

    let png = out(&dir, "shaded.png");
    let run = minilateral(&[
        "render",
        "--view",
        "map",
        "--out",
        &png.display().to_string(),
    ]);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run.stderr));
    assert_eq!(png_size(&png), (1920, 1080));
}

#[test]
fn small_multiples_put_each_date_in_its_panel_with_one_legend() {
    let dir = temp_dir();
    let svg = out(&dir, "foc-compare.svg");
    let run = minilateral(&[
        "render",
        &fixture_path(),
        "--focus",
        "foc",
        "--at",
        "2011,2013",
        "--at",
        "2015",
        "--out",
        &svg.display().to_string(),
    ]);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run.stderr));
    let svg = std::fs::read_to_string(&svg).expect("the SVG exists");
    for year in ["2011", "2013", "2015"] {
        assert_eq!(
            svg.matches(&format!(">{year}</text>")).count(),
            1,
            "one panel dated {year}"
        );
    }
    assert_eq!(svg.matches(r#"<g id="legend">"#).count(), 1, "one legend");
    assert_eq!(svg.matches(r#"<g id="panel">"#).count(), 3, "three panels");

    // Each panel carries its own date, in order, and rings who joined since the one before.
    let document = document();
    let months: Vec<Month> = [2011, 2013, 2015].map(|y| Month::new(y, 12)).to_vec();
    let view = state(&document);
    let views = render::compare_views(&view, &months);
    assert_eq!(
        views[1].previous_date, months[0],
        "rings say who joined since the panel before"
    );
    let picture = render::compare_picture(
        &document,
        &views,
        &positions(&document),
        &options(&document),
    );
    let dates: Vec<&str> = picture
        .layers
        .iter()
        .filter(|layer| layer.name == "panel")
        .filter_map(|layer| {
            layer.shapes.iter().find_map(|shape| match shape {
                render::Shape::Text { text, .. } if text.starts_with("December") => {
                    Some(text.as_str())
                }
                _ => None,
            })
        })
        .collect();
    assert_eq!(dates, ["December 2011", "December 2013", "December 2015"]);
    let run = minilateral(&[
        "render",
        "--at",
        "2001,2002,2003,2004,2005,2006,2007,2008,2009,2010,2011,2012,2013",
        "--out",
        &out(&dir, "too-many.svg").display().to_string(),
    ]);
    assert_eq!(run.status.code(), Some(2), "{}", text(&run.stderr));
}

#[test]
fn the_table_view_exports_as_the_network() {
    // The table is not drawn as a picture: the export window, sequences and the CLI draw
    // the network of the same view.
    let document = document();
    let network = state(&document);
    let mut table = network.clone();
    table.kind = minilateral::scene::ViewKind::Table;
    let options = options(&document);
    let positions = positions(&document);
    let as_network = render::picture_of_view(&document, &network, &positions, &options);
    let as_table = render::picture_of_view(&document, &table, &positions, &options);
    assert_eq!(render::to_svg(&as_table), render::to_svg(&as_network));
}

/// The `<line>` elements of one layer of an SVG.
fn lines_in_layer(svg: &str, layer: &str) -> usize {
    let start = format!(r#"<g id="{layer}">"#);
    svg.split_once(&start)
        .and_then(|(_, rest)| rest.split_once("</g>"))
        .map_or(0, |(group, _)| group.matches("<line ").count())
}

#[test]
fn cli_draws_the_coalition_network_with_no_display() {
    let dir = temp_dir();
    let draw = |name: &str, extra: &[&str]| {
        let path = out(&dir, name);
        let shown = path.display().to_string();
        let mut args = vec!["render", "--view", "coalitions", "--at", "2020-06", "--out"];
        args.push(&shown);
        args.extend_from_slice(extra);
        let run = minilateral(&args);
        assert_eq!(run.status.code(), Some(0), "{}", text(&run.stderr));
        std::fs::read_to_string(&path).expect("the SVG exists")
    };
    let svg = draw("coalitions.svg", &[]);
    assert!(svg.contains(">June 2020</text>"));
    for label in [
        ">UN</text>",
        ">FOC</text>",
        ">Budapest Convention</text>",
        ">OECD</text>",
    ] {
        assert!(svg.contains(label), "{label} is labelled");
    }
    assert!(svg.contains(r#"<g id="ties">"#));
    let ties = lines_in_layer(&svg, "ties");
    assert!(ties > 10, "ties are drawn: {ties}");
    assert!(
        svg.contains(">Ties: shared members</text>"),
        "the legend explains the widths"
    );
    // States are not drawn: this is the network of bodies.
    assert!(!svg.contains(">France</text>"));

    let loose = lines_in_layer(&draw("loose.svg", &["--min-similarity", "0"]), "ties");
    let strict = lines_in_layer(&draw("strict.svg", &["--min-similarity", "60"]), "ties");
    assert!(loose > ties && ties > strict, "{loose} > {ties} > {strict}");
    let clubs = draw("clubs.svg", &["--max-members", "40"]);
    assert!(!clubs.contains(">UN</text>"), "the lens hides the UN");
    assert!(clubs.contains(">FOC</text>"), "a club stays");

    let png = out(&dir, "dark.png");
    let run = minilateral(&[
        "render",
        "--view",
        "coalitions",
        "--theme",
        "dark",
        "--focus",
        "budapest",
        "--out",
        &png.display().to_string(),
    ]);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run.stderr));
    assert_eq!(png_size(&png), (1920, 1080));
    let run = minilateral(&[
        "render",
        "--view",
        "coalitions",
        "--min-similarity",
        "101",
        "--out",
        "x.svg",
    ]);
    assert_eq!(run.status.code(), Some(2), "{}", text(&run.stderr));
}

#[test]
fn a_focused_body_with_an_incomplete_list_says_how_much_is_identified() {
    let (dataset, _) = minilateral::io::read_native_str(minilateral::SAMPLE_DATASET_JSON, "sample")
        .expect("the sample is valid");
    let document = Document::new(dataset, "sample".into(), String::new());
    let mut view = document.initial_view();
    view.date = Month::new(2014, 10);
    let mut options = options(&document);
    options.focus = vec![body(&document, "budapest")];
    let picture = Picture::build(&document, &view, &positions(&document), &options);
    let svg = render::to_svg(&picture);
    assert!(
        svg.contains("41 of 43 parties identified"),
        "the header notes the reported count"
    );
    options.focus = vec![body(&document, "foc")];
    let picture = Picture::build(&document, &view, &positions(&document), &options);
    assert!(
        !render::to_svg(&picture).contains("identified"),
        "no note where no count is reported"
    );
}
