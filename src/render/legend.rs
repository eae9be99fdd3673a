//! The legend column of a picture: the sections of [`super::shapes::legend_sections`], the
//! ones the screen's legend panel shows, laid out in one or two columns that fit the height
//! available.

use crate::scene::Legend;
use crate::style::{BodyColouring, Palette};

use super::camera::Rect;
use super::picture::{Anchor, Shape, Stroke};
use super::shapes::{LegendSection as Section, SWATCH_WIDTH, legend_sections, swatch_shapes};
use super::text::TextMeasure;

/// Sizes of the legend at scale 1 of a 1920×1080 picture.
const ROW_TEXT: f32 = 15.0;
const HEADING_TEXT: f32 = 15.5;
const NOTE_TEXT: f32 = 13.0;
const ROW_HEIGHT: f32 = 23.0;
const HEADING_HEIGHT: f32 = 27.0;
const NOTE_LINE: f32 = 17.0;
const SECTION_GAP: f32 = 14.0;
const SWATCH_GAP: f32 = 9.0;
const COLUMN_GAP: f32 = 26.0;
const MIN_TEXT_WIDTH: f32 = 150.0;
const MAX_TEXT_WIDTH: f32 = 250.0;
/// Padding inside the legend panel.
pub const PANEL_PADDING: f32 = 16.0;
/// The legend is never drawn smaller than this fraction of its normal size.
const MIN_SHRINK: f32 = 0.55;

/// How much wider than a row's text column a heading is (headings start at the swatch).
fn heading_overhang(measure: &TextMeasure, heading: &str) -> f32 {
    let width = measure.width(heading, HEADING_TEXT);
    width - (SWATCH_WIDTH + SWATCH_GAP)
}

/// A planned legend: its sections placed in columns, at a size that fits.
#[derive(Clone, Debug, PartialEq)]
pub struct LegendPlan {
    sections: Vec<Section>,
    /// Index of the first section of each column.
    column_starts: Vec<usize>,
    /// Sizes are multiplied by this (the picture's scale times any shrinking).
    scale: f32,
    text_width: f32,
}

impl LegendPlan {
    /// Plans the legend for a height available (picture units, panel padding included).
    pub(crate) fn new(
        legend: &Legend,
        colouring: BodyColouring,
        palette: &Palette,
        measure: &TextMeasure,
        ui: f32,
        height: f32,
    ) -> Self {
        let sections = legend_sections(legend, colouring, palette);
        let widest = sections
            .iter()
            .flat_map(|section| {
                section
                    .rows
                    .iter()
                    .map(|(_, text)| measure.width(text, ROW_TEXT))
                    .chain([heading_overhang(measure, section.heading)])
            })
            .fold(0.0_f32, f32::max);
        let text_width = widest.clamp(MIN_TEXT_WIDTH, MAX_TEXT_WIDTH);
        let mut plan = Self {
            sections,
            column_starts: vec![0],
            scale: ui,
            text_width,
        };
        let room = (height / ui - 2.0 * PANEL_PADDING).max(1.0);
        let one = plan.column_heights(measure).into_iter().fold(0.0, f32::max);
        if one <= room {
            return plan;
        }
        plan.column_starts = plan.balanced_split(measure);
        let two = plan.column_heights(measure).into_iter().fold(0.0, f32::max);
        if two > room {
            plan.scale = ui * (room / two).max(MIN_SHRINK);
        }
        plan
    }

    /// Whether there is anything to explain.
    pub fn is_empty(&self) -> bool {
        self.sections.is_empty()
    }

    /// The panel's width, padding included.
    pub fn width(&self) -> f32 {
        let columns = self.column_starts.len() as f32;
        let column = SWATCH_WIDTH + SWATCH_GAP + self.text_width;
        (columns * column + (columns - 1.0) * COLUMN_GAP + 2.0 * PANEL_PADDING) * self.scale
    }

    fn section_height(&self, section: &Section, measure: &TextMeasure) -> f32 {
        let note_lines = section.note.map_or(0, |note| {
            measure
                .wrap(note, NOTE_TEXT, SWATCH_WIDTH + SWATCH_GAP + self.text_width)
                .len()
        });
        HEADING_HEIGHT + ROW_HEIGHT * section.rows.len() as f32 + NOTE_LINE * note_lines as f32
    }

    /// Heights of the columns at scale 1.
    fn column_heights(&self, measure: &TextMeasure) -> Vec<f32> {
        let mut heights = Vec::new();
        for (c, &start) in self.column_starts.iter().enumerate() {
            let end = self
                .column_starts
                .get(c + 1)
                .copied()
                .unwrap_or(self.sections.len());
            let sections = self.sections.get(start..end).unwrap_or_default();
            let height: f32 = sections
                .iter()
                .map(|section| self.section_height(section, measure))
                .sum::<f32>()
                + SECTION_GAP * sections.len().saturating_sub(1) as f32;
            heights.push(height);
        }
        heights
    }

    /// Two columns split between sections so that the taller one is as short as possible.
    fn balanced_split(&self, measure: &TextMeasure) -> Vec<usize> {
        let heights: Vec<f32> = self
            .sections
            .iter()
            .map(|section| self.section_height(section, measure) + SECTION_GAP)
            .collect();
        let total: f32 = heights.iter().sum();
        let mut best = (f32::MAX, 0);
        let mut before = 0.0;
        for split in 1..heights.len() {
            before += heights[split - 1];
            let taller = before.max(total - before);
            if taller < best.0 {
                best = (taller, split);
            }
        }
        if best.1 == 0 {
            vec![0]
        } else {
            vec![0, best.1]
        }
    }

    /// Draws the legend with its top-left corner at `origin`; returns the panel's rectangle.
    pub(crate) fn draw(
        &self,
        origin: [f32; 2],
        palette: &Palette,
        measure: &TextMeasure,
        height: f32,
        out: &mut Vec<Shape>,
    ) -> Rect {
        let s = self.scale;
        let panel = Rect {
            x: origin[0],
            y: origin[1],
            w: self.width(),
            h: height,
        };
        out.push(Shape::Rect {
            rect: panel,
            corner: 8.0 * s,
            fill: palette.text.with_alpha(10),
        });
        let column_width = (SWATCH_WIDTH + SWATCH_GAP + self.text_width + COLUMN_GAP) * s;
        let outline = Stroke {
            colour: palette.muted,
            width: 1.0 * s,
        };
        for (c, &start) in self.column_starts.iter().enumerate() {
            let end = self
                .column_starts
                .get(c + 1)
                .copied()
                .unwrap_or(self.sections.len());
            let left = origin[0] + PANEL_PADDING * s + c as f32 * column_width;
            let mut y = origin[1] + PANEL_PADDING * s;
            for section in self.sections.get(start..end).unwrap_or_default() {
                let size = HEADING_TEXT * s;
                out.push(Shape::Text {
                    position: [
                        left,
                        y + (HEADING_HEIGHT * s - size) / 2.0 + measure.ascent(size),
                    ],
                    text: section.heading.to_owned(),
                    size,
                    colour: palette.text,
                    anchor: Anchor::Start,
                    rotation: 0.0,
                });
                y += HEADING_HEIGHT * s;
                for (swatch, text) in &section.rows {
                    let middle = y + ROW_HEIGHT * s / 2.0;
                    let swatch_centre = [left + SWATCH_WIDTH * s / 2.0, middle];
                    swatch_shapes(*swatch, swatch_centre, s, outline, out);
                    let size = ROW_TEXT * s;
                    out.push(Shape::Text {
                        position: [
                            left + (SWATCH_WIDTH + SWATCH_GAP) * s,
                            middle + (measure.ascent(size) - measure.descent(size)) / 2.0,
                        ],
                        text: text.clone(),
                        size,
                        colour: palette.text,
                        anchor: Anchor::Start,
                        rotation: 0.0,
                    });
                    y += ROW_HEIGHT * s;
                }
                if let Some(note) = section.note {
                    let width = SWATCH_WIDTH + SWATCH_GAP + self.text_width;
                    for line in measure.wrap(note, NOTE_TEXT, width) {
                        let size = NOTE_TEXT * s;
                        out.push(Shape::Text {
                            position: [
                                left,
                                y + (NOTE_LINE * s - size) / 2.0 + measure.ascent(size),
                            ],
                            text: line,
                            size,
                            colour: palette.muted,
                            anchor: Anchor::Start,
                            rotation: 0.0,
                        });
                        y += NOTE_LINE * s;
                    }
                }
                y += SECTION_GAP * s;
            }
        }
        panel
    }

    /// The height the panel needs, padding included.
    pub(crate) fn height(&self, measure: &TextMeasure) -> f32 {
        let tallest = self.column_heights(measure).into_iter().fold(0.0, f32::max);
        (tallest + 2.0 * PANEL_PADDING) * self.scale
    }
}
