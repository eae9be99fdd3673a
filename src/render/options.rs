//! What a picture should contain and how large it is.

use crate::style::{Rgba, Theme};
use crate::timeline::BodyIx;

use super::camera::Framing;

/// A full-HD slide: the default picture size.
pub const DEFAULT_SIZE: (u32, u32) = (1920, 1080);

/// A 4K slide.
pub const SIZE_4K: (u32, u32) = (3840, 2160);

/// A4 landscape at 300 dots per inch.
pub const SIZE_A4_300DPI: (u32, u32) = (3508, 2480);

/// The largest side of a picture in pixels (after scaling); larger requests are refused.
pub const MAX_SIDE_PX: u32 = 16_384;

/// What is behind the network.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Background {
    /// The theme's canvas colour, as on screen.
    #[default]
    Theme,
    /// Nothing: the picture is transparent where nothing is drawn (for slides with their
    /// own background). Text keeps the theme's colours.
    Transparent,
}

/// How the date is written above the network.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum DateStamp {
    /// "October 2014".
    #[default]
    Month,
    /// "2014", for year-by-year pictures.
    Year,
    /// No date.
    Off,
}

/// Everything a picture needs besides the document, the state and the positions.
#[derive(Clone, Debug, PartialEq)]
pub struct RenderOptions {
    /// Width in picture units (SVG user units; PNG pixels at scale 1).
    pub width: u32,
    /// Height in picture units.
    pub height: u32,
    /// Light or dark colours.
    pub theme: Theme,
    /// The theme's background or none.
    pub background: Background,
    /// The title above the date, or none.
    pub title: Option<String>,
    /// How the date is written.
    pub date_stamp: DateStamp,
    /// Whether the legend column is drawn.
    pub legend: bool,
    /// The credit line at the bottom, or none (see [`super::source_line`]).
    pub source: Option<String>,
    /// When not empty, only these bodies and their members at the date are drawn.
    pub focus: Vec<BodyIx>,
    /// A fixed frame and camera (sequences share one); `None` fits this picture alone.
    pub framing: Option<Framing>,
    /// Text, margins and strokes relative to a 1920×1080 slide; `None`: from the picture's
    /// size (the panels of a comparison set it, so that small panels stay readable).
    pub text_scale: Option<f32>,
    /// The counts under the date twice their usual size, for a video seen from the back
    /// of a room (see [`RenderOptions::for_video`]).
    pub large_counts: bool,
}

impl Default for RenderOptions {
    fn default() -> Self {
        Self {
            width: DEFAULT_SIZE.0,
            height: DEFAULT_SIZE.1,
            theme: Theme::default(),
            background: Background::default(),
            title: None,
            date_stamp: DateStamp::default(),
            legend: true,
            source: None,
            focus: Vec::new(),
            framing: None,
            text_scale: None,
            large_counts: false,
        }
    }
}

impl RenderOptions {
    /// The colour behind everything, or `None` for a transparent picture.
    pub fn background_colour(&self) -> Option<Rgba> {
        match self.background {
            Background::Theme => Some(self.theme.palette().background),
            Background::Transparent => None,
        }
    }

    /// The options of a video's pictures: the theme's background (a video has no
    /// transparency) and large counts. Plan the sequence with these, as they change the
    /// header's height and so the shared framing.
    pub fn for_video(&self) -> Self {
        Self {
            background: Background::Theme,
            large_counts: true,
            ..self.clone()
        }
    }

    /// The counts line's font size at scale 1: 17 on slides, 34 in videos.
    pub(crate) fn counts_size(&self) -> f32 {
        if self.large_counts { 34.0 } else { 17.0 }
    }

    /// How much larger than a 1920×1080 slide the picture is: text, margins and strokes
    /// grow by this factor, so a 4K or A4 picture looks like the HD one, only sharper.
    pub fn ui_scale(&self) -> f32 {
        if let Some(scale) = self.text_scale.filter(|s| s.is_finite() && *s > 0.0) {
            return scale;
        }
        let wide = self.width as f32 / DEFAULT_SIZE.0 as f32;
        let high = self.height as f32 / DEFAULT_SIZE.1 as f32;
        wide.min(high).max(0.25)
    }
}

/// How a picture is rasterised.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PngOptions {
    /// Pixels per picture unit: 2 turns a 1920×1080 picture into a 3840×2160 PNG.
    pub scale: f32,
}

impl Default for PngOptions {
    fn default() -> Self {
        Self { scale: 1.0 }
    }
}
