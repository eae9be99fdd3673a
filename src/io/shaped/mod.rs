//! Tables of any shape: one pipeline for the CSV, TSV, `.xlsx` and `.ods` tables the other
//! readers do not recognise, and for tables pasted from a web page or a spreadsheet.
//!
//! ```text
//! text / sheet ──Grid (cells, row numbers)──▶ guess: header row, a Role per column
//!                                              (TableMapping: shown, corrected, remembered)
//!                     remembered FILE.minilateral-mapping.json ──┘   │ doubts? ─▶ refused,
//!                                                                    ▼   naming the --map
//!                             build: rows (long tables, charts) or yearly matrix
//!                                    → Dataset + ImportReport (through model::check)
//! ```
//!
//! Files: `grid.rs` (the cells), `mapping.rs` (roles, the guess, the doubts), `dates.rs`
//! (dates as people write them), `states.rs` + `states.tsv` (country names to the sample's
//! states), `build.rs` (the dataset).

mod build;
mod dates;
mod grid;
mod mapping;
mod states;
mod step;

use std::path::{Path, PathBuf};

pub use build::{build, clean_name, slug};
pub use dates::{CellDate, DateOrder, DateProblem, parse_cell as parse_date_cell};
pub use grid::{Grid, GridRow};
pub use mapping::{ColumnRole, Doubt, MAPPING_FORMAT, Role, TableMapping, guess, role_of_header};
pub use states::{KnownState, find_code, find_state};
pub use step::{MappingStep, StepOutcome};

use super::csv_table::table_issue;
use super::report::{ImportReport, Severity};
use crate::model::Dataset;

/// What the user says about a table beside the file: the body of a table without a body
/// column, roles for columns, the order of day and month.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TableOptions {
    /// The body's id (`--body`).
    pub body_id: Option<String>,
    /// The body's name (`--body-name`).
    pub body_name: Option<String>,
    /// Roles for columns by name or number (`--map ROLE=COLUMN`), in order.
    pub roles: Vec<(Role, String)>,
    /// How `03/04/2001` is read (`--dates dmy|mdy`).
    pub date_order: Option<DateOrder>,
}

impl TableOptions {
    /// Whether the user said anything.
    pub fn is_empty(&self) -> bool {
        self == &Self::default()
    }

    /// Applies the options to a mapping; a column that is not in the header is an error
    /// naming the columns there are.
    pub fn apply(&self, mapping: &mut TableMapping) -> Result<(), String> {
        for (role, column) in &self.roles {
            mapping.set_role(column, *role)?;
        }
        if self.body_id.is_some() {
            mapping.body_id.clone_from(&self.body_id);
        }
        if self.body_name.is_some() {
            mapping.body_name.clone_from(&self.body_name);
        }
        if self.date_order.is_some() {
            mapping.date_order = self.date_order;
        }
        Ok(())
    }
}

/// Where the mapping of a file is remembered: `data.xlsx` → `data.xlsx.minilateral-mapping.json`.
pub fn mapping_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".minilateral-mapping.json");
    PathBuf::from(name)
}

/// The mapping of a grid: the remembered one when it fits the grid's header, else the
/// guess; then the user's options.
pub fn mapping_for(
    grid: &Grid,
    remembered: Option<TableMapping>,
    options: &TableOptions,
) -> Result<TableMapping, String> {
    let mut mapping = remembered
        .filter(|mapping| mapping.fits(grid))
        .unwrap_or_else(|| guess(grid));
    options.apply(&mut mapping)?;
    Ok(mapping)
}

/// The doubts of a mapping as a report of errors, each naming the column and what settles
/// it; `None` when there are none.
pub fn doubts_report(grid: &Grid, mapping: &TableMapping) -> Option<ImportReport> {
    let doubts = mapping.doubts(grid);
    if doubts.is_empty() {
        return None;
    }
    let mut report = ImportReport::new(grid.file.clone());
    for doubt in doubts {
        report.issues.push(table_issue(
            &grid.file,
            mapping.header_row,
            doubt.column.as_deref(),
            Severity::Error,
            format!("{}; settle it with {}", doubt.message, doubt.settle),
        ));
    }
    Some(report)
}

/// Imports a grid with a mapping: refused with the doubts when the mapping is uncertain,
/// else built and checked.
pub fn import(
    grid: &Grid,
    mapping: &TableMapping,
) -> Result<(Dataset, ImportReport), ImportReport> {
    if let Some(report) = doubts_report(grid, mapping) {
        return Err(report);
    }
    build(grid, mapping)
}

#[cfg(test)]
mod tests;
