//! Tests of the scene on the small GUI fixture.

use super::*;
use crate::model::Month;
use crate::model::{Dataset, Level};
use crate::style::NodeKind;
use crate::timeline::Timeline;

fn fixture() -> (Dataset, Timeline, SceneGraph) {
    let text = include_str!("../../tests/fixtures/ui/small.json");
    let (dataset, _) = crate::io::read_native_str(text, "small.json").unwrap();
    let timeline = Timeline::build(&dataset);
    let graph = SceneGraph::build(&dataset, &timeline);
    (dataset, timeline, graph)
}

/// The view after moving from December 2018 (the fixture's last month) to this month.
fn state_at(year: i16, month: i8) -> View {
    View::at(Month::new(2018, 12)).stepped(Month::new(2018, 12), Month::new(year, month))
}

/// The view after a step of `months`.
fn step(view: &View, months: i32) -> View {
    view.stepped(view.date, view.date.plus(months))
}

fn node<'a>(
    frame: &'a SceneFrame,
    graph: &SceneGraph,
    timeline: &Timeline,
    id: &str,
) -> &'a NodeLook {
    let number = match (timeline.body_ix(id), timeline.actor_ix(id)) {
        (Some(body), _) => graph.node_number(NodeRef::Body(body)),
        (_, Some(actor)) => graph.node_number(NodeRef::Actor(actor)),
        _ => panic!("no node {id}"),
    };
    &frame.nodes[number]
}

#[test]
fn one_edge_per_pair_and_relation() {
    let (dataset, _, graph) = fixture();
    assert_eq!(
        graph.node_count(),
        dataset.bodies.len() + dataset.actors.len()
    );
    let relations = graph
        .edges
        .iter()
        .filter(|(edge, _, _)| matches!(edge, EdgeRef::Relation(_)))
        .count();
    assert_eq!(relations, 1);
    for number in 0..graph.node_count() {
        let node = graph.node_ref(number).unwrap();
        assert_eq!(graph.node_number(node), number);
    }
}

#[test]
fn counts_and_sizes_follow_the_date_and_level() {
    let (dataset, timeline, graph) = fixture();
    let acta = timeline.body_ix("acta").unwrap().index();
    let mut state = state_at(2012, 12);
    let frame = SceneFrame::build(&dataset, &timeline, &graph, &state);
    assert_eq!(frame.body_members[acta], 1, "only Japan ratified");
    state.level = Level::Signatory;
    let frame = SceneFrame::build(&dataset, &timeline, &graph, &state);
    assert_eq!(
        frame.body_members[acta], 5,
        "the EU's rejection ended its signature"
    );
}

#[test]
fn joins_since_the_previous_step_get_a_ring() {
    let (dataset, timeline, graph) = fixture();
    let mut state = state_at(2012, 6);
    state = step(&state, 12);
    let frame = SceneFrame::build(&dataset, &timeline, &graph, &state);
    assert_eq!(
        node(&frame, &graph, &timeline, "AUS").ring,
        Some(Ring::Joined)
    );
    assert_eq!(
        node(&frame, &graph, &timeline, "JPN").ring,
        Some(Ring::Joined)
    );
    assert_eq!(node(&frame, &graph, &timeline, "FRA").ring, None);
    assert!(frame.legend.joined);
    state = step(&state, -1);
    let frame = SceneFrame::build(&dataset, &timeline, &graph, &state);
    assert!(frame.joined.is_empty(), "no highlights when moving back");
}

#[test]
fn non_members_fade_or_hide() {
    let (dataset, timeline, graph) = fixture();
    let mut state = state_at(2003, 1);
    let frame = SceneFrame::build(&dataset, &timeline, &graph, &state);
    assert_eq!(
        node(&frame, &graph, &timeline, "MAR").visibility,
        Visibility::Faded
    );
    assert_eq!(
        node(&frame, &graph, &timeline, "FRA").visibility,
        Visibility::Faded,
        "signed only"
    );
    state.filters.non_members = NonMembers::Hide;
    let frame = SceneFrame::build(&dataset, &timeline, &graph, &state);
    assert_eq!(
        node(&frame, &graph, &timeline, "MAR").visibility,
        Visibility::Hidden
    );
}

#[test]
fn filters_hide_kinds_and_the_legend_follows() {
    let (dataset, timeline, graph) = fixture();
    let mut state = state_at(2018, 12);
    let frame = SceneFrame::build(&dataset, &timeline, &graph, &state);
    assert!(frame.legend.kinds.contains(&NodeKind::Coalition));
    assert!(!frame.legend.relations.is_empty());
    state.filters.hidden_kinds.insert(NodeKind::Coalition);
    let frame = SceneFrame::build(&dataset, &timeline, &graph, &state);
    assert_eq!(
        node(&frame, &graph, &timeline, "foc").visibility,
        Visibility::Hidden
    );
    assert!(!frame.legend.kinds.contains(&NodeKind::Coalition));
    assert!(
        frame.legend.relations.is_empty(),
        "the FOC's relation is hidden with it"
    );
}

#[test]
fn selection_highlights_the_neighbourhood() {
    let (dataset, timeline, graph) = fixture();
    let mut state = state_at(2018, 12);
    let foc = timeline.body_ix("foc").unwrap();
    state.selection = Some(Selection::Body(foc));
    let frame = SceneFrame::build(&dataset, &timeline, &graph, &state);
    assert_eq!(
        node(&frame, &graph, &timeline, "foc").ring,
        Some(Ring::Selected)
    );
    assert_eq!(
        node(&frame, &graph, &timeline, "CAN").visibility,
        Visibility::Shown
    );
    assert_eq!(
        node(&frame, &graph, &timeline, "CAN").label,
        LabelRule::Always
    );
    assert_eq!(
        node(&frame, &graph, &timeline, "MAR").visibility,
        Visibility::Faded
    );
    assert_eq!(
        node(&frame, &graph, &timeline, "acta").visibility,
        Visibility::Faded
    );
}

#[test]
fn changes_only_hides_unchanged_memberships() {
    let (dataset, timeline, graph) = fixture();
    let mut state = state_at(2012, 6);
    state = step(&state, 12);
    state.change_mode = ChangeMode::ChangesOnly;
    let frame = SceneFrame::build(&dataset, &timeline, &graph, &state);
    let shown = graph
        .edges
        .iter()
        .zip(&frame.edges)
        .filter(|((edge, _, _), look)| {
            matches!(edge, EdgeRef::Membership(..)) && look.visibility == Visibility::Shown
        })
        .count();
    assert_eq!(
        shown, 5,
        "Japan in ACTA, Budapest and the FOC; Australia in Budapest and the FOC"
    );
    assert_eq!(
        node(&frame, &graph, &timeline, "FRA").visibility,
        Visibility::Faded
    );
}

#[test]
fn the_arrangements_place_bodies_and_actors_apart() {
    use super::layout::{LayoutKind, arrange};
    let (dataset, _, graph) = fixture();
    let force: Vec<[f32; 2]> = (0..graph.node_count()).map(|i| [i as f32, 0.0]).collect();
    assert_eq!(arrange(LayoutKind::Force, &graph, &dataset, &force), force);

    let split = arrange(LayoutKind::Bipartite, &graph, &dataset, &force);
    for (number, position) in split.iter().enumerate() {
        let x = position[0];
        match graph.node_ref(number) {
            Some(NodeRef::Body(_)) => assert!(x < 0.0, "bodies on the left"),
            Some(NodeRef::Actor(_)) => assert!(x > 0.0, "actors on the right"),
            None => {}
        }
    }

    let circle = arrange(LayoutKind::Regions, &graph, &dataset, &force);
    let radius = |p: [f32; 2]| (p[0] * p[0] + p[1] * p[1]).sqrt();
    let actor_radii: Vec<f32> = (0..graph.node_count())
        .filter(|&n| matches!(graph.node_ref(n), Some(NodeRef::Actor(_))))
        .map(|n| radius(circle[n]))
        .collect();
    let body_radii: Vec<f32> = (0..graph.node_count())
        .filter(|&n| matches!(graph.node_ref(n), Some(NodeRef::Body(_))))
        .map(|n| radius(circle[n]))
        .collect();
    let first = actor_radii[0];
    assert!(
        actor_radii.iter().all(|r| (r - first).abs() < 0.01),
        "actors share one circle"
    );
    assert!(body_radii.iter().all(|r| *r < first), "bodies inside it");
}

#[test]
fn the_legend_explains_faint_lines_of_large_bodies() {
    // Cybercrime bodies in October 2014 (the Budapest Convention and its first protocol)
    // have many members, so every line is drawn fainter than its status colour; the legend
    // still lists the statuses.
    let (dataset, _) = crate::io::read_native_str(crate::SAMPLE_DATASET_JSON, "sample").unwrap();
    let timeline = Timeline::build(&dataset);
    let graph = SceneGraph::build(&dataset, &timeline);
    let budapest = timeline.body_ix("budapest").unwrap();
    let mut state = View::at(Month::new(2014, 10));
    state.filters.issue = Some(crate::model::IssueArea::Cybercrime);
    let frame = SceneFrame::build(&dataset, &timeline, &graph, &state);
    let faint = graph.edges.iter().enumerate().any(|(i, (edge, _, _))| {
        matches!(edge, EdgeRef::Membership(_, body) if *body == budapest)
            && frame.edges[i].visibility == Visibility::Shown
            && frame.edges[i].style.colour.a < 255
    });
    assert!(faint, "Budapest's 41 party lines are faint");
    let labels: Vec<&str> = frame
        .legend
        .statuses
        .iter()
        .map(|(label, _)| *label)
        .collect();
    assert!(labels.contains(&"Party or member"), "{labels:?}");
    assert!(labels.contains(&"Signatory"), "{labels:?}");
}

#[test]
fn the_lens_keeps_clubs_and_the_states_tied_to_them() {
    let (dataset, _) = crate::io::read_native_str(crate::SAMPLE_DATASET_JSON, "sample").unwrap();
    let timeline = Timeline::build(&dataset);
    let graph = SceneGraph::build(&dataset, &timeline);
    let mut view = View::at(Month::new(2014, 10));
    view.filters.max_members = Some(40);
    let frame = SceneFrame::build(&dataset, &timeline, &graph, &view);
    assert_eq!(
        node(&frame, &graph, &timeline, "un").visibility,
        Visibility::Hidden
    );
    assert_ne!(
        node(&frame, &graph, &timeline, "foc").visibility,
        Visibility::Hidden
    );
    for (b, &members) in frame.body_members.iter().enumerate() {
        let hidden = frame.nodes[b].visibility == Visibility::Hidden;
        assert_eq!(
            hidden,
            members > 40,
            "{}: {members} members",
            dataset.bodies[b].id
        );
    }
    let mut tied = vec![false; graph.node_count()];
    for (look, &(_, from, to)) in frame.edges.iter().zip(&graph.edges) {
        if look.visibility != Visibility::Hidden {
            tied[from] = true;
            tied[to] = true;
        }
    }
    let mut untied = 0;
    let actors = frame.nodes.iter().zip(&tied).enumerate();
    for (number, (look, &tied)) in actors.skip(graph.body_count) {
        let shown = look.visibility != Visibility::Hidden;
        assert_eq!(shown, tied, "actor {number} is shown exactly when tied");
        untied += usize::from(!shown);
    }
    assert!(
        untied > 20,
        "states only in near-universal bodies leave: {untied}"
    );
    view.filters.max_members = None;
    let everything = SceneFrame::build(&dataset, &timeline, &graph, &view);
    assert_ne!(
        node(&everything, &graph, &timeline, "un").visibility,
        Visibility::Hidden
    );
}

/// The sample's look on the map at a month, with `body` selected.
fn map_look_at(body: &str, year: i16, month: i8) -> (Dataset, MapLook) {
    let (dataset, _) = crate::io::read_native_str(crate::SAMPLE_DATASET_JSON, "sample").unwrap();
    let timeline = Timeline::build(&dataset);
    let graph = SceneGraph::build(&dataset, &timeline);
    let mut view = View::at(Month::new(year, month));
    view.selection = Some(Selection::Body(timeline.body_ix(body).unwrap()));
    let frame = SceneFrame::build(&dataset, &timeline, &graph, &view);
    let map = super::map::WorldMap::embedded().unwrap();
    let look = MapLook::build(&dataset, &timeline, &frame, &view, map);
    (dataset, look)
}

fn place_fill(look: &MapLook, iso3: &str) -> crate::style::Rgba {
    let map = super::map::WorldMap::embedded().unwrap();
    match map.countries().iter().position(|c| c.iso3() == iso3) {
        Some(i) => look.countries[i].fill,
        None => {
            let i = map
                .small_states()
                .iter()
                .position(|s| s.iso3() == iso3)
                .unwrap();
            look.small_states[i].fill
        }
    }
}

#[test]
fn the_map_fills_states_by_their_status_at_the_date() {
    use crate::model::Status;
    use crate::style::{Theme, map_land, map_status_colour};
    // Budapest: the United States signed in 2001 and ratified in 2006.
    let (_, before) = map_look_at("budapest", 2004, 1);
    assert_eq!(
        place_fill(&before, "USA"),
        map_status_colour(Status::Signatory)
    );
    assert_eq!(place_fill(&before, "BRA"), map_land(Theme::Light));
    let (dataset, after) = map_look_at("budapest", 2014, 10);
    assert_ne!(
        place_fill(&after, "USA"),
        map_status_colour(Status::Signatory)
    );
    assert_ne!(place_fill(&after, "USA"), map_land(Theme::Light));
    // Malta is too small for the outlines: a dot, filled like any member.
    assert_eq!(
        place_fill(&after, "MLT"),
        place_fill(&after, "FRA"),
        "Malta's dot and France are both in force"
    );
    // ACTA's European Union is listed beside the map.
    let (_, acta) = map_look_at("acta", 2012, 6);
    let beside: Vec<&str> = acta
        .beside
        .iter()
        .map(|b| dataset.actors[b.actor.index()].name.as_str())
        .collect();
    assert!(beside.contains(&"European Union"), "{beside:?}");
    assert!(
        acta.legend.iter().any(|(label, _)| label == "Signatory"),
        "{:?}",
        acta.legend
    );
}

#[test]
fn with_nothing_selected_the_map_shades_states_by_their_bodies() {
    let (dataset, _) = crate::io::read_native_str(crate::SAMPLE_DATASET_JSON, "sample").unwrap();
    let timeline = Timeline::build(&dataset);
    let graph = SceneGraph::build(&dataset, &timeline);
    let view = View::at(Month::new(2014, 10));
    let frame = SceneFrame::build(&dataset, &timeline, &graph, &view);
    let map = super::map::WorldMap::embedded().unwrap();
    let look = MapLook::build(&dataset, &timeline, &frame, &view, map);
    assert_eq!(look.body, None);
    let usa = map
        .countries()
        .iter()
        .position(|c| c.iso3() == "USA")
        .unwrap();
    let bra = map
        .countries()
        .iter()
        .position(|c| c.iso3() == "BRA")
        .unwrap();
    let (usa, bra) = (&look.countries[usa], &look.countries[bra]);
    assert!(
        usa.memberships > bra.memberships,
        "{} vs {}",
        usa.memberships,
        bra.memberships
    );
    assert_ne!(usa.fill, bra.fill, "more bodies, a stronger shade");
    assert_eq!(
        look.most_memberships,
        *frame.actor_memberships.iter().max().unwrap()
    );
}

#[test]
fn on_the_map_states_sit_on_their_countries_and_bodies_among_their_members() {
    use super::layout::{LayoutKind, arrange, layout_from_map};
    let (dataset, timeline, graph) = fixture();
    let force = vec![[0.0, 0.0]; graph.node_count()];
    let placed = arrange(LayoutKind::OnMap, &graph, &dataset, &force);
    let map = super::map::WorldMap::embedded().unwrap();
    let at = |id: &str| placed[graph.node_number(NodeRef::Actor(timeline.actor_ix(id).unwrap()))];
    for iso3 in ["FRA", "JPN", "AUS", "USA"] {
        let actor = dataset
            .actors
            .iter()
            .find(|a| a.iso3.as_deref() == Some(iso3))
            .unwrap();
        assert_eq!(
            at(&actor.id),
            layout_from_map(map.place(iso3).unwrap().anchor()),
            "{iso3}"
        );
    }
    // The FOC's node lies inside the box of the actors it is tied to.
    let foc = graph.node_number(NodeRef::Body(timeline.body_ix("foc").unwrap()));
    let tied: Vec<[f32; 2]> = graph
        .edges
        .iter()
        .filter_map(|&(_, a, b)| match (a == foc, b == foc) {
            (true, _) => Some(placed[b]),
            (_, true) => Some(placed[a]),
            _ => None,
        })
        .collect();
    let (xs, ys): (Vec<f32>, Vec<f32>) = tied.iter().map(|p| (p[0], p[1])).unzip();
    let inside = |v: f32, all: &[f32]| {
        v >= all.iter().copied().fold(f32::MAX, f32::min) - 1.0
            && v <= all.iter().copied().fold(f32::MIN, f32::max) + 1.0
    };
    assert!(
        inside(placed[foc][0], &xs) && inside(placed[foc][1], &ys),
        "{:?}",
        placed[foc]
    );
}
