//! The world map of accession as a picture: each state filled by its status in the selected
//! body (or by how many bodies it belongs to), the joiners of the last step outlined, small
//! states as dots, a header with the large date, a legend column that also lists the
//! members the map cannot place, and the source line. The app's map view draws this very
//! picture, so the screen and the files agree.

use crate::document::Document;
use crate::model::Word;
use crate::scene::map::{MapBox, MapFit, WorldMap, globe_outline};
use crate::scene::{MapLook, PlaceLook, Ring, SceneFrame, View, ViewKind};
use crate::style::Palette;

use super::build::{DATE_SIZE, MARGIN, SOURCE_SIZE, TITLE_SIZE, date_text, default_title};
use super::camera::{Camera, Framing, Rect};
use super::options::RenderOptions;
use super::picture::{Layer, Picture, Shape, Stroke};
use super::text::TextMeasure;

/// Sizes at scale 1 (a 1920×1080 picture), in picture units; the page's margin, title, date
/// and source line are the network picture's (`super::build`).
const LEGEND_WIDTH: f32 = 300.0;
const LEGEND_TEXT: f32 = 15.0;
const LEGEND_HEADING: f32 = 15.5;
const ROW_HEIGHT: f32 = 24.0;
const SWATCH: f32 = 18.0;
const DOT_RADIUS: f32 = 3.5;
/// How far down the map's box a legend may reach and still leave the map its full width.
const CORNER_SHARE: f32 = 0.22;
/// How many members the legend names below "Not on the map" before "and N more".
const MAX_BESIDE: usize = 14;

/// A map picture and where its map sits, for hit testing.
#[derive(Clone, Debug)]
pub struct MapPicture {
    /// The picture (layers `sea`, `countries`, `changes`, `dots`, `header`, `legend`,
    /// `footer`).
    pub picture: Picture,
    /// Map units → picture units.
    pub fit: MapFit,
    /// How far a click may be from a small state's dot, in picture units.
    pub dot_reach: f32,
    /// The look the picture shows.
    pub look: MapLook,
}

impl MapPicture {
    /// The map of `view` (its theme replaced by the options'), sized and titled by
    /// `options`; `frame` is the scene's look in the same view.
    pub fn build(
        document: &Document,
        view: &View,
        frame: &SceneFrame,
        map: &WorldMap,
        options: &RenderOptions,
    ) -> Self {
        Self::build_at(document, view, frame, map, options, options.ui_scale())
    }

    /// Like [`MapPicture::build`], with text, margins and strokes at `ui` times their size
    /// on a 1920×1080 slide (the screen keeps its text readable in a small window).
    pub fn build_at(
        document: &Document,
        view: &View,
        frame: &SceneFrame,
        map: &WorldMap,
        options: &RenderOptions,
        ui: f32,
    ) -> Self {
        let view = &view.with_theme(options.theme);
        let palette = options.theme.palette();
        let measure = TextMeasure::new();
        let (width, height) = (options.width as f32, options.height as f32);
        let margin = MARGIN * ui;
        let look = MapLook::build(&document.dataset, &document.timeline, frame, view, map);

        // Header: title, large date, what the fills say.
        let mut header = Vec::new();
        let mut top = margin;
        let title = options.title.clone().or_else(|| {
            look.body
                .map(|body| default_title(document, std::slice::from_ref(&body)))
        });
        if let Some(title) = &title {
            let size = TITLE_SIZE * ui;
            header.push(Shape::text(
                [margin, top + measure.ascent(size)],
                title,
                size,
                palette.muted,
            ));
            top += size * 1.35;
        }
        if let Some(date) = date_text(view, options.date_stamp) {
            let size = DATE_SIZE * ui;
            header.push(Shape::text(
                [margin, top + measure.ascent(size)],
                &date,
                size,
                palette.text,
            ));
            top += size * 1.15;
        }
        let counts = counts_text(document, &look, view);
        let size = options.counts_size() * ui;
        header.push(Shape::text(
            [margin, top + measure.ascent(size)],
            &counts,
            size,
            palette.muted,
        ));
        top += size * 1.6;

        // Footer: the source line.
        let mut footer = Vec::new();
        let mut bottom = height - margin;
        if let Some(source) = &options.source {
            let size = SOURCE_SIZE * ui;
            footer.push(Shape::text(
                [margin, bottom - measure.descent(size)],
                source,
                size,
                palette.muted,
            ));
            bottom -= size * 1.8;
        }

        // Legend column.
        let legend_width = if options.legend {
            LEGEND_WIDTH * ui
        } else {
            0.0
        };
        let mut legend = Vec::new();
        let legend_rect = options.legend.then(|| {
            let left = width - margin - legend_width;
            legend_shapes(
                document,
                &look,
                [left, margin],
                legend_width,
                ui,
                &palette,
                &measure,
                &mut legend,
            )
        });

        // The map, fitted into what is left. A short legend sits in the empty corner above
        // the map's right shoulder (Equal Earth's outline leaves the corners free), a tall
        // one gets a column of its own.
        let corner = top + (bottom - top) * CORNER_SHARE;
        let right = match legend_rect {
            Some(legend) if legend.bottom() > corner => {
                width - margin - legend_width - margin * 0.5
            }
            _ => width - margin,
        };
        let area = [margin, top, right.max(margin + 1.0), bottom.max(top + 1.0)];
        let fit = MapFit::new(MapBox::WORLD, area);
        let to_picture = |point| fit.screen_from_map(point);
        let sea_colour = palette.background.mix(palette.scale, 0.06);
        let sea = vec![Shape::Polygon {
            points: globe_outline(91).into_iter().map(to_picture).collect(),
            fill: Some(sea_colour),
            stroke: Some(Stroke {
                colour: palette.muted.with_alpha(90),
                width: 0.8 * ui,
            }),
        }];
        let border = Stroke {
            colour: sea_colour,
            width: 0.6 * ui,
        };
        let mut countries = Vec::new();
        let mut changes = Vec::new();
        for (country, place) in map.countries().iter().zip(&look.countries) {
            let rings: Vec<Vec<[f32; 2]>> = country
                .polygons()
                .iter()
                .flat_map(|polygon| polygon.rings())
                .map(|ring| ring.iter().map(|&p| to_picture(p)).collect())
                .collect();
            if let Some(stroke) = ring_stroke(place, &palette, ui) {
                changes.push(Shape::Path {
                    rings: rings.clone(),
                    fill: None,
                    stroke: Some(stroke),
                });
            }
            countries.push(Shape::Path {
                rings,
                fill: Some(place.fill),
                stroke: Some(border),
            });
        }
        let mut dots = Vec::new();
        let radius = DOT_RADIUS * ui;
        for (state, place) in map.small_states().iter().zip(&look.small_states) {
            if place.actor.is_none() {
                continue;
            }
            let centre = to_picture(state.at());
            if let Some(stroke) = ring_stroke(place, &palette, ui) {
                dots.push(Shape::Circle {
                    centre,
                    radius: radius + 2.5 * ui,
                    fill: None,
                    stroke: Some(stroke),
                });
            }
            dots.push(Shape::Circle {
                centre,
                radius,
                fill: Some(place.fill),
                stroke: Some(Stroke {
                    colour: palette.text.with_alpha(120),
                    width: 0.6 * ui,
                }),
            });
        }

        let description = [title, date_text(view, options.date_stamp)]
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
                    name: "sea",
                    shapes: sea,
                },
                Layer {
                    name: "countries",
                    shapes: countries,
                },
                Layer {
                    name: "changes",
                    shapes: changes,
                },
                Layer {
                    name: "dots",
                    shapes: dots,
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
            framing: Framing {
                network: Rect::from_edges(area[0], area[1], area[2], area[3]),
                camera: Camera {
                    zoom: fit.scale(),
                    node_zoom: fit.scale(),
                    offset: [0.0, 0.0],
                },
            },
            legend_rect,
            margin,
            visible_nodes: look
                .countries
                .iter()
                .chain(&look.small_states)
                .filter(|place| place.actor.is_some())
                .count(),
            labels: Vec::new(),
        };
        Self {
            picture,
            fit,
            dot_reach: radius + 4.0 * ui,
            look,
        }
    }
}

/// The outline of a place that changed since the previous step, or is selected.
fn ring_stroke(place: &PlaceLook, palette: &Palette, ui: f32) -> Option<Stroke> {
    let colour = match place.ring? {
        Ring::Joined => palette.joined,
        Ring::Left => palette.left,
        Ring::Selected => palette.selection,
    };
    Some(Stroke {
        colour,
        width: 2.4 * ui,
    })
}

/// What the header's third line says: the selected body's count, or what the shades mean.
fn counts_text(document: &Document, look: &MapLook, view: &View) -> String {
    let level = view.level;
    match look.body {
        Some(body) => {
            let members = document
                .timeline
                .members(body, view.date.end(), level)
                .len();
            let name = document
                .dataset
                .bodies
                .get(body.index())
                .map_or("", |b| b.label());
            let noun = if members == 1 { "member" } else { "members" };
            format!("{name} · {members} {noun} · {}", level.label())
        }
        None => format!(
            "States shaded by the bodies they belong to · {}",
            level.label()
        ),
    }
}

/// Draws the legend column at `origin`; returns its rectangle.
#[expect(
    clippy::too_many_arguments,
    reason = "one call site, each argument distinct"
)]
fn legend_shapes(
    document: &Document,
    look: &MapLook,
    origin: [f32; 2],
    width: f32,
    ui: f32,
    palette: &Palette,
    measure: &TextMeasure,
    out: &mut Vec<Shape>,
) -> Rect {
    let [left, top] = origin;
    let pad = 14.0 * ui;
    let row = ROW_HEIGHT * ui;
    let size = LEGEND_TEXT * ui;
    let mut y = top + pad;
    let panel_index = out.len();
    let heading = |out: &mut Vec<Shape>, y: &mut f32, words: &str| {
        let size = LEGEND_HEADING * ui;
        out.push(Shape::text(
            [left + pad, *y + measure.ascent(size)],
            words,
            size,
            palette.text,
        ));
        *y += size * 1.7;
    };
    heading(
        out,
        &mut y,
        if look.body.is_some() {
            "Status at the date"
        } else {
            "Bodies shown at the date"
        },
    );
    for (label, colour) in &look.legend {
        out.push(Shape::Rect {
            rect: Rect {
                x: left + pad,
                y: y + (row - SWATCH * ui) / 2.0 - 4.0 * ui,
                w: SWATCH * ui,
                h: SWATCH * ui,
            },
            corner: 3.0 * ui,
            fill: *colour,
        });
        out.push(Shape::text(
            [
                left + pad + SWATCH * ui + 10.0 * ui,
                y + measure.ascent(size),
            ],
            label,
            size,
            palette.text,
        ));
        y += row;
    }
    let joined = look
        .countries
        .iter()
        .chain(&look.small_states)
        .any(|p| p.ring == Some(Ring::Joined));
    let left_any = look
        .countries
        .iter()
        .chain(&look.small_states)
        .any(|p| p.ring == Some(Ring::Left));
    if joined || left_any {
        y += row * 0.4;
        heading(out, &mut y, "Since the previous step");
        for (shown, colour, words) in [
            (joined, palette.joined, "Joined"),
            (left_any, palette.left, "Left"),
        ] {
            if !shown {
                continue;
            }
            out.push(Shape::Rect {
                rect: Rect {
                    x: left + pad,
                    y: y + (row - SWATCH * ui) / 2.0 - 4.0 * ui,
                    w: SWATCH * ui,
                    h: SWATCH * ui,
                },
                corner: 3.0 * ui,
                fill: colour,
            });
            out.push(Shape::text(
                [
                    left + pad + SWATCH * ui + 10.0 * ui,
                    y + measure.ascent(size),
                ],
                words,
                size,
                palette.text,
            ));
            y += row;
        }
    }
    if !look.beside.is_empty() {
        y += row * 0.4;
        heading(out, &mut y, "Not on the map");
        let names: Vec<String> = look
            .beside
            .iter()
            .filter_map(|b| document.dataset.actors.get(b.actor.index()))
            .map(|actor| actor.name.clone())
            .collect();
        let shown = names.len().min(MAX_BESIDE);
        for name in names.iter().take(shown) {
            out.push(Shape::text(
                [left + pad, y + measure.ascent(size)],
                name,
                size,
                palette.text,
            ));
            y += row * 0.85;
        }
        if names.len() > shown {
            let more = format!("and {} more", names.len() - shown);
            out.push(Shape::text(
                [left + pad, y + measure.ascent(size)],
                &more,
                size,
                palette.muted,
            ));
            y += row * 0.85;
        }
    }
    let rect = Rect {
        x: left,
        y: top,
        w: width,
        h: y - top + pad * 0.5,
    };
    out.insert(
        panel_index,
        Shape::Rect {
            rect,
            corner: 8.0 * ui,
            fill: palette.text.with_alpha(10),
        },
    );
    rect
}

/// The picture of a view: the network, the map or the coalition network, as the view says
/// (`positions` are the network's; the coalition network has its own). The one entry point of
/// the export window, sequences and `minilateral render`.
pub fn picture_of_view(
    document: &Document,
    view: &View,
    positions: &[[f32; 2]],
    options: &RenderOptions,
) -> Picture {
    match view.kind {
        // The table is not drawn as a picture: the network stands for it.
        ViewKind::Network | ViewKind::Table => Picture::build(document, view, positions, options),
        ViewKind::Map => {
            let themed = view.with_theme(options.theme);
            let frame = super::focus::frame_for_picture(document, &themed, &options.focus);
            match WorldMap::embedded() {
                Ok(map) => MapPicture::build(document, &themed, &frame, map, options).picture,
                Err(error) => message_picture(options, &format!("No map: {error}")),
            }
        }
        ViewKind::Coalitions => {
            // Bodies only: a focus would leave one body, so the picture shows them all (the
            // caller selects the focused body instead).
            let themed = view.with_theme(options.theme);
            let frame = SceneFrame::build(
                &document.dataset,
                &document.timeline,
                &document.graph,
                &themed,
            );
            super::coalitions::CoalitionPicture::build(document, &themed, &frame, options).picture
        }
    }
}

/// A picture that says only why it could not be drawn.
fn message_picture(options: &RenderOptions, message: &str) -> Picture {
    let palette = options.theme.palette();
    let (width, height) = (options.width as f32, options.height as f32);
    let ui = options.ui_scale();
    Picture {
        width,
        height,
        background: options.background_colour(),
        description: message.to_owned(),
        layers: vec![Layer {
            name: "header",
            shapes: vec![Shape::text(
                [MARGIN * ui, MARGIN * ui + TITLE_SIZE * ui],
                message,
                TITLE_SIZE * ui,
                palette.text,
            )],
        }],
        framing: Framing {
            network: Rect::from_edges(0.0, 0.0, width, height),
            camera: Camera::IDENTITY,
        },
        legend_rect: None,
        margin: MARGIN * ui,
        visible_nodes: 0,
        labels: Vec::new(),
    }
}
