//! Coarsening for the multilevel layout (as in sfdp): tied nodes are merged into groups,
//! level after level, until a few dozen remain; the layout starts from the coarsest level
//! and refines, each node starting where its group ended.

/// Stop coarsening at this many nodes.
const COARSEST_NODES: usize = 60;
/// Stop when a level shrinks less than this (little left to merge).
const LEAST_SHRINK: f32 = 0.85;

/// One level of the hierarchy: a graph of groups of the level below.
#[derive(Clone, Debug, Default)]
pub(super) struct Level {
    /// Links as `(a, b, weight)`, `a < b`, one per pair, weights summed.
    pub links: Vec<(u32, u32, f32)>,
    /// The mass of each node: how many nodes of the finest level it stands for.
    pub masses: Vec<f32>,
    /// Whether each node has a link.
    pub linked: Vec<bool>,
    /// For each node of the level below (finer), its group here; empty on the finest level.
    pub group_of_finer: Vec<u32>,
}

impl Level {
    /// The number of nodes.
    pub fn len(&self) -> usize {
        self.masses.len()
    }
}

/// The finest level: the request's own graph (self-links and links to missing nodes left
/// out, parallel links merged).
pub(super) fn finest(node_count: usize, links: &[(usize, usize, f32)]) -> Level {
    let mut merged: Vec<(u32, u32, f32)> = links
        .iter()
        .filter(|&&(a, b, _)| a != b && a < node_count && b < node_count)
        .map(|&(a, b, weight)| (a.min(b) as u32, a.max(b) as u32, weight))
        .collect();
    merge_parallel(&mut merged);
    let mut linked = vec![false; node_count];
    for &(a, b, _) in &merged {
        linked[a as usize] = true;
        linked[b as usize] = true;
    }
    Level {
        links: merged,
        masses: vec![1.0; node_count],
        linked,
        group_of_finer: Vec::new(),
    }
}

/// Every level from the finest (first) to the coarsest (last).
pub(super) fn hierarchy(finest: Level) -> Vec<Level> {
    let mut levels = vec![finest];
    while let Some(level) = levels.last() {
        if level.len() <= COARSEST_NODES {
            break;
        }
        let coarser = coarsen(level);
        if coarser.len() as f32 > level.len() as f32 * LEAST_SHRINK {
            break;
        }
        levels.push(coarser);
    }
    levels
}

/// Merges a level's nodes into groups: each node with its heaviest free neighbour (light
/// nodes first, so that hubs collect their leaves), then each node left alone into the
/// group of its heaviest neighbour, then unlinked nodes two by two.
fn coarsen(level: &Level) -> Level {
    let n = level.len();
    // Neighbour lists (compressed rows).
    let mut degree = vec![0_u32; n + 1];
    for &(a, b, _) in &level.links {
        degree[a as usize] += 1;
        degree[b as usize] += 1;
    }
    let mut offsets = vec![0_u32; n + 1];
    for i in 0..n {
        offsets[i + 1] = offsets[i] + degree[i];
    }
    let mut fill = offsets.clone();
    let mut neighbours = vec![(0_u32, 0.0_f32); offsets[n] as usize];
    for &(a, b, weight) in &level.links {
        for (from, to) in [(a, b), (b, a)] {
            let slot = &mut fill[from as usize];
            neighbours[*slot as usize] = (to, weight);
            *slot += 1;
        }
    }
    let around = |i: usize| &neighbours[offsets[i] as usize..offsets[i + 1] as usize];

    const FREE: u32 = u32::MAX;
    let mut group = vec![FREE; n];
    let mut groups = 0_u32;
    let mut visit: Vec<u32> = (0..n as u32).collect();
    visit.sort_by_key(|&i| (degree[i as usize], i));
    for &i in &visit {
        let i = i as usize;
        if group[i] != FREE {
            continue;
        }
        // The heaviest free neighbour, per unit of mass (small partners first).
        let partner = around(i)
            .iter()
            .filter(|(j, _)| group[*j as usize] == FREE && *j as usize != i)
            .map(|&(j, weight)| (j, weight / level.masses[j as usize]))
            .fold(None, |best: Option<(u32, f32)>, (j, score)| match best {
                Some((_, top)) if top >= score => best,
                _ => Some((j, score)),
            });
        if let Some((j, _)) = partner {
            group[i] = groups;
            group[j as usize] = groups;
            groups += 1;
        }
    }
    // Nodes left alone join their heaviest neighbour's group.
    for &i in &visit {
        let i = i as usize;
        if group[i] != FREE {
            continue;
        }
        let host = around(i)
            .iter()
            .filter(|(j, _)| group[*j as usize] != FREE)
            .fold(None, |best: Option<(u32, f32)>, &(j, weight)| match best {
                Some((_, top)) if top >= weight => best,
                _ => Some((j, weight)),
            });
        if let Some((j, _)) = host {
            group[i] = group[j as usize];
        }
    }
    // Unlinked (or still alone) nodes, two by two in number order.
    let mut waiting: Option<usize> = None;
    for i in 0..n {
        if group[i] != FREE {
            continue;
        }
        match waiting.take() {
            Some(first) => {
                group[first] = groups;
                group[i] = groups;
                groups += 1;
            }
            None => waiting = Some(i),
        }
    }
    if let Some(last) = waiting {
        group[last] = groups;
        groups += 1;
    }

    let count = groups as usize;
    let mut masses = vec![0.0_f32; count];
    for (i, &g) in group.iter().enumerate() {
        masses[g as usize] += level.masses[i];
    }
    let mut links: Vec<(u32, u32, f32)> = level
        .links
        .iter()
        .filter_map(|&(a, b, weight)| {
            let (ga, gb) = (group[a as usize], group[b as usize]);
            (ga != gb).then(|| (ga.min(gb), ga.max(gb), weight))
        })
        .collect();
    merge_parallel(&mut links);
    let mut linked = vec![false; count];
    for (i, &g) in group.iter().enumerate() {
        if level.linked[i] {
            linked[g as usize] = true;
        }
    }
    Level {
        links,
        masses,
        linked,
        group_of_finer: group,
    }
}

/// Sorts links and sums the weights of links between the same two nodes.
fn merge_parallel(links: &mut Vec<(u32, u32, f32)>) {
    links.sort_by_key(|&(a, b, _)| (a, b));
    let mut merged: Vec<(u32, u32, f32)> = Vec::with_capacity(links.len());
    for &(a, b, weight) in links.iter() {
        match merged.last_mut() {
            Some(last) if last.0 == a && last.1 == b => last.2 += weight,
            _ => merged.push((a, b, weight)),
        }
    }
    *links = merged;
}

#[cfg(test)]
mod tests {
    use super::{finest, hierarchy};

    #[test]
    fn levels_shrink_and_keep_the_mass() {
        // Stars of ten leaves around 300 hubs, the hubs in a ring, and 50 loners.
        let mut links = Vec::new();
        for hub in 0..300 {
            links.push((hub, (hub + 1) % 300, 1.0));
            for leaf in 0..10 {
                links.push((hub, 300 + hub * 10 + leaf, 1.0));
            }
        }
        let n = 300 + 3_000 + 50;
        let levels = hierarchy(finest(n, &links));
        assert!(levels.len() >= 3, "{} levels", levels.len());
        for pair in levels.windows(2) {
            assert_eq!(pair[1].group_of_finer.len(), pair[0].len());
            assert!(pair[1].len() < pair[0].len());
            let total = |level: &super::Level| level.masses.iter().sum::<f32>();
            assert_eq!(total(&pair[1]), n as f32);
            assert!(
                pair[1]
                    .group_of_finer
                    .iter()
                    .all(|&g| (g as usize) < pair[1].len())
            );
        }
        assert!(levels.last().is_some_and(|level| level.len() < 200));
    }
}
