//! A picture: flat drawing primitives in picture units, grouped in named layers. Built
//! once ([`Picture::build`]); the SVG writer, the PNG rasteriser and a preview all read it.

use crate::style::Rgba;

use super::camera::{Framing, Rect};

/// A line's colour and width.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Stroke {
    /// Colour (its alpha is the stroke's opacity).
    pub colour: Rgba,
    /// Width in picture units.
    pub width: f32,
}

/// How a line is broken up, in picture units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum LineDash {
    /// Unbroken.
    Solid,
    /// Dashes `on` long with `off` gaps.
    Dashed {
        /// Dash length.
        on: f32,
        /// Gap length.
        off: f32,
    },
    /// Round dots (as wide as the line) `gap` apart.
    Dotted {
        /// Distance between dots.
        gap: f32,
    },
}

/// Where a text's position is along its line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Anchor {
    /// The text starts at the position.
    Start,
    /// The text is centred on the position.
    Middle,
    /// The text ends at the position.
    End,
}

/// One drawing primitive.
#[derive(Clone, Debug, PartialEq)]
pub enum Shape {
    /// A filled rectangle with rounded corners.
    Rect {
        /// Where.
        rect: Rect,
        /// Corner radius.
        corner: f32,
        /// Fill colour.
        fill: Rgba,
    },
    /// A circle, filled, outlined or both.
    Circle {
        /// Centre.
        centre: [f32; 2],
        /// Radius.
        radius: f32,
        /// Fill colour, if filled.
        fill: Option<Rgba>,
        /// Outline, if any.
        stroke: Option<Stroke>,
    },
    /// A closed polygon, filled, outlined or both.
    Polygon {
        /// Corners in order.
        points: Vec<[f32; 2]>,
        /// Fill colour, if filled.
        fill: Option<Rgba>,
        /// Outline, if any.
        stroke: Option<Stroke>,
    },
    /// Closed rings filled by the even-odd rule (a country with its islands and holes).
    Path {
        /// The rings; each is closed back to its first point.
        rings: Vec<Vec<[f32; 2]>>,
        /// Fill colour, if filled.
        fill: Option<Rgba>,
        /// Outline, if any.
        stroke: Option<Stroke>,
    },
    /// A straight line.
    Line {
        /// One end.
        from: [f32; 2],
        /// The other end.
        to: [f32; 2],
        /// Colour and width.
        stroke: Stroke,
        /// Dash pattern.
        dash: LineDash,
    },
    /// One line of text.
    Text {
        /// The anchor point on the baseline.
        position: [f32; 2],
        /// What it says.
        text: String,
        /// Font size in picture units.
        size: f32,
        /// Colour.
        colour: Rgba,
        /// How the text sits on its position.
        anchor: Anchor,
        /// Degrees clockwise about the position: 0 is horizontal, −90 reads upwards.
        rotation: f32,
    },
}

impl Shape {
    /// A line of text starting at `position` (on its baseline), unturned: the header and
    /// legend texts of every picture.
    pub fn text(position: [f32; 2], text: &str, size: f32, colour: Rgba) -> Self {
        Self::Text {
            position,
            text: text.to_owned(),
            size,
            colour,
            anchor: Anchor::Start,
            rotation: 0.0,
        }
    }

    /// The same shape moved by `(dx, dy)` (a panel placed on a page).
    pub fn translated(self, dx: f32, dy: f32) -> Self {
        let at = |[x, y]: [f32; 2]| [x + dx, y + dy];
        match self {
            Self::Rect { rect, corner, fill } => Self::Rect {
                rect: Rect {
                    x: rect.x + dx,
                    y: rect.y + dy,
                    ..rect
                },
                corner,
                fill,
            },
            Self::Circle {
                centre,
                radius,
                fill,
                stroke,
            } => Self::Circle {
                centre: at(centre),
                radius,
                fill,
                stroke,
            },
            Self::Polygon {
                points,
                fill,
                stroke,
            } => Self::Polygon {
                points: points.into_iter().map(at).collect(),
                fill,
                stroke,
            },
            Self::Path {
                rings,
                fill,
                stroke,
            } => Self::Path {
                rings: rings
                    .into_iter()
                    .map(|ring| ring.into_iter().map(at).collect())
                    .collect(),
                fill,
                stroke,
            },
            Self::Line {
                from,
                to,
                stroke,
                dash,
            } => Self::Line {
                from: at(from),
                to: at(to),
                stroke,
                dash,
            },
            Self::Text {
                position,
                text,
                size,
                colour,
                anchor,
                rotation,
            } => Self::Text {
                position: at(position),
                text,
                size,
                colour,
                anchor,
                rotation,
            },
        }
    }
}

/// A named group of shapes (an SVG `<g id=…>`), so that an edited SVG stays navigable.
#[derive(Clone, Debug, PartialEq)]
pub struct Layer {
    /// The group's id: `edges`, `nodes`, `labels`, `legend`, `header` or `footer`.
    pub name: &'static str,
    /// Shapes in drawing order.
    pub shapes: Vec<Shape>,
}

/// A finished picture description.
#[derive(Clone, Debug, PartialEq)]
pub struct Picture {
    /// Width in picture units.
    pub width: f32,
    /// Height in picture units.
    pub height: f32,
    /// The background, or `None` for transparent.
    pub background: Option<Rgba>,
    /// A one-line description for the SVG `<title>` (title and date).
    pub description: String,
    /// Layers, back to front.
    pub layers: Vec<Layer>,
    /// The frame and camera the network was drawn with (reuse it to keep the camera).
    pub framing: Framing,
    /// Where the legend is, if drawn.
    pub legend_rect: Option<Rect>,
    /// The outer margin: nothing is drawn closer than this to the picture's edge.
    pub margin: f32,
    /// How many nodes are drawn (shown or faded).
    pub visible_nodes: usize,
    /// Labels drawn, as (node number, text).
    pub labels: Vec<(usize, String)>,
}

impl Picture {
    /// The layer with a name, if any.
    pub fn layer(&self, name: &str) -> Option<&Layer> {
        self.layers.iter().find(|layer| layer.name == name)
    }
}
