//! Label placement: which node labels fit without covering each other, and where they go.
//!
//! One greedy pass shared by the screen and the exporters, in whatever units the caller
//! draws in (screen points, picture pixels). The caller sorts the requests by priority (the
//! selection first, then the largest bodies, then the rest). Each label tries a dozen spots
//! around its node — below, above, the sides, the corners, then a line farther out — with
//! each of its texts in turn (a full name, then a short code), and takes the first spot
//! whose box overlaps no label placed before it, no other node and nothing outside the
//! frame. A label that fits nowhere is left out (the screen shows it on hover).
//!
//! Labels that matter more ([`LabelNeed`]) get further chances: an important label may
//! cover other nodes, and a forced label (the selection, the hovered node, a picture's
//! bodies) is always placed, on the spot covering the least label area when it must. Placed labels and obstacles sit in uniform
//! grids, so a query costs about the same with five or five thousand nodes.

use std::collections::HashMap;

/// An axis-aligned rectangle as `[left, top, right, bottom]`.
pub type Bounds = [f32; 4];

/// One label that would like to be drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct LabelRequest {
    /// The node's number: obstacles of the same node do not block its label.
    pub node: usize,
    /// The node's centre.
    pub anchor: [f32; 2],
    /// How far from the centre the node (and its ring) reaches.
    pub radius: f32,
    /// The sizes (width, height) of the texts to try, best first. Padding is added here.
    pub texts: Vec<[f32; 2]>,
    /// How much the label matters.
    pub need: LabelNeed,
}

/// How much a label matters, which says what it may cover when no spot is free.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum LabelNeed {
    /// Left out unless a spot clear of labels and other nodes is free.
    Optional,
    /// May cover other nodes (never labels) rather than be left out: a body on screen.
    Important,
    /// Always placed, covering the least label area when it must: the selection, the
    /// hovered node, a picture's bodies.
    Forced,
}

/// Something labels keep clear of: a drawn node's box.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Obstacle {
    /// The node's number (its own label may touch it).
    pub node: usize,
    /// Its box.
    pub bounds: Bounds,
}

impl Obstacle {
    /// The square box of a disc.
    pub fn disc(node: usize, centre: [f32; 2], radius: f32) -> Self {
        let [x, y] = centre;
        Self {
            node,
            bounds: [x - radius, y - radius, x + radius, y + radius],
        }
    }
}

/// Where a label goes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Placement {
    /// Which of the request's texts.
    pub text: usize,
    /// The text's top-left corner.
    pub origin: [f32; 2],
    /// The backdrop: the text's box grown by the padding. Placed backdrops never overlap,
    /// except a forced label's when nothing else was possible.
    pub backdrop: Bounds,
}

/// How labels are laid out around their nodes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LabelStyle {
    /// The backdrop's margin around the text; the gap to the node is one and a half of it.
    pub pad: f32,
    /// Labels must lie wholly inside this box, if given.
    pub frame: Option<Bounds>,
    /// A box no label may touch, if given: the title block drawn over the network.
    pub keep_out: Option<Bounds>,
}

fn overlaps(a: Bounds, b: Bounds) -> bool {
    a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
}

fn contains(outer: Bounds, inner: Bounds) -> bool {
    inner[0] >= outer[0] && inner[1] >= outer[1] && inner[2] <= outer[2] && inner[3] <= outer[3]
}

fn overlap_area(a: Bounds, b: Bounds) -> f32 {
    let w = a[2].min(b[2]) - a[0].max(b[0]);
    let h = a[3].min(b[3]) - a[1].max(b[1]);
    w.max(0.0) * h.max(0.0)
}

/// A uniform grid of rectangles, for overlap queries in about constant time.
struct Grid {
    cell: f32,
    cells: HashMap<(i32, i32), Vec<usize>>,
    rects: Vec<(usize, Bounds)>,
    /// Rectangles spanning too many cells to list in each: checked on every query.
    huge: Vec<usize>,
}

impl Grid {
    fn new(cell: f32) -> Self {
        Self {
            cell: cell.max(1.0),
            cells: HashMap::new(),
            rects: Vec::new(),
            huge: Vec::new(),
        }
    }

    fn span(&self, r: Bounds) -> (i32, i32, i32, i32) {
        // Saturating float-to-int casts keep absurd coordinates from wrapping around.
        let c = |v: f32| (v / self.cell).floor() as i32;
        (c(r[0]), c(r[1]), c(r[2]), c(r[3]))
    }

    /// The numbers of the rectangles overlapping `r`, each once.
    fn overlapping(&self, r: Bounds) -> Vec<usize> {
        let (x0, y0, x1, y1) = self.span(r);
        let mut found: Vec<usize> = Vec::new();
        let listed = (x0..=x1)
            .flat_map(|x| (y0..=y1).map(move |y| (x, y)))
            .flat_map(|cell| self.cells.get(&cell).into_iter().flatten());
        for &i in listed.chain(&self.huge) {
            if overlaps(self.rects[i].1, r) && !found.contains(&i) {
                found.push(i);
            }
        }
        found
    }

    /// Whether `r` overlaps a rectangle not owned by `owner`.
    fn hits(&self, r: Bounds, owner: Option<usize>) -> bool {
        let blocks = |&i: &usize| {
            let (node, rect) = self.rects[i];
            Some(node) != owner && overlaps(rect, r)
        };
        let (x0, y0, x1, y1) = self.span(r);
        self.huge.iter().any(blocks)
            || (x0..=x1).any(|x| {
                (y0..=y1).any(|y| {
                    self.cells
                        .get(&(x, y))
                        .is_some_and(|list| list.iter().any(blocks))
                })
            })
    }

    fn insert(&mut self, node: usize, r: Bounds) {
        let index = self.rects.len();
        self.rects.push((node, r));
        let (x0, y0, x1, y1) = self.span(r);
        // A rectangle far larger than a cell (a huge node when zoomed in) would fill
        // millions of cells: it goes in a list of its own instead.
        let cells = (i64::from(x1) - i64::from(x0) + 1) * (i64::from(y1) - i64::from(y0) + 1);
        if cells <= 4096 {
            for x in x0..=x1 {
                for y in y0..=y1 {
                    self.cells.entry((x, y)).or_default().push(index);
                }
            }
        } else {
            self.huge.push(index);
        }
    }
}

/// Where a label may go around its node: a horizontal side (-1 left, 0 centred, 1 right),
/// a vertical side (-1 above, 0 middle, 1 below) and how many label heights farther out.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Spot {
    horizontal: i8,
    vertical: i8,
    farther: f32,
}

const fn spot(horizontal: i8, vertical: i8, farther: f32) -> Spot {
    Spot {
        horizontal,
        vertical,
        farther,
    }
}

/// Spots in order of preference: below, above, the sides, the corners, then the same a line
/// farther out.
const SPOTS: [Spot; 12] = [
    spot(0, 1, 0.0),
    spot(0, -1, 0.0),
    spot(1, 0, 0.0),
    spot(-1, 0, 0.0),
    spot(1, 1, 0.0),
    spot(-1, 1, 0.0),
    spot(1, -1, 0.0),
    spot(-1, -1, 0.0),
    spot(0, 1, 1.0),
    spot(0, -1, 1.0),
    spot(1, 0, 1.5),
    spot(-1, 0, 1.5),
];

fn placement_at(request: &LabelRequest, text: usize, spot: Spot, pad: f32) -> Placement {
    let [width, height] = request.texts[text];
    let [x, y] = request.anchor;
    let reach = request.radius + pad * 1.5 + spot.farther * (height + 2.0 * pad);
    // Corners sit a little closer: the node is round.
    let corner = if spot.horizontal != 0 && spot.vertical != 0 {
        0.7
    } else {
        1.0
    };
    let left = match spot.horizontal {
        0 => x - width / 2.0,
        h if h > 0 => x + reach * corner,
        _ => x - reach * corner - width,
    };
    let top = match spot.vertical {
        0 => y - height / 2.0,
        v if v > 0 => y + reach * corner,
        _ => y - reach * corner - height,
    };
    Placement {
        text,
        origin: [left, top],
        backdrop: [
            left - pad,
            top - pad,
            left + width + pad,
            top + height + pad,
        ],
    }
}

/// Places labels in the order given (see the module comment); one answer per request.
pub fn place_labels(
    requests: &[LabelRequest],
    obstacles: &[Obstacle],
    style: &LabelStyle,
) -> Vec<Option<Placement>> {
    let typical = requests
        .iter()
        .flat_map(|r| r.texts.iter())
        .map(|[w, h]| w.max(*h))
        .fold(0.0_f32, f32::max)
        + 2.0 * style.pad;
    let mut placer = Placer {
        style,
        placed: Grid::new(typical.max(16.0)),
        nodes: Grid::new(typical.max(16.0)),
    };
    for obstacle in obstacles {
        placer.nodes.insert(obstacle.node, obstacle.bounds);
    }
    requests
        .iter()
        .map(|request| {
            let chosen = placer.place(request);
            if let Some(placement) = chosen {
                placer.placed.insert(request.node, placement.backdrop);
            }
            chosen
        })
        .collect()
}

/// The state of one placement pass: the labels placed so far and the nodes to avoid.
struct Placer<'a> {
    style: &'a LabelStyle,
    placed: Grid,
    nodes: Grid,
}

impl Placer<'_> {
    fn in_frame(&self, b: Bounds) -> bool {
        self.style.frame.is_none_or(|frame| contains(frame, b))
            && self.style.keep_out.is_none_or(|block| !overlaps(block, b))
    }

    /// Every spot for the texts in `texts`, best first.
    fn candidates<'r>(
        &self,
        request: &'r LabelRequest,
        texts: std::ops::Range<usize>,
    ) -> impl Iterator<Item = Placement> + 'r {
        let pad = self.style.pad;
        texts.flat_map(move |text| {
            SPOTS
                .iter()
                .map(move |&spot| placement_at(request, text, spot, pad))
        })
    }

    fn covered_label_area(&self, b: Bounds) -> f32 {
        self.placed
            .overlapping(b)
            .into_iter()
            .map(|i| overlap_area(self.placed.rects[i].1, b))
            .sum()
    }

    fn place(&self, request: &LabelRequest) -> Option<Placement> {
        let clear =
            |c: &Placement| self.in_frame(c.backdrop) && !self.placed.hits(c.backdrop, None);
        if let Some(free) = self
            .candidates(request, 0..request.texts.len())
            .find(|c| clear(c) && !self.nodes.hits(c.backdrop, Some(request.node)))
        {
            return Some(free);
        }
        let first = 0..request.texts.len().min(1);
        if request.need >= LabelNeed::Important {
            // Covering a node beats losing a label that matters.
            if let Some(over_node) = self.candidates(request, first.clone()).find(clear) {
                return Some(over_node);
            }
        }
        if request.need < LabelNeed::Forced {
            return None;
        }
        // Covering the least label area beats covering more; inside the frame beats outside.
        self.candidates(request, first.clone())
            .filter(|c| self.in_frame(c.backdrop))
            .map(|c| (self.covered_label_area(c.backdrop), c))
            .min_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, c)| c)
            .or_else(|| {
                // Nothing inside the frame: anywhere but over the title block.
                let keep_out = self.style.keep_out;
                let mut spots = self.candidates(request, first);
                let first_spot = spots.next()?;
                std::iter::once(first_spot)
                    .chain(spots)
                    .find(|c| keep_out.is_none_or(|block| !overlaps(block, c.backdrop)))
                    .or(Some(first_spot))
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const STYLE: LabelStyle = LabelStyle {
        pad: 2.0,
        frame: None,
        keep_out: None,
    };

    fn label(node: usize, x: f32, y: f32, forced: bool) -> LabelRequest {
        LabelRequest {
            node,
            anchor: [x, y],
            radius: 5.0,
            texts: vec![[60.0, 12.0]],
            need: if forced {
                LabelNeed::Forced
            } else {
                LabelNeed::Optional
            },
        }
    }

    fn assert_apart(placed: &[Option<Placement>]) {
        let boxes: Vec<Bounds> = placed.iter().flatten().map(|p| p.backdrop).collect();
        for (i, a) in boxes.iter().enumerate() {
            for b in &boxes[i + 1..] {
                assert!(!overlaps(*a, *b), "{a:?} overlaps {b:?}");
            }
        }
    }

    #[test]
    fn apart_labels_go_below_their_nodes() {
        let placed = place_labels(
            &[label(0, 0.0, 0.0, false), label(1, 500.0, 0.0, false)],
            &[],
            &STYLE,
        );
        // Centred below: radius 5 + gap 1.5 × pad.
        assert_eq!(placed[0].map(|p| p.origin), Some([-30.0, 8.0]));
        assert_eq!(placed[1].map(|p| p.origin), Some([470.0, 8.0]));
        assert_eq!(
            placed[0].map(|p| p.backdrop),
            Some([-32.0, 6.0, 32.0, 22.0])
        );
    }

    #[test]
    fn crowded_labels_move_aside_or_give_way_and_never_overlap() {
        // Nine nodes on top of each other: a few spots fit, the rest give way.
        let labels: Vec<LabelRequest> = (0..9).map(|n| label(n, 0.0, 0.0, false)).collect();
        let placed = place_labels(&labels, &[], &STYLE);
        let count = placed.iter().flatten().count();
        assert!((2..9).contains(&count), "{count} placed");
        assert_apart(&placed);
    }

    #[test]
    fn a_short_text_is_tried_when_the_full_one_does_not_fit() {
        let frame = [0.0, 0.0, 100.0, 100.0];
        let style = LabelStyle {
            pad: 1.0,
            frame: Some(frame),
            keep_out: None,
        };
        let request = LabelRequest {
            texts: vec![[300.0, 10.0], [20.0, 10.0]],
            ..label(0, 50.0, 50.0, false)
        };
        let placed = place_labels(&[request], &[], &style);
        assert_eq!(placed[0].map(|p| p.text), Some(1));
        assert!(placed[0].is_some_and(|p| contains(frame, p.backdrop)));
    }

    #[test]
    fn labels_avoid_other_nodes_but_not_their_own() {
        // A big disc right below the node pushes its label above.
        let below = Obstacle::disc(7, [0.0, 30.0], 20.0);
        let own = Obstacle::disc(0, [0.0, 0.0], 50.0);
        let placed = place_labels(&[label(0, 0.0, 0.0, false)], &[below, own], &STYLE);
        let p = placed[0].expect("placed");
        assert!(p.backdrop[3] <= 0.0, "above the node: {p:?}");
        assert!(!overlaps(p.backdrop, below.bounds));
    }

    #[test]
    fn forced_labels_are_always_placed_covering_nodes_before_labels() {
        // Every spot is on a node: only the forced label is drawn.
        let blocker = Obstacle {
            node: 9,
            bounds: [-1000.0, -1000.0, 1000.0, 1000.0],
        };
        let placed = place_labels(
            &[label(1, 0.0, 0.0, false), label(2, 200.0, 0.0, true)],
            &[blocker],
            &STYLE,
        );
        assert!(placed[0].is_none());
        assert!(placed[1].is_some());
        // An important label covers the node instead of giving way.
        let important = LabelRequest {
            need: LabelNeed::Important,
            ..label(1, 0.0, 0.0, false)
        };
        let placed = place_labels(&[important], &[blocker], &STYLE);
        assert!(placed[0].is_some());
        // Two forced labels on one node both appear, the second clear of the first.
        let placed = place_labels(
            &[label(1, 0.0, 0.0, true), label(2, 0.0, 0.0, true)],
            &[],
            &STYLE,
        );
        assert_apart(&placed);
        assert!(placed.iter().all(Option::is_some));
    }

    proptest! {
        #[test]
        fn placed_labels_never_overlap_and_stay_in_the_frame(
            nodes in prop::collection::vec((0.0f32..400.0, 0.0f32..300.0, 1.0f32..12.0, 10.0f32..90.0), 1..80),
        ) {
            let frame = [0.0, 0.0, 400.0, 300.0];
            let style = LabelStyle { pad: 1.5, frame: Some(frame), keep_out: None };
            let requests: Vec<LabelRequest> = nodes
                .iter()
                .enumerate()
                .map(|(n, &(x, y, r, w))| LabelRequest {
                    node: n,
                    anchor: [x, y],
                    radius: r,
                    texts: vec![[w, 11.0], [18.0, 11.0]],
                    need: LabelNeed::Optional,
                })
                .collect();
            let obstacles: Vec<Obstacle> = nodes
                .iter()
                .enumerate()
                .map(|(n, &(x, y, r, _))| Obstacle::disc(n, [x, y], r))
                .collect();
            let placed = place_labels(&requests, &obstacles, &style);
            prop_assert_eq!(placed.len(), requests.len());
            let boxes: Vec<(usize, Bounds)> = placed
                .iter()
                .enumerate()
                .filter_map(|(n, p)| p.map(|p| (n, p.backdrop)))
                .collect();
            prop_assert!(!boxes.is_empty());
            for (i, &(n, a)) in boxes.iter().enumerate() {
                prop_assert!(contains(frame, a), "{:?} leaves the frame", a);
                for o in &obstacles {
                    prop_assert!(o.node == n || !overlaps(a, o.bounds), "{:?} covers node {}", a, o.node);
                }
                for &(_, b) in &boxes[i + 1..] {
                    prop_assert!(!overlaps(a, b), "{:?} overlaps {:?}", a, b);
                }
            }
        }
    }

    #[test]
    fn no_label_touches_the_kept_out_block() {
        // A title block right below and right of a node: every label, even a forced one,
        // goes elsewhere.
        let block = [-40.0, 8.0, 200.0, 60.0];
        let style = LabelStyle {
            keep_out: Some(block),
            ..STYLE
        };
        let requests = [label(0, 0.0, 0.0, true), label(1, 120.0, 0.0, false)];
        let placed = place_labels(&requests, &[], &style);
        for placement in placed.iter().flatten() {
            assert!(!overlaps(placement.backdrop, block), "{placement:?}");
        }
        assert!(placed[0].is_some(), "the forced label is placed");
        let free = place_labels(&requests, &[], &STYLE);
        assert!(
            free.iter().flatten().any(|p| overlaps(p.backdrop, block)),
            "without the block, a label would sit there"
        );
    }
}
