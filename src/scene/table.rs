//! The table view's content, with no GUI: one row per actor the view shows, one column per
//! body it shows, each cell the actor's status in the body at the date (with the date of the
//! event that gave it), in one of three row orders, and the same table as tab-separated
//! text. Rows and columns follow the [`SceneFrame`] of the view, so the filters, the
//! non-member mode and the "clubs up to N members" lens hide the same actors and bodies as
//! in the network.

use std::cmp::Ordering;

use crate::model::{Dataset, PartialDate, Status, Word};
use crate::timeline::{ActorIx, BodyIx, Timeline};

use super::frame::{SceneFrame, Visibility};
use super::view::View;

/// How the table's rows are ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum TableSort {
    /// By region, then by name: neighbours together, as in a yearbook.
    #[default]
    Region,
    /// By name.
    Name,
    /// By the number of shown bodies the actor belongs to at the date, most first.
    Memberships,
}

impl TableSort {
    /// Every order, in the order of the buttons.
    pub const ALL: [Self; 3] = [Self::Region, Self::Name, Self::Memberships];

    /// The button's label.
    pub fn label(self) -> &'static str {
        match self {
            Self::Region => "Region",
            Self::Name => "Name",
            Self::Memberships => "Memberships",
        }
    }

    /// What the order is, for the button's tooltip.
    pub fn explain(self) -> &'static str {
        match self {
            Self::Region => "Sort rows by region, then by name",
            Self::Name => "Sort rows by name",
            Self::Memberships => "Sort rows by the number of bodies each belongs to, most first",
        }
    }
}

/// One cell: an actor's standing in a body at the date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TableCell {
    /// The status at the date.
    pub status: Status,
    /// The date of the event that gave the status.
    pub since: PartialDate,
    /// That event, as an index into [`Dataset::events`] (for its source).
    pub event: usize,
}

/// One row: an actor and its cells, one per column.
#[derive(Clone, Debug, PartialEq)]
pub struct TableRow {
    /// The actor.
    pub actor: ActorIx,
    /// How many shown bodies it belongs to at the date and level (the network's count).
    pub memberships: u32,
    /// One per [`Table::columns`]; `None` where the actor has no status in the body.
    pub cells: Vec<Option<TableCell>>,
}

/// The whole table of a view.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Table {
    /// The bodies shown, by label (case-insensitive), so that a body is easy to find.
    pub columns: Vec<BodyIx>,
    /// The actors shown, in the order asked for.
    pub rows: Vec<TableRow>,
}

/// What an empty field is written as in the tab-separated text: a spreadsheet keeps the
/// columns aligned, and no line ends in a tab.
pub const TSV_EMPTY: &str = "-";

impl Table {
    /// The table of `view`; `frame` is the scene's look in the same view (its node
    /// visibilities apply the filters and the lens, its counts the level).
    pub fn build(
        dataset: &Dataset,
        timeline: &Timeline,
        frame: &SceneFrame,
        view: &View,
        sort: TableSort,
    ) -> Self {
        let date = view.date.end();
        let body_count = frame.body_members.len();
        let shown = |number: usize| {
            frame
                .nodes
                .get(number)
                .is_some_and(|look| look.visibility != Visibility::Hidden)
        };
        let mut columns: Vec<BodyIx> = (0..dataset.bodies.len())
            .filter(|&b| shown(b))
            .filter_map(|b| u32::try_from(b).ok().map(BodyIx))
            .collect();
        columns.sort_by(|a, b| {
            let label = |body: &BodyIx| {
                dataset
                    .bodies
                    .get(body.index())
                    .map(|body| body.label().to_lowercase())
            };
            label(a).cmp(&label(b)).then(a.cmp(b))
        });
        // The row of each actor, or none when the view hides it.
        let mut row_of: Vec<Option<usize>> = vec![None; dataset.actors.len()];
        let mut rows: Vec<TableRow> = Vec::new();
        for (a, slot) in row_of.iter_mut().enumerate() {
            if !shown(body_count + a) {
                continue;
            }
            let Ok(index) = u32::try_from(a) else {
                continue;
            };
            *slot = Some(rows.len());
            rows.push(TableRow {
                actor: ActorIx(index),
                memberships: frame.actor_memberships.get(a).copied().unwrap_or(0),
                cells: vec![None; columns.len()],
            });
        }
        // One query per body rather than one per cell: a body's standings are one slice.
        for (column, &body) in columns.iter().enumerate() {
            for membership in timeline.standings_in(body, date) {
                let row = row_of.get(membership.actor.index()).copied().flatten();
                if let Some(cell) = row
                    .and_then(|row| rows.get_mut(row))
                    .and_then(|row| row.cells.get_mut(column))
                {
                    *cell = Some(TableCell {
                        status: membership.status,
                        since: membership.since,
                        event: membership.event,
                    });
                }
            }
        }
        let mut table = Self { columns, rows };
        table.sort(dataset, sort);
        table
    }

    /// Orders the rows; ties fall back to the name, then to the dataset's order, so the
    /// order is the same on every run.
    pub fn sort(&mut self, dataset: &Dataset, sort: TableSort) {
        let name = |row: &TableRow| {
            dataset
                .actors
                .get(row.actor.index())
                .map(|actor| actor.name.to_lowercase())
                .unwrap_or_default()
        };
        let region = |row: &TableRow| {
            dataset
                .actors
                .get(row.actor.index())
                .and_then(|actor| actor.region.as_deref())
                .map(|region| region.trim().to_lowercase())
                .filter(|region| !region.is_empty())
        };
        let by_name =
            |a: &TableRow, b: &TableRow| name(a).cmp(&name(b)).then(a.actor.cmp(&b.actor));
        self.rows.sort_by(|a, b| match sort {
            TableSort::Region => match (region(a), region(b)) {
                // Actors with no region come last.
                (Some(x), Some(y)) => x.cmp(&y),
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => Ordering::Equal,
            }
            .then_with(|| by_name(a, b)),
            TableSort::Name => by_name(a, b),
            TableSort::Memberships => b
                .memberships
                .cmp(&a.memberships)
                .then_with(|| by_name(a, b)),
        });
    }

    /// The cell at a row and a column, if the actor has a status there.
    pub fn cell(&self, row: usize, column: usize) -> Option<&TableCell> {
        self.rows.get(row)?.cells.get(column)?.as_ref()
    }

    /// The row of an actor, if the table shows it.
    pub fn row_of(&self, actor: ActorIx) -> Option<usize> {
        self.rows.iter().position(|row| row.actor == actor)
    }

    /// The column of a body, if the table shows it.
    pub fn column_of(&self, body: BodyIx) -> Option<usize> {
        self.columns.iter().position(|&column| column == body)
    }

    /// What a cell says in words, for screen readers and the tooltip: "France in Budapest
    /// Convention: party since 2006-01-10".
    pub fn describe(&self, dataset: &Dataset, row: usize, column: usize) -> String {
        let actor = self
            .rows
            .get(row)
            .and_then(|row| dataset.actors.get(row.actor.index()))
            .map_or("?", |actor| actor.name.as_str());
        let body = self
            .columns
            .get(column)
            .and_then(|body| dataset.bodies.get(body.index()))
            .map_or("?", |body| body.label());
        match self.cell(row, column) {
            Some(cell) => format!(
                "{actor} in {body}: {} since {}",
                cell.status.label().to_lowercase(),
                cell.since
            ),
            None => format!("{actor} in {body}: not a member"),
        }
    }

    /// The table as tab-separated text for the clipboard: a header row (`Actor`, `ISO3`,
    /// then each body's short name), then one line per row (the actor's name and ISO code,
    /// then each cell's status word); every line ends in a newline, empty fields are
    /// [`TSV_EMPTY`].
    pub fn tsv(&self, dataset: &Dataset) -> String {
        let mut text = String::new();
        let mut line = |fields: &mut dyn Iterator<Item = &str>| {
            let mut first = true;
            for field in fields {
                if !first {
                    text.push('\t');
                }
                first = false;
                text.push_str(&tsv_field(field));
            }
            text.push('\n');
        };
        let mut header = ["Actor", "ISO3"].into_iter().chain(
            self.columns
                .iter()
                .map(|body| dataset.bodies.get(body.index()).map_or("", |b| b.label())),
        );
        line(&mut header);
        for row in &self.rows {
            let actor = dataset.actors.get(row.actor.index());
            let mut fields = [
                actor.map_or("", |actor| actor.name.as_str()),
                actor.and_then(|actor| actor.iso3.as_deref()).unwrap_or(""),
            ]
            .into_iter()
            .chain(
                row.cells
                    .iter()
                    .map(|cell| cell.map_or("", |cell| cell.status.word())),
            );
            line(&mut fields);
        }
        text
    }
}

/// One field of the tab-separated text: tabs and line breaks in names would break the
/// grid, so they become spaces; an empty field is [`TSV_EMPTY`].
fn tsv_field(text: &str) -> std::borrow::Cow<'_, str> {
    let text = text.trim();
    if text.is_empty() {
        std::borrow::Cow::Borrowed(TSV_EMPTY)
    } else if text.contains(['\t', '\n', '\r']) {
        std::borrow::Cow::Owned(text.replace(['\t', '\n', '\r'], " "))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// A status in a few letters, for the narrow cells of the table (the full word is in the
/// cell's tooltip and accessible label).
pub fn short_status(status: Status) -> &'static str {
    match status {
        Status::Negotiating => "Negot.",
        Status::Observer => "Observer",
        Status::Signatory => "Signed",
        Status::Party => "Party",
        Status::InForce => "In force",
        Status::Member => "Member",
        Status::LeftNegotiations => "Left",
        Status::Withdrawn => "Withdrew",
        Status::Suspended => "Suspended",
        Status::Rejected => "Rejected",
        Status::Declined => "Declined",
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::model::{Level, Month};
    use crate::scene::SceneGraph;
    use crate::scene::view::NonMembers;
    use crate::style::NodeKind;

    struct Parts {
        dataset: Dataset,
        timeline: Timeline,
        graph: SceneGraph,
    }

    impl Parts {
        fn load(text: &str, name: &str) -> Self {
            let (dataset, _) = match crate::io::read_native_str(text, name) {
                Ok(read) => read,
                Err(report) => panic!("{name} does not load: {}", report.summary()),
            };
            let timeline = Timeline::build(&dataset);
            let graph = SceneGraph::build(&dataset, &timeline);
            Self {
                dataset,
                timeline,
                graph,
            }
        }

        fn sample() -> Self {
            Self::load(crate::SAMPLE_DATASET_JSON, "sample")
        }

        fn fixture() -> Self {
            Self::load(
                include_str!("../../tests/fixtures/ui/small.json"),
                "small.json",
            )
        }

        fn table(&self, view: &View, sort: TableSort) -> Table {
            let frame = SceneFrame::build(&self.dataset, &self.timeline, &self.graph, view);
            Table::build(&self.dataset, &self.timeline, &frame, view, sort)
        }

        fn body(&self, id: &str) -> BodyIx {
            self.timeline.body_ix(id).expect("the body is in the data")
        }

        fn actor(&self, id: &str) -> ActorIx {
            self.timeline
                .actor_ix(id)
                .expect("the actor is in the data")
        }

        fn name(&self, actor: ActorIx) -> &str {
            &self.dataset.actors[actor.index()].name
        }
    }

    /// The statuses of a column that count at `level`, by actor.
    fn column_members(table: &Table, column: usize, level: Level) -> BTreeMap<ActorIx, Status> {
        table
            .rows
            .iter()
            .filter_map(|row| row.cells[column].map(|cell| (row.actor, cell.status)))
            .filter(|(_, status)| status.counts_at(level))
            .collect()
    }

    #[test]
    fn the_cells_of_a_column_are_the_body_s_members_at_the_date() {
        let parts = Parts::sample();
        let bodies = ["budapest", "acta", "foc"];
        let mut checked = 0;
        let mut members_seen = 0;
        for date in [Month::new(2012, 6), Month::new(2020, 1)] {
            for level in [Level::Party, Level::Signatory] {
                let mut view = View::at(date);
                view.level = level;
                let table = parts.table(&view, TableSort::Name);
                assert_eq!(table.rows.len(), parts.dataset.actors.len(), "no filter");
                for id in bodies {
                    let body = parts.body(id);
                    let column = table.column_of(body).expect("every body is a column");
                    let members: BTreeMap<ActorIx, Status> = parts
                        .timeline
                        .members(body, date.end(), level)
                        .into_iter()
                        .map(|m| (m.actor, m.status))
                        .collect();
                    members_seen += members.len();
                    assert_eq!(
                        column_members(&table, column, level),
                        members,
                        "{id} at {date}"
                    );
                    // Every cell, members or not, is the actor's standing at the date.
                    for (row, entry) in table.rows.iter().enumerate() {
                        let expected = parts.timeline.status(entry.actor, body, date.end());
                        let cell = table.cell(row, column);
                        assert_eq!(cell.map(|c| c.status), expected.map(|m| m.status));
                        assert_eq!(cell.map(|c| c.since), expected.map(|m| m.since));
                        checked += 1;
                    }
                }
            }
        }
        assert!(checked > 2000);
        assert!(members_seen > 50, "the bodies have members at these dates");
    }

    #[test]
    fn a_row_is_the_actor_s_memberships_at_the_date() {
        let parts = Parts::sample();
        let date = Month::new(2016, 3);
        let table = parts.table(&View::at(date), TableSort::Region);
        for (r, row) in table.rows.iter().enumerate() {
            let statuses: BTreeMap<BodyIx, Status> = parts
                .timeline
                .memberships_of(row.actor, date.end())
                .into_iter()
                .map(|m| (m.body, m.status))
                .collect();
            let cells: BTreeMap<BodyIx, Status> = table
                .columns
                .iter()
                .enumerate()
                .filter_map(|(c, &body)| table.cell(r, c).map(|cell| (body, cell.status)))
                .collect();
            assert_eq!(cells, statuses, "{}", parts.name(row.actor));
            let counted = statuses
                .values()
                .filter(|status| status.counts_at(Level::Party))
                .count();
            assert_eq!(row.memberships as usize, counted);
        }
    }

    #[test]
    fn rows_sort_by_region_name_or_memberships() {
        let parts = Parts::sample();
        let view = View::at(Month::new(2020, 1));
        let names = |table: &Table| -> Vec<String> {
            table
                .rows
                .iter()
                .map(|row| parts.name(row.actor).to_lowercase())
                .collect()
        };

        let by_name = parts.table(&view, TableSort::Name);
        let mut sorted = names(&by_name);
        sorted.sort();
        assert_eq!(names(&by_name), sorted);

        let by_region = parts.table(&view, TableSort::Region);
        let regions: Vec<Option<String>> = by_region
            .rows
            .iter()
            .map(|row| parts.dataset.actors[row.actor.index()].region.clone())
            .collect();
        for (pair, names) in regions.windows(2).zip(names(&by_region).windows(2)) {
            match (&pair[0], &pair[1]) {
                (Some(a), Some(b)) if a == b => assert!(names[0] <= names[1], "{names:?}"),
                (Some(a), Some(b)) => assert!(a.to_lowercase() < b.to_lowercase()),
                (None, Some(_)) => panic!("actors with no region come last"),
                (Some(_), None) => {}
                (None, None) => assert!(names[0] <= names[1]),
            }
        }

        let by_count = parts.table(&view, TableSort::Memberships);
        for pair in by_count.rows.windows(2) {
            assert!(pair[0].memberships >= pair[1].memberships);
            if pair[0].memberships == pair[1].memberships {
                assert!(
                    parts.name(pair[0].actor).to_lowercase()
                        <= parts.name(pair[1].actor).to_lowercase()
                );
            }
        }
        assert!(by_count.rows[0].memberships > by_count.rows[by_count.rows.len() - 1].memberships);

        // The same rows in every order, and sorting again gives the table of that order.
        let mut resorted = by_name.clone();
        resorted.sort(&parts.dataset, TableSort::Memberships);
        assert_eq!(resorted, by_count);
    }

    #[test]
    fn the_filters_and_the_lens_hide_rows_and_columns_as_in_the_network() {
        let parts = Parts::sample();
        let date = Month::new(2020, 1);
        let mut view = View::at(date);
        view.filters.max_members = Some(20);
        let frame = SceneFrame::build(&parts.dataset, &parts.timeline, &parts.graph, &view);
        let table = Table::build(
            &parts.dataset,
            &parts.timeline,
            &frame,
            &view,
            TableSort::Name,
        );
        let shown = |number: usize| frame.nodes[number].visibility != Visibility::Hidden;
        let expected_columns = (0..parts.dataset.bodies.len())
            .filter(|&b| shown(b))
            .count();
        assert_eq!(table.columns.len(), expected_columns);
        assert!(
            table.columns.len() < parts.dataset.bodies.len(),
            "the lens hides bodies"
        );
        for &body in &table.columns {
            assert!(frame.body_members[body.index()] <= 20);
        }
        let body_count = parts.dataset.bodies.len();
        let expected_rows = (0..parts.dataset.actors.len())
            .filter(|&a| shown(body_count + a))
            .count();
        assert_eq!(table.rows.len(), expected_rows);
        assert!(
            table.rows.len() < parts.dataset.actors.len(),
            "the lens hides untied actors"
        );
        for row in &table.rows {
            assert!(
                row.cells.iter().any(Option::is_some),
                "{}",
                parts.name(row.actor)
            );
        }

        // A region and a kind filter.
        let mut view = View::at(date);
        view.filters.region = Some("Europe".into());
        view.filters.hidden_kinds.insert(NodeKind::Coalition);
        let table = parts.table(&view, TableSort::Region);
        assert!(!table.rows.is_empty());
        for row in &table.rows {
            assert_eq!(
                parts.dataset.actors[row.actor.index()].region.as_deref(),
                Some("Europe")
            );
        }
        assert!(
            table.column_of(parts.body("foc")).is_none(),
            "the Freedom Online Coalition is a coalition"
        );

        // Hiding non-members drops the actors with no membership at the date.
        let mut view = View::at(Month::new(2001, 12));
        view.filters.non_members = NonMembers::Hide;
        let table = parts.table(&view, TableSort::Name);
        assert!(table.rows.iter().all(|row| row.memberships > 0));
        assert!(table.rows.len() < parts.dataset.actors.len());
    }

    #[test]
    fn the_tsv_is_a_grid_with_a_header_and_no_trailing_tabs() {
        let parts = Parts::fixture();
        let view = View::at(Month::new(2018, 6));
        let table = parts.table(&view, TableSort::Name);
        let text = table.tsv(&parts.dataset);
        assert!(text.ends_with('\n'));
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), table.rows.len() + 1);
        let width = table.columns.len() + 2;
        for line in &lines {
            assert_eq!(line.split('\t').count(), width, "{line:?}");
            assert!(!line.ends_with('\t'));
            assert!(line.split('\t').all(|field| !field.is_empty()));
        }
        let header: Vec<&str> = lines[0].split('\t').collect();
        assert_eq!(&header[..2], ["Actor", "ISO3"]);
        for (field, body) in header[2..].iter().zip(&table.columns) {
            assert_eq!(*field, parts.dataset.bodies[body.index()].label());
        }
        // Japan ratified ACTA; its line has its name, its code and the status word there.
        let japan = parts.actor("JPN");
        let row = table.row_of(japan).expect("Japan is a row");
        let fields: Vec<&str> = lines[row + 1].split('\t').collect();
        assert_eq!(&fields[..2], ["Japan", "JPN"]);
        let acta = table
            .column_of(parts.body("acta"))
            .expect("ACTA is a column");
        let status = parts
            .timeline
            .status(japan, parts.body("acta"), view.date.end())
            .expect("Japan has a status in ACTA")
            .status;
        assert_eq!(fields[acta + 2], status.word());
    }

    #[test]
    fn a_cell_describes_itself_in_words() {
        let parts = Parts::fixture();
        let view = View::at(Month::new(2018, 6));
        let table = parts.table(&view, TableSort::Name);
        let japan = table.row_of(parts.actor("JPN")).expect("Japan is a row");
        let acta = table
            .column_of(parts.body("acta"))
            .expect("ACTA is a column");
        let cell = table.cell(japan, acta).expect("Japan has a status in ACTA");
        assert_eq!(
            table.describe(&parts.dataset, japan, acta),
            format!(
                "Japan in ACTA: {} since {}",
                cell.status.label().to_lowercase(),
                cell.since
            )
        );
        let empty = (0..table.columns.len()).find(|&c| table.cell(japan, c).is_none());
        if let Some(column) = empty {
            assert!(
                table
                    .describe(&parts.dataset, japan, column)
                    .ends_with(": not a member")
            );
        }
    }
}
