//! How the network looks at one date: for every node and edge, whether it is shown, faded
//! or hidden, its colour, size, ring and label rule; and the legend of exactly that.

use std::collections::BTreeSet;

use crate::model::{Dataset, IssueArea, Law, Status, Word};
use crate::style::{self, BodyColouring, EdgeStyle, LEGEND_STATUSES, NodeKind, Rgba};
use crate::timeline::{ActorIx, BodyIx, Shared, Timeline, shared_with};

use super::graph::{EdgeRef, SceneGraph};
use super::view::{ChangeMode, NonMembers, Selection, View};

/// Whether something is drawn.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Visibility {
    /// Drawn normally.
    #[default]
    Shown,
    /// Drawn faint (outside the selection's neighbourhood, or not a member at the date).
    Faded,
    /// Not drawn.
    Hidden,
}

/// A ring drawn around a node whose membership changed since the previous step.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Ring {
    /// Joined something since the previous step.
    Joined,
    /// Left something since the previous step.
    Left,
    /// The selected node.
    Selected,
}

/// When a node's label is drawn.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum LabelRule {
    /// Always.
    #[default]
    Always,
    /// Only when zoomed in far enough, or when hovered.
    WhenZoomedIn,
}

/// How one node looks at the date.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NodeLook {
    /// Its kind (and so its shape).
    pub kind: NodeKind,
    /// Fill colour.
    pub fill: Rgba,
    /// Radius in layout units.
    pub radius: f32,
    /// Shown, faded or hidden.
    pub visibility: Visibility,
    /// A ring, if any.
    pub ring: Option<Ring>,
    /// When the label is drawn.
    pub label: LabelRule,
}

/// How one edge looks at the date.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct EdgeLook {
    /// Colour, width and dash.
    pub style: EdgeStyle,
    /// Shown, faded or hidden.
    pub visibility: Visibility,
}

/// What the legend explains: exactly what is drawn.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Legend {
    /// Node kinds with at least one visible node.
    pub kinds: Vec<NodeKind>,
    /// What body colours say: issue areas or laws present, with their colours.
    pub body_colours: Vec<(&'static str, Rgba)>,
    /// Regions of visible states, with their colours.
    pub regions: Vec<(String, Rgba)>,
    /// Membership statuses drawn, with their styles.
    pub statuses: Vec<(&'static str, EdgeStyle)>,
    /// Relation kinds drawn, with their styles.
    pub relations: Vec<(&'static str, EdgeStyle)>,
    /// Whether any node has a "joined" ring.
    pub joined: bool,
    /// Whether any node has a "left" ring.
    pub left: bool,
}

/// The whole look of the network at one date.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SceneFrame {
    /// Indexed by node number (see [`SceneGraph::node_number`]).
    pub nodes: Vec<NodeLook>,
    /// Indexed like [`SceneGraph::edges`].
    pub edges: Vec<EdgeLook>,
    /// Member count of every body at the date and level.
    pub body_members: Vec<u32>,
    /// Number of counting memberships of every actor at the date and level.
    pub actor_memberships: Vec<u32>,
    /// Actors that joined a shown body since the previous step.
    pub joined: BTreeSet<ActorIx>,
    /// Actors that left a shown body since the previous step.
    pub left: BTreeSet<ActorIx>,
    /// The legend.
    pub legend: Legend,
    /// The bodies sharing members with the selected body, most alike first (empty when no
    /// body is selected): the inspector's overlap list, computed once per view.
    pub overlap: Vec<Shared>,
}

/// Neighbours of a selection get their labels always, up to this many.
const MAX_ALWAYS_LABELLED_NEIGHBOURS: usize = 40;

impl SceneFrame {
    /// Computes the look of the network in a view.
    pub fn build(dataset: &Dataset, timeline: &Timeline, graph: &SceneGraph, view: &View) -> Self {
        let theme = view.theme;
        let date = view.date.end();
        let before = view.previous_date.end();
        let level = view.level;
        let filters = &view.filters;

        let body_members = timeline.counts_at(date, level);
        // Which bodies pass the filters (the minilateral lens counts members at the date).
        let body_passes: Vec<bool> = dataset
            .bodies
            .iter()
            .enumerate()
            .map(|(b, body)| {
                filters.shows_body(body)
                    && filters
                        .max_members
                        .is_none_or(|most| body_members.get(b).copied().unwrap_or(0) <= most)
            })
            .collect();
        let actor_passes: Vec<bool> = dataset
            .actors
            .iter()
            .map(|actor| {
                filters.shows_kind(NodeKind::of_actor(actor.kind))
                    && filters.region.as_deref().is_none_or(|region| {
                        actor
                            .region
                            .as_deref()
                            .is_some_and(|own| own.eq_ignore_ascii_case(region))
                    })
            })
            .collect();

        // Standings at the date, per membership edge.
        let mut standing: std::collections::HashMap<(ActorIx, BodyIx), Status> =
            std::collections::HashMap::new();
        let mut actor_memberships = vec![0_u32; dataset.actors.len()];
        let mut joined = BTreeSet::new();
        let mut left = BTreeSet::new();
        let mut changed_pairs: BTreeSet<(ActorIx, BodyIx)> = BTreeSet::new();
        for (b, passes) in body_passes.iter().enumerate() {
            let body = BodyIx(b as u32);
            for membership in timeline.standings_in(body, date) {
                standing.insert((membership.actor, body), membership.status);
                if *passes
                    && membership.status.counts_at(level)
                    && let Some(count) = actor_memberships.get_mut(membership.actor.index())
                {
                    *count += 1;
                }
            }
            if *passes && view.moved_forward() {
                let (new, gone) = timeline.changes_between(body, before, date, level);
                for actor in new {
                    joined.insert(actor);
                    changed_pairs.insert((actor, body));
                }
                for actor in gone {
                    left.insert(actor);
                    changed_pairs.insert((actor, body));
                }
            }
        }

        // Base looks.
        let mut nodes: Vec<NodeLook> = Vec::with_capacity(graph.node_count());
        for (b, body) in dataset.bodies.iter().enumerate() {
            let members = body_members.get(b).copied().unwrap_or(0);
            let started = timeline
                .body_event_span(BodyIx(b as u32), date)
                .is_some_and(|(first, _)| first.start() <= date);
            nodes.push(NodeLook {
                kind: NodeKind::of_body(body.kind),
                fill: style::body_colour(&body.issues, body.law, view.body_colouring),
                radius: style::body_radius(members),
                visibility: if !body_passes[b] {
                    Visibility::Hidden
                } else if members == 0 && !started {
                    Visibility::Faded
                } else {
                    Visibility::Shown
                },
                ring: None,
                label: LabelRule::Always,
            });
        }
        for (a, actor) in dataset.actors.iter().enumerate() {
            let memberships = actor_memberships[a];
            let ix = ActorIx(a as u32);
            let visibility = if !actor_passes[a] {
                Visibility::Hidden
            } else if memberships == 0 && !left.contains(&ix) {
                match filters.non_members {
                    NonMembers::Fade => Visibility::Faded,
                    NonMembers::Hide => Visibility::Hidden,
                }
            } else {
                Visibility::Shown
            };
            nodes.push(NodeLook {
                kind: NodeKind::of_actor(actor.kind),
                fill: style::actor_colour(actor.kind, actor.region.as_deref()),
                radius: style::actor_radius(memberships),
                visibility,
                ring: if joined.contains(&ix) {
                    Some(Ring::Joined)
                } else if left.contains(&ix) {
                    Some(Ring::Left)
                } else {
                    None
                },
                label: LabelRule::WhenZoomedIn,
            });
        }

        // Edges at the date.
        let mut edges: Vec<EdgeLook> = Vec::with_capacity(graph.edges.len());
        for &(edge, from, to) in &graph.edges {
            let hidden_end = nodes
                .get(from)
                .is_none_or(|n| n.visibility == Visibility::Hidden)
                || nodes
                    .get(to)
                    .is_none_or(|n| n.visibility == Visibility::Hidden);
            let look = match edge {
                EdgeRef::Membership(actor, body) => match standing.get(&(actor, body)) {
                    Some(&status) => {
                        let changed = changed_pairs.contains(&(actor, body));
                        let mut style = style::membership_style(status, theme);
                        if changed {
                            let palette = theme.palette();
                            style.colour = if status.counts_at(level) {
                                palette.joined
                            } else {
                                palette.left
                            };
                            style.width *= 1.8;
                        } else if view.selection.is_none() {
                            let members = body_members.get(body.index()).copied().unwrap_or(0);
                            style.colour =
                                style.colour.with_alpha(style::membership_opacity(members));
                        }
                        let visibility = if view.change_mode == ChangeMode::ChangesOnly && !changed
                        {
                            Visibility::Hidden
                        } else {
                            Visibility::Shown
                        };
                        EdgeLook { style, visibility }
                    }
                    None => EdgeLook {
                        style: style::membership_style(Status::Party, theme),
                        visibility: Visibility::Hidden,
                    },
                },
                EdgeRef::Relation(i) => EdgeLook {
                    style: dataset
                        .relations
                        .get(i)
                        .map(|r| style::relation_style(r.kind, theme))
                        .unwrap_or_else(|| style::membership_style(Status::Party, theme)),
                    visibility: Visibility::Shown,
                },
            };
            edges.push(EdgeLook {
                visibility: if hidden_end {
                    Visibility::Hidden
                } else {
                    look.visibility
                },
                ..look
            });
        }

        // The lens hides the actors it leaves untied: no drawn line to a body it keeps.
        if filters.max_members.is_some() {
            let mut tied = vec![false; nodes.len()];
            for (look, &(_, from, to)) in edges.iter().zip(&graph.edges) {
                if look.visibility != Visibility::Hidden {
                    for end in [from, to] {
                        if let Some(flag) = tied.get_mut(end) {
                            *flag = true;
                        }
                    }
                }
            }
            for (look, tied) in nodes.iter_mut().zip(tied).skip(graph.body_count) {
                if !tied {
                    look.visibility = Visibility::Hidden;
                }
            }
        }

        // In "changes only" mode, actors that did not change are faded.
        if view.change_mode == ChangeMode::ChangesOnly {
            for (a, look) in nodes.iter_mut().skip(graph.body_count).enumerate() {
                let ix = ActorIx(a as u32);
                if look.visibility == Visibility::Shown
                    && !joined.contains(&ix)
                    && !left.contains(&ix)
                {
                    look.visibility = Visibility::Faded;
                }
            }
        }

        let mut frame = Self {
            nodes,
            edges,
            body_members,
            actor_memberships,
            joined,
            left,
            legend: Legend::default(),
            overlap: match view.selection {
                Some(Selection::Body(body)) => shared_with(timeline, body, date, level),
                _ => Vec::new(),
            },
        };
        if let Some(selection) = view.selection {
            frame.highlight(graph, selection);
        }
        frame.legend = frame.legend_of(dataset, graph, view);
        frame
    }

    /// Highlights the selection and its neighbours at the date; everything else is faded.
    fn highlight(&mut self, graph: &SceneGraph, selection: Selection) {
        let selected = graph.node_number(selection.node());
        if self
            .nodes
            .get(selected)
            .is_none_or(|n| n.visibility == Visibility::Hidden)
        {
            return;
        }
        let mut neighbours = BTreeSet::new();
        for (i, &(_, from, to)) in graph.edges.iter().enumerate() {
            if self.edges[i].visibility == Visibility::Hidden {
                continue;
            }
            if from == selected || to == selected {
                neighbours.insert(if from == selected { to } else { from });
            } else {
                self.edges[i].visibility = Visibility::Faded;
            }
        }
        let label_neighbours = neighbours.len() <= MAX_ALWAYS_LABELLED_NEIGHBOURS;
        for (i, look) in self.nodes.iter_mut().enumerate() {
            if look.visibility == Visibility::Hidden {
                continue;
            }
            if i == selected {
                look.visibility = Visibility::Shown;
                look.ring = Some(Ring::Selected);
                look.label = LabelRule::Always;
            } else if neighbours.contains(&i) {
                look.visibility = Visibility::Shown;
                if label_neighbours {
                    look.label = LabelRule::Always;
                }
            } else {
                look.visibility = Visibility::Faded;
            }
        }
    }

    /// The legend of exactly what this frame draws. [`SceneFrame::build`] fills
    /// [`SceneFrame::legend`] with it; a caller that hides more nodes afterwards (the picture
    /// exporter's focus on a few bodies) calls it again.
    pub fn legend_of(&self, dataset: &Dataset, graph: &SceneGraph, view: &View) -> Legend {
        let theme = view.theme;
        let visible = |number: usize| {
            self.nodes
                .get(number)
                .is_some_and(|n| n.visibility != Visibility::Hidden)
        };
        let kinds: BTreeSet<NodeKind> = self
            .nodes
            .iter()
            .filter(|n| n.visibility != Visibility::Hidden)
            .map(|n| n.kind)
            .collect();
        let mut issues: BTreeSet<IssueArea> = BTreeSet::new();
        let mut laws: BTreeSet<Law> = BTreeSet::new();
        let mut no_issue = false;
        for (b, body) in dataset.bodies.iter().enumerate() {
            if !visible(b) {
                continue;
            }
            match body.issues.first() {
                Some(&issue) => {
                    issues.insert(issue);
                }
                None => no_issue = true,
            }
            laws.insert(body.law);
        }
        let mut body_colours: Vec<(&'static str, Rgba)> = match view.body_colouring {
            BodyColouring::IssueArea => issues
                .iter()
                .map(|&issue| (issue.label(), style::issue_colour(issue)))
                .collect(),
            BodyColouring::Law => laws
                .iter()
                .map(|&law| (law.label(), style::law_colour(law)))
                .collect(),
        };
        if no_issue && view.body_colouring == BodyColouring::IssueArea {
            body_colours.push(("No issue area given", style::NO_ISSUE_COLOUR));
        }
        let mut regions: BTreeSet<String> = BTreeSet::new();
        let mut unknown_region = false;
        for (a, actor) in dataset.actors.iter().enumerate() {
            if !visible(graph.body_count + a) || NodeKind::of_actor(actor.kind) != NodeKind::State {
                continue;
            }
            let colour = style::region_colour(actor.region.as_deref());
            match actor.region.as_deref() {
                Some(region) if colour != style::NO_REGION_COLOUR => {
                    regions.insert(region.trim().to_owned());
                }
                _ => unknown_region = true,
            }
        }
        let mut regions: Vec<(String, Rgba)> = regions
            .into_iter()
            .map(|region| {
                let colour = style::region_colour(Some(&region));
                (region, colour)
            })
            .collect();
        if unknown_region {
            regions.push(("Other or unknown region".into(), style::NO_REGION_COLOUR));
        }
        let mut statuses_drawn: BTreeSet<usize> = BTreeSet::new();
        let mut relations_drawn = BTreeSet::new();
        for (i, &(edge, _, _)) in graph.edges.iter().enumerate() {
            if self.edges[i].visibility == Visibility::Hidden {
                continue;
            }
            match edge {
                EdgeRef::Membership(..) => {
                    let style = self.edges[i].style;
                    // Lines of large bodies are drawn fainter: compare the colour only.
                    let opaque = style.colour.with_alpha(255);
                    if let Some(slot) = LEGEND_STATUSES.iter().position(|&(status, _)| {
                        let drawn = style::membership_style(status, theme);
                        drawn.dash == style.dash && drawn.colour.with_alpha(255) == opaque
                    }) {
                        statuses_drawn.insert(slot);
                    }
                }
                EdgeRef::Relation(r) => {
                    if let Some(relation) = dataset.relations.get(r) {
                        relations_drawn.insert(relation.kind);
                    }
                }
            }
        }
        Legend {
            kinds: NodeKind::ALL
                .iter()
                .copied()
                .filter(|kind| kinds.contains(kind))
                .collect(),
            body_colours,
            regions,
            statuses: statuses_drawn
                .into_iter()
                .map(|slot| {
                    let (status, label) = LEGEND_STATUSES[slot];
                    (label, style::membership_style(status, theme))
                })
                .collect(),
            relations: relations_drawn
                .into_iter()
                .map(|kind| {
                    (
                        style::relation_label(kind),
                        style::relation_style(kind, theme),
                    )
                })
                .collect(),
            joined: !self.joined.is_empty(),
            left: !self.left.is_empty(),
        }
    }
}
