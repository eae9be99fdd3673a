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

/// Anti-aliased discs of a few sizes, drawn once into a small texture: a crowd of small
/// round nodes is then a quad each (what egui does for its own small circles), not a
/// tessellated polygon of dozens of vertices each.
pub struct DiscAtlas {
    texture: egui::TextureHandle,
    /// Each disc's radius in pixels, its cell in the texture (as uv) and the cell's half
    /// side in pixels.
    discs: Vec<(f32, egui::Rect, f32)>,
    pixels_per_point: f32,
}

/// The discs' radii, in pixels.
const DISC_RADII: [f32; 16] = [
    0.75, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 5.0, 6.0, 7.0, 8.0, 10.0, 12.0, 14.0, 16.0,
];

impl DiscAtlas {
    /// The discs for a screen of `pixels_per_point`.
    pub fn new(ctx: &egui::Context, pixels_per_point: f32) -> Self {
        // One row of square cells, each a disc with two pixels of clear margin.
        let cells: Vec<usize> = DISC_RADII
            .iter()
            .map(|radius| (2.0 * radius).ceil() as usize + 4)
            .collect();
        let width: usize = cells.iter().sum();
        let height = cells.iter().copied().max().unwrap_or(1);
        let mut pixels = vec![egui::Color32::TRANSPARENT; width * height];
        let mut discs = Vec::with_capacity(DISC_RADII.len());
        let mut left = 0;
        for (&radius, &side) in DISC_RADII.iter().zip(&cells) {
            let half = side as f32 / 2.0;
            for y in 0..side {
                for x in 0..side {
                    let (dx, dy) = (x as f32 + 0.5 - half, y as f32 + 0.5 - half);
                    // Coverage of the pixel: one pixel of smooth edge.
                    let coverage = (radius + 0.5 - (dx * dx + dy * dy).sqrt()).clamp(0.0, 1.0);
                    pixels[y * width + left + x] =
                        egui::Color32::from_white_alpha((coverage * 255.0).round() as u8);
                }
            }
            let uv = egui::Rect::from_min_max(
                Pos2::new(left as f32 / width as f32, 0.0),
                Pos2::new(
                    (left + side) as f32 / width as f32,
                    side as f32 / height as f32,
                ),
            );
            discs.push((radius, uv, half));
            left += side;
        }
        let image = egui::ColorImage::new([width, height], pixels);
        let texture = ctx.load_texture("network-discs", image, egui::TextureOptions::LINEAR);
        Self {
            texture,
            discs,
            pixels_per_point,
        }
    }

    /// The texture the quads sample.
    pub fn texture_id(&self) -> egui::TextureId {
        self.texture.id()
    }

    /// The screen it was made for.
    pub fn pixels_per_point(&self) -> f32 {
        self.pixels_per_point
    }

    /// Adds a disc of `radius` points at `centre` to `mesh` (which samples this texture);
    /// `false` when no disc is that large (draw it as a shape instead).
    fn add(&self, mesh: &mut egui::Mesh, centre: Pos2, radius: f32, colour: egui::Color32) -> bool {
        let pixels = radius * self.pixels_per_point;
        // The smallest disc at least as large, scaled down a little.
        let Some(&(disc, uv, half)) = self.discs.iter().find(|(disc, _, _)| *disc >= pixels) else {
            return false;
        };
        let scale = pixels / disc;
        let extent = half * scale / self.pixels_per_point;
        let rect = egui::Rect::from_center_size(centre, Vec2::splat(2.0 * extent));
        mesh.add_rect_with_uv(rect, uv, colour);
        true
    }
}

/// Above this many nodes on screen, nodes are drawn plainer (as Cytoscape and Gephi do in
/// a crowd): no outline, round ones as textured quads, and the ring of a node that joined
/// or left becomes a thin outline in the ring's colour, so the step's changes still show.
/// The selected and the hovered node keep every detail.
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

/// Every visible node of the network that is on screen, as meshes, in the shapes
/// [`shapes::node_shapes`] gives the pictures, in graph order. Into `mesh`, tessellated;
/// in a crowd, round nodes as quads of the [`DiscAtlas`] into `discs`, drawn after
/// `mesh` (round nodes are states, which come after the bodies). `skip` (the hovered,
/// dragged or selected nodes) are left out: they are drawn over the meshes with
/// [`node_screen_shapes`]. Both meshes are emptied first, their memory reused.
pub fn nodes_mesh<F: Fn(Pos2) -> Pos2>(
    graph: &NetworkGraph,
    screen: &NodeScreen<F>,
    palette: &crate::style::Palette,
    tessellator: &mut egui::epaint::Tessellator,
    skip: impl Fn(NodeIndex) -> bool,
    (mesh, discs, atlas): (&mut egui::Mesh, &mut egui::Mesh, &DiscAtlas),
) {
    mesh.clear();
    discs.clear();
    discs.texture_id = atlas.texture_id();
    let mut placed: Vec<(NodeIndex, Pos2, f32)> = Vec::new();
    for (index, node) in graph.nodes_iter() {
        let look = &node.payload().look;
        if look.visibility == Visibility::Hidden || skip(index) {
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
    if !detailed {
        discs.reserve_vertices(4 * placed.len());
        discs.reserve_triangles(2 * placed.len());
    }
    let mut picture = Vec::new();
    let mut out = Vec::new();
    for (index, centre, radius) in placed {
        let Some(node) = graph.node(index) else {
            continue;
        };
        let look = &node.payload().look;
        picture.clear();
        if detailed {
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
            let round = crate::style::NodeShape::of(look.kind) == crate::style::NodeShape::Circle;
            let (fill, ring) = crowd_colours(look, palette);
            if let Some(ring) = ring {
                // The change ring shows as an outline around the disc.
                picture.push(PictureShape::Circle {
                    centre: [centre.x, centre.y],
                    radius: radius + 0.75,
                    fill: None,
                    stroke: Some(crate::render::Stroke {
                        colour: ring,
                        width: 1.5,
                    }),
                });
            }
            if !(round && atlas.add(discs, centre, radius, super::colour::color32(fill))) {
                picture.push(shapes::node_outline(
                    crate::style::NodeShape::of(look.kind),
                    [centre.x, centre.y],
                    radius,
                    Some(fill),
                    None,
                ));
            }
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

/// A node in a crowd: its fill, and the colour of its change ring if it has one.
fn crowd_colours(
    look: &NodeLook,
    palette: &crate::style::Palette,
) -> (crate::style::Rgba, Option<crate::style::Rgba>) {
    let faded = look.visibility == Visibility::Faded;
    let alpha = if faded {
        crate::style::FADED_ALPHA
    } else {
        255
    };
    let ring =
        shapes::ring_of(look, NodeState { hovered: false }, palette).map(|(colour, _)| colour);
    (look.fill.with_alpha(alpha), ring)
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

    /// The node meshes of `count` states in a grid 20 units apart, the first one a joiner;
    /// everything on screen.
    fn node_meshes(count: usize) -> (egui::Mesh, egui::Mesh) {
        let mut graph = NetworkGraph::new();
        for number in 0..count {
            let mut payload = node(number);
            if number == 0 {
                payload.look.ring = Some(crate::scene::Ring::Joined);
            }
            let at = Pos2::new(20.0 * (number % 100) as f32, 20.0 * (number / 100) as f32);
            graph.add_node_with_location(payload, at);
        }
        let ctx = egui::Context::default();
        let atlas = DiscAtlas::new(&ctx, 1.0);
        let screen = NodeScreen {
            screen_of: |p: Pos2| p,
            zoom: 1.0,
            clip: egui::Rect::from_min_max(Pos2::new(-50.0, -50.0), Pos2::new(2_050.0, 2_050.0)),
        };
        let mut tessellator = egui::epaint::Tessellator::new(
            1.0,
            egui::epaint::TessellationOptions::default(),
            [1, 1],
            Vec::new(),
        );
        let palette = style::Theme::Light.palette();
        let (mut mesh, mut discs) = (egui::Mesh::default(), egui::Mesh::default());
        nodes_mesh(
            &graph,
            &screen,
            &palette,
            &mut tessellator,
            |_| false,
            (&mut mesh, &mut discs, &atlas),
        );
        (mesh, discs)
    }

    #[test]
    fn a_crowd_of_round_nodes_is_a_quad_each_and_joiners_keep_an_outline() {
        // Few nodes: every node tessellated with its outline, no quads.
        let (mesh, discs) = node_meshes(100);
        assert!(discs.vertices.is_empty());
        assert!(mesh.vertices.len() > 100 * 16, "{}", mesh.vertices.len());
        // A crowd: a quad of the disc texture each; only the joiner's ring is tessellated.
        let count = DETAILED_NODES_MAX + 500;
        let (mesh, discs) = node_meshes(count);
        assert_eq!(discs.vertices.len(), 4 * count);
        assert_eq!(discs.indices.len(), 6 * count);
        assert!(discs.is_valid());
        assert!(!mesh.vertices.is_empty() && mesh.vertices.len() < 200);
        // Each quad is as wide as its disc cell: the 5-point disc fills most of it.
        let xs = discs.vertices[..4].iter().map(|v| v.pos.x);
        let width = xs.clone().fold(f32::MIN, f32::max) - xs.fold(f32::MAX, f32::min);
        assert!((10.0..=16.0).contains(&width), "{width}");
    }
}
