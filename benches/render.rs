//! Cost of pictures of the built-in sample (release build): one 1920×1080 picture to PNG
//! (target < 0.5 s) and to SVG, and a 20-frame animated GIF at 1920×1080 (year by year
//! 2006–2025, shared camera, frames quantised with the `gif` crate); the overlap matrix's
//! picture, which the app's window rebuilds at every date while the timeline plays
//! (target < 8 ms, half a frame at 60 Hz), and its PNG at twice the size; the map and the
//! coalition network at 1920×1080 (picture and PNG), and the coalition layout, computed once
//! per dataset; a 60-frame 1920×1080 MP4 video (five years, 0.4 s each at 30 frames per
//! second, each dissolving into the next; target < 15 s).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use minilateral::document::Document;
use minilateral::model::Month;
use minilateral::render::{
    self, GifWriter, MatrixPicture, Picture, PngOptions, RenderOptions, Sequence, Step,
    VideoOptions, sequence_months,
};
use minilateral::scene::View;
use minilateral::style::Theme;
use minilateral::timeline::{MATRIX_MAX_BODIES, OverlapMatrix};

fn render_benches(c: &mut Criterion) {
    let Ok((dataset, _)) =
        minilateral::io::read_native_str(minilateral::SAMPLE_DATASET_JSON, "sample")
    else {
        return;
    };
    let document = Document::new(dataset, "sample".into(), String::new());
    let state = document.initial_view();
    let positions = Document::compute_layout(document.layout_request());
    let options = RenderOptions {
        title: Some(document.title().to_owned()),
        source: Some(render::source_line(&document)),
        ..RenderOptions::default()
    };
    let png = PngOptions::default();

    let mut group = c.benchmark_group("render");
    group.sample_size(10);
    group.bench_function("sample_1920x1080_picture", |b| {
        b.iter(|| Picture::build(&document, black_box(&state), &positions, &options))
    });
    group.bench_function("sample_1920x1080_svg", |b| {
        b.iter(|| {
            let picture = Picture::build(&document, black_box(&state), &positions, &options);
            render::to_svg(&picture).len()
        })
    });
    group.bench_function("sample_1920x1080_png", |b| {
        b.iter(|| {
            let picture = Picture::build(&document, black_box(&state), &positions, &options);
            render::to_png(&picture, &png).map(|bytes| bytes.len())
        })
    });
    let level = state.level;
    let matrix_picture = || {
        let matrix = OverlapMatrix::at(
            &document.timeline,
            state.date.end(),
            level,
            &[],
            MATRIX_MAX_BODIES,
        );
        let options = MatrixPicture::file_options(&document, Theme::Light);
        MatrixPicture::build(
            &document,
            &matrix,
            &View {
                level,
                ..state.clone()
            },
            &options,
        )
    };
    group.bench_function("sample_overlap_matrix_picture", |b| {
        b.iter(|| black_box(matrix_picture()).order.len())
    });
    // The map of the Budapest Convention at 1920×1080 (target < 0.5 s as a PNG).
    let mut map_view = state.clone();
    map_view.kind = minilateral::scene::ViewKind::Map;
    map_view.selection = document
        .timeline
        .body_ix("budapest")
        .map(minilateral::scene::Selection::Body);
    group.bench_function("sample_map_picture", |b| {
        b.iter(|| render::picture_of_view(&document, black_box(&map_view), &positions, &options))
    });
    group.bench_function("sample_map_png", |b| {
        b.iter(|| {
            let picture = render::picture_of_view(&document, &map_view, &positions, &options);
            render::to_png(&picture, &png).map(|bytes| bytes.len())
        })
    });
    // The coalition network at 1920×1080: the picture the app's coalition view rebuilds at
    // every date while the timeline plays, and its PNG. The layout is computed once per
    // dataset (first here, outside the timing), then reused.
    let mut coalition_view = state.clone();
    coalition_view.kind = minilateral::scene::ViewKind::Coalitions;
    let _ = document.coalition_positions();
    group.bench_function("sample_coalitions_picture", |b| {
        b.iter(|| {
            render::picture_of_view(&document, black_box(&coalition_view), &positions, &options)
        })
    });
    group.bench_function("sample_coalitions_png", |b| {
        b.iter(|| {
            let picture = render::picture_of_view(&document, &coalition_view, &positions, &options);
            render::to_png(&picture, &png).map(|bytes| bytes.len())
        })
    });
    group.bench_function("sample_coalition_layout", |b| {
        b.iter(|| minilateral::scene::coalitions::coalition_layout(black_box(&document.timeline)))
    });
    group.bench_function("sample_overlap_matrix_png_x2", |b| {
        b.iter(|| {
            render::to_png(&matrix_picture().picture, &PngOptions { scale: 2.0 })
                .map(|bytes| bytes.len())
        })
    });
    group.finish();

    let months = sequence_months(Month::new(2006, 12), Month::new(2025, 12), Step::Year);
    let mut group = c.benchmark_group("sequence");
    group.sample_size(10);
    group.bench_function("sample_20_frame_gif_1920x1080", |b| {
        b.iter(|| -> Result<usize, render::RenderError> {
            let sequence =
                Sequence::plan(&document, &state, &positions, &options, &months, Step::Year);
            let mut gif = GifWriter::new(Vec::new(), options.width, options.height, 800)?;
            for index in 0..sequence.len() {
                if let Some(picture) = sequence.picture(&document, &positions, index) {
                    gif.add(&render::to_raster(&picture, &png)?)?;
                }
            }
            Ok(gif.finish()?.len())
        })
    });
    let video_months = sequence_months(Month::new(2011, 12), Month::new(2015, 12), Step::Year);
    let video = VideoOptions {
        fps: 30,
        seconds_per_step: 0.4,
    };
    group.bench_function("sample_60_frame_mp4_1920x1080", |b| {
        b.iter(|| -> Result<usize, render::RenderError> {
            let sequence = Sequence::plan(
                &document,
                &state,
                &positions,
                &options.for_video(),
                &video_months,
                Step::Year,
            );
            let (bytes, summary) = render::encode_video(
                &document,
                &positions,
                &sequence,
                &png,
                &video,
                std::io::Cursor::new(Vec::new()),
                |_| std::ops::ControlFlow::Continue(()),
            )?;
            assert_eq!(summary.frames, 60);
            Ok(bytes.into_inner().len())
        })
    });
    group.finish();
}

criterion_group!(benches, render_benches);
criterion_main!(benches);
