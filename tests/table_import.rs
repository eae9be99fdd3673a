//! Tables of any shape (io::shaped): each fixture of tests/fixtures/shaped read through the
//! public loader, compared with the facts it was laid out from.
#![expect(clippy::expect_used, reason = "test helpers fail loudly with a reason")]

use std::path::{Path, PathBuf};

use minilateral::io::shaped::{DateOrder, Role, TableOptions};
use minilateral::io::{self, DatasetError};
use minilateral::model::{Dataset, Word};

#[path = "common/load.rs"]
mod load;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/shaped")
        .join(name)
}

fn load_with(path: &Path, options: &TableOptions) -> (Dataset, io::ImportReport) {
    match io::load_with(path, options) {
        Ok((dataset, report, mapping)) => {
            assert!(mapping.is_some(), "read by the table import");
            (dataset, report)
        }
        Err(DatasetError::Invalid(report)) => panic!("{report}"),
        Err(other) => panic!("{other}"),
    }
}

fn refused(path: &Path, options: &TableOptions) -> String {
    match io::load_with(path, options) {
        Ok((_, report, _)) => panic!("{} loaded: {report}", path.display()),
        Err(error) => error.to_string(),
    }
}

fn named_body(name: &str) -> TableOptions {
    TableOptions {
        body_name: Some(name.into()),
        ..TableOptions::default()
    }
}

/// `actor event date` for each event of the dataset, sorted.
fn facts(dataset: &Dataset) -> Vec<String> {
    let mut lines: Vec<String> = dataset
        .events
        .iter()
        .map(|e| format!("{} {} {}", e.actor_id, e.kind.word(), e.date))
        .collect();
    lines.sort();
    lines
}

/// The sample's events of a body for some actors, as `actor event date`.
fn sample_facts(body: &str, actors: &[&str], kinds: &[&str]) -> Vec<String> {
    let (sample, _) =
        io::read_native_str(minilateral::SAMPLE_DATASET_JSON, "sample").expect("the sample reads");
    let mut lines: Vec<String> = sample
        .events
        .iter()
        .filter(|e| e.body_id == body && actors.contains(&e.actor_id.as_str()))
        .filter(|e| kinds.contains(&e.kind.word()))
        .map(|e| format!("{} {} {}", e.actor_id, e.kind.word(), e.date))
        .collect();
    lines.sort();
    lines
}

#[test]
fn a_treaty_office_chart_gives_the_samples_budapest_events() {
    let path = fixture("budapest_chart.csv");
    let message = refused(&path, &TableOptions::default());
    assert!(
        message.contains("the table has no body column"),
        "{message}"
    );
    assert!(message.contains("--body-name NAME"), "{message}");

    let (dataset, report) = load_with(
        &path,
        &TableOptions {
            body_id: Some("budapest".into()),
            body_name: Some("Convention on Cybercrime".into()),
            ..TableOptions::default()
        },
    );
    let actors = [
        "ALB", "AND", "ARM", "AUT", "AZE", "BEL", "BIH", "CHE", "CAN", "CHL", "JPN", "USA",
    ];
    let kinds = [
        "signed",
        "ratified",
        "acceded",
        "accepted",
        "entered_into_force",
    ];
    assert_eq!(facts(&dataset), sample_facts("budapest", &actors, &kinds));
    assert_eq!(dataset.bodies.len(), 1);
    assert_eq!(dataset.bodies[0].kind.word(), "treaty");
    let text = report.to_string();
    assert!(
        text.contains("column \"R.\" is not one this reader uses"),
        "{text}"
    );
    assert!(
        text.contains("events have no source column to cite"),
        "{text}"
    );
    assert_eq!(report.error_count(), 0);
}

#[test]
fn a_un_depositary_table_gives_the_facts_it_was_copied_from() {
    let (dataset, report) = load_with(
        &fixture("opsc_depositary.tsv"),
        &TableOptions {
            body_id: Some("opsc".into()),
            ..named_body("OPSC")
        },
    );
    let facts_file = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/facts/opsc.csv");
    let (expected, _) = io::load(&facts_file).expect("the facts file reads");
    let imported: Vec<&str> = dataset.actors.iter().map(|a| a.id.as_str()).collect();
    let mut wanted: Vec<String> = expected
        .events
        .iter()
        .filter(|e| imported.contains(&e.actor_id.as_str()))
        .filter(|e| e.kind.word() != "entered_into_force")
        .map(|e| format!("{} {} {}", e.actor_id, e.kind.word(), e.date))
        .collect();
    wanted.sort();
    assert_eq!(dataset.actors.len(), 24, "{report}");
    assert_eq!(facts(&dataset), wanted);
    assert!(
        dataset.actor("AFG").is_some(),
        "Afghanistan1 is Afghanistan"
    );
    assert_eq!(report.error_count(), 0, "{report}");
}

#[test]
fn a_long_table_names_its_body_in_a_column() {
    let (dataset, report) = load_with(&fixture("foc_long.csv"), &TableOptions::default());
    assert_eq!(dataset.bodies.len(), 1);
    assert_eq!(dataset.bodies[0].name, "Freedom Online Coalition");
    assert_eq!(
        dataset.bodies[0].kind.word(),
        "coalition",
        "from the column's name"
    );
    // Denmark's date is "unknown" in the sample: a warning names the row, the rest come in.
    assert_eq!(dataset.events.len(), 11);
    let text = report.to_string();
    assert!(
        text.contains(
            "foc_long.csv:11: warning: row 11, column \"Year joined\": \"unknown\" is not a date"
        ),
        "{text}"
    );
    assert!(dataset.events.iter().all(|e| e.kind.word() == "joined"));
    let years: Vec<String> = dataset.events.iter().map(|e| e.date.to_string()).collect();
    assert!(years.iter().all(|y| y.len() == 4), "{years:?}");
}

#[test]
fn month_first_dates_and_dates_in_words() {
    let actors = ["ALB", "ARM", "AUT", "BEL", "CAN", "USA"];
    let (mdy, _) = load_with(&fixture("budapest_mdy.csv"), &TableOptions::default());
    let (words, report) = load_with(&fixture("budapest_words.csv"), &TableOptions::default());
    let expected = sample_facts("budapest", &actors, &["signed", "ratified"]);
    let mut without_australia = facts(&words);
    without_australia.retain(|line| !line.starts_with("AUS"));
    assert_eq!(facts(&mdy), expected);
    assert_eq!(without_australia, expected);
    assert!(facts(&words).contains(&"AUS acceded 2012-11".to_owned()));
    assert!(
        words.events.iter().all(|e| e.source.url().is_some()),
        "the source column is read"
    );
    assert!(!report.to_string().contains("no source column"), "{report}");
}

#[test]
fn a_yearly_matrix_counts_missing_cells_and_names_unknown_states() {
    let (dataset, report) = load_with(&fixture("cow_matrix.csv"), &TableOptions::default());
    let mut exigo: Vec<String> = dataset
        .events
        .iter()
        .filter(|e| e.body_id == "exigo")
        .map(|e| format!("{} {} {}", e.actor_id, e.kind.word(), e.date))
        .collect();
    exigo.sort();
    assert_eq!(
        exigo,
        [
            "CAN joined 1989",
            "CAN withdrew 1992",
            "DEU joined 1989",
            "FRA joined 1989",
            "FRA joined 1992",
            "GBR joined 1989",
            "JPN joined 1991",
            "JPN observer 1989",
            "USA joined 1989",
        ]
    );
    let second = dataset.body("second").expect("the second body");
    assert_eq!(second.opened.map(|d| d.to_string()), Some("1990".into()));
    assert_eq!(second.closed.map(|d| d.to_string()), Some("1991".into()));
    let text = report.to_string();
    assert!(text.contains("1 cells are missing (-9)"), "{text}");
    assert!(
        text.contains("\"gdr\" is not a state this reader knows"),
        "{text}"
    );
    assert!(
        text.contains("\"bavaria\" is not a state this reader knows"),
        "{text}"
    );
}

#[test]
fn spreadsheets_read_like_their_csv() {
    for name in ["foc_members.xlsx", "foc_members.ods"] {
        let (dataset, report) = load_with(&fixture(name), &named_body("Freedom Online Coalition"));
        assert_eq!(dataset.events.len(), 8, "{name}: {report}");
        let (sample, _) = io::read_native_str(minilateral::SAMPLE_DATASET_JSON, "sample")
            .expect("the sample reads");
        for event in &dataset.events {
            let first = sample
                .events
                .iter()
                .filter(|e| e.body_id == "foc" && e.actor_id == event.actor_id)
                .map(|e| e.date)
                .min();
            assert_eq!(Some(event.date), first, "{name}: {}", event.actor_id);
            assert!(event.source.url().is_some(), "{name}");
        }
    }
}

#[test]
fn the_mapping_is_remembered_beside_the_file() {
    let folder = tempfile::tempdir().expect("temporary folder");
    let path = folder.path().join("chart.csv");
    std::fs::copy(fixture("budapest_chart.csv"), &path).expect("copy");
    let options = TableOptions {
        body_name: Some("Convention on Cybercrime".into()),
        roles: vec![(Role::Ignore, "Entry into force".into())],
        date_order: Some(DateOrder::DayFirst),
        ..TableOptions::default()
    };
    let (_, _, mapping) = io::load_with(&path, &options).expect("loads");
    let mapping = mapping.expect("a mapping");
    let remembered = io::remember_mapping(&path, &mapping).expect("written");
    assert!(
        remembered
            .to_string_lossy()
            .ends_with("chart.csv.minilateral-mapping.json")
    );
    // Opened again with nothing said: the remembered mapping answers.
    let (dataset, _) = io::load(&path).expect("reopens without asking");
    assert!(
        dataset
            .events
            .iter()
            .all(|e| e.kind.word() != "entered_into_force")
    );
    assert_eq!(dataset.bodies[0].name, "Convention on Cybercrime");
}

#[test]
fn tables_that_hold_no_membership_say_so_once() {
    let folder = tempfile::tempdir().expect("temporary folder");
    let path = folder.path().join("prices.csv");
    std::fs::write(
        &path,
        "Country,Treaty,Signed\nFrance,T,soon\nItaly,T,later\n",
    )
    .expect("write");
    let message = load::error_text(&path);
    assert_eq!(message.lines().count(), 2, "{message}");
    assert!(
        message.contains("no membership found in the 2 rows"),
        "{message}"
    );
}

#[test]
fn a_member_list_with_an_id_column_is_not_taken_for_a_side_table() {
    let folder = tempfile::tempdir().expect("temporary folder");
    let path = folder.path().join("members.csv");
    std::fs::write(
        &path,
        "ID,Name,Organisation,Joined\n1,Ghana,FOC,2011\n2,Japan,FOC,2011\n",
    )
    .expect("write");
    let (dataset, _) = load_with(&path, &TableOptions::default());
    assert_eq!(facts(&dataset), ["GHA joined 2011", "JPN joined 2011"]);
    // An actors side table opened alone still says which table to open.
    let side = folder.path().join("data.actors.csv");
    std::fs::write(&side, "id,name,kind\nJPN,Japan,state\n").expect("write");
    assert!(load::error_text(&side).contains("side table"));
}
