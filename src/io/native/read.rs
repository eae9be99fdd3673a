//! Reading a native file: the top level, then each section's records mapped from their
//! DTOs to model records (one function per section), then the dataset-level checks, whose
//! findings are placed back at the records they are about.

use std::collections::HashSet;

use serde_json::value::RawValue;

use super::dto::{ActorDto, BodyDto, EventDto, MetaDto, RelationDto};
use super::reader::{Reader, RecordPath};
use super::top::{Refusal, read_top};
use crate::io::report::{ImportReport, Issue, Location, Severity};
use crate::model::check::{self, Section};
use crate::model::{
    Actor, ActorKind, Body, BodyKind, Dataset, Event, EventDate, EventKind, IssueArea, Law, Meta,
    Relation, RelationKind, Source,
};

/// Where a record that made it into the dataset came from: its index in its section of
/// the file, and its raw text (a view of the file's text, which gives its line).
type Origin<'a> = (usize, &'a str);

/// Where each record that made it into the dataset came from.
#[derive(Default)]
struct Origins<'a> {
    actors: Vec<Origin<'a>>,
    bodies: Vec<Origin<'a>>,
    relations: Vec<Origin<'a>>,
    events: Vec<Origin<'a>>,
}

impl<'a> Origins<'a> {
    fn section(&self, section: Section) -> &[Origin<'a>] {
        match section {
            Section::Actors => &self.actors,
            Section::Bodies => &self.bodies,
            Section::Relations => &self.relations,
            Section::Events => &self.events,
        }
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
    let mut reader = Reader::new(text, file);
    let top = match read_top(text, &reader.lines) {
        Ok(top) => top,
        Err(Refusal { location, message }) => {
            reader.report.push(Severity::Error, location, message);
            return Err(reader.report);
        }
    };
    warn_unknown_top_fields(&mut reader.report, top.unknown_fields);
    let top = top.dto;

    let mut dataset = Dataset::default();
    if let Some(raw) = top.meta
        && let Some(meta) = read_meta(&mut reader, raw)
    {
        dataset.meta = meta;
    }
    let mut origins = Origins::default();
    (dataset.actors, origins.actors) =
        read_section(&mut reader, Section::Actors, &top.actors, actor_from_dto);
    (dataset.bodies, origins.bodies) =
        read_section(&mut reader, Section::Bodies, &top.bodies, body_from_dto);
    (dataset.relations, origins.relations) = read_section(
        &mut reader,
        Section::Relations,
        &top.relations,
        relation_from_dto,
    );
    let (events, event_origins) =
        read_section(&mut reader, Section::Events, &top.events, event_from_dto);
    origins.events = event_origins;
    // A finding about a field the event mapping already reported would say it twice.
    let mut reported: HashSet<(usize, &'static str)> = HashSet::new();
    for (index, event) in events.iter().enumerate() {
        reported.extend(event.reported.iter().map(|&field| (index, field)));
    }
    dataset.events = events.into_iter().map(|event| event.event).collect();

    report_dataset_findings(&mut reader, &dataset, &origins, &reported);
    dataset.lessons = super::lessons::read_lessons(&mut reader, &top.lessons, &dataset);
    reader.report.sort_by_place();
    reader.report.into_result(dataset)
}

/// Warns about top-level fields this version does not know; they are ignored.
fn warn_unknown_top_fields(report: &mut ImportReport, fields: Vec<String>) {
    for field in fields {
        report.issues.push(Issue {
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
}

/// The dataset's metadata, when its record deserializes.
fn read_meta<'a>(reader: &mut Reader<'a>, raw: &'a RawValue) -> Option<Meta> {
    let meta = reader.record::<MetaDto>(raw, &"$.meta")?;
    Some(Meta {
        title: meta.title,
        description: meta.description,
        license: meta.license,
        notes: meta.notes,
    })
}

/// Reads the records of one section: each record that deserializes is mapped by `map`
/// (which reports what it finds wrong, and may leave the record out). Returns the model
/// records and where each came from.
fn read_section<'a, D, R>(
    reader: &mut Reader<'a>,
    section: Section,
    raws: &[&'a RawValue],
    map: impl Fn(&mut Reader<'a>, D, &'a str, &RecordPath) -> Option<R>,
) -> (Vec<R>, Vec<Origin<'a>>)
where
    D: serde::de::DeserializeOwned,
{
    let mut records = Vec::new();
    let mut origins = Vec::new();
    for (index, &raw) in raws.iter().enumerate() {
        let path = RecordPath(section.key(), index);
        let Some(dto) = reader.record::<D>(raw, &path) else {
            continue;
        };
        if let Some(record) = map(reader, dto, raw.get(), &path) {
            records.push(record);
            origins.push((index, raw.get()));
        }
    }
    (records, origins)
}

/// An actor; an unknown kind is reported and read as "other".
fn actor_from_dto(
    reader: &mut Reader<'_>,
    dto: ActorDto,
    raw: &str,
    path: &RecordPath,
) -> Option<Actor> {
    let kind = reader
        .word::<ActorKind>(&dto.kind, raw, path, "kind")
        .unwrap_or(ActorKind::Other);
    Some(Actor {
        id: dto.id,
        name: dto.name,
        kind,
        iso3: none_if_blank(dto.iso3),
        region: none_if_blank(dto.region),
        subregion: none_if_blank(dto.subregion),
        url: none_if_blank(dto.url),
        note: dto.note,
    })
}

/// A body; an unknown kind, law, issue area or date is reported (the kind read as a forum,
/// the law as soft, the issue and the date left out), and a missing law is the kind's
/// default.
fn body_from_dto(
    reader: &mut Reader<'_>,
    dto: BodyDto,
    raw: &str,
    path: &RecordPath,
) -> Option<Body> {
    let kind = reader
        .word::<BodyKind>(&dto.kind, raw, path, "kind")
        .unwrap_or(BodyKind::Forum);
    let law = match &dto.law {
        Some(text) => reader
            .word::<Law>(text, raw, path, "law")
            .unwrap_or(Law::Soft),
        None => kind.default_law(),
    };
    let mut issues = Vec::new();
    for (issue_index, text) in dto.issues.iter().enumerate() {
        let field = format!("issues[{issue_index}]");
        if let Some(issue) = reader.word::<IssueArea>(text, raw, path, &field)
            && !issues.contains(&issue)
        {
            issues.push(issue);
        }
    }
    let opened = dto
        .opened
        .as_deref()
        .and_then(|text| reader.date(text, raw, path, "opened"));
    let closed = dto
        .closed
        .as_deref()
        .and_then(|text| reader.date(text, raw, path, "closed"));
    Some(Body {
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
        reported: super::reported::read_reported(reader, dto.reported, raw, path),
    })
}

/// A relation; an unknown kind is reported and read as "part of".
fn relation_from_dto(
    reader: &mut Reader<'_>,
    dto: RelationDto,
    raw: &str,
    path: &RecordPath,
) -> Option<Relation> {
    let kind = reader
        .word::<RelationKind>(&dto.kind, raw, path, "kind")
        .unwrap_or(RelationKind::PartOf);
    Some(Relation {
        from: dto.from,
        kind,
        to: dto.to,
        source: dto.source.as_deref().and_then(Source::from_text),
        note: dto.note,
    })
}

/// An event as read, with the fields whose problems its mapping already reported.
struct ReadEvent {
    event: Event,
    reported: Vec<&'static str>,
}

/// An event. An unknown event word leaves the record out; a bad date or a missing source
/// is reported and the event kept (as unknown), so that the dataset-level checks still see
/// it, without saying the same thing twice.
fn event_from_dto(
    reader: &mut Reader<'_>,
    dto: EventDto,
    raw: &str,
    path: &RecordPath,
) -> Option<ReadEvent> {
    let kind = reader.word::<EventKind>(&dto.event, raw, path, "event")?;
    let mut reported = Vec::new();
    let date = if dto.date.trim().eq_ignore_ascii_case("unknown") {
        EventDate::Unknown
    } else if let Some(date) = reader.date(&dto.date, raw, path, "date") {
        EventDate::Known(date)
    } else {
        reported.push("date");
        EventDate::Unknown
    };
    let source = match Source::from_text(&dto.source) {
        Some(source) => source,
        None => {
            reader.issue(
                Severity::Error,
                raw,
                format!("{path}.source"),
                Some("source"),
                "missing source: every event needs a URL or a citation (or \"unknown\" with a note)".into(),
                None,
            );
            reported.push("source");
            Source::Unknown
        }
    };
    Some(ReadEvent {
        event: Event {
            actor_id: dto.actor,
            body_id: dto.body,
            kind,
            date,
            source,
            note: dto.note,
        },
        reported,
    })
}

/// Runs the dataset-level checks and places each finding at the record (and field) it is
/// about, skipping findings about event fields already `reported`.
fn report_dataset_findings(
    reader: &mut Reader<'_>,
    dataset: &Dataset,
    origins: &Origins<'_>,
    reported: &HashSet<(usize, &'static str)>,
) {
    for found in check::check(dataset) {
        let field = found.record.field;
        if found.record.section == Section::Events
            && field.is_some_and(|f| reported.contains(&(found.record.index, f)))
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
}
