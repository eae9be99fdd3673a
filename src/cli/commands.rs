//! The headless commands: each writes to `out`/`err` and returns the process exit code.

use std::io::Write;
use std::path::Path;

use serde::Serialize;

use super::{Command, query_date};
use crate::io::shaped::TableOptions;
use crate::io::{self, DatasetError};
use crate::model::{Dataset, EventKind, Level, PartialDate, Word, latest_reported};
use crate::timeline::{Composition, Timeline, identified};

/// Exit code: success (warnings allowed).
pub const EXIT_OK: u8 = 0;
/// Exit code: a file has errors or could not be read or written.
pub const EXIT_DATA_ERROR: u8 = 1;
/// Exit code: the command line itself is wrong.
pub const EXIT_USAGE: u8 = 2;

/// Runs one headless command and returns the exit code.
pub fn run(command: &Command, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let result = match command {
        Command::Validate { files } => validate(files, out),
        Command::Stats {
            file,
            at,
            level,
            json,
        } => load_for_query(file, err).and_then(|dataset| {
            stats(&dataset, query_date(*at), *level, *json, out).map_err(CommandError::from)
        }),
        Command::Members {
            file,
            body_id,
            outside,
            at,
            level,
            json,
        } => load_for_query(file, err).and_then(|dataset| {
            let query = MembersQuery {
                body_id,
                outside: outside.as_deref(),
                at: query_date(*at),
                level: *level,
            };
            members(&dataset, &query, *json, out)
        }),
        Command::Events {
            file,
            bodies,
            actors,
            kinds,
            from,
            to,
            json,
        } => load_for_query(file, err).and_then(|dataset| {
            let filter = EventFilter {
                bodies,
                actors,
                kinds,
                from: *from,
                to: *to,
            };
            events(&dataset, &filter, *json, out)
        }),
        Command::Overlap {
            file,
            body_id,
            at,
            level,
            top,
            json,
            matrix,
            out: picture,
            theme,
            scale,
        } => load_for_query(file, err).and_then(|dataset| {
            let query = super::overlap::OverlapQuery {
                body_id: body_id.as_deref(),
                at: query_date(*at),
                level: *level,
                top: *top,
            };
            match (picture, matrix) {
                (Some(path), _) => {
                    let label = file.display().to_string();
                    let picture = super::overlap::MatrixPictureArgs {
                        path,
                        theme: theme.theme(),
                        scale: *scale,
                    };
                    super::overlap::matrix_picture(dataset, label, &query, &picture, err)
                }
                (None, Some(values)) => super::overlap::matrix_csv(&dataset, &query, *values, out),
                (None, None) => super::overlap::overlap(&dataset, &query, *json, out),
            }
        }),
        Command::Convert {
            input,
            output,
            body,
            body_name,
            map,
            dates,
        } => {
            let options = TableOptions {
                body_id: body.clone(),
                body_name: body_name.clone(),
                roles: map.clone(),
                date_order: *dates,
            };
            convert(input, output, &options, err)
        }
        Command::Render(args) => super::render::render(args, out, err),
        Command::Generate(args) => super::generate::generate(args, err),
        Command::Lesson(args) => super::lesson::lesson(args, out, err),
    };
    match result {
        Ok(code) => code,
        Err(CommandError::Dataset(error)) => {
            let _ = writeln!(err, "{error}");
            EXIT_DATA_ERROR
        }
        Err(CommandError::Usage(message)) => {
            let _ = writeln!(err, "error: {message}");
            EXIT_USAGE
        }
        Err(CommandError::Output(error)) => {
            let _ = writeln!(err, "error: could not write the output: {error}");
            EXIT_DATA_ERROR
        }
        Err(CommandError::Failed(message)) => {
            let _ = writeln!(err, "error: {message}");
            EXIT_DATA_ERROR
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub(super) enum CommandError {
    #[error(transparent)]
    Dataset(#[from] DatasetError),
    #[error("{0}")]
    Usage(String),
    #[error(transparent)]
    Output(#[from] std::io::Error),
    /// A command could not finish (a picture could not be drawn or written).
    #[error("{0}")]
    Failed(String),
}

/// Loads a dataset; warnings are summed up in one line on `err` (`validate` lists them).
pub(super) fn load_for_query(file: &Path, err: &mut dyn Write) -> Result<Dataset, CommandError> {
    let (dataset, report) = io::load(file)?;
    let warnings = report.warning_count();
    if warnings > 0 {
        writeln!(
            err,
            "{}: {} (see `minilateral validate {}`)",
            report.file,
            report.summary(),
            file.display()
        )?;
    }
    Ok(dataset)
}

fn validate(files: &[std::path::PathBuf], out: &mut dyn Write) -> Result<u8, CommandError> {
    let mut code = EXIT_OK;
    for file in files {
        match io::load(file) {
            Ok((dataset, report)) => {
                for issue in &report.issues {
                    writeln!(out, "{}", report.format_issue(issue))?;
                }
                writeln!(
                    out,
                    "{}: {}; {} actors, {} bodies, {} relations, {} events",
                    report.file,
                    report.summary(),
                    dataset.actors.len(),
                    dataset.bodies.len(),
                    dataset.relations.len(),
                    dataset.events.len()
                )?;
            }
            Err(DatasetError::Invalid(report)) => {
                writeln!(out, "{report}")?;
                code = EXIT_DATA_ERROR;
            }
            Err(error) => {
                writeln!(out, "{error}")?;
                code = EXIT_DATA_ERROR;
            }
        }
    }
    Ok(code)
}

#[derive(Serialize)]
struct StatsJson<'a> {
    at: String,
    level: &'static str,
    bodies: Vec<BodyStatsJson<'a>>,
}

#[derive(Serialize)]
struct BodyStatsJson<'a> {
    id: &'a str,
    name: &'a str,
    kind: &'static str,
    members: u32,
    first_event: Option<String>,
    latest_event: Option<String>,
    /// The latest reported count of each kind as of the date, beside the members the
    /// events identify then; null when the body has none.
    reported_members: Option<Vec<ReportedJson<'a>>>,
    /// State members by UN M49 region (every region of the dataset's states).
    regions: std::collections::BTreeMap<String, u32>,
}

#[derive(Serialize)]
struct ReportedJson<'a> {
    date: String,
    level: &'static str,
    group: Option<&'static str>,
    count: u32,
    identified: u32,
    identified_undated: u32,
    source: &'a str,
}

fn stats(
    dataset: &Dataset,
    at: jiff::civil::Date,
    level: Level,
    json: bool,
    out: &mut dyn Write,
) -> std::io::Result<u8> {
    let timeline = Timeline::build(dataset);
    let counts = timeline.counts_at(at, level);
    let bodies: Vec<BodyStatsJson<'_>> = dataset
        .bodies
        .iter()
        .enumerate()
        .map(|(i, body)| {
            let body_ix = crate::timeline::BodyIx(i as u32);
            let span = timeline.body_event_span(body_ix, at);
            let reported: Vec<ReportedJson<'_>> = latest_reported(&body.reported, at)
                .into_iter()
                .map(|count| (count, identified(dataset, &timeline, body_ix, count)))
                .map(|(count, found)| ReportedJson {
                    date: count.date.to_string(),
                    level: count.level.word(),
                    group: count.group.map(Word::word),
                    count: count.count,
                    identified: found.dated,
                    identified_undated: found.undated,
                    source: count.source.as_str(),
                })
                .collect();
            let composition = Composition::of(dataset, &timeline, body_ix, at, level);
            BodyStatsJson {
                id: &body.id,
                name: &body.name,
                kind: body.kind.word(),
                members: counts[i],
                first_event: span.map(|(first, _)| first.to_string()),
                latest_event: span.map(|(_, latest)| latest.to_string()),
                reported_members: (!reported.is_empty()).then_some(reported),
                regions: composition
                    .regions
                    .iter()
                    .map(|row| (row.region.clone(), row.members))
                    .collect(),
            }
        })
        .collect();
    if json {
        let document = StatsJson {
            at: at.to_string(),
            level: level.word(),
            bodies,
        };
        serde_json::to_writer_pretty(&mut *out, &document)?;
        writeln!(out)?;
        return Ok(EXIT_OK);
    }
    writeln!(out, "As of {at}, level {}:", level.word())?;
    let id_width = bodies.iter().map(|b| b.id.len()).max().unwrap_or(2).max(2);
    writeln!(
        out,
        "{:<id_width$}  {:>7}  {:<12}  {:<10}  {:<10}  name",
        "id", "members", "kind", "first", "latest"
    )?;
    for body in &bodies {
        writeln!(
            out,
            "{:<id_width$}  {:>7}  {:<12}  {:<10}  {:<10}  {}",
            body.id,
            body.members,
            body.kind,
            body.first_event.as_deref().unwrap_or("-"),
            body.latest_event.as_deref().unwrap_or("-"),
            body.name
        )?;
    }
    Ok(EXIT_OK)
}

#[derive(Serialize)]
struct MembersJson<'a> {
    body: &'a str,
    at: String,
    level: &'static str,
    members: Vec<MemberJson<'a>>,
}

#[derive(Serialize)]
struct MemberJson<'a> {
    actor: &'a str,
    name: &'a str,
    iso3: Option<&'a str>,
    status: &'static str,
    since: String,
    source: &'a str,
}

/// What the `members` command lists.
struct MembersQuery<'a> {
    body_id: &'a str,
    outside: Option<&'a str>,
    at: jiff::civil::Date,
    level: Level,
}

pub(super) fn body_or_usage_error(
    dataset: &Dataset,
    timeline: &Timeline,
    body_id: &str,
) -> Result<crate::timeline::BodyIx, CommandError> {
    timeline.body_ix(body_id).ok_or_else(|| {
        let mut ids: Vec<&str> = dataset.bodies.iter().map(|b| b.id.as_str()).collect();
        ids.sort_unstable();
        CommandError::Usage(format!(
            "no body with id \"{body_id}\" (known ids: {})",
            ids.join(", ")
        ))
    })
}

fn members(
    dataset: &Dataset,
    query: &MembersQuery<'_>,
    json: bool,
    out: &mut dyn Write,
) -> Result<u8, CommandError> {
    let MembersQuery {
        body_id, at, level, ..
    } = *query;
    let timeline = Timeline::build(dataset);
    let body = body_or_usage_error(dataset, &timeline, body_id)?;
    let outside = match query.outside {
        Some(other) => {
            let other = body_or_usage_error(dataset, &timeline, other)?;
            let inside: Vec<_> = timeline
                .members(other, at, Level::Party)
                .into_iter()
                .map(|m| m.actor)
                .collect();
            Some(inside)
        }
        None => None,
    };
    let mut members: Vec<MemberJson<'_>> = timeline
        .members(body, at, level)
        .into_iter()
        .filter(|membership| {
            outside
                .as_ref()
                .is_none_or(|inside| !inside.contains(&membership.actor))
        })
        .map(|membership| {
            let actor = &dataset.actors[membership.actor.index()];
            MemberJson {
                actor: &actor.id,
                name: &actor.name,
                iso3: actor.iso3.as_deref(),
                status: membership.status.word(),
                since: membership.since.to_string(),
                source: dataset.events[membership.event].source.as_str(),
            }
        })
        .collect();
    members.sort_by(|a, b| a.name.cmp(b.name).then(a.actor.cmp(b.actor)));
    if json {
        let document = MembersJson {
            body: body_id,
            at: at.to_string(),
            level: level.word(),
            members,
        };
        serde_json::to_writer_pretty(&mut *out, &document).map_err(std::io::Error::from)?;
        writeln!(out)?;
        return Ok(EXIT_OK);
    }
    let name = &dataset.bodies[body.index()].name;
    let outside_text = query
        .outside
        .map(|other| format!(" outside {other}"))
        .unwrap_or_default();
    writeln!(
        out,
        "{name}: {} members{outside_text} as of {at} (level {})",
        members.len(),
        level.word()
    )?;
    for member in &members {
        writeln!(
            out,
            "{:<8}  {:<32}  {:<4}  {:<10}  {:<10}  {}",
            member.actor,
            member.name,
            member.iso3.unwrap_or("-"),
            member.status,
            member.since,
            member.source
        )?;
    }
    Ok(EXIT_OK)
}

/// Which events the `events` command lists.
struct EventFilter<'a> {
    bodies: &'a [String],
    actors: &'a [String],
    kinds: &'a [EventKind],
    from: Option<PartialDate>,
    to: Option<PartialDate>,
}

#[derive(Serialize)]
struct EventsJson<'a> {
    from: Option<String>,
    to: Option<String>,
    events: Vec<EventJson<'a>>,
}

#[derive(Serialize)]
struct EventJson<'a> {
    date: String,
    body: &'a str,
    actor: &'a str,
    name: &'a str,
    event: &'static str,
    source: &'a str,
    note: &'a str,
}

fn events(
    dataset: &Dataset,
    filter: &EventFilter<'_>,
    json: bool,
    out: &mut dyn Write,
) -> Result<u8, CommandError> {
    let timeline = Timeline::build(dataset);
    for id in filter.bodies {
        if timeline.body_ix(id).is_none() {
            return Err(CommandError::Usage(format!("no body with id \"{id}\"")));
        }
    }
    for id in filter.actors {
        if timeline.actor_ix(id).is_none() {
            return Err(CommandError::Usage(format!("no actor with id \"{id}\"")));
        }
    }
    let Some((first, last)) = timeline.span() else {
        writeln!(out, "no dated events")?;
        return Ok(EXIT_OK);
    };
    let start = filter.from.map_or(first, PartialDate::start);
    let end = filter.to.map_or(last, PartialDate::end);
    let selected: Vec<EventJson<'_>> = timeline
        .events_between(start, end)
        .iter()
        .map(|&index| &dataset.events[index as usize])
        .filter(|event| filter.bodies.is_empty() || filter.bodies.contains(&event.body_id))
        .filter(|event| filter.actors.is_empty() || filter.actors.contains(&event.actor_id))
        .filter(|event| filter.kinds.is_empty() || filter.kinds.contains(&event.kind))
        .map(|event| EventJson {
            date: event.date.to_string(),
            body: &event.body_id,
            actor: &event.actor_id,
            name: dataset
                .actor(&event.actor_id)
                .map_or("", |actor| actor.name.as_str()),
            event: event.kind.word(),
            source: event.source.as_str(),
            note: &event.note,
        })
        .collect();
    if json {
        let document = EventsJson {
            from: Some(start.to_string()),
            to: Some(end.to_string()),
            events: selected,
        };
        serde_json::to_writer_pretty(&mut *out, &document).map_err(std::io::Error::from)?;
        writeln!(out)?;
        return Ok(EXIT_OK);
    }
    for event in &selected {
        writeln!(
            out,
            "{:<10}  {:<14}  {:<8}  {:<20}  {:<28}  {}",
            event.date, event.body, event.actor, event.event, event.name, event.source
        )?;
    }
    writeln!(out, "{} events from {start} to {end}", selected.len())?;
    Ok(EXIT_OK)
}

fn convert(
    input: &Path,
    output: &Path,
    options: &TableOptions,
    err: &mut dyn Write,
) -> Result<u8, CommandError> {
    let (dataset, report, mapping) = io::load_with(input, options)?;
    if report.warning_count() > 0 {
        writeln!(
            err,
            "{}: {} (see `minilateral validate {}`)",
            report.file,
            report.summary(),
            input.display()
        )?;
    }
    // What the user settled is remembered beside the table, so that every other command
    // (and the window) reads it the same way.
    if let Some(mapping) = mapping.filter(|_| !options.is_empty()) {
        let remembered = io::remember_mapping(input, &mapping)?;
        writeln!(
            err,
            "remembered the columns' roles in {}",
            remembered.display()
        )?;
    }
    if let Some(format) = io::Format::from_path(output) {
        for lost in io::lost_in(format, &dataset) {
            writeln!(err, "{}: warning: {lost}", output.display())?;
        }
    }
    io::save(&dataset, output)?;
    match io::gephi_sibling_path(output)
        .filter(|_| io::Format::from_path(output) == Some(io::Format::GephiCsv))
    {
        // A Gephi CSV pair is two files.
        Some(sibling) => writeln!(err, "wrote {} and {}", output.display(), sibling.display())?,
        None => writeln!(err, "wrote {}", output.display())?,
    }
    Ok(EXIT_OK)
}

/// A dataset for the window: FILE, or the built-in sample. Its warnings are printed to
/// `err`; a file that cannot be read is reported there and gives the exit code.
pub fn dataset_for_window(file: Option<&Path>, err: &mut dyn Write) -> Result<Loaded, u8> {
    // A table of another shape opens on an empty dataset: the window shows its mapping
    // step first (see app::run).
    if let Some(path) = file
        && matches!(io::table_to_map(path), Ok(Some(_)))
    {
        return Ok(Loaded {
            dataset: Dataset::default(),
            report: io::ImportReport::new(path.display().to_string()),
            label: "Untitled".into(),
        });
    }
    let loaded = match file {
        Some(path) => io::load(path).map_err(|error| error.to_string()),
        None => io::read_native_str(crate::SAMPLE_DATASET_JSON, crate::SAMPLE_DATASET_NAME)
            .map_err(|report| report.to_string()),
    };
    match loaded {
        Ok((dataset, report)) => {
            if !report.issues.is_empty() {
                let _ = writeln!(err, "{}: {}", report.file, report.summary());
            }
            let label = file.map_or_else(
                || "Built-in sample".to_owned(),
                |path| path.display().to_string(),
            );
            Ok(Loaded {
                dataset,
                report,
                label,
            })
        }
        Err(message) => {
            let _ = writeln!(err, "{message}");
            Err(EXIT_DATA_ERROR)
        }
    }
}

/// A dataset read for the window, with its import report and the label it is shown under.
#[derive(Debug)]
pub struct Loaded {
    /// The records.
    pub dataset: Dataset,
    /// What the reader found.
    pub report: io::ImportReport,
    /// The file's path, or "Built-in sample".
    pub label: String,
}
