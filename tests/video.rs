//! Videos: `minilateral render --mp4` run as a user would, its MP4 read back with another
//! crate's reader (the `mp4` crate: codec, size, frame count, duration, keyframes) and its
//! H.264 decoded back to pictures (OpenH264's decoder); a dissolve, not a cut, between
//! steps; a cancelled video leaves nothing; errors name the problem.
#![expect(clippy::expect_used, reason = "test helpers fail loudly with a reason")]

use std::io::Cursor;
use std::ops::ControlFlow;
use std::path::Path;

use minilateral::document::Document;
use minilateral::model::Month;
use minilateral::render::{self, PngOptions, RenderOptions, Sequence, Step, VideoOptions};

#[path = "common/run.rs"]
mod run;
use run::{minilateral, text};

const FIXTURE: &str = include_str!("fixtures/ui/small.json");

fn fixture_path() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/ui/small.json")
        .display()
        .to_string()
}

/// What the MP4 says of its one track.
#[derive(Debug)]
struct Track {
    codec: String,
    width: u16,
    height: u16,
    frames: u32,
    timescale: u32,
    duration_ms: u128,
    fps: f64,
    keyframes: Vec<u32>,
    /// Each sample as an Annex B stream (start codes), the first with the parameter sets.
    annex_b: Vec<Vec<u8>>,
}

/// Reads an MP4 file with the `mp4` crate.
fn read_mp4(bytes: &[u8]) -> Track {
    let mut reader = mp4::Mp4Reader::read_header(Cursor::new(bytes), bytes.len() as u64)
        .expect("an MP4 the mp4 crate reads");
    let brands: Vec<String> = reader
        .compatible_brands()
        .iter()
        .map(|brand| brand.to_string())
        .collect();
    assert!(brands.iter().any(|b| b == "avc1"), "{brands:?}");
    let tracks: Vec<&mp4::Mp4Track> = reader.tracks().values().collect();
    assert_eq!(tracks.len(), 1, "one track");
    let track = tracks[0];
    assert_eq!(
        track.media_type().expect("a media type"),
        mp4::MediaType::H264
    );
    let start_code = [0_u8, 0, 0, 1];
    let parameter_sets = [
        &start_code[..],
        track.sequence_parameter_set().expect("an SPS"),
        &start_code,
        track.picture_parameter_set().expect("a PPS"),
    ]
    .concat();
    let (id, frames) = (track.track_id(), track.sample_count());
    let mut info = Track {
        codec: track.box_type().expect("a sample entry").to_string(),
        width: track.width(),
        height: track.height(),
        frames,
        timescale: track.timescale(),
        duration_ms: track.duration().as_millis(),
        fps: track.frame_rate(),
        keyframes: Vec::new(),
        annex_b: Vec::new(),
    };
    for number in 1..=frames {
        let sample = reader
            .read_sample(id, number)
            .expect("a readable sample")
            .expect("a sample");
        if sample.is_sync {
            info.keyframes.push(number);
        }
        let mut stream = if number == 1 {
            parameter_sets.clone()
        } else {
            Vec::new()
        };
        let mut rest: &[u8] = &sample.bytes;
        while rest.len() >= 4 {
            let length = u32::from_be_bytes([rest[0], rest[1], rest[2], rest[3]]) as usize;
            let nal = rest.get(4..4 + length).expect("a whole NAL unit");
            stream.extend_from_slice(&start_code);
            stream.extend_from_slice(nal);
            rest = &rest[4 + length..];
        }
        assert!(rest.is_empty(), "samples are length-prefixed NAL units");
        info.annex_b.push(stream);
    }
    info
}

/// Decodes every frame to RGB with OpenH264's decoder.
fn decode(track: &Track) -> Vec<Vec<u8>> {
    let mut decoder = openh264::decoder::Decoder::new().expect("a decoder");
    let (width, height) = (usize::from(track.width), usize::from(track.height));
    let mut frames = Vec::new();
    for sample in &track.annex_b {
        let picture = decoder.decode(sample).expect("a decodable frame");
        if let Some(picture) = picture {
            use openh264::formats::YUVSource;
            assert_eq!(picture.dimensions(), (width, height));
            let mut rgb = vec![0; width * height * 3];
            picture.write_rgb8(&mut rgb);
            frames.push(rgb);
        }
    }
    for picture in decoder.flush_remaining().expect("the last frames") {
        let mut rgb = vec![0; width * height * 3];
        picture.write_rgb8(&mut rgb);
        frames.push(rgb);
    }
    frames
}

/// Where the `moov` and `mdat` boxes start.
fn top_boxes(bytes: &[u8]) -> Vec<(String, usize)> {
    let mut at = 0;
    let mut boxes = Vec::new();
    while at + 8 <= bytes.len() {
        let size = u32::from_be_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]);
        boxes.push((
            String::from_utf8_lossy(&bytes[at + 4..at + 8]).into_owned(),
            at,
        ));
        at += size as usize;
    }
    boxes
}

#[test]
fn cli_writes_an_h264_mp4_of_the_asked_size_and_length() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mp4 = dir.path().join("acta.mp4");
    let run = minilateral(&[
        "render",
        &fixture_path(),
        "--from",
        "2011",
        "--to",
        "2012",
        "--width",
        "640",
        "--height",
        "360",
        "--scale",
        "0.5",
        "--fps",
        "10",
        "--seconds-per-step",
        "0.6",
        "--mp4",
        &mp4.display().to_string(),
    ]);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run.stderr));
    let said = text(&run.stderr);
    assert!(
        said.contains("acta.mp4 (12 frames, 320×180, 1.2 s)"),
        "{said}"
    );
    assert!(
        !said.contains("OpenH264"),
        "the encoder keeps quiet: {said}"
    );
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .expect("the folder")
        .filter_map(Result::ok)
        .map(|entry| entry.file_name())
        .collect();
    assert_eq!(names, ["acta.mp4"], "no frames, no temporary file");

    let bytes = std::fs::read(&mp4).expect("the video");
    let order: Vec<String> = top_boxes(&bytes)
        .into_iter()
        .map(|(name, _)| name)
        .collect();
    assert_eq!(order, ["ftyp", "moov", "free", "mdat"], "fast start");
    let track = read_mp4(&bytes);
    assert_eq!(track.codec, "avc1");
    assert_eq!((track.width, track.height), (320, 180));
    assert_eq!(track.frames, 12, "2 steps of 0.6 s at 10 frames per second");
    assert_eq!(track.duration_ms, 1_200);
    assert_eq!(track.fps, 10.0);
    assert_eq!(track.timescale % 10, 0, "a whole number of units per frame");
    assert_eq!(track.keyframes.first(), Some(&1), "it starts on a keyframe");

    // The stream decodes to every frame, on the light theme's background.
    let frames = decode(&track);
    assert_eq!(frames.len(), 12);
    let background = minilateral::style::Theme::Light.palette().background;
    let corner = &frames[0][(5 * 320 + 5) * 3..(5 * 320 + 5) * 3 + 3];
    for (got, want) in corner
        .iter()
        .zip([background.r, background.g, background.b])
    {
        assert!(
            got.abs_diff(want) <= 4,
            "the corner is the background: {corner:?}"
        );
    }
}

/// Mean absolute difference of two RGB frames.
fn difference(a: &[u8], b: &[u8]) -> f64 {
    let sum: u64 = a
        .iter()
        .zip(b)
        .map(|(x, y)| u64::from(x.abs_diff(*y)))
        .sum();
    sum as f64 / a.len() as f64
}

fn document() -> Document {
    let (dataset, report) =
        minilateral::io::read_native_str(FIXTURE, "small.json").expect("the fixture is valid");
    Document::new(dataset, "small.json".into(), report.summary())
}

/// A two-step video (2012, then 2013, when Australia and Japan joined ACTA) at 480×270.
fn two_steps(document: &Document, positions: &[[f32; 2]]) -> Sequence {
    let view = document.initial_view();
    let options = RenderOptions {
        width: 480,
        height: 270,
        title: Some("ACTA".into()),
        ..RenderOptions::default()
    }
    .for_video();
    let months = [Month::new(2012, 12), Month::new(2013, 12)];
    Sequence::plan(document, &view, positions, &options, &months, Step::Year)
}

#[test]
fn steps_dissolve_into_each_other_instead_of_cutting() {
    let document = document();
    let positions = Document::compute_layout(document.layout_request());
    let sequence = two_steps(&document, &positions);
    let video = VideoOptions {
        fps: 20,
        seconds_per_step: 1.0,
    };
    let (bytes, summary) = render::encode_video(
        &document,
        &positions,
        &sequence,
        &PngOptions::default(),
        &video,
        Cursor::new(Vec::new()),
        |_| ControlFlow::Continue(()),
    )
    .expect("a video");
    assert_eq!(summary.frames, 40);
    let frames = decode(&read_mp4(&bytes.into_inner()));
    assert_eq!(frames.len(), 40);

    // The first step holds still; the second changes over its first frames, a little at
    // a time, then holds.
    let change = |i: usize| difference(&frames[i - 1], &frames[i]);
    let whole = difference(&frames[19], &frames[39]);
    assert!(whole > 0.1, "the two steps differ: {whole}");
    assert!((1..20).all(|i| change(i) < whole * 0.05), "step one holds");
    let transition = video.transition_frames();
    assert_eq!(transition, 10);
    let moving = (20..20 + transition)
        .filter(|&i| change(i) > whole * 0.02)
        .count();
    assert!(
        moving >= transition / 2,
        "a dissolve over several frames: {moving} of {transition}"
    );
    let largest = (20..40).map(change).fold(0.0, f64::max);
    assert!(
        largest < whole * 0.5,
        "no frame does most of the change: {largest} of {whole}"
    );
    assert!(
        (20 + transition + 1..40).all(|i| change(i) < whole * 0.05),
        "then it holds"
    );
}

#[test]
fn a_cancelled_video_leaves_no_file() {
    let document = document();
    let positions = Document::compute_layout(document.layout_request());
    let sequence = two_steps(&document, &positions);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("stopped.mp4");
    std::fs::write(&path, b"an older video").expect("a file to keep");
    let mut seen = 0;
    let result = render::write_video(
        &document,
        &positions,
        &sequence,
        &path,
        &PngOptions::default(),
        &VideoOptions::default(),
        |done| {
            seen = done;
            if done == 3 {
                ControlFlow::Break(())
            } else {
                ControlFlow::Continue(())
            }
        },
    );
    assert!(
        matches!(result, Err(render::RenderError::Cancelled)),
        "{result:?}"
    );
    assert_eq!(seen, 3, "no frame after the answer");
    assert_eq!(
        std::fs::read(&path).expect("the older file"),
        b"an older video",
        "what was there stays"
    );
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .expect("the folder")
        .filter_map(Result::ok)
        .collect();
    assert_eq!(names.len(), 1, "no temporary file is left");
}

#[test]
fn cli_video_errors_name_the_problem() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mp4 = dir.path().join("x.mp4").display().to_string();
    let no_range = minilateral(&["render", "--mp4", &mp4]);
    assert_eq!(no_range.status.code(), Some(2));
    assert!(
        text(&no_range.stderr).contains("--from"),
        "{}",
        text(&no_range.stderr)
    );

    let too_large = minilateral(&[
        "render", "--from", "2011", "--width", "3508", "--height", "2480", "--mp4", &mp4,
    ]);
    assert_eq!(too_large.status.code(), Some(2));
    let said = text(&too_large.stderr);
    assert!(
        said.contains("3840") && said.contains("--scale 0.87"),
        "{said}"
    );

    let no_time = minilateral(&[
        "render",
        "--from",
        "2011",
        "--seconds-per-step",
        "0",
        "--mp4",
        &mp4,
    ]);
    assert_eq!(no_time.status.code(), Some(2));
    assert!(
        text(&no_time.stderr).contains("seconds"),
        "{}",
        text(&no_time.stderr)
    );

    let gif_alone = minilateral(&["render", "--from", "2011", "--gif", "x.gif", "--mp4", &mp4]);
    assert_eq!(gif_alone.status.code(), Some(2));
    assert!(
        text(&gif_alone.stderr).contains("--out"),
        "{}",
        text(&gif_alone.stderr)
    );
    assert!(!Path::new(&mp4).exists());
}
