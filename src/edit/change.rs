//! Reversible edits of a [`Dataset`].

use crate::model::{Actor, Body, Dataset, Event, Lesson, Meta, Relation, SlideSelection};

/// One record inserted, replaced or removed at a position of its list.
///
/// `old: None, new: Some` inserts at `index`; `old: Some, new: None` removes the record at
/// `index`; both `Some` replace it. Swapping `old` and `new` gives the inverse.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    /// A change to `actors`.
    Actor {
        /// Position in the list.
        index: usize,
        /// The record before.
        old: Option<Actor>,
        /// The record after.
        new: Option<Actor>,
    },
    /// A change to `bodies`.
    Body {
        /// Position in the list.
        index: usize,
        /// The record before.
        old: Option<Body>,
        /// The record after.
        new: Option<Body>,
    },
    /// A change to `relations`.
    Relation {
        /// Position in the list.
        index: usize,
        /// The record before.
        old: Option<Relation>,
        /// The record after.
        new: Option<Relation>,
    },
    /// A change to `events`.
    Event {
        /// Position in the list.
        index: usize,
        /// The record before.
        old: Option<Event>,
        /// The record after.
        new: Option<Event>,
    },
    /// A change to `lessons` (a lesson and its slides, as one record).
    Lesson {
        /// Position in the list.
        index: usize,
        /// The lesson before.
        old: Option<Lesson>,
        /// The lesson after.
        new: Option<Lesson>,
    },
    /// A change to the title, description, licence or notes.
    Meta {
        /// Before.
        old: Meta,
        /// After.
        new: Meta,
    },
}

/// Why an edit could not be applied: the dataset is not the one it was built for.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("the edit does not fit the dataset: {0}")]
pub struct Mismatch(String);

fn splice<T: Clone + PartialEq>(
    list: &mut Vec<T>,
    index: usize,
    old: Option<&T>,
    new: Option<&T>,
    what: &str,
) -> Result<(), Mismatch> {
    match (old, new) {
        (None, None) => Ok(()),
        (None, Some(new)) if index <= list.len() => {
            list.insert(index, new.clone());
            Ok(())
        }
        (Some(old), new) if list.get(index) == Some(old) => {
            match new {
                Some(new) => {
                    if let Some(slot) = list.get_mut(index) {
                        *slot = new.clone();
                    }
                }
                None => {
                    list.remove(index);
                }
            }
            Ok(())
        }
        _ => Err(Mismatch(format!(
            "{what}[{index}] is not what the edit expects"
        ))),
    }
}

impl Change {
    /// The change that undoes this one.
    pub fn inverse(&self) -> Self {
        match self.clone() {
            Self::Actor { index, old, new } => Self::Actor {
                index,
                old: new,
                new: old,
            },
            Self::Body { index, old, new } => Self::Body {
                index,
                old: new,
                new: old,
            },
            Self::Relation { index, old, new } => Self::Relation {
                index,
                old: new,
                new: old,
            },
            Self::Event { index, old, new } => Self::Event {
                index,
                old: new,
                new: old,
            },
            Self::Lesson { index, old, new } => Self::Lesson {
                index,
                old: new,
                new: old,
            },
            Self::Meta { old, new } => Self::Meta { old: new, new: old },
        }
    }

    fn apply(&self, dataset: &mut Dataset) -> Result<(), Mismatch> {
        match self {
            Self::Actor { index, old, new } => splice(
                &mut dataset.actors,
                *index,
                old.as_ref(),
                new.as_ref(),
                "actors",
            ),
            Self::Body { index, old, new } => splice(
                &mut dataset.bodies,
                *index,
                old.as_ref(),
                new.as_ref(),
                "bodies",
            ),
            Self::Relation { index, old, new } => splice(
                &mut dataset.relations,
                *index,
                old.as_ref(),
                new.as_ref(),
                "relations",
            ),
            Self::Event { index, old, new } => splice(
                &mut dataset.events,
                *index,
                old.as_ref(),
                new.as_ref(),
                "events",
            ),
            Self::Lesson { index, old, new } => splice(
                &mut dataset.lessons,
                *index,
                old.as_ref(),
                new.as_ref(),
                "lessons",
            ),
            Self::Meta { old, new } => {
                if dataset.meta == *old {
                    dataset.meta = new.clone();
                    Ok(())
                } else {
                    Err(Mismatch("the metadata is not what the edit expects".into()))
                }
            }
        }
    }
}

/// The lessons whose slides select `old`, changed to select `new` (a renamed id).
fn renamed_in_lessons(
    dataset: &Dataset,
    old: &SlideSelection,
    new: &SlideSelection,
) -> Vec<Change> {
    dataset
        .lessons
        .iter()
        .enumerate()
        .filter(|(_, lesson)| {
            lesson
                .slides
                .iter()
                .any(|slide| slide.selection.as_ref() == Some(old))
        })
        .map(|(index, lesson)| {
            let mut renamed = lesson.clone();
            for slide in &mut renamed.slides {
                if slide.selection.as_ref() == Some(old) {
                    slide.selection = Some(new.clone());
                }
            }
            Change::Lesson {
                index,
                old: Some(lesson.clone()),
                new: Some(renamed),
            }
        })
        .collect()
}

/// A user's action on the dataset: one or more changes applied in order, with a label for
/// the Undo menu ("Undo change event date").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    /// What the edit does, in a few words.
    pub label: String,
    /// The changes, applied in order.
    pub changes: Vec<Change>,
}

impl Edit {
    pub(super) fn new(label: impl Into<String>, changes: Vec<Change>) -> Self {
        Self {
            label: label.into(),
            changes,
        }
    }

    /// Whether the edit changes only lessons: nothing the timeline, the scene or the layout
    /// is built from.
    pub fn only_lessons(&self) -> bool {
        self.changes
            .iter()
            .all(|change| matches!(change, Change::Lesson { .. }))
    }

    /// The edit that undoes this one: inverse changes in reverse order.
    pub fn inverse(&self) -> Self {
        Self::new(
            self.label.clone(),
            self.changes.iter().rev().map(Change::inverse).collect(),
        )
    }

    /// Applies every change, or none: on a mismatch the dataset is left as it was.
    pub fn apply(&self, dataset: &mut Dataset) -> Result<(), Mismatch> {
        for (done, change) in self.changes.iter().enumerate() {
            if let Err(error) = change.apply(dataset) {
                for applied in self.changes.iter().take(done).rev() {
                    // Undoing what was just applied cannot mismatch.
                    let _ = applied.inverse().apply(dataset);
                }
                return Err(error);
            }
        }
        Ok(())
    }

    /// Adds an event at the end of the list.
    pub fn add_event(dataset: &Dataset, event: Event) -> Self {
        Self::new(
            "add event",
            vec![Change::Event {
                index: dataset.events.len(),
                old: None,
                new: Some(event),
            }],
        )
    }

    /// Replaces the event at `index`; `None` when there is none.
    pub fn change_event(dataset: &Dataset, index: usize, event: Event) -> Option<Self> {
        let old = dataset.events.get(index)?.clone();
        let label = if old.date != event.date {
            "change event date"
        } else {
            "change event"
        };
        Some(Self::new(
            label,
            vec![Change::Event {
                index,
                old: Some(old),
                new: Some(event),
            }],
        ))
    }

    /// Removes the event at `index`; `None` when there is none.
    pub fn remove_event(dataset: &Dataset, index: usize) -> Option<Self> {
        let old = dataset.events.get(index)?.clone();
        Some(Self::new(
            "delete event",
            vec![Change::Event {
                index,
                old: Some(old),
                new: None,
            }],
        ))
    }

    /// Adds an actor at the end of the list.
    pub fn add_actor(dataset: &Dataset, actor: Actor) -> Self {
        Self::new(
            format!("add {}", actor.name),
            vec![Change::Actor {
                index: dataset.actors.len(),
                old: None,
                new: Some(actor),
            }],
        )
    }

    /// Replaces the actor at `index`; a new id is carried into its events.
    pub fn change_actor(dataset: &Dataset, index: usize, actor: Actor) -> Option<Self> {
        let old = dataset.actors.get(index)?.clone();
        let mut changes = Vec::new();
        if old.id != actor.id {
            for (i, event) in dataset.events.iter().enumerate() {
                if event.actor_id == old.id {
                    let mut renamed = event.clone();
                    renamed.actor_id.clone_from(&actor.id);
                    changes.push(Change::Event {
                        index: i,
                        old: Some(event.clone()),
                        new: Some(renamed),
                    });
                }
            }
            changes.extend(renamed_in_lessons(
                dataset,
                &SlideSelection::Actor(old.id.clone()),
                &SlideSelection::Actor(actor.id.clone()),
            ));
        }
        let label = format!("change {}", actor.name);
        changes.insert(
            0,
            Change::Actor {
                index,
                old: Some(old),
                new: Some(actor),
            },
        );
        Some(Self::new(label, changes))
    }

    /// Removes the actor at `index` with its events.
    pub fn remove_actor(dataset: &Dataset, index: usize) -> Option<Self> {
        let old = dataset.actors.get(index)?.clone();
        let mut changes = removals_of_events(dataset, |event| event.actor_id == old.id);
        let label = format!("delete {}", old.name);
        changes.push(Change::Actor {
            index,
            old: Some(old),
            new: None,
        });
        Some(Self::new(label, changes))
    }

    /// Adds a body at the end of the list.
    pub fn add_body(dataset: &Dataset, body: Body) -> Self {
        Self::new(
            format!("add {}", body.label()),
            vec![Change::Body {
                index: dataset.bodies.len(),
                old: None,
                new: Some(body),
            }],
        )
    }

    /// Replaces the body at `index`; a new id is carried into its events and relations.
    pub fn change_body(dataset: &Dataset, index: usize, body: Body) -> Option<Self> {
        let old = dataset.bodies.get(index)?.clone();
        let mut changes = vec![];
        if old.id != body.id {
            for (i, event) in dataset.events.iter().enumerate() {
                if event.body_id == old.id {
                    let mut renamed = event.clone();
                    renamed.body_id.clone_from(&body.id);
                    changes.push(Change::Event {
                        index: i,
                        old: Some(event.clone()),
                        new: Some(renamed),
                    });
                }
            }
            for (i, relation) in dataset.relations.iter().enumerate() {
                if relation.from == old.id || relation.to == old.id {
                    let mut renamed = relation.clone();
                    if renamed.from == old.id {
                        renamed.from.clone_from(&body.id);
                    }
                    if renamed.to == old.id {
                        renamed.to.clone_from(&body.id);
                    }
                    changes.push(Change::Relation {
                        index: i,
                        old: Some(relation.clone()),
                        new: Some(renamed),
                    });
                }
            }
            changes.extend(renamed_in_lessons(
                dataset,
                &SlideSelection::Body(old.id.clone()),
                &SlideSelection::Body(body.id.clone()),
            ));
        }
        let label = format!("change {}", body.label());
        changes.insert(
            0,
            Change::Body {
                index,
                old: Some(old),
                new: Some(body),
            },
        );
        Some(Self::new(label, changes))
    }

    /// Removes the body at `index` with its events and relations.
    pub fn remove_body(dataset: &Dataset, index: usize) -> Option<Self> {
        let old = dataset.bodies.get(index)?.clone();
        let mut changes = removals_of_events(dataset, |event| event.body_id == old.id);
        changes.extend(
            dataset
                .relations
                .iter()
                .enumerate()
                .rev()
                .filter(|(_, relation)| relation.from == old.id || relation.to == old.id)
                .map(|(i, relation)| Change::Relation {
                    index: i,
                    old: Some(relation.clone()),
                    new: None,
                }),
        );
        let label = format!("delete {}", old.label());
        changes.push(Change::Body {
            index,
            old: Some(old),
            new: None,
        });
        Some(Self::new(label, changes))
    }

    /// Adds a relation at the end of the list.
    pub fn add_relation(dataset: &Dataset, relation: Relation) -> Self {
        Self::new(
            "add relation",
            vec![Change::Relation {
                index: dataset.relations.len(),
                old: None,
                new: Some(relation),
            }],
        )
    }

    /// Replaces the relation at `index`.
    pub fn change_relation(dataset: &Dataset, index: usize, relation: Relation) -> Option<Self> {
        let old = dataset.relations.get(index)?.clone();
        Some(Self::new(
            "change relation",
            vec![Change::Relation {
                index,
                old: Some(old),
                new: Some(relation),
            }],
        ))
    }

    /// Removes the relation at `index`.
    pub fn remove_relation(dataset: &Dataset, index: usize) -> Option<Self> {
        let old = dataset.relations.get(index)?.clone();
        Some(Self::new(
            "delete relation",
            vec![Change::Relation {
                index,
                old: Some(old),
                new: None,
            }],
        ))
    }

    /// Replaces the title, description, licence and notes.
    pub fn change_meta(dataset: &Dataset, meta: Meta) -> Self {
        Self::new(
            "change dataset details",
            vec![Change::Meta {
                old: dataset.meta.clone(),
                new: meta,
            }],
        )
    }
}

/// Removals of the events matching `matches`, from the last to the first so that each index
/// is still right when its change is applied.
fn removals_of_events(dataset: &Dataset, matches: impl Fn(&Event) -> bool) -> Vec<Change> {
    dataset
        .events
        .iter()
        .enumerate()
        .rev()
        .filter(|(_, event)| matches(event))
        .map(|(index, event)| Change::Event {
            index,
            old: Some(event.clone()),
            new: None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    use super::super::small_fixture as small;

    fn round_trip(edit: &Edit) {
        let before = small();
        let mut dataset = before.clone();
        edit.apply(&mut dataset).unwrap();
        assert_ne!(dataset, before, "{} changed nothing", edit.label);
        edit.inverse().apply(&mut dataset).unwrap();
        assert_eq!(
            dataset, before,
            "undo of {} restores the dataset",
            edit.label
        );
    }

    #[test]
    fn every_builder_is_undone_by_its_inverse() {
        let dataset = small();
        let mut event = dataset.events[0].clone();
        event.note = "edited".into();
        let mut actor = dataset.actors[0].clone();
        actor.id = "renamed".into();
        let mut body = dataset.bodies[0].clone();
        body.id = "renamed_body".into();
        let edits = [
            Edit::add_event(&dataset, event.clone()),
            Edit::change_event(&dataset, 0, event).unwrap(),
            Edit::remove_event(&dataset, 1).unwrap(),
            Edit::change_actor(&dataset, 0, actor).unwrap(),
            Edit::remove_actor(&dataset, 0).unwrap(),
            Edit::change_body(&dataset, 0, body).unwrap(),
            Edit::remove_body(&dataset, 0).unwrap(),
        ];
        for edit in &edits {
            round_trip(edit);
        }
    }

    #[test]
    fn deleting_a_body_deletes_its_events_and_relations() {
        let mut dataset = small();
        let id = dataset.bodies[0].id.clone();
        assert!(dataset.events.iter().any(|e| e.body_id == id));
        Edit::remove_body(&dataset, 0)
            .unwrap()
            .apply(&mut dataset)
            .unwrap();
        assert!(dataset.body(&id).is_none());
        assert!(dataset.events.iter().all(|e| e.body_id != id));
        assert!(dataset.relations.iter().all(|r| r.from != id && r.to != id));
        let errors = crate::model::check::check(&dataset)
            .into_iter()
            .filter(|f| f.severity == crate::model::check::Severity::Error)
            .count();
        assert_eq!(errors, 0, "no dangling references are left");
    }

    #[test]
    fn renaming_an_actor_renames_it_in_its_events() {
        let mut dataset = small();
        let old_id = dataset.actors[0].id.clone();
        let count = dataset
            .events
            .iter()
            .filter(|e| e.actor_id == old_id)
            .count();
        assert!(count > 0);
        let mut actor = dataset.actors[0].clone();
        actor.id = "XYZ".into();
        Edit::change_actor(&dataset, 0, actor)
            .unwrap()
            .apply(&mut dataset)
            .unwrap();
        assert_eq!(
            dataset
                .events
                .iter()
                .filter(|e| e.actor_id == "XYZ")
                .count(),
            count
        );
        assert!(dataset.events.iter().all(|e| e.actor_id != old_id));
    }

    #[test]
    fn a_stale_edit_is_refused_and_changes_nothing() {
        let mut dataset = small();
        let edit = Edit::remove_body(&dataset, 0).unwrap();
        // Someone else removed an event the edit expects.
        dataset.events.remove(0);
        let before = dataset.clone();
        assert!(edit.apply(&mut dataset).is_err());
        assert_eq!(dataset, before);
    }
}
