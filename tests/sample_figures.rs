//! The chapter's figures, as the built-in dataset reproduces them (see
//! `sample-data/SOURCES.md`): a later edit of the data cannot silently break them.

use jiff::civil::Date;
use minilateral::io::read_native_str;
use minilateral::model::{Dataset, EventKind, Level, PartialDate};
use minilateral::timeline::Timeline;

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
