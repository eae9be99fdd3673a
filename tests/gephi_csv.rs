//! Gephi CSV (Data Laboratory nodes and edges tables): our pair round-trips every fact but
//! the dataset's metadata (and says so), a hand-written spreadsheet pair is mapped, the
//! header tells a Gephi table from an events table, and malformed tables are errors that
//! name the file, the row and the column.

use std::path::{Path, PathBuf};

use minilateral::io::{self, DatasetError, Format, NodeLooks};
use minilateral::model::{Dataset, EventKind, Meta, Word};
use proptest::prelude::*;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/gephi")
        .join(name)
}

/// The sample's records: this format holds no lessons (`io::lost_in` says so, tested in
/// tests/native_format.rs).
fn sample() -> Dataset {
    let mut sample = io::read_native_str(minilateral::SAMPLE_DATASET_JSON, "sample")
        .unwrap_or_else(|report| panic!("{report}"))
        .0;
    sample.lessons.clear();
    sample
}

fn error_text(path: &Path) -> String {
    match io::load(path) {
        Ok((_, report)) => panic!("{} loaded, but it must not: {report}", path.display()),
        Err(DatasetError::Invalid(report)) => report.to_string(),
        Err(other) => other.to_string(),
    }
}

/// The dataset without what Gephi CSV cannot hold.
fn without_meta(dataset: &Dataset) -> Dataset {
    Dataset {
        meta: Meta::default(),
        ..dataset.clone()
    }
}

#[test]
fn the_sample_keeps_every_fact_but_its_metadata_and_says_so() {
    let original = sample();
    let folder = tempfile::tempdir().expect("temporary folder");
    let nodes = folder.path().join("sample.nodes.csv");
    assert_eq!(Format::from_path(&nodes), Some(Format::GephiCsv));
    io::save(&original, &nodes).unwrap_or_else(|e| panic!("{e}"));
    let edges = folder.path().join("sample.edges.csv");
    assert!(edges.is_file(), "saving one table writes its sibling");

    let lost = io::lost_in(Format::GephiCsv, &original);
    assert!(
        lost.iter().any(|l| l.contains("title")) && lost.iter().all(|l| l.contains("Gephi CSV")),
        "{lost:?}"
    );
    let (_, native_report) = io::read_native_str(minilateral::SAMPLE_DATASET_JSON, "sample")
        .unwrap_or_else(|report| panic!("{report}"));
    for opened in [&nodes, &edges] {
        let (again, report) = io::load(opened).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            report.warning_count(),
            native_report.warning_count(),
            "the same warnings as the native file (unknown dates): {report}"
        );
        assert_eq!(report.error_count(), 0, "{report}");
        assert_eq!(again, without_meta(&original), "{}", opened.display());
    }
}

#[test]
fn our_edges_table_is_what_gephi_reads() {
    let folder = tempfile::tempdir().expect("temporary folder");
    let edges = folder.path().join("sample.edges.csv");
    let mut looks = NodeLooks::default();
    looks.positions.insert("JPN".into(), (12.5, -3.25));
    io::save_with_looks(&sample(), &edges, &looks).unwrap_or_else(|e| panic!("{e}"));
    let text = std::fs::read_to_string(&edges).unwrap_or_default();
    assert!(
        text.starts_with("Source,Target,Type,Id,Label,Interval,status,relation,events"),
        "{}",
        text.lines().next().unwrap_or_default()
    );
    assert!(
        text.contains("<[2007-10-23, Infinity]>"),
        "an open period ends at Infinity, as Gephi's parser expects"
    );
    assert!(text.contains(", party]"), "the dynamic status column");
    let nodes = std::fs::read_to_string(folder.path().join("sample.nodes.csv")).unwrap_or_default();
    assert!(nodes.starts_with("Id,Label,type,kind,iso3"), "{nodes:.80}");
    assert!(nodes.lines().next().unwrap_or_default().ends_with(",x,y"));
    assert!(nodes.contains(",12.50,-3.25"), "positions from the looks");
    // Positions are a look, not a fact: they are read past without a warning.
    let (again, report) = io::load(&edges).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        report
            .issues
            .iter()
            .all(|issue| issue.message.contains("the date is unknown")),
        "{report}"
    );
    assert_eq!(again, without_meta(&sample()));
}

#[test]
fn reads_a_hand_written_spreadsheet_pair() {
    // BOM, `;` separators, CRLF, quoted separators, Gephi's `Timeset` and `Weight`
    // columns, intervals with and without spaces, `inf` and `Infinity`.
    let (dataset, report) =
        io::load(&fixture("spreadsheet_pair.edges.csv")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(report.error_count(), 0, "{report}");
    assert_eq!(dataset.actors.len(), 3);
    assert_eq!(dataset.bodies.len(), 2, "edge targets become bodies");
    assert_eq!(
        dataset.actor("USA").map(|a| a.name.as_str()),
        Some("United States; of America")
    );
    assert_eq!(
        dataset.body("budapest").map(|b| b.name.as_str()),
        Some("Convention on Cybercrime, Budapest")
    );
    assert_eq!(
        dataset.actor("FRA").and_then(|a| a.region.as_deref()),
        Some("Europe")
    );
    let france: Vec<String> = dataset
        .events
        .iter()
        .filter(|e| e.actor_id == "FRA" && e.body_id == "budapest")
        .map(|e| format!("{} {}", e.date, e.kind.word()))
        .collect();
    assert_eq!(
        france,
        [
            "2001-11-23 joined",
            "2004-01-01 withdrew",
            "2006-01-01 joined"
        ]
    );
    assert!(
        dataset
            .events
            .iter()
            .any(|e| e.actor_id == "JPN" && e.kind == EventKind::Joined),
        "Japan's open interval"
    );
    let text = report.to_string();
    for expected in [
        "no \"type\" attribute",
        "give no source",
        "unknown column \"Modularity Class\"",
    ] {
        assert!(text.contains(expected), "{expected:?} in {text}");
    }
    assert!(
        text.contains("spreadsheet_pair.nodes.csv:1: warning"),
        "a warning about the sibling names the sibling: {text}"
    );
    // Opening the nodes table finds the same pair.
    let (same, _) =
        io::load(&fixture("spreadsheet_pair.nodes.csv")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(same, dataset);
}

#[test]
fn a_lone_edges_table_is_a_dataset() {
    let folder = tempfile::tempdir().expect("temporary folder");
    let path = folder.path().join("graph.csv");
    std::fs::write(
        &path,
        "source,target,interval\nJPN,acta,\"<[2011-10-01,2012-10-05)>\"\n",
    )
    .expect("written");
    assert_eq!(Format::from_path(&path), Some(Format::EventsTable));
    let (dataset, _) = io::load(&path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(dataset.actors.len(), 1);
    assert_eq!(dataset.bodies.len(), 1);
    assert_eq!(dataset.events.len(), 2, "joined, then withdrew");
}

#[test]
fn malformed_tables_are_errors_naming_file_row_and_column() {
    let cases = [
        (
            "err_bad_interval.edges.csv",
            "err_bad_interval.edges.csv:3: error: row 3, column \"Interval\": bad interval \"<[2006-13-29, inf]>\"",
        ),
        (
            "err_unknown_source.edges.csv",
            "err_unknown_source.edges.csv:3: error: row 3, column \"Source\": unknown node id \"FRA\"",
        ),
        (
            "err_unknown_source.nodes.csv",
            "err_unknown_source.edges.csv:3: error: row 3, column \"Source\": unknown node id \"FRA\"",
        ),
        (
            "err_missing_id.nodes.csv",
            "err_missing_id.nodes.csv:1: error: row 1, column \"Id\": not a Gephi nodes table",
        ),
        (
            "err_duplicate_id.nodes.csv",
            "err_duplicate_id.nodes.csv:4: error: row 4, column \"Id\": duplicate node id \"JPN\" (first on line 2)",
        ),
        (
            "err_reversed_interval.edges.csv",
            "err_reversed_interval.edges.csv:2: error: row 2, column \"Interval\": bad interval",
        ),
        (
            "err_unknown_event.edges.csv",
            "err_unknown_event.edges.csv:2: error: unknown event \"ratifed\"",
        ),
    ];
    for (name, expected) in cases {
        let message = error_text(&fixture(name));
        assert!(
            message.contains(expected),
            "{name}: expected {expected:?} in {message:?}"
        );
    }
    // Every malformed file in the folder is covered above.
    let listed = std::fs::read_dir(fixture(""))
        .expect("fixtures folder")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with("err_"))
        .count();
    assert_eq!(listed, cases.len());
}

#[test]
fn a_side_table_is_not_taken_for_a_gephi_table() {
    let side =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/table/err_not_events.csv");
    let message = error_text(&side);
    assert!(message.contains("not an events table"), "{message}");
}

/// Free text with the characters that stress a CSV cell and the events column.
fn text() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9 ,;\"\\\\\n\t\ré<>\\[\\]]{0,12}"
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn native_to_gephi_csv_to_native_is_the_identity_but_metadata(
        actors in 1usize..8,
        bodies in 1usize..6,
        events in 0usize..40,
        seed in any::<u64>(),
        names in proptest::collection::vec("[A-Za-z][a-zA-Z0-9 ,;\"é]{0,10}", 8),
        notes in proptest::collection::vec(text(), 8),
    ) {
        let mut original = minilateral::synthetic::generate(actors, bodies, events, seed);
        for (actor, (name, note)) in original.actors.iter_mut().zip(names.iter().zip(&notes)) {
            actor.name.clone_from(name);
            actor.note.clone_from(note);
        }
        for (event, note) in original.events.iter_mut().zip(&notes) {
            event.note.clone_from(note);
        }
        for (body, note) in original.bodies.iter_mut().zip(notes.iter().rev()) {
            body.description.clone_from(note);
        }
        let folder = tempfile::tempdir().expect("temporary folder");
        let path = folder.path().join("generated.edges.csv");
        io::save(&original, &path).expect("saved");
        let loaded = io::load(&path);
        prop_assert!(loaded.is_ok(), "{}", loaded.err().map(|e| e.to_string()).unwrap_or_default());
        let (again, _) = loaded.expect("checked above");
        let mut expected = without_meta(&original);
        expected.canonicalize();
        prop_assert_eq!(again, expected);
    }
}
