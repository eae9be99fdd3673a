//! A body's reported member counts (`bodies[].reported[]`): each one's date, level, group,
//! count and source, read with the same field-level errors as the rest of the file.

use super::dto::ReportedDto;
use super::reader::{Reader, RecordPath};
use crate::io::report::Severity;
use crate::model::{ActorKind, ReportedCount, ReportedLevel, Source, Word};

/// The counts of one body; a count with a bad date, level or group, or without a source,
/// is reported as an error (the file is not read).
pub(super) fn read_reported(
    reader: &mut Reader<'_>,
    dtos: Vec<ReportedDto>,
    raw: &str,
    path: &RecordPath,
) -> Vec<ReportedCount> {
    let mut counts = Vec::new();
    for (index, dto) in dtos.into_iter().enumerate() {
        let entry = entry_text(raw, index);
        let entry_path = format!("{path}.reported[{index}]");
        let date = reader.date(&dto.date, entry, &entry_path, "date");
        let level = reader.word::<ReportedLevel>(&dto.level, entry, &entry_path, "level");
        let group = match dto.group.as_deref().map(str::trim) {
            None | Some("") => Some(None),
            Some(text) => reader
                .word::<ActorKind>(text, entry, &entry_path, "group")
                .map(Some),
        };
        let source = Source::from_text(&dto.source);
        if source.is_none() {
            reader.issue(
                Severity::Error,
                entry,
                format!("{entry_path}.source"),
                Some("source"),
                "missing source: every reported count needs a URL or a citation".into(),
                None,
            );
        }
        if let (Some(date), Some(level), Some(group), Some(source)) = (date, level, group, source) {
            counts.push(ReportedCount {
                date,
                level,
                group,
                count: dto.count,
                source,
                note: dto.note,
            });
        }
    }
    counts
}

/// The text of a body's `index`-th reported count (a view of `raw`, so that it keeps its
/// place in the file), or the whole body when it cannot be found.
fn entry_text(raw: &str, index: usize) -> &str {
    let Some(start) = raw.find("\"reported\"") else {
        return raw;
    };
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut seen = 0usize;
    let mut entry_start = None;
    for (offset, c) in raw[start..].char_indices() {
        let at = start + offset;
        if in_string {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '[' | '{' => {
                depth += 1;
                if c == '{' && depth == 2 {
                    if seen == index {
                        entry_start = Some(at);
                    }
                    seen += 1;
                }
            }
            ']' | '}' => {
                if c == '}'
                    && depth == 2
                    && let Some(from) = entry_start
                {
                    return &raw[from..=at];
                }
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    break;
                }
            }
            _ => {}
        }
    }
    raw
}

/// The counts as written (the body's counts are already in canonical order).
pub(super) fn write_reported(counts: Vec<ReportedCount>) -> Vec<ReportedDto> {
    counts
        .into_iter()
        .map(|count| ReportedDto {
            date: count.date.to_string(),
            level: count.level.word().to_owned(),
            group: count.group.map(|group| group.word().to_owned()),
            count: count.count,
            source: count.source.as_str().to_owned(),
            note: count.note,
        })
        .collect()
}
