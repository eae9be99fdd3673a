//! Seeded synthetic datasets, for benchmarks and property tests.
//!
//! The shape mimics real accession data: each (actor, body) pair goes through a plausible
//! sequence of events (negotiate, sign, ratify, enter into force, sometimes withdraw).

use crate::model::{
    Actor, ActorKind, Body, BodyKind, Dataset, Event, EventDate, EventKind, IssueArea, Law, Meta,
    PartialDate, Relation, RelationKind, Source, Word,
};

const REGIONS: [&str; 5] = ["Africa", "Americas", "Asia", "Europe", "Oceania"];

fn date_from_day(day_number: i64) -> PartialDate {
    let base = jiff::civil::date(1990, 1, 1);
    let date = base
        .checked_add(jiff::Span::new().days(day_number))
        .unwrap_or(base);
    PartialDate::day(date)
}

/// Generates a dataset with `actors` actors, `bodies` bodies and about `events` events.
pub fn generate(actors: usize, bodies: usize, events: usize, seed: u64) -> Dataset {
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut dataset = Dataset {
        meta: Meta {
            title: format!("Synthetic {actors}×{bodies}×{events}"),
            description: "Generated for benchmarks".into(),
            ..Meta::default()
        },
        ..Dataset::default()
    };
    for i in 0..actors {
        dataset.actors.push(Actor {
            id: format!("A{i:04}"),
            name: format!("Actor {i}"),
            kind: if i % 10 == 9 {
                ActorKind::CivilSociety
            } else {
                ActorKind::State
            },
            iso3: None,
            region: Some(REGIONS[i % REGIONS.len()].to_owned()),
            subregion: None,
            url: None,
            note: String::new(),
        });
    }
    for i in 0..bodies {
        let kind = BodyKind::ALL[i % BodyKind::ALL.len()];
        dataset.bodies.push(Body {
            id: format!("b{i:04}"),
            name: format!("Body {i}"),
            short_name: None,
            kind,
            law: if i % 2 == 0 { Law::Hard } else { Law::Soft },
            issues: vec![IssueArea::ALL[i % IssueArea::ALL.len()]],
            opened: Some(date_from_day(rng.i64(0..3000))),
            closed: None,
            description: String::new(),
            url: None,
            note: String::new(),
            reported: Vec::new(),
        });
        if i > 0 && i % 7 == 0 {
            dataset.relations.push(Relation {
                from: format!("b{i:04}"),
                kind: RelationKind::ALL[i % RelationKind::ALL.len()],
                to: format!("b{:04}", i / 7),
                source: None,
                note: String::new(),
            });
        }
    }
    let sequences: [&[EventKind]; 5] = [
        &[
            EventKind::Signed,
            EventKind::Ratified,
            EventKind::EnteredIntoForce,
        ],
        &[
            EventKind::Signed,
            EventKind::Ratified,
            EventKind::EnteredIntoForce,
            EventKind::Withdrew,
        ],
        &[EventKind::Signed],
        &[EventKind::Acceded, EventKind::EnteredIntoForce],
        &[
            EventKind::JoinedNegotiations,
            EventKind::Signed,
            EventKind::Ratified,
        ],
    ];
    if actors == 0 || bodies == 0 {
        return dataset;
    }
    while dataset.events.len() < events {
        let actor = rng.usize(0..actors);
        let body = rng.usize(0..bodies);
        let sequence = sequences[rng.usize(0..sequences.len())];
        let mut day = rng.i64(0..12_000);
        for &kind in sequence {
            if dataset.events.len() >= events {
                break;
            }
            dataset.events.push(Event {
                actor_id: format!("A{actor:04}"),
                body_id: format!("b{body:04}"),
                kind,
                date: EventDate::Known(date_from_day(day)),
                source: Source::Url(format!("https://example.org/{body}/{actor}")),
                note: String::new(),
            });
            day += rng.i64(30..900);
        }
    }
    dataset
}
