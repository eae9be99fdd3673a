//! What each column of a table is: the roles, the guess made from the header and the
//! values, the user's corrections, and the doubts that must be settled before importing.

use serde::{Deserialize, Serialize};

use super::dates::{self, DateOrder, DateProblem};
use super::grid::Grid;
use super::states::find_state;
use crate::model::{BodyKind, EventKind, Word};

/// What a column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    /// Nothing to import.
    Ignore,
    /// The actor's name (a state's name is resolved to the state).
    Actor,
    /// The actor's ISO 3166-1 alpha-3 code.
    Iso3,
    /// The actor's ISO 3166-1 alpha-2 code.
    Iso2,
    /// The body (treaty, organisation, coalition ...) the row is about.
    Body,
    /// The body's full name, beside a short one in the body column.
    BodyName,
    /// The date of the row's event (with the event column, or `joined` without one).
    Date,
    /// The event or status word (`signed`, `ratified`, `member` ...).
    Event,
    /// The source: a URL or a citation.
    Source,
    /// A free-form note.
    Note,
    /// A column for one step: its dates give that event (`Signature`, `Year joined`).
    Step(EventKind),
    /// A column named for an actor whose cells are yearly status codes (Correlates of War
    /// IGO data: 0 none, 1 full member, 2 associate, 3 observer, -9 missing, -1 not a state
    /// yet).
    MemberCodes,
    /// When the body opened (a year or a date).
    Opened,
    /// When the body closed.
    Closed,
}

impl Role {
    /// The word of the mapping file and of `--map ROLE=COLUMN`.
    pub fn word(self) -> &'static str {
        match self {
            Self::Ignore => "ignore",
            Self::Actor => "actor",
            Self::Iso3 => "iso3",
            Self::Iso2 => "iso2",
            Self::Body => "body",
            Self::BodyName => "body_name",
            Self::Date => "date",
            Self::Event => "event",
            Self::Source => "source",
            Self::Note => "note",
            Self::Step(kind) => kind.word(),
            Self::MemberCodes => "member_codes",
            Self::Opened => "opened",
            Self::Closed => "closed",
        }
    }

    /// The roles that are not steps, in the dropdown's order.
    const FIXED: [Self; 13] = [
        Self::Ignore,
        Self::Actor,
        Self::Iso3,
        Self::Iso2,
        Self::Body,
        Self::BodyName,
        Self::Date,
        Self::Event,
        Self::Source,
        Self::Note,
        Self::MemberCodes,
        Self::Opened,
        Self::Closed,
    ];

    /// Reads a role word: one of the fixed roles or an event word for a step column.
    pub fn parse(text: &str) -> Result<Self, String> {
        let key = text.trim().to_ascii_lowercase().replace(['-', ' '], "_");
        if let Some(role) = Self::FIXED.into_iter().find(|role| role.word() == key) {
            return Ok(role);
        }
        EventKind::parse_word(&key).map(Self::Step).map_err(|_| {
            format!(
                "unknown role \"{text}\" (expected one of: {}, or an event such as signed, ratified, joined)",
                Self::FIXED.map(Self::word).join(", ")
            )
        })
    }

    /// Every role a column may be given, for the app's dropdown: the fixed ones, then one
    /// step per event.
    pub fn all() -> Vec<Self> {
        let mut all = Self::FIXED.to_vec();
        all.extend(EventKind::ALL.iter().map(|&kind| Self::Step(kind)));
        all
    }

    /// Whether the column gives dates to parse.
    pub fn holds_dates(self) -> bool {
        matches!(
            self,
            Self::Date | Self::Step(_) | Self::Opened | Self::Closed
        )
    }
}

impl Serialize for Role {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.word())
    }
}

impl<'de> Deserialize<'de> for Role {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Self::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// One column: its name as written in the header and its role.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ColumnRole {
    /// The header cell, trimmed.
    pub column: String,
    /// What it holds.
    pub role: Role,
    /// Whether the role is sure: said by the user or the mapping file, or read from the
    /// column's name; a role guessed from the values alone is a doubt to settle.
    #[serde(skip, default = "sure")]
    pub sure: bool,
}

fn sure() -> bool {
    true
}

/// The file format name of a remembered mapping.
pub const MAPPING_FORMAT: &str = "minilateral-mapping";

/// How a table becomes a dataset: the header row, a role per column, and what the table
/// does not say (the body when it has no body column, the order of day and month). It is
/// shown to the user, corrected, and remembered beside the file as JSON.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TableMapping {
    /// Always [`MAPPING_FORMAT`].
    pub format: String,
    /// The number (line or sheet row) of the header row; the rows above are titles.
    pub header_row: usize,
    /// One entry per column of the header row, in order.
    pub columns: Vec<ColumnRole>,
    /// The body's id when the table has no body column.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body_id: Option<String>,
    /// The body's name when the table has no body column.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body_name: Option<String>,
    /// The kind of the bodies created (a body kind word: treaty, organisation ...); when
    /// none, each body's name decides (`... Coalition` is a coalition), else organisation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body_kind: Option<String>,
    /// How dates such as `03/04/2001` are read, when the values do not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_order: Option<DateOrder>,
}

/// Something the guess cannot decide: the column (if one), what is uncertain and the
/// `--map` (or `--body-name`, `--dates`) that settles it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Doubt {
    /// The column, as written in the header.
    pub column: Option<String>,
    /// What is uncertain.
    pub message: String,
    /// The command-line option that settles it.
    pub settle: String,
}

impl TableMapping {
    /// The index of the first column with a role.
    pub fn column_of(&self, role: Role) -> Option<usize> {
        self.columns.iter().position(|c| c.role == role)
    }

    /// The columns with a role.
    pub fn columns_of(&self, role: Role) -> Vec<usize> {
        self.columns
            .iter()
            .enumerate()
            .filter(|(_, c)| c.role == role)
            .map(|(i, _)| i)
            .collect()
    }

    /// Whether the table is a yearly matrix (a column per actor of status codes).
    pub fn is_matrix(&self) -> bool {
        self.column_of(Role::MemberCodes).is_some()
    }

    /// Gives a column a role, the column found by its name in any case; the role is sure.
    pub fn set_role(&mut self, column: &str, role: Role) -> Result<(), String> {
        let wanted = column.trim().to_lowercase();
        // A column number (1 is the first) also names a column.
        let index = self
            .columns
            .iter()
            .position(|c| c.column.to_lowercase() == wanted)
            .or_else(|| {
                let index = wanted.parse::<usize>().ok()?.checked_sub(1)?;
                (index < self.columns.len()).then_some(index)
            });
        let Some(found) = index.and_then(|index| self.columns.get_mut(index)) else {
            return Err(format!(
                "no column \"{column}\" in the header (the columns are: {})",
                self.columns
                    .iter()
                    .map(|c| format!("\"{}\"", c.column))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        };
        found.role = role;
        found.sure = true;
        Ok(())
    }

    /// The mapping as JSON text, to remember beside the file.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Reads a remembered mapping.
    pub fn from_json(text: &str) -> Result<Self, String> {
        let mapping: Self = serde_json::from_str(text).map_err(|error| error.to_string())?;
        if mapping.format != MAPPING_FORMAT {
            return Err(format!(
                "not a table mapping (\"format\" is \"{}\", expected \"{MAPPING_FORMAT}\")",
                mapping.format
            ));
        }
        if let Some(kind) = &mapping.body_kind {
            BodyKind::parse_word(kind).map_err(|error| error.to_string())?;
        }
        Ok(mapping)
    }

    /// Whether this mapping fits a grid: the same header cells on the same row.
    pub fn fits(&self, grid: &Grid) -> bool {
        grid.rows
            .iter()
            .find(|row| row.number == self.header_row)
            .is_some_and(|row| {
                let header: Vec<&str> = (0..self.columns.len()).map(|i| row.cell(i)).collect();
                header
                    .iter()
                    .zip(&self.columns)
                    .all(|(cell, column)| *cell == column.column)
            })
    }

    /// The uncertain parts of the mapping for a grid, each with what settles it; an empty
    /// list means the table can be imported as mapped.
    pub fn doubts(&self, grid: &Grid) -> Vec<Doubt> {
        let mut doubts = Vec::new();
        let names = || {
            self.columns
                .iter()
                .filter(|c| !c.column.is_empty())
                .map(|c| format!("\"{}\"", c.column))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let has = |role: Role| self.column_of(role).is_some();
        if self.columns.iter().all(|c| c.role == Role::Ignore) {
            return vec![Doubt {
                column: None,
                message: format!(
                    "not an events table, and no column of row {} names actors, bodies or dates (the columns are {})",
                    self.header_row,
                    names()
                ),
                settle: "--map actor=COLUMN and --map date=COLUMN, or open the table in the window"
                    .into(),
            }];
        }
        let matrix = self.is_matrix();
        if !matrix && !has(Role::Actor) && !has(Role::Iso3) && !has(Role::Iso2) {
            doubts.push(Doubt {
                column: None,
                message: format!(
                    "no column names the actors (states); the columns are {}",
                    names()
                ),
                settle: "--map actor=COLUMN".into(),
            });
        }
        if !has(Role::Body) && self.body_id.is_none() && self.body_name.is_none() {
            doubts.push(Doubt {
                column: None,
                message:
                    "the table has no body column to say which treaty or organisation it is about"
                        .into(),
                settle: "--body-name NAME (or --map body=COLUMN)".into(),
            });
        }
        let dated = self
            .columns
            .iter()
            .any(|c| matches!(c.role, Role::Date | Role::Step(_)));
        if !dated {
            doubts.push(Doubt {
                column: None,
                message: format!("no column gives dates; the columns are {}", names()),
                settle: "--map date=COLUMN (or --map signed=COLUMN for a column of one step)"
                    .into(),
            });
        }
        for role in [Role::Actor, Role::Body, Role::Event, Role::Date, Role::Iso3] {
            let columns = self.columns_of(role);
            if columns.len() > 1 {
                let listed: Vec<String> = columns
                    .iter()
                    .map(|&i| format!("\"{}\"", self.columns[i].column))
                    .collect();
                doubts.push(Doubt {
                    column: Some(self.columns[columns[1]].column.clone()),
                    message: format!(
                        "{} columns could be the {}: {}",
                        columns.len(),
                        role.word(),
                        listed.join(", ")
                    ),
                    settle: format!("--map ignore=\"{}\"", self.columns[columns[1]].column),
                });
            }
        }
        for column in self
            .columns
            .iter()
            .filter(|c| !c.sure && c.role != Role::Ignore)
        {
            doubts.push(Doubt {
                column: Some(column.column.clone()),
                message: format!(
                    "column \"{}\" was taken for the {} from its values; its name does not say",
                    column.column,
                    column.role.word()
                ),
                settle: format!(
                    "--map {}=\"{}\" (or --map ignore=\"{}\")",
                    column.role.word(),
                    column.column,
                    column.column
                ),
            });
        }
        if self.date_order.is_none() {
            for (index, column) in self.columns.iter().enumerate() {
                if !column.role.holds_dates() {
                    continue;
                }
                let values = body_values(grid, self.header_row, index);
                match dates::column_order(values.iter().copied()) {
                    Err((day_first, month_first)) => doubts.push(Doubt {
                        column: Some(column.column.clone()),
                        message: format!(
                            "column \"{}\" has dates day first ({day_first}) and month first ({month_first})",
                            column.column
                        ),
                        settle: "--dates dmy or --dates mdy (and correct the other rows)".into(),
                    }),
                    Ok(Some(_)) => {}
                    Ok(None) if self.table_order(grid).is_some() => {}
                    Ok(None) => {
                        if let Some(example) = values.iter().find(|v| {
                            matches!(dates::parse_cell(v, None), Err(DateProblem::Ambiguous))
                        }) {
                            doubts.push(Doubt {
                                column: Some(column.column.clone()),
                                message: format!(
                                    "column \"{}\": a date such as {example} could be day/month or month/day, and no date of the column says which",
                                    column.column
                                ),
                                settle: "--dates dmy or --dates mdy".into(),
                            });
                        }
                    }
                }
            }
        }
        doubts
    }

    /// The order of day and month for a date column: the mapping's, else the one its
    /// values imply, else the one the table's other date columns imply (one writer wrote
    /// them all).
    pub fn order_of(&self, grid: &Grid, column: usize) -> Option<DateOrder> {
        self.date_order
            .or_else(|| {
                dates::column_order(body_values(grid, self.header_row, column))
                    .ok()
                    .flatten()
            })
            .or_else(|| self.table_order(grid))
    }

    /// The order of day and month all the date columns together imply, when they agree.
    fn table_order(&self, grid: &Grid) -> Option<DateOrder> {
        let values: Vec<&str> = self
            .columns
            .iter()
            .enumerate()
            .filter(|(_, c)| c.role.holds_dates())
            .flat_map(|(index, _)| body_values(grid, self.header_row, index))
            .collect();
        dates::column_order(values).ok().flatten()
    }
}

/// The non-empty cells of a column below the header.
pub fn body_values(grid: &Grid, header_row: usize, column: usize) -> Vec<&str> {
    grid.rows
        .iter()
        .filter(|row| row.number > header_row)
        .map(|row| row.cell(column))
        .filter(|cell| !cell.is_empty())
        .collect()
}

/// A header cell as words: lower case, every run of other characters a space.
fn header_words(header: &str) -> Vec<String> {
    header
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The role a header cell names, when it names one.
pub fn role_of_header(header: &str) -> Option<Role> {
    let words = header_words(header);
    let joined = words.join(" ");
    let has = |list: &[&str]| words.iter().any(|w| list.contains(&w.as_str()));
    let starts = |stems: &[&str]| words.iter().any(|w| stems.iter().any(|s| w.starts_with(s)));
    if joined.is_empty() {
        return None;
    }
    match joined.as_str() {
        "iso3" | "iso 3" | "iso" | "iso code" | "iso3 code" | "iso alpha 3" | "alpha 3"
        | "iso 3166" | "iso3166" | "country code" | "code" | "iso a3" | "iso 3166 1 alpha 3" => {
            return Some(Role::Iso3);
        }
        "iso2" | "iso 2" | "alpha 2" | "iso alpha 2" | "iso a2" | "iso2 code" => {
            return Some(Role::Iso2);
        }
        "sdate" | "start date of organisation" | "founded" | "opened" => {
            return Some(Role::Opened);
        }
        "deaddate" | "closed" | "dissolved" => return Some(Role::Closed),
        "orgname" | "longorgname" | "full name" | "organisation name" | "organization name" => {
            return Some(Role::BodyName);
        }
        _ => {}
    }
    if has(&["signatory", "signatories"]) {
        return Some(Role::Actor);
    }
    if has(&["event", "status", "action", "type"]) {
        return Some(Role::Event);
    }
    let steps: [(&[&str], EventKind); 11] = [
        (&["sign"], EventKind::Signed),
        (&["ratif"], EventKind::Ratified),
        (&["accession", "acceded", "accede"], EventKind::Acceded),
        (&["acceptance", "accepted"], EventKind::Accepted),
        (&["approval", "approved"], EventKind::Approved),
        (&["succession", "succeeded"], EventKind::Succeeded),
        (
            &["entry", "force", "eif", "effective"],
            EventKind::EnteredIntoForce,
        ),
        (
            &["join", "admission", "admitted", "since", "membership"],
            EventKind::Joined,
        ),
        (&["withdr", "exit", "left"], EventKind::Withdrew),
        (&["denunc", "denounc"], EventKind::Denounced),
        (&["observer"], EventKind::Observer),
    ];
    // The first step word in the header decides: "Ratification, Accession(a)" is a ratification.
    for word in &words {
        if let Some((_, kind)) = steps
            .iter()
            .find(|(stems, _)| stems.iter().any(|s| word.starts_with(s)))
        {
            return Some(Role::Step(*kind));
        }
    }
    if has(&["date", "year", "when", "day"]) {
        return Some(Role::Date);
    }
    if has(&[
        "source",
        "sources",
        "url",
        "link",
        "reference",
        "references",
        "citation",
        "ref",
    ]) {
        return Some(Role::Source);
    }
    if starts(&["note", "remark", "comment", "footnote"]) {
        return Some(Role::Note);
    }
    if has(&[
        "country",
        "countries",
        "state",
        "states",
        "member",
        "members",
        "participant",
        "participants",
        "party",
        "parties",
        "government",
        "governments",
        "nation",
        "nations",
        "economy",
        "economies",
        "actor",
        "actors",
        "jurisdiction",
    ]) {
        return Some(Role::Actor);
    }
    if has(&[
        "organisation",
        "organization",
        "organisations",
        "organizations",
        "org",
        "treaty",
        "treaties",
        "convention",
        "conventions",
        "forum",
        "forums",
        "coalition",
        "coalitions",
        "instrument",
        "instruments",
        "agreement",
        "agreements",
        "body",
        "bodies",
        "group",
        "groups",
        "igo",
        "ioname",
        "institution",
        "network",
        "alliance",
        "club",
    ]) {
        return Some(Role::Body);
    }
    if has(&["name"]) {
        return Some(Role::Actor);
    }
    None
}

/// The kind of body a name suggests (a body column's header, a body's own name): `None`
/// when its words do not say.
pub fn body_kind_of_words(name: &str) -> Option<BodyKind> {
    let words = header_words(name);
    let has = |list: &[&str]| words.iter().any(|w| list.iter().any(|l| w.starts_with(l)));
    if has(&["treat", "convention", "protocol", "instrument"]) {
        Some(BodyKind::Treaty)
    } else if has(&["agreement"]) {
        Some(BodyKind::Agreement)
    } else if has(&["coalition", "alliance", "club"]) {
        Some(BodyKind::Coalition)
    } else if has(&["forum", "group", "network", "dialogue"]) {
        Some(BodyKind::Forum)
    } else {
        None
    }
}

/// The kind of the bodies a table makes, when its columns say: the body column's name, or
/// treaty steps; `None` leaves it to each body's name.
fn body_kind_of(header: Option<&str>, columns: &[ColumnRole]) -> Option<BodyKind> {
    header.and_then(body_kind_of_words).or_else(|| {
        columns
            .iter()
            .any(|c| {
                matches!(
                    c.role,
                    Role::Step(
                        EventKind::Signed | EventKind::Ratified | EventKind::EnteredIntoForce
                    )
                )
            })
            .then_some(BodyKind::Treaty)
    })
}

/// The status codes of a yearly matrix cell.
pub fn is_member_code(text: &str) -> bool {
    matches!(text.trim(), "" | "0" | "1" | "2" | "3" | "-9" | "-1")
}

/// Guesses the header row and each column's role from the names and the values.
pub fn guess(grid: &Grid) -> TableMapping {
    // The header: the row among the first thirty whose cells name the most roles (the
    // first one on a tie); without any, the first row of two cells or more.
    let candidates = grid.rows.iter().take(30);
    let mut best: Option<(usize, usize)> = None;
    for row in candidates {
        let score = row
            .cells
            .iter()
            .filter(|cell| role_of_header(cell).is_some())
            .count();
        let filled = row.cells.iter().filter(|c| !c.trim().is_empty()).count();
        if filled >= 2 && score > best.map_or(0, |(_, s)| s) {
            best = Some((row.number, score));
        }
    }
    let header_row = best.map(|(number, _)| number).or_else(|| {
        grid.rows
            .iter()
            .find(|row| row.cells.iter().filter(|c| !c.trim().is_empty()).count() >= 2)
            .map(|row| row.number)
    });
    let header_row = header_row.unwrap_or(1);
    let header = grid
        .rows
        .iter()
        .find(|row| row.number == header_row)
        .map(|row| {
            row.cells
                .iter()
                .map(|c| c.trim().to_owned())
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    let mut columns: Vec<ColumnRole> = header
        .iter()
        .map(|name| ColumnRole {
            column: name.clone(),
            role: role_of_header(name).unwrap_or(Role::Ignore),
            sure: true,
        })
        .collect();
    // Columns named for states whose values are status codes: a yearly matrix.
    let coded = |index: usize| {
        let values = body_values(grid, header_row, index);
        !values.is_empty() && values.iter().all(|v| is_member_code(v))
    };
    let state_columns: Vec<usize> = columns
        .iter()
        .enumerate()
        .filter(|(i, c)| {
            matches!(c.role, Role::Ignore | Role::Actor)
                && find_state(&c.column).is_some()
                && coded(*i)
        })
        .map(|(i, _)| i)
        .collect();
    if state_columns.len() >= 5 {
        for (index, column) in columns.iter_mut().enumerate() {
            let named_state = state_columns.contains(&index);
            let unknown_coded =
                column.role == Role::Ignore && !column.column.is_empty() && coded(index);
            if named_state || unknown_coded {
                column.role = Role::MemberCodes;
            }
        }
    }
    // Columns whose names say nothing, guessed from their values.
    let has_actor = columns.iter().any(|c| {
        matches!(
            c.role,
            Role::Actor | Role::Iso3 | Role::Iso2 | Role::MemberCodes
        )
    });
    if !has_actor {
        let found = (0..columns.len())
            .filter(|&i| columns[i].role == Role::Ignore)
            .find(|&i| {
                let values = body_values(grid, header_row, i);
                let states = values.iter().filter(|v| find_state(v).is_some()).count();
                !values.is_empty() && states * 5 >= values.len() * 3
            });
        if let Some(index) = found {
            columns[index].role = Role::Actor;
            columns[index].sure = false;
        }
    }
    let has_dates = columns
        .iter()
        .any(|c| matches!(c.role, Role::Date | Role::Step(_)));
    if !has_dates {
        let found = (0..columns.len())
            .filter(|&i| columns[i].role == Role::Ignore)
            .find(|&i| {
                let values = body_values(grid, header_row, i);
                let dated = values
                    .iter()
                    .filter(|v| !matches!(dates::parse_cell(v, None), Err(DateProblem::Invalid(_))))
                    .count();
                !values.is_empty() && dated * 5 >= values.len() * 4
            });
        if let Some(index) = found {
            columns[index].role = Role::Date;
            columns[index].sure = false;
        }
    }
    // An ISO column of two-letter codes holds ISO2.
    if let Some(index) = columns.iter().position(|c| c.role == Role::Iso3) {
        let values = body_values(grid, header_row, index);
        if !values.is_empty() && values.iter().all(|v| v.len() == 2) {
            columns[index].role = Role::Iso2;
        }
    }
    let body_header = columns
        .iter()
        .find(|c| c.role == Role::Body)
        .map(|c| c.column.clone());
    let body_kind = if columns.iter().any(|c| c.role == Role::MemberCodes) {
        Some(BodyKind::Organisation)
    } else {
        body_kind_of(body_header.as_deref(), &columns)
    };
    TableMapping {
        format: MAPPING_FORMAT.to_owned(),
        header_row,
        columns,
        body_id: None,
        body_name: None,
        body_kind: body_kind.map(|kind| kind.word().to_owned()),
        date_order: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_name_roles_in_any_case() {
        for (header, role) in [
            ("Country", Role::Actor),
            ("STATE", Role::Actor),
            ("States", Role::Actor),
            ("Participant", Role::Actor),
            ("Member state", Role::Actor),
            ("Organisation", Role::Body),
            ("organization", Role::Body),
            ("Treaty", Role::Body),
            ("Year joined", Role::Step(EventKind::Joined)),
            ("Joined", Role::Step(EventKind::Joined)),
            ("Signature", Role::Step(EventKind::Signed)),
            ("Signed", Role::Step(EventKind::Signed)),
            ("Date of signature", Role::Step(EventKind::Signed)),
            ("Ratification", Role::Step(EventKind::Ratified)),
            (
                "Ratification, Accession(a), Succession(d)",
                Role::Step(EventKind::Ratified),
            ),
            ("Entry into force", Role::Step(EventKind::EnteredIntoForce)),
            ("Member since", Role::Step(EventKind::Joined)),
            ("Date", Role::Date),
            ("year", Role::Date),
            ("Status", Role::Event),
            ("Event", Role::Event),
            ("Source URL", Role::Source),
            ("Notes", Role::Note),
            ("ISO3", Role::Iso3),
            ("iso_3", Role::Iso3),
            ("ISO2", Role::Iso2),
            ("Name", Role::Actor),
        ] {
            assert_eq!(role_of_header(header), Some(role), "{header}");
        }
        for header in ["R.", "D.", "A.", "", "Population"] {
            assert_eq!(role_of_header(header), None, "{header}");
        }
    }

    #[test]
    fn roles_read_and_write_as_words() {
        for role in Role::all() {
            assert_eq!(Role::parse(role.word()), Ok(role));
        }
        assert_eq!(
            Role::parse("Ratification"),
            Ok(Role::Step(EventKind::Ratified))
        );
        assert!(Role::parse("colour").is_err_and(|e| e.contains("unknown role \"colour\"")));
    }
}
