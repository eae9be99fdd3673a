//! The table view, driven by accessibility label on the small fixture: its cells say each
//! actor's status in words and agree with `Timeline::members`, it copies as TSV, sorts, and
//! the keyboard moves a focused cell without stepping the timeline.
#![expect(clippy::expect_used, reason = "test helpers fail loudly with a reason")]

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use minilateral::app::MinilateralApp;
use minilateral::document::Document;
use minilateral::model::{Month, Word};
use minilateral::scene::{Selection, Table, TableSort, ViewKind};
use minilateral::state::Prefs;
use minilateral::timeline::{ActorIx, BodyIx};

const FIXTURE: &str = include_str!("fixtures/ui/small.json");

fn app() -> MinilateralApp {
    let (dataset, report) =
        minilateral::io::read_native_str(FIXTURE, "small.json").expect("the fixture is valid");
    let document = Document::new(dataset, "small.json".into(), report.summary());
    MinilateralApp::new(document, Prefs::default())
}

/// The app at June 2018 with View › Table chosen in the menu.
fn table_harness() -> Harness<'static, MinilateralApp> {
    let mut harness = Harness::builder()
        .with_size([1400.0, 900.0])
        .build_ui_state(|ui, app: &mut MinilateralApp| app.ui(ui), app());
    harness.run_steps(3);
    harness.get_by_label("View").click();
    harness.run_steps(2);
    harness
        .get_by_role_and_label(Role::RadioButton, "Table")
        .click();
    harness.run_steps(3);
    assert_eq!(harness.state().state().view.kind, ViewKind::Table);
    harness
}

fn body(harness: &Harness<'_, MinilateralApp>, id: &str) -> BodyIx {
    harness
        .state()
        .document()
        .timeline
        .body_ix(id)
        .expect("the body is in the fixture")
}

fn actor(harness: &Harness<'_, MinilateralApp>, id: &str) -> ActorIx {
    harness
        .state()
        .document()
        .timeline
        .actor_ix(id)
        .expect("the actor is in the fixture")
}

/// The accessible label of a cell, from the timeline: what the table must say.
fn expected_label(harness: &Harness<'_, MinilateralApp>, actor: ActorIx, body: BodyIx) -> String {
    let app = harness.state();
    let dataset = &app.document().dataset;
    let date = app.state().view.date.end();
    let name = &dataset.actors[actor.index()].name;
    let label = dataset.bodies[body.index()].label();
    match app.document().timeline.status(actor, body, date) {
        Some(m) => format!(
            "{name} in {label}: {} since {}",
            m.status.label().to_lowercase(),
            m.since
        ),
        None => format!("{name} in {label}: not a member"),
    }
}

/// The table the app shows now, built again from its parts.
fn table_now(harness: &Harness<'_, MinilateralApp>) -> Table {
    let app = harness.state();
    Table::build(
        &app.document().dataset,
        &app.document().timeline,
        app.scene_frame(),
        &app.state().view,
        app.state().table_sort,
    )
}

#[test]
fn every_cell_says_the_status_that_members_gives() {
    let harness = table_harness();
    // The brief's example, word for word.
    harness.get_by_label("France in Budapest: party since 2006-01-10");
    let app = harness.state();
    let date = app.state().view.date.end();
    let level = app.state().view.level;
    let timeline = &app.document().timeline;
    for id in ["acta", "budapest", "foc"] {
        let body = body(&harness, id);
        let members = timeline.members(body, date, level);
        assert!(!members.is_empty(), "{id} has members in June 2018");
        for member in &members {
            let label = expected_label(&harness, member.actor, body);
            let status = member.status.label().to_lowercase();
            assert!(label.contains(&format!(": {status} since ")), "{label}");
            let cell = harness.get_by_label(&label);
            assert_eq!(cell.accesskit_node().role(), Role::Button);
        }
        // Every actor has a cell in the column, members or not.
        for a in 0..app.document().dataset.actors.len() {
            let actor = ActorIx(u32::try_from(a).expect("small"));
            harness.get_by_label(&expected_label(&harness, actor, body));
        }
    }
    harness.get_by_label("European Union in ACTA: rejected since 2012-07-04");
    harness.get_by_label("Morocco in FOC: not a member");
}

#[test]
fn copy_as_tsv_copies_the_table() {
    let mut harness = table_harness();
    harness.get_by_label("Copy as TSV").click();
    harness.step();
    let copied: Vec<String> = harness
        .output()
        .platform_output
        .commands
        .iter()
        .filter_map(|command| match command {
            egui::OutputCommand::CopyText(text) => Some(text.clone()),
            _ => None,
        })
        .collect();
    let table = table_now(&harness);
    let expected = table.tsv(&harness.state().document().dataset);
    assert_eq!(copied, vec![expected.clone()]);
    let mut lines = expected.lines();
    assert_eq!(lines.next(), Some("Actor\tISO3\tACTA\tBudapest\tFOC\tIGF"));
    let japan = expected
        .lines()
        .find(|line| line.starts_with("Japan\t"))
        .expect("Japan is a row");
    let acta_status = harness
        .state()
        .document()
        .timeline
        .status(
            actor(&harness, "JPN"),
            body(&harness, "acta"),
            Month::new(2018, 6).end(),
        )
        .expect("Japan ratified ACTA")
        .status;
    assert_eq!(
        japan.split('\t').nth(2),
        Some(acta_status.word()),
        "{japan}"
    );
}

#[test]
fn sort_buttons_reorder_the_rows() {
    let mut harness = table_harness();
    let acta = body(&harness, "acta");
    // The rows as drawn: the ACTA cells from top to bottom.
    let drawn = |harness: &Harness<'_, MinilateralApp>| -> Vec<ActorIx> {
        let count = harness.state().document().dataset.actors.len();
        let mut rows: Vec<(f32, ActorIx)> = (0..count)
            .map(|a| {
                let actor = ActorIx(u32::try_from(a).expect("small"));
                let top = harness
                    .get_by_label(&expected_label(harness, actor, acta))
                    .rect()
                    .top();
                (top, actor)
            })
            .collect();
        rows.sort_by(|a, b| a.0.total_cmp(&b.0));
        rows.into_iter().map(|(_, actor)| actor).collect()
    };
    assert_eq!(harness.state().state().table_sort, TableSort::Region);
    for sort in [TableSort::Memberships, TableSort::Name, TableSort::Region] {
        harness
            .get_by_role_and_label(Role::Button, sort.label())
            .click();
        harness.run_steps(3);
        assert_eq!(harness.state().state().table_sort, sort);
        let table = table_now(&harness);
        let expected: Vec<ActorIx> = table.rows.iter().map(|row| row.actor).collect();
        assert_eq!(drawn(&harness), expected, "{sort:?}");
        if sort == TableSort::Memberships {
            let counts: Vec<u32> = table.rows.iter().map(|row| row.memberships).collect();
            assert!(
                counts.windows(2).all(|pair| pair[0] >= pair[1]),
                "{counts:?}"
            );
            assert!(counts[0] > counts[counts.len() - 1]);
        }
    }
}

#[test]
fn arrow_keys_move_the_focused_cell_and_enter_selects_its_actor() {
    let mut harness = table_harness();
    harness.get_by_role_and_label(Role::Button, "Name").click();
    harness.run_steps(3);
    let date = harness.state().state().view.date;
    let (japan, acta, budapest) = (
        actor(&harness, "JPN"),
        body(&harness, "acta"),
        body(&harness, "budapest"),
    );
    harness
        .get_by_label(&expected_label(&harness, japan, acta))
        .click();
    harness.run_steps(3);
    let focus = |harness: &Harness<'_, MinilateralApp>| harness.state().table_focus(&harness.ctx);
    assert_eq!(focus(&harness), Some((japan, acta)));
    assert_eq!(
        harness.state().state().view.selection,
        Some(Selection::Actor(japan)),
        "a click on a cell selects its actor"
    );

    harness.key_press(egui::Key::ArrowRight);
    harness.run_steps(3);
    assert_eq!(focus(&harness), Some((japan, budapest)));
    assert_eq!(
        harness.state().state().view.date,
        date,
        "the arrow moved in the table, not in time"
    );

    // By name, Morocco follows Japan.
    harness.key_press(egui::Key::ArrowDown);
    harness.run_steps(3);
    let morocco = actor(&harness, "MAR");
    assert_eq!(focus(&harness), Some((morocco, budapest)));
    harness.key_press(egui::Key::ArrowLeft);
    harness.key_press(egui::Key::ArrowLeft);
    harness.run_steps(3);
    assert_eq!(focus(&harness), Some((morocco, acta)), "stops at the edge");
    assert_eq!(harness.state().state().view.date, date);

    harness.key_press(egui::Key::Enter);
    harness.run_steps(3);
    assert_eq!(
        harness.state().state().view.selection,
        Some(Selection::Actor(morocco)),
        "Enter selects the focused cell's actor"
    );
    assert_eq!(focus(&harness), Some((morocco, acta)));

    // Escape leaves the table: the arrows step the timeline again.
    harness.key_press(egui::Key::Escape);
    harness.run_steps(3);
    assert_eq!(focus(&harness), None);
    harness.key_press(egui::Key::ArrowLeft);
    harness.run_steps(3);
    assert_eq!(harness.state().state().view.date, date.plus(-1));
}

#[test]
fn a_click_on_a_name_selects_the_actor_and_on_a_header_the_body() {
    let mut harness = table_harness();
    let (france, budapest, foc) = (
        actor(&harness, "FRA"),
        body(&harness, "budapest"),
        body(&harness, "foc"),
    );
    let cell = harness
        .get_by_label(&expected_label(&harness, france, budapest))
        .rect();
    // France's name is left of its cells, on its row (the list on the left has it too).
    let name = harness
        .get_all_by_label("France")
        .find(|node| (node.rect().center().y - cell.center().y).abs() < 2.0)
        .expect("France names a row of the table");
    assert!(name.rect().right() <= cell.left() + 1.0);
    name.click();
    harness.run_steps(3);
    assert_eq!(
        harness.state().state().view.selection,
        Some(Selection::Actor(france))
    );
    // The FOC's header is above its column.
    let foc_cell = harness
        .get_by_label(&expected_label(&harness, france, foc))
        .rect();
    let header = harness
        .get_all_by_label("FOC")
        .find(|node| {
            let rect = node.rect();
            rect.bottom() <= foc_cell.top() + 1.0
                && (rect.center().x - foc_cell.center().x).abs() < 2.0
        })
        .expect("the FOC heads a column");
    header.click();
    harness.run_steps(3);
    assert_eq!(
        harness.state().state().view.selection,
        Some(Selection::Body(foc))
    );
}

/// The app on the built-in sample (207 actors × 36 bodies), in the table view.
fn sample_harness() -> Harness<'static, MinilateralApp> {
    let (dataset, report) = minilateral::io::read_native_str(
        minilateral::SAMPLE_DATASET_JSON,
        minilateral::SAMPLE_DATASET_NAME,
    )
    .expect("the sample is valid");
    let document = Document::new(dataset, "sample".into(), report.summary());
    let mut app = MinilateralApp::new(document, Prefs::default());
    app.push_command(minilateral::state::Command::ShowView(ViewKind::Table));
    let mut harness = Harness::builder()
        .with_size([1400.0, 900.0])
        .build_ui_state(|ui, app: &mut MinilateralApp| app.ui(ui), app);
    harness.run_steps(3);
    harness
}

#[test]
fn the_focused_cell_scrolls_into_view_on_the_sample() {
    let mut harness = sample_harness();
    let table = table_now(&harness);
    let first = (table.rows[0].actor, table.columns[0]);
    harness
        .get_by_label(&expected_label(&harness, first.0, first.1))
        .click();
    harness.run_steps(2);
    let focus = |harness: &Harness<'_, MinilateralApp>| harness.state().table_focus(&harness.ctx);
    assert_eq!(focus(&harness), Some(first));
    let date = harness.state().state().view.date;
    // One press a frame, as a user types: far down and right, past the window's edge.
    for (key, times) in [(egui::Key::ArrowDown, 60), (egui::Key::ArrowRight, 20)] {
        for _ in 0..times {
            harness.key_press(key);
            harness.step();
        }
    }
    harness.run_steps(10);
    let expected = (table.rows[60].actor, table.columns[20]);
    assert_eq!(focus(&harness), Some(expected));
    assert_eq!(harness.state().state().view.date, date);
    // The focused cell is drawn, below the header row and right of the names.
    let cell = harness
        .get_by_label(&expected_label(&harness, expected.0, expected.1))
        .rect();
    assert!(cell.top() > 100.0 && cell.bottom() < 900.0, "{cell:?}");
    // Page Down and End: several presses in one frame each count.
    harness.key_press(egui::Key::PageDown);
    harness.key_press(egui::Key::PageDown);
    harness.key_press(egui::Key::End);
    harness.run_steps(10);
    let (actor, body) = focus(&harness).expect("a cell keeps the focus");
    assert_eq!(body, *table.columns.last().expect("columns"));
    let row = table.row_of(actor).expect("a row");
    assert!(row > 70, "two pages down from row 60: {row}");
    harness.get_by_label(&expected_label(&harness, actor, body));
}
