//! The shape of a native file, as serde reads and writes it: plain strings for words and
//! dates, so that the reader can say which field of which record is wrong.

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::model::{ActorKind, Word};

/// The top-level object. Records stay raw text until each one is read on its own, so that
/// one bad record does not hide the others and each keeps its place in the file.
#[derive(Deserialize)]
pub(super) struct TopDto<'a> {
    pub(super) format: Option<serde_json::Value>,
    pub(super) version: Option<serde_json::Value>,
    #[serde(borrow)]
    pub(super) meta: Option<&'a RawValue>,
    #[serde(borrow, default)]
    pub(super) actors: Vec<&'a RawValue>,
    #[serde(borrow, default)]
    pub(super) bodies: Vec<&'a RawValue>,
    #[serde(borrow, default)]
    pub(super) relations: Vec<&'a RawValue>,
    #[serde(borrow, default)]
    pub(super) events: Vec<&'a RawValue>,
    #[serde(borrow, default)]
    pub(super) lessons: Vec<&'a RawValue>,
}

fn is_empty(text: &str) -> bool {
    text.is_empty()
}

#[derive(Serialize, Deserialize, Default)]
pub(super) struct MetaDto {
    #[serde(default, skip_serializing_if = "is_empty")]
    pub(super) title: String,
    #[serde(default, skip_serializing_if = "is_empty")]
    pub(super) description: String,
    #[serde(default, skip_serializing_if = "is_empty")]
    pub(super) license: String,
    #[serde(default, skip_serializing_if = "is_empty")]
    pub(super) notes: String,
}

#[derive(Serialize, Deserialize)]
pub(super) struct ActorDto {
    pub(super) id: String,
    pub(super) name: String,
    #[serde(default = "default_actor_kind")]
    pub(super) kind: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) iso3: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) region: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) subregion: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) url: Option<String>,
    #[serde(default, skip_serializing_if = "is_empty")]
    pub(super) note: String,
}

fn default_actor_kind() -> String {
    ActorKind::State.word().to_owned()
}

#[derive(Serialize, Deserialize)]
pub(super) struct BodyDto {
    pub(super) id: String,
    pub(super) name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) short_name: Option<String>,
    pub(super) kind: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) law: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) issues: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) opened: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) closed: Option<String>,
    #[serde(default, skip_serializing_if = "is_empty")]
    pub(super) description: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) url: Option<String>,
    #[serde(default, skip_serializing_if = "is_empty")]
    pub(super) note: String,
}

#[derive(Serialize, Deserialize)]
pub(super) struct RelationDto {
    pub(super) from: String,
    pub(super) kind: String,
    pub(super) to: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) source: Option<String>,
    #[serde(default, skip_serializing_if = "is_empty")]
    pub(super) note: String,
}

#[derive(Serialize, Deserialize)]
pub(super) struct EventDto {
    pub(super) actor: String,
    pub(super) body: String,
    pub(super) event: String,
    pub(super) date: String,
    #[serde(default)]
    pub(super) source: String,
    #[serde(default, skip_serializing_if = "is_empty")]
    pub(super) note: String,
}

fn is_false(value: &bool) -> bool {
    !*value
}

/// A lesson as read: its name, and its slides left raw so that each is read (and placed)
/// on its own.
#[derive(Deserialize)]
pub(super) struct LessonInDto<'a> {
    pub(super) name: String,
    #[serde(borrow, default)]
    pub(super) slides: Vec<&'a RawValue>,
}

/// A lesson as written.
#[derive(Serialize)]
pub(super) struct LessonDto {
    pub(super) name: String,
    pub(super) slides: Vec<SlideDto>,
}

#[derive(Serialize, Deserialize)]
pub(super) struct SlideDto {
    pub(super) title: String,
    #[serde(default, skip_serializing_if = "is_empty")]
    pub(super) caption: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) view: Option<String>,
    pub(super) date: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) level: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) body: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) actor: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) colouring: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) hidden_kinds: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) issue: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) law: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) region: Option<String>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub(super) hide_non_members: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) max_members: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) camera: Option<CameraDto>,
}

#[derive(Serialize, Deserialize)]
pub(super) struct CameraDto {
    pub(super) centre: [i32; 2],
    pub(super) zoom_percent: u32,
}

/// A whole file as written.
#[derive(Serialize)]
pub(super) struct DocumentDto<'a> {
    pub(super) format: &'static str,
    pub(super) version: u64,
    pub(super) meta: &'a MetaDto,
    pub(super) actors: Vec<ActorDto>,
    pub(super) bodies: Vec<BodyDto>,
    pub(super) relations: Vec<RelationDto>,
    pub(super) events: Vec<EventDto>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(super) lessons: Vec<LessonDto>,
}
