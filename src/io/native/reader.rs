//! The reading state of a native file: the text, its line index and the report being
//! filled. It places a record or one of its fields by line and column, deserializes one
//! record at a time, and reports a word or a date that does not parse.

use serde_json::value::RawValue;

use crate::io::report::{ImportReport, Issue, LineIndex, Location, Severity};
use crate::model::{PartialDate, Word};

/// Reading state: the text, its line index and the report being filled.
pub(super) struct Reader<'a> {
    text: &'a str,
    pub(super) lines: LineIndex,
    pub(super) report: ImportReport,
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

/// Removes serde_json's " at line L column C" suffix (the report has its own place).
pub(super) fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(index) => message[..index].to_owned(),
        None => message.to_owned(),
    }
}

/// The JSON path of a record, formatted only when a message needs it.
pub(super) struct RecordPath(pub(super) &'static str, pub(super) usize);

impl std::fmt::Display for RecordPath {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "$.{}[{}]", self.0, self.1)
    }
}

impl<'a> Reader<'a> {
    /// A reader of `text`, reporting as `file`.
    pub(super) fn new(text: &'a str, file: &str) -> Self {
        Self {
            text,
            lines: LineIndex::new(text),
            report: ImportReport::new(file),
        }
    }

    /// The place of a record (`raw`, a view of the text) or of one of its fields.
    pub(super) fn location(&self, raw: &str, path: String, field: Option<&str>) -> Location {
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

    /// Reports a problem at a record or one of its fields.
    pub(super) fn issue(
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
    pub(super) fn record<T: serde::Deserialize<'a>>(
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

    /// A word of a vocabulary, or an error at the field when it is not one.
    pub(super) fn word<W: Word>(
        &mut self,
        text: &str,
        raw: &str,
        path: &dyn std::fmt::Display,
        field: &str,
    ) -> Option<W> {
        self.parsed(W::parse_word(text), raw, path, field)
    }

    /// A date, or an error at the field when it does not parse.
    pub(super) fn date(
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
