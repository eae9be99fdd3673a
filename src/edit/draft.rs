//! What an edit form holds: text as typed, turned into a record by `validate`, which names
//! each field that is wrong so the form can say so beside it.

use crate::model::check::{valid_id, valid_iso3};
use crate::model::{
    Actor, ActorKind, Body, BodyKind, Dataset, Event, EventDate, EventKind, IssueArea, Law,
    PartialDate, Relation, RelationKind, ReportedCount, Source,
};

/// A field that is wrong, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    /// The field, by its label in the form.
    pub field: &'static str,
    /// What is wrong.
    pub message: String,
}

fn error(field: &'static str, message: impl Into<String>) -> FieldError {
    FieldError {
        field,
        message: message.into(),
    }
}

fn optional(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

fn date_field(
    errors: &mut Vec<FieldError>,
    field: &'static str,
    text: &str,
) -> Option<PartialDate> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    match PartialDate::parse(text) {
        Ok(date) => Some(date),
        Err(problem) => {
            errors.push(error(field, problem.reason));
            None
        }
    }
}

/// Checks an id for a record at `index` of actors or bodies (`None`: a new record).
fn id_field(
    errors: &mut Vec<FieldError>,
    dataset: &Dataset,
    id: &str,
    own: Option<(bool, usize)>,
) -> String {
    let id = id.trim();
    if !valid_id(id) {
        errors.push(error("Id", "use letters, digits, _ - . or :"));
    }
    let actor_clash = dataset
        .actors
        .iter()
        .enumerate()
        .any(|(i, actor)| actor.id == id && own != Some((true, i)));
    let body_clash = dataset
        .bodies
        .iter()
        .enumerate()
        .any(|(i, body)| body.id == id && own != Some((false, i)));
    if actor_clash || body_clash {
        errors.push(error("Id", format!("\"{id}\" is already used")));
    }
    id.to_owned()
}

/// A membership event as typed in a form.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EventDraft {
    /// The actor's id.
    pub actor_id: String,
    /// The body's id.
    pub body_id: String,
    /// What happened.
    pub kind: Option<EventKind>,
    /// `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or `unknown`.
    pub date: String,
    /// A URL, a citation or `unknown`.
    pub source: String,
    /// A note (needed when the source or date is unknown).
    pub note: String,
}

impl EventDraft {
    /// A draft holding an event as it is.
    pub fn of(event: &Event) -> Self {
        Self {
            actor_id: event.actor_id.clone(),
            body_id: event.body_id.clone(),
            kind: Some(event.kind),
            date: event.date.to_string(),
            source: event.source.as_str().to_owned(),
            note: event.note.clone(),
        }
    }

    /// The event, or every field that is wrong.
    pub fn validate(&self, dataset: &Dataset) -> Result<Event, Vec<FieldError>> {
        let mut errors = Vec::new();
        if dataset.actor(self.actor_id.trim()).is_none() {
            errors.push(error("Actor", "choose an actor"));
        }
        if dataset.body(self.body_id.trim()).is_none() {
            errors.push(error("Body", "choose a body"));
        }
        if self.kind.is_none() {
            errors.push(error("Event", "choose what happened"));
        }
        let unknown_date = self.date.trim().eq_ignore_ascii_case("unknown");
        let date = if unknown_date {
            Some(EventDate::Unknown)
        } else if self.date.trim().is_empty() {
            errors.push(error("Date", "enter YYYY, YYYY-MM, YYYY-MM-DD or unknown"));
            None
        } else {
            date_field(&mut errors, "Date", &self.date).map(EventDate::Known)
        };
        let source = Source::from_text(&self.source);
        if source.is_none() {
            errors.push(error(
                "Source",
                "every fact needs a source: a URL, a citation or unknown",
            ));
        }
        let note = self.note.trim().to_owned();
        if note.is_empty() && (source == Some(Source::Unknown) || unknown_date) {
            errors.push(error("Note", "say why the source or date is unknown"));
        }
        match (self.kind, date, source) {
            (Some(kind), Some(date), Some(source)) if errors.is_empty() => Ok(Event {
                actor_id: self.actor_id.trim().to_owned(),
                body_id: self.body_id.trim().to_owned(),
                kind,
                date,
                source,
                note,
            }),
            _ => Err(errors),
        }
    }
}

/// An actor as typed in a form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActorDraft {
    /// Unique id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// State or stakeholder kind.
    pub kind: ActorKind,
    /// ISO 3166-1 alpha-3 code.
    pub iso3: String,
    /// Region.
    pub region: String,
    /// Sub-region.
    pub subregion: String,
    /// Web page.
    pub url: String,
    /// Note.
    pub note: String,
}

impl Default for ActorDraft {
    fn default() -> Self {
        Self {
            id: String::new(),
            name: String::new(),
            kind: ActorKind::State,
            iso3: String::new(),
            region: String::new(),
            subregion: String::new(),
            url: String::new(),
            note: String::new(),
        }
    }
}

impl ActorDraft {
    /// A draft holding an actor as it is.
    pub fn of(actor: &Actor) -> Self {
        Self {
            id: actor.id.clone(),
            name: actor.name.clone(),
            kind: actor.kind,
            iso3: actor.iso3.clone().unwrap_or_default(),
            region: actor.region.clone().unwrap_or_default(),
            subregion: actor.subregion.clone().unwrap_or_default(),
            url: actor.url.clone().unwrap_or_default(),
            note: actor.note.clone(),
        }
    }

    /// The actor, or every field that is wrong; `index` is the actor being changed.
    pub fn validate(
        &self,
        dataset: &Dataset,
        index: Option<usize>,
    ) -> Result<Actor, Vec<FieldError>> {
        let mut errors = Vec::new();
        let id = id_field(&mut errors, dataset, &self.id, index.map(|i| (true, i)));
        if self.name.trim().is_empty() {
            errors.push(error("Name", "enter a name"));
        }
        let iso3 = optional(&self.iso3);
        if let Some(code) = &iso3
            && !valid_iso3(code)
        {
            errors.push(error("ISO3", "three capital letters, like FRA"));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Actor {
            id,
            name: self.name.trim().to_owned(),
            kind: self.kind,
            iso3,
            region: optional(&self.region),
            subregion: optional(&self.subregion),
            url: optional(&self.url),
            note: self.note.trim().to_owned(),
        })
    }
}

/// A body as typed in a form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BodyDraft {
    /// Unique id.
    pub id: String,
    /// Full name.
    pub name: String,
    /// Short name shown on the graph.
    pub short_name: String,
    /// Kind of body.
    pub kind: BodyKind,
    /// Hard or soft law.
    pub law: Law,
    /// Issue areas.
    pub issues: Vec<IssueArea>,
    /// When it opened.
    pub opened: String,
    /// When it closed.
    pub closed: String,
    /// Description.
    pub description: String,
    /// Web page.
    pub url: String,
    /// Note.
    pub note: String,
    /// The reported member counts, kept as they are (the form does not edit them).
    pub reported: Vec<ReportedCount>,
}

impl Default for BodyDraft {
    fn default() -> Self {
        Self {
            id: String::new(),
            name: String::new(),
            short_name: String::new(),
            kind: BodyKind::Forum,
            law: Law::Soft,
            issues: Vec::new(),
            opened: String::new(),
            closed: String::new(),
            description: String::new(),
            url: String::new(),
            note: String::new(),
            reported: Vec::new(),
        }
    }
}

impl BodyDraft {
    /// A draft holding a body as it is.
    pub fn of(body: &Body) -> Self {
        Self {
            id: body.id.clone(),
            name: body.name.clone(),
            short_name: body.short_name.clone().unwrap_or_default(),
            kind: body.kind,
            law: body.law,
            issues: body.issues.clone(),
            opened: body.opened.map(|d| d.to_string()).unwrap_or_default(),
            closed: body.closed.map(|d| d.to_string()).unwrap_or_default(),
            description: body.description.clone(),
            url: body.url.clone().unwrap_or_default(),
            note: body.note.clone(),
            reported: body.reported.clone(),
        }
    }

    /// The body, or every field that is wrong; `index` is the body being changed.
    pub fn validate(
        &self,
        dataset: &Dataset,
        index: Option<usize>,
    ) -> Result<Body, Vec<FieldError>> {
        let mut errors = Vec::new();
        let id = id_field(&mut errors, dataset, &self.id, index.map(|i| (false, i)));
        if self.name.trim().is_empty() {
            errors.push(error("Name", "enter a name"));
        }
        let opened = date_field(&mut errors, "Opened", &self.opened);
        let closed = date_field(&mut errors, "Closed", &self.closed);
        if let (Some(opened), Some(closed)) = (opened, closed)
            && closed.start() < opened.start()
        {
            errors.push(error("Closed", "closes before it opens"));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let mut issues = self.issues.clone();
        issues.sort_unstable();
        issues.dedup();
        Ok(Body {
            id,
            name: self.name.trim().to_owned(),
            short_name: optional(&self.short_name),
            kind: self.kind,
            law: self.law,
            issues,
            opened,
            closed,
            description: self.description.trim().to_owned(),
            url: optional(&self.url),
            note: self.note.trim().to_owned(),
            reported: self.reported.clone(),
        })
    }
}

/// A relation between two bodies as typed in a form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RelationDraft {
    /// The body the relation starts from.
    pub from: String,
    /// The relation.
    pub kind: RelationKind,
    /// The body it points to.
    pub to: String,
    /// A URL, a citation, `unknown` or nothing.
    pub source: String,
    /// Note.
    pub note: String,
}

impl Default for RelationDraft {
    fn default() -> Self {
        Self {
            from: String::new(),
            kind: RelationKind::HostedBy,
            to: String::new(),
            source: String::new(),
            note: String::new(),
        }
    }
}

impl RelationDraft {
    /// A draft holding a relation as it is.
    pub fn of(relation: &Relation) -> Self {
        Self {
            from: relation.from.clone(),
            kind: relation.kind,
            to: relation.to.clone(),
            source: relation
                .source
                .as_ref()
                .map(|s| s.as_str().to_owned())
                .unwrap_or_default(),
            note: relation.note.clone(),
        }
    }

    /// The relation, or every field that is wrong.
    pub fn validate(&self, dataset: &Dataset) -> Result<Relation, Vec<FieldError>> {
        let mut errors = Vec::new();
        if dataset.body(self.from.trim()).is_none() {
            errors.push(error("From", "choose a body"));
        }
        if dataset.body(self.to.trim()).is_none() {
            errors.push(error("To", "choose a body"));
        } else if self.to.trim() == self.from.trim() {
            errors.push(error("To", "a body cannot relate to itself"));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Relation {
            from: self.from.trim().to_owned(),
            kind: self.kind,
            to: self.to.trim().to_owned(),
            source: Source::from_text(&self.source),
            note: self.note.trim().to_owned(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dataset() -> Dataset {
        let text = include_str!("../../tests/fixtures/ui/small.json");
        match crate::io::read_native_str(text, "small.json") {
            Ok((dataset, _)) => dataset,
            Err(report) => panic!("fixture does not load: {}", report.summary()),
        }
    }

    fn fields(errors: Vec<FieldError>) -> Vec<&'static str> {
        errors.into_iter().map(|e| e.field).collect()
    }

    #[test]
    fn an_event_draft_round_trips_and_names_bad_fields() {
        let dataset = dataset();
        let event = &dataset.events[0];
        assert_eq!(EventDraft::of(event).validate(&dataset).as_ref(), Ok(event));

        let mut draft = EventDraft::of(event);
        draft.date = "2014-02-30".into();
        draft.source = "  ".into();
        let errors = draft.validate(&dataset).unwrap_err();
        assert!(errors[0].message.contains("February 2014 has no day 30"));
        assert_eq!(fields(errors), ["Date", "Source"]);

        draft.date = "unknown".into();
        draft.source = "unknown".into();
        draft.note = String::new();
        assert_eq!(fields(draft.validate(&dataset).unwrap_err()), ["Note"]);
        draft.note = "not found".into();
        assert_eq!(draft.validate(&dataset).unwrap().date, EventDate::Unknown);

        draft.actor_id = "NOPE".into();
        assert_eq!(fields(draft.validate(&dataset).unwrap_err()), ["Actor"]);
    }

    #[test]
    fn ids_must_be_unique_across_actors_and_bodies() {
        let dataset = dataset();
        let mut draft = ActorDraft::of(&dataset.actors[0]);
        assert!(
            draft.validate(&dataset, Some(0)).is_ok(),
            "its own id is fine"
        );
        assert_eq!(fields(draft.validate(&dataset, None).unwrap_err()), ["Id"]);
        draft.id = dataset.bodies[0].id.clone();
        assert_eq!(
            fields(draft.validate(&dataset, Some(0)).unwrap_err()),
            ["Id"]
        );
        draft.id = "new id".into();
        draft.iso3 = "fr".into();
        assert_eq!(
            fields(draft.validate(&dataset, Some(0)).unwrap_err()),
            ["Id", "ISO3"]
        );
    }

    #[test]
    fn body_and_relation_drafts_check_dates_and_references() {
        let dataset = dataset();
        let body = &dataset.bodies[0];
        assert_eq!(
            BodyDraft::of(body).validate(&dataset, Some(0)).as_ref(),
            Ok(body)
        );
        let mut draft = BodyDraft::of(body);
        draft.opened = "2010".into();
        draft.closed = "2009-05".into();
        assert_eq!(
            fields(draft.validate(&dataset, Some(0)).unwrap_err()),
            ["Closed"]
        );

        let relation = RelationDraft {
            from: body.id.clone(),
            to: body.id.clone(),
            ..RelationDraft::default()
        };
        assert_eq!(fields(relation.validate(&dataset).unwrap_err()), ["To"]);
    }
}
