//! The central panel: the network, with the title, the large date and a hint drawn over it.

use egui::{Align2, FontId, Pos2, Vec2};
use egui_graphs::{GraphChange, SettingsInteraction, SettingsNavigation, SettingsStyle};
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
    /// The canvas size at the last frame.
    last_size: Option<Vec2>,
    /// Whether the user zoomed or panned since the last fit: then a resized window keeps
    /// their view; otherwise the network is fitted to the new size.
    navigated: bool,
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
        let layer = ui.layer_id();
        let start = ctx.graphics(|layers| layers.get(layer).map_or(0, |list| list.next_idx().0));
        let interactions = SettingsInteraction::new()
            .with_dragging_enabled(true)
            .with_hover_enabled(true)
            .with_node_clicking_enabled(true);
        let navigations = SettingsNavigation::new()
            .with_zoom_and_pan_enabled(true)
            .with_fit_to_screen_enabled(fit)
            .with_fit_to_screen_padding(0.08);
        // The faint world map behind a network arranged on it: a slot below the graph,
        // filled after the view ran, with this frame's zoom and pan.
        let backdrop = ui.painter().add(egui::Shape::Noop);
        // The edges: one mesh under the nodes, filled after the view ran (this frame's
        // zoom and pan, and the nodes where they were dragged to).
        let edges_slot = ui.painter().add(egui::Shape::Noop);
        let response = NetworkView::new()
            .with_id(Some("network".into()))
            .with_interactions(&interactions)
            .with_navigations(&navigations)
            .with_styles(&SettingsStyle::new())
            .show(ui, graph);
        if panels.state.view.layout == crate::scene::layout::LayoutKind::OnMap {
            ui.painter().set(backdrop, faint_map(ui, rect));
        }
        ui.painter()
            .set(edges_slot, edges_shape(ui, panels, graph, rect));
        cache.key = Some(key);
        cache.live_frames += 1;
        let zoomed = response.response.hovered()
            && ctx.input(|input| {
                input.smooth_scroll_delta != Vec2::ZERO || input.zoom_delta() != 1.0
            });
        if (response.response.dragged() && graph.dragged_node().is_none()) || zoomed {
            cache.navigated = true;
        }
        let mut clicked_node = None;
        for change in &response.changes {
            if let GraphChange::NodeClicked { node } = change {
                clicked_node = Some(*node);
            }
        }
        if let Some(index) = clicked_node {
            let number = graph
                .node(index)
                .map(|node| node.payload().number)
                .unwrap_or(usize::MAX);
            let selection = panels
                .document
                .graph
                .node_ref(number)
                .map(|node| match node {
                    NodeRef::Body(body) => Selection::Body(body),
                    NodeRef::Actor(actor) => Selection::Actor(actor),
                });
            panels.emit(Command::Select(selection));
        } else if response.response.clicked() && graph.hovered_node().is_none() {
            panels.emit(Command::Select(None));
        }
        let block = title_block(ui, panels, rect);
        labels_ui(ui, graph, rect, block.area);
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

/// The network's edges as one mesh, at this frame's zoom and pan, clipped to the canvas.
fn edges_shape(
    ui: &egui::Ui,
    panels: &Panels<'_>,
    graph: &NetworkGraph,
    rect: egui::Rect,
) -> egui::Shape {
    let meta = egui_graphs::MetadataFrame::new(Some("network".into())).load(ui);
    let offset = rect.left_top().to_vec2();
    let mesh = super::network::edges_mesh(
        graph,
        &panels.document.graph.edges,
        &panels.frame.edges,
        |position| meta.canvas_to_screen_pos(position) + offset,
        meta.zoom,
        rect,
        ui.ctx().pixels_per_point(),
    );
    egui::Shape::mesh(mesh)
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
fn labels_ui(ui: &egui::Ui, graph: &NetworkGraph, rect: egui::Rect, title: egui::Rect) {
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
        let payload = node.payload();
        let text: &str = match look.label {
            LabelRule::Always => &payload.label,
            LabelRule::WhenZoomedIn if emphasised || zoom >= FULL_LABEL_ZOOM => &payload.label,
            LabelRule::WhenZoomedIn if zoom >= SHORT_LABEL_ZOOM => match &payload.short_label {
                Some(short) => short,
                None => continue,
            },
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
