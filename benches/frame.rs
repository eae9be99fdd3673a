//! CPU cost of one frame of the whole app (headless egui step: layout of every panel, the
//! network view and the accessibility tree, then the tessellation of what it painted, as
//! eframe does before the GPU; no GPU), with everything visible:
//! the built-in sample (target ≤ 1 ms in release) and synthetic networks of about 2,000,
//! 5,000 (target ≤ 8 ms) and 20,000 nodes (target ≤ 16 ms). The edges are one mesh, nodes
//! off screen are skipped.
//!
//! `live`: the pointer moves over the network every frame, so the graph view runs: hover
//! and hit testing, the labels placed again (the edge and node meshes are reused while the
//! view stays still). `panning`: the view is dragged a point every frame (middle button),
//! so every visible edge and node is drawn again too. `idle`: no input, so the canvas
//! repaints its last picture (what a window costs while the user reads it). `sample_map/live`: the map view of the
//! sample with the pointer moving over it (target < 2 ms). `sample_table/live`: the table
//! view of the sample (207 × 36 cells, those in view made into widgets with their
//! accessible labels) with the pointer moving over the cells. `sample_coalitions/live`: the
//! coalition view likewise; `sample_coalitions/playing`: the coalition view stepping a month
//! every frame, so its picture is rebuilt each time.

use criterion::{Criterion, criterion_group, criterion_main};
use egui_kittest::Harness;
use minilateral::app::MinilateralApp;
use minilateral::document::Document;
use minilateral::model::Dataset;
use minilateral::state::{Command, Prefs, ViewKind};

fn harness(dataset: Dataset) -> Harness<'static, MinilateralApp> {
    let document = Document::new(dataset, "bench".into(), String::new());
    let app = MinilateralApp::new(document, Prefs::default());
    let mut harness = Harness::builder()
        .with_size([1600.0, 1000.0])
        .build_ui_state(|ui, app: &mut MinilateralApp| app.ui(ui), app);
    harness.run_steps(5);
    harness
}

/// One frame: the app's step, then the tessellation of its shapes (the output is copied
/// for that: a little more work than eframe, which hands the shapes over).
fn frame(harness: &mut Harness<'static, MinilateralApp>) {
    harness.run_steps(1);
    let shapes = harness.output().shapes.clone();
    let pixels_per_point = harness.ctx.pixels_per_point();
    std::hint::black_box(harness.ctx.tessellate(shapes, pixels_per_point));
}

fn frame_benches(c: &mut Criterion) {
    let sample = minilateral::io::read_native_str(minilateral::SAMPLE_DATASET_JSON, "sample")
        .map(|(dataset, _)| dataset)
        .unwrap_or_default();
    let cases = [
        ("sample", sample),
        (
            "synthetic_2000_nodes",
            minilateral::synthetic::generate(1_600, 400, 16_000, 3),
        ),
        (
            "synthetic_5000_nodes",
            minilateral::synthetic::generate(4_000, 1_000, 40_000, 5),
        ),
        (
            "synthetic_20000_nodes",
            minilateral::synthetic::generate(16_000, 4_000, 160_000, 7),
        ),
    ];
    let mut group = c.benchmark_group("frame");
    group.sample_size(10);
    for (name, dataset) in cases {
        let mut harness = harness(dataset);
        let mut x = 0.0_f32;
        group.bench_function(format!("{name}/live"), |b| {
            b.iter(|| {
                // Wiggle the pointer over the middle of the network (no node there to hover
                // for long).
                x = if x > 0.5 { 0.0 } else { 1.0 };
                harness.hover_at(egui::Pos2::new(700.0 + x, 40.0));
                frame(&mut harness);
            });
        });
        group.bench_function(format!("{name}/idle"), |b| b.iter(|| frame(&mut harness)));
        // Hold the middle button over the network and move a point each frame.
        let grab = egui::Pos2::new(700.0, 400.0);
        harness.hover_at(grab);
        harness.event(egui::Event::PointerButton {
            pos: grab,
            button: egui::PointerButton::Middle,
            pressed: true,
            modifiers: egui::Modifiers::NONE,
        });
        harness.run_steps(1);
        // Past the click distance: from now on a drag.
        let grab = grab + egui::Vec2::new(20.0, 0.0);
        harness.hover_at(grab);
        harness.run_steps(1);
        let mut step = 0_u32;
        group.bench_function(format!("{name}/panning"), |b| {
            b.iter(|| {
                // Back and forth, two points at a time, so the view stays where it was.
                step += 1;
                let x = if step.is_multiple_of(2) { 0.0 } else { 2.0 };
                harness.hover_at(grab + egui::Vec2::new(x, 0.0));
                frame(&mut harness);
            });
        });
        harness.event(egui::Event::PointerButton {
            pos: grab,
            button: egui::PointerButton::Middle,
            pressed: false,
            modifiers: egui::Modifiers::NONE,
        });
        harness.run_steps(1);
    }
    // The map view of the sample: the pointer moves over the map every frame (hover and hit
    // testing run; the map's shapes are reused while the view stays the same).
    if let Ok((sample, _)) =
        minilateral::io::read_native_str(minilateral::SAMPLE_DATASET_JSON, "sample")
    {
        let mut harness = harness(sample);
        harness
            .state_mut()
            .push_command(Command::ShowView(ViewKind::Map));
        harness.run_steps(3);
        let mut x = 0.0_f32;
        group.bench_function("sample_map/live", |b| {
            b.iter(|| {
                x = if x > 0.5 { 0.0 } else { 1.0 };
                harness.hover_at(egui::Pos2::new(700.0 + x, 400.0));
                frame(&mut harness);
            });
        });
        harness
            .state_mut()
            .push_command(Command::ShowView(ViewKind::Table));
        harness.run_steps(3);
        group.bench_function("sample_table/live", |b| {
            b.iter(|| {
                // From one cell to the next, so the hover and the tooltip change.
                x = if x > 0.5 { 0.0 } else { 1.0 };
                harness.hover_at(egui::Pos2::new(600.0 + 80.0 * x, 300.0));
                frame(&mut harness);
            });
        });
    }
    // The coalition view of the sample, the same way: hover and hit testing run every
    // frame, the picture's shapes are reused while the view stays the same.
    if let Ok((sample, _)) =
        minilateral::io::read_native_str(minilateral::SAMPLE_DATASET_JSON, "sample")
    {
        let mut harness = harness(sample);
        harness
            .state_mut()
            .push_command(Command::ShowView(ViewKind::Coalitions));
        harness.run_steps(3);
        let mut x = 0.0_f32;
        group.bench_function("sample_coalitions/live", |b| {
            b.iter(|| {
                x = if x > 0.5 { 0.0 } else { 1.0 };
                harness.hover_at(egui::Pos2::new(700.0 + x, 400.0));
                frame(&mut harness);
            });
        });
        // A step of the timeline every frame: the picture is rebuilt each time (what
        // playing costs).
        let mut forward = true;
        group.bench_function("sample_coalitions/playing", |b| {
            b.iter(|| {
                forward = !forward;
                harness
                    .state_mut()
                    .push_command(Command::StepMonths(if forward { 1 } else { -1 }));
                frame(&mut harness);
            });
        });
    }
    group.finish();
}

criterion_group!(benches, frame_benches);
criterion_main!(benches);
