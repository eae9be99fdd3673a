//! Pictures of the network for slides and handouts: SVG, PNG and animated GIF, with no
//! window and no GPU. The same style decisions as the screen ([`crate::scene::SceneFrame`],
//! [`crate::style`]), so an export looks like the view.
//!
//! A [`Picture`] is built once from the document, the view, the positions and the
//! [`RenderOptions`]; [`to_svg`] writes it as text, [`to_png`] rasterises that SVG with
//! resvg. A [`Sequence`] plans one picture per year or month with a shared camera, and a
//! [`GifWriter`] animates them; [`write_video`] makes an H.264 MP4 of them, each step
//! dissolving into the next. A [`Handout`] is a lesson's pictures and captions as a PDF
//! ([`write_pdf`]), vector pictures and real text. A [`MatrixPicture`] draws the overlap matrix the same way,
//! a [`MapPicture`] the world map and a [`CoalitionPicture`] the coalition network.
//!
//! ```no_run
//! # use minilateral::render::{Picture, PngOptions, RenderOptions, to_png, to_svg};
//! # fn demo(document: &minilateral::document::Document) -> Result<(), minilateral::render::RenderError> {
//! let view = document.initial_view();
//! let positions = minilateral::document::Document::compute_layout(document.layout_request());
//! let picture = Picture::build(document, &view, &positions, &RenderOptions::default());
//! let svg: String = to_svg(&picture);
//! let png: Vec<u8> = to_png(&picture, &PngOptions { scale: 2.0 })?;
//! # Ok(()) }
//! ```

mod build;
mod camera;
mod coalitions;
mod compare;
mod focus;
mod handout;
mod legend;
mod map;
mod matrix;
mod options;
mod picture;
mod png;
mod request;
mod sequence;
pub mod shapes;
mod slides;
mod svg;
mod text;
mod video;

pub use build::{default_title, known_body_ids, shared_framing, source_line};
pub use camera::{Camera, Framing, MAX_NODE_ZOOM_PER_UI, NodeExtent, Rect, fit};
pub use coalitions::{CoalitionPicture, tie_width};
pub use compare::{MAX_PANELS, compare_picture, compare_views};
pub use focus::frame_for_picture;
pub use handout::{Handout, HandoutPage, Orientation, Paper, to_pdf, write_pdf, write_pngs};
pub use map::{MapPicture, picture_of_view};
pub use matrix::MatrixPicture;
pub use options::{
    Background, DEFAULT_SIZE, DateStamp, MAX_SIDE_PX, PngOptions, RenderOptions, SIZE_4K,
    SIZE_A4_300DPI,
};
pub use picture::{Anchor, Layer, LineDash, Picture, Shape, Stroke};
pub use png::{
    Raster, RenderError, bundled_family, encode_png, raster_of_svg, to_png, to_png_and_raster,
    to_raster,
};
pub use request::{ImageFormat, ImageRequest, PictureSubject, SequenceRequest};
pub use sequence::{
    GifWriter, MAX_FRAMES, Sequence, SequenceFiles, Step, sequence_months, write_sequence,
};
pub use slides::{
    SlideMove, ease, framing_of_slide, lesson_handout, picture_at, slide_framing, slide_picture,
};
pub use svg::to_svg;
pub use text::{FONT_FAMILY, text_width};
pub use video::{
    MAX_FPS, MAX_VIDEO_SIDES, Mp4Error, TRANSITION_SECONDS, VideoOptions, VideoSummary, Yuv420,
    bitrate_bps, crossfade, encode_video, fitting_scale, numbers_between, paste_over, video_size,
    write_video, yuv_from_rgba,
};
