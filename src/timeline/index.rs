//! The timeline index and its queries.

use std::collections::HashMap;
use std::ops::Range;

use jiff::civil::Date;

use crate::model::{Dataset, Level, PartialDate, Status, StatusTracker};

/// The position of an actor in [`Dataset::actors`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ActorIx(pub u32);

/// The position of a body in [`Dataset::bodies`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct BodyIx(pub u32);

impl ActorIx {
    /// As a `usize` index.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

impl BodyIx {
    /// As a `usize` index.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// One status change of a pair: from `date` on, the pair has `status`, because of the
/// event at `event` (an index into [`Dataset::events`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Change {
    date: Date,
    status: Status,
    since: PartialDate,
    event: u32,
}

/// All status changes of one actor in one body.
#[derive(Clone, Debug)]
struct Pair {
    actor: ActorIx,
    body: BodyIx,
    changes: Vec<Change>,
}

impl Pair {
    fn at(&self, date: Date) -> Option<&Change> {
        let after = self.changes.partition_point(|change| change.date <= date);
        after.checked_sub(1).map(|i| &self.changes[i])
    }
}

/// An actor's standing in a body at a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Membership {
    /// The actor.
    pub actor: ActorIx,
    /// The body.
    pub body: BodyIx,
    /// The status at the date.
    pub status: Status,
    /// The date of the event that gave this status.
    pub since: PartialDate,
    /// That event, as an index into [`Dataset::events`].
    pub event: usize,
}

/// A count that changes in steps: `(date, value from that date on)`, sorted by date.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StepSeries {
    /// The steps; before the first step the value is 0.
    pub steps: Vec<(Date, u32)>,
}

impl StepSeries {
    /// The value at a date (inclusive).
    pub fn at(&self, date: Date) -> u32 {
        let after = self.steps.partition_point(|&(step, _)| step <= date);
        after.checked_sub(1).map_or(0, |i| self.steps[i].1)
    }

    /// The largest value ever reached.
    pub fn max(&self) -> u32 {
        self.steps
            .iter()
            .map(|&(_, value)| value)
            .max()
            .unwrap_or(0)
    }
}

const LEVELS: [Level; 3] = [Level::Signatory, Level::Party, Level::InForce];

fn level_slot(level: Level) -> usize {
    match level {
        Level::Signatory => 0,
        Level::Party => 1,
        Level::InForce => 2,
    }
}

/// The index behind every "as of a date" query.
#[derive(Clone, Debug)]
pub struct Timeline {
    actor_by_id: HashMap<String, ActorIx>,
    body_by_id: HashMap<String, BodyIx>,
    /// Pairs sorted by (body, actor).
    pairs: Vec<Pair>,
    /// For each body, its range in `pairs`.
    body_pairs: Vec<Range<usize>>,
    /// For each actor, the indices of its pairs.
    actor_pairs: Vec<Vec<u32>>,
    /// For each level, for each body: member count over time.
    counts: [Vec<StepSeries>; 3],
    /// Event indices with a known date, sorted by the date they are placed on.
    events_by_date: Vec<u32>,
    /// The placement dates of `events_by_date`, for binary search.
    event_dates: Vec<Date>,
    /// For each body, the dates of its dated events, sorted by placement.
    body_event_dates: Vec<Vec<PartialDate>>,
}

impl Timeline {
    /// Builds the index. Events referring to unknown ids or with unknown dates are left out
    /// (validation reports them).
    pub fn build(dataset: &Dataset) -> Self {
        let actor_by_id: HashMap<String, ActorIx> = dataset
            .actors
            .iter()
            .enumerate()
            .map(|(i, actor)| (actor.id.clone(), ActorIx(i as u32)))
            .collect();
        let body_by_id: HashMap<String, BodyIx> = dataset
            .bodies
            .iter()
            .enumerate()
            .map(|(i, body)| (body.id.clone(), BodyIx(i as u32)))
            .collect();

        // Dated events with resolved ids, sorted by (body, actor, date, kind, file order).
        let mut dated: Vec<(BodyIx, ActorIx, PartialDate, u32)> = dataset
            .events
            .iter()
            .enumerate()
            .filter_map(|(i, event)| {
                Some((
                    *body_by_id.get(&event.body_id)?,
                    *actor_by_id.get(&event.actor_id)?,
                    event.date.known()?,
                    i as u32,
                ))
            })
            .collect();
        dated.sort_unstable_by(|a, b| {
            (
                a.0,
                a.1,
                a.2.start(),
                dataset.events[a.3 as usize].kind,
                a.3,
            )
                .cmp(&(
                    b.0,
                    b.1,
                    b.2.start(),
                    dataset.events[b.3 as usize].kind,
                    b.3,
                ))
        });

        let mut pairs: Vec<Pair> = Vec::new();
        let mut tracker = StatusTracker::default();
        for &(body, actor, date, event) in &dated {
            let new_pair = pairs
                .last()
                .is_none_or(|pair| pair.body != body || pair.actor != actor);
            if new_pair {
                pairs.push(Pair {
                    actor,
                    body,
                    changes: Vec::new(),
                });
                tracker = StatusTracker::default();
            }
            tracker.apply(dataset.events[event as usize].kind);
            let Some(status) = tracker.current() else {
                continue;
            };
            let Some(pair) = pairs.last_mut() else {
                continue;
            };
            let change = Change {
                date: date.start(),
                status,
                since: date,
                event,
            };
            match pair.changes.last_mut() {
                Some(last) if last.status == status => {}
                Some(last) if last.date == change.date => *last = change,
                _ => pair.changes.push(change),
            }
        }

        let mut body_pairs = vec![0..0; dataset.bodies.len()];
        let mut actor_pairs = vec![Vec::new(); dataset.actors.len()];
        let mut start = 0;
        for (i, pair) in pairs.iter().enumerate() {
            if i + 1 == pairs.len() || pairs[i + 1].body != pair.body {
                body_pairs[pair.body.index()] = start..i + 1;
                start = i + 1;
            }
            actor_pairs[pair.actor.index()].push(i as u32);
        }

        let counts = LEVELS.map(|level| {
            body_pairs
                .iter()
                .map(|range| count_series(&pairs[range.clone()], level))
                .collect()
        });

        let mut by_date: Vec<(Date, u32)> = dated
            .iter()
            .map(|&(_, _, date, event)| (date.start(), event))
            .collect();
        by_date.sort_unstable();
        let (event_dates, events_by_date) = by_date.into_iter().unzip();

        let mut body_event_dates: Vec<Vec<PartialDate>> = vec![Vec::new(); dataset.bodies.len()];
        for &(body, _, date, _) in &dated {
            body_event_dates[body.index()].push(date);
        }
        for dates in &mut body_event_dates {
            dates.sort_unstable_by_key(|date| (date.start(), *date));
        }

        Self {
            actor_by_id,
            body_by_id,
            pairs,
            body_pairs,
            actor_pairs,
            counts,
            events_by_date,
            event_dates,
            body_event_dates,
        }
    }

    /// The number of bodies indexed.
    pub fn body_count(&self) -> usize {
        self.body_pairs.len()
    }

    /// The number of actors indexed.
    pub fn actor_count(&self) -> usize {
        self.actor_pairs.len()
    }

    /// The index of the actor with this id.
    pub fn actor_ix(&self, id: &str) -> Option<ActorIx> {
        self.actor_by_id.get(id).copied()
    }

    /// The index of the body with this id.
    pub fn body_ix(&self, id: &str) -> Option<BodyIx> {
        self.body_by_id.get(id).copied()
    }

    fn membership(pair: &Pair, change: &Change) -> Membership {
        Membership {
            actor: pair.actor,
            body: pair.body,
            status: change.status,
            since: change.since,
            event: change.event as usize,
        }
    }

    /// Every actor with any status in a body at a date (members, signatories, negotiators,
    /// and those whose membership ended), sorted by actor index.
    pub fn standings_in(&self, body: BodyIx, date: Date) -> Vec<Membership> {
        let Some(range) = self.body_pairs.get(body.index()) else {
            return Vec::new();
        };
        self.pairs[range.clone()]
            .iter()
            .filter_map(|pair| pair.at(date).map(|change| Self::membership(pair, change)))
            .collect()
    }

    /// The members of a body at a date and level.
    pub fn members(&self, body: BodyIx, date: Date, level: Level) -> Vec<Membership> {
        let mut members = self.standings_in(body, date);
        members.retain(|membership| membership.status.counts_at(level));
        members
    }

    /// Every body an actor has a status in at a date, sorted by body index.
    pub fn memberships_of(&self, actor: ActorIx, date: Date) -> Vec<Membership> {
        let Some(indices) = self.actor_pairs.get(actor.index()) else {
            return Vec::new();
        };
        indices
            .iter()
            .filter_map(|&i| {
                let pair = &self.pairs[i as usize];
                pair.at(date).map(|change| Self::membership(pair, change))
            })
            .collect()
    }

    /// The status of an actor in a body at a date.
    pub fn status(&self, actor: ActorIx, body: BodyIx, date: Date) -> Option<Membership> {
        let range = self.body_pairs.get(body.index())?;
        let pairs = &self.pairs[range.clone()];
        let i = pairs.binary_search_by_key(&actor, |pair| pair.actor).ok()?;
        pairs[i]
            .at(date)
            .map(|change| Self::membership(&pairs[i], change))
    }

    /// The member count of one body over time, at a level.
    pub fn count_series(&self, body: BodyIx, level: Level) -> &StepSeries {
        &self.counts[level_slot(level)][body.index()]
    }

    /// The member count of every body at a date, indexed like [`Dataset::bodies`].
    pub fn counts_at(&self, date: Date, level: Level) -> Vec<u32> {
        self.counts[level_slot(level)]
            .iter()
            .map(|series| series.at(date))
            .collect()
    }

    /// The events placed between two dates, both inclusive, in date order (indices into
    /// [`Dataset::events`]).
    pub fn events_between(&self, first: Date, last: Date) -> &[u32] {
        let start = self.event_dates.partition_point(|&date| date < first);
        let end = self.event_dates.partition_point(|&date| date <= last);
        &self.events_by_date[start..end.max(start)]
    }

    /// The dates of the first and the last dated events, if any.
    pub fn span(&self) -> Option<(Date, Date)> {
        Some((*self.event_dates.first()?, *self.event_dates.last()?))
    }

    /// The dates of a body's first and latest events placed on or before `until`.
    pub fn body_event_span(&self, body: BodyIx, until: Date) -> Option<(PartialDate, PartialDate)> {
        let dates = self.body_event_dates.get(body.index())?;
        let end = dates.partition_point(|date| date.start() <= until);
        Some((*dates.first()?, *dates[..end].last()?))
    }

    /// The actors whose membership of a body at `level` started, and ended, after
    /// `before` and up to `now`: the highlights of one timeline step.
    pub fn changes_between(
        &self,
        body: BodyIx,
        before: Date,
        now: Date,
        level: Level,
    ) -> (Vec<ActorIx>, Vec<ActorIx>) {
        let mut joined = Vec::new();
        let mut left = Vec::new();
        let Some(range) = self.body_pairs.get(body.index()) else {
            return (joined, left);
        };
        for pair in &self.pairs[range.clone()] {
            let member = |date| pair.at(date).is_some_and(|c| c.status.counts_at(level));
            match (member(before), member(now)) {
                (false, true) => joined.push(pair.actor),
                (true, false) => left.push(pair.actor),
                _ => {}
            }
        }
        (joined, left)
    }
}

/// The member count of one body's pairs over time at a level.
fn count_series(pairs: &[Pair], level: Level) -> StepSeries {
    let mut deltas: Vec<(Date, i32)> = Vec::new();
    for pair in pairs {
        let mut member = false;
        for change in &pair.changes {
            let now = change.status.counts_at(level);
            if now != member {
                deltas.push((change.date, if now { 1 } else { -1 }));
                member = now;
            }
        }
    }
    deltas.sort_unstable_by_key(|&(date, _)| date);
    let mut steps: Vec<(Date, u32)> = Vec::new();
    let mut count: i64 = 0;
    for (date, delta) in deltas {
        count += i64::from(delta);
        let value = u32::try_from(count.max(0)).unwrap_or(u32::MAX);
        match steps.last_mut() {
            Some(last) if last.0 == date => last.1 = value,
            _ => steps.push((date, value)),
        }
    }
    steps.dedup_by(|later, earlier| later.1 == earlier.1);
    StepSeries { steps }
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;
    use crate::io::read_native_str;

    const DATA: &str = r#"{
      "format": "minilateral", "version": 1,
      "actors": [
        {"id": "AAA", "name": "Aland"}, {"id": "BBB", "name": "Bland"}, {"id": "CCC", "name": "Cland"}
      ],
      "bodies": [
        {"id": "treaty", "name": "A treaty", "kind": "treaty"},
        {"id": "club", "name": "A club", "kind": "coalition"}
      ],
      "events": [
        {"actor": "AAA", "body": "treaty", "event": "signed", "date": "2001-11-23", "source": "s"},
        {"actor": "AAA", "body": "treaty", "event": "ratified", "date": "2003-05", "source": "s"},
        {"actor": "AAA", "body": "treaty", "event": "entered_into_force", "date": "2004-07-01", "source": "s"},
        {"actor": "BBB", "body": "treaty", "event": "signed", "date": "2001-11-23", "source": "s"},
        {"actor": "BBB", "body": "treaty", "event": "ratified", "date": "2010", "source": "s"},
        {"actor": "BBB", "body": "treaty", "event": "denounced", "date": "2015-02-01", "source": "s"},
        {"actor": "CCC", "body": "club", "event": "founding_member", "date": "2011-12-09", "source": "s"},
        {"actor": "CCC", "body": "club", "event": "withdrew", "date": "2013-01-01", "source": "s"},
        {"actor": "CCC", "body": "club", "event": "joined", "date": "2016-06", "source": "s"},
        {"actor": "AAA", "body": "club", "event": "joined", "date": "2012", "source": "s"}
      ]
    }"#;

    fn timeline() -> (Dataset, Timeline) {
        let (dataset, report) = read_native_str(DATA, "test.json").expect("valid fixture");
        assert!(report.issues.is_empty(), "{report}");
        let timeline = Timeline::build(&dataset);
        (dataset, timeline)
    }

    fn ids(dataset: &Dataset, members: &[Membership]) -> Vec<String> {
        members
            .iter()
            .map(|m| dataset.actors[m.actor.index()].id.clone())
            .collect()
    }

    #[test]
    fn members_at_dates_and_levels() {
        let (dataset, timeline) = timeline();
        let treaty = timeline.body_ix("treaty").unwrap();
        let at = |y, m, d, level| ids(&dataset, &timeline.members(treaty, date(y, m, d), level));
        assert!(at(2001, 11, 22, Level::Signatory).is_empty());
        assert_eq!(at(2001, 11, 23, Level::Signatory), ["AAA", "BBB"]);
        assert!(at(2001, 11, 23, Level::Party).is_empty());
        // A month-precision ratification is placed on the first day of the month.
        assert!(at(2003, 4, 30, Level::Party).is_empty());
        assert_eq!(at(2003, 5, 1, Level::Party), ["AAA"]);
        assert_eq!(at(2004, 7, 1, Level::InForce), ["AAA"]);
        assert_eq!(at(2010, 1, 1, Level::Party), ["AAA", "BBB"]);
        assert_eq!(at(2015, 2, 1, Level::Signatory), ["AAA"], "denounced");
    }

    #[test]
    fn counts_and_series_match_member_lists() {
        let (_, timeline) = timeline();
        let club = timeline.body_ix("club").unwrap();
        let series = timeline.count_series(club, Level::Party);
        assert_eq!(series.at(date(2011, 12, 8)), 0);
        assert_eq!(series.at(date(2011, 12, 9)), 1);
        assert_eq!(series.at(date(2012, 1, 1)), 2);
        assert_eq!(series.at(date(2013, 1, 1)), 1, "CCC withdrew");
        assert_eq!(series.at(date(2016, 6, 1)), 2, "CCC re-joined");
        assert_eq!(series.max(), 2);
        for day in [
            date(2000, 1, 1),
            date(2012, 6, 1),
            date(2014, 1, 1),
            date(2020, 1, 1),
        ] {
            for level in LEVELS {
                let counts = timeline.counts_at(day, level);
                for (i, count) in counts.iter().enumerate() {
                    let members = timeline.members(BodyIx(i as u32), day, level);
                    assert_eq!(*count as usize, members.len(), "{day} {level}");
                }
            }
        }
    }

    #[test]
    fn status_since_points_at_the_event() {
        let (dataset, timeline) = timeline();
        let aaa = timeline.actor_ix("AAA").unwrap();
        let memberships = timeline.memberships_of(aaa, date(2012, 12, 31));
        assert_eq!(memberships.len(), 2);
        let treaty_ix = timeline.body_ix("treaty").unwrap();
        let treaty = memberships.iter().find(|m| m.body == treaty_ix).unwrap();
        assert_eq!(treaty.status, Status::InForce);
        assert_eq!(treaty.since.to_string(), "2004-07-01");
        assert_eq!(
            dataset.events[treaty.event].kind,
            crate::model::EventKind::EnteredIntoForce
        );
        let club = timeline.status(aaa, timeline.body_ix("club").unwrap(), date(2012, 12, 31));
        assert_eq!(club.map(|m| m.since.to_string()), Some("2012".to_owned()));
    }

    #[test]
    fn events_between_is_inclusive_and_sorted() {
        let (dataset, timeline) = timeline();
        let found = timeline.events_between(date(2001, 11, 23), date(2004, 7, 1));
        assert_eq!(found.len(), 4);
        let dates: Vec<_> = found
            .iter()
            .map(|&i| dataset.events[i as usize].date.known().unwrap().start())
            .collect();
        assert!(dates.windows(2).all(|w| w[0] <= w[1]));
        assert!(
            timeline
                .events_between(date(2020, 1, 1), date(2019, 1, 1))
                .is_empty()
        );
        assert_eq!(
            timeline.span(),
            Some((date(2001, 11, 23), date(2016, 6, 1)))
        );
    }

    #[test]
    fn changes_between_two_steps() {
        let (dataset, timeline) = timeline();
        let club = timeline.body_ix("club").unwrap();
        let (joined, left) =
            timeline.changes_between(club, date(2012, 12, 31), date(2013, 12, 31), Level::Party);
        assert!(joined.is_empty());
        assert_eq!(
            left.iter()
                .map(|a| dataset.actors[a.index()].id.as_str())
                .collect::<Vec<_>>(),
            ["CCC"]
        );
    }

    #[test]
    fn first_and_latest_event_until_a_date() {
        let (_, timeline) = timeline();
        let treaty = timeline.body_ix("treaty").unwrap();
        let span = timeline
            .body_event_span(treaty, date(2005, 1, 1))
            .map(|(a, b)| (a.to_string(), b.to_string()));
        assert_eq!(
            span,
            Some(("2001-11-23".to_owned(), "2004-07-01".to_owned()))
        );
        assert_eq!(timeline.body_event_span(treaty, date(2000, 1, 1)), None);
    }
}
