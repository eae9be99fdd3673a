//! Which node labels a picture draws, and where.
//!
//! The screen labels bodies always and states when zoomed in; a picture has one fixed zoom,
//! so it labels bodies always and states when their label fits. This is a simple greedy
//! label-collision pass over the label boxes: labels are tried in priority order (bodies
//! first, then actors with a ring, then actors with more memberships), each at a dozen
//! spots around its node (below as on screen, above, the sides, the corners, then a line
//! farther out), and a label is kept at the first spot whose box overlaps no label kept
//! before, no other drawn node and nothing outside the network's frame. A state whose full
//! name does not fit tries its ISO code. Mandatory labels (bodies, the selection's
//! neighbours) may then cover other nodes, and when every spot collides they take the one
//! that covers the least label area. Overlap tests scan the kept boxes linearly: quadratic, but a
//! picture has a few hundred labels.

use super::camera::Rect;
use super::text::TextMeasure;

/// A label that would like to be drawn.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct LabelRequest {
    /// The node's number.
    pub node: usize,
    /// The node's centre in picture units.
    pub centre: [f32; 2],
    /// The node's drawn radius in picture units.
    pub radius: f32,
    /// Texts to try, best first (a full name, then a short code).
    pub texts: Vec<String>,
    /// Font size.
    pub size: f32,
    /// Drawn even when every spot collides.
    pub mandatory: bool,
}

/// A label that is drawn.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct PlacedLabel {
    /// The node's number.
    pub node: usize,
    /// The text.
    pub text: String,
    /// Its backdrop box.
    pub rect: Rect,
    /// The text's centre on its baseline.
    pub baseline: [f32; 2],
    /// Font size.
    pub size: f32,
}

/// Places labels in the order given (see the module comment). `nodes` are the boxes of
/// drawn nodes, with their numbers; `bounds` is the frame labels must stay in; `pad` is the
/// backdrop's margin around the text and the gap between a node and its label.
pub(crate) fn place(
    requests: &[LabelRequest],
    nodes: &[(usize, Rect)],
    bounds: Rect,
    measure: &TextMeasure,
    pad: f32,
) -> Vec<PlacedLabel> {
    let mut placed: Vec<PlacedLabel> = Vec::new();
    for request in requests {
        let free = |candidate: &PlacedLabel, placed: &[PlacedLabel], avoid_nodes: bool| {
            bounds.contains(&candidate.rect)
                && !placed
                    .iter()
                    .any(|other| other.rect.overlaps(&candidate.rect))
                && (!avoid_nodes
                    || !nodes.iter().any(|(number, rect)| {
                        *number != request.node && rect.overlaps(&candidate.rect)
                    }))
        };
        let mut chosen = None;
        // Strict: clear of labels and nodes, near spots first; a mandatory label may then
        // cover other nodes rather than other labels.
        let passes: &[bool] = if request.mandatory {
            &[true, false]
        } else {
            &[true]
        };
        'passes: for &avoid_nodes in passes {
            for text in &request.texts {
                for spot in SPOTS {
                    let candidate = label_at(request, text, spot, measure, pad);
                    if free(&candidate, &placed, avoid_nodes) {
                        chosen = Some(candidate);
                        break 'passes;
                    }
                }
            }
        }
        if chosen.is_none()
            && request.mandatory
            && let Some(text) = request.texts.first()
        {
            // Every spot collides: the one inside the frame that covers the least label
            // area (below when none is inside).
            chosen = SPOTS
                .iter()
                .map(|&spot| label_at(request, text, spot, measure, pad))
                .filter(|candidate| bounds.contains(&candidate.rect))
                .map(|candidate| {
                    let covered: f32 = placed
                        .iter()
                        .map(|other| overlap_area(&other.rect, &candidate.rect))
                        .sum();
                    (covered, candidate)
                })
                .min_by(|a, b| a.0.total_cmp(&b.0))
                .map(|(_, candidate)| candidate)
                .or_else(|| Some(label_at(request, text, SPOTS[0], measure, pad)));
        }
        placed.extend(chosen);
    }
    placed
}

fn overlap_area(a: &Rect, b: &Rect) -> f32 {
    let w = a.right().min(b.right()) - a.x.max(b.x);
    let h = a.bottom().min(b.bottom()) - a.y.max(b.y);
    w.max(0.0) * h.max(0.0)
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

/// Spots in order of preference: below (as on screen), above, the sides, the corners, then
/// the same a line farther out.
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

fn label_at(
    request: &LabelRequest,
    text: &str,
    spot: Spot,
    measure: &TextMeasure,
    pad: f32,
) -> PlacedLabel {
    let width = measure.width(text, request.size);
    let ascent = measure.ascent(request.size);
    let height = ascent + measure.descent(request.size);
    let [x, y] = request.centre;
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
    PlacedLabel {
        node: request.node,
        text: text.to_owned(),
        rect: Rect {
            x: left,
            y: top,
            w: width,
            h: height,
        }
        .expand(pad),
        baseline: [left + width / 2.0, top + ascent],
        size: request.size,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(node: usize, x: f32, y: f32, text: &str, mandatory: bool) -> LabelRequest {
        LabelRequest {
            node,
            centre: [x, y],
            radius: 5.0,
            texts: vec![text.to_owned()],
            size: 12.0,
            mandatory,
        }
    }

    #[test]
    fn kept_labels_never_overlap_and_stay_in_bounds() {
        let measure = TextMeasure::new();
        let bounds = Rect::from_edges(0.0, 0.0, 400.0, 300.0);
        // A dense row of nodes: not every label can fit.
        let requests: Vec<LabelRequest> = (0..30)
            .map(|i| {
                request(
                    i,
                    20.0 + 12.0 * i as f32,
                    150.0,
                    "Some long state name",
                    false,
                )
            })
            .collect();
        let placed = place(&requests, &[], bounds, &measure, 1.5);
        assert!(!placed.is_empty());
        assert!(placed.len() < requests.len(), "some labels are left out");
        for (i, a) in placed.iter().enumerate() {
            assert!(bounds.contains(&a.rect), "{a:?}");
            for b in &placed[i + 1..] {
                assert!(!a.rect.overlaps(&b.rect), "{a:?} overlaps {b:?}");
            }
        }
    }

    #[test]
    fn labels_avoid_other_nodes_and_mandatory_ones_are_always_drawn() {
        let measure = TextMeasure::new();
        let bounds = Rect::from_edges(0.0, 0.0, 400.0, 300.0);
        let nodes = [(0, Rect::from_edges(95.0, 95.0, 105.0, 105.0))];
        // A second node whose every spot is covered by a big node's box.
        let blocker = (9, Rect::from_edges(0.0, 0.0, 400.0, 300.0));
        let placed = place(
            &[request(1, 100.0, 80.0, "Canada", false)],
            &nodes,
            bounds,
            &measure,
            1.5,
        );
        assert_eq!(placed.len(), 1);
        assert!(!placed[0].rect.overlaps(&nodes[0].1), "{placed:?}");
        let blocked = place(
            &[
                request(1, 100.0, 80.0, "Canada", false),
                request(2, 200.0, 80.0, "FOC", true),
            ],
            &[blocker],
            bounds,
            &measure,
            1.5,
        );
        assert_eq!(blocked.len(), 1, "only the mandatory label: {blocked:?}");
        assert_eq!(blocked[0].node, 2);
    }
}
