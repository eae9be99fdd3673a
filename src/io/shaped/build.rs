//! A mapped grid to a dataset: one row per fact (long tables and the wide charts, each step
//! column an event) or one row per body and year (yearly matrices of status codes), then
//! the dataset checks placed back on the rows.

use std::collections::{BTreeMap, HashMap};

use super::dates::{self, DateOrder, DateProblem};
use super::grid::{Grid, GridRow};
use super::mapping::{Role, TableMapping, body_kind_of_words};
use super::states::{KnownState, find_code, find_state};
use crate::io::csv_table::table_issue;
use crate::io::report::{ImportReport, Issue, Severity};
use crate::model::check::{self, Section};
use crate::model::{
    Actor, ActorKind, Body, BodyKind, Dataset, Event, EventDate, EventKind, PartialDate, Source,
    Word,
};

/// A name without the footnote digits and marks of depositary tables (`Afghanistan1`,
/// `France*`) and surrounding space.
pub fn clean_name(text: &str) -> &str {
    text.trim()
        .trim_end_matches(|c: char| {
            c.is_ascii_digit()
                || matches!(
                    c,
                    '*' | '\u{2020}' | '\u{2021}' | '\u{b9}' | '\u{b2}' | '\u{b3}'
                )
        })
        .trim_end_matches([',', ' '])
        .trim()
}

/// An id from a name: lower case letters and digits, other characters as `_`.
pub fn slug(name: &str) -> String {
    let mut id = String::new();
    for c in name.trim().chars() {
        if c.is_alphanumeric() {
            id.extend(c.to_lowercase());
        } else if !id.ends_with('_') {
            id.push('_');
        }
    }
    id.trim_matches('_').to_owned()
}

struct Builder<'a> {
    grid: &'a Grid,
    mapping: &'a TableMapping,
    report: ImportReport,
    dataset: Dataset,
    actors: HashMap<String, usize>,
    bodies: HashMap<String, usize>,
    /// The row each actor, body and event came from.
    actor_rows: Vec<usize>,
    body_rows: Vec<usize>,
    event_rows: Vec<usize>,
    cited: Source,
    unsourced: usize,
    date_warnings: usize,
    /// The order of day and month of each column, decided once.
    orders: Vec<Option<DateOrder>>,
}

impl Builder<'_> {
    fn header(&self, column: usize) -> &str {
        self.mapping
            .columns
            .get(column)
            .map_or("", |c| c.column.as_str())
    }

    fn issue(
        &mut self,
        severity: Severity,
        row: usize,
        column: Option<usize>,
        message: String,
    ) -> &mut Issue {
        let header = column.map(|c| self.header(c).to_owned());
        self.report.issues.push(table_issue(
            &self.grid.file,
            row,
            header.as_deref(),
            severity,
            message,
        ));
        let last = self.report.issues.len() - 1;
        &mut self.report.issues[last]
    }

    /// The actor a name (and an ISO code) stands for: a known state, else a new actor with
    /// a warning naming the row.
    fn actor(
        &mut self,
        name: &str,
        code: &str,
        row: usize,
        column: Option<usize>,
        kind: ActorKind,
    ) -> Option<String> {
        let name = clean_name(name);
        let known: Option<&KnownState> = if code.is_empty() {
            find_state(name)
        } else {
            find_code(code).or_else(|| find_state(name))
        };
        let actor = match known {
            Some(state) => state.actor(),
            None if name.is_empty() && code.is_empty() => return None,
            None => {
                let shown = if name.is_empty() { code } else { name };
                let id = slug(shown);
                if id.is_empty() {
                    return None;
                }
                if !self.actors.contains_key(&id) {
                    self.issue(
                        Severity::Warning,
                        row,
                        column,
                        format!("\"{shown}\" is not a state this reader knows"),
                    )
                    .action = Some(format!("imported as an actor with the id \"{id}\""));
                }
                Actor {
                    id,
                    name: shown.to_owned(),
                    kind,
                    iso3: None,
                    region: None,
                    subregion: None,
                    url: None,
                    note: String::new(),
                }
            }
        };
        let id = actor.id.clone();
        if !self.actors.contains_key(&id) {
            self.actors.insert(id.clone(), self.dataset.actors.len());
            self.dataset.actors.push(actor);
            self.actor_rows.push(row);
        }
        Some(id)
    }

    fn body_kind(&self, name: &str) -> BodyKind {
        self.mapping
            .body_kind
            .as_deref()
            .and_then(|k| BodyKind::parse_word(k).ok())
            .or_else(|| body_kind_of_words(name))
            .unwrap_or(BodyKind::Organisation)
    }

    /// The body a row is about: its body cell, or the mapping's body.
    fn body(&mut self, cell: Option<(&str, &str)>, row: usize) -> Option<String> {
        let (id, name, short) = match cell {
            Some((short, full)) if !short.is_empty() => {
                let name = if full.is_empty() { short } else { full };
                (
                    slug(short),
                    name.to_owned(),
                    (!full.is_empty() && full != short).then(|| short.to_owned()),
                )
            }
            Some(_) => return None,
            None => {
                let name = self
                    .mapping
                    .body_name
                    .clone()
                    .or_else(|| self.mapping.body_id.clone())?;
                let id = self.mapping.body_id.clone().unwrap_or_else(|| slug(&name));
                (id, name, None)
            }
        };
        if id.is_empty() {
            return None;
        }
        if !self.bodies.contains_key(&id) {
            let kind = self.body_kind(&name);
            self.bodies.insert(id.clone(), self.dataset.bodies.len());
            self.dataset.bodies.push(Body {
                short_name: short,
                ..Body::new(id.clone(), name, kind)
            });
            self.body_rows.push(row);
        }
        Some(id)
    }

    fn source(&mut self, row: &GridRow) -> Source {
        let text = self
            .mapping
            .column_of(Role::Source)
            .map_or("", |c| row.cell(c));
        Source::from_text(text).unwrap_or_else(|| {
            self.unsourced += 1;
            self.cited.clone()
        })
    }

    /// A date cell: the date and the step its letter names; a cell that is not a date is
    /// a warning and left out.
    fn date(&mut self, row: &GridRow, column: usize) -> Option<dates::CellDate> {
        let text = row.cell(column);
        let order = self.orders.get(column).copied().flatten();
        match dates::parse_cell(text, order) {
            Ok(date) => date,
            Err(problem) => {
                let reason = match problem {
                    DateProblem::Ambiguous => {
                        "day and month could be either (settle it with --dates dmy or --dates mdy)"
                            .to_owned()
                    }
                    DateProblem::Invalid(reason) => reason,
                };
                self.date_warnings += 1;
                self.issue(
                    Severity::Warning,
                    row.number,
                    Some(column),
                    format!("\"{text}\" is not a date: {reason}"),
                )
                .action = Some("left out".into());
                None
            }
        }
    }

    fn push_event(&mut self, event: Event, row: usize) {
        self.dataset.events.push(event);
        self.event_rows.push(row);
    }

    /// Long tables and wide charts: every row is an actor (and a body), every date of the
    /// row an event.
    fn rows(&mut self) {
        let mapping = self.mapping;
        let actor_column = mapping.column_of(Role::Actor);
        let iso3 = mapping.column_of(Role::Iso3);
        let iso2 = mapping.column_of(Role::Iso2);
        let body_column = mapping.column_of(Role::Body);
        let body_name = mapping.column_of(Role::BodyName);
        let event_column = mapping.column_of(Role::Event);
        let date_column = mapping.column_of(Role::Date);
        let note_column = mapping.column_of(Role::Note);
        let steps: Vec<(usize, EventKind)> = mapping
            .columns
            .iter()
            .enumerate()
            .filter_map(|(i, c)| match c.role {
                Role::Step(kind) => Some((i, kind)),
                _ => None,
            })
            .collect();
        let grid = self.grid;
        for row in grid.rows.iter().filter(|r| r.number > mapping.header_row) {
            // The row's facts first: a row without any (a footnote, a subtotal) is passed by.
            let mut facts: Vec<(EventKind, PartialDate)> = Vec::new();
            if let Some(column) = date_column
                && let Some(cell) = self.date(row, column)
            {
                let kind = match event_column.map(|c| row.cell(c)).filter(|t| !t.is_empty()) {
                    Some(text) => match event_word(text) {
                        Some(kind) => kind,
                        None => {
                            let message = EventKind::parse_word(text)
                                .err()
                                .map_or_else(String::new, |e| e.to_string());
                            self.issue(Severity::Warning, row.number, event_column, message)
                                .action = Some("row left out".into());
                            continue;
                        }
                    },
                    None => cell.step.unwrap_or(EventKind::Joined),
                };
                facts.push((kind, cell.date));
            }
            for &(column, kind) in &steps {
                if let Some(cell) = self.date(row, column) {
                    facts.push((cell.step.unwrap_or(kind), cell.date));
                }
            }
            if facts.is_empty() {
                continue;
            }
            let code = iso3.or(iso2).map_or("", |c| row.cell(c));
            let name = actor_column.map_or("", |c| row.cell(c));
            let Some(actor) = self.actor(
                name,
                code,
                row.number,
                actor_column.or(iso3).or(iso2),
                ActorKind::Other,
            ) else {
                self.issue(
                    Severity::Warning,
                    row.number,
                    actor_column,
                    "the row names no actor".into(),
                )
                .action = Some("row left out".into());
                continue;
            };
            let body_cell =
                body_column.map(|c| (row.cell(c), body_name.map_or("", |n| row.cell(n))));
            let Some(body) = self.body(body_cell, row.number) else {
                self.issue(
                    Severity::Warning,
                    row.number,
                    body_column,
                    "the row names no body".into(),
                )
                .action = Some("row left out".into());
                continue;
            };
            let note = note_column.map_or("", |c| row.cell(c)).to_owned();
            let source = self.source(row);
            for (kind, date) in facts {
                self.push_event(
                    Event {
                        actor_id: actor.clone(),
                        body_id: body.clone(),
                        kind,
                        date: EventDate::Known(date),
                        source: source.clone(),
                        note: note.clone(),
                    },
                    row.number,
                );
            }
        }
    }

    /// Yearly matrices: per body and actor, every change of status code is an event of that
    /// year.
    fn matrix(&mut self) {
        let mapping = self.mapping;
        let grid = self.grid;
        let Some(body_column) = mapping.column_of(Role::Body) else {
            return;
        };
        let Some(year_column) = mapping.column_of(Role::Date) else {
            return;
        };
        let body_name = mapping.column_of(Role::BodyName);
        let opened = mapping.column_of(Role::Opened);
        let closed = mapping.column_of(Role::Closed);
        let members = mapping.columns_of(Role::MemberCodes);
        // The actor of each column, resolved once (a warning per unknown column).
        let mut actors = Vec::with_capacity(members.len());
        for &column in &members {
            let name = self.header(column).to_owned();
            actors.push(self.actor(
                &name,
                "",
                mapping.header_row,
                Some(column),
                ActorKind::State,
            ));
        }
        // The rows of each body, by year.
        let mut by_body: BTreeMap<String, Vec<(i16, &GridRow)>> = BTreeMap::new();
        for row in grid.rows.iter().filter(|r| r.number > mapping.header_row) {
            let body = row.cell(body_column);
            if body.is_empty() {
                continue;
            }
            let year_text = row.cell(year_column);
            let year = match year_text.parse::<i16>() {
                Ok(year) if (1000..=9999).contains(&year) => year,
                _ => {
                    self.issue(
                        Severity::Warning,
                        row.number,
                        Some(year_column),
                        format!("\"{year_text}\" is not a year"),
                    )
                    .action = Some("row left out".into());
                    continue;
                }
            };
            by_body
                .entry(body.to_owned())
                .or_default()
                .push((year, row));
        }
        let mut missing = 0usize;
        for (name, mut rows) in by_body {
            rows.sort_by_key(|(year, row)| (*year, row.number));
            let Some(&(_, first)) = rows.first() else {
                continue;
            };
            let full = body_name.map_or("", |c| first.cell(c)).to_owned();
            let Some(body) = self.body(Some((&name, &full)), first.number) else {
                continue;
            };
            if let Some(&index) = self.bodies.get(&body) {
                let year_of = |column: Option<usize>| {
                    column
                        .map(|c| first.cell(c))
                        .and_then(|t| t.parse::<i16>().ok())
                        .filter(|y| (1000..=9999).contains(y))
                        .and_then(|y| PartialDate::from_parts(y, None, None).ok())
                };
                self.dataset.bodies[index].opened = year_of(opened);
                self.dataset.bodies[index].closed = year_of(closed);
            }
            for (slot, &column) in members.iter().enumerate() {
                let Some(actor) = actors.get(slot).cloned().flatten() else {
                    continue;
                };
                let mut status = 0i8;
                for &(year, row) in &rows {
                    let code = match row.cell(column) {
                        "1" => 1,
                        "2" => 2,
                        "3" => 3,
                        "0" | "" => 0,
                        "-1" => -1,
                        "-9" => {
                            missing += 1;
                            continue;
                        }
                        other => {
                            self.issue(
                                Severity::Warning,
                                row.number,
                                Some(column),
                                format!("\"{other}\" is not a status code (0, 1, 2, 3, -9 or -1)"),
                            )
                            .action = Some("left out".into());
                            continue;
                        }
                    };
                    let was = status.max(0);
                    let now = code.max(0);
                    status = code;
                    if was == now {
                        continue;
                    }
                    let (kind, note) = match (was, now) {
                        (_, 1) => (
                            EventKind::Joined,
                            if was == 0 {
                                ""
                            } else {
                                "full member from this year"
                            },
                        ),
                        (_, 2) => (EventKind::Joined, "associate member"),
                        (_, 3) => (
                            EventKind::Observer,
                            if was == 0 {
                                ""
                            } else {
                                "from member to observer"
                            },
                        ),
                        _ if code == -1 => (EventKind::Withdrew, "no longer a state in the data"),
                        _ => (EventKind::Withdrew, ""),
                    };
                    let Ok(date) = PartialDate::from_parts(year, None, None) else {
                        continue;
                    };
                    let source = self.cited.clone();
                    self.unsourced += 1;
                    self.push_event(
                        Event {
                            actor_id: actor.clone(),
                            body_id: body.clone(),
                            kind,
                            date: EventDate::Known(date),
                            source,
                            note: note.to_owned(),
                        },
                        row.number,
                    );
                }
            }
        }
        if missing > 0 {
            self.issue(
                Severity::Warning,
                mapping.header_row,
                None,
                format!("{missing} cells are missing (-9)"),
            )
            .action = Some("neither membership nor its end: the status before them holds".into());
        }
    }
}

/// An event word as tables write it: the model's words and the statuses people use.
fn event_word(text: &str) -> Option<EventKind> {
    let key = text.trim().to_lowercase();
    let kind = match key.as_str() {
        "signatory" | "signature" => EventKind::Signed,
        "party" | "ratification" | "ratified" | "state party" => EventKind::Ratified,
        "full member" | "member state" | "membership" | "participant" | "admitted"
        | "admission" => EventKind::Joined,
        "founding member" | "founder" | "founding" => EventKind::FoundingMember,
        "associate" | "associate member" => EventKind::Joined,
        "withdrawn" | "left" | "exit" => EventKind::Withdrew,
        _ => return EventKind::parse_word(&key).ok(),
    };
    Some(kind)
}

/// Builds the dataset of a mapped grid, through the dataset checks; every event without a
/// source cites the file, and the report says so.
pub fn build(grid: &Grid, mapping: &TableMapping) -> Result<(Dataset, ImportReport), ImportReport> {
    let mut builder = Builder {
        grid,
        mapping,
        report: ImportReport::new(grid.file.clone()),
        dataset: Dataset::default(),
        actors: HashMap::new(),
        bodies: HashMap::new(),
        actor_rows: Vec::new(),
        body_rows: Vec::new(),
        event_rows: Vec::new(),
        cited: Source::Citation(format!(
            "Imported from {} (the file gives no source)",
            grid.file
        )),
        unsourced: 0,
        date_warnings: 0,
        orders: (0..mapping.columns.len())
            .map(|column| {
                mapping.columns[column]
                    .role
                    .holds_dates()
                    .then(|| mapping.order_of(grid, column))
                    .flatten()
            })
            .collect(),
    };
    for column in &mapping.columns {
        if column.role == Role::Ignore && !column.column.is_empty() {
            let mut issue = table_issue(
                &grid.file,
                mapping.header_row,
                Some(&column.column),
                Severity::Warning,
                format!("column \"{}\" is not one this reader uses", column.column),
            );
            issue.action = Some("ignored (give it a role with --map ROLE=COLUMN)".into());
            builder.report.issues.push(issue);
        }
    }
    if mapping.is_matrix() {
        builder.matrix();
    } else {
        builder.rows();
    }
    if builder.dataset.events.is_empty() {
        // One clear message, not a wall of warnings.
        let rows = grid
            .rows
            .iter()
            .filter(|r| r.number > mapping.header_row)
            .count();
        let dated: Vec<String> = mapping
            .columns
            .iter()
            .filter(|c| c.role.holds_dates() || c.role == Role::MemberCodes)
            .map(|c| format!("\"{}\" ({})", c.column, c.role.word()))
            .collect();
        let mut report = ImportReport::new(grid.file.clone());
        report.issues.push(table_issue(
            &grid.file,
            mapping.header_row,
            None,
            Severity::Error,
            format!(
                "no membership found in the {rows} rows below the header (row {}): the columns read for dates are {}{}",
                mapping.header_row,
                if dated.is_empty() { "none".to_owned() } else { dated.join(", ") },
                if builder.date_warnings > 0 {
                    format!(", and {} of their cells are not dates", builder.date_warnings)
                } else {
                    String::new()
                }
            ),
        ));
        return Err(report);
    }
    if builder.unsourced > 0 {
        let cited = builder.cited.as_str().to_owned();
        let unsourced = builder.unsourced;
        builder
            .issue(
                Severity::Warning,
                mapping.header_row,
                None,
                format!("{unsourced} events have no source column to cite"),
            )
            .action = Some(format!("they cite the file: \"{cited}\""));
    }
    let Builder {
        dataset,
        mut report,
        actor_rows,
        body_rows,
        event_rows,
        ..
    } = builder;
    for found in check::check(&dataset) {
        let rows = match found.record.section {
            Section::Actors => &actor_rows,
            Section::Bodies => &body_rows,
            Section::Events => &event_rows,
            Section::Relations => continue,
        };
        let Some(&row) = rows.get(found.record.index) else {
            continue;
        };
        let mut issue = table_issue(
            &grid.file,
            row,
            found.record.field,
            found.severity,
            found.message,
        );
        issue.action = found.action;
        report.issues.push(issue);
    }
    report.sort_by_place();
    report.into_result(dataset)
}
