//! What a picture is asked for with: the request of one picture (options, scale, subject)
//! and of a sequence. The app's export window, the overlap window and the command line
//! describe pictures with these; caches of pictures are keyed on them and on the view.

use crate::model::Month;

use super::options::RenderOptions;
use super::sequence::Step;

/// The file type of an exported picture.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ImageFormat {
    /// A PNG bitmap.
    Png,
    /// An SVG drawing with real text.
    Svg,
}

impl ImageFormat {
    /// The file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Png => "png",
            Self::Svg => "svg",
        }
    }
}

/// What a picture shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PictureSubject {
    /// The view as shown: the network (date, level, filters, selection, positions) or the
    /// map, as the view says.
    #[default]
    Network,
    /// The overlap matrix at the date and level (its bodies limited to the options' focus
    /// when there is one).
    OverlapMatrix,
}

/// A picture of the view.
#[derive(Clone, Debug, PartialEq)]
pub struct ImageRequest {
    /// Size, theme, legend, title, focus.
    pub options: RenderOptions,
    /// Pixels per picture unit for PNG.
    pub scale: f32,
    /// The network or the overlap matrix.
    pub subject: PictureSubject,
    /// Months to compare side by side (small multiples of the view); empty: the view's own
    /// date alone.
    pub compare: Vec<Month>,
}

/// A year-by-year (or month-by-month) sequence of pictures and an animated GIF.
#[derive(Clone, Debug, PartialEq)]
pub struct SequenceRequest {
    /// The picture options shared by every frame.
    pub options: RenderOptions,
    /// The first frame's date.
    pub from: Month,
    /// The last frame's date.
    pub to: Month,
    /// A year or a month per frame.
    pub step: Step,
    /// How long each GIF frame shows, in milliseconds.
    pub delay_ms: u32,
}
