//! Barnes–Hut repulsion: a quadtree over weighted points answers "the push on this point from
//! all the others" in O(log n), treating a far cell as one point at its centre of mass.

/// Most points a leaf holds (they repel each other exactly).
const LEAF_SIZE: usize = 8;
/// Deeper than this, points are (nearly) on one spot: the cell becomes a leaf whatever its size.
const MAX_DEPTH: u32 = 24;
/// "No child".
const NONE: u32 = u32::MAX;

/// A square cell of the tree.
#[derive(Clone, Copy, Debug)]
struct Cell {
    /// The smaller corner.
    min: [f32; 2],
    /// The side length.
    size: f32,
    /// The centre of mass of the points inside.
    centre: [f32; 2],
    /// Their total mass.
    mass: f32,
    /// The four quadrants (`NONE` when empty); all `NONE` in a leaf.
    children: [u32; 4],
    /// The range of [`QuadTree::order`] the cell's points occupy.
    start: u32,
    end: u32,
}

/// A quadtree over points with masses, rebuilt at each step of a layout.
#[derive(Clone, Debug, Default)]
pub(super) struct QuadTree {
    cells: Vec<Cell>,
    /// Point numbers, grouped so that each cell's points are contiguous.
    order: Vec<u32>,
}

impl QuadTree {
    /// Rebuilds the tree over `positions` with `masses` (the same length).
    pub(super) fn rebuild(&mut self, positions: &[[f32; 2]], masses: &[f32]) {
        self.cells.clear();
        self.order.clear();
        self.order.extend(0..positions.len() as u32);
        if positions.is_empty() {
            return;
        }
        let (mut min, mut max) = ([f32::MAX; 2], [f32::MIN; 2]);
        for p in positions {
            for axis in 0..2 {
                min[axis] = min[axis].min(p[axis]);
                max[axis] = max[axis].max(p[axis]);
            }
        }
        let size = (max[0] - min[0]).max(max[1] - min[1]).max(1.0) * 1.0001;
        self.build(positions, masses, min, size, 0, positions.len(), 0);
    }

    /// Builds the cell of `order[start..end]` (its square given) and returns its number.
    #[expect(clippy::too_many_arguments, reason = "a recursive builder's state")]
    fn build(
        &mut self,
        positions: &[[f32; 2]],
        masses: &[f32],
        min: [f32; 2],
        size: f32,
        start: usize,
        end: usize,
        depth: u32,
    ) -> u32 {
        let mut mass = 0.0_f32;
        let mut sum = [0.0_f32; 2];
        for &i in &self.order[start..end] {
            let (p, m) = (positions[i as usize], masses[i as usize]);
            mass += m;
            sum[0] += p[0] * m;
            sum[1] += p[1] * m;
        }
        let centre = if mass > 0.0 {
            [sum[0] / mass, sum[1] / mass]
        } else {
            [min[0] + size / 2.0, min[1] + size / 2.0]
        };
        let number = self.cells.len() as u32;
        self.cells.push(Cell {
            min,
            size,
            centre,
            mass,
            children: [NONE; 4],
            start: start as u32,
            end: end as u32,
        });
        if end - start <= LEAF_SIZE || depth >= MAX_DEPTH {
            return number;
        }
        // Partition into quadrants: first by x (left | right), then each half by y.
        let half = size / 2.0;
        let middle = [min[0] + half, min[1] + half];
        let split_x = partition(&mut self.order[start..end], |i| {
            positions[i as usize][0] < middle[0]
        }) + start;
        let split_low = partition(&mut self.order[start..split_x], |i| {
            positions[i as usize][1] < middle[1]
        }) + start;
        let split_high = partition(&mut self.order[split_x..end], |i| {
            positions[i as usize][1] < middle[1]
        }) + split_x;
        let quadrants = [
            (start, split_low, [min[0], min[1]]),
            (split_low, split_x, [min[0], middle[1]]),
            (split_x, split_high, [middle[0], min[1]]),
            (split_high, end, [middle[0], middle[1]]),
        ];
        let mut children = [NONE; 4];
        for (slot, (from, to, corner)) in children.iter_mut().zip(quadrants) {
            if to > from {
                *slot = self.build(positions, masses, corner, half, from, to, depth + 1);
            }
        }
        self.cells[number as usize].children = children;
        number
    }

    /// The point numbers in the tree's order: points near each other come together, so
    /// querying them in this order reuses what the cache holds.
    pub(super) fn order(&self) -> &[u32] {
        &self.order
    }

    /// Adds to `force` the push on point `i` (at `p`, of mass `mass`) from every other point:
    /// `strength · mass · m / d` away from each, far cells (side / distance < `theta`)
    /// taken as one point.
    #[expect(clippy::too_many_arguments, reason = "the query and the point's data")]
    pub(super) fn repel(
        &self,
        stack: &mut Vec<u32>,
        positions: &[[f32; 2]],
        masses: &[f32],
        i: usize,
        p: [f32; 2],
        mass: f32,
        strength: f32,
        theta: f32,
        force: &mut [f32; 2],
    ) {
        if self.cells.is_empty() {
            return;
        }
        let theta_squared = theta * theta;
        stack.clear();
        stack.push(0);
        while let Some(number) = stack.pop() {
            let cell = self.cells[number as usize];
            if cell.children == [NONE; 4] {
                for &j in &self.order[cell.start as usize..cell.end as usize] {
                    let j = j as usize;
                    if j == i {
                        continue;
                    }
                    push(force, p, positions[j], i, j, strength * mass * masses[j]);
                }
                continue;
            }
            let d = [p[0] - cell.centre[0], p[1] - cell.centre[1]];
            let distance_squared = d[0] * d[0] + d[1] * d[1];
            let inside = p[0] >= cell.min[0]
                && p[0] < cell.min[0] + cell.size
                && p[1] >= cell.min[1]
                && p[1] < cell.min[1] + cell.size;
            if !inside && cell.size * cell.size < theta_squared * distance_squared {
                let f = strength * mass * cell.mass / distance_squared;
                force[0] += d[0] * f;
                force[1] += d[1] * f;
            } else {
                stack.extend(cell.children.iter().copied().filter(|&c| c != NONE));
            }
        }
    }
}

/// The push `strength / d` on a point at `p` away from one at `q`; coincident points
/// separate in a direction fixed by their numbers.
fn push(force: &mut [f32; 2], p: [f32; 2], q: [f32; 2], i: usize, j: usize, strength: f32) {
    let (d, length) = super::separation(p, q, i, j);
    let f = strength / (length * length);
    force[0] += d[0] * f;
    force[1] += d[1] * f;
}

/// Moves the items for which `first` holds to the front (stable is not needed: the order
/// is a pure function of the input, so layouts stay deterministic); returns how many.
fn partition(items: &mut [u32], first: impl Fn(u32) -> bool) -> usize {
    let mut split = 0;
    for k in 0..items.len() {
        if first(items[k]) {
            items.swap(split, k);
            split += 1;
        }
    }
    split
}

#[cfg(test)]
mod tests {
    use super::QuadTree;

    /// The exact sum of pushes, for comparison.
    fn exact(positions: &[[f32; 2]], masses: &[f32], i: usize) -> [f32; 2] {
        let mut force = [0.0; 2];
        for j in 0..positions.len() {
            if j != i {
                super::push(
                    &mut force,
                    positions[i],
                    positions[j],
                    i,
                    j,
                    masses[i] * masses[j],
                );
            }
        }
        force
    }

    #[test]
    fn far_cells_approximate_the_exact_push() {
        let mut rng = fastrand::Rng::with_seed(11);
        let positions: Vec<[f32; 2]> = (0..2_000)
            .map(|_| [rng.f32() * 1000.0, rng.f32() * 600.0])
            .collect();
        let masses: Vec<f32> = (0..2_000).map(|k| 1.0 + (k % 3) as f32).collect();
        let mut tree = QuadTree::default();
        tree.rebuild(&positions, &masses);
        for i in [0, 17, 999, 1_999] {
            let mut approximate = [0.0; 2];
            tree.repel(
                &mut Vec::new(),
                &positions,
                &masses,
                i,
                positions[i],
                masses[i],
                1.0,
                0.5,
                &mut approximate,
            );
            let truth = exact(&positions, &masses, i);
            let error = (approximate[0] - truth[0]).hypot(approximate[1] - truth[1]);
            let size = truth[0].hypot(truth[1]);
            assert!(
                error < 0.05 * size + 1e-3,
                "{i}: {approximate:?} vs {truth:?}"
            );
        }
    }

    #[test]
    fn points_on_one_spot_do_not_recurse_forever() {
        let positions = vec![[5.0, 5.0]; 100];
        let masses = vec![1.0; 100];
        let mut tree = QuadTree::default();
        tree.rebuild(&positions, &masses);
        let mut force = [0.0; 2];
        tree.repel(
            &mut Vec::new(),
            &positions,
            &masses,
            3,
            [5.0, 5.0],
            1.0,
            1.0,
            0.9,
            &mut force,
        );
        assert!(force[0].is_finite() && force[1].is_finite());
        assert!(force[0].hypot(force[1]) > 0.0);
    }
}
