//! The coalition network as a picture: bodies only, sized by their members at the date,
//! tied by lines as wide as the two bodies are alike, every body labelled; a header with the
//! large date, a legend column (shapes, colours and a key to the tie widths) and the source
//! line. The app's coalition view draws this very picture, so the screen and the files agree.
//!
//! The frame and the camera depend on the dataset, the page and the date-independent
//! filters only (every body is framed at its largest size), so a body keeps its place on the
//! page while the timeline plays, in the window and in a sequence alike.

use crate::document::Document;
use crate::model::Word;
use crate::scene::coalitions::percent;
use crate::scene::labels::{LabelNeed, LabelRequest, LabelStyle, Obstacle, place_labels};
use crate::scene::{CoalitionScene, Legend, SceneFrame, View, Visibility};
use crate::style::{self, BodyColouring, FADED_ALPHA, NodeKind, Palette, Rgba};
use crate::timeline::BodyIx;

use super::build::{DATE_SIZE, HEADER_GAP, MARGIN, SOURCE_SIZE, TITLE_SIZE, date_text};
use super::camera::{self, Framing, NodeExtent, Rect};
use super::options::RenderOptions;
use super::picture::{Anchor, Layer, LineDash, Picture, Shape, Stroke};
use super::shapes::{self, MIN_NODE_RADIUS, NodeState, SWATCH_WIDTH, legend_sections};
use super::text::TextMeasure;

/// Sizes at scale 1 (a 1920×1080 picture), in picture units; the page's margin, title, date
/// and source line are the network picture's (`super::build`).
const LEGEND_WIDTH: f32 = 290.0;
const LEGEND_GAP: f32 = 28.0;
const LEGEND_PAD: f32 = 16.0;
const LEGEND_TEXT: f32 = 15.0;
const LEGEND_HEADING: f32 = 15.5;
const LEGEND_NOTE: f32 = 13.0;
const ROW_HEIGHT: f32 = 23.0;
const HEADING_HEIGHT: f32 = 27.0;
const NOTE_LINE: f32 = 17.0;
const SECTION_GAP: f32 = 14.0;
const SWATCH_GAP: f32 = 9.0;
/// The most columns of a legend drawn as a band below the network.
const MAX_BAND_COLUMNS: usize = 4;
/// The legend is never drawn smaller than this fraction of its size.
const MIN_LEGEND_SHRINK: f32 = 0.55;
const LABEL_SIZE: f32 = 15.0;
const LABEL_PAD: f32 = 1.5;
/// Opacity of the backdrop behind labels, as in the network's pictures.
const LABEL_BACKDROP_ALPHA: u8 = 190;
/// A tie's width at scale 1: this much for a faint likeness, plus [`TIE_WIDTH_PER_SIMILARITY`]
/// times the similarity (so two bodies with the same members get a thick band).
const TIE_MIN_WIDTH: f32 = 0.8;
const TIE_WIDTH_PER_SIMILARITY: f32 = 9.0;

/// A coalition picture and where its bodies are, for hit testing.
#[derive(Clone, Debug)]
pub struct CoalitionPicture {
    /// The picture (layers `ties`, `nodes`, `labels`, `legend`, `header`, `footer`).
    pub picture: Picture,
    /// The coalition network it shows.
    pub scene: CoalitionScene,
    /// Each drawn body's centre and radius, in picture units.
    pub bodies: Vec<(BodyIx, [f32; 2], f32)>,
}

impl CoalitionPicture {
    /// The coalition network of `view` (its theme replaced by the options'), sized and
    /// titled by `options`; `frame` is the scene's look in the same view.
    pub fn build(
        document: &Document,
        view: &View,
        frame: &SceneFrame,
        options: &RenderOptions,
    ) -> Self {
        Self::build_at(document, view, frame, options, options.ui_scale())
    }

    /// Like [`CoalitionPicture::build`], with text, margins and strokes at `ui` times their
    /// size on a 1920×1080 slide (the screen keeps its text readable in a small window).
    pub fn build_at(
        document: &Document,
        view: &View,
        frame: &SceneFrame,
        options: &RenderOptions,
        ui: f32,
    ) -> Self {
        let view = &view.with_theme(options.theme);
        let palette = options.theme.palette();
        let measure = TextMeasure::new();
        let (width, height) = (options.width as f32, options.height as f32);
        let margin = MARGIN * ui;
        let scene = CoalitionScene::build(
            &document.dataset,
            &document.timeline,
            frame,
            view,
            document.coalition_positions(),
        );

        // Header: title, large date, counts; each line shrunk to the page's width.
        let text_width = (width - 2.0 * margin).max(1.0);
        let mut header = Vec::new();
        let mut top = margin;
        let mut lines: Vec<(String, f32, Rgba, f32)> = Vec::new();
        if let Some(title) = &options.title {
            lines.push((title.clone(), TITLE_SIZE * ui, palette.muted, 1.35));
        }
        if let Some(date) = date_text(view, options.date_stamp) {
            lines.push((date, DATE_SIZE * ui, palette.text, 1.15));
        }
        lines.push((
            counts_text(&scene, view),
            options.counts_size() * ui,
            palette.muted,
            1.4,
        ));
        for (words, size, colour, line) in lines {
            let fitted = fitted_size(&measure, &words, size, text_width);
            header.push(Shape::text(
                [margin, top + measure.ascent(fitted)],
                &words,
                fitted,
                colour,
            ));
            top += size * line;
        }
        top += HEADER_GAP * ui;

        // Footer: the source line.
        let mut footer = Vec::new();
        let mut bottom = height - margin;
        if let Some(source) = &options.source {
            let size = fitted_size(&measure, source, SOURCE_SIZE * ui, text_width);
            footer.push(Shape::text(
                [margin, bottom - measure.descent(size)],
                source,
                size,
                palette.muted,
            ));
            bottom -= SOURCE_SIZE * ui * 1.8;
        }

        // The camera: every body the filters may show, at its largest, with its label.
        let label_size = LABEL_SIZE * ui;
        let label_height = measure.ascent(label_size) + measure.descent(label_size);
        let extents: Vec<NodeExtent> = scene
            .framed
            .iter()
            .map(|body| {
                let half =
                    measure.width(label_of(document, body.body), label_size) / 2.0 + LABEL_PAD * ui;
                let base = (MIN_NODE_RADIUS + 2.0) * ui;
                NodeExtent {
                    position: body.position,
                    radius: body.radius,
                    pad: [
                        half.max(base),
                        half.max(base),
                        base,
                        base + label_height + LABEL_PAD * 3.5 * ui,
                    ],
                }
            })
            .collect();
        let stretcher = Stretcher::of(&extents);

        // The legend: a column beside the network, or a band of columns below it when the
        // network is drawn larger so (a narrow window). Sized from every body the filters
        // may show, not those of the date, so that the choice and the camera stay put.
        let legend_width = LEGEND_WIDTH * ui;
        let gap = LEGEND_GAP * ui;
        let beside = Rect::from_edges(
            margin,
            top,
            (width
                - margin
                - if options.legend {
                    legend_width + gap
                } else {
                    0.0
                })
            .max(margin + 1.0),
            bottom.max(top + 1.0),
        );
        let (mut framing, mut stretch) = stretcher.fit(&extents, beside, ui);
        let drawn_sections = legend_rows(
            scene.nodes.iter().map(|node| node.look.kind).collect(),
            frame.legend.body_colours.clone(),
            &scene,
            view,
            &palette,
        );
        // (the number of columns of the band, and its height)
        let mut band: Option<(usize, f32)> = None;
        let columns = ((width - 2.0 * margin) / legend_width).floor() as usize;
        if options.legend && columns >= 2 {
            let sizing = legend_rows(
                framed_kinds(document, &scene),
                framed_colours(document, &scene, view),
                &scene,
                view,
                &palette,
            );
            let items = legend_items(&sizing, LEGEND_WIDTH, &measure);
            let columns = columns.min(MAX_BAND_COLUMNS);
            let band_height = columns_height(&items, &split_columns(&items, columns)) * ui;
            let below = Rect::from_edges(
                margin,
                top,
                width - margin,
                (bottom - band_height - gap).max(top + 1.0),
            );
            let (candidate, candidate_stretch) = stretcher.fit(&extents, below, ui);
            if candidate.camera.zoom > framing.camera.zoom * 1.02 {
                framing = candidate;
                stretch = candidate_stretch;
                band = Some((columns, band_height));
            }
        }
        let mut legend = Vec::new();
        let legend_rect = options.legend.then(|| match band {
            Some((columns, band_height)) => legend_shapes(
                &drawn_sections,
                [margin, bottom - band_height],
                legend_width,
                columns,
                band_height,
                ui,
                &palette,
                &measure,
                &mut legend,
            ),
            None => legend_shapes(
                &drawn_sections,
                [width - margin - legend_width, top],
                legend_width,
                1,
                (bottom - top).max(1.0),
                ui,
                &palette,
                &measure,
                &mut legend,
            ),
        });
        let network = framing.network;
        let camera = framing.camera;

        // Bodies in picture units.
        let bodies: Vec<(BodyIx, [f32; 2], f32)> = scene
            .nodes
            .iter()
            .map(|node| {
                let radius = (node.look.radius * camera.node_zoom).max(MIN_NODE_RADIUS * ui);
                (
                    node.body,
                    camera.picture_from_layout(stretcher.apply(node.position, stretch)),
                    radius,
                )
            })
            .collect();
        let place = |body: BodyIx| {
            bodies
                .iter()
                .find(|(b, _, _)| *b == body)
                .map(|&(_, centre, radius)| (centre, radius))
        };

        // Ties, boundary to boundary: faded ones first, then the rest weakest first.
        let mut ties = Vec::new();
        for faded_pass in [true, false] {
            for tie in &scene.ties {
                if (tie.visibility == Visibility::Faded) != faded_pass {
                    continue;
                }
                let (Some((a, ra)), Some((b, rb))) = (place(tie.a), place(tie.b)) else {
                    continue;
                };
                let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
                let length = (dx * dx + dy * dy).sqrt();
                if length <= ra + rb || !length.is_finite() {
                    continue;
                }
                let (ux, uy) = (dx / length, dy / length);
                ties.push(Shape::Line {
                    from: [a[0] + ux * ra, a[1] + uy * ra],
                    to: [b[0] - ux * rb, b[1] - uy * rb],
                    stroke: Stroke {
                        colour: tie_colour(&palette, tie.similarity, faded_pass),
                        width: tie_width(tie.similarity) * ui,
                    },
                    dash: LineDash::Solid,
                });
            }
        }

        // Bodies: faded first, the selection last.
        let mut order: Vec<usize> = (0..scene.nodes.len()).collect();
        order.sort_by_key(|&i| {
            let look = &scene.nodes[i].look;
            (
                look.visibility == Visibility::Shown,
                look.ring.is_some(),
                std::cmp::Reverse(scene.nodes[i].members),
            )
        });
        let mut nodes = Vec::new();
        let mut obstacles = Vec::new();
        for &i in &order {
            let (node, (_, centre, radius)) = (&scene.nodes[i], bodies[i]);
            let state = NodeState::default();
            shapes::node_shapes(&node.look, centre, radius, state, &palette, ui, &mut nodes);
            let reach = if shapes::ring_of(&node.look, state, &palette).is_some() {
                shapes::ring_radius(radius, ui)
            } else {
                radius
            };
            obstacles.push(Obstacle::disc(node.body.index(), centre, reach));
        }

        // Labels: every body's, forced for those shown, faded ones where they fit.
        let mut wanted: Vec<(usize, LabelRequest, &str, bool)> = order
            .iter()
            .rev()
            .map(|&i| {
                let (node, (_, centre, _)) = (&scene.nodes[i], bodies[i]);
                let label = label_of(document, node.body);
                let shown = node.look.visibility == Visibility::Shown;
                let request = LabelRequest {
                    node: node.body.index(),
                    anchor: centre,
                    radius: obstacles
                        .iter()
                        .find(|o| o.node == node.body.index())
                        .map_or(0.0, |o| (o.bounds[2] - o.bounds[0]) / 2.0),
                    texts: vec![[measure.width(label, label_size), label_height]],
                    need: if shown {
                        LabelNeed::Forced
                    } else {
                        LabelNeed::Important
                    },
                };
                (i, request, label, shown)
            })
            .collect();
        // Shown bodies first, the largest first: they choose their spots before the rest.
        wanted.sort_by_key(|(i, _, _, shown)| {
            (
                !*shown,
                scene.nodes[*i].look.ring.is_none(),
                std::cmp::Reverse(scene.nodes[*i].members),
                scene.nodes[*i].body,
            )
        });
        let requests: Vec<LabelRequest> = wanted.iter().map(|w| w.1.clone()).collect();
        let style = LabelStyle {
            pad: LABEL_PAD * ui,
            frame: Some([network.x, network.y, network.right(), network.bottom()]),
            // A label that finds no spot in the frame may leave it, never over the title.
            keep_out: Some([0.0, 0.0, width, top - HEADER_GAP * ui]),
        };
        let placements = place_labels(&requests, &obstacles, &style);
        let mut labels = Vec::new();
        let mut placed = Vec::new();
        for ((_, request, label, shown), placement) in wanted.iter().zip(placements) {
            let Some(placement) = placement else {
                continue;
            };
            let [left, top, right, bottom] = placement.backdrop;
            let text_width = request.texts.first().map_or(0.0, |t| t[0]);
            labels.push(Shape::Rect {
                rect: Rect::from_edges(left, top, right, bottom),
                corner: 3.0 * ui,
                fill: palette.background.with_alpha(LABEL_BACKDROP_ALPHA),
            });
            labels.push(Shape::Text {
                position: [
                    placement.origin[0] + text_width / 2.0,
                    placement.origin[1] + measure.ascent(label_size),
                ],
                text: (*label).to_owned(),
                size: label_size,
                colour: if *shown { palette.text } else { palette.muted },
                anchor: Anchor::Middle,
                rotation: 0.0,
            });
            placed.push((request.node, (*label).to_owned()));
        }

        let description = [options.title.clone(), date_text(view, options.date_stamp)]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(", ");
        let picture = Picture {
            width,
            height,
            background: options.background_colour(),
            description,
            layers: vec![
                Layer {
                    name: "ties",
                    shapes: ties,
                },
                Layer {
                    name: "nodes",
                    shapes: nodes,
                },
                Layer {
                    name: "labels",
                    shapes: labels,
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
            margin,
            visible_nodes: scene.nodes.len(),
            labels: placed,
        };
        Self {
            picture,
            scene,
            bodies,
        }
    }

    /// The body drawn under `point` (picture units): the nearest whose disc, grown by
    /// `reach`, holds the point.
    pub fn hit(&self, point: [f32; 2], reach: f32) -> Option<BodyIx> {
        self.bodies
            .iter()
            .filter_map(|&(body, centre, radius)| {
                let distance = (point[0] - centre[0]).hypot(point[1] - centre[1]);
                (distance <= radius + reach).then_some((body, distance - radius))
            })
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(body, _)| body)
    }

    /// Where a body is drawn, in picture units, if it is.
    pub fn position(&self, body: BodyIx) -> Option<[f32; 2]> {
        self.bodies
            .iter()
            .find(|(b, _, _)| *b == body)
            .map(|&(_, centre, _)| centre)
    }
}

/// Stretches the coalition layout sideways (never squeezes it) so that it fills a wide
/// frame: the stretch depends on the frame and the framed bodies only, never on the date.
struct Stretcher {
    /// The middle of the layout, which stays put.
    middle: f32,
    /// The layout's width over its height, bodies included.
    aspect: f32,
}

impl Stretcher {
    fn of(extents: &[NodeExtent]) -> Self {
        let (mut left, mut right, mut top, mut bottom) = (f32::MAX, f32::MIN, f32::MAX, f32::MIN);
        for e in extents {
            left = left.min(e.position[0] - e.radius);
            right = right.max(e.position[0] + e.radius);
            top = top.min(e.position[1] - e.radius);
            bottom = bottom.max(e.position[1] + e.radius);
        }
        let (width, height) = (right - left, bottom - top);
        Self {
            middle: if extents.is_empty() {
                0.0
            } else {
                (left + right) / 2.0
            },
            aspect: if width > 0.0 && height > 0.0 {
                width / height
            } else {
                1.0
            },
        }
    }

    /// A layout position stretched sideways by `stretch`.
    fn apply(&self, position: [f32; 2], stretch: f32) -> [f32; 2] {
        [
            self.middle + (position[0] - self.middle) * stretch,
            position[1],
        ]
    }

    /// The framing of `extents` in `frame`, stretched toward the frame's shape, and the
    /// stretch.
    fn fit(&self, extents: &[NodeExtent], frame: Rect, ui: f32) -> (Framing, f32) {
        let wanted = if frame.h > 0.0 {
            frame.w / frame.h / self.aspect
        } else {
            1.0
        };
        let stretch = wanted.clamp(1.0, MAX_STRETCH);
        let stretched: Vec<NodeExtent> = extents
            .iter()
            .map(|e| NodeExtent {
                position: self.apply(e.position, stretch),
                ..*e
            })
            .collect();
        let framing = Framing {
            network: frame,
            camera: camera::fit(&stretched, frame, ui),
        };
        (framing, stretch)
    }
}

/// The most a picture stretches the coalition layout sideways.
const MAX_STRETCH: f32 = 1.8;

/// A tie's width at scale 1 for a similarity from 0 to 1.
pub fn tie_width(similarity: f32) -> f32 {
    TIE_MIN_WIDTH + TIE_WIDTH_PER_SIMILARITY * similarity.clamp(0.0, 1.0)
}

/// A tie's colour: the theme's neutral line colour, more opaque for more alike bodies so that
/// a crowd of faint ties stays in the background.
fn tie_colour(palette: &Palette, similarity: f32, faded: bool) -> Rgba {
    if faded {
        return palette.muted.with_alpha(FADED_ALPHA / 2);
    }
    let alpha = 90.0 + 110.0 * similarity.clamp(0.0, 1.0);
    palette.muted.with_alpha(alpha.round() as u8)
}

/// The text of a body's label: its short name.
fn label_of(document: &Document, body: BodyIx) -> &str {
    document
        .dataset
        .bodies
        .get(body.index())
        .map_or("", |b| b.label())
}

/// The header's third line: how many bodies and ties are drawn, from what likeness on.
fn counts_text(scene: &CoalitionScene, view: &View) -> String {
    let bodies = scene.nodes.iter().filter(|node| node.members > 0).count();
    let ties = scene.ties.len();
    format!(
        "{bodies} {} with members · {ties} {} of bodies at least {}% alike · {}",
        if bodies == 1 { "body" } else { "bodies" },
        if ties == 1 { "tie" } else { "ties" },
        percent(scene.threshold),
        view.level.label()
    )
}

/// The font size that keeps `words` within `width`, at most `size`.
fn fitted_size(measure: &TextMeasure, words: &str, size: f32, width: f32) -> f32 {
    let natural = measure.width(words, size);
    if natural > width && natural > 0.0 {
        size * width / natural
    } else {
        size
    }
}

/// What one legend row shows beside its text.
enum Sample {
    /// A node shape or colour, as [`shapes::legend_sections`] gives it.
    Swatch(shapes::Swatch),
    /// A tie of this similarity.
    Tie(f32),
}

/// One legend section: a heading, rows of a sample and a text, and a note.
type Section = (&'static str, Vec<(Sample, String)>, Option<String>);

/// The legend's sections: the shapes and colours of the bodies (the network's sections,
/// narrowed to bodies), then the key to the tie widths.
fn legend_rows(
    kinds: Vec<NodeKind>,
    body_colours: Vec<(&'static str, Rgba)>,
    scene: &CoalitionScene,
    view: &View,
    palette: &Palette,
) -> Vec<Section> {
    let mut kinds = kinds;
    kinds.sort();
    kinds.dedup();
    let legend = Legend {
        kinds,
        body_colours,
        ..Legend::default()
    };
    let mut sections: Vec<Section> = legend_sections(&legend, view.body_colouring, palette)
        .into_iter()
        .map(|section| {
            let note =
                (section.heading == "Shapes").then(|| "Size: members at the date".to_owned());
            let rows = section
                .rows
                .into_iter()
                .map(|(swatch, words)| (Sample::Swatch(swatch), words))
                .collect();
            (section.heading, rows, note)
        })
        .collect();
    let threshold = scene.threshold;
    let mut steps = vec![threshold.max(0.05), 0.5, 1.0];
    steps.dedup_by(|later, earlier| percent(*later) <= percent(*earlier));
    let rows = steps
        .into_iter()
        .map(|similarity| {
            (
                Sample::Tie(similarity),
                format!("{}% alike", percent(similarity)),
            )
        })
        .collect();
    let note = if threshold > 0.0 {
        format!(
            "Alike: members of both over members of either. Ties under {}% are not drawn",
            percent(threshold)
        )
    } else {
        "Alike: members of both over members of either".to_owned()
    };
    sections.push(("Ties: shared members", rows, Some(note)));
    sections
}

/// The kinds of every body the filters may show.
fn framed_kinds(document: &Document, scene: &CoalitionScene) -> Vec<NodeKind> {
    scene
        .framed
        .iter()
        .filter_map(|framed| document.dataset.bodies.get(framed.body.index()))
        .map(|body| NodeKind::of_body(body.kind))
        .collect()
}

/// The colours of every body the filters may show, with what they say (as the network's
/// legend names them).
fn framed_colours(
    document: &Document,
    scene: &CoalitionScene,
    view: &View,
) -> Vec<(&'static str, Rgba)> {
    let mut colours: Vec<(&'static str, Rgba)> = Vec::new();
    for framed in &scene.framed {
        let Some(body) = document.dataset.bodies.get(framed.body.index()) else {
            continue;
        };
        let entry = match view.body_colouring {
            BodyColouring::IssueArea => body
                .issues
                .first()
                .map_or(("No issue area given", style::NO_ISSUE_COLOUR), |&issue| {
                    (issue.label(), style::issue_colour(issue))
                }),
            BodyColouring::Law => (body.law.label(), style::law_colour(body.law)),
        };
        if !colours.contains(&entry) {
            colours.push(entry);
        }
    }
    colours
}

/// One line of the legend, as it is stacked in a column.
enum Item<'a> {
    /// A section's heading.
    Heading(&'a str),
    /// A sample and its text.
    Row(&'a Sample, &'a str),
    /// A line of a section's note.
    Note(String),
    /// The space between two sections.
    Gap,
}

impl Item<'_> {
    /// Its height at scale 1.
    fn height(&self) -> f32 {
        match self {
            Self::Heading(_) => HEADING_HEIGHT,
            Self::Row(..) => ROW_HEIGHT,
            Self::Note(_) => NOTE_LINE,
            Self::Gap => SECTION_GAP,
        }
    }
}

/// The legend's lines, top to bottom, for a column `width` wide at scale 1.
fn legend_items<'a>(sections: &'a [Section], width: f32, measure: &TextMeasure) -> Vec<Item<'a>> {
    let mut items = Vec::new();
    for (index, (heading, rows, note)) in sections.iter().enumerate() {
        if index > 0 {
            items.push(Item::Gap);
        }
        items.push(Item::Heading(heading));
        items.extend(rows.iter().map(|(sample, words)| Item::Row(sample, words)));
        if let Some(note) = note {
            let inner = width - 2.0 * LEGEND_PAD;
            items.extend(
                measure
                    .wrap(note, LEGEND_NOTE, inner)
                    .into_iter()
                    .map(Item::Note),
            );
        }
    }
    items
}

/// The legend's lines cut into at most `columns` columns of about equal height (a heading
/// stays with the row below it, no column starts with a gap); returns where each column
/// starts.
fn split_columns(items: &[Item<'_>], columns: usize) -> Vec<usize> {
    let total: f32 = items.iter().map(Item::height).sum();
    let target = total / columns.max(1) as f32;
    let mut starts = vec![0];
    let mut height = 0.0;
    for (i, item) in items.iter().enumerate() {
        let breakable = !matches!(item, Item::Gap | Item::Note(_))
            && !matches!(items.get(i.wrapping_sub(1)), Some(Item::Heading(_)));
        if i > 0 && breakable && height >= target && starts.len() < columns {
            starts.push(i);
            height = 0.0;
        }
        if !(height == 0.0 && matches!(item, Item::Gap)) {
            height += item.height();
        }
    }
    starts
}

/// The height of the tallest column at scale 1, padding included.
fn columns_height(items: &[Item<'_>], starts: &[usize]) -> f32 {
    let mut tallest = 0.0_f32;
    for (c, &start) in starts.iter().enumerate() {
        let end = starts.get(c + 1).copied().unwrap_or(items.len());
        let height: f32 = items
            .get(start..end)
            .unwrap_or_default()
            .iter()
            .enumerate()
            .filter(|(i, item)| !(*i == 0 && matches!(item, Item::Gap)))
            .map(|(_, item)| item.height())
            .sum();
        tallest = tallest.max(height);
    }
    tallest + 2.0 * LEGEND_PAD
}

/// Draws the legend in `columns` columns, each `column` wide, from `origin`, at scale `s`;
/// a legend taller than `room` is drawn smaller. Returns the panel's rectangle.
#[expect(
    clippy::too_many_arguments,
    reason = "two call sites, each argument distinct"
)]
fn legend_shapes(
    sections: &[Section],
    origin: [f32; 2],
    column: f32,
    columns: usize,
    room: f32,
    ui: f32,
    palette: &Palette,
    measure: &TextMeasure,
    out: &mut Vec<Shape>,
) -> Rect {
    let items = legend_items(sections, column / ui, measure);
    let starts = split_columns(&items, columns);
    let natural = columns_height(&items, &starts) * ui;
    let s = if natural > room {
        ui * (room / natural).max(MIN_LEGEND_SHRINK)
    } else {
        ui
    };
    let rect = Rect {
        x: origin[0],
        y: origin[1],
        w: column * starts.len() as f32,
        h: columns_height(&items, &starts) * s,
    };
    out.push(Shape::Rect {
        rect,
        corner: 8.0 * ui,
        fill: palette.text.with_alpha(10),
    });
    let outline = Stroke {
        colour: palette.muted,
        width: 1.0 * s,
    };
    for (c, &start) in starts.iter().enumerate() {
        let end = starts.get(c + 1).copied().unwrap_or(items.len());
        let left = origin[0] + column * c as f32 + LEGEND_PAD * s;
        let inner = column - 2.0 * LEGEND_PAD * s;
        let text_left = left + (SWATCH_WIDTH + SWATCH_GAP) * s;
        let text_room = (left + inner - text_left).max(1.0);
        let mut y = origin[1] + LEGEND_PAD * s;
        for (i, item) in items.get(start..end).unwrap_or_default().iter().enumerate() {
            let height = item.height() * s;
            match item {
                Item::Gap if i == 0 => continue,
                Item::Gap => {}
                Item::Heading(heading) => {
                    let size = fitted_size(measure, heading, LEGEND_HEADING * s, inner);
                    out.push(Shape::text(
                        [left, y + (height - size) / 2.0 + measure.ascent(size)],
                        heading,
                        size,
                        palette.text,
                    ));
                }
                Item::Row(sample, words) => {
                    let middle = y + height / 2.0;
                    let centre = [left + SWATCH_WIDTH * s / 2.0, middle];
                    match sample {
                        Sample::Swatch(swatch) => {
                            shapes::swatch_shapes(*swatch, centre, s, outline, out);
                        }
                        Sample::Tie(similarity) => {
                            let half = SWATCH_WIDTH * s / 2.0 - 2.0 * s;
                            out.push(Shape::Line {
                                from: [centre[0] - half, middle],
                                to: [centre[0] + half, middle],
                                stroke: Stroke {
                                    colour: tie_colour(palette, *similarity, false),
                                    width: tie_width(*similarity) * s,
                                },
                                dash: LineDash::Solid,
                            });
                        }
                    }
                    let size = fitted_size(measure, words, LEGEND_TEXT * s, text_room);
                    out.push(Shape::text(
                        [
                            text_left,
                            middle + (measure.ascent(size) - measure.descent(size)) / 2.0,
                        ],
                        words,
                        size,
                        palette.text,
                    ));
                }
                Item::Note(line) => {
                    let size = LEGEND_NOTE * s;
                    out.push(Shape::text(
                        [left, y + (height - size) / 2.0 + measure.ascent(size)],
                        line,
                        size,
                        palette.muted,
                    ));
                }
            }
            y += height;
        }
    }
    rect
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scene::ViewKind;

    fn sample() -> Document {
        let (dataset, _) =
            crate::io::read_native_str(crate::SAMPLE_DATASET_JSON, "sample").unwrap();
        Document::new(dataset, "sample".into(), String::new())
    }

    fn picture(document: &Document, view: &View, options: &RenderOptions) -> CoalitionPicture {
        let frame = SceneFrame::build(&document.dataset, &document.timeline, &document.graph, view);
        CoalitionPicture::build(document, view, &frame, options)
    }

    fn options(document: &Document) -> RenderOptions {
        RenderOptions {
            title: Some(document.title().to_owned()),
            source: Some(super::super::source_line(document)),
            ..RenderOptions::default()
        }
    }

    #[test]
    fn every_body_is_labelled_once_and_labels_stay_in_the_network_s_frame() {
        let document = sample();
        let mut view = document.initial_view();
        view.kind = ViewKind::Coalitions;
        let drawn = picture(&document, &view, &options(&document));
        let picture = &drawn.picture;
        assert_eq!(drawn.bodies.len(), drawn.scene.nodes.len());
        assert_eq!(picture.labels.len(), drawn.scene.nodes.len(), "every body");
        let network = picture.framing.network;
        for shape in &picture.layer("labels").unwrap().shapes {
            if let Shape::Rect { rect, .. } = shape {
                assert!(
                    network.expand(0.5).contains(rect),
                    "{rect:?} in {network:?}"
                );
            }
        }
        let legend = picture.legend_rect.unwrap();
        assert!(!legend.overlaps(&network));
        let ties = &picture.layer("ties").unwrap().shapes;
        assert!(!ties.is_empty());
        assert!(ties.len() <= drawn.scene.ties.len());
    }

    #[test]
    fn bodies_stay_put_on_the_page_across_dates_and_the_lens() {
        let document = sample();
        let mut view = document.initial_view();
        view.kind = ViewKind::Coalitions;
        let options = options(&document);
        let late = picture(&document, &view, &options);
        let early = picture(
            &document,
            &view.stepped(view.date, crate::model::Month::new(2005, 3)),
            &options,
        );
        view.filters.max_members = Some(20);
        let clubs = picture(&document, &view, &options);
        assert_eq!(late.picture.framing, early.picture.framing);
        assert_eq!(late.picture.framing, clubs.picture.framing);
        for (body, centre, _) in &early.bodies {
            assert_eq!(late.position(*body), Some(*centre));
        }
    }

    #[test]
    fn a_tall_page_puts_the_legend_below_the_network() {
        let document = sample();
        let mut view = document.initial_view();
        view.kind = ViewKind::Coalitions;
        let tall = RenderOptions {
            width: 800,
            height: 1000,
            ..options(&document)
        };
        let frame = SceneFrame::build(
            &document.dataset,
            &document.timeline,
            &document.graph,
            &view,
        );
        let drawn = CoalitionPicture::build_at(&document, &view, &frame, &tall, 0.8);
        let network = drawn.picture.framing.network;
        let legend = drawn.picture.legend_rect.unwrap();
        assert!(legend.y >= network.bottom(), "{legend:?} below {network:?}");
        assert!(legend.right() <= 800.0 && legend.bottom() <= 1000.0);
        // Every legend text inside the page.
        for shape in &drawn.picture.layer("legend").unwrap().shapes {
            if let Shape::Text { position, .. } = shape {
                assert!(position[1] <= legend.bottom() + 0.5, "{shape:?}");
            }
        }
        let wide = picture(&document, &view, &options(&document));
        let legend = wide.picture.legend_rect.unwrap();
        assert!(
            legend.x >= wide.picture.framing.network.right(),
            "a column on a slide"
        );
    }

    #[test]
    fn a_click_on_a_body_finds_it() {
        let document = sample();
        let mut view = document.initial_view();
        view.kind = ViewKind::Coalitions;
        let drawn = picture(&document, &view, &options(&document));
        for &(body, centre, radius) in &drawn.bodies {
            assert_eq!(drawn.hit(centre, 0.0), Some(body));
            assert_eq!(
                drawn.hit([centre[0] + radius * 0.9, centre[1]], 0.0),
                Some(body)
            );
        }
        assert_eq!(drawn.hit([-100.0, -100.0], 4.0), None);
    }

    #[test]
    fn wider_ties_for_more_alike_bodies() {
        assert!(tie_width(0.1) < tie_width(0.5));
        assert!(tie_width(0.5) < tie_width(1.0));
        assert_eq!(tie_width(2.0), tie_width(1.0));
    }
}
