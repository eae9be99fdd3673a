//! Consistency checks of a whole dataset: the semantic half of validation.
//!
//! Readers turn text into a [`Dataset`]; these checks then find what no single record can
//! show (duplicate ids, unknown references, events out of order). Findings point at a record
//! by section and index, and each reader maps that to a place in its own file (a JSON path
//! and line, a CSV row).

use std::collections::{HashMap, HashSet};

use super::dataset::{Dataset, EventKind, Source};
use super::date::PartialDate;
use super::words::Word;

/// How bad a finding is: errors stop a load, warnings do not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    /// The file cannot be used as it is.
    Error,
    /// The file can be used; something may be wrong or was adjusted.
    Warning,
}

/// The list a record belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Section {
    /// States and stakeholders.
    Actors,
    /// Forums and instruments.
    Bodies,
    /// Relations between bodies.
    Relations,
    /// Membership events.
    Events,
}

impl Section {
    /// The section's name in the native format.
    pub fn key(self) -> &'static str {
        match self {
            Self::Actors => "actors",
            Self::Bodies => "bodies",
            Self::Relations => "relations",
            Self::Events => "events",
        }
    }
}

/// A record, and optionally one of its fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RecordRef {
    /// Which list.
    pub section: Section,
    /// Position in the list as read (before any sorting).
    pub index: usize,
    /// The field, by its name in the native format.
    pub field: Option<&'static str>,
}

/// One problem found in a dataset.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// Error or warning.
    pub severity: Severity,
    /// Where.
    pub record: RecordRef,
    /// What is wrong.
    pub message: String,
    /// What was done about it, when something was.
    pub action: Option<String>,
}

fn finding(
    severity: Severity,
    section: Section,
    index: usize,
    field: &'static str,
    message: String,
) -> Finding {
    Finding {
        severity,
        record: RecordRef {
            section,
            index,
            field: Some(field),
        },
        message,
        action: None,
    }
}

/// Whether an id is usable: letters, digits, `_ - . :`, not empty.
pub fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | ':'))
}

/// Whether a code has the shape of an ISO 3166-1 alpha-3 code: three capital letters.
pub fn valid_iso3(code: &str) -> bool {
    code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase())
}

/// Checks a dataset as a whole; records keep the order they were read in.
pub fn check(dataset: &Dataset) -> Vec<Finding> {
    use Section::{Actors, Bodies, Events, Relations};
    use Severity::{Error, Warning};
    let mut findings = Vec::new();

    let mut actor_ids: HashMap<&str, usize> = HashMap::with_capacity(dataset.actors.len());
    let mut iso3s: HashMap<&str, usize> = HashMap::new();
    for (index, actor) in dataset.actors.iter().enumerate() {
        if !valid_id(&actor.id) {
            findings.push(finding(
                Error,
                Actors,
                index,
                "id",
                format!(
                    "invalid id \"{}\": use letters, digits, _ - . or :",
                    actor.id
                ),
            ));
        } else if let Some(first) = actor_ids.insert(&actor.id, index) {
            findings.push(finding(
                Error,
                Actors,
                index,
                "id",
                format!(
                    "duplicate actor id \"{}\" (first used by actors[{first}])",
                    actor.id
                ),
            ));
        }
        if actor.name.trim().is_empty() {
            findings.push(finding(
                Error,
                Actors,
                index,
                "name",
                "the name is empty".into(),
            ));
        }
        if let Some(iso3) = &actor.iso3 {
            if !valid_iso3(iso3) {
                findings.push(finding(
                    Warning,
                    Actors,
                    index,
                    "iso3",
                    format!("\"{iso3}\" is not an ISO 3166-1 alpha-3 code (three capital letters)"),
                ));
            } else if let Some(first) = iso3s.insert(iso3, index) {
                findings.push(finding(
                    Warning,
                    Actors,
                    index,
                    "iso3",
                    format!("ISO3 code {iso3} is also used by actors[{first}]"),
                ));
            }
        }
    }

    let mut body_ids: HashMap<&str, usize> = HashMap::with_capacity(dataset.bodies.len());
    for (index, body) in dataset.bodies.iter().enumerate() {
        if !valid_id(&body.id) {
            findings.push(finding(
                Error,
                Bodies,
                index,
                "id",
                format!(
                    "invalid id \"{}\": use letters, digits, _ - . or :",
                    body.id
                ),
            ));
        } else if let Some(first) = body_ids.insert(&body.id, index) {
            findings.push(finding(
                Error,
                Bodies,
                index,
                "id",
                format!(
                    "duplicate body id \"{}\" (first used by bodies[{first}])",
                    body.id
                ),
            ));
        } else if let Some(actor) = actor_ids.get(body.id.as_str()) {
            findings.push(finding(Error, Bodies, index, "id", format!("id \"{}\" is already used by actors[{actor}]; actors and bodies share one set of ids", body.id)));
        }
        if body.name.trim().is_empty() {
            findings.push(finding(
                Error,
                Bodies,
                index,
                "name",
                "the name is empty".into(),
            ));
        }
        if let (Some(opened), Some(closed)) = (body.opened, body.closed)
            && closed.start() < opened.start()
        {
            findings.push(finding(
                Warning,
                Bodies,
                index,
                "closed",
                format!("closed ({closed}) before it opened ({opened})"),
            ));
        }
    }

    let mut relations_seen = HashSet::new();
    for (index, relation) in dataset.relations.iter().enumerate() {
        for (field, id) in [("from", &relation.from), ("to", &relation.to)] {
            if !body_ids.contains_key(id.as_str()) {
                findings.push(finding(
                    Error,
                    Relations,
                    index,
                    field,
                    format!("unknown body id \"{id}\""),
                ));
            }
        }
        if relation.from == relation.to {
            findings.push(finding(
                Warning,
                Relations,
                index,
                "to",
                format!("relates body \"{}\" to itself", relation.from),
            ));
        }
        if !relations_seen.insert((&relation.from, relation.kind, &relation.to)) {
            findings.push(finding(
                Warning,
                Relations,
                index,
                "kind",
                format!(
                    "duplicate relation {} {} {}",
                    relation.from, relation.kind, relation.to
                ),
            ));
        }
    }

    let mut pairs: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
    // Files usually list a pair's events together: remember the last pair looked up.
    let mut last_pair: Option<((&str, &str), Vec<usize>)> = None;
    for (index, event) in dataset.events.iter().enumerate() {
        let key = (event.actor_id.as_str(), event.body_id.as_str());
        if let Some((last_key, indices)) = &mut last_pair
            && *last_key == key
        {
            indices.push(index);
            check_event_fields(event, index, &mut findings);
            continue;
        }
        if let Some((last_key, indices)) = last_pair.take() {
            pairs.entry(last_key).or_default().extend(indices);
        }
        let mut known_refs = true;
        if !actor_ids.contains_key(event.actor_id.as_str()) {
            known_refs = false;
            let hint = if body_ids.contains_key(event.actor_id.as_str()) {
                " (that id is a body)"
            } else {
                ""
            };
            findings.push(finding(
                Error,
                Events,
                index,
                "actor",
                format!("unknown actor id \"{}\"{hint}", event.actor_id),
            ));
        }
        if !body_ids.contains_key(event.body_id.as_str()) {
            known_refs = false;
            let hint = if actor_ids.contains_key(event.body_id.as_str()) {
                " (that id is an actor)"
            } else {
                ""
            };
            findings.push(finding(
                Error,
                Events,
                index,
                "body",
                format!("unknown body id \"{}\"{hint}", event.body_id),
            ));
        }
        check_event_fields(event, index, &mut findings);
        if known_refs {
            last_pair = Some((key, vec![index]));
        }
    }
    if let Some((last_key, indices)) = last_pair.take() {
        pairs.entry(last_key).or_default().extend(indices);
    }

    let mut pair_list: Vec<_> = pairs.into_values().collect();
    pair_list.sort_unstable();
    for indices in pair_list {
        check_pair_order(dataset, &indices, &mut findings);
    }
    findings
}

/// The checks of one event that need no other record.
fn check_event_fields(event: &super::dataset::Event, index: usize, findings: &mut Vec<Finding>) {
    use Section::Events;
    use Severity::{Error, Warning};
    if event.source == Source::Unknown && event.note.trim().is_empty() {
        findings.push(finding(
            Error,
            Events,
            index,
            "source",
            "the source is \"unknown\" but no note says why".into(),
        ));
    }
    if event.date.known().is_none() {
        let mut unknown = finding(Warning, Events, index, "date", "the date is unknown".into());
        unknown.action = Some("left off the timeline".into());
        findings.push(unknown);
    }
}

/// Warns about events of one actor in one body that are out of the usual order.
fn check_pair_order(dataset: &Dataset, indices: &[usize], findings: &mut Vec<Finding>) {
    let earliest = |kinds: &[EventKind]| {
        indices
            .iter()
            .filter_map(|&i| {
                let event = &dataset.events[i];
                kinds
                    .contains(&event.kind)
                    .then_some((event.date.known()?, i))
            })
            .min()
    };
    let signed = earliest(&[EventKind::Signed]);
    let ratified = earliest(&[
        EventKind::Ratified,
        EventKind::Accepted,
        EventKind::Approved,
    ]);
    let party = earliest(&[
        EventKind::Ratified,
        EventKind::Acceded,
        EventKind::Accepted,
        EventKind::Approved,
    ]);
    let in_force = earliest(&[EventKind::EnteredIntoForce]);
    // Out of order only when the later step is certainly before the earlier one, whatever
    // the precision of either date.
    let out_of_order = |later: Option<(PartialDate, usize)>,
                        earlier: Option<(PartialDate, usize)>,
                        what: &'static str| match (later, earlier) {
        (Some((late, late_index)), Some((early, _))) if late.end() < early.start() => {
            Some((late_index, late, early, what))
        }
        _ => None,
    };
    let problems = [
        out_of_order(ratified, signed, "signature"),
        out_of_order(in_force, party, "ratification or accession"),
    ];
    for (index, date, earlier, what) in problems.into_iter().flatten() {
        let event = &dataset.events[index];
        findings.push(finding(
            Severity::Warning,
            Section::Events,
            index,
            "date",
            format!(
                "\"{}\" {} \"{}\" on {date}, before its {what} on {earlier}",
                event.actor_id,
                event.kind.label().to_lowercase(),
                event.body_id,
            ),
        ));
    }

    let mut seen = HashSet::new();
    for &index in indices {
        let event = &dataset.events[index];
        if !seen.insert((event.kind, event.date)) {
            findings.push(finding(
                Severity::Warning,
                Section::Events,
                index,
                "event",
                format!(
                    "duplicate event: {} \"{}\" {} {} appears twice",
                    event.body_id, event.actor_id, event.kind, event.date
                ),
            ));
        }
    }
}
