//! Benchmarks of loading files from disk through `io::load`, as the app and the CLI do:
//! a 100,000-event events table (synthetic, 200 actors × 500 bodies, written once per run
//! with its side tables into a temporary folder), and the sample dataset as GEXF and as a
//! Gephi CSV pair. Each load reads, parses, maps and validates.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use minilateral::io::{self, write_tables};
use minilateral::synthetic::generate;

fn load(path: &Path) -> usize {
    match io::load(path) {
        Ok((dataset, _)) => dataset.events.len(),
        Err(error) => panic!("{error}"),
    }
}

fn load_benches(c: &mut Criterion) {
    let folder = match tempfile::tempdir() {
        Ok(folder) => folder,
        Err(error) => panic!("temporary folder: {error}"),
    };
    let synthetic = generate(200, 500, 100_000, 7);
    let events_path = folder.path().join("synthetic.csv");
    for (kind, text) in write_tables(&synthetic) {
        let path = if kind.is_empty() {
            events_path.clone()
        } else {
            io::side_table_path(&events_path, kind)
        };
        if let Err(error) = std::fs::write(&path, text) {
            panic!("{}: {error}", path.display());
        }
    }
    let sample = match io::read_native_str(minilateral::SAMPLE_DATASET_JSON, "sample") {
        Ok((dataset, _)) => dataset,
        Err(report) => panic!("{report}"),
    };
    let gexf_path = folder.path().join("sample.gexf");
    let gephi_path = folder.path().join("sample.edges.csv");
    for path in [&gexf_path, &gephi_path] {
        if let Err(error) = io::save(&sample, path) {
            panic!("{error}");
        }
    }
    let size = |path: &Path| std::fs::metadata(path).map_or(0, |m| m.len());
    println!(
        "events table: {} bytes; sample GEXF: {} bytes; sample Gephi CSV edges: {} bytes",
        size(&events_path),
        size(&gexf_path),
        size(&gephi_path)
    );

    let mut group = c.benchmark_group("load");
    group.sample_size(10);
    group.bench_function("events_table_csv_100k_events", |b| {
        b.iter(|| load(black_box(&events_path)))
    });
    group.finish();
    c.bench_function("gexf_of_the_sample", |b| {
        b.iter(|| load(black_box(&gexf_path)))
    });
    c.bench_function("gephi_csv_pair_of_the_sample", |b| {
        b.iter(|| load(black_box(&gephi_path)))
    });
}

criterion_group!(benches, load_benches);
criterion_main!(benches);
