//! UI-thread cost of an edit in the app (headless egui steps, as `frame.rs` measures them),
//! on a synthetic dataset of 100,000 events (200 actors, 500 bodies) and on one of about
//! 20,000 nodes (160,000 events).
//!
//! `issue`: the frame in which an edit (a change to one event's note) is applied, from the
//! command to the end of the frame. `install`: the frame in which its result is shown (the
//! first frame after the edit in which no job runs). Only those frames are timed; the
//! frames between them (while a worker applies the edit) are not.

use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use egui_kittest::Harness;
use minilateral::app::MinilateralApp;
use minilateral::document::Document;
use minilateral::edit::Edit;
use minilateral::model::Dataset;
use minilateral::state::{DocumentCommand, Prefs};

fn harness(dataset: Dataset) -> Harness<'static, MinilateralApp> {
    let document = Document::new(dataset, "bench".into(), String::new());
    let app = MinilateralApp::new(document, Prefs::default());
    let mut harness = Harness::builder()
        .with_size([1600.0, 1000.0])
        .build_ui_state(|ui, app: &mut MinilateralApp| app.ui(ui), app);
    settle(&mut harness);
    harness.run_steps(3);
    harness
}

/// Steps until no job runs (a first layout, an edit being applied).
fn settle(harness: &mut Harness<'static, MinilateralApp>) {
    let start = Instant::now();
    while harness.state().is_busy() && start.elapsed() < Duration::from_secs(120) {
        std::thread::sleep(Duration::from_millis(2));
        harness.step();
    }
}

/// An edit of the first event's note (it toggles, so every edit changes the dataset).
fn toggle_note(dataset: &Dataset) -> Option<Edit> {
    let mut event = dataset.events.first()?.clone();
    event.note = if event.note.is_empty() {
        "edited".into()
    } else {
        String::new()
    };
    Edit::change_event(dataset, 0, event)
}

/// Applies one edit; returns the time of the frame that issued it and of the frame that
/// showed its result.
fn edit_once(harness: &mut Harness<'static, MinilateralApp>) -> (Duration, Duration) {
    let Some(edit) = toggle_note(&harness.state().document().dataset) else {
        return (Duration::ZERO, Duration::ZERO);
    };
    harness
        .state_mut()
        .push_document_command(DocumentCommand::Apply(edit));
    let start = Instant::now();
    harness.step();
    let issue = start.elapsed();
    let mut install = Duration::ZERO;
    let waiting = Instant::now();
    while harness.state().is_busy() && waiting.elapsed() < Duration::from_secs(60) {
        std::thread::sleep(Duration::from_millis(2));
        let start = Instant::now();
        harness.step();
        install = start.elapsed();
    }
    if install.is_zero() {
        // Applied in the frame that issued it: the next frame is the first to show it.
        let start = Instant::now();
        harness.step();
        install = start.elapsed();
    }
    (issue, install)
}

fn edit_benches(c: &mut Criterion) {
    let cases = [
        (
            "synthetic_100k_events",
            minilateral::synthetic::generate(200, 500, 100_000, 7),
        ),
        (
            "synthetic_20000_nodes",
            minilateral::synthetic::generate(16_000, 4_000, 160_000, 7),
        ),
    ];
    let mut group = c.benchmark_group("edit");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    for (name, dataset) in cases {
        let mut harness = harness(dataset);
        group.bench_function(format!("{name}/issue"), |b| {
            b.iter_custom(|iterations| (0..iterations).map(|_| edit_once(&mut harness).0).sum());
        });
        group.bench_function(format!("{name}/install"), |b| {
            b.iter_custom(|iterations| (0..iterations).map(|_| edit_once(&mut harness).1).sum());
        });
    }
    group.finish();
}

criterion_group!(benches, edit_benches);
criterion_main!(benches);
