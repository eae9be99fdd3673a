//! The command line, run as a user would: exit codes, messages and the documented JSON.
#![expect(clippy::expect_used, reason = "test helpers fail loudly with a reason")]

use std::path::{Path, PathBuf};
use std::process::Output;

#[path = "common/run.rs"]
mod run;
use run::{minilateral, text};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/native")
        .join(name)
}

fn path(name: &str) -> String {
    fixture(name).display().to_string()
}

#[test]
fn validate_exits_0_on_valid_files_and_1_on_errors() {
    let ok = minilateral(&[
        "validate",
        &path("valid_minimal.json"),
        &path("warn_unknown_field.json"),
    ]);
    assert_eq!(ok.status.code(), Some(0), "{}", text(&ok.stderr));
    let stdout = text(&ok.stdout);
    assert!(
        stdout.contains("valid_minimal.json: 0 errors, 0 warnings"),
        "{stdout}"
    );
    assert!(
        stdout.contains("warn_unknown_field.json:67:7: warning: $.events[1].colour"),
        "{stdout}"
    );

    let bad = minilateral(&[
        "validate",
        &path("valid_minimal.json"),
        &path("err_invalid_date.json"),
    ]);
    assert_eq!(bad.status.code(), Some(1));
    let stdout = text(&bad.stdout);
    assert!(
        stdout.contains(
            "err_invalid_date.json:65:7: error: $.events[1].date: invalid date \"2014-02-30\""
        ),
        "{stdout}"
    );
}

#[test]
fn every_malformed_fixture_exits_1_without_a_panic() {
    let entries = std::fs::read_dir(fixture("")).expect("fixtures folder");
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !name.starts_with("err_") {
            continue;
        }
        let output = minilateral(&["validate", &path(&name)]);
        assert_eq!(
            output.status.code(),
            Some(1),
            "{name}: {}",
            text(&output.stderr)
        );
        assert!(
            text(&output.stdout).contains(&name),
            "{name}: the message names the file"
        );
        assert!(!text(&output.stderr).contains("panicked"), "{name}");
    }
}

#[test]
fn missing_files_and_unknown_types_are_data_errors() {
    let missing = minilateral(&["validate", "no/such/file.json"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(text(&missing.stdout).contains("no/such/file.json"));
    let unknown = minilateral(&["validate", "data.docx"]);
    assert_eq!(unknown.status.code(), Some(1));
    assert!(text(&unknown.stdout).contains("unknown file type"));
}

#[test]
fn usage_errors_exit_2() {
    let bad_date = minilateral(&["stats", &path("valid_minimal.json"), "--at", "2014-02-30"]);
    assert_eq!(bad_date.status.code(), Some(2));
    assert!(
        text(&bad_date.stderr).contains("February 2014 has no day 30"),
        "{}",
        text(&bad_date.stderr)
    );
    let bad_level = minilateral(&["stats", &path("valid_minimal.json"), "--level", "member"]);
    assert_eq!(bad_level.status.code(), Some(2));
    let no_files = minilateral(&["validate"]);
    assert_eq!(no_files.status.code(), Some(2));
    let unknown_body = minilateral(&["members", &path("valid_minimal.json"), "tpp"]);
    assert_eq!(unknown_body.status.code(), Some(2));
    assert!(text(&unknown_body.stderr).contains("no body with id \"tpp\" (known ids: acta, wto)"));
}

fn json(output: &Output) -> serde_json::Value {
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    serde_json::from_slice(&output.stdout).expect("the output is JSON")
}

#[test]
fn stats_json_has_the_documented_shape() {
    let file = path("valid_minimal.json");
    let value = json(&minilateral(&[
        "stats",
        &file,
        "--at",
        "2011",
        "--level",
        "signatory",
        "--json",
    ]));
    assert_eq!(value["at"], "2011-12-31");
    assert_eq!(value["level"], "signatory");
    let acta = &value["bodies"][0];
    assert_eq!(acta["id"], "acta");
    assert_eq!(acta["name"], "Anti-Counterfeiting Trade Agreement");
    assert_eq!(acta["kind"], "agreement");
    assert_eq!(acta["members"], 2);
    assert_eq!(acta["first_event"], "2011-10");
    assert_eq!(acta["latest_event"], "2011-10-01");
    let wto = &value["bodies"][1];
    assert_eq!(wto["members"], 0);
    assert!(wto["first_event"].is_null());
    assert_eq!(
        acta["regions"],
        serde_json::json!({"Americas": 1, "Asia": 1})
    );
    assert!(acta["reported_members"].is_null());
    assert_eq!(
        wto["regions"],
        serde_json::json!({"Americas": 0, "Asia": 0})
    );

    let party = json(&minilateral(&[
        "stats",
        &file,
        "--at",
        "2012-10-05",
        "--json",
    ]));
    assert_eq!(party["level"], "party");
    assert_eq!(party["bodies"][0]["members"], 1);
    let before = json(&minilateral(&[
        "stats",
        &file,
        "--at",
        "2012-10-04",
        "--json",
    ]));
    assert_eq!(before["bodies"][0]["members"], 0);
}

#[test]
fn stats_json_sets_reported_counts_against_the_members_identified() {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data/internet-governance.json");
    let value = json(&minilateral(&[
        "stats",
        &sample.display().to_string(),
        "--at",
        "2014-10",
        "--json",
    ]));
    let body = |id: &str| {
        value["bodies"]
            .as_array()
            .and_then(|bodies| bodies.iter().find(|b| b["id"] == id))
            .cloned()
            .unwrap_or_else(|| panic!("no {id}"))
    };
    let budapest = body("budapest");
    let reported = &budapest["reported_members"][0];
    assert_eq!(reported["level"], "party");
    assert_eq!(reported["count"], 43);
    assert_eq!(reported["identified"], budapest["members"]);
    let wcit = body("wcit12_itr");
    let levels: Vec<&str> = wcit["reported_members"]
        .as_array()
        .map(|counts| counts.iter().filter_map(|c| c["level"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(levels, ["signatory", "declined"]);
    // Counts reported after the date are not shown yet.
    assert!(body("un_cybercrime")["reported_members"].is_null());
}

#[test]
fn members_json_has_the_documented_shape() {
    let file = path("valid_minimal.json");
    let value = json(&minilateral(&[
        "members", &file, "acta", "--at", "2013", "--json",
    ]));
    assert_eq!(value["body"], "acta");
    assert_eq!(value["at"], "2013-12-31");
    assert_eq!(value["level"], "party");
    let members = value["members"].as_array().expect("a list");
    assert_eq!(members.len(), 1);
    assert_eq!(members[0]["actor"], "JPN");
    assert_eq!(members[0]["name"], "Japan");
    assert_eq!(members[0]["iso3"], "JPN");
    assert_eq!(members[0]["status"], "party");
    assert_eq!(members[0]["since"], "2012-10-05");
    assert_eq!(members[0]["source"], "https://example.org/b");

    let table = minilateral(&[
        "members",
        &file,
        "acta",
        "--at",
        "2013",
        "--level",
        "signatory",
    ]);
    let stdout = text(&table.stdout);
    assert!(stdout.contains("2 members as of 2013-12-31"), "{stdout}");
    assert!(stdout.contains("United States"), "{stdout}");
}

#[test]
fn convert_writes_a_file_that_reads_back_the_same() {
    let folder = tempfile::tempdir().unwrap();
    let out = folder.path().join("copy.json");
    let output = minilateral(&[
        "convert",
        &path("valid_minimal.json"),
        &out.display().to_string(),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let original = minilateral::io::load(&fixture("valid_minimal.json"))
        .unwrap()
        .0;
    let copy = minilateral::io::load(&out).unwrap().0;
    assert_eq!(original, copy);
}

#[test]
fn convert_to_a_gephi_csv_pair_and_back() {
    let folder = tempfile::tempdir().expect("temporary folder");
    let nodes = folder.path().join("copy.nodes.csv");
    let to_gephi = minilateral(&[
        "convert",
        &path("valid_minimal.json"),
        &nodes.display().to_string(),
    ]);
    assert_eq!(
        to_gephi.status.code(),
        Some(0),
        "{}",
        text(&to_gephi.stderr)
    );
    assert!(
        text(&to_gephi.stderr).contains("warning: Gephi CSV has no place for the dataset's title"),
        "{}",
        text(&to_gephi.stderr)
    );
    let edges = folder.path().join("copy.edges.csv");
    assert!(edges.is_file(), "the sibling is written too");
    assert!(
        text(&to_gephi.stderr).contains("copy.edges.csv"),
        "convert names both files: {}",
        text(&to_gephi.stderr)
    );
    let back = folder.path().join("back.json");
    let to_native = minilateral(&[
        "convert",
        &edges.display().to_string(),
        &back.display().to_string(),
    ]);
    assert_eq!(
        to_native.status.code(),
        Some(0),
        "{}",
        text(&to_native.stderr)
    );
    let mut original = minilateral::io::load(&fixture("valid_minimal.json"))
        .expect("loads")
        .0;
    original.meta = minilateral::model::Meta::default();
    let copy = minilateral::io::load(&back).expect("loads").0;
    assert_eq!(original, copy);
}

#[test]
fn the_default_date_is_today() {
    let value = json(&minilateral(&[
        "stats",
        &path("valid_minimal.json"),
        "--json",
    ]));
    let today = minilateral::model::today().to_string();
    assert_eq!(value["at"], today.as_str());
}

#[test]
fn events_lists_who_did_what_between_two_dates() {
    let file = path("valid_minimal.json");
    let value = json(&minilateral(&[
        "events", &file, "--from", "2011-10", "--to", "2011-10", "--json",
    ]));
    assert_eq!(value["from"], "2011-10-01");
    assert_eq!(value["to"], "2011-10-31");
    let events = value["events"].as_array().expect("a list");
    assert_eq!(events.len(), 2, "{value}");
    assert!(events.iter().all(|event| event["event"] == "signed"));
    let accepted = json(&minilateral(&[
        "events", &file, "--body", "acta", "--event", "accepted", "--json",
    ]));
    let events = accepted["events"].as_array().expect("a list");
    assert_eq!(events.len(), 1);
    assert_eq!(events[0]["actor"], "JPN");
    assert_eq!(events[0]["date"], "2012-10-05");
    let table = minilateral(&["events", &file, "--actor", "USA"]);
    assert!(
        text(&table.stdout).contains("1 events from"),
        "{}",
        text(&table.stdout)
    );
    let unknown = minilateral(&["events", &file, "--event", "ratifed"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(text(&unknown.stderr).contains("unknown event \"ratifed\""));
}

#[test]
fn overlap_agrees_with_the_member_lists() {
    let file = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/ui/small.json")
        .display()
        .to_string();
    let members = |body: &str| -> Vec<String> {
        let value = json(&minilateral(&[
            "members",
            &file,
            body,
            "--at",
            "2013",
            "--level",
            "signatory",
            "--json",
        ]));
        value["members"]
            .as_array()
            .expect("a member list")
            .iter()
            .map(|m| m["actor"].as_str().expect("an id").to_owned())
            .collect()
    };
    let value = json(&minilateral(&[
        "overlap",
        &file,
        "acta",
        "--at",
        "2013",
        "--level",
        "signatory",
        "--json",
    ]));
    assert_eq!(value["body"]["id"], "acta");
    let acta = members("acta");
    assert_eq!(value["body"]["members"], acta.len());
    let pairs = value["pairs"].as_array().expect("pairs");
    assert!(
        !pairs.is_empty(),
        "ACTA's signatories are in other bodies too"
    );
    let mut last = f64::INFINITY;
    for pair in pairs {
        assert_eq!(pair["a"]["id"], "acta");
        let other = pair["b"]["id"].as_str().expect("an id");
        let theirs = members(other);
        let shared = acta.iter().filter(|id| theirs.contains(id)).count();
        assert_eq!(pair["shared"], shared, "acta and {other}");
        assert_eq!(pair["b"]["members"], theirs.len());
        let union = acta.len() + theirs.len() - shared;
        let similarity = pair["similarity"].as_f64().expect("a number");
        assert!((similarity - shared as f64 / union as f64).abs() < 1e-6);
        assert!(similarity <= last, "most alike first");
        last = similarity;
    }

    // Every pair, as a table; an unknown body is a usage error.
    let table = minilateral(&["overlap", &file, "--at", "2013", "--top", "3"]);
    assert_eq!(table.status.code(), Some(0));
    let lines = text(&table.stdout);
    assert!(lines.starts_with("Pairs of bodies sharing members as of 2013-12-31 (level party)"));
    assert!(lines.lines().count() <= 2 + 3, "{lines}");
    // The whole matrix as CSV: symmetric, with each body's member count on the diagonal.
    let matrix = minilateral(&["overlap", &file, "--at", "2013", "--matrix", "shared"]);
    assert_eq!(matrix.status.code(), Some(0), "{}", text(&matrix.stderr));
    let csv = text(&matrix.stdout);
    let rows: Vec<Vec<&str>> = csv.lines().map(|line| line.split(',').collect()).collect();
    let ids = &rows[0][1..];
    assert_eq!(rows[0][0], "body");
    assert_eq!(rows.len(), ids.len() + 1);
    let stats = json(&minilateral(&["stats", &file, "--at", "2013", "--json"]));
    for (i, row) in rows[1..].iter().enumerate() {
        assert_eq!(row[0], ids[i]);
        for (j, cell) in row[1..].iter().enumerate() {
            assert_eq!(*cell, rows[j + 1][i + 1], "symmetric");
        }
        let size = stats["bodies"]
            .as_array()
            .expect("bodies")
            .iter()
            .find(|b| b["id"] == ids[i])
            .map(|b| b["members"].to_string())
            .expect("the body is in stats");
        assert_eq!(row[i + 1], size, "{}'s own count on the diagonal", ids[i]);
    }
    let unknown = minilateral(&["overlap", &file, "tpp"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(text(&unknown.stderr).contains("no body with id \"tpp\""));
}

fn shaped(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/shaped")
        .join(name)
        .display()
        .to_string()
}

#[test]
fn convert_reads_a_chart_once_its_body_is_named_and_remembers_it() {
    let folder = tempfile::tempdir().expect("temporary folder");
    let chart = folder.path().join("chart.csv");
    std::fs::copy(shaped("budapest_chart.csv"), &chart).expect("copy");
    let chart = chart.display().to_string();
    let out = folder.path().join("budapest.json").display().to_string();

    let asked = minilateral(&["convert", &chart, &out]);
    assert_eq!(asked.status.code(), Some(1));
    let stdout = text(&asked.stderr);
    assert!(
        stdout.contains("the table has no body column") && stdout.contains("--body-name NAME"),
        "{stdout}"
    );

    let done = minilateral(&[
        "convert",
        &chart,
        &out,
        "--body",
        "budapest",
        "--body-name",
        "Convention on Cybercrime",
        "--map",
        "ignore=Entry into force",
    ]);
    assert_eq!(done.status.code(), Some(0), "{}", text(&done.stderr));
    let stderr = text(&done.stderr);
    assert!(
        stderr.contains("remembered the columns' roles in"),
        "{stderr}"
    );
    let members = minilateral(&["members", &out, "budapest", "--at", "2015", "--json"]);
    assert_eq!(members.status.code(), Some(0), "{}", text(&members.stderr));
    let listed = json(&members);
    let ids: Vec<&str> = listed["members"]
        .as_array()
        .expect("members")
        .iter()
        .filter_map(|m| m["actor"].as_str())
        .collect();
    assert!(
        ids.contains(&"ALB") && ids.contains(&"USA") && ids.contains(&"JPN"),
        "{ids:?}"
    );
    assert!(
        !ids.contains(&"AND"),
        "Andorra ratified in November 2016: {ids:?}"
    );

    // Every other command reads the table the same way now, without asking again.
    let stats = minilateral(&["stats", &chart, "--at", "2016"]);
    assert_eq!(stats.status.code(), Some(0), "{}", text(&stats.stdout));
    assert!(
        text(&stats.stdout).contains("budapest"),
        "{}",
        text(&stats.stdout)
    );
}

#[test]
fn an_uncertain_column_names_the_map_that_settles_it() {
    let folder = tempfile::tempdir().expect("temporary folder");
    let table = folder.path().join("members.tsv");
    std::fs::write(
        &table,
        "who\tForum\tJoined\nFrance\tG7\t1975\nItaly\tG7\t1975\n",
    )
    .expect("write");
    let table = table.display().to_string();
    let out = folder.path().join("g7.gexf").display().to_string();
    let asked = minilateral(&["convert", &table, &out]);
    assert_eq!(asked.status.code(), Some(1));
    let stdout = text(&asked.stderr);
    assert!(
        stdout.contains("column \"who\" was taken for the actor from its values")
            && stdout.contains("--map actor=\"who\""),
        "{stdout}"
    );
    let done = minilateral(&["convert", &table, &out, "--map", "actor=who"]);
    assert_eq!(done.status.code(), Some(0), "{}", text(&done.stderr));
    let bad = minilateral(&["convert", &table, &out, "--map", "colour=who"]);
    assert_eq!(bad.status.code(), Some(2), "a usage error");
    assert!(text(&bad.stderr).contains("unknown role \"colour\""));
}

#[test]
fn validate_reads_spreadsheets_and_depositary_tables() {
    let sheet = minilateral(&["validate", &shaped("foc_members.xlsx")]);
    // No body column: the sheet asks for the body's name.
    assert_eq!(sheet.status.code(), Some(1));
    assert!(
        text(&sheet.stdout).contains("--body-name"),
        "{}",
        text(&sheet.stdout)
    );
    let matrix = minilateral(&["validate", &shaped("cow_matrix.csv")]);
    assert_eq!(matrix.status.code(), Some(0), "{}", text(&matrix.stdout));
    let stdout = text(&matrix.stdout);
    assert!(stdout.contains("cells are missing (-9)"), "{stdout}");
    assert!(stdout.contains("2 bodies"), "{stdout}");
}

#[test]
fn generate_writes_a_seeded_dataset_and_its_network_as_dot() {
    let folder = tempfile::tempdir().expect("temporary folder");
    let file = |name: &str| folder.path().join(name).display().to_string();
    let first = minilateral(&[
        "generate",
        &file("a.json"),
        "--nodes",
        "500",
        "--seed",
        "3",
        "--dot",
        &file("a.dot"),
    ]);
    assert_eq!(first.status.code(), Some(0), "{}", text(&first.stderr));
    let again = minilateral(&["generate", &file("b.json"), "--nodes", "500", "--seed", "3"]);
    assert_eq!(again.status.code(), Some(0), "{}", text(&again.stderr));
    let read = |name: &str| std::fs::read_to_string(file(name)).expect("written file");
    assert_eq!(read("a.json"), read("b.json"), "same seed, same file");

    // The file reads back with 400 actors, 100 bodies and eight events per node.
    let (dataset, report) =
        minilateral::io::load(&folder.path().join("a.json")).expect("a valid dataset");
    assert!(report.issues.is_empty(), "{report}");
    assert_eq!((dataset.actors.len(), dataset.bodies.len()), (400, 100));
    assert_eq!(dataset.events.len(), 4_000);

    // The DOT file has every node and one edge per tie of the network.
    let document = minilateral::document::Document::new(dataset, String::new(), String::new());
    let dot = read("a.dot");
    assert!(dot.starts_with("graph minilateral {"), "{dot}");
    assert_eq!(dot.matches(" -- ").count(), document.graph.edges.len());
    for number in [0, 99, 100, 499] {
        assert!(dot.contains(&format!("  n{number};\n")), "node {number}");
    }
    assert!(!dot.contains("  n500;\n"));

    let bad = minilateral(&["generate", &file("c.json"), "--nodes", "2"]);
    assert_eq!(bad.status.code(), Some(2));
}
