//! Edits of lessons and their slides. Each is one [`Change::Lesson`] (the lesson before and
//! after), so that undo restores a lesson whole; none touches the records the timeline and
//! the scene are built from (see [`Edit::only_lessons`]).

use super::change::{Change, Edit};
use crate::model::{Dataset, Lesson, Slide};

impl Edit {
    /// Adds an empty lesson at the end, named `name` (made unique with a number).
    pub fn add_lesson(dataset: &Dataset, name: &str) -> Self {
        let name = unique_lesson_name(dataset, name, None);
        Self::new(
            format!("add lesson {name}"),
            vec![Change::Lesson {
                index: dataset.lessons.len(),
                old: None,
                new: Some(Lesson {
                    name,
                    slides: Vec::new(),
                }),
            }],
        )
    }

    /// Renames the lesson at `index` (made unique with a number; `None` when the name is
    /// blank or unchanged).
    pub fn rename_lesson(dataset: &Dataset, index: usize, name: &str) -> Option<Self> {
        let name = name.trim();
        let old = dataset.lessons.get(index)?;
        if name.is_empty() || old.name == name {
            return None;
        }
        let name = unique_lesson_name(dataset, name, Some(index));
        Self::lesson_change(dataset, index, format!("rename lesson {name}"), |lesson| {
            lesson.name = name;
            true
        })
    }

    /// Removes the lesson at `index`.
    pub fn remove_lesson(dataset: &Dataset, index: usize) -> Option<Self> {
        let old = dataset.lessons.get(index)?.clone();
        Some(Self::new(
            format!("delete lesson {}", old.name),
            vec![Change::Lesson {
                index,
                old: Some(old),
                new: None,
            }],
        ))
    }

    /// Inserts `slide` into lesson `lesson` at `at` (clamped to the end).
    pub fn add_slide(dataset: &Dataset, lesson: usize, at: usize, slide: Slide) -> Option<Self> {
        Self::lesson_change(dataset, lesson, "add slide".into(), |lesson| {
            let at = at.min(lesson.slides.len());
            lesson.slides.insert(at, slide);
            true
        })
    }

    /// Replaces slide `index` of lesson `lesson` (its caption, its title or its view).
    pub fn change_slide(
        dataset: &Dataset,
        lesson: usize,
        index: usize,
        slide: Slide,
    ) -> Option<Self> {
        Self::lesson_change(
            dataset,
            lesson,
            "change slide".into(),
            |lesson| match lesson.slides.get_mut(index) {
                Some(old) if *old != slide => {
                    *old = slide;
                    true
                }
                _ => false,
            },
        )
    }

    /// Moves slide `from` of lesson `lesson` to position `to`.
    pub fn move_slide(dataset: &Dataset, lesson: usize, from: usize, to: usize) -> Option<Self> {
        Self::lesson_change(dataset, lesson, "move slide".into(), |lesson| {
            if from >= lesson.slides.len() || to >= lesson.slides.len() || from == to {
                return false;
            }
            let slide = lesson.slides.remove(from);
            lesson.slides.insert(to, slide);
            true
        })
    }

    /// Puts a copy of slide `index` of lesson `lesson` right after it.
    pub fn duplicate_slide(dataset: &Dataset, lesson: usize, index: usize) -> Option<Self> {
        Self::lesson_change(
            dataset,
            lesson,
            "duplicate slide".into(),
            |lesson| match lesson.slides.get(index).cloned() {
                Some(copy) => {
                    lesson.slides.insert(index + 1, copy);
                    true
                }
                None => false,
            },
        )
    }

    /// Removes slide `index` of lesson `lesson`.
    pub fn remove_slide(dataset: &Dataset, lesson: usize, index: usize) -> Option<Self> {
        Self::lesson_change(dataset, lesson, "delete slide".into(), |lesson| {
            if index < lesson.slides.len() {
                lesson.slides.remove(index);
                true
            } else {
                false
            }
        })
    }

    /// The edit that changes lesson `index` as `change` does, or `None` when there is no
    /// such lesson or `change` says nothing changed.
    fn lesson_change(
        dataset: &Dataset,
        index: usize,
        label: String,
        change: impl FnOnce(&mut Lesson) -> bool,
    ) -> Option<Self> {
        let old = dataset.lessons.get(index)?;
        let mut new = old.clone();
        change(&mut new).then(|| {
            Self::new(
                label,
                vec![Change::Lesson {
                    index,
                    old: Some(old.clone()),
                    new: Some(new),
                }],
            )
        })
    }
}

/// `name`, or `name 2`, `name 3`, ... when another lesson already has it.
/// The lesson at `except` (being renamed) does not count.
fn unique_lesson_name(dataset: &Dataset, name: &str, except: Option<usize>) -> String {
    let taken = |candidate: &str| {
        dataset
            .lessons
            .iter()
            .enumerate()
            .any(|(index, lesson)| Some(index) != except && lesson.name == candidate)
    };
    if !taken(name) {
        return name.to_owned();
    }
    (2..)
        .map(|number| format!("{name} {number}"))
        .find(|candidate| !taken(candidate))
        .unwrap_or_else(|| name.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::History;
    use crate::model::{Actor, Month, SlideSelection};

    fn dataset_with_a_lesson() -> Dataset {
        let mut dataset = crate::edit::small_fixture();
        dataset.lessons.push(Lesson {
            name: "Lesson".into(),
            slides: vec![
                Slide::at("one", Month::new(2001, 1)),
                Slide::at("two", Month::new(2002, 1)),
            ],
        });
        dataset
    }

    fn titles(dataset: &Dataset) -> Vec<&str> {
        dataset.lessons[0]
            .slides
            .iter()
            .map(|slide| slide.title.as_str())
            .collect()
    }

    #[test]
    fn slide_edits_apply_and_undo_one_by_one() {
        let mut dataset = dataset_with_a_lesson();
        let original = dataset.clone();
        let mut history = History::new();
        let mut three = Slide::at("three", Month::new(2003, 1));
        three.caption = "The *third*".into();
        let add = Edit::add_slide(&dataset, 0, 9, three).unwrap();
        assert!(add.only_lessons());
        history.apply(&mut dataset, add).unwrap();
        assert_eq!(titles(&dataset), ["one", "two", "three"]);
        let moved = Edit::move_slide(&dataset, 0, 2, 0).unwrap();
        history.apply(&mut dataset, moved).unwrap();
        assert_eq!(titles(&dataset), ["three", "one", "two"]);
        let copy = Edit::duplicate_slide(&dataset, 0, 1).unwrap();
        history.apply(&mut dataset, copy).unwrap();
        assert_eq!(titles(&dataset), ["three", "one", "one", "two"]);
        let mut captioned = dataset.lessons[0].slides[2].clone();
        captioned.caption = "A new caption".into();
        let change = Edit::change_slide(&dataset, 0, 2, captioned).unwrap();
        history.apply(&mut dataset, change).unwrap();
        assert_eq!(dataset.lessons[0].slides[2].caption, "A new caption");
        assert_eq!(dataset.lessons[0].slides[1].caption, "");
        let delete = Edit::remove_slide(&dataset, 0, 0).unwrap();
        history.apply(&mut dataset, delete).unwrap();
        assert_eq!(titles(&dataset), ["one", "one", "two"]);

        for expected in [
            vec!["three", "one", "one", "two"],
            vec!["three", "one", "one", "two"],
            vec!["three", "one", "two"],
            vec!["one", "two", "three"],
            vec!["one", "two"],
        ] {
            history.undo(&mut dataset).unwrap().unwrap();
            assert_eq!(titles(&dataset), expected);
        }
        assert_eq!(dataset, original);
        assert_eq!(
            dataset.lessons[0].slides[1].caption, "",
            "the caption came back with the undo"
        );
    }

    #[test]
    fn edits_that_change_nothing_are_none() {
        let dataset = dataset_with_a_lesson();
        assert!(Edit::move_slide(&dataset, 0, 1, 1).is_none());
        assert!(Edit::move_slide(&dataset, 0, 0, 5).is_none());
        assert!(Edit::remove_slide(&dataset, 0, 2).is_none());
        assert!(
            Edit::remove_slide(&dataset, 1, 0).is_none(),
            "no such lesson"
        );
        let same = dataset.lessons[0].slides[0].clone();
        assert!(Edit::change_slide(&dataset, 0, 0, same).is_none());
        assert!(Edit::rename_lesson(&dataset, 0, "  ").is_none());
    }

    #[test]
    fn lesson_names_stay_unique() {
        let mut dataset = dataset_with_a_lesson();
        let add = Edit::add_lesson(&dataset, "Lesson");
        add.apply(&mut dataset).unwrap();
        assert_eq!(dataset.lessons[1].name, "Lesson 2");
        let rename = Edit::rename_lesson(&dataset, 1, "Lesson").unwrap();
        assert!(
            rename.apply(&mut dataset).is_ok(),
            "renaming to a taken name numbers it"
        );
        assert_eq!(dataset.lessons[1].name, "Lesson 2");
        Edit::remove_lesson(&dataset, 0)
            .unwrap()
            .apply(&mut dataset)
            .unwrap();
        assert_eq!(dataset.lessons.len(), 1);
    }

    #[test]
    fn renaming_an_actor_renames_it_in_slides() {
        let mut dataset = dataset_with_a_lesson();
        let actor_index = 0;
        let old_id = dataset.actors[actor_index].id.clone();
        dataset.lessons[0].slides[1].selection = Some(SlideSelection::Actor(old_id.clone()));
        let renamed = Actor {
            id: "NEW".into(),
            ..dataset.actors[actor_index].clone()
        };
        let edit = Edit::change_actor(&dataset, actor_index, renamed).unwrap();
        assert!(!edit.only_lessons());
        let before = dataset.clone();
        edit.apply(&mut dataset).unwrap();
        assert_eq!(
            dataset.lessons[0].slides[1].selection,
            Some(SlideSelection::Actor("NEW".into()))
        );
        edit.inverse().apply(&mut dataset).unwrap();
        assert_eq!(dataset, before);
    }
}
