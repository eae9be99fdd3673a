//! A seeded force-directed layout (Fruchterman–Reingold with a grid for repulsion and a
//! pull toward the centre), computed once for the whole dataset so that positions stay put
//! while the date changes: a viewer keeps their mental map.

/// The ideal distance between linked nodes, in layout units.
pub const IDEAL_DISTANCE: f32 = 60.0;

/// The strength of the pull toward the centre, per layout unit of distance.
const GRAVITY: f32 = 0.8;

/// The input of a layout: how many nodes, which are linked and how strongly.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LayoutRequest {
    /// The number of nodes.
    pub node_count: usize,
    /// Links as `(a, b, weight)`; a weight of 1 is an ordinary link.
    pub links: Vec<(usize, usize, f32)>,
    /// The seed of the initial positions: the same request gives the same picture.
    pub seed: u64,
    /// The radius of each node in layout units (missing: 0); nodes end up not overlapping.
    pub radii: Vec<f32>,
}

/// A layout in progress or finished.
#[derive(Clone, Debug)]
pub struct ForceLayout {
    request: LayoutRequest,
    /// Whether each node has at least one link.
    linked: Vec<bool>,
    positions: Vec<[f32; 2]>,
    temperature: f32,
    cooling: f32,
    steps_done: u32,
    max_steps: u32,
    settled: bool,
}

impl ForceLayout {
    /// Starts a layout: nodes are placed at seeded random spots in a disc.
    pub fn new(request: LayoutRequest) -> Self {
        let mut rng = fastrand::Rng::with_seed(request.seed);
        let n = request.node_count;
        let radius = IDEAL_DISTANCE * (n as f32).sqrt().max(1.0);
        let positions = (0..n)
            .map(|_| {
                let angle = rng.f32() * std::f32::consts::TAU;
                let distance = radius * rng.f32().sqrt();
                [distance * angle.cos(), distance * angle.sin()]
            })
            .collect();
        let mut linked = vec![false; n];
        for &(a, b, _) in &request.links {
            for end in [a, b] {
                if let Some(flag) = linked.get_mut(end) {
                    *flag = true;
                }
            }
        }
        let max_steps = 400;
        let temperature = radius * 0.25;
        Self {
            request,
            linked,
            positions,
            temperature,
            cooling: temperature / max_steps as f32,
            steps_done: 0,
            max_steps,
            settled: n == 0,
        }
    }

    /// Runs a layout to the end.
    pub fn run(request: LayoutRequest) -> Vec<[f32; 2]> {
        let mut layout = Self::new(request);
        while !layout.is_settled() {
            layout.step();
        }
        layout.into_positions()
    }

    /// Whether the layout has settled (then [`ForceLayout::step`] does nothing).
    pub fn is_settled(&self) -> bool {
        self.settled
    }

    /// How far along the layout is, from 0 to 1.
    pub fn progress(&self) -> f32 {
        if self.settled {
            1.0
        } else {
            self.steps_done as f32 / self.max_steps as f32
        }
    }

    /// The current positions, indexed like the request's nodes.
    pub fn positions(&self) -> &[[f32; 2]] {
        &self.positions
    }

    /// The final positions.
    pub fn into_positions(self) -> Vec<[f32; 2]> {
        self.positions
    }

    /// One iteration; returns the largest distance a node moved.
    pub fn step(&mut self) -> f32 {
        if self.settled {
            return 0.0;
        }
        let n = self.positions.len();
        let mut force = vec![[0.0_f32; 2]; n];

        if n <= EXACT_REPULSION_MAX_NODES {
            self.repel_all_pairs(&mut force);
        } else {
            self.repel_neighbours(&mut force);
        }
        self.attract_and_move(force)
    }

    /// Repulsion between every pair of nodes: O(n²), exact.
    fn repel_all_pairs(&self, force: &mut [[f32; 2]]) {
        let k = IDEAL_DISTANCE;
        for (i, &p) in self.positions.iter().enumerate() {
            for (j, &q) in self.positions.iter().enumerate().skip(i + 1) {
                let (d, length) = separation(p, q, i, j);
                let push = k * k / length;
                let f = [d[0] / length * push, d[1] / length * push];
                force[i][0] += f[0];
                force[i][1] += f[1];
                force[j][0] -= f[0];
                force[j][1] -= f[1];
            }
        }
    }

    /// Repulsion between nodes in neighbouring grid cells only: about O(n), for big data.
    fn repel_neighbours(&self, force: &mut [[f32; 2]]) {
        let k = IDEAL_DISTANCE;
        let cell = 2.5 * k;
        let cell_of = |p: [f32; 2]| ((p[0] / cell).floor() as i32, (p[1] / cell).floor() as i32);
        let mut cells: std::collections::BTreeMap<(i32, i32), Vec<usize>> =
            std::collections::BTreeMap::new();
        for (i, &p) in self.positions.iter().enumerate() {
            cells.entry(cell_of(p)).or_default().push(i);
        }
        for (i, &p) in self.positions.iter().enumerate() {
            let (cx, cy) = cell_of(p);
            for dx in -1..=1 {
                for dy in -1..=1 {
                    let Some(others) = cells.get(&(cx + dx, cy + dy)) else {
                        continue;
                    };
                    for &j in others {
                        if j == i {
                            continue;
                        }
                        let (d, length) = separation(p, self.positions[j], i, j);
                        if length > cell {
                            continue;
                        }
                        let push = k * k / length;
                        force[i][0] += d[0] / length * push;
                        force[i][1] += d[1] / length * push;
                    }
                }
            }
        }
    }

    fn attract_and_move(&mut self, mut force: Vec<[f32; 2]>) -> f32 {
        let n = self.positions.len();
        let k = IDEAL_DISTANCE;
        // Attraction along links.
        for &(a, b, weight) in &self.request.links {
            if a >= n || b >= n || a == b {
                continue;
            }
            let d = [
                self.positions[a][0] - self.positions[b][0],
                self.positions[a][1] - self.positions[b][1],
            ];
            let length = (d[0] * d[0] + d[1] * d[1]).sqrt().max(0.01);
            let pull = weight * length * length / k;
            let f = [d[0] / length * pull, d[1] / length * pull];
            force[a][0] -= f[0];
            force[a][1] -= f[1];
            force[b][0] += f[0];
            force[b][1] += f[1];
        }

        // A pull toward the centre, growing with distance, keeps separate components and
        // unlinked nodes near the rest (balanced against repulsion at about k·√n).
        // Unlinked nodes feel it more, or repulsion alone would push them far out.
        for (i, p) in self.positions.iter().enumerate() {
            let gravity = if self.linked.get(i).copied().unwrap_or(false) {
                GRAVITY
            } else {
                GRAVITY * 8.0
            };
            force[i][0] -= p[0] * gravity;
            force[i][1] -= p[1] * gravity;
        }

        let mut largest = 0.0_f32;
        for (p, f) in self.positions.iter_mut().zip(&force) {
            let length = (f[0] * f[0] + f[1] * f[1]).sqrt();
            if length <= f32::EPSILON || !length.is_finite() {
                continue;
            }
            let moved = length.min(self.temperature);
            p[0] += f[0] / length * moved;
            p[1] += f[1] / length * moved;
            largest = largest.max(moved);
        }

        self.steps_done += 1;
        self.temperature = (self.temperature - self.cooling).max(0.0);
        if self.steps_done >= self.max_steps || largest < 0.05 {
            self.settled = true;
            self.widen();
            self.resolve_overlaps();
        }
        largest
    }
}

impl ForceLayout {
    /// Stretches a layout that is narrower than a wide screen sideways (never squeezes), so
    /// the network fills a landscape window or slide instead of a square in its middle.
    fn widen(&mut self) {
        let (mut left, mut right, mut top, mut bottom) = (f32::MAX, f32::MIN, f32::MAX, f32::MIN);
        for p in &self.positions {
            left = left.min(p[0]);
            right = right.max(p[0]);
            top = top.min(p[1]);
            bottom = bottom.max(p[1]);
        }
        let (width, height) = (right - left, bottom - top);
        if !(width > 0.0 && height > 0.0) || width >= height * WIDE_ASPECT {
            return;
        }
        let stretch = (height * WIDE_ASPECT / width).min(MAX_STRETCH);
        let middle = (left + right) / 2.0;
        for p in &mut self.positions {
            p[0] = middle + (p[0] - middle) * stretch;
        }
    }

    /// Pushes overlapping nodes apart (each pair by half the overlap) until none overlap, or
    /// for a bounded number of rounds: forces alone let big nodes sit on top of each other.
    fn resolve_overlaps(&mut self) {
        let radii = &self.request.radii;
        if radii.is_empty() {
            return;
        }
        let radius = |i: usize| radii.get(i).copied().unwrap_or(0.0);
        let largest = radii.iter().copied().fold(0.0_f32, f32::max);
        let cell = (2.0 * largest + OVERLAP_PADDING).max(1.0);
        for _round in 0..OVERLAP_ROUNDS {
            let cell_of =
                |p: [f32; 2]| ((p[0] / cell).floor() as i32, (p[1] / cell).floor() as i32);
            let mut cells: std::collections::BTreeMap<(i32, i32), Vec<usize>> =
                std::collections::BTreeMap::new();
            for (i, &p) in self.positions.iter().enumerate() {
                cells.entry(cell_of(p)).or_default().push(i);
            }
            let mut moved = false;
            for i in 0..self.positions.len() {
                let (cx, cy) = cell_of(self.positions[i]);
                for dx in -1..=1 {
                    for dy in -1..=1 {
                        let Some(others) = cells.get(&(cx + dx, cy + dy)) else {
                            continue;
                        };
                        for &j in others {
                            if j <= i {
                                continue;
                            }
                            let wanted = radius(i) + radius(j) + OVERLAP_PADDING;
                            let (d, length) =
                                separation(self.positions[i], self.positions[j], i, j);
                            if length >= wanted {
                                continue;
                            }
                            let push = (wanted - length) / 2.0;
                            let unit = [d[0] / length, d[1] / length];
                            self.positions[i][0] += unit[0] * push;
                            self.positions[i][1] += unit[1] * push;
                            self.positions[j][0] -= unit[0] * push;
                            self.positions[j][1] -= unit[1] * push;
                            moved = true;
                        }
                    }
                }
            }
            if !moved {
                break;
            }
        }
    }
}

/// The width-to-height ratio a finished layout is stretched toward.
const WIDE_ASPECT: f32 = 1.45;
/// The most a layout is stretched sideways.
const MAX_STRETCH: f32 = 1.6;

/// The space left between two nodes after overlap removal, in layout units.
const OVERLAP_PADDING: f32 = 4.0;
/// The most rounds of overlap removal.
const OVERLAP_ROUNDS: usize = 60;

/// Up to this many nodes, every pair repels (exact); above, only near neighbours do.
const EXACT_REPULSION_MAX_NODES: usize = 2_500;

/// The vector from `q` to `p` and its length; coincident nodes get a direction fixed by
/// their indices, so that they separate deterministically.
fn separation(p: [f32; 2], q: [f32; 2], i: usize, j: usize) -> ([f32; 2], f32) {
    let d = [p[0] - q[0], p[1] - q[1]];
    let length = (d[0] * d[0] + d[1] * d[1]).sqrt();
    if length < 0.01 {
        let angle = (i * 7 + j * 13) as f32;
        ([angle.cos(), angle.sin()], 0.01)
    } else {
        (d, length)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(seed: u64) -> LayoutRequest {
        LayoutRequest {
            node_count: 6,
            links: vec![(0, 1, 1.0), (1, 2, 1.0), (2, 0, 1.0), (3, 4, 1.0)],
            seed,
            radii: Vec::new(),
        }
    }

    #[test]
    fn same_seed_same_picture() {
        assert_eq!(ForceLayout::run(request(7)), ForceLayout::run(request(7)));
        assert_ne!(ForceLayout::run(request(7)), ForceLayout::run(request(8)));
    }

    #[test]
    fn settles_and_keeps_linked_nodes_closer_than_strangers() {
        let mut layout = ForceLayout::new(request(1));
        let mut steps = 0;
        while !layout.is_settled() {
            layout.step();
            steps += 1;
            assert!(steps <= 400, "must settle");
        }
        assert_eq!(layout.progress(), 1.0);
        let p = layout.into_positions();
        let distance =
            |a: usize, b: usize| ((p[a][0] - p[b][0]).powi(2) + (p[a][1] - p[b][1]).powi(2)).sqrt();
        assert!(p.iter().all(|q| q[0].is_finite() && q[1].is_finite()));
        assert!(distance(0, 1) < distance(0, 4));
        assert!(distance(0, 1) > 1.0, "nodes do not collapse");
    }

    #[test]
    fn big_nodes_do_not_overlap() {
        // Six nodes all linked to each other pull together; their radii keep them apart.
        let mut links = Vec::new();
        for a in 0..6 {
            for b in a + 1..6 {
                links.push((a, b, 5.0));
            }
        }
        let radii = vec![30.0, 30.0, 20.0, 20.0, 5.0, 5.0];
        let p = ForceLayout::run(LayoutRequest {
            node_count: 6,
            links,
            seed: 3,
            radii: radii.clone(),
        });
        for a in 0..6 {
            for b in a + 1..6 {
                let d = ((p[a][0] - p[b][0]).powi(2) + (p[a][1] - p[b][1]).powi(2)).sqrt();
                assert!(d >= radii[a] + radii[b], "{a} and {b} overlap: {d}");
            }
        }
    }

    #[test]
    fn empty_request_is_settled() {
        assert!(ForceLayout::new(LayoutRequest::default()).is_settled());
    }
}

/// The arrangements a user can pick; the force layout is computed once, the others are
/// placed directly from the data (no iteration).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum LayoutKind {
    /// The seeded force-directed layout.
    #[default]
    Force,
    /// Bodies in a column on the left, states and stakeholders on the right, by region.
    Bipartite,
    /// Actors on a circle grouped by region, bodies on an inner circle grouped by kind.
    Regions,
    /// States at their place on the world map, bodies at the centre of their members.
    OnMap,
}

impl LayoutKind {
    /// Every layout, in menu order.
    pub const ALL: [Self; 4] = [Self::Force, Self::Bipartite, Self::Regions, Self::OnMap];

    /// The menu label.
    pub fn label(self) -> &'static str {
        match self {
            Self::Force => "Force layout",
            Self::Bipartite => "Bodies | actors by region",
            Self::Regions => "Circle by region",
            Self::OnMap => "On the map",
        }
    }
}

/// Where each node sits in `kind`, numbered like the scene graph (bodies first, then
/// actors). `force` holds the computed force layout, returned as it is for `Force`.
pub fn arrange(
    kind: LayoutKind,
    graph: &super::SceneGraph,
    dataset: &crate::model::Dataset,
    force: &[[f32; 2]],
) -> Vec<[f32; 2]> {
    use super::NodeRef;
    if kind == LayoutKind::Force {
        return force.to_vec();
    }
    let count = graph.node_count();
    let mut bodies: Vec<(usize, (crate::model::BodyKind, &str))> = Vec::new();
    let mut actors: Vec<(usize, (&str, &str, &str))> = Vec::new();
    for number in 0..count {
        match graph.node_ref(number) {
            Some(NodeRef::Body(body)) => {
                if let Some(body) = dataset.bodies.get(body.index()) {
                    bodies.push((number, (body.kind, body.label())));
                }
            }
            Some(NodeRef::Actor(actor)) => {
                if let Some(actor) = dataset.actors.get(actor.index()) {
                    let region = actor.region.as_deref().unwrap_or("~");
                    let subregion = actor.subregion.as_deref().unwrap_or("");
                    actors.push((number, (region, subregion, actor.name.as_str())));
                }
            }
            None => {}
        }
    }
    bodies.sort_by(|a, b| a.1.cmp(&b.1));
    actors.sort_by(|a, b| a.1.cmp(&b.1));
    let mut positions = vec![[0.0, 0.0]; count];
    match kind {
        LayoutKind::Force => {}
        LayoutKind::OnMap => {
            on_map(graph, dataset, &actors, &mut positions);
        }
        LayoutKind::Bipartite => {
            let spacing = IDEAL_DISTANCE * 0.45;
            let height = spacing * actors.len().max(bodies.len()).max(1) as f32;
            let column = |items: usize, index: usize| {
                let step = height / items.max(1) as f32;
                step * (index as f32 + 0.5) - height / 2.0
            };
            let width = height * 0.6;
            for (index, (number, _)) in bodies.iter().enumerate() {
                positions[*number] = [-width / 2.0, column(bodies.len(), index)];
            }
            for (index, (number, _)) in actors.iter().enumerate() {
                positions[*number] = [width / 2.0, column(actors.len(), index)];
            }
        }
        LayoutKind::Regions => {
            // A gap of three slots between regions keeps the groups apart.
            let mut slots = Vec::with_capacity(actors.len());
            let mut slot = 0usize;
            let mut previous: Option<&str> = None;
            for (_, (region, _, _)) in &actors {
                if previous.is_some_and(|p| p != *region) {
                    slot += 3;
                }
                slots.push(slot);
                slot += 1;
                previous = Some(region);
            }
            let total = (slot + 3).max(1) as f32;
            let radius = IDEAL_DISTANCE * 0.5 * total / std::f32::consts::TAU;
            for ((number, _), slot) in actors.iter().zip(&slots) {
                let angle = std::f32::consts::TAU * *slot as f32 / total;
                positions[*number] = [radius * angle.cos(), radius * angle.sin()];
            }
            let inner = radius * 0.45;
            for (index, (number, _)) in bodies.iter().enumerate() {
                let angle = std::f32::consts::TAU * index as f32 / bodies.len().max(1) as f32;
                positions[*number] = [inner * angle.cos(), inner * angle.sin()];
            }
        }
    }
    positions
}

/// Positions carried over from an earlier version of the graph: each node of the new graph
/// (named by `new_ids`, in node-number order) gets the position its id had before, or
/// `None` when it is new. Edits keep every node where it was this way.
pub fn carry_positions(
    old: &std::collections::HashMap<String, [f32; 2]>,
    new_ids: &[Option<&str>],
) -> Vec<Option<[f32; 2]>> {
    new_ids
        .iter()
        .map(|id| id.and_then(|id| old.get(id)).copied())
        .collect()
}

/// Positions for every node: known ones stay; a new node goes beside the nodes it is tied
/// to (their centre, nudged out on a spiral so that new nodes do not stack), or near the
/// middle when it has no placed neighbour.
pub fn place_new_nodes<E>(
    known: &[Option<[f32; 2]>],
    edges: &[(E, usize, usize)],
) -> Vec<[f32; 2]> {
    let mut sums: Vec<([f32; 2], u32)> = vec![([0.0, 0.0], 0); known.len()];
    for (_, a, b) in edges {
        for (from, to) in [(*a, *b), (*b, *a)] {
            if let (Some(None), Some(Some(position))) = (known.get(to), known.get(from))
                && let Some((sum, n)) = sums.get_mut(to)
            {
                sum[0] += position[0];
                sum[1] += position[1];
                *n += 1;
            }
        }
    }
    let mut fresh = 0_u32;
    known
        .iter()
        .zip(&sums)
        .map(|(position, &(sum, n))| {
            if let Some(position) = position {
                return *position;
            }
            let centre = if n > 0 {
                [sum[0] / n as f32, sum[1] / n as f32]
            } else {
                [0.0, 0.0]
            };
            // Golden-angle spiral: each new node a little farther out, in a new direction.
            fresh += 1;
            let angle = fresh as f32 * 2.399_963;
            let reach = IDEAL_DISTANCE * (0.6 + 0.15 * (fresh as f32).sqrt());
            [
                centre[0] + reach * angle.cos(),
                centre[1] + reach * angle.sin(),
            ]
        })
        .collect()
}

#[cfg(test)]
mod placement_tests {
    use super::{carry_positions, place_new_nodes};

    #[test]
    fn new_nodes_go_beside_their_neighbours_and_known_ones_stay() {
        let known = [Some([100.0, 100.0]), Some([300.0, 100.0]), None, None, None];
        let edges = [((), 2, 0), ((), 1, 2), ((), 3, 1), ((), 4, 3)];
        let placed = place_new_nodes(&known, &edges);
        assert_eq!(placed[0], [100.0, 100.0]);
        assert_eq!(placed[1], [300.0, 100.0]);
        let distance = |a: [f32; 2], b: [f32; 2]| (a[0] - b[0]).hypot(a[1] - b[1]);
        // Node 2 is tied to both: near their middle, not on top of it.
        let middle = [200.0, 100.0];
        assert!(distance(placed[2], middle) < 100.0, "{:?}", placed[2]);
        assert!(distance(placed[2], middle) > 1.0);
        // Node 3 is tied to node 1 (and to the new node 4): beside node 1.
        assert!(distance(placed[3], placed[1]) < 100.0, "{:?}", placed[3]);
        // No two new nodes share a spot.
        assert!(distance(placed[3], placed[4]) > 1.0);
        assert!(distance(placed[2], placed[4]) > 1.0);
    }

    #[test]
    fn positions_follow_ids_across_a_renumbering() {
        let old = [
            ("coe".to_owned(), [1.0, 2.0]),
            ("FRA".to_owned(), [3.0, 4.0]),
        ]
        .into_iter()
        .collect();
        // A body was inserted before "coe", and "FRA" was deleted: numbers shift.
        let carried = carry_positions(&old, &[Some("acta"), Some("coe"), None]);
        assert_eq!(carried, vec![None, Some([1.0, 2.0]), None]);
    }
}

/// Layout units per map unit in the "On the map" arrangement: the world about 2,400 units
/// wide, a little wider than the force layout of the sample.
pub const MAP_SCALE: f32 = 450.0;

/// Layout → map: the inverse of where [`LayoutKind::OnMap`] puts a map point (y grows
/// downwards in the layout, northwards on the map).
pub fn layout_from_map([x, y]: [f32; 2]) -> [f32; 2] {
    [x * MAP_SCALE, -y * MAP_SCALE]
}

/// "On the map": each state with a place on the world map there; other actors (the EU,
/// stakeholders, states without a place) in rows below the map; each body at the centre of
/// the actors it has ties with, or above the map when it has none.
fn on_map(
    graph: &super::SceneGraph,
    dataset: &crate::model::Dataset,
    actors: &[(usize, (&str, &str, &str))],
    positions: &mut [[f32; 2]],
) {
    use super::NodeRef;
    let map = super::map::WorldMap::embedded().ok();
    let bottom = layout_from_map(super::map::MapBox::WORLD.min)[1];
    let left = layout_from_map(super::map::MapBox::WORLD.min)[0];
    let mut placed = vec![false; positions.len()];
    let mut unplaced = 0_usize;
    for (number, _) in actors {
        let place = graph
            .node_ref(*number)
            .and_then(|node| match node {
                NodeRef::Actor(actor) => dataset.actors.get(actor.index()),
                NodeRef::Body(_) => None,
            })
            .filter(|actor| actor.kind == crate::model::ActorKind::State)
            .and_then(|actor| actor.iso3.as_deref())
            .and_then(|iso3| map.and_then(|map| map.place(iso3)));
        match place {
            Some(place) => {
                positions[*number] = layout_from_map(place.anchor());
                placed[*number] = true;
            }
            None => {
                // Rows of twenty below the map, in the actors' (region, name) order.
                let (row, column) = (unplaced / 20, unplaced % 20);
                positions[*number] = [
                    left + IDEAL_DISTANCE * (1.0 + column as f32 * 2.0),
                    bottom + IDEAL_DISTANCE * (1.5 + row as f32),
                ];
                placed[*number] = true;
                unplaced += 1;
            }
        }
    }
    let mut sums = vec![([0.0_f32, 0.0_f32], 0_u32); positions.len()];
    for &(_, a, b) in &graph.edges {
        for (body, actor) in [(a, b), (b, a)] {
            if matches!(graph.node_ref(body), Some(NodeRef::Body(_)))
                && placed.get(actor).copied().unwrap_or(false)
                && let (Some(sum), Some(at)) = (sums.get_mut(body), positions.get(actor))
            {
                sum.0[0] += at[0];
                sum.0[1] += at[1];
                sum.1 += 1;
            }
        }
    }
    let top = layout_from_map(super::map::MapBox::WORLD.max)[1];
    let mut lonely = 0_usize;
    let bodies = graph.body_count.min(positions.len());
    for number in 0..bodies {
        let (sum, n) = sums[number];
        let mut at = if n > 0 {
            [sum[0] / n as f32, sum[1] / n as f32]
        } else {
            lonely += 1;
            [
                left + IDEAL_DISTANCE * 2.0 * lonely as f32,
                top - IDEAL_DISTANCE,
            ]
        };
        // Bodies with the same members would sit on one spot: step out on a golden-angle
        // spiral until clear of the bodies placed before.
        let centre = at;
        let mut step = 0_u32;
        while step < 200
            && positions[..number]
                .iter()
                .any(|p| (p[0] - at[0]).hypot(p[1] - at[1]) < IDEAL_DISTANCE * 0.7)
        {
            step += 1;
            let angle = step as f32 * 2.399_963;
            let reach = IDEAL_DISTANCE * 0.7 * (step as f32).sqrt();
            at = [
                centre[0] + reach * angle.cos(),
                centre[1] + reach * angle.sin(),
            ];
        }
        positions[number] = at;
    }
}
