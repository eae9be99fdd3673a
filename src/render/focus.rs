//! The look of the network for a picture: the screen's [`SceneFrame`], narrowed to a few
//! bodies and their members when the picture has a focus.

use crate::document::Document;
use crate::scene::{EdgeRef, NodeRef, Ring, SceneFrame, View, Visibility};
use crate::timeline::{ActorIx, BodyIx};

/// The screen's look in the view, then narrowed to `focus` (when not empty): other bodies
/// are hidden, and so are actors with no drawn membership line to a focused body at the
/// date (members, signatories, observers and recent leavers stay, as the screen draws them).
pub fn frame_for_picture(document: &Document, view: &View, focus: &[BodyIx]) -> SceneFrame {
    let mut frame = SceneFrame::build(&document.dataset, &document.timeline, &document.graph, view);
    if focus.is_empty() {
        return frame;
    }
    let graph = &document.graph;
    let mut keep = vec![false; graph.node_count()];
    for &body in focus {
        if let Some(flag) = keep.get_mut(graph.node_number(NodeRef::Body(body))) {
            *flag = true;
        }
    }
    for (i, &(edge, from, _)) in graph.edges.iter().enumerate() {
        if let EdgeRef::Membership(_, body) = edge
            && focus.contains(&body)
            && frame
                .edges
                .get(i)
                .is_some_and(|look| look.visibility != Visibility::Hidden)
            && let Some(flag) = keep.get_mut(from)
        {
            *flag = true;
        }
    }
    for (look, kept) in frame.nodes.iter_mut().zip(&keep) {
        if !kept {
            look.visibility = Visibility::Hidden;
        }
    }
    for (look, &(_, from, to)) in frame.edges.iter_mut().zip(&graph.edges) {
        if !keep.get(from).copied().unwrap_or(false) || !keep.get(to).copied().unwrap_or(false) {
            look.visibility = Visibility::Hidden;
        }
    }
    // Rings say what changed in the focused bodies, not elsewhere.
    let mut joined = std::collections::BTreeSet::new();
    let mut left = std::collections::BTreeSet::new();
    if view.moved_forward() {
        for &body in focus {
            let (new, gone) = document.timeline.changes_between(
                body,
                view.previous_date.end(),
                view.date.end(),
                view.level,
            );
            joined.extend(new);
            left.extend(gone);
        }
    }
    for (a, look) in frame.nodes.iter_mut().skip(graph.body_count).enumerate() {
        let actor = ActorIx(a as u32);
        if look.ring == Some(Ring::Selected) {
            continue;
        }
        look.ring = if joined.contains(&actor) {
            Some(Ring::Joined)
        } else if left.contains(&actor) {
            Some(Ring::Left)
        } else {
            None
        };
    }
    frame.joined = joined;
    frame.left = left;
    frame.legend = frame.legend_of(&document.dataset, graph, view);
    frame
}
