//! The one place where a look becomes shapes: a node with its ring, an edge with its dash and
//! arrow head, and the legend's sections and swatches. The screen (egui_graphs' node and
//! edge displays, the legend panel) and the pictures (SVG, PNG) both draw from here, so a
//! ring, a dash or a legend row cannot differ between them.
//!
//! Sizes are in the caller's units: screen points, or picture units with `ui` the picture's
//! scale (1 for a 1920×1080 slide).

use crate::scene::{EdgeLook, Legend, NodeLook, Ring, Visibility};
use crate::style::{
    BodyColouring, Dash, EdgeStyle, FADED_ALPHA, NodeKind, NodeShape, Palette, Rgba,
};

use super::picture::{LineDash, Shape, Stroke};

/// The gap between a node and its ring, at scale 1.
pub const RING_GAP: f32 = 3.0;
/// Nodes are never drawn smaller than this radius, at scale 1.
pub const MIN_NODE_RADIUS: f32 = 2.5;
/// The width of a node's outline, at scale 1.
const OUTLINE_WIDTH: f32 = 1.2;

/// How a node is drawn besides its look.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NodeState {
    /// The pointer is over it (on screen): drawn unfaded, with a thin ring.
    pub hovered: bool,
}

/// The ring around a node, if any: its colour and width at scale 1.
pub fn ring_of(look: &NodeLook, state: NodeState, palette: &Palette) -> Option<(Rgba, f32)> {
    let faded = look.visibility == Visibility::Faded && !state.hovered;
    match (look.ring, faded) {
        (Some(Ring::Selected), _) => Some((palette.selection, 2.5)),
        (Some(Ring::Joined), false) => Some((palette.joined, 3.0)),
        (Some(Ring::Left), false) => Some((palette.left, 3.0)),
        _ if state.hovered => Some((palette.muted, 1.5)),
        _ => None,
    }
}

/// The radius of the ring around a node of `radius`.
pub fn ring_radius(radius: f32, ui: f32) -> f32 {
    radius * 1.25 + RING_GAP * ui
}

/// A node at `centre` with `radius` (already on the caller's scale): its ring, then its
/// filled and outlined shape. Faded nodes are drawn translucent and without a change ring.
pub fn node_shapes(
    look: &NodeLook,
    centre: [f32; 2],
    radius: f32,
    state: NodeState,
    palette: &Palette,
    ui: f32,
    out: &mut Vec<Shape>,
) {
    if look.visibility == Visibility::Hidden {
        return;
    }
    let faded = look.visibility == Visibility::Faded && !state.hovered;
    let alpha = if faded { FADED_ALPHA } else { 255 };
    if let Some((colour, width)) = ring_of(look, state, palette) {
        out.push(Shape::Circle {
            centre,
            radius: ring_radius(radius, ui),
            fill: None,
            stroke: Some(Stroke {
                colour,
                width: width * ui,
            }),
        });
    }
    out.push(node_outline(
        NodeShape::of(look.kind),
        centre,
        radius,
        Some(look.fill.with_alpha(alpha)),
        Some(Stroke {
            colour: palette.outline.with_alpha(alpha),
            width: OUTLINE_WIDTH * ui,
        }),
    ));
}

/// A node's outline as a shape (also used for legend samples).
pub fn node_outline(
    shape: NodeShape,
    centre: [f32; 2],
    radius: f32,
    fill: Option<Rgba>,
    stroke: Option<Stroke>,
) -> Shape {
    match shape {
        NodeShape::Circle => Shape::Circle {
            centre,
            radius,
            fill,
            stroke,
        },
        shape => Shape::Polygon {
            points: shape
                .unit_outline()
                .into_iter()
                .map(|[x, y]| [centre[0] + x * radius, centre[1] + y * radius])
                .collect(),
            fill,
            stroke,
        },
    }
}

/// An edge between two node boundaries: its line at `width_scale` times the style's width,
/// faint when faded, with its dash and arrow head.
pub fn edge_look_shapes(
    look: &EdgeLook,
    from: [f32; 2],
    to: [f32; 2],
    width_scale: f32,
    ui: f32,
    out: &mut Vec<Shape>,
) {
    if look.visibility == Visibility::Hidden {
        return;
    }
    let alpha = match look.visibility {
        Visibility::Faded => FADED_ALPHA / 2,
        _ => look.style.colour.a,
    };
    edge_shapes(
        from,
        to,
        &look.style,
        look.style.width * width_scale,
        look.style.colour.with_alpha(alpha),
        ui,
        out,
    );
}

/// A line and its arrow head (also used for legend samples).
pub fn edge_shapes(
    from: [f32; 2],
    to: [f32; 2],
    style: &EdgeStyle,
    width: f32,
    colour: Rgba,
    ui: f32,
    out: &mut Vec<Shape>,
) {
    let dash = match style.dash {
        Dash::Solid => LineDash::Solid,
        Dash::Dashed => LineDash::Dashed {
            on: 6.0 * ui,
            off: 4.0 * ui,
        },
        Dash::Dotted => LineDash::Dotted { gap: 4.0 * ui },
    };
    out.push(Shape::Line {
        from,
        to,
        stroke: Stroke { colour, width },
        dash,
    });
    if style.arrow {
        let (dx, dy) = (to[0] - from[0], to[1] - from[1]);
        let length = (dx * dx + dy * dy).sqrt();
        if length > 0.0 {
            let (ux, uy) = (dx / length, dy / length);
            let size = (7.0 * ui + width * 2.0).min(length * 0.6);
            let back = [to[0] - ux * size, to[1] - uy * size];
            let side = [-uy * size * 0.45, ux * size * 0.45];
            out.push(Shape::Polygon {
                points: vec![
                    to,
                    [back[0] + side[0], back[1] + side[1]],
                    [back[0] - side[0], back[1] - side[1]],
                ],
                fill: Some(colour),
                stroke: None,
            });
        }
    }
}

/// What the sample beside a legend row shows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Swatch {
    /// A node shape in a colour, with its radius at scale 1.
    Shape(NodeShape, Rgba, f32),
    /// A line in an edge style.
    Line(EdgeStyle),
    /// A change ring in a colour.
    Ring(Rgba),
}

/// One section of the legend: a heading, rows of a swatch and a text, and a note.
#[derive(Clone, Debug, PartialEq)]
pub struct LegendSection {
    /// The heading, e.g. "Membership lines".
    pub heading: &'static str,
    /// The rows.
    pub rows: Vec<(Swatch, String)>,
    /// A line of explanation below the rows.
    pub note: Option<&'static str>,
}

/// The width of a swatch, at scale 1.
pub const SWATCH_WIDTH: f32 = 34.0;

/// The legend's sections, in order: exactly what `legend` says is drawn.
pub fn legend_sections(
    legend: &Legend,
    colouring: BodyColouring,
    palette: &Palette,
) -> Vec<LegendSection> {
    let neutral = Rgba::rgb(150, 150, 158);
    let mut sections = Vec::new();
    if !legend.kinds.is_empty() {
        sections.push(LegendSection {
            heading: "Shapes",
            rows: legend
                .kinds
                .iter()
                .map(|&kind| {
                    let radius = if kind.is_body() { 6.5 } else { 5.0 };
                    (
                        Swatch::Shape(NodeShape::of(kind), neutral, radius),
                        kind.label().to_owned(),
                    )
                })
                .collect(),
            note: Some("Size: members (bodies) or memberships (actors) at the date"),
        });
    }
    if !legend.body_colours.is_empty() {
        sections.push(LegendSection {
            heading: match colouring {
                BodyColouring::IssueArea => "Body colour: main issue area",
                BodyColouring::Law => "Body colour: law",
            },
            rows: legend
                .body_colours
                .iter()
                .map(|(label, colour)| {
                    (
                        Swatch::Shape(NodeShape::of(NodeKind::Forum), *colour, 6.0),
                        (*label).to_owned(),
                    )
                })
                .collect(),
            note: None,
        });
    }
    if !legend.regions.is_empty() {
        sections.push(LegendSection {
            heading: "State colour: region",
            rows: legend
                .regions
                .iter()
                .map(|(label, colour)| {
                    (
                        Swatch::Shape(NodeShape::Circle, *colour, 5.0),
                        label.clone(),
                    )
                })
                .collect(),
            note: None,
        });
    }
    if !legend.statuses.is_empty() {
        sections.push(LegendSection {
            heading: "Membership lines",
            rows: legend
                .statuses
                .iter()
                .map(|(label, style)| (Swatch::Line(*style), (*label).to_owned()))
                .collect(),
            note: None,
        });
    }
    if !legend.relations.is_empty() {
        sections.push(LegendSection {
            heading: "Relations between bodies",
            rows: legend
                .relations
                .iter()
                .map(|(label, style)| (Swatch::Line(*style), (*label).to_owned()))
                .collect(),
            note: None,
        });
    }
    if legend.joined || legend.left {
        let mut rows = Vec::new();
        if legend.joined {
            rows.push((Swatch::Ring(palette.joined), "Joined".to_owned()));
        }
        if legend.left {
            rows.push((Swatch::Ring(palette.left), "Left".to_owned()));
        }
        sections.push(LegendSection {
            heading: "Since the previous step",
            rows,
            note: None,
        });
    }
    sections
}

/// A swatch centred on `centre`, at scale `s`, outlined with `outline`.
pub fn swatch_shapes(
    swatch: Swatch,
    centre: [f32; 2],
    s: f32,
    outline: Stroke,
    out: &mut Vec<Shape>,
) {
    match swatch {
        Swatch::Shape(shape, fill, radius) => {
            out.push(node_outline(
                shape,
                centre,
                radius * 1.2 * s,
                Some(fill),
                Some(outline),
            ));
        }
        Swatch::Line(style) => {
            let half = SWATCH_WIDTH * s / 2.0 - 2.0 * s;
            let from = [centre[0] - half, centre[1]];
            let to = [centre[0] + half, centre[1]];
            edge_shapes(
                from,
                to,
                &style,
                style.width.max(1.0) * 1.4 * s,
                style.colour,
                s,
                out,
            );
        }
        Swatch::Ring(colour) => {
            out.push(Shape::Circle {
                centre,
                radius: 4.5 * s,
                fill: Some(Rgba::rgb(150, 150, 158)),
                stroke: None,
            });
            out.push(Shape::Circle {
                centre,
                radius: 8.0 * s,
                fill: None,
                stroke: Some(Stroke {
                    colour,
                    width: 2.5 * s,
                }),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scene::LabelRule;
    use crate::style::Theme;

    fn look(ring: Option<Ring>, visibility: Visibility) -> NodeLook {
        NodeLook {
            kind: NodeKind::State,
            fill: Rgba::rgb(10, 20, 30),
            radius: 5.0,
            visibility,
            ring,
            label: LabelRule::WhenZoomedIn,
        }
    }

    #[test]
    fn a_joiner_gets_a_ring_outside_its_node_unless_faded() {
        let palette = Theme::Light.palette();
        let mut out = Vec::new();
        let joined = look(Some(Ring::Joined), Visibility::Shown);
        node_shapes(
            &joined,
            [0.0, 0.0],
            10.0,
            NodeState::default(),
            &palette,
            2.0,
            &mut out,
        );
        let Some(Shape::Circle { radius, stroke, .. }) = out.first() else {
            panic!("a ring first: {out:?}");
        };
        assert_eq!(*radius, 10.0 * 1.25 + RING_GAP * 2.0);
        assert_eq!(
            stroke.map(|s| (s.colour, s.width)),
            Some((palette.joined, 6.0))
        );
        let faded = look(Some(Ring::Joined), Visibility::Faded);
        assert_eq!(ring_of(&faded, NodeState::default(), &palette), None);
        let hovered = NodeState { hovered: true };
        assert_eq!(
            ring_of(&faded, hovered, &palette),
            Some((palette.joined, 3.0))
        );
        out.clear();
        node_shapes(
            &look(None, Visibility::Hidden),
            [0.0, 0.0],
            10.0,
            NodeState::default(),
            &palette,
            1.0,
            &mut out,
        );
        assert!(out.is_empty(), "hidden nodes draw nothing");
    }

    #[test]
    fn dashed_and_arrowed_edges() {
        let style = EdgeStyle {
            colour: Rgba::rgb(1, 2, 3),
            width: 2.0,
            dash: Dash::Dashed,
            arrow: true,
        };
        let mut out = Vec::new();
        edge_shapes(
            [0.0, 0.0],
            [100.0, 0.0],
            &style,
            2.0,
            style.colour,
            1.0,
            &mut out,
        );
        assert!(matches!(
            out.first(),
            Some(Shape::Line {
                dash: LineDash::Dashed { .. },
                ..
            })
        ));
        assert!(
            matches!(out.get(1), Some(Shape::Polygon { points, .. }) if points[0] == [100.0, 0.0])
        );
    }
}
