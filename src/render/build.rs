//! Building a [`Picture`] from what the screen shows: the document, the view, the
//! positions and the [`RenderOptions`].
//!
//! The page is cut into a header (title, large date, counts), a footer (the source line),
//! a legend column on the right and the network's frame in the rest (below the header, or
//! beside it when the network is drawn larger there); the network is fitted into its frame
//! with its rings and mandatory labels, so nothing is cut at the edges and nothing overlaps
//! the legend or the header.

use crate::document::Document;
use crate::model::{Dataset, Word};
use crate::scene::{LabelRule, NodeRef, Ring, SceneFrame, View, Visibility};
use crate::style::Rgba;
use crate::timeline::BodyIx;

use super::camera::{self, Framing, NodeExtent, Rect};
use super::focus::frame_for_picture;
use super::legend::LegendPlan;
use super::options::{DateStamp, RenderOptions};
use super::picture::{Anchor, Layer, Picture, Shape};
use super::shapes::{self, MIN_NODE_RADIUS, NodeState, RING_GAP};
use super::text::TextMeasure;
use crate::scene::labels::{LabelNeed, LabelRequest, LabelStyle, Obstacle, place_labels};

/// Sizes at scale 1 (a 1920×1080 picture), in picture units.
pub(crate) const MARGIN: f32 = 36.0;
pub(crate) const TITLE_SIZE: f32 = 24.0;
pub(crate) const DATE_SIZE: f32 = 64.0;
pub(crate) const SOURCE_SIZE: f32 = 13.5;
const BODY_LABEL_SIZE: f32 = 15.0;
const ACTOR_LABEL_SIZE: f32 = 12.0;
const LABEL_PAD: f32 = 1.5;
pub(crate) const HEADER_GAP: f32 = 16.0;
const FOOTER_GAP: f32 = 14.0;
const LEGEND_GAP: f32 = 28.0;
/// Opacity of the backdrop behind node labels, as on screen.
const LABEL_BACKDROP_ALPHA: u8 = 190;

/// The credit line of a document: its title and licence, and the tool.
pub fn source_line(document: &Document) -> String {
    let meta = &document.dataset.meta;
    let mut line = format!("Data: {}", document.title());
    if !meta.license.trim().is_empty() {
        line.push_str(&format!(" ({})", meta.license.trim()));
    }
    line.push_str(" · Made with Minilateral");
    line
}

/// The title a picture gets when none is given: the focused body's name when there is one
/// focused body, the document's title otherwise.
pub fn default_title(document: &Document, focus: &[BodyIx]) -> String {
    match focus {
        [body] => document
            .dataset
            .bodies
            .get(body.index())
            .map_or_else(|| document.title().to_owned(), |b| b.name.clone()),
        _ => document.title().to_owned(),
    }
}

/// The date as the picture writes it.
pub(crate) fn date_text(view: &View, stamp: DateStamp) -> Option<String> {
    match stamp {
        DateStamp::Month => Some(view.date.long_name()),
        DateStamp::Year => Some(view.date.year().to_string()),
        DateStamp::Off => None,
    }
}

/// The small line under the date: the level and how many bodies (or the focused bodies'
/// member counts, each with what the sources report when its list is incomplete).
fn counts_text(document: &Document, view: &View, frame: &SceneFrame, focus: &[BodyIx]) -> String {
    if focus.is_empty() {
        return format!(
            "{} · {} bodies with members",
            view.level.label(),
            frame.body_members.iter().filter(|&&n| n > 0).count()
        );
    }
    let counts: Vec<String> = focus
        .iter()
        .map(|&body| {
            let count = frame.body_members.get(body.index()).copied().unwrap_or(0);
            let label = document.node_label(NodeRef::Body(body));
            let noun = if count == 1 { "member" } else { "members" };
            let short = crate::timeline::shortfalls(
                &document.dataset,
                &document.timeline,
                body,
                view.date.end(),
            );
            if short.is_empty() {
                format!("{label}: {count} {noun}")
            } else {
                format!("{label}: {count} {noun} ({})", short.join("; "))
            }
        })
        .collect();
    format!("{} · {}", counts.join(" · "), view.level.label())
}

/// Where the parts of the page go.
struct Page {
    ui: f32,
    margin: f32,
    /// Header lines: text size and the height of the line.
    header: Vec<(f32, f32)>,
    header_height: f32,
    footer_height: f32,
}

impl Page {
    fn new(options: &RenderOptions) -> Self {
        let ui = options.ui_scale();
        let mut header = Vec::new();
        if options.title.is_some() {
            header.push((TITLE_SIZE * ui, TITLE_SIZE * 1.3 * ui));
        }
        if options.date_stamp != DateStamp::Off {
            header.push((DATE_SIZE * ui, DATE_SIZE * 1.1 * ui));
            let counts = options.counts_size();
            header.push((counts * ui, counts * 1.4 * ui));
        }
        let header_height = header.iter().map(|(_, h)| h).sum::<f32>()
            + if header.is_empty() {
                0.0
            } else {
                HEADER_GAP * ui
            };
        let footer_height = if options.source.is_some() {
            SOURCE_SIZE * 1.3 * ui + FOOTER_GAP * ui
        } else {
            0.0
        };
        Self {
            ui,
            margin: MARGIN * ui,
            header,
            header_height,
            footer_height,
        }
    }

    /// The area of the legend column (its height; the width comes from the plan).
    fn legend_height(&self, options: &RenderOptions) -> f32 {
        options.height as f32 - 2.0 * self.margin - self.footer_height
    }

    /// The right edge of everything left of the legend column (of this width; 0 for none).
    fn content_right(&self, options: &RenderOptions, legend_width: f32) -> f32 {
        let legend = if legend_width > 0.0 {
            legend_width + LEGEND_GAP * self.ui
        } else {
            0.0
        };
        options.width as f32 - self.margin - legend
    }

    /// The network's frame below the header.
    fn network_below_header(&self, options: &RenderOptions, legend_width: f32) -> Rect {
        Rect::from_edges(
            self.margin,
            self.margin + self.header_height,
            self.content_right(options, legend_width),
            options.height as f32 - self.margin - self.footer_height,
        )
    }

    /// The network's frame beside the header (as tall as the page allows).
    fn network_beside_header(
        &self,
        options: &RenderOptions,
        legend_width: f32,
        header_width: f32,
    ) -> Rect {
        Rect::from_edges(
            self.margin + header_width + LEGEND_GAP * self.ui,
            self.margin,
            self.content_right(options, legend_width),
            options.height as f32 - self.margin - self.footer_height,
        )
    }

    /// The better of the two frames (the one where the network is drawn larger), and its
    /// camera. A round network in a wide picture gains from the full height beside the
    /// header; a wide one from the full width below it.
    fn framing(
        &self,
        options: &RenderOptions,
        legend_width: f32,
        header_width: f32,
        extents: &[NodeExtent],
    ) -> Framing {
        let below = self.network_below_header(options, legend_width);
        let mut best = Framing {
            network: below,
            camera: camera::fit(extents, below, self.ui),
        };
        if header_width > 0.0 {
            let beside = self.network_beside_header(options, legend_width, header_width);
            let camera = camera::fit(extents, beside, self.ui);
            if beside.w > 0.0 && camera.zoom > best.camera.zoom * 1.02 {
                best = Framing {
                    network: beside,
                    camera,
                };
            }
        }
        best
    }
}

/// The header's lines: the title, the date and the counts, each with its colour.
fn header_lines(
    document: &Document,
    view: &View,
    frame: &SceneFrame,
    options: &RenderOptions,
) -> Vec<(String, Rgba)> {
    let palette = options.theme.palette();
    let mut lines = Vec::new();
    if let Some(title) = &options.title {
        lines.push((title.clone(), palette.muted));
    }
    if let Some(date) = date_text(view, options.date_stamp) {
        lines.push((date, palette.text));
        lines.push((
            counts_text(document, view, frame, &options.focus),
            palette.muted,
        ));
    }
    lines
}

/// The header's lines with their font sizes, shrunk to fit `width` where needed.
fn header_sizes(
    lines: Vec<(String, Rgba)>,
    page: &Page,
    measure: &TextMeasure,
    width: f32,
) -> Vec<(String, Rgba, f32, f32)> {
    lines
        .into_iter()
        .zip(&page.header)
        .map(|((text, colour), &(size, height))| {
            let size = fitted_size(measure, &text, size, width);
            (text, colour, size, height)
        })
        .collect()
}

/// How wide the header's text is.
fn header_width(lines: &[(String, Rgba, f32, f32)], measure: &TextMeasure) -> f32 {
    lines
        .iter()
        .map(|(text, _, size, _)| measure.width(text, *size))
        .fold(0.0, f32::max)
}

fn legend_plan(
    frame: &SceneFrame,
    view: &View,
    options: &RenderOptions,
    page: &Page,
    measure: &TextMeasure,
) -> Option<LegendPlan> {
    if !options.legend {
        return None;
    }
    let plan = LegendPlan::new(
        &frame.legend,
        view.body_colouring,
        &options.theme.palette(),
        measure,
        page.ui,
        page.legend_height(options),
    );
    (!plan.is_empty()).then_some(plan)
}

/// The label texts of a node, best first.
fn label_texts(document: &Document, node: NodeRef) -> Vec<String> {
    let mut texts = vec![document.node_label(node).to_owned()];
    if let Some(short) = document.node_short_label(node)
        && !short.is_empty()
        && texts.first().is_none_or(|full| full != short)
    {
        texts.push(short.to_owned());
    }
    texts.retain(|text| !text.trim().is_empty());
    texts
}

/// Whether a node's label must be drawn (bodies, and actors the selection labels).
fn mandatory_label(frame: &SceneFrame, number: usize) -> bool {
    frame.nodes.get(number).is_some_and(|look| {
        look.visibility == Visibility::Shown
            && (look.label == LabelRule::Always || look.ring == Some(Ring::Selected))
    })
}

/// How much room each drawn node needs, for fitting the camera.
fn extents(
    document: &Document,
    frame: &SceneFrame,
    positions: &[[f32; 2]],
    page: &Page,
    measure: &TextMeasure,
) -> Vec<NodeExtent> {
    let ui = page.ui;
    let mut extents = Vec::new();
    for (number, look) in frame.nodes.iter().enumerate() {
        if look.visibility == Visibility::Hidden {
            continue;
        }
        let Some(&position) = positions.get(number) else {
            continue;
        };
        let ring = look.ring.is_some();
        let radius = if ring {
            look.radius * 1.25
        } else {
            look.radius
        };
        let base = MIN_NODE_RADIUS * ui
            + if ring {
                (RING_GAP + 2.0) * ui
            } else {
                1.0 * ui
            };
        let mut pad = [base; 4];
        if mandatory_label(frame, number)
            && let Some(node) = document.graph.node_ref(number)
            && let Some(text) = label_texts(document, node).first()
        {
            let size = label_size(look.kind.is_body(), ui);
            let half_width = measure.width(text, size) / 2.0 + LABEL_PAD * ui;
            let below = LABEL_PAD * 3.5 * ui + measure.ascent(size) + measure.descent(size);
            pad[0] = pad[0].max(half_width);
            pad[1] = pad[1].max(half_width);
            pad[3] = pad[3].max(base + below);
        }
        extents.push(NodeExtent {
            position,
            radius,
            pad,
        });
    }
    extents
}

/// The world's corners, when the network is drawn over the map: the camera fits the whole
/// map, so its outlines stay inside the network's frame.
fn map_extents(view: &View) -> Vec<NodeExtent> {
    use crate::scene::layout::{LayoutKind, layout_from_map};
    use crate::scene::map::MapBox;
    if view.layout != LayoutKind::OnMap {
        return Vec::new();
    }
    let [west, south] = MapBox::WORLD.min;
    let [east, north] = MapBox::WORLD.max;
    [[west, south], [east, north]]
        .into_iter()
        .map(|corner| NodeExtent {
            position: layout_from_map(corner),
            radius: 0.0,
            pad: [0.0; 4],
        })
        .collect()
}

fn label_size(body: bool, ui: f32) -> f32 {
    if body {
        BODY_LABEL_SIZE * ui
    } else {
        ACTOR_LABEL_SIZE * ui
    }
}

/// One frame and camera for several views (a sequence): the legend column is as wide as
/// the widest of their legends, and the camera fits the union of their drawn nodes.
pub fn shared_framing(
    document: &Document,
    views: &[View],
    positions: &[[f32; 2]],
    options: &RenderOptions,
) -> Framing {
    let page = Page::new(options);
    let measure = TextMeasure::new();
    let mut legend_width = 0.0_f32;
    let mut frames = Vec::with_capacity(views.len());
    let mut all_extents = Vec::new();
    for view in views {
        let view = view.with_theme(options.theme);
        let frame = frame_for_picture(document, &view, &options.focus);
        if let Some(plan) = legend_plan(&frame, &view, options, &page, &measure) {
            legend_width = legend_width.max(plan.width());
        }
        all_extents.extend(extents(document, &frame, positions, &page, &measure));
        all_extents.extend(map_extents(&view));
        frames.push(frame);
    }
    let text_width = page.content_right(options, legend_width) - page.margin;
    let header_width = views
        .iter()
        .zip(&frames)
        .map(|(view, frame)| {
            let lines = header_lines(document, view, frame, options);
            header_width(&header_sizes(lines, &page, &measure, text_width), &measure)
        })
        .fold(0.0, f32::max);
    page.framing(options, legend_width, header_width, &all_extents)
}

impl Picture {
    /// The picture of what the view shows: the screen's looks (colours, shapes, sizes,
    /// rings, fading) at the view's date, level, filters and selection, at `positions`
    /// (numbered like [`crate::scene::SceneGraph`]; see [`crate::scene::layout::arrange`]).
    pub fn build(
        document: &Document,
        view: &View,
        positions: &[[f32; 2]],
        options: &RenderOptions,
    ) -> Self {
        // The picture's theme may differ from the screen's.
        let view = &view.with_theme(options.theme);
        let palette = options.theme.palette();
        let measure = TextMeasure::new();
        let page = Page::new(options);
        let ui = page.ui;
        let frame = frame_for_picture(document, view, &options.focus);
        let plan = legend_plan(&frame, view, options, &page, &measure);
        let legend_width = plan.as_ref().map_or(0.0, LegendPlan::width);
        let text_width = page.content_right(options, legend_width) - page.margin;
        let header_lines = header_sizes(
            header_lines(document, view, &frame, options),
            &page,
            &measure,
            text_width,
        );
        let framing = options.framing.unwrap_or_else(|| {
            let mut extents = extents(document, &frame, positions, &page, &measure);
            extents.extend(map_extents(view));
            let header_width = header_width(&header_lines, &measure);
            page.framing(options, legend_width, header_width, &extents)
        });
        let camera = framing.camera;
        let edge_scale = (camera.node_zoom / ui).clamp(0.7, 1.8) * ui;

        // Node geometry in picture units.
        let drawn: Vec<Option<([f32; 2], f32)>> = frame
            .nodes
            .iter()
            .enumerate()
            .map(|(number, look)| {
                if look.visibility == Visibility::Hidden {
                    return None;
                }
                let position = positions.get(number)?;
                let radius = (look.radius * camera.node_zoom).max(MIN_NODE_RADIUS * ui);
                Some((camera.picture_from_layout(*position), radius))
            })
            .collect();

        // Edges: faded ones first, so that what matters is drawn on top.
        let mut edges = Vec::new();
        for faded_pass in [true, false] {
            for (look, &(_, from, to)) in frame.edges.iter().zip(&document.graph.edges) {
                if look.visibility == Visibility::Hidden
                    || (look.visibility == Visibility::Faded) != faded_pass
                {
                    continue;
                }
                let (Some(Some((a, ra))), Some(Some((b, rb)))) = (drawn.get(from), drawn.get(to))
                else {
                    continue;
                };
                let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
                let length = (dx * dx + dy * dy).sqrt();
                if length <= ra + rb || !length.is_finite() {
                    continue;
                }
                let (ux, uy) = (dx / length, dy / length);
                let start = [a[0] + ux * ra, a[1] + uy * ra];
                let end = [b[0] - ux * rb, b[1] - uy * rb];
                shapes::edge_look_shapes(look, start, end, edge_scale, ui, &mut edges);
            }
        }

        // Nodes: faded first, then actors, then bodies on top.
        let mut order: Vec<usize> = (0..frame.nodes.len())
            .filter(|&n| drawn[n].is_some())
            .collect();
        order.sort_by_key(|&n| {
            let look = &frame.nodes[n];
            (look.visibility == Visibility::Shown, look.kind.is_body(), n)
        });
        let mut nodes = Vec::new();
        let mut node_boxes = Vec::new();
        for &number in &order {
            let (Some(look), Some((centre, radius))) = (frame.nodes.get(number), drawn[number])
            else {
                continue;
            };
            let faded = look.visibility == Visibility::Faded;
            let state = NodeState::default();
            shapes::node_shapes(look, centre, radius, state, &palette, ui, &mut nodes);
            if !faded {
                let reach = if shapes::ring_of(look, state, &palette).is_some() {
                    shapes::ring_radius(radius, ui)
                } else {
                    radius
                };
                node_boxes.push((number, square(centre, reach)));
            }
        }

        // Labels.
        let wanted = label_requests(document, &frame, &drawn, &measure, ui);
        let requests: Vec<LabelRequest> = wanted.iter().map(|w| w.request.clone()).collect();
        let obstacles: Vec<Obstacle> = node_boxes
            .iter()
            .map(|(node, rect)| Obstacle {
                node: *node,
                bounds: [rect.x, rect.y, rect.right(), rect.bottom()],
            })
            .collect();
        let network = framing.network;
        let style = LabelStyle {
            pad: LABEL_PAD * ui,
            frame: Some([network.x, network.y, network.right(), network.bottom()]),
            // The header is outside the network's frame.
            keep_out: None,
        };
        let placements = place_labels(&requests, &obstacles, &style);
        let mut label_shapes = Vec::new();
        let mut placed = Vec::new();
        for (label, placement) in wanted.into_iter().zip(placements) {
            let Some(placement) = placement else {
                continue;
            };
            let Some(text) = label.texts.into_iter().nth(placement.text) else {
                continue;
            };
            let [left, top, right, bottom] = placement.backdrop;
            let width = label.request.texts[placement.text][0];
            label_shapes.push(Shape::Rect {
                rect: Rect::from_edges(left, top, right, bottom),
                corner: 3.0 * ui,
                fill: palette.background.with_alpha(LABEL_BACKDROP_ALPHA),
            });
            label_shapes.push(Shape::Text {
                position: [
                    placement.origin[0] + width / 2.0,
                    placement.origin[1] + measure.ascent(label.size),
                ],
                text: text.clone(),
                size: label.size,
                colour: palette.text,
                anchor: Anchor::Middle,
                rotation: 0.0,
            });
            placed.push((label.request.node, text));
        }

        // The legend, right-aligned in its column.
        let mut legend = Vec::new();
        let legend_rect = plan.as_ref().map(|plan| {
            let width = plan.width();
            let origin = [options.width as f32 - page.margin - width, page.margin];
            let height = plan.height(&measure).min(page.legend_height(options));
            plan.draw(origin, &palette, &measure, height, &mut legend)
        });

        // Header and footer.
        let mut header = Vec::new();
        let mut top = page.margin;
        for (text, colour, size, height) in header_lines {
            header.push(Shape::Text {
                position: [
                    page.margin,
                    top + (height - size) / 2.0 + measure.ascent(size),
                ],
                text,
                size,
                colour,
                anchor: Anchor::Start,
                rotation: 0.0,
            });
            top += height;
        }
        let mut footer = Vec::new();
        if let Some(source) = &options.source {
            let width = options.width as f32 - 2.0 * page.margin;
            let size = fitted_size(&measure, source, SOURCE_SIZE * ui, width);
            footer.push(Shape::Text {
                position: [
                    page.margin,
                    options.height as f32 - page.margin - measure.descent(size),
                ],
                text: source.clone(),
                size,
                colour: palette.muted,
                anchor: Anchor::Start,
                rotation: 0.0,
            });
        }

        let description = [options.title.clone(), date_text(view, options.date_stamp)]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(", ");
        Self {
            width: options.width as f32,
            height: options.height as f32,
            background: options.background_colour(),
            description,
            layers: vec![
                Layer {
                    name: "map",
                    shapes: faint_map(view, &camera, &palette, ui),
                },
                Layer {
                    name: "edges",
                    shapes: edges,
                },
                Layer {
                    name: "nodes",
                    shapes: nodes,
                },
                Layer {
                    name: "labels",
                    shapes: label_shapes,
                },
                Layer {
                    name: "legend",
                    shapes: legend,
                },
                Layer {
                    name: "header",
                    shapes: header,
                },
                Layer {
                    name: "footer",
                    shapes: footer,
                },
            ],
            framing,
            legend_rect,
            margin: page.margin,
            visible_nodes: drawn.iter().filter(|d| d.is_some()).count(),
            labels: placed,
        }
    }
}

/// A label's priority: its class (mandatory, ringed, other), then more members or
/// memberships first, then the node number.
type LabelRank = (u8, std::cmp::Reverse<u32>, usize);

/// A label a picture would like to draw: its texts (a full name, then a short code), their
/// font size, and the request measured from them.
struct PictureLabel {
    texts: Vec<String>,
    size: f32,
    request: LabelRequest,
}

/// The labels to try, in priority order: mandatory ones (bodies by size), then actors with
/// a ring, then actors by memberships; ties by node number.
fn label_requests(
    document: &Document,
    frame: &SceneFrame,
    drawn: &[Option<([f32; 2], f32)>],
    measure: &TextMeasure,
    ui: f32,
) -> Vec<PictureLabel> {
    let mut requests: Vec<(LabelRank, PictureLabel)> = Vec::new();
    for (number, look) in frame.nodes.iter().enumerate() {
        let Some(Some((centre, radius))) = drawn.get(number) else {
            continue;
        };
        if look.visibility != Visibility::Shown {
            continue;
        }
        let Some(node) = document.graph.node_ref(number) else {
            continue;
        };
        let texts = label_texts(document, node);
        if texts.is_empty() {
            continue;
        }
        let mandatory = mandatory_label(frame, number);
        let weight = match node {
            NodeRef::Body(body) => frame.body_members.get(body.index()).copied().unwrap_or(0),
            NodeRef::Actor(actor) => frame
                .actor_memberships
                .get(actor.index())
                .copied()
                .unwrap_or(0),
        };
        let rank = if mandatory {
            0
        } else if look.ring.is_some() {
            1
        } else {
            2
        };
        let ring_gap = if look.ring.is_some() {
            radius * 0.25 + RING_GAP * ui
        } else {
            0.0
        };
        let texts: Vec<String> = if mandatory {
            texts.into_iter().take(1).collect()
        } else {
            texts
        };
        let size = label_size(look.kind.is_body(), ui);
        let height = measure.ascent(size) + measure.descent(size);
        let request = LabelRequest {
            node: number,
            anchor: *centre,
            radius: radius + ring_gap,
            texts: texts
                .iter()
                .map(|text| [measure.width(text, size), height])
                .collect(),
            need: if mandatory {
                LabelNeed::Forced
            } else {
                LabelNeed::Optional
            },
        };
        requests.push((
            (rank, std::cmp::Reverse(weight), number),
            PictureLabel {
                texts,
                size,
                request,
            },
        ));
    }
    requests.sort_by_key(|(rank, _)| *rank);
    requests.into_iter().map(|(_, request)| request).collect()
}

/// The font size that keeps `text` within `width`, at most `size`.
fn fitted_size(measure: &TextMeasure, text: &str, size: f32, width: f32) -> f32 {
    let natural = measure.width(text, size);
    if natural > width && natural > 0.0 {
        size * width / natural
    } else {
        size
    }
}

fn square(centre: [f32; 2], radius: f32) -> Rect {
    Rect {
        x: centre[0] - radius,
        y: centre[1] - radius,
        w: 2.0 * radius,
        h: 2.0 * radius,
    }
}

/// The body ids of a dataset, sorted, for error messages.
pub fn known_body_ids(dataset: &Dataset) -> Vec<&str> {
    let mut ids: Vec<&str> = dataset.bodies.iter().map(|b| b.id.as_str()).collect();
    ids.sort_unstable();
    ids
}

/// The world's outlines behind a network arranged "On the map" (nothing otherwise): faint
/// lines, so the states sit on their countries without the map taking over.
pub(crate) fn faint_map(
    view: &View,
    camera: &super::camera::Camera,
    palette: &crate::style::Palette,
    ui: f32,
) -> Vec<Shape> {
    use crate::scene::layout::{LayoutKind, layout_from_map};
    if view.layout != LayoutKind::OnMap {
        return Vec::new();
    }
    let Ok(map) = crate::scene::map::WorldMap::embedded() else {
        return Vec::new();
    };
    let stroke = super::picture::Stroke {
        colour: palette.muted.with_alpha(90),
        width: 0.7 * ui,
    };
    map.countries()
        .iter()
        .map(|country| Shape::Path {
            rings: country
                .polygons()
                .iter()
                .flat_map(|polygon| polygon.rings())
                .map(|ring| {
                    ring.iter()
                        .map(|&point| camera.picture_from_layout(layout_from_map(point)))
                        .collect()
                })
                .collect(),
            fill: None,
            stroke: Some(stroke),
        })
        .collect()
}
