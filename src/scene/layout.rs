//! A seeded force-directed layout (Fruchterman–Reingold with a grid for repulsion and a
//! pull toward the centre), computed once for the whole dataset so that positions stay put
//! while the date changes: a viewer keeps their mental map.

/// The ideal distance between linked nodes, in layout units.
pub const IDEAL_DISTANCE: f32 = 48.0;

/// The input of a layout: how many nodes, which are linked and how strongly.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LayoutRequest {
    /// The number of nodes.
    pub node_count: usize,
    /// Links as `(a, b, weight)`; a weight of 1 is an ordinary link.
    pub links: Vec<(usize, usize, f32)>,
    /// The seed of the initial positions: the same request gives the same picture.
    pub seed: u64,
}

/// A layout in progress or finished.
#[derive(Clone, Debug)]
pub struct ForceLayout {
    request: LayoutRequest,
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
        let max_steps = 400;
        let temperature = radius * 0.25;
        Self {
            request,
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
        let k = IDEAL_DISTANCE;
        let mut force = vec![[0.0_f32; 2]; n];

        // Repulsion between nodes closer than the grid's reach.
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
                        let q = self.positions[j];
                        let mut d = [p[0] - q[0], p[1] - q[1]];
                        let mut length = (d[0] * d[0] + d[1] * d[1]).sqrt();
                        if length < 0.01 {
                            // Coincident nodes: push apart along a direction fixed by indices.
                            let angle = (i * 7 + j * 13) as f32;
                            d = [angle.cos(), angle.sin()];
                            length = 0.01;
                        }
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

        // A gentle pull toward the centre keeps separate components together.
        let gravity = 0.04 * k;
        for (i, p) in self.positions.iter().enumerate() {
            let length = (p[0] * p[0] + p[1] * p[1]).sqrt().max(0.01);
            force[i][0] -= p[0] / length * gravity * (length / k).sqrt();
            force[i][1] -= p[1] / length * gravity * (length / k).sqrt();
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
        }
        largest
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
    fn empty_request_is_settled() {
        assert!(ForceLayout::new(LayoutRequest::default()).is_settled());
    }
}
