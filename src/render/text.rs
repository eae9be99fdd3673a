//! The typeface of the pictures and how wide a text is in it.
//!
//! Pictures use the screen's typeface (egui's default proportional font, Ubuntu Light),
//! taken from the same bytes egui ships, so a picture looks like the view and renders the
//! same on every machine. Widths are measured from that font's advances (no kerning), which
//! is what the label-collision pass and the legend layout need; a small slack covers the
//! difference from the shaped text resvg draws.

use skrifa::instance::{LocationRef, Size};
use skrifa::{FontRef, MetadataProvider};

/// The family named in the SVG: the typeface's own name first, then generic fallbacks for
/// editors that do not have it.
pub const FONT_FAMILY: &str = "Ubuntu, 'Ubuntu Light', 'DejaVu Sans', Arial, sans-serif";

/// The regular text face (egui's default proportional font).
pub(crate) const TEXT_FONT: &[u8] = epaint_default_fonts::UBUNTU_LIGHT;

/// Faces loaded after the text face, for characters it lacks (symbols, emoji), as egui does.
pub(crate) const FALLBACK_FONTS: [&[u8]; 2] = [
    epaint_default_fonts::NOTO_EMOJI_REGULAR,
    epaint_default_fonts::EMOJI_ICON,
];

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
    font: Option<FontRef<'static>>,
    units_per_em: f32,
    ascent_em: f32,
    descent_em: f32,
}

impl TextMeasure {
    /// Reads the typeface's tables; if they cannot be read, widths are estimated.
    pub(crate) fn new() -> Self {
        let font = FontRef::new(TEXT_FONT).ok();
        let (units_per_em, ascent_em, descent_em) = font.as_ref().map_or((1.0, 0.93, 0.19), |f| {
            let metrics = f.metrics(Size::unscaled(), LocationRef::default());
            let upem = f32::from(metrics.units_per_em.max(1));
            (upem, metrics.ascent / upem, -metrics.descent / upem)
        });
        Self {
            font,
            units_per_em,
            ascent_em,
            descent_em,
        }
    }

    /// The width of `text` at `size` pixels.
    pub(crate) fn width(&self, text: &str, size: f32) -> f32 {
        let Some(font) = &self.font else {
            return text.chars().count() as f32 * MISSING_ADVANCE_EM * size;
        };
        let charmap = font.charmap();
        let metrics = font.glyph_metrics(Size::unscaled(), LocationRef::default());
        let units: f32 = text
            .chars()
            .map(|c| {
                charmap
                    .map(c)
                    .and_then(|glyph| metrics.advance_width(glyph))
                    .unwrap_or(MISSING_ADVANCE_EM * self.units_per_em)
            })
            .sum();
        units / self.units_per_em * size * WIDTH_SLACK
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
        assert!(measure.font.is_some(), "the bundled font parses");
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
}
