//! Adding a second dataset to the open one, as one undoable [`Edit`].
//!
//! Records are matched the way a user of Gephi's "append to workspace" would expect:
//! - an actor is the same actor when it has the same id, or else the same ISO3 code (a
//!   table that calls the United States `USA` and a dataset that calls it `us` mean one
//!   state): its events and relations are carried over to the open dataset's id;
//! - a body is the same body when it has the same id;
//! - an event is already there when the open dataset has an event of the same actor, body,
//!   kind and date (its source and note may differ), and a relation when it has one with the
//!   same ends and kind.
//!
//! Records of the open dataset always win: a matched actor or body keeps its name and
//! attributes, and the summary names those the file describes differently. Nothing is
//! removed, and the dataset's title and notes stay.

use std::collections::{HashMap, HashSet};

use super::{Change, Edit};
use crate::model::{Dataset, Event, Relation};

/// An edit adding a dataset, and what it does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Merge {
    /// The edit: inserts only, at the end of each list.
    pub edit: Edit,
    /// What was added and what was already there.
    pub summary: MergeSummary,
}

/// Counts of a merge, for the status line.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MergeSummary {
    /// New actors.
    pub actors: usize,
    /// New bodies.
    pub bodies: usize,
    /// New events.
    pub events: usize,
    /// New relations.
    pub relations: usize,
    /// Events and relations the open dataset already had.
    pub already_there: usize,
    /// Ids of matched actors and bodies the file describes differently (the open
    /// dataset's records were kept), sorted.
    pub kept: Vec<String>,
}

impl MergeSummary {
    /// Whether the merge adds nothing.
    pub fn is_empty(&self) -> bool {
        self.actors + self.bodies + self.events + self.relations == 0
    }
}

impl std::fmt::Display for MergeSummary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let counts = [
            (self.bodies, "body", "bodies"),
            (self.actors, "actor", "actors"),
            (self.events, "event", "events"),
            (self.relations, "relation", "relations"),
        ];
        let added: Vec<String> = counts
            .iter()
            .filter(|(n, ..)| *n > 0)
            .map(|&(n, one, many)| format!("{n} {}", if n == 1 { one } else { many }))
            .collect();
        if added.is_empty() {
            write!(f, "nothing new")?;
        } else {
            write!(f, "added {}", added.join(", "))?;
        }
        if self.already_there > 0 {
            write!(f, "; {} already there", self.already_there)?;
        }
        if !self.kept.is_empty() {
            let shown: Vec<&str> = self.kept.iter().take(5).map(String::as_str).collect();
            let more = self.kept.len().saturating_sub(shown.len());
            write!(f, "; kept the open dataset's {}", shown.join(", "))?;
            if more > 0 {
                write!(f, " and {more} more")?;
            }
        }
        Ok(())
    }
}

/// The edit that adds `incoming` to `current` (see the module comment). `label` names the
/// source in the Undo menu ("add data from treaties.csv").
pub fn merge(current: &Dataset, incoming: &Dataset, label: &str) -> Merge {
    let mut summary = MergeSummary::default();
    let mut changes = Vec::new();
    let mut kept = HashSet::new();

    // Actors: incoming id → the id used in the merged dataset.
    let by_id: HashMap<&str, usize> = current
        .actors
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    let by_iso3: HashMap<&str, usize> = current
        .actors
        .iter()
        .enumerate()
        .filter_map(|(i, a)| a.iso3.as_deref().map(|code| (code, i)))
        .collect();
    let mut actor_ids: HashMap<&str, String> = HashMap::new();
    for actor in &incoming.actors {
        let matched = by_id
            .get(actor.id.as_str())
            .or_else(|| actor.iso3.as_deref().and_then(|code| by_iso3.get(code)))
            .and_then(|&i| current.actors.get(i));
        match matched {
            Some(existing) => {
                let mut renamed = actor.clone();
                renamed.id.clone_from(&existing.id);
                if &renamed != existing {
                    kept.insert(existing.id.clone());
                }
                actor_ids.insert(&actor.id, existing.id.clone());
            }
            None => {
                changes.push(Change::Actor {
                    index: current.actors.len() + summary.actors,
                    old: None,
                    new: Some(actor.clone()),
                });
                summary.actors += 1;
                actor_ids.insert(&actor.id, actor.id.clone());
            }
        }
    }
    let actor_id = |id: &str| actor_ids.get(id).cloned().unwrap_or_else(|| id.to_owned());

    // Bodies, by id.
    let bodies: HashMap<&str, usize> = current
        .bodies
        .iter()
        .enumerate()
        .map(|(i, b)| (b.id.as_str(), i))
        .collect();
    for body in &incoming.bodies {
        match bodies
            .get(body.id.as_str())
            .and_then(|&i| current.bodies.get(i))
        {
            Some(existing) => {
                if existing != body {
                    kept.insert(existing.id.clone());
                }
            }
            None => {
                changes.push(Change::Body {
                    index: current.bodies.len() + summary.bodies,
                    old: None,
                    new: Some(body.clone()),
                });
                summary.bodies += 1;
            }
        }
    }

    // Events, unless the same fact is there (or was just added: files repeat rows).
    let key = |e: &Event| (e.actor_id.clone(), e.body_id.clone(), e.kind, e.date);
    let mut events: HashSet<_> = current.events.iter().map(key).collect();
    for event in &incoming.events {
        let mut event = event.clone();
        event.actor_id = actor_id(&event.actor_id);
        if events.insert(key(&event)) {
            changes.push(Change::Event {
                index: current.events.len() + summary.events,
                old: None,
                new: Some(event),
            });
            summary.events += 1;
        } else {
            summary.already_there += 1;
        }
    }

    // Relations (between bodies, so no actor ids to carry over).
    let key = |r: &Relation| (r.from.clone(), r.to.clone(), r.kind);
    let mut relations: HashSet<_> = current.relations.iter().map(key).collect();
    for relation in &incoming.relations {
        if relations.insert(key(relation)) {
            changes.push(Change::Relation {
                index: current.relations.len() + summary.relations,
                old: None,
                new: Some(relation.clone()),
            });
            summary.relations += 1;
        } else {
            summary.already_there += 1;
        }
    }

    summary.kept = kept.into_iter().collect();
    summary.kept.sort();
    Merge {
        edit: Edit::new(label, changes),
        summary,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::check::Severity;
    use crate::model::check::check;
    use crate::model::{Actor, ActorKind};

    use super::super::small_fixture as small;

    fn errors(dataset: &Dataset) -> Vec<String> {
        check(dataset)
            .into_iter()
            .filter(|f| f.severity == Severity::Error)
            .map(|f| f.message)
            .collect()
    }

    #[test]
    fn a_dataset_merged_into_itself_adds_nothing() {
        let dataset = small();
        let merge = merge(&dataset, &dataset, "add data");
        assert!(merge.summary.is_empty(), "{}", merge.summary);
        assert!(merge.edit.changes.is_empty());
        assert_eq!(
            merge.summary.already_there,
            dataset.events.len() + dataset.relations.len()
        );
        assert!(merge.summary.kept.is_empty());
    }

    #[test]
    fn new_records_are_added_existing_ones_kept_and_undo_restores() {
        let current = small();
        let mut incoming = small();
        // One body with its events and relations, two new actors, one changed name.
        incoming.bodies.retain(|b| b.id == "foc");
        incoming.bodies[0].id = "foc2".into();
        incoming.events.retain(|e| e.body_id == "foc");
        for event in &mut incoming.events {
            event.body_id = "foc2".into();
        }
        incoming.relations.clear();
        let renamed = incoming.actors.iter_mut().find(|a| a.id == "CAN").unwrap();
        renamed.name = "Kanada".into();
        incoming.actors.push(Actor {
            id: "NZL".into(),
            name: "New Zealand".into(),
            kind: ActorKind::State,
            iso3: Some("NZL".into()),
            region: None,
            subregion: None,
            url: None,
            note: String::new(),
        });
        let merge = merge(&current, &incoming, "add data from more.json");
        assert_eq!(merge.summary.bodies, 1);
        assert_eq!(merge.summary.actors, 1);
        assert_eq!(merge.summary.events, incoming.events.len());
        assert_eq!(merge.summary.kept, vec!["CAN".to_owned()]);
        assert_eq!(merge.edit.label, "add data from more.json");

        let mut merged = current.clone();
        merge.edit.apply(&mut merged).unwrap();
        assert!(errors(&merged).is_empty(), "{:?}", errors(&merged));
        assert_eq!(merged.bodies.len(), current.bodies.len() + 1);
        let canada = merged.actors.iter().find(|a| a.id == "CAN").unwrap();
        assert_eq!(canada.name, "Canada", "the open dataset's record wins");
        merge.edit.inverse().apply(&mut merged).unwrap();
        assert_eq!(merged, current);
    }

    #[test]
    fn actors_are_matched_by_iso3_and_their_events_follow() {
        let current = small();
        let mut incoming = small();
        // The file calls Japan "jp": its events must land on the open dataset's JPN.
        for actor in &mut incoming.actors {
            if actor.id == "JPN" {
                actor.id = "jp".into();
            }
        }
        incoming.events.retain(|e| e.actor_id == "JPN");
        incoming.relations.clear();
        for event in &mut incoming.events {
            event.actor_id = "jp".into();
            event.note = "from another file".into();
        }
        let mut extra = incoming.events[0].clone();
        extra.body_id = "igf".into();
        incoming.events.push(extra);
        let merge = merge(&current, &incoming, "add data");
        assert_eq!(merge.summary.actors, 0, "no second Japan");
        assert_eq!(merge.summary.events, 1, "{}", merge.summary);
        assert_eq!(merge.summary.already_there, incoming.events.len() - 1);
        let mut merged = current.clone();
        merge.edit.apply(&mut merged).unwrap();
        assert!(errors(&merged).is_empty(), "{:?}", errors(&merged));
        let added = merged.events.last().unwrap();
        assert_eq!(
            (added.actor_id.as_str(), added.body_id.as_str()),
            ("JPN", "igf")
        );
    }

    #[test]
    fn the_summary_reads_as_a_sentence() {
        let summary = MergeSummary {
            actors: 1,
            bodies: 2,
            events: 30,
            relations: 0,
            already_there: 4,
            kept: (1..=7).map(|i| format!("id{i}")).collect(),
        };
        assert_eq!(
            summary.to_string(),
            "added 2 bodies, 1 actor, 30 events; 4 already there; \
             kept the open dataset's id1, id2, id3, id4, id5 and 2 more"
        );
        assert_eq!(MergeSummary::default().to_string(), "nothing new");
    }
}
