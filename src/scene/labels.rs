//! Label placement: which labels fit without covering each other, and where they go.
//!
//! A greedy pass in priority order (the caller sorts: the selection first, then the largest
//! bodies, then the rest). Each label tries four spots around its node (below, above, right,
//! left) and takes the first that overlaps no label placed before it and no node disc in the
//! way; a label that fits nowhere is left out (the screen shows it on hover). Forced labels
//! (the selection, the hovered node) are always placed. Units are whatever the caller uses
//! (screen points, picture pixels): the screen and the exporters share this pass.

use std::collections::HashMap;

/// One label to place.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LabelBox {
    /// The node's centre.
    pub anchor: [f32; 2],
    /// The node's radius: labels keep this far from the centre (plus a small margin).
    pub radius: f32,
    /// The label's width and height.
    pub size: [f32; 2],
    /// Placed even when it overlaps something.
    pub forced: bool,
}

/// An axis-aligned rectangle as `[left, top, right, bottom]`.
pub type Bounds = [f32; 4];

/// The space kept between a node and its label, and between labels.
pub const LABEL_MARGIN: f32 = 2.0;

fn overlaps(a: Bounds, b: Bounds) -> bool {
    a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
}

/// A uniform grid of placed rectangles, for overlap queries in about constant time.
struct Grid {
    cell: f32,
    cells: HashMap<(i32, i32), Vec<usize>>,
    rects: Vec<Bounds>,
}

impl Grid {
    fn new(cell: f32) -> Self {
        Self {
            cell: cell.max(1.0),
            cells: HashMap::new(),
            rects: Vec::new(),
        }
    }

    fn span(&self, r: Bounds) -> (i32, i32, i32, i32) {
        let c = |v: f32| (v / self.cell).floor() as i32;
        (c(r[0]), c(r[1]), c(r[2]), c(r[3]))
    }

    fn hits(&self, r: Bounds) -> bool {
        let (x0, y0, x1, y1) = self.span(r);
        (x0..=x1).any(|x| {
            (y0..=y1).any(|y| {
                self.cells
                    .get(&(x, y))
                    .is_some_and(|list| list.iter().any(|&i| overlaps(self.rects[i], r)))
            })
        })
    }

    fn insert(&mut self, r: Bounds) {
        let index = self.rects.len();
        self.rects.push(r);
        let (x0, y0, x1, y1) = self.span(r);
        for x in x0..=x1 {
            for y in y0..=y1 {
                self.cells.entry((x, y)).or_default().push(index);
            }
        }
    }
}

/// The four spots tried for a label, best first, as top-left corners.
fn candidates(label: &LabelBox) -> [[f32; 2]; 4] {
    let [x, y] = label.anchor;
    let [w, h] = label.size;
    let gap = label.radius + LABEL_MARGIN;
    [
        [x - w / 2.0, y + gap],
        [x - w / 2.0, y - gap - h],
        [x + gap, y - h / 2.0],
        [x - gap - w, y - h / 2.0],
    ]
}

/// Places labels in the order given; returns the top-left corner of each placed label.
/// `obstacles` (node discs as `(centre, radius)`) are avoided but never moved.
pub fn place_labels(labels: &[LabelBox], obstacles: &[([f32; 2], f32)]) -> Vec<Option<[f32; 2]>> {
    let typical = labels
        .iter()
        .map(|l| l.size[0].max(l.size[1]))
        .fold(0.0_f32, f32::max);
    let mut placed = Grid::new(typical.max(16.0));
    let mut discs = Grid::new(typical.max(16.0));
    for &([x, y], r) in obstacles {
        discs.insert([x - r, y - r, x + r, y + r]);
    }
    labels
        .iter()
        .map(|label| {
            let spots = candidates(label);
            let bounds = |[left, top]: [f32; 2]| {
                [
                    left - LABEL_MARGIN,
                    top - LABEL_MARGIN,
                    left + label.size[0] + LABEL_MARGIN,
                    top + label.size[1] + LABEL_MARGIN,
                ]
            };
            let free = spots.iter().copied().find(|&spot| {
                let r = bounds(spot);
                !placed.hits(r) && !discs.hits(r)
            });
            let free = free.or_else(|| {
                // Crowded by nodes only: overlapping a node beats losing the label.
                spots
                    .iter()
                    .copied()
                    .find(|&spot| !placed.hits(bounds(spot)))
            });
            let spot = match free {
                Some(spot) => spot,
                None if label.forced => spots[0],
                None => return None,
            };
            placed.insert(bounds(spot));
            Some(spot)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(x: f32, y: f32, forced: bool) -> LabelBox {
        LabelBox {
            anchor: [x, y],
            radius: 5.0,
            size: [60.0, 12.0],
            forced,
        }
    }

    fn rect(spot: [f32; 2]) -> Bounds {
        [spot[0], spot[1], spot[0] + 60.0, spot[1] + 12.0]
    }

    #[test]
    fn apart_labels_go_below_their_nodes() {
        let placed = place_labels(&[label(0.0, 0.0, false), label(500.0, 0.0, false)], &[]);
        assert_eq!(placed[0], Some([-30.0, 7.0]));
        assert_eq!(placed[1], Some([470.0, 7.0]));
    }

    #[test]
    fn crowded_labels_move_aside_or_give_way_and_never_overlap() {
        // Nine nodes on top of each other: a few spots fit, the rest give way.
        let labels: Vec<LabelBox> = (0..9).map(|_| label(0.0, 0.0, false)).collect();
        let placed = place_labels(&labels, &[]);
        let spots: Vec<[f32; 2]> = placed.iter().flatten().copied().collect();
        assert!((2..9).contains(&spots.len()), "{} placed", spots.len());
        for (i, a) in spots.iter().enumerate() {
            for b in spots.iter().skip(i + 1) {
                assert!(!overlaps(rect(*a), rect(*b)), "{a:?} overlaps {b:?}");
            }
        }
    }

    #[test]
    fn forced_labels_are_always_placed_and_obstacles_are_avoided() {
        let labels = [label(0.0, 0.0, false), label(0.0, 0.0, true)];
        let placed = place_labels(&labels, &[]);
        assert!(placed.iter().all(Option::is_some));
        // A big disc right below the node pushes its label above.
        let placed = place_labels(&[label(0.0, 0.0, false)], &[([0.0, 30.0], 20.0)]);
        assert_eq!(placed[0], Some([-30.0, -19.0]));
    }
}
