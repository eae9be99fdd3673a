//! GEXF and GraphML: our files round-trip every fact (GEXF reports the metadata it cannot
//! hold), networkx reads them with the same counts, files written by Gephi and networkx
//! are mapped, and malformed XML is an error that names the file and line.

use std::path::{Path, PathBuf};
use std::process::Command;

use minilateral::io::{self, DatasetError, Format};
use minilateral::model::{Dataset, EventKind};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/graph")
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

fn round_trip(extension: &str) -> (Dataset, PathBuf, tempfile::TempDir) {
    let folder = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = folder.path().join(format!("sample.{extension}"));
    io::save(&sample(), &path).unwrap_or_else(|e| panic!("{e}"));
    let (again, _) = io::load(&path).unwrap_or_else(|e| panic!("{e}"));
    (again, path, folder)
}

#[test]
fn graphml_keeps_every_fact() {
    let (again, _, _folder) = round_trip("graphml");
    assert_eq!(again, sample());
}

#[test]
fn gexf_keeps_every_fact_but_the_licence_and_notes_and_says_so() {
    let (again, _, _folder) = round_trip("gexf");
    let mut expected = sample();
    let lost = io::lost_in(Format::Gexf, &expected);
    assert_eq!(lost.len(), 2, "{lost:?}");
    expected.meta.license.clear();
    expected.meta.notes.clear();
    assert_eq!(again, expected);
}

#[test]
fn our_gexf_is_dynamic_with_spells_and_status() {
    let (_, path, _folder) = round_trip("gexf");
    let text = std::fs::read_to_string(path).unwrap_or_default();
    assert!(text.contains("mode=\"dynamic\"") && text.contains("timeformat=\"date\""));
    assert!(
        text.contains("<spell start=\"2007-10-23\""),
        "the ACTA talks open the launch partners' spells"
    );
    assert!(text.contains("<attvalue for=\"status\" value=\"signatory\" start=\"2011-10-01\""));
}

#[test]
fn networkx_reads_our_files_with_the_same_counts() {
    let dataset = sample();
    let pairs: std::collections::BTreeSet<_> = dataset
        .events
        .iter()
        .map(|e| (&e.actor_id, &e.body_id))
        .collect();
    let nodes = dataset.actors.len() + dataset.bodies.len();
    let edges = pairs.len() + dataset.relations.len();
    let (_, gexf, _a) = round_trip("gexf");
    let (_, graphml, _b) = round_trip("graphml");
    let script = format!(
        "import networkx as nx\ng = nx.read_gexf({:?}, version='1.3')\nh = nx.read_graphml({:?})\nprint(g.number_of_nodes(), g.number_of_edges(), h.number_of_nodes(), h.number_of_edges())",
        gexf.display().to_string(),
        graphml.display().to_string()
    );
    let output = Command::new("python3")
        .args(["-c", &script])
        .output()
        .unwrap_or_else(|e| panic!("python3 is needed for this test (CI installs it): {e}"));
    assert!(
        output.status.success(),
        "networkx failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let counts = String::from_utf8_lossy(&output.stdout).trim().to_owned();
    assert_eq!(counts, format!("{nodes} {edges} {nodes} {edges}"));
}

#[test]
fn reads_files_written_by_gephi_and_networkx() {
    let (gephi, report) =
        io::load(&fixture("gephi_static_12draft.gexf")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(gephi.bodies.len(), 1, "edge targets become bodies");
    assert_eq!(gephi.actors.len(), 2);
    assert_eq!(
        gephi.actor("USA").and_then(|a| a.region.as_deref()),
        Some("Americas")
    );
    let japan = gephi
        .events
        .iter()
        .find(|e| e.actor_id == "JPN")
        .expect("Japan's edge");
    assert_eq!(
        japan.date.to_string(),
        "2012-07-03",
        "Gephi's date-time keeps its date"
    );
    let text = report.to_string();
    assert!(
        text.contains("no \"type\" attribute") && text.contains("give no source"),
        "{text}"
    );

    let (dynamic, _) =
        io::load(&fixture("networkx_dynamic.gexf")).unwrap_or_else(|e| panic!("{e}"));
    let withdrew: Vec<_> = dynamic
        .events
        .iter()
        .filter(|e| e.kind == EventKind::Withdrew)
        .collect();
    assert_eq!(withdrew.len(), 1, "a closed spell ends the membership");
    assert_eq!(withdrew[0].actor_id, "JPN");

    for name in ["networkx_static_13.gexf", "networkx_static.graphml"] {
        let (dataset, _) = io::load(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(dataset.bodies.len(), 1, "{name}");
        assert_eq!(
            dataset.actor("FRA").and_then(|a| a.region.as_deref()),
            Some("Europe"),
            "{name}"
        );
    }
}

#[test]
fn malformed_files_are_errors_naming_file_and_line() {
    let cases = [
        ("err_binary.gexf", "not UTF-8"),
        ("err_broken_tags.gexf", ":2: error: not well-formed XML"),
        ("err_deep_nesting.gexf", "nested more than 64 deep"),
        (
            "err_edge_without_target.gexf",
            ":2: error: an <edge> lacks a source or a target",
        ),
        (
            "err_entity_expansion.gexf",
            ":3: error: unknown entity &lol2;",
        ),
        (
            "err_external_entity.gexf",
            ":3: error: unknown entity &xxe;",
        ),
        ("err_not_gexf.gexf", ":2: error: not a GEXF file"),
        ("err_truncated.gexf", "cut short"),
        ("err_unknown_node.graphml", "unknown body id \"b\""),
        ("err_mismatched.graphml", ":2: error: not well-formed XML"),
    ];
    for (name, expected) in cases {
        let message = match io::load(&fixture(name)) {
            Ok((_, report)) => panic!("{name} loaded: {report}"),
            Err(DatasetError::Invalid(report)) => report.to_string(),
            Err(other) => other.to_string(),
        };
        assert!(
            message.contains(name),
            "{name}: the message names the file: {message}"
        );
        assert!(
            message.contains(expected),
            "{name}: expected {expected:?} in {message:?}"
        );
    }
}
