//! A seeded force-directed layout (Fruchterman–Reingold with a pull toward the centre),
//! computed once for the whole dataset so that positions stay put while the date changes: a
//! viewer keeps their mental map. Small graphs repel every pair exactly; large ones are laid
//! out on several levels with Barnes–Hut repulsion (O(n log n) per step, as sfdp and
//! ForceAtlas2 do), then widened to a landscape shape and freed of overlaps.

mod barnes_hut;
mod multilevel;

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

impl LayoutRequest {
    /// A fingerprint of the request and of this layout's version: equal fingerprints give
    /// equal layouts, so a layout computed once can be kept and found again (FNV-1a over
    /// every number, the same on every machine and run).
    pub fn fingerprint(&self) -> u64 {
        let mut hash = 0xcbf2_9ce4_8422_2325_u64;
        let mut eat = |value: u64| {
            for byte in value.to_le_bytes() {
                hash ^= u64::from(byte);
                hash = hash.wrapping_mul(0x0100_0000_01b3);
            }
        };
        eat(LAYOUT_VERSION);
        eat(self.node_count as u64);
        eat(self.seed);
        eat(self.links.len() as u64);
        for &(a, b, weight) in &self.links {
            eat(a as u64);
            eat(b as u64);
            eat(u64::from(weight.to_bits()));
        }
        eat(self.radii.len() as u64);
        for radius in &self.radii {
            eat(u64::from(radius.to_bits()));
        }
        hash
    }
}

/// Changes whenever the layout's algorithm or constants do, so that kept layouts of an
/// older version are not reused.
const LAYOUT_VERSION: u64 = 2;

/// A layout in progress or finished.
///
/// Small graphs (up to [`MULTILEVEL_MIN_NODES`]) repel every pair exactly. Larger ones are
/// laid out on several levels, as sfdp does: tied nodes are merged into groups until a few
/// dozen remain, the groups are laid out, then each level starts from its groups' places
/// and is refined, with Barnes–Hut repulsion (O(n log n) per step).
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
    /// The levels of a large layout (`None` for a small one).
    multilevel: Option<Box<Multilevel>>,
}

/// The state of a multilevel layout.
#[derive(Clone, Debug)]
struct Multilevel {
    /// From the finest (the request's graph) to the coarsest.
    levels: Vec<multilevel::Level>,
    /// The level being laid out.
    level: usize,
    /// Its positions.
    positions: Vec<[f32; 2]>,
    /// Jitter for nodes leaving their group.
    rng: fastrand::Rng,
    /// The repulsion tree, rebuilt at each step (its memory kept).
    tree: barnes_hut::QuadTree,
    /// Scratch: the tree's order, a query stack, the forces.
    order: Vec<u32>,
    stack: Vec<u32>,
    force: Vec<[f32; 2]>,
    /// Node-steps done and planned, for the progress.
    work_done: f64,
    work_total: f64,
}

impl ForceLayout {
    /// Starts a layout: nodes are placed at seeded random spots in a disc.
    pub fn new(request: LayoutRequest) -> Self {
        let mut rng = fastrand::Rng::with_seed(request.seed);
        let n = request.node_count;
        let radius = IDEAL_DISTANCE * (n as f32).sqrt().max(1.0);
        let positions: Vec<[f32; 2]> = (0..n)
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
        let mut layout = Self {
            linked,
            positions,
            temperature,
            cooling: temperature / max_steps as f32,
            steps_done: 0,
            max_steps,
            settled: n == 0,
            multilevel: None,
            request,
        };
        if layout.multilevel_sized() {
            layout.start_multilevel(rng);
        }
        layout
    }

    /// Runs a layout to the end.
    pub fn run(request: LayoutRequest) -> Vec<[f32; 2]> {
        let mut layout = Self::new(request);
        while !layout.is_settled() {
            layout.step();
        }
        layout.into_positions()
    }

    /// Runs a layout to the end, telling `progress` how far along it is (0 to 1) after each
    /// step. When `progress` asks to stop, the positions reached so far, finished off (a
    /// large layout's groups spread out where they stand, widened and freed of overlaps),
    /// come back as `Err`: a usable, coarser picture.
    pub fn run_with(
        request: LayoutRequest,
        mut progress: impl FnMut(f32) -> std::ops::ControlFlow<()>,
    ) -> Result<Vec<[f32; 2]>, Vec<[f32; 2]>> {
        let mut layout = Self::new(request);
        while !layout.is_settled() {
            layout.step();
            if progress(layout.progress()).is_break() {
                layout.stop();
                return Err(layout.into_positions());
            }
        }
        Ok(layout.into_positions())
    }

    /// Ends the layout where it stands: each node of a large layout goes to its group's
    /// place (a little apart, on a spiral), then the last touches.
    fn stop(&mut self) {
        if self.settled {
            return;
        }
        if let Some(state) = self.multilevel.take() {
            let mut positions = state.positions;
            for level in (1..=state.level).rev() {
                let groups = &state.levels[level].group_of_finer;
                let mut members = vec![0_u32; positions.len()];
                positions = groups
                    .iter()
                    .map(|&group| {
                        let at = positions.get(group as usize).copied().unwrap_or([0.0, 0.0]);
                        let rank = members.get_mut(group as usize).map_or(0, |count| {
                            *count += 1;
                            *count
                        });
                        let angle = rank as f32 * 2.399_963;
                        let reach = IDEAL_DISTANCE * 0.3 * (rank as f32).sqrt();
                        [at[0] + reach * angle.cos(), at[1] + reach * angle.sin()]
                    })
                    .collect();
            }
            if positions.len() == self.positions.len() {
                self.positions = positions;
            }
        }
        self.finish();
    }

    /// Whether the layout has settled (then [`ForceLayout::step`] does nothing).
    pub fn is_settled(&self) -> bool {
        self.settled
    }

    /// How far along the layout is, from 0 to 1.
    pub fn progress(&self) -> f32 {
        if self.settled {
            1.0
        } else if let Some(multilevel) = &self.multilevel {
            (multilevel.work_done / multilevel.work_total.max(1.0)).min(1.0) as f32
        } else {
            self.steps_done as f32 / self.max_steps as f32
        }
    }

    /// The current positions, indexed like the request's nodes (a large layout shows its
    /// starting positions until its finest level is done).
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
        if self.multilevel.is_some() {
            return self.step_multilevel();
        }
        let n = self.positions.len();
        let mut force = vec![[0.0_f32; 2]; n];
        self.repel_all_pairs(&mut force);
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
                GRAVITY * UNLINKED_GRAVITY
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
            self.finish();
        }
        largest
    }

    /// The last touches: wide, and no overlaps.
    fn finish(&mut self) {
        self.settled = true;
        self.widen();
        self.resolve_overlaps();
    }
}

impl ForceLayout {
    /// Builds the levels of a large layout and places the coarsest at random in a disc.
    fn start_multilevel(&mut self, mut rng: fastrand::Rng) {
        let finest = multilevel::finest(self.request.node_count, &self.request.links);
        let levels = multilevel::hierarchy(finest);
        let Some(coarsest) = levels.last() else {
            return;
        };
        let total_mass: f32 = coarsest.masses.iter().sum();
        let radius = IDEAL_DISTANCE * total_mass.sqrt().max(1.0) * 0.5;
        let positions: Vec<[f32; 2]> = (0..coarsest.len())
            .map(|_| {
                let angle = rng.f32() * std::f32::consts::TAU;
                let distance = radius * rng.f32().sqrt();
                [distance * angle.cos(), distance * angle.sin()]
            })
            .collect();
        let work_total = levels
            .iter()
            .enumerate()
            .map(|(number, level)| {
                level.len() as f64 * f64::from(level_steps(number, levels.len()))
            })
            .sum();
        self.max_steps = level_steps(levels.len() - 1, levels.len());
        self.temperature = radius * 0.25;
        self.cooling = self.temperature / self.max_steps as f32;
        self.steps_done = 0;
        self.multilevel = Some(Box::new(Multilevel {
            level: levels.len() - 1,
            levels,
            positions,
            rng,
            tree: barnes_hut::QuadTree::default(),
            order: Vec::new(),
            stack: Vec::new(),
            force: Vec::new(),
            work_done: 0.0,
            work_total,
        }));
    }

    /// One step of the level being laid out; moves to the next finer level when it settles.
    fn step_multilevel(&mut self) -> f32 {
        let Some(state) = self.multilevel.as_deref_mut() else {
            return 0.0;
        };
        let level = &state.levels[state.level];
        let k = IDEAL_DISTANCE;
        let n = level.len();
        let positions = &mut state.positions;
        let force = &mut state.force;
        force.clear();
        force.resize(n, [0.0; 2]);
        state.tree.rebuild(positions, &level.masses);
        state.order.clear();
        state.order.extend_from_slice(state.tree.order());
        for &i in &state.order {
            let i = i as usize;
            state.tree.repel(
                &mut state.stack,
                positions,
                &level.masses,
                i,
                positions[i],
                level.masses[i],
                k * k,
                THETA,
                &mut force[i],
            );
        }
        for &(a, b, weight) in &level.links {
            let (a, b) = (a as usize, b as usize);
            let d = [
                positions[a][0] - positions[b][0],
                positions[a][1] - positions[b][1],
            ];
            // Fruchterman–Reingold: weight · d² / k along the link.
            let pull = weight * (d[0] * d[0] + d[1] * d[1]).sqrt() / k;
            force[a][0] -= d[0] * pull;
            force[a][1] -= d[1] * pull;
            force[b][0] += d[0] * pull;
            force[b][1] += d[1] * pull;
        }
        let mut largest = 0.0_f32;
        for (i, (p, f)) in positions.iter_mut().zip(force.iter()).enumerate() {
            let mass = level.masses[i].max(f32::EPSILON);
            let gravity = if level.linked[i] {
                GRAVITY
            } else {
                GRAVITY * UNLINKED_GRAVITY
            };
            // Per unit of mass: a group moves like the nodes it stands for.
            let f = [f[0] / mass - p[0] * gravity, f[1] / mass - p[1] * gravity];
            let length = (f[0] * f[0] + f[1] * f[1]).sqrt();
            if length <= f32::EPSILON || !length.is_finite() {
                continue;
            }
            let moved = length.min(self.temperature);
            p[0] += f[0] / length * moved;
            p[1] += f[1] / length * moved;
            largest = largest.max(moved);
        }
        state.work_done += n as f64;
        self.steps_done += 1;
        self.temperature = (self.temperature - self.cooling).max(0.0);
        if self.steps_done < self.max_steps && largest >= 0.05 {
            return largest;
        }
        if state.level == 0 {
            self.positions = std::mem::take(&mut state.positions);
            self.multilevel = None;
            self.finish();
            return largest;
        }
        // Refine: each node of the finer level starts at its group's place, a little apart.
        let coarse = std::mem::take(&mut state.positions);
        let groups = &state.levels[state.level].group_of_finer;
        let jitter = k * REFINE_JITTER;
        state.positions = groups
            .iter()
            .map(|&group| {
                let at = coarse.get(group as usize).copied().unwrap_or([0.0, 0.0]);
                let angle = state.rng.f32() * std::f32::consts::TAU;
                let distance = jitter * state.rng.f32().sqrt();
                [
                    at[0] + distance * angle.cos(),
                    at[1] + distance * angle.sin(),
                ]
            })
            .collect();
        state.level -= 1;
        self.max_steps = level_steps(state.level, state.levels.len());
        self.temperature = k * REFINE_TEMPERATURE;
        self.cooling = self.temperature / self.max_steps as f32;
        self.steps_done = 0;
        largest
    }
}

/// How many steps a level gets: the coarsest many (it is small), the others a few (they
/// start close to where they end).
fn level_steps(level: usize, levels: usize) -> u32 {
    if level + 1 == levels {
        COARSEST_STEPS
    } else if level == 0 {
        FINEST_STEPS
    } else {
        REFINE_STEPS
    }
}

/// Above this many nodes, the layout is multilevel with Barnes–Hut repulsion.
pub const MULTILEVEL_MIN_NODES: usize = 400;
/// How far a far cell must be to count as one point: its side over its distance.
const THETA: f32 = 1.0;
/// Steps of the coarsest level, of the levels between, and of the finest.
const COARSEST_STEPS: u32 = 300;
const REFINE_STEPS: u32 = 60;
const FINEST_STEPS: u32 = 30;
/// How far a node starts from its group's place when a level is refined, in ideal distances.
const REFINE_JITTER: f32 = 0.5;
/// The first step size when a level is refined, in ideal distances.
const REFINE_TEMPERATURE: f32 = 2.0;
/// How much more unlinked nodes are pulled toward the centre.
const UNLINKED_GRAVITY: f32 = 8.0;

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
        let mut grid = CellIndex::default();
        let mut visit: Vec<u32> = Vec::new();
        let mut near: [std::ops::Range<usize>; 9] = Default::default();
        for _round in 0..OVERLAP_ROUNDS {
            grid.rebuild(&self.positions, cell);
            // Small layouts in number order (as they always were); large ones cell by cell,
            // so that consecutive nodes share their neighbouring cells.
            visit.clear();
            if self.multilevel_sized() {
                visit.extend_from_slice(&grid.points);
            } else {
                visit.extend(0..self.positions.len() as u32);
            }
            let mut near_cell = None;
            let mut moved = false;
            for &i in &visit {
                let i = i as usize;
                let here = grid.cell_of(self.positions[i]);
                if near_cell != Some(here) {
                    near_cell = Some(here);
                    for (slot, (dx, dy)) in near.iter_mut().zip(NEIGHBOUR_CELLS) {
                        *slot = grid.range((here.0 + dx, here.1 + dy));
                    }
                }
                for range in &near {
                    for &j in &grid.points[range.clone()] {
                        let j = j as usize;
                        if j <= i {
                            continue;
                        }
                        let wanted = radius(i) + radius(j) + OVERLAP_PADDING;
                        let (d, length) = separation(self.positions[i], self.positions[j], i, j);
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
            if !moved {
                break;
            }
        }
    }
}

/// Points by grid cell, each cell's points in increasing number order: a dense table of
/// cells when the points cover few cells for their number, else a sorted list searched by
/// halves (a few far-flung points then cost nothing).
#[derive(Debug, Default)]
struct CellIndex {
    cell: f32,
    /// The smallest cell and the number of columns and rows of the dense table.
    corner: (i32, i32),
    columns: i64,
    rows: i64,
    /// Dense: where each cell's points start in `points` (one more entry than cells).
    starts: Vec<u32>,
    /// Sorted: `(cell, point)` for every point.
    entries: Vec<((i32, i32), u32)>,
    /// The points, cell by cell.
    points: Vec<u32>,
}

impl CellIndex {
    fn rebuild(&mut self, positions: &[[f32; 2]], cell: f32) {
        self.cell = cell;
        self.points.clear();
        self.starts.clear();
        self.entries.clear();
        let (mut low, mut high) = ((i32::MAX, i32::MAX), (i32::MIN, i32::MIN));
        for &p in positions {
            let (x, y) = self.cell_of(p);
            low = (low.0.min(x), low.1.min(y));
            high = (high.0.max(x), high.1.max(y));
        }
        self.corner = low;
        self.columns = (i64::from(high.0) - i64::from(low.0) + 1).max(0);
        self.rows = (i64::from(high.1) - i64::from(low.1) + 1).max(0);
        if self.columns * self.rows <= 8 * positions.len() as i64 + 64 {
            let cells = (self.columns * self.rows) as usize;
            self.starts.resize(cells + 1, 0);
            let slots: Vec<usize> = positions
                .iter()
                .map(|&p| self.dense_slot(self.cell_of(p)).unwrap_or(0))
                .collect();
            for &slot in &slots {
                self.starts[slot + 1] += 1;
            }
            for c in 0..cells {
                self.starts[c + 1] += self.starts[c];
            }
            let mut fill = self.starts.clone();
            self.points.resize(positions.len(), 0);
            for (i, &slot) in slots.iter().enumerate() {
                self.points[fill[slot] as usize] = i as u32;
                fill[slot] += 1;
            }
        } else {
            let mut entries = std::mem::take(&mut self.entries);
            entries.extend(
                positions
                    .iter()
                    .enumerate()
                    .map(|(i, &p)| (self.cell_of(p), i as u32)),
            );
            entries.sort_unstable();
            self.points.extend(entries.iter().map(|&(_, i)| i));
            self.entries = entries;
        }
    }

    fn cell_of(&self, p: [f32; 2]) -> (i32, i32) {
        (
            (p[0] / self.cell).floor() as i32,
            (p[1] / self.cell).floor() as i32,
        )
    }

    /// A cell's place in the dense table (`None`: outside it).
    fn dense_slot(&self, (x, y): (i32, i32)) -> Option<usize> {
        let column = i64::from(x) - i64::from(self.corner.0);
        let row = i64::from(y) - i64::from(self.corner.1);
        ((0..self.columns).contains(&column) && (0..self.rows).contains(&row))
            .then(|| (row * self.columns + column) as usize)
    }

    /// Where the points of a cell are in `points` (in increasing number order).
    fn range(&self, cell: (i32, i32)) -> std::ops::Range<usize> {
        if !self.starts.is_empty() {
            return match self.dense_slot(cell) {
                Some(slot) => self.starts[slot] as usize..self.starts[slot + 1] as usize,
                None => 0..0,
            };
        }
        let start = self.entries.partition_point(|&(c, _)| c < cell);
        let end = start + self.entries[start..].partition_point(|&(c, _)| c == cell);
        start..end
    }
}

/// The cells around a cell and itself, in the order overlaps are resolved.
const NEIGHBOUR_CELLS: [(i32, i32); 9] = [
    (-1, -1),
    (-1, 0),
    (-1, 1),
    (0, -1),
    (0, 0),
    (0, 1),
    (1, -1),
    (1, 0),
    (1, 1),
];

impl ForceLayout {
    /// Whether the layout is large enough to be laid out on several levels.
    fn multilevel_sized(&self) -> bool {
        self.positions.len() > MULTILEVEL_MIN_NODES
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

    /// A large membership-like graph in ten communities: hubs with many members, members
    /// in a few hubs of their own community each.
    fn large_request(nodes: usize, seed: u64) -> LayoutRequest {
        let hubs = nodes / 5;
        let mut rng = fastrand::Rng::with_seed(seed);
        let mut links = Vec::new();
        for member in hubs..nodes {
            for _ in 0..3 {
                let hub = (rng.usize(0..hubs / 10) * 10 + member % 10).min(hubs - 1);
                links.push((member, hub, 0.8));
            }
        }
        LayoutRequest {
            node_count: nodes,
            links,
            seed,
            radii: (0..nodes)
                .map(|i| if i < hubs { 15.0 } else { 6.0 })
                .collect(),
        }
    }

    #[test]
    fn large_layouts_are_seeded_spread_and_keep_ties_short() {
        let request = large_request(2_000, 4);
        assert!(request.node_count > MULTILEVEL_MIN_NODES);
        let p = ForceLayout::run(request.clone());
        assert_eq!(
            p,
            ForceLayout::run(request.clone()),
            "same seed, same picture"
        );
        assert!(p.iter().all(|q| q[0].is_finite() && q[1].is_finite()));
        let distance = |a: usize, b: usize| (p[a][0] - p[b][0]).hypot(p[a][1] - p[b][1]);
        // Tied nodes are on average much closer than nodes picked at random.
        let tied = request
            .links
            .iter()
            .map(|&(a, b, _)| distance(a, b))
            .sum::<f32>()
            / request.links.len() as f32;
        let mut rng = fastrand::Rng::with_seed(9);
        let random = (0..3_000)
            .map(|_| distance(rng.usize(0..2_000), rng.usize(0..2_000)))
            .sum::<f32>()
            / 3_000.0;
        assert!(tied * 3.0 < random, "tied {tied}, random {random}");
        // Nearly no two nodes overlap (overlap removal has a bounded number of rounds).
        let radius = |i: usize| request.radii[i];
        let mut overlapping = 0;
        for a in 0..2_000 {
            for b in a + 1..2_000 {
                if distance(a, b) < (radius(a) + radius(b)) * 0.9 {
                    overlapping += 1;
                }
            }
        }
        assert!(overlapping < 30, "{overlapping} overlapping pairs");
        // Wider than tall, as a window is.
        let width = p.iter().map(|q| q[0]).fold(f32::MIN, f32::max)
            - p.iter().map(|q| q[0]).fold(f32::MAX, f32::min);
        let height = p.iter().map(|q| q[1]).fold(f32::MIN, f32::max)
            - p.iter().map(|q| q[1]).fold(f32::MAX, f32::min);
        assert!(width > height * 1.2, "{width} × {height}");
    }

    #[test]
    fn large_layouts_report_progress_and_stop_when_asked() {
        let mut seen = Vec::new();
        let finished = ForceLayout::run_with(large_request(1_000, 2), |progress| {
            seen.push(progress);
            std::ops::ControlFlow::Continue(())
        });
        assert!(finished.is_ok_and(|p| p.len() == 1_000));
        assert!(
            seen.windows(2).all(|pair| pair[0] <= pair[1]),
            "progress only grows"
        );
        assert_eq!(seen.last().copied(), Some(1.0));
        assert!(seen.iter().any(|&p| p > 0.2 && p < 0.8));
        let mut steps = 0;
        let stopped = ForceLayout::run_with(large_request(1_000, 2), |_| {
            steps += 1;
            if steps == 5 {
                std::ops::ControlFlow::Break(())
            } else {
                std::ops::ControlFlow::Continue(())
            }
        });
        assert_eq!(steps, 5);
        // Stopped early: every node has a place of its own all the same.
        let Err(partial) = stopped else {
            panic!("the layout did not stop");
        };
        assert_eq!(partial.len(), 1_000);
        let mut spots: Vec<(i64, i64)> = partial
            .iter()
            .map(|p| ((p[0] * 10.0) as i64, (p[1] * 10.0) as i64))
            .collect();
        spots.sort_unstable();
        spots.dedup();
        assert_eq!(spots.len(), 1_000);
    }

    #[test]
    fn fingerprints_follow_the_request() {
        let request = large_request(500, 1);
        assert_eq!(request.fingerprint(), request.clone().fingerprint());
        let mut moved = request.clone();
        moved.links[3].1 += 1;
        assert_ne!(moved.fingerprint(), request.fingerprint());
        let mut bigger = request.clone();
        bigger.radii[0] += 1.0;
        assert_ne!(bigger.fingerprint(), request.fingerprint());
        let mut reseeded = request.clone();
        reseeded.seed += 1;
        assert_ne!(reseeded.fingerprint(), request.fingerprint());
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
