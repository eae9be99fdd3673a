//! Which node is under a point: a uniform grid over the nodes' discs, so the network view
//! finds the node under the pointer by looking in a few cells instead of at every node
//! (what a hover costs stays flat at tens of thousands of nodes).

/// The nodes' discs in a grid of square cells, each cell listing the discs that reach it.
#[derive(Clone, Debug, Default)]
pub struct HitGrid {
    /// The grid's top-left corner.
    origin: [f32; 2],
    /// The side of a cell.
    cell: f32,
    columns: usize,
    rows: usize,
    /// Where each cell's list starts in `items` (one more entry than cells).
    starts: Vec<u32>,
    /// The node numbers listed by the cells, cell after cell.
    items: Vec<u32>,
    /// Every node's disc by its number (`None`: not hittable).
    discs: Vec<Option<([f32; 2], f32)>>,
}

/// The most cells a grid has: enough for a few nodes a cell at any size.
const MAX_CELLS: usize = 1 << 18;

impl HitGrid {
    /// A grid over the discs (centre and radius) of the nodes that can be hit, by node
    /// number (`None` for a hidden node).
    pub fn new(discs: Vec<Option<([f32; 2], f32)>>) -> Self {
        let shown = || discs.iter().flatten().filter(|(c, r)| is_sane(*c, *r));
        let count = shown().count();
        if count == 0 {
            return Self {
                discs,
                ..Self::default()
            };
        }
        let (mut min, mut max) = ([f32::MAX; 2], [f32::MIN; 2]);
        let mut largest = 0.0_f32;
        for (centre, radius) in shown() {
            for axis in 0..2 {
                min[axis] = min[axis].min(centre[axis] - radius);
                max[axis] = max[axis].max(centre[axis] + radius);
            }
            largest = largest.max(*radius);
        }
        let (width, height) = ((max[0] - min[0]).max(1.0), (max[1] - min[1]).max(1.0));
        // About two nodes a cell, never smaller than a typical disc.
        let target_cells = (count / 2).clamp(1, MAX_CELLS) as f32;
        let cell = (width * height / target_cells)
            .sqrt()
            .max(largest.min(width.max(height)) / 4.0)
            .max(1e-3);
        let columns = ((width / cell).ceil() as usize).clamp(1, MAX_CELLS);
        let rows = ((height / cell).ceil() as usize).clamp(1, MAX_CELLS / columns);
        let mut grid = Self {
            origin: min,
            cell,
            columns,
            rows,
            starts: Vec::new(),
            items: Vec::new(),
            discs,
        };
        // Counting sort: how many discs reach each cell, then fill.
        let mut counts = vec![0_u32; columns * rows + 1];
        grid.each_span(|cell| counts[cell] += 1);
        let mut total = 0_u32;
        for count in &mut counts {
            let here = *count;
            *count = total;
            total += here;
        }
        grid.starts = counts;
        grid.items = vec![0; total as usize];
        let mut next = grid.starts.clone();
        let spans: Vec<(usize, u32)> = {
            let mut spans = Vec::new();
            for (number, disc) in grid.discs.iter().enumerate() {
                if let Some((centre, radius)) = disc
                    && is_sane(*centre, *radius)
                {
                    grid.cells_of(*centre, *radius, |cell| spans.push((cell, number as u32)));
                }
            }
            spans
        };
        for (cell, number) in spans {
            grid.items[next[cell] as usize] = number;
            next[cell] += 1;
        }
        grid
    }

    fn each_span(&self, mut f: impl FnMut(usize)) {
        for (centre, radius) in self.discs.iter().flatten() {
            if is_sane(*centre, *radius) {
                self.cells_of(*centre, *radius, &mut f);
            }
        }
    }

    /// Calls `f` with every cell a disc reaches.
    fn cells_of(&self, centre: [f32; 2], radius: f32, mut f: impl FnMut(usize)) {
        let (x0, y0) = self.cell_at([centre[0] - radius, centre[1] - radius]);
        let (x1, y1) = self.cell_at([centre[0] + radius, centre[1] + radius]);
        for y in y0..=y1 {
            for x in x0..=x1 {
                f(y * self.columns + x);
            }
        }
    }

    /// The cell a point falls in, clamped to the grid.
    fn cell_at(&self, point: [f32; 2]) -> (usize, usize) {
        let along = |value: f32, origin: f32, count: usize| {
            (((value - origin) / self.cell).floor().max(0.0) as usize).min(count - 1)
        };
        (
            along(point[0], self.origin[0], self.columns),
            along(point[1], self.origin[1], self.rows),
        )
    }

    /// The node under `point`: the one whose centre is closest among those whose disc,
    /// widened to at least `min_radius`, holds the point (small nodes stay easy to hit).
    pub fn node_at(&self, point: [f32; 2], min_radius: f32) -> Option<usize> {
        if self.columns == 0 || !point.iter().all(|v| v.is_finite()) {
            return None;
        }
        let reach = min_radius.max(0.0);
        let mut best: Option<(f32, usize)> = None;
        let (x0, y0) = self.cell_at([point[0] - reach, point[1] - reach]);
        let (x1, y1) = self.cell_at([point[0] + reach, point[1] + reach]);
        for y in y0..=y1 {
            for x in x0..=x1 {
                let cell = y * self.columns + x;
                let (from, to) = (self.starts[cell] as usize, self.starts[cell + 1] as usize);
                for &number in &self.items[from..to] {
                    let Some(Some((centre, radius))) = self.discs.get(number as usize) else {
                        continue;
                    };
                    let (dx, dy) = (point[0] - centre[0], point[1] - centre[1]);
                    let distance = (dx * dx + dy * dy).sqrt();
                    if distance <= radius.max(reach)
                        && best.is_none_or(|(closest, _)| distance < closest)
                    {
                        best = Some((distance, number as usize));
                    }
                }
            }
        }
        // A node smaller than `min_radius` is listed only in the cells its own disc
        // reaches: the cells around the point were searched out to that reach.
        best.map(|(_, number)| number)
    }
}

fn is_sane(centre: [f32; 2], radius: f32) -> bool {
    centre.iter().all(|v| v.is_finite()) && radius.is_finite() && radius >= 0.0
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The node under a point by looking at every node: what the grid must agree with.
    fn scan(discs: &[Option<([f32; 2], f32)>], point: [f32; 2], min: f32) -> Option<usize> {
        let mut best: Option<(f32, usize)> = None;
        for (number, disc) in discs.iter().enumerate() {
            let Some((centre, radius)) = disc else {
                continue;
            };
            let distance = ((point[0] - centre[0]).powi(2) + (point[1] - centre[1]).powi(2)).sqrt();
            if distance <= radius.max(min) && best.is_none_or(|(closest, _)| distance < closest) {
                best = Some((distance, number));
            }
        }
        best.map(|(_, number)| number)
    }

    #[test]
    fn finds_the_closest_disc_under_a_point() {
        let discs = vec![
            Some(([0.0, 0.0], 10.0)),
            Some(([15.0, 0.0], 10.0)),
            None,
            Some(([100.0, 100.0], 2.0)),
        ];
        let grid = HitGrid::new(discs);
        assert_eq!(grid.node_at([1.0, 0.0], 0.0), Some(0));
        assert_eq!(grid.node_at([9.0, 0.0], 0.0), Some(1));
        assert_eq!(grid.node_at([50.0, 50.0], 0.0), None);
        // A small node is hit from a little further when a minimum radius is asked for.
        assert_eq!(grid.node_at([104.0, 100.0], 0.0), None);
        assert_eq!(grid.node_at([104.0, 100.0], 5.0), Some(3));
        // Outside the grid, and absurd points.
        assert_eq!(grid.node_at([-500.0, 0.0], 5.0), None);
        assert_eq!(grid.node_at([f32::NAN, 0.0], 5.0), None);
        assert_eq!(HitGrid::new(Vec::new()).node_at([0.0, 0.0], 5.0), None);
    }

    #[test]
    fn agrees_with_looking_at_every_node() {
        // A seeded cloud of discs of mixed sizes, some hidden, some huge.
        let mut seed = 7_u64;
        let mut next = || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((seed >> 33) as f32) / (1_u64 << 31) as f32
        };
        let discs: Vec<Option<([f32; 2], f32)>> = (0..3_000)
            .map(|i| {
                let centre = [next() * 2_000.0 - 1_000.0, next() * 1_000.0];
                let radius = if i % 500 == 0 {
                    150.0
                } else {
                    1.0 + next() * 12.0
                };
                (i % 7 != 0).then_some((centre, radius))
            })
            .collect();
        let grid = HitGrid::new(discs.clone());
        for _ in 0..2_000 {
            let point = [next() * 2_200.0 - 1_100.0, next() * 1_200.0 - 100.0];
            let min = next() * 8.0;
            assert_eq!(
                grid.node_at(point, min),
                scan(&discs, point, min),
                "{point:?}"
            );
        }
    }
}
