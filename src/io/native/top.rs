//! The top level of a native file: one JSON object that says `"format": "minilateral"` and
//! a version this build reads. A file that fails here is refused with one error, before any
//! record is read.

use super::dto::TopDto;
use super::reader::strip_position;
use super::{FORMAT_NAME, FORMAT_VERSION, OLDEST_VERSION};
use crate::io::report::{LineIndex, Location};

/// Why a file is not read at all: the one error at the top of its report.
pub(super) struct Refusal {
    pub(super) location: Location,
    pub(super) message: String,
}

impl Refusal {
    fn new(location: Location, message: impl Into<String>) -> Self {
        Self {
            location,
            message: message.into(),
        }
    }
}

/// The top-level object, with the names of the top-level fields this version does not
/// know (they are reported as warnings once the file is accepted).
pub(super) struct Top<'a> {
    pub(super) dto: TopDto<'a>,
    pub(super) unknown_fields: Vec<String>,
}

/// Reads the top level of a file, or says why the file is refused.
pub(super) fn read_top<'a>(text: &'a str, lines: &LineIndex) -> Result<Top<'a>, Refusal> {
    check_object(text, lines)?;
    let top = parse(text)?;
    check_format(&top.dto)?;
    check_version(&top.dto)?;
    Ok(top)
}

/// The file must start with `{`, after white space.
fn check_object(text: &str, lines: &LineIndex) -> Result<(), Refusal> {
    match text.trim_start().chars().next() {
        Some('{') => Ok(()),
        None => Err(Refusal::new(
            Location {
                file: None,
                path: Some("$".into()),
                line: Some(1),
                column: Some(1),
            },
            "the file is empty",
        )),
        Some(_) => {
            let offset = text.len() - text.trim_start().len();
            let (line, column) = lines.line_column(offset);
            Err(Refusal::new(
                Location {
                    file: None,
                    path: Some("$".into()),
                    line: Some(line),
                    column: Some(column),
                },
                "not a Minilateral dataset: the file must hold one JSON object with \"format\": \"minilateral\"",
            ))
        }
    }
}

/// Parses the whole text as the top-level object, records left raw.
fn parse(text: &str) -> Result<Top<'_>, Refusal> {
    let mut unknown_fields = Vec::new();
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let parsed: Result<TopDto<'_>, _> = serde_ignored::deserialize(&mut deserializer, |field| {
        unknown_fields.push(field.to_string());
    })
    .and_then(|top| deserializer.end().map(|()| top));
    match parsed {
        Ok(dto) => Ok(Top {
            dto,
            unknown_fields,
        }),
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
            Err(Refusal::new(
                Location {
                    file: None,
                    path: Some("$".into()),
                    line: (error.line() > 0).then_some(error.line()),
                    column: (error.line() > 0).then_some(error.column().max(1)),
                },
                message,
            ))
        }
    }
}

/// A place at the top of the file: the first line, with a JSON path.
fn top_location(path: &str) -> Location {
    Location {
        file: None,
        path: Some(path.to_string()),
        line: Some(1),
        column: None,
    }
}

/// `"format"` must be present and say `"minilateral"`.
fn check_format(top: &TopDto<'_>) -> Result<(), Refusal> {
    match &top.format {
        Some(serde_json::Value::String(name)) if name == FORMAT_NAME => Ok(()),
        Some(other) => Err(Refusal::new(
            top_location("$.format"),
            format!("not a Minilateral dataset: \"format\" is {other}, expected \"{FORMAT_NAME}\""),
        )),
        None => Err(Refusal::new(
            top_location("$"),
            format!(
                "not a Minilateral dataset: the field \"format\": \"{FORMAT_NAME}\" is missing"
            ),
        )),
    }
}

/// `"version"` must be present and be a version this build reads.
fn check_version(top: &TopDto<'_>) -> Result<(), Refusal> {
    match &top.version {
        Some(serde_json::Value::Number(number))
            if number
                .as_u64()
                .is_some_and(|version| (OLDEST_VERSION..=FORMAT_VERSION).contains(&version)) =>
        {
            Ok(())
        }
        Some(serde_json::Value::Number(number)) => Err(Refusal::new(
            top_location("$.version"),
            format!(
                "unknown version {number}: this build of Minilateral reads versions \
                 {OLDEST_VERSION} to {FORMAT_VERSION}"
            ),
        )),
        Some(other) => Err(Refusal::new(
            top_location("$.version"),
            format!("the version must be a number, found {other}"),
        )),
        None => Err(Refusal::new(
            top_location("$"),
            "the field \"version\" is missing",
        )),
    }
}
