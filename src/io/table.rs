//! The events table: one CSV row per membership event, the shape researchers keep in
//! spreadsheets (`instrument_id,state,iso3,event,date,date_precision,source_url,note`), with
//! optional side tables for actor, body and relation attributes and dataset metadata.
//!
//! For an events table `data.csv`, the side tables are `data.actors.csv`,
//! `data.bodies.csv`, `data.relations.csv` and `data.meta.csv` in the same folder. The
//! tables are read by [`super::csv_table`], which tolerates what spreadsheets produce (a
//! byte-order mark, `;` or tab separators, CRLF, quoted newlines, trailing empty columns,
//! column names in any case); every cell of these tables is read trimmed.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::csv_table::{CsvTable, HeaderPlace, csv_text, table_issue};
use super::report::{ImportReport, Severity};
use crate::model::check::{self, Section};
use crate::model::{
    Actor, ActorKind, Body, BodyKind, Dataset, Event, EventDate, EventKind, IssueArea, Law,
    PartialDate, Relation, RelationKind, Source, Word,
};

/// The columns of an events table, in the order they are written.
pub const EVENT_COLUMNS: [&str; 9] = [
    "instrument_id",
    "state",
    "iso3",
    "event",
    "date",
    "date_precision",
    "source_url",
    "note",
    "actor",
];

/// The columns of the actors side table, read and written.
const ACTOR_COLUMNS: [&str; 8] = [
    "id",
    "name",
    "kind",
    "iso3",
    "region",
    "subregion",
    "url",
    "note",
];

/// The columns of the bodies side table, read and written.
const BODY_COLUMNS: [&str; 11] = [
    "id",
    "name",
    "short_name",
    "kind",
    "law",
    "issues",
    "opened",
    "closed",
    "description",
    "url",
    "note",
];

/// The columns of the relations side table, read and written.
const RELATION_COLUMNS: [&str; 5] = ["from", "kind", "to", "source", "note"];

/// The texts of an events table and of the side tables found beside it.
#[derive(Clone, Debug, Default)]
pub struct TableFiles {
    /// (name shown in messages, text) of the events table.
    pub events: (String, String),
    /// The actors side table, if any.
    pub actors: Option<(String, String)>,
    /// The bodies side table, if any.
    pub bodies: Option<(String, String)>,
    /// The relations side table, if any.
    pub relations: Option<(String, String)>,
    /// The metadata side table, if any.
    pub meta: Option<(String, String)>,
}

/// The path of a side table: `data.csv` → `data.actors.csv`.
pub fn side_table_path(events: &Path, kind: &str) -> PathBuf {
    let stem = events
        .file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_default();
    events.with_file_name(format!("{stem}.{kind}.csv"))
}

fn optional(text: &str) -> Option<String> {
    (!text.is_empty()).then(|| text.to_owned())
}

/// Where a record of the dataset came from: its file and line.
#[derive(Clone)]
struct Origin {
    file: String,
    line: usize,
}

#[derive(Default)]
struct Origins {
    actors: Vec<Origin>,
    bodies: Vec<Origin>,
    relations: Vec<Origin>,
    events: Vec<Origin>,
}

struct Builder<'a> {
    report: &'a mut ImportReport,
    dataset: Dataset,
    origins: Origins,
    actor_index: HashMap<String, usize>,
    actor_by_name: HashMap<String, String>,
    body_index: HashMap<String, usize>,
}

impl Builder<'_> {
    fn error(&mut self, file: &str, line: usize, column: &str, message: String) {
        self.report.issues.push(table_issue(
            file,
            line,
            Some(column),
            Severity::Error,
            message,
        ));
    }

    fn word<W: Word>(&mut self, text: &str, file: &str, line: usize, column: &str) -> Option<W> {
        match W::parse_word(text) {
            Ok(word) => Some(word),
            Err(error) => {
                self.error(file, line, column, error.to_string());
                None
            }
        }
    }

    fn date(&mut self, text: &str, file: &str, line: usize, column: &str) -> Option<PartialDate> {
        if text.is_empty() {
            return None;
        }
        match PartialDate::parse(text) {
            Ok(date) => Some(date),
            Err(error) => {
                self.error(file, line, column, error.to_string());
                None
            }
        }
    }

    fn actors_table(&mut self, table: &CsvTable) {
        table.warn_unknown_columns(
            |key| ACTOR_COLUMNS.contains(&key),
            HeaderPlace::LineAndColumn,
            self.report,
        );
        let [id, name, kind, iso3, region, subregion, url, note] =
            ACTOR_COLUMNS.map(|c| table.column(&[c]));
        if id.is_none() {
            self.error(
                &table.file,
                1,
                "id",
                "the actors table has no \"id\" column".into(),
            );
            return;
        }
        for row in &table.rows {
            let line = row.line;
            let kind_text = row.trimmed(kind);
            let kind = if kind_text.is_empty() {
                ActorKind::State
            } else {
                self.word(kind_text, &table.file, line, "kind")
                    .unwrap_or(ActorKind::Other)
            };
            let actor = Actor {
                id: row.trimmed(id).to_owned(),
                name: row.trimmed(name).to_owned(),
                kind,
                iso3: optional(row.trimmed(iso3)),
                region: optional(row.trimmed(region)),
                subregion: optional(row.trimmed(subregion)),
                url: optional(row.trimmed(url)),
                note: row.trimmed(note).to_owned(),
            };
            self.push_actor(
                actor,
                Origin {
                    file: table.file.clone(),
                    line,
                },
            );
        }
    }

    fn push_actor(&mut self, actor: Actor, origin: Origin) {
        self.actor_index
            .entry(actor.id.clone())
            .or_insert(self.dataset.actors.len());
        self.actor_by_name
            .entry(actor.name.to_lowercase())
            .or_insert(actor.id.clone());
        self.dataset.actors.push(actor);
        self.origins.actors.push(origin);
    }

    fn bodies_table(&mut self, table: &CsvTable) {
        table.warn_unknown_columns(
            |key| BODY_COLUMNS.contains(&key),
            HeaderPlace::LineAndColumn,
            self.report,
        );
        let [
            id,
            name,
            short_name,
            kind,
            law,
            issues,
            opened,
            closed,
            description,
            url,
            note,
        ] = BODY_COLUMNS.map(|c| table.column(&[c]));
        if id.is_none() {
            self.error(
                &table.file,
                1,
                "id",
                "the bodies table has no \"id\" column".into(),
            );
            return;
        }
        for row in &table.rows {
            let line = row.line;
            let file = table.file.as_str();
            let kind = self
                .word(row.trimmed(kind), file, line, "kind")
                .unwrap_or(BodyKind::Forum);
            let law = match row.trimmed(law) {
                "" => kind.default_law(),
                text => self.word(text, file, line, "law").unwrap_or(Law::Soft),
            };
            let mut issue_list = Vec::new();
            for text in row
                .trimmed(issues)
                .split([';', '|'])
                .map(str::trim)
                .filter(|t| !t.is_empty())
            {
                if let Some(issue) = self.word::<IssueArea>(text, file, line, "issues")
                    && !issue_list.contains(&issue)
                {
                    issue_list.push(issue);
                }
            }
            let opened = self.date(row.trimmed(opened), file, line, "opened");
            let closed = self.date(row.trimmed(closed), file, line, "closed");
            let body = Body {
                id: row.trimmed(id).to_owned(),
                name: row.trimmed(name).to_owned(),
                short_name: optional(row.trimmed(short_name)),
                kind,
                law,
                issues: issue_list,
                opened,
                closed,
                description: row.trimmed(description).to_owned(),
                url: optional(row.trimmed(url)),
                note: row.trimmed(note).to_owned(),
                reported: Vec::new(),
            };
            self.body_index
                .entry(body.id.clone())
                .or_insert(self.dataset.bodies.len());
            self.dataset.bodies.push(body);
            self.origins.bodies.push(Origin {
                file: file.to_owned(),
                line,
            });
        }
    }

    fn relations_table(&mut self, table: &CsvTable) {
        table.warn_unknown_columns(
            |key| RELATION_COLUMNS.contains(&key),
            HeaderPlace::LineAndColumn,
            self.report,
        );
        let [from, kind, to, source, note] = RELATION_COLUMNS.map(|c| table.column(&[c]));
        for row in &table.rows {
            let line = row.line;
            let kind = self
                .word(row.trimmed(kind), &table.file, line, "kind")
                .unwrap_or(RelationKind::PartOf);
            self.dataset.relations.push(Relation {
                from: row.trimmed(from).to_owned(),
                kind,
                to: row.trimmed(to).to_owned(),
                source: Source::from_text(row.trimmed(source)),
                note: row.trimmed(note).to_owned(),
            });
            self.origins.relations.push(Origin {
                file: table.file.clone(),
                line,
            });
        }
    }

    fn meta_table(&mut self, table: &CsvTable) {
        let [key, value] = [table.column(&["field", "key"]), table.column(&["value"])];
        for row in &table.rows {
            let line = row.line;
            let text = row.trimmed(value).to_owned();
            match row.trimmed(key) {
                "title" => self.dataset.meta.title = text,
                "description" => self.dataset.meta.description = text,
                "license" => self.dataset.meta.license = text,
                "notes" => self.dataset.meta.notes = text,
                other => {
                    let mut issue = table_issue(
                        &table.file,
                        line,
                        Some("field"),
                        Severity::Warning,
                        format!("unknown metadata field \"{other}\""),
                    );
                    issue.action = Some("ignored".into());
                    self.report.issues.push(issue);
                }
            }
        }
    }

    /// The actor of an events row, created from the row when no side table describes it.
    fn actor_for_row(
        &mut self,
        actor_id: &str,
        name: &str,
        iso3: &str,
        origin: &Origin,
    ) -> Option<String> {
        let id = if !actor_id.is_empty() {
            actor_id.to_owned()
        } else if !iso3.is_empty() {
            iso3.to_owned()
        } else if let Some(id) = self.actor_by_name.get(&name.to_lowercase()) {
            id.clone()
        } else if !name.is_empty() {
            name.chars()
                .map(|c| {
                    if c.is_alphanumeric() {
                        c.to_ascii_lowercase()
                    } else {
                        '_'
                    }
                })
                .collect()
        } else {
            return None;
        };
        if !self.actor_index.contains_key(&id) {
            let kind = if iso3 == "EUU" {
                ActorKind::Intergovernmental
            } else if iso3.is_empty() {
                ActorKind::Other
            } else {
                ActorKind::State
            };
            let actor = Actor {
                id: id.clone(),
                name: if name.is_empty() {
                    id.clone()
                } else {
                    name.to_owned()
                },
                kind,
                iso3: optional(iso3),
                region: None,
                subregion: None,
                url: None,
                note: String::new(),
            };
            self.push_actor(actor, origin.clone());
        }
        Some(id)
    }

    fn body_for_row(&mut self, body_id: &str, origin: &Origin) {
        if self.body_index.contains_key(body_id) {
            return;
        }
        self.body_index
            .insert(body_id.to_owned(), self.dataset.bodies.len());
        self.dataset
            .bodies
            .push(Body::new(body_id, body_id, BodyKind::Treaty));
        self.origins.bodies.push(origin.clone());
        let mut issue = table_issue(
            &origin.file,
            origin.line,
            Some("instrument_id"),
            Severity::Warning,
            format!("body \"{body_id}\" is not described in a bodies side table"),
        );
        issue.action = Some(format!("created as a treaty named \"{body_id}\""));
        self.report.issues.push(issue);
    }

    fn events_table(&mut self, table: &CsvTable) {
        const KNOWN: [&str; 18] = [
            "instrument_id",
            "body",
            "body_id",
            "instrument",
            "actor",
            "actor_id",
            "state",
            "actor_name",
            "name",
            "iso3",
            "event",
            "date",
            "date_precision",
            "precision",
            "source_url",
            "source",
            "note",
            "notes",
        ];
        table.warn_unknown_columns(
            |key| KNOWN.contains(&key),
            HeaderPlace::LineAndColumn,
            self.report,
        );
        let body = table.column(&["instrument_id", "body", "body_id", "instrument"]);
        let actor = table.column(&["actor", "actor_id"]);
        let name = table.column(&["state", "actor_name", "name"]);
        let iso3 = table.column(&["iso3"]);
        let event = table.column(&["event"]);
        let date = table.column(&["date"]);
        let precision = table.column(&["date_precision", "precision"]);
        let source = table.column(&["source_url", "source"]);
        let note = table.column(&["note", "notes"]);
        let mut missing = Vec::new();
        if body.is_none() {
            missing.push("instrument_id");
        }
        if event.is_none() {
            missing.push("event");
        }
        if date.is_none() {
            missing.push("date");
        }
        if actor.is_none() && name.is_none() && iso3.is_none() {
            missing.push("state or iso3");
        }
        if !missing.is_empty() {
            let looks_like_side_table =
                table.column(&["id"]).is_some() && table.column(&["name"]).is_some();
            let hint = if looks_like_side_table {
                " (this looks like an actors or bodies side table: open the events table it belongs to)"
            } else {
                ""
            };
            self.error(
                &table.file,
                1,
                missing[0],
                format!(
                    "not an events table: missing column(s) {}{hint}",
                    missing.join(", ")
                ),
            );
            return;
        }
        for row in &table.rows {
            let line = row.line;
            let file = table.file.as_str();
            let origin = Origin {
                file: file.to_owned(),
                line,
            };
            let body_id = row.trimmed(body);
            if body_id.is_empty() {
                self.error(file, line, "instrument_id", "the body id is empty".into());
                continue;
            }
            let Some(actor_id) = self.actor_for_row(
                row.trimmed(actor),
                row.trimmed(name),
                row.trimmed(iso3),
                &origin,
            ) else {
                self.error(
                    file,
                    line,
                    "state",
                    "the row names no actor (state, iso3 or actor are all empty)".into(),
                );
                continue;
            };
            self.body_for_row(body_id, &origin);
            let Some(kind) = self.word::<EventKind>(row.trimmed(event), file, line, "event") else {
                continue;
            };
            let date_text = row.trimmed(date);
            let date = if date_text.eq_ignore_ascii_case("unknown") {
                EventDate::Unknown
            } else if let Some(parsed) = self.date(date_text, file, line, "date") {
                let stated = row.trimmed(precision);
                if !stated.is_empty() && !stated.eq_ignore_ascii_case(parsed.precision().word()) {
                    let mut issue = table_issue(
                        file,
                        line,
                        Some("date_precision"),
                        Severity::Warning,
                        format!(
                            "date_precision says \"{stated}\" but the date {date_text} is known to the {}",
                            parsed.precision().word()
                        ),
                    );
                    issue.action = Some("kept the precision of the date as written".into());
                    self.report.issues.push(issue);
                }
                EventDate::Known(parsed)
            } else {
                if date_text.is_empty() {
                    self.error(
                        file,
                        line,
                        "date",
                        "the date is empty (write \"unknown\" with a note if it is not known)"
                            .into(),
                    );
                }
                continue;
            };
            let Some(source) = Source::from_text(row.trimmed(source)) else {
                self.error(file, line, "source_url", "missing source: every event needs a URL or a citation (or \"unknown\" with a note)".into());
                continue;
            };
            self.dataset.events.push(Event {
                actor_id,
                body_id: body_id.to_owned(),
                kind,
                date,
                source,
                note: row.trimmed(note).to_owned(),
            });
            self.origins.events.push(origin);
        }
    }
}

/// Reads an events table and its side tables.
pub fn read_tables(files: &TableFiles) -> Result<(Dataset, ImportReport), ImportReport> {
    let mut report = ImportReport::new(files.events.0.clone());
    let mut builder = Builder {
        report: &mut report,
        dataset: Dataset::default(),
        origins: Origins::default(),
        actor_index: HashMap::new(),
        actor_by_name: HashMap::new(),
        body_index: HashMap::new(),
    };
    let side = |side: &Option<(String, String)>, builder: &mut Builder<'_>| {
        side.as_ref()
            .and_then(|(file, text)| CsvTable::parse(file, text, builder.report))
    };
    if let Some(table) = side(&files.meta, &mut builder) {
        builder.meta_table(&table);
    }
    if let Some(table) = side(&files.actors, &mut builder) {
        builder.actors_table(&table);
    }
    if let Some(table) = side(&files.bodies, &mut builder) {
        builder.bodies_table(&table);
    }
    if let Some(table) = side(&files.relations, &mut builder) {
        builder.relations_table(&table);
    }
    let (file, text) = &files.events;
    if let Some(table) = CsvTable::parse(file, text, builder.report) {
        builder.events_table(&table);
    }
    let Builder {
        dataset, origins, ..
    } = builder;
    for found in check::check(&dataset) {
        let list = match found.record.section {
            Section::Actors => &origins.actors,
            Section::Bodies => &origins.bodies,
            Section::Relations => &origins.relations,
            Section::Events => &origins.events,
        };
        let Some(origin) = list.get(found.record.index) else {
            continue;
        };
        let mut issue = table_issue(
            &origin.file,
            origin.line,
            found.record.field,
            found.severity,
            found.message,
        );
        issue.action = found.action;
        report.issues.push(issue);
    }
    report.into_result(dataset)
}

/// Writes a dataset as an events table and its side tables: (suffix, text) pairs, where the
/// suffix is "" for the events table and "actors", "bodies", "relations", "meta" for the
/// side tables.
pub fn write_tables(dataset: &Dataset) -> Vec<(&'static str, String)> {
    let mut sorted = dataset.clone();
    sorted.canonicalize();
    let names: HashMap<&str, &Actor> = sorted.actors.iter().map(|a| (a.id.as_str(), a)).collect();
    let events = csv_text(
        &EVENT_COLUMNS,
        sorted.events.iter().map(|event| {
            let actor = names.get(event.actor_id.as_str());
            let (date, precision) = match event.date {
                EventDate::Known(date) => (date.to_string(), date.precision().word().to_owned()),
                EventDate::Unknown => ("unknown".to_owned(), String::new()),
            };
            vec![
                event.body_id.clone(),
                actor.map_or_else(String::new, |a| a.name.clone()),
                actor.and_then(|a| a.iso3.clone()).unwrap_or_default(),
                event.kind.word().to_owned(),
                date,
                precision,
                event.source.as_str().to_owned(),
                event.note.clone(),
                event.actor_id.clone(),
            ]
        }),
    );
    let actors = csv_text(
        &ACTOR_COLUMNS,
        sorted.actors.iter().map(|a| {
            vec![
                a.id.clone(),
                a.name.clone(),
                a.kind.word().to_owned(),
                a.iso3.clone().unwrap_or_default(),
                a.region.clone().unwrap_or_default(),
                a.subregion.clone().unwrap_or_default(),
                a.url.clone().unwrap_or_default(),
                a.note.clone(),
            ]
        }),
    );
    let bodies = csv_text(
        &BODY_COLUMNS,
        sorted.bodies.iter().map(|b| {
            vec![
                b.id.clone(),
                b.name.clone(),
                b.short_name.clone().unwrap_or_default(),
                b.kind.word().to_owned(),
                b.law.word().to_owned(),
                b.issues
                    .iter()
                    .map(|i| i.word())
                    .collect::<Vec<_>>()
                    .join(";"),
                b.opened.map(|d| d.to_string()).unwrap_or_default(),
                b.closed.map(|d| d.to_string()).unwrap_or_default(),
                b.description.clone(),
                b.url.clone().unwrap_or_default(),
                b.note.clone(),
            ]
        }),
    );
    let relations = csv_text(
        &RELATION_COLUMNS,
        sorted.relations.iter().map(|r| {
            vec![
                r.from.clone(),
                r.kind.word().to_owned(),
                r.to.clone(),
                r.source
                    .as_ref()
                    .map(|s| s.as_str().to_owned())
                    .unwrap_or_default(),
                r.note.clone(),
            ]
        }),
    );
    let meta = &sorted.meta;
    let meta = csv_text(
        &["field", "value"],
        [
            ("title", &meta.title),
            ("description", &meta.description),
            ("license", &meta.license),
            ("notes", &meta.notes),
        ]
        .into_iter()
        .filter(|(_, value)| !value.is_empty())
        .map(|(key, value)| vec![key.to_owned(), value.clone()]),
    );
    vec![
        ("", events),
        ("actors", actors),
        ("bodies", bodies),
        ("relations", relations),
        ("meta", meta),
    ]
}
