//! A picture as pixels: its SVG drawn by resvg on the CPU (no display, no GPU), with the
//! bundled faces loaded from memory (never from the system), then encoded as PNG.

use std::sync::{Arc, OnceLock};

use resvg::tiny_skia::{Pixmap, Transform};
use resvg::usvg::{self, fontdb};

use super::options::{MAX_SIDE_PX, PngOptions};
use super::picture::Picture;
use super::svg::to_svg;
use crate::fonts::FALLBACK_ORDER;

/// Why a picture could not be rasterised or encoded.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// The requested size is zero, not a number, or too large.
    #[error("a picture of {width}×{height} pixels cannot be drawn (each side 1 to {MAX_SIDE_PX})")]
    Size {
        /// Requested width in pixels.
        width: f32,
        /// Requested height in pixels.
        height: f32,
    },
    /// The SVG we wrote did not parse (a bug).
    #[error("the picture's SVG is invalid: {0}")]
    Svg(#[from] usvg::Error),
    /// PNG encoding failed.
    #[error("could not encode the PNG: {0}")]
    Png(String),
    /// GIF encoding failed.
    #[error("could not encode the GIF: {0}")]
    Gif(#[from] gif::EncodingError),
    /// A file could not be written.
    #[error("{}: {message}", path.display())]
    Io {
        /// The file.
        path: std::path::PathBuf,
        /// What went wrong.
        message: String,
    },
    /// A video cannot have this size.
    #[error(
        "a video of {width}×{height} pixels cannot be encoded: H.264 here takes 16 to {} \
         pixels on the long side and at most {} on the short one",
        super::video::MAX_VIDEO_SIDES.0,
        super::video::MAX_VIDEO_SIDES.1
    )]
    VideoSize {
        /// Requested width in pixels.
        width: f32,
        /// Requested height in pixels.
        height: f32,
    },
    /// The PDF could not be assembled.
    #[error("could not write the PDF: {0}")]
    Pdf(String),
    /// Encoding a video failed.
    #[error("could not encode the video: {0}")]
    Video(String),
    /// Writing failed (the caller names the file, see [`RenderError::Io`]).
    #[error("{0}")]
    Write(#[from] std::io::Error),
    /// The work was stopped before it was done.
    #[error("cancelled")]
    Cancelled,
    /// Frames of one animation differ in size.
    #[error("frame {index} is {width}×{height} pixels, unlike the first frame")]
    FrameSize {
        /// The frame's index, from 0.
        index: usize,
        /// Its width.
        width: u32,
        /// Its height.
        height: u32,
    },
}

/// A rasterised picture: straight (not premultiplied) RGBA, row by row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Raster {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// `width × height × 4` bytes.
    pub rgba: Vec<u8>,
}

/// The font database shared by every rasterisation: the bundled faces only, so pictures do
/// not depend on the fonts a machine has. They are loaded in fallback order, because resvg
/// looks for a character the named family lacks in the database's faces in turn.
fn font_database() -> Arc<fontdb::Database> {
    static DATABASE: OnceLock<Arc<fontdb::Database>> = OnceLock::new();
    DATABASE
        .get_or_init(|| {
            let mut database = fontdb::Database::new();
            for face in FALLBACK_ORDER {
                database.load_font_source(fontdb::Source::Binary(Arc::new(face.bytes)));
            }
            let family = database
                .faces()
                .next()
                .and_then(|face| face.families.first())
                .map(|(name, _)| name.clone());
            if let Some(family) = family {
                database.set_sans_serif_family(family.clone());
                database.set_serif_family(family);
            }
            Arc::new(database)
        })
        .clone()
}

/// The family name the bundled text face registers under (for tests and diagnostics).
pub fn bundled_family() -> Option<String> {
    font_database()
        .faces()
        .next()
        .and_then(|face| face.families.first())
        .map(|(name, _)| name.clone())
}

/// Draws a picture into a premultiplied pixmap at `options.scale` pixels per unit.
fn render_pixmap(picture: &Picture, options: &PngOptions) -> Result<Pixmap, RenderError> {
    let width = picture.width * options.scale;
    let height = picture.height * options.scale;
    let valid = |side: f32| side.is_finite() && side >= 1.0 && side <= MAX_SIDE_PX as f32;
    if !valid(width) || !valid(height) {
        return Err(RenderError::Size { width, height });
    }
    let (pixel_width, pixel_height) = (width.round() as u32, height.round() as u32);
    let mut pixmap =
        Pixmap::new(pixel_width, pixel_height).ok_or(RenderError::Size { width, height })?;
    let svg = to_svg(picture);
    let usvg_options = usvg::Options {
        fontdb: font_database(),
        font_family: bundled_family().unwrap_or_else(|| "Ubuntu".to_owned()),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(&svg, &usvg_options)?;
    let transform = Transform::from_scale(
        pixel_width as f32 / picture.width,
        pixel_height as f32 / picture.height,
    );
    resvg::render(&tree, transform, &mut pixmap.as_mut());
    Ok(pixmap)
}

/// Draws an SVG document (the app's icon) into a square of `side` pixels.
pub fn raster_of_svg(svg: &str, side: u32) -> Result<Raster, RenderError> {
    let size_error = || RenderError::Size {
        width: side as f32,
        height: side as f32,
    };
    let mut pixmap = Pixmap::new(side, side).ok_or_else(size_error)?;
    let tree = usvg::Tree::from_str(svg, &usvg::Options::default())?;
    let size = tree.size();
    let transform = Transform::from_scale(
        side as f32 / size.width().max(1.0),
        side as f32 / size.height().max(1.0),
    );
    resvg::render(&tree, transform, &mut pixmap.as_mut());
    Ok(raster_of(&pixmap))
}

/// Draws a picture into pixels at `options.scale` pixels per picture unit.
pub fn to_raster(picture: &Picture, options: &PngOptions) -> Result<Raster, RenderError> {
    Ok(raster_of(&render_pixmap(picture, options)?))
}

/// A picture as PNG bytes and as pixels, drawn once (sequences write both).
pub fn to_png_and_raster(
    picture: &Picture,
    options: &PngOptions,
) -> Result<(Vec<u8>, Raster), RenderError> {
    let pixmap = render_pixmap(picture, options)?;
    let png = pixmap
        .encode_png()
        .map_err(|error| RenderError::Png(error.to_string()))?;
    Ok((png, raster_of(&pixmap)))
}

fn raster_of(pixmap: &Pixmap) -> Raster {
    let rgba = pixmap
        .pixels()
        .iter()
        .flat_map(|pixel| {
            let colour = pixel.demultiply();
            [colour.red(), colour.green(), colour.blue(), colour.alpha()]
        })
        .collect();
    Raster {
        width: pixmap.width(),
        height: pixmap.height(),
        rgba,
    }
}

/// Encodes straight-alpha RGBA pixels (a window screenshot, say) as PNG.
pub fn encode_png(width: u32, height: u32, rgba: &[u8]) -> Result<Vec<u8>, RenderError> {
    let size_error = RenderError::Size {
        width: width as f32,
        height: height as f32,
    };
    let expected = (width as usize)
        .checked_mul(height as usize)
        .and_then(|n| n.checked_mul(4));
    if expected != Some(rgba.len()) {
        return Err(size_error);
    }
    let premultiplied: Vec<u8> = rgba
        .chunks_exact(4)
        .flat_map(|p| {
            let a = u16::from(p[3]);
            let mul = |c: u8| ((u16::from(c) * a + 127) / 255) as u8;
            [mul(p[0]), mul(p[1]), mul(p[2]), p[3]]
        })
        .collect();
    let size = resvg::tiny_skia::IntSize::from_wh(width, height).ok_or(size_error)?;
    let pixmap = Pixmap::from_vec(premultiplied, size).ok_or(RenderError::Size {
        width: width as f32,
        height: height as f32,
    })?;
    pixmap
        .encode_png()
        .map_err(|error| RenderError::Png(error.to_string()))
}

/// A picture as PNG bytes.
pub fn to_png(picture: &Picture, options: &PngOptions) -> Result<Vec<u8>, RenderError> {
    render_pixmap(picture, options)?
        .encode_png()
        .map_err(|error| RenderError::Png(error.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::text::FONT_FAMILY;
    use skrifa::MetadataProvider;

    #[test]
    fn the_svg_names_the_bundled_family_first() {
        let family = bundled_family().unwrap_or_default();
        assert!(!family.is_empty());
        let first = FONT_FAMILY.split(',').next().unwrap_or_default().trim();
        assert_eq!(
            first, family,
            "the SVG must name the face the PNG is drawn with"
        );
    }

    #[test]
    fn the_database_holds_every_face_in_fallback_order() {
        let database = font_database();
        let families: Vec<String> = database
            .faces()
            .filter_map(|face| face.families.first().map(|(name, _)| name.clone()))
            .collect();
        let expected: Vec<&str> = FALLBACK_ORDER.iter().map(|face| face.family).collect();
        assert_eq!(families, expected);
        assert!(
            FONT_FAMILY.contains(crate::fonts::DEJAVU_SANS.family),
            "an SVG opened elsewhere names the fallback face too"
        );
        for c in ['←', '→', '≤', '…'] {
            assert!(
                database.faces().any(|face| {
                    database
                        .with_face_data(face.id, |data, index| {
                            skrifa::FontRef::from_index(data, index)
                                .is_ok_and(|font| font.charmap().map(c).is_some())
                        })
                        .unwrap_or(false)
                }),
                "{c} has a glyph"
            );
        }
    }
}
