//! The network view: egui_graphs with our own node and edge drawing.
//!
//! Positions come from the seeded layout in [`crate::scene::layout`]; egui_graphs only
//! draws, pans, zooms, drags and reports clicks. Its own layout is a no-op
//! ([`FixedLayout`]). Labels are placed and drawn by the canvas in one pass over all nodes
//! (so they can avoid each other), at fixed screen sizes, so zooming never re-rasterises
//! them at new sizes (the label pathology of `EGUI-STACK.md`).

use std::sync::Arc;

use egui::{Pos2, Shape, Vec2};
use egui_graphs::{DisplayEdge, DisplayNode, DrawContext, EdgeProps, Node, NodeProps};
use petgraph::stable_graph::{DefaultIx, IndexType};
use petgraph::{Directed, EdgeType};

use super::colour::theme_of;
use super::picture::egui_shapes;
use crate::render::shapes::{self, NodeState};
use crate::scene::{EdgeLook, NodeLook, Visibility};

/// What a node carries: its number in the scene and its look at the date.
#[derive(Clone, Debug)]
pub struct NodePayload {
    /// The node's number in [`crate::scene::SceneGraph`].
    pub number: usize,
    /// How it looks at the date.
    pub look: NodeLook,
    /// The full label.
    pub label: Arc<str>,
    /// A short label (an ISO code) shown at middle zoom, if any.
    pub short_label: Option<Arc<str>>,
}

/// What an edge carries: its look at the date.
#[derive(Clone, Copy, Debug)]
pub struct EdgePayload {
    /// How it looks at the date.
    pub look: EdgeLook,
}

/// The graph type of the network view.
pub type NetworkGraph =
    egui_graphs::Graph<NodePayload, EdgePayload, Directed, DefaultIx, NodeDisplay, EdgeDisplay>;

/// Zoom at or above which state labels are written in full.
pub const FULL_LABEL_ZOOM: f32 = 2.0;
/// Zoom at or above which states show their short code.
pub const SHORT_LABEL_ZOOM: f32 = 1.2;
/// Body labels, in points.
pub const BODY_LABEL_SIZE: f32 = 13.0;
/// State and stakeholder labels, in points.
pub const ACTOR_LABEL_SIZE: f32 = 11.0;

/// How a node is drawn.
#[derive(Clone, Debug)]
pub struct NodeDisplay {
    pos: Pos2,
    payload: NodePayload,
    hovered: bool,
    dragged: bool,
}

impl From<NodeProps<NodePayload>> for NodeDisplay {
    fn from(props: NodeProps<NodePayload>) -> Self {
        Self {
            pos: props.location(),
            payload: props.payload.clone(),
            hovered: props.hovered,
            dragged: props.dragged,
        }
    }
}

impl NodeDisplay {
    fn look(&self) -> &NodeLook {
        &self.payload.look
    }
}

impl DisplayNode<NodePayload, EdgePayload, Directed, DefaultIx> for NodeDisplay {
    fn closest_boundary_point(&self, dir: Vec2) -> Pos2 {
        self.pos + dir.normalized() * self.look().radius
    }

    fn shapes(&mut self, ctx: &DrawContext) -> Vec<Shape> {
        let palette = theme_of(ctx.ctx).palette();
        let centre = ctx.meta.canvas_to_screen_pos(self.pos);
        let radius = ctx.meta.canvas_to_screen_size(self.look().radius);
        node_screen_shapes(self.look(), centre, radius, self.hovered, &palette)
    }

    fn update(&mut self, props: &NodeProps<NodePayload>) {
        self.pos = props.location();
        self.hovered = props.hovered;
        self.dragged = props.dragged;
        if self.payload.look != props.payload.look || self.payload.number != props.payload.number {
            self.payload = props.payload.clone();
        }
    }

    fn is_inside(&self, pos: Pos2) -> bool {
        let look = self.look();
        look.visibility != Visibility::Hidden && (pos - self.pos).length() <= look.radius.max(4.0)
    }
}

/// How an edge is drawn.
#[derive(Clone, Copy, Debug)]
pub struct EdgeDisplay {
    look: EdgeLook,
}

impl From<EdgeProps<EdgePayload>> for EdgeDisplay {
    fn from(props: EdgeProps<EdgePayload>) -> Self {
        Self {
            look: props.payload.look,
        }
    }
}

impl DisplayEdge<NodePayload, EdgePayload, Directed, DefaultIx, NodeDisplay> for EdgeDisplay {
    fn shapes(
        &mut self,
        start: &Node<NodePayload, EdgePayload, Directed, DefaultIx, NodeDisplay>,
        end: &Node<NodePayload, EdgePayload, Directed, DefaultIx, NodeDisplay>,
        ctx: &DrawContext,
    ) -> Vec<Shape> {
        let look = self.look;
        if look.visibility == Visibility::Hidden {
            return Vec::new();
        }
        let from = start.location();
        let to = end.location();
        let direction = (to - from).normalized();
        if !direction.is_finite() {
            return Vec::new();
        }
        let a = ctx
            .meta
            .canvas_to_screen_pos(from + direction * start.display().look().radius);
        let b = ctx
            .meta
            .canvas_to_screen_pos(to - direction * end.display().look().radius);
        let mut picture = Vec::new();
        shapes::edge_look_shapes(
            &look,
            [a.x, a.y],
            [b.x, b.y],
            ctx.meta.zoom.clamp(0.7, 1.8),
            1.0,
            &mut picture,
        );
        let mut out = Vec::new();
        for shape in &picture {
            egui_shapes(shape, |[x, y]| Pos2::new(x, y), 1.0, &mut out);
        }
        out
    }

    fn update(&mut self, props: &EdgeProps<EdgePayload>) {
        self.look = props.payload.look;
    }

    fn is_inside(
        &self,
        _start: &Node<NodePayload, EdgePayload, Directed, DefaultIx, NodeDisplay>,
        _end: &Node<NodePayload, EdgePayload, Directed, DefaultIx, NodeDisplay>,
        _pos: Pos2,
    ) -> bool {
        false
    }
}

/// egui_graphs' layout slot, left empty: positions come from the scene's seeded layout.
#[derive(Debug, Default, Clone, serde::Serialize, serde::Deserialize)]
pub struct FixedLayoutState;

impl egui_graphs::LayoutState for FixedLayoutState {}

/// A layout that never moves anything.
#[derive(Debug, Default)]
pub struct FixedLayout;

impl egui_graphs::Layout<FixedLayoutState> for FixedLayout {
    fn from_state(_state: FixedLayoutState) -> impl egui_graphs::Layout<FixedLayoutState> {
        Self
    }

    fn next<N, E, Ty, Ix, Dn, De>(
        &mut self,
        _graph: &mut egui_graphs::Graph<N, E, Ty, Ix, Dn, De>,
        _ui: &egui::Ui,
    ) where
        N: Clone,
        E: Clone,
        Ty: EdgeType,
        Ix: IndexType,
        Dn: DisplayNode<N, E, Ty, Ix>,
        De: DisplayEdge<N, E, Ty, Ix, Dn>,
    {
    }

    fn state(&self) -> FixedLayoutState {
        FixedLayoutState
    }
}

/// The network view type.
pub type NetworkView = egui_graphs::GraphView<FixedLayoutState, FixedLayout>;

/// The screen shapes of a node with `look` at `centre` (screen points), `radius` points:
/// the shapes [`shapes::node_shapes`] makes for the pictures too, at scale 1.
pub fn node_screen_shapes(
    look: &NodeLook,
    centre: Pos2,
    radius: f32,
    hovered: bool,
    palette: &crate::style::Palette,
) -> Vec<Shape> {
    let mut picture = Vec::new();
    shapes::node_shapes(
        look,
        [centre.x, centre.y],
        radius.max(shapes::MIN_NODE_RADIUS),
        NodeState { hovered },
        palette,
        1.0,
        &mut picture,
    );
    let mut out = Vec::with_capacity(picture.len());
    for shape in &picture {
        egui_shapes(shape, |[x, y]| Pos2::new(x, y), 1.0, &mut out);
    }
    out
}
