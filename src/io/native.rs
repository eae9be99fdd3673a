//! The native format: versioned JSON, documented field by field in `docs/format.md`.
//!
//! Reading goes text → DTOs (serde) → model records (with field-level checks) →
//! [`crate::model::check`] (dataset-level checks), and every problem lands in an
//! [`ImportReport`] with its JSON path and line. Writing is deterministic: records are
//! sorted into canonical order and pretty-printed.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use super::report::{ImportReport, Issue, LineIndex, Location, Severity};
use crate::model::check::{self, Section};
use crate::model::{
    Actor, ActorKind, Body, BodyKind, Dataset, Event, EventDate, EventKind, IssueArea, Law, Meta,
    PartialDate, Relation, RelationKind, Source, Word,
};

/// The value of the `format` field.
pub const FORMAT_NAME: &str = "minilateral";
/// The version this build reads and writes.
pub const FORMAT_VERSION: u64 = 1;

#[derive(Deserialize)]
struct TopDto<'a> {
    format: Option<serde_json::Value>,
    version: Option<serde_json::Value>,
    #[serde(borrow)]
    meta: Option<&'a RawValue>,
    #[serde(borrow, default)]
    actors: Vec<&'a RawValue>,
    #[serde(borrow, default)]
    bodies: Vec<&'a RawValue>,
    #[serde(borrow, default)]
    relations: Vec<&'a RawValue>,
    #[serde(borrow, default)]
    events: Vec<&'a RawValue>,
}

fn is_empty(text: &str) -> bool {
    text.is_empty()
}

#[derive(Serialize, Deserialize, Default)]
struct MetaDto {
    #[serde(default, skip_serializing_if = "is_empty")]
    title: String,
    #[serde(default, skip_serializing_if = "is_empty")]
    description: String,
    #[serde(default, skip_serializing_if = "is_empty")]
    license: String,
    #[serde(default, skip_serializing_if = "is_empty")]
    notes: String,
}

#[derive(Serialize, Deserialize)]
struct ActorDto {
    id: String,
    name: String,
    #[serde(default = "default_actor_kind")]
    kind: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    iso3: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    region: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    subregion: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    url: Option<String>,
    #[serde(default, skip_serializing_if = "is_empty")]
    note: String,
}

fn default_actor_kind() -> String {
    ActorKind::State.word().to_owned()
}

#[derive(Serialize, Deserialize)]
struct BodyDto {
    id: String,
    name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    short_name: Option<String>,
    kind: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    law: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    issues: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    opened: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    closed: Option<String>,
    #[serde(default, skip_serializing_if = "is_empty")]
    description: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    url: Option<String>,
    #[serde(default, skip_serializing_if = "is_empty")]
    note: String,
}

#[derive(Serialize, Deserialize)]
struct RelationDto {
    from: String,
    kind: String,
    to: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    source: Option<String>,
    #[serde(default, skip_serializing_if = "is_empty")]
    note: String,
}

#[derive(Serialize, Deserialize)]
struct EventDto {
    actor: String,
    body: String,
    event: String,
    date: String,
    #[serde(default)]
    source: String,
    #[serde(default, skip_serializing_if = "is_empty")]
    note: String,
}

#[derive(Serialize)]
struct DocumentDto<'a> {
    format: &'static str,
    version: u64,
    meta: &'a MetaDto,
    actors: Vec<ActorDto>,
    bodies: Vec<BodyDto>,
    relations: Vec<RelationDto>,
    events: Vec<EventDto>,
}

/// Where each record that made it into the dataset came from.
#[derive(Default)]
struct Origins<'a> {
    actors: Vec<(usize, &'a str)>,
    bodies: Vec<(usize, &'a str)>,
    relations: Vec<(usize, &'a str)>,
    events: Vec<(usize, &'a str)>,
}

impl<'a> Origins<'a> {
    fn section(&self, section: Section) -> &[(usize, &'a str)] {
        match section {
            Section::Actors => &self.actors,
            Section::Bodies => &self.bodies,
            Section::Relations => &self.relations,
            Section::Events => &self.events,
        }
    }
}

/// Reading state: the text, its line index and the report being filled.
struct Reader<'a> {
    text: &'a str,
    lines: LineIndex,
    report: ImportReport,
}

/// The byte offset of `inner` inside `outer` (both views of the same text).
fn offset_in(outer: &str, inner: &str) -> usize {
    (inner.as_ptr() as usize).saturating_sub(outer.as_ptr() as usize)
}

/// The offset of `"key":` inside a flat JSON object, if present.
fn key_offset(raw: &str, key: &str) -> Option<usize> {
    let quoted = format!("\"{key}\"");
    raw.match_indices(&quoted)
        .map(|(i, _)| i)
        .find(|&i| raw[i + quoted.len()..].trim_start().starts_with(':'))
}

impl<'a> Reader<'a> {
    fn location(&self, raw: &str, path: String, field: Option<&str>) -> Location {
        let record_offset = offset_in(self.text, raw);
        let offset = field
            .and_then(|key| key_offset(raw, key))
            .map_or(record_offset, |inner| record_offset + inner);
        let (line, column) = self.lines.line_column(offset);
        Location {
            file: None,
            path: Some(path),
            line: Some(line),
            column: Some(column),
        }
    }

    fn issue(
        &mut self,
        severity: Severity,
        raw: &str,
        path: String,
        field: Option<&str>,
        message: String,
        action: Option<String>,
    ) {
        let location = self.location(raw, path, field);
        self.report.issues.push(Issue {
            severity,
            location,
            message,
            action,
        });
    }

    /// Deserializes one record, reporting type errors and unknown fields.
    fn record<T: serde::de::DeserializeOwned>(
        &mut self,
        raw: &'a RawValue,
        path: &dyn std::fmt::Display,
    ) -> Option<T> {
        let mut unknown = Vec::new();
        let mut deserializer = serde_json::Deserializer::from_str(raw.get());
        let result: Result<T, _> = serde_ignored::deserialize(&mut deserializer, |field| {
            unknown.push(field.to_string());
        });
        match result {
            Ok(value) => {
                for field in unknown {
                    let key = field.split('.').next().unwrap_or(&field).to_owned();
                    self.issue(
                        Severity::Warning,
                        raw.get(),
                        format!("{path}.{field}"),
                        Some(&key),
                        format!("unknown field \"{field}\""),
                        Some("ignored".into()),
                    );
                }
                Some(value)
            }
            Err(error) => {
                let inner = offset_in(self.text, raw.get());
                let (line, column) = if error.line() > 0 {
                    let (record_line, record_column) = self.lines.line_column(inner);
                    if error.line() == 1 {
                        (
                            record_line,
                            record_column + error.column().saturating_sub(1),
                        )
                    } else {
                        (record_line + error.line() - 1, error.column())
                    }
                } else {
                    self.lines.line_column(inner)
                };
                self.report.issues.push(Issue {
                    severity: Severity::Error,
                    location: Location {
                        file: None,
                        path: Some(path.to_string()),
                        line: Some(line),
                        column: Some(column),
                    },
                    message: strip_position(&error.to_string()),
                    action: Some("record skipped".into()),
                });
                None
            }
        }
    }

    fn word<W: Word>(
        &mut self,
        text: &str,
        raw: &str,
        path: &dyn std::fmt::Display,
        field: &str,
    ) -> Option<W> {
        self.parsed(W::parse_word(text), raw, path, field)
    }

    fn date(
        &mut self,
        text: &str,
        raw: &str,
        path: &dyn std::fmt::Display,
        field: &str,
    ) -> Option<PartialDate> {
        self.parsed(PartialDate::parse(text), raw, path, field)
    }

    /// The value, or an error naming the field when it did not parse.
    fn parsed<T, E: std::fmt::Display>(
        &mut self,
        result: Result<T, E>,
        raw: &str,
        path: &dyn std::fmt::Display,
        field: &str,
    ) -> Option<T> {
        result
            .map_err(|error| {
                self.issue(
                    Severity::Error,
                    raw,
                    format!("{path}.{field}"),
                    Some(field),
                    error.to_string(),
                    None,
                );
            })
            .ok()
    }
}

/// The JSON path of a record, formatted only when a message needs it.
struct RecordPath(&'static str, usize);

impl std::fmt::Display for RecordPath {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "$.{}[{}]", self.0, self.1)
    }
}

/// Removes serde_json's " at line L column C" suffix (the report has its own place).
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(index) => message[..index].to_owned(),
        None => message.to_owned(),
    }
}

fn none_if_blank(value: Option<String>) -> Option<String> {
    value.filter(|text| !text.trim().is_empty())
}

/// Reads a native dataset from text. `file` names the file in the report.
///
/// Returns the dataset (in canonical order) and a report with warnings, or the report
/// with at least one error.
pub fn read_str(text: &str, file: &str) -> Result<(Dataset, ImportReport), ImportReport> {
    let mut reader = Reader {
        text,
        lines: LineIndex::new(text),
        report: ImportReport::new(file),
    };
    match text.trim_start().chars().next() {
        Some('{') => {}
        None => {
            reader.report.push(
                Severity::Error,
                Location {
                    file: None,
                    path: Some("$".into()),
                    line: Some(1),
                    column: Some(1),
                },
                "the file is empty",
            );
            return Err(reader.report);
        }
        Some(_) => {
            let offset = text.len() - text.trim_start().len();
            let (line, column) = reader.lines.line_column(offset);
            reader.report.push(
                Severity::Error,
                Location { file: None, path: Some("$".into()), line: Some(line), column: Some(column) },
                "not a Minilateral dataset: the file must hold one JSON object with \"format\": \"minilateral\"",
            );
            return Err(reader.report);
        }
    }
    let mut top_unknown = Vec::new();
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let top: TopDto<'_> = match serde_ignored::deserialize(&mut deserializer, |field| {
        top_unknown.push(field.to_string());
    })
    .and_then(|top| deserializer.end().map(|()| top))
    {
        Ok(top) => top,
        Err(error) => {
            let message = match error.classify() {
                serde_json::error::Category::Eof => {
                    format!(
                        "{} (the file is cut short)",
                        strip_position(&error.to_string())
                    )
                }
                serde_json::error::Category::Syntax => {
                    format!("not valid JSON: {}", strip_position(&error.to_string()))
                }
                _ => format!(
                    "not a Minilateral dataset: {}",
                    strip_position(&error.to_string())
                ),
            };
            reader.report.push(
                Severity::Error,
                Location {
                    file: None,
                    path: Some("$".into()),
                    line: (error.line() > 0).then_some(error.line()),
                    column: (error.line() > 0).then_some(error.column().max(1)),
                },
                message,
            );
            return Err(reader.report);
        }
    };
    let top_location = |path: &str| Location {
        file: None,
        path: Some(path.to_string()),
        line: Some(1),
        column: None,
    };
    match &top.format {
        Some(serde_json::Value::String(name)) if name == FORMAT_NAME => {}
        Some(other) => {
            reader.report.push(
                Severity::Error,
                top_location("$.format"),
                format!(
                    "not a Minilateral dataset: \"format\" is {other}, expected \"{FORMAT_NAME}\""
                ),
            );
            return Err(reader.report);
        }
        None => {
            reader.report.push(
                Severity::Error,
                top_location("$"),
                format!(
                    "not a Minilateral dataset: the field \"format\": \"{FORMAT_NAME}\" is missing"
                ),
            );
            return Err(reader.report);
        }
    }
    match &top.version {
        Some(serde_json::Value::Number(number)) if number.as_u64() == Some(FORMAT_VERSION) => {}
        Some(serde_json::Value::Number(number)) => {
            reader.report.push(
                Severity::Error,
                top_location("$.version"),
                format!("unknown version {number}: this build of Minilateral reads version {FORMAT_VERSION}"),
            );
            return Err(reader.report);
        }
        Some(other) => {
            reader.report.push(
                Severity::Error,
                top_location("$.version"),
                format!("the version must be a number, found {other}"),
            );
            return Err(reader.report);
        }
        None => {
            reader.report.push(
                Severity::Error,
                top_location("$"),
                "the field \"version\" is missing".to_owned(),
            );
            return Err(reader.report);
        }
    }
    for field in top_unknown {
        reader.report.issues.push(Issue {
            severity: Severity::Warning,
            location: Location {
                file: None,
                path: Some(format!("$.{field}")),
                line: None,
                column: None,
            },
            message: format!("unknown field \"{field}\""),
            action: Some("ignored".into()),
        });
    }

    let mut dataset = Dataset::default();
    if let Some(raw) = top.meta
        && let Some(meta) = reader.record::<MetaDto>(raw, &"$.meta")
    {
        dataset.meta = Meta {
            title: meta.title,
            description: meta.description,
            license: meta.license,
            notes: meta.notes,
        };
    }

    let mut origins = Origins::default();
    let mut suppressed: HashSet<(usize, &'static str)> = HashSet::new();

    for (index, raw) in top.actors.iter().enumerate() {
        let path = RecordPath("actors", index);
        let Some(dto) = reader.record::<ActorDto>(raw, &path) else {
            continue;
        };
        let kind = reader
            .word::<ActorKind>(&dto.kind, raw.get(), &path, "kind")
            .unwrap_or(ActorKind::Other);
        dataset.actors.push(Actor {
            id: dto.id,
            name: dto.name,
            kind,
            iso3: none_if_blank(dto.iso3),
            region: none_if_blank(dto.region),
            subregion: none_if_blank(dto.subregion),
            url: none_if_blank(dto.url),
            note: dto.note,
        });
        origins.actors.push((index, raw.get()));
    }

    for (index, raw) in top.bodies.iter().enumerate() {
        let path = RecordPath("bodies", index);
        let Some(dto) = reader.record::<BodyDto>(raw, &path) else {
            continue;
        };
        let kind = reader
            .word::<BodyKind>(&dto.kind, raw.get(), &path, "kind")
            .unwrap_or(BodyKind::Forum);
        let law = match &dto.law {
            Some(text) => reader
                .word::<Law>(text, raw.get(), &path, "law")
                .unwrap_or(Law::Soft),
            None => kind.default_law(),
        };
        let mut issues = Vec::new();
        for (issue_index, text) in dto.issues.iter().enumerate() {
            let field = format!("issues[{issue_index}]");
            if let Some(issue) = reader.word::<IssueArea>(text, raw.get(), &path, &field)
                && !issues.contains(&issue)
            {
                issues.push(issue);
            }
        }
        let opened = dto
            .opened
            .as_deref()
            .and_then(|text| reader.date(text, raw.get(), &path, "opened"));
        let closed = dto
            .closed
            .as_deref()
            .and_then(|text| reader.date(text, raw.get(), &path, "closed"));
        dataset.bodies.push(Body {
            id: dto.id,
            name: dto.name,
            short_name: none_if_blank(dto.short_name),
            kind,
            law,
            issues,
            opened,
            closed,
            description: dto.description,
            url: none_if_blank(dto.url),
            note: dto.note,
        });
        origins.bodies.push((index, raw.get()));
    }

    for (index, raw) in top.relations.iter().enumerate() {
        let path = RecordPath("relations", index);
        let Some(dto) = reader.record::<RelationDto>(raw, &path) else {
            continue;
        };
        let kind = reader
            .word::<RelationKind>(&dto.kind, raw.get(), &path, "kind")
            .unwrap_or(RelationKind::PartOf);
        dataset.relations.push(Relation {
            from: dto.from,
            kind,
            to: dto.to,
            source: dto.source.as_deref().and_then(Source::from_text),
            note: dto.note,
        });
        origins.relations.push((index, raw.get()));
    }

    for (index, raw) in top.events.iter().enumerate() {
        let path = RecordPath("events", index);
        let Some(dto) = reader.record::<EventDto>(raw, &path) else {
            continue;
        };
        let dataset_index = dataset.events.len();
        let Some(kind) = reader.word::<EventKind>(&dto.event, raw.get(), &path, "event") else {
            continue;
        };
        let date = if dto.date.trim().eq_ignore_ascii_case("unknown") {
            EventDate::Unknown
        } else if let Some(date) = reader.date(&dto.date, raw.get(), &path, "date") {
            EventDate::Known(date)
        } else {
            suppressed.insert((dataset_index, "date"));
            EventDate::Unknown
        };
        let source = match Source::from_text(&dto.source) {
            Some(source) => source,
            None => {
                reader.issue(
                    Severity::Error,
                    raw.get(),
                    format!("{path}.source"),
                    Some("source"),
                    "missing source: every event needs a URL or a citation (or \"unknown\" with a note)".into(),
                    None,
                );
                suppressed.insert((dataset_index, "source"));
                Source::Unknown
            }
        };
        dataset.events.push(Event {
            actor_id: dto.actor,
            body_id: dto.body,
            kind,
            date,
            source,
            note: dto.note,
        });
        origins.events.push((index, raw.get()));
    }

    for found in check::check(&dataset) {
        let field = found.record.field;
        if found.record.section == Section::Events
            && field.is_some_and(|f| suppressed.contains(&(found.record.index, f)))
        {
            continue;
        }
        let Some(&(file_index, raw)) = origins
            .section(found.record.section)
            .get(found.record.index)
        else {
            continue;
        };
        let mut path = format!("$.{}[{file_index}]", found.record.section.key());
        if let Some(field) = field {
            path.push('.');
            path.push_str(field);
        }
        let location = reader.location(raw, path, field);
        reader.report.issues.push(Issue {
            severity: found.severity,
            location,
            message: found.message,
            action: found.action,
        });
    }

    reader.report.sort_by_place();
    if reader.report.is_ok() {
        dataset.canonicalize();
        Ok((dataset, reader.report))
    } else {
        Err(reader.report)
    }
}

/// Writes a dataset as native JSON text: canonical order, pretty-printed, newline-terminated.
pub fn write_string(dataset: &Dataset) -> String {
    let mut sorted = dataset.clone();
    sorted.canonicalize();
    let meta = MetaDto {
        title: sorted.meta.title.clone(),
        description: sorted.meta.description.clone(),
        license: sorted.meta.license.clone(),
        notes: sorted.meta.notes.clone(),
    };
    let document = DocumentDto {
        format: FORMAT_NAME,
        version: FORMAT_VERSION,
        meta: &meta,
        actors: sorted
            .actors
            .into_iter()
            .map(|actor| ActorDto {
                id: actor.id,
                name: actor.name,
                kind: actor.kind.word().to_owned(),
                iso3: actor.iso3,
                region: actor.region,
                subregion: actor.subregion,
                url: actor.url,
                note: actor.note,
            })
            .collect(),
        bodies: sorted
            .bodies
            .into_iter()
            .map(|body| BodyDto {
                id: body.id,
                name: body.name,
                short_name: body.short_name,
                kind: body.kind.word().to_owned(),
                law: Some(body.law.word().to_owned()),
                issues: body
                    .issues
                    .iter()
                    .map(|issue| issue.word().to_owned())
                    .collect(),
                opened: body.opened.map(|date| date.to_string()),
                closed: body.closed.map(|date| date.to_string()),
                description: body.description,
                url: body.url,
                note: body.note,
            })
            .collect(),
        relations: sorted
            .relations
            .into_iter()
            .map(|relation| RelationDto {
                from: relation.from,
                kind: relation.kind.word().to_owned(),
                to: relation.to,
                source: relation.source.map(|source| source.as_str().to_owned()),
                note: relation.note,
            })
            .collect(),
        events: sorted
            .events
            .into_iter()
            .map(|event| EventDto {
                actor: event.actor_id,
                body: event.body_id,
                event: event.kind.word().to_owned(),
                date: event.date.to_string(),
                source: event.source.as_str().to_owned(),
                note: event.note,
            })
            .collect(),
    };
    // Serializing plain strings and vectors into a String cannot fail.
    let mut text = serde_json::to_string_pretty(&document).unwrap_or_default();
    text.push('\n');
    text
}
