//! Writing the native format: canonical order and pretty-printing, so that equal datasets
//! are equal files and a diff shows what changed.

use super::dto::{ActorDto, BodyDto, DocumentDto, EventDto, MetaDto, RelationDto};
use super::lessons::lessons_dto;
use super::{FORMAT_NAME, FORMAT_VERSION, OLDEST_VERSION};
use crate::model::{Dataset, Word};

/// The version a dataset is written as: the oldest that holds everything it has, so that
/// a file without lessons still opens in builds that read only version 1.
pub fn version_needed(dataset: &Dataset) -> u64 {
    if dataset.lessons.is_empty() {
        OLDEST_VERSION
    } else {
        FORMAT_VERSION
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
        version: version_needed(&sorted),
        lessons: lessons_dto(&sorted.lessons),
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
