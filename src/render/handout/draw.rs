//! Drawing on a PDF page with krilla: a [`Picture`]'s shapes as vector paths and text as
//! real text in the bundled faces (embedded, subset, selectable).
//!
//! The picture is drawn from its shapes, the same list [`crate::render::to_svg`] writes,
//! with the SVG's meaning: fills and strokes with opacity, even-odd rings, dashes and
//! round dots, texts anchored on their baseline and turned about it. Texts are set glyph
//! by glyph in the face [`TextMeasure`] picks for them (the resvg fallback rule), so the
//! widths the picture reserved are the widths drawn.

use std::sync::Arc;

use krilla::color::rgb;
use krilla::geom::{Path, PathBuilder, Point, Rect as PdfRect, Transform};
use krilla::num::NormalizedF32;
use krilla::paint::{Fill, FillRule, LineCap, LineJoin, Stroke as PdfStroke, StrokeDash};
use krilla::surface::Surface;
use krilla::text::{Font, GlyphId, KrillaGlyph};

use super::rich::{Span, Style};
use crate::fonts::FALLBACK_ORDER;
use crate::render::picture::{Anchor, LineDash, Picture, Shape, Stroke};
use crate::render::text::TextMeasure;
use crate::style::Rgba;

/// How far emphasised text leans: the horizontal shift per unit of height (about 11°).
const EMPHASIS_SLANT: f32 = 0.2;

/// The outline drawn around strong text, per unit of font size (synthetic bold: the
/// bundled text face has one weight).
const STRONG_OUTLINE_EM: f32 = 0.035;

/// The bundled faces as PDF fonts, in [`FALLBACK_ORDER`] (`None` for one that does not
/// load; its characters are then left out).
pub(crate) struct Fonts {
    faces: Vec<Option<Font>>,
}

impl Fonts {
    /// Loads every bundled face.
    pub(crate) fn load() -> Self {
        let faces = FALLBACK_ORDER
            .iter()
            .map(|face| {
                let bytes: Arc<dyn AsRef<[u8]> + Send + Sync> = Arc::new(face.bytes);
                Font::new(bytes.into(), 0)
            })
            .collect();
        Self { faces }
    }
}

/// What drawing text needs.
pub(crate) struct Pen<'a> {
    /// Picks faces and measures.
    pub(crate) measure: &'a TextMeasure,
    /// The faces as PDF fonts.
    pub(crate) fonts: &'a Fonts,
}

impl Pen<'_> {
    /// Draws one line of text with its left end at `origin` on the baseline; returns its
    /// width.
    pub(crate) fn text(
        &self,
        surface: &mut Surface<'_>,
        origin: [f32; 2],
        text: &str,
        style: Style,
        size: f32,
        colour: Rgba,
    ) -> f32 {
        let glyphs = self.measure.glyphs(text);
        surface.set_fill(Some(fill(colour)));
        surface.set_stroke(style.strong.then(|| PdfStroke {
            width: size * STRONG_OUTLINE_EM,
            line_join: LineJoin::Round,
            ..stroke(colour, 1.0)
        }));
        let mut x = 0.0;
        let mut start = 0;
        while start < glyphs.len() {
            let face = glyphs[start].face;
            let end = glyphs[start..]
                .iter()
                .position(|glyph| glyph.face != face)
                .map_or(glyphs.len(), |offset| start + offset);
            let run = &glyphs[start..end];
            let width: f32 = run.iter().map(|glyph| glyph.advance_em).sum::<f32>() * size;
            if let Some(Some(font)) = self.fonts.faces.get(face) {
                let placed: Vec<KrillaGlyph> = run
                    .iter()
                    .map(|glyph| {
                        KrillaGlyph::new(
                            GlyphId::new(glyph.glyph),
                            glyph.advance_em,
                            0.0,
                            0.0,
                            0.0,
                            glyph.range.clone(),
                            None,
                        )
                    })
                    .collect();
                let (left, top) = (origin[0] + x, origin[1]);
                // Emphasis leans the glyphs about their baseline.
                let slant = if style.emphasis { -EMPHASIS_SLANT } else { 0.0 };
                surface.push_transform(&Transform::from_row(1.0, 0.0, slant, 1.0, left, top));
                surface.draw_glyphs(
                    Point::from_xy(0.0, 0.0),
                    &placed,
                    font.clone(),
                    text,
                    size,
                    false,
                );
                surface.pop();
            }
            x += width;
            start = end;
        }
        surface.set_stroke(None);
        x
    }

    /// Draws a line of styled spans from `origin`; returns its width.
    pub(crate) fn spans(
        &self,
        surface: &mut Surface<'_>,
        origin: [f32; 2],
        spans: &[Span],
        size: f32,
        colour: Rgba,
    ) -> f32 {
        let mut x = origin[0];
        for span in spans {
            x += self.text(
                surface,
                [x, origin[1]],
                &span.text,
                span.style,
                size,
                colour,
            );
        }
        x - origin[0]
    }

    /// Draws a picture with its top-left corner at `at`, scaled by `scale`, clipped to its
    /// bounds.
    pub(crate) fn picture(
        &self,
        surface: &mut Surface<'_>,
        picture: &Picture,
        at: [f32; 2],
        scale: f32,
    ) {
        surface.push_transform(&Transform::from_row(scale, 0.0, 0.0, scale, at[0], at[1]));
        let bounds = PdfRect::from_xywh(0.0, 0.0, picture.width, picture.height).and_then(|rect| {
            let mut builder = PathBuilder::new();
            builder.push_rect(rect);
            builder.finish()
        });
        if let Some(bounds) = &bounds {
            surface.push_clip_path(bounds, &FillRule::NonZero);
        }
        if let (Some(background), Some(bounds)) = (picture.background, &bounds) {
            paint(surface, bounds, Some(background), None, FillRule::NonZero);
        }
        for layer in &picture.layers {
            for shape in &layer.shapes {
                self.shape(surface, shape);
            }
        }
        if bounds.is_some() {
            surface.pop();
        }
        surface.pop();
    }

    fn shape(&self, surface: &mut Surface<'_>, shape: &Shape) {
        match shape {
            Shape::Rect { rect, corner, fill } => {
                if let Some(path) = rounded_rect(rect.x, rect.y, rect.w, rect.h, *corner) {
                    paint(surface, &path, Some(*fill), None, FillRule::NonZero);
                }
            }
            Shape::Circle {
                centre,
                radius,
                fill,
                stroke,
            } => {
                if let Some(path) = circle(*centre, *radius) {
                    paint(surface, &path, *fill, stroke.map(solid), FillRule::NonZero);
                }
            }
            Shape::Polygon {
                points,
                fill,
                stroke,
            } => {
                if let Some(path) = rings(std::slice::from_ref(points)) {
                    paint(surface, &path, *fill, stroke.map(solid), FillRule::NonZero);
                }
            }
            Shape::Path {
                rings: outlines,
                fill,
                stroke,
            } => {
                let closed: Vec<Vec<[f32; 2]>> = outlines
                    .iter()
                    .filter(|ring| ring.len() >= 3)
                    .cloned()
                    .collect();
                if let Some(path) = rings(&closed) {
                    paint(surface, &path, *fill, stroke.map(solid), FillRule::EvenOdd);
                }
            }
            Shape::Line {
                from,
                to,
                stroke: line,
                dash,
            } => {
                let mut builder = PathBuilder::new();
                builder.move_to(from[0], from[1]);
                builder.line_to(to[0], to[1]);
                let Some(path) = builder.finish() else {
                    return;
                };
                let mut pdf_stroke = stroke(line.colour, line.width);
                match dash {
                    LineDash::Solid => {}
                    LineDash::Dashed { on, off } => {
                        pdf_stroke.dash = Some(StrokeDash {
                            array: vec![*on, *off],
                            offset: 0.0,
                        });
                    }
                    LineDash::Dotted { gap } => {
                        pdf_stroke.dash = Some(StrokeDash {
                            array: vec![0.0, *gap],
                            offset: 0.0,
                        });
                        pdf_stroke.line_cap = LineCap::Round;
                    }
                }
                paint_stroke(surface, &path, line.width, pdf_stroke);
            }
            Shape::Text {
                position,
                text,
                size,
                colour,
                anchor,
                rotation,
            } => {
                let width = self.measure.advance(text, *size);
                let left = match anchor {
                    Anchor::Start => 0.0,
                    Anchor::Middle => -width / 2.0,
                    Anchor::End => -width,
                };
                let turned = *rotation != 0.0;
                if turned {
                    surface.push_transform(&Transform::from_rotate_at(
                        *rotation,
                        position[0],
                        position[1],
                    ));
                }
                self.text(
                    surface,
                    [position[0] + left, position[1]],
                    text,
                    Style::default(),
                    *size,
                    *colour,
                );
                if turned {
                    surface.pop();
                }
            }
        }
    }
}

/// A solid-line PDF stroke for a picture stroke.
fn solid(line: Stroke) -> PdfStroke {
    stroke(line.colour, line.width)
}

/// A stroke in a colour (its alpha the opacity), with round joins like the SVG's outlines.
pub(crate) fn stroke(colour: Rgba, width: f32) -> PdfStroke {
    PdfStroke {
        paint: rgb::Color::new(colour.r, colour.g, colour.b).into(),
        width,
        opacity: opacity(colour.a),
        line_join: LineJoin::Round,
        ..PdfStroke::default()
    }
}

/// A fill in a colour (its alpha the opacity).
pub(crate) fn fill(colour: Rgba) -> Fill {
    Fill {
        paint: rgb::Color::new(colour.r, colour.g, colour.b).into(),
        opacity: opacity(colour.a),
        rule: FillRule::NonZero,
    }
}

fn opacity(alpha: u8) -> NormalizedF32 {
    NormalizedF32::new(f32::from(alpha) / 255.0).unwrap_or(NormalizedF32::ONE)
}

/// Fills and/or strokes a path.
pub(crate) fn paint(
    surface: &mut Surface<'_>,
    path: &Path,
    colour: Option<Rgba>,
    line: Option<PdfStroke>,
    rule: FillRule,
) {
    if colour.is_none() && line.is_none() {
        return;
    }
    surface.set_fill(colour.map(|colour| Fill {
        rule,
        ..fill(colour)
    }));
    surface.set_stroke(line.filter(|line| line.width > 0.0 && line.width.is_finite()));
    surface.draw_path(path);
    surface.set_fill(None);
    surface.set_stroke(None);
}

/// Strokes a path (nothing for a zero or non-finite width).
pub(crate) fn paint_stroke(surface: &mut Surface<'_>, path: &Path, width: f32, line: PdfStroke) {
    if width > 0.0 && width.is_finite() {
        surface.set_fill(None);
        surface.set_stroke(Some(line));
        surface.draw_path(path);
        surface.set_stroke(None);
    }
}

/// A rectangle with rounded corners (the radius no more than half a side).
pub(crate) fn rounded_rect(x: f32, y: f32, w: f32, h: f32, corner: f32) -> Option<Path> {
    let r = corner.min(w / 2.0).min(h / 2.0).max(0.0);
    let mut builder = PathBuilder::new();
    if r <= 0.0 {
        builder.push_rect(PdfRect::from_xywh(x, y, w, h)?);
        return builder.finish();
    }
    // The distance of a cubic's control points that best follows a quarter circle.
    let k = 0.552_284_8 * r;
    let (right, bottom) = (x + w, y + h);
    builder.move_to(x + r, y);
    builder.line_to(right - r, y);
    builder.cubic_to(right - r + k, y, right, y + r - k, right, y + r);
    builder.line_to(right, bottom - r);
    builder.cubic_to(
        right,
        bottom - r + k,
        right - r + k,
        bottom,
        right - r,
        bottom,
    );
    builder.line_to(x + r, bottom);
    builder.cubic_to(x + r - k, bottom, x, bottom - r + k, x, bottom - r);
    builder.line_to(x, y + r);
    builder.cubic_to(x, y + r - k, x + r - k, y, x + r, y);
    builder.close();
    builder.finish()
}

/// A circle as four cubic curves.
fn circle([cx, cy]: [f32; 2], r: f32) -> Option<Path> {
    if r <= 0.0 || !r.is_finite() {
        return None;
    }
    let k = 0.552_284_8 * r;
    let mut builder = PathBuilder::new();
    builder.move_to(cx + r, cy);
    builder.cubic_to(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
    builder.cubic_to(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
    builder.cubic_to(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
    builder.cubic_to(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
    builder.close();
    builder.finish()
}

/// Closed rings as one path.
fn rings(rings: &[Vec<[f32; 2]>]) -> Option<Path> {
    let mut builder = PathBuilder::new();
    for ring in rings {
        let mut points = ring.iter();
        let Some([x, y]) = points.next() else {
            continue;
        };
        builder.move_to(*x, *y);
        for [x, y] in points {
            builder.line_to(*x, *y);
        }
        builder.close();
    }
    builder.finish()
}
