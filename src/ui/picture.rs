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
        Shape::Text { .. } => {}
    }
}

/// Paints `picture`'s shapes with its top-left corner at `origin`, `scale` points per
/// picture unit (its background is the caller's).
pub fn paint_picture(painter: &egui::Painter, origin: egui::Pos2, scale: f32, picture: &Picture) {
    let at = |[x, y]: [f32; 2]| origin + egui::vec2(x, y) * scale;
    let mut shapes = Vec::new();
    for layer in &picture.layers {
        for shape in &layer.shapes {
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
                    let colour = color32(*colour);
                    let galley = painter.layout_no_wrap(
                        text.clone(),
                        egui::FontId::proportional(points),
                        colour,
                    );
                    let share = match anchor {
                        Anchor::Start => 0.0,
                        Anchor::Middle => 0.5,
                        Anchor::End => 1.0,
                    };
                    // The galley's top-left corner, in the text's own frame (x along the
                    // baseline), then turned with the text.
                    let size = galley.size();
                    let corner = egui::vec2(-size.x * share, points * 0.25 - size.y);
                    let angle = rotation.to_radians();
                    let (sin, cos) = angle.sin_cos();
                    let turned = egui::vec2(
                        corner.x * cos - corner.y * sin,
                        corner.x * sin + corner.y * cos,
                    );
                    painter.add(
                        egui::epaint::TextShape::new(at(*position) + turned, galley, colour)
                            .with_angle(angle),
                    );
                }
                other => {
                    egui_shapes(other, at, scale, &mut shapes);
                    painter.extend(shapes.drain(..));
                }
            }
        }
    }
}
