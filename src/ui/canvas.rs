//! The central panel: the network, with the title, the large date and a hint drawn over it.

use std::sync::Arc;

use egui::{Align2, FontId, Pos2, Vec2};
use egui_graphs::{SettingsInteraction, SettingsNavigation, SettingsStyle};
use petgraph::stable_graph::NodeIndex;

use super::colour::{color32, theme_of};
use super::network::{
    ACTOR_LABEL_SIZE, BODY_LABEL_SIZE, FULL_LABEL_ZOOM, NetworkGraph, NetworkView, SHORT_LABEL_ZOOM,
};
use super::{CLICK_HINT, Panels};
use crate::model::Word;
use crate::scene::NodeRef;
use crate::scene::labels::LabelNeed;
use crate::state::{Command, Selection};

/// The last picture of the network, repainted as it is while nothing changes.
///
/// egui_graphs asks for a repaint on every frame it draws, so a window showing it never
/// sleeps. While there is no input and the graph is unchanged, the canvas repaints these
/// shapes instead of running the view, and the window goes idle.
#[derive(Default)]
pub struct CanvasCache {
    /// What the shapes were drawn for: graph version, canvas rect, pixels per point, theme.
    key: Option<(u64, egui::Rect, u32, bool)>,
    shapes: Vec<egui::epaint::ClippedShape>,
    /// How many frames ran the view, and how many reused the shapes (for tests).
    pub live_frames: u64,
    /// Frames that reused the shapes.
    pub cached_frames: u64,
    /// Frames that drew the edges and nodes again (rather than reusing their meshes).
    pub drawn_frames: u64,
    /// The canvas size at the last frame.
    last_size: Option<Vec2>,
    /// Whether the user zoomed or panned since the last fit: then a resized window keeps
    /// their view; otherwise the network is fitted to the new size.
    navigated: bool,
    /// The edges' and the nodes' meshes (tessellated, then the discs), and what they were
    /// drawn for.
    meshes: Option<(MeshKey, [egui::Shape; 3])>,
    /// The discs of crowded round nodes, for the screen's pixel size.
    discs: Option<super::network::DiscAtlas>,
    /// Which node is under the pointer, and the graph version it was built for.
    hits: Option<(u64, crate::scene::hit::HitGrid)>,
    /// Where the graph was on screen at the last frame: the canvas's corner, the pan and
    /// the zoom (graph position `p` is at `corner + pan + p * zoom`).
    transform: Option<(Pos2, Vec2, f32)>,
}

impl CanvasCache {
    /// Where a graph position was drawn at the last frame (for tests and tools).
    pub fn screen_of(&self, position: Pos2) -> Option<Pos2> {
        let (corner, pan, zoom) = self.transform?;
        Some(corner + pan + position.to_vec2() * zoom)
    }
}

/// What the edge and node meshes depend on besides the graph's version: where the graph is
/// on screen, the pixel size and the theme.
#[derive(Clone, Copy, PartialEq)]
struct MeshKey {
    version: u64,
    rect: egui::Rect,
    pan: Vec2,
    zoom: f32,
    pixels_per_point: f32,
    dark: bool,
}

/// Whether anything happened this frame that the graph view must see: a button pressed or
/// released anywhere (a drag may have left the canvas), keys, or the pointer moving,
/// scrolling or zooming over the canvas. Moving over the side panels does not count.
fn has_input(ctx: &egui::Context, canvas: egui::Rect) -> bool {
    ctx.input(|input| {
        let over_canvas = input
            .pointer
            .latest_pos()
            .is_some_and(|position| canvas.contains(position));
        let keys = input
            .events
            .iter()
            .any(|event| matches!(event, egui::Event::Key { .. } | egui::Event::Text(_)));
        input.pointer.any_down()
            || input.pointer.any_released()
            || keys
            || (over_canvas
                && (input.pointer.is_moving()
                    || input.smooth_scroll_delta != Vec2::ZERO
                    || input.zoom_delta() != 1.0
                    || !input.events.is_empty()))
    })
}

/// The smallest radius, in screen points, by which a node can be hovered or grabbed.
const HIT_RADIUS: f32 = 4.0;

/// The node under a screen position, through the grid of the nodes' discs (built again
/// when the graph's version changed or a node was dragged).
fn node_under(
    cache: &mut CanvasCache,
    graph: &NetworkGraph,
    version: u64,
    screen: Pos2,
) -> Option<NodeIndex> {
    use crate::scene::Visibility;
    use crate::scene::hit::HitGrid;
    let (corner, pan, zoom) = cache.transform?;
    if cache
        .hits
        .as_ref()
        .is_none_or(|(built, _)| *built != version)
    {
        let count = graph
            .nodes_iter()
            .map(|(index, _)| index.index() + 1)
            .max()
            .unwrap_or(0);
        let mut discs = vec![None; count];
        for (index, node) in graph.nodes_iter() {
            let look = &node.payload().look;
            if look.visibility != Visibility::Hidden {
                let at = node.location();
                discs[index.index()] = Some(([at.x, at.y], look.radius));
            }
        }
        cache.hits = Some((version, HitGrid::new(discs)));
    }
    let (_, grid) = cache.hits.as_ref()?;
    let position = (screen - corner - pan) / zoom.max(1e-6);
    let min_radius = HIT_RADIUS.max(crate::render::shapes::MIN_NODE_RADIUS) / zoom.max(1e-6);
    grid.node_at([position.x, position.y], min_radius)
        .map(NodeIndex::new)
}

/// Grabs, moves and lets go of nodes (before the view runs, so that a drag on a node moves
/// the node rather than the view): a press on a node marks it dragged, which egui_graphs
/// reads as "do not pan"; each frame the pointer's movement moves it.
fn drag_nodes(ui: &egui::Ui, cache: &mut CanvasCache, graph: &mut NetworkGraph, version: u64) {
    let (pressed, down, delta, position) = ui.input(|input| {
        (
            input.pointer.primary_pressed(),
            input.pointer.primary_down(),
            input.pointer.delta(),
            input.pointer.press_origin(),
        )
    });
    if let Some(dragged) = graph.dragged_node() {
        if down {
            let zoom = cache.transform.map_or(1.0, |(_, _, zoom)| zoom).max(1e-6);
            if delta != Vec2::ZERO
                && let Some(node) = graph.node_mut(dragged)
            {
                let at = node.location() + delta / zoom;
                node.set_location(at);
                // The grid no longer knows where the node is.
                cache.hits = None;
            }
        } else {
            if let Some(node) = graph.node_mut(dragged) {
                node.set_dragged(false);
            }
            graph.set_dragged_node(None);
        }
        return;
    }
    if !pressed {
        return;
    }
    // Only a press on the canvas itself, not on a window over it.
    let Some(position) = position else {
        return;
    };
    if ui.ctx().layer_id_at(position) != Some(ui.layer_id()) || !ui.max_rect().contains(position) {
        return;
    }
    if let Some(index) = node_under(cache, graph, version, position)
        && let Some(node) = graph.node_mut(index)
    {
        node.set_dragged(true);
        graph.set_dragged_node(Some(index));
    }
}

/// Marks the node under the pointer hovered (or the dragged one), for the drawing, the
/// labels and the tooltip.
fn hover_nodes(
    cache: &mut CanvasCache,
    graph: &mut NetworkGraph,
    version: u64,
    pointer: Option<Pos2>,
) {
    let now = graph
        .dragged_node()
        .or_else(|| pointer.and_then(|position| node_under(cache, graph, version, position)));
    let before = graph.hovered_node();
    if now != before {
        if let Some(node) = before.and_then(|index| graph.node_mut(index)) {
            node.set_hovered(false);
        }
        if let Some(node) = now.and_then(|index| graph.node_mut(index)) {
            node.set_hovered(true);
        }
        graph.set_hovered_node(now);
    }
}

/// The central panel. `version` changes whenever the graph's positions or looks change.
pub fn network_panel_ui(
    ui: &mut egui::Ui,
    panels: &mut Panels<'_>,
    graph: &mut NetworkGraph,
    (cache, version): (&mut CanvasCache, u64),
    fit: bool,
    laying_out: bool,
) {
    let palette = theme_of(ui.ctx()).palette();
    let frame = egui::Frame::central_panel(ui.style()).fill(color32(palette.background));
    egui::CentralPanel::default().frame(frame).show(ui, |ui| {
        let rect = ui.max_rect();
        let ctx = ui.ctx().clone();
        let resized = cache.last_size.is_some_and(|size| size != rect.size());
        cache.last_size = Some(rect.size());
        let fit = fit || (resized && !cache.navigated);
        if fit {
            cache.navigated = false;
        }
        let key = (
            version,
            rect,
            ctx.pixels_per_point().to_bits(),
            ui.visuals().dark_mode,
        );
        let idle = !fit
            && !laying_out
            && cache.key == Some(key)
            && graph.hovered_node().is_none()
            && !has_input(&ctx, rect);
        if idle {
            ui.allocate_rect(rect, egui::Sense::hover());
            let layer = ui.layer_id();
            ctx.graphics_mut(|layers| {
                let list = layers.entry(layer);
                for shape in &cache.shapes {
                    list.add(shape.clip_rect, shape.shape.clone());
                }
            });
            cache.cached_frames += 1;
            let block = title_block(ui, panels, rect);
            overlays_ui(ui, panels, rect, &block, laying_out);
            return;
        }
        drag_nodes(ui, cache, graph, version);
        let layer = ui.layer_id();
        let start = ctx.graphics(|layers| layers.get(layer).map_or(0, |list| list.next_idx().0));
        // egui_graphs pans, zooms and fits; hovering, grabbing and clicking nodes are ours
        // (through the grid of `node_under`, not a look at every node).
        let interactions = SettingsInteraction::new();
        let navigations = SettingsNavigation::new()
            .with_zoom_and_pan_enabled(true)
            .with_fit_to_screen_enabled(fit)
            .with_fit_to_screen_padding(0.08);
        // The faint world map behind a network arranged on it: a slot below the graph,
        // filled after the view ran, with this frame's zoom and pan.
        let backdrop = ui.painter().add(egui::Shape::Noop);
        // The edges, then the nodes: one mesh each, filled after the view ran (this
        // frame's zoom and pan, and the nodes where they were dragged to).
        let slots = [(); 3].map(|()| ui.painter().add(egui::Shape::Noop));
        let response = NetworkView::new()
            .with_id(Some("network".into()))
            .with_interactions(&interactions)
            .with_navigations(&navigations)
            .with_styles(&SettingsStyle::new())
            .show(ui, graph);
        let meta = egui_graphs::MetadataFrame::new(Some("network".into())).load(ui);
        cache.transform = Some((rect.left_top(), meta.pan, meta.zoom));
        // A dragged node changes the positions without a new version.
        let version = if graph.dragged_node().is_some() {
            cache.hits = None;
            u64::MAX
        } else {
            version
        };
        hover_nodes(cache, graph, version, response.response.hover_pos());
        if panels.state.view.layout == crate::scene::layout::LayoutKind::OnMap {
            ui.painter().set(backdrop, faint_map(ui, rect));
        }
        let meshes = network_meshes(ui, panels, graph, cache, version, rect);
        for (slot, mesh) in slots.into_iter().zip(meshes) {
            ui.painter().set(slot, mesh);
        }
        // Over the meshes: the selected nodes, then the hovered or dragged one.
        let hovered = graph.hovered_node().or(graph.dragged_node());
        let selected = graph
            .selected_nodes()
            .iter()
            .copied()
            .filter(|&index| Some(index) != hovered);
        for index in selected.chain(hovered) {
            if let Some(node) = graph.node(index) {
                let look = &node.payload().look;
                let centre = ui_screen(cache, node.location());
                let radius = meta.canvas_to_screen_size(look.radius);
                ui.painter().extend(super::network::node_screen_shapes(
                    look,
                    centre,
                    radius,
                    Some(index) == hovered,
                    &palette,
                ));
            }
        }
        if hovered.is_some() {
            ctx.set_cursor_icon(egui::CursorIcon::PointingHand);
        }
        cache.key = Some(key);
        cache.live_frames += 1;
        let zoomed = response.response.hovered()
            && ctx.input(|input| {
                input.smooth_scroll_delta != Vec2::ZERO || input.zoom_delta() != 1.0
            });
        if (response.response.dragged() && graph.dragged_node().is_none()) || zoomed {
            cache.navigated = true;
        }
        // Two clicks in quick succession are a double click, which is a click too.
        if response.response.clicked() || response.response.double_clicked() {
            let selection = graph.hovered_node().and_then(|index| {
                let number = graph.node(index)?.payload().number;
                panels
                    .document
                    .graph
                    .node_ref(number)
                    .map(|node| match node {
                        NodeRef::Body(body) => Selection::Body(body),
                        NodeRef::Actor(actor) => Selection::Actor(actor),
                    })
            });
            panels.emit(Command::Select(selection));
        }
        let block = title_block(ui, panels, rect);
        labels_ui(ui, panels, graph, rect, block.area);
        cache.shapes = ctx.graphics(|layers| {
            layers.get(layer).map_or_else(Vec::new, |list| {
                list.all_entries().skip(start).cloned().collect()
            })
        });
        if let Some(hovered) = graph.hovered_node() {
            hover_tip(ui, panels, graph, hovered, &response.response);
        }
        overlays_ui(ui, panels, rect, &block, laying_out);
    });
}

/// Where a graph position is on screen at this frame.
fn ui_screen(cache: &CanvasCache, position: Pos2) -> Pos2 {
    cache.screen_of(position).unwrap_or(position)
}

/// The network's edges and nodes as meshes (the edges; the nodes, tessellated; crowded
/// round nodes as textured quads), at this frame's zoom and pan, clipped to the canvas;
/// reused as they are while nothing they depend on changed (a pointer moving over a still
/// network draws nothing again). The selected, hovered and dragged nodes are not in them.
fn network_meshes(
    ui: &egui::Ui,
    panels: &Panels<'_>,
    graph: &NetworkGraph,
    cache: &mut CanvasCache,
    version: u64,
    rect: egui::Rect,
) -> [egui::Shape; 3] {
    let ctx = ui.ctx();
    let (corner, pan, zoom) = cache
        .transform
        .unwrap_or((rect.left_top(), Vec2::ZERO, 1.0));
    let key = MeshKey {
        version,
        rect,
        pan,
        zoom,
        pixels_per_point: ctx.pixels_per_point(),
        dark: ui.visuals().dark_mode,
    };
    if version != u64::MAX
        && let Some((drawn, shapes)) = &cache.meshes
        && *drawn == key
    {
        return shapes.clone();
    }
    let screen_of = |position: Pos2| corner + pan + position.to_vec2() * zoom;
    // The last meshes' memory, when nothing else holds them any more (the idle picture is
    // taken again at the end of this frame): no fresh pages for tens of megabytes.
    cache.shapes.clear();
    let [mut edges, mut nodes, mut discs] = match cache.meshes.take() {
        Some((_, shapes)) => shapes.map(|shape| match shape {
            egui::Shape::Mesh(mesh) => Arc::try_unwrap(mesh).unwrap_or_default(),
            _ => egui::Mesh::default(),
        }),
        None => Default::default(),
    };
    super::network::edges_mesh(
        graph,
        &panels.document.graph.edges,
        &panels.frame.edges,
        screen_of,
        zoom,
        rect,
        key.pixels_per_point,
        &mut edges,
    );
    let mut tessellator = egui::epaint::Tessellator::new(
        key.pixels_per_point,
        ctx.tessellation_options(|options| *options),
        ctx.fonts(|fonts| fonts.font_image_size()),
        // Small discs are then tessellated as polygons, not sampled from the font atlas,
        // so the mesh stays right if the atlas changes.
        Vec::new(),
    );
    let screen = super::network::NodeScreen {
        screen_of,
        zoom,
        clip: rect,
    };
    let palette = theme_of(ctx).palette();
    if cache
        .discs
        .as_ref()
        .is_none_or(|atlas| atlas.pixels_per_point() != key.pixels_per_point)
    {
        cache.discs = Some(super::network::DiscAtlas::new(ctx, key.pixels_per_point));
    }
    if let Some(atlas) = &cache.discs {
        let on_top = |index: NodeIndex| on_top(graph, index);
        super::network::nodes_mesh(
            graph,
            &screen,
            &palette,
            &mut tessellator,
            on_top,
            (&mut nodes, &mut discs, atlas),
        );
    }
    let shapes = [edges, nodes, discs].map(egui::Shape::mesh);
    cache.drawn_frames += 1;
    cache.meshes = Some((key, shapes.clone()));
    shapes
}

/// Whether a node is drawn over the others rather than in the meshes: the dragged and the
/// selected ones.
fn on_top(graph: &NetworkGraph, index: NodeIndex) -> bool {
    graph.dragged_node() == Some(index)
        || graph
            .node(index)
            .is_some_and(|node| node.payload().look.ring == Some(crate::scene::Ring::Selected))
}

/// The world's outlines in the network's coordinates (see `scene::layout::layout_from_map`),
/// as faint lines: the same outlines the pictures draw behind a network on the map.
fn faint_map(ui: &egui::Ui, rect: egui::Rect) -> egui::Shape {
    use crate::scene::layout::layout_from_map;
    let Ok(map) = crate::scene::map::WorldMap::embedded() else {
        return egui::Shape::Noop;
    };
    let meta = egui_graphs::MetadataFrame::new(Some("network".into())).load(ui);
    let offset = rect.left_top().to_vec2();
    let palette = theme_of(ui.ctx()).palette();
    let stroke = egui::Stroke::new(0.8, color32(palette.muted.with_alpha(90)));
    let mut shapes = Vec::new();
    for country in map.countries() {
        for ring in country
            .polygons()
            .iter()
            .flat_map(|polygon| polygon.rings())
        {
            let points: Vec<Pos2> = ring
                .iter()
                .map(|&point| {
                    let [x, y] = layout_from_map(point);
                    meta.canvas_to_screen_pos(Pos2::new(x, y)) + offset
                })
                .collect();
            shapes.push(egui::Shape::closed_line(points, stroke));
        }
    }
    egui::Shape::Vec(shapes)
}

/// One label waiting for its place.
struct PendingLabel {
    node: usize,
    galley: std::sync::Arc<egui::Galley>,
    anchor: Pos2,
    radius: f32,
    need: LabelNeed,
    /// Sort key: forced first, then bodies, then larger nodes.
    rank: (u8, u8, i32),
}

/// A label that may be written, before its text is laid out.
struct Candidate<'a> {
    node: usize,
    text: &'a str,
    body: bool,
    anchor: Pos2,
    radius: f32,
    need: LabelNeed,
    rank: (u8, u8, i32),
}

/// The most labels tried in one frame: far more than fit on a screen without overlapping.
const LABEL_CANDIDATES_MAX: usize = 600;

/// The backdrop's margin around a label, in points.
const LABEL_PAD: f32 = 1.5;

/// Places and draws every label in one pass (`scene::labels`, shared with the pictures), so
/// that labels never cover each other or other nodes: the selection and the hovered node
/// first, then bodies from the largest, then states when the zoom allows. A label with no
/// free spot is left out (hovering shows it).
fn labels_ui(
    ui: &egui::Ui,
    panels: &Panels<'_>,
    graph: &NetworkGraph,
    rect: egui::Rect,
    title: egui::Rect,
) {
    use crate::scene::labels::{LabelRequest, LabelStyle, Obstacle, place_labels};
    use crate::scene::{LabelRule, Ring, Visibility};
    let meta = egui_graphs::MetadataFrame::new(Some("network".into())).load(ui);
    let offset = rect.left_top().to_vec2();
    let zoom = meta.zoom;
    let palette = theme_of(ui.ctx()).palette();
    let hovered = graph.hovered_node();
    let visible = rect.expand(40.0);
    let mut candidates = Vec::new();
    let mut obstacles = Vec::new();
    for (index, node) in graph.nodes_iter() {
        let look = &node.payload().look;
        if look.visibility == Visibility::Hidden {
            continue;
        }
        let anchor = meta.canvas_to_screen_pos(node.location()) + offset;
        if !visible.contains(anchor) {
            continue;
        }
        let radius = meta.canvas_to_screen_size(look.radius).max(2.5);
        let emphasised =
            Some(index) == hovered || node.dragged() || look.ring == Some(Ring::Selected);
        let faded = look.visibility == Visibility::Faded;
        if !faded {
            obstacles.push(Obstacle::disc(index.index(), [anchor.x, anchor.y], radius));
        }
        if faded && !emphasised {
            continue;
        }
        let document = panels.document;
        let Some(record) = document.graph.node_ref(node.payload().number) else {
            continue;
        };
        let text: &str = match look.label {
            LabelRule::Always => document.node_label(record),
            LabelRule::WhenZoomedIn if emphasised || zoom >= FULL_LABEL_ZOOM => {
                document.node_label(record)
            }
            LabelRule::WhenZoomedIn if zoom >= SHORT_LABEL_ZOOM => {
                match document.node_short_label(record) {
                    Some(short) => short,
                    None => continue,
                }
            }
            LabelRule::WhenZoomedIn => continue,
        };
        let body = look.kind.is_body();
        candidates.push(Candidate {
            node: index.index(),
            text,
            body,
            anchor,
            radius,
            need: if emphasised {
                LabelNeed::Forced
            } else if body {
                LabelNeed::Important
            } else {
                LabelNeed::Optional
            },
            rank: (
                u8::from(!emphasised),
                u8::from(!body),
                -(radius * 10.0) as i32,
            ),
        });
    }
    // Level of detail: when more labels could be written than a screen can hold, only the
    // first ones (emphasised, then bodies, then the largest) are tried; the rest could not
    // have found a free spot anyway, and trying them all would cost a frame.
    candidates.sort_by_key(|candidate| candidate.rank);
    candidates.truncate(LABEL_CANDIDATES_MAX);
    let mut pending = Vec::with_capacity(candidates.len());
    for candidate in candidates {
        let size = if candidate.body {
            BODY_LABEL_SIZE
        } else {
            ACTOR_LABEL_SIZE
        };
        let galley = ui.ctx().fonts_mut(|fonts| {
            fonts.layout_no_wrap(
                candidate.text.to_owned(),
                FontId::proportional(size),
                color32(palette.text),
            )
        });
        pending.push(PendingLabel {
            node: candidate.node,
            galley,
            anchor: candidate.anchor,
            radius: candidate.radius,
            need: candidate.need,
            rank: candidate.rank,
        });
    }
    pending.sort_by_key(|label| label.rank);
    let requests: Vec<LabelRequest> = pending
        .iter()
        .map(|label| LabelRequest {
            node: label.node,
            anchor: [label.anchor.x, label.anchor.y],
            radius: label.radius,
            texts: vec![[label.galley.size().x, label.galley.size().y]],
            need: label.need,
        })
        .collect();
    let style = LabelStyle {
        pad: LABEL_PAD,
        frame: None,
        keep_out: Some([title.left(), title.top(), title.right(), title.bottom()]),
    };
    let spots = place_labels(&requests, &obstacles, &style);
    let painter = ui.painter_at(rect);
    let backdrop = color32(palette.background.with_alpha(190));
    for (label, spot) in pending.into_iter().zip(spots) {
        let Some(placement) = spot else {
            continue;
        };
        let [left, top, right, bottom] = placement.backdrop;
        let area = egui::Rect::from_min_max(Pos2::new(left, top), Pos2::new(right, bottom));
        painter.rect_filled(area, 3.0, backdrop);
        let [x, y] = placement.origin;
        painter.galley(Pos2::new(x, y), label.galley, color32(palette.text));
    }
}

/// The title block drawn over the network's top-left corner: the dataset's title, the large
/// date and the counts, laid out once a frame so that labels keep clear of it.
struct TitleBlock {
    /// Each line's text laid out, and where its top-left corner goes.
    lines: Vec<(Pos2, std::sync::Arc<egui::Galley>)>,
    /// The block with its backdrop's margin: no label may touch it.
    area: egui::Rect,
}

fn title_block(ui: &egui::Ui, panels: &Panels<'_>, rect: egui::Rect) -> TitleBlock {
    let palette = theme_of(ui.ctx()).palette();
    let origin = rect.left_top() + Vec2::new(16.0, 12.0);
    let counts = format!(
        "{} · {} bodies with members",
        panels.state.view.level.label(),
        panels.frame.body_members.iter().filter(|&&n| n > 0).count()
    );
    let texts = [
        (panels.document.title().to_owned(), 17.0, 0.0, palette.muted),
        (panels.state.view.date.long_name(), 38.0, 22.0, palette.text),
        (counts, 13.0, 66.0, palette.muted),
    ];
    let mut area = egui::Rect::NOTHING;
    let lines = texts
        .into_iter()
        .map(|(text, size, dy, colour)| {
            let galley = ui.ctx().fonts_mut(|fonts| {
                fonts.layout_no_wrap(text, FontId::proportional(size), color32(colour))
            });
            let at = origin + Vec2::new(0.0, dy);
            area = area.union(egui::Rect::from_min_size(at, galley.size()));
            (at, galley)
        })
        .collect();
    TitleBlock {
        lines,
        area: area.expand(6.0),
    }
}

/// Title, date, counts and hint, drawn over the network.
fn overlays_ui(
    ui: &egui::Ui,
    panels: &Panels<'_>,
    rect: egui::Rect,
    block: &TitleBlock,
    laying_out: bool,
) {
    let palette = theme_of(ui.ctx()).palette();
    let painter = ui.painter_at(rect);
    let muted = color32(palette.muted);
    // A soft backdrop keeps the title readable over nodes.
    painter.rect_filled(block.area, 6.0, color32(palette.background.with_alpha(210)));
    for (at, galley) in &block.lines {
        painter.galley(*at, galley.clone(), muted);
    }
    let bottom = Pos2::new(rect.center().x, rect.bottom() - 14.0);
    let hint = if laying_out {
        "Arranging the network…"
    } else if panels.state.view.selection.is_none() {
        CLICK_HINT
    } else {
        "Click the background or press Esc to clear the selection"
    };
    painter.text(
        bottom,
        Align2::CENTER_BOTTOM,
        hint,
        FontId::proportional(14.0),
        muted,
    );
}

fn hover_tip(
    ui: &egui::Ui,
    panels: &Panels<'_>,
    graph: &NetworkGraph,
    hovered: NodeIndex,
    response: &egui::Response,
) {
    let Some(node) = graph.node(hovered) else {
        return;
    };
    let number = node.payload().number;
    let Some(node_ref) = panels.document.graph.node_ref(number) else {
        return;
    };
    let document = panels.document;
    let text = match node_ref {
        NodeRef::Body(body) => {
            let count = panels
                .frame
                .body_members
                .get(body.index())
                .copied()
                .unwrap_or(0);
            let name = document
                .dataset
                .bodies
                .get(body.index())
                .map_or("", |b| b.name.as_str());
            format!(
                "{name}\n{} · {count} members",
                document.node_kind_label(node_ref)
            )
        }
        NodeRef::Actor(actor) => {
            let count = panels
                .frame
                .actor_memberships
                .get(actor.index())
                .copied()
                .unwrap_or(0);
            format!(
                "{}\n{} · {count} memberships",
                document.node_label(node_ref),
                document.node_kind_label(node_ref)
            )
        }
    };
    let _ = ui;
    response.clone().on_hover_text_at_pointer(text);
}
