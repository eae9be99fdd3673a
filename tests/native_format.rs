//! The native format: one fixture per validation error or quirk, each producing an issue
//! that names the file, the place and the cause; read → write → read is the identity.

use std::path::{Path, PathBuf};

use minilateral::io::{self, DatasetError, ImportReport, Severity};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/native")
        .join(name)
}

/// Loads a fixture that must fail and returns its report's first error, formatted.
fn first_error(name: &str) -> String {
    match io::load(&fixture(name)) {
        Ok((_, report)) => panic!("{name} loaded, but it must not: {report}"),
        Err(DatasetError::Invalid(report)) => {
            let issue = report
                .issues
                .iter()
                .find(|issue| issue.severity == Severity::Error)
                .unwrap_or_else(|| panic!("{name}: an invalid report without errors"));
            report.format_issue(issue)
        }
        Err(other) => other.to_string(),
    }
}

#[test]
fn every_error_fixture_names_file_line_and_cause() {
    // (fixture, expected "file:line" prefix, expected words of the cause)
    let cases = [
        ("err_actors_not_a_list.json", ":7:", "expected a sequence"),
        ("err_binary.json", ":2:", "not UTF-8"),
        ("err_blank_source.json", ":66:", "missing source"),
        (
            "err_deep_nesting.json",
            ":1:",
            "$.meta: invalid type: sequence",
        ),
        (
            "err_duplicate_actor_id.json",
            ":23:",
            "duplicate actor id \"JPN\"",
        ),
        (
            "err_duplicate_body_id.json",
            ":45:",
            "duplicate body id \"wto\"",
        ),
        ("err_empty_file.json", ":1:", "the file is empty"),
        ("err_empty_name.json", ":17:", "the name is empty"),
        (
            "err_id_shared_by_actor_and_body.json",
            ":45:",
            "already used by actors[1]",
        ),
        (
            "err_invalid_date.json",
            ":65:",
            "February 2014 has no day 30",
        ),
        (
            "err_malformed_date.json",
            ":65:",
            "expected YYYY, YYYY-MM or YYYY-MM-DD",
        ),
        ("err_missing_field.json", ":66:", "missing field `actor`"),
        (
            "err_missing_format.json",
            ":1:",
            "\"format\": \"minilateral\" is missing",
        ),
        ("err_missing_source.json", ":61:", "missing source"),
        ("err_not_an_object.json", ":1:", "must hold one JSON object"),
        ("err_syntax.json", ":29:", "not valid JSON"),
        ("err_trailing_garbage.json", ":77:", "trailing characters"),
        ("err_truncated.json", ":38:", "cut short"),
        ("err_unknown_actor.json", ":76:", "unknown actor id \"FRA\""),
        ("err_unknown_body.json", ":77:", "unknown body id \"tpp\""),
        (
            "err_unknown_body_kind.json",
            ":28:",
            "unknown body kind \"club\"",
        ),
        (
            "err_unknown_event_word.json",
            ":64:",
            "unknown event \"ratifed\"",
        ),
        (
            "err_unknown_relation_body.json",
            ":55:",
            "unknown body id \"ftaap\"",
        ),
        (
            "err_unknown_source_without_note.json",
            ":66:",
            "no note says why",
        ),
        ("err_unknown_version.json", ":1:", "unknown version 3"),
        (
            "err_lesson_unknown_view.json",
            ":94:",
            "unknown view \"globe\"",
        ),
        ("err_wrong_format.json", ":1:", "\"format\" is \"gexf\""),
        ("err_wrong_type.json", ":65:", "expected a string"),
    ];
    for (name, place, cause) in cases {
        let message = first_error(name);
        let expected_prefix = format!("{}{place}", fixture(name).display());
        assert!(
            message.starts_with(&expected_prefix),
            "{name}: expected the message to start with {expected_prefix:?}, got {message:?}"
        );
        assert!(
            message.contains(cause),
            "{name}: expected {cause:?} in {message:?}"
        );
    }
}

#[test]
fn every_fixture_is_covered_by_a_test() {
    let count = std::fs::read_dir(fixture(""))
        .map(|entries| entries.count())
        .unwrap_or(0);
    assert_eq!(count, 35, "a new fixture needs a case in this file");
}

fn warnings(name: &str) -> ImportReport {
    match io::load(&fixture(name)) {
        Ok((_, report)) => report,
        Err(error) => panic!("{name} must load with warnings only: {error}"),
    }
}

#[test]
fn warnings_do_not_stop_the_load() {
    let cases = [
        ("warn_bad_iso3.json", 12, "not an ISO 3166-1 alpha-3 code"),
        (
            "warn_out_of_order.json",
            65,
            "before its signature on 2011-10-01",
        ),
        ("warn_unknown_date.json", 65, "the date is unknown"),
        ("warn_unknown_field.json", 67, "unknown field \"colour\""),
        (
            "warn_lesson_unknown_actor.json",
            96,
            "selects \"FRA\", which the dataset does not have",
        ),
    ];
    for (name, line, cause) in cases {
        let report = warnings(name);
        assert_eq!(report.error_count(), 0, "{name}");
        assert_eq!(report.warning_count(), 1, "{name}: {report}");
        let issue = &report.issues[0];
        assert_eq!(issue.location.line, Some(line), "{name}: {report}");
        assert!(issue.message.contains(cause), "{name}: {}", issue.message);
    }
    let valid = warnings("valid_minimal.json");
    assert!(valid.issues.is_empty(), "{valid}");
}

#[test]
fn a_huge_field_is_reported_not_a_crash() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("huge.json");
    let text = std::fs::read_to_string(fixture("valid_minimal.json")).unwrap();
    let huge = text.replace("\"Japan\"", &format!("\"{}\"", "x".repeat(5_000_000)));
    let huge = huge.replace("\"date\": \"2011-10\"", "\"date\": 2011");
    std::fs::write(&path, huge).unwrap();
    let message = match io::load(&path) {
        Err(DatasetError::Invalid(report)) => report.to_string(),
        other => panic!("expected an invalid report, got {other:?}"),
    };
    assert!(message.contains("$.events[2]"), "{message}");
}

#[test]
fn read_write_read_is_the_identity_and_writing_is_deterministic() {
    let (dataset, _) = io::load(&fixture("valid_minimal.json")).unwrap();
    let written = io::write_native_string(&dataset);
    let (again, report) = io::read_native_str(&written, "written.json").unwrap();
    assert!(report.issues.is_empty(), "{report}");
    assert_eq!(again, dataset);
    assert_eq!(io::write_native_string(&again), written);
    // Shuffled input gives the same bytes.
    let mut shuffled = dataset.clone();
    shuffled.events.reverse();
    shuffled.actors.reverse();
    assert_eq!(io::write_native_string(&shuffled), written);
}

#[test]
fn a_warning_only_file_and_its_rewrite_hold_the_same_facts() {
    let (dataset, _) = io::load(&fixture("warn_unknown_date.json")).unwrap();
    let written = io::write_native_string(&dataset);
    assert!(written.contains("\"date\": \"unknown\""));
    let (again, _) = io::read_native_str(&written, "written.json").unwrap();
    assert_eq!(again, dataset);
}

#[test]
fn the_built_in_sample_is_valid() {
    let (dataset, report) = io::read_native_str(
        minilateral::SAMPLE_DATASET_JSON,
        minilateral::SAMPLE_DATASET_NAME,
    )
    .unwrap_or_else(|report| panic!("{report}"));
    assert_eq!(report.error_count(), 0);
    assert_eq!(
        io::write_native_string(&dataset),
        minilateral::SAMPLE_DATASET_JSON,
        "the sample is stored in canonical form"
    );
}

#[test]
fn lessons_round_trip_as_version_2_and_files_without_them_stay_version_1() {
    use minilateral::model::{Level, Month, SlideSelection, SlideView};
    let (dataset, report) = io::load(&fixture("valid_lessons.json")).unwrap();
    assert!(report.issues.is_empty(), "{report}");
    assert_eq!(dataset.lessons.len(), 1);
    let lesson = &dataset.lessons[0];
    assert_eq!(lesson.name, "ACTA in class");
    assert_eq!(lesson.slides.len(), 2);
    let first = &lesson.slides[0];
    assert_eq!(first.date, Month::new(2011, 10));
    assert_eq!(first.level, Level::Signatory);
    assert_eq!(first.selection, Some(SlideSelection::Body("acta".into())));
    assert_eq!(first.filters.max_members, Some(40));
    assert_eq!(first.camera.map(|camera| camera.zoom_percent), Some(150));
    let second = &lesson.slides[1];
    assert_eq!(second.view, SlideView::Map);
    assert_eq!(
        second.date,
        Month::new(2012, 1),
        "a year alone is its January"
    );

    let written = io::write_native_string(&dataset);
    assert!(written.contains("\"version\": 2"), "{written}");
    let (again, _) = io::read_native_str(&written, "written.json").unwrap();
    assert_eq!(again, dataset);
    assert_eq!(io::write_native_string(&again), written);

    let mut without = dataset.clone();
    without.lessons.clear();
    let written = io::write_native_string(&without);
    assert!(
        written.contains("\"version\": 1"),
        "older builds still open it"
    );
    assert!(!written.contains("lessons"));
}

#[test]
fn formats_without_lessons_say_they_drop_them() {
    let (dataset, _) = io::load(&fixture("valid_lessons.json")).unwrap();
    for format in [
        io::Format::Gexf,
        io::Format::GraphMl,
        io::Format::EventsTable,
        io::Format::GephiCsv,
    ] {
        let lost = io::lost_in(format, &dataset);
        assert!(
            lost.iter()
                .any(|line| line.contains("cannot hold lessons: the 1 lesson")),
            "{format:?}: {lost:?}"
        );
    }
    assert!(io::lost_in(io::Format::Native, &dataset).is_empty());
}
