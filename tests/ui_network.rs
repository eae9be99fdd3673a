//! Drives the real application by accessibility label on a small fixture dataset.
//!
//! A GraphView requests a repaint every frame, so these tests step a fixed number of frames
//! (`run_steps`) instead of `run()`.
#![expect(clippy::expect_used, reason = "test helpers fail loudly with a reason")]

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use minilateral::app::MinilateralApp;
use minilateral::document::Document;
use minilateral::model::Month;
use minilateral::state::Prefs;
use minilateral::style::NodeKind;

const FIXTURE: &str = include_str!("fixtures/ui/small.json");

fn app() -> MinilateralApp {
    let (dataset, report) =
        minilateral::io::read_native_str(FIXTURE, "small.json").expect("the fixture is valid");
    let document = Document::new(dataset, "small.json".into(), report.summary());
    MinilateralApp::new(document, Prefs::default())
}

fn harness() -> Harness<'static, MinilateralApp> {
    let mut harness = Harness::builder()
        .with_size([1400.0, 900.0])
        .build_ui_state(|ui, app: &mut MinilateralApp| app.ui(ui), app());
    harness.run_steps(3);
    harness
}

/// The text of the inspector's "Members as of …" line.
fn members_line(harness: &Harness<'_, MinilateralApp>) -> String {
    let node = harness.get_by_label_contains("Members as of");
    let node = node.accesskit_node();
    node.label().or_else(|| node.value()).unwrap_or_default()
}

/// Searches for ACTA and clicks it in the list on the left.
fn select_acta(harness: &mut Harness<'_, MinilateralApp>) {
    harness.get_by_label("Find").focus();
    harness.run_steps(1);
    harness.get_by_label("Find").type_text("ACTA");
    harness.run_steps(2);
    let list_entry = harness
        .get_all_by_label("ACTA")
        .min_by(|a, b| a.rect().left().total_cmp(&b.rect().left()))
        .expect("ACTA is listed");
    list_entry.click();
    harness.run_steps(3);
}

#[test]
fn first_screen_explains_itself() {
    let harness = harness();
    harness.get_by_label("Small test network");
    harness.get_by_label_contains("Click a node or pick a body in the list");
    harness.get_by_label("Legend");
    assert_eq!(harness.state().state().view.date, Month::new(2018, 6));
}

#[test]
fn search_select_and_the_inspector_lists_members() {
    let mut harness = harness();
    select_acta(&mut harness);
    harness.get_by_label("Anti-Counterfeiting Trade Agreement");
    assert_eq!(members_line(&harness), "Members as of 2018-06: 1");
    harness.get_by_label("Japan");
    // Signatories are listed apart, each with a source link.
    harness.get_by_label("Australia");
    assert!(harness.query_all_by_label("source ↗").count() >= 5);
}

#[test]
fn moving_the_timeline_changes_the_count() {
    let mut harness = harness();
    select_acta(&mut harness);
    assert_eq!(members_line(&harness), "Members as of 2018-06: 1");
    for _ in 0..6 {
        harness.get_by_label("⏪ Year").click();
        harness.run_steps(1);
    }
    harness.run_steps(2);
    assert_eq!(harness.state().state().view.date, Month::new(2012, 6));
    assert_eq!(members_line(&harness), "Members as of 2012-06: 0");
}

#[test]
fn play_advances_the_date() {
    let mut harness = harness();
    harness.get_by_label("▶ Play").click();
    harness.run_steps(2);
    let start = harness.state().state().view.date;
    assert_eq!(
        start,
        Month::new(2001, 11),
        "playing from the end starts over"
    );
    assert!(harness.state().state().playing);
    harness.run_steps(120);
    assert!(harness.state().state().view.date > start);
    harness.get_by_label("⏸ Pause").click();
    harness.run_steps(2);
    assert!(!harness.state().state().playing);
}

#[test]
fn switching_the_level_changes_counts() {
    let mut harness = harness();
    select_acta(&mut harness);
    assert_eq!(members_line(&harness), "Members as of 2018-06: 1");
    harness.get_by_label("Signed").click();
    harness.run_steps(3);
    assert_eq!(members_line(&harness), "Members as of 2018-06: 5");
    harness.get_by_label("In force").click();
    harness.run_steps(3);
    assert_eq!(members_line(&harness), "Members as of 2018-06: 0");
}

#[test]
fn a_filter_hides_a_kind() {
    let mut harness = harness();
    let foc = harness
        .state()
        .document()
        .timeline
        .body_ix("foc")
        .expect("the fixture has the FOC");
    let number = harness
        .state()
        .document()
        .graph
        .node_number(minilateral::scene::NodeRef::Body(foc));
    let visibility = |harness: &Harness<'_, MinilateralApp>| {
        harness.state().scene_frame().nodes[number].visibility
    };
    assert_eq!(visibility(&harness), minilateral::scene::Visibility::Shown);
    harness
        .get_by_role_and_label(Role::CheckBox, "Coalitions")
        .click();
    harness.run_steps(3);
    assert_eq!(visibility(&harness), minilateral::scene::Visibility::Hidden);
    assert!(
        !harness
            .state()
            .scene_frame()
            .legend
            .kinds
            .contains(&NodeKind::Coalition),
        "the legend follows the filter"
    );
}

#[test]
fn the_view_menu_switches_the_arrangement() {
    let mut harness = harness();
    harness.get_by_label("View").click();
    harness.run_steps(2);
    harness.get_by_label("Circle by region").click();
    harness.run_steps(3);
    assert_eq!(
        harness.state().state().view.layout,
        minilateral::state::LayoutKind::Regions
    );
}

#[test]
fn the_window_goes_idle_when_nothing_changes() {
    let mut harness = harness();
    harness.run_steps(3);
    let (live, cached) = harness.state().canvas_frames();
    harness.run_steps(5);
    let (live_after, cached_after) = harness.state().canvas_frames();
    assert_eq!(live_after, live, "no input: the graph view does not run");
    assert_eq!(cached_after, cached + 5, "its last picture is repainted");
    // With no repaint requested, the harness settles (egui_graphs alone never lets it).
    harness.run();
    // Input wakes the view, and a state change redraws it.
    harness.get_by_label("⏪ Year").click();
    harness.run_steps(2);
    let (live_woken, _) = harness.state().canvas_frames();
    assert!(live_woken > live_after);
}

#[test]
fn arrow_keys_step_the_timeline_even_after_a_button_click() {
    let mut harness = harness();
    harness.get_by_label("⏪ Year").click();
    harness.run_steps(2);
    let after_click = harness.state().state().view.date;
    harness.key_press(egui::Key::ArrowRight);
    harness.run_steps(2);
    assert_eq!(harness.state().state().view.date, after_click.plus(1));
    harness.key_press_modifiers(egui::Modifiers::SHIFT, egui::Key::ArrowLeft);
    harness.run_steps(2);
    assert_eq!(harness.state().state().view.date, after_click.plus(-11));
}

#[test]
fn several_key_presses_in_one_frame_each_step() {
    let mut harness = harness();
    let start = harness.state().state().view.date;
    for _ in 0..3 {
        harness.key_press(egui::Key::ArrowLeft);
    }
    harness.run_steps(2);
    assert_eq!(harness.state().state().view.date, start.plus(-3));
}

#[test]
fn moving_over_the_side_panels_leaves_the_network_idle() {
    let mut harness = harness();
    harness.run_steps(3);
    let (live, _) = harness.state().canvas_frames();
    for x in 0..4 {
        // Over the inspector on the right.
        harness.hover_at(egui::Pos2::new(1250.0 + x as f32 * 5.0, 400.0));
        harness.run_steps(1);
    }
    assert_eq!(harness.state().canvas_frames().0, live);
    for x in 0..2 {
        // Over the network.
        harness.hover_at(egui::Pos2::new(600.0 + x as f32 * 5.0, 60.0));
        harness.run_steps(1);
    }
    assert!(harness.state().canvas_frames().0 > live);
}

#[test]
fn the_inspector_shows_the_most_alike_bodies_and_clicking_one_selects_it() {
    let mut harness = harness();
    select_acta(&mut harness);
    // Japan, ACTA's one party in June 2018, is also in the FOC (5 members) and the
    // Budapest Convention (6): the FOC is more alike.
    harness.get_by_label("Overlaps most with (2)");
    harness.get_by_label_contains("1 shared (100 % of 1) · 5 members");
    let rows: Vec<_> = harness
        .query_all_by_label_contains("(100 % of 1)")
        .map(|node| node.rect().top())
        .collect();
    assert_eq!(rows.len(), 2);
    // The links in the inspector (the list on the left has the same names).
    let in_inspector = |label: &'static str| {
        harness
            .get_all_by_label(label)
            .max_by(|a, b| a.rect().left().total_cmp(&b.rect().left()))
            .expect("listed")
    };
    let foc = in_inspector("FOC");
    let budapest = in_inspector("Budapest");
    assert!(foc.rect().top() < budapest.rect().top(), "most alike first");
    assert!(foc.rect().left() > 1000.0, "in the inspector");
    foc.click();
    harness.run_steps(3);
    assert_eq!(members_line(&harness), "Members as of 2018-06: 5");
    harness.get_by_label("Overlaps most with (3)");
}

#[test]
fn the_overlap_matrix_opens_from_the_view_menu_and_a_click_selects_a_row() {
    let mut harness = harness();
    harness.get_by_label("View").click();
    harness.run_steps(2);
    harness.get_by_label("Overlap matrix").click();
    harness.run_steps(3);
    assert!(harness.state().prefs().show_overlap);
    let matrix = harness.get_by_label("Overlap matrix cells").rect();
    // Four bodies with members in June 2018: a 4 × 4 matrix of square cells.
    assert!((matrix.width() - matrix.height()).abs() < 1.0);
    let cell = matrix.width() / 4.0;
    // The FOC's row name sits just left of the cells, on its row.
    let row = harness
        .get_all_by_label("FOC")
        .map(|node| node.rect())
        .find(|rect| (rect.right() - matrix.left()).abs() < 8.0)
        .expect("the FOC names a row");
    let at = egui::pos2(matrix.left() + cell / 2.0, row.center().y);
    harness.event(egui::Event::PointerMoved(at));
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos: at,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
        harness.run_steps(1);
    }
    harness.run_steps(3);
    assert_eq!(members_line(&harness), "Members as of 2018-06: 5");
    harness.get_by_label("Freedom Online Coalition");
}

#[test]
fn the_lens_in_the_filters_keeps_small_clubs() {
    let mut harness = harness();
    harness
        .get_by_role_and_label(Role::CheckBox, "Clubs up to")
        .click();
    harness.run_steps(3);
    assert_eq!(
        harness.state().state().view.filters.max_members,
        Some(minilateral::ui::DEFAULT_MAX_MEMBERS)
    );
    harness
        .state_mut()
        .push_command(minilateral::state::Command::SetMaxMembers(Some(2)));
    harness.run_steps(3);
    let app = harness.state();
    let frame = app.scene_frame();
    let mut kept = 0;
    for (b, &members) in frame.body_members.iter().enumerate() {
        let hidden = frame.nodes[b].visibility == minilateral::scene::Visibility::Hidden;
        assert_eq!(hidden, members > 2, "body {b} with {members} members");
        kept += usize::from(!hidden);
    }
    assert!(
        kept > 0 && kept < frame.body_members.len(),
        "the lens splits the bodies"
    );
}

#[test]
fn a_click_on_france_in_the_map_view_selects_france() {
    let mut harness = harness();
    harness.get_by_label("View").click();
    harness.run_steps(2);
    harness
        .get_by_role_and_label(Role::RadioButton, "Map")
        .click();
    harness.run_steps(3);
    assert_eq!(
        harness.state().state().view.kind,
        minilateral::scene::ViewKind::Map
    );
    let at = harness
        .state()
        .map_position("FRA")
        .expect("France is drawn on the map");
    click_at(&mut harness, at);
    let selected = harness.state().state().view.selection;
    let france = harness
        .state()
        .document()
        .dataset
        .actors
        .iter()
        .position(|actor| actor.iso3.as_deref() == Some("FRA"))
        .expect("France is in the fixture");
    assert_eq!(
        selected,
        Some(minilateral::scene::Selection::Actor(
            minilateral::timeline::ActorIx(u32::try_from(france).expect("small"))
        ))
    );
}

#[test]
fn a_click_on_a_body_in_the_coalition_view_selects_it_everywhere() {
    let mut harness = harness();
    harness.get_by_label("View").click();
    harness.run_steps(2);
    harness
        .get_by_role_and_label(Role::RadioButton, "Coalitions")
        .click();
    harness.run_steps(3);
    assert_eq!(
        harness.state().state().view.kind,
        minilateral::scene::ViewKind::Coalitions
    );
    // The threshold slider sits above the picture and is part of the view: a click halfway
    // along it sets about 50%.
    harness
        .get_by_role_and_label(Role::Slider, minilateral::ui::TIE_THRESHOLD_LABEL)
        .click();
    harness.run_steps(3);
    let threshold = harness.state().state().view.tie_threshold_percent;
    assert!((30..=70).contains(&threshold), "{threshold}");
    let at = harness
        .state()
        .coalition_position("foc")
        .expect("the FOC is drawn");
    click_at(&mut harness, at);
    assert_eq!(
        harness.state().state().view.selection,
        body_selection(&harness, "foc")
    );
    // Selected everywhere: the inspector shows it.
    harness.get_by_label("Freedom Online Coalition");
}

/// The app on the built-in sample, with the Compare bodies window open.
fn sample_harness() -> Harness<'static, MinilateralApp> {
    let (dataset, report) = minilateral::io::read_native_str(
        minilateral::SAMPLE_DATASET_JSON,
        minilateral::SAMPLE_DATASET_NAME,
    )
    .expect("the sample is valid");
    let document = Document::new(dataset, "sample".into(), report.summary());
    let prefs = Prefs {
        show_compare: true,
        ..Prefs::default()
    };
    let mut app = MinilateralApp::new(document, prefs);
    app.push_command(minilateral::state::Command::SetDate(Month::new(2014, 10)));
    let mut harness = Harness::builder()
        .with_size([1400.0, 900.0])
        .build_ui_state(|ui, app: &mut MinilateralApp| app.ui(ui), app);
    harness.run_steps(3);
    harness
}

#[test]
fn reported_counts_and_who_is_at_the_table() {
    let mut harness = sample_harness();
    // The comparison starts with the FOC, the Budapest Convention and the UN convention,
    // counting signatories; in October 2014 the UN convention has no member yet.
    harness.get_by_label("Compare bodies");
    harness.get_by_label("Europe (45 states)");
    assert_eq!(
        harness.get_all_by_label("x").count(),
        3,
        "three bodies side by side"
    );
    // Budapest's chapter figure, against the parties dated by October 2014.
    harness.get_by_label("41 of 43 parties");
    let budapest = harness
        .state()
        .document()
        .timeline
        .body_ix("budapest")
        .expect("the sample has the Budapest Convention");
    harness
        .state_mut()
        .push_command(minilateral::state::Command::Select(Some(
            minilateral::state::Selection::Body(budapest),
        )));
    harness.run_steps(3);
    // The inspector and the membership chart set the chapter's 43 against the 41 dated
    // parties.
    assert_eq!(
        harness
            .get_all_by_label("41 of 43 parties identified, 4 more without a date (2014-10)")
            .count(),
        2
    );
    harness.get_by_label("Who is at the table");
}

/// The selection of the body with `id` (which the dataset must have).
fn body_selection(
    harness: &Harness<'_, MinilateralApp>,
    id: &str,
) -> Option<minilateral::scene::Selection> {
    let body = harness.state().document().timeline.body_ix(id);
    assert!(body.is_some(), "{id} is in the dataset");
    body.map(minilateral::scene::Selection::Body)
}

/// Presses and releases the primary button at `at`, a frame each.
fn click_at(harness: &mut Harness<'_, MinilateralApp>, at: egui::Pos2) {
    harness.event(egui::Event::PointerMoved(at));
    harness.run_steps(1);
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos: at,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
        harness.run_steps(1);
    }
    harness.run_steps(2);
}

#[test]
fn hovering_clicking_and_dragging_a_node_in_the_network() {
    let mut harness = harness();
    harness.run_steps(3);
    let foc = body_selection(&harness, "foc");
    let at = harness
        .state()
        .node_on_screen("foc")
        .expect("the FOC is drawn");
    // Between the middle nodes, where no node is.
    let empty = egui::Pos2::new(650.0, 330.0);
    // Hovering finds the node (through the grid); the meshes are not drawn again for it.
    let drawn = harness.state().canvas_drawn_frames();
    harness.hover_at(at + egui::Vec2::new(1.0, 1.0));
    harness.run_steps(2);
    assert_eq!(harness.state().hovered_in_network(), Some("foc"));
    assert_eq!(harness.state().canvas_drawn_frames(), drawn);
    harness.hover_at(empty);
    harness.run_steps(2);
    assert_eq!(harness.state().hovered_in_network(), None);
    // A click selects it; a click on empty canvas clears the selection.
    click_at(&mut harness, at);
    assert_eq!(harness.state().state().view.selection, foc);
    click_at(&mut harness, empty);
    assert_eq!(harness.state().state().view.selection, None);
    // A drag from the node moves the node, not the view: the other nodes stay put.
    let other = harness
        .state()
        .node_on_screen("acta")
        .expect("ACTA is drawn");
    harness.drag_at(at);
    harness.run_steps(1);
    for step in 1..=4 {
        harness.hover_at(at + egui::Vec2::new(15.0 * step as f32, 10.0 * step as f32));
        harness.run_steps(1);
    }
    harness.drop_at(at + egui::Vec2::new(60.0, 40.0));
    harness.run_steps(2);
    let moved = harness.state().node_on_screen("foc").expect("still drawn");
    assert!(
        (moved - (at + egui::Vec2::new(60.0, 40.0))).length() < 1.0,
        "{at:?} to {moved:?}"
    );
    let still = harness.state().node_on_screen("acta").expect("still drawn");
    assert!((still - other).length() < 0.5, "{other:?} to {still:?}");
    // The node is found where it was dropped.
    click_at(&mut harness, moved);
    assert_eq!(harness.state().state().view.selection, foc);
}

/// A network of about 4,000 nodes, laid out: more nodes on screen than the detailed drawing
/// allows, so they are drawn plainer (discs, no outlines).
fn crowd_harness() -> Harness<'static, MinilateralApp> {
    let dataset = minilateral::synthetic::generate(3_200, 800, 16_000, 11);
    let document = Document::new(dataset, "crowd".into(), String::new());
    let app = MinilateralApp::new(document, Prefs::default());
    let mut harness = Harness::builder()
        .with_size([1400.0, 900.0])
        .build_ui_state(|ui, app: &mut MinilateralApp| app.ui(ui), app);
    let start = std::time::Instant::now();
    harness.run_steps(2);
    while harness.state().is_busy() && start.elapsed() < std::time::Duration::from_secs(300) {
        std::thread::sleep(std::time::Duration::from_millis(5));
        harness.step();
    }
    harness.run_steps(5);
    harness
}

#[test]
fn in_a_crowd_a_click_selects_the_node_under_the_pointer_and_a_drag_moves_it() {
    let mut harness = crowd_harness();
    assert!(!harness.state().is_busy(), "the layout finished");
    // An actor near the middle of the list, and where it is drawn.
    let id = harness.state().document().dataset.actors[1_234].id.clone();
    let at = harness.state().node_on_screen(&id).expect("drawn");
    harness.hover_at(at);
    harness.run_steps(2);
    let hovered = harness
        .state()
        .hovered_in_network()
        .map(str::to_owned)
        .expect("a node is under the pointer");
    click_at(&mut harness, at);
    let selected = harness
        .state()
        .state()
        .view
        .selection
        .and_then(|selection| harness.state().document().node_id(selection.node()))
        .map(str::to_owned);
    assert_eq!(selected.as_deref(), Some(hovered.as_str()));
    // Dragged 40 points right: the node follows the pointer.
    let start = harness.state().node_on_screen(&hovered).expect("drawn");
    harness.drag_at(start);
    harness.run_steps(1);
    for step in 1..=4 {
        harness.hover_at(start + egui::Vec2::new(10.0 * step as f32, 0.0));
        harness.run_steps(1);
    }
    harness.drop_at(start + egui::Vec2::new(40.0, 0.0));
    harness.run_steps(2);
    let moved = harness.state().node_on_screen(&hovered).expect("drawn");
    assert!(
        (moved - (start + egui::Vec2::new(40.0, 0.0))).length() < 1.0,
        "{start:?} to {moved:?}"
    );
}

#[test]
fn a_click_that_wakes_an_idle_window_selects_the_node() {
    let mut harness = harness();
    harness.run_steps(3);
    let at = harness
        .state()
        .node_on_screen("foc")
        .expect("the FOC is drawn");
    // Idle: the canvas repaints its last picture.
    harness.run_steps(3);
    let (_, cached) = harness.state().canvas_frames();
    assert!(cached > 0);
    // The pointer jumps there and clicks, all within one frame (as a quick real click).
    harness.event(egui::Event::PointerMoved(at));
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos: at,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
    }
    harness.run_steps(3);
    assert_eq!(
        harness.state().state().view.selection,
        body_selection(&harness, "foc")
    );
}
