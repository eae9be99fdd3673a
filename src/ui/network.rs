//! The network view: egui_graphs with our own node and edge drawing.
//!
//! Positions come from the seeded layout in [`crate::scene::layout`]; egui_graphs only
//! draws, pans, zooms, drags and reports clicks. Its own layout is a no-op
//! ([`FixedLayout`]). Labels are placed and drawn by the canvas in one pass over all nodes
//! (so they can avoid each other), at fixed screen sizes, so zooming never re-rasterises
//! them at new sizes (the label pathology of `EGUI-STACK.md`).

use std::sync::Arc;

use egui::{Color32, Pos2, Shape, Stroke, Vec2};
use egui_graphs::{DisplayEdge, DisplayNode, DrawContext, EdgeProps, Node, NodeProps};
use petgraph::stable_graph::{DefaultIx, IndexType};
use petgraph::{Directed, EdgeType};

use super::colour::{color32, theme_of};
use crate::scene::{EdgeLook, NodeLook, Ring, Visibility};
use crate::style::{self, Dash, FADED_ALPHA, NodeShape};

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
        let look = *self.look();
        if look.visibility == Visibility::Hidden {
            return Vec::new();
        }
        let palette = theme_of(ctx.ctx).palette();
        let centre = ctx.meta.canvas_to_screen_pos(self.pos);
        let radius = ctx.meta.canvas_to_screen_size(look.radius).max(2.5);
        let faded = look.visibility == Visibility::Faded && !self.hovered;
        let alpha = if faded { FADED_ALPHA } else { 255 };
        let fill = color32(look.fill.with_alpha(alpha));
        let outline = Stroke::new(1.2, color32(palette.outline.with_alpha(alpha)));
        let mut shapes = Vec::with_capacity(4);
        let ring = match (look.ring, faded) {
            (Some(Ring::Selected), _) => Some((palette.selection, 2.5)),
            (Some(Ring::Joined), false) => Some((palette.joined, 3.0)),
            (Some(Ring::Left), false) => Some((palette.left, 3.0)),
            _ if self.hovered => Some((palette.muted, 1.5)),
            _ => None,
        };
        if let Some((colour, width)) = ring {
            shapes.push(Shape::circle_stroke(
                centre,
                radius * 1.25 + 3.0,
                Stroke::new(width, color32(colour)),
            ));
        }
        match look.kind.shape() {
            NodeShape::Circle => shapes.push(Shape::circle_filled(centre, radius, fill)),
            shape => {
                let points = shape
                    .unit_outline()
                    .into_iter()
                    .map(|[x, y]| centre + Vec2::new(x, y) * radius)
                    .collect();
                shapes.push(Shape::convex_polygon(points, fill, Stroke::NONE));
            }
        }
        match look.kind.shape() {
            NodeShape::Circle => shapes.push(Shape::circle_stroke(centre, radius, outline)),
            shape => {
                let points: Vec<Pos2> = shape
                    .unit_outline()
                    .into_iter()
                    .map(|[x, y]| centre + Vec2::new(x, y) * radius)
                    .collect();
                shapes.push(Shape::closed_line(points, outline));
            }
        }
        shapes
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
        let alpha = match look.visibility {
            Visibility::Faded => FADED_ALPHA / 2,
            _ => look.style.colour.a,
        };
        let colour: Color32 = color32(look.style.colour.with_alpha(alpha));
        let width = look.style.width * ctx.meta.zoom.clamp(0.7, 1.8);
        let stroke = Stroke::new(width, colour);
        let mut shapes = Vec::new();
        match look.style.dash {
            Dash::Solid => shapes.push(Shape::line_segment([a, b], stroke)),
            Dash::Dashed => shapes.extend(Shape::dashed_line(&[a, b], stroke, 6.0, 4.0)),
            Dash::Dotted => {
                shapes.extend(Shape::dotted_line(&[a, b], colour, 4.0, width * 0.7));
            }
        }
        if look.style.arrow {
            let size = 7.0 + width * 2.0;
            let back = b - direction * size;
            let side = Vec2::new(-direction.y, direction.x) * size * 0.45;
            shapes.push(Shape::convex_polygon(
                vec![b, back + side, back - side],
                colour,
                Stroke::NONE,
            ));
        }
        shapes
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

/// Draws a small sample of a node shape (for the legend).
pub fn shape_sample(
    painter: &egui::Painter,
    centre: Pos2,
    radius: f32,
    shape: NodeShape,
    fill: Color32,
    outline: Stroke,
) {
    match shape {
        NodeShape::Circle => {
            painter.circle(centre, radius, fill, outline);
        }
        shape => {
            let points = shape
                .unit_outline()
                .into_iter()
                .map(|[x, y]| centre + Vec2::new(x, y) * radius)
                .collect();
            painter.add(Shape::convex_polygon(points, fill, outline));
        }
    }
}

/// Draws a sample of an edge style (for the legend).
pub fn edge_sample(painter: &egui::Painter, a: Pos2, b: Pos2, style: &style::EdgeStyle) {
    let colour = color32(style.colour);
    let stroke = Stroke::new(style.width.max(1.0) * 1.2, colour);
    match style.dash {
        Dash::Solid => {
            painter.line_segment([a, b], stroke);
        }
        Dash::Dashed => {
            painter.extend(Shape::dashed_line(&[a, b], stroke, 5.0, 3.0));
        }
        Dash::Dotted => {
            painter.extend(Shape::dotted_line(&[a, b], colour, 4.0, stroke.width * 0.7));
        }
    }
    if style.arrow {
        let direction = (b - a).normalized();
        let back = b - direction * 7.0;
        let side = Vec2::new(-direction.y, direction.x) * 3.5;
        painter.add(Shape::convex_polygon(
            vec![b, back + side, back - side],
            colour,
            Stroke::NONE,
        ));
    }
}
