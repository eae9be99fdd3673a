//! Draws the picture shapes of [`crate::render`] with egui: whole pictures (the export
//! preview, the overlap window) and the shapes of nodes, edges and legend swatches that
//! [`crate::render::shapes`] makes for the screen and the pictures alike.

use crate::render::{Anchor, LineDash, Picture, Shape, Stroke};
use crate::style::Rgba;

use super::colour::color32;

/// Adds the egui shapes of one picture shape (text aside: it needs a painter) to `out`;
/// `at` places a picture point on the screen, `scale` is points per picture unit.
pub fn egui_shapes(
    shape: &Shape,
    at: impl Fn([f32; 2]) -> egui::Pos2,
    scale: f32,
    out: &mut Vec<egui::Shape>,
) {
    let fill_of = |fill: Option<Rgba>| fill.map_or(egui::Color32::TRANSPARENT, color32);
    let stroke_of = |stroke: Option<Stroke>| {
        stroke.map_or(egui::Stroke::NONE, |s| {
            egui::Stroke::new(s.width * scale, color32(s.colour))
        })
    };
    match shape {
        Shape::Rect {
            rect: r,
            corner,
            fill,
        } => {
            let area = egui::Rect::from_min_size(at([r.x, r.y]), egui::vec2(r.w, r.h) * scale);
            out.push(egui::Shape::rect_filled(
                area,
                corner * scale,
                color32(*fill),
            ));
        }
        Shape::Circle {
            centre,
            radius,
            fill,
            stroke,
        } => out.push(egui::Shape::Circle(egui::epaint::CircleShape {
            center: at(*centre),
            radius: radius * scale,
            fill: fill_of(*fill),
            stroke: stroke_of(*stroke),
        })),
        Shape::Polygon {
            points,
            fill,
            stroke,
        } => out.push(egui::Shape::convex_polygon(
            points.iter().map(|p| at(*p)).collect(),
            fill_of(*fill),
            stroke_of(*stroke),
        )),
        Shape::Line {
            from,
            to,
            stroke,
            dash,
        } => {
            let colour = color32(stroke.colour);
            let width = (stroke.width * scale).max(0.4);
            let points = [at(*from), at(*to)];
            match *dash {
                LineDash::Solid => {
                    out.push(egui::Shape::line_segment(
                        points,
                        egui::Stroke::new(width, colour),
                    ));
                }
                LineDash::Dashed { on, off } => out.extend(egui::Shape::dashed_line(
                    &points,
                    egui::Stroke::new(width, colour),
                    on * scale,
                    off * scale,
                )),
                LineDash::Dotted { gap } => out.extend(egui::Shape::dotted_line(
                    &points,
                    colour,
                    gap * scale,
                    width * 0.7,
                )),
            }
        }
        Shape::Path {
            rings,
            fill,
            stroke,
        } => {
            if let Some(fill) = fill {
                out.push(egui::Shape::mesh(filled_rings(rings, &at, color32(*fill))));
            }
            if let Some(stroke) = stroke {
                let stroke = egui::Stroke::new(stroke.width * scale, color32(stroke.colour));
                for ring in rings.iter().filter(|ring| ring.len() >= 2) {
                    out.push(egui::Shape::closed_line(
                        ring.iter().map(|p| at(*p)).collect(),
                        stroke,
                    ));
                }
            }
        }
        Shape::Text { .. } => {}
    }
}

/// The triangles of rings filled by the even-odd rule: each outer ring with the rings inside
/// it as holes (earcut), in one colour. Rings come as the map writes them: an outer ring,
/// then its holes, then the next outer ring (a hole lies inside the outer ring before it).
fn filled_rings(
    rings: &[Vec<[f32; 2]>],
    at: &impl Fn([f32; 2]) -> egui::Pos2,
    colour: egui::Color32,
) -> egui::Mesh {
    let mut mesh = egui::Mesh::default();
    let mut earcut = earcut::Earcut::new();
    let mut triangles: Vec<u32> = Vec::new();
    let mut index = 0;
    while index < rings.len() {
        // An outer ring and the holes that follow it (rings whose first point is inside it).
        let outer = &rings[index];
        let mut end = index + 1;
        while end < rings.len()
            && rings[end]
                .first()
                .is_some_and(|&point| inside(outer, point))
        {
            end += 1;
        }
        let group = &rings[index..end];
        index = end;
        if outer.len() < 3 {
            continue;
        }
        let mut points: Vec<[f32; 2]> = Vec::new();
        let mut holes: Vec<u32> = Vec::new();
        for (i, ring) in group.iter().enumerate() {
            if i > 0 {
                holes.push(u32::try_from(points.len()).unwrap_or(u32::MAX));
            }
            points.extend(ring.iter().copied());
        }
        earcut.earcut(points.iter().copied(), &holes, &mut triangles);
        let base = u32::try_from(mesh.vertices.len()).unwrap_or(u32::MAX);
        for &point in &points {
            mesh.colored_vertex(at(point), colour);
        }
        mesh.indices
            .extend(triangles.iter().map(|&i| base.saturating_add(i)));
    }
    mesh
}

/// Whether `point` lies inside `ring` (even-odd rule).
fn inside(ring: &[[f32; 2]], [x, y]: [f32; 2]) -> bool {
    let mut inside = false;
    let mut previous = match ring.last() {
        Some(&last) => last,
        None => return false,
    };
    for &[px, py] in ring {
        let [qx, qy] = previous;
        if (py > y) != (qy > y) && x < (qx - px) * (y - py) / (qy - py) + px {
            inside = !inside;
        }
        previous = [px, py];
    }
    inside
}

/// Paints `picture`'s shapes with its top-left corner at `origin`, `scale` points per
/// picture unit (its background is the caller's).
pub fn paint_picture(painter: &egui::Painter, origin: egui::Pos2, scale: f32, picture: &Picture) {
    PaintedPicture::scaled(picture, origin, scale).paint(painter);
}

/// A picture turned into egui shapes once, at a place on the screen, to be repainted every
/// frame while it stays the same (the map and coalition views), in the picture's order.
#[derive(Default)]
pub struct PaintedPicture {
    items: Vec<Painted>,
}

/// One thing a [`PaintedPicture`] paints.
enum Painted {
    /// Shapes one after the other (painted in one go).
    Shapes(Vec<egui::Shape>),
    /// A text on its baseline at `position`: its size in points, its colour, the share of
    /// its width left of the position (0, ½ or 1) and its angle in radians.
    Text {
        position: egui::Pos2,
        text: String,
        points: f32,
        colour: egui::Color32,
        share: f32,
        angle: f32,
    },
}

impl PaintedPicture {
    /// The shapes of `picture` with its top-left corner at `origin`, one point per unit.
    pub fn new(picture: &Picture, origin: egui::Pos2) -> Self {
        Self::scaled(picture, origin, 1.0)
    }

    /// The shapes of `picture` with its top-left corner at `origin`, `scale` points per
    /// unit. Texts smaller than 3 points are left out (nobody could read them).
    pub fn scaled(picture: &Picture, origin: egui::Pos2, scale: f32) -> Self {
        let at = |[x, y]: [f32; 2]| origin + egui::vec2(x, y) * scale;
        let mut items = Vec::new();
        for shape in picture.layers.iter().flat_map(|layer| &layer.shapes) {
            match shape {
                Shape::Text {
                    position,
                    text,
                    size,
                    colour,
                    anchor,
                    rotation,
                } => {
                    let points = size * scale;
                    if points < 3.0 {
                        continue;
                    }
                    items.push(Painted::Text {
                        position: at(*position),
                        text: text.clone(),
                        points,
                        colour: color32(*colour),
                        share: match anchor {
                            Anchor::Start => 0.0,
                            Anchor::Middle => 0.5,
                            Anchor::End => 1.0,
                        },
                        angle: rotation.to_radians(),
                    });
                }
                other => {
                    if !matches!(items.last(), Some(Painted::Shapes(_))) {
                        items.push(Painted::Shapes(Vec::new()));
                    }
                    if let Some(Painted::Shapes(shapes)) = items.last_mut() {
                        egui_shapes(other, at, scale, shapes);
                    }
                }
            }
        }
        Self { items }
    }

    /// Paints the shapes and the texts, each text on its baseline as in the SVG (a
    /// galley's bottom is a quarter of its size below the baseline), turned with it.
    pub fn paint(&self, painter: &egui::Painter) {
        for item in &self.items {
            match item {
                Painted::Shapes(shapes) => painter.extend(shapes.iter().cloned()),
                Painted::Text {
                    position,
                    text,
                    points,
                    colour,
                    share,
                    angle,
                } => {
                    let galley = painter.layout_no_wrap(
                        text.clone(),
                        egui::FontId::proportional(*points),
                        *colour,
                    );
                    // The galley's top-left corner in the text's own frame (x along the
                    // baseline), then turned with the text.
                    let size = galley.size();
                    let corner = egui::vec2(-size.x * share, points * 0.25 - size.y);
                    let (sin, cos) = angle.sin_cos();
                    let turned = egui::vec2(
                        corner.x * cos - corner.y * sin,
                        corner.x * sin + corner.y * cos,
                    );
                    painter.add(
                        egui::epaint::TextShape::new(*position + turned, galley, *colour)
                            .with_angle(*angle),
                    );
                }
            }
        }
    }
}
