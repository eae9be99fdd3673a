//! Benchmarks of loading and "as of a date" queries on a synthetic dataset of 200 actors,
//! 500 bodies and 100,000 events (targets: load + validate < 200 ms, counts of every body at
//! a date < 2 ms, events between two dates < 1 ms, release build).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use jiff::civil::date;
use minilateral::io::{read_native_str, write_native_string};
use minilateral::model::Level;
use minilateral::synthetic::generate;
use minilateral::timeline::Timeline;

fn timeline_benches(c: &mut Criterion) {
    let dataset = generate(200, 500, 100_000, 7);
    let text = write_native_string(&dataset);
    println!("synthetic dataset: {} bytes of JSON", text.len());

    let mut group = c.benchmark_group("load");
    group.sample_size(10);
    group.bench_function("read_native_and_validate_100k_events", |b| {
        b.iter(|| read_native_str(black_box(&text), "synthetic.json").map(|(d, _)| d.events.len()))
    });
    group.bench_function("build_timeline_index_100k_events", |b| {
        b.iter(|| Timeline::build(black_box(&dataset)))
    });
    // What an edit costs (the app does it on a worker for a dataset this large: see
    // benches/edit.rs for the frames): apply it, rebuild the timeline index and the scene
    // graph (the layout is kept).
    let mut document =
        minilateral::document::Document::new(dataset.clone(), "synthetic".into(), String::new());
    group.bench_function("apply_an_edit_and_reindex_100k_events", |b| {
        b.iter(|| {
            let mut event = document.dataset.events[0].clone();
            event.note = if event.note.is_empty() {
                "edited".into()
            } else {
                String::new()
            };
            let edit = minilateral::edit::Edit::change_event(&document.dataset, 0, event);
            if let Some(edit) = edit {
                let _ = edit.apply(std::sync::Arc::make_mut(&mut document.dataset));
            }
            document.reindex();
            document.graph.node_count()
        })
    });
    group.finish();

    let timeline = Timeline::build(&dataset);
    let mut day = 0i64;
    let end = date(2020, 1, 1);
    c.bench_function("overlap_of_every_pair_of_500_bodies", |b| {
        b.iter(|| minilateral::timeline::Overlap::at(&timeline, black_box(end), Level::Party))
    });
    let first = minilateral::timeline::BodyIx(0);
    c.bench_function("overlap_of_one_body", |b| {
        b.iter(|| {
            minilateral::timeline::shared_with(&timeline, first, black_box(end), Level::Party)
        })
    });
    c.bench_function("counts_of_every_body_at_a_date", |b| {
        b.iter(|| {
            day = (day + 37) % 12_000;
            let at = date(1990, 1, 1)
                .checked_add(jiff::Span::new().days(day))
                .unwrap_or(date(2000, 1, 1));
            timeline.counts_at(black_box(at), Level::Party)
        })
    });
    c.bench_function("events_between_two_dates_one_year", |b| {
        b.iter(|| {
            timeline
                .events_between(black_box(date(2005, 1, 1)), black_box(date(2005, 12, 31)))
                .len()
        })
    });
    c.bench_function("members_of_one_body_at_a_date", |b| {
        let body = timeline.body_ix("b0042");
        b.iter(|| {
            body.map(|body| {
                timeline
                    .members(body, black_box(date(2010, 6, 30)), Level::Party)
                    .len()
            })
        })
    });
}

criterion_group!(benches, timeline_benches);
criterion_main!(benches);
