//! Lessons in the app: which slide is shown, the view a slide shows over the user's own
//! (theme and arrangement stay theirs), and the view of this moment as a new slide. The
//! built-in sample's first lesson, "Ideas from the chapter", is the guided tour.

use super::{AppState, Command};
use crate::document::Document;
use crate::model::{Slide, SlideCamera};
use crate::scene::View;

/// The name of the sample's first lesson: the chapter's ideas, one slide each.
pub const IDEAS_LESSON: &str = "Ideas from the chapter";

/// A slide of a lesson, by position.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct SlideRef {
    /// The lesson's position in the dataset.
    pub lesson: usize,
    /// The slide's position in the lesson.
    pub slide: usize,
}

/// The slide at `at`, when the dataset has it.
pub fn slide_at(document: &Document, at: SlideRef) -> Option<&Slide> {
    document
        .dataset
        .lessons
        .get(at.lesson)?
        .slides
        .get(at.slide)
}

/// The command that shows the slide at `at` over the view of `state`, or `None` when the
/// dataset has no such slide.
pub fn show_slide(document: &Document, state: &AppState, at: SlideRef) -> Option<Command> {
    let slide = slide_at(document, at)?;
    let view = View::of_slide(slide, &document.timeline, &state.view);
    Some(Command::ShowSlide {
        at,
        view: Box::new(view),
    })
}

/// The view of `state` as a new slide, titled after what it shows.
pub fn slide_of_view(document: &Document, state: &AppState, camera: Option<SlideCamera>) -> Slide {
    let view = &state.view;
    let subject = view
        .selection
        .and_then(|selection| document.node_id(selection.node()))
        .and_then(|id| document.node_of_id(id))
        .map(|node| document.node_label(node).to_owned());
    let date = format!(
        "{} {}",
        crate::model::month_name(view.date.month()),
        view.date.year()
    );
    let title = match subject {
        Some(subject) => format!("{subject}, {date}"),
        None => format!("{}, {date}", view.kind.label()),
    };
    view.to_slide(&document.dataset, title, String::new(), camera)
}

/// The position of the lesson named `name`.
pub fn lesson_named(document: &Document, name: &str) -> Option<usize> {
    document
        .dataset
        .lessons
        .iter()
        .position(|lesson| lesson.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Level, Month};
    use crate::scene::Selection;
    use crate::style::BodyColouring;

    fn sample() -> Document {
        match crate::io::read_native_str(crate::SAMPLE_DATASET_JSON, "sample") {
            Ok((dataset, _)) => Document::new(dataset, "sample".into(), String::new()),
            Err(report) => panic!("the sample does not load: {}", report.summary()),
        }
    }

    /// The state after showing the slide of the ideas lesson whose title starts with
    /// `title`, and the ids of its body's members then.
    fn shown(document: &Document, title: &str) -> (AppState, Vec<String>) {
        let lesson = lesson_named(document, IDEAS_LESSON).expect("the sample has the ideas");
        let slide = document.dataset.lessons[lesson]
            .slides
            .iter()
            .position(|slide| slide.title.starts_with(title))
            .expect("a slide with that title");
        let mut state = AppState::of_document(document);
        let at = SlideRef { lesson, slide };
        state.apply(show_slide(document, &state, at).expect("the slide exists"));
        assert_eq!(state.shown_slide, Some(at));
        let members = match state.view.selection {
            Some(Selection::Body(body)) => document
                .timeline
                .members(body, state.view.date.end(), state.view.level)
                .into_iter()
                .map(|m| document.dataset.actors[m.actor.index()].id.clone())
                .collect(),
            _ => Vec::new(),
        };
        (state, members)
    }

    #[test]
    fn the_sample_s_first_lesson_is_the_chapter_s_ideas() {
        let document = sample();
        assert_eq!(lesson_named(&document, IDEAS_LESSON), Some(0));
        let lesson = &document.dataset.lessons[0];
        assert_eq!(lesson.slides.len(), 8);
        for slide in &lesson.slides {
            assert!(!slide.caption.is_empty(), "{}", slide.title);
            if let Some(selection) = &slide.selection {
                assert!(
                    document.node_of_id(selection.id()).is_some(),
                    "{} selects {}",
                    slide.title,
                    selection.id()
                );
            }
        }
        let (state, _) = shown(&document, "Hard law and soft law");
        assert_eq!(state.view.body_colouring, BodyColouring::Law);
        assert_eq!(state.view.selection, None);
    }

    #[test]
    fn the_numbers_the_texts_give_are_the_data_s() {
        let document = sample();
        let (state, foc) = shown(&document, "The magic number");
        assert!(
            (23..=25).contains(&foc.len()),
            "about two dozen: {}",
            foc.len()
        );
        let founders = document.timeline.members(
            document.timeline.body_ix("foc").expect("the FOC"),
            Month::new(2011, 12).end(),
            state.view.level,
        );
        assert_eq!(founders.len(), 15);
        let (_, budapest) = shown(&document, "A docking agreement");
        for outsider in ["USA", "JPN", "AUS"] {
            assert!(budapest.iter().any(|id| id == outsider), "{outsider}");
        }
        let (state, tpp) = shown(&document, "From four to twelve");
        assert_eq!(state.view.level, Level::Signatory);
        assert_eq!(tpp.len(), 12);
        let (_, acta) = shown(&document, "ACTA");
        assert!(
            acta.iter().any(|id| id == "EUU"),
            "the EU signed in January 2012"
        );
        let (_, mef) = shown(&document, "A stepping stone");
        assert_eq!(mef.len(), 17);
        let (_, ccdcoe) = shown(&document, "A small club");
        assert_eq!(ccdcoe.len(), 15);
    }

    /// The members of `body` at the end of `date` at `level`: (actor id, kind is state,
    /// region).
    fn members_at(
        document: &Document,
        body: &str,
        date: Month,
        level: Level,
    ) -> Vec<(String, bool, Option<String>)> {
        let body = document.timeline.body_ix(body).expect("the body");
        document
            .timeline
            .members(body, date.end(), level)
            .into_iter()
            .map(|member| {
                let actor = &document.dataset.actors[member.actor.index()];
                (
                    actor.id.clone(),
                    actor.kind == crate::model::ActorKind::State,
                    actor.region.clone(),
                )
            })
            .collect()
    }

    fn in_region(members: &[(String, bool, Option<String>)], region: &str) -> usize {
        members
            .iter()
            .filter(|(_, state, r)| *state && r.as_deref() == Some(region))
            .count()
    }

    #[test]
    fn the_numbers_of_the_story_since_2015_are_the_data_s() {
        let document = sample();
        let lesson = lesson_named(&document, "The story since 2015").expect("the second lesson");
        assert_eq!(document.dataset.lessons[lesson].slides.len(), 3);
        let october = Month::new(2025, 10);
        let un = members_at(&document, "un_cybercrime", october, Level::Signatory);
        assert_eq!(un.len(), 60, "60 of the 72 signatories identified");
        let un_states: Vec<&str> = un
            .iter()
            .filter(|(_, state, _)| *state)
            .map(|(id, ..)| id.as_str())
            .collect();
        assert_eq!(un_states.len(), 59, "59 states and the EU");
        let budapest = members_at(&document, "budapest", october, Level::Signatory);
        let budapest_states: Vec<&str> = budapest
            .iter()
            .filter(|(_, state, _)| *state)
            .map(|(id, ..)| id.as_str())
            .collect();
        assert_eq!(budapest_states.len(), 76);
        let both = un_states
            .iter()
            .filter(|id| budapest_states.contains(id))
            .count();
        assert_eq!(both, 26);
        assert_eq!(in_region(&budapest, "Europe"), 40);
        assert_eq!(in_region(&budapest, "Africa"), 12);
        assert_eq!(in_region(&un, "Africa"), 21);

        let dfi = members_at(&document, "dfi", Month::new(2022, 4), Level::Party);
        assert_eq!(dfi.len(), 62);
        assert_eq!(in_region(&dfi, "Europe"), 36);
        assert_eq!(in_region(&dfi, "Africa"), 4);
        let christchurch = members_at(
            &document,
            "christchurch_call",
            Month::new(2019, 5),
            Level::Party,
        );
        let states = christchurch.iter().filter(|(_, state, _)| *state).count();
        assert_eq!(
            (states, christchurch.len()),
            (17, 26),
            "17 governments, the EC, 8 companies"
        );

        let foc = members_at(&document, "foc", october, Level::Signatory);
        assert_eq!(foc.len(), 37);
        assert_eq!(
            (in_region(&foc, "Europe"), in_region(&foc, "Africa")),
            (21, 3)
        );
        let states_of = |region: &str| {
            document
                .dataset
                .actors
                .iter()
                .filter(|actor| {
                    actor.kind == crate::model::ActorKind::State
                        && actor.region.as_deref() == Some(region)
                })
                .count()
        };
        assert_eq!((states_of("Europe"), states_of("Africa")), (45, 54));
    }

    #[test]
    fn a_slide_of_the_view_shows_the_same_view_again() {
        let document = sample();
        let mut state = AppState::of_document(&document);
        let budapest = document.timeline.body_ix("budapest").expect("Budapest");
        state.apply(Command::Select(Some(Selection::Body(budapest))));
        state.apply(Command::SetDate(Month::new(2010, 6)));
        let slide = slide_of_view(&document, &state, None);
        assert!(slide.title.contains("June 2010"), "{}", slide.title);
        let mut document = document;
        let lesson = document.dataset.lessons.len();
        std::sync::Arc::make_mut(&mut document.dataset)
            .lessons
            .push(crate::model::Lesson {
                name: "Mine".into(),
                slides: vec![slide],
            });
        let mut other = AppState::of_document(&document);
        let at = SlideRef { lesson, slide: 0 };
        other.apply(show_slide(&document, &other, at).expect("the new slide"));
        assert_eq!(other.view.date, state.view.date);
        assert_eq!(other.view.selection, state.view.selection);
        other.apply(Command::SetTheme(crate::style::Theme::Dark));
        assert_eq!(other.shown_slide, Some(at), "the theme is the user's");
        other.apply(Command::StepMonths(1));
        assert_eq!(other.shown_slide, None, "another date is not the slide");
        assert!(show_slide(&document, &other, SlideRef { lesson, slide: 1 }).is_none());
    }
}
