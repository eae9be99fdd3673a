//! The chapter's figures, as the built-in dataset reproduces them (see
//! `sample-data/SOURCES.md`): a later edit of the data cannot silently break them.

use jiff::civil::Date;
use minilateral::io::read_native_str;
use minilateral::model::{
    ActorKind, Dataset, EventKind, Level, PartialDate, Word, latest_reported,
};
use minilateral::timeline::{Composition, Timeline, identified};

fn sample() -> (Dataset, Timeline) {
    let (dataset, report) = read_native_str(
        minilateral::SAMPLE_DATASET_JSON,
        minilateral::SAMPLE_DATASET_NAME,
    )
    .unwrap_or_else(|report| panic!("{report}"));
    assert_eq!(report.error_count(), 0);
    let timeline = Timeline::build(&dataset);
    (dataset, timeline)
}

fn at(text: &str) -> Date {
    PartialDate::parse(text)
        .map(PartialDate::end)
        .unwrap_or_else(|e| panic!("{e}"))
}

fn members(timeline: &Timeline, body: &str, date: &str, level: Level) -> Vec<String> {
    let (dataset, _) = sample();
    let body = timeline
        .body_ix(body)
        .unwrap_or_else(|| panic!("no body {body}"));
    let mut ids: Vec<String> = timeline
        .members(body, at(date), level)
        .into_iter()
        .map(|m| dataset.actors[m.actor.index()].id.clone())
        .collect();
    ids.sort();
    ids
}

fn count_events(
    dataset: &Dataset,
    timeline: &Timeline,
    body: &str,
    kind: EventKind,
    to: &str,
) -> usize {
    let first = Date::new(1000, 1, 1).unwrap_or_default();
    timeline
        .events_between(first, at(to))
        .iter()
        .map(|&i| &dataset.events[i as usize])
        .filter(|e| e.body_id == body && e.kind == kind)
        .count()
}

#[test]
fn budapest_convention_in_october_2014() {
    let (_, timeline) = sample();
    let parties = members(&timeline, "budapest", "2014-10", Level::Party);
    // 43 in the chapter; Serbia and Slovenia carry unknown deposit dates (SOURCES.md).
    assert_eq!(parties.len(), 41, "{parties:?}");
    let europe = members(&timeline, "coe", "2014-10", Level::Party);
    let outside: Vec<_> = parties
        .iter()
        .filter(|id| !europe.contains(id))
        .cloned()
        .collect();
    assert_eq!(outside, ["AUS", "DOM", "JPN", "MUS", "PAN", "USA"]);
}

#[test]
fn freedom_online_coalition_and_the_tallinn_recommendations() {
    let (_, timeline) = sample();
    let adopters = members(&timeline, "tallinn_recs", "2014-04-28", Level::Party);
    assert_eq!(adopters.len(), 23);
    let founders = members(&timeline, "foc", "2011-12-09", Level::Party);
    assert_eq!(founders.len(), 15);
    assert!(founders.contains(&"NLD".to_owned()) && founders.contains(&"USA".to_owned()));
    // The United States withdrew in February 2026.
    assert!(!members(&timeline, "foc", "2026-03", Level::Party).contains(&"USA".to_owned()));
}

#[test]
fn ccdcoe_had_fifteen_participants_in_2014() {
    let (_, timeline) = sample();
    assert_eq!(
        members(&timeline, "ccdcoe", "2014-12", Level::Party).len(),
        15
    );
    assert_eq!(
        members(&timeline, "ccdcoe", "2008-05-14", Level::Party).len(),
        7
    );
}

#[test]
fn acta_partners_signatures_and_rejection() {
    let (dataset, timeline) = sample();
    assert_eq!(
        count_events(
            &dataset,
            &timeline,
            "acta",
            EventKind::JoinedNegotiations,
            "2011"
        ),
        11
    );
    let tokyo = members(&timeline, "acta", "2011-10-01", Level::Signatory);
    assert_eq!(
        tokyo,
        ["AUS", "CAN", "JPN", "KOR", "MAR", "NZL", "SGP", "USA"]
    );
    // The European Parliament's rejection ends the EU's membership.
    assert!(members(&timeline, "acta", "2012-06", Level::Signatory).contains(&"EUU".to_owned()));
    assert!(!members(&timeline, "acta", "2012-08", Level::Signatory).contains(&"EUU".to_owned()));
    assert_eq!(members(&timeline, "acta", "2026", Level::Party), ["JPN"]);
}

#[test]
fn tpp_twelve_then_eleven_then_cptpp() {
    let (_, timeline) = sample();
    let twelve = members(&timeline, "tpp", "2016-02-04", Level::Signatory);
    assert_eq!(twelve.len(), 12);
    let after = members(&timeline, "tpp", "2017-12", Level::Signatory);
    assert_eq!(after.len(), 11);
    assert!(!after.contains(&"USA".to_owned()));
    assert_eq!(
        members(&timeline, "p4", "2009-12", Level::Signatory).len(),
        4
    );
    assert_eq!(
        members(&timeline, "cptpp", "2018-12-30", Level::InForce).len(),
        6
    );
    assert!(members(&timeline, "cptpp", "2024-12-15", Level::InForce).contains(&"GBR".to_owned()));
}

#[test]
fn mef_seventeen_and_opsc_signatories() {
    let (dataset, timeline) = sample();
    assert_eq!(members(&timeline, "mef", "2009-12", Level::Party).len(), 17);
    assert_eq!(
        count_events(&dataset, &timeline, "opsc", EventKind::Signed, "2014-10"),
        121
    );
}

#[test]
fn g8_before_and_after_russia() {
    let (_, timeline) = sample();
    assert!(members(&timeline, "g7", "2013-12", Level::Party).contains(&"RUS".to_owned()));
    assert!(!members(&timeline, "g7", "2014-04", Level::Party).contains(&"RUS".to_owned()));
}

/// The dates of a body's events that cite a source starting with `source`.
fn dates_from(dataset: &Dataset, body: &str, source: &str) -> Vec<String> {
    dataset
        .events
        .iter()
        .filter(|e| e.body_id == body && e.source.as_str().starts_with(source))
        .map(|e| e.date.to_string())
        .collect()
}

/// The reported counts of a body in force at a date, each with the members identified:
/// (count, level word, identified with a date, identified without one).
fn reported(
    dataset: &Dataset,
    timeline: &Timeline,
    body: &str,
    date: &str,
) -> Vec<(u32, &'static str, u32, u32)> {
    let body_ix = timeline
        .body_ix(body)
        .unwrap_or_else(|| panic!("no body {body}"));
    let record = &dataset.bodies[body_ix.index()];
    latest_reported(&record.reported, at(date))
        .into_iter()
        .map(|count| {
            let found = identified(dataset, timeline, body_ix, count);
            (count.count, count.level.word(), found.dated, found.undated)
        })
        .collect()
}

#[test]
fn the_chapters_incomplete_lists_say_so() {
    let (dataset, timeline) = sample();
    // WCIT-12: 89 signatories and 55 non-signatories reported by the ITU.
    assert_eq!(
        reported(&dataset, &timeline, "wcit12_itr", "2012-12"),
        [(89, "signatory", 54, 0), (55, "declined", 42, 0)]
    );
    // Budapest: 43 parties in the chapter; Serbia and Slovenia (and two later parties)
    // have no date.
    assert_eq!(
        reported(&dataset, &timeline, "budapest", "2014-10"),
        [(43, "party", 41, 4)]
    );
}

#[test]
fn the_un_convention_against_cybercrime_at_hanoi() {
    let (dataset, timeline) = sample();
    // The UN Treaty Collection's list (Algeria to Jamaica) dates 30 states and the EU to
    // the first day; news reports date the rest.
    let untc = dates_from(&dataset, "un_cybercrime", "https://treaties.un.org/");
    assert_eq!(untc.len(), 31);
    assert!(untc.iter().all(|date| date == "2025-10-25"), "{untc:?}");
    let hanoi = members(&timeline, "un_cybercrime", "2025-10-26", Level::Signatory);
    assert_eq!(hanoi.len(), 60);
    assert!(hanoi.contains(&"EUU".to_owned()) && hanoi.contains(&"RUS".to_owned()));
    assert!(!hanoi.contains(&"USA".to_owned()));
    assert!(members(&timeline, "un_cybercrime", "2025-10-26", Level::Party).is_empty());
    // 72 signatories at the close of the ceremony; Canada signed later, undated.
    assert_eq!(
        reported(&dataset, &timeline, "un_cybercrime", "2025-10-26"),
        [(72, "signatory", 60, 1)]
    );
}

#[test]
fn calls_and_declarations_with_their_supporters() {
    let (dataset, timeline) = sample();
    // Paris Call: the official list's 81 states, all in the data; the United States and
    // the EU joined in November 2021.
    let paris_states = dataset
        .events
        .iter()
        .filter(|e| e.body_id == "paris_call")
        .filter(|e| {
            dataset
                .actor(&e.actor_id)
                .is_some_and(|a| a.kind == ActorKind::State)
        })
        .count();
    assert_eq!(paris_states, 81);
    assert!(!members(&timeline, "paris_call", "2021-10", Level::Party).contains(&"USA".to_owned()));
    assert!(members(&timeline, "paris_call", "2021-11", Level::Party).contains(&"USA".to_owned()));
    // Christchurch Call: 17 governments, the European Commission and 8 companies at the
    // launch.
    let christchurch = timeline
        .body_ix("christchurch_call")
        .unwrap_or_else(|| panic!("no christchurch_call"));
    let launch = Composition::of(
        &dataset,
        &timeline,
        christchurch,
        at("2019-05-15"),
        Level::Party,
    );
    assert_eq!(launch.members, 26);
    assert_eq!(launch.in_group(ActorKind::State), 17);
    assert_eq!(launch.in_group(ActorKind::PrivateSector), 8);
    assert_eq!(launch.in_group(ActorKind::Intergovernmental), 1);
    // Declaration for the Future of the Internet: the White House launch list (62 with
    // the United States; the headline says 61).
    assert!(members(&timeline, "dfi", "2022-04-27", Level::Party).is_empty());
    assert_eq!(
        members(&timeline, "dfi", "2022-04-28", Level::Party).len(),
        62
    );
}

#[test]
fn counter_ransomware_initiative_and_the_ai_convention() {
    let (dataset, timeline) = sample();
    assert_eq!(
        members(&timeline, "cri", "2021-10-14", Level::Party).len(),
        32
    );
    // 50 members in 2023: 46 dated, 4 first listed in 2022 without a joining date.
    assert_eq!(
        reported(&dataset, &timeline, "cri", "2023-11"),
        [(50, "member", 46, 4)]
    );
    // Ten signatures when the AI convention opened in Vilnius, the EU's the only
    // ratification by May 2026.
    let vilnius = members(&timeline, "coe_ai", "2024-09-05", Level::Signatory);
    assert_eq!(
        vilnius,
        [
            "AND", "EUU", "GBR", "GEO", "ISL", "ISR", "MDA", "NOR", "SMR", "USA"
        ]
    );
    assert_eq!(
        members(&timeline, "coe_ai", "2026-05", Level::Party),
        ["EUU"]
    );
}
