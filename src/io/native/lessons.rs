//! The `lessons` section (version 2): each lesson, then each of its slides on its own, field
//! by field. A bad word or date is an error at the slide's field; a slide that selects a record
//! the dataset does not have is a warning (the slide shows nothing selected); a lesson
//! whose name is taken is a warning, and its slides join no other lesson.

use serde_json::value::RawValue;

use super::dto::{CameraDto, LessonDto, LessonInDto, SlideDto};
use super::reader::Reader;
use crate::io::report::Severity;
use crate::model::{
    BodyColouring, Dataset, IssueArea, Law, Lesson, Level, Month, NodeKind, PartialDate, Slide,
    SlideCamera, SlideFilters, SlideSelection, SlideView, Word,
};

/// The lessons of a file, read against the dataset already read (for the selections).
pub(super) fn read_lessons<'a>(
    reader: &mut Reader<'a>,
    raws: &[&'a RawValue],
    dataset: &Dataset,
) -> Vec<Lesson> {
    let mut lessons: Vec<Lesson> = Vec::new();
    for (index, &raw) in raws.iter().enumerate() {
        let path = format!("$.lessons[{index}]");
        let Some(dto) = reader.record::<LessonInDto<'a>>(raw, &path) else {
            continue;
        };
        let name = dto.name.trim().to_owned();
        if name.is_empty() {
            reader.issue(
                Severity::Error,
                raw.get(),
                format!("{path}.name"),
                Some("name"),
                "a lesson needs a name".into(),
                Some("lesson skipped".into()),
            );
            continue;
        }
        if lessons.iter().any(|lesson| lesson.name == name) {
            reader.issue(
                Severity::Warning,
                raw.get(),
                format!("{path}.name"),
                Some("name"),
                format!("a second lesson named \"{name}\""),
                Some("kept as it is; rename one to tell them apart".into()),
            );
        }
        let slides = dto
            .slides
            .into_iter()
            .enumerate()
            .filter_map(|(number, raw)| {
                let path = format!("{path}.slides[{number}]");
                let slide = reader.record::<SlideDto>(raw, &path)?;
                read_slide(reader, slide, raw.get(), &path, dataset)
            })
            .collect();
        lessons.push(Lesson { name, slides });
    }
    lessons
}

/// One slide: bad words and dates are errors at their field (the slide is left out when its
/// date is bad); a selection of a record the dataset lacks is a warning.
fn read_slide(
    reader: &mut Reader<'_>,
    dto: SlideDto,
    raw: &str,
    path: &str,
    dataset: &Dataset,
) -> Option<Slide> {
    let date = reader.date(&dto.date, raw, &path, "date")?;
    let view = match &dto.view {
        Some(text) => reader.word::<SlideView>(text, raw, &path, "view")?,
        None => SlideView::default(),
    };
    let level = match &dto.level {
        Some(text) => reader.word::<Level>(text, raw, &path, "level")?,
        None => Level::default(),
    };
    let colouring = match &dto.colouring {
        Some(text) => reader.word::<BodyColouring>(text, raw, &path, "colouring")?,
        None => BodyColouring::default(),
    };
    let mut hidden_kinds = Vec::new();
    for (index, text) in dto.hidden_kinds.iter().enumerate() {
        let field = format!("hidden_kinds[{index}]");
        let kind = reader.word::<NodeKind>(text, raw, &path, &field)?;
        if !hidden_kinds.contains(&kind) {
            hidden_kinds.push(kind);
        }
    }
    hidden_kinds.sort_unstable();
    let issue = match &dto.issue {
        Some(text) => Some(reader.word::<IssueArea>(text, raw, &path, "issue")?),
        None => None,
    };
    let law = match &dto.law {
        Some(text) => Some(reader.word::<Law>(text, raw, &path, "law")?),
        None => None,
    };
    let selection = selection(reader, &dto, raw, path, dataset)?;
    let camera = dto.camera.map(
        |CameraDto {
             centre,
             zoom_percent,
         }| SlideCamera {
            centre,
            zoom_percent: zoom_percent.clamp(SlideCamera::MIN_ZOOM, SlideCamera::MAX_ZOOM),
        },
    );
    Some(Slide {
        title: dto.title,
        caption: dto.caption,
        view,
        date: month_of(date),
        level,
        selection,
        colouring,
        filters: SlideFilters {
            hidden_kinds,
            issue,
            law,
            region: dto.region.filter(|region| !region.trim().is_empty()),
            hide_non_members: dto.hide_non_members,
            max_members: dto.max_members,
        },
        camera,
    })
}

/// The slide's selection: `Some(None)` when it selects nothing (or a record the dataset
/// does not have, with a warning), `None` when it names both a body and an actor.
fn selection(
    reader: &mut Reader<'_>,
    dto: &SlideDto,
    raw: &str,
    path: &str,
    dataset: &Dataset,
) -> Option<Option<SlideSelection>> {
    let selection = match (&dto.body, &dto.actor) {
        (Some(_), Some(_)) => {
            reader.issue(
                Severity::Error,
                raw,
                format!("{path}.actor"),
                Some("actor"),
                "a slide selects a body or an actor, not both".into(),
                Some("slide skipped".into()),
            );
            return None;
        }
        (Some(body), None) => SlideSelection::Body(body.clone()),
        (None, Some(actor)) => SlideSelection::Actor(actor.clone()),
        (None, None) => return Some(None),
    };
    let known = match &selection {
        SlideSelection::Body(id) => dataset.bodies.iter().any(|body| &body.id == id),
        SlideSelection::Actor(id) => dataset.actors.iter().any(|actor| &actor.id == id),
    };
    if !known {
        let field = match selection {
            SlideSelection::Body(_) => "body",
            SlideSelection::Actor(_) => "actor",
        };
        reader.issue(
            Severity::Warning,
            raw,
            format!("{path}.{field}"),
            Some(field),
            format!(
                "the slide selects \"{}\", which the dataset does not have",
                selection.id()
            ),
            Some("the slide shows nothing selected".into()),
        );
    }
    Some(Some(selection))
}

/// The month of a date; a year alone is its January.
fn month_of(date: PartialDate) -> Month {
    Month::of_date(date.start())
}

/// The lessons as written.
pub(super) fn lessons_dto(lessons: &[Lesson]) -> Vec<LessonDto> {
    lessons
        .iter()
        .map(|lesson| LessonDto {
            name: lesson.name.clone(),
            slides: lesson.slides.iter().map(slide_dto).collect(),
        })
        .collect()
}

fn slide_dto(slide: &Slide) -> SlideDto {
    let (body, actor) = match &slide.selection {
        Some(SlideSelection::Body(id)) => (Some(id.clone()), None),
        Some(SlideSelection::Actor(id)) => (None, Some(id.clone())),
        None => (None, None),
    };
    let filters = &slide.filters;
    SlideDto {
        title: slide.title.clone(),
        caption: slide.caption.clone(),
        view: Some(slide.view.word().to_owned()),
        date: format!("{:04}-{:02}", slide.date.year(), slide.date.month()),
        level: Some(slide.level.word().to_owned()),
        body,
        actor,
        colouring: Some(slide.colouring.word().to_owned()),
        hidden_kinds: filters
            .hidden_kinds
            .iter()
            .map(|kind| kind.word().to_owned())
            .collect(),
        issue: filters.issue.map(|issue| issue.word().to_owned()),
        law: filters.law.map(|law| law.word().to_owned()),
        region: filters.region.clone(),
        hide_non_members: filters.hide_non_members,
        max_members: filters.max_members,
        camera: slide.camera.map(|camera| CameraDto {
            centre: camera.centre,
            zoom_percent: camera.zoom_percent,
        }),
    }
}
