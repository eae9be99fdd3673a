//! The graph view of a dataset shared by the GEXF and GraphML formats: nodes (actors and
//! bodies) with attributes, membership edges (actor → body) carrying their events, and
//! relation edges (body → body). Readers build a [`GenericGraph`] from XML and map it to a
//! dataset here, so both formats map attributes, report what they cannot hold and cite
//! their file the same way.

use std::collections::{BTreeMap, HashSet};

use super::report::{ImportReport, Issue, Location, Severity};
use super::shaped;
use super::xml::{self, Element};
use crate::model::check::{self, Section};
use crate::model::{
    Actor, ActorKind, Body, BodyKind, Dataset, Event, EventDate, EventKind, IssueArea, Law,
    PartialDate, Relation, RelationKind, Source, Status, StatusTracker, Word,
};

/// A node read from a graph file.
#[derive(Clone, Debug, Default)]
pub struct GenericNode {
    /// The node id.
    pub id: String,
    /// Its label.
    pub label: String,
    /// Attributes by title.
    pub attributes: BTreeMap<String, String>,
    /// Line in the file.
    pub line: usize,
    /// The file the node was read from, when it is not the report's own file (the nodes
    /// table of a Gephi CSV pair).
    pub file: Option<String>,
}

/// An edge read from a graph file.
#[derive(Clone, Debug, Default)]
pub struct GenericEdge {
    /// Source node id.
    pub source: String,
    /// Target node id.
    pub target: String,
    /// Attributes by title (static values only).
    pub attributes: BTreeMap<String, String>,
    /// Time intervals the edge exists in, as written (`start`, `end`).
    pub spells: Vec<(Option<String>, Option<String>)>,
    /// Line in the file.
    pub line: usize,
    /// The file the edge was read from, when it is not the report's own file.
    pub file: Option<String>,
}

/// A whole graph file, before it is mapped to a dataset.
#[derive(Clone, Debug, Default)]
pub struct GenericGraph {
    /// Title from the file's metadata.
    pub title: String,
    /// Description from the file's metadata.
    pub description: String,
    /// Licence from the file's metadata (GraphML only).
    pub license: String,
    /// Notes from the file's metadata (GraphML only).
    pub notes: String,
    /// The nodes.
    pub nodes: Vec<GenericNode>,
    /// The edges.
    pub edges: Vec<GenericEdge>,
}

/// Encodes a pair's events as text, one per line: date, event, source, note (tab-separated,
/// with `\t`, `\n` and `\\` escaped), so that graph files keep every fact.
pub fn events_text(events: &[&Event]) -> String {
    let escape = |text: &str| {
        text.replace('\\', "\\\\")
            .replace('\t', "\\t")
            .replace('\n', "\\n")
            .replace('\r', "\\r")
    };
    events
        .iter()
        .map(|event| {
            format!(
                "{}\t{}\t{}\t{}",
                event.date,
                event.kind.word(),
                escape(event.source.as_str()),
                escape(&event.note)
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('t') => out.push('\t'),
                Some('n') => out.push('\n'),
                Some('r') => out.push('\r'),
                Some(other) => out.push(other),
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// A membership edge of the dataset: the pair and its events in date order.
pub struct MembershipEdge<'a> {
    /// The actor id.
    pub actor_id: &'a str,
    /// The body id.
    pub body_id: &'a str,
    /// The pair's events.
    pub events: Vec<&'a Event>,
}

/// A span of one status within a period (dates are first days; `None` = still open).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StatusSpan {
    /// When the status began.
    pub start: PartialDate,
    /// When the next status began.
    pub end: Option<PartialDate>,
    /// The status.
    pub status: Status,
}

/// A period in which an actor had a status in a body (between joining and an ending).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Period {
    /// When the period began.
    pub start: PartialDate,
    /// When it ended (withdrawal, rejection, ...), if it did.
    pub end: Option<PartialDate>,
    /// The statuses within it.
    pub statuses: Vec<StatusSpan>,
}

impl MembershipEdge<'_> {
    /// The periods with a status (not ended): the spells and dynamic status of GEXF.
    pub fn periods(&self) -> Vec<Period> {
        let mut tracker = StatusTracker::default();
        let mut changes: Vec<(PartialDate, Status)> = Vec::new();
        for event in &self.events {
            let Some(date) = event.date.known() else {
                continue;
            };
            tracker.apply(event.kind);
            if let Some(status) = tracker.current()
                && changes.last().is_none_or(|(_, last)| *last != status)
            {
                changes.push((date, status));
            }
        }
        let mut periods = Vec::new();
        let mut current: Option<Period> = None;
        for (index, &(date, status)) in changes.iter().enumerate() {
            let next = changes.get(index + 1).map(|(d, _)| *d);
            if status.is_ended() {
                if let Some(mut period) = current.take() {
                    period.end = Some(date);
                    periods.push(period);
                }
            } else {
                let period = current.get_or_insert_with(|| Period {
                    start: date,
                    end: None,
                    statuses: Vec::new(),
                });
                period.statuses.push(StatusSpan {
                    start: date,
                    end: next,
                    status,
                });
            }
        }
        periods.extend(current);
        periods
    }
}

/// The dataset's membership edges, sorted by (actor, body).
pub fn membership_edges(dataset: &Dataset) -> Vec<MembershipEdge<'_>> {
    let mut edges: BTreeMap<(&str, &str), Vec<&Event>> = BTreeMap::new();
    for event in &dataset.events {
        edges
            .entry((&event.actor_id, &event.body_id))
            .or_default()
            .push(event);
    }
    edges
        .into_iter()
        .map(|((actor_id, body_id), mut events)| {
            events.sort();
            MembershipEdge {
                actor_id,
                body_id,
                events,
            }
        })
        .collect()
}

/// Node attributes of an actor, by title.
pub fn actor_attributes(actor: &Actor) -> Vec<(&'static str, String)> {
    let mut attributes = vec![
        ("type", "actor".to_owned()),
        ("kind", actor.kind.word().to_owned()),
    ];
    let optional = [
        ("iso3", actor.iso3.clone()),
        ("region", actor.region.clone()),
        ("subregion", actor.subregion.clone()),
        ("url", actor.url.clone()),
        ("note", Some(actor.note.clone()).filter(|n| !n.is_empty())),
    ];
    attributes.extend(optional.into_iter().filter_map(|(k, v)| v.map(|v| (k, v))));
    attributes
}

/// Edge attributes of a relation between two bodies, by title.
pub fn relation_attributes(relation: &Relation) -> Vec<(&'static str, String)> {
    let mut attributes = vec![("relation", relation.kind.word().to_owned())];
    if let Some(source) = &relation.source {
        attributes.push(("source", source.as_str().to_owned()));
    }
    if !relation.note.is_empty() {
        attributes.push(("note", relation.note.clone()));
    }
    attributes
}

/// Node attributes of a body, by title.
pub fn body_attributes(body: &Body) -> Vec<(&'static str, String)> {
    let mut attributes = vec![
        ("type", "body".to_owned()),
        ("kind", body.kind.word().to_owned()),
        ("law", body.law.word().to_owned()),
    ];
    let issues = body
        .issues
        .iter()
        .map(|i| i.word())
        .collect::<Vec<_>>()
        .join(";");
    let optional = [
        ("short_name", body.short_name.clone()),
        ("issues", Some(issues).filter(|i| !i.is_empty())),
        ("opened", body.opened.map(|d| d.to_string())),
        ("closed", body.closed.map(|d| d.to_string())),
        (
            "description",
            Some(body.description.clone()).filter(|d| !d.is_empty()),
        ),
        ("url", body.url.clone()),
        ("note", Some(body.note.clone()).filter(|n| !n.is_empty())),
    ];
    attributes.extend(optional.into_iter().filter_map(|(k, v)| v.map(|v| (k, v))));
    attributes
}

/// Every node attribute title the writers declare, in order.
pub const NODE_ATTRIBUTES: [&str; 14] = [
    "type",
    "kind",
    "iso3",
    "region",
    "subregion",
    "law",
    "short_name",
    "issues",
    "opened",
    "closed",
    "description",
    "url",
    "note",
    "title",
];

/// Every edge attribute title the writers declare, in order.
pub const EDGE_ATTRIBUTES: [&str; 4] = ["relation", "events", "source", "note"];

struct Mapper<'a> {
    report: &'a mut ImportReport,
    /// The file of the node or edge being mapped (`None`: the report's own file).
    file: Option<String>,
}

impl Mapper<'_> {
    fn issue(&mut self, severity: Severity, line: usize, message: String, action: Option<String>) {
        self.report.issues.push(Issue {
            severity,
            location: Location {
                file: self.file.clone(),
                path: None,
                line: Some(line),
                column: None,
            },
            message,
            action,
        });
    }

    fn word<W: Word>(&mut self, text: &str, line: usize, fallback: W) -> W {
        match W::parse_word(text) {
            Ok(word) => word,
            Err(error) => {
                self.issue(
                    Severity::Warning,
                    line,
                    error.to_string(),
                    Some(format!("used \"{}\"", fallback.word())),
                );
                fallback
            }
        }
    }

    fn date(&mut self, text: Option<&String>, line: usize) -> Option<PartialDate> {
        let text = text?.trim();
        if text.is_empty() {
            return None;
        }
        // Gephi writes dates with a time part (2012-01-26T00:00:00); keep the date.
        let date_part = text.split(['T', ' ']).next().unwrap_or(text);
        // Other tools write years as numbers (2011.0) and dates as people do (9 Dec 2011).
        let lenient = || {
            let year = text.strip_suffix(".0").unwrap_or(text);
            shaped::parse_date_cell(year, Some(shaped::DateOrder::DayFirst))
                .ok()
                .flatten()
                .map(|cell| cell.date)
        };
        match PartialDate::parse(date_part) {
            Ok(date) => Some(date),
            Err(_) if lenient().is_some() => lenient(),
            Err(error) => {
                self.issue(
                    Severity::Warning,
                    line,
                    error.to_string(),
                    Some("date left out".into()),
                );
                None
            }
        }
    }
}

/// Reads an XML graph file (GEXF, GraphML): parses `text`, checks that the root element is
/// `<root_name>` with a `<graph>` child, and lets `read` fill the graph from the root and
/// that child. Problems it pushes to the report are errors of the file `file`, in `format`'s
/// words ("not a GEXF file: …").
pub fn read_xml_graph(
    text: &str,
    file: &str,
    root_name: &str,
    format: &str,
    read: impl FnOnce(&Element, &Element, &mut ImportReport) -> GenericGraph,
) -> Result<(GenericGraph, ImportReport), ImportReport> {
    let mut report = ImportReport::new(file);
    let root = match xml::parse(text) {
        Ok(root) => root,
        Err(error) => {
            report.push(Severity::Error, Location::line(error.line), error.message);
            return Err(report);
        }
    };
    if root.name != root_name {
        report.push(
            Severity::Error,
            Location::line(root.line),
            format!("not a {format} file: the root element is <{}>", root.name),
        );
        return Err(report);
    }
    let Some(graph_element) = root.child("graph") else {
        report.push(
            Severity::Error,
            Location::line(root.line),
            format!("the {format} file has no <graph>"),
        );
        return Err(report);
    };
    let graph = read(&root, graph_element, &mut report);
    if report.is_ok() {
        Ok((graph, report))
    } else {
        Err(report)
    }
}

/// The id of an XML `<node>`, or an error in the report when it has none.
pub fn xml_node_id<'e>(node: &'e Element, report: &mut ImportReport) -> Option<&'e str> {
    let id = node.attribute("id");
    if id.is_none() {
        report.push(
            Severity::Error,
            Location::line(node.line),
            "a <node> has no id",
        );
    }
    id
}

/// The source and target of an XML `<edge>`, or an error in the report when one is missing.
pub fn xml_edge_ends<'e>(
    edge: &'e Element,
    report: &mut ImportReport,
) -> Option<(&'e str, &'e str)> {
    let ends = edge.attribute("source").zip(edge.attribute("target"));
    if ends.is_none() {
        report.push(
            Severity::Error,
            Location::line(edge.line),
            "an <edge> lacks a source or a target",
        );
    }
    ends
}

/// Maps a graph read from `file` to a dataset, with a report of what could not be mapped.
pub fn dataset_from_graph(
    graph: &GenericGraph,
    file: &str,
) -> Result<(Dataset, ImportReport), ImportReport> {
    let mut report = ImportReport::new(file);
    let mut mapper = Mapper {
        report: &mut report,
        file: None,
    };
    let mut dataset = Dataset::default();
    dataset.meta.title = graph.title.clone();
    dataset.meta.description = graph.description.clone();
    dataset.meta.license = graph.license.clone();
    dataset.meta.notes = graph.notes.clone();

    let sides = decide_sides(graph);
    if let Some(rule) = &sides.rule
        && !graph.nodes.is_empty()
    {
        mapper.file.clone_from(&graph.nodes[0].file);
        mapper.issue(
            Severity::Warning,
            graph.nodes[0].line,
            "the nodes have no \"type\" attribute (actor or body)".into(),
            Some(rule.clone()),
        );
    }
    let mut actor_lines = Vec::new();
    let mut body_lines = Vec::new();
    for node in &graph.nodes {
        mapper.file.clone_from(&node.file);
        let attribute = |name: &str| {
            node.attributes
                .get(name)
                .filter(|v| !v.trim().is_empty())
                .cloned()
        };
        // Free text is kept exactly, even when it is only white space.
        let text = |name: &str| node.attributes.get(name).cloned().unwrap_or_default();
        let is_body = sides.bodies.contains(node.id.as_str());
        let name = if node.label.is_empty() {
            node.id.clone()
        } else {
            node.label.clone()
        };
        if is_body {
            let decided = sides.kind_attribute.and_then(|name| {
                node.attributes
                    .iter()
                    .find(|(key, value)| key.eq_ignore_ascii_case(name) && !value.trim().is_empty())
                    .map(|(_, value)| value.clone())
            });
            let kind = attribute("kind").or(decided).map_or(BodyKind::Forum, |k| {
                if is_actor_word(&k) {
                    BodyKind::Forum
                } else {
                    mapper.word(&foreign_body_word(&k), node.line, BodyKind::Forum)
                }
            });
            let law = attribute("law").map_or_else(
                || kind.default_law(),
                |l| mapper.word(&l, node.line, Law::Soft),
            );
            let issues = attribute("issues")
                .map(|text| {
                    text.split(';')
                        .filter(|t| !t.trim().is_empty())
                        .map(|t| mapper.word(t, node.line, IssueArea::Other))
                        .collect()
                })
                .unwrap_or_default();
            let opened = mapper.date(node.attributes.get("opened"), node.line);
            let closed = mapper.date(node.attributes.get("closed"), node.line);
            dataset.bodies.push(Body {
                id: node.id.clone(),
                name,
                short_name: attribute("short_name"),
                kind,
                law,
                issues,
                opened,
                closed,
                description: text("description"),
                url: attribute("url"),
                note: text("note"),
                reported: Vec::new(),
            });
            body_lines.push((node.file.as_deref(), node.line));
        } else {
            let kind = attribute("kind").map_or(ActorKind::State, |k| {
                if is_actor_word(&k) && ActorKind::parse_word(&k).is_err() {
                    ActorKind::State
                } else {
                    mapper.word(&k, node.line, ActorKind::Other)
                }
            });
            dataset.actors.push(Actor {
                id: node.id.clone(),
                name,
                kind,
                iso3: attribute("iso3"),
                region: attribute("region"),
                subregion: attribute("subregion"),
                url: attribute("url"),
                note: text("note"),
            });
            actor_lines.push((node.file.as_deref(), node.line));
        }
    }

    let mut relation_lines = Vec::new();
    let mut event_lines = Vec::new();
    let mut unsourced = 0;
    let cited = Source::Citation(format!("Imported from {file} (the file gives no source)"));
    let mut timed_by: BTreeMap<String, usize> = BTreeMap::new();
    let nodes_by_id: BTreeMap<&str, &GenericNode> =
        graph.nodes.iter().map(|n| (n.id.as_str(), n)).collect();
    // A membership edge written from the body to the actor is read the other way.
    let turned: Vec<Option<GenericEdge>> = graph
        .edges
        .iter()
        .map(|edge| {
            (!edge.attributes.contains_key("relation")
                && sides.bodies.contains(edge.source.as_str())
                && !sides.bodies.contains(edge.target.as_str()))
            .then(|| {
                let mut copy = edge.clone();
                std::mem::swap(&mut copy.source, &mut copy.target);
                copy
            })
        })
        .collect();
    for (edge, turned) in graph.edges.iter().zip(&turned) {
        let edge = turned.as_ref().unwrap_or(edge);
        mapper.file.clone_from(&edge.file);
        if let Some(kind) = edge.attributes.get("relation") {
            let kind = mapper.word(kind, edge.line, RelationKind::PartOf);
            dataset.relations.push(Relation {
                from: edge.source.clone(),
                kind,
                to: edge.target.clone(),
                source: edge
                    .attributes
                    .get("source")
                    .and_then(|s| Source::from_text(s)),
                note: edge.attributes.get("note").cloned().unwrap_or_default(),
            });
            relation_lines.push((edge.file.as_deref(), edge.line));
            continue;
        }
        if let Some(text) = edge
            .attributes
            .get("events")
            .filter(|t| !t.trim().is_empty())
        {
            for line in text.lines() {
                let parts: Vec<&str> = line.split('\t').collect();
                let [date, kind, source, note] =
                    [0, 1, 2, 3].map(|i| parts.get(i).copied().unwrap_or(""));
                let Ok(kind) = EventKind::parse_word(kind) else {
                    mapper.issue(
                        Severity::Error,
                        edge.line,
                        format!("unknown event \"{kind}\" in the events attribute"),
                        None,
                    );
                    continue;
                };
                let date = if date == "unknown" {
                    EventDate::Unknown
                } else {
                    match PartialDate::parse(date) {
                        Ok(date) => EventDate::Known(date),
                        Err(error) => {
                            mapper.issue(Severity::Error, edge.line, error.to_string(), None);
                            continue;
                        }
                    }
                };
                dataset.events.push(Event {
                    actor_id: edge.source.clone(),
                    body_id: edge.target.clone(),
                    kind,
                    date,
                    source: Source::from_text(&unescape(source)).unwrap_or(Source::Unknown),
                    note: unescape(note),
                });
                event_lines.push((edge.file.as_deref(), edge.line));
            }
            continue;
        }
        // A plain edge: membership over its spells, or undated.
        let source = edge
            .attributes
            .get("source")
            .and_then(|s| Source::from_text(s))
            .unwrap_or_else(|| {
                unsourced += 1;
                cited.clone()
            });
        let spells = if edge.spells.is_empty() {
            // No spells: the common time attributes of the edge, else of its actor.
            let timed = time_attributes(&edge.attributes).or_else(|| {
                nodes_by_id
                    .get(edge.source.as_str())
                    .and_then(|node| time_attributes(&node.attributes))
            });
            match timed {
                Some((start, end, names)) => {
                    *timed_by.entry(names).or_default() += 1;
                    vec![(start, end)]
                }
                None => vec![(None, None)],
            }
        } else {
            edge.spells.clone()
        };
        for (start, end) in spells {
            let start_date = mapper.date(start.as_ref(), edge.line);
            dataset.events.push(Event {
                actor_id: edge.source.clone(),
                body_id: edge.target.clone(),
                kind: EventKind::Joined,
                date: start_date.map_or(EventDate::Unknown, EventDate::Known),
                source: source.clone(),
                note: if start_date.is_none() {
                    "membership edge without a start date".into()
                } else {
                    String::new()
                },
            });
            event_lines.push((edge.file.as_deref(), edge.line));
            if let Some(end_date) = mapper.date(end.as_ref(), edge.line) {
                dataset.events.push(Event {
                    actor_id: edge.source.clone(),
                    body_id: edge.target.clone(),
                    kind: EventKind::Withdrew,
                    date: EventDate::Known(end_date),
                    source: source.clone(),
                    note: String::new(),
                });
                event_lines.push((edge.file.as_deref(), edge.line));
            }
        }
    }
    for (names, count) in timed_by {
        mapper.file = graph.edges.first().and_then(|e| e.file.clone());
        mapper.issue(
            Severity::Warning,
            graph.edges.first().map_or(1, |e| e.line),
            format!("{count} membership edges have no spells"),
            Some(format!("their dates were read from the attribute {names}")),
        );
    }
    if unsourced > 0 {
        mapper.file = graph.edges.first().and_then(|e| e.file.clone());
        mapper.issue(
            Severity::Warning,
            graph.edges.first().map_or(1, |e| e.line),
            format!("{unsourced} membership edges give no source"),
            Some(format!(
                "their events cite the file: \"{}\"",
                cited.as_str()
            )),
        );
    }

    for found in check::check(&dataset) {
        let lines = match found.record.section {
            Section::Actors => &actor_lines,
            Section::Bodies => &body_lines,
            Section::Relations => &relation_lines,
            Section::Events => &event_lines,
        };
        let origin = lines.get(found.record.index).copied();
        report.issues.push(Issue {
            severity: found.severity,
            location: Location {
                file: origin.and_then(|(file, _)| file.map(str::to_owned)),
                path: None,
                line: origin.map(|(_, line)| line),
                column: None,
            },
            message: found.message,
            action: found.action,
        });
    }
    report.sort_by_place();
    report.into_result(dataset)
}

/// Which nodes are bodies, and the rule that decided when the file does not say with a
/// `type` attribute.
struct Sides<'g> {
    bodies: HashSet<&'g str>,
    rule: Option<String>,
    /// The kind-like attribute that decided, whose values give the bodies' kinds.
    kind_attribute: Option<&'static str>,
}

/// Words of a kind-like attribute that name an actor.
fn is_actor_word(word: &str) -> bool {
    let word = word.trim().to_lowercase();
    matches!(
        word.as_str(),
        "state"
            | "country"
            | "nation"
            | "government"
            | "member"
            | "actor"
            | "participant"
            | "party"
            | "economy"
            | "member_state"
            | "member state"
            | "stakeholder"
    ) || ActorKind::parse_word(&word).is_ok()
}

/// A body word of another tool in the model's vocabulary (`organization` → organisation,
/// `igo` → organisation, `body` → forum).
fn foreign_body_word(word: &str) -> String {
    let word = word.trim().to_lowercase();
    match word.as_str() {
        "igo" | "international_organisation" | "international organization" | "institution" => {
            "organisation".into()
        }
        "body" | "group" | "club" | "network" => "forum".into(),
        "alliance" => "coalition".into(),
        "instrument" => "treaty".into(),
        _ => word,
    }
}

/// Words of a kind-like attribute that name a body.
fn is_body_word(word: &str) -> bool {
    BodyKind::parse_word(&foreign_body_word(word)).is_ok()
}

/// The attribute names that may tell actors from bodies, in order.
pub const KIND_ATTRIBUTES: [&str; 8] = [
    "kind",
    "type",
    "category",
    "class",
    "node_type",
    "nodetype",
    "role",
    "group",
];

/// Decides which nodes are bodies: the `type` attribute of Minilateral's own files; else a
/// kind-like attribute whose values all belong to the actor or the body vocabulary; else
/// the two-mode structure of the largest connected part (the side with fewer nodes, so of
/// higher degree, holds the bodies), whatever the edges' direction; else the edges'
/// targets.
fn decide_sides(graph: &GenericGraph) -> Sides<'_> {
    let typed = graph.nodes.iter().any(|node| {
        matches!(
            node.attributes.get("type").map(String::as_str),
            Some("body" | "actor")
        )
    });
    if typed {
        return Sides {
            bodies: graph
                .nodes
                .iter()
                .filter(|node| node.attributes.get("type").map(String::as_str) == Some("body"))
                .map(|node| node.id.as_str())
                .collect(),
            rule: None,
            kind_attribute: None,
        };
    }
    let attribute = |node: &GenericNode, name: &str| {
        node.attributes
            .iter()
            .find(|(key, value)| key.eq_ignore_ascii_case(name) && !value.trim().is_empty())
            .map(|(_, value)| value.trim().to_owned())
    };
    for name in KIND_ATTRIBUTES {
        let values: Vec<(&str, String)> = graph
            .nodes
            .iter()
            .filter_map(|node| attribute(node, name).map(|v| (node.id.as_str(), v)))
            .collect();
        if values.is_empty() {
            continue;
        }
        let all_known = values
            .iter()
            .all(|(_, v)| is_actor_word(v) || is_body_word(v));
        let bodies: HashSet<&str> = values
            .iter()
            .filter(|(_, v)| !is_actor_word(v) && is_body_word(v))
            .map(|(id, _)| *id)
            .collect();
        if all_known && !bodies.is_empty() && bodies.len() < values.len() {
            let mut words: Vec<String> = values.iter().map(|(_, v)| v.to_lowercase()).collect();
            words.sort();
            words.dedup();
            let (body_words, actor_words): (Vec<String>, Vec<String>) =
                words.into_iter().partition(|w| !is_actor_word(w));
            return Sides {
                bodies,
                kind_attribute: Some(name),
                rule: Some(format!(
                    "the node attribute \"{name}\" decided: {} → actor; {} → body",
                    actor_words.join(", "),
                    body_words.join(", ")
                )),
            };
        }
    }
    let memberships: Vec<&GenericEdge> = graph
        .edges
        .iter()
        .filter(|edge| !edge.attributes.contains_key("relation"))
        .collect();
    let targets: HashSet<&str> = memberships.iter().map(|e| e.target.as_str()).collect();
    if let Some(bodies) = two_mode_bodies(&memberships) {
        let turned = memberships
            .iter()
            .filter(|e| bodies.contains(e.source.as_str()))
            .count();
        return Sides {
            rule: Some(format!(
                "the two-mode structure decided: the {} nodes on the side with fewer nodes of higher degree were read as bodies, the others as actors{}",
                bodies.len(),
                if turned > 0 {
                    format!(
                        " ({turned} edges written from the body to the actor were read the other way)"
                    )
                } else {
                    String::new()
                }
            )),
            bodies,
            kind_attribute: None,
        };
    }
    Sides {
        kind_attribute: None,
        bodies: targets,
        rule: Some("nodes that are edge targets were read as bodies, the others as actors".into()),
    }
}

/// The bodies of a two-mode graph: in the connected part with the most edges, coloured in
/// two, the side with fewer nodes; every other part keeps the orientation the edges of that
/// part show. `None` when that part is not two-mode or both sides are as large.
fn two_mode_bodies<'g>(edges: &[&'g GenericEdge]) -> Option<HashSet<&'g str>> {
    let mut neighbours: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for edge in edges {
        neighbours
            .entry(&edge.source)
            .or_default()
            .push(&edge.target);
        neighbours
            .entry(&edge.target)
            .or_default()
            .push(&edge.source);
    }
    // Colour every connected part; keep the one with the most edges.
    let mut colour: BTreeMap<&str, bool> = BTreeMap::new();
    let mut best: Option<(usize, Vec<&str>)> = None;
    for &start in neighbours.keys() {
        if colour.contains_key(start) {
            continue;
        }
        let mut part = vec![start];
        colour.insert(start, false);
        let mut queue = std::collections::VecDeque::from([start]);
        let mut degree_sum = 0;
        while let Some(node) = queue.pop_front() {
            let side = colour.get(node).copied().unwrap_or(false);
            for &next in neighbours.get(node).map_or(&[][..], Vec::as_slice) {
                degree_sum += 1;
                match colour.get(next) {
                    Some(&c) if c == side => return None,
                    Some(_) => {}
                    None => {
                        colour.insert(next, !side);
                        part.push(next);
                        queue.push_back(next);
                    }
                }
            }
        }
        if best.as_ref().is_none_or(|(edges, _)| degree_sum > *edges) {
            best = Some((degree_sum, part));
        }
    }
    let (_, part) = best?;
    let (white, black): (Vec<&str>, Vec<&str>) = part
        .iter()
        .partition(|n| !colour.get(*n).copied().unwrap_or(false));
    if white.len() == black.len() {
        return None;
    }
    let body_colour = white.len() > black.len();
    // In the largest part, are bodies the edges' sources or their targets?
    let from_bodies = edges
        .iter()
        .filter(|e| part.contains(&e.source.as_str()))
        .filter(|e| colour.get(e.source.as_str()) == Some(&body_colour))
        .count();
    let in_part = edges
        .iter()
        .filter(|e| part.contains(&e.source.as_str()))
        .count();
    let bodies_are_sources = from_bodies * 2 > in_part;
    let mut bodies: HashSet<&str> = part
        .iter()
        .filter(|n| colour.get(**n) == Some(&body_colour))
        .copied()
        .collect();
    for edge in edges {
        if part.contains(&edge.source.as_str()) {
            continue;
        }
        bodies.insert(if bodies_are_sources {
            edge.source.as_str()
        } else {
            edge.target.as_str()
        });
    }
    Some(bodies)
}

/// The start and end of a membership from the common time attributes (`start`/`end`,
/// `from`/`to`, `date`, `year`, `since`, `joined`/`left` and the like, any case), with
/// the names read for the report.
fn time_attributes(
    attributes: &BTreeMap<String, String>,
) -> Option<(Option<String>, Option<String>, String)> {
    const PAIRS: [(&str, &str); 12] = [
        ("start", "end"),
        ("start_date", "end_date"),
        ("startdate", "enddate"),
        ("begin", "end"),
        ("from", "to"),
        ("joined", "left"),
        ("since", "until"),
        ("date", ""),
        ("year", ""),
        ("start_year", "end_year"),
        ("year_joined", "year_left"),
        ("member_since", ""),
    ];
    let get = |name: &str| {
        attributes
            .iter()
            .find(|(key, value)| {
                !name.is_empty() && key.eq_ignore_ascii_case(name) && !value.trim().is_empty()
            })
            .map(|(_, value)| value.trim().to_owned())
    };
    PAIRS.iter().find_map(|(start, end)| {
        let begun = get(start)?;
        let ended = get(end);
        let names = if ended.is_some() {
            format!("\"{start}\" (and \"{end}\")")
        } else {
            format!("\"{start}\"")
        };
        Some((Some(begun), ended, names))
    })
}
