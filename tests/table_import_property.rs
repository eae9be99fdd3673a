//! No input makes the table import (io::shaped) or the generic-graph rules panic: arbitrary
//! text as a table, cut and mutated fixtures of every shape, arbitrary bytes as a
//! spreadsheet, arbitrary date cells, and random two-mode graphs in any direction.

use std::path::{Path, PathBuf};

use proptest::prelude::*;

use minilateral::io::shaped::{self, DateOrder, Grid, Role, TableOptions};
use minilateral::io::{self, load_pasted};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/shaped")
        .join(name)
}

const TEXT_FIXTURES: [&str; 6] = [
    "budapest_chart.csv",
    "opsc_depositary.tsv",
    "foc_long.csv",
    "budapest_mdy.csv",
    "budapest_words.csv",
    "cow_matrix.csv",
];

/// Text whose characters stress a table: separators, quotes, digits, date letters, line
/// ends, minus signs and accents.
fn table_text() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9 ,;\t\n\r\"/.\\-()\\[\\]*éü]{0,300}"
}

fn options() -> impl Strategy<Value = TableOptions> {
    (
        proptest::option::of("[a-z ]{1,8}"),
        proptest::option::of(prop_oneof![
            Just(DateOrder::DayFirst),
            Just(DateOrder::MonthFirst)
        ]),
        proptest::collection::vec(
            (proptest::sample::select(Role::all()), "[A-Za-z0-9 ]{1,6}"),
            0..3,
        ),
    )
        .prop_map(|(body_name, date_order, roles)| TableOptions {
            body_name,
            date_order,
            roles,
            ..TableOptions::default()
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn any_text_as_a_pasted_table_never_panics(text in table_text(), options in options()) {
        let _ = load_pasted("pasted", &text, &options);
    }

    #[test]
    fn cut_and_mutated_fixtures_never_panic(
        which in 0usize..TEXT_FIXTURES.len(),
        cut in 0usize..3000,
        at in 0usize..3000,
        junk in "[0-9a-zA-Z,;\t\n\"/\\-]{0,6}",
        options in options(),
    ) {
        let text = std::fs::read_to_string(fixture(TEXT_FIXTURES[which])).expect("fixture");
        let mut bytes: Vec<char> = text.chars().collect();
        bytes.truncate(cut.min(bytes.len()));
        let at = at.min(bytes.len());
        let mutated: String = bytes[..at].iter().chain(junk.chars().collect::<Vec<_>>().iter()).chain(bytes[at..].iter()).collect();
        let _ = load_pasted(TEXT_FIXTURES[which], &mutated, &options);
        if let Ok(grid) = Grid::from_text("t", &mutated) {
            let mapping = shaped::guess(&grid);
            let _ = mapping.doubts(&grid);
            let _ = shaped::build(&grid, &mapping);
        }
    }

    #[test]
    fn any_bytes_as_a_spreadsheet_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        let _ = Grid::from_spreadsheet("x.xlsx", bytes);
    }

    #[test]
    fn cut_spreadsheets_never_panic(which in 0usize..2, cut in 0usize..2400, flip in 0usize..2400) {
        let name = ["foc_members.xlsx", "foc_members.ods"][which];
        let mut bytes = std::fs::read(fixture(name)).expect("fixture");
        if let Some(byte) = bytes.get_mut(flip) {
            *byte = byte.wrapping_add(1);
        }
        bytes.truncate(cut.max(1));
        let _ = Grid::from_spreadsheet(name, bytes);
    }

    #[test]
    fn any_date_cell_never_panics(text in "[0-9a-zA-Z /.\\-,()\\[\\]*]{0,24}") {
        for order in [None, Some(DateOrder::DayFirst), Some(DateOrder::MonthFirst)] {
            let _ = shaped::parse_date_cell(&text, order);
        }
    }

    #[test]
    fn random_two_mode_graphs_read_in_either_direction(
        edges in proptest::collection::vec((0usize..12, 0usize..4, any::<bool>(), 1990u16..2030), 0..30),
        kind in any::<bool>(),
    ) {
        // States s0..s11 and bodies b0..b3; each edge written in either direction, with a
        // year attribute; a kind attribute on half the runs.
        let mut nodes = String::from(if kind { "Id,Label,Kind\n" } else { "Id,Label\n" });
        for i in 0..12 {
            nodes.push_str(&format!("s{i},State {i}{}\n", if kind { ",state" } else { "" }));
        }
        for i in 0..4 {
            nodes.push_str(&format!("b{i},Body {i}{}\n", if kind { ",coalition" } else { "" }));
        }
        let mut table = String::from("Source,Target,Year\n");
        for (state, body, turned, year) in &edges {
            let (a, b) = (format!("s{state}"), format!("b{body}"));
            let (source, target) = if *turned { (b, a) } else { (a, b) };
            table.push_str(&format!("{source},{target},{year}\n"));
        }
        let folder = tempfile::tempdir().expect("temporary folder");
        std::fs::write(folder.path().join("g.nodes.csv"), nodes).expect("write");
        let path = folder.path().join("g.edges.csv");
        std::fs::write(&path, table).expect("write");
        if let Ok((dataset, report)) = io::load(&path)
            && kind
        {
            // The kind attribute decides, whatever the direction.
            prop_assert!(dataset.bodies.iter().all(|b| b.id.starts_with('b')), "{}", report);
            prop_assert!(dataset.events.iter().all(|e| e.body_id.starts_with('b')), "{}", report);
        }
    }
}
