//! The mapping step of the app, as data: a table's grid, the mapping being corrected, and
//! what would come in with it, counted again after each change. The window draws it (ui)
//! and the app imports with its mapping; nothing here knows the GUI.

use super::build::build;
use super::dates::DateOrder;
use super::grid::{Grid, GridRow};
use super::mapping::{Role, TableMapping};

/// What the mapping as it stands would bring in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StepOutcome {
    /// The table imports: this many events, actors, bodies and warnings.
    Facts {
        /// Events.
        events: usize,
        /// Actors.
        actors: usize,
        /// Bodies.
        bodies: usize,
        /// Warnings of the import report.
        warnings: usize,
    },
    /// It does not: what to settle, or the errors, first ones first.
    Problems(Vec<String>),
}

/// A table waiting for the user to confirm or correct its columns' roles.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MappingStep {
    /// The table's cells.
    pub grid: Grid,
    mapping: TableMapping,
    outcome: StepOutcome,
}

impl MappingStep {
    /// A step showing a guess (or a remembered mapping). What the user sees is what they
    /// confirm: roles guessed from values are not doubts here.
    pub fn new(grid: Grid, mut mapping: TableMapping) -> Self {
        for column in &mut mapping.columns {
            column.sure = true;
        }
        let outcome = outcome(&grid, &mapping);
        Self {
            grid,
            mapping,
            outcome,
        }
    }

    /// The mapping as it stands.
    pub fn mapping(&self) -> &TableMapping {
        &self.mapping
    }

    /// What would come in.
    pub fn outcome(&self) -> &StepOutcome {
        &self.outcome
    }

    /// The header row's cells, in order.
    pub fn columns(&self) -> Vec<&str> {
        self.mapping
            .columns
            .iter()
            .map(|c| c.column.as_str())
            .collect()
    }

    /// The first `count` rows below the header.
    pub fn preview(&self, count: usize) -> Vec<&GridRow> {
        self.grid
            .rows
            .iter()
            .filter(|row| row.number > self.mapping.header_row)
            .take(count)
            .collect()
    }

    /// Gives a column (by index) a role.
    pub fn set_role(&mut self, column: usize, role: Role) {
        if let Some(entry) = self.mapping.columns.get_mut(column)
            && entry.role != role
        {
            entry.role = role;
            self.recount();
        }
    }

    /// Names the body of a table without a body column ("" for none).
    pub fn set_body_name(&mut self, name: &str) {
        let name = name.trim();
        let wanted = (!name.is_empty()).then(|| name.to_owned());
        if self.mapping.body_name != wanted {
            self.mapping.body_name = wanted;
            self.recount();
        }
    }

    /// Says how `03/04/2001` reads (`None`: from the dates).
    pub fn set_date_order(&mut self, order: Option<DateOrder>) {
        if self.mapping.date_order != order {
            self.mapping.date_order = order;
            self.recount();
        }
    }

    fn recount(&mut self) {
        self.outcome = outcome(&self.grid, &self.mapping);
    }
}

fn outcome(grid: &Grid, mapping: &TableMapping) -> StepOutcome {
    let doubts = mapping.doubts(grid);
    if !doubts.is_empty() {
        return StepOutcome::Problems(doubts.into_iter().map(|d| d.message).collect());
    }
    match build(grid, mapping) {
        Ok((dataset, report)) => StepOutcome::Facts {
            events: dataset.events.len(),
            actors: dataset.actors.len(),
            bodies: dataset.bodies.len(),
            warnings: report.warning_count(),
        },
        Err(report) => StepOutcome::Problems(
            report
                .issues
                .iter()
                .filter(|issue| issue.severity == super::Severity::Error)
                .map(|issue| report.format_issue(issue))
                .collect(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::shaped::guess;

    #[test]
    fn the_count_follows_the_corrections() {
        let Ok(grid) = Grid::from_text(
            "t.csv",
            "who,Signed,Ratified\nFrance,2001,2006\nItaly,2001,2008\n",
        ) else {
            panic!("grid");
        };
        let mut step = MappingStep::new(grid.clone(), guess(&grid));
        assert!(
            matches!(step.outcome(), StepOutcome::Problems(p) if p.iter().any(|m| m.contains("no body column"))),
            "{:?}",
            step.outcome()
        );
        step.set_body_name("Treaty X");
        assert!(
            matches!(
                step.outcome(),
                StepOutcome::Facts {
                    events: 4,
                    actors: 2,
                    bodies: 1,
                    ..
                }
            ),
            "{:?}",
            step.outcome()
        );
        step.set_role(2, Role::Ignore);
        assert!(matches!(
            step.outcome(),
            StepOutcome::Facts { events: 2, .. }
        ));
        assert_eq!(step.mapping().body_name.as_deref(), Some("Treaty X"));
        assert_eq!(step.preview(1)[0].cell(0), "France");
        assert_eq!(step.columns(), ["who", "Signed", "Ratified"]);
    }
}
