//! Gephi CSV: the nodes and edges tables of Gephi's Data Laboratory ("spreadsheet" import
//! and export). A dataset is a pair of files, `NAME.nodes.csv` (`Id,Label,` + attribute
//! columns) and `NAME.edges.csv` (`Source,Target,Type,Id,Label,Interval,` + attribute
//! columns); reading either one finds the other by swapping the word `nodes`/`edges` in
//! its name, and an edges table alone is enough (its nodes come from Source and Target).
//!
//! What Gephi expects, from its documentation and its own parser (read, not copied):
//! - gephi.org/users/supported-graph-formats/spreadsheet: the node id column must be named
//!   `Id`, the edge columns `Source` and `Target`; `Label`, `Type`
//!   (Directed/Undirected/Mixed), `Id` and `Weight` are optional; any other column is an
//!   attribute; time intervals are written `<[1,2];[4,4]>`, `[ ]` closed and `( )` open.
//! - gephi/graphstore `IntervalsParser`: an interval set is `<[start, end]; [start, end]>`,
//!   a dynamic value `<[start, end, value]; …>`; bounds are numbers or ISO dates/datetimes;
//!   an unbounded end is `Infinity` (Java's `Double.parseDouble`, any case), so Minilateral
//!   writes `Infinity` and reads `inf`, `infinity` and `-inf` too; `<empty>` is no interval.
//! - Gephi's own spreadsheet export names its time column `timeset`
//!   (`Source,Target,Type,Id,Label,timeset,Weight`), the wiki "Time Interval": all are read.
//!
//! Membership edges carry their periods in the interval column, a dynamic `status` column
//! and, so that no fact is lost, their sourced events in an `events` column (the text of
//! [`events_text`]); relations are edges with a `relation` column. The dataset's title,
//! description, licence and notes have no place in the pair (see [`super::lost_in`]).

use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use super::NodeLooks;
use super::csv_table::{CsvTable, HeaderPlace, csv_text, header_keys, table_issue as issue};
use super::graph_file::{
    GenericEdge, GenericGraph, GenericNode, KIND_ATTRIBUTES, NODE_ATTRIBUTES, actor_attributes,
    body_attributes, events_text, membership_edges,
};
use super::report::{ImportReport, Severity};
use crate::model::{Dataset, PartialDate, Word};

/// Which table of a Gephi CSV pair a file is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// The nodes table (`Id,Label,...`).
    Nodes,
    /// The edges table (`Source,Target,...`).
    Edges,
}

/// What a `.csv` file holds, judged from its header line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CsvKind {
    /// An events table (with side tables).
    EventsTable,
    /// One table of a Gephi CSV pair.
    Gephi(Role),
}

/// The names of the time-interval column, as normalised column keys.
const INTERVAL_COLUMNS: [&str; 6] = [
    "interval",
    "intervals",
    "time_interval",
    "timeset",
    "time_set",
    "timeinterval",
];

/// Gephi's own node columns that Minilateral reads past without a warning.
const IGNORED_NODE_COLUMNS: [&str; 7] = ["x", "y", "z", "size", "color", "colour", "weight"];

/// Gephi's own edge columns that Minilateral reads past without a warning (`status` is
/// derived from the events).
const IGNORED_EDGE_COLUMNS: [&str; 5] = ["type", "id", "label", "weight", "status"];

/// Edge attribute columns: (column key, attribute title in the generic graph). Our event
/// sources go in `source_url` because `Source` is Gephi's source node.
const EDGE_ATTRIBUTE_COLUMNS: [(&str, &str); 12] = [
    ("relation", "relation"),
    ("events", "events"),
    ("source_url", "source"),
    ("note", "note"),
    // The time columns other tools write, read when an edge has no interval.
    ("start", "start"),
    ("end", "end"),
    ("date", "date"),
    ("year", "year"),
    ("from", "from"),
    ("to", "to"),
    ("since", "since"),
    ("joined", "joined"),
];

/// Node attribute columns whose values are words, dates or codes: read trimmed. Free text
/// (label, note, description, region, ...) is kept exactly as written.
const TRIMMED_NODE_COLUMNS: [&str; 7] =
    ["type", "kind", "law", "issues", "opened", "closed", "iso3"];

/// The role a file name suggests: a stem ending in `nodes` or `edges` (any case), such as
/// `data.nodes.csv`, `Nodes.csv` or `acta_edges.csv`.
pub fn role_from_name(path: &Path) -> Option<Role> {
    let (_, word) = split_role_word(path)?;
    Some(if word.eq_ignore_ascii_case("nodes") {
        Role::Nodes
    } else {
        Role::Edges
    })
}

/// Splits a file name into (the part before the role word, the role word as written).
fn split_role_word(path: &Path) -> Option<(String, String)> {
    let extension = path.extension()?.to_str()?.to_ascii_lowercase();
    if !matches!(extension.as_str(), "csv" | "tsv" | "txt") {
        return None;
    }
    let stem = path.file_stem()?.to_str()?;
    let cut = stem.len().checked_sub(5)?;
    if !stem.is_char_boundary(cut) {
        return None;
    }
    let (head, word) = stem.split_at(cut);
    let lower = word.to_ascii_lowercase();
    (lower == "nodes" || lower == "edges").then(|| (head.to_owned(), word.to_owned()))
}

/// The other table of the pair: `data.nodes.csv` ↔ `data.edges.csv` (the word keeps its
/// case: `Nodes.csv` ↔ `Edges.csv`).
pub fn sibling_path(path: &Path) -> Option<PathBuf> {
    let (head, word) = split_role_word(path)?;
    let other = if word.eq_ignore_ascii_case("nodes") {
        "edges"
    } else {
        "nodes"
    };
    let other: String = other
        .chars()
        .zip(word.chars())
        .map(|(new, old)| {
            if old.is_ascii_uppercase() {
                new.to_ascii_uppercase()
            } else {
                new
            }
        })
        .collect();
    let extension = path.extension()?.to_str()?;
    Some(path.with_file_name(format!("{head}{other}.{extension}")))
}

/// Tells a Gephi table from an events table by its header (column names in any case):
/// `Source` and `Target` make an edges table; `event` and `date` an events table; `Id`
/// with a `Label` (or without a `Name`) a nodes table; a file named like a nodes or edges table that is not clearly an
/// events table is read as that table (so that a missing `Id` column is reported as such).
pub fn sniff(text: &str, path: &Path) -> CsvKind {
    let columns = header_keys(text);
    let has = |name: &str| columns.iter().any(|column| column == name);
    if has("source") && has("target") {
        return CsvKind::Gephi(Role::Edges);
    }
    // An events table that also numbers its rows in an `id` column stays an events table.
    if has("event") && has("date") {
        return CsvKind::EventsTable;
    }
    if has("id") && (has("label") || !has("name")) {
        return CsvKind::Gephi(Role::Nodes);
    }
    let events_table = has("event") || has("instrument_id") || has("date");
    match role_from_name(path) {
        Some(role) if !events_table => CsvKind::Gephi(role),
        _ => CsvKind::EventsTable,
    }
}

/// An interval as (start, end) date texts; `None` is an unbounded side.
pub type Interval = (Option<String>, Option<String>);

/// Parses a Gephi interval set (`<[2001-11-23, 2014-05-01]>`,
/// `<[2001-11-23, 2004-01-01); [2008-05-01, inf]>`, `[2001,2004]`, `<empty>`) into
/// (start, end) dates as `YYYY[-MM[-DD]]` text, `None` for an unbounded end.
///
/// Bounds may be ISO dates or date-times (the date is kept), years (`2001`, `2001.0`) or
/// milliseconds since 1970 (what Gephi stores for dates); anything else is an error that
/// says why.
pub fn parse_intervals(text: &str) -> Result<Vec<Interval>, String> {
    let mut rest = text.trim();
    if rest.is_empty() || rest.eq_ignore_ascii_case("<empty>") {
        return Ok(Vec::new());
    }
    rest = rest.strip_prefix('<').unwrap_or(rest);
    rest = rest.strip_suffix('>').unwrap_or(rest);
    let mut intervals = Vec::new();
    let mut chars = rest.char_indices().peekable();
    while let Some((index, c)) = chars.next() {
        match c {
            '[' | '(' => {
                let body_start = index + 1;
                let Some((end, _)) = chars.find(|&(_, c)| c == ']' || c == ')') else {
                    return Err("an interval is not closed with ] or )".into());
                };
                let parts: Vec<&str> = rest[body_start..end].split(',').map(str::trim).collect();
                let [start, end] = parts.as_slice() else {
                    return Err(format!(
                        "an interval needs a start and an end, found {} value(s) (Gephi timestamps are not intervals)",
                        parts.len()
                    ));
                };
                let start_date = bound(start)?;
                let end_date = bound(end)?;
                if let (Some(start), Some(end)) = (&start_date, &end_date) {
                    let order = |text: &str| PartialDate::parse(text).map(PartialDate::start).ok();
                    if order(start) > order(end) {
                        return Err(format!(
                            "the interval ends ({end}) before it starts ({start})"
                        ));
                    }
                }
                intervals.push((start_date, end_date));
            }
            ';' | ',' | ' ' | '\t' | '\r' | '\n' => {}
            other => return Err(format!("unexpected \"{other}\" outside an interval")),
        }
    }
    if intervals.is_empty() {
        return Err("no interval found (expected <[start, end]>)".into());
    }
    Ok(intervals)
}

/// One interval bound as a date text, `None` when unbounded.
fn bound(text: &str) -> Result<Option<String>, String> {
    let lower = text.to_ascii_lowercase();
    if text.is_empty()
        || matches!(
            lower.as_str(),
            "inf" | "+inf" | "-inf" | "infinity" | "+infinity" | "-infinity"
        )
    {
        return Ok(None);
    }
    if let Ok(number) = text.parse::<f64>() {
        if number.fract() == 0.0 && (1000.0..=9999.0).contains(&number) {
            return Ok(Some(format!("{number:.0}")));
        }
        if number.fract() == 0.0 && number.abs() >= 1e10 && number.abs() < 1e15 {
            // Gephi keeps dates as milliseconds since 1970 (UTC); a whole number below
            // 1e15 converts exactly.
            let millis = number as i64;
            return jiff::Timestamp::from_millisecond(millis)
                .map(|t| Some(t.to_zoned(jiff::tz::TimeZone::UTC).date().to_string()))
                .map_err(|error| format!("bad timestamp {text}: {error}"));
        }
        return Err(format!(
            "the bound {text} is neither a year nor a date in milliseconds since 1970"
        ));
    }
    // Gephi writes date-times (2012-01-26T00:00:00.000+01:00); keep the date.
    let date_part = text.split(['T', ' ']).next().unwrap_or(text);
    PartialDate::parse(date_part)
        .map(|date| Some(date.to_string()))
        .map_err(|error| error.to_string())
}

/// Reads a Gephi CSV pair (either table may be absent, not both) into a generic graph.
/// `report_file` names the file the user opened.
pub fn read_graph(
    report_file: &str,
    nodes: Option<(&str, &str)>,
    edges: Option<(&str, &str)>,
) -> Result<(GenericGraph, ImportReport), ImportReport> {
    let mut report = ImportReport::new(report_file);
    let mut graph = GenericGraph::default();
    let mut known_ids: Option<HashMap<String, usize>> = None;
    if let Some((file, text)) = nodes
        && let Some(table) = CsvTable::parse(file, text, &mut report)
    {
        known_ids = Some(read_nodes(&table, &mut graph, &mut report));
    }
    if let Some((file, text)) = edges
        && let Some(table) = CsvTable::parse(file, text, &mut report)
    {
        let nodes_file = nodes.map(|(file, _)| file);
        read_edges(
            &table,
            known_ids.as_ref().zip(nodes_file),
            &mut graph,
            &mut report,
        );
    }
    report.sort_by_place();
    if report.is_ok() {
        Ok((graph, report))
    } else {
        Err(report)
    }
}

/// Reads the nodes table; returns the line of each node id.
fn read_nodes(
    table: &CsvTable,
    graph: &mut GenericGraph,
    report: &mut ImportReport,
) -> HashMap<String, usize> {
    let mut lines = HashMap::new();
    let id = table.column(&["id"]);
    let Some(id) = id else {
        report.issues.push(issue(
            &table.file,
            1,
            Some("Id"),
            Severity::Error,
            "not a Gephi nodes table: there is no \"Id\" column".into(),
        ));
        return lines;
    };
    let label = table.column(&["label"]);
    // Our attributes, and the kind-like columns of other tools (`Category`, `Class` ...)
    // that may tell actors from bodies.
    let attributes: Vec<(usize, &str)> = NODE_ATTRIBUTES
        .iter()
        .chain(
            KIND_ATTRIBUTES
                .iter()
                .filter(|k| !NODE_ATTRIBUTES.contains(k)),
        )
        .filter(|title| **title != "title")
        .filter_map(|title| table.column(&[title]).map(|index| (index, *title)))
        .collect();
    table.warn_unknown_columns(
        |key| {
            key == "id"
                || key == "label"
                || KIND_ATTRIBUTES.contains(&key)
                || INTERVAL_COLUMNS.contains(&key)
                || IGNORED_NODE_COLUMNS.contains(&key)
                || (key != "title" && NODE_ATTRIBUTES.contains(&key))
        },
        HeaderPlace::Line,
        report,
    );
    let id_header = table.header(Some(id), "Id");
    for row in &table.rows {
        let line = row.line;
        let node_id = row.trimmed(Some(id));
        if node_id.is_empty() {
            report.issues.push(issue(
                &table.file,
                line,
                Some(&id_header),
                Severity::Error,
                "the node id is empty".into(),
            ));
            continue;
        }
        if let Some(first) = lines.get(node_id) {
            report.issues.push(issue(
                &table.file,
                line,
                Some(&id_header),
                Severity::Error,
                format!("duplicate node id \"{node_id}\" (first on line {first})"),
            ));
            continue;
        }
        lines.insert(node_id.to_owned(), line);
        let mut values = std::collections::BTreeMap::new();
        for &(index, title) in &attributes {
            let value = row.cell(Some(index));
            let value = if TRIMMED_NODE_COLUMNS.contains(&title) {
                value.trim()
            } else {
                value
            };
            if !value.is_empty() {
                values.insert(title.to_owned(), value.to_owned());
            }
        }
        graph.nodes.push(GenericNode {
            id: node_id.to_owned(),
            label: row.cell(label).to_owned(),
            attributes: values,
            line,
            file: Some(table.file.clone()),
        });
    }
    lines
}

/// Reads the edges table. `nodes` is the nodes table's ids and file name, when there is
/// one; without it, the nodes are the edges' ends.
fn read_edges(
    table: &CsvTable,
    nodes: Option<(&HashMap<String, usize>, &str)>,
    graph: &mut GenericGraph,
    report: &mut ImportReport,
) {
    let (Some(source), Some(target)) = (table.column(&["source"]), table.column(&["target"]))
    else {
        report.issues.push(issue(
            &table.file,
            1,
            Some("Source"),
            Severity::Error,
            "not a Gephi edges table: it needs \"Source\" and \"Target\" columns".into(),
        ));
        return;
    };
    let interval = table.column(&INTERVAL_COLUMNS);
    let attributes: Vec<(usize, &str)> = EDGE_ATTRIBUTE_COLUMNS
        .iter()
        .filter_map(|(key, title)| table.column(&[key]).map(|index| (index, *title)))
        .collect();
    table.warn_unknown_columns(
        |key| {
            key == "source"
                || key == "target"
                || INTERVAL_COLUMNS.contains(&key)
                || IGNORED_EDGE_COLUMNS.contains(&key)
                || EDGE_ATTRIBUTE_COLUMNS.iter().any(|(k, _)| *k == key)
        },
        HeaderPlace::Line,
        report,
    );
    let headers = [
        table.header(Some(source), "Source"),
        table.header(Some(target), "Target"),
    ];
    let interval_header = table.header(interval, "Interval");
    let mut seen: BTreeSet<String> = BTreeSet::new();
    for row in &table.rows {
        let line = row.line;
        let ends = [row.trimmed(Some(source)), row.trimmed(Some(target))];
        let mut usable = true;
        for (end, header) in ends.iter().zip(&headers) {
            let problem = if end.is_empty() {
                Some("the node id is empty".to_owned())
            } else if let Some((ids, nodes_file)) = nodes
                && !ids.contains_key(*end)
            {
                Some(format!("unknown node id \"{end}\" (not in {nodes_file})"))
            } else {
                None
            };
            if let Some(message) = problem {
                report.issues.push(issue(
                    &table.file,
                    line,
                    Some(header),
                    Severity::Error,
                    message,
                ));
                usable = false;
            }
        }
        let interval_text = row.cell(interval);
        let spells = match parse_intervals(interval_text) {
            Ok(spells) => spells,
            Err(reason) => {
                report.issues.push(issue(
                    &table.file,
                    line,
                    Some(&interval_header),
                    Severity::Error,
                    format!("bad interval \"{}\": {reason}", interval_text.trim()),
                ));
                usable = false;
                Vec::new()
            }
        };
        if !usable {
            continue;
        }
        if nodes.is_none() {
            for end in ends {
                if seen.insert(end.to_owned()) {
                    graph.nodes.push(GenericNode {
                        id: end.to_owned(),
                        line,
                        file: Some(table.file.clone()),
                        ..GenericNode::default()
                    });
                }
            }
        }
        let values = attributes
            .iter()
            .filter_map(|&(index, title)| {
                let value = row.cell(Some(index));
                (!value.is_empty()).then(|| (title.to_owned(), value.to_owned()))
            })
            .collect();
        graph.edges.push(GenericEdge {
            source: ends[0].to_owned(),
            target: ends[1].to_owned(),
            attributes: values,
            spells,
            line,
            file: Some(table.file.clone()),
        });
    }
}

/// Formats a date bound of an interval: the first day of the period.
fn date_bound(date: Option<PartialDate>) -> String {
    date.map_or_else(|| "Infinity".to_owned(), |d| d.start().to_string())
}

/// Writes a dataset as a Gephi CSV pair: (nodes table, edges table). Node positions from
/// `looks` become `x` and `y` columns.
pub fn write_strings(dataset: &Dataset, looks: &NodeLooks) -> (String, String) {
    let mut sorted = dataset.clone();
    sorted.canonicalize();
    let titles: Vec<&str> = NODE_ATTRIBUTES
        .iter()
        .copied()
        .filter(|t| *t != "title")
        .collect();
    let with_positions = !looks.positions.is_empty();
    let mut header = vec!["Id", "Label"];
    header.extend(&titles);
    if with_positions {
        header.extend(["x", "y"]);
    }
    let node_row = |id: &str, label: &str, values: Vec<(&'static str, String)>| {
        let mut row = vec![id.to_owned(), label.to_owned()];
        row.extend(titles.iter().map(|title| {
            values
                .iter()
                .find(|(t, _)| t == title)
                .map(|(_, v)| v.clone())
                .unwrap_or_default()
        }));
        if with_positions {
            let (x, y) = looks
                .positions
                .get(id)
                .map(|(x, y)| (format!("{x:.2}"), format!("{y:.2}")))
                .unwrap_or_default();
            row.extend([x, y]);
        }
        row
    };
    let nodes = csv_text(
        &header,
        sorted
            .actors
            .iter()
            .map(|actor| node_row(&actor.id, &actor.name, actor_attributes(actor)))
            .chain(
                sorted
                    .bodies
                    .iter()
                    .map(|body| node_row(&body.id, &body.name, body_attributes(body))),
            ),
    );

    let edge_header = [
        "Source",
        "Target",
        "Type",
        "Id",
        "Label",
        "Interval",
        "status",
        "relation",
        "events",
        "source_url",
        "note",
    ];
    let memberships = membership_edges(&sorted)
        .into_iter()
        .enumerate()
        .map(|(index, edge)| {
            let periods = edge.periods();
            let interval = if periods.is_empty() {
                String::new()
            } else {
                let spans: Vec<String> = periods
                    .iter()
                    .map(|p| {
                        let close = if p.end.is_some() { ')' } else { ']' };
                        format!("[{}, {}{close}", p.start.start(), date_bound(p.end))
                    })
                    .collect();
                format!("<{}>", spans.join("; "))
            };
            let mut status = String::new();
            for span in periods.iter().flat_map(|p| &p.statuses) {
                let _ = write!(
                    status,
                    "{}[{}, {}, {}]",
                    if status.is_empty() { "<" } else { "; " },
                    span.start.start(),
                    date_bound(span.end),
                    span.status.word()
                );
            }
            if !status.is_empty() {
                status.push('>');
            }
            vec![
                edge.actor_id.to_owned(),
                edge.body_id.to_owned(),
                "Directed".to_owned(),
                format!("m{index}"),
                String::new(),
                interval,
                status,
                String::new(),
                events_text(&edge.events),
                String::new(),
                String::new(),
            ]
        });
    let relations = sorted
        .relations
        .iter()
        .enumerate()
        .map(|(index, relation)| {
            vec![
                relation.from.clone(),
                relation.to.clone(),
                "Directed".to_owned(),
                format!("r{index}"),
                String::new(),
                String::new(),
                String::new(),
                relation.kind.word().to_owned(),
                String::new(),
                relation
                    .source
                    .as_ref()
                    .map(|s| s.as_str().to_owned())
                    .unwrap_or_default(),
                relation.note.clone(),
            ]
        });
    let edges = csv_text(&edge_header, memberships.chain(relations));
    (nodes, edges)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spell(start: &str, end: Option<&str>) -> (Option<String>, Option<String>) {
        (Some(start.to_owned()), end.map(str::to_owned))
    }

    #[test]
    fn intervals_in_the_shapes_gephi_writes() {
        assert_eq!(
            parse_intervals("<[2001-11-23, 2014-05-01]>"),
            Ok(vec![spell("2001-11-23", Some("2014-05-01"))])
        );
        assert_eq!(
            parse_intervals("<[2001-11-23, 2004-01-01); [2008-05-01, inf]>"),
            Ok(vec![
                spell("2001-11-23", Some("2004-01-01")),
                spell("2008-05-01", None)
            ])
        );
        assert_eq!(
            parse_intervals("<[2001-11-23T00:00:00.000+01:00,Infinity]>"),
            Ok(vec![spell("2001-11-23", None)])
        );
        assert_eq!(
            parse_intervals("[2001.0,2004]"),
            Ok(vec![spell("2001", Some("2004"))])
        );
        assert_eq!(
            parse_intervals("<[1006473600000, 1072915200000]>"),
            Ok(vec![spell("2001-11-23", Some("2004-01-01"))])
        );
        assert_eq!(parse_intervals(""), Ok(vec![]));
        assert_eq!(parse_intervals("<empty>"), Ok(vec![]));
    }

    #[test]
    fn bad_intervals_say_why() {
        for (text, reason) in [
            ("<[2001-13-01, inf]>", "month 13"),
            ("<[2001-11-23, 2004-01-01>", "not closed"),
            ("<[2001, 2002, 2003]>", "a start and an end"),
            ("<[2004, 2001]>", "before it starts"),
            ("2001-11-23", "outside an interval"),
            ("<[12, 2001]>", "neither a year"),
        ] {
            let error = parse_intervals(text).err().unwrap_or_default();
            assert!(error.contains(reason), "{text}: {error}");
        }
    }

    #[test]
    fn siblings_swap_the_role_word() {
        let sibling = |name: &str| sibling_path(Path::new(name)).map(|p| p.display().to_string());
        assert_eq!(
            sibling("a/data.nodes.csv").as_deref(),
            Some("a/data.edges.csv")
        );
        assert_eq!(sibling("Edges.csv").as_deref(), Some("Nodes.csv"));
        assert_eq!(sibling("acta_EDGES.tsv").as_deref(), Some("acta_NODES.tsv"));
        assert_eq!(sibling("data.csv"), None);
        assert_eq!(role_from_name(Path::new("x.nodes.csv")), Some(Role::Nodes));
        assert_eq!(role_from_name(Path::new("x.nodes.json")), None);
    }

    #[test]
    fn the_header_tells_the_tables_apart() {
        let path = Path::new("data.csv");
        assert_eq!(
            sniff("\u{feff}source;TARGET;Interval\r\n", path),
            CsvKind::Gephi(Role::Edges)
        );
        assert_eq!(sniff("Id,Label,kind\n", path), CsvKind::Gephi(Role::Nodes));
        assert_eq!(sniff("Id\n", path), CsvKind::Gephi(Role::Nodes));
        assert_eq!(
            sniff("id,name,kind\n", path),
            CsvKind::EventsTable,
            "an actors side table is not a Gephi table"
        );
        assert_eq!(
            sniff("instrument_id,state,iso3,event,date\n", path),
            CsvKind::EventsTable
        );
        assert_eq!(
            sniff("id,instrument_id,state,event,date\n", path),
            CsvKind::EventsTable,
            "row numbers do not make an events table a nodes table"
        );
        assert_eq!(
            sniff("Label,kind\n", Path::new("x.nodes.csv")),
            CsvKind::Gephi(Role::Nodes)
        );
    }
}
