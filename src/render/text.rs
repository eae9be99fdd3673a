//! The typeface of the pictures and how wide a text is in it.
//!
//! Pictures use the screen's faces ([`crate::fonts::FALLBACK_ORDER`]: egui's default
//! proportional font, Ubuntu Light, then its fallbacks), taken from the same bytes the
//! window uses, so a picture looks like the view and renders the same on every machine.
//! Widths are measured from the advances of the face that draws each character (no
//! kerning), which is what the label-collision pass and the legend layout need; a small
//! slack covers the difference from the shaped text resvg draws.

use skrifa::charmap::Charmap;
use skrifa::instance::{LocationRef, Size};
use skrifa::metrics::GlyphMetrics;
use skrifa::{FontRef, MetadataProvider};

use crate::fonts::FALLBACK_ORDER;

/// The family named in the SVG: the text face's own name first, the fallback face
/// ([`crate::fonts::DEJAVU_SANS`]) next, then generic fallbacks for editors that have
/// neither.
pub const FONT_FAMILY: &str = "Ubuntu, 'Ubuntu Light', 'DejaVu Sans', Arial, sans-serif";

/// Measured widths are widened by this factor, so that shaping differences never make a
/// drawn label wider than its reserved box.
const WIDTH_SLACK: f32 = 1.03;

/// The advance of a character the font lacks, in ems.
const MISSING_ADVANCE_EM: f32 = 0.6;

/// The width of a line of text in the picture typeface at `size` picture units (with the
/// small slack the layout reserves), for a caller that places text beside a picture.
pub fn text_width(text: &str, size: f32) -> f32 {
    TextMeasure::new().width(text, size)
}

/// Measures text in the picture typeface.
pub(crate) struct TextMeasure {
    /// The faces that parsed, in fallback order.
    faces: Vec<MeasuredFace>,
    ascent_em: f32,
    descent_em: f32,
}

/// One glyph of a text, as [`TextMeasure::glyphs`] places it.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct PlacedGlyph {
    /// The face that draws it: its place in [`FALLBACK_ORDER`].
    pub(crate) face: usize,
    /// The glyph's id in that face.
    pub(crate) glyph: u32,
    /// How far the pen moves after it, in ems.
    pub(crate) advance_em: f32,
    /// The bytes of the text it draws.
    pub(crate) range: std::ops::Range<usize>,
}

/// What measuring needs of one face, read once.
struct MeasuredFace {
    /// The face's place in [`FALLBACK_ORDER`].
    order: usize,
    charmap: Charmap<'static>,
    metrics: GlyphMetrics<'static>,
    units_per_em: f32,
}

impl TextMeasure {
    /// Reads the faces' tables; a face that cannot be read is skipped (if none can, widths
    /// are estimated), and heights are estimated if the text face cannot be read.
    pub(crate) fn new() -> Self {
        let unscaled =
            |font: &FontRef<'static>| font.metrics(Size::unscaled(), LocationRef::default());
        let (ascent_em, descent_em) =
            FontRef::new(FALLBACK_ORDER[0].bytes)
                .ok()
                .map_or((0.93, 0.19), |font| {
                    let metrics = unscaled(&font);
                    let upem = f32::from(metrics.units_per_em.max(1));
                    (metrics.ascent / upem, -metrics.descent / upem)
                });
        let faces = FALLBACK_ORDER
            .iter()
            .enumerate()
            .filter_map(|(order, face)| Some((order, FontRef::new(face.bytes).ok()?)))
            .map(|(order, font)| MeasuredFace {
                order,
                charmap: font.charmap(),
                metrics: font.glyph_metrics(Size::unscaled(), LocationRef::default()),
                units_per_em: f32::from(unscaled(&font).units_per_em.max(1)),
            })
            .collect();
        Self {
            faces,
            ascent_em,
            descent_em,
        }
    }

    /// The width of `text` at `size` pixels.
    pub(crate) fn width(&self, text: &str, size: f32) -> f32 {
        let chars: Vec<char> = text.chars().collect();
        let ems: f32 = self
            .faces_drawing(&chars)
            .iter()
            .zip(&chars)
            .map(|(face, &c)| {
                face.and_then(|face| {
                    let glyph = face.charmap.map(c)?;
                    // In ems: the faces have different units per em.
                    Some(face.metrics.advance_width(glyph)? / face.units_per_em)
                })
                .unwrap_or(MISSING_ADVANCE_EM)
            })
            .sum();
        ems * size * WIDTH_SLACK
    }

    /// The glyphs that draw `text`, one per character, each in the face that draws it
    /// (the same choice and advances as [`TextMeasure::width`], without its slack): what a
    /// writer that places glyphs itself (the PDF handouts) draws. A character no face has
    /// is the text face's missing glyph (glyph 0) with the estimated advance.
    pub(crate) fn glyphs(&self, text: &str) -> Vec<PlacedGlyph> {
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let plain: Vec<char> = chars.iter().map(|&(_, c)| c).collect();
        self.faces_drawing(&plain)
            .iter()
            .zip(&chars)
            .map(|(face, &(start, c))| {
                let found = face.and_then(|face| {
                    let glyph = face.charmap.map(c)?;
                    let advance = face.metrics.advance_width(glyph)? / face.units_per_em;
                    Some((face.order, glyph.to_u32(), advance))
                });
                let (face, glyph, advance_em) = found.unwrap_or((0, 0, MISSING_ADVANCE_EM));
                PlacedGlyph {
                    face,
                    glyph,
                    advance_em,
                    range: start..start + c.len_utf8(),
                }
            })
            .collect()
    }

    /// The width of `text` at `size` as [`TextMeasure::glyphs`] places it (no slack).
    pub(crate) fn advance(&self, text: &str, size: f32) -> f32 {
        self.glyphs(text)
            .iter()
            .map(|glyph| glyph.advance_em)
            .sum::<f32>()
            * size
    }

    /// The face that draws each character, as resvg picks it: the text face where it has
    /// the character; else the faces are tried in order, for the first character still
    /// missing, and a face that has *every* character of the text draws the whole text
    /// (so a label with an arrow is drawn wholly in DejaVu Sans, wider than Ubuntu);
    /// otherwise it draws only the characters still missing that it has.
    fn faces_drawing(&self, chars: &[char]) -> Vec<Option<&MeasuredFace>> {
        let maps = |face: &MeasuredFace, c: char| face.charmap.map(c).is_some();
        let Some(text_face) = self.faces.first() else {
            return vec![None; chars.len()];
        };
        let mut drawing: Vec<Option<&MeasuredFace>> = chars
            .iter()
            .map(|&c| maps(text_face, c).then_some(text_face))
            .collect();
        let mut tried = vec![false; self.faces.len()];
        tried[0] = true;
        while let Some(missing) = chars
            .iter()
            .zip(&drawing)
            .find_map(|(&c, face)| face.is_none().then_some(c))
        {
            let Some(index) =
                (0..self.faces.len()).find(|&i| !tried[i] && maps(&self.faces[i], missing))
            else {
                break;
            };
            let face = &self.faces[index];
            if chars.iter().all(|&c| maps(face, c)) {
                return vec![Some(face); chars.len()];
            }
            for (&c, drawn) in chars.iter().zip(&mut drawing) {
                if drawn.is_none() && maps(face, c) {
                    *drawn = Some(face);
                }
            }
            tried[index] = true;
        }
        drawing
    }

    /// How far the text rises above its baseline at `size` pixels.
    pub(crate) fn ascent(&self, size: f32) -> f32 {
        self.ascent_em * size
    }

    /// How far the text falls below its baseline at `size` pixels.
    pub(crate) fn descent(&self, size: f32) -> f32 {
        self.descent_em * size
    }

    /// Splits `text` into lines no wider than `max_width` at `size` (words longer than a
    /// line stay whole).
    pub(crate) fn wrap(&self, text: &str, size: f32, max_width: f32) -> Vec<String> {
        let mut lines: Vec<String> = Vec::new();
        let mut line = String::new();
        for word in text.split_whitespace() {
            let candidate = if line.is_empty() {
                word.to_owned()
            } else {
                format!("{line} {word}")
            };
            if !line.is_empty() && self.width(&candidate, size) > max_width {
                lines.push(std::mem::take(&mut line));
                line = word.to_owned();
            } else {
                line = candidate;
            }
        }
        if !line.is_empty() {
            lines.push(line);
        }
        lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_grow_with_text_and_size() {
        let measure = TextMeasure::new();
        assert_eq!(
            measure.faces.len(),
            FALLBACK_ORDER.len(),
            "every face parses"
        );
        let short = measure.width("FOC", 12.0);
        let long = measure.width("Freedom Online Coalition", 12.0);
        assert!(short > 10.0 && short < 40.0, "{short}");
        assert!(long > 3.0 * short, "{long} vs {short}");
        assert!((measure.width("FOC", 24.0) - 2.0 * short).abs() < 0.01);
        assert!(measure.ascent(10.0) > 5.0 && measure.descent(10.0) > 0.5);
    }

    #[test]
    fn wrapping_keeps_every_word_and_respects_the_width() {
        let measure = TextMeasure::new();
        let text = "Size: members (bodies) or memberships (actors) at the date";
        let lines = measure.wrap(text, 13.0, 150.0);
        assert!(lines.len() > 1, "{lines:?}");
        assert_eq!(lines.join(" "), text);
        for line in &lines {
            assert!(measure.width(line, 13.0) <= 150.0, "{line}");
        }
    }

    #[test]
    fn characters_of_the_fallback_face_are_measured_in_it() {
        let measure = TextMeasure::new();
        // U+0378 is unassigned: no face has it, so it gets the estimated advance. (Built at
        // run time: tests/glyphs.rs checks that every character literal has a glyph.)
        let unassigned: String = char::from_u32(0x378).into_iter().collect();
        let unknown = measure.width(&unassigned, 10.0);
        let arrow = measure.width("→", 10.0);
        assert!((unknown - MISSING_ADVANCE_EM * 10.0 * WIDTH_SLACK).abs() < 1e-3);
        assert!(arrow > 3.0 && arrow != unknown, "{arrow}");
    }

    #[test]
    fn a_text_the_fallback_face_covers_is_measured_wholly_in_it() {
        let measure = TextMeasure::new();
        let in_ubuntu = measure.width("Mexico", 10.0);
        // resvg draws "Mexico →" wholly in DejaVu Sans, which is wider than Ubuntu Light.
        let with_arrow = measure.width("Mexico →", 10.0);
        let dejavu = &measure.faces[FALLBACK_ORDER.len() - 1];
        let in_dejavu: f32 = "Mexico →"
            .chars()
            .filter_map(|c| {
                let glyph = dejavu.charmap.map(c)?;
                Some(dejavu.metrics.advance_width(glyph)? / dejavu.units_per_em)
            })
            .sum::<f32>()
            * 10.0
            * WIDTH_SLACK;
        assert!(
            (with_arrow - in_dejavu).abs() < 1e-3,
            "{with_arrow} vs {in_dejavu}"
        );
        assert!(with_arrow > in_ubuntu + measure.width(" →", 10.0));
    }
}
