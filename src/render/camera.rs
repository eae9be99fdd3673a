//! Where the network goes in the picture: the frame it is fitted into and the camera that
//! maps layout units to picture units, chosen so that no node, ring or label is cut.

/// An axis-aligned rectangle in picture units.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Rect {
    /// Left edge.
    pub x: f32,
    /// Top edge.
    pub y: f32,
    /// Width.
    pub w: f32,
    /// Height.
    pub h: f32,
}

impl Rect {
    /// A rectangle from its corners' coordinates.
    pub fn from_edges(left: f32, top: f32, right: f32, bottom: f32) -> Self {
        Self {
            x: left,
            y: top,
            w: (right - left).max(0.0),
            h: (bottom - top).max(0.0),
        }
    }

    /// Right edge.
    pub fn right(&self) -> f32 {
        self.x + self.w
    }

    /// Bottom edge.
    pub fn bottom(&self) -> f32 {
        self.y + self.h
    }

    /// Whether the two overlap (touching edges do not count).
    pub fn overlaps(&self, other: &Self) -> bool {
        self.x < other.right()
            && other.x < self.right()
            && self.y < other.bottom()
            && other.y < self.bottom()
    }

    /// Whether `other` lies wholly inside.
    pub fn contains(&self, other: &Self) -> bool {
        other.x >= self.x
            && other.y >= self.y
            && other.right() <= self.right()
            && other.bottom() <= self.bottom()
    }

    /// The rectangle grown by `margin` on every side.
    pub fn expand(&self, margin: f32) -> Self {
        Self::from_edges(
            self.x - margin,
            self.y - margin,
            self.right() + margin,
            self.bottom() + margin,
        )
    }
}

/// Maps layout units to picture units: `picture = offset + zoom × layout`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Camera {
    /// Picture units per layout unit, for positions.
    pub zoom: f32,
    /// Picture units per layout unit, for node sizes: the zoom, but at most
    /// [`MAX_NODE_ZOOM_PER_UI`] (per unit of the picture's scale), so that a small network
    /// spreads over the frame without its nodes growing into giant discs.
    pub node_zoom: f32,
    /// Where the layout origin lands.
    pub offset: [f32; 2],
}

impl Camera {
    /// Layout units are picture units: the camera of pictures that place their shapes
    /// themselves (the map, the matrix, small multiples).
    pub const IDENTITY: Camera = Camera {
        zoom: 1.0,
        node_zoom: 1.0,
        offset: [0.0, 0.0],
    };

    /// The picture position of a layout position.
    pub fn picture_from_layout(&self, position: [f32; 2]) -> [f32; 2] {
        [
            self.offset[0] + self.zoom * position[0],
            self.offset[1] + self.zoom * position[1],
        ]
    }
}

/// The frame the network is fitted into and the camera; sequences share one, so that the
/// network does not jump between frames.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Framing {
    /// The network's part of the picture (the legend, header and footer are outside it).
    pub network: Rect,
    /// Layout → picture.
    pub camera: Camera,
}

/// How much room a node needs around its position: a part that grows with the zoom (its
/// radius, in layout units) and a part that does not (rings, labels, in picture units).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NodeExtent {
    /// The node's layout position.
    pub position: [f32; 2],
    /// Its radius in layout units (already including the ring's growth).
    pub radius: f32,
    /// Picture units needed left, right, above and below, beyond the radius.
    pub pad: [f32; 4],
}

/// The largest zoom a picture may use for positions (per unit of the picture's scale).
const MAX_ZOOM_PER_UI: f32 = 10.0;

/// The largest zoom for node sizes (per unit of the picture's scale).
pub const MAX_NODE_ZOOM_PER_UI: f32 = 1.6;

/// The camera that fits every extent into `frame`, centred, as large as possible (at most
/// `max_zoom`). Labels do not scale with the zoom, so the width needed is not proportional
/// to the zoom: the fit samples zooms from the largest possible downward and then bisects
/// the boundary between the first fitting zoom and the last one that did not fit.
pub fn fit(extents: &[NodeExtent], frame: Rect, ui_scale: f32) -> Camera {
    let centre = [frame.x + frame.w / 2.0, frame.y + frame.h / 2.0];
    if extents.is_empty() {
        return Camera {
            zoom: ui_scale,
            node_zoom: ui_scale,
            offset: centre,
        };
    }
    let max_zoom = MAX_ZOOM_PER_UI * ui_scale;
    let node_cap = MAX_NODE_ZOOM_PER_UI * ui_scale;
    let zoom = fit_axis(extents, frame.w, 0, max_zoom, node_cap)
        .min(fit_axis(extents, frame.h, 1, max_zoom, node_cap));
    // Centre the occupied box in the frame.
    let (low_x, high_x) = span(extents, zoom, node_cap, 0);
    let (low_y, high_y) = span(extents, zoom, node_cap, 1);
    Camera {
        zoom,
        node_zoom: zoom.min(node_cap),
        offset: [
            centre[0] - (low_x + high_x) / 2.0,
            centre[1] - (low_y + high_y) / 2.0,
        ],
    }
}

/// The lowest and highest picture coordinate the extents reach on one axis at a zoom,
/// relative to the layout origin.
fn span(extents: &[NodeExtent], zoom: f32, node_cap: f32, axis: usize) -> (f32, f32) {
    let (before, after) = if axis == 0 { (0, 1) } else { (2, 3) };
    extents.iter().fold((f32::MAX, f32::MIN), |(low, high), e| {
        let at = e.position[axis] * zoom;
        let reach = e.radius * zoom.min(node_cap);
        (
            low.min(at - reach - e.pad[before]),
            high.max(at + reach + e.pad[after]),
        )
    })
}

fn fit_axis(extents: &[NodeExtent], room: f32, axis: usize, max_zoom: f32, node_cap: f32) -> f32 {
    let width = |zoom: f32| {
        let (low, high) = span(extents, zoom, node_cap, axis);
        high - low
    };
    if width(max_zoom) <= room {
        return max_zoom;
    }
    const SAMPLES: i32 = 48;
    let mut too_big = max_zoom;
    let mut best = (f32::MAX, max_zoom / 1000.0);
    for i in 1..=SAMPLES {
        let zoom = max_zoom * 0.9_f32.powi(i);
        let needed = width(zoom);
        if needed <= room {
            // The fitting zooms form an interval (the width is convex in the zoom), so the
            // boundary lies between this zoom and the previous sample.
            let mut fits = zoom;
            for _ in 0..24 {
                let middle = (fits + too_big) / 2.0;
                if width(middle) <= room {
                    fits = middle;
                } else {
                    too_big = middle;
                }
            }
            return fits;
        }
        if needed < best.0 {
            best = (needed, zoom);
        }
        too_big = zoom;
    }
    // Nothing fits (labels wider than the frame): the tightest zoom seen.
    best.1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn extent(x: f32, y: f32, pad: [f32; 4]) -> NodeExtent {
        NodeExtent {
            position: [x, y],
            radius: 5.0,
            pad,
        }
    }

    #[test]
    fn fitted_extents_stay_inside_the_frame() {
        let extents = [
            extent(-1000.0, -500.0, [0.0; 4]),
            extent(1000.0, 500.0, [0.0, 80.0, 0.0, 20.0]),
            extent(0.0, 0.0, [300.0, 300.0, 0.0, 0.0]),
        ];
        let frame = Rect::from_edges(10.0, 20.0, 810.0, 420.0);
        let camera = fit(&extents, frame, 1.0);
        assert!(
            camera.zoom > 0.1 && camera.zoom < MAX_ZOOM_PER_UI,
            "{camera:?}"
        );
        for e in &extents {
            let [x, y] = camera.picture_from_layout(e.position);
            let r = e.radius * camera.node_zoom;
            assert!(x - r - e.pad[0] >= frame.x - 0.01, "{e:?}");
            assert!(x + r + e.pad[1] <= frame.right() + 0.01, "{e:?}");
            assert!(y - r - e.pad[2] >= frame.y - 0.01, "{e:?}");
            assert!(y + r + e.pad[3] <= frame.bottom() + 0.01, "{e:?}");
        }
        // Tight on at least one axis.
        let (low, high) = span(&extents, camera.zoom, MAX_NODE_ZOOM_PER_UI, 0);
        let (top, bottom) = span(&extents, camera.zoom, MAX_NODE_ZOOM_PER_UI, 1);
        assert!(high - low > frame.w - 1.0 || bottom - top > frame.h - 1.0);
    }

    #[test]
    fn a_lone_node_is_centred_and_not_blown_up() {
        let frame = Rect::from_edges(0.0, 0.0, 1000.0, 500.0);
        let camera = fit(&[extent(7.0, 7.0, [0.0; 4])], frame, 1.0);
        assert_eq!(camera.zoom, MAX_ZOOM_PER_UI);
        assert_eq!(camera.node_zoom, MAX_NODE_ZOOM_PER_UI);
        let [x, y] = camera.picture_from_layout([7.0, 7.0]);
        assert!((x - 500.0).abs() < 0.01 && (y - 250.0).abs() < 0.01);
    }
}
