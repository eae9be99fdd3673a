//! Property: for any valid dataset, write → read gives the same dataset, and writing the
//! result again gives the same bytes.
#![expect(clippy::expect_used, reason = "test helpers fail loudly with a reason")]

use minilateral::io::{read_native_str, write_native_string};
use minilateral::model::{
    Actor, ActorKind, Body, BodyKind, Dataset, Event, EventDate, EventKind, IssueArea, Law, Lesson,
    Level, Meta, Month, NodeKind, PartialDate, Relation, RelationKind, Slide, SlideCamera,
    SlideFilters, SlideSelection, SlideView, Source, Word,
};
use proptest::prelude::*;

fn word<W: Word + std::fmt::Debug>() -> impl Strategy<Value = W> {
    proptest::sample::select(W::ALL)
}

fn partial_date() -> impl Strategy<Value = PartialDate> {
    (
        1850i16..2100,
        proptest::option::of((1i8..=12, proptest::option::of(1i8..=28))),
    )
        .prop_map(|(year, rest)| {
            let (month, day) = match rest {
                Some((month, day)) => (Some(month), day),
                None => (None, None),
            };
            PartialDate::from_parts(year, month, day).expect("valid by construction")
        })
}

/// Free text, including quotes, backslashes, newlines and non-ASCII.
fn text() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9 \"\\\\\n\té✓—]{0,12}"
}

fn name() -> impl Strategy<Value = String> {
    "[A-Za-z][a-zA-Z0-9 \"é]{0,10}"
}

fn source() -> impl Strategy<Value = Source> {
    prop_oneof![
        "[a-z]{1,8}".prop_map(|path| Source::Url(format!("https://example.org/{path}"))),
        "[A-Z][a-z ]{0,10}[a-z]".prop_map(Source::Citation),
    ]
}

fn optional(strategy: impl Strategy<Value = String>) -> impl Strategy<Value = Option<String>> {
    proptest::option::of(strategy)
}

/// A slide selecting one of the first bodies or actors (which may not exist: a warning).
fn slide() -> impl Strategy<Value = Slide> {
    (
        (name(), text(), word::<SlideView>(), 1990i16..2030, 1i8..=12),
        (
            word::<Level>(),
            proptest::option::of((any::<bool>(), 0usize..4)),
            proptest::collection::btree_set(word::<NodeKind>(), 0..3),
            proptest::option::of(word::<IssueArea>()),
            proptest::option::of(1u32..300),
            any::<bool>(),
            proptest::option::of((-500i32..500, -500i32..500, 10u32..2000)),
        ),
    )
        .prop_map(
            |(
                (title, caption, view, year, month),
                (level, selection, hidden, issue, max_members, hide_non_members, camera),
            )| Slide {
                title,
                caption,
                view,
                date: Month::new(year, month),
                level,
                selection: selection.map(|(body, index)| {
                    if body {
                        SlideSelection::Body(format!("b{index}"))
                    } else {
                        SlideSelection::Actor(format!("A{index}"))
                    }
                }),
                colouring: Default::default(),
                filters: SlideFilters {
                    hidden_kinds: hidden.into_iter().collect(),
                    issue,
                    law: None,
                    region: None,
                    hide_non_members,
                    max_members,
                },
                camera: camera.map(|(x, y, zoom_percent)| SlideCamera {
                    centre: [x, y],
                    zoom_percent,
                }),
            },
        )
}

fn lessons() -> impl Strategy<Value = Vec<Lesson>> {
    proptest::collection::vec(
        (
            "[A-Za-z][a-z0-9]{0,8}",
            proptest::collection::vec(slide(), 0..4),
        )
            .prop_map(|(name, slides)| Lesson { name, slides }),
        0..3,
    )
}

fn dataset() -> impl Strategy<Value = Dataset> {
    (records(), lessons()).prop_map(|(mut dataset, lessons)| {
        dataset.lessons = lessons;
        dataset
    })
}

fn records() -> impl Strategy<Value = Dataset> {
    (1usize..6, 1usize..5)
        .prop_flat_map(|(actor_count, body_count)| {
            let actors = proptest::collection::vec(
                (
                    name(),
                    word::<ActorKind>(),
                    optional("[A-Z]{3}".prop_map(String::from)),
                    optional(name()),
                    optional(name()),
                    text(),
                ),
                actor_count,
            );
            let bodies = proptest::collection::vec(
                (
                    name(),
                    optional(name()),
                    word::<BodyKind>(),
                    word::<Law>(),
                    proptest::collection::btree_set(word::<IssueArea>(), 0..3),
                    proptest::option::of(partial_date()),
                    proptest::option::of(partial_date()),
                    text(),
                ),
                body_count,
            );
            let relations = proptest::collection::vec(
                (
                    0..body_count,
                    word::<RelationKind>(),
                    0..body_count,
                    proptest::option::of(source()),
                    text(),
                ),
                0..4,
            );
            let events = proptest::collection::vec(
                (
                    0..actor_count,
                    0..body_count,
                    word::<EventKind>(),
                    proptest::option::of(partial_date()),
                    source(),
                    text(),
                ),
                0..20,
            );
            (actors, bodies, relations, events, name())
        })
        .prop_map(|(actors, bodies, relations, events, title)| {
            let actors: Vec<Actor> = actors
                .into_iter()
                .enumerate()
                .map(|(i, (name, kind, iso3, region, subregion, note))| Actor {
                    id: format!("A{i}"),
                    name,
                    kind,
                    iso3,
                    region: region.filter(|r| !r.trim().is_empty()),
                    subregion: subregion.filter(|r| !r.trim().is_empty()),
                    url: None,
                    note,
                })
                .collect();
            let bodies: Vec<Body> = bodies
                .into_iter()
                .enumerate()
                .map(
                    |(i, (name, short_name, kind, law, issues, opened, closed, description))| {
                        Body {
                            id: format!("b{i}"),
                            name,
                            short_name: short_name.filter(|s| !s.trim().is_empty()),
                            kind,
                            law,
                            issues: issues.into_iter().collect(),
                            opened,
                            closed,
                            description,
                            url: Some(format!("https://example.org/body/{i}")),
                            note: String::new(),
                        }
                    },
                )
                .collect();
            let relations = relations
                .into_iter()
                .map(|(from, kind, to, source, note)| Relation {
                    from: format!("b{from}"),
                    kind,
                    to: format!("b{to}"),
                    source,
                    note,
                })
                .collect();
            let events = events
                .into_iter()
                .map(|(actor, body, kind, date, source, note)| Event {
                    actor_id: format!("A{actor}"),
                    body_id: format!("b{body}"),
                    kind,
                    date: date.map_or(EventDate::Unknown, EventDate::Known),
                    source,
                    note,
                })
                .collect();
            Dataset {
                meta: Meta {
                    title,
                    ..Meta::default()
                },
                actors,
                bodies,
                relations,
                events,
                lessons: Vec::new(),
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn write_read_is_the_identity(original in dataset()) {
        let written = write_native_string(&original);
        let read = read_native_str(&written, "generated.json");
        prop_assert!(read.is_ok(), "a written dataset must read back: {:?}", read.err().map(|r| r.to_string()));
        let (dataset, _) = read.expect("checked above");
        let mut expected = original.clone();
        expected.canonicalize();
        prop_assert_eq!(&dataset, &expected);
        prop_assert_eq!(write_native_string(&dataset), written);
    }

    #[test]
    fn reading_arbitrary_text_never_panics(text in "\\PC{0,200}") {
        let _ = read_native_str(&text, "random.json");
    }

    #[test]
    fn reading_mutated_datasets_never_panics(original in dataset(), cut in 0usize..4000, junk in "[{}\\[\\]\",:0-9a-z]{0,5}") {
        let written = write_native_string(&original);
        let mut cut_at = cut.min(written.len());
        while !written.is_char_boundary(cut_at) {
            cut_at -= 1;
        }
        let mutated = format!("{}{junk}{}", &written[..cut_at], &written[cut_at..]);
        let _ = read_native_str(&mutated, "mutated.json");
    }
}
