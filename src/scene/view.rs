//! The view value: everything that decides what the network looks like, as one small
//! `Clone + PartialEq` value. The scene, the canvas, the pictures, sequences and previews are
//! functions of (document, view, request); a cache keyed on the view is stale exactly when
//! the view is `!=` the one it was built for.

use std::collections::BTreeSet;

use crate::model::{
    Body, Dataset, IssueArea, Law, Level, Month, Slide, SlideCamera, SlideFilters, SlideSelection,
    SlideView,
};
use crate::style::{BodyColouring, NodeKind, Theme};
use crate::timeline::{ActorIx, BodyIx, Timeline};

use super::graph::NodeRef;
use super::layout::LayoutKind;

/// The selected node.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Selection {
    /// A forum or instrument.
    Body(BodyIx),
    /// A state or stakeholder.
    Actor(ActorIx),
}

impl Selection {
    /// The selected node.
    pub fn node(self) -> NodeRef {
        match self {
            Self::Body(body) => NodeRef::Body(body),
            Self::Actor(actor) => NodeRef::Actor(actor),
        }
    }

    /// The selection of a node.
    pub fn of_node(node: NodeRef) -> Self {
        match node {
            NodeRef::Body(body) => Self::Body(body),
            NodeRef::Actor(actor) => Self::Actor(actor),
        }
    }
}

/// What happens to actors with no membership (at the level) at the date.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum NonMembers {
    /// Drawn faint, so the map stays whole.
    #[default]
    Fade,
    /// Not drawn at all.
    Hide,
}

/// Which memberships are drawn.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ChangeMode {
    /// Every membership at the date.
    #[default]
    Cumulative,
    /// Only the memberships that began or ended since the previous step.
    ChangesOnly,
}

/// Which nodes are shown.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filters {
    /// Node kinds the user switched off.
    pub hidden_kinds: BTreeSet<NodeKind>,
    /// Only bodies working on this issue area (and the actors in them).
    pub issue: Option<IssueArea>,
    /// Only bodies of this kind of law.
    pub law: Option<Law>,
    /// Only actors from this region.
    pub region: Option<String>,
    /// What happens to actors with no membership at the date.
    pub non_members: NonMembers,
    /// The minilateral lens: only bodies with at most this many members at the date (and
    /// the actors tied to them); `None` shows bodies of every size.
    pub max_members: Option<u32>,
}

impl Filters {
    /// Whether nodes of this kind are shown.
    pub fn shows_kind(&self, kind: NodeKind) -> bool {
        !self.hidden_kinds.contains(&kind)
    }

    /// Whether a body passes the filters that do not depend on the date (its kind, issue
    /// area and law); the lens, which counts members at the date, is applied by
    /// [`super::SceneFrame`].
    pub fn shows_body(&self, body: &Body) -> bool {
        self.shows_kind(NodeKind::of_body(body.kind))
            && self.issue.is_none_or(|issue| body.issues.contains(&issue))
            && self.law.is_none_or(|law| body.law == law)
    }

    /// Whether any filter narrows what is shown (the non-member mode aside).
    pub fn is_narrowing(&self) -> bool {
        !self.hidden_kinds.is_empty()
            || self.issue.is_some()
            || self.law.is_some()
            || self.region.is_some()
            || self.max_members.is_some()
    }
}

/// Which view of the data is shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ViewKind {
    /// States, forums and instruments as a network.
    #[default]
    Network,
    /// The world map of accession.
    Map,
    /// Bodies only, tied when they share members: the coalition network.
    Coalitions,
    /// Actors × bodies, each cell the status at the date: the accessible alternative to
    /// the graph.
    Table,
}

impl ViewKind {
    /// Every view, in menu order.
    pub const ALL: [Self; 4] = [Self::Network, Self::Map, Self::Coalitions, Self::Table];

    /// The view a slide names.
    pub fn of_slide(view: SlideView) -> Self {
        match view {
            SlideView::Network => Self::Network,
            SlideView::Map => Self::Map,
            SlideView::Coalitions => Self::Coalitions,
            SlideView::Table => Self::Table,
        }
    }

    /// The word a slide stores.
    pub fn slide_view(self) -> SlideView {
        match self {
            Self::Network => SlideView::Network,
            Self::Map => SlideView::Map,
            Self::Coalitions => SlideView::Coalitions,
            Self::Table => SlideView::Table,
        }
    }

    /// The menu label.
    pub fn label(self) -> &'static str {
        match self {
            Self::Network => "Network",
            Self::Map => "Map",
            Self::Coalitions => "Coalitions",
            Self::Table => "Table",
        }
    }
}

/// What the user is looking at: everything the scene and the pictures read.
#[derive(Clone, Debug, PartialEq)]
pub struct View {
    /// Which view: the network, the map, …
    pub kind: ViewKind,
    /// The month shown.
    pub date: Month,
    /// The month before the last move: members who joined between the two are ringed.
    pub previous_date: Month,
    /// What counts as membership.
    pub level: Level,
    /// The selected node.
    pub selection: Option<Selection>,
    /// Which nodes are shown.
    pub filters: Filters,
    /// Every membership, or only changes.
    pub change_mode: ChangeMode,
    /// What a body's colour says.
    pub body_colouring: BodyColouring,
    /// How the nodes are arranged.
    pub layout: LayoutKind,
    /// Light or dark colours.
    pub theme: Theme,
    /// The coalition network ties two bodies only when they are at least this alike (shared
    /// members over members of either, in percent), so that a universal body does not tie
    /// every club to the centre.
    pub tie_threshold_percent: u8,
}

/// The coalition network's tie threshold a view starts with, in percent: high enough that a
/// universal body (about 190 members) is not tied to every club of twenty, low enough to tie
/// a club to the larger bodies most of its members are in.
pub const DEFAULT_TIE_THRESHOLD_PERCENT: u8 = 20;

impl View {
    /// The view of a month with everything else at its default: party level, nothing
    /// selected, no filters, the force layout, the light theme.
    pub fn at(date: Month) -> Self {
        Self {
            kind: ViewKind::default(),
            date,
            previous_date: date,
            level: Level::default(),
            selection: None,
            filters: Filters::default(),
            change_mode: ChangeMode::default(),
            body_colouring: BodyColouring::default(),
            layout: LayoutKind::default(),
            theme: Theme::default(),
            tie_threshold_percent: DEFAULT_TIE_THRESHOLD_PERCENT,
        }
    }

    /// Whether the date moved forward at the last move: only then are joins highlighted.
    pub fn moved_forward(&self) -> bool {
        self.previous_date < self.date
    }

    /// The same view at another month, with `previous` as the step before it.
    pub fn stepped(&self, previous: Month, date: Month) -> Self {
        Self {
            date,
            previous_date: previous,
            ..self.clone()
        }
    }

    /// What `slide` shows, over `base`: the slide sets the view, date, level, selection,
    /// colouring and filters; the theme, the arrangement and the coalition threshold stay
    /// the user's. A selection of an id the dataset does not have selects nothing.
    pub fn of_slide(slide: &Slide, timeline: &Timeline, base: &View) -> Self {
        let selection = slide
            .selection
            .as_ref()
            .and_then(|selection| match selection {
                SlideSelection::Body(id) => timeline.body_ix(id).map(Selection::Body),
                SlideSelection::Actor(id) => timeline.actor_ix(id).map(Selection::Actor),
            });
        let filters = &slide.filters;
        Self {
            kind: ViewKind::of_slide(slide.view),
            date: slide.date,
            previous_date: slide.date,
            level: slide.level,
            selection,
            filters: Filters {
                hidden_kinds: filters.hidden_kinds.iter().copied().collect(),
                issue: filters.issue,
                law: filters.law,
                region: filters.region.clone(),
                non_members: if filters.hide_non_members {
                    NonMembers::Hide
                } else {
                    NonMembers::Fade
                },
                max_members: filters.max_members,
            },
            change_mode: ChangeMode::Cumulative,
            body_colouring: slide.colouring,
            ..base.clone()
        }
    }

    /// This view as a slide of `dataset` (the selection by id), with its words and camera.
    pub fn to_slide(
        &self,
        dataset: &Dataset,
        title: String,
        caption: String,
        camera: Option<SlideCamera>,
    ) -> Slide {
        let selection = self.selection.and_then(|selection| match selection {
            Selection::Body(body) => dataset
                .bodies
                .get(body.index())
                .map(|body| SlideSelection::Body(body.id.clone())),
            Selection::Actor(actor) => dataset
                .actors
                .get(actor.index())
                .map(|actor| SlideSelection::Actor(actor.id.clone())),
        });
        let filters = &self.filters;
        Slide {
            title,
            caption,
            view: self.kind.slide_view(),
            date: self.date,
            level: self.level,
            selection,
            colouring: self.body_colouring,
            filters: SlideFilters {
                hidden_kinds: filters.hidden_kinds.iter().copied().collect(),
                issue: filters.issue,
                law: filters.law,
                region: filters.region.clone(),
                hide_non_members: filters.non_members == NonMembers::Hide,
                max_members: filters.max_members,
            },
            camera,
        }
    }

    /// The same view in another theme.
    pub fn with_theme(&self, theme: Theme) -> Self {
        Self {
            theme,
            ..self.clone()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_view_at_a_month_shows_that_month_and_did_not_move() {
        let view = View::at(Month::new(2014, 10));
        assert_eq!(view.date, Month::new(2014, 10));
        assert!(!view.moved_forward());
        let stepped = view.stepped(Month::new(2013, 10), Month::new(2014, 10));
        assert!(stepped.moved_forward());
        assert_ne!(stepped, view, "the previous date is part of the view");
        assert_eq!(view.with_theme(Theme::Dark).theme, Theme::Dark);
    }

    #[test]
    fn a_view_becomes_a_slide_and_back() {
        let text = include_str!("../../tests/fixtures/ui/small.json");
        let (dataset, _) = crate::io::read_native_str(text, "small.json").expect("the fixture");
        let timeline = Timeline::build(&dataset);
        let mut view = View::at(Month::new(2012, 3));
        view.kind = ViewKind::Map;
        view.level = Level::Signatory;
        view.selection = Some(Selection::Body(BodyIx(1)));
        view.body_colouring = BodyColouring::Law;
        view.filters.hidden_kinds.insert(NodeKind::Stakeholder);
        view.filters.max_members = Some(12);
        view.filters.non_members = NonMembers::Hide;
        view.theme = Theme::Dark;
        let slide = view.to_slide(&dataset, "Title".into(), String::new(), None);
        assert_eq!(
            slide.selection,
            Some(SlideSelection::Body(dataset.bodies[1].id.clone()))
        );
        let back = View::of_slide(&slide, &timeline, &View::at(Month::new(1999, 1)));
        assert_eq!(back.theme, Theme::Light, "the theme stays the user's");
        assert_eq!(back.with_theme(Theme::Dark), view);

        let mut missing = slide.clone();
        missing.selection = Some(SlideSelection::Actor("nobody".into()));
        let shown = View::of_slide(&missing, &timeline, &view);
        assert_eq!(shown.selection, None);
    }

    #[test]
    fn selections_map_to_nodes_and_back() {
        for selection in [Selection::Body(BodyIx(2)), Selection::Actor(ActorIx(7))] {
            assert_eq!(Selection::of_node(selection.node()), selection);
        }
    }
}
