//! Small multiples: the same view at several dates side by side in one picture, every
//! panel with the same positions and camera, its own date and count, one legend for all
//! (what any panel draws) and one title and source line.

use crate::document::Document;
use crate::model::Month;
use crate::scene::{Legend, View};
use crate::style::NodeKind;

use super::build::{MARGIN, SOURCE_SIZE, TITLE_SIZE, shared_framing};
use super::camera::{Camera, Framing, Rect};
use super::focus::frame_for_picture;
use super::legend::LegendPlan;
use super::options::{Background, DateStamp, RenderOptions};
use super::picture::{Layer, Picture, Shape};
use super::text::TextMeasure;

/// The most panels one comparison holds.
pub const MAX_PANELS: usize = 12;

/// Sizes at scale 1 (a 1920×1080 picture), in picture units; the page's margin, title, date
/// and source line are the network picture's (`super::build`).
const GAP: f32 = 24.0;
/// How much wider than tall a network usually is, for choosing the grid.
const NETWORK_ASPECT: f32 = 1.5;
/// Panels' text relative to the page's: small panels keep readable labels.
const PANEL_TEXT: f32 = 0.7;

/// The views of a comparison: `base` at each month (at most [`MAX_PANELS`]), each
/// ringing who joined since the panel before it.
pub fn compare_views(base: &View, months: &[Month]) -> Vec<View> {
    months
        .iter()
        .take(MAX_PANELS)
        .enumerate()
        .map(|(i, &month)| {
            let previous = i
                .checked_sub(1)
                .and_then(|p| months.get(p).copied())
                .unwrap_or(month);
            base.stepped(previous, month)
        })
        .collect()
}

/// The small multiples of `views` (see [`compare_views`]) on one page of `options`' size.
pub fn compare_picture(
    document: &Document,
    views: &[View],
    positions: &[[f32; 2]],
    options: &RenderOptions,
) -> Picture {
    let ui = options.ui_scale();
    let palette = options.theme.palette();
    let measure = TextMeasure::new();
    let (width, height) = (options.width as f32, options.height as f32);
    let margin = MARGIN * ui;

    // One legend for every panel: what any of them draws.
    let mut legend = Legend::default();
    for view in views {
        let frame = frame_for_picture(document, &view.with_theme(options.theme), &options.focus);
        merge_legend(&mut legend, &frame.legend);
    }
    let colouring = views
        .first()
        .map(|view| view.body_colouring)
        .unwrap_or_default();
    let footer_height = if options.source.is_some() {
        SOURCE_SIZE * 2.0 * ui
    } else {
        0.0
    };
    let plan = options
        .legend
        .then(|| {
            LegendPlan::new(
                &legend,
                colouring,
                &palette,
                &measure,
                ui,
                height - 2.0 * margin - footer_height,
            )
        })
        .filter(|plan| !plan.is_empty());
    let legend_width = plan.as_ref().map_or(0.0, LegendPlan::width);
    let mut legend_shapes = Vec::new();
    let legend_rect = plan.as_ref().map(|plan| {
        let origin = [width - margin - legend_width, margin];
        let tall = plan
            .height(&measure)
            .min(height - 2.0 * margin - footer_height);
        plan.draw(origin, &palette, &measure, tall, &mut legend_shapes)
    });

    // Title above, source below.
    let mut header = Vec::new();
    let mut top = margin;
    if let Some(title) = &options.title {
        let size = TITLE_SIZE * ui;
        header.push(Shape::text(
            [margin, top + measure.ascent(size)],
            title,
            size,
            palette.muted,
        ));
        top += size * 1.6;
    }
    let mut footer = Vec::new();
    if let Some(source) = &options.source {
        let size = SOURCE_SIZE * ui;
        footer.push(Shape::text(
            [margin, height - margin - measure.descent(size)],
            source,
            size,
            palette.muted,
        ));
    }

    // The panels: a grid in what is left, all with one camera.
    let right = if legend_width > 0.0 {
        width - margin - legend_width - GAP * ui
    } else {
        width - margin
    };
    let area = Rect::from_edges(margin, top, right, height - margin - footer_height);
    let count = views.len().max(1);
    let gap = GAP * ui;
    // The grid that gives each panel the most room for a network about as wide as a slide.
    let room = |columns: usize| {
        let rows = count.div_ceil(columns);
        let w = (area.w - gap * (columns - 1) as f32) / columns as f32;
        let h = (area.h - gap * (rows - 1) as f32) / rows as f32;
        w.min(h * NETWORK_ASPECT)
    };
    let columns = (1..=count)
        .max_by(|&a, &b| room(a).total_cmp(&room(b)))
        .unwrap_or(1);
    let rows = count.div_ceil(columns);
    let panel_width = ((area.w - gap * (columns - 1) as f32) / columns as f32).max(1.0);
    let panel_height = ((area.h - gap * (rows - 1) as f32) / rows as f32).max(1.0);
    let panel_options = RenderOptions {
        width: panel_width.round().max(1.0) as u32,
        height: panel_height.round().max(1.0) as u32,
        background: Background::Transparent,
        title: None,
        legend: false,
        source: None,
        date_stamp: match options.date_stamp {
            DateStamp::Off => DateStamp::Month,
            stamp => stamp,
        },
        framing: None,
        text_scale: Some(ui * PANEL_TEXT),
        ..options.clone()
    };
    let panel_options = RenderOptions {
        framing: Some(shared_framing(document, views, positions, &panel_options)),
        ..panel_options
    };
    let mut layers: Vec<Layer> = Vec::new();
    let mut visible_nodes = 0;
    for (i, view) in views.iter().enumerate() {
        let (row, column) = (i / columns, i % columns);
        let dx = area.x + column as f32 * (panel_width + gap);
        let dy = area.y + row as f32 * (panel_height + gap);
        let panel = Picture::build(document, view, positions, &panel_options);
        visible_nodes += panel.visible_nodes;
        let mut frame = vec![Shape::Rect {
            rect: Rect {
                x: dx,
                y: dy,
                w: panel_width,
                h: panel_height,
            },
            corner: 8.0 * ui,
            fill: palette.text.with_alpha(6),
        }];
        for layer in panel.layers {
            frame.extend(
                layer
                    .shapes
                    .into_iter()
                    .map(|shape| shape.translated(dx, dy)),
            );
        }
        layers.push(Layer {
            name: "panel",
            shapes: frame,
        });
    }
    layers.extend([
        Layer {
            name: "legend",
            shapes: legend_shapes,
        },
        Layer {
            name: "header",
            shapes: header,
        },
        Layer {
            name: "footer",
            shapes: footer,
        },
    ]);
    let dates: Vec<String> = views.iter().map(|view| view.date.long_name()).collect();
    let description = [options.title.clone(), Some(dates.join(", "))]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(": ");
    Picture {
        width,
        height,
        background: options.background_colour(),
        description,
        layers,
        framing: Framing {
            network: area,
            camera: Camera::IDENTITY,
        },
        legend_rect,
        margin,
        visible_nodes,
        labels: Vec::new(),
    }
}

/// Adds to `into` what `legend` explains and `into` does not yet.
fn merge_legend(into: &mut Legend, legend: &Legend) {
    fn add<T: Clone + PartialEq>(into: &mut Vec<T>, items: &[T]) {
        for item in items {
            if !into.contains(item) {
                into.push(item.clone());
            }
        }
    }
    for kind in &legend.kinds {
        if !into.kinds.contains(kind) {
            into.kinds.push(*kind);
        }
    }
    into.kinds
        .sort_by_key(|kind| NodeKind::ALL.iter().position(|k| k == kind));
    add(&mut into.body_colours, &legend.body_colours);
    add(&mut into.regions, &legend.regions);
    add(&mut into.statuses, &legend.statuses);
    add(&mut into.relations, &legend.relations);
    into.joined |= legend.joined;
    into.left |= legend.left;
}
