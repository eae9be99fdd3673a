//! Who is at the table: a body's members at a date by region, sub-region and stakeholder
//! group, the share of each region's states it holds, and how many of a reported count the
//! dataset identifies.

use jiff::civil::Date;

use super::index::{BodyIx, Timeline};
use crate::model::{ActorKind, Dataset, EventDate, Level, ReportedCount, StatusTracker, Word};

/// The state members of one region (or sub-region) and the states of the dataset there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RegionSeats {
    /// The region's name (UN M49 for states).
    pub region: String,
    /// The sub-region's name, for a sub-region's row.
    pub subregion: Option<String>,
    /// The states of this region that are members at the date.
    pub members: u32,
    /// The states of this region in the dataset (members or not).
    pub states: u32,
}

impl RegionSeats {
    /// The share of the region's states the body holds, in percent (0 when the dataset has
    /// no state there).
    pub fn percent(&self) -> f64 {
        if self.states == 0 {
            0.0
        } else {
            f64::from(self.members) * 100.0 / f64::from(self.states)
        }
    }
}

/// A body's members at a date and level, counted by where they come from and who they are.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Composition {
    /// Every member, of any kind.
    pub members: u32,
    /// State members by region, one row for every region the dataset's states are in (also
    /// those without members), in name order. States without a region are left out.
    pub regions: Vec<RegionSeats>,
    /// State members by sub-region, for the sub-regions with members, by (region,
    /// sub-region).
    pub subregions: Vec<RegionSeats>,
    /// Members by stakeholder group, one row per kind in [`ActorKind::ALL`]'s order.
    pub groups: Vec<(ActorKind, u32)>,
}

impl Composition {
    /// The composition of `body` at `date` (inclusive) and `level`.
    pub fn of(
        dataset: &Dataset,
        timeline: &Timeline,
        body: BodyIx,
        date: Date,
        level: Level,
    ) -> Self {
        let mut regions: Vec<RegionSeats> = Vec::new();
        for actor in &dataset.actors {
            if actor.kind == ActorKind::State
                && let Some(region) = &actor.region
            {
                row(&mut regions, region, None).states += 1;
            }
        }
        let mut composition = Self {
            groups: ActorKind::ALL.iter().map(|&kind| (kind, 0)).collect(),
            ..Self::default()
        };
        let mut subregions: Vec<RegionSeats> = Vec::new();
        for membership in timeline.members(body, date, level) {
            let Some(actor) = dataset.actors.get(membership.actor.index()) else {
                continue;
            };
            composition.members += 1;
            if let Some(group) = composition
                .groups
                .iter_mut()
                .find(|(k, _)| *k == actor.kind)
            {
                group.1 += 1;
            }
            if actor.kind == ActorKind::State
                && let Some(region) = &actor.region
            {
                row(&mut regions, region, None).members += 1;
                if let Some(subregion) = &actor.subregion {
                    row(&mut subregions, region, Some(subregion)).members += 1;
                }
            }
        }
        for sub in &mut subregions {
            sub.states = dataset
                .actors
                .iter()
                .filter(|actor| {
                    actor.kind == ActorKind::State
                        && actor.region.as_deref() == Some(&sub.region)
                        && actor.subregion == sub.subregion
                })
                .count() as u32;
        }
        regions.sort_by(|a, b| a.region.cmp(&b.region));
        subregions.sort_by(|a, b| (&a.region, &a.subregion).cmp(&(&b.region, &b.subregion)));
        composition.regions = regions;
        composition.subregions = subregions;
        composition
    }

    /// The number of state members in a region (0 when none or no such region).
    pub fn in_region(&self, region: &str) -> u32 {
        self.regions
            .iter()
            .find(|row| row.region == region)
            .map_or(0, |row| row.members)
    }

    /// The number of members of a stakeholder group.
    pub fn in_group(&self, group: ActorKind) -> u32 {
        self.groups
            .iter()
            .find(|(kind, _)| *kind == group)
            .map_or(0, |(_, n)| *n)
    }
}

fn row<'a>(
    rows: &'a mut Vec<RegionSeats>,
    region: &str,
    subregion: Option<&str>,
) -> &'a mut RegionSeats {
    let at = rows
        .iter()
        .position(|row| row.region == region && row.subregion.as_deref() == subregion);
    let index = at.unwrap_or_else(|| {
        rows.push(RegionSeats {
            region: region.to_owned(),
            subregion: subregion.map(str::to_owned),
            members: 0,
            states: 0,
        });
        rows.len() - 1
    });
    &mut rows[index]
}

/// How many of the actors a reported count counts the dataset names.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Identified {
    /// Actors of the count's group whose status at the count's date the level counts.
    pub dated: u32,
    /// Other actors of the group with an event of this body that has no date and would
    /// count at the level: the lists name them, but not when they joined.
    pub undated: u32,
}

/// How many of the actors a reported count counts the dataset identifies: those with a
/// status the count's level counts, of the count's group, at the count's date (its last
/// day), and apart those known only from undated events.
pub fn identified(
    dataset: &Dataset,
    timeline: &Timeline,
    body: BodyIx,
    count: &ReportedCount,
) -> Identified {
    let of_group = |actor: usize| {
        count.group.is_none_or(|group| {
            dataset
                .actors
                .get(actor)
                .is_some_and(|actor| actor.kind == group)
        })
    };
    let dated: Vec<usize> = timeline
        .standings_in(body, count.date.end())
        .iter()
        .filter(|membership| count.level.counts(membership.status))
        .map(|membership| membership.actor.index())
        .filter(|&actor| of_group(actor))
        .collect();
    let mut undated: Vec<usize> = Vec::new();
    let Some(body_id) = dataset.bodies.get(body.index()).map(|b| b.id.as_str()) else {
        return Identified::default();
    };
    for event in &dataset.events {
        if event.body_id != body_id || event.date != EventDate::Unknown {
            continue;
        }
        let mut tracker = StatusTracker::default();
        tracker.apply(event.kind);
        let Some(actor) = timeline.actor_ix(&event.actor_id).map(|a| a.index()) else {
            continue;
        };
        if tracker
            .current()
            .is_some_and(|status| count.level.counts(status))
            && of_group(actor)
            && !dated.contains(&actor)
            && !undated.contains(&actor)
        {
            undated.push(actor);
        }
    }
    Identified {
        dated: dated.len() as u32,
        undated: undated.len() as u32,
    }
}

/// For each reported count of a body in force at `date` that its dated lists fall short
/// of, the words "41 of 43 parties identified (2014-10)" (empty when every count is
/// matched).
pub fn shortfalls(dataset: &Dataset, timeline: &Timeline, body: BodyIx, date: Date) -> Vec<String> {
    let Some(record) = dataset.bodies.get(body.index()) else {
        return Vec::new();
    };
    crate::model::latest_reported(&record.reported, date)
        .into_iter()
        .filter_map(|count| {
            let found = identified(dataset, timeline, body, count);
            (found.dated < count.count).then(|| identified_text(found, count))
        })
        .collect()
}

/// "54 of 89 signatories identified (2012-12-14)", "12 of 81 states identified, 68 more
/// without a date (2025-12-25)", or "62 identified, 61 members reported (2022-04-28)" when
/// the lists name more than the count.
pub fn identified_text(found: Identified, count: &ReportedCount) -> String {
    let what = count.what();
    let date = count.date.to_string();
    let undated = if found.undated > 0 {
        format!(", {} more without a date", found.undated)
    } else {
        String::new()
    };
    if found.dated <= count.count {
        format!(
            "{} of {} {what} identified{undated} ({date})",
            found.dated, count.count
        )
    } else {
        format!(
            "{} identified, {} {what} reported{undated} ({date})",
            found.dated, count.count
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        Actor, Body, BodyKind, Event, EventDate, EventKind, PartialDate, ReportedLevel, Source,
    };

    fn actor(id: &str, kind: ActorKind, region: Option<(&str, &str)>) -> Actor {
        Actor {
            id: id.into(),
            name: id.into(),
            kind,
            iso3: None,
            region: region.map(|(r, _)| r.to_owned()),
            subregion: region.map(|(_, s)| s.to_owned()),
            url: None,
            note: String::new(),
        }
    }

    fn event(actor: &str, kind: EventKind, date: &str) -> Event {
        Event {
            actor_id: actor.into(),
            body_id: "b".into(),
            kind,
            date: EventDate::Known(PartialDate::parse(date).unwrap()),
            source: Source::Url("https://example.org".into()),
            note: String::new(),
        }
    }

    fn dataset() -> Dataset {
        Dataset {
            actors: vec![
                actor(
                    "KEN",
                    ActorKind::State,
                    Some(("Africa", "Sub-Saharan Africa")),
                ),
                actor("EGY", ActorKind::State, Some(("Africa", "Northern Africa"))),
                actor("FRA", ActorKind::State, Some(("Europe", "Western Europe"))),
                actor("ngo", ActorKind::CivilSociety, None),
                actor("EUU", ActorKind::Intergovernmental, Some(("Europe", ""))),
                actor("BRA", ActorKind::State, Some(("Americas", "South America"))),
            ],
            bodies: vec![Body::new("b", "B", BodyKind::Treaty)],
            events: vec![
                event("KEN", EventKind::Signed, "2020-01-01"),
                event("KEN", EventKind::Ratified, "2021-01-01"),
                event("FRA", EventKind::Signed, "2020-06"),
                event("EGY", EventKind::DidNotSign, "2020-01-01"),
                event("ngo", EventKind::Signed, "2020-02-01"),
                event("EUU", EventKind::Signed, "2020-02-01"),
                Event {
                    date: EventDate::Unknown,
                    ..event("BRA", EventKind::Signed, "2020")
                },
            ],
            ..Dataset::default()
        }
    }

    #[test]
    fn members_are_counted_by_region_and_group() {
        let data = dataset();
        let timeline = Timeline::build(&data);
        let body = BodyIx(0);
        let date = PartialDate::parse("2020-12").unwrap().end();
        let at = Composition::of(&data, &timeline, body, date, Level::Signatory);
        assert_eq!(at.members, 4);
        assert_eq!(at.in_region("Africa"), 1);
        assert_eq!(at.in_region("Europe"), 1, "the EU is not a state");
        assert_eq!(
            at.regions.iter().map(|r| r.states).collect::<Vec<_>>(),
            [2, 1, 1]
        );
        assert!((at.regions[0].percent() - 50.0).abs() < 1e-9);
        assert_eq!(at.subregions.len(), 2);
        assert_eq!(
            at.subregions[0].subregion.as_deref(),
            Some("Sub-Saharan Africa")
        );
        assert_eq!(at.in_group(ActorKind::State), 2);
        assert_eq!(at.in_group(ActorKind::CivilSociety), 1);
        assert_eq!(at.in_group(ActorKind::Intergovernmental), 1);
        let parties = Composition::of(&data, &timeline, body, date, Level::Party);
        assert_eq!(parties.members, 0);
        let later = Composition::of(
            &data,
            &timeline,
            body,
            PartialDate::parse("2021").unwrap().end(),
            Level::Party,
        );
        assert_eq!(later.members, 1);
    }

    #[test]
    fn a_reported_count_is_set_against_the_members_identified() {
        let data = dataset();
        let timeline = Timeline::build(&data);
        let count = |level, group, date: &str| ReportedCount {
            date: PartialDate::parse(date).unwrap(),
            level,
            group,
            count: 5,
            source: Source::Url("https://example.org".into()),
            note: String::new(),
        };
        let found = |count: &ReportedCount| {
            let found = identified(&data, &timeline, BodyIx(0), count);
            (found.dated, found.undated)
        };
        let signatories = count(ReportedLevel::Signatory, None, "2020-05");
        assert_eq!(found(&signatories), (3, 1), "KEN, ngo, EUU; BRA undated");
        // A month means its last day: France signed in June.
        let states = count(ReportedLevel::Signatory, Some(ActorKind::State), "2020-06");
        assert_eq!(found(&states), (2, 1));
        let declined = count(ReportedLevel::Declined, None, "2020");
        assert_eq!(found(&declined), (1, 0));
        let members = count(ReportedLevel::Member, Some(ActorKind::CivilSociety), "2020");
        assert_eq!(found(&members), (0, 0), "a signatory is not a member");
        assert_eq!(
            identified_text(
                Identified {
                    dated: 3,
                    undated: 0
                },
                &signatories
            ),
            "3 of 5 signatories identified (2020-05)"
        );
        assert_eq!(
            identified_text(
                Identified {
                    dated: 2,
                    undated: 1
                },
                &states
            ),
            "2 of 5 states (signatories) identified, 1 more without a date (2020-06)"
        );
        assert_eq!(
            identified_text(
                Identified {
                    dated: 6,
                    undated: 0
                },
                &signatories
            ),
            "6 identified, 5 signatories reported (2020-05)"
        );
    }
}
