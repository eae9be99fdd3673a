//! How coalitions overlap at a date: for every pair of bodies, how many members they share.
//!
//! Built from one pass over the actors: each actor's bodies at the date (at the level) add
//! one to every pair among them, so the cost is the sum of the squares of the actors'
//! membership counts, not bodies squared times members.

use jiff::civil::Date;

use super::{BodyIx, Timeline};
use crate::model::Level;

/// Shared members of every pair of bodies at one date and level.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Overlap {
    bodies: usize,
    /// Row-major `bodies × bodies`; the diagonal holds each body's member count.
    shared: Vec<u32>,
}

/// One other body and what it shares with a given one.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Shared {
    /// The other body.
    pub body: BodyIx,
    /// Members of both.
    pub shared: u32,
    /// The other body's member count.
    pub size: u32,
    /// Shared members over members of either (0 to 1).
    pub jaccard: f32,
}

impl Overlap {
    /// The overlap of every pair of bodies at `date`, counting members at `level`.
    pub fn at(timeline: &Timeline, date: Date, level: Level) -> Self {
        let bodies = timeline.body_count();
        let mut shared = vec![0_u32; bodies * bodies];
        let mut mine: Vec<usize> = Vec::new();
        for actor in 0..timeline.actor_count() {
            mine.clear();
            let actor = super::ActorIx(u32::try_from(actor).unwrap_or(u32::MAX));
            mine.extend(
                timeline
                    .memberships_of(actor, date)
                    .iter()
                    .filter(|m| m.status.counts_at(level))
                    .map(|m| m.body.index())
                    .filter(|&b| b < bodies),
            );
            for (i, &a) in mine.iter().enumerate() {
                for &b in &mine[i..] {
                    shared[a * bodies + b] += 1;
                    if a != b {
                        shared[b * bodies + a] += 1;
                    }
                }
            }
        }
        Self { bodies, shared }
    }

    /// Members of both bodies (a body's own member count with itself).
    pub fn shared(&self, a: BodyIx, b: BodyIx) -> u32 {
        let (a, b) = (a.index(), b.index());
        if a < self.bodies && b < self.bodies {
            self.shared[a * self.bodies + b]
        } else {
            0
        }
    }

    /// A body's member count.
    pub fn size(&self, body: BodyIx) -> u32 {
        self.shared(body, body)
    }

    /// Shared members over members of either body: 1 for the same membership, 0 for none
    /// in common (or two empty bodies).
    pub fn jaccard(&self, a: BodyIx, b: BodyIx) -> f32 {
        let shared = self.shared(a, b);
        let union = self.size(a) + self.size(b) - shared;
        if union == 0 {
            0.0
        } else {
            shared as f32 / union as f32
        }
    }

    /// The number of bodies.
    pub fn body_count(&self) -> usize {
        self.bodies
    }
}

/// The bodies sharing members with `body` at `date` (members counted at `level`), most
/// alike first (by similarity, then most shared, then by index): one row of the
/// [`Overlap`] matrix, from the body's members' memberships only.
pub fn shared_with(timeline: &Timeline, body: BodyIx, date: Date, level: Level) -> Vec<Shared> {
    let sizes = timeline.counts_at(date, level);
    let size_of = |b: BodyIx| sizes.get(b.index()).copied().unwrap_or(0);
    let mut shared = vec![0_u32; timeline.body_count()];
    for member in timeline.members(body, date, level) {
        for membership in timeline.memberships_of(member.actor, date) {
            if membership.status.counts_at(level)
                && let Some(count) = shared.get_mut(membership.body.index())
            {
                *count += 1;
            }
        }
    }
    let own = size_of(body);
    let mut list: Vec<Shared> = shared
        .iter()
        .enumerate()
        .filter(|&(other, &count)| other != body.index() && count > 0)
        .map(|(other, &count)| {
            let other = BodyIx(u32::try_from(other).unwrap_or(u32::MAX));
            let size = size_of(other);
            let union = own + size - count;
            Shared {
                body: other,
                shared: count,
                size,
                jaccard: if union == 0 {
                    0.0
                } else {
                    count as f32 / union as f32
                },
            }
        })
        .collect();
    sort_shared(&mut list);
    list
}

/// Most alike first (Jaccard similarity), so that a near-universal body, which shares
/// every member with everyone, does not hide the coalitions of a similar membership.
fn sort_shared(list: &mut [Shared]) {
    list.sort_by(|a, b| {
        b.jaccard
            .total_cmp(&a.jaccard)
            .then(b.shared.cmp(&a.shared))
            .then(a.body.cmp(&b.body))
    });
}

/// An order of `bodies` for a matrix in which alike bodies sit side by side: the leaf order
/// of average-linkage clustering on the distance `1 − similarity`, the larger cluster of
/// each merge first. Deterministic (ties go to lower indices); cubic in the number of
/// bodies, meant for the few dozen a matrix shows.
pub fn matrix_order(overlap: &Overlap, bodies: &[BodyIx]) -> Vec<BodyIx> {
    // Each cluster: its members in leaf order.
    let mut clusters: Vec<Vec<BodyIx>> = bodies.iter().map(|&b| vec![b]).collect();
    let distance = |a: &[BodyIx], b: &[BodyIx]| -> f32 {
        let total: f32 = a
            .iter()
            .flat_map(|&x| b.iter().map(move |&y| 1.0 - overlap.jaccard(x, y)))
            .sum();
        total / (a.len() * b.len()).max(1) as f32
    };
    while clusters.len() > 1 {
        let mut best = (f32::INFINITY, 0, 1);
        for i in 0..clusters.len() {
            for j in i + 1..clusters.len() {
                let d = distance(&clusters[i], &clusters[j]);
                if d < best.0 {
                    best = (d, i, j);
                }
            }
        }
        let (_, i, j) = best;
        let second = clusters.remove(j);
        let first = std::mem::take(&mut clusters[i]);
        let size = |c: &[BodyIx]| c.iter().map(|&b| overlap.size(b)).sum::<u32>();
        clusters[i] = if size(&second) > size(&first) {
            [second, first].concat()
        } else {
            [first, second].concat()
        };
    }
    clusters.pop().unwrap_or_default()
}

/// At most this many bodies (the largest at the date) make a matrix in the app and in its
/// pictures, so that names and cells stay readable.
pub const MATRIX_MAX_BODIES: usize = 40;

/// The overlap matrix at one date: which bodies it shows, in an order where alike bodies sit
/// side by side, and their overlap. The app's window, its pictures and the command line's
/// CSV all draw this one value.
#[derive(Clone, Debug, PartialEq)]
pub struct OverlapMatrix {
    /// Shared members of every pair of bodies.
    pub overlap: Overlap,
    /// The bodies shown, in matrix order ([`matrix_order`]).
    pub order: Vec<BodyIx>,
    /// Bodies with members at the date that were left out (beyond the largest `max`).
    pub left_out: usize,
}

impl OverlapMatrix {
    /// The matrix at `date` (members counted at `level`) of the bodies with members among
    /// `among` (every body when empty): the `max` largest, then clustered.
    pub fn at(timeline: &Timeline, date: Date, level: Level, among: &[BodyIx], max: usize) -> Self {
        let overlap = Overlap::at(timeline, date, level);
        let mut largest: Vec<BodyIx> = (0..overlap.body_count())
            .map(|b| BodyIx(u32::try_from(b).unwrap_or(u32::MAX)))
            .filter(|b| among.is_empty() || among.contains(b))
            .filter(|&b| overlap.size(b) > 0)
            .collect();
        largest.sort_by(|&a, &b| overlap.size(b).cmp(&overlap.size(a)).then(a.cmp(&b)));
        let left_out = largest.len().saturating_sub(max);
        largest.truncate(max);
        let order = matrix_order(&overlap, &largest);
        Self {
            overlap,
            order,
            left_out,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::read_native_str;
    use jiff::civil::date;

    fn small() -> Timeline {
        let text = include_str!("../../tests/fixtures/ui/small.json");
        match read_native_str(text, "small.json") {
            Ok((dataset, _)) => Timeline::build(&dataset),
            Err(report) => panic!("fixture does not load: {}", report.summary()),
        }
    }

    #[test]
    fn shared_counts_match_the_member_lists() {
        let timeline = small();
        for (at, level) in [
            (date(2011, 12, 31), Level::Signatory),
            (date(2013, 6, 30), Level::Party),
            (date(2020, 1, 1), Level::InForce),
        ] {
            let overlap = Overlap::at(&timeline, at, level);
            let members = |b: BodyIx| -> Vec<_> {
                timeline
                    .members(b, at, level)
                    .into_iter()
                    .map(|m| m.actor)
                    .collect()
            };
            for a in 0..timeline.body_count() {
                for b in 0..timeline.body_count() {
                    let (a, b) = (BodyIx(a as u32), BodyIx(b as u32));
                    let of_a = members(a);
                    let both = members(b).iter().filter(|x| of_a.contains(x)).count();
                    assert_eq!(overlap.shared(a, b) as usize, both, "{a:?} {b:?} at {at}");
                    assert_eq!(overlap.shared(a, b), overlap.shared(b, a));
                }
            }
        }
    }

    #[test]
    fn bodies_sharing_members_are_listed_most_alike_first() {
        let timeline = small();
        let at = date(2012, 1, 31);
        let overlap = Overlap::at(&timeline, at, Level::Signatory);
        let acta = timeline.body_ix("acta").expect("acta");
        let list = shared_with(&timeline, acta, at, Level::Signatory);
        assert!(!list.is_empty());
        assert!(list.windows(2).all(|w| w[0].jaccard >= w[1].jaccard));
        assert!(list.iter().all(|s| s.body != acta && s.shared > 0));
        for s in &list {
            assert!((0.0..=1.0).contains(&s.jaccard));
            assert!(s.shared <= s.size.min(overlap.size(acta)));
        }
        assert_eq!(overlap.jaccard(acta, acta), 1.0);
    }

    /// An overlap from explicit member lists (actor numbers per body).
    fn from_members(members: &[&[u32]]) -> Overlap {
        let bodies = members.len();
        let mut shared = vec![0; bodies * bodies];
        for a in 0..bodies {
            for b in 0..bodies {
                shared[a * bodies + b] =
                    members[a].iter().filter(|x| members[b].contains(x)).count() as u32;
            }
        }
        Overlap { bodies, shared }
    }

    #[test]
    fn the_matrix_order_keeps_alike_bodies_together() {
        // Two families: bodies 0, 2, 4 share actors 1-5; bodies 1, 3 share actors 10-13.
        let overlap = from_members(&[
            &[1, 2, 3, 4, 5],
            &[10, 11, 12],
            &[1, 2, 3, 4],
            &[10, 11, 12, 13],
            &[2, 3, 4, 5],
        ]);
        let all: Vec<BodyIx> = (0..5).map(BodyIx).collect();
        let order = matrix_order(&overlap, &all);
        let mut sorted = order.clone();
        sorted.sort();
        assert_eq!(sorted, all, "every body once");
        let position = |b: u32| order.iter().position(|&x| x == BodyIx(b)).expect("placed");
        let first: Vec<usize> = [0, 2, 4].iter().map(|&b| position(b)).collect();
        let second: Vec<usize> = [1, 3].iter().map(|&b| position(b)).collect();
        let contiguous = |p: &[usize]| {
            p.iter().max().copied().unwrap_or(0) - p.iter().min().copied().unwrap_or(0) + 1
                == p.len()
        };
        assert!(contiguous(&first), "{order:?}");
        assert!(contiguous(&second), "{order:?}");
        assert_eq!(
            position(0),
            0,
            "the larger family first, its largest body leading"
        );
        assert_eq!(matrix_order(&overlap, &all), order, "deterministic");
        assert!(matrix_order(&overlap, &[]).is_empty());
    }

    #[test]
    fn one_body_s_list_is_the_matrix_row() {
        let timeline = small();
        for level in [Level::Signatory, Level::Party] {
            let at = date(2014, 10, 31);
            let overlap = Overlap::at(&timeline, at, level);
            for b in 0..timeline.body_count() {
                let body = BodyIx(b as u32);
                let list = shared_with(&timeline, body, at, level);
                let others: Vec<BodyIx> = (0..timeline.body_count())
                    .map(|o| BodyIx(o as u32))
                    .filter(|&o| o != body && overlap.shared(body, o) > 0)
                    .collect();
                assert_eq!(list.len(), others.len());
                for entry in &list {
                    assert!(others.contains(&entry.body));
                    assert_eq!(entry.shared, overlap.shared(body, entry.body));
                    assert_eq!(entry.size, overlap.size(entry.body));
                    assert_eq!(entry.jaccard, overlap.jaccard(body, entry.body));
                }
            }
        }
    }

    #[test]
    fn the_matrix_keeps_the_largest_bodies_with_members() {
        let timeline = small();
        let at = date(2018, 6, 30);
        let all = OverlapMatrix::at(&timeline, at, Level::Party, &[], usize::MAX);
        let with_members = (0..timeline.body_count())
            .map(|b| BodyIx(u32::try_from(b).unwrap_or(u32::MAX)))
            .filter(|&b| all.overlap.size(b) > 0)
            .count();
        assert_eq!(all.order.len(), with_members);
        assert_eq!(all.left_out, 0);
        assert!(
            all.order.len() >= 3,
            "the fixture has coalitions at mid-2018"
        );

        let two = OverlapMatrix::at(&timeline, at, Level::Party, &[], 2);
        assert_eq!(two.order.len(), 2);
        assert_eq!(two.left_out, with_members - 2);
        let smallest_kept = two.order.iter().map(|&b| two.overlap.size(b)).min();
        let largest_left = all
            .order
            .iter()
            .filter(|b| !two.order.contains(b))
            .map(|&b| all.overlap.size(b))
            .max();
        assert!(smallest_kept >= largest_left);

        let first = all.order[0];
        let among = OverlapMatrix::at(&timeline, at, Level::Party, &[first], usize::MAX);
        assert_eq!(among.order, vec![first]);
    }
}
