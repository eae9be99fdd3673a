//! A picture of the overlap matrix: every pair of bodies shaded by how alike their
//! memberships are, with the members they share written in the cells, alike bodies side by
//! side. The app's overlap window draws this picture and exports it; the command line
//! writes it with no window.
//!
//! Picture units are screen points at scale 1, so the window shows it at its own size and
//! a PNG at scale 2 is sharp on a slide.

use crate::document::Document;
use crate::model::Word;
use crate::scene::NodeRef;
use crate::scene::View;
use crate::style::{Theme, similarity_colour};
use crate::timeline::{BodyIx, OverlapMatrix};

use super::camera::{Camera, Framing, Rect};
use super::options::{DateStamp, RenderOptions};
use super::picture::{Anchor, Layer, Picture, Shape};
use super::text::TextMeasure;

/// The side of one cell.
const CELL: f32 = 16.0;
/// The outer margin.
const MARGIN: f32 = 16.0;
/// Between the names and the cells, and between blocks.
const GAP: f32 = 6.0;
const TITLE_SIZE: f32 = 20.0;
const LINE_SIZE: f32 = 12.0;
const NAME_SIZE: f32 = 11.0;
const NUMBER_SIZE: f32 = 8.0;
const SOURCE_SIZE: f32 = 10.0;
/// Longer names are shortened with an ellipsis.
const NAME_MAX: f32 = 180.0;
/// Above this similarity a cell is dark enough (on the light theme) for text in the
/// background colour.
const INVERT_TEXT_ABOVE: f32 = 0.3;

/// The matrix picture and where its cells are, for a window that hit-tests it.
#[derive(Clone, Debug, PartialEq)]
pub struct MatrixPicture {
    /// The picture (layers `header`, `cells`, `numbers`, `names`, `legend`, `footer`).
    pub picture: Picture,
    /// The cells' area: row `i`, column `j` is the cell at `(x + j·cell, y + i·cell)`.
    pub cells: Rect,
    /// The side of one cell.
    pub cell: f32,
    /// The bodies of the rows (and columns), in order.
    pub order: Vec<BodyIx>,
}

impl MatrixPicture {
    /// The options of a saved matrix picture: the dataset's title, the month, the source
    /// line. The app's window leaves out the title and source line.
    pub fn file_options(document: &Document, theme: Theme) -> RenderOptions {
        RenderOptions {
            theme,
            title: Some(format!("{}: how the bodies overlap", document.title())),
            date_stamp: DateStamp::Month,
            source: Some(super::build::source_line(document)),
            ..RenderOptions::default()
        }
    }

    /// The picture of `matrix` at the view's date (members counted at its level), with the
    /// title, date stamp, source line, theme and background of `options` (its size, legend,
    /// focus and framing are for network pictures and are not used: the matrix sets its own
    /// size).
    pub fn build(
        document: &Document,
        matrix: &OverlapMatrix,
        view: &View,
        options: &RenderOptions,
    ) -> Self {
        let (date, level) = (view.date, view.level);
        let measure = TextMeasure::new();
        let palette = options.theme.palette();
        let overlap = &matrix.overlap;
        let order = matrix.order.clone();
        let count = order.len() as f32;
        let baseline =
            |centre: f32, size: f32| centre + (measure.ascent(size) - measure.descent(size)) / 2.0;
        let text = |position: [f32; 2], text: String, size: f32, colour, anchor| Shape::Text {
            position,
            text,
            size,
            colour,
            anchor,
            rotation: 0.0,
        };

        // Header: title, date and level, how to read it.
        let mut lines: Vec<(String, f32, crate::style::Rgba)> = Vec::new();
        if let Some(title) = options.title.as_ref().filter(|t| !t.trim().is_empty()) {
            lines.push((title.clone(), TITLE_SIZE, palette.text));
        }
        let when = match options.date_stamp {
            DateStamp::Month => Some(date.long_name()),
            DateStamp::Year => Some(date.year().to_string()),
            DateStamp::Off => None,
        };
        if let Some(when) = when {
            lines.push((
                format!(
                    "Members shared, {when} (counted as {})",
                    level.label().to_lowercase()
                ),
                LINE_SIZE,
                palette.text,
            ));
        }
        let mut reading = if order.is_empty() {
            "No body has members at this date.".to_owned()
        } else {
            "Number: members of both. Shade: shared over the members of either. Alike bodies \
             sit together."
                .to_owned()
        };
        if matrix.left_out > 0 {
            reading.push_str(&format!(
                " The {} largest; {} smaller left out.",
                order.len(),
                matrix.left_out
            ));
        }
        lines.push((reading, LINE_SIZE, palette.muted));
        let mut header = Vec::new();
        let mut y = MARGIN;
        let mut width_needed: f32 = 0.0;
        for (line, size, colour) in lines {
            width_needed = width_needed.max(measure.width(&line, size));
            header.push(text(
                [MARGIN, y + measure.ascent(size)],
                line,
                size,
                colour,
                Anchor::Start,
            ));
            y += size * 1.45;
        }

        // Names: as wide as the longest, at most NAME_MAX.
        let names: Vec<String> = order
            .iter()
            .map(|&body| shorten(&measure, document.node_label(NodeRef::Body(body)), NAME_MAX))
            .collect();
        let names_width = names
            .iter()
            .map(|name| measure.width(name, NAME_SIZE))
            .fold(0.0, f32::max);
        let cells = Rect {
            x: MARGIN + names_width + GAP,
            y: y + GAP + names_width + GAP,
            w: count * CELL,
            h: count * CELL,
        };
        let mut name_shapes = Vec::new();
        for (i, name) in names.iter().enumerate() {
            let centre = (i as f32 + 0.5) * CELL;
            name_shapes.push(text(
                [cells.x - GAP, baseline(cells.y + centre, NAME_SIZE)],
                name.clone(),
                NAME_SIZE,
                palette.text,
                Anchor::End,
            ));
            // Column names read upwards; the glyphs' tops face left.
            name_shapes.push(Shape::Text {
                position: [baseline(cells.x + centre, NAME_SIZE), cells.y - GAP],
                text: name.clone(),
                size: NAME_SIZE,
                colour: palette.text,
                anchor: Anchor::Start,
                rotation: -90.0,
            });
        }

        // Cells and numbers.
        let mut cell_shapes = Vec::new();
        let mut numbers = Vec::new();
        for (row, &a) in order.iter().enumerate() {
            for (column, &b) in order.iter().enumerate() {
                let similarity = overlap.jaccard(a, b);
                let x = cells.x + column as f32 * CELL;
                let y = cells.y + row as f32 * CELL;
                cell_shapes.push(Shape::Rect {
                    rect: Rect {
                        x: x + 0.5,
                        y: y + 0.5,
                        w: CELL - 1.0,
                        h: CELL - 1.0,
                    },
                    corner: 1.0,
                    fill: similarity_colour(&palette, similarity),
                });
                let shared = overlap.shared(a, b);
                if shared > 0 {
                    let colour = if similarity > INVERT_TEXT_ABOVE {
                        palette.background
                    } else {
                        palette.text
                    };
                    numbers.push(text(
                        [x + CELL / 2.0, baseline(y + CELL / 2.0, NUMBER_SIZE)],
                        shared.to_string(),
                        NUMBER_SIZE,
                        colour,
                        Anchor::Middle,
                    ));
                }
            }
        }

        // The scale under the cells.
        let scale_y = cells.y + cells.h + GAP * 2.0;
        let mut legend = Vec::new();
        let low = "similarity 0";
        // Under the cells, unless the names are too narrow for the low end's words.
        let legend_left = MARGIN;
        let mut x = cells
            .x
            .max(legend_left + measure.width(low, LINE_SIZE) + GAP);
        legend.push(text(
            [x - GAP, baseline(scale_y + CELL / 2.0, LINE_SIZE)],
            low.to_owned(),
            LINE_SIZE,
            palette.muted,
            Anchor::End,
        ));
        for step in 0..10 {
            let value = (step as f32 + 0.5) / 10.0;
            legend.push(Shape::Rect {
                rect: Rect {
                    x: x + 0.5,
                    y: scale_y + 0.5,
                    w: CELL - 1.0,
                    h: CELL - 1.0,
                },
                corner: 1.0,
                fill: similarity_colour(&palette, value),
            });
            x += CELL;
        }
        let high = "1 (the same members)";
        legend.push(text(
            [x + GAP, baseline(scale_y + CELL / 2.0, LINE_SIZE)],
            high.to_owned(),
            LINE_SIZE,
            palette.muted,
            Anchor::Start,
        ));
        let legend_right = x + GAP + measure.width(high, LINE_SIZE);
        let legend_rect = Rect {
            x: legend_left,
            y: scale_y,
            w: legend_right - legend_left,
            h: CELL,
        };
        width_needed = width_needed.max(legend_right - MARGIN);

        // Footer.
        let mut bottom = scale_y + CELL;
        let mut footer = Vec::new();
        if let Some(source) = options.source.as_ref().filter(|s| !s.trim().is_empty()) {
            bottom += GAP * 2.0;
            footer.push(text(
                [MARGIN, bottom + measure.ascent(SOURCE_SIZE)],
                source.clone(),
                SOURCE_SIZE,
                palette.muted,
                Anchor::Start,
            ));
            bottom += SOURCE_SIZE * 1.3;
            width_needed = width_needed.max(measure.width(source, SOURCE_SIZE));
        }

        let width = (cells.x + cells.w + MARGIN)
            .max(MARGIN * 2.0 + width_needed)
            .ceil();
        let height = (bottom + MARGIN).ceil();
        let description = match options.title.as_ref().filter(|t| !t.trim().is_empty()) {
            Some(title) => format!("{title}, {}", date.long_name()),
            None => format!("Overlap of memberships, {}", date.long_name()),
        };
        let picture = Picture {
            width,
            height,
            background: options.background_colour(),
            description,
            layers: vec![
                Layer {
                    name: "header",
                    shapes: header,
                },
                Layer {
                    name: "cells",
                    shapes: cell_shapes,
                },
                Layer {
                    name: "numbers",
                    shapes: numbers,
                },
                Layer {
                    name: "names",
                    shapes: name_shapes,
                },
                Layer {
                    name: "legend",
                    shapes: legend,
                },
                Layer {
                    name: "footer",
                    shapes: footer,
                },
            ],
            framing: Framing {
                network: cells,
                camera: Camera::IDENTITY,
            },
            legend_rect: Some(legend_rect),
            margin: MARGIN,
            visible_nodes: order.len(),
            labels: Vec::new(),
        };
        Self {
            picture,
            cells,
            cell: CELL,
            order,
        }
    }

    /// The (row, column) of the cell at a picture position, if any.
    pub fn cell_at(&self, [x, y]: [f32; 2]) -> Option<(usize, usize)> {
        let (dx, dy) = (x - self.cells.x, y - self.cells.y);
        if dx < 0.0 || dy < 0.0 {
            return None;
        }
        let (column, row) = ((dx / self.cell) as usize, (dy / self.cell) as usize);
        let count = self.order.len();
        (row < count && column < count).then_some((row, column))
    }
}

/// `text`, shortened with an ellipsis to at most `max` wide at the name size.
fn shorten(measure: &TextMeasure, text: &str, max: f32) -> String {
    if measure.width(text, NAME_SIZE) <= max {
        return text.to_owned();
    }
    let mut chars: Vec<char> = text.chars().collect();
    while !chars.is_empty() {
        chars.pop();
        let candidate: String = chars.iter().collect::<String>().trim_end().to_owned() + "…";
        if measure.width(&candidate, NAME_SIZE) <= max {
            return candidate;
        }
    }
    "…".to_owned()
}
