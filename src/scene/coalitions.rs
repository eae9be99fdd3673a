//! The coalition network: bodies only, each sized by its members at the date, tied to the
//! bodies it shares members with (the tie as wide as the two are alike). No GUI here.
//!
//! The similarity of two bodies is [`Overlap::jaccard`]: shared members over the members of
//! either, so that a near-universal body, which shares every member with every club, is
//! only weakly alike to a small club. Ties below the view's threshold are not drawn.
//!
//! Positions come from [`coalition_layout`], computed once per dataset from how alike the
//! bodies were over their whole history: playing the timeline changes sizes and ties, never
//! where a body sits.

use jiff::civil::Date;

use crate::model::{Dataset, Level, Word};
use crate::style;
use crate::timeline::{BodyIx, Overlap, Timeline};

use super::frame::{LabelRule, NodeLook, Ring, SceneFrame, Visibility};
use super::graph::LAYOUT_SEED;
use super::layout::{ForceLayout, LayoutRequest};
use super::view::{Selection, View};

/// Pairs less alike than this over their whole history pull nothing in the layout: a
/// universal body would otherwise drag every club into one ball.
const LAYOUT_MIN_SIMILARITY: f32 = 0.05;
/// How strongly any tie pulls in the layout (a network link pulls 1): enough to keep a small
/// club beside the bodies it shares members with.
const LAYOUT_BASE_PULL: f32 = 0.1;
/// How much more a tie pulls per unit of squared similarity: alike bodies sit together, and
/// the many middling ties of the universal bodies do not pull everything into one ball.
const LAYOUT_PULL: f32 = 4.0;

/// One body of the coalition network at the date.
#[derive(Clone, Debug, PartialEq)]
pub struct CoalitionNode {
    /// The body.
    pub body: BodyIx,
    /// Where it sits, in layout units (the same at every date).
    pub position: [f32; 2],
    /// Its shape, colour, size (members at the date), fading and ring.
    pub look: NodeLook,
    /// Members at the date and level.
    pub members: u32,
}

/// Two bodies that share members at the date.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Tie {
    /// The body with the lower index.
    pub a: BodyIx,
    /// The other body.
    pub b: BodyIx,
    /// Members of both.
    pub shared: u32,
    /// Shared members over members of either (0 to 1), as [`Overlap::jaccard`].
    pub similarity: f32,
    /// Shown, or faded when it does not touch the selection.
    pub visibility: Visibility,
}

/// A body the picture makes room for at every date: its place and the largest radius it
/// reaches at the level, so that the framing does not move while the timeline plays.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FramedBody {
    /// The body.
    pub body: BodyIx,
    /// Where it sits, in layout units.
    pub position: [f32; 2],
    /// Its largest radius over the timeline, in layout units.
    pub radius: f32,
}

/// The coalition network in a view.
#[derive(Clone, Debug, PartialEq)]
pub struct CoalitionScene {
    /// The bodies drawn (not hidden by the filters or the lens), by body index.
    pub nodes: Vec<CoalitionNode>,
    /// Pairs of drawn bodies sharing members and at least as alike as the threshold,
    /// weakest first (so that strong ties are drawn on top), then by body index.
    pub ties: Vec<Tie>,
    /// Pairs of drawn bodies sharing members but less alike than the threshold.
    pub weaker_ties: usize,
    /// The threshold, from 0 to 1.
    pub threshold: f32,
    /// Every body the date-independent filters keep, with its largest size: what a picture
    /// frames so that it stays put across dates.
    pub framed: Vec<FramedBody>,
}

impl CoalitionScene {
    /// The coalition network of `view`: `frame` is the scene's look in the same view (its
    /// member counts, colours and what the filters and the lens hide), `positions` the
    /// dataset's [`coalition_layout`].
    pub fn build(
        dataset: &Dataset,
        timeline: &Timeline,
        frame: &SceneFrame,
        view: &View,
        positions: &[[f32; 2]],
    ) -> Self {
        let date = view.date.end();
        let threshold = f32::from(view.tie_threshold_percent.min(100)) / 100.0;
        let position_of = |b: usize| positions.get(b).copied().unwrap_or([0.0, 0.0]);

        let mut nodes = Vec::new();
        for (b, body) in dataset.bodies.iter().enumerate() {
            let Some(look) = frame.nodes.get(b) else {
                continue;
            };
            if look.visibility == Visibility::Hidden {
                continue;
            }
            let ix = BodyIx(u32::try_from(b).unwrap_or(u32::MAX));
            let members = frame.body_members.get(b).copied().unwrap_or(0);
            // The frame fades every body but a selected one (a body's neighbours there are
            // actors); here only bodies that have not started yet are faded, as the network
            // draws them with nothing selected.
            let started = timeline
                .body_event_span(ix, date)
                .is_some_and(|(first, _)| first.start() <= date);
            let visibility = match view.selection {
                Some(Selection::Actor(_)) => look.visibility,
                _ if members == 0 && !started => Visibility::Faded,
                _ => Visibility::Shown,
            };
            nodes.push(CoalitionNode {
                body: ix,
                position: position_of(b),
                look: NodeLook {
                    kind: style::NodeKind::of_body(body.kind),
                    fill: look.fill,
                    radius: style::body_radius(members),
                    visibility,
                    ring: None,
                    label: LabelRule::Always,
                },
                members,
            });
        }

        let overlap = Overlap::at(timeline, date, view.level);
        let mut ties = Vec::new();
        let mut weaker_ties = 0;
        for (i, first) in nodes.iter().enumerate() {
            for second in &nodes[i + 1..] {
                let (a, b) = (first.body, second.body);
                let shared = overlap.shared(a, b);
                if shared == 0 {
                    continue;
                }
                let similarity = overlap.jaccard(a, b);
                if similarity + f32::EPSILON < threshold {
                    weaker_ties += 1;
                    continue;
                }
                let faded = first.look.visibility == Visibility::Faded
                    || second.look.visibility == Visibility::Faded;
                ties.push(Tie {
                    a,
                    b,
                    shared,
                    similarity,
                    visibility: if faded {
                        Visibility::Faded
                    } else {
                        Visibility::Shown
                    },
                });
            }
        }

        // A selected body is ringed; the bodies tied to it stay, the rest fade.
        if let Some(Selection::Body(selected)) = view.selection
            && nodes.iter().any(|node| node.body == selected)
        {
            let mut tied = vec![selected];
            for tie in &mut ties {
                if tie.a == selected || tie.b == selected {
                    tied.push(if tie.a == selected { tie.b } else { tie.a });
                } else {
                    tie.visibility = Visibility::Faded;
                }
            }
            for node in &mut nodes {
                if node.body == selected {
                    node.look.ring = Some(Ring::Selected);
                    node.look.visibility = Visibility::Shown;
                } else if !tied.contains(&node.body) {
                    node.look.visibility = Visibility::Faded;
                }
            }
        }
        ties.sort_by(|x, y| {
            x.similarity
                .total_cmp(&y.similarity)
                .then((x.a, x.b).cmp(&(y.a, y.b)))
        });

        let framed = dataset
            .bodies
            .iter()
            .enumerate()
            .filter(|(_, body)| view.filters.shows_body(body))
            .map(|(b, _)| {
                let body = BodyIx(u32::try_from(b).unwrap_or(u32::MAX));
                FramedBody {
                    body,
                    position: position_of(b),
                    radius: style::body_radius(timeline.count_series(body, view.level).max()),
                }
            })
            .collect();

        Self {
            nodes,
            ties,
            weaker_ties,
            threshold,
            framed,
        }
    }

    /// The node of a body, if drawn.
    pub fn node(&self, body: BodyIx) -> Option<&CoalitionNode> {
        self.nodes.iter().find(|node| node.body == body)
    }

    /// The hover text of a body: its name, its members at the date, and the bodies it is
    /// most alike to.
    pub fn describe(&self, dataset: &Dataset, view: &View, body: BodyIx) -> String {
        let name = dataset
            .bodies
            .get(body.index())
            .map_or("", |b| b.name.as_str());
        let members = self.node(body).map_or(0, |node| node.members);
        let noun = if members == 1 { "member" } else { "members" };
        let mut text = format!(
            "{name}\n{members} {noun} in {} ({})",
            view.date.long_name(),
            view.level.label()
        );
        let mut mine: Vec<&Tie> = self
            .ties
            .iter()
            .filter(|tie| tie.a == body || tie.b == body)
            .collect();
        mine.sort_by(|x, y| y.similarity.total_cmp(&x.similarity));
        if mine.is_empty() {
            text.push_str("\nno ties at this threshold");
        } else {
            let alike: Vec<String> = mine
                .iter()
                .take(3)
                .map(|tie| {
                    let other = if tie.a == body { tie.b } else { tie.a };
                    let label = dataset.bodies.get(other.index()).map_or("", |b| b.label());
                    format!(
                        "{label} ({}%, {} shared)",
                        percent(tie.similarity),
                        tie.shared
                    )
                })
                .collect();
            text.push_str(&format!("\nmost alike: {}", alike.join(", ")));
        }
        text
    }
}

/// A similarity as a whole percentage.
pub fn percent(similarity: f32) -> u32 {
    (similarity.clamp(0.0, 1.0) * 100.0).round() as u32
}

/// Where every body of the coalition network sits, indexed like [`Dataset::bodies`], in
/// layout units. Computed once per dataset; the same at every date.
///
/// The bodies that ever had members get a seeded force layout: each as large as the most
/// members it ever had, pulled toward the bodies it was ever alike to, the more the more
/// alike they were at the end of any year. The bodies with no member in the data at all sit
/// in a row below it, in dataset order, so that they neither crowd the clubs nor hide. A picture may stretch it sideways to fill
/// its frame (never squeeze it: no two bodies ever overlap).
pub fn coalition_layout(timeline: &Timeline) -> Vec<[f32; 2]> {
    let (request, laid_out) = layout_request(timeline);
    let radii = request.radii.clone();
    let placed = ForceLayout::run(request);
    let mut positions = vec![[0.0, 0.0]; timeline.body_count()];
    for (&body, &position) in laid_out.iter().zip(&placed) {
        if let Some(slot) = positions.get_mut(body) {
            *slot = position;
        }
    }
    // The box of the laid-out bodies, their size included.
    let (mut left, mut right, mut bottom) = (f32::MAX, f32::MIN, f32::MIN);
    for (position, radius) in placed.iter().zip(&radii) {
        left = left.min(position[0] - radius);
        right = right.max(position[0] + radius);
        bottom = bottom.max(position[1] + radius);
    }
    if placed.is_empty() {
        (left, right, bottom) = (0.0, 0.0, 0.0);
    }
    let mut idle = vec![true; timeline.body_count()];
    for &body in &laid_out {
        if let Some(flag) = idle.get_mut(body) {
            *flag = false;
        }
    }
    let idle: Vec<usize> = (0..idle.len()).filter(|&b| idle[b]).collect();
    // One row as wide as the layout when it fits, closer together when they are many.
    let spacing = if idle.len() > 1 {
        ((right - left) / (idle.len() - 1) as f32).clamp(MIN_IDLE_SPACING, IDLE_SPACING)
    } else {
        IDLE_SPACING
    };
    let per_row = (((right - left) / spacing).floor() as usize + 1).max(1);
    for (row, bodies) in idle.chunks(per_row).enumerate() {
        let y = bottom + IDLE_SPACING * 0.6 + spacing * row as f32;
        let row_width = spacing * (bodies.len() as f32 - 1.0);
        let first = (left + right) / 2.0 - row_width / 2.0;
        for (i, &body) in bodies.iter().enumerate() {
            if let Some(position) = positions.get_mut(body) {
                *position = [first + spacing * i as f32, y];
            }
        }
    }
    positions
}

/// The distance between bodies with no members in the row below the layout, in layout
/// units: room for their labels.
const IDLE_SPACING: f32 = 90.0;
/// The closest the bodies with no members come in their row, in layout units.
const MIN_IDLE_SPACING: f32 = 60.0;

/// The force layout of the bodies that ever had members, and which bodies they are (the
/// request's node `i` is body `laid_out[i]`): each sized by the most members it ever had
/// (so that no two overlap at any date), and linked to each body it was ever alike to, as
/// strongly as the most alike they were at the end of any year of the timeline (members
/// counted at the signatory level, the widest).
fn layout_request(timeline: &Timeline) -> (LayoutRequest, Vec<usize>) {
    let bodies = timeline.body_count();
    let level = Level::Signatory;
    let most_members: Vec<u32> = (0..bodies)
        .map(|b| timeline.count_series(body_ix(b), level).max())
        .collect();
    let laid_out: Vec<usize> = (0..bodies).filter(|&b| most_members[b] > 0).collect();
    let mut node_of = vec![usize::MAX; bodies];
    for (node, &body) in laid_out.iter().enumerate() {
        node_of[body] = node;
    }
    let mut most = vec![0.0_f32; bodies * bodies];
    for date in sample_dates(timeline) {
        let overlap = Overlap::at(timeline, date, level);
        for (i, &a) in laid_out.iter().enumerate() {
            for &b in &laid_out[i + 1..] {
                let (x, y) = (body_ix(a), body_ix(b));
                if overlap.shared(x, y) > 0 {
                    let slot = &mut most[a * bodies + b];
                    *slot = slot.max(overlap.jaccard(x, y));
                }
            }
        }
    }
    let mut links = Vec::new();
    for (i, &a) in laid_out.iter().enumerate() {
        for &b in &laid_out[i + 1..] {
            let similarity = most[a * bodies + b];
            if similarity >= LAYOUT_MIN_SIMILARITY {
                links.push((
                    node_of[a],
                    node_of[b],
                    LAYOUT_BASE_PULL + similarity * similarity * LAYOUT_PULL,
                ));
            }
        }
    }
    let request = LayoutRequest {
        node_count: laid_out.len(),
        links,
        seed: LAYOUT_SEED,
        radii: laid_out
            .iter()
            .map(|&b| style::body_radius(most_members[b]))
            .collect(),
    };
    (request, laid_out)
}

/// The end of every year of the timeline, and its last date.
fn sample_dates(timeline: &Timeline) -> Vec<Date> {
    let Some((first, last)) = timeline.span() else {
        return Vec::new();
    };
    let mut dates: Vec<Date> = (first.year()..last.year())
        .filter_map(|year| Date::new(year, 12, 31).ok())
        .collect();
    dates.push(last);
    dates
}

fn body_ix(index: usize) -> BodyIx {
    BodyIx(u32::try_from(index).unwrap_or(u32::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Month;
    use crate::scene::SceneGraph;

    fn fixture() -> (Dataset, Timeline, SceneGraph) {
        let text = include_str!("../../tests/fixtures/ui/small.json");
        let (dataset, _) = crate::io::read_native_str(text, "small.json").unwrap();
        let timeline = Timeline::build(&dataset);
        let graph = SceneGraph::build(&dataset, &timeline);
        (dataset, timeline, graph)
    }

    fn sample() -> (Dataset, Timeline, SceneGraph) {
        let (dataset, _) =
            crate::io::read_native_str(crate::SAMPLE_DATASET_JSON, "sample").unwrap();
        let timeline = Timeline::build(&dataset);
        let graph = SceneGraph::build(&dataset, &timeline);
        (dataset, timeline, graph)
    }

    fn scene(
        (dataset, timeline, graph): &(Dataset, Timeline, SceneGraph),
        view: &View,
        positions: &[[f32; 2]],
    ) -> CoalitionScene {
        let frame = SceneFrame::build(dataset, timeline, graph, view);
        CoalitionScene::build(dataset, timeline, &frame, view, positions)
    }

    fn view_at(year: i16, month: i8, threshold: u8) -> View {
        View {
            tie_threshold_percent: threshold,
            ..View::at(Month::new(year, month))
        }
    }

    #[test]
    fn ties_are_the_overlap_of_every_pair_of_bodies_at_two_dates() {
        for data in [fixture(), sample()] {
            let positions = coalition_layout(&data.1);
            for (year, month, level) in [(2012, 1, Level::Signatory), (2018, 6, Level::Party)] {
                let view = View {
                    level,
                    ..view_at(year, month, 0)
                };
                let scene = scene(&data, &view, &positions);
                let timeline = &data.1;
                let date = view.date.end();
                let overlap = Overlap::at(timeline, date, level);
                let mut expected = Vec::new();
                for a in 0..timeline.body_count() {
                    for b in a + 1..timeline.body_count() {
                        let (a, b) = (body_ix(a), body_ix(b));
                        if overlap.shared(a, b) > 0 {
                            expected.push((a, b));
                        }
                    }
                }
                let mut found: Vec<(BodyIx, BodyIx)> =
                    scene.ties.iter().map(|tie| (tie.a, tie.b)).collect();
                found.sort();
                assert_eq!(found, expected, "every sharing pair at {date}, threshold 0");
                assert!(!found.is_empty(), "bodies share members at {date}");
                for tie in &scene.ties {
                    assert_eq!(tie.shared, overlap.shared(tie.a, tie.b));
                    assert_eq!(tie.similarity, overlap.jaccard(tie.a, tie.b));
                    // The inspector's list says the same.
                    let row = crate::timeline::shared_with(timeline, tie.a, date, level);
                    let entry = row.iter().find(|s| s.body == tie.b).unwrap();
                    assert_eq!((entry.shared, entry.jaccard), (tie.shared, tie.similarity));
                }
                for node in &scene.nodes {
                    assert_eq!(node.members, overlap.size(node.body));
                    assert_eq!(node.look.radius, style::body_radius(node.members));
                }
            }
        }
    }

    #[test]
    fn the_threshold_drops_weak_ties_only() {
        let data = sample();
        let positions = coalition_layout(&data.1);
        let all = scene(&data, &view_at(2020, 6, 0), &positions);
        let strong = scene(&data, &view_at(2020, 6, 40), &positions);
        assert!(strong.ties.len() < all.ties.len(), "some ties are weaker");
        assert!(!strong.ties.is_empty(), "some are strong");
        assert_eq!(strong.ties.len() + strong.weaker_ties, all.ties.len());
        for tie in &all.ties {
            let kept = strong.ties.iter().any(|t| (t.a, t.b) == (tie.a, tie.b));
            assert_eq!(kept, tie.similarity >= 0.4, "{tie:?}");
        }
        assert!(
            strong
                .ties
                .windows(2)
                .all(|w| w[0].similarity <= w[1].similarity),
            "weakest first, strongest drawn on top"
        );
    }

    #[test]
    fn positions_are_the_same_at_every_date() {
        let data = sample();
        let positions = coalition_layout(&data.1);
        assert_eq!(positions, coalition_layout(&data.1), "seeded");
        assert_eq!(positions.len(), data.0.bodies.len());
        let early = scene(&data, &view_at(2002, 1, 10), &positions);
        let late = scene(&data, &view_at(2025, 6, 10), &positions);
        assert_ne!(
            early.nodes.iter().map(|n| n.members).collect::<Vec<_>>(),
            late.nodes.iter().map(|n| n.members).collect::<Vec<_>>(),
            "sizes change"
        );
        for node in &early.nodes {
            let later = late.node(node.body).unwrap();
            assert_eq!(node.position, later.position);
            assert_eq!(node.position, positions[node.body.index()]);
        }
        assert_eq!(early.framed, late.framed, "the framing stays put");
        // No two bodies overlap at their largest.
        for (i, a) in early.framed.iter().enumerate() {
            for b in &early.framed[i + 1..] {
                let d = (a.position[0] - b.position[0]).hypot(a.position[1] - b.position[1]);
                assert!(d >= a.radius + b.radius, "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn the_lens_hides_large_bodies_and_their_ties() {
        let data = sample();
        let positions = coalition_layout(&data.1);
        let mut view = view_at(2024, 1, 0);
        let all = scene(&data, &view, &positions);
        view.filters.max_members = Some(30);
        let clubs = scene(&data, &view, &positions);
        assert!(clubs.nodes.len() < all.nodes.len());
        assert!(!clubs.nodes.is_empty());
        assert!(clubs.nodes.iter().all(|node| node.members <= 30));
        for node in &all.nodes {
            let kept = clubs.node(node.body).is_some();
            assert_eq!(kept, node.members <= 30, "{:?}", node.body);
        }
        assert!(
            clubs
                .ties
                .iter()
                .all(|tie| clubs.node(tie.a).is_some() && clubs.node(tie.b).is_some())
        );
        assert_eq!(
            all.framed, clubs.framed,
            "the lens does not move the camera"
        );
    }

    #[test]
    fn a_selected_body_is_ringed_and_its_ties_stay() {
        let data = sample();
        let positions = coalition_layout(&data.1);
        let mut view = view_at(2020, 6, 10);
        let budapest = data.1.body_ix("budapest").unwrap();
        view.selection = Some(Selection::Body(budapest));
        let scene = scene(&data, &view, &positions);
        let node = scene.node(budapest).unwrap();
        assert_eq!(node.look.ring, Some(Ring::Selected));
        let mut tied = 0;
        for tie in &scene.ties {
            let touches = tie.a == budapest || tie.b == budapest;
            assert_eq!(tie.visibility == Visibility::Shown, touches);
            if touches {
                tied += 1;
                let other = if tie.a == budapest { tie.b } else { tie.a };
                assert_eq!(
                    scene.node(other).unwrap().look.visibility,
                    Visibility::Shown
                );
            }
        }
        assert!(tied > 0);
        let text = scene.describe(&data.0, &view, budapest);
        assert!(text.contains("most alike"), "{text}");
    }
}
