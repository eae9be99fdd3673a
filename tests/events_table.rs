//! The events-table CSV format: the project's facts files as they are, spreadsheet quirks,
//! side tables, errors that name file, row and cause, and a lossless round trip.

use std::path::{Path, PathBuf};

use minilateral::io;
use minilateral::model::{EventKind, Word};

#[path = "common/load.rs"]
mod load;
use load::error_text;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/table")
        .join(name)
}

#[test]
fn reads_the_shared_facts_files_as_they_are() {
    // Copies of the shared facts folder, kept in the repository so that a fresh clone
    // passes (see the README there).
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/facts");
    let Ok(entries) = std::fs::read_dir(&folder) else {
        panic!("{} is missing", folder.display());
    };
    let mut read = 0;
    for entry in entries.flatten() {
        let path = entry.path();
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if !name.ends_with(".csv") {
            continue;
        }
        let (dataset, report) = io::load(&path).unwrap_or_else(|error| panic!("{error}"));
        assert_eq!(report.error_count(), 0, "{report}");
        assert!(!dataset.events.is_empty(), "{name}");
        read += 1;
    }
    assert!(read >= 10, "read {read} facts files");
}

#[test]
fn tolerates_what_spreadsheets_produce() {
    // BOM, `;` separators, CRLF, a quoted note with a newline, trailing empty columns and
    // column names in another case.
    let (dataset, report) =
        io::load(&fixture("spreadsheet_quirks.csv")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(report.error_count(), 0, "{report}");
    assert_eq!(dataset.events.len(), 3);
    let japan_signed = dataset
        .events
        .iter()
        .find(|e| e.actor_id == "JPN" && e.kind == EventKind::Signed)
        .expect("Japan signed");
    assert_eq!(japan_signed.note, "signed at the\r\nTokyo ceremony");
    let usa = dataset.actor("USA").expect("actor from iso3");
    assert_eq!(usa.name, "United States");
    // The body was not described: a warning says what was done.
    assert!(
        report
            .issues
            .iter()
            .any(|i| i.message.contains("not described") && i.action.is_some())
    );
}

#[test]
fn errors_name_file_row_column_and_cause() {
    let unknown = error_text(&fixture("err_unknown_event.csv"));
    assert!(
        unknown.contains(
            "err_unknown_event.csv:3: error: row 3, column \"event\": unknown event \"ratifed\""
        ),
        "{unknown}"
    );
    let date = error_text(&fixture("err_bad_date.csv"));
    assert!(
        date.contains(
            "err_bad_date.csv:2: error: row 2, column \"date\": invalid date \"2011-02-30\""
        ),
        "{date}"
    );
    let source = error_text(&fixture("err_missing_source.csv"));
    assert!(
        source.contains(":2: error: row 2, column \"source_url\": missing source"),
        "{source}"
    );
    let side = error_text(&fixture("err_not_events.csv"));
    assert!(
        side.contains("not an events table") && side.contains("side table"),
        "{side}"
    );
}

#[test]
fn side_tables_describe_actors_bodies_relations_and_meta() {
    let (dataset, report) = io::load(&fixture("with_sides.csv")).unwrap_or_else(|e| panic!("{e}"));
    assert!(report.issues.is_empty(), "{report}");
    assert_eq!(dataset.meta.title, "ACTA in three events");
    assert_eq!(
        dataset.actor("EUU").map(|a| a.kind.word()),
        Some("intergovernmental")
    );
    let acta = dataset.body("acta").expect("acta");
    assert_eq!(acta.short_name.as_deref(), Some("ACTA"));
    assert_eq!(acta.issues.len(), 2);
    assert_eq!(dataset.relations.len(), 1);
    assert_eq!(dataset.bodies.len(), 2);
}

#[test]
fn native_to_table_to_native_keeps_every_fact() {
    let native =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/native/valid_minimal.json");
    let (original, _) = io::load(&native).unwrap_or_else(|e| panic!("{e}"));
    let folder = tempfile::tempdir().expect("temporary folder");
    let table = folder.path().join("copy.csv");
    io::save(&original, &table).unwrap_or_else(|e| panic!("{e}"));
    assert!(folder.path().join("copy.actors.csv").is_file());
    assert!(folder.path().join("copy.bodies.csv").is_file());
    let (again, report) = io::load(&table).unwrap_or_else(|e| panic!("{e}"));
    assert!(report.issues.is_empty(), "{report}");
    assert_eq!(again, original);
}

#[test]
fn the_sample_survives_a_table_round_trip() {
    let (mut sample, _) = io::read_native_str(minilateral::SAMPLE_DATASET_JSON, "sample")
        .unwrap_or_else(|r| panic!("{r}"));
    let lost = io::lost_in(io::Format::EventsTable, &sample);
    assert!(
        lost.iter().any(|line| line.contains("cannot hold lessons")),
        "{lost:?}"
    );
    sample.lessons.clear();
    let folder = tempfile::tempdir().expect("temporary folder");
    let table = folder.path().join("sample.csv");
    io::save(&sample, &table).unwrap_or_else(|e| panic!("{e}"));
    let (again, _) = io::load(&table).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(again, sample);
}
