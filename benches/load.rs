//! Benchmarks of loading files from disk through `io::load`, as the app and the CLI do:
//! a 100,000-event events table (synthetic, 200 actors × 500 bodies, written once per run
//! with its side tables into a temporary folder), and the sample dataset as GEXF and as a
//! Gephi CSV pair, and a yearly matrix in the shape of the Correlates of War IGO data
//! (500 organisations × 50 years, a column per state: 25,000 rows × 200 status columns)
//! through the table import. Each load reads, parses, maps and validates.

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

/// A yearly matrix like the COW IGO data: `ioname, orgname, year`, one column per state
/// (the sample's ISO3 codes), `sdate, deaddate`; each organisation's states join in a
/// seeded year, a few leave, and one cell in fifty is missing (-9).
pub fn cow_like_matrix(
    organisations: usize,
    first_year: u16,
    years: u16,
    states: &[String],
) -> String {
    let mut random = fastrand::Rng::with_seed(11);
    let mut text = format!("ioname,orgname,year,{},sdate,deaddate\n", states.join(","));
    for org in 0..organisations {
        let joins: Vec<(u16, u16)> = states
            .iter()
            .map(|_| {
                let join = first_year + random.u16(0..years * 2);
                let leave = if random.u8(0..10) == 0 {
                    join + random.u16(1..20)
                } else {
                    u16::MAX
                };
                (join, leave)
            })
            .collect();
        for year in first_year..first_year + years {
            text.push_str(&format!("IGO{org},Organisation number {org},{year}"));
            for &(join, leave) in &joins {
                let code = if random.u8(0..50) == 0 {
                    "-9"
                } else if year >= join && year < leave {
                    if random.u8(0..20) == 0 { "3" } else { "1" }
                } else {
                    "0"
                };
                text.push(',');
                text.push_str(code);
            }
            text.push_str(&format!(",{first_year},0\n"));
        }
    }
    text
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
    let codes: Vec<String> = sample
        .actors
        .iter()
        .filter_map(|actor| actor.iso3.clone())
        .take(200)
        .collect();
    let matrix_path = folder.path().join("cow_like.csv");
    if let Err(error) = std::fs::write(&matrix_path, cow_like_matrix(500, 1965, 50, &codes)) {
        panic!("{}: {error}", matrix_path.display());
    }
    let size = |path: &Path| std::fs::metadata(path).map_or(0, |m| m.len());
    println!(
        "COW-like matrix: {} bytes, {} events",
        size(&matrix_path),
        load(&matrix_path)
    );
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
    group.bench_function("cow_like_matrix_25k_rows_200_states", |b| {
        b.iter(|| load(black_box(&matrix_path)))
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
