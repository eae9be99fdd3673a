//! The network view: egui_graphs with our own node and edge drawing.
//!
//! Positions come from the seeded layout in [`crate::scene::layout`]; egui_graphs only
//! draws, pans, zooms, drags and reports clicks. Its own layout is a no-op
//! ([`FixedLayout`]). Labels are placed and drawn by the canvas in one pass over all nodes
//! (so they can avoid each other), at fixed screen sizes, so zooming never re-rasterises
//! them at new sizes (the label pathology of `EGUI-STACK.md`).

use egui::{Pos2, Shape, Vec2};
use egui_graphs::{DisplayEdge, DisplayNode, DrawContext, EdgeProps, Node, NodeProps};
use petgraph::stable_graph::{DefaultIx, IndexType, NodeIndex};
use petgraph::{Directed, EdgeType};

use super::picture::egui_shapes;
use crate::render::shapes::{self, NodeState};
use crate::render::{LineDash, Shape as PictureShape};
use crate::scene::{EdgeLook, NodeLook, Visibility};

/// What a node carries: its number in the scene and its look at the date (small and
/// plain: egui_graphs copies every node's payload each frame). Its labels are the
/// document's ([`crate::document::Document::node_label`]).
#[derive(Clone, Copy, Debug)]
pub struct NodePayload {
    /// The node's number in [`crate::scene::SceneGraph`].
    pub number: usize,
    /// How it looks at the date.
    pub look: NodeLook,
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
            payload: props.payload,
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

    /// Nothing: the nodes are drawn in one mesh ([`nodes_mesh`]).
    fn shapes(&mut self, _ctx: &DrawContext) -> Vec<Shape> {
        Vec::new()
    }

    fn update(&mut self, props: &NodeProps<NodePayload>) {
        self.pos = props.location();
        self.hovered = props.hovered;
        self.dragged = props.dragged;
        self.payload = props.payload;
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
    /// Nothing: the network's graph holds no edges, they are drawn in one mesh
    /// ([`edges_mesh`]).
    fn shapes(
        &mut self,
        _start: &Node<NodePayload, EdgePayload, Directed, DefaultIx, NodeDisplay>,
        _end: &Node<NodePayload, EdgePayload, Directed, DefaultIx, NodeDisplay>,
        _ctx: &DrawContext,
    ) -> Vec<Shape> {
        Vec::new()
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

/// Above this many edges on screen, edges are drawn without their arrow heads, dashes and
/// dots (each a plain line): details nobody can tell apart in such a crowd, and the cost
/// of a frame stays flat.
pub const DETAILED_EDGES_MAX: usize = 6_000;

/// Every visible edge of the network that crosses `clip` as one triangle mesh (egui then
/// tessellates nothing): anti-aliased lines, dashes and dots, arrow heads, each in the
/// colour and width [`shapes::edge_look_shapes`] gives the pictures. `screen_of` turns a
/// graph position into a screen position; `zoom` is screen points per graph unit. The mesh
/// is written into `mesh` (emptied first, its memory reused).
#[expect(
    clippy::too_many_arguments,
    reason = "the edges, where they go, and the mesh"
)]
pub fn edges_mesh(
    graph: &NetworkGraph,
    edges: &[(crate::scene::EdgeRef, usize, usize)],
    looks: &[EdgeLook],
    screen_of: impl Fn(Pos2) -> Pos2,
    zoom: f32,
    clip: egui::Rect,
    pixels_per_point: f32,
    mesh: &mut egui::Mesh,
) {
    mesh.clear();
    let mut segments: Vec<(Pos2, Pos2, &EdgeLook)> = Vec::new();
    for (&(_, from, to), look) in edges.iter().zip(looks) {
        if look.visibility == Visibility::Hidden {
            continue;
        }
        let (Some(start), Some(end)) = (
            graph.node(NodeIndex::new(from)),
            graph.node(NodeIndex::new(to)),
        ) else {
            continue;
        };
        let (p, q) = (start.location(), end.location());
        let Some((direction, _)) = unit(q - p) else {
            continue;
        };
        let a = screen_of(p + direction * start.payload().look.radius);
        let b = screen_of(q - direction * end.payload().look.radius);
        if !clip.intersects(egui::Rect::from_two_pos(a, b)) {
            continue;
        }
        segments.push((a, b, look));
    }
    let detailed = segments.len() <= DETAILED_EDGES_MAX;
    // A crowd of lines is drawn without the anti-aliasing feather: half the vertices.
    let feather = if detailed {
        1.0 / pixels_per_point.max(0.1)
    } else {
        0.0
    };
    let per_edge = if detailed { 8 } else { 4 };
    mesh.vertices.reserve(segments.len() * per_edge);
    mesh.indices.reserve(segments.len() * per_edge * 2);
    let mut picture = Vec::new();
    for (a, b, look) in segments {
        picture.clear();
        shapes::edge_look_shapes(
            look,
            [a.x, a.y],
            [b.x, b.y],
            zoom.clamp(0.7, 1.8),
            1.0,
            &mut picture,
        );
        for shape in &picture {
            add_edge_shape(mesh, shape, detailed, feather);
        }
    }
}

/// Adds one edge shape (a line or an arrow head) to the mesh.
fn add_edge_shape(mesh: &mut egui::Mesh, shape: &PictureShape, detailed: bool, feather: f32) {
    match shape {
        PictureShape::Line {
            from,
            to,
            stroke,
            dash,
        } => {
            let colour = super::colour::color32(stroke.colour);
            let width = stroke.width.max(0.4);
            let (a, b) = (Pos2::new(from[0], from[1]), Pos2::new(to[0], to[1]));
            match (*dash, detailed) {
                (LineDash::Dashed { on, off }, true) => {
                    dashes(a, b, on, off, |p, q| {
                        add_line(mesh, p, q, width, colour, feather);
                    });
                }
                (LineDash::Dotted { gap }, true) => {
                    let dot = width * 1.4;
                    dashes(a, b, dot, gap.max(dot), |p, q| {
                        add_line(mesh, p, q, dot, colour, feather);
                    });
                }
                _ => add_line(mesh, a, b, width, colour, feather),
            }
        }
        PictureShape::Polygon {
            points,
            fill: Some(fill),
            ..
        } if detailed && points.len() >= 3 => {
            let colour = super::colour::color32(*fill);
            let first = mesh.vertices.len() as u32;
            for point in points {
                mesh.colored_vertex(Pos2::new(point[0], point[1]), colour);
            }
            for k in 1..points.len() as u32 - 1 {
                mesh.add_triangle(first, first + k, first + k + 1);
            }
        }
        _ => {}
    }
}

/// A vector's direction and length (`None` for a null or broken vector). A square root:
/// egui's `length` calls `hypot`, several times slower, and this runs for every edge.
fn unit(v: Vec2) -> Option<(Vec2, f32)> {
    let length = (v.x * v.x + v.y * v.y).sqrt();
    (length > 0.0 && length.is_finite()).then(|| (v / length, length))
}

/// Calls `piece` for each dash of `on` points with gaps of `off` along a to b.
fn dashes(a: Pos2, b: Pos2, on: f32, off: f32, mut piece: impl FnMut(Pos2, Pos2)) {
    let step = on + off;
    let Some((direction, length)) = unit(b - a) else {
        return;
    };
    if step <= 0.0 {
        return;
    }
    let mut start = 0.0;
    while start < length {
        let end = (start + on).min(length);
        piece(a + direction * start, a + direction * end);
        start += step;
    }
}

/// A line segment as an anti-aliased quad: a solid core and a feather of one pixel that
/// fades to transparent on each side; lines thinner than a pixel are a pixel wide and
/// fainter, as egui draws them. A `feather` of 0: a plain quad.
fn add_line(
    mesh: &mut egui::Mesh,
    a: Pos2,
    b: Pos2,
    width: f32,
    colour: egui::Color32,
    feather: f32,
) {
    let Some((direction, _)) = unit(b - a) else {
        return;
    };
    let normal = direction.rot90();
    if feather <= 0.0 {
        // Plain: a quad at least one point wide, fainter when the line is thinner.
        let (colour, width) = if width < 1.0 {
            (colour.gamma_multiply(width), 1.0)
        } else {
            (colour, width)
        };
        let half = normal * (width / 2.0);
        let first = mesh.vertices.len() as u32;
        for corner in [a + half, a - half, b + half, b - half] {
            mesh.colored_vertex(corner, colour);
        }
        mesh.add_triangle(first, first + 1, first + 2);
        mesh.add_triangle(first + 1, first + 3, first + 2);
        return;
    }
    let (colour, width) = if width < feather {
        (colour.gamma_multiply(width / feather), feather)
    } else {
        (colour, width)
    };
    let inner = (width - feather) / 2.0;
    let outer = (width + feather) / 2.0;
    let clear = egui::Color32::TRANSPARENT;
    let first = mesh.vertices.len() as u32;
    for end in [a, b] {
        mesh.colored_vertex(end + normal * outer, clear);
        mesh.colored_vertex(end + normal * inner, colour);
        mesh.colored_vertex(end - normal * inner, colour);
        mesh.colored_vertex(end - normal * outer, clear);
    }
    for k in 0..3 {
        let (p, q) = (first + k, first + k + 1);
        mesh.add_triangle(p, q, p + 4);
        mesh.add_triangle(q, q + 4, p + 4);
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

/// Above this many nodes on screen, nodes are drawn plainer (as Cytoscape and Gephi do in
/// a crowd): no outline, and the ring of a node that joined or left becomes its outline
/// in the ring's colour, so the step's changes still show. The selected and the hovered
/// node keep every detail.
pub const DETAILED_NODES_MAX: usize = 3_000;

/// Where the nodes go on screen this frame: `screen_of` turns a graph position into a
/// screen position, `zoom` is screen points per graph unit, `clip` the canvas.
#[derive(Clone, Copy)]
pub struct NodeScreen<F: Fn(Pos2) -> Pos2> {
    /// Graph position to screen position.
    pub screen_of: F,
    /// Screen points per graph unit.
    pub zoom: f32,
    /// What is on screen.
    pub clip: egui::Rect,
}

/// Every visible node of the network that is on screen, as one tessellated mesh, in the
/// shapes [`shapes::node_shapes`] gives the pictures: plain nodes first, then the
/// selected ones over them. `skip` (the hovered or dragged node) is left out: it is drawn
/// over the mesh with [`node_screen_shapes`]. The mesh is written into `mesh` (emptied
/// first, its memory reused).
pub fn nodes_mesh<F: Fn(Pos2) -> Pos2>(
    graph: &NetworkGraph,
    screen: &NodeScreen<F>,
    palette: &crate::style::Palette,
    tessellator: &mut egui::epaint::Tessellator,
    skip: Option<NodeIndex>,
    mesh: &mut egui::Mesh,
) {
    mesh.clear();
    let mut placed: Vec<(NodeIndex, Pos2, f32)> = Vec::new();
    for (index, node) in graph.nodes_iter() {
        let look = &node.payload().look;
        if look.visibility == Visibility::Hidden || Some(index) == skip {
            continue;
        }
        let centre = (screen.screen_of)(node.location());
        let radius = (look.radius * screen.zoom).max(shapes::MIN_NODE_RADIUS);
        // Off screen: nothing to draw (the ring reaches a little beyond the radius).
        if !screen.clip.expand(radius * 1.25 + 8.0).contains(centre) {
            continue;
        }
        placed.push((index, centre, radius));
    }
    let detailed = placed.len() <= DETAILED_NODES_MAX;
    let selected = |index: NodeIndex| {
        graph
            .node(index)
            .is_some_and(|node| node.payload().look.ring == Some(crate::scene::Ring::Selected))
    };
    // Stable: the selected nodes move after the others, each group in graph order.
    placed.sort_by_key(|&(index, _, _)| selected(index));
    let mut picture = Vec::new();
    let mut out = Vec::new();
    for (index, centre, radius) in placed {
        let Some(node) = graph.node(index) else {
            continue;
        };
        let look = &node.payload().look;
        picture.clear();
        if detailed || selected(index) {
            shapes::node_shapes(
                look,
                [centre.x, centre.y],
                radius,
                NodeState { hovered: false },
                palette,
                1.0,
                &mut picture,
            );
        } else {
            picture.push(crowd_node_shape(look, centre, radius, palette));
        }
        out.clear();
        for shape in &picture {
            egui_shapes(shape, |[x, y]| Pos2::new(x, y), 1.0, &mut out);
        }
        for shape in out.drain(..) {
            tessellator.tessellate_shape(shape, mesh);
        }
    }
}

/// A node in a crowd: its fill, outlined only in its change ring's colour.
fn crowd_node_shape(
    look: &NodeLook,
    centre: Pos2,
    radius: f32,
    palette: &crate::style::Palette,
) -> PictureShape {
    let faded = look.visibility == Visibility::Faded;
    let alpha = if faded {
        crate::style::FADED_ALPHA
    } else {
        255
    };
    let ring = shapes::ring_of(look, NodeState { hovered: false }, palette);
    shapes::node_outline(
        crate::style::NodeShape::of(look.kind),
        [centre.x, centre.y],
        radius,
        Some(look.fill.with_alpha(alpha)),
        ring.map(|(colour, _)| crate::render::Stroke { colour, width: 1.5 }),
    )
}

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scene::{EdgeRef, LabelRule};
    use crate::style::{self, NodeKind};
    use crate::timeline::{ActorIx, BodyIx};

    fn node(number: usize) -> NodePayload {
        NodePayload {
            number,
            look: NodeLook {
                kind: NodeKind::State,
                fill: style::NO_REGION_COLOUR,
                radius: 5.0,
                visibility: Visibility::Shown,
                ring: None,
                label: LabelRule::WhenZoomedIn,
            },
        }
    }

    /// Three nodes in a row, 100 units apart; edges 0–1 and 1–2 of `looks`.
    fn mesh(looks: [EdgeLook; 2], clip: egui::Rect) -> egui::Mesh {
        let mut graph = NetworkGraph::new();
        for number in 0..3 {
            graph.add_node_with_location(node(number), Pos2::new(100.0 * number as f32, 0.0));
        }
        let edge = EdgeRef::Membership(ActorIx(0), BodyIx(0));
        let edges = [(edge, 0, 1), (edge, 1, 2)];
        let mut mesh = egui::Mesh::default();
        edges_mesh(&graph, &edges, &looks, |p| p, 1.0, clip, 1.0, &mut mesh);
        mesh
    }

    fn look(visibility: Visibility, dash: crate::style::Dash) -> EdgeLook {
        let mut style = style::membership_style(crate::model::Status::Party, style::Theme::Light);
        style.dash = dash;
        EdgeLook { style, visibility }
    }

    #[test]
    fn edges_make_one_mesh_culled_to_the_screen() {
        use crate::style::Dash;
        let everywhere = egui::Rect::from_min_max(Pos2::new(-50.0, -50.0), Pos2::new(250.0, 50.0));
        let solid = look(Visibility::Shown, Dash::Solid);
        let both = mesh([solid, solid], everywhere);
        // Two anti-aliased quads: eight vertices and six triangles each.
        assert_eq!(both.vertices.len(), 16);
        assert_eq!(both.indices.len(), 36);
        assert!(both.is_valid());
        // The lines stop at the nodes' rims (radius 5).
        let xs: Vec<f32> = both.vertices.iter().map(|v| v.pos.x).collect();
        assert!(xs.iter().all(|&x| (5.0..=195.0).contains(&x)), "{xs:?}");
        // Only the left edge crosses a clip over the left half.
        let left = egui::Rect::from_min_max(Pos2::new(-50.0, -50.0), Pos2::new(60.0, 50.0));
        assert_eq!(mesh([solid, solid], left).vertices.len(), 8);
        // Hidden edges are not drawn; dashed ones are several pieces.
        let hidden = look(Visibility::Hidden, Dash::Solid);
        assert_eq!(mesh([hidden, solid], everywhere).vertices.len(), 8);
        let dashed = look(Visibility::Shown, Dash::Dashed);
        assert!(mesh([dashed, hidden], everywhere).vertices.len() > 8 * 5);
    }
}
